import importlib
import json
import pkgutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import sellerpolicy
from sellerpolicy import Code, Policy
from sellerpolicy._batch import check_many
from sellerpolicy._rules import feedback, health, obligations

THREADS = 8


def _messages() -> list[Any]:
    """Every eighth message of the labelled corpus, with its history."""
    out = []
    for path in sorted((Path(__file__).parent / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines()[::8]:
            record = json.loads(line)
            message = sellerpolicy.Message(
                body=record["body"],
                kind=record.get("kind", "proactive"),
                format=record.get("format", "text"),
            )
            history = tuple(
                sellerpolicy.from_dict(sellerpolicy.Message, h) for h in record.get("history", ())
            )
            out.append((message, history))
    return out


MESSAGES = _messages()
PHRASES = Policy.current().with_phrases(incentive=["bonus points", "free gift*"])


def _work() -> list[Callable[[], dict[str, Any]]]:
    """Every kind of decision, as calls that return its data."""
    calls: list[Callable[[], dict[str, Any]]] = []
    for message, history in MESSAGES:
        calls.append(
            lambda m=message, h=history: sellerpolicy.check_message(m, history=h).to_dict()
        )
    calls += [
        lambda: sellerpolicy.check_message(
            "Earn bonus points: free gifts for a review!", policy=PHRASES
        ).to_dict(),
        lambda: sellerpolicy.check_message(
            "Ѕhор at ｓｈｏｐ．ｃｏｍ or call ＋１ ５５５ １２３ ４５６７ ‐ ﬁne", kind="reply"
        ).to_dict(),
        lambda: sellerpolicy.check_message(
            '<p>Hi <a href="https://shop.com">here</a><img src="x.png"></p>', kind="reply"
        ).to_dict(),
    ]
    for code in (Code.SP501, Code.SP502, Code.SP507):
        order, events, now = obligations.example_timeline(code, "bad")
        calls.append(
            lambda o=order, e=events, n=now: sellerpolicy.obligations(o, e, now=n).to_dict()
        )
        calls.append(
            lambda o=order, e=events, n=now: sellerpolicy.solicitation(o, events=e, now=n).to_dict()
        )
    for code in (Code.SP301, Code.SP303):
        value, order, policy = feedback.example(code, "bad")
        calls.append(
            lambda v=value, o=order, p=policy: feedback.check_feedback(
                v, order=o, policy=p
            ).to_dict()
        )
    orders, events, now = health.example_account(Code.SP901, "bad")
    calls.append(lambda: health.account_health(orders, events, now=now).to_dict())
    return calls


WORK = _work()


def _memo_tables() -> dict[tuple[str, str], dict[Any, Any]]:
    """Module-level lookup tables that fill themselves on a miss (a dict with ``__missing__``)."""
    tables = {}
    for info in pkgutil.walk_packages(sellerpolicy.__path__, "sellerpolicy."):
        if info.name.startswith(
            (
                "sellerpolicy.cli",
                "sellerpolicy.dask",
                "sellerpolicy.__main__",
                "sellerpolicy.plotting",
                "sellerpolicy.pytest_plugin",
            )
        ):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, dict) and hasattr(type(value), "__missing__"):
                tables[info.name, name] = value
    return tables


def _module_state() -> dict[tuple[str, str], str]:
    """Every module-level list, dict, set and bytearray of the package, as text."""
    state = {}
    for info in pkgutil.walk_packages(sellerpolicy.__path__, "sellerpolicy."):
        if info.name.startswith(("sellerpolicy.cli", "sellerpolicy.__main__")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, list | dict | set | bytearray) and not name.startswith("__"):
                state[info.name, name] = repr(value)
    return state


class TestThreads:
    def test_eight_threads_same_reports_as_one(self):
        """Eight threads deciding every input at once, each from another start, get one thread's reports."""
        expected = [call() for call in WORK]
        for table in _memo_tables().values():
            table.clear()  # let the threads race to fill the lazy lookup tables
        barrier = threading.Barrier(THREADS)

        def run(k: int) -> list[dict[str, Any]]:
            start = k * len(WORK) // THREADS
            barrier.wait()
            done = {i: WORK[i]() for i in [*range(start, len(WORK)), *range(start)]}
            return [done[i] for i in range(len(WORK))]

        with ThreadPoolExecutor(THREADS) as pool:
            results = list(pool.map(run, range(THREADS)))

        assert [expected] * THREADS == results

    def test_check_many_in_threads(self):
        """check_many, one per thread, gives every thread the same results."""
        lines = ['{"body": "see shop.com"}', "{bad", '{"body": "Thanks for your order"}'] * 10
        expected = list(check_many(lines))

        with ThreadPoolExecutor(THREADS) as pool:
            results = list(pool.map(lambda _: list(check_many(lines)), range(THREADS)))

        assert [expected] * THREADS == results

    def test_no_shared_state_written(self):
        """A decision writes no module-level state but self-filling lookup tables of pure values."""
        tables = _memo_tables()
        before = _module_state()
        for call in WORK:
            call()
        after = _module_state()

        changed = {key for key in before if before[key] != after.get(key)}
        assert set() == changed - set(tables)
        assert not set(after) - set(before)

    @pytest.mark.parametrize(
        "policy", [Policy.current(), Policy.seed(), PHRASES], ids=["current", "seed", "phrases"]
    )
    def test_policy_shared_between_threads(self, policy):
        """One policy value serves many threads: it is immutable, and its reports do not vary."""
        text = "Earn bonus points! Visit shop.com and leave 5 stars."
        expected = sellerpolicy.check_message(text, policy=policy).to_dict()

        with ThreadPoolExecutor(THREADS) as pool:
            results = list(
                pool.map(
                    lambda _: sellerpolicy.check_message(text, policy=policy).to_dict(),
                    range(THREADS * 4),
                )
            )

        assert [expected] * THREADS * 4 == results
