import datetime as dt

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import RULES, Code, Edition, EventRef, Finding, Policy, Severity, Span
from sellerpolicy._catalogue import RuleDocumentation, RulesTable, rule_doc, rules_table
from sellerpolicy._decisions import MessageReport, NotJudged, Report
from sellerpolicy._registry import RULE_SETS
from sellerpolicy._repr import (
    Highlighted,
    highlight,
    marked_text,
    record_html,
    shorten,
    value_text,
)
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

NOW = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
DRAFT = (
    "Email me at bob@example.com or visit www.mysite.com for a 10% discount if you leave 5 stars!"
)


def finding(code: str, start: int, end: int, text: str, **kw: object) -> Finding:
    info = RULES[Code(code)]
    fields = {
        "code": code,
        "name": info.name,
        "severity": info.severity_in(Edition.CURRENT) or Severity.INFO,
        "message": f"{info.name}: {text[start:end]}",
        "span": Span(start, end),
        "excerpt": text[start:end],
        "source": info.source,
    }
    return Finding(**{**fields, **kw})


@attrs.frozen(kw_only=True)
class Deadline:
    code: str
    due_at: dt.datetime
    status: str
    late_by: dt.timedelta | None = None


@attrs.frozen(kw_only=True)
class ToyDecision(Report):
    """A decision of a family that does not exist: its extra fields are shown generically."""

    order_id: str
    deadlines: tuple[Deadline, ...] = ()
    next_steps: tuple[str, ...] = ()
    closed: bool | None = None


class TestShortReprs:
    def test_message_report(self):
        """A report's repr is its answer in one short line, not a dump of its findings."""
        report = sellerpolicy.check_message(DRAFT)

        assert "<MessageReport not ok: 4 error (current)>" == repr(report)

    def test_empty_report(self):
        """A report without findings says so."""
        assert "<MessageReport ok: no findings (seed)>" == repr(
            sellerpolicy.check_message(
                "Your order shipped today.", kind="reply", policy=Policy.seed()
            )
        )

    def test_subclass_of_another_family_keeps_the_short_repr(self):
        """Every Report subclass, even one attrs decorates later, keeps the short repr."""
        report = ToyDecision(
            order_id="113-1",
            as_of=NOW,
            findings=[finding("SP101", 0, 3, "abc"), finding("SP102", 0, 1, "abc")],
            not_judged=[NotJudged(Code.SP402, "no order given")],
        )

        assert (
            "<ToyDecision not ok: 1 error, 1 warning (current, as of 2026-03-01T00:00:00+00:00, 1 not judged)>"
            == repr(report)
        )

    def test_every_report_class_in_the_library(self):
        """Each public report class uses the short repr."""
        classes = [
            v for v in vars(sellerpolicy).values() if isinstance(v, type) and issubclass(v, Report)
        ]

        assert len(classes) >= 5
        assert all(c.__repr__ is Report.__repr__ for c in classes)

    def test_report_repr_is_short(self):
        """The 1,200-character dump is gone: a report with many findings stays one short line."""
        report = sellerpolicy.check_message(DRAFT * 5)

        assert len(repr(report)) < 80

    def test_finding(self):
        """A finding's repr shows code, severity, name, where, and its message cut short."""
        text = "x" * 200
        f = finding("SP101", 12, 150, text)

        assert (
            "<Finding SP101 error external-link [12:150] 'external-link: " + "x" * 44 + "…'>"
            == repr(f)
        )

    def test_finding_with_an_event(self):
        """A timeline finding names the event index."""
        f = finding("SP501", 0, 0, "", span=None, event=EventRef(type="message", at=NOW, index=3))

        assert "events[3]" in repr(f)

    def test_finding_in_the_subject(self):
        """A finding in another field names it."""
        f = finding("SP121", 0, 11, "[Important]", field="subject")

        assert repr(f).startswith("<Finding SP121 warning important-tag-misuse subject[0:11] ")

    def test_policy(self):
        """A policy's repr is its edition, how many rules run, and what differs."""
        policy = (
            Policy.seed()
            .disable("SP121", "SP101", "SP103", "SP105")
            .with_severity("SP113", "warning")
            .with_parameters(reply_to_buyer="48h")
            .with_phrases(incentive=["bonus points"])
        )

        assert (
            f"<Policy seed: {len(policy.active)} rules on; disabled SP101, SP103, SP105 +1; "
            "severity SP113=warning; parameters reply_to_buyer; phrases incentive+1>"
            == repr(policy)
        )
        assert (
            f"<Policy current: {len(RULES) - sum(1 for i in RULES.values() if i.severity_in(Edition.CURRENT) is None)} rules on>"
            == repr(Policy.current())
        )


class TestReportHtml:
    def test_findings_table(self):
        """The HTML has the headline, one row per finding and the evidence highlighted."""
        report = sellerpolicy.check_message(DRAFT)

        html = report._repr_html_()

        assert "<strong>MessageReport</strong> not ok: 4 error (current policy)" in html
        assert html.count("<tr>") == 1 + len(report.findings)
        assert "bob@example.com</mark>" in html
        assert "An email address, plain or obfuscated. Source: Amazon Seller Central" in html

    def test_text_is_escaped(self):
        """Evidence and messages are escaped, so a draft cannot inject markup."""
        text = "<script>alert(1)</script>"
        report = MessageReport(findings=[finding("SP206", 0, len(text), text)])

        html = report._repr_html_()

        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in html

    def test_extra_fields_of_any_subclass(self):
        """Fields a subclass adds appear: tuples of values as a table, strings as a list."""
        report = ToyDecision(
            order_id="113-1",
            deadlines=[
                Deadline(
                    code="SP501", due_at=NOW, status="overdue", late_by=dt.timedelta(hours=30)
                ),
                Deadline(code="SP502", due_at=NOW, status="met"),
            ],
            next_steps=["Reply to the buyer.", "Refund <now>."],
            not_judged=[NotJudged(Code.SP402, "no order given")],
        )

        html = report._repr_html_()

        assert "<strong>order_id</strong></td><td" in html
        assert ">113-1</td>" in html
        assert ">due_at</th>" in html and ">late_by</th>" in html
        assert ">1d 6h</td>" in html
        assert "<li>Refund &lt;now&gt;.</li>" in html
        assert "<strong>closed</strong>" in html
        assert "<li>SP402 not judged: no order given</li>" in html

    def test_obligations_report(self):
        """An obligations report shows its obligations as a table with coloured statuses."""
        order = sellerpolicy.Order(
            order_id="113-0000000-0000042",
            marketplace_id="ATVPDKIKX0DER",
            purchased_at=dt.datetime(2026, 2, 20, 17, tzinfo=dt.UTC),
            fulfillment_channel="MFN",
        )
        inquiry = sellerpolicy.Message(
            body="Can I still change the colour?",
            kind="inquiry",
            sender="buyer",
            order_id=order.order_id,
            sent_at=dt.datetime(2026, 2, 26, 18, tzinfo=dt.UTC),
        )
        report = sellerpolicy.obligations(order, [inquiry], now=NOW)

        html = report._repr_html_()

        assert '<span style="color:#c62828">overdue</span>' in html
        assert "buyer inquiry (events[0], 2026-02-26T18:00:00+00:00)" in html
        assert ">evidence</th>" not in html  # no finding has text evidence

    def test_record_html(self):
        """A decision value that is not a report renders as a one-row table of its fields."""
        html = record_html(Deadline(code="SP501", due_at=NOW, status="met"))

        assert 2 == html.count("<tr>")
        assert '<span style="color:#2e7d32">met</span>' in html
        assert ">late_by</th>" not in html  # a field empty in every row is left out
        with pytest.raises(TypeError, match="record_html needs an attrs value"):
            record_html("SP501")

    def test_finding_html(self):
        """A finding alone renders as a one-row table."""
        html = finding("SP101", 0, 3, "abc")._repr_html_()

        assert 2 == html.count("<tr>")

    def test_policy_html(self):
        """A policy shows its edition, its changes and its rules in a fold."""
        html = Policy.current().disable("SP121")._repr_html_()

        assert "<strong>Policy</strong> current edition" in html
        assert "<li>disabled SP121</li>" in html
        assert "<details><summary>enabled rules</summary>" in html
        assert ">SP121<" not in html


class TestHighlight:
    def test_marks_under_each_span(self):
        """Carets sit under each span; overlapping spans go on separate rows."""
        report = sellerpolicy.check_message(DRAFT)

        lines = str(highlight(DRAFT, report)).splitlines()

        assert [
            "1 | Email me at bob@example.com or visit www.mysite.com for a 10% discount if you leave 5",
            "  |             ^^^^^^^^^^^^^^^ [1] SP103                         ^^^^^^^^^^^^^^^^^^^^^^^^ [3] SP106",
            "  |                                      ^^^^^^^^^^^^^^ [2] SP101                       ^^ [4] SP107",
            "  | stars!",
            "  | ^^^^^",
            "  | ^^^^^",
            "",
        ] == lines[:7]
        assert lines[7].startswith("[1] SP103 error email-address (line 1, col 13): ")
        assert "    rule: An email address, plain or obfuscated." == lines[8]

    def test_lines_and_columns(self):
        """Spans on later lines are marked under their own line and located by line and column."""
        text = "Hi Sam,\n\nCall 555-123-4567 today."
        f = finding("SP104", 14, 26, text)

        assert [
            "1 | Hi Sam,",
            "2 |",
            "3 | Call 555-123-4567 today.",
            "  |      ^^^^^^^^^^^^ [1] SP104",
            "",
            "[1] SP104 error phone-number (line 3, col 6): phone-number: 555-123-4567",
        ] == marked_text(text, [f]).splitlines()[:6]

    def test_invisible_characters_are_shown(self):
        """A zero-width space inside evidence is shown as an escape and marked."""
        text = "see shop\u200b.com now"
        f = finding("SP101", 4, 13, text)

        lines = marked_text(text, [f]).splitlines()

        assert "1 | see shop\\u200b.com now" == lines[0]
        assert "  |     ^^^^^^^^^^^^^^ [1] SP101" == lines[1]

    def test_wide_characters_keep_columns(self):
        """Marks after wide characters still line up under their evidence."""
        text = "注文 www.x.com"
        f = finding("SP101", 3, 12, text)

        assert "  |      ^^^^^^^^^ [1] SP101" == marked_text(text, [f]).splitlines()[1]

    def test_empty_span_gets_one_caret(self):
        """An empty span at the end of a line gets one caret after the last character."""
        text = "abc\ndef"
        f = finding("SP101", 3, 3, text)

        assert ["1 | abc", "  |    ^ [1] SP101", "2 | def"] == marked_text(text, [f]).splitlines()[
            :3
        ]

    def test_long_texts_show_marked_lines_with_context(self):
        """A long text shows only the marked lines, one line around them, and ... for the rest."""
        text = "\n".join(f"line {i}" for i in range(40))
        start = text.index("line 20")
        f = finding("SP101", start, start + 7, text)

        assert [
            "   | ...",
            "20 | line 19",
            "21 | line 20",
            "   | ^^^^^^^ [1] SP101",
            "22 | line 21",
            "   | ...",
            "",
        ] == marked_text(text, [f]).splitlines()[:7]

    def test_rule_explained_once(self):
        """A rule found twice is explained once; the second finding points to the first."""
        text = "www.a.com www.b.com"
        findings = [finding("SP101", 0, 9, text), finding("SP101", 10, 19, text)]

        out = marked_text(text, findings, explain=lambda code: f"why {code}")

        assert 1 == out.count("why SP101")
        assert "    rule: see [1]" in out

    def test_findings_without_span_are_listed(self):
        """Findings about another field or the timeline are listed under the text."""
        text = "abc"
        findings = [
            finding("SP121", 0, 11, "[Important]", field="subject"),
            finding("SP401", 0, 0, "", span=None, field="order"),
        ]

        lines = marked_text(text, findings).splitlines()

        assert "1 | abc" == lines[0]
        assert lines[2].startswith("[1] SP121 warning important-tag-misuse (subject line 1, col 1)")
        assert lines[5].startswith("[2] SP401 ")
        assert "(order)" in lines[5]

    def test_html(self):
        """In a notebook the text is shown with each span highlighted and numbered."""
        text = "<b>www.x.com</b>"
        f = finding("SP101", 3, 12, text)

        html = highlight(text, MessageReport(findings=[f]))._repr_html_()

        assert "&lt;b&gt;<mark" in html
        assert ">www.x.com</mark><sup>1</sup>&lt;/b&gt;" in html

    def test_repr(self):
        """A highlighted text has a short repr."""
        shown = Highlighted(text="abc", findings=())

        assert "<Highlighted 0 findings in 3 characters>" == repr(shown)

    @given(
        text=st.text(
            st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.just("\n"), max_size=300
        ),
        data=st.data(),
    )
    def test_every_span_is_labelled_once(self, text, data):
        """Every span is labelled exactly once, unless it holds only line breaks."""
        cuts = st.integers(0, len(text))
        spans = data.draw(st.lists(st.tuples(cuts, cuts).map(sorted), max_size=5))
        findings = [finding("SP101", a, b, text) for a, b in spans]

        assume(text.count("\n") < 20)  # longer texts show only the marked lines

        marks = marked_text(text, findings).split("\n\n")[0]  # the text; the legend follows

        for n, (a, b) in enumerate(spans, 1):
            visible = a == b or text[a:b].replace("\n", "") != ""
            assert (1 if visible else 0) == marks.count(f"[{n}] SP101")


class TestValueText:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (None, "-"),
            (True, "yes"),
            (Severity.ERROR, "error"),
            (NOW, "2026-03-01 00:00:00+00:00"),
            (dt.timedelta(days=1, hours=6), "1d 6h"),
            (dt.timedelta(minutes=-45), "-45min"),
            (dt.timedelta(0), "0s"),
            ((), "-"),
            (("a", "b"), "a, b"),
            (frozenset({"b", "a"}), "a, b"),
            ({"x": 1}, "x=1"),
            (
                Deadline(code="SP501", due_at=NOW, status="met"),
                "SP501 2026-03-01 00:00:00+00:00 met",
            ),
            (
                EventRef(type="refund", at=NOW, index=2),
                "refund (events[2], 2026-03-01T00:00:00+00:00)",
            ),
        ],
        ids=lambda v: type(v).__name__,
    )
    def test_values(self, value, expected):
        """Values of decision fields read as short text."""
        assert expected == value_text(value)

    def test_shorten(self):
        """Whitespace runs collapse and long texts end with an ellipsis."""
        assert "a b c…" == shorten("a \n b   c d e", 6)


class TestRuleDoc:
    @pytest.mark.parametrize(
        "code",
        [code for rs in RULE_SETS for code in rs.codes],
        ids=str,
    )
    def test_every_registered_rule_has_docs(self, code):
        """Every rule of a registered family has its what, why and examples."""
        doc = rule_doc(code)

        assert (code, RULES[code].name) == (doc.code, doc.name)
        assert doc.what and doc.why and doc.bad and doc.good

    def test_typed_examples(self):
        """A timeline rule carries its typed examples; a message rule's example is its text."""
        assert "order" in rule_doc("SP501").bad_example
        assert rule_doc("SP101").bad_example is None
        assert "www . bestgadgets . com" in rule_doc("SP101").bad

    def test_text_and_html(self):
        """The documentation reads as a page in text and in a notebook."""
        doc = rule_doc("SP101")

        assert str(doc).startswith(
            "SP101 external-link (messages; current error, seed error; active)\n"
        )
        assert "Why is this bad? Amazon forbids links" in str(doc)
        assert "<dt><strong>Use instead</strong></dt>" in doc._repr_html_()
        assert "<RuleDocumentation SP101 external-link>" == repr(doc)

    def test_unknown_code(self):
        """An unknown code is an error naming the argument."""
        with pytest.raises(InvalidValueError, match="code='SP999' is not a rule code") as info:
            rule_doc("SP999")

        assert "code" == info.value.field

    def test_family_without_rule_set(self, monkeypatch):
        """A rule whose family has no rule set yet is an error, not a KeyError."""
        from sellerpolicy import _catalogue

        def missing(family):
            raise KeyError(family)

        monkeypatch.setattr(_catalogue, "rule_set", missing)

        with pytest.raises(
            InvalidValueError, match="SP101 \\(messages\\) has no documentation yet"
        ):
            rule_doc("SP101")
        assert "" == rules_table(family="messages")[0]["what"]


class TestRulesTable:
    def test_all_rules_in_code_order(self):
        """Without filters the table has every rule, in code order."""
        table = rules_table()

        assert tuple(RULES) == table.codes
        assert len(RULES) == len(table)

    def test_row(self):
        """A row holds the rule's table entry, its severity in the policy and its docs."""
        row = rules_table(Policy.seed(), search="SP104")[0]

        assert {
            "code": "SP104",
            "family": "messages",
            "name": "phone-number",
            "severity": "off",
            "current": "error",
            "seed": "-",
            "status": "active",
        } == {
            k: row[k] for k in ("code", "family", "name", "severity", "current", "seed", "status")
        }
        assert row["why"].startswith("Current policy keeps buyer contact inside")

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            ({"family": "obligations"}, {c for c, i in RULES.items() if i.family == "obligations"}),
            (
                {"severity": "off", "policy": Policy.seed()},
                {c for c, i in RULES.items() if i.severity_in(Edition.SEED) is None},
            ),
            (
                {"severity": "info", "family": "claims"},
                {
                    c
                    for c, i in RULES.items()
                    if i.family == "claims" and i.severity_in(Edition.CURRENT) == "info"
                },
            ),
            ({"search": "EXTERNAL-LINK"}, {Code.SP101}),
            ({"search": "bare domains"}, {Code.SP101}),
        ],
        ids=["family", "off-in-seed", "severity-and-family", "search-name", "search-what"],
    )
    def test_filters(self, kwargs, expected):
        """Filters by family, severity in the policy and text narrow the rows."""
        assert expected == set(rules_table(**kwargs).codes)

    def test_bad_filters(self):
        """Unknown families or severities and wrong types are errors naming the argument."""
        with pytest.raises(InvalidValueError, match="family='billing' is not one of messages"):
            rules_table(family="billing")
        with pytest.raises(
            InvalidValueError, match="severity='fatal' is not one of error, warning, info, off"
        ):
            rules_table(severity="fatal")
        with pytest.raises(InvalidTypeError, match="policy must be a Policy"):
            rules_table("seed")
        with pytest.raises(InvalidTypeError, match="search must be a str"):
            rules_table(search=101)

    def test_views(self):
        """The table reads as text, as HTML, as rows and as a short repr."""
        table = rules_table(family="obligations")

        assert "<RulesTable 13 rules (current policy)>" == repr(table)
        assert str(table).splitlines()[1].startswith("SP501  reply-to-buyer ")
        assert table._repr_html_().count("<tr>") == 14
        assert "SP501" == table[0]["code"]
        assert 2 == len(table[:2])
        assert isinstance(table, RulesTable)
        assert all(set(row) >= {"code", "what", "why"} for row in table)

    def test_to_pandas(self):
        """The table becomes a DataFrame indexed by code, to filter as one likes."""
        pytest.importorskip("pandas")
        frame = rules_table().to_pandas()

        assert list(RULES) == list(frame.index)
        assert "external-link" == frame.loc["SP101", "name"]

    def test_to_pandas_without_pandas(self, monkeypatch):
        """Without pandas the error says how to install it."""
        import sys

        monkeypatch.setitem(sys.modules, "pandas", None)

        with pytest.raises(ModuleNotFoundError, match="pip install 'sellerpolicy\\[notebook\\]'"):
            rules_table().to_pandas()

    def test_documentation_type(self):
        """rule_doc returns the documentation value."""
        assert isinstance(rule_doc("SP501"), RuleDocumentation)
