"""What the trail proves beyond agreeing with itself (issue 11), on SQLite and PostgreSQL: the
schema is the one the migrations made (``services.schema``), a row's records follow its life
(``audit.sequence``), anchors noted outside the database still hold
(``services.audit.anchors``), and a database whose accounts were deleted gives nobody system
rights."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from coop_desk.db import Database
from coop_desk.errors import DatabaseError
from coop_desk.models import Setting
from coop_desk.services import audit, cooperative, schema, users
from coop_desk.services.access import SYSTEM, Role
from coop_desk.services.audit import anchors
from coop_desk.services.verify import verify


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(users, "SCRYPT_N", 2**10)


def reopen(db: Database) -> Database:
    url = db.engine.url.render_as_string(hide_password=False)
    db.close()
    return Database.open(url)


def errors(db: Database, check: str, **kw) -> list[str]:
    with db.reading(SYSTEM) as s:
        result = verify(s, SYSTEM, **kw)
    return [f"{f.message} [{f.record}]" for f in result.errors if f.check == check]


def is_pg(db: Database) -> bool:
    return db.engine.dialect.name == "postgresql"


# --- the schema ----------------------------------------------------------------------------------


def test_a_fresh_database_is_exactly_what_the_migrations_make(db):
    assert db.schema_problems == ()
    with db.engine.connect() as conn:
        assert schema.differences(conn) == []
        have = schema.actual(conn)
    # The triggers (and PostgreSQL's function) come from migration 0400's SCHEMA_OBJECTS, the
    # statements it ran: nothing kept by hand.
    objects = schema.migration_objects(db.engine.dialect.name)
    assert set(have.triggers) == set(objects["trigger"])
    assert len(objects["trigger"]) == (6 if is_pg(db) else 4)
    assert set(have.functions) == set(objects.get("function", {}))


PLANTED = {
    "sqlite": [
        "CREATE TRIGGER tr_payee AFTER INSERT ON journal_entry "
        "BEGIN UPDATE journal_entry SET payee = 'X' WHERE id = NEW.id; END",
        "CREATE VIEW v_members AS SELECT id FROM member",
        "DROP INDEX ix_member_community",
    ],
    "postgresql": [
        "CREATE FUNCTION rewrite_payee() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN NEW.payee := 'X'; RETURN NEW; END $$",
        "CREATE TRIGGER tr_payee BEFORE INSERT ON journal_entry "
        "FOR EACH ROW EXECUTE FUNCTION rewrite_payee()",
        "CREATE VIEW v_members AS SELECT id FROM member",
        "DROP INDEX ix_member_community",
        "CREATE RULE keep_settings AS ON UPDATE TO setting DO INSTEAD NOTHING",
        # The protecting function of the same name made harmless.
        "CREATE OR REPLACE FUNCTION coop_desk_refuse_posted_change() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        "ALTER TABLE posting DISABLE TRIGGER tr_posting_no_delete",
    ],
}


def test_planted_and_removed_objects_are_named_and_writes_refused(db):
    with db.engine.begin() as conn:
        for statement in PLANTED[db.engine.dialect.name]:
            conn.execute(text(statement))
    db = reopen(db)
    try:
        named = {d.what for d in db.schema_problems}
        expected = {"trigger tr_payee", "view v_members", "index ix_member_community"}
        if is_pg(db):
            expected |= {
                "function rewrite_payee",
                "rule keep_settings",
                "function coop_desk_refuse_posted_change",
                "trigger tr_posting_no_delete",
            }
        assert named == expected
        assert "was changed outside coop-desk" in db.damage_message()
        with pytest.raises(DatabaseError, match="saves nothing to it"), db.transaction(SYSTEM):
            pass
        assert set(errors(db, "schema.match")) == {d.describe() for d in db.schema_problems}
        # Reading and signing in still work, so the damage can be seen and verified.
        with db.reading(SYSTEM) as s:
            assert cooperative.get_profile(s, SYSTEM) is None
    finally:
        db.close()


def test_a_missing_table_and_column_are_named(db):
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE fiscal_year_event"))
        conn.execute(text("ALTER TABLE member DROP COLUMN phone"))
        conn.execute(text("ALTER TABLE member ADD COLUMN bank_pin VARCHAR(4)"))
    db = reopen(db)
    try:
        assert {d.what for d in db.schema_problems} == {
            "table fiscal_year_event",
            "column member.phone",
            "column member.bank_pin",
        }
    finally:
        db.close()


def test_signing_in_works_on_a_damaged_database(db):
    with db.transaction(SYSTEM) as s:
        users.create_first_administrator(s, SYSTEM, "admin", "correct horse")
    with db.engine.begin() as conn:
        conn.execute(text("CREATE VIEW v_x AS SELECT 1 AS one"))
    db = reopen(db)
    try:
        assert users.sign_in(db, "admin", "correct horse").role == Role.ADMINISTRATOR
    finally:
        db.close()


# --- a row's records follow its life --------------------------------------------------------------


def test_an_id_inserted_twice_without_a_delete_is_named(db):
    with db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "ledger.over_budget", "warn")
    with db.engine.begin() as conn:  # outside coop-desk: no record of the delete
        conn.execute(text("DELETE FROM setting WHERE key = 'ledger.over_budget'"))
    with db.transaction(SYSTEM) as s:
        s.add(Setting(key="ledger.over_budget", value="block"))
    (message,) = errors(db, "audit.sequence")
    assert "inserted again" in message and message.endswith("[setting ledger.over_budget]")
    assert errors(db, "audit.content") == []  # the row equals its latest record


def test_a_delete_then_an_insert_of_one_id_is_in_sequence(db):
    with db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "k", "1")
    with db.transaction(SYSTEM) as s:
        s.delete(s.get(Setting, "k"))
    with db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "k", "2")
    assert errors(db, "audit.sequence") == []


def test_a_record_holding_no_row_is_named_and_the_checks_go_on(db):
    with db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "unreadable", "1")
    with db.engine.begin() as conn:
        record = conn.execute(
            text(
                "SELECT max(id) FROM audit_record "
                "WHERE table_name = 'setting' AND record_id = 'unreadable'"
            )
        ).scalar_one()
        conn.execute(
            text("UPDATE audit_record SET after = :a WHERE id = :id"), {"a": "[1, 2", "id": record}
        )
        # A posting's record too: the posted entries' check must not stop at it.
        conn.execute(
            text(
                "INSERT INTO audit_record (id, at, username, action, table_name, record_id, "
                "after, reason, prev_hash, hash) SELECT id + 1, at, username, 'insert', "
                "'posting', '999', '\"x\"', '', hash, :forged FROM audit_record WHERE id = :id"
            ),
            {"id": record, "forged": "e" * 64},
        )
    named = errors(db, "audit.content")
    assert f"audit record {record} of setting unreadable holds no readable row" in named[0]
    assert "posting 999 was deleted outside" in named[1]  # its record shows it present
    with db.reading(SYSTEM) as s:
        result = verify(s, SYSTEM)
        newest = audit.list_records(s, SYSTEM, limit=2)
    assert not [f for f in result.errors if "could not run" in f.message]
    # The trail is still listed (Audit page, `audit log`, the audit pack), the records as text.
    assert [r.after for r in newest] == [{"(not a row)": '"x"'}, {"(not a row)": "[1, 2"}]


# --- accounts deleted outside ------------------------------------------------------------------


def test_a_users_table_emptied_outside_gives_no_system_rights(db):
    with db.transaction(SYSTEM) as s:
        assert not users.has_users(s)  # a new database: the system may set it up
        users.create_first_administrator(s, SYSTEM, "admin", "correct horse")
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM app_user"))
    with db.reading(SYSTEM) as s:
        assert users.has_users(s) and users.accounts_deleted(s)
    with db.transaction(SYSTEM) as s, pytest.raises(Exception, match="deleted outside"):
        users.create_first_administrator(s, SYSTEM, "intruder", "another password")
    (message,) = errors(db, "audit.accounts")
    assert message.endswith("[app_user]")


# --- anchors -------------------------------------------------------------------------------------


def test_an_anchor_holds_and_a_rewritten_or_cut_trail_does_not(db):
    with db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "a", "1")
        cooperative.set_setting(s, SYSTEM, "b", "2")
    with db.reading(SYSTEM) as s:
        noted = anchors.current_anchor(s)
    assert noted.record >= 2
    assert errors(db, "audit.anchor", anchors=[noted]) == []
    wrong = anchors.Anchor(noted.record, "f" * 64)
    (message,) = errors(db, "audit.anchor", anchors=[wrong])
    assert "rewritten at or before" in message and message.endswith("[setting b]")
    beyond = anchors.Anchor(noted.record + 5, "e" * 64)
    (message,) = errors(db, "audit.anchor", anchors=[beyond])
    assert "the trail was cut" in message and message.endswith(f"[audit_record {beyond.record}]")


def test_records_after_an_anchor_dated_before_it_are_named(db):
    with db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "a", "1")
    with db.reading(SYSTEM) as s:
        noted = anchors.current_anchor(s)
    with db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "b", "2")
    late = datetime.now(UTC) + anchors.CLOCK_TOLERANCE + timedelta(hours=1)
    assert errors(db, "audit.anchor", anchors=[noted]) == []
    (message,) = errors(
        db, "audit.anchor", anchors=[anchors.Anchor(noted.record, noted.hash, late)]
    )
    assert "with an earlier date" in message and message.endswith("[setting b]")


def test_anchor_text_and_files(tmp_path):
    digest = "a" * 64
    assert anchors.parse_anchor(f" 12:{digest.upper()} ").text == f"12:{digest}"
    for bad in ("12", f"x:{digest}", f"12:{digest[:-1]}", f"12:{digest}0"):
        with pytest.raises(anchors.AnchorError):
            anchors.parse_anchor(bad)
    note = tmp_path / "head.txt"
    note.write_text(f"Audit trail head noted at the assembly: 7:{digest}\n", encoding="utf-8")
    assert [a.text for a in anchors.anchors_from(str(note), "coop")] == [f"7:{digest}"]
    with pytest.raises(anchors.AnchorError, match="neither"):
        anchors.anchors_from(str(tmp_path / "missing.txt"), "coop")


@pytest.mark.parametrize(
    ("sheet", "labels", "at", "taken"),
    [
        # English, before packs stored the head in their properties: UTC.
        (
            "About",
            ("Newest audit record", "Its SHA-256 (note it: a later trail must still contain it)"),
            "Prepared at (UTC)",
            datetime(2026, 3, 1, 12, 0, tzinfo=UTC),
        ),
        # In the cooperative's Spanish: local wall-clock time.
        (
            "Acerca de",
            (
                "Registro de auditoría más reciente",
                "Su SHA-256 (anótelo: una pista posterior debe seguir conteniéndolo)",
            ),
            "Preparado el",
            datetime(2026, 3, 1, 12, 0).astimezone(UTC),
        ),
    ],
)
def test_an_audit_pack_without_stored_head_gives_the_one_on_its_about_sheet(
    tmp_path, sheet, labels, at, taken
):
    from openpyxl import Workbook

    wb = Workbook()
    about = wb.active
    about.title = sheet
    about.append(["Cooperativa", "Café del Valle"])
    about.append([at, datetime(2026, 3, 1, 12, 0)])
    about.append([labels[0], 41])
    about.append([labels[1], "b" * 64])
    pack = tmp_path / "pack.xlsx"
    wb.save(pack)
    (anchor,) = anchors.anchors_from(str(pack), "coop")
    assert (anchor.text, anchor.at) == (f"41:{'b' * 64}", taken)
    about.title = "Other"
    wb.save(pack)
    with pytest.raises(anchors.AnchorError, match="holds no audit trail head"):
        anchors.anchors_from(str(pack), "coop")


def test_the_anchor_log_keeps_each_databases_lines_and_forgets_them_at_a_restore(tmp_path):
    log = tmp_path / anchors.ANCHOR_LOG
    lines = [
        {"at": "2026-11-01T10:00:00+00:00", "database": "coop", "record": 5, "hash": "a" * 64},
        {"at": "2026-11-01T10:00:00+00:00", "database": "other", "record": 9, "hash": "b" * 64},
        {"at": "2026-11-02T10:00:00+00:00", "database": "coop", "record": 8, "hash": "c" * 64},
    ]
    log.write_text("".join(json.dumps(x) + "\n" for x in lines) + "not json\n", encoding="utf-8")
    found = anchors.read_anchor_log(log, "coop")
    assert [(a.record, a.at) for a in found] == [
        (5, datetime(2026, 11, 1, 10, tzinfo=UTC)),
        (8, datetime(2026, 11, 2, 10, tzinfo=UTC)),
    ]
    anchors.log_restore(tmp_path, database="coop", anchor=found[0])
    assert anchors.read_anchor_log(log, "coop") == []


def test_a_backup_copy_logs_its_head_and_proves_the_trail(sqlite_db, tmp_path):
    from coop_desk.db import backup_sqlite

    with sqlite_db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "a", "1")
    copy = backup_sqlite(sqlite_db.engine, dest=tmp_path / "usb" / "copy.sqlite")
    (logged,) = anchors.read_anchor_log(tmp_path / "usb" / anchors.ANCHOR_LOG, "test")
    with sqlite_db.reading(SYSTEM) as s:
        assert logged.text == anchors.current_anchor(s).text
    (from_copy,) = anchors.anchors_from(str(copy), "test")
    assert errors(sqlite_db, "audit.anchor", anchors=[from_copy]) == []
    path = sqlite_db.engine.url.database
    with sqlite3.connect(path) as conn:
        # Record 1 rewritten and rehashed (the chain after it would be recomputed too).
        conn.execute("UPDATE audit_record SET hash = ? WHERE id = 1", ("f" * 64,))
    (message,) = errors(sqlite_db, "audit.anchor", anchors=[from_copy])
    assert "audit record 1 (insert of" in message and "1 records of the copy differ" in message


def test_a_database_name_is_its_file_or_server_database():
    assert audit.database_name("sqlite:////home/ana/coop-desk.sqlite") == "coop-desk"
    assert audit.database_name("postgresql+psycopg://u:p@host/coopdesk") == "coopdesk"
