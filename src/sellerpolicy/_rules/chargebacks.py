"""Chargebacks and cancellations (SP8xx): who is liable, by when, what raises the risk."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, Literal

import attrs

from sellerpolicy import _checks
from sellerpolicy._api import check_message
from sellerpolicy._codes import Code, Severity
from sellerpolicy._converter import resolve
from sellerpolicy._decisions import EventRef, NotJudged, Report
from sellerpolicy._events import (
    ActionKind,
    Cancellation,
    Event,
    OrderProblem,
    Party,
    ProblemKind,
    Refund,
    SellerAction,
    event_time,
)
from sellerpolicy._model import (
    Claim,
    ClaimKind,
    ClaimReason,
    ClaimStatus,
    FulfillmentChannel,
    Message,
    MessageSender,
    Order,
)
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._rules.claims import Example, example_inputs
from sellerpolicy._rules.common import check_claim_times, note_finding
from sellerpolicy._rules.data import family_docs
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.exceptions import InputTooLargeError, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sellerpolicy._marketplaces import Marketplace

__all__ = [
    "CancellationAdvice",
    "ChargebackDecision",
    "Liability",
    "cancellation_advice",
    "chargeback",
    "example",
    "example_decision",
    "flags",
]

_DOCS_FILE = "chargebacks.toml"

_PAYMENT_FRAUD = frozenset({ClaimReason.UNAUTHORIZED})
"""Chargeback reasons Amazon answers for (payment fraud); every other reason is a service one."""

_RECORDS = ("ship date", "shipping method", "tracking number")
"""The shipping records a chargeback needs (SP513)."""

_UNFULFILLABLE = frozenset({ProblemKind.OUT_OF_STOCK})
"""Order problems that leave the seller unable to ship, so the order must be cancelled."""


class Liability(enum.StrEnum):
    """Who pays for a chargeback the bank decides for the buyer (SP801)."""

    SELLER = "seller"
    """A service chargeback (item not received, not as described, ...), or any chargeback on
    an order shipped to an address Amazon did not give."""
    AMAZON = "amazon"
    """Payment fraud (``unauthorized``): Amazon answers for it."""


def _liability(value: object) -> Liability:
    return _checks.enum_member(Liability, value, "liable")


def _codes(values: Iterable[Code | str]) -> tuple[Code, ...]:
    return tuple(sorted({Code(v) for v in values}))


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _aware(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _checks.aware_datetime(value, attribute.name)


def _optional_aware(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _checks.aware_datetime(value, attribute.name)


@attrs.frozen(kw_only=True)
class ChargebackDecision(Report):
    """Who is liable for a chargeback, by when to answer it, and what weakens the seller's case.

    Attributes:
        order_id: The order.
        claim: The chargeback.
        liable: Who pays if the bank decides for the buyer (SP801, SP802).
        response_due: When the seller must answer (refund or representation), in UTC:
            ``filed_at`` + 7 days whoever is liable (SP506).
        outcome_by: When the final outcome may come at the latest (SP804), in UTC.
        risk_factors: What weakens the seller's case (SP802 changed address, SP803 no tracking
            or no signature on a high-value order).
        records_until: Until when the seller must keep the shipping records (SP513: purchase + 6
            months), in UTC; ``None`` for an order Amazon fulfilled.
        records_required: The records the seller must still keep as of ``now`` (``ship date``,
            ``shipping method``, ``tracking number``); empty after ``records_until``.
        records_missing: Shipping records the order lacks (``ship date``, ``shipping method``,
            ``tracking number``).
        assumptions: What the decision assumed (events sorted, events after ``now`` ignored).
    """

    order_id: str
    claim: Claim
    liable: Liability = attrs.field(converter=_liability)
    response_due: dt.datetime = attrs.field(validator=_aware)
    outcome_by: dt.datetime = attrs.field(validator=_aware)
    risk_factors: tuple[Code, ...] = attrs.field(default=(), converter=_codes)
    records_until: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    records_required: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    records_missing: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    assumptions: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    def _headline(self) -> str:
        reason = self.claim.reason.value.replace("_", " ")
        return (
            f"{self.liable.value} liable: chargeback ({reason}) on order {self.order_id}, "
            f"answer by {self.response_due.isoformat()} ({self.edition} policy)"
        )

    def _details(self) -> list[str]:
        lines = [f"  outcome by: {self.outcome_by.isoformat()}"]
        if self.risk_factors:
            lines.append(f"  risk factors: {', '.join(self.risk_factors)}")
        if self.records_until is not None:
            missing = ", ".join(self.records_missing) or "none missing"
            lines.append(f"  keep records until {self.records_until.isoformat()} ({missing})")
        lines += super()._details()
        lines += [f"  assumed: {a}" for a in self.assumptions]
        return lines


@attrs.frozen(kw_only=True)
class CancellationAdvice(Report):
    """Whether the seller must cancel an order it cannot fulfil, and whether it asked the buyer to.

    Attributes:
        order_id: The order.
        seller_must_cancel: The seller cannot fulfil (out of stock) and the order is not
            cancelled yet: the seller cancels it (SP805, current edition).
        problem: The problem that leaves the seller unable to ship, if any.
        cancelled: The cancellation after that problem, if any.
        assumptions: What the decision assumed.
    """

    order_id: str
    seller_must_cancel: bool
    problem: EventRef | None = None
    cancelled: EventRef | None = None
    assumptions: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    def _headline(self) -> str:
        if self.seller_must_cancel:
            answer = "cancel the order yourself"
        elif self.problem is not None:
            answer = "the unfulfillable order was cancelled"
        else:
            answer = "nothing to cancel"
        head = "ok" if self.ok else "not ok"
        return f"{head}: {answer}: order {self.order_id} ({self.edition} policy)"

    def _details(self) -> list[str]:
        return [*super()._details(), *(f"  assumed: {a}" for a in self.assumptions)]


# --- the facts every rule reads --------------------------------------------------------------


@attrs.frozen
class _Note:
    """A finding before its name and source are attached."""

    code: Code
    message: str
    event: EventRef | None = None
    field: str = "events"
    severity: Severity | None = None
    """A fixed severity (advice); ``None`` takes the policy's."""


def _utc(when: dt.datetime) -> dt.datetime:
    return when.astimezone(dt.UTC)


def _at(event: Event) -> dt.datetime:
    when = event_time(event)
    if when is None:  # pragma: no cover - OrderTimeline.build refuses events without a time
        raise InvalidValueError("event without a time")
    return _utc(when)


class _Facts:
    """The order's timeline as known at ``now``, with the policy's parameters."""

    def __init__(
        self, timeline: OrderTimeline, *, now: dt.datetime, claim: Claim | None, policy: Policy
    ) -> None:
        self.timeline = timeline
        self.order = timeline.order
        self.marketplace: Marketplace = timeline.marketplace
        self.policy = policy
        self.parameters = policy.parameters
        self.claim = claim
        self.now = _utc(now)
        entries = list(timeline.entries())
        self.known = [(i, e) for i, e in entries if _at(e) <= self.now]
        self.ignored = len(entries) - len(self.known)
        self.seller_ships = self.order.fulfillment_channel is FulfillmentChannel.MFN

    def after(self, parameter: str, start: dt.datetime) -> dt.datetime:
        """``start`` plus a duration parameter, counted in the marketplace's calendar."""
        return self.parameters.duration(parameter).after(start, self.marketplace)

    def local(self, when: dt.datetime) -> str:
        """``2026-03-02 10:00 PST``: an instant as the marketplace reads it."""
        return when.astimezone(self.marketplace.tz).strftime("%Y-%m-%d %H:%M %Z")

    def claim_ref(self, claim: Claim) -> EventRef:
        """Evidence pointing at the chargeback."""
        index = next((i for i, e in self.timeline.entries() if e == claim), None)
        reason = claim.reason.value.replace("_", " ")
        return EventRef(
            type="claim", at=claim.filed_at, index=index, summary=f"chargeback ({reason})"
        )

    def assumptions(self) -> list[str]:
        """The timeline's assumptions, and the events ignored as later than ``now``."""
        found = list(self.timeline.assumptions)
        if self.ignored:
            found.append(f"{self.ignored} event(s) after now were ignored")
        return found


# --- SP801-SP804 -------------------------------------------------------------------------------


def changed_shipping_address(facts: _Facts) -> list[_Note]:
    """SP802: a package went to an address other than the one Amazon gave."""
    notes = []
    for i, shipment in enumerate(facts.order.shipments):
        if shipment.address_changed and facts.seller_ships:
            message = (
                f"shipments[{i}] went to an address other than the one Amazon gave: the seller "
                "is liable for any chargeback on the order, payment fraud included"
            )
            at = shipment.shipped_at or facts.order.purchased_at
            ref = facts.timeline.order_ref(f"shipments[{i}] to a changed address", at)
            notes.append(_Note(Code.SP802, message, ref, f"order.shipments[{i}]"))
    return notes


def chargeback_liability(
    facts: _Facts, claim: Claim, *, address_changed: bool
) -> tuple[Liability, _Note | None]:
    """SP801: the seller answers for service chargebacks, Amazon for payment fraud."""
    reason = claim.reason.value.replace("_", " ")
    if claim.reason in _PAYMENT_FRAUD and not address_changed:
        return Liability.AMAZON, None
    if claim.reason in _PAYMENT_FRAUD:
        why = "payment fraud, but the order went to an address Amazon did not give (SP802)"
    else:
        why = f"a service chargeback ({reason})"
    message = f"the seller is liable: {why}"
    return Liability.SELLER, _Note(Code.SP801, message, facts.claim_ref(claim), "claim")


def tracking_and_signature(facts: _Facts) -> tuple[list[_Note], list[NotJudged]]:
    """SP803: every package needs tracking; a high-value order needs signature confirmation."""
    if not facts.seller_ships:
        return [], []
    notes: list[_Note] = []
    shipments = facts.order.shipments
    purchase = facts.timeline.order_ref("order date", facts.order.purchased_at)
    if not shipments:
        message = "no shipment is recorded: the seller cannot show tracking"
        notes.append(_Note(Code.SP803, message, purchase, "order.shipments"))
    for i, shipment in enumerate(shipments):
        if not shipment.tracking_number:
            message = f"shipments[{i}] has no tracking number"
            notes.append(_Note(Code.SP803, message, purchase, f"order.shipments[{i}]"))
    threshold = facts.parameters.amount("high_value_threshold")
    currency = facts.marketplace.currency
    total = facts.order.total
    if total is None:
        reason = "the order total is unknown, so whether it needs a signature cannot be judged"
        return notes, [NotJudged(Code.SP803, reason)]
    if total.currency != currency:
        reason = (
            f"the order total is in {total.currency}, but the high-value threshold "
            f"({threshold} {currency}) is in the marketplace's currency"
        )
        return notes, [NotJudged(Code.SP803, reason)]
    if total.amount < threshold:
        return notes, []
    unsigned = [i for i, s in enumerate(shipments) if not s.signature_confirmation]
    if unsigned or not shipments:
        which = ", ".join(f"shipments[{i}]" for i in unsigned) or "no shipment"
        message = (
            f"the order total {total.amount} {total.currency} is at or above {threshold} "
            f"{currency}, but {which} went without signature confirmation"
        )
        notes.append(_Note(Code.SP803, message, purchase, "order.total"))
    return notes, []


def chargeback_outcome(facts: _Facts, claim: Claim) -> tuple[dt.datetime, _Note | None]:
    """SP804: the final outcome can take up to 90 days; the bank's decision is usually final."""
    window = facts.parameters.duration("chargeback_outcome_window")
    outcome_by = facts.after("chargeback_outcome_window", claim.filed_at)
    if claim.status is not ClaimStatus.OPEN:
        return outcome_by, None
    if facts.now <= outcome_by:
        state = f"the final outcome can take until {facts.local(outcome_by)} (filed + {window})"
    else:
        state = f"no outcome by {facts.local(outcome_by)} (filed + {window}): ask Amazon"
    message = f"{state}; the bank's decision is usually final"
    return outcome_by, _Note(Code.SP804, message, facts.claim_ref(claim), "claim")


def _response(facts: _Facts, claim: Claim) -> tuple[dt.datetime, _Note | None]:
    """SP506 (an obligation, pointed to here): answer within 7 days whoever is liable."""
    window = facts.parameters.duration("chargeback_response")
    due = facts.after("chargeback_response", claim.filed_at)
    filed = _utc(claim.filed_at)
    answered = any(
        _at(e) >= filed
        and (
            isinstance(e, Refund)
            or (isinstance(e, SellerAction) and e.action is ActionKind.CHARGEBACK_RESPONSE)
        )
        for _, e in facts.known
    )
    if (
        answered
        or claim.status is not ClaimStatus.OPEN
        or facts.policy.severity(Code.SP506) is None
    ):
        return due, None
    message = (
        f"answer the chargeback by {facts.local(due)} (filed + {window}) with a refund or a "
        "representation, or the seller may be debited; the obligations decision tracks this "
        "(SP506)"
    )
    return due, _Note(Code.SP506, message, facts.claim_ref(claim), "claim", Severity.INFO)


def _records(facts: _Facts) -> tuple[dt.datetime | None, tuple[str, ...], _Note | None]:
    """SP513: ship date, shipping method and tracking kept until the purchase + 6 months."""
    if not facts.seller_ships:
        return None, (), None
    until = facts.after("records_retention", facts.order.purchased_at)
    shipments = facts.order.shipments
    lacking = (
        any(s.shipped_at is None for s in shipments),
        any(not s.carrier for s in shipments),
        any(not s.tracking_number for s in shipments),
    )
    missing = [
        what for what, absent in zip(_RECORDS, lacking, strict=True) if absent or not shipments
    ]
    if not missing:
        return until, (), None
    message = (
        f"the chargeback needs the shipping records, kept until {facts.local(until)}; "
        f"missing: {', '.join(missing)}"
    )
    ref = facts.timeline.order_ref("order date", facts.order.purchased_at)
    return until, tuple(missing), _Note(Code.SP513, message, ref, "order.shipments")


# --- SP805: the seller cancels, never the buyer at the seller's request -----------------------


@attrs.frozen
class _Cancelling:
    notes: list[_Note]
    not_judged: list[NotJudged]
    must_cancel: bool
    problem: EventRef | None
    cancelled: EventRef | None


def ask_buyer_to_cancel(facts: _Facts) -> _Cancelling:
    """SP805 (current): the seller cancels an order it cannot fulfil; it never asks the buyer to.

    Seller messages asking the buyer to cancel are found with the message checker's SP123;
    an open out-of-stock problem gets advice (info); a buyer cancellation after one is a
    warning, since the buyer may have been asked.
    """
    severity = facts.policy.severity(Code.SP805)
    if severity is None:
        return _Cancelling([], [], must_cancel=False, problem=None, cancelled=None)
    notes: list[_Note] = []
    not_judged: list[NotJudged] = []
    checker = (
        facts.policy if facts.policy.is_enabled(Code.SP123) else facts.policy.enable(Code.SP123)
    )
    for index, event in facts.known:
        if not isinstance(event, Message) or event.sender is not MessageSender.SELLER:
            continue
        try:
            asks = Code.SP123 in check_message(event, policy=checker).codes
        except InputTooLargeError:
            not_judged.append(NotJudged(Code.SP805, f"events[{index}] is too long to check"))
            continue
        if asks:
            message = (
                "the seller asked the buyer to cancel (the message checker flags this message "
                "as SP123): the seller must cancel the order itself"
            )
            notes.append(_Note(Code.SP805, message, facts.timeline.ref(index)))
    problem = next(
        (
            (i, e)
            for i, e in facts.known
            if isinstance(e, OrderProblem) and e.problem in _UNFULFILLABLE
        ),
        None,
    )
    if problem is None:
        return _Cancelling(notes, not_judged, must_cancel=False, problem=None, cancelled=None)
    problem_index, problem_event = problem
    problem_ref = facts.timeline.ref(problem_index)
    cancellation = next(
        (
            (i, e)
            for i, e in facts.known
            if isinstance(e, Cancellation) and _at(e) >= _at(problem_event)
        ),
        None,
    )
    if cancellation is None:
        message = (
            f"the seller cannot fulfil the order (out of stock since "
            f"{facts.local(_at(problem_event))}): cancel it yourself and tell the buyer; never "
            "ask the buyer to cancel (the message checker flags that as SP123)"
        )
        notes.append(_Note(Code.SP805, message, problem_ref, severity=Severity.INFO))
        return _Cancelling(notes, not_judged, must_cancel=True, problem=problem_ref, cancelled=None)
    cancel_index, cancel_event = cancellation
    cancel_ref = facts.timeline.ref(cancel_index)
    if cancel_event.by is Party.BUYER:
        capped = severity if severity.rank <= Severity.WARNING.rank else Severity.WARNING
        message = (
            "the buyer cancelled after the seller ran out of stock: if the seller asked for it "
            "(SP123 in the message checker), that breaks policy; the seller should cancel"
        )
        notes.append(_Note(Code.SP805, message, cancel_ref, severity=capped))
    return _Cancelling(
        notes, not_judged, must_cancel=False, problem=problem_ref, cancelled=cancel_ref
    )


# --- the decisions ---------------------------------------------------------------------------


def _checked_now(now: object, order: Order) -> dt.datetime:
    checked = _checks.aware_datetime(now, "now")
    if isinstance(order, Order) and checked < order.purchased_at:
        msg = (
            f"now ({checked.isoformat()}) is before the purchase ({order.purchased_at.isoformat()})"
        )
        raise InvalidValueError(msg, field="now", value=now)
    return checked


def _checked_claim(claim: object, order: Order, now: dt.datetime) -> Claim:
    if not isinstance(claim, Claim):
        msg = f"claim must be a Claim of kind 'chargeback', got {claim!r}"
        raise InvalidTypeError(msg, field="claim", value=claim)
    if claim.kind is not ClaimKind.CHARGEBACK:
        msg = (
            f"claim.kind is {claim.kind.value!r}: chargeback() judges chargebacks; pass an "
            "A-to-z claim to a_to_z()"
        )
        raise InvalidValueError(msg, field="claim.kind", value=claim.kind)
    check_claim_times(claim, order, now)
    return claim


def chargeback(
    order: Order,
    claim: Claim,
    *,
    events: Iterable[Event] = (),
    now: dt.datetime,
    policy: Policy | None = None,
) -> ChargebackDecision:
    """Who is liable for a chargeback, when to answer it, and what weakens the seller's case.

    As the specification's chargeback and counting pages set it: ``unauthorized`` (payment
    fraud) makes Amazon liable and every other reason the seller (a service chargeback), unless
    the order went to an address Amazon did not give (SP802: then the seller answers for any
    chargeback). The answer is due 7 days after ``filed_at`` whoever is liable (SP506); the
    outcome may take 90 days (SP804).
    Seller-fulfilled orders also get their tracking, signature (SP803) and records (SP513)
    checked; Amazon ships FBA orders and keeps their records.

    Args:
        order: The order.
        claim: The chargeback (``kind="chargeback"``) on the order.
        events: The order's timeline events (refunds, seller actions, messages, ...).
        now: The moment to decide for (timezone-aware); the clock is never read.
        policy: The policy; `Policy.current` by default.

    Returns:
        The decision, with a finding per risk factor and consequence.

    Raises:
        InvalidTypeError: An argument has the wrong type; ``field`` names it.
        InvalidValueError: ``claim.kind`` is not ``chargeback``, ``claim.order_id`` is another
            order's, ``claim.filed_at`` is before the purchase or after ``now``, ``now`` is naive
            or before the purchase, or an event is invalid (``events[3].order_id``).
    """
    checked_now = _checked_now(now, order)
    checked_policy = resolve_policy(policy)
    timeline = OrderTimeline.build(order, events)
    checked_claim = _checked_claim(claim, order, checked_now)
    facts = _Facts(timeline, now=checked_now, claim=checked_claim, policy=checked_policy)

    notes = changed_shipping_address(facts)
    address_changed = bool(notes)
    liable, liability_note = chargeback_liability(
        facts, checked_claim, address_changed=address_changed
    )
    signature_notes, not_judged = tracking_and_signature(facts)
    notes += signature_notes
    outcome_by, outcome_note = chargeback_outcome(facts, checked_claim)
    response_due, response_note = _response(facts, checked_claim)
    records_until, missing, records_note = _records(facts)
    cancelling = ask_buyer_to_cancel(facts)
    notes += [n for n in (liability_note, outcome_note, response_note, records_note) if n]
    notes += cancelling.notes
    findings = [f for n in notes if (f := note_finding(n, checked_policy)) is not None]
    risks = {f.code for f in findings if f.code in {Code.SP802, Code.SP803}}
    return ChargebackDecision(
        order_id=order.order_id,
        claim=checked_claim,
        liable=liable,
        response_due=response_due,
        outcome_by=outcome_by,
        risk_factors=risks,
        records_until=records_until,
        records_required=_RECORDS
        if records_until is not None and facts.now <= records_until
        else (),
        records_missing=missing,
        assumptions=facts.assumptions(),
        findings=tuple(findings),
        edition=checked_policy.edition,
        as_of=checked_now,
        not_judged=(*not_judged, *cancelling.not_judged),
    )


def cancellation_advice(
    order: Order,
    *,
    events: Iterable[Event] = (),
    now: dt.datetime,
    policy: Policy | None = None,
) -> CancellationAdvice:
    """Whether the seller must cancel an order it cannot fulfil, and whether it asked the buyer to.

    Current edition (SP805): an out-of-stock order is cancelled by the seller. A seller message
    asking the buyer to cancel (the message checker's SP123) is a finding at SP805's severity;
    an open out-of-stock problem gets advice (info); a buyer cancellation after one is a
    warning. The seed edition has no SP805 and gives no findings.

    Args:
        order: The order.
        events: Its timeline events (order problems, cancellations, messages, ...).
        now: The moment to decide for (timezone-aware); the clock is never read.
        policy: The policy; `Policy.current` by default.

    Raises:
        InvalidTypeError: An argument has the wrong type; ``field`` names it.
        InvalidValueError: ``now`` is naive or before the purchase, or an event is invalid.
    """
    checked_now = _checked_now(now, order)
    checked_policy = resolve_policy(policy)
    timeline = OrderTimeline.build(order, events)
    facts = _Facts(timeline, now=checked_now, claim=None, policy=checked_policy)
    cancelling = ask_buyer_to_cancel(facts)
    return CancellationAdvice(
        order_id=order.order_id,
        seller_must_cancel=cancelling.must_cancel,
        problem=cancelling.problem,
        cancelled=cancelling.cancelled,
        assumptions=facts.assumptions(),
        findings=tuple(f for n in cancelling.notes if (f := note_finding(n, checked_policy))),
        edition=checked_policy.edition,
        as_of=checked_now,
        not_judged=tuple(cancelling.not_judged),
    )


# --- documented examples ---------------------------------------------------------------------


def example(code: Code | str, which: Literal["bad", "good"]) -> Example:
    """A chargebacks rule's documented ``bad`` or ``good`` example."""
    doc = family_docs(_DOCS_FILE)[Code(code)]
    return example_inputs(doc.bad_example if which == "bad" else doc.good_example)


def example_decision(code: Code | str, which: Literal["bad", "good"]) -> ChargebackDecision:
    """The decision on a chargebacks rule's documented example."""
    case = example(code, which)
    if case.claim is None:  # pragma: no cover - guarded by tests over the shipped data
        raise ValueError(f"{code} {which}_example has no claim")
    return chargeback(case.order, case.claim, events=case.events, now=case.now, policy=case.policy)


def flags(code: Code, which: Literal["bad", "good"]) -> bool:
    """Whether ``code`` has a finding in the decision on its documented example."""
    return Code(code) in example_decision(code, which).codes


for _cls in (ChargebackDecision, CancellationAdvice):
    resolve(_cls)
