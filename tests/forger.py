"""A dishonest insider with the database file: what issue 11's trail attacks did, with nothing
but ``sqlite3`` and the public SHA-256 algorithm (no coop-desk code is imported here, so the
tests show what anyone holding the file can do).

The record format is public (README, ``services/audit/canonical.py``): the SHA-256 of the
canonical JSON of a record's fields and the previous record's hash. A forger copies a row's
last recorded JSON, edits it, and chains new or rewritten records exactly as coop-desk would.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GENESIS = "0" * 64


def canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def stored_time(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def record_hash(r: dict[str, Any]) -> str:
    content = {
        "id": r["id"],
        "at": stored_time(r["at"]).isoformat(),
        "username": r["username"],
        "user_id": r["user_id"],
        "action": r["action"],
        "table": r["table_name"],
        "record_id": r["record_id"],
        "before": r["before"],
        "after": r["after"],
        "reason": r["reason"],
        "prev_hash": r["prev_hash"],
    }
    return hashlib.sha256(canonical(content).encode("utf-8")).hexdigest()


@contextmanager
def opened(path: str | Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


@contextmanager
def triggers_lifted(conn: sqlite3.Connection) -> Iterator[None]:
    """Drop every trigger, do the edit, create them again exactly as they were (so nothing
    about the triggers shows afterwards)."""
    saved = [r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")]
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    for name in names:
        conn.execute(f"DROP TRIGGER {name}")
    yield
    for sql in saved:
        conn.execute(sql)


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT id, hash FROM audit_record ORDER BY id DESC LIMIT 1").fetchone()
    return (row["id"], row["hash"]) if row else (0, GENESIS)


def last_after(conn: sqlite3.Connection, table: str, record_id: object) -> dict[str, Any]:
    row = conn.execute(
        "SELECT after FROM audit_record WHERE table_name = ? AND record_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (table, str(record_id)),
    ).fetchone()
    return dict(json.loads(row["after"]))


def last_record(conn: sqlite3.Connection) -> dict[str, Any]:
    return dict(conn.execute("SELECT * FROM audit_record ORDER BY id DESC LIMIT 1").fetchone())


def append(conn: sqlite3.Connection, records: list[dict[str, Any]]) -> list[int]:
    """Chain ``records`` (action, table_name, record_id, before, after; optionally at,
    username, user_id, reason) at the end of the trail; returns their ids."""
    last = last_record(conn)
    last_id, prev = last["id"], last["hash"]
    ids = []
    for offset, partial in enumerate(records, start=1):
        r = {
            "at": last["at"],
            "username": last["username"],
            "user_id": last["user_id"],
            "reason": "",
            **partial,
            "id": last_id + offset,
            "prev_hash": prev,
        }
        r["hash"] = record_hash(r)
        conn.execute(
            "INSERT INTO audit_record (id, at, username, user_id, action, table_name, "
            "record_id, before, after, reason, prev_hash, hash) VALUES (:id, :at, :username, "
            ":user_id, :action, :table_name, :record_id, :before, :after, :reason, "
            ":prev_hash, :hash)",
            r,
        )
        prev = r["hash"]
        ids.append(r["id"])
    return ids


def rechain(conn: sqlite3.Connection, start: int = 1) -> None:
    """Recompute every hash from record ``start`` on, so the chain agrees with itself."""
    prev_row = conn.execute("SELECT hash FROM audit_record WHERE id = ?", (start - 1,)).fetchone()
    prev = prev_row["hash"] if prev_row else GENESIS
    rows = [
        dict(r)
        for r in conn.execute("SELECT * FROM audit_record WHERE id >= ? ORDER BY id", (start,))
    ]
    for r in rows:
        r["prev_hash"] = prev
        r["hash"] = record_hash(r)
        conn.execute(
            "UPDATE audit_record SET prev_hash = ?, hash = ? WHERE id = ?",
            (r["prev_hash"], r["hash"], r["id"]),
        )
        prev = r["hash"]


def splice(conn: sqlite3.Connection, after_id: int, records: list[dict[str, Any]]) -> None:
    """Insert ``records`` into the trail right after record ``after_id`` (later records move up
    by their number) and recompute the chain: a forgery made to look as old as record
    ``after_id``."""
    later = [
        dict(r)
        for r in conn.execute(
            "SELECT * FROM audit_record WHERE id > ? ORDER BY id DESC", (after_id,)
        )
    ]
    shift = len(records)
    for r in later:  # from the end, so no id is taken twice on the way
        conn.execute("UPDATE audit_record SET id = ? WHERE id = ?", (r["id"] + shift, r["id"]))
    template = dict(conn.execute("SELECT * FROM audit_record WHERE id = ?", (after_id,)).fetchone())
    for offset, partial in enumerate(records, start=1):
        r = {
            "at": template["at"],
            "username": template["username"],
            "user_id": template["user_id"],
            "reason": "",
            **partial,
            "id": after_id + offset,
            "prev_hash": "",
            "hash": f"(recomputed below) {offset}",
        }
        conn.execute(
            "INSERT INTO audit_record (id, at, username, user_id, action, table_name, "
            "record_id, before, after, reason, prev_hash, hash) VALUES (:id, :at, :username, "
            ":user_id, :action, :table_name, :record_id, :before, :after, :reason, "
            ":prev_hash, :hash)",
            r,
        )
    rechain(conn, after_id + 1)
