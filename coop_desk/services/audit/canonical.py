"""The trail's record format: a row as canonical JSON, and the SHA-256 that chains records.

Everything that writes or checks a record goes through these functions, so the writer, the
baseline and ``verify`` always agree on the bytes that are hashed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.types import NULLTYPE

from coop_desk.models import AuditRecord

AUDIT_TABLE = AuditRecord.__tablename__
AUDIT: Table = AuditRecord.__table__  # type: ignore[assignment]
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


class Action:
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


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


# One encoder for every record: ``json.dumps`` with options builds a new one per call, which
# ``verify`` would do millions of times. Same output as ``json.dumps`` with these options.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
# The encoder's own function for text (``ensure_ascii=False``): "..." with JSON escapes.
_encode_text: Callable[[str], str] = json.encoder.encode_basestring


def canonical(obj: Any) -> str:
    return _CANONICAL.encode(obj)


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


def row_snapshotter(table: Table) -> Callable[[Sequence[Any]], dict[str, Any]]:
    """``snapshot`` for the rows of ``select(table)`` (every column, in the table's order),
    for reading whole tables (``verify``): the same dict, without looking each column up by
    name in each row; plain values (text, whole numbers, none) skip ``json_value``."""
    volatile = VOLATILE_COLUMNS.get(table.name, frozenset())
    redacted = REDACTED_COLUMNS.get(table.name, frozenset())
    plan = [
        (index, column.name, column.name in redacted)
        for index, column in enumerate(table.columns)
        if column.name not in volatile
    ]
    plain = (str, int, bool, type(None))

    def snap(row: Sequence[Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for index, name, secret in plan:
            value = row[index]
            if type(value) not in plain:
                value = json_value(value)
            if secret and value is not None:
                value = "sha256:" + sha256_text(str(value))
            out[name] = value
        return out

    return snap


# Column values of these exact types as JSON text: what ``json_value`` and then the encoder
# make of them (``row_canonical``).
_JSON_TEXT: dict[type, Callable[[Any], str]] = {
    str: _encode_text,
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda _value: "null",
    Decimal: lambda value: '"' + format(value, "f") + '"',
    date: lambda value: '"' + value.isoformat() + '"',
    datetime: lambda value: '"' + value.isoformat() + '"',
}


def row_canonical(table: Table) -> Callable[[Sequence[Any]], str]:
    """``canonical(snapshot(table, row))`` for the rows of ``select(table)``, written out
    column by column in the sorted order of their names: what ``verify`` compares with each
    row's recorded "after" (a snapshot dict and its sort per row were most of its time). A row
    holding a value of another type (a float, an enum), and a table with redacted columns, go
    through ``snapshot``'s own path."""
    snap = row_snapshotter(table)
    if REDACTED_COLUMNS.get(table.name):
        return lambda row: canonical(snap(row))
    volatile = VOLATILE_COLUMNS.get(table.name, frozenset())
    plan = sorted(
        (column.name, index)
        for index, column in enumerate(table.columns)
        if column.name not in volatile
    )
    if not plan:
        return lambda _row: "{}"
    keys = [
        ("{" if n == 0 else ",") + _encode_text(name) + ":" for n, (name, _i) in enumerate(plan)
    ]
    columns = [(key, index) for key, (_name, index) in zip(keys, plan, strict=True)]
    # Dates and times repeat from row to row (a batch's rows share their creation time, and
    # often a date of joining): each one's text is written once and remembered, a date by
    # its value, a time as that very object (equal times of other time zones are written
    # apart), at most ``STORED_TEXTS_KEPT`` of them.
    texts: dict[Any, tuple[Any, str]] = {}

    def date_text(value: Any) -> str:
        found = texts.get(value)
        if found is not None and (found[0] is value or type(value) is date):
            return found[1]
        if len(texts) >= STORED_TEXTS_KEPT:
            texts.clear()
        shown = _JSON_TEXT[type(value)](value)
        texts[value] = (value, shown)
        return shown

    as_text = {**_JSON_TEXT, date: date_text, datetime: date_text}

    def text(row: Sequence[Any]) -> str:
        try:
            return (
                "".join([key + as_text[type(row[index])](row[index]) for key, index in columns])
                + "}"
            )
        except KeyError:  # a value of another type
            return canonical(snap(row))

    return text


# How many stored values of one column ``stored_row_reader`` remembers the text of (dates,
# times and often amounts repeat; a column of all-different values starts over).
STORED_TEXTS_KEPT = 50_000


def stored_row_reader(
    table: Table, dialect: Dialect
) -> tuple[Callable[[Sequence[Any]], str], Callable[[Sequence[Any]], tuple[Any, ...]]]:
    """For the rows of ``table`` as the driver returns them (each column's stored form: the
    column types not applied, ``stored_columns``): ``row_canonical`` of the row as
    ``select(table)`` reads it, and that row itself (for a finding's snapshot and record id).

    A column whose type converts what it reads (amounts, dates, times) has each stored value's
    JSON text remembered, so that a date or an amount seen before costs a dictionary lookup
    instead of the conversion and the formatting (``verify`` reads every row of every table).
    The text is the one ``row_canonical`` writes of the value the type reads; a row holding
    a value of another type, and a table ``row_canonical`` writes through ``snapshot``, go
    through the read row."""
    readers = [
        column.type.dialect_impl(dialect).result_processor(dialect, None)
        for column in table.columns
    ]

    def read(row: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(
            value if process is None else process(value)
            for value, process in zip(row, readers, strict=False)
        )

    text_of = row_canonical(table)
    volatile = VOLATILE_COLUMNS.get(table.name, frozenset())
    plan = sorted(
        (column.name, index)
        for index, column in enumerate(table.columns)
        if column.name not in volatile
    )
    if REDACTED_COLUMNS.get(table.name) or not plan:
        return (lambda row: text_of(read(row))), read
    as_text = _JSON_TEXT
    columns: list[tuple[str, int, Callable[[Any], Any] | None, dict[Any, str] | None]] = [
        (
            ("{" if n == 0 else ",") + _encode_text(name) + ":",
            index,
            readers[index],
            {} if readers[index] is not None else None,
        )
        for n, (name, index) in enumerate(plan)
    ]

    def text(row: Sequence[Any]) -> str:
        parts = []
        try:
            for key, index, process, texts in columns:
                value = row[index]
                if texts is None:
                    parts.append(key + as_text[type(value)](value))
                    continue
                found = texts.get(value) if type(value) in (str, int) else None
                if found is None:
                    shown = process(value)  # type: ignore[misc]
                    found = as_text[type(shown)](shown)
                    if type(value) in (str, int):  # 1 and 1.0 are one key: floats not kept
                        if len(texts) >= STORED_TEXTS_KEPT:
                            texts.clear()
                        texts[value] = found
                parts.append(key + found)
        except KeyError:  # a value of another type
            return text_of(read(row))
        return "".join(parts) + "}"

    return text, read


def stored_columns(table: Table) -> list[ColumnElement[Any]]:
    """``table``'s columns selected as stored (no column type's conversion), under their own
    names, for ``stored_row_reader``."""
    return [type_coerce(column, NULLTYPE).label(column.name) for column in table.columns]


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
    return stored_record_hash(
        (
            id,
            at.astimezone(UTC).isoformat(),
            username,
            user_id,
            action,
            table_name,
            record_id,
            before,
            after,
            reason,
            prev_hash,
        )
    )


# A record's stored columns in the order ``stored_record_hash`` takes them (``at`` as its ISO
# 8601 text: ``at_iso``).
RECORD_COLUMNS = (
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
)


def stored_record_hash(values: Sequence[Any]) -> str:
    """``record_hash`` of a record's ``RECORD_COLUMNS`` values, ``at`` given as its ISO text.

    The canonical JSON of the content (keys sorted, the same string encoder as ``canonical``)
    written out key by key: ``verify`` hashes millions of records, and building and sorting a
    dict for each was half of its time. A value of an unexpected type (a forged record can
    hold anything in SQLite) goes through ``canonical`` itself, so both give the same bytes."""
    id_, at, username, user_id, action, table, record_id, before, after, reason, prev = values
    if type(id_) is int and (user_id is None or type(user_id) is int):
        try:
            text = "".join(
                (
                    '{"action":',
                    _encode_text(action),
                    ',"after":',
                    "null" if after is None else _encode_text(after),
                    ',"at":',
                    _encode_text(at),
                    ',"before":',
                    "null" if before is None else _encode_text(before),
                    ',"id":',
                    str(id_),
                    ',"prev_hash":',
                    _encode_text(prev),
                    ',"reason":',
                    _encode_text(reason),
                    ',"record_id":',
                    _encode_text(record_id),
                    ',"table":',
                    _encode_text(table),
                    ',"user_id":',
                    "null" if user_id is None else str(user_id),
                    ',"username":',
                    _encode_text(username),
                    "}",
                )
            )
        except TypeError:  # not text where text belongs
            pass
        else:
            return sha256_text(text)
    content = {
        "id": id_,
        "at": at,
        "username": username,
        "user_id": user_id,
        "action": action,
        "table": table,
        "record_id": record_id,
        "before": before,
        "after": after,
        "reason": reason,
        "prev_hash": prev,
    }
    return sha256_text(canonical(content))


# How SQLite stores ``at`` (SQLAlchemy's DATETIME format, always with microseconds), read as
# text so that the ISO form is made without a datetime per record.
_STORED_AT = re.compile(r"\d{4}-\d{2}-\d{2} (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}")


@functools.lru_cache(maxsize=4096)
def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def at_iso(value: Any, read: Callable[[Any], datetime]) -> str:
    """``at.astimezone(UTC).isoformat()`` of a stored ``at`` as the driver returns it, ``read``
    being the column type's own reading of it (``at_reader``). SQLite's text in its usual form
    is converted by slicing, without a datetime per record."""
    if type(value) is str and _STORED_AT.fullmatch(value) and _is_day(value[:10]):
        if value.endswith(".000000"):  # isoformat leaves out zero microseconds
            return f"{value[:10]}T{value[11:19]}+00:00"
        return f"{value[:10]}T{value[11:]}+00:00"
    return str(read(value).astimezone(UTC).isoformat())


def at_reader(dialect: Dialect) -> Callable[[Any], datetime]:
    """How the ``at`` column's type reads a value the driver returns (``at_iso``)."""
    process = AUDIT.c.at.type.dialect_impl(dialect).result_processor(dialect, None)
    if process is None:  # pragma: no cover - UTCDateTime always has one
        raise TypeError("the audit record's time column reads nothing")
    return cast(Callable[[Any], datetime], process)


def show_value(value: Any) -> str:
    """A recorded JSON value in words: ``∅`` for none, ``''`` for empty text."""
    if value is None:
        return "∅"
    if isinstance(value, str):
        return value if value else "''"
    return json.dumps(value)
