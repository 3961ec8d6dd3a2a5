"""Short reprs, marked-up text and HTML for decisions and policies (notebooks, test failures)."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import html
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from sellerpolicy._codes import RULES, Code, Severity

if TYPE_CHECKING:
    from sellerpolicy._decisions import Finding, Report
    from sellerpolicy._policy import Policy

__all__ = [
    "Highlighted",
    "finding_html",
    "finding_repr",
    "findings_table",
    "highlight",
    "html_table",
    "marked_text",
    "policy_html",
    "policy_repr",
    "record_html",
    "report_html",
    "report_repr",
    "shorten",
    "value_text",
]

# --- plain text ---------------------------------------------------------------------------------

_ELLIPSIS = "…"


def shorten(text: str, width: int) -> str:
    """``text`` on one line (whitespace runs become one space), cut to ``width`` with ``…``."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[: max(width - 1, 0)] + _ELLIPSIS


def _human_delta(delta: dt.timedelta) -> str:
    """``1d 6h``, ``45min``, ``0s``; negative deltas get a ``-``."""
    sign = "-" if delta < dt.timedelta(0) else ""
    seconds = int(abs(delta).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((days, "d"), (hours, "h"), (minutes, "min")) if n]
    if not parts:
        parts = [f"{secs}s"]
    return sign + " ".join(parts)


def _has_own_str(value: object) -> bool:
    return type(value).__str__ is not object.__str__


def value_text(value: object, width: int = 80) -> str:
    """A decision field's value as short, readable text (for tables and reprs)."""
    cls = type(value)
    if value is None:
        text = "-"
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, enum.Enum):
        text = str(value.value)
    elif isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, dt.timedelta):
        text = _human_delta(value)
    elif isinstance(value, decimal.Decimal | int | float | str | dt.date):
        text = str(value)
    elif isinstance(value, tuple | list | frozenset | set):
        items = sorted(value, key=str) if isinstance(value, frozenset | set) else value
        text = ", ".join(value_text(v, width) for v in items) or "-"
    elif isinstance(value, Mapping):
        text = ", ".join(f"{k}={value_text(v, width)}" for k, v in value.items()) or "-"
    elif attrs.has(cls) and not _has_own_str(value):
        shown = (getattr(value, f.name) for f in attrs.fields(cls))
        text = " ".join(value_text(v, width) for v in shown if v not in (None, (), ""))
    else:
        text = str(value)
    return shorten(text, width)


def _counts(findings: Sequence[Finding]) -> str:
    return ", ".join(
        f"{n} {sev}" for sev in Severity if (n := sum(f.severity is sev for f in findings))
    )


def report_repr(report: Report) -> str:
    """``<MessageReport not ok: 2 error, 1 warning (current)>``: the answer, not the data."""
    head = "ok" if report.ok else "not ok"
    counts = _counts(report.findings) or "no findings"
    extras = [str(report.edition)]
    if report.as_of is not None:
        extras.append(f"as of {report.as_of.isoformat()}")
    if report.not_judged:
        extras.append(f"{len(report.not_judged)} not judged")
    return f"<{type(report).__name__} {head}: {counts} ({', '.join(extras)})>"


_REPR_MESSAGE = 60


def _where(finding: Finding) -> str:
    if finding.span is not None:
        where = f"[{finding.span.start}:{finding.span.end}]"
        return where if finding.field == "body" else f"{finding.field}{where}"
    if finding.event is not None:
        index = finding.event.index
        return f"events[{index}]" if index is not None else finding.event.type
    return finding.field


def finding_repr(finding: Finding) -> str:
    """``<Finding SP103 error email-address [12:27] 'contains an email address: bob@…'>``."""
    message = shorten(finding.message, _REPR_MESSAGE)
    return (
        f"<Finding {finding.code} {finding.severity} {finding.name} {_where(finding)} {message!r}>"
    )


_SHOWN_CODES = 3


def _some(codes: Iterable[str]) -> str:
    ordered = sorted(codes)
    more = len(ordered) - _SHOWN_CODES
    return ", ".join(ordered[:_SHOWN_CODES]) + (f" +{more}" if more > 0 else "")


def _policy_changes(policy: Policy) -> list[str]:
    changes = []
    if policy.disabled:
        changes.append(f"disabled {_some(policy.disabled)}")
    if policy.enabled:
        changes.append(f"enabled {_some(policy.enabled)}")
    if policy.severities:
        changes.append(
            "severity " + _some(f"{code}={sev}" for code, sev in policy.severities.items())
        )
    if policy.overrides:
        changes.append(f"parameters {_some(policy.overrides)}")
    if policy.phrases:
        changes.append(
            "phrases " + _some(f"{name}+{len(extra)}" for name, extra in policy.phrases.items())
        )
    return changes


def policy_repr(policy: Policy) -> str:
    """``<Policy current: 62 rules on; disabled SP121; parameters reply_to_buyer>``."""
    parts = [f"{len(policy.active)} rules on", *_policy_changes(policy)]
    return f"<Policy {policy.edition}: {'; '.join(parts)}>"


# --- the caller's text with the findings marked --------------------------------------------------

_WIDTH = 88
_CONTEXT_LINES = 1
_ALL_LINES = 20


def _display(char: str) -> tuple[str, int]:
    """How one character of the caller's text is shown, and how many columns it takes."""
    if char == "\t":
        return " ", 1
    if char == "\r":
        return "", 0
    category = unicodedata.category(char)
    if category in {"Cc", "Cf", "Zl", "Zp", "Co", "Cn"}:
        # invisible characters hide evidence (zero-width spaces split links): show them
        shown = ascii(char)[1:-1]  # '\\u200b', '\\x07'; ascii() picks the escape
        return shown, len(shown)
    if category.startswith("M"):
        return char, 0
    if unicodedata.east_asian_width(char) in {"W", "F"}:
        return char, 2
    return char, 1


@attrs.frozen
class _Mark:
    start: int
    end: int
    label: str


def _chunks(text: str, start: int, end: int) -> list[list[tuple[int, str, int]]]:
    """Cut one line ``text[start:end]`` into rows of at most ``_WIDTH`` columns.

    A row breaks after its last space when that space is in the row's second half, so words
    stay whole; a long word is cut where the row is full.
    """
    rows: list[list[tuple[int, str, int]]] = [[]]
    used = 0
    for offset in range(start, end):
        shown, width = _display(text[offset])
        row = rows[-1]
        if used + width > _WIDTH and row:
            space = max((i for i, cell in enumerate(row) if cell[1] == " "), default=-1)
            carried = row[space + 1 :] if space >= len(row) // 2 else []
            del row[len(row) - len(carried) :]
            rows.append(carried)
            used = sum(cell[2] for cell in carried)
        rows[-1].append((offset, shown, width))
        used += width
    return rows


def _place(
    cells: list[tuple[int, str, int]], empty_range: tuple[int, int], marks: Sequence[_Mark]
) -> list[tuple[int, int, int]]:
    """``(first column, last column, mark index)`` of each mark under one row of text.

    A mark with an empty span inside ``empty_range`` gets a single column at its offset.
    """
    columns = list(itertools.accumulate((width for _, _, width in cells), initial=0))
    placed = []
    for i, mark in enumerate(marks):
        covered = [j for j, (offset, _, _) in enumerate(cells) if mark.start <= offset < mark.end]
        if covered:
            placed.append((columns[covered[0]], columns[covered[-1] + 1], i))
        elif mark.start == mark.end and empty_range[0] <= mark.start < empty_range[1]:
            at = next((columns[j] for j, c in enumerate(cells) if c[0] >= mark.start), columns[-1])
            placed.append((at, at, i))
    return placed


def _marker_rows(
    cells: list[tuple[int, str, int]],
    empty_range: tuple[int, int],
    marks: Sequence[_Mark],
    labelled: set[int],
) -> list[str]:
    """Caret rows under one row of text, each mark labelled where it first appears."""
    rows: list[list[tuple[int, str]]] = []
    for first, last, i in sorted(_place(cells, empty_range, marks)):
        piece = "^" * max(last - first, 1)
        if i not in labelled:
            labelled.add(i)
            piece += f" {marks[i].label}"
        # the first row with room keeps marks of one line together; a space separates them
        row = next((r for r in rows if r[-1][0] + len(r[-1][1]) < first), None)
        if row is None:
            rows.append([(first, piece)])
        else:
            row.append((first, piece))
    out = []
    for row in rows:
        line = ""
        for first, piece in row:
            line += " " * (first - len(line)) + piece
        out.append(line)
    return out


def _line_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for i, char in enumerate(text):
        if char == "\n":
            bounds.append((start, i))
            start = i + 1
    bounds.append((start, len(text)))
    return bounds


def _mark_lines(text: str, marks: Sequence[_Mark]) -> list[str]:
    bounds = _line_bounds(text)
    gutter = len(str(len(bounds)))

    def touches(lo: int, hi: int) -> bool:
        return any(
            (m.start < hi and m.end > lo) or (m.start == m.end and lo <= m.start <= hi)
            for m in marks
        )

    marked = [touches(lo, hi) for lo, hi in bounds]
    if len(bounds) <= _ALL_LINES:
        shown = set(range(len(bounds)))
    else:
        shown = {
            j
            for i, hit in enumerate(marked)
            if hit
            for j in range(i - _CONTEXT_LINES, i + _CONTEXT_LINES + 1)
            if 0 <= j < len(bounds)
        }
    lines: list[str] = []
    labelled: set[int] = set()
    blank = f"{'':>{gutter}} |"
    previous = -1
    for number, (lo, hi) in enumerate(bounds):
        if number not in shown:
            continue
        if number != previous + 1:
            lines.append(f"{blank} ...")
        previous = number
        rows = _chunks(text, lo, hi)
        for k, cells in enumerate(rows):
            prefix = f"{number + 1:>{gutter}} |" if k == 0 else blank
            shown_text = "".join(shown for _, shown, _ in cells)
            lines.append(f"{prefix} {shown_text}".rstrip())
            row_lo = cells[0][0] if cells else lo
            # the last row of a line also takes empty spans at its end (before the newline)
            row_hi = hi + 1 if k == len(rows) - 1 else cells[-1][0] + 1
            lines += [
                f"{blank} {row}" for row in _marker_rows(cells, (row_lo, row_hi), marks, labelled)
            ]
    if previous != len(bounds) - 1:
        lines.append(f"{blank} ...")
    return lines


def _location(text: str, finding: Finding) -> str:
    if finding.span is not None:
        line, col = finding.span.line_col(text)
        where = f"line {line}, col {col}"
        return where if finding.field == "body" else f"{finding.field} {where}"
    if finding.event is not None:
        return str(finding.event)
    return finding.field


def _in_text(finding: Finding, field: str) -> bool:
    return finding.span is not None and finding.field == field


def marked_text(
    text: str,
    findings: Sequence[Finding],
    *,
    field: str = "body",
    explain: Callable[[Code], str | None] | None = None,
) -> str:
    """``text`` with ``^^^`` under each finding's span, then each finding with its reasons.

    Args:
        text: The caller's original text; the findings' spans index into it.
        findings: The findings to mark; those about another field or without a span are listed
            only.
        field: The field ``text`` is (``body`` for a message's text).
        explain: Gives a rule's longer explanation (``why``), shown once per rule.

    Returns:
        Lines of text: the numbered text with caret rows, a blank line, then ``[n] SP101 error
        external-link (line 1, col 13): message`` with the rule's summary, explanation and
        source under it.
    """
    marks = [
        _Mark(f.span.start, f.span.end, f"[{n}] {f.code}")
        for n, f in enumerate(findings, 1)
        if f.span is not None and _in_text(f, field)
    ]
    lines = _mark_lines(text, marks)
    lines.append("")
    explained: dict[Code, int] = {}
    for n, f in enumerate(findings, 1):
        lines.append(f"[{n}] {f.code} {f.severity} {f.name} ({_location(text, f)}): {f.message}")
        info = RULES.get(f.code)
        if f.code in explained:
            lines.append(f"    rule: see [{explained[f.code]}]")
            continue
        explained[f.code] = n
        if info is not None:
            lines.append(f"    rule: {info.summary}")
        why = explain(f.code) if explain is not None else None
        if why:
            lines.append(f"    why: {shorten(why, 400)}")
        if f.source:
            lines.append(f"    source: {f.source}")
    return "\n".join(lines)


# --- HTML ---------------------------------------------------------------------------------------

_SEVERITY_COLOUR = {
    Severity.ERROR: "#c62828",
    Severity.WARNING: "#b26a00",
    Severity.INFO: "#1565c0",
}
_STATUS_COLOUR = {
    # statuses of obligations, account-health metrics and the like, by their value
    "met": "#2e7d32",
    "ok": "#2e7d32",
    "open": "#1565c0",
    "at_risk": "#b26a00",
    "overdue": "#c62828",
    "failing": "#c62828",
}
_TABLE = 'style="border-collapse:collapse;font-size:90%;margin:0.3em 0"'
_CELL = 'style="text-align:left;vertical-align:top;padding:2px 8px"'
_MARK = 'style="background:#fff59d;color:#000;padding:0 1px;border-radius:2px"'


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _badge(severity: Severity) -> str:
    colour = _SEVERITY_COLOUR[severity]
    return f'<span style="color:{colour};font-weight:bold">{_esc(severity.value)}</span>'


def html_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table; ``rows`` hold ready-made HTML cells (escape text with ``html.escape``)."""
    head = "".join(f"<th {_CELL}>{_esc(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td {_CELL}>{cell}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(name: str, value: object) -> str:
    text = _esc(value_text(value, 200))
    if isinstance(value, Severity):
        return _badge(value)
    status = str(value.value) if isinstance(value, enum.Enum) else value
    if name == "status" and isinstance(status, str) and status in _STATUS_COLOUR:
        return f'<span style="color:{_STATUS_COLOUR[status]}">{text}</span>'
    return text


def _finding_cells(finding: Finding, number: int) -> list[str]:
    info = RULES.get(finding.code)
    title = _esc(f"{info.summary} Source: {finding.source}" if info else finding.source)
    evidence = f"<mark {_MARK}>{_esc(finding.excerpt)}</mark>" if finding.excerpt else ""
    if finding.event is not None:
        where = _esc(finding.event)
    elif finding.span is not None:
        where = _esc(f"{finding.field} [{finding.span.start}:{finding.span.end}]")
    else:
        where = _esc(finding.field)
    disguises = (
        f"<br><small>disguised: {_esc(', '.join(finding.disguises))}</small>"
        if finding.disguises
        else ""
    )
    return [
        str(number),
        _badge(finding.severity),
        f'<code title="{title}">{_esc(finding.code)}</code>',
        _esc(finding.name),
        where,
        evidence + disguises,
        _esc(finding.message),
    ]


_FINDING_HEADER = ("#", "severity", "code", "rule", "where", "evidence", "message")


_EVIDENCE = _FINDING_HEADER.index("evidence")


def findings_table(findings: Sequence[Finding]) -> str:
    """A table of reasons, one row per finding; without text evidence, no evidence column."""
    rows = [_finding_cells(f, n) for n, f in enumerate(findings, 1)]
    if any(f.excerpt or f.disguises for f in findings):
        return html_table(_FINDING_HEADER, rows)
    keep = [i for i in range(len(_FINDING_HEADER)) if i != _EVIDENCE]
    return html_table([_FINDING_HEADER[i] for i in keep], ([r[i] for i in keep] for r in rows))


def finding_html(finding: Finding) -> str:
    """One finding as a one-row table of reasons."""
    return findings_table([finding])


def _records_table(values: Sequence[Any]) -> str:  # a tuple of one attrs class
    """A tuple of attrs values (obligations, metrics, windows) as a table of their fields."""
    names = [
        f.name
        for f in attrs.fields(type(values[0]))
        if any(getattr(v, f.name) not in (None, (), "") for v in values)
    ]
    return html_table(names, ([_cell(n, getattr(v, n)) for n in names] for v in values))


def record_html(value: object) -> str:
    """An attrs value (an obligation, a metric, a score window) as a one-row table of its fields.

    For decision values that are not reports: ``def _repr_html_(self): return record_html(self)``.
    """
    if not attrs.has(type(value)):
        msg = f"record_html needs an attrs value, got {value!r}"
        raise TypeError(msg)
    return _records_table([value])


def _field_html(name: str, value: object) -> str:
    if isinstance(value, tuple | list) and value:
        first = type(value[0])
        if attrs.has(first) and all(type(v) is first for v in value):
            return _records_table(value)
        if all(isinstance(v, str) for v in value):
            items = "".join(f"<li>{_esc(v)}</li>" for v in value)
            return f'<ul style="margin:0;padding-left:1.2em">{items}</ul>'
    if attrs.has(type(value)) and not _has_own_str(value):
        return _records_table([value])
    return _cell(name, value)


_BASE_FIELDS = frozenset({"findings", "edition", "as_of", "not_judged"})


def report_html(report: Report) -> str:
    """A report for notebooks: its answer, a table of reasons, then the fields its kind adds.

    Works for every `Report` subclass: fields beyond the base ones (an order id, obligations,
    metrics, deadlines, next steps) are shown generically, tuples of values as tables.
    """
    parts = [
        f"<div><p><strong>{_esc(type(report).__name__)}</strong> {_esc(report._headline())}</p>"  # noqa: SLF001 - the report's own headline
    ]
    if report.findings:
        parts.append(findings_table(report.findings))
    extra = [f for f in attrs.fields(type(report)) if f.name not in _BASE_FIELDS]
    if extra:
        fields = (
            [f"<strong>{_esc(f.name)}</strong>", _field_html(f.name, getattr(report, f.name))]
            for f in extra
        )
        parts.append(html_table(("field", "value"), fields))
    if report.not_judged:
        items = "".join(f"<li>{_esc(n)}</li>" for n in report.not_judged)
        parts.append(f"<p>Not judged:</p><ul>{items}</ul>")
    when = f", as of {_esc(report.as_of.isoformat())}" if report.as_of is not None else ""
    parts.append(f"<p><small>{_esc(report.edition)} policy{when}</small></p></div>")
    return "".join(parts)


def policy_html(policy: Policy) -> str:
    """A policy for notebooks: its edition and changes, then its enabled rules in a fold."""
    changes = _policy_changes(policy)
    counts = ", ".join(
        f"{n} {sev}" for sev in Severity if (n := sum(s is sev for s in policy.active.values()))
    )
    rows = (
        [f"<code>{_esc(code)}</code>", _esc(RULES[code].name), _badge(sev)]
        for code, sev in policy.active.items()
    )
    table = html_table(("code", "rule", "severity"), rows)
    lines = "".join(f"<li>{_esc(c)}</li>" for c in changes)
    return (
        f"<div><p><strong>Policy</strong> {_esc(policy.edition)} edition: "
        f"{len(policy.active)} rules on ({_esc(counts)})</p>"
        + (f"<ul>{lines}</ul>" if lines else "")
        + f"<details><summary>enabled rules</summary>{table}</details></div>"
    )


# --- a text with its findings, for notebooks ----------------------------------------------------


class _HasFindings(Protocol):
    @property
    def findings(self) -> tuple[Finding, ...]: ...


@attrs.frozen(kw_only=True)
class Highlighted:
    """A text with the findings about it marked; `str` marks spans with ``^^^``, HTML with colour.

    Attributes:
        text: The caller's original text.
        findings: The findings, in report order.
        field: The field the text is (``body``); findings about other fields are only listed.
    """

    text: str
    findings: tuple[Finding, ...]
    field: str = "body"

    def __str__(self) -> str:
        """The numbered text with caret rows, then each finding with its reasons."""
        return marked_text(self.text, self.findings, field=self.field)

    def __repr__(self) -> str:
        """``<Highlighted 3 findings in 120 characters>``."""
        return f"<Highlighted {len(self.findings)} findings in {len(self.text)} characters>"

    def _repr_html_(self) -> str:
        """The text with each span highlighted (hover for the reasons), then the findings."""
        spans = [
            (n, f)
            for n, f in enumerate(self.findings, 1)
            if f.span is not None and _in_text(f, self.field)
        ]
        cuts = sorted(
            {0, len(self.text)}
            | {c for _, f in spans if f.span for c in (f.span.start, f.span.end)}
        )
        pieces = []
        for lo, hi in itertools.pairwise(cuts):
            covering = [
                (n, f) for n, f in spans if f.span and f.span.start <= lo and hi <= f.span.end
            ]
            chunk = _esc(self.text[lo:hi])
            if covering:
                title = _esc(
                    "; ".join(f"[{n}] {f.code} {f.severity}: {f.message}" for n, f in covering)
                )
                numbers = "".join(
                    f"<sup>{n}</sup>" for n, f in covering if f.span and f.span.end == hi
                )
                chunk = f'<mark {_MARK} title="{title}">{chunk}</mark>{numbers}'
            pieces.append(chunk)
        body = "".join(pieces)
        pre = f'<pre style="white-space:pre-wrap;line-height:1.5">{body}</pre>'
        table = findings_table(self.findings) if self.findings else ""
        return f"<div>{pre}{table}</div>"


def highlight(text: str, report: _HasFindings, *, field: str = "body") -> Highlighted:
    """The text a report was made from, with its findings marked.

    A report keeps spans into the caller's text, not the text itself, so pass both::

        report = check_message(draft)
        highlight(draft, report)   # in a notebook: the draft with the evidence highlighted

    Args:
        text: The text given to `check_message` (or the feedback comment, ...).
        report: The report (anything with ``findings``).
        field: Which input the text was (``body``, ``subject``, ``comment``).

    Returns:
        A `Highlighted`: ``str()`` marks the spans with ``^^^``; notebooks show colour.
    """
    return Highlighted(text=text, findings=tuple(report.findings), field=field)
