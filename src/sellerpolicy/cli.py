"""The ``sellerpolicy`` command: lint message templates against the policy."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import attrs

import sellerpolicy
from sellerpolicy import (
    PARAMETERS,
    RULES,
    Edition,
    Family,
    Message,
    MessageKind,
    MessageReport,
    Policy,
    Severity,
    check_message,
)
from sellerpolicy.exceptions import SellerPolicyError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
TEMPLATE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".tmpl", ".j2"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})


class _UsageError(Exception):
    """Bad arguments or unreadable input: exit status 2."""


@attrs.frozen
class Template:
    """A template file: its message and where the body starts in the file."""

    path: str
    text: str
    message: Message
    body_offset: int


def _parse_front_matter(text: str, path: str) -> tuple[dict[str, str], int]:
    """Read an optional ``---`` block of ``key: value`` lines at the top of a template."""
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---\n", 3)
    if end < 0 and text.endswith("\n---"):
        end = len(text) - len("\n---")  # front matter only, closed at the very end of the file
    if end < 0:
        raise _UsageError(f"{path}: front matter starts with '---' but never ends")
    meta = {}
    for number, line in enumerate(text[4:end].splitlines(), start=2):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise _UsageError(
                f"{path}:{number}: expected 'key: value' in front matter, got {line!r}"
            )
        meta[key.strip().lower()] = value.strip()
    unknown = sorted(set(meta) - {"kind", "subject", "format"})
    if unknown:
        raise _UsageError(f"{path}: unknown front-matter key(s) {', '.join(unknown)}")
    return meta, min(len(text), end + len("\n---\n"))


def load_template(path: str, text: str, *, kind: str | None) -> Template:
    """Build the message a template file describes."""
    meta, offset = _parse_front_matter(text, path)
    fmt = meta.get("format") or ("html" if Path(path).suffix.lower() in _HTML_SUFFIXES else "text")
    try:
        message = Message(
            body=text[offset:],
            kind=kind or meta.get("kind") or MessageKind.PROACTIVE,
            subject=meta.get("subject"),
            format=fmt,
        )
    except SellerPolicyError as exc:
        raise _UsageError(f"{path}: {exc}") from None
    return Template(path, text, message, offset)


def _files(paths: Sequence[str]) -> Iterator[str]:
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEMPLATE_SUFFIXES
            )
            yield from (str(p) for p in found)
        elif path.exists():
            yield name
        else:
            raise _UsageError(f"{name}: no such file or directory")


def _read(name: str, stdin: TextIO) -> str:
    try:
        if name == "-":
            # read bytes and decode strictly: a terminal's lenient decoding would hide bad input
            raw = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
            return raw.decode("utf-8")
        return Path(name).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise _UsageError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise _UsageError(f"{name}: cannot read: {exc.strerror}") from None


def _location(template: Template, report_span: tuple[int, int] | None) -> tuple[int, int]:
    if report_span is None:
        return 1, 1
    start = template.body_offset + report_span[0]
    line = template.text.count("\n", 0, start) + 1
    col = start - (template.text.rfind("\n", 0, start) + 1) + 1
    return line, col


def _policy(args: argparse.Namespace) -> Policy:
    try:
        policy = Policy.from_toml(args.policy) if args.policy else Policy.for_edition(args.edition)
        if args.policy and args.edition_given:
            policy = attrs.evolve(policy, edition=Edition(args.edition))
        if args.disable:
            policy = policy.disable(*args.disable)
    except SellerPolicyError as exc:
        raise _UsageError(str(exc)) from None
    return policy


def _check(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    policy = _policy(args)
    names = list(_files(args.paths))
    if not names:
        raise _UsageError(
            "no template files found (looked for " + ", ".join(sorted(TEMPLATE_SUFFIXES)) + ")"
        )
    templates = [
        load_template("<stdin>" if n == "-" else n, _read(n, stdin), kind=args.kind) for n in names
    ]
    worst = EXIT_OK
    results = []
    for template in templates:
        try:
            report = check_message(template.message, policy=policy)
        except SellerPolicyError as exc:
            raise _UsageError(f"{template.path}: {exc}") from None
        results.append((template, report))
        if not report.ok:
            worst = EXIT_FINDINGS
    if args.format == "json":
        data = [{"path": t.path, **_report_json(t, r)} for t, r in results]
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        _print_text(results, out, min_severity=Severity(args.min_severity))
    return worst


def _report_json(template: Template, report: MessageReport) -> dict[str, object]:
    data = report.to_dict()
    for finding, raw in zip(report.findings, data["findings"], strict=True):
        span = (
            (finding.span.start, finding.span.end)
            if finding.span and finding.field == "body"
            else None
        )
        raw["line"], raw["column"] = _location(template, span)
    return data


def _print_text(
    results: list[tuple[Template, MessageReport]], out: TextIO, *, min_severity: Severity
) -> None:
    counts = dict.fromkeys(Severity, 0)
    for template, report in results:
        for f in report.findings:
            if f.severity.rank < min_severity.rank:
                continue
            counts[f.severity] += 1
            span = (f.span.start, f.span.end) if f.span and f.field == "body" else None
            line, col = _location(template, span)
            where = "" if f.field == "body" else f" [{f.field}]"
            out.write(f"{template.path}:{line}:{col}: {f.code} {f.message} ({f.severity}){where}\n")
    total = sum(counts.values())
    files = len(results)
    if total:
        summary = ", ".join(f"{n} {sev}" for sev, n in counts.items() if n)
        out.write(f"Found {total} finding(s) in {files} file(s): {summary}.\n")
    else:
        out.write(f"All {files} file(s) passed.\n")


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    policy = _policy(args)
    family = args.family
    for code, info in RULES.items():
        if family and info.family != family:
            continue
        severity = policy.severity(code)
        state = str(severity) if severity else "off"
        out.write(f"{code}  {info.name:<28} {state:<8} {info.summary}\n")
    overridden = ", with overrides" if policy.overrides else ""
    out.write(f"\nParameters ({policy.edition} edition{overridden}):\n")
    for name, spec in PARAMETERS.items():
        if family and spec.family != family:
            continue
        value = spec.render(policy.parameters[name])
        changed = " (overridden)" if name in policy.overrides else ""
        out.write(f"{spec.code}  {name:<30} {value}{changed}\n")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sellerpolicy",
        allow_abbrev=False,  # '--ed seed' must not slip past the check for an explicit --edition
        description="Check Amazon buyer-seller message templates against seller policy.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {sellerpolicy.__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def policy_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--edition",
            choices=[e.value for e in Edition],
            default="current",
            help="built-in policy edition (default: current)",
        )
        p.add_argument("--policy", metavar="FILE", help="a policy TOML file")
        p.add_argument(
            "--disable",
            metavar="CODE",
            action="append",
            default=[],
            help="switch a rule off (repeatable)",
        )

    check = sub.add_parser(
        "check", help="check template files, folders, or - for standard input", allow_abbrev=False
    )
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument(
        "--kind",
        choices=[k.value for k in MessageKind],
        help="message kind for every file (default: front matter, else proactive)",
    )
    check.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    check.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        default="info",
        help="hide findings below this severity in text output",
    )
    policy_options(check)

    rules = sub.add_parser(
        "rules",
        help="list the rules, their severity and the parameters in the policy",
        allow_abbrev=False,
    )
    rules.add_argument(
        "--family", choices=[f.value for f in Family], help="only the rules of one family"
    )
    policy_options(rules)
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stdin: TextIO | None = None
) -> int:
    """Run the command line; return the exit status (0 clean, 1 error findings, 2 usage)."""
    out = stdout or sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    raw = list(sys.argv[1:] if argv is None else argv)
    args.edition_given = any(a == "--edition" or a.startswith("--edition=") for a in raw)
    try:
        if args.command == "rules":
            return _rules(args, out)
        return _check(args, out, stdin or sys.stdin)
    except _UsageError as exc:
        sys.stderr.write(f"sellerpolicy: error: {exc}\n")
        return EXIT_USAGE


def _entry() -> None:  # pragma: no cover - console-script shim
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    _entry()
