"""Writing workbooks treasurers and auditors trust, with openpyxl in write-only (streaming) mode.

Every sheet written through :class:`SheetWriter` gets what a treasurer expects (issue 5): a bold,
frozen header row with an autofilter, real dates and numbers (a ``Decimal`` is written as a
number with a number format, never as text), currency formats, column widths, and a print set-up
(landscape, fit to the page width, the title in the page header, "page N of M" in the footer).

Safety: only :class:`Formula` values become formulas. Any text beginning with ``=``, ``+``, ``-``
or ``@`` (a member named ``=HYPERLINK("http://x","y")``) is written as a plain string cell, with
the "quote prefix" flag so Excel keeps it as text even when the user edits the cell.

Workbooks are saved to a temporary file next to the target and renamed into place, so a failed
or cancelled export never leaves half a file under the name the user chose.
"""

from __future__ import annotations

import logging
import os
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from coop_desk.errors import CoopDeskError
from coop_desk.i18n import _, formats

log = logging.getLogger(__name__)


class WorkbookError(CoopDeskError):
    """A workbook that cannot be read or written, explained in words."""


# Number formats. Dates as the workbook's language writes them (dd/mm/yyyy in Spanish): the rule
# of ``i18n.formats``, read when a cell is written (the language in effect is the workbook's).
# These two names are the ISO forms, for a writer that needs a language-free date.
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
INTEGER_FORMAT = "#,##0"
DECIMAL2_FORMAT = "#,##0.00"
QUANTITY_FORMAT = "#,##0.00##"  # hectares, kg: at least 2, at most 4 decimals shown
COORDINATE_FORMAT = "0.000000"
PERCENT_FORMAT = "0.0%"
RATE_FORMAT = "#,##0.0000####"
TEXT_FORMAT = "@"

# Currency formats: negatives in red with a minus sign, zero shown as a dash-free 0.00.
CURRENCY_SYMBOLS = {"USD": '"US$"', "PEN": '"S/"', "EUR": '"€"'}


def currency_format(currency: str | None = None) -> str:
    """Excel number format for an amount in ``currency`` ("US$ 1,250.50", "S/ 3,400.00")."""
    symbol = CURRENCY_SYMBOLS.get((currency or "").upper())
    if symbol is None:
        return f"{DECIMAL2_FORMAT};[Red]-{DECIMAL2_FORMAT}"
    return f"{symbol} {DECIMAL2_FORMAT};[Red]-{symbol} {DECIMAL2_FORMAT}"


# Text that spreadsheet programs treat as the start of a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")

MAX_WIDTH = 60
EXCEL_MAX_ROWS = 1_048_576


def translated(columns: Sequence[Column]) -> list[Column]:
    """``columns`` with their headers (marked ``N_``) in the language in effect: a workbook's
    columns are declared once, in English, and named when the sheet is written."""
    return [replace(c, header=_(c.header)) for c in columns]


@dataclass(frozen=True)
class Formula:
    """A formula our own code writes (``=SUM(D2:D40)``). Plain strings never become formulas."""

    text: str

    def __post_init__(self) -> None:
        if not self.text.startswith("="):
            raise ValueError(_("a formula starts with '='"))


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its header, width (characters) and number format.

    ``kind`` picks the format when ``number_format`` is not given: ``text``, ``date``,
    ``datetime``, ``int``, ``decimal`` (2 places), ``quantity``, ``money`` (with
    ``currency``), ``rate``, ``percent``, ``coordinate``.
    """

    header: str
    width: float | None = None
    kind: str = "text"
    currency: str | None = None
    number_format: str | None = None
    hidden: bool = False  # a code column formulas use; hidden columns are not printed

    def format(self) -> str | None:
        if self.number_format:
            return self.number_format
        return {
            "date": formats.excel_date_format(),
            "datetime": formats.excel_datetime_format(),
            "int": INTEGER_FORMAT,
            "decimal": DECIMAL2_FORMAT,
            "quantity": QUANTITY_FORMAT,
            "money": currency_format(self.currency),
            "rate": RATE_FORMAT,
            "percent": PERCENT_FORMAT,
            "coordinate": COORDINATE_FORMAT,
        }.get(self.kind)

    def default_width(self) -> float:
        if self.width is not None:
            return self.width
        by_kind = {
            "date": 12,
            "datetime": 17,
            "int": 10,
            "decimal": 14,
            "quantity": 12,
            "money": 16,
            "rate": 12,
            "percent": 9,
            "coordinate": 12,
        }
        return max(by_kind.get(self.kind, 18), min(len(self.header) + 3, MAX_WIDTH))


def display_width(text: str, *, bold: bool = False) -> float:
    """A column width (in Excel's character units) that shows ``text`` whole: with room for
    the wider fonts LibreOffice substitutes for Calibri, where a number that does not fit
    prints as "###"."""
    return min(len(text) * (1.25 if bold else 1.15) + 2, MAX_WIDTH)


def money_text(value: Decimal | None, currency: str | None = None) -> str:
    """How ``currency_format`` shows ``value`` ("US$ 29,500.00", "-S/ 1,200.00")."""
    if value is None:
        return ""
    symbol = CURRENCY_SYMBOLS.get((currency or "").upper(), "").strip('"')
    sign = "-" if value < 0 else ""
    return f"{sign}{symbol} {abs(value):,.2f}".strip()


def new_workbook() -> Workbook:
    """A streaming workbook: rows go to disk as they are appended."""
    return Workbook(write_only=True)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


_EXCEL_INTEGERS = Decimal(10) ** 15


def excel_number(value: Decimal) -> Decimal | int:
    """A ``Decimal`` as openpyxl writes it: plain notation (no exponent), exact digits."""
    if value == value.to_integral_value():
        if abs(value) < _EXCEL_INTEGERS:
            return int(value)
    elif value.adjusted() >= -6:
        return value  # a fraction written without an exponent as it is (12.50, 0.000125)
    return Decimal(format(value, "f"))


def make_cell(
    ws: WriteOnlyWorksheet,
    value: Any,
    number_format: str | None = None,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    alignment: Alignment | None = None,
) -> WriteOnlyCell:
    """One cell with the right type. Text is always text (never a formula); ``Formula`` is a
    formula; ``Decimal`` and ``int`` are numbers; ``date``/``datetime`` are real dates."""
    if isinstance(value, Formula):
        cell = WriteOnlyCell(ws, value.text)
        cell.data_type = "f"
    elif isinstance(value, bool):
        cell = WriteOnlyCell(ws, value)
    elif isinstance(value, Decimal):
        cell = WriteOnlyCell(ws, excel_number(value))
    elif isinstance(value, float):
        # Floats never carry money in coop-desk; refuse rather than write an inexact number.
        raise TypeError("write Decimal, not float, to a workbook")
    elif isinstance(value, datetime):
        # Excel has no time zones: a stored (UTC) timestamp is written in local time, as the
        # program shows it everywhere else.
        cell = WriteOnlyCell(
            ws, formats.local(value).replace(tzinfo=None) if value.tzinfo else value
        )
        number_format = number_format or formats.excel_datetime_format()
    elif isinstance(value, date):
        cell = WriteOnlyCell(ws, value)
        number_format = number_format or formats.excel_date_format()
    elif isinstance(value, str):
        text = _clean_text(value)
        cell = WriteOnlyCell(ws, text)
        cell.data_type = "s"  # openpyxl would make "=..." a formula; we never do
        if is_formula_like(text):
            cell.quotePrefix = True
        if number_format is None or number_format not in (TEXT_FORMAT,):
            number_format = None  # a number format on text is meaningless
    else:
        cell = WriteOnlyCell(ws, value)
    if number_format and value is not None:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    return cell


def _rebind(cell: Cell, value: Decimal | int | date) -> None:
    """Give a cell ``make_cell`` made for a value of the same type another value: its type
    and number format stay (what ``make_cell`` gives that type), only the value changes, so
    it is set as openpyxl's ``Cell.value`` stores it, without inferring the type again (the
    test of the reused cells compares the sheets byte for byte)."""
    cell._value = excel_number(value) if type(value) is Decimal else value


# Values of these exact types get a number format and no other style from ``make_cell``: a
# column's cell for them is made once and then only given each row's value (``SheetWriter``).
_REBOUND_TYPES = (Decimal, int, date)
_MAX_TEXT = 32_767  # characters of a cell: openpyxl cuts a longer text there


def _values_to_row(ws: WriteOnlyWorksheet) -> Any:
    """openpyxl's conversion of an appended row into cells (``WriteOnlyWorksheet
    ._values_to_row``, 3.1), testing first whether a value is already a cell: openpyxl tries
    to convert it as a value, and only the error that raises (its message formatted with the
    cell's coordinate) tells it that it is one, a cost paid for every formatted cell of a
    sheet (a ledger journal has 500,000). Otherwise the same: given cells are written as they
    are, other values through one cell, a new one after a value that styled it (a date); a
    plain printable text is stored as openpyxl's ``Cell.value`` stores it."""

    def to_row(values: Sequence[Any], row_idx: int) -> Any:
        cell = WriteOnlyCell(ws)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                value.column = col_idx
                value.row = row_idx
                if value.hyperlink is not None:
                    value.hyperlink.ref = value.coordinate
                yield value
                continue
            if (
                type(value) is str
                and len(value) <= _MAX_TEXT
                and value.isprintable()
                and not value.startswith("=")
                and value not in ERROR_CODES
            ):
                # What ``cell.value = value`` stores for such a text (a text cell), without
                # checking it again for characters a printable text cannot hold.
                cell._value = value
                cell.data_type = "s"
            else:
                cell.value = value
            cell.column = col_idx
            cell.row = row_idx
            if cell.hyperlink is not None:
                cell.hyperlink.ref = cell.coordinate
            yield cell
            if cell.has_style or cell.hyperlink:
                cell = WriteOnlyCell(ws)

    return to_row


_ILLEGAL = {c: None for c in range(32) if c not in (9, 10, 13)}


def _clean_text(text: str) -> str:
    """Drop control characters XML cannot hold (they come from pasted data)."""
    return text.translate(_ILLEGAL)


class SheetWriter:
    """Writes one sheet of a streaming workbook: header, rows, then the tail (filter, print).

    ``preamble`` rows (title, period...) are written above the header, which is then frozen and
    filtered at its own row.
    """

    def __init__(
        self,
        wb: Workbook,
        title: str,
        columns: Sequence[Column],
        *,
        print_title: str | None = None,
        preamble: Sequence[Sequence[Any]] = (),
        landscape: bool = True,
        header: bool = True,
    ) -> None:
        self.ws: WriteOnlyWorksheet = wb.create_sheet(title=_sheet_title(title))
        if hasattr(self.ws, "_values_to_row"):  # openpyxl 3.1 (a test compares the output)
            self.ws._values_to_row = _values_to_row(self.ws)
        self.columns = list(columns)
        self.formats = [c.format() for c in self.columns]
        # (column, type) -> the cell make_cell made for the column's first value of that type:
        # openpyxl writes an appended row at once, so the next row's value can reuse it (a
        # number format looked up once per column, not once per cell).
        self._cells: dict[tuple[int, type], Cell] = {}
        self.rows_written = 0
        self.header_row = 0
        self._closed = False
        for index, column in enumerate(self.columns, start=1):
            dimension = self.ws.column_dimensions[get_column_letter(index)]
            dimension.width = column.default_width()
            if column.hidden:
                dimension.hidden = True
        first_header_row = len(preamble) + 1
        if header and self.columns:
            self.ws.freeze_panes = f"A{first_header_row + 1}"
        setup_print(self.ws, print_title or title, landscape=landscape)
        for line in preamble:
            self.append_raw(line)
        if header and self.columns:
            self.header_row = first_header_row
            self.ws.append(
                [
                    make_cell(self.ws, c.header, font=HEADER_FONT, fill=HEADER_FILL, alignment=WRAP)
                    for c in self.columns
                ]
            )
            self.rows_written += 1
            self.ws.print_title_rows = f"{first_header_row}:{first_header_row}"

    @property
    def next_row(self) -> int:
        """The Excel row number the next appended row gets."""
        return self.rows_written + 1

    def append(self, values: Sequence[Any], *, font: Font | None = None) -> int:
        """Write a row of values formatted by the columns; returns its Excel row number."""
        if self.rows_written >= EXCEL_MAX_ROWS:
            raise WorkbookError(
                _(
                    "The sheet '{title}' would exceed Excel's {EXCEL_MAX_ROWS} rows.",
                    title=self.ws.title,
                    EXCEL_MAX_ROWS=format(EXCEL_MAX_ROWS, ","),
                )
            )
        cells: list[Any] = []
        reusable = self._cells
        for index, value in enumerate(values):
            kind = type(value)
            if value is None or (value == "" and font is None):
                # Empty text is a blank cell: openpyxl would write an element holding nothing
                # (``<c t="inlineStr"></c>``), which every reader shows as blank anyway.
                cells.append(None)
            elif (
                font is None
                and kind is str
                and not is_formula_like(value)
                and value.isprintable()
                and value not in ERROR_CODES  # openpyxl would store "#N/A" as an error value
            ):
                cells.append(value)  # plain text: openpyxl's own fast path, nothing to guard
            elif font is None and kind in _REBOUND_TYPES:
                cell = reusable.get((index, kind))
                if cell is None:
                    fmt = self.formats[index] if index < len(self.formats) else None
                    cell = reusable[(index, kind)] = make_cell(self.ws, value, fmt)
                else:
                    _rebind(cell, value)
                cells.append(cell)
            else:
                fmt = self.formats[index] if index < len(self.formats) else None
                cells.append(make_cell(self.ws, value, fmt, font=font))
        self.ws.append(cells)
        self.rows_written += 1
        return self.rows_written

    def append_raw(
        self, values: Sequence[Any], *, font: Font | None = None, alignment: Alignment | None = None
    ) -> int:
        """A row without the columns' formats (titles, notes, labels in a summary)."""
        self.ws.append(
            [
                None if v is None else make_cell(self.ws, v, font=font, alignment=alignment)
                for v in values
            ]
        )
        self.rows_written += 1
        return self.rows_written

    def blank(self) -> int:
        self.ws.append([])
        self.rows_written += 1
        return self.rows_written

    def close(self) -> None:
        """Set the autofilter over the header and every data row written."""
        if self._closed:
            return
        self._closed = True
        if self.header_row and self.columns:
            last = get_column_letter(len(self.columns))
            self.ws.auto_filter.ref = f"A{self.header_row}:{last}{max(self.rows_written, 1)}"


def setup_print(ws: Any, title: str, *, landscape: bool = True) -> None:
    """Landscape, fit to one page wide (as many pages tall as needed), title in the header,
    page N of M in the footer."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4 if hasattr(ws, "PAPERSIZE_A4") else 9
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Narrow margins: fitting a wide sheet to the page width shrinks the print less.
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.gridLines = False
    header_text = title.replace("&", "&&")
    ws.oddHeader.center.text = header_text
    ws.oddHeader.center.font = "Calibri,Bold"
    ws.oddFooter.left.text = "&D &T"
    ws.oddFooter.right.text = "Page &P of &N"


def _sheet_title(title: str) -> str:
    """Excel sheet names: at most 31 characters, none of : \\ / ? * [ ]."""
    cleaned = "".join("_" if c in ":\\/?*[]" else c for c in title).strip("'")
    return cleaned[:31] or "Sheet"


def quote_sheet(title: str) -> str:
    """A sheet name as formulas refer to it ('Premium journal'!A1)."""
    return "'" + title.replace("'", "''") + "'"


def save_workbook(wb: Workbook, path: str | os.PathLike[str]) -> Path:
    """Save atomically: write a temporary file in the same folder, then rename it into place."""
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        discard_workbook(wb)
        raise WorkbookError(_("The folder {folder} does not exist.", folder=folder))
    handle, temp_name = tempfile.mkstemp(prefix=".coop-desk-", suffix=".xlsx", dir=folder)
    os.close(handle)
    try:
        wb.save(temp_name)
        os.replace(temp_name, target)
    except PermissionError as exc:
        _remove(temp_name)
        discard_workbook(wb)
        raise WorkbookError(
            _(
                "Cannot write {target}: permission denied. Is the file open in Excel? Close it and try again.",
                target=target,
            )
        ) from exc
    except OSError as exc:
        _remove(temp_name)
        discard_workbook(wb)
        raise WorkbookError(
            _("Cannot write {target}: {value}", target=target, value=exc.strerror or exc)
        ) from exc
    except BaseException:
        _remove(temp_name)
        raise
    return target


def discard_workbook(wb: Workbook) -> None:
    """Finish and delete the temporary files of a streaming workbook that will not be saved
    (after an error or a Cancel), so nothing is left behind."""
    for ws in wb.worksheets:
        try:
            if not ws.closed:
                ws.close()
        except Exception:  # noqa: BLE001 - best-effort clean-up; the original error matters
            log.debug("could not close a discarded sheet", exc_info=True)
        writer = getattr(ws, "_writer", None)
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            _remove(out)


def _remove(name: str) -> None:
    try:
        os.remove(name)
    except FileNotFoundError:
        return


# The audit trail's head when a workbook was written ("N:HASH", see services/audit/anchors.py),
# kept as custom document properties (Excel: File > Info > Properties > Advanced > Custom), so
# any workbook coop-desk wrote can later prove the trail still holds that head.
TRAIL_HEAD_PROPERTY = "coop-desk audit trail head"
TRAIL_HEAD_AT_PROPERTY = "coop-desk audit trail head taken at (UTC)"
_CUSTOM_PROPS = "docProps/custom.xml"
_CUSTOM_PROPS_MAX = 1 << 20
_PROPS_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


def set_trail_head(wb: Workbook, head: str, taken_at: datetime) -> None:
    """Store the audit trail's head (``N:HASH``) and when it was read in the workbook."""
    for name, value in (
        (TRAIL_HEAD_PROPERTY, head),
        (TRAIL_HEAD_AT_PROPERTY, taken_at.isoformat()),
    ):
        wb.custom_doc_props.append(StringProperty(name=name, value=value))


def read_trail_head(path: str | os.PathLike[str]) -> tuple[str, str] | None:
    """The head and the time stored by ``set_trail_head`` in a workbook, read from its document
    properties alone (the sheets are not parsed); None when it holds none."""
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                info = archive.getinfo(_CUSTOM_PROPS)
            except KeyError:
                return None
            if info.file_size > _CUSTOM_PROPS_MAX:
                return None
            root = ElementTree.fromstring(archive.read(info))
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
        raise WorkbookError(
            _("{path} cannot be read as a workbook: {error}", path=path, error=exc)
        ) from exc
    values = {
        prop.get("name"): "".join(prop.itertext()).strip()
        for prop in root.iter(f"{_PROPS_NS}property")
    }
    head = values.get(TRAIL_HEAD_PROPERTY)
    return (head, values.get(TRAIL_HEAD_AT_PROPERTY, "")) if head else None


def read_first_rows(
    path: str | os.PathLike[str], sheets: set[str], *, rows: int, columns: int
) -> list[tuple[Any, ...]] | None:
    """The first ``rows`` x ``columns`` values of the first of ``sheets`` a workbook holds
    (read by :mod:`coop_desk.exchange.cells`, as openpyxl's ``values_only``); None when the
    file is not a workbook or holds none of them."""
    from coop_desk.exchange.cells import Book

    try:
        wb = Book(path)
    except Exception:  # noqa: BLE001 - an unreadable file simply holds none of them
        return None
    try:
        name = next((name for name in wb.sheetnames if name in sheets), None)
        if name is None:
            return None
        return list(wb[name].values(max_row=rows, max_col=columns))
    finally:
        wb.close()
