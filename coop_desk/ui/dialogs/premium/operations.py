"""Operations in plain words: premium received, project payment, transfer / currency exchange,
opening balance and reversal. The treasurer fills what happened; the services turn it into a
balanced journal entry (see ``coop_desk.services.ledger.operations``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.ledger import rate_from_legs
from coop_desk.domain.money import MoneyError
from coop_desk.domain.problems import Problem
from coop_desk.errors import NeedsConfirmation
from coop_desk.services.access import Actor
from coop_desk.services.ledger import accounts, journal, operations, plan
from coop_desk.services.ledger.accounts import AccountRow
from coop_desk.services.ledger.journal import EntryRow
from coop_desk.services.ledger.ui_queries import ContractOverviewRow, contract_overview, ledger_info
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, InBackground, Prepared, ServiceCall, read_amount
from coop_desk.ui.dialogs.premium.common import fill_accounts
from coop_desk.ui.widgets import (
    ERROR_COLOR,
    WARNING_COLOR,
    AmountEdit,
    DateField,
    field_row,
    format_date,
    format_decimal,
)
from coop_desk.ui.workers import Cancelled

MONEY_ROLES = ("bank", "cash")


def _money_accounts(
    ctx: AppContext, roles: tuple[str, ...] = MONEY_ROLES
) -> tuple[list[AccountRow], str]:
    def load(session: Session, actor: Actor) -> tuple[list[AccountRow], str]:
        rows = accounts.list_accounts(session, actor, roles=roles)
        return rows, ledger_info(session, actor).reporting_currency

    return ctx.read(load)


class _AccountAmount:
    """An account, an amount in its currency (named beside the amount) and an exchange rate
    enabled only when that currency is not the reporting one. ``_build_account_amount`` makes
    the widgets; the dialog adds them to its form, then calls ``_account_changed``."""

    account: QComboBox
    amount: AmountEdit
    currency_label: QLabel
    rate: AmountEdit
    reporting: str

    def _build_account_amount(self, rows: list[AccountRow]) -> QWidget:
        """The widgets; returns the amount's row (amount and currency)."""
        self.account = QComboBox()
        fill_accounts(self.account, rows)
        self.amount = AmountEdit()
        self.currency_label = QLabel()
        self.rate = AmountEdit(places=8)
        self.account.currentIndexChanged.connect(lambda _i: self._account_changed())
        return field_row(self.amount, self.currency_label)

    def _account_changed(self) -> None:
        row = self.account.currentData()
        currency = row.currency if row is not None and row.currency else self.reporting
        self.currency_label.setText(currency)
        needed = bool(currency) and currency != self.reporting
        self.rate.setEnabled(needed)
        per = QCoreApplication.translate("_AccountAmount", "{0} per 1 {1}").format(
            currency, self.reporting
        )
        self.rate.setPlaceholderText(per if needed else "")
        if not needed:
            self.rate.clear()
        self.rate.setToolTip(
            per
            if needed
            else QCoreApplication.translate("_AccountAmount", "not needed for {0}").format(
                self.reporting
            )
        )

    def _read_rate(self, problems: list[Problem]) -> Decimal | None:
        """The rate typed, when the account's currency needs one (``None`` otherwise)."""
        if not self.rate.isEnabled():
            return None
        return read_amount(problems, "rate", self.rate, required=False)


# --- premium received -------------------------------------------------------------------------


class PremiumReceiptDialog(FormDialog, _AccountAmount):
    """Premium paid by a buyer into a bank account: partial amounts allowed."""

    topic = "ledger"

    def __init__(
        self, ctx: AppContext, contract_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Premium received"))
        self.set_intro(
            self.tr(
                "Record premium a buyer paid. Give what reached the account and, if the bank "
                "deducted charges on the way, the charges: both settle the contract."
            )
        )
        self.money_accounts, self.reporting = _money_accounts(ctx)
        # Contracts still owing premium first (newest first), then the settled ones.
        rows = [r for r in ctx.read(contract_overview) if r.contract.scheme != "none"]
        rows.sort(key=lambda r: (r.outstanding <= 0, -r.contract.signing_date.toordinal()))
        self.contracts: list[ContractOverviewRow] = rows
        self.contract = QComboBox()
        self.contract.setObjectName("contract")
        for row in self.contracts:
            c = row.contract
            self.contract.addItem(
                self.tr("{0} · {1} · outstanding USD {2}").format(
                    c.number, c.buyer_name, format_decimal(row.outstanding)
                ),
                c.id,
            )
        self.contract.addItem(self.tr("No contract recorded (cash book)"), None)
        amount_row = self._build_account_amount(self.money_accounts)
        self.entry_date = DateField(date.today())
        self.amount.setPlaceholderText("1,250.50")
        self.bank_charges = AmountEdit()
        self.bank_charges.setPlaceholderText("0.00")
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Bank transfer reference (optional)"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Optional: filled in from the contract"))
        self.add_field(self.tr("&Contract"), "contract_id", self.contract)
        self.add_field(self.tr("Paid &into"), "account_id", self.account)
        self.add_field(self.tr("&Date"), "entry_date", self.entry_date)
        self.add_field(self.tr("&Amount received"), "amount", amount_row)
        self.add_field(self.tr("Bank &charges"), "bank_charges", self.bank_charges)
        self.add_field(self.tr("Exchange &rate"), "rate", self.rate)
        self.add_field(self.tr("&Reference"), "reference", self.reference)
        self.add_field(self.tr("D&escription"), "description", self.description)
        if contract_id is not None:
            self.contract.setCurrentIndex(max(self.contract.findData(contract_id), 0))
        self._account_changed()

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        amount = read_amount(problems, "amount", self.amount)
        charges = read_amount(problems, "bank_charges", self.bank_charges, required=False)
        rate = self._read_rate(problems)
        account: AccountRow | None = self.account.currentData()
        if account is None:
            problems.append(Problem("account_id", "choose the bank account"))
        if problems or amount is None or account is None:
            return problems, None
        contract_id = self.contract.currentData()
        day = self.entry_date.date_value()
        reference, description = self.reference.text(), self.description.text()

        def call(session: Session, actor: Actor) -> EntryRow:
            return operations.record_premium_receipt(
                session,
                actor,
                contract_id=contract_id,
                account_id=account.id,
                entry_date=day,
                amount=amount,
                bank_charges=charges or Decimal(0),
                rate=rate,
                reference=reference,
                description=description,
            )

        return [], call


# --- project payment --------------------------------------------------------------------------


class ProjectPaymentDialog(FormDialog, _AccountAmount):
    """A payment for a project of the Development Plan, with its voucher.

    While the amount is typed the dialog shows what the payment would do (its USD value, the
    project's budget and the account's balance after it), from ``operations.preview_payment``.
    A payment beyond the budget, to a project without one or taking the account below zero
    is posted only after the treasurer confirms those consequences (``confirm_consequences``,
    replaceable by tests); the cooperative's setting may refuse it outright."""

    topic = "ledger"
    inline_errors = (NeedsConfirmation,)
    preview_shown = Signal(object)  # the PaymentPreview now shown (None: nothing to show)

    def __init__(
        self, ctx: AppContext, project_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Project payment"))
        self.setMinimumWidth(540)  # the budget and balance lines wrap less
        self.money_accounts, self.reporting = _money_accounts(ctx)
        self.preview: operations.PaymentPreview | None = None
        projects = ctx.read(plan.list_projects)
        self.project = QComboBox()
        for p in projects:
            self.project.addItem(p.name, p.id)
            self.project.setItemData(self.project.count() - 1, p.name, Qt.ItemDataRole.ToolTipRole)
        self.budget_label = QLabel()
        self.budget_label.setObjectName("budget_status")
        self.budget_label.setWordWrap(True)
        self.balance_label = QLabel()
        self.balance_label.setObjectName("balance_status")
        self.balance_label.setWordWrap(True)
        amount_row = self._build_account_amount(self.money_accounts)
        self.usd_label = QLabel()
        self.usd_label.setObjectName("usd_value")
        amount_row.layout().addWidget(self.usd_label)  # type: ignore[union-attr]
        self.entry_date = DateField(date.today())
        self.amount.setPlaceholderText("1,250.50")
        self.payee = QLineEdit()
        self.voucher = QLineEdit()
        self.voucher.setPlaceholderText(self.tr("Required: number of the invoice or receipt"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What was bought or paid for"))
        self.reference = QLineEdit()
        self.receipt_file = QLineEdit()
        self.receipt_file.setPlaceholderText(self.tr("Optional scanned receipt (PDF, image)"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.choose_receipt)
        file_row = field_row(self.receipt_file, browse)
        self.add_field(self.tr("&Project"), "project_id", self.project)
        self.form.addRow("", self.budget_label)
        self.add_field(self.tr("Paid &from"), "account_id", self.account)
        self.form.addRow("", self.balance_label)
        self.add_field(self.tr("&Date"), "entry_date", self.entry_date)
        self.add_field(self.tr("&Amount"), "amount", amount_row)
        self.add_field(self.tr("Exchange &rate"), "rate", self.rate)
        self.add_field(self.tr("Pa&yee"), "payee", self.payee)
        self.add_field(self.tr("&Voucher number"), "voucher", self.voucher)
        self.add_field(self.tr("D&escription"), "description", self.description)
        self.add_field(self.tr("&Reference"), "reference", self.reference)
        self.add_field(self.tr("Scanned recei&pt"), "receipt_file", file_row)
        if project_id is not None:
            self.project.setCurrentIndex(max(self.project.findData(project_id), 0))
        self.project.currentIndexChanged.connect(lambda _i: self.update_budget_status())
        self.entry_date.dateChanged.connect(lambda _d: self.update_budget_status())
        self.account.currentIndexChanged.connect(lambda _i: self.update_budget_status())
        self.amount.valueChanged.connect(self.update_budget_status)
        self.rate.valueChanged.connect(self.update_budget_status)
        self._account_changed()
        self.update_budget_status()

    def _typed(self) -> tuple[Decimal, Decimal | None]:
        """The amount and rate typed so far (0 and None where nothing readable is typed)."""
        try:
            amount = self.amount.value() or Decimal(0)
        except MoneyError:
            amount = Decimal(0)
        try:
            rate = self.rate.value() if self.rate.isEnabled() else None
        except MoneyError:
            rate = None
        return amount, rate

    def read_preview(self, amount: Decimal, rate: Decimal | None) -> operations.PaymentPreview:
        """What the payment would do, from the one service function the save applies."""
        project_id = self.project.currentData()
        account: AccountRow | None = self.account.currentData()
        day = self.entry_date.date_value()
        assert project_id is not None and account is not None
        return self.ctx.read(
            lambda s, a: operations.preview_payment(
                s,
                a,
                project_id=project_id,
                account_id=account.id,
                entry_date=day,
                amount=amount,
                rate=rate if rate is not None and rate > 0 else None,
            )
        )

    def update_budget_status(self) -> None:
        """Where the project and the account stand on the payment date, before and after the
        amount typed so far, and the amount's USD value."""
        if self.project.currentData() is None or self.account.currentData() is None:
            self.budget_label.clear()
            self.balance_label.clear()
            self.usd_label.clear()
            self.preview = None
            self.preview_shown.emit(None)
            return
        amount, rate = self._typed()
        preview = self.read_preview(amount, rate)
        self.preview = preview
        self._show_budget(preview, amount)
        self._show_balance(preview, amount)
        self._show_usd(preview, amount)
        self.grow_to_fit()
        self.preview_shown.emit(preview)

    def _show_budget(self, preview: operations.PaymentPreview, amount: Decimal) -> None:
        status = preview.budget
        if status.approved is None:
            self.budget_label.setStyleSheet(f"color: {WARNING_COLOR};")
            self.budget_label.setText(
                self.tr("No budget approved by the General Assembly for {0} on {1}.").format(
                    status.year, format_date(self.entry_date.date_value())
                )
            )
            return
        remaining = status.remaining if status.remaining is not None else Decimal(0)
        text = self.tr("Budget {0}: USD {1} approved, {2} spent, {3} left.").format(
            status.year,
            format_decimal(status.approved),
            format_decimal(status.spent),
            format_decimal(remaining),
        )
        after = preview.remaining_after
        if amount and after is not None:
            text += " " + self.tr("After this payment: {0} left ({1} % used).").format(
                format_decimal(after), format_decimal(preview.percent_after, 1)
            )
        shown = after if amount and after is not None else remaining
        self.budget_label.setStyleSheet(f"color: {ERROR_COLOR};" if shown < 0 else "")
        self.budget_label.setText(text)

    def _show_balance(self, preview: operations.PaymentPreview, amount: Decimal) -> None:
        text = self.tr("{0} holds {1} {2}.").format(
            preview.account_name, format_decimal(preview.balance), preview.currency
        )
        if amount:
            text += " " + self.tr("After this payment: {0} {1}.").format(
                format_decimal(preview.balance_after), preview.currency
            )
        shown = preview.balance_after if amount else preview.balance
        self.balance_label.setStyleSheet(f"color: {ERROR_COLOR};" if shown < 0 else "")
        self.balance_label.setText(text)

    def _show_usd(self, preview: operations.PaymentPreview, amount: Decimal) -> None:
        if preview.currency == self.reporting or not amount:
            self.usd_label.clear()
            self.usd_label.setToolTip("")
        elif preview.usd_value is None:
            self.usd_label.setText(self.tr("give the rate for the USD value"))
        elif preview.rate_is_last_recorded:
            self.usd_label.setText(self.tr("≈ USD {0}").format(format_decimal(preview.usd_value)))
            self.usd_label.setToolTip(
                self.tr("At the last rate recorded; type the rate of this payment.")
            )
        else:
            self.usd_label.setText(self.tr("= USD {0}").format(format_decimal(preview.usd_value)))
            self.usd_label.setToolTip("")

    def consequence_text(self, preview: operations.PaymentPreview) -> list[str]:
        """Each consequence of the payment in the user's words."""
        lines = []
        for consequence in preview.consequences:
            if consequence.kind == operations.PaymentWarning.NO_BUDGET:
                lines.append(
                    self.tr(
                        "{0} has no budget approved by the General Assembly for {1} on {2}."
                    ).format(
                        preview.project_name,
                        preview.budget.year,
                        format_date(self.entry_date.date_value()),
                    )
                )
            elif consequence.kind == operations.PaymentWarning.OVER_BUDGET:
                lines.append(
                    self.tr(
                        "{0}: spending reaches USD {1}, {2} % of the budget of USD {3} the "
                        "General Assembly approved."
                    ).format(
                        preview.project_name,
                        format_decimal(preview.spent_after),
                        format_decimal(preview.percent_after, 1),
                        format_decimal(preview.budget.approved),
                    )
                )
            else:
                lines.append(
                    self.tr("{0} holds {1} {3}; after this payment it is at {2} {3}.").format(
                        preview.account_name,
                        format_decimal(preview.balance),
                        format_decimal(preview.balance_after),
                        preview.currency,
                    )
                )
        return lines

    def confirm_consequences(self, preview: operations.PaymentPreview) -> bool:
        """Ask before posting a payment with consequences (Go back is the default)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Confirm the payment"))
        box.setText(
            self.tr("Payment of {0} {1}:").format(format_decimal(preview.amount), preview.currency)
        )
        box.setInformativeText(
            "\n".join(f"• {line}" for line in self.consequence_text(preview))
            + "\n\n"
            + self.tr("Check the amount. Post it anyway?")
        )
        post = box.addButton(self.tr("&Post anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is post

    def choose_receipt(self) -> None:
        settings = QSettings()
        folder = str(settings.value("premium/receipt_folder", "") or "")
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Scanned receipt"),
            folder,
            self.tr("Receipts (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"),
        )
        if path:
            self.receipt_file.setText(path)
            settings.setValue("premium/receipt_folder", str(Path(path).parent))

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        amount = read_amount(problems, "amount", self.amount)
        rate = self._read_rate(problems)
        account: AccountRow | None = self.account.currentData()
        project_id = self.project.currentData()
        if account is None:
            problems.append(Problem("account_id", "choose the account the money came from"))
        if project_id is None:
            problems.append(Problem("project_id", "choose the project"))
        if problems or amount is None or account is None:
            return problems, None
        day = self.entry_date.date_value()
        payee, voucher = self.payee.text(), self.voucher.text()
        description, reference = self.description.text(), self.reference.text()
        receipt = (
            Path(self.receipt_file.text().strip()) if self.receipt_file.text().strip() else None
        )

        def make_call(accept: frozenset[str]) -> ServiceCall:
            def call(session: Session, actor: Actor) -> EntryRow:
                return operations.record_project_payment(
                    session,
                    actor,
                    project_id=project_id,
                    account_id=account.id,
                    entry_date=day,
                    amount=amount,
                    payee=payee,
                    voucher=voucher,
                    description=description,
                    rate=rate,
                    reference=reference,
                    receipt_file=receipt,
                    accept=accept,
                )

            return call

        self._make_call = make_call
        self._typed_for_save = (amount, rate)
        return [], make_call(frozenset())

    def execute(self, call: ServiceCall | InBackground[Any]) -> Any:
        """Post; when the service answers that the payment has consequences (every field
        being right), show them and, once confirmed, post it accepting exactly those."""
        try:
            return super().execute(call)
        except NeedsConfirmation:
            amount, rate = self._typed_for_save
            preview = self.read_preview(amount, rate)
            if not self.confirm_consequences(preview):
                raise Cancelled() from None
            return super().execute(self._make_call(frozenset(preview.kinds)))


# --- transfer and exchange --------------------------------------------------------------------


class TransferDialog(FormDialog):
    """Move money between two accounts; between currencies both amounts give the rate."""

    topic = "ledger"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Transfer / currency exchange"))
        self.set_intro(
            self.tr(
                "Money moved between the cooperative's accounts. For an exchange (USD to PEN) "
                "give the amount that left and the amount that arrived: the rate follows."
            )
        )
        self.money_accounts, self.reporting = _money_accounts(ctx)
        self.from_account = QComboBox()
        fill_accounts(self.from_account, self.money_accounts)
        self.to_account = QComboBox()
        fill_accounts(self.to_account, self.money_accounts)
        if self.to_account.count() > 1:
            self.to_account.setCurrentIndex(1)
        self.entry_date = DateField(date.today())
        self.amount = AmountEdit()
        self.to_amount = AmountEdit()
        self.from_currency = QLabel()
        self.to_currency = QLabel()
        self.rate_label = QLabel()
        self.rate_label.setObjectName("rate_shown")
        # Between two accounts of the same foreign currency the USD value needs a rate; left
        # blank, the service uses the last rate recorded for that currency.
        self.rate = AmountEdit(places=8)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Optional"))
        self.reference = QLineEdit()
        self.add_field(self.tr("&From"), "from_account_id", self.from_account)
        self.add_field(self.tr("&To"), "to_account_id", self.to_account)
        self.add_field(self.tr("&Date"), "entry_date", self.entry_date)
        self.add_field(
            self.tr("Amount &sent"), "amount", field_row(self.amount, self.from_currency)
        )
        self.add_field(
            self.tr("Amount &arrived"), "to_amount", field_row(self.to_amount, self.to_currency)
        )
        self.form.addRow(self.tr("Rate"), self.rate_label)
        self.add_field(self.tr("Rate for the &USD value"), "rate", self.rate)
        self.add_field(self.tr("D&escription"), "description", self.description)
        self.add_field(self.tr("&Reference"), "reference", self.reference)
        for combo in (self.from_account, self.to_account):
            combo.currentIndexChanged.connect(lambda _i: self._update())
        self.amount.valueChanged.connect(self._update)
        self.to_amount.valueChanged.connect(self._update)
        self._update()

    def _currencies(self) -> tuple[str, str]:
        src, dst = self.from_account.currentData(), self.to_account.currentData()
        return (
            (src.currency if src is not None and src.currency else self.reporting),
            (dst.currency if dst is not None and dst.currency else self.reporting),
        )

    def _update(self) -> None:
        src, dst = self._currencies()
        self.from_currency.setText(src)
        self.to_currency.setText(dst)
        exchange = src != dst
        self.to_amount.setEnabled(exchange)
        valued = not exchange and src != self.reporting
        self.rate.setEnabled(valued)
        self.rate.setPlaceholderText(
            self.tr("optional: {0} per 1 {1}; blank = last rate recorded").format(
                src, self.reporting
            )
            if valued
            else ""
        )
        if not valued:
            self.rate.clear()
        if not exchange:
            self.to_amount.clear()
            self.rate_label.setText(self.tr("same currency: no exchange"))
            return
        try:
            sent, arrived = self.amount.value(), self.to_amount.value()
        except MoneyError:
            self.rate_label.setText("")
            return
        if not sent or not arrived:
            self.rate_label.setText(self.tr("give both amounts"))
            return
        usd, local, local_cur = (
            (sent, arrived, dst) if src == self.reporting else (arrived, sent, src)
        )
        rate = rate_from_legs(local, usd)  # the rate the service will post, shown to 4 places
        self.rate_label.setText(f"1 {self.reporting} = {format_decimal(rate, 4)} {local_cur}")

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        amount = read_amount(problems, "amount", self.amount)
        to_amount = (
            read_amount(problems, "to_amount", self.to_amount, what="the amount that arrived")
            if self.to_amount.isEnabled()
            else None
        )
        rate = (
            read_amount(problems, "rate", self.rate, required=False)
            if self.rate.isEnabled()
            else None
        )
        src: AccountRow | None = self.from_account.currentData()
        dst: AccountRow | None = self.to_account.currentData()
        if src is None or dst is None:
            problems.append(Problem("from_account_id", "choose both accounts"))
        if problems or amount is None or src is None or dst is None:
            return problems, None
        day = self.entry_date.date_value()
        description, reference = self.description.text(), self.reference.text()

        def call(session: Session, actor: Actor) -> EntryRow:
            return operations.record_transfer(
                session,
                actor,
                from_account_id=src.id,
                to_account_id=dst.id,
                entry_date=day,
                amount=amount,
                to_amount=to_amount,
                description=description,
                reference=reference,
                rate=rate,
            )

        return [], call


# --- opening balance --------------------------------------------------------------------------


class OpeningBalanceDialog(FormDialog, _AccountAmount):
    """What an account held when the cooperative started keeping its books here."""

    topic = "ledger"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Opening balance"))
        self.set_intro(
            self.tr(
                "What the cooperative already held in a bank or cash account, or what a buyer "
                "still owed it, when it started keeping its books in coop-desk."
            )
        )
        self.money_accounts, self.reporting = _money_accounts(ctx, (*MONEY_ROLES, "receivable"))
        row = self._build_account_amount(self.money_accounts)
        self.entry_date = DateField(date.today())
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Optional"))
        self.add_field(self.tr("&Account"), "account_id", self.account)
        self.add_field(self.tr("&Date"), "entry_date", self.entry_date)
        self.add_field(self.tr("A&mount held"), "amount", row)
        self.add_field(self.tr("Exchange &rate"), "rate", self.rate)
        self.add_field(self.tr("D&escription"), "description", self.description)
        self._account_changed()

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        amount = read_amount(problems, "amount", self.amount)
        rate = self._read_rate(problems)
        account: AccountRow | None = self.account.currentData()
        if account is None:
            problems.append(Problem("account_id", "choose the account"))
        if problems or amount is None or account is None:
            return problems, None
        day = self.entry_date.date_value()
        description = self.description.text()

        def call(session: Session, actor: Actor) -> EntryRow:
            return operations.record_opening_balance(
                session,
                actor,
                account_id=account.id,
                entry_date=day,
                amount=amount,
                rate=rate,
                description=description,
            )

        return [], call


# --- reversal ---------------------------------------------------------------------------------


class ReverseEntryDialog(FormDialog):
    """Reverse a posted entry: its mirror image is posted, linked to it; both stay."""

    topic = "ledger"

    def __init__(self, ctx: AppContext, entry: EntryRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.entry = entry
        self.setWindowTitle(self.tr("Reverse entry {0}").format(entry.number))
        self.set_intro(
            self.tr(
                "Entry {0} ({1}, {2}) stays in the journal. A reversal entry cancels it, "
                "linked to it; then record the correct operation."
            ).format(entry.number, entry.description, format_date(entry.entry_date))
        )
        self.entry_date = DateField(entry.entry_date)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required: why the entry is reversed"))
        self.add_field(self.tr("Reversal &date"), "entry_date", self.entry_date)
        self.add_field(self.tr("&Reason"), "reason", self.reason)
        self.save_button().setText(self.tr("&Reverse"))

    def prepare(self) -> Prepared:
        reason = self.reason.text()
        if not reason.strip():
            return [Problem("reason", "say why the entry is reversed")], None
        entry_id = self.entry.id
        day = self.entry_date.date_value()

        return [], lambda s, a: journal.reverse_entry(s, a, entry_id, reason=reason, entry_date=day)
