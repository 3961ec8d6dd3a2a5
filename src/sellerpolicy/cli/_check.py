"""``sellerpolicy check``: read the inputs, check each under its settings, report."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from pathlib import Path
from typing import IO, TYPE_CHECKING

import attrs

from sellerpolicy import MessageKind, Severity
from sellerpolicy.cli._baseline import Baseline
from sellerpolicy.cli._common import EXIT_FINDINGS, EXIT_OK, UsageError
from sellerpolicy.cli._config import CliOverrides, Resolver
from sellerpolicy.cli._formats import Run, write_report, write_statistics
from sellerpolicy.cli._frontmatter import parse_template
from sellerpolicy.cli._inputs import TEMPLATE_SUFFIXES, collect, read_source
from sellerpolicy.cli._lint import FileResult, lint

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterable

__all__ = ["run_check", "selectors", "write_safely"]


def selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Selectors given as repeated or comma-separated options: ``--ignore SP101,SP2``."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def write_safely(out: IO[str], write: Callable[[IO[str]], None]) -> None:
    """Write output; when the reader has gone (``| head -1``), stop quietly.

    The exit status was decided before writing, so it does not depend on the reader.
    """
    try:
        write(out)
        out.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at /dev/null so that flush is silent.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # pragma: no cover - stdout is no real file
            pass


def _today(value: str | None) -> dt.date:
    if value is None:
        # the command line is where the clock is read: suppressions expire at midnight, local
        return dt.date.today()  # noqa: TID251, DTZ011
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today takes a date written YYYY-MM-DD, got {value!r}") from None


def _colour(choice: str, out: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    return out.isatty() and not os.environ.get("NO_COLOR")


def run_check(args: argparse.Namespace, out: IO[str], stdin: IO[str]) -> int:
    """Run ``check``; return the exit status.

    Raises:
        UsageError: Bad arguments, configuration or input.
    """
    cwd = Path.cwd()
    select = selectors(args.select)
    overrides = CliOverrides(
        edition=args.edition,
        policy=args.policy,
        select=select or None,
        ignore=selectors(args.ignore + args.disable),
    )
    resolver = Resolver(overrides, config=args.config, isolated=args.isolated, cwd=cwd)
    if args.statistics and args.format not in {"text", "concise", "json"}:
        raise UsageError("--statistics prints text or json; drop --format or use one of those")
    sources = collect(
        args.paths,
        stdin_filename=args.stdin_filename,
        excluded=lambda path: resolver.for_path(path).excluded(path),
        force_exclude=args.force_exclude,
        respect_gitignore=args.respect_gitignore,
    )
    if not sources:
        raise UsageError(
            "no template files found (looked for " + ", ".join(sorted(TEMPLATE_SUFFIXES)) + ")"
        )
    today = _today(args.today)
    results: list[FileResult] = []
    for source in sources:
        settings = resolver.for_path(source.path)
        limit = settings.policy.parameters.max_input_chars * 4
        template = parse_template(source.name, read_source(source, limit=limit, stdin=stdin))
        kind = args.kind or template.kind or settings.kind_for(source.path) or MessageKind.PROACTIVE
        fmt = template.format or ("html" if source.is_html else "text")
        results.append(lint(template, kind=kind, fmt=fmt, settings=settings, today=today))

    baseline_path = Path(args.baseline) if args.baseline else resolver.for_path(None).baseline
    if args.update_baseline:
        if baseline_path is None:
            raise UsageError("--update-baseline needs --baseline FILE (or baseline in the config)")
        _update_baseline(baseline_path, results, out)
        return EXIT_OK
    stale = 0
    if baseline_path is not None:
        results, stale = Baseline.load(baseline_path).filter(results)

    shown = Severity(args.min_severity).rank
    results = [
        attrs.evolve(r, diagnostics=tuple(d for d in r.diagnostics if d.severity.rank >= shown))
        for r in results
    ]
    fail = Severity(args.fail_on).rank
    failed = any(d.severity.rank >= fail for r in results for d in r.diagnostics)
    status = EXIT_FINDINGS if failed and not args.exit_zero else EXIT_OK

    def report(stream: IO[str]) -> None:
        run = Run(results=results, stale=stale, colour=_colour(args.color, stream), cwd=cwd)
        if args.statistics:
            write_statistics(run, stream, "json" if args.format == "json" else "text")
        else:
            write_report(run, stream, args.format)

    if args.output_file:
        with Path(args.output_file).open("w", encoding="utf-8") as file:
            report(file)
    else:
        write_safely(out, report)
    return status


def _update_baseline(path: Path, results: list[FileResult], out: IO[str]) -> None:
    old = Baseline.load(path) if path.exists() else Baseline(path, Counter())
    fresh = old.updated(results)
    fresh.write()
    total = sum(fresh.counts.values())

    def say(stream: IO[str]) -> None:
        stream.write(f"Wrote {total} finding(s) to the baseline {path}.\n")

    write_safely(out, say)
