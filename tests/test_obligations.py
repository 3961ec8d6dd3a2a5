import datetime as dt
import time
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import (
    RULES,
    Claim,
    Code,
    Family,
    Feedback,
    Message,
    Order,
    OrderItem,
    Policy,
    ReturnRequest,
    Severity,
    Shipment,
)
from sellerpolicy._events import (
    Cancellation,
    InformationRequest,
    OptOut,
    OrderProblem,
    PhoneCall,
    Refund,
    SellerAction,
)
from sellerpolicy._rules import obligations as engine
from sellerpolicy._rules.data import family_docs
from sellerpolicy._rules.obligations import (
    InboxItem,
    ObligationsReport,
    ObligationStatus,
    inbox,
    obligations,
)
from sellerpolicy.exceptions import InvalidPolicyError, InvalidTypeError, InvalidValueError

from . import strategies as s

LA = ZoneInfo("America/Los_Angeles")
OID = "113-0000000-0000777"
CODES = tuple(code for code, info in RULES.items() if info.family is Family.OBLIGATIONS)
CURRENT, SEED = Policy.current(), Policy.seed()
MET, OPEN, OVERDUE, NA = (
    ObligationStatus.MET,
    ObligationStatus.OPEN,
    ObligationStatus.OVERDUE,
    ObligationStatus.NOT_APPLICABLE,
)
SECOND = dt.timedelta(seconds=1)


def la(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LA)


def order(**changes: object) -> Order:
    fields: dict[str, object] = {
        "order_id": OID,
        "marketplace_id": "ATVPDKIKX0DER",
        "purchased_at": la(2026, 1, 5, 9),
        "fulfillment_channel": "MFN",
    }
    fields.update(changes)
    return Order(**fields)  # type: ignore[arg-type]


def buyer(at: dt.datetime, kind: str = "inquiry", **kw: object) -> Message:
    return Message(body="Where is it?", kind=kind, sender="buyer", order_id=OID, sent_at=at, **kw)  # type: ignore[arg-type]


def seller(at: dt.datetime, kind: str = "reply", **kw: object) -> Message:
    return Message(body="On its way.", kind=kind, sender="seller", order_id=OID, sent_at=at, **kw)  # type: ignore[arg-type]


def return_request(at: dt.datetime, **kw: object) -> ReturnRequest:
    return ReturnRequest(order_id=OID, requested_at=at, reason="no_longer_needed", **kw)  # type: ignore[arg-type]


def claim(at: dt.datetime, kind: str = "a_to_z", **kw: object) -> Claim:
    return Claim(order_id=OID, kind=kind, reason="not_received", filed_at=at, **kw)  # type: ignore[arg-type]


def refund(at: dt.datetime, by: str = "seller") -> Refund:
    return Refund(order_id=OID, at=at, by=by)  # type: ignore[arg-type]


def action(at: dt.datetime, kind: str) -> SellerAction:
    return SellerAction(order_id=OID, at=at, action=kind)  # type: ignore[arg-type]


def problem(at: dt.datetime, kind: str = "out_of_stock") -> OrderProblem:
    return OrderProblem(order_id=OID, at=at, problem=kind)  # type: ignore[arg-type]


def cancellation(at: dt.datetime, by: str = "seller") -> Cancellation:
    return Cancellation(order_id=OID, at=at, by=by)  # type: ignore[arg-type]


def call(at: dt.datetime) -> PhoneCall:
    return PhoneCall(order_id=OID, at=at)


def feedback(at: dt.datetime, rating: int = 1) -> Feedback:
    return Feedback(order_id=OID, rating=rating, left_at=at)


def only(report: ObligationsReport, code: str) -> engine.Obligation:
    found = [o for o in report.obligations if o.code == code]
    assert 1 == len(found), str(report)
    return found[0]


def codes_listed(report: ObligationsReport) -> set[str]:
    return {o.code.value for o in report.obligations}


FAR = la(2027, 12, 31)  # a `now` after every due date below (except SP513 of late orders)


class TestRuleExamples:
    @pytest.mark.parametrize("code", CODES, ids=str)
    def test_bad_example_overdue(self, code):
        """Each rule's documented bad example leaves its obligation overdue."""
        assert engine.flags(code, "bad")

    @pytest.mark.parametrize("code", CODES, ids=str)
    def test_good_example_met(self, code):
        """Each rule's documented good example has that obligation met."""
        order_, events, now = engine.example_timeline(code, "good")

        report = obligations(order_, events, now=now)

        assert not engine.flags(code, "good")
        assert {MET} == {o.status for o in report.obligations if o.code == code}

    @pytest.mark.parametrize("code", CODES, ids=str)
    def test_documentation_complete(self, code):
        """Every rule has a message, what, why, bad and good text."""
        doc = family_docs("obligations.toml")[code]

        assert doc.message and doc.what and doc.why and doc.bad and doc.good


# (id, policy, order changes, events, code, expected due_at) -- every number of §7 and §13
DUE_CASES = [
    ("SP501-current-24h", CURRENT, {}, [buyer(la(2026, 2, 2))], "SP501", la(2026, 2, 3)),
    ("SP501-seed-24h", SEED, {}, [buyer(la(2026, 2, 2))], "SP501", la(2026, 2, 3)),
    (
        "SP501-24h-over-a-weekend-counts-it",
        CURRENT,
        {},
        [buyer(la(2026, 2, 6, 17))],
        "SP501",
        la(2026, 2, 7, 17),
    ),
    (
        "SP501-24h-elapsed-across-spring-forward",
        CURRENT,
        {},
        [buyer(la(2026, 3, 7))],
        "SP501",
        la(2026, 3, 8, 11),
    ),
    (
        "SP501-24h-elapsed-across-fall-back",
        CURRENT,
        {},
        [buyer(la(2026, 10, 31))],
        "SP501",
        la(2026, 11, 1, 9),
    ),
    (
        "SP502-current-48h",
        CURRENT,
        {},
        [return_request(la(2026, 2, 2), in_policy=False)],
        "SP502",
        la(2026, 2, 4),
    ),
    ("SP502-seed-24h", SEED, {}, [return_request(la(2026, 2, 2))], "SP502", la(2026, 2, 3)),
    (
        "SP503-current-2bd-over-weekend-and-spring-forward",
        CURRENT,
        {},
        [return_request(la(2026, 3, 2), received_at=la(2026, 3, 6))],
        "SP503",
        la(2026, 3, 10),
    ),
    (
        "SP503-current-2bd-over-thanksgiving",
        CURRENT,
        {},
        [return_request(la(2026, 11, 20), received_at=la(2026, 11, 25))],
        "SP503",
        la(2026, 11, 30),
    ),
    (
        "SP503-current-2bd-over-july-4-observed-friday",
        CURRENT,
        {},
        [return_request(la(2026, 6, 29), received_at=la(2026, 7, 2))],
        "SP503",
        la(2026, 7, 7),
    ),
    (
        "SP503-current-2bd-from-a-saturday",
        CURRENT,
        {},
        [return_request(la(2026, 2, 2), received_at=la(2026, 2, 7))],
        "SP503",
        la(2026, 2, 10),
    ),
    (
        "SP504-current-72h",
        CURRENT,
        {},
        [buyer(la(2026, 2, 2)), claim(la(2026, 2, 3))],
        "SP504",
        la(2026, 2, 5),
    ),
    (
        "SP504-seed-24h",
        SEED,
        {},
        [buyer(la(2026, 2, 2)), claim(la(2026, 2, 3))],
        "SP504",
        la(2026, 2, 3),
    ),
    (
        "SP505-current-72h",
        CURRENT,
        {},
        [InformationRequest(order_id=OID, at=la(2026, 2, 2))],
        "SP505",
        la(2026, 2, 5),
    ),
    (
        "SP505-seed-24h",
        SEED,
        {},
        [InformationRequest(order_id=OID, at=la(2026, 2, 2))],
        "SP505",
        la(2026, 2, 3),
    ),
    (
        "SP506-current-7d",
        CURRENT,
        {},
        [claim(la(2026, 2, 2), "chargeback")],
        "SP506",
        la(2026, 2, 9),
    ),
    ("SP506-seed-7d", SEED, {}, [claim(la(2026, 2, 2), "chargeback")], "SP506", la(2026, 2, 9)),
    (
        "SP506-7d-keeps-wall-time-across-spring-forward",
        CURRENT,
        {},
        [claim(la(2026, 3, 5), "chargeback")],
        "SP506",
        la(2026, 3, 12),
    ),
    (
        "SP506-7d-keeps-wall-time-across-fall-back",
        CURRENT,
        {},
        [claim(la(2026, 10, 28), "chargeback")],
        "SP506",
        la(2026, 11, 4),
    ),
    (
        "SP507-current-24h",
        CURRENT,
        {},
        [problem(la(2026, 2, 2), "late_shipment")],
        "SP507",
        la(2026, 2, 3),
    ),
    (
        "SP507-seed-24h",
        SEED,
        {},
        [problem(la(2026, 2, 2), "delay_in_transit")],
        "SP507",
        la(2026, 2, 3),
    ),
    (
        "SP507-seller-cancellation-24h",
        CURRENT,
        {},
        [cancellation(la(2026, 2, 2))],
        "SP507",
        la(2026, 2, 3),
    ),
    (
        "SP508-current-ship-by-plus-7bd-over-presidents-day",
        CURRENT,
        {"latest_ship": la(2026, 2, 6, 17)},
        [problem(la(2026, 2, 5))],
        "SP508",
        la(2026, 2, 18, 17),
    ),
    (
        "SP508-current-ship-by-plus-7bd-over-thanksgiving",
        CURRENT,
        {"latest_ship": la(2026, 11, 18, 17)},
        [problem(la(2026, 11, 17))],
        "SP508",
        la(2026, 11, 30, 17),
    ),
    (
        "SP508-seed-48h-after-the-problem",
        SEED,
        {"latest_ship": la(2026, 2, 6, 17)},
        [problem(la(2026, 2, 5))],
        "SP508",
        la(2026, 2, 7),
    ),
    ("SP509-current-24h", CURRENT, {}, [call(la(2026, 2, 2))], "SP509", la(2026, 2, 3)),
    ("SP509-seed-24h", SEED, {}, [call(la(2026, 2, 2))], "SP509", la(2026, 2, 3)),
    (
        "SP510-current-30d-across-spring-forward",
        CURRENT,
        {},
        [claim(la(2026, 2, 10), status="granted", decided_at=la(2026, 2, 13))],
        "SP510",
        la(2026, 3, 15),
    ),
    (
        "SP511-current-60d",
        CURRENT,
        {},
        [refund(la(2026, 2, 20), by="amazon")],
        "SP511",
        la(2026, 4, 21),
    ),
    ("SP512-current-90d", CURRENT, {}, [feedback(la(2026, 2, 10))], "SP512", la(2026, 5, 11)),
    ("SP512-seed-60d", SEED, {}, [feedback(la(2026, 2, 10))], "SP512", la(2026, 4, 11)),
    (
        "SP512-current-neutral-90d",
        CURRENT,
        {},
        [feedback(la(2026, 2, 10), rating=3)],
        "SP512",
        la(2026, 5, 11),
    ),
    ("SP513-current-6mo", CURRENT, {}, [], "SP513", la(2026, 7, 5, 9)),
    ("SP513-seed-6mo", SEED, {}, [], "SP513", la(2026, 7, 5, 9)),
    (
        "SP513-6mo-clamps-aug-31-to-feb-28",
        CURRENT,
        {"purchased_at": la(2026, 8, 31, 9)},
        [],
        "SP513",
        la(2027, 2, 28, 9),
    ),
]


class TestDueTimes:
    @pytest.mark.parametrize(
        ("policy", "changes", "events", "code", "expected"),
        [case[1:] for case in DUE_CASES],
        ids=[case[0] for case in DUE_CASES],
    )
    def test_due_at(self, policy, changes, events, code, expected):
        """Each obligation is due when POLICY.md §7 and §13 say, in either edition."""
        report = obligations(order(**changes), events, now=FAR, policy=policy)

        assert expected == only(report, code).due_at

    @pytest.mark.parametrize(
        ("code", "events"),
        [
            ("SP503", [return_request(la(2026, 2, 2), received_at=la(2026, 2, 6))]),
            ("SP510", [claim(la(2026, 2, 2), status="granted", decided_at=la(2026, 2, 9))]),
            ("SP511", [refund(la(2026, 2, 2), by="amazon")]),
        ],
        ids=["SP503", "SP510", "SP511"],
    )
    def test_current_only_rules_absent_from_seed(self, code, events):
        """The seed edition has no SP503, SP510 or SP511: they are not listed at all."""
        current = obligations(order(), events, now=FAR, policy=CURRENT)
        seed = obligations(order(), events, now=FAR, policy=SEED)

        assert code in codes_listed(current)
        assert code not in codes_listed(seed)

    def test_due_at_is_utc(self):
        """Computed due times are UTC instants, whatever zone the events were given in."""
        report = obligations(order(), [buyer(la(2026, 2, 2))], now=FAR)

        assert dt.UTC == only(report, "SP501").due_at.tzinfo


class TestStatus:
    DUE = la(2026, 2, 3)  # SP501 for a buyer message on 2026-02-02 10:00

    @pytest.mark.parametrize(
        ("extra", "now", "status", "late_by", "overdue_by"),
        [
            ([], DUE - SECOND, OPEN, None, None),
            ([], DUE, OPEN, None, None),
            ([], DUE + dt.timedelta(microseconds=1), OVERDUE, None, dt.timedelta(microseconds=1)),
            ([], DUE + dt.timedelta(hours=5), OVERDUE, None, dt.timedelta(hours=5)),
            ([seller(DUE - dt.timedelta(hours=20))], FAR, MET, dt.timedelta(0), None),
            ([seller(DUE)], FAR, MET, dt.timedelta(0), None),
            ([seller(DUE + SECOND)], FAR, MET, SECOND, None),
            ([seller(DUE + dt.timedelta(days=2))], FAR, MET, dt.timedelta(days=2), None),
            ([seller(DUE, automated=True)], FAR, OVERDUE, None, FAR - DUE),
            ([seller(DUE, kind="proactive")], FAR, OVERDUE, None, FAR - DUE),
            ([seller(DUE + SECOND)], DUE, OPEN, None, None),
        ],
        ids=[
            "open-before-due",
            "open-at-now-equal-due",
            "overdue-a-microsecond-after",
            "overdue-by-5h",
            "met-early",
            "met-by-event-exactly-at-due",
            "late-is-still-met-by-1s",
            "late-is-still-met-by-2d",
            "automated-reply-does-not-meet",
            "proactive-message-is-not-a-reply",
            "reply-after-now-is-ignored",
        ],
    )
    def test_reply_to_buyer(self, extra, now, status, late_by, overdue_by):
        """Ends are inclusive, late is still met, and events after now do not count."""
        report = obligations(order(), [buyer(la(2026, 2, 2)), *extra], now=now)
        ob = only(report, "SP501")

        assert (status, late_by, overdue_by) == (ob.status, ob.late_by, ob.overdue_by)
        assert (ob.met_by is not None) == (status is MET)

    def test_no_response_needed_meets_with_the_message_itself(self):
        """A buyer message marked no_response_needed meets SP501; met_by is that message."""
        report = obligations(order(), [buyer(la(2026, 2, 2), no_response_needed=True)], now=FAR)
        ob = only(report, "SP501")

        assert (MET, ob.raised_by, dt.timedelta(0)) == (ob.status, ob.met_by, ob.late_by)
        assert 0 == ob.met_by.index

    def test_one_reply_meets_every_earlier_message(self):
        """Each buyer message raises SP501; the next reply after each meets it."""
        events = [buyer(la(2026, 2, 2)), buyer(la(2026, 2, 2, 12)), seller(la(2026, 2, 2, 13))]

        report = obligations(order(), events, now=FAR)

        assert [(MET, 2), (MET, 2)] == [
            (o.status, o.met_by.index) for o in report.obligations if o.code == "SP501"
        ]

    def test_reply_before_the_message_does_not_meet(self):
        """A seller reply sent before the buyer's message does not answer it."""
        report = obligations(order(), [seller(la(2026, 2, 1)), buyer(la(2026, 2, 2))], now=FAR)

        assert OVERDUE == only(report, "SP501").status

    @pytest.mark.parametrize("kind", ["inquiry", "return_request", "brand_or_suspicious"], ids=str)
    def test_every_buyer_kind_raises_a_reply(self, kind):
        """Inquiries, return questions and brand or suspicious messages all need a reply."""
        report = obligations(order(), [buyer(la(2026, 2, 2), kind=kind)], now=FAR)

        assert OVERDUE == only(report, "SP501").status

    def test_event_after_now_raises_nothing(self):
        """A buyer message after now is ignored, and the report says so."""
        report = obligations(order(), [buyer(la(2026, 2, 2))], now=la(2026, 2, 1))

        assert "SP501" not in codes_listed(report)
        assert any("after now" in a for a in report.assumptions)

    def test_now_in_another_zone_decides_the_same(self):
        """The same instant given in another zone gives the same obligations."""
        events = [buyer(la(2026, 2, 2))]
        now = la(2026, 2, 3)

        in_la = obligations(order(), events, now=now)
        in_utc = obligations(order(), events, now=now.astimezone(dt.UTC))

        assert in_la.obligations == in_utc.obligations


class TestReturnRequestResponse:
    @pytest.mark.parametrize(
        ("policy", "changes", "given", "status"),
        [
            (CURRENT, {"fulfillment_channel": "AFN"}, {"in_policy": False}, NA),
            (SEED, {"fulfillment_channel": "AFN"}, {"in_policy": False}, NA),
            (CURRENT, {}, {"in_policy": True}, NA),
            (SEED, {}, {"in_policy": True}, OVERDUE),
            (CURRENT, {}, {"in_policy": False}, OVERDUE),
            (CURRENT, {"delivered_at": la(2026, 1, 10)}, {}, NA),
            (CURRENT, {"delivered_at": la(2026, 1, 2, 12)}, {}, NA),
            (CURRENT, {"delivered_at": la(2025, 12, 20)}, {}, OVERDUE),
            (CURRENT, {"latest_delivery": la(2026, 1, 10)}, {}, NA),
            (CURRENT, {}, {}, OVERDUE),
        ],
        ids=[
            "current-AFN-not-applicable",
            "seed-AFN-not-applicable",
            "current-in-policy-authorised-by-amazon",
            "seed-every-MFN-request",
            "current-out-of-policy-reaches-seller",
            "current-inside-30d-of-delivery",
            "current-exactly-30d-after-delivery-is-inside",
            "current-outside-30d-of-delivery",
            "current-inside-30d-of-latest-edd",
            "current-no-dates-assumed-to-reach-seller",
        ],
    )
    def test_which_requests_reach_the_seller(self, policy, changes, given, status):
        """Only requests that reach the seller raise SP502; FBA ones never do (POLICY.md §13)."""
        changes = {"purchased_at": la(2025, 12, 1), **changes}
        events = [return_request(la(2026, 2, 1, 12), **given)]

        report = obligations(order(**changes), events, now=FAR, policy=policy)

        assert status == only(report, "SP502").status

    @pytest.mark.parametrize(
        ("answer", "status"),
        [
            (seller(la(2026, 2, 3)), MET),
            (seller(la(2026, 2, 3), automated=True), OVERDUE),
            (action(la(2026, 2, 3), "return_authorization"), MET),
            (refund(la(2026, 2, 3)), MET),
            (action(la(2026, 2, 3), "claim_response"), OVERDUE),
        ],
        ids=["reply", "automated-reply", "authorisation", "refund", "unrelated-action"],
    )
    def test_what_answers_a_request(self, answer, status):
        """A reply typed by a person, an authorisation or a refund meets SP502."""
        events = [return_request(la(2026, 2, 2), in_policy=False), answer]

        report = obligations(order(), events, now=FAR)

        assert status == only(report, "SP502").status


JAN_31_END = dt.datetime(2026, 1, 31, 23, 59, 59, 999_999, tzinfo=LA)
"""The last instant of the 2025 holiday season's return-by day (current edition)."""


class TestReturnWindowOfSP502:
    @pytest.mark.parametrize(
        ("policy", "changes", "requested", "status", "due_at"),
        [
            (
                CURRENT,
                {"purchased_at": la(2025, 11, 20), "delivered_at": la(2025, 11, 25)},
                la(2026, 1, 15),
                NA,
                la(2026, 1, 17),
            ),
            (
                CURRENT,
                {"purchased_at": la(2025, 11, 20), "delivered_at": la(2025, 11, 25)},
                JAN_31_END,
                NA,
                JAN_31_END + dt.timedelta(hours=48),
            ),
            (
                CURRENT,
                {"purchased_at": la(2025, 11, 20), "delivered_at": la(2025, 11, 25)},
                JAN_31_END + dt.timedelta(microseconds=1),
                OVERDUE,
                la(2026, 2, 3, 0),
            ),
            (
                CURRENT,
                {
                    "purchased_at": la(2025, 10, 28),
                    "shipments": [Shipment(shipped_at=la(2025, 11, 2))],
                    "delivered_at": la(2025, 11, 5),
                },
                la(2026, 1, 20),
                NA,
                la(2026, 1, 22),
            ),
            (
                CURRENT,
                {"purchased_at": la(2025, 10, 20), "delivered_at": la(2025, 10, 25)},
                la(2025, 12, 1),
                OVERDUE,
                la(2025, 12, 3),
            ),
            (
                CURRENT,
                {"purchased_at": la(2025, 12, 30), "delivered_at": la(2026, 1, 10)},
                la(2026, 2, 5),
                NA,
                la(2026, 2, 7),
            ),
            (
                SEED,
                {"purchased_at": la(2025, 11, 20), "delivered_at": la(2025, 11, 25)},
                la(2026, 1, 15),
                OVERDUE,
                la(2026, 1, 16),
            ),
            (
                SEED,
                {"purchased_at": la(2025, 10, 20), "delivered_at": la(2025, 10, 25)},
                la(2025, 12, 1),
                OVERDUE,
                la(2025, 12, 2),
            ),
        ],
        ids=[
            "current-bought-in-season-jan-15-inside-extension",
            "current-bought-in-season-end-of-jan-31-inside",
            "current-bought-in-season-just-after-jan-31-reaches-seller",
            "current-shipped-in-season-bought-before-inside-extension",
            "current-bought-in-october-37d-after-delivery-reaches-seller",
            "current-bought-dec-30-normal-30d-window-is-later",
            "seed-no-extension-every-request-reaches-seller-24h",
            "seed-outside-season-every-request-reaches-seller-24h",
        ],
    )
    def test_holiday_extension(self, policy, changes, requested, status, due_at):
        """SP502 reads the return window SP701 counts, holiday extension included (§9, §13)."""
        report = obligations(order(**changes), [return_request(requested)], now=FAR, policy=policy)
        ob = only(report, "SP502")

        assert (status, due_at) == (ob.status, ob.due_at)

    @pytest.mark.parametrize("policy", [CURRENT, SEED], ids=["current", "seed"])
    @pytest.mark.parametrize(
        "requested",
        [la(2026, 1, 15), JAN_31_END, la(2026, 2, 1, 0), la(2025, 12, 20), la(2026, 3, 2)],
        ids=["jan-15", "end-of-jan-31", "feb-1", "dec-20", "mar-2"],
    )
    def test_agrees_with_assess_return(self, policy, requested):
        """A current-edition request reaches the seller exactly when assess_return finds it late."""
        placed = order(
            purchased_at=la(2025, 11, 20),
            delivered_at=la(2025, 11, 25),
            items=[OrderItem(asin="B000000001")],
        )
        request = return_request(requested)

        decision = sellerpolicy.assess_return(request, placed, now=FAR, policy=policy)
        ob = only(obligations(placed, [request], now=FAR, policy=policy), "SP502")

        every = policy.parameters.choice("return_response_scope") == "every"
        assert (every or not decision.within_window) == (ob.status is not NA)

    def test_extension_override_moves_sp502(self):
        """Overriding holiday_return_extension moves SP502 with the returns decision."""
        placed = order(purchased_at=la(2025, 11, 20), delivered_at=la(2025, 11, 25))
        events = [return_request(la(2026, 1, 15))]
        policy = CURRENT.with_parameters(holiday_return_extension="none")

        default = only(obligations(placed, events, now=FAR), "SP502")
        without = only(obligations(placed, events, now=FAR, policy=policy), "SP502")

        assert (NA, OVERDUE) == (default.status, without.status)

    def test_return_window_override_moves_sp502(self):
        """Overriding return_window (a returns parameter) moves SP502 too."""
        placed = order(purchased_at=la(2026, 3, 1), delivered_at=la(2026, 3, 5))
        events = [return_request(la(2026, 3, 20))]
        policy = CURRENT.with_parameters(return_window="14d")

        default = only(obligations(placed, events, now=FAR), "SP502")
        shorter = only(obligations(placed, events, now=FAR, policy=policy), "SP502")

        assert (NA, OVERDUE) == (default.status, shorter.status)


class TestRefundAfterReturn:
    def test_refund_before_receipt_does_not_meet(self):
        """Only a refund at or after the item's receipt meets SP503."""
        events = [
            return_request(la(2026, 2, 2), received_at=la(2026, 2, 10)),
            refund(la(2026, 2, 9)),
        ]

        report = obligations(order(), events, now=FAR)

        assert OVERDUE == only(report, "SP503").status

    def test_refund_at_the_moment_of_receipt_meets(self):
        """A refund issued the instant the item is received meets SP503."""
        events = [
            return_request(la(2026, 2, 2), received_at=la(2026, 2, 10)),
            refund(la(2026, 2, 10)),
        ]

        assert MET == only(obligations(order(), events, now=FAR), "SP503").status

    def test_refund_exactly_at_due_meets(self):
        """A refund exactly 2 business days after receipt is on time."""
        events = [
            return_request(la(2026, 2, 2), received_at=la(2026, 2, 10)),
            refund(la(2026, 2, 12)),
        ]

        ob = only(obligations(order(), events, now=FAR), "SP503")

        assert (MET, dt.timedelta(0)) == (ob.status, ob.late_by)

    def test_receipt_after_now_raises_nothing(self):
        """An item received after now does not raise SP503 yet."""
        events = [return_request(la(2026, 2, 2), received_at=la(2026, 2, 10))]

        report = obligations(order(), events, now=la(2026, 2, 9))

        assert "SP503" not in codes_listed(report)

    def test_fba_return_is_amazons(self):
        """FBA returns are refunded by Amazon: SP503 is not applicable."""
        events = [return_request(la(2026, 2, 2), received_at=la(2026, 2, 10))]

        report = obligations(order(fulfillment_channel="AFN"), events, now=FAR)

        assert NA == only(report, "SP503").status

    def test_raised_at_the_receipt(self):
        """The evidence points at the return request, at the time the item came back."""
        events = [return_request(la(2026, 2, 2), received_at=la(2026, 2, 10))]

        ob = only(obligations(order(), events, now=FAR), "SP503")

        assert (0, la(2026, 2, 10)) == (ob.raised_by.index, ob.raised_by.at)


class TestClaims:
    def test_no_a_to_z_claim_no_sp504(self):
        """Without an A-to-z claim (a chargeback is not one), buyer contacts raise no SP504."""
        events = [buyer(la(2026, 2, 2)), claim(la(2026, 2, 3), "chargeback")]

        report = obligations(order(), events, now=FAR)

        assert "SP504" not in codes_listed(report)

    def test_every_contact_before_and_after_the_claim(self):
        """SP504 runs from each buyer contact, before or after the claim was filed."""
        events = [
            buyer(la(2026, 2, 2)),
            seller(la(2026, 2, 3)),
            claim(la(2026, 2, 4)),
            buyer(la(2026, 2, 6)),
        ]

        report = obligations(order(), events, now=la(2026, 2, 8))

        assert [(MET, 0), (OPEN, 3)] == [
            (o.status, o.raised_by.index) for o in report.obligations if o.code == "SP504"
        ]

    def test_claim_filed_after_now_is_ignored(self):
        """A claim filed after now does not raise SP504 yet."""
        events = [buyer(la(2026, 2, 2)), claim(la(2026, 2, 10))]

        report = obligations(order(), events, now=la(2026, 2, 9))

        assert "SP504" not in codes_listed(report)

    @pytest.mark.parametrize(
        ("answer", "status"),
        [
            (action(la(2026, 2, 3), "claim_response"), MET),
            (seller(la(2026, 2, 3)), OVERDUE),
        ],
        ids=["claim-response", "a-message-is-not-a-response-to-amazon"],
    )
    def test_information_request(self, answer, status):
        """Amazon's information request is met by the seller's claim response only."""
        events = [InformationRequest(order_id=OID, at=la(2026, 2, 2)), answer]

        report = obligations(order(), events, now=FAR)

        assert status == only(report, "SP505").status

    @pytest.mark.parametrize(
        ("answer", "status"),
        [
            (refund(la(2026, 2, 3)), MET),
            (action(la(2026, 2, 3), "chargeback_response"), MET),
            (seller(la(2026, 2, 3)), OVERDUE),
        ],
        ids=["refund", "representation", "message"],
    )
    def test_chargeback_response(self, answer, status):
        """A chargeback is met by a refund or a representation."""
        events = [claim(la(2026, 2, 2), "chargeback"), answer]

        report = obligations(order(), events, now=FAR)

        assert status == only(report, "SP506").status

    @pytest.mark.parametrize(
        ("the_claim", "listed"),
        [
            (claim(la(2026, 2, 2), status="granted", decided_at=la(2026, 2, 5)), True),
            (claim(la(2026, 2, 2), status="denied", decided_at=la(2026, 2, 5)), False),
            (claim(la(2026, 2, 2), status="open"), False),
            (
                claim(la(2026, 2, 2), "chargeback", status="granted", decided_at=la(2026, 2, 5)),
                False,
            ),
        ],
        ids=["granted", "denied", "open", "granted-chargeback"],
    )
    def test_appeal_window_raised_by_granted_a_to_z(self, the_claim, listed):
        """Only a granted A-to-z claim opens the appeal window (SP510)."""
        report = obligations(order(), [the_claim], now=FAR)

        assert listed == ("SP510" in codes_listed(report))

    def test_appeal_meets_and_decision_after_now_ignored(self):
        """An appeal meets SP510; a decision after now raises nothing yet."""
        granted = claim(la(2026, 2, 2), status="granted", decided_at=la(2026, 2, 5))
        events = [granted, action(la(2026, 2, 20), "appeal")]

        met = obligations(order(), events, now=FAR)
        early = obligations(order(), [granted], now=la(2026, 2, 4))

        assert MET == only(met, "SP510").status
        assert "SP510" not in codes_listed(early)

    def test_granted_without_decision_time_not_judged(self):
        """A granted claim without decided_at cannot be judged for SP510, and the report says so."""
        report = obligations(order(), [claim(la(2026, 2, 2), status="granted")], now=FAR)

        assert "SP510" not in codes_listed(report)
        assert ["SP510"] == [n.code for n in report.not_judged]
        assert "decided_at" in report.not_judged[0].reason


class TestOrderProblems:
    def test_cancellation_after_a_problem_covered_by_its_notice(self):
        """A seller cancellation after an order problem raises no second SP507."""
        events = [
            problem(la(2026, 2, 2)),
            seller(la(2026, 2, 2, 11), kind="unexpected_problem"),
            cancellation(la(2026, 2, 2, 12)),
        ]

        report = obligations(order(latest_ship=la(2026, 2, 4)), events, now=FAR)

        assert [MET] == [o.status for o in report.obligations if o.code == "SP507"]

    @pytest.mark.parametrize(
        ("notice", "status"),
        [
            (seller(la(2026, 2, 2, 12), kind="unexpected_problem"), MET),
            (seller(la(2026, 2, 2, 12), kind="proactive"), MET),
            (seller(la(2026, 2, 2, 12), kind="review_request"), OVERDUE),
            (buyer(la(2026, 2, 2, 12)), OVERDUE),
        ],
        ids=["unexpected-problem", "proactive", "review-request-is-not-a-notice", "buyer"],
    )
    def test_problem_notice(self, notice, status):
        """A proactive seller message (not a review request) tells the buyer of the problem."""
        events = [problem(la(2026, 2, 2), "late_shipment"), notice]

        report = obligations(order(), events, now=FAR)

        assert status == only(report, "SP507").status

    @pytest.mark.parametrize("by", ["buyer", "amazon", "system"], ids=str)
    def test_cancellation_by_others_raises_no_notice(self, by):
        """Only the seller's own cancellation needs a notice from the seller."""
        report = obligations(order(), [cancellation(la(2026, 2, 2), by=by)], now=FAR)

        assert "SP507" not in codes_listed(report)

    @pytest.mark.parametrize(
        ("extra", "status"),
        [
            ([cancellation(la(2026, 2, 3), by="seller")], MET),
            ([cancellation(la(2026, 2, 20), by="system")], OVERDUE),
            ([cancellation(la(2026, 2, 3), by="buyer")], NA),
            ([], OVERDUE),
        ],
        ids=["seller-cancels", "amazon-auto-cancels", "buyer-cancels", "nobody-cancels"],
    )
    def test_cancel_unfulfillable(self, extra, status):
        """An out-of-stock order is met only by the seller's own cancellation."""
        events = [problem(la(2026, 2, 2)), *extra]

        report = obligations(order(latest_ship=la(2026, 2, 4)), events, now=FAR)

        assert status == only(report, "SP508").status

    def test_shipped_after_all(self):
        """An out-of-stock order that shipped after all needs no cancellation."""
        shipped = Shipment(carrier="UPS", tracking_number="1Z1", shipped_at=la(2026, 2, 3))

        report = obligations(
            order(latest_ship=la(2026, 2, 4), shipments=[shipped]),
            [problem(la(2026, 2, 2))],
            now=FAR,
        )

        assert NA == only(report, "SP508").status

    def test_late_shipment_needs_no_cancellation(self):
        """Only an out-of-stock problem raises SP508."""
        report = obligations(order(), [problem(la(2026, 2, 2), "late_shipment")], now=FAR)

        assert "SP508" not in codes_listed(report)

    def test_no_latest_ship_not_judged_in_current(self):
        """Current: without latest_ship the deadline is unknown; SP508 is not judged, saying so."""
        current = obligations(order(), [problem(la(2026, 2, 2))], now=FAR)
        seed = obligations(order(), [problem(la(2026, 2, 2))], now=FAR, policy=SEED)

        assert "SP508" not in codes_listed(current)
        assert ["SP508"] == [n.code for n in current.not_judged]
        assert "latest_ship" in current.not_judged[0].reason
        assert la(2026, 2, 4) == only(seed, "SP508").due_at


class TestCallsFeedbackRecords:
    @pytest.mark.parametrize(
        ("summary", "status"),
        [
            (seller(la(2026, 2, 2, 11)), MET),
            (seller(la(2026, 2, 2, 11), kind="unexpected_problem"), MET),
            (seller(la(2026, 2, 2, 11), automated=True), OVERDUE),
        ],
        ids=["reply", "any-seller-message", "automated"],
    )
    def test_call_summary(self, summary, status):
        """A phone call is met by a seller message typed after it (advice)."""
        report = obligations(order(), [call(la(2026, 2, 2)), summary], now=FAR)
        ob = only(report, "SP509")

        assert status == ob.status
        assert report.ok

    @pytest.mark.parametrize(
        ("by", "listed"), [("amazon", True), ("seller", False)], ids=["amazon", "seller"]
    )
    def test_safe_t_raised_by_amazons_refund(self, by, listed):
        """Only a refund Amazon issued opens the SAFE-T window."""
        report = obligations(order(), [refund(la(2026, 2, 2), by=by)], now=FAR)

        assert listed == ("SP511" in codes_listed(report))

    def test_safe_t_claim_meets(self):
        """A SAFE-T claim meets SP511."""
        events = [refund(la(2026, 2, 2), by="amazon"), action(la(2026, 3, 1), "safe_t_claim")]

        assert MET == only(obligations(order(), events, now=FAR), "SP511").status

    @pytest.mark.parametrize(
        ("rating", "listed"),
        [(1, True), (2, True), (3, True), (4, False), (5, False)],
        ids=["1-star", "2-stars", "3-stars-neutral", "4-stars", "5-stars"],
    )
    def test_feedback_removal_window_for_negative_and_neutral(self, rating, listed):
        """Negative and neutral feedback open the removal window; positive does not."""
        report = obligations(order(), [feedback(la(2026, 2, 2), rating)], now=FAR)

        assert listed == ("SP512" in codes_listed(report))

    def test_removal_request_meets(self):
        """A removal request meets SP512."""
        events = [feedback(la(2026, 2, 2)), action(la(2026, 2, 3), "feedback_removal_request")]

        assert MET == only(obligations(order(), events, now=FAR), "SP512").status

    @pytest.mark.parametrize(
        ("changes", "events", "status"),
        [
            (
                {
                    "shipments": [
                        Shipment(carrier="UPS", tracking_number="1Z1", shipped_at=la(2026, 1, 6))
                    ]
                },
                [],
                MET,
            ),
            ({"shipments": [Shipment(carrier="UPS", shipped_at=la(2026, 1, 6))]}, [], OVERDUE),
            ({"shipments": [Shipment(carrier="UPS", tracking_number="1Z1")]}, [], OVERDUE),
            (
                {"shipments": [Shipment(tracking_number="1Z1", shipped_at=la(2026, 1, 6))]},
                [],
                OVERDUE,
            ),
            ({"fulfillment_channel": "AFN"}, [], NA),
            ({}, [cancellation(la(2026, 1, 6), by="buyer")], NA),
            ({"status": "Canceled"}, [], NA),
            ({}, [], OVERDUE),
        ],
        ids=[
            "complete-shipment",
            "no-tracking",
            "no-ship-time",
            "no-carrier",
            "AFN",
            "cancelled-event",
            "cancelled-status",
            "nothing-shipped",
        ],
    )
    def test_chargeback_records(self, changes, events, status):
        """Records need carrier, tracking and ship time; FBA and cancelled orders are exempt."""
        report = obligations(order(**changes), events, now=FAR)

        assert status == only(report, "SP513").status

    def test_records_met_by_the_shipment(self):
        """SP513's evidence is the order's shipment, at its ship time."""
        shipped = Shipment(carrier="UPS", tracking_number="1Z1", shipped_at=la(2026, 1, 6))

        ob = only(obligations(order(shipments=[shipped]), [], now=FAR), "SP513")

        assert ("order", "shipment", la(2026, 1, 6), None) == (
            ob.met_by.type,
            ob.met_by.summary,
            ob.met_by.at,
            ob.met_by.index,
        )

    def test_shipment_after_now_does_not_meet(self):
        """A shipment after now is not yet a record."""
        shipped = Shipment(carrier="UPS", tracking_number="1Z1", shipped_at=la(2026, 1, 6))

        report = obligations(order(shipments=[shipped]), [], now=la(2026, 1, 5, 12))

        assert OPEN == only(report, "SP513").status

    def test_order_after_now_has_no_obligations(self):
        """An order placed after now owes nothing yet."""
        report = obligations(order(), [], now=la(2026, 1, 1))

        assert () == report.obligations


class TestFindings:
    def test_overdue_error_rule_fails_the_report(self):
        """An overdue error-severity obligation is an error finding, so the report is not ok."""
        report = obligations(order(), [buyer(la(2026, 2, 2))], now=la(2026, 2, 4))
        finding = next(f for f in report.findings if f.code == "SP501")

        assert (Severity.ERROR, False) == (finding.severity, report.ok)
        assert "overdue by 1d" in finding.message
        assert 0 == finding.event.index

    def test_open_and_met_are_info(self):
        """Open and met obligations are info findings; the report stays ok."""
        events = [buyer(la(2026, 2, 2)), seller(la(2026, 2, 2, 11)), buyer(la(2026, 2, 3))]

        report = obligations(order(), events, now=la(2026, 2, 3, 12))

        assert report.ok
        assert {Severity.INFO} == {f.severity for f in report.findings}
        assert len(report.obligations) == len(report.findings)
        assert {Code.SP501, Code.SP513} == report.codes

    @pytest.mark.parametrize(
        ("events", "code", "severity"),
        [
            ([feedback(la(2026, 2, 2))], "SP512", Severity.INFO),
            ([], "SP513", Severity.WARNING),
            ([call(la(2026, 2, 2))], "SP509", Severity.INFO),
        ],
        ids=["SP512-info", "SP513-warning", "SP509-info"],
    )
    def test_overdue_advice_keeps_report_ok(self, events, code, severity):
        """An overdue obligation takes its rule's severity; info and warning leave the report ok."""
        report = obligations(order(), events, now=FAR)

        assert severity == next(f for f in report.findings if f.code == code).severity
        assert report.ok

    def test_severity_of_sp508_per_edition(self):
        """SP508 is a warning in the current edition (no fixed deadline) and an error in the seed."""
        events = [problem(la(2026, 2, 2)), seller(la(2026, 2, 2, 11), "unexpected_problem")]
        o = order(latest_ship=la(2026, 2, 4))

        current = obligations(o, events, now=FAR)
        seed = obligations(o, events, now=FAR, policy=SEED)

        assert [Severity.WARNING] == [f.severity for f in current.findings if f.code == "SP508"]
        assert [Severity.ERROR] == [f.severity for f in seed.findings if f.code == "SP508"]
        assert current.ok
        assert not seed.ok

    def test_disabled_rule_not_listed(self):
        """A rule the policy disables is not listed and has no finding."""
        report = obligations(
            order(), [buyer(la(2026, 2, 2))], now=FAR, policy=CURRENT.disable("SP501")
        )

        assert "SP501" not in codes_listed(report)
        assert Code.SP501 not in report.codes

    def test_severity_override(self):
        """with_severity changes an overdue obligation's finding."""
        policy = CURRENT.with_severity("SP501", "warning")

        report = obligations(order(), [buyer(la(2026, 2, 2))], now=FAR, policy=policy)

        assert report.ok
        assert Severity.WARNING == next(f for f in report.findings if f.code == "SP501").severity

    def test_ordered_by_due_time(self):
        """Obligations are listed by due time, whatever order the events came in."""
        events = [feedback(la(2026, 2, 2)), buyer(la(2026, 2, 3)), call(la(2026, 2, 1))]

        report = obligations(order(), events, now=FAR)

        assert ["SP509", "SP501", "SP512", "SP513"] == [o.code for o in report.obligations]

    def test_str_lists_each_obligation(self):
        """str() has a headline and one line per obligation with its status and local due time."""
        events = [buyer(la(2026, 2, 2)), seller(la(2026, 2, 3, 12))]

        text = str(obligations(order(), events, now=la(2026, 2, 4)))

        assert text.startswith("ok: order 113-0000000-0000777: 1 met, 1 open (current policy")
        assert "met            SP501 reply-to-buyer  due 2026-02-03 10:00 PST" in text
        assert "(2h late)" in text
        assert "open           SP513 chargeback-records  due 2026-07-05 09:00 PDT" in text


class TestParameters:
    def test_with_parameters_moves_due(self):
        """A with_parameters override moves the due date and the status with it."""
        events = [buyer(la(2026, 2, 2))]
        now = la(2026, 2, 3, 12)
        policy = CURRENT.with_parameters(reply_to_buyer="48h")

        default = only(obligations(order(), events, now=now), "SP501")
        relaxed = only(obligations(order(), events, now=now, policy=policy), "SP501")

        assert (la(2026, 2, 3), OVERDUE) == (default.due_at, default.status)
        assert (la(2026, 2, 4), OPEN) == (relaxed.due_at, relaxed.status)

    def test_toml_override_moves_due(self, tmp_path):
        """A policy file's [parameters] table moves a due date (family tables allowed)."""
        path = tmp_path / "policy.toml"
        path.write_text(
            '[parameters.obligations]\nchargeback_response = "10d"\n'
            '[parameters.feedback]\nremoval_request_window = "30d"\n',
            encoding="utf-8",
        )
        policy = Policy.from_toml(path)
        events = [claim(la(2026, 2, 2), "chargeback"), feedback(la(2026, 2, 2))]

        report = obligations(order(), events, now=FAR, policy=policy)

        assert la(2026, 2, 12) == only(report, "SP506").due_at
        assert la(2026, 3, 4) == only(report, "SP512").due_at

    def test_cancel_anchor_override(self):
        """cancel_anchor='problem' gives the current edition the seed's way of counting."""
        policy = CURRENT.with_parameters(cancel_anchor="problem", cancel_unfulfillable="48h")

        report = obligations(order(), [problem(la(2026, 2, 2))], now=FAR, policy=policy)

        assert la(2026, 2, 4) == only(report, "SP508").due_at

    def test_return_scope_override(self):
        """return_response_scope='every' makes every MFN request reach the seller."""
        policy = CURRENT.with_parameters(return_response_scope="every")
        events = [return_request(la(2026, 2, 2), in_policy=True)]

        assert OVERDUE == only(obligations(order(), events, now=FAR, policy=policy), "SP502").status

    def test_problem_notice_kinds_override(self):
        """problem_notice_kinds decides which seller messages count as the notice."""
        policy = CURRENT.with_parameters(problem_notice_kinds=["unexpected_problem"])
        events = [problem(la(2026, 2, 2), "late_shipment"), seller(la(2026, 2, 2, 11), "proactive")]

        assert OVERDUE == only(obligations(order(), events, now=FAR, policy=policy), "SP507").status

    def test_bad_override_names_the_parameter(self):
        """A window without a unit is refused, naming the parameter."""
        with pytest.raises(InvalidPolicyError, match="reply_to_buyer") as info:
            CURRENT.with_parameters(reply_to_buyer="24")

        assert "reply_to_buyer" == info.value.field


def other_order() -> Order:
    return order(order_id="113-0000000-0000888")


class TestInbox:
    def test_most_urgent_first(self):
        """Overdue first (the longest overdue first), then open by due time; met ones left out."""
        now = la(2026, 2, 10)
        a = (order(), [call(la(2026, 2, 1)), seller(la(2026, 2, 1, 11)), buyer(la(2026, 2, 5))])
        b = (
            other_order(),
            [
                Message(
                    body="?",
                    kind="inquiry",
                    sender="buyer",
                    order_id="113-0000000-0000888",
                    sent_at=la(2026, 2, 7),
                ),
                PhoneCall(order_id="113-0000000-0000888", at=la(2026, 2, 9, 12)),
            ],
        )

        items = inbox([a, b], now=now, within=dt.timedelta(hours=24))

        assert [
            (OID, "SP501", OVERDUE),
            ("113-0000000-0000888", "SP501", OVERDUE),
            ("113-0000000-0000888", "SP509", OPEN),
        ] == [(i.order_id, i.obligation.code, i.obligation.status) for i in items]
        assert str(items[0]).startswith(
            f"{OID}  overdue        SP501 reply-to-buyer  due 2026-02-06 10:00 PST"
        )

    def test_horizon_inclusive(self):
        """An obligation due exactly at now + within is in the inbox; one a second later is not."""
        events = [buyer(la(2026, 2, 2))]  # due 2026-02-03 10:00
        now = la(2026, 2, 3, 9)

        inside = inbox([(order(), events)], now=now, within=dt.timedelta(hours=1))
        outside = inbox([(order(), events)], now=now - SECOND, within=dt.timedelta(hours=1))

        assert ["SP501"] == [i.obligation.code for i in inside]
        assert [] == [i.obligation.code for i in outside]

    def test_within_in_business_days(self):
        """within='2bd' counts business days in each order's marketplace calendar."""
        events = [return_request(la(2026, 2, 2), received_at=la(2026, 2, 6))]  # due Tue 02-10
        now = la(2026, 2, 6, 12)  # a Friday

        two_days = inbox([(order(), events)], now=now, within=dt.timedelta(days=2))
        two_business_days = inbox([(order(), events)], now=now, within="2bd")

        assert "SP503" not in [i.obligation.code for i in two_days]
        assert "SP503" in [i.obligation.code for i in two_business_days]

    @pytest.mark.parametrize(
        ("within", "error", "match"),
        [
            (dt.timedelta(hours=-1), InvalidValueError, "negative"),
            ("24", InvalidValueError, "unit"),
            (24, InvalidTypeError, "timedelta"),
        ],
        ids=["negative", "no-unit", "a-number"],
    )
    def test_bad_within(self, within, error, match):
        """A negative, unit-less or untyped within is refused, naming it."""
        with pytest.raises(error, match=match) as info:
            inbox([], now=FAR, within=within)

        assert "within" == info.value.field

    def test_bad_pair_named(self):
        """An item that is not an (order, events) pair is named by its position."""
        with pytest.raises(InvalidTypeError, match=r"timelines\[1\]") as info:
            inbox([(order(), []), order()], now=FAR, within=dt.timedelta(0))

        assert "timelines[1]" == info.value.field

    def test_invalid_timeline_named(self):
        """An invalid event is named with its timeline's position."""
        wrong = [Refund(order_id="113-0000000-0000999", at=la(2026, 2, 2))]

        with pytest.raises(InvalidValueError, match="order_id") as info:
            inbox([(order(), []), (order(), wrong)], now=FAR, within=dt.timedelta(0))

        assert "timelines[1].events[0].order_id" == info.value.field

    def test_many_events_in_linear_time(self):
        """Tens of thousands of events are handled in well under quadratic time."""
        start = la(2026, 2, 2)
        events: list[object] = []
        for i in range(10_000):
            events.append(buyer(start + dt.timedelta(minutes=2 * i)))
            events.append(seller(start + dt.timedelta(minutes=2 * i + 1)))

        began = time.perf_counter()
        items = inbox([(order(), events)], now=FAR, within=dt.timedelta(0))
        elapsed = time.perf_counter() - began

        assert ["SP513"] == [i.obligation.code for i in items]
        assert elapsed < 20, elapsed


class TestBadInput:
    def test_naive_now(self):
        """A naive now is refused, naming `now`."""
        with pytest.raises(InvalidValueError, match="now must be timezone-aware") as info:
            obligations(order(), [], now=dt.datetime(2026, 2, 2))  # noqa: DTZ001

        assert "now" == info.value.field

    def test_now_not_a_datetime(self):
        """A now that is not a datetime is refused, naming `now`."""
        with pytest.raises(InvalidTypeError, match="now") as info:
            obligations(order(), [], now="2026-02-02T10:00:00Z")

        assert "now" == info.value.field

    def test_event_of_another_order(self):
        """An event of another order is refused, naming it."""
        wrong = Refund(order_id="113-0000000-0000999", at=la(2026, 2, 2))

        with pytest.raises(InvalidValueError, match="113-0000000-0000999") as info:
            obligations(order(), [buyer(la(2026, 2, 2)), wrong], now=FAR)

        assert "events[1].order_id" == info.value.field

    def test_event_before_purchase(self):
        """An event before the purchase is refused, naming its time field."""
        with pytest.raises(InvalidValueError, match="before the purchase") as info:
            obligations(order(), [buyer(la(2026, 1, 1))], now=FAR)

        assert "events[0].sent_at" == info.value.field

    def test_unknown_marketplace(self):
        """An order in an unknown marketplace is refused, naming marketplace_id."""
        with pytest.raises(InvalidValueError, match="unknown marketplace_id") as info:
            obligations(order(marketplace_id="XX"), [], now=FAR)

        assert "marketplace_id" == info.value.field

    def test_not_a_policy(self):
        """A policy that is not a Policy is refused, naming `policy`."""
        with pytest.raises(InvalidTypeError, match="policy") as info:
            obligations(order(), [], now=FAR, policy="current")

        assert "policy" == info.value.field

    def test_not_an_order(self):
        """An order that is not an Order is refused, naming `order`."""
        with pytest.raises(InvalidTypeError, match="order") as info:
            obligations({"order_id": OID}, [], now=FAR)

        assert "order" == info.value.field


# --- properties -----------------------------------------------------------------------------

NOW_OFFSETS = st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=400))


def key(ob: engine.Obligation) -> tuple[str, int | None, dt.datetime]:
    return (ob.code.value, ob.raised_by.index, ob.raised_by.at)


class TestProperties:
    @given(s.timelines(), NOW_OFFSETS, NOW_OFFSETS, st.sampled_from([CURRENT, SEED]))
    def test_later_now_never_unmeets(self, timeline, first, extra, policy):
        """Moving now forward never un-meets a met obligation, nor changes what met it."""
        order_, events = timeline
        now = order_.purchased_at + first

        before = obligations(order_, events, now=now, policy=policy)
        after = obligations(order_, events, now=now + extra, policy=policy)
        later = {key(o): o for o in after.obligations}

        for ob in before.by_status(MET):
            assert (MET, ob.met_by, ob.due_at) == (
                later[key(ob)].status,
                later[key(ob)].met_by,
                later[key(ob)].due_at,
            )

    @given(
        s.timelines(),
        NOW_OFFSETS,
        st.sampled_from(["opt_out", "phone_call", "buyer_message"]),
        st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=400)),
        st.sampled_from([CURRENT, SEED]),
    )
    def test_unrelated_event_changes_nothing_else(self, timeline, offset, kind, at, policy):
        """Adding an event that meets nothing leaves every other obligation's due time and status."""
        order_, events = timeline
        when = order_.purchased_at + at
        added = {
            "opt_out": OptOut(order_id=order_.order_id, at=when),
            "phone_call": PhoneCall(order_id=order_.order_id, at=when),
            "buyer_message": Message(
                body="Any news?",
                kind="inquiry",
                sender="buyer",
                order_id=order_.order_id,
                sent_at=when,
            ),
        }[kind]
        assume(added not in events)
        now = order_.purchased_at + offset

        before = obligations(order_, events, now=now, policy=policy)
        after = obligations(order_, (*events, added), now=now, policy=policy)
        index = len(events)

        assert [(key(o), o.due_at, o.status, o.met_by) for o in before.obligations] == [
            (key(o), o.due_at, o.status, o.met_by)
            for o in after.obligations
            if o.raised_by.index != index
        ]

    @given(s.timelines(), NOW_OFFSETS, st.sampled_from([CURRENT, SEED]))
    def test_json_round_trip(self, timeline, offset, policy):
        """Every report survives a JSON round trip unchanged."""
        order_, events = timeline
        report = obligations(order_, events, now=order_.purchased_at + offset, policy=policy)

        assert report == sellerpolicy.from_json(ObligationsReport, sellerpolicy.to_json(report))

    @given(s.timelines(), NOW_OFFSETS, st.sampled_from([CURRENT, SEED]))
    def test_report_is_consistent(self, timeline, offset, policy):
        """Status, met_by, late_by and overdue_by agree; ok fails exactly on overdue errors."""
        order_, events = timeline
        now = order_.purchased_at + offset

        report = obligations(order_, events, now=now, policy=policy)

        for ob in report.obligations:
            assert (ob.status is MET) == (ob.met_by is not None) == (ob.late_by is not None)
            assert (ob.status is OVERDUE) == (ob.overdue_by is not None)
            if ob.status is OVERDUE:
                assert ob.overdue_by == now - ob.due_at > dt.timedelta(0)
            if ob.status is OPEN:
                assert now <= ob.due_at
            if ob.late_by is not None:
                assert ob.late_by >= dt.timedelta(0)
        overdue_errors = any(
            o.status is OVERDUE and policy.severity(o.code) is Severity.ERROR
            for o in report.obligations
        )
        assert report.ok is not overdue_errors
        assert [o.due_at for o in report.obligations] == sorted(
            o.due_at for o in report.obligations
        )
        assert len(report.obligations) == len(report.findings)

    @given(st.lists(s.timelines(max_events=5), max_size=4), NOW_OFFSETS, NOW_OFFSETS)
    def test_inbox_is_the_pending_obligations(self, timelines, offset, within):
        """The inbox holds exactly the open and overdue obligations due by now + within."""
        now = dt.datetime(2030, 1, 1, tzinfo=dt.UTC) + offset

        items = inbox(timelines, now=now, within=within)

        expected = sorted(
            (
                (o.status is not OVERDUE, o.due_at, order_.order_id, o.code.value)
                for order_, events in timelines
                for o in obligations(order_, events, now=now).obligations
                if o.pending and o.due_at <= now + within
            ),
        )
        assert expected == [
            (i.obligation.status is not OVERDUE, i.obligation.due_at, i.order_id, i.obligation.code)
            for i in items
        ]
        for item in items:
            assert item == sellerpolicy.from_json(InboxItem, sellerpolicy.to_json(item))


class TestValues:
    def test_status_given_as_text_is_converted(self):
        """An obligation's status is always an ObligationStatus, even when given as text."""
        report = obligations(order(), [buyer(la(2026, 2, 2))], now=FAR)

        changed = attrs.evolve(report.obligations[0], status="met")

        assert ObligationStatus.MET is changed.status
