"""The audit pack's workbook: its sheets, their columns, and writing rows into them.

Sheets: About (cooperative, year, who made it, the audit trail's head hash), Journal (every
posting of the year's entries), Trial balance, GA approvals (every version of the plan with
its budget lines), Payments (voucher numbers and receipt SHA-256), Audit trail (every record
made during the fiscal year, values before and after), Verify (the result of every check).

Written with the one xlsx writer (``exchange.xlsx``): exact numbers from ``Decimal``, real
dates, a bold frozen header with a filter, print set-up, and any text that begins with
= + - @ kept as text (quote prefix), so a member name or a voucher cannot run anything when the
file is opened. Timestamps are written as given: the caller gives them in local time. What goes into
the rows is the use case's (``services.audit_pack``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from coop_desk.exchange.xlsx import (
    Column,
    SheetWriter,
    discard_workbook,
    new_workbook,
    save_workbook,
    set_trail_head,
    translated,
)
from coop_desk.i18n import N_, _

STAMP_FORMAT = "yyyy-mm-dd hh:mm:ss"


def _text(header: str, width: float) -> Column:
    return Column(header, width)


def _money(header: str, width: float = 14) -> Column:
    return Column(header, width, kind="decimal")


COLUMNS: dict[str, list[Column]] = {
    N_("About"): [_text(N_("Item"), 52), _text(N_("Value"), 70)],
    N_("Journal"): [
        _text(N_("Entry"), 11),
        Column(N_("Date"), 11, kind="date"),
        _text(N_("Kind"), 10),
        _text(N_("Description"), 40),
        _text(N_("Payee"), 24),
        _text(N_("Voucher"), 14),
        _text(N_("Project"), 24),
        _text(N_("Contract"), 14),
        _text(N_("Reference"), 14),
        Column(N_("Line"), 5, number_format="0"),
        _text(N_("Account code"), 8),
        _text(N_("Account"), 30),
        _text(N_("Currency"), 8),
        _money(N_("Debit")),
        _money(N_("Credit")),
        Column(N_("Rate (per USD)"), 12, kind="rate"),
        _money(N_("USD value")),
        _text(N_("Memo"), 20),
        _text(N_("Reverses"), 11),
        _text(N_("Reversed by"), 11),
        _text(N_("Receipt SHA-256"), 66),
        _text(N_("Recorded by"), 12),
        Column(N_("Recorded at"), 19, number_format=STAMP_FORMAT),
    ],
    N_("Trial balance"): [
        _text(N_("Code"), 8),
        _text(N_("Account"), 36),
        _text(N_("Kind"), 10),
        _text(N_("Currency"), 9),
        _money(N_("Opening"), 15),
        _money(N_("Movement"), 15),
        _money(N_("Closing"), 15),
        _money(N_("Opening USD"), 15),
        _money(N_("Movement USD"), 15),
        _money(N_("Closing USD"), 15),
        _text(N_("Note"), 12),
    ],
    N_("GA approvals"): [
        Column(N_("Version"), 8, number_format="0"),
        _text(N_("In force"), 8),
        Column(N_("GA date"), 11, kind="date"),
        _text(N_("Minutes / resolution"), 20),
        Column(N_("Members present"), 9, kind="int"),
        Column(N_("Women present"), 9, kind="int"),
        Column(N_("Votes for"), 9, kind="int"),
        Column(N_("Votes against"), 9, kind="int"),
        Column(N_("Abstentions"), 9, kind="int"),
        _text(N_("Project"), 30),
        _text(N_("Productivity / quality"), 10),
        _money(N_("Budget USD")),
        _text(N_("Line note"), 20),
        _text(N_("Recorded by"), 12),
        _text(N_("Notes"), 30),
    ],
    N_("Payments"): [
        _text(N_("Entry"), 11),
        Column(N_("Date"), 11, kind="date"),
        _text(N_("Project"), 26),
        _text(N_("Payee"), 26),
        _text(N_("Description"), 36),
        _text(N_("Voucher"), 14),
        _text(N_("Paid from"), 24),
        _money(N_("Amount")),
        _text(N_("Currency"), 8),
        _money(N_("USD value")),
        _text(N_("Receipt file"), 24),
        _text(N_("Receipt SHA-256"), 66),
        _text(N_("Remarks"), 30),
    ],
    N_("Audit trail"): [
        Column(N_("Record"), 8, number_format="0"),
        Column(N_("When"), 19, number_format=STAMP_FORMAT),
        _text(N_("User"), 12),
        _text(N_("Action"), 8),
        _text(N_("What"), 36),
        _text(N_("Table"), 18),
        _text(N_("Record id"), 10),
        _text(N_("Reason"), 24),
        _text(N_("Changes"), 60),
        _text(N_("Before (JSON)"), 40),
        _text(N_("After (JSON)"), 40),
        _text(N_("SHA-256"), 66),
    ],
    N_("Verify"): [
        _text(N_("Severity"), 10),
        _text(N_("Check"), 24),
        _text(N_("Finding"), 90),
        _text(N_("Record"), 24),
    ],
}
SHEETS = tuple(COLUMNS)


def write_audit_pack(
    target: Path,
    title: str,
    sheets: Mapping[str, Iterable[Sequence[Any]]],
    *,
    trail_head: tuple[str, datetime] | None = None,
) -> Path:
    """Write every sheet of :data:`SHEETS`, in that order, from ``sheets`` (sheet name -> rows
    in the order of its :data:`COLUMNS`); saved atomically. ``title`` heads printed pages;
    ``trail_head`` (the audit trail's head and when it was read) goes into the workbook's
    properties (``xlsx.set_trail_head``)."""
    missing = [name for name in SHEETS if name not in sheets]
    if missing:
        raise ValueError(_("rows missing for the sheets {missing}", missing=missing))
    wb = new_workbook()
    try:
        for name in SHEETS:
            shown = _(name)  # the workbook is written in the language in effect
            sheet = SheetWriter(
                wb,
                shown,
                translated(COLUMNS[name]),
                print_title=_("{title}: {sheet}", title=title, sheet=shown),
            )
            for row in sheets[name]:
                sheet.append(row)
            sheet.close()
        if trail_head is not None:
            set_trail_head(wb, *trail_head)
    except BaseException:
        discard_workbook(wb)
        raise
    return save_workbook(wb, target)
