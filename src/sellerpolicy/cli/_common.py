"""What every part of the command line shares: exit statuses, the usage error, diagnostics."""

from __future__ import annotations

import enum

import attrs

from sellerpolicy import Severity

__all__ = [
    "DOCS_URL",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "META_RULES",
    "Diagnostic",
    "MetaRule",
    "Origin",
    "UsageError",
    "rule_url",
]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# The published documentation; rule pages are anchors on its rule reference.
DOCS_URL = "https://sellerpolicy.readthedocs.io/en/latest/"


class UsageError(Exception):
    """Bad arguments, configuration or input: exit status 2."""


def rule_url(code: str) -> str:
    """The documentation page of a rule code (or of a suppression diagnostic)."""
    if code.startswith("SP0"):
        return f"{DOCS_URL}reference/cli/#{code.lower()}"
    return f"{DOCS_URL}reference/rules/#{code.lower()}"


class Origin(enum.StrEnum):
    """What produced a diagnostic."""

    RULE = "rule"
    """A rule of the policy flagged the template's text."""
    PLACEHOLDER = "placeholder"
    """A placeholder may expand into content a rule forbids."""
    SUPPRESSION = "suppression"
    """A suppression comment or front-matter entry is invalid, expired or unused."""


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One finding as the command reports it: located in the file, not in the message body.

    Lines and columns are 1-based; ``end_column`` is the column just past the last character.
    """

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    field: str = "body"
    excerpt: str | None = None
    source: str = ""
    disguises: tuple[str, ...] = ()
    origin: Origin = Origin.RULE

    @property
    def url(self) -> str:
        """The rule's documentation page."""
        return rule_url(self.code)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, position, then code."""
        return (self.path, self.line, self.column, self.code)


@attrs.frozen
class MetaRule:
    """A diagnostic about the command's own input (a suppression), not about policy."""

    code: str
    name: str
    severity: Severity
    summary: str


META_RULES = {
    rule.code: rule
    for rule in (
        MetaRule(
            "SP001",
            "unused-suppression",
            Severity.WARNING,
            "A suppression that no finding needs: remove it.",
        ),
        MetaRule(
            "SP002",
            "expired-suppression",
            Severity.WARNING,
            "A suppression past its 'until' date: it no longer applies.",
        ),
        MetaRule(
            "SP003",
            "invalid-suppression",
            Severity.ERROR,
            "A suppression without a reason, with an unknown code or date, or naming a code "
            "the configuration says may never be suppressed: it does not apply.",
        ),
    )
}
"""The command's own diagnostics, by code; the rule table has none of these codes."""
