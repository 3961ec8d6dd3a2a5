"""Output formats of ``sellerpolicy check``: text, concise, json, sarif, github, junit."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import quote
from xml.etree import ElementTree as ET

import attrs

import sellerpolicy
from sellerpolicy import RULES, Code, Severity
from sellerpolicy.cli._common import META_RULES, Diagnostic, docs_url, rule_url

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sellerpolicy.cli._lint import FileResult

__all__ = ["FORMATS", "JSON_SCHEMA_VERSION", "Run", "write_report", "write_statistics"]

JSON_SCHEMA_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_COLOUR = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


@attrs.frozen(kw_only=True)
class Run:
    """What one ``check`` run reports.

    Attributes:
        results: Every checked file, with the findings it shows.
        stale: Baselined findings no longer found.
        colour: Whether the text output may use colour.
        cwd: The working folder; SARIF paths are relative to it.
    """

    results: Sequence[FileResult]
    stale: int = 0
    colour: bool = False
    cwd: Path

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every finding shown, in file order."""
        return [d for r in self.results for d in r.diagnostics]


def _paint(text: str, code: str, *, on: bool) -> str:
    return f"{code}{text}{_RESET}" if on else text


def _headline(d: Diagnostic, *, colour: bool) -> str:
    where = "" if d.field == "body" else f" [{d.field}]"
    path = _paint(f"{d.path}:{d.line}:{d.column}:", _BOLD, on=colour)
    code = _paint(d.code, _BOLD + _COLOUR[d.severity], on=colour)
    return f"{path} {code} {d.message} ({d.severity}){where}"


def _snippet(result: FileResult, d: Diagnostic, *, colour: bool) -> list[str]:
    template = result.template
    if d.line > template.line_count:
        return []
    source = template.line_text(d.line)
    last = d.end_column if d.end_line == d.line else len(source) + 1
    width = max(1, last - d.column)
    gutter = " " * len(str(d.line))
    carets = _paint("^" * width, _COLOUR[d.severity], on=colour)
    bar = _paint("|", _DIM, on=colour)
    return [
        f"{d.line} {bar} {source}",
        f"{gutter} {bar} {' ' * (d.column - 1)}{carets}",
    ]


def _summary(run: Run) -> list[str]:
    shown = run.diagnostics
    files = len(run.results)
    if shown:
        counts = Counter(d.severity for d in shown)
        summary = ", ".join(f"{counts[s]} {s}" for s in Severity if counts[s])
        lines = [f"Found {len(shown)} finding(s) in {files} file(s): {summary}."]
    else:
        lines = [f"All {files} file(s) passed."]
    hidden = sum(r.suppressed for r in run.results)
    baselined = sum(r.baselined for r in run.results)
    notes = []
    if hidden:
        notes.append(f"{hidden} by suppressions")
    if baselined:
        notes.append(f"{baselined} by the baseline")
    if notes:
        lines.append(f"Hidden: {', '.join(notes)}.")
    if run.stale:
        lines.append(
            f"{run.stale} baselined finding(s) are fixed; "
            "run with --update-baseline to drop them from the baseline."
        )
    return lines


def _text(run: Run, out: IO[str], *, full: bool) -> None:
    for result in run.results:
        for d in result.diagnostics:
            out.write(_headline(d, colour=run.colour) + "\n")
            if full:
                for line in _snippet(result, d, colour=run.colour):
                    out.write(line + "\n")
    for line in _summary(run):
        out.write(line + "\n")


def _finding_json(d: Diagnostic) -> dict[str, object]:
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "field": d.field,
        "excerpt": d.excerpt,
        "disguises": list(d.disguises),
        "source": d.source,
        "origin": d.origin.value,
        "url": d.url,
    }


def _json(run: Run, out: IO[str]) -> None:
    shown = run.diagnostics
    counts = Counter(d.severity for d in shown)
    data = {
        "version": JSON_SCHEMA_VERSION,
        "tool": {"name": "sellerpolicy", "version": sellerpolicy.__version__},
        "files": [
            {
                "path": r.path,
                "kind": r.kind.value,
                "format": r.format.value,
                "edition": r.policy.edition.value,
                "suppressed": r.suppressed,
                "baselined": r.baselined,
                "findings": [_finding_json(d) for d in r.diagnostics],
            }
            for r in run.results
        ],
        "summary": {
            "files": len(run.results),
            "findings": len(shown),
            "error": counts[Severity.ERROR],
            "warning": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "suppressed": sum(r.suppressed for r in run.results),
            "baselined": sum(r.baselined for r in run.results),
            "fixed_in_baseline": run.stale,
        },
    }
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _uri(path: str, cwd: Path) -> tuple[str, str | None]:
    if path.startswith("<"):
        return "stdin", None
    absolute = Path(path).absolute()
    try:
        return quote(absolute.relative_to(cwd).as_posix()), "SRCROOT"
    except ValueError:
        return absolute.as_uri(), None


def _descriptor(code: str) -> dict[str, object]:
    if code in META_RULES:
        meta = META_RULES[code]
        name, summary, level, tags = (
            meta.name,
            meta.summary,
            _LEVEL[meta.severity],
            ["suppressions"],
        )
    else:
        info = RULES[Code(code)]
        severity = next(iter(info.severity.values()), Severity.WARNING)
        name, summary, level, tags = info.name, info.summary, _LEVEL[severity], [info.family.value]
    descriptor: dict[str, object] = {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "help": {"text": f"{summary} Run `sellerpolicy rule {code}` for the rule's page."},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": tags},
    }
    if url := rule_url(code):
        descriptor["helpUri"] = url
    return descriptor


def _sarif(run: Run, out: IO[str]) -> None:
    cwd = run.cwd.absolute()
    codes = sorted({d.code for d in run.diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for d in run.diagnostics:
        uri, base = _uri(d.path, cwd)
        artifact: dict[str, object] = {"uri": uri}
        if base is not None:
            artifact["uriBaseId"] = base
        digest = hashlib.sha256(
            "\0".join((d.path, d.code, d.excerpt or d.message)).encode()
        ).hexdigest()
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": artifact,
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": d.end_line,
                                "endColumn": d.end_column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {"sellerpolicyEvidence/v1": digest},
                "properties": {"field": d.field, "origin": d.origin.value},
            }
        )
    driver: dict[str, object] = {"name": "sellerpolicy", "version": sellerpolicy.__version__}
    if home := docs_url():
        driver["informationUri"] = home
    driver["rules"] = [_descriptor(code) for code in codes]
    data = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {"SRCROOT": {"uri": cwd.as_uri() + "/"}},
                "results": results,
            }
        ],
    }
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(run: Run, out: IO[str]) -> None:
    for d in run.diagnostics:
        props = [
            f"file={_escape_property(d.path)}",
            f"line={d.line}",
            f"col={d.column}",
            f"endLine={d.end_line}",
            f"endColumn={d.end_column}",
            f"title={_escape_property(f'{d.code} {d.name}')}",
        ]
        out.write(f"::{_GITHUB[d.severity]} {','.join(props)}::{_escape_data(d.message)}\n")


def _junit(run: Run, out: IO[str]) -> None:
    shown = run.diagnostics
    cases = sum(max(len(r.diagnostics), 1) for r in run.results)
    suites = ET.Element(
        "testsuites", name="sellerpolicy", tests=str(cases), failures=str(len(shown))
    )
    for result in run.results:
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=result.path,
            tests=str(max(len(result.diagnostics), 1)),
            failures=str(len(result.diagnostics)),
        )
        if not result.diagnostics:
            ET.SubElement(suite, "testcase", name="sellerpolicy", classname=result.path)
        for d in result.diagnostics:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} {d.name} at {d.line}:{d.column}",
                classname=result.path,
            )
            failure = ET.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{d.path}:{d.line}:{d.column}: {d.code} {d.message} ({d.severity})"
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")


FORMATS: dict[str, Callable[[Run, IO[str]], None]] = {
    "text": lambda run, out: _text(run, out, full=True),
    "concise": lambda run, out: _text(run, out, full=False),
    "json": _json,
    "sarif": _sarif,
    "github": _github,
    "junit": _junit,
}
"""Each output format's writer, by the name ``--format`` takes."""


def write_report(run: Run, out: IO[str], fmt: str) -> None:
    """Write the findings of a run in a format."""
    FORMATS[fmt](run, out)


def write_statistics(run: Run, out: IO[str], fmt: str) -> None:
    """Write how often each code was found, most frequent first."""
    counts = Counter(d.code for d in run.diagnostics)
    names = {d.code: d.name for d in run.diagnostics}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if fmt == "json":
        data = [{"code": c, "name": names[c], "count": n} for c, n in rows]
        json.dump(data, out, indent=2)
        out.write("\n")
        return
    width = max((len(str(n)) for _, n in rows), default=1)
    for code, n in rows:
        out.write(f"{n:>{width}}  {code}  {names[code]}\n")
    if not rows:
        out.write("No findings.\n")
