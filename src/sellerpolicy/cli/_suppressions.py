"""Suppressions: inline comments and front-matter ``ignore:``, with a reason and an expiry."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
import regex

from sellerpolicy.cli._common import META_RULES, Diagnostic, Origin
from sellerpolicy.cli._config import code_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sellerpolicy.cli._frontmatter import Template

__all__ = ["Suppression", "apply_suppressions", "find_suppressions", "mask_comments"]

# '<!-- sellerpolicy: ignore[SP104] reason="carrier hotline" until=2027-06-30 -->', or the
# same in a Jinja comment, which the rendered message never shows.
_COMMENT = regex.compile(
    r"""(?x)
      <!--\s*sellerpolicy\s*:(?P<html>[^\n]{0,1000}?)-->       # an HTML comment, on one line
    | \{\#-?\s*sellerpolicy\s*:(?P<jinja>[^\n]{0,1000}?)-?\#\}  # a Jinja comment, on one line
    """,
    regex.V1,
)
_DIRECTIVE = regex.compile(
    r"""(?x)
    \s* ignore \s* \[ (?P<codes>[^\]]*) \]     # ignore[SP104, phone-number]
    (?P<options>(?:\s+[a-z]+=(?:"[^"]*"|\S+))*) # reason="..." until=2027-06-30
    \s*
    """,
    regex.V1,
)
_OPTION = regex.compile(r'(?P<key>[a-z]+)=(?:"(?P<quoted>[^"]*)"|(?P<bare>\S+))', regex.V1)


@attrs.frozen(kw_only=True)
class Suppression:
    """One suppression as written.

    Attributes:
        codes: The codes it names.
        reason: Why the findings are acceptable.
        until: The last day it applies.
        line: The line whose findings it hides; ``None`` for the whole file (front matter).
        start: Where it is written in the file.
        end: Just past its end in the file.
        problem: Why it cannot apply (a missing reason is checked later, with the others).
    """

    codes: frozenset[str]
    reason: str | None
    until: dt.date | None
    line: int | None
    start: int
    end: int
    problem: str | None = None


def _codes(values: Iterable[object]) -> tuple[frozenset[str], str | None]:
    codes, unknown = set(), []
    for value in values:
        code = code_of(value.strip()) if isinstance(value, str) else None
        if code is None:
            unknown.append(repr(value))
        else:
            codes.add(code)
    if unknown:
        return frozenset(codes), f"unknown rule code or name {', '.join(unknown)}"
    if not codes:
        return frozenset(), "names no rule code"
    return frozenset(codes), None


def _date(value: object) -> tuple[dt.date | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value), None
        except ValueError:
            pass
    return None, f"until must be a date written YYYY-MM-DD, got {value!r}"


def _inline(template: Template, m: regex.Match[str]) -> Suppression:
    start, end = template.body_offset + m.start(), template.body_offset + m.end()
    line, _ = template.position(start)
    text = template.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    alone = (
        not text[line_start:start].strip()
        and not text[end : len(text) if line_end < 0 else line_end].strip()
    )
    target = line + 1 if alone else line
    directive = _DIRECTIVE.fullmatch(m["html"] if m["html"] is not None else m["jinja"])
    if directive is None:
        return Suppression(
            codes=frozenset(),
            reason=None,
            until=None,
            line=target,
            start=start,
            end=end,
            problem='expected ignore[CODE, ...] reason="..." until=YYYY-MM-DD',
        )
    codes, problem = _codes(directive["codes"].split(","))
    options = {
        o["key"]: o["quoted"] if o["quoted"] is not None else o["bare"]
        for o in _OPTION.finditer(directive["options"])
    }
    unknown = sorted(set(options) - {"reason", "until"})
    if unknown and problem is None:
        problem = f"unknown option(s) {', '.join(unknown)}; use reason= and until="
    until, date_problem = _date(options.get("until"))
    return Suppression(
        codes=codes,
        reason=(options.get("reason") or "").strip() or None,
        until=until,
        line=target,
        start=start,
        end=end,
        problem=problem or date_problem,
    )


def _front_matter(value: object, start: int, template: Template) -> Suppression:
    line_end = template.text.find("\n", start)
    end = len(template.text) if line_end < 0 else line_end
    if not isinstance(value, dict):
        return Suppression(
            codes=frozenset(),
            reason=None,
            until=None,
            line=None,
            start=start,
            end=end,
            problem="an ignore entry is a mapping: code (or codes), reason, optional until",
        )
    raw = value.get("codes", value.get("code"))
    codes, problem = _codes(
        [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else [raw]
    )
    unknown = sorted(str(k) for k in value if k not in {"code", "codes", "reason", "until"})
    if unknown and problem is None:
        problem = f"unknown key(s) {', '.join(unknown)}; use code, codes, reason, until"
    until, date_problem = _date(value.get("until"))
    reason = value.get("reason")
    return Suppression(
        codes=codes,
        reason=reason.strip() or None if isinstance(reason, str) else None,
        until=until,
        line=None,
        start=start,
        end=end,
        problem=problem or date_problem,
    )


def find_suppressions(template: Template) -> tuple[Suppression, ...]:
    """Every suppression of a template: its inline comments and its front-matter entries."""
    found = [_front_matter(e.value, e.offset, template) for e in template.ignores]
    found += [_inline(template, m) for m in _COMMENT.finditer(template.body)]
    return tuple(found)


def mask_comments(body: str) -> str:
    """``body`` with every suppression comment turned into spaces, so no rule reads it."""
    return _COMMENT.sub(lambda m: " " * len(m[0]), body)


def _meta(template: Template, s: Suppression, code: str, message: str) -> Diagnostic:
    rule = META_RULES[code]
    line, column = template.position(s.start)
    end_line, end_column = template.position(s.end)
    return Diagnostic(
        path=template.path,
        code=code,
        name=rule.name,
        severity=rule.severity,
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        excerpt=template.text[s.start : s.end],
        origin=Origin.SUPPRESSION,
    )


def apply_suppressions(
    diagnostics: Iterable[Diagnostic],
    suppressions: Iterable[Suppression],
    *,
    template: Template,
    today: dt.date,
    active: frozenset[str],
    unsuppressible: frozenset[str],
) -> tuple[list[Diagnostic], int]:
    """The diagnostics no suppression hides, plus the suppressions' own; and how many were hidden.

    A suppression applies when it has a reason, names only known codes that may be
    suppressed, and has not expired (``until`` is the last day it applies). It hides the
    findings of its codes on its line (a comment alone on a line: the next line), or in the
    whole file (front matter). A suppression that hides nothing is reported as unused.
    """
    meta: list[Diagnostic] = []
    usable: list[Suppression] = []
    for s in suppressions:
        problem = s.problem
        if problem is None and s.reason is None:
            problem = 'it needs a reason, e.g. reason="carrier hotline"'
        blocked = s.codes & unsuppressible
        if problem is None and blocked:
            problem = f"{', '.join(sorted(blocked))} may never be suppressed (unsuppressible)"
        if problem is not None:
            meta.append(_meta(template, s, "SP003", f"suppression does not apply: {problem}"))
        elif s.until is not None and s.until < today:
            meta.append(
                _meta(
                    template,
                    s,
                    "SP002",
                    f"suppression of {', '.join(sorted(s.codes))} expired on {s.until}; "
                    "the findings it hid are reported again",
                )
            )
        else:
            usable.append(s)
    used: dict[int, set[str]] = {}
    kept: list[Diagnostic] = []
    hidden = 0
    for d in diagnostics:
        match = next(
            (
                i
                for i, s in enumerate(usable)
                if d.code in s.codes and (s.line is None or s.line == d.line)
            ),
            None,
        )
        if match is None:
            kept.append(d)
        else:
            used.setdefault(match, set()).add(d.code)
            hidden += 1
    for i, s in enumerate(usable):
        unused = (s.codes - used.get(i, set())) & active
        if unused:
            meta.append(
                _meta(
                    template,
                    s,
                    "SP001",
                    f"unused suppression of {', '.join(sorted(unused))}: no finding here needs it",
                )
            )
    return kept + [d for d in meta if d.code in active], hidden
