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
from datetime import date, datetime
from pathlib import Path
from typing import Any

from coop_desk.exchange.xlsx import (
    BOLD,
    Column,
    SheetWriter,
    discard_workbook,
    new_workbook,
    save_workbook,
    set_trail_head,
    translated,
)
from coop_desk.i18n import N_, _

Progress = Callable[[int, int, str], None]

AREA_FORMAT = "#,##0.00"
KG_FORMAT = "#,##0"


def _area(header: str, width: float) -> Column:
    return Column(header, width, number_format=AREA_FORMAT)


FARMER_COLUMNS = [
    Column(N_("Code"), 16),
    Column(N_("Name"), 32),
    Column(N_("Community"), 20),
    Column(N_("Gender"), 8),
    Column(N_("Entry date"), 12, kind="date"),
    Column(N_("Register status"), 14),
    Column(N_("ICS approved"), 12),
    Column(N_("Approved on"), 12, kind="date"),
    Column(N_("Plots"), 40),
    _area(N_("Total ha"), 10),
    _area(N_("Organic ha"), 11),
    _area(N_("T1 ha"), 9),
    _area(N_("T2 ha"), 9),
    _area(N_("T3 ha"), 9),
    _area(N_("Conventional ha"), 15),
    _area(N_("Certified ha"), 12),
    Column(N_("Yield estimate kg"), 17, number_format=KG_FORMAT),
    Column(N_("Last inspection"), 15, kind="date"),
    Column(N_("Result"), 24),
    Column(N_("Last prohibited input"), 24),
    Column(N_("Input date"), 12, kind="date"),
    Column(N_("Sanctions"), 50),
]

PLOT_COLUMNS = [
    Column(N_("Code"), 16),
    Column(N_("Name"), 32),
    Column(N_("Plot"), 20),
    _area(N_("Total ha"), 10),
    _area(N_("Coffee ha"), 10),
    Column(N_("Conversion start"), 16, kind="date"),
    Column(N_("Status"), 18),
    Column(N_("Override reason"), 30),
    Column(N_("Organic from"), 13, kind="date"),
    Column(N_("Counts as certified"), 18),
]

TITLE = N_("ICS approved-farmer list")


def write_ics_list(
    farmers: Sequence[Sequence[Any]],
    plots: Sequence[Sequence[Any]],
    target: str | Path,
    *,
    on: date,
    cooperative: str = "",
    progress: Progress | None = None,
    trail_head: tuple[str, datetime] | None = None,
) -> Path:
    """Write the workbook (atomically); returns its path. ``farmers`` and ``plots`` hold rows
    in the order of :data:`FARMER_COLUMNS` and :data:`PLOT_COLUMNS`. ``progress(done, total,
    text)`` is called as rows are written (it may raise to cancel). ``trail_head`` (the audit
    trail's head and when it was read) goes into the workbook's properties."""
    total = len(farmers)
    title = _(TITLE)
    wb = new_workbook()
    try:
        sheet = SheetWriter(wb, _("ICS farmers"), translated(FARMER_COLUMNS), print_title=title)
        for done, row in enumerate(farmers, start=1):
            sheet.append(row)
            if progress and done % 50 == 0:
                progress(done, total, _("{done} of {total} members", done=done, total=total))
        sheet.close()
        sheet = SheetWriter(
            wb,
            _("Plots"),
            translated(PLOT_COLUMNS),
            print_title=_("{title}: plots", title=title),
        )
        for row in plots:
            sheet.append(row)
        sheet.close()
        about = SheetWriter(
            wb, _("About"), [Column("", 14), Column("", 50)], print_title=title, header=False
        )
        about.append_raw([title], font=BOLD)
        about.append_raw([_("Cooperative"), cooperative])
        about.append_raw([_("As of"), on])
        about.append_raw([_("Members"), total])
        if trail_head is not None:
            set_trail_head(wb, *trail_head)
    except BaseException:
        discard_workbook(wb)
        raise
    path = save_workbook(wb, target)
    if progress:
        progress(total, total, _("done"))
    return path
