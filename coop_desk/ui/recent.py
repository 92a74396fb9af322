"""The databases this PC opened recently (QSettings), newest first, for File > Recent databases
and for the next start. Only targets are kept: a file's path or a server URL, never a password
(``db.without_password`` strips any)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from sqlalchemy.engine import make_url

from coop_desk.db import server_label, without_password

KEY = "database/recent"
MAX_RECENT = 8


def recent_databases() -> list[str]:
    value = QSettings().value(KEY, [])
    if isinstance(value, str):  # QSettings gives a lone string for a one-item list
        return [value] if value else []
    if not isinstance(value, list):
        return []
    return [str(v) for v in value if v]


def remember_database(target: str) -> None:
    """Put ``target`` first in the list (once), keeping the newest ``MAX_RECENT``."""
    clean = plain_target(target)
    items = [clean, *(t for t in recent_databases() if t != clean)]
    QSettings().setValue(KEY, items[:MAX_RECENT])


def last_database() -> str | None:
    items = recent_databases()
    return items[0] if items else None


def plain_target(target: str) -> str:
    """A file as its path, a server as its URL without a password."""
    if "://" not in target:
        return target
    url = without_password(target)
    if make_url(url).get_backend_name() == "sqlite":
        return str(make_url(url).database or "")
    return url


def describe(target: str) -> str:
    """How the menu names a database: the file's path, or user@server/database."""
    if "://" not in target:
        return target
    return server_label(target)
