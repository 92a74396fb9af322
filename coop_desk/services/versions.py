"""Optimistic locking: refusing a save based on an outdated version of a record.

The model. Every edited record carries ``version`` (``models.base.Versioned``). A front end
reads a record with its version and, when the user saves, hands the version back with the
input. The service compares it with the stored one before writing: a difference means another
user (another PC) saved the record meanwhile, and the save is refused with
``errors.StaleEdit``, which names who changed it and when (the record's latest entry in the
audit trail). Write transactions are serialised (``Database.transaction``), so the comparison
holds until the commit; SQLAlchemy's ``WHERE version = ...`` on each UPDATE and DELETE is the
second line, for any session that skips the check (``stale_from_flush``).

Collections that belong to a record (a member's plots, an approval's budget lines) are
compared row by row, each row with its own version: rows another user added are kept, rows
the user did not touch are left as they are now, and only a row both changed is refused.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.errors import StaleEdit
from coop_desk.models import AuditRecord
from coop_desk.models.base import Versioned


def last_change(
    session: Session, table: str, record_id: object
) -> tuple[str, datetime, str] | None:
    """(who, when, action) of the latest audit record of a row, or None."""
    t = AuditRecord.__table__
    row = session.execute(
        select(t.c.username, t.c.at, t.c.action)
        .where(t.c.table_name == table, t.c.record_id == str(record_id))
        .order_by(t.c.id.desc())
        .limit(1)
    ).first()
    return (row.username, row.at, row.action) if row else None


def stale(session: Session, table: str, record_id: object, what: str) -> StaleEdit:
    """The refusal for a row changed (or deleted) since the user read it."""
    found = last_change(session, table, record_id)
    if found is None:
        return StaleEdit(what)
    who, when, action = found
    return StaleEdit(what, who, when, deleted=action == "delete")


def check(session: Session, record: Versioned, expected: int | None, what: str) -> None:
    """Refuse when ``expected`` (the version the user's form was opened with; None: no form,
    nothing to compare) is not the stored version of ``record``."""
    if expected is not None and record.version != expected:
        table = record.__table__.name  # type: ignore[attr-defined]
        raise stale(session, table, record.id, what)  # type: ignore[attr-defined]


def check_row(
    session: Session,
    record: Versioned | None,
    table: str,
    record_id: object,
    expected: int | None,
    what: str,
) -> None:
    """:func:`check` for a row that a form may show before it exists (a plot's organic
    status, a member's scope in a scheme): ``expected`` 0 means the form showed none, so a
    row another user created since is refused too."""
    if expected is None:
        return
    stored = record.version if record is not None else 0
    if stored != expected:
        raise stale(session, table, record_id, what)
