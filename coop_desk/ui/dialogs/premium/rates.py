"""The Premium price table: dated rows per scheme (minimum prices, Premium, organic
differential, USD per lb). Contracts use the row in force on their signing date; a new row
from a date applies to contracts signed from then on. Everyone can read it; saving a row
needs the settings permission (the service checks it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.domain.premium import SCHEME_LABELS, PriceTerms, Scheme
from coop_desk.domain.problems import Problem
from coop_desk.errors import ValidationError
from coop_desk.services.access import Permission
from coop_desk.services.ledger import contracts
from coop_desk.services.ledger.contracts import RateRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.premium.common import read_amount
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.widgets import AmountEdit, DateField, FormProblems


def _rate(value: object) -> str:
    return f"{value.normalize():f}" if value is not None else ""  # type: ignore[attr-defined]


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


class RatesDialog(QDialog):
    """The table, and a form to add a dated row (or correct the selected one)."""

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
        self.problems = FormProblems()
        box = QGroupBox(self.tr("Add a row, or correct the selected one"))
        form = QFormLayout(box)
        self.scheme = QComboBox()
        for scheme in (Scheme.FAIRTRADE, Scheme.FAIR_TRADE_USA):
            self.scheme.addItem(tr_label(SCHEME_LABELS[scheme]), scheme.value)
        self.valid_from = DateField(date.today())
        self.minimum_washed = AmountEdit(places=4)
        self.minimum_natural = AmountEdit(places=4)
        self.premium = AmountEdit(places=4)
        self.organic = AmountEdit(places=4)
        self.note = QLineEdit()
        self.problems.add_row(form, self.tr("Sc&heme"), "scheme", self.scheme)
        self.problems.add_row(form, self.tr("Valid &from"), "valid_from", self.valid_from)
        self.problems.add_row(
            form, self.tr("Minimum, &washed"), "minimum_washed", self.minimum_washed
        )
        self.problems.add_row(
            form, self.tr("Minimum, &natural"), "minimum_natural", self.minimum_natural
        )
        self.problems.add_row(form, self.tr("&Premium"), "premium", self.premium)
        self.problems.add_row(form, self.tr("&Organic differential"), "organic", self.organic)
        self.problems.add_row(form, self.tr("N&ote"), "note", self.note)
        buttons_row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add row"))
        self.correct_button = QPushButton(self.tr("&Correct selected row"))
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.correct_button)
        form.addRow(buttons_row)
        form.addRow(self.problems.general)
        self.add_button.clicked.connect(lambda: self.save(None))
        self.correct_button.clicked.connect(self._correct_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        can = ctx.can(Permission.SETTINGS_WRITE)
        box.setVisible(can)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.ctx.read(contracts.list_rates))
        self.table.resizeColumnsToContents()
        self.correct_button.setEnabled(False)

    def selected(self) -> RateRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def _selected(self) -> None:
        row = self.selected()
        self.correct_button.setEnabled(row is not None)
        if row is None:
            return
        self.scheme.setCurrentIndex(max(self.scheme.findData(row.scheme), 0))
        self.valid_from.set_date_value(row.valid_from)
        self.minimum_washed.setValue(row.minimum_washed)
        self.minimum_natural.setValue(row.minimum_natural)
        self.premium.setValue(row.premium)
        self.organic.setValue(row.organic_differential)
        self.note.setText(row.note)

    def _correct_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.save(row.id)

    def save(self, rate_id: int | None) -> RateRow | None:
        problems: list[Problem] = []
        values = {
            field: read_amount(problems, field, edit)
            for field, edit in (
                ("minimum_washed", self.minimum_washed),
                ("minimum_natural", self.minimum_natural),
                ("premium", self.premium),
                ("organic", self.organic),
            )
        }
        if problems:
            self.problems.show(problems)
            return None
        terms = PriceTerms(
            Scheme(self.scheme.currentData()),
            self.valid_from.date_value(),
            values["minimum_washed"],  # type: ignore[arg-type]
            values["minimum_natural"],  # type: ignore[arg-type]
            values["premium"],  # type: ignore[arg-type]
            values["organic"],  # type: ignore[arg-type]
            self.note.text(),
        )
        try:
            row = self.ctx.write(lambda s, a: contracts.save_rate(s, a, terms, rate_id), "ledger")
        except ValidationError as exc:
            self.problems.show(exc.problems)
            return None
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return None
        self.problems.clear()
        self.reload()
        return row
