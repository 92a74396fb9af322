"""The oracle of the cell reader (``coop_desk.exchange.cells``, issue 14): how the importers
read a workbook before it, with openpyxl's read-only ``iter_rows`` after ``reset_dimensions``
and the cell rule ``cell_value`` as ``exchange.sheets`` had it. The reader must give the same
rows, value for value and type for type: ``tests/unit/test_cells.py`` reads workbooks built
with every feature both ways, and ``tests/conftest.py`` checks every row any test reads
through the reader against this oracle.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from coop_desk.exchange.cells import ExcelError, FormulaText

_ZEROS = re.compile(r"^0{2,}$")


def cell_value(cell: Any) -> Any:
    """A cell as the importers saw it before issue 14's reader (``sheets.cell_value``)."""
    value = cell.value
    if value is None:
        return None
    kind = cell.data_type
    if kind == "s" or kind == "d":
        return value
    if kind == "f" and isinstance(value, ArrayFormula):
        return FormulaText(value.text)  # fixed with issue 14's reader: a formula like any other
    if kind == "f" and isinstance(value, str):
        return FormulaText(value)
    if kind == "e":
        return ExcelError(str(value))
    if kind == "n" and isinstance(value, int | float) and float(value).is_integer():
        fmt = getattr(cell, "number_format", "") or ""
        if _ZEROS.match(fmt):
            return str(int(value)).zfill(len(fmt))
    return value


class Oracle:
    """A workbook opened by openpyxl (read-only) to read its rows as before."""

    def __init__(self, path: str | Path, *, data_only: bool = False) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            self.wb = load_workbook(path, read_only=True, data_only=data_only)

    def rows(self, sheet: str, *, shown: bool = True, **kwargs: Any) -> Iterator[tuple[Any, ...]]:
        """``shown``: as ``sheets.sheet_rows`` gave them; else ``iter_rows(values_only=True)``."""
        ws = self.wb[sheet]
        ws.reset_dimensions()
        if not shown:
            yield from ws.iter_rows(values_only=True, **kwargs)
            return
        for cells in ws.iter_rows(**kwargs):
            yield tuple(map(cell_value, cells))

    def close(self) -> None:
        self.wb.close()


def comparable(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row compared value for value and type for type (``FormulaText("=A1")`` is not the
    text ``"=A1"``, ``1`` is not ``1.0`` nor ``True``); openpyxl's formula objects by what
    they hold."""
    out: list[Any] = []
    for value in row:
        if isinstance(value, ArrayFormula | DataTableFormula):
            out.append((type(value).__name__, sorted(vars(value).items())))
        elif isinstance(value, float) and math.isnan(value):
            out.append((float, "nan"))
        else:
            out.append((type(value), value))
    return tuple(out)


_END = object()


def checked_rows(
    sheet: Any,
    rows: Iterator[tuple[Any, ...]],
    kwargs: dict[str, Any],
    shown: bool,
    mismatches: list[str],
) -> Iterator[tuple[Any, ...]]:
    """``rows`` (read by the cell reader from ``sheet`` with ``kwargs``) as they are, each
    compared with the oracle's row as it is read; what differs is added to ``mismatches``."""
    book = sheet.parent
    where = f"{book.path.name}!{sheet.title} {kwargs} {'shown' if shown else 'values'}"
    if sheet.chart:
        yield from rows
        return
    try:
        oracle = Oracle(book.path, data_only=book.data_only)
    except Exception as exc:  # noqa: BLE001 - the reader opened it: the oracle must too
        mismatches.append(f"{where}: openpyxl cannot open it ({exc!r})")
        yield from rows
        return
    try:
        expected = oracle.rows(sheet.title, shown=shown, **kwargs)
        number = 0
        for row in rows:
            number += 1
            if expected is not None:
                try:
                    want = next(expected, _END)
                except Exception as exc:  # noqa: BLE001
                    mismatches.append(f"{where} row {number}: openpyxl raised {exc!r}")
                    expected = None
                else:
                    if want is _END or comparable(row) != comparable(want):  # type: ignore[arg-type]
                        mismatches.append(f"{where} row {number}: {row!r} != {want!r}")
                        expected = None
            yield row
        if expected is not None and (extra := next(expected, _END)) is not _END:
            mismatches.append(f"{where}: openpyxl reads a row more: {extra!r}")
    finally:
        oracle.close()
