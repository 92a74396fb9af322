"""``coop-desk backup`` and ``coop-desk restore``: never overwrite a database without asking,
problems named in words (never a traceback), sign-in checked, a restore round trip."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from coop_desk.cli import main


def _demo(demo_template: str, tmp_path: Path, name: str = "demo.sqlite") -> Path:
    target = tmp_path / name
    shutil.copy(demo_template, target)
    return target


def _members(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM member").fetchone()[0])
    finally:
        conn.close()


def test_backup_refuses_to_overwrite_a_database_unless_asked(demo_template, tmp_path, capsys):
    db = _demo(demo_template, tmp_path)
    small = tmp_path / "small.sqlite"
    assert main(["--db", str(small), "init"]) == 0
    capsys.readouterr()
    # The bug of the issue: backing up a small database over a copy of the big one.
    assert main(["--db", str(small), "backup", str(db)]) == 2
    err = capsys.readouterr().err
    assert "188 members" in err and "--overwrite" in err and "Traceback" not in err
    assert _members(db) == 188
    assert main(["--db", str(small), "backup", str(db), "--overwrite"]) == 0
    assert _members(db) == 0


def test_backup_into_a_folder_writes_a_dated_file(demo_template, tmp_path, capsys):
    db = _demo(demo_template, tmp_path)
    folder = tmp_path / "copias"
    folder.mkdir()
    assert main(["--db", str(db), "backup", str(folder)]) == 0
    out = capsys.readouterr().out
    written = list(folder.glob("demo-*.sqlite"))
    assert len(written) == 1 and _members(written[0]) == 188
    assert "verify ok" in out


def test_backup_over_a_text_file_is_refused_in_words(demo_template, tmp_path, capsys):
    db = _demo(demo_template, tmp_path)
    text = tmp_path / "acta.txt"
    text.write_text("Acta de la asamblea")
    assert main(["--db", str(db), "backup", str(text), "--overwrite"]) == 2
    err = capsys.readouterr().err
    assert "is not a database" in err and "Traceback" not in err
    assert text.read_text() == "Acta de la asamblea"
    assert main(["--db", str(db), "backup", str(tmp_path / "no" / "such" / "x.sqlite")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_backup_checks_the_user_and_password(demo_template, tmp_path, capsys, monkeypatch):
    db = _demo(demo_template, tmp_path)
    monkeypatch.setenv("COOP_DESK_PASSWORD", "wrong")
    target = tmp_path / "copy.sqlite"
    assert main(["--db", str(db), "--user", "admin", "backup", str(target)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not target.exists()
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    assert main(["--db", str(db), "--user", "admin", "backup", str(target)]) == 0


def test_automatic_backup_status_and_restore_round_trip(demo_template, tmp_path, capsys):
    db = _demo(demo_template, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["--db", str(db), "backup", "--folder", str(usb)]) == 0
    assert main(["--db", str(db), "backup", "--folder", str(usb), "--status"]) == 0
    out = capsys.readouterr().out
    assert "Last good backup" in out and "Copies: 1 daily, 1 monthly" in out
    copy = next((usb / "demo" / "daily").glob("*.sqlite"))

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM plot")
    conn.execute("DELETE FROM member WHERE id > 94")
    conn.commit()
    conn.close()

    # The demo has accounts: restoring needs an administrator's sign-in.
    assert main(["--db", str(db), "restore", str(copy), "--yes"]) == 2
    assert "may not restore" in capsys.readouterr().err
    assert _members(db) == 94


def test_restore_as_administrator(demo_template, tmp_path, capsys, monkeypatch):
    db = _demo(demo_template, tmp_path)
    copy = tmp_path / "copy.sqlite"
    assert main(["--db", str(db), "backup", str(copy)]) == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM plot")
    conn.execute("DELETE FROM member WHERE id > 94")
    conn.commit()
    conn.close()
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    monkeypatch.setattr("builtins.input", lambda _prompt: "no")
    assert main(["--db", str(db), "--user", "admin", "restore", str(copy)]) == 1
    assert _members(db) == 94
    capsys.readouterr()
    monkeypatch.setattr("builtins.input", lambda _prompt: "yes")
    assert main(["--db", str(db), "--user", "admin", "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "94 members" in out and "188 members" in out and "kept at" in out
    assert _members(db) == 188
    assert main(["--db", str(db), "verify"]) == 0


def test_recent_lists_forgets_and_clears(tmp_path, capsys):
    from coop_desk.services import recent

    here = tmp_path / "here.sqlite"
    gone = tmp_path / "gone.sqlite"
    assert main(["--db", str(here), "init"]) == 0
    recent.remember(gone)
    recent.remember(here)
    capsys.readouterr()
    assert main(["recent"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"1. {here.resolve()}", f"2. {gone.resolve()} (not found)"]
    assert main(["recent", "--forget", str(gone)]) == 0
    capsys.readouterr()
    assert main(["recent"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"1. {here.resolve()}"]
    assert main(["recent", "--clear"]) == 0
    assert recent.recent() == [] and here.exists()
    capsys.readouterr()
    assert main(["recent"]) == 0
    assert "No database has been opened" in capsys.readouterr().out


def test_recent_speaks_spanish(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COOP_DESK_LANG", "es")
    assert main(["recent"]) == 0
    assert "Todavía" in capsys.readouterr().out
