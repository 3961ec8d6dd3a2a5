"""Returns (SP7xx): the return window, what the seller must accept, fees, refunds and grading."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
from collections import Counter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs
import regex

from sellerpolicy import _checks
from sellerpolicy._codes import Code, Severity
from sellerpolicy._converter import converter, resolve
from sellerpolicy._decisions import EventRef, NotJudged, Report
from sellerpolicy._events import ActionKind, Event, Party, Refund, SellerAction, event_time
from sellerpolicy._marketplaces import Marketplace
from sellerpolicy._model import (
    FulfillmentChannel,
    Message,
    MessageKind,
    MessageSender,
    Money,
    Order,
    OrderItem,
    ProductCategory,
    ReturnRequest,
)
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._rules import common
from sellerpolicy._rules.common import check_order_times, note_finding
from sellerpolicy._rules.data import family_docs
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from sellerpolicy._parameters import FeeBand

__all__ = [
    "Example",
    "FbaService",
    "FbaUnit",
    "Grade",
    "GradedUnit",
    "ReturnDecision",
    "ReturnedLine",
    "SizeTier",
    "SkuRecovery",
    "assess_return",
    "example",
    "example_decision",
    "fba_fee",
    "flags",
    "grading_summary",
    "refund_administration_fee",
]

_DOCS_FILE = "returns.toml"

_MINOR_UNITS: Mapping[str, int] = MappingProxyType(
    {"JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "VND": 0, "BHD": 3, "JOD": 3, "KWD": 3, "OMR": 3}
)
"""ISO 4217 minor units of the currencies that do not have 2 decimals."""

# Money is at most 10**31 (see _checks.decimal_amount) and rounded to at most 3 decimals: 40
# digits keep every intermediate amount exact until the one rounding at the end.
_MONEY = decimal.Context(prec=40, rounding=decimal.ROUND_HALF_UP)
_RATE = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_UP)
_ZERO = decimal.Decimal(0)
_CURRENCY = regex.compile(r"[A-Z]{3}")


def _round(amount: decimal.Decimal, currency: str) -> Money:
    """``amount`` rounded half-up to the currency's minor unit (the specification, §13)."""
    quantum = decimal.Decimal(1).scaleb(-_MINOR_UNITS.get(currency, 2))
    return Money(amount.quantize(quantum, rounding=decimal.ROUND_HALF_UP, context=_MONEY), currency)


def _show(money: Money | None) -> str:
    return "unknown" if money is None else f"{money.amount} {money.currency}"


def _percent(share: decimal.Decimal) -> str:
    return f"{(share * 100).normalize():f}%"


def _utc(when: dt.datetime) -> dt.datetime:
    return when.astimezone(dt.UTC)


def _local(when: dt.datetime, marketplace: Marketplace) -> str:
    return when.astimezone(marketplace.tz).strftime("%Y-%m-%d %H:%M %Z")


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _optional_aware(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _checks.aware_datetime(value, attribute.name)


# --- values ----------------------------------------------------------------------------------


class SizeTier(enum.StrEnum):
    """An FBA size tier, as the removal and disposal fee tables use it."""

    STANDARD = "standard"
    """Standard-size units: the first rows of the fee table."""
    OVERSIZE = "oversize"
    """Oversize and special handling."""


class FbaService(enum.StrEnum):
    """What Amazon does with an FBA unit the seller no longer sells (SP707)."""

    REMOVAL = "removal"
    """Return the unit to the seller."""
    DISPOSAL = "disposal"
    """Dispose of the unit."""


_FEE_TABLES = MappingProxyType(
    {FbaService.REMOVAL: "fba_removal_fees", FbaService.DISPOSAL: "fba_disposal_fees"}
)


def _size_tier(value: object) -> SizeTier:
    return _checks.enum_member(SizeTier, value, "FbaUnit.size_tier")


def _weight(value: object) -> decimal.Decimal | None:
    if value is None:
        return None
    return _checked_weight(value, "FbaUnit.weight_lb")


def _checked_weight(value: object, field: str) -> decimal.Decimal:
    weight = _checks.decimal_amount(value, field)
    if weight < 0:
        msg = f"{field} must not be negative, got {value!r}"
        raise InvalidValueError(msg, field=field, value=value)
    return weight


@attrs.frozen(kw_only=True)
class FbaUnit:
    """The size and weight of each returned FBA unit, to price its removal or disposal (SP707).

    Attributes:
        size_tier: The unit's size tier.
        weight_lb: The unit's weight in pounds; the current fee table is by weight.
    """

    size_tier: SizeTier = attrs.field(default=SizeTier.STANDARD, converter=_size_tier)
    weight_lb: decimal.Decimal | None = attrs.field(default=None, converter=_weight)


class Grade(enum.IntEnum):
    """The grade of a returned unit (SP708)."""

    RESELLABLE_AS_NEW = 1
    """Resellable as new."""
    NEW_AFTER_REWORK = 2
    """Resellable as new after repackaging, a new manual or cleaning."""
    RESELLABLE_AS_USED = 3
    """Resellable as used."""
    NOT_RESELLABLE = 4
    """Not resellable: written off."""


def _grade(value: object) -> Grade:
    if isinstance(value, bool):  # True == 1, but a grade of True is always a mistake
        raise InvalidTypeError(
            f"GradedUnit.grade must be 1-4, got {value!r}", field="GradedUnit.grade", value=value
        )
    return _checks.enum_member(Grade, value, "GradedUnit.grade")


def _sku(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _checks.text(value, f"GradedUnit.{attribute.name}", non_empty=True)


def _money(*, optional: bool) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, Money):
            field = f"GradedUnit.{attribute.name}"
            raise InvalidTypeError(
                f"{field} must be Money, got {value!r}", field=field, value=value
            )

    return check


@attrs.frozen
class GradedUnit:
    """One returned unit and its grade (SP708).

    Attributes:
        sku: The seller's SKU.
        grade: 1 resellable as new, 2 as new after repackaging or cleaning, 3 as used, 4 not
            resellable.
        original_price: What the unit sold for.
        resale_value: What it was (or will be) resold for; ``None`` while unknown. A grade 4
            unit without one recovers nothing.
    """

    sku: str = attrs.field(validator=_sku)
    grade: Grade = attrs.field(converter=_grade)
    original_price: Money = attrs.field(validator=_money(optional=False))
    resale_value: Money | None = attrs.field(default=None, validator=_money(optional=True))

    @resale_value.validator
    def _same_currency(self, _: attrs.Attribute[Any], value: Money | None) -> None:
        if value is not None and value.currency != self.original_price.currency:
            msg = (
                f"GradedUnit.resale_value is in {value.currency}, the original price in "
                f"{self.original_price.currency}; give both in one currency"
            )
            raise InvalidValueError(msg, field="GradedUnit.resale_value", value=value)


@attrs.frozen(kw_only=True)
class SkuRecovery:
    """How the returned units of one SKU were graded and how much of their price came back.

    Attributes:
        sku: The SKU.
        units: Returned units graded.
        by_grade: Units per grade, grades 1 to 4.
        written_off: Units graded 4 (not resellable).
        write_off_rate: ``written_off / units``.
        original_value: The original prices of all the units.
        valued_units: Units whose resale value is known (a grade 4 unit without one counts, at 0).
        resale_value: The resale values of the valued units.
        recovery_rate: ``resale_value`` over the original prices of the valued units; ``None``
            when no unit is valued or their original prices add up to 0.
    """

    sku: str
    units: int
    by_grade: tuple[int, int, int, int]
    written_off: int
    write_off_rate: decimal.Decimal
    original_value: Money
    valued_units: int
    resale_value: Money
    recovery_rate: decimal.Decimal | None


@attrs.frozen(kw_only=True)
class ReturnedLine:
    """One order line being returned, with what its return costs and refunds.

    Attributes:
        asin: The line's ASIN.
        sku: The line's SKU.
        category: The product's category.
        units: Units returned.
        quantity: Units ordered on the line.
        price: The item price of the returned units (line price x units / quantity): the fee
            base, without shipping or tax. ``None`` when the line has no price.
        fee_rate: The largest restocking fee allowed, as a share of ``price``.
        fee: The largest restocking fee allowed (SP703).
        refund: ``price - fee``.
        referral_fee_refunded: The part of the line's referral fee Amazon refunds: the returned
            units' share, in proportion to the refund. ``None`` without the line's referral fee.
        admin_fee: What Amazon keeps of it as the refund administration fee (SP704).
    """

    asin: str
    sku: str | None = None
    category: ProductCategory | None = None
    units: int
    quantity: int
    price: Money | None = None
    fee_rate: decimal.Decimal
    fee: Money | None = None
    refund: Money | None = None
    referral_fee_refunded: Money | None = None
    admin_fee: Money | None = None


@attrs.frozen(kw_only=True)
class ReturnDecision(Report):
    """What a return request means: the window, what the seller must accept, fees and refunds.

    Dates are in UTC; ``str()`` shows them in the marketplace's zone.

    Attributes:
        order_id: The order.
        marketplace_id: Its marketplace (the zone dates are counted in).
        request: The request judged.
        lines: The lines returned, with their amounts.
        window_start: What the window runs from: the delivery, else the latest EDD.
        window_anchor: Which of the two it was (``delivery``, ``latest estimated delivery
            date``), or ``""`` when neither is known.
        holiday_return_by: The end of the holiday extension when the order was bought or shipped
            in a holiday season (end of the local day), else ``None``.
        return_by: The last instant of the window: the window after ``window_start``, or the
            holiday extension when that is later (SP701).
        within_window: Whether the request came at or before ``return_by``; ``None`` when no
            window could be counted.
        must_accept: Whether the seller may not refuse the return (SP702): inside the window,
            unless ``request.in_policy`` (Amazon's judgement) says otherwise.
        response_due: When the seller must answer the request (SP502); ``None`` when it does
            not reach the seller (``response_note`` says why).
        response_note: How ``response_due`` was decided.
        max_restocking_fee: The largest restocking fee the seller may keep (SP703); ``None``
            when a returned line has no price.
        restocking_fee_reason: Why the fee is what it is.
        refund_amount: The item price of the returned units minus ``max_restocking_fee``.
        referral_fee_refunded: The referral fee Amazon refunds the seller, before the
            administration fee; ``None`` when a returned line has no referral fee.
        refund_admin_fee: What Amazon keeps of it (SP704).
        admin_fee_reason: How the administration fee was counted.
        safe_t_deadline: The last instant to file a SAFE-T claim for Amazon's refund of a
            return the buyer damaged (SP511); ``None`` when there is none.
        fba_charge_buyer_at: FBA orders: the buyer is charged if the item is not back by then
            (SP706).
        fba_removal_fee: FBA orders with an ``fba_unit``: returning the units to the seller
            (SP707).
        fba_disposal_fee: FBA orders with an ``fba_unit``: disposing of the units (SP707).
        assumptions: What the decision assumed.
    """

    order_id: str
    marketplace_id: str
    request: ReturnRequest
    lines: tuple[ReturnedLine, ...] = ()
    window_start: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    window_anchor: str = ""
    holiday_return_by: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    return_by: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    within_window: bool | None = None
    must_accept: bool | None = None
    response_due: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    response_note: str = ""
    max_restocking_fee: Money | None = None
    restocking_fee_reason: str = ""
    refund_amount: Money | None = None
    referral_fee_refunded: Money | None = None
    refund_admin_fee: Money | None = None
    admin_fee_reason: str = ""
    safe_t_deadline: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    fba_charge_buyer_at: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    fba_removal_fee: Money | None = None
    fba_disposal_fee: Money | None = None
    assumptions: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    def _local(self, when: dt.datetime) -> str:
        return _local(when, Marketplace.get(self.marketplace_id))

    def _headline(self) -> str:
        if self.within_window is None or self.return_by is None:
            answer = "window not judged"
        else:
            where = "inside" if self.within_window else "outside"
            answer = f"{where} the window (return by {self._local(self.return_by)})"
        accept = {True: "must accept", False: "may refuse", None: "acceptance not judged"}
        return (
            f"return on order {self.order_id}: {answer}: {accept[self.must_accept]}; "
            f"refund {_show(self.refund_amount)} ({self.edition} policy)"
        )

    def _details(self) -> list[str]:
        lines = []
        if self.window_start is not None:
            lines.append(f"  window from {self.window_anchor} {self._local(self.window_start)}")
        if self.holiday_return_by is not None:
            lines.append(f"  holiday extension until {self._local(self.holiday_return_by)}")
        lines.append(
            f"  restocking fee up to {_show(self.max_restocking_fee)}: {self.restocking_fee_reason}"
        )
        lines.append(
            f"  referral fee refunded {_show(self.referral_fee_refunded)}, administration fee "
            f"{_show(self.refund_admin_fee)}: {self.admin_fee_reason}"
        )
        due = self.response_due
        answer = f"answer by {self._local(due)}" if due is not None else "no answer due"
        lines.append(f"  {answer}: {self.response_note}")
        dates = (
            ("SAFE-T claim until", self.safe_t_deadline),
            ("FBA: the buyer is charged if the item is not back by", self.fba_charge_buyer_at),
        )
        lines += [f"  {name} {self._local(when)}" for name, when in dates if when is not None]
        if self.fba_removal_fee is not None or self.fba_disposal_fee is not None:
            removal, disposal = _show(self.fba_removal_fee), _show(self.fba_disposal_fee)
            lines.append(f"  FBA removal {removal}, disposal {disposal}")
        for line in self.lines:
            name = line.sku or line.asin
            lines.append(
                f"  {name}: {line.units} of {line.quantity} unit(s), price {_show(line.price)}, "
                f"fee {_percent(line.fee_rate)} = {_show(line.fee)}, refund {_show(line.refund)}"
            )
        lines += super()._details()
        lines += [f"  assumed: {a}" for a in self.assumptions]
        return lines


# --- the facts every rule reads --------------------------------------------------------------


@attrs.frozen
class _Note:
    """A finding before its name, severity and source are attached."""

    code: Code
    message: str
    event: EventRef | None = None
    field: str = "request"
    severity: Severity | None = None
    """A fixed severity (a pointer to another family's rule); ``None`` takes the policy's."""


class _Facts:
    """The request, its order's timeline up to ``now``, and the policy's parameters."""

    def __init__(
        self,
        timeline: OrderTimeline,
        request: ReturnRequest,
        *,
        now: dt.datetime,
        policy: Policy,
    ) -> None:
        self.timeline = timeline
        self.order = timeline.order
        self.marketplace = timeline.marketplace
        self.policy = policy
        self.parameters = policy.parameters
        self.request = request
        self.now = _utc(now)
        self.requested = _utc(request.requested_at)
        entries = list(timeline.entries())
        self.until_now = [(i, e) for i, e in entries if _at(e) <= self.now]
        self.ignored = len(entries) - len(self.until_now)
        self.assumptions: list[str] = list(timeline.assumptions)
        if self.ignored:
            self.assumptions.append(f"{self.ignored} event(s) after now were ignored")
        self.condition = request.item_condition
        if request.received_at is not None and _utc(request.received_at) > self.now:
            self.condition = None
            self.assumptions.append(
                "the item is received after now: its condition is not known yet"
            )

    def after(self, parameter: str, start: dt.datetime) -> dt.datetime:
        """``start`` plus a duration parameter, counted in the marketplace's calendar (UTC)."""
        return self.parameters.duration(parameter).after(start, self.marketplace)

    def local(self, when: dt.datetime) -> str:
        """``2026-03-02 10:00 PST``: an instant as the marketplace reads it."""
        return _local(when, self.marketplace)

    def request_ref(self) -> EventRef:
        """Evidence pointing at the request (its index when it is among the events)."""
        index = next((i for i, e in self.timeline.entries() if e == self.request), None)
        if index is not None:
            return self.timeline.ref(index)
        return EventRef(
            type="return_request",
            at=self.request.requested_at,
            summary=f"return request ({self.request.reason.value.replace('_', ' ')})",
        )

    @property
    def is_fba(self) -> bool:
        """Whether Amazon fulfilled the order."""
        return self.order.fulfillment_channel is FulfillmentChannel.AFN


def _at(event: Event) -> dt.datetime:
    when = event_time(event)
    if when is None:  # pragma: no cover - OrderTimeline.build refuses events without a time
        raise InvalidValueError("event without a time")
    return _utc(when)


# --- SP701: the window -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Window:
    """The order's return window (shared with SP502) and where the request falls in it."""

    shared: common.ReturnWindow
    within: bool | None

    @property
    def return_by(self) -> dt.datetime | None:
        """The last instant a return may be requested."""
        return self.shared.return_by


def return_window(facts: _Facts) -> tuple[_Window, _Note | NotJudged | None]:
    """SP701: the window runs from the delivery (else the latest EDD); a request after it is late.

    The holiday extension (bought or shipped in the season) lasts until the end of the local
    return-by day, never less than the normal window. A request exactly at ``return_by`` is
    inside.
    """
    shared = common.return_window(facts.timeline, facts.parameters)
    result = _Window(shared=shared, within=shared.within(facts.requested))
    start, holiday_end = shared.start, shared.holiday_end
    if start is None or shared.return_by is None:
        reason = "no delivery date and no latest estimated delivery date: no window to count"
        return result, NotJudged(Code.SP701, reason)
    if result.within:
        return result, None
    how = f"{shared.window} after the {shared.anchor} ({facts.local(start)})"
    if holiday_end is not None:
        how = (
            f"the later of {how} and the holiday extension until {facts.local(holiday_end)} "
            f"({shared.holiday_why})"
        )
    message = (
        f"requested at {facts.local(facts.requested)}, after the return-by date "
        f"{facts.local(shared.return_by)} ({how})"
    )
    return result, _Note(Code.SP701, message, facts.request_ref())


# --- SP702: inside the window the seller may not refuse ---------------------------------------


def must_accept(facts: _Facts, window: _Window) -> tuple[bool | None, _Note | None]:
    """SP702: a request inside the window is accepted: by Amazon (current US) or the seller.

    Amazon's own judgement, ``request.in_policy``, is taken over the window when given.
    """
    in_policy = facts.request.in_policy
    accept = window.within if in_policy is None else in_policy
    if in_policy is not None and window.within is not None and in_policy != window.within:
        where = "inside" if window.within else "outside"
        facts.assumptions.append(
            f"request.in_policy={in_policy} is taken over the window (the request is {where} it)"
        )
    if not accept:
        return accept, None
    if window.within and window.return_by is not None:
        why = f"requested inside the window (until {facts.local(window.return_by)})"
    else:
        why = "Amazon judged the request inside its return policy (in_policy=True)"
    if facts.parameters.choice("in_window_returns") == "amazon_authorises":
        message = (
            f"{why}: Amazon authorises the return automatically with a prepaid label; the "
            "seller may not refuse it"
        )
    else:
        message = f"{why}: the seller must accept the return, whatever the reason"
    return accept, _Note(Code.SP702, message, facts.request_ref())


# --- SP502: the seller's answer --------------------------------------------------------------


def _answer(facts: _Facts) -> tuple[int, Event] | None:
    """The seller's first answer since the request: a reply, an authorisation or a refund."""
    for index, event in facts.until_now:
        if _at(event) < facts.requested:
            continue
        answered = (
            (
                isinstance(event, Message)
                and event.sender is MessageSender.SELLER
                and event.kind is MessageKind.REPLY
                and not event.automated
            )
            or (isinstance(event, SellerAction) and event.action is ActionKind.RETURN_AUTHORIZATION)
            or isinstance(event, Refund)
        )
        if answered:
            return index, event
    return None


def _reaches_seller(facts: _Facts, window: _Window) -> tuple[bool, str]:
    if facts.parameters.choice("return_response_scope") == "every":
        return True, "every MFN return request reaches the seller"
    if facts.request.in_policy is False:
        return True, "marked outside the return policy (in_policy=False)"
    if facts.request.in_policy is True:
        return False, "inside the return policy (in_policy=True): Amazon authorises it"
    if window.within is None:
        return True, "no window could be counted: assumed to reach the seller"
    if window.within:
        return False, "inside the return window: Amazon authorises it"
    return True, "outside the return window"


def return_request_response(facts: _Facts, window: _Window) -> tuple[dt.datetime | None, str]:
    """SP502 (an obligation, pointed to here): when the seller must answer the request."""
    if facts.policy.severity(Code.SP502) is None:
        return None, "SP502 is off in this policy"
    if facts.is_fba:
        return None, "an FBA order: Amazon handles its returns"
    reaches, why = _reaches_seller(facts, window)
    if not reaches:
        return None, why
    due = facts.after("return_response", facts.requested)
    answer = _answer(facts)
    state = (
        f"answered at {facts.local(_at(answer[1]))}" if answer is not None else "not answered yet"
    )
    return due, (
        f"{why}; due {facts.parameters.duration('return_response')} after the request: {state}"
    )


# --- SP703 and SP704: fees and refunds -------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Fees:
    """The fee rates that apply, before they meet each line."""

    seller_fault: bool
    late_rate: decimal.Decimal
    late_why: str
    condition_rate: decimal.Decimal
    condition_why: str
    categories: frozenset[ProductCategory] | None
    """The categories the condition fee applies to; ``None`` for any."""

    def rate(self, category: ProductCategory | None) -> decimal.Decimal:
        """The largest fee share allowed on a line of ``category``: never the sum of two."""
        if self.seller_fault:
            return _ZERO
        condition = self.condition_rate
        if self.categories is not None and category not in self.categories:
            condition = _ZERO
        return max(self.late_rate, condition)


def _fees(facts: _Facts, window: _Window) -> _Fees:
    parameters = facts.parameters
    reason = facts.request.reason
    late_rate, late_why = _ZERO, ""
    if window.within is False and window.return_by is not None:
        tier_end = facts.after("late_return_period", window.return_by)
        period = parameters.duration("late_return_period")
        if facts.requested <= tier_end:
            late_rate = parameters.percent("late_return_fee")
            late_why = f"requested after the return-by date, within {period} of it"
        else:
            late_rate = parameters.percent("very_late_return_fee")
            late_why = f"requested more than {period} after the return-by date"
        late_why += f": up to {_percent(late_rate)}"
    condition_rate, condition_why = _ZERO, ""
    categories: frozenset[ProductCategory] | None = None
    condition = facts.condition
    if condition is not None and condition in parameters.members("condition_fee_conditions"):
        condition_rate = parameters.percent("condition_fee")
        condition_why = (
            f"returned {condition.value.replace('_', ' ')}: up to {_percent(condition_rate)}"
        )
        if parameters.choice("condition_fee_scope") == "listed_categories":
            categories = frozenset(parameters.members("condition_fee_categories"))
            names = ", ".join(sorted(c.value for c in categories)) or "no category"
            condition_why += f" ({names} only)"
    return _Fees(
        seller_fault=reason in parameters.members("seller_fault_reasons"),
        late_rate=late_rate,
        late_why=late_why,
        condition_rate=condition_rate,
        condition_why=condition_why,
        categories=categories,
    )


def _fee_reason(
    facts: _Facts, window: _Window, fees: _Fees, rates: Sequence[decimal.Decimal]
) -> str:
    if fees.seller_fault:
        return (
            f"the reason {facts.request.reason.value!r} is the seller's fault: no restocking "
            "fee and no shipping deduction"
        )
    parts = [why for why in (fees.condition_why, fees.late_why) if why]
    if len(parts) == 2:  # noqa: PLR2004 - the condition fee and the late fee
        parts.append("both apply: the larger, never the sum")
    if fees.condition_why and not any(rates):
        parts.append("no returned line is in those categories")
    if not parts:
        condition = facts.condition
        state = (
            "no condition known yet (the item is not received or not inspected)"
            if condition is None
            else f"returned {condition.value.replace('_', ' ')}"
        )
        timing = {
            True: "inside the window",
            False: "late, but the policy sets no late fee",
            None: "no window to judge lateness by",
        }[window.within]
        parts.append(f"{state}, {timing}: no fee")
    parts.append("the base is the item price of the returned units, without shipping or tax")
    return "; ".join(parts)


def restocking_fee(
    facts: _Facts,
    window: _Window,
    fees: _Fees,
    total: Money | None,
    rates: Sequence[decimal.Decimal],
) -> tuple[str, _Note | None]:
    """SP703: the largest restocking fee; none for a seller-fault reason."""
    reason = _fee_reason(facts, window, fees, rates)
    if fees.seller_fault:
        return reason, _Note(
            Code.SP703, f"no restocking fee may be kept: {reason}", facts.request_ref()
        )
    if not any(rates):
        return reason, None
    amount = f"up to {_show(total)}" if total is not None else "a fee (amount unknown)"
    return reason, _Note(Code.SP703, f"the seller may keep {amount}: {reason}", facts.request_ref())


def _admin_fee_exact(refunded: decimal.Decimal, units: int, policy: Policy) -> decimal.Decimal:
    """The administration fee on ``refunded`` referral fee for ``units`` units, unrounded."""
    parameters = policy.parameters
    share, cap = parameters.percent("admin_fee_share"), parameters.amount("admin_fee_cap")
    with decimal.localcontext(_MONEY):
        if parameters.choice("admin_fee_basis") == "per_unit":
            return units * min(cap, share * refunded / units)
        return min(cap, share * refunded)


def _admin_basis(policy: Policy) -> str:
    parameters = policy.parameters
    share, cap = parameters.percent("admin_fee_share"), parameters.amount("admin_fee_cap")
    per = "unit" if parameters.choice("admin_fee_basis") == "per_unit" else "line item"
    return f"{_percent(share)} of the referral fee refunded, at most {cap} per {per}"


def refund_administration_fee(
    referral_fee: Money,
    *,
    category: ProductCategory | str | None = None,
    units: int = 1,
    full_refund: bool = True,
    policy: Policy | None = None,
) -> Money:
    """What Amazon keeps of the referral fee it refunds on one line item (SP704).

    Current: the lesser of ``admin_fee_cap`` (5 units of the currency) and ``admin_fee_share``
    (20 %) of the referral fee refunded, per line item. Seed: the same per unit. A full refund
    of books, music, video or DVD carries none.

    Args:
        referral_fee: The referral fee refunded on the line's ``units`` returned units, in the
            marketplace's currency (the cap is in it).
        category: The product's category.
        units: How many units the refund covers (the seed caps each unit).
        full_refund: Whether the line is refunded in full (every unit, nothing kept).
        policy: The policy; `Policy.current` by default.

    Returns:
        The fee, rounded half-up to the currency's minor unit.

    Raises:
        InvalidTypeError: An argument has the wrong type; ``field`` names it.
        InvalidValueError: ``referral_fee`` is negative, ``units`` below 1, or ``category``
            unknown.
    """
    if not isinstance(referral_fee, Money):
        msg = f"referral_fee must be Money, got {referral_fee!r}"
        raise InvalidTypeError(msg, field="referral_fee", value=referral_fee)
    if referral_fee.amount < 0:
        msg = f"referral_fee must not be negative, got {referral_fee!r}"
        raise InvalidValueError(msg, field="referral_fee", value=referral_fee)
    checked_category = (
        None if category is None else _checks.enum_member(ProductCategory, category, "category")
    )
    _checks.integer(units, "units", minimum=1, maximum=10**9)
    if not isinstance(full_refund, bool):
        msg = f"full_refund must be a bool, got {full_refund!r}"
        raise InvalidTypeError(msg, field="full_refund", value=full_refund)
    checked = resolve_policy(policy)
    exempt = checked.parameters.members("admin_fee_exempt_categories")
    if full_refund and checked_category in exempt:
        return _round(_ZERO, referral_fee.currency)
    return _round(_admin_fee_exact(referral_fee.amount, units, checked), referral_fee.currency)


@attrs.frozen(kw_only=True)
class _Returned:
    """An order line and how many of its units come back."""

    index: int
    item: OrderItem
    units: int


def _money_lines(
    facts: _Facts, returned: Sequence[_Returned], fees: _Fees
) -> tuple[list[ReturnedLine], list[NotJudged], list[str]]:
    """Each returned line with its fee, refund, referral fee refunded and administration fee."""
    parameters = facts.parameters
    exempt = parameters.members("admin_fee_exempt_categories")
    currency = facts.marketplace.currency
    lines: list[ReturnedLine] = []
    not_judged: list[NotJudged] = []
    admin_notes: list[str] = []
    for part in returned:
        item, field = part.item, f"order.items[{part.index}]"
        rate = fees.rate(item.category)
        line = ReturnedLine(
            asin=item.asin,
            sku=item.sku,
            category=item.category,
            units=part.units,
            quantity=item.quantity,
            fee_rate=rate,
        )
        if item.price is None:
            not_judged.append(NotJudged(Code.SP703, f"{field}.price is not given"))
            lines.append(line)
            continue
        with decimal.localcontext(_MONEY):
            base = item.price.amount * part.units / item.quantity
            fee = base * rate
        price, fee_money = _round(base, item.price.currency), _round(fee, item.price.currency)
        line = attrs.evolve(
            line,
            price=price,
            fee=fee_money,
            refund=Money(price.amount - fee_money.amount, price.currency),
        )
        referral = item.referral_fee
        if referral is not None and referral.amount < 0:
            msg = f"{field}.referral_fee must not be negative, got {referral.amount}"
            raise InvalidValueError(msg, field=f"{field}.referral_fee", value=referral)
        if referral is None:
            not_judged.append(NotJudged(Code.SP704, f"{field}.referral_fee is not given"))
        elif referral.currency != item.price.currency:
            msg = (
                f"{field}.referral_fee is in {referral.currency}, its price in "
                f"{item.price.currency}; give both in one currency"
            )
            raise InvalidValueError(msg, field=f"{field}.referral_fee", value=referral)
        elif referral.currency != currency:
            not_judged.append(
                NotJudged(
                    Code.SP704,
                    f"{field} is in {referral.currency}, but the administration fee cap is in "
                    f"the marketplace's currency {currency}",
                )
            )
        else:
            with decimal.localcontext(_MONEY):
                refunded = referral.amount * part.units / item.quantity * (1 - rate)
            full = rate == 0 and part.units == item.quantity
            if full and item.category in exempt:
                admin = _ZERO
                admin_notes.append(
                    f"{item.sku or item.asin}: a full refund of {item.category}: no fee"
                )
            else:
                admin = _admin_fee_exact(refunded, part.units, facts.policy)
            line = attrs.evolve(
                line,
                referral_fee_refunded=_round(refunded, currency),
                admin_fee=_round(admin, currency),
            )
        lines.append(line)
    return lines, not_judged, admin_notes


def _total(amounts: Sequence[Money | None]) -> Money | None:
    """The sum of the lines' amounts (one currency: `_check_prices`); None if one is unknown."""
    known = [a for a in amounts if a is not None]
    if not known or len(known) < len(amounts):
        return None
    return Money(sum((a.amount for a in known), _ZERO), known[0].currency)


def _check_prices(returned: Sequence[_Returned]) -> None:
    """Every returned line's price is not negative and in one currency."""
    currency = None
    for part in returned:
        price, field = part.item.price, f"order.items[{part.index}].price"
        if price is None:
            continue
        if price.amount < 0:
            msg = f"{field} must not be negative, got {price.amount}"
            raise InvalidValueError(msg, field=field, value=price)
        if currency is not None and price.currency != currency:
            msg = f"{field} is in {price.currency}, another returned line in {currency}"
            raise InvalidValueError(msg, field=field, value=price)
        currency = price.currency


def referral_fee_refund(
    facts: _Facts, admin_fee: Money | None, notes: Sequence[str]
) -> tuple[str, _Note | None]:
    """SP704: what Amazon keeps of the referral fee it refunds."""
    reason = "; ".join([_admin_basis(facts.policy), *notes])
    if admin_fee is None or not admin_fee.amount:
        return reason, None
    message = f"Amazon keeps {_show(admin_fee)} of the referral fee it refunds: {reason}"
    return reason, _Note(Code.SP704, message, facts.request_ref())


# --- SP705: instructions for a materially different item -------------------------------------


def claim_if_ignored(facts: _Facts, response_due: dt.datetime | None) -> _Note | None:
    """SP705: without return instructions for a materially different item, an A-to-z claim."""
    reasons = facts.parameters.members("materially_different_reasons")
    if facts.is_fba or facts.request.reason not in reasons or _answer(facts) is not None:
        return None
    due = f"; answer by {facts.local(response_due)}" if response_due is not None else ""
    message = (
        f"the buyer says the item is {facts.request.reason.value.replace('_', ' ')} and has no "
        "return instructions yet (no seller reply, authorisation or refund since the request): "
        f"the buyer may file an A-to-z claim{due}"
    )
    return _Note(Code.SP705, message, facts.request_ref())


# --- SP511: SAFE-T ---------------------------------------------------------------------------


def safe_t_claim_window(facts: _Facts) -> tuple[dt.datetime | None, _Note | None]:
    """SP511 (an obligation, pointed to here): Amazon refunded a return the buyer damaged."""
    if facts.policy.severity(Code.SP511) is None:
        return None, None
    condition = facts.condition
    if condition is None or condition not in facts.parameters.members("safe_t_conditions"):
        return None, None
    refund = next(
        (
            (i, e)
            for i, e in facts.until_now
            if isinstance(e, Refund) and e.by is Party.AMAZON and _at(e) >= facts.requested
        ),
        None,
    )
    if refund is None:
        return None, None
    index, event = refund
    deadline = facts.after("safe_t_window", _at(event))
    message = (
        f"Amazon refunded a return received {condition.value.replace('_', ' ')}: the seller may "
        f"file a SAFE-T claim until {facts.local(deadline)} "
        f"({facts.parameters.duration('safe_t_window')} after the refund)"
    )
    return deadline, _Note(Code.SP511, message, facts.timeline.ref(index), "events", Severity.INFO)


# --- SP706, SP707: FBA -----------------------------------------------------------------------


def fba_returns(facts: _Facts) -> tuple[dt.datetime | None, _Note | None]:
    """SP706: Amazon handles FBA returns; (current) an item not back in 45 days is charged."""
    if not facts.is_fba:
        return None, None
    message = (
        "an FBA order: Amazon handles the return; unsellable units go to unfulfillable inventory"
    )
    charge_at = None
    if facts.parameters.choice("fba_unreturned") == "charge_buyer":
        charge_at = facts.after("fba_return_window", facts.requested)
        window = facts.parameters.duration("fba_return_window")
        received = facts.request.received_at
        if received is not None and _utc(received) <= facts.now:
            state = f"received at {facts.local(_utc(received))}"
        elif facts.now > charge_at:
            state = "not received by then: the buyer is charged"
        else:
            state = "not received yet"
        message += (
            f"; the buyer is charged if the item is not back by {facts.local(charge_at)} "
            f"({window} after the request): {state}"
        )
    return charge_at, _Note(Code.SP706, message, facts.request_ref())


def _band_fee(rows: Sequence[FeeBand], weight: decimal.Decimal | None) -> decimal.Decimal:
    if weight is None:
        if len(rows) == 1 and rows[0].up_to is None and not rows[0].per_lb_above:
            return rows[0].fee
        msg = "weight_lb is needed: the fee table is by unit weight"
        raise InvalidValueError(msg, field="weight_lb", value=None)
    previous = _ZERO
    for row in rows:
        if row.up_to is None:
            excess = max(_ZERO, weight - previous).to_integral_value(decimal.ROUND_CEILING)
            with decimal.localcontext(_MONEY):
                return row.fee + row.per_lb_above * excess
        if weight <= row.up_to:
            return row.fee
        previous = row.up_to
    msg = f"weight_lb {weight} is above the heaviest row of the fee table ({previous} lb)"
    raise InvalidValueError(msg, field="weight_lb", value=weight)


def fba_fee(
    service: FbaService | str,
    *,
    size_tier: SizeTier | str = SizeTier.STANDARD,
    weight_lb: decimal.Decimal | int | str | None = None,
    units: int = 1,
    currency: str = "USD",
    policy: Policy | None = None,
) -> Money:
    """The FBA fee to remove (return to the seller) or dispose of ``units`` units (SP707).

    The fee per unit comes from the policy's table for the size tier: the row whose weight
    covers the unit, the last row plus ``per_lb_above`` per started pound above the previous
    row. Seed: a flat fee per unit ($0.50 / $0.60 removal, $0.15 / $0.30 disposal).

    Args:
        service: ``removal`` or ``disposal``.
        size_tier: ``standard`` or ``oversize``.
        weight_lb: The unit's weight in pounds; needed when the table is by weight.
        units: How many units.
        currency: The currency the table's amounts are in (the marketplace's).
        policy: The policy; `Policy.current` by default.

    Returns:
        The fee for all the units, rounded half-up to the currency's minor unit.

    Raises:
        InvalidTypeError: An argument has the wrong type; ``field`` names it.
        InvalidValueError: An unknown service or tier, a negative weight or count, a missing
            weight for a table by weight, or a bad currency code.
    """
    checked_service = _checks.enum_member(FbaService, service, "service")
    tier = _checks.enum_member(SizeTier, size_tier, "size_tier")
    weight = None if weight_lb is None else _checked_weight(weight_lb, "weight_lb")
    _checks.integer(units, "units", minimum=0, maximum=10**9)
    _checks.text(currency, "currency")
    if not _CURRENCY.fullmatch(currency):
        msg = f"currency must be an ISO 4217 code like 'USD', got {currency!r}"
        raise InvalidValueError(msg, field="currency", value=currency)
    checked = resolve_policy(policy)
    rows = checked.parameters.fee_table(_FEE_TABLES[checked_service]).rows(tier.value)
    per_unit = _band_fee(rows, weight)
    with decimal.localcontext(_MONEY):
        return _round(per_unit * units, currency)


def fba_removal_fees(
    facts: _Facts, fba_unit: FbaUnit | None, units: int
) -> tuple[Money | None, Money | None, _Note | None]:
    """SP707: what removing or disposing of the returned units costs, from the fee table."""
    if not facts.is_fba:
        return None, None, None
    currency = facts.marketplace.currency
    table = facts.parameters.fee_table("fba_removal_fees")
    disposal_table = facts.parameters.fee_table("fba_disposal_fees")
    if fba_unit is None:
        message = (
            f"unsellable units may be returned to the seller ({table}) or disposed of "
            f"({disposal_table}), per unit in {currency}; pass fba_unit for the amounts"
        )
        return None, None, _Note(Code.SP707, message, facts.request_ref())
    try:
        removal, disposal = (
            fba_fee(
                service,
                size_tier=fba_unit.size_tier,
                weight_lb=fba_unit.weight_lb,
                units=units,
                currency=currency,
                policy=facts.policy,
            )
            for service in (FbaService.REMOVAL, FbaService.DISPOSAL)
        )
    except InvalidValueError as exc:
        # the caller passed an FbaUnit: name its field, not fba_fee's argument
        field = f"fba_unit.{exc.field}"
        raise InvalidValueError(f"{field}: {exc}", field=field, value=exc.value) from None
    weight = f", {fba_unit.weight_lb} lb" if fba_unit.weight_lb is not None else ""
    message = (
        f"{units} {fba_unit.size_tier}{weight} unit(s): returning them to the seller costs "
        f"{_show(removal)}, disposing of them {_show(disposal)}"
    )
    return removal, disposal, _Note(Code.SP707, message, facts.request_ref())


# --- SP708: grading --------------------------------------------------------------------------


def grading_summary(units: Iterable[GradedUnit]) -> tuple[SkuRecovery, ...]:
    """Per SKU: how many returned units were written off, and how much of their price came back.

    Rates are exact `Decimal` quotients (28 significant digits when they do not terminate);
    money sums are rounded half-up to the currency's minor unit. SKUs come in sorted order.

    Raises:
        InvalidTypeError: ``units`` is not a sequence of `GradedUnit`; ``field`` names the item.
        InvalidValueError: The units of one SKU are priced in different currencies.
    """
    checked: tuple[GradedUnit, ...] = _checks.sequence_of(units, GradedUnit, "units")
    by_sku: dict[str, list[tuple[int, GradedUnit]]] = {}
    for i, unit in enumerate(checked):
        by_sku.setdefault(unit.sku, []).append((i, unit))
    return tuple(_recovery(sku, by_sku[sku]) for sku in sorted(by_sku))


def _recovery(sku: str, units: Sequence[tuple[int, GradedUnit]]) -> SkuRecovery:
    currency = units[0][1].original_price.currency
    for i, unit in units:
        if unit.original_price.currency != currency:
            field = f"units[{i}].original_price"
            msg = (
                f"{field} is in {unit.original_price.currency}, but SKU {sku!r} is priced in "
                f"{currency} elsewhere; grade one SKU in one currency"
            )
            raise InvalidValueError(msg, field=field, value=unit.original_price)
    grades = Counter(unit.grade for _, unit in units)
    valued = [
        (unit.original_price.amount, unit.resale_value.amount if unit.resale_value else _ZERO)
        for _, unit in units
        if unit.resale_value is not None or unit.grade is Grade.NOT_RESELLABLE
    ]
    with decimal.localcontext(_MONEY):
        original = sum((unit.original_price.amount for _, unit in units), _ZERO)
        valued_original = sum((o for o, _ in valued), _ZERO)
        resale = sum((r for _, r in valued), _ZERO)
    with decimal.localcontext(_RATE):
        write_off_rate = decimal.Decimal(grades[Grade.NOT_RESELLABLE]) / len(units)
        recovery = resale / valued_original if valued and valued_original else None
    return SkuRecovery(
        sku=sku,
        units=len(units),
        by_grade=(
            grades[Grade.RESELLABLE_AS_NEW],
            grades[Grade.NEW_AFTER_REWORK],
            grades[Grade.RESELLABLE_AS_USED],
            grades[Grade.NOT_RESELLABLE],
        ),
        written_off=grades[Grade.NOT_RESELLABLE],
        write_off_rate=write_off_rate,
        original_value=_round(original, currency),
        valued_units=len(valued),
        resale_value=_round(resale, currency),
        recovery_rate=recovery,
    )


# --- the decision ----------------------------------------------------------------------------


def _checked_request(request: object, order: Order, now: dt.datetime) -> ReturnRequest:
    if not isinstance(request, ReturnRequest):
        msg = f"request must be a ReturnRequest, got {request!r}"
        raise InvalidTypeError(msg, field="request", value=request)
    check_order_times(
        "request",
        request.order_id,
        at_name="requested_at",
        at=request.requested_at,
        order=order,
        now=now,
        what="the request",
    )
    return request


def _returned(request: ReturnRequest, order: Order) -> list[_Returned]:
    """The lines returned: one unit per entry of ``request.items`` (a SKU, else an ASIN)."""
    if not request.items:
        whole = [
            _Returned(index=i, item=item, units=item.quantity)
            for i, item in enumerate(order.items)
            if item.quantity > 0
        ]
        if not whole:
            msg = (
                f"request.items is empty (the whole order), but order {order.order_id} has no units"
            )
            raise InvalidValueError(msg, field="request.items", value=request.items)
        return whole
    remaining = [item.quantity for item in order.items]
    counts = [0] * len(order.items)
    for n, key in enumerate(request.items):
        field = f"request.items[{n}]"
        lines = [i for i, item in enumerate(order.items) if item.sku == key] or [
            i for i, item in enumerate(order.items) if item.asin == key
        ]
        if not lines:
            known = ", ".join(
                sorted({item.asin for item in order.items} | {i.sku for i in order.items if i.sku})
            )
            msg = (
                f"{field} is {key!r}, neither an ASIN nor a SKU of order {order.order_id} "
                f"(its items: {known or 'none'})"
            )
            raise InvalidValueError(msg, field=field, value=key)
        free = next((i for i in lines if remaining[i] > 0), None)
        if free is None:
            ordered = sum(order.items[i].quantity for i in lines)
            msg = (
                f"{field}: {key!r} is listed more often than the order has units of it "
                f"({ordered}); each entry of request.items is one unit"
            )
            raise InvalidValueError(msg, field=field, value=key)
        remaining[free] -= 1
        counts[free] += 1
    return [_Returned(index=i, item=order.items[i], units=c) for i, c in enumerate(counts) if c]


def assess_return(
    request: ReturnRequest,
    order: Order,
    *,
    events: Iterable[Event] = (),
    now: dt.datetime,
    policy: Policy | None = None,
    fba_unit: FbaUnit | None = None,
) -> ReturnDecision:
    """What a return request means for the seller, as of ``now``.

    The window (SP701) runs from the delivery, else the latest estimated delivery date; an
    order bought or shipped in the holiday season is returnable until the season's return-by
    date (end of the local day) when that is later. Inside it the seller may not refuse
    (SP702). The restocking fee (SP703) is at most a share of the item price of the returned
    units: none for a seller-fault reason; the condition fee for an item returned damaged,
    incomplete, used or opened; the late fee after the window; the larger when both apply.
    Amazon keeps part of the referral fee it refunds (SP704). The decision also says when the
    seller must answer (SP502), until when a SAFE-T claim can be filed (SP511), and what an FBA
    return means (SP706, SP707). Money is rounded half-up to the currency's minor unit, once
    per line item; totals are the sums of the lines.

    Args:
        request: The return request. Its ``items`` name one returned unit per entry, by SKU or
            ASIN (list an ASIN twice for two units); empty means every unit of the order.
        order: The order; each line's ``price`` is the line's price (all its units), its
            ``referral_fee`` the referral fee Amazon charged on the line.
        events: The order's timeline events (the seller's replies, refunds, authorisations).
        now: The moment to decide for (timezone-aware); the clock is never read.
        policy: The policy; `Policy.current` by default.
        fba_unit: FBA orders: the size tier and weight of each returned unit, to price its
            removal or disposal.

    Returns:
        The decision, with the dates and amounts it relied on and a finding per rule that
        applies.

    Raises:
        InvalidTypeError: An argument has the wrong type; ``field`` names it.
        InvalidValueError: ``now`` is naive; the request is of another order
            (``request.order_id``), before the purchase or after ``now``
            (``request.requested_at``), or names an item the order lacks or more units than
            it has (``request.items[2]``); an event is invalid (``events[3].order_id``); the
            returned lines are priced in different currencies or below 0
            (``order.items[1].price``); the current fee table needs ``fba_unit.weight_lb``.
    """
    _checks.aware_datetime(now, "now")
    checked_policy = resolve_policy(policy)
    timeline = OrderTimeline.build(order, events)
    checked_request = _checked_request(request, order, now)
    if fba_unit is not None and not isinstance(fba_unit, FbaUnit):
        msg = f"fba_unit must be an FbaUnit or None, got {fba_unit!r}"
        raise InvalidTypeError(msg, field="fba_unit", value=fba_unit)
    returned = _returned(checked_request, order)
    _check_prices(returned)
    facts = _Facts(timeline, checked_request, now=now, policy=checked_policy)
    facts.assumptions.append(
        "request.items: one returned unit per entry"
        if checked_request.items
        else "request.items is empty: every unit of the order is returned"
    )
    return _decide(facts, returned, fba_unit)


def _decide(
    facts: _Facts, returned: Sequence[_Returned], fba_unit: FbaUnit | None
) -> ReturnDecision:
    notes: list[_Note] = []
    not_judged: list[NotJudged] = []

    def add(note: _Note | NotJudged | None) -> None:
        if isinstance(note, NotJudged):
            not_judged.append(note)
        elif note is not None:
            notes.append(note)

    window, window_note = return_window(facts)
    add(window_note)
    accept, accept_note = must_accept(facts, window)
    add(accept_note)
    response_due, response_note = return_request_response(facts, window)
    if response_due is not None:
        message = (
            f"the seller must answer the request by {facts.local(response_due)}: {response_note}"
        )
        add(_Note(Code.SP502, message, facts.request_ref(), severity=Severity.INFO))

    fees = _fees(facts, window)
    lines, money_not_judged, admin_notes = _money_lines(facts, returned, fees)
    not_judged += money_not_judged
    max_fee = _total([line.fee for line in lines])
    rates = [line.fee_rate for line in lines]
    fee_reason, fee_note = restocking_fee(facts, window, fees, max_fee, rates)
    add(fee_note)
    admin_fee = _total([line.admin_fee for line in lines])
    admin_reason, admin_note = referral_fee_refund(facts, admin_fee, admin_notes)
    add(admin_note)
    add(claim_if_ignored(facts, response_due))
    safe_t, safe_t_note = safe_t_claim_window(facts)
    add(safe_t_note)
    charge_at, fba_note = fba_returns(facts)
    add(fba_note)
    removal, disposal, removal_note = fba_removal_fees(
        facts, fba_unit, sum(part.units for part in returned)
    )
    add(removal_note)

    return ReturnDecision(
        order_id=facts.order.order_id,
        marketplace_id=facts.order.marketplace_id,
        request=facts.request,
        lines=tuple(lines),
        window_start=window.shared.start,
        window_anchor=window.shared.anchor,
        holiday_return_by=window.shared.holiday_end,
        return_by=window.return_by,
        within_window=window.within,
        must_accept=accept,
        response_due=response_due,
        response_note=response_note,
        max_restocking_fee=max_fee,
        restocking_fee_reason=fee_reason,
        refund_amount=_total([line.refund for line in lines]),
        referral_fee_refunded=_total([line.referral_fee_refunded for line in lines]),
        refund_admin_fee=admin_fee,
        admin_fee_reason=admin_reason,
        safe_t_deadline=safe_t,
        fba_charge_buyer_at=charge_at,
        fba_removal_fee=removal,
        fba_disposal_fee=disposal,
        assumptions=facts.assumptions,
        findings=tuple(f for n in notes if (f := note_finding(n, facts.policy)) is not None),
        edition=facts.policy.edition,
        as_of=facts.now,
        not_judged=tuple(not_judged),
    )


# --- documented examples ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Example:
    """A rule's documented example as typed input.

    Attributes:
        order: The order (a placeholder for SP708).
        request: The return request.
        events: The order's timeline events.
        now: The moment to decide for.
        policy: The built-in edition the example runs under.
        fba_unit: The returned FBA units' size and weight, if given.
        units: SP708: the graded units.
    """

    order: Order | None
    request: ReturnRequest | None
    events: tuple[Event, ...] = ()
    now: dt.datetime | None
    policy: Policy
    fba_unit: FbaUnit | None = None
    units: tuple[GradedUnit, ...] = ()


def example_inputs(data: Mapping[str, Any]) -> Example:
    """Build an example from a docs table.

    The table has ``now``, ``order``, ``request`` and optionally ``events``, ``fba_unit`` and
    ``edition``; SP708's has ``units`` (graded units) instead. Events and the request take the
    order's id when they do not name one.
    """
    conv = converter()
    policy = Policy.for_edition(data.get("edition", "current"))
    if "units" in data:
        units = tuple(conv.structure(raw, GradedUnit) for raw in data["units"])
        return Example(order=None, request=None, now=None, policy=policy, units=units)
    order = conv.structure(dict(data["order"]), Order)

    def own(raw: Mapping[str, Any]) -> dict[str, Any]:
        return {"order_id": order.order_id, **raw}

    events: tuple[Event, ...] = tuple(
        conv.structure(own(raw), Event)  # type: ignore[arg-type]  # a union, hooked in _converter
        for raw in data.get("events", ())
    )
    return Example(
        order=order,
        request=conv.structure(own(data["request"]), ReturnRequest),
        events=events,
        now=conv.structure(data["now"], dt.datetime),
        policy=policy,
        fba_unit=conv.structure(data["fba_unit"], FbaUnit) if "fba_unit" in data else None,
    )


def example(code: Code | str, which: Literal["bad", "good"]) -> Example:
    """A returns rule's documented ``bad`` or ``good`` example."""
    doc = family_docs(_DOCS_FILE)[Code(code)]
    return example_inputs(doc.bad_example if which == "bad" else doc.good_example)


def example_decision(code: Code | str, which: Literal["bad", "good"]) -> ReturnDecision:
    """The decision on a returns rule's documented example (SP701-SP707)."""
    case = example(code, which)
    if case.order is None or case.request is None or case.now is None:
        msg = f"{code}'s example is graded units: use grading_summary(example(...).units)"
        raise InvalidValueError(msg, field="code", value=code)
    return assess_return(
        case.request,
        case.order,
        events=case.events,
        now=case.now,
        policy=case.policy,
        fba_unit=case.fba_unit,
    )


def flags(code: Code, which: Literal["bad", "good"]) -> bool:
    """Whether ``code`` flags its documented example.

    SP701-SP707: the decision on the example has a finding of ``code``. SP708: a SKU of the
    example's graded units has units written off.
    """
    if Code(code) is Code.SP708:
        return any(s.written_off for s in grading_summary(example(code, which).units))
    return Code(code) in example_decision(code, which).codes


for _cls in (FbaUnit, GradedUnit, SkuRecovery, ReturnedLine, ReturnDecision):
    resolve(_cls)
