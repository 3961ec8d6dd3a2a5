"""``sellerpolicy rules``, ``rules --diff`` and ``rule CODE``: the rule table as a user reads it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import IO, Any

from sellerpolicy import PARAMETERS, RULES, Code, Edition, Family, Policy
from sellerpolicy.cli._common import META_RULES, MetaRule, UsageError, rule_url
from sellerpolicy.cli._config import code_of
from sellerpolicy.exceptions import SellerPolicyError

__all__ = ["diff_policies", "list_rules", "load_policy", "show_rule"]

_VERSION = 1


def load_policy(spec: str) -> Policy:
    """A built-in edition by name, or a policy TOML file by path.

    Raises:
        UsageError: ``spec`` is neither, or the file is wrong.
    """
    if spec in {e.value for e in Edition}:
        return Policy.for_edition(spec)
    if not Path(spec).is_file():
        raise UsageError(f"{spec!r} is neither an edition (current, seed) nor a policy file")
    try:
        return Policy.from_toml(spec)
    except SellerPolicyError as exc:
        raise UsageError(str(exc)) from None


def _rule_json(code: Code, policy: Policy) -> dict[str, Any]:
    info = RULES[code]
    severity = policy.severity(code)
    return {
        "code": code.value,
        "name": info.name,
        "family": info.family.value,
        "summary": info.summary,
        "severity": severity.value if severity else None,
        "editions": {e.value: (s.value if (s := info.severity_in(e)) else None) for e in Edition},
        "status": info.status.value,
        "source": info.source,
        "checked": info.checked.isoformat(),
        "url": rule_url(code.value),
    }


def list_rules(policy: Policy, *, family: str | None, fmt: str, out: IO[str]) -> None:
    """List every rule with its severity in ``policy``, then the parameters."""
    codes = [c for c, info in RULES.items() if family is None or info.family == family]
    names = [n for n, spec in PARAMETERS.items() if family is None or spec.family == family]
    if fmt == "json":
        data = {
            "version": _VERSION,
            "edition": policy.edition.value,
            "rules": [_rule_json(code, policy) for code in codes],
            "parameters": [
                {
                    "name": name,
                    "code": PARAMETERS[name].code,
                    "family": PARAMETERS[name].family,
                    "kind": PARAMETERS[name].kind,
                    "value": PARAMETERS[name].render(policy.parameters[name]),
                    "overridden": name in policy.overrides,
                    "doc": PARAMETERS[name].doc,
                }
                for name in names
            ],
        }
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    for code in codes:
        info = RULES[code]
        severity = policy.severity(code)
        state = str(severity) if severity else "off"
        out.write(f"{code}  {info.name:<28} {state:<8} {info.summary}\n")
    overridden = ", with overrides" if policy.overrides else ""
    out.write(f"\nParameters ({policy.edition} edition{overridden}):\n")
    for name in names:
        spec = PARAMETERS[name]
        value = spec.render(policy.parameters[name])
        changed = " (overridden)" if name in policy.overrides else ""
        out.write(f"{spec.code}  {name:<30} {value}{changed}\n")


def _docs(code: Code) -> dict[str, str]:
    # rule_doc is not exported yet; switch to sellerpolicy.rule_doc once it is (see the report)
    from sellerpolicy._catalogue import rule_doc  # noqa: PLC0415 - loaded only for 'rule'

    try:
        doc = rule_doc(code)
    except SellerPolicyError:  # a family without documentation yet
        return {}
    return {
        "what": doc.what,
        "why": doc.why,
        "example": doc.bad,
        "use_instead": doc.good,
        "known_problems": doc.known_problems,
    }


_SECTIONS = (
    ("what", "What it does"),
    ("why", "Why is this bad?"),
    ("example", "Example"),
    ("use_instead", "Use instead"),
    ("known_problems", "Known problems"),
)


def _wrap(text: str) -> list[str]:
    lines = []
    for paragraph in text.strip().split("\n"):
        lines += textwrap.wrap(paragraph, 84, initial_indent="    ", subsequent_indent="    ")
    return lines or [""]


def _show_meta_rule(meta: MetaRule, *, fmt: str, out: IO[str]) -> None:
    """Print the page of one of the command's own diagnostics (SP0xx)."""
    if fmt == "json":
        data: dict[str, Any] = {
            "code": meta.code,
            "name": meta.name,
            "family": "suppressions",
            "summary": meta.summary,
            "severity": meta.severity.value,
            "url": rule_url(meta.code),
        }
        json.dump(data, out, indent=2)
        out.write("\n")
        return
    out.write(f"{meta.code} {meta.name}\n{meta.summary}\n\nSeverity:      {meta.severity}\n")
    if url := rule_url(meta.code):
        out.write(f"Docs:          {url}\n")


def show_rule(name: str, policy: Policy, *, fmt: str, out: IO[str]) -> None:
    """Print a rule's page: what, why, examples, source, last checked, parameters.

    Raises:
        UsageError: ``name`` is no rule code or name.
    """
    code_text = code_of(name)
    if code_text is None:
        raise UsageError(f"{name!r} is no rule code or name; see 'sellerpolicy rules'")
    if code_text in META_RULES:
        _show_meta_rule(META_RULES[code_text], fmt=fmt, out=out)
        return
    code = Code(code_text)
    info = RULES[code]
    docs = _docs(code)
    parameters = [spec for spec in PARAMETERS.values() if spec.code == code.value]
    if fmt == "json":
        data = _rule_json(code, policy) | docs
        data["parameters"] = [
            {"name": s.name, "value": s.render(policy.parameters[s.name]), "doc": s.doc}
            for s in parameters
        ]
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    severity = policy.severity(code)
    editions = ", ".join(f"{info.severity_in(e) or 'off'} ({e} edition)" for e in Edition)
    lines = [
        f"{code} {info.name}",
        info.summary,
        "",
        f"Family:        {info.family}",
        f"Severity:      {severity or 'off'} in this policy; {editions}",
        f"Status:        {info.status}",
        f"Source:        {info.source}",
        f"Last checked:  {info.checked.isoformat()}",
    ]
    if url := rule_url(code.value):
        lines.append(f"Docs:          {url}")
    for key, title in _SECTIONS:
        if docs.get(key):
            lines += ["", title, *_wrap(docs[key])]
    if parameters:
        lines += ["", "Parameters"]
        for spec in parameters:
            value = spec.render(policy.parameters[spec.name])
            lines += _wrap(f"{spec.name} = {value}: {spec.doc}")
    out.write("\n".join(lines) + "\n")


def diff_policies(old: str, new: str, *, family: str | None, fmt: str, out: IO[str]) -> None:
    """Print the rules added, removed and changed in severity, and the parameters changed."""
    a, b = load_policy(old), load_policy(new)
    wanted = {c for c, info in RULES.items() if family is None or info.family == Family(family)}
    before = {c: s for c, s in a.active.items() if c in wanted}
    after = {c: s for c, s in b.active.items() if c in wanted}
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(c for c in set(before) & set(after) if before[c] != after[c])
    params = []
    for name, spec in PARAMETERS.items():
        code = Code(spec.code) if spec.code in {c.value for c in Code} else None
        if code is not None and code not in wanted:
            continue
        was, now = spec.render(a.parameters[name]), spec.render(b.parameters[name])
        if was != now:
            params.append((name, spec.code, was, now))
    if fmt == "json":
        data = {
            "version": _VERSION,
            "old": old,
            "new": new,
            "added": [
                {"code": c.value, "name": RULES[c].name, "severity": after[c].value} for c in added
            ],
            "removed": [
                {"code": c.value, "name": RULES[c].name, "severity": before[c].value}
                for c in removed
            ],
            "severity_changed": [
                {
                    "code": c.value,
                    "name": RULES[c].name,
                    "old": before[c].value,
                    "new": after[c].value,
                }
                for c in changed
            ],
            "parameters_changed": [
                {"name": n, "code": code, "old": was, "new": now} for n, code, was, now in params
            ],
        }
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    out.write(f"Rules added in {new} ({len(added)}):\n")
    for c in added:
        out.write(f"  + {c}  {RULES[c].name:<28} {after[c]}\n")
    out.write(f"Rules removed in {new} ({len(removed)}):\n")
    for c in removed:
        out.write(f"  - {c}  {RULES[c].name:<28} {before[c]}\n")
    out.write(f"Severity changed ({len(changed)}):\n")
    for c in changed:
        out.write(f"  ~ {c}  {RULES[c].name:<28} {before[c]} -> {after[c]}\n")
    out.write(f"Parameters changed ({len(params)}):\n")
    for name, code, was, now in params:
        out.write(f"  ~ {code}  {name:<28} {was} -> {now}\n")
