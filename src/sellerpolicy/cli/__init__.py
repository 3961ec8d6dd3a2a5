"""The ``sellerpolicy`` command: lint message templates against the policy."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import sellerpolicy
from sellerpolicy import Edition, Family, MessageKind, Severity
from sellerpolicy.cli._check import run_check, selectors, write_safely
from sellerpolicy.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError
from sellerpolicy.cli._config import CliOverrides, Resolver
from sellerpolicy.cli._formats import FORMATS
from sellerpolicy.cli._rules import diff_policies, list_rules, show_rule

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def _policy_options(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("policy")
    group.add_argument(
        "--edition",
        choices=[e.value for e in Edition],
        help="built-in policy edition (default: the configuration's, else current)",
    )
    group.add_argument("--policy", metavar="FILE", help="a policy TOML file")
    group.add_argument(
        "--select",
        metavar="RULES",
        action="append",
        default=[],
        help="only these rules: codes (SP101), prefixes (SP1), names (external-link) or ALL; "
        "comma-separated or repeated; replaces the configuration's select",
    )
    group.add_argument(
        "--ignore",
        metavar="RULES",
        action="append",
        default=[],
        help="leave these rules out (codes, prefixes or names); adds to the configuration's",
    )
    group.add_argument(
        "--disable", metavar="CODE", action="append", default=[], help="the same as --ignore"
    )
    group.add_argument(
        "--config", metavar="FILE", help="use this configuration file instead of finding one"
    )
    group.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sellerpolicy",
        allow_abbrev=False,
        description="Check Amazon buyer-seller message templates against seller policy.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {sellerpolicy.__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser(
        "check",
        help="check template files, folders, or - for standard input",
        allow_abbrev=False,
        description="Check template files, the templates in folders, or standard input (-).",
    )
    check.add_argument("paths", nargs="*", metavar="PATH")
    batch = check.add_argument_group("JSON Lines records (see the batch how-to)")
    batch.add_argument(
        "--jsonl",
        metavar="IN",
        help="check every record of a JSON Lines file (- for standard input) instead of templates",
    )
    batch.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="with --jsonl: write the results here (default: stdout)",
    )
    batch.add_argument(
        "--jobs", type=int, metavar="N", help="with --jsonl: worker processes (default: the CPUs)"
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="with --jsonl -o OUT: continue after the last complete result line in OUT",
    )
    check.add_argument(
        "--kind",
        choices=[k.value for k in MessageKind],
        help="message kind for every file (default: front matter, per-file-kinds, proactive)",
    )
    output = check.add_argument_group("output")
    output.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="output format (default: text)"
    )
    output.add_argument("--output-file", metavar="FILE", help="write the report to FILE")
    output.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        default="info",
        help="leave out findings below this severity, in every format",
    )
    output.add_argument(
        "--statistics", action="store_true", help="print how often each rule was found"
    )
    output.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour text output (auto: only on a terminal, unless NO_COLOR is set)",
    )
    status = check.add_argument_group("exit status")
    status.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="error",
        help="exit 1 when a finding of this severity or higher is shown (default: error)",
    )
    status.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with findings (2 stays for errors)"
    )
    inputs = check.add_argument_group("inputs")
    inputs.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the file standard input stands for: its name, format and configuration",
    )
    inputs.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the configuration's exclude (and .gitignore) to files named on the "
        "command line too",
    )
    inputs.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        help="walk into what .gitignore and .git/info/exclude ignore (by default skipped)",
    )
    inputs.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the date suppressions' 'until' is compared with (default: today)",
    )
    adopt = check.add_argument_group("baseline")
    adopt.add_argument(
        "--baseline", metavar="FILE", help="report only findings this baseline file lacks"
    )
    adopt.add_argument(
        "--update-baseline",
        action="store_true",
        help="write the current findings to the baseline file and exit 0",
    )
    _policy_options(check)

    rules = sub.add_parser(
        "rules",
        help="list the rules, their severity and the parameters in the policy",
        allow_abbrev=False,
    )
    rules.add_argument(
        "--family", choices=[f.value for f in Family], help="only the rules of one family"
    )
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.add_argument(
        "--diff",
        nargs=2,
        metavar=("OLD", "NEW"),
        help="compare two policies (edition names or policy files)",
    )
    _policy_options(rules)

    for name, help_text in _DECISION_COMMANDS.items():
        decision = sub.add_parser(name, help=help_text, allow_abbrev=False)
        decision.add_argument(
            "record",
            metavar="FILE",
            help="a JSON record, as one line of --jsonl takes it (- for standard input)",
        )
        decision.add_argument("--format", choices=["text", "json"], default="text")
        _policy_options(decision)

    rule = sub.add_parser(
        "rule", help="show a rule's page: what, why, examples, source", allow_abbrev=False
    )
    rule.add_argument("rule", metavar="CODE", help="a rule code (SP101) or name (external-link)")
    rule.add_argument("--format", choices=["text", "json"], default="text")
    _policy_options(rule)
    return parser


def _policy(args: argparse.Namespace) -> sellerpolicy.Policy:
    overrides = CliOverrides(
        edition=args.edition,
        policy=args.policy,
        select=selectors(args.select) or None,
        ignore=selectors(args.ignore + args.disable),
    )
    resolver = Resolver(overrides, config=args.config, isolated=args.isolated, cwd=Path.cwd())
    return resolver.for_path(None).policy


_DECISION_COMMANDS = {
    "feedback": "can this feedback be removed or struck through, how, by when",
    "solicitation": "may a review request be sent now",
    "obligations": "what the seller owes the buyer, by when",
    "a-to-z": "may the buyer file an A-to-z claim, on which grounds",
    "chargeback": "who is liable for a chargeback, and by when to answer",
    "return": "must the return be accepted, with what fee and refund",
}
_LIMIT = 16 * 1024 * 1024  # one record: a timeline with its events, never a stream


def _run_decision(args: argparse.Namespace, out: IO[str], stdin: IO[str]) -> int:
    try:
        if args.record == "-":
            text = stdin.read(_LIMIT + 1)
        else:
            path = Path(args.record)
            if not path.is_file():
                raise UsageError(f"{args.record}: not a regular file")
            with path.open(encoding="utf-8-sig") as handle:
                text = handle.read(_LIMIT + 1)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{args.record}: cannot read: {exc}") from exc
    if len(text) > _LIMIT:
        raise UsageError(f"{args.record}: a record is at most {_LIMIT:,} characters")
    try:
        record = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise UsageError(f"{args.record}: not JSON: {exc}") from exc
    if not isinstance(record, dict):
        raise UsageError(f"{args.record}: a record is a JSON object")
    if args.command == "feedback":
        record.setdefault("type", "feedback")
    else:
        record.setdefault("type", "timeline")
        record.setdefault("decision", args.command.replace("-", "_"))
    try:
        report = sellerpolicy.decide(record, policy=_policy(args))
    except sellerpolicy.exceptions.SellerPolicyError as exc:
        where = f" ({exc.field})" if exc.field else ""
        raise UsageError(f"{args.record}{where}: {exc}") from exc
    text_out = (
        json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
        if args.format == "json"
        else str(report)
    )
    write_safely(out, lambda stream: print(text_out, file=stream))
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _run_jsonl(args: argparse.Namespace, out: IO[str]) -> int:
    if args.paths:
        raise UsageError("--jsonl checks records, not template files: drop the paths")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {args.jobs}")
    if args.resume and not args.output:
        raise UsageError("--resume continues an output file: give it with -o OUT")
    source: str | IO[bytes] = "-" if args.jsonl == "-" else args.jsonl
    if source == "-":
        source = sys.stdin.buffer
    try:
        summary = sellerpolicy.run_jsonl(
            source,
            args.output or out,
            jobs=args.jobs,
            resume=args.resume,
            policy=_policy(args),
            progress=None,
        )
    except (
        sellerpolicy.exceptions.InvalidValueError,
        sellerpolicy.exceptions.InvalidTypeError,
    ) as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:
        raise UsageError(f"{args.jsonl}: {exc.strerror or exc}") from exc
    except BrokenPipeError:  # pragma: no cover - the reader left; results so far are written
        write_safely(out, lambda _: None)
        return EXIT_OK
    return EXIT_OK if summary.clean else EXIT_FINDINGS


def _run(args: argparse.Namespace, out: IO[str], stdin: IO[str]) -> int:
    if args.command in _DECISION_COMMANDS:
        return _run_decision(args, out, stdin)
    if args.command == "check":
        if args.jsonl is not None:
            return _run_jsonl(args, out)
        if not args.paths:
            raise UsageError("give template files or folders to check, - for standard input")
        return run_check(args, out, stdin)
    if args.command == "rule":
        policy = _policy(args)
        write_safely(out, lambda s: show_rule(args.rule, policy, fmt=args.format, out=s))
        return EXIT_OK
    if args.diff:
        old, new = args.diff
        write_safely(
            out,
            lambda s: diff_policies(old, new, family=args.family, fmt=args.format, out=s),
        )
        return EXIT_OK
    policy = _policy(args)
    write_safely(out, lambda s: list_rules(policy, family=args.family, fmt=args.format, out=s))
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: IO[str] | None = None,
    stdin: IO[str] | None = None,
) -> int:
    """Run the command line; return the exit status (0 clean, 1 findings, 2 usage).

    Args:
        argv: The arguments, without the program name; defaults to ``sys.argv[1:]``.
        stdout: Where output goes; defaults to ``sys.stdout``.
        stdin: What ``-`` reads; defaults to ``sys.stdin``.
    """
    args = _parser().parse_args(argv)
    try:
        return _run(args, stdout or sys.stdout, stdin or sys.stdin)
    except UsageError as exc:
        sys.stderr.write(f"sellerpolicy: error: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
