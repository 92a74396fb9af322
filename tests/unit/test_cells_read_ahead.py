"""Reading a sheet ahead in a child process (``exchange.cells.reading_ahead``, issue 14): the
rows are those read in this process, value for value and type for type; an error reading the
sheet is the error reading it here raises; the child never outlives the reading (stopped
early, abandoned, or dead).

The test process runs several threads (numpy's OpenBLAS pool, Qt's), so the reader would not
fork on its own: ``forking`` lets it (the child only reads the file) and makes every sheet big
enough, with small batches so that rows cross the pipe in many messages."""

from __future__ import annotations

import os
import threading
import warnings
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from coop_desk.exchange import cells
from coop_desk.exchange.cells import Book, reading_ahead
from coop_desk.exchange.roster import read_roster
from coop_desk.exchange.sheets import BLANK_RUN_STOP
from tests.cells_oracle import comparable
from tests.conftest import roster_workbook
from tests.unit.test_cells import _built, feature_workbook

pytestmark = pytest.mark.filterwarnings("ignore:.*outside the limits for dates")


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children forked while the test runs (their process ids)."""
    children: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(cells, "_can_fork", lambda: True)
    monkeypatch.setattr(cells, "_READ_AHEAD_BYTES", 0)
    monkeypatch.setattr(cells, "_FIRST_BATCH", 2)
    monkeypatch.setattr(cells, "_BATCH", 3)
    monkeypatch.setattr(os, "fork", counted)
    return children


def _gone(pid: int) -> bool:
    """The child has ended and was waited for (no zombie left)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def _all_rows(path: Path, *, data_only: bool = False) -> list[tuple[str, str, list[Any]]]:
    """Every sheet's rows both ways (as the user sees them, as values), comparable."""
    book = Book(path, data_only=data_only)
    try:
        return [
            (name, how, [comparable(row) for row in read()])
            for name in book.sheetnames
            for how, read in (("rows", book[name].rows), ("values", book[name].values))
        ]
    finally:
        book.close()


@pytest.mark.parametrize("date1904", [False, True])
@pytest.mark.parametrize("data_only", [False, True])
def test_the_child_reads_the_feature_workbook_as_this_process(
    tmp_path, forking, date1904, data_only
):
    """Dates by style, the 1904 system, formulas (FormulaText, shared, array), rich and
    phonetic text, errors, leading zeros, gaps and rows without a reference."""
    path = feature_workbook(tmp_path / "f.xlsx", date1904=date1904)
    here = _all_rows(path, data_only=data_only)
    assert not forking
    with reading_ahead():
        ahead = _all_rows(path, data_only=data_only)
    assert forking, "the rows were not read by a child"
    assert ahead == here
    assert sum(len(rows) for _name, _how, rows in here) > 40
    assert all(_gone(pid) for pid in forking)


def test_the_child_reads_the_workbooks_the_suite_builds_as_this_process(tmp_path, forking):
    for path in _built(tmp_path):
        here = _all_rows(path)
        with reading_ahead():
            assert _all_rows(path) == here, path.name
    assert forking and all(_gone(pid) for pid in forking)


def test_only_a_reading_to_the_end_goes_to_a_child(tmp_path, forking):
    """The header scan (``max_row``) is read here: a child would not gain."""
    book = Book(feature_workbook(tmp_path / "f.xlsx"))
    try:
        with reading_ahead():
            list(book["Padrón"].rows(max_row=5))
            assert not forking
            list(book["Padrón"].rows(min_row=3))
            assert len(forking) == 1
    finally:
        book.close()


def test_a_small_sheet_is_read_here(tmp_path, forking, monkeypatch):
    monkeypatch.setattr(cells, "_READ_AHEAD_BYTES", 2_000_000)
    book = Book(feature_workbook(tmp_path / "f.xlsx"))
    try:
        with reading_ahead():
            assert list(book["Padrón"].rows())
    finally:
        book.close()
    assert not forking


def test_without_reading_ahead_or_where_forking_is_unsafe_the_rows_are_read_here(
    tmp_path, forking, monkeypatch
):
    path = feature_workbook(tmp_path / "f.xlsx")
    _all_rows(path)  # not asked for
    monkeypatch.setattr(cells, "_can_fork", lambda: False)  # Windows, macOS, threads
    with reading_ahead():
        _all_rows(path)
    assert not forking


def test_forking_is_refused_while_another_thread_runs(monkeypatch):
    """Threads counted by the kernel, not only Python's; Linux only."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not cells._can_fork()
    finally:
        stop.set()
        thread.join()
    monkeypatch.setattr(cells.sys, "platform", "win32")
    assert not cells._can_fork()


def test_reading_ahead_is_not_inherited_by_a_thread():
    """The GUI's worker threads never read ahead, even started from such a block."""
    seen: list[bool] = []
    with reading_ahead():
        assert cells._reading_ahead.get()
        thread = threading.Thread(target=lambda: seen.append(cells._reading_ahead.get()))
        thread.start()
        thread.join()
    assert seen == [False] and not cells._reading_ahead.get()


def _rewritten(source: Path, target: Path, change: Callable[[str], str]) -> Path:
    """``source`` with its first sheet's XML changed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode()).encode()
            new.writestr(item, data)
    return target


def _numbers(path: Path, count: int = 60) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for number in range(1, count + 1):
        ws.append([number, f"socio {number}", date(2020, 1, 1 + number % 28)])
    wb.save(path)
    return path


def _outcome(path: Path) -> tuple[list[Any], type[BaseException], str]:
    """The rows read before the error, and the error."""
    rows: list[Any] = []
    book = Book(path)
    try:
        with pytest.raises(Exception) as raised:  # noqa: B017, PT011 - compared below
            for row in book[book.sheetnames[0]].rows():
                rows.append(comparable(row))
    finally:
        book.close()
    return rows, raised.type, str(raised.value)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(
            lambda xml: xml[: xml.index('<row r="40"')] + '<row r="40"><c r="A4', id="cut"
        ),
        pytest.param(
            lambda xml: xml.replace('<c r="A30" t="n"><v>30</v>', '<c r="A30" t="n"><v>abc</v>'),
            id="not-a-number",
        ),
        pytest.param(lambda xml: xml.replace('<row r="25"', '<row r="x25"'), id="bad-row-number"),
    ],
)
def test_an_error_in_the_child_is_the_error_reading_here_raises(tmp_path, forking, damage):
    source = _numbers(tmp_path / "n.xlsx")
    path = _rewritten(source, tmp_path / "damaged.xlsx", damage)
    here = _outcome(path)
    assert len(here[0]) >= 20
    with reading_ahead():
        ahead = _outcome(path)
    assert forking
    assert ahead == here
    assert all(_gone(pid) for pid in forking)


def test_a_warning_in_the_child_is_given_here(tmp_path, forking):
    """A date style on a serial beyond the dates: openpyxl's warning, and #VALUE!."""
    path = feature_workbook(tmp_path / "f.xlsx")
    with reading_ahead(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = list(Book(path)["Padrón"].rows())
    assert forking
    assert rows[6][5] == "#VALUE!"
    assert any("outside the limits for dates" in str(w.message) for w in caught)


def test_a_reader_that_stops_early_ends_the_child(tmp_path, forking):
    book = Book(_numbers(tmp_path / "n.xlsx", count=3000))
    try:
        with reading_ahead():
            rows = book[book.sheetnames[0]].rows()
            assert next(rows)[0] == 1
            rows.close()
            assert len(forking) == 1 and _gone(forking[0])
            abandoned = book[book.sheetnames[0]].rows()
            assert [next(abandoned)[0] for _ in range(10)] == list(range(1, 11))
            del abandoned  # dropped without closing: ended as it is freed
            assert len(forking) == 2 and _gone(forking[1])
    finally:
        book.close()


def test_rows_a_child_did_not_send_are_read_here(forking):
    """A child that dies (killed, out of memory) or goes silent: the rest is read here, in
    order, none twice."""
    parent = os.getpid()

    def read() -> Iterator[tuple[Any, ...]]:
        for number in range(100):
            if number == 37 and os.getpid() != parent:
                os._exit(9)
            yield (number,)

    assert list(cells._read_ahead(read, lambda: None)) == [(n,) for n in range(100)]
    assert len(forking) == 1 and _gone(forking[0])


def test_the_roster_parser_reads_the_same_roster_ahead(tmp_path, forking):
    """Through the parser: blank rows, titles, the stop after BLANK_RUN_STOP blank rows (the
    reader stops early: the child is ended)."""
    rows: list[list[Any]] = [
        [f"C-{n}", f"Ana {n}", "Ruiz", f"{40000000 + n}", "F", date(2020, 1, 2)]
        for n in range(1, 80)
    ]
    rows[10] = [None] * 6
    rows[20] = ["Comunidad La Palma", None, None, None, None, None]
    rows += [[None] * 6] * BLANK_RUN_STOP + [["C-999", "Luz", "Vega", "40000999", "F", None]]
    path = roster_workbook(
        tmp_path / "padron.xlsx",
        ["Código", "Nombres", "Apellidos", "DNI", "Sexo", "Fecha de ingreso"],
        rows,
    )
    today = date(2025, 1, 1)
    here = read_roster(path, today=today)
    ahead = read_roster(path, today=today, read_ahead=True)
    assert forking and all(_gone(pid) for pid in forking)
    assert ahead == here
    assert len(here.rows) == 77 and here.skipped and here.notes
    assert "C-999" not in {r.code for r in here.rows}


def test_a_silent_child_is_ended_and_the_rest_read_here(forking, monkeypatch):
    """A child that stops sending (stuck) is not waited for without end."""
    monkeypatch.setattr(cells, "_SILENCE", 0.2)
    parent = os.getpid()

    def read() -> Iterator[tuple[Any, ...]]:
        for number in range(50):
            if number == 20 and os.getpid() != parent:
                threading.Event().wait()  # stuck for ever
            yield (number,)

    assert list(cells._read_ahead(read, lambda: None)) == [(n,) for n in range(50)]
    assert len(forking) == 1 and _gone(forking[0])
