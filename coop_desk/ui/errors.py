"""Errors in words. Known errors (``CoopDeskError``) get a plain message; anything else is a
bug: the user is told so in words, the details go to the log and can be copied."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title or QApplication.translate("errors", "Unexpected error"))
        box.setText(
            QApplication.translate(
                "errors",
                "Something went wrong that coop-desk did not expect. Nothing was saved from "
                "the action you were doing; your data is safe. Please report this with the "
                "details below.",
            )
        )
        box.setDetailedText(details)
        box.exec()


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
