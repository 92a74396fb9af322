"""The layout the user left, remembered in ``QSettings``: column widths and order of the big
tables, splitter positions and the open tab of a section. Each helper restores the saved state
at once and saves it whenever the user changes it (a change that happens while the program
sizes the widget itself is saved too: it is what the user sees).

Keys live under ``layout/<name>``; the window's size and the last page are kept by the main
window itself (``main_window/...``).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QTableView, QTabWidget


def _key(name: str, what: str) -> str:
    return f"layout/{name}/{what}"


def _stored(key: str) -> QByteArray | None:
    value = QSettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def remember_columns(view: QTableView, name: str) -> bool:
    """Restore the widths and order of ``view``'s columns; True when a saved state was
    applied (the caller then leaves the widths alone instead of fitting them to the data)."""
    header = view.horizontalHeader()
    key = _key(name, "columns")
    state = _stored(key)
    restored = bool(state is not None and header.restoreState(state))
    # Saved on every change: QSettings keeps it in memory and writes the file later, so a
    # drag that resizes a column many times costs nothing.
    header.sectionResized.connect(lambda *_a: QSettings().setValue(key, header.saveState()))
    header.sectionMoved.connect(lambda *_a: QSettings().setValue(key, header.saveState()))
    return restored


def remember_splitter(splitter: QSplitter, name: str) -> bool:
    key = _key(name, "splitter")
    state = _stored(key)
    restored = bool(state is not None and splitter.restoreState(state))
    splitter.splitterMoved.connect(lambda *_a: QSettings().setValue(key, splitter.saveState()))
    return restored


def remember_tab(tabs: QTabWidget, name: str) -> None:
    """Open the tab the user had open; connect before the page reacts to tab changes."""
    key = _key(name, "tab")
    index = QSettings().value(key, -1, type=int)
    if isinstance(index, int) and 0 <= index < tabs.count():
        tabs.setCurrentIndex(index)
    tabs.currentChanged.connect(lambda i: QSettings().setValue(key, i))
