"""The benchmark data set (``benchmarks/dataset.py``) is consistent with the program's rules:
its bulk-inserted rows and the audit records written for them pass every integrity check of
``verify``, so ``make bench`` measures verify on intact data. Small scale, same code paths."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from benchmarks import dataset
from coop_desk.db import Database
from coop_desk.models import AuditRecord, JournalEntry, Member, Posting
from coop_desk.services.access import SYSTEM
from coop_desk.services.verify import verify
from tests.conftest import TODAY

# The compliance findings the generator seeds on purpose (and no others).
SEEDED = {"certs.inspection_overdue", "premium.voucher_missing"}


def test_generated_data_set_is_intact_and_complete(tmp_path: Path) -> None:
    scale = dataset.TINY
    report = dataset.build(tmp_path / "bench.sqlite", scale, TODAY)
    db = Database.open(tmp_path / "bench.sqlite")
    try:
        with db.reading(SYSTEM) as s:
            result = verify(s, SYSTEM, TODAY)
            assert [f.describe() for f in result.errors] == []
            assert {f.check for f in result.warnings} <= SEEDED
            assert s.scalar(select(func.count(Posting.id))) == scale.postings
            assert s.scalar(select(func.count(Member.id))) == scale.members
            years = s.execute(
                select(JournalEntry.fiscal_year, func.count(), func.max(JournalEntry.number))
                .group_by(JournalEntry.fiscal_year)
                .order_by(JournalEntry.fiscal_year)
            ).all()
            assert [y for y, _, _ in years] == list(range(TODAY.year - scale.years, TODAY.year))
            assert all(count == highest for _, count, highest in years)
            assert s.scalar(select(func.count(AuditRecord.id))) == report.audit_records
    finally:
        db.close()
