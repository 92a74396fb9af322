"""The audit trail: every change to any record, written in the same transaction as the change,
chained by SHA-256 so that an edited, deleted or inserted audit row shows.

How it works (generic: no service has to remember it):
- ORM mapper events on every mapped class record, during each flush, which rows are inserted,
  updated or deleted. The row's stored values *before* an update or delete are read from the
  database just before the statement runs; the values *after* an insert or update are read back
  once the flush has written them. Both go through the same column types, so a Decimal reads
  "1250.50" and a date "2026-11-27" on both sides, exactly.
- ``after_flush`` turns those into ``audit_record`` rows: who (``session.info["actor"]``, set by
  ``Database.transaction``), when (UTC), table, record id, before/after as canonical JSON, the
  action, and the reason when the caller gave one (``session.info["reason"]``). Each row holds
  the SHA-256 of its own content and of the previous row (``prev_hash``).
- Writes that bypass the ORM flush (Core ``update()``/``delete()``, a ``sqlite3`` session on the
  file) are not recorded: ``verify`` then finds the row's content differs from its last audit
  record and names it. So every service must write through ORM objects.

What ``verify`` checks (registered below): the chain is intact (consecutive ids, each hash
recomputes, each row links to the previous one), and every audited row's current content equals
the "after" values of its latest audit record (a row deleted or edited outside coop-desk, or
inserted without a record, is named with its table and id).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Table, and_, bindparam, event, func, insert, inspect, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper, Session, object_session

from coop_desk.errors import NotFound
from coop_desk.models import AuditRecord, Base
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.verify import Finding, Severity, register

AUDIT_TABLE = AuditRecord.__tablename__
_AUDIT: Table = AuditRecord.__table__  # type: ignore[assignment]
# Tables whose rows are not audited: the trail itself, and the document store's content, which
# proves itself against its SHA-256 address (the records that attach documents are audited).
UNAUDITED_TABLES = frozenset({AUDIT_TABLE, "alembic_version", "document"})
# Columns left out of snapshots: sign-in throttling state changes at every attempt and says
# nothing about the records. A change touching only these columns writes no audit row.
VOLATILE_COLUMNS: dict[str, frozenset[str]] = {
    "app_user": frozenset({"failed_attempts", "locked_until", "last_login_at"}),
}
# Columns kept in the trail only as the SHA-256 of their value: still verifiable, never shown.
REDACTED_COLUMNS: dict[str, frozenset[str]] = {"app_user": frozenset({"password_hash"})}
GENESIS_HASH = "0" * 64
# Findings of one kind per table printed by verify before summarising the rest.
MAX_FINDINGS_PER_TABLE = 50
# PostgreSQL: transaction-level advisory lock serialising writers of the chain.
_PG_CHAIN_LOCK = 4_372_001
_PENDING_KEY = "_audit_pending"
_HEAD_KEY = "_audit_head"


class Action:
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


# --- canonical values -------------------------------------------------------------------------
def json_value(value: Any) -> Any:
    """A column value as exact JSON: Decimal as its digits ("1250.50"), dates ISO 8601."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return json_value(value.value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, float):  # no money is float; kept exact as its repr if one appears
        return repr(value)
    return str(value)


def canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_text(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def is_audited(table_name: str) -> bool:
    return table_name not in UNAUDITED_TABLES


def snapshot(table: Table, row: Any) -> dict[str, Any]:
    """The audited columns of ``row`` (a Row or mapping of ``table``) as JSON values."""
    mapping = row._mapping if hasattr(row, "_mapping") else row
    volatile = VOLATILE_COLUMNS.get(table.name, frozenset())
    redacted = REDACTED_COLUMNS.get(table.name, frozenset())
    out: dict[str, Any] = {}
    for column in table.columns:
        if column.name in volatile or column.name not in mapping:
            continue
        value = json_value(mapping[column.name])
        if column.name in redacted and value is not None:
            value = "sha256:" + sha256_text(str(value))
        out[column.name] = value
    return out


def record_id_of(table: Table, row: Any) -> str:
    mapping = row._mapping if hasattr(row, "_mapping") else row
    return "/".join(str(json_value(mapping[c.name])) for c in table.primary_key.columns)


def record_hash(
    *,
    id: int,  # noqa: A002 - the column's name
    at: datetime,
    username: str,
    user_id: int | None,
    action: str,
    table_name: str,
    record_id: str,
    before: str | None,
    after: str | None,
    reason: str,
    prev_hash: str,
) -> str:
    """SHA-256 of the record's canonical JSON content, the previous record's hash included."""
    content = {
        "id": id,
        "at": at.astimezone(UTC).isoformat(),
        "username": username,
        "user_id": user_id,
        "action": action,
        "table": table_name,
        "record_id": record_id,
        "before": before,
        "after": after,
        "reason": reason,
        "prev_hash": prev_hash,
    }
    return sha256_text(canonical(content))


# --- the listener ---------------------------------------------------------------------------
def _pk_key(mapper: Mapper[Any], target: Any) -> tuple[Any, ...]:
    return tuple(mapper.primary_key_from_instance(target))


_BY_KEY_STATEMENTS: dict[str, Any] = {}


def _by_key_statement(table: Table) -> Any:
    """``SELECT * FROM table WHERE pk IN (:ids)``, built once per table (single-column keys)."""
    statement = _BY_KEY_STATEMENTS.get(table.name)
    if statement is None:
        pk = next(iter(table.primary_key.columns))
        statement = select(table).where(pk.in_(bindparam("ids", expanding=True)))
        _BY_KEY_STATEMENTS[table.name] = statement
    return statement


def _select_by_keys(
    connection: Connection, table: Table, keys: Sequence[tuple[Any, ...]]
) -> dict[tuple[Any, ...], Any]:
    """Rows of ``table`` by primary key values, read through the column types."""
    pk = list(table.primary_key.columns)
    found: dict[tuple[Any, ...], Any] = {}
    for start in range(0, len(keys), 400):
        chunk = keys[start : start + 400]
        if len(pk) == 1:
            rows = connection.execute(_by_key_statement(table), {"ids": [k[0] for k in chunk]})
        else:
            clause = or_(*(and_(*(c == v for c, v in zip(pk, k, strict=True))) for k in chunk))
            rows = connection.execute(select(table).where(clause))
        for row in rows:
            found[tuple(row._mapping[c.name] for c in pk)] = row
    return found


def _pending(session: Session) -> list[list[Any]]:
    pending: list[list[Any]] = session.info.setdefault(_PENDING_KEY, [])
    return pending


def _on_before_change(action: str) -> Any:
    def listener(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
        table = mapper.local_table
        if not isinstance(table, Table) or not is_audited(table.name):
            return
        session = object_session(target)
        if session is None:
            return
        if action == Action.UPDATE and not session.is_modified(target, include_collections=False):
            return
        key = _pk_key(mapper, target)
        before = _select_by_keys(connection, table, [key]).get(key)
        _pending(session).append([action, table, key, before])

    return listener


def _after_insert(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    table = mapper.local_table
    if not isinstance(table, Table) or not is_audited(table.name):
        return
    session = object_session(target)
    if session is not None:
        _pending(session).append([Action.INSERT, table, _pk_key(mapper, target), None])


event.listen(Base, "before_update", _on_before_change(Action.UPDATE), propagate=True)
event.listen(Base, "before_delete", _on_before_change(Action.DELETE), propagate=True)
event.listen(Base, "after_insert", _after_insert, propagate=True)


@event.listens_for(Session, "after_flush")
def _write_audit_records(session: Session, _flush_context: Any) -> None:
    pending = session.info.pop(_PENDING_KEY, None)
    if not pending:
        return
    connection = session.connection()
    # Read back what the flush wrote, one query per table.
    wanted: dict[Table, list[tuple[Any, ...]]] = {}
    for action, table, key, _before in pending:
        if action != Action.DELETE:
            wanted.setdefault(table, []).append(key)
    after_rows = {table: _select_by_keys(connection, table, keys) for table, keys in wanted.items()}

    actor = session.info.get("actor")
    username = actor.username if isinstance(actor, Actor) else "(unknown)"
    user_id = actor.user_id if isinstance(actor, Actor) else None
    reason = str(session.info.get("reason") or "")
    at = datetime.now(UTC)
    entries: list[dict[str, Any]] = []
    for action, table, key, before_row in pending:
        before = snapshot(table, before_row) if before_row is not None else None
        after_row = after_rows[table].get(key) if action != Action.DELETE else None
        after = snapshot(table, after_row) if after_row is not None else None
        if action == Action.UPDATE and before == after:
            continue  # only volatile columns (or nothing) changed
        if action != Action.DELETE and after is None:
            continue  # inserted and deleted again within the flush
        entries.append(
            {
                "action": action,
                "table_name": table.name,
                "record_id": "/".join(str(json_value(v)) for v in key),
                "before": canonical(before) if before is not None else None,
                "after": canonical(after) if after is not None else None,
            }
        )
    if entries:
        _append(
            connection,
            entries,
            at=at,
            username=username,
            user_id=user_id,
            reason=reason,
            head_cache=session.info,
        )


def _forget_head(session: Session, *_args: Any) -> None:
    """The cached chain head is valid only inside the transaction that wrote it."""
    session.info.pop(_HEAD_KEY, None)
    session.info.pop(_PENDING_KEY, None)


event.listen(Session, "after_commit", _forget_head)
event.listen(Session, "after_rollback", _forget_head)
event.listen(Session, "after_soft_rollback", _forget_head)


def _append(
    connection: Connection,
    entries: list[dict[str, Any]],
    *,
    at: datetime,
    username: str,
    user_id: int | None,
    reason: str,
    head_cache: dict[str, Any] | None = None,
) -> None:
    """Insert ``entries`` at the end of the chain (under a lock on PostgreSQL; SQLite
    serialises writers itself). ``head_cache`` (the session's info) keeps the chain's head
    between the flushes of one transaction: the lock is held, nobody else can append."""
    table = _AUDIT
    head = head_cache.get(_HEAD_KEY) if head_cache is not None else None
    if head is None:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_CHAIN_LOCK})
        last = connection.execute(
            select(table.c.id, table.c.hash).order_by(table.c.id.desc()).limit(1)
        ).first()
        head = (last.id, last.hash) if last else (0, GENESIS_HASH)
    last_id, prev = head
    rows = []
    for offset, entry in enumerate(entries, start=1):
        row = {
            "id": last_id + offset,
            "at": at,
            "username": username,
            "user_id": user_id,
            "reason": reason,
            "prev_hash": prev,
            **entry,
        }
        row["hash"] = record_hash(**row)
        prev = row["hash"]
        rows.append(row)
    connection.execute(insert(table), rows)
    if head_cache is not None:
        head_cache[_HEAD_KEY] = (rows[-1]["id"], rows[-1]["hash"])


def write_baseline(connection: Connection, username: str = "migration") -> int:
    """Record every row that exists without an audit record as an insert ("existed before the
    audit trail"), so that verify holds on a database created before the trail. Used by the
    migration that creates the trail; returns how many records were written."""
    existing_tables = set(inspect(connection).get_table_names())
    audit = AuditRecord.__table__
    known = {
        (r.table_name, r.record_id)
        for r in connection.execute(select(audit.c.table_name, audit.c.record_id).distinct())
    }
    entries: list[dict[str, Any]] = []
    for table in Base.metadata.sorted_tables:
        if not is_audited(table.name) or table.name not in existing_tables:
            continue
        present = {c["name"] for c in inspect(connection).get_columns(table.name)}
        columns = [c for c in table.columns if c.name in present]
        for row in connection.execute(select(*columns)):
            rid = record_id_of(table, row)
            if (table.name, rid) in known:
                continue
            entries.append(
                {
                    "action": Action.INSERT,
                    "table_name": table.name,
                    "record_id": rid,
                    "before": None,
                    "after": canonical(snapshot(table, row)),
                }
            )
    if entries:
        _append(
            connection,
            entries,
            at=datetime.now(UTC),
            username=username,
            user_id=None,
            reason="the row existed before the audit trail was introduced",
        )
    return len(entries)


# --- reading the trail ------------------------------------------------------------------------
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
                parts.append(f"{change.field}={_show(change.after)}")
            elif self.action == Action.DELETE:
                parts.append(f"{change.field}={_show(change.before)}")
            else:
                parts.append(f"{change.field}: {_show(change.before)} → {_show(change.after)}")
        more = len(self.changes) - limit
        if more > 0:
            parts.append(f"(+{more} more)")
        return "; ".join(parts)


def _show(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, str):
        return value if value else "''"
    return json.dumps(value)


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


def _row(r: Any) -> AuditRow:
    return AuditRow(
        id=r.id,
        at=r.at,
        username=r.username,
        action=r.action,
        table_name=r.table_name,
        record_id=r.record_id,
        reason=r.reason,
        before=json.loads(r.before) if r.before else None,
        after=json.loads(r.after) if r.after else None,
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
    clauses = [and_(_AUDIT.c.table_name == table_name, _AUDIT.c.record_id == rid)]
    if include_children:
        value = json.dumps(json_value(int(rid)) if rid.isdigit() else rid)
        for child, column in child_links(table_name):
            needle = f'"{column}":{value}'
            patterns = [f"%{needle},%", f"%{needle}}}%"]
            clauses.append(
                and_(
                    _AUDIT.c.table_name == child,
                    or_(
                        *(_AUDIT.c.after.like(p) for p in patterns),
                        *(_AUDIT.c.before.like(p) for p in patterns),
                    ),
                )
            )
    stmt = select(_AUDIT).where(or_(*clauses)).order_by(_AUDIT.c.id)
    return [_row(r) for r in session.execute(stmt)]


def records_about(
    session: Session, actor: Actor, refs: dict[str, Iterable[object]]
) -> list[AuditRow]:
    """Every audit record of the given rows (table name -> record ids), oldest first."""
    require(actor, Permission.READ)
    c = _AUDIT.c
    found: dict[int, AuditRow] = {}
    for table_name, ids in refs.items():
        keys = sorted({str(i) for i in ids})
        for start in range(0, len(keys), 400):
            chunk = keys[start : start + 400]
            stmt = select(_AUDIT).where(c.table_name == table_name, c.record_id.in_(chunk))
            for r in session.execute(stmt):
                found[r.id] = _row(r)
    return [found[i] for i in sorted(found)]


def get_record(session: Session, actor: Actor, record_id: int) -> AuditRow:
    require(actor, Permission.READ)
    row = session.execute(
        select(AuditRecord.__table__).where(AuditRecord.__table__.c.id == record_id)
    ).first()
    if row is None:
        raise NotFound(f"There is no audit record {record_id}.")
    return _row(row)


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


# --- verify ---------------------------------------------------------------------------------
@register("audit.chain")
def check_chain(session: Session, today: date) -> list[Finding]:
    """Consecutive ids from 1, each hash recomputes from the content, each links to the
    previous one. Names the first audit record where the chain breaks and every altered one."""
    t = AuditRecord.__table__
    findings: list[Finding] = []
    expected_id = 1
    prev = GENESIS_HASH
    altered = 0
    result = session.execute(select(t).order_by(t.c.id).execution_options(yield_per=2000))
    for r in result:
        where = f"audit_record {r.id}"
        if r.id != expected_id:
            if r.id > expected_id:
                missing = (
                    f"audit record {expected_id}"
                    if r.id == expected_id + 1
                    else f"audit records {expected_id} to {r.id - 1}"
                )
                message = f"{missing} are missing from the trail (deleted)"
            else:
                message = f"audit record {r.id} is out of order"
            findings.append(Finding(Severity.ERROR, "audit.chain", message, where))
        if r.prev_hash != prev:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "audit.chain",
                    f"audit record {r.id} does not link to the record before it "
                    "(a record was removed, inserted or rewritten)",
                    where,
                )
            )
        computed = record_hash(
            id=r.id,
            at=r.at,
            username=r.username,
            user_id=r.user_id,
            action=r.action,
            table_name=r.table_name,
            record_id=r.record_id,
            before=r.before,
            after=r.after,
            reason=r.reason,
            prev_hash=r.prev_hash,
        )
        if computed != r.hash:
            altered += 1
            if altered <= MAX_FINDINGS_PER_TABLE:
                findings.append(
                    Finding(
                        Severity.ERROR,
                        "audit.chain",
                        f"audit record {r.id} ({r.action} of {r.table_name} {r.record_id} by "
                        f"{r.username}) was altered: its content no longer matches its hash",
                        where,
                    )
                )
        prev = r.hash
        expected_id = r.id + 1
    if altered > MAX_FINDINGS_PER_TABLE:
        findings.append(
            Finding(
                Severity.ERROR,
                "audit.chain",
                f"{altered - MAX_FINDINGS_PER_TABLE} more audit records were altered",
                AUDIT_TABLE,
            )
        )
    return findings


def latest_afters(session: Session) -> dict[tuple[str, str], tuple[int, str, str | None]]:
    """(table, record id) -> (audit id, action, after JSON) of each row's latest record."""
    t = AuditRecord.__table__
    latest = select(func.max(t.c.id).label("id")).group_by(t.c.table_name, t.c.record_id).subquery()
    rows = session.execute(
        select(t.c.id, t.c.table_name, t.c.record_id, t.c.action, t.c.after).join(
            latest, latest.c.id == t.c.id
        )
    )
    return {(r.table_name, r.record_id): (r.id, r.action, r.after) for r in rows}


def _describe_difference(recorded: dict[str, Any], current: dict[str, Any]) -> str:
    parts = []
    for field in sorted(set(recorded) & set(current)):
        if recorded[field] != current[field]:
            parts.append(
                f"{field} is {_show(current[field])}, the trail says {_show(recorded[field])}"
            )
    return "; ".join(parts[:5])


@register("audit.content")
def check_content(session: Session, today: date) -> list[Finding]:
    """Every audited row equals the "after" of its latest audit record: catches an amount
    edited, a posting/member/plot deleted or a row inserted outside coop-desk (e.g. with
    ``sqlite3``), and any change to a posted entry. Columns added to a table after a row's last
    record (a schema upgrade) are not compared for that row."""
    findings: list[Finding] = []
    by_table: dict[str, dict[str, tuple[int, str, str | None]]] = {}
    for (table_name, rid), latest in latest_afters(session).items():
        by_table.setdefault(table_name, {})[rid] = latest
    existing = set(inspect(session.connection()).get_table_names())
    for table in Base.metadata.sorted_tables:
        if not is_audited(table.name) or table.name not in existing:
            continue
        recorded = by_table.get(table.name, {})
        shown = 0
        hidden = 0
        seen: set[str] = set()

        def add(message: str, record: str) -> None:
            nonlocal shown, hidden
            if shown < MAX_FINDINGS_PER_TABLE:
                findings.append(Finding(Severity.ERROR, "audit.content", message, record))
                shown += 1
            else:
                hidden += 1

        result = session.execute(select(table).execution_options(yield_per=2000))
        for row in result:
            rid = record_id_of(table, row)
            seen.add(rid)
            where = f"{table.name} {rid}"
            found = recorded.get(rid)
            if found is None or found[1] == Action.DELETE or found[2] is None:
                add(
                    f"{table.name} {rid} exists but the audit trail has no record of it being "
                    "written (inserted outside coop-desk)",
                    where,
                )
                continue
            audit_id, _action, after_json = found
            after = json.loads(after_json or "{}")
            current = snapshot(table, row)
            common = set(after) & set(current)
            if any(after[f] != current[f] for f in common):
                add(
                    f"{table.name} {rid} was changed outside coop-desk after audit record "
                    f"{audit_id}: {_describe_difference(after, current)}",
                    where,
                )
        for rid, (audit_id, action, _after) in recorded.items():
            if rid not in seen and action != Action.DELETE:
                add(
                    f"{table.name} {rid} was deleted outside coop-desk (its last audit record, "
                    f"{audit_id}, shows it present)",
                    f"{table.name} {rid}",
                )
        if hidden:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "audit.content",
                    f"{hidden} more rows of {table.name} differ from the audit trail",
                    table.name,
                )
            )
    return findings


def describe_rows(rows: Iterable[AuditRow]) -> list[str]:
    """One line per record, for the command line."""
    return [
        f"{r.id:>6}  {r.at.astimezone(UTC):%Y-%m-%d %H:%M:%S}Z  {r.username:<12} "
        f"{r.action:<6} {r.table_name} {r.record_id}"
        + (f"  [{r.reason}]" if r.reason else "")
        + (f"\n        {r.summary()}" if r.changes else "")
        for r in rows
    ]


def set_reason(session: Session, reason: str) -> None:
    """The reason recorded on every audit record this transaction writes from now on (a
    front end asking the user why, for the whole action)."""
    session.info["reason"] = reason.strip()


@contextmanager
def reason(session: Session, text: str) -> Iterator[None]:
    """The reason for the changes made inside the block only (flushed at its end):
    ``with audit.reason(session, "moved to Lima"): member.status = ...``."""
    previous = session.info.get("reason")
    session.info["reason"] = text.strip()
    try:
        yield
        session.flush()
    finally:
        if previous is None:
            session.info.pop("reason", None)
        else:
            session.info["reason"] = previous
