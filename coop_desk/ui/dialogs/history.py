"""The history of one record (a member, a journal entry...): every audit record of it and of
the rows that belong to it (a member's plots and status changes, an entry's postings), oldest
first, with the values before and after each change. Opened from the member editor, the journal
page and the Audit page: ``HistoryDialog(ctx, "member", member_id, parent).show()``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import audit, audit_words
from coop_desk.ui.audit_models import AuditTableModel, ChangesModel, size_columns
from coop_desk.ui.context import AppContext
from coop_desk.ui.layout_memory import remember_columns, remember_splitter


class HistoryDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        table_name: str,
        record_id: object,
        parent: QWidget | None = None,
        *,
        include_children: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table_name = table_name
        self.record_id = str(record_id)
        self.include_children = include_children
        name = ctx.read(lambda s, a: audit_words.record_title(s, a, table_name, self.record_id))
        self.setWindowTitle(self.tr("History of {0}").format(name))
        self.resize(900, 520)
        self.records = AuditTableModel(self)
        self.changes = ChangesModel(self)
        self.list = QTableView()
        self.list.setModel(self.records)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        self.list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.list.horizontalHeader().setStretchLastSection(True)
        size_columns(self.list)
        self.list.selectionModel().currentRowChanged.connect(self._on_current)
        self.detail = QTableView()
        self.detail.setModel(self.changes)
        self.detail.verticalHeader().hide()
        self.detail.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        remember_columns(self.list, "history")
        remember_splitter(splitter, "history")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows = self.ctx.read(
            lambda s, a: audit_words.describe(
                s,
                a,
                audit.history(
                    s, a, self.table_name, self.record_id, include_children=self.include_children
                ),
            )
        )
        self.records.set_rows(rows)
        if rows:
            self.summary.setText(
                self.tr("{0} changes recorded; last by {1}.").format(
                    len(rows), audit_words.user_words(rows[-1].record.username)
                )
            )
            self.list.selectRow(len(rows) - 1)
        else:
            self.summary.setText(self.tr("No change of this record is in the audit trail."))
            self.changes.set_record(None)

    def _on_current(self, current: object, _previous: object) -> None:
        row = self.list.currentIndex().row()
        self.changes.set_record(self.records.words_at(row))
