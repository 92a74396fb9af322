"""The ICS approved-farmer list as an Excel workbook (DOMAIN.md, "Organic group certification":
the up-to-date list of members with entry date, plots by status, yield estimate, last
prohibited input, inspections and sanctions).

One row per member of the group; areas are real numbers (ha, 2 decimals shown), dates are real
dates, and any text that Excel would read as a formula (starting with = + - @) is written as
text. The header is bold and frozen, with an autofilter. A second sheet lists every plot.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from coop_desk.domain.certification import (
    CONVERSION_LABELS,
    INSPECTION_RESULT_LABELS,
    SANCTION_LABELS,
    ConversionStatus,
    InspectionResult,
    SanctionKind,
)
from coop_desk.domain.members import STATUS_LABELS, MemberStatus
from coop_desk.exchange.xlsx import is_formula_like, set_trail_head
from coop_desk.services.certification import FarmerRow, SanctionRow

Progress = Callable[[int, int, str], None]

DATE_FORMAT = "yyyy-mm-dd"
AREA_FORMAT = "#,##0.00"
KG_FORMAT = "#,##0"


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    number_format: str | None = None


FARMER_COLUMNS = [
    Column("Code", 16),
    Column("Name", 32),
    Column("Community", 20),
    Column("Gender", 8),
    Column("Entry date", 12, DATE_FORMAT),
    Column("Register status", 14),
    Column("ICS approved", 12),
    Column("Approved on", 12, DATE_FORMAT),
    Column("Plots", 40),
    Column("Total ha", 10, AREA_FORMAT),
    Column("Organic ha", 11, AREA_FORMAT),
    Column("T1 ha", 9, AREA_FORMAT),
    Column("T2 ha", 9, AREA_FORMAT),
    Column("T3 ha", 9, AREA_FORMAT),
    Column("Conventional ha", 15, AREA_FORMAT),
    Column("Certified ha", 12, AREA_FORMAT),
    Column("Yield estimate kg", 17, KG_FORMAT),
    Column("Last inspection", 15, DATE_FORMAT),
    Column("Result", 24),
    Column("Last prohibited input", 24),
    Column("Input date", 12, DATE_FORMAT),
    Column("Sanctions", 50),
]

PLOT_COLUMNS = [
    Column("Code", 16),
    Column("Name", 32),
    Column("Plot", 20),
    Column("Total ha", 10, AREA_FORMAT),
    Column("Coffee ha", 10, AREA_FORMAT),
    Column("Conversion start", 16, DATE_FORMAT),
    Column("Status", 18),
    Column("Override reason", 30),
    Column("Organic from", 13, DATE_FORMAT),
    Column("Counts as certified", 18),
]


def describe_sanction(s: SanctionRow) -> str:
    label = SANCTION_LABELS[SanctionKind(s.kind)]
    if s.kind == SanctionKind.SUSPENSION:
        until = s.ends_on.isoformat() if s.ends_on else "until lifted"
        start = (s.starts_on or s.decided_on).isoformat()
        period = f" {start} to {until}" if s.ends_on else f" from {start} ({until})"
        return f"{label}{period}: {s.reason}"
    return f"{label} {s.decided_on.isoformat()}: {s.reason}"


def farmer_values(row: FarmerRow) -> list[Any]:
    plots = "; ".join(
        f"{p.name} {p.total_area_ha.normalize():f} ha ({CONVERSION_LABELS[p.status]})"
        for p in row.plots
    )
    return [
        row.code,
        row.name,
        row.community,
        row.gender,
        row.join_date,
        STATUS_LABELS[MemberStatus(row.register_status)],
        "yes" if row.approved else "no",
        row.approval_date,
        plots,
        row.total_area_ha,
        row.area(ConversionStatus.ORGANIC),
        row.area(ConversionStatus.T1),
        row.area(ConversionStatus.T2),
        row.area(ConversionStatus.T3),
        row.area(ConversionStatus.CONVENTIONAL),
        row.certified_area_ha,
        row.yield_estimate_kg,
        row.last_inspection_date,
        INSPECTION_RESULT_LABELS[InspectionResult(row.last_inspection_result)]
        if row.last_inspection_result
        else "",
        row.last_prohibited_input,
        row.last_prohibited_input_date,
        "; ".join(describe_sanction(s) for s in row.sanctions),
    ]


def write_ics_list(
    rows: Sequence[FarmerRow],
    target: str | os.PathLike[str],
    *,
    on: date,
    cooperative: str = "",
    progress: Progress | None = None,
    trail_head: tuple[str, datetime] | None = None,
) -> Path:
    """Write the workbook; returns its path. ``progress(done, total, text)`` is called as rows
    are written (it may raise to cancel). ``trail_head`` (the audit trail's head and when it
    was read) is stored in the workbook's properties (``xlsx.set_trail_head``)."""
    path = Path(target)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "ICS farmers"
    _header(ws, FARMER_COLUMNS)
    total = len(rows)
    for index, row in enumerate(rows, start=2):
        _write_row(ws, index, FARMER_COLUMNS, farmer_values(row))
        if progress and index % 50 == 0:
            progress(index - 1, total, f"{index - 1} of {total} members")
    _finish(ws, FARMER_COLUMNS, total)

    plots_ws = wb.create_sheet("Plots")
    _header(plots_ws, PLOT_COLUMNS)
    line = 2
    for row in rows:
        for p in row.plots:
            _write_row(
                plots_ws,
                line,
                PLOT_COLUMNS,
                [
                    row.code,
                    row.name,
                    p.name,
                    p.total_area_ha,
                    p.coffee_area_ha,
                    p.conversion_start,
                    CONVERSION_LABELS[p.status],
                    p.override_reason,
                    p.organic_from,
                    "yes" if p.certified else "no",
                ],
            )
            line += 1
    _finish(plots_ws, PLOT_COLUMNS, line - 2)

    about = wb.create_sheet("About")
    about["A1"] = "ICS approved-farmer list"
    about["A1"].font = Font(bold=True)
    about["A2"] = "Cooperative"
    _set(about["B2"], cooperative)
    about["A3"] = "As of"
    about["B3"] = on
    about["B3"].number_format = DATE_FORMAT
    about["A4"] = "Members"
    about["B4"] = total
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = 50

    if trail_head is not None:
        set_trail_head(wb, *trail_head)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    wb.save(tmp)
    os.replace(tmp, path)
    if progress:
        progress(total, total, "done")
    return path


def _header(ws: Worksheet, columns: list[Column]) -> None:
    bold = Font(bold=True)
    for col, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=col, value=column.header)
        cell.font = bold
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.freeze_panes = "A2"


def _finish(ws: Worksheet, columns: list[Column], rows: int) -> None:
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"


def _write_row(ws: Worksheet, row: int, columns: list[Column], values: list[Any]) -> None:
    for col, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
        cell = ws.cell(row=row, column=col)
        _set(cell, value)
        if column.number_format and value is not None and value != "":
            cell.number_format = column.number_format


def _set(cell: Any, value: Any) -> None:
    """Numbers as numbers, dates as dates, text always as text (never a formula)."""
    if value is None:
        return
    if isinstance(value, Decimal):
        cell.value = value  # written as a number, digit for digit (no float on the way)
        return
    if isinstance(value, str):
        cell.value = value
        if is_formula_like(value):  # the one writer's rule (exchange.xlsx): text, quoted
            cell.data_type = "s"  # written as a string, not as "=..." formula
            cell.quotePrefix = True
        return
    cell.value = value
