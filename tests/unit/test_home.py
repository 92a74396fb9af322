"""The home dashboard's figures and the gender report, against the demo cooperative (loaded
with ``today`` = 2026-11-27: fiscal years 2024-2026, 188 members, the deliberate warnings)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from coop_desk import checked_copies
from coop_desk.db import sqlite_path
from coop_desk.services import backup, home
from coop_desk.services.access import SYSTEM, Actor, Role
from coop_desk.services.home import Section
from coop_desk.services.ledger import gender
from tests.conftest import TODAY

D = Decimal


def _sql(db, query: str) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(sqlite_path(db.engine))
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_the_administrators_home_on_the_demo(demo_db):
    with demo_db.reading(SYSTEM) as s:
        h = home.home(s, SYSTEM, TODAY)
    assert h.sections == frozenset(Section) and h.year == 2026
    # Members and the share of women, counted independently here.
    ((active, women),) = _sql(
        demo_db, "SELECT count(*), sum(gender = 'F') FROM member WHERE status = 'active'"
    )
    assert h.register is not None and h.register.members == 188
    assert h.members is not None and (h.members.members, h.members.women) == (active, women)
    assert (active, women) == (181, 51)
    # ICS coverage this year: 176 of the 185 members of the group inspected in 2026.
    assert h.ics is not None
    assert (h.ics.inspected, h.ics.group_members, h.ics.coverage_percent) == (176, 185, D("95.1"))
    # Certificates expiring within 90 days: the organic certificate and one member's RA one.
    assert sorted(a.when.isoformat() for a in h.certificates if a.when) == [
        "2027-01-06",
        "2027-01-26",
    ]
    # The Premium this year, and every project against its approved budget.
    assert h.fund is not None
    assert (h.fund.received, h.fund.spent, h.fund.closing) == (
        D("22057.25"),
        D("21610.00"),
        D("25218.66"),
    )
    assert sum((p.spent for p in h.projects), D(0)) == h.fund.spent
    womens = next(p for p in h.projects if p.name == "Women's programme")
    assert (womens.approved, womens.spent) == (D("2500.00"), D("1875.00"))
    assert [f.year for f in h.premium_years] == [2024, 2025, 2026]
    assert h.premium_years[-1] == h.fund
    # The demo's deliberate compliance findings are among the open warnings.
    checks = {f.check for f in h.warnings}
    assert {"premium.over_budget", "premium.overdue", "certs.inspection_overdue"} <= checks
    assert h.errors == ()


def test_each_role_sees_its_own_sections(demo_db):
    treasurer = Actor("tesorero", Role.TREASURER, 2)
    secretary = Actor("secretario", Role.SECRETARY, 3)
    with demo_db.reading(treasurer) as s:
        t = home.home(s, treasurer, TODAY)
    assert t.members is None and t.ics is None and t.fund is not None and t.projects
    assert {f.check.split(".")[0] for f in t.findings} == {"premium"}
    with demo_db.reading(secretary) as s:
        sec = home.home(s, secretary, TODAY)
    assert sec.fund is None and sec.projects == () and sec.members is not None
    assert {f.check.split(".")[0] for f in sec.findings} == {"certs"}
    auditor = Actor("auditor", Role.AUDITOR, 4)
    with demo_db.reading(auditor) as s:
        a = home.home(s, auditor, TODAY)
    assert a.backup is None and a.fund is not None and a.members is not None


def test_the_home_warns_until_a_good_backup_is_less_than_a_week_old(demo_db, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_folder(usb)
    now = datetime(2026, 11, 27, 12, tzinfo=UTC)
    with demo_db.reading(SYSTEM) as s:
        before = home.home(s, SYSTEM, TODAY, now=now)
    assert before.backup is not None and before.backup.stale and before.backup.last_good is None
    checked_copies.backup_now(sqlite_path(demo_db.engine), now=now)
    with demo_db.reading(SYSTEM) as s:
        fresh = home.home(s, SYSTEM, TODAY, now=now + timedelta(days=6))
        old = home.home(s, SYSTEM, TODAY, now=now + timedelta(days=8))
    assert fresh.backup is not None and not fresh.backup.stale
    assert fresh.backup.folder == usb / "demo"
    assert old.backup is not None and old.backup.stale


def test_the_gender_report_of_the_demo(demo_db):
    with demo_db.reading(SYSTEM) as s:
        report = gender.gender_report(s, SYSTEM, 2025, today=TODAY)
    assert (report.members.women, report.members.total) == (51, 181)
    assert report.members.percent == D("28.2")
    # 2025's plan was approved, then revised, at two assemblies: attendance summed.
    assert [(m.members_present, m.women_present) for m in report.meetings] == [(133, 44), (97, 35)]
    assert (report.assembly.women, report.assembly.total) == (79, 230)
    assert report.assembly.percent == D("34.3")
    # Inspected in calendar 2025 (as the ICS coverage counts it), by gender.
    (women_inspected,) = _sql(
        demo_db,
        "SELECT count(DISTINCT i.member_id) FROM inspection i JOIN member m ON m.id = i.member_id "
        "WHERE m.gender = 'F' AND i.inspection_date BETWEEN '2025-01-01' AND '2025-12-31'",
    )[0]
    assert report.inspected.women <= women_inspected
    assert (report.inspected.women, report.inspected.total) == (52, 185)
    # The women's programme overspent in 2025 (the demo's deliberate over_budget warning).
    assert report.programme_name == "Women's programme"
    assert (report.programme_budget, report.programme_spent) == (D("2500.00"), D("3000.00"))
    assert report.premium_spent == D("23145.65")
    assert report.programme_share == D("13.0")


def test_an_empty_database_has_a_quiet_home(sqlite_db):
    with sqlite_db.reading(SYSTEM) as s:
        h = home.home(s, SYSTEM, TODAY)
        g = gender.gender_report(s, SYSTEM, 2026, today=TODAY)
    assert h.members is not None and h.members.members == 0
    assert h.ics is not None and h.ics.group_members == 0
    assert h.fund is not None and h.fund.received == 0
    assert g.members.percent is None and g.programme_share is None


def _findings_read_twice(s, actor, today):  # type: ignore[no-untyped-def]
    """The home page's findings as they were computed before issue 14: the ledger's checks,
    then ``verify``'s certification check reading the ICS group again on its own."""
    from coop_desk.services.certification import alerts as cert_alerts
    from coop_desk.services.ledger import checks as ledger_checks
    from coop_desk.services.verify import Severity

    found = ledger_checks.compliance(s, actor, today) + cert_alerts.check_certification(s, today)
    found.sort(key=lambda f: (f.severity != Severity.ERROR, f.check))
    return tuple(found)


def test_the_home_reads_the_ics_group_once_and_finds_what_reading_it_twice_finds(
    demo_db, monkeypatch
):
    from coop_desk.services.certification import alerts as cert_alerts
    from coop_desk.services.certification import ics

    reads = []
    farmers = ics._farmers
    monkeypatch.setattr(ics, "_farmers", lambda *a: reads.append(a) or farmers(*a))
    # Today, and two years on: certificates expired, actions overdue, nobody inspected lately.
    for today in (TODAY, TODAY + timedelta(days=730)):
        with demo_db.reading(SYSTEM) as s:
            reads.clear()
            h = home.home(s, SYSTEM, today)
            assert len(reads) == 1
            assert h.findings == _findings_read_twice(s, SYSTEM, today)
            assert h.ics == cert_alerts.dashboard(s, SYSTEM, today, home.EXPIRY_DAYS).overview
        checks = {f.check for f in h.findings}
        assert "certs.inspection_overdue" in checks
    assert "certs.certificate_expired" in checks
