"""Account health (SP9xx): a seller's figures over windows of orders, each against its target."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
from typing import TYPE_CHECKING, Any, Literal

import attrs
import regex

from sellerpolicy import _checks
from sellerpolicy._codes import RULES, Code, Family, Severity
from sellerpolicy._converter import resolve
from sellerpolicy._decisions import Finding, Report
from sellerpolicy._events import (
    EVENT_TYPES,
    Cancellation,
    CancellationReason,
    Event,
    Party,
    event_time,
)
from sellerpolicy._marketplaces import Marketplace
from sellerpolicy._model import (
    Claim,
    ClaimKind,
    ClaimReason,
    ClaimStatus,
    Feedback,
    FeedbackClass,
    FulfillmentChannel,
    Message,
    MessageSender,
    Order,
    ReturnRequest,
)
from sellerpolicy._parameters import parameter_specs
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._rules.data import RuleDoc, family_docs
from sellerpolicy._rules.obligations import Obligation, ObligationStatus, obligations
from sellerpolicy._time import Duration
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

__all__ = [
    "AccountHealth",
    "Comparison",
    "HealthMetric",
    "HealthStatus",
    "account_health",
    "example_account",
    "flags",
]

_DOCS_FILE = "health.toml"
_UTC = dt.UTC
_EVENT_CLASSES = tuple(EVENT_TYPES)
# Shares are divided in a context of our own, so a caller's decimal context cannot change them.
_CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
_PERCENT_PLACES = decimal.Decimal("0.01")


class HealthStatus(enum.StrEnum):
    """How a metric stands against its target."""

    OK = "ok"
    """The figure meets its target."""
    AT_RISK = "at_risk"
    """The figure misses a recommended target (SP905; SP908 in the seed edition)."""
    FAILING = "failing"
    """The figure misses a required target."""
    NO_DATA = "no_data"
    """Nothing to count in the window: the denominator is 0."""
    REPORT = "report"
    """The figure has no target (SP906; SP908 in the current edition): it is only reported."""


class Comparison(enum.StrEnum):
    """How a figure is compared with its target: ``value < target`` and so on."""

    LT = "<"
    """Below the target passes (defect rates such as the order defect rate)."""
    LE = "<="
    """At or below the target passes."""
    GT = ">"
    """Above the target passes."""
    GE = ">="
    """At or above the target passes (rates to reach, such as valid tracking)."""

    def holds(self, numerator: int, denominator: int, target: decimal.Decimal) -> bool:
        """Whether ``numerator / denominator`` compares so with ``target``, exactly.

        Compared as ``numerator`` against ``target * denominator``, so a share exactly at the
        target is never rounded to either side of it.
        """
        bound = _CONTEXT.multiply(target, decimal.Decimal(denominator))
        share = decimal.Decimal(numerator)
        if self is Comparison.LT:
            return share < bound
        if self is Comparison.LE:
            return share <= bound
        if self is Comparison.GT:
            return share > bound
        return share >= bound


def _code(value: Code | str) -> Code:
    return Code(value)


def _status(value: HealthStatus | str) -> HealthStatus:
    return HealthStatus(value)


def _comparison(value: Comparison | str | None) -> Comparison | None:
    return None if value is None else Comparison(value)


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _optional_aware(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _checks.aware_datetime(value, attribute.name)


def _percent(share: decimal.Decimal) -> str:
    """``0.0125`` as ``1.25%`` (two places, half up)."""
    shown = (share * 100).quantize(_PERCENT_PLACES, rounding=decimal.ROUND_HALF_UP)
    return f"{shown}%"


def _target_text(target: decimal.Decimal) -> str:
    """``0.025`` as ``2.5%``: the target as the specification writes it."""
    return f"{(target * 100).normalize():f}%"


@attrs.frozen(kw_only=True)
class HealthMetric:
    """One account-health figure over one window.

    A metric with several windows (SP903, SP906, SP908) gives one `HealthMetric` per window,
    each with its own counts and status.

    Attributes:
        code: The rule, e.g. ``SP901``.
        name: The rule's name, e.g. ``order-defect-rate``.
        window: How far back the window reaches from ``as_of``; ``None`` for lifetime (SP908).
        since: The window's first instant, in UTC (inclusive; the window ends at ``as_of``,
            inclusive too); ``None`` for lifetime, or when no order gives a marketplace to
            count the days in.
        numerator: What the share counts: defective, cancelled, late, returned-unhappy orders;
            valid shipments, on-time orders, positive ratings.
        denominator: What it counts among (orders, shipments, messages, returns, ratings).
        value: ``numerator / denominator``; ``None`` when the denominator is 0.
        target: The share the policy asks for; ``None`` for a metric that is only reported.
        comparison: How ``value`` must compare with ``target`` (``value < target``, ...).
        status: ``ok``, ``at_risk``, ``failing``, ``no_data`` or ``report``.
        counted_against: The ids of the orders that count against the seller here (sorted),
            so the seller sees which orders to look at.
        note: What was counted, and what was left out.
    """

    code: Code = attrs.field(converter=_code)
    name: str
    window: Duration | None
    since: dt.datetime | None = attrs.field(validator=_optional_aware)
    numerator: int
    denominator: int
    value: decimal.Decimal | None
    target: decimal.Decimal | None
    comparison: Comparison | None = attrs.field(converter=_comparison)
    status: HealthStatus = attrs.field(converter=_status)
    counted_against: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    note: str = ""

    @property
    def label(self) -> str:
        """The window as written: ``60d``, or ``lifetime``."""
        return "lifetime" if self.window is None else str(self.window)

    @property
    def target_text(self) -> str:
        """``< 1%``, ``>= 95%``, or ``-`` without a target."""
        if self.target is None or self.comparison is None:
            return "-"
        return f"{self.comparison.value} {_target_text(self.target)}"

    @property
    def value_text(self) -> str:
        """The share as a percentage (``1.25%``), or ``n/a`` without data."""
        return "n/a" if self.value is None else _percent(self.value)

    def __str__(self) -> str:
        """``SP901 order-defect-rate 60d: 1.25% (1/80), target < 1%: failing``."""
        return (
            f"{self.code} {self.name} {self.label}: {self.value_text} "
            f"({self.numerator}/{self.denominator}), target {self.target_text}: "
            f"{self.status.value}"
        )


def _metric_tuple(values: Iterable[HealthMetric]) -> tuple[HealthMetric, ...]:
    return tuple(values)


_COUNTED_SHOWN = 5


@attrs.frozen(kw_only=True)
class AccountHealth(Report):
    """A seller's account-health figures (SP901-SP908) as of ``as_of``.

    ``findings`` holds one finding per metric: the rule's severity when the metric is
    ``failing`` or ``at_risk``, ``info`` otherwise, so `ok` is ``False`` exactly when an
    error-severity metric misses its target.

    Attributes:
        marketplace_id: The marketplace of the orders, whose calendar counts the days;
            ``None`` when no order was given.
        order_count: How many orders were given.
        metrics: One metric per rule and window, in code order then window order (lifetime
            last).
        assumptions: How the figures were counted where the specification is silent, and what was
            left out.
    """

    marketplace_id: str | None
    order_count: int
    metrics: tuple[HealthMetric, ...] = attrs.field(default=(), converter=_metric_tuple)
    assumptions: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def metric(self, code: Code | str, window: Duration | str | None = None) -> HealthMetric:
        """The metric of ``code`` over ``window`` (``"10d"``); its only one when not given.

        Raises:
            InvalidValueError: The report has no such metric (the rule is off, or no such
                window), or ``code`` has several windows and none was named.
        """
        wanted = Code(code)
        found = [m for m in self.metrics if m.code is wanted]
        if window is not None:
            label = str(window) if isinstance(window, Duration) else window
            found = [m for m in found if m.label == label]
        if len(found) != 1:
            have = ", ".join(f"{m.code} {m.label}" for m in self.metrics if m.code is wanted)
            msg = (
                f"no single {wanted} metric over window={window!r}; "
                f"the report has: {have or 'none (the rule is off)'}"
            )
            raise InvalidValueError(msg, field="window", value=window)
        return found[0]

    def by_status(self, status: HealthStatus | str) -> tuple[HealthMetric, ...]:
        """The metrics with one status."""
        wanted = HealthStatus(status)
        return tuple(m for m in self.metrics if m.status is wanted)

    def _headline(self) -> str:
        counts = ", ".join(
            f"{n} {status.value.replace('_', ' ')}"
            for status in HealthStatus
            if (n := sum(m.status is status for m in self.metrics))
        )
        head = "ok" if self.ok else "not ok"
        when = self.as_of.isoformat() if self.as_of is not None else "?"
        where = f" in {self.marketplace_id}" if self.marketplace_id else ""
        return (
            f"{head}: {counts or 'no metrics'} "
            f"({self.edition} policy, as of {when}, {self.order_count} orders{where})"
        )

    def _details(self) -> list[str]:
        rows = [("code", "name", "window", "value", "target", "count", "status")]
        rows += [
            (
                m.code.value,
                m.name,
                m.label,
                m.value_text,
                m.target_text,
                f"{m.numerator}/{m.denominator}",
                m.status.value,
            )
            for m in self.metrics
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        right = {3, 5}  # numbers line up on the right
        lines = [
            "  "
            + "  ".join(
                cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
                for i, cell in enumerate(row)
            ).rstrip()
            for row in rows
        ]
        for m in self.metrics:
            if m.counted_against and m.status in {HealthStatus.FAILING, HealthStatus.AT_RISK}:
                shown = ", ".join(m.counted_against[:_COUNTED_SHOWN])
                more = len(m.counted_against) - _COUNTED_SHOWN
                extra = f" (+{more} more)" if more > 0 else ""
                lines.append(f"  {m.code} {m.label} counted against: {shown}{extra}")
        lines += super()._details()
        lines += [f"  assumed: {a}" for a in self.assumptions]
        return lines

    def __str__(self) -> str:
        """The headline, then a table with one row per metric and the orders to look at."""
        return "\n".join([self._headline(), *self._details()])


# --- the account: orders and their events, grouped once ----------------------------------------


def _utc(when: dt.datetime) -> dt.datetime:
    # through UTC: two times in one zone compare by wall clock, wrong in a DST fall-back hour
    return when.astimezone(_UTC)


def _event_utc(event: Event) -> dt.datetime:
    when = event_time(event)
    if when is None:  # pragma: no cover - OrderTimeline.build refuses events without a time
        raise InvalidValueError("event without a time")
    return when.astimezone(_UTC)


_LOCAL_EVENT = regex.compile(r"events\[(\d+)\]")


class _Account:
    """The orders as of ``now``, each with its events (grouped and validated once)."""

    def __init__(
        self, orders: tuple[Order, ...], events: tuple[Event, ...], now: dt.datetime, policy: Policy
    ) -> None:
        self.now = now.astimezone(_UTC)
        self.policy = policy
        self.parameters = policy.parameters
        self.marketplace = _marketplace(orders)
        self.given = len(orders)
        self.orders = [o for o in orders if _utc(o.purchased_at) <= self.now]
        self.future = self.given - len(self.orders)
        self.events = _group(orders, events)
        self.later = sum(_event_utc(e) > self.now for e in events)
        self._timing: dict[str, dict[int, Obligation]] | None = None

    def windows(self, parameter: str, *, lifetime: bool = False) -> list[_Window]:
        """The windows a ``duration`` or ``durations`` parameter gives, with their starts."""
        durations = (
            self.parameters.durations(parameter)
            if parameter_specs()[parameter].kind == "durations"
            else (self.parameters.duration(parameter),)
        )
        out = [_Window(d, self.since(d)) for d in durations]
        if lifetime:
            out.append(_Window(None, None))
        return out

    def since(self, window: Duration) -> dt.datetime | None:
        """The first instant of a window ending at ``now``, in the marketplace's calendar."""
        if self.marketplace is None:
            return None
        return window.before(self.now, self.marketplace).astimezone(_UTC)

    def of(self, order: Order) -> list[Event]:
        """The order's events up to ``now``, in the caller's order."""
        return [e for e in self.events.get(order.order_id, ()) if _event_utc(e) <= self.now]

    def timing(self) -> dict[str, dict[int, Obligation]]:
        """SP501 and SP502 obligations per order, keyed by the event's index among its events.

        Timed by the obligations family itself, so SP906 and SP907 count lateness exactly as
        SP501 and SP502 judge it (late is still met: ``late_by`` > 0). Computed once, for the
        orders with a buyer message or a return request inside a window.
        """
        if self._timing is None:
            self._timing = _timing(self)
        return self._timing


@attrs.frozen
class _Window:
    """A window's length (``None``: lifetime) and first instant (``None``: unbounded)."""

    duration: Duration | None
    since: dt.datetime | None


def _marketplace(orders: tuple[Order, ...]) -> Marketplace | None:
    if not orders:
        return None
    first = orders[0].marketplace_id
    for i, order in enumerate(orders):
        if order.marketplace_id != first:
            field = f"orders[{i}].marketplace_id"
            msg = (
                f"{field} is {order.marketplace_id!r}, but orders[0] is in {first!r}: account "
                "health is counted per marketplace; pass one marketplace's orders per call"
            )
            raise InvalidValueError(msg, field=field, value=order.marketplace_id)
    try:
        return Marketplace.get(first)
    except InvalidValueError as exc:
        field = "orders[0].marketplace_id"
        raise InvalidValueError(f"{field}: {exc}", field=field, value=first) from None


def _group(orders: tuple[Order, ...], events: tuple[Event, ...]) -> dict[str, list[Event]]:
    """Each order's events in the caller's order, validated as one timeline per order.

    Errors name the event by its index in ``events`` (``events[7].sent_at``).
    """
    index: dict[str, int] = {}
    for i, order in enumerate(orders):
        if order.order_id in index:
            field = f"orders[{i}].order_id"
            msg = (
                f"{field} repeats orders[{index[order.order_id]}] ({order.order_id!r}); "
                "pass each order once"
            )
            raise InvalidValueError(msg, field=field, value=order.order_id)
        index[order.order_id] = i
    grouped: dict[str, list[Event]] = {}
    positions: dict[str, list[int]] = {}
    for i, event in enumerate(events):
        if event.order_id not in index:
            field = f"events[{i}].order_id"
            msg = (
                f"{field} is {event.order_id!r}, which is not one of the orders given; "
                "pass every order whose events you pass"
            )
            raise InvalidValueError(msg, field=field, value=event.order_id)
        grouped.setdefault(event.order_id, []).append(event)
        positions.setdefault(event.order_id, []).append(i)
    for order in orders:
        own = grouped.get(order.order_id)
        if own is None:
            continue
        try:
            OrderTimeline.build(order, own)
        except (InvalidTypeError, InvalidValueError) as exc:
            where = positions[order.order_id]

            def caller(match: regex.Match[str], where: list[int] = where) -> str:
                return f"events[{where[int(match[1])]}]"

            named = _LOCAL_EVENT.sub(caller, exc.field) if exc.field else None
            raise type(exc)(
                _LOCAL_EVENT.sub(caller, str(exc)), field=named, value=exc.value
            ) from None
    return grouped


def _timing(account: _Account) -> dict[str, dict[int, Obligation]]:
    params = account.parameters
    threshold = params.duration("late_response_threshold")
    # SP501 and SP502 alone, SP501 timed by SP906's own threshold; other obligations are not
    # needed here, and a policy that switched SP501 off still has a late response rate. One
    # evolve rather than three derivations: each new policy resolves every rule again.
    timed = frozenset({Code.SP501, Code.SP502})
    others = frozenset(c for c, i in RULES.items() if i.family is Family.OBLIGATIONS) - timed
    base = account.policy
    timing_policy = attrs.evolve(
        base,
        disabled=(base.disabled | others) - timed,
        enabled=base.enabled | timed,
        overrides={**base.overrides, "reply_to_buyer": threshold},
    )
    earliest = [
        w.since
        for name in ("late_response_windows", "return_dissatisfaction_window")
        for w in account.windows(name)
    ]
    start = min((s for s in earliest if s is not None), default=None)
    out: dict[str, dict[int, Obligation]] = {}
    for order in account.orders:
        own = account.events.get(order.order_id)
        if not own or not any(_times_health_reply(e, start, account.now) for e in own):
            continue
        report = obligations(order, own, now=account.now, policy=timing_policy)
        out[order.order_id] = {
            ob.raised_by.index: ob for ob in report.obligations if ob.raised_by.index is not None
        }
    return out


def _times_health_reply(event: Event, start: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether SP906 or SP907 will ask about this event: a buyer message or a return request."""
    if isinstance(event, Message):
        if event.sender is not MessageSender.BUYER:
            return False
    elif not isinstance(event, ReturnRequest):
        return False
    at = _event_utc(event)
    return (start is None or at >= start) and at <= now


def _late(ob: Obligation | None) -> bool:
    """Overdue, or met after its due time (late is still met, and still late)."""
    if ob is None:
        return False
    if ob.status is ObligationStatus.OVERDUE:
        return True
    return ob.status is ObligationStatus.MET and bool(ob.late_by)


# --- counting ----------------------------------------------------------------------------------


class _Tally:
    """Counts per window: how many items, how many against the seller, and their orders."""

    def __init__(self, windows: list[_Window], now: dt.datetime) -> None:
        self.windows = windows
        self.now = now
        self.total = [0] * len(windows)
        self.against = [0] * len(windows)
        self.orders: list[set[str]] = [set() for _ in windows]
        self.left_out = [0] * len(windows)

    def holds(self, at: dt.datetime) -> bool:
        """Whether some window holds an item dated ``at`` (so it is worth judging)."""
        return at <= self.now and any(w.since is None or at >= w.since for w in self.windows)

    def add(self, at: dt.datetime, order_id: str, *, against: bool) -> None:
        """Count one item dated ``at`` (UTC) in every window that holds it."""
        if at > self.now:
            return
        for k, window in enumerate(self.windows):
            if window.since is None or at >= window.since:
                self.total[k] += 1
                if against:
                    self.against[k] += 1
                    self.orders[k].add(order_id)

    def skip(self, at: dt.datetime) -> None:
        """Note one item dated ``at`` that would be in a window but cannot be counted."""
        if at > self.now:
            return
        for k, window in enumerate(self.windows):
            if window.since is None or at >= window.since:
                self.left_out[k] += 1


@attrs.frozen
class _Target:
    """A metric's target: the percent parameter, its kind parameter and the comparison."""

    target: str
    kind: str
    comparison: Comparison


@attrs.frozen
class _Definition:
    """What a metric's share counts (``against``: the bad share; else the good share)."""

    code: Code
    target: _Target | None
    share_of_against: bool
    unit: str


_DEFINITIONS: Mapping[Code, _Definition] = {
    d.code: d
    for d in (
        _Definition(
            Code.SP901,
            _Target("order_defect_target", "order_defect_target_kind", Comparison.LT),
            share_of_against=True,
            unit="orders",
        ),
        _Definition(
            Code.SP902,
            _Target("cancel_rate_target", "cancel_rate_target_kind", Comparison.LT),
            share_of_against=True,
            unit="seller-fulfilled orders",
        ),
        _Definition(
            Code.SP903,
            _Target("late_shipment_target", "late_shipment_target_kind", Comparison.LT),
            share_of_against=True,
            unit="seller-fulfilled orders due to ship",
        ),
        _Definition(
            Code.SP904,
            _Target("valid_tracking_target", "valid_tracking_target_kind", Comparison.GE),
            share_of_against=False,
            unit="seller-fulfilled shipments",
        ),
        _Definition(
            Code.SP905,
            _Target("on_time_delivery_target", "on_time_delivery_target_kind", Comparison.GT),
            share_of_against=False,
            unit="delivered seller-fulfilled orders",
        ),
        _Definition(Code.SP906, None, share_of_against=True, unit="buyer messages"),
        _Definition(
            Code.SP907,
            _Target(
                "return_dissatisfaction_target",
                "return_dissatisfaction_target_kind",
                Comparison.LT,
            ),
            share_of_against=True,
            unit="return requests",
        ),
        _Definition(
            Code.SP908,
            _Target("feedback_score_target", "feedback_score_target_kind", Comparison.GE),
            share_of_against=False,
            unit="ratings",
        ),
    )
}


def _metrics(code: Code, tally: _Tally, account: _Account, note: str) -> list[HealthMetric]:
    definition = _DEFINITIONS[code]
    params = account.parameters
    kind = "report" if definition.target is None else params.choice(definition.target.kind)
    target = comparison = None
    if definition.target is not None and kind != "report":
        target = params.percent(definition.target.target)
        comparison = definition.target.comparison
    out = []
    for k, window in enumerate(tally.windows):
        total, against = tally.total[k], tally.against[k]
        numerator = against if definition.share_of_against else total - against
        value = None if total == 0 else _CONTEXT.divide(numerator, total)
        if total == 0:
            status = HealthStatus.NO_DATA
        elif target is None or comparison is None:
            status = HealthStatus.REPORT
        elif comparison.holds(numerator, total, target):
            status = HealthStatus.OK
        elif kind == "recommended":
            status = HealthStatus.AT_RISK
        else:
            status = HealthStatus.FAILING
        left_out = tally.left_out[k]
        extra = f"; {left_out} not counted: {note}" if left_out and note else ""
        out.append(
            HealthMetric(
                code=code,
                name=RULES[code].name,
                window=window.duration,
                since=window.since,
                numerator=numerator,
                denominator=total,
                value=value,
                target=target,
                comparison=comparison,
                status=status,
                counted_against=tuple(sorted(tally.orders[k])),
                note=f"{total} {definition.unit}{extra}",
            )
        )
    return out


def _first_ship(order: Order, now: dt.datetime) -> dt.datetime | None:
    """When the first package went, if one had gone by ``now``."""
    times = [
        at
        for s in order.shipments
        if s.shipped_at is not None and (at := _utc(s.shipped_at)) <= now
    ]
    return min(times) if times else None


def _delivered(order: Order, now: dt.datetime) -> dt.datetime | None:
    """When the order was delivered (its own date, else its last package's), if by ``now``."""
    if order.delivered_at is not None:
        at: dt.datetime | None = _utc(order.delivered_at)
    else:
        dates = [_utc(s.delivered_at) for s in order.shipments if s.delivered_at is not None]
        at = max(dates) if dates else None
    return at if at is not None and at <= now else None


def _mfn(order: Order) -> bool:
    return order.fulfillment_channel is FulfillmentChannel.MFN


# --- the rules: one pass over the orders each ------------------------------------------------


def _on_time_buy_shipping(order: Order) -> bool:
    """Every package went with Buy Shipping by the latest ship date (unknown counts as not)."""
    shipments = order.shipments
    if not shipments or order.latest_ship is None:
        return False
    due = _utc(order.latest_ship)
    return all(
        s.buy_shipping and s.shipped_at is not None and _utc(s.shipped_at) <= due for s in shipments
    )


def _claim_counts(claim: Claim, order: Order, now: dt.datetime, counting: str) -> bool:
    """Whether an A-to-z claim is a defect as of ``now`` (SP610 via ``claim_counting``)."""
    if counting == "always":
        return True
    decided = claim.decided_at is None or _utc(claim.decided_at) <= now
    if claim.status in {ClaimStatus.DENIED, ClaimStatus.WITHDRAWN} and decided:
        return False
    return not (claim.reason is ClaimReason.NOT_RECEIVED and _on_time_buy_shipping(order))


def _defective(order: Order, events: list[Event], now: dt.datetime, counting: str) -> bool:
    for event in events:
        if isinstance(event, Feedback):
            if event.rating_class is FeedbackClass.NEGATIVE:
                return True
        elif isinstance(event, Claim):
            if event.kind is ClaimKind.A_TO_Z:
                if _claim_counts(event, order, now, counting):
                    return True
            elif event.reason is not ClaimReason.UNAUTHORIZED:
                return True  # a service chargeback: the seller is liable (SP801)
    return False


def order_defect_rate(account: _Account) -> list[HealthMetric]:
    """SP901: orders with negative feedback, a counted A-to-z claim or a service chargeback.

    Orders are placed in the window by their purchase time; each order counts once, whatever
    its number of defects, and a defect counts when it happened by ``now``.
    """
    tally = _Tally(account.windows("order_defect_window"), account.now)
    counting = account.parameters.choice("claim_counting")
    for order in account.orders:
        purchased = _utc(order.purchased_at)
        if tally.holds(purchased):
            bad = _defective(order, account.of(order), account.now, counting)
            tally.add(purchased, order.order_id, against=bad)
    return _metrics(Code.SP901, tally, account, "")


_AUTOMATIC = frozenset({Party.SYSTEM, Party.AMAZON})


def _cancelled_before_shipping(
    order: Order, events: list[Event], now: dt.datetime, *, automatic: bool
) -> bool:
    shipped = _first_ship(order, now)
    for event in events:
        if not isinstance(event, Cancellation):
            continue
        at = _utc(event.at)
        if shipped is not None and shipped <= at:
            continue
        by_seller = (
            event.by is Party.SELLER and event.reason is not CancellationReason.BUYER_REQUEST
        )
        by_system = (
            automatic
            and event.by in _AUTOMATIC
            and event.reason is CancellationReason.NOT_SHIPPED_IN_TIME
        )
        if by_seller or by_system:
            return True
    return False


def pre_fulfilment_cancel_rate(account: _Account) -> list[HealthMetric]:
    """SP902: seller-fulfilled orders the seller cancelled before shipping them.

    Placed in the window by purchase time. A cancellation the buyer asked for does not count;
    Amazon's automatic cancellation of an order not shipped in time does where
    ``cancel_rate_cancellations`` says so (current).
    """
    tally = _Tally(account.windows("cancel_rate_window"), account.now)
    automatic = account.parameters.choice("cancel_rate_cancellations") == "seller_and_automatic"
    for order in account.orders:
        if not _mfn(order):
            continue
        bad = _cancelled_before_shipping(order, account.of(order), account.now, automatic=automatic)
        tally.add(_utc(order.purchased_at), order.order_id, against=bad)
    return _metrics(Code.SP902, tally, account, "")


def late_shipment_rate(account: _Account) -> list[HealthMetric]:
    """SP903: seller-fulfilled orders shipped after their latest ship date, or not shipped by it.

    Placed in a window by the latest ship date (the orders due to ship in it, the date
    inclusive). An order cancelled unshipped by its latest ship date is not counted; one
    cancelled unshipped after it was late.
    """
    tally = _Tally(account.windows("late_shipment_windows"), account.now)
    now = account.now
    for order in account.orders:
        if not _mfn(order):
            continue
        if order.latest_ship is None:
            tally.skip(_utc(order.purchased_at))
            continue
        due = _utc(order.latest_ship)
        shipped = _first_ship(order, now)
        if shipped is None:
            cancelled = [_utc(e.at) for e in account.of(order) if isinstance(e, Cancellation)]
            if cancelled and min(cancelled) <= due:
                continue
            late = now > due
        else:
            late = shipped > due
        tally.add(due, order.order_id, against=late)
    return _metrics(Code.SP903, tally, account, "orders without a latest ship date")


def valid_tracking_rate(account: _Account) -> list[HealthMetric]:
    """SP904: seller-fulfilled shipments that carry a carrier and a tracking number.

    Each package counts once, placed in the window by its ship time.
    """
    tally = _Tally(account.windows("valid_tracking_window"), account.now)
    for order in account.orders:
        if not _mfn(order):
            continue
        for shipment in order.shipments:
            if shipment.shipped_at is None:
                continue
            valid = bool(
                shipment.carrier
                and shipment.carrier.strip()
                and shipment.tracking_number
                and shipment.tracking_number.strip()
            )
            tally.add(_utc(shipment.shipped_at), order.order_id, against=not valid)
    return _metrics(Code.SP904, tally, account, "")


def on_time_delivery_rate(account: _Account) -> list[HealthMetric]:
    """SP905: delivered seller-fulfilled orders that arrived by their latest delivery date.

    Placed in the window by the latest estimated delivery date; an order delivered exactly then
    is on time. Orders not delivered by ``now`` (no delivery date) are not counted.
    """
    tally = _Tally(account.windows("on_time_delivery_window"), account.now)
    now = account.now
    for order in account.orders:
        if not _mfn(order) or order.latest_delivery is None:
            continue
        due = _utc(order.latest_delivery)
        delivered = _delivered(order, now)
        if delivered is None:
            tally.skip(due)
            continue
        tally.add(due, order.order_id, against=delivered > due)
    return _metrics(Code.SP905, tally, account, "orders without a delivery date yet")


def late_response_rate(account: _Account) -> list[HealthMetric]:
    """SP906: buyer messages not answered within ``late_response_threshold`` (a report).

    Timed as SP501 times a reply: a non-automated seller reply, or the message marked
    ``no_response_needed``. A message still inside its threshold counts, as not late.
    """
    tally = _Tally(account.windows("late_response_windows"), account.now)
    timing = account.timing()
    for order in account.orders:
        own = timing.get(order.order_id)
        if not own:
            continue
        for ob in own.values():
            if ob.code is Code.SP501:
                tally.add(_utc(ob.raised_by.at), order.order_id, against=_late(ob))
    return _metrics(Code.SP906, tally, account, "")


def return_dissatisfaction_rate(account: _Account) -> list[HealthMetric]:
    """SP907: return requests with a negative buyer experience.

    A request (on a seller-fulfilled order) is negative when its SP502 answer was late or is
    overdue, or when the buyer left negative feedback on the order at or after the request.
    """
    tally = _Tally(account.windows("return_dissatisfaction_window"), account.now)
    timing = account.timing()
    for order in account.orders:
        if not _mfn(order):
            continue
        events = account.events.get(order.order_id, ())
        answers = timing.get(order.order_id, {})
        negative = [
            _event_utc(e)
            for e in events
            if isinstance(e, Feedback) and e.rating_class is FeedbackClass.NEGATIVE
        ]
        for i, event in enumerate(events):
            if not isinstance(event, ReturnRequest):
                continue
            at = _event_utc(event)
            answer = answers.get(i)
            late = _late(answer) if answer is not None and answer.code is Code.SP502 else False
            unhappy = any(at <= f <= account.now for f in negative)
            tally.add(at, order.order_id, against=late or unhappy)
    return _metrics(Code.SP907, tally, account, "")


def feedback_score(account: _Account) -> list[HealthMetric]:
    """SP908: the positive share (4-5 stars) of the feedback left in each window, and lifetime.

    Windows are the feedback family's ``score_windows``, placed by the time the feedback was
    left, so the figure is the one `feedback_stats` gives.
    """
    tally = _Tally(account.windows("score_windows", lifetime=True), account.now)
    for order in account.orders:
        for event in account.events.get(order.order_id, ()):
            if isinstance(event, Feedback):
                positive = event.rating_class is FeedbackClass.POSITIVE
                tally.add(_event_utc(event), order.order_id, against=not positive)
    return _metrics(Code.SP908, tally, account, "")


_RULE_FUNCTIONS: tuple[tuple[Code, Callable[[_Account], list[HealthMetric]]], ...] = (
    (Code.SP901, order_defect_rate),
    (Code.SP902, pre_fulfilment_cancel_rate),
    (Code.SP903, late_shipment_rate),
    (Code.SP904, valid_tracking_rate),
    (Code.SP905, on_time_delivery_rate),
    (Code.SP906, late_response_rate),
    (Code.SP907, return_dissatisfaction_rate),
    (Code.SP908, feedback_score),
)

_ASSUMPTIONS: Mapping[Code, str] = {
    Code.SP901: (
        "SP901 places an order by its purchase time and counts it once for negative feedback "
        "(1-2 stars), an A-to-z claim (as claim_counting says; a claim decided after now was "
        "still open then; a delivery claim is excused only when every package went with Buy "
        "Shipping by the latest ship date) or a chargeback for any reason but unauthorized"
    ),
    Code.SP902: (
        "SP902 places a seller-fulfilled order by its purchase time; a seller cancellation at "
        "the buyer's request (reason buyer_request) does not count"
    ),
    Code.SP903: (
        "SP903 places a seller-fulfilled order by its latest ship date; late = first package "
        "shipped after it, or none shipped by it (an order cancelled unshipped by then is not "
        "counted)"
    ),
    Code.SP904: (
        "SP904 counts each seller-fulfilled package by its ship time; valid = a carrier and a "
        "tracking number are given (the library cannot check the carrier's scans)"
    ),
    Code.SP905: (
        "SP905 places a seller-fulfilled order by its latest estimated delivery date and counts "
        "only orders delivered by now"
    ),
    Code.SP906: (
        "SP906 counts buyer messages by their sent time, timed as SP501 (a message still inside "
        "its threshold counts as not late)"
    ),
    Code.SP907: (
        "SP907 counts return requests on seller-fulfilled orders by their request time; negative "
        "= the SP502 answer was late or is overdue, or negative feedback (1-2 stars) on the order "
        "at or after the request (its text is not read)"
    ),
    Code.SP908: "SP908 counts feedback by the time it was left; positive = 4-5 stars",
}


# --- findings ----------------------------------------------------------------------------------


def _finding(metric: HealthMetric, doc: RuleDoc, policy: Policy) -> Finding:
    what = doc.message.format(
        value=metric.value_text,
        window=metric.label,
        numerator=metric.numerator,
        denominator=metric.denominator,
    )
    if metric.status is HealthStatus.NO_DATA:
        verdict = "no data in the window"
    elif metric.status is HealthStatus.REPORT:
        verdict = "reported (no target)"
    elif metric.status is HealthStatus.OK:
        verdict = f"meets the target {metric.target_text}"
    else:
        word = "recommended" if metric.status is HealthStatus.AT_RISK else "required"
        verdict = f"misses the {word} target {metric.target_text}"
    message = f"{what[:1].upper()}{what[1:]}: {verdict}"
    if metric.counted_against and metric.status is not HealthStatus.OK:
        shown = ", ".join(metric.counted_against[:_COUNTED_SHOWN])
        more = len(metric.counted_against) - _COUNTED_SHOWN
        message += f"; counted against {shown}" + (f" (+{more} more)" if more > 0 else "")
    failing = metric.status in {HealthStatus.FAILING, HealthStatus.AT_RISK}
    severity = (policy.severity(metric.code) or Severity.INFO) if failing else Severity.INFO
    return Finding(
        code=metric.code,
        name=metric.name,
        severity=severity,
        message=message,
        source=RULES[metric.code].source,
        field="events" if metric.code in _EVENT_METRICS else "orders",
    )


_EVENT_METRICS = frozenset({Code.SP906, Code.SP907, Code.SP908})


# --- the public entry --------------------------------------------------------------------------


def account_health(
    orders: Iterable[Order],
    events: Iterable[Event],
    *,
    now: dt.datetime,
    policy: Policy | None = None,
) -> AccountHealth:
    """A seller's account-health figures (SP901-SP908) as of ``now``.

    Each metric is a share over a window ending at ``now`` (both ends inclusive, days counted
    in the marketplace's calendar), with the orders that count against it. The work is linear:
    one pass groups the events by order, then one pass over the orders per metric. Orders
    purchased after ``now`` and events after ``now`` are ignored. Rules the policy disables are
    not computed.

    Args:
        orders: The seller's orders in one marketplace, in any order.
        events: Events of those orders (messages, feedback, claims, returns, cancellations,
            ...), in any order.
        now: The moment to decide for (timezone-aware); the clock is never read.
        policy: The policy; `Policy.current` by default.

    Returns:
        One `HealthMetric` per rule and window, one finding per metric (the rule's severity
        when it misses its target, ``info`` otherwise) and the assumptions made.

    Raises:
        InvalidTypeError: ``orders`` is not a sequence of `Order`, an item of ``events`` is not
            an event, ``now`` is not a datetime or ``policy`` not a `Policy`.
        InvalidValueError: ``now`` is naive; two orders share an id; the orders are in
            different or unknown marketplaces; an event belongs to no order given
            (``events[3].order_id``), has no time, happened before its order's purchase or is
            given twice. The error's ``field`` names the argument.
    """
    _checks.aware_datetime(now, "now")
    checked = resolve_policy(policy)
    given_orders: tuple[Order, ...] = _checks.sequence_of(orders, Order, "orders")
    given_events: tuple[Event, ...] = _checks.sequence_of(events, _EVENT_CLASSES, "events")
    account = _Account(given_orders, given_events, now, checked)
    docs = family_docs(_DOCS_FILE)
    metrics: list[HealthMetric] = []
    assumptions: list[str] = []
    for code, rule in _RULE_FUNCTIONS:
        if checked.severity(code) is None:
            continue
        metrics.extend(rule(account))
        assumptions.append(_ASSUMPTIONS[code])
    if account.future:
        assumptions.append(f"{account.future} order(s) purchased after now were ignored")
    if account.later:
        assumptions.append(f"{account.later} event(s) after now were ignored")
    return AccountHealth(
        marketplace_id=account.marketplace.marketplace_id if account.marketplace else None,
        order_count=account.given,
        metrics=tuple(metrics),
        findings=tuple(_finding(m, docs[m.code], checked) for m in metrics),
        edition=checked.edition,
        as_of=now,
        assumptions=tuple(assumptions),
    )


# --- documented examples ------------------------------------------------------------------------


def example_account(
    code: Code | str, which: Literal["bad", "good"]
) -> tuple[tuple[Order, ...], tuple[Event, ...], dt.datetime]:
    """A rule's documented ``bad`` or ``good`` example: the orders, their events and ``now``."""
    from sellerpolicy._serialization import from_dict  # noqa: PLC0415 - only for examples

    doc = family_docs(_DOCS_FILE)[Code(code)]
    data: Mapping[str, Any] = doc.bad_example if which == "bad" else doc.good_example
    tags = {tag: cls for cls, (tag, _) in EVENT_TYPES.items()}
    orders = tuple(from_dict(Order, dict(raw)) for raw in data["orders"])
    events: tuple[Event, ...] = tuple(
        from_dict(tags[raw["type"]], {k: v for k, v in raw.items() if k != "type"})
        for raw in data.get("events", ())
    )
    return orders, events, data["now"]


def flags(code: Code, which: Literal["bad", "good"]) -> bool:
    """Whether ``code``'s metric misses its target in its documented ``bad`` or ``good`` example.

    A metric without a target (SP906, and SP908 in the current edition) flags an example when
    any order counts against it.
    """
    orders, events, now = example_account(code, which)
    report = account_health(orders, events, now=now)
    return any(
        m.status in {HealthStatus.FAILING, HealthStatus.AT_RISK}
        or (m.status is HealthStatus.REPORT and bool(m.counted_against))
        for m in report.metrics
        if m.code is Code(code)
    )


for _cls in (Duration, HealthMetric, AccountHealth):
    resolve(_cls)
