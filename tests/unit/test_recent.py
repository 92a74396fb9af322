"""The recent databases (services.recent): newest first, once each, a short list shared by the
GUI and the command line; only coop-desk's own databases are opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coop_desk import paths
from coop_desk.db import Database
from coop_desk.errors import DatabaseError
from coop_desk.services import recent


def _file(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path


def test_newest_first_once_each_and_the_oldest_fall_off(tmp_path):
    assert recent.recent() == []
    a, b = _file(tmp_path, "a.sqlite"), _file(tmp_path, "b.sqlite")
    recent.remember(a)
    recent.remember(b)
    assert recent.recent() == [b.resolve(), a.resolve()]
    recent.remember(tmp_path / "." / "a.sqlite")  # the same file, named differently
    assert recent.recent() == [a.resolve(), b.resolve()]
    many = [_file(tmp_path, f"c{i}.sqlite") for i in range(recent.KEEP + 2)]
    for path in many:
        recent.remember(path)
    kept = recent.recent()
    assert len(kept) == recent.KEEP
    assert kept[0] == many[-1].resolve() and a.resolve() not in kept


def test_forget_and_clear_never_touch_the_files(tmp_path):
    a, b = _file(tmp_path, "a.sqlite"), _file(tmp_path, "b.sqlite")
    recent.remember(a)
    recent.remember(b)
    assert recent.forget(a) == [b.resolve()]
    assert recent.recent() == [b.resolve()] and a.exists()
    recent.clear()
    assert recent.recent() == [] and b.exists()


def test_a_missing_file_stays_listed(tmp_path):
    gone = _file(tmp_path, "usb.sqlite")
    recent.remember(gone)
    gone.unlink()
    assert recent.recent() == [gone.resolve()]


def test_a_damaged_list_reads_as_empty_and_is_rewritten(tmp_path):
    (paths.data_dir() / recent.FILE_NAME).write_text("{not json", encoding="utf-8")
    assert recent.recent() == []
    a = _file(tmp_path, "a.sqlite")
    assert recent.remember(a) == [a.resolve()]
    assert recent.recent() == [a.resolve()]


def test_only_a_coop_desk_database_is_openable(tmp_path):
    database = Database.open(tmp_path / "coop.sqlite")
    database.close()
    assert recent.check_openable(tmp_path / "coop.sqlite") == (tmp_path / "coop.sqlite").resolve()

    other = tmp_path / "other-program.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(DatabaseError, match="not a coop-desk database"):
        recent.check_openable(other)
    assert other.read_bytes() == before

    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not a coop-desk database"):
        recent.check_openable(text)
    with pytest.raises(DatabaseError, match="cannot be found"):
        recent.check_openable(tmp_path / "missing.sqlite")


def test_a_server_is_listed_by_its_url_never_with_its_password(tmp_path):
    a = _file(tmp_path, "a.sqlite")
    recent.remember(a)
    recent.remember("postgresql+psycopg://coop:s3cret@192.168.1.10:5433/coopdesk")
    recent.remember("postgresql+psycopg://coop@192.168.1.10:5433/coopdesk")  # the same
    server = "postgresql+psycopg://coop@192.168.1.10:5433/coopdesk"
    assert recent.recent() == [server, a.resolve()]
    assert recent.last() == server
    assert "s3cret" not in (paths.data_dir() / recent.FILE_NAME).read_text(encoding="utf-8")
    assert recent.forget(server.replace("coop@", "coop:other@")) == [a.resolve()]
