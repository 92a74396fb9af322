"""A generic read-only table model over a list of row dataclasses.

Columns are declared once (header, value getter, formatter, alignment); ``data()`` only looks
up and formats, and sorting works on the raw values, never on the display strings. A column
whose text needs more of the row than its value gives ``row_display``; a model may colour whole
rows through ``colour``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from coop_desk.ui.widgets import format_date, format_datetime, format_decimal

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw value a column sorts on


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    value: Callable[[R], Any]
    display: Callable[[Any], str] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None
    # The text from the whole row (wins over ``display``); ``value`` stays the sort key.
    row_display: Callable[[R], str] | None = None


def default_display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def sort_key(value: Any) -> tuple[int, Any]:
    """How a column's raw values compare: None last, text without case."""
    # None last; everything else compared within its own type.
    if value is None:
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: Any = None,
        *,
        colour: Callable[[R], QColor | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._colour = colour
        self._rows: list[R] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- data --------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, predicate: Callable[[R], bool]) -> int:
        for i, row in enumerate(self._rows):
            if predicate(row):
                return i
        return -1

    # --- Qt interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.row_display is not None:
                return column.row_display(row)
            value = column.value(row)
            return (column.display or default_display)(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None:
            colour = self._colour(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(row)
            # The cell's whole text: a long project or buyer name cut to "Northern Roas…"
            # in a narrow column reads in full on hover.
            if column.row_display is not None:
                return column.row_display(row) or None
            return (column.display or default_display)(column.value(row)) or None
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return column.value(row)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            # The tool tip: the whole header when a narrow column shortens it ("Socios p…").
            return self.columns[section].header
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the column's raw values. Persistent indexes (the view's selection and
        current row) follow their rows, so a header click keeps the same member selected."""
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [self._rows[index.row()] for index in before]
        self._sort = (column, order)
        self._apply_sort(column, order)
        # By identity: two rows may be equal as values and still be two records.
        position = {id(row): i for i, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before,
            [
                self.index(position[id(row)], index.column())
                for row, index in zip(moved, before, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        getter = self.columns[column].value
        self._rows.sort(
            key=lambda r: sort_key(getter(r)),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )


def plain_table(model: RowTableModel[Any], rows: int = 4) -> QTableView:
    """A read-only view that keeps the model's order (no sorting by header): for short lists
    whose order means something (findings, errors first; a report's lines)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * (rows + 1))
    model.modelReset.connect(lambda: fit_columns(view))
    return view


# A text column is never squeezed below this (about ten characters): "Fondo de edu…" still
# says which project it is.
NARROWEST_TEXT = 90


class ColumnFit(QObject):
    """A table's column widths: each column as wide as its contents (up to ``widest``), and,
    when the view is narrower than all of them, the text columns squeezed (their texts end in
    "…") so that the figures stay in sight; spare width goes to the ``stretch`` column. It
    follows the view's width: on a 1024 px screen the budget column of the Development Plan
    was out of sight behind a wide Objective column, and a section made to stretch at 1600 px
    kept that width after the window was made smaller."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.natural: list[int] = []
        self.fixed: dict[int, int] = {}
        self.stretch: int | None = None
        table.viewport().installEventFilter(self)
        # A header wider than its column ends in "…" (Qt only clips it by default).
        table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)

    def fit(self, widest: int, stretch: int | None, fixed: dict[int, int]) -> None:
        table = self.table
        header = table.horizontalHeader()
        for column in range(header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnsToContents()
        self.natural = [min(header.sectionSize(c), widest) for c in range(header.count())]
        self.fixed, self.stretch = dict(fixed), stretch
        header.setStretchLastSection(stretch is None)
        self.apply()

    def widths(self, available: int) -> dict[int, int]:
        """Each shown column's width for a view ``available`` pixels wide. When they do not
        fit, columns give way in turn, each group proportionally down to its floor: the text
        columns to ten characters, then the fixed ones (a progress bar) to 60%, then the
        figures to the width of their values (the header's words are shortened, never a
        figure). Only if that makes them all fit: otherwise the view scrolls, texts whole."""
        table = self.table
        header = table.horizontalHeader()
        model = table.model()
        shown = [
            c
            for c in range(min(header.count(), len(self.natural)))
            if not header.isSectionHidden(c)
        ]
        widths = {c: self.fixed.get(c, self.natural[c]) for c in shown}

        def figure(c: int) -> bool:
            return isinstance(model, RowTableModel) and model.columns[c].align_right

        tiers = [
            {c: NARROWEST_TEXT for c in shown if c not in self.fixed and not figure(c)},
            {c: self.fixed[c] * 3 // 5 for c in shown if c in self.fixed},
            {c: table.sizeHintForColumn(c) for c in shown if c not in self.fixed and figure(c)},
        ]
        excess = sum(widths.values()) - available
        if excess < 0 and self.stretch in widths:
            widths[self.stretch] -= excess
        for floors in tiers:
            if excess <= 0:
                break
            room = {c: widths[c] - low for c, low in floors.items() if widths[c] > low}
            total = sum(room.values())
            if not total:
                continue
            share = min(1.0, excess / total)
            for c, spare in room.items():
                cut = min(spare, int(spare * share) + 1)
                widths[c] -= cut
                excess -= cut
        if excess > 0:
            # Even squeezed they would not fit: the view scrolls anyway, and texts cut short
            # (a member's code, a name) would only lose what scrolling can show whole.
            return {c: self.fixed.get(c, self.natural[c]) for c in shown}
        return widths

    def apply(self) -> None:
        if not self.natural:
            return
        header = self.table.horizontalHeader()
        for column, width in self.widths(self.table.viewport().width()).items():
            header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False


def fit_columns(
    table: QTableView,
    widest: int = 320,
    *,
    stretch: int | None = None,
    fixed: dict[int, int] | None = None,
) -> None:
    """Size ``table``'s columns to their contents and keep them fitted to the view's width
    (``ColumnFit``); ``fixed`` columns keep the given width, ``stretch`` takes the spare."""
    fitter = table.findChild(ColumnFit)
    if fitter is None:
        fitter = ColumnFit(table)
    fitter.fit(widest, stretch, fixed or {})
