"""Where coop-desk keeps its files on this computer (per-user data directory)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "coop-desk"
ENV_DB = "COOP_DESK_DB"


def data_dir() -> Path:
    """The per-user data folder (e.g. ``%LOCALAPPDATA%\\coop-desk`` on Windows)."""
    override = os.environ.get("COOP_DESK_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "coop-desk.sqlite"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def legacy_documents_dir() -> Path:
    """Where coop-desk 0.1 copied attached files (named by SHA-256). Documents now live in the
    database (``services.documents``); this folder is only read, by migration 0410 and by
    ``coop-desk documents take-in``."""
    return data_dir() / "documents"
