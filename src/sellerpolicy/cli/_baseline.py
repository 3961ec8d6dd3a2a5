"""Baselines: the findings a team has accepted, so that only new ones fail the check."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from sellerpolicy.cli._common import UsageError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sellerpolicy.cli._common import Diagnostic
    from sellerpolicy.cli._lint import FileResult

__all__ = ["BASELINE_VERSION", "Baseline", "fingerprint"]

BASELINE_VERSION = 1

Key = tuple[str, str, str]


def _where(path: str, folder: Path) -> str:
    # paths relative to the baseline's folder, so the file works from any working folder
    if path.startswith("<"):
        return path
    try:
        return Path(path).absolute().relative_to(folder.absolute()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def fingerprint(d: Diagnostic, folder: Path) -> Key:
    """What identifies a finding across edits elsewhere in the file: its file, code and evidence.

    Line numbers are left out, so adding a line above a baselined finding keeps it baselined.
    """
    evidence = " ".join((d.excerpt or d.message).split())
    return (_where(d.path, folder), d.code, evidence)


@attrs.frozen
class Baseline:
    """Accepted findings, counted per fingerprint."""

    path: Path
    counts: Counter[Key]

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file.

        Raises:
            UsageError: The file is missing, unreadable or not a baseline.
        """
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise UsageError(
                f"{path}: cannot read baseline: {exc.strerror}; create it with --update-baseline"
            ) from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path}: not a baseline file: {exc}") from None
        try:
            if data["version"] != BASELINE_VERSION:
                raise UsageError(f"{path}: baseline version {data['version']!r} is not 1")
            counts = Counter(
                {(e["path"], e["code"], e["evidence"]): int(e["count"]) for e in data["findings"]}
            )
        except (KeyError, TypeError, ValueError):
            raise UsageError(
                f"{path}: not a baseline file; expected version and findings with "
                "path, code, evidence and count"
            ) from None
        return cls(path, counts)

    def updated(self, results: Iterable[FileResult]) -> Baseline:
        """This baseline with the findings of the checked files replaced by ``results``' own.

        Files this run did not check keep their entries: pre-commit passes only the files
        that changed.
        """
        folder = self.path.absolute().parent
        results = list(results)
        checked = {_where(r.path, folder) for r in results}
        counts = Counter({key: n for key, n in self.counts.items() if key[0] not in checked})
        counts.update(fingerprint(d, folder) for r in results for d in r.diagnostics)
        return Baseline(self.path, counts)

    def write(self) -> None:
        """Write the file, sorted, so that it diffs well under version control."""
        findings = [
            {"path": p, "code": c, "evidence": e, "count": n}
            for (p, c, e), n in sorted(self.counts.items())
        ]
        text = json.dumps({"version": BASELINE_VERSION, "findings": findings}, indent=2)
        self.path.write_text(text + "\n", encoding="utf-8")

    def filter(self, results: Iterable[FileResult]) -> tuple[list[FileResult], int]:
        """The results without their accepted findings; and how many accepted ones are fixed.

        When a file has more findings of a fingerprint than the baseline accepts, the last
        ones in the file are the new ones.
        """
        left = Counter(self.counts)
        folder = self.path.absolute().parent
        out = []
        checked = set()
        for result in results:
            checked.add(_where(result.path, folder))
            kept = []
            for d in result.diagnostics:
                key = fingerprint(d, folder)
                if left[key] > 0:
                    left[key] -= 1
                else:
                    kept.append(d)
            hidden = len(result.diagnostics) - len(kept)
            out.append(attrs.evolve(result, diagnostics=tuple(kept), baselined=hidden))
        # a file this run did not check (pre-commit passes only the changed ones) is not stale
        return out, sum(n for key, n in left.items() if n > 0 and key[0] in checked)
