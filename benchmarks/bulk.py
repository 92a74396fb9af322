"""Bulk inserts that keep the audit trail: rows go in with one executemany per batch, and each
row gets the audit record the ORM listener would have written, chained after the newest one.

The model: a generator produces rows as Python values (``Decimal``, ``date``, aware
``datetime``), as a service would hold them. ``BulkWriter`` turns each value into what the
column stores (the column type's own bind processor) and into what ``verify`` will read back
(the column type's result processor, then ``audit.json_value``), both memoised per distinct
value, so a million postings cost a dictionary lookup per cell instead of a type round trip.
The after-image is ``audit.canonical`` of the row's audited dict, written out per table (each
value's JSON text as the encoder writes it, keys in sorted order: ``BulkWriter._compile``), and
the record is hashed with ``stored_record_hash`` on its stored ``at``: the audit module's own
functions, as ``verify`` recomputes the hashes from the stored rows.

Speed (the generator must build a million postings in under a minute):
- batches are written with ``Connection.exec_driver_sql`` on the SQL of a Core
  ``insert(table)``: measured on 200,000 rows of 11 integers, the driver's executemany took
  0.12 s, Core's ``execute(insert(table), dicts)`` 1.7 s (untyped) and 2.5 s (typed);
- the writes run in a process of their own (``Sink``), one transaction per ``bulk`` block,
  while the generator computes the next rows and hashes, so the B-tree work (about 6 us per
  audit row with its unique hash index) overlaps the Python work on a second core;
- a flush (every table's pending rows and their records) is one message: the writer works
  through all of it while the generator computes the next flush;
- each table's ``add`` is one generated function (no loop per cell, no dict per row): a
  million postings' after-images cost 4 us each instead of 8.
"""

from __future__ import annotations

import json
import marshal
import multiprocessing
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.engine import Dialect, Engine

from coop_desk.models import AuditRecord
from coop_desk.services import audit
from coop_desk.services.audit.canonical import at_iso, at_reader, stored_record_hash

BATCH = 10_000
_INSERT = audit.Action.INSERT


class _Column:
    """Storage and audit forms of one column's values, memoised per value: what the column
    stores, the value's canonical JSON text in the after-image, and its JSON value."""

    __slots__ = ("bind", "cache", "name", "result")

    def __init__(self, table: Table, name: str, dialect: Dialect) -> None:
        impl = table.c[name].type.dialect_impl(dialect)
        self.name = name
        self.bind = impl.bind_processor(dialect)
        self.result = impl.result_processor(dialect, None)
        self.cache: dict[Any, tuple[Any, str, Any]] = {None: (None, "null", None)}

    def forms(self, value: Any) -> tuple[Any, str, Any]:
        found = self.cache.get(value)
        if found is None:
            stored = self.bind(value) if self.bind is not None else value
            read = self.result(stored) if self.result is not None else stored
            shown = audit.json_value(read)
            # The value's text as the encoder writes it inside the after-image's object.
            found = self.cache[value] = (stored, audit.canonical(shown), shown)
        return found


class Sink:
    """A process that executes (sql, rows) batches on a connection of its own and commits
    when told. One per build: started once, used by every ``bulk`` block.

    A process, not a thread: sqlite3 releases the GIL around each row's step and must take it
    back for the next row, which against a busy generator thread costs a switch interval per
    row (a 1/5-scale build took 58 s with a thread, against 26 s with no writer at all).
    Batches travel through a pipe as ``marshal`` bytes (the stored forms are plain ints, text
    and None), cheaper than a queue's pickling in a feeder thread of the generator."""

    def __init__(self, url: str) -> None:
        context: Any = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        self.pipe, child = context.Pipe()
        self.process = context.Process(target=_sink_main, args=(url, child), daemon=True)
        self.process.start()
        child.close()

    def put(self, batches: list[tuple[str, list[tuple[Any, ...]]]]) -> None:
        """Queue (sql, rows) batches, executed in order: one message, so the writer runs all
        of them while the generator computes the next ones (a message per table kept the
        generator waiting for every batch but the last)."""
        self.pipe.send_bytes(marshal.dumps(("rows", batches)))

    def commit(self) -> None:
        self.pipe.send_bytes(marshal.dumps(("commit", [])))
        error = self.pipe.recv()
        if error:
            raise RuntimeError(f"the bulk writer failed: {error}")

    def close(self) -> None:
        self.pipe.send_bytes(marshal.dumps(("stop", [])))
        self.process.join()
        self.pipe.close()


def _sink_main(url: str, pipe: Any) -> None:
    from coop_desk.db import make_engine

    engine = make_engine(url)
    failed = ""
    conn = engine.connect()
    # Our own file, rebuilt if lost: no fsync while generating. Set on the driver's connection
    # before any statement: the engine begins a transaction with the first one (db.make_engine),
    # and SQLite changes no safety level inside a transaction.
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA synchronous=OFF")
    # 1 GB: the register's transaction (~730,000 records and 600,000 rows) no longer spills
    # dirty pages to the WAL before its commit (the trail's hash index pages, changed again
    # and again, were written each time): 10.7 us per record instead of 11.5 in a bench of
    # the inserts alone, a third less system time.
    raw.execute("PRAGMA cache_size=-1048576")
    # From here on each batch joins the transaction SQLAlchemy begins with the first statement
    # after a commit ("autobegin").
    while True:
        kind, batches = marshal.loads(pipe.recv_bytes())
        if kind == "stop":
            break
        try:
            if kind == "rows" and not failed:
                for sql, rows in batches:
                    conn.exec_driver_sql(sql, rows)
            elif kind == "commit":
                if failed:
                    conn.rollback()
                else:
                    conn.commit()
                pipe.send(failed)
                failed = ""
        except Exception as exc:  # noqa: BLE001 - reported to the generator at its commit
            failed = f"{type(exc).__name__}: {exc}"[:2000]
    conn.rollback()
    conn.close()
    engine.dispose()


def table_of(model: type[Any]) -> Table:
    """The table of a mapped class (typed: ``__table__`` is a ``FromClause`` to mypy)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class Trail:
    """The end of the audit chain, continued by bulk writers; rows and records go to one
    transaction written by a sink thread."""

    def __init__(self, engine: Engine, sink: Sink) -> None:
        table = table_of(AuditRecord)
        with engine.connect() as conn:
            last = conn.execute(
                select(table.c.id, table.c.hash).order_by(table.c.id.desc()).limit(1)
            ).first()
        self.engine = engine
        self.dialect = engine.dialect
        self.last_id: int = last.id if last else 0
        self.prev: str = last.hash if last else audit.GENESIS_HASH
        self.pending: list[tuple[Any, ...]] = []
        self.at = _Column(table, "at", self.dialect)
        self.read_at = at_reader(self.dialect)
        # Each distinct ``at``: its stored form and its ISO text as the record's hash takes it.
        self.stamps: dict[datetime, tuple[Any, str]] = {}
        self.sql = _insert_sql(self.dialect, table, _AUDIT_COLUMNS)
        # Writers in the order they were made (parents first): flushed together, in that order,
        # so a plot never reaches the database before its member.
        self.writers: list[BulkWriter] = []
        self.sink = sink

    def record_insert(self, table: str, record_id: str, after: str, at: datetime, who: str) -> None:
        """Append the insert record of a row (``after``: its canonical JSON), chained."""
        stamp = self.stamps.get(at)
        if stamp is None:
            stored = self.at.forms(at)[0]
            stamp = self.stamps[at] = (stored, at_iso(stored, self.read_at))
        self.last_id += 1
        # ``record_hash`` of the record as ``verify`` recomputes it from the stored row.
        digest = stored_record_hash(
            (
                self.last_id,
                stamp[1],
                who,
                None,
                _INSERT,
                table,
                record_id,
                None,
                after,
                "",
                self.prev,
            )
        )
        self.pending.append(
            (
                self.last_id,
                stamp[0],
                who,
                None,
                _INSERT,
                table,
                record_id,
                None,
                after,
                "",
                self.prev,
                digest,
            )
        )
        self.prev = digest

    def flush(self) -> None:
        """Queue every writer's pending rows (parents first), then their audit records."""
        batches = [(w.sql, w.pending) for w in self.writers if w.pending]
        if self.pending:
            batches.append((self.sql, self.pending))
        if batches:
            self.sink.put(batches)  # sent (copied) before it returns
        for writer in self.writers:
            writer.pending.clear()  # the same list: the writer's ``add`` holds it
        self.pending = []


@contextmanager
def bulk(engine: Engine, sink: Sink) -> Iterator[Trail]:
    """A trail to make writers on; everything they add is committed when the block ends."""
    trail = Trail(engine, sink)
    yield trail
    trail.flush()
    sink.commit()


_AUDIT_COLUMNS = (
    "id",
    "at",
    "username",
    "user_id",
    "action",
    "table_name",
    "record_id",
    "before",
    "after",
    "reason",
    "prev_hash",
    "hash",
)


def _insert_sql(dialect: Dialect, table: Table, columns: Sequence[str]) -> str:
    compiled = insert(table).values({name: None for name in columns}).compile(dialect=dialect)
    # ``?`` placeholders in column order (the SQLite driver's paramstyle).
    assert compiled.positiontup == list(columns), (compiled.positiontup, columns)
    return str(compiled)


class BulkWriter:
    """Writes rows of one table (every column given) with their audit records.

    ``columns`` names the table's columns in order, as the generator fills them: a column
    added to the model stops the generator here instead of producing rows verify rejects.
    ``add(values, at)``: ``values`` in that order; ``at`` is when the audit trail says the row
    was written (the row's ``created_at``, as if a user had entered it then)."""

    def __init__(self, trail: Trail, table: Table, username: str, columns: str) -> None:
        if table.name in audit.VOLATILE_COLUMNS or table.name in audit.REDACTED_COLUMNS:
            raise ValueError(f"{table.name} has columns the trail treats specially")
        self.trail = trail
        self.table = table
        self.name = str(table.name)  # a plain str: batches travel as marshal bytes
        self.username = username
        self.names = [c.name for c in table.columns]
        given = columns.split()
        # A record's version (``models.base.Versioned``) starts at 1, as when a user enters
        # it: the writer fills it, so the generator's rows stay as they were.
        self.versioned = self.names == [*given, "version"]
        if self.versioned:
            given.append("version")
        if self.names != given:
            raise ValueError(
                f"the generator fills {table.name} as {columns.split()}, the model has "
                f"{self.names}: update benchmarks/dataset.py (and GENERATOR_VERSION)"
            )
        if len(table.primary_key.columns) != 1:
            raise ValueError(f"{table.name}: one-column primary keys only")
        self.pk = self.names.index(next(iter(table.primary_key.columns)).name)
        self.sql = _insert_sql(trail.dialect, table, self.names)
        self.pending: list[tuple[Any, ...]] = []
        self.count = 0
        self.add = self._compile()
        trail.writers.append(self)

    def _compile(self) -> Callable[[Sequence[Any], datetime], None]:
        """``add`` for this table's columns, written out as one function (no loop per cell):

        - the stored row: a plain column's value as it is (text, integers: stored, read back
          and audited as the Python value itself), another column's memoised stored form;
        - the after-image: ``canonical`` of the row's audited dict, i.e. ``{"name":value,...}``
          in the sorted order of the names, each value as the encoder writes it (a plain
          column's text through the encoder's own string function, a whole number as its
          ``repr``, another type through ``canonical`` itself; the other columns' memoised
          JSON text);
        - the record, chained by ``Trail.record_insert``; a full batch flushes."""
        table, dialect = self.table, self.trail.dialect
        scope: dict[str, Any] = {
            "record": self.trail.record_insert,
            "pending": self.pending,
            "plain": _plain_text,
            "text": json.encoder.encode_basestring,  # the encoder's own, as ``canonical`` uses
            "number": int.__repr__,
            "str": str,
            "int": int,
            "writer": self,
            "BATCH": BATCH,
            "name": self.name,
            "username": self.username,
        }
        given = len(self.names) - 1 if self.versioned else len(self.names)
        lines = ["def add(values, at):"]
        lines.append(f"    ({''.join(f'v{i}, ' for i in range(given))}) = values")
        if self.versioned:
            lines.append(f"    v{given} = 1")
        stored: list[str] = []
        shown: dict[int, str] = {}
        key_of: dict[int, str] = {}
        for i, column_name in enumerate(self.names):
            if _plain(table, column_name, dialect):
                python_type = table.c[column_name].type.dialect_impl(dialect).python_type
                fast = "text" if python_type is str else "number"
                kind = "str" if python_type is str else "int"
                stored.append(f"v{i}")
                shown[i] = f"({fast}(v{i}) if v{i}.__class__ is {kind} else plain(v{i}))"
                key_of[i] = f"v{i}"
            else:
                column = _Column(table, column_name, dialect)
                scope[f"cache{i}"] = column.cache
                scope[f"forms{i}"] = column.forms
                lines.append(f"    f{i} = cache{i}.get(v{i}) or forms{i}(v{i})")
                stored.append(f"f{i}[0]")
                shown[i] = f"f{i}[1]"
                key_of[i] = f"f{i}[2]"
        lines.append(f"    pending.append(({', '.join(stored)},))")
        parts: list[str] = []
        for n, (column_name, i) in enumerate(sorted((c, i) for i, c in enumerate(self.names))):
            key = ("{" if n == 0 else ",") + json.encoder.encode_basestring(column_name) + ":"
            parts += [repr(key), shown[i]]
        parts.append(repr("}"))
        lines.append(f"    after = ''.join(({', '.join(parts)}))")
        lines.append(f"    record(name, str({key_of[self.pk]}), after, at, username)")
        lines.append("    writer.count += 1")
        lines.append("    if len(pending) >= BATCH:")
        lines.append("        writer.trail.flush()")
        exec("\n".join(lines), scope)  # noqa: S102 - our own source, made from the column list
        add: Callable[[Sequence[Any], datetime], None] = scope["add"]
        return add


def _plain_text(value: Any) -> str:
    """A value of a plain column that is not of the column's own type (none, a bool) as the
    encoder writes it."""
    return "null" if value is None else audit.canonical(audit.json_value(value))


def _plain(table: Table, name: str, dialect: Dialect) -> bool:
    impl = table.c[name].type.dialect_impl(dialect)
    python_type: Callable[..., Any] | None
    try:
        python_type = impl.python_type
    except NotImplementedError:
        python_type = None
    return (
        python_type in (int, str)
        and impl.bind_processor(dialect) is None
        and impl.result_processor(dialect, None) is None
    )
