"""The start (issue 14): the main window is on screen, opening, before the database layer is
imported and the database opened; the user signs in over it; giving up closes it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from shiboken6 import isValid

from coop_desk import app
from coop_desk.ui.dialogs.login import LoginDialog
from coop_desk.ui.main_window import MainWindow
from tests.conftest import python_output

DATABASE_LAYER = ("sqlalchemy", "coop_desk.models", "coop_desk.db", "openpyxl", "alembic")


def _enabled(window: MainWindow) -> list[bool]:
    return [
        bool(window.sidebar.item(row).flags() & Qt.ItemFlag.ItemIsEnabled)
        for row in range(window.sidebar.count())
    ]


def test_the_launcher_and_the_window_import_nothing_of_the_database_layer():
    """So the window can be on screen before SQLAlchemy and the tables are imported: a
    module-level import of the database layer here would silently slow the start again."""
    script = f"""
import sys
import coop_desk.app, coop_desk.ui.main_window
print([m for m in sys.modules if m.startswith({DATABASE_LAYER!r})])
"""
    assert python_output(script) == "[]"


def test_the_opening_window_gets_its_database_on_attach(qtbot, demo_ctx):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    assert not window.is_open
    assert window.windowTitle() == "coop-desk"
    assert window.stack.currentWidget() is window.opening_label
    assert window.opening_label.text() == "Opening the database…"
    titles = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    # Clickable while opening: the section chosen is the one shown once open (test below)
    assert "Members" in titles and all(_enabled(window))
    assert [a.text() for a in window.menuBar().actions()] == ["&File"]  # File > Quit only
    window.attach(demo_ctx)
    assert window.is_open and all(_enabled(window))
    home = window.current_page()
    assert home is not None and home.key == "home"
    assert window.stack.indexOf(window.opening_label) == -1
    assert "&Edit" in [a.text() for a in window.menuBar().actions()]
    assert "coop-desk" in window.windowTitle() and window.windowTitle() != "coop-desk"
    qtbot.waitUntil(lambda: not home._stale)  # its data, once the frame showing it is painted
    window.show_page("members")
    assert window.current_page() is window.page("members")


def _run_signing_in(monkeypatch, path: str, accept: bool) -> dict[str, Any]:
    """``app.run`` on ``path``, noting what the window showed when the database was opened,
    signing in as the demo administrator (or cancelling), and, in place of the event loop,
    what the window shows then (before closing it)."""
    seen: dict[str, Any] = {}
    real_open = app.open_database

    def opening(target, parent=None):  # type: ignore[no-untyped-def]
        assert isinstance(parent, MainWindow)
        seen["window"] = parent
        seen["opening"] = (
            parent.isVisible(),
            parent.painted,
            parent.is_open,
            parent.stack.currentWidget() is parent.opening_label,
            any(_enabled(parent)),
        )
        return real_open(target, parent)

    def sign_in(dialog):  # type: ignore[no-untyped-def]
        seen["login_parent"] = dialog.parentWidget()
        if not accept:
            return QDialog.DialogCode.Rejected
        dialog.username.setText("admin")
        dialog.password.setText("demo")
        return QDialog.DialogCode.Accepted if dialog.try_sign_in() else QDialog.DialogCode.Rejected

    def event_loop(_app):  # type: ignore[no-untyped-def]
        window = seen["window"]
        page = window.current_page()
        seen["running"] = (
            window.is_open,
            all(_enabled(window)),
            page.key if page is not None else None,
            window.ctx.actor.username,
            window.auto_backup is not None,
        )
        window.close()
        return 0

    monkeypatch.setattr(app, "open_database", opening)
    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    seen["status"] = app.run(path)
    return seen


def test_the_window_is_shown_opening_then_its_sections_after_sign_in(qtbot, demo_db, monkeypatch):
    path = str(demo_db.engine.url.database)
    demo_db.close()
    seen = _run_signing_in(monkeypatch, path, accept=True)
    # On screen and painted before the database was opened, its sections clickable.
    assert seen["opening"] == (True, True, False, True, True)
    assert seen["login_parent"] is seen["window"]  # the login over the window
    # Signed in: the same window has its database, its sections and its start page.
    assert seen["running"] == (True, True, "home", "admin", True)
    assert seen["status"] == 0


def test_cancelling_the_sign_in_closes_the_window_and_exits(qtbot, demo_db, monkeypatch):
    path = str(demo_db.engine.url.database)
    demo_db.close()
    seen = _run_signing_in(monkeypatch, path, accept=False)
    assert seen["opening"][0]  # the window was up
    assert "running" not in seen  # no event loop: the program ends
    assert seen["status"] == 0
    window = seen["window"]
    assert not isValid(window) or not window.isVisible()


def test_a_database_that_cannot_be_opened_is_said_over_the_window(qtbot, tmp_path, monkeypatch):
    import sqlite3

    from coop_desk.db import Database

    path = tmp_path / "future.sqlite"
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    shown: list[tuple[str, bool, list[str]]] = []
    windows: list[MainWindow] = []

    def box_exec(box):  # type: ignore[no-untyped-def]
        parent = box.parentWidget()
        over_the_opening_window = isinstance(parent, MainWindow) and not parent.is_open
        if isinstance(parent, MainWindow):
            windows.append(parent)
        shown.append((box.text(), over_the_opening_window, [b.text() for b in box.buttons()]))
        return 0  # closed: the user gives up

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QApplication, "exec", lambda _app: pytest.fail("no event loop"))
    assert app.run(str(path)) == 1
    ((text, over_the_opening_window, buttons),) = shown
    assert "newer version" in text and over_the_opening_window
    assert "Open another database…" in buttons
    (window,) = windows
    assert not isValid(window) or not window.isVisible()  # the program ends: its window goes


def test_a_section_chosen_while_opening_is_the_one_shown(qtbot, demo_ctx):
    window = MainWindow()
    qtbot.addWidget(window)
    keys = [spec.key for spec in window.specs]
    window.sidebar.setCurrentRow(keys.index("members"))
    assert window.stack.currentWidget() is window.opening_label  # nothing to show yet
    window.attach(demo_ctx)
    assert window.current_page() is window.page("members")
    assert [page.key for page in window.pages] == ["members"]  # the home page was not built
