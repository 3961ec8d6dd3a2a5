"""The decision API: check a message against a policy, with its order and history if given."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from sellerpolicy import _checks
from sellerpolicy._decisions import MessageReport
from sellerpolicy._model import Message, MessageKind, Order
from sellerpolicy._policy import Policy
from sellerpolicy._rules.context import MessageContext, run_context_rules
from sellerpolicy._rules.messages import run_message_rules
from sellerpolicy.exceptions import InputTooLargeError, InvalidTypeError

if TYPE_CHECKING:
    import datetime as dt

    from sellerpolicy._events import Event

__all__ = ["check_message"]


def _message(
    text_or_message: str | Message, kind: MessageKind | str | None, subject: str | None
) -> Message:
    if isinstance(text_or_message, Message):
        message = text_or_message
        if kind is not None:
            message = attrs.evolve(message, kind=kind)
        if subject is not None:
            message = attrs.evolve(message, subject=subject)
        return message
    if isinstance(text_or_message, str):
        return Message(
            body=text_or_message,
            kind=MessageKind.PROACTIVE if kind is None else kind,
            subject=subject,
        )
    raise InvalidTypeError(f"expected a str or a Message, got {text_or_message!r}")


def _history(history: Iterable[Message]) -> tuple[Message, ...]:
    if isinstance(history, str | bytes | Message) or not isinstance(history, Iterable):
        raise InvalidTypeError(f"history must be a sequence of Message values, got {history!r}")
    past = tuple(history)
    for i, item in enumerate(past):
        if not isinstance(item, Message):
            raise InvalidTypeError(f"history[{i}] must be a Message, got {item!r}")
    return past


def check_message(
    text_or_message: str | Message,
    *,
    kind: MessageKind | str | None = None,
    subject: str | None = None,
    order: Order | None = None,
    history: Iterable[Message] = (),
    events: Iterable[Event] = (),
    now: dt.datetime | None = None,
    policy: Policy | None = None,
) -> MessageReport:
    """Check a seller message (or template) against the policy.

    Args:
        text_or_message: The message body as text, or a `Message`.
        kind: The message kind; for a text it defaults to ``proactive``. Given with a `Message`,
            it replaces the message's kind.
        subject: The subject line, for a text (a `Message` carries its own).
        order: The order the message is about. The context rules (SP401-SP406) read it: the
            order id, the buyer's locale, the delivery dates, the marketplace's time zone.
        history: Earlier messages, oldest first (SP116, SP122 and, with an order, SP406). With
            an order given, a message of another order (its ``order_id`` differs) counts only
            toward the daily limit (SP406).
        events: The order's timeline events (messages, `OptOut`, refunds, ...), read with an
            order: opt-outs (SP405), earlier messages (SP116, SP122, SP406).
        now: When the message goes, timezone-aware (SP403, SP404, SP406); without it the
            message's ``sent_at`` is used.
        policy: The policy to apply; defaults to `Policy.current()`.

    Returns:
        A `MessageReport` whose findings carry spans into the original text (content rules)
        or the order's dates and events (context rules). When ``order``, ``events`` or ``now``
        is given, ``not_judged`` names each enabled context rule that lacked an input, and
        ``as_of`` is the send time; without them the report is the content check alone.

    Raises:
        InvalidTypeError: An argument has the wrong type.
        InvalidValueError: ``kind`` is unknown, ``now`` is naive, or the message or an event
            belongs to another order (see `OrderTimeline.build` for the event checks).
        InputTooLargeError: The body is longer than the policy's ``max_input_chars``.
    """
    policy = Policy.current() if policy is None else policy
    if not isinstance(policy, Policy):
        raise InvalidTypeError(f"policy must be a Policy, got {policy!r}")
    message = _message(text_or_message, kind, subject)
    past = _history(history)
    if order is not None and not isinstance(order, Order):
        raise InvalidTypeError(f"order must be an Order, got {order!r}", field="order", value=order)
    if now is not None:
        _checks.aware_datetime(now, "now")
    limit = policy.parameters.max_input_chars
    if len(message.body) > limit:
        msg = (
            f"message body has {len(message.body):,} characters, over the limit of {limit:,}; "
            "split the text or raise the policy's max_input_chars parameter"
        )
        raise InputTooLargeError(msg)
    if order is None and now is None and _empty(events):
        # the content check alone, exactly as without the context family
        findings = run_message_rules(message, past, policy)
        return MessageReport(findings=findings, edition=policy.edition)
    context = MessageContext.build(
        message, order=order, history=past, events=events, now=now, policy=policy
    )
    findings = run_message_rules(message, context.order_messages(), policy, order=order)
    extra, not_judged = run_context_rules(context)
    return MessageReport(
        findings=findings + extra,
        edition=policy.edition,
        as_of=context.now,
        not_judged=not_judged,
    )


def _empty(events: Iterable[Event]) -> bool:
    # a tuple or list is looked at without being consumed; any other iterable is "given"
    return isinstance(events, tuple | list) and not events
