"""The databases recently opened on this PC: the GUI's File > Recent databases and
``coop-desk recent``.

Model: a short list of databases, the newest first, kept per user in the data folder
(``recent-databases.json``), so the GUI and the command line read the same list. An entry is a
SQLite file (a ``Path``) or a PostgreSQL server's database (a ``str``: its URL always without a
password, ``db.without_password``; libpq finds the password, or the program asks for it, each
time). A file that cannot be found stays in the list (the USB disk may be unplugged today); the
GUI shows it as not found and forgets it when asked.

Two programs may write the list at once (two windows on the same PC): each write replaces the
whole file atomically, so the list is always one of them, never a mix or a torn file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from coop_desk import paths
from coop_desk.errors import DatabaseError
from coop_desk.i18n import _
from coop_desk.services import backup

FILE_NAME = "recent-databases.json"
KEEP = 8

# A file's path, or a server database's URL without a password.
Entry = Path | str


def entry(target: Path | str) -> Entry:
    """How ``target`` is listed: a file resolved, a server's URL (as ``db.without_password``
    gives it: the front ends pass that) with any password left out all the same."""
    text = str(target)
    if "://" in text and not text.startswith("sqlite"):
        return make_url(text)._replace(password=None).render_as_string(hide_password=False)
    return Path(text.removeprefix("sqlite:///")).expanduser().resolve()


def last() -> Entry | None:
    """The database opened last on this PC (what the program opens at start)."""
    items = recent()
    return items[0] if items else None


def _file() -> Path:
    return paths.data_dir() / FILE_NAME


def recent() -> list[Entry]:
    """The recent databases, newest first (an unreadable list reads as empty)."""
    try:
        stored = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    items = stored.get("databases") if isinstance(stored, dict) else None
    if not isinstance(items, list):
        return []
    return [
        item if "://" in item else Path(item) for item in items if isinstance(item, str) and item
    ][:KEEP]


def _write(items: list[Entry]) -> None:
    target = _file()
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    data = {"databases": [str(item) for item in items[:KEEP]]}
    partial.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, target)


def _same(a: Entry, b: Entry) -> bool:
    if isinstance(a, Path) and isinstance(b, Path):
        return os.path.normcase(str(a)) == os.path.normcase(str(b))
    return a == b


def remember(target: Path | str) -> list[Entry]:
    """Put ``target`` first in the list (once); the oldest fall off after :data:`KEEP`."""
    new = entry(target)
    items = [new, *(item for item in recent() if not _same(item, new))]
    _write(items)
    return items[:KEEP]


def forget(target: Path | str) -> list[Entry]:
    """Take ``target`` off the list."""
    gone = entry(target)
    items = [item for item in recent() if not _same(item, gone)]
    _write(items)
    return items


def clear() -> None:
    _write([])


def is_coop_desk_database(path: Path) -> bool:
    """A SQLite file that coop-desk wrote (it has the schema's version table), read without
    changing it. Opening any other SQLite file would add coop-desk's tables to it."""
    if not backup.is_sqlite_file(path):
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return row is not None


def check_openable(path: Path) -> Path:
    """``path`` resolved, or ``DatabaseError`` naming why coop-desk will not open it."""
    path = path.expanduser()
    if not path.is_file():
        raise DatabaseError(_("{path} cannot be found (is the USB disk plugged in?).", path=path))
    if not is_coop_desk_database(path):
        raise DatabaseError(
            _(
                "{path} is not a coop-desk database; coop-desk opens only the databases it wrote, and leaves this file as it is.",
                path=path,
            )
        )
    return path.resolve()
