"""File > Open database: another SQLite file or a PostgreSQL server (password asked, never
stored), recent databases remembered in QSettings, and the window switching databases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from coop_desk import app
from coop_desk.db import Database
from coop_desk.services import cooperative
from coop_desk.services.access import SYSTEM
from coop_desk.ui.dialogs import open_database
from coop_desk.ui.dialogs.open_database import OpenDatabaseDialog
from coop_desk.ui.recent import (
    MAX_RECENT,
    describe,
    last_database,
    recent_databases,
    remember_database,
)


@pytest.fixture(autouse=True)
def _no_recent_databases(qapp):  # type: ignore[no-untyped-def]
    """Qt keeps one settings file per process: start each test with an empty list."""
    QSettings().remove("database")
    yield
    QSettings().remove("database")


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


def test_recent_databases_newest_first_once_each_never_a_password(qapp, tmp_path):
    assert recent_databases() == [] and last_database() is None
    remember_database(str(tmp_path / "a.sqlite"))
    remember_database("postgresql://coop:s3cret@192.168.1.10/coopdesk")
    remember_database(str(tmp_path / "a.sqlite"))
    assert recent_databases() == [
        str(tmp_path / "a.sqlite"),
        "postgresql+psycopg://coop@192.168.1.10/coopdesk",
    ]
    assert describe(recent_databases()[1]) == "coop@192.168.1.10/coopdesk"
    for i in range(MAX_RECENT + 3):
        remember_database(str(tmp_path / f"{i}.sqlite"))
    assert len(recent_databases()) == MAX_RECENT
    assert last_database() == str(tmp_path / f"{MAX_RECENT + 2}.sqlite")
    QSettings().sync()
    assert "s3cret" not in open(QSettings().fileName(), encoding="utf-8").read()


def test_open_database_in_the_file_menu_and_the_recent_list(qtbot, qapp, ctx, tmp_path):
    from coop_desk.ui.main_window import MainWindow

    other = named_database(tmp_path / "other.sqlite", "Cooperativa Otra")
    remember_database(ctx.db.target)
    remember_database(other)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.fill_recent_menu()
    actions = window.recent_menu.actions()
    assert [a.data() for a in actions] == [other, ctx.db.target]
    assert [a.isChecked() for a in actions] == [False, True]
    with qtbot.waitSignal(window.open_requested) as requested:
        actions[0].trigger()
    assert requested.args == [other]

    dialog = window.open_database()
    assert isinstance(dialog, OpenDatabaseDialog)
    assert dialog.path.text() == ctx.db.target  # starts from the database in use
    dialog.path.setText(other)
    with qtbot.waitSignal(window.open_requested) as requested:
        dialog.buttons.button(dialog.buttons.StandardButton.Open).click()
    assert requested.args == [other]


def test_switching_replaces_the_window_and_remembers_the_database(qtbot, qapp, ctx, tmp_path):
    other = named_database(tmp_path / "other.sqlite", "Cooperativa Otra")
    first = app.start_window(ctx.db)
    assert first is not None
    qtbot.addWidget(first)
    assert "Cooperativa de Prueba" in first.windowTitle()
    second = app.switch_database(first, other)
    assert second is not None
    qtbot.addWidget(second)
    assert "Cooperativa Otra" in second.windowTitle()
    assert not first.isVisible()
    assert last_database() == other
    assert recent_databases()[1] == ctx.db.target
    # A database that cannot be opened: the message, and the window stays as it was.
    seen: list[str] = []
    monkey_exec = QMessageBox.exec
    QMessageBox.exec = lambda self: seen.append(self.text()) or 0  # type: ignore[method-assign]
    try:
        assert app.switch_database(second, str(tmp_path / "missing" / "x.sqlite")) is None
    finally:
        QMessageBox.exec = monkey_exec  # type: ignore[method-assign]
    assert seen and "does not exist" in seen[0]
    assert second.isVisible() and second.ctx.db.target == other
    second.close()
    second.ctx.db.close()


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
        remember_database(db.target)
        QSettings().sync()
        assert password not in open(QSettings().fileName(), encoding="utf-8").read()
        assert recent_databases() == [url.replace("postgresql://", "postgresql+psycopg://")]
    finally:
        db.close()
