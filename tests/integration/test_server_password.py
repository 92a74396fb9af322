"""The PostgreSQL password is never on a command line nor stored: asked for, or found by libpq
in PostgreSQL's own password file or service file (a real server that requires one)."""

from __future__ import annotations

import getpass
import os

import pytest

from coop_desk.cli import main
from coop_desk.db import Database, has_password, without_password
from coop_desk.errors import DatabaseError

pytestmark = pytest.mark.postgres


@pytest.fixture
def locked(pg_server):  # type: ignore[no-untyped-def]
    """(URL without password, password) of a database whose role needs a password."""
    if getattr(pg_server, "_external", None):
        pytest.skip("needs the test server started here (its pg_hba.conf is edited)")
    return pg_server.password_database()


@pytest.fixture(autouse=True)
def _no_password_files(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """libpq must find no password of the developer's own: an empty HOME and no PG* vars."""
    for name in ("PGPASSWORD", "PGPASSFILE", "PGSERVICE", "PGSERVICEFILE", "PGSYSCONFDIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def test_a_url_without_password_asks_for_it_and_retries_a_wrong_one(locked):
    url, password = locked
    asked: list[tuple[str, bool]] = []
    answers = iter(["wrong", password])

    def ask(where: str, retry: bool) -> str | None:
        asked.append((where, retry))
        return next(answers)

    db = Database.open(url, ask_password=ask)
    try:
        role = url.rsplit("/", 1)[1]
        assert asked == [(f"{role}@127.0.0.1:{url.split(':')[2].split('/')[0]}/{role}", False)] + [
            (asked[0][0], True)
        ]
        with db.reading() as session:
            assert session.connection().exec_driver_sql("SELECT current_user").scalar() == role
        # Nothing that is shown or remembered carries the password.
        assert password not in db.url and password not in db.target
        assert db.engine.url.password is None
        assert db.target == url.replace("postgresql://", "postgresql+psycopg://")
    finally:
        db.close()


def test_without_a_prompt_the_refusal_is_explained_in_words(locked):
    url, _password = locked
    with pytest.raises(DatabaseError) as caught:
        Database.open(url)
    assert "asks for a password" in str(caught.value)
    assert "pgpass" in str(caught.value)


def test_giving_up_at_the_prompt_opens_nothing(locked):
    url, _password = locked
    with pytest.raises(DatabaseError, match="No password was given"):
        Database.open(url, ask_password=lambda where, retry: None)


def test_the_password_file_is_honoured_without_asking(locked, tmp_path, monkeypatch):
    url, password = locked
    role = url.rsplit("/", 1)[1]
    port = url.split(":")[2].split("/")[0]
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{port}:{role}:{role}:{password}\n")
    os.chmod(pgpass, 0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))

    def must_not_ask(where: str, retry: bool) -> str | None:
        raise AssertionError("the password file holds the password")

    Database.open(url, ask_password=must_not_ask).close()


def test_a_service_file_names_the_server(locked, tmp_path, monkeypatch):
    url, password = locked
    role = url.rsplit("/", 1)[1]
    port = url.split(":")[2].split("/")[0]
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[coop]\nhost=127.0.0.1\nport={port}\ndbname={role}\nuser={role}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    asked: list[str] = []

    def ask(where: str, retry: bool) -> str:
        asked.append(where)
        return password

    db = Database.open("postgresql:///?service=coop", ask_password=ask)
    try:
        assert asked == ["service coop"]
        with db.reading() as session:
            assert session.connection().exec_driver_sql("SELECT current_user").scalar() == role
    finally:
        db.close()


def test_the_command_line_asks_without_echo_and_warns_about_a_password_in_the_url(
    locked, monkeypatch, capsys
):
    url, password = locked
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return password

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    assert main(["--db", url, "init", "--name", "Cooperativa"]) == 0
    captured = capsys.readouterr()
    assert len(prompts) == 1 and "Password for the database" in prompts[0]
    assert password not in captured.out + captured.err
    assert "warning" not in captured.err

    with_password = url.replace("@", f":{password}@", 1)
    assert has_password(with_password) and not has_password(url)
    assert password not in without_password(with_password)
    assert main(["--db", with_password, "members", "list"]) == 0
    err = capsys.readouterr().err
    assert "visible to every program" in err and password not in err


def test_the_command_line_without_a_terminal_says_what_to_do(locked, monkeypatch, capsys):
    url, _password = locked

    def no_terminal(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", no_terminal)
    assert main(["--db", url, "members", "list"]) == 2
    err = capsys.readouterr().err
    assert "No password was given" in err and "Traceback" not in err
