"""Decision values: spans, findings and reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from sellerpolicy import _checks
from sellerpolicy._codes import Code, Edition, Severity
from sellerpolicy.exceptions import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Finding", "MessageReport", "Span"]


def _sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=Finding.sort_key))


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class Span:
    """A half-open range ``[start, end)`` of character offsets into the caller's original text.

    Attributes:
        start: Offset of the first character.
        end: Offset just past the last character.
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        """Check that both are ints and ``0 <= start <= end``."""
        _checks.integer(self.start, "Span.start", minimum=0)
        _checks.integer(self.end, "Span.end", minimum=0)
        if self.start > self.end:
            msg = f"Span needs 0 <= start <= end, got start={self.start!r}, end={self.end!r}"
            raise InvalidValueError(msg, field="Span.end", value=self.end)

    def line_col(self, text: str) -> tuple[int, int]:
        """The 1-based line and column of ``start`` in ``text``."""
        line = text.count("\n", 0, self.start) + 1
        col = self.start - (text.rfind("\n", 0, self.start) + 1) + 1
        return line, col


@attrs.frozen(kw_only=True)
class Finding:
    """One reason a decision came out as it did.

    Attributes:
        code: The rule code, e.g. ``SP101``.
        name: The rule's kebab-case name, e.g. ``external-link``.
        severity: How serious the finding is in the policy that produced it.
        message: A human explanation, naming the evidence.
        span: Where the evidence lies in the caller's original text; ``None`` when the finding is
            about something other than the text (an attachment, the message kind, the history).
        excerpt: The evidence as the caller wrote it.
        source: The policy source the rule comes from.
        disguises: How the evidence was disguised, e.g. ``("spaced-out dots",)``.
        field: The part of the message the evidence is in (``body``, ``subject``,
            ``attachments[0]``, ``history``).
    """

    code: Code = attrs.field(converter=Code)
    name: str
    severity: Severity = attrs.field(converter=Severity)
    message: str
    span: Span | None = None
    excerpt: str | None = None
    source: str = ""
    disguises: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    field: str = "body"

    def __str__(self) -> str:
        """``SP101 error external-link: message``."""
        return f"{self.code} {self.severity} {self.name}: {self.message}"

    def sort_key(self) -> tuple[int, int, str, str]:
        """Order findings by position, then code, so reports are deterministic."""
        start = self.span.start if self.span is not None else -1
        end = self.span.end if self.span is not None else -1
        return (start, end, self.code.value, self.message)


@attrs.frozen(kw_only=True)
class MessageReport:
    """The result of checking one message.

    Attributes:
        findings: Every finding, ordered by position and code.
        edition: The policy edition that produced them.
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_sorted_findings)
    edition: Edition = attrs.field(default=Edition.CURRENT, converter=Edition)

    @property
    def codes(self) -> frozenset[Code]:
        """The codes of all findings."""
        return frozenset(f.code for f in self.findings)

    @property
    def ok(self) -> bool:
        """``True`` when no finding has severity ``error``."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def by_severity(self, severity: Severity | str) -> tuple[Finding, ...]:
        """The findings of one severity."""
        wanted = Severity(severity)
        return tuple(f for f in self.findings if f.severity is wanted)

    def __str__(self) -> str:
        """A readable, multi-line summary."""
        if not self.findings:
            return f"ok: no findings ({self.edition} policy)"
        head = "ok" if self.ok else "not ok"
        counts = ", ".join(
            f"{n} {sev}" for sev in Severity if (n := sum(f.severity is sev for f in self.findings))
        )
        lines = [f"{head}: {counts} ({self.edition} policy)"]
        for f in self.findings:
            where = f"[{f.span.start}:{f.span.end}] " if f.span is not None else ""
            lines.append(f"  {where}{f}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (see `sellerpolicy.to_dict`)."""
        from sellerpolicy._serialization import to_dict  # noqa: PLC0415 - serialization is above us

        return to_dict(self)
