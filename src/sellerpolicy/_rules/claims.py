"""A-to-z Guarantee claims (SP6xx): whether a buyer may file, from when, until when, and why."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import attrs

from sellerpolicy import _checks
from sellerpolicy._codes import Code, Severity
from sellerpolicy._converter import converter, resolve
from sellerpolicy._decisions import EventRef, NotJudged, Report
from sellerpolicy._events import ActionKind, Event, Refund, SellerAction, event_time
from sellerpolicy._model import (
    Claim,
    ClaimKind,
    ClaimReason,
    ClaimStatus,
    Message,
    MessageKind,
    MessageSender,
    Order,
    ProductCategory,
    ReturnRequest,
)
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._rules.common import check_claim_times, note_finding
from sellerpolicy._rules.data import family_docs
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from sellerpolicy._marketplaces import Marketplace

__all__ = [
    "AtoZDecision",
    "Example",
    "a_to_z",
    "example",
    "example_decision",
    "flags",
]

_DOCS_FILE = "claims.toml"

_GROUND_OF_REASON: Mapping[ClaimReason, Code] = {
    ClaimReason.NOT_RECEIVED: Code.SP602,
    ClaimReason.DAMAGED_DEFECTIVE_DIFFERENT: Code.SP603,
    ClaimReason.REFUND_NOT_ISSUED: Code.SP604,
    ClaimReason.SERVICE_UNSATISFACTORY: Code.SP605,
}
"""The ground a claim's reason asserts; ``unauthorized`` and ``other`` are no A-to-z ground."""


def _codes(values: Iterable[Code | str]) -> tuple[Code, ...]:
    return tuple(sorted({Code(v) for v in values}))


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _optional_aware(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _checks.aware_datetime(value, attribute.name)


@attrs.frozen(kw_only=True)
class AtoZDecision(Report):
    """Whether a buyer may file an A-to-z Guarantee claim, or whether a claim was validly filed.

    Attributes:
        order_id: The order.
        claim: The claim judged, if one was given.
        eligible: Without a claim: whether the buyer may file at ``as_of``. With a claim: whether
            it was validly filed at ``claim.filed_at`` (``judged_at``).
        judged_at: The instant eligibility was judged at (UTC): ``claim.filed_at``, else ``now``.
        contact: The buyer's first contact with the seller (SP601), if any by ``judged_at``.
        earliest_filing_at: The first instant a claim is allowed (UTC): the end of the wait
            after the contact, or later when the ground only holds from a later instant (the
            not-received deadline). ``None`` while the buyer has not contacted the seller.
        not_received_by: The instant an undelivered order becomes a not-received ground (SP602).
        filing_deadline: The last instant a claim may be filed (SP606, current edition);
            ``None`` where the edition has no deadline or no latest delivery date is known.
        grounds: The grounds that hold at ``judged_at`` (SP602-SP605).
        unmet: Conditions unmet: SP601 (no contact, or the wait is not over), SP606 (past the
            deadline), or the ground a claim's reason asserts when it does not hold.
        exclusions: What takes the order out of the guarantee (SP607).
        why_not: Why the buyer may not file (or the claim is not valid), in words.
        counts_against_seller: Whether the claim counts against the seller (SP610); ``None``
            without a claim or when it cannot be judged.
        return_required: ``False`` after a granted claim: the buyer need not return the item
            (SP611); ``None`` otherwise.
        appeal_deadline: The last instant to appeal a granted claim (SP510, current edition).
        contact_reply_due: When the seller must answer the buyer's unanswered message on an
            order with an open claim, else the claim may be granted against it (SP504).
        assumptions: What the decision assumed (events sorted, events after ``now`` ignored).
    """

    order_id: str
    eligible: bool
    claim: Claim | None = None
    judged_at: dt.datetime = attrs.field(
        validator=lambda _, a, v: _checks.aware_datetime(v, a.name)
    )
    contact: EventRef | None = None
    earliest_filing_at: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    not_received_by: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    filing_deadline: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    grounds: tuple[Code, ...] = attrs.field(default=(), converter=_codes)
    unmet: tuple[Code, ...] = attrs.field(default=(), converter=_codes)
    exclusions: tuple[Code, ...] = attrs.field(default=(), converter=_codes)
    why_not: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    counts_against_seller: bool | None = None
    return_required: bool | None = None
    appeal_deadline: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    contact_reply_due: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    assumptions: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    def _headline(self) -> str:
        at = self.judged_at.isoformat()
        grounds = ", ".join(self.grounds) or "none"
        if self.claim is None:
            answer = "eligible" if self.eligible else "not eligible"
            subject = f"order {self.order_id} at {at}"
        else:
            answer = "valid claim" if self.eligible else "invalid claim"
            subject = f"order {self.order_id}, filed at {at}"
        if self.not_judged and not self.eligible:
            answer += " (not fully judged)"
        return f"{answer}: {subject}: grounds {grounds} ({self.edition} policy)"

    def _details(self) -> list[str]:
        lines = [f"  because {reason}" for reason in self.why_not]
        dates = (
            ("earliest filing", self.earliest_filing_at),
            ("not received by", self.not_received_by),
            ("filing deadline", self.filing_deadline),
            ("appeal deadline", self.appeal_deadline),
            ("reply to the buyer by", self.contact_reply_due),
        )
        lines += [f"  {name}: {when.isoformat()}" for name, when in dates if when is not None]
        if self.counts_against_seller is not None:
            counts = "counts" if self.counts_against_seller else "does not count"
            lines.append(f"  the claim {counts} against the seller")
        lines += super()._details()
        lines += [f"  assumed: {a}" for a in self.assumptions]
        return lines


# --- the facts every rule reads --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Ground:
    """Whether a ground holds, since when, on what evidence, in words."""

    code: Code = attrs.field(kw_only=False)
    holds: bool
    message: str
    event: EventRef | None = None
    field: str = "events"
    since: dt.datetime | None = None
    """From when it holds; ``None`` when only the claim asserts it (no earlier bound)."""


@attrs.frozen
class _Note:
    """A finding before its name, severity and source are attached."""

    code: Code
    message: str
    event: EventRef | None = None
    field: str = "events"
    severity: Severity | None = None
    """A fixed severity (advice); ``None`` takes the policy's."""


def _holds(
    code: Code,
    message: str,
    event: EventRef | None,
    field: str = "events",
    *,
    since: dt.datetime | None = None,
) -> _Ground:
    return _Ground(code, holds=True, message=message, event=event, field=field, since=since)


def _fails(code: Code, message: str, event: EventRef | None = None) -> _Ground:
    return _Ground(code, holds=False, message=message, event=event)


def _utc(when: dt.datetime) -> dt.datetime:
    return when.astimezone(dt.UTC)


def _at(event: Event) -> dt.datetime:
    when = event_time(event)
    if when is None:  # pragma: no cover - OrderTimeline.build refuses events without a time
        raise InvalidValueError("event without a time")
    return _utc(when)


def _local(when: dt.datetime, marketplace: Marketplace) -> str:
    return when.astimezone(marketplace.tz).strftime("%Y-%m-%d %H:%M %Z")


class _Facts:
    """The order's timeline as known at ``judged_at`` and at ``now``, with its parameters."""

    def __init__(
        self, timeline: OrderTimeline, *, now: dt.datetime, claim: Claim | None, policy: Policy
    ) -> None:
        self.timeline = timeline
        self.order = timeline.order
        self.marketplace = timeline.marketplace
        self.policy = policy
        self.parameters = policy.parameters
        self.claim = claim
        self.now = _utc(now)
        self.judged_at = _utc(claim.filed_at) if claim is not None else self.now
        entries = list(timeline.entries())
        self.known = [(i, e) for i, e in entries if _at(e) <= self.judged_at]
        self.until_now = [(i, e) for i, e in entries if _at(e) <= self.now]
        self.ignored = len(entries) - len(self.until_now)
        delivered = timeline.delivered_at
        self.delivered_at = _utc(delivered) if delivered is not None else None

    def after(self, parameter: str, start: dt.datetime) -> dt.datetime:
        """``start`` plus a duration parameter, counted in the marketplace's calendar."""
        return self.parameters.duration(parameter).after(start, self.marketplace)

    def local(self, when: dt.datetime) -> str:
        """``2026-03-02 10:00 PST``: an instant as the marketplace reads it."""
        return _local(when, self.marketplace)

    def claim_ref(self) -> EventRef | None:
        """Evidence pointing at the claim being judged."""
        if self.claim is None:
            return None
        index = next((i for i, e in self.timeline.entries() if e == self.claim), None)
        return EventRef(
            type="claim",
            at=self.claim.filed_at,
            index=index,
            summary=f"A-to-z claim ({self.claim.reason.value.replace('_', ' ')})",
        )

    def claim_reason(self, reason: ClaimReason) -> bool:
        """Whether the claim being judged asserts ``reason``."""
        return self.claim is not None and self.claim.reason is reason


# --- SP601: the buyer contacted the seller and waited ------------------------------------------


def _contact(facts: _Facts) -> tuple[int, Event] | None:
    """The buyer's first contact by ``judged_at``: a message of a contact kind or a return."""
    kinds = facts.parameters.members("contact_kinds")
    for index, event in facts.known:
        if (
            isinstance(event, Message)
            and event.sender is MessageSender.BUYER
            and event.kind in kinds
        ):
            return index, event
        if isinstance(event, ReturnRequest) and MessageKind.RETURN_REQUEST in kinds:
            return index, event
    return None


def contacted_seller(facts: _Facts) -> tuple[EventRef | None, dt.datetime | None, _Note | None]:
    """SP601: the contact, the end of the wait after it, and a note when the wait is unmet."""
    wait = facts.parameters.duration("contact_wait")
    found = _contact(facts)
    if found is None:
        message = (
            f"the buyer has not contacted the seller by {facts.local(facts.judged_at)}: a claim "
            f"needs a message first ({_kinds(facts)}) and a wait of {wait}"
        )
        return None, None, _Note(Code.SP601, message, facts.claim_ref(), "events")
    index, event = found
    ref = facts.timeline.ref(index)
    wait_end = facts.after("contact_wait", _at(event))
    if facts.judged_at >= wait_end:
        return ref, wait_end, None
    message = (
        f"the buyer contacted the seller at {facts.local(_at(event))}; the wait of {wait} "
        f"ends at {facts.local(wait_end)} (a seller reply does not shorten it)"
    )
    return ref, wait_end, _Note(Code.SP601, message, ref)


def _kinds(facts: _Facts) -> str:
    kinds = sorted(k.value.replace("_", " ") for k in facts.parameters.members("contact_kinds"))
    return " or ".join(kinds) or "none counts"


# --- SP602-SP605: the grounds ----------------------------------------------------------------


def _not_received_by(facts: _Facts) -> tuple[dt.datetime | None, EventRef | None, str]:
    """When an undelivered order becomes a ground, its evidence, and how it was counted."""
    order = facts.order
    grace = facts.parameters.duration("not_received_grace")
    candidates: list[tuple[dt.datetime, EventRef, str]] = []
    if order.latest_delivery is not None:
        candidates.append(
            (
                facts.after("not_received_grace", order.latest_delivery),
                facts.timeline.order_ref("latest estimated delivery date", order.latest_delivery),
                f"latest estimated delivery date + {grace}",
            )
        )
    if facts.parameters.choice("not_received_limit") == "earlier_of_grace_and_cap":
        cap = facts.parameters.duration("not_received_cap")
        candidates.append(
            (
                facts.after("not_received_cap", order.purchased_at),
                facts.timeline.order_ref("order date", order.purchased_at),
                f"order date + {cap}",
            )
        )
    if not candidates:
        return None, None, ""
    when, ref, how = min(candidates, key=lambda c: c[0])
    if len(candidates) > 1:
        other = next(c[2] for c in candidates if c[2] != how)
        how = f"{how}, no later than {other}"
    return when, ref, how


def not_received(facts: _Facts) -> _Ground | NotJudged:
    """SP602: not delivered by the deadline, or (current) delivered but the buyer has nothing."""
    deadline, ref, how = _not_received_by(facts)
    delivered = facts.delivered_at
    if deadline is not None:
        late = delivered is None or delivered > deadline
        if late and facts.judged_at >= deadline:
            state = (
                "not delivered"
                if delivered is None or delivered > facts.judged_at
                else f"delivered late, at {facts.local(delivered)}"
            )
            message = f"{state} by {facts.local(deadline)} ({how})"
            return _holds(Code.SP602, message, ref, "order", since=deadline)
    covered = facts.parameters.choice("delivered_not_received") == "covered"
    if (
        covered
        and facts.claim_reason(ClaimReason.NOT_RECEIVED)
        and delivered is not None
        and delivered <= facts.judged_at
    ):
        message = (
            f"tracking says delivered at {facts.local(delivered)}, but the buyer's claim says "
            "nothing arrived"
        )
        return _holds(Code.SP602, message, facts.claim_ref(), "claim", since=delivered)
    if deadline is None:
        return NotJudged(
            Code.SP602,
            "the order has no latest estimated delivery date, so the not-received deadline "
            "(latest EDD + grace) cannot be computed",
        )
    if delivered is not None and delivered <= deadline:
        message = f"delivered at {facts.local(delivered)}, by {facts.local(deadline)} ({how})"
    else:
        message = f"not a ground before {facts.local(deadline)} ({how})"
    return _fails(Code.SP602, message, ref)


def _return_ask(facts: _Facts) -> tuple[int, Event] | None:
    """The buyer's first request to return the item by ``judged_at``."""
    for index, event in facts.known:
        if isinstance(event, ReturnRequest) or (
            isinstance(event, Message)
            and event.sender is MessageSender.BUYER
            and event.kind is MessageKind.RETURN_REQUEST
        ):
            return index, event
    return None


def damaged_defective_different(facts: _Facts) -> _Ground:
    """SP603: the item was damaged, defective or different (current: and a return was asked)."""
    reasons = facts.parameters.members("damage_reasons")
    complaint = next(
        (
            (index, event)
            for index, event in facts.known
            if isinstance(event, ReturnRequest) and event.reason in reasons
        ),
        None,
    )
    since: dt.datetime | None
    if complaint is not None:
        index, request = complaint
        ref: EventRef | None = facts.timeline.ref(index)
        since = _at(request)
        what = f"the buyer's return request says {request.reason.value.replace('_', ' ')}"
    elif facts.claim_reason(ClaimReason.DAMAGED_DEFECTIVE_DIFFERENT):
        ref, since, what = facts.claim_ref(), None, "the buyer's claim says damaged or different"
    else:
        return _fails(Code.SP603, "no complaint of a damaged or different item")
    if facts.parameters.choice("damage_requires") == "return_request":
        asked = _return_ask(facts)
        if asked is None:
            message = f"{what}, but the buyer has not asked to return it"
            return _fails(Code.SP603, message, ref)
        asked_at = _at(asked[1])
        since = asked_at if since is None else max(since, asked_at)
        what += f", and the buyer asked to return it at {facts.local(asked_at)}"
    return _holds(Code.SP603, what, ref, "events" if complaint else "claim", since=since)


def refund_not_issued(facts: _Facts) -> _Ground:
    """SP604: the seller agreed to refund and did not (current: or kept a returned item)."""
    if facts.parameters.choice("returned_not_refunded") == "covered":
        refunds = [_at(e) for _, e in facts.known if isinstance(e, Refund)]
        for index, event in facts.known:
            received = event.received_at if isinstance(event, ReturnRequest) else None
            if received is None or _utc(received) > facts.judged_at:
                continue
            if any(at >= _at(event) for at in refunds):
                continue
            message = (
                f"the seller received the returned item at {facts.local(received)} and has not "
                "refunded it"
            )
            return _holds(Code.SP604, message, facts.timeline.ref(index), since=received)
    if facts.claim_reason(ClaimReason.REFUND_NOT_ISSUED):
        message = "the buyer's claim says the seller agreed to refund and did not, or not in full"
        return _holds(Code.SP604, message, facts.claim_ref(), "claim")
    return _fails(Code.SP604, "no refund is owed on the evidence")


def service_unsatisfactory(facts: _Facts) -> _Ground:
    """SP605: an eligible service was not satisfactory (only the claim can say so)."""
    if facts.claim_reason(ClaimReason.SERVICE_UNSATISFACTORY):
        message = "the buyer's claim says an eligible service was not satisfactory"
        return _holds(Code.SP605, message, facts.claim_ref(), "claim")
    return _fails(Code.SP605, "no complaint about a service")


_GROUNDS: tuple[Callable[[_Facts], _Ground | NotJudged], ...] = (
    not_received,
    damaged_defective_different,
    refund_not_issued,
    service_unsatisfactory,
)


# --- SP606-SP609: deadline, exclusions, warnings ----------------------------------------------


def filing_deadline(facts: _Facts) -> tuple[dt.datetime | None, _Note | NotJudged | None]:
    """SP606 (current): a claim only until the latest EDD + the filing window."""
    if facts.policy.severity(Code.SP606) is None:
        return None, None
    latest = facts.order.latest_delivery
    if latest is None:
        reason = (
            "the order has no latest estimated delivery date, so the filing deadline is unknown"
        )
        return None, NotJudged(Code.SP606, reason)
    window = facts.parameters.duration("filing_deadline")
    deadline = facts.after("filing_deadline", latest)
    ref = facts.timeline.order_ref("latest estimated delivery date", latest)
    if facts.judged_at <= deadline:
        message = f"a claim may be filed until {facts.local(deadline)} (latest EDD + {window})"
    else:
        message = (
            f"the filing deadline {facts.local(deadline)} (latest EDD + {window}) passed before "
            f"{facts.local(facts.judged_at)}"
        )
    return deadline, _Note(Code.SP606, message, ref, "order")


def _physical(order: Order) -> bool:
    """Whether the order went out as a package: a gift card in it is a physical card."""
    return bool(order.shipments) or order.delivered_at is not None


def excluded(facts: _Facts) -> tuple[list[_Note], bool]:
    """SP607: a chargeback already filed, or items the guarantee does not cover.

    Returns the notes and whether they exclude the whole order: a chargeback does; items do
    when every item is uncovered (a claim can still cover the other items).
    """
    notes: list[_Note] = []
    whole = False
    for index, event in facts.known:
        if isinstance(event, Claim) and event.kind is ClaimKind.CHARGEBACK:
            message = (
                f"the buyer's bank opened a chargeback at {facts.local(_at(event))}: the order is "
                "no longer covered by the A-to-z Guarantee"
            )
            notes.append(_Note(Code.SP607, message, facts.timeline.ref(index)))
            whole = True
            break
    items = facts.order.items
    uncovered: list[str] = []
    for i, item in enumerate(items):
        why = _uncovered(item.category, facts) if item.category is not None else ""
        if why:
            uncovered.append(f"items[{i}] {item.asin} ({why})")
    if uncovered:
        every = len(uncovered) == len(items)
        scope = "the order is not covered" if every else "the other items stay covered"
        message = f"not covered by the A-to-z Guarantee: {', '.join(uncovered)}; {scope}"
        notes.append(_Note(Code.SP607, message, None, "order.items"))
        whole = whole or every
    return notes, whole


def _uncovered(category: ProductCategory, facts: _Facts) -> str:
    name = category.value.replace("_", " ")
    if category is ProductCategory.SERVICES and facts.claim_reason(
        ClaimReason.SERVICE_UNSATISFACTORY
    ):
        return ""  # a service claim is filed for an eligible service (SP605)
    if category in facts.parameters.members("uncovered_categories"):
        return name
    stored_value = facts.parameters.members("stored_value_categories")
    if category in stored_value and not _physical(facts.order):
        return f"{name} never shipped: stored value"
    return ""


def refused_without_tracking(facts: _Facts) -> list[_Note]:
    """SP608: the buyer refused the package and its return has no tracking."""
    notes = []
    for i, shipment in enumerate(facts.order.shipments):
        if shipment.refused and not shipment.tracking_number:
            at = shipment.shipped_at or facts.order.purchased_at
            message = (
                "the buyer refused the package and its return has no tracking number: a claim "
                "may not be covered"
            )
            ref = facts.timeline.order_ref(f"shipments[{i}] refused", at)
            notes.append(_Note(Code.SP608, message, ref, f"order.shipments[{i}]"))
    return notes


def return_rules_categories(facts: _Facts) -> list[_Note]:
    """SP609: watches, jewellery, collectibles and fine art follow their own return rules."""
    notes = []
    special = facts.parameters.members("return_rule_categories")
    for i, item in enumerate(facts.order.items):
        if item.category is not None and item.category in special:
            category = item.category.value.replace("_", " ")
            message = (
                f"items[{i}] {item.asin} is {category}: it is covered only when returned under "
                "its category's return rules"
            )
            notes.append(_Note(Code.SP609, message, None, f"order.items[{i}]"))
    return notes


# --- what a claim means for the seller: SP610, SP611, SP510, SP504 -----------------------------


def _on_time_buy_shipping(order: Order) -> bool | None:
    """Whether every package went with Buy Shipping by the ship-by date (``None``: unknown)."""
    shipments = order.shipments
    if not shipments or not all(s.buy_shipping for s in shipments):
        return False
    if order.latest_ship is None or any(s.shipped_at is None for s in shipments):
        return None
    return all(s.shipped_at is not None and s.shipped_at <= order.latest_ship for s in shipments)


def counts_against_seller(
    facts: _Facts, claim: Claim
) -> tuple[bool | None, _Note | NotJudged | None]:
    """SP610: whether the claim counts against the seller (in the Order Defect Rate)."""
    ref = facts.claim_ref()
    if facts.parameters.choice("claim_counting") == "always":
        message = "the claim counts against the seller, even if the seller wins it"
        return True, _Note(Code.SP610, message, ref, "claim")
    if claim.status in {ClaimStatus.DENIED, ClaimStatus.WITHDRAWN}:
        return False, None
    if claim.reason is ClaimReason.NOT_RECEIVED:
        on_time = _on_time_buy_shipping(facts.order)
        if on_time is None:
            reason = (
                "a delivery claim on a Buy Shipping order: whether it shipped on time is unknown "
                "(no latest ship date or no ship time)"
            )
            return None, NotJudged(Code.SP610, reason)
        if on_time:
            return False, None
    message = (
        "the claim counts in the Order Defect Rate unless it is denied, withdrawn before a "
        "decision, or a delivery claim on an on-time Buy Shipping order"
    )
    return True, _Note(Code.SP610, message, ref, "claim")


def no_return_obligation(facts: _Facts, claim: Claim) -> _Note | None:
    """SP611: after a granted claim the buyer need not return the item."""
    if claim.status is not ClaimStatus.GRANTED:
        return None
    message = (
        "the claim was granted: the buyer need not return the item; the seller may ask for it back"
    )
    return _Note(Code.SP611, message, facts.claim_ref(), "claim")


def _appeal_window(
    facts: _Facts, claim: Claim
) -> tuple[dt.datetime | None, _Note | NotJudged | None]:
    """SP510 (current): a granted claim may be appealed until its decision + the window."""
    if claim.status is not ClaimStatus.GRANTED or facts.policy.severity(Code.SP510) is None:
        return None, None
    if claim.decided_at is None:
        return None, NotJudged(Code.SP510, "the claim was granted but has no decided_at")
    decided = _utc(claim.decided_at)
    deadline = facts.after("claim_appeal_window", decided)
    appeal = next(
        (
            _at(e)
            for _, e in facts.until_now
            if isinstance(e, SellerAction) and e.action is ActionKind.APPEAL and _at(e) >= decided
        ),
        None,
    )
    if appeal is not None:
        state = f"appealed at {facts.local(appeal)}"
    elif facts.now <= deadline:
        state = "not appealed yet"
    else:
        state = "the window has closed"
    message = f"the seller may appeal the granted claim until {facts.local(deadline)}: {state}"
    return deadline, _Note(Code.SP510, message, facts.claim_ref(), "claim")


def _contact_reply(facts: _Facts, claim: Claim) -> tuple[dt.datetime | None, _Note | None]:
    """SP504 (an obligation, pointed to here): answer the buyer on an order with an open claim."""
    if claim.status is not ClaimStatus.OPEN or facts.policy.severity(Code.SP504) is None:
        return None, None
    window = facts.parameters.duration("claim_contact_reply")
    replies = [
        _at(e)
        for _, e in facts.until_now
        if isinstance(e, Message)
        and e.sender is MessageSender.SELLER
        and e.kind is MessageKind.REPLY
        and not e.automated
    ]
    for index, event in facts.until_now:
        if not (
            isinstance(event, Message)
            and event.sender is MessageSender.BUYER
            and event.kind.is_buyer_kind
        ):
            continue
        sent = _at(event)
        if any(at >= sent for at in replies):
            continue
        due = facts.after("claim_contact_reply", sent)
        message = (
            f"the buyer's message has no seller reply: answer it by {facts.local(due)} ({window}) "
            "or Amazon may grant the claim against the seller; the obligations decision "
            "tracks this (SP504)"
        )
        return due, _Note(Code.SP504, message, facts.timeline.ref(index), severity=Severity.INFO)
    return None, None


# --- the decision ----------------------------------------------------------------------------


def _checked_claim(claim: object, order: Order, now: dt.datetime) -> Claim | None:
    if claim is None:
        return None
    if not isinstance(claim, Claim):
        msg = f"claim must be a Claim or None, got {claim!r}"
        raise InvalidTypeError(msg, field="claim", value=claim)
    if claim.kind is not ClaimKind.A_TO_Z:
        msg = (
            f"claim.kind is {claim.kind.value!r}: a_to_z() judges A-to-z claims; pass a "
            "chargeback to chargeback()"
        )
        raise InvalidValueError(msg, field="claim.kind", value=claim.kind)
    check_claim_times(claim, order, now)
    return claim


def a_to_z(
    order: Order,
    *,
    claim: Claim | None = None,
    events: Iterable[Event] = (),
    now: dt.datetime,
    policy: Policy | None = None,
) -> AtoZDecision:
    """Whether the buyer may file an A-to-z claim at ``now``, or whether ``claim`` was valid.

    Eligibility, as the specification's A-to-z and counting pages set it: the buyer contacted
    the seller (the first buyer inquiry or return request) and waited (SP601), a ground holds
    (SP602-SP605), nothing excludes the order (SP607) and, in the current edition, the latest
    EDD + 90 days has not passed (SP606).
    With a ``claim``, eligibility is judged at ``claim.filed_at`` and the claim's reason must
    name a ground that holds; what the claim means for the seller (SP610, SP611, SP510, SP504)
    is judged at ``now``. Events after the moment judged are ignored.

    Args:
        order: The order.
        claim: An A-to-z claim on the order, to judge as filed; ``None`` asks about ``now``.
        events: The order's timeline events (messages, returns, refunds, claims, ...).
        now: The moment to decide for (timezone-aware); the clock is never read.
        policy: The policy; `Policy.current` by default.

    Returns:
        The decision, with the dates it relied on and a finding per ground, unmet condition,
        exclusion and consequence.

    Raises:
        InvalidTypeError: An argument has the wrong type; ``field`` names it.
        InvalidValueError: ``now`` is naive or before the purchase; the claim is a chargeback
            (``claim.kind``), of another order (``claim.order_id``) or filed after ``now``;
            an event is invalid (``events[3].order_id``, see `OrderTimeline.build`).
    """
    _checks.aware_datetime(now, "now")
    checked_policy = resolve_policy(policy)
    timeline = OrderTimeline.build(order, events)
    if now < order.purchased_at:
        msg = f"now ({now.isoformat()}) is before the purchase ({order.purchased_at.isoformat()})"
        raise InvalidValueError(msg, field="now", value=now)
    checked_claim = _checked_claim(claim, order, now)
    facts = _Facts(timeline, now=now, claim=checked_claim, policy=checked_policy)
    return _decide(facts, now)


@attrs.define
class _Outcome:
    """What the steps of a decision collect."""

    notes: list[_Note] = attrs.field(factory=list)
    not_judged: list[NotJudged] = attrs.field(factory=list)
    why_not: list[str] = attrs.field(factory=list)
    unmet: list[Code] = attrs.field(factory=list)

    def add(self, note: _Note | NotJudged | None) -> None:
        """Keep a note or a rule that could not be judged."""
        if isinstance(note, NotJudged):
            self.not_judged.append(note)
        elif note is not None:
            self.notes.append(note)


def _grounds(facts: _Facts, out: _Outcome) -> tuple[list[_Ground], list[_Ground], Code | None]:
    """Every ground that holds, those that count for eligibility, and the claimed one."""
    holding: list[_Ground] = []
    failing: dict[Code, str] = {}
    for rule in _GROUNDS:
        ground = rule(facts)
        if isinstance(ground, NotJudged):
            out.not_judged.append(ground)
        elif ground.holds and facts.policy.severity(ground.code) is not None:
            holding.append(ground)
            out.notes.append(_Note(ground.code, ground.message, ground.event, ground.field))
        else:
            failing[ground.code] = "the rule is disabled" if ground.holds else ground.message
    claimed = _GROUND_OF_REASON.get(facts.claim.reason) if facts.claim is not None else None
    relevant = [g for g in holding if facts.claim is None or g.code is claimed]
    if facts.claim is not None and claimed is None:
        out.why_not.append(f"the claim's reason {facts.claim.reason.value!r} is no A-to-z ground")
    elif claimed is not None and not relevant:
        if claimed not in {n.code for n in out.not_judged}:
            out.unmet.append(claimed)
        why = failing.get(claimed, "not judged")
        out.why_not.append(f"the ground the claim asserts does not hold: {claimed}: {why}")
    elif not relevant:
        out.why_not.append("no ground holds (SP602-SP605)")
    return holding, relevant, claimed


def _consequences(facts: _Facts, claim: Claim, out: _Outcome) -> dict[str, Any]:
    """What the claim means for the seller, as of ``now`` (SP610, SP611, SP510, SP504)."""
    counts, counted = counts_against_seller(facts, claim)
    out.add(counted)
    granted = no_return_obligation(facts, claim)
    out.add(granted)
    appeal_deadline, appeal_note = _appeal_window(facts, claim)
    out.add(appeal_note)
    reply_due, reply_note = _contact_reply(facts, claim)
    out.add(reply_note)
    return {
        "counts_against_seller": counts,
        "return_required": False if granted is not None else None,
        "appeal_deadline": appeal_deadline,
        "contact_reply_due": reply_due,
    }


def _decide(facts: _Facts, now: dt.datetime) -> AtoZDecision:
    out = _Outcome()
    contact, wait_end, contact_note = contacted_seller(facts)
    if contact_note is not None and facts.policy.severity(Code.SP601) is not None:
        out.notes.append(contact_note)
        out.unmet.append(Code.SP601)
        out.why_not.append(f"SP601: {contact_note.message}")
    holding, relevant, claimed = _grounds(facts, out)

    deadline, deadline_note = filing_deadline(facts)
    out.add(deadline_note)
    if isinstance(deadline_note, _Note) and deadline is not None and facts.judged_at > deadline:
        out.unmet.append(Code.SP606)
        out.why_not.append(f"SP606: {deadline_note.message}")

    exclusion_notes, whole = excluded(facts)
    out.notes += exclusion_notes
    whole = whole and facts.policy.severity(Code.SP607) is not None
    if whole:
        out.why_not.append(f"SP607: {exclusion_notes[0].message}")
    out.notes += refused_without_tracking(facts)
    out.notes += return_rules_categories(facts)
    consequences = _consequences(facts, facts.claim, out) if facts.claim is not None else {}

    assumptions = list(facts.timeline.assumptions)
    if facts.ignored:
        assumptions.append(f"{facts.ignored} event(s) after now were ignored")
    later = len(facts.until_now) - len(facts.known)
    if facts.claim is not None and later:
        assumptions.append(
            f"{later} event(s) after the claim was filed were ignored for its eligibility"
        )
    return AtoZDecision(
        order_id=facts.order.order_id,
        eligible=not out.why_not,
        claim=facts.claim,
        judged_at=facts.judged_at,
        contact=contact,
        earliest_filing_at=_earliest(facts, wait_end, relevant, claimed),
        not_received_by=_not_received_by(facts)[0],
        filing_deadline=deadline,
        grounds=[g.code for g in holding],
        unmet=out.unmet,
        exclusions=(Code.SP607,) if whole else (),
        why_not=out.why_not,
        assumptions=assumptions,
        findings=tuple(f for n in out.notes if (f := note_finding(n, facts.policy)) is not None),
        edition=facts.policy.edition,
        as_of=now,
        not_judged=tuple(out.not_judged),
        **consequences,
    )


def _earliest(
    facts: _Facts,
    wait_end: dt.datetime | None,
    relevant: list[_Ground],
    claimed: Code | None,
) -> dt.datetime | None:
    """The first instant a claim is allowed: the wait's end, or a ground's later start."""
    if wait_end is None:
        return None
    if relevant:
        starts = [g.since for g in relevant]
        if any(s is None for s in starts):
            return wait_end
        return max(wait_end, min(s for s in starts if s is not None))
    deadline = _not_received_by(facts)[0]
    delivered = facts.delivered_at
    upcoming = (
        deadline is not None
        and facts.judged_at < deadline
        and (delivered is None or delivered > deadline)
        and claimed in {None, Code.SP602}
    )
    if upcoming and deadline is not None:
        return max(wait_end, deadline)
    return wait_end


# --- documented examples ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Example:
    """A rule's documented example as typed input.

    Attributes:
        order: The order.
        events: Its timeline events.
        now: The moment to decide for.
        claim: The claim the example judges, if any.
        policy: The built-in edition the example runs under.
    """

    order: Order
    events: tuple[Event, ...]
    now: dt.datetime
    claim: Claim | None
    policy: Policy


def example_inputs(data: Mapping[str, Any]) -> Example:
    """Build an example from a docs table: ``now``, ``order``, ``events``, ``claim``, ``edition``.

    Events and the claim take the order's id when they do not name one.
    """
    conv = converter()
    order = conv.structure(dict(data["order"]), Order)

    def own(raw: Mapping[str, Any]) -> dict[str, Any]:
        return {"order_id": order.order_id, **raw}

    events: tuple[Event, ...] = tuple(
        conv.structure(own(raw), Event)  # type: ignore[arg-type]  # a union, hooked in _converter
        for raw in data.get("events", ())
    )
    claim = conv.structure(own(data["claim"]), Claim) if "claim" in data else None
    return Example(
        order=order,
        events=events,
        now=conv.structure(data["now"], dt.datetime),
        claim=claim,
        policy=Policy.for_edition(data.get("edition", "current")),
    )


def example(code: Code | str, which: Literal["bad", "good"]) -> Example:
    """A claims rule's documented ``bad`` or ``good`` example."""
    doc = family_docs(_DOCS_FILE)[Code(code)]
    return example_inputs(doc.bad_example if which == "bad" else doc.good_example)


def example_decision(code: Code | str, which: Literal["bad", "good"]) -> AtoZDecision:
    """The decision on a claims rule's documented example."""
    case = example(code, which)
    return a_to_z(
        case.order, claim=case.claim, events=case.events, now=case.now, policy=case.policy
    )


def flags(code: Code, which: Literal["bad", "good"]) -> bool:
    """Whether ``code`` has a finding in the decision on its documented example."""
    return Code(code) in example_decision(code, which).codes


resolve(AtoZDecision)
