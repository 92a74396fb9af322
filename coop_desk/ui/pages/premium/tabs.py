"""The five tabs of the Premium section. Each tab loads what it shows in one read
(``ctx.read``) when the page refreshes it; the page owns the selected fiscal year and the
operation dialogs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.premium import QualityShare
from coop_desk.services import audit_words
from coop_desk.services.access import Actor
from coop_desk.services.ledger import accounts, checks, journal, plan, reports
from coop_desk.services.ledger.accounts import AccountRow
from coop_desk.services.ledger.books import AccountRole
from coop_desk.services.ledger.journal import EntryRow, JournalFilter, JournalLine
from coop_desk.services.ledger.plan import ApprovalRow, ProjectRow
from coop_desk.services.ledger.reports import FundRow, ProjectBalanceRow
from coop_desk.services.ledger.ui_queries import ContractOverviewRow, contract_overview
from coop_desk.services.verify import Finding
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.layout_memory import remember_splitter
from coop_desk.ui.models.paged import PagedTableModel
from coop_desk.ui.models.table import RowTableModel, fit_columns, sort_key
from coop_desk.ui.pages.premium.models import (
    OTHER_PAID_COLUMN,
    PERCENT_COLUMN,
    ApprovalsModel,
    ContractsModel,
    FindingsModel,
    FundModel,
    JournalLinesModel,
    JournalModel,
    ProgressDelegate,
    ProjectBalancesModel,
    ProjectsModel,
)
from coop_desk.ui.place import kept_place, last_shown_row
from coop_desk.ui.widgets import DateField, compact_combo, format_decimal, wrapping_label
from coop_desk.ui.workers import BackgroundLoader

if TYPE_CHECKING:
    from coop_desk.ui.pages.premium import PremiumPage

SEARCH_DELAY_MS = 200
R = TypeVar("R")


def make_table(model: RowTableModel[Any], name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    # Rows keep the services' order (projects as planned, errors first...) until the user
    # clicks a header: no column is sorted at first.
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setResizeContentsPrecision(200)
    return table


def selected_row(table: QTableView, model: RowTableModel[R]) -> R | None:
    indexes = table.selectionModel().selectedRows()
    return model.row_at(indexes[0].row()) if indexes else None


class Tab(QWidget):
    """One tab of the Premium section; ``reload`` fetches its rows from the services."""

    def __init__(self, page: PremiumPage) -> None:
        super().__init__()
        self.page = page
        self.ctx = page.ctx
        self.write_widgets: list[QWidget | QAction] = []  # hidden without LEDGER_WRITE

    def reload(self) -> None:
        raise NotImplementedError

    def button(self, text: str, slot: Callable[[], object], *, writes: bool = True) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _c=False: slot())
        if writes:
            self.write_widgets.append(button)
        return button


# --- contracts --------------------------------------------------------------------------------


class ContractsTab(Tab):
    def __init__(self, page: PremiumPage) -> None:
        super().__init__(page)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search contract number or buyer"))
        self.search.setClearButtonEnabled(True)
        self.new_button = self.button(self.tr("&New contract…"), page.new_contract)
        self.edit_button = self.button(self.tr("&Edit contract…"), page.edit_selected_contract)
        self.ship_button = self.button(self.tr("Record &shipment…"), page.ship_selected_contract)
        self.receipt_button = self.button(
            self.tr("Premium &received…"), page.receive_for_selected_contract
        )
        self.delete_button = self.button(self.tr("&Delete…"), page.delete_selected_contract)
        self.delete_button.setToolTip(
            self.tr("Only a contract entered by mistake, with no shipment or payment recorded")
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for b in (
            self.new_button,
            self.edit_button,
            self.ship_button,
            self.receipt_button,
            self.delete_button,
        ):
            bar.addWidget(b)
        self.model = ContractsModel(self)
        self.table = make_table(self.model, "contracts_table")
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: page.edit_selected_contract())
        self.totals = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self._sized = False

    def reload(self) -> None:
        from coop_desk.services.ledger.contracts import ContractFilter

        flt = ContractFilter(text=self.search.text())
        today = self.page.today()
        year = self.page.year()
        rows = self.ctx.read(lambda s, a: contract_overview(s, a, flt, year=year, today=today))
        with kept_place(self.table, lambda row: row.contract.id):
            self.model.set_rows(rows)
        if not self._sized and rows:
            fit_columns(self.table, widest=140)
            self._sized = True
        due = sum((r.contract.premium_due for r in rows), Decimal(0))
        received = sum((r.received for r in rows), Decimal(0))
        self.totals.setText(
            self.tr(
                "{0}: {1} contracts · premium due USD {2} · received USD {3} · outstanding USD {4}"
            ).format(
                year,
                len(rows),
                format_decimal(due),
                format_decimal(received),
                format_decimal(due - received),
            )
        )
        self.update_buttons()

    def selected(self) -> ContractOverviewRow | None:
        return selected_row(self.table, self.model)

    def select(self, contract_id: int) -> bool:
        row = self.model.find_row(lambda r: r.id == contract_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def update_buttons(self) -> None:
        row = self.selected()
        self.edit_button.setEnabled(row is not None)
        shippable = (
            row is not None
            and row.contract.shipment_entry_id is None
            and row.contract.scheme != "none"
        )
        self.ship_button.setEnabled(shippable)
        self.receipt_button.setEnabled(row is not None and row.contract.scheme != "none")
        self.delete_button.setEnabled(
            row is not None and row.contract.shipment_entry_id is None and not row.received
        )


# --- plan and budget --------------------------------------------------------------------------


class PlanTab(Tab):
    def __init__(self, page: PremiumPage) -> None:
        super().__init__(page)
        self.heading = wrapping_label()
        self.heading.setStyleSheet("font-weight: bold;")
        self.new_project_button = self.button(self.tr("New &project…"), page.new_project)
        self.edit_project_button = self.button(
            self.tr("&Edit project…"), page.edit_selected_project
        )
        self.approval_button = self.button(self.tr("&GA approval…"), page.new_approval)
        self.revision_button = self.button(self.tr("Budget &revision…"), page.new_budget_revision)
        self.correct_button = self.button(
            self.tr("&Correct meeting record…"), page.correct_selected_approval
        )
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        for b in (
            self.new_project_button,
            self.edit_project_button,
            self.approval_button,
            self.revision_button,
        ):
            bar.addWidget(b)
        self.projects_model = ProjectsModel(self)
        self.projects = make_table(self.projects_model, "projects_table")
        self.projects.doubleClicked.connect(lambda _i: page.edit_selected_project())
        self.approvals_model = ApprovalsModel(self)
        self.approvals = make_table(self.approvals_model, "approvals_table")
        approvals_box = QWidget()
        a_layout = QVBoxLayout(approvals_box)
        a_layout.setContentsMargins(0, 0, 0, 0)
        a_bar = QHBoxLayout()
        a_bar.addWidget(QLabel(self.tr("General Assembly approvals of this year's plan")), 1)
        a_bar.addWidget(self.correct_button)
        a_layout.addLayout(a_bar)
        a_layout.addWidget(self.approvals)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.projects)
        splitter.addWidget(approvals_box)
        splitter.setSizes([300, 160])
        remember_splitter(splitter, "premium_plan")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.projects.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.approvals.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())

    def reload(self) -> None:
        year = self.page.year()

        def load(session: Session, actor: Actor) -> tuple[list[ProjectRow], list[ApprovalRow]]:
            return (
                plan.list_projects(session, actor, include_inactive=True),
                plan.list_approvals(session, actor, year),
            )

        projects, approvals = self.ctx.read(load)
        current = approvals[-1] if approvals else None
        budget = {line.project_id: line.amount for line in current.lines} if current else {}
        self.projects_model.set_rows([(p, budget.get(p.id)) for p in projects])
        self.approvals_model.set_rows(approvals)
        fit_columns(self.projects)
        fit_columns(self.approvals)
        if current is None:
            self.heading.setText(self.tr("Development Plan {0}: not yet approved").format(year))
        else:
            self.heading.setText(
                self.tr("Development Plan {0}: USD {1}, version {2} approved {3}").format(
                    year, format_decimal(current.total), current.version, current.minutes_number
                )
            )
        self.current_approval = current
        self.update_buttons()

    def selected_project(self) -> ProjectRow | None:
        row = selected_row(self.projects, self.projects_model)
        return row[0] if row is not None else None

    def update_buttons(self) -> None:
        self.edit_project_button.setEnabled(self.selected_project() is not None)
        current = getattr(self, "current_approval", None)
        self.approval_button.setEnabled(current is None)
        self.revision_button.setEnabled(current is not None)
        self.correct_button.setEnabled(self.selected_approval() is not None)

    def selected_approval(self) -> ApprovalRow | None:
        return selected_row(self.approvals, self.approvals_model)


# --- journal ----------------------------------------------------------------------------------


# The columns (Entry, Date) whose order is the journal's own, read page by page in SQL.
JOURNAL_ORDER_COLUMNS = (0, 1)


def _entry_id(row: EntryRow | JournalLine) -> int:
    return row.entry_id if isinstance(row, JournalLine) else row.id


def _journal_key(row: EntryRow | JournalLine) -> object:
    return (row.entry_id, row.line) if isinstance(row, JournalLine) else row.id


class JournalTab(Tab):
    def __init__(self, page: PremiumPage) -> None:
        super().__init__(page)
        self.date_from = DateField()
        self.date_to = DateField()
        self.project = QComboBox()
        self.account = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, description, payee, voucher"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        compact_combo(self.project, 16)
        compact_combo(self.account, 16)
        # Two rows: the filters stay readable on a 1024 px screen.
        filters = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        filters.addLayout(first)
        filters.addLayout(second)
        first.addWidget(self.search, 1)
        self.mode = QComboBox()
        self.mode.setObjectName("journal_mode")
        self.mode.addItem(self.tr("One row per entry"), "entries")
        self.mode.addItem(self.tr("One row per posting"), "postings")
        first.addWidget(self.mode)
        second.addWidget(QLabel(self.tr("From")))
        second.addWidget(self.date_from)
        second.addWidget(QLabel(self.tr("to")))
        second.addWidget(self.date_to)
        second.addWidget(self.project, 1)
        second.addWidget(self.account, 1)
        self.open_button = self.button(self.tr("&Open entry…"), self.open_selected, writes=False)
        self.linked_button = self.button(
            self.tr("&Go to linked entry"), self.go_to_linked, writes=False
        )
        self.reverse_button = self.button(self.tr("&Reverse entry…"), page.reverse_selected_entry)
        actions = QHBoxLayout()
        self.count_label = QLabel()
        actions.addWidget(self.count_label, 1)
        for b in (self.open_button, self.linked_button, self.reverse_button):
            actions.addWidget(b)
        # Paged: the first rows of a 20,000-entry year come at once, the rest as the user
        # scrolls, every page read in a pool thread (see ``reload``).
        self.model = JournalModel(self)
        self.lines_model = JournalLinesModel(self)
        self.counts_loader = BackgroundLoader(self)
        for loader in (self.model.loader, self.lines_model.loader, self.counts_loader):
            loader.failed.connect(lambda exc: show_error(self, exc))
        self._entries_by_id: dict[int, EntryRow] = {}  # entries of the selected postings
        self._pending_select: int | None = None
        self.table = make_table(self.model, "journal_table")
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        for paged in (self.model, self.lines_model):
            paged.sort_requested.connect(lambda *_: self.reload())
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.project, self.account):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.mode.currentIndexChanged.connect(lambda _i: self._mode_changed())
        for field in (self.date_from, self.date_to):
            field.dateChanged.connect(lambda _d: self._timer.start())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self._sized = False
        self._loading = False
        self._loaded_view: tuple[object, ...] | None = None

    def showing_postings(self) -> bool:
        return self.mode.currentData() == "postings"

    def _mode_changed(self) -> None:
        model = self.current_model()
        other: PagedTableModel[Any] = self.model if model is self.lines_model else self.lines_model
        chosen = selected_row(self.table, other)
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(model.sort_column, model.sort_order)
        header.blockSignals(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self._sized = False
        if chosen is not None:
            self._pending_select = _entry_id(chosen)
        self.reload()

    # --- filters -----------------------------------------------------------------------
    def set_year_range(self, start: date, end: date) -> None:
        for field, value in ((self.date_from, start), (self.date_to, end)):
            field.blockSignals(True)
            field.set_date_value(value)
            field.blockSignals(False)

    def fill_choices(self, projects: list[ProjectRow], money_and_other: list[AccountRow]) -> None:
        for combo, rows, everything in (
            (self.project, [(p.name, p.id) for p in projects], self.tr("All projects")),
            (self.account, [(a.label, a.id) for a in money_and_other], self.tr("All accounts")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, value in rows:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def current_filter(self) -> JournalFilter:
        return JournalFilter(
            date_from=self.date_from.date_value(),
            date_to=self.date_to.date_value(),
            project_id=self.project.currentData(),
            account_id=self.account.currentData(),
            text=self.search.text(),
        )

    def clear_filters(self) -> None:
        self.project.blockSignals(True)
        self.account.blockSignals(True)
        self.search.blockSignals(True)
        self.project.setCurrentIndex(0)
        self.account.setCurrentIndex(0)
        self.search.clear()
        for combo in (self.project, self.account, self.search):
            combo.blockSignals(False)

    # --- loading -----------------------------------------------------------------------
    def reload_choices(self) -> None:
        def load(session: Session, actor: Actor) -> tuple[list[ProjectRow], list[AccountRow]]:
            return (
                plan.list_projects(session, actor, include_inactive=True),
                accounts.list_accounts(session, actor, include_inactive=True),
            )

        projects, chart = self.ctx.read(load)
        shown = [a for a in chart if a.role != AccountRole.PROJECT_EXPENSE]
        self.fill_choices(projects, shown)

    def current_model(self) -> PagedTableModel[Any]:
        return self.lines_model if self.showing_postings() else self.model

    def reload(self) -> None:
        """Load the rows of the current view in a pool thread (only that view's), then the
        counts. The journal order (the Entry and Date columns) is read page by page in SQL;
        sorting on another column reads the whole filtered list and sorts it there."""
        self._timer.stop()
        flt = self.current_filter()
        postings = self.showing_postings()
        model = self.current_model()
        current = selected_row(self.table, model)
        wanted = self._pending_select or (_entry_id(current) if current is not None else None)
        descending = model.sort_order == Qt.SortOrder.DescendingOrder
        in_order = model.sort_column in JOURNAL_ORDER_COLUMNS
        value = model.columns[model.sort_column].value
        # The same view loaded again (a posting saved here or on another PC) keeps the user's
        # place: the rows down to the last one in view come again, and the selection
        # and the scroll position follow their entries.
        view = (flt, postings, model.sort_column, descending)
        same_view = view == self._loaded_view
        shown = last_shown_row(self.table) if same_view else -1
        db, actor = self.ctx.db, self.ctx.actor

        def fetch(s: Session, limit: int | None, offset: int) -> list[Any]:
            if not in_order:
                limit, offset = None, 0
            rows: list[Any]
            if postings:
                rows = journal.list_journal_lines(
                    s, actor, flt, descending=descending, limit=limit, offset=offset
                )
            else:
                rows = journal.list_entries(
                    s, actor, flt, descending=descending, limit=limit, offset=offset
                )
            return rows

        def first(limit: int) -> list[Any]:  # pool thread, its own Session
            with db.reading(actor) as s:
                if not in_order:
                    rows = fetch(s, None, 0)
                    return sorted(rows, key=lambda r: sort_key(value(r)), reverse=descending)
                rows = fetch(s, limit, 0)
                if len(rows) < limit:
                    return rows  # the whole view
                need = (shown // limit + 1) * limit if shown >= 0 else limit
                if wanted is not None and all(_entry_id(r) != wanted for r in rows):
                    position = journal.journal_position(
                        s, actor, wanted, flt, descending=descending, postings=postings
                    )
                    if position is not None:
                        # One page more: an entry's postings may run past its first page.
                        need = max(need, (position // limit + 2) * limit)
                if need > len(rows):
                    rows += fetch(s, need - len(rows), len(rows))
                return rows

        def more(offset: int, limit: int) -> list[Any]:  # pool thread, its own Session
            if not in_order:
                return []  # the whole list came with the first load
            with db.reading(actor) as s:
                return fetch(s, limit, offset)

        self._entries_by_id = {}
        model.load(
            first,
            more,
            lambda: self._first_rows_shown(wanted, flt, postings, view),
            around=(lambda: kept_place(self.table, _journal_key)) if same_view else None,
        )

    def _first_rows_shown(
        self, wanted: int | None, flt: JournalFilter, postings: bool, view: tuple[object, ...]
    ) -> None:
        self._loaded_view = view  # the view the rows now shown belong to
        target = self._pending_select or wanted
        self._pending_select = None
        current = selected_row(self.table, self.current_model())
        if current is not None and _entry_id(current) == target:
            target = None  # kept with the user's place (selecting would scroll to it)
        if target is not None and not self._select_loaded(target) and target != wanted:
            # Asked for after this load began: load again, this time with it.
            self._pending_select = target
            self.reload()
            return
        if not self._sized and self.current_model().rowCount():
            fit_columns(self.table, widest=260)
            self._sized = True
        self.update_buttons()
        db, actor = self.ctx.db, self.ctx.actor

        def count() -> journal.JournalCounts:  # pool thread, its own Session
            with db.reading(actor) as s:
                return journal.count_journal(s, actor, flt)

        def show(counts: journal.JournalCounts) -> None:
            if postings:
                self.count_label.setText(
                    self.tr("{0} entries, {1} postings").format(counts.entries, counts.postings)
                )
            else:
                self.count_label.setText(self.tr("{0} entries").format(counts.entries))

        self.counts_loader.load(count, show)

    @property
    def busy(self) -> bool:
        """Rows or counts are on their way from the pool thread."""
        return self.model.busy or self.lines_model.busy or self.counts_loader.busy

    # --- selection and actions -----------------------------------------------------------
    def selected(self) -> EntryRow | None:
        """The selected entry (in the posting view: the entry of the selected posting)."""
        if self.showing_postings():
            line = selected_row(self.table, self.lines_model)
            if line is None:
                return None
            entry = self._entries_by_id.get(line.entry_id)
            if entry is None:  # one keyed read, remembered until the next load
                entry = self.ctx.read(lambda s, _a: journal.entry_row(s, line.entry_id))
                self._entries_by_id[line.entry_id] = entry
            return entry
        return selected_row(self.table, self.model)

    def select_entry(self, entry_id: int) -> bool:
        """Select the entry if its row is loaded (and no load is on its way); else it is
        selected once the next load brings it."""
        if not self.current_model().busy and self._select_loaded(entry_id):
            return True
        self._pending_select = entry_id
        return False

    def _select_loaded(self, entry_id: int) -> bool:
        model = self.current_model()
        row = model.find_row(lambda r: _entry_id(r) == entry_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(model.index(row, 0))
        return True

    def update_buttons(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None)
        self.linked_button.setEnabled(
            row is not None and (row.reverses_id is not None or row.reversed_by_id is not None)
        )
        self.reverse_button.setEnabled(
            row is not None
            and row.reverses_id is None
            and row.reversed_by_id is None
            and row.kind != "carry"
        )

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.page.open_entry_dialog(row.id).exec()

    def go_to_linked(self) -> None:
        row = self.selected()
        if row is None:
            return
        target = row.reversed_by_id or row.reverses_id
        if target is not None:
            self.page.go_to_entry(target)

    def context_actions(self) -> list[QAction]:
        """The actions offered on the selected entry: open, go to linked, reverse. There is
        deliberately no edit or delete: posted entries are immutable."""
        row = self.selected()
        open_action = QAction(self.tr("Open entry…"), self)
        open_action.triggered.connect(self.open_selected)
        linked = QAction(self.tr("Go to linked entry"), self)
        linked.triggered.connect(self.go_to_linked)
        linked.setEnabled(self.linked_button.isEnabled())
        actions = [open_action, linked]
        if self.ctx.can(self.page.write_permission):
            reverse = QAction(self.tr("Reverse entry…"), self)
            reverse.triggered.connect(self.page.reverse_selected_entry)
            reverse.setEnabled(self.reverse_button.isEnabled())
            actions.append(reverse)
        for action in actions:
            action.setEnabled(action.isEnabled() and row is not None)
        return actions

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        for action in self.context_actions():
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))


# --- balances ---------------------------------------------------------------------------------


class BalancesTab(Tab):
    def __init__(self, page: PremiumPage) -> None:
        super().__init__(page)
        self.projects_model = ProjectBalancesModel(parent=self)
        self.projects = make_table(self.projects_model, "project_balances_table")
        self.delegate = ProgressDelegate(self.projects)
        self.projects.setItemDelegateForColumn(PERCENT_COLUMN, self.delegate)
        self.fund_model = FundModel(self)
        self.fund = make_table(self.fund_model, "fund_table")
        self.fund.setSortingEnabled(False)
        self.fund.setMaximumHeight(80)
        for table in (self.projects, self.fund):
            table.horizontalHeader().setStretchLastSection(False)
        self.projects_label = QLabel()
        self.projects_label.setStyleSheet("font-weight: bold;")
        fund_label = QLabel(self.tr("Premium fund (USD value)"))
        fund_label.setStyleSheet("font-weight: bold;")
        # The 25% rule as verify and the reports judge it (reports.quality_share_from).
        self.quality_label = QLabel()
        self.quality_label.setObjectName("quality_share_label")
        self.quality_label.setWordWrap(True)
        self.quality: QualityShare | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.projects_label)
        layout.addWidget(self.projects, 1)
        layout.addWidget(self.quality_label)
        layout.addWidget(fund_label)
        layout.addWidget(self.fund)

    def reload(self) -> None:
        year = self.page.year()

        def load(session: Session, actor: Actor) -> tuple[list[ProjectBalanceRow], FundRow]:
            return (
                reports.project_balances(session, actor, year),
                reports.fund_report(session, actor, year),
            )

        projects, fund = self.ctx.read(load)
        if self.page.info is not None:
            self.projects_model.set_local_currency(self.page.info.local_currency)
        self.projects_model.set_rows(projects)
        self.projects.setColumnHidden(
            OTHER_PAID_COLUMN, not self.projects_model.paid_in_other_currencies()
        )
        self.show_quality(reports.quality_share_from(fund, projects))
        self.fund_model.set_rows([fund])
        fit_columns(self.projects, stretch=0, fixed={PERCENT_COLUMN: 160})
        fit_columns(self.fund, stretch=0)
        approved = sum((p.approved or Decimal(0) for p in projects), Decimal(0))
        spent = sum((p.spent for p in projects), Decimal(0))
        self.projects_label.setText(
            self.tr("Projects {0}: approved USD {1}, spent USD {2}, remaining USD {3}").format(
                year,
                format_decimal(approved),
                format_decimal(spent),
                format_decimal(approved - spent),
            )
        )
        self.fund_row = fund

    def show_quality(self, share: QualityShare) -> None:
        self.quality = share
        minimum = f"{share.share * 100:.0f}"
        if share.percent is None:
            text = self.tr(
                "Productivity / quality: USD {0} spent; no premium received this year "
                "(at least {1}% of the premium received goes to productivity / quality)."
            ).format(format_decimal(share.spent), minimum)
        else:
            text = self.tr(
                "Productivity / quality: USD {0} spent = {1}% of the USD {2} premium "
                "received; at least {3}% = USD {4} is required ({5})."
            ).format(
                format_decimal(share.spent),
                format_decimal(share.percent, 1),
                format_decimal(share.received),
                minimum,
                format_decimal(share.required),
                self.tr("met") if share.met else self.tr("not met"),
            )
        self.quality_label.setText(text)
        self.quality_label.setStyleSheet("" if share.met else "color: #b00020;")

    def select_project(self, project_id: int) -> bool:
        row = self.projects_model.find_row(lambda r: r.project_id == project_id)
        if row >= 0:
            self.projects.selectRow(row)
        return row >= 0


# --- compliance -------------------------------------------------------------------------------


class ComplianceTab(Tab):
    """The ledger's compliance checks; they run in a pool thread (seconds with many entries)."""

    loaded = Signal()  # the newest check's findings are shown

    def __init__(self, page: PremiumPage) -> None:
        super().__init__(page)
        self.summary = QLabel()
        self.check_button = self.button(self.tr("&Check again"), self.reload, writes=False)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.check_button)
        self.model = FindingsModel(self)
        self.table = make_table(self.model, "findings_table")
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self.table.doubleClicked.connect(lambda _i: self.go_to_record())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.loader = BackgroundLoader(self)
        self.loader.finished.connect(self.loaded)
        self.loader.failed.connect(self._load_failed)

    def reload(self) -> None:
        """Start the checks in a pool thread; ``loaded`` is emitted once they are shown."""
        db, actor = self.ctx.db, self.ctx.actor
        year, today = self.page.year(), self.page.today()

        def read() -> tuple[int, list[Finding], dict[str, tuple[str, str]]]:  # pool thread
            with db.reading(actor) as s:
                found = checks.compliance(s, actor, today, year=year)
                # "contract 13" -> ("Contract", "KFH-2026-09"): what a person recognises.
                return year, found, audit_words.name_records(s, actor, (f.record for f in found))

        self.summary.setText(self.tr("{0}: checking…").format(year))
        self.table.setEnabled(False)  # a newer "Check again" supersedes this one
        self.loader.load(read, self._apply)

    def _load_failed(self, exc: BaseException) -> None:
        self.table.setEnabled(True)
        self.summary.setText(self.tr("The checks could not be run."))
        show_error(self, exc)

    def _apply(self, loaded: tuple[int, list[Finding], dict[str, tuple[str, str]]]) -> None:
        year, findings, names = loaded
        self.table.setEnabled(True)
        self.model.names = {
            ref: f"{tr_label(entity)} {key}" for ref, (entity, key) in names.items()
        }
        self.model.set_rows(findings)
        fit_columns(self.table, widest=240, stretch=2)
        errors = sum(1 for f in findings if f.severity == "error")
        warnings = len(findings) - errors
        if not findings:
            self.summary.setText(self.tr("{0}: every check passed.").format(year))
        else:
            self.summary.setText(
                self.tr("{0}: integrity errors: {1} · compliance warnings: {2}.").format(
                    year, errors, warnings
                )
            )

    def go_to_record(self) -> None:
        finding = selected_row(self.table, self.model)
        if finding is None:
            return
        kind, _, ident = finding.record.partition(" ")
        if kind == "journal_entry" and ident.isdigit():
            self.page.go_to_entry(int(ident))
        elif kind == "contract" and ident.isdigit():
            self.page.tabs.setCurrentWidget(self.page.contracts_tab)
            self.page.contracts_tab.select(int(ident))
        elif kind == "project" and ident.isdigit():
            self.page.tabs.setCurrentWidget(self.page.balances_tab)
            self.page.balances_tab.select_project(int(ident))
