"""Errors in words. Known errors (``CoopDeskError``) get a plain message; anything else is a
bug: the user is told so in words, the details go to the log file in the user data folder
(``logs/coop-desk.log``, see :func:`install_error_log`) and a "Copy details" button puts them
on the clipboard for a report."""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coop_desk import __version__, paths
from coop_desk.errors import CoopDeskError, DatabaseError, PermissionDenied, ValidationError

log = logging.getLogger(__name__)


def message_for(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(f"• {p.describe()}" for p in exc.problems)
    return str(exc)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Tell the user what went wrong, in words. Never raises."""
    if isinstance(exc, PermissionDenied):
        heading = title or QApplication.translate("errors", "Not allowed")
        QMessageBox.warning(parent, heading, message_for(exc))
    elif isinstance(exc, ValidationError):
        QMessageBox.warning(
            parent, title or QApplication.translate("errors", "Please correct"), message_for(exc)
        )
    elif isinstance(exc, DatabaseError):
        QMessageBox.critical(
            parent, title or QApplication.translate("errors", "Database problem"), message_for(exc)
        )
    elif isinstance(exc, CoopDeskError):
        QMessageBox.warning(
            parent, title or QApplication.translate("errors", "Cannot do that"), message_for(exc)
        )
    else:
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        log.error("unexpected error\n%s", details)
        details = (
            f"coop-desk {__version__}, Python {platform.python_version()}, "
            f"{platform.platform()}\n\n{details}"
        )
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title or QApplication.translate("errors", "Unexpected error"))
        text = QApplication.translate(
            "errors",
            "Something went wrong that coop-desk did not expect. Nothing was saved from "
            "the action you were doing; your data is safe. Please report this with the "
            "details below.",
        )
        if log_file() is not None:
            text += "\n\n" + QApplication.translate(
                "errors", "The details are also written to {0}."
            ).format(log_file())
        box.setText(text)
        box.setDetailedText(details)
        copy = box.addButton(
            QApplication.translate("errors", "Copy details"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is copy:
            QApplication.clipboard().setText(details)


_log_file: Path | None = None


def log_file() -> Path | None:
    """The log file of this session, once :func:`install_error_log` ran."""
    return _log_file


def install_error_log() -> Path:
    """Write warnings and errors (with tracebacks) to ``logs/coop-desk.log`` in the user data
    folder, rotated at 1 MB (three old files kept)."""
    global _log_file
    folder = paths.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "coop-desk.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("coop_desk")
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    _log_file = path
    return path


def install_excepthook() -> None:
    """Unexpected errors in slots become a dialog instead of a crash to the desktop."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        exc.__traceback__ = tb
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        show_error(parent, exc)

    sys.excepthook = hook
