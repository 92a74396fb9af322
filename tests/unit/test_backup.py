"""Backups: checked copies, the 7 daily + 12 monthly rotation over simulated days, the status
the dashboard reads, pg_dump records, and a restore round trip (data identical, verify ok)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from coop_desk import checked_copies, paths
from coop_desk.db import Database, sqlite_path
from coop_desk.domain.members import MemberInput
from coop_desk.errors import PermissionDenied
from coop_desk.services import backup, members
from coop_desk.services.access import SYSTEM, Actor, Role
from coop_desk.services.verify import verify


def _member(code: str, surname: str) -> MemberInput:
    return MemberInput(
        code=code, first_names="Rosa", surnames=surname, gender="F", join_date=date(2020, 1, 1)
    )


@pytest.fixture
def small_db(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real coop-desk database with a few members (verify on it is quick)."""
    db = Database.open(tmp_path / "coop.sqlite")
    with db.transaction(SYSTEM) as s:
        for i in range(1, 4):
            members.create_member(s, SYSTEM, _member(f"CPGP-1-{i}", f"Apellido{i}"))
    yield db
    db.close()


def _rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT code, surnames FROM member ORDER BY code").fetchall()
    finally:
        conn.close()


def test_a_backup_is_checked_logged_and_becomes_the_months_copy(small_db, tmp_path):
    root = tmp_path / "usb"
    root.mkdir()
    now = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
    record = checked_copies.backup_now(sqlite_path(small_db.engine), root, now=now)
    assert record.good and record.check.integrity == "ok" and record.check.verify_errors == 0
    assert record.path == root / "coop" / "daily" / "coop-2026-11-27.sqlite"
    assert record.monthly == root / "coop" / "monthly" / "coop-2026-11.sqlite"
    assert _rows(record.path) == _rows(sqlite_path(small_db.engine))
    # The copy is one self-contained file: no WAL left beside it, nothing half-written.
    assert sorted(p.name for p in record.path.parent.iterdir()) == ["coop-2026-11-27.sqlite"]
    state = backup.status(root, "coop", now + timedelta(days=1))
    assert state.last_good == record and not state.stale
    assert backup.status(root, "coop", now + timedelta(days=8)).stale


def test_rotation_keeps_seven_daily_and_twelve_monthly_copies(small_db, tmp_path):
    root = tmp_path / "usb"
    root.mkdir()
    source = sqlite_path(small_db.engine)
    start = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    # Ten consecutive days, then one backup a month for fourteen months.
    days = [start + timedelta(days=i) for i in range(10)]
    days += [datetime(2025 + (m // 12), m % 12 + 1, 15, 12, tzinfo=UTC) for m in range(1, 15)]
    for i, now in enumerate(days):
        with small_db.transaction(SYSTEM) as s:  # the data changes between backups
            members.create_member(s, SYSTEM, _member(f"CPGP-2-{i + 1}", f"Nueva{i}"))
        checked_copies.backup_now(source, root, now=now)
    state = backup.status(root, "coop", days[-1])
    assert [p.name for p in state.daily] == [
        f"coop-{d.date().isoformat()}.sqlite" for d in sorted(days, reverse=True)[:7]
    ]
    expected_months = sorted({f"{d:%Y-%m}" for d in days}, reverse=True)[:12]
    assert [p.name for p in state.monthly] == [f"coop-{m}.sqlite" for m in expected_months]
    # A monthly copy is the month's first: January 2025 kept the 1st, not the 10th.
    january = Path(state.folder / "monthly" / "coop-2025-01.sqlite")
    assert not january.exists()  # rotated out: 14 newer months
    first_kept = state.monthly[-1]
    assert len(_rows(first_kept)) < len(_rows(state.daily[0]))
    assert len(backup.read_log(state.folder)) == len(days)


def test_the_same_days_copy_is_replaced_and_the_month_kept(small_db, tmp_path):
    root = tmp_path / "usb"
    root.mkdir()
    source = sqlite_path(small_db.engine)
    morning = datetime(2026, 3, 2, 9, tzinfo=UTC)
    checked_copies.backup_now(source, root, now=morning)
    with small_db.transaction(SYSTEM) as s:
        members.create_member(s, SYSTEM, _member("CPGP-3-1", "Tarde"))
    evening = checked_copies.backup_now(source, root, now=morning + timedelta(hours=8))
    assert len(_rows(evening.path)) == 4
    assert evening.monthly is None  # the month's first copy stays as it was
    assert len(_rows(root / "coop" / "monthly" / "coop-2026-03.sqlite")) == 3
    assert not backup.due(root, "coop", morning + timedelta(hours=9))
    assert backup.due(root, "coop", morning + timedelta(days=1))


def test_an_unreachable_folder_is_named(small_db, tmp_path):
    with pytest.raises(backup.BackupError, match="cannot be reached. Is the USB disk"):
        checked_copies.backup_now(sqlite_path(small_db.engine), tmp_path / "unplugged")


# --- a copy to a named file ----------------------------------------------------------------------


def test_an_existing_database_is_never_overwritten_without_asking(small_db, tmp_path, demo_db):
    target = sqlite_path(demo_db.engine)
    demo_db.close()
    before = target.read_bytes()
    with pytest.raises(backup.BackupError) as exc:
        checked_copies.backup_to(sqlite_path(small_db.engine), target)
    assert "188 members" in str(exc.value) and "--overwrite" in str(exc.value)
    assert target.read_bytes() == before
    record = checked_copies.backup_to(sqlite_path(small_db.engine), target, overwrite=True)
    assert record.good and len(_rows(target)) == 3


def test_a_folder_gets_a_dated_file_and_another_file_is_refused(small_db, tmp_path):
    folder = tmp_path / "copias"
    folder.mkdir()
    now = datetime(2026, 11, 27, 15, 30, 5, tzinfo=UTC)
    record = checked_copies.backup_to(sqlite_path(small_db.engine), folder, now=now)
    assert record.path.parent == folder and record.path.name.startswith("coop-2026-11-27-")
    text = tmp_path / "notes.txt"
    text.write_text("minutes of the assembly")
    with pytest.raises(backup.BackupError, match="is not a database"):
        checked_copies.backup_to(sqlite_path(small_db.engine), text, overwrite=True)
    assert text.read_text() == "minutes of the assembly"
    with pytest.raises(backup.BackupError, match="is the database itself"):
        checked_copies.backup_to(
            sqlite_path(small_db.engine), sqlite_path(small_db.engine), overwrite=True
        )


# --- PostgreSQL dumps ------------------------------------------------------------------------------


def test_a_pg_dump_is_checked_and_recorded(tmp_path):
    root = tmp_path / "usb"
    root.mkdir()
    url = "postgresql+psycopg://coop@server/coopdesk"
    good = tmp_path / "coopdesk.sql"
    good.write_text("-- dump\nCREATE TABLE x ();\n--\n-- PostgreSQL database dump complete\n--\n")
    record = backup.record_dump(good, url, root)
    assert record.good and record.kind == "pg_dump"
    assert backup.status(root, "coopdesk").last_good == record
    cut = tmp_path / "cut.sql"
    cut.write_text("-- dump\nCREATE TABLE x (")
    with pytest.raises(backup.BackupError, match="not a complete pg_dump"):
        backup.record_dump(cut, url, root)
    state = backup.status(root, "coopdesk")
    assert state.last is not None and not state.last.good and state.last_good == record


# --- restore ---------------------------------------------------------------------------------------


def test_restore_round_trip_data_identical_and_verify_passes(demo_db, tmp_path):
    root = tmp_path / "usb"
    root.mkdir()
    live = sqlite_path(demo_db.engine)
    record = checked_copies.backup_now(live, root, now=datetime(2026, 11, 27, 12, tzinfo=UTC))
    original = _rows(live)
    with demo_db.reading(SYSTEM) as s:
        head_before = verify(s, SYSTEM, date(2026, 11, 27))
    # Disaster: most of the register is lost (the 287 entries that became 94).
    conn = sqlite3.connect(live)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM plot WHERE member_id > 50")
    conn.execute("DELETE FROM member WHERE id > 50")
    conn.commit()
    conn.close()
    demo_db.close()

    plan = checked_copies.plan_restore(record.path, live)
    assert plan.copy.members == 188 and plan.current is not None and plan.current.members == 50
    with pytest.raises(PermissionDenied):
        backup.restore(plan, Actor("tesorero", Role.TREASURER, 2))
    result = backup.restore(plan, SYSTEM)
    assert result.kept_aside is not None and result.kept_aside.parent == paths.backups_dir()
    assert backup.summarize(result.kept_aside).members == 50  # the current one, kept aside
    assert _rows(live) == original
    restored = Database.open(live)
    try:
        with restored.reading(SYSTEM) as s:
            after = verify(s, SYSTEM, date(2026, 11, 27))
    finally:
        restored.close()
    assert after.integrity_ok and len(after.warnings) == len(head_before.warnings)


def test_restore_refuses_what_is_not_a_whole_coop_desk_database(small_db, tmp_path):
    live = sqlite_path(small_db.engine)
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database")
    with pytest.raises(backup.BackupError, match="is not a database"):
        checked_copies.plan_restore(text, live)
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(backup.BackupError, match="not a coop-desk one"):
        checked_copies.plan_restore(other, live)
    # A copy whose trail was tampered with fails verify: it is not restored.
    copy = checked_copies.backup_to(live, tmp_path / "copy.sqlite").path
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE member SET surnames = 'Falso' WHERE code = 'CPGP-1-1'")
    conn.commit()
    conn.close()
    with pytest.raises(backup.BackupError, match="verify found"):
        checked_copies.plan_restore(copy, live)
