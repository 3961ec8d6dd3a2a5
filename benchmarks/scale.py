"""How sellerpolicy scales: one command, one Markdown report.

Run: python -m benchmarks.scale [--quick] [--lines N] [--million N] [--orders N]
(needs the bench and dask extras: pip install -e '.[bench,dask]')

Prints Markdown tables, all measured in the same run on this machine:
1. messages per second of the full check against urlextract, phonenumbers and one regex
   (the functions of benchmarks.speed, over the same corpus messages);
2. batch throughput of run_jsonl over a JSON Lines file with 1, 2 and N worker processes
   (N = the CPUs), and of sellerpolicy.dask on a local cluster of N worker processes;
3. decision throughput on synthetic orders (benchmarks.health): obligations for each order
   with its events, and account_health over all of them;
4. peak memory of run_jsonl at 100,000 and 1,000,000 lines, each run in a fresh process
   (the main process's and the largest worker's peak resident set): it must not grow.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.health import NOW, synthetic_account
from benchmarks.speed import BASELINE, _timeit, corpus_messages
from sellerpolicy import check_message, obligations
from sellerpolicy._batch import _jobs, run_jsonl
from sellerpolicy._rules.health import account_health

# Lines for the million-line run: short messages, findings and broken lines, cheap to check.
CHEAP = [
    '{"body": "Your parcel left our warehouse today.", "kind": "confirm_delivery"}',
    '{"body": "Thanks! Visit shop.com for 10% off", "kind": "proactive"}',
    '{"body": 5}',
    "{broken",
]


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def baselines(quick: bool) -> list[str]:
    from phonenumbers import PhoneNumberMatcher
    from urlextract import URLExtract

    messages = corpus_messages()[: 200 if quick else None]
    texts = [m.body for m in messages]
    extractor = URLExtract()
    extractor.find_urls("warm up example.com")
    check_message(messages[0])
    repeat = 2 if quick else 3
    runs = {
        "sellerpolicy.check_message (every rule)": lambda: [check_message(m) for m in messages],
        "urlextract URLExtract.find_urls (links only)": lambda: [
            extractor.find_urls(t) for t in texts
        ],
        "phonenumbers PhoneNumberMatcher (phones only)": lambda: [
            list(PhoneNumberMatcher(t, "US")) for t in texts
        ],
        "one compiled regex pass (links, emails, phones)": lambda: [
            BASELINE.findall(t) for t in texts
        ],
    }
    n = len(messages)
    lines = [
        f"### Full check against baselines ({n} corpus messages of ~300 characters, best of {repeat})",
        "",
        _row("what", "messages/s", "µs/message"),
        _row("---", "---:", "---:"),
    ]
    for name, run in runs.items():
        seconds = _timeit(run, repeat=repeat)
        lines.append(_row(name, f"{n / seconds:,.0f}", f"{seconds / n * 1e6:,.1f}"))
    return lines


def _corpus_file(path: Path, n: int) -> None:
    bodies = [json.dumps({"body": m.body, "kind": m.kind.value}) for m in corpus_messages()]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(bodies[i % len(bodies)] + "\n")


def _dask_seconds(path: Path, workers: int, out: Path) -> float | None:
    try:
        from distributed import Client, LocalCluster

        from sellerpolicy.dask import check_jsonl
    except ImportError:
        return None
    with (
        LocalCluster(
            n_workers=workers,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            host="127.0.0.1",
        ) as cluster,
        Client(cluster),
    ):
        check_jsonl(str(path), blocksize="256KiB").count().compute()  # warm the workers
        start = time.perf_counter()
        check_jsonl(str(path), blocksize="256KiB").map(json.dumps).to_textfiles(
            str(out / "part-*.jsonl")
        )
        return time.perf_counter() - start


def batch(lines: int, work: Path) -> list[str]:
    cpus = _jobs(None)
    source = work / "batch.jsonl"
    _corpus_file(source, lines)
    rows = []
    base = None
    for jobs in sorted({1, 2, cpus}):
        start = time.perf_counter()
        run_jsonl(source, work / f"out-{jobs}.jsonl", jobs=jobs, progress=False)
        seconds = time.perf_counter() - start
        base = base or seconds
        rows.append(
            _row(f"run_jsonl, jobs={jobs}", f"{lines / seconds:,.0f}", f"{base / seconds:.2f}x")
        )
    (work / "dask").mkdir()
    seconds = _dask_seconds(source, cpus, work / "dask")
    if seconds is None:
        rows.append(_row(f"sellerpolicy.dask, {cpus} workers", "(dask extra not installed)", ""))
    else:
        rows.append(
            _row(
                f"sellerpolicy.dask on a LocalCluster, {cpus} worker processes",
                f"{lines / seconds:,.0f}",
                f"{base / seconds:.2f}x",
            )
        )
    return [
        (
            f"### Batch throughput ({lines:,} corpus messages as JSON Lines, {cpus} CPUs; "
            "process start-up included)"
        ),
        "",
        _row("how", "lines/s", "vs jobs=1"),
        _row("---", "---:", "---:"),
        *rows,
    ]


def decisions(n: int) -> list[str]:
    orders, events = synthetic_account(n)
    by_order: dict[str, list[object]] = collections.defaultdict(list)
    for event in events:
        by_order[event.order_id].append(event)
    start = time.perf_counter()
    for order in orders:
        obligations(order, by_order.get(order.order_id, ()), now=NOW)  # type: ignore[arg-type]
    per_order = time.perf_counter() - start
    start = time.perf_counter()
    account_health(orders, events, now=NOW)
    health = time.perf_counter() - start
    return [
        f"### Decisions on {n:,} synthetic orders ({len(events):,} events, one process)",
        "",
        _row("decision", "seconds", "orders/s"),
        _row("---", "---:", "---:"),
        _row(
            "obligations, one call per order with its events",
            f"{per_order:.1f}",
            f"{n / per_order:,.0f}",
        ),
        _row("account_health, one call over every order", f"{health:.1f}", f"{n / health:,.0f}"),
    ]


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc; the workers are the forkserver's children)."""
    found: list[int] = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in map(int, children):
        found += [child, *_descendants(child)]
    return found


def _peak_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    peaks = [int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")]
    return peaks[0] if peaks else 0


def _memory_run(path: str, jobs: int, out: str) -> None:
    """In a fresh process: run_jsonl, then print its seconds and peak resident sets in KiB."""
    worker_peak = 0
    done = threading.Event()

    def watch() -> None:  # the workers' high-water marks, read while they live
        nonlocal worker_peak
        while not done.wait(0.2):
            for pid in _descendants(os.getpid()):
                worker_peak = max(worker_peak, _peak_kib(pid))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    start = time.perf_counter()
    summary = run_jsonl(path, out, jobs=jobs, progress=False)
    seconds = time.perf_counter() - start
    done.set()
    watcher.join()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if platform.system() == "Darwin":  # ru_maxrss is in bytes there, KiB elsewhere
        own //= 1024
    print(
        json.dumps({"lines": summary.lines, "seconds": seconds, "main": own, "worker": worker_peak})
    )


def memory(sizes: tuple[int, ...], work: Path) -> list[str]:
    cpus = _jobs(None)
    rows = []
    for n in sizes:
        source = work / f"memory-{n}.jsonl"
        with source.open("w", encoding="utf-8") as f:
            for i in range(n):
                f.write(CHEAP[i % len(CHEAP)] + "\n")
        size = source.stat().st_size
        done = subprocess.run(  # noqa: S603 - this interpreter, this module
            [sys.executable, "-m", "benchmarks.scale", "--memory-run", str(source), str(cpus)],
            capture_output=True,
            text=True,
            check=True,
        )
        got = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(
            _row(
                f"{got['lines']:,}",
                f"{size / 2**20:,.0f} MiB",
                f"{got['seconds']:.0f} s",
                f"{got['lines'] / got['seconds']:,.0f}",
                f"{got['main'] / 1024:,.0f} MiB",
                f"{got['worker'] / 1024:,.0f} MiB" if got["worker"] else "n/a (no /proc)",
            )
        )
        source.unlink()
    return [
        (
            f"### Peak memory of run_jsonl (jobs={cpus}; short messages and broken lines, "
            "each run in a fresh process)"
        ),
        "",
        _row(
            "lines",
            "input",
            "time",
            "lines/s",
            "peak RSS, main process",
            "peak RSS, largest worker",
        ),
        _row("---:", "---:", "---:", "---:", "---:", "---:"),
        *rows,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--lines", type=int, default=20_000, help="batch throughput lines")
    parser.add_argument("--million", type=int, default=1_000_000, help="the memory run's lines")
    parser.add_argument("--orders", type=int, default=100_000, help="synthetic orders")
    parser.add_argument("--memory-run", nargs=2, metavar=("PATH", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_run:
        path, jobs = args.memory_run
        _memory_run(path, int(jobs), os.devnull)
        return
    if args.quick:
        args.lines, args.million, args.orders = 2_000, 20_000, 2_000
    print(
        f"## sellerpolicy at scale ({platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {_jobs(None)} CPUs)\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sections = [
            baselines(args.quick),
            batch(args.lines, work),
            decisions(args.orders),
            memory((args.million // 10, args.million), work),
        ]
    print("\n\n".join("\n".join(section) for section in sections))


if __name__ == "__main__":
    main()
