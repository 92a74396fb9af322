"""The posted-entry guard: a session refuses to flush any change to a posted journal entry.

Every row of ``journal_entry`` and ``posting`` is posted: ``journal.write_entry`` writes an
entry and its postings in one transaction, and nothing changes them afterwards. A correction
is a reversal entry (the link ``reverses_id`` is on the reversal, the original stays as it
was); closing a fiscal year posts a carry entry and reopening it reverses that entry. So the
guard refuses, before any SQL runs:

- a change to an entry or a posting already in the database,
- the deletion of one,
- a new posting for an entry that this transaction did not write.

``Database`` installs the guard on the sessions it makes (``install``): no import order
matters. The database refuses the same updates and deletions with triggers (migration 0400)
whatever the path; ``verify`` names a trigger that was dropped or disabled (``ledger.immutable``)
and any change to a posted entry that the trail recorded (``audit.posted``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from coop_desk.errors import Conflict
from coop_desk.i18n import _
from coop_desk.models import JournalEntry, Posting
from coop_desk.services.session_events import listen_once
from coop_desk.services.verify import Finding, Severity, register

# The triggers of migration 0400 (which keeps its own frozen copy of their statements).
TRIGGERS = (
    "tr_journal_entry_no_update",
    "tr_journal_entry_no_delete",
    "tr_posting_no_update",
    "tr_posting_no_delete",
)

# session.info: (root transaction, ids of the entries it inserted).
_WRITTEN_KEY = "_ledger_entries_written"


def install(sessions: sessionmaker[Session]) -> None:
    """Guard posted entries in every session ``sessions`` makes (idempotent)."""
    listen_once(sessions, __name__, _EVENTS)


def refuse_changes_to_posted_entries(session: Session, _context: Any, _instances: Any) -> None:
    for obj in list(session.dirty):
        if isinstance(obj, JournalEntry | Posting) and session.is_modified(obj):
            raise Conflict(
                _(
                    "Posted journal entries cannot be changed. Reverse the entry and post a corrected one."
                )
            )
    for obj in list(session.deleted):
        if isinstance(obj, JournalEntry | Posting):
            raise Conflict(
                _(
                    "Posted journal entries cannot be deleted. Reverse the entry instead; both stay in the journal."
                )
            )
    written = _written(session)
    for obj in list(session.new):
        if isinstance(obj, Posting) and obj.entry_id is not None and obj.entry_id not in written:
            raise Conflict(
                _(
                    "A posting cannot be added to a posted journal entry. Reverse the entry and post a corrected one."
                )
            )


def _written(session: Session) -> set[int]:
    """Ids of the entries inserted by the session's current (root) transaction."""
    root = session.get_transaction()
    cached = session.info.get(_WRITTEN_KEY)
    if cached is None or cached[0] is not root:
        cached = (root, set())
        session.info[_WRITTEN_KEY] = cached
    ids: set[int] = cached[1]
    return ids


def _remember_new_entries(session: Session, _context: Any) -> None:
    # In after_flush, session.new still lists what this flush inserted, now with their ids.
    new = [obj.id for obj in session.new if isinstance(obj, JournalEntry)]
    if new:
        _written(session).update(new)


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_WRITTEN_KEY, None)


_EVENTS = (
    ("before_flush", refuse_changes_to_posted_entries),
    ("after_flush", _remember_new_entries),
    ("after_commit", _forget),
    ("after_rollback", _forget),
)


def enabled_triggers(connection: Connection) -> set[str]:
    """Names of the triggers on the entry and posting tables that the database enforces."""
    if connection.dialect.name == "postgresql":
        statement = (
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D' "
            "AND tgrelid IN ('journal_entry'::regclass, 'posting'::regclass)"
        )
    else:
        statement = (
            "SELECT name FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN ('journal_entry', 'posting')"
        )
    return set(connection.scalars(text(statement)))


@register("ledger.immutable")
def check_triggers(session: Session, today: date) -> list[Finding]:
    """The database itself still refuses changes to posted entries."""
    enabled = enabled_triggers(session.connection())
    return [
        Finding(
            Severity.ERROR,
            "ledger.immutable",
            _(
                "the database trigger {name} was dropped or disabled: the database no longer refuses a change to posted journal entries made outside coop-desk",
                name=name,
            ),
            name,
        )
        for name in TRIGGERS
        if name not in enabled
    ]
