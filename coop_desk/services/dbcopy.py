"""Copying a whole cooperative from one database to another (SQLite <-> PostgreSQL).

The model: a copy is the same rows, not a replay. Every table of ``Base.metadata`` - the
audit trail included - is read from the source in one consistent snapshot and inserted into
the target with the same primary keys and the same values, read and written through the same
column types (an amount stays the scaled integer it was, a timestamp keeps its microseconds).
So the trail's hashes still recompute, every row still equals its latest audit record, and
``verify`` on the copy says what it says on the source. Nothing is recorded in the trail for
the copy itself: the trail of the copy is the source's, record for record.

The target must be blank: a database without tables, or one that coop-desk only created (its
audit trail holds nothing but the records written when the tables were created). Its seeded
rows are replaced by the source's, all in one transaction: a failed copy leaves it blank.

After copying, :func:`compare` reads both databases back (each table's row count and a
SHA-256 of its rows in key order, and every year's account balances), so a difference shows
with the table or account that differs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, LargeBinary, Table, func, insert, inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from coop_desk.i18n import N_, _
from coop_desk.i18n.formats import amount
from coop_desk.models import AuditRecord, Base, JournalEntry, Member, User
from coop_desk.services import audit
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import fiscal, reports
from coop_desk.services.ledger.reports import BalanceRow

# Rows inserted per statement: large enough to be quick, small enough for SQLite's limits.
CHUNK = 1000
# Rows per statement of a table holding files (the document store): a few megabytes each.
FILE_CHUNK = 10
# Who writes the audit records of rows seeded when the tables are created (the baseline).
BASELINE_USER = "migration"
# Tables that are not copied: the target keeps its own schema version.
NOT_COPIED = frozenset({"alembic_version"})

Progress = Callable[[str, int], None]  # (table, rows copied so far)


@dataclass(frozen=True)
class CopyReport:
    tables: tuple[tuple[str, int], ...]  # (table, rows) in copy order

    @property
    def rows(self) -> int:
        return sum(count for _name, count in self.tables)


def tables() -> list[Table]:
    """Every table copied, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_COPIED]


def blank_problem(connection: Connection) -> str | None:
    """Why the database behind ``connection`` is not blank, or None when it is."""
    existing = set(inspect(connection).get_table_names())
    if not existing:
        return None
    if AuditRecord.__tablename__ not in existing:
        return _(
            "it already holds tables ({tables}) that are not a coop-desk database",
            tables=", ".join(sorted(existing)[:5]),
        )
    holdings = (
        (Member, N_("it already holds {n} members")),
        (JournalEntry, N_("it already holds {n} journal entries")),
        (User, N_("it already holds {n} users")),
    )
    for model, message in holdings:
        if model.__tablename__ in existing:
            count = connection.scalar(select(func.count()).select_from(model.__table__))
            if count:
                return _(message, n=count)
    trail = AuditRecord.__table__
    writers = connection.scalar(
        select(func.count()).select_from(trail).where(trail.c.username != BASELINE_USER)
    )
    if writers:
        return _("it already holds data ({n} changes in its audit trail)", n=writers)
    return None


def copy_rows(
    source: Connection, target: Connection, *, progress: Progress | None = None
) -> CopyReport:
    """Replace every row of ``target`` by the rows of ``source`` (both at the same schema
    version). Runs inside the callers' transactions: the caller commits ``target``."""
    copied: list[tuple[str, int]] = []
    order = tables()
    for table in reversed(order):  # children first: foreign keys hold at every step
        target.execute(table.delete())
    for table in order:
        count = 0
        pk = list(table.primary_key.columns)
        files = any(isinstance(c.type, LargeBinary) for c in table.columns)
        chunk = FILE_CHUNK if files else CHUNK
        result = source.execute(select(table).order_by(*pk).execution_options(yield_per=chunk))
        for rows in result.partitions(chunk):
            target.execute(insert(table), [dict(row._mapping) for row in rows])
            count += len(rows)
            if progress is not None:
                progress(table.name, count)
        copied.append((table.name, count))
    if target.dialect.name == "postgresql":
        _restart_sequences(target, order)
    return CopyReport(tuple(copied))


def _restart_sequences(connection: Connection, order: Iterable[Table]) -> None:
    """Rows came with their ids: the next id the server gives must follow the largest."""
    for table in order:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        column = pk[0]
        if column.autoincrement is False:
            continue
        connection.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, :column), "
                f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
            ),
            {"table": table.name, "column": column.name},
        )


# --- comparing a copy with its source ---------------------------------------------------------
def table_digest(session: Session, table: Table) -> tuple[int, str]:
    """(rows, SHA-256 of every row's values in key order) of one table."""
    digest = hashlib.sha256()
    count = 0
    pk = list(table.primary_key.columns)
    result = session.execute(select(table).order_by(*pk).execution_options(yield_per=FILE_CHUNK))
    for row in result:
        values = {c.name: audit.json_value(row._mapping[c.name]) for c in table.columns}
        digest.update(audit.canonical(values).encode("utf-8"))
        digest.update(b"\n")
        count += 1
    return count, digest.hexdigest()


def compare(source: Session, target: Session, actor: Actor) -> list[str]:
    """Every difference between two databases, in words: rows per table, their content, and
    each year's account balances. An empty list: the copy is exact."""
    require(actor, Permission.READ)
    differences: list[str] = []
    for table in tables():
        src_count, src_hash = table_digest(source, table)
        dst_count, dst_hash = table_digest(target, table)
        if src_count != dst_count:
            differences.append(
                _(
                    "{table}: {before} rows in the source, {after} here",
                    table=table.name,
                    before=src_count,
                    after=dst_count,
                )
            )
        elif src_hash != dst_hash:
            differences.append(_("{table}: the rows differ in content", table=table.name))
    years = sorted({y.year for y in fiscal.list_fiscal_years(source, actor)})
    for year in years:
        before = {_balance_key(r): r for r in reports.account_balances(source, actor, year)}
        after = {_balance_key(r): r for r in reports.account_balances(target, actor, year)}
        for key in sorted(set(before) | set(after)):
            a, b = before.get(key), after.get(key)
            if a is None or b is None or _balance_values(a) != _balance_values(b):
                differences.append(
                    _(
                        "{year}: the balance of account {account} in {currency} differs "
                        "({before} in the source, {after} here)",
                        year=year,
                        account=key[0],
                        currency=key[1],
                        before=_show_balance(a),
                        after=_show_balance(b),
                    )
                )
    return differences


def _balance_key(row: BalanceRow) -> tuple[str, str]:
    return (row.code, row.currency)


def _balance_values(row: BalanceRow) -> tuple[Any, ...]:
    return (row.opening, row.change, row.closing, row.opening_usd, row.closing_usd)


def _show_balance(row: BalanceRow | None) -> str:
    return _("none") if row is None else f"{amount(row.closing)} {row.currency}"
