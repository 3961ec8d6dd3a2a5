"""What the timeline families share: turning a rule's note into a finding under a policy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from sellerpolicy._codes import RULES, Code, Severity
from sellerpolicy._decisions import EventRef, Finding

if TYPE_CHECKING:
    from sellerpolicy._policy import Policy

__all__ = ["RuleNote", "note_finding"]


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
