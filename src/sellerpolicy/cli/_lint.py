"""Checking one template file: mask its placeholders, run the policy, place findings in the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

import sellerpolicy
from sellerpolicy import RULES, Message, MessageFormat, MessageKind, Severity, check_message

# the one private import: placeholders (exported as sellerpolicy.find_placeholders later)
from sellerpolicy._templates import find_placeholders as _find_placeholders
from sellerpolicy._templates import mask_placeholders as _mask_placeholders
from sellerpolicy.cli._common import Diagnostic, Origin, UsageError
from sellerpolicy.cli._suppressions import apply_suppressions, find_suppressions, mask_comments
from sellerpolicy.exceptions import SellerPolicyError

if TYPE_CHECKING:
    import datetime as dt

    from sellerpolicy import Finding
    from sellerpolicy.cli._config import Settings
    from sellerpolicy.cli._frontmatter import Template

__all__ = ["FileResult", "lint"]


@attrs.frozen(kw_only=True)
class FileResult:
    """What checking one file found.

    Attributes:
        template: The file.
        kind: The message kind it was checked as.
        format: Text or HTML.
        diagnostics: The findings that remain, in file order.
        suppressed: How many findings suppressions hid.
        baselined: How many findings the baseline hid.
        policy: The policy it was checked under.
    """

    template: Template
    kind: MessageKind
    format: MessageFormat
    diagnostics: tuple[Diagnostic, ...]
    suppressed: int = 0
    baselined: int = 0
    policy: sellerpolicy.Policy

    @property
    def path(self) -> str:
        """The name the file is reported under."""
        return self.template.path


def _place(template: Template, start: int, end: int) -> tuple[int, int, int, int]:
    line, column = template.position(start)
    end_line, end_column = template.position(end)
    return line, column, end_line, end_column


def _range(template: Template, f: Finding) -> tuple[int, int, str | None]:
    """Where a finding's evidence is in the file, and the evidence as the file has it."""
    span = f.span
    if f.field == "subject" and template.subject_value_offset is not None:
        subject = template.subject or ""
        if template.subject_offset is not None and span is not None:
            start = template.subject_offset + span.start
            return start, template.subject_offset + span.end, subject[span.start : span.end]
        # an escaped or folded value: point at the whole value
        end = template.text.find("\n", template.subject_value_offset)
        end = len(template.text) if end < 0 else end
        return template.subject_value_offset, end, f.excerpt
    base = template.body_offset
    if f.field == "body" and span is not None:
        return base + span.start, base + span.end, template.body[span.start : span.end]
    return base, base, f.excerpt


def _diagnostic(template: Template, f: Finding) -> Diagnostic:
    start, end, excerpt = _range(template, f)
    message = f.message
    if f.excerpt and excerpt and f.excerpt != excerpt:
        # the rules read the masked text; show the evidence as the template has it
        message = message.replace(f.excerpt, excerpt)
    line, column, end_line, end_column = _place(template, start, end)
    return Diagnostic(
        path=template.path,
        code=f.code.value,
        name=f.name,
        severity=f.severity,
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        field=f.field,
        excerpt=excerpt,
        source=f.source,
        disguises=f.disguises,
    )


def _placeholders(template: Template, settings: Settings) -> list[Diagnostic]:
    out = []
    texts = [(template.body_offset, template.body, "body")]
    if template.subject is not None and template.subject_offset is not None:
        texts.append((template.subject_offset, template.subject, "subject"))
    for base, text, field in texts:
        for p in _find_placeholders(text):
            code = p.risk
            if code is None or not settings.policy.is_enabled(code):
                continue
            if code.value not in settings.active:
                continue
            info = RULES[code]
            raw = text[p.start : p.end]
            line, column, end_line, end_column = _place(template, base + p.start, base + p.end)
            out.append(
                Diagnostic(
                    path=template.path,
                    code=code.value,
                    name=info.name,
                    severity=Severity.WARNING,
                    message=f"placeholder {raw} may expand into what {info.name} forbids: "
                    f"{info.summary[0].lower()}{info.summary[1:]}",
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    field=field,
                    excerpt=raw,
                    source=info.source,
                    origin=Origin.PLACEHOLDER,
                )
            )
    return out


def lint(
    template: Template,
    *,
    kind: MessageKind | str,
    fmt: MessageFormat | str,
    settings: Settings,
    today: dt.date,
) -> FileResult:
    """Check one template under its settings.

    Raises:
        UsageError: The front matter's kind or format is unknown, or the body is too long.
    """
    body = _mask_placeholders(mask_comments(template.body))
    subject = template.subject
    try:
        message = Message(
            body=body,
            kind=kind,
            subject=_mask_placeholders(subject) if subject is not None else None,
            format=fmt,
        )
        report = check_message(message, policy=settings.policy)
    except SellerPolicyError as exc:
        raise UsageError(f"{template.path}: {exc}") from None
    found = [_diagnostic(template, f) for f in report.findings if f.code.value in settings.active]
    found += _placeholders(template, settings)
    kept, hidden = apply_suppressions(
        found,
        find_suppressions(template),
        template=template,
        today=today,
        active=settings.active,
        unsuppressible=settings.unsuppressible,
    )
    return FileResult(
        template=template,
        kind=message.kind,
        format=message.format,
        diagnostics=tuple(sorted(kept, key=Diagnostic.sort_key)),
        suppressed=hidden,
        policy=settings.policy,
    )
