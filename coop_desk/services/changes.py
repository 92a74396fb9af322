"""What other PCs changed: the change feed that lets open windows refresh.

The model. Every write leaves audit records, and their ids are one sequence (the hash chain):
the audit trail *is* the change counter. ``Database.transaction`` notes the newest audit id
when a write transaction starts (``head``) and, just before it commits, the tables of the
records it wrote since (``written_since``):

- on PostgreSQL it sends them with ``NOTIFY`` (``announce``) from that same transaction, so
  the notification is delivered when, and only if, the change is committed; a window
  ``LISTEN``\\ s on :data:`CHANNEL` and ignores its own notifications (the ``origin`` of
  its ``Database``);
- on SQLite, which has no notifications, a window polls :func:`changes_since` (one indexed
  query on the audit trail's key) and leaves out the id ranges its own ``Database`` wrote.

Either way a window learns which tables changed, never the data: it reloads what it shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, func, not_, select, text
from sqlalchemy.orm import Session

from coop_desk.models import AuditRecord

CHANNEL = "coop_desk_changes"
# PostgreSQL refuses a NOTIFY payload above 8000 bytes: past this many tables, "everything".
MAX_TABLES = 60

_AUDIT = AuditRecord.__table__


@dataclass(frozen=True)
class Change:
    """Tables another connection changed, and the newest audit id seen."""

    tables: frozenset[str]
    last_id: int


def head(session: Session) -> int:
    """The newest audit record's id (0 for an empty trail)."""
    return int(session.scalar(select(func.max(_AUDIT.c.id))) or 0)


def written_since(session: Session, start: int) -> tuple[int, frozenset[str]]:
    """(newest id, tables) of the audit records after ``start``: inside a write transaction
    (writers are serialised), exactly those this transaction wrote."""
    rows = session.execute(
        select(_AUDIT.c.table_name, func.max(_AUDIT.c.id))
        .where(_AUDIT.c.id > start)
        .group_by(_AUDIT.c.table_name)
    ).all()
    if not rows:
        return start, frozenset()
    return max(int(r[1]) for r in rows), frozenset(str(r[0]) for r in rows)


def announce(session: Session, origin: str, tables: frozenset[str], last_id: int) -> None:
    """PostgreSQL: ``NOTIFY`` the tables this transaction changed (delivered at commit)."""
    if not tables or session.get_bind().dialect.name != "postgresql":
        return
    names = sorted(tables) if len(tables) <= MAX_TABLES else ["*"]
    payload = json.dumps({"origin": origin, "tables": names, "last": last_id})
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
    )


def parse(payload: str) -> tuple[str, Change]:
    """(origin, change) of a notification's payload."""
    data = json.loads(payload)
    return str(data.get("origin", "")), Change(
        frozenset(str(t) for t in data.get("tables", [])), int(data.get("last", 0))
    )


def changes_since(session: Session, last_id: int, own: Iterable[tuple[int, int]] = ()) -> Change:
    """The tables of audit records after ``last_id``, leaving out the id ranges ``own``
    (first, last] that this PC wrote itself; and the newest id."""
    newest = head(session)
    if newest <= last_id:
        return Change(frozenset(), last_id)
    mine = [
        not_(and_(_AUDIT.c.id > first, _AUDIT.c.id <= last))
        for first, last in own
        if last > last_id
    ]
    tables = session.scalars(
        select(_AUDIT.c.table_name)
        .where(_AUDIT.c.id > last_id, _AUDIT.c.id <= newest, *mine)
        .distinct()
    ).all()
    return Change(frozenset(tables), newest)
