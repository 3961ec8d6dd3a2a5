"""POLICY.md §3 and §4 as tests: every rule's severity per edition, every example phrase of the tables.

These tables are copied from /work/shared/POLICY.md (rows SP101-SP124, SP201-SP208, and the §3
preamble), not from the generated docs page, so a wrong severity or a rule switched on in the
wrong edition fails here even when docs/reference/rules.md is regenerated to match.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sellerpolicy import (
    RULES,
    Attachment,
    Code,
    Edition,
    Message,
    Policy,
    Severity,
    check_message,
)
from sellerpolicy._registry import rule_set
from sellerpolicy._rules.messages import example_message

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
CURRENT, SEED = Edition.CURRENT, Edition.SEED
MESSAGE_CODES = rule_set("messages").codes

# POLICY.md §3 and §4: code -> (current severity, seed severity); None = not in that edition.
# §3's "seed" column: "yes" = the rule's severity, "yes (warning)" / "warning" = warning, "–" = off.
# §4: "Seed edition has none of these".
SEVERITIES: dict[str, tuple[Severity, Severity | None]] = {
    "SP101": (ERROR, ERROR),
    "SP102": (WARNING, WARNING),
    "SP103": (ERROR, ERROR),
    "SP104": (ERROR, None),
    "SP105": (ERROR, ERROR),
    "SP106": (ERROR, ERROR),
    "SP107": (ERROR, None),
    "SP108": (ERROR, ERROR),
    "SP109": (ERROR, WARNING),
    "SP110": (ERROR, ERROR),
    "SP111": (ERROR, ERROR),
    "SP112": (ERROR, ERROR),
    "SP113": (ERROR, WARNING),
    "SP114": (ERROR, None),
    "SP115": (ERROR, None),
    "SP116": (ERROR, WARNING),
    "SP117": (ERROR, None),
    "SP118": (ERROR, None),
    "SP119": (ERROR, None),
    "SP120": (ERROR, ERROR),
    "SP121": (WARNING, None),
    "SP122": (ERROR, WARNING),
    "SP123": (ERROR, None),
    "SP124": (WARNING, None),
    "SP201": (ERROR, None),
    "SP202": (ERROR, None),
    "SP203": (ERROR, None),
    "SP204": (WARNING, None),
    "SP205": (ERROR, None),
    "SP206": (WARNING, None),
    "SP207": (ERROR, None),
    "SP208": (ERROR, None),
}


def expected(code: str, edition: Edition) -> Severity | None:
    current, seed = SEVERITIES[code]
    return current if edition is CURRENT else seed


def severities(report, code: str) -> set[Severity]:
    return {f.severity for f in report.findings if f.code == code}


class TestSeverityTable:
    def test_table_covers_every_message_rule(self):
        """The table names exactly the message family's codes."""
        assert set(SEVERITIES) == {str(c) for c in MESSAGE_CODES}

    @pytest.mark.parametrize("edition", [CURRENT, SEED], ids=str)
    @pytest.mark.parametrize("code", sorted(SEVERITIES))
    def test_built_in_policy(self, code, edition):
        """Each built-in edition gives each rule POLICY.md's severity, or leaves it off."""
        policy = Policy.for_edition(edition)

        assert expected(code, edition) == policy.severity(code)
        assert expected(code, edition) == RULES[Code(code)].severity_in(edition)
        assert (Code(code) in policy.active) == (expected(code, edition) is not None)

    @pytest.mark.parametrize("edition", [CURRENT, SEED], ids=str)
    @pytest.mark.parametrize("code", sorted(SEVERITIES))
    def test_bad_example_reported_at_that_severity(self, code, edition):
        """A rule's documented bad example is reported at the edition's severity, or not at all."""
        message, history = example_message(Code(code), "bad")

        report = check_message(message, history=history, policy=Policy.for_edition(edition))

        want = expected(code, edition)
        assert severities(report, code) == ({want} if want else set()), str(report)


# --- every example phrase of POLICY.md §3 and §4, in the edition(s) the table names ----------

_EARLIER_REQUEST = Message(
    body="Could you share your feedback on your order?",
    kind="review_request",
    sent_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
)
_PDF = {"media_type": "application/pdf", "size_bytes": 80_000}

# (id, code, body, check_message keyword arguments, {edition: severity or None})
BOTH_ERROR = {CURRENT: ERROR, SEED: ERROR}
CURRENT_ONLY = {CURRENT: ERROR, SEED: None}
NEITHER = {CURRENT: None, SEED: None}
EXAMPLES: list[tuple[str, str, str, dict[str, object], dict[Edition, Severity | None]]] = [
    # §3 preamble: obfuscation is seen through ...
    ("full-width", "SP101", "The manual: ｍｙｓｈｏｐ．ｃｏｍ", {}, BOTH_ERROR),
    ("cyrillic-o", "SP101", "The manual: myshоp.com", {}, BOTH_ERROR),
    ("zero-width", "SP101", "The manual: mysh\u200bop.com", {}, BOTH_ERROR),
    ("soft-hyphen", "SP101", "The manual: mysh\u00adop.com", {}, BOTH_ERROR),
    ("spaced-dots", "SP101", "The manual: shop . com", {}, BOTH_ERROR),
    ("dot-word", "SP101", "The manual: shop dot com", {}, BOTH_ERROR),
    ("hxxp", "SP101", "The manual: hxxp://myshop.com/manual", {}, BOTH_ERROR),
    ("line-break", "SP101", "The manual: www.myshop.\ncom/manual", {}, BOTH_ERROR),
    ("spaced-url", "SP101", "Our site: www . bestgadgets . com / manual", {}, BOTH_ERROR),
    ("at-dot", "SP103", "Write to jane [at] mail [dot] com", {}, BOTH_ERROR),
    ("plain-email", "SP103", "Write to jane@mail.com", {}, BOTH_ERROR),
    # ... and benign look-alikes stay silent
    ("e.g.", "SP101", "Keep the lid, e.g. in the box, i.e. dry.", {}, NEITHER),
    ("version", "SP101", "Firmware v2.0 fixes it.", {}, NEITHER),
    ("time-price", "SP101", "It arrives at 3.30pm and costs $19.99.", {}, NEITHER),
    ("manual.pdf", "SP101", "See manual.pdf in the box.", {}, NEITHER),
    ("website", "SP101", "The details are on our website.", {}, NEITHER),
    (
        "ids",
        "SP104",
        (
            "Order 113-4567890-1234567, ASIN B07XJ8C8F5, tracking 1Z999AA10123456784, "
            "dated 12/05/2026, model KX-TG7871S, $19.99."
        ),
        {"kind": "reply"},
        NEITHER,
    ),
    # SP101 exception (current only): https, an order-completion kind, a host on the allow-list
    *[
        (
            f"allow-list-{kind}",
            "SP101",
            "Please approve your proof at https://proofs.example-print.com/a1",
            {"kind": kind, "allowlist": ["example-print.com"]},
            {CURRENT: None, SEED: ERROR},
        )
        for kind in (
            "confirm_customization",
            "confirm_delivery",
            "confirm_service",
            "digital_access_key",
            "unexpected_problem",
        )
    ],
    (
        "allow-list-other-kind",
        "SP101",
        "Please approve your proof at https://proofs.example-print.com/a1",
        {"kind": "confirm_order_details", "allowlist": ["example-print.com"]},
        BOTH_ERROR,
    ),
    (
        "allow-list-needs-https",
        "SP101",
        "Please approve your proof at http://proofs.example-print.com/a1",
        {"kind": "confirm_customization", "allowlist": ["example-print.com"]},
        BOTH_ERROR,
    ),
    (
        "allow-list-empty-by-default",
        "SP101",
        "Please approve your proof at https://proofs.example-print.com/a1",
        {"kind": "confirm_customization"},
        BOTH_ERROR,
    ),
    # SP102
    (
        "amazon-listing",
        "SP102",
        "You might like this: https://www.amazon.com/dp/B07XJ8C8F5",
        {"kind": "reply"},
        {CURRENT: WARNING, SEED: WARNING},
    ),
    (
        "own-order-page",
        "SP102",
        "Your order: https://www.amazon.com/gp/your-account/order-details?orderID=1",
        {"kind": "reply"},
        {CURRENT: INFO, SEED: INFO},
    ),
    # SP104 (current only): attributed to a carrier, manufacturer or warranty service -> info
    (
        "call-ups",
        "SP104",
        "If the parcel is missing, call UPS on 1-800-742-5877.",
        {"kind": "reply"},
        {CURRENT: INFO, SEED: None},
    ),
    (
        "manufacturer-line",
        "SP104",
        "The manufacturer's warranty line is 1-866-555-0142.",
        {"kind": "warranty"},
        {CURRENT: INFO, SEED: None},
    ),
    ("call-us", "SP104", "Call us on (555) 123-4567.", {"kind": "reply"}, CURRENT_ONLY),
    ("our-shop", "SP104", "Our shop: 020 7946 0958.", {"kind": "reply"}, CURRENT_ONLY),
    ("my-mobile", "SP104", "My mobile is 07700 900123.", {"kind": "reply"}, CURRENT_ONLY),
    # near a carrier or warranty word is not enough
    (
        "near-ups",
        "SP104",
        "If UPS hasn't delivered by Friday, call us on (555) 123-4567.",
        {"kind": "reply"},
        CURRENT_ONLY,
    ),
    (
        "near-guarantee",
        "SP104",
        "We guarantee a fast answer: call us on (555) 123-4567.",
        {"kind": "reply"},
        CURRENT_ONLY,
    ),
    (
        "our-warranty-line",
        "SP104",
        "Our warranty line is (555) 123-4567.",
        {"kind": "warranty"},
        CURRENT_ONLY,
    ),
    # SP105
    ("order-direct", "SP105", "Next time order directly from our site.", {}, BOTH_ERROR),
    ("cheaper-shop", "SP105", "It is cheaper on our shop.", {}, BOTH_ERROR),
    ("instagram", "SP105", "Follow us on Instagram!", {}, BOTH_ERROR),
    ("newsletter", "SP105", "Sign up for our newsletter.", {}, BOTH_ERROR),
    # SP106
    (
        "once-review-up",
        "SP106",
        "Once your review is up we'll send you a gift card.",
        {"kind": "review_request"},
        BOTH_ERROR,
    ),
    (
        "little-something",
        "SP106",
        "We'll send a little something once your review is up.",
        {"kind": "review_request"},
        BOTH_ERROR,
    ),
    (
        "refund-to-fix",
        "SP106",
        "We are sorry it arrived broken; we will refund you in full.",
        {"kind": "reply"},
        NEITHER,
    ),
    # SP107 (current only; the seed allows it)
    (
        "if-you-loved",
        "SP107",
        "If you loved it, please review.",
        {"kind": "review_request"},
        CURRENT_ONLY,
    ),
    (
        "five-star",
        "SP107",
        "Please leave us a 5-star review.",
        {"kind": "review_request"},
        CURRENT_ONLY,
    ),
    # SP108
    (
        "extra-shipping",
        "SP108",
        "Please send an extra $7 for shipping.",
        {"kind": "reply"},
        BOTH_ERROR,
    ),
    (
        "price-difference",
        "SP108",
        "Please pay the price difference of $10.",
        {"kind": "reply"},
        BOTH_ERROR,
    ),
    ("fees", "SP108", "A handling fee of $5 is due; please pay it.", {"kind": "reply"}, BOTH_ERROR),
    # SP109 (seed: a warning)
    (
        "received-order",
        "SP109",
        "We received your order and are preparing it.",
        {"kind": "proactive"},
        {CURRENT: ERROR, SEED: WARNING},
    ),
    (
        "reply-answers-order",
        "SP109",
        "Yes, we received your order and it ships tomorrow.",
        {"kind": "reply"},
        NEITHER,
    ),
    # SP110
    (
        "shipped",
        "SP110",
        "Your order has shipped! Tracking number 1Z999AA10123456784.",
        {"kind": "proactive"},
        BOTH_ERROR,
    ),
    (
        "delay-with-tracking",
        "SP110",
        "Sorry, your parcel is delayed by the storm; tracking 1Z999AA10123456784 shows Friday.",
        {"kind": "unexpected_problem"},
        NEITHER,
    ),
    (
        "reply-where-is-my-order",
        "SP110",
        "It has shipped: tracking number 1Z999AA10123456784.",
        {"kind": "reply"},
        NEITHER,
    ),
    # SP111
    ("insult", "SP111", "Stop being an idiot.", {"kind": "reply"}, BOTH_ERROR),
    ("profanity", "SP111", "What a load of sh*t.", {"kind": "reply"}, BOTH_ERROR),
    ("liar", "SP111", "You are a liar.", {"kind": "reply"}, BOTH_ERROR),
    ("thief", "SP111", "You are a thief.", {"kind": "reply"}, BOTH_ERROR),
    ("scammer", "SP111", "You're a scammer.", {"kind": "reply"}, BOTH_ERROR),
    ("fraud", "SP111", "You are a fraud.", {"kind": "reply"}, BOTH_ERROR),
    ("sexual", "SP111", "Send us a pic of you wearing it, sexy.", {"kind": "reply"}, BOTH_ERROR),
    (
        "not-saying-lying",
        "SP111",
        "We are not saying you are lying, but the tracking shows it was delivered.",
        {"kind": "reply"},
        NEITHER,
    ),
    # SP112
    (
        "collection",
        "SP112",
        "We will send this to a collection agency.",
        {"kind": "reply"},
        BOTH_ERROR,
    ),
    ("lawsuit", "SP112", "We will file a lawsuit against you.", {"kind": "reply"}, BOTH_ERROR),
    ("small-claims", "SP112", "See you in small claims court.", {"kind": "reply"}, BOTH_ERROR),
    (
        "authorities",
        "SP112",
        "Return it or we will report you to the police.",
        {"kind": "reply"},
        BOTH_ERROR,
    ),
    ("shaming", "SP112", "We will name and shame you online.", {"kind": "reply"}, BOTH_ERROR),
    (
        "publish-info",
        "SP112",
        "We will post your name and address on our page.",
        {"kind": "reply"},
        BOTH_ERROR,
    ),
    (
        "post-your-review",
        "SP112",
        "Please post your review when you have a moment.",
        {"kind": "review_request"},
        NEITHER,
    ),
    (
        "post-your-photos",
        "SP112",
        "Feel free to post your photos with your review.",
        {"kind": "review_request"},
        NEITHER,
    ),
    # SP113 (seed: a warning)
    *[
        (f"marketing-{i}", "SP113", text, {}, {CURRENT: ERROR, SEED: WARNING})
        for i, text in enumerate(
            [
                "Use coupon code SAVE10 on your next order.",
                "Check out our new launch!",
                "Check out our other products.",
                "Upgrade to our premium version.",
                "Refer a friend and you both save.",
            ]
        )
    ],
    # SP114 (current only; the seed recommends it)
    (
        "gate-review",
        "SP114",
        "If anything is wrong, contact us before leaving a review.",
        {},
        CURRENT_ONLY,
    ),
    (
        "gate-feedback",
        "SP114",
        "If anything is wrong, contact us before leaving feedback.",
        {},
        CURRENT_ONLY,
    ),
    # SP115 (current only)
    (
        "change-product-review",
        "SP115",
        "Could you update your product review now that it works?",
        {"kind": "reply"},
        CURRENT_ONLY,
    ),
    # SP116 (seed: a warning); one neutral request after resolution is fine
    (
        "feedback-pressure",
        "SP116",
        "Please remove your negative feedback first, then we will refund you.",
        {"kind": "reply"},
        {CURRENT: ERROR, SEED: WARNING},
    ),
    (
        "neutral-after-resolution",
        "SP116",
        (
            "Your refund has been issued. If you feel we resolved your concern, you may update "
            "your feedback."
        ),
        {"kind": "reply"},
        NEITHER,
    ),
    # SP117 (current only); a reply to thanks is fine
    (
        "contact-us-if",
        "SP117",
        "Thank you! Contact us if you need anything.",
        {"kind": "proactive"},
        CURRENT_ONLY,
    ),
    (
        "reply-to-thanks",
        "SP117",
        "Thank you! Contact us if you need anything.",
        {"kind": "reply"},
        NEITHER,
    ),
    # SP118 (current only)
    ("unsubscribe", "SP118", "Click here to unsubscribe.", {}, CURRENT_ONLY),
    ("opt-out", "SP118", "Reply STOP to opt out of these messages.", {}, CURRENT_ONLY),
    (
        "manage-preferences",
        "SP118",
        "Manage your preferences in your account.",
        {},
        CURRENT_ONLY,
    ),
    # SP119 (current only)
    (
        "catalogue",
        "SP119",
        "See the attached file.",
        {"attachments": [Attachment(file_name="spring_catalogue.pdf", **_PDF)]},
        CURRENT_ONLY,
    ),
    (
        "six-attachments",
        "SP119",
        "Your manuals are attached.",
        {"attachments": [Attachment(file_name=f"manual_{i}.pdf", **_PDF) for i in range(6)]},
        CURRENT_ONLY,
    ),
    (
        "over-10-mb",
        "SP119",
        "Your manual is attached.",
        {
            "attachments": [
                Attachment(
                    file_name="manual.pdf", media_type="application/pdf", size_bytes=10_485_761
                )
            ]
        },
        CURRENT_ONLY,
    ),
    (
        "invoice-allowed",
        "SP119",
        "Your invoice is attached.",
        {"kind": "invoice", "attachments": [Attachment(file_name="invoice.pdf", **_PDF)]},
        NEITHER,
    ),
    # SP120
    (
        "logo-file-name",
        "SP120",
        "Here is how to fit the filter.",
        {
            "attachments": [
                Attachment(file_name="logo_www.brandshop.com.png", media_type="image/png")
            ]
        },
        BOTH_ERROR,
    ),
    (
        "logo-alt-text",
        "SP120",
        "Here is how to fit the filter.",
        {
            "attachments": [
                Attachment(file_name="logo.png", media_type="image/png", alt_text="brandshop.com")
            ]
        },
        BOTH_ERROR,
    ),
    # SP121 (current only, a warning)
    (
        "important",
        "SP121",
        "We have a new range coming soon.",
        {"subject": "[Important] News from our shop"},
        {CURRENT: WARNING, SEED: None},
    ),
    # SP122 (seed: a warning); Request a Review counts as one
    (
        "second-request",
        "SP122",
        "We'd appreciate your feedback on your recent order.",
        {"kind": "review_request", "history": [_EARLIER_REQUEST]},
        {CURRENT: ERROR, SEED: WARNING},
    ),
    (
        "first-request",
        "SP122",
        "We'd appreciate your feedback on your recent order.",
        {"kind": "review_request"},
        NEITHER,
    ),
    # SP123 (current only)
    (
        "ask-to-cancel",
        "SP123",
        "The item is out of stock, please cancel your order.",
        {"kind": "unexpected_problem"},
        CURRENT_ONLY,
    ),
    # SP124 (current only, a warning)
    (
        "review-as-problem",
        "SP124",
        "We hope you love your new lamp! Please leave us a review.",
        {"kind": "unexpected_problem"},
        {CURRENT: WARNING, SEED: None},
    ),
    # §4 formatting: current only
    ("emoji", "SP201", "Your order is on its way 📦", {"kind": "reply"}, CURRENT_ONLY),
    (
        "gif",
        "SP202",
        "Here is a little thank-you.",
        {"attachments": [Attachment(file_name="thanks.gif", media_type="image/gif")]},
        CURRENT_ONLY,
    ),
    (
        "http-image",
        "SP203",
        '<p>Your manual:</p><img src="http://images-na.ssl-images-amazon.com/m.png">',
        {"format": "html"},
        CURRENT_ONLY,
    ),
    (
        "product-photo",
        "SP204",
        "Here is your product again.",
        {"attachments": [Attachment(file_name="product_front.jpg", media_type="image/jpeg")]},
        {CURRENT: WARNING, SEED: None},
    ),
    (
        "pixel",
        "SP205",
        (
            '<p>Thanks for your question.</p><img src="https://images-na.ssl-images-amazon.com/o.png"'
            ' width="1" height="1">'
        ),
        {"format": "html", "kind": "reply"},
        CURRENT_ONLY,
    ),
    (
        "font-sizes",
        "SP206",
        (
            '<p style="font-size:10px">a</p><p style="font-size:12px">b</p>'
            '<p style="font-size:14px">c</p><p style="font-size:16px">d</p>'
        ),
        {"format": "html", "kind": "reply"},
        {CURRENT: WARNING, SEED: None},
    ),
    (
        "centred",
        "SP206",
        '<p style="text-align:center">Your order details</p>',
        {"format": "html", "kind": "reply"},
        {CURRENT: WARNING, SEED: None},
    ),
    (
        "line-breaks",
        "SP206",
        "<p>Your order details<br><br><br>are below.</p>",
        {"format": "html", "kind": "reply"},
        {CURRENT: WARNING, SEED: None},
    ),
    (
        "colour",
        "SP206",
        '<p style="color:#ff0000">Your order details</p>',
        {"format": "html", "kind": "reply"},
        {CURRENT: WARNING, SEED: None},
    ),
    (
        "html-in-text",
        "SP207",
        "Your slot is <b>Tuesday</b>. Please confirm.",
        {"kind": "confirm_delivery"},
        CURRENT_ONLY,
    ),
    ("2000-chars", "SP208", "a " * 1001, {"kind": "unexpected_problem"}, CURRENT_ONLY),
    ("800-chars", "SP208", "a " * 401, {"kind": "confirm_customization"}, CURRENT_ONLY),
    ("400-chars", "SP208", "a " * 201, {"kind": "digital_access_key"}, CURRENT_ONLY),
    ("at-limit", "SP208", "a" * 400, {"kind": "digital_access_key"}, NEITHER),
]


def _run(body: str, edition: Edition, options: dict[str, object]):
    options = dict(options)
    policy = Policy.for_edition(edition)
    allowlist = options.pop("allowlist", None)
    if allowlist is not None:
        policy = policy.with_parameters(link_allowlist=allowlist)
    history = options.pop("history", ())
    message = Message(body=body, kind=options.pop("kind", "proactive"), **options)
    return check_message(message, history=history, policy=policy)


class TestPolicyExamples:
    @pytest.mark.parametrize("edition", [CURRENT, SEED], ids=str)
    @pytest.mark.parametrize(
        ("code", "body", "options", "want"),
        [e[1:] for e in EXAMPLES],
        ids=[f"{e[1]}-{e[0]}" for e in EXAMPLES],
    )
    def test_example(self, code, body, options, want, edition):
        """POLICY.md's example is reported at the severity the table gives for the edition."""
        report = _run(body, edition, options)

        severity = want[edition]
        assert severities(report, code) == ({severity} if severity else set()), str(report)

    def test_ids_unique(self):
        """Each example has its own id, so a failure names one example."""
        ids = [(e[1], e[0]) for e in EXAMPLES]

        assert len(ids) == len(set(ids))
