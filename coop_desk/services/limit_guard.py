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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Integer, String, event, inspect
from sqlalchemy.orm import ColumnProperty, Session, sessionmaker

from coop_desk.domain import limits
from coop_desk.domain.problems import Problem
from coop_desk.errors import ValidationError
from coop_desk.models import AuditRecord
from coop_desk.models.base import ScaledDecimal

_SCALE_CHECKS: dict[int, Callable[[Decimal | None], str | None]] = {
    2: limits.check_amount,  # Money()
    6: limits.check_quantity,  # Quantity()
}


def install(sessions: sessionmaker[Session]) -> None:
    """Check every flush of the sessions ``sessions`` makes."""
    if not event.contains(sessions, "before_flush", check_flush):
        event.listen(sessions, "before_flush", check_flush)


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
    state = inspect(obj)
    mapper = state.mapper
    table = mapper.local_table.name
    problems = []
    for prop in mapper.column_attrs:
        for value in _values(state, prop, changed_only):
            message = check_value(table, prop, value)
            if message:
                problems.append(Problem(prop.key, message))
    return problems


def _values(state: Any, prop: ColumnProperty[Any], changed_only: bool) -> Iterable[Any]:
    attr = state.attrs[prop.key]
    if not changed_only:
        return [attr.value] if prop.key in state.dict else []
    return list(attr.history.added or ())


def check_value(table: str, prop: ColumnProperty[Any], value: Any) -> str | None:
    """The message for ``value`` in the column of ``prop``, or None when it may be stored."""
    if value is None:
        return None
    column_type = prop.columns[0].type
    if isinstance(column_type, String) and isinstance(value, str):
        return limits.check_text(table, prop.columns[0].name, value)
    if isinstance(column_type, ScaledDecimal) and isinstance(value, Decimal | int):
        amount = Decimal(value)
        if column_type.scale == 8:  # Rate(): exchange rates and prices, never negative
            if not amount.is_finite() or not 0 <= amount <= limits.MAX_RATE:
                return limits.check_rate(amount)
            return None
        check = _SCALE_CHECKS.get(column_type.scale, limits.check_amount)
        return check(amount)
    if isinstance(column_type, Date) and isinstance(value, date):
        return limits.check_date(value)
    if isinstance(column_type, Integer) and isinstance(value, int) and not isinstance(value, bool):
        return limits.check_integer(value)
    return None
