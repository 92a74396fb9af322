"""Reading the trail: pages of records filtered in SQL, the history of one row (with the rows
that belong to it), the chain's head, and records as plain rows for the front ends."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from coop_desk.i18n import _
from coop_desk.models import AuditRecord, Base
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.audit.canonical import (
    AUDIT,
    GENESIS_HASH,
    Action,
    is_audited,
    json_value,
    show_value,
)
from coop_desk.services.verify import shorten


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    table_name: str
    record_id: str
    reason: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    hash: str

    @property
    def changes(self) -> tuple[Change, ...]:
        """The fields that differ between before and after (all fields of an insert/delete)."""
        before = self.before or {}
        after = self.after or {}
        fields = sorted(set(before) | set(after))
        return tuple(
            Change(f, before.get(f), after.get(f))
            for f in fields
            if before.get(f) != after.get(f) or self.action != Action.UPDATE
        )

    def summary(self, limit: int = 6) -> str:
        """Changes in words: "phone: '' -> '976 123 456'; status: active -> withdrawn"."""
        parts = []
        for change in self.changes[:limit]:
            if self.action == Action.INSERT:
                parts.append(f"{change.field}={show_value(change.after)}")
            elif self.action == Action.DELETE:
                parts.append(f"{change.field}={show_value(change.before)}")
            else:
                parts.append(
                    f"{change.field}: {show_value(change.before)} → {show_value(change.after)}"
                )
        more = len(self.changes) - limit
        if more > 0:
            parts.append(_("(+{more} more)", more=more))
        return "; ".join(parts)


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    table_name: str | None = None
    record_id: str | None = None
    since: datetime | None = None  # inclusive, aware
    until: datetime | None = None  # exclusive, aware
    action: str | None = None


def local_day_bounds(
    first: date | None, last: date | None, tz: tzinfo | None = None
) -> tuple[datetime | None, datetime | None]:
    """``since``/``until`` (aware) covering the local calendar days ``first`` .. ``last``."""
    zone = tz or datetime.now().astimezone().tzinfo

    def start(day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=zone)

    return (
        start(first) if first else None,
        start(last + timedelta(days=1)) if last else None,
    )


def _where(flt: AuditFilter) -> list[Any]:
    c = AuditRecord.__table__.c
    clauses: list[Any] = []
    if flt.username:
        clauses.append(c.username == flt.username)
    if flt.table_name:
        clauses.append(c.table_name == flt.table_name)
    if flt.record_id:
        clauses.append(c.record_id == flt.record_id.strip())
    if flt.since:
        clauses.append(c.at >= flt.since)
    if flt.until:
        clauses.append(c.at < flt.until)
    if flt.action:
        clauses.append(c.action == flt.action)
    return clauses


def _stored(text: str | None) -> dict[str, Any] | None:
    """A record's stored row. One that is not a row (written outside coop-desk; ``verify``
    names it) is shown as its text, cut short, rather than stopping the listing, the history
    or the audit pack at it."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if isinstance(value, dict):
        return value
    return {_("(not a row)"): shorten(text)}


def _row(r: Any) -> AuditRow:
    return AuditRow(
        id=r.id,
        at=r.at,
        username=r.username,
        action=r.action,
        table_name=r.table_name,
        record_id=r.record_id,
        reason=r.reason,
        before=_stored(r.before),
        after=_stored(r.after),
        hash=r.hash,
    )


def list_records(
    session: Session,
    actor: Actor,
    flt: AuditFilter | None = None,
    *,
    offset: int = 0,
    limit: int | None = 500,
    newest_first: bool = True,
) -> list[AuditRow]:
    """A page of the trail, filtered and ordered in SQL."""
    require(actor, Permission.READ)
    t = AuditRecord.__table__
    stmt = select(t).where(*_where(flt or AuditFilter()))
    stmt = stmt.order_by(t.c.id.desc() if newest_first else t.c.id.asc()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_row(r) for r in session.execute(stmt)]


def count_records(session: Session, actor: Actor, flt: AuditFilter | None = None) -> int:
    require(actor, Permission.READ)
    t = AuditRecord.__table__
    return int(
        session.scalar(select(func.count()).select_from(t).where(*_where(flt or AuditFilter())))
        or 0
    )


def child_links(table_name: str) -> list[tuple[str, str]]:
    """(table, column) pairs whose single-column foreign key points at ``table_name``: the
    plots and status changes of a member, the postings of a journal entry."""
    links = []
    for table in Base.metadata.sorted_tables:
        if not is_audited(table.name) or table.name == table_name:
            continue
        for fk in table.foreign_keys:
            single = fk.constraint is not None and len(fk.constraint.columns) == 1
            if fk.column.table.name == table_name and single:
                links.append((table.name, fk.parent.name))
    return links


def history(
    session: Session,
    actor: Actor,
    table_name: str,
    record_id: object,
    *,
    include_children: bool = False,
) -> list[AuditRow]:
    """Every audit record of one row, oldest first; with ``include_children`` also those of
    the rows that belong to it (see ``child_links``), deleted ones included."""
    require(actor, Permission.READ)
    rid = str(record_id)
    clauses = [and_(AUDIT.c.table_name == table_name, AUDIT.c.record_id == rid)]
    if include_children:
        value = json.dumps(json_value(int(rid)) if rid.isdigit() else rid)
        for child, column in child_links(table_name):
            needle = f'"{column}":{value}'
            patterns = [f"%{needle},%", f"%{needle}}}%"]
            clauses.append(
                and_(
                    AUDIT.c.table_name == child,
                    or_(
                        *(AUDIT.c.after.like(p) for p in patterns),
                        *(AUDIT.c.before.like(p) for p in patterns),
                    ),
                )
            )
    stmt = select(AUDIT).where(or_(*clauses)).order_by(AUDIT.c.id)
    return [_row(r) for r in session.execute(stmt)]


def records_about(
    session: Session, actor: Actor, refs: dict[str, Iterable[object]]
) -> list[AuditRow]:
    """Every audit record of the given rows (table name -> record ids), oldest first."""
    require(actor, Permission.READ)
    c = AUDIT.c
    found: dict[int, AuditRow] = {}
    for table_name, ids in refs.items():
        keys = sorted({str(i) for i in ids})
        for start in range(0, len(keys), 400):
            chunk = keys[start : start + 400]
            stmt = select(AUDIT).where(c.table_name == table_name, c.record_id.in_(chunk))
            for r in session.execute(stmt):
                found[r.id] = _row(r)
    return [found[i] for i in sorted(found)]


def usernames(session: Session, actor: Actor) -> list[str]:
    require(actor, Permission.READ)
    c = AuditRecord.__table__.c
    return list(session.scalars(select(c.username).distinct().order_by(c.username)))


def table_names(session: Session, actor: Actor) -> list[str]:
    require(actor, Permission.READ)
    c = AuditRecord.__table__.c
    return list(session.scalars(select(c.table_name).distinct().order_by(c.table_name)))


@dataclass(frozen=True)
class ChainHead:
    count: int
    last_id: int
    last_hash: str


def chain_head(session: Session, actor: Actor) -> ChainHead:
    """The newest record and its hash: note it (e.g. in the audit pack) to detect later that
    the trail was cut or rewritten."""
    require(actor, Permission.READ)
    t = AuditRecord.__table__
    last = session.execute(select(t.c.id, t.c.hash).order_by(t.c.id.desc()).limit(1)).first()
    count = int(session.scalar(select(func.count()).select_from(t)) or 0)
    if last is None:
        return ChainHead(0, 0, GENESIS_HASH)
    return ChainHead(count, last.id, last.hash)
