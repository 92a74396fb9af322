"""The audit trail: every change recorded in the same transaction, exact values, a hash chain
that verify rechecks, and the row contents compared with the trail."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import ProgrammingError

from coop_desk.domain.members import MemberStatus
from coop_desk.models import AuditRecord, Cooperative
from coop_desk.services import audit, cooperative, members
from coop_desk.services.access import SYSTEM, Actor, Role
from coop_desk.services.audit import AuditFilter, writer
from coop_desk.services.audit import checks as audit_checks
from coop_desk.services.verify import verify
from tests.unit.test_member_services import make_input

SECRETARY = Actor("secretario", Role.SECRETARY, user_id=7)


def records(db, **flt):
    with db.reading(SYSTEM) as s:
        return audit.list_records(s, SYSTEM, AuditFilter(**flt), limit=None, newest_first=False)


def test_insert_update_delete_are_recorded_with_who_and_exact_values(db):
    with db.transaction(SECRETARY) as s:
        created = members.create_member(s, SECRETARY, make_input())
    member_id = created.id
    plot_id = created.plots[0].id
    inserted = records(db, table_name="member", record_id=str(member_id))
    assert [r.action for r in inserted] == ["insert"]
    first = inserted[0]
    assert first.username == "secretario" and first.before is None
    assert first.after["dni"] == "01234567" and first.after["join_date"] == "2015-03-01"
    plot = records(db, table_name="plot", record_id=str(plot_id))[0]
    assert plot.after["coffee_area_ha"] == "1.750000"  # the Decimal, exactly, as stored

    data = created.to_input()
    edited = type(data)(**{**data.__dict__, "phone": "976 123 456", "plots": ()})
    with db.transaction(SECRETARY) as s:
        audit.set_reason(s, "phone given at the assembly")
        members.update_member(s, SECRETARY, member_id, edited)
    update = records(db, table_name="member", record_id=str(member_id))[-1]
    assert update.action == "update" and update.reason == "phone given at the assembly"
    changed = {c.field: (c.before, c.after) for c in update.changes}
    assert changed["phone"] == ("", "976 123 456")
    deleted = records(db, table_name="plot", record_id=str(plot_id))[-1]
    assert deleted.action == "delete" and deleted.after is None
    assert deleted.before["coffee_area_ha"] == "1.750000"
    with db.reading(SYSTEM) as s:
        assert verify(s, SYSTEM).integrity_ok


def _count(session) -> int:
    return session.scalar(select(func.count()).select_from(AuditRecord)) or 0


def test_a_rolled_back_change_leaves_no_audit_record(db):
    with db.transaction(SYSTEM) as s:
        before = _count(s)
        members.create_member(s, SYSTEM, make_input())
    count = len(records(db))
    assert count > before  # the committed member is in the trail
    with pytest.raises(RuntimeError), db.transaction(SYSTEM) as s:
        members.create_member(s, SYSTEM, make_input("CPGP-2", dni="11111111"))
        s.flush()
        assert _count(s) > count  # written in the transaction ...
        raise RuntimeError("the user cancelled")
    assert len(records(db)) == count  # ... and gone with it
    assert "CPGP-2" not in {(r.after or {}).get("code") for r in records(db)}


def test_hash_chain_links_every_record(db):
    with db.transaction(SYSTEM) as s:
        created = members.create_member(s, SYSTEM, make_input())
        cooperative.save_profile(s, SYSTEM, cooperative.Profile(name="Coop"))
    rows = records(db)
    assert [r.id for r in rows] == list(range(1, len(rows) + 1))
    ours = [r for r in rows if r.username == "system"]
    assert {(r.table_name, r.action) for r in ours} >= {
        ("member", "insert"),
        ("plot", "insert"),
        ("cooperative", "insert"),
    }
    assert ("member", str(created.id)) in {(r.table_name, r.record_id) for r in ours}
    assert len({r.at for r in ours}) == 1  # one time for the whole transaction
    with db.reading(SYSTEM) as s:
        raw = s.execute(select(AuditRecord).order_by(AuditRecord.id)).scalars().all()
        assert len(raw) == len(rows)
        prev = audit.GENESIS_HASH
        for r in raw:
            assert r.prev_hash == prev
            content = {k: getattr(r, k) for k in ("id", "at", "username", "user_id", "action")}
            assert r.hash == audit.record_hash(
                **content,
                table_name=r.table_name,
                record_id=r.record_id,
                before=r.before,
                after=r.after,
                reason=r.reason,
                prev_hash=r.prev_hash,
            )
            prev = r.hash


def test_json_values_are_exact():
    assert audit.json_value(Decimal("1250.50")) == "1250.50"
    assert audit.json_value(Decimal("1E+2")) == "100"
    assert audit.json_value(date(2026, 1, 2)) == "2026-01-02"
    stamp = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert audit.json_value(stamp) == "2026-01-02T03:04:05.000006+00:00"
    assert audit.canonical({"b": 1, "a": "ñ"}) == '{"a":"ñ","b":1}'


def test_history_filters_and_paging(db):
    with db.transaction(SECRETARY) as s:
        created = members.create_member(s, SECRETARY, make_input())
    with db.transaction(SYSTEM) as s:
        members.change_status(
            s, SYSTEM, created.id, MemberStatus.WITHDRAWN, date(2026, 1, 5), "moved to Lima"
        )
    with db.reading(SYSTEM) as s:
        hist = audit.history(s, SYSTEM, "member", created.id)
        assert [(r.action, r.username) for r in hist] == [
            ("insert", "secretario"),
            ("update", "system"),
        ]
        assert audit.count_records(s, SYSTEM, AuditFilter(username="secretario")) == 3
        assert audit.usernames(s, SYSTEM) == ["migration", "secretario", "system"]
        assert "member" in audit.table_names(s, SYSTEM)
        page = audit.list_records(s, SYSTEM, limit=2, offset=1)
        everything = audit.list_records(s, SYSTEM, limit=None)
        assert [r.id for r in page] == [r.id for r in everything[1:3]]
        now = datetime.now(UTC)
        assert audit.count_records(s, SYSTEM, AuditFilter(since=now + timedelta(hours=1))) == 0
        assert audit.count_records(s, SYSTEM, AuditFilter(until=now + timedelta(hours=1))) == len(
            everything
        )
        since, until = audit.local_day_bounds(date(2026, 1, 1), date(2026, 1, 1), UTC)
        assert since == datetime(2026, 1, 1, tzinfo=UTC)
        assert until == datetime(2026, 1, 2, tzinfo=UTC)


def test_verify_names_a_row_changed_behind_the_trail(db):
    with db.transaction(SYSTEM) as s:
        created = members.create_member(s, SYSTEM, make_input())
    with db.engine.begin() as conn:  # outside the ORM: no audit record
        conn.execute(text("UPDATE member SET phone = '999' WHERE id = :i"), {"i": created.id})
    with db.reading(SYSTEM) as s:
        result = verify(s, SYSTEM)
    assert not result.integrity_ok
    assert [f.record for f in result.errors] == [f"member {created.id}"]
    assert "phone is 999" in result.errors[0].message


def test_verify_reads_rows_in_chunks_and_names_rows_inserted_deleted_or_changed_outside(
    db, monkeypatch
):
    # Chunks of two rows: the comparison, done a chunk at a time, still names every row.
    monkeypatch.setattr(audit_checks, "CONTENT_CHUNK", 2)
    with db.transaction(SYSTEM) as s:
        ids = [
            members.create_member(s, SYSTEM, make_input(f"CPGP-{n}", dni=f"1000000{n}")).id
            for n in range(1, 6)
        ]
    with db.reading(SYSTEM) as s:
        assert audit_checks.check_content(s, date.today()) == []
    with db.engine.begin() as conn:  # outside the ORM: no audit record
        conn.execute(text("UPDATE member SET phone = '999' WHERE id = :i"), {"i": ids[4]})
        conn.execute(text("DELETE FROM member_status_change WHERE member_id = :i"), {"i": ids[1]})
        conn.execute(text("DELETE FROM plot WHERE member_id = :i"), {"i": ids[1]})
        conn.execute(text("DELETE FROM member WHERE id = :i"), {"i": ids[1]})
        conn.execute(
            text(
                "INSERT INTO project (key, name, objective, responsible, timeline, "
                "productivity_quality, active, created_at) "
                "VALUES ('x', 'Pozo', '', '', '', FALSE, TRUE, '2026-01-01 00:00:00')"
            )
        )
    with db.reading(SYSTEM) as s:
        found = audit_checks.check_content(s, date.today())
    by_record = {f.record: f.message for f in found}
    assert "phone is 999" in by_record[f"member {ids[4]}"]
    assert "deleted outside coop-desk" in by_record[f"member {ids[1]}"]
    assert any(r.startswith("plot ") and "deleted outside" in m for r, m in by_record.items())
    assert any(r.startswith("project ") and "inserted outside" in m for r, m in by_record.items())
    assert all(f.check == "audit.content" for f in found)


def test_baseline_records_rows_written_before_the_trail(db):
    with db.engine.begin() as conn:
        conn.execute(
            Cooperative.__table__.insert().values(
                id=1,
                name="Old coop",
                short_name="",
                country="PE",
                tax_id="",
                flo_id="",
                reporting_currency="USD",
                local_currency="PEN",
                fiscal_year_start_month=1,
            )
        )
    with db.reading(SYSTEM) as s:
        assert [f.record for f in verify(s, SYSTEM).errors] == ["cooperative 1"]
    with db.engine.begin() as conn:
        assert audit.write_baseline(conn) == 1
        assert audit.write_baseline(conn) == 0
    with db.reading(SYSTEM) as s:
        assert verify(s, SYSTEM).integrity_ok
        (row,) = audit.history(s, SYSTEM, "cooperative", 1)
    assert row.username == "migration" and json.loads(json.dumps(row.after))["name"] == "Old coop"


def test_settings_rows_keyed_by_text_are_audited(db):
    with db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "ledger.over_budget", "warn")
    with db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "ledger.over_budget", "block")
    hist = records(db, table_name="setting", record_id="ledger.over_budget")
    assert [(r.action, (r.after or {}).get("value")) for r in hist] == [
        ("insert", "warn"),
        ("update", "block"),
    ]


def test_demo_database_verifies(demo_db):
    with demo_db.reading(SYSTEM) as s:
        result = verify(s, SYSTEM)
        head = audit.chain_head(s, SYSTEM)
    assert result.integrity_ok, result.errors
    assert {"audit.chain", "audit.content"} <= set(result.checks_run)
    assert head.count == head.last_id > 500


def test_the_whole_table_snapshot_is_the_writers_snapshot(demo_db):
    """``verify`` reads whole tables through ``row_snapshotter`` and ``row_canonical``: for
    every row of every audited table they give exactly what ``snapshot`` (the writer's)
    gives."""
    from coop_desk.models import Base
    from coop_desk.services.audit.canonical import (
        canonical,
        is_audited,
        row_canonical,
        row_snapshotter,
        snapshot,
    )

    with demo_db.reading(SYSTEM) as s:
        compared = 0
        for table in Base.metadata.sorted_tables:
            if not is_audited(table.name):
                continue
            snap = row_snapshotter(table)
            text_of = row_canonical(table)
            for row in s.execute(select(table)):
                assert snap(row) == snapshot(table, row), table.name
                assert text_of(row) == canonical(snapshot(table, row)), table.name
                compared += 1
    assert compared > 1000


def test_the_stored_row_reader_reads_what_the_table_select_reads(demo_db):
    """``verify``'s contents check reads the rows as stored (``stored_columns``): for every
    row of every audited table, ``stored_row_reader`` gives the row ``select(table)`` reads and
    its ``row_canonical`` text, first and again once its values' texts are remembered; a value
    of a type no column reads (a float where an amount is stored) goes through the read row."""
    from coop_desk.models import Base
    from coop_desk.services.audit.canonical import (
        is_audited,
        row_canonical,
        stored_columns,
        stored_row_reader,
    )

    with demo_db.reading(SYSTEM) as s:
        dialect = s.get_bind().dialect
        compared = 0
        for table in Base.metadata.sorted_tables:
            if not is_audited(table.name):
                continue
            text_of = row_canonical(table)
            stored_text, read = stored_row_reader(table, dialect)
            order = list(table.primary_key.columns)
            as_read = s.execute(select(table).order_by(*order)).all()
            as_stored = s.execute(select(*stored_columns(table)).order_by(*order)).all()
            assert len(as_read) == len(as_stored)
            for _twice in range(2):
                for typed, stored in zip(as_read, as_stored, strict=True):
                    assert read(stored) == tuple(typed), table.name
                    assert stored_text(stored) == text_of(typed), table.name
                    compared += 1
        posting = Base.metadata.tables["posting"]
        stored_text, read = stored_row_reader(posting, dialect)
        row = list(s.execute(select(*stored_columns(posting)).limit(1)).one())
        row[[c.name for c in posting.columns].index("amount")] = 1250.5  # not an integer
        assert stored_text(row) == row_canonical(posting)(read(row))
    assert compared > 2000


def test_status_change_reason_is_on_its_audit_records(db):
    with db.transaction(SYSTEM) as s:
        created = members.create_member(s, SYSTEM, make_input())
    with db.transaction(SYSTEM) as s:
        members.change_status(
            s, SYSTEM, created.id, MemberStatus.DECEASED, date(2026, 2, 1), "passed away in Jaén"
        )
    update = records(db, table_name="member", record_id=str(created.id))[-1]
    assert update.reason == "passed away in Jaén"


def test_several_flushes_and_a_rolled_back_savepoint_keep_the_chain(db):
    with db.transaction(SYSTEM) as s:
        members.create_member(s, SYSTEM, make_input("A-1", dni="11111111"))
        nested = s.begin_nested()
        members.create_member(s, SYSTEM, make_input("A-2", dni="22222222"))
        nested.rollback()
        members.create_member(s, SYSTEM, make_input("A-3", dni="33333333"))
    with db.reading(SYSTEM) as s:
        result = verify(s, SYSTEM)
        codes = {
            r.after["code"] for r in audit.list_records(s, SYSTEM, AuditFilter(table_name="member"))
        }
    assert result.integrity_ok, result.errors
    assert codes == {"A-1", "A-3"}


def test_a_reason_covers_only_its_own_change(db):
    with db.transaction(SYSTEM) as s:
        first = members.create_member(s, SYSTEM, make_input("A-1", dni="11111111"))
        members.change_status(
            s, SYSTEM, first.id, MemberStatus.WITHDRAWN, date(2026, 2, 1), "moved to Lima"
        )
        members.create_member(s, SYSTEM, make_input("A-2", dni="22222222"))
    reasons = {(r.table_name, r.action, r.reason) for r in records(db) if r.username == "system"}
    assert ("member", "update", "moved to Lima") in reasons
    later = [r for r in records(db) if (r.after or {}).get("code") == "A-2"]
    assert later and later[0].reason == ""


def test_history_of_a_member_includes_its_plots_and_status_changes(db):
    with db.transaction(SECRETARY) as s:
        created = members.create_member(s, SECRETARY, make_input())
        other = members.create_member(s, SECRETARY, make_input("CPGP-11", dni="76543210"))
    data = created.to_input()
    with db.transaction(SECRETARY) as s:  # the plot is removed: its deletion is in the history
        members.update_member(
            s, SECRETARY, created.id, type(data)(**{**data.__dict__, "plots": ()})
        )
    with db.reading(SYSTEM) as s:
        own = audit.history(s, SYSTEM, "member", created.id)
        full = audit.history(s, SYSTEM, "member", created.id, include_children=True)
    assert {r.table_name for r in own} == {"member"}
    assert {(r.table_name, r.action) for r in full} >= {
        ("member", "insert"),
        ("member_status_change", "insert"),
        ("plot", "insert"),
        ("plot", "delete"),
    }
    other_plots = {str(p.id) for p in other.plots}
    assert not any(r.table_name == "plot" and r.record_id in other_plots for r in full)
    assert ("plot", "member_id") in audit.child_links("member")


@pytest.mark.parametrize(
    "test",
    [test_a_rolled_back_change_leaves_no_audit_record, test_hash_chain_links_every_record],
    ids=lambda t: t.__name__,
)
def test_the_trail_tests_fail_when_the_writer_is_switched_off(sqlite_db, test):
    """Those tests can fail: with the trail writer off they do."""
    event.remove(sqlite_db._sessions, "after_flush", writer._write_audit_records)
    with pytest.raises(AssertionError):
        test(sqlite_db)


def test_bulk_inserts_that_cannot_use_the_connection_raise_instead_of_waiting():
    """The bulk inserts' thread never leaves ``drain`` waiting: an error it meets (here the
    driver refusing a connection made in another thread) is raised, every time."""
    connection = sqlite3.connect(":memory:")  # check_same_thread: this thread's only
    bulk = writer.BulkInserts(connection)
    try:
        bulk.submit("INSERT INTO t (a) VALUES (?)", 1, [(1,)])
        for _ in range(2):
            with pytest.raises(ProgrammingError, match="thread"):
                bulk.drain()
        with pytest.raises(ProgrammingError):
            bulk.submit("INSERT INTO t (a) VALUES (?)", 1, [(2,)])
    finally:
        bulk.close()
        connection.close()
