"""Opening an attached document from the GUI, for every page alike: the document store writes
the document, once checked intact, to a temporary file under its original name, and the
operating system opens it with the program it uses for that kind of file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from coop_desk.services import documents
from coop_desk.ui.context import AppContext


def open_with_system(path: Path) -> bool:
    """Hand ``path`` to the operating system (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_document(ctx: AppContext, sha256: str, name: str) -> Path:
    """Open the kept document ``sha256``; returns the temporary copy. Raises ``NotFound``
    (missing) or ``documents.DocumentAltered`` (changed since attached): nothing is opened."""
    path = ctx.read(lambda s, a: documents.temporary_copy(s, a, sha256, name))
    open_with_system(path)
    return path
