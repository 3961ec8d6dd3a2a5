import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import (
    ActionKind,
    Claim,
    Message,
    Order,
    OrderItem,
    Policy,
    Refund,
    ReturnRequest,
    SellerAction,
    Severity,
    Shipment,
)
from sellerpolicy._codes import RULES, Code, Family
from sellerpolicy._rules import claims as engine
from sellerpolicy._rules.claims import AtoZDecision, a_to_z
from sellerpolicy._rules.data import family_docs
from sellerpolicy.exceptions import InvalidPolicyError, InvalidTypeError, InvalidValueError

from . import strategies as s

LA = ZoneInfo("America/Los_Angeles")
ID = "111-0000000-0000001"
CURRENT, SEED = Policy.current(), Policy.seed()
POLICIES = {"current": CURRENT, "seed": SEED}
CLAIM_CODES = tuple(code for code, info in RULES.items() if info.family is Family.CLAIMS)
TICK = dt.timedelta(microseconds=1)


def la(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LA)  # type: ignore[misc]


# Monday 2026-02-02 10:00 PST; latest EDD Tuesday 2026-02-10 18:00 PST, so latest EDD + 3 d is
# Friday 2026-02-13 18:00 PST. 2026-02-16 is Presidents' Day; DST starts 2026-03-08.
PURCHASED = la(2026, 2, 2, 10)
LATEST_EDD = la(2026, 2, 10, 18)
EDD_PLUS_3D = la(2026, 2, 13, 18)


def order(**changes: object) -> Order:
    fields: dict[str, object] = {
        "order_id": ID,
        "marketplace_id": "ATVPDKIKX0DER",
        "purchased_at": PURCHASED,
        "fulfillment_channel": "MFN",
        "latest_delivery": LATEST_EDD,
    }
    return Order(**(fields | changes))  # type: ignore[arg-type]


def inquiry(at: dt.datetime, kind: str = "inquiry") -> Message:
    return Message(body="Where is my parcel?", kind=kind, sender="buyer", order_id=ID, sent_at=at)


def reply(at: dt.datetime) -> Message:
    return Message(body="It is on its way.", kind="reply", sender="seller", order_id=ID, sent_at=at)


def claim(filed: dt.datetime, reason: str = "not_received", **changes: object) -> Claim:
    return Claim(order_id=ID, kind="a_to_z", reason=reason, filed_at=filed, **changes)  # type: ignore[arg-type]


def returned(requested: dt.datetime, reason: str = "no_longer_needed", **changes: object):
    return ReturnRequest(order_id=ID, requested_at=requested, reason=reason, **changes)  # type: ignore[arg-type]


class TestRuleExamples:
    @pytest.mark.parametrize("code", CLAIM_CODES, ids=str)
    def test_bad_example_flags(self, code):
        """Each rule's documented bad example has that rule's finding."""
        assert engine.flags(code, "bad"), str(engine.example_decision(code, "bad"))

    @pytest.mark.parametrize("code", CLAIM_CODES, ids=str)
    def test_good_example_does_not_flag(self, code):
        """Each rule's documented good example has no finding of that rule."""
        assert not engine.flags(code, "good"), str(engine.example_decision(code, "good"))

    @pytest.mark.parametrize("code", CLAIM_CODES, ids=str)
    def test_documentation_complete(self, code):
        """Every claims rule has a message, what, why, bad and good in the docs data."""
        doc = family_docs("claims.toml")[code]

        assert doc.message and doc.what and doc.why and doc.bad and doc.good

    def test_docs_cover_exactly_the_family(self):
        """The docs data documents every claims code and nothing else."""
        assert set(CLAIM_CODES) == set(family_docs("claims.toml"))


# --- SP601: the contact and the wait -----------------------------------------------------------

CONTACT_CASES = [
    # (edition, contact, filed, expected earliest_filing_at, valid)
    ("current", la(2026, 2, 12, 9), la(2026, 2, 14, 9), la(2026, 2, 14, 9), True),
    ("current", la(2026, 2, 12, 9), la(2026, 2, 14, 9) - TICK, la(2026, 2, 14, 9), False),
    # 48 h is elapsed time: across the spring-forward night it ends at 11:00 local
    ("current", la(2026, 3, 7, 10), la(2026, 3, 9, 11), la(2026, 3, 9, 11), True),
    ("current", la(2026, 3, 7, 10), la(2026, 3, 9, 10, 59), la(2026, 3, 9, 11), False),
    # 2 bd: Thursday -> Friday (day 1), weekend, Presidents' Day, Tuesday (day 2)
    ("seed", la(2026, 2, 12, 9), la(2026, 2, 17, 9), la(2026, 2, 17, 9), True),
    ("seed", la(2026, 2, 12, 9), la(2026, 2, 17, 9) - TICK, la(2026, 2, 17, 9), False),
    ("seed", la(2026, 2, 12, 9), la(2026, 2, 14, 9), la(2026, 2, 17, 9), False),
    # a Saturday start counts from that date: Tuesday is day 1 (Monday is a holiday)
    ("seed", la(2026, 2, 14, 9), la(2026, 2, 18, 9), la(2026, 2, 18, 9), True),
    # Friday -> Monday (day 1) -> Tuesday (day 2)
    ("seed", la(2026, 2, 20, 10), la(2026, 2, 24, 10), la(2026, 2, 24, 10), True),
    ("seed", la(2026, 2, 20, 10), la(2026, 2, 23, 10), la(2026, 2, 24, 10), False),
]


class TestContactedSeller:
    @pytest.mark.parametrize(
        ("edition", "contact", "filed", "earliest", "valid"),
        CONTACT_CASES,
        ids=[
            "current-48h-claim-exactly-at-earliest-is-valid",
            "current-48h-one-microsecond-early-is-not",
            "current-48h-is-elapsed-across-dst",
            "current-48h-wall-clock-48h-across-dst-is-early",
            "seed-2bd-over-weekend-and-presidents-day",
            "seed-2bd-one-microsecond-early-is-not",
            "seed-2bd-two-calendar-days-is-early",
            "seed-2bd-saturday-start-counts-from-next-business-day",
            "seed-2bd-friday-to-tuesday",
            "seed-2bd-one-business-day-is-early",
        ],
    )
    def test_wait(self, edition, contact, filed, earliest, valid):
        """The claim is valid from the first instant after the wait, and not a moment before."""
        decision = a_to_z(
            order(),
            claim=claim(filed),
            events=[inquiry(contact)],
            now=filed,
            policy=POLICIES[edition],
        )

        assert (earliest, valid) == (decision.earliest_filing_at, decision.eligible)
        assert (Code.SP601 in decision.unmet) is (not valid)
        assert (Code.SP601 in decision.codes) is (not valid)

    def test_no_contact(self):
        """Without a buyer contact the buyer may not file, SP601 is unmet, earliest is None."""
        decision = a_to_z(order(), now=la(2026, 2, 20, 12))

        assert (False, None) == (decision.eligible, decision.earliest_filing_at)
        assert (Code.SP601,) == decision.unmet
        assert Code.SP602 in decision.grounds

    def test_seller_reply_does_not_shorten_the_wait(self):
        """A seller reply and later buyer messages leave the wait running from the first one."""
        events = [
            inquiry(la(2026, 2, 12, 9)),
            reply(la(2026, 2, 12, 10)),
            inquiry(la(2026, 2, 13, 9)),
        ]

        decision = a_to_z(order(), events=events, now=la(2026, 2, 14, 8))

        assert la(2026, 2, 14, 9) == decision.earliest_filing_at
        assert 0 == decision.contact.index
        assert not decision.eligible

    @pytest.mark.parametrize(
        ("event", "counts"),
        [
            (inquiry(la(2026, 2, 12, 9)), True),
            (inquiry(la(2026, 2, 12, 9), kind="return_request"), True),
            (returned(la(2026, 2, 12, 9)), True),
            (inquiry(la(2026, 2, 12, 9), kind="brand_or_suspicious"), False),
            (reply(la(2026, 2, 12, 9)), False),
        ],
        ids=[
            "inquiry",
            "return-request-message",
            "return-request-event",
            "brand-message-is-no-contact",
            "seller-reply-is-no-contact",
        ],
    )
    def test_what_counts_as_contact(self, event, counts):
        """An inquiry or a return request is a contact; other messages are not."""
        decision = a_to_z(order(), events=[event], now=la(2026, 2, 20, 12))

        assert counts is (decision.contact is not None)

    def test_contact_after_the_claim_does_not_count(self):
        """A buyer message after the claim was filed is no contact for that claim."""
        events = [inquiry(la(2026, 2, 18, 9))]

        decision = a_to_z(
            order(), claim=claim(la(2026, 2, 17, 9)), events=events, now=la(2026, 3, 1)
        )

        assert (None, None) == (decision.contact, decision.earliest_filing_at)
        assert any("after the claim was filed" in a for a in decision.assumptions)

    def test_earliest_waits_for_the_not_received_deadline(self):
        """Contact well before the deadline: the buyer may file from the deadline on."""
        decision = a_to_z(order(), events=[inquiry(la(2026, 2, 5, 9))], now=la(2026, 2, 8))

        assert EDD_PLUS_3D == decision.earliest_filing_at
        assert not decision.eligible


# --- SP602: not received -----------------------------------------------------------------------

NOT_RECEIVED_CASES = [
    # (edition, order changes, now, ground holds, not_received_by)
    ("current", {}, EDD_PLUS_3D, True, EDD_PLUS_3D),
    ("current", {}, EDD_PLUS_3D - TICK, False, EDD_PLUS_3D),
    ("current", {"delivered_at": EDD_PLUS_3D}, la(2026, 2, 20), False, EDD_PLUS_3D),
    ("current", {"delivered_at": EDD_PLUS_3D + TICK}, la(2026, 2, 20), True, EDD_PLUS_3D),
    ("seed", {}, EDD_PLUS_3D, True, EDD_PLUS_3D),
    ("seed", {}, EDD_PLUS_3D - TICK, False, EDD_PLUS_3D),
    # a far latest EDD: the seed's order date + 30 d comes first (2026-03-04 10:00 PST)
    (
        "seed",
        {"latest_delivery": la(2026, 3, 20, 18)},
        la(2026, 3, 4, 10),
        True,
        la(2026, 3, 4, 10),
    ),
    (
        "seed",
        {"latest_delivery": la(2026, 3, 20, 18)},
        la(2026, 3, 4, 9),
        False,
        la(2026, 3, 4, 10),
    ),
    (
        "current",
        {"latest_delivery": la(2026, 3, 20, 18)},
        la(2026, 3, 4, 10),
        False,
        la(2026, 3, 23, 18),
    ),
    # no latest EDD: the seed still has the order date + 30 d
    ("seed", {"latest_delivery": None}, la(2026, 3, 4, 10), True, la(2026, 3, 4, 10)),
    # 30 d keeps the local wall-clock time across the DST change
    (
        "seed",
        {"purchased_at": la(2026, 2, 20, 10), "latest_delivery": None},
        la(2026, 3, 22, 10),
        True,
        la(2026, 3, 22, 10),
    ),
]


class TestNotReceived:
    @pytest.mark.parametrize(
        ("edition", "changes", "now", "holds", "deadline"),
        NOT_RECEIVED_CASES,
        ids=[
            "current-edd-plus-3d-exactly-is-a-ground",
            "current-just-before-edd-plus-3d-is-not",
            "current-delivered-exactly-at-deadline-is-in-time",
            "current-delivered-just-after-deadline-is-late",
            "seed-edd-plus-3d-exactly-is-a-ground",
            "seed-just-before-edd-plus-3d-is-not",
            "seed-order-date-plus-30d-comes-first",
            "seed-just-before-order-date-plus-30d",
            "current-has-no-30d-cap",
            "seed-without-edd-uses-order-date-plus-30d",
            "seed-30d-keeps-wall-time-over-dst",
        ],
    )
    def test_deadline(self, edition, changes, now, holds, deadline):
        """Not delivered by the latest EDD + 3 d (seed: or the order date + 30 d, if earlier)."""
        decision = a_to_z(order(**changes), now=now, policy=POLICIES[edition])

        assert (holds, deadline) == (Code.SP602 in decision.grounds, decision.not_received_by)
        assert holds is (Code.SP602 in decision.codes)

    def test_current_without_edd_not_judged(self):
        """Current edition, no latest EDD: SP602 (and SP606) cannot be judged; the decision says so."""
        decision = a_to_z(order(latest_delivery=None), now=la(2026, 4, 1))

        assert {Code.SP602, Code.SP606} == {n.code for n in decision.not_judged}
        assert (None, None) == (decision.not_received_by, decision.filing_deadline)
        assert "not fully judged" in str(decision)

    @pytest.mark.parametrize(("edition", "holds"), [("current", True), ("seed", False)])
    def test_delivered_but_nothing_arrived(self, edition, holds):
        """Current: a not-received claim on an order tracking shows delivered is a ground."""
        delivered = order(delivered_at=la(2026, 2, 9, 15))
        events = [inquiry(la(2026, 2, 10, 9))]

        decision = a_to_z(
            delivered,
            claim=claim(la(2026, 2, 12, 10)),
            events=events,
            now=la(2026, 3, 1),
            policy=POLICIES[edition],
        )

        assert (holds, holds) == (Code.SP602 in decision.grounds, decision.eligible)

    def test_delivery_after_now_is_not_yet_known(self):
        """A delivery after the judged moment does not make the order delivered in time."""
        late = order(delivered_at=la(2026, 2, 25, 12))

        decision = a_to_z(late, events=[inquiry(la(2026, 2, 12, 9))], now=la(2026, 2, 20))

        assert decision.eligible
        assert "not delivered by" in str(decision)


# --- SP603-SP605: the other grounds --------------------------------------------------------------

DELIVERED = {"delivered_at": la(2026, 2, 9, 15)}


class TestOtherGrounds:
    @pytest.mark.parametrize(
        ("edition", "events", "reason", "holds"),
        [
            ("current", [returned(la(2026, 2, 12, 9), "damaged")], None, True),
            ("seed", [returned(la(2026, 2, 12, 9), "damaged")], None, True),
            ("current", [returned(la(2026, 2, 12, 9), "wrong_item")], None, True),
            ("current", [returned(la(2026, 2, 12, 9))], None, False),
            ("current", [inquiry(la(2026, 2, 12, 9))], "damaged_defective_different", False),
            ("seed", [inquiry(la(2026, 2, 12, 9))], "damaged_defective_different", True),
            (
                "current",
                [inquiry(la(2026, 2, 12, 9), kind="return_request")],
                "damaged_defective_different",
                True,
            ),
        ],
        ids=[
            "current-damaged-return-request",
            "seed-damaged-return-request",
            "current-wrong-item-return-request",
            "no-longer-needed-is-no-ground",
            "current-claim-without-return-request-is-not-enough",
            "seed-claim-alone-is-enough",
            "current-claim-with-return-request-message",
        ],
    )
    def test_damaged_defective_different(self, edition, events, reason, holds):
        """SP603: a damaged or different item; the current edition also needs a return asked for."""
        filed = claim(la(2026, 2, 18, 9), reason) if reason else None

        decision = a_to_z(
            order(**DELIVERED),
            claim=filed,
            events=events,
            now=la(2026, 2, 20),
            policy=POLICIES[edition],
        )

        assert holds is (Code.SP603 in decision.grounds)
        assert holds is decision.eligible
        if reason and not holds:
            assert (Code.SP603,) == decision.unmet

    @pytest.mark.parametrize(
        ("edition", "refund_at", "reason", "holds"),
        [
            ("current", None, None, True),
            ("seed", None, None, False),
            ("current", la(2026, 2, 17, 10), None, False),
            ("current", la(2026, 2, 17, 10), "refund_not_issued", True),
            ("seed", None, "refund_not_issued", True),
        ],
        ids=[
            "current-returned-not-refunded",
            "seed-returned-not-refunded-is-no-ground",
            "current-refunded",
            "current-claim-says-agreed-refund-missing",
            "seed-claim-says-agreed-refund-missing",
        ],
    )
    def test_refund_not_issued(self, edition, refund_at, reason, holds):
        """SP604: an agreed refund not issued; current also a received return not refunded."""
        events = [returned(la(2026, 2, 12, 9), received_at=la(2026, 2, 16, 11))]
        if refund_at:
            events.append(Refund(order_id=ID, at=refund_at))
        filed = claim(la(2026, 2, 18, 9), reason) if reason else None

        decision = a_to_z(
            order(**DELIVERED),
            claim=filed,
            events=events,
            now=la(2026, 2, 20),
            policy=POLICIES[edition],
        )

        assert holds is (Code.SP604 in decision.grounds)

    def test_returned_not_refunded_counts_from_receipt(self):
        """The refund ground holds from the receipt of the return, so earliest waits for it."""
        events = [returned(la(2026, 2, 12, 9), received_at=la(2026, 2, 16, 11))]

        decision = a_to_z(order(**DELIVERED), events=events, now=la(2026, 2, 20))

        assert la(2026, 2, 16, 11) == decision.earliest_filing_at

    def test_service_claim(self):
        """SP605: a service claim is a ground, and its services item is not excluded."""
        items = [OrderItem(asin="B000000605", category="services")]

        decision = a_to_z(
            order(items=items, **DELIVERED),
            claim=claim(la(2026, 2, 16, 9), "service_unsatisfactory"),
            events=[inquiry(la(2026, 2, 12, 9))],
            now=la(2026, 2, 20),
        )

        assert ((Code.SP605,), (), True) == (
            decision.grounds,
            decision.exclusions,
            decision.eligible,
        )

    @pytest.mark.parametrize("reason", ["unauthorized", "other"])
    def test_reason_without_ground(self, reason):
        """A claim whose reason is no A-to-z ground is not valid."""
        decision = a_to_z(
            order(),
            claim=claim(la(2026, 2, 16, 9), reason),
            events=[inquiry(la(2026, 2, 12, 9))],
            now=la(2026, 3, 1),
        )

        assert not decision.eligible
        assert any("no A-to-z ground" in w for w in decision.why_not)

    def test_claim_judged_on_its_own_ground(self):
        """Seed: a not-received claim on an order delivered in time is invalid, other grounds aside."""
        events = [returned(la(2026, 2, 12, 9), "damaged")]

        decision = a_to_z(
            order(**DELIVERED),
            claim=claim(la(2026, 2, 18, 9)),
            events=events,
            now=la(2026, 3, 1),
            policy=SEED,
        )

        assert ((Code.SP603,), (Code.SP602,), False) == (
            decision.grounds,
            decision.unmet,
            decision.eligible,
        )


# --- SP606: the filing deadline ---------------------------------------------------------------

# latest EDD 2026-02-10 18:00 PST + 90 d = 2026-05-11 18:00 PDT (days keep local wall time)
DEADLINE = la(2026, 5, 11, 18)


class TestFilingDeadline:
    @pytest.mark.parametrize(
        ("edition", "filed", "valid", "deadline"),
        [
            ("current", DEADLINE, True, DEADLINE),
            ("current", DEADLINE + TICK, False, DEADLINE),
            ("seed", DEADLINE + dt.timedelta(days=30), True, None),
        ],
        ids=[
            "current-claim-exactly-at-deadline-is-inside",
            "current-claim-just-after-deadline-is-out",
            "seed-has-no-deadline",
        ],
    )
    def test_deadline(self, edition, filed, valid, deadline):
        """Current: a claim only until the latest EDD + 90 d, inclusive; the seed has none."""
        decision = a_to_z(
            order(),
            claim=claim(filed),
            events=[inquiry(la(2026, 2, 12, 9))],
            now=filed,
            policy=POLICIES[edition],
        )

        assert (valid, deadline) == (decision.eligible, decision.filing_deadline)
        assert (Code.SP606 in decision.unmet) is (not valid)
        assert (edition == "current") is (Code.SP606 in decision.codes)


# --- SP607-SP609: exclusions and warnings -----------------------------------------------------

SHIPPED = {
    "shipments": [Shipment(carrier="UPS", tracking_number="1Z1", shipped_at=la(2026, 2, 3, 10))]
}


def item(category: str | None) -> OrderItem:
    return OrderItem(asin="B000000001", category=category)


class TestExclusions:
    @pytest.mark.parametrize(
        ("items", "changes", "excluded", "flagged"),
        [
            ([item("digital")], {}, True, True),
            ([item("services")], {}, True, True),
            ([item("gift_cards")], {}, True, True),
            ([item("gift_cards")], SHIPPED, False, False),
            ([item("digital"), item("electronics")], {}, False, True),
            ([item("electronics")], {}, False, False),
            ([item(None)], {}, False, False),
        ],
        ids=[
            "digital",
            "services",
            "gift-card-never-shipped-is-stored-value",
            "gift-card-shipped-is-physical-and-covered",
            "one-digital-item-of-two-leaves-the-order-covered",
            "electronics",
            "unknown-category-is-covered",
        ],
    )
    @pytest.mark.parametrize("edition", ["current", "seed"])
    def test_categories(self, edition, items, changes, excluded, flagged):
        """SP607: digital items, services and stored value are excluded, in both editions."""
        decision = a_to_z(
            order(items=items, **changes),
            events=[inquiry(la(2026, 2, 12, 9))],
            now=la(2026, 2, 20),
            policy=POLICIES[edition],
        )

        assert excluded is (Code.SP607 in decision.exclusions)
        assert flagged is (Code.SP607 in decision.codes)
        assert decision.eligible is not excluded

    @pytest.mark.parametrize(
        ("chargeback_at", "excluded"), [(la(2026, 2, 15), True), (la(2026, 2, 21), False)]
    )
    def test_chargeback_filed(self, chargeback_at, excluded):
        """SP607: a chargeback filed before the claim excludes the order; one after does not."""
        bank = Claim(order_id=ID, kind="chargeback", reason="not_received", filed_at=chargeback_at)

        decision = a_to_z(
            order(),
            claim=claim(la(2026, 2, 20)),
            events=[inquiry(la(2026, 2, 12, 9)), bank],
            now=la(2026, 3, 1),
        )

        assert (excluded, not excluded) == (Code.SP607 in decision.exclusions, decision.eligible)

    @pytest.mark.parametrize("edition", ["current", "seed"])
    @pytest.mark.parametrize(
        ("tracking", "flagged"), [(None, True), ("1Z1", False)], ids=["untracked", "tracked"]
    )
    def test_refused_without_tracking(self, edition, tracking, flagged):
        """SP608: a refused package returned without tracking is a warning; eligibility stands."""
        refused = Shipment(
            carrier="USPS", tracking_number=tracking, shipped_at=la(2026, 2, 3), refused=True
        )

        decision = a_to_z(
            order(shipments=[refused]),
            events=[inquiry(la(2026, 2, 12, 9))],
            now=la(2026, 2, 20),
            policy=POLICIES[edition],
        )

        assert flagged is (Code.SP608 in decision.codes)
        assert [Severity.WARNING] * flagged == [
            f.severity for f in decision.findings if f.code == "SP608"
        ]
        assert decision.eligible

    @pytest.mark.parametrize("edition", ["current", "seed"])
    @pytest.mark.parametrize(
        ("category", "flagged"),
        [
            ("watches", True),
            ("jewelry", True),
            ("collectibles", True),
            ("fine_art", True),
            ("electronics", False),
        ],
    )
    def test_return_rules_categories(self, edition, category, flagged):
        """SP609: watches, jewellery, collectibles and fine art get a reminder (info)."""
        decision = a_to_z(
            order(items=[item(category)]), now=la(2026, 2, 20), policy=POLICIES[edition]
        )

        assert flagged is (Code.SP609 in decision.codes)


# --- SP610, SP611, SP510, SP504: what a claim means for the seller ----------------------------

BUY_SHIPPING_ON_TIME = {
    "latest_ship": la(2026, 2, 4, 23, 59),
    "shipments": [
        Shipment(
            carrier="UPS", tracking_number="1Z1", shipped_at=la(2026, 2, 4, 10), buy_shipping=True
        )
    ],
}
BUY_SHIPPING_LATE = {
    "latest_ship": la(2026, 2, 4, 23, 59),
    "shipments": [
        Shipment(
            carrier="UPS", tracking_number="1Z1", shipped_at=la(2026, 2, 5, 10), buy_shipping=True
        )
    ],
}
OWN_LABEL_ON_TIME = {
    "latest_ship": la(2026, 2, 4, 23, 59),
    "shipments": [Shipment(carrier="UPS", tracking_number="1Z1", shipped_at=la(2026, 2, 4, 10))],
}


class TestConsequences:
    @pytest.mark.parametrize(
        ("edition", "status", "reason", "changes", "counts"),
        [
            ("current", "granted", "not_received", {}, True),
            ("current", "open", "not_received", {}, True),
            ("current", "denied", "not_received", {}, False),
            ("current", "withdrawn", "not_received", {}, False),
            ("current", "granted", "not_received", BUY_SHIPPING_ON_TIME, False),
            ("current", "granted", "not_received", BUY_SHIPPING_LATE, True),
            ("current", "granted", "not_received", OWN_LABEL_ON_TIME, True),
            ("current", "granted", "damaged_defective_different", BUY_SHIPPING_ON_TIME, True),
            ("seed", "denied", "not_received", {}, True),
            ("seed", "granted", "not_received", BUY_SHIPPING_ON_TIME, True),
        ],
        ids=[
            "current-granted-counts",
            "current-open-counts",
            "current-denied-does-not",
            "current-withdrawn-does-not",
            "current-delivery-claim-on-time-buy-shipping-does-not",
            "current-late-buy-shipping-counts",
            "current-own-label-counts",
            "current-damage-claim-on-buy-shipping-counts",
            "seed-every-claim-counts-even-won",
            "seed-buy-shipping-counts",
        ],
    )
    def test_counts_against_seller(self, edition, status, reason, changes, counts):
        """SP610: which claims count against the seller, per edition."""
        decided = None if status == "open" else la(2026, 2, 20, 9)
        filed = claim(la(2026, 2, 15, 9), reason, status=status, decided_at=decided)

        decision = a_to_z(
            order(**changes),
            claim=filed,
            events=[inquiry(la(2026, 2, 12, 9))],
            now=la(2026, 3, 1),
            policy=POLICIES[edition],
        )

        assert counts is decision.counts_against_seller
        assert counts is (Code.SP610 in decision.codes)

    def test_on_time_unknown_not_judged(self):
        """Buy Shipping without a latest ship date: SP610 is not judged, and the decision says so."""
        changes = {"shipments": BUY_SHIPPING_ON_TIME["shipments"]}

        decision = a_to_z(order(**changes), claim=claim(la(2026, 2, 15, 9)), now=la(2026, 3, 1))

        assert decision.counts_against_seller is None
        assert Code.SP610 in {n.code for n in decision.not_judged}

    @pytest.mark.parametrize(
        ("edition", "appeal_deadline"),
        # 2026-02-20 09:00 PST + 30 d = 2026-03-22 09:00 PDT (wall time kept across DST)
        [("current", la(2026, 3, 22, 9)), ("seed", None)],
    )
    def test_granted(self, edition, appeal_deadline):
        """A granted claim: the buyer need not return the item (SP611); current: 30 d to appeal (SP510)."""
        granted = claim(la(2026, 2, 15, 9), status="granted", decided_at=la(2026, 2, 20, 9))

        decision = a_to_z(
            order(),
            claim=granted,
            events=[inquiry(la(2026, 2, 12, 9))],
            now=la(2026, 3, 1),
            policy=POLICIES[edition],
        )

        assert (False, appeal_deadline) == (decision.return_required, decision.appeal_deadline)
        assert Code.SP611 in decision.codes
        assert (appeal_deadline is not None) is (Code.SP510 in decision.codes)

    def test_appeal_window_closed_or_used(self):
        """The appeal finding says whether the seller appealed, or that the window closed."""
        granted = claim(la(2026, 2, 15, 9), status="granted", decided_at=la(2026, 2, 20, 9))
        appeal = SellerAction(order_id=ID, at=la(2026, 2, 21, 9), action=ActionKind.APPEAL)

        appealed = a_to_z(order(), claim=granted, events=[appeal], now=la(2026, 3, 1))
        closed = a_to_z(order(), claim=granted, now=la(2026, 3, 22, 9) + TICK)

        assert "appealed at" in next(f.message for f in appealed.findings if f.code == "SP510")
        assert "closed" in next(f.message for f in closed.findings if f.code == "SP510")

    def test_granted_without_decision_time(self):
        """A granted claim without decided_at: SP510 is not judged."""
        decision = a_to_z(
            order(), claim=claim(la(2026, 2, 15, 9), status="granted"), now=la(2026, 3, 1)
        )

        assert None is decision.appeal_deadline
        assert Code.SP510 in {n.code for n in decision.not_judged}

    @pytest.mark.parametrize(
        ("edition", "due"),
        # the obligations family's claim_contact_reply: 72 h (current), 24 h (seed)
        [("current", la(2026, 2, 15, 9)), ("seed", la(2026, 2, 13, 9))],
    )
    def test_unanswered_contact_on_open_claim(self, edition, due):
        """SP504 (info here): an unanswered buyer message on an order with an open claim."""
        decision = a_to_z(
            order(),
            claim=claim(la(2026, 2, 16, 9)),
            events=[inquiry(la(2026, 2, 12, 9))],
            now=la(2026, 2, 16, 10),
            policy=POLICIES[edition],
        )

        assert due == decision.contact_reply_due
        assert [Severity.INFO] == [f.severity for f in decision.findings if f.code == "SP504"]

    def test_answered_contact(self):
        """A typed seller reply after the buyer's message removes the SP504 pointer."""
        events = [inquiry(la(2026, 2, 12, 9)), reply(la(2026, 2, 12, 11))]

        decision = a_to_z(
            order(), claim=claim(la(2026, 2, 16, 9)), events=events, now=la(2026, 2, 16, 10)
        )

        assert (None, False) == (decision.contact_reply_due, Code.SP504 in decision.codes)


# --- overrides, text, serialization, properties ----------------------------------------------


class TestParameters:
    def test_with_parameters_moves_the_wait(self):
        """A shorter contact_wait makes an early claim valid."""
        events = [inquiry(la(2026, 2, 12, 9))]
        filed = claim(EDD_PLUS_3D)
        policy = CURRENT.with_parameters(contact_wait="24h")

        assert not a_to_z(order(), claim=filed, events=events, now=la(2026, 3, 1)).eligible
        assert a_to_z(
            order(), claim=filed, events=events, now=la(2026, 3, 1), policy=policy
        ).eligible

    def test_toml_moves_the_deadline(self, tmp_path):
        """A policy file's filing_deadline moves a claim out of time."""
        path = tmp_path / "policy.toml"
        path.write_text('edition = "current"\n[parameters.claims]\nfiling_deadline = "30d"\n')
        filed = claim(la(2026, 3, 20, 9))
        events = [inquiry(la(2026, 2, 12, 9))]

        default = a_to_z(order(), claim=filed, events=events, now=la(2026, 4, 1))
        custom = a_to_z(
            order(), claim=filed, events=events, now=la(2026, 4, 1), policy=Policy.from_toml(path)
        )

        assert (True, False) == (default.eligible, custom.eligible)
        assert la(2026, 3, 12, 18) == custom.filing_deadline

    def test_seed_cap_as_a_choice(self):
        """not_received_limit switches the current edition to the seed's 30-day cap."""
        far = order(latest_delivery=la(2026, 3, 20, 18))
        policy = CURRENT.with_parameters(not_received_limit="earlier_of_grace_and_cap")

        assert la(2026, 3, 4, 10) == a_to_z(far, now=la(2026, 3, 5), policy=policy).not_received_by

    def test_categories_are_parameters(self):
        """Emptying stored_value_categories covers a gift card that never shipped."""
        gift = order(items=[item("gift_cards")])
        policy = CURRENT.with_parameters(stored_value_categories=[])

        assert (Code.SP607,) == a_to_z(gift, now=la(2026, 2, 20)).exclusions
        assert () == a_to_z(gift, now=la(2026, 2, 20), policy=policy).exclusions

    def test_bad_override_names_the_parameter(self):
        """An unknown choice is refused with the parameter's name."""
        with pytest.raises(InvalidPolicyError, match="claim_counting") as info:
            CURRENT.with_parameters(claim_counting="never")

        assert "claim_counting" == info.value.field

    def test_disabled_rule_is_skipped(self):
        """A disabled ground gives no finding and no eligibility."""
        policy = CURRENT.disable("SP602")

        decision = a_to_z(
            order(), events=[inquiry(la(2026, 2, 12, 9))], now=la(2026, 2, 20), policy=policy
        )

        assert (False, ()) == (decision.eligible, decision.grounds)


class TestText:
    def test_str_names_answer_dates_and_reasons(self):
        """str() gives the answer, the findings, the dates and why not."""
        text = str(
            a_to_z(
                order(),
                claim=claim(la(2026, 2, 13, 9)),
                events=[inquiry(la(2026, 2, 12, 9))],
                now=la(2026, 3, 1),
            )
        )

        assert text.startswith(
            "invalid claim: order 111-0000000-0000001, filed at 2026-02-13T17:00:00+00:00"
        )
        assert "SP601 info contacted-seller" in text
        assert "earliest filing: 2026-02-14T17:00:00+00:00" in text
        assert "because SP601" in text

    def test_findings_carry_rule_data(self):
        """Every finding carries the rule's name and source and points at its evidence."""
        decision = a_to_z(
            order(items=[item("watches")]),
            events=[inquiry(la(2026, 2, 12, 9))],
            now=la(2026, 2, 20),
        )

        for finding in decision.findings:
            assert (RULES[finding.code].name, RULES[finding.code].source) == (
                finding.name,
                finding.source,
            )
            assert finding.event is not None or finding.field.startswith("order.")


def undelivered(o: Order) -> Order:
    return attrs.evolve(
        o, delivered_at=None, shipments=[attrs.evolve(s, delivered_at=None) for s in o.shipments]
    )


@st.composite
def undelivered_timelines(draw):
    o, events = draw(
        s.timelines(kinds=("message", "return_request", "claim", "cancellation", "seller_action"))
    )
    return undelivered(o), events


class TestProperties:
    @given(
        undelivered_timelines(),
        st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=150)),
        st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=150)),
        st.sampled_from(["current", "seed"]),
    )
    def test_later_now_never_removes_a_ground(self, timeline, first, more, edition):
        """For an undelivered order (and no refund), a later now never removes a ground."""
        o, events = timeline
        earlier = a_to_z(o, events=events, now=o.purchased_at + first, policy=POLICIES[edition])
        later = a_to_z(
            o, events=events, now=o.purchased_at + first + more, policy=POLICIES[edition]
        )

        assert set(earlier.grounds) <= set(later.grounds)

    @given(
        s.timelines(),
        st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=200)),
        st.sampled_from(["current", "seed"]),
        st.data(),
    )
    def test_json_round_trip(self, timeline, offset, edition, data):
        """Every decision survives to_json/from_json unchanged, with or without a claim."""
        o, events = timeline
        now = o.purchased_at + offset
        own = [
            e for e in events if isinstance(e, Claim) and e.kind == "a_to_z" and e.filed_at <= now
        ]
        judged = data.draw(st.none() | st.sampled_from(own)) if own else None

        decision = a_to_z(o, claim=judged, events=events, now=now, policy=POLICIES[edition])

        assert decision == sellerpolicy.from_json(AtoZDecision, sellerpolicy.to_json(decision))

    @given(
        s.timelines(), st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=200))
    )
    def test_earliest_is_when_sp601_is_met(self, timeline, offset):
        """SP601 is met exactly when a contact exists and now is at or after the wait's end."""
        o, events = timeline
        decision = a_to_z(o, events=events, now=o.purchased_at + offset)

        met = (
            decision.contact is not None
            and decision.judged_at
            >= CURRENT.parameters.contact_wait.after(decision.contact.at, o.marketplace)
        )
        assert met is (Code.SP601 not in decision.unmet)


class TestBadInput:
    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"now": dt.datetime(2026, 3, 1)}, InvalidValueError, "now"),  # noqa: DTZ001 - the point
            ({"now": "2026-03-01"}, InvalidTypeError, "now"),
            ({"now": la(2026, 1, 1)}, InvalidValueError, "now"),
            ({"claim": "not a claim"}, InvalidTypeError, "claim"),
            (
                {
                    "claim": Claim(
                        order_id=ID,
                        kind="chargeback",
                        reason="unauthorized",
                        filed_at=la(2026, 2, 20),
                    )
                },
                InvalidValueError,
                "claim.kind",
            ),
            (
                {
                    "claim": Claim(
                        order_id="999-0000000-0000000",
                        kind="a_to_z",
                        reason="other",
                        filed_at=la(2026, 2, 20),
                    )
                },
                InvalidValueError,
                "claim.order_id",
            ),
            ({"claim": claim(la(2026, 3, 2))}, InvalidValueError, "claim.filed_at"),
            ({"claim": claim(la(2026, 1, 2))}, InvalidValueError, "claim.filed_at"),
            (
                {
                    "events": [
                        inquiry(la(2026, 2, 12)),
                        Refund(order_id="999-0000000-0000000", at=la(2026, 2, 13)),
                    ]
                },
                InvalidValueError,
                "events[1].order_id",
            ),
            ({"events": [inquiry(la(2026, 1, 12))]}, InvalidValueError, "events[0].sent_at"),
            ({"policy": "current"}, InvalidTypeError, "policy"),
        ],
        ids=[
            "naive-now",
            "now-not-a-datetime",
            "now-before-purchase",
            "claim-not-a-claim",
            "claim-is-a-chargeback",
            "claim-of-another-order",
            "claim-after-now",
            "claim-before-purchase",
            "event-of-another-order",
            "event-before-purchase",
            "policy-not-a-policy",
        ],
    )
    def test_error_names_the_field(self, kwargs, error, field):
        """Bad arguments raise our error, naming the field."""
        arguments = {"now": la(2026, 3, 1)} | kwargs

        with pytest.raises(error) as info:
            a_to_z(order(), **arguments)

        assert field == info.value.field
        assert field.split("[")[0].split(".")[0] in str(info.value)

    def test_chargeback_kind_message(self):
        """A chargeback passed as the claim says which function takes it."""
        bank = Claim(
            order_id=ID, kind="chargeback", reason="unauthorized", filed_at=la(2026, 2, 20)
        )

        with pytest.raises(InvalidValueError, match=r"claim\.kind is 'chargeback'.*chargeback\(\)"):
            a_to_z(order(), claim=bank, now=la(2026, 3, 1))
