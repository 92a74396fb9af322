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

import contextlib
import contextvars
import logging
import os
import pickle
import re
import select
import signal
import struct
import sys
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

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

log = logging.getLogger(__name__)

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
        if max_row is None and _reading_ahead.get() and self._big_enough():
            return _read_ahead(
                lambda: self._placed_here(min_row, max_row, min_col, max_col, shown),
                self._reopened,
            )
        return self._placed_here(min_row, max_row, min_col, max_col, shown)

    def _placed_here(
        self,
        min_row: int | None,
        max_row: int | None,
        min_col: int | None,
        max_col: int | None,
        shown: bool,
    ) -> Iterator[tuple[Any, ...]]:
        """:meth:`_placed`, read in this process."""
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

    def _big_enough(self) -> bool:
        """Whether the sheet's XML is big enough for reading it ahead in a child process to
        gain (see :func:`reading_ahead`)."""
        try:
            size = self.parent._archive.getinfo(self.part).file_size
        except (KeyError, AttributeError):
            return False
        return bool(size >= _READ_AHEAD_BYTES)

    def _reopened(self) -> None:
        """In the child process reading ahead: the workbook read through a file of its own.
        The parent's file handle shares its position with the child's copy of it, so the
        two would move each other's place in the file; ``/proc/self/fd`` opens the same file
        (even if it was renamed or replaced since) at a position of its own."""
        book = self.parent
        handle = book._archive.fp
        if handle is None:  # closed: the parent reads here, and raises what it raises
            raise ValueError(book.path)
        book._archive = zipfile.ZipFile(open(f"/proc/self/fd/{handle.fileno()}", "rb"))

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


# Reading ahead in a child process -------------------------------------------------------

_READ_AHEAD_BYTES = 2_000_000  # a sheet's XML from which it gains: some 2,000 roster rows
_FIRST_BATCH = 100  # rows of the first message: the parent starts parsing early
_BATCH = 500  # rows of each further message
_SILENCE = 60.0  # seconds without a message after which the child is given up
_HEADER = struct.Struct("<I")

_reading_ahead: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "coop_desk_cells_reading_ahead", default=False
)


@contextlib.contextmanager
def reading_ahead() -> Iterator[None]:
    """In the block, a big sheet read to its end (no ``max_row``) is read ahead by a child
    process when it is safe: the child parses the sheet's XML and converts its cells while
    this process handles the rows already received (the roster parser checks each row), so
    the two run on two cores. Measured on a roster of 10,000 members: the read took 0.3 s
    less (0.5 s instead of 0.8 s) with a core free; nothing less when both were busy.

    Only where forking is safe and cheap: on Linux (``fork``: the child starts at once with
    the modules and the workbook already open; on Windows and macOS there is no safe fork,
    and starting a fresh interpreter would cost more than it gains: the rows are read in
    this process) and only from a process running a single thread (a forked copy of a
    threaded process, such as the GUI with its Qt threads, can deadlock on a lock another
    thread held). So it is asked for, not the default: the command line's
    ``members import`` asks for it; the GUI reads in this process. A context variable, so
    a thread started in the block does not inherit it.

    The rows are the same ones, in the same order: the child runs this very reading and
    sends them, pickled, in batches through a pipe. When the child cannot read to the end
    (a damaged sheet, a cell that cannot be converted, a child that died or went silent),
    the rest is read here, from where the child stopped, so that the error raised is the
    one reading here raises. A reader that stops early (enough blank rows, too many rows)
    or is abandoned ends the child, and the child is always waited for: no process is left
    behind."""
    token = _reading_ahead.set(True)
    try:
        yield
    finally:
        _reading_ahead.reset(token)


def _can_fork() -> bool:
    """Linux, and a single thread in this process (counted by the kernel: threads started
    by libraries, Qt's among them, are not all known to ``threading``)."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _read_ahead(
    read: Callable[[], Iterator[tuple[Any, ...]]], reopen: Callable[[], None]
) -> Iterator[tuple[Any, ...]]:
    """The rows ``read()`` gives, read by a child process when one can be started (see
    :func:`reading_ahead`), else here; ``reopen`` prepares the child's own file."""
    if not _can_fork():
        yield from read()
        return
    receive, send = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(receive)
        os.close(send)
        yield from read()
        return
    if pid == 0:  # the child
        os.close(receive)
        _child(read, reopen, send)
    os.close(send)
    log.debug("rows read ahead by child process %d", pid)
    given = 0
    finished = False
    try:
        while True:
            message = _receive(receive)
            if message is None:
                break  # the child stopped early: the rest is read here
            rows, caught, finished = pickle.loads(message)
            for warning in caught:
                _warn_again(warning)
            for row in rows:
                given += 1
                yield row
            if finished:
                return
    finally:
        # Also when the reader stops early or drops the rows: the child is ended (if it
        # has not ended) and waited for.
        os.close(receive)
        if not finished:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    log.debug("child process %d stopped after %d rows: the rest is read here", pid, given)
    rest = read()
    for _given in range(given):
        next(rest)
    yield from rest


def _receive(source: int) -> bytes | None:
    """The child's next message, or ``None`` when it ended or went silent for too long."""
    header = _read_exactly(source, _HEADER.size)
    if header is None:
        return None
    return _read_exactly(source, _HEADER.unpack(header)[0])


def _read_exactly(source: int, size: int) -> bytes | None:
    chunks = []
    while size:
        ready, _w, _x = select.select([source], [], [], _SILENCE)
        if not ready:
            return None
        chunk = os.read(source, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _child(
    read: Callable[[], Iterator[tuple[Any, ...]]], reopen: Callable[[], None], send: int
) -> NoReturn:
    """The child's whole life: read the rows, send them in batches, end without running
    anything of the parent's (``os._exit``: no exit handlers, no buffers of the parent's
    flushed twice, the database connection left alone)."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C: the parent ends the child
        _reading_ahead.set(False)
        reopen()
        with os.fdopen(send, "wb") as out:

            def post(rows: list[tuple[Any, ...]], caught: list[Any], last: bool) -> None:
                data = pickle.dumps((rows, caught, last), pickle.HIGHEST_PROTOCOL)
                out.write(_HEADER.pack(len(data)))
                out.write(data)  # buffered: written whole, even in parts
                out.flush()

            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                batch: list[tuple[Any, ...]] = []
                size = _FIRST_BATCH
                for row in read():
                    batch.append(row)
                    if len(batch) >= size:
                        post(batch, [_warning(w) for w in caught], False)
                        caught.clear()
                        batch = []
                        size = _BATCH
                post(batch, [_warning(w) for w in caught], True)
        code = 0
    finally:
        # Whatever happened (an error is dropped with the process: the parent reads the
        # rest and raises it), the child ends here.
        os._exit(code)


def _warning(caught: warnings.WarningMessage) -> tuple[str, type[Warning], str, int]:
    return (str(caught.message), caught.category, caught.filename, caught.lineno)


def _warn_again(warning: tuple[str, type[Warning], str, int]) -> None:
    """A warning the child caught, given here as reading here gives it."""
    text, category, filename, lineno = warning
    warnings.warn_explicit(
        text,
        category,
        filename,
        lineno,
        module=__name__,
        registry=globals().setdefault("__warningregistry__", {}),
    )


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
