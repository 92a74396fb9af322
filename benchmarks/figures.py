"""Issue 14's figures: what is measured, against which target, and how.

Each figure has a key (``-k`` selects figures by substring), what it is, the target in words
and a test of the measured value; figures without a target (kept from the earlier benchmark
modules because they are useful) are shown as ``info``. Ratios are measured against their floor
in the same run, alternating the two processes so both see the same machine load.
"""

from __future__ import annotations

import functools
import inspect
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks import dataset, floors
from benchmarks.measure import PYTHON, ROOT, Run, coop_desk, median, run, timed

SCREENFUL = 50  # rows of a members table on an office screen


@dataclass
class Figure:
    key: str
    what: str
    target: str
    measured: str = "not measured"
    met: bool | None = None  # None: no target (info) or not measured

    @property
    def status(self) -> str:
        if self.target == "":
            return "info"
        if self.met is None:
            return "-"
        return "met" if self.met else "MISSED"


@dataclass
class Context:
    """What the figures share: the data sets, a scratch folder, the number of runs."""

    runs: int
    scratch: Path
    env: dict[str, str]
    big: Path
    report: dataset.BuildReport
    fresh: bool
    selected: Callable[[str], bool]
    figures: list[Figure] = field(default_factory=list)
    dry: bool = False  # only list the figures
    _demo: Path | None = None
    _empty: Path | None = None

    def add(self, key: str, what: str, target: str = "") -> Figure | None:
        """A figure to measure, or None when ``-k`` leaves it out."""
        if not self.selected(key):
            return None
        figure = Figure(key, what, target)
        self.figures.append(figure)
        return None if self.dry else figure

    def demo(self) -> Path:
        """The demo cooperative (``init --demo``), built once per run in the scratch folder."""
        if self._demo is None:
            self._demo = self.scratch / "demo.sqlite"
            done = run(coop_desk(self._demo, "init", "--demo"), self.env)
            _check(done, "init --demo")
        return self._demo

    def empty(self) -> Path:
        """A new, empty cooperative's database (``init --name``), to copy per import run."""
        if self._empty is None:
            self._empty = self.scratch / "empty.sqlite"
            done = run(coop_desk(self._empty, "init", "--name", "Cooperativa Nueva"), self.env)
            _check(done, "init --name")
        return self._empty


def _check(done: Run, what: str) -> None:
    if done.returncode != 0:
        raise RuntimeError(
            f"{what} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        )


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def megabytes(value: float) -> str:
    return f"{value:.0f} MB"


# --- the generator ------------------------------------------------------------------------------


def generation(ctx: Context) -> None:
    figure = ctx.add(
        "generate",
        "generate the data set: 100,000 members, 1,000,000 postings, audit trail (bulk)",
        "< 60 s",
    )
    if figure is None:
        return
    r = ctx.report
    when = "this run" if ctx.fresh else f"at generation, {r.as_of}; cached since"
    figure.measured = (
        f"{r.seconds:.1f} s ({when}; {r.audit_records:,} audit records, "
        f"{r.cpu_seconds:.0f} s CPU in 2 processes)"
    )
    figure.met = r.seconds < 60


# --- start of the GUI ---------------------------------------------------------------------------


def _probe(ctx: Context, *args: str) -> tuple[Run, dict[str, Any]]:
    # Settings of its own for every run: the program remembers the tab last open (the probe
    # leaves the Premium page on its journal), so a second run sharing them would switch to a
    # tab already shown, and wait for a load that never comes or time another one.
    env = dict(ctx.env)
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="probe-config-", dir=ctx.scratch)
    done = run([PYTHON, "-m", "benchmarks.gui_probe", *args], env, timeout=900)
    events: dict[str, Any] = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            event = json.loads(line)
            events[event["event"]] = event
    if "timeout" in events or done.returncode != 0:
        raise RuntimeError(f"gui probe {args} failed:\n{done.stdout}\n{done.stderr[-3000:]}")
    return done, events


def byte_compiled() -> None:
    """Compile the program's modules, as installing it does. pip byte-compiles a package when
    it installs it, so a user's start reads compiled modules; the editable checkout keeps none
    where ``PYTHONDONTWRITEBYTECODE`` is set (as on the shared benchmark machine), and there
    every start compiled some 150 modules first (~0.3 s of CPU that no installed copy spends).
    Nothing else changes: the probe still times the whole process."""
    import compileall

    compileall.compile_dir(str(ROOT / "coop_desk"), quiet=1)


def start(ctx: Context) -> None:
    bare_fig = ctx.add("start.bare", "bare PySide6 process showing an empty QMainWindow (floor)")
    demo_fig = ctx.add(
        "start.demo", "start to main window shown, demo database", "<= 3x the bare window"
    )
    big_fig = ctx.add(
        "start.big", "start to main window shown, 100,000 members", "<= 3x the bare window"
    )
    rows_fig = ctx.add(
        "start.big.rows", "first rows shown after the window, 100,000 members", "< 0.5 s"
    )
    rss_fig = ctx.add("start.big.rss", "peak memory of that start (RSS)", "< 300 MB")
    if not any((bare_fig, demo_fig, big_fig, rows_fig, rss_fig)):
        return
    byte_compiled()
    bare: list[float] = []
    demo: list[float] = []
    big: list[float] = []
    rows: list[float] = []
    rss: list[float] = []
    want_demo = demo_fig is not None
    want_big = any((big_fig, rows_fig, rss_fig))
    # Side by side: floor, demo, big, floor, demo, big ... (the demo is quick: 5 runs at least)
    for n in range(max(ctx.runs, 5)):
        _done, events = _probe(ctx, "bare")
        bare.append(events["window"]["t"])
        if want_demo:
            _done, events = _probe(ctx, "start", str(ctx.demo()))
            demo.append(events["window"]["t"])
        if want_big and n < ctx.runs:
            done, events = _probe(ctx, "start", str(ctx.big))
            big.append(events["window"]["t"])
            rows.append(events["rows"]["t"] - events["window"]["t"])
            rss.append(done.peak_mb)
    floor = median(bare)
    if bare_fig:
        bare_fig.measured = seconds(floor)
    for figure, values in ((demo_fig, demo), (big_fig, big)):
        if figure is not None and values:
            ratio = median(values) / floor
            figure.measured = f"{seconds(median(values))} = {ratio:.1f}x ({seconds(floor)})"
            figure.met = ratio <= 3
    if rows_fig and rows:
        rows_fig.measured = seconds(median(rows))
        rows_fig.met = median(rows) < 0.5
    if rss_fig and rss:
        rss_fig.measured = megabytes(median(rss))
        rss_fig.met = median(rss) < 300


def interact(ctx: Context) -> None:
    search_fig = ctx.add(
        "members.search",
        "search keystroke (Enter), 100,000 members, to the updated table",
        "< 100 ms",
    )
    journal_fig = ctx.add(
        "journal.first",
        f"journal tab, {ctx.report.journal_entries_last_year:,} entries: first rows shown",
        "< 0.3 s",
    )
    journal_block = ctx.add(
        "journal.blocked", "journal tab: longest time the GUI thread was blocked", "< 0.3 s"
    )
    postings_fig = ctx.add(
        "journal.postings",
        "journal, one row per posting (100,000): first rows shown",
        "< 0.3 s",
    )
    postings_block = ctx.add(
        "journal.postings.blocked", "postings view: longest GUI-thread block", "< 0.3 s"
    )
    if not any((search_fig, journal_fig, journal_block, postings_fig, postings_block)):
        return
    byte_compiled()
    searches: list[float] = []
    journal: list[float] = []
    blocked: list[float] = []
    postings: list[float] = []
    postings_blocked: list[float] = []
    for _ in range(ctx.runs):
        _done, events = _probe(ctx, "interact", str(ctx.big), str(ctx.report.last_year))
        searches.extend(events["search"]["seconds"])
        journal.append(events["journal"]["seconds"])
        blocked.append(events["journal"]["blocked"])
        postings.append(events["postings"]["seconds"])
        postings_blocked.append(events["postings"]["blocked"])
    for figure, values, limit in (
        (search_fig, searches, 0.1),
        (journal_fig, journal, 0.3),
        (journal_block, blocked, 0.3),
        (postings_fig, postings, 0.3),
        (postings_block, postings_blocked, 0.3),
    ):
        if figure is not None:
            figure.measured = seconds(median(values))
            if figure is search_fig:
                figure.measured += f" (median of {len(values)}; slowest {seconds(max(values))})"
            figure.met = median(values) < limit


# --- services in this process -------------------------------------------------------------------


@contextmanager
def _reading(ctx: Context) -> Iterator[Any]:
    from coop_desk.db import Database
    from coop_desk.services.access import SYSTEM

    db = Database.open(ctx.big, migrate=False)
    try:
        with db.reading(SYSTEM) as session:
            yield session
    finally:
        db.close()


def _first_screenful(session: Any, flt: Any = None) -> Any:
    """What the members page needs for its first screen. Today the service returns the whole
    register; once it takes a ``limit`` (a paged or windowed model), only a screenful."""
    from coop_desk.services import members
    from coop_desk.services.access import SYSTEM

    if "limit" in inspect.signature(members.list_members).parameters:
        paged: Any = members.list_members
        return paged(session, SYSTEM, flt, limit=SCREENFUL)
    return members.list_members(session, SYSTEM, flt)


def services(ctx: Context) -> None:
    from coop_desk.services import certification as certs
    from coop_desk.services import ics_list, members
    from coop_desk.services.access import SYSTEM
    from coop_desk.services.ledger import journal, reports
    from coop_desk.services.members import MemberFilter

    year = ctx.report.last_year
    today = date.fromisoformat(ctx.report.as_of) if ctx.report.as_of else date.today()
    repeat = max(ctx.runs, 5)
    planned: list[tuple[Figure | None, Callable[[Any], object], float | None, int]] = [
        (
            ctx.add(
                "members.list",
                "list 100,000 members (service), first screenful",
                "< 0.3 s",
            ),
            _first_screenful,
            0.3,
            repeat,
        ),
        (
            ctx.add("members.search.service", "search 'nunez' in the register (service, all rows)"),
            lambda s: members.list_members(s, SYSTEM, MemberFilter(text="nunez")),
            None,
            repeat,
        ),
        (
            ctx.add("members.counts", "register counts (status bar)"),
            lambda s: members.register_counts(s, SYSTEM),
            None,
            repeat,
        ),
        (
            ctx.add(
                "ledger.balances",
                f"account balances for {year}, 1,000,000 postings",
                "< 200 ms",
            ),
            lambda s: reports.account_balances(s, SYSTEM, year),
            0.2,
            repeat,
        ),
        (
            ctx.add("ledger.projects", f"project balances for {year}", "< 200 ms"),
            lambda s: reports.project_balances(s, SYSTEM, year),
            0.2,
            repeat,
        ),
        (
            ctx.add("ledger.fund", f"Premium fund report for {year}"),
            lambda s: reports.fund_report(s, SYSTEM, year),
            None,
            repeat,
        ),
        (
            ctx.add("ledger.journal.search", "journal: entries matching 'vivero' in a year"),
            lambda s: journal.list_entries(
                s, SYSTEM, journal.JournalFilter(year=year, text="vivero"), limit=200
            ),
            None,
            repeat,
        ),
        (
            ctx.add("certs.farmers", "ICS farmer list, 100,000 members"),
            lambda s: certs.farmer_list(s, SYSTEM, today),
            None,
            ctx.runs,
        ),
        (
            ctx.add("certs.overview", "ICS overview"),
            lambda s: certs.ics_overview(s, SYSTEM, today),
            None,
            ctx.runs,
        ),
        (
            ctx.add("certs.alerts", "certification alerts (90 days)"),
            lambda s: certs.alerts.alerts(s, SYSTEM, today),
            None,
            ctx.runs,
        ),
    ]
    export = ctx.add("certs.export", "ICS farmer list to xlsx (the list and the workbook)")
    home_page = ctx.add("home.figures", "home page figures, 100,000 members (one home.home call)")
    if home_page is not None:
        home_page.measured = seconds(_home_figures(ctx, today))
    if not any(figure for figure, *_ in planned) and export is None:
        return
    with _reading(ctx) as session:
        for figure, fn, limit, times in planned:
            if figure is None:
                continue
            value = timed(functools.partial(fn, session), times)
            figure.measured = seconds(value)
            if limit is not None:
                figure.met = value < limit
        if export is not None:
            target = ctx.scratch / "ics.xlsx"
            value = timed(
                lambda: ics_list.export_ics_list(session, SYSTEM, target, on=today), ctx.runs
            )
            export.measured = seconds(value)


def _home_figures(ctx: Context, today: date) -> float:
    """Median wall time of one ``home.home`` call (the administrator's: every section) on the
    data set opened read-only, as the window's start page computes it in its pool thread."""
    from coop_desk.db import open_read_only
    from coop_desk.services import home
    from coop_desk.services.access import SYSTEM

    db = open_read_only(ctx.big)
    try:
        with db.reading(SYSTEM) as session:
            return timed(lambda: home.home(session, SYSTEM, today), ctx.runs)
    finally:
        db.close()


def posting(ctx: Context) -> None:
    """What the audit trail costs a write: entries posted one transaction each, as a treasurer
    would, on a copy of the demo cooperative."""
    figure = ctx.add("trust.post", "post one entry with its audit records (mean of 200)")
    if figure is None:
        return
    import time
    from datetime import timedelta

    from coop_desk.db import Database
    from coop_desk.services.access import SYSTEM
    from coop_desk.services.ledger import accounts, journal, plan

    copy = ctx.scratch / "posting.sqlite"
    shutil.copy(ctx.demo(), copy)
    db = Database.open(copy)
    try:
        with db.reading(SYSTEM) as s:
            bank = next(
                a.id
                for a in accounts.list_accounts(s, SYSTEM)
                if a.role == "bank" and a.currency == "USD"
            )
            expense = plan.list_projects(s, SYSTEM)[0].account_id
        count = 200
        day = date.today() - timedelta(days=1)
        start = time.perf_counter()
        for n in range(count):
            with db.transaction(SYSTEM) as s:
                journal.post_entry(
                    s,
                    SYSTEM,
                    entry_date=day,
                    description=f"bench {n}",
                    postings=[
                        journal.PostingInput(expense, Decimal("12.34"), "USD"),
                        journal.PostingInput(bank, Decimal("-12.34"), "USD"),
                    ],
                )
        figure.measured = seconds((time.perf_counter() - start) / count)
    finally:
        db.close()


# --- whole commands -----------------------------------------------------------------------------


def verify(ctx: Context) -> None:
    time_fig = ctx.add("verify.time", "`verify`, 1,000,000 postings", "< 30 s")
    rss_fig = ctx.add("verify.rss", "`verify`: peak memory (RSS)", "< 300 MB")
    lines_fig = ctx.add(
        "verify.lines", "`verify`: lines printed (findings grouped per check)", "<= 100 lines"
    )
    if not any((time_fig, rss_fig, lines_fig)):
        return
    runs = [run(coop_desk(ctx.big, "verify"), ctx.env) for _ in range(ctx.runs)]
    last = runs[-1]
    intact = "Integrity: OK" in last.stdout
    if time_fig:
        time_fig.measured = seconds(median([r.seconds for r in runs])) + (
            "" if intact else " (INTEGRITY FAILED: the generated data is inconsistent)"
        )
        time_fig.met = median([r.seconds for r in runs]) < 30 and intact
    if rss_fig:
        rss_fig.measured = megabytes(median([r.peak_mb for r in runs]))
        rss_fig.met = median([r.peak_mb for r in runs]) < 300
    if lines_fig:
        lines = len(last.stdout.splitlines())
        findings = sum(1 for line in last.stdout.splitlines() if line.startswith("WARNING"))
        lines_fig.measured = f"{lines:,} lines ({findings:,} warnings, one line each)"
        lines_fig.met = lines <= 100


def export(ctx: Context) -> None:
    year = ctx.report.last_year
    ratio_fig = ctx.add(
        "export.ratio",
        f"ledger workbook, year {year or 'Y'} (100,000 postings)",
        "<= 1.3x openpyxl write-only",
    )
    rss_fig = ctx.add("export.rss", "ledger workbook: peak memory (RSS)", "< 250 MB")
    if ratio_fig is None and rss_fig is None:
        return
    out = ctx.scratch / "ledger.xlsx"
    values = ctx.scratch / "ledger-values.pickle"
    floor_out = ctx.scratch / "floor.xlsx"
    program: list[Run] = []
    floor: list[Run] = []
    cells = 0
    for n in range(ctx.runs):
        done = run(coop_desk(ctx.big, "ledger", "export", str(out), "--year", str(year)), ctx.env)
        _check(done, "ledger export")
        program.append(done)
        if n == 0:
            cells = floors.extract_values(out, values)
        floor.append(
            run([PYTHON, "-m", "benchmarks.floors", "write", str(values), str(floor_out)], ctx.env)
        )
        _check(floor[-1], "openpyxl write-only")
    mine, least = median([r.seconds for r in program]), median([r.seconds for r in floor])
    if ratio_fig:
        ratio_fig.measured = (
            f"{seconds(mine)} = {mine / least:.1f}x ({seconds(least)}; {cells:,} cells)"
        )
        ratio_fig.met = mine / least <= 1.3
    if rss_fig:
        peak = median([r.peak_mb for r in program])
        rss_fig.measured = (
            f"{megabytes(peak)} (floor {megabytes(median([r.peak_mb for r in floor]))})"
        )
        rss_fig.met = peak < 250


def roster_import(ctx: Context) -> None:
    figure = ctx.add(
        "import.ratio",
        "roster import, 10,000 rows, all validation and the audit trail",
        "<= 2x openpyxl read-only",
    )
    if figure is None:
        return
    from benchmarks import roster

    book = roster.workbook(ctx.scratch / "padron.xlsx", 10_000)
    program: list[Run] = []
    floor: list[Run] = []
    for n in range(ctx.runs):
        target = ctx.scratch / f"import-{n}.sqlite"
        shutil.copy(ctx.empty(), target)
        done = run(coop_desk(target, "members", "import", str(book)), ctx.env)
        _check(done, "members import")
        if "10000 new" not in done.stdout.replace(",", ""):
            raise RuntimeError(
                f"the roster import did not create 10,000 members:\n{done.stdout[-2000:]}"
            )
        program.append(done)
        floor.append(run([PYTHON, "-m", "benchmarks.floors", "read", str(book)], ctx.env))
        _check(floor[-1], "openpyxl read-only")
        target.unlink()
    mine, least = median([r.seconds for r in program]), median([r.seconds for r in floor])
    figure.measured = f"{seconds(mine)} = {mine / least:.1f}x ({seconds(least)})"
    figure.met = mine / least <= 2


FIGURES: list[Callable[[Context], None]] = [
    generation,
    start,
    interact,
    services,
    posting,
    verify,
    export,
    roster_import,
]


def scratch_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="coop-desk-bench-")


__all__ = ["FIGURES", "Context", "Figure", "scratch_folder"]
