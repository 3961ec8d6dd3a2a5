"""The rule catalogue: each rule's documentation, and a table of rules to filter."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, overload

import attrs

from sellerpolicy._codes import RULES, Code, Edition, Family, RuleStatus, Severity
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._registry import rule_set
from sellerpolicy._repr import html_table, shorten
from sellerpolicy.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    import pandas as pd

    from sellerpolicy._registry import RuleDocLike

__all__ = ["RuleDocumentation", "RulesTable", "rule_doc", "rules_table"]


def _code(value: Code | str, field: str = "code") -> Code:
    try:
        return Code(value)
    except ValueError:
        msg = f"{field}={value!r} is not a rule code; codes look like 'SP101' (see RULES)"
        raise InvalidValueError(msg, field=field, value=value) from None


def _family_docs(family: Family) -> Mapping[Code, RuleDocLike]:
    try:
        docs = rule_set(family).docs
    except KeyError:
        return MappingProxyType({})
    return docs()


def _example(doc: RuleDocLike, which: str) -> Mapping[str, Any] | None:
    value = getattr(doc, f"{which}_example", None)
    return value if isinstance(value, Mapping) else None


@attrs.frozen(kw_only=True)
class RuleDocumentation:
    """What the catalogue says about one rule: its table row, explanation and examples.

    Attributes:
        code: The stable code.
        family: The family the rule belongs to.
        name: Its kebab-case name.
        summary: One line saying what it catches.
        severity: Its severity per edition (an edition missing here lacks the rule).
        status: Active or deprecated.
        source: The policy source it comes from.
        message: The finding's message template.
        what: What the rule does.
        why: Why it matters.
        bad: An input it flags (a message text, or a description of a typed example).
        good: An input it does not flag.
        known_problems: Where it is known to be wrong; empty when none are known.
        bad_example: The flagged input in the family's example shape (an order, events and
            ``now``, ...); ``None`` for message rules, whose example is the ``bad`` text.
        good_example: The input that is not flagged, likewise.
    """

    code: Code
    family: Family
    name: str
    summary: str
    severity: Mapping[Edition, Severity]
    status: RuleStatus
    source: str
    message: str
    what: str
    why: str
    bad: str
    good: str
    known_problems: str = ""
    bad_example: Mapping[str, Any] | None = None
    good_example: Mapping[str, Any] | None = None

    def __repr__(self) -> str:
        """``<RuleDocumentation SP101 external-link>``."""
        return f"<RuleDocumentation {self.code} {self.name}>"

    def __str__(self) -> str:
        """The rule's page as text: summary, what, why, the examples and known problems."""
        severities = ", ".join(f"{ed} {sev}" for ed, sev in self.severity.items()) or "none"
        lines = [
            f"{self.code} {self.name} ({self.family}; {severities}; {self.status})",
            self.summary,
            "",
            f"What it does: {self.what}",
            f"Why is this bad? {self.why}",
            f"Example: {self.bad}",
            f"Use instead: {self.good}",
        ]
        if self.known_problems:
            lines.append(f"Known problems: {self.known_problems}")
        lines.append(f"Source: {self.source}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The rule's page, for notebooks."""
        from html import escape  # noqa: PLC0415 - only notebooks render HTML

        severities = ", ".join(f"{ed} {sev}" for ed, sev in self.severity.items()) or "none"
        rows = [
            ("What it does", self.what),
            ("Why is this bad?", self.why),
            ("Example", self.bad),
            ("Use instead", self.good),
            *([("Known problems", self.known_problems)] if self.known_problems else []),
            ("Source", self.source),
        ]
        body = "".join(
            f"<dt><strong>{escape(k)}</strong></dt><dd>{escape(v)}</dd>" for k, v in rows
        )
        return (
            f"<div><p><code>{escape(self.code)}</code> <strong>{escape(self.name)}</strong> "
            f"({escape(self.family)}; {escape(severities)}; {escape(self.status)}): "
            f"{escape(self.summary)}</p><dl>{body}</dl></div>"
        )


def rule_doc(code: Code | str) -> RuleDocumentation:
    """A rule's documentation and examples: what it does, why, a bad and a good example.

    Args:
        code: The rule code, e.g. ``"SP101"``.

    Returns:
        The rule's `RuleDocumentation`; in a notebook it renders as the rule's page.

    Raises:
        InvalidValueError: ``code`` is not a rule code, or its family has no documentation
            in the rule registry yet.
    """
    checked = _code(code)
    info = RULES[checked]
    doc = _family_docs(info.family).get(checked)
    if doc is None:
        msg = f"{checked} ({info.family}) has no documentation yet: its family has no rule set"
        raise InvalidValueError(msg, field="code", value=code)
    return RuleDocumentation(
        code=checked,
        family=info.family,
        name=info.name,
        summary=info.summary,
        severity=info.severity,
        status=info.status,
        source=info.source,
        message=doc.message,
        what=doc.what,
        why=doc.why,
        bad=doc.bad,
        good=doc.good,
        known_problems=doc.known_problems,
        bad_example=_example(doc, "bad"),
        good_example=_example(doc, "good"),
    )


_COLUMNS = (
    "code",
    "family",
    "name",
    "severity",
    "current",
    "seed",
    "status",
    "summary",
    "what",
    "why",
    "source",
)
_SHOWN = ("code", "family", "name", "severity", "current", "seed", "status", "summary")
_OFF = "off"
_TEXT_WIDTH = 60


@attrs.frozen
class RulesTable:
    """Rows of the rule catalogue, one mapping per rule; `rules_table` builds it.

    Iterate for the rows (keys: ``code``, ``family``, ``name``, ``severity`` in the policy or
    ``off``, ``current``, ``seed`` (``-`` when the edition lacks the rule), ``status``,
    ``summary``, ``what``, ``why``, ``source``). Notebooks show it as a table; `to_pandas`
    gives a DataFrame.

    Attributes:
        rows: The rows, in code order.
        edition: The edition of the policy whose severities the ``severity`` column shows.
    """

    rows: tuple[Mapping[str, str], ...]
    edition: Edition

    def __len__(self) -> int:
        """How many rules the table holds."""
        return len(self.rows)

    def __iter__(self) -> Iterator[Mapping[str, str]]:
        """The rows, in code order."""
        return iter(self.rows)

    @overload
    def __getitem__(self, index: int) -> Mapping[str, str]: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Mapping[str, str], ...]: ...

    def __getitem__(self, index: int | slice) -> Mapping[str, str] | tuple[Mapping[str, str], ...]:
        """A row, or a tuple of rows for a slice."""
        return self.rows[index]

    @property
    def codes(self) -> tuple[Code, ...]:
        """The codes of the rows, in order."""
        return tuple(Code(row["code"]) for row in self.rows)

    def __repr__(self) -> str:
        """``<RulesTable 12 rules (current policy)>``."""
        return f"<RulesTable {len(self.rows)} rules ({self.edition} policy)>"

    def __str__(self) -> str:
        """An aligned text table of code, name, severity and summary."""
        columns = ("code", "name", "severity", "summary")
        cells = [columns] + [
            tuple(shorten(row[c], _TEXT_WIDTH) for c in columns) for row in self.rows
        ]
        widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
        return "\n".join(
            "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in cells
        )

    def _repr_html_(self) -> str:
        """The table for notebooks (``what``, ``why`` and ``source`` as the summary's tooltip)."""
        from html import escape  # noqa: PLC0415 - only notebooks render HTML

        def cells(row: Mapping[str, str]) -> list[str]:
            out = [escape(row[c]) for c in _SHOWN]
            out[0] = f"<code>{out[0]}</code>"
            tip = escape(f"{row['what']}\n\nWhy: {row['why']}\n\nSource: {row['source']}")
            out[-1] = f'<span title="{tip}">{out[-1]}</span>'
            return out

        caption = f"<p>{len(self.rows)} rules; severity in the {escape(self.edition)} policy</p>"
        return f"<div>{caption}{html_table(_SHOWN, (cells(r) for r in self.rows))}</div>"

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame indexed by code (needs pandas installed).

        Raises:
            ModuleNotFoundError: pandas is not installed.
        """
        try:
            pandas = importlib.import_module("pandas")
        except ModuleNotFoundError as exc:
            msg = "RulesTable.to_pandas needs pandas: pip install 'sellerpolicy[notebook]'"
            raise ModuleNotFoundError(msg, name="pandas") from exc
        frame: pd.DataFrame = pandas.DataFrame([dict(r) for r in self.rows], columns=_COLUMNS)
        return frame.set_index("code")


def _choice(value: str, kind: type[Family | Severity], field: str) -> str:
    try:
        return str(kind(value))
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        off = f", {_OFF}" if kind is Severity else ""
        msg = f"{field}={value!r} is not one of {allowed}{off}"
        raise InvalidValueError(msg, field=field, value=value) from None


def rules_table(
    policy: Policy | None = None,
    *,
    family: Family | str | None = None,
    severity: Severity | str | None = None,
    search: str | None = None,
) -> RulesTable:
    """The rule catalogue as a table to filter: one row per rule, in code order.

    Args:
        policy: Whose severities the ``severity`` column shows (``off`` for a rule it does not
            run); `Policy.current` by default. ``Policy.seed()`` shows the seed edition.
        family: Only the rules of one family (``"feedback"``).
        severity: Only the rules with this severity in ``policy``; ``"off"`` for the rules it
            does not run.
        search: Only the rules whose code, name, summary, ``what`` or ``why`` contain this
            text (case-insensitive).

    Returns:
        A `RulesTable`: iterate for dict rows; notebooks show it as a table; ``to_pandas()``.

    Raises:
        InvalidTypeError: ``policy`` is not a `Policy` or ``search`` not a string.
        InvalidValueError: ``family`` or ``severity`` is unknown.
    """
    policy = resolve_policy(policy)
    wanted_family = None if family is None else _choice(family, Family, "family")
    wanted_severity = None
    if severity is not None:
        wanted_severity = _OFF if severity == _OFF else _choice(severity, Severity, "severity")
    if search is not None and not isinstance(search, str):
        raise InvalidTypeError(
            f"search must be a str, got {search!r}", field="search", value=search
        )
    needle = (search or "").casefold()
    docs: dict[Family, Mapping[Code, RuleDocLike]] = {}
    rows = []
    for code, info in RULES.items():
        if wanted_family is not None and info.family != wanted_family:
            continue
        sev = policy.severity(code)
        shown = str(sev) if sev is not None else _OFF
        if wanted_severity is not None and shown != wanted_severity:
            continue
        if info.family not in docs:
            docs[info.family] = _family_docs(info.family)
        doc = docs[info.family].get(code)
        row = {
            "code": code.value,
            "family": info.family.value,
            "name": info.name,
            "severity": shown,
            "current": str(info.severity_in(Edition.CURRENT) or "-"),
            "seed": str(info.severity_in(Edition.SEED) or "-"),
            "status": info.status.value,
            "summary": info.summary,
            "what": doc.what if doc is not None else "",
            "why": doc.why if doc is not None else "",
            "source": info.source,
        }
        searched = (row["code"], row["name"], row["summary"], row["what"], row["why"])
        if needle and not any(needle in text.casefold() for text in searched):
            continue
        rows.append(MappingProxyType(row))
    return RulesTable(tuple(rows), policy.edition)
