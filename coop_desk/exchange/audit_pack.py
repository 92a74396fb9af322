"""The audit pack's workbook: its sheets, their columns, and writing rows into them.

Sheets: About (cooperative, year, who made it, the audit trail's head hash), Journal (every
posting of the year's entries), Trial balance, GA approvals (every version of the plan with
its budget lines), Payments (voucher numbers and receipt SHA-256), Audit trail (every record
made during the fiscal year, values before and after), Verify (the result of every check).

Written with the one xlsx writer (``exchange.xlsx``): exact numbers from ``Decimal``, real
dates, a bold frozen header with a filter, print set-up, and any text that begins with
= + - @ kept as text (quote prefix), so a member name or a voucher cannot run anything when the
file is opened. Timestamps are written as given: the caller gives them in UTC. What goes into
the rows is the use case's (``services.audit_pack``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from coop_desk.exchange.xlsx import (
    Column,
    SheetWriter,
    discard_workbook,
    new_workbook,
    save_workbook,
)

STAMP_FORMAT = "yyyy-mm-dd hh:mm:ss"


def _text(header: str, width: float) -> Column:
    return Column(header, width)


def _money(header: str, width: float = 14) -> Column:
    return Column(header, width, kind="decimal")


COLUMNS: dict[str, list[Column]] = {
    "About": [_text("Item", 52), _text("Value", 70)],
    "Journal": [
        _text("Entry", 11),
        Column("Date", 11, kind="date"),
        _text("Kind", 10),
        _text("Description", 40),
        _text("Payee", 24),
        _text("Voucher", 14),
        _text("Project", 24),
        _text("Contract", 14),
        _text("Reference", 14),
        Column("Line", 5, number_format="0"),
        _text("Account code", 8),
        _text("Account", 30),
        _text("Currency", 8),
        _money("Debit"),
        _money("Credit"),
        Column("Rate (per USD)", 12, kind="rate"),
        _money("USD value"),
        _text("Memo", 20),
        _text("Reverses", 11),
        _text("Reversed by", 11),
        _text("Receipt SHA-256", 66),
        _text("Recorded by", 12),
        Column("Recorded at (UTC)", 19, number_format=STAMP_FORMAT),
    ],
    "Trial balance": [
        _text("Code", 8),
        _text("Account", 36),
        _text("Kind", 10),
        _text("Currency", 9),
        _money("Opening", 15),
        _money("Movement", 15),
        _money("Closing", 15),
        _money("Opening USD", 15),
        _money("Movement USD", 15),
        _money("Closing USD", 15),
        _text("Note", 12),
    ],
    "GA approvals": [
        Column("Version", 8, number_format="0"),
        _text("In force", 8),
        Column("GA date", 11, kind="date"),
        _text("Minutes / resolution", 20),
        Column("Members present", 9, kind="int"),
        Column("Women present", 9, kind="int"),
        Column("Votes for", 9, kind="int"),
        Column("Votes against", 9, kind="int"),
        Column("Abstentions", 9, kind="int"),
        _text("Project", 30),
        _text("Productivity / quality", 10),
        _money("Budget USD"),
        _text("Line note", 20),
        _text("Recorded by", 12),
        _text("Notes", 30),
    ],
    "Payments": [
        _text("Entry", 11),
        Column("Date", 11, kind="date"),
        _text("Project", 26),
        _text("Payee", 26),
        _text("Description", 36),
        _text("Voucher", 14),
        _text("Paid from", 24),
        _money("Amount"),
        _text("Currency", 8),
        _money("USD value"),
        _text("Receipt file", 24),
        _text("Receipt SHA-256", 66),
        _text("Remarks", 30),
    ],
    "Audit trail": [
        Column("Record", 8, number_format="0"),
        Column("When (UTC)", 19, number_format=STAMP_FORMAT),
        _text("User", 12),
        _text("Action", 8),
        _text("Table", 18),
        _text("Record id", 10),
        _text("Reason", 24),
        _text("Changes", 60),
        _text("Before (JSON)", 40),
        _text("After (JSON)", 40),
        _text("SHA-256", 66),
    ],
    "Verify": [
        _text("Severity", 10),
        _text("Check", 24),
        _text("Finding", 90),
        _text("Record", 24),
    ],
}
SHEETS = tuple(COLUMNS)


def write_audit_pack(
    target: Path, title: str, sheets: Mapping[str, Iterable[Sequence[Any]]]
) -> Path:
    """Write every sheet of :data:`SHEETS`, in that order, from ``sheets`` (sheet name -> rows
    in the order of its :data:`COLUMNS`); saved atomically. ``title`` heads printed pages."""
    missing = [name for name in SHEETS if name not in sheets]
    if missing:
        raise ValueError(f"rows missing for the sheets {missing}")
    wb = new_workbook()
    try:
        for name in SHEETS:
            sheet = SheetWriter(wb, name, COLUMNS[name], print_title=f"{title}: {name}")
            for row in sheets[name]:
                sheet.append(row)
            sheet.close()
    except BaseException:
        discard_workbook(wb)
        raise
    return save_workbook(wb, target)
