"""Posted journal entries cannot change on any path: the guard ``Database`` installs on its
sessions (whatever was imported), the database's triggers (SQL behind the program's back), and
``verify`` naming any change the trail recorded (issue 9)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import event, select, text

from coop_desk.errors import Conflict, DatabaseError
from coop_desk.models import JournalEntry, Posting
from coop_desk.services import audit
from coop_desk.services.access import SYSTEM
from coop_desk.services.audit import writer
from coop_desk.services.ledger import guard, journal, operations
from coop_desk.services.verify import verify
from tests.tamper import drop_posted_entry_triggers
from tests.unit.test_ledger_services import set_up

LATER = date(2030, 1, 1)

# Runs in a fresh interpreter that imports only ``db`` and ``models``: nothing imported by the
# test suite can install a listener for it.
ONLY_DB_AND_MODELS = r"""
import json, sys
from sqlalchemy import select, text
from coop_desk.db import Database
from coop_desk.models import JournalEntry, Posting

db = Database.open(sys.argv[1])
entry_id = int(sys.argv[2])
outcome = {}


def attempt(name, change):
    try:
        if change is engine:  # its own connection: outside a write transaction, which would
            change(None)  # hold SQLite's write lock (writers are serialised)
        else:
            with db.transaction() as session:
                change(session)
        outcome[name] = "committed"
    except Exception as exc:
        outcome[name] = f"{type(exc).__name__}: {exc}"


def describe(session):
    session.get(JournalEntry, entry_id).description = "changed by a script"


def amount(session):
    posting = session.scalars(select(Posting).where(Posting.entry_id == entry_id)).first()
    posting.memo = "changed by a script"


def delete(session):
    for posting in session.scalars(select(Posting).where(Posting.entry_id == entry_id)):
        session.delete(posting)
    session.delete(session.get(JournalEntry, entry_id))


def raw_sql(session):
    session.execute(
        text("UPDATE journal_entry SET description = 'raw' WHERE id = :i"), {"i": entry_id}
    )


def engine(_session):
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE posting SET memo = 'raw' WHERE entry_id = :i"), {"i": entry_id})


for name, change in [
    ("description", describe),
    ("posting", amount),
    ("delete", delete),
    ("session_sql", raw_sql),
    ("engine_sql", engine),
]:
    attempt(name, change)
outcome["modules"] = sorted(m for m in sys.modules if m.startswith("coop_desk"))
db.close()
print(json.dumps(outcome))
"""


def _post(db):
    with db.transaction(SYSTEM) as s:
        books = set_up(s, SYSTEM)
        entry = operations.record_opening_balance(
            s, SYSTEM, account_id=books.bank_usd, entry_date=date(2024, 1, 2), amount=D("500.00")
        )
    return books, entry


def _errors(db):
    with db.reading(SYSTEM) as s:
        return [f for f in verify(s, SYSTEM, LATER).findings if f.severity == "error"]


def _url(db):
    return db.engine.url.render_as_string(hide_password=False)


def test_a_script_importing_only_db_and_models_cannot_change_a_posted_entry(db):
    _books, entry = _post(db)
    done = subprocess.run(
        [sys.executable, "-c", ONLY_DB_AND_MODELS, _url(db), str(entry.id)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome.pop("modules")  # it ran with its own imports, none of the suite's
    # The engine's own connection, outside the program's transactions: the trigger refuses.
    engine_sql = outcome.pop("engine_sql")
    assert engine_sql.startswith("IntegrityError") and (
        "posted journal entries cannot be changed or deleted" in engine_sql
    )
    assert outcome == {
        "description": "Conflict: Posted journal entries cannot be changed. Reverse the entry "
        "and post a corrected one.",
        "posting": "Conflict: Posted journal entries cannot be changed. Reverse the entry and "
        "post a corrected one.",
        "delete": "Conflict: Posted journal entries cannot be deleted. Reverse the entry "
        "instead; both stay in the journal.",
        "session_sql": "DatabaseError: Posted journal entries cannot be changed or deleted. "
        "Reverse the entry and post a corrected one.",
    }
    with db.reading(SYSTEM) as s:
        assert journal.get_entry(s, SYSTEM, entry.id).entry.description == entry.description
        memos = {p.memo for p in journal.get_entry(s, SYSTEM, entry.id).postings}
    assert memos == {""}
    assert _errors(db) == []


def test_the_guard_refuses_a_posting_added_to_a_posted_entry(db):
    books, entry = _post(db)
    with pytest.raises(Conflict, match="cannot be added to a posted journal entry"):
        with db.transaction(SYSTEM) as s:
            s.add(
                Posting(
                    entry_id=entry.id,
                    line=9,
                    account_id=books.bank_usd,
                    fiscal_year=2024,
                    entry_date=date(2024, 1, 2),
                    currency="USD",
                    amount=D("1.00"),
                    rate=D("1"),
                    usd_value=D("1.00"),
                )
            )
    assert _errors(db) == []


def test_raw_sql_through_the_engine_is_refused_by_the_database(db):
    _books, entry = _post(db)
    for statement in (
        "UPDATE journal_entry SET description = 'x' WHERE id = :i",
        "DELETE FROM posting WHERE entry_id = :i",
        "UPDATE posting SET amount = amount * 2 WHERE entry_id = :i",
    ):
        with pytest.raises(Exception, match="posted journal entries cannot be changed"):
            with db.engine.begin() as conn:
                conn.execute(text(statement), {"i": entry.id})
    if db.engine.dialect.name == "postgresql":
        with pytest.raises(Exception, match="TRUNCATE on posting"):
            with db.engine.begin() as conn:
                conn.execute(text("TRUNCATE posting"))
    with pytest.raises(DatabaseError, match="^Posted journal entries cannot be changed"):
        with db.transaction(SYSTEM) as s:
            s.execute(text("DELETE FROM journal_entry WHERE id = :i"), {"i": entry.id})
    assert _errors(db) == []


def test_reversals_and_the_year_close_still_work(db):
    """What legitimately happens to a posted entry: it is reversed (the link is on the
    reversal) and its year is closed and reopened (carry entries and their reversals)."""
    from coop_desk.services.ledger import fiscal

    books, entry = _post(db)
    with db.transaction(SYSTEM) as s:
        reversal = journal.reverse_entry(s, SYSTEM, entry.id, reason="typed twice")
        operations.record_opening_balance(
            s, SYSTEM, account_id=books.bank_usd, entry_date=date(2024, 1, 3), amount=D("5.00")
        )
        fiscal.close_year(s, SYSTEM, 2024, today=date(2025, 1, 10))
    with db.transaction(SYSTEM) as s:
        fiscal.reopen_year(s, SYSTEM, 2024, reason="a late invoice")
    with db.reading(SYSTEM) as s:
        assert journal.get_entry(s, SYSTEM, entry.id).entry.reversed_by_id == reversal.id
        kinds = [e.kind for e in journal.list_entries(s, SYSTEM)]
    assert kinds.count("carry") == 1 and kinds.count("reversal") == 2
    assert _errors(db) == []


@pytest.fixture
def unguarded(db):
    """A database whose guard and triggers were taken away: the trail still records."""
    with db.engine.begin() as conn:
        drop_posted_entry_triggers(conn)
    for name, listener in guard._EVENTS:
        event.remove(db._sessions, name, listener)
    return db


def test_verify_names_a_recorded_change_or_deletion_of_a_posted_entry(unguarded):
    db = unguarded
    _books, entry = _post(db)
    with db.transaction(SYSTEM) as s:
        s.get(JournalEntry, entry.id).description = "changed after posting"
        posting = s.scalars(select(Posting).where(Posting.entry_id == entry.id)).first()
        s.delete(posting)
    found = {(f.check, f.record) for f in _errors(db)}
    assert ("audit.posted", f"journal_entry {entry.id}") in found
    assert ("audit.posted", f"posting {posting.id}") in found
    messages = [f.message for f in _errors(db) if f.check == "audit.posted"]
    assert any(f"journal_entry {entry.id} was changed after it was posted" in m for m in messages)
    assert any(f"posting {posting.id} was deleted after it was posted" in m for m in messages)
    # ... and the missing triggers themselves.
    assert {f.record for f in _errors(db) if f.check == "ledger.immutable"} == set(guard.TRIGGERS)


def test_verify_names_a_posting_added_to_an_entry_posted_earlier(unguarded):
    db = unguarded
    books, entry = _post(db)
    with db.transaction(SYSTEM) as s:
        for line, amount in ((3, D("10.00")), (4, D("-10.00"))):  # balanced: no ledger error
            s.add(
                Posting(
                    entry_id=entry.id,
                    line=line,
                    account_id=books.bank_usd,
                    fiscal_year=2024,
                    entry_date=date(2024, 1, 2),
                    currency="USD",
                    amount=amount,
                    rate=D("1"),
                    usd_value=amount,
                )
            )
    with db.reading(SYSTEM) as s:
        added = s.scalars(select(Posting.id).where(Posting.line > 2)).all()
    posted = [f for f in _errors(db) if f.check == "audit.posted"]
    assert sorted(f.record for f in posted) == sorted(f"posting {i}" for i in added)
    assert f"was added to journal_entry {entry.id} after the entry was posted" in posted[0].message


def test_entries_recorded_one_time_per_flush_are_still_judged(unguarded, monkeypatch):
    """Records written before one ``at`` per transaction (each flush its own time): an entry's
    postings are on time while no other entry was posted after it."""
    db = unguarded
    times = iter(range(1000))

    def each_flush_its_time(_session):
        from datetime import UTC, datetime, timedelta

        return datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=next(times))

    monkeypatch.setattr(writer, "_transaction_time", each_flush_its_time)
    books, first = _post(db)
    with db.transaction(SYSTEM) as s:
        second = operations.record_opening_balance(
            s,
            SYSTEM,
            account_id=books.bank_pen,
            entry_date=date(2024, 1, 3),
            amount=D("7.00"),
            rate=D("3.7"),
        )
    assert [f for f in _errors(db) if f.check == "audit.posted"] == []
    with db.transaction(SYSTEM) as s:  # to the first entry, after the second was posted
        s.add(
            Posting(
                entry_id=first.id,
                line=3,
                account_id=books.bank_usd,
                fiscal_year=2024,
                entry_date=date(2024, 1, 2),
                currency="USD",
                amount=D("0.00"),
                rate=D("1"),
                usd_value=D("0.01"),
            )
        )
    posted = [f for f in _errors(db) if f.check == "audit.posted"]
    assert len(posted) == 1 and f"journal_entry {first.id}" in posted[0].message
    assert second.id > first.id


def test_install_is_idempotent_and_marks_only_its_own_sessions():
    """Each Database installs the trail on its own sessionmaker, once."""
    from sqlalchemy.orm import sessionmaker

    sessions = sessionmaker()
    writer.install(sessions)
    writer.install(sessions)
    assert sessions().info[writer.TRAIL_KEY] is True
    assert event.contains(sessions, "after_flush", writer._write_audit_records)
    assert not writer.records_trail(sessionmaker()())
    assert audit.install is writer.install
