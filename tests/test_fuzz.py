"""Hardening: fuzz every reader of outside input; audit every pattern for catastrophic backtracking."""

import builtins
import importlib
import io
import json
import os
import pkgutil
import subprocess
import sys
import time
import tokenize
from pathlib import Path
from typing import Any

import attrs
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import Policy
from sellerpolicy._batch import check_many, run_jsonl
from sellerpolicy._rules.data import rule_data
from sellerpolicy._rules.feedback import check_feedback
from sellerpolicy._serialization import SERIALIZABLE_TYPES
from sellerpolicy._text.detectors import contact_view, find_emails, find_links, find_phones
from sellerpolicy._text.html import analyze_html, find_markup
from sellerpolicy._text.normalize import normalize
from sellerpolicy.adapters import sp_api
from sellerpolicy.exceptions import (
    DeserializationError,
    InputTooLargeError,
    InvalidPolicyError,
    SellerPolicyError,
)

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(sellerpolicy.__file__).resolve().parent
SP_API = ROOT / "tests" / "data" / "sp-api"

# --- text strategies: everything a hostile or broken input can hold ---------------------------

HOSTILE = [
    "\x00", "\ud800", "\udfff", "\ufeff", "\u200b", "\u202e", "\u2028", "\r", "\n", "\t",
    "\xad", "\ufffd", "ﬁ", "İ", "ß", "ǅ", "\u0301", "𝐚", "🏳️‍🌈", "о", "α", "．", "／", "＠",
    "@", ".", "/", ":", "+", "-", "(", ")", "[", "]", "<", ">", "&", "#", ";", "'", '"', "=",
    "www", "http", "dot", "at", "com", "shop", "1", "9", " ", "  ",
]  # fmt: skip
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.characters(codec=None)), max_size=60
).map("".join)
TAGS = ["a", "b", "p", "div", "img", "br", "table", "td", "script", "style", "span", "font"]


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """HTML-ish text: nested, unclosed and broken tags, comments, entities, attributes."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
                st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
                st.sampled_from(TAGS).map(
                    lambda t: f'<{t} style="font-size:0;display:none" src="x'
                ),
                st.sampled_from(
                    [
                        "<!--",
                        "-->",
                        "<!DOCTYPE html>",
                        "<![CDATA[",
                        "]]>",
                        "<?xml",
                        "&amp;",
                        "&#x",
                        "&#1114112;",
                        "<",
                        ">",
                        '"',
                        "'",
                    ]
                ),
                hostile_text,
            ),
            max_size=40,
        )
    )
    return "".join(pieces)


def outcome(call: Any, *errors: type[Exception]) -> Any:
    """What ``call()`` returns, or the documented error it raised."""
    try:
        return call()
    except errors as exc:
        return exc


def assert_span(start: int, end: int, text: str) -> None:
    assert 0 <= start <= end <= len(text), (start, end, len(text))


# --- the text normaliser ----------------------------------------------------------------------


class TestNormalizer:
    @given(hostile_text)
    def test_never_raises_and_spans_valid(self, text):
        """Any text normalises; every range of the result maps inside the original."""
        norm = normalize(text)

        for i in range(len(norm.text) + 1):
            assert_span(*norm.span(0, i), text)
            assert_span(*norm.span(i, len(norm.text)), text)

    @given(hostile_text)
    def test_idempotent(self, text):
        """Normalising normalised text changes nothing."""
        once = normalize(text).text

        assert once == normalize(once).text

    @given(hostile_text)
    def test_spans_monotonic(self, text):
        """Later normalised characters never map before earlier ones."""
        norm = normalize(text)
        starts = [norm.span(i, i + 1)[0] for i in range(len(norm.text))]

        assert starts == sorted(starts)


# --- every detector ---------------------------------------------------------------------------


class TestDetectors:
    @given(hostile_text)
    def test_links_emails_phones(self, text):
        """Every detector reads any text; its evidence lies inside the text and is not empty."""
        norm = normalize(text)
        view = contact_view(norm)
        assert view.original == text
        found = [*find_links(norm, view), *find_emails(norm, view), *find_phones(norm)]

        for evidence in found:
            assert_span(evidence.start, evidence.end, text)
            assert evidence.start < evidence.end
            assert evidence.value

    @given(
        st.one_of(hostile_text, html_documents()),
        st.sampled_from(["text", "html"]),
        st.sampled_from(["proactive", "reply", "review_request"]),
    )
    def test_every_rule(self, body, fmt, kind):
        """The full check reads any body; each finding's span lies inside it and names its text."""
        report = sellerpolicy.check_message(sellerpolicy.Message(body=body, format=fmt, kind=kind))

        for finding in report.findings:
            if finding.span is not None and finding.field in {None, "body"}:
                assert_span(finding.span.start, finding.span.end, body)
        assert json.loads(sellerpolicy.to_json(report)) == report.to_dict()


# --- the HTML reader --------------------------------------------------------------------------


class TestHtml:
    @given(html_documents())
    def test_any_markup(self, source):
        """Any markup is read; images, styles, tags and the visible text map into the source."""
        facts = analyze_html(source)

        for image in facts.images:
            assert_span(image.start, image.end, source)
        for use in facts.styles:
            assert_span(use.start, use.end, source)
        for _, start, end in facts.tags:
            assert_span(start, end, source)
        for i in range(0, len(facts.text) + 1, max(1, len(facts.text) // 8)):
            assert_span(*facts.text_span(0, i), source)
        for _, start, end in find_markup(source):
            assert_span(start, end, source)

    @pytest.mark.parametrize(
        "source",
        [
            "<div>" * 50_000,
            "<div>" * 25_000 + "</div>" * 25_000,
            "<b><i>" * 20_000,
            "<a href='" + "x" * 100_000,
            "<!--" + "-" * 100_000,
            "<p " + "a=1 " * 30_000,
            "&" * 100_000,
            "<" * 100_000,
            "<table><tr><td>" * 10_000,
        ],
        ids=[
            "nested-divs",
            "nested-closed",
            "nested-inline",
            "unclosed-attribute",
            "unclosed-comment",
            "many-attributes",
            "ampersands",
            "angles",
            "nested-tables",
        ],
    )
    def test_deep_and_unclosed(self, source):
        """Deeply nested and unclosed HTML is read in linear time, without recursion errors."""
        start = time.perf_counter()

        report = sellerpolicy.check_message(sellerpolicy.Message(body=source, format="html"))

        assert time.perf_counter() - start < 20
        assert isinstance(report.ok, bool)


# --- the serializers --------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)
DECISION_TYPES = [
    sellerpolicy.MessageReport,
    sellerpolicy.ObligationsReport,
    sellerpolicy.AtoZDecision,
    sellerpolicy.SolicitationDecision,
    sellerpolicy.ChargebackDecision,
]


class TestSerializers:
    @given(
        st.sampled_from(list(SERIALIZABLE_TYPES) + DECISION_TYPES),
        st.one_of(json_values, st.binary(max_size=60), hostile_text),
    )
    def test_from_json_only_deserialization_errors(self, cls, data):
        """Any text or bytes is a value of the type or a DeserializationError."""
        text = data if isinstance(data, str | bytes) else json.dumps(data)
        value = outcome(lambda: sellerpolicy.from_json(cls, text), DeserializationError)

        assert isinstance(value, cls) or value.errors

    @given(
        st.sampled_from(list(SERIALIZABLE_TYPES) + DECISION_TYPES),
        st.dictionaries(
            st.sampled_from(
                [
                    "body",
                    "order_id",
                    "at",
                    "kind",
                    "rating",
                    "findings",
                    "start",
                    "end",
                    "amount",
                    "currency",
                    "purchased_at",
                    "type",
                ]
            ),
            json_values,
            max_size=6,
        ),
    )
    def test_from_dict_near_misses(self, cls, data):
        """Objects with the right keys and wrong values give a DeserializationError, never another error."""
        value = outcome(lambda: sellerpolicy.from_dict(cls, data), DeserializationError)

        assert isinstance(value, cls) or value.errors

    @pytest.mark.parametrize(
        "text",
        [
            b"\xff\xfe{\x00}\x00",
            "{" * 100_000,
            "[" * 100_000 + "]" * 100_000,
            '{"body": "' + "\\ud800" * 10 + '"}',
            "1" * 5_000,
            b"\x00" * 100,
        ],
    )
    def test_hostile_documents(self, text):
        """UTF-16, deep nesting, lone surrogates, huge numbers and NUL bytes are clear errors or values."""
        value = outcome(
            lambda: sellerpolicy.from_json(sellerpolicy.Message, text), DeserializationError
        )

        assert isinstance(value, sellerpolicy.Message) or value.errors


# --- the SP-API adapters ----------------------------------------------------------------------


def _payload(name: str) -> Any:
    return json.loads((SP_API / name).read_text(encoding="utf-8"))


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            out += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            out += _paths(inner, (*path, i))
    return out


@st.composite
def mutated(draw: st.DrawFn, payload: Any) -> Any:
    """``payload`` with a few values replaced by arbitrary JSON, or removed."""
    data = json.loads(json.dumps(payload))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            return draw(json_values)
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(json_values)
    return data


ADAPTERS = [
    ("orders-v0.getOrder.json", sp_api.order_from_sp_api),
    ("orders-2026-01-01.getOrder.json", sp_api.order_from_sp_api),
    ("orders-v0.getOrders.json", sp_api.orders_from_sp_api),
    ("orders-2026-01-01.searchOrders.json", sp_api.orders_from_sp_api),
    ("orders-v0.getOrderItems.json", sp_api.order_items_from_sp_api),
    ("notifications.ORDER_CHANGE.json", sp_api.events_from_notification),
    ("notifications.ORDER_CHANGE.json", sp_api.order_from_notification),
    ("orders-v0.getOrder.json", sp_api.timeline_from_sp_api),
    ("messaging-v1.getMessagingActionsForOrder.json", sp_api.messaging_actions_from_sp_api),
    ("messaging-v1.GetAttributes.json", sp_api.buyer_locale_from_sp_api),
]


class TestSpApi:
    @pytest.mark.parametrize(
        ("name", "adapter"), ADAPTERS, ids=[f"{a.__name__}-{n}" for n, a in ADAPTERS]
    )
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=st.data())
    def test_mutated_payloads(self, name, adapter, data):
        """A real payload with values replaced or removed is read, or is a DeserializationError."""
        payload = data.draw(mutated(_payload(name)))
        value = outcome(lambda: adapter(payload), DeserializationError)

        assert not isinstance(value, DeserializationError) or value.errors

    @given(json_values)
    def test_any_json(self, payload):
        """Any JSON value at all is an order or a DeserializationError."""
        for adapter in (
            sp_api.order_from_sp_api,
            sp_api.orders_from_sp_api,
            sp_api.events_from_notification,
        ):
            value = outcome(lambda a=adapter: a(payload), DeserializationError)

            assert not isinstance(value, DeserializationError) or value.errors

    @given(
        st.one_of(
            hostile_text,
            st.sampled_from(["CreateWarranty", "sendInvoice", "confirmCustomizationDetails"]),
        ),
        st.one_of(
            st.none(),
            st.dictionaries(
                st.sampled_from(["text", "attachments", "coverageStartDate", "rawMessageBody"]),
                json_values,
                max_size=3,
            ),
        ),
    )
    def test_messaging_requests(self, operation, body):
        """Any operation and body is a Message or a DeserializationError."""
        value = outcome(
            lambda: sp_api.message_from_messaging_request(operation, body), DeserializationError
        )

        assert isinstance(value, sellerpolicy.Message) or value.errors


# --- batch input handling: what the command's --jsonl reads ---------------------------------


class TestBatchInput:
    @given(st.binary(max_size=400))
    @settings(max_examples=60)
    def test_any_bytes(self, raw):
        """Any bytes give one result per line, numbered in order, never an exception."""
        out = io.BytesIO()

        summary = run_jsonl(io.BytesIO(raw), out, jobs=1, progress=False)

        numbers = [json.loads(line)["line"] for line in out.getvalue().splitlines()]
        assert list(range(1, summary.lines + 1)) == numbers

    @given(
        st.lists(
            st.one_of(
                hostile_text,
                json_values.map(json.dumps),
                st.builds(lambda b: json.dumps({"body": b}), hostile_text),
            ),
            max_size=12,
        )
    )
    def test_any_lines(self, lines):
        """Any lines, parsed or not, give one result each and never raise."""
        results = list(check_many(lines))

        assert list(range(1, len(lines) + 1)) == [r["line"] for r in results]

    def test_fifty_megabytes(self, tmp_path):
        """A 50 MB line is a clear 'over the limit' error at once, and the next line is checked."""
        path = tmp_path / "big.jsonl"
        with path.open("wb") as f:
            f.write(b'{"body": "')
            f.write(b"a" * (50 << 20))
            f.write(b'"}\n{"body": "hello"}\n')
        out = io.BytesIO()
        start = time.perf_counter()

        run_jsonl(path, out, jobs=1, progress=False)

        first, second = (json.loads(x) for x in out.getvalue().splitlines())
        assert time.perf_counter() - start < 15
        assert "over the limit" in first["error"]["message"]
        assert "result" in second

    def test_oversized_body_within_line_limit(self):
        """A body over max_input_chars in a line the reader takes is an error naming the body."""
        policy = Policy.current().with_parameters(max_input_chars=100)

        [result] = check_many(['{"body": "' + "a" * 101 + '"}'], policy=policy)

        assert "body" == result["error"]["field"]


# --- the command line's input handling ------------------------------------------------------


def _cli(*args: str, stdin: bytes = b"") -> tuple[int, str]:
    from sellerpolicy.cli import main

    out = io.StringIO()
    err = io.StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        code = main(
            list(args), stdout=out, stdin=io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        )
    finally:
        sys.stderr = old
    return code, err.getvalue()


class TestCommandLine:
    @pytest.mark.parametrize(
        "raw",
        [
            b"\x00\x01\x02\xff\xfe binary",
            b"caf\xe9 invalid UTF-8",
            b"\xff\xfeH\x00i\x00",
            b"Hello\x00World shop.com",
            "lone \ud800 surrogate".encode("utf-8", "surrogatepass"),
            b"<div>" * 10_000,
            b"",
        ],
        ids=[
            "binary",
            "invalid-utf8",
            "utf16-bom",
            "nul-bytes",
            "lone-surrogate",
            "nested-html",
            "empty",
        ],
    )
    def test_hostile_files(self, tmp_path, raw):
        """Hostile files end with a finding or a clear usage error, never a traceback."""
        path = tmp_path / "template.txt"
        path.write_bytes(raw)

        code, err = _cli("check", str(path))

        assert code in {0, 1, 2}
        assert "Traceback" not in err

    def test_fifty_megabyte_file(self, tmp_path):
        """A 50 MB template is refused as too large at once, without reading it through."""
        path = tmp_path / "huge.txt"
        with path.open("wb") as f:
            f.truncate(50 << 20)
        start = time.perf_counter()

        code, err = _cli("check", str(path))

        assert 2 == code
        assert "larger than" in err
        assert time.perf_counter() - start < 5

    def test_closed_stdout(self, tmp_path):
        """Output into a pipe whose reader has gone ends quietly: no traceback."""
        path = tmp_path / "template.txt"
        path.write_text("Visit shop.com\n" * 200, encoding="utf-8")
        read, write = os.pipe()
        os.close(read)

        done = subprocess.run(
            [sys.executable, "-m", "sellerpolicy", "check", str(path)],
            stdout=write,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
        os.close(write)

        assert b"Traceback" not in done.stderr


# --- ReDoS audit: every compiled pattern against adversarial input, under a timeout ----------


def _patterns() -> dict[str, regex.Pattern[str]]:
    found: dict[int, tuple[str, regex.Pattern[str]]] = {}

    def walk(value: object, where: str, depth: int) -> None:
        if isinstance(value, regex.Pattern):
            found.setdefault(id(value), (where, value))
        elif depth < 3 and isinstance(value, tuple | list | frozenset | set):
            for i, inner in enumerate(value):
                walk(inner, f"{where}[{i}]", depth + 1)
        elif depth < 3 and hasattr(value, "items") and isinstance(value, dict | type(vars(type))):
            for key, inner in value.items():
                walk(inner, f"{where}[{key!r}]", depth + 1)

    for info in pkgutil.walk_packages(sellerpolicy.__path__, "sellerpolicy."):
        if info.name.endswith("__main__") or info.name.startswith(
            ("sellerpolicy.dask", "sellerpolicy.plotting")
        ):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            walk(value, f"{info.name}.{name}", 0)
    return {where: pattern for where, pattern in found.values() if isinstance(pattern.pattern, str)}


_RULES_TOML = "rules.toml"


def _data_patterns() -> dict[str, regex.Pattern[str]]:
    """The phrase rules' own patterns: they live in their data file, searched in every message."""
    return {
        f"{_RULES_TOML}[{code}.{p.name}]": p.compiled
        for code, data in rule_data().items()
        for p in data.patterns
    }


PATTERNS = _patterns() | _data_patterns()


def _uses(source: str, name: str) -> list[str]:
    """How the code of ``source`` uses ``name``: ``".fullmatch("``, ``".search("``, ... or ``""``.

    Read from the tokens, so a comment or a docstring that names the pattern is no use of it.
    """
    code = [
        token
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type not in _NOT_CODE
    ]
    uses = []
    for i, token in enumerate(code):
        if token.type == tokenize.NAME and token.string == name:
            dot, method, call = ([t.string for t in code[i + 1 : i + 4]] + ["", "", ""])[:3]
            uses.append(f".{method}(" if dot == "." and call == "(" else "")
    return uses


_NOT_CODE = frozenset(
    {tokenize.COMMENT, tokenize.STRING, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
     tokenize.DEDENT}
)  # fmt: skip


def _anchored(where: str) -> bool:
    """Whether the module only ever fullmatches or matches the pattern (one start, not every one)."""
    if where.startswith(_RULES_TOML):  # the rules search for their patterns' every match
        return False
    module, _, name = where.partition("[")[0].rpartition(".")
    source = Path(importlib.import_module(module).__file__).read_text(encoding="utf-8")
    uses = _uses(source, name)
    # the definition, then only .fullmatch( / .match( calls
    return len(uses) > 1 and all(use in {".fullmatch(", ".match("} for use in uses[1:])


# Found by this audit; the fix, a lookbehind so that a run of dots is tried from its first dot
# only ('(?<!\.)\.+(?=\s|$)'), belongs to the feedback family's module.
QUADRATIC: dict[str, str] = {}
UNITS = [
    "a", "1", " ", ".", "@", "-", "/", ":", "a.", "a ", "1 ", "1-", "a@", "a-", ".a", "a1",
    "\n", "<a ", "&#", "%", "_", "é", "о", "\u200b", "#", "a'", "+1", "(", "[dot]", " dot ",
    "www.", "http://", "a.b@", "12:", "x=", "**", "€1", "<!--",
]  # fmt: skip
SIZE = 20_000


class TestRedos:
    def test_patterns_found(self):
        """The audit sees the detectors', the rules' and the readers' patterns."""
        modules = {where.rsplit(".", 1)[0] for where in PATTERNS}

        assert {
            "sellerpolicy._text.detectors",
            "sellerpolicy._text.normalize",
            "sellerpolicy._rules.feedback",
        } <= modules
        assert len(PATTERNS) >= 50
        assert "rules.toml[SP111.mock_title]" in PATTERNS
        assert "rules.toml[SP113.percent_off]" in PATTERNS
        assert _anchored("sellerpolicy._time._SYNTAX")
        assert not _anchored("sellerpolicy._rules.feedback._CLAUSE_BREAK")

    def test_uses_read_from_code_only(self):
        """A comment or a string naming a pattern is no use of it: only the code's calls count."""
        source = (
            "_X = regex.compile('a+')\n"
            "# _X.search( in a comment\n"
            "def f(t):\n"
            '    """_X.finditer( in a docstring"""\n'
            "    return _X.fullmatch(t) or _X\n"
        )

        assert _uses(source, "_X") == ["", ".fullmatch(", ""]
        assert _uses("_X.match(t)\n_X.search(t)\n", "_X") == [".match(", ".search("]

    @pytest.mark.slow
    @pytest.mark.parametrize(
        "where",
        [
            pytest.param(w, marks=pytest.mark.xfail(strict=True, reason=QUADRATIC[w]))
            if w in QUADRATIC
            else w
            for w in sorted(PATTERNS)
        ],
    )
    def test_linear_on_adversarial_input(self, where):
        """No pattern backtracks catastrophically: 20,000 characters of any repeated unit take under 2 s."""
        pattern = PATTERNS[where]
        anchored = _anchored(where)
        for unit in UNITS:
            text = (unit * (SIZE // len(unit) + 1))[:SIZE] + "!"
            try:
                if anchored:  # as the module uses it: from the start only
                    pattern.fullmatch(text, timeout=2.0)
                    pattern.match(text, timeout=2.0)
                else:
                    pattern.search(text, timeout=2.0)
                    sum(1 for _ in pattern.finditer(text, timeout=2.0))
            except TimeoutError:  # pragma: no cover - the failure this test looks for
                pytest.fail(f"{where} took over 2 s on {unit!r} * {SIZE:,}: {pattern.pattern!r}")


def _feedback(text: str) -> object:
    left = sellerpolicy.from_dict(
        sellerpolicy.Feedback, {"order_id": "1", "rating": 1, "left_at": "2026-01-01T00:00:00Z"}
    )
    return check_feedback(attrs.evolve(left, comment=text))


DECISIONS = {
    "check_message": sellerpolicy.check_message,
    "check_message-html": lambda text: sellerpolicy.check_message(
        sellerpolicy.Message(body=text, format="html")
    ),
    "check_feedback": _feedback,
}


class TestAdversarialDecisions:
    @pytest.mark.slow
    @pytest.mark.parametrize("decision", sorted(DECISIONS))
    @pytest.mark.parametrize("unit", [u for u in UNITS if u != "."], ids=repr)
    def test_every_text_rule(self, decision, unit):
        """Every rule over text decides 20,000 characters of any repeated unit in well under 5 s.

        ('.' alone is left to the pattern audit: QUADRATIC names the pattern it is slow in.)
        """
        text = (unit * (SIZE // len(unit) + 1))[:SIZE] + "!"
        start = time.perf_counter()

        DECISIONS[decision](text)

        assert time.perf_counter() - start < 5


# --- policy files: data only, the file given only, phrases linear -----------------------------

toml_values = st.recursive(
    st.booleans()
    | st.integers()
    | hostile_text.filter(lambda s: "\x00" not in s)
    | st.floats(allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["enable", "disable", "severity", "SP101", "incentive", "reply_to_buyer", "x"]
            ),
            inner,
            max_size=3,
        )
    ),
    max_leaves=8,
)


class TestPolicyFiles:
    @given(
        st.dictionaries(
            st.sampled_from(["edition", "rules", "parameters", "phrases", "include", "x"]),
            toml_values,
            max_size=4,
        )
    )
    def test_any_mapping(self, data):
        """Any policy data is a policy or an InvalidPolicyError naming what is wrong."""
        value = outcome(lambda: Policy.from_mapping(data), InvalidPolicyError)

        assert isinstance(value, Policy) or str(value)

    def test_reads_only_the_given_file(self, tmp_path, monkeypatch):
        """Loading a policy and checking with it opens only that file and the package's own data."""
        secret = tmp_path / "secret.txt"
        secret.write_text("do not read", encoding="utf-8")
        path = tmp_path / "policy.toml"
        path.write_text(
            f'edition = "current"\n[parameters]\nlink_allowlist = ["{secret}", "file:///etc/passwd"]\n'
            f'[phrases]\nincentive = ["etc passwd", "import os"]\n',
            encoding="utf-8",
        )
        opened: list[str] = []
        real_open, real_os_open = builtins.open, os.open

        def spy_open(file, *args, **kwargs):
            opened.append(os.fspath(file) if not isinstance(file, int) else "<fd>")
            return real_open(file, *args, **kwargs)

        def spy_os_open(file, *args, **kwargs):
            opened.append(os.fspath(file))
            return real_os_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", spy_open)
        monkeypatch.setattr(io, "open", spy_open)
        monkeypatch.setattr(os, "open", spy_os_open)
        policy = Policy.from_toml(path)
        sellerpolicy.check_message(f"See {secret} and import os", policy=policy)
        monkeypatch.undo()

        outside = [
            p
            for p in opened
            if Path(p).resolve() != path.resolve() and PACKAGE not in Path(p).resolve().parents
        ]
        assert [] == outside

    @pytest.mark.parametrize(
        "phrases",
        [
            ["(a+)+$"],
            ["a" * 100_000],
            ["a*"],
            ["[" * 50],
            ["\\"],
            ["x" * 10 + "*"],
            [" ".join(["word"] * 10_000)],
            [" ".join(["ab*"] * 2_000)],
            ["# " * 5_000],
        ],
        ids=[
            "nested-quantifier",
            "huge-word",
            "short-stem",
            "brackets",
            "backslash",
            "stem",
            "10000-words",
            "2000-stems",
            "5000-numbers",
        ],
    )
    def test_adversarial_phrases(self, tmp_path, phrases):
        """A user's phrase is refused with a clear error, or matched in linear time: phrases are no regular expressions."""
        path = tmp_path / "policy.toml"
        path.write_text("[phrases]\nincentive = " + json.dumps(phrases) + "\n", encoding="utf-8")
        policy = outcome(lambda: Policy.from_toml(path), InvalidPolicyError)
        if isinstance(policy, InvalidPolicyError):
            assert "phrases.incentive" in str(policy)
            return

        def seconds(size: int) -> float:
            text = ("ab ab a word 5 " * (size // 15 + 1))[:size]
            start = time.perf_counter()
            sellerpolicy.check_message(text, policy=policy)
            return time.perf_counter() - start

        seconds(1_000)  # the lexicon is built once per policy
        small, large = seconds(50_000), seconds(200_000)
        assert large < max(small, 0.05) * 12, (small, large)

    def test_too_large_is_clear(self):
        """A text over the policy's limit is an InputTooLargeError that says how to fix it."""
        policy = Policy.current().with_parameters(max_input_chars=10)

        with pytest.raises(InputTooLargeError, match="max_input_chars") as error:
            sellerpolicy.check_message("x" * 11, policy=policy)

        assert isinstance(error.value, SellerPolicyError)
