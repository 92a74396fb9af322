"""Dialogs for the ledger in Excel: choosing the period of a ledger workbook, and previewing
and importing a legacy premium cash book."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coop_desk.domain.money import MoneyError
from coop_desk.errors import Conflict, ValidationError
from coop_desk.exchange.cashbook import CashBook, CashRow
from coop_desk.services import cashbook_import
from coop_desk.services.access import Permission
from coop_desk.services.ledger import accounts, plan
from coop_desk.services.ledger.books import year_of
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import message_for, show_error
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.widgets import AmountEdit, DateField, ProblemLabel
from coop_desk.ui.workers import Cancelled, Progress, run_with_progress


class PeriodDialog(QDialog):
    """A fiscal year or a date range for the ledger workbook."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Premium ledger workbook"))
        current = ctx.read(lambda s, _a: year_of(s, date.today()))
        self.by_year = QRadioButton(self.tr("Fiscal &year"))
        self.by_range = QRadioButton(self.tr("Date &range"))
        self.by_year.setChecked(True)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(current)
        self.date_from = DateField(date(current, 1, 1))
        self.date_to = DateField(date.today())
        self.problem = ProblemLabel()
        form = QFormLayout()
        form.addRow(self.by_year, self.year)
        form.addRow(self.by_range, self.date_from)
        form.addRow(self.tr("to"), self.date_to)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.by_year.toggled.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        year = self.by_year.isChecked()
        self.year.setEnabled(year)
        self.date_from.setEnabled(not year)
        self.date_to.setEnabled(not year)

    def period(self) -> dict[str, object]:
        if self.by_year.isChecked():
            return {"year": self.year.value()}
        return {"date_from": self.date_from.date_value(), "date_to": self.date_to.date_value()}

    def check(self) -> None:
        if self.by_range.isChecked() and self.date_to.date_value() < self.date_from.date_value():
            self.problem.show_problems([self.tr("The end of the period is before its start.")])
            return
        self.accept()


def _kind_label(kind: str) -> str:
    labels = {
        "opening": QT_TRANSLATE_NOOP("CashRowsModel", "Opening balance"),
        "income": QT_TRANSLATE_NOOP("CashRowsModel", "Income"),
        "expense": QT_TRANSLATE_NOOP("CashRowsModel", "Expense"),
    }
    return labels.get(kind, kind)


class CashRowsModel(RowTableModel[CashRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    self.tr("Row"),
                    lambda r: (r.sheet, r.row),
                    lambda k: f"{k[0]}!{k[1]}" if k[0] else str(k[1]),
                    align_right=True,
                ),
                Column(self.tr("Kind"), lambda r: r.kind, lambda k: self.tr(_kind_label(k))),
                Column(self.tr("Date"), lambda r: r.entry_date),
                Column(self.tr("Voucher"), lambda r: r.voucher),
                Column(self.tr("Description"), lambda r: r.description),
                Column(self.tr("Project"), lambda r: r.project),
                Column(self.tr("Amount"), lambda r: r.amount, align_right=True),
                Column(self.tr("Currency"), lambda r: r.currency),
                Column(
                    self.tr("Problems"),
                    lambda r: "; ".join(p.describe() for p in r.problems),
                ),
            ],
            parent,
        )


class CashbookDialog(QDialog):
    """Preview of a cash book and its import into an account."""

    def __init__(self, ctx: AppContext, book: CashBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.book = book
        self.result_: cashbook_import.CashbookResult | None = None
        self.setWindowTitle(self.tr("Import a premium cash book"))
        self.resize(900, 560)
        self.model = CashRowsModel(self)
        self.model.set_rows(list(book.rows))
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setResizeContentsPrecision(200)
        table.resizeColumnsToContents()
        summary = QLabel(
            self.tr(
                "Sheet “{0}”, header on row {1}. Opening {2}, income {3}, expense {4}, closing {5}."
            ).format(
                book.sheet,
                book.header_row,
                f"{book.opening_amount:,.2f}",
                f"{book.income_total:,.2f}",
                f"{book.expense_total:,.2f}",
                f"{book.closing:,.2f}",
            )
        )
        summary.setWordWrap(True)
        notes = [w.describe() for w in book.warnings] + list(book.notes)
        notes += [
            self.tr("Row {0} skipped: {1}").format(
                f"{s.sheet}!{s.row}" if s.sheet else s.row, s.reason
            )
            for s in book.skipped
        ]
        self.notes = QLabel("\n".join(notes))
        self.notes.setWordWrap(True)
        self.account = QComboBox()
        for account in ctx.read(lambda s, a: accounts.list_accounts(s, a, roles=("bank", "cash"))):
            self.account.addItem(account.label, account.code)
        self.rate = AmountEdit(places=8)
        self.rate.setPlaceholderText(self.tr("units per USD, for an account not in USD"))
        self.default_project = QComboBox()
        self.default_project.addItem(self.tr("(none: report them)"), "")
        for project in ctx.read(plan.list_projects):
            self.default_project.addItem(project.name, project.name)
        _, unknown = ctx.read(lambda s, _a: cashbook_import.match_projects(s, book))
        self.create_projects = QCheckBox(
            self.tr("Create the projects not in the plan: {0}").format(", ".join(unknown))
        )
        self.create_projects.setVisible(bool(unknown))
        self.problem = ProblemLabel()
        form = QFormLayout()
        form.addRow(self.tr("Into the &account"), self.account)
        form.addRow(self.tr("Exchange &rate"), self.rate)
        if any(r.kind == "expense" and not r.project for r in book.rows):
            form.addRow(self.tr("Expenses without a &project go to"), self.default_project)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            ctx.can(Permission.LEDGER_WRITE) and not book.problems
        )
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(self.notes)
        layout.addLayout(form)
        layout.addWidget(self.create_projects)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def run_import(self) -> None:
        try:
            rate = self.rate.value()
        except MoneyError as exc:
            self.problem.show_problems([str(exc)])
            return
        code = self.account.currentData()
        create = self.create_projects.isChecked()
        default_project = self.default_project.currentData() or ""
        db, actor, book = self.ctx.db, self.ctx.actor, self.book

        def job(progress: Progress) -> cashbook_import.CashbookResult:
            with db.transaction(actor) as session:
                return cashbook_import.import_cashbook(
                    session,
                    actor,
                    book,
                    account_code=code,
                    rate=Decimal(rate) if rate is not None else None,
                    create_projects=create,
                    default_project=default_project,
                    progress=progress,
                )

        try:
            self.result_ = run_with_progress(self, self.tr("Posting the cash book"), job)
        except Cancelled:
            return
        except (ValidationError, Conflict, cashbook_import.UnknownProjects) as exc:
            self.problem.show_problems([message_for(exc)])
            return
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        self.ctx.notify("ledger")
        self.accept()
