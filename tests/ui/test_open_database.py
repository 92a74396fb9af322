"""File > Open database: another SQLite file or a PostgreSQL server (password asked, never
stored) opened in the same window, and the last database opened again at start."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from coop_desk import app, paths
from coop_desk.db import Database
from coop_desk.services import cooperative, recent
from coop_desk.services.access import SYSTEM
from coop_desk.ui.dialogs import open_database
from coop_desk.ui.dialogs.open_database import OpenDatabaseDialog


def named_database(path, name: str) -> str:  # type: ignore[no-untyped-def]
    db = Database.open(path)
    with db.transaction(SYSTEM) as s:
        cooperative.save_profile(s, SYSTEM, cooperative.Profile(name=name))
    db.close()
    return str(path)


def test_the_dialog_reads_a_file_or_a_server_and_has_no_password_field(qtbot, tmp_path):
    dialog = OpenDatabaseDialog()
    qtbot.addWidget(dialog)
    assert dialog.file_choice.isChecked() and not dialog.server_box.isEnabled()
    dialog.accept()  # no file chosen
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "choose the database file" in dialog.problems.visible_messages()
    dialog.path.setText(str(tmp_path / "nowhere" / "x.sqlite"))
    dialog.accept()
    assert any("does not exist" in m for m in dialog.problems.visible_messages())
    dialog.path.setText(str(tmp_path / "office.sqlite"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.target() == str(tmp_path / "office.sqlite")

    server = OpenDatabaseDialog()
    qtbot.addWidget(server)
    server.server_choice.setChecked(True)
    assert server.server_box.isEnabled() and not server.file_box.isEnabled()
    server.accept()
    assert set(server.problems.visible_messages()) == {
        "give the server's name or address",
        "give the name of the database",
        "give the PostgreSQL user name",
    }
    qtbot.keyClicks(server.host, "192.168.1.10")
    qtbot.keyClicks(server.database, "coopdesk")
    qtbot.keyClicks(server.user, "coop")
    server.accept()
    assert server.result() == QDialog.DialogCode.Accepted
    assert server.target() == "postgresql+psycopg://coop@192.168.1.10/coopdesk"
    passwords = [
        e for e in server.findChildren(QLineEdit) if e.echoMode() != QLineEdit.EchoMode.Normal
    ]
    assert passwords == []


def test_the_dialog_starts_from_the_current_server(qtbot):
    dialog = OpenDatabaseDialog(current="postgresql+psycopg://coop@server-office:5433/coopdesk")
    qtbot.addWidget(dialog)
    assert dialog.server_choice.isChecked()
    assert (dialog.host.text(), dialog.port.value()) == ("server-office", 5433)
    assert (dialog.database.text(), dialog.user.text()) == ("coopdesk", "coop")


def test_the_file_menu_opens_the_dialogs_choice_in_the_same_window(
    qtbot, qapp, ctx, tmp_path, monkeypatch
):
    from coop_desk.ui import open_database as opening
    from coop_desk.ui.main_window import MainWindow

    other = named_database(tmp_path / "other.sqlite", "Cooperativa Otra")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    seen: list[str] = []

    def choose(dialog: OpenDatabaseDialog) -> int:
        seen.append(dialog.path.text())  # the dialog starts from the database in use
        dialog.path.setText(other)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(OpenDatabaseDialog, "exec", choose)
    first = ctx.db.target
    assert window.open_database()
    assert seen == [first]
    assert window.ctx.db.target == other
    assert "Cooperativa Otra" in window.windowTitle() and "other.sqlite" in window.windowTitle()
    assert recent.recent()[0] == tmp_path.joinpath("other.sqlite").resolve()
    # A server in the list is offered by its address, and opened through the same path.
    recent.remember("postgresql+psycopg://coop:s3cret@192.168.1.10/coopdesk")
    window.fill_recent_menu()
    [server] = [a for a in window.recent_menu.actions() if "192.168.1.10" in a.text()]
    assert "s3cret" not in server.text() + str(server.data())
    asked: list[object] = []
    monkeypatch.setattr(opening, "_open", lambda _w, target: asked.append(target) or 1 / 0)
    monkeypatch.setattr(opening, "show_error", lambda *_a: None)
    server.trigger()
    assert asked == ["postgresql+psycopg://coop@192.168.1.10/coopdesk"]
    assert window.ctx.db.target == other  # it could not be opened: nothing changed
    window.close()


def test_the_last_database_opens_at_start_only_when_it_is_there(tmp_path):
    assert app.last_database() is None
    here = named_database(tmp_path / "here.sqlite", "Cooperativa")
    recent.remember(tmp_path / "here.sqlite")
    assert app.last_database() == here
    recent.remember("postgresql+psycopg://coop@192.168.1.10/coopdesk")
    assert app.last_database() == "postgresql+psycopg://coop@192.168.1.10/coopdesk"
    gone = named_database(tmp_path / "usb.sqlite", "Cooperativa")
    recent.remember(tmp_path / "usb.sqlite")
    (tmp_path / "usb.sqlite").unlink()
    assert gone and app.last_database() is None  # the default file, never a new empty one


@pytest.mark.postgres
def test_a_server_asks_for_its_password_in_a_dialog_and_keeps_it_nowhere(
    qtbot, qapp, pg_server, monkeypatch, tmp_path
):
    if getattr(pg_server, "_external", None):
        pytest.skip("needs the test server started here")
    for name in ("PGPASSWORD", "PGPASSFILE", "PGSERVICEFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    url, password = pg_server.password_database()
    asked: list[tuple[str, bool]] = []

    def fake_dialog(parent, where: str, retry: bool) -> str | None:  # type: ignore[no-untyped-def]
        asked.append((where, retry))
        return password

    monkeypatch.setattr(open_database, "password_dialog", fake_dialog)
    db = app.open_database(url)
    assert db is not None
    try:
        assert len(asked) == 1 and not asked[0][1]
        recent.remember(db.target)
        stored = (paths.data_dir() / recent.FILE_NAME).read_text(encoding="utf-8")
        assert password not in stored
        assert json.loads(stored)["databases"] == [
            url.replace("postgresql://", "postgresql+psycopg://")
        ]
    finally:
        db.close()
