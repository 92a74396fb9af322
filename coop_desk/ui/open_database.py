"""File > Open database… and File > Recent databases: another database in the running window.

The database is a SQLite file or a PostgreSQL server's database, chosen in
``ui.dialogs.open_database.OpenDatabaseDialog`` or from the list, ``services.recent`` (shared
with ``coop-desk recent``; a server is listed by its URL, never with a password). Opening
another database follows the restore's model (``backup_actions``): nothing of the current one
is touched until the new one is open and someone signed in to it. A file is checked first (a
coop-desk database, never another program's SQLite file, which opening would change) and
opened (and upgraded) off the GUI thread; a server is opened on the GUI thread, which asks for
its password when libpq finds none. Then the new database is signed in to (its own accounts;
its first-run questions when it has no cooperative yet). Only then is the current database
backed up as on exit, let go of (every page load finished, the change watcher stopped), and
replaced; every page reloads. Giving up at any step leaves the current database open and its
user signed in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from coop_desk.db import Database, resolve_url, server_label, sqlite_path
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


def current_entry(ctx: AppContext) -> recent.Entry | None:
    """The open database as the recent list names it (a file, or a server's URL)."""
    here = current_file(ctx)
    if here is not None:
        return here
    return None if ctx.db.is_sqlite else recent.entry(ctx.db.target)


def place(ctx: AppContext) -> str:
    """Where the open database is, for the window's title: the file's name, or the server's."""
    here = current_file(ctx)
    if here is not None:
        return here.name
    return "" if ctx.db.is_sqlite else server_label(ctx.db.target)


def remember_current(ctx: AppContext) -> None:
    """Put the open database first in the recent list (a server by its URL, no password)."""
    entry = current_entry(ctx)
    if entry is not None:
        recent.remember(entry)


def choose_database(parent: QWidget | None, ctx: AppContext) -> recent.Entry | None:
    """The Open database dialog (tests replace this), on the current database."""
    from coop_desk.ui.dialogs.open_database import OpenDatabaseDialog

    here = current_entry(ctx)
    dialog = OpenDatabaseDialog(parent, current=str(here) if here is not None else None)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return recent.entry(dialog.target())


def _open(window: MainWindow, target: recent.Entry) -> Database:
    """Open ``target``: a file off the GUI thread (an upgrade takes time), a server on it (its
    password may have to be asked for)."""
    from coop_desk.ui.dialogs.open_database import password_prompt

    if isinstance(target, Path):
        path = target
        return run_with_progress(
            window, tr("Opening the database"), lambda _p: Database.open(resolve_url(str(path)))
        )
    return Database.open(target, ask_password=password_prompt(window))


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


def open_database(window: MainWindow, target: Path | str | None = None) -> bool:
    """Open ``target`` (a file, or a server's URL without a password; asked for when None) in
    ``window`` instead of the current database. True when the window now shows it."""
    ctx = window.ctx
    chosen = recent.entry(target) if target is not None else choose_database(window, ctx)
    if chosen is None:
        return False
    try:
        if isinstance(chosen, Path):
            chosen = recent.check_openable(chosen)
    except Exception as exc:  # noqa: BLE001 - shown in words; the current database stays
        show_error(window, exc, tr("Cannot open the database"))
        return False
    if chosen == current_entry(ctx):
        return False
    try:
        db = _open(window, chosen)
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
    window.watcher.stop()  # it listens to (or polls) the database we leave
    previous = ctx.db
    ctx.db = db
    previous.close()
    window.watcher.start()
    recent.remember(chosen)
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
    here = current_entry(window.ctx)
    shown = [p for p in recent.recent() if p != here]
    for number, item in enumerate(shown, start=1):
        if isinstance(item, Path):
            found = item.is_file()
            text = f"&{number} {item.name}  ({item.parent})"
        else:
            found = True  # a server answers (or says why not) when it is opened
            text = f"&{number} {server_label(item)}  (PostgreSQL)"
        if not found:
            text += "  " + tr("(not found)")
        action = QAction(text, menu)
        action.setData(str(item))
        action.setToolTip(str(item) if isinstance(item, Path) else server_label(item))
        action.setEnabled(found)
        action.triggered.connect(lambda _c=False, p=item: open_database(window, p))
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
