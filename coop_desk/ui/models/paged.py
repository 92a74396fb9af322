"""A table model whose rows arrive page by page from a pool thread.

For lists that can hold 100,000 rows (the member register, the journal): the page hands
``load(first, more)`` two functions that run in a ``BackgroundLoader`` thread and open their own
Session: ``first(limit)`` returns the first rows (at least ``limit`` when there are that many;
more when the page wants a selected row included), ``more(offset, limit)`` the next page. The
view asks for more as it scrolls (``canFetchMore``/``fetchMore``); a page that comes back short
ends the list. One loader serves both, so the newest load wins: a search typed while a page is
on its way drops that page.

Sorting is the page's job (in SQL): a header click calls ``sort``, which records the column and
order and emits ``sort_requested``; the page then loads again in the new order. Rows are never
sorted in Python here, and ``data()`` stays a look-up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal

from coop_desk.ui.models.table import Column, Index, RowTableModel
from coop_desk.ui.workers import BackgroundLoader

R = TypeVar("R")
PAGE_SIZE = 200


class PagedTableModel(RowTableModel[R]):
    loaded = Signal()  # the first page of a load is in the model
    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: Any = None,
        *,
        page_size: int = PAGE_SIZE,
        **kwargs: Any,
    ) -> None:
        super().__init__(columns, parent, **kwargs)
        self.page_size = page_size
        self.loader = BackgroundLoader(self)
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._more_fn: Callable[[int, int], Sequence[R]] | None = None
        self._more = False

    @property
    def busy(self) -> bool:
        """A load or a page is on its way."""
        return self.loader.busy

    def load(
        self,
        first: Callable[[int], Sequence[R]],
        more: Callable[[int, int], Sequence[R]],
        then: Callable[[], None] | None = None,
        *,
        around: Callable[[], AbstractContextManager[object]] | None = None,
    ) -> None:
        """Start over; ``then()`` runs on the GUI thread once the first rows are shown.
        ``around()`` wraps the moment the rows are replaced (``ui.place.kept_place`` keeps the
        user's place there: the place they had when the rows came, not when the load began)."""
        page = self.page_size

        def done(rows: Sequence[R]) -> None:
            self._more = False
            with around() if around is not None else nullcontext():
                self.beginResetModel()
                self._rows = list(rows)
                self._more_fn = more
                self.endResetModel()
            # A whole number of full pages: there may be more (an empty page will tell).
            self._more = len(rows) >= page and len(rows) % page == 0
            if then is not None:
                then()
            self.loaded.emit()

        self.loader.load(lambda: first(page), done)

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show ``rows`` as the whole list (nothing more to fetch)."""
        self._more_fn = None
        self._more = False
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    # --- fetching as the view scrolls -----------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more and not self.loader.busy

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent) or self._more_fn is None:
            return
        more, offset, page = self._more_fn, len(self._rows), self.page_size

        def done(rows: Sequence[R]) -> None:
            if offset != len(self._rows):
                return  # the list changed meanwhile: this page no longer follows it
            # No fetch may start from inside the insert (the view asks as rows arrive).
            self._more = False
            if rows:
                self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            self._more = len(rows) >= page

        self.loader.load(lambda: more(offset, page), done)

    # --- sorting is a new load ------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_column, self.sort_order = column, order
        self.sort_requested.emit(column, order)
