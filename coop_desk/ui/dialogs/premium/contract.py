"""A sales contract (with its premium figures computed live from the rate table) and
recording its shipment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.money import MoneyError
from coop_desk.domain.premium import (
    SCHEME_LABELS,
    Process,
    QuantityUnit,
    Scheme,
    contract_figures,
    contract_kg,
    pick_rate,
)
from coop_desk.domain.problems import Problem
from coop_desk.services.access import Actor
from coop_desk.services.ledger import contracts, operations
from coop_desk.services.ledger.contracts import BuyerRow, ContractInput, ContractRow, RateRow
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, Prepared
from coop_desk.ui.dialogs.member_editor import OptionalDateField
from coop_desk.ui.dialogs.premium.setup import BuyerDialog
from coop_desk.ui.labels import tr_label
from coop_desk.ui.widgets import AmountEdit, DateField, field_row, format_date, format_decimal


class ContractDialog(FormDialog):
    """Add a contract (``contract`` None) or edit one. The premium due, organic differential
    and quality share are shown as the user types, from the rate table loaded once when the
    dialog opens (the same rows and rule the service uses)."""

    topic = "ledger"

    def __init__(
        self, ctx: AppContext, contract: ContractRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.contract_row = contract
        self.setWindowTitle(
            self.tr("New contract")
            if contract is None
            else self.tr("Contract {0}").format(contract.number)
        )

        def load(session: Session, actor: Actor) -> tuple[list[BuyerRow], list[RateRow]]:
            return contracts.list_buyers(session, actor), contracts.list_rates(session, actor)

        buyers, rates = ctx.read(load)
        self.terms = [r.terms() for r in rates]
        self.buyer = QComboBox()
        for b in buyers:
            self.buyer.addItem(b.name, b.id)
        self.new_buyer_button = QPushButton(self.tr("New &buyer…"))
        self.new_buyer_button.clicked.connect(lambda: self.open_buyer_dialog().exec())
        buyer_row = field_row(self.buyer, self.new_buyer_button)
        self.number = QLineEdit()
        self.signing_date = DateField(date.today())
        self.scheme = QComboBox()
        for scheme in Scheme:
            self.scheme.addItem(tr_label(SCHEME_LABELS[scheme]), scheme.value)
        self.organic = QCheckBox(self.tr("Organic certified"))
        self.process = QComboBox()
        self.process.addItem(self.tr("Washed"), Process.WASHED.value)
        self.process.addItem(self.tr("Natural"), Process.NATURAL.value)
        self.quantity = AmountEdit(places=6)
        self.quantity.setPlaceholderText("275")
        self.unit = QComboBox()
        self.unit.addItem(self.tr("bags of 69 kg"), QuantityUnit.BAGS.value)
        self.unit.addItem(self.tr("kg"), QuantityUnit.KG.value)
        quantity_row = field_row(self.quantity, self.unit)
        self.shipment_date = OptionalDateField()
        self.notes = QLineEdit()
        self.figures = QLabel()
        self.figures.setObjectName("contract_figures")
        self.figures.setWordWrap(True)
        self.add_field(self.tr("&Buyer"), "buyer_id", buyer_row)
        self.add_field(self.tr("Contract &number"), "number", self.number)
        self.add_field(self.tr("&Signing date"), "signing_date", self.signing_date)
        self.add_field(self.tr("Sc&heme"), "scheme", self.scheme)
        self.add_field("", "organic", self.organic)
        self.add_field(self.tr("&Process"), "process", self.process)
        self.add_field(self.tr("&Quantity"), "quantity", quantity_row)
        self.add_field(self.tr("Shi&pment date"), "shipment_date", self.shipment_date)
        self.add_field(self.tr("N&otes"), "notes", self.notes)
        self.form.addRow(self.tr("Premium"), self.figures)
        if contract is not None:
            self._show(contract)
        self.quantity.valueChanged.connect(self.update_figures)
        for combo in (self.unit, self.scheme, self.process):
            combo.currentIndexChanged.connect(lambda _i: self.update_figures())
        self.organic.toggled.connect(lambda _c: self.update_figures())
        self.signing_date.dateChanged.connect(lambda _d: self.update_figures())
        self.update_figures()

    def _show(self, contract: ContractRow) -> None:
        self.contract_row = contract
        self.buyer.setCurrentIndex(max(self.buyer.findData(contract.buyer_id), 0))
        self.number.setText(contract.number)
        self.signing_date.set_date_value(contract.signing_date)
        self.scheme.setCurrentIndex(max(self.scheme.findData(contract.scheme), 0))
        self.organic.setChecked(contract.organic)
        self.process.setCurrentIndex(max(self.process.findData(contract.process), 0))
        self.quantity.setValue(contract.quantity)
        self.unit.setCurrentIndex(max(self.unit.findData(contract.quantity_unit), 0))
        self.shipment_date.set_date_value(contract.shipment_date)
        self.notes.setText(contract.notes)
        self.mark_loaded()

    def can_reload(self) -> bool:
        return self.contract_row is not None

    def reload_record(self) -> None:
        assert self.contract_row is not None
        contract_id = self.contract_row.id
        self._show(self.ctx.read(lambda s, a: contracts.get_contract(s, a, contract_id)))
        self.update_figures()

    def open_buyer_dialog(self) -> BuyerDialog:
        """A new buyer; once saved it is added to the list and chosen."""
        dialog = BuyerDialog(self.ctx, self)
        dialog.saved.connect(self._buyer_added)
        return dialog

    def _buyer_added(self, buyer: BuyerRow) -> None:
        self.buyer.addItem(buyer.name, buyer.id)
        self.buyer.setCurrentIndex(self.buyer.count() - 1)

    def update_figures(self) -> None:
        """The premium figures for what is typed now (no database: the rates are loaded)."""
        try:
            quantity = self.quantity.value()
        except MoneyError:
            self.figures.setText(self.tr("the quantity is not a number"))
            return
        if not quantity or quantity <= 0:
            self.figures.setText(self.tr("give the quantity"))
            return
        scheme = Scheme(self.scheme.currentData())
        kg = contract_kg(quantity, QuantityUnit(self.unit.currentData()))
        terms = pick_rate(self.terms, scheme, self.signing_date.date_value())
        fig = contract_figures(
            kg, terms, organic=self.organic.isChecked(), process=Process(self.process.currentData())
        )
        if terms is None:
            note = (
                self.tr("conventional sale: no premium")
                if scheme == Scheme.NONE
                else self.tr("no rate in force on the signing date")
            )
            self.figures.setText(self.tr("{0} lb · {1}").format(format_decimal(fig.pounds), note))
            return
        self.figures.setText(
            self.tr(
                "{0} lb × USD {1} = premium due USD {2}\n"
                "organic differential USD {3} · productivity/quality share (25%) USD {4}"
            ).format(
                format_decimal(fig.pounds),
                f"{fig.premium_rate.normalize():f}",
                format_decimal(fig.premium_due),
                format_decimal(fig.organic_differential),
                format_decimal(fig.quality_share),
            )
        )

    def current_input(self) -> ContractInput | None:
        try:
            quantity = self.quantity.value()
        except MoneyError:
            return None
        return ContractInput(
            buyer_id=self.buyer.currentData(),
            number=self.number.text(),
            signing_date=self.signing_date.date_value(),
            scheme=self.scheme.currentData(),
            organic=self.organic.isChecked(),
            process=self.process.currentData(),
            quantity=quantity if quantity is not None else Decimal(0),
            quantity_unit=self.unit.currentData(),
            shipment_date=self.shipment_date.date_value(),
            notes=self.notes.text(),
        )

    def prepare(self) -> Prepared:
        data = self.current_input()
        if data is None:
            return [Problem("quantity", "the quantity is not a number")], None
        contract = self.contract_row

        def call(session: Session, actor: Actor) -> ContractRow:
            if contract is None:
                return contracts.create_contract(session, actor, data)
            return contracts.update_contract(
                session, actor, contract.id, data, record_version=contract.record_version
            )

        return [], call


class ShipmentDialog(FormDialog):
    """The contract shipped: its premium due becomes receivable from the buyer."""

    topic = "ledger"

    def __init__(self, ctx: AppContext, contract: ContractRow, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.contract_row = contract
        self.setWindowTitle(self.tr("Record shipment of {0}").format(contract.number))
        self.set_intro(
            self.tr(
                "Contract {0} with {1}, signed {2}: premium due USD {3}. Once the shipment is "
                "recorded the buyer owes it."
            ).format(
                contract.number,
                contract.buyer_name,
                format_date(contract.signing_date),
                format_decimal(contract.premium_due),
            )
        )
        self.shipment_date = DateField(contract.shipment_date or date.today())
        self.add_field(self.tr("&Shipment date"), "shipment_date", self.shipment_date)

    def prepare(self) -> Prepared:
        contract_id = self.contract_row.id
        day = self.shipment_date.date_value()
        return [], lambda s, a: operations.record_shipment(s, a, contract_id, shipment_date=day)
