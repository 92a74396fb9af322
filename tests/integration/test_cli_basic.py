"""The command line: init, the demo, members list, backup, help, errors in words."""

from __future__ import annotations

import shutil

import pytest

from coop_desk.cli import main


def test_init_demo_then_list_shows_188_members(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "init", "--demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "members", "list"]) == 0
    out = capsys.readouterr().out
    assert "188 members" in out
    assert "CPGP-3784-1 " in out and "CPGP-3784-188" in out
    assert len([line for line in out.splitlines() if line.startswith("CPGP-3784-")]) == 188


def demo_copy(demo_template: str, tmp_path) -> str:  # type: ignore[no-untyped-def]
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, target)
    return str(target)


def test_members_list_search_and_filters(demo_template, tmp_path, capsys):
    db = demo_copy(demo_template, tmp_path)
    assert main(["--db", db, "members", "list", "--search", "nunez", "--gender", "F"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("CPGP-")]
    assert lines and all("Núñez" in line and " F " in line for line in lines)


def test_demo_is_refused_on_a_database_with_members(demo_template, tmp_path, capsys, monkeypatch):
    db = demo_copy(demo_template, tmp_path)
    # The demo has user accounts: without --user the command line only reads.
    assert main(["--db", db, "init", "--demo"]) == 2
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    assert main(["--db", db, "--user", "admin", "init", "--demo"]) == 2
    assert "already holds members" in capsys.readouterr().err


def test_the_environment_chooses_the_database(tmp_path, capsys, monkeypatch):
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("COOP_DESK_DB", str(db))
    assert main(["init", "--name", "Cooperativa Agraria Valle Alto"]) == 0
    assert db.exists()


def test_unreadable_database_is_an_error_in_words(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 500)
    assert main(["--db", str(bad), "members", "list"]) == 2
    err = capsys.readouterr().err
    assert "not a readable coop-desk database" in err
    assert "Traceback" not in err


def test_backup_writes_a_copy(demo_template, tmp_path, capsys):
    db = demo_copy(demo_template, tmp_path)
    target = tmp_path / "copy.sqlite"
    assert main(["--db", db, "backup", str(target)]) == 0
    capsys.readouterr()
    assert main(["--db", str(target), "members", "list"]) == 0
    assert "188 members" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["members", "--help"],
        ["members", "list", "--help"],
        ["init", "--help"],
        ["verify", "--help"],
    ],
)
def test_help_on_every_command(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    assert "usage: coop-desk" in capsys.readouterr().out


def test_demo_on_postgresql(pg_server, capsys):
    url = pg_server.create_database()
    assert main(["--db", url, "init", "--demo"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "members", "list", "--search", "Núñez Vega"]) == 0
    assert "CPGP-3784-7" in capsys.readouterr().out
    # The audit trail and its checks hold on PostgreSQL too (issue 4).
    assert main(["--db", url, "verify"]) == 0, capsys.readouterr().out
