"""The home page's figures on a small generated federation (``benchmarks/dataset.py``,
``TINY``): the ICS group read once gives the findings the separate checks give."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from benchmarks import dataset
from coop_desk.db import Database
from coop_desk.services import home
from coop_desk.services.access import SYSTEM
from coop_desk.services.certification import alerts as cert_alerts
from coop_desk.services.ledger import checks
from coop_desk.services.verify import Severity
from tests.conftest import TODAY


def test_the_home_findings_on_a_generated_federation(tmp_path: Path) -> None:
    dataset.build(tmp_path / "bench.sqlite", dataset.TINY, TODAY)
    db = Database.open(tmp_path / "bench.sqlite")
    try:
        for today in (TODAY, TODAY + timedelta(days=400)):
            with db.reading(SYSTEM) as s:
                h = home.home(s, SYSTEM, today)
                twice = checks.compliance(s, SYSTEM, today) + cert_alerts.check_certification(
                    s, today
                )
                twice.sort(key=lambda f: (f.severity != Severity.ERROR, f.check))
                assert h.findings == tuple(twice)
                assert any(f.check == "certs.inspection_overdue" for f in h.findings)
    finally:
        db.close()
