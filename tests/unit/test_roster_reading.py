"""The roster reader's shortcuts (issue 14) read every cell as the rules say: rules chosen
once per column that remember repeated values, the cheap tests of the repeated-header and
title rows, and the cell types kept where they matter (leading-zero formats, formulas, errors,
merged cells)."""

from __future__ import annotations

import gc
from datetime import datetime

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_desk.domain.text import fold
from coop_desk.exchange.roster import FIELD_BY_KEY, read_roster
from coop_desk.exchange.roster.parser import column_readers, parse_row
from coop_desk.exchange.sheets import (
    _AGGREGATE,
    TOTAL_WORDS,
    FormulaText,
    SourceColumn,
    header_key,
    is_repeated_header,
    is_totals_row,
    title_text,
)
from coop_desk.exchange.xlsx import WorkbookError
from tests.conftest import TODAY

HEADER = ["Código", "Apellidos", "Nombres", "DNI", "Sexo", "Fecha de ingreso", "Caserío"]


def _save(tmp_path, rows, formats=None, merges=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Padrón"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    for cell, number_format in (formats or {}).items():
        ws[cell].number_format = number_format
    for merged in merges:
        ws.merge_cells(merged)
    path = tmp_path / "padron.xlsx"
    wb.save(path)
    return path


def test_numbers_formatted_with_leading_zeros_keep_them_and_plain_numbers_do_not(tmp_path):
    """A DNI or code typed as a number under a "00000000" / "0000" format reads as the user
    sees it; the same number without that format is a plain number (the remembered reading
    of one is never the other's)."""
    path = _save(
        tmp_path,
        [
            [42, "Rojas", "Ana", 1234567, "F", "01/01/2015", "La Palma"],
            [43, "Rojas", "Bea", 1234567, "F", "01/01/2015", "La Palma"],
            [420, "Vega", "Cira", 4567890, "F", "01/01/2015", "La Palma"],
            [42, "Vega", "Dora", 7654321, "F", "01/01/2015", "La Palma"],
        ],
        formats={"A2": "0000", "D2": "00000000", "D3": "00000000", "A5": "000000"},
    )
    rows = read_roster(path, today=TODAY).rows
    assert [(r.code, r.values["dni"]) for r in rows] == [
        ("0042", "01234567"),
        ("43", "01234567"),
        ("420", "04567890"),
        ("000042", "07654321"),
    ]
    assert not any(r.problems for r in rows)


def test_a_value_refused_on_several_rows_is_a_problem_of_each_row(tmp_path):
    path = _save(
        tmp_path,
        [
            ["S1", "Rojas", "Ana", "40000001", "Z", "01/01/2015", "La Palma"],
            ["S2", "Rojas", "Bea", "40000002", "F", "31/02/2015", "La Palma"],
            ["S3", "Vega", "Cira", "40000003", "Z", "31/02/2015", "La Palma"],
        ],
    )
    roster = read_roster(path, today=TODAY)
    found = [(p.row, p.column, p.field) for r in roster.rows for p in r.problems]
    assert found == [
        (2, "E (Sexo)", "gender"),
        (3, "F (Fecha de ingreso)", "join_date"),
        (4, "E (Sexo)", "gender"),
        (4, "F (Fecha de ingreso)", "join_date"),
    ]
    by_row = {r.row: {p.field: p.message for p in r.problems} for r in roster.rows}
    assert by_row[2]["gender"] == by_row[4]["gender"]
    assert by_row[3]["join_date"] == by_row[4]["join_date"]


def test_values_equal_in_python_but_not_in_a_cell_read_apart():
    """1, 1.0 and True are one dictionary key in Python; a text column reads them as typed."""
    columns = [SourceColumn(0, "A", "Caserío", "community"), SourceColumn(1, "B", "Sexo", "gender")]
    readers = column_readers(columns, TODAY)
    read = [parse_row(n, cells, columns, TODAY, readers) for n, cells in enumerate(
        [(True, "F"), (1, "F"), (1.5, "F"), ("1", "F"), (True, "X"), (1, "X")], start=2
    )]  # fmt: skip
    assert [r.values.get("community") for r in read] == ["yes", "1", "1.5", "1", "yes", "1"]
    assert [len(r.problems) for r in read] == [0, 0, 0, 0, 1, 1]
    assert [r.problems[0].row for r in read[4:]] == [6, 7]


def test_shared_readers_read_as_fresh_ones(tmp_path):
    """A row read with the sheet's readers (which remember) equals the row read alone."""
    columns = [
        SourceColumn(i, chr(65 + i), h, f)
        for i, (h, f) in enumerate(
            [("Código", "code"), ("Sexo", "gender"), ("Fecha de ingreso", "join_date"),
             ("Área (ha)", "total_area"), ("Estado orgánico", "organic_status")]
        )
    ]  # fmt: skip
    rows = [
        ("S1", "F", datetime(2015, 1, 1), 2.5, "Orgánico"),
        ("S2", "mujer", "01/01/2015", "2,5", "T2"),
        ("S3", "F", datetime(2015, 1, 1), 2.5, "Orgánico"),
        ("bad code!", "?", "31/02/2015", -1.0, "quizás"),
        ("S5", "?", "31/02/2015", -1.0, "quizás"),
    ]
    readers = column_readers(columns, TODAY)
    for number, cells in enumerate(rows, start=2):
        assert parse_row(number, cells, columns, TODAY, readers) == parse_row(
            number, cells, columns, TODAY
        )


def _columns(titles):
    return [SourceColumn(i, chr(65 + i), t, f"f{i}") for i, t in enumerate(titles)]


def test_the_header_again_is_told_from_data_rows_with_digits_and_brackets():
    columns = _columns(["Código", "Apellidos", "Nombres", "Año 2024", "Área (ha)"])
    assert is_repeated_header(("CODIGO", "apellidos", "NOMBRES", "año 2024", "área"), columns)
    assert is_repeated_header(("Código", "Apellidos", "Nombres", 7, None), columns)
    # Data: digits in a code or a phone, dates and numbers in the other columns.
    assert not is_repeated_header(("CAC-12", "Rojas", "Ana", 2024, 2.5), columns)
    assert not is_repeated_header(("Código 1", "Apellidos 2", "Ana", "2024", "(2) ha"), columns)
    # Digits inside brackets are units, not part of the title: "Código (1)" names "Código",
    # and so do brackets that only folding makes (full-width, "⑴").
    assert is_repeated_header(("Código (1)", "Apellidos (2)", "Nombres (3)", None, None), columns)
    assert is_repeated_header(("Código（1）", "Apellidos⑵", "Nombres", None, None), columns)


def test_a_title_row_holds_one_text_cell_and_nothing_else():
    assert title_text((None, "  Sector La Palma ", None, " ")) == "Sector La Palma"
    assert title_text((None, "Sector", None, "-", "2")) is None
    assert title_text((None, 12, None)) is None
    assert title_text((None, "", "s/n")) is None


def test_merged_cells_and_formulas_still_read_as_the_user_sees_them(tmp_path):
    """The caserío merged down in the last column (a row whose last written cell is before
    it, which read-only openpyxl returns shorter) fills its rows; a formula without a saved
    result is still that row's problem."""
    path = _save(
        tmp_path,
        [
            ["S1", "Rojas", "Ana", "40000001", "F", "01/01/2015", "La Palma"],
            ["S2", "Rojas", "Bea", "40000002", "F", "01/01/2015", None],
            ["S3", "Vega", "Cira", '="4000"&"0003"', "F", "01/01/2015", "Alto Perú"],
        ],
        merges=["G2:G3"],
    )
    rows = read_roster(path, today=TODAY).rows
    assert [r.values.get("community") for r in rows] == ["La Palma", "La Palma", "Alto Perú"]
    (problem,) = rows[2].problems
    assert (problem.row, problem.column, problem.field) == (4, "D (DNI)", "dni")
    assert "formula whose result was not saved" in problem.message


def test_an_array_formula_is_a_formula_like_any_other(tmp_path):
    """An array formula ({=...} in Excel) reads as a formula: its saved result, or, when none
    was saved, the row's problem that says so (it reached the importers as openpyxl's
    ``ArrayFormula`` object)."""
    from openpyxl.worksheet.formula import ArrayFormula

    path = _save(tmp_path, [["S1", "Rojas", "Ana", None, "F", "01/01/2015", "La Palma"]])
    wb = openpyxl.load_workbook(path)
    wb.active["D2"] = ArrayFormula("D2:D2", '=CONCAT("4000","0001")')
    wb.save(path)
    (row,) = read_roster(path, today=TODAY).rows
    (problem,) = row.problems
    assert (problem.row, problem.column, problem.field) == (2, "D (DNI)", "dni")
    assert "formula whose result was not saved" in problem.message


def test_the_garbage_collector_is_resumed_after_a_read_even_a_refused_one(tmp_path):
    path = _save(tmp_path, [["S1", "Rojas", "Ana", "40000001", "F", "01/01/2015", "La Palma"]])
    broken = tmp_path / "roto.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert gc.isenabled()
    read_roster(path, today=TODAY)
    assert gc.isenabled()
    with pytest.raises(WorkbookError):
        read_roster(broken, today=TODAY)
    assert gc.isenabled()
    gc.disable()  # a caller that paused it keeps it paused
    try:
        read_roster(path, today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()


_TITLES = ["Código", "Apellidos", "Nombres", "Año 2024", "Área (ha)", "N°"]
_TEXTS = st.one_of(
    st.sampled_from(
        [
            *_TITLES,
            "CODIGO",
            " nombres ",
            "AREA",
            "año 2024",
            "Código (1)",
            "Código（1）",
            "Apellidos⑵",
            "CAC-12",
            "987 654 321",
            "Rojas",
            "",
            "  ",
            "#",
            "n",
            "2024",
            "(2) ha",
        ]
    ),  # fmt: skip
    st.text(alphabet="aoCóNn0129 ()（）⑴#°.-", max_size=12),
)
_CELLS = st.one_of(st.none(), st.integers(0, 3000), st.floats(0, 10), _TEXTS)


@given(st.lists(_CELLS, min_size=0, max_size=len(_TITLES) + 1))
def test_the_repeated_header_test_says_what_comparing_every_title_key_says(cells):
    """The shortcuts (text cells only, digits outside brackets) decide as the plain rule:
    at least two cells, and half of the titled columns, whose header key is their title's."""
    columns = _columns(_TITLES)
    same = sum(
        1
        for c in columns
        if c.index < len(cells)
        and isinstance(cells[c.index], str)
        and header_key(cells[c.index]) == header_key(c.header)
    )
    expected = same >= max(2, (len(columns) + 1) // 2)
    assert is_repeated_header(tuple(cells), columns) == expected


_TOTAL_TEXTS = st.one_of(
    st.sampled_from(["Total", " TOTAL general", "Subtotal", "suma", "Sum", "Grand total", "Tot",
                     "Sumaq", "Gran", "ＴＯＴＡＬ", "\u00a0Total", "Ṫotal", "=SUM(A1:A3)"]),
    st.text(alphabet="tTsSgGuUoOmMaAlLbB =\u00a0\tṪ(", max_size=10),
)  # fmt: skip


def _plain_totals(cells):
    for c in cells:
        if isinstance(c, FormulaText):
            if _AGGREGATE.match(c.strip()):
                return True
        elif (
            isinstance(c, str)
            and c.lstrip()[:3].lower() in ("tot", "sub", "sum", "gra")
            and TOTAL_WORDS.match(fold(c.strip()))
        ):
            return True
    return False


@given(st.lists(st.one_of(st.none(), st.integers(), _TOTAL_TEXTS), max_size=6))
def test_the_totals_test_says_what_the_plain_rule_says(cells):
    """Looking at a cell's first letter first decides as the plain rule: a text beginning
    with a total word (stripped, folded), or a formula that sums."""
    as_formulas = [FormulaText(c) if isinstance(c, str) and "=" in c else c for c in cells]
    assert is_totals_row(cells) == _plain_totals(cells)
    assert is_totals_row(as_formulas) == _plain_totals(as_formulas)


_RAW = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 50_000_000),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-200, max_value=1e6),
    st.sampled_from([0.0, -0.0, 1, 1.0, True, "1", "0", "-", "Sí", "no", "F", "m", "T2",
                     "Orgánico", "2,5", "1.650 msnm", "18S", "12/05/2003", "43529",
                     "DNI: 01234567", "S-1", "activo", " x ", "987654321 / 976543210"]),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2030, 1, 1)),
    st.text(max_size=8),
)  # fmt: skip


@given(st.lists(_RAW, min_size=1, max_size=8))
def test_every_field_reads_a_value_the_same_remembered_or_not(values):
    """For every field of the roster: each value read by a column's remembering reader (each
    value twice, so the second is remembered) reads as it does with a fresh reader."""
    for key in FIELD_BY_KEY:
        columns = [SourceColumn(0, "A", key, key)]
        readers = column_readers(columns, TODAY)
        for number, raw in enumerate([*values, *values], start=2):
            alone = parse_row(number, (raw,), columns, TODAY)
            shared = parse_row(number, (raw,), columns, TODAY, readers)
            assert shared == alone, (key, raw)
