"""File > Open database… and File > Recent databases: another database in the running window.

The list is ``services.recent`` (shared with ``coop-desk recent``). Opening another database
follows the restore's model (``backup_actions``): nothing of the current one is touched until
the new one is open and someone signed in to it. The new file is checked first (a coop-desk
database, never another program's SQLite file, which opening would change), opened (and
upgraded) off the GUI thread, then signed in to (its own accounts; its first-run questions
when it has no cooperative yet). Only then is the current database backed up as on exit, let
go of (every page load finished), and replaced; every page reloads. Giving up at any step
leaves the current database open and its user signed in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from coop_desk import paths
from coop_desk.db import Database, resolve_url, sqlite_path
from coop_desk.errors import DatabaseError
from coop_desk.services import recent
from coop_desk.services.access import LOCAL, SYSTEM
from coop_desk.ui import backup_actions
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import show_error
from coop_desk.ui.workers import Cancelled, run_with_progress

if TYPE_CHECKING:
    from coop_desk.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("open_database", text)


def current_file(ctx: AppContext) -> Path | None:
    """The open database's file; None for a server (or an in-memory) database."""
    if not ctx.db.is_sqlite:
        return None
    try:
        return sqlite_path(ctx.db.engine).resolve()
    except DatabaseError:
        return None


def remember_current(ctx: AppContext) -> None:
    """Put the open database first in the recent list (a file only; never a server URL)."""
    path = current_file(ctx)
    if path is not None:
        recent.remember(path)


def choose_database(parent: QWidget | None, ctx: AppContext) -> Path | None:
    """The file dialog (tests replace this); starts in the current database's folder."""
    here = current_file(ctx)
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        tr("Open a coop-desk database"),
        str(here.parent if here is not None else paths.data_dir()),
        tr("coop-desk database (*.sqlite);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def _sign_in(parent: QWidget | None, ctx: AppContext) -> bool:
    """Sign in to the new database; a new one answers its first-run questions first."""
    from coop_desk.ui.dialogs.first_run import FirstRunDialog, needs_first_run

    if not backup_actions.sign_in_again(parent, ctx):
        return False
    if needs_first_run(ctx):
        if FirstRunDialog(ctx, parent).exec() != QDialog.DialogCode.Accepted:
            return False
        if not backup_actions.sign_in_again(parent, ctx):  # the demo brought its accounts
            return False
    return True


def open_database(window: MainWindow, path: Path | None = None) -> bool:
    """Open ``path`` (asked for when None) in ``window`` instead of the current database.
    True when the window now shows the new database."""
    ctx = window.ctx
    path = path if path is not None else choose_database(window, ctx)
    if path is None:
        return False
    try:
        path = recent.check_openable(path)
    except Exception as exc:  # noqa: BLE001 - shown in words; the current database stays
        show_error(window, exc, tr("Cannot open the database"))
        return False
    if path == current_file(ctx):
        return False
    try:
        # A database of an older version is upgraded (after a copy of it): off the GUI thread.
        db = run_with_progress(
            window, tr("Opening the database"), lambda _p: Database.open(resolve_url(str(path)))
        )
    except Cancelled:
        return False
    except Exception as exc:  # noqa: BLE001 - shown in words; the current database stays
        show_error(window, exc, tr("Cannot open the database"))
        return False
    # The signed-in user of the current database means nothing in another: its own accounts
    # sign in (a database without accounts: the local system acts, as at start).
    trial = AppContext(db, LOCAL if _has_users(db) else SYSTEM)
    if not _sign_in(window, trial):
        db.close()
        return False
    if window.auto_backup is not None:
        window.auto_backup.on_exit(window)  # the one we leave is backed up, as on exit
    QThreadPool.globalInstance().waitForDone()  # no page load may hold the old database
    QCoreApplication.processEvents()  # their results arrive now, before the pages go stale
    previous = ctx.db
    ctx.db = db
    previous.close()
    recent.remember(path)
    ctx.set_actor(trial.actor)
    ctx.notify("*")
    return True


def _has_users(db: Database) -> bool:
    from coop_desk.services import users

    with db.reading(SYSTEM) as session:
        return bool(users.has_users(session))


def fill_recent_menu(menu: QMenu, window: MainWindow) -> None:
    """The recent databases other than the open one; a file not found is shown, disabled."""
    menu.clear()
    here = current_file(window.ctx)
    shown = [p for p in recent.recent() if p != here]
    for number, path in enumerate(shown, start=1):
        found = path.is_file()
        text = f"&{number} {path.name}  ({path.parent})"
        if not found:
            text += "  " + tr("(not found)")
        action = QAction(text, menu)
        action.setData(str(path))
        action.setToolTip(str(path))
        action.setEnabled(found)
        action.triggered.connect(lambda _c=False, p=path: open_database(window, p))
        menu.addAction(action)
    if not shown:
        empty = QAction(tr("No other database opened yet"), menu)
        empty.setEnabled(False)
        menu.addAction(empty)
        return
    menu.addSeparator()
    clear = QAction(tr("&Clear the list"), menu)
    clear.triggered.connect(lambda: _clear(window))
    menu.addAction(clear)


def _clear(window: MainWindow) -> None:
    recent.clear()
    remember_current(window.ctx)  # the open database stays known
