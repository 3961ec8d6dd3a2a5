import datetime as dt
import io
import json
import os
import pickle
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import Code, Policy
from sellerpolicy._batch import (
    TIMELINE_DECISIONS,
    BatchSummary,
    _PolicyState,
    check_many,
    run_jsonl,
)
from sellerpolicy._rules import chargebacks, claims, feedback, health, obligations
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

OID = "111-1111111-1111111"
ORDER = {
    "order_id": OID,
    "marketplace_id": "ATVPDKIKX0DER",
    "purchased_at": "2026-01-01T10:00:00Z",
    "fulfillment_channel": "MFN",
    "latest_ship": "2026-01-03T10:00:00Z",
    "latest_delivery": "2026-01-08T10:00:00Z",
    "delivered_at": "2026-01-06T10:00:00Z",
}
INQUIRY = {
    "type": "message",
    "body": "Where is my parcel?",
    "kind": "inquiry",
    "sender": "buyer",
    "order_id": OID,
    "sent_at": "2026-01-05T09:00:00Z",
}
CLAIM = {
    "order_id": OID,
    "kind": "chargeback",
    "reason": "not_received",
    "filed_at": "2026-02-01T00:00:00Z",
}
NOW = "2026-03-01T00:00:00Z"
NOW_DT = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def line(data: object) -> str:
    return json.dumps(data)


# Lines each decision checks: (line, type, decision)
GOOD = [
    (
        line({"body": "Leave us a 5 star review at shop.com", "kind": "proactive"}),
        "message",
        "check_message",
    ),
    (
        line({"body": "Your parcel shipped today.", "kind": "confirm_delivery"}),
        "message",
        "check_message",
    ),
    (
        line(
            {
                "type": "message",
                "body": "We replied.",
                "kind": "reply",
                "order": ORDER,
                "events": [INQUIRY],
                "now": NOW,
            }
        ),
        "message",
        "check_message",
    ),
    (
        line(
            {
                "order_id": OID,
                "rating": 1,
                "left_at": "2026-01-20T00:00:00Z",
                "comment": "Arrived broken",
            }
        ),
        "feedback",
        "check_feedback",
    ),
    (
        line(
            {
                "type": "feedback",
                "order_id": OID,
                "rating": 2,
                "left_at": "2026-01-20T00:00:00Z",
                "comment": "late",
                "order": ORDER,
                "now": NOW,
            }
        ),
        "feedback",
        "check_feedback",
    ),
    (
        line({"type": "timeline", "order": ORDER, "events": [INQUIRY], "now": NOW}),
        "timeline",
        "obligations",
    ),
    (
        line(
            {
                "type": "timeline",
                "order": ORDER,
                "events": [],
                "now": "2026-01-10T00:00:00Z",
                "decision": "solicitation",
            }
        ),
        "timeline",
        "solicitation",
    ),
    (
        line(
            {
                "type": "timeline",
                "order": ORDER,
                "events": [INQUIRY],
                "now": NOW,
                "decision": "a_to_z",
            }
        ),
        "timeline",
        "a_to_z",
    ),
    (
        line(
            {
                "type": "timeline",
                "order": ORDER,
                "events": [],
                "now": NOW,
                "decision": "chargeback",
                "claim": CLAIM,
            }
        ),
        "timeline",
        "chargeback",
    ),
    (
        line({"type": "timeline", "order": ORDER, "now": NOW, "decision": "cancellation_advice"}),
        "timeline",
        "cancellation_advice",
    ),
]

# Broken lines: (line, the field the error names, words of its message)
BROKEN = [
    ("{not json", None, "invalid JSON"),
    ("", None, "empty line"),
    ("   ", None, "empty line"),
    ("[1, 2]", None, "a JSON object, got a JSON list"),
    ('"text"', None, "a JSON object, got a JSON str"),
    ('{"body": NaN}', None, "NaN is not JSON"),
    ('{"body": 5}', "body", "expected a string, got 5"),
    ('{"body": "x", "kind": "bogus"}', "kind", "expected one of"),
    ('{"body": "x", "colour": "red"}', "colour", "unknown field(s) colour"),
    ('{"body": "x", "sent_at": "2026-01-01T00:00:00"}', "sent_at", "UTC offset"),
    ('{"body": "x", "now": "2026-01-01T00:00:00"}', "now", "UTC offset"),
    ('{"body": "x", "now": "yesterday"}', "now", "ISO 8601"),
    ('{"type": "letter", "body": "x"}', "type", "unknown record type 'letter'"),
    ('{"kind": "reply"}', "type", "cannot tell what the record is"),
    ('{"body": "x", "id": [1]}', "id", "'id' must be a string or an integer"),
    (
        '{"order_id": "1", "rating": 9, "left_at": "2026-01-01T00:00:00Z", "comment": ""}',
        "rating",
        "must be 1-5",
    ),
    (
        line(
            {
                "type": "timeline",
                "order": {**ORDER, "purchased_at": "2026-01-01T10:00:00"},
                "now": NOW,
            }
        ),
        "order.purchased_at",
        "UTC offset",
    ),
    (line({"type": "timeline", "order": ORDER}), "now", "required field missing"),
    (
        line(
            {
                "type": "timeline",
                "order": ORDER,
                "now": NOW,
                "events": [{"type": "refund", "order_id": OID}],
            }
        ),
        "events[0].at",
        "required field missing",
    ),
    (
        line({"type": "timeline", "order": ORDER, "now": NOW, "events": [{"type": "gift"}]}),
        "events[0]",
        "event 'type' must be one of",
    ),
    (
        line(
            {
                "type": "timeline",
                "order": ORDER,
                "now": NOW,
                "events": [{**INQUIRY, "order_id": "222-2222222-2222222"}],
            }
        ),
        "events[0].order_id",
        "but the order is",
    ),
    (
        line({"type": "timeline", "order": ORDER, "now": NOW, "decision": "refund"}),
        "decision",
        "unknown decision 'refund'",
    ),
    (
        line({"type": "timeline", "order": ORDER, "now": NOW, "decision": "chargeback"}),
        "claim",
        "needs the chargeback",
    ),
    (
        line({"type": "timeline", "order": ORDER, "now": NOW, "claim": CLAIM}),
        "claim",
        "reads no claim",
    ),
    ('{"body": "' + "x" * 1001 + '"}', "body", "over the limit of 1,000"),
    (
        '{"order_id": "1", "rating": 1, "left_at": "2026-01-01T00:00:00Z", "comment": "'
        + "x" * 1001
        + '"}',
        "comment",
        "over the limit",
    ),
    ("[" * 100_000, None, "invalid JSON"),
]
SMALL = Policy.current().with_parameters(max_input_chars=1000)


def results_of(lines: list[str], **kwargs: object) -> list[dict]:
    return list(check_many(lines, policy=SMALL, **kwargs))


class TestRecords:
    @pytest.mark.parametrize(
        ("text", "kind", "decision"), GOOD, ids=[f"{d}-{i}" for i, (_, _, d) in enumerate(GOOD)]
    )
    def test_each_kind_is_checked(self, text, kind, decision):
        """A message, a feedback and each timeline decision give a result with the decision's data."""
        [result] = results_of([text])

        assert (1, kind, decision) == (result["line"], result["type"], result["decision"])
        assert {"findings", "edition", "as_of", "not_judged"} <= set(result["result"])
        assert isinstance(result["ok"], bool)

    @pytest.mark.parametrize(("text", "field", "words"), BROKEN, ids=[w for _, _, w in BROKEN])
    def test_broken_line_names_field(self, text, field, words):
        """A malformed line gives an error result naming the line, the field and what is wrong."""
        [result] = results_of([text])

        assert {"line", "error"} == set(result)
        assert 1 == result["line"]
        assert field == result["error"]["field"]
        assert words in result["error"]["message"]

    def test_result_is_the_decision_to_dict(self):
        """A result carries exactly the decision's `to_dict` and its `ok`."""
        [result] = results_of(['{"body": "Call me at +1 555 123 4567", "kind": "reply"}'])
        report = sellerpolicy.check_message(
            "Call me at +1 555 123 4567", kind="reply", policy=SMALL
        )

        assert report.to_dict() == result["result"]
        assert report.ok == result["ok"]

    def test_obligations_result(self):
        """A timeline line gives what `obligations` decides for its order, events and now."""
        [result] = results_of([GOOD[5][0]])
        order = sellerpolicy.from_dict(sellerpolicy.Order, ORDER)
        inquiry = sellerpolicy.from_dict(
            sellerpolicy.Message, {k: v for k, v in INQUIRY.items() if k != "type"}
        )
        report = sellerpolicy.obligations(order, [inquiry], now=NOW_DT, policy=SMALL)

        assert report.to_dict() == result["result"]

    def test_id_is_copied(self):
        """A record's id comes back with its result, and with its error."""
        results = results_of(['{"id": "m-1", "body": "hi"}', '{"id": 7, "body": 5}'])

        assert ["m-1", 7] == [r["id"] for r in results]

    def test_parsed_records(self):
        """Parsed mappings and bytes are records too."""
        results = results_of([{"body": "hi"}, b'{"body": "hi"}', '{"body": "hi"}'])

        assert 1 == len({json.dumps(r["result"]) for r in results})

    def test_invalid_utf8(self):
        """A line that is not UTF-8 is an error naming the byte."""
        [result] = results_of([b'{"body": "caf\xe9"}'])

        assert "not UTF-8 text (invalid continuation byte at byte 13)" == result["error"]["message"]

    def test_not_a_record(self):
        """A record of another type is an error result, not an exception."""
        [result] = results_of([42])  # type: ignore[list-item]

        assert (
            "a record is a JSON line (str or bytes) or a mapping, got int"
            == result["error"]["message"]
        )

    def test_lone_surrogate_and_nul(self):
        """Escaped lone surrogates and NUL characters in a body are checked, not fatal."""
        results = results_of(['{"body": "hi \\ud800 there"}', '{"body": "a\\u0000b shop.com"}'])

        assert ["message", "message"] == [r["type"] for r in results]
        assert Code.SP101 in {f["code"] for f in results[1]["result"]["findings"]}

    def test_timeline_decisions_listed(self):
        """Every decision a timeline line may name is one of the package's decisions."""
        assert (
            "obligations",
            "solicitation",
            "a_to_z",
            "chargeback",
            "cancellation_advice",
            "return",
        ) == tuple(TIMELINE_DECISIONS)


broken_lines = st.sampled_from([text for text, _, _ in BROKEN[:-1]])
good_lines = st.sampled_from([text for text, _, _ in GOOD[:2]] + [GOOD[5][0]])


class TestCounts:
    @given(st.lists(st.one_of(good_lines, broken_lines), max_size=30))
    def test_one_result_per_record_in_order(self, lines):
        """Whatever the mix of good and broken lines, there is one result per line, in order."""
        results = results_of(lines)

        assert list(range(1, len(lines) + 1)) == [r["line"] for r in results]

    @given(
        st.lists(
            st.one_of(
                good_lines,
                broken_lines,
                st.binary(max_size=20).map(lambda b: b.replace(b"\n", b"")),
            ),
            max_size=20,
        )
    )
    def test_file_lines_equal_result_lines(self, lines):
        """Through run_jsonl, the output has exactly as many lines as the input, numbered in order."""
        raw = b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines)
        assume(
            not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))
        )  # a byte order mark is no line
        out = io.BytesIO()

        summary = run_jsonl(io.BytesIO(raw), out, jobs=1, policy=SMALL, progress=False)

        expected = raw.count(b"\n") + (0 if raw.endswith(b"\n") or not raw else 1)
        numbers = [json.loads(x)["line"] for x in out.getvalue().splitlines()]
        assert list(range(1, expected + 1)) == numbers
        assert expected == summary.lines == summary.ok + summary.not_ok + summary.errors

    def test_start(self):
        """Results are numbered from ``start``."""
        assert [41, 42] == [r["line"] for r in results_of(['{"body": "a"}', "x"], start=41)]


def mixed_file(path: Path, n: int) -> list[str]:
    """``n`` lines cycling through every good and broken line."""
    pool = [text for text, _, _ in GOOD] + [text for text, _, _ in BROKEN[:-1]]
    lines = [pool[i % len(pool)] for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


class TestRunJsonl:
    def test_parallel_matches_serial(self, tmp_path):
        """jobs=2 writes byte for byte what jobs=1 writes, broken lines included."""
        source = tmp_path / "in.jsonl"
        mixed_file(source, 600)

        serial = run_jsonl(source, tmp_path / "one.jsonl", jobs=1, policy=SMALL, progress=False)
        parallel = run_jsonl(source, tmp_path / "two.jsonl", jobs=2, policy=SMALL, progress=False)

        assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
        assert attrs_without_jobs(serial) == attrs_without_jobs(parallel)
        assert 600 == serial.lines
        assert 2 == parallel.jobs

    def test_check_many_parallel(self):
        """check_many with two processes yields what it yields in one."""
        lines = [text for text, _, _ in GOOD + BROKEN[:-1]] * 12

        assert results_of(lines) == results_of(lines, jobs=2)

    def test_summary(self, tmp_path):
        """The summary counts ok, not ok and error lines."""
        source = tmp_path / "in.jsonl"
        source.write_text(
            '{"body": "Your delivery is booked for Tuesday between 9 and 11.", "kind": "confirm_delivery"}\n{"body": "see shop.com"}\nnope\n',
            encoding="utf-8",
        )

        summary = run_jsonl(source, tmp_path / "out.jsonl", jobs=1, progress=False)

        assert BatchSummary(lines=3, ok=1, not_ok=1, errors=1, resumed=0, jobs=1) == summary
        assert not summary.clean

    @pytest.mark.parametrize(
        ("encoding", "bom"),
        [
            ("utf-8", b"\xef\xbb\xbf"),
            ("utf-16-le", b"\xff\xfe"),
            ("utf-16-be", b"\xfe\xff"),
            ("utf-32-le", b"\xff\xfe\x00\x00"),
        ],
        ids=["utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le"],
    )
    def test_byte_order_marks(self, tmp_path, encoding, bom):
        """A file with a byte order mark (UTF-8, or UTF-16/32 as PowerShell writes) reads like UTF-8."""
        text = '{"body": "Grüße, see shop.com"}\n{"body": "hi"}\nbad\n'
        (tmp_path / "plain.jsonl").write_text(text, encoding="utf-8")
        (tmp_path / "bom.jsonl").write_bytes(bom + text.encode(encoding))

        run_jsonl(tmp_path / "plain.jsonl", tmp_path / "a.jsonl", jobs=1, progress=False)
        run_jsonl(tmp_path / "bom.jsonl", tmp_path / "b.jsonl", jobs=1, progress=False)

        assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()

    def test_truncated_utf16(self, tmp_path):
        """A UTF-16 file cut inside a character ends with an error line naming the encoding."""
        (tmp_path / "in.jsonl").write_bytes(
            b"\xff\xfe" + '{"body": "hi"}\n{'.encode("utf-16-le") + b"\x00"
        )
        out = io.BytesIO()

        run_jsonl(tmp_path / "in.jsonl", out, jobs=1, progress=False)

        last = json.loads(out.getvalue().splitlines()[-1])
        assert 2 == last["line"]
        assert "not UTF-16 text" in last["error"]["message"]

    def test_long_line_skipped_unread(self, tmp_path):
        """A line over the limit is an error result; the lines around it are checked."""
        huge = '{"body": "' + "x" * (2 << 20) + '"}'
        (tmp_path / "in.jsonl").write_text(
            f'{{"body": "a"}}\n{huge}\n{{"body": "b"}}\n', encoding="utf-8"
        )
        out = io.BytesIO()

        run_jsonl(
            tmp_path / "in.jsonl",
            out,
            jobs=1,
            policy=Policy.current().with_parameters(max_input_chars=10),
            progress=False,
        )

        results = [json.loads(x) for x in out.getvalue().splitlines()]
        assert [1, 2, 3] == [r["line"] for r in results]
        assert "over the limit of 1,048,636 bytes" in results[1]["error"]["message"]
        assert "error" not in results[2]

    def test_text_output_stream(self):
        """Results can go to a text stream, such as the command's stdout."""
        out = io.StringIO()

        # a thank-you-only message: its finding's excerpt carries the lone surrogate
        run_jsonl(io.BytesIO(b'{"body": "Thanks \\ud800"}\n'), out, jobs=1, progress=False)

        assert 1 == json.loads(out.getvalue())["line"]
        assert "\\ud800" in out.getvalue()

    def test_progress_bar(self, tmp_path, capsys):
        """progress=True draws a bar on standard error."""
        source = tmp_path / "in.jsonl"
        mixed_file(source, 20)

        run_jsonl(source, tmp_path / "out.jsonl", jobs=1, progress=True)

        assert "20 lines" in capsys.readouterr().err

    def test_closed_stdout(self, tmp_path):
        """When the reader of the output goes away, BrokenPipeError ends the run cleanly."""
        source = tmp_path / "in.jsonl"
        mixed_file(source, 300)
        read, write = os.pipe()
        os.close(read)

        with os.fdopen(write, "wb") as out, pytest.raises(BrokenPipeError):
            run_jsonl(source, out, jobs=2, policy=SMALL, progress=False)

    def test_bad_arguments(self, tmp_path):
        """Bad jobs, policies, inputs and resumes raise errors naming the argument."""
        source = tmp_path / "in.jsonl"
        source.write_text("{}\n", encoding="utf-8")
        with pytest.raises(InvalidValueError, match="at least 1") as zero:
            run_jsonl(source, None, jobs=0)
        with pytest.raises(InvalidTypeError, match="policy must be a Policy"):
            run_jsonl(source, None, policy="current")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="cannot read") as missing:
            run_jsonl(tmp_path / "nope.jsonl", tmp_path / "out.jsonl")
        with pytest.raises(InvalidValueError, match="standard output cannot resume") as stdout:
            run_jsonl(source, "-", resume=True)

        assert ("jobs", "in_path", "out_path") == (
            zero.value.field,
            missing.value.field,
            stdout.value.field,
        )


def attrs_without_jobs(summary: BatchSummary) -> tuple[int, ...]:
    return (summary.lines, summary.ok, summary.not_ok, summary.errors, summary.resumed)


class _Interrupting(io.RawIOBase):
    """A file that raises KeyboardInterrupt (as Ctrl-C would) once ``after`` bytes were read."""

    def __init__(self, data: bytes, after: int) -> None:
        self.data, self.after, self.at = data, after, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.at >= self.after:
            raise KeyboardInterrupt
        n = min(len(buffer), 4096, len(self.data) - self.at)
        buffer[:n] = self.data[self.at : self.at + n]
        self.at += n
        return n


class TestResume:
    @pytest.fixture
    def full(self, tmp_path):
        source = tmp_path / "in.jsonl"
        mixed_file(source, 500)
        run_jsonl(source, tmp_path / "full.jsonl", jobs=1, policy=SMALL, progress=False)
        return source, (tmp_path / "full.jsonl").read_bytes()

    @pytest.mark.parametrize(
        "cut", [0, 1, 0.5, -1], ids=["empty", "one-byte", "half", "all-but-one-byte"]
    )
    def test_resume_after_torn_output(self, tmp_path, full, cut):
        """Cut anywhere, even inside a line, the output is completed without a lost or repeated result."""
        source, expected = full
        at = int(len(expected) * cut) if isinstance(cut, float) else cut % len(expected)
        out = tmp_path / "out.jsonl"
        out.write_bytes(expected[:at])

        summary = run_jsonl(source, out, jobs=2, resume=True, policy=SMALL, progress=False)

        assert expected == out.read_bytes()
        assert expected[:at].count(b"\n") == summary.resumed
        assert 500 == summary.lines
        assert summary.lines == summary.ok + summary.not_ok + summary.errors

    def test_resume_after_interrupt(self, tmp_path, full):
        """Interrupted mid-run, the output holds only whole results, and a resume completes it."""
        source, expected = full
        out = tmp_path / "out.jsonl"

        with pytest.raises(KeyboardInterrupt):
            run_jsonl(
                _Interrupting(source.read_bytes(), source.stat().st_size * 3 // 4),
                out,
                jobs=1,
                policy=SMALL,
                progress=False,
            )
        partial = out.read_bytes()
        run_jsonl(source, out, jobs=1, resume=True, policy=SMALL, progress=False)

        assert 0 < partial.count(b"\n") < 500
        assert partial.endswith(b"\n")
        assert expected == out.read_bytes()

    def test_resume_complete_output(self, tmp_path, full):
        """Resuming a finished run checks nothing again."""
        source, expected = full
        out = tmp_path / "out.jsonl"
        out.write_bytes(expected)

        summary = run_jsonl(source, out, jobs=1, resume=True, policy=SMALL, progress=False)

        assert expected == out.read_bytes()
        assert 500 == summary.resumed == summary.lines

    def test_resume_missing_output(self, tmp_path, full):
        """Resuming with no output yet starts from the first line."""
        source, expected = full

        run_jsonl(source, tmp_path / "new.jsonl", jobs=1, resume=True, policy=SMALL, progress=False)

        assert expected == (tmp_path / "new.jsonl").read_bytes()

    def test_resume_other_output(self, tmp_path, full):
        """An output that is not this input's results is refused, untouched."""
        source, _ = full
        other = tmp_path / "other.jsonl"
        other.write_text('{"a": 1}\n{"b": 2}\n', encoding="utf-8")
        longer = tmp_path / "longer.jsonl"
        longer.write_text("".join(f'{{"line": {n}}}\n' for n in range(1, 502)), encoding="utf-8")

        with pytest.raises(InvalidValueError, match="not the result of input line 2") as mismatch:
            run_jsonl(source, other, jobs=1, resume=True)
        with pytest.raises(
            InvalidValueError, match="holds 501 results but the input has 500 lines"
        ):
            run_jsonl(source, longer, jobs=1, resume=True)

        assert "out_path" == mismatch.value.field
        assert '{"a": 1}\n{"b": 2}\n' == other.read_text(encoding="utf-8")


class TestPickling:
    def test_policy_pickles(self):
        """A policy survives a pickle round trip."""
        policy = Policy.seed().disable("SP121").with_parameters(reply_to_buyer="48h")

        assert policy == pickle.loads(pickle.dumps(policy))  # noqa: S301 - our own bytes

    @pytest.mark.parametrize(
        "policy",
        [
            Policy.current(),
            Policy.seed(),
            Policy.seed().disable("SP121").enable("SP415").with_severity("SP113", "info"),
            Policy.current()
            .with_parameters(reply_to_buyer="48h", max_input_chars=10)
            .with_phrases(incentive=["bonus points"]),
        ],
        ids=["current", "seed", "rules", "parameters-phrases"],
    )
    def test_policy_state_round_trip(self, policy):
        """The plain data a worker gets rebuilds an equal policy, with the same parameters."""
        state = pickle.loads(pickle.dumps(_PolicyState.of(policy)))  # noqa: S301 - our own bytes

        assert policy == state.policy()
        assert policy.active == state.policy().active
        assert policy.parameters.duration("reply_to_buyer") == state.policy().parameters.duration(
            "reply_to_buyer"
        )

    def test_builtin_policy_reused(self):
        """A worker given the current policy uses the shared built-in value."""
        assert Policy.current() is _PolicyState.of(Policy.current()).policy()

    def test_worker_policy_applies(self):
        """A policy reaches the workers: a rule it disables is off in every result."""
        lines = ['{"body": "see shop.com"}'] * 300
        policy = Policy.current().disable("SP101")

        results = list(check_many(lines, jobs=2, policy=policy))

        assert all(Code.SP101 not in {f["code"] for f in r["result"]["findings"]} for r in results)
        assert all(
            Code.SP101 in {f["code"] for f in r["result"]["findings"]}
            for r in check_many(lines[:2])
        )

    def test_every_decision_pickles(self):
        """Every decision type survives a pickle round trip equal to itself."""
        order, events, now = obligations.example_timeline(Code.SP501, "bad")
        orders, account_events, then = health.example_account(Code.SP901, "bad")
        feedback_value, feedback_order, feedback_policy = feedback.example(Code.SP301, "bad")
        decisions = [
            sellerpolicy.check_message("Call +1 555 123 4567 or see shop.com"),
            sellerpolicy.obligations(order, events, now=now),
            sellerpolicy.solicitation(order, events=events, now=now),
            claims.example_decision(Code.SP601, "bad"),
            chargebacks.example_decision(Code.SP801, "bad"),
            sellerpolicy.cancellation_advice(order, events=events, now=now),
            feedback.check_feedback(feedback_value, order=feedback_order, policy=feedback_policy),
            health.account_health(orders, account_events, now=then),
        ]

        for decision in decisions:
            assert decision == pickle.loads(pickle.dumps(decision))  # noqa: S301 - our own bytes
        assert 8 == len({type(d) for d in decisions})


def memory_peak(path: Path, n: int, tmp_path: Path) -> int:
    # one message with findings, one without, and cheap broken lines: the pipeline is measured
    mixed = [GOOD[0][0], GOOD[1][0]] + [text for text, _, _ in BROKEN[:8]] * 2
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(mixed[i % len(mixed)] + "\n")
    list(check_many(mixed, policy=SMALL))  # warm every cache first
    tracemalloc.start()
    try:
        summary = run_jsonl(path, tmp_path / f"out{n}.jsonl", jobs=1, policy=SMALL, progress=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == summary.lines
    return peak


class TestMemory:
    @pytest.mark.slow
    def test_peak_memory_does_not_grow_with_the_file(self, tmp_path):
        """Checking 20,000 lines takes no more memory at its peak than checking 5,000."""
        small = memory_peak(tmp_path / "small.jsonl", 5_000, tmp_path)
        large = memory_peak(tmp_path / "large.jsonl", 20_000, tmp_path)

        assert large < small * 1.25 + 256 * 1024, (small, large)


class TestNullFields:
    """A top-level null counts as not given, in lines and in parsed records alike."""

    def test_null_kind_is_the_default_kind(self):
        """`"kind": null` is checked as a message without a kind (proactive)."""
        with_null, without = check_many(
            ['{"body": "Visit shop dot com", "kind": null}', '{"body": "Visit shop dot com"}']
        )

        assert with_null["result"] == without["result"]
        assert "SP101" in {f["code"] for f in with_null["result"]["findings"]}

    def test_null_required_field_is_reported_missing(self):
        """`"body": null` in a message record is an error naming body, not a crash."""
        (result,) = check_many([{"type": "message", "body": None}])

        assert "body" == result["error"]["field"]
        assert "missing" in result["error"]["message"]
