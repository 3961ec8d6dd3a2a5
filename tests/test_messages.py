import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import (
    Message,
    Policy,
    Severity,
    check_message,
)
from sellerpolicy._registry import rule_set
from sellerpolicy._rules import messages as engine
from sellerpolicy._rules.data import rule_data
from sellerpolicy.exceptions import InputTooLargeError, InvalidTypeError, InvalidValueError

from . import strategies as s

MESSAGE_CODES = rule_set("messages").codes
example = engine.example_message


class TestRuleExamples:
    @pytest.mark.parametrize("code", MESSAGE_CODES, ids=str)
    def test_good_example_is_clean(self, code):
        """Each rule's documented good example has no error findings at all."""
        message, history = example(code, "good")

        report = check_message(message, history=history)

        assert report.ok, str(report)


CASES = [
    # (text, kind, expected codes)  -- links, disguised and plain
    ("Visit www.kettleco.com for more", "reply", {"SP101"}),
    ("Visit kettleco.co.uk for more", "reply", {"SP101"}),
    ("see https://kettleco.de/manual.pdf", "reply", {"SP101"}),
    ("Go to kettleco dot com", "reply", {"SP101"}),
    ("Go to kettleco [dot] com", "reply", {"SP101"}),
    ("Go to kettleco . com", "reply", {"SP101"}),
    ("Go to hxxps://kettleco.com", "reply", {"SP101"}),
    ("Go to kettlеco.com", "reply", {"SP101"}),  # Cyrillic е
    ("Go to ｋｅｔｔｌｅｃｏ．ｃｏｍ", "reply", {"SP101"}),
    ("Go to kett\u200bleco.com", "reply", {"SP101"}),
    ("Go to www.kettleco.\ncom", "reply", {"SP101"}),
    ("See https://www.amazon.com/dp/B07XJ8C8F5", "reply", {"SP102"}),
    ("Write to jane@kettleco.com", "reply", {"SP103"}),
    ("Write to jane [at] kettleco [dot] com", "reply", {"SP103"}),
    ("Write to jane at kettleco dot com", "reply", {"SP103"}),
    ("Call (555) 123-4567", "reply", {"SP104"}),
    ("Call +44 20 7946 0958", "reply", {"SP104"}),
    ("Ring us on 020 7946 0958", "reply", {"SP104"}),
    # benign look-alikes stay silent
    ("As noted, e.g. the lid, i.e. the top part.", "reply", set()),
    ("Firmware v2.0 fixes it; see manual.pdf.", "reply", set()),
    ("It arrives at 3.30pm and costs $19.99.", "reply", set()),
    ("Order 113-4567890-1234567, ASIN B07XJ8C8F5, tracking 1Z999AA10123456784.", "reply", set()),
    ("Shipped on 12/05/2026, model KX-TG7871S, part no. 5567-2231.", "reply", set()),
    ("The details are on our website and in the link below.", "reply", set()),
    ("Thanks for your order.Best regards, Tom", "reply", set()),
    ("I checked it.It works now.", "reply", set()),
]


class TestCases:
    @pytest.mark.parametrize(("text", "kind", "expected"), CASES, ids=[c[0][:40] for c in CASES])
    def test_codes(self, text, kind, expected):
        """Known texts give exactly the expected codes."""
        assert expected == set(check_message(text, kind=kind).codes)

    def test_span_covers_disguised_link(self):
        """The span of a disguised link is the disguise, as written."""
        text = "Manual: www . kettle\u200bco . com , thanks"

        finding = check_message(text, kind="reply").findings[0]

        assert "www . kettle\u200bco . com" == text[finding.span.start : finding.span.end]
        assert {"spaced-out dots", "zero-width characters"} <= set(finding.disguises)
        assert "spaced-out dots" in finding.message

    def test_phone_exception_is_info(self):
        """A carrier's number is reported as info, not error."""
        report = check_message(
            "If the parcel is missing, call UPS at 1-800-742-5877.", kind="reply"
        )

        assert report.ok
        assert [Severity.INFO] == [f.severity for f in report.findings if f.code == "SP104"]

    def test_allowlisted_link_in_completion_kind(self):
        """An https link on the allow-list is allowed in an order-completion kind only."""
        text = "Please approve your proof at https://proofs.example-print.com/a1"
        policy = Policy.current().with_parameters(link_allowlist=["example-print.com"])

        assert "SP101" not in check_message(text, kind="confirm_customization", policy=policy).codes
        assert "SP101" in check_message(text, kind="proactive", policy=policy).codes
        assert "SP101" in check_message(text, kind="confirm_customization").codes

    def test_own_order_link_is_info(self):
        """A link to the buyer's own order page is info."""
        report = check_message(
            "Your order: https://www.amazon.com/gp/your-account/order-details?orderID=1",
            kind="reply",
        )

        assert [Severity.INFO] == [f.severity for f in report.findings]

    def test_reply_to_thanks_is_not_thank_you_only(self):
        """A reply to a buyer's thanks is fine; the same text sent proactively is SP117."""
        text = "Thank you so much! Have a great day."

        assert "SP117" not in check_message(text, kind="reply").codes
        assert "SP117" in check_message(text, kind="proactive").codes

    def test_repeat_solicitation_needs_history(self):
        """SP122 fires only when the history has an earlier request."""
        earlier = Message(
            body="Please share your feedback.",
            kind="review_request",
            sent_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        )
        text = "We'd appreciate your feedback on your order."

        assert "SP122" not in check_message(text, kind="review_request").codes
        assert "SP122" in check_message(text, kind="review_request", history=[earlier]).codes

    def test_feedback_removal_after_resolution_is_allowed(self):
        """One neutral request after resolution is allowed; a demand before it is not."""
        ok = "Your refund has been issued. If you feel we resolved your concern, you may update your feedback."
        bad = "Remove your negative feedback immediately and then we will look into it."

        assert "SP116" not in check_message(ok, kind="reply").codes
        assert "SP116" in check_message(bad, kind="reply").codes

    def test_text_too_long_span(self):
        """SP208's span is the text past the limit."""
        text = "a " * 250
        finding = next(
            f for f in check_message(text, kind="digital_access_key").findings if f.code == "SP208"
        )

        assert (400, 500) == (finding.span.start, finding.span.end)
        assert "500 characters" in finding.message

    def test_emoji_in_subject(self):
        """Emoji in the subject are found, in the subject field."""
        report = check_message("Your order details.", kind="confirm_order_details", subject="Hi 👋")

        assert [("SP201", "subject")] == [(f.code, f.field) for f in report.findings]

    def test_copyright_sign_is_not_emoji(self):
        """©, ® and ™ in text are not emoji."""
        assert "SP201" not in check_message("Brand™ © 2026 ®", kind="reply").codes


class TestEditions:
    def test_seed_allows_positive_request(self):
        """The seed edition allowed asking for positive feedback; current forbids it."""
        text = "If you loved it, please leave us a 5-star review."

        assert "SP107" in check_message(text, kind="review_request").codes
        assert "SP107" not in check_message(text, kind="review_request", policy=Policy.seed()).codes

    def test_seed_severity(self):
        """SP113 is an error in current and a warning in the seed edition."""
        text = "Check out our other products!"
        current = check_message(text, kind="reply")
        seed = check_message(text, kind="reply", policy=Policy.seed())

        assert not current.ok
        assert seed.ok and [Severity.WARNING] == [f.severity for f in seed.findings]

    def test_disabled_rule_does_not_run(self):
        """A disabled rule reports nothing."""
        assert not check_message(
            "Visit shop dot com", policy=Policy.current().disable("SP101")
        ).findings


class TestInput:
    def test_naive_now(self):
        """A naive now= is refused."""
        with pytest.raises(InvalidValueError, match="now must be timezone-aware"):
            check_message("hi", now=dt.datetime(2026, 3, 1))  # noqa: DTZ001

    def test_wrong_types(self):
        """Wrong argument types are clear TypeErrors."""
        with pytest.raises(InvalidTypeError):
            check_message(b"bytes")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match=r"history\[0\]"):
            check_message("hi", history=["not a message"])  # type: ignore[list-item]

    def test_unknown_kind(self):
        """An unknown kind names the field."""
        with pytest.raises(InvalidValueError, match=r"Message\.kind"):
            check_message("hi", kind="nope")

    def test_size_limit(self):
        """Text beyond the size limit is a clear error; the limit is a parameter."""
        policy = Policy.current().with_parameters(max_input_chars=100)

        with pytest.raises(InputTooLargeError, match=r"over the limit of 100"):
            check_message("x" * 101, policy=policy)
        assert check_message("x" * 100, policy=policy).ok

    def test_message_kind_override(self):
        """kind= replaces a Message's kind."""
        message = Message(body="Thank you so much!", kind="reply")

        assert "SP117" in check_message(message, kind="proactive").codes


class TestProperties:
    @given(s.obfuscated_domains(), st.sampled_from(["reply", "proactive", "unexpected_problem"]))
    def test_obfuscated_links_fire(self, pair, kind):
        """Any disguise of a web address is still SP101, and the span covers it."""
        disguised, _ = pair
        text = f"For the manual see {disguised} thanks"

        report = check_message(text, kind=kind)

        links = [f for f in report.findings if f.code == "SP101"]
        assert links, (text, str(report))
        where = text.index(disguised)
        assert links[0].span.start <= where
        assert links[0].span.end >= where + len(disguised)

    @given(s.obfuscated_emails())
    def test_obfuscated_emails_fire(self, pair):
        """Any disguise of an email address is still SP103."""
        disguised, _ = pair
        text = f"Send photos to {disguised} please"

        report = check_message(text, kind="reply")

        assert "SP103" in report.codes, (text, str(report))

    @given(s.messages())
    def test_spans_inside_original(self, message):
        """Every span lies inside the text of its field."""
        report = check_message(message)

        for f in report.findings:
            if f.span is None:
                continue
            text = message.subject if f.field == "subject" else message.body
            assert 0 <= f.span.start <= f.span.end <= len(text or "")

    @given(
        s.messages(
            body=st.text(
                alphabet=st.sampled_from(list("ab .@/:-\u200b\u043e0123456789wcom\n")), max_size=200
            )
        )
    )
    def test_deterministic(self, message):
        """The same input always gives the same report."""
        assert check_message(message) == check_message(message)

    @given(
        st.randoms(use_true_random=False),
        st.sampled_from([r[0] for r in CASES] + [rule_data()[c].bad for c in MESSAGE_CODES]),
    )
    def test_rule_order_independent(self, rnd, text):
        """Shuffling the rules does not change the findings."""
        rules = list(engine.MESSAGE_RULES)
        rnd.shuffle(rules)
        message = Message(body=text, kind="reply")
        policy = Policy.current()

        shuffled = sellerpolicy.MessageReport(
            findings=engine.run_message_rules(message, (), policy, tuple(rules))
        )

        assert check_message(message, policy=policy) == shuffled


ADVERSARIAL = {
    "dots": ".",
    "spaces": " ",
    "ats": "@",
    "digits": "7",
    "a-dot": "a.",
    "a-space-dot": "a . ",
    "confusables": "оаеіс.",
    "brackets": "[dot] ",
    "at-words": "x at y dot ",
    "lt": "<a ",
    "zero-width": "a\u200b.",
    "digit-groups": "12 ",
    "hyphens": "a-",
    # many hits of one kind against many of another: checked by bisection, not nested loops
    "review-not": "review your case ",
    "thanks-feedback": "thanks for the feedback ",
    "links-and-emails": "shop.com b@c.com ",
    "spoken-and-plain-emails": "jane at mail dot com b@c.com ",
    "feedback-requests": "please change your feedback. ",
    "whatsapp-and-phones": "wa.me/15551234567 call 555 123 4567 ",
}


class TestAdversarial:
    @pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
    def test_large_input_completes(self, unit):
        """100 KB of adversarial repetition is checked without error (speed is in benchmarks/)."""
        text = (unit * (100_000 // len(unit) + 1))[:100_000]

        report = check_message(Message(body=text, kind="reply"))

        assert isinstance(report.ok, bool)

    def test_html_adversarial(self):
        """Broken HTML of 100 KB is checked without error."""
        text = "<img src=" * 10_000

        assert isinstance(check_message(Message(body=text, format="html")).ok, bool)


_INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u00ad", "\u2060", "\ufeff"])
_LOOKALIKE = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "i": "і"}
PHRASE_CODES = [c for c in MESSAGE_CODES if rule_data()[c].clauses]


@st.composite
def disguised(draw: st.DrawFn, text: str) -> str:
    """Hide invisibles inside words, swap in look-alike letters and full-width forms."""
    out = []
    for word in text.split(" "):
        letters = list(word)
        if len(letters) > 3 and draw(st.booleans()):
            at = draw(st.integers(1, len(letters) - 1))
            letters.insert(at, draw(_INVISIBLE))
        if draw(st.integers(0, 3)) == 0:
            letters = [_LOOKALIKE.get(ch, ch) if draw(st.booleans()) else ch for ch in letters]
        if draw(st.integers(0, 5)) == 0:
            letters = [chr(ord(ch) + 0xFEE0) if "a" <= ch <= "z" else ch for ch in letters]
        out.append("".join(letters))
    return " ".join(out)


class TestDisguisedPhrases:
    @pytest.mark.parametrize("code", PHRASE_CODES, ids=str)
    @given(data=st.data())
    def test_disguised_bad_example_still_fires(self, code, data):
        """Invisible characters, look-alike letters and full-width forms do not hide a violation."""
        message, history = example(code, "bad")
        body = data.draw(disguised(message.body))

        report = check_message(Message(body=body, kind=message.kind), history=history)

        assert code in report.codes, (body, str(report))


class TestPolicyPhrases:
    def test_added_phrase_is_used(self, tmp_path):
        """Phrases added in a policy file extend the rule's vocabulary."""
        text = "Write a review of the kettle and we'll add kettle karma to your account."
        path = tmp_path / "policy.toml"
        path.write_text('[phrases]\nincentive = ["kettle karma"]\n', encoding="utf-8")

        base = check_message(text, kind="review_request")
        extended = check_message(text, kind="review_request", policy=Policy.from_toml(path))

        assert "SP106" not in base.codes
        assert "SP106" in extended.codes
        finding = next(f for f in extended.findings if f.code == "SP106")
        assert "kettle karma" in text[finding.span.start : finding.span.end]
