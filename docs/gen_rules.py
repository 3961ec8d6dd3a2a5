"""Write the rule reference into the site at build time, from the rule table and the rule data.

mkdocs-gen-files runs this script during `mkdocs build` (see `plugins` in mkdocs.yml): the pages
exist only in the built site, so they cannot go stale. To read them without building the site,
`python docs/gen_rules.py OUTPUT_DIR` writes them into a folder. tests/test_docs.py imports
`render()` and checks that it covers every rule code and every parameter.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import sellerpolicy
from sellerpolicy import PARAMETERS, RULES, Code, Edition, Family
from sellerpolicy._registry import RULE_SETS

if TYPE_CHECKING:
    from sellerpolicy._parameters import ParameterSpec
    from sellerpolicy._registry import RuleDocLike, RuleSet

OVERVIEW = "reference/rules.md"
"""The page listing every rule; the family pages live beside it in `reference/rules/`."""

SPEC_PAGES = {
    "1": ("message-content.md", "Message content"),
    "2": ("formatting.md", "Formatting"),
    "3": ("feedback.md", "Seller feedback"),
    "4": ("context.md", "Message context and timing"),
    "5": ("obligations.md", "Obligations and deadlines"),
    "6": ("a-to-z.md", "A-to-z Guarantee"),
    "7": ("returns.md", "Returns"),
    "8": ("chargebacks.md", "Chargebacks and cancellations"),
    "9": ("account-health.md", "Account health"),
}
"""The specification page (under docs/spec/) of each hundred of codes: SP1xx, SP2xx, ..."""

TITLES = {Family.FEEDBACK: "Seller feedback"}
"""Titles of the families that have no rule set yet (a rule set carries its own title)."""

DASH = "\N{EN DASH}"
"""Marks an edition without the rule, and joins the first and last code of a range."""

_GENERATED = (
    "<!-- generated at build time by docs/gen_rules.py from the rule table and the rule data -->"
)


def family_page(family: Family) -> str:
    """The path of ``family``'s page, relative to docs/."""
    return f"reference/rules/{family}.md"


def spec_page(code: Code) -> tuple[str, str]:
    """The specification page of ``code`` (relative to docs/spec/) and its title."""
    return SPEC_PAGES[code.value[2]]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _severity(code: Code, edition: Edition) -> str:
    severity = RULES[code].severity_in(edition)
    return DASH if severity is None else str(severity)


def _api(names: str) -> str:
    """``check_message, solicitation`` as links to their API reference where they are public."""
    linked = []
    for raw in names.split(","):
        name = raw.strip()
        public = name in sellerpolicy.__all__
        linked.append(f"[`{name}`][sellerpolicy.{name}]" if public else f"`{name}`")
    return ", ".join(linked)


def _title(family: Family, rule_set: RuleSet | None) -> str:
    title = rule_set.title if rule_set is not None else TITLES.get(family, family.capitalize())
    codes = [code for code, info in RULES.items() if info.family is family]
    return f"{title} ({codes[0]}{DASH}{codes[-1]})" if len(codes) > 1 else f"{title} ({codes[0]})"


def _parameters(code: Code) -> list[str]:
    specs: list[ParameterSpec] = [spec for spec in PARAMETERS.values() if spec.code is code]
    if not specs:
        return []
    lines = [
        "**Parameters** (change them in a policy, see",
        "[Customise the policy](../../how-to/custom-policy.md); ⚠ = weakly sourced):",
        "",
        "| parameter | kind | current | seed | meaning |",
        "|---|---|---|---|---|",
    ]
    for spec in specs:
        current, seed = (spec.render(spec.defaults[e]) for e in (Edition.CURRENT, Edition.SEED))
        weak = " ⚠" if spec.weak else ""
        lines.append(
            f"| `{spec.name}`{weak} | {spec.kind} | `{_cell(current)}` | `{_cell(seed)}` "
            f"| {_cell(spec.doc)} |"
        )
    return [*lines, ""]


def _example(label: str, text: str) -> list[str]:
    return [f"**{label}**", "", "````{.text .rule-example}", text.strip("\n"), "````", ""]


def _rule(code: Code, doc: RuleDocLike | None) -> list[str]:
    info = RULES[code]
    spec_file, spec_title = spec_page(code)
    lines = [
        f"## {code} `{info.name}` {{ #{code.value.lower()} }}",
        "",
        info.summary,
        "",
        (
            f"- **Severity:** {_severity(code, Edition.CURRENT)} in the current edition, "
            f"{_severity(code, Edition.SEED)} in the seed edition "
            f"({DASH} = the edition has no such rule)."
        ),
        f"- **Status:** {info.status}.",
        (
            f"- **Specification:** [{code} in *{spec_title}*]"
            f"(../../spec/{spec_file}#{code.value.lower()})."
        ),
        "",
    ]
    if doc is not None:
        lines += [f"**What it does.** {doc.what}", "", f"**Why is this bad?** {doc.why}", ""]
        lines += _example("Example", doc.bad) + _example("Use instead", doc.good)
        if doc.known_problems:
            lines += [f"**Known problems.** {doc.known_problems}", ""]
    lines += _parameters(code)
    lines += [f"**References.** {info.source} (last checked {info.checked.isoformat()}).", ""]
    return lines


def _family(family: Family, rule_set: RuleSet | None) -> str:
    codes = [code for code, info in RULES.items() if info.family is family]
    docs = rule_set.docs() if rule_set is not None else {}
    specs = dict.fromkeys(spec_page(code) for code in codes)
    lines = [f"# {_title(family, rule_set)}", "", _GENERATED, ""]
    if rule_set is not None:
        lines += [f"Reads {rule_set.reads}; run by {_api(rule_set.entry)}.", ""]
    else:
        lines += ["The library has no public function for these rules yet.", ""]
    where = ", ".join(f"[{title}](../../spec/{file})" for file, title in specs)
    lines += [
        f"Specification: {where}. All rules: [rule reference](../rules.md).",
        "",
        "| code | name | current | seed | status |",
        "|---|---|---|---|---|",
    ]
    for code in codes:
        info = RULES[code]
        lines.append(
            f"| [{code}](#{code.value.lower()}) | `{info.name}` "
            f"| {_severity(code, Edition.CURRENT)} | {_severity(code, Edition.SEED)} "
            f"| {info.status} |"
        )
    lines.append("")
    for code in codes:
        lines += _rule(code, docs.get(code))
    return "\n".join(lines)


def _overview(rule_sets: dict[Family, RuleSet]) -> str:
    lines = [
        "# Rule reference",
        "",
        _GENERATED,
        "",
        "Every rule has a stable code that is never reused.",
        "Its severity is given per edition: `error` is prohibited, `warning` needs a human's look,",
        f"`info` is advice or a computed fact, and {DASH} means the edition has no such rule.",
        "A rule's numbers are parameters of the policy",
        "(see [Customise the policy](../how-to/custom-policy.md));",
        "the [specification](../spec/index.md) says where each rule and number comes from.",
        "",
        "| family | codes | reads | run by |",
        "|---|---|---|---|",
    ]
    for family in Family:
        rule_set = rule_sets.get(family)
        codes = [code for code, info in RULES.items() if info.family is family]
        reads = rule_set.reads if rule_set is not None else DASH
        entry = _api(rule_set.entry) if rule_set is not None else DASH
        title = _title(family, rule_set).rsplit(" (", 1)[0]
        lines.append(
            f"| [{title}](rules/{family}.md) | {codes[0]}{DASH}{codes[-1]} "
            f"| {_cell(reads)} | {entry} |"
        )
    lines += [
        "",
        "## Every rule",
        "",
        "| code | name | summary | current | seed | status |",
        "|---|---|---|---|---|---|",
    ]
    for code, info in RULES.items():
        anchor = code.value.lower()
        lines.append(
            f"| [{code}](rules/{info.family}.md#{anchor}){{ #{anchor} }} | `{info.name}` "
            f"| {_cell(info.summary)} | {_severity(code, Edition.CURRENT)} "
            f"| {_severity(code, Edition.SEED)} | {info.status} |"
        )
    return "\n".join(lines) + "\n"


def render() -> dict[str, str]:
    """Every page of the rule reference, by its path relative to docs/."""
    rule_sets = {rule_set.family: rule_set for rule_set in RULE_SETS}
    pages = {OVERVIEW: _overview(rule_sets)}
    for family in Family:
        pages[family_page(family)] = _family(family, rule_sets.get(family))
    return pages


def _building() -> bool:
    """Whether a `mkdocs build` runs this script; outside one, gen-files would write into docs/."""
    try:
        from mkdocs_gen_files.editor import FilesEditor  # noqa: PLC0415 - the docs extra
    except ImportError:
        return False
    return FilesEditor._current is not None  # noqa: SLF001 - set only while the plugin runs


def _write_into_site() -> None:
    import mkdocs_gen_files  # noqa: PLC0415 - only the docs build has it

    for path, text in render().items():
        with mkdocs_gen_files.open(path, "w", encoding="utf-8") as page:
            page.write(text)


if __name__ == "<run_path>" and _building():  # mkdocs-gen-files runs it with runpy.run_path
    _write_into_site()
elif __name__ == "__main__":
    if len(sys.argv) != 2:  # noqa: PLR2004 - the script and its one argument
        sys.exit("usage: python docs/gen_rules.py OUTPUT_DIR")
    for relative, text in render().items():
        target = Path(sys.argv[1]) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(target)
