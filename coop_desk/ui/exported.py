"""After any export: say where the file went, with "Open file" and "Open folder" buttons.

Every export of the GUI (workbooks, PDFs, the ICS list, the audit pack, Beancount, backups)
ends with :func:`show_exported`. Tests replace :func:`ask` (the box) and :func:`open_url`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

OPEN_FILE = "file"
OPEN_FOLDER = "folder"


def tr(text: str) -> str:
    return QCoreApplication.translate("exported", text)


def open_url(path: Path) -> bool:
    """Open a file or folder with the program the system associates with it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask(parent: QWidget | None, title: str, text: str, path: Path) -> str:
    """The box with the buttons; returns OPEN_FILE, OPEN_FOLDER or "" (Close)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(str(path))
    open_file = box.addButton(
        QCoreApplication.translate("exported", "Open file"), QMessageBox.ButtonRole.AcceptRole
    )
    open_folder = box.addButton(
        QCoreApplication.translate("exported", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_file)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_file:
        return OPEN_FILE
    if clicked is open_folder:
        return OPEN_FOLDER
    return ""


def show_exported(parent: QWidget | None, title: str, text: str, path: Path) -> str:
    """Tell the user the export is done and open the file or its folder if asked. Returns the
    choice (for tests)."""
    path = Path(path)
    choice = ask(parent, title, text, path)
    if choice == OPEN_FILE:
        open_url(path)
    elif choice == OPEN_FOLDER:
        open_url(path.parent)
    window = parent.window() if parent is not None else None
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(text, 10_000)
    return choice
