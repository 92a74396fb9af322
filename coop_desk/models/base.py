"""Declarative base, constraint naming convention and the exact column types.

Money and quantities are ``Decimal`` stored as scaled integers (``ScaledDecimal``): SQLAlchemy's
``Numeric`` goes through ``float`` on SQLite, which an accounting program cannot accept.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from coop_desk.domain.limits import text_limit
from coop_desk.domain.money import to_decimal

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """A record people edit: ``version`` is 1 when the row is written and grows by one at every
    change. SQLAlchemy adds ``WHERE version = <the version read>`` to each UPDATE and DELETE
    (``version_id_col``), so a write based on an outdated read changes nothing and fails
    instead of overwriting another PC's save; services compare the version a form was opened
    with (``services.versions``) to refuse a stale save with who changed the record and when.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a class-level attribute
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class ScaledDecimal(TypeDecorator[Decimal]):
    """``Decimal`` with a fixed number of decimals, stored as ``value * 10**scale`` in a BIGINT.

    A value with more decimals than the column holds is refused, never silently rounded:
    rounding is a business step that the service performs with a named rule.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int = 2) -> None:
        super().__init__()
        self.scale = scale

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = to_decimal(value).scaleb(self.scale)
        integral = scaled.to_integral_value()
        if scaled != integral:
            raise ValueError(f"{value} has more than {self.scale} decimals")
        return int(integral)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.scale)

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal


def sized(table: str, column: str) -> String:
    """A ``VARCHAR`` as long as ``domain.limits`` lets ``table.column`` be: the one table of
    text lengths, so SQLite and PostgreSQL hold the same text."""
    return String(text_limit(table, column))


def Money() -> ScaledDecimal:  # noqa: N802 - reads like a type in column declarations
    """Amount in a currency, to the cent."""
    return ScaledDecimal(2)


def Rate() -> ScaledDecimal:  # noqa: N802
    """Exchange rates and per-pound prices: 8 decimals."""
    return ScaledDecimal(8)


def Quantity() -> ScaledDecimal:  # noqa: N802
    """Weights (kg, lb), areas (ha) and coordinates: 6 decimals."""
    return ScaledDecimal(6)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps, stored naive-UTC so SQLite and PostgreSQL agree."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)
