"""Backups in the GUI: the Backups dialog (the folder, the status, Back up now, Restore…), the
automatic backups (daily while the program runs, and on exit), and the restore of a copy.

The work is ``services.backup`` (Qt-free), run off the GUI thread: a worker with a progress
dialog when the user asked for it, a ``BackgroundLoader`` for the daily backup nobody waits for.
A restore replaces the database under the running program: every load is let finish, the
database is closed, restored, reopened, and the user signs in again (the restored database has
its own accounts).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coop_desk import checked_copies
from coop_desk.db import Database, resolve_url, sqlite_path
from coop_desk.errors import PermissionDenied
from coop_desk.services import backup
from coop_desk.services.access import LOCAL, SYSTEM, Permission, require
from coop_desk.ui import exported
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import show_error
from coop_desk.ui.widgets import format_date
from coop_desk.ui.workers import BackgroundLoader, Cancelled, Progress, run_with_progress

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60 * 60 * 1000  # the daily backup is looked at every hour


def tr(text: str) -> str:
    return QCoreApplication.translate("backup_actions", text)


def database_name(ctx: AppContext) -> str:
    return backup.database_name(ctx.db.url)


def describe_status(state: backup.BackupStatus) -> str:
    """The status in words, for the dialog."""
    good = state.last_good
    lines = [
        QCoreApplication.translate("backup_actions", "Last good backup: {0}").format(
            format_date(good.at.astimezone().date()) + good.at.astimezone().strftime(" %H:%M")
            if good
            else QCoreApplication.translate("backup_actions", "none yet")
        ),
        QCoreApplication.translate("backup_actions", "Copies: {0} daily, {1} monthly").format(
            len(state.daily), len(state.monthly)
        ),
    ]
    last = state.last
    if last is not None and last is not good:
        lines.append(
            QCoreApplication.translate(
                "backup_actions", "The last backup had a problem: {0}"
            ).format(last.check.describe())
        )
    if not state.available:
        lines.append(
            QCoreApplication.translate(
                "backup_actions",
                "The backup folder cannot be reached (is the USB disk plugged in?).",
            )
        )
    return "\n".join(lines)


# --- back up now ---------------------------------------------------------------------------------


def back_up_now(parent: QWidget | None, ctx: AppContext) -> backup.BackupRecord | None:
    """The rotated backup into the backup folder, now, with a progress dialog."""
    if not ctx.db.is_sqlite:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("backup_actions", "Back up"),
            QCoreApplication.translate(
                "backup_actions",
                "This database is on a server: it is backed up with pg_dump (see the README).",
            ),
        )
        return None
    source = sqlite_path(ctx.db.engine)

    def job(progress: Progress) -> backup.BackupRecord:
        progress(0, 0, QCoreApplication.translate("backup_actions", "Copying and checking…"))
        return checked_copies.backup_now(source)

    try:
        record = run_with_progress(
            parent, QCoreApplication.translate("backup_actions", "Backing up"), job
        )
    except Cancelled:
        return None
    except Exception as exc:  # noqa: BLE001 - shown in words
        show_error(parent, exc)
        return None
    ctx.notify("backup")
    exported.show_exported(
        parent,
        QCoreApplication.translate("backup_actions", "Backup written"),
        QCoreApplication.translate("backup_actions", "Backup written and checked: {0}").format(
            record.check.describe()
        ),
        record.path,
    )
    return record


def back_up_to_file(
    parent: QWidget | None, ctx: AppContext, target: Path | None = None
) -> Path | None:
    """A checked copy to a file the user names (File > Back up database to a file…)."""
    if target is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("backup_actions", "Back up the database to a file"),
            str(backup.configured_folder() / f"{database_name(ctx)}-copy.sqlite"),
            QCoreApplication.translate("backup_actions", "SQLite database (*.sqlite)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
    source = sqlite_path(ctx.db.engine)
    # The file dialog has asked before an existing file is replaced.
    try:
        record = run_with_progress(
            parent,
            QCoreApplication.translate("backup_actions", "Backing up"),
            lambda _p: checked_copies.backup_to(source, target, overwrite=True),
        )
    except Cancelled:
        return None
    except Exception as exc:  # noqa: BLE001 - shown in words
        show_error(parent, exc)
        return None
    exported.show_exported(
        parent,
        QCoreApplication.translate("backup_actions", "Backup written"),
        QCoreApplication.translate("backup_actions", "Backup written and checked: {0}").format(
            record.check.describe()
        ),
        record.path,
    )
    return record.path


# --- the dialog ----------------------------------------------------------------------------------


class BackupDialog(QDialog):
    """File > Backups…: where the copies go, how they are, Back up now, Restore…"""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "coop-desk backs up the database every day while it runs and when it closes, "
                "keeping 7 daily and 12 monthly copies. Point the folder at a USB disk and keep "
                "the disk away from this PC."
            )
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit(str(backup.configured_folder()))
        self.folder.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(lambda: self.choose_folder())
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Backup folder"), folder_row)
        form.addRow(self.tr("Status"), self.status)
        self.server_note = QLabel(
            self.tr(
                "This database is on a PostgreSQL server: back it up with pg_dump and record "
                "each dump with “coop-desk backup --record-dump FILE” (see the README); the "
                "status below is read from the folder's backup log."
            )
        )
        self.server_note.setWordWrap(True)
        self.server_note.setVisible(not ctx.db.is_sqlite)
        self.backup_button = QPushButton(self.tr("Back up &now"))
        self.restore_button = QPushButton(self.tr("&Restore from a copy…"))
        self.backup_button.clicked.connect(lambda: self.back_up())
        self.restore_button.clicked.connect(lambda: restore_from_copy(self.parentWidget(), ctx))
        self.backup_button.setEnabled(ctx.db.is_sqlite)
        self.restore_button.setEnabled(ctx.db.is_sqlite and ctx.can(Permission.RESTORE))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.server_note)
        layout.addWidget(self.buttons)
        self.show_status()

    def show_status(self) -> None:
        state = backup.status(backup.configured_folder(), database_name(self.ctx))
        self.folder.setText(str(backup.configured_folder()))
        self.status.setText(describe_status(state))

    def choose_folder(self, folder: Path | None = None) -> None:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("The backup folder (a USB disk)"), self.folder.text()
            )
            if not chosen:
                return
            folder = Path(chosen)
        backup.set_folder(folder)
        self.show_status()
        self.ctx.notify("backup")

    def back_up(self) -> None:
        back_up_now(self, self.ctx)
        self.show_status()


def open_backup_dialog(parent: QWidget | None, ctx: AppContext) -> BackupDialog:
    return BackupDialog(ctx, parent)


# --- restore -------------------------------------------------------------------------------------


def choose_copy(parent: QWidget | None, ctx: AppContext) -> Path | None:
    """Ask for the copy to restore; tests replace this."""
    folder = backup.database_folder(backup.configured_folder(), database_name(ctx)) / "daily"
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("backup_actions", "Restore from a copy"),
        str(folder if folder.is_dir() else backup.configured_folder()),
        QCoreApplication.translate("backup_actions", "SQLite database (*.sqlite);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def confirm_restore(parent: QWidget | None, plan: backup.RestorePlan) -> bool:
    """Ask before the database is replaced; tests replace this."""
    copy, current = plan.copy, plan.current
    text = QCoreApplication.translate(
        "backup_actions",
        "Replace the database with this copy?\n\nThe copy: {0} members, {1} journal entries, "
        "last change {2}.\nNow: {3} members, {4} journal entries.\n\nThe current database is "
        "kept aside in the backups folder of your data folder.",
    ).format(
        copy.members,
        copy.entries,
        format_date(copy.last_change.date()) if copy.last_change else "—",
        current.members if current else 0,
        current.entries if current else 0,
    )
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("backup_actions", "Restore from a copy"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def sign_in_again(parent: QWidget | None, ctx: AppContext) -> bool:
    """After a restore, sign in to the restored database (when it has accounts; then a new
    password if an administrator reset it); tests replace this. False: the user gave up."""
    from coop_desk.services import users
    from coop_desk.ui.dialogs.change_password import ChangePasswordDialog
    from coop_desk.ui.dialogs.login import LoginDialog

    if not ctx.read(lambda s, _a: users.has_users(s)):
        return True
    login = LoginDialog(ctx, parent=parent)
    if login.exec() != QDialog.DialogCode.Accepted:
        return False
    if login.must_change_password:
        ChangePasswordDialog(ctx, parent, forced=True).exec()
    return True


def restore_from_copy(
    parent: QWidget | None, ctx: AppContext, copy: Path | None = None
) -> backup.RestoreResult | None:
    """Check a copy, confirm, keep the current database aside and put the copy in its place."""
    if not ctx.db.is_sqlite:
        return None
    try:
        require(ctx.actor, Permission.RESTORE)
    except PermissionDenied as exc:
        show_error(parent, exc)
        return None
    copy = copy or choose_copy(parent, ctx)
    if copy is None:
        return None
    target = sqlite_path(ctx.db.engine)
    try:
        plan = run_with_progress(
            parent,
            QCoreApplication.translate("backup_actions", "Checking the copy"),
            lambda _p: checked_copies.plan_restore(copy, target),
        )
    except Cancelled:
        return None
    except Exception as exc:  # noqa: BLE001 - shown in words
        show_error(parent, exc)
        return None
    if not confirm_restore(parent, plan):
        return None
    actor = ctx.actor
    QThreadPool.globalInstance().waitForDone()  # no page load may hold the database
    ctx.db.close()
    try:
        result = backup.restore(plan, actor)
    except Exception as exc:  # noqa: BLE001 - shown in words; the database is reopened below
        show_error(parent, exc)
        result = None
    ctx.db = Database.open(resolve_url(str(target)))
    if result is None:
        return None
    # The restored database has its own accounts: nobody is signed in to it yet.
    ctx.set_actor(LOCAL)
    if not sign_in_again(parent, ctx):
        window = parent.window() if parent is not None else None
        if window is not None:
            window.close()
        return result
    if ctx.actor is LOCAL:  # a database without accounts: the local system acts
        ctx.set_actor(SYSTEM)
    ctx.notify("*")
    QMessageBox.information(
        parent,
        QCoreApplication.translate("backup_actions", "Restored"),
        QCoreApplication.translate(
            "backup_actions", "The database was restored. The previous one is kept at {0}."
        ).format(result.kept_aside),
    )
    return result


# --- automatic backups ---------------------------------------------------------------------------


class AutoBackup(QObject):
    """The daily backup while the program runs (checked every hour, made in a pool thread),
    and the backup on exit. Failures are logged; the home page warns after a week."""

    done = Signal(object)  # a BackupRecord
    failed = Signal(object)  # the exception

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loader = BackgroundLoader(self)
        self.loader.failed.connect(self._failed)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run_if_due)
        self.first = QTimer(self)  # the first look, a minute after the start
        self.first.setSingleShot(True)
        self.first.setInterval(60_000)
        self.first.timeout.connect(self.run_if_due)
        if ctx.db.is_sqlite:
            self.timer.start()
            self.first.start()

    def run_if_due(self, now: datetime | None = None) -> bool:
        """Start today's backup in a pool thread if none was made today; True if started."""
        if not self.ctx.db.is_sqlite or self.loader.busy:
            return False
        root = backup.configured_folder()
        if not backup.due(root, database_name(self.ctx), now):
            return False
        source = sqlite_path(self.ctx.db.engine)
        self.loader.load(lambda: checked_copies.backup_now(source, root, now=now), self._done)
        return True

    def _done(self, record: backup.BackupRecord) -> None:
        log.info("automatic backup written to %s (%s)", record.path, record.check.describe())
        self.ctx.notify("backup")
        self.done.emit(record)

    def _failed(self, exc: BaseException) -> None:
        log.warning("automatic backup failed: %s", exc)
        self.failed.emit(exc)

    def on_exit(self, parent: QWidget | None) -> backup.BackupRecord | None:
        """The backup when the program closes (with a progress dialog). A failure is only
        shown when no good backup is less than a week old: otherwise closing stays quiet."""
        if not self.ctx.db.is_sqlite:
            return None
        QThreadPool.globalInstance().waitForDone()
        source = sqlite_path(self.ctx.db.engine)
        try:
            return run_with_progress(
                parent,
                QCoreApplication.translate("backup_actions", "Backing up before closing"),
                lambda _p: checked_copies.backup_now(source, now=datetime.now(UTC)),
            )
        except Cancelled:
            return None
        except Exception as exc:  # noqa: BLE001 - logged, shown when backups are overdue
            log.warning("backup on exit failed: %s", exc)
            state = backup.status(backup.configured_folder(), database_name(self.ctx))
            if state.stale:
                show_error(parent, exc, QCoreApplication.translate("backup_actions", "No backup"))
            return None
