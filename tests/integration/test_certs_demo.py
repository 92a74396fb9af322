"""The demo's certification records are what the brief promises, on any date of the year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coop_desk.db import Database
from coop_desk.services import certification as certs
from coop_desk.services.certification import alerts as cert_alerts
from coop_desk.services.certification.alerts import AlertKind
from coop_desk.services.demo import load_demo
from tests.conftest import TODAY


def _check(db: Database, actor, on: date) -> None:
    with db.reading(actor) as s:
        coop = {c.scheme_name: c for c in certs.list_certificates(s, actor)}
        overview = certs.ics_overview(s, actor, on)
        alerts = cert_alerts.alerts(s, actor, on)
        sanctions = certs.list_sanctions(s, actor)
    assert coop["Fairtrade"].number == "3784"
    assert {"Organic EU (Reg. 2018/848)", "Organic USDA NOP"} <= set(coop)
    expiring = [
        a for a in alerts if a.kind == AlertKind.CERTIFICATE_EXPIRING and a.member_id is None
    ]
    assert len(expiring) == 1 and expiring[0].when is not None
    assert expiring[0].when <= on + timedelta(days=90)
    assert 0 < len(overview.not_inspected) < 15  # most, not all, inspected this year
    assert overview.coverage_percent < 100
    assert any(s.kind == "suspension" for s in sanctions)
    assert len(overview.overdue_actions) == 1
    assert overview.area_by_status[certs.ConversionStatus.T1] > 0
    in_conversion = sum(
        overview.area_by_status[s] for s in (certs.ConversionStatus.T2, certs.ConversionStatus.T3)
    )
    assert in_conversion > 0
    assert any(a.kind == AlertKind.CONVERSION_ENDING for a in alerts)


def test_demo_on_the_test_date(demo_db, actor):
    _check(demo_db, actor, TODAY)


@pytest.mark.slow
@pytest.mark.parametrize("on", [date(2026, 1, 3)])
def test_demo_early_in_the_year(tmp_path, actor, on):
    # (The member demo refuses dates after the real today, so the dates are in the past.)
    db = Database.open(tmp_path / "demo.sqlite")
    try:
        with db.transaction(actor) as s:
            load_demo(s, actor, on)
        _check(db, actor, on)
    finally:
        db.close()
