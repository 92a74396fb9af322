"""The last guard of what may be stored (``domain.limits``): every flush of a session that
``Database`` makes is checked, so no path (a service that forgot a check, a script, an
import) can write a value beyond a limit.

The services validate their input first and report every problem with its field (and the row
and column of a file); this guard is what remains when one did not. It looks at each new row
and at each changed column of a changed row, by the column's type: text against the field's
length in ``domain.limits.TEXT_LIMITS``, dates against the range the books hold, money, rates
and quantities (the scaled integers of ``models.base``) against their bounds, whole numbers
against what PostgreSQL's ``INTEGER`` holds. A value beyond a limit refuses the whole flush
with a ``ValidationError`` naming the field and the limit: nothing is written.

Rows written by the audit trail are derived from rows checked here and are left alone.

For ``verify`` (check ``limits.stored``) it names every stored value beyond a limit: data
written before the limits existed, or from outside the program.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Date,
    Integer,
    String,
    Table,
    func,
    or_,
    select,
)
from sqlalchemy.orm import ColumnProperty, InstanceState, Session, sessionmaker
from sqlalchemy.orm.attributes import instance_state

from coop_desk.domain import limits
from coop_desk.domain.problems import Problem
from coop_desk.errors import ValidationError
from coop_desk.i18n import _
from coop_desk.models import AuditRecord, Base, JournalEntry
from coop_desk.models.base import ScaledDecimal
from coop_desk.services.ledger.books import entry_number
from coop_desk.services.session_events import listen_once
from coop_desk.services.verify import Finding, Severity, register

_SCALE_CHECKS: dict[int, Callable[[Decimal | None], str | None]] = {
    2: limits.check_amount,  # Money()
    6: limits.check_quantity,  # Quantity()
}


def install(sessions: sessionmaker[Session]) -> None:
    """Check every flush of the sessions ``sessions`` makes."""
    listen_once(sessions, __name__, [("before_flush", check_flush)])


def check_flush(session: Session, _context: Any, _instances: Any) -> None:
    problems: list[Problem] = []
    for obj in session.new:
        problems.extend(problems_of(obj, changed_only=False))
    for obj in session.dirty:
        problems.extend(problems_of(obj, changed_only=True))
    if problems:
        raise ValidationError(problems)


def problems_of(obj: object, *, changed_only: bool = False) -> list[Problem]:
    """What ``obj`` (a mapped row) holds beyond a limit: every column, or only those changed
    since it was loaded (an unrelated edit of a row holding old data is not refused for it)."""
    if isinstance(obj, AuditRecord):
        return []
    state: InstanceState[Any] = instance_state(obj)
    mapper = state.mapper
    table = mapper.persist_selectable.description or ""
    problems = []
    if not changed_only:
        # A new row's values are its state's dict (``state.attrs`` would build an attribute
        # state for every column and relationship of every row flushed: most of a bulk import).
        values = state.dict
        for prop in _column_attrs(mapper):
            value = values.get(prop.key)
            if value is not None:
                message = check_value(table, prop, value)
                if message:
                    problems.append(Problem(prop.key, message))
        return problems
    for prop in _column_attrs(mapper):
        for value in state.attrs[prop.key].history.added or ():
            message = check_value(table, prop, value)
            if message:
                problems.append(Problem(prop.key, message))
    return problems


_COLUMN_ATTRS: dict[Any, tuple[ColumnProperty[Any], ...]] = {}


def _column_attrs(mapper: Any) -> tuple[ColumnProperty[Any], ...]:
    """The mapper's column attributes, listed once per mapper (a bulk import flushes tens of
    thousands of rows of a handful of mappers)."""
    attrs = _COLUMN_ATTRS.get(mapper)
    if attrs is None:
        attrs = _COLUMN_ATTRS[mapper] = tuple(mapper.column_attrs)
    return attrs


def check_value(table: str, prop: ColumnProperty[Any], value: Any) -> str | None:
    """The message for ``value`` in the column of ``prop``, or None when it may be stored."""
    if value is None:
        return None
    check = column_check(table, prop.columns[0])
    return None if check is None else check(value)


_COLUMN_CHECKS: dict[tuple[str, str], Callable[[Any], str | None] | None] = {}
# A text column's check -> the length up to which it passes any text at once (its limit).
_PASSING_LENGTH: dict[Callable[[Any], str | None], int] = {}


def column_check(table: str, column: Any) -> Callable[[Any], str | None] | None:
    """The check of a value (not None) for ``table.column`` by the column's type: a message,
    or None when it may be stored; None for a column without a limit. Built once per column."""
    key = (table, column.name)
    if key in _COLUMN_CHECKS:
        return _COLUMN_CHECKS[key]
    column_type = column.type
    name = column.name
    check: Callable[[Any], str | None] | None = None
    if isinstance(column_type, String):
        limit = limits.TEXT_LIMITS.get(table, {}).get(name)

        def check(value: Any) -> str | None:
            if not isinstance(value, str) or (limit is not None and len(value) <= limit):
                return None  # within the limit (``check_text`` would say None)
            return limits.check_text(table, name, value)

        if limit is not None:
            _PASSING_LENGTH[check] = limit

    elif isinstance(column_type, ScaledDecimal):
        scale = column_type.scale

        def check(value: Any) -> str | None:
            if not isinstance(value, Decimal | int):
                return None
            amount = Decimal(value)
            if scale == 8:  # Rate(): exchange rates and prices, never negative
                if not amount.is_finite() or not 0 <= amount <= limits.MAX_RATE:
                    return limits.check_rate(amount)
                return None
            return _SCALE_CHECKS.get(scale, limits.check_amount)(amount)

    elif isinstance(column_type, Date):

        def check(value: Any) -> str | None:
            return limits.check_date(value) if isinstance(value, date) else None

    elif isinstance(column_type, Integer):

        def check(value: Any) -> str | None:
            if isinstance(value, int) and not isinstance(value, bool):
                return limits.check_integer(value)
            return None

    _COLUMN_CHECKS[key] = check
    return check


def row_checker(table: Table) -> Callable[[Mapping[str, Any]], list[Problem]]:
    """What the values given for a new row of ``table`` (column name -> value) hold beyond a
    limit: the checks of this guard, for rows written without a flush (the roster import's
    bulk insert), which the guard's ``before_flush`` does not see. Like the flush's check of
    a new row (its state's values), the columns left to their defaults are not checked.

    Made for many rows (one checker per batch): a text within its column's limit passes at
    once (what the column's check says first of it, ``_PASSING_LENGTH``), and any other value that is not a
    whole number (dates, amounts, yes/no) is checked once per distinct value and type, its
    answer remembered for the other rows of the batch. Every value is still checked."""
    checks: dict[str, tuple[str, Callable[[Any], str | None], int | None, dict[Any, Any]]] = {}
    for column in table.columns:
        check = column_check(table.name, column)
        if check is not None:
            checks[column.name] = (column.key, check, _PASSING_LENGTH.get(check), {})

    def problems(values: Mapping[str, Any]) -> list[Problem]:
        found = []
        for name, value in values.items():
            if value is None:
                continue
            known = checks.get(name)
            if known is None:
                continue
            key, check, text_limit, seen = known
            kind = type(value)
            if kind is str:
                if text_limit is not None and len(value) <= text_limit:
                    continue
                message = check(value)
            elif kind is int:
                message = check(value)
            else:
                remembered = (kind, value)
                message = seen.get(remembered, seen)
                if message is seen:
                    message = seen[remembered] = check(value)
            if message:
                found.append(Problem(key, message))
        return found

    return problems


# --- verify: what is stored already -------------------------------------------------------------

MAX_FINDINGS_PER_COLUMN = 20


@register("limits.stored")
def check_stored(session: Session, today: date) -> list[Finding]:
    """Every stored value within the limits of ``domain.limits``: a row beyond them (written by
    an older version, or from outside the program) is an integrity error naming the table,
    the row and the column. Reports and year close leave such rows out instead of failing."""
    findings: list[Finding] = []
    for table in Base.metadata.sorted_tables:
        checks = [(column, _beyond(table.name, column)) for column in table.columns]
        checked = [(column, condition) for column, condition in checks if condition is not None]
        if not checked:
            continue
        keys = list(table.primary_key.columns)
        shown = [
            func.length(column) if isinstance(column.type, String) else column
            for column, _ in checked
        ]
        counts: dict[str, int] = {}
        rows = session.execute(
            select(*keys, *shown).where(or_(*(condition for _, condition in checked)))
        )
        for row in rows:
            record = f"{table.name} {'/'.join(str(k) for k in row[: len(keys)])}"
            for (column, _check), value in zip(checked, row[len(keys) :], strict=True):
                message = _stored_message(table.name, column, value)
                if message is None:
                    continue
                counts[column.name] = counts.get(column.name, 0) + 1
                if counts[column.name] > MAX_FINDINGS_PER_COLUMN:
                    continue
                findings.append(
                    Finding(
                        Severity.ERROR,
                        "limits.stored",
                        f"{_name(session, table.name, row[0])}: {column.name} {message}",
                        record,
                    )
                )
        for column_name, count in counts.items():
            if count > MAX_FINDINGS_PER_COLUMN:
                findings.append(
                    Finding(
                        Severity.ERROR,
                        "limits.stored",
                        _(
                            "{table_name}: {value} more rows hold a {column_name} beyond the limits",
                            table_name=table.name,
                            value=format(count - MAX_FINDINGS_PER_COLUMN, ","),
                            column_name=column_name,
                        ),
                        table.name,
                    )
                )
    return findings


def _beyond(table: str, column: Column[Any]) -> ColumnElement[bool] | None:
    """The SQL condition of a stored value beyond its limit, or None for a column without one."""
    column_type = column.type
    if isinstance(column_type, String):
        limit = limits.TEXT_LIMITS.get(table, {}).get(column.name)
        return None if limit is None else func.length(column) > limit
    if isinstance(column_type, ScaledDecimal):
        if column_type.scale == 8:
            return or_(column < 0, column > limits.MAX_RATE)
        bound = limits.MAX_QUANTITY if column_type.scale == 6 else limits.MAX_AMOUNT
        return or_(column < -bound, column > bound)
    if isinstance(column_type, Date):
        return or_(column < limits.EARLIEST_DATE, column > limits.LATEST_DATE)
    if isinstance(column_type, Integer) and not isinstance(column_type, Boolean):
        return or_(column < limits.MIN_INTEGER, column > limits.MAX_INTEGER)
    return None


def _stored_message(table: str, column: Column[Any], value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(column.type, String):
        limit = limits.text_limit(table, column.name)
        return (
            _(
                "holds {value} characters, more than {limit}",
                value=format(value, ","),
                limit=format(limit, ","),
            )
            if value > limit
            else None
        )
    if isinstance(column.type, ScaledDecimal) and column.type.scale == 8:
        rate = Decimal(value)
        return None if 0 <= rate <= limits.MAX_RATE else limits.check_rate(rate)
    if isinstance(column.type, ScaledDecimal):
        check = _SCALE_CHECKS.get(column.type.scale, limits.check_amount)
        return check(Decimal(value))
    if isinstance(column.type, Date):
        return limits.check_date(value)
    if isinstance(value, int):
        return limits.check_integer(value)
    return None


def _name(session: Session, table: str, key: Any) -> str:
    """How people name the row: an entry by its number, anything else by table and id."""
    if table == "journal_entry":
        found = session.execute(
            select(JournalEntry.fiscal_year, JournalEntry.number).where(JournalEntry.id == key)
        ).first()
        if found is not None:
            return _(
                "Entry {entry_number} (journal_entry {key})",
                entry_number=entry_number(found[0], found[1]),
                key=key,
            )
    return f"{table} {key}"
