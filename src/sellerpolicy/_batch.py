"""Batch checking: JSON Lines records checked in parallel, in input order, in constant memory."""

from __future__ import annotations

import collections
import concurrent.futures
import datetime as dt  # noqa: TC003 - attrs.resolve_types reads annotations at run time
import io
import itertools
import json
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import attrs
import cattrs
import regex

from sellerpolicy._api import check_message
from sellerpolicy._converter import InvalidDataError, converter, resolve
from sellerpolicy._events import Event  # noqa: TC001 - attrs.resolve_types reads it
from sellerpolicy._model import Claim, Feedback, Message, Order, ReturnRequest
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._rules.chargebacks import cancellation_advice, chargeback
from sellerpolicy._rules.claims import a_to_z
from sellerpolicy._rules.feedback import check_feedback
from sellerpolicy._rules.obligations import obligations
from sellerpolicy._rules.returns import assess_return
from sellerpolicy._rules.solicitation import solicitation
from sellerpolicy.exceptions import (
    InputTooLargeError,
    InvalidTypeError,
    InvalidValueError,
    SellerPolicyError,
)

if TYPE_CHECKING:
    from sellerpolicy._codes import Edition
    from sellerpolicy._decisions import Report

__all__ = [
    "RECORD_TYPES",
    "TIMELINE_DECISIONS",
    "BatchSummary",
    "check_many",
    "decide",
    "run_jsonl",
]

RECORD_TYPES = ("message", "feedback", "timeline")
"""What a record can be; a line names it with ``"type"`` (see `check_many`)."""

_CHUNK_LINES = 128
_CHUNK_BYTES = 1 << 20
# Chunks in flight per worker: enough to keep every worker busy while the main process reads,
# few enough that memory stays bounded (jobs x 2 chunks of at most ~1 MiB plus one long line).
_WINDOW_PER_JOB = 2
_STDIO = "-"


# --- records -------------------------------------------------------------------------------


class _LineError(Exception):
    """A line that cannot be checked: the field at fault (``None`` for the whole line)."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@attrs.frozen(kw_only=True)
class _MessageContext:
    """What a message line may carry besides the message's own fields."""

    order: Order | None = None
    events: tuple[Event, ...] = ()
    history: tuple[Message, ...] = ()
    now: dt.datetime | None = None


@attrs.frozen(kw_only=True)
class _FeedbackContext:
    """What a feedback line may carry besides the feedback's own fields."""

    order: Order | None = None
    now: dt.datetime | None = None


@attrs.frozen(kw_only=True)
class _Timeline:
    """A timeline line: an order, its events, the moment and the decision to take."""

    order: Order
    now: dt.datetime
    events: tuple[Event, ...] = ()
    decision: str = "obligations"
    claim: Claim | None = None
    request: ReturnRequest | None = None


for _cls in (_MessageContext, _FeedbackContext, _Timeline):
    resolve(_cls)

_MESSAGE_CONTEXT = frozenset(f.name for f in attrs.fields(_MessageContext))
_FEEDBACK_CONTEXT = frozenset(f.name for f in attrs.fields(_FeedbackContext))
_ENVELOPE = frozenset({"type", "id"})


def _structure(data: Mapping[str, Any], cls: type[Any]) -> Any:
    """``cls`` from ``data`` with the package's converter; a problem names its field."""
    try:
        return converter().structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - every cattrs and validator error becomes a line error
        problems = list(_problems(exc, ""))
        _forget(exc)
        field, message = problems[0]
        if len(problems) > 1:
            message = "; ".join(f"{f or 'the record'}: {m}" for f, m in problems)
        raise _LineError(field, message) from None


def _forget(exc: BaseException) -> None:
    """Drop the tracebacks of ``exc`` and the errors it groups.

    A cattrs error keeps each inner error in a list its frame holds, and each traceback holds
    that frame: a cycle only the garbage collector frees. Broken here, a batch of bad lines
    leaves no garbage behind, and its peak memory stays flat.
    """
    exc.__traceback__ = None
    exc.__context__ = None
    if isinstance(exc, BaseExceptionGroup):
        for inner in exc.exceptions:
            _forget(inner)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _problems(exc: BaseException, path: str) -> Iterator[tuple[str | None, str]]:
    """Each problem in a cattrs error: the field it is about (``events[2].at``), and what."""
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        names = sorted(exc.extra_fields)
        yield _join(path, names[0]), f"unknown field(s) {', '.join(names)}"
    elif isinstance(exc, cattrs.ClassValidationError | cattrs.IterableValidationError):
        with_notes, others = exc.group_exceptions()
        for inner, note in with_notes:
            where = (
                f"{path}[{note.index}]"
                if isinstance(note, cattrs.IterableValidationNote)
                else _join(path, note.name)
            )
            yield from _problems(inner, where)
        for inner in others:
            yield from _problems(inner, path)
    elif isinstance(exc, BaseExceptionGroup):
        for member in exc.exceptions:
            yield from _problems(member, path)
    else:
        yield _leaf(exc, path)


_CLASS_FIELD = regex.compile(r"[A-Z]\w*\.\w+(?=\s)", regex.V1)


def _leaf(exc: BaseException, path: str) -> tuple[str | None, str]:
    if isinstance(exc, KeyError):
        return path or None, "required field missing"
    if isinstance(exc, SellerPolicyError):
        # A validator names its field as 'Order.latest_ship' (in .field, or at the start of
        # the message); the line's path to the object is 'order'.
        named = exc.field or (match[0] if (match := _CLASS_FIELD.match(str(exc))) else None)
        own = named.rpartition(".")[2] if named else None
        return (_join(path, own) if own else path or None), str(exc)
    if isinstance(exc, InvalidDataError):
        return path or None, str(exc)
    return path or None, f"invalid value: {exc}"


def _split(
    data: Mapping[str, Any], context: frozenset[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    own = {k: v for k, v in data.items() if k not in context and k not in _ENVELOPE}
    extra = {k: v for k, v in data.items() if k in context}
    return own, extra


def _message(data: Mapping[str, Any], policy: Policy) -> tuple[str, Report]:
    own, extra = _split(data, _MESSAGE_CONTEXT)
    message = _structure(own, Message)
    context: _MessageContext = _structure(extra, _MessageContext)
    try:
        report = check_message(
            message,
            order=context.order,
            events=context.events,
            history=context.history,
            now=context.now,
            policy=policy,
        )
    except SellerPolicyError as exc:
        raise _LineError(_error_field(exc, "body"), str(exc)) from None
    return "check_message", report


def _feedback(data: Mapping[str, Any], policy: Policy) -> tuple[str, Report]:
    own, extra = _split(data, _FEEDBACK_CONTEXT)
    feedback = _structure(own, Feedback)
    context: _FeedbackContext = _structure(extra, _FeedbackContext)
    try:
        report = check_feedback(feedback, order=context.order, now=context.now, policy=policy)
    except SellerPolicyError as exc:
        raise _LineError(_error_field(exc, "comment"), str(exc)) from None
    return "check_feedback", report


def _error_field(exc: SellerPolicyError, text: str) -> str | None:
    # The decision names its argument ('feedback.comment', 'events[3].at', 'now'): the line has
    # the message's or feedback's own fields at its top. A text over the size limit is about
    # the text, though the error may name no field.
    if exc.field:
        return exc.field.removeprefix("message.").removeprefix("feedback.")
    return text if isinstance(exc, InputTooLargeError) else None


def _claim_not_read(record: _Timeline, decision: str) -> None:
    if record.claim is not None:
        raise _LineError("claim", f"the {decision} decision reads no claim; leave 'claim' out")
    if record.request is not None and decision != "return":
        raise _LineError("request", f"the {decision} decision reads no return request")


def _obligations(record: _Timeline, policy: Policy) -> Report:
    _claim_not_read(record, "obligations")
    return obligations(record.order, record.events, now=record.now, policy=policy)


def _solicitation(record: _Timeline, policy: Policy) -> Report:
    _claim_not_read(record, "solicitation")
    return solicitation(record.order, events=record.events, now=record.now, policy=policy)


def _a_to_z(record: _Timeline, policy: Policy) -> Report:
    return a_to_z(
        record.order, claim=record.claim, events=record.events, now=record.now, policy=policy
    )


def _chargeback(record: _Timeline, policy: Policy) -> Report:
    if record.claim is None:
        raise _LineError("claim", "the chargeback decision needs the chargeback as 'claim'")
    return chargeback(
        record.order, record.claim, events=record.events, now=record.now, policy=policy
    )


def _cancellation_advice(record: _Timeline, policy: Policy) -> Report:
    _claim_not_read(record, "cancellation_advice")
    return cancellation_advice(record.order, events=record.events, now=record.now, policy=policy)


def _return(record: _Timeline, policy: Policy) -> Report:
    _claim_not_read(record, "return")
    if record.request is None:
        raise _LineError("request", "the return decision needs the return request as 'request'")
    return assess_return(
        record.request, record.order, events=record.events, now=record.now, policy=policy
    )


TIMELINE_DECISIONS: Mapping[str, Callable[[_Timeline, Policy], Report]] = MappingProxyType(
    {
        "obligations": _obligations,
        "solicitation": _solicitation,
        "a_to_z": _a_to_z,
        "chargeback": _chargeback,
        "cancellation_advice": _cancellation_advice,
        "return": _return,
    }
)
"""The decisions a ``timeline`` line can ask for with ``"decision"`` (default: obligations)."""


def _timeline(data: Mapping[str, Any], policy: Policy) -> tuple[str, Report]:
    own = {k: v for k, v in data.items() if k not in _ENVELOPE}
    record: _Timeline = _structure(own, _Timeline)
    decide = TIMELINE_DECISIONS.get(record.decision)
    if decide is None:
        allowed = ", ".join(map(repr, TIMELINE_DECISIONS))
        raise _LineError("decision", f"unknown decision {record.decision!r}; use one of {allowed}")
    try:
        return record.decision, decide(record, policy)
    except SellerPolicyError as exc:
        raise _LineError(exc.field, str(exc)) from None


_CHECKS: Mapping[str, Callable[[Mapping[str, Any], Policy], tuple[str, Report]]] = MappingProxyType(
    {"message": _message, "feedback": _feedback, "timeline": _timeline}
)


def _kind(data: Mapping[str, Any]) -> str:
    """What a record is: its ``type``, else ``message`` with a body, ``feedback`` with a rating."""
    kind = data.get("type")
    if kind is None:
        if "body" in data:
            return "message"
        if "rating" in data and "comment" in data:
            return "feedback"
        allowed = ", ".join(map(repr, RECORD_TYPES))
        msg = (
            "cannot tell what the record is: give 'type' (one of "
            f"{allowed}), a message's 'body', or a feedback's 'rating' and 'comment'"
        )
        raise _LineError("type", msg)
    if kind not in _CHECKS:
        allowed = ", ".join(map(repr, RECORD_TYPES))
        raise _LineError("type", f"unknown record type {kind!r}; use one of {allowed}")
    return str(kind)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _present(data: Mapping[str, Any]) -> dict[str, Any]:
    """The record without its top-level ``null`` fields: null means "not given".

    Tables (data frames, Parquet, CSV) have a cell for every column, empty ones included; a
    field left empty so takes its default, and a required one is reported missing.
    """
    return {k: v for k, v in data.items() if v is not None}


def _load(raw: bytes | str | Mapping[str, Any]) -> Mapping[str, Any]:
    """The record of one line (or an already parsed record), without its null fields."""
    if isinstance(raw, Mapping):
        return _present(raw)
    if isinstance(raw, bytes | bytearray):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _LineError(None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if not isinstance(raw, str):
        msg = f"a record is a JSON line (str or bytes) or a mapping, got {type(raw).__name__}"
        raise _LineError(None, msg)
    if not raw.strip():
        raise _LineError(None, "empty line; every line must hold one JSON object")
    try:
        data = json.loads(raw, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _LineError(None, f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise _LineError(None, "invalid JSON: nested too deeply") from None
    except ValueError as exc:  # NaN, Infinity, an integer beyond Python's digit limit
        raise _LineError(None, f"invalid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise _LineError(None, f"a record is a JSON object, got a JSON {type(data).__name__}")
    return _present(data)


class _Unread(NamedTuple):
    """A line the reader could not take: longer than the limit, or not in the file's encoding."""

    message: str


def _oversized(size: int, limit: int) -> _Unread:
    return _Unread(
        f"line of {size:,} bytes is over the limit of {limit:,} bytes (6 for each of the "
        "policy's max_input_chars, plus 1 MiB); it was skipped unread"
    )


def _ident(data: Mapping[str, Any]) -> str | int | None:
    ident = data.get("id")
    if ident is None or (isinstance(ident, str | int) and not isinstance(ident, bool)):
        return ident
    raise _LineError("id", f"'id' must be a string or an integer, got {ident!r}")


def _check_record(
    number: int, raw: bytes | str | Mapping[str, Any] | _Unread, policy: Policy
) -> dict[str, Any]:
    """The result of one line: never raises, whatever the line holds."""
    ident: str | int | None = None
    try:
        if isinstance(raw, _Unread):
            raise _LineError(None, raw.message)  # noqa: TRY301 - one place makes every result
        data = _load(raw)
        ident = _ident(data)
        kind = _kind(data)
        decision, report = _CHECKS[kind](data, policy)
    except _LineError as exc:
        return _error(number, exc.field, exc.message, ident)
    except RecursionError:
        return _error(number, None, "the record is nested too deeply", ident)
    except Exception as exc:  # noqa: BLE001 - one bad line never stops a batch; say it is a bug
        message = f"internal error {type(exc).__name__}: {exc}; please report it with this line"
        return _error(number, None, message, ident)
    result: dict[str, Any] = {"line": number, "ok": report.ok, "type": kind}
    if ident is not None:
        result["id"] = ident
    result["decision"] = decision
    result["result"] = report.to_dict()
    return result


def decide(record: Mapping[str, Any], *, policy: Policy | None = None) -> Report:
    """Take the decision one record asks for (a line of `run_jsonl`, already parsed).

    Raises:
        InvalidValueError: The record is malformed; ``field`` names the field.
    """
    if not isinstance(record, Mapping):
        msg = f"record must be a JSON object, got {type(record).__name__}"
        raise InvalidValueError(msg, field="record", value=record)
    record = _present(record)
    try:
        _, report = _CHECKS[_kind(record)](record, _policy(policy))
    except _LineError as exc:
        raise InvalidValueError(exc.message, field=exc.field) from None
    return report


def _error(number: int, field: str | None, message: str, ident: str | int | None) -> dict[str, Any]:
    result: dict[str, Any] = {"line": number, "error": {"field": field, "message": message}}
    if ident is not None:
        result["id"] = ident
    return result


def _encode(result: dict[str, Any]) -> bytes:
    # A lone surrogate (from a "\ud800" escape) cannot be UTF-8: written as the same JSON escape.
    return (json.dumps(result, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


# --- the policy in worker processes ----------------------------------------------------------


class _PolicyState(NamedTuple):
    """A policy as plain data: `Policy` holds read-only mappings, which do not pickle."""

    edition: Edition
    disabled: frozenset[Any]
    enabled: frozenset[Any]
    severities: dict[Any, Any]
    overrides: dict[str, Any]
    phrases: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, policy: Policy) -> _PolicyState:
        return cls(
            policy.edition,
            policy.disabled,
            policy.enabled,
            dict(policy.severities),
            dict(policy.overrides),
            dict(policy.phrases),
        )

    def policy(self) -> Policy:
        built = Policy(
            edition=self.edition,
            disabled=self.disabled,
            enabled=self.enabled,
            severities=self.severities,
            overrides=self.overrides,
            phrases=self.phrases,
        )
        # the built-in editions are shared values: reuse them rather than an equal copy
        return next((p for p in (Policy.current(), Policy.seed()) if p == built), built)


_worker_policy: list[Policy] = []
"""The policy of this worker process, set once by `_start_worker` (empty in the main process)."""


def _start_worker(state: _PolicyState) -> None:
    # The main process handles Ctrl-C and shuts the pool down; workers finish their chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_policy[:] = [state.policy()]


def _check_chunk(chunk: _Chunk, policy: Policy, as_bytes: bool) -> list[Any]:  # noqa: FBT001
    results = [_check_record(number, raw, policy) for number, raw in chunk.items]
    return [_encode(r) for r in results] if as_bytes else results


def _check_chunk_in_worker(chunk: _Chunk, as_bytes: bool) -> list[Any]:  # noqa: FBT001
    return _check_chunk(chunk, _worker_policy[0], as_bytes)


class _Chunk(NamedTuple):
    """Consecutive lines, numbered, and how many input bytes they took."""

    items: list[tuple[int, Any]]
    size: int


def _mp_context() -> multiprocessing.context.BaseContext:
    # forkserver: no fork of a multi-threaded parent (a deadlock risk), and faster than spawn
    # since the server imports sellerpolicy once and each worker is forked from it.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["sellerpolicy"])
        return context
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


def _map_chunks(
    chunks: Iterator[_Chunk], policy: Policy, jobs: int, *, as_bytes: bool
) -> Iterator[tuple[_Chunk, list[Any]]]:
    """Each chunk with its results, in input order; at most a bounded window in flight."""
    head = list(itertools.islice(chunks, 2))
    if jobs == 1 or len(head) < 2:  # noqa: PLR2004 - one chunk is not worth starting processes
        for chunk in itertools.chain(head, chunks):
            yield chunk, _check_chunk(chunk, policy, as_bytes)
        return
    executor = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_mp_context(),
        initializer=_start_worker,
        initargs=(_PolicyState.of(policy),),
    )
    pending: collections.deque[tuple[_Chunk, concurrent.futures.Future[list[Any]]]] = (
        collections.deque()
    )
    finished = False
    try:
        for chunk in itertools.chain(head, chunks):
            pending.append((chunk, executor.submit(_check_chunk_in_worker, chunk, as_bytes)))
            if len(pending) >= _WINDOW_PER_JOB * jobs:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
        finished = True
    finally:
        executor.shutdown(wait=finished, cancel_futures=True)


def _chunked(lines: Iterable[tuple[int, Any, int]]) -> Iterator[_Chunk]:
    """Group ``(number, raw, size)`` lines into chunks of bounded length and bytes."""
    items: list[tuple[int, Any]] = []
    size = 0
    for number, raw, consumed in lines:
        items.append((number, raw))
        size += consumed
        if len(items) >= _CHUNK_LINES or size >= _CHUNK_BYTES:
            yield _Chunk(items, size)
            items, size = [], 0
    if items:
        yield _Chunk(items, size)


def _jobs(jobs: int | None) -> int:
    if jobs is None:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover - macOS, Windows
            return max(1, os.cpu_count() or 1)
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise InvalidTypeError(f"jobs must be an integer, got {jobs!r}", field="jobs", value=jobs)
    if jobs < 1:
        raise InvalidValueError(
            f"jobs must be at least 1 (or None for every CPU), got {jobs!r}",
            field="jobs",
            value=jobs,
        )
    return jobs


def _policy(policy: Policy | None) -> Policy:
    return resolve_policy(policy)


# --- the public functions --------------------------------------------------------------------


def check_many(
    records: Iterable[str | bytes | Mapping[str, Any]],
    *,
    jobs: int | None = 1,
    policy: Policy | None = None,
    start: int = 1,
) -> Iterator[dict[str, Any]]:
    """Check many records, lazily: one result per record, in the records' order.

    A record is a JSON line (or its parsed object) holding a serialized `Message`, `Feedback`
    or order timeline; ``"type"`` says which (``message``, ``feedback``, ``timeline``), and
    without it a ``body`` makes a message and a ``rating`` with a ``comment`` a feedback. See
    the how-to "Check many records" for each shape.

    Args:
        records: The records; consumed lazily, so an endless stream works in constant memory.
        jobs: Worker processes; ``1`` (the default) checks in this process, ``None`` uses
            every CPU. The policy goes to each worker once.
        policy: The policy; `Policy.current` by default.
        start: The number of the first record (results name their record by it).

    Yields:
        ``{"line": n, "ok": bool, "type": ..., "decision": ..., "result": {...}}`` for a
        checked record (``result`` is the decision's `to_dict`; ``ok`` its `Report.ok`), or
        ``{"line": n, "error": {"field": ..., "message": ...}}`` for a record that cannot be
        checked (bad JSON, a wrong type, a naive datetime, a body over the size limit). A
        record's ``"id"``, when given, is copied into its result. Never raises for a record.

    Raises:
        InvalidTypeError: ``jobs`` or ``policy`` has the wrong type.
        InvalidValueError: ``jobs`` is less than 1.
    """
    checked = _policy(policy)
    workers = _jobs(jobs)
    if isinstance(start, bool) or not isinstance(start, int):
        raise InvalidTypeError(f"start must be an integer, got {start!r}", field="start")
    return _check_many(records, checked, workers, start)


def _check_many(
    records: Iterable[str | bytes | Mapping[str, Any]], policy: Policy, jobs: int, start: int
) -> Iterator[dict[str, Any]]:
    numbered = ((n, raw, 1) for n, raw in enumerate(records, start))
    for _, results in _map_chunks(_chunked(numbered), policy, jobs, as_bytes=False):
        yield from results


@attrs.frozen(kw_only=True)
class BatchSummary:
    """What `run_jsonl` did.

    Attributes:
        lines: Input lines, and so result lines in the output (those of an earlier run
            included).
        ok: Checked records whose decision is ok (no ``error`` finding).
        not_ok: Checked records with an ``error`` finding.
        errors: Lines that could not be checked (an error result).
        resumed: Results already in the output from an earlier run (``--resume``), not redone.
        jobs: Worker processes used.
    """

    lines: int
    ok: int
    not_ok: int
    errors: int
    resumed: int
    jobs: int

    @property
    def clean(self) -> bool:
        """Every line was checked and every decision is ok."""
        return self.not_ok == 0 and self.errors == 0


class _Counts:
    """Running totals of result kinds, read from result lines."""

    __slots__ = ("errors", "not_ok", "ok")

    def __init__(self) -> None:
        self.ok = self.not_ok = self.errors = 0

    def add(self, line: bytes) -> None:
        # our own format: '{"line": N, "ok": true|false, ...' or '{"line": N, "error": ...'
        head = line[:48]
        if b'"ok": true' in head:
            self.ok += 1
        elif b'"ok": false' in head:
            self.not_ok += 1
        else:
            self.errors += 1


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _read_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, Any, int]]:
    """``(number, raw line, bytes taken)`` for each line; a line over ``limit`` is skipped.

    UTF-8 lines stay bytes (workers decode them); a UTF-16 or UTF-32 file (it starts with a
    byte order mark, as PowerShell writes) is decoded here.
    """
    wrapped = not hasattr(stream, "peek")
    buffered: Any = io.BufferedReader(stream) if wrapped else stream
    try:
        head = buffered.peek(4)[:4]
        encoding = next((name for bom, name in _BOMS if head.startswith(bom)), None)
        if encoding is None or encoding == "utf-8":
            if encoding == "utf-8":
                buffered.read(3)
            yield from _byte_lines(buffered, limit)
        else:
            yield from _text_lines(buffered, encoding, limit)
    finally:
        if wrapped:
            buffered.detach()  # the caller's stream stays open


def _byte_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, Any, int]]:
    for number in itertools.count(1):
        line = stream.readline(limit + 1)
        if not line:
            return
        taken = len(line)
        if taken > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest, never holding it
                line = stream.readline(_CHUNK_BYTES)
                taken += len(line)
            yield number, _oversized(taken, limit), taken
        else:
            yield number, line, taken


def _text_lines(stream: IO[bytes], encoding: str, limit: int) -> Iterator[tuple[int, Any, int]]:
    # unpaired surrogates pass through, as a JSON "\ud800" escape would; sizes are estimates
    text = io.TextIOWrapper(stream, encoding=encoding, errors="surrogatepass", newline="\n")
    unit = 2 if encoding == "utf-16" else 4
    chars = limit // unit
    try:
        for number in itertools.count(1):
            try:
                line = text.readline(chars + 1)
            except UnicodeDecodeError as exc:  # a truncated last character: the end of the file
                yield number, _Unread(f"not {encoding.upper()} text: {exc.reason}"), 0
                return
            if not line:
                return
            taken = len(line)
            if taken > chars and not line.endswith("\n"):
                while line and not line.endswith("\n"):
                    line = text.readline(_CHUNK_BYTES)
                    taken += len(line)
                yield number, _oversized(taken * unit, limit), taken * unit
            else:
                yield number, line, taken * unit
    finally:
        text.detach()  # the caller's stream stays open


def _line_limit(policy: Policy) -> int:
    # a body at the size limit, each character spelled as a 6-byte '\uXXXX', and room around it
    return 6 * int(policy.parameters.max_input_chars) + (1 << 20)


def _open_input(in_path: str | os.PathLike[str] | IO[bytes]) -> tuple[IO[bytes], int | None, bool]:
    """The input as a binary stream, its size when known, and whether we opened it."""
    if isinstance(in_path, str | os.PathLike):
        if str(in_path) == _STDIO:
            return sys.stdin.buffer, None, False
        path = Path(in_path)
        try:
            stream = path.open("rb")
        except OSError as exc:
            msg = f"{path}: cannot read: {exc.strerror}"
            raise InvalidValueError(msg, field="in_path", value=str(path)) from None
        if path.is_dir():  # pragma: no cover - open() fails on folders already
            stream.close()
            raise InvalidValueError(f"{path}: a folder, not a JSON Lines file", field="in_path")
        size = os.fstat(stream.fileno()).st_size
        return stream, size or None, True
    raw = getattr(in_path, "buffer", in_path)
    return raw, None, False


def _resume_from(path: Path) -> tuple[int, _Counts]:
    """How many complete results ``path`` holds; a torn last line is cut off."""
    counts = _Counts()
    complete = 0
    kept = 0
    last = b""
    with path.open("r+b") as file:
        for line in file:
            if not line.endswith(b"\n"):
                break
            complete += 1
            kept += len(line)
            counts.add(line)
            last = line
        file.truncate(kept)
    if last:
        try:
            number = json.loads(last).get("line")
        except (ValueError, AttributeError):
            number = None
        if number != complete:
            msg = (
                f"{path}: its line {complete} is not the result of input line {complete}; "
                "is it the output of this input? Resume only an output run_jsonl wrote"
            )
            raise InvalidValueError(msg, field="out_path", value=str(path))
    return complete, counts


def run_jsonl(
    in_path: str | os.PathLike[str] | IO[bytes],
    out_path: str | os.PathLike[str] | IO[str] | IO[bytes] | None = None,
    *,
    jobs: int | None = None,
    resume: bool = False,
    policy: Policy | None = None,
    progress: bool | None = None,
) -> BatchSummary:
    """Check a JSON Lines file: one result line per input line, in input order.

    Memory stays constant whatever the file's length: lines are read lazily, checked in chunks
    by ``jobs`` worker processes with a bounded number of chunks in flight, and written in
    order as they come back. The output is the checkpoint: after an interrupt, run again with
    ``resume=True`` to skip the lines it already holds (a torn last line is redone).

    Args:
        in_path: The JSON Lines file, ``"-"`` for standard input, or a binary stream. UTF-8
            (with or without a byte order mark), or UTF-16/UTF-32 with a byte order mark.
        out_path: Where results go: a file, ``"-"`` or ``None`` for standard output, or a
            stream.
        jobs: Worker processes; ``None`` uses every CPU, ``1`` checks in this process.
        resume: Continue the results already in ``out_path`` instead of starting over.
        policy: The policy; `Policy.current` by default. Sent once to each worker.
        progress: Show a progress bar on standard error; ``None`` shows it when standard
            error is a terminal.

    Returns:
        A `BatchSummary`: lines, ok, not ok, errors, resumed.

    Raises:
        InvalidValueError: ``in_path`` cannot be read; ``resume`` without an output file; the
            output to resume is not this input's (its last line has another number, or it
            has more lines than the input).
        InvalidTypeError: ``jobs`` or ``policy`` has the wrong type.
        BrokenPipeError: The reader of standard output went away (the results written so far
            are complete lines).
    """
    checked = _policy(policy)
    workers = _jobs(jobs)
    to_file = isinstance(out_path, str | os.PathLike) and str(out_path) != _STDIO
    if resume and not to_file:
        msg = "resume needs the output file of the earlier run; standard output cannot resume"
        raise InvalidValueError(msg, field="out_path", value=out_path)
    done, counts = (0, _Counts())
    if resume and to_file and Path(out_path).exists():  # type: ignore[arg-type]
        done, counts = _resume_from(Path(out_path))  # type: ignore[arg-type]
    stream, size, opened = _open_input(in_path)
    try:
        lines = _read_lines(stream, _line_limit(checked))
        skipped = _skip(lines, done, in_path)
        out, close_out = _open_output(out_path, append=resume)
        try:
            total = _write_results(
                _map_chunks(_chunked(lines), checked, workers, as_bytes=True),
                out,
                counts,
                _progress_bar(progress, size, skipped),
            )
        finally:
            if close_out:
                out.close()
    finally:
        if opened:
            stream.close()
    return BatchSummary(
        lines=done + total,
        ok=counts.ok,
        not_ok=counts.not_ok,
        errors=counts.errors,
        resumed=done,
        jobs=workers,
    )


def _skip(lines: Iterator[tuple[int, Any, int]], done: int, in_path: object) -> int:
    """Read past the ``done`` lines an earlier run checked; the bytes they took."""
    taken = 0
    seen = 0
    for _, _, size in itertools.islice(lines, done):
        seen += 1
        taken += size
    if seen < done:
        msg = (
            f"the output holds {done:,} results but the input has {seen:,} lines; "
            "is it the output of another input?"
        )
        raise InvalidValueError(msg, field="in_path", value=str(in_path))
    return taken


class _BytesOut:
    """Bytes written to a text stream (a terminal, `io.StringIO`)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: bytes) -> None:
        self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:  # pragma: no cover - we never close a caller's stream
        pass


def _open_output(
    out_path: str | os.PathLike[str] | IO[str] | IO[bytes] | None, *, append: bool
) -> tuple[Any, bool]:
    if out_path is None or (isinstance(out_path, str) and out_path == _STDIO):
        return _binary(sys.stdout), False
    if isinstance(out_path, str | os.PathLike):
        path = Path(out_path)
        try:
            return path.open("ab" if append else "wb"), True
        except OSError as exc:
            msg = f"{path}: cannot write: {exc.strerror}"
            raise InvalidValueError(msg, field="out_path", value=str(path)) from None
    return _binary(out_path), False


def _binary(stream: IO[str] | IO[bytes]) -> Any:
    """A binary stream writing to ``stream``: its buffer, or itself if it is binary."""
    if isinstance(stream, io.RawIOBase | io.BufferedIOBase):
        return stream
    stream.flush()  # what was written as text comes first
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else _BytesOut(stream)  # type: ignore[arg-type]


class _Bar:
    """A tqdm progress bar over input bytes, or nothing."""

    def __init__(self, bar: Any) -> None:
        self.bar = bar

    def update(self, taken: int, lines: int) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(f"{lines:,} lines", refresh=False)
            self.bar.update(taken)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _progress_bar(progress: bool | None, size: int | None, skipped: int) -> _Bar:  # noqa: FBT001
    show = sys.stderr.isatty() if progress is None else bool(progress)
    if not show:
        return _Bar(None)
    from tqdm import tqdm  # noqa: PLC0415 - only when a bar is shown

    bar = tqdm(
        total=size,
        initial=skipped,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        desc="checking",
        file=sys.stderr,
        dynamic_ncols=True,
    )
    return _Bar(bar)


def _write_results(
    results: Iterator[tuple[_Chunk, list[bytes]]], out: Any, counts: _Counts, bar: _Bar
) -> int:
    written = 0
    try:
        for chunk, lines in results:
            for line in lines:
                counts.add(line)
            out.write(b"".join(lines))
            out.flush()  # the output is the checkpoint: whole chunks, as soon as they are done
            written += len(lines)
            bar.update(chunk.size, written)
    finally:
        bar.close()
    return written
