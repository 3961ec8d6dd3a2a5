import datetime as dt
from collections import Counter

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import (
    Attachment,
    Code,
    Message,
    Order,
    OrderItem,
    Policy,
    Severity,
    check_message,
)
from sellerpolicy._registry import rule_set
from sellerpolicy._rules import messages as engine
from sellerpolicy._rules.data import rule_data
from sellerpolicy._rules.messages import contact, formatting, phrases
from sellerpolicy._rules.messages.engine import PLAIN_TEXT_SILENT
from sellerpolicy.exceptions import InputTooLargeError, InvalidTypeError, InvalidValueError

from . import strategies as s

MESSAGE_CODES = rule_set("messages").codes
example = engine.example_message


class TestRuleExamples:
    @pytest.mark.parametrize("edition", ["current", "seed"])
    @pytest.mark.parametrize("code", MESSAGE_CODES, ids=str)
    def test_good_example_is_clean(self, code, edition):
        """Each rule's documented good example has no error findings, in either edition."""
        message, history = example(code, "good")

        report = check_message(message, history=history, policy=Policy.for_edition(edition))

        assert report.ok, str(report)
        assert code not in report.codes, str(report)

    @pytest.mark.parametrize("edition", ["current", "seed"])
    @pytest.mark.parametrize("code", MESSAGE_CODES, ids=str)
    def test_bad_example_fires_where_the_rule_exists(self, code, edition):
        """Each rule's bad example is reported in every edition that has the rule, only there.

        The severity per edition is pinned in tests/test_policy_examples.py.
        """
        policy = Policy.for_edition(edition)
        message, history = example(code, "bad")

        report = check_message(message, history=history, policy=policy)

        assert (code in report.codes) == (policy.severity(code) is not None), str(report)


CASES = [
    # (text, kind, expected codes)  -- links, disguised and plain
    ("Visit www.kettleco.com for more", "reply", {"SP101"}),
    ("Visit kettleco.co.uk for more", "reply", {"SP101"}),
    ("see https://kettleco.de/manual.pdf", "reply", {"SP101"}),
    ("Go to kettleco dot com", "reply", {"SP101"}),
    ("Go to kettleco [dot] com", "reply", {"SP101"}),
    # a suffix in title case after a lower-case name, a dot spelled with a zero or between
    # hyphens; sentences run together and a polka-dot print stay prose
    ("Visit kettleco.Com for more", "reply", {"SP101"}),
    ("Visit KettleCo.Co.Uk for more", "reply", {"SP101"}),
    ("It arrived.It works now.", "reply", set()),
    ("Go to kettleco d0t com", "reply", {"SP101"}),
    ("Go to kettleco-dot-com", "reply", {"SP101"}),
    ("Write to jane-at-kettleco-dot-com", "reply", {"SP103"}),
    ("The polka-dot-pattern dress is back.", "reply", set()),
    # a model's name with 'Dot' and a generic suffix in title case is prose; written as an
    # address, or with a suffix title case leaves an address, it is one
    ("I can send a new Dot Pro case for the Pixel 8 right away.", "reply", set()),
    ("Our stand fits the Echo Dot Pro and the Dot Plus.", "reply", set()),
    ("Go to kettleco dot pro for more", "reply", {"SP101"}),
    ("Go to KettleCo Dot Com for more", "reply", {"SP101"}),
    ("Go to KettleCo Dot De for more", "reply", {"SP101"}),
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
    # a mail provider spoken without its suffix, after an address's local part or a word of
    # mail; a company named after 'works at' is no address
    ("Mail: jane_doe at gmail", "reply", {"SP103"}),
    ("Email me: jane at gmail.com", "reply", {"SP103"}),
    ("Our email address is support at gmail", "reply", {"SP103"}),
    ("He works at Yahoo now.", "reply", set()),
    # a word of mail names no local part ('check your email at Gmail')
    ("Please check your email at Gmail, the label may be in the spam folder.", "reply", set()),
    ("Your email address at Outlook did not accept our message.", "reply", set()),
    ("My email is jane at gmail", "reply", {"SP103"}),
    # a hyphen spelled out inside a spelled-out address; 'a dash of vinegar' stays prose
    ("Write to support at voltbench hyphen tools dot co dot uk", "reply", {"SP103"}),
    ("Add a dash of vinegar and rinse; the guide is in the box.", "reply", set()),
    # a word that stands before 'at' in prose is no local part: the address is a web address
    ("Find us at kettleco dot com", "reply", {"SP101"}),
    ("Order direct at kettleco dot com next time", "reply", {"SP101", "SP105"}),
    ("Call (555) 123-4567", "reply", {"SP104"}),
    ("Call +44 20 7946 0958", "reply", {"SP104"}),
    ("Ring us on 020 7946 0958", "reply", {"SP104"}),
    ("Infos auf gartenfreude punkt de unter Service", "reply", {"SP101"}),
    ("Visit our shop: lumiere point de.", "reply", {"SP101"}),
    ("See kettleco dot at.", "reply", {"SP101"}),
    # benign look-alikes stay silent
    ("As noted, e.g. the lid, i.e. the top part.", "reply", set()),
    # ... however the sentence goes on, whatever the suffix
    ("For 20% off, order from greenleaf dot it next time.", "reply", {"SP101", "SP113"}),
    ("Our shop is cozyknits dot me so check it out.", "reply", {"SP101"}),
    ("Visit maboutique point de suite pour commander.", "reply", {"SP101"}),
    ("Visit GreenLeaf Dot Com for more.", "reply", {"SP101"}),
    # a product called '... Dot', or a spelled-out 'point' after a quantifier, is no address
    ("If you have a 3rd-gen Dot at home, let me know.", "reply", set()),
    ("Vous pouvez la déposer dans tout point de collecte.", "reply", set()),
    ("Es un punto es importante.", "reply", set()),
    ("Firmware v2.0 fixes it; see manual.pdf.", "reply", set()),
    ("It arrives at 3.30pm and costs $19.99.", "reply", set()),
    ("Order 113-4567890-1234567, ASIN B07XJ8C8F5, tracking 1Z999AA10123456784.", "reply", set()),
    ("Shipped on 12/05/2026, model KX-TG7871S, part no. 5567-2231.", "reply", set()),
    ("The details are on our website and in the link below.", "reply", set()),
    ("Thanks for your order.Best regards, Tom", "reply", set()),
    ("I checked it.It works now.", "reply", set()),
]


# Where an address or a number ends: each kind of miss once fixed, its variants, and the
# look-alikes that must stay silent (text -> expected codes of a reply).
BOUNDARY_CASES = [
    # a dot followed by a line break ends a web address unless the next line goes on with a host
    ("See www.kettleco.com.\nthanks", {"SP101"}),
    ("Visit kettleco.co.uk.\nRegards, Tom", {"SP101"}),
    ("Go to shop.kettleco.de.\n\nthanks again", {"SP101"}),
    ("Go to www.kettleco.\nco.uk", {"SP101"}),
    ("Go to www.\nkettleco.com", {"SP101"}),
    ("It weighs 3.\nthanks", set()),
    ("Version 2.1.\nthanks", set()),
    ("See the manual.\ncheers", set()),
    # a spoken ' at ' with a bracketed dot is an email address, not a link
    ("Send photos to jane at mail [dot] com please", {"SP103"}),
    ("write to jane at kettleco (dot) de", {"SP103"}),
    ("mail tom.b at kettleco {dot} co [dot] uk", {"SP103"}),
    ("Photos are at kettleco(dot)shop/pages/guide today", {"SP101"}),
    ("we look at shop [dot] com", {"SP101"}),
    ("It arrives at 3.30pm [dot]", set()),
    # 'www' and a spaced-out dot before a label in capitals
    ("See www .KETTLECO .com today", {"SP101"}),
    ("See WWW .KETTLECO .COM today", {"SP101"}),
    ("see www . KETTLECO . com", {"SP101"}),
    ("See www .KettleCo .com", {"SP101"}),
    ("We use www .NET servers", set()),
    ("it needs .NET to run", set()),
    ("as listed in www. And then", set()),
    # a full stop followed by a space ends a phone number
    ("Call us on +44 20 7946 0958. 113-4567890-1234567", {"SP104"}),
    ("Call us on 020 7946 0958. 2 parcels left", {"SP104"}),
    ("Call (555) 123-4567. 1Z999AA10123456784 is the tracking", {"SP104"}),
    ("Call +49 30 1234567. Danke", {"SP104"}),
    ("call 555.123.4567 today", {"SP104"}),
    ("Call us: +44.20.7946.0958", {"SP104"}),
    ("Order 113-4567890-1234567. It weighs 3.5 kg.", set()),
    ("Version 2.3.1. Tracking 1Z999AA10123456784.", set()),
    ("Meet at 3.30pm. e.g. the lid.", set()),
    ("The total is 12.50. 113-4567890-1234567", set()),
    ("Tracking 9400 1000 0000 0000 0000 00. Thanks", set()),
    ("Call me about order 113-4567890-1234567. Thanks", set()),
]


class TestCases:
    @pytest.mark.parametrize(("text", "kind", "expected"), CASES, ids=[c[0][:40] for c in CASES])
    def test_codes(self, text, kind, expected):
        """Known texts give exactly the expected codes."""
        assert expected == set(check_message(text, kind=kind).codes)

    @pytest.mark.parametrize(
        ("text", "expected"), BOUNDARY_CASES, ids=[c[0][:40] for c in BOUNDARY_CASES]
    )
    def test_where_an_address_or_number_ends(self, text, expected):
        """Addresses and numbers end where the text says, and look-alikes are not contacts."""
        assert expected == set(check_message(text, kind="reply").codes)

    def test_link_before_line_break(self):
        """A web address that ends a sentence and a line is SP101 whatever the next line says."""
        assert "SP101" in check_message("See www.kettleco.com.\nthanks", kind="reply").codes

    def test_spoken_at_with_bracket_dot(self):
        """'jane at mail [dot] com' is an email address (SP103), not a link."""
        report = check_message("Send photos to jane at mail [dot] com please", kind="reply")

        assert {"SP103"} == set(report.codes)

    def test_upper_case_label_with_spaced_dots(self):
        """'www .KETTLECO .com' is a web address like 'www .kettleco .com'."""
        assert "SP101" in check_message("See www .KETTLECO .com today", kind="reply").codes

    def test_phone_before_a_number(self):
        """A phone number that ends a sentence is found when the next sentence starts with digits."""
        report = check_message("Call us on +44 20 7946 0958. 113-4567890-1234567", kind="reply")

        assert "SP104" in report.codes

    @pytest.mark.parametrize(
        "text",
        [
            "Call us on O161 496 OOOO, we're in till six.",
            "ring me: O7OO 9OO 123",
            "whatsapp +44 7OOO 123 456 anytime",
            "Notre ligne atelier : O6.l2.34.56.78 (désolée, le clavier fait des siennes).",
        ],
    )
    def test_letter_o_for_zero_in_a_phone_number(self, text):
        """A letter O for a zero, or an l for a one, in groups of digits is a phone's disguise."""
        finding = check_message(text, kind="reply").findings[0]

        assert "SP104" == finding.code
        assert "letters for digits" in finding.disguises
        assert text[finding.span.start : finding.span.end].startswith(("O", "+"))

    @pytest.mark.parametrize(
        "text",
        [
            "Your O2 contract is not something we can help with.",
            "We ship 2oo units a week, model X1OO-2OO.",
            "Tracking 1Z999AA1O123456784 shows it in transit.",
            "Pick size 10 o 12, la talla que prefieras.",
        ],
    )
    def test_o_beside_digits_in_words_and_ids_is_no_phone(self, text):
        """An o beside a digit in a word, a model or a tracking number is not read as a zero."""
        assert "SP104" not in check_message(text, kind="reply").codes

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

    def test_repeated_number_judged_by_the_text_before_each(self):
        """A number repeated with the same words before it is a carrier's only where one is named.

        'Their customer line' reads the text before each occurrence: judging the number once
        per context would give the second the first one's verdict.
        """
        sentence = " It left the warehouse this morning, packed with care, as planned."
        line = " Their customer line is 020 7946 0958."
        text = "FedEx has your parcel." + sentence + line + sentence * 5 + line + line

        report = check_message(text, kind="reply")

        assert [(Severity.INFO, 112), (Severity.ERROR, 480)] == [
            (f.severity, f.span.start) for f in report.findings if f.code == "SP104"
        ]
        assert "found 2 times" in report.findings[-1].message

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

    @pytest.mark.parametrize(
        ("url", "severity"),
        [
            pytest.param(
                "https://www.amazon.de/gp/orc/returns/homepage.html", Severity.INFO, id="returns"
            ),
            pytest.param(
                "https://www.amazon.com/gp/help/customer/contact-us", Severity.INFO, id="help"
            ),
            pytest.param("https://www.amazon.es/auto-deliveries", Severity.INFO, id="subscribe"),
            pytest.param("https://www.amazon.com/returns", Severity.INFO, id="returns-short"),
            pytest.param(
                "https://www.amazon.com/stores/KettleCo/page/12", Severity.WARNING, id="storefront"
            ),
            pytest.param("https://www.amazon.com/s?k=kettle", Severity.WARNING, id="search"),
            pytest.param(
                "https://www.amazon.com/s?k=kettle&u=/gp/help/x",
                Severity.WARNING,
                id="help-in-the-query",
            ),
        ],
    )
    def test_amazon_service_pages_are_info(self, url, severity):
        """Amazon's returns centre, help and subscription pages promote nothing (SP102 info);
        a storefront or a search does (POLICY.md: other listings, storefront, search)."""
        report = check_message(f"You can do it yourself here: {url}", kind="reply")

        assert [f.severity for f in report.findings if f.code == "SP102"] == [severity]

    @pytest.mark.parametrize(
        ("text", "severity"),
        [
            pytest.param(
                "The manual is on the product page: https://www.amazon.com/dp/B08KTX3G2W",
                Severity.INFO,
                id="named",
            ),
            pytest.param(
                '<p>It is on the <a href="https://www.amazon.com/dp/B07YH5KQ3R">product page</a>.</p>',
                Severity.INFO,
                id="anchor",
            ),
            pytest.param(
                "Our new kettle is here, see the product page: https://www.amazon.com/dp/B08KTX3G2W",
                Severity.WARNING,
                id="new",
            ),
            pytest.param(
                "See our other product pages: https://www.amazon.com/dp/B08KTX3G2W",
                Severity.WARNING,
                id="other",
            ),
            pytest.param(
                "You might like this one: https://www.amazon.com/dp/B08KTX3G2W",
                Severity.WARNING,
                id="unnamed",
            ),
        ],
    )
    def test_product_page_named_without_an_order(self, text, severity):
        """Without the order, a product page the words call the product's own is info."""
        fmt = "html" if text.startswith("<") else "text"
        report = check_message(Message(body=text, kind="reply", format=fmt))

        assert [f.severity for f in report.findings if f.code == "SP102"] == [severity]

    @pytest.mark.parametrize(
        ("url", "severity"),
        [
            pytest.param("https://www.amazon.co.uk/dp/B07XJ8C8F5", Severity.INFO, id="dp"),
            pytest.param(
                "https://www.amazon.co.uk/Lamp-Shade/dp/b07xj8c8f5/ref=sr_1_1",
                Severity.INFO,
                id="titled-lower-case",
            ),
            pytest.param(
                "https://www.amazon.co.uk/gp/product/B07XJ8C8F5", Severity.INFO, id="gp-product"
            ),
            pytest.param(
                "https://www.amazon.co.uk/dp/B0CZZZZZZ1", Severity.WARNING, id="other-listing"
            ),
            pytest.param(
                "https://www.amazon.co.uk/s?k=B07XJ8C8F5", Severity.WARNING, id="search-for-it"
            ),
            pytest.param(
                "https://www.amazon.co.uk/s?k=x&u=/dp/B07XJ8C8F5",
                Severity.WARNING,
                id="asin-in-the-query",
            ),
        ],
    )
    def test_link_to_ordered_product_is_info_with_the_order(self, url, severity):
        """With the order given, its own product's page is the order's; another listing is not,
        even called 'the product page'; without the order, the words decide."""
        order = Order(
            order_id="026-1234567-1234567",
            marketplace_id="A1F83G8C2ARO7P",
            purchased_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
            fulfillment_channel="MFN",
            items=(OrderItem(asin="B07XJ8C8F5"),),
        )
        message = Message(
            body=f"Order 026-1234567-1234567: the assembly video is on the product page {url}",
            kind="unexpected_problem",
            order_id="026-1234567-1234567",
        )

        with_order = check_message(
            message, order=order, now=dt.datetime(2026, 11, 3, tzinfo=dt.UTC)
        )
        without = check_message(message)

        named = Severity.INFO if "/s?" not in url else Severity.WARNING
        assert [f.severity for f in with_order.findings if f.code == "SP102"] == [severity]
        assert [f.severity for f in without.findings if f.code == "SP102"] == [named]

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
        with pytest.raises(InvalidTypeError, match=r"expected a str or a Message, got b'bytes'"):
            check_message(b"bytes")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match=r"history must be a sequence of Message"):
            check_message("hi", history="not a list")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match=r"policy must be a Policy"):
            check_message("hi", policy="current")  # type: ignore[arg-type]
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


def _SPOKEN_AT_BRACKET_DOT(text: str) -> bool:  # noqa: N802 - reads as a constant predicate
    """'jane AT shop [dot] com': missed today (see test_spoken_at_with_bracket_dot)."""
    return " AT " in text and ("dot]" in text.lower() or "dot)" in text.lower())


def _UPPER_SPACED_DOT(text: str) -> bool:  # noqa: N802 - reads as a constant predicate
    """'www .SHOP .com': missed today (see test_upper_case_label_with_spaced_dots)."""
    return text.startswith("www .") and any(c.isupper() for c in text)


SELLER_KINDS = ["reply", "proactive", "review_request", "unexpected_problem", "confirm_delivery"]
_FILLER = st.lists(
    st.sampled_from(
        [
            "thanks", "for", "your", "order", "the", "kettle", "arrives", "on", "Friday", "e.g.",
            "v2.0", "3.30pm", "$19.99", "manual.pdf", "113-4567890-1234567", "\u200b", "\n",
        ]
    ),
    max_size=6,
).map(" ".join)  # fmt: skip
# sentence ends: a phrase rule reports one span per sentence
_SEPARATORS = st.sampled_from([". ", ".\n", "\n\n", "! ", "? "])
# not ".\n" after a web address: 'shop.com.\nthanks' is missed (test_link_before_line_break)
_AFTER = st.sampled_from([". ", "\n\n", "! ", "? "])
# (text before the evidence, the evidence, the code it must raise) -- POLICY.md §3 examples
_VIOLATIONS = st.one_of(
    s.obfuscated_domains()
    .filter(lambda pair: not _UPPER_SPACED_DOT(pair[0]))
    .map(lambda pair: ("For the manual see ", pair[0], "SP101")),
    s.obfuscated_emails()
    .filter(lambda pair: not _SPOKEN_AT_BRACKET_DOT(pair[0]))
    .map(lambda pair: ("Send photos to ", pair[0], "SP103")),
    st.sampled_from(["(555) 123-4567", "+44 20 7946 0958", "020 7946 0958", "555.123.4567"]).map(
        lambda number: ("Call us on ", number, "SP104")
    ),
    st.sampled_from(
        [
            ("", "You are a liar", "SP111"),
            ("", "Stop being an idiot", "SP111"),
            ("", "we will see you in small claims court", "SP112"),
            ("", "We will send this to a collection agency", "SP112"),
            ("", "Check out our other products", "SP113"),
            ("", "Follow us on Instagram", "SP105"),
            ("Your order is on its way ", "\U0001f4e6", "SP201"),
        ]
    ),
)


@st.composite
def violating_bodies(draw: st.DrawFn) -> tuple[str, list[tuple[str, int, int]]]:
    """A body with one to three violations, and each one's code and place in the body."""
    body = draw(_FILLER)
    expected = []
    for _ in range(draw(st.integers(1, 3))):
        before, evidence, code = draw(_VIOLATIONS)
        body += draw(_SEPARATORS) + before
        expected.append((code, len(body), len(body) + len(evidence)))
        # a word, then filler: a line break or a number right after a web address or phone
        # number joins them today (test_link_before_line_break, test_phone_before_a_number)
        body += evidence + draw(_AFTER) + "Thanks " + draw(_FILLER)
    return body, expected


class TestProperties:
    @given(
        s.obfuscated_domains().filter(lambda pair: not _UPPER_SPACED_DOT(pair[0])),
        st.sampled_from(["reply", "proactive", "unexpected_problem"]),
    )
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

    @given(s.obfuscated_emails().filter(lambda pair: not _SPOKEN_AT_BRACKET_DOT(pair[0])))
    def test_obfuscated_emails_fire(self, pair):
        """Any disguise of an email address is still SP103."""
        disguised, _ = pair
        text = f"Send photos to {disguised} please"

        report = check_message(text, kind="reply")

        assert "SP103" in report.codes, (text, str(report))

    @given(violating_bodies(), st.sampled_from(SELLER_KINDS))
    def test_spans_point_at_each_violation(self, body_and_expected, kind):
        """Every span lies inside the original text, and each planted violation is reported
        with a span that covers at least part of it, or by the finding of the same evidence
        found earlier (repeats are one finding, at the first; no generated message is clean)."""
        body, expected = body_and_expected

        report = check_message(body, kind=kind)

        assert report.findings, (body, str(report))
        for f in report.findings:
            if f.span is not None:
                assert 0 <= f.span.start <= f.span.end <= len(body), (body, str(report))
        for code, start, end in expected:
            spans = [f.span for f in report.findings if f.code == code and f.span is not None]
            # a grouped finding stands for every occurrence of its evidence
            repeats = [
                m.span()
                for f in report.findings
                if f.code == code and f.span is not None and "the span is the first" in f.message
                for m in regex.finditer(regex.escape(body[f.span.start : f.span.end]), body)
            ]
            found = [(sp.start, sp.end) for sp in spans] + repeats
            assert any(lo < end and start < hi for lo, hi in found), (
                code,
                body[start:end],
                body,
                str(report),
            )

    @given(
        st.text(
            alphabet=st.sampled_from(list("ab .@/:-\u200b\u043e0123456789wcom\n")), max_size=200
        )
    )
    def test_greeting_shifts_spans_only(self, body):
        """A greeting line before the text moves every span by its length and changes nothing else.

        (Determinism is the special case; this also catches state leaking between calls and
        offsets mapped from the wrong text.)"""
        greeting = "Hello Sam,\n\n"

        plain = check_message(body, kind="reply")
        greeted = check_message(greeting + body, kind="reply")

        def shifted(report, by):
            return [
                (f.code, f.severity, f.excerpt, f.span and (f.span.start + by, f.span.end + by))
                for f in report.findings
            ]

        assert shifted(plain, len(greeting)) == shifted(greeted, 0)
        assert check_message(body, kind="reply") == plain

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
    # contact invitations against the numbers they give (SP105 dropped for each, by bisection)
    "rings-and-phones": "give us a ring on 555 123 4567. ",
    # a number said in groups of words and digits, sentence after sentence: one number each
    "spoken-number-groups": "oh-seven-seven double nine, 402 118. ",
    # one emoji over and over: one finding that counts them, not one per emoji
    "emoji": "\N{GRINNING FACE}",
    "emoji-and-words": "\N{THUMBS UP SIGN} ok ",
    # a handle beside its platform, and a swear word masked by dots, over and over
    "social-handles": "instagram @shop_x ",
    "dotted-masks": "a....loch ",
    # a reminder about the review sentence after sentence: one look at the rest, not one each
    # (a gift "following up on your review" may be the seller's amends after a review the buyer
    # wrote, which the gate retrained on 2026-12-08 does not confirm: the offer is made for one)
    "reminders-with-offers": "Following up on our last message: post a review and we offer you a gift card. ",
    # star pictographs asked for, sentence after sentence, and runs of them in one sentence
    # (each sentence's pictographs counted once, not once per run)
    "drawn-stars": "Please leave a review \u2b50\u2b50\u2b50\u2b50\u2b50. ",
    "drawn-stars-one-sentence": "Please leave a review \u2b50\u2b50\u2b50\u2b50\u2b50 ",
    # a satisfaction named and "if so" after it, over and over
    "if-so": "We hope you are happy. If so, leave a review. ",
    # swear words spelled letter by letter, and addresses said after their provider (round 94)
    "spaced-swear-words": "s h i t. ",
    "provider-locals": "gmail: k_weber ",
}


# what each unit raises per repetition (beyond SP208, which 100 KB always raises once)
ADVERSARIAL_PER_UNIT = {
    "links-and-emails": {"SP101": 1, "SP103": 1},
    "spoken-and-plain-emails": {"SP103": 2},
    "feedback-requests": {"SP116": 1},
    "whatsapp-and-phones": {"SP101": 1, "SP104": 2},
    "rings-and-phones": {"SP104": 1},
    "spoken-number-groups": {"SP104": 1},
    "emoji": {"SP201": 1},
    "emoji-and-words": {"SP201": 1},
    "social-handles": {"SP105": 1},
    "dotted-masks": {"SP111": 1},
    "reminders-with-offers": {"SP106": 1},
    "drawn-stars": {"SP201": 5, "SP107": 1},
    "drawn-stars-one-sentence": {"SP201": 5},
    "if-so": {"SP107": 1},
    "spaced-swear-words": {"SP111": 1},
    "provider-locals": {"SP103": 1},
}


HTML_LOOKING_TEXT = (
    '<img src="http://track.example.com/open.gif?id=1" width="1" height="1"> '
    '<p style="position:absolute;font-size:40px">Hi</p><br><br><br><br><br> [IMPORTANT] '
    "see the attached logo_shop.com.png"
)


class TestPlainTextSilent:
    @given(
        st.sampled_from([HTML_LOOKING_TEXT, *(rule_data()[c].bad for c in MESSAGE_CODES)])
        | st.text(min_size=1, max_size=120).filter(str.strip),
        st.sampled_from(SELLER_KINDS),
    )
    def test_rules_skipped_for_plain_text_find_nothing_there(self, body, kind):
        """The rules the engine skips for plain text without attachments or subject find nothing
        in such a message, whatever its words."""
        analysis = engine.Analysis(Message(body=body, kind=kind), (), Policy.current())
        checks = {rule.code: rule.check for rule in engine.MESSAGE_RULES}

        found = {code: list(checks[code](analysis)) for code in PLAIN_TEXT_SILENT}

        assert found == {code: [] for code in PLAIN_TEXT_SILENT}


class TestAdversarial:
    @pytest.mark.parametrize("name", list(ADVERSARIAL))
    def test_large_input_completes(self, name):
        """100 KB of adversarial repetition is checked to the end: every repetition of a
        violation is found, nothing else is (speed is in benchmarks/)."""
        unit = ADVERSARIAL[name]
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        whole = 100_000 // len(unit)

        report = check_message(Message(body=text, kind="reply"))

        # repeats of one piece of evidence are one finding that counts them
        counts = Counter()
        for f in report.findings:
            repeated = regex.search(r"found (\d+) times; the span is the first", f.message)
            counts[str(f.code)] += int(repeated[1]) if repeated else 1
        per_unit = ADVERSARIAL_PER_UNIT.get(name, {})
        assert set(counts) == {"SP208", *per_unit}, counts
        assert counts["SP208"] == 1
        for code, n in per_unit.items():  # found up to the very end
            assert whole * n <= counts[code] <= (whole + 1) * n, (code, counts[code], whole)
        assert len(report.findings) <= 1 + 2 * len(per_unit)  # a few findings, not thousands

    @pytest.mark.parametrize("word", ["punto", "point"])
    def test_a_long_gap_before_a_spelled_suffix(self, word):
        """100 KB of spaces between a spelled 'punto'/'point' and 'de' is read once, linearly.

        The 'de' after 'point' was once checked by a lookbehind over the whole gap at every
        step back of the gap (30 s for 100 KB); the suffix is now matched before it is looked
        back from. No address is read across such a gap.
        """
        body = f"a {word}" + " " * 100_000 + "de x"

        report = check_message(Message(body=body, kind="reply"))

        assert {f.code for f in report.findings} == {"SP208"}

    def test_repeats_are_one_finding(self):
        """A rule's evidence found again is one finding, at the first, counting the repeats."""
        text = "Thanks \N{GRINNING FACE} and \N{GRINNING FACE}\N{GRINNING FACE}! Call 020 7946 0958 or 020 7946 0958."

        report = check_message(text, kind="reply")

        expected = [
            (
                "SP201",
                (7, 8),
                "contains an emoji: \N{GRINNING FACE} (found 3 times; the span is the first)",
            ),
            (
                "SP104",
                (22, 35),
                "contains a phone number: 020 7946 0958 (found 2 times; the span is the first)",
            ),
        ]
        assert expected == [
            (f.code, (f.span.start, f.span.end), f.message) for f in report.findings
        ]

    @pytest.mark.parametrize("piece_chars", [1, 64], ids=["runs", "whole"])
    @given(
        text=st.lists(
            st.sampled_from(
                [
                    *(" ", "  ", "ok", "7", "#", "\u00a9", "\ufe0f", "\u20e3", "\u200d"),
                    *("\u2764", "\u0585", "\N{WOMAN}", "\N{GIRL}", "\N{GRINNING FACE}"),
                    "\N{EMOJI MODIFIER FITZPATRICK TYPE-4}",
                    "\N{REGIONAL INDICATOR SYMBOL LETTER D}",
                    "\N{REGIONAL INDICATOR SYMBOL LETTER E}",
                ]
            ),
            max_size=40,
        ).map("".join)
    )
    def test_emoji_read_run_by_run_as_whole(self, piece_chars, text):
        """Emoji counted once per distinct run between spaces are those the whole text holds."""
        matches = list(formatting._EMOJI.finditer(text))
        first = {}
        for m in matches:
            first.setdefault(m[0], m.span())

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(formatting, "_PIECE_CHARS", piece_chars)
            assert formatting._may_have_emoji(text) or not matches
            if matches:
                counts, spans = formatting._emoji_found(text)
                assert Counter(m[0] for m in matches) == counts
                assert list(first.items()) == list(spans.items())

    def test_different_evidence_is_not_grouped(self):
        """Two different emoji are two findings."""
        report = check_message("Thanks \N{GRINNING FACE} \N{SPARKLES}", kind="reply")

        assert [(7, 8), (9, 10)] == [(f.span.start, f.span.end) for f in report.findings]

    def test_html_adversarial(self):
        """Broken HTML of 100 KB is checked: only its length is reported."""
        text = "<img src=" * 10_000

        report = check_message(Message(body=text, format="html"))

        assert ["SP208"] == [str(f.code) for f in report.findings]


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


def _at(day: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, 10, tzinfo=dt.UTC)


class TestSellerMessagesOnly:
    """POLICY.md §3: the rules apply to every seller message, never to a buyer's or Amazon's."""

    RUDE = "You are an idiot. Call me on (555) 123-4567 or see www.kettleco.com 📦"

    @pytest.mark.parametrize(
        ("sender", "kind"),
        [
            ("buyer", "inquiry"),
            ("buyer", "return_request"),
            ("amazon", "brand_or_suspicious"),
            ("amazon", "reply"),
            ("buyer", "proactive"),
            ("seller", "inquiry"),  # a kind only buyers send
        ],
    )
    def test_no_findings_for_buyer_or_amazon(self, sender, kind):
        """A buyer's insult is not the seller's SP111; nor their links, numbers or emoji."""
        message = Message(body=self.RUDE, kind=kind, sender=sender, subject="[Important] 😡")

        assert () == check_message(message).findings

    def test_same_text_from_the_seller_is_judged(self):
        """The same words in a seller's reply raise every rule they break."""
        report = check_message(Message(body=self.RUDE, kind="reply", sender="seller"))

        assert {"SP101", "SP104", "SP111", "SP201"} <= set(report.codes)

    def test_buyer_text_by_kind(self):
        """A text checked as a buyer kind is a buyer's message."""
        assert check_message(self.RUDE, kind="inquiry").ok
        assert not check_message(self.RUDE, kind="inquiry").findings

    def test_buyer_message_in_history_is_no_earlier_request(self):
        """A buyer's message that mentions a review is no earlier solicitation (SP122)."""
        buyer = Message(
            body="Could you please tell me how to leave a review?",
            kind="inquiry",
            sender="buyer",
            sent_at=_at(1),
        )

        report = check_message(
            "We'd appreciate your feedback on your order.", kind="review_request", history=[buyer]
        )

        assert "SP122" not in report.codes

    @pytest.mark.parametrize(
        ("sender", "kind", "repeats"),
        [
            ("amazon", "review_request", True),
            ("amazon", "reply", False),
            ("amazon", "brand_or_suspicious", False),
        ],
        ids=[
            "amazon's request a review counts",
            "an amazon notice does not",
            "nor a suspicious one",
        ],
    )
    def test_amazon_request_a_review_in_history(self, sender, kind, repeats):
        """Amazon's Request a Review in the history is an earlier request (SP122 counts it)."""
        earlier = Message(
            body="The seller invites you to share your experience with this order.",
            kind=kind,
            sender=sender,
            sent_at=_at(1),
        )

        report = check_message(
            "If you have a minute, an honest review on Amazon would help us.",
            kind="review_request",
            history=[earlier],
        )

        assert repeats == ("SP122" in report.codes)
        assert earlier.requests_review is repeats


class TestFeedbackReminder:
    """A reminder of the history's feedback request is one more request (SP116, current: one)."""

    EARLIER = Message(
        body="Now that the new cable has arrived, if you feel we've solved it, you can update your"
        " feedback under Your Orders.",
        kind="reply",
        sent_at=_at(1),
    )

    @pytest.mark.parametrize(
        ("text", "history", "fires"),
        [
            (
                "Hi again! Have you had a chance to look at the feedback? I mentioned it last week.",
                True,
                True,
            ),
            (
                "Buongiorno, le riscrivo perché il feedback risulta ancora a una stella.",
                True,
                True,
            ),
            ("Thank you so much for updating your feedback!", True, False),
            (
                "We read your seller feedback about the broken lid. Could you send us a photo?",
                True,
                False,
            ),
            ("Thank you so much for updating your feedback!", False, False),
            (
                "Hi again! Have you had a chance to look at the feedback? I mentioned it last week.",
                False,
                False,
            ),
            (
                "Perdona la insistencia con la valoración: la estrella sigue ahí. ¿Puedes quitarla?",
                True,
                True,
            ),
        ],
        ids=[
            "asks again",
            "writes again, Italian",
            "thanks for the change",
            "a question beside the feedback is no reminder",
            "thanks for the change, no history",
            "no earlier request",
            "'can you take it down', Spanish",
        ],
    )
    def test_reminder(self, text, history, fires):
        report = check_message(text, kind="reply", history=[self.EARLIER] if history else [])

        assert fires == ("SP116" in report.codes)

    def test_a_promise_not_to_ask_again_is_no_repeat(self):
        """ "I won't ask again" says the opposite of asking again: the one request allowed."""
        text = (
            "Since the issue is now sorted, you may wish to update the feedback you left; if you'd"
            " rather leave it, that's completely fine and I won't ask again."
        )

        assert "SP116" not in check_message(text, kind="negative_feedback_removal").codes

    def test_the_seed_edition_allows_a_second(self):
        """The seed edition allows two polite requests: one reminder is still allowed there."""
        text = "Hi again! Have you had a chance to look at the feedback? I mentioned it last week."

        report = check_message(text, kind="reply", history=[self.EARLIER], policy=Policy.seed())

        assert "SP116" not in report.codes


class TestQuotedInsults:
    """The buyer's insult quoted back to decline it is not the seller's (SP111)."""

    @pytest.mark.parametrize(
        "text",
        [
            "Vous nous écrivez que nous sommes « des escrocs ». Je comprends votre frustration.",
            'Calling our warehouse team "useless idiots" won\'t get this solved any faster.',
            "Sie schreiben, wir seien „unfähig und unverschämt“. Ich verstehe Ihren Ärger.",
            'You wrote that we are "f***ing useless". We are sorry.',
            "You called us 'scammers'; we understand you're upset.",
        ],
    )
    def test_quoted_back(self, text):
        assert "SP111" not in check_message(text, kind="reply").codes

    @pytest.mark.parametrize(
        "text",
        [
            'You are an "idiot" and a "liar".',
            'We are not "scammers", you are a liar.',
            "Stop being an idiot.",
            # scare quotes: no reporting word says whose words they are
            'You are a complete "idiot".',
            'Dear "idiot", your refund is denied.',
            '"You are a liar and a thief," we told our courier about you.',
            "Sie sind wirklich ein „Idiot“.",
        ],
    )
    def test_said_to_the_buyer(self, text):
        """Quotes around a word the seller calls the buyer, or an insult outside them, stay.

        Quotes alone report nothing: a quotation is the buyer's only when a reporting word
        ('you called us', 'Sie schreiben') comes before it.
        """
        assert "SP111" in check_message(text, kind="reply").codes


class TestShorthand:
    def test_spans_point_at_the_shorthand_itself(self):
        """'u' and 'ur' are read as 'you' and 'your'; the finding's span is the text's words.

        The request ('can u cancel') and where it is done ('on ur end') are one finding.
        """
        text = "can u cancel it on ur end?"
        finding = next(f for f in check_message(text, kind="reply").findings if f.code == "SP123")

        assert "can u cancel it on ur end" == text[finding.span.start : finding.span.end]

    def test_a_lexicon_reads_aliases_in_text_and_phrases(self):
        """An alias is read in the text and in the phrases alike; spans stay the text's."""
        from sellerpolicy._text.phrases import Lexicon

        lexicon = Lexicon.build(
            {"leave": ["leave u alone"], "ask": ["please"]}, {"u": "you", "pls": "please"}
        )

        hits = lexicon.scan("pls just leave you alone")

        assert [("ask", 0, 3), ("leave", 9, 24)] == [(h.vocab, h.start, h.end) for h in hits]


class TestGateKeepsTheTextbookCases:
    """The model gate never downgrades the plainest violations (a retrain once made the first
    of these info, 0.07 against a threshold of 0.0734)."""

    @pytest.mark.parametrize(
        ("text", "kind", "code"),
        [
            ("If you love it, a 5-star review gets you a $10 gift card!", "proactive", "SP106"),
            ("Leave us a review and get £5 off your next order.", "review_request", "SP106"),
            ("Please leave us 5 stars if you are happy.", "review_request", "SP107"),
            ("Next time order directly from our website and save 15%.", "reply", "SP105"),
            ("Pay the £6 difference by PayPal before we ship.", "reply", "SP108"),
            ("If you don't remove your review we will take legal action.", "reply", "SP112"),
            # a masked word the strict reading leaves to a pattern: the mask is the evidence
            ("USPS is a real pain in the a** this week, sorry.", "reply", "SP111"),
        ],
    )
    def test_error_severity(self, text, kind, code):
        severities = [f.severity for f in check_message(text, kind=kind).findings if f.code == code]

        assert Severity.ERROR in severities


class TestTheBuyersOwnWish:
    """Steps the buyer asked for ("how do I edit my review?") are no request (SP115, SP116)."""

    @pytest.mark.parametrize(
        ("question", "answer", "code", "fires"),
        [
            (
                "I'd like to add that to my review - how do I edit it?",
                "To edit a product review: go to Your Profile, open Reviews, pick the review and choose Edit.",
                "SP115",
                False,
            ),
            (
                "How do I change the seller feedback? My thumb hit 2 stars.",
                "Go to Your Orders, choose Leave seller feedback; you can edit or remove it there.",
                "SP116",
                False,
            ),
            (
                "How do I edit my review?",
                "Go to Your Profile and edit your review; if you make it 5 stars we'll send you a voucher.",
                "SP115",
                True,
            ),
            (
                "The parcel was late.",
                "Sorry! Could you please edit your review of the kettle now?",
                "SP115",
                True,
            ),
            # round 31: a question beside the review is not one about it, and the seller's own
            # question asks for the change whatever the buyer wrote
            (
                "La tazza è arrivata rotta, ho già scritto una recensione. Potete mandarne un'altra?",
                "Visto che adesso è tutto a posto, ti andrebbe di modificare la recensione sulla tazza?",
                "SP115",
                True,
            ),
            (
                "Dov'è il mio pacco? Vi ho lasciato un feedback negativo perché nessuno risponde.",
                "Il pacco è ancora dal corriere, ma intanto potrebbe gentilmente togliere il feedback negativo?",
                "SP116",
                True,
            ),
            (
                "Ich habe meine Rezension beim falschen Artikel abgegeben. Was nun?",
                "In Ihrem Kundenprofil unter Rezensionen können Sie die Rezension bearbeiten oder löschen.",
                "SP115",
                False,
            ),
        ],
    )
    def test_answer(self, question, answer, code, fires):
        assert fires == (
            code in check_message(answer, kind="reply", history=_asked(question)).codes
        )


class TestAnAnswerThenAnOffer:
    """A discount beside the answer is the answer only when the buyer asked about prices or
    offers (SP113): a sale that names the buyer's kettle after a descaling tip is a promotion."""

    @pytest.mark.parametrize(
        ("question", "answer", "fires"),
        [
            (
                "How do I descale the kettle?",
                "One part vinegar to two parts water, then rinse. Our summer sale starts on the 3rd with 20% off every kettle.",
                True,
            ),
            (
                "Will the kettle be cheaper on Prime Day?",
                "We cannot say yet, but on Prime Day the kettle usually has 20% off.",
                False,
            ),
            (
                "Is the discount on the kettle still on?",
                "Yes, the kettle still has 20% off until Sunday.",
                False,
            ),
            # fresh_fd: a sentence opening with a pronoun is read with the one before it
            (
                "Mi perro no puede comer pollo. ¿Tenéis alguna variedad de pienso sin pollo?",
                "Sí: nuestra receta de salmón y patata no lleva pollo. La encontrará en nuestra tienda de Amazon buscando «Kibble & Co. salmón y patata».",
                False,
            ),
        ],
    )
    def test_answer(self, question, answer, fires):
        assert fires == (
            "SP113" in check_message(answer, kind="reply", history=_asked(question)).codes
        )


class TestSubjectLine:
    """The subject line is read by the rules that judge what a text says (SUBJECT_RULES)."""

    def test_a_violation_only_in_the_subject(self):
        """Its finding points into the subject, with field 'subject'."""
        subject = "Review us = free gift in your next parcel"
        message = Message(
            body="Would you leave a review of your puzzle? Any rating is welcome.",
            subject=subject,
            kind="review_request",
        )

        finding = next(f for f in check_message(message).findings if f.code == "SP106")

        assert "subject" == finding.field
        assert "Review us = free" == subject[finding.span.start : finding.span.end]

    def test_the_body_already_reports_the_rule(self):
        """A rule the body breaks is not reported again for the subject."""
        message = Message(
            body="Leave a review and get a free gift card!",
            subject="Free gift card for your review",
            kind="review_request",
        )

        assert ["body"] == [f.field for f in check_message(message).findings if f.code == "SP106"]

    def test_the_buyers_subject_answered(self):
        """'Re: discount for review?' is the buyer's subject, not the seller's offer."""
        message = Message(
            body="Sorry, we can't offer anything for a review.",
            subject="Re: discount for review?",
            kind="reply",
        )

        assert "SP106" not in check_message(message).codes

    def test_contact_details_in_a_reply_subject(self):
        """A phone number the seller writes into 'Re: ...' is judged; the buyer's words are not."""
        message = Message(
            body="The replacement cable goes out with Royal Mail this afternoon.",
            subject="Re: Charger question - ring me on 07700 900461 if still stuck",
            kind="reply",
        )

        (finding,) = [f for f in check_message(message).findings if f.code == "SP104"]

        assert ("subject", "07700 900461") == (finding.field, finding.excerpt)

    def test_purpose_rules_weigh_the_body(self):
        """'Your order has shipped' as a subject is no shipping notice on its own (SP110)."""
        message = Message(
            body="Here is how to descale your kettle: use citric acid once a month.",
            subject="Your order has shipped",
            kind="proactive",
        )

        assert "SP110" not in check_message(message).codes


class TestFollowUpRequests:
    """SP116: the polite requests about one feedback the policy allows (current 1, seed 2)."""

    EARLIER = Message(
        body="Now that the replacement arrived, you may consider updating your feedback.",
        kind="negative_feedback_removal",
        sent_at=dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC),
    )
    AGAIN = "If you feel we resolved your concern, you may update your feedback."

    @pytest.mark.parametrize(
        ("policy", "fires"),
        [
            (Policy.current(), True),
            (Policy.seed(), False),
            (Policy.current().with_parameters(follow_up_requests=2), False),
        ],
        ids=["current-one", "seed-two", "current-raised"],
    )
    def test_a_second_request(self, policy, fires):
        """A second request after one in the history is SP116 where one is allowed."""
        report = check_message(
            self.AGAIN, kind="negative_feedback_removal", history=[self.EARLIER], policy=policy
        )

        assert fires == ("SP116" in report.codes)

    @pytest.mark.parametrize(
        "text",
        [
            "As we mentioned, the refund is issued; if you feel we resolved it, you may update your feedback.",
            "We wrote to UPS and the refund is issued, so if we resolved it, you may update your feedback.",
        ],
    )
    def test_a_marker_of_something_else(self, text):
        """'As we mentioned' or 'we wrote' about the problem repeats no request: one is allowed."""
        assert "SP116" not in check_message(text, kind="negative_feedback_removal").codes

    def test_a_third_request_in_the_seed(self):
        """Two earlier requests use up the seed's two."""
        report = check_message(
            self.AGAIN,
            kind="negative_feedback_removal",
            history=[self.EARLIER, self.EARLIER],
            policy=Policy.seed(),
        )

        assert "SP116" in report.codes


class TestDoubleReporting:
    """Item 3: one piece of evidence raises one finding unless both rules truly apply."""

    @pytest.mark.parametrize(
        ("text", "codes"),
        [
            ("Give us a ring on oh one two three four five six seven eight nine.", {"SP104"}),
            ("Give us a ring on (555) 123-4567.", {"SP104"}),
            ("Give us a ring. Our number is (555) 123-4567.", {"SP104"}),
            ("Text us on 07700 900123 and we will sort it.", {"SP104"}),
            ("WhatsApp us on +44 7700 900123.", {"SP104"}),
            ("Email us directly at jane@kettleco.com.", {"SP103"}),
            (
                "The photos are on Google Drive: https://drive.google.com/drive/folders/abc",
                {"SP101"},
            ),
            ("I've put them on our Google Drive: drive.google.com/file/d/xyz", {"SP101"}),
            ("The video is on instagram.com/kettleco (pinned post).", {"SP101"}),
        ],
    )
    def test_one_finding(self, text, codes):
        """The number, address or link is reported; the invitation to use it is not SP105."""
        assert codes == set(check_message(text, kind="reply").codes)

    @pytest.mark.parametrize(
        ("text", "codes"),
        [
            # paying outside Amazon is both an extra payment and an off-Amazon act
            ("Please pay the extra $5 for shipping via PayPal.", {"SP105", "SP108"}),
            ("Please send the $12 price difference by bank transfer.", {"SP105", "SP108"}),
            ("Please pay the remaining balance of $8 on Venmo.", {"SP105", "SP108"}),
            # following an account is a call to act off Amazon besides the link itself
            ("Follow us on instagram.com/kettleco for tips.", {"SP101", "SP105"}),
            # the link is to another place than the channel the invitation names
            ("We're on Instagram. Order at www.kettleco.com", {"SP101", "SP105"}),
            # an invitation without the number is still a call to act off Amazon
            ("Give us a ring if anything is wrong.", {"SP105"}),
            # a WhatsApp link is a link and a phone number
            ("Message me at wa.me/447700900456 please.", {"SP101", "SP104"}),
        ],
    )
    def test_both_rules_apply(self, text, codes):
        """Where both rules truly apply, both are reported."""
        assert codes == set(check_message(text, kind="reply").codes)


class TestPhoneAttribution:
    """SP104: only a number the text attributes to a carrier, manufacturer or warranty service
    is info; standing near such a word is not enough."""

    @pytest.mark.parametrize(
        "text",
        [
            "If the parcel is missing, call UPS at 1-800-742-5877.",
            "USPS can be reached at 1-800-275-8777 to arrange redelivery.",
            "You can call Royal Mail on 03457 740 740 and quote the reference.",
            "The manufacturer's warranty line is 1-866-555-0142.",
            "Manufacturer warranty line (Vortex UK): 0800 028 6644.",
            "FedEx has the parcel at their depot. Their customer line is 1.800.463.3339.",
            "Die DHL-Hotline erreichen Sie unter 0228 4333 112.",
            "Call the manufacturer directly on 1-800-555-0199.",
            "Royal Mail's enquiry line is 03457 740 740.",
            "To claim, contact the manufacturer, Philips, on 0800 701 0245.",
            "Puede llamar al servicio técnico del fabricante al 912 345 678.",
            "The courier will call you from 07700 900123 to agree a time.",
            "Il corriere BRT la contatterà dal numero 051 2345678 per fissare la consegna.",
            "Le transporteur Chronopost vous appellera depuis le 09 69 39 13 91.",
            "Der Fahrer ruft Sie unter der Nummer 0151 23456789 an, bevor er kommt.",
        ],
    )
    def test_attributed_number_is_info(self, text):
        """The text gives the number as the carrier's or the manufacturer's."""
        report = check_message(text, kind="reply")

        assert [Severity.INFO] == [f.severity for f in report.findings if f.code == "SP104"]

    @pytest.mark.parametrize(
        "text",
        [
            "If UPS hasn't delivered by Friday, call us on (555) 123-4567.",
            "We guarantee a fast answer: call us on (555) 123-4567.",
            "Our warranty line is (555) 123-4567.",
            "Warranty questions? Call (555) 123-4567.",
            "The courier will ring you first; my mobile is 07700 900123.",
            "UPS told us it was delivered. Call us on (555) 123-4567 if not.",
            "UPS, call us, on (555) 123-4567.",
            "The manufacturer, our sister company, on (555) 123-4567.",
            "Our driver will call you from 07700 900123.",
            "UPS will call you from our office on (555) 123-4567.",
        ],
    )
    def test_seller_number_near_a_carrier_word_is_error(self, text):
        """A number the seller offers as its own is SP104 whatever words are near it."""
        report = check_message(text, kind="reply")

        assert [Severity.ERROR] == [f.severity for f in report.findings if f.code == "SP104"]

    def test_each_number_judged_on_its_own(self):
        """UPS's number is info, the seller's in the same sentence an error."""
        report = check_message("Call UPS at 1-800-742-5877, or us at (555) 123-4567.", kind="reply")

        assert [("1-800-742-5877", Severity.INFO), ("(555) 123-4567", Severity.ERROR)] == [
            (f.excerpt, f.severity) for f in report.findings if f.code == "SP104"
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "Puede llamarnos al 612 34 56 78.",
            "Si lo prefiere, llámenos al 612 34 56 78.",
            "Chiamaci al 02 1234 5678.",
            "Rufen Sie uns gern an: 0 89 / 12 34 56-0 (Mo-Fr 8-16 Uhr).",
            "Rufen Sie uns an: 089 / 123456-0.",
        ],
    )
    def test_a_call_to_the_seller_in_any_language_is_error(self, text):
        """Spanish 'llamarnos' names a phone as plainly as 'call us' (SP104)."""
        report = check_message(text, kind="reply")

        assert [Severity.ERROR] == [f.severity for f in report.findings if f.code == "SP104"]

    @pytest.mark.parametrize(
        "text",
        [
            "The carrier's delivery window is 0900-1200 on Friday.",
            "Your DHL parcel locker PIN: 0445 566 778.",
            "The manufacturer part number is 020 7946 0958.",
        ],
    )
    def test_ids_and_times_near_a_carrier_word_are_no_phone(self, text):
        """A time range or an id introduced as one is not a phone number (POLICY.md §3)."""
        assert "SP104" not in check_message(text, kind="reply").codes


class TestDepartures:
    """Item 5: behaviour that departed from POLICY.md (the tables' examples are in
    tests/test_policy_examples.py)."""

    @pytest.mark.parametrize(
        "text",
        [
            "Please post your review when you have a moment.",
            "Feel free to post your photos with your review.",
            "You can publish your review from Your Orders.",
        ],
    )
    def test_review_request_is_no_threat(self, text):
        """Asking the buyer to post a review or photos is not publishing their information."""
        assert "SP112" not in check_message(text, kind="review_request").codes

    @pytest.mark.parametrize(
        "text",
        [
            "We will post your name and address online.",
            "We'll publish your details on every seller forum.",
            "We will file a police report against you.",
            "Otherwise we will have no choice but to file a police report.",
        ],
    )
    def test_publishing_and_reporting_are_threats(self, text):
        """Publishing the buyer's information and reporting them to the police are threats."""
        assert "SP112" in check_message(text, kind="reply").codes

    @pytest.mark.parametrize(
        "text",
        [
            (
                "If the parcel was stolen, please file a police report against whoever took it and "
                "we will send a replacement."
            ),
            "We can help you file a police report.",
            "We can file a police report for you.",
            "We have asked the courier to file a police report about the missing van.",
        ],
    )
    def test_police_report_advice_is_no_threat(self, text):
        """Advising the buyer to report a theft is not a threat (the 'file a police report'
        exception)."""
        assert "SP112" not in check_message(text, kind="reply").codes

    def test_request_in_a_reply_counts(self):
        """SP122: a review request made inside a reply counts, in history and as the message."""
        earlier_reply = Message(
            body="Glad the replacement works! Could you leave us a review?",
            kind="reply",
            sent_at=_at(1),
        )
        request = Message(
            body="Please share your feedback on your order.", kind="review_request", sent_at=_at(1)
        )
        reply = "Thanks for confirming it arrived. We'd appreciate your feedback on the order."

        assert "SP122" in check_message(reply, kind="reply", history=[request]).codes
        assert "SP122" in check_message(reply, kind="reply", history=[earlier_reply]).codes
        assert (
            "SP122"
            in check_message(
                "We'd appreciate your feedback.", kind="review_request", history=[earlier_reply]
            ).codes
        )
        assert "SP122" not in check_message(reply, kind="reply").codes

    @pytest.mark.parametrize(
        "text",
        [
            "Hi, we still haven't seen a review from you. Could you spare two minutes?",
            (
                "Just following up on our note from last week about a review. Whenever you have a "
                "moment, we would love to hear what you think on Amazon."
            ),
            (
                "Le riscriviamo perché non abbiamo ancora visto la sua recensione. Se ha un minuto, "
                "ci aiuterebbe molto."
            ),
            (
                "Wir melden uns noch einmal wegen Ihrer Bewertung. Falls Sie eine Minute haben, würde "
                "uns das sehr helfen."
            ),
        ],
    )
    def test_reminder_with_the_ask_in_the_next_sentence(self, text):
        """SP122 from the text: a reminder that names the review, the ask a sentence later."""
        finding = check_message(text, kind="proactive").findings[0]

        assert "SP122" == finding.code
        assert "repeats an earlier request" in finding.message

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("Thanks once again for your review. Could you send us the photos too?", "proactive"),
            (
                (
                    "Following up on your question about your review. Could you tell me the order "
                    "number?"
                ),
                "proactive",
            ),
            ("We still haven't seen a review from you. Could you spare two minutes?", "reply"),
            (
                "A reminder: the kettle's warranty covers the lid. Could you check the seal?",
                "proactive",
            ),
        ],
    )
    def test_thanks_answers_and_replies_are_no_reminder(self, text, kind):
        """Thanks for a review, an answer to the buyer's question about it, a reply, or a
        reminder of something else, followed by a question, are no second request."""
        assert "SP122" not in check_message(text, kind=kind).codes

    def test_reply_without_a_request_is_no_repeat(self):
        """A reply that asks for nothing is no second request, and a removal request is
        SP116's business, not a solicitation."""
        request = Message(
            body="Please share your feedback on your order.", kind="review_request", sent_at=_at(1)
        )

        assert (
            "SP122"
            not in check_message(
                "Thanks for the feedback, please let us know if anything else comes up.",
                kind="reply",
                history=[request],
            ).codes
        )
        assert (
            "SP122"
            not in check_message(
                "We have resolved your issue and respectfully ask you to consider removing the "
                "negative feedback.",
                kind="negative_feedback_removal",
                history=[request],
            ).codes
        )

    def test_not_saying_lying(self):
        """SP111: denying an accusation is not making it."""
        text = "We are not saying you are lying, but the tracking shows it was delivered."

        assert "SP111" not in check_message(text, kind="reply").codes
        assert "SP111" in check_message("You are lying.", kind="reply").codes


class TestPinnedExceptions:
    """Deliberate bugs that used to survive the suite: each of these fails if it comes back."""

    def test_free_of_charge_is_no_incentive(self):
        """'free of charge' (incentive exceptions) is a fix, not something of value for a
        review."""
        text = (
            "The new lid ships free of charge, and we'd welcome your honest review once it arrives."
        )

        assert "SP106" not in check_message(text, kind="reply", policy=PHRASE_READING).codes
        assert (
            "SP106"
            in check_message(
                "A free lid ships today, and we'd welcome your honest review once it arrives.",
                kind="reply",
                policy=PHRASE_READING,
            ).codes
        )

    def test_allow_list_requires_https(self):
        """An allow-listed host is allowed over https only (SP101's exception)."""
        policy = Policy.current().with_parameters(link_allowlist=["example-print.com"])

        def codes(text):
            return check_message(text, kind="confirm_customization", policy=policy).codes

        assert "SP101" not in codes("Approve at https://proofs.example-print.com/a1")
        assert "SP101" in codes("Approve at http://proofs.example-print.com/a1")
        assert "SP101" in codes("Approve at proofs.example-print.com/a1")

    def test_seed_ignores_the_allow_list(self):
        """POLICY.md gives the allow-list to the current edition only."""
        text = "Please approve your proof at https://proofs.example-print.com/a1"
        seed = Policy.seed().with_parameters(link_allowlist=["example-print.com"])

        assert "SP101" in check_message(text, kind="confirm_customization", policy=seed).codes


def _asked(question: str) -> list[Message]:
    return [Message(body=question, kind="inquiry", sender="buyer", sent_at=_at(1))]


# The phrase rules' own reading, every finding kept: the current edition with the model gate
# showing at info what its model does not confirm (the default, per_rule, drops those of some
# rules; tests/test_message_model.py::TestPerRule holds the gate itself).
PHRASE_READING = Policy.current().with_parameters(model_gate="info")


CLAUSE_CASES = [
    # (id, text, kind, history question or None, code, fires)
    ("negated condition is a threat", "If the drill isn't back by Friday we will contact our lawyers.", "reply", None, "SP112", True),
    ("refused offer", "We can't give anything in return for a rating, not even a voucher.", "reply", None, "SP106", False),
    ("not yet is pending", "You haven't rated the lamp yet. Once you do, send us a screenshot and a gift is yours.", "proactive", None, "SP106", True),
    ("non appena is no negation", "Le invieremo il rimborso non appena avrà tolto il feedback negativo.", "reply", None, "SP116", True),
    ("more without an amount", "We need one more detail: please send the wording for the plaque.", "confirm_customization", None, "SP108", False),
    ("more with an amount", "The second colour costs a bit more, $4, which you can send by PayPal.", "reply", None, "SP108", True),
    ("advice before paying", "If the driver asks you for a fee, message us before paying.", "reply", None, "SP108", False),
    ("stars as a design", "The pillow has five stars embroidered on the front.", "reply", None, "SP107", False),
    ("stars asked for", "Please leave us five stars!", "review_request", None, "SP107", True),
    ("belittled: can't read", "It's not our fault you can't read a size chart.", "reply", None, "SP111", True),
    ("belittled: time wasted", "Stop wasting our time with your ridiculous complaints.", "reply", None, "SP111", True),
    ("belittled: incompetent", "Sei proprio un incompetente, leggi le istruzioni.", "reply", None, "SP111", True),
    ("belittled: too dumb", "Sie sind offensichtlich zu dumm, um die Anleitung zu lesen.", "reply", None, "SP111", True),
    ("courier incompetent", "The courier was incompetent, and we're sorry you had to deal with that.", "reply", None, "SP111", False),
    ("no waste of time", "Your email isn't a waste of our time at all - we're glad you wrote.", "reply", None, "SP111", False),
    ("voucher bought", "The gift voucher code on the card in your parcel is GIFT-7H2K; the recipient redeems it on Amazon.", "reply", None, "SP113", False),
    ("voucher offered", "Here is a gift voucher code for 10% off your next purchase: SAVE10.", "reply", None, "SP113", True),
    ("new range named", "Since you bought the kettle, check out our new teapot collection!", "reply", None, "SP113", True),
    ("Amazon's confirmation", "Your gift card code is in the order confirmation Amazon sent; redeem it under Your Account.", "proactive", None, "SP109", False),
    ("the steps to cancel the buyer asked for", "To cancel, go to Your Orders, find the order and click Request cancellation.", "reply", "How do I cancel my order?", "SP123", False),
    ("asked to cancel because we cannot ship", "We are out of stock and cannot ship it, so please request cancellation from Your Orders.", "reply", "Can I cancel if it's late?", "SP123", True),
    ("buyer's opt-out honoured", "You asked to stop receiving messages from us - we've noted that.", "reply", None, "SP118", False),
    ("opt-out offered", "If you'd rather not receive our follow-up emails, just reply no.", "reply", None, "SP118", True),
    ("buyer asked to hear no more", "Natürlich, Sie erhalten keine weiteren Nachrichten mehr von uns.", "reply", "Bitte schicken Sie mir keine Nachrichten mehr.", "SP118", False),
    ("buyer's stop, Amazon's settings", "Of course. You can also opt out of messages from sellers under Communication Preferences in your Amazon account.", "reply", "Please stop messaging me.", "SP118", False),
    ("buyer's stop, a newsletter pushed", "Sure - or join our newsletter and unsubscribe any time.", "reply", "Please stop messaging me.", "SP118", True),
    ("opt-out offered unasked", "Natürlich, Sie erhalten keine weiteren Nachrichten mehr von uns.", "reply", "Wo ist mein Paket?", "SP118", True),
    ("buyer's stop, an unsubscribe link", "Sure. Click here to unsubscribe from all our emails.", "reply", "Please stop messaging me.", "SP118", True),
    ("buyer's stop, a newsletter the sentence before", "Sure. Our newsletter has great deals every week. You can unsubscribe anytime.", "reply", "Please stop messaging me.", "SP118", True),
    ("no e-mails received is no stop", "Su paquete llega mañana. Para darse de baja de nuestros correos, haga clic aquí.", "reply", "El transportista no me contactó.", "SP118", True),
    ("no messages received is no stop", "Ihr Paket kommt morgen. Sie erhalten keine weiteren Nachrichten mehr von uns.", "reply", "Ich habe keine E-Mails zur Sendung bekommen.", "SP118", True),
    ("answer restated after", "Yes, we also make the lid in blue, as you asked.", "reply", None, "SP113", False),
    ("both answers welcome", "Whether you loved it or not, please tell others what you think.", "review_request", None, "SP107", False),
    ("only if loved", "If you loved it, please tell others what you think.", "review_request", None, "SP107", True),
    ("stars traded", "A 10% discount if you leave 5 stars!", "proactive", None, "SP107", True),
    ("satisfaction as a condition", "Wenn Sie mit dem Mixer wirklich zufrieden sind, freuen wir uns über eine Bewertung.", "review_request", None, "SP107", True),
    ("happy to is willingness", "If you're happy to share your honest review, we'd be grateful.", "review_request", None, "SP107", False),
    ("particle verb on the review", "Could you take your review of the kettle down now?", "reply", None, "SP115", True),
    ("particle verb on the item", "Take the old filter out and push the new one down.", "reply", None, "SP115", False),
    ("seller reports the buyer", "We have passed your name to the police; expect a call from them.", "reply", None, "SP112", True),
    ("seller reports a theft", "We've reported the stolen parcel to the police and a new one is on its way to you.", "reply", None, "SP112", False),
    ("shaming", "Keep this up and we'll post this whole exchange, your name included, on our Facebook page.", "reply", None, "SP112", True),
    ("gating as advice", "Any gripes are best shared with us here rather than on the product page.", "review_request", None, "SP114", True),
    ("upsell after praise", "Yes, we ship to Canada. Since you like the mug, our matching saucers are new this month.", "reply", "I love the mug. Do you ship to Canada?", "SP113", True),
    ("restock answer", "The sage saucers are back in stock this week.", "reply", "Will the sage saucers be back?", "SP113", False),
    ("reminder repeats a request", "Just a gentle reminder about the review we asked for last week.", "review_request", None, "SP122", True),
]  # fmt: skip


class TestClauseReading:
    """Issue 8 parts 1-2: clause-level reading decides the semantic rules, not single phrases."""

    @pytest.mark.parametrize(
        ("text", "kind", "question", "code", "fires"),
        [c[1:] for c in CLAUSE_CASES],
        ids=[c[0] for c in CLAUSE_CASES],
    )
    def test_clause(self, text, kind, question, code, fires):
        """Negation scope, conditions, who pays whom and the buyer's question decide the rule."""
        history = _asked(question) if question else []

        assert fires == (code in check_message(text, kind=kind, history=history).codes)

    @pytest.mark.parametrize(
        ("text", "severity"),
        [
            ("Delayed in transit. The carrier's customer service is on 0800 123 4567.", "info"),
            ("Der Paketdienst ist unter 0228 4333112 erreichbar.", "info"),
            ("If the carrier hasn't come by Friday, call us on 0800 123 4567.", "error"),
        ],
    )
    def test_the_carriers_number(self, text, severity):
        """A number the text gives as the carrier's, by any name of it, is info (SP104)."""
        findings = check_message(text, kind="unexpected_problem").findings

        assert [severity] == [f.severity.value for f in findings if f.code == "SP104"]

    def test_inline_image_alt_text_shows_address(self):
        """An inline image whose alt text shows a web address is SP120, not SP101."""
        body = '<p>Descale monthly.</p><img src="https://cdn.x-media.net/f.png" alt="See brew-home.de">'

        codes = check_message(Message(body=body, kind="proactive", format="html")).codes

        assert "SP120" in codes
        assert "SP101" not in codes

    @pytest.mark.parametrize(
        ("file_name", "expected"),
        [
            ("littleoaktoys.com-logo.png", True),
            ("logo_littleoaktoys.com.png", True),
            ("little-oak-logo-2024.png", False),
            # a country suffix or a number after the hyphen names no address
            ("photo.it-2.jpg", False),
            ("shop.de-luxe.jpg", False),
        ],
    )
    def test_attached_logo_named_after_address(self, file_name, expected):
        """An attached image whose name starts with the shop's address shows it (SP120)."""
        logo = sellerpolicy.Attachment(file_name=file_name, media_type="image/png")
        message = Message(
            body="Attached is the assembly guide for your play kitchen.",
            kind="proactive",
            attachments=(logo,),
        )

        assert expected == ("SP120" in check_message(message).codes)

    @pytest.mark.parametrize(
        ("caption", "expected"),
        [("www.pipitandpebble.it", True), ("Pipit &amp; Pebble, Milano", False)],
        ids=["address", "name-only"],
    )
    def test_figure_caption_shows_address(self, caption, expected):
        """An image's <figcaption> is what it shows too: an address there is SP120 (and SP101)."""
        body = (
            "<p>Ci scusiamo per il ritardo.</p><figure>"
            '<img src="cid:logo" alt="Pipit &amp; Pebble">'
            f"<FIGCAPTION>{caption}</FIGCAPTION></figure>"
        )
        findings = check_message(Message(body=body, kind="proactive", format="html")).findings

        sp120 = [f for f in findings if f.code == "SP120"]
        assert expected == bool(sp120)
        if sp120:
            assert body[sp120[0].span.start : sp120[0].span.end].startswith("<img")

    def test_customization_proof_is_allowed(self):
        """A proof named after the engraving is what a customization message attaches (SP119)."""
        proof = sellerpolicy.Attachment(
            file_name="epreuve-gravure.pdf", media_type="application/pdf"
        )
        leaflet = sellerpolicy.Attachment(file_name="catalogue.pdf", media_type="application/pdf")

        def codes(*attachments):
            message = Message(
                body="Voici l'épreuve de votre gravure.",
                kind="confirm_customization",
                attachments=attachments,
            )
            return check_message(message).codes

        assert "SP119" not in codes(proof)
        assert "SP119" in codes(proof, leaflet)

    @pytest.mark.parametrize(
        ("body", "file_names", "fires"),
        [
            # the one file, named in the sentence that attaches it (fresh_gu)
            (
                "Please check the sizes. A cutting plan is attached.",
                ["Cutting_plan_026.pdf"],
                False,
            ),
            ("Please check the sizes. A cutting plan is attached.", ["autumn_deals.pdf"], True),
            # of two files, the sentence names the second by another's words
            (
                "The proof is attached, together with our gift-wrapping options for next time.",
                ["proof_engraving_v1.png", "gift_wrap_options.pdf"],
                True,
            ),
        ],
    )
    def test_customization_file_named_where_attached(self, body, file_names, fires):
        """In a customization message, the one file the attaching sentence names is needed."""
        attachments = tuple(
            sellerpolicy.Attachment(file_name=n, media_type="application/pdf") for n in file_names
        )
        message = Message(body=body, kind="confirm_customization", attachments=attachments)

        assert fires == ("SP119" in check_message(message).codes)

    @pytest.mark.parametrize(
        "file_name",
        [
            "Widerrufsbelehrung.pdf",
            "allergen_information.pdf",
            "packing_slip.pdf",
            "manuel_utilisation.pdf",
            "guía_de_tallas.pdf",
            "certificat_authenticite.pdf",
            "Pflegehinweise.pdf",
        ],
    )
    def test_documents_the_order_needs_by_name(self, file_name):
        """Legal notices, ingredients, packing slips and manuals in every language are allowed."""
        attachment = sellerpolicy.Attachment(file_name=file_name)
        message = Message(
            body="Please find the document attached.", kind="reply", attachments=(attachment,)
        )

        assert "SP119" not in check_message(message).codes

    @pytest.mark.parametrize(
        ("body", "file_name", "fires"),
        [
            ("The invoice for your order is attached.", "scan0003.pdf", False),
            ("Anbei die Rechnung zu Ihrer Bestellung.", "113-1234567-1234567.pdf", False),
            ("Attached is our new catalogue.", "scan0003.pdf", True),
            ("Here you go!", "IMG_4821.jpg", True),
            ("The invoice is attached.", "summer_party.jpg", True),
            ("The manual is attached.", "HX200_EN.pdf", False),
            ("Te adjuntamos una guía de una página.", "Ajuste_espalda_SendaNorte.pdf", False),
            ("Attached is our new catalogue.", "HX200_EN.pdf", True),
            ("The manual is attached.", "HX200_sale_flyer.pdf", True),
        ],
    )
    def test_generic_file_name_is_what_the_body_says(self, body, file_name, fires):
        """A file named 'scan0003.pdf' is what the sentence attaching it says it is (SP119).

        So is a document named by a model, a language or a brand ('HX200_EN.pdf' attached as
        the manual). A picture whose name says something ('summer_party.jpg') speaks for itself,
        and so does a promotional name.
        """
        attachment = sellerpolicy.Attachment(file_name=file_name)
        message = Message(body=body, kind="reply", attachments=(attachment,))

        assert fires == ("SP119" in check_message(message).codes)

    @pytest.mark.parametrize(
        "text",
        [
            (
                "Bonjour {{prenom}},\nMerci beaucoup pour votre commande ! Nous espérons qu'elle vous"
                " plaira. N'hésitez pas à nous contacter pour toute question.\nCordialement,\nL'équipe"
            ),
            (
                "Hola {{nombre}}:\n¡Muchas gracias por tu pedido! Esperamos que lo disfrutes. Si tienes"
                " cualquier duda, aquí estamos.\nUn saludo,\nEl equipo"
            ),
            (
                "Ciao {{nome}},\ngrazie mille per il tuo ordine! Speriamo che ti piaccia. Per qualsiasi"
                " domanda siamo a disposizione.\nUn caro saluto,\nIl team"
            ),
        ],
    )
    def test_thanks_in_every_language_with_placeholders(self, text):
        """Greetings, sign-offs and a placeholder's name say nothing more than thanks (SP117)."""
        assert "SP117" in check_message(text, kind="proactive").codes

    @pytest.mark.parametrize(
        "markup",
        [
            'style="text-align:center; color:#7a7a7a; font-size:12px; font-family:Georgia, serif"',
            'class="footer-note muted small centered" id="thanks-block-bottom"',
        ],
    )
    def test_a_templates_markup_is_not_what_it_says(self, markup):
        """Attributes, a style sheet and comments the buyer never sees say nothing more (SP117).

        The checker reads a template's attributes for the addresses they hide; their words are
        no part of what the message tells the buyer.
        """
        body = (
            "<style>p { margin: 0 0 12px; line-height: 1.4; color: #333; }</style>"
            "<!-- footer block, do not edit: version 3 of the thank-you layout -->"
            f"<p {markup}>Thank you for shopping with {{{{seller_name}}}}!</p>"
            f"<p {markup}>We truly appreciate your order. If you need anything, just send us"
            " a message.</p>"
            f"<p {markup}>Warm regards,<br>The {{{{seller_name}}}} team</p>"
        )
        said = check_message(Message(body=body, kind="proactive", format="html"))
        assert "SP117" in said.codes
        # one visible sentence more is news again
        news = body.replace(
            "Warm regards", "Your parcel leaves the warehouse on Monday. Warm regards"
        )
        assert (
            "SP117" not in check_message(Message(body=news, kind="proactive", format="html")).codes
        )

    def test_a_salutation_before_a_placeholder_says_nothing_more(self):
        """'Gentile {{buyer_name}},' in a template's first paragraph greets (SP117)."""
        body = (
            "<p>Gentile {{buyer_name}},</p>\n<p>volevamo semplicemente ringraziarla per aver"
            " scelto [Product] e il nostro negozio.</p>\n<p>Per qualsiasi domanda o necessità"
            " siamo sempre a sua disposizione: basta rispondere a questo messaggio.</p>\n"
            "<p>Un caro saluto,<br>{{seller_name}}</p>"
        )
        said = check_message(Message(body=body, kind="proactive", format="html"))
        assert "SP117" in said.codes

    def test_where_the_order_stands_is_more_than_thanks(self):
        """An order that has arrived and is being processed is news, not only thanks (SP117)."""
        text = (
            "Guten Tag, Ihre Bestellung ist bei uns eingegangen und wird jetzt bearbeitet. Danke!"
        )

        assert "SP117" not in check_message(text, kind="proactive").codes

    @pytest.mark.parametrize(
        ("question", "file_name", "fires"),
        [
            ("Could you send me a photo of the blue one?", "blue_version.jpg", False),
            ("Could you send me a photo of the blue one?", "IMG_2201.jpg", False),
            ("Kann ich ein Foto vom Etikett bekommen?", "etikett.jpg", False),
            ("Do you have the measurements of the shelf?", "shelf_measurements.png", False),
            ("Thanks for the quick dispatch!", "team-photo.jpg", True),
            ("What does the lid look like?", "spring_catalogue.pdf", True),
        ],
    )
    def test_what_the_buyer_asked_for(self, question, file_name, fires):
        """In a reply, a file the buyer asked for answers the buyer (SP119).

        A name the buyer never spoke of, or a promotion, answers nothing.
        """
        attachment = sellerpolicy.Attachment(file_name=file_name)
        message = Message(body="Here you go.", kind="reply", attachments=(attachment,))

        assert fires == ("SP119" in check_message(message, history=_asked(question)).codes)

    @pytest.mark.parametrize(
        ("body", "file_name", "fires"),
        [
            ("Here is a photo of the part you asked about.", "IMG_20240312_101532.jpg", False),
            ("Wie gewünscht sende ich Ihnen ein Foto der Rückseite.", "rueckseite.jpg", False),
            ("Here is a photo of the part.", "IMG_20240312_101532.jpg", True),
            (
                "As you asked, here's a photo of our summer collection.",
                "summer-collection.jpg",
                True,
            ),
        ],
    )
    def test_the_reply_says_the_buyer_asked(self, body, file_name, fires):
        """A reply that says the picture is what the buyer asked for answers the buyer (SP119)."""
        attachment = sellerpolicy.Attachment(file_name=file_name, media_type="image/jpeg")
        message = Message(body=body, kind="reply", attachments=(attachment,))

        assert fires == ("SP119" in check_message(message).codes)

    @pytest.mark.parametrize(
        ("body", "kind", "file_name", "fires"),
        [
            ("Please approve the design.", "confirm_customization", "IMG_4471.jpg", False),
            (
                "Attached is the proof of your engraving.",
                "confirm_customization",
                "scan01.pdf",
                False,
            ),
            (
                "I attached a scan of my notes. The engraving is ready.",
                "confirm_customization",
                "scan0003.pdf",
                True,
            ),
            ("Please confirm.", "confirm_customization", "IMG_4471.jpg", True),
            (
                "Please confirm the measurements on the attached drawing.",
                "confirm_order_details",
                "drawing.pdf",
                False,
            ),
        ],
    )
    def test_proofs_and_drawings(self, body, kind, file_name, fires):
        """A proof whose name says nothing is one when the text attaching it speaks of the
        design; a drawing to confirm measurements is needed for the order (SP119)."""
        attachment = sellerpolicy.Attachment(file_name=file_name)
        message = Message(body=body, kind=kind, attachments=(attachment,))

        assert fires == ("SP119" in check_message(message).codes)

    def test_errata_of_the_book_bought(self):
        """A book's corrections sent to its buyer are needed for the order (SP119)."""
        attachment = sellerpolicy.Attachment(file_name="errata-3rd-edition.pdf")
        body = "Our editors found two errors after printing. A corrected errata sheet is attached."
        message = Message(body=body, kind="proactive", attachments=(attachment,))

        assert "SP119" not in check_message(message).codes

    @pytest.mark.parametrize(
        "file_name", ["regolamento_IT.pdf", "Spielregeln_DE.pdf", "rulebook-v2.pdf"]
    )
    def test_a_games_rules_are_its_instructions(self, file_name):
        """A board game's rules, translated, are the instructions of the game bought (SP119)."""
        attachment = sellerpolicy.Attachment(file_name=file_name)
        body = "As the listing says, the game is the English edition. Its rules are attached."
        message = Message(body=body, kind="proactive", attachments=(attachment,))

        assert "SP119" not in check_message(message).codes

    @pytest.mark.parametrize(
        ("file_name", "kind", "code", "fires"),
        [
            ("Care_Guide_full_version_at_oakandlinen.co.uk.pdf", "proactive", "SP101", True),
            ("Care_Guide_oak_shelf.pdf", "proactive", "SP101", False),
            # a language tag after a document's name is no address; a shop's name before it is
            ("Bedienungsanleitung.de.pdf", "proactive", "SP101", False),
            ("user-guide.fr.pdf", "proactive", "SP101", False),
            ("manual_en.fr.pdf", "proactive", "SP101", False),
            ("oakandlinen.de.pdf", "proactive", "SP101", True),
            ("Pflege_mehr-Tipps-auf-holzpflege-kraus.de.pdf", "proactive", "SP101", True),
            ("schema_cotes_plan_travail.pdf", "confirm_order_details", "SP119", False),
            ("exploded_view_K2_lid.pdf", "reply", "SP119", False),
            ("Rueckrufinformation_WK-17.pdf", "unexpected_problem", "SP119", False),
            ("Avis_de_rappel_veilleuse_lapin.pdf", "proactive", "SP119", False),
            ("Anschlussplan_UPA-1.pdf", "reply", "SP119", False),
            ("tarjeta_felicitacion_navidad.jpg", "unexpected_problem", "SP204", False),
            ("Aviso_retirada_termo_Ruta.pdf", "proactive", "SP119", False),
            ("schema_piece_remplacement.png", "unexpected_problem", "SP204", False),
            ("Nuevos_productos_otono.pdf", "unexpected_problem", "SP119", True),
            # the carrier's evidence of delivery, for a buyer who has not got the parcel
            ("proof_of_delivery_DHL.pdf", "reply", "SP119", False),
            ("Zustellnachweis_00340434.pdf", "reply", "SP119", False),
            ("tracking_screenshot.png", "reply", "SP119", False),
            ("podcast_episode_12.pdf", "reply", "SP119", True),
            ("shade_card_N45-O.pdf", "confirm_customization", "SP119", False),
            ("Fernleaf_shawl_row14_correction.pdf", "reply", "SP119", False),
            ("FB-5_Politique_confidentialite_2025.pdf", "proactive", "SP119", False),
            ("HH-2_Datenschutzerklaerung_2025.pdf", "proactive", "SP119", False),
            # a name written without its accents names what the accented word does
            ("etiquette_prepayee_171-4408217.pdf", "reply", "SP119", False),
            ("garantia_cafetera_CE-15.pdf", "warranty", "SP119", False),
            ("catalogo_novedades_otono.pdf", "reply", "SP119", True),
            # what to check before a service or an assembly is an instruction
            ("Checkliste_Anschluss_Waschmaschine_WM-8.pdf", "confirm_service", "SP119", False),
            ("Bunk_Bed_Parts_Checklist.pdf", "reply", "SP119", False),
        ],
    )
    def test_documents_by_their_names(self, file_name, kind, code, fires):
        """A document's name may show a web address (SP101); drawings, exploded views and
        recall notices are needed for the order (SP119) and are no product photos (SP204)."""
        types = {"png": "image/png", "jpg": "image/jpeg"}
        media_type = types.get(file_name.rsplit(".", 1)[-1], "application/pdf")
        attachment = sellerpolicy.Attachment(file_name=file_name, media_type=media_type)
        message = Message(
            body="Please see the attached file.", kind=kind, attachments=(attachment,)
        )

        assert fires == (code in check_message(message).codes)

    def test_a_list_item_ending_before_a_french_de(self):
        """'…enzymes.</li><li>De petites…' is two sentences, not the address 'enzymes.de'."""
        body = (
            "<ul><li>Use a wool detergent without enzymes.</li>"
            "<li>De petites bouloches sont normales.</li></ul>"
        )

        assert "SP101" not in check_message(Message(body=body, kind="reply", format="html")).codes

    def test_instruction_steps_inline_are_no_product_photos(self):
        """Inline images of an instruction's steps are drawings, not product photos (SP204)."""
        body = (
            "<p>Per la prima preparazione:</p><ol><li>Riempire la caldaia.<br>"
            '<img src="https://assets.example-cdn.net/moka-1.png" alt="Disegno passo 1"></li></ol>'
        )
        message = Message(body=body, kind="proactive", format="html")

        assert "SP204" not in check_message(message).codes

    def test_asked_for_only_in_a_reply(self):
        """The same file sent unprompted is judged by its name alone (SP119)."""
        attachment = sellerpolicy.Attachment(file_name="blue_version.jpg")
        message = Message(body="Here you go.", kind="proactive", attachments=(attachment,))

        assert "SP119" in check_message(message, history=_asked("A photo of the blue one?")).codes

    @pytest.mark.parametrize(
        ("img", "closing", "fires"),
        [
            (
                '<img src="https://cdn.x.net/u/1/maison-lumiere.png" alt="Maison Lumière">',
                "Cordialement, l'équipe Maison Lumière",
                False,
            ),
            (
                '<img src="https://cdn.x.net/u/1/bergwerk.png" alt="Bergwerk Outdoor Logo">',
                "Beste Grüße\nBergwerk Outdoor",
                False,
            ),
            (
                '<img src="https://cdn.x.net/p/curtains.jpg" alt="blackout curtains" width="250">',
                "Regards,\nDuskfall Interiors",
                True,
            ),
            (
                '<img src="https://cdn.x.net/p/oven.jpg" alt="Dutch oven in cherry red">',
                "Kind regards,\nOakridge Kitchen",
                True,
            ),
        ],
    )
    def test_the_shops_name_is_no_product_photo(self, img, closing, fires):
        """An image whose alt text is the name the message signs with is the shop's logo (SP204).

        A product the body speaks of ('your blackout curtains') is still a product photo.
        """
        body = f"<p>Hello,</p><p>Your blackout curtains ship today.</p>{img}<p>{closing}</p>"
        message = Message(body=body, kind="proactive", format="html")

        assert fires == ("SP204" in check_message(message).codes)

    def test_sign_off_line_is_not_content(self):
        """A short last line after a blank one is a sign-off: thanks and a shop name are SP117."""
        text = "Danke schön für Ihre Bestellung! Wir sind jederzeit für Sie da.\n\nHolzwerk Berger"

        assert "SP117" in check_message(text, kind="proactive").codes


# (id, body, SP-API kind, SP124 expected): the purpose model reads positive evidence of another
# purpose; a body that is short, unusual or polite, or names other things in passing, is on topic.
PURPOSE_CASES = [
    # a marketing line beside the kind's own purpose is SP113's; a body that only promotes,
    # or whose one word of the kind is the promotion's own ('use code'), is SP124's too
    (
        "delivery arranged, benches promoted",
        "Your dining table will be delivered by a two-person crew. Please reply with a weekday that suits you. P.S. Our matching oak benches have just launched!",
        "confirm_delivery",
        False,
    ),
    (
        "promo code as a key",
        "Use code SPRING5 for 5% off your next order.",
        "digital_access_key",
        True,
    ),
    (
        "a review asked for, in Spanish, as an invoice",
        "Hola, gracias por comprar con nosotros. ¿Nos ayudaría dejando una reseña del producto en Amazon?",
        "invoice",
        True,
    ),
    (
        "details asked beside a cancellation",
        "Please confirm the engraving text for your order. If you would rather not wait, could you cancel the order from your account?",
        "confirm_order_details",
        False,
    ),
    (
        "apology, then a newsletter",
        "Sorry to bother you! Stay in the loop: join our newsletter by replying JOIN.",
        "unexpected_problem",
        True,
    ),
    ("invoice-plain", "Please see the attached document for your records.", "invoice", False),
    (
        "warranty-no-word",
        "Please keep the attached document safe; you will need it if the motor ever fails within five years.",
        "warranty",
        False,
    ),
    (
        "key-no-word",
        "Hi, here is what you need to get started: 4421-9981-3310. Type it into the app.",
        "digital_access_key",
        False,
    ),
    (
        "key-german",
        "Hallo, hier ist Ihr Aktivierungscode: 88AB-12CD. Viel Spaß!",
        "digital_access_key",
        False,
    ),
    (
        "delivery-statement",
        "Our driver will be in your area on Monday between 2 and 4 pm.",
        "confirm_delivery",
        False,
    ),
    (
        "service-statement",
        "Hello, we've booked your piano tuning for Thursday 4pm. The tuner, Alice, will bring everything she needs.",
        "confirm_service",
        False,
    ),
    (
        "service-short",
        "Hi, just confirming our electrician will be with you on the 12th in the morning.",
        "confirm_service",
        False,
    ),
    (
        "legal-withdrawal",
        "You have the right to withdraw from this contract within 14 days without giving any reason.",
        "legal_disclosure",
        False,
    ),
    (
        "legal-age",
        "Please note: the knife set you ordered may only be sold to adults over 18. By accepting delivery you confirm you are over 18.",
        "legal_disclosure",
        False,
    ),
    (
        "proof-review",
        "Hello, please review the attached mockup and let us know if you'd like any changes.",
        "confirm_customization",
        False,
    ),
    (
        "proof-feedback",
        "Here is the proof of your engraving. We'd appreciate your feedback on the layout before we go ahead.",
        "confirm_customization",
        False,
    ),
    (
        "proof-thoughts",
        "Could you share your thoughts on the two font options below?",
        "confirm_customization",
        False,
    ),
    # what the body is for, said in its words
    (
        "care-tips",
        "To keep your leather boots looking great, apply conditioner every few weeks.",
        "confirm_delivery",
        True,
    ),
    (
        "shop-closed",
        "Le ricordiamo che il nostro negozio sarà chiuso per ferie dal 10 al 20 agosto.",
        "confirm_customization",
        True,
    ),
    (
        "check-in",
        "How are you finding the wallet? We'd really value your honest review on Amazon.",
        "confirm_customization",
        True,
    ),
    (
        "shipped-as-warranty",
        "Your order has shipped with DPD and arrives tomorrow.",
        "warranty",
        True,
    ),
    (
        "delivery-as-invoice",
        "Which day next week suits you for the delivery of your wardrobe?",
        "invoice",
        True,
    ),
    (
        "refund-as-customization",
        "Your return arrived at our warehouse and your refund of $29.00 has been issued.",
        "confirm_customization",
        True,
    ),
    (
        "review-as-order-details",
        "If you're happy with your order, please leave us a 5-star review.",
        "confirm_order_details",
        True,
    ),
]


class TestPurposeModel:
    """SP124 fires on what the body says it is for, never on what it merely lacks."""

    @pytest.mark.parametrize(
        ("text", "kind", "fires"), [c[1:] for c in PURPOSE_CASES], ids=[c[0] for c in PURPOSE_CASES]
    )
    def test_purpose(self, text, kind, fires):
        """A body with another purpose's words is SP124; an unusual or short one is not."""
        assert fires == ("SP124" in check_message(text, kind=kind).codes)

    def test_opening_hours_are_not_an_appointment(self):
        """'Available Monday to Friday' is an offer of help (SP117); 'on Monday at 9am' is a date."""
        hours = "Thanks a lot for buying from us. Our support team is available Monday to Friday."
        date = "Thanks a lot for buying from us. Our fitter comes on Monday at 9am."

        assert "SP117" in check_message(hours, kind="proactive").codes
        assert "SP117" not in check_message(date, kind="proactive").codes


# (id, body, kind, SP113 expected): marketing read clause by clause.
MARKETING_CASES = [
    (
        "amazon's own multi-buy",
        "Buy 3 and save 10% is Amazon's own offer on the listing; it applied automatically to your order.",
        "reply",
        False,
    ),
    (
        "seller's code applied automatically",
        "Save 10% on your next order with code THANKS10, applied automatically at checkout.",
        "reply",
        True,
    ),
    (
        "no-code",
        "No, we don't have a discount code, sorry. The price on Amazon is the best we can do.",
        "reply",
        False,
    ),
    (
        "no-discounts",
        "Sorry, we don't offer discounts for bulk orders, and we can't offer discount codes through messages.",
        "reply",
        False,
    ),
    (
        "key-code",
        "Your premium unlock code: MK-PREM-88QX. In the app go to Settings / Premium / Enter code.",
        "digital_access_key",
        False,
    ),
    (
        "fit-kitchen",
        "Wir montieren den Türanschlag vor dem Versand kostenlos passend zu Ihrer Küche.",
        "confirm_order_details",
        False,
    ),
    (
        "dont-miss",
        "No te pierdas nuestra nueva línea de velas aromáticas, ya disponible en Amazon.",
        "proactive",
        True,
    ),
    (
        "never-run-out",
        "Subscribe & Save is now available on all our treats. Never run out again and save 10% on every delivery.",
        "proactive",
        True,
    ),
    (
        "promo-as-key",
        "Here is your key: 88AB-12CD. Use code SAVE10 on your next order with us.",
        "digital_access_key",
        True,
    ),
]


# (id, body, kind, code, expected): wording of the semantic_g writer's misses, in our own words.
RECALL_CASES = [
    (
        "thanks only, short Italian",
        "Grazie mille per il tuo ordine! Ci fa davvero piacere. A presto!\n\nIl team di Pasta Fresca Nonna Rosa",
        "proactive",
        "SP117",
        True,
    ),
    (
        "thanks only, casual German",
        "Danke für deine Bestellung – wir freuen uns riesig! Liebe Grüße, Jana",
        "proactive",
        "SP117",
        True,
    ),
    (
        "order taken in hand, in Italian",
        "Ciao Giulia, abbiamo preso in carico il tuo ordine: partirà dal nostro laboratorio entro 24 ore.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "on its way to you, in Spanish",
        "¡Tu paquete ya viaja hacia ti, Pablo! Lo lleva Correos Express.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "a surcharge the buyer must cover",
        "The courier added an oversize surcharge of £18. Before we release the box we'll need you to cover that £18.",
        "reply",
        "SP108",
        True,
    ),
    (
        "customs collected by Amazon, in Italian",
        "I dazi doganali e l'IVA all'importazione sono già stati calcolati e riscossi da Amazon. Alla consegna non dovrà pagare nulla.",
        "reply",
        "SP108",
        False,
    ),
    (
        "the colour back unasked, in German",
        "Gute Nachrichten zu Ihrem Leinenkissen: Die Farbe Salbei ist wieder da! Passend zu Ihrem Kissen ergibt sie ein schönes Set.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a friend who'd like one",
        "We'd appreciate an honest review. And if you have a friend who'd like one, please recommend us.",
        "review_request",
        "SP113",
        True,
    ),
    (
        "out for delivery, in German",
        "Ihr Paket ist heute in Zustellung! Der Fahrer kommt voraussichtlich zwischen 10 und 13 Uhr.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "bless your heart",
        "Bless your heart. It's a USB-C cable. It goes in the USB-C port, the oval one.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a five-year-old could",
        "Con tutto il rispetto, un bambino di cinque anni saprebbe montarlo seguendo le figure.",
        "reply",
        "SP111",
        True,
    ),
    (
        "removal expected today",
        "Your feedback is an outright lie. We expect it removed today.",
        "reply",
        "SP116",
        True,
    ),
    (
        "cancelling as a favour, in Italian",
        "Se non vuole aspettare, ci farebbe un favore annullando l'ordine lei.",
        "reply",
        "SP123",
        True,
    ),
    (
        "the simplest would be to cancel, in Spanish",
        "Lo más sencillo sería que usted cancelara el pedido y lo volviera a comprar más adelante.",
        "proactive",
        "SP123",
        True,
    ),
    (
        "no need to worry is reassurance",
        "No need to worry, leave us a 5-star review and we send you a free gift.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "no need to hesitate is encouragement",
        "No need to hesitate to leave us a 5-star review and we will send you a free gift.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "registered on our website",
        "To activate the extended warranty, please register your television on our website within 30 days.",
        "reply",
        "SP105",
        True,
    ),
    (
        "an owners' club joined on the website",
        "You are eligible to join our owners programme. Membership is free: simply sign up on our website.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "a call-out fee to the technician",
        "Für die Anfahrt des Technikers berechnen wir eine Pauschale von 49,00 EUR, die Sie bitte beim Termin direkt an den Techniker bezahlen.",
        "reply",
        "SP108",
        True,
    ),
    (
        "samples in reviews",
        "Photos or video samples in reviews are especially helpful to other customers.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "a police report advised, in Spanish",
        "Le recomendamos presentar una denuncia en la Policía. Le reembolsamos hoy, sin esperar al resultado de la denuncia.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a police report filed against the buyer, in Italian",
        "Il pacco di reso era vuoto. Domani sporgiamo denuncia ai carabinieri.",
        "reply",
        "SP112",
        True,
    ),
    (
        "court threatened, in Spanish",
        "Como insista, la llevamos al juzgado por reclamación de cantidad.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a hen's brain",
        "Ci vuole un bel cervello da gallina per sbagliare un'operazione così semplice.",
        "reply",
        "SP111",
        True,
    ),
    (
        "fraudsters of your kind",
        "Les fraudeurs dans votre genre, on les repère de loin.",
        "reply",
        "SP111",
        True,
    ),
    (
        "removal demanded within a day",
        "Votre évaluation négative met en danger notre compte vendeur. Nous exigeons que vous la retiriez sous 24 heures.",
        "reply",
        "SP116",
        True,
    ),
    (
        "asked again, in Spanish",
        "Le volvemos a pedir que retire la valoración. Esperamos su respuesta.",
        "reply",
        "SP116",
        True,
    ),
    (
        "no negative rating, write first",
        "Por favor, si vuelve a pasar algo, no nos ponga una valoración negativa: mándenos un mensaje primero.",
        "reply",
        "SP114",
        True,
    ),
    (
        "cancellation asked of the buyer, in Italian",
        "Il corriere non consegna nelle isole minori. Potrebbe chiedere lei l'annullamento dell'ordine?",
        "reply",
        "SP123",
        True,
    ),
    (
        "shipping on the buyer's account, in Spanish",
        "Le enviamos otra lámpara, pero los gastos de envío del segundo paquete, 7,95 €, corren de su cuenta.",
        "reply",
        "SP108",
        True,
    ),
    (
        "a bank transfer outside Amazon",
        "La réparation coûte 35 €, à régler par virement bancaire directement à notre société (pas via Amazon).",
        "reply",
        "SP105",
        True,
    ),
    (
        "thanks only, in German",
        "Wir möchten uns ganz herzlich für Ihren Einkauf bedanken. Kundinnen und Kunden wie Sie machen unsere Arbeit erst möglich. Wenn Sie irgendetwas brauchen, sind wir jederzeit für Sie da.",
        "proactive",
        "SP117",
        True,
    ),
    (
        "a prize draw to take part in",
        "Im Juni verlosen wir drei Amazon-Gutscheine! Die Teilnahme ist ganz einfach: Schreiben Sie eine Bewertung und antworten Sie uns mit Ihrem Rezensionsnamen.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "cancel it yourself, in Italian",
        "Il fornitore ha sospeso la produzione. Le conviene annullare lei l'ordine; noi non riusciamo a spedirlo.",
        "reply",
        "SP123",
        True,
    ),
    (
        "order confirmed, in French",
        "Bonne nouvelle : votre commande est confirmée ! Nous avons bien enregistré votre achat et notre équipe s'occupe de le préparer.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "a surcharge billed afterwards",
        "Unser Spediteur verlangt einen Zuschlag von 9,80 €. Bitte bestätigen Sie, dass wir Ihnen diesen Betrag nachträglich berechnen dürfen.",
        "unexpected_problem",
        "SP108",
        True,
    ),
    (
        "the key's code entered",
        "Ihr Aktivierungsschlüssel: ABCD-1234. Geben Sie einfach den Code in der App ein.",
        "digital_access_key",
        "SP113",
        False,
    ),
    (
        "written like the part number named",
        "Thanks for order 113-5520917-4476031 (brake pads, OEM part no. 04465-33471). Earlier builds need 04465-06090.",
        "confirm_order_details",
        "SP104",
        False,
    ),
    (
        "the same form called a phone",
        "Part no. 04465-33471 fits. Call us on 04465-06090.",
        "reply",
        "SP104",
        True,
    ),
    (
        "parents tell us",
        "Parents tell us the first weeks are the real test. Would you consider writing a review on Amazon?",
        "review_request",
        "SP114",
        False,
    ),
    (
        "delivered, in French",
        "Bonjour, votre colis a bien été livré aujourd'hui à 11h42 selon le transporteur. Bonne dégustation !",
        "proactive",
        "SP110",
        True,
    ),
    (
        "the seller cancels if the buyer prefers",
        "Sie geht deshalb 4 Tage später raus. Wenn du lieber stornieren möchtest, sag Bescheid, dann storniere ich.",
        "unexpected_problem",
        "SP123",
        False,
    ),
    (
        "postage added, casually",
        "the 2nd one's ready but postage went up since u ordered, need $3.50 more to send it, can u add it?",
        "reply",
        "SP108",
        True,
    ),
    (
        "the worst customer",
        "stop making stuff up, ur honestly the worst customer I've had this year",
        "reply",
        "SP111",
        True,
    ),
    (
        "a code you can't read",
        "If the panel was damaged and you can't read it, send us a photo and we'll help you.",
        "reply",
        "SP111",
        False,
    ),
    (
        "follow me, in French",
        "Oui plein ! Suivez-moi sur Instagram @coques_claire pour voir les nouveautés",
        "reply",
        "SP105",
        True,
    ),
    (
        "order details posted",
        "leave a bad review and I'll post ur order details on my fb so ppl see what kind of customer u are",
        "reply",
        "SP112",
        True,
    ),
    (
        "posted today",
        "posted today!! tracking is 9405 5036 9930 0456 1287 33, should be there by sat",
        "proactive",
        "SP110",
        True,
    ),
    (
        "removed for a discount, in Italian",
        "Ti faccio uno sconto del 20% sul prossimo ordine se rimuovi il feedback",
        "reply",
        "SP116",
        True,
    ),
    (
        "unsubscribe at any time, in German",
        "Abmelden können Sie sich jederzeit über den Link unten.",
        "proactive",
        "SP118",
        True,
    ),
    (
        "a chargeback notice is no order confirmation",
        "We have received notice of the chargeback on order 113-5560218-9902741. We contest every chargeback.",
        "proactive",
        "SP109",
        False,
    ),
    (
        "a German police report as advice",
        "Wenn Sie möchten, können Sie zusätzlich Anzeige bei der Polizei erstatten; für den Ersatz ist das nicht nötig.",
        "reply",
        "SP112",
        False,
    ),
    (
        "cheaper than on Amazon, by phone",
        "Appelez-nous directement : par téléphone, nous vous les faisons 10 % moins cher que sur Amazon.",
        "reply",
        "SP105",
        True,
    ),
    (
        "rather than ordering on Amazon",
        "Rather than ordering on Amazon, drop us a line and we'll do you a better price than the listing.",
        "reply",
        "SP105",
        True,
    ),
    (
        "so as not to miss anything",
        "Pour ne rien manquer de nos nouveautés et ventes privées, suivez-nous sur Instagram.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "money back once the review is live",
        "Would you leave a short review? Once it's live, reply here and we'll refund £10 of your order as our thanks.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "deleted for a spare part",
        "Hemos visto tu valoración negativa como vendedor. Si la eliminas, te enviamos el cargador de repuesto gratis.",
        "reply",
        "SP116",
        True,
    ),
    (
        "removed, then refunded",
        "Wir sehen Ihre negative Verkäuferbewertung. Sobald Sie diese entfernt haben, erstatten wir Ihnen 50,00 €.",
        "reply",
        "SP116",
        True,
    ),
    (
        "extended cover for just",
        "For peace of mind, we offer our own 3-year extended cover for just $19.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a masked swear word in French",
        "Espèce de c*nnard, vous aurez vite des nouvelles de notre avocat.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a masked swear word in Spanish",
        "¿Pero qué j*der quiere que hagamos?",
        "reply",
        "SP111",
        True,
    ),
    (
        "a masked swear word quoted",
        "You called us 'c*nnards' - we're sorry you feel that way.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a word with a star is no swear word",
        "Sh*p our range on Amazon, rated 4.5* on average.",
        "reply",
        "SP111",
        False,
    ),
    (
        "feedback called a pack of lies",
        "Your feedback is a pack of lies and you know it.",
        "reply",
        "SP111",
        True,
    ),
    (
        "belittled in small words",
        "I'll explain this one more time, slowly, with small words.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a design that is idiot-proof",
        "The new latch is what the manufacturer calls an idiot-proof design.",
        "reply",
        "SP111",
        False,
    ),
    (
        "looked like a scam",
        "I'm sorry this looked like a scam from your side; the label was printed twice.",
        "reply",
        "SP111",
        False,
    ),
    (
        "the police referred to",
        "If the drill is not returned within 7 days, we will have no choice but to refer the matter to the police.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a blacklist shared",
        "Para su información, compartimos con otros vendedores una lista negra de compradores conflictivos.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's employer",
        "I found your profile on LinkedIn. I'm sure your employer would be interested to see how you treat small businesses.",
        "reply",
        "SP112",
        True,
    ),
    (
        "free to contact the police",
        "You're of course free to contact the police or Amazon about this order, and we'll cooperate fully.",
        "reply",
        "SP112",
        False,
    ),
    (
        "legal action the buyer named",
        "I understand why you mention legal action after a month. Legal action won't be necessary: the table ships today.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a payment request we send",
        "A fuel surcharge adds £12.00 to the delivery. We will send you a payment request for the £12.00 through Amazon.",
        "unexpected_problem",
        "SP108",
        True,
    ),
    (
        "an amount due settled",
        "Expedited processing: $35.00 - amount due. Please settle the $35.00 amount due within 7 days.",
        "invoice",
        "SP108",
        True,
    ),
    (
        "a small contribution toward redelivery",
        "Would you be able to make a small contribution of $15 toward the redelivery?",
        "reply",
        "SP108",
        True,
    ),
    (
        "eine Nachzahlung",
        "Wir müssen daher eine Nachzahlung von 19,90 € für die Lieferung erheben.",
        "unexpected_problem",
        "SP108",
        True,
    ),
    (
        "five stars asked in German",
        "Kleine Händler wie wir leben von guten Bewertungen. Über Ihre fünf Sterne würden wir uns riesig freuen!",
        "review_request",
        "SP107",
        True,
    ),
    (
        "the whole scale named",
        "Five stars, one star or anything in between - an honest rating helps other gardeners choose.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "what you love about it",
        "Could you take a minute to tell other shoppers what you love about it?",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a refund for a review, in Spanish",
        "Si dejas una reseña de la funda, te reembolsamos el importe completo.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a refund once the feedback is gone",
        "We can issue a full refund. Once the negative feedback has been removed from our account, we'll process it.",
        "negative_feedback_removal",
        "SP106",
        True,
    ),
    (
        "the refund already there",
        "Ora che il rimborso è arrivato, ti chiediamo gentilmente di rimuovere la recensione.",
        "reply",
        "SP106",
        False,
    ),
    (
        "no review yet, in German",
        "Bei Problemen bitte nicht gleich bewerten, sondern einfach auf diese Nachricht antworten.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "no negative review, in Spanish",
        "Te pedimos que no publiques una valoración negativa; lo arreglamos por aquí.",
        "reply",
        "SP114",
        True,
    ),
    (
        "fair to bring it up to date",
        "Now that the zipper is repaired, your review may no longer reflect your experience. We think it would only be fair to bring it up to date.",
        "proactive",
        "SP115",
        True,
    ),
    (
        "a water bottle is no change",
        "Non abbiamo ancora visto la tua recensione sulla borraccia. Se hai un minuto, ci farebbe piacere.",
        "review_request",
        "SP115",
        False,
    ),
    (
        "someone who'd like a pair",
        "We'd be grateful for an honest review. And if you know someone who'd like a pair, our family bundle is available.",
        "review_request",
        "SP113",
        True,
    ),
    (
        "need negated after the trade",
        "Tell you what - take the review down and I'll refund the full amount today, no need to send anything back.",
        "reply",
        "SP106",
        True,
    ),
    (
        "need negated of a word the trade also needs",
        "If you remove your negative feedback we will refund you in full, no need to return the item.",
        "reply",
        "SP106",
        True,
    ),
    (
        "need negated before its object, German comma",
        "Es ist natürlich nicht nötig, Ihre Produktbewertung zu ändern.",
        "reply",
        "SP115",
        False,
    ),
    (
        "need negated before its object, a courtesy between",
        "No need, of course, to update your review.",
        "reply",
        "SP115",
        False,
    ),
    (
        "need negated in the sentence before",
        "No need to worry. If you remove your negative feedback we will refund you in full.",
        "reply",
        "SP106",
        True,
    ),
    (
        "offer refused in its own clause",
        "We can't give anything in return for a rating, not even a voucher.",
        "reply",
        "SP106",
        False,
    ),
    (
        "no obligation anywhere",
        "We've refunded you. You're welcome to update your review if you wish - but there's no obligation.",
        "reply",
        "SP115",
        False,
    ),
    (
        "a scammer like you",
        "Non ci facciamo prendere in giro da un truffatore come lei. Il rimborso non arriverà.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a liar like some say",
        "We don't think you are a liar like some people say.",
        "reply",
        "SP111",
        False,
    ),
    (
        "stealing by name",
        "You wore the dress to your party and now you want your money back. Where I come from that's called stealing.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a preposition before 'point de'",
        "Déposez-le en point de collecte ou en magasin.",
        "legal_disclosure",
        "SP101",
        False,
    ),
    (
        "a police complaint we will file",
        "Sans retour de votre part sous 48 h, nous déposerons plainte à la gendarmerie.",
        "reply",
        "SP112",
        True,
    ),
    (
        "advised to file a complaint",
        "Si le colis a été volé, nous vous conseillons de déposer plainte auprès de la gendarmerie.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a contribution asked",
        "Per completare la spedizione ci servirebbe un piccolo contributo di 5 euro per l'imballo rinforzato.",
        "proactive",
        "SP108",
        True,
    ),
    (
        "a surcharge covered before dispatch",
        "The courier added a rural surcharge of $9.80 for your zip code. As soon as that's covered we'll send it out.",
        "reply",
        "SP108",
        True,
    ),
    (
        "Zuzahlung",
        "Leider hat unser Lieferant die Preise erhöht; wir bitten Sie um eine Zuzahlung von 12 €.",
        "unexpected_problem",
        "SP108",
        True,
    ),
    (
        "the difference sent over",
        "The correct price is $10 more. Would you be able to send over the difference so we can ship today?",
        "proactive",
        "SP108",
        True,
    ),
    (
        "a members list by email",
        "btw we keep a little members list w/ early access to restocks, just drop ur email in a reply",
        "proactive",
        "SP105",
        True,
    ),
    (
        "without Amazon's detour",
        "Bei Nachbestellungen schreiben Sie uns direkt an - ohne den Umweg über Amazon wird es günstiger.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "money back to every reviewer",
        "Nous remboursons 5 € à chaque client qui prend deux minutes pour donner son avis sur le produit.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a smile earned",
        "Reviews are everything for a shop our size. If we earned your smile, please earn us a star or five!",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a shop our size",
        "Reviews are everything for a shop our size - please tell others what you think.",
        "review_request",
        "SP113",
        False,
    ),
    (
        "left the warehouse, in Spanish",
        "¡Buenas! Tu paquete ya salió de nuestro almacén; lo recibirás en 2-3 días hábiles.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "a friend sent our way",
        "Know someone who'd love one? Send them our way - we'll thank you with store credit for every friend who orders.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "other models of the collection",
        "Se le è piaciuta la lampada, dia un'occhiata anche agli altri modelli della nostra collezione.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "resolved before rating",
        "If there is any problem at all, please let us resolve it before you rate your experience.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "a review adjusted",
        "Wäre es möglich, Ihre Rezension auf der Produktseite entsprechend anzupassen?",
        "proactive",
        "SP115",
        True,
    ),
    (
        "how often we message",
        "To manage how often we message you, reply SETTINGS.",
        "proactive",
        "SP118",
        True,
    ),
    (
        "cancel hit by the buyer",
        "So sorry - the last one got damaged in our stockroom. Mind hitting cancel on your orders page?",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "a nudge from the buyer",
        "Once your review goes live, just give us a nudge here and we'll pop a little something in the post.",
        "review_request",
        "SP122",
        False,
    ),
    (
        "a change of mind is no review",
        "Pour un retour par simple changement d'avis, 4,50 € seront déduits du remboursement si vous utilisez l'étiquette d'Amazon.",
        "reply",
        "SP106",
        False,
    ),
    (
        "refund if the comment goes",
        "Si vous supprimez votre commentaire négatif sur la page du produit, nous vous rembourserons la cafetière.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a conjunction before 'punto de'",
        "Entregue el paquete en una oficina o punto de recogida.",
        "reply",
        "SP101",
        False,
    ),
    (
        "the whole range, a second one on offer",
        "We do have it in other colours! Have a look at our whole range and grab a second one while it's on offer.",
        "reply",
        "SP113",
        True,
    ),
    (
        "ordered directly in the own shop",
        "Den Deckel gibt es bei Amazon nicht einzeln. Sie können ihn aber direkt in unserem Shop bestellen.",
        "reply",
        "SP105",
        True,
    ),
    (
        "directly on the Amazon storefront",
        "Vous pouvez le commander directement sur notre boutique Amazon.",
        "reply",
        "SP105",
        False,
    ),
    (
        "token after the review is live",
        "Once your review is live, just drop us a line and we'll send a small token of our appreciation.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "money back after sharing",
        "We'll happily reimburse the full price after you share your experience on the product page.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "experience told to us",
        "Once you share your experience with us, we can send a replacement part.",
        "reply",
        "SP106",
        False,
    ),
    (
        "cancelling from your side",
        "We unfortunately can't fulfil this; cancelling from your side would be the fastest way.",
        "reply",
        "SP123",
        True,
    ),
    (
        "sobald das Paket",
        "Sobald Sie das Paket erhalten haben, freuen wir uns über eine ehrliche Bewertung. Die Rücksendung ist kostenlos.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "dès que le colis",
        "Dès que vous aurez reçu votre colis, votre avis sincère nous aiderait. Le retour est gratuit.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "sobald die Bewertung",
        "Sobald Ihre Bewertung online ist, schicken wir Ihnen einen Gutschein.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "once you receive",
        "Once you receive your order, we'd appreciate an honest review. If anything is damaged, our free replacement policy covers you.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "once you post",
        "Once you post your review, we'll send you a free replacement lid.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "free item beside a request",
        "A free e-book of recipes is included in the box. When you've had a chance to use the blender, an honest review would be appreciated.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "greeting and a note",
        "Hello, a quick note on your order 113-2234567-1234567: the lamp needs an E27 bulb, which is not included.",
        "proactive",
        "SP117",
        False,
    ),
    (
        "thanks and help",
        "Thank you kindly for your purchase! If you need anything, just let us know.",
        "proactive",
        "SP117",
        True,
    ),
    (
        "shipped without",
        "Hi, thanks for your order. Please note the plant is shipped without its pot.",
        "proactive",
        "SP110",
        False,
    ),
    (
        "receipt then a question",
        "We have received your payment confirmation from Amazon for the custom order. Could you send us the text you want engraved?",
        "proactive",
        "SP109",
        False,
    ),
    (
        "receipt then help",
        "We've received your order and are preparing it. Any questions? Let us know.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "neutral update, taken care of",
        "Your replacement was delivered yesterday. Should you feel your issue has been taken care of, you are welcome to revise your feedback.",
        "negative_feedback_removal",
        "SP116",
        False,
    ),
    (
        "neutral update, fr",
        "Votre remboursement a été effectué. Si vous estimez que nous avons répondu à votre demande, vous pouvez mettre à jour votre évaluation.",
        "negative_feedback_removal",
        "SP116",
        False,
    ),
    (
        "happy with handling",
        "If you're happy with how we handled it, you may update your feedback.",
        "negative_feedback_removal",
        "SP107",
        False,
    ),
    (
        "update to five stars",
        "If you're happy with how we handled it, please update your feedback to five stars.",
        "negative_feedback_removal",
        "SP107",
        True,
    ),
    (
        "remove before fixing",
        "Please remove your negative feedback now; the replacement will follow next week.",
        "negative_feedback_removal",
        "SP116",
        True,
    ),
    (
        "third-party scam",
        "Please ignore any emails asking you to pay a customs fee - that's a scam.",
        "reply",
        "SP111",
        False,
    ),
    (
        "ignore the fee",
        "Please ignore any emails asking you to pay a customs fee - that's a scam.",
        "reply",
        "SP108",
        False,
    ),
    ("scam after not", "Let's not pretend: you are trying to scam us.", "reply", "SP111", True),
    (
        "not saying lying",
        "We are not saying you are lying; the courier may have misread it.",
        "reply",
        "SP111",
        False,
    ),
    (
        "cannot read",
        "Maybe ask someone who can actually read to help you with the manual.",
        "reply",
        "SP111",
        True,
    ),
    (
        "fr cancel",
        "Merci d'annuler la commande depuis votre compte Amazon.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "es cancel",
        "Te pedimos que canceles tú el pedido desde Mis pedidos.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "seller cancels fr",
        "Nous pouvons annuler la commande de notre côté et vous rembourser.",
        "unexpected_problem",
        "SP123",
        False,
    ),
    (
        "es edit review",
        "¿Podrías editar tu reseña del producto y quitar la parte del olor?",
        "reply",
        "SP115",
        True,
    ),
    (
        "de surcharge",
        "Für die Insel fällt ein Zuschlag von 15,00 € an. Bitte begleichen Sie diesen Betrag.",
        "reply",
        "SP108",
        True,
    ),
    (
        "after removal",
        "We'll ship the replacement as soon as you've removed the negative feedback.",
        "reply",
        "SP116",
        True,
    ),
    # the fresh_g / fresh_h round (2026-12-04): a keyword reply in every language is an opt-out
    (
        "risponda STOP",
        "Non vuole più ricevere messaggi da noi? Risponda STOP.",
        "proactive",
        "SP118",
        True,
    ),
    (
        "antworten mit STOP",
        "Keine Nachrichten mehr? Antworten Sie mit STOP.",
        "proactive",
        "SP118",
        True,
    ),
    (
        "opt-out honoured es",
        "Ya no desea recibir mensajes nuestros, lo entendemos: no le escribiremos más.",
        "reply",
        "SP118",
        False,
    ),
    # handed to the named carrier is a shipping notice
    (
        "an DHL übergeben",
        "Ihre Bestellung wurde heute an DHL übergeben. Sendungsnummer: 00340434161234567891.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "an den Hersteller übergeben",
        "Ihr Gerät wurde heute an den Hersteller übergeben; die Reparatur dauert etwa eine Woche.",
        "proactive",
        "SP110",
        False,
    ),
    # a negated command to be something calls the buyer it; a negated future is a refusal
    (
        "no sea caradura",
        "No sea usted caradura, todos los pedidos salieron completos.",
        "reply",
        "SP111",
        True,
    ),
    ("don't be clueless", "Do not be such a cheapskate, you.", "reply", "SP111", True),
    (
        "won't be sending",
        "No, we won't be sending this to a collection agency or taking any other action.",
        "reply",
        "SP112",
        False,
    ),
    # 'never be' after a subject or an auxiliary is a stated fact, no command
    (
        "will never be contacted",
        "You will never be contacted by a collection agency over this.",
        "reply",
        "SP112",
        False,
    ),
    (
        "will never be sent",
        "Your account will never be sent to collections.",
        "reply",
        "SP112",
        False,
    ),
    (
        "should never be called",
        "You should never be called a liar for asking.",
        "reply",
        "SP111",
        False,
    ),
    ("never be so rude", "Please never be so rude again, you clown.", "reply", "SP111", True),
    # 'less than a minute' is no unhappiness that opens the request to everyone
    (
        "less than a minute",
        "Happy with your order? Tell other shoppers with a quick review on Amazon - it takes less than a minute!",
        "review_request",
        "SP107",
        True,
    ),
    (
        "review in a minute",
        "How is the kettle? A review takes less than a minute and helps other shoppers.",
        "review_request",
        "SP107",
        False,
    ),
    # a cost Amazon's own rules or the listing set, explained, is no payment the seller asks for
    (
        "return postage per Amazon",
        "To return it, you'll need to pay the return postage unless the item is faulty, as Amazon's returns policy says.",
        "reply",
        "SP108",
        False,
    ),
    (
        "restocking fee on listing",
        "A restocking fee of 20% applies to opened items, as shown on the listing.",
        "reply",
        "SP108",
        False,
    ),
    (
        "Amazon policy, pay us",
        "Per Amazon policy you must pay us an extra £10 by bank transfer before we ship.",
        "reply",
        "SP108",
        True,
    ),
    (
        "Amazon policy, PayPal",
        "Please pay the £5 return postage to our PayPal, as Amazon's policy says.",
        "reply",
        "SP108",
        True,
    ),
    # Amazon's rules explain a return's cost, never a surcharge or price difference after the sale
    (
        "Amazon policy, price difference",
        "Under Amazon's policy, the price difference of $15 is due from you before we ship.",
        "reply",
        "SP108",
        True,
    ),
    (
        "listing, handling fee",
        "As stated on the listing, an extra handling fee of $8 applies and is charged to you.",
        "reply",
        "SP108",
        True,
    ),
    (
        "Amazon policy, surcharge",
        "There is a $12 surcharge for your area, which you pay on delivery, as Amazon's policy allows.",
        "reply",
        "SP108",
        True,
    ),
    # not on Amazon (yet), but elsewhere: the contrast, not a refusal (SP105)
    (
        "not on Amazon yet, but",
        "The filters aren't listed on Amazon yet, but you can order them directly from our website.",
        "reply",
        "SP105",
        True,
    ),
    (
        "not on our listing, but Insta",
        "Those two colours aren't on our Amazon listing, but give us a shout on Insta and we can sort you out.",
        "reply",
        "SP105",
        True,
    ),
    (
        "not on Amazon yet, will be",
        "The lids aren't on Amazon yet, but they will be next month.",
        "reply",
        "SP105",
        False,
    ),
    (
        "own site, fees unsaid",
        "A tip for next time: if you order straight from our own website it works out cheaper, as we don't have to pay Amazon's fees.",
        "reply",
        "SP105",
        True,
    ),
    (
        "report it, not us",
        "If you receive a message asking you to pay outside Amazon, please report it to Amazon - it isn't from us.",
        "reply",
        "SP105",
        False,
    ),
    # Subscribe & Save deliveries, a book's errata, the buyer's shade in the new range
    (
        "Subscribe & Save",
        "To unsubscribe from the monthly delivery, go to Your Account > Subscribe & Save.",
        "reply",
        "SP118",
        False,
    ),
    (
        "shade in the new range",
        "Your note mentions warm beige, which is shade 3W in the new range. Please confirm 3N or 3W.",
        "confirm_order_details",
        "SP113",
        False,
    ),
    # a request that says it asks again is a second one; 'once more' said of an apology is not
    (
        "noch einmal bitten",
        "Wir möchten Sie noch einmal bitten, Ihre negative Bewertung zu entfernen. Das Problem wurde ja inzwischen gelöst.",
        "negative_feedback_removal",
        "SP116",
        True,
    ),
    (
        "apologise once more",
        "We'd like to apologise once more for the mix-up. Should you feel that we resolved your concern, you may consider updating your feedback.",
        "negative_feedback_removal",
        "SP116",
        False,
    ),
    # the Italian familiar 'scrivici' before a review is gating; the product page names the review
    (
        "scrivici prima",
        "Se qualcosa non va, scrivici prima di lasciare una recensione: risolveremo tutto!",
        "review_request",
        "SP114",
        True,
    ),
    (
        "l'avis sur la page du produit",
        "Pourriez-vous modifier ou supprimer l'avis que vous avez laissé sur la page du produit ?",
        "reply",
        "SP115",
        True,
    ),
    # new products and the whole price list in other languages are marketing
    (
        "nuevos productos",
        "Mientras tanto, le adjuntamos nuestro folleto con los nuevos productos de otoño.",
        "unexpected_problem",
        "SP113",
        True,
    ),
    (
        "listino prezzi",
        "In allegato il nostro listino prezzi completo, se desidera ordinare altri articoli.",
        "reply",
        "SP113",
        True,
    ),
    # the seller's own mistake found is the problem an unexpected-problem message is for
    (
        "ci siamo accorti",
        "Ci siamo accorti che le abbiamo spedito la teiera da 0,8 litri invece di quella da 1,2. La teiera corretta le viene spedita oggi.",
        "unexpected_problem",
        "SP124",
        False,
    ),
    # opting out of something else than messages is no opt-out offered
    (
        "opt out of the warranty",
        "You can opt out of the extended warranty at any time; there is nothing to pay.",
        "reply",
        "SP118",
        False,
    ),
    (
        "opt out of these messages",
        "Don't want our offers? Opt out of these messages by replying STOP.",
        "proactive",
        "SP118",
        True,
    ),
    # insults without a swear word: "nothing but", "acting like", a slur
    ("nothing but a thief", "You are nothing but a thief.", "reply", "SP111", True),
    ("acting like a scammer", "Stop acting like a scammer.", "reply", "SP111", True),
    ("dumbass", "Listen dumbass, read the manual.", "reply", "SP111", True),
    (
        "a parcel thief",
        "It was nothing but a thief who took the parcel, we think.",
        "reply",
        "SP111",
        False,
    ),
    ("nothing but kind", "You are nothing but kind, thank you!", "reply", "SP111", False),
    # chat shorthand is read as the word it stands for ("u", "ur", "pls", "msg", "dont")
    (
        "can u cancel it on ur end",
        "so sorry!! cant finish ur blanket. can u cancel it on ur end?",
        "reply",
        "SP123",
        True,
    ),
    (
        "pls dont leave bad feedback",
        "if u loved it pls leave us a review!! if not, msg me first and i'll make it right.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "till it is paid",
        "we cant ship till the diffrence is payed, its $11 more since u picked the XL",
        "reply",
        "SP108",
        True,
    ),
    (
        "had to cancel on my end",
        "So sorry, the yarn got discontinued, so I had to cancel your order on my end.",
        "reply",
        "SP123",
        False,
    ),
    (
        "answering how to edit",
        "to answer ur question: on the product page, scroll to ur review and theres an edit option there.",
        "reply",
        "SP115",
        False,
    ),
    # the seller who can no longer cancel refuses the buyer's wish; a company number is no phone
    (
        "ne pouvons plus annuler",
        "Le colis a été remis à Chronopost ce matin, nous ne pouvons donc plus annuler la commande.",
        "reply",
        "SP123",
        False,
    ),
    (
        "numéro d'entreprise",
        "La facture mentionne votre numéro d'entreprise BE 0712.345.678 et la TVA belge.",
        "invoice",
        "SP104",
        False,
    ),
    # a percentage off for a review is an incentive; a refund given as a percentage is no offer
    (
        "10% off for 5 stars",
        "You get 10% off your next order if you leave 5 stars.",
        "reply",
        "SP106",
        True,
    ),
    ("£5 off for a review", "Leave us a review and get £5 off.", "review_request", "SP106", True),
    (
        "refunded 10% off",
        "As a goodwill gesture we refunded 10% off the price.",
        "reply",
        "SP113",
        False,
    ),
    (
        "code for 25% off",
        "If you post a review we'll send you a discount code for 25% off your next order.",
        "review_request",
        "SP113",
        True,
    ),
    # hoping the buyer likes it is no condition; an Italian print proof is the proof
    (
        "wir hoffen, gefallen",
        "Wir hoffen, Ihre Kopfhörer gefallen Ihnen. Über eine Rezension auf Amazon würden wir uns freuen.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "wenn sie Ihnen gefallen haben",
        "Wenn Ihnen die Kopfhörer gefallen haben, freuen wir uns über eine Rezension.",
        "review_request",
        "SP107",
        True,
    ),
    # German own online shop, Spanish and French orders received, a British Standard plug
    (
        "eigenen Onlineshop günstiger",
        "Ersatzteile bekommen Sie in unserem eigenen Onlineshop günstiger als bei Amazon.",
        "reply",
        "SP105",
        True,
    ),
    (
        "lo hemos recibido",
        "¡Gracias por su pedido! Lo hemos recibido correctamente y ya estamos preparando su taladro.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "BS 1363 plug",
        "It works on UK mains with the supplied BS 1363 plug.",
        "reply",
        "SP111",
        False,
    ),
    # gating told as two short questions is SP114, not also SP107
    (
        "happy? / not happy?",
        "Happy with it? A review on Amazon would mean a lot.\nNot happy? Reply here and we'll fix it.",
        "review_request",
        "SP114",
        True,
    ),
    (
        # the review asked of the happy is SP107, the unhappy sent to the seller SP114: two
        # pieces of evidence (56 tuning records label both, none one without the other)
        "happy? / not happy? SP107 too",
        "Happy with it? A review on Amazon would mean a lot.\nNot happy? Reply here and we'll fix it.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "¿contento? / ¿no te convence?",
        "¿Contento? Déjanos una reseña en Amazon.\n¿Algo no te convence? Escríbenos.",
        "review_request",
        "SP114",
        True,
    ),
    # the second of two conditions joined by 'or' is a condition too, not a refusal
    (
        "se non ... o non",
        "Se entro venerdì non ci restituisce la lampada o non ritira la richiesta, pubblicheremo il Suo nome sui nostri canali social.",
        "reply",
        "SP112",
        True,
    ),
    (
        "if not ... or not",
        "If you do not return it or do not withdraw the claim, we will post your name on our social media.",
        "reply",
        "SP112",
        True,
    ),
    # a product called 'Five Star' is no rating asked for; stars from one to five are neutral
    (
        "Five Star product",
        "Could you review the Five Star hotel-collection towel set you bought? An honest review helps.",
        "review_request",
        "SP107",
        False,
    ),
    ("Five Star review", "Please leave us a Five Star review!", "review_request", "SP107", True),
    (
        "leave us Five Stars",
        "Could you leave us Five Stars? It would mean a lot.",
        "review_request",
        "SP107",
        True,
    ),
    # a capitalised word after the stars makes no name when no determiner introduces them
    (
        "rate us Five Stars Today",
        "Please rate us Five Stars Today.",
        "review_request",
        "SP107",
        True,
    ),
    ("leave Five Stars Thanks", "Please leave Five Stars Thanks!", "review_request", "SP107", True),
    (
        "einem oder fünf Sternen",
        "Wir freuen uns über eine Bewertung, ganz gleich, ob mit einem oder fünf Sternen.",
        "review_request",
        "SP107",
        False,
    ),
    # round eight (fresh_ay, fresh_az, fresh_ba): wording of those sets' kind, not their text
    (
        "delivered, one Spanish word",
        "¡Entregado! Tu paquete llegó esta mañana, que lo disfrutes.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "handed to the carrier, formal Italian",
        "Gentile cliente, la merce è stata affidata in data odierna al vettore BRT.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "left with the carrier, Spanish",
        "Hola, tu pedido ya salió con SEUR esta tarde.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "only shipped, sent as a problem",
        "Hola! Tu pedido ya salió con Correos, código PQ4F6P0712345670108001K. ¡Que lo disfrutes!",
        "unexpected_problem",
        "SP124",
        True,
    ),
    (
        "shipped late, sent as a problem",
        "Tu pedido salió con Correos con dos días de retraso, lo sentimos.",
        "unexpected_problem",
        "SP124",
        False,
    ),
    (
        "reading mocked, Spanish",
        "Se lo he dicho dos veces; está claro que leer no es lo suyo.",
        "reply",
        "SP111",
        True,
    ),
    (
        "reading mocked, Italian",
        "Era scritto sulla scatola, ma evidentemente leggere costa fatica.",
        "reply",
        "SP111",
        True,
    ),
    (
        "can't be bothered to read",
        "The size chart is on the listing, for anyone who can't be bothered to read it.",
        "reply",
        "SP111",
        True,
    ),
    (
        "payment request the seller sends",
        "Per la consegna a Ischia c'è un supplemento di spedizione: ti mandiamo noi la richiesta di pagamento.",
        "proactive",
        "SP108",
        True,
    ),
    (
        "island surcharge the seller pays",
        "Il supplemento per le isole lo paghiamo noi: non deve versarci nulla.",
        "reply",
        "SP108",
        False,
    ),
    (
        "grab it from our site",
        "Next time grab it straight from our site, we ship same day there.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "throw in a cable for the rating",
        "If you bump your feedback up to 5 stars I'll throw in a spare cable.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a free item the buyer is accused of",
        "It's obvious you're trying to scam us out of a free lamp, and your feedback says so.",
        "reply",
        "SP106",
        False,
    ),
    (
        "review left alone, said plainly",
        "Your review of the pump is yours and we won't ask you to change it.",
        "reply",
        "SP106",
        False,
    ),
    (
        "refund not tied to the rating",
        "Nous vous remboursons le masque; votre évaluation n'a rien à voir, le remboursement ne dépend pas de ce que vous en ferez.",
        "reply",
        "SP106",
        False,
    ),
    (
        "gift box with its value for removal",
        "Nous vous offrons notre coffret découverte (valeur 29 €) dès que l'évaluation aura été retirée.",
        "proactive",
        "SP106",
        True,
    ),
    (
        "removal asked before the part arrives",
        "Der Ersatzgriff kommt nächste Woche. Wäre es möglich, die Bewertung schon jetzt herauszunehmen?",
        "proactive",
        "SP116",
        True,
    ),
    (
        "insisting with a deadline, French",
        "Le remboursement est fait. Nous nous permettons d'insister : votre évaluation négative nous pèse. Pourriez-vous la retirer aujourd'hui ou demain ?",
        "proactive",
        "SP116",
        True,
    ),
    (
        "the least you could do",
        "I've refunded you in full, so the least you could do is take that feedback down.",
        "reply",
        "SP116",
        True,
    ),
    (
        "refund the moment it's gone",
        "I'll put the refund through the moment the negative feedback's gone.",
        "reply",
        "SP116",
        True,
    ),
    (
        "removal under a lawyer's threat",
        "The feedback you posted is false. If it is not removed by Friday, our attorney will contact you.",
        "proactive",
        "SP116",
        True,
    ),
    (
        "neutral request after the exchange",
        "Votre échange est terminé et le nouveau flacon vous est bien parvenu. Si vous jugez l'incident clos, vous pouvez mettre à jour votre évaluation vendeur.",
        "reply",
        "SP116",
        False,
    ),
    (
        "German neutral request after a refund",
        "Die Erstattung wurde gebucht. Sofern Sie der Meinung sind, dass wir die Angelegenheit zu Ihrer Zufriedenheit geklärt haben, können Sie Ihre Verkäuferbewertung entfernen.",
        "reply",
        "SP116",
        False,
    ),
    (
        "thanks for the feedback only, French",
        "Chère Madame Roux, merci infiniment pour votre jolie évaluation ! N'hésitez pas à nous écrire en cas de besoin.",
        "proactive",
        "SP117",
        True,
    ),
    (
        "thanks for the feedback only, English",
        "Hi Sam, we saw the kind feedback you left and just wanted to say thank you! If you ever need anything, we're only a message away.",
        "proactive",
        "SP117",
        True,
    ),
    (
        "thanks for feedback, then a care tip",
        "Thank you for your feedback! Descale the kettle every month with citric acid and rinse it twice before use.",
        "proactive",
        "SP117",
        False,
    ),
    (
        "a new colour just added",
        "We've just added a sage version of the planter, it's live on our Amazon listing if you fancy a look.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a loyalty tin every fourth order",
        "From your next order on, every fourth order gets a free tin of wet food.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "new colours, French",
        "Le carnet existe désormais en terracotta et en bleu nuit.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "keep an eye out for the driver",
        "Your parcel is out for delivery today, keep an eye out for the driver!",
        "proactive",
        "SP113",
        False,
    ),
    (
        "we also sell now, Italian",
        "Da questa settimana vendiamo anche la lettiera vegetale, la trova su Amazon.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "stop offers by reply, Italian",
        "Se non desideri ricevere altre offerte, rispondi ANNULLA.",
        "proactive",
        "SP118",
        True,
    ),
    (
        "reply with a photo is no opt-out",
        "Please reply to this message with a photo of the label.",
        "reply",
        "SP118",
        False,
    ),
    (
        "withdrawn from your account",
        "The set was damaged in our storeroom. It would be simplest if the order could be withdrawn from your account.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "Stornierung von Ihnen",
        "Der Füller ist ausverkauft. Damit alles sauber läuft, müsste die Stornierung bitte von Ihnen ausgehen.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "annullamento dal suo account",
        "Il mozzo è esaurito: sarebbe di grande aiuto se l'annullamento partisse dal suo account.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "withdraw the purchase on your end",
        "Our courier won't take liquids to your region. Could you withdraw the purchase on your end?",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "the seller cancels on its side",
        "If the address can't be changed in Your Orders by 6pm, we'll have to cancel on our side and refund you.",
        "reply",
        "SP123",
        False,
    ),
    (
        "a subscription cancelled in the account",
        "You can skip or cancel a Subscribe & Save delivery from Your Account at any time.",
        "reply",
        "SP123",
        False,
    ),
    (
        "a video at a spoken address",
        "There's a short video of this at ridgelineoutfitters dot com slash fix.",
        "proactive",
        "SP101",
        True,
    ),
    (
        "a video at a spoken address is no email",
        "There's a short video of this at ridgelineoutfitters dot com slash fix.",
        "proactive",
        "SP103",
        False,
    ),
    (
        "an email said out loud still is",
        "Write to sales at ridgelineoutfitters dot com for the invoice.",
        "proactive",
        "SP103",
        True,
    ),
    (
        "hoping it arrived well, German",
        "Ihr Magnesium aus Bestellung 304-8812033-1029456 ist hoffentlich gut angekommen.",
        "proactive",
        "SP109",
        False,
    ),
    # round nine (fresh_bd): the buyer's words reported, threats and sneers in other words
    (
        "buyer's one-star threat reported",
        "You said you'd leave one-star feedback unless we refund the postage. Leave whatever feedback you think is fair; the answer stays the same.",
        "reply",
        "SP106",
        False,
    ),
    (
        "buyer's lawyer announced, German",
        "Sie haben angekündigt, einen Anwalt einzuschalten. Das steht Ihnen frei; an unserer Entscheidung ändert es nichts.",
        "reply",
        "SP112",
        False,
    ),
    (
        "buyer's lawyer threatened, Italian",
        "Lei minaccia di rivolgersi a un avvocato: è un suo diritto.",
        "reply",
        "SP112",
        False,
    ),
    (
        "buyer's complaint to the authorities, Spanish",
        "Nos dice que nos denunciará a Consumo. Está en su derecho.",
        "reply",
        "SP112",
        False,
    ),
    (
        "seller's own lawyer threat still is",
        "If the camera is not returned by Monday, our lawyer will contact you.",
        "reply",
        "SP112",
        True,
    ),
    (
        "debt recovery",
        "If the drill isn't back with us by the 14th, your file goes to our recovery agent.",
        "reply",
        "SP112",
        True,
    ),
    (
        "name handed to the police",
        "We've got your name and address, and both go to the police tomorrow with the serial numbers.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's details to the Guardia Civil",
        "Si vuelve a reclamar, trasladaremos sus datos a la Guardia Civil.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a complaint we won't hesitate to file, French",
        "Nous n'hésiterons pas à porter plainte si l'appareil ne nous est pas renvoyé.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the history posted under the buyer's name",
        "Wenn Sie so weiterschreiben, stellen wir den ganzen Verlauf mit Ihrem vollen Namen auf unsere Facebook-Seite.",
        "reply",
        "SP112",
        True,
    ),
    (
        "most customers manage",
        "Most customers manage to tell a seam from a crack; I'm sure you'll get there.",
        "reply",
        "SP111",
        True,
    ),
    (
        "how stupid do you think we are, German",
        "Zwei Ziegelsteine statt der Konsole? Für wie dumm halten Sie uns eigentlich?",
        "reply",
        "SP111",
        True,
    ),
    (
        "nobody fools us, French",
        "Troisième colis « jamais reçu » à cette adresse. On ne nous la fait pas.",
        "reply",
        "SP111",
        True,
    ),
    (
        "ask a relative to help, Spanish",
        "Quizá alguien de su familia pueda ayudarle a enchufarlo.",
        "reply",
        "SP111",
        True,
    ),
    (
        "living off claims, Spanish",
        "Hemos visto su nombre en otras tres reclamaciones: usted vive de esto.",
        "reply",
        "SP111",
        True,
    ),
    (
        "have the manual read to you, French",
        "Relisez la notice, ou demandez à quelqu'un de vous la lire.",
        "reply",
        "SP111",
        True,
    ),
    (
        "let's not pretend",
        "The parcel weighed the same at both ends, so let's not pretend it arrived empty.",
        "reply",
        "SP111",
        True,
    ),
    (
        "simpler words",
        "I'm honestly not sure how to put this in simpler words for you.",
        "reply",
        "SP111",
        True,
    ),
    (
        "masked to its first letters, French",
        "Trente messages en deux jours, ça commence à nous faire ch***.",
        "reply",
        "SP111",
        True,
    ),
    (
        "masked to its first letters, Spanish",
        "Estamos hasta los c*****s de sus mensajes.",
        "reply",
        "SP111",
        True,
    ),
    (
        "masked to its first letters, Italian",
        "Queste minacce ci hanno rotto le p***e.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a masked order reference is no swear word",
        "Your order ref is ORD-***1234 and the code is sh*p-5.",
        "reply",
        "SP111",
        False,
    ),
    (
        "firm refusal with facts",
        "The jacket came back with its tags cut off, so we cannot resell it as new; the partial refund stands.",
        "reply",
        "SP111",
        False,
    ),
    (
        "'sauf avis contraire' is no review",
        "Nous vous renvoyons le matelas gratuitement sous 5 jours, sauf avis contraire de votre part.",
        "reply",
        "SP106",
        False,
    ),
    (
        "refund the moment the comment comes down",
        "We can sort out the $12.40, no problem. It'll go through the moment that one star comment about us comes down.",
        "reply",
        "SP116",
        True,
    ),
    # round nine (fresh_bb, fresh_bc): money asked for and waived, promotion slipped into replies
    (
        "ferry surcharge to our account",
        "Für die Inselzustellung müssten wir Sie bitten, 40 € vorab auf unser Geschäftskonto zu überweisen.",
        "reply",
        "SP108",
        True,
    ),
    (
        "pay the Corsica surcharge to us",
        "Merci de bien vouloir nous régler cette somme avant l'expédition.",
        "reply",
        "SP108",
        True,
    ),
    (
        "deposit to pay afterwards",
        "Wir bitten Sie, das Palettenpfand innerhalb von 14 Tagen nachzuzahlen.",
        "proactive",
        "SP108",
        True,
    ),
    (
        "settle the deposit, Italian",
        "La preghiamo di saldarla entro dieci giorni.",
        "reply",
        "SP108",
        True,
    ),
    (
        "we'll charge a fee",
        "For the new invoice address we will charge you a handling fee of £6.",
        "reply",
        "SP108",
        True,
    ),
    (
        "nothing to pay us, German",
        "Bitte überweisen Sie uns nichts; Amazon hat alles eingezogen.",
        "reply",
        "SP108",
        False,
    ),
    (
        "nothing to pay us, French",
        "Les frais ont été retenus sur l'étiquette ; vous n'avez rien à nous verser.",
        "reply",
        "SP108",
        False,
    ),
    (
        "the price difference already refunded, Spanish",
        "Te hemos devuelto los 15 € de diferencia a tu método de pago original.",
        "reply",
        "SP108",
        False,
    ),
    (
        "Amazon reimburses the seller",
        "If the carrier lost it, Amazon will reimburse us, so there is nothing for you to do.",
        "reply",
        "SP108",
        False,
    ),
    (
        "an invoice paid through Amazon's partner",
        "Die Rechnung kommt vom Zahlungspartner von Amazon, und Sie begleichen sie dort. An uns zahlen Sie nichts.",
        "reply",
        "SP108",
        False,
    ),
    (
        "postage back for five stars",
        "Wer uns mit fünf Sternen bewertet, bekommt die Versandkosten nachträglich zurück.",
        "proactive",
        "SP106",
        True,
    ),
    (
        "warranty extended for reviewers, Italian",
        "Ci farebbe piacere sapere cosa ne pensa con una recensione. A chi la lascia estendiamo la garanzia a cinque anni.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a debt waived for a review, French",
        "Si vous préférez laisser un avis sur le shampoing, nous passerons l'éponge sur cette somme.",
        "reply",
        "SP106",
        True,
    ),
    (
        "refund said to have nothing to do with the rating",
        "Die Erstattung hat mit Ihrer Bewertung nichts zu tun; Sie bekommen sie in jedem Fall.",
        "reply",
        "SP106",
        False,
    ),
    (
        "refund not depending on the review, Spanish",
        "Te devolvemos el envío, y eso no depende en absoluto de que escribas o borres una opinión.",
        "reply",
        "SP106",
        False,
    ),
    (
        "credit once the feedback disappears",
        "Die Gutschrift veranlassen wir, sobald die negative Verkäuferbewertung aus Ihrem Konto verschwunden ist.",
        "reply",
        "SP116",
        True,
    ),
    (
        "the seller offers to cancel and refund, French",
        "Nous pouvons vous envoyer deux pots de 15 g, ou bien annuler la commande et vous rembourser.",
        "unexpected_problem",
        "SP123",
        False,
    ),
    (
        "the seller offers to cancel itself, Italian",
        "Possiamo spedirlo nero oggi, oppure annullare l'ordine noi stessi con rimborso completo.",
        "unexpected_problem",
        "SP123",
        False,
    ),
    (
        "a power bank is no bank",
        "If the power bank still won't charge, we'll send you a new one.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a new tea since Monday, French",
        "Et puisque vous aimez les thés japonais, notre tout nouveau Genmaicha est disponible depuis lundi.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a bundle cheaper, German",
        "Kleiner Tipp: Wer das Hardcase dazunimmt, bekommt beides im Paket günstiger.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a launch next month, French",
        "Nous lançons le mois prochain une ombrelle assortie que nous vous recommandons les yeux fermés.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a discount to seize, Spanish",
        "Este fin de semana tenemos las cubiertas a 19,99 €, por si quieres aprovechar.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a new model reduced, German",
        "Übrigens: Der neue A-40 ist gerade reduziert.",
        "reply",
        "SP113",
        True,
    ),
    (
        "limited colours out now",
        "P.S. Our limited autumn ink colours are out now.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a parcel that just arrived is no launch",
        "Votre colis vient d'arriver au point relais.",
        "proactive",
        "SP113",
        False,
    ),
    (
        "the listing's terms are no promotion",
        "Die Lieferung erfolgt bis zur Bordsteinkante, so wie es im Angebot steht.",
        "reply",
        "SP113",
        False,
    ),
    (
        "a YouTube channel to subscribe to",
        "La vidéo est sur notre chaîne YouTube : n'hésitez pas à vous abonner.",
        "reply",
        "SP105",
        True,
    ),
    (
        "an email left for the newsletter, Italian",
        "Per restare aggiornato, lasciaci la tua mail nella newsletter dal nostro sito.",
        "reply",
        "SP105",
        True,
    ),
    (
        "our own web shop with a saving",
        "Bei uns im eigenen Webshop haben wir die 30,9er direkt, und Sie sparen zehn Prozent.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a pen that looks gorgeous",
        "The blue ink looks gorgeous in that pen.",
        "reply",
        "SP111",
        False,
    ),
    # round ten (fresh_be, fresh_bf): seller-tool templates and an ordinary inbox
    (
        "a template branch on a satisfaction score",
        "{% if csat_score >= 4 %}Glad you're happy! Would you review it on Amazon?{% else %}Sorry, reply and we'll help.{% endif %}",
        "review_request",
        "SP114",
        True,
    ),
    (
        "a Handlebars branch on the rating",
        "{{#if (gt rating 3)}}Please leave us a review on Amazon!{{/if}}",
        "review_request",
        "SP114",
        True,
    ),
    (
        "a template branch on the order total is no gating",
        "{% if order.total > 50 %}Your order ships free.{% endif %} Would you leave a review on Amazon?",
        "review_request",
        "SP114",
        False,
    ),
    (
        "a branch on the score without a review ask",
        "{% if csat >= 4 %}Thanks for your order!{% endif %}",
        "proactive",
        "SP114",
        False,
    ),
    (
        "the order is in our system",
        "Good news: {{order_id}} is in our system and our team will pack it today.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "a review asked in a problem message, Spanish",
        "Para una tienda pequeña como la nuestra, cada reseña cuenta: ¿le importaría dejarnos su opinión en Amazon?",
        "unexpected_problem",
        "SP124",
        True,
    ),
    (
        "a replacement arriving at ours is no sale, French",
        "Un nouvel exemplaire arrive chez nous lundi et partira le jour même.",
        "unexpected_problem",
        "SP105",
        False,
    ),
    (
        "not on Amazon but in our shop, Italian",
        "Il sacco da 15 kg su Amazon non lo abbiamo, ma nel nostro negozio online c'è.",
        "reply",
        "SP105",
        True,
    ),
    (
        "cancel and reorder to a new address is the buyer's change",
        "Amazon non ci permette di cambiare l'indirizzo: se preferisce può annullare l'ordine da «I miei ordini» e rifarlo con l'indirizzo dell'ufficio.",
        "reply",
        "SP123",
        False,
    ),
    (
        "cancel and reorder when out of stock is a request",
        "Il prodotto è esaurito: può annullare l'ordine da I miei ordini e rifarlo quando torna disponibile.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    # round eleven (fresh_bg, fresh_bh, fresh_bi): addresses in passing, gifts, difficult buyers
    (
        "a domain between signature dots",
        "Cicli Rossi · ciclirossi.it · dal 1978",
        "reply",
        "SP101",
        True,
    ),
    (
        "a parcel number after its carrier's word is no phone",
        "Il pacco è fermo in filiale, segnacollo 0841 2334 4556 7.",
        "unexpected_problem",
        "SP104",
        False,
    ),
    (
        "digits said one by one in Italian",
        "Se preferisce parlarne a voce mi chiami pure: tre-tre-nove, uno-due-tre, quattro-cinque-sei-sette.",
        "reply",
        "SP104",
        True,
    ),
    (
        "digits said one by one in Spanish",
        "Llámeme: seis cero nueve, cuatro cinco uno, dos tres ocho.",
        "reply",
        "SP104",
        True,
    ),
    (
        "Italian number words in prose are no phone",
        "Sei mesi fa, due o tre volte, sette otto giorni di attesa.",
        "reply",
        "SP104",
        False,
    ),
    (
        "a voucher for a review, French",
        "Si vous laissez un avis sur Amazon, on vous offre un bon de 10 € sur notre prochain envoi.",
        "proactive",
        "SP106",
        True,
    ),
    (
        "a gift the buyer bought is no incentive, Italian",
        "La macinacaffè era un regalo per tuo fratello: una recensione onesta aiuterebbe chi cerca un regalo.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "a gift others shop for, German",
        "Eine kurze Bewertung hilft anderen, die ein ähnliches Geschenk suchen.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "not allowed to give anything for a review, French",
        "Nous n'avons pas le droit de vous accorder quoi que ce soit en échange d'un avis, ni remise ni cadeau.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a problem that disappears is no review change",
        "Se qualcosa non va, ci scriva: di solito basta regolare la macina e il problema sparisce.",
        "review_request",
        "SP115",
        False,
    ),
    (
        "reading a page as a big ask",
        "We do realize reading a product page is a big ask for some people.",
        "reply",
        "SP111",
        True,
    ),
    (
        "not the brightest, French",
        "Les clients qui nous écrivent sur ce ton ne sont généralement pas les plus dégourdis.",
        "reply",
        "SP111",
        True,
    ),
    (
        "if you deigned to open it, Italian",
        "Il certificato è nella scatola, se si degnasse di aprirla.",
        "reply",
        "SP111",
        True,
    ),
    (
        "no idea at all, German",
        "Wer bei Sturmwarnung auf einem Grat zeltet, hat von Outdoor schlicht keine Ahnung.",
        "reply",
        "SP111",
        True,
    ),
    (
        "we both know",
        "You can keep insisting it never arrived, but we both know that isn't true.",
        "reply",
        "SP111",
        True,
    ),
    (
        "take it down for a small team",
        "In the meantime, would you mind taking down the negative feedback? It's pulling our rating under 95%.",
        "reply",
        "SP116",
        True,
    ),
    (
        "the decent thing",
        "That 1-star feedback is costing a family business real money. Please do the decent thing and take it down.",
        "reply",
        "SP116",
        True,
    ),
    (
        "a surprise for reconsidering the review, Spanish",
        "Nos encantaría que te replantearas tu opinión en la página del producto. A los clientes que lo hacen les guardamos un detalle sorpresa.",
        "reply",
        "SP106",
        True,
    ),
    (
        "the parcel leaves once the feedback is gone, Italian",
        "Le chiediamo di rimuovere il feedback negativo: appena vediamo che non c'è più, il pacco parte.",
        "reply",
        "SP116",
        True,
    ),
    (
        "order from our site directly, French",
        "La prochaine fois, commandez directement sur notre site : vous aurez un vrai service client.",
        "reply",
        "SP105",
        True,
    ),
    (
        "an order from us is an Amazon order",
        "If anything's ever off with an order from us, drop us a line here.",
        "reply",
        "SP105",
        False,
    ),
    (
        "keep the bigger one without paying, Spanish",
        "Si prefieres quedarte con el de 50 litros, es tuyo sin pagar la diferencia.",
        "reply",
        "SP108",
        False,
    ),
    (
        "a review welcome if everything is perfect, French",
        "Avant un avis négatif, écrivez-nous. Et si tout est parfait, votre retour sur Amazon sera le bienvenu !",
        "review_request",
        "SP107",
        True,
    ),
    (
        "five little stars if the gift was a hit, Italian",
        "Se il regalo è stato un successo, ci farebbe piacere vedere le sue cinque stelline su Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a parcel in perfect shape, then an honest review",
        "Glad it arrived in perfect shape! If you have a moment, we would appreciate an honest review on Amazon.",
        "review_request",
        "SP107",
        False,
    ),
    # round twelve (fresh_bk): the SP-API kinds as six sellers use them
    (
        "pay the fitter in cash",
        "He can also fit wall brackets, which is £25 extra: you can simply pay him in cash when he's done.",
        "confirm_service",
        "SP108",
        True,
    ),
    (
        "the technician bills on site, German",
        "Es fällt eine Anfahrtspauschale von 35 € an, die Ihnen der Techniker vor Ort in Rechnung stellt.",
        "confirm_service",
        "SP108",
        True,
    ),
    (
        "a debt collector, Spanish",
        "Si no nos abona los gastos en siete días, pasaremos el caso a una agencia de recobro.",
        "unexpected_problem",
        "SP112",
        True,
    ),
    (
        "reported to the Carabinieri, Italian",
        "Abbiamo già deciso di denunciarla ai carabinieri.",
        "unexpected_problem",
        "SP112",
        True,
    ),
    (
        "stop messages by reply, Italian",
        "Se non desidera ricevere altri messaggi da noi, risponda CANCELLA a questa email.",
        "confirm_delivery",
        "SP118",
        True,
    ),
    (
        "reserved prices on our site, Italian",
        "Sul nostro sito trova le stesse borse con prezzi riservati ai clienti registrati.",
        "invoice",
        "SP105",
        True,
    ),
    (
        "a three-pack at a saving, German",
        "Übrigens gibt es die Entkalker-Tabs jetzt im Dreierpack zum Sparpreis.",
        "invoice",
        "SP113",
        True,
    ),
    (
        "an email said with brackets and 'point io', French",
        "En cas de souci, écrivez-nous à support (arobase) pixelforge point io.",
        "digital_access_key",
        "SP103",
        True,
    ),
    (
        "'le point' in French prose is no dot",
        "Voici le point sur le problème: le point io du câble est desserré.",
        "reply",
        "SP103",
        False,
    ),
    (
        "thanks only, sent as an invoice, French",
        "Merci infiniment pour votre commande, ça nous touche à chaque fois ! Toute l'équipe vous souhaite une très belle journée.",
        "invoice",
        "SP117",
        True,
    ),
    (
        "a rating seen, then a gift for removing it, is no thanks",
        "Hi, we've seen the 2-star rating you left us. Remove it and we'll send you a $20 gift card as a thank-you.",
        "negative_feedback_removal",
        "SP117",
        False,
    ),
    (
        "a product review change in a problem message is no SP124",
        "Suite au souci de fermoir, un pendentif neuf vous a été expédié hier. Maintenant que c'est réglé, pourriez-vous modifier l'avis laissé sur la fiche du produit ?",
        "unexpected_problem",
        "SP124",
        False,
    ),
    (
        "a product review change in a problem message is SP115",
        "Suite au souci de fermoir, un pendentif neuf vous a été expédié hier. Maintenant que c'est réglé, pourriez-vous modifier l'avis laissé sur la fiche du produit ?",
        "unexpected_problem",
        "SP115",
        True,
    ),
    # fresh_bl/bm/bn (2026-12-05, round 13): sneers that need no swear word, in five languages
    (
        "drop the act",
        "Let's drop the act: you have the speaker and you want a second one for free.",
        "reply",
        "SP111",
        True,
    ),
    (
        "too hard for you, German",
        "Wenn selbst das zu hoch für Sie ist, holen Sie sich jemanden, der das Regal aufbaut.",
        "reply",
        "SP111",
        True,
    ),
    (
        "not for everyone, French",
        "Je sais bien que ce n'est pas à la portée de tout le monde, mais la notice tient sur deux pages.",
        "reply",
        "SP111",
        True,
    ),
    (
        "can't open a parcel, Spanish",
        "Si no sabe abrir un paquete sin rajar la funda, el problema no es nuestro.",
        "reply",
        "SP111",
        True,
    ),
    (
        "can't read a message, Italian",
        "Se non è in grado di leggere un messaggio, si faccia aiutare da qualcuno.",
        "reply",
        "SP111",
        True,
    ),
    (
        "don't take us for idiots, French",
        "Ne nous prenez pas pour des idiots, nous savons très bien à quoi vous jouez.",
        "reply",
        "SP111",
        True,
    ),
    (
        "telling fibs, Italian",
        "Il corriere ha la sua firma, quindi ci dica lei chi sta raccontando frottole.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a scam, plain and simple, Italian",
        "Comincia a sembrare una truffa bella e buona, e noi non ci caschiamo.",
        "reply",
        "SP111",
        True,
    ),
    # the request made while the fix is still coming is before resolution (SP116)
    (
        "feedback deleted in the meantime, German",
        "Könnten Sie die negative Verkäuferbewertung in der Zwischenzeit schon mal löschen? Gelöst wird das Problem ja sowieso.",
        "reply",
        "SP116",
        True,
    ),
    (
        "feedback withdrawn at last, German",
        "Das Rückporto haben wir Ihnen längst erstattet - es wäre nett, wenn Sie die negative Bewertung jetzt endlich zurückziehen.",
        "proactive",
        "SP116",
        True,
    ),
    # the refund already made is no offer: one neutral request after it is allowed
    (
        "refund made, then 'dans ce cas' you may change it",
        "Le remboursement de la poêle a été effectué le 3 avril et nous espérons que cette solution vous convient. Dans ce cas, vous pouvez, si vous le souhaitez, modifier l'évaluation vendeur. Nous respecterons votre choix.",
        "negative_feedback_removal",
        "SP116",
        False,
    ),
    (
        "refund made, then 'dans ce cas' is no SP106",
        "Le remboursement de la poêle a été effectué le 3 avril et nous espérons que cette solution vous convient. Dans ce cas, vous pouvez, si vous le souhaitez, modifier l'évaluation vendeur. Nous respecterons votre choix.",
        "negative_feedback_removal",
        "SP106",
        False,
    ),
    (
        "refund made, then a new one offered for removal",
        "Votre remboursement de 24,90 € a bien été effectué. Et si vous acceptez de retirer votre évaluation négative, nous vous rembourserons aussi les frais de port.",
        "reply",
        "SP116",
        True,
    ),
    # product reviews asked to be touched up (SP115)
    (
        "review tidied, Italian",
        "Visto che il problema è risolto, ti andrebbe di dare una sistemata alla recensione sul prodotto?",
        "reply",
        "SP115",
        True,
    ),
    (
        "review on the product page revised, French, is no SP116",
        "Maintenant que tout est rentré dans l'ordre, ce serait vraiment sympa de revoir l'avis que vous aviez laissé sur la fiche produit.",
        "reply",
        "SP116",
        False,
    ),
    # a cancellation put on the buyer (SP123), gating told as 'come to me first' (SP114)
    (
        "you cancel it yourself, Spanish",
        "Con la huelga no podemos garantizar el envío. Lo más sensato es que anules tú la compra y la vuelvas a pedir en mayo.",
        "reply",
        "SP123",
        True,
    ),
    (
        "come to me first before it goes public",
        "Before anything goes public about the grill cover, please come to me first. We can sort things out faster than a review can.",
        "reply",
        "SP114",
        True,
    ),
    # incentives for the next parcel, and offers to anyone who reviews (SP106)
    (
        "socks in the next order once reviewed",
        "Sobald Ihre Bewertung sichtbar ist, liegt Ihrer nächsten Bestellung ein Paar Wollsocken bei.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "the socks in the next order are no promotion",
        "Sobald Ihre Bewertung sichtbar ist, liegt Ihrer nächsten Bestellung ein Paar Wollsocken bei.",
        "review_request",
        "SP113",
        False,
    ),
    # promotion: a launch price, a bundle cheaper than its parts, a Facebook page to buy from
    (
        "launch week price",
        "While I have you, our carbon-steel wok goes live on March 3, and anyone who grabs it in launch week pays $39 instead of $54.",
        "reply",
        "SP113",
        True,
    ),
    (
        "parts on our Facebook page, Italian",
        "Tutti i ricambi li trova sulla nostra pagina Facebook «Moka Ricambi»: ci scriva lì, che ordinare è più veloce.",
        "reply",
        "SP105",
        True,
    ),
    (
        "search the outlet on Google, Spanish",
        "Un consejo de amigo: busca «Senda Norte outlet» en Google. Ahí liquidamos los colores de la temporada pasada.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "the app on Google Play is no shop",
        "La actualización se hace desde la app, disponible en Google Play y en la App Store.",
        "reply",
        "SP105",
        False,
    ),
    (
        "a post about you on our Facebook page is SP112, not SP105",
        "We'll be writing a public post about you on our Facebook page, with photos of what you sent back.",
        "reply",
        "SP105",
        False,
    ),
    # money by a payment app to a phone number; the buyer asked to reimburse the seller
    (
        "Bizum to a mobile number",
        "Si te cuadra, hazme un Bizum al 612 345 678 y te la mando mañana.",
        "reply",
        "SP104",
        True,
    ),
    (
        "reimburse us first, German",
        "Für die Zustellung auf die Insel berechnet DHL uns einen Zuschlag von 4,90 €, den wir Sie bitten müssten, uns vorher noch zu erstatten.",
        "reply",
        "SP108",
        True,
    ),
    # a threat to hand the matter to the seller's lawyer
    (
        "to our lawyer for recovery, Italian",
        "Se il secondo pezzo non ci arriva entro il 30 aprile, passeremo la pratica al nostro legale per il recupero.",
        "proactive",
        "SP112",
        True,
    ),
    # template logic is not the text's: '{% if is_gift %}' is no condition on the buyer's joy
    (
        "a gift branch in a template is no SP107",
        "{% if is_gift %}Speriamo che la moka sia piaciuta a chi l'ha ricevuta.{% else %}Speriamo che ti dia buoni caffè.{% endif %} Ti andrebbe di scrivere una recensione onesta? Ogni parere, anche critico, ci è utile.",
        "review_request",
        "SP107",
        False,
    ),
    # an opt-out offered by 'reply STOP' with a word between; one acknowledged is none
    (
        "répondez simplement STOP",
        "Vous ne souhaitez plus recevoir nos messages ? Répondez simplement STOP.",
        "review_request",
        "SP118",
        True,
    ),
    # the review asked only of a buyer won over (SP107)
    (
        "if it has earned its spot",
        "If it has earned a permanent spot on your stovetop, we'd be grateful if you left a review on Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "si elle vous a charmée",
        "Si la bougie vous a charmée, un avis sur Amazon nous ferait très plaisir.",
        "review_request",
        "SP107",
        True,
    ),
    # fresh_bo/bp/bq (2026-12-05, round 14): contact details in shapes nobody listed
    (
        "French number said in pairs",
        "Appelez l'atelier : zéro six, quarante-deux, dix-huit, soixante-dix, trente-trois. On est là du mardi au samedi.",
        "reply",
        "SP104",
        True,
    ),
    (
        "letters for digits in dotted pairs",
        "Notre ligne atelier : O6.l2.34.56.78 (désolée, le clavier fait des siennes).",
        "reply",
        "SP104",
        True,
    ),
    (
        "a vanity toll-free number",
        "If you'd like to go through it live, our tech line is 1-877-GO-LUMEN, ask for Carla.",
        "reply",
        "SP104",
        True,
    ),
    (
        "a fax number with a slash and a dashed extension",
        "Faxen Sie uns bitte den Praxisstempel: Fax 0 89 / 2 31 77 - 40.",
        "reply",
        "SP104",
        True,
    ),
    (
        "a 'reference' said after to be the warehouse mobile",
        "Llámenos indicando la referencia 6 1 2 - 4 4 8 - 3 0 9, que es el móvil de nuestro almacén.",
        "unexpected_problem",
        "SP104",
        True,
    ),
    (
        "an '@' written as an HTML reference in plain text",
        "Un saludo,\nMarta\nHogar Olmo · ventas&#64;hogarolmo.es",
        "reply",
        "SP103",
        True,
    ),
    (
        "a signature's middle dot before an email is no dot of it",
        "Un saludo,\nMarta\nHogar Olmo · ventas&#64;hogarolmo.es",
        "reply",
        "SP101",
        False,
    ),
    (
        "'otro punto de recogida' is no .de address",
        "Si prefieres otro punto de recogida, dímelo y se lo pido a Correos Express.",
        "reply",
        "SP101",
        False,
    ),
    (
        "a numbered list with dashes is no phone",
        "Steps 1 - 2 - 3 - 4 - 5 - 6 - 7 are in the manual; call us if you get stuck.",
        "reply",
        "SP104",
        False,
    ),
    # money: a surcharge paid through an extra listing; a repair the manufacturer charges for
    (
        "buy our surcharge listing",
        "Bei Zustellungen nach Sylt berechnet uns der Paketdienst einen Inselzuschlag von 11,90 €. Bitte bestellen Sie zusätzlich unseren Artikel 'Versandzuschlag Inseln' über Amazon.",
        "reply",
        "SP108",
        True,
    ),
    (
        "the manufacturer's repair, paid to them, is no demand",
        "Su servicio técnico ofrece repararla por 30 € más portes; el presupuesto y el pago se gestionan directamente con ellos.",
        "reply",
        "SP108",
        False,
    ),
    # a gift for whoever reviews, thanked for in French (SP106)
    (
        "a bulb for the review, 'pour vous remercier'",
        "Un avis honnête sur Amazon nous aiderait beaucoup. Pour vous remercier de ce petit geste, nous glisserons une ampoule offerte dans votre prochain colis.",
        "review_request",
        "SP106",
        True,
    ),
    # a cancellation the seller offers to do itself is no request (SP123)
    (
        "cancel it yourself, or we do it for you",
        "Kein Problem: Solange die Bestellung noch nicht versandt ist, können Sie über „Meine Bestellungen“ → „Artikel stornieren“ selbst stornieren. Alternativ erledigen wir das gern für Sie.",
        "reply",
        "SP123",
        False,
    ),
    # the neutral request whose only condition is the buyer's judgement (SP116)
    (
        "'sollten Sie finden' is the buyer's judgement",
        "Die Umtauschjacke wurde am 18. Oktober zugestellt. Sollten Sie finden, dass wir die Sache gut geregelt haben, dürfen Sie Ihre Verkäuferbewertung anpassen – ganz ohne Verpflichtung.",
        "proactive",
        "SP116",
        False,
    ),
    (
        "take the rating back at once, German",
        "Ihre Bewertung, das Paket sei nie angekommen, ist falsch. Nehmen Sie diese Bewertung umgehend zurück.",
        "reply",
        "SP116",
        True,
    ),
    # a feedback update asked in an unexpected-problem message is the wrong kind (SP124)
    (
        "a feedback revision sent as an unexpected problem",
        "Now that the correct charger has reached you and is working, we wanted to follow up on the feedback you posted last week. If you feel we sorted things out, you are welcome to revise it.",
        "unexpected_problem",
        "SP124",
        True,
    ),
    # a proactive thank-you that only offers help, in Spanish (SP117)
    (
        "thanks, every customer counts, here if needed",
        "¡Hola Elena! Solo queríamos darte las gracias por tu compra. Para nosotros cada cliente cuenta. Si necesitas cualquier cosa, aquí estamos.",
        "proactive",
        "SP117",
        True,
    ),
    # the parcel handed to a neighbour, as a confirm_delivery notice (SP110 is the kind's own business)
    (
        "handed to the neighbour is shipping news",
        "Laut DHL wurde Ihre Bestellung heute um 11:42 Uhr an Ihren Nachbarn (Hausnummer 14) übergeben. Wir wünschen Ihnen viel Freude!",
        "proactive",
        "SP110",
        True,
    ),
    # fresh_br/bs/bt (2026-12-05, round 15): the buyer accused or mocked without a swear word
    (
        "that's called fraud, German",
        "Sie haben das Zelt offensichtlich eine Woche benutzt und wollen jetzt Ihr Geld zurück. Das nennt man Betrug.",
        "reply",
        "SP111",
        True,
    ),
    (
        "don't take us for fools, Spanish",
        "Que falten justo los tres platos que no se rompieron es mucha casualidad. No nos tome por tontos.",
        "reply",
        "SP111",
        True,
    ),
    (
        "given your history, German",
        "Bei Ihrer Vorgeschichte, drei Rücksendungen in zwei Monaten und alle angeblich defekt, wundert uns nichts mehr.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a grown man who can't",
        "With respect, a grown man who can't slot a locking pin into a hole shouldn't be lecturing anyone.",
        "reply",
        "SP111",
        True,
    ),
    (
        "customers like you who make our day are no insult",
        "It's customers like you who make our day. Thank you for your order!",
        "proactive",
        "SP111",
        False,
    ),
    # threats of a complaint or a debt collector (SP112)
    (
        "a complaint at the gendarmerie",
        "Sachez que pour tout retour non conforme, nous déposons plainte à la gendarmerie en joignant vos photos.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a debt-recovery company, Spanish",
        "Si no anula el contracargo en su banco, trasladaremos la deuda a una empresa de recobro.",
        "reply",
        "SP112",
        True,
    ),
    # trades for the feedback's removal; the buyer's own proposal refused is none (SP106, SP116)
    (
        "all it would take is the rating gone, French",
        "Nous pouvons vous faire un geste commercial de 20 €. Il suffirait que l'évaluation négative ait disparu de notre profil vendeur.",
        "reply",
        "SP106",
        True,
    ),
    (
        "you withdraw it and I refund half, Spanish",
        "Le hago una propuesta: usted retira la valoración de una estrella y yo le devuelvo el 50 % sin que tenga que enviarnos nada.",
        "reply",
        "SP106",
        True,
    ),
    (
        "the buyer's proposal refused is no pressure",
        "Ci ha proposto di rimuovere il feedback negativo in cambio del rimborso completo. Non possiamo accettare un accordo del genere: il rimborso dipende solo dal prodotto.",
        "reply",
        "SP116",
        False,
    ),
    (
        "refunded as soon as the rating is no longer visible",
        "Wir erstatten Ihnen die Versandkosten gern. Sobald die negative Bewertung nicht mehr sichtbar ist, geht das bei uns ganz schnell.",
        "reply",
        "SP116",
        True,
    ),
    # other marketplaces, social stories, the shop's own returns portal (SP105)
    (
        "Kleinanzeigen",
        "Auf Amazon ist die Charge ausverkauft. Die letzten Reststücke geben wir über Kleinanzeigen ab; suchen Sie dort nach „Holzwerk Lindner“.",
        "reply",
        "SP105",
        True,
    ),
    (
        "our Walmart store",
        "The matching pillowcases sold out on Amazon, but they're still in stock on our Walmart store.",
        "reply",
        "SP105",
        True,
    ),
    (
        "our Instagram stories",
        "If you'd like to watch it being made, we post each day's engravings in our Instagram stories.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "bei uns im Shop",
        "Becher mit Wunschgravur machen wir nicht über Amazon, die bestellen Sie bei uns im Shop.",
        "reply",
        "SP105",
        True,
    ),
    (
        "an eBay listing disowned and reported is no promotion",
        "Quell'inserzione su eBay non è nostra: vendiamo soltanto su Amazon. Le consigliamo di non acquistare lì. Noi l'abbiamo segnalata a eBay.",
        "reply",
        "SP105",
        False,
    ),
    # gating: the unhappy sent to the seller before anything is written (SP114), and the review
    # asked only of the happy beside it (SP107)
    (
        "before anything is written on Amazon, Spanish",
        "Antes de escribir nada en Amazon, si algo no te ha convencido, háblanos primero por aquí.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "happy? stars; if not, write to us",
        "Sind Sie mit dem Rucksack zufrieden? Dann freuen wir uns sehr über Ihre Sterne bei Amazon. Und falls nicht: Schreiben Sie uns zuerst.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a new colour shown unasked, French",
        "Vous aviez choisi notre plaid Fjord Blue. Découvrez maintenant son nouveau coloris vert mousse.",
        "proactive",
        "SP113",
        True,
    ),
    # fresh_bu (2026-12-05, round 16): irony at the buyer's expense, in five languages
    (
        "what a remarkable coincidence",
        "What a remarkable coincidence that a parcel signed for in your own handwriting has gone missing the very week you ordered a second one.",
        "reply",
        "SP111",
        True,
    ),
    (
        "writing is not your strong point, Italian",
        "Evidentemente scrivere non è il suo forte. Le istruzioni gliele spiego di nuovo.",
        "reply",
        "SP111",
        True,
    ),
    (
        "guess who we believe, Italian",
        "Il portiere dice di averle consegnato il pacco a mano, lei dice di no. Indovini a chi crediamo.",
        "reply",
        "SP111",
        True,
    ),
    (
        "with little drawings this time, Spanish",
        "Mira, ya van seis mensajes explicando exactamente lo mismo. Voy a intentarlo con dibujitos, a ver si así.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the third time, and slowly, German",
        "Na gut. Zum dritten Mal, und diesmal ganz langsam: Der Adapter steckt im Deckel.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the only person who managed it, French",
        "Nous avons expédié 1 200 lampes de ce modèle et vous êtes la seule personne à avoir réussi à la monter à l'envers.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer's messages handed to the gendarmerie",
        "Nous avons transmis l'intégralité de vos messages à la gendarmerie, avec votre adresse.",
        "reply",
        "SP112",
        True,
    ),
    (
        "what a coincidence said of good news is no sneer",
        "What a nice surprise: your replacement arrived the same day as the original!",
        "reply",
        "SP111",
        False,
    ),
    # fresh_bv (round 16): a shipped notice from the seller's yard; an order received and packed
    (
        "left our yard with DPD",
        "Good news: your Como bistro set left our yard this afternoon with DPD! Your parcel number is 15503346782211.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "received and being packed, German",
        "Vielen Dank für Ihre Bestellung! Wir haben sie erhalten und packen Ihre Gartenbank bereits sorgfältig ein.",
        "proactive",
        "SP109",
        True,
    ),
    # fresh_bw (2026-12-05, round 17): a reply that only tells the steps, or leaves the change
    # to the buyer, answers the buyer even when the history does not hold the question
    (
        "the steps to edit a product review",
        "Good question. To edit a product review, open Your Account, go to your profile and choose 'Reviews'; each review you wrote has an Edit option beside it. Whatever you decide is up to you.",
        "reply",
        "SP115",
        False,
    ),
    (
        "the steps to remove seller feedback",
        "You can remove seller feedback yourself within 60 days of leaving it. Go to Your Orders, click 'Leave seller feedback' and you'll see a Remove option next to what you wrote.",
        "reply",
        "SP116",
        False,
    ),
    (
        "the change left to the buyer",
        "Whether you update the review or not is entirely your call. Just let us know if the new hinge holds up.",
        "reply",
        "SP115",
        False,
    ),
    (
        "the steps beside an ask are a request",
        "Now that it works, please update your review: go to your profile and choose Reviews, there is an Edit option.",
        "reply",
        "SP115",
        True,
    ),
    # round 18 (2026-12-05: fresh_bx templates of a cosmetics seller, fresh_by things said
    # indirectly after a problem, fresh_bz a book and record shop's inbox)
    (
        "let down, rather hear it here than on the listing",
        "If the lamp has let you down in any way, we'd far rather hear it from you here than read about it on the listing.",
        "proactive",
        "SP114",
        True,
    ),
    (
        "before telling half of Amazon, Spanish",
        "Y si algo no le ha convencido, antes de contárselo a medio Amazon, cuéntenoslo a nosotros.",
        "proactive",
        "SP114",
        True,
    ),
    (
        "a small attention for a review, French",
        "Si vous laissez votre avis sur la fiche produit, nous aurons une petite attention pour vous.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "refund waiting on the buyer's side with the feedback",
        "We have a full refund lined up for you, we're just waiting for things to be sorted on your side with the feedback.",
        "reply",
        "SP116",
        True,
    ),
    (
        "out for delivery tomorrow, Spanish",
        "Le escribimos solo para decirle que su paquete saldrá a reparto mañana.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "what you're doing has a name",
        "Lo que está haciendo tiene un nombre, y es estafa.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a book title is no insult",
        "Das Exemplar von 'Ansichten eines Clowns' hat am Umschlag zwei kleine Einrisse.",
        "reply",
        "SP111",
        False,
    ),
    (
        "the seller asks whether it should cancel",
        "Bitte sagen Sie uns kurz, ob wir die Platte trotzdem schicken sollen oder ob wir die Bestellung stornieren sollen.",
        "confirm_order_details",
        "SP123",
        False,
    ),
    (
        "an Amazon balance for the next purchase on Amazon",
        "El saldo queda guardado en tu cuenta, así que te servirá para la próxima compra que hagas en Amazon.",
        "reply",
        "SP113",
        False,
    ),
    (
        "reply 'Abmelden' to be taken off the list",
        "Ein kurzes „Abmelden“ als Antwort genügt, dann nehmen wir Sie aus unserer Liste.",
        "review_request",
        "SP118",
        True,
    ),
    (
        "the case passed to the public prosecutor",
        "Sollten Sie weiterhin versuchen, das Geld über Ihre Bank zurückzuholen, geben wir den Vorgang an die Staatsanwaltschaft weiter.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a second time, German",
        "Wir hatten Sie schon wegen einer Rezension angeschrieben und melden uns noch ein zweites Mal. Ihre Meinung würde uns sehr helfen.",
        "review_request",
        "SP122",
        True,
    ),
    (
        "made the child happy as the condition, Italian",
        "Se poi ha fatto felice il suo bambino, ci farebbe piacere leggerlo nelle recensioni.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a scam's hallmarks",
        "Forgive me, but this has all the hallmarks of a scam to get a free record.",
        "reply",
        "SP111",
        True,
    ),
    (
        "rating taken back for the postage on top",
        "Wenn Sie dann noch die negative Bewertung zurücknehmen, lege ich die Versandkosten obendrauf.",
        "reply",
        "SP106",
        True,
    ),
    # round 19 (2026-12-05: fresh_ca an electronics inbox, fresh_cb sellers who bend the rules
    # quietly, fresh_cc a seller tool's HTML templates); the sizes case is a guard that holds
    # before and after (a run needs two groups in words)
    (
        "a number said in groups, German",
        "Rufen Sie an: null-eins-fünf-zwei, dann 12 77 und zum Schluss drei-drei-null-acht.",
        "reply",
        "SP104",
        True,
    ),
    (
        "a number said in groups, Spanish",
        "Mándeme un whatsapp al seis-uno-cero, 44, veintiocho, 90 12 y se lo miro.",
        "reply",
        "SP104",
        True,
    ),
    (
        "a number said in groups, English",
        "Ring the workshop on oh-one-six-one double four, 902 117 any weekday.",
        "reply",
        "SP104",
        True,
    ),
    (
        "sizes in words and digits are no number",
        "We have sizes 38, 40, 42 and forty-four in stock.",
        "reply",
        "SP104",
        False,
    ),
    (
        "an address said with commas, French",
        "Écrivez-moi : paul point martin, arobase, free, point f r.",
        "reply",
        "SP103",
        True,
    ),
    (
        "a little extra for something glowing",
        "Reviews help a small shop like ours. People who write us something glowing tend to find a little extra in their next parcel.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "the steps with the button's label, French",
        "Pour modifier votre évaluation, allez dans « Vos commandes » et cliquez sur « Laisser une évaluation du vendeur ». Vous faites comme vous le souhaitez.",
        "reply",
        "SP116",
        False,
    ),
    (
        "before giving a mark on Amazon, Spanish",
        "Si le pasa, antes de ponerle nota en Amazon escríbanos a nosotros.",
        "proactive",
        "SP114",
        True,
    ),
    (
        "if the buyer liked it, French",
        "Si elle vous a plu, un petit mot sur sa page produit nous ferait vraiment plaisir.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a published list of bad payers",
        "Si en cinco días no lo tenemos, añadiremos su nombre a la lista de clientes morosos que tenemos publicada.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a new clause after the comma is not negated",
        "Non ci prenda per stupidi, è una truffa bella e buona.",
        "reply",
        "SP111",
        True,
    ),
    (
        "reply STOP to be left out",
        "Prefer not to hear from us? Reply with the word STOP and we'll leave you out of future emails.",
        "review_request",
        "SP118",
        True,
    ),
    (
        "reconsider is not a second request",
        "Sollten Sie finden, dass wir es gut gelöst haben, können Sie Ihre Verkäuferbewertung gern noch einmal überdenken. Das ist ganz Ihnen überlassen.",
        "negative_feedback_removal",
        "SP116",
        False,
    ),
    (
        "no need to go through Amazon, Italian",
        "Quando la guarnizione inizierà a perdere, non serve passare da Amazon: sul nostro sito la trova a metà prezzo.",
        "proactive",
        "SP105",
        True,
    ),
    # round 20 (2026-12-05: fresh_cd a pet shop's inbox, fresh_ce small brands' review requests,
    # fresh_cf replies to buyers who claim or threaten); the either-way case is a guard
    (
        "the buyer may file a police report, Spanish",
        "Si lo cree conveniente, puede además presentar denuncia en comisaría, aunque no es necesario para el reembolso.",
        "reply",
        "SP112",
        False,
    ),
    (
        "the buyer's police report received, Italian",
        "Ricevuto il verbale di denuncia, grazie: lo alleghiamo al reclamo con il corriere.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a contraction before 'punto de' is prose",
        "Las fotos muestran una grieta que sale del punto de impacto, que la garantía no cubre.",
        "reply",
        "SP101",
        False,
    ),
    (
        "news the buyer may have, Italian",
        "La decisione spetta ad Amazon. Se nel frattempo ha novità, siamo qui nei messaggi.",
        "reply",
        "SP113",
        False,
    ),
    (
        "see you in court, Spanish",
        "O retira la valoración que nos dejó, o nos vemos en los juzgados. Usted decide.",
        "reply",
        "SP112",
        True,
    ),
    (
        "screenshots on the shop's page with the buyer's name",
        "If the review is still up by Friday, the screenshots go up on our Facebook page with your name attached.",
        "reply",
        "SP112",
        True,
    ),
    (
        "and I'm the Pope, Italian",
        "Scrive «mai usato» su un frullatore con il motore bruciato. Ma certo. E io sono il Papa.",
        "reply",
        "SP111",
        True,
    ),
    (
        "until then, take the rating down, German",
        "Bis dahin bitten wir Sie, die negative Verkäuferbewertung zurückzunehmen.",
        "reply",
        "SP116",
        True,
    ),
    (
        "no need to put that in a review",
        "If your skin disagrees with it, message us and we'll work it out, there's no need to put that in a review.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "if it's working for you, a review",
        "If it's working for you, we'd love to read a review about it on Amazon!",
        "review_request",
        "SP107",
        True,
    ),
    (
        "either way is no happy condition, Italian",
        "Ci dica se le sta piacendo o se c'è qualcosa che cambierebbe: qualunque sia la risposta, una recensione ci aiuta.",
        "review_request",
        "SP107",
        False,
    ),
    # round 21 (2026-12-05: fresh_cg, three small shops' ordinary weeks)
    (
        "every review, positive or not, French",
        "Si vous avez un instant, vous pouvez laisser un commentaire sur la page du produit. Chaque avis, positif ou non, est lu par notre équipe.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "'@' said in Italian before a written domain",
        "Le foto le può mandare a assistenza chiocciola ricambiferraresi.it, grazie.",
        "reply",
        "SP103",
        True,
    ),
    (
        "shipping refunded to whoever tells on Amazon",
        "A quien nos cuenta en Amazon qué le ha parecido el producto, le devolvemos los gastos de envío. Solo tiene que escribirnos cuando la opinión esté publicada.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "the seller refuses to cancel itself, Italian",
        "Le chiedo la cortesia di annullare lei l'ordine dalla sua area «I miei ordini»: se lo facciamo noi, Amazon ci penalizza.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "follow the shop on Instagram, French",
        "Pour être la première au courant, le plus simple est de nous suivre sur Instagram.",
        "reply",
        "SP105",
        True,
    ),
    # round 22 (2026-12-05: fresh_ch a coffee-gadget shop bending the rules, fresh_ci a bedding
    # seller's templates, fresh_cj outdoor and cycling gear; 'no mockery' is a guard)
    (
        "a phone number said in groups of digits, no phone word",
        "Our bench mechanic Sam knows these hubs inside out: six one seven, four four two, nine oh one three. Mornings are best.",
        "reply",
        "SP104",
        True,
    ),
    (
        "a German number said in digits and pairs, no phone word",
        "Herr Kowalski aus unserer Werkstatt nimmt Sie gern dran: null acht neun, sieben sieben drei, einundzwanzig vierzehn.",
        "reply",
        "SP104",
        True,
    ),
    (
        "groups of digits across a spaced dash",
        "Die Nummer unserer Werkstatt ist 08 21 – 44 19 07 30, vormittags sind wir da.",
        "reply",
        "SP104",
        True,
    ),
    (
        "a part not stocked on Amazon, invoiced directly",
        "That spare hanger isn't something we stock on Amazon. Send us the frame size and we'll invoice you directly.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a part Amazon does not carry, ordered by phone, German",
        "Das Ersatzkabel ist ein Sonderteil, das es bei Amazon nicht gibt. Bestellen Sie es einfach telefonisch bei uns.",
        "reply",
        "SP105",
        True,
    ),
    (
        "ordered directly, faster than through Amazon",
        "Die Dichtungen können Sie bei uns auch direkt bestellen, das geht schneller als über Amazon.",
        "reply",
        "SP105",
        True,
    ),
    (
        "mock praise: the first customer to manage it, French",
        "Félicitations, vous êtes le premier client à réussir à casser une poignée en fonte.",
        "reply",
        "SP111",
        True,
    ),
    (
        "mock praise: the only customer to have managed it",
        "Well done, you're the only customer to have managed to bend a steel tamper.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the first customer to report a fault is no mockery",
        "You are the first customer to mention this fault, thank you for letting us know.",
        "reply",
        "SP111",
        False,
    ),
    (
        "fraud said outright beside 'ni plus ni moins'",
        "Un colis vide qui pesait 400 g au départ : c'est de l'escroquerie, ni plus ni moins.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the review section is not the place",
        "The review section isn't really the place for a warranty question; a message here gets it sorted much faster.",
        "reply",
        "SP114",
        True,
    ),
    (
        "report here first, not a bad review straight away, German",
        "Falls etwas nicht stimmt, bitte zuerst hier melden und nicht gleich eine schlechte Bewertung schreiben.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "left a warehouse named by its city this morning",
        "Good news: your garden bench left our Bristol warehouse this morning with DPD.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "a gift sent as thanks for the review, French",
        "Ravie que la couette vous plaise. Si vous prenez un moment pour partager votre avis sur Amazon, nous vous ferons parvenir en remerciement un coussin assorti.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "thanks and 'here if you need anything' only, Spanish",
        "Hola Marta: solo queríamos darle las gracias por confiar en Casa Lumbre para su pedido. Es un placer tenerla como clienta. Si alguna vez necesita algo, aquí estamos.",
        "proactive",
        "SP117",
        True,
    ),
    (
        "a review whether you liked it or not, Spanish",
        "Si tiene un momento, nos ayudaría que dejara su opinión en Amazon, tanto si le ha gustado como si no.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "an Amazon gift card's balance on the next order",
        "Den Gutschein lösen Sie in Ihrem Amazon-Konto ein; danach wird das Guthaben bei Ihrer nächsten Bestellung automatisch verrechnet.",
        "reply",
        "SP113",
        False,
    ),
    (
        "a voucher if the review named before is changed",
        "Your review of the lamp still mentions the broken shade. If you change it now that it's fixed, we'll send you a 10 % voucher.",
        "reply",
        "SP106",
        True,
    ),
    (
        "the review named before, changed under a condition",
        "Your review of the lamp still mentions the broken shade. If you change it now that it's fixed, we'll send you a 10 % voucher.",
        "reply",
        "SP115",
        True,
    ),
    (
        "a refund when the feedback comes off",
        "I'll refund the lid the minute the 1-star feedback comes off our seller page.",
        "negative_feedback_removal",
        "SP116",
        True,
    ),
    (
        "could you remove the review on the item's page, French",
        "Super ! Est-ce que vous pourriez retirer l'avis à une étoile sur la page de la lampe ?",
        "reply",
        "SP115",
        True,
    ),
    # round 23 (2026-12-05: fresh_ck money talk of a kitchenware team, fresh_cl replies to
    # negative feedback, fresh_cm a baby-products and toy shop)
    (
        "a refund held until the feedback is taken down",
        "We're happy to refund the £19.99. Before I push it through, could you take down the negative feedback you left?",
        "reply",
        "SP106",
        True,
    ),
    (
        "a little thank-you after publication, German",
        "Wir würden uns über Ihre ehrliche Bewertung auf Amazon freuen. Als kleines Dankeschön schicken wir Ihnen nach Veröffentlichung einen Wetzstahl im Wert von 19 € kostenlos.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "cancel yourself if you change your mind, German",
        "Einen Preisabgleich bieten wir nicht an. Wenn Sie es sich anders überlegen, können Sie die Bestellung bis zum Versand selbst stornieren.",
        "reply",
        "SP123",
        False,
    ),
    (
        "Amazon's protection plan explained",
        "The 3-year protection plan offered at checkout isn't something we sell; it comes from a third-party insurer through Amazon.",
        "reply",
        "SP113",
        False,
    ),
    (
        "a new product just gone live for past customers",
        "Our wooden advent calendar has just gone live on Amazon, and as a past customer you get first pick.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a surcharge booked as an extra payment, German",
        "Die neue Markise ist teurer geworden, wir müssten 4,50 € Aufpreis verlangen und buchen ihn als Zusatzzahlung nach.",
        "unexpected_problem",
        "SP108",
        True,
    ),
    (
        "shall we cancel it is the seller's own cancel, German",
        "Möchten Sie den Turm in der neuen Farbe, oder sollen wir die Bestellung stornieren?",
        "unexpected_problem",
        "SP123",
        False,
    ),
    (
        "thanks for buying and here if needed, German",
        "Herzlichen Dank, dass Sie bei uns eingekauft haben! Falls irgendetwas sein sollte, melden Sie sich einfach.",
        "proactive",
        "SP117",
        True,
    ),
    (
        "the feedback 'sur notre boutique' asked off for a refund",
        "Dès que vous aurez retiré votre avis négatif sur notre boutique, le remboursement partira.",
        "reply",
        "SP116",
        True,
    ),
    (
        "write to us before a review, Italian",
        "Un consiglio: prima di lasciare un feedback o una recensione, scriva a noi.",
        "reply",
        "SP114",
        True,
    ),
    (
        "two stars made five, German",
        "Wir würden uns riesig freuen, wenn Sie aus den zwei Sternen jetzt vielleicht fünf machen.",
        "reply",
        "SP107",
        True,
    ),
    (
        "an innocent explanation, surely",
        "The packaging in your photo is from another brand. I'm sure there's an innocent explanation.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the first line is hard reading, Italian",
        "Il cavo è solo per la ricarica, come scritto nella prima riga. Capiamo che la prima riga sia una lettura impegnativa.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a deadline for the feedback change, French",
        "Comme Amazon ne permet de modifier une évaluation que pendant 60 jours, pourriez-vous vous en occuper d'ici dimanche ?",
        "reply",
        "SP116",
        True,
    ),
    # round 24 (2026-12-05: fresh_cn money in legitimate contexts, fresh_co a furniture and
    # appliance order desk in Spanish and Italian, fresh_cp review requests in warm wording)
    (
        "a spelled-out web address with a slash is no email",
        "There's a short video showing what to do at tidecharge-help dot net slash reset, it takes a minute.",
        "reply",
        "SP101",
        True,
    ),
    (
        "a spelled-out web address with a slash is no email, SP103",
        "There's a short video showing what to do at tidecharge-help dot net slash reset, it takes a minute.",
        "reply",
        "SP103",
        False,
    ),
    (
        "a matching item not on sale on Amazon, sold directly",
        "La ceinture assortie n'est pas en vente sur Amazon, mais je peux vous la céder directement : 18 € par virement ou PayPal.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a collection just landed, pushed in a reply",
        "Wash it cold and lay it flat to dry. And our autumn knitwear just landed, the rust cardigan goes perfectly with it.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a coupon on the listing for a matching pan",
        "Since you're enjoying the pan, the matching sauté pan has a 20% coupon on our Amazon listing this week.",
        "reply",
        "SP113",
        True,
    ),
    (
        "drop me a message here rather than a review",
        "If the fit isn't right once you try it on, drop me a message here first rather than writing it up in a review.",
        "reply",
        "SP114",
        True,
    ),
    (
        "already in the delivery truck, Spanish",
        "¡Buenos días! Hoy te llega la nevera, ya está en el camión de reparto.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "already on its way, Italian",
        "Buonasera, la lavatrice sta già in viaggio, domani mattina il corriere è da voi.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "the order noted down, Spanish",
        "¡Qué ilusión tu pedido! Ya lo tenemos apuntado y el taller empieza con tu butaca esta semana.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "if it's kept you dry, a review",
        "If it's kept you dry on a few walks already, we'd be thrilled if you said so in a review.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "if he's a fan, a review",
        "If he's a fan, we'd be over the moon if you'd give us a shout on Amazon with a review.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "one bad review said to hurt a small shop",
        "We're three bakers in a garage, and one bad review can undo months of work for a shop our size.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "problems here and not in the review, German",
        "Falls eine Stange fehlt, melden Sie sich bitte bei uns und nicht in der Rezension.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "Amazon forbids rewards, explained in German",
        "Amazon untersagt Verkäufern, Rezensionen in irgendeiner Form zu belohnen, ob mit Gutscheinen oder Rabatten.",
        "reply",
        "SP106",
        False,
    ),
    (
        "should you feel it was resolved, German",
        "Sollten Sie den Eindruck haben, dass wir die Sache ordentlich geklärt haben, würden wir uns freuen, wenn Sie Ihre Verkäuferbewertung noch einmal überdenken.",
        "negative_feedback_removal",
        "SP116",
        False,
    ),
    (
        "reflect it there, German",
        "Ihre Rezension auf der Produktseite steht noch auf einem Stern. Jetzt, wo der neue Wasserkocher funktioniert, wäre es toll, wenn Sie das dort widerspiegeln könnten.",
        "reply",
        "SP115",
        True,
    ),
    # round 25 (2026-12-05: fresh_cq replies to rude buyers, fresh_cr orders that cannot ship,
    # fresh_cs a seller tool's templates; 'an ellipsis between words' is a guard)
    (
        "a swear word masked by an uncounted run of stars",
        "Ma vaff*******o, lei e le sue recensioni.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a swear word masked by an ellipsis",
        "Ehrlich, Sie A…loch, was wollen Sie noch?",
        "reply",
        "SP111",
        True,
    ),
    (
        "the French 'faire f****e'",
        "Allez vous faire f****e avec vos menaces.",
        "reply",
        "SP111",
        True,
    ),
    (
        "an ellipsis between words is no mask",
        "Well...maybe we can sort it out tomorrow.",
        "reply",
        "SP111",
        False,
    ),
    (
        "the buyer called a chancer",
        "Let's call this what it is: a chancer's attempt at a free dress for a wedding.",
        "reply",
        "SP111",
        True,
    ),
    (
        "we're not a rental service, Italian",
        "È la terza volta che ordina un abito e lo rimanda dopo il matrimonio: noi non siamo un servizio di noleggio.",
        "reply",
        "SP111",
        True,
    ),
    (
        "thanks for the lecture, German",
        "Herzlichen Dank für Ihre ausführliche Belehrung über Holzarten.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a complaint already filed with the police, French",
        "Vous avez renvoyé une boîte remplie de magazines. J'ai déposé plainte au commissariat.",
        "reply",
        "SP112",
        True,
    ),
    (
        "an outstanding balance handed on, German",
        "Da die offene Differenz von 23,50 € nicht beglichen wurde, übergeben wir den Vorgang an ein Inkassobüro.",
        "proactive",
        "SP108",
        True,
    ),
    (
        "a refund regardless of the review is no incentive, German",
        "Die Rückerstattung ist veranlasst, unabhängig von Ihrer Bewertung. Ich bitte Sie auch nicht darum, daran etwas zu ändern.",
        "reply",
        "SP106",
        False,
    ),
    (
        "the cancellation wished to come from the buyer, French",
        "La machine est en rupture. Cela nous rendrait vraiment service si l'annulation venait de vous.",
        "proactive",
        "SP123",
        True,
    ),
    (
        "the buyer asked to be the one who cancels, Spanish",
        "Si la cancelación la hacemos nosotros, Amazon nos penaliza. Por eso le pedimos que sea usted quien la tramite.",
        "proactive",
        "SP123",
        True,
    ),
    (
        "press Cancel items yourself, Italian",
        "La chitarra ha un difetto. Fai prima tu: vai su I miei ordini, clicca «Annulla articoli» e conferma.",
        "reply",
        "SP123",
        True,
    ),
    (
        "part shipped, part cancelled by the seller, German",
        "Die Gartenschere ist unterwegs, das Lederholster ist aber nicht mehr lieferbar. Diese Position haben wir storniert und Ihnen 12,95 € zurückerstattet.",
        "proactive",
        "SP110",
        False,
    ),
    (
        "an error in the price list is no marketing, Italian",
        "A causa di un errore nel nostro listino il monopattino è stato pubblicato a 34,99 €: abbiamo annullato l'ordine e rimborsato l'intero importo.",
        "unexpected_problem",
        "SP113",
        False,
    ),
    (
        "we both know where they are",
        "Funny how that only happens with the expensive headphones. I think we both know where those headphones are.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a word for people who do that, French",
        "Vous les renvoyez avec de la terre sous les semelles. Il y a un mot pour les gens qui font ça, et ce n'est pas « client ».",
        "reply",
        "SP111",
        True,
    ),
    (
        "a holiday closure is the problem of a delay notice, Italian",
        "Le segnaliamo che il nostro laboratorio resterà chiuso per ferie dal 10 al 25 agosto. Per questo la vetrina del suo ordine non partirà il 9 ma il 27 agosto.",
        "unexpected_problem",
        "SP124",
        False,
    ),
    # round 26 (2026-12-05: fresh_ct follow-ups, fresh_cu numbers and contact details, fresh_cv a
    # food and drinks seller; the tracking follow-up and the prize-draw reminder are guards)
    (
        "circling back on the note sent, then the review asked",
        "Hi Sam, just circling back on the note I sent last Tuesday about your skillet. If you've cooked with it, a quick review on the product page would still help us.",
        "review_request",
        "SP122",
        True,
    ),
    (
        "a reminder that still awaits the review, French",
        "Rebonjour Julien, petit rappel suite à mon précédent message : nous attendons toujours votre avis sur le sac à dos.",
        "proactive",
        "SP122",
        True,
    ),
    (
        "writing again about the review, Spanish",
        "Le escribo de nuevo porque todavía no hemos visto su opinión sobre la mochila.",
        "proactive",
        "SP122",
        True,
    ),
    (
        "following up on the tracking is no repeat request",
        "Hi Andre, following up on the tracking for your order: the carrier scan hasn't moved since Friday, so I've opened a trace with them.",
        "proactive",
        "SP122",
        False,
    ),
    (
        "a reminder of a prize draw is SP106's, not a repeat",
        "Quick reminder: every customer who leaves a review is entered into our monthly prize draw.",
        "proactive",
        "SP122",
        False,
    ),
    (
        "a mobile dictated with doubled digits",
        "If it still shows blocked, ring me directly on oh-seven-seven double-oh, nine double-oh, four-six-one.",
        "reply",
        "SP104",
        True,
    ),
    (
        "an address with the Spanish 'en' before a provider",
        "Escríbeme a laura.mendez en gmail punto com con la imagen original.",
        "reply",
        "SP103",
        True,
    ),
    (
        "an address with the Spanish 'en' before AOL",
        "Si no le llega, escríbame a juan.perez en aol punto com y se lo reenvío.",
        "reply",
        "SP103",
        True,
    ),
    (
        "a delivery note number is no phone number, Spanish",
        "La huelga ha retrasado la salida de MRW y el albarán 04512-00123456 no avanzará hasta el lunes.",
        "unexpected_problem",
        "SP104",
        False,
    ),
    (
        "a tasting at the cellar, French",
        "Si vous passez par Avignon samedi, venez déguster le millésime 2023 au caveau.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "collected by the courier this afternoon",
        "Good news: your hamper was collected by DPD this afternoon and should be with you tomorrow.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "the money sent across before the goods go",
        "The excise duty on your case comes to £17.46. Once you've sent that across, we'll release the case to the courier.",
        "reply",
        "SP108",
        True,
    ),
    (
        "the third time writing about the feedback, French",
        "C'est la troisième fois que je vous écris à propos de l'évaluation négative. Le remboursement a été effectué. Merci de la retirer rapidement.",
        "negative_feedback_removal",
        "SP116",
        True,
    ),
    # review of the session's change (guards)
    (
        "a review already written, news of its own, is no repeat",
        "Circling back on your review: we have shipped a replacement today.",
        "proactive",
        "SP122",
        False,
    ),
    (
        "the buyer's review mentioned is no repeat",
        "Just a reminder: your review of the lamp mentioned a loose screw; here is how to fix it.",
        "proactive",
        "SP122",
        False,
    ),
    (
        "a swear word masked by four dots, German",
        "Ehrlich gesagt sind Sie ein A....loch, und Ihre Bewertung ist gelogen.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a name masked to two letters is no swear word",
        "Dear C*****o, thanks for your order of the desk lamp.",
        "proactive",
        "SP111",
        False,
    ),
    # round 27 (fresh_cw, fresh_cx, fresh_cy, written as paraphrases of their misses)
    (
        "a handling fee popped across before the replacement ships",
        "Our courier charges us £3.10 for a tracked single item, so if you could pop that across to us we'll send the new charger today.",
        "reply",
        "SP108",
        True,
    ),
    (
        "a handling flat fee before the replacement ships, German",
        "Für den Austausch berechnen wir eine Bearbeitungspauschale von 5,90 €. Sobald der Betrag eingegangen ist, verschicken wir das Ersatzteil.",
        "reply",
        "SP108",
        True,
    ),
    (
        "longer warranty cover for a posted review",
        "Customers who post a product review get our extended 24-month cover, so just message us once yours is live and we'll update your file.",
        "proactive",
        "SP106",
        True,
    ),
    (
        "a spare dropped in the mail once the review is posted",
        "Once your thoughts are posted on the product page, send us a screenshot and we'll drop a pair in the mail.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a shipping refund if the review is updated, French",
        "Si vous mettez à jour votre avis, nous vous rembourserons les frais de port de la commande.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a review asked only if the product convinced, German",
        "Sollte es Sie überzeugt haben, würden wir uns über ein paar Worte auf der Produktseite freuen.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a matching item many customers buy with it, German",
        "Die Hülle ist unterwegs. Viele Kunden bestellen beides zusammen, die Schutzfolie finden Sie in unserem Shop.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a masked vulgar word for nonsense, Italian",
        "Il corriere mi ha raccontato la solita c***ata sul pacco in lavorazione.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer called dishonest",
        "The courier photo shows the parcel on the doorstep, and claiming otherwise is simply dishonest.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer told to stop play-acting, French",
        "Le colis a été signé samedi, donc inutile de jouer la comédie avec nous.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a review raised to five stars asked for, Italian",
        "Ora che è tutto risolto, le andrebbe di alzare la sua recensione a cinque stelle?",
        "reply",
        "SP115",
        True,
    ),
    (
        "a product review's deletion asked politely, French",
        "Auriez-vous la gentillesse de supprimer le commentaire publié sur la fiche du produit ?",
        "reply",
        "SP115",
        True,
    ),
    (
        "a removal demanded and no more said, French",
        "Retirez l'évaluation et on n'en parle plus.",
        "reply",
        "SP116",
        True,
    ),
    (
        "a rating on Amazon only after writing first, French",
        "Si jamais la bougie ne vous plaît pas, écrivez-nous d'abord, avant de mettre une note sur Amazon.",
        "reply",
        "SP114",
        True,
    ),
    (
        "a handle beside its platform, French",
        "Retrouvez les coulisses de l'atelier sur Instagram : @atelier_lumen_deco",
        "proactive",
        "SP105",
        True,
    ),
    (
        "an order summary thanked for, Italian",
        "Grazie per il suo ordine! Ecco il riepilogo di quanto ha acquistato: una lampada Tessa, 64,90 euro.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "out for delivery today, Spanish",
        "¡Tu pedido sale hoy de reparto! Lo tendrás en casa antes de las 14:00.",
        "proactive",
        "SP110",
        True,
    ),
    # round 27 guards: compliant look-alikes that were reported
    (
        "the town of Bitche is no insult",
        "Le point relais de Bitche a fermé, votre colis vous attend au bureau de tabac.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a batch taken off sale beside the buyer's review, Spanish",
        "Hemos leído su reseña y tiene razón: ya hemos retirado el lote de la venta. Le enviamos sin coste una vela nueva.",
        "reply",
        "SP115",
        False,
    ),
    (
        "a refund whatever the buyer decides about the review, French",
        "Le remboursement est parti ce matin, quoi que vous décidiez pour votre avis.",
        "reply",
        "SP106",
        False,
    ),
    (
        "the buyer's new product through a placeholder",
        "Thanks for choosing us! We hope you love your new %PRODUCT%, and we're here for any question about it.",
        "proactive",
        "SP113",
        False,
    ),
    (
        "noise cancelling is no cancellation",
        "Has the noise cancelling on your earbuds made the flight any quieter? A quick honest review on the product page would help other travellers.",
        "review_request",
        "SP115",
        False,
    ),
    (
        "the range's news in a newsletter sign-up is SP105's alone, Italian",
        "Iscriviti alla nostra newsletter per scoprire tutte le novità del laboratorio.",
        "proactive",
        "SP113",
        False,
    ),
    (
        "the range's news in a newsletter sign-up is SP105, Italian",
        "Iscriviti alla nostra newsletter per scoprire tutte le novità del laboratorio.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "the range's news on its own is marketing, German",
        "Entdecken Sie unsere Neuheiten im Shop.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a channel link with its handle is SP101's, not a handle beside its platform",
        "The pairing video is on youtube.com/@KestrelAudioHQ, look for the TWS clip.",
        "reply",
        "SP105",
        False,
    ),
    # round 28 (fresh_cz, fresh_da, fresh_db, written as paraphrases of their misses)
    (
        "what most buyers add, as a tip",
        "The filter fits the CM-10. A little tip from us: most people who buy it end up needing our descaling tablets too.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a seasonal sale in passing, French",
        "Le voyant vert est normal. Petite info au passage : nos soldes d'hiver commencent lundi.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a surcharge paid through a listing set up for the buyer",
        "The courier charges us an extra £8 for the Highlands, so I've set up a one-off delivery listing for you; once you've bought that we'll ship.",
        "reply",
        "SP108",
        True,
    ),
    (
        "left our dock on a freight truck",
        "Good news: your sofa left our dock this morning with Estes, PRO number 221873654.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "loaded for delivery tomorrow",
        "Heads up: your washing machine is loaded for delivery tomorrow between 8 and 12.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "the order received and prepared, French",
        "Merci pour votre commande ! Nous avons bien reçu la commande et notre équipe la prépare dès aujourd'hui.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "a removal asked meanwhile, before the replacement, German",
        "Der Ersatz kommt in drei Wochen. Bis dahin wären wir Ihnen sehr dankbar, wenn Sie die negative Bewertung entfernen könnten.",
        "reply",
        "SP116",
        True,
    ),
    (
        "thanks-only in chat shorthand",
        "thx sooo much for ordering from my little shop, it really means a lot. if u need anything just msg me here",
        "proactive",
        "SP117",
        True,
    ),
    (
        "the buyer said to be scamming",
        "the scale said 3 oz when i sent it, i know when someone is trying to scam me for a free case",
        "reply",
        "SP111",
        True,
    ),
    # round 28 guards
    (
        "the buyer's own option to cancel after a refused price match",
        "We can't match that price, but the order hasn't shipped, so if you'd rather buy elsewhere you can cancel it yourself from Your Orders.",
        "reply",
        "SP123",
        False,
    ),
    # round 29 (fresh_dc, fresh_dd, fresh_de, written as paraphrases of their misses)
    (
        "a consultation moved to WhatsApp with no number, Spanish",
        "Para elegir el tono, búsquenos en WhatsApp como «Piel Clara Asesoras» y le hacemos una prueba por videollamada.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a travel size once the review is published, French",
        "Si vous laissez un avis sur Amazon, nous vous ferons parvenir un flacon de 10 ml une fois qu'il est publié.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a refund held until the rating comes down",
        "Your refund is approved and goes through the moment the 1-star comment on our seller profile comes down.",
        "reply",
        "SP106",
        True,
    ),
    (
        "the buyer's details put on the seller's blog",
        "We've put the photos and this whole conversation on our blog so other shoppers can judge your claim for themselves.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's name put on the seller's networks, Spanish",
        "Si no retira la reclamación, subiremos a nuestras redes las fotos con su nombre.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a trick the seller knows well, French",
        "Nous connaissons bien ce genre de manœuvre : on s'en sert tout le week-end, puis on découvre un défaut.",
        "reply",
        "SP111",
        True,
    ),
    (
        "not born yesterday, Spanish",
        "Claro, el sillín se rompió solo. Nosotros también nacimos ayer.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a new product to pair with the order, Italian",
        "Già che ci siamo: da questa settimana trova su Amazon anche il nostro nuovo spray doposole, perfetto da abbinare.",
        "unexpected_problem",
        "SP113",
        True,
    ),
    (
        "the brand's group to hang out in",
        "Now that Rufus has his new toys, come hang out with other dog parents in the Hollybrook Pack on Facebook!",
        "proactive",
        "SP105",
        True,
    ),
    # round 29 guards: compliant look-alikes that were reported
    (
        "the buyer's own lawyer is no threat, French",
        "Si votre avocat a besoin de la facture, vous pouvez la télécharger dans Vos commandes.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a police report the buyer's insurer asks for, German",
        "Falls das Rad gestohlen wurde, verlangt Ihre Hausratversicherung in der Regel eine Anzeige bei der Polizei.",
        "reply",
        "SP112",
        False,
    ),
    (
        "the refund offer still stands, Spanish",
        "Si su abogado necesita algún documento se lo facilitamos. Nuestra oferta sigue en pie: recogemos la cinta y le devolvemos los 649 €.",
        "reply",
        "SP113",
        False,
    ),
    # review of the session's change (guards)
    (
        "an apology for a cable that simply broke is no insult, German",
        "Es tut uns leid, dass das Kabel einfach so gebrochen ist; der Ersatz ist unterwegs.",
        "reply",
        "SP111",
        False,
    ),
    (
        "an offer to resend a parcel a third time is no sarcasm, German",
        "Wir senden Ihnen das Paket gern auch ein drittes Mal zu, ohne Kosten für Sie.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a courier who got the address wrong is no insult, Italian",
        "Purtroppo il corriere è riuscito a sbagliare indirizzo; abbiamo già aperto una pratica.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a fake complaint filed in the buyer's name is no insult",
        "It looks like a fake complaint was filed in your name with the carrier; we have asked them to close it.",
        "reply",
        "SP111",
        False,
    ),
    (
        "an invitation to further claims is no insult, German",
        "Falls Sie weitere Ansprüche vielleicht noch geltend machen möchten, schreiben Sie uns gern.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a threat beside advice to take legal advice is still a threat",
        "Our solicitor will issue court proceedings against you next week; we suggest you take legal advice.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a report against the buyer after their lawyer was named, German",
        "Sie haben Ihren Anwalt erwähnt; wir werden trotzdem Anzeige gegen Sie erstatten.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the range's news beside a newsletter SP105 does not report is marketing, German",
        "Entdecken Sie unsere Neuheiten in unserem Newsletter.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a bolt's threads and pitch are no social handle",
        "The bolt threads are M8 @1.25mm pitch, so any standard nut fits.",
        "reply",
        "SP105",
        False,
    ),
    (
        "an ellipsis before a short word is no masked swear word, Italian",
        "Ca....ta la consegna? Ci scusi, il corriere ha avuto un ritardo.",
        "reply",
        "SP111",
        False,
    ),
    (
        "an address with the Spanish 'en' before googlemail",
        "Escríbame a juan.perez en googlemail punto com y se lo reenvío.",
        "reply",
        "SP103",
        True,
    ),
    # round 30 (fresh_df, fresh_dg, fresh_dh, written as paraphrases of their misses)
    (
        "a parcel waiting at the parcel locker, German",
        "Ihre Bestellung liegt seit heute früh in der Packstation 204 für Sie bereit.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "the chance asked for before a review, German",
        "Falls etwas nicht passt, geben Sie uns bitte erst die Gelegenheit, es zu klären, bevor Sie eine Rezension schreiben.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "a replacement held until the rating comes off the seller page",
        "The replacement is boxed and ready: the moment the 2-star comment comes off our seller page I'll send it out.",
        "proactive",
        "SP116",
        True,
    ),
    (
        "a refund as soon as the feedback goes, Italian",
        "Appena rimuove il feedback negativo, le rimborsiamo le spese di spedizione.",
        "proactive",
        "SP116",
        True,
    ),
    (
        "the rating weighing on the account, French",
        "Cette note pèse lourd sur notre compte, ce serait un soulagement si vous pouviez la retirer.",
        "proactive",
        "SP116",
        True,
    ),
    (
        "a parcel on its way from the workshop, French",
        "Votre colis est en route ! Les cadres ont quitté l'atelier hier avec DPD.",
        "confirm_delivery",
        "SP110",
        True,
    ),
    # round 30 guards
    (
        "the one neutral request allowed, German, 'der Ansicht'",
        "Die Halterung wurde Ihnen inzwischen zugestellt. Sollten Sie der Ansicht sein, dass wir das Problem gelöst haben, können Sie Ihre Bewertung gern aktualisieren.",
        "negative_feedback_removal",
        "SP116",
        False,
    ),
    (
        "'while you're at it' beside a review change is no marketing",
        "If you think we've resolved it, you're welcome to revisit your seller feedback, and while you're at it, the product review could mention the right length.",
        "proactive",
        "SP113",
        False,
    ),
    # round 31 guards
    (
        "a thief by conclusion",
        "You kept the speaker and got the refund. In my book that makes you a thief.",
        "reply",
        "SP111",
        True,
    ),
    (
        "bad faith, French",
        "Vous êtes d'une mauvaise foi incroyable : la facture dit bien deux tasses.",
        "reply",
        "SP111",
        True,
    ),
    (
        "told to learn to read, German",
        "Lernen Sie lesen, bevor Sie uns etwas vorwerfen.",
        "reply",
        "SP111",
        True,
    ),
    (
        "called unable, the verb first, German",
        "Anscheinend sind Sie nicht in der Lage, eine Anleitung mit vier Bildern zu lesen.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a dishonest claim implied, Spanish",
        "La caja pesaba un kilo al salir. Los dos sabemos lo que ha pasado.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the seller reports the buyer, Italian first person",
        "Se la bici non torna entro venerdì, la denuncio alla polizia.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's own complaint left to the buyer, Italian",
        "Se decide di fare denuncia per il furto, è libera di farlo: le mandiamo subito la fattura.",
        "reply",
        "SP112",
        False,
    ),
    (
        "new arrivals in the shop, Italian",
        "P.S. Sono appena arrivate nel nostro negozio le nuove tazze in gres, in quattro colori.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a new product arrived on Amazon, French",
        "Notre nouveau moulin à poivre vient d'arriver sur Amazon, en noyer ou en hêtre.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "the invoice in the buyer's account from now on is no new range, German",
        "Die Rechnung finden Sie ab sofort auch in Ihrem Amazon-Konto unter Meine Bestellungen.",
        "reply",
        "SP113",
        False,
    ),
    (
        "write to me before reviewing, Italian infinitive",
        "Se qualcosa non va, la prego di contattarmi prima di recensire il prodotto.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "an amount the buyer is asked to cover, German",
        "Wenn Sie die 4,50 € für die Gravur noch übernehmen, legen wir sofort los.",
        "reply",
        "SP108",
        True,
    ),
    (
        "a surcharge the buyer is asked to cover, German",
        "Für Inseln berechnet der Paketdienst einen Zuschlag von 12 €. Wären Sie so nett, den Zuschlag zu übernehmen?",
        "reply",
        "SP108",
        True,
    ),
    (
        "a credit promised once the review is online, German",
        "Wir würden Ihnen gern 10 € gutschreiben. Kleine Bitte: Wenn Sie eine Bewertung schreiben und uns Bescheid geben, sobald sie online ist, veranlassen wir das.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a delivery cancelled whenever the buyer likes, Spanish",
        "Con Suscríbete y ahorra puedes saltarte o cancelar una entrega cuando quieras desde tu cuenta.",
        "reply",
        "SP123",
        False,
    ),
    (
        "reviews read to decide what to change is no review change",
        "We read every review on Amazon and use them to decide what to change in the next batch.",
        "proactive",
        "SP115",
        False,
    ),
    # round 32 guards
    (
        "not allowed on Amazon, but sold on the own website",
        "We can't list the adapter on Amazon because of the hazmat rules, but we do stock it on our own website.",
        "reply",
        "SP105",
        True,
    ),
    (
        "not allowed on Amazon, then sold directly, German",
        "Auf Amazon dürfen wir den Adapter leider nicht anbieten. Schreiben Sie uns, dann verkaufen wir Ihnen den Adapter direkt.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a voucher for the next purchase in the own online shop, German",
        "Als Dankeschön erhalten Sie einen Gutschein für Ihren nächsten Einkauf in unserem Onlineshop.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "cheaper on the own site than anywhere else",
        "Spare mounts for it are all at Lumetto Parts, usually a good bit cheaper than anywhere else.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "early access to new products",
        "Club members get early access to new gear before it hits Amazon.",
        "reply",
        "SP113",
        True,
    ),
    (
        "the buyer's 5 stars called a gift to the seller, Italian",
        "Se la lampada ti piace, ci faresti un regalo enorme lasciandoci 5 stelle su Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "the buyer's 5 stars called a gift is no incentive, Italian",
        "Se la lampada ti piace, ci faresti un regalo enorme lasciandoci 5 stelle su Amazon.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "a repair out of warranty is paid where it is done, Italian",
        "Fuori garanzia la riparazione è a pagamento, presso uno dei centri autorizzati.",
        "reply",
        "SP108",
        False,
    ),
    (
        "why the buyer gets the message, no opt-out",
        "Trim the wick before lighting. You are receiving this because of your Amazon order 113-1234567-1234567.",
        "proactive",
        "SP118",
        False,
    ),
    (
        "left the workshop yesterday, in the carrier's hands, Spanish",
        "¡Buenas noticias! Su pedido salió ayer de nuestro taller y ya está en manos de SEUR.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "a big favour asked for five stars, Italian",
        "Se il collare ti è piaciuto, ci faresti un grande favore lasciando cinque stelline su Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a review asked of the buyer who got on well with it, Italian",
        "Se ti sei trovata bene con la borraccia, ci lasceresti una recensione su Amazon?",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a review asked if the item made a difference",
        "If the pillow has made a real difference to your sleep, we'd love a review on Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "thanks and help offered about the order only, German template",
        "Liebe(r) {{buyer_name}},\n\nvielen Dank, dass Sie bei Lichtwerk eingekauft haben! Wenn Sie Fragen zu Ihrer Bestellung %ORDER_ID% haben, sind wir jederzeit gern für Sie da.\n\nHerzliche Grüße\nIhr Lichtwerk-Team",
        "proactive",
        "SP117",
        True,
    ),
    (
        "thanks, what each order means and enjoy it, Spanish template",
        "Hola {{buyer_name}}:\n\nQueríamos darte las gracias por confiar en Casa Lumen para tu [Product]. Para nosotros cada pedido es muy especial. ¡Que lo disfrutes!\n\nUn abrazo,\nCasa Lumen",
        "proactive",
        "SP117",
        True,
    ),
    (
        "sarcasm: reading is optional",
        "The size chart is right there on the listing, but I guess reading is optional for some people.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a kind of scam the seller says it knows, French",
        "Un colis vide, vraiment ? Ce genre d'arnaque, nous le voyons tous les jours.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a masked 'go and sh*t', Italian",
        "Vada pure a c*gare, noi non rimborsiamo niente.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the seller's own complaint at the police station, French",
        "Nous allons déposer plainte au commissariat contre vous pour ce retour frauduleux.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's own complaint at the police station is no threat, French",
        "Si le colis a été volé, vous pouvez déposer plainte au commissariat ; nous vous aiderons avec les documents.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a product review to be taken off for the refund",
        "We'll send the refund as soon as you take the 1-star review off the product page.",
        "reply",
        "SP115",
        True,
    ),
    (
        "out for delivery today, French",
        "Bonne nouvelle : votre commande est en cours de livraison aujourd'hui avec DPD.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "a new product landing on Amazon",
        "Keep an eye on our store: our new cat tower lands on Amazon next month!",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a surcharge not charged at checkout asked now, Italian",
        "Per le isole il corriere applica un supplemento di 7 € che al momento dell'ordine non è stato calcolato.",
        "proactive",
        "SP108",
        True,
    ),
    (
        "a size to confirm before shipping is the order's details, Spanish",
        "Vemos que elegiste el arnés en talla XS, pero dices que es para un pastor alemán. ¿Nos confirmas la talla antes de enviarlo? Así evitamos una devolución.",
        "confirm_order_details",
        "SP124",
        False,
    ),
    (
        "every review welcomed in the plural is no positive ask, French",
        "Si vous avez un moment, laissez un avis sur Amazon : tous les avis, positifs ou négatifs, nous aident.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "a review asked if everything works, French",
        "Si tout fonctionne bien, n'hésitez pas à laisser un avis sur Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "five stars asked with the verb first, Italian",
        "Se ha un attimo, ci lascerebbe 5 stelline su Amazon?",
        "reply",
        "SP107",
        True,
    ),
    (
        "five stars wished for with the verb first, German",
        "Über fünf Sterne würden wir uns natürlich riesig freuen.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a product review to be raised, German",
        "Wenn Sie Ihre Rezension auf 5 Sterne anheben, wäre das toll.",
        "reply",
        "SP115",
        True,
    ),
    (
        "thanks for a lovely review only, Italian",
        "Gentile {{buyer_name}},\n\ngrazie di cuore per aver scelto noi e per la bella recensione che ci ha lasciato. Per qualsiasi cosa siamo a sua disposizione.\n\nUn caro saluto,\nIl team Lumen",
        "proactive",
        "SP117",
        True,
    ),
    (
        "thanks and help offered only, Spanish, formal",
        "Hola Sr. Pérez:\n\nQueremos darle las gracias por confiar en nosotros. Si en algún momento necesita cualquier cosa, estamos a su disposición.\n\nUn cordial saludo,\nAtención al cliente",
        "proactive",
        "SP117",
        True,
    ),
    (
        "a cancellation for a faster delivery is the buyer's own choice",
        "It ships today and should arrive Thursday. If you need it sooner, you could cancel from Your Orders and reorder with Prime delivery.",
        "reply",
        "SP123",
        False,
    ),
    (
        "an order put past Amazon and paid by bank",
        "Rather than put it through Amazon, we can invoice the school directly and you pay by BACS.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a legal notice owed to where the order ships is no shipping notice",
        "Your order 112-3344556-7788990 is being shipped to California, so we are required to give you this notice. WARNING: This product can expose you to chemicals including lead, known to the State of California to cause cancer.",
        "legal_disclosure",
        "SP124",
        False,
    ),
    (
        "a shipment sent as a legal disclosure without a notice is still a shipping notice",
        "Good news: your parcel has shipped with DPD and should arrive on Friday.",
        "legal_disclosure",
        "SP124",
        True,
    ),
    (
        "a misrouted parcel pushed back three days is a problem, French",
        "Bonjour,\n\nVotre lave-linge a bien été expédié lundi, mais le transporteur nous signale qu'il a été mal orienté. Il sera réacheminé demain et la livraison est décalée de trois jours. Le numéro de suivi reste XP7720184593FR.\n\nCordialement",
        "unexpected_problem",
        "SP124",
        False,
    ),
    (
        "a parcel hoped to have reached the buyer well is no status, German thanks",
        "Guten Tag {{buyer_name}},\n\nwir hoffen, Ihr Päckchen ist gut bei Ihnen angekommen. Vielen Dank für Ihren Einkauf!\n\nBei Fragen sind wir gerne für Sie da.\n\nViele Grüße\nIhr Team",
        "proactive",
        "SP117",
        True,
    ),
    (
        "thanks, a parcel hoped well arrived and questions welcome only, Italian",
        "Ciao Marco,\n\nspero che il pacco sia arrivato bene. Grazie mille per il tuo ordine!\n\nSe hai domande, siamo a tua disposizione.\n\nUn saluto,\nIl team Lumen",
        "proactive",
        "SP117",
        True,
    ),
    (
        "five star pictographs asked for in a review request",
        "Hi {{buyer_name}}, we hope the scratching post is a hit. A quick ⭐⭐⭐⭐⭐ review would make our day!",
        "review_request",
        "SP107",
        True,
    ),
    (
        "star pictographs from one to five welcome the whole scale",
        "Every rating helps, from ⭐ to ⭐⭐⭐⭐⭐. Could you leave a review of your order?",
        "review_request",
        "SP107",
        False,
    ),
    (
        "the satisfaction hoped for, then 'if so' before the review",
        "We hope the blender is everything you wanted. Are you happy with it? If so, a short review on Amazon would mean a lot to us.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "the satisfaction hoped for, then 'si c'est le cas', French",
        "Bonjour,\n\nNous espérons que la lampe vous donne entière satisfaction. Si c'est le cas, un petit avis sur Amazon nous aiderait beaucoup.\n\nBonne journée",
        "review_request",
        "SP107",
        True,
    ),
    (
        "the satisfaction hoped for, then 'wenn ja', German",
        "Hallo,\n\nwir hoffen, Sie sind mit dem Rucksack zufrieden. Wenn ja, freuen wir uns über eine Bewertung auf Amazon.\n\nViele Grüße",
        "review_request",
        "SP107",
        True,
    ),
    (
        "'if so' after a question that is not a satisfaction asks nothing of the happy",
        "Did the parcel arrive before the weekend? If so, we'd be grateful for an honest review, good or bad.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "either branch named: it made you smile or could have been better",
        "When you have a minute, we'd value a review on Amazon. Whether the mug made you smile or something could have been better, honest feedback helps other shoppers.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "no need to review when something is wrong, write to us instead",
        "We hope the speaker works well. And if something is wrong, no need to leave a review: just write to us and we'll sort it out.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "no need to review when something is wrong, French",
        "Et si quelque chose ne va pas, pas besoin de laisser un avis : écrivez-nous et nous trouverons une solution.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "the buyer's claim called a scam to get something free",
        "The engraving matches the text you approved, and frankly this looks like a scam to get a free bracelet.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a cancel-and-reorder for a coupon the buyer asked about is the buyer's choice",
        "Coupons are applied by Amazon at checkout, so we can't add one to an order already placed. If it hasn't shipped yet, you could cancel it and order again while the coupon is still showing.",
        "reply",
        "SP123",
        False,
    ),
    (
        "not listed on Amazon for now, but in the seller's Etsy shop",
        "We don't have the matching placemats listed on Amazon right now, but they're in our Etsy shop if you'd like to order them there.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a Quebec domain spelled with 'point ca'",
        "Le grand format est sur notre boutique : boisetfumee point ca.",
        "reply",
        "SP101",
        True,
    ),
    (
        "a Subscribe & Save pitch sent unasked is marketing",
        "Did you know you can have [Product] delivered automatically and save up to 10% with Subscribe & Save?",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a thank-you in the familiar Italian 'ti', with a sign-off hug",
        "Ciao Giulia,\n\nvolevamo solo ringraziarti per aver scelto la nostra borraccia incisa, speriamo che ti piaccia tantissimo! Per qualsiasi cosa, siamo sempre qui.\n\nUn abbraccio dal nostro laboratorio,\nMarta",
        "proactive",
        "SP117",
        True,
    ),
    (
        "the buyer called unfit to go near the thing he fitted",
        "The photo shows the pad fitted the wrong way round. Anyone who does that shouldn't be allowed near a bike, and we won't refund damage you did yourself.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a product review named by its stars and the item it was left on, French",
        "Maintenant que l'échange est fait, accepteriez-vous de modifier l'avis 1 étoile que vous avez laissé sur le pull ?",
        "reply",
        "SP115",
        True,
    ),
    (
        "postage the buyer is to bear himself before a spare ships, German",
        "Die fehlende Figur haben wir noch da. Das Porto von 2,50 € müssten Sie allerdings selbst übernehmen, dann schicken wir sie los.",
        "reply",
        "SP108",
        True,
    ),
    (
        "postage the buyer need not bear himself, German",
        "Das Porto für die fehlende Figur müssen Sie nicht selbst übernehmen, wir schicken sie kostenlos.",
        "reply",
        "SP108",
        False,
    ),
    (
        "only some colours on Amazon, the rest on the seller's own site, French",
        "Sur Amazon nous n'avons que le gris, mais vous trouverez les autres coloris sur notre site internet.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a review asked if the child is loving the item",
        "If your daughter is loving her new backpack, a quick review on Amazon would mean the world to us.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a company's legal name to correct on an invoice is no threat",
        "The invoice is attached. If anything on it needs correcting, for example your company's legal name, reply to this message and we will issue a new one.",
        "invoice",
        "SP112",
        False,
    ),
    (
        "thanks for a review with five star pictographs asks for nothing",
        "Thank you so much for your \u2b50\u2b50\u2b50\u2b50\u2b50 review! It made our week.",
        "reply",
        "SP107",
        False,
    ),
    (
        "'if you do' that opens an ordinary condition is no 'if so'",
        "We hope you are happy with your order. If you do have any questions, just reply here. We'd love your honest review.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "a parcel point UK wide is no spelled domain",
        "Please drop it at any collection point UK wide, the label is free.",
        "reply",
        "SP101",
        False,
    ),
    (
        "an ask, not the buyer's delight: we'd love it if you could",
        "If you have a minute, we'd love it if you could leave a review on Amazon.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "the buyer asked to cancel, Spanish subjunctive",
        "Nos hemos quedado sin stock de la talla M y el proveedor tarda un mes. Te agradecería que cancelaras el pedido desde tu cuenta.",
        "reply",
        "SP123",
        True,
    ),
    (
        "the buyer said to find reading hard, German",
        "Die Maßtabelle steht direkt unter dem Foto, man muss sie nur lesen können, was Ihnen offenbar schwerfällt.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer said to find reading hard, Spanish",
        "La foto dice bien claro «talla 42», pero entiendo que leer cuesta.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer's comment called a lie, French",
        "Nous avons les photos du colis : votre commentaire est tout simplement mensonger.",
        "reply",
        "SP111",
        True,
    ),
    (
        "write to us first so a negative review is not needed, Italian",
        "Se invece c'è qualcosa che non va, scrivici prima qui: lo risolviamo subito senza bisogno di recensioni negative.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "thanks and help for any question or problem only, Italian",
        "Ciao Marta!\n\nGrazie mille per aver scelto il nostro negozio per il tuo nuovo bollitore. Speriamo che ti piaccia tanto!\n\nPer qualsiasi domanda o problema siamo qui.\n\nUn caro saluto,\nIl team",
        "proactive",
        "SP117",
        True,
    ),
    (
        "thanks only with an opt-out line, German",
        "Liebe Kundin, lieber Kunde,\n\nvielen Dank, dass Sie bei uns eingekauft haben! Wenn Sie Fragen haben, sind wir jederzeit für Sie da.\n\nSie möchten keine Nachrichten mehr von uns erhalten? Antworten Sie mit „Abmelden“.",
        "proactive",
        "SP117",
        True,
    ),
    (
        "an order received and its dispatch prepared, German",
        "Hallo Herr Roth,\n\nvielen Dank für Ihre Bestellung! Wir haben sie erhalten und bereiten den Versand gerade vor.\n\nViele Grüße",
        "proactive",
        "SP109",
        True,
    ),
    (
        "a social handle after the network's name is no email address",
        "Petit retard de deux jours, désolés ! Venez voir notre Instagram @atelier.lumen pour des astuces.",
        "proactive",
        "SP103",
        False,
    ),
    (
        "a second listing to order for the extra shipping, French",
        "Le transporteur nous facture 12 € de plus. Pourriez-vous commander en plus l'article « Frais de port complémentaires » dans notre boutique ?",
        "reply",
        "SP108",
        True,
    ),
    (
        "the feedback to go meanwhile, before the fix, German",
        "Wir klären noch mit dem Hersteller, ob ein Ersatzteil kommt. Wäre es in der Zwischenzeit möglich, die negative Bewertung zurückzunehmen?",
        "negative_feedback_removal",
        "SP116",
        True,
    ),
    (
        "the feedback to go first, then the refund looked at, Italian",
        "Se vuole che valutiamo un rimborso, prima tolga il feedback.",
        "reply",
        "SP116",
        True,
    ),
    (
        "a season's new range announced unasked",
        "hope the mugs are getting plenty of use! just wanted to say our new fall mugs are out, if you search maple row fall mug on amazon they'll pop up",
        "proactive",
        "SP113",
        True,
    ),
    (
        "matching products offered beside the answer",
        "yes 30 degrees is fine for the duvet cover. if you like the look we've got matching pillowcases too, the whole range is on our store page",
        "reply",
        "SP113",
        True,
    ),
    (
        "the buyer called 'genius' in sarcasm",
        "the size is in the title and on the label. not sure how much clearer we can make it for you genius.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a trick the seller says it has seen before, Spanish, after 'not the first time'",
        "Nos extraña que la pantalla aparezca rota justo un mes después. No es la primera vez que vemos esta jugada y sabemos cómo termina.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer mocked as unable to work the device, German",
        "Halten Sie die Taste zehn Sekunden gedrückt. Sollte das schon zu kompliziert sein, fragen Sie jemanden, der sich mit Technik auskennt.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer's name put online unless the feedback goes, German",
        "Wenn die Bewertung bis Freitag noch online ist, stellen wir den kompletten Nachrichtenverlauf mit Ihrem Namen online.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's own right to a lawyer acknowledged is no threat, German",
        "Selbstverständlich steht es Ihnen frei, einen Anwalt einzuschalten. Schneller geht es aber so: Das Rücksendeetikett ist angehängt.",
        "reply",
        "SP112",
        False,
    ),
    (
        "the carrier's advice that the recipient report a theft is no threat, German",
        "DHL empfiehlt in solchen Fällen, dass der Empfänger eine Anzeige bei der Polizei aufgibt. Das ist keine Voraussetzung für Ihre Erstattung.",
        "reply",
        "SP112",
        False,
    ),
    (
        "an apology made again is no repeated request",
        "Schön, dass das Ersatzgerät funktioniert. Nochmals Entschuldigung für den Ärger. Falls Sie der Meinung sind, dass wir Ihr Anliegen gelöst haben, können Sie die Bewertung aktualisieren.",
        "negative_feedback_removal",
        "SP116",
        False,
    ),
    (
        "the buyer asked to cancel, the seller's own cancellation named as what counts against it",
        "Leider haben wir kein Gerät mehr auf Lager. Wir möchten Sie bitten, die Bestellung in Ihrem Konto selbst zu stornieren. Wenn wir stornieren, wird uns das negativ angerechnet.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "samples added to the next order for a review, French",
        "Pour vous remercier de laisser un avis sur Amazon, nous glisserons dans votre prochaine commande trois échantillons. Il suffit de nous répondre une fois votre avis publié.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "gating: something did not convince, write to us first, Italian",
        "Se invece qualcosa non l'ha convinta, non scriva subito la recensione: ci mandi prima un messaggio qui.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "a request said not to go through Amazon, the workshop written to directly, French",
        "Ce type de demande ne passe pas par Amazon : le plus simple est d'écrire directement à notre atelier.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a review left straight on Amazon is no pointer off it, Italian",
        "Se ha voglia di condividere la sua esperienza, positiva o negativa che sia, può lasciare una recensione direttamente su Amazon.",
        "review_request",
        "SP105",
        False,
    ),
    (
        "a lipstick shade numbered in a list is no sexual content",
        "Les teintes disponibles sont : 01 Coquelicot, 02 Framboise, 04 Nude, 05 Prune. Merci de nous indiquer vos trois teintes.",
        "confirm_order_details",
        "SP111",
        False,
    ),
    (
        "thanks for the order and the trust, help offered only, French",
        "Bonjour Madame Roux,\n\nToute l'équipe vous remercie chaleureusement pour votre commande et pour votre confiance. C'est grâce à des clientes comme vous que notre petite maison grandit.\n\nNous restons à votre disposition pour toute question, n'hésitez surtout pas.\n\nÀ très bientôt,\nLéa",
        "proactive",
        "SP117",
        True,
    ),
    (
        "a footer saying why the buyer gets the message is no opt-out",
        "The full manual is attached.\n\nYou are receiving this because you recently bought [Product] on Amazon.",
        "proactive",
        "SP118",
        False,
    ),
    (
        "a way out offered in words after the footer",
        "You're receiving this because you bought from us. Prefer not to hear from us? Let us know and we'll stop.",
        "proactive",
        "SP118",
        True,
    ),
    (
        "a surcharge to be paid, the way told later, Italian",
        "Per le isole il corriere applica un supplemento: sono 18 € in più rispetto a quanto ha già pagato. Ci confermi qui e le indichiamo come saldarlo.",
        "reply",
        "SP108",
        True,
    ),
    (
        "a postage difference to 'pop over' to the seller",
        "I can switch it to Special Delivery. That's £6.50 more than the postage you paid, so if you're able to pop that over to us I'll send it today.",
        "reply",
        "SP108",
        True,
    ),
    (
        "the buyer's own legal steps understood is no threat, German",
        "Wir verstehen, dass Sie rechtliche Schritte in Erwägung ziehen. Bevor es so weit kommt, erstatten wir Ihnen den vollen Kaufpreis.",
        "reply",
        "SP112",
        False,
    ),
    (
        "the buyer writing to the seller directly as well is no pointer off Amazon, German",
        "Danke, dass Sie sich zusätzlich direkt bei uns melden. Wir schicken Ihnen kostenlos einen neuen Akku.",
        "reply",
        "SP105",
        False,
    ),
    (
        "send us a message is no payment, thanks and help only",
        "Thank you for shopping with us! We truly appreciate your order. If you need anything at all, just send us a message.",
        "proactive",
        "SP117",
        True,
    ),
    (
        "star pictographs beside a feedback word, no review named, still reach SP107",
        "A \u2b50\u2b50\u2b50\u2b50\u2b50 comment about us would make our week.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "the order registered, in French: an order confirmation (SP109)",
        "Bonjour,\n\nNous avons bien enregistré votre commande 171-9034471-5528860 pour l'armoire Bergen et nous vous en remercions. Elle sera confiée au transporteur sous 3 à 5 jours ouvrés.\n\nCordialement,\nMeubles Rhône",
        "proactive",
        "SP109",
        True,
    ),
    (
        "on the van and arriving today, in Italian: a shipping notice (SP110)",
        "Ciao! Il tuo mobile TV (ordine 403-8810342-4471906) è sul furgone e arriverà oggi in giornata. Tieni il telefono a portata di mano!\n\nA presto",
        "proactive",
        "SP110",
        True,
    ),
    (
        "a floor surcharge paid to the carrier in cash, in Spanish (SP108)",
        "Hola Carmen, la entrega estándar es a pie de calle, pero el transportista te lo puede subir hasta casa: tendrías que pagarle a él en el momento 35 euros por la subida al cuarto piso, en efectivo.",
        "reply",
        "SP108",
        True,
    ),
    (
        "a floor surcharge settled with the carrier on the day, in French (SP108)",
        "Le transporteur nous signale que vous habitez au 6e étage sans ascenseur : dans ce cas il applique un forfait de montée à l'étage de 55 €, à lui régler par chèque ou en espèces le jour de la livraison.",
        "reply",
        "SP108",
        True,
    ),
    (
        "a floor delivery included: nothing to pay the carrier (no SP108)",
        "La montée à l'étage est incluse, vous n'avez rien à régler au livreur.",
        "reply",
        "SP108",
        False,
    ),
    (
        "postage for a replacement, the amount sent to the seller, in German (SP108)",
        "Da die Lieferung nach Österreich geht, fallen für den Ersatzversand allerdings 5,90 € Porto an. Wenn Sie uns den Betrag kurz zukommen lassen, geht die Dose noch am selben Tag raus.",
        "reply",
        "SP108",
        True,
    ),
    (
        "the maker's spare parts shop to buy the part from (SP105)",
        "Honestly the fastest fix is to grab the pin straight from Nordvik's own spare parts shop - they normally send next day and it's only a couple of pounds.",
        "reply",
        "SP105",
        True,
    ),
    (
        "another web shop said to deliver faster than the seller through Amazon (SP105)",
        "Die Drehknöpfe bekommen Sie am schnellsten direkt im Onlineshop von Holzwerk Kinderland unter „Ersatzteile“. Die liefern meistens schneller als wir über Amazon, und Sie können gleich zwei bestellen.",
        "reply",
        "SP105",
        True,
    ),
    (
        "the seller's own spare part sent free: no off-Amazon sale (no SP105)",
        "We're sending the missing pin from our spare parts shop today, free of charge.",
        "reply",
        "SP105",
        False,
    ),
    (
        "a review asked if the toy brought smiles: only the happy asked (SP107)",
        "We hope little Noah is enjoying his new bath book! If it's brought a few smiles at bath time, we'd be so grateful if you could pop a quick review on Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "the 1 star taken down for a refund (SP116)",
        "If you're able to take the 1 star down, we'll refund your shipping cost in full.",
        "reply",
        "SP116",
        True,
    ),
    (
        "a 1-star rating 'für uns als Verkäufer' is seller feedback, no product review (no SP115)",
        "Kleine Bitte vorab: Könnten Sie die 1-Stern-Bewertung für uns als Verkäufer wieder rausnehmen? Sobald die weg ist, schicken wir die Erstattung direkt raus.",
        "reply",
        "SP115",
        False,
    ),
    (
        "a 1-star rating 'für uns als Verkäufer' removed for a refund (SP116)",
        "Kleine Bitte vorab: Könnten Sie die 1-Stern-Bewertung für uns als Verkäufer wieder rausnehmen? Sobald die weg ist, schicken wir die Erstattung direkt raus.",
        "reply",
        "SP116",
        True,
    ),
    (
        "a label said too hard to read, complaining said to come easier (SP111)",
        "La fecha que aparece en el bote es 09/2026. Entendemos que leer una etiqueta puede resultar complicado; parece que se le da mejor reclamar que mirar un número.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a claim we can imagine the truth of (SP111)",
        "Es la tercera vez este año que un cliente nos dice que le ha llegado vacío, y siempre, casualmente, después de haberlo usado un mes. Ya te imaginarás lo que pensamos.",
        "reply",
        "SP111",
        True,
    ),
    (
        "short of reading it out to the buyer; what most adults know (SP111)",
        "The caffeine content is printed in bold on the front of the tub. I'm honestly not sure how we could have made it any clearer, short of reading it out to you. Most adults know that 300 mg on an empty stomach is a lot.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer's sense of taste to blame (SP111)",
        "Vielleicht liegt es ja doch nicht am Pulver, sondern an den Geschmacksnerven, aber die können wir von hier aus leider nicht reparieren.",
        "reply",
        "SP111",
        True,
    ),
    (
        "'at this point it' is prose, no spoken email address",
        "I'm sorry, but at this point it looks like a scam to us, and we won't be refunding without the item coming back.",
        "reply",
        "SP103",
        False,
    ),
    (
        "'and at that point de' is prose, no spoken email address",
        "We checked with the carrier, and at that point de facto nothing had left the depot.",
        "reply",
        "SP103",
        False,
    ),
    (
        "an address said with 'at' and 'point' is still one",
        "Write to anna at shop point it for help with the invoice.",
        "reply",
        "SP103",
        True,
    ),
    (
        "a freight consignment note number is no phone",
        "Oui : votre colonne voyage avec Geodis, récépissé n° 0042 1187 563. La livraison est prévue jeudi.",
        "reply",
        "SP104",
        False,
    ),
    (
        "an order number after 'commande n°' is no phone",
        "Votre commande n° 0042 1187 563 est partie ce matin.",
        "reply",
        "SP104",
        False,
    ),
    (
        "a consignment number in English is no phone",
        "Your sofa travels with DPD, consignment no. 0042 1187 563.",
        "reply",
        "SP104",
        False,
    ),
    (
        "a phone number for the order is still one",
        "Pour votre commande, appelez le 06 12 34 56 78.",
        "reply",
        "SP104",
        True,
    ),
    # round 42 (fresh_eo, fresh_ep, fresh_eq): notices, a bookshop, ordinary inboxes
    (
        "a shop's store at a spoken address with a path is a link, no email",
        "You'll find the whole spare-parts range on our own store at greenleaftools dot com/parts, usually a couple of dollars cheaper there too.",
        "reply",
        "SP103",
        False,
    ),
    (
        "a shop's store at a spoken address with a path: the link (SP101)",
        "You'll find the whole spare-parts range on our own store at greenleaftools dot com/parts, usually a couple of dollars cheaper there too.",
        "reply",
        "SP101",
        True,
    ),
    (
        "a book's printing line counting down is no phone",
        "Our copy is the 1994 paperback, second impression (the number line on the copyright page reads 10 9 8 7 6 5 4 3 2).",
        "reply",
        "SP104",
        False,
    ),
    (
        "a phone written digit by digit is still one",
        "Call me on 0 1 7 1 4 5 8 2 2 9 6 if you prefer.",
        "reply",
        "SP104",
        True,
    ),
    (
        "the tool doing its job as the review's condition (SP107)",
        "Hope the PX-200 bypass pruner is making short work of those roses. If it's done the job for you, we'd be really grateful if you could spare a minute to say so on Amazon - reviews from happy gardeners are what keep a little shop like ours going.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a matching product said to make a lovely set (SP113)",
        "If you liked the fig and cassis candle, the matching reed diffuser has just come in and it makes a lovely set.",
        "reply",
        "SP113",
        True,
    ),
    (
        "a difference already refunded is no payment asked (no SP108)",
        "Den Differenzbetrag von 6,90 € haben wir Ihnen bereits erstattet.",
        "reply",
        "SP108",
        False,
    ),
    (
        "a parcel travelling with the carrier, told unasked (SP110)",
        "Just a quick heads-up that your charger left our Manchester warehouse this afternoon. It's travelling with Royal Mail Tracked 24, so it should be with you tomorrow.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "an order come through and being picked, told unasked (SP109)",
        "Thanks so much for your order - this is just a note to let you know it's come through to us safely and our team is already picking and packing it.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "the buyer's account disbelieved outright (SP111)",
        "This is the third 'water damage' message we've had this month and frankly I don't believe a word of it.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer's claim called a try for a refund, in Italian (SP111)",
        "Non è la prima volta che qualcuno ci prova per avere il rimborso e tenersi il libro.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a gift packed into the next order for a review, in Spanish (SP106)",
        "Si nos dejas tu opinión sobre el pedido, en tu próxima compra te meteremos en el paquete un marcapáginas de piel, como agradecimiento.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "the rest of a series offered at a fair stand (SP105)",
        "Übrigens: Die Bände 2 bis 24 habe ich am Wochenende auf der Antiquariatsmesse in Stuttgart dabei. Wenn Sie vorbeikommen, mache ich Ihnen für den Rest einen guten Paketpreis.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a product review asked to be looked at again, in Italian (SP115)",
        "Quando arriva e l'hai provato, ti andrebbe di dare un'occhiata alla recensione che hai scritto sulla pagina del quaderno?",
        "reply",
        "SP115",
        True,
    ),
    # round 43 (fresh_er, fresh_es): orders that cannot ship, a skincare founder's templates
    (
        "the seller must cancel and says it did, in French (no SP123)",
        "Nous devons malheureusement annuler votre commande : au moment de la préparer, nous avons constaté que notre stock avait été mal compté. L'annulation a été faite de notre côté.",
        "unexpected_problem",
        "SP123",
        False,
    ),
    (
        "the seller chose to cancel, in French (no SP123)",
        "Le fabricant nous annonce un délai d'au moins six semaines. Nous avons donc préféré annuler la commande dès aujourd'hui. Amazon vous rembourse l'intégralité du montant.",
        "unexpected_problem",
        "SP123",
        False,
    ),
    (
        "the buyer asked to cancel is still a request (SP123)",
        "Le fabricant nous annonce un délai d'au moins six semaines. Pourriez-vous annuler la commande depuis votre compte ?",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "an island surcharge to be sent to the seller, in French (SP108)",
        "Pour la Corse notre transporteur applique un supplément de 35 € pour les colis volumineux. Pourriez-vous nous faire parvenir ce complément ?",
        "reply",
        "SP108",
        True,
    ),
    (
        "the skin feeling better as the review's condition (SP107)",
        "It's been about two weeks since your serum arrived. If your skin is feeling softer and calmer, would you share that with other shoppers in a review on Amazon?",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a product to follow the one bought, in a P.S. (SP113)",
        "P.S. If you've ever wondered what to follow it with, our night repair balm was made to sit right after the cleanser. Lots of our regulars use the two together.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "the buyer invited into the brand's club by email (SP105)",
        "Since you're new to us, I'd love to invite you into the Fernhaven Circle, our little club for regulars. Just reply with the best email to reach you and I'll add you myself.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "the other lamps of the shop suggested after a cancellation, in Italian (SP113)",
        "Ci dispiace comunicarle che l'ordine è stato annullato. Nel frattempo, perché non dà un'occhiata alle altre lampade della nostra collezione?",
        "unexpected_problem",
        "SP113",
        True,
    ),
    # found by a review of ef99511: a determiner after 'at' blocks only 'at this point', and a word
    # of calling before an id word keeps a phone number one
    (
        "a domain that is a determiner, spoken with 'dot' (SP103)",
        "Please email anna at one dot com for help.",
        "reply",
        "SP103",
        True,
    ),
    (
        "a spoken address on 'which dot co uk' (SP103)",
        "Write to info at which dot co uk please.",
        "reply",
        "SP103",
        True,
    ),
    (
        "a phone line named before a file word (SP104)",
        "Téléphone du service dossier : 01 23 45 67 89",
        "reply",
        "SP104",
        True,
    ),
    (
        "a helpline to call about a consignment (SP104)",
        "Call our helpline about your consignment: 020 7946 0958",
        "reply",
        "SP104",
        True,
    ),
    # round 44 (fresh_et, fresh_eu, fresh_ev): a US support desk, feedback requests, HTML templates
    (
        "a review told either way, 'in positivo o in negativo', asks for no positive one",
        "Se le va, può lasciare una recensione su Amazon raccontando com'è andata, in positivo o in negativo. Le opinioni sincere sono preziose.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "how to remove feedback, explained on request, within a time limit (no SP116)",
        "Gern erkläre ich es Ihnen. Gehen Sie auf Meine Bestellungen und klicken Sie auf Verkäufer bewerten. Dort wird Ihre Bewertung angezeigt und Sie können sie entfernen. Das geht innerhalb von 60 Tagen, nachdem Sie die Bewertung abgegeben haben. Wie Sie sich entscheiden, bleibt natürlich Ihnen überlassen.",
        "reply",
        "SP116",
        False,
    ),
    (
        "five stars asked 'si no es mucho pedir' (SP107)",
        "Y si no es mucho pedir, póngannos las 5 estrellas, que para una tienda pequeña como la nuestra es mucho.",
        "reply",
        "SP107",
        True,
    ),
    (
        "the refund issued once the feedback is seen updated, in Italian (SP116)",
        "Il suo reso è arrivato e il rimborso è già stato approvato. Lo emetteremo appena vedremo aggiornato il feedback che ci ha lasciato.",
        "proactive",
        "SP116",
        True,
    ),
    (
        "the difference for freight covered by the buyer, on request (SP108)",
        "So it turns out freight to Honolulu for the bench actually runs about $65 more than what came through on the order. Before we ship it out, would you be ok covering the difference? If so I can send a request for the $65.",
        "reply",
        "SP108",
        True,
    ),
    # round 45 (fresh_ew, fresh_ex): a leather workshop, an electronics support team
    (
        "'modo punto de acceso' is prose, no domain",
        "Si lo sustituye, en la configuración rápida elija el modo punto de acceso y guarde los cambios.",
        "reply",
        "SP101",
        False,
    ),
    (
        "a device that must show 'online' threatens nobody, in German",
        'In der Tapo-App muss die Steckdose bereits eingerichtet sein und "online" anzeigen.',
        "reply",
        "SP112",
        False,
    ),
    (
        "a report to the police threatened, in German (SP112)",
        "Wenn Sie den Betrag nicht zahlen, werden wir Sie anzeigen.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a TV's own privacy settings explained on request are no opt-out",
        "You can switch most of them off. Settings > Support > Privacy Choices: opt out of viewing information services and interest-based ads.",
        "reply",
        "SP118",
        False,
    ),
    (
        "a delight hoped for, then an honest review asked (no SP107)",
        "Your engraved keyring arrived last week, and we hope your brother loved it. If you have a moment, we'd really appreciate an honest review on Amazon.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "the buyer said to be 'trying it on' (SP111)",
        "I've been doing this for eleven years and I know when someone is trying it on. We won't be refunding a wallet you're clearly happy with.",
        "reply",
        "SP111",
        True,
    ),
    (
        "Amazon said to hold only part of the range, the rest on the own website (SP105)",
        "By the way, what you see on Amazon is only a small part of what we make. There are loads more designs over on our own website.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a part to reorder in the seller's own web shop, in German (SP105)",
        "Die Fernbedienung haben wir bei Amazon gerade nicht als Einzelteil gelistet. Sie können sie aber ganz unkompliziert direkt in unserem eigenen Onlineshop nachbestellen.",
        "reply",
        "SP105",
        True,
    ),
    # found by a review of 759d288: the German threat in the familiar forms, a time limit only
    # with 'innerhalb', an app's unsubscribe
    (
        "a report to the police threatened in the familiar form, in German (SP112)",
        "Ruf mich an, sonst werde ich dich anzeigen.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a credit some days after the review is changed is a trade, in German (SP106)",
        "Sie erhalten eine Gutschrift 3 Tagen nachdem Sie die Bewertung geändert haben.",
        "reply",
        "SP106",
        True,
    ),
    (
        "an unsubscribe offered in the seller's app is an opt-out (SP118)",
        "If you no longer want our emails, unsubscribe in the app.",
        "proactive",
        "SP118",
        True,
    ),
    # found by a review of 77b7a2c: a phone word counts in the number's own sentence, digits
    # counting up after a call are a number, 'trying it on', 'punto de', a mail provider after 'at'
    (
        "a call in an earlier sentence makes no phone of a case number",
        "Thanks for your call earlier. Your case number is 0123 456 789.",
        "reply",
        "SP104",
        False,
    ),
    (
        "a case number in a sentence that names a phone line is a phone (SP104)",
        "Téléphone du service dossier : 01 23 45 67 89",
        "reply",
        "SP104",
        True,
    ),
    (
        "digits counting up after 'call us on' are a number to dial (SP104)",
        "Please call us on 0 1 2 3 4 5 6 7 8 9",
        "reply",
        "SP104",
        True,
    ),
    (
        "someone trying clothes on insults nobody",
        "When someone is trying it on for the first time, the size may feel tight.",
        "reply",
        "SP111",
        False,
    ),
    (
        "'punto de' with a word no prose puts after it is a domain (SP101)",
        "Visita mitienda punto de para más modelos.",
        "reply",
        "SP101",
        True,
    ),
    (
        "'die Sie anzeigen möchten' (to display) threatens nobody, in German",
        "Wählen Sie die Bilder, die Sie anzeigen möchten.",
        "reply",
        "SP112",
        False,
    ),
    (
        "an order 'from there' that Amazon handles is an order on Amazon",
        "If you order from there, Amazon handles the return.",
        "reply",
        "SP105",
        False,
    ),
    (
        "any word before 'at gmail dot com' is a local part (SP103)",
        "Write to store at gmail dot com",
        "reply",
        "SP103",
        True,
    ),
    # rounds 46 and 47 (fresh_ey/ez/fa, fresh_fb/fc/fd): coffee machines, skincare, bicycle parts,
    # furniture by freight, print on demand, pet supplies
    (
        "instructions mocked as optional 'for some people' (SP111)",
        "But I suppose instructions are more of a suggestion for some people.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer told not to tell tales, in Spanish (SP111)",
        "No hace falta que nos cuente cuentos, en el servicio técnico ven casos como el suyo todos los días.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer's account called made up (SP111)",
        "Look, I'm going to be honest: this story sounds made up to get a free bag.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a dog called a sweetheart insults nobody",
        "Thanks for sending it over - what a sweetheart.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a payment link for a surcharge (SP108)",
        "Sorry to be a pain, but would you be able to cover that bit? If you're OK with it, just reply 'yes' and I'll send you a payment link.",
        "reply",
        "SP108",
        True,
    ),
    (
        "a German number in spaced groups with a slash (SP104)",
        "Tel.: 0 71 31 / 89 45 - 20 (Mo–Fr 9–18 Uhr)",
        "reply",
        "SP104",
        True,
    ),
    (
        "a serial number named in German is no phone",
        "Zu Ihrem Rahmenakku (Seriennummer 4A21 0937 5518) hier die Bedingungen im Überblick.",
        "reply",
        "SP104",
        False,
    ),
    (
        "the new [Product] the buyer bought is no launch",
        "Hope the new [Product] is treating you well!",
        "reply",
        "SP113",
        False,
    ),
    (
        "'punto de barra' spells a web address (SP101)",
        "La trovate sul nostro sito: radsport-keller punto de barra misure.",
        "reply",
        "SP101",
        True,
    ),
    (
        "the sale said in the sentence after the own site's address (SP105)",
        "Le conviene guardare la tabella delle misure, che trova sul nostro sito: radsport-keller.de/misure. Lì può ordinare direttamente anche il kit di riparazione.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a part not offered on Amazon, but in the brand's web shop, in French (SP105)",
        "La carafe de rechange n'est pas proposée sur Amazon, mais vous la trouverez sur la boutique en ligne de Brioso.",
        "reply",
        "SP105",
        True,
    ),
    (
        "'tanto si ... como si' welcomes either answer, in Spanish",
        "Nos gustaría conocer su opinión sincera, tanto si está encantado como si hay algo que no le ha convencido.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "a gift that 'made you smile or missed the mark' welcomes either answer",
        "Whether it made you smile or missed the mark, we'd really appreciate an honest review on Amazon.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "the buyer's love as the condition, with its pronoun, in French (SP107)",
        "Si vous l'adorez autant que nous, ce serait super gentil de nous laisser un petit avis sur Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a review steered to the fast delivery (SP107)",
        "Would you mind writing a short review on Amazon? It would really help us if you could mention how quick the delivery was.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a review to be amended to mention the fix is no request for praise",
        "Would you be willing to amend your review to mention how quickly we replaced it?",
        "reply",
        "SP107",
        False,
    ),
    (
        "the seller's shipping rate is no promotion, in Spanish",
        "Hemos visto que la dirección de entrega está en Menorca y nuestra tarifa de transporte solo cubre la península.",
        "reply",
        "SP113",
        False,
    ),
    (
        "a report the buyer sent threatens nobody",
        "Thanks for the report you sent us yesterday.",
        "reply",
        "SP112",
        False,
    ),
    (
        "'report. You' across two sentences threatens nobody",
        "If your vet really said that, send me the vet's report.\n\nYou can return the unopened part through Amazon.",
        "reply",
        "SP112",
        False,
    ),
    (
        "the buyer's account reported to Amazon, in German (SP112)",
        "Sollte das so weitergehen, werden wir Ihr Kundenkonto bei Amazon wegen Missbrauchs des Rückgaberechts melden.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's Amazon account named threatens nobody, in German",
        "Sie finden die Rechnung in Ihrem Kundenkonto bei Amazon unter Bestellungen.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a rating 'taken out' for a refund, in German (SP116)",
        "Sie nehmen die Ein-Stern-Bewertung raus, und ich erstatte Ihnen über Amazon die kompletten Versandkosten.",
        "reply",
        "SP116",
        True,
    ),
    # found by a review of this round's own change: narrower words of calling, 'série', 'tanto si'
    (
        "a ring in sizes counting up is no number to dial",
        "This ring comes in sizes 3 4 5 6 7 8 9.",
        "reply",
        "SP104",
        False,
    ),
    (
        "a call word in the sentence before makes a loosely named line a phone (SP104)",
        "For anything else, just give us a ring. Our order line is 0161 496 0000.",
        "reply",
        "SP104",
        True,
    ),
    (
        "a product line ('série') names no serial number (SP104)",
        "Pour la nouvelle série, écrivez au 06 12 34 56 78 sur WhatsApp.",
        "reply",
        "SP104",
        True,
    ),
    (
        "'tanto si' of anything but the buyer's delight refuses no condition (SP107)",
        "Si le ha gustado, déjenos una reseña, tanto si lo compró para usted como si fue un regalo.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a purchase on Amazon after the own site's address is no sale off Amazon",
        "Las fotos están en nuestra web, www.taller.es/fotos. Puede comprar el juego completo aquí en Amazon.",
        "reply",
        "SP105",
        False,
    ),
    (
        "'perché non ci racconti che cosa è successo' asks, and insults nobody",
        "Perché non ci racconti che cosa è successo? Così possiamo aiutarti subito.",
        "reply",
        "SP111",
        False,
    ),
    # round 48 (fresh_fe, fresh_ff): replies to rude buyers without a swear word, three small shops
    (
        "condescension: 'let me explain this slowly' (SP111)",
        "Fine, let me explain this slowly, and I'll use short words this time.",
        "reply",
        "SP111",
        True,
    ),
    (
        "condescension in French: 'lentement cette fois' (SP111)",
        "Je vais vous réexpliquer, lentement cette fois, puisque la notice n'a visiblement pas suffi.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer's account called made up with art, in Italian (SP111)",
        "Diciamo che la sua versione dei fatti è costruita ad arte, ma con noi non attacca.",
        "reply",
        "SP111",
        True,
    ),
    (
        "advice to let a skilled person do it insults nobody, in German",
        "Lassen Sie am besten jemanden ran, der Erfahrung mit Elektroinstallation hat.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a bag 'costruita ad arte' is praise",
        "La borsa è costruita ad arte, con cuciture fatte a mano.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a batch code before 'Net weight' is no domain",
        "Batch: WS-2431. Net weight: 220 g. Burn time: approx. 45 hours.",
        "reply",
        "SP101",
        False,
    ),
    (
        "the new [Product] on the buyer's phone is no launch",
        "Hope your phone is rocking its new [Product]!",
        "reply",
        "SP113",
        False,
    ),
    # found by a second review of this round's change
    (
        "a load 'apparently a bit too much' for a hinge insults nobody",
        "The 5 kg load was apparently a bit too much for the old hinge.",
        "reply",
        "SP111",
        False,
    ),
    (
        "help to carry it next time insults nobody, in German",
        "Das Gerät wiegt 28 kg. Lassen Sie beim nächsten Mal jemanden beim Tragen helfen.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a carrier's payment link for import duties asks nothing of the seller's",
        "DHL will send you a payment link for the import duties.",
        "reply",
        "SP108",
        False,
    ),
    (
        "'report. You will receive' threatens nobody",
        "Thanks for your damage report. You will receive a replacement tomorrow.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a scale '0 10 20 / 30 40' is no phone",
        "Die Skala geht 0 10 20 / 30 40 50 60 Grad.",
        "reply",
        "SP104",
        False,
    ),
    (
        "an oven dial marked 1 to 9 is no number to dial",
        "The oven's temperature dial is marked 1 2 3 4 5 6 7 8 9 from low to high.",
        "reply",
        "SP104",
        False,
    ),
    (
        "digits counting up after 'Telefon:' are a number (SP104)",
        "Telefon: 0 1 2 3 4 5 6 7 8 9",
        "reply",
        "SP104",
        True,
    ),
    (
        "a purchase 'a través de Amazon' after the own site's address is no sale off Amazon",
        "Las fotos están en nuestra web, www.taller.es/fotos. Puede comprar el juego completo a través de Amazon.",
        "reply",
        "SP105",
        False,
    ),
    # round 49 (fresh_fg, fresh_fh): a ceramics shop's month in five languages, a refurbisher's
    # after-sales desk
    (
        "'tanto si te ha encantado como si' welcomes either answer, in Spanish",
        "Si tienes un momento, puedes dejar tu opinión sobre el producto en Amazon, tanto si te ha encantado como si crees que hay algo que mejorar.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "the buyer's contentment with 'en' as the condition, in French (SP107)",
        "Si vous en êtes content(e), un petit avis sur Amazon nous aiderait énormément.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a placeholder code of seven zeros is no phone",
        "Se non lo avete indichiamo 0000000 e la fattura la trovate nel cassetto fiscale.",
        "reply",
        "SP104",
        False,
    ),
    (
        "one digit over and over, called a phone, is one (SP104)",
        "Call us on 5555555.",
        "reply",
        "SP104",
        True,
    ),
    (
        "sarcasm at the buyer's story: 'funny how the box is pristine' (SP111)",
        "Ah yes, the classic. Funny how the box is pristine and the dent lines up perfectly with a drop off a desk.",
        "reply",
        "SP111",
        True,
    ),
    (
        "Amazon first, then 'non c'è', then the own shop's address (SP105)",
        "Il servizio da tè completo purtroppo su Amazon non c'è. Lo trova però sul nostro negozio online: terracrudaceramiche.it, sezione Tè e caffè.",
        "reply",
        "SP105",
        True,
    ),
    # round 50 (fresh_fi, fresh_fj): a US home brand's ordinary week, feedback and review
    # requests after a problem in German and French
    (
        "a rating 'rausgenommen' before the knife ships, in German (SP116)",
        "Sobald Sie die negative Bewertung rausgenommen haben, geht das Messer bei uns noch am selben Tag raus.",
        "reply",
        "SP116",
        True,
    ),
    (
        "everything to the buyer's satisfaction as the condition, in German (SP107)",
        "Wenn alles zu Ihrer Zufriedenheit ist, würden wir uns riesig über eine Rezension freuen.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a problem resolved to the buyer's satisfaction is no happy condition",
        "Wenn alles zu Ihrer Zufriedenheit gelöst wurde, können Sie Ihre Bewertung gern aktualisieren.",
        "reply",
        "SP107",
        False,
    ),
    (
        "'erst uns schreiben, bevor Sie bewerten' gates the review, in German (SP114)",
        "Und falls doch was nicht passt: bitte erst uns schreiben, bevor Sie bewerten – wir kriegen das hin.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "a cushion offered, 'nous vous offrons', for an updated review (SP106)",
        "Petite proposition : si vous mettez à jour votre commentaire sur la page du produit pour refléter l'échange, nous vous offrons un troisième coussin assorti.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a favour said with a sneer (SP111)",
        "We'll send a replacement anyway since we're nice like that.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a product review to 'noch mal anschauen', in German (SP115)",
        "Vielleicht mögen Sie Ihre Rezension zum Spaten ja bei Gelegenheit noch mal anschauen?",
        "reply",
        "SP115",
        True,
    ),
    (
        "an off-Amazon deal refused with 'leider nichts', in German",
        "Über WhatsApp oder direkt außerhalb von Amazon können wir leider nichts abwickeln.",
        "reply",
        "SP105",
        False,
    ),
    (
        "enjoyment over time as the review's condition (SP107)",
        "Every review makes a real difference to us. If you've been enjoying the tea, it would mean the world if you could share that on the product page!",
        "review_request",
        "SP107",
        True,
    ),
    (
        "feedback not to be the buyer's first step (SP114)",
        "If you've got a minute, a bit of feedback on how we did would be much appreciated. And if anything's not quite right, please don't go straight to feedback, just drop me a line and I'll sort it out.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "everything in order as the review's condition, in French (SP107)",
        "Et si tout est en ordre, un petit avis sur Amazon nous ferait très plaisir.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "the seller reached first through a reply, before the review, in French (SP114)",
        "Un bulbe qui vous paraît abîmé ? Passez d'abord par nous en répondant à ce message, on trouve toujours une solution. Et si tout est en ordre, un petit avis sur Amazon nous ferait très plaisir.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "everything in order with no review is no happy condition",
        "Si tout est en ordre de votre côté, nous expédions la commande demain.",
        "reply",
        "SP107",
        False,
    ),
    (
        "a photo sent by replying, with no review, gates nothing",
        "Vous pouvez nous envoyer une photo en répondant à ce message, et nous vous envoyons une pièce neuve.",
        "reply",
        "SP114",
        False,
    ),
    (
        "a reward for anyone who posts a review, 'no strings attached' after it (SP106)",
        "Anyone who posts a review of theirs before the end of June gets a spare lid seal from us, no strings attached.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a coaster sent to those who give their opinion, in Spanish (SP106)",
        "A quienes dejan su opinión en Amazon este mes les mandamos un posavasos pintado a mano como detalle.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "postage refunded to whoever publishes a review, in French (SP106)",
        "C'est pourquoi nous les remboursons à toute personne qui prend le temps de publier un avis.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a draw among the customers who review, in Italian (SP106)",
        "Questo mese, tra tutti i clienti che lasciano una recensione su Amazon estraiamo tre confezioni del nostro caffè.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "reviewers who help other shoppers are promised nothing",
        "Customers who leave a review help other shoppers choose the right size.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "a reply to everyone who reviews is no reward",
        "Everyone who leaves a review gets a personal reply from our team.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "a reward for reviewers refused",
        "We can't give anything to customers who leave a review, whatever they write.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a refund promised once the star comes down (SP106)",
        "If you're able to take the 1 star down, we'll refund your shipping cost in full straight away.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a refund promised once the feedback is removed, the feedback named the sentence before, in Italian (SP106)",
        "Ci dispiace per il feedback negativo. Se lo rimuove, Le rimborsiamo subito il 20% dell'ordine.",
        "reply",
        "SP106",
        True,
    ),
    (
        "the replacement shipped once the feedback is gone (SP106)",
        "We just ask that you remove the negative feedback first, and as soon as it's gone we'll ship the replacement the same day.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a feedback update invited after a refund already made buys nothing",
        "We've refunded your order. If you feel we resolved your concern, you may update your feedback.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a feedback update invited once the replacement arrives buys nothing",
        "Once the replacement arrives, if you feel we've resolved it, you can update your feedback.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a reminder sent about a rating is no value",
        "Le enviamos un pequeño recordatorio: si lo desea, aún puede modificar su valoración desde «mis pedidos».",
        "reply",
        "SP106",
        False,
    ),
    (
        "a replacement shipped today beside a removal asked 'in the meantime' is no price",
        "We can ship a replacement hopper today, and it would help us a great deal if the feedback could be removed in the meantime.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a tree sent again, and a review update left to the buyer once it arrives, buys nothing",
        "Nous vous avons réexpédié un olivier sans frais. Une fois qu'il sera arrivé, vous pourrez, si vous le souhaitez, mettre à jour votre commentaire.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a tree sent again with nothing asked in return",
        "Nous pouvons vous réexpédier un olivier sans frais dès lundi. Votre commentaire sur la fiche produit reste le vôtre : nous ne vous demandons rien en contrepartie.",
        "reply",
        "SP106",
        False,
    ),
    (
        "an insult with digits for letters (SP111)",
        "Only a m0ron would put a non-stick pan in a 500 degree oven and then blame the pan.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a draw for all who review by a German date, 'bis zum 31. Mai' no sentence end (SP106)",
        "Kleiner Anreiz: Alle, die bis zum 31. Mai eine Rezension zu ihrem Einkauf verfassen, nehmen automatisch an der Verlosung von drei Stirnlampen teil.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a spare part for whoever writes a rating, in German (SP106)",
        "Wer eine Bewertung schreibt, bekommt ein Ersatzteil gratis dazu.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "customers who write a rating get an answer, in German",
        "Kunden, die eine Bewertung schreiben, erhalten immer eine Antwort von uns.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "a reader's review comment and an improvement for all orders is no reward",
        "Many customers who left reviews mentioned the lid, so all orders from May on receive the improved silicone seal.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "customers who read the reviews are no reviewers",
        "Customers who read the reviews usually get the sizing right: the boots run half a size small.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "the same treatment for reviewers as for everyone, in Spanish",
        "Quienes dejan una reseña reciben el mismo trato y la misma garantía que los demás clientes.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "reviewers receive nothing, said plainly",
        "To be clear, customers who leave a review receive no discount, gift or refund from us.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a thank-you sent to everyone who reviewed is no reward",
        "We send a big thank-you to everyone who took the time to leave a review last month.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "a size change after feedback on the size buys nothing",
        "Thanks for your feedback about the size. If you'd like to change to a larger size, we'll send you a prepaid return label.",
        "reply",
        "SP106",
        False,
    ),
    (
        "an address updated after a review buys nothing, in Italian",
        "Grazie per la recensione. Se desidera modificare l'indirizzo di consegna, Le spediamo il ricambio domani.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a refund refused even if the feedback goes",
        "Sorry, but we can't do that: even if the feedback is removed, we can't give a refund for a personalised item.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a review change left to the buyer beside a replacement",
        "We'll ship your replacement today; if you later want to change your review, that's entirely up to you.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a spare seal for anyone who has reviewed the kettle (SP106)",
        "Anyone who has reviewed the kettle gets a spare lid seal in the post.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a discount for whoever rates the shop, in German (SP106)",
        "Wer uns bewertet, bekommt beim nächsten Einkauf 10 % Rabatt.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "the upgraded model sent in case the feedback goes (SP106)",
        "In case you decide to remove the feedback, I'd send you the upgraded model right away.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a cushion sent at once should the feedback go, in Italian (SP106)",
        "Qualora cancellasse il feedback, le spediamo subito il cuscino nuovo.",
        "reply",
        "SP106",
        True,
    ),
    # round 54 (fresh_fo): a polka dot and a German dot are prose, a tracking number said to be
    # the same is no phone, an app is the product's, a price the buyer would rather not keep is
    # their own cancel; digits said with commas, a review called slower, a buyer's care mocked
    (
        "a polka dot going on in prose is no web address",
        "The polka dot in navy is back in stock, as you asked.",
        "reply",
        "SP101",
        False,
    ),
    (
        "initials without a dot at the end, in German",
        "Bei der Bestellung haben Sie K.M.S angegeben, ohne Punkt am Ende.",
        "confirm_customization",
        "SP101",
        False,
    ),
    (
        "a tracking number said to be the same, in Spanish",
        "El número de seguimiento sigue siendo el mismo, 0476 2819 5530, y SEUR nos indica que el envío volverá a moverse mañana.",
        "unexpected_problem",
        "SP104",
        False,
    ),
    (
        "a phone said digit by digit with commas, in Spanish (SP104)",
        "Lo más rápido es que nos llame: seis, uno, cuatro – veintidós – treinta y ocho – cincuenta y uno.",
        "reply",
        "SP104",
        True,
    ),
    (
        "the account made in the product's own app",
        "Add the VoltBay service in the Google Home app and sign in with the account you created in our app.",
        "reply",
        "SP105",
        False,
    ),
    (
        "a review called the slower way, in French (SP114)",
        "Et si quelque chose vous a déçue, écrivez-nous ici : on règle ça entre nous bien plus vite qu'avec un commentaire.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "the buyer's own wish not to keep the order at its price",
        "If you'd rather not keep the order at the current price, you can still cancel it yourself from Your Orders.",
        "reply",
        "SP123",
        False,
    ),
    (
        "the seller's cancelling on its side, offered as a choice",
        "We can offer either a different colour sent today, or cancelling the order on our side with a full refund.",
        "unexpected_problem",
        "SP123",
        False,
    ),
    (
        "a glance the buyer did not give, mocked (SP111)",
        "Yours has a round barrel connector, which you'd have spotted if you'd looked at it for more than two seconds.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the listing to be read next time (SP111)",
        "You can return it through Your Orders like everyone else. Please read the listing next time.",
        "reply",
        "SP111",
        True,
    ),
    # ... guards: an order in the seller's app, a German web address spelled out, a phone after
    # a tracking number said to be the same, the seller's side named beside the buyer's cancel
    (
        "an order in the seller's own app (SP105)",
        "Order in our app next time and you get 10% off.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a German shop's address spelled out, going on (SP101)",
        "Visit meinshop punkt de for more colours.",
        "reply",
        "SP101",
        True,
    ),
    (
        "a phone after a tracking number said to be the same (SP104)",
        "The tracking number stays the same: ring me on 0476 281 955",
        "reply",
        "SP104",
        True,
    ),
    (
        "the buyer asked to cancel, the problem on the seller's side (SP123)",
        "Sorry, we can't ship it. Please cancel the order on your side; the problem is on our side.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    # round 55 (fresh_fp, fresh_fq): a review looked at again with its clitic, a refund that
    # waits for the feedback to go named two sentences back, Amazon's quantity discount and
    # Subscribe & Save explained
    (
        "a review to look at again, with its clitic, in Spanish (SP115)",
        "Cuando tengas un minuto, ¿podrías echarle un vistazo a la reseña que dejaste en la ficha del producto? Ahora que está solucionado, creemos que ya no refleja cómo suena el pedal.",
        "reply",
        "SP115",
        True,
    ),
    (
        "a refund once the feedback is confirmed gone, in Italian (SP106)",
        "Potrebbe per favore rimuovere il feedback negativo che ha lasciato? Per un piccolo negozio come il nostro è molto importante. Appena ci conferma che l'ha tolto, procediamo subito con il rimborso.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a refund once the parcel is confirmed, the feedback named before",
        "Ci dispiace per il feedback negativo. Appena ci conferma che il pacco è arrivato, procediamo con il rimborso.",
        "reply",
        "SP106",
        False,
    ),
    (
        "Amazon's quantity discount, explained",
        "We only sell through Amazon, but there's no need: the listing has a quantity discount that kicks in automatically at checkout (5% off from 10 cards, 8% from 20).",
        "reply",
        "SP113",
        False,
    ),
    (
        "Subscribe & Save ended when the buyer likes, in Spanish",
        "Sí, está en Suscríbete y ahorra. Puedes elegir la frecuencia y saltarte una entrega o cancelar la suscripción cuando quieras desde Tu cuenta.",
        "reply",
        "SP118",
        False,
    ),
    # ... guards from a review of rounds 54-55: an instruction to hold a button, a price the
    # seller cannot sell at, the seller's side named to refuse, a spelled Austrian address, a
    # comment at checkout, a count of packs, the quickest line after an order, the app for less
    (
        "a button held for two seconds is an instruction",
        "Press and hold the power button for more than two seconds until the LED flashes blue.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a price the seller cannot sell at, the buyer asked to cancel (SP123)",
        "We can't sell it at this price, so please cancel the order.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "the buyer asked to cancel, the seller's side refused (SP123)",
        "Could you please cancel the order yourself? Cancelling the order on our side would hurt our account.",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "an Austrian shop's address spelled out, going on (SP101)",
        "Besuchen Sie uns auf meinshop punkt at für mehr Farben.",
        "reply",
        "SP101",
        True,
    ),
    (
        "a comment at checkout is no review",
        "Customers who leave a comment at checkout with the recipient's name get a free handwritten card.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a count of packs said in words after a call",
        "Puede llamarnos cuando quiera. Los packs vienen de uno, dos, tres, doce y veinticuatro unidades.",
        "reply",
        "SP104",
        False,
    ),
    (
        "the quickest line after an order word (SP104)",
        "For anything about the order, the quickest is 0161 496 0000.",
        "reply",
        "SP104",
        True,
    ),
    (
        "filters for less in the seller's app (SP105)",
        "You can buy the replacement filters in our app for less.",
        "reply",
        "SP105",
        True,
    ),
    # round 56 (fresh_fr, fresh_fs): a new product landed on Amazon and paired with the buyer's,
    # the seller's site found by a search; guard: a parcel landed in the country
    (
        "a new cream landed on Amazon, paired with the serum (SP113)",
        "P.S. If you're enjoying the serum, keep an eye out: our new Peptide Eye Cream has just landed on Amazon and pairs beautifully with it.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "the seller's site found by a search (SP105)",
        "Search for Halcyra Skin: our site is the first result. Just pop your email into the box at the bottom of the homepage.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a parcel landed in the country is no launch",
        "Your parcel has just landed in the UK and is now with the local courier.",
        "unexpected_problem",
        "SP113",
        False,
    ),
    # round 57 (fresh_ft, fresh_fu): a warehouse a parcel ships from; a quote by email on the
    # seller's terms, an account with the seller, a group of reviewers in Italian and English, a
    # review "saying so", the seller's shop without Amazon's fees, writing first in German, five
    # little stars, thanks for shopping with nothing else in German; guards
    (
        "the warehouse a parcel ships from",
        "The packing slip goes out without prices. We ship direct from our warehouse either way.",
        "reply",
        "SP105",
        False,
    ),
    (
        "a quote sent by email on the seller's own terms (SP105)",
        "I've put together a quote at £38.90 per cartridge and sent it over to the purchasing address on your company letterhead, on our standard 30-day terms.",
        "reply",
        "SP105",
        True,
    ),
    (
        "an account with the seller instead of the marketplace, in German (SP105)",
        "Für Stammkunden richten wir gern ein Kundenkonto direkt bei uns ein, dann gibt es Staffelpreise und Sie müssen nicht jedes Mal über den Marktplatz bestellen.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a discount kept for whoever reviews, in Italian (SP106)",
        "Ci farebbe piacere leggere la sua opinione su Amazon: a chi ci lascia due righe di recensione riserviamo volentieri un 10% sul prossimo riordino.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a seal for those of you who review (SP106)",
        "Those of you who leave a review will receive a spare lid seal with your next order.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "the seller's shop, cheaper without fees, in German (SP105)",
        "Den Dachstein in Dunkelgrün gibt's aber bei uns direkt, dort ist er sogar ein paar Euro günstiger, weil keine Gebühren anfallen.",
        "reply",
        "SP105",
        True,
    ),
    (
        "write to the seller before a review, in German (SP114)",
        "Und falls Ihnen irgendwas nicht passt: lieber zuerst uns schreiben als gleich eine Bewertung.",
        "proactive",
        "SP114",
        True,
    ),
    (
        "five little stars from the pleased, in Italian (SP107)",
        "Se Le è piaciuto, due righe con cinque stelline su Amazon ci farebbero davvero felici.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "thanks for shopping and help offered, nothing else, in German (SP117)",
        "Liebe/r {{buyer_name}},\n\nherzlichen Dank, dass Sie bei einem kleinen Familienbetrieb aus dem Salzkammergut eingekauft haben. Das bedeutet uns wirklich viel!\n\nSollten Sie irgendwann Fragen zu [Product] haben, sind wir jederzeit gern für Sie da.\n\nHerzliche Grüße aus Bad Ischl",
        "proactive",
        "SP117",
        True,
    ),
    (
        "a reply promised to whoever writes, in Italian",
        "A chi ci scrive rispondiamo entro un giorno lavorativo.",
        "reply",
        "SP106",
        False,
    ),
    (
        "little stars on a baby's mobile",
        "Le stelline e la luna devono restare fuori dalla portata del bambino: almeno 40 cm sopra il materasso.",
        "proactive",
        "SP107",
        False,
    ),
    # ... guards from a review of rounds 56-57: a refund or an invoice now on Amazon, a tea that
    # pairs with milk, a search for a manual, a spare part in the seller's own stock, a clitic
    # for a parcel collected, a review of whatever the buyer thinks
    (
        "a refund now on Amazon, in German",
        "Ihre Erstattung über 24,90 € ist jetzt auf Amazon veranlasst.",
        "reply",
        "SP113",
        False,
    ),
    (
        "a tea that pairs with milk",
        "The Assam pairs beautifully with a splash of milk.",
        "reply",
        "SP113",
        False,
    ),
    (
        "a search for a manual",
        "If you google the model number with 'manual' you'll find the PDF from the maker.",
        "reply",
        "SP105",
        False,
    ),
    (
        "a spare part in the seller's own stock, in German",
        "Das Ersatzteil haben wir bei uns direkt im Lager, es geht heute noch raus.",
        "reply",
        "SP105",
        False,
    ),
    (
        "a parcel collected, a comment named before, in French",
        "Merci pour votre commentaire sur le retard. Le colis est au point relais depuis hier. Une fois que vous l'avez retiré, nous vous remboursons les frais de port.",
        "reply",
        "SP106",
        False,
    ),
    (
        "a review of whatever the buyer found",
        "Sorry the boots came up small. You're welcome to leave a review saying so, it helps other shoppers.",
        "reply",
        "SP107",
        False,
    ),
    # round 58 (fresh_fv, fresh_fw): an IMEI's blacklist check, five little stars and a boost,
    # telling it on Amazon, a box sent off once the feedback is withdrawn
    (
        "an IMEI checked on the blacklist",
        "We checked the IMEI before dispatch and again this morning; both times it came back clean on the blacklist check we run on every device.",
        "reply",
        "SP112",
        False,
    ),
    (
        "five little stars asked of the pleased, in French (SP107)",
        "Si l'histoire lui a plu, cinq petites étoiles sur Amazon nous donneraient un sacré coup de pouce.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "told on Amazon if the buyer is happy, in Spanish (SP107)",
        "Si está contento con su compra, ¿nos haría el favor de contarlo en Amazon?",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a box sent off once the feedback is withdrawn, in French (SP106)",
        "Nous pouvons vous renvoyer un coffret complet. Nous le ferons partir dès que vous aurez retiré l'évaluation négative laissée sur notre boutique.",
        "reply",
        "SP106",
        True,
    ),
    # round 59: "most customers manage to" alone is a reassurance, not a sneer
    (
        "most customers manage it, said to reassure (SP111)",
        "Don't worry, most customers manage to set it up in ten minutes with the quick-start guide.",
        "reply",
        "SP111",
        False,
    ),
    (
        "most people manage to find it, said with a picture (SP111)",
        "Most people manage to find the reset button on their own, but here is a photo showing where it sits.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a simple check called too much for the buyer (SP111)",
        "Have you tried reading the label on the back, or is that asking a bit much?",
        "reply",
        "SP111",
        True,
    ),
    (
        "what most customers manage, before complaining (SP111)",
        "Most customers manage to read the manual before complaining.",
        "reply",
        "SP111",
        True,
    ),
    # round 59: a refusal ends at its 'but'; the seller's name searched for with a price or a sale
    (
        "the shop found by a search after a refusal of links (SP105)",
        "We can't share links here, but if you google our brand name you'll find our shop with better prices.",
        "reply",
        "SP105",
        True,
    ),
    (
        "the shop found by a search after a refusal of links, in German (SP105)",
        "Leider können wir keine Links schicken, aber googeln Sie unseren Shopnamen, dort ist alles 10 % günstiger.",
        "reply",
        "SP105",
        True,
    ),
    (
        "the manual found by searching the brand (SP105)",
        "We can't attach the PDF here, but if you google our brand name and the model, the manual is the first result.",
        "reply",
        "SP105",
        False,
    ),
    (
        "Amazon's messages offered after a refusal of an address (SP105)",
        "We aren't able to share email addresses, but Amazon messages reach us directly, and we answer them 7 days a week.",
        "reply",
        "SP105",
        False,
    ),
    (
        "a refusal of an incentive before a plain request (SP106)",
        "We can't offer anything for a review, but we'd be grateful if you left one.",
        "review_request",
        "SP106",
        False,
    ),
    # round 59 (fresh_fx, fresh_fy): details passed on, a dispute made to follow the buyer, a rating
    # gone from the page, a review brought in line, a commission avoided, sneers that name no insult
    (
        "the buyer's details passed to the police as a rule (SP112)",
        "Where a buyer reports a parcel our carrier confirmed as delivered, we pass the buyer's name and address to the police in their area.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's photos hung up in a sellers' group, in Spanish (SP112)",
        "Si sigue adelante con la reclamación, colgaremos las fotos que nos envió, con su nombre y su dirección, en el grupo de vendedores.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's details doing the rounds of a trade group (SP112)",
        "We keep your name and address on file, and the sellers in our trade group compare notes on buyers who pull chargebacks.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the dispute made to follow the buyer (SP112)",
        "If it isn't withdrawn by Friday, we'll make sure this follows you: to Amazon and to your card issuer.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the number of the buyer's own police report, in Italian (SP112)",
        "Se ritiene che il pacco sia stato sottratto, può anche sporgere denuncia; il corriere di solito chiede il numero della denuncia.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a refund released when the 1-star comes off (SP116)",
        "Your refund of $38.00 is ready. It'll be released the moment that 1-star comes off our storefront.",
        "reply",
        "SP116",
        True,
    ),
    (
        "a rating gone from the page, in French (SP116)",
        "Dès que votre évaluation négative aura disparu de notre page vendeur, nous vous enverrons un second sérum.",
        "reply",
        "SP116",
        True,
    ),
    (
        "a product review no longer to be seen, in German (SP115)",
        "Die Erstattung ist vorbereitet. Sobald Ihre Rezension auf der Produktseite nicht mehr zu sehen ist, geben wir sie frei.",
        "reply",
        "SP115",
        True,
    ),
    (
        "a review brought in line with how things turned out (SP115)",
        "Would you mind going back to the review you wrote on the product page and bringing it in line with how things turned out?",
        "reply",
        "SP115",
        True,
    ),
    (
        "a gift once the review is published, in Spanish (SP106)",
        "Si te animas a contarnos qué te parecen en una reseña en Amazon, respóndenos cuando esté publicada y te mandamos a casa un bote de premios.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "Amazon's commission avoided by a direct invoice, in Spanish (SP105)",
        "Para cantidades así le sale mejor que nos escriba y se lo facturamos directamente, sin la comisión de Amazon.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a quick message first, before a verdict in public (SP114)",
        "Should anything fall short, a quick message to us first gives us the chance to put it right before you share your verdict publicly.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "the task beyond the buyer, explained more slowly (SP111)",
        "Step 4 of the manual shows exactly this. If it's still beyond you after that, we'll try explaining it even more slowly.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the claim called a trick seen before (SP111)",
        "We've seen this trick more than a few times, so forgive us for not playing along. No refund.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a trick for the buyer to try (SP111)",
        "Here's a trick worth trying before you send it back: hold the button for ten seconds.",
        "reply",
        "SP111",
        False,
    ),
    (
        "the state of the buyer's wall asked about (SP111)",
        "Could you tell us a little about the state of your wall? Plaster needs different plugs than brick.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a 5-star review the seller read before buying stock (SP116)",
        "The 5-star reviews from our testers were what sold us on the supplier, so we understand your disappointment.",
        "reply",
        "SP116",
        False,
    ),
    # round 59's review: probes of the first version's phrases and of a 'but' read everywhere
    (
        "an apology that explains more slowly (SP111)",
        "Sorry, that was confusing. Let me explain it more slowly, step by step.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a trick for folding a stroller (SP111)",
        "Have you seen this trick for folding the stroller? Press both side buttons at once.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a photo asked for, with a polite 'too much' (SP111)",
        "Could you send a photo of the label, or is that asking too much right now? No worries if not.",
        "reply",
        "SP111",
        False,
    ),
    (
        "someone who does electrical work (SP111)",
        "If you're not confident with wiring, get someone who actually does electrical work to install it.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a drone set to follow the buyer (SP112)",
        "To make sure it follows you, switch the drone to Follow Me mode before take-off.",
        "reply",
        "SP112",
        False,
    ),
    (
        "air left to circulate, the guide online (SP112)",
        "Open the window to let the air circulate while it dries; the full guide is online. We'll send the spare to your address.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a scam warning after a 'never' (SP105)",
        "We'd never ask for this, but scammers may ask you to pay via PayPal or bank transfer. Please ignore them.",
        "reply",
        "SP105",
        False,
    ),
    (
        "copies on eBay after 'we only sell on Amazon' (SP105)",
        "We only sell on Amazon, but someone is selling copies of our lamp on eBay.",
        "reply",
        "SP105",
        False,
    ),
    (
        "the courier's team contacted after a 'can't' (SP112)",
        "We can't see who signed for it, but we'll contact the courier's loss prevention team and get back to you.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a quick message before dispatch, reviews welcome (SP114)",
        "If you'd like a different colour, just send a quick message to us before we dispatch. Reviews are welcome any time after delivery.",
        "review_request",
        "SP114",
        False,
    ),
    (
        "a refund through after a return, feedback welcome (SP106)",
        "Return the item and your refund goes through in 2 days; your feedback helps us improve.",
        "reply",
        "SP106",
        False,
    ),
    (
        "the review page revisited to add photos (SP115)",
        "If you go back to the review page in Your Orders you can add photos, but that's entirely optional.",
        "reply",
        "SP115",
        False,
    ),
    # round 60 (fresh_fz, fresh_ga): a question of the product's success, then 'Then'; a gift for
    # every review; a complaint settled before it lands in a review; a difference the buyer settles
    (
        "a short question of the product's success, then 'Dann', in German (SP107)",
        "Hat die Hülle Sie überzeugt? Dann würden wir uns riesig freuen, wenn Sie das in einer kurzen Rezension auf Amazon erzählen.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "the tea liked, then 'Dann', in German (SP107)",
        "Hat er Ihnen geschmeckt? Dann würden wir uns freuen, wenn Sie das anderen Teefreunden in einer Rezension auf Amazon verraten.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "how the tea tasted, asked in a review request (SP107)",
        "Wenn Sie einen Moment Zeit haben, schreiben Sie gern eine Rezension: wie er Ihnen geschmeckt hat, wie Sie ihn zubereiten.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "all five asked for, the number alone, in Spanish (SP107)",
        "Somos un taller pequeño y cada estrellita cuenta: si pudiera dejarnos las cinco en su reseña de Amazon, nos haría un favor enorme.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a donation for every review (SP106)",
        "This spring we're supporting school gardens: for every review of our tools posted before 30 April, we'll give £2 to the growing club.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a book given for each review, in Spanish (SP106)",
        "Este mes, por cada reseña que recibamos de nuestros libros en Amazon, regalamos un ejemplar a la biblioteca infantil del hospital.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "every review read, nothing given (SP106)",
        "For every review we receive, someone on our small team reads it and passes it to the workshop.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "free pages once a review is written (SP106)",
        "Little treat on offer: once you've written a review on Amazon, send us a quick message and we'll reply with printable colouring pages, free.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a complaint settled before it lands in a review, in German (SP114)",
        "Sollte mit Ihrer Kerze etwas nicht stimmen, klären wir das am liebsten direkt mit Ihnen, bevor es in einer Rezension landet.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "the need to write first denied (SP114)",
        "You don't need to get in touch with us before writing a review, and you're free to review even if something went wrong.",
        "review_request",
        "SP114",
        False,
    ),
    (
        "the difference settled by the buyer, in Italian (SP108)",
        "Il modello da 45 cm costa 14 € in più: appena ci conferma che ci salda la differenza, prepariamo il pacco.",
        "reply",
        "SP108",
        True,
    ),
    # round 60's review: probes of the first version's phrases
    (
        "comments given to the design team after a review (SP106)",
        "Please leave an honest review and we'll give every comment to our design team.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "every review read, a replacement always available (SP106)",
        "For every review we receive we check whether the description needs to be clearer; a replacement is always available if something is wrong.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "a donation made whatever the buyer does (SP106)",
        "We donate 1% of every sale to reforestation, and once your order arrives we'd love your honest review.",
        "review_request",
        "SP106",
        False,
    ),
    (
        "the size told to the buyer's team (SP107)",
        "If you're happy with the fit, then please tell other members of your team which size you took.",
        "reply",
        "SP107",
        False,
    ),
    (
        "five boxes left at the post office, in Spanish (SP107)",
        "Puede dejarnos las cinco cajas en Correos y, si lo desea, una reseña sincera más adelante.",
        "reply",
        "SP107",
        False,
    ),
    (
        "a tester convinced, in German (SP107)",
        "Unsere Produkttesterin prüft jede Hülle selbst; nur wenn sie überzeugt ist, kommt die Hülle ins Sortiment. Eine ehrliche Rezension freut uns.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "a recall not public yet, reviews welcome (SP114)",
        "We'd rather not comment on the recall before anything goes public, but we'll email you first. Your review is of course welcome.",
        "reply",
        "SP114",
        False,
    ),
    (
        "no need for a review, a message first (SP114)",
        "No need to leave a review — just message us first.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "a contact first, with a 'never' after (SP114)",
        "Please contact us before leaving a review; we never ignore a message.",
        "review_request",
        "SP114",
        True,
    ),
    # round 61 (fresh_gb, fresh_gc): money and templates
    (
        "an acronym, a dot and a sentence run together (SP101)",
        "I've uploaded the VAT invoice just now, it shows the £8.33 VAT.It should appear under Your Orders within a few minutes.",
        "reply",
        "SP101",
        False,
    ),
    (
        "a site in capitals (SP101)",
        "All our spare parts are on LAMPEN.It and MYSHOP.De, have a look.",
        "reply",
        "SP101",
        True,
    ),
    (
        "five little stars if the buyer feels like it, in Italian (SP107)",
        "Se poi le va di lasciarci cinque stelline sulla pagina del prodotto, ci farebbe piacere.",
        "reply",
        "SP107",
        True,
    ),
    (
        "the rest of a refund held for the review (SP106)",
        "The other half of the refund will follow as soon as your thoughts on it are up on the product page.",
        "reply",
        "SP106",
        True,
    ),
    (
        "cash for the delivery crew, in French (SP108)",
        "La montée n'est pas comprise dans le tarif : merci de prévoir 30 € à remettre aux livreurs à leur arrivée.",
        "confirm_delivery",
        "SP108",
        True,
    ),
    (
        "a parcel to hand to the crew, in French (SP108)",
        "Merci de prévoir 30 minutes pour le montage et de préparer le colis à remettre aux livreurs.",
        "confirm_delivery",
        "SP108",
        False,
    ),
    (
        "put on the mailing list by a reply (SP105)",
        "Every month we write a short letter with care tips. If you'd like it, just let us know and we'll put you on the mailing list.",
        "proactive",
        "SP105",
        True,
    ),
    (
        "a newsletter on the site, no more than monthly, in French (SP105)",
        "Inscrivez-vous à notre lettre d'information sur notre site : un courriel par mois, pas plus.",
        "warranty",
        "SP105",
        True,
    ),
    (
        "the rest of a split delivery beside a review (SP106)",
        "Thanks for your review! The other 2 will follow tomorrow; the rest will follow on Friday.",
        "reply",
        "SP106",
        False,
    ),
    # round 62 (fresh_gd, fresh_ge): a question of success answered by 'Then', the 'gram, gifts once
    # a review is seen, a reward left unnamed, the buyer asked to cancel it themselves
    (
        "a goal reached, asked at length, then 'Dann', in German (SP107)",
        "Haben Sie damit Ihr Trainingsziel geknackt - mehr Kraft, eine neue Bestleistung oder endlich die Kilos runter? Dann erzählen Sie doch anderen davon und schreiben Sie eine Rezension auf Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a question then 'Then' with no review (SP107)",
        "Is everything working well? Then you're all set. Reviews help other buyers.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "Instagram by its nickname, a follow tapped (SP105)",
        "We put up short form-check clips every week - just search ironpeak_lifts on the 'gram and tap follow.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a gift once the review is seen published, in Spanish (SP106)",
        "Nos ayudaría mucho que dejara una reseña del producto en Amazon. Y un detalle: en cuanto la vea publicada, respóndanos con una captura y le mandamos de regalo nuestro shaker.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "a reward left unnamed (SP106)",
        "Once you've had a chance to put your thoughts up on the product page, give us a shout here and we'll make it worth your while.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a gift once two lines appear, in Italian (SP106)",
        "Abbiamo messo da parte un piccolo set: glielo spediamo volentieri non appena vediamo comparire due righe sue sulla pagina del prodotto.",
        "reply",
        "SP106",
        True,
    ),
    (
        "the buyer asked to cancel it themselves, in Spanish (SP123)",
        "La motosierra se nos ha quedado sin stock. ¿Nos harías el favor de anularlo tú desde «Mis pedidos»?",
        "unexpected_problem",
        "SP123",
        True,
    ),
    (
        "satisfied or disappointed, then 'Allora', in Italian (SP107)",
        "È soddisfatto o deluso? Allora lo scriva in una recensione onesta.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "happy or had problems, then 'Allora', in Italian (SP107)",
        "È contento del prodotto o ha avuto problemi? Allora lo racconti in una recensione.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "goals hit, then 'Then' (SP107)",
        "Did you hit your goals with the plan? Then tell other shoppers about it in a review!",
        "review_request",
        "SP107",
        True,
    ),
    # round 63 (fresh_gf, fresh_gg): a Spanish mobile to message, a postal item's number, stars
    # wished for on Amazon, praise asked in German, a delivery in the letterbox, a claim called a
    # known lie, money back once a review is gone, the buyer's own police report in German
    (
        "a Spanish mobile the buyer is asked to message (SP104)",
        "claro! si te es más fácil, mándame un mensaje al 612 48 93 07 y te paso la prueba",
        "reply",
        "SP104",
        True,
    ),
    (
        "the courier will message the buyer's own mobile, in Spanish (SP104)",
        "El repartidor de SEUR le mandará un mensaje al 612 48 93 07, el número que usted indicó.",
        "reply",
        "SP104",
        False,
    ),
    (
        "a postal item's number whose digits look like a phone's (SP104)",
        "The Royal Mail Special Delivery number is XK 0192 3317 4GB, delivered 7 March at 10:21.",
        "reply",
        "SP104",
        False,
    ),
    (
        "a phone number between two short words, however the check digit falls (SP104)",
        "Llámame al 612 48 93 07 ya mismo y lo vemos.",
        "reply",
        "SP104",
        True,
    ),
    (
        "five stars wished for on Amazon, in words of delight (SP107)",
        "If it made you smile, we'd be over the moon if you gave it a full five-star shout-out on Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a product's five-star rating beside a wish to help (SP107)",
        "The lamp has a full five-star energy rating; we'd be stoked to help with any question.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "words of praise asked of the buyer whose expectations were met, in German (SP107)",
        "Falls alles Ihren Erwartungen entsprochen hat, würden wir uns sehr über ein paar lobende Worte auf Amazon freuen.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "praise or criticism, either welcome, in German (SP107)",
        "Wir würden uns über Ihre ehrliche Bewertung freuen – ob lobende Worte oder Kritik, alles hilft uns weiter.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "an order put in the letterbox, told unasked, in French (SP110)",
        "Bonjour, bonne nouvelle : votre commande a été déposée ce matin dans votre boîte aux lettres. Bonne journée",
        "proactive",
        "SP110",
        True,
    ),
    (
        "the buyer told they know the parcel arrived, in Spanish (SP111)",
        "Mire, los dos sabemos perfectamente que ese paquete llegó. El repartidor lo entregó en mano.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer told kindly they know where to find us (SP111)",
        "You know perfectly well where to find us if anything comes up.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a late parcel both sides know of, with an apology (SP111)",
        "We both know perfectly well that the parcel arrived late, and we're sorry about that.",
        "reply",
        "SP111",
        False,
    ),
    (
        "the money back once the review comes off (SP106)",
        "hey Tyler, if that review comes off the listing I'll get the full $42 back to you today, no return needed.",
        "reply",
        "SP106",
        True,
    ),
    (
        "the money back beside thanks for a review (SP106)",
        "Thank you for your review. I'll get the full £42 back to you today and send a new one free of charge.",
        "reply",
        "SP106",
        False,
    ),
    (
        "the buyer's own police report, the buyer the subject, in German (SP112)",
        "Wenn Sie vermuten, dass es gestohlen wurde, können Sie bei der Polizei Anzeige erstatten; das Aktenzeichen hilft Amazon.",
        "reply",
        "SP112",
        False,
    ),
    (
        "the seller's police report against the buyer, in German (SP112)",
        "Wir haben Beweise gesichert, mit denen wir gegen Sie bei der Polizei Anzeige erstatten können.",
        "reply",
        "SP112",
        True,
    ),
    # round 64 (fresh_gh, fresh_gi): a maker's national service desk, a courier's collection
    # label, a transfer asked in advance, the price in the seller's own shop, a booking held
    (
        "a maker's national desk on its toll-free line, in Italian (SP104)",
        "Il prodotto ha 2 anni di garanzia: il numero verde dell'assistenza TORVIK Italia è 800 912 417.",
        "reply",
        "SP104",
        True,
    ),
    (
        "a shop named with its country in a signature (SP104)",
        "Kind regards,\nTom\nBrightshop UK\nTel: 0203 123 4567",
        "reply",
        "SP104",
        True,
    ),
    (
        "the amount transferred in advance, bank details to follow, in German (SP108)",
        "Für die Abholung müssen wir Ihnen 14,90 € berechnen. Bitte überweisen Sie den Betrag vorab; die Bankverbindung schicke ich Ihnen gleich.",
        "reply",
        "SP108",
        True,
    ),
    (
        "a transfer warned against, in German (SP108)",
        "Der Zoll verlangt 18 € Einfuhrumsatzsteuer? Überweisen Sie den Betrag bitte nicht, wir klären das mit DHL.",
        "reply",
        "SP108",
        False,
    ),
    (
        "the lower price in the seller's own shop, in French (SP105)",
        "Sur Amazon il est à 9,90 €, mais vous le paierez 6,50 € port compris sur notre boutique.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a repair booking released once the feedback is gone (SP106)",
        "I can get the UPS collection booked for you today. Once the negative feedback has been taken down I'll release the booking straight away.",
        "reply",
        "SP106",
        True,
    ),
    (
        "a refund released when the return arrives (SP106)",
        "We'll release the refund as soon as the return arrives. Thanks for your feedback!",
        "reply",
        "SP106",
        False,
    ),
    # round 65 (fresh_gj, fresh_gk): Amazon's Vine label, an Italian threat, a complaint taken
    # public, stars nudged to five, a review that would help other shoppers
    (
        "Amazon's Vine label explained (SP106)",
        'A few reviews are marked "Vine Customer Review of Free Product": those come from Amazon\'s own Vine programme, where Amazon picks the reviewers.',
        "reply",
        "SP106",
        False,
    ),
    (
        "the buyer's name reported to the authorities, in Italian (SP112)",
        "Se aprirà il reclamo, saremo costretti a segnalare il Suo nominativo alle autorità competenti.",
        "reply",
        "SP112",
        True,
    ),
    (
        "come to us first, no need to take it public (SP114)",
        "If anything's not right with the wallet, come to us first and we'll make it right, so there's no need to take it public.",
        "reply",
        "SP114",
        True,
    ),
    (
        "the stars nudged up until five (SP107)",
        "While you're editing it, would you consider nudging the stars up a notch? We'd be so grateful if it ended up at five.",
        "reply",
        "SP107",
        True,
    ),
    (
        "a review request sent as an unexpected problem, in Italian (SP124)",
        "Il bollitore dovrebbe esserle arrivato. Se ha qualche minuto, una sua recensione sul prodotto su Amazon sarebbe utile a chi deve ancora scegliere.",
        "unexpected_problem",
        "SP124",
        True,
    ),
    # round 66 (fresh_gl, fresh_gm): a number said in pairs between slashes, 'on us' in Spanish, a
    # buyer's data passed to a traders' association, a feedback request that says it insists, a
    # sneer about reading
    (
        "a French number said in pairs between slashes (SP104)",
        "Le plus simple est de lui écrire sur WhatsApp : zéro six / douze / quarante-huit / quatre-vingt-dix-sept / trente-trois, de notre part.",
        "reply",
        "SP104",
        True,
    ),
    (
        "sizes listed with slashes are no number (SP104)",
        "Les tailles disponibles : zéro / deux / quatre / six / huit / dix.",
        "reply",
        "SP104",
        False,
    ),
    (
        "free shipping on the next order once the review is up, in Spanish (SP106)",
        "¿Nos dejaría su opinión en Amazon? En cuanto la veamos publicada, el envío de su próximo pedido con nosotros corre de nuestra cuenta.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "return postage on us, in Spanish (SP106)",
        "Puede devolver la alfombra sin problema: el envío de la devolución corre de nuestra cuenta.",
        "reply",
        "SP106",
        False,
    ),
    (
        "the buyer's data passed to a traders' association, in German (SP112)",
        "Bei eingebauten Teilen, die zurückkommen, geben wir Ihre Daten an die Händlergemeinschaft weiter. Überlegen Sie also gut, ob Sie das wirklich möchten.",
        "reply",
        "SP112",
        True,
    ),
    (
        "a feedback change asked again with 'perdone que vuelva a sacar el tema' (SP116)",
        "Perdone que vuelva a sacar el tema, pero ¿podría cambiar su valoración? Ya le hemos reembolsado.",
        "reply",
        "SP116",
        True,
    ),
    (
        "reading said to tire the buyer more than angry messages, in Italian (SP111)",
        "La misura era scritta ovunque. Evidentemente leggere è più faticoso che scrivere messaggi arrabbiati.",
        "reply",
        "SP111",
        True,
    ),
    # round 67 (fresh_gn, fresh_go): a launch and a debt collection letter that are neither
    # promotion nor threat, the chance asked for first in Italian, a debt collection service, stars 'corrected', a rating changed to a 5 for money, a
    # refund that waits for the courier's scan beside a feedback invitation
    (
        "another product to look up in the Amazon search bar (SP113)",
        "This month we brought out the VoltSZ MagStand 3-in-1 stand. Just type VoltSZ MagStand in the Amazon search bar to see it.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "a returns portal launched last month is no product's promotion (SP113)",
        "We launched a new returns portal last month, so you can now print the return label yourself.",
        "reply",
        "SP113",
        False,
    ),
    (
        "a scam letter about debt collection is no threat (SP112)",
        "The debt collection letter you received is a scam, please ignore it. We will never ask you for money outside Amazon.",
        "reply",
        "SP112",
        False,
    ),
    (
        "the chance asked for first, then no need to speak publicly, in Italian (SP114)",
        "Ci farebbe piacere leggere la Sua opinione sul prodotto su Amazon. Se però qualcosa non va, ci dia prima l'occasione di sistemare le cose qui nei messaggi, così non serve esprimersi pubblicamente in modo negativo.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "a balance passed to a debt collection service (SP112)",
        "Please settle this balance within 10 days. Balances still open after that date are passed to an external debt collection service.",
        "proactive",
        "SP112",
        True,
    ),
    (
        "the star rating on a product review 'corrected' (SP115)",
        "Since the problem is solved now, kindly help us correct the star rating on your earbuds review, the 1 star make our product page very hard.",
        "reply",
        "SP115",
        True,
    ),
    (
        "a seller rating changed to a 5 for £8 more (SP116)",
        "Glad it came through, Megan! There's actually a further £8 we can add on top. We'd just need that 1-star seller rating changed to a 5 before the weekend. As soon as it's updated I'll send the £8 over.",
        "reply",
        "SP116",
        True,
    ),
    (
        "a refund that waits for the courier's scan, feedback left to the buyer (SP106)",
        "You'll get a full refund either way. None of that depends on feedback; please leave whatever feedback reflects your experience.\n\nThe refund for the stand will go out as soon as the courier scans your return.",
        "reply",
        "SP106",
        False,
    ),
    # round 68 (fresh_gp, fresh_gq): a turn from the answer to a launch in Italian, the chance
    # asked for first in German, a product review gone over again in French, 'give us a follow' in
    # Spanish (not an app's 'Seguir' button)
    (
        "'while you're writing to me', then a launch, in Italian (SP113)",
        "Sì, i binari sono compatibili con Brio.\n\nE già che mi scrive: abbiamo appena lanciato una cucina giocattolo in legno, ci dia un'occhiata!",
        "reply",
        "SP113",
        True,
    ),
    (
        "the chance asked for first, before sharing impressions publicly, in German (SP114)",
        "Sollte Ihnen irgendetwas daran nicht zusagen, geben Sie uns bitte zuerst die Chance, das mit Ihnen zu klären, bevor Sie Ihre Eindrücke öffentlich auf Amazon teilen.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "a product review gone over again once the replacement arrives, in French (SP115)",
        "Une fois qu'il sera arrivé, ce serait adorable de votre part de repasser sur votre commentaire de la fiche produit pour qu'il corresponde à la situation d'aujourd'hui.",
        "reply",
        "SP115",
        True,
    ),
    (
        "a whole collection to discover in the Amazon store, in Italian (SP113)",
        "Grazie per il suo ordine. Scopra tutta la nostra collezione nel nostro negozio Amazon.",
        "proactive",
        "SP113",
        True,
    ),
    (
        "'give us a follow' on TikTok, in Spanish (SP105)",
        "¡Danos un follow en TikTok y no te pierdas nada!",
        "proactive",
        "SP105",
        True,
    ),
    (
        "'dale a Seguir envío', a button in the Amazon app, in Spanish (SP105)",
        "Para ver dónde está su paquete, abra la app de Amazon, toque el pedido y dale a 'Seguir envío'.",
        "reply",
        "SP105",
        False,
    ),
    # round 69 (fresh_gr, fresh_gs): 'not naive' said kindly, a shared record of buyers, a review
    # made needless, feedback gone from the profile
    (
        "'we're not naive about returns', said kindly (SP111)",
        "Hi Sam, we're not naive about how hard returns can be, so we made them free: the label is attached.",
        "reply",
        "SP111",
        False,
    ),
    (
        "the buyer's name entered in a list kept with other shoe sellers, in German (SP112)",
        "Wir gleichen Kundenkonten mit einer Liste ab, die wir gemeinsam mit befreundeten Schuhhändlern führen, und haben Ihren Namen samt Bestellhistorie dort eingetragen.",
        "reply",
        "SP112",
        True,
    ),
    (
        "the buyer's name added to a record shared with other sellers (SP112)",
        "A handful of independent clothing sellers keep a shared record of buyers with this pattern, and your name and order history have now been added to it.",
        "reply",
        "SP112",
        True,
    ),
    (
        "come here first, so the review becomes needless, in Italian (SP114)",
        "Un consiglio da amici: prima di scrivere qualcosa sulla vestibilità nella pagina del prodotto, passa sempre da qui. Troviamo sempre una soluzione, e così la recensione diventa superflua.",
        "reply",
        "SP114",
        True,
    ),
    (
        "a refund unlocked once the feedback is gone from the profile, in Italian (SP116)",
        "Il rimborso di 45,00 € è già pronto. Lo sblocchiamo non appena quel feedback da una stella sparisce dal nostro profilo venditore.",
        "reply",
        "SP116",
        True,
    ),
    (
        "'since you write to us', then the refund confirmed, in Spanish (SP113)",
        "Ya que nos escribe, le confirmo que el reembolso de 12,90 € salió ayer.",
        "reply",
        "SP113",
        False,
    ),
    # the repeat markers that speak of asking are vocabulary data (`asks_again`), in four more
    # languages' verbs of asking again
    (
        "a feedback change asked again with 'nous vous redemandons', after a refund (SP116)",
        "Le remboursement a été effectué hier. Nous vous redemandons donc, gentiment, de bien vouloir modifier votre évaluation vendeur.",
        "reply",
        "SP116",
        True,
    ),
    # round 70 (fresh_gt, fresh_gu): four stars said as a word, a rating brought back up, a
    # review 'auf den neuen Stand gebracht', the YouTube channel after 'sul', a customs balance
    # to settle, news of the order that is no range news, 'wären Sie so nett'
    (
        "feedback to go back up to at least four stars (SP107)",
        "We'd love to see your feedback go back up to at least four stars.",
        "reply",
        "SP107",
        True,
    ),
    (
        "feedback to go back up to at least four stars (SP116)",
        "We'd love to see your feedback go back up to at least four stars.",
        "reply",
        "SP116",
        True,
    ),
    (
        "a voucher once the review is brought up to date, in German (SP115)",
        "Einen Gutschein über 15 € schicken wir gern, sobald Ihre Rezension auf der Produktseite auf den neuen Stand gebracht ist.",
        "reply",
        "SP115",
        True,
    ),
    (
        "the shop's YouTube channel after 'sul', in Italian (SP105)",
        "Sul nostro canale YouTube trova anche un video di due minuti che lo mostra passo passo.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a customs balance to settle with the driver, in French (SP108)",
        "Le complément à régler s'élève à 14,20 €. Vous pourrez le remettre directement au livreur.",
        "proactive",
        "SP108",
        True,
    ),
    (
        "no customs balance to settle, in French (SP108)",
        "Les droits de douane ont été payés à la commande : aucun complément à régler à la livraison.",
        "proactive",
        "SP108",
        False,
    ),
    (
        "news of the order, not of the range, in Spanish (SP113)",
        "Tu pedido ya está en nuestras manos. En cuanto haya novedades te contamos.",
        "proactive",
        "SP113",
        False,
    ),
    (
        "seller feedback taken out 'vorab', asked 'wären Sie so nett' (SP116)",
        "Wir prüfen gerade, wie es dazu kam. Wären Sie so nett, die Verkäuferbewertung vorab schon einmal herauszunehmen?",
        "reply",
        "SP116",
        True,
    ),
    (
        "sizes counted in French, no number said in pairs (SP104)",
        "Le modèle existe en tailles zéro, un / deux / trois / quatre et cinq, selon l'âge de l'enfant.",
        "reply",
        "SP104",
        False,
    ),
    # round 71 (fresh_gv, fresh_gw): a review parked or held, sarcasm no kind message says, a
    # sellers' network comparing notes, a check-in note, a parcel on the van, an order 'eingetrudelt'
    (
        "the review parked until the charger arrives (SP114)",
        "Totally fair to be annoyed. The charger ships today. Could you park the review for a week or so? Once everything works you'll be in a better position to say how it went.",
        "reply",
        "SP114",
        True,
    ),
    (
        "the review held until the wardrobe stands, in German (SP114)",
        "Neuer Termin: Mittwoch zwischen 8 und 12 Uhr. Mit der Rezension würden wir Sie bitten, noch zu warten, bis der Schrank steht.",
        "reply",
        "SP114",
        True,
    ),
    (
        "the listing not read, 'reading is a lot to ask' (SP111)",
        "The listing says 38 kg in three places, but we appreciate that reading is a lot to ask before clicking Buy Now.",
        "reply",
        "SP111",
        True,
    ),
    (
        "most customers manage, 'but there's always one' (SP111)",
        "Most of our customers manage to tell left from right on the first attempt, but there's always one. Swap the runners over.",
        "reply",
        "SP111",
        True,
    ),
    (
        "'on commence à connaître la chanson' of a missing part (SP111)",
        "C'est la deuxième fois en un an qu'un accessoire disparaît de vos commandes. On commence à connaître la chanson.",
        "reply",
        "SP111",
        True,
    ),
    (
        "'your name will come up' among sellers comparing notes (SP112)",
        "We're part of a network of independent sellers who compare notes on buyers with a history of disputes. Your name will come up.",
        "reply",
        "SP112",
        True,
    ),
    (
        "'just checking it arrived', in German (SP117)",
        "Hallo Frau Keller,\n\nwollte nur kurz nachhören, ob die Leinenkissen gut bei Ihnen angekommen sind und Ihnen gefallen. Falls irgendwas nicht passt, melden Sie sich einfach jederzeit bei uns!\n\nLiebe Grüße\nMaggie",
        "proactive",
        "SP117",
        True,
    ),
    (
        "the parcel 'hopped into the Royal Mail van' (SP110)",
        "Great news - your velvet cushions hopped into the Royal Mail van about ten minutes ago! Should be with you Thursday.",
        "proactive",
        "SP110",
        True,
    ),
    (
        "the order 'bei uns eingetrudelt', in German (SP109)",
        "Ihre Bestellung ist gestern Abend bei uns eingetrudelt – vielen Dank! Die Geschirrtücher werden gerade verpackt.",
        "proactive",
        "SP109",
        True,
    ),
    (
        "nothing to be had for a review, in German (SP113)",
        "Wenn Sie mögen, schreiben Sie eine Bewertung auf Amazon. Für eine Bewertung gibt es bei uns keine Gegenleistung.",
        "review_request",
        "SP113",
        False,
    ),
    (
        "the buyer's orders 'chez nous', in French (SP105)",
        "C'est la deuxième fois qu'un accessoire manque dans vos commandes chez nous ; nous vérifions le stock.",
        "reply",
        "SP105",
        False,
    ),
    (
        "a review 'retocada' for 15 %, in Spanish (SP106)",
        "Si ahora que está todo resuelto se anima a retocar la reseña, nos gustaría compensarle con un 15 % del importe, que le devolveríamos en cuanto veamos el cambio.",
        "reply",
        "SP106",
        True,
    ),
    # round 72 (fresh_gx, fresh_gy): gating in new words, all good as the review's condition, a
    # new product beside the request, the shop's WhatsApp channel, a spelling note in an address
    (
        "a let-down sent to the seller first, in French (SP114)",
        "Un souci avec votre produit ? Écrivez-nous d'abord : on préfère régler ça entre nous plutôt que de le voir apparaître sur la fiche produit.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "'give us the first shot' when it did not live up to expectations (SP114)",
        "One request though: if the wash didn't live up to expectations, give us the first shot at making it right by replying here - we'd hate for a fixable issue to end up as someone's review.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "'if it's all good', a review (SP107)",
        "It's been a week since your cleanser arrived. And if it's all good, we'd appreciate a review on Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "'tell other shoppers what you loved most' (SP107)",
        "Head to Amazon and tell other shoppers what you loved most - the texture, the scent, that glow.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a new product beside a review request, 'take a peek at our' (SP113)",
        "We'd value your honest review on Amazon. While you're there, take a peek at our brand-new Ceramide Moisturiser.",
        "review_request",
        "SP113",
        True,
    ),
    (
        "'our brand-new warehouse' is no promotion (SP113)",
        "Our brand-new warehouse in Leeds ships faster, so the replacement should arrive Thursday.",
        "reply",
        "SP113",
        False,
    ),
    (
        "the shop's WhatsApp channel, in Spanish (SP105)",
        "Todavía no tenemos fecha exacta. Lo anunciamos siempre primero en nuestro canal de WhatsApp.",
        "reply",
        "SP105",
        True,
    ),
    (
        "an address spelled out with a note '(all one word)' (SP103)",
        "Shoot us an email at hello at ironpeakstrength (all one word) dot com and we'll send the chart.",
        "reply",
        "SP103",
        True,
    ),
    (
        "a let-down 'no ha salido como esperabas' is no shipping notice (SP110)",
        "Puedes dejar tu reseña en Amazon cuando quieras. Si algo no ha salido como esperabas, escríbenos y lo arreglamos.",
        "review_request",
        "SP110",
        False,
    ),
    (
        "particles inside a gating phrase: 'uns doch erst hier die Chance' (SP114)",
        "Eine Bitte noch: Bevor Sie Ihre Eindrücke öffentlich auf Amazon teilen, geben Sie uns doch erst hier die Chance, etwaige Macken zu beheben. Und natürlich freuen wir uns über Ihre Rezension.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "the item perfect as the review's condition (SP107)",
        "If it turned out to be perfect for your little one, please leave a review on Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "the buyer proud of what they made as the review's condition, in Spanish (SP107)",
        "Si estás orgullosa de tu primera vela, déjanos una reseña en Amazon.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "'less than perfect' is a problem sent to the seller, not delight (no SP107)",
        "Before you head over to the review section, drop us a line if anything arrived less than perfect, so we can put it right first.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "'qu'il soit élogieux ou critique' welcomes any review (no SP107)",
        "Si vous avez un moment, un avis sur la page du produit aiderait d'autres acheteurs, qu'il soit élogieux ou critique.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "German 'Mist' of dismay is no insult (no SP111)",
        "Hallo Frau Kessler,\n\nMist, das tut mir leid – auf den Fotos sieht man die Delle gut. Wir schicken Ihnen ein neues Exemplar.",
        "reply",
        "SP111",
        False,
    ),
    (
        "'so einen Mist' said of the buyer's words is (SP111)",
        "Lesen Sie die Anleitung, bevor Sie so einen Mist schreiben.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a waybill with its carrier named after the word is no phone (SP104)",
        "La spedizione della sua motozappa (lettera di vettura BRT 0412 5598 0031) è ferma a Bologna.",
        "unexpected_problem",
        "SP104",
        False,
    ),
    (
        "the buyer advised to file a police complaint, in French (no SP112)",
        "Si votre boîte aux lettres a été forcée, nous vous conseillons de porter plainte auprès du commissariat.",
        "reply",
        "SP112",
        False,
    ),
    (
        "a 'before' that governs a return still gates beside a review in its sentence (SP114)",
        "Please do not leave negative feedback, just contact us before sending it back.",
        "reply",
        "SP114",
        True,
    ),
    (
        "a review after the return in the same sentence still gates (SP114)",
        "Please contact us before returning it, or leaving a review.",
        "reply",
        "SP114",
        True,
    ),
    (
        "a 'before' that governs a return, the review welcome in another sentence (no SP114)",
        "Drop us a line before you send it back so we can email a prepaid label. Reviews are of course entirely up to you.",
        "review_request",
        "SP114",
        False,
    ),
    (
        "'weder Gutschein noch Rabatt' for a review is no promotion (SP113)",
        "Für eine Bewertung gibt es bei uns weder Gutschein noch Rabatt, und das ist auch richtig so.",
        "review_request",
        "SP113",
        False,
    ),
    (
        "a mock title said to the buyer after a comma (SP111)",
        "You ordered the 110V version yourself, genius. Check the listing next time.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a mock title in Spanish after an interjection (SP111)",
        "A ver, lumbrera: si lo querías urgente, haberlo pagado urgente.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a word of praise before a comma is no mock title (no SP111)",
        "Well, genius ideas like yours make our day.",
        "proactive",
        "SP111",
        False,
    ),
    (
        "a sign-off taken back in brackets (SP111)",
        "Die Rücksendung ist abgelaufen.\n\nMit freundlichen Grüßen (oder auch nicht)\nIhr Team",
        "reply",
        "SP111",
        True,
    ),
    (
        "a sign-off with a kind aside in brackets (no SP111)",
        "Your refund is on its way.\n\nKind regards (and thanks again for your patience),\nAnna",
        "reply",
        "SP111",
        False,
    ),
    (
        "the buyer counted among customers held in contempt (SP111)",
        "Con clientes como usted dan ganas de cerrar la tienda.",
        "reply",
        "SP111",
        True,
    ),
    (
        "customers like you thanked (no SP111)",
        "Customers like you are the reason we love running this little shop.",
        "reply",
        "SP111",
        False,
    ),
    (
        "the buyer's inability named (SP111)",
        "Given your obvious inability to follow six pictures, here is a video.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a customer unable to come is not called incapable (no SP111)",
        "Si vous n'êtes pas capable de venir au dépôt, nous organisons l'enlèvement.",
        "reply",
        "SP111",
        False,
    ),
    (
        "'entitled to' a refund is no contempt (no SP111)",
        "Customers like you are entitled to a full refund within 30 days.",
        "reply",
        "SP111",
        False,
    ),
    (
        "stars in a condition that describes the item are no rating (no SP107)",
        "If you turn the dial, the lamp shows five stars on the ceiling. We'd welcome your honest review.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "stars traded for a gift (SP107)",
        "Cuéntelo con cinco estrellas en Amazon y le regalamos una funda protectora.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a gift for the stars is an incentive too (SP106)",
        "Cuéntelo con cinco estrellas en Amazon y le regalamos una funda protectora.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "the stars an item has on Amazon are no request (no SP107)",
        "Our kettle is rated five stars on Amazon by over 2,000 buyers. If you have a moment, we'd welcome your honest review.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "a review asked of the buyer the item won over (SP107)",
        "If it's won you over, a quick review on Amazon would give our little shop a huge boost.",
        "review_request",
        "SP107",
        True,
    ),
    (
        "a colour of the buyer's choice is no free choice to review (SP106)",
        "Si vous nous laissez un avis, nous vous offrons une deuxième coque dans le coloris de votre choix !",
        "review_request",
        "SP106",
        True,
    ),
    (
        "an electronic gift card for each review (SP106)",
        "Leave a review and we will email you a $5 eGift the next day.",
        "review_request",
        "SP106",
        True,
    ),
    (
        "'even you couldn't' said to the buyer (SP111)",
        "Maybe buy the electric grinder instead. Even you couldn't get that wrong.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a lower-case title last in a list names a level (no SP111)",
        "Il gioco ha tre livelli: facile, medio, genio. Le soluzioni sono nel libretto.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a capitalised title names a model (no SP111)",
        "Which model would you like: Mini, Max or the new one, Genius?",
        "reply",
        "SP111",
        False,
    ),
    (
        "praise of a technician is no mock title (no SP111)",
        "Il nostro tecnico Marco ha trovato il guasto in due minuti, un vero genio!",
        "reply",
        "SP111",
        False,
    ),
    (
        "'de même, vous' is no 'even you' (no SP111)",
        "De même, vous pouvez retourner l'article sous 30 jours depuis vos commandes.",
        "reply",
        "SP111",
        False,
    ),
    (
        "the seller set against the review page in one sentence (SP114)",
        "Ist etwas nicht in Ordnung? Dann wenden Sie sich bitte direkt an uns statt an die Rezensionsseite.",
        "review_request",
        "SP114",
        True,
    ),
    (
        "'nicht nur ... sondern auch' is no contrast with the review (no SP114)",
        "Wir freuen uns nicht nur über Ihre Bewertung, sondern auch über jede Frage an uns.",
        "review_request",
        "SP114",
        False,
    ),
    (
        "a photo instead of a review, the seller not named (no SP114)",
        "Manche Käufer schicken statt einer Bewertung lieber ein Foto vom Aufbau, beides freut andere Käufer.",
        "review_request",
        "SP114",
        False,
    ),
    (
        "a low rating that sends the buyer to the seller first is gating, not praise asked for (no SP107)",
        "We'd be glad to hear your thoughts. If you find yourself leaning toward anything under four stars, talk to us first.",
        "review_request",
        "SP107",
        False,
    ),
    (
        "a confirmation that thanks for buying 'da noi' is still a confirmation (SP124)",
        "Il tuo ordine è stato ricevuto correttamente ed è ora in lavorazione. Grazie per aver acquistato da noi!",
        "unexpected_problem",
        "SP124",
        True,
    ),
    (
        "another product pushed on the buyer (SP113)",
        "Since the manual grinder is too much work, maybe buy our electric one instead.",
        "reply",
        "SP113",
        True,
    ),
    (
        "the review held back after an apology (SP114)",
        "So sorry! I'm sending a new unit today. All I'd ask is that you keep the review on hold until you've tried it.",
        "reply",
        "SP114",
        True,
    ),
    (
        "the review held back after an apology, in French (SP114)",
        "Toutes nos excuses ! Nous vous serions reconnaissants de patienter jusqu'à sa réception avant de publier un avis.",
        "reply",
        "SP114",
        True,
    ),
    (
        "a wait for the carrier and a review welcome apart are no gating (no SP114)",
        "Sorry the parcel is late. Please wait until Friday before contacting the carrier. If you have a moment later, we'd welcome a review.",
        "review_request",
        "SP114",
        False,
    ),
    (
        "a wait at the buyer's leisure before an honest review is no gating (no SP114)",
        "Sorry for the delay! There's no rush: wait until you've tried it for a week, then an honest review would help other buyers.",
        "review_request",
        "SP114",
        False,
    ),
    (
        "a delay notice that holds the feedback back asks for none (no SP124)",
        "I'm sorry to let you know that your throw is delayed; the new estimate is Friday. We'd kindly ask you to hold off on any feedback until it has arrived.",
        "unexpected_problem",
        "SP124",
        False,
    ),
    (
        "a legal disclosure that only gates reviews is still about reviews (SP124)",
        "If anything about your card holder isn't quite right, please message us first and give us the chance to fix it, before you head over to leave a review.",
        "legal_disclosure",
        "SP124",
        True,
    ),
    (
        "a Spanish shipment number is no phone (no SP104)",
        "El paquete sigue en Zaragoza (seguimiento de SEUR, expedición 0312 4567 8901); llega el lunes.",
        "reply",
        "SP104",
        False,
    ),
    (
        "a cheat sheet the buyer can use is no accusation (no SP111)",
        "We've attached a cheat sheet you can stick on the fridge.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a villain of a book the buyer ordered, with an article, is someone else (no SP111)",
        "Your e-reader bundle includes three detective stories featuring a famous jewel thief.",
        "reply",
        "SP111",
        False,
    ),
    (
        "scammers the buyer is warned about are others (no SP111)",
        "Please be aware that scammers sometimes send fake courier texts, so you should only track your parcel here.",
        "reply",
        "SP111",
        False,
    ),
    (
        "the seller's own failing, said of itself (no SP111)",
        "We were clueless about the courier delay at first, and we apologize that you had to wait.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a warning about others' messages that claim to be the shop (no SP111)",
        "If anyone contacts you claiming to be from our shop and asks for your password, please treat it as fraud.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a warning about fake courier texts, in Spanish (no SP111)",
        "Tenga cuidado con los mensajes falsos de mensajería, ya que son una estafa; usted puede seguir su pedido en Amazon.",
        "reply",
        "SP111",
        False,
    ),
    (
        "a fake photo the buyer sent, and the buyer called a scammer (SP111)",
        "You sent us a fake photo of someone else's parcel, you scammer.",
        "reply",
        "SP111",
        True,
    ),
    (
        "we were patient, the buyer called a liar (SP111)",
        "We were patient with you, but you are a liar.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a thief said of the buyer with an article (SP111)",
        "Frankly, you are nothing but a thief, and we will not refund you.",
        "reply",
        "SP111",
        True,
    ),
    (
        "a thief said of the buyer in Spanish (SP111)",
        "Si no devuelve la bomba esta semana, iremos más lejos. Usted es un ladrón.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer named by the word itself (SP111)",
        "You scammers are all the same. Our debt collector will be in touch.",
        "reply",
        "SP111",
        True,
    ),
    (
        "the buyer's claim called a scam (SP111)",
        "This is the second empty box from your address, so it's hard to see this as anything but a scam.",
        "reply",
        "SP111",
        True,
    ),
    (
        "Amazon's own removal of feedback, explained, asks the buyer nothing (no SP116)",
        "One heads-up: Amazon may remove feedback that contains personal details such as full names, so a first name is safest.",
        "reply",
        "SP116",
        False,
    ),
    (
        "the buyer's own police complaint, in Italian (no SP112)",
        "Se pensa che il pacco sia stato sottratto dopo la consegna, può presentare denuncia ai Carabinieri; il numero di denuncia serve anche ad Amazon.",
        "reply",
        "SP112",
        False,
    ),
    (
        "the latest lot test of the product is no promotion (no SP113)",
        "The product complies with federal limits: trace amounts below 0.5 µg per serving in our latest lot test.",
        "legal_disclosure",
        "SP113",
        False,
    ),
    (
        "a parcel that can get lost sends no one away (no SP111)",
        "Please don't send the heater back without a return label from us, as unlabelled parcels can get lost.",
        "warranty",
        "SP111",
        False,
    ),
    (
        "a product's part number beside its name in brackets is no phone (no SP104)",
        "Your parcel (Garmin Forerunner 255, 010-02641-00) is held at customs in Mississauga.",
        "unexpected_problem",
        "SP104",
        False,
    ),
    (
        "a branch's number beside its place in brackets is a phone (SP104)",
        "Our shop (Leeds branch, 0161 496 0738) is open till 6.",
        "reply",
        "SP104",
        True,
    ),
    (
        "an article number after 'Art.-Nr.' is no phone (no SP104)",
        "Der Wasserkocher (Art.-Nr. 04.1301.0011) ist leider nicht mehr vorrätig.",
        "unexpected_problem",
        "SP104",
        False,
    ),
    (
        "a reference after 'réf.' is no phone (no SP104)",
        "Nous sommes désolés : la cafetière Moka Express 6 tasses (réf. 0001162) de votre commande est en rupture de stock.",
        "unexpected_problem",
        "SP104",
        False,
    ),
    (
        "nothing for the buyer to cancel, German word order (no SP123)",
        "Wir erstatten Ihnen den vollen Betrag. Selbst stornieren müssen Sie nichts.",
        "unexpected_problem",
        "SP123",
        False,
    ),
    (
        "a German infinitive after the negated request is still refused (no SP115)",
        "Ihre Rezension beschreibt das Problem zutreffend, und wir werden Sie nicht bitten, Ihre Rezension zu ändern.",
        "reply",
        "SP115",
        False,
    ),
    (
        "the same request, not negated (SP115)",
        "Wir möchten Sie bitten, Ihre Rezension zu ändern.",
        "reply",
        "SP115",
        True,
    ),
    (
        "a problem at the seller's place is no shop off Amazon (no SP105)",
        "Petit souci chez nous : une panne informatique a bloqué notre entrepôt toute la journée de lundi.",
        "unexpected_problem",
        "SP105",
        False,
    ),
    (
        "ordering from the seller directly, in French (SP105)",
        "Pour la prochaine fois, commandez directement chez nous, c'est moins cher.",
        "reply",
        "SP105",
        True,
    ),
    (
        "a care tip while the buyer is here is no upsell (no SP113)",
        "Glad the kettle arrived in one piece. A small tip while you're here: descale it every couple of months and it will stay quiet.",
        "reply",
        "SP113",
        False,
    ),
    (
        "an access code entered in the app is no coupon, in Italian (no SP113)",
        "Apra l'app, vada su Menu > Attiva e inserisca il codice del messaggio di ieri, trattini compresi.",
        "reply",
        "SP113",
        False,
    ),
    (
        "what stays only in the product's companion app is no channel off Amazon (no SP105)",
        "Il peso si sincronizza con Apple Salute; la massa muscolare resta solo nella nostra app, perché Salute non ha quel campo.",
        "reply",
        "SP105",
        False,
    ),
    (
        "bundles sold only in the seller's app, in Italian (SP105)",
        "I set regalo sono disponibili solo nella nostra app, con la spedizione gratuita.",
        "proactive",
        "SP105",
        True,
    ),
]


# (id, body, kind, SP122 expected): a repeat marker counts only when it speaks of the request.
REPEAT_CASES = [
    (
        "thanks once again",
        "Thank you once again for your purchase! If you have a moment, we'd appreciate an honest review on Amazon.",
        "review_request",
        False,
    ),
    (
        "reminder of warranty",
        "Just a friendly reminder that your kettle has a 2-year warranty. If you have a moment, we'd welcome your honest review.",
        "review_request",
        False,
    ),
    (
        "as we mentioned",
        "As we mentioned, the replacement ships Monday. If you'd like to leave a review later, please do.",
        "reply",
        False,
    ),
    (
        "noch einmal danke",
        "Vielen Dank noch einmal für Ihre Bestellung. Wir freuen uns über Ihre ehrliche Bewertung auf Amazon.",
        "review_request",
        False,
    ),
    (
        "pivot then ask",
        "Just a quick reminder! Would you leave a review of the lamp on Amazon?",
        "review_request",
        True,
    ),
    (
        "marker in the ask",
        "Following up on our earlier message: could you leave a review of the lamp?",
        "review_request",
        True,
    ),
]


class TestRepeatMarker:
    """SP122 from the text: the marker must repeat the review request, not thanks or news."""

    @pytest.mark.parametrize(
        ("text", "kind", "fires"), [c[1:] for c in REPEAT_CASES], ids=[c[0] for c in REPEAT_CASES]
    )
    def test_repeat(self, text, kind, fires):
        """'Thank you once again' is thanks; 'a quick reminder! would you review it?' repeats."""
        assert fires == ("SP122" in check_message(text, kind=kind).codes)


class TestRecallWording:
    """Wording that the rules missed before: insults after a 'not', FR/ES/DE requests."""

    @pytest.mark.parametrize(
        ("text", "kind", "code", "fires"),
        [c[1:] for c in RECALL_CASES],
        ids=[c[0] for c in RECALL_CASES],
    )
    def test_wording(self, text, kind, code, fires):
        """Each wording gives (or does not give) its code, in the phrase rules' reading."""
        assert fires == (code in check_message(text, kind=kind, policy=PHRASE_READING).codes)


class TestSneering:
    """SP111 without an insult word: the buyer's competence mocked, their story met with sarcasm."""

    @pytest.mark.parametrize(
        "text",
        [
            "Use your common sense next time.",
            "Clearly reading is not your strong suit.",
            "Congratulations, you have discovered that cast iron rusts.",
            "It reads like it was typed with your elbows.",
            "Do you even know how to use a can opener?",
            "What part of no refunds after 30 days do you not understand?",
            "Nice try, but we were not born yesterday.",
        ],
    )
    def test_sneer_is_abuse(self, text):
        """Each sneer at the buyer is abusive language."""
        assert "SP111" in check_message(text, kind="reply").codes

    @pytest.mark.parametrize(
        "text",
        [
            "Keine Sorge, das lernt man schnell.",
            "Is there anything you don't understand in the manual?",
            "Es un placer trabajar para clientes como usted.",
            "C'est grâce à des clients comme vous que notre atelier existe.",
            "Which part of the lamp arrived broken? A photo would help.",
        ],
    )
    def test_kind_words_beside_them_are_not(self, text):
        """Reassurance, an offer to explain and thanks to customers like the buyer are no sneer."""
        assert "SP111" not in check_message(text, kind="reply").codes


class TestAmountsAskedFor:
    """SP108: an amount named as a supplement or a deposit asks for itself."""

    @pytest.mark.parametrize(
        "text",
        [
            "For an advance replacement we ask for a $25 deposit, returned in full later.",
            "Si vous préférez la livraison à domicile, il faudra compter un complément de 5 €.",
            "Per passare al matrimoniale basta una piccola integrazione di 9 €.",
            "Podemos cambiarlo, solo sería un pequeño suplemento de 4 € por la talla.",
            "Please let us know once you've sent the difference and we'll dispatch.",
        ],
    )
    def test_supplement_or_deposit(self, text):
        """Each asks the buyer to pay more after the sale, in the phrase rules' reading."""
        assert "SP108" in check_message(text, kind="reply", policy=PHRASE_READING).codes

    @pytest.mark.parametrize(
        "text",
        [
            'The "Import Fees Deposit" of $8.73 on your order summary is collected by Amazon.',
            "The walnut version is normally $30 more; we ship it free of any extra charge.",
            "There is no deposit of any kind: the replacement ships today.",
        ],
    )
    def test_amazons_deposit_and_waived_supplements_are_not(self, text):
        """Amazon's import deposit, a supplement waived, a deposit denied ask for nothing."""
        assert "SP108" not in check_message(text, kind="reply").codes


class TestWishesAreThanks:
    """SP117: a sentence that only wishes the buyer well says nothing more than thanks."""

    @pytest.mark.parametrize(
        "text",
        [
            (
                "Grazie ancora per la fiducia, Giorgio! Speriamo che la tua nuova moka ti regali tanti"
                " buoni caffè. Per qualunque cosa, siamo qui."
            ),
            "Thank you for your order! We hope it keeps you warm all winter. Have a lovely day.",
            (
                "Vielen Dank für Ihre Bestellung! Wir hoffen, die Thermoskanne begleitet Sie auf vielen"
                " Ausflügen."
            ),
        ],
    )
    def test_thanks_and_wishes(self, text):
        """Thanks with a wish for the item is a thank-you-only message."""
        assert "SP117" in check_message(text, kind="proactive").codes

    @pytest.mark.parametrize(
        "text",
        [
            (
                "We hope you like your new rug. To keep the fibres from shedding, vacuum it without the"
                " brush roller for the first month. Thanks again for choosing us."
            ),
            "Thank you for your order! We hope the replacement arrives by Friday 14 June.",
            "Thanks for your order. We hope you can send us a photo of the label?",
        ],
    )
    def test_wishes_beside_a_purpose(self, text):
        """A wish beside care advice, a date or a question leaves the message a purpose."""
        assert "SP117" not in check_message(text, kind="proactive").codes


class TestOrderNewsInOtherWords:
    """SP109 and SP110 in the words sellers use for them in Spanish, German and French."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            (
                (
                    "Hola Javier: te confirmamos que ha entrado tu pedido de la cafetera y ya está en la"
                    " cola de preparación de nuestro almacén."
                ),
                "SP109",
            ),
            (
                (
                    "Moin Herr Petersen, vielen Dank – Ihre Bestellung über zwei Thermobecher ist bei"
                    " uns eingegangen und wird gerade kommissioniert."
                ),
                "SP109",
            ),
            (
                (
                    "Bonjour Nathalie, bonne nouvelle : votre colis a été remis à Chronopost ce midi."
                    " Vous pouvez le suivre avec le numéro XW482913657FR."
                ),
                "SP110",
            ),
        ],
    )
    def test_proactive_order_news(self, text, code):
        """Each proactive message confirms the order or notifies its shipment."""
        assert code in check_message(text, kind="proactive").codes

    def test_a_return_received_is_no_order_confirmation(self):
        """A return that arrived is a return notice, not the order confirmed."""
        text = "Ihre Rücksendung ist bei uns eingegangen; die Erstattung folgt in zwei Tagen."

        assert "SP109" not in check_message(text, kind="proactive").codes


class TestStarsWishedFor:
    """SP107: a count of stars the seller wishes for is a rating, not the item's design."""

    @pytest.mark.parametrize(
        "text",
        [
            (
                "Die Astschere müsste inzwischen bei Ihnen sein. Fünf Sterne wären für unser kleines"
                " Team das schönste Kompliment."
            ),
            "We'd be over the moon if you felt it deserved five stars, but no pressure.",
            "Se il libro l'ha colpita, cinque stelle sarebbero il regalo più bello per noi.",
            "Your manual arrived ages ago, and we'd be chuffed to bits with five stars.",
        ],
    )
    def test_wished_stars(self, text):
        """Each wishes for the top rating."""
        assert "SP107" in check_message(text, kind="review_request").codes

    def test_stars_of_the_design(self):
        """A cushion with five stars embroidered, in a neutral request, is the item's design."""
        text = (
            "Hello, you bought our five stars embroidered cushion a couple of weeks ago. We'd love"
            " to know what you think. A review on Amazon, whatever you write, helps other buyers."
        )

        assert "SP107" not in check_message(text, kind="review_request").codes


class TestSoldOffAmazon:
    """SP105 stands beside the address or the payment channel when the sale is off Amazon."""

    @pytest.mark.parametrize(
        ("text", "also"),
        [
            (
                (
                    "Buonasera, il modello con i cassetti non è su Amazon, lo trova sul nostro sito"
                    " falegnameriabonetti punto it nella sezione camerette."
                ),
                "SP101",
            ),
            (
                (
                    "Este modelo ya no lo vendemos por Amazon. Lo tienes en nuestra web,"
                    " tallerbicisruiz.es, con envío gratis."
                ),
                "SP101",
            ),
            (
                (
                    "No lo tenemos en Amazon pero sí en la tienda. Escríbeme a pedalesgarcia arroba"
                    " hotmail punto es, me pagas por Bizum y te lo mando."
                ),
                "SP103",
            ),
        ],
    )
    def test_sale_off_amazon(self, text, also):
        """The address or the email is reported, and the sale off Amazon too."""
        codes = check_message(text, kind="reply").codes

        assert {"SP105", also} <= set(codes)

    @pytest.mark.parametrize(
        "text",
        [
            "The assembly manual is on our site too: falegnameriabonetti.it/manuali.",
            "We've refunded the $15 to the PayPal account you paid with.",
        ],
    )
    def test_address_or_refund_channel_only(self, text):
        """An address that only points to a manual, a refund sent back through PayPal: no SP105."""
        assert "SP105" not in check_message(text, kind="reply").codes


class TestDisputeWording:
    """Threats, cancellation requests and removal pressure in the words of a hard dispute."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            (
                (
                    "If you carry on insisting on this, we'll have no choice but to post those pictures"
                    " and this whole exchange on our store page."
                ),
                "SP112",
            ),
            (
                (
                    "We've added your name and address to a shared list that several sellers in our"
                    " category use to flag problem buyers."
                ),
                "SP112",
            ),
            (
                (
                    "We have flagged your account with Amazon's abuse team, and we'll be giving them"
                    " your full order and address history. Expect to hear from them."
                ),
                "SP112",
            ),
            (
                (
                    "Wenn Sie bis Montag nicht antworten, stellen wir Ihre Fotos und diesen"
                    " Nachrichtenverlauf auf unsere Facebook-Seite."
                ),
                "SP112",
            ),
            (
                (
                    "Your pasta machine hasn't been packed yet. It'd be easiest if you just cancel and"
                    " buy it somewhere else."
                ),
                "SP123",
            ),
            (
                "Ahora mismo no tenemos stock. Lo más sencillo es que anule usted la compra.",
                "SP123",
            ),
            (
                (
                    "Our courier account got suspended, so cancelling it on your side is the quickest"
                    " way to get your money back."
                ),
                "SP123",
            ),
        ],
    )
    def test_dispute_violation(self, text, code):
        """Each threatens, or asks the buyer to cancel."""
        assert code in check_message(text, kind="reply").codes

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            (
                (
                    "Vous indiquez vouloir porter plainte contre nous. C'est votre droit, et nous"
                    " répondrons à toute demande officielle."
                ),
                "SP112",
            ),
            (
                (
                    "Ci scrive che il suo avvocato ci contatterà. Nessun problema, risponderemo a"
                    " qualsiasi comunicazione."
                ),
                "SP112",
            ),
            ("Please post your review publicly with your photos, it helps other buyers.", "SP112"),
            (
                (
                    "Mientras tanto, le repito nuestra oferta: devolución gratuita con la etiqueta de"
                    " Amazon y reembolso completo."
                ),
                "SP113",
            ),
        ],
    )
    def test_the_buyers_threat_and_our_offer_again(self, text, code):
        """The buyer's own threat restated, an invitation to post photos, the refund offered again."""
        assert code not in check_message(text, kind="reply").codes


class TestGiftsForReviews:
    """SP106: a small gift or money back kept for whoever reviews, named without a price."""

    @pytest.mark.parametrize(
        "text",
        [
            (
                "Every customer who posts a photo review of their cushion covers gets a matching pair"
                " of napkins in the post."
            ),
            (
                "¿Qué tal las fundas? Cuando hayas publicado tu opinión en Amazon, escríbenos: tenemos"
                " un detalle preparado para ti."
            ),
            (
                "Appena la sua recensione sarà online, ci scriva due righe: per chi condivide la"
                " propria esperienza abbiamo sempre un pensierino."
            ),
            (
                "Ci farebbe piacere sapere cosa pensa del cavo: a recensione fatta, le restituiamo"
                " quanto ha speso."
            ),
        ],
    )
    def test_gift_for_a_review(self, text):
        """Each trades something of value for the review."""
        assert "SP106" in check_message(text, kind="review_request").codes

    @pytest.mark.parametrize(
        "text",
        [
            "Un detalle: el cable de carga va en el fondo de la caja.",
            (
                "We've sent a matching pair of laces with the replacement shoes, no need to return"
                " the old ones."
            ),
        ],
    )
    def test_gift_words_without_a_review(self, text):
        """A detail or a pair sent with a replacement, with no review named, is no incentive."""
        assert "SP106" not in check_message(text, kind="reply").codes


class TestPurposeWithoutItsWords:
    """SP124: an order confirmation sent as a kind whose own words the body never uses."""

    @pytest.mark.parametrize(
        "kind",
        ["invoice", "warranty"],
    )
    def test_confirmation_sent_as_another_kind(self, kind):
        """'We have received your order and are preparing it', sent as an invoice or warranty."""
        text = (
            "Buongiorno,\n\nLe confermiamo che abbiamo ricevuto il Suo ordine"
            " 402-6603918-7729041 e che lo stiamo preparando per la spedizione."
        )

        assert "SP124" in check_message(text, kind=kind).codes

    def test_a_service_confirmed_is_its_kind(self):
        """Confirming an appointment is a confirm_service message's own business."""
        text = "Hello,\n\nThis is to confirm your piano tuning for Friday 28 June at 2pm."

        assert "SP124" not in check_message(text, kind="confirm_service").codes


class TestSarcasm:
    """SP111: sarcasm that needs no 'you' beside it."""

    @pytest.mark.parametrize(
        "text",
        [
            "The parcel was signed for at your address at 11:02. I'm sure it's a coincidence.",
            (
                "Curieusement, le carton contenait un vieux fouet. Je vous laisse deviner ce que nous"
                " en pensons."
            ),
            (
                "The leaflet explains it in eight languages. Perhaps someone at home could read it to"
                " you."
            ),
        ],
    )
    def test_sarcasm(self, text):
        """Each mocks the buyer or their story."""
        assert "SP111" in check_message(text, kind="reply").codes


class TestNeedJoinedByAnd:
    """A negation of need after 'and' covers what follows it, not the offer before it."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("Take the review down and we'll refund you and no need to return it.", "SP106"),
            (
                "Update your review to 5 stars and we'll refund you and no need to send it back.",
                "SP106",
            ),
            (
                "Update your review to 5 stars and we'll refund you and no need to send it back.",
                "SP107",
            ),
        ],
    )
    def test_offer_before_and_no_need(self, text, code):
        """The trade stands; the 'no need' is about the return."""
        assert code in check_message(text, kind="reply").codes

    def test_need_denied_after_and(self):
        """A refund done, and no need to update the review: nothing traded."""
        text = "We've refunded you in full and no need to update your review."

        assert not check_message(text, kind="reply").codes


class TestTemplateContacts:
    """Contact details as templates and casual replies write them."""

    @pytest.mark.parametrize(
        "text",
        [
            (
                "Falls beim Aufbau etwas hakt, erreichen Sie unsere Montage-Hotline unter null vier null"
                " – drei null neun neun – eins eins acht null."
            ),
            "Fragen? Tel. +49 (0)40 / 3099-1180",
            "hola! si tienes dudas mejor llámame directamente al 644 218 903",
        ],
    )
    def test_phone_numbers(self, text):
        """German digits said one by one, a slash between groups, 'llámame' before a number."""
        assert "SP104" in check_message(text, kind="proactive").codes

    def test_manufacturer_named_after_its_word(self):
        """'il numero verde del produttore Dreame è ...' is the manufacturer's line: info."""
        text = "per la garanzia il numero verde del produttore Dreame è 800 123 456"

        (finding,) = check_message(text, kind="warranty").findings

        assert ("SP104", "info") == (finding.code, finding.severity)

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("Share your first cook: follow @nordhaus.living on Instagram.", "SP103"),
            (
                "Drei Böden und vier Schrauben, acht Dübel, null Probleme, eins nach dem anderen.",
                "SP104",
            ),
            (
                "Slide along the middle strip to dim, and hold the right one for two seconds.",
                "SP111",
            ),
        ],
    )
    def test_look_alikes(self, text, code):
        """A social handle is no email address, German counting no number, 'dim' no insult."""
        assert code not in check_message(text, kind="proactive").codes

    @pytest.mark.parametrize(
        "text",
        [
            "La llama del quemador mide 12 345 678 mm de alto.",
            "Un color muy llamativo: referencia 12 345 678.",
        ],
    )
    def test_flame_is_no_call(self, text):
        """'la llama' is a flame and 'llamativo' striking: neither asks for a call."""
        assert "SP104" not in check_message(text, kind="proactive").codes

    @pytest.mark.parametrize(
        "text", ["Call us on (O161) 496 OOOO please.", "Ring us: O2O 7OOO 1OOO, any time."]
    )
    def test_letter_o_in_brackets_and_short_runs(self, text):
        """A letter O for zero in a bracketed area code, or beside only three real digits."""
        assert "SP104" in check_message(text, kind="proactive").codes

    @pytest.mark.parametrize("text", ["Ooo 100 good, call soon", "We sold 2oo units, 3oo left."])
    def test_o_beside_few_digits_is_no_phone(self, text):
        """A word of o's or a typed 'hundred' beside digits is not a phone number."""
        assert "SP104" not in check_message(text, kind="proactive").codes

    def test_call_in_spanish_still_read(self):
        """'llama al' and 'llámenos' before a number still ask for a call."""
        for text in ("Si algo falla, llama al 612 345 678.", "Llámenos al 612 345 678."):
            assert "SP104" in check_message(text, kind="proactive").codes

    def test_stop_keyword_in_german(self):
        """'antworten Sie einfach mit STOPP' offers an opt-out (SP118)."""
        text = (
            "Ihr Wollplaid mag es kühl. Wenn Sie keine weiteren Tipps von uns erhalten möchten,"
            " antworten Sie einfach mit STOPP."
        )

        assert "SP118" in check_message(text, kind="proactive").codes


class TestCasualOrderNews:
    """Casual order news and requests, from a phone."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            (
                "hallo, ihr paket ist grad raus mit dhl, sendungsnr 00340434161094015902. lg",
                "SP110",
            ),
            ("coucou, votre colis vient de partir avec Colissimo, bonne réception !", "SP110"),
            (
                "bonjour, on a bien reçu votre commande de la théière, merci! elle part bientôt",
                "SP109",
            ),
            (
                (
                    "hola, nos hemos quedado sin stock. te importaría cancelar tú el pedido desde tu"
                    " cuenta?"
                ),
                "SP123",
            ),
            ("hai visto che è uscita la nuova versione della macchina del pane?", "SP113"),
        ],
    )
    def test_casual(self, text, code):
        """Each is what its code reports, however it is typed."""
        assert code in check_message(text, kind="proactive").codes


class TestRuleBenders:
    """Violations in the words of sellers who bend the rules without naming them."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            (
                (
                    "If it didn't suit your skin, I'd honestly rather hear it from you than read it on"
                    " the product page, just hit reply."
                ),
                "SP114",
            ),
            (
                (
                    "Falls nicht, schreiben Sie uns lieber direkt hier - eine schlechte Bewertung hilft"
                    " am Ende ja niemandem."
                ),
                "SP114",
            ),
            (
                (
                    "When you review the jasmine pearls, please keep in mind that anything under four"
                    " stars pushes little sellers like us off the first page."
                ),
                "SP107",
            ),
            (
                (
                    "Se il Sencha l'ha conquistata, ci farebbe un vero regalo raccontandolo in una"
                    " recensione su Amazon."
                ),
                "SP107",
            ),
            (
                (
                    "Cuando publiques tu reseña en Amazon, mándanos una captura y te regalamos una"
                    " tarjeta de 5 €."
                ),
                "SP106",
            ),
            (
                (
                    "Potrebbe interessarti anche il nostro contorno occhi: stessa base, formula più"
                    " leggera."
                ),
                "SP113",
            ),
            (
                (
                    "Muchas mamás comparten trucos en nuestra comunidad de Facebook; únete cuando"
                    " quieras."
                ),
                "SP105",
            ),
        ],
    )
    def test_bent_rule(self, text, code):
        """Each breaks its rule in words nobody wrote down before."""
        assert code in check_message(text, kind="review_request").codes

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("If anything is wrong with the serum, just hit reply and we'll sort it out.", "SP114"),
            ("Thanks for the photo review, it really shows the colour well!", "SP107"),
        ],
    )
    def test_inside_the_line(self, text, code):
        """Help offered with no review in view, thanks for a review left: nothing bent."""
        assert code not in check_message(text, kind="reply").codes


class TestPurposeRoundFour:
    """Sarcasm, order news and purposes from the fifth round of writers."""

    @pytest.mark.parametrize(
        "text",
        [
            (
                "We ship hundreds of these every week and you're the only one who claims the box was"
                " empty. Make of that what you will."
            ),
            (
                "Lieber Herr Wagner, ich erkläre es gern ein viertes Mal: Der Stecker kommt in die"
                " Steckdose."
            ),
            "Strano, il pacco risulta firmato. Dev'essere un fantasma che firma al posto suo.",
        ],
    )
    def test_sarcasm(self, text):
        """Each mocks the buyer without an insult word."""
        assert "SP111" in check_message(text, kind="reply").codes

    def test_delivered_notice_sent_as_confirm_delivery(self):
        """A parcel said delivered, sent as confirm_delivery, arranges nothing: SP124."""
        text = (
            "Buongiorno, il corriere GLS ci conferma che il pacco (ordine 403-5529014-8812307) è"
            " stato consegnato ieri alle 15:40 e firmato dal portiere. Buon ascolto!"
        )

        assert "SP124" in check_message(text, kind="confirm_delivery").codes

    def test_delivery_arranged_is_its_kind(self):
        """A delivery day arranged is confirm_delivery's own business."""
        text = (
            "Your sofa will be delivered on Tuesday between 8 and 12; the driver calls 30 minutes"
            " before. Reply here if that day does not suit you."
        )

        assert "SP124" not in check_message(text, kind="confirm_delivery").codes

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            (
                "Votre commande a bien été enregistrée et notre atelier la préparera sous 48 heures.",
                "SP109",
            ),
            (
                (
                    "Hola, Víctor. Hemos visto la valoración de una estrella. Te proponemos lo"
                    " siguiente: tú la quitas y nosotros te devolvemos el dinero de los portes."
                ),
                "SP106",
            ),
            ("¿Qué tal la cazuela? Nos harías un favor enorme dejando cinco estrellas.", "SP107"),
        ],
    )
    def test_order_news_and_trades(self, text, code):
        """A confirmation, a trade for removing a rating, a favour of five stars."""
        assert code in check_message(text, kind="proactive").codes


class TestReviewOfTheDay:
    """What a fresh-eyes review of the day's changes found, each pinned."""

    @pytest.mark.parametrize(
        ("text", "kind", "code"),
        [
            (
                "Mais bien sûr, nous vous remboursons intégralement dès réception du retour.",
                "reply",
                "SP111",
            ),
            (
                "Toutes nos félicitations pour votre mariage ! Les faire-part partent demain.",
                "reply",
                "SP111",
            ),
            (
                "An old trick: run the lid under hot water for ten seconds and it will open easily.",
                "reply",
                "SP111",
            ),
            (
                "I'd gently suggest descaling the kettle once a month with citric acid.",
                "reply",
                "SP111",
            ),
            (
                "We both know how frustrating a late parcel is, so we've sent a replacement.",
                "reply",
                "SP111",
            ),
            (
                "Das ist Physik: Glas dehnt sich bei Hitze aus, darum bitte langsam aufwärmen.",
                "reply",
                "SP111",
            ),
            ("You have no idea how happy your message made us!", "reply", "SP111"),
            (
                "C'est grâce à des gens comme vous que notre petit atelier existe encore.",
                "reply",
                "SP111",
            ),
            (
                "Si recibe un mensaje que le pide pagar fuera de Amazon, esto es una estafa.",
                "reply",
                "SP111",
            ),
            (
                (
                    "Once again, sorry for the scratches you described in your feedback. Could you send"
                    " us a photo so we can ship the right part?"
                ),
                "proactive",
                "SP122",
            ),
            (
                (
                    "Wir haben Ihre Bestellung erhalten. Bei Defekten innerhalb von 24 Monaten tauschen"
                    " wir das Gerät kostenlos aus."
                ),
                "warranty",
                "SP124",
            ),
            (
                (
                    "Abbiamo ricevuto il tuo ordine. Il colore blu è esaurito: possiamo mandarti il verde"
                    " oppure annullare."
                ),
                "unexpected_problem",
                "SP124",
            ),
            (
                (
                    "Your order was delivered yesterday. Our technician will come on Thursday at 10 am to"
                    " install it."
                ),
                "confirm_service",
                "SP124",
            ),
            (
                (
                    "Thank you for your purchase. We hope the kettle serves you well; descale it monthly"
                    " with citric acid to keep it quiet."
                ),
                "proactive",
                "SP117",
            ),
            (
                (
                    "Your blanket will have five stars embroidered in gold along the edge - it would be"
                    " wonderful in a nursery."
                ),
                "proactive",
                "SP107",
            ),
            (
                "Your parcel has just landed at the local depot and should reach you tomorrow.",
                "reply",
                "SP113",
            ),
            (
                "Kein Problem, dass Sie stornieren wollten - wir haben die Bestellung gestoppt.",
                "reply",
                "SP123",
            ),
            (
                (
                    "Danke für Ihre Nachricht - wir haben sie erhalten und melden uns morgen mit einer"
                    " Lösung."
                ),
                "proactive",
                "SP109",
            ),
            (
                (
                    "Did the mug arrive in one piece? If it did, a short review on Amazon would help our"
                    " little shop."
                ),
                "review_request",
                "SP107",
            ),
            (
                (
                    "Your replacement will be posted today. You can also see the other colours on our"
                    " store page; tracking will show in your account."
                ),
                "reply",
                "SP112",
            ),
            ("Gerne stellen wir Ihnen eine neue Rechnung aus.", "reply", "SP112"),
            ("Amazon holds a £50 deposit on rentals until the item is back.", "reply", "SP108"),
            ("Der Preis enthält 3 € Kaution für die Glasflasche.", "reply", "SP108"),
            (
                (
                    "Non riesce a vedere le istruzioni su Amazon? Le trova sul nostro sito,"
                    " falegnameria.it/istruzioni"
                ),
                "reply",
                "SP105",
            ),
        ],
    )
    def test_ordinary_messages_stay_silent(self, text, kind, code):
        """Courtesy, advice, apologies and everyday notices that the first wording misread."""
        assert code not in check_message(text, kind=kind).codes

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("For warranty: Dave is on 07700 900123.", "SP104"),
            ("For warranty, WhatsApp is on 07700 900123.", "SP104"),
            ("For warranty, Dave (our owner) is on 07700 900123.", "SP104"),
            ("Pour la garantie, Julie est au 06 12 34 56 78.", "SP104"),
            ("Write to anna.e @libero.it", "SP103"),
            ("Email hello.to @nordhaus.de for a faster answer", "SP103"),
            ("Write to us @nordhaus.de", "SP103"),
        ],
    )
    def test_evasions_stay_errors(self, text, code):
        """The seller's own number behind a name, an address behind a handle word: errors."""
        severities = [
            f.severity for f in check_message(text, kind="reply").findings if f.code == code
        ]

        assert [Severity.ERROR] == severities

    @pytest.mark.parametrize(
        ("text", "kind", "code"),
        [
            (
                "If you loved it, we'd be grateful for a few words to say so on Amazon.",
                "review_request",
                "SP107",
            ),
            (
                "Se non paga, la denunciamo: il suo avvocato sarà contattato dal nostro legale.",
                "reply",
                "SP112",
            ),
        ],
    )
    def test_evasions_stay_found(self, text, kind, code):
        """A review asked of the happy, a threat naming the buyer's lawyer: still found."""
        assert code in check_message(text, kind=kind).codes


class TestRoundSix:
    """Review requests, money and templates from the sixth round of writers."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("Si el aceite te ha conquistado, ¿nos regalas una reseña en Amazon?", "SP107"),
            (
                "Se la ciotola le ha strappato un sorriso ogni mattina, ci lasci due righe su Amazon.",
                "SP107",
            ),
            (
                (
                    "Unter allen, die im März eine Rezension zu unseren Kaffees schreiben, verlosen wir"
                    " eine Siebträger-Tasse."
                ),
                "SP106",
            ),
            (
                "Pour chaque avis publié sur nos draps en lin, nous prolongeons la garantie d'un an.",
                "SP106",
            ),
        ],
    )
    def test_violation(self, text, code):
        """A delight made the condition of the review; a draw or a warranty for reviewers."""
        assert code in check_message(text, kind="review_request").codes

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            (
                (
                    "Wir würden uns freuen, wenn Sie in einer Rezension erzählen, wie Ihnen die Socken"
                    " beim Wandern gefallen haben."
                ),
                "SP107",
            ),
            (
                (
                    "Sie hatten das Probierset als Geschenk für Ihre Schwester bestellt. Falls sie Lust"
                    " hat, freuen wir uns über eine Rezension auf Amazon."
                ),
                "SP106",
            ),
        ],
    )
    def test_neutral(self, text, code):
        """How the buyer liked it, asked openly; the buyer's own gift."""
        assert code not in check_message(text, kind="review_request").codes

    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            ("fiche_utilisation_diffuseur.pdf", "proactive"),
            ("CreditNote_CN-00418.pdf", "reply"),
            ("diseno_camiseta_marta.pdf", "confirm_customization"),
        ],
    )
    def test_documents_an_order_needs(self, name, kind):
        """A usage sheet, a credit note and a design proof are documents the order needs."""
        message = Message(
            body="Le document est joint. / The document is attached.",
            kind=kind,
            attachments=(Attachment(file_name=name, media_type="application/pdf"),),
        )

        assert "SP119" not in check_message(message).codes


class TestRoundSeven:
    """Delight as the condition of a review, and answers to the buyer's yes-no question."""

    @pytest.mark.parametrize(
        "text",
        [
            (
                "Se il festeggiato ne è rimasto conquistato, ci racconti la sua emozione in una"
                " recensione."
            ),
            (
                "Sollte die Mühle Ihre Erwartungen übertroffen haben, wäre eine Rezension auf Amazon"
                " das schönste Feedback."
            ),
            "Wenn Sie beim Bewerten nicht geizen und alle vergeben, helfen Sie uns sehr.",
            "Si vous avez eu le coup de cœur en l'ouvrant, un avis sur Amazon nous ferait plaisir.",
        ],
    )
    def test_delight_as_the_condition(self, text):
        """The review asked of the delighted, or every star asked for."""
        assert "SP107" in check_message(text, kind="review_request").codes

    @pytest.mark.parametrize(
        "text",
        [
            (
                "Por favor, si algo no está como esperabas, no nos pongas una mala nota sin hablar"
                " antes con nosotras."
            ),
            "If it isn't, please don't go straight to Amazon; tell us here and we'll make it right.",
            (
                "Se dovesse notare un difetto la preghiamo di dircelo in privato prima di esprimere un"
                " giudizio sul negozio."
            ),
        ],
    )
    def test_steered_before_rating(self, text):
        """The unhappy buyer asked to come to the seller before rating: gating (SP114)."""
        assert "SP114" in check_message(text, kind="review_request").codes

    def test_answer_to_a_yes_no_question(self):
        """'We do! ... back in stock from the 12th' answers the buyer's question."""
        message = Message(
            body="We do! It comes as the 16 oz three-wick for $38, back in stock from the 12th.",
            kind="reply",
        )
        question = Message(
            body="Do you make the fig & cedar in the big 3-wick size?",
            kind="inquiry",
            sender="buyer",
            sent_at=dt.datetime(2024, 1, 3, 20, 15, tzinfo=dt.UTC),
        )

        assert "SP113" not in check_message(message, history=[question]).codes


class TestMarketingReading:
    """SP113 reads negation, the kind's own business and a turn away from the buyer's question."""

    @pytest.mark.parametrize(
        ("text", "kind", "fires"),
        [c[1:] for c in MARKETING_CASES],
        ids=[c[0] for c in MARKETING_CASES],
    )
    def test_marketing(self, text, kind, fires):
        """A refused or negated offer is no promotion; a sales call with 'don't miss' is."""
        assert fires == ("SP113" in check_message(text, kind=kind).codes)

    def test_upsell_after_an_answer(self):
        """An answer that shares the question's words, then turns 'while you're here' to a sale."""
        question = _asked("Which screws come with the oak shelf?")
        answer = "The shelf comes with 4 screws. While you're here: our matching shelf hooks are 20% off this week."
        plain = "The shelf comes with 4 screws and wall plugs for brick."

        assert "SP113" in check_message(answer, kind="reply", history=question).codes
        assert "SP113" not in check_message(plain, kind="reply", history=question).codes


_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


class TestOverlapping:
    @given(spans=_SPANS, found=_SPANS)
    def test_answers_as_a_span_set(self, spans, found):
        """Overlaps read in one mapped pass are those `SpanSet.overlaps` answers one by one."""
        from sellerpolicy._rules.messages.contact import _overlapping
        from sellerpolicy._text.detectors import Evidence
        from sellerpolicy._text.spans import SpanSet

        index = SpanSet(spans)
        expected = [index.overlaps(start, end) for start, end in found]

        actual = list(
            _overlapping([Evidence(*p, "") for p in spans], [Evidence(*p, "") for p in found])
        )

        assert expected == actual

    @given(spans=_SPANS, found=_SPANS)
    def test_covers_as_a_brute_force(self, spans, found):
        """`SpanSet.covers` says whether one span holds all of the query, as a scan would."""
        from sellerpolicy._text.spans import SpanSet

        index = SpanSet(spans)

        for start, end in found:
            assert index.covers(start, end) == any(s <= start and end <= e for s, e in spans)


def _reference_external_links(a):
    """SP101's findings judged link by link, as the rule first did."""
    links = contact.page_links(a)
    if not links:
        return []
    completion = a.kind in a.policy.parameters.members("order_completion_kinds")
    inside = contact._overlapping(a.emails, links) if a.emails else [False] * len(links)
    body = a.message.body
    results = []
    for link, in_email in zip(links, inside, strict=True):
        verdict = contact._link_verdict(a, link, completion=completion)
        if verdict == contact._DROP or in_email:
            continue
        if verdict == contact._DROP_IF_RUNS_ON and contact._RUNS_ON.match(
            body[link.end : link.end + 4]
        ):
            continue
        results.append(
            (link.start, link.end, body[link.start : link.end], link.disguises, None, "")
        )
    return list(contact._counted(results))


LINK_PIECES = [
    *("shop.com", "Shop.COM", "amazon.com", "https://amazon.com/x", "www.amazon.de/dp/b0", "x"),
    *("jane@shop.com", "shop.com@gmail.com", "un point com", "shop dot com", " 4", "le point fr"),
    *(" ", " ", ". ", ", ", "\n", "shop [dot] it", "mail.example.org"),
]


class TestExternalLinks:
    @given(
        st.lists(st.sampled_from(LINK_PIECES), max_size=30).map("".join),
        st.sampled_from(["reply", "proactive", "review_request"]),
    )
    def test_as_judged_link_by_link(self, text, kind):
        """Links judged once per distinct link and counted are those judged one by one."""
        a = engine.Analysis(Message(body=text or "x", kind=kind), (), Policy.current())

        expected = _reference_external_links(a)

        assert expected == list(contact.external_link(a))


class TestPageLinks:
    def test_worked_out_once_per_analysis(self):
        """The links a buyer could follow leave image sources out and are worked out once for
        the rules that ask for them."""
        body = '<p>see shop.com</p><img src="https://x.com/a.png">'
        message = Message(body=body, kind="reply", format="html")
        analysis = engine.Analysis(message, (), Policy.current())

        links = contact.page_links(analysis)

        assert ["shop.com"] == [link.value for link in links]
        assert links is contact.page_links(analysis)


class TestRoundEight:
    """Seller feedback and cancellations as the eighth round's writers put them."""

    def test_second_request_after_a_german_one(self):
        """'Haben Sie schon Gelegenheit gehabt, sie zu ändern?' after 'können Sie ... anpassen'."""
        earlier = Message(
            body=(
                "Wenn Sie finden, dass wir Ihr Anliegen gelöst haben, können Sie Ihre Bewertung"
                " gern anpassen."
            ),
            kind="reply",
            sender="seller",
        )
        text = (
            "Hallo Herr Fischer, ich wollte mich noch einmal wegen Ihrer Bewertung melden."
            " Haben Sie schon Gelegenheit gehabt, sie zu ändern?"
        )

        report = check_message(text, kind="proactive", history=(earlier,))

        assert "SP116" in report.codes

    def test_steps_for_a_rating_named_by_its_stars(self):
        """The buyer gave '1 Stern statt 5' and asked how to change it: the steps are no request.

        Without the question in the history the steps alone still answer (round 17: a reply
        that only tells the steps answers the buyer); an ask beside them makes them a request.
        """
        asked = Message(
            body="Sorry, ich habe aus Versehen 1 Stern statt 5 gegeben. Wie kann ich das ändern?",
            kind="inquiry",
            sender="buyer",
        )
        text = (
            "Öffnen Sie „Meine Bestellungen“ und klicken Sie auf „Verkäuferfeedback abgeben“."
            " Dort können Sie eine bereits abgegebene Bewertung entfernen und neu abgeben."
        )

        assert "SP116" not in check_message(text, kind="reply", history=(asked,)).codes
        assert "SP116" not in check_message(text, kind="reply").codes
        asking = "Bitte ändern Sie Ihre Verkäuferbewertung. " + text
        assert "SP116" in check_message(asking, kind="reply").codes

    def test_refund_traded_for_a_changed_rating(self):
        """'Sie passen Ihre Bewertung an, und wir erstatten Ihnen im Gegenzug ...': both rules."""
        text = (
            "Ich mache Ihnen einen Vorschlag: Sie passen Ihre Bewertung an, und wir erstatten Ihnen"
            " im Gegenzug die Versandkosten. Geben Sie mir Bescheid, wenn es erledigt ist."
        )

        codes = check_message(text, kind="reply").codes

        assert {"SP106", "SP116"} <= codes

    @pytest.mark.parametrize("kind", ["unexpected_problem", "confirm_order_details"])
    def test_feedback_request_in_another_kind(self, kind):
        """A neutral feedback request is negative_feedback_removal's purpose, not these kinds'."""
        text = (
            "The refund for the cracked bottle went through yesterday. If you feel we've resolved"
            " it, you can revise your feedback from your orders page."
        )

        assert "SP124" in check_message(text, kind=kind).codes
        assert "SP124" not in check_message(text, kind="negative_feedback_removal").codes

    def test_thanks_for_feedback_in_a_reply_is_fine(self):
        """SP117 judges proactive messages only: a reply may thank for the feedback."""
        text = "Thank you so much for your kind feedback! We're here if you need anything."

        assert "SP117" in check_message(text, kind="proactive").codes
        assert "SP117" not in check_message(text, kind="reply").codes


class TestMaskedToTheFirstLetters:
    """A swear word hidden to its first letters ('ch***') is read; a short mask is not."""

    @pytest.mark.parametrize(
        ("token", "root"),
        [("ch***", "chier"), ("sch***", "scheiß"), ("c*****s", "cojones"), ("p***e", "palle")],
    )
    def test_unmasked(self, token, root):
        """Two letters, then a symbol for every letter to the end: the root's length exactly."""
        from sellerpolicy._text.profanity import unmasks

        assert unmasks(token, root, strict=True)

    @pytest.mark.parametrize(
        ("token", "root"), [("ch**", "chier"), ("c***", "chier"), ("ch****", "chier")]
    )
    def test_not_unmasked(self, token, root):
        """One letter written, or one symbol too few or too many: no root."""
        from sellerpolicy._text.profanity import unmasks

        assert not unmasks(token, root, strict=True)

    @pytest.mark.parametrize(
        ("token", "root"),
        [
            ("vaff*******o", "vaffanculo"),
            ("a...loch", "arschloch"),
            ("a....loch", "arschloch"),
            ("a\u2026loch", "arschloch"),
            ("f****e", "foutre"),
        ],
    )
    def test_run_unmasked(self, token, root):
        """One run of stars or dots between the root's first and last letters, uncounted."""
        from sellerpolicy._text.profanity import unmasks

        assert unmasks(token, root, strict=True)

    @pytest.mark.parametrize(
        ("token", "root"),
        [
            ("v**o", "vaffanculo"),
            ("a..h", "arschloch"),
            ("a.....loch", "arschloch"),
            ("m*****************e", "merde"),
        ],
    )
    def test_run_not_unmasked(self, token, root):
        """A run far shorter or far longer than the letters it would hide: no root."""
        from sellerpolicy._text.profanity import unmasks

        assert not unmasks(token, root, strict=True)


class TestTemplateGating:
    """A template's own branch on the buyer's satisfaction is review gating (SP114)."""

    def test_the_span_is_the_branch(self):
        """The finding points at the tag that opens the branch, in the original text."""
        text = (
            "{% if csat_score >= 4 %}Glad you like it! Would you review it on Amazon?"
            "{% else %}Sorry to hear that, reply and we'll help.{% endif %}"
        )

        finding = next(
            f for f in check_message(text, kind="review_request").findings if f.code == "SP114"
        )

        assert "{% if csat_score >= 4 %}" == text[finding.span.start : finding.span.end]

    def test_linear_on_a_long_tag(self):
        """An unclosed tag of 100,000 characters is read once (bounded runs), and is no finding."""
        text = "{% if " + "score " * 20_000 + " Would you review it on Amazon?"

        assert "SP114" not in check_message(text, kind="review_request").codes


class TestPromotionalFileNames:
    """A promotional word standing alone in a file name is read with the lexicon's exceptions;
    inside a longer word, by its stem (round 32)."""

    @staticmethod
    def _codes(file_name):
        message = Message(
            body="Please find the document for your order attached.",
            kind="proactive",
            attachments=[
                Attachment(file_name=file_name, media_type="application/pdf", size_bytes=200_000)
            ],
        )
        return check_message(message, policy=PHRASE_READING).codes

    def test_sea_salt_is_no_sale(self):
        assert not {"SP113", "SP119"} & self._codes("SDS-ricarica-sale-marino-IT.pdf")

    def test_salt_in_a_scent_is_no_sale(self):
        """A candle's 'Fico e Sale' (fig and salt) in its safety sheet's name (fresh_fg)."""
        assert not {"SP113", "SP119"} & self._codes("scheda_sicurezza_Fico_e_Sale.pdf")

    @pytest.mark.parametrize("name", ["summer-sale-2025.pdf", "Herbstkatalog.pdf"])
    def test_a_sale_and_a_catalogue_inside_a_word_promote(self, name):
        assert {"SP113", "SP119"} <= self._codes(name)


class TestRoundFiftyTwo:
    """Whose question a reply answers: the buyer's latest message (fresh_fl)."""

    REQUEST = (
        "Visto che la prima base le aveva dato problemi, ci farebbe davvero piacere se desse"
        " un'altra occhiata a quello che aveva scritto nella sua recensione."
    )
    STEPS = (
        "Può modificare la recensione dalla pagina del prodotto: apra «Le mie recensioni» e"
        " scelga «Modifica»."
    )

    def test_a_review_named_in_an_earlier_message_is_no_question_the_reply_answers(self):
        """'ho scritto anche una recensione. Potete mandarmene un'altra?', then thanks."""
        history = (
            Message(
                body=(
                    "La base dell'ombrellone traballa, ho scritto anche una recensione."
                    " Potete mandarmene un'altra?"
                ),
                kind="inquiry",
                sender="buyer",
            ),
            Message(body="Le spediamo subito una base nuova.", kind="reply", sender="seller"),
            Message(
                body="La base nuova è arrivata, questa volta è perfetta, grazie.",
                kind="inquiry",
                sender="buyer",
            ),
        )

        assert "SP115" in check_message(self.REQUEST, kind="reply", history=history).codes

    def test_a_follow_up_before_the_reply_keeps_the_question_the_buyers(self):
        """'How do I change my review?' then 'forgot to add: order ...': the reply answers both."""
        history = (
            Message(
                body="How do I change or remove my review? I rated it 2 stars by mistake.",
                kind="inquiry",
                sender="buyer",
            ),
            Message(
                body="Sorry, forgot to add: order 113-1234567-1234567.",
                kind="inquiry",
                sender="buyer",
            ),
        )
        steps = "Sure, you can update your review: open the product page and click Edit."

        assert "SP115" not in check_message(steps, kind="reply", history=history).codes

    @pytest.mark.parametrize(
        "question",
        [
            "Ho lasciato una recensione da una stella. Posso modificarla?",
            "Come faccio a cambiare la mia recensione?",
            "Ho scritto la recensione sul prodotto sbagliato. E adesso?",
        ],
    )
    def test_the_buyers_latest_question_about_the_review_is_theirs(self, question):
        """The steps a buyer asked for in the message the reply answers are no request."""
        asked = Message(body=question, kind="inquiry", sender="buyer")

        assert "SP115" not in check_message(self.STEPS, kind="reply", history=(asked,)).codes


class TestStructuralIncentives:
    """SP106 read from a sentence's structure: the model gate leaves those findings as they are."""

    @pytest.mark.parametrize(
        "text",
        [
            "If you're able to take the 1 star down, we'll refund your shipping straight away.",
            "Appena rimuove la valutazione da una stella, Le facciamo partire subito il barattolo.",
            "Anyone who posts a review of theirs before June gets a spare lid seal from us.",
        ],
    )
    def test_an_error_in_the_current_edition(self, text):
        """The current edition's gate, which weighs words, does not drop or downgrade them."""
        report = check_message(text, kind="reply")

        severities = {f.severity for f in report.findings if f.code == "SP106"}
        assert severities == {Severity.ERROR}

    def test_nothing_is_read_without_the_structure(self):
        """A message without a condition or a reward group leaves the gate its say."""
        text = "Thanks for your order."
        analysis = engine.Analysis(Message(body=text, kind="reply"), (), Policy.current())

        assert not phrases.structurally_read(analysis, sellerpolicy.Code.SP106, 0, len(text))


class TestMakersDesk:
    """SP104: a maker's national service desk gives its own line (info); a seller's is an error."""

    @staticmethod
    def severity(text):
        found = [f for f in check_message(text, kind="reply").findings if f.code is Code.SP104]
        assert len(found) == 1, found
        return found[0].severity

    @pytest.mark.parametrize(
        "text",
        [
            "Il prodotto ha 2 anni di garanzia: conviene sentire l'assistenza TORVIK Italia al numero verde 800 912 417.\n\nSaluti,\nUtensili Rossi",
            "Sous garantie : le service après-vente Bellacrema France répond au 09 69 32 10 45.\n\nCordialement,\nPièces Café Express",
            "Está en garantía: el servicio técnico oficial de Bellacrema en España atiende en el 900 814 336.\n\nUn saludo,\nCafés Martín",
            "It's a warranty fault. To make a claim, contact Bellacrema UK customer care on 0344 556 2210.\n\nThanks,\nCraig",
            "Das ist ein Garantiefall. Der Bellacrema-Kundendienst ist unter 0800 723 5540 erreichbar, alternativ über die Website des Herstellers.\n\nViele Grüße\nKaffeehaus Technik",
        ],
    )
    def test_makers_desk_is_info(self, text):
        """The desk named by the brand with its country, in a message about the warranty."""
        assert self.severity(text) is Severity.INFO

    @pytest.mark.parametrize(
        "text",
        [
            "Kind regards,\nTom\nBrightshop UK\nTel: 0203 123 4567",
            "Call us any time. Brightshop UK customer care on 0203 123 4567. Warranty included.",
            "Garantie inklusive. Rufen Sie uns gerne an: Lampenwelt Deutschland, Telefon 030 1234567.",
            "Garantie de 2 ans. Notre boutique, Maison Lumière France, répond au 04 78 12 34 56.",
            "Warranty questions? Our Kitchenly UK customer care is on 0114 496 0999.",
            # the desk the message signs with is the seller's own
            "The heater has a 2-year manufacturer's warranty.\n\nMany thanks,\nThe Warmhouse UK support team on 0203 123 4567",
            "Garanzia 24 mesi.\nCordiali saluti,\nServizio Clienti CasaBella Italia, tel. 02 1234 5678",
            # a mobile, written with its trunk '(0)': as likely the seller's own line
            "Two-year warranty: phone Kitchenly UK customer care on +44 (0) 7700 900123.\n\nBest,\nAnna",
            # no maker and no warranty in the message
            "Il numero verde dell'assistenza CasaBella Italia è 800 912 417.\n\nSaluti,\nMario",
            # a sentence's first word is no brand
            "Two-year warranty. Dedicated UK support: 0203 123 4567.\n\nBest,\nAnna",
        ],
    )
    def test_sellers_own_line_is_error(self, text):
        """A signature, 'our', 'call us', a mobile or no warranty at all: the seller's own."""
        assert self.severity(text) is Severity.ERROR

    @pytest.mark.parametrize(
        "text",
        [
            "Bosch also run their own warranty desk for installers - the number they give on the warranty card in the box is 0344 892 0115.",
            "Once it's booked, Parcelforce's own customer line, which they print on their calling card, is 0344 800 4466.",
            "Für Fragen zum Rückruf hat der Hersteller eine eigene Hotline eingerichtet, die er in seiner Rückrufmeldung angibt: 0800 724 3310.",
            "Le transporteur a une ligne, le numéro qu'ils indiquent est le 09 69 32 10 45.",
            # a carrier's line in the possessive (fresh_gy)
            "If you'd like to speak to the carrier, OnTrac's customer service number is 1-800-334-5000.",
        ],
    )
    def test_line_the_carrier_publishes_is_info(self, text):
        """Where the carrier or maker its sentence names gives the number ('the number they print')."""
        assert self.severity(text) is Severity.INFO

    # a company said to run the line, named elsewhere as a product's brand; the seller's own
    # shop or staff said to run one is the seller's
    _RUNS = (
        "Hello Sam,\n\nThanks for your message about the fitting instructions, which we have "
        "attached again for you here.\n\n{}\n\nKind regards,\nAnna\nHome Parts Direct"
    )

    @pytest.mark.parametrize(
        "line",
        [
            "The Acme kettle is covered for two years by the maker. Acme run a technical hotline for owners - the number they print on the insert is 0344 496 0732.",
            "The manufacturer, Hillside Pet Foods, has recalled batch L24187. Hillside have set up a recall helpline for pet owners; the number given in their recall notice is 0800 048 7213 (Mon-Fri, 9am-5pm).",
        ],
    )
    def test_line_a_named_maker_runs_is_info(self, line):
        """'Acme run a technical hotline - the number they print on the insert is ...'."""
        assert self.severity(self._RUNS.format(line)) is Severity.INFO

    @pytest.mark.parametrize(
        "line",
        [
            "Thanks for shopping at Acme! Acme runs a support line for all orders - the number they list on the invoice is 0344 496 0732.",
            "Tom will sort it out. Tom runs a returns desk - the number they print on the invoice is 0344 496 0732.",
            "Our customer care team run a dedicated hotline - the number they print on the invoice is 0344 496 0732.",
            # the shop the buyer ordered from ('your Bloomhouse order'), the seller's pronouns
            # and contractions after the number, a signature's name written with a hyphen
            "Thank you for your Bloomhouse order! Bloomhouse run a support line - the number they print on the invoice is 0344 496 0732.",
            "The Acme kettle is great. Acme run a hotline for owners - the number they print on the insert is 0344 496 0732 and we'll pick up.",
            "Der Acme Wasserkocher ist da. Acme run a hotline for owners - the number they print on the insert is 0344 496 0732, da sind wir erreichbar.",
        ],
    )
    def test_line_the_seller_runs_is_error(self, line):
        """The shop the buyer bought at, one of its people, or 'our' team: the seller's own line."""
        assert self.severity(self._RUNS.format(line)) is Severity.ERROR

    @pytest.mark.parametrize(
        "text",
        [
            # the seller's words in the sentence, before or after the number
            "Call our office any time - the number they print on the invoice is 0161 496 0732.",
            "UPS has it and the number they print on our invoice is 0161 496 0732.",
            "UPS has it; the number they give is 0161 496 0732 and that reaches our office.",
            "Der Hersteller und unser Team helfen gern, die Nummer, die er angibt: 0800 1234567.",
            # no carrier or maker in the sentence ('they' may be the seller's staff)
            "The courier has it. The number they print on the invoice is 0161 496 0732.",
            "Our customer care team run a dedicated hotline - the number they print on the invoice is 0161 496 0732.",
            # a mobile, as likely a person's of the seller
            "DHL will redeliver tomorrow, and the number they print on the card is 07700 900123.",
            # the clause in the sentence before the number's
            "Ring our shop, it's the number they print on our invoice.\nCourier questions too: 0344 496 0732",
            "UPS has it. Monsieur - mon bureau: the number they print on the label is 09 69 32 10 45.",
        ],
    )
    def test_line_they_publish_in_the_sellers_sentence_is_error(self, text):
        """'they' said of the seller's staff, or beside 'our': the seller's own number."""
        assert self.severity(text) is Severity.ERROR

    def test_makers_named_once_a_message(self, monkeypatch):
        """The body's words are indexed once a message, however many makers' lines it has.

        The first version searched the whole body for the maker's name once a number: a text
        of many makers' lines took time that grew with the square of its length.
        """
        calls = []
        real = contact._mentions

        def counted(a):
            calls.append(1)
            return real(a)

        monkeypatch.setattr(contact, "_mentions", counted)
        lines = "".join(
            f"The Brand{i} 40841 arm is here. Brand{i} run a technical hotline for owners - the"
            f" number they print on the insert is 0344 {i:03d} {i:04d}.\n"
            for i in range(40)
        )
        report = check_message(f"Hello,\n\n{lines}\nKind regards,\nAnna", kind="reply")
        phones = [f.severity for f in report.findings if f.code is Code.SP104]
        assert phones == [Severity.INFO] * 40
        assert len(calls) == 1

    def test_postal_item_number_is_no_phone(self):
        """A UPU S10 item number's digits look like a phone's; its check digit says otherwise."""
        assert (
            "SP104"
            not in check_message(
                "Your Special Delivery number is XK 0192 3317 4GB.", kind="reply"
            ).codes
        )
        # one check digit off, the digits are read as before
        assert (
            "SP104"
            in check_message(
                "Your Special Delivery number is XK 0192 3317 5GB.", kind="reply"
            ).codes
        )


class TestCollectionLabel:
    """SP119: a courier's collection label is needed; a spring collection is promotion."""

    def attached(self, name):
        att = Attachment(file_name=name, media_type="application/pdf")
        body = "The collection label for the repair is attached."
        return check_message(Message(body=body, kind="reply", attachments=(att,))).codes

    def test_collection_label_is_allowed(self):
        assert "SP119" not in self.attached("DPD_collection_label_15501234567890.pdf")

    def test_collection_brochure_is_not(self):
        assert "SP119" in self.attached("spring_collection_booking.pdf")


# (id, body, kind, code, severity or None): round 85's readings (2026-12-07), each as a user
# sees it with the default policy. ``None``: the code is not reported at error or warning.
ROUND_85_CASES = [
    (
        "shipped notice as unexpected problem, Spanish",
        "buenas! tu pedido ya salió con Correos, código PQ4F6P0712345670108001K. ¡que lo disfrutes!",
        "unexpected_problem",
        "SP110",
        "error",
    ),
    (
        "shipped notice as unexpected problem, signed off",
        (
            "Buone notizie: il tuo ordine è stato spedito oggi con SDA, lettera di vettura"
            " 3UW1B40987654. Buona giornata!\n\nTutto Pet Shop"
        ),
        "unexpected_problem",
        "SP124",
        "warning",
    ),
    (
        "warranty line sent as delivery confirmation: SP124's model does not confirm",
        (
            "Since your order was delivered on 2 June, your warranty remains valid for 24 months"
            " from that date."
        ),
        "confirm_delivery",
        "SP110",
        None,
    ),
    (
        "order received with us, Italian",
        (
            "Ciao,\n\nti scriviamo solo per dirti che il tuo ordine 405-2291837-6650318 (moka da 6"
            " tazze) è arrivato da noi e lo stiamo già preparando con cura."
        ),
        "proactive",
        "SP109",
        "error",
    ),
    (
        "swear word with look-alike digits, Spanish",
        "Esta conversación ya es una m13rda. No vamos a contestar más.",
        "reply",
        "SP111",
        "error",
    ),
    (
        "swear word with look-alike digits, French",
        "Votre avis une étoile, c'est vraiment une belle c0nnerie.",
        "reply",
        "SP111",
        "error",
    ),
    (
        "model numbers and an ASIN are no swear words",
        "Your order of 2 units of model s1000 (ASIN B07XJ8C8F5) ships in 4k packaging.",
        "reply",
        "SP111",
        None,
    ),
    (
        "an idiom that holds its own negation, after 'ne'",
        "Nous ne sommes pas nés de la dernière pluie : le carton pesait 1,2 kg au départ.",
        "reply",
        "SP111",
        "error",
    ),
    (
        "the rest refunded once the feedback is gone, the first part already refunded",
        (
            "Hallo Herr Wagner, die ersten 10 € haben wir bereits erstattet. Die restlichen 15 €"
            " erstatten wir, sobald Ihre negative Verkäuferbewertung entfernt ist."
        ),
        "reply",
        "SP116",
        "error",
    ),
    (
        "a replacement sent once the feedback is removed, participle first",
        (
            "Wir würden es gern losschicken, sobald die negative Bewertung für unseren Shop"
            " entfernt ist."
        ),
        "reply",
        "SP106",
        "error",
    ),
    (
        "a surprise for everyone who shares on the product page",
        (
            "Alle, die ihre Begeisterung auf der Produktseite teilen, bekommen von uns als kleines"
            " Dankeschön eine Überraschung per Post."
        ),
        "proactive",
        "SP106",
        "error",
    ),
    (
        "an English 'drop-off point' before 'it' is no Italian domain",
        "Take the kettle, in any box, to the drop-off point it names and show them the code.",
        "reply",
        "SP101",
        None,
    ),
    (
        "a domain spelled with 'punto'",
        "Scrivete a negozio punto it per info.",
        "reply",
        "SP101",
        "error",
    ),
    (
        "the buyer's own order of two",
        (
            "Hi, we noticed two orders placed two minutes apart. If you meant to buy two, no"
            " action is needed."
        ),
        "proactive",
        "SP113",
        None,
    ),
    (
        "the seller cancels it itself once the buyer confirms",
        (
            "Buongiorno Sig.ra Conti,\n\npurtroppo non possiamo modificare un ordine già pagato,"
            " quindi non è possibile versare la differenza per il formato più grande.\n\nSe"
            " preferisce la padella da 32 cm, ci confermi qui che vuole annullare l'ordine"
            " attuale: lo annulliamo noi e riceverà il rimborso completo."
        ),
        "reply",
        "SP123",
        None,
    ),
    (
        "a phishing attempt named to warn the buyer",
        (
            "Gracias por avisarnos. Ese SMS no lo hemos enviado nosotros: parece un intento de"
            " estafa (phishing)."
        ),
        "reply",
        "SP111",
        None,
    ),
    (
        "the task said to be beyond the buyer",
        "Perhaps find someone handy to help you, since this seems to be beyond you.",
        "reply",
        "SP111",
        "error",
    ),
    (
        "'if you don't know which size' is no insult",
        (
            "Si vous ne savez pas quelle taille choisir, le guide des tailles se trouve sous les"
            " photos."
        ),
        "reply",
        "SP111",
        None,
    ),
    (
        "'did you know we ...', German",
        (
            "Wussten Sie, dass wir auch einen kleinen Laden haben? Dort gibt es unsere"
            " Wintermischungen."
        ),
        "proactive",
        "SP113",
        "error",
    ),
]


ROUND_85_CASES += [
    (
        "round 87: the review asked of a buyer the pack served well, German",
        (
            "Hallo,\n\nhat Ihnen der Tagesrucksack auf der letzten Tour gute Dienste geleistet?"
            " Dann würden wir uns riesig freuen, wenn Sie das auch anderen Wanderern auf Amazon"
            " erzählen."
        ),
        "review_request",
        "SP107",
        "error",
    ),
    (
        "round 87: a refund once the rating has gone, Spanish",
        (
            "Hola Carmen:\n\nTramitaremos el reembolso en cuanto veamos que ha desaparecido la"
            " valoración negativa que dejaste en nuestra tienda."
        ),
        "reply",
        "SP116",
        "error",
    ),
    (
        "round 87: a monthly draw among those who tell their experience on the product sheet",
        (
            "Cada mes sorteamos una tarjeta regalo de 50 € entre los clientes que nos cuentan su"
            " experiencia en la ficha del producto."
        ),
        "review_request",
        "SP106",
        "error",
    ),
    (
        "round 87: reviews that changed how the seller packs are no change asked",
        (
            "It's been about a week since the Aurora reading lamp arrived, so we thought we'd ask:"
            " how's it working out? Whether it has become your favourite corner light, turned out"
            " merely fine, or isn't what you hoped for, a review on the product page tells the next"
            " person what to expect. We read every one, the critical ones included, and a few of"
            " them have already changed how we pack the shade."
        ),
        "review_request",
        "SP115",
        None,
    ),
    (
        "round 87: the buyer said to be telling lies, Italian",
        (
            "Il suo feedback negativo è semplicemente falso. Lei sta raccontando bugie per ottenere"
            " un rimborso."
        ),
        "reply",
        "SP111",
        "error",
    ),
    (
        "round 87: an unconvinced buyer told not to go straight to a review, Italian",
        (
            "Qualcosa del tappeto non ti ha convinto? Non affidarlo subito a una recensione:"
            " scrivici rispondendo a questo messaggio."
        ),
        "review_request",
        "SP114",
        "error",
    ),
]


ROUND_85_CASES += [
    (
        "round 88: the matter passed to the seller's law firm, Italian",
        (
            "La informiamo che, in mancanza di riscontro entro sette giorni, la pratica sarà"
            " trasmessa al nostro studio legale."
        ),
        "reply",
        "SP112",
        "error",
    ),
    (
        "round 88: the buyer reported to the credit bureau, German",
        (
            "Sollte das Gerät nicht bis Ende der Woche bei uns sein, werden wir den Vorgang an die"
            " SCHUFA melden."
        ),
        "reply",
        "SP112",
        "error",
    ),
    (
        "round 88: a defamation suit announced, Italian",
        "Se entro una settimana quel testo è ancora lì, la querelo per diffamazione.",
        "reply",
        "SP112",
        "error",
    ),
    (
        "round 88: the details for the buyer's own police report",
        (
            "Es tut uns leid, dass Ihr E-Bike gestohlen wurde. Für die Anzeige bei der Polizei und"
            " Ihre Hausratversicherung hier die Daten aus unseren Unterlagen."
        ),
        "reply",
        "SP112",
        None,
    ),
    (
        "round 88: the buyer's own lawyer, the buyer's right",
        (
            "Mi dice che, se non risolviamo, si rivolgerà a un avvocato. È assolutamente nel suo"
            " diritto."
        ),
        "reply",
        "SP112",
        None,
    ),
    (
        "round 88: the buyer's act named fraud, German",
        "Leute wie Sie halten sich offenbar für besonders schlau. Wir nennen das Betrug.",
        "reply",
        "SP111",
        "error",
    ),
]


ROUND_85_CASES += [
    (
        "a short last line that says something is no sign-off (a review of the change)",
        "Wir haben Ihre Bestellung erhalten.\n\nDer Akku fehlt.",
        "unexpected_problem",
        "SP109",
        None,
    ),
    (
        "a closing request is no sign-off either",
        "Your order has shipped with UPS.\n\nPlease contact us.",
        "unexpected_problem",
        "SP110",
        None,
    ),
]


class TestRound85:
    """Readings of 2026-12-07's rounds 85 to 88, as a user calls `check_message`."""

    @pytest.mark.parametrize(
        ("text", "kind", "code", "severity"),
        [c[1:] for c in ROUND_85_CASES],
        ids=[c[0] for c in ROUND_85_CASES],
    )
    def test_wording(self, text, kind, code, severity):
        """Each wording gives its code at the severity named, or none at error or warning."""
        found = {
            f.severity.value
            for f in check_message(Message(body=text, kind=kind)).findings
            if f.code == code and f.severity.value != "info"
        }

        assert found == ({severity} if severity else set())

    def test_restock_answering_the_buyer(self):
        """A one-line reply that opens with the restock the buyer asked about is no marketing."""
        history = (
            Message(
                body="Any news on the oat milk soap?",
                kind="inquiry",
                sender="buyer",
                sent_at=dt.datetime(2026, 5, 20, 7, 12, tzinfo=dt.UTC),
            ),
        )

        report = check_message(
            Message(body="Back in stock 4 June. – Lou", kind="reply"), history=history
        )

        assert "SP113" not in report.codes

    def test_shipping_notice_read_once(self):
        """SP110 and SP124 read one verdict of the purpose model: the span is the shipment."""
        text = "Good news: your order was shipped today with UPS. Have a nice day!"

        report = check_message(Message(body=text, kind="unexpected_problem"))
        shipped = [f for f in report.findings if f.code == "SP110"]

        assert [text[f.span.start : f.span.end] for f in shipped] == ["was shipped"]
        assert "SP124" in report.codes


# Round 89 (2026-12-07): readings of fresh_jj (promotion told softly: stalls, pop-ups,
# crowdfunding, clubs) and fresh_jk (contempt without swear words, veiled threats, gating), each
# wording the project's own; and wordings of ordinary messages the readings must leave alone.
ROUND_89_REPORTED = [
    (
        "round 89: a market stall the buyer is invited to",
        (
            "We'll be at the Riverside Sunday Market all summer, stall 12 by the bridge. If "
            "you're nearby, come and say hi!"
        ),
        "proactive",
        "SP105",
    ),
    (
        "round 89: a crowdfunding launch with a backers' price",
        (
            "Next month we're launching our new lantern on Kickstarter, and early backers "
            "get it at a special price."
        ),
        "proactive",
        "SP105",
    ),
    (
        "round 89: a showroom's opening days",
        ("Our showroom in Bath is open Friday to Sunday if you'd like to see the full range."),
        "proactive",
        "SP105",
    ),
    (
        "round 89: a workshop's opening hours, German",
        "Unsere kleine Werkstatt in Lübeck hat samstags von 10 bis 13 Uhr geöffnet.",
        "proactive",
        "SP105",
    ),
    (
        "round 89: the shop found on a network, Spanish",
        ("Nos encontrará como Velas Luna en Instagram, donde compartimos ideas de decoración."),
        "proactive",
        "SP105",
    ),
    (
        "round 89: a sign-up by reply, spam promised away",
        (
            "Just reply with your email address and we'll add you to our mailing list - "
            "nothing spammy, promise."
        ),
        "proactive",
        "SP105",
    ),
    (
        "round 89: a club joined by replying with an address, Spanish",
        (
            "Responda a este mensaje con su correo electrónico y le incluimos en nuestro "
            "club de clientes."
        ),
        "proactive",
        "SP105",
    ),
    (
        "round 89: compensation the buyer can keep dreaming of",
        "We will refund the jar. The compensation you can keep dreaming about.",
        "reply",
        "SP111",
    ),
    (
        "round 89: the problem said to sit in front of the screen",
        "The charger works fine; the problem is in front of the screen.",
        "reply",
        "SP111",
    ),
    (
        "round 89: the buyer's details handed to the police, Spanish",
        ("Si sigue reclamando el reembolso, les facilitaremos sus datos a la Guardia Civil."),
        "reply",
        "SP112",
    ),
    (
        "round 89: message us first rather than posting",
        (
            "We'd love a review of the lamp. If anything isn't right, please message us "
            "here first rather than posting."
        ),
        "review_request",
        "SP114",
    ),
    (
        "round 89: money back once the review is seen published, Spanish",
        ("Para agradecerle el tiempo, cuando la vea publicada le devolveremos 5 € de su pedido."),
        "review_request",
        "SP106",
    ),
]
ROUND_89_QUIET = [
    (
        "round 89: a change of mind is no change of feedback",
        (
            "For a change of mind the return postage is yours, as our returns policy says. "
            "You remain free to leave the feedback you think fair."
        ),
        "reply",
        "SP116",
    ),
    (
        "round 89: a change of mind is no change of feedback, Italian",
        (
            "Per i resi dovuti a un cambio di idea la spedizione di ritorno è a carico del "
            "cliente. Naturalmente resta libero di lasciare il feedback che ritiene giusto."
        ),
        "reply",
        "SP116",
    ),
    (
        "round 89: our legal team's notice to every buyer",
        (
            "Our legal team has asked us to send every buyer of this power bank the "
            "attached battery safety notice."
        ),
        "reply",
        "SP112",
    ),
    (
        "round 89: the buyer's own police report, formal Spanish",
        (
            "Le recomendamos llamar a su banco y, si el banco se lo pide, presente usted "
            "mismo la denuncia en la policía."
        ),
        "reply",
        "SP112",
    ),
    (
        "round 89: a restock that will ship tomorrow, French",
        "Bonne nouvelle : votre article est de nouveau en stock et sera expédié demain.",
        "unexpected_problem",
        "SP110",
    ),
    (
        "round 89: a restock that will ship tomorrow, German",
        "Gute Nachricht: Ihr Artikel ist wieder auf Lager und wird morgen verschickt.",
        "unexpected_problem",
        "SP110",
    ),
    (
        "round 89: a crowdfunding campaign as the reason for a delay",
        (
            "The delay comes from the manufacturer fulfilling its Kickstarter campaign "
            "rewards first."
        ),
        "unexpected_problem",
        "SP105",
    ),
    (
        "round 89: the customer service's opening days",
        ("Our customer service is open Monday to Friday, 9 to 5, if you have any questions."),
        "reply",
        "SP105",
    ),
    (
        "round 89: a face put to the order",
        "Thank you for the photo; it's lovely to put a face to the order.",
        "reply",
        "SP105",
    ),
    (
        "round 89: the seller found on the invoice",
        ("You'll find us on the invoice attached to your Amazon order, with our business name."),
        "reply",
        "SP105",
    ),
    (
        "round 89: the stand where the buyer saw the colour",
        ("The colour you noticed at our stand at the fair looked lighter under the hall lights."),
        "reply",
        "SP105",
    ),
]


# Round 90 (2026-12-07): readings of fresh_jn (review requests, gating and review changes in five
# languages) and fresh_jo (the SP-API kinds used for the wrong purpose), in the project's words.
ROUND_90_REPORTED = [
    (
        "round 90: a review reworded now the problem is solved, French",
        "Maintenant que le problème est réglé, pourriez-vous reformuler votre commentaire sur la fiche du produit ?",
        "reply",
        "SP115",
    ),
    (
        "round 90: a review given another turn, Spanish",
        "Ahora que está todo resuelto, ¿te importaría darle una vuelta a tu opinión en la ficha del producto?",
        "reply",
        "SP115",
    ),
    (
        "round 90: a review if it lived up to it, Spanish",
        "Si ha estado a la altura, nos encantaría que lo contaras en Amazon.",
        "review_request",
        "SP107",
    ),
    (
        "round 90: words of praise if it convinced, German",
        "Wenn es Sie überzeugt, freuen wir uns über ein paar anerkennende Worte auf der Produktseite.",
        "review_request",
        "SP107",
    ),
    (
        "round 90: a good review if it holds up",
        "If it's holding up well, we would be super grateful for a good review.",
        "review_request",
        "SP107",
    ),
    (
        "round 90: confide in us before telling the world, German",
        "Sollte Ihnen etwas nicht gefallen, würden wir uns freuen, wenn Sie zuerst uns ins Vertrauen ziehen, bevor Sie Ihre Eindrücke mit der ganzen Welt teilen.",
        "review_request",
        "SP114",
    ),
    (
        "round 90: a buzz before telling the world, Spanish",
        "Si algo no va bien, antes de contárselo al mundo danos un toque por la mensajería de Amazon.",
        "review_request",
        "SP114",
    ),
    (
        "round 90: better a word with us than a star less, Italian",
        "Il nostro servizio clienti è a sua disposizione: meglio una parola con noi che una stella in meno sulla pagina del prodotto!",
        "review_request",
        "SP114",
    ),
]
ROUND_90_QUIET = [
    (
        "round 90: every rating, high or low, Italian",
        "Ti andrebbe di lasciare un feedback su di noi come venditore? Ogni valutazione, alta o bassa, ci aiuta a migliorare.",
        "review_request",
        "SP107",
    ),
    (
        "round 90: the buyer's address form to complete",
        "Pour que le transporteur trouve votre porte, pourriez-vous compléter l'adresse de livraison dans votre compte Amazon ?",
        "reply",
        "SP115",
    ),
    (
        "round 90: a parcel on its way, answering where it is",
        "Su paquete ya va de camino con SEUR y debería llegar mañana.",
        "reply",
        "SP110",
    ),
]


# A fresh-eyes review of rounds 89-90 (a helper who ran ordinary messages in five languages
# against the change): each wording below was a false alarm or a miss the first readings made.
REVIEW_89_QUIET = [
    (
        "details handed to the courier are no threat",
        "Hi, we'll hand over your details to the courier so they can call before delivery.",
        "reply",
        "SP112",
    ),
    (
        "fair with everyone is no review, Spanish",
        "Hola, somos transparentes con todo el mundo, así que le devolvemos el importe completo hoy mismo.",
        "reply",
        "SP106",
    ),
    (
        "the product description changed, not the review, Spanish",
        "Gracias por la opinión que dejó; vamos a reflejarlo en la descripción del producto.",
        "reply",
        "SP115",
    ),
    (
        "real people on the other side of the screen, Spanish",
        "Al otro lado de la pantalla hay personas reales que leen cada mensaje.",
        "reply",
        "SP111",
    ),
    (
        "as you know as well as I do, French",
        "Vous le savez comme moi, les transporteurs sont débordés en décembre ; le vôtre est bien arrivé.",
        "reply",
        "SP111",
    ),
    (
        "an apology and other sellers, French",
        (
            "Désolé, la livraison en 24 h, c'était trop demander cette semaine. Contrairement à certains"
            " vendeurs, nous remplaçons la pièce sans frais."
        ),
        "reply",
        "SP111",
    ),
    (
        "a VAT rate on everything ordered, German",
        "Die Mehrwertsteuer beträgt 19 % auf alles, was Sie bestellt haben.",
        "reply",
        "SP113",
    ),
    (
        "a workshop closed on Saturdays, German",
        "Unsere Werkstatt hat samstags geschlossen, Ihre Reparatur ist am Montag fertig.",
        "reply",
        "SP105",
    ),
    (
        "a review reported to Amazon, Spanish",
        "Si alguna reseña te parece sospechosa, puedes denunciarla a Amazon con la opción «Denunciar».",
        "reply",
        "SP112",
    ),
]
REVIEW_89_REPORTED = [
    (
        "a refund once the feedback shows a change of mind",
        "We'll refund you in full as soon as we see a change of mind on your negative feedback.",
        "reply",
        "SP116",
    ),
    (
        "free to review and receive a voucher, Italian",
        "È libero di lasciare una recensione e ricevere un buono da 10 euro.",
        "review_request",
        "SP106",
    ),
    (
        "the buyer's details for the Guardia Civil if the claim goes on",
        (
            "Esto ya no es cosa de atención al cliente sino de la Guardia Civil, y les facilitaremos sus"
            " datos si sigue reclamando el reembolso."
        ),
        "reply",
        "SP112",
    ),
    (
        "a market stand to drop by, German",
        "Wir sind diesen Sommer auf dem Wochenmarkt in Freiburg, Stand 12. Kommen Sie doch mal vorbei!",
        "proactive",
        "SP105",
    ),
]


# Round 91 (2026-12-07): readings of fresh_jq … fresh_jt (refusals, the allowed proactive kinds,
# money asked softly, disguised contact details and opt-outs), in the project's words.
ROUND_91_REPORTED = [
    (
        "a number behind a tel: link",
        '<p>Hängt es schief? <a href="tel:+493069817702">Kurz durchklingeln</a></p>',
        "html",
        "reply",
        "SP104",
    ),
    (
        "an international number written without spaces",
        "Call us on +493069817702 any time.",
        "text",
        "reply",
        "SP104",
    ),
    (
        "an opt-out by a reply word, Spanish",
        "Si prefiere que dejemos de escribirle con estos consejos, basta con responder «BAJA».",
        "text",
        "proactive",
        "SP118",
    ),
    (
        "an opt-out link, French",
        "Pour ne plus en recevoir : https://www.jardin-exemple.fr/preferences",
        "text",
        "proactive",
        "SP118",
    ),
    (
        "the difference paid to the courier, Spanish",
        "La XL cuesta 7,40 € más, así que le agradeceríamos que abonara la diferencia al repartidor.",
        "text",
        "reply",
        "SP108",
    ),
    (
        "the invoice once the difference is settled, Italian",
        (
            "L'IVA applicata era al 10% anziché al 22%: la differenza è di 3,20 €. Quando ci avrà"
            " saldato l'importo, le invieremo la fattura corretta."
        ),
        "text",
        "reply",
        "SP108",
    ),
]
ROUND_91_QUIET = [
    (
        "a keyboard's model and layout in capitals",
        "Sur le clavier K-380.FR (disposition AZERTY), l'arobase s'obtient avec AltGr + à.",
        "text",
        "reply",
        "SP101",
    ),
    (
        "nothing more to pay, the difference refunded",
        "You don't need to pay the remaining balance: Amazon has already refunded the difference.",
        "text",
        "reply",
        "SP108",
    ),
]


# Round 92 (2026-12-07): readings of fresh_ju (contempt by idiom and veiled threats in French,
# Spanish and German) and fresh_jv (incentives, positive ratings and feedback pressure said
# softly), in the project's words.
ROUND_92_REPORTED = [
    (
        "a fool not to be taken for, French",
        "Ne me prenez pas pour un imbécile : ce colis est bien arrivé chez vous.",
        "reply",
        "SP111",
    ),
    (
        "not fooled, French",
        "Nous laissons Amazon trancher, mais sachez que nous ne sommes pas dupes.",
        "reply",
        "SP111",
    ),
    (
        "technology at the buyer's age, German",
        "Wir verstehen, dass Technik in Ihrem Alter nicht mehr so einfach ist.",
        "reply",
        "SP111",
    ),
    (
        "open amounts to the collections partner, German",
        "Offene Beträge übergeben wir grundsätzlich an unseren Partner für Forderungsmanagement.",
        "reply",
        "SP112",
    ),
    (
        "the gendarmerie not called yet, French",
        "Nous n'avons pas encore contacté la gendarmerie, mais nous gardons toutes les options ouvertes.",
        "reply",
        "SP112",
    ),
    (
        "the full mark if all is well, Italian",
        "Se invece è tutto a posto, un bel voto pieno ci farebbe un regalo enorme.",
        "review_request",
        "SP107",
    ),
    (
        "a refund released once the feedback clears off",
        "Your refund will release automatically as soon as the feedback clears off our storefront.",
        "reply",
        "SP116",
    ),
]
ROUND_92_QUIET = [
    (
        "round 93: the buyer's own right to a lawyer, Spanish",
        "Tiene todo el derecho a presentar una reclamación ante consumo o a consultar con un abogado.",
        "reply",
        "SP112",
    ),
    (
        "a slow explanation offered kindly",
        "No problem at all, I'll explain it slowly for you, step by step: first hold the power button.",
        "reply",
        "SP111",
    ),
    (
        "the invoice in the buyer's full name, German",
        "Die Rechnung stellen wir gern mit Ihrem vollen Namen und der Firmenanschrift aus.",
        "reply",
        "SP112",
    ),
    (
        "the buyer's own complaint quoted, French",
        "Vous écrivez que vous allez « porter plainte ». C'est bien entendu votre droit.",
        "reply",
        "SP112",
    ),
]


# A second review (rounds 91-93), by a helper who tried to break the new detectors and phrases.
REVIEW_91_QUIET = [
    (
        "a GTIN with leading zeros is no international number",
        "El GTIN del producto es 00012345678905.",
        "text",
        "reply",
        "SP104",
    ),
    (
        "a credit note's number",
        "Your credit note 00000004567891 has been issued.",
        "text",
        "reply",
        "SP104",
    ),
    ("a label and a date", "Tel: 2024-05-12", "text", "reply", "SP104"),
    (
        "advice to call the police",
        "If you haven't contacted the police yet about the stolen parcel, we recommend doing so.",
        "text",
        "reply",
        "SP112",
    ),
    (
        "a size not on the list yet",
        "Your size is not on that list yet, but we will add it.",
        "text",
        "reply",
        "SP112",
    ),
    (
        "a child learning to read, Spanish",
        "Si su hijo necesita aprender a leer, este libro es ideal.",
        "text",
        "reply",
        "SP111",
    ),
    (
        "enthusiasm shared with friends, then a neutral review, French",
        "Partagez votre enthousiasme avec vos amis ! Et si vous le souhaitez, laissez un avis.",
        "text",
        "review_request",
        "SP107",
    ),
    (
        "a stain that cleared off",
        "About the review: the stain cleared off once we used the cleaner.",
        "text",
        "reply",
        "SP115",
    ),
    (
        "a model code with a keyboard layout",
        "Sur le clavier K-380.FR (disposition AZERTY), la touche est à gauche.",
        "text",
        "reply",
        "SP101",
    ),
]
REVIEW_91_REPORTED = [
    (
        "a shop's address in capitals with a generic suffix",
        "ORDER AGAIN AT SHOP-24.COM",
        "text",
        "reply",
        "SP101",
    ),
    (
        "a shipping notice with a hypothetical failed delivery, German",
        "Ihre Bestellung wurde heute an DHL übergeben. Sollte DHL nicht zustellen können, erhalten Sie eine Karte.",
        "text",
        "proactive",
        "SP110",
    ),
    (
        "an international number with two zeros",
        "Ring us on 0049 30 69817702 any time.",
        "text",
        "reply",
        "SP104",
    ),
]


ROUND_94_REPORTED = [
    # (name, text, kind, code) -- plain text
    (
        "a swear word spelled letter by letter",
        "Wenn Sie diesen S c h e i ß nicht lesen, ist das Ihr Problem.",
        "reply",
        "SP111",
    ),
    (
        "an insult spelled letter by letter",
        "Honestly, what an i d i o t move that was.",
        "reply",
        "SP111",
    ),
    (
        "an insult masked by a hyphen",
        "Only an a-hole blames the seller for snow.",
        "reply",
        "SP111",
    ),
    (
        "the buyer's story called a fairy tale",
        "Su historia del paquete vacío es un cuento de hadas, y lo sabe.",
        "reply",
        "SP111",
    ),
    (
        "a liar by idiom",
        "You have been economical with the truth about that parcel, haven't you?",
        "reply",
        "SP111",
    ),
    (
        "a debt passed to a recovery agency",
        "Unpaid balances go to our recovery agency after fourteen days.",
        "reply",
        "SP112",
    ),
    (
        "the buyer's messages published on the seller's blog",
        (
            "Any more of this and we will post the full conversation, with your name, on our company"
            " blog."
        ),
        "reply",
        "SP112",
    ),
    (
        "the buyer's account reported on sellers' forums, in French",
        (
            "Nous allons signaler votre compte sur les forums vendeurs, avec le détail de vos"
            " commandes."
        ),
        "reply",
        "SP112",
    ),
    (
        "the facts put before the police, in Spanish",
        "Pasado el plazo, pondremos los hechos en conocimiento de la policía con su nombre.",
        "reply",
        "SP112",
    ),
    (
        "a refund released once the feedback is withdrawn, in German",
        (
            "Die Erstattung ist vorbereitet. Sobald die Verkäuferbewertung zurückgezogen ist, geben"
            " wir sie frei."
        ),
        "reply",
        "SP116",
    ),
    (
        "half the refund once the rating no longer shows, in Spanish",
        (
            "Le devolvemos la otra mitad en cuanto la valoración negativa ya no aparezca en nuestro"
            " perfil de vendedor."
        ),
        "reply",
        "SP116",
    ),
    (
        "a product review looked at anew, in French",
        "Accepteriez-vous de jeter un nouvel œil au commentaire publié sur la fiche du produit ?",
        "reply",
        "SP115",
    ),
    (
        "a product review revised on request, in Italian",
        (
            "La recensione che ha lasciato pesa molto; le chiederemmo di rivederla, ora che il"
            " ricambio è arrivato."
        ),
        "reply",
        "SP115",
    ),
    (
        "a review asked only if the fix made things right",
        "If the new kettle made things right for you, we would love a review on Amazon.",
        "review_request",
        "SP107",
    ),
    (
        "a unit kept by mistake to be paid for",
        "Please return the extra unit with the label or pay the £49.99 for it by Friday.",
        "reply",
        "SP108",
    ),
    (
        "early access to new colours",
        "Members of our club get early access to our new spring colours.",
        "proactive",
        "SP113",
    ),
    (
        "a shop address broken over a line",
        "Our other teas are at www.casadelte.\nes if you fancy a look.",
        "proactive",
        "SP101",
    ),
]
ROUND_94_QUIET = [
    (
        "what customers take together, in an answer",
        "Do you need both? Many customers get them together, but the lid alone fits your pot.",
        "reply",
        "SP113",
    ),
    (
        "a spaced-out print of two words",
        "The necklace spells S T U P I D  C U P I D in tiny letters, as you asked.",
        "reply",
        "SP111",
    ),
    (
        "a review Amazon removed, in the seller's words",
        "Your review no longer appears because Amazon removed it; we had no part in that.",
        "reply",
        "SP115",
    ),
    (
        "an answer in public without the buyer's name, in Italian",
        "Risponderemo pubblicamente alla sua recensione, senza ovviamente indicare il suo nome.",
        "reply",
        "SP112",
    ),
    (
        "a file named after the provider",
        "If the invoice landed in your Gmail as invoice.pdf, you can print it from there.",
        "reply",
        "SP103",
    ),
    (
        "the seller's own silly mistake, in Spanish",
        "Fue un error tonto mío: te mandé la funda del modelo 13. Ya va la buena.",
        "reply",
        "SP111",
    ),
    (
        "the seller's own oversight, in Italian",
        "È stata una svista stupida da parte nostra, il cavo giusto parte oggi.",
        "reply",
        "SP111",
    ),
    ("a spaced heading", "T H A N K  Y O U for your order!", "proactive", "SP111"),
    (
        "a children's book that is a fairy tale",
        "The book is a lovely fairy tale your children will enjoy at bedtime.",
        "reply",
        "SP111",
    ),
    (
        "a mug engraved with the buyer's name, posted",
        "We will post your mug, engraved with your name, today; you can track it online.",
        "reply",
        "SP112",
    ),
    (
        "a name and address on the postage label",
        "Your name and address were printed on the postage label; check the tracking online.",
        "reply",
        "SP112",
    ),
    (
        "the full name asked for an engraving",
        "For the engraving, please send us your full name exactly as it should appear.",
        "reply",
        "SP112",
    ),
    (
        "new product photos published, in Italian",
        "Pubblicheremo le nuove foto del prodotto sulla scheda la settimana prossima.",
        "reply",
        "SP112",
    ),
    (
        "an assembly guide published, in French",
        "Nous publierons le guide de montage en PDF dans la fiche produit.",
        "reply",
        "SP112",
    ),
    (
        "a buyer asked not to post it online",
        "Can you post it online? No wait, just send the photo here through Amazon.",
        "reply",
        "SP112",
    ),
    (
        "a task slipped off the list",
        "No rush on anything, I know things slip off the list when life gets busy.",
        "reply",
        "SP118",
    ),
    (
        "a refund gone through, and a neutral word on feedback",
        (
            "Now that the refund has gone through, you are welcome to update your feedback if you"
            " feel we resolved it."
        ),
        "reply",
        "SP116",
    ),
    (
        "the outlook for a delivery",
        "The outlook is bright: the supplier has caught up and your order ships Monday.",
        "reply",
        "SP103",
    ),
]


ROUND_95_REPORTED = [
    (
        "a shop address broken over a Windows line end",
        "Our other teas are at www.casadelte.\r\nes if you fancy a look.",
        "proactive",
        "SP101",
    ),
    (
        "a parcel heading the buyer's way",
        "Your lamp is heading your way with Evri, 1234567890123456.",
        "proactive",
        "SP110",
    ),
    (
        "a parcel handed over to the courier",
        "We handed your rack over to the courier this afternoon; tracking to follow.",
        "proactive",
        "SP110",
    ),
    (
        "a parcel number and the carrier collecting it, in German",
        "Alles verpackt, um 15 Uhr holt DPD es ab. Paketnummer 01234567890123.",
        "proactive",
        "SP110",
    ),
    (
        "the order reached the seller",
        "Just a note that your order has reached us and is being packed.",
        "proactive",
        "SP109",
    ),
    (
        "the buyer asked to pull the order",
        "The walnut one is gone for good; would you mind pulling the order from your end?",
        "reply",
        "SP123",
    ),
    (
        "the buyer asked to use their cancellation, in German",
        "Bitte machen Sie von Ihrer Stornierungsmöglichkeit über Ihr Konto Gebrauch.",
        "reply",
        "SP123",
    ),
    (
        "the difference to be made up, in Italian",
        (
            "Il modello costa 18 euro in più: se per lei va bene integrare la differenza, procediamo"
            " con la spedizione."
        ),
        "reply",
        "SP108",
    ),
    (
        "the seller told before the world, in Spanish",
        "Si algo falla, díganoslo a nosotros antes que al mundo.",
        "proactive",
        "SP114",
    ),
    (
        "a word to the seller rather than a public review, in German",
        (
            "Wenn Sie etwas stört, wäre uns ein Hinweis direkt an uns lieber als eine öffentliche"
            " Kritik."
        ),
        "proactive",
        "SP114",
    ),
]
ROUND_95_QUIET = [
    (
        "a programme cancelled on the machine, in Spanish",
        "Si la cafetera se queda en pausa, basta con que usted anule el programa con el botón rojo.",
        "reply",
        "SP123",
    ),
    (
        "the supplier paying the seller the difference, in Spanish",
        "El proveedor nos abona la diferencia por el retraso y le devolvemos los gastos de envío.",
        "reply",
        "SP108",
    ),
    (
        "an exchange request received",
        "Your exchange request has landed in our system, and we'll confirm the new size soon.",
        "proactive",
        "SP109",
    ),
    (
        "riding with traffic",
        "The helmet light is bright enough for riding with traffic at night.",
        "proactive",
        "SP110",
    ),
    (
        "a delivery attempt that found nobody, in German",
        (
            "DHL hat gestern versucht zuzustellen, aber niemanden angetroffen. Sendungsnummer"
            " 00340434161094077331; das Paket liegt in der Filiale."
        ),
        "proactive",
        "SP110",
    ),
    (
        "reviews with photos to look at, in Spanish",
        "Antes de elegir el color, puede pasar por las reseñas con fotos para ver el tono real.",
        "reply",
        "SP114",
    ),
]


PROBES_96_REPORTED = [
    (
        "a file passed to a collection agency, in French",
        "Sans paiement sous sept jours, le dossier sera transmis à notre cabinet de recouvrement.",
        "reply",
        "SP112",
    ),
    (
        "the buyer's name posted so other sellers are warned, in German",
        "Wir stellen Ihren Namen ins Händlerforum, damit andere Verkäufer vorgewarnt sind.",
        "reply",
        "SP112",
    ),
    ("payment asked by Zelle", "Could we settle up? Zelle is easiest for us.", "reply", "SP105"),
    (
        "the seller's own Facebook group",
        "Join our Facebook group for care tips and first looks at new designs.",
        "proactive",
        "SP105",
    ),
]
PROBES_96_QUIET = [
    (
        "a German imperative negated after its object",
        "Bitte stornieren Sie die Bestellung nicht, sie ist schon unterwegs.",
        "reply",
        "SP123",
    ),
    (
        "a battery's cell, in German",
        "Eine Zelle des Akkus ist defekt, wir senden Ersatz.",
        "reply",
        "SP105",
    ),
    (
        "a delivery round, in German",
        "Der Zusteller konnte das Paket gestern nicht austragen, die Straße war gesperrt.",
        "reply",
        "SP118",
    ),
    (
        "a paint's coverage, in French",
        "Le recouvrement de cette peinture est excellent : une seule couche suffit.",
        "reply",
        "SP112",
    ),
    (
        "a heavy parcel announced, in German",
        "Damit Sie vorgewarnt sind: Das Paket ist recht schwer, bitte zu zweit anheben.",
        "reply",
        "SP112",
    ),
    (
        "a detergent's recovery agent",
        "The detergent contains a colour recovery agent that brightens faded cotton.",
        "reply",
        "SP112",
    ),
    (
        "a display that can show them, in German",
        "Die Waage speichert acht Profile und kann sie anzeigen, sobald Sie darauf treten.",
        "reply",
        "SP112",
    ),
    (
        "a stolen parcel reported to the courier, in Italian",
        "Per il pacco rubato, lo denunceremo noi al corriere: lei non deve fare nulla.",
        "reply",
        "SP112",
    ),
    (
        "an opt-out the buyer need not use",
        "You don't need to reply unsubscribe; we only messaged you about this order.",
        "reply",
        "SP118",
    ),
    (
        "new pick-up times, in Spanish",
        "Lamento el retraso; nuestros nuevos horarios de recogida retrasaron su pedido un día.",
        "reply",
        "SP113",
    ),
    (
        "a microwave's cancel button",
        "On the microwave, press Cancel twice to clear the timer.",
        "reply",
        "SP123",
    ),
    (
        "a photo the buyer saw in a Facebook group",
        "The photo you saw in the Facebook group was of an older version of the lamp.",
        "reply",
        "SP105",
    ),
]

# round 96 and its purpose readings: a body that only tells the shipment or the receipt, sent
# under a kind whose purpose it is not (error or warning, as `_alarms` reads them)
ROUND_96_REPORTED = [
    (
        "a shipping notice sent as a review request",
        (
            "Hi {{buyer_name}}, your candles went out today in a padded box, tracking "
            "9405511899223300445566. They usually take 2-3 days.\n\nThanks,\nWickhouse"
        ),
        "review_request",
        "SP110",
    ),
    (
        "a shipping notice sent as an unexpected problem",
        (
            "Hello {{buyer_name}}, your order 113-4402716-4459031 was shipped today with UPS, "
            "tracking 1Z999AA10123456784.\n\nRegards,\nNorth Gear"
        ),
        "unexpected_problem",
        "SP110",
    ),
    (
        "the same notice: the kind is the wrong one",
        (
            "Hello {{buyer_name}}, your order 113-4402716-4459031 was shipped today with UPS, "
            "tracking 1Z999AA10123456784.\n\nRegards,\nNorth Gear"
        ),
        "unexpected_problem",
        "SP124",
    ),
    (
        "a delivery told as news under an unexpected problem",
        "Your order was delivered this morning. Enjoy!",
        "unexpected_problem",
        "SP110",
    ),
    (
        "a delivery with its time under an unexpected problem",
        (
            "Good news - UPS confirms your desk lamp was delivered today at 3:15 pm and left at "
            "the side door. We hope you enjoy it!"
        ),
        "unexpected_problem",
        "SP124",
    ),
    (
        "an order said to have left the seller that morning",
        (
            "hiya, ur order 113-1103321-2291847 left us this morning, its with royal mail now. "
            "tracking is TT123456785GB. thx!"
        ),
        "proactive",
        "SP110",
    ),
    (
        "an order received without problems, in Spanish",
        ("¡Hola! Tu pedido ha entrado sin problemas y ya está en cola para prepararse. ¡Gracias!"),
        "proactive",
        "SP109",
    ),
    (
        "an order confirmation with its pickup, sent as a customisation",
        (
            "Hi {{buyer_name}}, your order for the garden kneeler has been received and is "
            "confirmed. It'll go out with tomorrow's pickup."
        ),
        "confirm_customization",
        "SP124",
    ),
]
ROUND_96_REPORTED += [
    (
        "proof of a review asked, a voucher drawn the sentence before",
        (
            "Ogni mese, fra chi ci ha raccontato su Amazon come si trova, estraiamo un buono da "
            "30 €. Basta rispondere con il nome con cui ha firmato la recensione."
        ),
        "review_request",
        "SP106",
    ),
    (
        "a screenshot of the review sent back for money",
        (
            "Please write review for us on Amazon and send the screen shot to this message, we "
            "will return 5 dollar on your order."
        ),
        "review_request",
        "SP106",
    ),
    (
        "a kind word asked in return for a refund already made",
        (
            "The kettle's price dropped, so we've refunded the $9 difference. All we ask in "
            "return is a kind word about it on the product page."
        ),
        "proactive",
        "SP106",
    ),
    (
        "a credit added once the seller feedback is gone",
        (
            "Could you remove the 2-star seller feedback now? We'll also add a $10 credit to "
            "your order once it's gone."
        ),
        "reply",
        "SP106",
    ),
    (
        "a review asked if the product met expectations, in German",
        (
            "Und falls das Gerät Ihre Erwartungen erfüllt, freuen wir uns sehr über Ihre Sterne "
            "auf Amazon."
        ),
        "proactive",
        "SP107",
    ),
    (
        "a sale on the seller's whole line, in Italian",
        (
            "Già che ci siamo, fino a domenica tutta la nostra linea bagno è in promozione: "
            "accappatoi e tappetini al 15% in meno."
        ),
        "proactive",
        "SP113",
    ),
    (
        "the seller's new product said to have arrived, in French",
        "Petit clin d'œil : notre nouvelle veste en laine vient d'arriver en bleu marine.",
        "proactive",
        "SP113",
    ),
    (
        "the brand followed on Amazon to hear first",
        (
            "Tap Follow on our brand page here on Amazon and be the first to see what's coming "
            "in spring."
        ),
        "proactive",
        "SP113",
    ),
    (
        "a mobile in spaced digits and dashes after its prefix",
        "Escríbeme por WhatsApp: +34 6 1 2 – 3 4 5 – 6 7 8 y lo vemos.",
        "reply",
        "SP104",
    ),
    (
        "a mobile in spaced digits and spaced dots",
        "Llámenos usted: nuestro móvil es 6 5 4 . 3 2 1 . 0 9 8.",
        "reply",
        "SP104",
    ),
    (
        "a landline said in pairs of Italian number words",
        "Il numero fisso del negozio è zero due, sei sei, uno otto, quattro quattro, nove zero.",
        "reply",
        "SP104",
    ),
    (
        "a mobile said in German number words and pairs",
        (
            "Schicken Sie eine WhatsApp an null eins sechs null, zwei drei, vier fünf, sechs "
            "sieben acht."
        ),
        "reply",
        "SP104",
    ),
]
# reported, at the severity the rule's model gate gives it (a deal told in few words may be info)
ROUND_96_SEEN = [
    (
        "three for two until Sunday, in German",
        "Nur noch bis Sonntag: 3 für 2 auf alle Duftkerzen aus unserer Serie.",
        "proactive",
        "SP113",
    ),
]
# what the review of round 96 found the first reading flagged or missed
REVIEW_96_REPORTED = [
    (
        "a shop's number with its postcode after a dash",
        "Holzwerk Berg GmbH - Tel. +49 30 1234567 - 10115 Berlin",
        "reply",
        "SP104",
    ),
    (
        "a mobile with the hours after it",
        "Ruf mich gerne an: +49 170 1234567 - 10 - 18 Uhr erreichbar.",
        "reply",
        "SP104",
    ),
]
REVIEW_96_QUIET = [
    (
        "a return asked for in its packaging, the product page named",
        (
            "Hi, all we ask is that you return it in its original packaging, as shown on the "
            "product page. The refund follows as soon as it arrives."
        ),
        "reply",
        "SP106",
    ),
    (
        "a screenshot of the error a review names, in French",
        (
            "Bonjour, concernant votre avis : envoyez-nous une capture de l'erreur et nous "
            "organiserons le remplacement."
        ),
        "reply",
        "SP106",
    ),
    (
        "a review request naming the delivery, in words no vocabulary knows",
        "Hi Sam, your order was delivered on Tuesday. Let other buyers know how you got on.",
        "review_request",
        "SP110",
    ),
    (
        "a split shipment: delivered, the rest next week",
        (
            "Hi, your order was delivered yesterday at 4 pm. The second parcel with the lamp "
            "shade will follow next week."
        ),
        "unexpected_problem",
        "SP110",
    ),
    (
        "the seller's new manual, in German",
        "Hallo, unsere neue Bedienungsanleitung ist jetzt als PDF erhältlich, ich habe sie angehängt.",
        "reply",
        "SP113",
    ),
    (
        "the seller's new colleagues, in Italian",
        (
            "Ciao, le nostre nuove colleghe sono arrivate in magazzino, quindi il suo reso "
            "verrà elaborato domani."
        ),
        "reply",
        "SP113",
    ),
    (
        "how happy the buyer is with a repair, no review named",
        "Hi, we'd love to hear how happy you are with the repair. Just reply here.",
        "reply",
        "SP107",
    ),
]
ROUND_96_QUIET = [
    (
        "a review request in words no vocabulary knows, naming the delivery",
        (
            "Madame, Monsieur, votre commande de verres vous a été livrée la semaine dernière. "
            "Nous serions reconnaissants que vous preniez quelques instants pour donner votre "
            "appréciation sur Amazon."
        ),
        "review_request",
        "SP110",
    ),
    (
        "a parcel redelivered after a knock, in Spanish",
        (
            "Hola Gloria, el bulto 2 de tu armario ha llegado con un golpe a la delegación. Ya "
            "hemos enviado uno nuevo; esto retrasa la entrega unos días, perdona las molestias."
        ),
        "unexpected_problem",
        "SP124",
    ),
    (
        "a discount the buyer asked about, refused",
        "Sorry, we can't offer a discount on all our lamps; the price is set for the season.",
        "reply",
        "SP113",
    ),
    (
        "a price adjustment already refunded",
        (
            "The mixer was reduced until Sunday after your purchase, so we've refunded you the "
            "difference."
        ),
        "reply",
        "SP113",
    ),
    (
        "the seller's new warehouse",
        "Our new warehouse has just opened, which is why the parcel left from Leeds.",
        "reply",
        "SP113",
    ),
    (
        "sizes said as spaced digits beside number words",
        "We have sizes 4 5 and 6 in stock, two or three of each.",
        "reply",
        "SP104",
    ),
    (
        "a parcel not shipped yet, under an unexpected problem",
        "Your order has not shipped yet; no problem with the stock, we will write again.",
        "unexpected_problem",
        "SP110",
    ),
]

# round 97: gating told as advice, a promise or a wait; thanks, confirmations and notices said
# casually (error or warning, as `_alarms` reads them)
ROUND_97_REPORTED = [
    (
        "a review said to be a waste of time when something is wrong, in Italian",
        (
            "Se il robot fa i capricci, non perda tempo con le recensioni. Scriva a noi e lo "
            "rimettiamo in riga."
        ),
        "proactive",
        "SP114",
    ),
    (
        "the unhappy told to write instead, a review asked beside it",
        "Loving your new lamp? Tell the world on Amazon! Not loving it? Tell us instead.",
        "review_request",
        "SP114",
    ),
    (
        "the seller as the first stop before a review, in Italian",
        ("Se c'è qualcosa che non va, passi prima da noi; la recensione la scrive a cose fatte."),
        "review_request",
        "SP114",
    ),
    (
        "thanks said casually with an offer of help, in German",
        "Moin, wollten nur kurz Danke sagen! Wenn irgendwas ist – einfach melden.",
        "proactive",
        "SP117",
    ),
    (
        "an order said to be in the seller's system",
        (
            "This message is to let you know that your order is now in our system and our "
            "team has begun processing it."
        ),
        "proactive",
        "SP109",
    ),
    (
        "a parcel collected by the courier",
        (
            "A brief line to let you know that your parcel was collected by our courier this "
            "afternoon."
        ),
        "proactive",
        "SP110",
    ),
]
# reported, at the severity the rule's model gate gives it
ROUND_97_SEEN = [
    (
        "the buyer asked to wait with a review, in German",
        (
            "Der Ersatz ist unterwegs. Wir bitten Sie herzlich, mit einer Bewertung zu warten, "
            "bis alles geklärt ist."
        ),
        "reply",
        "SP114",
    ),
]
ROUND_97_QUIET = [
    (
        "help offered for any problem beside a neutral review request",
        (
            "We'd appreciate an honest review on Amazon, whatever your experience. If anything "
            "is wrong with the lamp, message us and we'll fix it."
        ),
        "review_request",
        "SP114",
    ),
]


def _rows(*tables):
    """The round tables' rows as ``(name, text, format, kind, code)``: plain text unless named."""
    return [
        (name, text, "text", *rest) if len(rest) == 2 else (name, text, *rest)
        for table in tables
        for name, text, *rest in table
    ]


# the violations each reading reports (at the severity the rule's model gate gives it), the
# ordinary wordings it leaves without an error or warning, and the violations the second
# review pinned at error or warning
READINGS_REPORTED = _rows(
    ROUND_89_REPORTED,
    ROUND_90_REPORTED,
    REVIEW_89_REPORTED,
    ROUND_91_REPORTED,
    ROUND_92_REPORTED,
    ROUND_94_REPORTED,
    ROUND_95_REPORTED,
    PROBES_96_REPORTED,
    ROUND_96_SEEN,
    ROUND_97_SEEN,
)
READINGS_QUIET = _rows(
    ROUND_89_QUIET,
    ROUND_90_QUIET,
    REVIEW_89_QUIET,
    ROUND_91_QUIET,
    ROUND_92_QUIET,
    REVIEW_91_QUIET,
    ROUND_94_QUIET,
    ROUND_95_QUIET,
    PROBES_96_QUIET,
    ROUND_96_QUIET,
    REVIEW_96_QUIET,
    ROUND_97_QUIET,
)
READINGS_ALARMED = _rows(
    REVIEW_91_REPORTED, ROUND_96_REPORTED, REVIEW_96_REPORTED, ROUND_97_REPORTED
)


def _alarms(text, fmt, kind, code):
    """The error and warning findings of ``code`` for a message, as a user calls the check."""
    report = check_message(Message(body=text, kind=kind, format=fmt))
    return [f for f in report.findings if f.code == code and f.severity.value != "info"]


class TestRounds89To97:
    """Readings of the rounds 89 to 97 (2026-12-07 and 08) and of the reviews of them."""

    @pytest.mark.parametrize(
        ("text", "fmt", "kind", "code"),
        [c[1:] for c in READINGS_REPORTED],
        ids=[c[0] for c in READINGS_REPORTED],
    )
    def test_reported(self, text, fmt, kind, code):
        """Each violation gives its code."""
        assert code in check_message(Message(body=text, kind=kind, format=fmt)).codes

    @pytest.mark.parametrize(
        ("text", "fmt", "kind", "code"),
        [c[1:] for c in READINGS_QUIET],
        ids=[c[0] for c in READINGS_QUIET],
    )
    def test_not_alarmed(self, text, fmt, kind, code):
        """Each ordinary wording gives the code no error or warning."""
        assert not _alarms(text, fmt, kind, code)

    @pytest.mark.parametrize(
        ("text", "fmt", "kind", "code"),
        [c[1:] for c in READINGS_ALARMED],
        ids=[c[0] for c in READINGS_ALARMED],
    )
    def test_alarmed(self, text, fmt, kind, code):
        """Each violation still gives its code at error or warning."""
        assert _alarms(text, fmt, kind, code)

    def test_an_image_showing_the_address_is_not_also_a_product_photo(self):
        """SP120 reports the banner whose caption shows the shop's domain; SP204 does not."""
        body = (
            "<p>Hello {{buyer_name}}, a short note on caring for your olive oil.</p>"
            '<figure><img src="https://img.example-cdn.net/u/1/grove.jpg" alt="Our grove at dawn">'
            "<figcaption>Photo: www.olive-grove-shop.es</figcaption></figure>"
        )

        report = check_message(Message(body=body, kind="proactive", format="html"))

        assert "SP120" in report.codes
        assert "SP204" not in report.codes

    def test_a_product_photo_is_still_one(self):
        """An image that shows no address is still read as a product photo (SP204)."""
        body = (
            "<p>Hello {{buyer_name}}, a short note on caring for your olive oil.</p>"
            '<img src="https://img.example-cdn.net/u/1/olive-oil-bottle.jpg" alt="500 ml bottle">'
        )

        report = check_message(Message(body=body, kind="proactive", format="html"))

        assert "SP120" not in report.codes
        assert "SP204" in report.codes

    def test_an_image_sent_inside_the_message_is_no_beacon(self):
        """An inline attachment ('cid:') is fetched from no server: its name is no beacon."""
        body = (
            "<p>The photo below shows the spacer in place:</p>"
            '<p><img src="cid:rack-spacer-step4.jpg" alt="Rack stay with the spacer"'
            ' width="520" height="390"></p>'
        )

        report = check_message(Message(body=body, kind="reply", format="html"))

        assert "SP205" not in report.codes

    def test_a_remote_beacon_is_still_one(self):
        """The same words in a source fetched from a server still read as a beacon."""
        body = (
            "<p>The photo below shows the spacer in place:</p>"
            '<p><img src="https://mail.example.net/track/open/spacer.gif?id=8841"'
            ' alt="" width="520" height="390"></p>'
        )

        report = check_message(Message(body=body, kind="reply", format="html"))

        assert "SP205" in report.codes

    def test_a_banner_is_a_product_photo_again_when_sp120_is_off(self):
        """With SP120 switched off, the banner is left to SP204's own reading."""
        body = (
            "<p>Hello {{buyer_name}}, a short note on caring for your olive oil.</p>"
            '<figure><img src="https://img.example-cdn.net/u/1/grove.jpg" alt="Our grove at dawn">'
            "<figcaption>Photo: www.olive-grove-shop.es</figcaption></figure>"
        )
        message = Message(body=body, kind="proactive", format="html")

        report = check_message(message, policy=Policy.current().disable("SP120"))

        assert "SP120" not in report.codes
        assert "SP204" in report.codes

    @pytest.mark.parametrize(
        ("href", "number", "disguise"),
        [
            ("tel:+493069817702", "+493069817702", "a tel: link"),
            ("sms:+447700900123", "+447700900123", "an sms: link"),
            ("callto:004930698177", "004930698177", "a callto: link"),
            ("tel:%2B493069817702", "%2B493069817702", "a tel: link"),
            ("facetime:+14155550123", "+14155550123", "a facetime: link"),
        ],
    )
    def test_every_call_or_text_link_is_read(self, href, number, disguise):
        """A call or text link's number, in the original text, and its disguise.

        'sms:', 'callto:', 'facetime:' and a percent-encoded '+' call the seller as 'tel:' does.
        """
        body = f'<p>Questions? <a href="{href}">Get in touch</a></p>'

        finding = next(
            f
            for f in check_message(Message(body=body, kind="reply", format="html")).findings
            if f.code == "SP104"
        )

        assert body[finding.span.start : finding.span.end] == number
        assert finding.disguises == (disguise,)

    @pytest.mark.parametrize(
        "body",
        ["Use the sms: option on 2024-05-12", "Tel: 2024-05-12", "sms: 302-1234567-1234567"],
    )
    def test_a_scheme_word_before_a_date_or_order_is_no_link(self, body):
        """A label's colon before a date or an order id is no call link."""
        assert "SP104" not in check_message(Message(body=body, kind="reply")).codes


class TestMailProviderNamed:
    """An address said as a provider and a local part, and a provider's name as a word."""

    @pytest.mark.parametrize(
        ("body", "address"),
        [
            ("my gmail is harbourlane.fiona if that is easier", "harbourlane.fiona"),
            ("Mi trovi su gmail come mario.rossi82, scrivimi pure", "mario.rossi82"),
            ("You can reach me on Gmail as j.smith, it is quicker", "j.smith"),
            ("Yahoo: mario_rossi (we answer there faster)", "mario_rossi"),
            ("my outlook is jane.doe for anything else", "jane.doe"),
            ("Sono su libero come anna.bianchi", "anna.bianchi"),
        ],
    )
    def test_a_local_part_after_the_provider_is_an_address(self, body, address):
        """A dot, an underscore or letters then digits after the provider's name: an address."""
        finding = next(
            f for f in check_message(Message(body=body, kind="reply")).findings if f.code == "SP103"
        )

        assert address in body[finding.span.start : finding.span.end]

    @pytest.mark.parametrize(
        "body",
        [
            "The outlook is bright for spring deliveries.",
            "Our outlook is positive: the supplier has caught up.",
            "Gmail ist v2.0 kompatibel, die App auch.",
            "Log into gmail as usual and open the invoice we sent through Amazon.",
            "Il prodotto è libero da BPA, come da scheda tecnica.",
            "Hotmail accounts are v1.2 of the old scheme, sorry, wrong thread.",
        ],
    )
    def test_a_provider_named_in_prose_is_no_address(self, body):
        """'outlook' and 'libero' are words; a version or a word after the name is no address."""
        assert "SP103" not in check_message(Message(body=body, kind="reply")).codes
