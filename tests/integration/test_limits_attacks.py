"""Issue 11, "One accepted input breaks the books for good": each attack as it was found, with
the command line, sqlite3 and workbooks written by openpyxl or part by part
(``tests/hostile_workbooks.py``), now refused with the reason, or survived.

- ledger dates of year 1 or 9999, amounts that overflow the database's sums, rates and amounts
  that ended in a traceback, a cash book income of 1e20;
- workbooks built to exhaust the computer, refused before a cell is parsed;
- data already stored beyond the limits (planted with sqlite3): ``verify`` names it, and the
  years, reports, exports and year close keep working.
"""

from __future__ import annotations

import os
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest

from coop_desk.cli import main
from coop_desk.exchange import sheets
from coop_desk.exchange.roster import read_roster
from coop_desk.exchange.xlsx import WorkbookError
from coop_desk.services import users
from tests import hostile_workbooks as hostile


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch):
    monkeypatch.setattr(users, "SCRYPT_N", 2**10)
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")


@pytest.fixture
def demo_path(demo_db):
    path = demo_db.engine.url.database
    demo_db.close()
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def pay(capsys, path, amount="10", *extra):
    return run(
        capsys,
        "--db",
        path,
        "--user",
        "tesorero",
        "ledger",
        "pay",
        "Education",
        amount,
        "--payee",
        "Ana Ruiz",
        "--voucher",
        "R-77",
        "--description",
        "school supplies",
        *extra,
    )


def entries(path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM journal_entry").fetchone()[0])


# --- the ledger -----------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2199-06-30"])
def test_a_payment_dated_outside_the_books_is_refused(demo_path, capsys, day):
    """Year 1 or 9999 was accepted; verify then failed for ever, `ledger years` crashed and
    `close-year 2025` said "close 1 first"."""
    before = entries(demo_path)
    code, out = pay(capsys, demo_path, "10", "--account", "1020", "--rate", "3.75", "--date", day)
    assert code == 2, out
    assert "entry_date:" in out and "the books can hold" in out
    assert entries(demo_path) == before
    code, out = run(capsys, "--db", demo_path, "ledger", "years")
    assert code == 0 and "\n1 " not in out and "9999" not in out


def test_a_payment_in_a_year_before_a_closed_one_is_refused(demo_path, capsys):
    """2023 when 2024 is closed: `close-year 2025` then said "close 2023 first"."""
    code, out = pay(
        capsys, demo_path, "10", "--account", "1020", "--rate", "3.75", "--date", "2023-05-01"
    )
    assert code == 2
    assert "closed up to the fiscal year 2024; nothing can be posted in 2023" in out


@pytest.mark.parametrize(
    ("amount", "extra"),
    [
        ("92233720368547758.07", ["--account", "1010"]),  # then "integer overflow" in reports
        ("99999999999999999", ["--account", "1010"]),  # a traceback
        ("10", ["--account", "1020", "--rate", "99999999999"]),  # a traceback
        ("9999999999", ["--account", "1020", "--rate", "0.0001"]),  # its USD value too large
    ],
)
def test_amounts_and_rates_beyond_the_books_are_refused_in_words(demo_path, capsys, amount, extra):
    before = entries(demo_path)
    code, out = pay(capsys, demo_path, amount, *extra, "--date", "2026-03-01")
    assert code == 2, out
    assert "error: the input has problems" in out and "Traceback" not in out
    assert "beyond the largest amount" in out or "not an exchange rate the books" in out
    assert entries(demo_path) == before
    code, out = run(capsys, "--db", demo_path, "ledger", "balances", "--year", "2026")
    assert code == 0, out


def test_a_summary_rate_and_a_year_beyond_the_books_are_refused(demo_path, capsys):
    code, out = run(capsys, "--db", demo_path, "ledger", "summary", "--rate", "99999999999")
    assert code == 2 and "local_rate" in out
    with pytest.raises(SystemExit):
        main(["--db", demo_path, "ledger", "balances", "--year", "10000"])
    assert "not a fiscal year the books can hold (1900 to 2198)" in capsys.readouterr().err


def test_a_cash_book_income_of_1e20_is_named_by_row_and_column(demo_path, capsys, tmp_path):
    """It ended in "OverflowError: Python int too large to convert to SQLite INTEGER"."""
    path = tmp_path / "caja.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Fecha", "Comprobante", "Concepto", "Proyecto", "Ingreso", "Egreso", "Saldo"])
    ws.append([None, "R-1", "Premio recibido", "", 1e20, None, None])
    ws.append([None, "R-2", "Útiles", "Education fund", None, 100, None])
    ws["A2"].value = ws["A3"].value = __import__("datetime").date(2026, 2, 1)
    wb.save(path)
    before = entries(demo_path)
    code, out = run(
        capsys,
        "--db",
        demo_path,
        "--user",
        "tesorero",
        "ledger",
        "import-cashbook",
        str(path),
    )
    assert code != 0 and "Traceback" not in out
    assert "row 2, column E (Ingreso): income:" in out and "beyond the largest amount" in out
    assert entries(demo_path) == before


# --- workbooks built to hurt ------------------------------------------------------------------


@pytest.fixture(scope="module")
def attacks(tmp_path_factory):
    """The attack files, written once (streamed: the largest unpacks to a gigabyte)."""
    folder = tmp_path_factory.mktemp("attacks")
    return {
        "long_surname": hostile.long_surname(folder / "apellido.xlsx"),
        "huge_text": hostile.huge_shared_string(folder / "texto.xlsx"),
        "inflating": hostile.inflating(folder / "infla.xlsx"),
        "many_rows": hostile.many_rows(folder / "filas.xlsx"),
    }


@pytest.fixture
def no_parsing(monkeypatch):
    """Fails the test if the workbook is opened for reading its cells: the refusal must come
    first."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(sheets, "Book", refuse)


def test_a_56_kb_roster_with_a_52_million_character_surname(attacks, demo_path, capsys, no_parsing):
    """It was stored: the database grew from 2.3 MB to 265 MB and `members list` took 91 s."""
    path = attacks["long_surname"]
    assert os.path.getsize(path) < 60_000
    size = os.path.getsize(demo_path)
    code, out = run(
        capsys, "--db", demo_path, "--user", "secretario", "members", "import", str(path)
    )
    assert code == 2, out
    assert "has a cell holding more than 1 MB of text" in out
    assert "32,767 characters" in out
    assert os.path.getsize(demo_path) == size


def test_a_500_kb_file_holding_a_500_mb_text(attacks, no_parsing):
    """It ran for 5 minutes in 5.9 GB."""
    path = attacks["huge_text"]
    assert os.path.getsize(path) < 600_000
    with pytest.raises(WorkbookError, match="unpacks to 500 MB of data, more than the 256 MB"):
        read_roster(path)


def test_a_file_that_unpacks_to_a_gigabyte(attacks, no_parsing):
    """A 59 MB file inflating to 1 GB ran for minutes."""
    with pytest.raises(WorkbookError, match="unpacks to 1,024 MB of data"):
        read_roster(attacks["inflating"])


def test_a_sheet_of_1_048_575_rows_is_refused_before_it_is_parsed(attacks, no_parsing):
    """It was refused only after 234 s and 476 MB."""
    with pytest.raises(
        WorkbookError, match="The sheet 'Socios' of filas.xlsx has more than 200,000 rows"
    ):
        read_roster(attacks["many_rows"])


def test_a_file_larger_than_the_limit_is_refused_by_its_size(tmp_path, no_parsing):
    path = tmp_path / "grande.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/media/image1.png", os.urandom(51 * 1024 * 1024))
    with pytest.raises(WorkbookError, match="is 51 MB; coop-desk imports workbooks of up to 50"):
        read_roster(path)


def test_too_much_shared_text_is_refused(tmp_path, no_parsing):
    item = b"<si><t>" + b"x" * 1000 + b"</t></si>"
    path = hostile.write_xlsx(tmp_path / "textos.xlsx", [], (item * 100 for _ in range(700)))
    with pytest.raises(WorkbookError, match="holds 68 MB of text in its cells, more than the 64"):
        read_roster(path)


def test_one_long_row_is_refused(tmp_path, no_parsing):
    cell = b'<c r="A1" t="inlineStr"><is><t>' + b"x" * (9 * 1024 * 1024) + b"</t></is></c>"
    path = hostile.write_xlsx(tmp_path / "fila.xlsx", [b'<row r="1">' + cell + b"</row>"])
    with pytest.raises(WorkbookError, match="has a row of more than 8 MB"):
        read_roster(path)


def test_formatted_empty_rows_do_not_count(tmp_path):
    """A border drawn down to the end of the sheet writes a row element per row: only rows
    holding a value count towards the limit."""
    rows = [
        hostile._row(1, hostile.ROSTER_HEADER, None),
        hostile._row(2, ("C-1", "Ana", "Ruiz", "40000001", "F", "2020-01-01"), None),
        *(f'<row r="{n}" s="1" customFormat="1"/>'.encode() for n in range(3, 202_000)),
    ]
    path = hostile.write_xlsx(tmp_path / "bordes.xlsx", rows)
    roster = read_roster(path)
    assert [r.code for r in roster.rows] == ["C-1"]


def test_a_legitimate_roster_passes_the_checks(tmp_path):
    """The checks count what a real roster holds: rows up to the limit pass."""
    path = hostile.many_rows(tmp_path / "socios.xlsx", count=20_000, dimension=False)
    sheets.check_workbook(Path(path))


def test_a_long_surname_that_passes_the_file_checks_is_named_by_row_and_column(
    demo_path, capsys, tmp_path
):
    path = hostile.roster(
        tmp_path / "socios.xlsx",
        [
            ("ATK-0001", "Ana", "R" * 200, "40000011", "F", "2020-01-01"),
            ("ATK-0002", "Ana", "Ruiz", "40000012", "F", "0001-01-01"),
        ],
    )
    code, out = run(
        capsys, "--db", demo_path, "--user", "secretario", "members", "import", str(path)
    )
    assert code != 0
    assert "row 2, column C (Apellidos): surnames: at most 120 characters (200 given)" in out
    assert "row 3, column F (Fecha de ingreso): join_date: 0001-01-01 is outside the dates" in out


# --- data already stored beyond the limits -----------------------------------------------------


def _plant(path):
    """What an older version (or sqlite3) left in the file: entries dated year 1 and 9999, a
    posting of the largest 64-bit amount, a 100,000-character surname, a birth date in year 1."""
    with sqlite3.connect(path) as conn:
        bank, expense = (
            conn.execute("SELECT id FROM account WHERE code = ?", (code,)).fetchone()[0]
            for code in ("1010", "5001")
        )
        for year, day, cents in (
            (1, "0001-01-01", 1000),
            (9999, "9999-12-31", 1000),
            (2026, "2026-03-01", 2**63 - 1),
        ):
            number = conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM journal_entry WHERE fiscal_year = ?",
                (year,),
            ).fetchone()[0]
            entry = conn.execute(
                "INSERT INTO journal_entry (fiscal_year, number, entry_date, kind, description, "
                "reference, payee, voucher, document_sha256, document_name, search_key, "
                "created_at, created_by) VALUES (?, ?, ?, 'payment', 'planted', '', 'X', 'V', "
                "'', '', '', '2026-01-01 00:00:00', 'x')",
                (year, number, day),
            ).lastrowid
            for line, (account, amount) in enumerate(((expense, cents), (bank, -cents)), 1):
                conn.execute(
                    "INSERT INTO posting (entry_id, line, account_id, fiscal_year, entry_date, "
                    "currency, amount, rate, usd_value, memo) "
                    "VALUES (?, ?, ?, ?, ?, 'USD', ?, 100000000, ?, '')",
                    (entry, line, account, year, day, amount, amount),
                )
        conn.execute(
            "UPDATE member SET surnames = ?, birth_date = '0001-01-01' WHERE id = 1",
            ("N" * 100_000,),
        )


def test_verify_names_every_stored_value_beyond_the_limits(demo_path, capsys):
    _plant(demo_path)
    # By default a check with many findings shows the first ones; --all names every one.
    code, out = run(capsys, "--db", demo_path, "verify")
    assert code == 1 and "Integrity: FAILED" in out
    assert any(line.startswith("ERROR limits.stored: ") for line in out.splitlines())
    code, out = run(capsys, "--db", demo_path, "verify", "--all")
    assert code == 1
    assert "Integrity: FAILED" in out
    stored = [line for line in out.splitlines() if "limits.stored" in line]
    assert any(
        "Entry 1-0001" in line and "entry_date 0001-01-01 is outside the dates" in line
        for line in stored
    )
    assert any("Entry 9999-0001" in line for line in stored)
    assert any(
        "amount 92,233,720,368,547,758.07 is beyond the largest amount" in line for line in stored
    )
    assert any(
        "member 1: surnames holds 100,000 characters, more than 120" in line for line in stored
    )
    assert any("member 1: birth_date 0001-01-01" in line for line in stored)
    assert "could not run" not in out


def test_reports_years_and_year_close_keep_working_on_stored_values_beyond_the_limits(
    demo_path, capsys, tmp_path
):
    """`verify` failed for ever ("maximum recursion depth", "year 10000 is out of range"),
    `ledger years` crashed, `close-year 2025` said "close 1 first", and `ledger balances`,
    `ledger export` and `audit-pack` failed with "integer overflow"."""
    _plant(demo_path)
    commands = [
        ["ledger", "years"],
        ["ledger", "balances", "--year", "2026"],
        ["ledger", "balances", "--year", "2025"],
        ["ledger", "journal", "--all-years"],
        ["ledger", "summary", "--year", "2026"],
        ["ledger", "contracts"],
        ["ledger", "export", str(tmp_path / "libro.xlsx"), "--year", "2026"],
        ["ledger", "report", str(tmp_path / "asamblea.xlsx"), "--year", "2025"],
        ["ledger", "export-beancount", str(tmp_path / "libro.beancount")],
        ["audit-pack", str(tmp_path / "auditoria.xlsx"), "--year", "2026"],
        ["members", "export", str(tmp_path / "socios.xlsx")],
    ]
    for command in commands:
        code, out = run(capsys, "--db", demo_path, *command)
        assert code == 0, (command, out)
        if command[:2] == ["ledger", "years"]:
            assert "\n1 " not in out and "9999" not in out
    code, out = run(capsys, "--db", demo_path, "--user", "admin", "ledger", "close-year", "2025")
    assert code == 0, out
    assert "Fiscal year 2025 closed" in out
