"""QA regressions: messy rosters as cooperatives keep them (each test builds its workbook)."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from coop_desk.domain.members import parse_dni
from coop_desk.exchange import values as v
from coop_desk.exchange.roster import match_header, read_roster
from coop_desk.exchange.xlsx import WorkbookError
from tests.conftest import TODAY


def test_problems_of_several_sheets_name_the_sheet_not_a_column(tmp_path):
    wb = openpyxl.Workbook()
    for index, title in enumerate(("Sector A", "Sector B")):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = title
        ws.append(["Código", "Apellidos", "Nombres", "Sexo", "Fecha de ingreso"])
        ws.append([f"S{index}", "Vera", "Ana", "X", "01/02/2015"])
    wb.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx", today=TODAY)
    texts = [p.describe() for r in roster.rows for p in r.problems]
    assert texts == [
        "sheet 'Sector A', row 2, column D (Sexo): gender: 'X' is not a gender (F/M, Femenino/Masculino)",
        "sheet 'Sector B', row 2, column D (Sexo): gender: 'X' is not a gender (F/M, Femenino/Masculino)",
    ]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Ha totales", "total_area"),
        ("Has totales ", "total_area"),
        ("Total (ha)", "total_area"),
        ("Fec. Nac.", "birth_date"),
        ("Fec. Ingreso", "join_date"),
        ("Has café", "coffee_area"),
        ("N° de socio", "code"),  # the member's number, not their name
        ("Nro. Socio", "code"),
        ("Nº Socio", "code"),
        ("Número de productor", "code"),
        ("Socio", "full_name_surnames_first"),
        ("Nombre del socio", "full_name_surnames_first"),
    ],
)
def test_common_abbreviated_headers_are_recognised(header, field):
    assert match_header(header) == field


def test_ha_totales_column_is_read_as_the_total_area(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Código", "Apellidos y Nombres", "Sexo", "F. Ingreso", "Ha totales", "Has café"])
    ws.append(["A-1", "Quispe Mamani Rosa", "F", "5/3/2019", "2,5", "1,5"])
    wb.save(tmp_path / "r.xlsx")
    (row,) = read_roster(tmp_path / "r.xlsx", today=TODAY).rows
    assert not row.problems
    assert row.plots[0].total_area_ha == Decimal("2.5")
    assert row.plots[0].coffee_area_ha == Decimal("1.5")
    assert row.values["join_date"].isoformat() == "2019-03-05"  # day first, as in Peru


@pytest.mark.parametrize(
    ("typed", "dni"),
    [("46000003.0", "46000003"), (" 4600 0001 ", "46000001"), (4600002, "04600002")],
)
def test_dni_text_that_lost_its_leading_zero_or_gained_a_decimal(typed, dni):
    assert parse_dni(typed) == dni


def test_dni_text_of_seven_digits_is_refused_with_a_hint():
    with pytest.raises(ValueError, match="type it as text: 01234567"):
        parse_dni("1234567")


@pytest.mark.parametrize("typed", ["123456", "460000041", "46000003.5"])
def test_dni_of_the_wrong_length_is_still_refused(typed):
    with pytest.raises(ValueError, match="8 digits"):
        parse_dni(typed)


def test_csv_with_accents_renamed_xlsx_gets_the_text_hint(tmp_path):
    path = tmp_path / "padron.xlsx"
    path.write_bytes("Código;Apellidos;Nombres\nA1;Núñez;Ana\n".encode())
    with pytest.raises(WorkbookError, match="looks like a text, CSV"):
        read_roster(path, today=TODAY)
    path.write_bytes("Código;Apellidos\n".encode("latin-1"))
    with pytest.raises(WorkbookError, match="looks like a text, CSV"):
        read_roster(path, today=TODAY)


def test_a_code_formula_without_a_saved_result_is_named_not_reported_missing(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Código", "Apellidos", "Nombres", "Sexo", "Fecha de ingreso"])
    ws.append(['="S"&2', "Lozano", "Iris", "F", "01/02/2015"])
    wb.save(tmp_path / "r.xlsx")
    (row,) = read_roster(tmp_path / "r.xlsx", today=TODAY).rows
    (problem,) = row.problems
    assert problem.row == 2 and problem.column == "A (Código)"
    assert "formula whose result was not saved" in problem.message


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("43529", "2019-03-05"),  # an Excel serial that became text
        ("5/3/2019", "2019-03-05"),  # day first, as in Peru
        ("05-03-19", "2019-03-05"),
        ("2019.03.05", "2019-03-05"),
        ("05/03/2019 00:00:00", "2019-03-05"),
        ("5 de marzo de 2019", "2019-03-05"),
    ],
)
def test_dates_as_cooperatives_type_them(typed, day):
    assert v.read_date(typed, TODAY).isoformat() == day


@pytest.mark.parametrize("typed", ["marzo 2019", "mar-19", "03/2019"])
def test_a_month_without_a_day_is_an_error_not_a_guess(typed):
    with pytest.raises(ValueError, match="has no day"):
        v.read_date(typed, TODAY)


@pytest.mark.parametrize(
    ("typed", "area"), [("½", "0.5"), ("1 ½", "1.5"), ("2¼ ha", "2.25"), ("¾", "0.75")]
)
def test_areas_with_fraction_signs(typed, area):
    assert v.read_decimal(typed) == Decimal(area)


def test_cells_merged_down_over_several_members_give_each_their_value(tmp_path):
    """A caserío written once and merged over its members' rows; a member whose code and
    name are merged over the rows of their plots."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Caserío", "Código", "Apellidos y Nombres", "Sexo", "Fecha de ingreso", "Parcela",
               "Área (ha)"])  # fmt: skip
    ws.append(["La Palma", "M1", "Rojas Vega Ana", "F", "01/01/2015", "El Alto", 1])
    ws.append([None, "M2", "Rojas Vega Bea", "F", "01/01/2015", "La Loma", 2])
    ws.append([None, None, None, None, None, "El Bajo", 3])
    ws.append(["Alto Perú", "M3", "Rojas Vega Cira", "F", "01/01/2015", "Chacra", 4])
    ws.merge_cells("A2:A4")
    for column in "BCDE":
        ws.merge_cells(f"{column}3:{column}4")
    wb.save(tmp_path / "r.xlsx")
    rows = read_roster(tmp_path / "r.xlsx", today=TODAY).rows
    assert [(r.code, r.values.get("community"), [p.name for p in r.plots]) for r in rows] == [
        ("M1", "La Palma", ["El Alto"]),
        ("M2", "La Palma", ["La Loma", "El Bajo"]),
        ("M3", "Alto Perú", ["Chacra"]),
    ]
    assert not any(r.problems for r in rows)


def test_a_header_row_repeated_lower_down_is_skipped(tmp_path):
    header = ["Código", "Apellidos", "Nombres", "Sexo", "Fecha de ingreso"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    ws.append(["R1", "Lara", "Ana", "F", "01/01/2015"])
    ws.append([])
    ws.append([f" {h.upper()} " for h in header])
    ws.append(["R2", "Lara", "Bea", "F", "01/01/2015"])
    wb.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx", today=TODAY)
    assert [(r.row, r.code, r.problems) for r in roster.rows] == [(2, "R1", ()), (5, "R2", ())]
    assert [(s.row, s.reason) for s in roster.skipped] == [
        (3, "blank row"),
        (4, "the header row again"),
    ]
