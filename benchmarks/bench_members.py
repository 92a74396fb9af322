"""Member register benchmark: times listing, searching and counting, and prints a table.

Targets (from the brief and STYLE.md): listing and searching a register of a federation size
(20,000 members) stays well under a second, so search can be instant.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import insert

from coop_desk.db import Database
from coop_desk.domain.members import code_sort_key, search_key
from coop_desk.models import Member
from coop_desk.services import members
from coop_desk.services.access import SYSTEM
from coop_desk.services.members import MemberFilter

MEMBERS = 20_000


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def seed(db: Database, count: int) -> None:
    rows = []
    for n in range(1, count + 1):
        code = f"FED-{n}"
        first, surnames = f"Nombre{n % 97}", f"Núñez{n % 13} Pérez{n % 7}"
        rows.append(
            dict(
                code=code,
                code_sort=code_sort_key(code),
                first_names=first,
                surnames=surnames,
                dni=f"{n:08d}",
                gender="F" if n % 3 == 0 else "M",
                join_date=date(2010, 1, 1),
                status="active",
                status_date=date(2010, 1, 1),
                community=f"Sector {n % 40}",
                phone="",
                notes="",
                search_key=search_key(code, first, surnames, f"{n:08d}"),
            )
        )
    with db.transaction(SYSTEM) as session:
        session.execute(insert(Member), rows)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "bench.sqlite")
        start = time.perf_counter()
        seed(db, MEMBERS)
        seeding = time.perf_counter() - start

        def list_all() -> object:
            with db.reading(SYSTEM) as s:
                return members.list_members(s, SYSTEM)

        def search() -> object:
            with db.reading(SYSTEM) as s:
                return members.list_members(s, SYSTEM, MemberFilter(text="nunez3 perez"))

        def counts() -> object:
            with db.reading(SYSTEM) as s:
                return members.register_counts(s, SYSTEM)

        results = [
            (f"insert {MEMBERS:,} members (bulk)", seeding),
            (f"list {MEMBERS:,} members", timed(list_all)),
            ("search 'nunez3 perez' (accent-free)", timed(search)),
            ("register counts", timed(counts)),
        ]
        db.close()
    width = max(len(name) for name, _ in results)
    print(f"{'operation'.ljust(width)}  seconds")
    print(f"{'-' * width}  -------")
    for name, seconds in results:
        print(f"{name.ljust(width)}  {seconds:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
