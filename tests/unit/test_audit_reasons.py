"""Reasons the user gives (reversal, reopening a year) reach the audit records they explain."""

from __future__ import annotations

from sqlalchemy import select

from coop_desk.models import JournalEntry
from coop_desk.services import audit
from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import journal
from tests.conftest import TODAY


def test_reversal_reason_is_on_its_audit_records(demo_db):
    with demo_db.reading(SYSTEM) as s:
        entry_id = s.scalar(
            select(JournalEntry.id)
            .where(JournalEntry.kind == "payment", JournalEntry.fiscal_year == TODAY.year)
            .order_by(JournalEntry.id.desc())
            .limit(1)
        )
    with demo_db.transaction(SYSTEM) as s:
        reversal = journal.reverse_entry(s, SYSTEM, entry_id, reason="duplicate voucher RC-77")
    with demo_db.reading(SYSTEM) as s:
        records = audit.history(s, SYSTEM, "journal_entry", reversal.id, include_children=True)
    assert records
    assert all(r.reason == "duplicate voucher RC-77" for r in records)
