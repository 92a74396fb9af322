"""Every Database gets its invariants, however many were opened before it in the process.

SQLAlchemy's ``event.contains`` keys by ``id()``: a sessionmaker made at the address of one
that is gone looked as if it had the audit trail, the posted-entry guard and the limit guard
already, and got none of them (the flaky ``audit.posted`` failure of issue 9: about one
Database in six went without its trail in a process opening many).
"""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from coop_desk.db import Database
from coop_desk.services import limit_guard
from coop_desk.services.audit import writer
from coop_desk.services.ledger import guard

INVARIANTS = {
    "after_flush": {writer._write_audit_records, guard._remember_new_entries},
    "before_flush": {guard.refuse_changes_to_posted_entries, limit_guard.check_flush},
}


def _listeners(sessions: sessionmaker[Session], name: str) -> set[object]:
    session = sessions()
    try:
        return set(getattr(session.dispatch, name))
    finally:
        session.close()


def test_each_database_gets_every_invariant_even_at_a_dead_ones_address():
    addresses: set[int] = set()
    reused = 0
    for _ in range(400):
        database = Database(create_engine("sqlite://"))
        sessions = database._sessions
        if id(sessions) in addresses:
            reused += 1
        addresses.add(id(sessions))
        for name, expected in INVARIANTS.items():
            missing = expected - _listeners(sessions, name)
            assert not missing, f"Database {len(addresses) + reused} lacks {missing}"
        database.close()
        del database, sessions
        if reused >= 10:
            break
    # Without a reused address this test would prove nothing.
    assert reused, "no sessionmaker was made at the address of a dead one"


def test_installing_twice_listens_once():
    sessions = sessionmaker(bind=create_engine("sqlite://"))
    for _ in range(2):
        for install in (limit_guard.install, writer.install, guard.install):
            install(sessions)
    for name, expected in INVARIANTS.items():
        session = sessions()
        listeners = list(getattr(session.dispatch, name))
        session.close()
        assert len(listeners) == len(set(listeners)) and expected <= set(listeners)
