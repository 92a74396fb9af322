"""Command line: signing in with --user, the read-only local actor, init --admin, users
commands, and tamper tests: direct sqlite3 edits of the file are named by `coop-desk verify`."""

from __future__ import annotations

import sqlite3

import pytest

from coop_desk.cli import main
from coop_desk.services import users


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(users, "SCRYPT_N", 2**10)
    monkeypatch.delenv("COOP_DESK_PASSWORD", raising=False)
    monkeypatch.delenv("COOP_DESK_NEW_PASSWORD", raising=False)


@pytest.fixture
def demo_path(demo_db):
    path = demo_db.engine.url.database
    demo_db.close()
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_verify_passes_on_the_demo(demo_path, capsys):
    code, out = run(capsys, "--db", demo_path, "verify")
    assert code == 0, out
    assert "Integrity: OK" in out


def test_an_amount_edited_with_sqlite3_is_named(demo_path, capsys):
    with sqlite3.connect(demo_path) as conn:
        conn.execute("UPDATE plot SET coffee_area_ha = coffee_area_ha + 1000000 WHERE id = 7")
    code, out = run(capsys, "--db", demo_path, "verify")
    assert code == 1
    assert "[plot 7]" in out and "coffee_area_ha" in out
    assert "Integrity: FAILED" in out


def test_a_deleted_audit_row_is_named(demo_path, capsys):
    with sqlite3.connect(demo_path) as conn:
        conn.execute("DELETE FROM audit_record WHERE id = 40")
    code, out = run(capsys, "--db", demo_path, "verify")
    assert code == 1
    assert "audit record 40 are missing" in out or "audit record 40 is missing" in out
    assert "[audit_record 41]" in out


def test_an_edited_audit_row_is_named(demo_path, capsys):
    with sqlite3.connect(demo_path) as conn:
        conn.execute("UPDATE audit_record SET username = 'someone' WHERE id = 12")
    code, out = run(capsys, "--db", demo_path, "verify")
    assert code == 1
    assert "audit record 12" in out and "altered" in out


def test_deleted_rows_are_named(demo_path, capsys):
    with sqlite3.connect(demo_path) as conn:  # foreign keys are off in a bare sqlite3 session
        conn.execute("DELETE FROM member WHERE id = 3")
        conn.execute("DELETE FROM plot WHERE id = 9")
    code, out = run(capsys, "--db", demo_path, "verify")
    assert code == 1
    assert "member 3 was deleted" in out and "plot 9 was deleted" in out


def test_a_row_inserted_behind_the_trail_is_named(demo_path, capsys):
    with sqlite3.connect(demo_path) as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('sneaky', 'yes')")
    code, out = run(capsys, "--db", demo_path, "verify")
    assert code == 1
    assert "[setting sneaky]" in out


def test_without_user_reads_work_and_writes_say_use_user(demo_path, capsys):
    code, out = run(capsys, "--db", demo_path, "members", "list")
    assert code == 0 and "188 members" in out
    code, out = run(capsys, "--db", demo_path, "init", "--name", "Other")
    assert code == 2 and "--user" in out


def test_user_and_password_from_the_environment(demo_path, capsys, monkeypatch):
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    code, out = run(capsys, "--db", demo_path, "--user", "admin", "init", "--name", "Renamed")
    assert code == 0, out
    monkeypatch.setenv("COOP_DESK_PASSWORD", "wrong")
    code, out = run(capsys, "--db", demo_path, "--user", "admin", "users", "list")
    assert code == 2 and "wrong password" in out
    code, out = run(capsys, "--db", demo_path, "audit", "log", "--table", "cooperative")
    assert code == 0 and "admin" in out and "Renamed" in out


def test_password_prompt_when_the_environment_has_none(demo_path, capsys, monkeypatch):
    prompts = []

    def fake_getpass(prompt):
        prompts.append(prompt)
        return "demo"

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    code, out = run(capsys, "--db", demo_path, "--user", "secretario", "ledger", "years")
    assert code == 0, out
    assert prompts == ["Password for secretario: "]


def test_role_is_enforced_on_the_command_line(demo_path, capsys, monkeypatch):
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    monkeypatch.setenv("COOP_DESK_NEW_PASSWORD", "a long password")
    code, out = run(
        capsys, "--db", demo_path, "--user", "auditor", "users", "add", "x", "--role", "auditor"
    )
    assert code == 2 and "may not manage users" in out
    code, out = run(
        capsys, "--db", demo_path, "--user", "admin", "users", "add", "maria", "--role", "secretary"
    )
    assert code == 0, out
    code, out = run(capsys, "--db", demo_path, "--user", "admin", "users", "deactivate", "maria")
    assert code == 0, out
    code, out = run(capsys, "--db", demo_path, "users", "list")
    assert code == 2 and "may not manage users" in out  # the accounts: administrators only
    code, out = run(capsys, "--db", demo_path, "--user", "admin", "users", "list")
    assert "maria" in out and "no" in out


def test_init_admin_on_a_fresh_database(tmp_path, capsys, monkeypatch):
    path = str(tmp_path / "fresh.sqlite")
    monkeypatch.setenv("COOP_DESK_PASSWORD", "first admin pw")
    code, out = run(capsys, "--db", path, "init", "--admin", "Rosa", "--name", "Coop")
    assert code == 0, out
    assert "Administrator rosa created" in out
    code, out = run(capsys, "--db", path, "init", "--admin", "other")
    assert code == 2
    code, out = run(capsys, "--db", path, "--user", "rosa", "users", "list")
    assert code == 0 and "Administrator" in out
    code, out = run(capsys, "--db", path, "verify")
    assert code == 0, out
