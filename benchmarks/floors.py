"""The floors the ratios are measured against, run as whole child processes like the program:
``python -m benchmarks.floors write VALUES.pickle OUT.xlsx`` writes the cell values of a
workbook (read from a pickle: sheet name -> rows) with openpyxl in write-only mode;
``python -m benchmarks.floors read FILE.xlsx`` reads every cell of every sheet with openpyxl in
read-only mode. Both start Python and import openpyxl, as the program does: the ratio compares
the program's work with the least a process can do to write or read the same cells.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any


def extract_values(workbook: Path, target: Path) -> int:
    """Every cell value of ``workbook`` (formulas as their text) into a pickle; returns the
    number of cells. Run once, outside the timings."""
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True)
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    cells = 0
    for sheet in book.worksheets:
        rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        cells += sum(len(r) for r in rows)
        sheets[sheet.title] = rows
    book.close()
    target.write_bytes(pickle.dumps(sheets, protocol=pickle.HIGHEST_PROTOCOL))
    return cells


def write(values: Path, target: Path) -> None:
    from openpyxl import Workbook

    sheets: dict[str, list[tuple[Any, ...]]] = pickle.loads(values.read_bytes())  # noqa: S301 - our own file
    book = Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(target)


def read(source: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(source, read_only=True, data_only=True)
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    book.close()
    return cells


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1] == "read":
        print(read(Path(sys.argv[2])))
    else:
        raise SystemExit(f"unknown floor {sys.argv[1]!r}")
