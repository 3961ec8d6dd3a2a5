"""The decision API: check a message against a policy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from sellerpolicy._decisions import MessageReport
from sellerpolicy._model import Message, MessageKind, Order
from sellerpolicy._policy import Policy
from sellerpolicy._rules.messages import run_message_rules
from sellerpolicy.exceptions import InputTooLargeError, InvalidTypeError, InvalidValueError

__all__ = ["check_message"]


def _aware(name: str, value: dt.datetime | None) -> None:
    if value is None:
        return
    if not isinstance(value, dt.datetime):
        raise InvalidTypeError(f"{name} must be a datetime, got {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidValueError(f"{name} must be timezone-aware, got naive {value!r}")


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
    now: dt.datetime | None = None,
    policy: Policy | None = None,
) -> MessageReport:
    """Check a seller message (or template) against the policy.

    Args:
        text_or_message: The message body as text, or a `Message`.
        kind: The message kind; for a text it defaults to ``proactive``. Given with a `Message`,
            it replaces the message's kind.
        subject: The subject line, for a text (a `Message` carries its own).
        order: The order the message is about. Validated and accepted so callers can pass one
            context to every decision; the content rules (SP1xx, SP2xx) do not read it, the
            context and timing rules (SP4xx) will.
        history: Earlier messages for the same order, oldest first (SP116, SP122).
        now: The moment of the check, timezone-aware. Content rules do not need it; like
            ``order`` it is accepted so callers can pass one clock to every decision.
        policy: The policy to apply; defaults to `Policy.current()`.

    Returns:
        A `MessageReport` whose findings carry spans into the original text.

    Raises:
        InvalidTypeError: An argument has the wrong type.
        InvalidValueError: ``kind`` is unknown or ``now`` is naive.
        InputTooLargeError: The body is longer than the policy's ``max_input_chars``.
    """
    policy = Policy.current() if policy is None else policy
    if not isinstance(policy, Policy):
        raise InvalidTypeError(f"policy must be a Policy, got {policy!r}")
    message = _message(text_or_message, kind, subject)
    past = _history(history)
    if order is not None and not isinstance(order, Order):
        raise InvalidTypeError(f"order must be an Order, got {order!r}")
    _aware("now", now)
    limit = policy.parameters.max_input_chars
    if len(message.body) > limit:
        msg = (
            f"message body has {len(message.body):,} characters, over the limit of {limit:,}; "
            "split the text or raise the policy's max_input_chars parameter"
        )
        raise InputTooLargeError(msg)
    findings = run_message_rules(message, past, policy)
    return MessageReport(findings=findings, edition=policy.edition)
