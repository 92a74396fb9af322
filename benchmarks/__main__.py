"""``make bench`` / ``python -m benchmarks [-k KEY ...] [--runs N] [--tiny] [--rebuild]``:
measure issue 14's figures and print one table (figure, target, measured, met / MISSED).

- ``-k KEY`` keeps the figures whose key contains KEY (``-k start -k verify``);
- ``--runs N`` (or ``BENCH_RUNS``): runs per figure, the median is shown (default 3);
- ``--tiny``: the small data set instead of the federation one (a smoke test of the harness:
  the figures then say nothing about the targets);
- ``--rebuild``: generate the data set again even when the cached one is current.

The table is also written to ``benchmarks/.data/last-table.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

from benchmarks import dataset
from benchmarks.figures import FIGURES, Context, Figure, scratch_folder
from benchmarks.measure import child_env


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        memory = "RAM unknown"
    import openpyxl
    import PySide6
    import sqlalchemy

    return (
        f"{cpu}, {os.cpu_count()} cores, {memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"SQLAlchemy {sqlalchemy.__version__}, SQLite {sqlite3.sqlite_version}, "
        f"openpyxl {openpyxl.__version__}"
    )


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (1 min), {five:.1f} (5 min)"


def table(figures: list[Figure]) -> str:
    rows = [("figure", "target", "measured", "")]
    rows += [(f.what, f.target or "-", f.measured, f.status) for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("-k", action="append", default=[], metavar="KEY")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    parser.add_argument("--tiny", action="store_true")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--list", action="store_true", help="list the figure keys and exit")
    args = parser.parse_args(argv)
    scale = dataset.TINY if args.tiny else dataset.FULL
    started = time.perf_counter()
    header = [f"Machine: {machine()}", f"Load average at start: {load()}"]
    if args.rebuild:
        for old in dataset.DATA_DIR.glob(f"federation-*{scale.label}*"):
            old.unlink()
    if args.list:  # the keys only: no data set needed
        big, report, fresh = Path("-"), dataset.BuildReport(asdict(scale), "", 0.0), False
    else:
        print("Preparing the data set (generated once, then cached in benchmarks/.data) ...")
        big, report, fresh = dataset.cached(scale)
        header.append(
            f"Data set: {big.name} ({big.stat().st_size / 2**20:,.0f} MB): "
            + ", ".join(f"{n:,} {t}" for t, n in report.rows.items())
            + f"; {report.audit_records:,} audit records"
        )
    with scratch_folder() as folder:
        scratch = Path(folder)
        ctx = Context(
            runs=args.runs,
            scratch=scratch,
            env=child_env(scratch),
            big=big,
            report=report,
            fresh=fresh,
            selected=lambda key: not args.k or any(k in key for k in args.k),
            dry=args.list,
        )
        for figure_set in FIGURES:
            name = figure_set.__name__
            if not args.list:
                print(f"measuring {name} ...", flush=True)
            try:
                figure_set(ctx)
            except Exception as exc:  # noqa: BLE001 - one broken figure must not hide the rest
                print(f"  {name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        figures = ctx.figures
    if args.list:
        for figure in figures:
            print(f"{figure.key:<28} {figure.what}")
        return 0
    header.append(
        f"Runs per figure: {args.runs} (medians); date {date.today()}; whole bench "
        f"{(time.perf_counter() - started) / 60:.1f} min; load average at end: {load()}"
    )
    text = "\n".join(header) + "\n\n" + table(figures) + "\n"
    print()
    print(text)
    dataset.DATA_DIR.mkdir(exist_ok=True)
    (dataset.DATA_DIR / "last-table.md").write_text(text)
    missed = sum(1 for f in figures if f.status == "MISSED")
    print(f"{missed} of {sum(1 for f in figures if f.target)} targets missed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
