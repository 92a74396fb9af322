"""Dialogs for the ledger in Excel: choosing the period of a ledger workbook, and previewing
and importing a legacy premium cash book."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.problems import Problem
from coop_desk.errors import Conflict
from coop_desk.services import cashbook_import
from coop_desk.services.access import Actor, Permission
from coop_desk.services.ledger import accounts, plan
from coop_desk.services.ledger.books import year_of
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.form import FormDialog, InBackground, Prepared, read_amount
from coop_desk.ui.labels import QT_TRANSLATE_NOOP
from coop_desk.ui.models.table import Column, RowTableModel
from coop_desk.ui.widgets import AmountEdit, DateField
from coop_desk.ui.workers import Progress


class PeriodDialog(FormDialog):
    """A fiscal year or a date range for the ledger workbook (a choice: nothing is written)."""

    accept_button = QDialogButtonBox.StandardButton.Ok
    confirm_discard_changes = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
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
        self.form.addRow(self.by_year, self.year)
        self.form.addRow(self.by_range, self.date_from)
        self.add_field(self.tr("to"), "date_to", self.date_to)
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

    def prepare(self) -> Prepared:
        if self.by_range.isChecked() and self.date_to.date_value() < self.date_from.date_value():
            return [Problem("date_to", self.tr("The end of the period is before its start."))], None
        return [], None


def _kind_label(kind: str) -> str:
    labels = {
        "opening": QT_TRANSLATE_NOOP("CashRowsModel", "Opening balance"),
        "income": QT_TRANSLATE_NOOP("CashRowsModel", "Income"),
        "expense": QT_TRANSLATE_NOOP("CashRowsModel", "Expense"),
    }
    return labels.get(kind, kind)


class CashRowsModel(RowTableModel[cashbook_import.CashRow]):
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


class CashbookDialog(FormDialog):
    """Preview of a cash book and its import into an account."""

    topic = "ledger"
    confirm_discard_changes = False  # its fields are choices about a file, which stays
    permission = Permission.LEDGER_WRITE
    accept_button = QDialogButtonBox.StandardButton.Ok
    # Told on the form: the user fixes them here (create the projects, pick another account).
    inline_errors = (Conflict, cashbook_import.UnknownProjects)

    def __init__(
        self,
        ctx: AppContext,
        preview: cashbook_import.CashbookPreview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        book = self.book = preview.book
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
        unknown = preview.unknown_projects
        self.create_projects = QCheckBox(
            self.tr("Create the projects not in the plan: {0}").format(", ".join(unknown))
        )
        self.create_projects.setVisible(bool(unknown))
        self.add_field(self.tr("Into the &account"), "account", self.account)
        self.add_field(self.tr("Exchange &rate"), "rate", self.rate)
        if any(r.kind == "expense" and not r.project for r in book.rows):
            self.add_field(
                self.tr("Expenses without a &project go to"),
                "default_project",
                self.default_project,
            )
        self.form.addRow(self.create_projects)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(summary)
        body_layout.addWidget(table, 1)
        body_layout.addWidget(self.notes)
        body_layout.addWidget(self.form_area)
        self.set_body(body)
        self.save_button().setText(self.tr("&Import"))
        if book.problems:
            self.save_button().setEnabled(False)

    def prepare(self) -> Prepared:
        problems: list[Problem] = []
        rate = read_amount(problems, "rate", self.rate, required=False)
        code = self.account.currentData()
        create = self.create_projects.isChecked()
        default_project = self.default_project.currentData() or ""
        book = self.book

        def post(
            session: Session, actor: Actor, progress: Progress
        ) -> cashbook_import.CashbookResult:
            return cashbook_import.import_cashbook(
                session,
                actor,
                book,
                account_code=code,
                rate=rate,
                create_projects=create,
                default_project=default_project,
                progress=progress,
            )

        return problems, InBackground(self.tr("Posting the cash book"), post)
