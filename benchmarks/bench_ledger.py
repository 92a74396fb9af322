"""``python -m benchmarks.bench_ledger``: the Premium ledger's reports on a large journal.

Seeds ENTRIES journal entries (two postings each, USD and PEN) in one fiscal year with bulk
inserts, then times what the treasurer waits for: account balances, project balances, the
fund, a filtered page of the journal, and the ledger's verify checks. The balance queries are
served by the covering index ``ix_posting_balance``; the same queries are timed again without
it to show what it buys (STYLE.md: "Aggregations that must be fast need a covering index").
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select, text

from coop_desk.db import Database
from coop_desk.models import Account, JournalEntry, Posting
from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import checks, journal, reports
from coop_desk.services.ledger.books import AccountRole

ENTRIES = 100_000
YEAR = 2025


def seed(db: Database, count: int) -> None:
    with db.transaction(SYSTEM) as s:
        expense = list(
            s.scalars(select(Account.id).where(Account.role == AccountRole.PROJECT_EXPENSE))
        )
        bank_pen = s.scalar(select(Account.id).where(Account.name == "Bank PEN"))
        bank_usd = s.scalar(select(Account.id).where(Account.name == "Bank USD"))
        entries, postings = [], []
        start = date(YEAR, 1, 1)
        for n in range(1, count + 1):
            day = start + timedelta(days=n % 365)
            pen = n % 3 != 0
            amount = Decimal(100 + n % 5000) + Decimal("0.37")
            rate = Decimal("3.75") if pen else Decimal(1)
            usd = (amount / rate).quantize(Decimal("0.01")) if pen else amount
            entries.append(
                dict(
                    id=n,
                    fiscal_year=YEAR,
                    number=n,
                    entry_date=day,
                    kind="payment",
                    description=f"Payment {n}",
                    reference="",
                    payee=f"Supplier {n % 300}",
                    voucher=f"F001-{n:06d}",
                    search_key=f"{YEAR}-{n:04d} payment {n} supplier {n % 300} f001-{n:06d}",
                    created_by="bench",
                )
            )
            for line, (account, sign) in enumerate(
                ((expense[n % len(expense)], 1), (bank_pen if pen else bank_usd, -1)), 1
            ):
                postings.append(
                    dict(
                        entry_id=n,
                        line=line,
                        account_id=account,
                        fiscal_year=YEAR,
                        entry_date=day,
                        currency="PEN" if pen else "USD",
                        amount=sign * amount,
                        rate=rate,
                        usd_value=sign * usd,
                        memo="",
                    )
                )
        s.execute(insert(JournalEntry), entries)
        s.execute(insert(Posting), postings)


def timed(fn: object, repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return sorted(samples)[len(samples) // 2]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "bench.sqlite")
        start = time.perf_counter()
        seed(db, ENTRIES)
        seeding = time.perf_counter() - start

        def read(fn):  # type: ignore[no-untyped-def]
            def run() -> object:
                with db.reading(SYSTEM) as s:
                    return fn(s)

            return run

        balances = read(lambda s: reports.account_balances(s, SYSTEM, YEAR))
        projects = read(lambda s: reports.project_balances(s, SYSTEM, YEAR))
        fund = read(lambda s: reports.fund_report(s, SYSTEM, YEAR))
        page = read(
            lambda s: journal.list_entries(
                s, SYSTEM, journal.JournalFilter(year=YEAR, text="supplier 17"), limit=200
            )
        )
        verify_ledger = read(lambda s: checks.compliance(s, SYSTEM, date(YEAR + 1, 6, 1)))
        results = [
            (f"insert {ENTRIES:,} entries / {2 * ENTRIES:,} postings (bulk)", seeding),
            ("account balances (covering indexes)", timed(balances)),
            ("project balances", timed(projects)),
            ("Premium fund report", timed(fund)),
            ("journal page: 200 entries matching a text", timed(page)),
            ("ledger verify checks (integrity + compliance)", timed(verify_ledger, 1)),
        ]
        with db.engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_posting_balance"))
            conn.execute(text("DROP INDEX ix_posting_year"))
        results.append(("account balances WITHOUT the covering indexes", timed(balances)))
        db.close()
    width = max(len(name) for name, _ in results)
    print(f"{'operation'.ljust(width)}  seconds")
    print(f"{'-' * width}  -------")
    for name, seconds in results:
        print(f"{name.ljust(width)}  {seconds:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
