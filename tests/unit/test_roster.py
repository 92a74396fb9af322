"""Reading messy rosters: header detection, values as typed, skipped rows, bad files."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_desk.exchange import values as v
from coop_desk.exchange.roster import match_header, read_roster, split_full_name, write_template
from coop_desk.exchange.sheets import header_key
from coop_desk.exchange.xlsx import WorkbookError
from tests.conftest import TODAY


def messy_roster(path, extra_rows=()):
    """Title rows, Spanish headers in an odd order, every way of typing values, a blank row,
    a section title, and a totals row with formulas."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Padrón"
    ws.append(["Cooperativa Agraria Valle Alto — Relación de socios"])
    ws.append(["Actualizado a junio 2024"])
    ws.append([])
    ws.append(
        [
            "N°",
            "  CÓDIGO ",
            "Apellidos y Nombres",
            "Sexo (M/F)",
            "N° de D.N.I.",
            "Fecha de Nacimiento",
            "Fecha ingreso a la cooperativa",
            "Caserío/Sector",
            "Teléfono / Celular",
            "Área Total (Ha.)",
            "Área café (ha)",
            "Estado Orgánico",
            "Comercio  justo",
            "Altitud (msnm)",
            "Columna rara",
        ]
    )
    rows = [
        # 5: numbers as numbers, Excel dates
        [
            1,
            "soc-1",
            "Núñez Vega, Rosa Elvira",
            "F",
            1234567,
            datetime(1980, 5, 17),
            datetime(2015, 3, 1),
            "La Palma",
            987654321,
            2.5,
            1.75,
            "Orgánico",
            "SI",
            1650,
            "x",
        ],
        # 6: text everywhere, decimal commas, stray spaces
        [
            2,
            " SOC-2 ",
            "PÉREZ DÍAZ José",
            "masculino",
            " 4567 8901 ",
            "17/05/1975",
            "1-3-05",
            "  Santa Rosa ",
            "96 123 4567",
            "3,5",
            " 2,0 ",
            "T1",
            "Sí",
            "1.720 msnm",
            None,
        ],
        # 7: ISO text dates, varón, Transición 2, no
        [
            3,
            "SOC-3",
            "Huamán de la Cruz Juan",
            "varón",
            "07654321",
            "1990-01-31",
            "2020-02-29",
            "El Palto",
            None,
            "4",
            "4",
            "Transición 2",
            "no",
            None,
            None,
        ],
        # 8: bad values everywhere
        [
            4,
            "SOC-4",
            "Tapia Ruiz Elena",
            "X",
            "123",
            "31/02/1980",
            "mañana",
            "Alto Perú",
            None,
            "mucho",
            "1",
            "quizás",
            "talvez",
            "alto",
            None,
        ],
        # 9: coffee area larger than total, joins before birth
        [
            5,
            "SOC-5",
            "Díaz Díaz Ana",
            "mujer",
            None,
            "2010-01-01",
            "2005-01-01",
            "La Unión",
            None,
            1,
            2,
            "convencional",
            "x",
            None,
            None,
        ],
        [],
        [None, "Sector Nuevo Progreso"],
        # 12: T3 written as "en transición año 3"
        [
            6,
            "SOC-6",
            "Campos Tocto María",
            "Femenino",
            44556677,
            29000,
            "05/13/2010",
            "Nuevo Progreso",
            None,
            "1.5",
            None,
            "en transición año 3",
            "1",
            1500,
            None,
        ],
        *extra_rows,
        [],
        [
            "Total socios",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "=SUM(J5:J12)",
            "=SUM(K5:K12)",
        ],
    ]
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def roster(tmp_path):
    return read_roster(messy_roster(tmp_path / "padron.xlsx"), today=TODAY)


def by_row(roster):
    return {r.row: r for r in roster.rows}


def test_header_found_below_titles_and_columns_recognised(roster):
    assert roster.sheet == "Padrón" and roster.header_row == 4
    fields = {c.letter: c.field for c in roster.columns}
    assert fields == {
        "A": None,
        "B": "code",
        "C": "full_name_surnames_first",
        "D": "gender",
        "E": "dni",
        "F": "birth_date",
        "G": "join_date",
        "H": "community",
        "I": "phone",
        "J": "total_area",
        "K": "coffee_area",
        "L": "organic_status",
        "M": "fairtrade",
        "N": "altitude",
        "O": None,
    }


def test_blank_title_and_totals_rows_are_skipped_not_errors(roster):
    skipped = {s.row: s.reason for s in roster.skipped}
    assert skipped[10] == "blank row"
    assert skipped[11].startswith("title or note row")
    assert skipped[14] == "totals row"
    assert sorted(by_row(roster)) == [5, 6, 7, 8, 9, 12]


def test_values_as_people_type_them(roster):
    rows = by_row(roster)
    first = rows[5].values
    assert first["code"] == "SOC-1"
    assert (first["first_names"], first["surnames"]) == ("Rosa Elvira", "Núñez Vega")
    assert first["dni"] == "01234567"  # number: leading zero restored
    assert first["birth_date"] == date(1980, 5, 17) and first["join_date"] == date(2015, 3, 1)
    assert first["phone"] == "987654321"
    assert rows[5].organic_status == "organic" and rows[5].fairtrade is True
    plot = rows[5].plots[0]
    assert (plot.total_area_ha, plot.coffee_area_ha, plot.altitude_m) == (
        Decimal("2.5"),
        Decimal("1.75"),
        1650,
    )
    second = rows[6].values
    assert second["code"] == "SOC-2" and second["gender"] == "M"
    assert (second["first_names"], second["surnames"]) == ("José", "PÉREZ DÍAZ")
    assert second["dni"] == "45678901"
    assert second["birth_date"] == date(1975, 5, 17) and second["join_date"] == date(2005, 3, 1)
    assert second["community"] == "Santa Rosa"
    assert rows[6].plots[0].total_area_ha == Decimal("3.5")
    assert rows[6].plots[0].coffee_area_ha == Decimal("2")
    assert rows[6].plots[0].altitude_m == 1720
    assert rows[6].organic_status == "t1" and rows[6].fairtrade is True
    third = rows[7]
    assert third.values["surnames"] == "Huamán de la Cruz" and third.values["first_names"] == "Juan"
    assert third.values["gender"] == "M" and third.values["dni"] == "07654321"
    assert third.values["join_date"] == date(2020, 2, 29)
    assert third.organic_status == "t2" and third.fairtrade is False
    sixth = rows[12]
    assert sixth.values["birth_date"] == date(1979, 5, 25)  # Excel serial number 29000
    assert sixth.values["join_date"] == date(2010, 5, 13)  # 05/13: month first, unambiguous
    assert sixth.organic_status == "t3" and sixth.fairtrade is True
    assert sixth.plots[0].coffee_area_ha is None
    assert all(not rows[n].problems for n in (5, 6, 7, 9, 12))


def test_every_bad_cell_is_reported_with_row_column_and_reason(roster):
    problems = by_row(roster)[8].problems
    where = {(p.row, p.column.split(" ")[0]) for p in problems}
    assert where == {(8, c) for c in ("D", "E", "F", "G", "J", "L", "M", "N")}
    messages = {p.column.split(" ")[0]: p.message for p in problems}
    assert "'X' is not a gender" in messages["D"]
    assert "exactly 8 digits" in messages["E"]
    assert "not a valid date" in messages["F"]
    assert "'mañana' is not a date" in messages["G"]
    assert "not a number" in messages["J"]
    assert "not an organic status" in messages["L"]
    assert "not yes or no" in messages["M"]
    assert "Altitud" in problems[-1].column or any("Altitud" in p.column for p in problems)


def test_hand_mapping_overrides_recognition(tmp_path):
    path = messy_roster(tmp_path / "p.xlsx")
    auto = read_roster(path, today=TODAY)
    mapping = {c.index: c.field for c in auto.columns}
    mapping[14] = "notes"  # "Columna rara" -> notes
    mapping[13] = None  # altitude not imported
    mapped = read_roster(path, mapping=mapping, today=TODAY)
    assert mapped.column_for("notes").letter == "O"
    assert by_row(mapped)[5].values["notes"] == "x"
    assert by_row(mapped)[5].plots[0].altitude_m is None
    assert not any(p.column and p.column.startswith("N") for p in by_row(mapped)[8].problems)
    mapping[3] = "dni"  # two columns as DNI: explained
    with pytest.raises(WorkbookError, match="both read as 'DNI'"):
        read_roster(path, mapping=mapping, today=TODAY)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Código", "code"),
        ("COD. SOCIO", "code"),
        ("Member code", "code"),
        ("Apellidos", "surnames"),
        ("Apellido Paterno", "surname_1"),
        ("Ap. Materno", "surname_2"),
        ("Nombres y Apellidos", "full_name_names_first"),
        ("APELLIDOS Y NOMBRES", "full_name_surnames_first"),
        ("D.N.I.", "dni"),
        ("Documento de identidad", "dni"),
        ("Género", "gender"),
        ("Fecha de nacimiento", "birth_date"),
        ("F. Nac.", "birth_date"),
        ("Fecha de Ingreso", "join_date"),
        ("Join date", "join_date"),
        ("Caserío", "community"),
        ("Comunidad", "community"),
        ("Sector", "community"),
        ("Celular", "phone"),
        ("Área total (ha)", "total_area"),
        ("Hectáreas", "total_area"),
        ("Área café (ha)", "coffee_area"),
        ("Área de café", "coffee_area"),
        ("Estado orgánico", "organic_status"),
        ("Comercio Justo", "fairtrade"),
        ("Parcela", "plot_name"),
        ("Altitud (m.s.n.m.)", "altitude"),
        ("Variedades", "varieties"),
        ("Observaciones", "notes"),
        ("Plots", None),
        ("Estado", None),
    ],
)
def test_headers_in_spanish_or_english(header, field):
    assert match_header(header) == field


def test_header_key_ignores_case_accents_spacing_punctuation():
    assert header_key("  Área   CAFÉ (ha) ") == "areacafe"
    assert header_key("N° de D.N.I.") == "dni"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Núñez Vega, Rosa Elvira", "Rosa Elvira", "Núñez Vega"),
        ("NUÑEZ VEGA ROSA ELVIRA", "ROSA ELVIRA", "NUÑEZ VEGA"),
        ("Huamán de la Cruz Juan", "Juan", "Huamán de la Cruz"),
        ("Pérez Juan", "Juan", "Pérez"),
    ],
)
def test_split_full_name_surnames_first(text, first, last):
    assert split_full_name(text, surnames_first=True) == (first, last)


def test_split_full_name_names_first():
    assert split_full_name("Rosa Elvira Núñez Vega", surnames_first=False) == (
        "Rosa Elvira",
        "Núñez Vega",
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12/05/2003", date(2003, 5, 12)),
        ("1-3-05", date(2005, 3, 1)),
        ("2003-05-12", date(2003, 5, 12)),
        ("12.05.2003", date(2003, 5, 12)),
        ("12 de mayo de 2003", date(2003, 5, 12)),
        ("12-Set-03", date(2003, 9, 12)),
        (datetime(2003, 5, 12, 13, 30), date(2003, 5, 12)),
        (37753, date(2003, 5, 12)),
        ("  ", None),
    ],
)
def test_dates(raw, expected):
    assert v.read_date(raw, TODAY) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Sí", True),
        ("SI", True),
        ("si", True),
        ("x", True),
        ("No", False),
        ("NO", False),
        (None, None),
    ],
)
def test_yes_no(raw, expected):
    assert v.read_yes_no(raw) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Orgánico", "organic"),
        ("organico", "organic"),
        ("ORG.", "organic"),
        ("T1", "t1"),
        ("Transición 1", "t1"),
        ("transicion 2", "t2"),
        ("2do año de transición", "t2"),
        ("En conversión", "transition"),
        ("Convencional", "conventional"),
        ("No orgánico", "conventional"),
    ],
)
def test_organic_status(raw, expected):
    assert v.read_organic_status(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("F", "F"),
        ("Femenino", "F"),
        ("mujer", "F"),
        ("M", "M"),
        ("Masculino", "M"),
        ("varón", "M"),
        ("hombre", "M"),
    ],
)
def test_gender(raw, expected):
    assert v.read_gender(raw) == expected


@given(st.decimals(min_value=0, max_value=9999, places=4, allow_nan=False))
def test_areas_typed_with_decimal_comma_or_point_read_back_exactly(value):
    text = format(value, "f")
    assert v.read_decimal(text) == value
    assert v.read_decimal(text.replace(".", ",")) == value
    assert v.read_decimal(float(text)) == value


# --- bad files -------------------------------------------------------------------------------


def test_not_an_xlsx(tmp_path):
    path = tmp_path / "socios.xlsx"
    path.write_text("codigo;nombre\n1;Rosa\n")
    with pytest.raises(WorkbookError, match="not an Excel workbook.*CSV"):
        read_roster(path)


def test_empty_file_and_empty_workbook(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(WorkbookError, match="empty file"):
        read_roster(empty)
    blank = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(blank)
    with pytest.raises(WorkbookError, match="is empty"):
        read_roster(blank)


def test_no_header_row(tmp_path):
    path = tmp_path / "nohead.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["a", "b", "c"])
    wb.active.append([1, 2, 3])
    wb.save(path)
    with pytest.raises(WorkbookError, match="No header row"):
        read_roster(path)


def test_password_protected_file(tmp_path):
    # An encrypted xlsx is an OLE2 compound file holding an "EncryptedPackage" stream.
    path = tmp_path / "clave.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    directory += "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(header + b"\x00" * 1024 + directory + b"\x00" * 2048)
    with pytest.raises(WorkbookError, match="protected with a password"):
        read_roster(path)


def test_old_xls(tmp_path):
    path = tmp_path / "viejo.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    with pytest.raises(WorkbookError, match="97-2003"):
        read_roster(path)


def test_corrupted_files(tmp_path):
    good = messy_roster(tmp_path / "good.xlsx")
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[:3000])
    with pytest.raises(WorkbookError, match="damaged"):
        read_roster(truncated)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(WorkbookError, match="damaged|could not be read"):
        read_roster(broken)
    ods = tmp_path / "hoja.xlsx"
    with zipfile.ZipFile(ods, "w") as dst:
        dst.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(WorkbookError, match="OpenDocument"):
        read_roster(ods)


def test_missing_file(tmp_path):
    with pytest.raises(WorkbookError, match="does not exist"):
        read_roster(tmp_path / "nope.xlsx")


def test_template_is_recognised_by_the_reader(tmp_path):
    path = write_template(tmp_path / "plantilla.xlsx", "es")
    roster = read_roster(path, today=TODAY)
    assert roster.sheet == "Socios"
    assert all(c.field for c in roster.columns)
    # The example row left in a filled-in template is never imported as a member ...
    assert not roster.rows
    assert [s.reason for s in roster.skipped] == ["the template's example row"]
    # ... but a row written like it, for a real member, is valid.
    wb = openpyxl.load_workbook(path)
    wb["Socios"]["A2"] = "CPGP-0002"
    wb.save(path)
    roster = read_roster(path, today=TODAY)
    assert [r.row for r in roster.rows] == [2]
    assert not roster.rows[0].problems


def test_sample_file_from_a_cooperative():
    from pathlib import Path

    sample = Path("/work/shared/samples/padron_ejemplo.xlsx")
    if not sample.exists():
        pytest.skip("the shared sample roster is not on this machine")
    roster = read_roster(sample, today=TODAY)
    assert roster.header_row == 4 and len(roster.rows) == 60
    assert not roster.invalid_rows
    assert {s.reason for s in roster.skipped} == {"blank row", "totals row"}


def test_real_world_layouts(tmp_path):
    """One row per plot, a repeated code, several phones, dashes for nothing, Excel's zero
    date, a wrong sheet dimension, and pre-numbered empty template rows."""
    import re as _re

    path = tmp_path / "plots.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        [
            "N°",
            "Código",
            "Nombres",
            "Apellido Paterno",
            "Apellido Materno",
            "Sexo",
            "DNI",
            "F. Ingreso",
            "Celular",
            "Parcela",
            "Área (ha)",
            "Café (ha)",
        ]
    )
    ws.append(
        [
            1,
            "A-1",
            "Rosa",
            "Núñez",
            "Vega",
            "F",
            "-",
            "01/02/2010",
            "987654321 / 976543210",
            "La Loma",
            2,
            1.5,
        ]
    )
    ws.append([None, None, None, None, None, None, None, None, None, "El Bajo", "1,5", 1])
    ws.append([2, "A-2", "José", "Pérez", None, "M", "s/n", 0, None, None, 3, 2])
    ws.append([3, "A-2", "José", "Pérez", None, "M", None, "05/06/2011", None, None, 1, 1])
    ws.append([4, "A-3", "Ana", "Ruiz", None, "F", None, "05/06/2011", None, None, 1, 1])
    ws.append([5, "A-3", "Otra", "Persona", None, "F", None, "05/06/2011", None, None, 1, 1])
    for n in range(6, 40):
        ws.append([n])
    wb.save(path)
    # Rewrite the dimension as some programs do: read-only openpyxl would see column A only.
    import zipfile

    broken = tmp_path / "dim.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = _re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1"/>', data)
            dst.writestr(item, data)
    roster = read_roster(broken, today=TODAY)
    rows = {r.row: r for r in roster.rows}
    assert sorted(rows) == [2, 4, 6, 7]  # row 3 and row 5 merged into their members
    rosa = rows[2]
    assert rosa.values["surnames"] == "Núñez Vega" and rosa.values["dni"] is None
    assert rosa.values["phone"] == "987654321" and rosa.values["other_phones"] == "976543210"
    assert [(p.name, p.total_area_ha, p.coffee_area_ha) for p in rosa.plots] == [
        ("La Loma", Decimal("2"), Decimal("1.5")),
        ("El Bajo", Decimal("1.5"), Decimal("1")),
    ]
    jose = rows[4]
    assert jose.values["join_date"] is None  # 0: Excel's empty date
    assert [p.name for p in jose.plots] == ["Parcela 1", "Parcela 2"]
    assert "Row 3: another plot of the member on row 2." in roster.notes
    assert rows[7].values["first_names"] == "Otra"  # same code, another person: kept apart
    assert all(s.reason.startswith("no member") for s in roster.skipped)


def test_header_over_two_rows_with_merged_group_titles(tmp_path):
    path = tmp_path / "dos_filas.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["PADRÓN DE SOCIOS 2024"])
    ws.append(
        ["Código", "Apellidos", None, "Nombres", "Sexo", "Fecha de ingreso", "Área (ha)", None]
    )
    ws.append([None, "Paterno", "Materno", None, None, None, "Total", "Café"])
    ws.merge_cells("B2:C2")
    ws.merge_cells("G2:H2")
    ws.merge_cells("A2:A3")
    ws.append(["C-1", "Núñez", "Vega", "Rosa", "F", "01/02/2010", 3, 2])
    ws.append(["Total", None, None, None, None, None, "=SUM(G4:G4)", "=SUM(H4:H4)"])
    wb.save(path)
    roster = read_roster(path, today=TODAY)
    assert roster.header_row == 3
    assert {c.letter: c.field for c in roster.columns} == {
        "A": "code",
        "B": "surname_1",
        "C": "surname_2",
        "D": "first_names",
        "E": "gender",
        "F": "join_date",
        "G": "total_area",
        "H": "coffee_area",
    }
    (row,) = roster.rows
    assert row.row == 4 and row.values["surnames"] == "Núñez Vega"
    assert (row.plots[0].total_area_ha, row.plots[0].coffee_area_ha) == (Decimal("3"), Decimal("2"))
    assert [s.reason for s in roster.skipped] == ["totals row"]


def test_one_sheet_per_community_is_read_whole(tmp_path):
    from coop_desk.exchange.sheets import summarise_skipped

    path = tmp_path / "sectores.xlsx"
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "La Palma"
    first.append(["Código", "Nombres", "Apellidos", "Sexo", "Fecha ingreso"])
    first.append(["P-1", "Rosa", "Núñez", "F", "01/02/2010"])
    first.append(["P-2", "José", "Pérez", "Z", "01/02/2010"])
    for _ in range(3):
        first.append([None, None, None, None, None, None, None, None])
    second = wb.create_sheet("Santa Rosa")
    second.append(["Relación de socios — Santa Rosa"])
    second.append(["Apellidos", "Nombres", "Código", "Sexo", "Fecha ingreso"])  # another order
    second.append(["Ruiz", "Ana", "S-1", "F", "03/04/2012"])
    wb.create_sheet("Notas").append(["Actualizado por el secretario"])
    wb.save(path)
    roster = read_roster(path, today=TODAY)
    assert roster.sheets_read == ("La Palma", "Santa Rosa")
    assert [(r.label, r.code) for r in roster.rows] == [
        ("La Palma!2", "P-1"),
        ("La Palma!3", "P-2"),
        ("Santa Rosa!3", "S-1"),
    ]
    assert roster.rows[2].values["surnames"] == "Ruiz"
    (problem,) = roster.rows[1].problems
    assert problem.sheet == "La Palma" and problem.column == "D (Sexo)"
    only = read_roster(path, sheet="Santa Rosa", today=TODAY)
    assert [r.code for r in only.rows] == ["S-1"] and only.rows[0].label == "3"
    assert summarise_skipped(roster.skipped) == [] or all(
        "!" in s for s in summarise_skipped(roster.skipped)
    )


def test_skipped_rows_are_summarised_in_runs():
    from coop_desk.exchange.sheets import SkippedRow, summarise_skipped

    skipped = [SkippedRow(10, "blank row")] + [
        SkippedRow(n, f"no member on this row ({n})") for n in range(65, 201)
    ]
    skipped.append(SkippedRow(202, "totals row"))
    assert summarise_skipped(skipped) == [
        "row 10: blank row",
        "rows 65-200: no member on this row",
        "row 202: totals row",
    ]


@given(st.integers(min_value=0, max_value=99_999_999))
def test_a_dni_typed_as_a_number_or_text_reads_as_eight_digits(number):
    from coop_desk.domain.members import parse_dni

    text = f"{number:08d}"
    assert parse_dni(number) == text
    assert parse_dni(float(number)) == text
    assert parse_dni(f" {text[:4]} {text[4:]} ") == text


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)))
def test_dates_typed_in_every_common_way_read_back(day):
    assert v.read_date(day.strftime("%d/%m/%Y"), TODAY) == day
    assert v.read_date(day.isoformat(), TODAY) == day
    assert v.read_date(f"{day.day}-{day.month}-{day.year}", TODAY) == day
    assert v.read_date(datetime(day.year, day.month, day.day), TODAY) == day
    serial = (day - date(1899, 12, 30)).days
    assert v.read_date(serial, TODAY) == day


def test_formats_errors_and_leftovers_of_other_programs(tmp_path):
    path = tmp_path / "formatos.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Código", "Nombres", "Apellidos", "Sexo", "DNI", "Fecha ingreso", "Comercio Justo"])
    ws.append(
        [42, "Rosa\u200b", "Núñez", "Sra.", "=NA()", "12/05/2003 00:00:00", "Sí (desde 2019)"]
    )
    ws.append([43, "Juan", "Pérez", "don", 1234567, "2003-05-12T00:00:00", "No - retirado"])
    ws["A2"].number_format = "0000"
    ws["A3"].number_format = "0000"
    wb.save(path)
    # openpyxl writes no cached result for =NA(); a file saved by Excel shows #N/A instead.
    import zipfile

    shown = tmp_path / "shown.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(shown, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b'<c r="E2"><f>NA()</f><v></v></c>', b'<c r="E2" t="e"><v>#N/A</v></c>'
                )
            dst.writestr(item, data)
    roster = read_roster(shown, today=TODAY)
    first, second = roster.rows
    assert (first.code, second.code) == ("0042", "0043")
    assert first.values["first_names"] == "Rosa" and first.values["gender"] == "F"
    assert first.values["join_date"] == date(2003, 5, 12) and first.fairtrade is True
    assert second.values["gender"] == "M" and second.fairtrade is False
    assert second.values["join_date"] == date(2003, 5, 12)
    (problem,) = first.problems
    assert problem.column == "E (DNI)" and "Excel error #N/A" in problem.message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0.750", "0.75"),
        ("0,750", "0.75"),
        ("1.250", "1.25"),
        ("2,5 ha", "2.5"),
        (",5", "0.5"),
        ("1.250,5", "1250.5"),
    ],
)
def test_areas_with_three_decimals_are_not_thousands(raw, expected):
    assert v.read_decimal(raw) == Decimal(expected)


def test_money_keeps_thousands_separators():
    assert v.read_decimal("1,250", decimal_comma=False, places=2) == Decimal("1250")


def test_the_template_speaks_the_language_it_is_asked_for(tmp_path):
    english = openpyxl.load_workbook(write_template(tmp_path / "template.xlsx", "en"))
    spanish = openpyxl.load_workbook(write_template(tmp_path / "plantilla.xlsx", "es"))
    assert english.sheetnames == ["Members", "Instructions"]
    assert spanish.sheetnames == ["Socios", "Instrucciones"]
    # The headers are the Spanish ones the reader knows, in both.
    assert [c.value for c in english["Members"][1]] == [c.value for c in spanish["Socios"][1]]
    how = [r[1] for r in spanish["Instrucciones"].iter_rows(min_row=2, values_only=True)]
    assert any("obligatorio" in (text or "") for text in how)
