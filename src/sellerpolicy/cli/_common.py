"""What every part of the command line shares: exit statuses, the usage error, diagnostics."""

from __future__ import annotations

import enum
import functools
import os
from importlib import metadata

import attrs

from sellerpolicy import Severity

__all__ = [
    "DOCS_URL_ENV",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "META_RULES",
    "Diagnostic",
    "MetaRule",
    "Origin",
    "UsageError",
    "docs_url",
    "rule_url",
]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
DOCS_URL_ENV = "SELLERPOLICY_DOCS_URL"
"""The environment variable naming where a team serves the built documentation."""


class UsageError(Exception):
    """Bad arguments, configuration or input: exit status 2."""


@functools.cache
def _published_docs() -> str | None:
    """The ``Documentation`` project URL of the installed distribution, if it declares one."""
    try:
        entries: list[object] = metadata.metadata("sellerpolicy").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return None
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    return None


def docs_url() -> str | None:
    """Where the documentation site is served, ending in ``/``; ``None`` when nobody says.

    ``SELLERPOLICY_DOCS_URL`` wins (a team serving the built site on its own host), then the
    installed package's ``Documentation`` project URL. The project has no public site yet, so
    without the variable there is none, and reports carry no link rather than a broken one.

    Raises:
        UsageError: The variable is set to something other than an ``http(s)`` URL.
    """
    url = os.environ.get(DOCS_URL_ENV, "").strip() or _published_docs()
    if not url:
        return None
    if not url.startswith(("https://", "http://")):
        raise UsageError(f"{DOCS_URL_ENV}: not an http(s) URL: {url!r}")
    return url if url.endswith("/") else url + "/"


def rule_url(code: str) -> str | None:
    """The documentation page of a rule code (or of a suppression diagnostic), if published."""
    base = docs_url()
    if base is None:
        return None
    if code.startswith("SP0"):
        return f"{base}reference/cli/#{code.lower()}"
    return f"{base}reference/rules/#{code.lower()}"


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
    def url(self) -> str | None:
        """The rule's documentation page (``None`` while no documentation URL is known)."""
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
