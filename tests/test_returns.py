import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import Message, Money, Order, OrderItem, Policy, ReturnRequest, Shipment
from sellerpolicy._codes import RULES, Code, Family, Severity
from sellerpolicy._events import ActionKind, Party, Refund, SellerAction
from sellerpolicy._rules import returns as engine
from sellerpolicy._rules.data import family_docs
from sellerpolicy._rules.returns import (
    FbaUnit,
    Grade,
    GradedUnit,
    ReturnDecision,
    assess_return,
    fba_fee,
    grading_summary,
    refund_administration_fee,
)
from sellerpolicy.exceptions import InvalidPolicyError, InvalidTypeError, InvalidValueError
from sellerpolicy.testing import fba_units, graded_units

LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
ID = "111-0000000-0000001"
US, DE, JP = "ATVPDKIKX0DER", "A1PA6795UKMFR9", "A1VC38T7YXB528"
CURRENT, SEED = Policy.current(), Policy.seed()
POLICIES = {"current": CURRENT, "seed": SEED}
RETURN_CODES = tuple(code for code, info in RULES.items() if info.family is Family.RETURNS)
TICK = dt.timedelta(microseconds=1)


def la(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LA)  # type: ignore[misc]


def usd(amount: str) -> Money:
    return Money(amount, "USD")


# Bought Monday 2026-02-02 10:00 PST, delivered Thursday 2026-02-05 14:00 PST: 30 d later is
# Saturday 2026-03-07 14:00 PST (DST starts 2026-03-08). The late-fee tier ends 30 d after that,
# Monday 2026-04-06 14:00 PDT.
PURCHASED = la(2026, 2, 2, 10)
DELIVERED = la(2026, 2, 5, 14)
RETURN_BY = la(2026, 3, 7, 14)
LATE_TIER_END = la(2026, 4, 6, 14)
INSIDE = la(2026, 2, 20, 9)
LATE = la(2026, 3, 10, 9)
NOW = la(2026, 4, 20, 12)

KETTLE = OrderItem(
    asin="B0KETTLE01",
    sku="KETTLE",
    quantity=1,
    price=usd("40.00"),
    referral_fee=usd("6.00"),
    category="electronics",
)


def item(**changes: object) -> OrderItem:
    fields: dict[str, object] = {
        "asin": "B0KETTLE01",
        "sku": "KETTLE",
        "quantity": 1,
        "price": usd("40.00"),
        "referral_fee": usd("6.00"),
        "category": "electronics",
    }
    return OrderItem(**(fields | changes))  # type: ignore[arg-type]


def order(**changes: object) -> Order:
    fields: dict[str, object] = {
        "order_id": ID,
        "marketplace_id": US,
        "purchased_at": PURCHASED,
        "fulfillment_channel": "MFN",
        "latest_delivery": la(2026, 2, 6, 18),
        "delivered_at": DELIVERED,
        "items": [KETTLE],
    }
    return Order(**(fields | changes))  # type: ignore[arg-type]


def request(at: dt.datetime = INSIDE, reason: str = "no_longer_needed", **changes: object):
    return ReturnRequest(order_id=ID, requested_at=at, reason=reason, **changes)  # type: ignore[arg-type]


def assess(req: ReturnRequest | None = None, o: Order | None = None, **kwargs: object):
    arguments: dict[str, object] = {"now": NOW} | kwargs
    return assess_return(req or request(), o or order(), **arguments)  # type: ignore[arg-type]


class TestRuleExamples:
    @pytest.mark.parametrize("code", RETURN_CODES, ids=str)
    def test_bad_example_flags(self, code):
        """Each rule's documented bad example has that rule's finding."""
        assert engine.flags(code, "bad")

    @pytest.mark.parametrize("code", RETURN_CODES, ids=str)
    def test_good_example_does_not_flag(self, code):
        """Each rule's documented good example has no finding of that rule."""
        assert not engine.flags(code, "good")

    @pytest.mark.parametrize("code", RETURN_CODES, ids=str)
    def test_documentation_complete(self, code):
        """Every returns rule has a message, what, why, bad and good in the docs data."""
        doc = family_docs("returns.toml")[code]

        assert doc.message and doc.what and doc.why and doc.bad and doc.good

    def test_docs_cover_exactly_the_family(self):
        """The docs data documents every returns code and nothing else."""
        assert set(RETURN_CODES) == set(family_docs("returns.toml"))

    def test_grading_example_has_no_decision(self):
        """SP708's example is graded units, not a return request."""
        with pytest.raises(InvalidValueError, match="grading_summary"):
            engine.example_decision(Code.SP708, "bad")


# --- SP701: the window -----------------------------------------------------------------------

HOLIDAY_END = la(2026, 1, 31, 23, 59, 59, 999999)

WINDOW_CASES = [
    # (edition, order changes, requested, expected return_by, within)
    ("current", {}, RETURN_BY, RETURN_BY, True),
    ("current", {}, RETURN_BY + TICK, RETURN_BY, False),
    ("seed", {}, RETURN_BY, RETURN_BY, True),
    ("seed", {}, RETURN_BY + TICK, RETURN_BY, False),
    # from the latest EDD when there is no delivery: 30 d keep the local 18:00 across DST
    ("current", {"delivered_at": None}, la(2026, 3, 8, 18), la(2026, 3, 8, 18), True),
    ("seed", {"delivered_at": None}, la(2026, 3, 8, 18) + TICK, la(2026, 3, 8, 18), False),
    # a shipment's delivery counts when the order has none of its own
    (
        "current",
        {"delivered_at": None, "shipments": [Shipment(delivered_at=la(2026, 2, 4, 9))]},
        la(2026, 3, 6, 9),
        la(2026, 3, 6, 9),
        True,
    ),
    # bought Dec 20, delivered Jan 3: Jan 31 (holiday) vs Feb 2 (30 d) -> the later
    (
        "current",
        {"purchased_at": la(2025, 12, 20, 10), "delivered_at": la(2026, 1, 3, 14)},
        la(2026, 2, 2, 14),
        la(2026, 2, 2, 14),
        True,
    ),
    # bought Nov 10, delivered Nov 14: the holiday extension (end of Jan 31) is the later
    (
        "current",
        {"purchased_at": la(2025, 11, 10, 10), "delivered_at": la(2025, 11, 14, 14)},
        HOLIDAY_END,
        HOLIDAY_END,
        True,
    ),
    (
        "current",
        {"purchased_at": la(2025, 11, 10, 10), "delivered_at": la(2025, 11, 14, 14)},
        HOLIDAY_END + TICK,
        HOLIDAY_END,
        False,
    ),
    (
        "seed",
        {"purchased_at": la(2025, 11, 10, 10), "delivered_at": la(2025, 11, 14, 14)},
        la(2025, 12, 20, 9),
        la(2025, 12, 14, 14),
        False,
    ),
    # bought before Nov 1 but shipped inside the season
    (
        "current",
        {
            "purchased_at": la(2025, 10, 30, 10),
            "shipments": [Shipment(shipped_at=la(2025, 11, 2, 9))],
            "delivered_at": la(2025, 11, 5, 14),
        },
        la(2026, 1, 20, 9),
        HOLIDAY_END,
        True,
    ),
    (
        "current",
        {
            "purchased_at": la(2025, 10, 30, 10),
            "shipments": [Shipment(shipped_at=la(2025, 10, 31, 9))],
            "delivered_at": la(2025, 11, 5, 14),
        },
        la(2025, 12, 10, 9),
        la(2025, 12, 5, 14),
        False,
    ),
    # the season is counted in local dates: 2025-11-01 06:30 UTC is Oct 31 in Los Angeles,
    # 2026-01-01 07:30 UTC is Dec 31
    (
        "current",
        {
            "purchased_at": dt.datetime(2025, 11, 1, 6, 30, tzinfo=dt.UTC),
            "delivered_at": la(2025, 11, 4, 14),
        },
        la(2025, 12, 10, 9),
        la(2025, 12, 4, 14),
        False,
    ),
    (
        "current",
        {
            "purchased_at": dt.datetime(2026, 1, 1, 7, 30, tzinfo=dt.UTC),
            "delivered_at": la(2026, 1, 2, 14),
        },
        la(2026, 2, 1, 14),
        la(2026, 2, 1, 14),
        True,
    ),
]


class TestReturnWindow:
    @pytest.mark.parametrize(
        ("edition", "changes", "requested", "return_by", "within"),
        WINDOW_CASES,
        ids=[
            "current-request-exactly-at-return-by-is-inside",
            "current-one-microsecond-after-is-late",
            "seed-request-exactly-at-return-by-is-inside",
            "seed-one-microsecond-after-is-late",
            "current-from-latest-edd-across-dst",
            "seed-from-latest-edd-one-microsecond-late",
            "current-from-shipment-delivery",
            "current-bought-dec-20-delivered-jan-3-30d-is-later",
            "current-bought-nov-10-holiday-jan-31-end-of-day-inside",
            "current-holiday-one-microsecond-after-jan-31-is-late",
            "seed-has-no-holiday-extension",
            "current-bought-oct-30-shipped-nov-2-extended",
            "current-bought-oct-30-shipped-oct-31-not-extended",
            "current-season-starts-on-the-local-date",
            "current-dec-31-local-is-in-season",
        ],
    )
    def test_return_by(self, edition, changes, requested, return_by, within):
        """The window runs from delivery (else the latest EDD), extended for the holidays."""
        decision = assess(request(requested), order(**changes), policy=POLICIES[edition])

        assert (return_by, within) == (decision.return_by, decision.within_window)
        assert (Code.SP701 in decision.codes) is (not within)
        assert return_by.astimezone(dt.UTC) == decision.return_by
        assert decision.return_by.tzinfo is dt.UTC

    def test_window_start_and_anchor(self):
        """The decision states what the window ran from."""
        with_delivery = assess()
        without = assess(o=order(delivered_at=None))

        assert (DELIVERED, "delivery") == (with_delivery.window_start, with_delivery.window_anchor)
        assert (la(2026, 2, 6, 18), "latest estimated delivery date") == (
            without.window_start,
            without.window_anchor,
        )

    def test_holiday_return_by_is_stated(self):
        """An order bought in the season carries the extension's date even when 30 d is later."""
        decision = assess(
            request(la(2026, 1, 10, 9)),
            order(purchased_at=la(2025, 12, 20, 10), delivered_at=la(2026, 1, 3, 14)),
        )

        assert (HOLIDAY_END, la(2026, 2, 2, 14)) == (
            decision.holiday_return_by,
            decision.return_by,
        )

    def test_no_delivery_date_not_judged(self):
        """Without a delivery date or latest EDD the window is not judged, and the decision says so."""
        decision = assess(o=order(delivered_at=None, latest_delivery=None))

        assert (None, None, None) == (
            decision.return_by,
            decision.within_window,
            decision.must_accept,
        )
        assert [Code.SP701] == [n.code for n in decision.not_judged]
        assert Code.SP701 not in decision.codes

    def test_a_year_without_a_season(self):
        """A year's season can be switched off through the parameter's years table."""
        extension = {
            "start": "11-01",
            "end": "12-31",
            "return_by": "01-31",
            "years": {"2025": "none"},
        }
        policy = CURRENT.with_parameters(holiday_return_extension=extension)
        o = order(purchased_at=la(2025, 11, 10, 10), delivered_at=la(2025, 11, 14, 14))

        assert la(2025, 12, 14, 14) == assess(o=o, policy=policy).return_by
        assert HOLIDAY_END == assess(o=o).return_by

    def test_a_season_of_other_dates(self):
        """The season's dates are data: Oct 15 - Dec 31, returnable until Jan 15."""
        extension = {"start": "10-15", "end": "12-31", "return_by": "01-15"}
        policy = CURRENT.with_parameters(holiday_return_extension=extension)
        o = order(purchased_at=la(2025, 10, 20, 10), delivered_at=la(2025, 10, 22, 14))

        assert la(2026, 1, 15, 23, 59, 59, 999999) == assess(o=o, policy=policy).return_by


# --- SP702: must accept ----------------------------------------------------------------------


class TestMustAccept:
    @pytest.mark.parametrize(
        ("edition", "requested", "accept", "wording"),
        [
            ("current", INSIDE, True, "Amazon authorises the return automatically"),
            ("seed", INSIDE, True, "the seller must accept the return"),
            ("current", LATE, False, None),
            ("seed", LATE, False, None),
        ],
        ids=["current-inside", "seed-inside", "current-late", "seed-late"],
    )
    def test_inside_the_window(self, edition, requested, accept, wording):
        """Inside the window the seller may not refuse; current US: Amazon authorises it."""
        decision = assess(request(requested), policy=POLICIES[edition])

        assert accept is decision.must_accept
        messages = [f.message for f in decision.findings if f.code is Code.SP702]
        assert (wording is not None) is bool(messages)
        if wording:
            assert wording in messages[0]

    @pytest.mark.parametrize(
        ("requested", "in_policy", "accept"),
        [(LATE, True, True), (INSIDE, False, False), (INSIDE, True, True), (LATE, None, False)],
        ids=["late-but-in-policy", "inside-but-not-in-policy", "inside-and-in-policy", "late"],
    )
    def test_amazons_judgement_wins(self, requested, in_policy, accept):
        """request.in_policy, when given, is taken over the window, and the decision says so."""
        decision = assess(request(requested, in_policy=in_policy))

        assert accept is decision.must_accept
        assert (Code.SP702 in decision.codes) is accept
        contradicts = in_policy is not None and in_policy != decision.within_window
        assert contradicts is any("in_policy" in a for a in decision.assumptions)


# --- SP502: when the seller must answer ------------------------------------------------------

RESPONSE_CASES = [
    # (edition, changes to the order, request, expected due, words in the note)
    ("current", {}, request(LATE), la(2026, 3, 12, 9), "outside the return window"),
    ("current", {}, request(INSIDE), None, "Amazon authorises it"),
    ("current", {}, request(INSIDE, in_policy=False), la(2026, 2, 22, 9), "in_policy=False"),
    ("current", {}, request(LATE, in_policy=True), None, "in_policy=True"),
    # 48 h are elapsed hours: across the spring-forward night they end at 10:00 local
    ("current", {}, request(la(2026, 3, 7, 9), in_policy=False), la(2026, 3, 9, 10), "48h"),
    ("current", {"fulfillment_channel": "AFN"}, request(LATE), None, "FBA"),
    ("seed", {}, request(INSIDE), la(2026, 2, 21, 9), "every MFN return request"),
    ("seed", {"fulfillment_channel": "AFN"}, request(INSIDE), None, "FBA"),
    (
        "current",
        {"delivered_at": None, "latest_delivery": None},
        request(INSIDE),
        la(2026, 2, 22, 9),
        "assumed",
    ),
]


class TestResponseDue:
    @pytest.mark.parametrize(
        ("edition", "changes", "req", "due", "words"),
        RESPONSE_CASES,
        ids=[
            "current-late-reaches-seller-48h",
            "current-inside-amazon-authorises",
            "current-marked-out-of-policy-48h",
            "current-marked-in-policy",
            "current-48h-elapsed-across-dst",
            "current-fba",
            "seed-every-request-24h",
            "seed-fba",
            "current-no-window-assumed-to-reach",
        ],
    )
    def test_response_due(self, edition, changes, req, due, words):
        """SP502 is due 48 h (seed 24 h) after an MFN request that reaches the seller."""
        decision = assess(req, order(**changes), policy=POLICIES[edition])

        assert due == decision.response_due
        assert words in decision.response_note
        assert (Code.SP502 in decision.codes) is (due is not None)

    def test_sp502_finding_is_info(self):
        """The SP502 pointer is information: the obligations family judges lateness."""
        decision = assess(request(LATE))

        assert [Severity.INFO] == [f.severity for f in decision.findings if f.code is Code.SP502]

    def test_answered_request_says_so(self):
        """A seller reply after the request shows in the note."""
        reply = Message(body="Please send it back.", kind="reply", order_id=ID, sent_at=LATE)
        decision = assess(request(LATE), events=[reply])

        assert "answered at 2026-03-10 09:00 PDT" in decision.response_note


# --- SP703: restocking fees ------------------------------------------------------------------

FEE_CASES = [
    # (edition, item changes, request, fee, rate)
    ("current", {}, request(INSIDE, item_condition="as_new"), "0.00", "0"),
    ("current", {}, request(INSIDE), "0.00", "0"),
    ("current", {}, request(INSIDE, item_condition="used"), "20.00", "0.5"),
    ("current", {}, request(INSIDE, item_condition="opened"), "20.00", "0.5"),
    ("current", {}, request(INSIDE, item_condition="missing_parts"), "20.00", "0.5"),
    ("current", {}, request(INSIDE, item_condition="damaged_by_buyer"), "20.00", "0.5"),
    ("current", {}, request(INSIDE, item_condition="different_item"), "0.00", "0"),
    ("current", {"category": "books"}, request(INSIDE, item_condition="used"), "20.00", "0.5"),
    ("seed", {}, request(INSIDE, item_condition="used"), "20.00", "0.5"),
    ("seed", {"category": "books"}, request(INSIDE, item_condition="used"), "0.00", "0"),
    ("seed", {"category": None}, request(INSIDE, item_condition="used"), "0.00", "0"),
    ("current", {}, request(LATE), "8.00", "0.2"),
    ("current", {}, request(LATE_TIER_END), "8.00", "0.2"),
    ("current", {}, request(LATE_TIER_END + TICK), "40.00", "1"),
    ("current", {}, request(LATE, item_condition="used"), "20.00", "0.5"),
    ("current", {}, request(LATE_TIER_END + TICK, item_condition="used"), "40.00", "1"),
    ("seed", {}, request(LATE), "0.00", "0"),
    ("current", {}, request(INSIDE, "defective", item_condition="used"), "0.00", "0"),
    ("current", {}, request(LATE_TIER_END + TICK, "wrong_item"), "0.00", "0"),
    ("seed", {}, request(INSIDE, "not_as_described", item_condition="used"), "0.00", "0"),
]


class TestRestockingFee:
    @pytest.mark.parametrize(
        ("edition", "changes", "req", "fee", "rate"),
        FEE_CASES,
        ids=[
            "current-as-new-inside-no-fee",
            "current-condition-unknown-inside-no-fee",
            "current-used-50pct",
            "current-opened-50pct",
            "current-missing-parts-50pct",
            "current-damaged-by-buyer-50pct",
            "current-different-item-is-no-condition-fee",
            "current-any-category-50pct",
            "seed-electronics-50pct",
            "seed-books-no-fee",
            "seed-no-category-no-fee",
            "current-late-20pct",
            "current-exactly-30d-after-return-by-20pct",
            "current-after-30d-100pct",
            "current-late-and-used-the-larger-50pct",
            "current-very-late-and-used-the-larger-100pct",
            "seed-late-no-fee-tiers",
            "current-seller-fault-no-fee",
            "current-seller-fault-very-late-no-fee",
            "seed-seller-fault-no-fee",
        ],
    )
    def test_fee(self, edition, changes, req, fee, rate):
        """The largest fee: the condition fee, the late tiers, the larger of both, none at fault."""
        decision = assess(req, order(items=[item(**changes)]), policy=POLICIES[edition])

        assert usd(fee) == decision.max_restocking_fee
        assert Decimal(rate) == decision.lines[0].fee_rate
        assert (
            Decimal("40.00") == decision.refund_amount.amount + decision.max_restocking_fee.amount
        )

    def test_seller_fault_is_a_finding(self):
        """A seller-fault reason is said: no fee and no shipping deduction."""
        decision = assess(request(INSIDE, "damaged", item_condition="used"))

        message = next(f.message for f in decision.findings if f.code is Code.SP703)
        assert "no restocking fee" in message and "no shipping deduction" in message

    def test_both_reasons_are_named(self):
        """When both fees apply the reason says the larger one counts, never the sum."""
        decision = assess(request(LATE, item_condition="used"))

        assert "the larger, never the sum" in decision.restocking_fee_reason

    def test_seller_fault_reasons_are_a_parameter(self):
        """Removing a reason from seller_fault_reasons lets it carry a fee."""
        policy = CURRENT.with_parameters(seller_fault_reasons=["defective"])
        req = request(INSIDE, "damaged", item_condition="used")

        assert usd("0.00") == assess(req).max_restocking_fee
        assert usd("20.00") == assess(req, policy=policy).max_restocking_fee

    def test_condition_after_now_is_not_known(self):
        """An item received after now has no known condition yet."""
        req = request(INSIDE, item_condition="used", received_at=la(2026, 2, 25, 9))
        decision = assess(req, now=la(2026, 2, 24, 9))

        assert usd("0.00") == decision.max_restocking_fee
        assert any("not known yet" in a for a in decision.assumptions)


# --- which units come back: partial refunds, several units, currencies ------------------------

MUGS = OrderItem(
    asin="B0MUG00001",
    sku="MUG",
    quantity=3,
    price=usd("30.00"),
    referral_fee=usd("4.50"),
    category="other",
)
BOOK = OrderItem(
    asin="B0BOOK0001",
    quantity=1,
    price=usd("12.99"),
    referral_fee=usd("1.95"),
    category="books",
)

PARTS_CASES = [
    # (request items, condition, (asin, units) per line, (price, fee, refund))
    ((), None, [("B0MUG00001", 3), ("B0BOOK0001", 1)], ("42.99", "0.00", "42.99")),
    (("MUG",), "used", [("B0MUG00001", 1)], ("10.00", "5.00", "5.00")),
    (("MUG", "MUG"), "used", [("B0MUG00001", 2)], ("20.00", "10.00", "10.00")),
    (("B0MUG00001", "MUG"), None, [("B0MUG00001", 2)], ("20.00", "0.00", "20.00")),
    (("B0BOOK0001",), "opened", [("B0BOOK0001", 1)], ("12.99", "6.50", "6.49")),
    (
        ("MUG", "B0BOOK0001"),
        "used",
        [("B0MUG00001", 1), ("B0BOOK0001", 1)],
        ("22.99", "11.50", "11.49"),
    ),
]


class TestReturnedUnits:
    @pytest.mark.parametrize(
        ("items", "condition", "lines", "amounts"),
        PARTS_CASES,
        ids=[
            "whole-order",
            "one-of-three-mugs",
            "two-of-three-mugs-on-one-line",
            "asin-and-sku-name-the-same-line",
            "the-book-only-fee-rounded-half-up",
            "two-lines-each-rounded",
        ],
    )
    def test_parts(self, items, condition, lines, amounts):
        """Each entry of request.items is one unit; the base is the unit price times the units."""
        req = request(INSIDE, items=items, item_condition=condition)
        decision = assess(req, order(items=[MUGS, BOOK]))

        price, fee, refund = amounts
        total = sum(line.price.amount for line in decision.lines)
        assert lines == [(line.asin, line.units) for line in decision.lines]
        assert (Decimal(price), usd(fee), usd(refund)) == (
            total,
            decision.max_restocking_fee,
            decision.refund_amount,
        )

    def test_unit_price_that_does_not_divide(self):
        """One of three units of 10.00 is 3.33; half of it 1.67 (half-up); the refund 1.66."""
        thirds = OrderItem(asin="B0THIRD001", quantity=3, price=usd("10.00"), category="other")
        req = request(INSIDE, items=["B0THIRD001"], item_condition="used")
        line = assess(req, order(items=[thirds])).lines[0]

        assert (usd("3.33"), usd("1.67"), usd("1.66")) == (line.price, line.fee, line.refund)

    def test_same_asin_on_two_lines_fills_the_first(self):
        """An ASIN on two lines takes the first line's units, then the next's."""
        new = OrderItem(asin="B0SAME0001", sku="NEW", quantity=1, price=usd("20.00"))
        used = OrderItem(asin="B0SAME0001", sku="USED", quantity=1, price=usd("12.00"))
        req = request(INSIDE, items=["B0SAME0001", "B0SAME0001"])

        decision = assess(req, order(items=[new, used]))

        assert [("NEW", 1), ("USED", 1)] == [(line.sku, line.units) for line in decision.lines]

    def test_cancelled_line_is_not_returned(self):
        """A whole-order return skips a line with no units."""
        cancelled = OrderItem(asin="B0GONE0001", quantity=0, price=usd("0.00"))

        decision = assess(o=order(items=[KETTLE, cancelled]))

        assert ["B0KETTLE01"] == [line.asin for line in decision.lines]

    def test_missing_price_not_judged(self):
        """A returned line without a price leaves the amounts unknown and says why."""
        decision = assess(o=order(items=[item(price=None)]))

        assert (None, None) == (decision.max_restocking_fee, decision.refund_amount)
        assert "order.items[0].price is not given" in [n.reason for n in decision.not_judged]

    @pytest.mark.parametrize(
        ("marketplace", "zone", "line", "expected"),
        [
            (DE, BERLIN, ("19.99", "3.00", "EUR"), ("10.00", "9.99", "0.30")),
            (JP, TOKYO, ("1999", "300", "JPY"), ("1000", "999", "5")),
        ],
        ids=["eur-half-up-to-the-cent", "jpy-no-decimals-and-a-5-yen-cap"],
    )
    def test_other_currencies(self, marketplace, zone, line, expected):
        """EUR rounds half-up to the cent, JPY to the yen; the cap is 5 of the currency."""
        price, referral_fee, currency = line
        fee, refund, admin = expected
        amount, referral = Money(price, currency), Money(referral_fee, currency)
        local = dt.datetime(2026, 2, 5, 14, tzinfo=zone)
        o = order(
            marketplace_id=marketplace,
            purchased_at=dt.datetime(2026, 2, 2, 10, tzinfo=zone),
            delivered_at=local,
            latest_delivery=None,
            items=[item(price=amount, referral_fee=referral)],
        )
        req = request(dt.datetime(2026, 2, 20, 9, tzinfo=zone), item_condition="used")

        decision = assess(req, o)

        assert Money(refund, currency) == decision.refund_amount
        assert Money(fee, currency) == decision.max_restocking_fee
        assert Money(admin, currency) == decision.refund_admin_fee
        assert dt.datetime(2026, 3, 7, 14, tzinfo=zone) == decision.return_by


# --- SP704: the refund administration fee -----------------------------------------------------

ADMIN_CASES = [
    # (edition, item, request, referral fee refunded, administration fee)
    ("current", item(referral_fee=usd("30.00")), request(INSIDE), "30.00", "5.00"),
    ("current", item(referral_fee=usd("10.00")), request(INSIDE), "10.00", "2.00"),
    ("current", item(referral_fee=usd("25.00")), request(INSIDE), "25.00", "5.00"),
    (
        "current",
        item(quantity=3, price=usd("120.00"), referral_fee=usd("30.00")),
        request(INSIDE),
        "30.00",
        "5.00",
    ),
    (
        "seed",
        item(quantity=3, price=usd("120.00"), referral_fee=usd("30.00")),
        request(INSIDE),
        "30.00",
        "6.00",
    ),
    ("seed", item(referral_fee=usd("30.00")), request(INSIDE), "30.00", "5.00"),
    ("current", item(category="books", referral_fee=usd("2.70")), request(INSIDE), "2.70", "0.00"),
    ("seed", item(category="dvd", referral_fee=usd("2.70")), request(INSIDE), "2.70", "0.00"),
    (
        "current",
        item(category="music", referral_fee=usd("2.70")),
        request(INSIDE, item_condition="used"),
        "1.35",
        "0.27",
    ),
    (
        "current",
        item(category="video", quantity=2, price=usd("36.00"), referral_fee=usd("5.40")),
        request(INSIDE, items=["KETTLE"]),
        "2.70",
        "0.54",
    ),
    ("current", item(), request(LATE), "4.80", "0.96"),
    ("current", item(), request(LATE_TIER_END + TICK), "0.00", "0.00"),
]


class TestAdministrationFee:
    @pytest.mark.parametrize(
        ("edition", "line", "req", "refunded", "admin"),
        ADMIN_CASES,
        ids=[
            "current-20pct-of-30-is-6-capped-at-5",
            "current-20pct-of-10-is-2",
            "current-exactly-the-cap",
            "current-cap-per-line-item",
            "seed-cap-per-unit",
            "seed-one-unit-capped",
            "current-books-full-refund-none",
            "seed-dvd-full-refund-none",
            "current-music-partial-refund-pays",
            "current-video-part-of-the-units-pays",
            "current-referral-refunded-in-proportion-to-the-refund",
            "current-nothing-refunded-nothing-kept",
        ],
    )
    def test_admin_fee(self, edition, line, req, refunded, admin):
        """Amazon keeps the lesser of 5 or 20 % of the referral fee refunded (seed: per unit)."""
        decision = assess(req, order(items=[line]), policy=POLICIES[edition])

        assert (usd(refunded), usd(admin)) == (
            decision.referral_fee_refunded,
            decision.refund_admin_fee,
        )
        assert (Code.SP704 in decision.codes) is (admin != "0.00")

    def test_without_referral_fee_not_judged(self):
        """A line without its referral fee leaves SP704 unjudged."""
        decision = assess(o=order(items=[item(referral_fee=None)]))

        assert decision.refund_admin_fee is None
        assert Code.SP704 in {n.code for n in decision.not_judged}

    def test_currency_other_than_the_marketplace_not_judged(self):
        """The cap is in the marketplace's currency: a EUR line on a US order is not judged."""
        line = item(price=Money("40.00", "EUR"), referral_fee=Money("6.00", "EUR"))
        decision = assess(o=order(items=[line]))

        assert decision.refund_admin_fee is None
        assert "EUR" == decision.refund_amount.currency

    @pytest.mark.parametrize(
        ("referral", "kwargs", "expected"),
        [
            (usd("30.00"), {}, usd("5.00")),
            (usd("10.00"), {}, usd("2.00")),
            (usd("30.00"), {"units": 3}, usd("5.00")),
            (usd("30.00"), {"units": 3, "policy": SEED}, usd("6.00")),
            (usd("2.70"), {"category": "books"}, usd("0.00")),
            (usd("2.70"), {"category": "books", "full_refund": False}, usd("0.54")),
            (usd("2.70"), {"category": "electronics"}, usd("0.54")),
            (usd("0.025"), {}, usd("0.01")),
            (usd("0.02"), {}, usd("0.00")),
            (Money("300", "JPY"), {}, Money("5", "JPY")),
            (Money("22", "JPY"), {}, Money("4", "JPY")),
            (Money("12.50", "EUR"), {}, Money("2.50", "EUR")),
        ],
        ids=[
            "cap",
            "share",
            "current-per-line-item",
            "seed-per-unit",
            "books-full-refund",
            "books-partial-refund",
            "electronics",
            "half-up-0.005-to-0.01",
            "0.004-to-0.00",
            "jpy-cap-5-yen",
            "jpy-4.4-to-4",
            "eur",
        ],
    )
    def test_helper(self, referral, kwargs, expected):
        """refund_administration_fee applies the same rule to one line."""
        assert expected == refund_administration_fee(referral, **kwargs)

    def test_toml_override_moves_the_cap(self, tmp_path):
        """A policy file's admin_fee_cap moves the fee."""
        path = tmp_path / "policy.toml"
        path.write_text('[parameters.returns]\nadmin_fee_cap = "1.00"\n', encoding="utf-8")

        policy = Policy.from_toml(path)

        assert usd("1.00") == refund_administration_fee(usd("30.00"), policy=policy)
        assert (
            usd("1.00")
            == assess(
                o=order(items=[item(referral_fee=usd("30.00"))]), policy=policy
            ).refund_admin_fee
        )


# --- SP705: a materially different item without instructions ----------------------------------


class TestClaimIfIgnored:
    @pytest.mark.parametrize(
        ("reason", "channel", "events", "flagged"),
        [
            ("not_as_described", "MFN", [], True),
            ("wrong_item", "MFN", [], True),
            ("defective", "MFN", [], False),
            ("not_as_described", "AFN", [], False),
            (
                "not_as_described",
                "MFN",
                [Message(body="Send it back.", kind="reply", order_id=ID, sent_at=la(2026, 2, 21))],
                False,
            ),
            (
                "not_as_described",
                "MFN",
                [
                    Message(
                        body="Thanks, we got it.",
                        kind="reply",
                        order_id=ID,
                        sent_at=la(2026, 2, 21),
                        automated=True,
                    )
                ],
                True,
            ),
            (
                "not_as_described",
                "MFN",
                [Message(body="Hi.", kind="reply", order_id=ID, sent_at=la(2026, 2, 19))],
                True,
            ),
            (
                "wrong_item",
                "MFN",
                [
                    SellerAction(
                        order_id=ID, at=la(2026, 2, 21), action=ActionKind.RETURN_AUTHORIZATION
                    )
                ],
                False,
            ),
            ("wrong_item", "MFN", [Refund(order_id=ID, at=la(2026, 2, 22))], False),
        ],
        ids=[
            "not-as-described-unanswered",
            "wrong-item-unanswered",
            "defective-is-not-materially-different",
            "fba-amazon-handles-it",
            "seller-reply-answers",
            "automated-reply-does-not",
            "reply-before-the-request-does-not",
            "authorisation-answers",
            "refund-answers",
        ],
    )
    def test_claim_risk(self, reason, channel, events, flagged):
        """Without return instructions for a materially different item, an A-to-z claim looms."""
        decision = assess(
            request(INSIDE, reason), order(fulfillment_channel=channel), events=events
        )

        assert flagged is (Code.SP705 in decision.codes)


# --- SP511: SAFE-T ---------------------------------------------------------------------------


class TestSafeT:
    @pytest.mark.parametrize(
        ("edition", "condition", "refund", "deadline"),
        [
            (
                "current",
                "damaged_by_buyer",
                Refund(order_id=ID, at=la(2026, 2, 25, 10), by=Party.AMAZON),
                la(2026, 4, 26, 10),
            ),
            (
                "seed",
                "damaged_by_buyer",
                Refund(order_id=ID, at=la(2026, 2, 25, 10), by=Party.AMAZON),
                None,
            ),
            ("current", "damaged_by_buyer", Refund(order_id=ID, at=la(2026, 2, 25, 10)), None),
            ("current", "used", Refund(order_id=ID, at=la(2026, 2, 25, 10), by=Party.AMAZON), None),
            ("current", None, Refund(order_id=ID, at=la(2026, 2, 25, 10), by=Party.AMAZON), None),
            (
                "current",
                "damaged_by_buyer",
                Refund(order_id=ID, at=la(2026, 2, 19, 10), by=Party.AMAZON),
                None,
            ),
        ],
        ids=[
            "current-amazon-refund-plus-60d-across-dst",
            "seed-has-no-safe-t",
            "seller-refund",
            "not-damaged-by-the-buyer",
            "condition-unknown",
            "refund-before-the-request",
        ],
    )
    def test_deadline(self, edition, condition, refund, deadline):
        """Amazon's refund of a return the buyer damaged may be claimed until 60 d later."""
        req = request(INSIDE, received_at=la(2026, 2, 24), item_condition=condition)
        decision = assess(req, events=[refund], policy=POLICIES[edition])

        assert deadline == decision.safe_t_deadline
        assert (Code.SP511 in decision.codes) is (deadline is not None)

    def test_window_is_the_obligations_parameter(self):
        """The SAFE-T window is the obligations family's safe_t_window, read by name."""
        refund = Refund(order_id=ID, at=la(2026, 2, 25, 10), by=Party.AMAZON)
        req = request(INSIDE, received_at=la(2026, 2, 24), item_condition="damaged_by_buyer")
        policy = CURRENT.with_parameters(safe_t_window="30d")

        assert la(2026, 3, 27, 10) == assess(req, events=[refund], policy=policy).safe_t_deadline


# --- SP706, SP707: FBA -----------------------------------------------------------------------

AFN = order(fulfillment_channel="AFN")


class TestFba:
    @pytest.mark.parametrize(
        ("edition", "o", "req", "now", "expected"),
        [
            ("current", AFN, request(INSIDE), NOW, (la(2026, 4, 6, 9), "not received by then")),
            (
                "current",
                AFN,
                request(INSIDE),
                la(2026, 4, 6, 9),
                (la(2026, 4, 6, 9), "not received yet"),
            ),
            (
                "current",
                AFN,
                request(INSIDE, received_at=la(2026, 3, 1)),
                NOW,
                (la(2026, 4, 6, 9), "received at"),
            ),
            ("seed", AFN, request(INSIDE), NOW, (None, "unfulfillable inventory")),
            ("current", order(), request(INSIDE), NOW, (None, None)),
        ],
        ids=[
            "current-45d-passed-buyer-charged",
            "current-exactly-at-45d-not-yet",
            "current-received",
            "seed-no-charge-stated",
            "mfn-not-fba",
        ],
    )
    def test_fba_returns(self, edition, o, req, now, expected):
        """FBA returns are Amazon's; current: the buyer is charged 45 d after the request."""
        charge_at, words = expected
        decision = assess(req, o, now=now, policy=POLICIES[edition])

        assert charge_at == decision.fba_charge_buyer_at
        messages = [f.message for f in decision.findings if f.code is Code.SP706]
        assert (words is not None) is bool(messages)
        if words:
            assert words in messages[0]

    def test_fees_for_the_returned_units(self):
        """With the units' size and weight, the decision prices removal and disposal."""
        unit = FbaUnit(size_tier="standard", weight_lb="0.4")
        req = request(INSIDE)

        current = assess(req, AFN, fba_unit=unit)
        seed = assess(req, AFN, fba_unit=unit, policy=SEED)

        assert (usd("0.84"), usd("0.84")) == (current.fba_removal_fee, current.fba_disposal_fee)
        assert (usd("0.50"), usd("0.15")) == (seed.fba_removal_fee, seed.fba_disposal_fee)

    def test_fees_without_a_unit_list_the_table(self):
        """Without fba_unit the SP707 finding lists the table and the amounts stay unknown."""
        decision = assess(o=AFN)

        message = next(f.message for f in decision.findings if f.code is Code.SP707)
        assert "up to 0.5 lb: 0.84" in message
        assert decision.fba_removal_fee is None

    @pytest.mark.parametrize(
        ("edition", "service", "unit", "units", "expected"),
        [
            ("current", "removal", ("standard", "0.4"), 1, "0.84"),
            ("current", "removal", ("standard", "0.5"), 1, "0.84"),
            ("current", "removal", ("standard", "0.51"), 1, "1.53"),
            ("current", "removal", ("standard", "1"), 1, "1.53"),
            ("current", "removal", ("standard", "2"), 1, "2.27"),
            ("current", "removal", ("standard", "2.01"), 1, "3.95"),
            ("current", "removal", ("standard", "3.2"), 1, "5.01"),
            ("current", "disposal", ("standard", "0.4"), 3, "2.52"),
            ("current", "removal", ("oversize", "1"), 1, "3.12"),
            ("current", "removal", ("oversize", "10.5"), 1, "13.27"),
            ("current", "removal", ("oversize", "12"), 1, "14.40"),
            ("seed", "removal", ("standard", None), 1, "0.50"),
            ("seed", "removal", ("oversize", None), 1, "0.60"),
            ("seed", "disposal", ("standard", None), 1, "0.15"),
            ("seed", "disposal", ("oversize", "30"), 4, "1.20"),
        ],
        ids=[
            "current-standard-0.4lb",
            "current-standard-0.5lb-inclusive",
            "current-standard-0.51lb",
            "current-standard-1lb",
            "current-standard-2lb",
            "current-standard-2.01lb-one-started-pound",
            "current-standard-3.2lb-two-started-pounds",
            "current-disposal-three-units",
            "current-oversize-1lb",
            "current-oversize-10.5lb",
            "current-oversize-12lb",
            "seed-removal-standard",
            "seed-removal-oversize",
            "seed-disposal-standard",
            "seed-disposal-oversize-four-units",
        ],
    )
    def test_fee_table(self, edition, service, unit, units, expected):
        """The fee per unit comes from the table row covering the weight, times the units."""
        tier, weight = unit
        fee = fba_fee(
            service, size_tier=tier, weight_lb=weight, units=units, policy=POLICIES[edition]
        )

        assert usd(expected) == fee

    def test_fee_table_override(self, tmp_path):
        """A policy file replaces the removal fee table."""
        path = tmp_path / "policy.toml"
        path.write_text(
            "[parameters]\n"
            'fba_removal_fees = { standard = [{ fee = "1.00" }], oversize = [{ fee = "2.00" }] }\n',
            encoding="utf-8",
        )

        assert usd("3.00") == fba_fee("removal", units=3, policy=Policy.from_toml(path))


# --- SP708: grading --------------------------------------------------------------------------


class TestGrading:
    def test_summary_per_sku(self):
        """Per SKU: units, grades, write-off rate and recovery rate as exact Decimals."""
        units = [
            GradedUnit("KETTLE", 1, usd("40.00"), usd("40.00")),
            GradedUnit("KETTLE", Grade.RESELLABLE_AS_USED, usd("40.00"), usd("25.00")),
            GradedUnit("KETTLE", 4, usd("40.00")),
            GradedUnit("MUG", 2, usd("10.00")),
            GradedUnit("MUG", 2, usd("10.00"), usd("9.00")),
        ]

        kettle, mug = grading_summary(units)

        assert ("KETTLE", 3, (1, 0, 1, 1), 1) == (
            kettle.sku,
            kettle.units,
            kettle.by_grade,
            kettle.written_off,
        )
        assert Decimal(1) / Decimal(3) == kettle.write_off_rate
        assert Decimal(65) / Decimal(120) == kettle.recovery_rate
        assert (usd("120.00"), usd("65.00"), 3) == (
            kettle.original_value,
            kettle.resale_value,
            kettle.valued_units,
        )
        assert (Decimal(0), Decimal("0.9"), 1) == (
            mug.write_off_rate,
            mug.recovery_rate,
            mug.valued_units,
        )

    def test_nothing_valued(self):
        """A SKU with no known resale value has no recovery rate."""
        (summary,) = grading_summary([GradedUnit("MUG", 1, usd("10.00"))])

        assert summary.recovery_rate is None

    def test_exact_decimals(self):
        """A terminating quotient is exact: 1 of 4 written off is 0.25, 3.00 of 12.00 too."""
        # three units resold for a third of their price, one written off with nothing back
        units = [GradedUnit("A", g, usd("3.00"), usd("1.00")) for g in (1, 1, 1)]
        units.append(GradedUnit("A", 4, usd("3.00")))

        (summary,) = grading_summary(units)

        assert (Decimal("0.25"), Decimal("0.25")) == (summary.write_off_rate, summary.recovery_rate)

    @pytest.mark.parametrize(
        ("make", "error", "field"),
        [
            (lambda: GradedUnit("A", 5, usd("1.00")), InvalidValueError, "GradedUnit.grade"),
            (lambda: GradedUnit("A", True, usd("1.00")), InvalidTypeError, "GradedUnit.grade"),
            (lambda: GradedUnit("", 1, usd("1.00")), InvalidValueError, "GradedUnit.sku"),
            (lambda: GradedUnit("A", 1, "1.00"), InvalidTypeError, "GradedUnit.original_price"),
            (
                lambda: GradedUnit("A", 1, usd("1.00"), Money("1", "JPY")),
                InvalidValueError,
                "GradedUnit.resale_value",
            ),
            (
                lambda: grading_summary(
                    [GradedUnit("A", 1, usd("1.00")), GradedUnit("A", 1, Money("1", "EUR"))]
                ),
                InvalidValueError,
                "units[1].original_price",
            ),
            (
                lambda: grading_summary([GradedUnit("A", 1, usd("1.00")), "B"]),
                InvalidTypeError,
                "units[1]",
            ),
        ],
        ids=[
            "grade-5",
            "grade-true",
            "empty-sku",
            "price-not-money",
            "resale-in-another-currency",
            "sku-in-two-currencies",
            "not-a-graded-unit",
        ],
    )
    def test_bad_units(self, make, error, field):
        """Bad graded units are refused, naming the field."""
        with pytest.raises(error) as info:
            make()

        assert field == info.value.field

    def test_json_round_trip(self):
        """Graded units and summaries survive to_json/from_json."""
        unit = GradedUnit("A", 3, usd("9.99"), usd("5.00"))
        (summary,) = grading_summary([unit])

        assert unit == sellerpolicy.from_json(GradedUnit, sellerpolicy.to_json(unit))
        back = sellerpolicy.from_json(type(summary), sellerpolicy.to_json(summary))
        assert summary == back
        assert (
            Grade.RESELLABLE_AS_USED
            is sellerpolicy.from_json(GradedUnit, sellerpolicy.to_json(unit)).grade
        )


# --- overrides, text, properties -------------------------------------------------------------


class TestParameters:
    def test_toml_moves_the_condition_fee(self, tmp_path):
        """A policy file's condition_fee moves the largest restocking fee."""
        path = tmp_path / "policy.toml"
        path.write_text('[parameters.returns]\ncondition_fee = "30%"\n', encoding="utf-8")
        req = request(INSIDE, item_condition="used")

        assert usd("20.00") == assess(req).max_restocking_fee
        assert usd("12.00") == assess(req, policy=Policy.from_toml(path)).max_restocking_fee

    def test_with_parameters_moves_the_window(self):
        """A 14-day window makes a day-15 request late."""
        policy = CURRENT.with_parameters(return_window="14d")
        decision = assess(request(la(2026, 2, 20, 15)), policy=policy)

        assert (la(2026, 2, 19, 14), False) == (decision.return_by, decision.within_window)

    def test_late_tiers_are_parameters(self):
        """The late-fee tiers move with late_return_fee and late_return_period."""
        policy = CURRENT.with_parameters(late_return_fee="10%", late_return_period="7d")

        assert usd("4.00") == assess(request(LATE), policy=policy).max_restocking_fee
        assert usd("40.00") == assess(request(la(2026, 3, 20)), policy=policy).max_restocking_fee

    def test_seed_categories_are_a_parameter(self):
        """condition_fee_categories decides which categories carry the seed's condition fee."""
        policy = SEED.with_parameters(condition_fee_categories=["books"])
        books = order(items=[item(category="books")])
        req = request(INSIDE, item_condition="used")

        assert usd("20.00") == assess(req, books, policy=policy).max_restocking_fee
        assert usd("0.00") == assess(req, policy=policy).max_restocking_fee

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            (
                {
                    "holiday_return_extension": {
                        "start": "11-1",
                        "end": "12-31",
                        "return_by": "01-31",
                    }
                },
                "holiday_return_extension.start",
            ),
            ({"holiday_return_extension": {"start": "11-01"}}, "holiday_return_extension"),
            (
                {"holiday_return_extension": {"years": {"next": "none"}}},
                "holiday_return_extension.years.next",
            ),
            ({"fba_removal_fees": {"standard": [{"fee": "1.00"}]}}, "fba_removal_fees"),
            (
                {
                    "fba_removal_fees": {
                        "standard": [{"fee": "1"}, {"fee": "2"}],
                        "oversize": [{"fee": "1"}],
                    }
                },
                "fba_removal_fees.standard[0]",
            ),
            (
                {
                    "fba_removal_fees": {
                        "standard": [{"up_to_lb": "2", "fee": "1"}, {"up_to_lb": "1", "fee": "2"}],
                        "oversize": [{"fee": "1"}],
                    }
                },
                "fba_removal_fees.standard",
            ),
            (
                {"fba_removal_fees": {"standard": [{"fee": 1.5}], "oversize": [{"fee": "1"}]}},
                "fba_removal_fees.standard[0].fee",
            ),
            ({"condition_fee_categories": ["toys"]}, "condition_fee_categories"),
            ({"admin_fee_basis": "per_order"}, "admin_fee_basis"),
        ],
        ids=[
            "month-day-without-zero",
            "season-missing-keys",
            "year-not-a-number",
            "fee-table-missing-tier",
            "fee-table-open-row-not-last",
            "fee-table-not-ascending",
            "fee-table-float",
            "unknown-category",
            "unknown-basis",
        ],
    )
    def test_bad_override_names_the_parameter(self, overrides, field):
        """A bad returns parameter is refused, naming it."""
        with pytest.raises(InvalidPolicyError) as info:
            CURRENT.with_parameters(**overrides)

        assert info.value.field.startswith(field)

    def test_disabled_rule_is_skipped(self):
        """A disabled rule has no finding."""
        policy = CURRENT.disable("SP702")

        assert Code.SP702 in assess().codes
        assert Code.SP702 not in assess(policy=policy).codes


class TestText:
    def test_str_names_the_answer_dates_and_amounts(self):
        """str() says the window, what the seller must do and the amounts, in local time."""
        text = str(assess(request(LATE, item_condition="used")))

        assert text.startswith(
            "return on order 111-0000000-0000001: outside the window "
            "(return by 2026-03-07 14:00 PST): may refuse; refund 20.00 USD (current policy)"
        )
        assert "restocking fee up to 20.00 USD" in text
        assert "answer by 2026-03-12 09:00 PDT" in text
        assert "KETTLE: 1 of 1 unit(s), price 40.00 USD, fee 50% = 20.00 USD" in text

    def test_findings_carry_rule_data(self):
        """Findings carry the rule's name, source and severity, and point at the request."""
        decision = assess(request(LATE))
        finding = next(f for f in decision.findings if f.code is Code.SP701)

        assert ("return-window", RULES[Code.SP701].source, Severity.INFO) == (
            finding.name,
            finding.source,
            finding.severity,
        )
        assert (finding.event.type, finding.event.at) == ("return_request", LATE)

    def test_request_among_events_is_pointed_at(self):
        """A request passed among the events is named by its index."""
        req = request(LATE)
        reply = Message(body="Hi", kind="inquiry", sender="buyer", order_id=ID, sent_at=INSIDE)
        decision = assess(req, events=[reply, req])

        finding = next(f for f in decision.findings if f.code is Code.SP701)
        assert 1 == finding.event.index


# --- properties ------------------------------------------------------------------------------

_MARKETS = {US: ("USD", 2), DE: ("EUR", 2), JP: ("JPY", 0), "A1F83G8C2ARO7P": ("GBP", 2)}


@st.composite
def returns(draw):
    """A return request on an order with priced lines in its marketplace's currency."""
    marketplace = draw(st.sampled_from(sorted(_MARKETS)))
    currency, places = _MARKETS[marketplace]
    amounts = st.decimals(min_value=0, max_value=10_000, places=places, allow_nan=False)
    lines = [
        OrderItem(
            asin=f"B0LINE000{n}",
            sku=draw(st.none() | st.just(f"SKU{n}")),
            quantity=draw(st.integers(1, 5)),
            price=Money(draw(amounts), currency),
            referral_fee=draw(st.none() | amounts.map(lambda a: Money(a, currency))),
            category=draw(st.none() | st.sampled_from(["books", "electronics", "other"])),
        )
        for n in range(draw(st.integers(1, 3)))
    ]
    purchased = draw(
        st.datetimes(
            min_value=dt.datetime(2024, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive
            max_value=dt.datetime(2027, 1, 1),  # noqa: DTZ001
            timezones=st.just(dt.UTC),
        )
    )
    delivered = draw(
        st.none()
        | st.timedeltas(dt.timedelta(0), dt.timedelta(days=20)).map(lambda d: purchased + d)
    )
    o = Order(
        order_id=ID,
        marketplace_id=marketplace,
        purchased_at=purchased,
        fulfillment_channel=draw(st.sampled_from(["AFN", "MFN"])),
        delivered_at=delivered,
        latest_delivery=draw(st.none() | st.just(purchased + dt.timedelta(days=7))),
        items=lines,
    )
    chosen = []
    for line in lines:
        units = draw(st.integers(0, line.quantity))
        chosen += [line.sku or line.asin] * units
    req = ReturnRequest(
        order_id=ID,
        requested_at=purchased + draw(st.timedeltas(dt.timedelta(0), dt.timedelta(days=120))),
        reason=draw(st.sampled_from(["no_longer_needed", "defective", "wrong_item", "other"])),
        items=chosen,
        item_condition=draw(st.none() | st.sampled_from(["as_new", "used", "damaged_by_buyer"])),
    )
    now = req.requested_at + draw(st.timedeltas(dt.timedelta(0), dt.timedelta(days=90)))
    return req, o, now, draw(st.sampled_from(["current", "seed"]))


class TestProperties:
    @given(returns())
    def test_fees_never_exceed_the_price(self, case):
        """No line's fee is negative or above its price."""
        req, o, now, edition = case
        decision = assess_return(req, o, now=now, policy=POLICIES[edition])

        for line in decision.lines:
            assert Decimal(0) <= line.fee.amount <= line.price.amount
        assert decision.max_restocking_fee.amount <= sum(
            (line.price.amount for line in decision.lines), Decimal(0)
        )

    @given(returns())
    def test_refund_plus_fee_is_the_price(self, case):
        """refund + fee == price, per line and in total."""
        req, o, now, edition = case
        decision = assess_return(req, o, now=now, policy=POLICIES[edition])

        for line in decision.lines:
            assert line.price.amount == line.refund.amount + line.fee.amount
        total = sum((line.price.amount for line in decision.lines), Decimal(0))
        assert total == decision.refund_amount.amount + decision.max_restocking_fee.amount

    @given(returns())
    def test_admin_fee_within_the_cap(self, case):
        """The administration fee is never above the cap per line (or per unit) nor the refund."""
        req, o, now, edition = case
        policy = POLICIES[edition]
        decision = assess_return(req, o, now=now, policy=policy)

        cap = policy.parameters.amount("admin_fee_cap")
        per_unit = policy.parameters.choice("admin_fee_basis") == "per_unit"
        for line in decision.lines:
            if line.admin_fee is not None:
                assert line.admin_fee.amount <= cap * (line.units if per_unit else 1)
                assert line.admin_fee.amount <= line.referral_fee_refunded.amount

    @given(returns())
    def test_json_round_trip(self, case):
        """Every decision survives to_json/from_json unchanged."""
        req, o, now, edition = case
        decision = assess_return(req, o, now=now, policy=POLICIES[edition])

        assert decision == sellerpolicy.from_json(ReturnDecision, sellerpolicy.to_json(decision))

    @given(returns(), st.timedeltas(dt.timedelta(0), dt.timedelta(days=60)))
    def test_a_later_request_never_lowers_the_fee(self, case, delay):
        """Asking later never makes the largest fee smaller."""
        req, o, now, edition = case
        later = ReturnRequest(
            order_id=ID,
            requested_at=req.requested_at + delay,
            reason=req.reason,
            items=req.items,
            item_condition=req.item_condition,
        )
        policy = POLICIES[edition]

        first = assess_return(req, o, now=now + delay, policy=policy)
        second = assess_return(later, o, now=now + delay, policy=policy)

        assert first.max_restocking_fee.amount <= second.max_restocking_fee.amount


class TestGradingProperties:
    @given(st.lists(graded_units(), max_size=12))
    def test_summary_adds_up(self, units):
        """Every unit is counted once; rates lie between 0 and 1."""
        by_currency = {}
        units = [
            u
            for u in units
            if by_currency.setdefault(u.sku, u.original_price.currency) == u.original_price.currency
        ]

        summaries = grading_summary(units)

        assert len(units) == sum(s.units for s in summaries)
        for summary in summaries:
            assert summary.units == sum(summary.by_grade)
            assert Decimal(0) <= summary.write_off_rate <= 1
            assert summary.recovery_rate is None or Decimal(0) <= summary.recovery_rate <= 1
            assert summary == sellerpolicy.from_json(type(summary), sellerpolicy.to_json(summary))

    @given(
        fba_units(),
        st.decimals(min_value=0, max_value=20, places=2),
        st.sampled_from(["current", "seed"]),
    )
    def test_a_heavier_unit_never_costs_less(self, unit, more, edition):
        """The shipped fee tables never charge less for a heavier unit of the same tier."""
        weight = unit.weight_lb if unit.weight_lb is not None else Decimal(1)
        for service in ("removal", "disposal"):
            light = fba_fee(
                service, size_tier=unit.size_tier, weight_lb=weight, policy=POLICIES[edition]
            )
            heavy = fba_fee(
                service, size_tier=unit.size_tier, weight_lb=weight + more, policy=POLICIES[edition]
            )
            assert Decimal(0) <= light.amount <= heavy.amount


class TestBadInput:
    @pytest.mark.parametrize(
        ("arguments", "error", "field"),
        [
            ({"now": dt.datetime(2026, 3, 1)}, InvalidValueError, "now"),  # noqa: DTZ001 - the point
            ({"now": "2026-03-01"}, InvalidTypeError, "now"),
            ({"request": "return it"}, InvalidTypeError, "request"),
            (
                {
                    "request": ReturnRequest(
                        order_id="999-0000000-0000000", requested_at=INSIDE, reason="other"
                    )
                },
                InvalidValueError,
                "request.order_id",
            ),
            ({"request": request(items=["B0NOTHERE1"])}, InvalidValueError, "request.items[0]"),
            (
                {"request": request(items=["KETTLE", "KETTLE"])},
                InvalidValueError,
                "request.items[1]",
            ),
            ({"request": request(la(2026, 1, 1))}, InvalidValueError, "request.requested_at"),
            ({"request": request(la(2026, 5, 1))}, InvalidValueError, "request.requested_at"),
            ({"order": order(items=[])}, InvalidValueError, "request.items"),
            ({"order": "an order"}, InvalidTypeError, "order"),
            (
                {"events": [Refund(order_id="999-0000000-0000000", at=INSIDE)]},
                InvalidValueError,
                "events[0].order_id",
            ),
            ({"policy": "current"}, InvalidTypeError, "policy"),
            ({"fba_unit": "standard"}, InvalidTypeError, "fba_unit"),
            (
                {"order": AFN, "fba_unit": FbaUnit(size_tier="oversize")},
                InvalidValueError,
                "fba_unit.weight_lb",
            ),
            (
                {"order": order(items=[KETTLE, item(sku="B", price=Money("1.00", "EUR"))])},
                InvalidValueError,
                "order.items[1].price",
            ),
            (
                {"order": order(items=[item(price=usd("-1.00"))])},
                InvalidValueError,
                "order.items[0].price",
            ),
            (
                {"order": order(items=[item(referral_fee=Money("1.00", "EUR"))])},
                InvalidValueError,
                "order.items[0].referral_fee",
            ),
            (
                {"order": order(items=[item(referral_fee=usd("-1.00"))])},
                InvalidValueError,
                "order.items[0].referral_fee",
            ),
        ],
        ids=[
            "naive-now",
            "now-not-a-datetime",
            "request-not-a-request",
            "request-of-another-order",
            "item-not-in-the-order",
            "more-units-than-ordered",
            "request-before-purchase",
            "request-after-now",
            "whole-order-without-units",
            "order-not-an-order",
            "event-of-another-order",
            "policy-not-a-policy",
            "fba-unit-not-a-unit",
            "fba-unit-without-weight-for-the-current-table",
            "lines-in-two-currencies",
            "negative-price",
            "referral-fee-in-another-currency",
            "negative-referral-fee",
        ],
    )
    def test_error_names_the_field(self, arguments, error, field):
        """Bad arguments raise our error, naming the field."""
        call = {"request": request(), "order": order(), "now": NOW} | arguments
        req, o = call.pop("request"), call.pop("order")

        with pytest.raises(error) as info:
            assess_return(req, o, **call)

        assert field == info.value.field

    def test_unknown_item_message_lists_the_items(self):
        """The error for an unknown item names what the order has."""
        with pytest.raises(InvalidValueError, match="B0KETTLE01, KETTLE"):
            assess(request(items=["B0NOTHERE1"]))

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"service": "ship"}, InvalidValueError, "service"),
            ({"size_tier": "huge"}, InvalidValueError, "size_tier"),
            ({"weight_lb": "-1"}, InvalidValueError, "weight_lb"),
            ({"weight_lb": 0.5}, InvalidTypeError, "weight_lb"),
            ({"weight_lb": None}, InvalidValueError, "weight_lb"),
            ({"units": -1}, InvalidValueError, "units"),
            ({"currency": "usd"}, InvalidValueError, "currency"),
            ({"policy": "seed"}, InvalidTypeError, "policy"),
        ],
        ids=[
            "unknown-service",
            "unknown-tier",
            "negative-weight",
            "float-weight",
            "current-table-needs-a-weight",
            "negative-units",
            "lower-case-currency",
            "policy-not-a-policy",
        ],
    )
    def test_fba_fee_errors(self, kwargs, error, field):
        """fba_fee refuses bad arguments, naming them."""
        arguments = {"service": "removal", "weight_lb": "1"} | kwargs

        with pytest.raises(error) as info:
            fba_fee(arguments.pop("service"), **arguments)

        assert field == info.value.field

    @pytest.mark.parametrize(
        ("referral", "kwargs", "error", "field"),
        [
            ("5.00", {}, InvalidTypeError, "referral_fee"),
            (usd("-5.00"), {}, InvalidValueError, "referral_fee"),
            (usd("5.00"), {"units": 0}, InvalidValueError, "units"),
            (usd("5.00"), {"category": "toys"}, InvalidValueError, "category"),
            (usd("5.00"), {"full_refund": "yes"}, InvalidTypeError, "full_refund"),
        ],
        ids=["not-money", "negative", "no-units", "unknown-category", "full-not-bool"],
    )
    def test_admin_fee_errors(self, referral, kwargs, error, field):
        """refund_administration_fee refuses bad arguments, naming them."""
        with pytest.raises(error) as info:
            refund_administration_fee(referral, **kwargs)

        assert field == info.value.field

    def test_fba_unit_checks_its_fields(self):
        """FbaUnit refuses an unknown tier and a negative weight, naming the field."""
        with pytest.raises(InvalidValueError) as tier:
            FbaUnit(size_tier="huge")
        with pytest.raises(InvalidValueError) as weight:
            FbaUnit(weight_lb="-2")

        assert ("FbaUnit.size_tier", "FbaUnit.weight_lb") == (tier.value.field, weight.value.field)
