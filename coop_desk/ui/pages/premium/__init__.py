"""The Premium section: contracts, the Development Plan, the journal, project and fund
balances and the compliance checks, with the operations a treasurer records (premium
received, project payment, transfer / exchange, opening balance, reversal) and the fiscal
year's close and reopen.

The page owns the selected fiscal year and opens every dialog through an ``open_*`` method that
returns it without showing it (tests fill it and click Save; the toolbar calls ``exec()``).
Tabs load lazily: a change on the bus marks them stale and the visible one reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coop_desk.errors import CoopDeskError
from coop_desk.services import documents
from coop_desk.services.access import Permission
from coop_desk.services.ledger import journal, reports
from coop_desk.services.ledger.journal import EntryRow
from coop_desk.services.ledger.plan import ApprovalRow
from coop_desk.services.ledger.ui_queries import LedgerInfo, ledger_info
from coop_desk.ui import documents as ui_documents
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog
from coop_desk.ui.dialogs.history import HistoryDialog
from coop_desk.ui.dialogs.premium.contract import ContractDialog, ShipmentDialog
from coop_desk.ui.dialogs.premium.entry import EntryDialog
from coop_desk.ui.dialogs.premium.operations import (
    OpeningBalanceDialog,
    PremiumReceiptDialog,
    ProjectPaymentDialog,
    ReverseEntryDialog,
    TransferDialog,
)
from coop_desk.ui.dialogs.premium.plan import ApprovalDetailsDialog, ApprovalDialog, ProjectDialog
from coop_desk.ui.dialogs.premium.rates import RatesDialog
from coop_desk.ui.dialogs.premium.setup import BuyerDialog, LedgerSettingsDialog, MoneyAccountDialog
from coop_desk.ui.dialogs.premium.years import CloseYearDialog, ReopenYearDialog
from coop_desk.ui.errors import show_error
from coop_desk.ui.layout_memory import remember_tab
from coop_desk.ui.pages.base import Page
from coop_desk.ui.pages.premium.tabs import (
    BalancesTab,
    ComplianceTab,
    ContractsTab,
    JournalTab,
    PlanTab,
    Tab,
)
from coop_desk.ui.widgets import DateField, format_decimal

D = TypeVar("D", bound=FormDialog)

__all__ = ["PremiumPage"]


class PremiumPage(Page):
    key = "premium"
    topics = frozenset({"ledger", "settings", "*"})
    write_permission = Permission.LEDGER_WRITE
    help_topic = "ledger"
    loaded = Signal()  # the Compliance tab's checks (run in a pool thread) are shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # The day the page judges "today" by (overdue premium, closing a year); tests pin it.
        self.today: Callable[[], date] = date.today
        self.info: LedgerInfo | None = None

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("premium_toolbar")
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("premium_year")
        self.year_combo.setMinimumContentsLength(12)
        self.year_state = QLabel()
        self.toolbar.addWidget(QLabel(self.tr("Fiscal year ")))
        self.toolbar.addWidget(self.year_combo)
        self.toolbar.addWidget(self.year_state)
        self.operations_separator = self.toolbar.addSeparator()
        self.receipt_action = self._action(self.tr("Premium received…"), self.record_receipt)
        self.payment_action = self._action(self.tr("Project payment…"), self.record_payment)
        self.transfer_action = self._action(self.tr("Transfer / exchange…"), self.record_transfer)
        self.opening_action = self._action(self.tr("Opening balance…"), self.record_opening)
        self.years_separator = self.toolbar.addSeparator()
        self.close_year_action = self._action(self.tr("Close year…"), self.close_year)
        self.reopen_year_action = self._action(self.tr("Reopen year…"), self.reopen_year)
        self.toolbar.addSeparator()
        self.setup_menu = QMenu(self.tr("Set up"), self)
        self.buyer_action = self.setup_menu.addAction(self.tr("New buyer…"))
        self.buyer_action.triggered.connect(lambda _c=False: self.open_buyer_dialog().exec())
        self.account_action = self.setup_menu.addAction(self.tr("New bank or cash account…"))
        self.account_action.triggered.connect(
            lambda _c=False: self.open_money_account_dialog().exec()
        )
        self.rates_action = self.setup_menu.addAction(self.tr("Premium price table…"))
        self.rates_action.triggered.connect(lambda _c=False: self.open_rates_dialog().exec())
        self.settings_action = self.setup_menu.addAction(self.tr("Ledger settings…"))
        self.settings_action.triggered.connect(lambda _c=False: self.open_settings_dialog().exec())
        setup_button = QToolButton()
        setup_button.setText(self.tr("Set up"))
        setup_button.setMenu(self.setup_menu)
        setup_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(setup_button)
        self.operation_actions = [
            self.receipt_action,
            self.payment_action,
            self.transfer_action,
            self.opening_action,
        ]

        self.tabs = QTabWidget()
        self.tabs.setObjectName("premium_tabs")
        self.contracts_tab = ContractsTab(self)
        self.plan_tab = PlanTab(self)
        self.journal_tab = JournalTab(self)
        self.balances_tab = BalancesTab(self)
        self.compliance_tab = ComplianceTab(self)
        self.compliance_tab.loaded.connect(self.loaded)
        self.tabs.addTab(self.contracts_tab, self.tr("Contracts"))
        self.tabs.addTab(self.plan_tab, self.tr("Plan && budget"))
        self.tabs.addTab(self.journal_tab, self.tr("Journal"))
        self.tabs.addTab(self.balances_tab, self.tr("Project balances"))
        self.tabs.addTab(self.compliance_tab, self.tr("Compliance"))
        self.targets = {
            "contracts": self.contracts_tab,
            "plan": self.plan_tab,
            "journal": self.journal_tab,
            "balances": self.balances_tab,
            "compliance": self.compliance_tab,
        }
        self._stale_tabs: set[Tab] = set()
        remember_tab(self.tabs, "premium")  # before the page reloads on tab changes

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.tabs.currentChanged.connect(lambda _i: self._reload_current_tab())
        self.apply_permissions()

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _c=False: slot())
        self.toolbar.addAction(action)
        return action

    def title(self) -> str:
        return self.tr("Premium")

    def show_target(self, target: str) -> None:
        tab = self.targets.get(target)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    # --- loading -----------------------------------------------------------------------
    def year(self) -> int:
        value = self.year_combo.currentData()
        if value is not None:
            return int(value)
        return self.info.current_year if self.info is not None else self.today().year

    def set_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        today = self.today()
        self.info = self.ctx.read(lambda s, a: ledger_info(s, a, today))
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in self.info.years:
            label = f"{y.year}" + (self.tr(" (closed)") if y.closed else "")
            self.year_combo.addItem(label, y.year)
        wanted = current if current is not None else self.info.current_year
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(wanted), 0))
        self.year_combo.blockSignals(False)
        self.journal_tab.reload_choices()
        self._year_changed()

    def _year_changed(self) -> None:
        year = self.year()
        info = self.info
        if info is not None:
            row = next((y for y in info.years if y.year == year), None)
            if row is not None:
                self.journal_tab.set_year_range(row.start, row.end)
        self._update_year_actions()
        self._stale_tabs = {
            self.contracts_tab,
            self.plan_tab,
            self.journal_tab,
            self.balances_tab,
            self.compliance_tab,
        }
        self._reload_current_tab()
        self._emit_status()

    def _reload_current_tab(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, Tab) and tab in self._stale_tabs:
            self._stale_tabs.discard(tab)
            try:
                tab.reload()
            except Exception as exc:  # noqa: BLE001 - shown in words, the page stays up
                show_error(self, exc)

    def _emit_status(self) -> None:
        year = self.year()
        fund = self.ctx.read(lambda s, a: reports.fund_report(s, a, year))
        state = self.tr("closed") if self.info and self.info.is_closed(year) else self.tr("open")
        self.status_message.emit(
            self.tr(
                "Premium available: USD {0} · in bank and cash USD {1} · receivable USD {2} "
                "· {3} {4}"
            ).format(
                format_decimal(fund.closing),
                format_decimal(fund.cash),
                format_decimal(fund.receivable),
                year,
                state,
            )
        )

    def _update_year_actions(self) -> None:
        closed = self.info is not None and self.info.is_closed(self.year())
        self.year_state.setText(self.tr(" closed ") if closed else self.tr(" open "))
        self.year_state.setStyleSheet("color: #9a6700;" if closed else "")
        self.close_year_action.setEnabled(not closed)
        self.reopen_year_action.setEnabled(closed)

    def default_date(self) -> date:
        """Today when it falls in the selected year, otherwise the year's last day."""
        today = self.today()
        if self.info is not None:
            row = next((y for y in self.info.years if y.year == self.year()), None)
            if row is not None and not row.start <= today <= row.end:
                return row.end if row.end < today else row.start
        return today

    # --- permissions -------------------------------------------------------------------
    def apply_permissions(self) -> None:
        can_write = self.ctx.can(Permission.LEDGER_WRITE)
        for action in [*self.operation_actions, self.close_year_action]:
            action.setVisible(can_write)
        # No lone separators where a role sees no operations (they showed as "| |").
        self.operations_separator.setVisible(can_write)
        self.years_separator.setVisible(can_write or self.ctx.can(Permission.YEAR_REOPEN))
        self.reopen_year_action.setVisible(self.ctx.can(Permission.YEAR_REOPEN))
        self.buyer_action.setVisible(can_write)
        self.account_action.setVisible(can_write)
        self.rates_action.setEnabled(True)  # everyone may look; saving needs SETTINGS_WRITE
        self.settings_action.setVisible(self.ctx.can(Permission.SETTINGS_WRITE))
        for tab in (
            self.contracts_tab,
            self.plan_tab,
            self.journal_tab,
            self.balances_tab,
            self.compliance_tab,
        ):
            for widget in tab.write_widgets:
                widget.setVisible(can_write)

    # --- dialogs (returned unshown; tests drive them) ----------------------------------
    def _prepare(self, dialog: D) -> D:
        entry_date = getattr(dialog, "entry_date", None)
        if isinstance(entry_date, DateField) and not isinstance(dialog, ReverseEntryDialog):
            entry_date.set_date_value(self.default_date())
        dialog.saved.connect(self._after_save)
        return dialog

    def open_receipt_dialog(self, contract_id: int | None = None) -> PremiumReceiptDialog:
        return self._prepare(PremiumReceiptDialog(self.ctx, contract_id, self))

    def open_payment_dialog(self, project_id: int | None = None) -> ProjectPaymentDialog:
        return self._prepare(ProjectPaymentDialog(self.ctx, project_id, self))

    def open_transfer_dialog(self) -> TransferDialog:
        return self._prepare(TransferDialog(self.ctx, self))

    def open_opening_dialog(self) -> OpeningBalanceDialog:
        return self._prepare(OpeningBalanceDialog(self.ctx, self))

    def open_reverse_dialog(self, entry: EntryRow) -> ReverseEntryDialog:
        dialog = ReverseEntryDialog(self.ctx, entry, self)
        if self.info is not None and self.info.is_closed(entry.fiscal_year):
            # The entry's year is locked: the reversal goes into the first open year.
            open_years = [y for y in self.info.years if not y.closed and y.year > entry.fiscal_year]
            if open_years:
                dialog.entry_date.set_date_value(open_years[0].start)
        return self._prepare(dialog)

    def open_entry_dialog(self, entry_id: int) -> EntryDialog:
        detail = self.ctx.read(lambda s, a: journal.get_entry(s, a, entry_id))
        sha = detail.entry.document_sha256
        document = self.ctx.read(lambda s, a: documents.check_document(s, a, sha)) if sha else None
        dialog = EntryDialog(detail, self, document=document)
        dialog.document_requested.connect(lambda: self.open_receipt(detail.entry))
        dialog.go_to_entry.connect(self.go_to_entry)
        dialog.history_requested.connect(self.open_history)
        return dialog

    def open_receipt(self, entry: EntryRow) -> Path | None:
        """Open the entry's scanned receipt (a temporary copy from the database)."""
        try:
            return ui_documents.open_document(self.ctx, entry.document_sha256, entry.document_name)
        except CoopDeskError as exc:
            show_error(self, exc)
            return None

    def open_history(self, entry_id: int) -> HistoryDialog:
        """The audit trail of one journal entry (who posted it, when, every value)."""
        dialog = HistoryDialog(self.ctx, "journal_entry", entry_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_contract_dialog(self, contract_id: int | None = None) -> ContractDialog:
        from coop_desk.services.ledger import contracts

        row = (
            self.ctx.read(lambda s, a: contracts.get_contract(s, a, contract_id))
            if contract_id is not None
            else None
        )
        dialog = ContractDialog(self.ctx, row, self)
        if row is None:
            dialog.signing_date.set_date_value(self.default_date())
        return self._prepare(dialog)

    def open_shipment_dialog(self, contract_id: int) -> ShipmentDialog:
        from coop_desk.services.ledger import contracts

        row = self.ctx.read(lambda s, a: contracts.get_contract(s, a, contract_id))
        return self._prepare(ShipmentDialog(self.ctx, row, self))

    def open_project_dialog(self, project_id: int | None = None) -> ProjectDialog:
        from coop_desk.services.ledger import plan

        row = (
            self.ctx.read(lambda s, a: plan.get_project(s, a, project_id))
            if project_id is not None
            else None
        )
        return self._prepare(ProjectDialog(self.ctx, row, self))

    def open_approval_dialog(self, revision: bool = False) -> ApprovalDialog:
        from coop_desk.services.ledger import plan

        year = self.year()
        current = self.ctx.read(lambda s, a: plan.current_approval(s, a, year))
        dialog = ApprovalDialog(self.ctx, year, current if revision else None, self)
        dialog.approval_date.set_date_value(self.default_date())
        return self._prepare(dialog)

    def open_approval_details_dialog(self, approval: ApprovalRow) -> ApprovalDetailsDialog:
        return self._prepare(ApprovalDetailsDialog(self.ctx, approval, self))

    def open_close_year_dialog(self) -> CloseYearDialog:
        dialog = CloseYearDialog(self.ctx, self.year(), self)
        dialog.today = self.today()
        return self._prepare(dialog)

    def open_reopen_year_dialog(self) -> ReopenYearDialog:
        return self._prepare(ReopenYearDialog(self.ctx, self.year(), self))

    def open_buyer_dialog(self) -> BuyerDialog:
        return self._prepare(BuyerDialog(self.ctx, self))

    def open_money_account_dialog(self) -> MoneyAccountDialog:
        return self._prepare(MoneyAccountDialog(self.ctx, self))

    def open_settings_dialog(self) -> LedgerSettingsDialog:
        return self._prepare(LedgerSettingsDialog(self.ctx, self))

    def open_rates_dialog(self) -> RatesDialog:
        return RatesDialog(self.ctx, self)

    def _after_save(self, row: object) -> None:
        if isinstance(row, EntryRow):
            self._stale_tabs.add(self.journal_tab)
            if self.tabs.currentWidget() is self.journal_tab:
                self.go_to_entry(row.id)

    # --- toolbar and tab actions (show the dialogs) ------------------------------------
    def record_receipt(self, contract_id: int | None = None) -> None:
        self.open_receipt_dialog(contract_id).exec()

    def record_payment(self) -> None:
        self.open_payment_dialog().exec()

    def record_transfer(self) -> None:
        self.open_transfer_dialog().exec()

    def record_opening(self) -> None:
        self.open_opening_dialog().exec()

    def close_year(self) -> None:
        self.open_close_year_dialog().exec()

    def reopen_year(self) -> None:
        self.open_reopen_year_dialog().exec()

    def new_contract(self) -> None:
        self.open_contract_dialog().exec()

    def edit_selected_contract(self) -> None:
        row = self.contracts_tab.selected()
        if row is not None and self.ctx.can(Permission.LEDGER_WRITE):
            self.open_contract_dialog(row.id).exec()

    def ship_selected_contract(self) -> None:
        row = self.contracts_tab.selected()
        if row is not None:
            self.open_shipment_dialog(row.id).exec()

    def receive_for_selected_contract(self) -> None:
        row = self.contracts_tab.selected()
        if row is not None:
            self.record_receipt(row.id)

    def new_project(self) -> None:
        self.open_project_dialog().exec()

    def edit_selected_project(self) -> None:
        project = self.plan_tab.selected_project()
        if project is not None and self.ctx.can(Permission.LEDGER_WRITE):
            self.open_project_dialog(project.id).exec()

    def correct_selected_approval(self) -> None:
        approval = self.plan_tab.selected_approval()
        if approval is not None:
            self.open_approval_details_dialog(approval).exec()

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected_contract(self) -> bool:
        """Remove a contract entered by mistake (the service refuses once the books use it)."""
        row = self.contracts_tab.selected()
        if row is None or not self.ctx.can(Permission.LEDGER_WRITE):
            return False
        from coop_desk.services.ledger import contracts

        question = self.tr("Delete contract {0} with {1}? It has no shipment or payment.").format(
            row.contract.number, row.contract.buyer_name
        )
        if not self.confirm(self.tr("Delete contract"), question):
            return False
        contract_id = row.id
        try:
            self.ctx.write(lambda s, a: contracts.delete_contract(s, a, contract_id), "ledger")
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return False
        return True

    def new_approval(self) -> None:
        self.open_approval_dialog(revision=False).exec()

    def new_budget_revision(self) -> None:
        self.open_approval_dialog(revision=True).exec()

    def reverse_selected_entry(self) -> None:
        row = self.journal_tab.selected()
        if row is not None:
            self.open_reverse_dialog(row).exec()

    def go_to_entry(self, entry_id: int) -> bool:
        """Show the journal with ``entry_id`` selected (changing year and filters if needed).
        True when it is selected at once; else it is selected when its page has loaded."""
        self.tabs.setCurrentWidget(self.journal_tab)
        self._reload_current_tab()
        if self.journal_tab.select_entry(entry_id):
            return True
        entry = self.ctx.read(lambda s, a: journal.get_entry(s, a, entry_id)).entry
        if entry.fiscal_year != self.year():
            self.set_year(entry.fiscal_year)
        self.journal_tab.clear_filters()
        row = (
            next((y for y in self.info.years if y.year == entry.fiscal_year), None)
            if self.info
            else None
        )
        if row is not None:
            self.journal_tab.set_year_range(row.start, row.end)
        self.journal_tab.select_entry(entry_id)  # remembered for the load below
        self.journal_tab.reload()
        return False

    # --- shortcuts -------------------------------------------------------------------
    def focus_search(self) -> None:
        tab = self.tabs.currentWidget()
        search = getattr(tab, "search", None)
        if search is not None:
            search.setFocus()
            search.selectAll()

    def new_record(self) -> None:
        if self.ctx.can(Permission.LEDGER_WRITE):
            self.record_payment()
