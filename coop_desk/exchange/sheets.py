"""Reading spreadsheets people keep by hand: the generic part of every importer. No Qt, no
database.

The model. A workbook is a set of sheets; on a sheet, a *header row* names the columns somewhere
in the first :data:`HEADER_SCAN_ROWS` rows (below titles, logos, the cooperative's name), and
the data rows follow it. An importer (the member roster, the Premium cash book) brings its own
vocabulary as a :data:`HeaderMatch` (header text -> field, exact or "starts with"); this module
finds the header with it and hands the importer its rows as plain value tuples. What it copes
with, for every importer alike:

- files that are not readable xlsx (xls, xlsb, ods, csv, password-protected, damaged, empty)
  are refused with what they are and what to do (:func:`open_workbook`);
- headers in any order, case, accents, spacing, punctuation and units (:func:`header_key`),
  written over one row or two (a title merged above sub-titles: "Área (ha)" over "Total" |
  "Café");
- cells merged down over several rows (a caserío or a date written once for several rows) give
  their value to each row they cover (:func:`fill_merged_down`), as the user sees them;
- title rows (:func:`title_text`), the header row repeated lower down
  (:func:`is_repeated_header`) and totals rows (:func:`is_totals_row`) are told apart from data;
- several sheets: :func:`sheets_to_read` gives the one asked for, else every visible one;
- cell values as the user sees them: formula cells come as :class:`FormulaText` (their saved
  results are read with :func:`saved_values`), error values as :class:`ExcelError`, numbers
  shown with leading zeros ("0042") as that text (:func:`sheet_rows`).

Rows skipped while reading are kept as :class:`SkippedRow` and summarised for people by
:func:`summarise_skipped`. Cells are read by :mod:`coop_desk.exchange.cells` (lxml, one row
at a time, openpyxl's conversions; the one reading path of every importer), so a sheet of
100,000 rows does not need the whole file in memory.
"""

from __future__ import annotations

import functools
import gc
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import unescape

from openpyxl.utils import column_index_from_string, get_column_letter

from coop_desk.domain import limits
from coop_desk.domain.text import fold
from coop_desk.exchange import values as v
from coop_desk.exchange.cells import Book, FormulaText, Sheet
from coop_desk.exchange.cells import ExcelError as ExcelError
from coop_desk.exchange.xlsx import WorkbookError
from coop_desk.i18n import _, formats

# Header text -> (field key, exact): exact matches win over "starts with" ones.
HeaderMatch = Callable[[object], tuple[str, bool] | None]

HEADER_SCAN_ROWS = 40  # the header row must be within the first rows of the sheet
BLANK_RUN_STOP = 1000  # stop reading after this many blank rows in a row (formatted tails)


# --- header text ---------------------------------------------------------------------------------


_STOPWORDS = {
    "de",
    "del",
    "la",
    "las",
    "el",
    "los",
    "y",
    "e",
    "en",
    "of",
    "the",
    "and",
    "nro",
    "num",
    "numero",
    "number",
    "no",
    "n",
    "o",
    "ha",
    "has",
    "m",
    "msnm",
    "m s n m",
}


_UNITS = re.compile(r"\((?:[^)]*)\)")
_INITIALS = re.compile(r"\b(\w)\.(?=\w\b)")
_WORDS = re.compile(r"[a-z0-9]+")


def header_key(text: object) -> str:
    """``"Área café (ha)"`` -> ``"areacafe"``; ``"N° de D.N.I."`` -> ``"dni"``."""
    folded = fold(None if text is None else str(text))
    folded = folded.replace("n°", "n ").replace("nº", "n ").replace("#", " ")
    without_units = _UNITS.sub(" ", folded)
    # "D.N.I." -> "dni": dots between single letters join them.
    without_units = _INITIALS.sub(r"\1", without_units)
    words = _WORDS.findall(without_units)
    kept = [w for w in words if w not in _STOPWORDS]
    return "".join(kept or words)


@functools.lru_cache(maxsize=512)
def _title_key(title: str) -> str:
    """``header_key`` of a column's title, computed once per title (it is compared with
    every row of the sheet)."""
    return header_key(title)


# --- columns and skipped rows --------------------------------------------------------------------


@dataclass(frozen=True)
class SourceColumn:
    index: int  # 0-based position in the row
    letter: str  # Excel column letter
    header: str  # as written in the file
    field: str | None  # recognised or mapped field key; None = not imported
    samples: tuple[str, ...] = ()

    def describe(self) -> str:
        return f"{self.letter} ({self.header})" if self.header else self.letter


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str
    sheet: str = ""  # set when several sheets were read

    def describe(self) -> str:
        where = f"{self.sheet}!" if self.sheet else ""
        return _("row {where}{row}: {reason}", where=where, row=self.row, reason=self.reason)


def summarise_skipped(skipped: Sequence[SkippedRow], limit: int = 50) -> list[str]:
    """Skipped rows for people: runs of rows skipped for the same reason become one line
    ("rows 65-200: no member on this row")."""
    lines: list[str] = []
    run: list[SkippedRow] = []

    def kind(s: SkippedRow) -> tuple[str, str]:
        return (s.sheet, s.reason.split(" (", 1)[0])

    def flush() -> None:
        if not run:
            return
        where = f"{run[0].sheet}!" if run[0].sheet else ""
        if len(run) == 1:
            lines.append(run[0].describe())
        else:
            lines.append(
                _(
                    "rows {where}{row}-{row2}: {kind}",
                    where=where,
                    row=run[0].row,
                    row2=run[-1].row,
                    kind=kind(run[0])[1],
                )
            )
        run.clear()

    for item in skipped:
        if run and (kind(item) != kind(run[-1]) or item.row > run[-1].row + 1 + 1000):
            flush()
        run.append(item)
    flush()
    if len(lines) > limit:
        lines = [*lines[:limit], _("… and {value} more", value=len(lines) - limit)]
    return lines


# --- opening workbooks ---------------------------------------------------------------------------


_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


@contextmanager
def reading_to_the_end(target: Path, *workbooks: Any) -> Iterator[None]:
    """Read ``workbooks`` (opened from ``target``) in the block, then close them. A damaged
    part fails only while its rows stream: whatever it raises becomes a ``WorkbookError`` that
    names the file, for every importer alike."""
    try:
        yield
    except WorkbookError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged part fails while streaming
        raise WorkbookError(
            _(
                "{target_name} could not be read to the end ({name}: {exc}). If it opens in Excel, save it again under a new name.",
                target_name=target.name,
                name=type(exc).__name__,
                exc=exc,
            )
        ) from exc
    finally:
        for wb in workbooks:
            wb.close()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a workbook is read, and resumed after
    (as it was: a caller that paused it keeps it paused).

    Reading a roster makes hundreds of thousands of small objects (cells, row tuples, values,
    rows read) and keeps a row's worth of them per row: each time enough are made, the
    collector looks through everything alive for reference cycles, the whole program's
    objects included, and finds none (rows, values and problems hold no cycles). Measured on
    10,000 rows: a sixth of the reading time. Memory is not held longer: objects are freed
    by reference counting as always; a cycle made meanwhile is collected after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def open_workbook(path: str | Path, *, data_only: bool = False) -> Book:
    """Open ``path`` for reading its cells (:class:`~coop_desk.exchange.cells.Book`); a file
    that is not a readable xlsx raises ``WorkbookError`` with what it is and what to do.
    ``data_only``: formula cells give the results Excel saved."""
    target = Path(path)
    name = target.name
    if not target.exists():
        raise WorkbookError(_("The file {target} does not exist.", target=target))
    if target.is_dir():
        raise WorkbookError(_("{target} is a folder, not an Excel file.", target=target))
    try:
        with target.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise WorkbookError(
            _("Cannot read {name}: {value}", name=name, value=exc.strerror or exc)
        ) from exc
    if not head:
        raise WorkbookError(
            _("{name} is an empty file (0 bytes), not an Excel workbook.", name=name)
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if _is_encrypted(target):
            raise WorkbookError(
                _(
                    "{name} is protected with a password. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save it and import it again.",
                    name=name,
                )
            )
        raise WorkbookError(
            _(
                "{name} is an old Excel 97-2003 (.xls) file. Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx), then import that file.",
                name=name,
            )
        )
    if not head.startswith(b"PK"):
        text_like = _looks_like_text(target)
        hint = (
            _(" It looks like a text, CSV or web page file: open it in Excel and save it as .xlsx.")
            if text_like
            else ""
        )
        raise WorkbookError(
            _("{name} is not an Excel workbook (.xlsx).{hint}", name=name, hint=hint)
        )
    try:
        with zipfile.ZipFile(target) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                if "xl/workbook.bin" in names:
                    raise WorkbookError(
                        _(
                            "{name} is an Excel binary workbook (.xlsb). Open it in Excel and save it as an Excel Workbook (.xlsx), then import that file.",
                            name=name,
                        )
                    )
                if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
                    raise WorkbookError(
                        _(
                            "{name} is a LibreOffice/OpenDocument spreadsheet (.ods). Save it as Excel 2007-365 (.xlsx) and import that file.",
                            name=name,
                        )
                    )
                raise WorkbookError(
                    _(
                        "{name} is a zip file but not an Excel workbook (no workbook inside).",
                        name=name,
                    )
                )
    except zipfile.BadZipFile as exc:
        raise WorkbookError(
            _(
                "{name} is damaged and cannot be read (it is not a complete .xlsx file: {exc}). If it opens in Excel, save it again under a new name.",
                name=name,
                exc=exc,
            )
        ) from exc
    check_workbook(target)
    try:
        return Book(target, data_only=data_only)
    except Exception as exc:  # noqa: BLE001 - any failure of a foreign file is put in words
        raise WorkbookError(
            _(
                "{name} is damaged and cannot be read ({name2}: {exc}). If it opens in Excel, save it again under a new name.",
                name=name,
                name2=type(exc).__name__,
                exc=exc,
            )
        ) from exc


# --- what a workbook may hold, checked before it is parsed ---------------------------------------

_ROW_START = re.compile(rb"<(?:\w+:)?row[\s>/]")
_HOLDS_VALUE = re.compile(rb"<(?:\w+:)?(?:v|t|f)[\s>]")  # a value, a text, a formula
_TEXT_START = re.compile(rb"<(?:\w+:)?si[\s>/]")
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\s[^>]*>")
_RELATIONSHIP_TAG = re.compile(rb"<(?:\w+:)?Relationship\s[^>]*>")
_CHUNK = 1 << 20
_checked: dict[tuple[str, int, int], None] = {}


def _mb(size: int) -> str:
    if size < limits.MEGABYTE:
        return _("{max} KB", max=format(max(1, round(size / 1024)), ","))
    return _("{value} MB", value=format(size / limits.MEGABYTE, ",.0f"))


def check_workbook(path: Path) -> None:
    """Refuse, before a cell is parsed, a workbook beyond the limits of ``domain.limits``: too
    large a file, too much data once unpacked, too much shared text or one text too long, too
    many rows on a sheet (counted in one streaming pass that stops at the limit) or one row too
    long. Each refusal says which limit and what to do; all of it takes seconds, whatever the
    file holds.

    A file already checked (same path, size and time) is not read again."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _checked:
        return
    name = path.name
    if stat.st_size > limits.MAX_WORKBOOK_BYTES:
        raise WorkbookError(
            _(
                "{name} is {mb}; coop-desk imports workbooks of up to {mb2}. Copy the sheet to import into a new workbook, or split it into several files.",
                name=name,
                mb=_mb(stat.st_size),
                mb2=_mb(limits.MAX_WORKBOOK_BYTES),
            )
        )
    try:
        with zipfile.ZipFile(path) as archive:
            _check_parts(archive, name)
    except zipfile.BadZipFile as exc:
        raise WorkbookError(
            _(
                "{name} is damaged and cannot be read ({exc}). If it opens in Excel, save it again under a new name.",
                name=name,
                exc=exc,
            )
        ) from exc
    _checked[key] = None


def _check_parts(archive: zipfile.ZipFile, name: str) -> None:
    parts = archive.infolist()
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limits.MAX_UNPACKED_BYTES:
        raise WorkbookError(
            _(
                "{name} unpacks to {mb} of data, more than the {mb2} coop-desk reads from one workbook (a roster of 100,000 members unpacks to less than 100 MB). Copy the sheet to import into a new workbook, or split it into several files.",
                name=name,
                mb=_mb(unpacked),
                mb2=_mb(limits.MAX_UNPACKED_BYTES),
            )
        )
    for part in parts:
        if part.filename.lower() == "xl/sharedstrings.xml":
            if part.file_size > limits.MAX_SHARED_TEXT_BYTES:
                raise WorkbookError(
                    _(
                        "{name} holds {mb} of text in its cells, more than the {mb2} coop-desk reads from one workbook. Copy the sheet to import into a new workbook, or split it into several files.",
                        name=name,
                        mb=_mb(part.file_size),
                        mb2=_mb(limits.MAX_SHARED_TEXT_BYTES),
                    )
                )
            _scan_texts(archive, part, name)
    sheet_names = _sheet_names(archive)
    for part in parts:
        if part.filename.lower().startswith("xl/worksheets/") and part.filename.endswith(".xml"):
            label = sheet_names.get(part.filename)
            where = (
                _("The sheet '{label}' of {name}", label=label, name=name)
                if label
                else _("A sheet of {name}", name=name)
            )
            _scan_rows(archive, part, where)


def _scan_texts(archive: zipfile.ZipFile, part: zipfile.ZipInfo, name: str) -> None:
    """Every shared text within :data:`limits.MAX_CELL_TEXT_BYTES`, in one streaming pass."""

    def too_long() -> WorkbookError:
        return WorkbookError(
            _(
                "{name} has a cell holding more than {mb} of text (Excel itself allows 32,767 characters in a cell): it was not written by Excel and is not imported.",
                name=name,
                mb=_mb(limits.MAX_CELL_TEXT_BYTES),
            )
        )

    for segment in _segments(archive, part, _TEXT_START, limits.MAX_CELL_TEXT_BYTES, too_long):
        del segment


def _scan_rows(archive: zipfile.ZipFile, part: zipfile.ZipInfo, where: str) -> None:
    """The rows holding a value, counted up to :data:`limits.MAX_SHEET_ROWS` in one streaming
    pass; a formatted but empty row (a border drawn to the end of the sheet) does not count."""

    def too_long() -> WorkbookError:
        return WorkbookError(
            _(
                "{where} has a row of more than {mb}: it was not written by Excel and is not imported.",
                where=where,
                mb=_mb(limits.MAX_ROW_BYTES),
            )
        )

    rows = 0
    for segment in _segments(archive, part, _ROW_START, limits.MAX_ROW_BYTES, too_long):
        if _HOLDS_VALUE.search(segment):
            rows += 1
            if rows > limits.MAX_SHEET_ROWS:
                raise WorkbookError(
                    _(
                        "{where} has more than {MAX_SHEET_ROWS} rows; coop-desk imports up to {MAX_SHEET_ROWS} rows per sheet. Split it into smaller files.",
                        where=where,
                        MAX_SHEET_ROWS=format(limits.MAX_SHEET_ROWS, ","),
                    )
                )


def _segments(
    archive: zipfile.ZipFile,
    part: zipfile.ZipInfo,
    start: re.Pattern[bytes],
    most: int,
    too_long: Callable[[], WorkbookError],
) -> Iterable[bytes]:
    """The pieces of ``part`` that begin where ``start`` matches (a row, a text), unpacked
    chunk by chunk; a piece longer than ``most`` bytes raises ``too_long()``. What comes
    before the first piece is not given."""
    pending = b""
    started = False  # whether ``pending`` begins with a piece
    with archive.open(part) as handle:
        while True:
            chunk = handle.read(_CHUNK)
            data = pending + chunk
            starts = [m.start() for m in start.finditer(data, 1 if started else 0)]
            if started:
                starts.insert(0, 0)
            # Every piece but the last is whole; the last too at the end of the part.
            ends = starts[1:] if chunk else [*starts[1:], len(data)]
            for begin, end in zip(starts, ends, strict=False):
                if end - begin > most:
                    raise too_long()
                yield data[begin:end]
            if not chunk:
                return
            if starts:
                pending, started = data[starts[-1] :], True
            else:
                pending = data[-256:]  # before the first piece: keep a tag cut in two
            if len(pending) > most:
                raise too_long()


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part -> sheet name, read from the workbook's small index parts."""
    try:
        book = _small_part(archive, "xl/workbook.xml")
        rels = _small_part(archive, "xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for tag in _RELATIONSHIP_TAG.findall(rels):
        rel_id, target = _attribute(tag, b"Id"), _attribute(tag, b"Target")
        if rel_id and target:
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[rel_id] = path
    names = {}
    for tag in _SHEET_TAG.findall(book):
        sheet, rel_id = _attribute(tag, b"name"), _attribute(tag, b"r:id")
        if sheet and rel_id in targets:
            names[targets[rel_id]] = sheet
    return names


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > limits.MEGABYTE:
        return b""
    return archive.read(info)


def _attribute(tag: bytes, attribute: bytes) -> str:
    match = re.search(rb"\s" + re.escape(attribute) + rb'\s*=\s*"([^"]*)"', tag)
    return unescape(match.group(1).decode("utf-8", "replace")) if match else ""


def _looks_like_text(path: Path) -> bool:
    """A CSV, text or web page file, in UTF-8 or Latin-1 ("Código;Apellidos")."""
    with path.open("rb") as handle:
        head = handle.read(512)
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = head[: exc.start].decode("utf-8") if exc.start > len(head) - 4 else ""
        text = text or head.decode("latin-1")
    return all(c.isprintable() or c in "\t\r\n" for c in text.lstrip("\ufeff"))


def _is_encrypted(path: Path) -> bool:
    """Password-protected xlsx files are OLE containers holding an EncryptedPackage stream."""
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            if _ENCRYPTED_MARK in chunk:
                return True
    return False


# --- reading cells and rows ----------------------------------------------------------------------


def cell_text(value: object) -> str:
    return "" if isinstance(value, FormulaText) else v.read_text(value)


def sheet_rows(ws: Sheet, **kwargs: Any) -> Iterator[tuple[Any, ...]]:
    """Row value tuples as the user sees the cells: formula cells are :class:`FormulaText`,
    error values :class:`ExcelError`, numbers shown with leading zeros that text
    (:meth:`Sheet.rows <coop_desk.exchange.cells.Sheet.rows>`; ``min_row``, ``max_row``,
    ``min_col``, ``max_col`` as openpyxl's ``iter_rows``). Every cell is read, whatever size
    the file claims (some programs write a wrong ``<dimension ref="A1"/>``)."""
    return ws.rows(**kwargs)


def sheet_values(ws: Sheet, **kwargs: Any) -> Iterator[tuple[Any, ...]]:
    """Row value tuples as openpyxl's ``iter_rows(values_only=True)`` gives them; in a
    workbook opened with ``data_only``, formula cells give the results Excel saved."""
    return ws.values(**kwargs)


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _vertical_merges(ws: Sheet, first_row: int) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row), 0-based columns, of the merged ranges spanning
    several rows from ``first_row`` on. The rows are read without them, so the sheet's XML is
    scanned for them (they sit at its end)."""
    found = []
    tail = b""
    with ws.open() as handle:
        while chunk := handle.read(1 << 20):
            data = tail + chunk
            if b"mergeCell" not in data:
                tail = data[-200:]
                continue  # most of a sheet: cells, found without the pattern
            for match in _MERGE_REF.finditer(data):
                c1, r1, c2, r2 = match.groups()
                if int(r2) > int(r1) and int(r1) >= first_row:
                    found.append(
                        (
                            column_index_from_string(c1.decode()) - 1,
                            int(r1),
                            column_index_from_string(c2.decode()) - 1,
                            int(r2),
                        )
                    )
            tail = data[-200:]
    return sorted(set(found), key=lambda m: m[1])


def fill_merged_down(
    ws: Sheet, rows: Iterable[tuple[Any, ...]], first_row: int
) -> Iterator[tuple[Any, ...]]:
    """Rows where a cell merged over several rows (a caserío written once for its members)
    gives its value to every row it covers, as the user sees it in Excel."""
    merges = _vertical_merges(ws, first_row)
    if not merges:
        yield from rows
        return
    active: list[tuple[int, int, int, Any]] = []  # (min_col, max_col, max_row, value)
    pending = list(merges)
    for number, cells in enumerate(rows, start=first_row):
        active = [a for a in active if a[2] >= number]
        while pending and pending[0][1] == number:
            min_col, _r, max_col, max_row = pending.pop(0)
            value = cells[min_col] if min_col < len(cells) else None
            active.append((min_col, max_col, max_row, value))
        while pending and pending[0][1] < number:
            pending.pop(0)
        if active:
            filled = list(cells)
            # A merged cell past the row's last written cell (the last column) still counts.
            width = max(a[1] for a in active) + 1
            if len(filled) < width:
                filled += [None] * (width - len(filled))
            for min_col, max_col, _max_row, value in active:
                for col in range(min_col, max_col + 1):
                    if filled[col] is None:
                        filled[col] = value
            cells = tuple(filled)
        yield cells


# --- finding the header --------------------------------------------------------------------------


def score_header(cells: Sequence[object], match: HeaderMatch) -> tuple[int, dict[int, str]]:
    """Recognised columns of a candidate header row: exact matches first, then "starts with"
    matches for fields still free; a second column naming a taken field stays unmapped."""
    matches = [
        (i, match(c))
        for i, c in enumerate(cells)
        if isinstance(c, str) and not isinstance(c, FormulaText)
    ]
    found: dict[int, str] = {}
    seen: set[str] = set()
    for exact_pass in (True, False):
        for index, named in matches:
            if named is None or named[1] != exact_pass or index in found:
                continue
            if named[0] not in seen:
                found[index] = named[0]
                seen.add(named[0])
    return len(found), found


@dataclass(frozen=True)
class Header:
    index: int  # 0-based index of the (last) header row
    found: dict[int, str]
    texts: list[str]  # the header text of each column (two-row headers combined)
    rows: int = 1  # 2: a header over two rows (merged group titles above sub-titles)


def is_text(cell: object) -> bool:
    return isinstance(cell, str) and not isinstance(cell, FormulaText) and bool(cell.strip())


def combined_texts(top: tuple[Any, ...], bottom: tuple[Any, ...], match: HeaderMatch) -> list[str]:
    """Headers written over two rows: "Área (ha)" merged above "Total" | "Café" reads as
    "Área (ha) Total" | "Área (ha) Café"; "Código" merged down reads as "Código". A
    sub-title that names a field by itself ("Paterno", "Nombres") is kept as it is."""
    texts: list[str] = []
    parent = ""
    for i in range(max(len(top), len(bottom))):
        t = top[i] if i < len(top) else None
        b = bottom[i] if i < len(bottom) else None
        t_text = t.strip() if is_text(t) else ""  # type: ignore[union-attr]
        b_text = b.strip() if is_text(b) else ""  # type: ignore[union-attr]
        if t_text:
            parent = t_text
        elif not b_text:
            parent = ""  # a column blank in both rows ends a merged title
        if not b_text:
            texts.append(t_text)
            continue
        alone = match(b_text)
        if alone is not None and alone[1]:
            texts.append(b_text)
        else:
            texts.append(f"{t_text or parent} {b_text}".strip())
    return texts


def find_header(
    rows: list[tuple[Any, ...]],
    match: HeaderMatch,
    accept: Callable[[set[str]], bool] = lambda _fields: True,
) -> Header | None:
    """The header among ``rows`` (the first rows of a sheet): the row, or pair of rows, naming
    most known fields (at least two) whose fields the reader ``accept``s; the first such row
    when several name as many."""
    best: tuple[int, Header] | None = None
    for index, cells in enumerate(rows):
        score, found = score_header(cells, match)
        if score >= 2 and (best is None or score > best[0]) and accept(set(found.values())):
            texts = [cell_text(c) if is_text(c) else "" for c in cells]
            best = (score, Header(index, found, texts))
        if index + 1 < len(rows):
            below = rows[index + 1]
            texty = [c for c in below if not v.is_blank(c)]
            if (
                len(texty) >= 2
                and all(is_text(c) for c in texty)
                and any(is_text(c) for c in cells)
            ):
                texts = combined_texts(cells, below, match)
                score2, found2 = score_header(texts, match)
                if (
                    score2 >= 2
                    and (best is None or score2 > best[0])
                    and accept(set(found2.values()))
                ):
                    best = (score2, Header(index + 1, found2, texts, rows=2))
    return best[1] if best else None


# --- sheets and columns --------------------------------------------------------------------------


def inspect_sheets(path: str | Path) -> list[str]:
    """The sheet names of the workbook in ``path``, in the workbook's order."""
    wb = open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def columns_for_header(
    header: Header, head_rows: list[tuple[Any, ...]], mapping: dict[int, str | None] | None
) -> tuple[SourceColumn, ...]:
    """The sheet's columns under ``header`` with up to three sample values each (from the
    rows below it in ``head_rows``); ``mapping`` (index -> field) replaces the recognised
    fields when the user mapped the columns by hand."""
    auto = dict(header.found)
    if mapping is not None:
        auto = {i: f for i, f in mapping.items() if f}
    width = max(len(header.texts), max(auto, default=-1) + 1)
    headers = [header.texts[i] if i < len(header.texts) else "" for i in range(width)]
    samples = _samples(head_rows[header.index + 1 :], width)
    return tuple(
        SourceColumn(
            index=i,
            letter=get_column_letter(i + 1),
            header=headers[i],
            field=auto.get(i),
            samples=samples[i],
        )
        for i in range(width)
        if headers[i] or auto.get(i)
    )


def _samples(rows: list[tuple[Any, ...]], width: int) -> list[tuple[str, ...]]:
    out: list[list[str]] = [[] for _column in range(width)]
    for row in rows:
        for i in range(min(width, len(row))):
            text = _sample_text(row[i])
            if text and len(out[i]) < 3:
                out[i].append(text[:40])
    return [tuple(s) for s in out]


def _sample_text(value: Any) -> str:
    """A cell as the column's examples show it: a date as people write it (18/07/2000 in
    Spanish), not as the workbook stores it."""
    if isinstance(value, datetime) and value.time() == time():
        value = value.date()
    if isinstance(value, date) and not isinstance(value, datetime):
        return formats.date_text(value)
    return cell_text(value)


# --- rows that are not data ----------------------------------------------------------------------


TOTAL_WORDS = re.compile(r"^(sub)?totale?s?\b|^suma\b|^sum\b|^grand total|^total general")
_AGGREGATE = re.compile(r"^=\s*(SUM|SUBTOTAL|COUNT|COUNTA|SUMA|CONTAR|AVERAGE|PROMEDIO)\s*\(", re.I)


def is_totals_row(cells: Sequence[Any]) -> bool:
    """A totals row: a cell that sums (``=SUM(...)``, ``=SUBTOTAL(...)``) or that begins with
    "Total", "Subtotal", "Suma"."""
    for cell in cells:
        if not isinstance(cell, str):
            continue  # a number, a date, a blank
        if cell[:1] not in _TOTAL_FIRST and not cell[:1].isspace():
            continue  # no total word starts here (most cells: cheaper than stripping)
        if isinstance(cell, FormulaText):
            if _AGGREGATE.match(cell.strip()):
                return True
        elif cell.lstrip()[:3].lower() in _TOTAL_STARTS and TOTAL_WORDS.match(  # cheap test first
            fold(cell.strip())
        ):
            return True
    return False


_TOTAL_STARTS = frozenset({"tot", "sub", "sum", "gra"})
_TOTAL_FIRST = frozenset("tTsSgG=")  # first letters of those words, and of a formula


def title_text(cells: Sequence[Any]) -> str | None:
    """The text of a row holding one text cell and nothing else (a title, a section's name, a
    note between blocks), or ``None``."""
    filled = None
    for cell in cells:
        if cell is None or v.is_blank(cell):
            continue
        if filled is not None:
            return None  # a second filled cell: not a title (most rows stop here)
        filled = cell
    if isinstance(filled, str):
        return filled.strip()
    return None


def is_repeated_header(cells: Sequence[Any], mapped: Sequence[SourceColumn]) -> bool:
    """The header row written again lower down (a sheet pasted together from printed pages,
    a block per community): at least two of its cells, and most, repeat their column's title."""
    titled = [c for c in mapped if c.header]
    needed = max(2, (len(titled) + 1) // 2)  # same >= 2 and same * 2 >= len(titled)
    # Only a text cell can repeat its title: when too few are text (numbers, dates, blanks
    # of a data row), the row is no header, without reading a title (a data row stops here).
    candidates = [
        (cell, c.header)
        for c in titled
        if c.index < len(cells) and isinstance(cell := cells[c.index], str)
    ]
    if len(candidates) < needed:
        return False
    same = 0
    for position, (cell, title) in enumerate(candidates):
        if cell == title or (_may_name(cell, title) and _cell_key(cell) == _title_key(title)):
            same += 1
            if same >= needed:
                return True
        elif same + len(candidates) - position - 1 < needed:
            return False  # too few columns left to repeat the header: a data row stops here
    return False


_DIGIT = re.compile(r"[0-9]")


def _may_name(cell: str, title: str) -> bool:
    """False when ``cell`` cannot repeat ``title`` whatever its spelling, known without
    computing its ``header_key``: a digit written outside brackets stays in the key, so a
    cell with digits and no bracket ("CAC-12", a phone) never names a title without digits.
    Only plain ASCII text is judged so (folding other text can make brackets: "⑴", "（")."""
    if not cell.isascii() or "(" in cell or _DIGIT.search(_title_key(title)):
        return True
    return _DIGIT.search(cell) is None


_CELL_KEYS: dict[str, str] = {}


def _cell_key(text: str) -> str:
    """``header_key`` of a cell's text, kept for texts seen before (the repeated-header test
    reads every row: a caserío, a sex or a status repeats down the sheet); the memory is
    bounded, a new text past it is computed each time."""
    key = _CELL_KEYS.get(text)
    if key is None:
        key = header_key(text)
        if len(text) <= 100 and len(_CELL_KEYS) < 20_000:
            _CELL_KEYS[text] = key
    return key


# --- several sheets, saved formula results -------------------------------------------------------


def sheets_to_read(wb: Book, requested: str | None, filename: str) -> list[str]:
    """The sheet asked for (refused in words when the workbook has none of that name), else
    every visible sheet in the workbook's order: a hidden sheet (a copy, last year's book) is
    read only when asked for by name."""
    if requested is not None:
        if requested not in wb.sheetnames:
            raise WorkbookError(
                _(
                    "{filename} has no sheet named '{requested}' (sheets: {items}).",
                    filename=filename,
                    requested=requested,
                    items=", ".join(wb.sheetnames),
                )
            )
        return [requested]
    return [name for name in wb.sheetnames if wb[name].sheet_state == "visible"]


def saved_values(path: Path, sheet: str, wanted: Iterable[int]) -> dict[int, tuple[Any, ...]]:
    """The values Excel saved for the formulas of the ``wanted`` rows (Excel row numbers) of
    ``sheet``; a formula whose result was never saved reads ``None``."""
    rows = set(wanted)
    if not rows:
        return {}
    wb = open_workbook(path, data_only=True)
    try:
        values: dict[int, tuple[Any, ...]] = {}
        for number, cells in enumerate(sheet_values(wb[sheet], max_row=max(rows)), start=1):
            if number in rows:
                values[number] = tuple(cells)
        return values
    finally:
        wb.close()
