"""Audit trail benchmark: what the trail costs a write, and how long verify's trail checks
take on a large journal (``python -m benchmarks.bench_trust``).

The journal is bulk-inserted (as in ``bench_ledger``) and then given one baseline audit record
per row (``audit.write_baseline``), so the chain and content checks run over a trail as long as
a real one would be.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.bench_ledger import seed
from coop_desk.db import Database
from coop_desk.models import Account, AuditRecord
from coop_desk.services import audit
from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import journal
from coop_desk.services.ledger.books import AccountRole

ENTRIES = 50_000
PAYMENTS = 500


def main() -> int:
    results: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "trust.sqlite")
        seed(db, ENTRIES)
        start = time.perf_counter()
        with db.engine.begin() as conn:
            written = audit.write_baseline(conn)
        results.append((f"baseline records for {written:,} rows", time.perf_counter() - start))

        with db.reading(SYSTEM) as s:
            bank = s.scalar(select(Account.id).where(Account.name == "Bank USD"))
            expense = s.scalar(
                select(Account.id).where(Account.role == AccountRole.PROJECT_EXPENSE)
            )
        start = time.perf_counter()
        for n in range(PAYMENTS):  # one transaction each, as a user would post them
            with db.transaction(SYSTEM) as s:
                journal.post_entry(
                    s,
                    SYSTEM,
                    entry_date=date(2026, 3, 1 + n % 28),
                    description=f"bench {n}",
                    postings=[
                        journal.PostingInput(expense, Decimal("12.34"), "USD"),
                        journal.PostingInput(bank, Decimal("-12.34"), "USD"),
                    ],
                )
        per_entry = (time.perf_counter() - start) / PAYMENTS
        results.append((f"post one entry with its audit records (mean of {PAYMENTS})", per_entry))

        with db.reading(SYSTEM) as s:
            records = s.scalar(select(func.count()).select_from(AuditRecord)) or 0
            start = time.perf_counter()
            chain = audit.check_chain(s, date.today())
            results.append(
                (f"verify: hash chain over {records:,} records", time.perf_counter() - start)
            )
            start = time.perf_counter()
            content = audit.check_content(s, date.today())
            results.append(
                ("verify: every row against its last record", time.perf_counter() - start)
            )
        assert not chain and not content, (chain[:3], content[:3])
        db.close()
    width = max(len(name) for name, _ in results)
    print(f"{'operation'.ljust(width)}  seconds")
    print(f"{'-' * width}  -------")
    for name, seconds in results:
        print(f"{name.ljust(width)}  {seconds:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
