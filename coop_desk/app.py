"""Starting the desktop application: Qt set-up, opening the database, first run, main window."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

# The Qt-free core before PySide6: PySide6's import hook reads the source of every module
# imported after it (DIAGNOSIS.md of issue 14), which made the start slower.
from coop_desk import paths
from coop_desk.db import Database
from coop_desk.errors import DatabaseError
from coop_desk.services import cooperative, members, users  # noqa: F401 - see above

# isort: split
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from coop_desk.ui.language import install_translations

if TYPE_CHECKING:
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("coop-desk")
    QCoreApplication.setApplicationName("coop-desk")
    install_translations(app)
    return app


def open_database(target: str | None, parent: QWidget | None = None) -> Database | None:
    """Open the database (asking for a server's password when it wants one), offering another
    one when it cannot be opened. ``None``: the user gave up."""
    from coop_desk.ui.dialogs.open_database import OpenDatabaseDialog, password_prompt

    while True:
        try:
            return Database.open(target, ask_password=password_prompt(parent))
        except DatabaseError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("app", "Cannot open the database"),
                str(exc),
                parent=parent,
            )
            other = box.addButton(
                QCoreApplication.translate("app", "Open another database…"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is not other:
                return None
            dialog = OpenDatabaseDialog(parent, current=target)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            target = dialog.target()


def sign_in_if_needed(ctx: AppContext, username: str | None = None) -> bool:
    """Show the login dialog when the database has accounts and nobody is signed in; then,
    if an administrator reset the password, ask for a new one. False: the user gave up."""
    from coop_desk.ui.dialogs.change_password import ChangePasswordDialog
    from coop_desk.ui.dialogs.login import LoginDialog

    if ctx.actor.user_id is not None or not ctx.read(lambda s, a: users.has_users(s)):
        return True
    login = LoginDialog(ctx, username)
    if login.exec() != LoginDialog.DialogCode.Accepted:
        return False
    if login.must_change_password:
        ChangePasswordDialog(ctx, forced=True).exec()
    return True


# The open main window(s): kept here so that Python does not collect them.
_WINDOWS: list[MainWindow] = []


def start_window(db: Database, username: str | None = None) -> MainWindow | None:
    """Sign in, run the first-run choices if the database is empty, and show the main window
    on ``db``. ``None`` (and ``db`` closed): the user gave up."""
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.dialogs.first_run import FirstRunDialog, needs_first_run
    from coop_desk.ui.main_window import MainWindow
    from coop_desk.ui.recent import remember_database

    ctx = AppContext(db)
    # With accounts, nobody gets past this point unsigned: sign in first (so that even the
    # first-run choices are made by a signed-in user), and again after the demo created its
    # accounts.
    if (
        not sign_in_if_needed(ctx, username)
        or (needs_first_run(ctx) and FirstRunDialog(ctx).exec() != QDialog.DialogCode.Accepted)
        or not sign_in_if_needed(ctx, username)
    ):
        db.close()
        return None
    remember_database(db.target)
    window = MainWindow(ctx)
    window.open_requested.connect(lambda target: switch_database(window, target))
    _WINDOWS.append(window)
    window.show()
    return window


def switch_database(window: MainWindow, target: str) -> MainWindow | None:
    """File > Open database / Recent: a new window on ``target`` replaces ``window``. When it
    cannot be opened, or the user gives up signing in, ``window`` stays as it was."""
    db = open_database(target, window)
    if db is None:
        return None
    replacement = start_window(db)
    if replacement is None:
        return None
    replacement.setGeometry(window.geometry())
    old_db = window.ctx.db
    window.close()
    if window in _WINDOWS:
        _WINDOWS.remove(window)
    window.deleteLater()
    old_db.close()
    return replacement


def run(db_target: str | None = None, username: str | None = None) -> int:
    from coop_desk.ui.workers import collecting_on_the_gui_thread

    app = make_application()
    with collecting_on_the_gui_thread(app):
        return _run(app, db_target, username)


def _run(app: QApplication, db_target: str | None, username: str | None) -> int:
    from coop_desk.ui.errors import install_excepthook
    from coop_desk.ui.recent import last_database

    install_excepthook()
    if db_target is None and not os.environ.get(paths.ENV_DB):
        db_target = last_database()  # the database this PC used last (None: the default file)
    db = open_database(db_target)
    if db is None:
        return 1
    if start_window(db, username) is None:
        return 0
    status = app.exec()
    for window in _WINDOWS:
        window.ctx.db.close()
    _WINDOWS.clear()
    return int(status)
