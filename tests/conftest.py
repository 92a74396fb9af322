"""Shared fixtures: offscreen Qt, a throwaway data folder, and databases on SQLite and on a
real PostgreSQL server started here on loopback (skipped, with the reason, when none can)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date

import pytest

# Must be set before Qt is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COOP_DESK_DATA_DIR", tempfile.mkdtemp(prefix="coop-desk-test-data-"))
os.environ.pop("COOP_DESK_DB", None)
# Tests speak English unless they ask for Spanish, whatever the developer's locale.
os.environ["COOP_DESK_LANG"] = "en"

from coop_desk.db import Database  # noqa: E402
from coop_desk.services.access import SYSTEM, Actor  # noqa: E402
from tests.pgserver import PostgresServer  # noqa: E402

# A fixed "today" for tests that depend on dates, so results do not drift with the calendar.
TODAY = date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QSettings and the data folder per test, so tests never touch the user's own."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("COOP_DESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))


@pytest.fixture(autouse=True)
def _english_core() -> Iterator[None]:
    """The core's process language back to English after each test (the command line and the
    GUI set it when they start)."""
    yield
    from coop_desk import i18n

    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _cells_as_openpyxl_reads_them(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every row a test reads through the cell reader (``exchange.cells``: every importer) is
    read again by the oracle (openpyxl's read-only ``iter_rows``, ``tests/cells_oracle.py``)
    and must be the same, value for value and type for type: the test fails otherwise."""
    from coop_desk.exchange import cells
    from tests.cells_oracle import checked_rows

    mismatches: list[str] = []
    placed = cells.Sheet._placed

    def checked(sheet, min_row, max_row, min_col, max_col, *, shown):  # type: ignore[no-untyped-def]
        rows = placed(sheet, min_row, max_row, min_col, max_col, shown=shown)
        wanted = {"min_row": min_row, "max_row": max_row, "min_col": min_col, "max_col": max_col}
        return checked_rows(sheet, rows, wanted, shown, mismatches)

    monkeypatch.setattr(cells.Sheet, "_placed", checked)
    yield
    assert not mismatches, "the cell reader and openpyxl read differently:\n" + "\n".join(
        mismatches[:5]
    )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = PostgresServer.start()
    if server.error:
        pytest.skip(f"PostgreSQL tests skipped: {server.error}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A freshly migrated, empty database, on each backend."""
    if request.param == "sqlite":
        database = Database.open(tmp_path / "test.sqlite")
    else:
        server = request.getfixturevalue("pg_server")
        database = Database.open(server.create_database())
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def sqlite_db(tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """SQLite only: for GUI tests and file-level checks."""
    database = Database.open(tmp_path / "test.sqlite")
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def actor() -> Actor:
    return SYSTEM


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo cooperative loaded once per test session into a SQLite file; copy it."""
    from coop_desk.services.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = Database.open(path)
    with database.transaction(SYSTEM) as session:
        load_demo(session, SYSTEM, today=TODAY)
    database.close()
    return str(path)


@pytest.fixture
def demo_db(demo_template: str, tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A private copy of the demo database (SQLite)."""
    import shutil

    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, target)
    database = Database.open(target)
    try:
        yield database
    finally:
        database.close()


def python_output(script: str, cwd: str | os.PathLike[str] | None = None) -> str:
    """What ``script`` prints, run by a fresh interpreter (offscreen Qt): for what only a new
    process shows, such as which modules an import brings in."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=cwd,
        check=True,
    )
    return done.stdout.strip()


def roster_workbook(path, header, rows):  # type: ignore[no-untyped-def]
    """A roster as cooperatives keep them: a title row, the header, one member per row."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Padrón de socios"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path
