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
