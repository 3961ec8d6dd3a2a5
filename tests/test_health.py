import datetime as dt
import decimal
from collections.abc import Callable
from typing import NamedTuple
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
    Policy,
    ReturnRequest,
    Severity,
    Shipment,
)
from sellerpolicy._events import Cancellation, Event, SellerAction
from sellerpolicy._marketplaces import MARKETPLACES
from sellerpolicy._rules import health as engine
from sellerpolicy._rules.data import family_docs
from sellerpolicy._rules.feedback import feedback_stats
from sellerpolicy._rules.health import (
    AccountHealth,
    Comparison,
    HealthMetric,
    HealthStatus,
    account_health,
)
from sellerpolicy._rules.obligations import ObligationStatus, obligations
from sellerpolicy._time import Duration
from sellerpolicy.exceptions import InvalidPolicyError, InvalidTypeError, InvalidValueError

from . import strategies as s

LA = ZoneInfo("America/Los_Angeles")
US = "ATVPDKIKX0DER"
CODES = tuple(code for code, info in RULES.items() if info.family is Family.HEALTH)
CURRENT, SEED = Policy.current(), Policy.seed()
OK, AT_RISK, FAILING, NO_DATA, REPORT = (
    HealthStatus.OK,
    HealthStatus.AT_RISK,
    HealthStatus.FAILING,
    HealthStatus.NO_DATA,
    HealthStatus.REPORT,
)
SECOND = dt.timedelta(seconds=1)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def la(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LA)


NOW = la(2026, 3, 1)  # 12:00 PST


def oid(k: int) -> str:
    return f"113-0000000-{k:07d}"


def order(k: int = 1, **changes: object) -> Order:
    fields: dict[str, object] = {
        "order_id": oid(k),
        "marketplace_id": US,
        "purchased_at": NOW - 5 * DAY,
        "fulfillment_channel": "MFN",
    }
    fields.update(changes)
    return Order(**fields)  # type: ignore[arg-type]


def buyer(k: int, at: dt.datetime, **kw: object) -> Message:
    return Message(
        body="Where is it?", kind="inquiry", sender="buyer", order_id=oid(k), sent_at=at, **kw
    )  # type: ignore[arg-type]


def reply(k: int, at: dt.datetime, **kw: object) -> Message:
    return Message(
        body="On its way.", kind="reply", sender="seller", order_id=oid(k), sent_at=at, **kw
    )  # type: ignore[arg-type]


def feedback(k: int, at: dt.datetime, rating: int = 1) -> Feedback:
    return Feedback(order_id=oid(k), rating=rating, left_at=at)


def claim(k: int, at: dt.datetime, kind: str = "a_to_z", **kw: object) -> Claim:
    fields: dict[str, object] = {"reason": "not_received", **kw}
    return Claim(order_id=oid(k), kind=kind, filed_at=at, **fields)  # type: ignore[arg-type]


def cancel(
    k: int, at: dt.datetime, by: str = "seller", reason: str = "out_of_stock"
) -> Cancellation:
    return Cancellation(order_id=oid(k), at=at, by=by, reason=reason)  # type: ignore[arg-type]


def return_request(k: int, at: dt.datetime, **kw: object) -> ReturnRequest:
    return ReturnRequest(order_id=oid(k), requested_at=at, reason="no_longer_needed", **kw)  # type: ignore[arg-type]


def authorize(k: int, at: dt.datetime) -> SellerAction:
    return SellerAction(order_id=oid(k), at=at, action="return_authorization")  # type: ignore[arg-type]


def shipped(at: dt.datetime, **kw: object) -> Shipment:
    fields: dict[str, object] = {"carrier": "UPS", "tracking_number": "1Z999", "shipped_at": at}
    fields.update(kw)
    return Shipment(**fields)  # type: ignore[arg-type]


def health(
    orders: list[Order] | tuple[Order, ...],
    events: list[Event] | tuple[Event, ...] = (),
    *,
    now: dt.datetime = NOW,
    policy: Policy = CURRENT,
) -> AccountHealth:
    return account_health(orders, events, now=now, policy=policy)


def only(report: AccountHealth, code: str, window: str | None = None) -> HealthMetric:
    return report.metric(code, window)


class TestRuleExamples:
    @pytest.mark.parametrize("code", CODES, ids=str)
    def test_bad_example_flagged(self, code):
        """Each rule's documented bad example misses its target (or, without one, counts an order)."""
        assert engine.flags(code, "bad")

    @pytest.mark.parametrize("code", CODES, ids=str)
    def test_good_example_ok(self, code):
        """Each rule's documented good example is not flagged, and a targeted metric is ok."""
        orders, events, now = engine.example_account(code, "good")

        report = account_health(orders, events, now=now)

        assert not engine.flags(code, "good")
        assert {m.status for m in report.metrics if m.code == code} in ({OK}, {REPORT})

    @pytest.mark.parametrize("code", CODES, ids=str)
    def test_documentation_complete(self, code):
        """Every rule has a message, what, why, bad and good text, and both examples."""
        doc = family_docs("health.toml")[code]

        assert doc.message and doc.what and doc.why and doc.bad and doc.good
        assert doc.bad_example["orders"] and doc.good_example["orders"]

    def test_docs_cover_exactly_the_family(self):
        """The docs data documents exactly SP901-SP908."""
        assert set(CODES) == set(family_docs("health.toml"))


# -- every number of POLICY.md §11, per edition ---------------------------------------------------


class Definition(NamedTuple):
    """One metric's windows and target in one edition, and what a miss makes of it."""

    id: str
    policy: Policy
    code: str
    windows: tuple[str, ...]
    target: str | None
    comparison: str | None
    miss: HealthStatus | None


DEFINITIONS = [
    Definition("current-SP901-60d-below-1%", CURRENT, "SP901", ("60d",), "0.01", "<", FAILING),
    Definition("seed-SP901-60d-below-1%", SEED, "SP901", ("60d",), "0.01", "<", FAILING),
    Definition("current-SP902-7d-below-2.5%", CURRENT, "SP902", ("7d",), "0.025", "<", FAILING),
    Definition("seed-SP902-7d-below-2.5%", SEED, "SP902", ("7d",), "0.025", "<", FAILING),
    Definition(
        "current-SP903-10d-30d-below-4%", CURRENT, "SP903", ("10d", "30d"), "0.04", "<", FAILING
    ),
    Definition("seed-SP903-10d-30d-below-4%", SEED, "SP903", ("10d", "30d"), "0.04", "<", FAILING),
    Definition("current-SP904-30d-at-least-95%", CURRENT, "SP904", ("30d",), "0.95", ">=", FAILING),
    Definition("seed-SP904-30d-at-least-95%", SEED, "SP904", ("30d",), "0.95", ">=", FAILING),
    Definition(
        "current-SP905-14d-over-97%-recommended", CURRENT, "SP905", ("14d",), "0.97", ">", AT_RISK
    ),
    Definition(
        "seed-SP905-14d-over-97%-recommended", SEED, "SP905", ("14d",), "0.97", ">", AT_RISK
    ),
    Definition(
        "current-SP906-7d-30d-90d-report", CURRENT, "SP906", ("7d", "30d", "90d"), None, None, None
    ),
    Definition(
        "seed-SP906-7d-30d-90d-report", SEED, "SP906", ("7d", "30d", "90d"), None, None, None
    ),
    Definition("current-SP907-90d-below-10%", CURRENT, "SP907", ("90d",), "0.10", "<", FAILING),
    Definition("seed-SP907-90d-below-10%", SEED, "SP907", ("90d",), "0.10", "<", FAILING),
    Definition(
        "current-SP908-30d-90d-365d-lifetime-report",
        CURRENT,
        "SP908",
        ("30d", "90d", "365d", "lifetime"),
        None,
        None,
        None,
    ),
    Definition(
        "seed-SP908-30d-90d-365d-lifetime-keep-98%-advice",
        SEED,
        "SP908",
        ("30d", "90d", "365d", "lifetime"),
        "0.98",
        ">=",
        AT_RISK,
    ),
]


class TestDefinitions:
    @pytest.mark.parametrize("case", DEFINITIONS, ids=[d.id for d in DEFINITIONS])
    def test_windows_and_targets(self, case):
        """Each metric has POLICY.md §11's windows and target in both editions."""
        policy, code, windows, target, comparison, miss = case[1:]
        report = health([order()], policy=policy)
        metrics = [m for m in report.metrics if m.code == code]

        assert windows == tuple(m.label for m in metrics)
        for m in metrics:
            assert (None if target is None else decimal.Decimal(target)) == m.target
            assert comparison == (None if m.comparison is None else m.comparison.value)
            assert RULES[Code(code)].name == m.name
        spec = engine._DEFINITIONS[Code(code)].target
        kind = None if spec is None else policy.parameters.choice(spec.kind)
        assert {FAILING: "required", AT_RISK: "recommended", None: None}[miss] == (
            None if kind == "report" else kind
        )

    @pytest.mark.parametrize(
        ("policy", "threshold"), [(CURRENT, "24h"), (SEED, "24h")], ids=["current", "seed"]
    )
    def test_late_response_threshold(self, policy, threshold):
        """SP906 counts a buyer message not answered within 24 hours, in both editions."""
        assert Duration.parse(threshold) == policy.parameters.duration("late_response_threshold")

    def test_windows_are_local_calendar_days(self):
        """A window starts at the same local wall-clock time N days before now (POLICY.md §13)."""
        report = health([order()])

        assert la(2025, 12, 31) == only(report, "SP901").since
        assert la(2026, 2, 22) == only(report, "SP902").since
        assert la(2026, 2, 19) == only(report, "SP903", "10d").since
        assert la(2026, 2, 15) == only(report, "SP905").since
        assert only(report, "SP908", "lifetime").since is None

    def test_window_across_spring_forward_keeps_wall_time(self):
        """A 14-day window ending in PDT starts at the same wall-clock hour in PST, not 1 h off."""
        now = la(2026, 3, 20)  # PDT; the window starts on 2026-03-06 12:00 PST

        report = health([order(purchased_at=now - 20 * DAY)], now=now)

        assert la(2026, 3, 6) == only(report, "SP905").since
        assert dt.timedelta(days=14) - HOUR == now - only(report, "SP905").since


# -- window edges: inclusive at both ends ---------------------------------------------------------


Builder = Callable[[dt.datetime], tuple[list[Order], list[Event]]]


def _ship_due(at: dt.datetime) -> tuple[list[Order], list[Event]]:
    o = order(purchased_at=at - 2 * DAY, latest_ship=at, shipments=[shipped(at - HOUR)])
    return [o], []


EDGE: list[tuple[str, str, str | None, Builder]] = [
    ("SP901-purchase", "SP901", None, lambda at: ([order(purchased_at=at)], [])),
    ("SP902-purchase", "SP902", None, lambda at: ([order(purchased_at=at)], [])),
    ("SP903-10d-latest-ship", "SP903", "10d", _ship_due),
    ("SP903-30d-latest-ship", "SP903", "30d", _ship_due),
    (
        "SP904-ship-time",
        "SP904",
        None,
        lambda at: ([order(purchased_at=at - DAY, shipments=[shipped(at)])], []),
    ),
    (
        "SP905-latest-delivery",
        "SP905",
        None,
        lambda at: (
            [order(purchased_at=at - 5 * DAY, latest_delivery=at, delivered_at=at - HOUR)],
            [],
        ),
    ),
    *[
        (
            f"SP906-{w}-message",
            "SP906",
            w,
            lambda at: ([order(purchased_at=at - DAY)], [buyer(1, at)]),
        )
        for w in ("7d", "30d", "90d")
    ],
    (
        "SP907-request",
        "SP907",
        None,
        lambda at: ([order(purchased_at=at - 40 * DAY)], [return_request(1, at)]),
    ),
    *[
        (
            f"SP908-{w}-feedback",
            "SP908",
            w,
            lambda at: ([order(purchased_at=at - 10 * DAY)], [feedback(1, at, 5)]),
        )
        for w in ("30d", "90d", "365d")
    ],
]


class TestWindowEdges:
    @pytest.mark.parametrize(
        ("code", "window", "build"), [e[1:] for e in EDGE], ids=[e[0] for e in EDGE]
    )
    def test_item_exactly_at_window_start_counts(self, code, window, build):
        """An item dated exactly at the window's first instant is inside it."""
        since = only(health([order()]), code, window).since

        report = health(*build(since))

        assert 1 == only(report, code, window).denominator

    @pytest.mark.parametrize(
        ("code", "window", "build"), [e[1:] for e in EDGE], ids=[e[0] for e in EDGE]
    )
    def test_item_a_second_before_window_start_is_out(self, code, window, build):
        """An item dated a second before the window's first instant is outside it."""
        since = only(health([order()]), code, window).since

        report = health(*build(since - SECOND))

        assert (0, None, NO_DATA) == (
            only(report, code, window).denominator,
            only(report, code, window).value,
            only(report, code, window).status,
        )

    @pytest.mark.parametrize(
        ("code", "window", "build"), [e[1:] for e in EDGE], ids=[e[0] for e in EDGE]
    )
    def test_item_exactly_at_now_counts_and_after_now_does_not(self, code, window, build):
        """The window ends at now, inclusive: an item at now counts, one a second later does not."""
        at_now = health(*build(NOW))
        after = health(*build(NOW + SECOND))

        assert (1, 0) == (
            only(at_now, code, window).denominator,
            only(after, code, window).denominator,
        )


# -- targets: exactly at the target ----------------------------------------------------------------


def _odr(bad: int, total: int) -> tuple[list[Order], list[Event]]:
    orders = [order(k) for k in range(total)]
    return orders, [feedback(k, NOW - DAY) for k in range(bad)]


def _cancels(bad: int, total: int) -> tuple[list[Order], list[Event]]:
    orders = [order(k, purchased_at=NOW - 2 * DAY) for k in range(total)]
    return orders, [cancel(k, NOW - DAY) for k in range(bad)]


def _late_ships(bad: int, total: int) -> tuple[list[Order], list[Event]]:
    due = NOW - 3 * DAY
    orders = [
        order(
            k,
            purchased_at=due - 2 * DAY,
            latest_ship=due,
            shipments=[shipped(due + HOUR if k < bad else due - HOUR)],
        )
        for k in range(total)
    ]
    return orders, []


def _tracking(good: int, total: int) -> tuple[list[Order], list[Event]]:
    orders = [
        order(k, shipments=[shipped(NOW - DAY, tracking_number="1Z9" if k < good else None)])
        for k in range(total)
    ]
    return orders, []


def _deliveries(good: int, total: int) -> tuple[list[Order], list[Event]]:
    due = NOW - 3 * DAY
    orders = [
        order(k, latest_delivery=due, delivered_at=due if k < good else due + SECOND)
        for k in range(total)
    ]
    return orders, []


def _returns(bad: int, total: int) -> tuple[list[Order], list[Event]]:
    asked = NOW - 10 * DAY
    orders = [order(k, purchased_at=NOW - 40 * DAY) for k in range(total)]
    events: list[Event] = [return_request(k, asked, in_policy=False) for k in range(total)]
    events += [authorize(k, asked + HOUR) for k in range(bad, total)]
    return orders, events


def _scores(good: int, total: int) -> tuple[list[Order], list[Event]]:
    orders = [order(k, purchased_at=NOW - 20 * DAY) for k in range(total)]
    return orders, [feedback(k, NOW - DAY, 5 if k < good else 3) for k in range(total)]


class Target(NamedTuple):
    """An account whose share lands exactly at (or just beside) a target, and its status."""

    id: str
    policy: Policy
    code: str
    window: str | None
    build: Callable[[int, int], tuple[list[Order], list[Event]]]
    numerator: int
    denominator: int
    status: HealthStatus


TARGETS = [
    Target("SP901-exactly-1%-fails", CURRENT, "SP901", None, _odr, 1, 100, FAILING),
    Target("SP901-just-below-1%-ok", CURRENT, "SP901", None, _odr, 1, 101, OK),
    Target("SP902-exactly-2.5%-fails", CURRENT, "SP902", None, _cancels, 1, 40, FAILING),
    Target("SP902-just-below-2.5%-ok", CURRENT, "SP902", None, _cancels, 1, 41, OK),
    Target("SP903-10d-exactly-4%-fails", CURRENT, "SP903", "10d", _late_ships, 1, 25, FAILING),
    Target("SP903-30d-exactly-4%-fails", CURRENT, "SP903", "30d", _late_ships, 1, 25, FAILING),
    Target("SP903-just-below-4%-ok", CURRENT, "SP903", "10d", _late_ships, 1, 26, OK),
    Target("SP904-exactly-95%-ok", CURRENT, "SP904", None, _tracking, 19, 20, OK),
    Target("SP904-just-below-95%-fails", CURRENT, "SP904", None, _tracking, 18, 19, FAILING),
    Target("SP905-exactly-97%-at-risk", CURRENT, "SP905", None, _deliveries, 97, 100, AT_RISK),
    Target("SP905-just-above-97%-ok", CURRENT, "SP905", None, _deliveries, 33, 34, OK),
    Target("SP907-exactly-10%-fails", CURRENT, "SP907", None, _returns, 1, 10, FAILING),
    Target("SP907-just-below-10%-ok", CURRENT, "SP907", None, _returns, 1, 11, OK),
    Target("SP907-seed-exactly-10%-fails", SEED, "SP907", None, _returns, 1, 10, FAILING),
    Target("SP908-seed-exactly-98%-ok", SEED, "SP908", "30d", _scores, 49, 50, OK),
    Target("SP908-seed-below-98%-at-risk", SEED, "SP908", "30d", _scores, 48, 49, AT_RISK),
    Target("SP908-current-below-98%-report", CURRENT, "SP908", "30d", _scores, 48, 49, REPORT),
]


class TestTargets:
    @pytest.mark.parametrize("case", TARGETS, ids=[t.id for t in TARGETS])
    def test_status_at_the_target(self, case):
        """A share exactly at a strict target misses it; at an inclusive one it meets it."""
        policy, code, window, build, numerator, denominator, status = case[1:]
        metric = only(health(*build(numerator, denominator), policy=policy), code, window)

        assert (numerator, denominator, status) == (
            metric.numerator,
            metric.denominator,
            metric.status,
        )
        assert decimal.Decimal(numerator) / decimal.Decimal(denominator) == metric.value

    @pytest.mark.parametrize(
        ("code", "build", "bad", "total", "severity"),
        [
            ("SP901", _odr, 1, 2, Severity.ERROR),
            ("SP902", _cancels, 1, 2, Severity.ERROR),
            ("SP903", _late_ships, 1, 2, Severity.ERROR),
            ("SP904", _tracking, 1, 2, Severity.WARNING),
            ("SP905", _deliveries, 1, 2, Severity.WARNING),
            ("SP907", _returns, 1, 2, Severity.WARNING),
        ],
        ids=[
            "SP901-error",
            "SP902-error",
            "SP903-error",
            "SP904-warning",
            "SP905-warning",
            "SP907-warning",
        ],
    )
    def test_missed_target_finding_has_the_rules_severity(self, code, build, bad, total, severity):
        """A metric that misses its target gives a finding at the rule's severity; ok follows errors."""
        report = health(*build(bad, total))
        found = [f for f in report.findings if f.code == code]

        assert {severity} == {f.severity for f in found}
        assert (severity is not Severity.ERROR) == report.ok
        assert all(f.source == RULES[Code(code)].source for f in found)

    def test_seed_feedback_score_miss_is_advice(self):
        """Seed: a feedback score below 98 % is at risk, with an info finding (advice)."""
        report = health(*_scores(1, 2), policy=SEED)

        assert {AT_RISK} == {m.status for m in report.metrics if m.code == "SP908"}
        assert {Severity.INFO} == {f.severity for f in report.findings if f.code == "SP908"}
        assert report.ok

    def test_ok_and_report_metrics_give_info_findings(self):
        """Every metric gives a finding, info unless it misses its target: all codes in .codes."""
        report = health(*_odr(0, 3))

        assert set(CODES) == report.codes
        assert len(report.metrics) == len(report.findings)
        assert {Severity.INFO} == {f.severity for f in report.findings}


# -- what each metric counts -------------------------------------------------------------------------


class TestOrderDefectRate:
    @pytest.mark.parametrize(
        ("policy", "events", "defective"),
        [
            (CURRENT, [feedback(1, NOW - DAY, 2)], True),
            (CURRENT, [feedback(1, NOW - DAY, 3)], False),
            (CURRENT, [claim(1, NOW - DAY)], True),
            (CURRENT, [claim(1, NOW - DAY, status="denied", decided_at=NOW - HOUR)], False),
            (CURRENT, [claim(1, NOW - DAY, status="withdrawn", decided_at=NOW - HOUR)], False),
            (CURRENT, [claim(1, NOW - DAY, status="denied", decided_at=NOW + HOUR)], True),
            (CURRENT, [claim(1, NOW - DAY, status="granted")], True),
            (SEED, [claim(1, NOW - DAY, status="denied", decided_at=NOW - HOUR)], True),
            (SEED, [claim(1, NOW - DAY, status="withdrawn", decided_at=NOW - HOUR)], True),
            (CURRENT, [claim(1, NOW - DAY, "chargeback", reason="not_received")], True),
            (CURRENT, [claim(1, NOW - DAY, "chargeback", reason="unauthorized")], False),
            (SEED, [claim(1, NOW - DAY, "chargeback", reason="unauthorized")], False),
            (CURRENT, [feedback(1, NOW + SECOND)], False),
        ],
        ids=[
            "2-star-feedback",
            "neutral-feedback-is-no-defect",
            "open-a-to-z-claim",
            "current-denied-claim-not-counted",
            "current-withdrawn-claim-not-counted",
            "denied-after-now-was-still-open",
            "granted-claim",
            "seed-denied-claim-counts",
            "seed-withdrawn-claim-counts",
            "service-chargeback",
            "unauthorized-chargeback-is-amazons",
            "seed-unauthorized-chargeback-is-amazons",
            "feedback-after-now-ignored",
        ],
    )
    def test_defects(self, policy, events, defective):
        """Negative feedback, counted A-to-z claims and service chargebacks make a defect."""
        metric = only(health([order(1), order(2)], events, policy=policy), "SP901")

        assert ((oid(1),) if defective else ()) == metric.counted_against
        assert (int(defective), 2) == (metric.numerator, metric.denominator)

    @pytest.mark.parametrize(
        ("policy", "ship_at", "buy_shipping", "counted"),
        [
            (CURRENT, NOW - 4 * DAY, True, False),
            (CURRENT, NOW - 2 * DAY, True, True),
            (CURRENT, NOW - 4 * DAY, False, True),
            (SEED, NOW - 4 * DAY, True, True),
        ],
        ids=[
            "current-on-time-buy-shipping-excused",
            "current-late-buy-shipping-counts",
            "current-no-buy-shipping-counts",
            "seed-every-claim-counts",
        ],
    )
    def test_delivery_claim_on_buy_shipping(self, policy, ship_at, buy_shipping, counted):
        """Current: a delivery claim on an order shipped on time with Buy Shipping is no defect."""
        o = order(
            latest_ship=NOW - 3 * DAY, shipments=[shipped(ship_at, buy_shipping=buy_shipping)]
        )

        metric = only(health([o], [claim(1, NOW - DAY)], policy=policy), "SP901")

        assert int(counted) == metric.numerator

    def test_an_order_counts_once(self):
        """An order with negative feedback, a claim and a chargeback is one defective order."""
        events = [
            feedback(1, NOW - DAY),
            claim(1, NOW - 2 * DAY),
            claim(1, NOW - 2 * DAY, "chargeback"),
        ]

        metric = only(health([order(1), order(2)], events), "SP901")

        assert (1, 2, (oid(1),)) == (metric.numerator, metric.denominator, metric.counted_against)

    def test_afn_orders_count(self):
        """The order defect rate covers FBA orders too."""
        metric = only(
            health([order(1, fulfillment_channel="AFN")], [feedback(1, NOW - DAY)]), "SP901"
        )

        assert (1, 1) == (metric.numerator, metric.denominator)


class TestCancelRate:
    @pytest.mark.parametrize(
        ("policy", "changes", "events", "counted", "total"),
        [
            (CURRENT, {}, [cancel(1, NOW - DAY)], 1, 1),
            (CURRENT, {}, [cancel(1, NOW - DAY, "seller", "buyer_request")], 0, 1),
            (CURRENT, {}, [cancel(1, NOW - DAY, "buyer", "buyer_request")], 0, 1),
            (CURRENT, {"shipments": [shipped(NOW - 2 * DAY)]}, [cancel(1, NOW - DAY)], 0, 1),
            (CURRENT, {}, [cancel(1, NOW - DAY, "system", "not_shipped_in_time")], 1, 1),
            (SEED, {}, [cancel(1, NOW - DAY, "system", "not_shipped_in_time")], 0, 1),
            (CURRENT, {"fulfillment_channel": "AFN"}, [cancel(1, NOW - DAY)], 0, 0),
        ],
        ids=[
            "seller-out-of-stock",
            "seller-at-buyers-request",
            "buyer-cancelled",
            "cancelled-after-shipping",
            "current-automatic-cancel-counts",
            "seed-automatic-cancel-does-not",
            "fba-order-not-counted",
        ],
    )
    def test_cancellations(self, policy, changes, events, counted, total):
        """Only the seller's cancellations before shipping (and, current, automatic ones) count."""
        metric = only(health([order(1, **changes)], events, policy=policy), "SP902")

        assert (counted, total) == (metric.numerator, metric.denominator)


class TestLateShipmentRate:
    @pytest.mark.parametrize(
        ("changes", "events", "counted", "total"),
        [
            ({"shipments": [shipped(NOW - 2 * DAY - SECOND)]}, [], 0, 1),
            ({"shipments": [shipped(NOW - 2 * DAY)]}, [], 0, 1),
            ({"shipments": [shipped(NOW - 2 * DAY + SECOND)]}, [], 1, 1),
            ({}, [], 1, 1),
            ({}, [cancel(1, NOW - 2 * DAY)], 0, 0),
            ({}, [cancel(1, NOW - DAY)], 1, 1),
            ({"latest_ship": None}, [], 0, 0),
            ({"fulfillment_channel": "AFN"}, [], 0, 0),
        ],
        ids=[
            "shipped-before-latest-ship",
            "shipped-exactly-at-latest-ship-is-on-time",
            "shipped-a-second-late",
            "unshipped-past-latest-ship",
            "cancelled-by-latest-ship-not-counted",
            "cancelled-after-latest-ship-was-late",
            "no-latest-ship-left-out",
            "fba-not-counted",
        ],
    )
    def test_lateness(self, changes, events, counted, total):
        """Late = shipped after the latest ship date, or not shipped by it."""
        fields: dict[str, object] = {"purchased_at": NOW - 4 * DAY, "latest_ship": NOW - 2 * DAY}
        fields.update(changes)

        metric = only(health([order(1, **fields)], events), "SP903", "10d")

        assert (counted, total) == (metric.numerator, metric.denominator)

    def test_unshipped_exactly_at_due_is_not_late_yet(self):
        """At now == latest ship date an unshipped order is not late yet (ends are inclusive)."""
        metric = only(health([order(latest_ship=NOW)]), "SP903", "10d")

        assert (0, 1) == (metric.numerator, metric.denominator)

    def test_note_counts_orders_left_out(self):
        """Orders without a latest ship date are named in the note as not counted."""
        metric = only(health([order(1), order(2, latest_ship=NOW - DAY)]), "SP903", "10d")

        assert "1 not counted: orders without a latest ship date" in metric.note

    def test_two_windows(self):
        """An order due 20 days ago is in the 30-day figure, not the 10-day one."""
        o = order(purchased_at=NOW - 25 * DAY, latest_ship=NOW - 20 * DAY)
        report = health([o])

        assert (0, 1) == (
            only(report, "SP903", "10d").denominator,
            only(report, "SP903", "30d").denominator,
        )
        assert (NO_DATA, FAILING) == (
            only(report, "SP903", "10d").status,
            only(report, "SP903", "30d").status,
        )


class TestValidTrackingRate:
    @pytest.mark.parametrize(
        ("shipment", "valid", "total"),
        [
            (shipped(NOW - DAY), 1, 1),
            (shipped(NOW - DAY, tracking_number=None), 0, 1),
            (shipped(NOW - DAY, carrier=None), 0, 1),
            (shipped(NOW - DAY, tracking_number="  "), 0, 1),
            (Shipment(carrier="UPS", tracking_number="1Z9"), 0, 0),
        ],
        ids=["carrier-and-tracking", "no-tracking", "no-carrier", "blank-tracking", "not-shipped"],
    )
    def test_validity(self, shipment, valid, total):
        """A shipment is valid with a carrier and a tracking number; unshipped ones are not counted."""
        metric = only(health([order(shipments=[shipment])]), "SP904")

        assert (valid, total) == (metric.numerator, metric.denominator)

    def test_counts_packages_not_orders(self):
        """Each package counts; the order with an invalid one is counted against."""
        o = order(shipments=[shipped(NOW - DAY), shipped(NOW - DAY, tracking_number=None)])

        metric = only(
            health(
                [
                    o,
                    order(
                        2,
                        fulfillment_channel="AFN",
                        shipments=[shipped(NOW - DAY, tracking_number=None)],
                    ),
                ]
            ),
            "SP904",
        )

        assert (1, 2, (oid(1),)) == (metric.numerator, metric.denominator, metric.counted_against)


class TestOnTimeDeliveryRate:
    @pytest.mark.parametrize(
        ("changes", "on_time", "total"),
        [
            ({"delivered_at": NOW - 3 * DAY}, 1, 1),
            ({"delivered_at": NOW - 3 * DAY + SECOND}, 0, 1),
            ({"shipments": [shipped(NOW - 5 * DAY, delivered_at=NOW - 4 * DAY)]}, 1, 1),
            ({"shipments": [shipped(NOW - 5 * DAY, delivered_at=NOW - 2 * DAY)]}, 0, 1),
            ({}, 0, 0),
            ({"delivered_at": NOW + SECOND}, 0, 0),
        ],
        ids=[
            "delivered-exactly-at-latest-delivery",
            "a-second-late",
            "shipment-delivered-on-time",
            "shipment-delivered-late",
            "no-delivery-date-left-out",
            "delivered-after-now-left-out",
        ],
    )
    def test_on_time(self, changes, on_time, total):
        """On time = delivered by the latest estimated delivery date; undelivered orders are left out."""
        metric = only(health([order(latest_delivery=NOW - 3 * DAY, **changes)]), "SP905")

        assert (on_time, total) == (metric.numerator, metric.denominator)


class TestLateResponseRate:
    @pytest.mark.parametrize(
        ("events", "late", "total"),
        [
            ([buyer(1, NOW - 3 * DAY), reply(1, NOW - 2 * DAY)], 0, 1),
            ([buyer(1, NOW - 3 * DAY), reply(1, NOW - 2 * DAY + SECOND)], 1, 1),
            ([buyer(1, NOW - 3 * DAY), reply(1, NOW - 3 * DAY + HOUR, automated=True)], 1, 1),
            ([buyer(1, NOW - 3 * DAY, no_response_needed=True)], 0, 1),
            ([buyer(1, NOW - 3 * DAY)], 1, 1),
            ([buyer(1, NOW - 2 * HOUR)], 0, 1),
            ([reply(1, NOW - 2 * HOUR)], 0, 0),
        ],
        ids=[
            "answered-exactly-at-24h",
            "answered-a-second-late",
            "automated-reply-does-not-answer",
            "no-response-needed-answers",
            "never-answered",
            "still-inside-24h-not-late",
            "seller-messages-not-counted",
        ],
    )
    def test_lateness(self, events, late, total):
        """Late = no non-automated seller reply within 24 hours (no_response_needed answers)."""
        metric = only(health([order(purchased_at=NOW - 4 * DAY)], events), "SP906", "7d")

        assert (late, total, REPORT if total else NO_DATA) == (
            metric.numerator,
            metric.denominator,
            metric.status,
        )

    def test_agrees_with_sp501(self):
        """SP906's late messages are exactly SP501's overdue or late-met obligations."""
        o = order(purchased_at=NOW - 30 * DAY)
        events = [
            buyer(1, NOW - 20 * DAY),
            reply(1, NOW - 19 * DAY + HOUR),
            buyer(1, NOW - 10 * DAY),
            reply(1, NOW - 10 * DAY + HOUR),
            buyer(1, NOW - 5 * DAY),
        ]

        metric = only(health([o], events), "SP906", "30d")
        sp501 = [ob for ob in obligations(o, events, now=NOW).obligations if ob.code == "SP501"]
        late = sum(ob.status is ObligationStatus.OVERDUE or bool(ob.late_by) for ob in sp501)

        assert (late, len(sp501)) == (metric.numerator, metric.denominator) == (2, 3)

    def test_counts_even_when_sp501_is_off(self):
        """SP906 times replies itself: switching SP501 off does not empty it."""
        events = [buyer(1, NOW - 3 * DAY)]

        metric = only(health([order()], events, policy=CURRENT.disable("SP501")), "SP906", "7d")

        assert (1, 1) == (metric.numerator, metric.denominator)


class TestReturnDissatisfactionRate:
    @pytest.mark.parametrize(
        ("policy", "events", "negative", "total"),
        [
            (CURRENT, [return_request(1, NOW - 5 * DAY, in_policy=False)], 1, 1),
            (
                CURRENT,
                [
                    return_request(1, NOW - 5 * DAY, in_policy=False),
                    authorize(1, NOW - 3 * DAY),
                ],
                0,
                1,
            ),
            (
                CURRENT,
                [
                    return_request(1, NOW - 5 * DAY, in_policy=False),
                    authorize(1, NOW - 3 * DAY + SECOND),
                ],
                1,
                1,
            ),
            (CURRENT, [return_request(1, NOW - 5 * DAY, in_policy=True)], 0, 1),
            (SEED, [return_request(1, NOW - 5 * DAY, in_policy=True)], 1, 1),
            (
                SEED,
                [return_request(1, NOW - 5 * DAY), authorize(1, NOW - 4 * DAY + SECOND)],
                1,
                1,
            ),
            (
                CURRENT,
                [
                    return_request(1, NOW - 5 * DAY, in_policy=True),
                    feedback(1, NOW - 4 * DAY, 1),
                ],
                1,
                1,
            ),
            (
                CURRENT,
                [
                    feedback(1, NOW - 6 * DAY, 1),
                    return_request(1, NOW - 5 * DAY, in_policy=True),
                ],
                0,
                1,
            ),
            (CURRENT, [return_request(1, NOW - HOUR, in_policy=False)], 0, 1),
        ],
        ids=[
            "current-unanswered-past-48h",
            "current-answered-exactly-at-48h",
            "current-answered-a-second-late",
            "current-in-policy-is-amazons",
            "seed-every-request-reaches-the-seller",
            "seed-answered-after-24h",
            "negative-feedback-after-request",
            "negative-feedback-before-request-not-about-it",
            "still-inside-the-deadline",
        ],
    )
    def test_negative_experience(self, policy, events, negative, total):
        """Negative = SP502 answered late or overdue, or negative feedback at or after the request."""
        o = order(purchased_at=NOW - 40 * DAY, delivered_at=NOW - 38 * DAY)

        metric = only(health([o], events, policy=policy), "SP907")

        assert (negative, total) == (metric.numerator, metric.denominator)

    def test_fba_returns_not_counted(self):
        """FBA returns are Amazon's: they are not in the return dissatisfaction rate."""
        o = order(fulfillment_channel="AFN", purchased_at=NOW - 40 * DAY)

        metric = only(health([o], [return_request(1, NOW - 5 * DAY, in_policy=False)]), "SP907")

        assert (0, NO_DATA) == (metric.denominator, metric.status)


class TestFeedbackScore:
    def test_windows_and_lifetime(self):
        """Each window counts the feedback left in it; lifetime counts all of it."""
        orders = [order(k, purchased_at=NOW - 500 * DAY) for k in range(4)]
        events = [
            feedback(0, NOW - 10 * DAY, 5),
            feedback(1, NOW - 60 * DAY, 1),
            feedback(2, NOW - 200 * DAY, 4),
            feedback(3, NOW - 400 * DAY, 3),
        ]

        report = health(orders, events)

        assert [(1, 1), (1, 2), (2, 3), (2, 4)] == [
            (m.numerator, m.denominator) for m in report.metrics if m.code == "SP908"
        ]
        assert (oid(1), oid(3)) == only(report, "SP908", "lifetime").counted_against

    def test_agrees_with_feedback_stats(self):
        """SP908 gives the figures the feedback family's feedback_stats gives."""
        orders = [order(k, purchased_at=NOW - 500 * DAY) for k in range(5)]
        events = [feedback(k, NOW - (k * 97 + 1) * DAY, 1 + k % 5) for k in range(5)]

        report = health(orders, events)
        stats = feedback_stats(events, now=NOW)

        assert [(w.positive, w.ratings) for w in stats.windows] == [
            (m.numerator, m.denominator) for m in report.metrics if m.code == "SP908"
        ]


# -- overrides -------------------------------------------------------------------------------------


class TestOverrides:
    def test_target_override_moves_the_status(self):
        """Raising the order defect target through with_parameters turns a failing metric ok."""
        orders, events, now = engine.example_account("SP901", "bad")
        loose = CURRENT.with_parameters(order_defect_target="60%")

        before = only(account_health(orders, events, now=now), "SP901")
        after = only(account_health(orders, events, now=now, policy=loose), "SP901")

        assert (FAILING, OK) == (before.status, after.status)
        assert decimal.Decimal("0.6") == after.target

    def test_window_override_moves_an_order_in(self):
        """A longer cancel-rate window counts an order the 7-day window leaves out."""
        orders = [order(purchased_at=NOW - 10 * DAY)]
        events = [cancel(1, NOW - 9 * DAY)]

        before = only(health(orders, events), "SP902")
        after = only(
            health(orders, events, policy=CURRENT.with_parameters(cancel_rate_window="14d")),
            "SP902",
        )

        assert (NO_DATA, FAILING) == (before.status, after.status)

    def test_threshold_override_moves_late_responses(self):
        """With a 48-hour late-response threshold a reply after 30 hours is no longer late."""
        events = [buyer(1, NOW - 3 * DAY), reply(1, NOW - 3 * DAY + 30 * HOUR)]
        relaxed = CURRENT.with_parameters(late_response_threshold="48h")

        assert (1, 0) == (
            only(health([order()], events), "SP906", "7d").numerator,
            only(health([order()], events, policy=relaxed), "SP906", "7d").numerator,
        )

    def test_target_kind_override_from_a_policy_file(self, tmp_path):
        """A policy file can make the current feedback score a required target."""
        path = tmp_path / "policy.toml"
        path.write_text('[parameters]\nfeedback_score_target_kind = "required"\n', encoding="utf-8")
        strict = Policy.from_toml(path)

        metric = only(health(*_scores(1, 2), policy=strict), "SP908", "30d")

        assert (FAILING, decimal.Decimal("0.98")) == (metric.status, metric.target)

    def test_report_kind_drops_the_target(self):
        """A target kind of report leaves the figure without a target."""
        policy = CURRENT.with_parameters(order_defect_target_kind="report")

        metric = only(health(*_odr(1, 2), policy=policy), "SP901")

        assert (REPORT, None, None) == (metric.status, metric.target, metric.comparison)

    def test_score_windows_come_from_the_feedback_family(self):
        """SP908's windows are the feedback family's score_windows, plus lifetime."""
        policy = CURRENT.with_parameters(score_windows=["7d"])

        report = health([order()], policy=policy)

        assert ("7d", "lifetime") == tuple(m.label for m in report.metrics if m.code == "SP908")

    def test_bad_override_names_the_parameter(self):
        """A target without a percent sign is refused, naming the parameter."""
        with pytest.raises(InvalidPolicyError, match="order_defect_target") as info:
            CURRENT.with_parameters(order_defect_target="1")

        assert "order_defect_target" == info.value.field

    def test_disabled_rule_is_not_computed(self):
        """A rule the policy disables has no metric and no finding."""
        report = health(*_odr(1, 2), policy=CURRENT.disable("SP901", "SP906"))

        assert not {Code.SP901, Code.SP906} & report.codes
        assert not [m for m in report.metrics if m.code in {"SP901", "SP906"}]


# -- the report ------------------------------------------------------------------------------------


class TestReport:
    def test_no_orders_is_no_data(self):
        """Without orders every metric has no data, yet every rule is in .codes as info."""
        report = health([])

        assert {NO_DATA} == {m.status for m in report.metrics}
        assert all(m.value is None and m.since is None for m in report.metrics)
        assert (set(CODES), True, None) == (report.codes, report.ok, report.marketplace_id)

    def test_str_is_a_table(self):
        """str() shows a headline, one row per metric and the orders counted against."""
        orders, events, now = engine.example_account("SP901", "bad")

        text = str(account_health(orders, events, now=now))
        lines = text.splitlines()

        assert lines[0].startswith("not ok: 1 failing")
        assert lines[1].split() == ["code", "name", "window", "value", "target", "count", "status"]
        assert [
            "SP901",
            "order-defect-rate",
            "60d",
            "50.00%",
            "<",
            "1%",
            "1/2",
            "failing",
        ] == lines[2].split()
        assert "  SP901 60d counted against: 113-0000000-0000901" in lines
        assert 1 + 1 + 14 + 1 == sum(1 for line in lines if not line.startswith("  assumed"))

    def test_metric_lookup(self):
        """metric() finds one metric; a code with several windows needs the window."""
        report = health([order()])

        assert "10d" == report.metric("SP903", "10d").label
        assert "lifetime" == report.metric("SP908", "lifetime").label
        with pytest.raises(InvalidValueError, match="SP903 10d, SP903 30d") as info:
            report.metric("SP903")
        assert "window" == info.value.field

    def test_counted_against_are_sorted_and_unique(self):
        """counted_against lists each order once, sorted."""
        events = [feedback(3, NOW - DAY), feedback(1, NOW - DAY), claim(3, NOW - DAY)]

        metric = only(health([order(k) for k in range(4)], events), "SP901")

        assert (oid(1), oid(3)) == metric.counted_against

    def test_future_orders_are_ignored_and_said_so(self):
        """An order purchased after now is not counted, and the assumptions say so."""
        report = health([order(1), order(2, purchased_at=NOW + DAY)])

        assert 1 == only(report, "SP901").denominator
        assert "1 order(s) purchased after now were ignored" in report.assumptions

    def test_events_after_now_are_ignored_and_said_so(self):
        """Events after now count nowhere, and the assumptions say how many there were."""
        events = [feedback(1, NOW + SECOND), buyer(1, NOW + HOUR)]

        report = health([order(1)], events)

        assert (0, 0, 0) == (
            only(report, "SP901").numerator,
            only(report, "SP906", "7d").denominator,
            only(report, "SP908", "lifetime").denominator,
        )
        assert "2 event(s) after now were ignored" in report.assumptions

    def test_events_in_any_order(self):
        """The events' order does not change the figures."""
        orders, events = _returns(1, 3)

        assert health(orders, events).metrics == health(orders, events[::-1]).metrics

    def test_json_round_trip_of_a_metric_with_a_window(self):
        """A metric, its Duration window and its Decimal share survive JSON."""
        metric = only(health(*_odr(1, 3)), "SP901")

        assert metric == sellerpolicy.from_json(HealthMetric, sellerpolicy.to_json(metric))
        assert isinstance(metric.value, decimal.Decimal)

    def test_comparisons(self):
        """Each comparison holds exactly, with no rounding at the target."""
        target = decimal.Decimal("0.03")

        assert [False, True, False, True] == [
            c.holds(3, 100, target)
            for c in (Comparison.LT, Comparison.LE, Comparison.GT, Comparison.GE)
        ]


# -- bad input -------------------------------------------------------------------------------------


class TestBadInput:
    def test_event_of_an_order_not_given(self):
        """An event of an order not given is refused, naming events[i].order_id."""
        with pytest.raises(InvalidValueError, match=r"events\[1\]\.order_id") as info:
            health([order(1)], [feedback(1, NOW - DAY), feedback(9, NOW - DAY)])

        assert ("events[1].order_id", oid(9)) == (info.value.field, info.value.value)

    def test_event_before_its_purchase_names_the_callers_index(self):
        """An event before its order's purchase is named by its index in the events passed."""
        events = [feedback(1, NOW - DAY), feedback(2, NOW - DAY), buyer(2, NOW - 30 * DAY)]

        with pytest.raises(InvalidValueError, match=r"events\[2\]\.sent_at") as info:
            health([order(1), order(2)], events)

        assert "events[2].sent_at" == info.value.field

    def test_repeated_event_names_both(self):
        """An event given twice is refused, naming both indexes in the events passed."""
        twice = feedback(2, NOW - DAY)

        with pytest.raises(InvalidValueError, match=r"events\[3\] repeats events\[1\]") as info:
            health(
                [order(1), order(2)], [feedback(1, NOW - DAY), twice, buyer(1, NOW - DAY), twice]
            )

        assert "events[3]" == info.value.field

    @pytest.mark.parametrize(
        ("orders", "events", "error", "field"),
        [
            ("not orders", [], InvalidTypeError, "orders"),
            ([order(1), "order"], [], InvalidTypeError, "orders[1]"),
            ([order(1)], [feedback(1, NOW - DAY), "event"], InvalidTypeError, "events[1]"),
            ([order(1), order(1)], [], InvalidValueError, "orders[1].order_id"),
            (
                [order(1), order(2, marketplace_id="A1F83G8C2ARO7P")],
                [],
                InvalidValueError,
                "orders[1].marketplace_id",
            ),
            ([order(1, marketplace_id="XX")], [], InvalidValueError, "orders[0].marketplace_id"),
        ],
        ids=[
            "orders-not-a-sequence",
            "an-order-is-not-an-order",
            "an-event-is-not-an-event",
            "order-id-repeated",
            "two-marketplaces",
            "unknown-marketplace",
        ],
    )
    def test_bad_orders_and_events(self, orders, events, error, field):
        """Bad orders or events are refused with the field named."""
        with pytest.raises(error, match=regex_escape(field)) as info:
            health(orders, events)

        assert field == info.value.field

    def test_naive_now(self):
        """A naive now is refused, naming now."""
        with pytest.raises(InvalidValueError, match="now") as info:
            account_health([order()], [], now=dt.datetime(2026, 3, 1))  # noqa: DTZ001 - the error

        assert "now" == info.value.field

    def test_policy_not_a_policy(self):
        """A policy that is not a Policy is refused, naming policy."""
        with pytest.raises(InvalidTypeError, match="policy") as info:
            account_health([order()], [], now=NOW, policy="current")  # type: ignore[arg-type]

        assert "policy" == info.value.field


def regex_escape(text: str) -> str:
    return text.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")


# -- properties --------------------------------------------------------------------------------------


@st.composite
def accounts(draw: st.DrawFn, max_orders: int = 4) -> tuple[list[Order], list[Event]]:
    """Orders of one marketplace with distinct ids, and their events in any order."""
    market = draw(st.sampled_from(sorted(MARKETPLACES)))
    orders: list[Order] = []
    events: list[Event] = []
    for k in range(draw(st.integers(0, max_orders))):
        o = attrs.evolve(draw(s.orders()), order_id=oid(k), marketplace_id=market)
        orders.append(o)
        events += draw(st.lists(s.events(o, max_days=200), max_size=3, unique=True))
    return orders, draw(st.permutations(events))


NOW_OFFSETS = st.timedeltas(min_value=dt.timedelta(days=-30), max_value=dt.timedelta(days=400))
POLICIES = st.sampled_from([CURRENT, SEED])


def _now(orders: list[Order], offset: dt.timedelta) -> dt.datetime:
    start = orders[0].purchased_at if orders else NOW
    return start + offset


class TestProperties:
    @given(accounts(), NOW_OFFSETS, POLICIES)
    def test_shares_between_0_and_1(self, account, offset, policy):
        """Every share is between 0 and 1, None exactly without data, and consistent."""
        orders, events = account

        report = health(orders, events, now=_now(orders, offset), policy=policy)

        ids = {o.order_id for o in orders}
        for m in report.metrics:
            assert 0 <= m.numerator <= m.denominator
            assert (m.value is None) == (m.denominator == 0) == (m.status is NO_DATA)
            if m.value is not None:
                assert 0 <= m.value <= 1
            assert set(m.counted_against) <= ids
            assert list(m.counted_against) == sorted(set(m.counted_against))
        assert report.ok == all(f.severity is not Severity.ERROR for f in report.findings)

    @given(
        accounts(),
        NOW_OFFSETS,
        POLICIES,
        st.sampled_from(["long-before", "after-now"]),
        st.sampled_from(["MFN", "AFN"]),
    )
    def test_order_outside_every_window_changes_nothing(
        self, account, offset, policy, where, channel
    ):
        """Adding an order (without events) whose dates lie outside every window changes no figure."""
        orders, events = account
        assume(orders)
        now = _now(orders, offset)
        at = now - 800 * DAY if where == "long-before" else now + DAY
        outside = Order(
            order_id="999-9999999-9999999",
            marketplace_id=orders[0].marketplace_id,
            purchased_at=at,
            fulfillment_channel=channel,
            latest_ship=at + DAY,
            latest_delivery=at + 3 * DAY,
            delivered_at=at + 4 * DAY,
            shipments=[shipped(at + 2 * DAY, tracking_number=None)],
        )

        before = health(orders, events, now=now, policy=policy)
        after = health([*orders, outside], events, now=now, policy=policy)

        assert before.metrics == after.metrics
        assert before.findings == after.findings

    @given(accounts(), NOW_OFFSETS, POLICIES)
    def test_json_round_trip(self, account, offset, policy):
        """Every report survives a JSON round trip unchanged."""
        orders, events = account

        report = health(orders, events, now=_now(orders, offset), policy=policy)

        assert report == sellerpolicy.from_json(AccountHealth, sellerpolicy.to_json(report))

    @given(accounts(), NOW_OFFSETS, POLICIES, st.randoms(use_true_random=False))
    def test_order_of_inputs_does_not_matter(self, account, offset, policy, rng):
        """Shuffling the orders and the events, or giving now in another zone, changes no figure."""
        orders, events = account
        now = _now(orders, offset)
        shuffled_orders, shuffled_events = list(orders), list(events)
        rng.shuffle(shuffled_orders)
        rng.shuffle(shuffled_events)

        before = health(orders, events, now=now, policy=policy)
        after = health(shuffled_orders, shuffled_events, now=now.astimezone(LA), policy=policy)

        assert before.metrics == after.metrics
