"""Workbooks made to hurt an importer, written part by part with ``zipfile`` as an attacker
would (issue 11): openpyxl itself cuts a cell to 32,767 characters, so these are built from
the raw XML. Every part is streamed, so a file that inflates to a gigabyte is written without
holding it in memory.

Each builder returns the path; the sizes are those the attacks used, unless a test asks for
others.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Socios" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)

ROSTER_HEADER = ("Código", "Nombres", "Apellidos", "DNI", "Sexo", "Fecha de ingreso")


def _letter(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def _row(number: int, values: Iterable[object], strings: dict[str, int] | None) -> bytes:
    cells = []
    for i, value in enumerate(values):
        ref = f"{_letter(i)}{number}"
        if value is None:
            continue
        if isinstance(value, int | float):
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        elif strings is not None and value in strings:
            cells.append(f'<c r="{ref}" t="s"><v>{strings[str(value)]}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'.encode()


class _BlockCompressor:
    """Deflates each write on its own, ending it with a full flush (byte-aligned, no reference
    to earlier data), so that a block written again and again is compressed once: the same
    bytes stand for every copy. A gigabyte is written in a second instead of many."""

    def __init__(self) -> None:
        self._last = b""
        self._packed = b""
        self.level = 1  # 9 for blocks written many times: the attack files are that small

    def compress(self, data: bytes) -> bytes:
        if data is not self._last and data != self._last:
            deflate = zlib.compressobj(self.level, zlib.DEFLATED, -15)
            self._last = data
            self._packed = deflate.compress(data) + deflate.flush(zlib.Z_FULL_FLUSH)
        return self._packed

    def flush(self) -> bytes:
        return zlib.compressobj(1, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)


class _Part:
    """A part being written: small pieces (rows) gathered into blocks of a megabyte, large
    ones (a repeated block) passed on as they are."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self._handle = archive.open(name, "w", force_zip64=True)
        self._compressor = _BlockCompressor()
        self._handle._compressor = self._compressor  # type: ignore[attr-defined]
        self._buffer = bytearray()

    def write(self, data: bytes) -> None:
        if len(data) >= _BLOCK // 2:
            self._drain()
            self._compressor.level = 9
            self._handle.write(data)
            return
        self._buffer += data
        if len(self._buffer) >= _BLOCK:
            self._drain()

    def _drain(self) -> None:
        if self._buffer:
            self._compressor.level = 1
            self._handle.write(bytes(self._buffer))
            self._buffer.clear()

    def __enter__(self) -> _Part:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._drain()
        self._handle.close()


_BLOCK = 1 << 20


def write_xlsx(
    path: Path,
    sheet_rows: Iterable[bytes],
    shared_strings: Iterable[bytes] = (),
    *,
    dimension: str | None = None,
) -> Path:
    """An xlsx file from already-serialised ``<row>`` elements and ``<si>`` items, streamed."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with _Part(archive, "xl/sharedStrings.xml") as out:
            out.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst '
                b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            for item in shared_strings:
                out.write(item)
            out.write(b"</sst>")
        with _Part(archive, "xl/worksheets/sheet1.xml") as out:
            out.write(SHEET_HEAD)
            if dimension:
                out.write(f'<dimension ref="{dimension}"/>'.encode())
            out.write(b"<sheetData>")
            for row in sheet_rows:
                out.write(row)
            out.write(b"</sheetData></worksheet>")
    return path


def _repeated(text: bytes, size: int, block: int = _BLOCK) -> Iterator[bytes]:
    """``size`` bytes of ``text`` repeated, in blocks."""
    chunk = text * max(1, block // len(text))
    left = size
    while left > 0:
        piece = chunk[:left]
        yield piece
        left -= len(piece)


def long_surname(path: Path, length: int = 52_428_800) -> Path:
    """A roster of one member whose surname is ``length`` characters long, kept as one shared
    string (the attack: 56 KB on disk, 52,428,800 characters stored)."""
    strings = {"Apellido": 0}
    items = [
        b"<si><t>",
        *_repeated(b"A", length),
        b"</t></si>",
    ]
    rows = [
        _row(1, ROSTER_HEADER, None),
        _row(2, ("ATK-0001", "Ana", "Apellido", "12345678", "F", "2020-01-01"), strings),
    ]
    return write_xlsx(path, rows, items)


def huge_shared_string(path: Path, size: int = 500 * 1024 * 1024) -> Path:
    """One shared string of ``size`` bytes (the attack: a 514 KB file, 500 MB of text)."""
    return long_surname(path, size)


def inflating(path: Path, size: int = 1 << 30) -> Path:
    """A sheet whose XML inflates to ``size`` bytes of rows (the attack: 59 MB -> 1 GB)."""

    def rows() -> Iterator[bytes]:
        yield _row(1, ROSTER_HEADER, None)
        one = _row(2, ("ATK-0002", "Ana", "Ruiz", None, "F", "2020-01-01"), None)
        yield from _repeated(one, size)

    return write_xlsx(path, rows())


def many_rows(path: Path, count: int = 1_048_575, *, dimension: bool = True) -> Path:
    """A roster header and ``count - 1`` member rows (the attack: 1,048,575 rows)."""

    def rows() -> Iterator[bytes]:
        yield _row(1, ROSTER_HEADER, None)
        for number in range(2, count + 1):
            yield (
                f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>M{number}</t></is></c>'
                f'<c r="C{number}" t="inlineStr"><is><t>R</t></is></c></row>'
            ).encode()

    return write_xlsx(path, rows(), dimension=f"A1:F{count}" if dimension else None)


def roster(path: Path, rows: Iterable[Iterable[object]]) -> Path:
    """A small roster (header and rows) with inline strings, for cells openpyxl would cut."""
    body = [_row(1, ROSTER_HEADER, None)]
    body += [_row(number, values, None) for number, values in enumerate(rows, start=2)]
    return write_xlsx(path, body)
