"""Keeping the user's place in a table while its rows are reloaded (another PC changed data,
the page refreshes): the same rows stay selected, the same row stays current and the same row
stays at the top of the view, found again by a key (the record's id), not by position."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtWidgets import QAbstractItemView

from coop_desk.ui.models.table import ROW_ROLE

Key = Callable[[Any], object]


def _key_at(view: QAbstractItemView, row: int, key: Key) -> object | None:
    model = view.model()
    if row < 0 or row >= model.rowCount():
        return None
    item = model.index(row, 0).data(ROW_ROLE)
    return key(item) if item is not None else None


def _row_of(view: QAbstractItemView, wanted: object, key: Key) -> int:
    model = view.model()
    for row in range(model.rowCount()):
        item = model.index(row, 0).data(ROW_ROLE)
        if item is not None and key(item) == wanted:
            return row
    return -1


def top_row(view: QAbstractItemView) -> int:
    """The row at the top of the view (-1 when it shows none)."""
    return view.indexAt(QPoint(1, 1)).row()


def last_shown_row(view: QAbstractItemView) -> int:
    """The last row the view shows (-1 when it shows none): a paged list loads again down to it,
    so that the same rows can be put back in view."""
    row = view.indexAt(QPoint(1, view.viewport().height() - 1)).row()
    return row if row >= 0 else view.model().rowCount() - 1


@contextmanager
def kept_place(view: QAbstractItemView, key: Key) -> Iterator[None]:
    """Reload the view's model inside the block; the selection, the current row and the
    scroll position follow their rows (by ``key``) when they still exist."""
    selection = view.selectionModel()
    selected = {_key_at(view, i.row(), key) for i in selection.selectedRows()} - {None}
    current = _key_at(view, selection.currentIndex().row(), key)
    top = _key_at(view, top_row(view), key)
    scrolled = view.verticalScrollBar().value()
    yield
    model = view.model()
    selection = view.selectionModel()
    if current is not None and (row := _row_of(view, current, key)) >= 0:
        selection.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    for wanted in selected:
        row = _row_of(view, wanted, key)
        if row >= 0:
            selection.select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    if top is not None and (row := _row_of(view, top, key)) >= 0:
        view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    else:
        view.verticalScrollBar().setValue(scrolled)
