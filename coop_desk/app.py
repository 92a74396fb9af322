"""Starting the desktop application: Qt set-up, the main window, then the database.

The main window is shown first, in its opening state, before anything of the database layer
(SQLAlchemy, the tables, the services) is imported; once its first frame is on screen the
database is opened, the user signs in (over the window), a new database answers its first-run
questions, and the window gets the database (``MainWindow.attach``). Nothing of the database
layer may be imported by this module or ``ui.main_window`` at import time: a test checks it
(issue 14).
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

# isort: split
# Before anything else is imported: garbage collection paused until the imports below are
# done, and PySide6's import hook made cheap (DIAGNOSIS.md of issue 14).
from coop_desk.ui import quick_start

# isort: split
from coop_desk import paths
from coop_desk.errors import DatabaseError
from coop_desk.ui.language import install_translations

if TYPE_CHECKING:
    from coop_desk.db import Database
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.main_window import MainWindow

quick_start.imports_done()
log = logging.getLogger(__name__)
FIRST_FRAME_WAIT_MS = 1000
# The Qt-free modules opening the database and the window's first sections need (SQLAlchemy,
# the tables, the services): imported in a pool thread once the window is on screen.
DATABASE_LAYER = (
    "coop_desk.db",
    "coop_desk.services.recent",
    "coop_desk.services.users",
    "coop_desk.services.cooperative",
    "coop_desk.services.audit_words",
    "coop_desk.services.changes",
    "coop_desk.services.backup",
    "sqlalchemy.dialects.sqlite",  # a file's (the usual database), loaded when it is opened
)


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
    from coop_desk.db import Database
    from coop_desk.ui.dialogs.open_database import password_prompt

    chosen: str | None = target
    while True:
        try:
            return Database.open(chosen, ask_password=password_prompt(parent))
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
            chosen = choose_database(parent, chosen)
            if chosen is None:
                return None


def choose_database(parent: QWidget | None, current: str | None) -> str | None:
    """The Open database dialog until it names a database coop-desk may open: a server, or
    a coop-desk file (never another program's SQLite file, which opening would change).
    ``None``: cancelled."""
    from coop_desk.services import recent
    from coop_desk.ui.dialogs.open_database import OpenDatabaseDialog

    while True:
        dialog = OpenDatabaseDialog(parent, current=current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        target = dialog.target()
        if "://" in target:
            return target
        try:
            return str(recent.check_openable(Path(target)))
        except DatabaseError as exc:
            QMessageBox.critical(
                parent, QCoreApplication.translate("app", "Cannot open the database"), str(exc)
            )
            current = target


def warn_if_damaged(db: Database, parent: QWidget | None = None) -> None:
    """A database changed outside coop-desk (a table dropped, a trigger planted) opens to be
    read and verified only: say so before anything else."""
    if db.schema_problems:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("app", "The database was changed outside coop-desk"),
            db.damage_message(),
        )


def sign_in_if_needed(
    ctx: AppContext, username: str | None = None, parent: QWidget | None = None
) -> bool:
    """Show the login dialog when the database has accounts and nobody is signed in; then,
    if an administrator reset the password, ask for a new one. False: the user gave up."""
    from coop_desk.services import users
    from coop_desk.ui.dialogs.change_password import ChangePasswordDialog
    from coop_desk.ui.dialogs.login import LoginDialog

    if ctx.actor.user_id is not None or not ctx.read(lambda s, a: users.has_users(s)):
        return True
    login = LoginDialog(ctx, username, parent)
    if login.exec() != LoginDialog.DialogCode.Accepted:
        return False
    if login.must_change_password:
        ChangePasswordDialog(ctx, parent, forced=True).exec()
    return True


def last_database() -> str | None:
    """The database this PC opened last (``services.recent``), when it can be opened again: a
    server, or a coop-desk file that is still there (never a new file where one was)."""
    from coop_desk.services import recent

    item = recent.last()
    if isinstance(item, str):
        return item
    if item is None:
        return None
    try:
        return str(recent.check_openable(item))
    except DatabaseError:
        return None  # the USB disk is not plugged in today: the default file


def run(db_target: str | None = None, username: str | None = None) -> int:
    from coop_desk.ui.workers import collecting_on_the_gui_thread

    app = make_application()
    with collecting_on_the_gui_thread(app):
        return _run(app, db_target, username)


def _run(app: QApplication, db_target: str | None, username: str | None) -> int:
    from coop_desk.ui.errors import install_error_log, install_excepthook
    from coop_desk.ui.main_window import MainWindow
    from coop_desk.ui.workers import start_in_background

    install_error_log()
    install_excepthook()
    # The window first, opening (issue 14); the database once its first frame is on screen.
    # The database layer is imported in a pool thread meanwhile (the window stays responsive):
    # started before the window is made, it shares the interpreter with the window's making
    # (the window ~20 ms later) and is ready ~40 ms sooner for the first rows.
    database_layer = start_in_background(prepare_database_layer)
    window = MainWindow()
    window.show()
    wait_for_first_frame(window)
    outcome = open_and_sign_in(window, database_layer, db_target, username)
    if isinstance(outcome, int):
        # The user gave up (or no database could be opened): the window goes, nothing kept.
        window.close()
        window.deleteLater()
        return outcome
    from coop_desk.ui.backup_actions import AutoBackup

    window.attach(outcome)
    # Backups without thinking: daily while the program runs, and when it closes.
    window.auto_backup = AutoBackup(outcome, window)
    status = app.exec()
    window.ctx.db.close()  # File > Open database may have replaced the one opened here
    return int(status)


def prepare_database_layer() -> None:
    """(A pool thread.) Import the database layer (``DATABASE_LAYER``, nothing of Qt), set up
    the table mappings (the first query's work otherwise) and read the language's number
    symbols (the first figure shown's)."""
    from sqlalchemy.orm import configure_mappers

    from coop_desk.i18n import formats

    for name in DATABASE_LAYER:
        importlib.import_module(name)
    configure_mappers()
    formats.amount(Decimal(0))
    # What was just imported stays for the program's life: the garbage collector (paused
    # meanwhile, see ``quick_start``) need not walk it again at every collection.
    gc.freeze()


def wait_for_first_frame(window: MainWindow) -> None:
    """Let the event loop run until the window's first frame is on screen; a window that is
    not painted (started minimized) holds the start back a second at most."""
    if window.painted:
        return
    loop = QEventLoop()
    window.first_frame_painted.connect(loop.quit)
    QTimer.singleShot(FIRST_FRAME_WAIT_MS, loop.quit)
    loop.exec()


def open_and_sign_in(
    window: MainWindow,
    database_layer: Callable[[], None],
    db_target: str | None,
    username: str | None,
) -> AppContext | int:
    """Over the opening window: open the database, sign in, answer a new database's first-run
    questions. The context for ``window.attach``, or the exit status when the user gives up:
    1 when no database could be opened, 0 when sign-in or first run was cancelled."""
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.dialogs.first_run import FirstRunDialog, needs_first_run
    from coop_desk.ui.open_database import remember_current

    database_layer()  # waits until it is imported, the window responsive meanwhile
    if not window.isVisible():
        return 0  # closed while it was opening
    if db_target is None and not os.environ.get(paths.ENV_DB):
        db_target = last_database()  # the database this PC used last (None: the default file)
    db = open_database(db_target, window)
    if db is None:
        return 1
    warn_if_damaged(db, window)
    ctx = AppContext(db)
    remember_current(ctx)  # File > Recent databases
    # With accounts, nobody gets past this point unsigned: sign in first (so that even the
    # first-run choices are made by a signed-in user), and again after the demo created its
    # accounts.
    if not sign_in_if_needed(ctx, username, window):
        db.close()
        return 0
    if (
        needs_first_run(ctx)
        and FirstRunDialog(ctx, window).exec() != FirstRunDialog.DialogCode.Accepted
    ):
        db.close()
        return 0
    if not sign_in_if_needed(ctx, username, window):
        db.close()
        return 0
    return ctx
