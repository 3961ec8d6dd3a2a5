"""Decision values: spans, findings and reports."""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs.resolve_types reads annotations at run time
from collections.abc import Iterable  # noqa: TC003 - attrs.resolve_types reads annotations
from typing import Any

import attrs

from sellerpolicy import _checks, _repr
from sellerpolicy._codes import Code, Edition, Severity
from sellerpolicy._converter import converter
from sellerpolicy.exceptions import InvalidValueError

__all__ = ["EventRef", "Finding", "MessageReport", "NotJudged", "Report", "Span"]


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
class EventRef:
    """A timeline event a decision relied on: evidence that is not text.

    Attributes:
        type: The event's type, e.g. ``message``, ``refund``, ``claim`` (or ``order`` for a date
            of the order itself, such as its latest delivery date).
        at: When it happened.
        index: Its position in the ``events`` the caller passed; ``None`` for the order's own
            dates.
        summary: A short description, e.g. ``buyer inquiry``.
    """

    type: str
    at: dt.datetime = attrs.field(validator=lambda _, a, v: _checks.aware_datetime(v, a.name))
    index: int | None = None
    summary: str = ""

    def __str__(self) -> str:
        """``buyer inquiry (events[2], 2026-03-01T10:00:00+00:00)``."""
        where = f"events[{self.index}], " if self.index is not None else ""
        return f"{self.summary or self.type} ({where}{self.at.isoformat()})"


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
        field: The part of the input the evidence is in (``body``, ``subject``,
            ``attachments[0]``, ``history``, ``comment``, ``events``).
        event: The timeline event the finding rests on, for timeline decisions.
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
    event: EventRef | None = None

    def __str__(self) -> str:
        """``SP101 error external-link: message``."""
        return f"{self.code} {self.severity} {self.name}: {self.message}"

    def __repr__(self) -> str:
        """``<Finding SP103 error email-address [12:27] 'contains an email address: …'>``."""
        return _repr.finding_repr(self)

    def _repr_html_(self) -> str:
        """A one-row table of reasons, for notebooks."""
        return _repr.finding_html(self)

    def sort_key(self) -> tuple[int, int, str, str]:
        """Order findings by position (text offset or event index), then code."""
        if self.span is not None:
            start, end = self.span.start, self.span.end
        elif self.event is not None and self.event.index is not None:
            start = end = self.event.index
        else:
            start = end = -1
        return (start, end, self.code.value, self.message)


@attrs.frozen
class NotJudged:
    """A rule that could not be judged, and why (a missing input, a missing library).

    Attributes:
        code: The rule.
        reason: What was missing, e.g. ``no order given``.
    """

    code: Code = attrs.field(converter=Code)
    reason: str

    def __str__(self) -> str:
        """``SP402 not judged: no order given``."""
        return f"{self.code} not judged: {self.reason}"


def _edition(value: Edition | str) -> Edition:
    # `Edition(value)` of what is already an edition costs more than the rest of a report
    return value if type(value) is Edition else Edition(value)


def _not_judged(values: Iterable[NotJudged]) -> tuple[NotJudged, ...]:
    return tuple(sorted(values, key=lambda n: n.code.value))


def _optional_aware(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _checks.aware_datetime(value, attribute.name)


@attrs.frozen(kw_only=True)
class Report:
    """What every decision has: its findings, the edition, the moment, and what it could not judge.

    Attributes:
        findings: Every finding, ``info`` included, in a deterministic order.
        edition: The policy edition that produced them.
        as_of: The moment the decision was made for (``now``); ``None`` when no clock was
            needed.
        not_judged: Rules that could not be judged for lack of an input, with the reason; an
            empty tuple means every enabled rule was judged.
    """

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted_findings)
    edition: Edition = attrs.field(default=Edition.CURRENT, converter=_edition)
    as_of: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    not_judged: tuple[NotJudged, ...] = attrs.field(default=(), converter=_not_judged)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Keep the short `__repr__` in subclasses: attrs writes its own unless a class has one."""
        super().__init_subclass__(**kwargs)
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = Report.__repr__  # type: ignore[method-assign]

    def __repr__(self) -> str:
        """``<MessageReport not ok: 2 error, 1 warning (current)>``; `str` has the details."""
        return _repr.report_repr(self)

    def _repr_html_(self) -> str:
        """The answer, a table of reasons and the fields the decision adds, for notebooks."""
        return _repr.report_html(self)

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

    def _headline(self) -> str:
        """The first line of `__str__`; decisions put their answer here."""
        if not self.findings:
            return f"ok: no findings ({self.edition} policy)"
        head = "ok" if self.ok else "not ok"
        counts = ", ".join(
            f"{n} {sev}" for sev in Severity if (n := sum(f.severity is sev for f in self.findings))
        )
        return f"{head}: {counts} ({self.edition} policy)"

    def _details(self) -> list[str]:
        """Lines after the findings; decisions add their dates and amounts."""
        return [f"  {n}" for n in self.not_judged]

    def __str__(self) -> str:
        """A readable, multi-line summary."""
        lines = [self._headline()]
        for f in self.findings:
            if f.span is not None:
                where = f"[{f.span.start}:{f.span.end}] "
            elif f.event is not None:
                where = f"[{f.event}] "
            else:
                where = ""
            lines.append(f"  {where}{f}")
        lines += self._details()
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The decision as JSON-ready data (see `sellerpolicy.to_dict`)."""
        data: dict[str, Any] = converter().unstructure(self)
        return data


@attrs.frozen(kw_only=True)
class MessageReport(Report):
    """The result of checking one message: findings carry spans into the original text."""
