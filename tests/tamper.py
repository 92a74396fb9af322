"""Editing the books behind the program's back, as someone holding the database could: the
triggers that refuse changes to posted entries (migration 0400) are dropped first."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from coop_desk.services.ledger.guard import TRIGGERS


def drop_posted_entry_triggers(conn: Connection) -> None:
    postgresql = conn.dialect.name == "postgresql"
    for name in TRIGGERS:
        table = name.removeprefix("tr_").rsplit("_no_", 1)[0]
        conn.execute(
            text(f"DROP TRIGGER {name} ON {table}" if postgresql else f"DROP TRIGGER {name}")
        )
