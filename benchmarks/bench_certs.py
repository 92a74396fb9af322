"""ICS views on a federation-sized group: members with plots, organic status, inspections,
decisions and sanctions inserted in bulk into a temporary SQLite file, then the farmer list,
the ICS overview, the alerts and the xlsx export are timed.

``python -m benchmarks.bench_certs [MEMBERS]`` (default 20,000).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert

from coop_desk.db import Database
from coop_desk.models import ApprovalDecision, Inspection, Member, Plot, PlotOrganic
from coop_desk.services import certification as certs
from coop_desk.services import ics_list
from coop_desk.services.access import SYSTEM
from coop_desk.services.certification import alerts as cert_alerts

ON = date(2026, 11, 27)


def fill(db: Database, members: int) -> None:
    rng = random.Random(1)
    with db.transaction(SYSTEM) as s:
        s.execute(
            insert(Member),
            [
                dict(
                    id=i,
                    code=f"B-{i}",
                    code_sort=f"B-{i:012d}",
                    first_names="Rosa",
                    surnames=f"Núñez {i}",
                    gender="F",
                    join_date=date(2010, 1, 1),
                    status="active",
                    status_date=date(2010, 1, 1),
                )
                for i in range(1, members + 1)
            ],
        )
        plots = []
        for i in range(1, members + 1):
            for _ in range(rng.choice([1, 2, 3])):
                plots.append(
                    dict(
                        member_id=i,
                        name="Plot",
                        total_area_ha=Decimal(rng.randint(5, 30)) / 10,
                        coffee_area_ha=Decimal(1),
                    )
                )
        s.execute(insert(Plot), plots)
        s.execute(
            insert(PlotOrganic),
            [
                dict(plot_id=p, conversion_start=ON - timedelta(days=rng.randint(0, 3000)))
                for p in range(1, len(plots) + 1)
            ],
        )
        s.execute(
            insert(ApprovalDecision),
            [
                dict(member_id=i, decision_date=date(2010, 2, 1), decision="approved")
                for i in range(1, members + 1)
            ],
        )
        rows = []
        for year in (ON.year - 1, ON.year):
            for i in range(1, members + 1):
                if year == ON.year and rng.random() < 0.05:
                    continue
                rows.append(
                    dict(
                        member_id=i,
                        inspection_date=date(year, rng.randint(1, 10), rng.randint(1, 28)),
                        inspector="Inspector",
                        result="approved",
                        yield_estimate_kg=Decimal(1000),
                    )
                )
        s.execute(insert(Inspection), rows)


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    print(f"  {label:<28} {time.perf_counter() - start:7.2f} s")
    return result


def main(members: int = 20_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.sqlite")
        print(f"certifications, {members:,} members:")
        timed("bulk fill", lambda: fill(db, members))
        with db.reading(SYSTEM) as s:
            rows = timed("farmer list", lambda: certs.farmer_list(s, SYSTEM, ON))
            timed("ICS overview", lambda: certs.ics_overview(s, SYSTEM, ON))
            found = timed("alerts (90 days)", lambda: cert_alerts.alerts(s, SYSTEM, ON))
        with db.reading(SYSTEM) as s:
            timed(
                "xlsx export",
                lambda: ics_list.export_ics_list(s, SYSTEM, Path(folder) / "ics.xlsx", on=ON),
            )
        print(f"  {len(rows):,} farmers, {len(found):,} alerts")
        db.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
