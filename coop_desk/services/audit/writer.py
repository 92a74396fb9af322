"""Writing the trail: the flush listener ``Database`` installs on its sessions, the chain's
append under a lock, the baseline of rows that predate the trail, and the reason of a change.

``install(sessions)`` is called by ``Database`` for its own ``sessionmaker``: every session it
makes records the trail, whatever modules were imported. ORM mapper events (global by nature,
registered once) collect the rows a flush inserts, updates or deletes, but only for sessions
marked by ``install``; the session events that turn them into records belong to that
``sessionmaker`` alone.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import chain
from typing import Any

from sqlalchemy import (
    Table,
    TypeDecorator,
    and_,
    bindparam,
    event,
    insert,
    inspect,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Mapper, Session, object_session, sessionmaker

from coop_desk.models import AuditRecord, Base
from coop_desk.services.access import Actor
from coop_desk.services.audit.canonical import (
    AUDIT,
    GENESIS_HASH,
    RECORD_COLUMNS,
    Action,
    canonical,
    is_audited,
    json_value,
    record_id_of,
    row_canonical,
    row_snapshotter,
    snapshot,
    stored_record_hash,
)
from coop_desk.services.session_events import listen_once

# session.info key set on every session of an installed sessionmaker: it records the trail.
TRAIL_KEY = "audit_trail"
# PostgreSQL: transaction-level advisory lock serialising writers of the chain.
_PG_CHAIN_LOCK = 4_372_001
_PENDING_KEY = "_audit_pending"
_HEAD_KEY = "_audit_head"
_AT_KEY = "_audit_at"


def install(sessions: sessionmaker[Session]) -> None:
    """Record the audit trail for every session ``sessions`` makes (idempotent)."""
    for name, listener in _MAPPER_EVENTS:
        if not event.contains(Base, name, listener):
            event.listen(Base, name, listener, propagate=True)
    info = dict(sessions.kw.get("info") or {})
    info[TRAIL_KEY] = True
    sessions.configure(info=info)
    listen_once(sessions, __name__, _SESSION_EVENTS)
    engine = sessions.kw.get("bind")
    if isinstance(engine, Engine):
        # Nothing runs on a connection while bulk inserts are queued on it (``bulk_inserts``).
        for name, listener in _ENGINE_EVENTS:
            if not event.contains(engine, name, listener):
                event.listen(engine, name, listener)


def records_trail(session: Session) -> bool:
    """Whether ``session`` writes audit records (it comes from an installed sessionmaker)."""
    return bool(session.info.get(TRAIL_KEY))


# --- collecting a flush's changes -------------------------------------------------------------
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


def _trail_session(target: Any) -> Session | None:
    session = object_session(target)
    return session if session is not None and records_trail(session) else None


def _pending(session: Session) -> list[list[Any]]:
    pending: list[list[Any]] = session.info.setdefault(_PENDING_KEY, [])
    return pending


def _on_before_change(action: str) -> Any:
    def listener(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
        table = mapper.local_table
        if not isinstance(table, Table) or not is_audited(table.name):
            return
        session = _trail_session(target)
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
    session = _trail_session(target)
    if session is not None:
        _pending(session).append([Action.INSERT, table, _pk_key(mapper, target), None])


_MAPPER_EVENTS = (
    ("before_update", _on_before_change(Action.UPDATE)),
    ("before_delete", _on_before_change(Action.DELETE)),
    ("after_insert", _after_insert),
)


# --- writing the records ------------------------------------------------------------------------
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

    entries: list[dict[str, Any]] = []
    # The rows before and after were read with ``select(table)``: every column, in the
    # table's order, which ``row_snapshotter`` reads without a look-up by name per column.
    snappers = {table: row_snapshotter(table) for table in {entry[1] for entry in pending}}
    for action, table, key, before_row in pending:
        snap = snappers[table]
        before = snap(before_row) if before_row is not None else None
        after_row = after_rows[table].get(key) if action != Action.DELETE else None
        after = snap(after_row) if after_row is not None else None
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
        _append_for(session, entries)


def _append_for(session: Session, entries: list[dict[str, Any]]) -> None:
    """Append ``entries`` to the chain as the session's records: its actor, its reason, the
    transaction's time, the chain's head cached in the session."""
    actor = session.info.get("actor")
    _append(
        session.connection(),
        entries,
        at=_transaction_time(session),
        username=actor.username if isinstance(actor, Actor) else "(unknown)",
        user_id=actor.user_id if isinstance(actor, Actor) else None,
        reason=str(session.info.get("reason") or ""),
        head_cache=session.info,
    )


# --- rows inserted without a flush ------------------------------------------------------------
def row_builder(table: Table, dialect: Dialect) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A new row of ``table`` from the values it is given, as ``insert_audited`` takes it:
    every column in the table's order, a column not given holding its default (what the ORM
    would insert: a callable default such as the time is called once per builder), and each
    value as its column type reads it back (``Decimal("1.5")`` in a column of 6 decimals is
    ``Decimal("1.500000")``), so that the audit record made from the row is the one the
    flush listener would have made by reading the row back."""
    plan: list[tuple[str, Any, Callable[[Any], Any] | None]] = []
    for column in table.columns:
        default = column.default
        if default is None:
            if column.server_default is not None and not column.primary_key:
                raise RuntimeError(
                    f"{table.name}.{column.name}: a server default is not known here"
                )
            value = None
        elif getattr(default, "is_callable", False):
            value = default.arg(None)  # type: ignore[attr-defined]
        else:
            value = default.arg  # type: ignore[attr-defined]
        through = None
        if isinstance(column.type, TypeDecorator):
            through = _read_back(column.type, dialect)
        if through is not None and value is not None:
            value = through(value)
        plan.append((column.name, value, through))
    defaults = [default for _name, default, _through in plan]
    position = {name: (index, through) for index, (name, _d, through) in enumerate(plan)}

    def build(values: dict[str, Any]) -> tuple[Any, ...]:
        row = defaults.copy()
        for name, value in values.items():
            found = position.get(name)
            if found is None:
                raise KeyError(f"{table.name} has no column {name}")
            index, through = found
            row[index] = value if through is None or value is None else through(value)
        return tuple(row)

    return build


def _read_back(column_type: TypeDecorator[Any], dialect: Dialect) -> Callable[[Any], Any]:
    def through(value: Any) -> Any:
        return column_type.process_result_value(
            column_type.process_bind_param(value, dialect), dialect
        )

    return through


def insert_audited(session: Session, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert ``rows`` of ``table`` (made by ``row_builder``: every column, primary key
    included) by ``insert_many``, and record each in the trail as an insert whose
    after-image is made from the same values: the records the flush listener writes for rows
    the ORM inserts, without an object per row nor reading the rows back (the roster
    import's new members). The session's pending changes are flushed first; the limits
    (``limit_guard.row_checker``) are the caller's to check, as the flush would."""
    if not rows:
        return
    session.flush()
    insert_many(session.connection(), table, rows)
    after = row_canonical(table)
    names = [column.name for column in table.columns]
    keys = [names.index(column.name) for column in table.primary_key.columns]
    if len(keys) == 1:
        (key,) = keys
        record_ids = [str(json_value(row[key])) for row in rows]
    else:
        record_ids = ["/".join(str(json_value(row[k])) for k in keys) for row in rows]
    _append_for(
        session,
        [
            {
                "action": Action.INSERT,
                "table_name": table.name,
                "record_id": record_id,
                "before": None,
                "after": after(row),
            }
            for record_id, row in zip(record_ids, rows, strict=True)
        ],
    )


def insert_many(connection: Connection, table: Table, rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` (every column of ``table``, in its order): the one way rows are
    inserted in bulk (``insert_audited``, and every audit record ``_append`` writes).

    On SQLite the values are first converted by the column types (their bind processors,
    looked up once per column, not once per value: SQLAlchemy's own preparation of each row
    took as long as SQLite's insert of it), then inserted many rows per statement
    (``_sqlite_statements``); inside ``bulk_inserts`` the statements run on the connection
    in a thread of their own while this one prepares the next rows. Other databases go
    through SQLAlchemy (on PostgreSQL it sends many rows per statement)."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        names = [column.name for column in table.columns]
        connection.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    sql, processors = _sqlite_insert(table, connection.dialect)
    # Rows of one insert share many values (the time of the transaction, dates, areas):
    # each distinct value (of a type) is converted once per column.
    memos: list[dict[tuple[type, Any], Any]] = [{} for _ in processors]
    converted = []
    for row in rows:
        values = list(row)
        for (index, process), memo in zip(processors, memos, strict=True):
            value = values[index]
            if value is not None:
                key = (type(value), value)
                done = memo.get(key, memo)
                if done is memo:
                    done = memo[key] = process(value)
                values[index] = done
        converted.append(tuple(values))
    bulk = connection.info.get(_BULK_KEY)
    if isinstance(bulk, BulkInserts) and bulk.threaded:
        bulk.submit(sql, len(table.columns), converted)
        return
    per = _rows_per_statement(connection.connection.driver_connection, len(table.columns))
    for statement, parameters in _sqlite_statements(sql, per, converted):
        connection.exec_driver_sql(statement, parameters)


# --- SQLite: many rows per statement, in a thread of their own during a bulk ------------------
# Rows per ``INSERT ... VALUES (...), (...)`` (fewer when the columns would exceed SQLite's
# limit of variables per statement). Measured on the roster import (48,572 rows and as many
# audit records): one statement of many rows inserts them slightly faster than ``executemany``
# one by one, and in a single ``sqlite3_step``, which the ``sqlite3`` module runs without the
# interpreter's lock: SQLite's work can overlap Python's only there. (``executemany`` takes
# the lock back for every row it binds: a thread running it overlapped nothing.) The import's
# apply, 10,000 members, 2 processors: 1.19-1.26 s at 1,000 or 2,000 rows per statement,
# 1.28-1.38 s at 300 (the thread takes the lock back once per statement).
ROWS_PER_STATEMENT = 1000
# The interpreter's switch interval during ``bulk_inserts`` (seconds): how long the thread
# may wait for the lock after a statement. At the default 5 ms it waited longer than SQLite
# took to insert the rows; at 0.05 ms the switches cost the import 0.2 s of processor time
# more than at 0.5-2 ms (which measured alike).
BULK_SWITCH_INTERVAL = 5e-4
# ``Connection.info`` key (the DBAPI connection's) of the ``BulkInserts`` running on it.
_BULK_KEY = "coop_desk_bulk_inserts"
_MULTI_ROW: dict[tuple[str, int], str] = {}


def _rows_per_statement(dbapi_connection: Any, width: int) -> int:
    limit = dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(ROWS_PER_STATEMENT, limit // max(width, 1)))


def _sqlite_statements(
    sql: str, per: int, rows: Sequence[tuple[Any, ...]]
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """``rows`` as statements of ``per`` rows each: ``sql`` (the insert of one row) with as
    many ``(?, ...)`` groups, and the rows' values one after the other."""
    for start in range(0, len(rows), per):
        part = rows[start : start + per]
        statement = _MULTI_ROW.get((sql, len(part)))
        if statement is None:
            head, _sep, group = sql.rpartition(" VALUES ")
            statement = _MULTI_ROW[(sql, len(part))] = (
                f"{head} VALUES {', '.join([group] * len(part))}"
            )
        yield statement, tuple(chain.from_iterable(part))


class BulkInserts:
    """What ``bulk_inserts`` yields. ``tag`` is the caller's name for what it is inserting now
    (set before each part); when an insert failed, it is the tag of the part that failed."""

    def __init__(self, dbapi_connection: Any = None, dialect: Dialect | None = None) -> None:
        self.tag: Any = None
        self.threaded = dbapi_connection is not None
        self._connection = dbapi_connection
        self._dialect = dialect
        self._jobs: queue.Queue[tuple[str, int, list[tuple[Any, ...]], Any] | None] = queue.Queue()
        # The error of the insert that failed: (error, statement, parameters, tag).
        self._failure: tuple[BaseException, str | None, Any, Any] | None = None
        self._stopped = False
        self._thread: threading.Thread | None = None
        if self.threaded:
            self._thread = threading.Thread(
                target=self._run, name="coop-desk bulk inserts", daemon=True
            )
            self._thread.start()

    def submit(self, sql: str, width: int, rows: list[tuple[Any, ...]]) -> None:
        """Queue the insert of ``rows`` (converted by ``insert_many``) by ``sql`` (one row's);
        raises at once the error of an insert that failed before."""
        self._raise_failure()
        if self._stopped:
            raise RuntimeError("the bulk inserts were stopped: nothing more can be inserted")
        self._jobs.put((sql, width, rows, self.tag))

    def drain(self) -> None:
        """Wait until every queued insert ran; raise the error of one that failed (the same
        error, as SQLAlchemy would have raised it, every time: nothing may be committed)."""
        if self.threaded:
            self._jobs.join()
        self._raise_failure()

    def abandon(self) -> None:
        """Stop: the queued inserts are skipped, the one running is waited for; no error is
        raised (the transaction is being rolled back)."""
        if not self._stopped:
            self._stopped = True
            if self.threaded:
                self._jobs.join()

    def close(self) -> None:
        self.abandon()
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None

    def _raise_failure(self) -> None:
        if self._failure is not None:
            error, statement, parameters, tag = self._failure
            self.tag = tag
            if not isinstance(error, sqlite3.Error):
                raise error
            # As SQLAlchemy raises a driver's error (``sqlalchemy.exc.IntegrityError``...).
            raise DBAPIError.instance(
                statement, parameters, error, sqlite3.Error, dialect=self._dialect
            ) from error

    def _run(self) -> None:
        """The thread: each queued insert in turn; after an error, or once stopped, the rest
        are skipped (and still marked done: ``drain`` waits for every one)."""
        cursor = None
        try:
            while True:
                job = self._jobs.get()
                try:
                    if job is None:
                        return
                    if self._failure is None and not self._stopped:
                        if cursor is None:
                            cursor = self._connection.cursor()
                        self._insert(cursor, *job)
                except BaseException as error:  # noqa: BLE001 - raised in the caller's thread
                    self._failure = (error, None, None, job[3] if job else None)
                finally:
                    self._jobs.task_done()
        finally:
            if cursor is not None:
                cursor.close()

    def _insert(
        self, cursor: Any, sql: str, width: int, rows: list[tuple[Any, ...]], tag: Any
    ) -> None:
        per = _rows_per_statement(self._connection, width)
        for statement, parameters in _sqlite_statements(sql, per, rows):
            try:
                cursor.execute(statement, parameters)
            except BaseException as error:  # noqa: BLE001 - raised in the caller's thread
                self._failure = (error, statement, parameters, tag)
                return


@contextmanager
def bulk_inserts(session: Session) -> Iterator[BulkInserts]:
    """Inside the block, on SQLite, ``insert_many`` (and so ``insert_audited`` and the audit
    records) hands its rows to a thread that inserts them on the session's connection, in the
    session's transaction, while the caller prepares the next ones: SQLite's own work (about
    0.8 s of a 10,000-member roster import's 1.9 s) runs on another core. On PostgreSQL, or
    with a single processor, the inserts run where they are made.

    Nothing else can use the connection meanwhile: every statement, commit or rollback on it
    waits first for the queued inserts (the ``Database``'s engine listeners, ``install``),
    and the error of a failed insert is raised there, as SQLAlchemy raises it, and again at
    every later statement or commit (nothing is committed). The block ends when every insert
    ran (raising the error of one that failed); when it raises, the queued inserts are
    dropped before the caller rolls back. The interpreter switches threads more often
    meanwhile (``BULK_SWITCH_INTERVAL``), and as before afterwards."""
    connection = session.connection()
    running = connection.info.get(_BULK_KEY)
    if running is not None:  # within another bulk: its thread inserts these rows too
        yield running
        return
    if connection.dialect.name != "sqlite" or _processors() < 2:
        yield BulkInserts()  # inserted where they are made (one processor: no overlap)
        return
    bulk = BulkInserts(connection.connection.driver_connection, connection.dialect)
    connection.info[_BULK_KEY] = bulk
    try:
        with _switching_often():
            yield bulk
            bulk.drain()
    finally:
        connection.info.pop(_BULK_KEY, None)
        bulk.close()


def _processors() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


_SWITCH_LOCK = threading.Lock()
_switch_users: list[float] = []


@contextmanager
def _switching_often() -> Iterator[None]:
    """``BULK_SWITCH_INTERVAL`` while any bulk runs (in any thread), the interval before the
    first of them restored when the last one ends."""
    with _SWITCH_LOCK:
        if not _switch_users:
            _switch_users.append(sys.getswitchinterval())
            sys.setswitchinterval(BULK_SWITCH_INTERVAL)
        else:
            _switch_users.append(_switch_users[0])
    try:
        yield
    finally:
        with _SWITCH_LOCK:
            saved = _switch_users.pop()
            if not _switch_users:
                sys.setswitchinterval(saved)


def _drain_bulk(connection: Connection, *_args: Any) -> None:
    """Before a statement or a commit on ``connection``: the bulk inserts queued on it first."""
    bulk = connection.info.get(_BULK_KEY)
    if bulk is not None:
        bulk.drain()


def _abandon_bulk(connection: Connection, *_args: Any) -> None:
    """Before a rollback of ``connection``: the bulk inserts queued on it are dropped."""
    bulk = connection.info.get(_BULK_KEY)
    if bulk is not None:
        bulk.abandon()


_ENGINE_EVENTS = (
    ("before_cursor_execute", _drain_bulk),
    ("commit", _drain_bulk),
    ("rollback", _abandon_bulk),
)


_SQLITE_INSERTS: dict[str, tuple[str, list[tuple[int, Callable[[Any], Any]]]]] = {}


def _sqlite_insert(
    table: Table, dialect: Dialect
) -> tuple[str, list[tuple[int, Callable[[Any], Any]]]]:
    """``INSERT INTO table (every column) VALUES (?, ...)`` and the bind processor of each
    column that has one, by the column's position."""
    found = _SQLITE_INSERTS.get(table.name)
    if found is None:
        names = [column.name for column in table.columns]
        compiled = insert(table).compile(dialect=dialect, column_keys=names)
        if list(compiled.positiontup or ()) != names:
            raise RuntimeError(f"{table.name}: the insert's parameters are not its columns")
        processors: list[tuple[int, Callable[[Any], Any]]] = []
        for index, column in enumerate(table.columns):
            process = column.type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processors.append((index, process))
        found = _SQLITE_INSERTS[table.name] = (compiled.string, processors)
    return found


def _transaction_time(session: Session) -> datetime:
    """One time for every record of a transaction, whatever its flushes and savepoints: the
    records of one user action share their ``at`` (``verify`` relies on it to tell that a
    posting was written with its entry)."""
    root = session.get_transaction()
    cached = session.info.get(_AT_KEY)
    if cached is not None and cached[0] is root:
        at: datetime = cached[1]
        return at
    at = datetime.now(UTC)
    session.info[_AT_KEY] = (root, at)
    return at


def _forget_head(session: Session, *_args: Any) -> None:
    """The cached chain head is valid only inside the transaction that wrote it (a rolled back
    savepoint removed the records it wrote)."""
    session.info.pop(_HEAD_KEY, None)
    session.info.pop(_PENDING_KEY, None)


def _forget_transaction(session: Session, *_args: Any) -> None:
    _forget_head(session)
    session.info.pop(_AT_KEY, None)


_SESSION_EVENTS = (
    ("after_flush", _write_audit_records),
    ("after_commit", _forget_transaction),
    ("after_rollback", _forget_transaction),
    ("after_soft_rollback", _forget_head),
)


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
    table = AUDIT
    head = head_cache.get(_HEAD_KEY) if head_cache is not None else None
    if head is None:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_CHAIN_LOCK})
        last = connection.execute(
            select(table.c.id, table.c.hash).order_by(table.c.id.desc()).limit(1)
        ).first()
        head = (last.id, last.hash) if last else (0, GENESIS_HASH)
    last_id, prev = head
    # ``record_hash`` of each record, with the time (the same for all) written out once; each
    # record's values in the table's order (``RECORD_COLUMNS`` and its hash).
    at_text = at.astimezone(UTC).isoformat()
    rows = []
    number = last_id
    for entry in entries:
        number += 1
        values = (
            number,
            at,
            username,
            user_id,
            entry["action"],
            entry["table_name"],
            entry["record_id"],
            entry["before"],
            entry["after"],
            reason,
            prev,
        )
        prev = stored_record_hash((number, at_text, *values[2:]))
        rows.append((*values, prev))
    insert_many(connection, table, rows)
    if head_cache is not None:
        head_cache[_HEAD_KEY] = (last_id + len(rows), prev)


# ``_append`` writes a record's values in this order: the audit table's own.
if tuple(column.name for column in AUDIT.columns) != (*RECORD_COLUMNS, "hash"):
    raise RuntimeError("audit_record's columns are not RECORD_COLUMNS and the hash")


# Who and why for the baseline records (what the audit trail shows them as: audit_words).
BASELINE_USER = "migration"
BASELINE_REASON = "the row existed before the audit trail was introduced"


def write_baseline(connection: Connection, username: str = BASELINE_USER) -> int:
    """Record every row that exists without an audit record as an insert ("existed before the
    audit trail"), so that verify holds on a database created before the trail and on rows a
    migration seeded. ``Database.open`` runs it after migrating, in the migrations' transaction,
    when the schema is the one these models describe; returns how many records were written."""
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
            reason=BASELINE_REASON,
        )
    return len(entries)


# --- the reason of a change ---------------------------------------------------------------------
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
