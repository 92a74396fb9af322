"""Setting the ledger up: buyers (each with its premium receivable account), bank and cash
accounts, and the ledger's settings (payments outside the plan: warn or block; days after
which unpaid premium is overdue)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from coop_desk.domain.money import CURRENCIES
from coop_desk.services.ledger import accounts, contracts
from coop_desk.services.ledger import settings as ledger_settings
from coop_desk.services.ledger.settings import LedgerSettings
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, Prepared


class BuyerDialog(FormDialog):
    topic = "ledger"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New buyer"))
        self.name = QLineEdit()
        self.country = QLineEdit()
        self.notes = QLineEdit()
        self.add_field(self.tr("&Name"), "name", self.name)
        self.add_field(self.tr("&Country"), "country", self.country)
        self.add_field(self.tr("N&otes"), "notes", self.notes)

    def prepare(self) -> Prepared:
        name, country, notes = self.name.text(), self.country.text(), self.notes.text()
        return [], lambda s, a: contracts.create_buyer(
            s, a, name=name, country=country, notes=notes
        )


class MoneyAccountDialog(FormDialog):
    """A bank or cash account, held in one currency."""

    topic = "ledger"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New bank or cash account"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Banco de la Nación USD"))
        self.role = QComboBox()
        self.role.addItem(self.tr("Bank account"), "bank")
        self.role.addItem(self.tr("Cash"), "cash")
        self.currency = QComboBox()
        self.currency.setEditable(True)
        for code in CURRENCIES:
            self.currency.addItem(code)
        self.bank_details = QLineEdit()
        self.bank_details.setPlaceholderText(self.tr("Bank, account number (optional)"))
        self.add_field(self.tr("&Name"), "name", self.name)
        self.add_field(self.tr("&Kind"), "role", self.role)
        self.add_field(self.tr("C&urrency"), "currency", self.currency)
        self.add_field(self.tr("&Bank details"), "bank_details", self.bank_details)

    def prepare(self) -> Prepared:
        name, role = self.name.text(), self.role.currentData()
        currency, details = self.currency.currentText(), self.bank_details.text()
        return [], lambda s, a: accounts.create_money_account(
            s, a, name=name, currency=currency, role=role, bank_details=details
        )


class LedgerSettingsDialog(FormDialog):
    topic = "settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Premium ledger settings"))
        self.over_budget = QComboBox()
        self.over_budget.addItem(self.tr("Ask to confirm; the compliance checks report it"), "warn")
        self.over_budget.addItem(
            self.tr("Only administrators may confirm it; refuse it to the others"),
            "administrators",
        )
        self.over_budget.addItem(self.tr("Refuse the payment"), "block")
        self.overdue_days = QSpinBox()
        self.overdue_days.setRange(0, 3650)
        self.overdue_days.setSuffix(self.tr(" days after shipment"))
        self.add_field(
            self.tr("Payments outside the approved\nbudget or the account's balance"),
            "over_budget",
            self.over_budget,
        )
        self.add_field(self.tr("Premium is &overdue"), "overdue_days", self.overdue_days)
        self.reload_record()

    def _fill(self, current: LedgerSettings) -> None:
        self.current = current
        self.over_budget.setCurrentIndex(max(self.over_budget.findData(current.over_budget), 0))
        self.overdue_days.setValue(current.overdue_days)
        self.mark_loaded()

    def can_reload(self) -> bool:
        return True

    def reload_record(self) -> None:
        self._fill(self.ctx.read(ledger_settings.get_ledger_settings))

    def prepare(self) -> Prepared:
        value = LedgerSettings(self.over_budget.currentData(), self.overdue_days.value())
        base = self.current
        return [], lambda s, a: ledger_settings.save_ledger_settings(s, a, value, base=base)
