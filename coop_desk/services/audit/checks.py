"""The trail's checks for ``coop-desk verify`` (registered when this module is imported).

- ``audit.chain``: consecutive ids from 1, each hash recomputes, each record links to the one
  before it. An edited, deleted or inserted audit record shows.
- ``audit.content``: every audited row equals the "after" of its latest audit record. A row
  edited, deleted or inserted outside coop-desk (``sqlite3``, ``psql``, Core SQL) is named.
- ``audit.posted``: no record changes a posted journal entry. An update or deletion of an entry
  or a posting, or a posting added to an entry after the transaction that posted it, is named
  even though the trail recorded it (a session without the guard, a trigger dropped).
- ``audit.sequence``: each row's records follow its life: inserted, changed, deleted, and
  inserted again only after a delete. Two inserts of one id without a delete between mean the
  row was deleted outside coop-desk and its id given to another row.
- ``audit.accounts``: a trail that records user accounts with an empty users table: the
  accounts were deleted outside coop-desk (such a database gives nobody "system" rights).
- ``audit.closed_years``: the trail still holds the head each year close recorded.
"""

from __future__ import annotations

import bisect
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    String,
    Table,
    case,
    cast,
    create_engine,
    func,
    inspect,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from coop_desk import i18n
from coop_desk.i18n import _
from coop_desk.models import Base, FiscalYearEvent, JournalEntry, Posting, User
from coop_desk.services.audit.anchors import AnchorError, check_anchors, parse_anchor
from coop_desk.services.audit.canonical import (
    AUDIT,
    AUDIT_TABLE,
    GENESIS_HASH,
    RECORD_COLUMNS,
    Action,
    at_iso,
    at_reader,
    is_audited,
    record_id_of,
    row_snapshotter,
    show_value,
    stored_columns,
    stored_record_hash,
    stored_row_reader,
)
from coop_desk.services.verify import (
    Check,
    Finding,
    Severity,
    Start,
    register,
    register_start,
    shorten,
    worker_pool,
)

# Findings of one kind per table printed by verify before summarising the rest.
MAX_FINDINGS_PER_TABLE = 50


# A trail of at least this many records in a SQLite file is checked by worker processes (one
# per core: the chain's halves, the rows' contents, the posted entries, the sequences) while
# ``verify`` runs the other checks.
WORKERS_FROM = 400_000


@dataclass
class ChainPart:
    """What the chain check found in a range of ids, in id order (messages are made by the
    process that prints them, in its language): ``("gap", id, expected)``, ``("link", id)``,
    ``("altered", id, action, table, record id, username)`` (the first
    ``MAX_FINDINGS_PER_TABLE``); ``altered`` counts them all. ``first`` is the first record's
    id and ``prev_hash`` when the range was read without what precedes it (checked when the
    parts are joined); ``end`` the id and hash the next record must follow (None: no record)."""

    events: list[tuple[Any, ...]] = dataclass_field(default_factory=list)
    altered: int = 0
    first: tuple[int, str] | None = None
    end: tuple[int, str] | None = None


def _chain_part(
    connection: Connection, lo: int | None, hi: int | None, start: tuple[int, str] | None
) -> ChainPart:
    """Check the records with ids in ``lo..hi`` (None: unbounded) following ``start`` (the id
    and hash the first must follow; None: left to the caller). Each record's hash is computed
    from its stored columns as read (``at`` as text on SQLite), not through ORM types."""
    t = AUDIT
    query = select(
        t.c.id,
        type_coerce(t.c.at, String),
        *(t.c[name] for name in RECORD_COLUMNS[2:]),
        t.c.hash,
    ).order_by(t.c.id)
    if lo is not None:
        query = query.where(t.c.id >= lo)
    if hi is not None:
        query = query.where(t.c.id <= hi)
    read = at_reader(connection.dialect)
    part = ChainPart()
    events = part.events
    expected_id, prev = start if start is not None else (None, None)
    last_at: Any = object()  # the records of one transaction share their time: made once
    last_iso = ""
    for values in connection.execute(query.execution_options(yield_per=5000)):
        (rid, at, username, user_id, action, table, record_id, before, after, reason, link) = (
            values[:11]
        )
        digest = values[11]
        if expected_id is None:
            part.first = (rid, link)
        else:
            if rid != expected_id:
                events.append(("gap", rid, expected_id))
            if link != prev:
                events.append(("link", rid))
        if at != last_at or type(at) is not type(last_at):
            last_at, last_iso = at, at_iso(at, read)
        content = (rid, last_iso, username, user_id, action, table, record_id)
        if stored_record_hash((*content, before, after, reason, link)) != digest:
            part.altered += 1
            if part.altered <= MAX_FINDINGS_PER_TABLE:
                events.append(("altered", rid, action, table, record_id, username))
        prev = digest
        expected_id = rid + 1
    if expected_id is not None and prev is not None:
        part.end = (expected_id, prev)
    return part


def _read_only_engine(path: str) -> Engine:
    """An engine reading the SQLite file ``path`` (in a worker): opened read-only, each
    connection in one read transaction (one snapshot) until it is closed."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        connection.execute("BEGIN")
        return connection

    return create_engine("sqlite://", creator=connect, poolclass=NullPool)


def chain_part_of_file(
    path: str, lo: int | None, hi: int, start: tuple[int, str] | None
) -> ChainPart:
    """``_chain_part`` of ids ``lo..hi`` of a SQLite file (in a worker)."""
    engine = _read_only_engine(path)
    try:
        with engine.connect() as connection:
            return _chain_part(connection, lo, hi, start)
    finally:
        engine.dispose()


def check_of_file(path: str, name: str, today: date, language: str) -> list[Finding]:
    """The trail check ``name`` run on a SQLite file (in a worker), its findings in
    ``language``."""
    i18n.set_language(language)
    engine = _read_only_engine(path)
    try:
        with Session(engine) as session:
            return _IN_WORKERS[name](session, today)
    finally:
        engine.dispose()


def _sqlite_file(session: Session) -> str | None:
    url = session.connection().engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    if url.database.startswith("file:") or url.query.get("mode") == "memory":
        return None
    return url.database


def _trail_to_split(session: Session) -> tuple[str, int, int] | None:
    """The file, lowest and highest id of a trail long enough (``WORKERS_FROM``) to be
    checked by worker processes; None: check it here."""
    path = _sqlite_file(session)
    if path is None:
        return None
    t = AUDIT
    lo, hi = session.connection().execute(select(func.min(t.c.id), func.max(t.c.id))).one()
    if lo is None or hi - lo + 1 < WORKERS_FROM:
        return None
    return path, lo, hi


# A worker process that could not start or died: the work is done in this process instead.
_NO_WORKER = (BrokenProcessPool, OSError, RuntimeError)


@register("audit.chain")
def check_chain(session: Session, today: date) -> list[Finding]:
    """Consecutive ids from 1, each hash recomputes from the content, each links to the
    previous one. Names the first audit record where the chain breaks and every altered one."""
    with worker_pool() as workers:
        return start_chain(session, today, workers)()


@register_start("audit.chain")
def start_chain(session: Session, today: date, workers: Executor) -> Callable[[], list[Finding]]:
    """``audit.chain`` begun when ``verify`` begins. The records are independent but for the
    links: on a long trail in a SQLite file, each half of the ids is hashed by a worker
    process while ``verify`` runs other checks, and the link from one half to the other is
    checked when the findings are asked for."""
    genesis = (1, GENESIS_HASH)
    split = _trail_to_split(session)
    if split is None:
        return lambda: _chain_findings([_chain_part(session.connection(), None, None, genesis)])
    path, lo, hi = split
    mid = (lo + hi) // 2
    try:
        halves = [
            workers.submit(chain_part_of_file, path, None, mid, genesis),
            workers.submit(chain_part_of_file, path, mid + 1, hi, None),
        ]
    except _NO_WORKER:  # no process could start: here, at its turn
        return lambda: _chain_findings([_chain_part(session.connection(), None, None, genesis)])

    def findings() -> list[Finding]:
        try:
            parts = [half.result() for half in halves]
        except _NO_WORKER:  # no worker could run: both halves here
            connection = session.connection()
            parts = [
                _chain_part(connection, None, mid, genesis),
                _chain_part(connection, mid + 1, hi, None),
            ]
        return _chain_findings(parts)

    return findings


def _begun_in_a_worker(name: str) -> Start:
    """A trail check begun ahead: on a long trail in a SQLite file it runs in a worker
    process (``check_of_file``), otherwise here at its turn."""

    def start(session: Session, today: date, workers: Executor) -> Callable[[], list[Finding]]:
        split = _trail_to_split(session)
        if split is None:
            return lambda: _IN_WORKERS[name](session, today)
        try:
            done = workers.submit(check_of_file, split[0], name, today, i18n.language())
        except _NO_WORKER:  # no process could start: here, at its turn
            return lambda: _IN_WORKERS[name](session, today)

        def findings() -> list[Finding]:
            try:
                return done.result()
            except _NO_WORKER:  # no worker could run: here
                return _IN_WORKERS[name](session, today)

        return findings

    return start


def _chain_findings(parts: Sequence[ChainPart]) -> list[Finding]:
    """The findings of the parts of the chain, in id order, the link between parts checked."""
    events: list[tuple[Any, ...]] = []
    expected_id, prev = 1, GENESIS_HASH
    altered = 0
    for part in parts:
        if part.first is not None:
            rid, link = part.first
            if rid != expected_id:
                events.append(("gap", rid, expected_id))
            if link != prev:
                events.append(("link", rid))
        for event in part.events:
            if event[0] == "altered":
                altered += 1
                if altered > MAX_FINDINGS_PER_TABLE:
                    continue
            events.append(event)
        altered += part.altered - sum(1 for e in part.events if e[0] == "altered")
        if part.end is not None:
            expected_id, prev = part.end
    findings = [_chain_finding(event) for event in events]
    if altered > MAX_FINDINGS_PER_TABLE:
        findings.append(
            Finding(
                Severity.ERROR,
                "audit.chain",
                _(
                    "{value} more audit records were altered",
                    value=altered - MAX_FINDINGS_PER_TABLE,
                ),
                AUDIT_TABLE,
            )
        )
    return findings


def _chain_finding(event: tuple[Any, ...]) -> Finding:
    kind, rid = event[0], event[1]
    if kind == "gap":
        expected_id = event[2]
        if rid > expected_id:
            missing = (
                _("audit record {expected_id}", expected_id=expected_id)
                if rid == expected_id + 1
                else _(
                    "audit records {expected_id} to {value}",
                    expected_id=expected_id,
                    value=rid - 1,
                )
            )
            message = _("{missing} are missing from the trail (deleted)", missing=missing)
        else:
            message = _("audit record {id} is out of order", id=rid)
    elif kind == "link":
        message = _(
            "audit record {id} does not link to the record before it (a record was removed, inserted or rewritten)",
            id=rid,
        )
    else:
        _kind, rid, action, table_name, record_id, username = event
        message = _(
            "audit record {id} ({action} of {table_name} {record_id} by {username}) was altered: its content no longer matches its hash",
            id=rid,
            action=action,
            table_name=table_name,
            record_id=record_id,
            username=username,
        )
    return Finding(Severity.ERROR, "audit.chain", message, f"audit_record {rid}")


def latest_afters(session: Session) -> dict[tuple[str, str], tuple[int, str, str | None]]:
    """(table, record id) -> (audit id, action, after JSON) of each row's latest record.

    The whole trail's latest images in memory: for small databases and tests; ``verify``
    reads each table with the latest record of each row (``check_content``)."""
    t = AUDIT
    latest = select(func.max(t.c.id).label("id")).group_by(t.c.table_name, t.c.record_id).subquery()
    rows = session.execute(
        select(t.c.id, t.c.table_name, t.c.record_id, t.c.action, t.c.after).join(
            latest, latest.c.id == t.c.id
        )
    )
    return {(r.table_name, r.record_id): (r.id, r.action, r.after) for r in rows}


# Rows of a table read per round trip: the memory of ``audit.content`` is this many rows and
# their latest records, whatever the size of the database.
CONTENT_CHUNK = 2000


def _record_id_sql(table: Table) -> ColumnElement[Any]:
    """A row's record id (``record_id_of``) computed by the database: whole numbers as their
    digits, text as it is, the columns of a composite key joined by "/"."""
    parts: list[ColumnElement[Any]] = []
    for column in table.primary_key.columns:
        python_type = column.type.python_type
        if python_type is str:
            parts.append(column)
        elif python_type is int:
            parts.append(cast(column, String))
        else:  # pragma: no cover - every audited key is a number or text (test_audit)
            raise TypeError(f"{table.name}.{column.name}: no record id in SQL for {python_type}")
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + literal("/") + part
    return joined


def _live_in_trail(session: Session, table_name: str) -> int:
    """How many rows of ``table_name`` the trail says exist (latest record not a deletion)."""
    t = AUDIT
    newest = (
        select(func.max(t.c.id).label("id"))
        .where(t.c.table_name == table_name)
        .group_by(t.c.record_id)
        .subquery()
    )
    return int(
        session.scalar(
            select(func.count())
            .select_from(t)
            .join(newest, newest.c.id == t.c.id)
            .where(t.c.action != Action.DELETE)
        )
        or 0
    )


def _describe_difference(recorded: dict[str, Any], current: dict[str, Any]) -> str:
    parts = []
    for field in sorted(set(recorded) & set(current)):
        if recorded[field] != current[field]:
            parts.append(
                _(
                    "{field} is {show_value}, the trail says {show_value2}",
                    field=field,
                    show_value=shorten(show_value(current[field]), 80),
                    show_value2=shorten(show_value(recorded[field]), 80),
                )
            )
    return "; ".join(parts[:5])


def _payload(text: str | None) -> dict[str, Any] | None:
    """A record's stored row (its "after"), or None when it is not one: whatever a forged
    record holds, the checks go on and name it."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


@register("audit.content")
def check_content(session: Session, today: date) -> list[Finding]:
    """Every audited row equals the "after" of its latest audit record: catches an amount
    edited, a posting/member/plot deleted or a row inserted outside coop-desk (e.g. with
    ``sqlite3``), and any change to a posted entry. Columns added to a table after a row's last
    record (a schema upgrade) are not compared for that row.

    Bounded memory: each table is read in key order, each row joined in SQL to its latest
    record, ``CONTENT_CHUNK`` rows at a time; a row whose canonical JSON (``row_canonical``) is
    the stored "after" (the common case) is equal without parsing it. Deletions are counted
    in SQL (rows the trail says exist, minus the rows found with such a record); only when
    some are missing is the table read again to name them."""
    return _content(session, _content_tables(session))


def _content_tables(session: Session) -> list[Table]:
    """The audited tables the database has, parents first (the order of the findings)."""
    existing = set(inspect(session.connection()).get_table_names())
    return [
        table
        for table in Base.metadata.sorted_tables
        if is_audited(table.name) and table.name in existing
    ]


def content_of_file(path: str, today: date, language: str, names: list[str]) -> list[Finding]:
    """``audit.content`` of the tables ``names`` of a SQLite file (in a worker)."""
    i18n.set_language(language)
    engine = _read_only_engine(path)
    try:
        with Session(engine) as session:
            return _content(session, [Base.metadata.tables[name] for name in names])
    finally:
        engine.dispose()


@register_start("audit.content")
def start_content(session: Session, today: date, workers: Executor) -> Callable[[], list[Finding]]:
    """``audit.content`` begun when ``verify`` begins: on a long trail in a SQLite file the
    tables are read by two workers, each a run of tables (in their order) holding about half
    of the rows."""
    split = _trail_to_split(session)
    if split is None:
        return lambda: _IN_WORKERS["audit.content"](session, today)
    tables = _content_tables(session)
    sizes = [session.scalar(select(func.count()).select_from(table)) or 0 for table in tables]
    cut, counted = 0, 0
    while cut < len(tables) - 1 and counted + sizes[cut] <= sum(sizes) / 2:
        counted += sizes[cut]
        cut += 1
    cut = max(cut, 1)
    language = i18n.language()
    try:
        runs = [
            workers.submit(content_of_file, split[0], today, language, [t.name for t in run])
            for run in (tables[:cut], tables[cut:])
            if run
        ]
    except _NO_WORKER:  # no process could start: here, at its turn
        return lambda: _IN_WORKERS["audit.content"](session, today)

    def findings() -> list[Finding]:
        try:
            return [finding for run in runs for finding in run.result()]
        except _NO_WORKER:  # no worker could run: here
            return _IN_WORKERS["audit.content"](session, today)

    return findings


def _content(session: Session, tables: Sequence[Table]) -> list[Finding]:
    findings: list[Finding] = []
    for table in tables:
        shown = 0
        hidden = 0

        def add(message: str, record: str) -> None:
            nonlocal shown, hidden
            if shown < MAX_FINDINGS_PER_TABLE:
                findings.append(Finding(Severity.ERROR, "audit.content", message, record))
                shown += 1
            else:
                hidden += 1

        matched = 0
        snap = row_snapshotter(table)
        # The rows as stored: each repeated date, time or amount is converted once.
        text_of, read = stored_row_reader(table, session.get_bind().dialect)
        width = len(table.columns)
        t = AUDIT
        newest = AUDIT.alias("newest")
        latest = (
            select(func.max(newest.c.id))
            .where(newest.c.table_name == table.name, newest.c.record_id == _record_id_sql(table))
            .correlate(table)
            .scalar_subquery()
        )
        # Each row with its latest record, found through ix_audit_record_table_record
        # (table_name, record_id, id): one pass in key order, no list of ids sent.
        result = session.execute(
            select(*stored_columns(table), t.c.id, t.c.action, t.c.after)
            .select_from(table.outerjoin(t, t.c.id == latest))
            .order_by(*table.primary_key.columns)
            .execution_options(yield_per=CONTENT_CHUNK)
        )
        for row in result:
            audit_id, action, after_json = row[width:]
            if audit_id is None or action == Action.DELETE or after_json is None:
                rid = _record_id(table, read(row))
                add(
                    _(
                        "{table_name} {rid} exists but the audit trail has no record of it being written (inserted outside coop-desk)",
                        table_name=table.name,
                        rid=rid,
                    ),
                    f"{table.name} {rid}",
                )
                continue
            matched += 1
            if text_of(row) == after_json:
                continue
            values = read(row)
            rid = _record_id(table, values)
            where = f"{table.name} {rid}"
            current = snap(values)
            after = _payload(after_json)
            if after is None:
                add(
                    _(
                        "audit record {audit_id} of {table_name} {rid} holds no readable row "
                        "(written outside coop-desk)",
                        audit_id=audit_id,
                        table_name=table.name,
                        rid=rid,
                    ),
                    where,
                )
                continue
            common = set(after) & set(current)
            if any(after[f] != current[f] for f in common):
                add(
                    _(
                        "{table_name} {rid} was changed outside coop-desk after audit record {audit_id}: {describe_difference}",
                        table_name=table.name,
                        rid=rid,
                        audit_id=audit_id,
                        describe_difference=_describe_difference(after, current),
                    ),
                    where,
                )
        if _live_in_trail(session, table.name) > matched:
            for rid, audit_id in _deleted_outside(session, table):
                add(
                    _(
                        "{table_name} {rid} was deleted outside coop-desk (its last audit record, {audit_id}, shows it present)",
                        table_name=table.name,
                        rid=rid,
                        audit_id=audit_id,
                    ),
                    f"{table.name} {rid}",
                )
        if hidden:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "audit.content",
                    _(
                        "{hidden} more rows of {table_name} differ from the audit trail",
                        hidden=hidden,
                        table_name=table.name,
                    ),
                    table.name,
                )
            )
    return findings


def _record_id(table: Table, values: Sequence[Any]) -> str:
    """``record_id_of`` a row read as ``select(table)`` reads it (a tuple in column order)."""
    return record_id_of(table, {c.name: v for c, v in zip(table.columns, values, strict=False)})


def _deleted_outside(session: Session, table: Table) -> Iterator[tuple[str, int]]:
    """(record id, audit id) of the rows the trail shows present that ``table`` lacks. Only
    run when rows are missing; it holds the table's record ids (not its rows) in memory."""
    present = {
        record_id_of(table, row)
        for row in session.execute(
            select(*table.primary_key.columns).execution_options(yield_per=CONTENT_CHUNK)
        )
    }
    t = AUDIT
    newest = (
        select(func.max(t.c.id).label("id"))
        .where(t.c.table_name == table.name)
        .group_by(t.c.record_id)
        .subquery()
    )
    for rid, audit_id in session.execute(
        select(t.c.record_id, t.c.id)
        .join(newest, newest.c.id == t.c.id)
        .where(t.c.action != Action.DELETE)
        .order_by(t.c.id)
        .execution_options(yield_per=CONTENT_CHUNK)
    ):
        if rid not in present:
            yield rid, audit_id


ENTRY_TABLE = JournalEntry.__tablename__
POSTING_TABLE = Posting.__tablename__


@register("audit.posted")
def check_posted(session: Session, today: date) -> list[Finding]:
    """Posted journal entries are immutable: the trail must hold no update or deletion of an
    entry or a posting, and every posting must have been written in its entry's transaction.

    The records of one transaction share their ``at`` (``writer``), so a posting whose insert
    record has another ``at`` or another user than its entry's was added later. Records
    written before that rule (one ``at`` per flush: an entry's postings a few milliseconds
    after it) are recognised because none of the entry's postings shares its ``at``; for them
    a posting is late when another entry was posted between the entry and it."""
    c = AUDIT.c
    findings: list[Finding] = []
    counts: dict[str, int] = {}

    def add(table: str, message: str, record: str) -> None:
        counts[table] = counts.get(table, 0) + 1
        if counts[table] <= MAX_FINDINGS_PER_TABLE:
            findings.append(Finding(Severity.ERROR, "audit.posted", message, record))

    changed = session.execute(
        select(c.id, c.at, c.username, c.action, c.table_name, c.record_id)
        .where(
            c.table_name.in_((ENTRY_TABLE, POSTING_TABLE)),
            c.action.in_((Action.UPDATE, Action.DELETE)),
        )
        .order_by(c.id)
    )
    for r in changed:
        what = _("changed") if r.action == Action.UPDATE else _("deleted")
        add(
            r.table_name,
            _(
                "{table_name} {record_id} was {what} after it was posted (audit record {id} by {username} at {at}); posted entries are corrected by a reversal, never edited",
                table_name=r.table_name,
                record_id=r.record_id,
                what=what,
                id=r.id,
                username=r.username,
                at=r.at,
            ),
            f"{r.table_name} {r.record_id}",
        )

    # Times as stored (text on SQLite: no datetime per record), read by the column's type only
    # when two differ as stored (``same_time``) and for a finding's message.
    at = type_coerce(c.at, String).label("at")
    read = at_reader(session.connection().dialect)

    def same_time(one: Any, other: Any) -> bool:
        return bool(one == other or read(one) == read(other))

    entries: dict[str, Any] = {}
    entry_record_ids: list[int] = []
    for r in session.execute(
        select(c.id, at, c.username, c.record_id)
        .where(c.table_name == ENTRY_TABLE, c.action == Action.INSERT)
        .order_by(c.id)
    ):
        entries[r.record_id] = r
        entry_record_ids.append(r.id)
    # The postings' insert records, an entry's together (its id read from the recorded
    # "after" by the database), streamed: one entry's postings in memory at a time.
    entry_key = _recorded_entry_id(session)
    posting_records = session.execute(
        select(c.id, at, c.username, c.record_id, entry_key.label("entry_id"))
        .where(c.table_name == POSTING_TABLE, c.action == Action.INSERT)
        .order_by(entry_key, c.id)
        .execution_options(yield_per=5000)
    )
    for recorded_entry, group in itertools.groupby(posting_records, key=lambda r: r.entry_id):
        entry_id = str(recorded_entry)
        entry = entries.get(entry_id)
        if entry is None:
            continue  # an entry without an insert record is named by audit.content
        postings = list(group)
        one_time_per_transaction = any(same_time(p.at, entry.at) for p in postings)
        later = bisect.bisect_right(entry_record_ids, entry.id)
        next_entry = entry_record_ids[later] if later < len(entry_record_ids) else None
        for p in postings:
            if one_time_per_transaction:
                late = not same_time(p.at, entry.at) or p.username != entry.username
            else:
                late = p.username != entry.username or (
                    next_entry is not None and p.id > next_entry
                )
            if late:
                add(
                    POSTING_TABLE,
                    _(
                        "{POSTING_TABLE} {record_id} was added to {ENTRY_TABLE} {entry_id} after the entry was posted (audit record {id} by {username} at {at}; the entry's is {id2})",
                        POSTING_TABLE=POSTING_TABLE,
                        record_id=p.record_id,
                        ENTRY_TABLE=ENTRY_TABLE,
                        entry_id=entry_id,
                        id=p.id,
                        username=p.username,
                        at=read(p.at),
                        id2=entry.id,
                    ),
                    f"{POSTING_TABLE} {p.record_id}",
                )
    for table, count in counts.items():
        if count > MAX_FINDINGS_PER_TABLE:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "audit.posted",
                    _(
                        "{value} more changes to posted {table} rows",
                        value=count - MAX_FINDINGS_PER_TABLE,
                        table=table,
                    ),
                    table,
                )
            )
    return findings


def _recorded_entry_id(session: Session) -> ColumnElement[Any]:
    """The ``entry_id`` of a posting's recorded "after" JSON, read by the database (SQLite's
    ``json_extract``, PostgreSQL's ``json_extract_path_text``) instead of parsing a million
    JSON texts in Python."""
    after = AUDIT.c.after
    # A forged record may hold text that is not JSON: it must not stop the check (it is named
    # by audit.content), so the id is read only from valid JSON on SQLite and by a pattern on
    # PostgreSQL (whose JSON cast would raise); such a record gives no entry id.
    if session.get_bind().dialect.name == "postgresql":
        return func.substring(after, r'"entry_id": *"?([0-9]+)')
    return case((func.json_valid(after) == 1, func.json_extract(after, "$.entry_id")))


@register("audit.sequence")
def check_sequence(session: Session, today: date) -> list[Finding]:
    """Each row's records in order: an insert first (or after a delete), then updates, then a
    delete. An id inserted twice without a delete between was deleted outside coop-desk and
    reused; a change recorded for a row the trail never shows present was slipped in."""
    c = AUDIT.c
    previous = (
        func.lag(c.action).over(partition_by=(c.table_name, c.record_id), order_by=c.id)
    ).label("previous")
    previous_id = (
        func.lag(c.id).over(partition_by=(c.table_name, c.record_id), order_by=c.id)
    ).label("previous_id")
    ordered = select(c.id, c.table_name, c.record_id, c.action, previous, previous_id).subquery()
    o = ordered.c
    rows = session.execute(
        select(o.id, o.table_name, o.record_id, o.action, o.previous, o.previous_id)
        .where(
            ((o.action == Action.INSERT) & o.previous.is_not(None) & (o.previous != Action.DELETE))
            | ((o.action != Action.INSERT) & (o.previous.is_(None) | (o.previous == Action.DELETE)))
        )
        .order_by(o.id)
    )
    findings: list[Finding] = []
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.table_name] = counts.get(r.table_name, 0) + 1
        if counts[r.table_name] > MAX_FINDINGS_PER_TABLE:
            continue
        row = f"{r.table_name} {r.record_id}"
        if r.action == Action.INSERT:
            message = _(
                "{row} was inserted again (audit record {record}) without a delete after its "
                "last record ({previous}, {action}): the row was deleted outside coop-desk and "
                "its id given to another row",
                row=row,
                record=r.id,
                previous=r.previous_id,
                action=r.previous,
            )
        elif r.previous is None:
            message = _(
                "{row} was changed or deleted (audit record {record}) but the trail never shows "
                "it inserted",
                row=row,
                record=r.id,
            )
        else:
            message = _(
                "{row} was changed or deleted (audit record {record}) after the trail shows it "
                "deleted (audit record {previous})",
                row=row,
                record=r.id,
                previous=r.previous_id,
            )
        findings.append(Finding(Severity.ERROR, "audit.sequence", message, row))
    for table, count in counts.items():
        if count > MAX_FINDINGS_PER_TABLE:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "audit.sequence",
                    _(
                        "{count} more rows of {table} out of sequence",
                        count=count - MAX_FINDINGS_PER_TABLE,
                        table=table,
                    ),
                    table,
                )
            )
    return findings


@register("audit.accounts")
def check_accounts(session: Session, today: date) -> list[Finding]:
    """User accounts are never deleted by coop-desk (only deactivated): an empty users table
    with accounts in the trail was emptied outside it."""
    if session.scalar(select(func.count()).select_from(User)):
        return []
    c = AUDIT.c
    recorded = session.scalar(
        select(func.count(func.distinct(c.record_id))).where(c.table_name == User.__tablename__)
    )
    if not recorded:
        return []
    return [
        Finding(
            Severity.ERROR,
            "audit.accounts",
            _(
                "{table} is empty but the audit trail records {count} user accounts: they were "
                "deleted outside coop-desk. Nobody gets administrator rights without signing in "
                "on such a database; restore a backup.",
                table=User.__tablename__,
                count=recorded,
            ),
            User.__tablename__,
        )
    ]


@register("audit.closed_years")
def check_closed_years(session: Session, today: date) -> list[Finding]:
    """The trail still holds the head each year close recorded (``trail_head``)."""
    anchors = []
    for event in session.execute(
        select(FiscalYearEvent.year, FiscalYearEvent.trail_head, FiscalYearEvent.recorded_at)
        .where(FiscalYearEvent.action == "close", FiscalYearEvent.trail_head != "")
        .order_by(FiscalYearEvent.id)
    ):
        try:
            anchor = parse_anchor(
                event.trail_head, _("the close of fiscal year {year}", year=event.year)
            )
        except AnchorError:
            continue  # named by audit.content if it was changed outside coop-desk
        anchors.append(anchor)
    return [
        Finding(f.severity, "audit.closed_years", f.message, f.record)
        for f in check_anchors(session, anchors)
    ]


# The trail checks a worker process runs on a long trail (``_begun_in_a_worker``).
_IN_WORKERS: dict[str, Check] = {
    "audit.content": check_content,
    "audit.posted": check_posted,
    "audit.sequence": check_sequence,
}
for _name in ("audit.posted", "audit.sequence"):  # audit.content: ``start_content``
    register_start(_name)(_begun_in_a_worker(_name))
