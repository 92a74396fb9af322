"""A posted journal entry, read-only: its details and postings. Posted entries are never
edited (the service refuses); the only correction is a reversal, offered by the journal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services.documents import DocumentCheck, DocumentState
from coop_desk.services.ledger.journal import EntryDetail, PostingRow
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.widgets import format_date, format_datetime, format_decimal, format_rate


class PostingsModel(RowTableModel[PostingRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("PostingsModel", "Line"),
                    lambda r: r.line,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PostingsModel", "Account"),
                    lambda r: f"{r.account_code} {r.account_name}",
                ),
                Column(
                    QCoreApplication.translate("PostingsModel", "Currency"), lambda r: r.currency
                ),
                Column(
                    QCoreApplication.translate("PostingsModel", "Debit"),
                    lambda r: r.debit or None,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PostingsModel", "Credit"),
                    lambda r: r.credit or None,
                    align_right=True,
                ),
                Column(
                    QCoreApplication.translate("PostingsModel", "Rate"),
                    lambda r: r.rate,
                    format_rate,
                    True,
                ),
                Column(
                    QCoreApplication.translate("PostingsModel", "USD value"),
                    lambda r: r.usd_value,
                    align_right=True,
                ),
                Column(QCoreApplication.translate("PostingsModel", "Memo"), lambda r: r.memo),
            ],
            parent,
        )


class EntryDialog(QDialog):
    """Shows one entry. Nothing on it can be edited; "Go to linked entry" opens the reversal
    or the entry it reverses."""

    go_to_entry = Signal(int)
    history_requested = Signal(int)  # the entry's audit trail (HistoryDialog), issue 4
    document_requested = Signal()  # open the scanned receipt (the page reads the store)

    def __init__(
        self,
        detail: EntryDetail,
        parent: QWidget | None = None,
        *,
        document: DocumentCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self.detail = detail
        self.document = document
        e = detail.entry
        self.setWindowTitle(self.tr("Journal entry {0}").format(e.number))
        self.setMinimumWidth(760)
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}

        def add(key: str, label: str, text: str) -> None:
            value = QLabel(text)
            value.setWordWrap(True)
            value.setObjectName(key)
            self.fields[key] = value
            form.addRow(label, value)

        add("number", self.tr("Entry"), e.number)
        add("date", self.tr("Date"), format_date(e.entry_date))
        add("description", self.tr("Description"), e.description)
        add("reference", self.tr("Reference"), e.reference)
        if e.payee or e.voucher:
            add("payee", self.tr("Payee"), e.payee)
            add("voucher", self.tr("Voucher"), e.voucher)
        if e.project_name:
            add("project", self.tr("Project"), e.project_name)
        if e.contract_number:
            add("contract", self.tr("Contract"), e.contract_number)
        add("total", self.tr("Amount"), f"{e.amounts} (USD {format_decimal(e.total_usd)})")
        if e.document_sha256:
            if document is None or document.state == DocumentState.MISSING:
                state = self.tr("the stored copy is missing from the database")
            elif document.intact:
                state = self.tr("stored copy checked: identical")
            else:
                state = self.tr("WARNING: the stored copy was changed since it was recorded")
            add(
                "document",
                self.tr("Scanned receipt"),
                f"{e.document_name}\nSHA-256 {e.document_sha256}\n{state}",
            )
        if e.reverses_number:
            add("reverses", self.tr("Reverses"), e.reverses_number)
        if e.reversed_by_number:
            add("reversed_by", self.tr("Reversed by"), e.reversed_by_number)
        add(
            "recorded",
            self.tr("Recorded"),
            self.tr("by {0} on {1}").format(e.created_by, format_datetime(e.created_at)),
        )
        note = QLabel(
            self.tr(
                "Posted entries cannot be changed or deleted. To correct one, reverse it "
                "from the journal and record the right operation."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        self.model = PostingsModel(self)
        self.model.set_rows(detail.postings)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        linked = e.reversed_by_id or e.reverses_id
        self.linked_button: QPushButton | None = None
        if linked is not None:
            self.linked_button = self.buttons.addButton(
                self.tr("Go to linked entry"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.linked_button.clicked.connect(lambda: self._go(linked))
        self.history_button = self.buttons.addButton(
            self.tr("History…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.history_button.clicked.connect(lambda: self.history_requested.emit(e.id))
        self.document_button: QPushButton | None = None
        if document is not None and document.intact:
            self.document_button = self.buttons.addButton(
                self.tr("Open scanned receipt"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.document_button.clicked.connect(self.open_document)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def open_document(self) -> None:
        """Ask the page to open the receipt (the dialog does not read the database)."""
        self.document_requested.emit()

    def _go(self, entry_id: int) -> None:
        self.go_to_entry.emit(entry_id)
        self.accept()
