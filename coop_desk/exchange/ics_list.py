"""The ICS approved-farmer list's workbook: its sheets, their columns, and writing rows into
them (DOMAIN.md, "Organic group certification": the up-to-date list of members with entry
date, plots by status, yield estimate, last prohibited input, inspections and sanctions).

Sheets: "ICS farmers" (one row per member of the group), "Plots" (every plot), "About".
Written with the one xlsx writer (``exchange.xlsx``): areas are real numbers (ha, 2 decimals
shown), dates are real dates, the header is bold and frozen with a filter, pages print
landscape, and any text that Excel would read as a formula (starting with = + - @) is written
as text with the quote prefix. What goes into the rows is the use case's
(``services.ics_list``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from coop_desk.exchange.xlsx import (
    BOLD,
    Column,
    SheetWriter,
    discard_workbook,
    new_workbook,
    save_workbook,
)

Progress = Callable[[int, int, str], None]

AREA_FORMAT = "#,##0.00"
KG_FORMAT = "#,##0"


def _area(header: str, width: float) -> Column:
    return Column(header, width, number_format=AREA_FORMAT)


FARMER_COLUMNS = [
    Column("Code", 16),
    Column("Name", 32),
    Column("Community", 20),
    Column("Gender", 8),
    Column("Entry date", 12, kind="date"),
    Column("Register status", 14),
    Column("ICS approved", 12),
    Column("Approved on", 12, kind="date"),
    Column("Plots", 40),
    _area("Total ha", 10),
    _area("Organic ha", 11),
    _area("T1 ha", 9),
    _area("T2 ha", 9),
    _area("T3 ha", 9),
    _area("Conventional ha", 15),
    _area("Certified ha", 12),
    Column("Yield estimate kg", 17, number_format=KG_FORMAT),
    Column("Last inspection", 15, kind="date"),
    Column("Result", 24),
    Column("Last prohibited input", 24),
    Column("Input date", 12, kind="date"),
    Column("Sanctions", 50),
]

PLOT_COLUMNS = [
    Column("Code", 16),
    Column("Name", 32),
    Column("Plot", 20),
    _area("Total ha", 10),
    _area("Coffee ha", 10),
    Column("Conversion start", 16, kind="date"),
    Column("Status", 18),
    Column("Override reason", 30),
    Column("Organic from", 13, kind="date"),
    Column("Counts as certified", 18),
]

TITLE = "ICS approved-farmer list"


def write_ics_list(
    farmers: Sequence[Sequence[Any]],
    plots: Sequence[Sequence[Any]],
    target: str | Path,
    *,
    on: date,
    cooperative: str = "",
    progress: Progress | None = None,
) -> Path:
    """Write the workbook (atomically); returns its path. ``farmers`` and ``plots`` hold rows
    in the order of :data:`FARMER_COLUMNS` and :data:`PLOT_COLUMNS`. ``progress(done, total,
    text)`` is called as rows are written (it may raise to cancel)."""
    total = len(farmers)
    wb = new_workbook()
    try:
        sheet = SheetWriter(wb, "ICS farmers", FARMER_COLUMNS, print_title=TITLE)
        for done, row in enumerate(farmers, start=1):
            sheet.append(row)
            if progress and done % 50 == 0:
                progress(done, total, f"{done} of {total} members")
        sheet.close()
        sheet = SheetWriter(wb, "Plots", PLOT_COLUMNS, print_title=f"{TITLE}: plots")
        for row in plots:
            sheet.append(row)
        sheet.close()
        about = SheetWriter(
            wb, "About", [Column("", 14), Column("", 50)], print_title=TITLE, header=False
        )
        about.append_raw([TITLE], font=BOLD)
        about.append_raw(["Cooperative", cooperative])
        about.append_raw(["As of", on])
        about.append_raw(["Members", total])
    except BaseException:
        discard_workbook(wb)
        raise
    path = save_workbook(wb, target)
    if progress:
        progress(total, total, "done")
    return path
