"""The Premium price table: dated rows per scheme (minimum prices, Premium, organic
differential, USD per lb). Contracts use the row in force on their signing date; a new row
from a date applies to contracts signed from then on. Everyone can read it; saving a row
needs the settings permission (the service checks it)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.domain.premium import SCHEME_LABELS, PriceTerms, Scheme
from coop_desk.domain.problems import Problem
from coop_desk.services.access import Permission
from coop_desk.services.ledger import contracts
from coop_desk.services.ledger.contracts import RateRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, Prepared, read_amount
from coop_desk.ui.labels import tr_label
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.widgets import AmountEdit, DateField


def _rate(value: Decimal | None) -> str:
    return f"{value.normalize():f}" if value is not None else ""


class RatesModel(RowTableModel[RateRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("RatesModel", "Scheme"),
                    lambda r: tr_label(r.scheme_label),
                ),
                Column(QCoreApplication.translate("RatesModel", "From"), lambda r: r.valid_from),
                Column(
                    QCoreApplication.translate("RatesModel", "Minimum washed"),
                    lambda r: r.minimum_washed,
                    _rate,
                    True,
                ),
                Column(
                    QCoreApplication.translate("RatesModel", "Minimum natural"),
                    lambda r: r.minimum_natural,
                    _rate,
                    True,
                ),
                Column(
                    QCoreApplication.translate("RatesModel", "Premium"),
                    lambda r: r.premium,
                    _rate,
                    True,
                ),
                Column(
                    QCoreApplication.translate("RatesModel", "Organic diff."),
                    lambda r: r.organic_differential,
                    _rate,
                    True,
                ),
                Column(
                    QCoreApplication.translate("RatesModel", "Note"),
                    lambda r: r.note,
                    tooltip=lambda r: r.note,
                ),
            ],
            parent,
        )


class RateDialog(FormDialog):
    """One dated row of the table: a new one (``rate_id`` None), or the correction of the row
    ``rate_id``. The fields start from ``start`` (the row selected in the table)."""

    topic = "ledger"
    permission = Permission.SETTINGS_WRITE

    def __init__(
        self,
        ctx: AppContext,
        start: RateRow | None = None,
        rate_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.rate_id = rate_id
        # The version of the row being corrected, as the form shows it.
        self.record_version = start.record_version if start is not None and rate_id else None
        self.setWindowTitle(
            self.tr("Correct a row of the price table")
            if rate_id is not None
            else self.tr("New row of the price table")
        )
        self.scheme = QComboBox()
        for scheme in (Scheme.FAIRTRADE, Scheme.FAIR_TRADE_USA):
            self.scheme.addItem(tr_label(SCHEME_LABELS[scheme]), scheme.value)
        self.valid_from = DateField(date.today())
        self.minimum_washed = AmountEdit(places=4)
        self.minimum_natural = AmountEdit(places=4)
        self.premium = AmountEdit(places=4)
        self.organic = AmountEdit(places=4)
        self.note = QLineEdit()
        self.add_field(self.tr("Sc&heme"), "scheme", self.scheme)
        self.add_field(self.tr("Valid &from"), "valid_from", self.valid_from)
        self.add_field(self.tr("Minimum, &washed"), "minimum_washed", self.minimum_washed)
        self.add_field(self.tr("Minimum, &natural"), "minimum_natural", self.minimum_natural)
        self.add_field(self.tr("&Premium"), "premium", self.premium)
        self.add_field(self.tr("&Organic differential"), "organic", self.organic)
        self.add_field(self.tr("N&ote"), "note", self.note)
        if start is not None:
            self._show(start)

    def _show(self, start: RateRow) -> None:
        self.scheme.setCurrentIndex(max(self.scheme.findData(start.scheme), 0))
        self.valid_from.set_date_value(start.valid_from)
        self.minimum_washed.setValue(start.minimum_washed)
        self.minimum_natural.setValue(start.minimum_natural)
        self.premium.setValue(start.premium)
        self.organic.setValue(start.organic_differential)
        self.note.setText(start.note)
        self.mark_loaded()

    def can_reload(self) -> bool:
        return self.rate_id is not None

    def reload_record(self) -> None:
        rate_id = self.rate_id
        row = next(r for r in self.ctx.read(contracts.list_rates) if r.id == rate_id)
        self.record_version = row.record_version
        self._show(row)

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        washed = read_amount(problems, "minimum_washed", self.minimum_washed)
        natural = read_amount(problems, "minimum_natural", self.minimum_natural)
        premium = read_amount(problems, "premium", self.premium)
        organic = read_amount(problems, "organic", self.organic)
        if washed is None or natural is None or premium is None or organic is None:
            return problems, None
        terms = PriceTerms(
            Scheme(self.scheme.currentData()),
            self.valid_from.date_value(),
            washed,
            natural,
            premium,
            organic,
            self.note.text(),
        )
        rate_id, version = self.rate_id, self.record_version
        return problems, lambda s, a: contracts.save_rate(
            s, a, terms, rate_id, record_version=version
        )


class RatesDialog(QDialog):
    """The table, with a new dated row (or the correction of the selected one) in a form."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Premium price table (USD per lb)"))
        self.setMinimumWidth(820)
        self.model = RatesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add row…"))
        self.correct_button = QPushButton(self.tr("&Correct selected row…"))
        self.add_button.clicked.connect(lambda: self.open_rate_dialog(correct=False).open())
        self.correct_button.clicked.connect(lambda: self.open_rate_dialog(correct=True).open())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.correct_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        can = ctx.can(Permission.SETTINGS_WRITE)
        self.add_button.setVisible(can)
        self.correct_button.setVisible(can)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.ctx.read(contracts.list_rates))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> RateRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def _update_buttons(self) -> None:
        self.correct_button.setEnabled(self.selected() is not None)

    def open_rate_dialog(self, *, correct: bool) -> RateDialog:
        """A new row starting from the selected one, or its correction; the table reloads
        once it is saved. Returned unshown: tests fill it."""
        row = self.selected()
        dialog = RateDialog(self.ctx, row, row.id if correct and row else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _row: self.reload())
        return dialog
