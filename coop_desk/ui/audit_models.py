"""Item models over audit records, shared by the Audit page and the History dialog.

``AuditTableModel`` holds ``AuditRow`` dataclasses and pages through the trail: it loads the
first page when reset and the next ones on ``fetchMore`` (a call made on purpose by the view
when the user scrolls), never in ``data()``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from coop_desk.services.audit import AuditRow
from coop_desk.ui.labels import QT_TRANSLATE_NOOP
from coop_desk.ui.widgets import format_datetime

PAGE_SIZE = 500
Loader = Callable[[int, int], list[AuditRow]]
Index = QModelIndex | QPersistentModelIndex

ACTION_LABELS = {
    "insert": QT_TRANSLATE_NOOP("AuditTableModel", "created"),
    "update": QT_TRANSLATE_NOOP("AuditTableModel", "changed"),
    "delete": QT_TRANSLATE_NOOP("AuditTableModel", "deleted"),
}


def local_time(row: AuditRow) -> str:
    return format_datetime(row.at, seconds=True)


def show_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class AuditTableModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("AuditTableModel", "When"),
        QT_TRANSLATE_NOOP("AuditTableModel", "User"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Table"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Reason"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Changes"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []
        self.total = 0
        self._loader: Loader | None = None

    def reset(self, total: int, loader: Loader) -> None:
        """Start over with ``total`` matching records fetched through ``loader(offset,
        limit)``; loads the first page now."""
        self.beginResetModel()
        self.total = total
        self._loader = loader
        self.rows = loader(0, PAGE_SIZE) if total else []
        self.endResetModel()

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.total = len(rows)
        self._loader = None
        self.endResetModel()

    def row_at(self, row: int) -> AuditRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # --- Qt -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._loader is not None and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent) or self._loader is None:
            return
        more = self._loader(len(self.rows), PAGE_SIZE)
        if not more:
            self.total = len(self.rows)
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return local_time(row)
            if column == 1:
                return row.username
            if column == 2:
                return self.tr(ACTION_LABELS.get(row.action, row.action))
            if column == 3:
                return row.table_name
            if column == 4:
                return row.record_id
            if column == 5:
                return row.reason
            if column == 6:
                return row.summary(limit=4 if role == Qt.ItemDataRole.DisplayRole else 50)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class ChangesModel(QAbstractTableModel):
    """The fields of one audit record: before and after."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ChangesModel", "Field"),
        QT_TRANSLATE_NOOP("ChangesModel", "Before"),
        QT_TRANSLATE_NOOP("ChangesModel", "After"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes: list[tuple[str, str, str]] = []

    def set_record(self, row: AuditRow | None, only_changed: bool = True) -> None:
        self.beginResetModel()
        if row is None:
            self.changes = []
        else:
            before, after = row.before or {}, row.after or {}
            fields = sorted(set(before) | set(after))
            self.changes = [
                (f, show_value(before.get(f)), show_value(after.get(f)))
                for f in fields
                if not only_changed or row.action != "update" or before.get(f) != after.get(f)
            ]
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
