"""Reading a workbook's cells: the one reading path of every importer (the member roster, its
Plots sheet, the Premium cash book). No Qt, no database.

The model. :class:`Book` opens an xlsx file as openpyxl does in read-only mode, with openpyxl's
own readers for what is small and read once: the package manifest, the sheet list (names,
hidden or not, the parts they live in), the 1904 date flag and the styles (which style is a
date, a duration, which number format it has). A :class:`Sheet`'s rows are then read from its
XML part by lxml, one ``<row>`` at a time (each row is dropped once read, so a sheet of
100,000 rows does not stay in memory), instead of openpyxl's Python-level parsing of every
cell into an object (which was most of the time of a roster's import). The values are exactly
those openpyxl's read-only ``iter_rows`` gives after ``reset_dimensions()`` — a test reads
every workbook the test suite has or builds both ways — because the conversions are
openpyxl's: numbers as ``openpyxl.worksheet._reader._cast_number``, dates by the style's
number format (``is_date_format``, the workbook's epoch, ``from_excel``), ISO dates
(``from_ISO8601``), formulas (``WorkSheetParser.parse_formula``: shared formulas translated,
array and data-table formulas as its objects), rich and phonetic text (``Text``), a cell's
number format (``ReadOnlyCell.number_format``). Only the common shapes are read directly
(a ``<v>``, an inline string of one ``<t>``, a shared string of one ``<t>``); anything else
goes through those openpyxl functions. Rows and columns are placed as openpyxl places them:
a row missing from the file is an empty row, a gap in a row is ``None``, a cell without a
reference follows the one before it, ``min_row``/``max_row``/``min_col``/``max_col`` as in
``iter_rows``.

What differs from openpyxl: a sheet's ``<dimension>`` is never read nor trusted (openpyxl
reads a whole sheet at open when a file has none, and returns column A only when a program
wrote ``<dimension ref="A1"/>``); a chart sheet has no rows (openpyxl's read-only sheet list
holds a chart object that has no rows to read); parts of a sheet other than its cells (views,
conditional formats, extensions) are not parsed; entities declared in a DTD, which Excel never
writes, are not expanded.

Two readings of a row: :meth:`Sheet.rows` gives the values as the user sees them (what
``sheets.sheet_rows`` hands the importers): formula cells as :class:`FormulaText` (the formula
text), error values as :class:`ExcelError`, whole numbers under an all-zeros number format
("0000") as that text ("0042"); :meth:`Sheet.values` gives openpyxl's ``values_only`` values
(a book opened with ``data_only=True`` gives the results Excel saved for formulas).
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import WorkSheetParser, _cast_number
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS

from coop_desk.i18n import _

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_STRING = f"{{{SHEET_MAIN_NS}}}si"

# Column letters by number (1 -> "A", up to openpyxl's last, "ZZZ"), for the usual cell
# reference "B7" read without parsing it.
_LETTERS = ["", *(get_column_letter(i) for i in range(1, 18279))]
_SEEN_MOST = 50_000  # converted numbers remembered per style (repeated dates, areas, codes)

_ZEROS = re.compile(r"^0{2,}$")


class FormulaText(str):
    """A formula cell's text (``=SUM(H5:H64)``), told apart from text that merely starts with
    ``=`` (a name written as text, as our own exports write it)."""


class ExcelError(str):
    """An error value shown in a cell (#N/A, #REF!, #VALUE!...)."""


def _xml(source: IO[bytes], tag: str) -> Any:
    """The ``tag`` elements of ``source`` as each ends; no comment, processing instruction,
    network access or entity declared in a DTD."""
    return etree.iterparse(
        source,
        tag=tag,
        remove_comments=True,
        remove_pis=True,
        resolve_entities=False,
        no_network=True,
    )


def _forget(element: Any) -> None:
    """Drop ``element``'s content and the elements before it (rows or texts already read)."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _text(node: Any) -> str:
    """The text of a shared or inline string as openpyxl reads it (``Text.content``: its
    ``<t>`` and rich-text runs, not the phonetic ``<rPh>`` runs)."""
    if len(node) == 1:
        only = node[0]
        if only.tag == _TEXT:
            return only.text or ""
    return str(Text.from_tree(node).content)


def _row_number(text: str) -> int:
    """A row's ``r`` as openpyxl reads it ("7", also "7.0")."""
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if number.is_integer():
            return int(number)
        raise ValueError(_("{text} is not a valid row number", text=text)) from None


class Book:
    """A workbook opened for reading its cells (read-only, streaming). Raises what openpyxl
    raises for a file it cannot open (``sheets.open_workbook`` puts it in words)."""

    def __init__(self, path: str | os.PathLike[str], *, data_only: bool = False) -> None:
        reader = ExcelReader(path, read_only=True, data_only=data_only)
        self.path = Path(path)
        self._archive = reader.archive
        try:
            with warnings.catch_warnings():
                # "Workbook contains no default style", invalid sheet entries: not the
                # user's concern, the data is read all the same.
                warnings.simplefilter("ignore", UserWarning)
                reader.read_manifest()
                reader.read_workbook()
                apply_stylesheet(reader.archive, reader.wb)
                found = list(reader.parser.find_sheets())
            self.data_only = data_only
            self.workbook = reader.wb  # styles, number formats, epoch (openpyxl's)
            self.epoch = reader.wb.epoch
            self.shared_strings = self._strings(reader)
            names = set(reader.valid_files)
            self._sheets = {
                sheet.name: Sheet(
                    self, sheet.name, rel.target, sheet.state, "chartsheet" in rel.Type
                )
                for sheet, rel in found
                if rel.target in names
            }
        except BaseException:
            self._archive.close()
            raise

    def _strings(self, reader: ExcelReader) -> list[str]:
        """The shared strings, as openpyxl's ``read_string_table`` reads them."""
        part = reader.package.find(SHARED_STRINGS)
        if part is None:
            return []
        strings = []
        with self._archive.open(part.PartName[1:]) as source:
            for _event, node in _xml(source, _STRING):
                strings.append(_text(node).replace("x005F_", ""))
                _forget(node)
        return strings

    @property
    def sheetnames(self) -> list[str]:
        return list(self._sheets)

    def __getitem__(self, name: str) -> Sheet:
        try:
            return self._sheets[name]
        except KeyError:
            raise KeyError(f"Worksheet {name} does not exist.") from None

    def __contains__(self, name: object) -> bool:
        return name in self._sheets

    def close(self) -> None:
        self._archive.close()

    def open(self, part: str) -> IO[bytes]:
        return self._archive.open(part)


class Sheet:
    """A sheet of a :class:`Book`: its rows, read from its XML part each time they are asked
    for."""

    max_row = None  # unknown until read: the file's <dimension> is not trusted

    def __init__(self, book: Book, title: str, part: str, state: str, chart: bool) -> None:
        self.parent = book
        self.title = title
        self.part = part
        self.sheet_state = state
        self.chart = chart

    def __repr__(self) -> str:
        return f"<Sheet {self.title!r}>"

    def open(self) -> IO[bytes]:
        """The sheet's XML part, to read (and close)."""
        return self.parent.open(self.part)

    def rows(
        self,
        min_row: int | None = None,
        max_row: int | None = None,
        min_col: int | None = None,
        max_col: int | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Row value tuples as the user sees the cells (see the module's docstring)."""
        return self._placed(min_row, max_row, min_col, max_col, shown=True)

    def values(
        self,
        min_row: int | None = None,
        max_row: int | None = None,
        min_col: int | None = None,
        max_col: int | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Row value tuples as openpyxl's ``iter_rows(values_only=True)`` gives them."""
        return self._placed(min_row, max_row, min_col, max_col, shown=False)

    def _placed(
        self,
        min_row: int | None,
        max_row: int | None,
        min_col: int | None,
        max_col: int | None,
        *,
        shown: bool,
    ) -> Iterator[tuple[Any, ...]]:
        """Rows where openpyxl's read-only ``_cells_by_row`` and ``_get_row`` put them: the
        rows the file leaves out as empty rows, up to ``max_row`` when it is given; each row
        as wide as its last cell, or ``max_col``."""
        first_col = min_col or 1
        first_row = min_row or 1
        last_row = max_row or None
        last_col = max_col or None
        empty: tuple[Any, ...] = () if last_col is None else (None,) * (last_col + 1 - first_col)
        counter = first_row
        number = 1
        for number, values, columns in self._cells(shown):
            if last_row is not None and number > last_row:
                break
            while counter < number:
                counter += 1
                yield empty
            if counter <= number:
                counter += 1
                yield _row(values, columns, first_col, last_col)
        if last_row is not None and last_row < number:
            for _missing in range(counter, last_row + 1):
                yield empty

    def _cells(self, shown: bool) -> Iterator[tuple[int, list[Any], list[int] | None]]:
        """(row number, values, columns) of each row in the file: ``columns`` is ``None``
        when the values fill columns 1, 2, 3... (nearly every row), else each value's
        column."""
        if self.chart:
            return
        book = self.parent
        data_only = book.data_only
        strings = book.shared_strings
        formulas = WorkSheetParser(None, strings, data_only=data_only, epoch=book.epoch)
        numbers = _Numbers(book, shown)
        seen = numbers.seen
        letters = _LETTERS
        value_tag, inline_tag, text_tag = _VALUE, _INLINE, _TEXT
        number = 0
        with self.open() as source:
            for _event, row in _xml(source, _ROW):
                ref = row.get("r")
                number = number + 1 if ref is None else _row_number(ref)
                suffix = str(number)
                column = 0
                values: list[Any] = []
                append = values.append
                columns: list[int] | None = None
                for cell in row:
                    ref = cell.get("r")
                    if not ref:
                        column += 1
                    elif column < 18278 and ref == letters[column + 1] + suffix:
                        column += 1  # the usual "B7" after "A7"
                    else:
                        column = coordinate_to_tuple(ref)[1]
                    kind = cell.get("t")
                    size = len(cell)
                    value: Any = None
                    if size == 1:
                        child = cell[0]
                        tag = child.tag
                        if tag == value_tag:
                            text = child.text
                            if not text:
                                pass
                            elif kind is None or kind == "n":
                                style = cell.get("s")
                                known = seen.get(style)
                                if known is None or (value := known.get(text)) is None:
                                    value = numbers.read(text, style)
                            elif kind == "s":
                                value = strings[int(text)]
                            elif kind == "inlineStr":
                                pass  # openpyxl reads an inline string's <is> only
                            elif kind == "b":
                                value = bool(int(text))
                            elif kind == "e":
                                value = ExcelError(text) if shown else text
                            elif kind == "d":
                                value = from_ISO8601(text)
                            else:  # "str" (a formula's text result), or a kind unknown
                                value = text
                        elif tag == inline_tag and kind == "inlineStr":
                            if len(child) == 1 and (only := child[0]).tag == text_tag:
                                value = only.text or ""
                            else:
                                value = _text(child)
                        else:
                            value = _cell(cell, formulas, numbers, shown)
                    elif size:
                        value = _cell(cell, formulas, numbers, shown)
                    if columns is None:
                        if column == len(values) + 1:
                            append(value)
                            continue
                        columns = list(range(1, len(values) + 1))
                    append(value)
                    columns.append(column)
                yield number, values, columns
                _forget(row)


def _row(
    values: list[Any], columns: list[int] | None, first: int, last: int | None
) -> tuple[Any, ...]:
    """A row's values placed in its columns ``first`` to ``last`` (``None``: its last
    cell's), as openpyxl's ``ReadOnlyWorksheet._get_row`` places them."""
    if not values and not last:
        return ()
    if columns is None and first == 1 and (last is None or last > 0):
        if last is None or last == len(values):
            return tuple(values)
        if last < len(values):
            return tuple(values[:last])
        return (*values, *(None,) * (last - len(values)))
    places = columns if columns is not None else range(1, len(values) + 1)
    end = last or places[-1]
    placed: list[Any] = [None] * (end + 1 - first)
    for column, value in zip(places, values, strict=True):
        if first <= column <= end:
            placed[column - first] = value
    return tuple(placed)


def _cell(cell: Any, formulas: WorkSheetParser, numbers: _Numbers, shown: bool) -> Any:
    """A cell of any other shape, read as openpyxl's ``WorkSheetParser.parse_cell``: a
    formula (unless the book gives saved results), a ``<v>`` beside other elements, an
    inline string of rich text."""
    kind = cell.get("t", "n")
    text = None if kind == "inlineStr" else (cell.findtext(_VALUE, None) or None)
    if not formulas.data_only and cell.find(_FORMULA) is not None:
        formula = formulas.parse_formula(cell)
        if shown and isinstance(formula, ArrayFormula):
            # An array formula ({=A3:A4*2}) is a formula like any other to the importers:
            # its saved result is what the user sees.
            formula = formula.text
        return FormulaText(formula) if shown and isinstance(formula, str) else formula
    if text is not None:
        if kind == "n":
            return numbers.read(text, cell.get("s"))
        if kind == "s":
            return formulas.shared_strings[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "e":
            return ExcelError(text) if shown else text
        if kind == "d":
            return from_ISO8601(text)
        return text
    if kind == "inlineStr":
        child = cell.find(_INLINE)
        if child is not None:
            return _text(child)
    return None


class _Numbers:
    """Numbers read by their cell's style, as openpyxl reads them: a date or a duration when
    the style's number format is one, else an int or a float; as the user sees them
    (``shown``), a whole number under an all-zeros format ("0000") is that text ("0042").
    Each style remembers what it read (dates and amounts repeat down a sheet)."""

    def __init__(self, book: Book, shown: bool) -> None:
        self.book = book
        self.shown = shown
        self.seen: dict[str | None, dict[str, Any]] = {}
        self.styles: dict[str | None, tuple[int, bool, bool]] = {}
        self.zeros: dict[int, int] = {}

    def read(self, text: str, style: str | None) -> Any:
        seen = self.seen.get(style)
        if seen is None:
            seen = self.seen[style] = {}
        else:
            value = seen.get(text)
            if value is not None:
                return value
        value = self._convert(text, style)
        if len(seen) < _SEEN_MOST:
            seen[text] = value
        return value

    def _style(self, style: str | None) -> tuple[int, bool, bool]:
        found = self.styles.get(style)
        if found is None:
            style_id = int(style) if style else 0
            workbook = self.book.workbook
            found = (
                style_id,
                style_id in workbook._date_formats,
                style_id in workbook._timedelta_formats,
            )
            self.styles[style] = found
        return found

    def _convert(self, text: str, style: str | None) -> Any:
        value = _cast_number(text)
        style_id, is_date, is_duration = self._style(style)
        if is_date:
            try:
                return from_excel(value, self.book.epoch, timedelta=is_duration)
            except (OverflowError, ValueError):
                warnings.warn(
                    f"A cell is marked as a date but the serial value {value} is outside the "
                    "limits for dates. The cell will be treated as an error.",
                    stacklevel=2,
                )
                return ExcelError("#VALUE!") if self.shown else "#VALUE!"
        if self.shown and float(value).is_integer():
            width = self.zeros.get(style_id)
            if width is None:
                width = self.zeros[style_id] = self._zeros_width(style_id)
            if width:
                # A code or DNI shown with leading zeros by its number format (0042).
                return str(int(value)).zfill(width)
        return value

    def _zeros_width(self, style_id: int) -> int:
        """The width of the style's number format when it is all zeros ("0000"), else 0."""
        cell = ReadOnlyCell(self, 0, 0, None, "n", style_id)
        number_format = cell.number_format or ""
        return len(number_format) if _ZEROS.match(number_format) else 0

    @property
    def parent(self) -> Any:
        """The workbook of the styles, for ``ReadOnlyCell.number_format``."""
        return self.book.workbook
