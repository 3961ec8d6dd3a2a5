"""Batch checks on a Dask cluster: a bag of JSON Lines records in, a bag of results out."""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sellerpolicy._batch import _PolicyState, check_many
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy.exceptions import InvalidTypeError

try:
    import dask.bag as db
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - the extra is installed wherever this is tested
    msg = "sellerpolicy.dask needs Dask: pip install 'sellerpolicy[dask]'"
    raise ImportError(msg) from exc

if TYPE_CHECKING:
    from dask.delayed import Delayed

__all__ = ["check_bag", "check_jsonl", "check_partition"]

# Parts of dask.bag are untyped: they are reached through this alias, typed where they return.
_bags: Any = db

Record = str | bytes | Mapping[str, Any]


def check_partition(
    records: Iterable[Record], *, policy: Policy | None = None, start: int = 1
) -> list[dict[str, Any]]:
    """Check one partition's records in this process: `sellerpolicy.check_many` as a list.

    The function to hand to ``map_partitions`` (Dask) or to call inside ``mapInPandas``
    (Spark) when the records' numbering is yours to choose (``start``); `check_bag` numbers
    them across partitions for you.
    """
    return list(check_many(records, jobs=1, policy=policy, start=start))


def _check_part(records: Iterable[Record], state: _PolicyState, start: int) -> list[dict[str, Any]]:
    return list(check_many(records, jobs=1, policy=state.policy(), start=start))


def _count(records: Iterable[Record]) -> int:
    return sum(1 for _ in records)


def check_bag(bag: db.Bag, *, policy: Policy | None = None) -> db.Bag:
    """Check every record of ``bag``: a bag of one result per record, in the bag's order.

    Each partition is checked where it lies, by one task; the policy travels with the tasks as
    plain data (a `Policy` holds read-only mappings, which do not pickle). Results are numbered
    ``1..n`` in the bag's order, across partitions, exactly as `sellerpolicy.check_many`
    numbers them: a cheap count of each partition gives the next one its first number.

    Args:
        bag: JSON lines (``str`` or ``bytes``, as ``dask.bag.read_text`` gives them) or
            parsed records (mappings, as ``DataFrame.to_bag(format="dict")`` gives them).
        policy: The policy; `Policy.current` by default.

    Returns:
        A lazy bag of result dicts (see `sellerpolicy.check_many`); compute it, or write it
        with ``.map(json.dumps).to_textfiles(...)``.

    Raises:
        InvalidTypeError: ``bag`` is not a Dask bag or ``policy`` not a `Policy`.
    """
    if not isinstance(bag, db.Bag):
        raise InvalidTypeError(f"bag must be a dask.bag.Bag, got {bag!r}", field="bag")
    state = _PolicyState.of(resolve_policy(policy))
    lazy: Any = bag
    parts = lazy.to_delayed()
    checked: list[Delayed] = []
    start: Any = 1
    for part in parts:
        checked.append(delayed(_check_part)(part, state, start))
        start = delayed(operator.add)(start, delayed(_count)(part))
    results: db.Bag = _bags.from_delayed(checked)
    return results


def check_jsonl(
    urlpath: str | list[str],
    *,
    policy: Policy | None = None,
    blocksize: int | str | None = None,
    **storage_options: Any,
) -> db.Bag:
    """Check JSON Lines files where Dask reads them (local, ``s3://``, ``gs://``, ...).

    Args:
        urlpath: A file, a glob or a list of files.
        policy: The policy; `Policy.current` by default.
        blocksize: Split files into blocks of about this size (``"64MiB"``); ``None`` makes
            one partition per file.
        **storage_options: Passed to ``dask.bag.read_text`` (credentials, ...).

    Returns:
        A lazy bag of results, numbered by line across the files in their sorted order; a
        record's ``"id"`` comes back in its result, to join results to records across files.
    """
    lines: db.Bag = _bags.read_text(urlpath, blocksize=blocksize, **storage_options)
    return check_bag(lines, policy=policy)
