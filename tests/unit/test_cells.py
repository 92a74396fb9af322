"""The cell reader (``coop_desk.exchange.cells``, issue 14) reads every workbook as openpyxl's
read-only ``iter_rows`` did (the oracle, ``tests/cells_oracle.py``): a workbook written part
by part with every feature a cell can have, the workbooks the test suite builds, and our own
exports, with the row and column ranges the importers ask for, both as the user sees the
cells and as plain values, with formulas and with the results Excel saved. (Every row any
other test reads goes through the same comparison: ``tests/conftest.py``.)"""

from __future__ import annotations

import warnings
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from coop_desk.exchange.cells import Book, ExcelError, FormulaText
from coop_desk.exchange.sheets import fill_merged_down, open_workbook, sheet_rows
from tests import hostile_workbooks as hostile
from tests.cells_oracle import Oracle, comparable
from tests.conftest import roster_workbook

# F7: a date style on a serial beyond the dates (openpyxl warns, and reads #VALUE!).
pytestmark = pytest.mark.filterwarnings("ignore:.*outside the limits for dates")

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{CT}.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELS}/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
    f'<Relationship Id="rId3" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId4" Type="{RELS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)

# Styles by index: 1 a built-in date, 2 a custom date, 3 date and time, 4 a built-in time,
# 5 a duration, 6 "0000", 7 "00000000", 8 "0", 9 text ("@").
STYLES = (
    f'<styleSheet xmlns="{MAIN}"><numFmts count="5">'
    '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/>'
    '<numFmt numFmtId="166" formatCode="[h]:mm"/>'
    '<numFmt numFmtId="167" formatCode="0000"/>'
    '<numFmt numFmtId="168" formatCode="00000000"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="10">'
    + "".join(
        f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        for n in (0, 14, 164, 165, 21, 166, 167, 168, 1, 49)
    )
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)

SHARED = [
    "<t>Código</t>",
    "<r><t>Ana </t></r><r><rPr><b/></rPr><t>María</t></r>",  # rich text
    '<t>カ</t><rPh sb="0" eb="1"><t>カタカナ</t></rPh><phoneticPr fontId="1"/>',  # phonetic
    "<t>a_x005F_x000D_b</t>",  # an escaped escape
    "<t/>",
    '<t xml:space="preserve">  spaced  </t>',
    "<t>plain &amp; &#243;</t><r><t>run</t></r>",  # text and runs
    "<r><t>only</t></r><r><t/></r>",
    "<t>DNI</t>",
]


def _sst() -> str:
    items = "".join(f"<si>{s}</si>" for s in SHARED)
    return f'<sst xmlns="{MAIN}" count="{len(SHARED)}" uniqueCount="{len(SHARED)}">{items}</sst>'


def _inline(text: str) -> str:
    return f'<is><t xml:space="preserve">{text}</t></is>'


SHEET1_ROWS = [
    # shared strings of every shape
    '<row r="1">'
    + "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(len(SHARED)))
    + "</row>",
    # inline strings, text results of formulas
    '<row r="2" spans="1:8"><c r="A2" t="inlineStr">' + _inline("Rojas") + "</c>"
    '<c r="B2" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is></c>'
    '<c r="C2" t="inlineStr"/>'
    '<c r="D2" t="inlineStr"><is><t/></is></c>'
    '<c r="E2" t="str"><v>text result</v></c>'
    '<c r="F2" t="str"><f>UPPER(A2)</f><v>ROJAS</v></c>'
    '<c r="G2" t="inlineStr"><is><t>x_x005F_y &lt;&amp;&gt; <![CDATA[<b>]]></t></is></c>'
    '<c r="H2" t="inlineStr"><v>7</v></c>'
    "</row>",
    # formulas: plain, shared (master and dependents), array, an error result, no result
    '<row r="3"><c r="A3"><f>SUM(B3:C3)</f><v>3</v></c>'
    '<c r="B3"><f t="shared" ref="B3:B5" si="0">A3*2</f><v>6</v></c>'
    '<c r="C3"><f t="array" ref="C3:C4">A3:A4*2</f><v>1</v></c>'
    '<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
    '<c r="E3"><f>A3+1</f></c>'
    '<c r="F3"><f>SUBTOTAL(9,A3:A4)</f><v>4.5</v></c>'
    "</row>",
    # errors, booleans, a shared formula's dependent
    '<row r="4"><c r="A4" t="e"><v>#N/A</v></c><c r="B4"><f t="shared" si="0"/><v>8</v></c>'
    '<c r="C4" t="b"><v>1</v></c><c r="D4" t="b"><v>0</v></c><c r="E4" t="e"><v>#REF!</v></c>'
    "</row>",
    # numbers
    '<row r="5"><c r="A5"><v>42</v></c><c r="B5"><f t="shared" si="0"/><v>84</v></c>'
    '<c r="C5" t="n"><v>1.5</v></c><c r="D5"><v>1E3</v></c><c r="E5"><v>-0</v></c>'
    '<c r="F5"><v>-12.25</v></c><c r="G5"><v>1e-3</v></c><c r="H5" s="0"><v>3</v></c>'
    "</row>",
    # row 6 missing; dates and times by style
    '<row r="7"><c r="A7" s="1"><v>45000</v></c><c r="B7" s="2"><v>36526</v></c>'
    '<c r="C7" s="3"><v>45000.75</v></c><c r="D7" s="4"><v>0.5</v></c>'
    '<c r="E7" s="5"><v>1.25</v></c><c r="F7" s="1"><v>1E10</v></c><c r="G7" s="2"><v>59</v></c>'
    '<c r="H7" s="1"><v>0</v></c><c r="I7" s="1" t="n"><v>60.5</v></c>'
    "</row>",
    # leading-zero formats
    '<row r="8"><c r="A8" s="6"><v>42</v></c><c r="B8" s="7"><v>1234567</v></c>'
    '<c r="C8" s="6"><v>4.5</v></c><c r="D8" s="8"><v>42</v></c>'
    '<c r="E8" s="6" t="inlineStr">' + _inline("0042") + "</c>"
    '<c r="F8" s="7"><v>12345678.0</v></c><c r="G8" s="9"><v>7</v></c>'
    '<c r="H8" s="6"><f>A8+1</f><v>43</v></c><c r="I8" s="6" t="e"><v>#N/A</v></c>'
    "</row>",
    # ISO dates
    '<row r="9"><c r="A9" t="d"><v>2024-03-05T10:20:30</v></c><c r="B9" t="d"><v>2024-03-05</v></c>'
    '<c r="C9" t="d"><v>10:20:30</v></c></row>',
    # cells without a reference, a gap, a comment among the cells
    '<row r="10"><c t="inlineStr">' + _inline("no r") + '</c><c><v>2</v></c><c r="C10"><v>3</v></c>'
    '<!-- a comment --><c r="E10"><v>5</v></c><c><v>6</v></c></row>',
    # rows without a reference
    "<row>" + '<c r="A11"><v>11</v></c></row>',
    "<row><c><v>12</v></c><c/><c><v>14</v></c></row>",
    # the last cell is not the rightmost
    '<row r="13"><c r="C13"><v>3</v></c><c r="A13"><v>1</v></c></row>',
    '<row r="14"/>',
    '<row r="15" spans="1:3" s="1" customFormat="1" ht="20" customHeight="1">'
    '<c r="B15" s="1"/><c r="C15"><v></v></c><c r="D15"><v/></c></row>',
    '<row r="17"><c r="Z17" t="inlineStr">' + _inline("far") + "</c></row>",
    '<row r="18.0"><c r="B18"><v>18</v></c></row>',
    # a row number going back is not read (as openpyxl)
    '<row r="21"><c r="A21"><v>21</v></c></row>',
    '<row r="20"><c r="A20"><v>20</v></c></row>',
    '<row r="22"><c r="A22" t="s"><v>8</v></c><c r="B22" t="s"><v>0</v></c>'
    '<c r="C22"><v>3</v></c><c r="AA22"><v>27</v></c></row>',
]


def _sheet(rows: list[str], dimension: str, tail: str = "") -> str:
    return (
        f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}"><dimension ref="{dimension}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        f"<sheetData>{''.join(rows)}</sheetData>{tail}</worksheet>"
    )


def feature_workbook(path: Path, *, date1904: bool = False) -> Path:
    """Every feature a cell can have, written part by part; a wrong ``<dimension ref="A1"/>``
    on the first sheet; a second, hidden sheet with a right one; 1904 dates when asked."""
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    workbook = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}">{pr}<sheets>'
        '<sheet name="Padrón" sheetId="1" r:id="rId1"/>'
        '<sheet name="Oculta" sheetId="2" state="hidden" r:id="rId2"/>'
        "</sheets></workbook>"
    )
    hidden = [
        '<row r="2"><c r="B2" t="inlineStr">' + _inline("Copia") + "</c></row>",
        '<row r="3"><c r="A3" s="1"><v>1</v></c><c r="C3" s="6"><v>7</v></c></row>',
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/sharedStrings.xml", _sst())
        merges = '<mergeCells count="1"><mergeCell ref="A13:A14"/></mergeCells>'
        archive.writestr("xl/worksheets/sheet1.xml", _sheet(SHEET1_ROWS, "A1", merges))
        archive.writestr("xl/worksheets/sheet2.xml", _sheet(hidden, "A2:C3"))
    return path


RANGES: list[dict[str, Any]] = [
    {},
    {"max_row": 5},
    {"min_row": 3},
    {"min_row": 7, "max_row": 30},
    {"max_col": 3},
    {"min_col": 2, "max_col": 4},
    {"min_row": 2, "max_row": 100},
    {"min_col": 3},
    {"max_row": 40, "max_col": 30},
    {"min_row": 12, "max_row": 16, "min_col": 2},
    {"min_row": 50},
]


def assert_read_alike(path: Path) -> int:
    """Every sheet of ``path`` read by the cell reader and by the oracle, in every range,
    with formulas and with saved results, as shown and as values: the same rows. Returns the
    number of rows compared."""
    compared = 0
    for data_only in (False, True):
        book = Book(path, data_only=data_only)
        oracle = Oracle(path, data_only=data_only)
        try:
            assert book.sheetnames == oracle.wb.sheetnames
            for name in book.sheetnames:
                assert book[name].sheet_state == oracle.wb[name].sheet_state
                for kwargs in RANGES:
                    for shown in (True, False):
                        read = book[name].rows if shown else book[name].values
                        with warnings.catch_warnings():
                            warnings.simplefilter("ignore", UserWarning)
                            got = [comparable(r) for r in read(**kwargs)]
                            want = [comparable(r) for r in oracle.rows(name, shown=shown, **kwargs)]
                        assert got == want, (name, kwargs, shown, data_only)
                        compared += len(got)
        finally:
            book.close()
            oracle.close()
    return compared


@pytest.mark.parametrize("date1904", [False, True])
def test_a_workbook_with_every_feature_reads_as_openpyxl_read_it(tmp_path, date1904):
    assert assert_read_alike(feature_workbook(tmp_path / "f.xlsx", date1904=date1904)) > 500


def test_the_feature_workbook_reads_as_the_user_sees_it(tmp_path):
    """What the comparison is about, spelled out for a few cells."""
    book = open_workbook(feature_workbook(tmp_path / "f.xlsx"))
    try:
        rows = list(sheet_rows(book["Padrón"]))
    finally:
        book.close()
    assert rows[0][:4] == ("Código", "Ana María", "カ", "a_x000D_b")
    assert rows[1][:5] == ("Rojas", "ab", None, "", "text result")
    assert rows[1][5] == FormulaText("=UPPER(A2)") and isinstance(rows[1][5], FormulaText)
    assert rows[2][1] == "=A3*2" and rows[4][1] == "=A5*2"  # a shared formula, translated
    assert isinstance(rows[3][0], ExcelError) and rows[3][2:4] == (True, False)
    assert rows[4][:5] == (42, "=A5*2", 1.5, 1000.0, 0)
    assert rows[5] == ()  # row 6 is not in the file
    assert rows[6][:5] == (
        datetime(2023, 3, 15),
        datetime(2000, 1, 1),
        datetime(2023, 3, 15, 18),
        time(12),
        timedelta(days=1, hours=6),
    )
    assert rows[6][5] == "#VALUE!" and isinstance(rows[6][5], ExcelError)
    assert rows[7][:5] == ("0042", "01234567", 4.5, 42, "0042")
    assert rows[8][:2] == (datetime(2024, 3, 5, 10, 20, 30), date(2024, 3, 5))
    assert rows[9] == ("no r", 2, 3, None, 5, 6)
    assert rows[10:13] == [(11,), (12, None, 14), (1,)]
    assert len(rows[16]) == 26 and rows[16][-1] == "far"
    assert rows[17:21] == [(None, 18), (), (), (21,)]  # row 20, after row 21, is not read
    assert rows[21] == ("DNI", "Código", 3, *(None,) * 23, 27)


def test_1904_dates_count_from_1904(tmp_path):
    book = Book(feature_workbook(tmp_path / "f.xlsx", date1904=True))
    try:
        row = next(book["Padrón"].rows(min_row=7, max_row=7))
    finally:
        book.close()
    assert row[1] == datetime(2000, 1, 1) + timedelta(days=1462)


def test_merged_cells_fill_down_the_rows_read(tmp_path):
    book = Book(feature_workbook(tmp_path / "f.xlsx"))
    try:
        ws = book["Padrón"]
        rows = list(fill_merged_down(ws, sheet_rows(ws, min_row=13, max_row=14), 13))
    finally:
        book.close()
    assert rows == [(1,), (1,)]  # row 14 is empty in the file


def _built(tmp_path: Path) -> list[Path]:
    """The workbooks the test suite builds with its helpers and our own writers."""
    from benchmarks import roster as bench_roster
    from coop_desk.exchange.roster import write_template

    paths = [
        roster_workbook(
            tmp_path / "conftest.xlsx",
            ["Código", "Nombres", "Apellidos", "DNI", "Sexo", "Fecha de ingreso"],
            [
                ["C-1", "Ana", "Ruiz", "01234567", "F", date(2020, 1, 2)],
                ["C-2", "Luz", "Vega", 41234567, "F", datetime(2021, 3, 4, 5, 6)],
                ["C-3", None, "=B2&B3", 4.5, True, "2020-01-01"],
            ],
        ),
        hostile.roster(
            tmp_path / "hostile.xlsx",
            [("ATK-1", "Ana", "Ruiz", "40000011", "F", "2020-01-01"), ("ATK-2", "", "", 4, "M", 3)],
        ),
        hostile.many_rows(tmp_path / "many.xlsx", count=300, dimension=False),
        hostile.many_rows(tmp_path / "many_dim.xlsx", count=300, dimension=True),
    ]
    bench_roster.workbook(tmp_path / "padron.xlsx", 300)
    paths.append(tmp_path / "padron.xlsx")
    template = tmp_path / "plantilla.xlsx"
    write_template(template)
    paths.append(template)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Fecha", "Comprobante", "Concepto", "Importe (US$)", None, "Saldo"])
    ws.append([None, None, None, "Ingresos", "Egresos", None])
    ws.merge_cells("D1:E1")
    ws.append([date(2025, 3, 1), "", "Saldo inicial", None, None, "=F2"])
    ws.append(["02/03/2025", "R-1", "Prima", 1000, None, "=F3+D4-E4"])
    ws["A5"] = 42
    ws["A5"].number_format = "0000"
    ws["C6"] = "#N/A"
    ws.append([])
    wb.create_sheet("Vacía")
    wb.save(tmp_path / "caja.xlsx")
    paths.append(tmp_path / "caja.xlsx")
    return paths


def test_the_workbooks_the_suite_builds_read_as_openpyxl_read_them(tmp_path):
    for path in _built(tmp_path):
        assert assert_read_alike(path) > 0, path.name


def test_a_sheet_read_again_reads_the_same(tmp_path):
    """Each reading parses the sheet anew: shared formulas and row counters start over."""
    book = Book(feature_workbook(tmp_path / "f.xlsx"))
    try:
        first = [comparable(r) for r in book["Padrón"].rows(min_row=4)]
        again = [comparable(r) for r in book["Padrón"].rows(min_row=4)]
    finally:
        book.close()
    assert first == again
