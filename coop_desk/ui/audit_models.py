"""Item models over audit records, shared by the Audit page and the History dialog.

``AuditTableModel`` holds the records in words (``services.audit_words.RecordWords``: the
entity and its key, the fields under their labels, foreign keys as names) and pages through
the trail: it loads the first page when reset and the next ones on ``fetchMore`` (a call made
on purpose by the view when the user scrolls), never in ``data()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QTableView

from coop_desk.services import audit_words
from coop_desk.services.audit import AuditRow
from coop_desk.services.audit_words import FieldWords, RecordWords
from coop_desk.ui.labels import QT_TRANSLATE_NOOP
from coop_desk.ui.widgets import format_datetime

PAGE_SIZE = 500
Loader = Callable[[int, int], list[RecordWords]]
Index = QModelIndex | QPersistentModelIndex

ACTION_LABELS = {
    "insert": QT_TRANSLATE_NOOP("AuditTableModel", "created"),
    "update": QT_TRANSLATE_NOOP("AuditTableModel", "changed"),
    "delete": QT_TRANSLATE_NOOP("AuditTableModel", "deleted"),
}


def size_columns(view: QTableView) -> None:
    """Starting widths of an ``AuditTableModel``'s columns (the Audit page, History): the
    action as wide as its longest word in the user's language ("modificado", not "modific…")."""
    for column, width in enumerate((140, 80, 70, 250, 110)):
        view.setColumnWidth(column, width)
    metrics = view.fontMetrics()
    widest = max(
        metrics.horizontalAdvance(QCoreApplication.translate("AuditTableModel", label))
        for label in ACTION_LABELS.values()
    )
    view.setColumnWidth(2, max(70, widest + 2 * metrics.averageCharWidth() + 8))


def local_time(row: AuditRow) -> str:
    return format_datetime(row.at, seconds=True)


def title(words: RecordWords) -> str:
    """ "Asiento 2026-0032": the service names records in the language the GUI set."""
    return words.title


def summary(words: RecordWords, limit: int = 6) -> str:
    return words.summary(limit)


class AuditTableModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("AuditTableModel", "When"),
        QT_TRANSLATE_NOOP("AuditTableModel", "User"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Reason"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Changes"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[RecordWords] = []
        self.total = 0
        self._loader: Loader | None = None

    @property
    def rows(self) -> list[AuditRow]:
        return [w.record for w in self.words]

    def reset(self, total: int, loader: Loader) -> None:
        """Start over with ``total`` matching records fetched through ``loader(offset,
        limit)``; loads the first page now."""
        self.beginResetModel()
        self.total = total
        self._loader = loader
        self.words = loader(0, PAGE_SIZE) if total else []
        self.endResetModel()

    def set_rows(self, rows: list[RecordWords]) -> None:
        self.beginResetModel()
        self.words = list(rows)
        self.total = len(rows)
        self._loader = None
        self.endResetModel()

    def row_at(self, row: int) -> AuditRow | None:
        return self.words[row].record if 0 <= row < len(self.words) else None

    def words_at(self, row: int) -> RecordWords | None:
        return self.words[row] if 0 <= row < len(self.words) else None

    # --- Qt -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.words)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._loader is not None and len(self.words) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent) or self._loader is None:
            return
        more = self._loader(len(self.words), PAGE_SIZE)
        if not more:
            self.total = len(self.words)
            return
        first = len(self.words)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self.words.extend(more)
        self.endInsertRows()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.words):
            return None
        words = self.words[index.row()]
        row = words.record
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return local_time(row)
            if column == 1:
                return audit_words.user_words(row.username)
            if column == 2:
                return self.tr(ACTION_LABELS.get(row.action, row.action))
            if column == 3:
                return title(words)
            if column == 4:
                return audit_words.reason_words(row.reason)
            if column == 5:
                return summary(words, limit=4 if role == Qt.ItemDataRole.DisplayRole else 50)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class ChangesModel(QAbstractTableModel):
    """The fields of one audit record under their labels: before and after, in words."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ChangesModel", "Field"),
        QT_TRANSLATE_NOOP("ChangesModel", "Before"),
        QT_TRANSLATE_NOOP("ChangesModel", "After"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes: list[tuple[str, str, str]] = []

    def set_record(self, words: RecordWords | None) -> None:
        self.beginResetModel()
        fields: tuple[FieldWords, ...] = words.fields if words is not None else ()
        self.changes = [(f.label, f.before, f.after) for f in fields]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.changes):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.changes[index.row()][index.column()]
        return None
