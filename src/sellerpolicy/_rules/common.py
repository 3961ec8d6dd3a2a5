"""What the timeline families share: turning a rule's note into a finding under a policy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from sellerpolicy._codes import RULES, Code, Severity
from sellerpolicy._decisions import EventRef, Finding
from sellerpolicy.exceptions import InvalidValueError

if TYPE_CHECKING:
    import datetime as dt

    from sellerpolicy._model import Claim, Order
    from sellerpolicy._policy import Policy

__all__ = ["RuleNote", "check_claim_times", "note_finding"]


class RuleNote(Protocol):
    """A rule's raw result: its code, message, evidence and an optional fixed severity."""

    @property
    def code(self) -> Code:
        """The rule."""

    @property
    def message(self) -> str:
        """The human explanation."""

    @property
    def event(self) -> EventRef | None:
        """The timeline event it rests on."""

    @property
    def field(self) -> str:
        """The part of the input it is about."""

    @property
    def severity(self) -> Severity | None:
        """A severity that replaces the policy's (advice given as info), or ``None``."""


def note_finding(note: RuleNote, policy: Policy) -> Finding | None:
    """The finding ``note`` makes under ``policy``; ``None`` when the policy switches it off."""
    severity = policy.severity(note.code)
    if severity is None:
        return None
    return Finding(
        code=note.code,
        name=RULES[note.code].name,
        severity=note.severity or severity,
        message=note.message,
        source=RULES[note.code].source,
        field=note.field,
        event=note.event,
    )


def check_claim_times(claim: Claim, order: Order, now: dt.datetime) -> None:
    """The claim belongs to the order and was filed between the purchase and ``now``."""
    if claim.order_id != order.order_id:
        msg = f"claim.order_id is {claim.order_id!r}, but the order is {order.order_id!r}"
        raise InvalidValueError(msg, field="claim.order_id", value=claim.order_id)
    if claim.filed_at < order.purchased_at:
        msg = (
            f"claim.filed_at ({claim.filed_at.isoformat()}) is before the purchase "
            f"({order.purchased_at.isoformat()})"
        )
        raise InvalidValueError(msg, field="claim.filed_at", value=claim.filed_at)
    if claim.filed_at > now:
        msg = (
            f"claim.filed_at ({claim.filed_at.isoformat()}) is after now ({now.isoformat()}); "
            "decide as of a moment after the filing"
        )
        raise InvalidValueError(msg, field="claim.filed_at", value=claim.filed_at)
