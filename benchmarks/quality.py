"""Per-rule precision, recall and F1 of the message checker over tests/corpus/.

Run: python -m benchmarks.quality [--holdout | --blind | --fresh | --retired | --folder PATH]
[--misses]

- tests/corpus/*.jsonl: the tuning set;
- tests/corpus/holdout/: written independently of the rules; a few fixes were read off it;
- tests/corpus/blind/: the blind set, 600 messages written on 2026-12-03 by two writers who
  read neither the code nor the other corpora, frozen before any tuning. It is never read to
  tune: only its aggregate figures may be looked at, so ``--misses`` is refused with it;
- tests/corpus/fresh/: a second blind set, 230 messages (170 compliant) written on 2026-12-03 by a
  writer who read only POLICY.md and the corpus README, frozen before any tuning; its twin half
  by another writer (``fresh_a.jsonl``) went to tuning. Aggregates only, like the blind set;
- tests/corpus/retired/: the first blind set (727 messages), retired to tuning on 2026-12-03;
- --folder PATH: any folder of ``*.jsonl`` files, or one file: a new writer's set scored before it
  is tuned on (run it with another tree's code, ``PYTHONPATH=<tree>/src``, to score it at an
  earlier commit).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from benchmarks.corpus import BLIND, CORPUS, FRESH, HOLDOUT, RETIRED, records, to_message
from benchmarks.feedback_quality import figures
from sellerpolicy import RULES, Code, Policy, Severity, check_message

CONTENT_TARGET = (0.95, 0.90)
"""Precision and recall every content rule (SP105-SP124) should reach on the blind sets."""

# Targets from the issue: exact rules vs. semantic (phrase) rules.
EXACT = {Code(c) for c in ("SP101", "SP102", "SP103", "SP104")} | {
    c for c in Code if c.value.startswith("SP2")
}


def evaluate(
    policy: Policy,
    folder: Path = CORPUS,
) -> tuple[Counter[Code], Counter[Code], Counter[Code], list[str], int, int]:
    tp: Counter[Code] = Counter()
    fp: Counter[Code] = Counter()
    fn: Counter[Code] = Counter()
    misses: list[str] = []
    compliant = compliant_with_errors = 0
    for record in records(folder):
        message, history = to_message(record)
        report = check_message(message, history=history, policy=policy)
        got = report.codes
        want = {Code(c) for c in record["labels"]}
        for code in got & want:
            tp[code] += 1
        for code in got - want:
            fp[code] += 1
            misses.append(
                f"FP {code} {record['id']} ({record['_where']}): {record['body'][:140]!r}"
            )
        for code in want - got:
            fn[code] += 1
            misses.append(
                f"FN {code} {record['id']} ({record['_where']}): {record['body'][:140]!r}"
            )
        if not want:
            compliant += 1
            if any(f.severity is Severity.ERROR for f in report.findings):
                compliant_with_errors += 1
    return tp, fp, fn, misses, compliant, compliant_with_errors


def compliant_warned(policy: Policy, folder: Path = CORPUS) -> int:
    """How many compliant messages get an error or warning finding (false alarms a user sees)."""
    count = 0
    for record in records(folder):
        if record["labels"]:
            continue
        message, history = to_message(record)
        report = check_message(message, history=history, policy=policy)
        if any(f.severity is not Severity.INFO for f in report.findings):
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--misses", action="store_true", help="list every false positive and negative"
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--holdout", action="store_true", help="score the held-out set instead")
    which.add_argument(
        "--blind", action="store_true", help="score the blind set (tests/corpus/blind) instead"
    )
    which.add_argument(
        "--fresh",
        action="store_true",
        help="score the second blind set (tests/corpus/fresh) instead",
    )
    which.add_argument(
        "--retired",
        action="store_true",
        help="score the retired first blind set (tests/corpus/retired) instead",
    )
    which.add_argument(
        "--folder", type=Path, help="score a folder of .jsonl files, or one file, instead"
    )
    args = parser.parse_args()
    if args.folder is not None and not args.folder.exists():
        parser.error(f"--folder: no such file or folder: {args.folder}")
    if (args.blind or args.fresh) and args.misses:
        parser.error("--misses reads the records; the blind set is scored in aggregate only")
    folder = (
        args.folder
        if args.folder is not None
        else HOLDOUT
        if args.holdout
        else BLIND
        if args.blind
        else FRESH
        if args.fresh
        else RETIRED
        if args.retired
        else CORPUS
    )
    tp, fp, fn, misses, compliant, bad = evaluate(Policy.current(), folder)
    warned = compliant_warned(Policy.current(), folder)
    print(
        f"{'rule':<7}{'name':<28}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'f1':>7}  target"
    )
    scores = (tp, fp, fn, misses)
    for code, info in RULES.items():
        t, f, n = tp[code], fp[code], fn[code]
        if not (t or f or n):
            continue
        precision, recall, f1 = figures(code, scores)
        target = (0.97, 0.95) if code in EXACT else (0.92, 0.88)
        ok = "ok" if precision >= target[0] and recall >= target[1] else "BELOW"
        print(
            f"{code.value:<7}{info.name:<28}{t:>5}{f:>5}{n:>5}{precision:>8.3f}{recall:>8.3f}{f1:>7.3f}  {ok}"
        )
    total = sum(1 for _ in records(folder))
    print(
        f"\n{total} messages, {compliant} compliant; compliant messages with an error finding: {bad}"
        f"; with an error or warning finding: {warned}"
    )
    content = [figures(Code(f"SP{n}"), scores)[:2] for n in range(105, 125)]
    meeting = sum(1 for p, r in content if p >= CONTENT_TARGET[0] and r >= CONTENT_TARGET[1])
    print(
        f"content rules SP105-SP124: mean precision {sum(p for p, _ in content) / len(content):.3f}, "
        f"mean recall {sum(r for _, r in content) / len(content):.3f}; {meeting} of {len(content)} "
        f"at precision >= {CONTENT_TARGET[0]} and recall >= {CONTENT_TARGET[1]} (issue 8's target)"
    )
    if args.misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
