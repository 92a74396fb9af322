"""The shared xlsx helpers: types, formats, layout, print set-up and the formula guard."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl
import pytest

from coop_desk.exchange.xlsx import (
    DATE_FORMAT,
    Column,
    Formula,
    SheetWriter,
    WorkbookError,
    currency_format,
    discard_workbook,
    new_workbook,
    save_workbook,
)


def write(tmp_path, rows, columns=None):
    wb = new_workbook()
    sheet = SheetWriter(
        wb,
        "Data",
        columns
        or [
            Column("Name", 30),
            Column("Amount", kind="money", currency="USD"),
            Column("Date", kind="date"),
            Column("Area", kind="quantity"),
        ],
        print_title="Test title",
    )
    for row in rows:
        sheet.append(row)
    sheet.close()
    path = save_workbook(wb, tmp_path / "out.xlsx")
    return openpyxl.load_workbook(path)["Data"]


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    evil = '=HYPERLINK("http://x","y")'
    ws = write(
        tmp_path,
        [
            [evil, None, None, None],
            ["+51 999", None, None, None],
            ["-x", None, None, None],
            ["@SUM(A1)", None, None, None],
        ],
    )
    cells = [ws.cell(row=r, column=1) for r in range(2, 6)]
    assert [c.value for c in cells] == [evil, "+51 999", "-x", "@SUM(A1)"]
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells)


def test_text_that_reads_like_an_excel_error_stays_text(tmp_path):
    # A payee or description typed as "#N/A" is what the user typed, not an error value.
    texts = ["#N/A", "#DIV/0!", "#REF!", "#VALUE!"]
    ws = write(tmp_path, [[t, None, None, None] for t in texts])
    cells = [ws.cell(row=r, column=1) for r in range(2, 2 + len(texts))]
    assert [c.value for c in cells] == texts
    assert all(c.data_type == "s" for c in cells)


def test_only_formula_objects_become_formulas(tmp_path):
    ws = write(
        tmp_path,
        [
            ["a", Decimal("1.10"), None, None],
            [Formula("=SUM(B2:B2)"), Formula("=B2*2"), None, None],
        ],
    )
    assert ws["B3"].data_type == "f" and ws["B3"].value == "=B2*2"
    with pytest.raises(ValueError):
        Formula("SUM(A1)")


def test_real_numbers_dates_and_formats(tmp_path):
    ws = write(tmp_path, [["x", Decimal("1250.50"), date(2024, 1, 2), Decimal("2.000000")]])
    amount, day, area = ws["B2"], ws["C2"], ws["D2"]
    assert amount.data_type == "n" and amount.value == 1250.5
    assert amount.number_format == currency_format("USD")
    assert '"US$"' in amount.number_format
    assert day.is_date and day.value.date() == date(2024, 1, 2) and day.number_format == DATE_FORMAT
    assert area.data_type == "n" and area.value == 2


def test_floats_are_refused_and_the_discarded_workbook_leaves_no_file(tmp_path):
    wb = new_workbook()
    sheet = SheetWriter(wb, "S", [Column("a"), Column("b", kind="money")])
    sheet.append(["ok", Decimal(1)])
    with pytest.raises(TypeError):
        sheet.append(["x", 1.5])
    temp = sheet.ws._writer.out
    discard_workbook(wb)
    assert not os.path.exists(temp)


def test_header_layout_and_print_setup(tmp_path):
    ws = write(tmp_path, [["a", Decimal(1), None, None], ["b", Decimal(2), None, None]])
    assert [c.value for c in ws[1]] == ["Name", "Amount", "Date", "Area"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:D3"
    assert ws.column_dimensions["A"].width == 30
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddHeader.center.text == "Test title"
    assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
    assert ws.print_title_rows == "$1:$1"


def test_aware_timestamps_are_written_as_wall_clock(tmp_path):
    ws = write(
        tmp_path,
        [["t", None, datetime(2026, 1, 2, 3, 4, tzinfo=UTC), None]],
        [Column("n"), Column("x"), Column("when", kind="datetime"), Column("y")],
    )
    assert ws["C2"].value == datetime(2026, 1, 2, 3, 4)


def test_save_is_atomic_and_explains_a_missing_folder(tmp_path):
    wb = new_workbook()
    SheetWriter(wb, "S", [Column("a")]).close()
    with pytest.raises(WorkbookError, match="does not exist"):
        save_workbook(wb, tmp_path / "nope" / "x.xlsx")
    assert not list(tmp_path.glob(".coop-desk-*"))


def _sheet_xml(path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_reused_cells_write_exactly_what_a_cell_per_value_writes(tmp_path):
    """SheetWriter gives openpyxl one cell per column and type, re-valued row after row, and
    converts rows with a cell test of its own: the sheet is byte for byte the one written with
    a new cell per value and openpyxl's own conversion (an openpyxl upgrade that changed how a
    write-only sheet writes its rows fails here)."""
    from coop_desk.exchange.xlsx import make_cell

    columns = [
        Column("Text"),
        Column("Amount", kind="money", currency="USD"),
        Column("Date", kind="date"),
        Column("Count", kind="int"),
        Column("Rate", kind="rate"),
        Column("Any"),
    ]
    rows = [
        [
            f"name {n}",
            Decimal(n) / 7 if n % 3 else None,
            date(2025, 1 + n % 12, 1 + n % 28),
            n,
            Decimal("3.75") + n,
            [True, "=evil()", Decimal("1.50"), date(2024, 2, 29), datetime(2025, 1, 2, 3, 4), ""][
                n % 6
            ],
        ]
        for n in range(40)
    ]
    wb = new_workbook()
    sheet = SheetWriter(wb, "Data", columns, print_title="Test title")
    for row in rows:
        sheet.append(row)
    sheet.close()
    fast = save_workbook(wb, tmp_path / "fast.xlsx")

    wb = new_workbook()
    sheet = SheetWriter(wb, "Data", columns, print_title="Test title")
    del sheet.ws._values_to_row  # openpyxl's own conversion
    for row in rows:
        sheet.ws.append(
            [
                # empty text: a blank cell (openpyxl writes an element holding nothing)
                None if v is None or v == "" else make_cell(sheet.ws, v, sheet.formats[i])
                for i, v in enumerate(row)
            ]
        )
        sheet.rows_written += 1
    sheet.close()
    slow = save_workbook(wb, tmp_path / "slow.xlsx")
    assert _sheet_xml(fast) == _sheet_xml(slow)


def test_plain_values_appended_to_the_sheet_are_converted_as_openpyxl_does(tmp_path):
    """Values appended to a SheetWriter's sheet as they are (the Summary's labels) go through
    SheetWriter's conversion of a row: the same bytes as openpyxl's own, for every kind of
    text (a tab, an error code, a formula written by hand, text over Excel's length)."""
    values = [
        "plain",
        "a\ttab",
        "#N/A",
        "=SUM(A1:A2)",
        "x" * 40_000,
        "",
        "ñandú",
        5,
        Decimal("2.50"),
        date(2025, 3, 1),
        True,
    ]
    paths = []
    for own in (True, False):
        wb = new_workbook()
        sheet = SheetWriter(wb, "Data", [Column("A")])
        if not own:
            del sheet.ws._values_to_row  # openpyxl's own conversion
        for n in range(3):
            sheet.ws.append(values[n:] + values[:n])
        paths.append(save_workbook(wb, tmp_path / f"{own}.xlsx"))
    assert _sheet_xml(paths[0]) == _sheet_xml(paths[1])
