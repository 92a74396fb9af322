"""The audit pack: one workbook an auditor takes away for a fiscal year (the use case).

This module checks the permission, reads the year (journal, trial balance, GA approvals,
payments, the audit trail, the result of ``verify``) and assembles the rows of each sheet;
``exchange.audit_pack`` lays them out and writes the file. Amounts stay ``Decimal`` to the
cell, timestamps are given in UTC. The journal is read in bulk
(``journal.list_entry_details``): the number of queries does not grow with the entries.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from coop_desk import i18n
from coop_desk.exchange.audit_pack import SHEETS, write_audit_pack
from coop_desk.i18n import _, formats
from coop_desk.services import audit, audit_words, cooperative
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.audit import AuditFilter
from coop_desk.services.ledger import journal, plan, reports
from coop_desk.services.ledger.books import EntryKind, year_bounds
from coop_desk.services.ledger.journal import JournalFilter
from coop_desk.services.verify import SEVERITY_LABELS, verify

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class AuditPackResult:
    path: Path
    year: int
    entries: int
    audit_records: int
    integrity_ok: bool


def _utc(moment: datetime) -> datetime:
    """A timestamp as local wall-clock time (a workbook cell has no time zone; the program
    shows every time in local time, :mod:`coop_desk.i18n.formats`)."""
    return formats.local(moment).replace(tzinfo=None) if moment.tzinfo else moment


def build_audit_pack(
    session: Session,
    actor: Actor,
    target: Path,
    year: int,
    *,
    today: date | None = None,
    progress: Progress | None = None,
    language: str | None = None,
) -> AuditPackResult:
    """Write the audit pack for fiscal ``year`` to ``target`` (atomically), in ``language``
    (default: the cooperative's)."""
    require(actor, Permission.EXPORT)
    with i18n.use_language(language or cooperative.cooperative_language(session)):
        return _build(session, actor, target, year, today, progress)


def _build(
    session: Session,
    actor: Actor,
    target: Path,
    year: int,
    today: date | None,
    progress: Progress | None,
) -> AuditPackResult:
    step = progress or (lambda done, total, text: None)
    total_steps = len(SHEETS)
    start, end = year_bounds(session, year)

    step(0, total_steps, _("Journal"))
    details = journal.list_entry_details(session, actor, JournalFilter(year=year))
    entries = [d.entry for d in details]
    journal_rows: list[list[Any]] = []
    posting_ids: list[int] = []
    for detail in details:
        e = detail.entry
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
                    _utc(e.created_at),
                ]
            )

    step(1, total_steps, _("Trial balance"))
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
                _("Total {currency}", currency=currency),
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

    step(2, total_steps, _("GA approvals"))
    approvals: list[list[Any]] = []
    approval_rows = plan.list_approvals(session, actor, year)
    for a in approval_rows:
        for line in a.lines or ():
            approvals.append(
                [
                    a.version,
                    _("yes") if a.current else "",
                    a.approval_date,
                    a.minutes_number,
                    a.members_present,
                    a.women_present,
                    a.votes_for,
                    a.votes_against,
                    a.votes_abstaining,
                    line.project_name,
                    _("yes") if line.productivity_quality else "",
                    line.amount,
                    line.note,
                    a.recorded_by,
                    a.notes,
                ]
            )

    step(3, total_steps, _("Payments"))
    payments: list[list[Any]] = []
    for detail in details:
        e = detail.entry
        if e.kind != EntryKind.PAYMENT:
            continue
        paid = [p for p in detail.postings if p.amount < 0]
        problems = []
        if not e.voucher:
            problems.append(_("no voucher number"))
        if not e.document_sha256:
            problems.append(_("no receipt attached"))
        if e.reversed_by_number:
            problems.append(
                _("reversed by {reversed_by_number}", reversed_by_number=e.reversed_by_number)
            )
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

    step(4, total_steps, _("Audit trail"))
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
            _utc(r.at),
            r.username,
            r.action,
            words.title,
            r.table_name,
            r.record_id,
            r.reason,
            words.summary(limit=12),
            json.dumps(r.before, ensure_ascii=False, sort_keys=True) if r.before else "",
            json.dumps(r.after, ensure_ascii=False, sort_keys=True) if r.after else "",
            r.hash,
        ]
        for words in audit_words.describe(session, actor, trail)
        for r in (words.record,)
    ]

    step(5, total_steps, _("Verify"))
    result = verify(session, actor, today)
    head = audit.chain_head(session, actor)
    anchor = audit.current_anchor(session)  # the same head, and when it was read
    profile = cooperative.get_profile(session, actor)
    about: list[list[Any]] = [
        [_("Cooperative"), profile.name if profile else ""],
        [_("FLO ID"), profile.flo_id if profile else ""],
        [_("Fiscal year"), year],
        [_("From"), start],
        [_("To"), end],
        [_("Prepared by"), actor.username],
        [_("Prepared at"), _utc(datetime.now(UTC))],
        [_("Journal entries"), len(entries)],
        [_("Audit records of the year (made in it, or about its entries)"), len(trail_rows)],
        [_("Audit records in total"), head.count],
        [_("Newest audit record"), head.last_id],
        [_("Its SHA-256 (note it: a later trail must still contain it)"), head.last_hash],
        [_("Integrity"), _("OK") if result.integrity_ok else _("FAILED")],
        [_("Integrity errors"), len(result.errors)],
        [_("Compliance warnings"), len(result.warnings)],
    ]
    findings: list[list[Any]] = [
        *([_(SEVERITY_LABELS[f.severity]), f.check, f.message, f.record] for f in result.findings),
        [
            "",
            "",
            _(
                "{count} checks run ({checks}): integrity {result}",
                count=len(result.checks_run),
                checks=", ".join(result.checks_run),
                result=_("OK") if result.integrity_ok else _("FAILED"),
            ),
            "",
        ],
    ]
    step(6, total_steps, _("Saving"))
    write_audit_pack(
        target,
        _("Audit pack {year}", year=year),
        {
            "About": about,
            "Journal": journal_rows,
            "Trial balance": trial,
            "GA approvals": approvals,
            "Payments": payments,
            "Audit trail": trail_rows,
            "Verify": findings,
        },
        trail_head=(anchor.text, anchor.at) if anchor.at else None,
    )
    step(total_steps, total_steps, _("Done"))
    return AuditPackResult(target, year, len(entries), len(trail_rows), result.integrity_ok)
