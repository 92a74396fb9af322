"""The audit pack: one workbook an auditor takes away for a fiscal year.

Sheets: About (cooperative, year, who made it, the audit trail's head hash), Journal (every
posting of the year's entries), Trial balance, GA approvals (every version of the plan with
its budget lines), Payments (voucher numbers and receipt SHA-256), Audit trail (every record
made during the fiscal year, values before and after), Verify (the result of every check).

Cells hold exact values: amounts as numbers from ``Decimal`` (never through float), dates as
dates, timestamps in UTC. Text that begins with = + - @ is written as text, never as a
formula (a member name or a voucher cannot run anything when the file is opened).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from coop_desk.exchange.xlsx import is_formula_like
from coop_desk.services import audit, cooperative
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.audit import AuditFilter
from coop_desk.services.ledger import journal, plan, reports
from coop_desk.services.ledger._common import EntryKind, year_bounds
from coop_desk.services.ledger.journal import JournalFilter
from coop_desk.services.verify import verify

MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.00000000"
DATE_FORMAT = "yyyy-mm-dd"
STAMP_FORMAT = "yyyy-mm-dd hh:mm:ss"
SHEETS = ("About", "Journal", "Trial balance", "GA approvals", "Payments", "Audit trail", "Verify")

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class AuditPackResult:
    path: Path
    year: int
    entries: int
    audit_records: int
    integrity_ok: bool


def _cell_value(cell: Cell, value: Any) -> None:
    if isinstance(value, datetime):
        cell.value = value.astimezone(UTC).replace(tzinfo=None)
        cell.number_format = STAMP_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, Decimal):
        cell.value = value
        cell.number_format = RATE_FORMAT if -value.as_tuple().exponent > 2 else MONEY_FORMAT  # type: ignore[operator]
    elif isinstance(value, str):
        cell.value = value
        if is_formula_like(value):  # the one writer's rule (exchange.xlsx): text, quoted
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value


def _sheet(
    wb: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int] | None = None,
) -> Worksheet:
    ws = wb.create_sheet(title)
    bold = Font(bold=True)
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col)
        _cell_value(cell, header)
        cell.font = bold
    r = 1
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            _cell_value(ws.cell(row=r, column=col), value)
    ws.freeze_panes = "A2"
    if headers:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(r, 1)}"
    for col, width in enumerate(widths or [], start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    return ws


def build_audit_pack(
    session: Session,
    actor: Actor,
    target: Path,
    year: int,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> AuditPackResult:
    """Write the audit pack for fiscal ``year`` to ``target`` (atomically)."""
    require(actor, Permission.EXPORT)
    step = progress or (lambda done, total, text: None)
    total_steps = len(SHEETS)
    wb = Workbook()
    default = wb.active
    if default is not None:
        wb.remove(default)
    start, end = year_bounds(session, year)

    step(0, total_steps, "Journal")
    entries = journal.list_entries(session, actor, JournalFilter(year=year))
    journal_rows: list[list[Any]] = []
    posting_ids: list[int] = []
    for e in entries:
        detail = journal.get_entry(session, actor, e.id)
        posting_ids.extend(p.id for p in detail.postings)
        for p in detail.postings:
            journal_rows.append(
                [
                    e.number,
                    e.entry_date,
                    e.kind,
                    e.description,
                    e.payee,
                    e.voucher,
                    e.project_name,
                    e.contract_number,
                    e.reference,
                    p.line,
                    p.account_code,
                    p.account_name,
                    p.currency,
                    p.debit or None,
                    p.credit or None,
                    p.rate,
                    p.usd_value,
                    p.memo,
                    e.reverses_number,
                    e.reversed_by_number,
                    e.document_sha256,
                    e.created_by,
                    e.created_at,
                ]
            )

    step(1, total_steps, "Trial balance")
    balances = reports.account_balances(session, actor, year)
    trial: list[list[Any]] = [
        [
            b.code,
            b.name,
            b.kind,
            b.currency,
            b.opening,
            b.change,
            b.closing,
            b.opening_usd,
            b.change_usd,
            b.closing_usd,
            "provisional" if b.provisional else "",
        ]
        for b in balances
    ]
    for currency in sorted({b.currency for b in balances}):
        same = [b for b in balances if b.currency == currency]
        trial.append(
            [
                "",
                f"Total {currency}",
                "",
                currency,
                sum((b.opening for b in same), Decimal("0.00")),
                sum((b.change for b in same), Decimal("0.00")),
                sum((b.closing for b in same), Decimal("0.00")),
                sum((b.opening_usd for b in same), Decimal("0.00")),
                sum((b.change_usd for b in same), Decimal("0.00")),
                sum((b.closing_usd for b in same), Decimal("0.00")),
                "",
            ]
        )

    step(2, total_steps, "GA approvals")
    approvals: list[list[Any]] = []
    approval_rows = plan.list_approvals(session, actor, year)
    for a in approval_rows:
        for line in a.lines or ():
            approvals.append(
                [
                    a.version,
                    "yes" if a.current else "",
                    a.approval_date,
                    a.minutes_number,
                    a.members_present,
                    a.women_present,
                    a.votes_for,
                    a.votes_against,
                    a.votes_abstaining,
                    line.project_name,
                    "yes" if line.productivity_quality else "",
                    line.amount,
                    line.note,
                    a.recorded_by,
                    a.notes,
                ]
            )

    step(3, total_steps, "Payments")
    payments: list[list[Any]] = []
    for e in entries:
        if e.kind != EntryKind.PAYMENT:
            continue
        detail = journal.get_entry(session, actor, e.id)
        paid = [p for p in detail.postings if p.amount < 0]
        problems = []
        if not e.voucher:
            problems.append("no voucher number")
        if not e.document_sha256:
            problems.append("no receipt attached")
        if e.reversed_by_number:
            problems.append(f"reversed by {e.reversed_by_number}")
        payments.append(
            [
                e.number,
                e.entry_date,
                e.project_name,
                e.payee,
                e.description,
                e.voucher,
                "; ".join(f"{p.account_code} {p.account_name}" for p in paid),
                sum((-p.amount for p in paid), Decimal("0.00")),
                paid[0].currency if paid else "",
                e.total_usd,
                e.document_name,
                e.document_sha256,
                "; ".join(problems),
            ]
        )

    step(4, total_steps, "Audit trail")
    since = datetime.combine(start, time(0), tzinfo=UTC)
    until = datetime.combine(end + timedelta(days=1), time(0), tzinfo=UTC)
    # Changes made during the year, and every change to the year's journal and GA approvals
    # whenever it was made (entries of a year are often posted early in the next).
    made_in_year = audit.list_records(
        session, actor, AuditFilter(since=since, until=until), limit=None, newest_first=False
    )
    about_year = audit.records_about(
        session,
        actor,
        {
            "journal_entry": [e.id for e in entries],
            "posting": posting_ids,
            "plan_approval": [a.id for a in approval_rows],
        },
    )
    trail = sorted({r.id: r for r in [*made_in_year, *about_year]}.values(), key=lambda r: r.id)
    trail_rows = [
        [
            r.id,
            r.at,
            r.username,
            r.action,
            r.table_name,
            r.record_id,
            r.reason,
            r.summary(limit=12),
            json.dumps(r.before, ensure_ascii=False, sort_keys=True) if r.before else "",
            json.dumps(r.after, ensure_ascii=False, sort_keys=True) if r.after else "",
            r.hash,
        ]
        for r in trail
    ]

    step(5, total_steps, "Verify")
    result = verify(session, actor, today)
    head = audit.chain_head(session, actor)
    profile = cooperative.get_profile(session, actor)

    _sheet(
        wb,
        "About",
        ["Item", "Value"],
        [
            ["Cooperative", profile.name if profile else ""],
            ["FLO ID", profile.flo_id if profile else ""],
            ["Fiscal year", year],
            ["From", start],
            ["To", end],
            ["Prepared by", actor.username],
            ["Prepared at (UTC)", datetime.now(UTC)],
            ["Journal entries", len(entries)],
            ["Audit records of the year (made in it, or about its entries)", len(trail_rows)],
            ["Audit records in total", head.count],
            ["Newest audit record", head.last_id],
            ["Its SHA-256 (note it: a later trail must still contain it)", head.last_hash],
            ["Integrity", "OK" if result.integrity_ok else "FAILED"],
            ["Integrity errors", len(result.errors)],
            ["Compliance warnings", len(result.warnings)],
        ],
        widths=[52, 70],
    )
    _sheet(
        wb,
        "Journal",
        [
            "Entry",
            "Date",
            "Kind",
            "Description",
            "Payee",
            "Voucher",
            "Project",
            "Contract",
            "Reference",
            "Line",
            "Account code",
            "Account",
            "Currency",
            "Debit",
            "Credit",
            "Rate (per USD)",
            "USD value",
            "Memo",
            "Reverses",
            "Reversed by",
            "Receipt SHA-256",
            "Recorded by",
            "Recorded at (UTC)",
        ],
        journal_rows,
        widths=[11, 11, 10, 40, 24, 14, 24, 14, 14, 5, 8, 30, 8, 14, 14, 12, 14, 20],
    )
    _sheet(
        wb,
        "Trial balance",
        [
            "Code",
            "Account",
            "Kind",
            "Currency",
            "Opening",
            "Movement",
            "Closing",
            "Opening USD",
            "Movement USD",
            "Closing USD",
            "Note",
        ],
        trial,
        widths=[8, 36, 10, 9, 15, 15, 15, 15, 15, 15, 12],
    )
    _sheet(
        wb,
        "GA approvals",
        [
            "Version",
            "In force",
            "GA date",
            "Minutes / resolution",
            "Members present",
            "Women present",
            "Votes for",
            "Votes against",
            "Abstentions",
            "Project",
            "Productivity / quality",
            "Budget USD",
            "Line note",
            "Recorded by",
            "Notes",
        ],
        approvals,
        widths=[8, 8, 11, 20, 9, 9, 9, 9, 9, 30, 10, 14, 20, 12, 30],
    )
    _sheet(
        wb,
        "Payments",
        [
            "Entry",
            "Date",
            "Project",
            "Payee",
            "Description",
            "Voucher",
            "Paid from",
            "Amount",
            "Currency",
            "USD value",
            "Receipt file",
            "Receipt SHA-256",
            "Remarks",
        ],
        payments,
        widths=[11, 11, 26, 26, 36, 14, 24, 14, 8, 14, 24, 66, 30],
    )
    _sheet(
        wb,
        "Audit trail",
        [
            "Record",
            "When (UTC)",
            "User",
            "Action",
            "Table",
            "Record id",
            "Reason",
            "Changes",
            "Before (JSON)",
            "After (JSON)",
            "SHA-256",
        ],
        trail_rows,
        widths=[8, 19, 12, 8, 18, 10, 24, 60, 40, 40, 66],
    )
    _sheet(
        wb,
        "Verify",
        ["Severity", "Check", "Finding", "Record"],
        [
            *([f.severity.value, f.check, f.message, f.record] for f in result.findings),
            [
                "",
                "",
                f"{len(result.checks_run)} checks run ({', '.join(result.checks_run)}): "
                f"integrity {'OK' if result.integrity_ok else 'FAILED'}",
                "",
            ],
        ],
        widths=[10, 24, 90, 24],
    )
    step(6, total_steps, "Saving")
    audit.stamp_workbook(session, wb)
    _save_atomically(wb, target)
    step(total_steps, total_steps, "Done")
    return AuditPackResult(target, year, len(entries), len(trail_rows), result.integrity_ok)


def _save_atomically(wb: Workbook, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".coop-desk-", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
