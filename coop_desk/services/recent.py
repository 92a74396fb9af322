"""The databases recently opened on this PC: the GUI's File > Recent databases and
``coop-desk recent``.

Model: a short list of SQLite files, the newest first, kept per user in the data folder
(``recent-databases.json``), so the GUI and the command line read the same list. Only files are
listed: a server database is named by a URL that carries its password, which must never be
written to a settings file. A file that cannot be found stays in the list (the USB disk may
be unplugged today); the GUI shows it as not found and forgets it when asked.

Two programs may write the list at once (two windows on the same PC): each write replaces the
whole file atomically, so the list is always one of them, never a mix or a torn file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from coop_desk import paths
from coop_desk.errors import DatabaseError
from coop_desk.i18n import _
from coop_desk.services import backup

FILE_NAME = "recent-databases.json"
KEEP = 8


def _file() -> Path:
    return paths.data_dir() / FILE_NAME


def recent() -> list[Path]:
    """The recent databases, newest first (an unreadable list reads as empty)."""
    try:
        stored = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    items = stored.get("databases") if isinstance(stored, dict) else None
    if not isinstance(items, list):
        return []
    return [Path(item) for item in items if isinstance(item, str) and item][:KEEP]


def _write(items: list[Path]) -> None:
    target = _file()
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    data = {"databases": [str(item) for item in items[:KEEP]]}
    partial.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, target)


def _same(a: Path, b: Path) -> bool:
    return os.path.normcase(str(a)) == os.path.normcase(str(b))


def remember(path: Path) -> list[Path]:
    """Put ``path`` first in the list (once); the oldest fall off after :data:`KEEP`."""
    path = path.expanduser().resolve()
    items = [path, *(item for item in recent() if not _same(item, path))]
    _write(items)
    return items[:KEEP]


def forget(path: Path) -> list[Path]:
    """Take ``path`` off the list."""
    path = path.expanduser().resolve()
    items = [item for item in recent() if not _same(item, path)]
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
