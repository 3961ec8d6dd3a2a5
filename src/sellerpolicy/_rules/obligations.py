"""Obligations (SP5xx): what the seller owes on an order, by when, and whether it was done."""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal

import attrs

from sellerpolicy import _checks
from sellerpolicy._codes import RULES, Code, Severity
from sellerpolicy._converter import resolve
from sellerpolicy._decisions import EventRef, Finding, NotJudged, Report
from sellerpolicy._events import (
    EVENT_TYPES,
    ActionKind,
    Cancellation,
    Event,
    InformationRequest,
    OrderProblem,
    Party,
    PhoneCall,
    ProblemKind,
    Refund,
    SellerAction,
    event_time,
    event_type,
)
from sellerpolicy._marketplaces import Marketplace
from sellerpolicy._model import (
    Claim,
    ClaimKind,
    ClaimStatus,
    Feedback,
    FeedbackClass,
    FulfillmentChannel,
    Message,
    MessageKind,
    MessageSender,
    Order,
    OrderStatus,
    ReturnRequest,
)
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._rules.common import ReturnWindow, return_window
from sellerpolicy._rules.data import RuleDoc, family_docs
from sellerpolicy._time import Duration
from sellerpolicy._timeline import OrderTimeline, describe
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

__all__ = [
    "InboxItem",
    "Obligation",
    "ObligationStatus",
    "ObligationsReport",
    "example_timeline",
    "flags",
    "inbox",
    "obligations",
]

_DOCS_FILE = "obligations.toml"


class ObligationStatus(enum.StrEnum):
    """Where an obligation stands at ``now``."""

    MET = "met"
    """An event met it (on time or late: late is still met)."""
    OPEN = "open"
    """Not met yet, and ``now`` is at or before its due time."""
    OVERDUE = "overdue"
    """Not met, and ``now`` is after its due time."""
    NOT_APPLICABLE = "not_applicable"
    """The event that would raise it does not bind the seller here (an FBA order, say)."""


def _code(value: Code | str) -> Code:
    return Code(value)


def _status(value: ObligationStatus | str) -> ObligationStatus:
    return ObligationStatus(value)


@attrs.frozen(kw_only=True)
class Obligation:
    """One thing the seller owes on an order.

    Attributes:
        code: The rule, e.g. ``SP501``.
        name: The rule's name, e.g. ``reply-to-buyer``.
        raised_by: The event (or order date) that raised it.
        due_at: When it is due, in UTC (an event exactly then still meets it).
        status: Met, open, overdue or not applicable, as of the report's ``as_of``.
        met_by: The event that met it; ``None`` unless met.
        late_by: How long after ``due_at`` it was met (zero when on time); ``None`` unless met.
        overdue_by: How long past ``due_at`` ``as_of`` is; ``None`` unless overdue.
        note: How the due time was counted, and anything the decision assumed.
    """

    code: Code = attrs.field(converter=_code)
    name: str
    raised_by: EventRef
    due_at: dt.datetime = attrs.field(validator=lambda _, a, v: _checks.aware_datetime(v, a.name))
    status: ObligationStatus = attrs.field(converter=_status)
    met_by: EventRef | None = None
    late_by: dt.timedelta | None = None
    overdue_by: dt.timedelta | None = None
    note: str = ""

    @property
    def pending(self) -> bool:
        """Whether the seller still has to act (open or overdue)."""
        return self.status in {ObligationStatus.OPEN, ObligationStatus.OVERDUE}

    def __str__(self) -> str:
        """``overdue  SP501 reply-to-buyer  due 2026-03-02 18:00 UTC  raised by ...``."""
        return self.describe(dt.UTC)

    def describe(self, zone: dt.tzinfo) -> str:
        """One line with the status, the rule, the due time in ``zone`` and the evidence."""
        due = self.due_at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
        line = f"{self.status.value:<14} {self.code} {self.name}  due {due}"
        line += f"  raised by {self.raised_by}"
        if self.met_by is not None:
            line += f"  met by {self.met_by}"
        if self.late_by:
            line += f" ({_human(self.late_by)} late)"
        if self.overdue_by is not None:
            line += f"  overdue by {_human(self.overdue_by)}"
        return line


def _obligation_tuple(values: Iterable[Obligation]) -> tuple[Obligation, ...]:
    return tuple(values)


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class ObligationsReport(Report):
    """Every obligation an order's timeline raises, as of ``as_of``.

    ``findings`` holds one finding per obligation: the rule's severity when the obligation is
    overdue, ``info`` otherwise, so `ok` is ``False`` exactly when an error-severity obligation
    is overdue.

    Attributes:
        order_id: The order.
        marketplace_id: The order's marketplace; `str` shows due times in its zone.
        obligations: The obligations, ordered by due time.
        assumptions: What the decision assumed (events re-ordered, events after ``as_of``
            ignored).
    """

    order_id: str
    marketplace_id: str
    obligations: tuple[Obligation, ...] = attrs.field(default=(), converter=_obligation_tuple)
    assumptions: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def by_status(self, status: ObligationStatus | str) -> tuple[Obligation, ...]:
        """The obligations with one status."""
        wanted = ObligationStatus(status)
        return tuple(o for o in self.obligations if o.status is wanted)

    def _headline(self) -> str:
        counts = ", ".join(
            f"{n} {status.value.replace('_', ' ')}"
            for status in ObligationStatus
            if (n := sum(o.status is status for o in self.obligations))
        )
        head = "ok" if self.ok else "not ok"
        when = self.as_of.isoformat() if self.as_of is not None else "?"
        return (
            f"{head}: order {self.order_id}: {counts or 'no obligations'} "
            f"({self.edition} policy, as of {when})"
        )

    def _details(self) -> list[str]:
        zone = Marketplace.get(self.marketplace_id).tz
        lines = [f"  {o.describe(zone)}" for o in self.obligations]
        lines += super()._details()
        lines += [f"  assumed: {a}" for a in self.assumptions]
        return lines

    def __str__(self) -> str:
        """The headline, then one line per obligation with its status and due time."""
        return "\n".join([self._headline(), *self._details()])


@attrs.frozen(kw_only=True)
class InboxItem:
    """One obligation in the inbox, with its order.

    Attributes:
        order_id: The order.
        marketplace_id: The order's marketplace; `str` shows the due time in its zone.
        obligation: The open or overdue obligation.
    """

    order_id: str
    marketplace_id: str
    obligation: Obligation

    def __str__(self) -> str:
        """``113-0000000-0000001  overdue  SP501 reply-to-buyer  due 2026-03-02 10:00 PST ...``."""
        zone = Marketplace.get(self.marketplace_id).tz
        return f"{self.order_id}  {self.obligation.describe(zone)}"


# --- the scan: the timeline as of now, read by every rule ---------------------------------------


_Predicate = Callable[[Event], bool]


@attrs.frozen
class _Met:
    """The event that met an obligation and when."""

    ref: EventRef
    at: dt.datetime


class _Scan:
    """The order's timeline cut at ``now``, with UTC times and cached look-ups.

    Positions are indexes into the time-ordered events; ``ref`` turns one into evidence naming
    the caller's index.
    """

    def __init__(self, timeline: OrderTimeline, now: dt.datetime, policy: Policy) -> None:
        self.order: Order = timeline.order
        self.marketplace: Marketplace = timeline.marketplace
        self.now = now.astimezone(dt.UTC)
        self.policy = policy
        self.parameters = policy.parameters
        self.timeline = timeline
        timed = ((index, event, _utc(event)) for index, event in timeline.entries())
        kept = [entry for entry in timed if entry[2] <= self.now]
        self.ignored = len(timeline.events) - len(kept)
        self.indexes = [k[0] for k in kept]
        self.events = [k[1] for k in kept]
        self.times = [k[2] for k in kept]
        self._matches: dict[_Predicate, tuple[list[int], list[dt.datetime]]] = {}

    def entries(self, kind: type[Any]) -> Iterator[tuple[int, Any]]:
        """``(position, event)`` of the events of one type, oldest first."""
        return ((p, e) for p, e in enumerate(self.events) if isinstance(e, kind))

    def ref(self, position: int, *, at: dt.datetime | None = None, summary: str = "") -> EventRef:
        """Evidence for the event at ``position`` (optionally a later date of it)."""
        event = self.events[position]
        return EventRef(
            type=event_type(event),
            at=at if at is not None else _time(event),
            index=self.indexes[position],
            summary=summary or describe(event),
        )

    def _index(self, predicate: _Predicate) -> tuple[list[int], list[dt.datetime]]:
        found = self._matches.get(predicate)
        if found is None:
            positions = [p for p, e in enumerate(self.events) if predicate(e)]
            found = (positions, [self.times[p] for p in positions])
            self._matches[predicate] = found
        return found

    def next_after(self, position: int, predicate: _Predicate) -> int | None:
        """The first event after ``position`` in time order that satisfies ``predicate``."""
        positions, _ = self._index(predicate)
        i = bisect.bisect_right(positions, position)
        return positions[i] if i < len(positions) else None

    def first_from(self, when: dt.datetime, predicate: _Predicate) -> int | None:
        """The first event at or after ``when`` that satisfies ``predicate``."""
        positions, times = self._index(predicate)
        i = bisect.bisect_left(times, when)
        return positions[i] if i < len(positions) else None

    def met(self, position: int | None) -> _Met | None:
        """The evidence of a meeting event, if there is one."""
        if position is None:
            return None
        return _Met(self.ref(position), self.times[position])

    def due(self, parameter: str, start: dt.datetime) -> dt.datetime:
        """``start`` plus a duration parameter, counted in the marketplace's calendar."""
        return self.parameters.duration(parameter).after(start, self.marketplace)

    def window(self, parameter: str) -> Duration:
        """A duration parameter."""
        return self.parameters.duration(parameter)

    def judge(
        self,
        code: Code,
        raised_by: EventRef,
        due_at: dt.datetime,
        met: _Met | None,
        note: str,
    ) -> Obligation:
        """An obligation's status as of ``now`` (§13: ends inclusive, late is met)."""
        due_at = due_at.astimezone(dt.UTC)
        name = RULES[code].name
        if met is not None:
            late = max(met.at - due_at, dt.timedelta(0))
            return Obligation(
                code=code,
                name=name,
                raised_by=raised_by,
                due_at=due_at,
                status=ObligationStatus.MET,
                met_by=met.ref,
                late_by=late,
                note=note,
            )
        if self.now <= due_at:
            status, overdue_by = ObligationStatus.OPEN, None
        else:
            status, overdue_by = ObligationStatus.OVERDUE, self.now - due_at
        return Obligation(
            code=code,
            name=name,
            raised_by=raised_by,
            due_at=due_at,
            status=status,
            overdue_by=overdue_by,
            note=note,
        )

    def not_applicable(
        self, code: Code, raised_by: EventRef, due_at: dt.datetime, note: str
    ) -> Obligation:
        """An obligation the event would raise, but that does not bind the seller here."""
        return Obligation(
            code=code,
            name=RULES[code].name,
            raised_by=raised_by,
            due_at=due_at.astimezone(dt.UTC),
            status=ObligationStatus.NOT_APPLICABLE,
            note=note,
        )


def _time(event: Event) -> dt.datetime:
    when = event_time(event)
    if when is None:  # pragma: no cover - OrderTimeline.build refuses events without a time
        raise InvalidValueError("event without a time")
    return when


def _utc(event: Event) -> dt.datetime:
    return _time(event).astimezone(dt.UTC)


# --- what meets an obligation -------------------------------------------------------------------


def _seller_reply(event: Event) -> bool:
    """A seller reply typed by a person (automated replies never meet SP501/SP502/SP504)."""
    return (
        isinstance(event, Message)
        and event.sender is MessageSender.SELLER
        and event.kind is MessageKind.REPLY
        and not event.automated
    )


def _seller_written(event: Event) -> bool:
    """Any seller message typed by a person (a call summary)."""
    return (
        isinstance(event, Message) and event.sender is MessageSender.SELLER and not event.automated
    )


def _refund(event: Event) -> bool:
    return isinstance(event, Refund)


def _action(kind: ActionKind) -> _Predicate:
    def predicate(event: Event) -> bool:
        return isinstance(event, SellerAction) and event.action is kind

    predicate.__name__ = f"_action_{kind.value}"
    return predicate


_RETURN_AUTHORIZATION = _action(ActionKind.RETURN_AUTHORIZATION)
_CLAIM_RESPONSE = _action(ActionKind.CLAIM_RESPONSE)
_CHARGEBACK_RESPONSE = _action(ActionKind.CHARGEBACK_RESPONSE)
_APPEAL = _action(ActionKind.APPEAL)
_SAFE_T_CLAIM = _action(ActionKind.SAFE_T_CLAIM)
_REMOVAL_REQUEST = _action(ActionKind.FEEDBACK_REMOVAL_REQUEST)


def _return_answer(event: Event) -> bool:
    return _seller_reply(event) or _RETURN_AUTHORIZATION(event) or _refund(event)


def _chargeback_answer(event: Event) -> bool:
    return _refund(event) or _CHARGEBACK_RESPONSE(event)


def _cancelled_by(party: Party) -> _Predicate:
    def predicate(event: Event) -> bool:
        return isinstance(event, Cancellation) and event.by is party

    return predicate


_SELLER_CANCELLATION = _cancelled_by(Party.SELLER)
_BUYER_CANCELLATION = _cancelled_by(Party.BUYER)


def _buyer_contacts(scan: _Scan) -> Iterator[tuple[int, Message]]:
    for position, message in scan.entries(Message):
        if message.sender is MessageSender.BUYER and message.kind.is_buyer_kind:
            yield position, message


def _earlier(first: int | None, second: int | None) -> bool:
    """Whether ``first`` exists and comes before ``second`` (or ``second`` does not exist)."""
    return first is not None and (second is None or first < second)


# --- the rules ------------------------------------------------------------------------------

_Result = Obligation | NotJudged


def reply_to_buyer(scan: _Scan) -> Iterator[_Result]:
    """SP501: each buyer message needs a seller reply that is not automated.

    Marking the buyer message ``no_response_needed`` meets it (``met_by`` the message itself).
    """
    window = scan.window("reply_to_buyer")
    for position, message in _buyer_contacts(scan):
        raised = scan.ref(position)
        due = scan.due("reply_to_buyer", scan.times[position])
        note = f"due {window} after the buyer's message"
        if message.no_response_needed:
            met: _Met | None = _Met(raised, scan.times[position])
            note += "; marked no_response_needed"
        else:
            met = scan.met(scan.next_after(position, _seller_reply))
        yield scan.judge(Code.SP501, raised, due, met, note)


def return_request_response(scan: _Scan) -> Iterator[_Result]:
    """SP502: an MFN return request that reaches the seller needs an answer.

    Met by a seller reply (not automated), a return authorisation or a refund. FBA requests are
    Amazon's. In the current edition only requests outside the return window (or marked
    ``in_policy=False``) reach the seller; Amazon authorises the rest itself.
    """
    window = scan.window("return_response")
    every = scan.parameters.choice("return_response_scope") == "every"
    returns = None if every else return_window(scan.timeline, scan.parameters)
    for position, request in scan.entries(ReturnRequest):
        raised = scan.ref(position)
        due = scan.due("return_response", scan.times[position])
        note = f"due {window} after the request"
        if scan.order.fulfillment_channel is FulfillmentChannel.AFN:
            yield scan.not_applicable(
                Code.SP502, raised, due, "an FBA order: Amazon handles its returns"
            )
            continue
        if returns is not None:
            reaches, why = _reaches_seller(returns, request)
            if not reaches:
                yield scan.not_applicable(Code.SP502, raised, due, why)
                continue
            note += f"; {why}"
        met = scan.met(scan.next_after(position, _return_answer))
        yield scan.judge(Code.SP502, raised, due, met, note)


def _reaches_seller(window: ReturnWindow, request: ReturnRequest) -> tuple[bool, str]:
    """Whether Amazon passes a return request to the seller, and why (current edition).

    The window is SP701's (`return_window` and the holiday extension), counted as
    `sellerpolicy.assess_return` counts it.
    """
    if request.in_policy is False:
        return True, "marked outside the return policy (in_policy=False)"
    if request.in_policy is True:
        return False, "inside the return policy: Amazon authorises it"
    if window.start is None or window.return_by is None:
        return True, (
            "in_policy not given and no delivery date or latest EDD: "
            "assumed outside the return window"
        )
    how = f"{window.window} after the {window.anchor}"
    if window.holiday_end is not None:
        how += f", or the holiday extension ({window.holiday_why})"
    if window.within(request.requested_at):
        return False, (
            f"inside the return window ({how}, until {window.return_by.isoformat()}): "
            "Amazon authorises it"
        )
    return True, f"outside the return window ({how}, ended {window.return_by.isoformat()})"


def refund_after_return(scan: _Scan) -> Iterator[_Result]:
    """SP503: a returned item the seller received needs a refund (current edition)."""
    window = scan.window("refund_after_return")
    for position, request in scan.entries(ReturnRequest):
        if request.received_at is None:
            continue
        received = request.received_at.astimezone(dt.UTC)
        if received > scan.now:
            continue
        raised = scan.ref(position, at=request.received_at, summary="returned item received")
        due = scan.due("refund_after_return", received)
        if scan.order.fulfillment_channel is FulfillmentChannel.AFN:
            yield scan.not_applicable(
                Code.SP503, raised, due, "an FBA order: Amazon refunds its returns"
            )
            continue
        met = scan.met(scan.first_from(received, _refund))
        yield scan.judge(Code.SP503, raised, due, met, f"due {window} after the item was received")


def claim_buyer_contact(scan: _Scan) -> Iterator[_Result]:
    """SP504: on an order with an A-to-z claim, each buyer contact needs a seller reply.

    The window runs from the contact, which may precede the claim.
    """
    claims = [(p, c) for p, c in scan.entries(Claim) if c.kind is ClaimKind.A_TO_Z]
    if not claims:
        return
    window = scan.window("claim_contact_reply")
    claim_ref = scan.ref(claims[0][0])
    for position, _ in _buyer_contacts(scan):
        raised = scan.ref(position)
        due = scan.due("claim_contact_reply", scan.times[position])
        met = scan.met(scan.next_after(position, _seller_reply))
        note = f"due {window} after the contact; the order has an A-to-z claim ({claim_ref})"
        yield scan.judge(Code.SP504, raised, due, met, note)


def claim_information_request(scan: _Scan) -> Iterator[_Result]:
    """SP505: Amazon's information request on a claim needs the seller's response."""
    window = scan.window("claim_information_response")
    for position, _ in scan.entries(InformationRequest):
        raised = scan.ref(position)
        due = scan.due("claim_information_response", scan.times[position])
        met = scan.met(scan.next_after(position, _CLAIM_RESPONSE))
        yield scan.judge(Code.SP505, raised, due, met, f"due {window} after Amazon's request")


def chargeback_response(scan: _Scan) -> Iterator[_Result]:
    """SP506: a chargeback needs a refund or a representation."""
    window = scan.window("chargeback_response")
    for position, claim in scan.entries(Claim):
        if claim.kind is not ClaimKind.CHARGEBACK:
            continue
        raised = scan.ref(position)
        due = scan.due("chargeback_response", scan.times[position])
        met = scan.met(scan.next_after(position, _chargeback_answer))
        yield scan.judge(Code.SP506, raised, due, met, f"due {window} after the chargeback")


def order_problem_notice(scan: _Scan) -> Iterator[_Result]:
    """SP507: an order problem, or a cancellation by the seller, needs a message to the buyer.

    A seller cancellation after an order problem is covered by the problem's notice.
    """
    kinds = scan.parameters.members("problem_notice_kinds")
    window = scan.window("problem_notice")

    def notice(event: Event) -> bool:
        return (
            isinstance(event, Message)
            and event.sender is MessageSender.SELLER
            and event.kind in kinds
        )

    seen_problem = False
    for position, event in enumerate(scan.events):
        if isinstance(event, OrderProblem):
            seen_problem = True
        elif isinstance(event, Cancellation) and event.by is Party.SELLER:
            if seen_problem:
                continue  # the problem's own notice covers the cancellation it led to
        else:
            continue
        raised = scan.ref(position)
        due = scan.due("problem_notice", scan.times[position])
        # `notice` is one object for the whole scan, so its look-up index is built once
        met = scan.met(scan.next_after(position, notice))
        yield scan.judge(
            Code.SP507, raised, due, met, f"due {window} after the seller learned of it"
        )


def cancel_unfulfillable(scan: _Scan) -> Iterator[_Result]:
    """SP508: an order the seller cannot fulfil (out of stock) needs the seller to cancel it.

    The deadline counts from the latest ship date (current: Amazon cancels at ship-by + 7
    business days, against the seller's cancel rate) or from the problem (seed: 48 hours).
    """
    window = scan.window("cancel_unfulfillable")
    anchor = scan.parameters.choice("cancel_anchor")
    for position, problem in scan.entries(OrderProblem):
        if problem.problem is not ProblemKind.OUT_OF_STOCK:
            continue
        raised = scan.ref(position)
        if anchor == "latest_ship":
            if scan.order.latest_ship is None:
                yield NotJudged(
                    Code.SP508,
                    f"the order has no latest_ship, so the cancellation deadline ({window} "
                    f"after the latest ship date) for the out-of-stock problem at "
                    f"events[{raised.index}] cannot be computed",
                )
                continue
            start, note = scan.order.latest_ship, f"due {window} after the latest ship date"
        else:
            start, note = scan.times[position], f"due {window} after the seller learned of it"
        due = scan.due("cancel_unfulfillable", start)
        seller = scan.next_after(position, _SELLER_CANCELLATION)
        buyer = scan.next_after(position, _BUYER_CANCELLATION)
        if _earlier(buyer, seller):
            yield scan.not_applicable(Code.SP508, raised, due, "the buyer cancelled the order")
            continue
        shipped = _shipped_between(scan, scan.times[position], seller)
        if shipped is not None:
            yield scan.not_applicable(
                Code.SP508, raised, due, f"the order shipped after all ({shipped.isoformat()})"
            )
            continue
        yield scan.judge(Code.SP508, raised, due, scan.met(seller), note)


def _shipped_between(scan: _Scan, start: dt.datetime, before: int | None) -> dt.datetime | None:
    """The first ship time at or after ``start`` (and ``now``), before a seller cancellation."""
    end = scan.times[before] if before is not None else scan.now
    times = sorted(
        shipped
        for s in scan.order.shipments
        if s.shipped_at is not None and start <= (shipped := s.shipped_at.astimezone(dt.UTC)) <= end
    )
    return times[0] if times else None


def call_summary(scan: _Scan) -> Iterator[_Result]:
    """SP509: a phone call with the buyer should be summarised in a written message (advice)."""
    window = scan.window("call_summary")
    for position, _ in scan.entries(PhoneCall):
        raised = scan.ref(position)
        due = scan.due("call_summary", scan.times[position])
        met = scan.met(scan.next_after(position, _seller_written))
        yield scan.judge(Code.SP509, raised, due, met, f"due {window} after the call")


def claim_appeal_window(scan: _Scan) -> Iterator[_Result]:
    """SP510: a granted A-to-z claim may be appealed within the window (current edition)."""
    window = scan.window("claim_appeal_window")
    for position, claim in scan.entries(Claim):
        if claim.kind is not ClaimKind.A_TO_Z or claim.status is not ClaimStatus.GRANTED:
            continue
        if claim.decided_at is None:
            index = scan.indexes[position]
            yield NotJudged(
                Code.SP510,
                f"the claim at events[{index}] is granted but has no decided_at, "
                "so the appeal window cannot be computed",
            )
            continue
        decided = claim.decided_at.astimezone(dt.UTC)
        if decided > scan.now:
            continue
        raised = scan.ref(position, at=claim.decided_at, summary="A-to-z claim granted")
        due = scan.due("claim_appeal_window", decided)
        met = scan.met(scan.first_from(decided, _APPEAL))
        yield scan.judge(Code.SP510, raised, due, met, f"due {window} after the decision")


def safe_t_claim_window(scan: _Scan) -> Iterator[_Result]:
    """SP511: a refund Amazon issued may be claimed back through SAFE-T within the window."""
    window = scan.window("safe_t_window")
    for position, refund in scan.entries(Refund):
        if refund.by is not Party.AMAZON:
            continue
        raised = scan.ref(position)
        due = scan.due("safe_t_window", scan.times[position])
        met = scan.met(scan.next_after(position, _SAFE_T_CLAIM))
        yield scan.judge(Code.SP511, raised, due, met, f"due {window} after Amazon's refund")


def feedback_removal_window(scan: _Scan) -> Iterator[_Result]:
    """SP512: negative or neutral feedback may be reported for removal within the window."""
    window = scan.window("removal_request_window")
    for position, feedback in scan.entries(Feedback):
        if feedback.rating_class is FeedbackClass.POSITIVE:
            continue
        raised = scan.ref(
            position, summary=f"{feedback.rating_class.value} feedback ({feedback.rating} stars)"
        )
        due = scan.due("removal_request_window", scan.times[position])
        met = scan.met(scan.next_after(position, _REMOVAL_REQUEST))
        note = f"due {window} after the feedback; ask only where a removal ground applies"
        yield scan.judge(Code.SP512, raised, due, met, note)


def chargeback_records(scan: _Scan) -> Iterator[_Result]:
    """SP513: keep the shipment's carrier, tracking number and ship time until the due date."""
    order = scan.order
    purchased = order.purchased_at.astimezone(dt.UTC)
    if purchased > scan.now:
        return
    window = scan.window("records_retention")
    raised = scan.timeline.order_ref("purchase", order.purchased_at)
    due = scan.due("records_retention", purchased)
    if order.fulfillment_channel is FulfillmentChannel.AFN:
        yield scan.not_applicable(Code.SP513, raised, due, "an FBA order: Amazon keeps the records")
        return
    complete = sorted(
        shipped
        for s in order.shipments
        if s.carrier
        and s.tracking_number
        and s.shipped_at is not None
        and (shipped := s.shipped_at.astimezone(dt.UTC)) <= scan.now
    )
    note = f"due {window} after the purchase; met by a shipment with carrier, tracking and time"
    if complete:
        met = _Met(scan.timeline.order_ref("shipment", complete[0]), complete[0])
        yield scan.judge(Code.SP513, raised, due, met, note)
        return
    cancelled = next(scan.entries(Cancellation), None) is not None
    if cancelled or order.status is OrderStatus.CANCELED:
        yield scan.not_applicable(Code.SP513, raised, due, "the order was cancelled unshipped")
        return
    yield scan.judge(Code.SP513, raised, due, None, note)


_RULE_FUNCTIONS: tuple[tuple[Code, Callable[[_Scan], Iterator[_Result]]], ...] = (
    (Code.SP501, reply_to_buyer),
    (Code.SP502, return_request_response),
    (Code.SP503, refund_after_return),
    (Code.SP504, claim_buyer_contact),
    (Code.SP505, claim_information_request),
    (Code.SP506, chargeback_response),
    (Code.SP507, order_problem_notice),
    (Code.SP508, cancel_unfulfillable),
    (Code.SP509, call_summary),
    (Code.SP510, claim_appeal_window),
    (Code.SP511, safe_t_claim_window),
    (Code.SP512, feedback_removal_window),
    (Code.SP513, chargeback_records),
)


# --- findings -------------------------------------------------------------------------------


def _human(delta: dt.timedelta) -> str:
    """``2d 3h``, ``45m``, ``10s``: a short reading of a duration."""
    seconds = int(delta.total_seconds())
    if seconds <= 0:
        return "0s"
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{n}{u}" for n, u in ((days, "d"), (hours, "h"), (minutes, "m")) if n]
    if not parts:
        parts = [f"{secs}s"]
    return " ".join(parts[:2])


def _local(when: dt.datetime, marketplace: Marketplace) -> str:
    return when.astimezone(marketplace.tz).strftime("%Y-%m-%d %H:%M %Z")


def _finding(ob: Obligation, doc: RuleDoc, scan: _Scan) -> Finding:
    what = doc.message.format(raised_by=ob.raised_by.summary or ob.raised_by.type)
    due = _local(ob.due_at, scan.marketplace)
    if ob.status is ObligationStatus.MET:
        state = f"met by {ob.met_by}"
        if ob.late_by:
            state += f", {_human(ob.late_by)} late"
    elif ob.status is ObligationStatus.OPEN:
        state = f"open, {_human(ob.due_at - scan.now)} left"
    elif ob.status is ObligationStatus.OVERDUE:
        state = f"overdue by {_human(ob.overdue_by or dt.timedelta(0))}"
    else:
        state = f"not applicable: {ob.note}"
    rule_severity = scan.policy.severity(ob.code) or Severity.INFO
    severity = rule_severity if ob.status is ObligationStatus.OVERDUE else Severity.INFO
    return Finding(
        code=ob.code,
        name=ob.name,
        severity=severity,
        message=f"{what[:1].upper()}{what[1:]} by {due}: {state}",
        source=RULES[ob.code].source,
        field="events",
        event=ob.raised_by,
    )


# --- the public entries ---------------------------------------------------------------------


def obligations(
    order: Order,
    events: Iterable[Event],
    *,
    now: dt.datetime,
    policy: Policy | None = None,
) -> ObligationsReport:
    """Every obligation an order's timeline raises (SP501-SP513), as of ``now``.

    Each obligation says what raised it, when it is due (counted in the marketplace's zone and
    calendar, §13), whether an event met it, and its status. Events after ``now``
    are ignored: the decision is as of ``now``. Rules the policy disables are not listed.

    Args:
        order: The order.
        events: Its timeline events (messages, returns, claims, refunds, ...), in any order.
        now: The moment to decide for (timezone-aware); the clock is never read.
        policy: The policy; `Policy.current` by default.

    Returns:
        The obligations ordered by due time, one finding per obligation (the rule's severity
        when overdue, ``info`` otherwise) and the rules that could not be judged.

    Raises:
        InvalidTypeError: ``order`` is not an `Order`, an event is not an event, ``now`` is not
            a datetime or ``policy`` not a `Policy`.
        InvalidValueError: ``now`` is naive; the order's marketplace is unknown; an event
            belongs to another order, has no time, happened before the purchase or is given
            twice. The error's ``field`` names the argument (``now``, ``events[3].order_id``).
    """
    _checks.aware_datetime(now, "now")
    checked = resolve_policy(policy)
    timeline = OrderTimeline.build(order, events)
    return _decide(timeline, now, checked)


def _decide(timeline: OrderTimeline, now: dt.datetime, policy: Policy) -> ObligationsReport:
    scan = _Scan(timeline, now, policy)
    docs = family_docs(_DOCS_FILE)
    found: list[Obligation] = []
    not_judged: list[NotJudged] = []
    for code, rule in _RULE_FUNCTIONS:
        if policy.severity(code) is None:
            continue
        for result in rule(scan):
            if isinstance(result, NotJudged):
                not_judged.append(result)
            else:
                found.append(result)
    found.sort(key=_order_key)
    assumptions = list(timeline.assumptions)
    if scan.ignored:
        assumptions.append(
            f"{scan.ignored} event(s) after now ({scan.now.isoformat()}) were ignored"
        )
    return ObligationsReport(
        order_id=timeline.order.order_id,
        marketplace_id=timeline.order.marketplace_id,
        obligations=tuple(found),
        findings=tuple(_finding(o, docs[o.code], scan) for o in found),
        edition=policy.edition,
        as_of=now,
        not_judged=tuple(not_judged),
        assumptions=tuple(assumptions),
    )


def _order_key(ob: Obligation) -> tuple[dt.datetime, str, int]:
    index = ob.raised_by.index if ob.raised_by.index is not None else -1
    return (ob.due_at, ob.code.value, index)


def _horizon(within: object) -> Callable[[dt.datetime, Marketplace], dt.datetime]:
    if isinstance(within, dt.timedelta):
        if within < dt.timedelta(0):
            msg = f"within must not be negative, got {within!r}"
            raise InvalidValueError(msg, field="within", value=within)
        return lambda now, _: now + within
    if isinstance(within, str | Duration):
        duration = Duration.parse(within, "within")
        return duration.after
    msg = f"within must be a datetime.timedelta or a duration like '24h' or '2bd', got {within!r}"
    raise InvalidTypeError(msg, field="within", value=within)


def inbox(
    timelines: Iterable[tuple[Order, Iterable[Event]]],
    *,
    now: dt.datetime,
    within: dt.timedelta | Duration | str,
    policy: Policy | None = None,
) -> tuple[InboxItem, ...]:
    """Every open or overdue obligation across many orders, due by ``now + within``.

    Overdue obligations come first, the longest overdue first; then open ones by due time.
    Ties go by order id and code. The work is linear in the number of events.

    Args:
        timelines: ``(order, events)`` pairs, one per order.
        now: The moment to decide for (timezone-aware).
        within: How far ahead to look: a `datetime.timedelta` (elapsed time), or a duration
            such as ``"24h"`` or ``"2bd"`` counted in each order's marketplace calendar.
        policy: The policy; `Policy.current` by default.

    Raises:
        InvalidTypeError: An item of ``timelines`` is not an ``(order, events)`` pair, or
            ``within`` has the wrong type; errors from one order name it
            (``timelines[2].events[0].order_id``).
        InvalidValueError: ``now`` is naive, ``within`` is negative or malformed, or an
            order's timeline is invalid (see `obligations`).
    """
    _checks.aware_datetime(now, "now")
    checked = resolve_policy(policy)
    horizon = _horizon(within)
    if isinstance(timelines, str | bytes) or not isinstance(timelines, Iterable):
        msg = f"timelines must be an iterable of (order, events) pairs, got {timelines!r}"
        raise InvalidTypeError(msg, field="timelines", value=timelines)
    items: list[InboxItem] = []
    for k, pair in enumerate(timelines):
        where = f"timelines[{k}]"
        if not isinstance(pair, tuple | list) or len(pair) != 2:  # noqa: PLR2004 - a pair
            msg = f"{where} must be an (order, events) pair, got {pair!r}"
            raise InvalidTypeError(msg, field=where, value=pair)
        order, events = pair
        try:
            timeline = OrderTimeline.build(order, events)
            until = horizon(now, timeline.marketplace).astimezone(dt.UTC)
        except (InvalidTypeError, InvalidValueError) as exc:
            field = f"{where}.{exc.field}" if exc.field else where
            raise type(exc)(f"{where}: {exc}", field=field, value=exc.value) from None
        report = _decide(timeline, now, checked)
        items.extend(
            InboxItem(order_id=report.order_id, marketplace_id=report.marketplace_id, obligation=ob)
            for ob in report.obligations
            if ob.pending and ob.due_at <= until
        )
    items.sort(key=_urgency)
    return tuple(items)


def _urgency(item: InboxItem) -> tuple[bool, dt.datetime, str, str, int]:
    # every overdue obligation is due before every open one, so due time alone orders both
    # groups: the longest overdue first, then the soonest due
    ob = item.obligation
    index = ob.raised_by.index if ob.raised_by.index is not None else -1
    overdue_first = ob.status is not ObligationStatus.OVERDUE
    return (overdue_first, ob.due_at, item.order_id, ob.code.value, index)


# --- documented examples ------------------------------------------------------------------------


def example_timeline(
    code: Code | str, which: Literal["bad", "good"]
) -> tuple[Order, tuple[Event, ...], dt.datetime]:
    """A rule's documented ``bad`` or ``good`` example: the order, its events and ``now``."""
    from sellerpolicy._serialization import from_dict  # noqa: PLC0415 - only for examples

    doc = family_docs(_DOCS_FILE)[Code(code)]
    data: Mapping[str, Any] = doc.bad_example if which == "bad" else doc.good_example
    tags = {tag: cls for cls, (tag, _) in EVENT_TYPES.items()}
    order = from_dict(Order, dict(data["order"]))
    events: tuple[Event, ...] = tuple(
        from_dict(tags[raw["type"]], {k: v for k, v in raw.items() if k != "type"})
        for raw in data.get("events", ())
    )
    return order, events, data["now"]


def flags(code: Code, which: Literal["bad", "good"]) -> bool:
    """Whether ``code``'s obligation is overdue in its documented ``bad`` or ``good`` example."""
    order, events, now = example_timeline(code, which)
    report = obligations(order, events, now=now)
    return any(
        o.code is Code(code) and o.status is ObligationStatus.OVERDUE for o in report.obligations
    )


for _cls in (Obligation, ObligationsReport, InboxItem):
    resolve(_cls)
