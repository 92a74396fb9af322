"""The generic sheet reader: what the roster and the cash book share (header detection over
one or two rows, hidden and requested sheets, saved formula results)."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from coop_desk.exchange.cashbook import read_cashbook
from coop_desk.exchange.roster import read_roster
from coop_desk.exchange.sheets import (
    find_header,
    header_key,
    open_workbook,
    saved_values,
    sheets_to_read,
)
from coop_desk.exchange.xlsx import WorkbookError
from tests.conftest import TODAY

WORDS = {"fecha": "date", "ingreso": "income", "egreso": "expense", "importe": "amount"}


def match(text: object) -> tuple[str, bool] | None:
    key = header_key(text)
    return (WORDS[key], True) if key in WORDS else None


def test_find_header_takes_the_row_naming_most_fields_below_titles():
    rows = [
        ("Libro de caja 2025", None, None),
        (None, None, None),
        ("Fecha", "Ingreso", "Egreso"),
        ("2025-01-02", 10, None),
    ]
    header = find_header(rows, match)
    assert header is not None
    assert (header.index, header.found, header.rows) == (
        2,
        {0: "date", 1: "income", 2: "expense"},
        1,
    )


def test_find_header_reads_a_title_merged_over_sub_titles():
    """ "Importe" over "Ingreso" | "Egreso": the sub-titles name the columns, not the title."""
    rows = [("Fecha", "Importe", None), (None, "Ingreso", "Egreso")]
    header = find_header(rows, match)
    assert header is not None
    assert header.rows == 2 and header.index == 1
    assert header.found == {0: "date", 1: "income", 2: "expense"}


def test_find_header_honours_the_readers_acceptance():
    rows = [("Ingreso", "Egreso"), ("Fecha", "Importe")]
    header = find_header(rows, match, lambda fields: "date" in fields)
    assert header is not None and header.index == 1


def test_a_cash_book_with_a_two_row_header_is_read(tmp_path):
    """The cash book uses the same header finder as the roster, so a merged "Importe (US$)"
    above "Ingresos" | "Egresos" reads as two columns (it used to be one amount column)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Fecha", "Comprobante", "Concepto", "Importe (US$)", None, "Saldo"])
    ws.append([None, None, None, "Ingresos", "Egresos", None])
    ws.merge_cells("D1:E1")
    ws.merge_cells("A1:A2")
    ws.append(["01/03/2025", "", "Saldo inicial", None, None, 100])
    ws.append(["02/03/2025", "R-1", "Prima recibida", 1000, None, 1100])
    ws.append(["05/03/2025", "B-7", "Útiles escolares", None, 250.5, 849.5])
    path = tmp_path / "caja.xlsx"
    wb.save(path)
    book = read_cashbook(path, today=TODAY)
    assert book.header_row == 2
    assert {c.field for c in book.columns} >= {"date", "voucher", "income", "expense", "balance"}
    assert [(r.kind, r.amount) for r in book.rows] == [
        ("opening", Decimal("100.00")),
        ("income", Decimal("1000.00")),
        ("expense", Decimal("250.50")),
    ]
    assert not book.warnings and book.balance_checked == 2


def two_sheets(path):
    wb = openpyxl.Workbook()
    wb.active.title = "Socios"
    wb.create_sheet("Copia").sheet_state = "hidden"
    wb.save(path)
    return path


def test_sheets_to_read_skips_hidden_sheets_unless_asked_for_by_name(tmp_path):
    wb = open_workbook(two_sheets(tmp_path / "x.xlsx"))
    try:
        assert sheets_to_read(wb, None, "x.xlsx") == ["Socios"]
        assert sheets_to_read(wb, "Copia", "x.xlsx") == ["Copia"]
        with pytest.raises(
            WorkbookError, match=r"no sheet named 'Enero' \(sheets: Socios, Copia\)"
        ):
            sheets_to_read(wb, "Enero", "x.xlsx")
    finally:
        wb.close()


def test_roster_and_cash_book_refuse_a_missing_sheet_in_the_same_words(tmp_path):
    path = two_sheets(tmp_path / "x.xlsx")
    with pytest.raises(WorkbookError) as roster_error:
        read_roster(path, sheet="Enero", today=TODAY)
    with pytest.raises(WorkbookError) as cash_error:
        read_cashbook(path, sheet="Enero", today=TODAY)
    assert str(roster_error.value) == str(cash_error.value)


def test_saved_values_reads_the_results_excel_saved(tmp_path):
    """openpyxl saves no results: a formula reads None, a typed value reads itself."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([1, 2, "=A1+B1"])
    ws.append([3, 4, 7])
    path = tmp_path / "f.xlsx"
    wb.save(path)
    assert saved_values(path, ws.title, [1, 2]) == {1: (1, 2, None), 2: (3, 4, 7)}
    assert saved_values(path, ws.title, []) == {}
