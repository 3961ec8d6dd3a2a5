import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import Code, Message, MessageReport, Order, Policy, Severity, check_message
from sellerpolicy._decisions import NotJudged
from sellerpolicy._events import OptOut
from sellerpolicy._rules import context
from sellerpolicy._rules.data import family_docs
from sellerpolicy._rules.messages import run_message_rules
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

from . import strategies as s

CODES = (Code.SP401, Code.SP402, Code.SP403, Code.SP404, Code.SP405, Code.SP406, Code.SP415)
US = "ATVPDKIKX0DER"
DE = "A1PA6795UKMFR9"
OID = "113-4567890-1234567"
SEED = Policy.seed()


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def order(**changes: object) -> Order:
    fields: dict[str, object] = {
        "order_id": OID,
        "marketplace_id": US,
        "purchased_at": at("2026-03-01T18:00:00+00:00"),
        "fulfillment_channel": "MFN",
    }
    fields.update(changes)
    return Order(**fields)  # type: ignore[arg-type]


def message(body: str = f"Order {OID}: your kettle is delayed by two days.", **changes) -> Message:
    return Message(body=body, **{"kind": "unexpected_problem", **changes})


def codes(report: MessageReport) -> set[str]:
    return {str(c) for c in report.codes if str(c).startswith("SP4")}


def reasons(report: MessageReport) -> dict[str, str]:
    return {str(n.code): n.reason for n in report.not_judged}


class TestRuleExamples:
    @pytest.mark.parametrize("code", CODES, ids=str)
    def test_bad_example_is_flagged(self, code):
        """Each rule flags its documented bad example (current edition)."""
        assert context.flags(code, "bad")

    @pytest.mark.parametrize("code", CODES, ids=str)
    def test_good_example_is_not_flagged(self, code):
        """Each rule leaves its documented good example alone (current edition)."""
        assert not context.flags(code, "good")

    @pytest.mark.parametrize("code", CODES, ids=str)
    def test_documentation_complete(self, code):
        """Every rule has what / why / bad / good documentation and a message template."""
        doc = family_docs("context.toml")[code]

        assert doc.what and doc.why and doc.bad and doc.good and doc.message

    def test_every_family_code_documented(self):
        """The data file documents exactly the family's codes."""
        family = {c for c, info in sellerpolicy.RULES.items() if info.family == "context"}

        assert family == set(family_docs("context.toml"))


class TestWithoutContext:
    @pytest.mark.parametrize(
        ("text", "kind", "history"),
        [
            ("Visit www.kettleco.com for more", "proactive", ()),
            ("Thanks for your order!", "proactive", ()),
            ("Please leave us a 5-star review!", "review_request", ()),
            (
                "Please review your kettle.",
                "review_request",
                (Message(body="Please review us.", kind="review_request"),),
            ),
        ],
        ids=["link", "thank-you", "positive-review", "repeat-with-history"],
    )
    def test_report_unchanged(self, text, kind, history):
        """Without order, events or now the report is the content check alone, as before."""
        policy = Policy.current()
        expected = MessageReport(
            findings=run_message_rules(Message(body=text, kind=kind), history, policy),
            edition=policy.edition,
        )

        assert expected == check_message(text, kind=kind, history=history)

    def test_no_not_judged_without_context(self):
        """A plain content check names no context rule as not judged."""
        assert () == check_message("Your kettle ships tomorrow.").not_judged


NOW = at("2026-03-16T18:00:00+00:00")
DATED = order(
    earliest_delivery=at("2026-03-06T08:00:00+00:00"),
    latest_delivery=at("2026-03-09T08:00:00+00:00"),
)

NOT_JUDGED_CASES = [
    (
        "now only: no order",
        {"now": NOW},
        message(),
        {
            "SP401": "no order given",
            "SP402": "no order given",
            "SP403": "no order given",
            "SP406": "no order given",
        },
    ),
    (
        "order without a time",
        {"order": DATED},
        message(),
        {
            "SP403": "no send time: pass now= or set the message's sent_at",
            "SP406": "no send time: pass now= or set the message's sent_at",
        },
    ),
    (
        "sent_at stands in for now",
        {"order": DATED},
        message(sent_at=NOW),
        {"SP406": "average daily orders unknown: set the average_daily_orders parameter"},
    ),
    (
        "review request without delivery dates",
        {"order": order(), "now": NOW},
        message(f"Order {OID}: how is your kettle? You can leave a review.", kind="review_request"),
        {
            "SP403": "no delivery date: the order has neither delivered_at nor a latest "
            "estimated delivery date",
            "SP404": "no delivery date: the order has no delivered_at and no estimated delivery "
            "window (solicitation() answers with an assumed transit time)",
            "SP405": "no events given: an opt-out is an OptOut event",
            "SP406": "average daily orders unknown: set the average_daily_orders parameter",
        },
    ),
    (
        "too short to judge the language",
        {"order": DATED, "now": NOW, "events": [OptOut(order_id=OID, at=NOW)]},
        message(f"Order {OID}: see https://example.com/x {{name}}", kind="reply"),
        {"SP402": "too short to judge (8 letters; needs 20)"},
    ),
    (
        "a reply needs no order for SP401, SP403-SP406",
        {"now": NOW},
        message(kind="reply"),
        {"SP402": "no order given"},
    ),
]


class TestNotJudged:
    @pytest.mark.parametrize(
        ("inputs", "msg", "expected"),
        [c[1:] for c in NOT_JUDGED_CASES],
        ids=[c[0] for c in NOT_JUDGED_CASES],
    )
    def test_reasons(self, inputs, msg, expected):
        """A rule lacking an input is named in not_judged with the reason."""
        assert expected == reasons(check_message(msg, **inputs))

    def test_seed_has_fewer_rules(self):
        """Rules the seed edition lacks are neither run nor reported as not judged."""
        report = check_message(message(), now=NOW, policy=SEED)

        assert {} == reasons(report)

    def test_disabled_rule_is_not_reported(self):
        """A disabled rule is not reported as not judged."""
        policy = Policy.current().disable("SP401", "SP402", "SP403", "SP405", "SP406")

        assert {} == reasons(check_message(message(), now=NOW, policy=policy))

    def test_as_of_is_the_send_time(self):
        """The report's as_of is now, else the message's sent_at."""
        assert NOW == check_message(message(sent_at=NOW), order=DATED).as_of
        assert NOW == check_message(message(), order=DATED, now=NOW).as_of

    def test_str_lists_not_judged(self):
        """The readable report names what could not be judged."""
        assert "SP402 not judged: no order given" in str(check_message(message(), now=NOW))


class TestMissingOrderId:
    @pytest.mark.parametrize(
        ("body", "subject", "kind", "flagged"),
        [
            (f"Order {OID}: delayed.", None, "unexpected_problem", False),
            ("Your kettle is delayed.", f"Order {OID}", "unexpected_problem", False),
            ("Order 113 4567890 1234567: delayed.", None, "unexpected_problem", False),
            ("Order 11345678901234567: delayed.", None, "unexpected_problem", False),
            (
                "Order １１３-４５６７８９０-１２３４５６７: delayed.",
                None,
                "unexpected_problem",
                False,
            ),
            ("Your kettle is delayed.", None, "unexpected_problem", True),
            ("Order 113-4567890-1234568: delayed.", None, "unexpected_problem", True),
            ("Order 9113-4567890-12345679: delayed.", None, "unexpected_problem", True),
            ("Order {{order_id}}: delayed.", None, "unexpected_problem", True),
            ("Your kettle is delayed.", None, "warranty", True),
            ("Your kettle is delayed.", None, "review_request", True),
            ("Your kettle is delayed.", None, "reply", False),
        ],
        ids=[
            "id-in-body",
            "id-in-subject",
            "id-with-spaces",
            "id-without-dashes",
            "id-full-width",
            "no-id",
            "another-orders-id",
            "id-inside-a-longer-number",
            "placeholder-is-not-the-id",
            "warranty-without-id",
            "review-request-without-id",
            "reply-without-id",
        ],
    )
    def test_order_id(self, body, subject, kind, flagged):
        """A proactive message must carry its order's id; a reply need not."""
        report = check_message(body, kind=kind, subject=subject, order=DATED, now=NOW)

        assert flagged == ("SP401" in report.codes)

    def test_buyer_message_is_not_judged(self):
        """A buyer's message is never a seller's proactive message."""
        report = check_message(
            Message(body="Where is it?", kind="inquiry", sender="buyer"), order=DATED
        )

        assert "SP401" not in report.codes

    def test_finding(self):
        """The finding names the order id, the rule and the policy severity."""
        finding = next(
            f for f in check_message(message("Delayed."), order=DATED).findings if f.code == "SP401"
        )

        assert (Severity.WARNING, "missing-order-id") == (finding.severity, finding.name)
        assert OID in finding.message


ENGLISH = f"Order {OID}: before we ship, should the engraving read Anna or ANNA? Please reply."
GERMAN = f"Bestellung {OID}: Vielen Dank für Ihren Einkauf! Bei Fragen antworten Sie einfach auf diese Nachricht."
FRENCH = "Merci pour votre message. Nous vous envoyons une nouvelle bouilloire dès demain matin."
SPANISH = (
    "Muchas gracias por su compra. Si tiene alguna pregunta, responda a este mensaje por favor."
)


class TestWrongLanguage:
    @pytest.mark.parametrize(
        ("body", "fmt", "marketplace", "locale", "flagged"),
        [
            (ENGLISH, "text", US, "en-US", False),
            (GERMAN, "text", US, "en-US", True),
            (GERMAN, "text", DE, None, False),
            (ENGLISH, "text", DE, None, True),
            (ENGLISH, "text", DE, "en-GB", False),
            (SPANISH, "text", US, "es-US", False),
            (SPANISH, "text", US, "es_US", False),
            (ENGLISH, "text", US, "es-US", True),
            (f"<p style='color:red'>{GERMAN}</p>", "html", US, "en-US", True),
            (
                (
                    f"Order {OID}: see https://www.amazon.com/gp/your-account/order-details?orderID={OID} "
                    "{{buyer_name}} [Important] B07XJ8C8F5 $19.99 Bitte"
                ),
                "text",
                US,
                "en-US",
                False,
            ),
        ],
        ids=[
            "english-to-us",
            "german-to-us",
            "german-to-de-marketplace",
            "english-to-de-marketplace",
            "english-locale-on-de",
            "spanish-locale-on-us",
            "underscore-locale",
            "english-to-spanish-locale",
            "html-template-in-german",
            "links-and-placeholders-stripped",
        ],
    )
    def test_language(self, body, fmt, marketplace, locale, flagged):
        """The message's language must be the buyer's locale, else the marketplace's."""
        the_order = order(marketplace_id=marketplace, buyer_locale=locale)

        report = check_message(
            Message(body=body, kind="confirm_order_details", format=fmt), order=the_order, now=NOW
        )

        assert flagged == ("SP402" in report.codes), str(report)

    def test_stripped_text_too_short(self):
        """After links, placeholders and ids are removed a text may be too short to judge."""
        body = f"Order {OID}: see https://www.amazon.com/gp/css {{{{buyer_name}}}} Bitte"

        report = check_message(body, kind="reply", order=DATED, now=NOW)

        assert reasons(report)["SP402"].startswith("too short to judge")

    def test_reply_in_the_buyers_language(self):
        """A reply may use the language of the buyer's latest message."""
        buyer = Message(
            body="Bonjour, ma bouilloire est arrivée cassée. Pouvez-vous m'aider s'il vous plaît?",
            kind="inquiry",
            sender="buyer",
            sent_at=at("2026-03-10T10:00:00+00:00"),
        )

        report = check_message(
            FRENCH, kind="reply", order=order(buyer_locale="en-US"), history=[buyer]
        )

        assert "SP402" not in report.codes

    def test_proactive_message_ignores_the_buyers_language(self):
        """Only a reply may follow the buyer's language; a proactive message follows the locale."""
        buyer = Message(
            body="Bonjour, ma bouilloire est arrivée cassée. Pouvez-vous m'aider s'il vous plaît?",
            kind="inquiry",
            sender="buyer",
        )

        report = check_message(
            f"Commande {OID}: {FRENCH}",
            kind="unexpected_problem",
            order=order(buyer_locale="en-US"),
            history=[buyer],
        )

        assert "SP402" in report.codes

    def test_unsure_is_not_judged(self):
        """When the model is not sure enough the rule says so instead of guessing."""
        policy = Policy.current().with_parameters(language_min_confidence="100%")

        report = check_message(GERMAN, kind="reply", order=DATED, now=NOW, policy=policy)

        assert reasons(report)["SP402"].startswith("language unclear (best guess de")

    def test_min_letters_parameter(self):
        """Raising language_min_letters makes a text too short to judge."""
        policy = Policy.current().with_parameters(language_min_letters=500)

        report = check_message(GERMAN, kind="reply", order=DATED, now=NOW, policy=policy)

        assert "too short to judge" in reasons(report)["SP402"]
        assert "SP402" not in report.codes

    def test_unknown_language(self):
        """A locale the model does not know is not judged."""
        report = check_message(ENGLISH, kind="reply", order=order(buyer_locale="xx-XX"), now=NOW)

        assert "no language model for 'xx'" == reasons(report)["SP402"]

    def test_deterministic(self):
        """The same text gets the same answer every time."""
        first = context.identify(context.language_text(Message(body=GERMAN)), "en")

        assert all(
            first == context.identify(context.language_text(Message(body=GERMAN)), "en")
            for _ in range(3)
        )

    def test_finding(self):
        """The finding says what was read and what was expected."""
        report = check_message(GERMAN, kind="reply", order=order(buyer_locale="en-US"), now=NOW)
        finding = next(f for f in report.findings if f.code == "SP402")

        assert finding.message.startswith("the message reads as de (")
        assert finding.message.endswith("but the buyer's language is en (buyer_locale en-US)")


DELIVERED = at("2026-03-01T18:00:00+00:00")  # 10:00 PST
DST_DEADLINE = at("2026-03-31T17:00:00+00:00")  # 10:00 PDT, 30 d later by the wall clock
TICK = dt.timedelta(microseconds=1)
LATEST_EDD = at("2026-03-09T08:00:00+00:00")  # 01:00 PDT, after the DST change
NO_DELIVERY = order()
SHIPPED = sellerpolicy.Shipment(delivered_at=DELIVERED, shipped_at=at("2026-02-28T18:00:00+00:00"))

TOO_LATE_CASES = [
    (
        "delivered, across DST, exactly at the deadline",
        order(delivered_at=DELIVERED),
        DST_DEADLINE,
        Policy.current(),
        False,
    ),
    (
        "delivered, across DST, just after",
        order(delivered_at=DELIVERED),
        DST_DEADLINE + TICK,
        Policy.current(),
        True,
    ),
    (
        "30 x 24 h elapsed is already too late",
        order(delivered_at=DELIVERED),
        DELIVERED + dt.timedelta(days=30),
        Policy.current(),
        True,
    ),
    (
        "delivery from the shipment",
        order(shipments=[SHIPPED]),
        DST_DEADLINE + TICK,
        Policy.current(),
        True,
    ),
    (
        "latest EDD when not delivered",
        order(latest_delivery=LATEST_EDD),
        at("2026-04-08T08:00:00+00:00"),
        Policy.current(),
        False,
    ),
    (
        "latest EDD, just after 30 d",
        order(latest_delivery=LATEST_EDD),
        at("2026-04-08T08:00:00+00:00") + TICK,
        Policy.current(),
        True,
    ),
    (
        "delivery wins over the latest EDD",
        order(delivered_at=DELIVERED, latest_delivery=LATEST_EDD),
        DST_DEADLINE + TICK,
        Policy.current(),
        True,
    ),
    (
        "40 d window parameter",
        order(delivered_at=DELIVERED),
        DST_DEADLINE + TICK,
        Policy.current().with_parameters(proactive_window="40d"),
        False,
    ),
    (
        "seed has no SP403",
        order(delivered_at=DELIVERED),
        DST_DEADLINE + dt.timedelta(days=90),
        SEED,
        False,
    ),
]


class TestProactiveTooLate:
    @pytest.mark.parametrize(
        ("the_order", "now", "policy", "flagged"),
        [c[1:] for c in TOO_LATE_CASES],
        ids=[c[0] for c in TOO_LATE_CASES],
    )
    def test_deadline(self, the_order, now, policy, flagged):
        """A proactive message may go until 30 d (wall clock) after delivery, else the latest EDD."""
        report = check_message(message(), order=the_order, now=now, policy=policy)

        assert flagged == ("SP403" in report.codes)

    def test_reply_is_never_too_late(self):
        """Replies are not proactive."""
        report = check_message(
            message(kind="reply"),
            order=order(delivered_at=DELIVERED),
            now=DST_DEADLINE + dt.timedelta(days=99),
        )

        assert "SP403" not in report.codes

    def test_evidence(self):
        """The finding points at the completion date and says how late it is."""
        report = check_message(
            message(), order=order(delivered_at=DELIVERED), now=DST_DEADLINE + dt.timedelta(days=2)
        )
        finding = next(f for f in report.findings if f.code == "SP403")

        assert ("order", DELIVERED, "delivery") == (
            finding.event.type,
            finding.event.at,
            finding.event.summary,
        )
        assert finding.message.startswith(
            "proactive message 2 days too late: it may go until 2026-03-31 10:00 PDT"
        )
        assert Severity.ERROR == finding.severity


EARLIEST_EDD = at("2026-03-06T08:00:00+00:00")  # 00:00 PST
OPENS = at("2026-03-11T07:00:00+00:00")  # 00:00 PDT, 5 d later by the wall clock
CLOSES = at("2026-04-08T08:00:00+00:00")  # latest EDD 01:00 PDT + 30 d
SEED_OPENS = at("2026-03-03T18:00:00+00:00")  # delivery Mar 1 10:00 PST + 2 d (no DST yet)
WINDOW_ORDER = order(earliest_delivery=EARLIEST_EDD, latest_delivery=LATEST_EDD)
REVIEW = f"Order {OID}: how is your kettle? You can leave a review on Amazon."

WINDOW_CASES = [
    ("current: 1 us before it opens", WINDOW_ORDER, OPENS - TICK, Policy.current(), Severity.ERROR),
    ("current: exactly when it opens", WINDOW_ORDER, OPENS, Policy.current(), None),
    ("current: exactly when it closes", WINDOW_ORDER, CLOSES, Policy.current(), None),
    (
        "current: 1 us after it closes",
        WINDOW_ORDER,
        CLOSES + TICK,
        Policy.current(),
        Severity.ERROR,
    ),
    (
        "current: opens 3 d after (parameter)",
        WINDOW_ORDER,
        OPENS - dt.timedelta(days=2),
        Policy.current().with_parameters(solicitation_opens="3d"),
        None,
    ),
    (
        "current: closes 20 d after (parameter)",
        WINDOW_ORDER,
        CLOSES - dt.timedelta(days=5),
        Policy.current().with_parameters(solicitation_closes="20d"),
        Severity.ERROR,
    ),
    (
        "current: delivery + 5 d when no earliest EDD, 1 us early",
        order(delivered_at=DELIVERED, latest_delivery=LATEST_EDD),
        at("2026-03-06T18:00:00+00:00") - TICK,
        Policy.current(),
        Severity.ERROR,
    ),
    (
        "current: delivery + 5 d when no earliest EDD, exactly",
        order(delivered_at=DELIVERED, latest_delivery=LATEST_EDD),
        at("2026-03-06T18:00:00+00:00"),
        Policy.current(),
        None,
    ),
    (
        "seed: before delivery + 2 d is advice",
        order(delivered_at=DELIVERED, earliest_delivery=EARLIEST_EDD),
        SEED_OPENS - TICK,
        SEED,
        Severity.INFO,
    ),
    (
        "seed: exactly delivery + 2 d",
        order(delivered_at=DELIVERED, earliest_delivery=EARLIEST_EDD),
        SEED_OPENS,
        SEED,
        None,
    ),
    (
        "seed: never closes",
        order(delivered_at=DELIVERED),
        DELIVERED + dt.timedelta(days=400),
        SEED,
        None,
    ),
    (
        "seed: latest EDD + 2 d when not delivered",
        WINDOW_ORDER,
        at("2026-03-11T08:00:00+00:00") - TICK,
        SEED,
        Severity.INFO,
    ),
]


class TestSolicitationWindowRule:
    @pytest.mark.parametrize(
        ("the_order", "now", "policy", "severity"),
        [c[1:] for c in WINDOW_CASES],
        ids=[c[0] for c in WINDOW_CASES],
    )
    def test_window(self, the_order, now, policy, severity):
        """Current: 5 d after the earliest EDD to 30 d after the latest; seed: advice before delivery + 2 d."""
        report = check_message(
            REVIEW, kind="review_request", order=the_order, now=now, policy=policy
        )

        assert severity == next((f.severity for f in report.findings if f.code == "SP404"), None)

    def test_only_review_requests(self):
        """Other kinds are not judged by the solicitation window."""
        report = check_message(message(), order=WINDOW_ORDER, now=OPENS - dt.timedelta(days=3))

        assert "SP404" not in report.codes

    def test_evidence(self):
        """A request too early points at the earliest EDD and says when the window opens."""
        report = check_message(
            REVIEW, kind="review_request", order=WINDOW_ORDER, now=OPENS - dt.timedelta(days=1)
        )
        finding = next(f for f in report.findings if f.code == "SP404")

        assert EARLIEST_EDD == finding.event.at
        assert (
            "review request 1 day too early: the window opens at 2026-03-11 00:00 PDT"
            in finding.message
        )


OPTED = OptOut(order_id=OID, at=at("2026-03-10T09:00:00+00:00"))
OPT_CASES = [
    ("review request after the opt-out", "review_request", [OPTED], NOW, Policy.current(), True),
    ("thank-you (proactive) after the opt-out", "proactive", [OPTED], NOW, Policy.current(), True),
    ("warranty after the opt-out", "warranty", [OPTED], NOW, Policy.current(), True),
    ("unexpected problem is critical", "unexpected_problem", [OPTED], NOW, Policy.current(), False),
    ("customization is critical", "confirm_customization", [OPTED], NOW, Policy.current(), False),
    ("a reply is not unsolicited", "reply", [OPTED], NOW, Policy.current(), False),
    (
        "opt-out after the send time",
        "review_request",
        [OPTED],
        at("2026-03-10T08:59:59+00:00"),
        Policy.current(),
        False,
    ),
    (
        "opt-out exactly at the send time",
        "review_request",
        [OPTED],
        OPTED.at,
        Policy.current(),
        True,
    ),
    (
        "kinds are a parameter",
        "review_request",
        [OPTED],
        NOW,
        Policy.current().with_parameters(non_critical_kinds=["proactive"]),
        False,
    ),
    ("seed has no SP405", "review_request", [OPTED], NOW, SEED, False),
]


class TestOptedOut:
    @pytest.mark.parametrize(
        ("kind", "events", "now", "policy", "flagged"),
        [c[1:] for c in OPT_CASES],
        ids=[c[0] for c in OPT_CASES],
    )
    def test_opt_out(self, kind, events, now, policy, flagged):
        """A non-critical message may not go to a buyer who opted out before it."""
        report = check_message(
            REVIEW, kind=kind, order=WINDOW_ORDER, events=events, now=now, policy=policy
        )

        assert flagged == ("SP405" in report.codes)

    def test_evidence(self):
        """The finding points at the opt-out event."""
        report = check_message(
            REVIEW, kind="review_request", order=WINDOW_ORDER, events=[OPTED], now=NOW
        )
        finding = next(f for f in report.findings if f.code == "SP405")

        assert ("opt_out", 0, OPTED.at) == (
            finding.event.type,
            finding.event.index,
            finding.event.at,
        )
        assert Severity.WARNING == finding.severity


def proactive(sent_at: dt.datetime, order_id: str = "113-0000000-0000001", **changes) -> Message:
    fields = {"kind": "confirm_customization", "order_id": order_id, "sent_at": sent_at, **changes}
    return Message(body=f"Order {order_id}: proof attached.", **fields)


DAY = at("2026-03-03T20:00:00+00:00")  # 12:00 PST


def limit_policy(orders: int, **more: int) -> Policy:
    return Policy.current().with_parameters(average_daily_orders=orders, **more)


DAILY_CASES = [
    # 5 x 10 + 600 = 650: 649 earlier + this one is at the limit, 650 + this one is over
    (
        "650 of 650",
        limit_policy(10),
        [proactive(DAY - dt.timedelta(seconds=i + 1)) for i in range(649)],
        DAY,
        False,
    ),
    (
        "651 of 650",
        limit_policy(10),
        [proactive(DAY - dt.timedelta(seconds=i + 1)) for i in range(650)],
        DAY,
        True,
    ),
    (
        "600 of 600 with no orders",
        limit_policy(0),
        [proactive(DAY - dt.timedelta(seconds=i + 1)) for i in range(599)],
        DAY,
        False,
    ),
    (
        "601 of 600 with no orders",
        limit_policy(0),
        [proactive(DAY - dt.timedelta(seconds=i + 1)) for i in range(600)],
        DAY,
        True,
    ),
    (
        "3 of 2 (parameters)",
        limit_policy(1, daily_limit_per_order=1, daily_limit_base=1),
        [proactive(DAY - dt.timedelta(hours=1)), proactive(DAY - dt.timedelta(hours=2))],
        DAY,
        True,
    ),
    (
        "replies and buyer messages do not count",
        limit_policy(1, daily_limit_per_order=1, daily_limit_base=1),
        [
            proactive(DAY - dt.timedelta(hours=1), kind="reply"),
            proactive(DAY - dt.timedelta(hours=2), sender="buyer", kind="inquiry"),
        ],
        DAY,
        False,
    ),
    (
        "the previous local day does not count",
        limit_policy(1, daily_limit_per_order=1, daily_limit_base=1),
        [proactive(at("2026-03-03T07:59:59+00:00")), proactive(at("2026-03-03T08:00:00+00:00"))],
        DAY,
        False,
    ),
    (
        "messages after now do not count",
        limit_policy(1, daily_limit_per_order=1, daily_limit_base=1),
        [proactive(DAY + dt.timedelta(hours=1)), proactive(DAY - dt.timedelta(hours=1))],
        DAY,
        False,
    ),
    (
        "the 23-hour DST day counts from local midnight",
        limit_policy(1, daily_limit_per_order=1, daily_limit_base=1),
        [proactive(at("2026-03-08T08:00:00+00:00")), proactive(at("2026-03-09T06:59:00+00:00"))],
        at("2026-03-09T06:59:59+00:00"),  # 23:59:59 PDT on Mar 8
        True,
    ),
    (
        "the day after the DST change starts at 07:00 UTC",
        limit_policy(1, daily_limit_per_order=1, daily_limit_base=1),
        [proactive(at("2026-03-08T08:00:00+00:00")), proactive(at("2026-03-09T06:59:00+00:00"))],
        at("2026-03-09T07:00:00+00:00"),  # 00:00 PDT on Mar 9
        False,
    ),
]


class TestDailyLimit:
    @pytest.mark.parametrize(
        ("policy", "history", "now", "flagged"),
        [c[1:] for c in DAILY_CASES],
        ids=[c[0] for c in DAILY_CASES],
    )
    def test_limit(self, policy, history, now, flagged):
        """More proactive messages on a local day than 5 x average daily orders + 600 is a warning."""
        report = check_message(message(), order=order(), history=history, now=now, policy=policy)

        assert flagged == ("SP406" in report.codes)

    def test_event_messages_count(self):
        """The order's own messages among the events count too."""
        policy = limit_policy(1, daily_limit_per_order=1, daily_limit_base=1)
        events = [proactive(DAY - dt.timedelta(hours=h), order_id=OID) for h in (1, 2)]

        report = check_message(message(), order=order(), events=events, now=DAY, policy=policy)

        assert "SP406" in report.codes

    def test_message(self):
        """The finding gives the count, the day and the limit's parts."""
        policy = limit_policy(1, daily_limit_per_order=1, daily_limit_base=1)
        history = [proactive(DAY - dt.timedelta(hours=h)) for h in (1, 2)]
        report = check_message(message(), order=order(), history=history, now=DAY, policy=policy)

        expected = (
            "3 proactive messages on 2026-03-03 (America/Los_Angeles), over the daily limit of 2 "
            "(1 x 1 average daily orders + 1)"
        )
        assert [expected] == [f.message for f in report.findings if f.code == "SP406"]


class TestEventsAndHistory:
    def test_events_feed_repeat_solicitation(self):
        """With an order, an earlier review request among the events is seen by SP122."""
        earlier = Message(
            body="Please review.",
            kind="review_request",
            order_id=OID,
            sent_at=at("2026-03-12T10:00:00+00:00"),
        )

        report = check_message(
            REVIEW, kind="review_request", order=WINDOW_ORDER, events=[earlier], now=NOW
        )

        assert "SP122" in report.codes

    def test_other_orders_history_is_not_this_orders(self):
        """With an order, another order's review request in the history is not a repeat."""
        other = Message(
            body="Please review.", kind="review_request", order_id="113-0000000-0000009"
        )

        report = check_message(
            REVIEW, kind="review_request", order=WINDOW_ORDER, history=[other], now=NOW
        )

        assert "SP122" not in report.codes

    def test_the_message_itself_among_the_events(self):
        """The checked message passed among the events is not its own earlier copy."""
        sent = Message(body=REVIEW, kind="review_request", order_id=OID, sent_at=NOW)

        report = check_message(sent, order=WINDOW_ORDER, events=[sent])

        assert "SP122" not in report.codes


class TestInput:
    def test_naive_now(self):
        """A naive now names the argument."""
        with pytest.raises(InvalidValueError, match="now must be timezone-aware") as err:
            check_message("hi", order=DATED, now=dt.datetime(2026, 3, 1))  # noqa: DTZ001

        assert "now" == err.value.field

    def test_event_of_another_order(self):
        """An event of another order is refused, naming it."""
        with pytest.raises(InvalidValueError, match=r"events\[0\]\.order_id") as err:
            check_message(
                "hi", order=DATED, events=[OptOut(order_id="113-0000000-0000009", at=NOW)]
            )

        assert "events[0].order_id" == err.value.field

    def test_event_of_wrong_type(self):
        """A value that is no event is refused, naming it."""
        with pytest.raises(InvalidTypeError) as err:
            check_message("hi", order=DATED, events=["opt out"])  # type: ignore[list-item]

        assert "events[0]" == err.value.field

    def test_message_of_another_order(self):
        """A message of another order is refused."""
        with pytest.raises(InvalidValueError, match=r"message\.order_id") as err:
            check_message(Message(body="hi", order_id="113-0000000-0000009"), order=DATED)

        assert "message.order_id" == err.value.field

    def test_order_of_wrong_type(self):
        """An order that is no Order is refused."""
        with pytest.raises(InvalidTypeError, match="order must be an Order"):
            check_message("hi", order={"order_id": OID})  # type: ignore[arg-type]


class TestSerialization:
    def test_report_round_trip(self):
        """A report with context findings, events and not_judged survives JSON."""
        report = check_message(
            REVIEW, kind="review_request", order=WINDOW_ORDER, events=[OPTED], now=OPENS - TICK
        )

        assert report.not_judged and report.findings
        assert report == sellerpolicy.from_json(MessageReport, sellerpolicy.to_json(report))

    @given(data=st.data())
    def test_any_timeline_round_trips(self, data):
        """Whatever the order and events, the report is a value that survives JSON."""
        the_order, events = data.draw(s.timelines(kinds=("message", "opt_out")))
        now = data.draw(s.aware_datetimes())
        msg = data.draw(s.messages(body=st.sampled_from([REVIEW, GERMAN, "Thanks!"])))
        msg = Message(body=msg.body, kind=msg.kind, sender=msg.sender, order_id=None)

        report = check_message(msg, order=the_order, events=events, now=now)

        assert report == sellerpolicy.from_json(MessageReport, sellerpolicy.to_json(report))
        assert {n.code for n in report.not_judged}.isdisjoint(report.codes)


class TestCampaignCheck:
    def test_not_a_campaign(self):
        """The campaign check refuses other values."""
        with pytest.raises(InvalidTypeError, match="campaign must be a Campaign"):
            context.selective_solicitation({"exclude_returns": True}, Policy.current())  # type: ignore[arg-type]


def test_not_judged_is_a_value():
    """NotJudged reads as its code and reason."""
    assert "SP402 not judged: no order given" == str(NotJudged(Code.SP402, "no order given"))
