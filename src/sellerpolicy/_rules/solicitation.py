"""The solicitation decision: may a review request go for an order now, and in which window."""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs.resolve_types reads annotations at run time
from collections.abc import Iterable  # noqa: TC003 - attrs.resolve_types reads annotations

import attrs

from sellerpolicy import _checks
from sellerpolicy._codes import RULES, Code, Severity
from sellerpolicy._decisions import EventRef, Finding, NotJudged, Report, _optional_aware
from sellerpolicy._events import Event  # noqa: TC001 - attrs.resolve_types reads annotations
from sellerpolicy._model import Message, MessageKind, Order
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._rules.context import (
    Campaign,
    opt_out_before,
    opted_out_finding,
    proactive_deadline,
    selective_solicitation,
    solicitation_window_of,
    too_late_finding,
    window_findings,
)
from sellerpolicy._timeline import OrderTimeline, describe
from sellerpolicy.exceptions import InvalidTypeError

__all__ = ["SolicitationDecision", "solicitation"]


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class SolicitationDecision(Report):
    """Whether a review request may go for an order now, and its window.

    Attributes:
        allowed: ``True`` when no finding is an ``error``: a request may go at ``as_of``.
        earliest: The first instant a request may go (the window's start, in the current
            edition; the seed's "best from" in the seed edition).
        latest: The last instant a request may go; ``None`` when the window never closes (seed).
        opens_from: The date ``earliest`` counts from (an order date, or an assumed delivery).
        closes_from: The date ``latest`` counts from.
        already_sent: A review request (free-form or Amazon's Request a Review) already went
            for the order (SP122).
        opted_out: The buyer opted out of unsolicited messages (SP405).
        assumptions: What the decision assumed for lack of a date.
    """

    allowed: bool
    earliest: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    latest: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    opens_from: EventRef | None = None
    closes_from: EventRef | None = None
    already_sent: bool = False
    opted_out: bool = False
    assumptions: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def _headline(self) -> str:
        answer = "allowed" if self.allowed else "not allowed"
        return f"{answer}: review request ({self.edition} policy)"

    def _details(self) -> list[str]:
        lines = []
        if self.earliest is not None:
            lines.append(f"  earliest: {self.earliest.isoformat()}")
        lines.append(f"  latest: {self.latest.isoformat() if self.latest else 'none'}")
        lines += [f"  assumed: {a}" for a in self.assumptions]
        return lines + super()._details()


def _history_requests(
    order: Order, history: tuple[Message, ...], now: dt.datetime
) -> list[tuple[int, Message]]:
    return [
        (i, m)
        for i, m in enumerate(history)
        if m.order_id in {None, order.order_id}
        and m.requests_review
        and (m.sent_at is None or m.sent_at <= now)
    ]


_Earlier = tuple[str, EventRef | None, str]


def _earlier_requests(
    timeline: OrderTimeline, history: tuple[Message, ...], now: dt.datetime
) -> list[_Earlier]:
    """The review requests sent for the order up to ``now``: (field, evidence, where)."""
    earlier: list[_Earlier] = []
    sent_events = [m for _, m in timeline.solicitations()]
    for i, m in timeline.solicitations():
        if m.sent_at is not None and m.sent_at <= now:
            earlier.append(("events", timeline.ref(i), f"events[{i}]"))
    for i, m in _history_requests(timeline.order, history, now):
        if m in sent_events:
            continue  # the same message given twice, in history and in events
        ref = None
        if m.sent_at is not None:
            ref = EventRef(type="message", at=m.sent_at, summary=f"{describe(m)} (history[{i}])")
        earlier.append(("history", ref, f"history[{i}]"))
    return earlier


def _repeat_finding(order: Order, earlier: list[_Earlier], policy: Policy) -> Finding | None:
    """SP122: a request would go after ``solicitation_requests`` already went."""
    severity = policy.severity(Code.SP122)
    allowed_requests = policy.parameters.integer("solicitation_requests")
    if severity is None or len(earlier) < allowed_requests:
        return None
    info = RULES[Code.SP122]
    field, ref, where = earlier[-1]
    plural = "s" if len(earlier) != 1 else ""
    message = (
        f"{len(earlier)} review request{plural} already sent for order {order.order_id} "
        f"(latest: {where}); the policy allows {allowed_requests} per order "
        "(Amazon's Request a Review counts)"
    )
    return Finding(
        code=Code.SP122,
        name=info.name,
        severity=severity,
        message=message,
        source=info.source,
        field=field,
        event=ref,
    )


@attrs.frozen(kw_only=True)
class _Window:
    earliest: dt.datetime | None = None
    latest: dt.datetime | None = None
    opens_from: EventRef | None = None
    closes_from: EventRef | None = None
    assumptions: tuple[str, ...] = ()


def _window(
    timeline: OrderTimeline, policy: Policy, now: dt.datetime
) -> tuple[list[Finding], _Window]:
    """SP404 and SP403 at ``now``, and the window they leave: its latest end is the earlier."""
    findings: list[Finding] = []
    result = _Window()
    window = solicitation_window_of(timeline, policy, assume_transit=True)
    if window is not None and policy.severity(Code.SP404) is not None:
        result = _Window(
            earliest=window.earliest,
            latest=window.latest,
            opens_from=window.opens_from,
            closes_from=window.closes_from,
            assumptions=window.assumptions,
        )
        findings += window_findings(timeline, policy, now, window)
    deadline = proactive_deadline(timeline, policy, assume_transit=True)
    if deadline is not None and policy.severity(Code.SP403) is not None:
        assumptions = result.assumptions
        if deadline.assumption and deadline.assumption not in assumptions:
            assumptions = (*assumptions, deadline.assumption)
        result = attrs.evolve(result, assumptions=assumptions)
        if result.latest is None or deadline.at < result.latest:
            result = attrs.evolve(result, latest=deadline.at, closes_from=deadline.ref)
        if now > deadline.at and (found := too_late_finding(timeline, policy, now, deadline)):
            findings.append(found)
    return findings, result


def solicitation(
    order: Order,
    *,
    history: Iterable[Message] = (),
    events: Iterable[Event] = (),
    campaign: Campaign | None = None,
    now: dt.datetime,
    policy: Policy | None = None,
) -> SolicitationDecision:
    """May a review request go for ``order`` at ``now``? With its window and the reasons.

    Judges the window (SP404, and SP403 for a proactive message), an earlier request for the
    order in ``history`` or ``events`` (SP122; Amazon's Request a Review is a message of kind
    ``review_request`` sent by ``amazon``, see `Message.requests_review`), the buyer's opt-out
    among the events (SP405) and, when given, the campaign's filters (SP415). An order without
    any delivery date is assumed delivered ``typical_transit`` after the purchase, and the
    decision says so in ``assumptions``. Events and messages after ``now`` are not counted.

    Args:
        order: The order.
        history: Earlier messages, oldest first; messages of other orders are ignored.
        events: The order's timeline events (messages, `OptOut`, ...).
        campaign: The campaign the request belongs to, for SP415.
        now: When the request would go, timezone-aware.
        policy: The policy to apply; defaults to `Policy.current()`.

    Returns:
        A `SolicitationDecision`: ``allowed`` is ``False`` when a finding is an ``error``.

    Raises:
        InvalidTypeError: An argument has the wrong type; ``field`` names it.
        InvalidValueError: ``now`` is naive; an event belongs to another order, has no time,
            comes before the purchase or is given twice.
    """
    policy = resolve_policy(policy)
    _checks.aware_datetime(now, "now")
    past: tuple[Message, ...] = _checks.sequence_of(history, Message, "history")
    if campaign is not None and not isinstance(campaign, Campaign):
        raise InvalidTypeError(
            f"campaign must be a Campaign, got {campaign!r}", field="campaign", value=campaign
        )
    timeline = OrderTimeline.build(order, events)

    findings, window = _window(timeline, policy, now)
    not_judged: list[NotJudged] = []
    earlier = _earlier_requests(timeline, past, now)
    if repeat := _repeat_finding(order, earlier, policy):
        findings.append(repeat)
    opted = opt_out_before(timeline, now)
    if opted is not None and MessageKind.REVIEW_REQUEST in policy.parameters.members(
        "non_critical_kinds"
    ):
        found = opted_out_finding(timeline, policy, MessageKind.REVIEW_REQUEST, opted)
        if found:
            findings.append(found)
    if campaign is not None:
        findings += selective_solicitation(campaign, policy)
    elif policy.severity(Code.SP415) is not None:
        not_judged.append(NotJudged(Code.SP415, "no campaign given"))
    return SolicitationDecision(
        findings=tuple(findings),
        edition=policy.edition,
        as_of=now,
        not_judged=tuple(not_judged),
        allowed=not any(f.severity is Severity.ERROR for f in findings),
        earliest=window.earliest,
        latest=window.latest,
        opens_from=window.opens_from,
        closes_from=window.closes_from,
        already_sent=bool(earlier),
        opted_out=opted is not None,
        assumptions=(*timeline.assumptions, *window.assumptions),
    )
