"""QA regressions: legacy cash books as treasurers keep them (each test builds its workbook)."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from coop_desk.cli import main
from coop_desk.exchange.cashbook import read_cashbook, read_currency
from coop_desk.services import cooperative
from coop_desk.services.ledger import plan
from tests.conftest import TODAY


@pytest.fixture
def ledger_db(sqlite_db, actor):
    with sqlite_db.transaction(actor) as s:
        cooperative.save_profile(s, actor, cooperative.Profile(name="Valle Alto"))
        plan.create_project(s, actor, plan.ProjectInput(name="Fondo de Educación"))
    return sqlite_db


def book(path, header, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["LIBRO CAJA - PRIMA"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("text", "code"),
    [("S/", "PEN"), ("S/.", "PEN"), ("soles", "PEN"), ("US$", "USD"), ("USD", "USD"),
     ("Dólares", "USD"), ("$ 100", "USD"), ("", ""), ("Prima", "")],
)  # fmt: skip
def test_currency_words(text, code):
    assert read_currency(text) == code


def test_rows_in_another_currency_are_refused_not_posted_as_dollars(ledger_db, tmp_path, capsys):
    """A "Moneda" column, or "S/" in the amount, in a USD account: an error naming the row,
    never soles booked as dollars."""
    path = book(
        tmp_path / "caja.xlsx",
        ["Fecha", "Comprobante", "Descripción", "Proyecto", "Moneda", "Entrada", "Salida"],
        [
            ["01/03/2023", "R1", "Prima", "", "US$", 1000, None],
            ["02/03/2023", "R2", "Taller", "Fondo de educacion", "S/", None, 500],
            ["03/03/2023", "R3", "Útiles", "Fondo de educacion", "USD", None, "S/ 100"],
        ],
    )
    read = read_cashbook(path, today=TODAY)
    assert [r.currency for r in read.rows] == ["USD", "PEN", "USD"]
    db = str(ledger_db.engine.url.database)
    assert main(["--db", db, "ledger", "import-cashbook", str(path), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "row 4, column E (Moneda): currency: the row is in PEN" in err
    assert "row 3" not in err and "row 5" not in err
    # Without a currency column the amount's own sign counts.
    path = book(
        tmp_path / "caja2.xlsx",
        ["Fecha", "Comprobante", "Descripción", "Proyecto", "Ingreso", "Egreso"],
        [
            ["01/03/2023", "R1", "Prima", "", "US$ 1,000.00", None],
            ["02/03/2023", "R2", "Taller", "Fondo de educacion", None, "S/ 1,250.00"],
        ],
    )
    assert main(["--db", db, "ledger", "import-cashbook", str(path)]) == 2
    assert "row 4, column F (Egreso): currency: the row is in PEN" in capsys.readouterr().err
    assert main(["--db", db, "ledger", "journal", "--year", "2023"]) == 0
    assert "Taller" not in capsys.readouterr().out  # nothing half-written


def test_amount_formulas_without_saved_results_are_named(tmp_path):
    path = book(
        tmp_path / "caja.xlsx",
        ["Fecha", "Comprobante", "Descripción", "Proyecto", "Ingreso", "Egreso"],
        [
            ["01/01/2023", "F1", "Prima", "", "=1000*2", None],
            ["02/01/2023", "F2", "Pago", "Fondo de educacion", None, "=100+50"],
        ],
    )
    read = read_cashbook(path, today=TODAY)
    problems = [(p.row, p.column, p.message) for p in read.problems]
    assert [(row, column) for row, column, _ in problems] == [
        (3, "E (Ingreso)"),
        (4, "F (Egreso)"),
    ]
    assert all("=1000*2" in m or "=100+50" in m for _, _, m in problems)
    assert all("never saved" in m for _, _, m in problems)
    assert not any("neither income nor expense" in m for _, _, m in problems)
    assert read.rows[0].amount == Decimal("0.00")


HEADER = ["Fecha", "Comprobante", "Descripción", "Proyecto", "Ingreso", "Egreso", "Saldo"]


def test_a_sheet_per_month_is_read_whole_and_saldo_anterior_is_not_a_second_opening(
    ledger_db, actor, tmp_path, capsys
):
    wb = openpyxl.Workbook()
    enero = wb.active
    enero.title = "Enero"
    enero.append(HEADER)
    enero.append(["01/01/2023", None, "Saldo inicial", None, None, None, 1000])
    enero.append(["05/01/2023", "X1", "Taller", "Fondo de educacion", None, 100, 900])
    febrero = wb.create_sheet("Febrero")
    febrero.append(HEADER)
    febrero.append(["01/02/2023", None, "Saldo anterior", None, 900, None, 900])
    febrero.append(["05/02/2023", "X2", "Útiles", "Fondo de educacion", None, 200, 700])
    febrero.append(["06/02/2023", "X3", "Libros", "Fondo de educacion", None, "x", 650])
    copia = wb.create_sheet("Copia")  # a hidden copy is not read
    copia.append(HEADER)
    copia.append(["05/01/2023", "X1", "Taller", "Fondo de educacion", None, 100, 900])
    copia.sheet_state = "hidden"
    path = tmp_path / "caja.xlsx"
    wb.save(path)
    read = read_cashbook(path, today=TODAY)
    assert [(r.label, r.kind, r.amount) for r in read.rows] == [
        ("Enero!2", "opening", Decimal("1000.00")),
        ("Enero!3", "expense", Decimal("100.00")),
        ("Febrero!3", "expense", Decimal("200.00")),
        ("Febrero!4", "expense", Decimal("0.00")),
    ]
    assert [s.describe() for s in read.skipped] == ["row Febrero!2: balance line (carried forward)"]
    (problem,) = read.problems
    assert (
        problem.describe()
        == "sheet 'Febrero', row 4, column F (Egreso): expense: 'x' is not a number"
    )
    assert "Sheets read, in this order: Enero, Febrero." in read.notes
    # Corrected, it posts once: one opening, both months' payments.
    febrero["F4"] = 50
    wb.save(path)
    db = str(ledger_db.engine.url.database)
    assert main(["--db", db, "ledger", "import-cashbook", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Posted totals: opening 1,000.00, income 0.00, expense 350.00, closing 650.00" in out
    assert main(["--db", db, "ledger", "import-cashbook", str(path), "--sheet", "Febrero"]) == 2
    assert "already imported" in capsys.readouterr().err


def test_a_monthly_saldo_anterior_line_in_one_sheet_is_a_carried_balance(tmp_path):
    path = book(
        tmp_path / "caja.xlsx",
        HEADER,
        [
            ["01/01/2023", None, "Saldo inicial", None, None, None, 1000],
            ["05/01/2023", "X1", "Pago", "Fondo de educacion", None, 100, 900],
            ["01/02/2023", None, "Saldo anterior", None, None, None, 900],
            ["05/02/2023", "X2", "Pago", "Fondo de educacion", None, 200, 700],
            ["01/03/2023", None, "Saldo anterior", None, None, None, 750],
        ],
    )
    read = read_cashbook(path, today=TODAY)
    assert [r.kind for r in read.rows] == ["opening", "expense", "expense"]
    assert not read.problems
    (warning,) = read.warnings
    assert warning.row == 7 and "750.00" in warning.message and "700.00" in warning.message


def test_a_date_typed_with_the_wrong_century_is_refused(tmp_path):
    from datetime import datetime

    path = book(
        tmp_path / "caja.xlsx",
        HEADER,
        [
            [datetime(2203, 1, 5), "X1", "Pago", "Fondo de educacion", None, 100, None],
            ["05/01/1923", "X2", "Pago", "Fondo de educacion", None, 100, None],
        ],
    )
    read = read_cashbook(path, today=TODAY)
    assert [(p.row, p.column, p.message) for p in read.problems] == [
        (3, "A (Fecha)", "2203-01-05 is in the future"),
        (4, "A (Fecha)", "1923-01-05 is too old"),
    ]


def test_a_date_merged_over_the_days_rows_dates_each_row(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["01/01/2023", None, "Saldo inicial", None, None, None, 1000])
    ws.append(["05/01/2023", "X1", "Taller", "Fondo de educacion", None, 100, 900])
    ws.append([None, "X2", "Útiles", "Fondo de educacion", None, 50, 850])
    ws.merge_cells("A3:A4")
    wb.save(tmp_path / "caja.xlsx")
    read = read_cashbook(tmp_path / "caja.xlsx", today=TODAY)
    assert not read.problems
    assert [str(r.entry_date) for r in read.rows] == ["2023-01-01", "2023-01-05", "2023-01-05"]


def test_unknown_project_names_get_a_suggestion_not_a_silent_match(ledger_db, tmp_path, capsys):
    path = book(
        tmp_path / "caja.xlsx",
        ["Fecha", "Comprobante", "Descripción", "Proyecto", "Ingreso", "Egreso"],
        [
            ["01/03/2023", "R1", "Taller", "Educacion", None, 10],
            ["02/03/2023", "R2", "Taller", "Fondo de educasion", None, 10],
            ["03/03/2023", "R3", "Plantones", "Renovación", None, 10],
        ],
    )
    db = str(ledger_db.engine.url.database)
    assert main(["--db", db, "ledger", "import-cashbook", str(path), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "'Educacion' (rows 3), perhaps 'Fondo de Educación'?" in err
    assert "'Fondo de educasion' (rows 4), perhaps 'Fondo de Educación'?" in err
    assert "'Renovación' (rows 5)." in err  # nothing close: no guess


def test_a_header_row_repeated_lower_down_is_skipped(tmp_path):
    header = ["Fecha", "Comprobante", "Descripción", "Proyecto", "Ingreso", "Egreso"]
    path = book(
        tmp_path / "caja.xlsx",
        header,
        [
            ["01/01/2023", "A1", "Prima", None, 100, None],
            header,
            ["02/01/2023", "A2", "Prima", None, 50, None],
        ],
    )
    read = read_cashbook(path, today=TODAY)
    assert not read.problems and read.income_total == Decimal("150.00")
    assert [(s.row, s.reason) for s in read.skipped] == [(4, "the header row again")]


@pytest.mark.parametrize(
    ("header", "key"),
    [("Nro. Comprob.", "voucher"), ("Cpte.", "voucher"), ("F. Operación", "date"),
     ("Moneda", "currency"), ("Compra", None)],
)  # fmt: skip
def test_abbreviated_cash_book_headers(header, key):
    from coop_desk.exchange.cashbook import match_cash_header

    assert match_cash_header(header) == key
