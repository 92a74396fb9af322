"""The member register: a sortable, searchable table with filters and counts.

The table is paged (``PagedTableModel``): the first screenful of a 100,000-member register is
read in a pool thread, the rest as the user scrolls; sorting and searching run in SQL
(``members.list_members`` with a limit). The counts for the status bar follow in a second load,
so the rows show first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coop_desk.domain.members import GENDER_LABELS, STATUS_LABELS, MemberStatus
from coop_desk.services import cooperative, members
from coop_desk.services.access import Permission
from coop_desk.services.members import MemberDetail, MemberFilter, MemberRow, RegisterCounts
from coop_desk.ui import excel_actions
from coop_desk.ui.context import AppContext
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.layout_memory import remember_columns
from coop_desk.ui.models.paged import PagedTableModel
from coop_desk.ui.models.table import Column
from coop_desk.ui.pages.base import Page
from coop_desk.ui.place import kept_place, last_shown_row
from coop_desk.ui.widgets import compact_combo
from coop_desk.ui.workers import BackgroundLoader

if TYPE_CHECKING:
    from coop_desk.ui.dialogs.member_editor import MemberEditor

SEARCH_DELAY_MS = 150


def _member_id(row: MemberRow) -> object:
    return row.id


def member_columns() -> list[Column[MemberRow]]:
    return [
        Column(QCoreApplication.translate("MembersTableModel", "Code"), lambda r: r.code),
        Column(QCoreApplication.translate("MembersTableModel", "Surnames"), lambda r: r.surnames),
        Column(
            QCoreApplication.translate("MembersTableModel", "First names"), lambda r: r.first_names
        ),
        Column(QCoreApplication.translate("MembersTableModel", "DNI"), lambda r: r.dni),
        Column(
            QCoreApplication.translate("MembersTableModel", "Gender"),
            lambda r: r.gender,
            lambda g: tr_label(GENDER_LABELS.get(g, g or "")),
        ),
        Column(QCoreApplication.translate("MembersTableModel", "Community"), lambda r: r.community),
        Column(
            QCoreApplication.translate("MembersTableModel", "Status"),
            lambda r: r.status,
            lambda s: tr_label(STATUS_LABELS[MemberStatus(s)]),
        ),
        Column(QCoreApplication.translate("MembersTableModel", "Joined"), lambda r: r.join_date),
        Column(
            QCoreApplication.translate("MembersTableModel", "Plots"),
            lambda r: r.plot_count,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("MembersTableModel", "Coffee (ha)"),
            lambda r: r.coffee_area_ha,
            align_right=True,
        ),
        Column(QCoreApplication.translate("MembersTableModel", "Phone"), lambda r: r.phone),
    ]


# What each column sorts on in SQL (``members.list_members(order_by=...)``); the code sorts
# naturally (CPGP-3784-9 before CPGP-3784-10) through its ``code_sort`` key.
SORT_KEYS = (
    "code",
    "surnames",
    "first_names",
    "dni",
    "gender",
    "community",
    "status",
    "join_date",
    "plot_count",
    "coffee_area_ha",
    "phone",
)


class MembersTableModel(PagedTableModel[MemberRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(member_columns(), parent)


# Rows measured to fit the register's columns to their contents on its first load.
MEASURED_ROWS = 60


class MembersPage(Page):
    key = "members"
    topics = frozenset({"members", "certs", "settings"})
    help_topic = "register"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit()
        self.search.setObjectName("member_search")
        self.search.setPlaceholderText(self.tr("Search code, names, DNI or community (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in MemberStatus:
            self.status_filter.addItem(tr_label(STATUS_LABELS[status]), status.value)
        self.gender_filter = QComboBox()
        self.gender_filter.addItem(self.tr("Women and men"), None)
        self.gender_filter.addItem(self.tr("Women"), "F")
        self.gender_filter.addItem(self.tr("Men"), "M")
        self.community_filter = QComboBox()
        self.community_filter.addItem(self.tr("All communities"), None)
        self.new_button = QPushButton(self.tr("&New member"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setToolTip(self.tr("Import a member roster from an Excel workbook"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setToolTip(
            self.tr("Write the register, with plots, to an Excel workbook")
        )
        self.extra_buttons = QHBoxLayout()
        self.extra_buttons.addWidget(self.import_button)
        self.extra_buttons.addWidget(self.export_button)

        for combo, chars in (
            (self.status_filter, 15),
            (self.gender_filter, 16),
            (self.community_filter, 16),
        ):
            compact_combo(combo, chars)
        self.search.setMinimumWidth(200)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.gender_filter)
        filters.addWidget(self.community_filter)
        # The actions under the list: the filter row fits a 1024 px screen.
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addLayout(self.extra_buttons)
        actions.addWidget(self.open_button)
        actions.addWidget(self.new_button)

        self.model = MembersTableModel(self)
        self.model.loader.failed.connect(self._load_failed)
        self.counts_loader = BackgroundLoader(self)
        self.counts_loader.failed.connect(self._load_failed)
        # The community filter's names: a scan of the register, off the GUI thread too.
        self.communities_loader = BackgroundLoader(self)
        self.communities_loader.failed.connect(self._load_failed)
        self._pending_select: int | None = None
        self._loaded_filter: MemberFilter | None = None
        self._loaded_view: tuple[MemberFilter, str, bool] | None = None
        self.table = QTableView()
        self.table.setObjectName("members_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Column widths from the first rows only: measuring 100,000 rows would take seconds,
        # and 200 rows took ~120 ms of the GUI thread before the first rows were painted (a
        # federation's start); two screenfuls give the same widths for a register sorted by
        # code or name.
        self.table.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        # Widths the user set are kept; otherwise the first load fits them to the data.
        # The saved header state carries the sort the user left too: given to the model before
        # the load is wired, so the first load (when shown) is in that order.
        self._sized = remember_columns(self.table, "members")
        # restoreState sets the header's sort indicator without asking the model to sort.
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        # Connected after the first sortByColumn and the restored header: the page loads when
        # it is first shown.
        self.model.sort_requested.connect(lambda *_: self.reload())
        self.table.doubleClicked.connect(self._open_index)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_selected)

        # What to do first, shown while the register is empty (a new cooperative).
        self.start_panel = QFrame()
        self.start_panel.setObjectName("start_panel")
        self.start_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.start_text = QLabel()
        self.start_text.setWordWrap(True)
        self.start_import = QPushButton(self.tr("&Import a roster from Excel…"))
        self.start_import.clicked.connect(lambda: excel_actions.import_members(self, self.ctx))
        self.start_new = QPushButton(self.tr("Register a &member"))
        self.start_new.clicked.connect(self.new_record)
        self.start_settings = QPushButton(self.tr("Cooperative &settings…"))
        self.start_settings.clicked.connect(self.open_settings)
        start_buttons = QHBoxLayout()
        for button in (self.start_import, self.start_new, self.start_settings):
            start_buttons.addWidget(button)
        start_buttons.addStretch(1)
        start_layout = QVBoxLayout(self.start_panel)
        start_layout.addWidget(self.start_text)
        start_layout.addLayout(start_buttons)
        self.start_panel.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.start_panel)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        # Keyboard: Down from the search box goes into the list; Enter there opens a member.
        for key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            into_list = QShortcut(QKeySequence(key), self.search)
            into_list.setContext(Qt.ShortcutContext.WidgetShortcut)
            into_list.activated.connect(self.focus_list)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_from_box)
        for combo in (self.status_filter, self.gender_filter, self.community_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(self.new_record)
        self.import_button.clicked.connect(lambda: excel_actions.import_members(self, self.ctx))
        self.export_button.clicked.connect(lambda: excel_actions.export_members(self, self.ctx))
        self.open_button.clicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.apply_permissions()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Members")

    # --- loading -----------------------------------------------------------------------
    def current_filter(self) -> MemberFilter:
        return MemberFilter(
            text=self.search.text(),
            status=self.status_filter.currentData(),
            gender=self.gender_filter.currentData(),
            community=self.community_filter.currentData(),
        )

    def refresh(self) -> None:
        self._reload_communities()
        self.reload()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Load the first page in a pool thread (after a sort or a save, the selected member's
        page too, so it stays selected), then the counts; a newer reload supersedes one still
        on its way."""
        flt = self.current_filter()
        selected = self._pending_select or self.selected_member_id()
        # A new search keeps the selection only when it is among the first rows: looking for
        # it further would cost a keystroke a scan of the register.
        look_further = self._pending_select is not None or flt == self._loaded_filter
        order_by = SORT_KEYS[self.model.sort_column]
        descending = self.model.sort_order == Qt.SortOrder.DescendingOrder
        # The same list loaded again (a change saved here or on another PC) keeps the user's
        # place: the rows down to the last one in view come again, and the selection
        # and the scroll position follow their members.
        view = (flt, order_by, descending)
        same_view = view == self._loaded_view
        shown = last_shown_row(self.table) if same_view else -1
        self._loaded_filter = flt
        db, actor = self.ctx.db, self.ctx.actor

        def page(session: Session, limit: int, offset: int = 0) -> list[MemberRow]:
            return members.list_members(
                session,
                actor,
                flt,
                order_by=order_by,
                descending=descending,
                limit=limit,
                offset=offset,
            )

        def first(limit: int) -> list[MemberRow]:  # pool thread, its own Session
            with db.reading(actor) as s:
                rows = page(s, limit)
                if len(rows) < limit:
                    return rows  # the whole list
                need = (shown // limit + 1) * limit if shown >= 0 else limit
                if look_further and selected is not None and all(r.id != selected for r in rows):
                    position = members.member_position(
                        s, actor, selected, flt, order_by=order_by, descending=descending
                    )
                    if position is not None:
                        need = max(need, (position // limit + 1) * limit)
                if need > len(rows):
                    rows += page(s, need - len(rows), len(rows))
                return rows

        def more(offset: int, limit: int) -> list[MemberRow]:  # pool thread, its own Session
            with db.reading(actor) as s:
                return page(s, limit, offset)

        self.model.load(
            first,
            more,
            lambda: self._first_rows_shown(selected, flt, then, view),
            around=(lambda: kept_place(self.table, _member_id)) if same_view else None,
        )

    def _first_rows_shown(
        self,
        selected: int | None,
        flt: MemberFilter,
        then: Callable[[], None] | None,
        view: tuple[MemberFilter, str, bool],
    ) -> None:
        self._loaded_view = view  # the view the rows now shown belong to
        if not self._sized and self.model.rowCount():
            self.table.resizeColumnsToContents()
            self._sized = True
        self._pending_select = None
        # Not when the place was kept with it: selecting scrolls, and the user may have
        # scrolled away from the selected member.
        if selected is not None and self.selected_member_id() != selected:
            self.select_member(selected)
        self._update_buttons()
        if then is not None:
            then()
        db, actor = self.ctx.db, self.ctx.actor

        def counts() -> RegisterCounts:  # pool thread, its own Session
            with db.reading(actor) as s:
                return members.register_counts(s, actor, flt)

        self.counts_loader.load(counts, lambda counts: self._show_counts(counts, flt))

    def _show_counts(self, counts: RegisterCounts, flt: MemberFilter) -> None:
        share = f"{counts.women_share * 100:.0f}"
        self.status_message.emit(
            self.tr("{0} members · {1} active · {2} women ({3}%)").format(
                counts.members, counts.active, counts.women, share
            )
        )
        self._show_start(counts.members == 0 and flt == MemberFilter())

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _show_start(self, empty: bool) -> None:
        """An empty register says what to do first instead of showing an empty grid."""
        if not empty:
            self.start_panel.hide()
            return
        profile = self.ctx.read(cooperative.get_profile)
        steps = [self.tr("<b>The register has no members yet.</b> To start:")]
        if self.ctx.can(Permission.MEMBERS_WRITE):
            steps.append(
                self.tr(
                    "• import the roster you keep in Excel (the import shows every row "
                    "before anything is saved), or register members one by one;"
                )
            )
        missing = profile is None or not profile.tax_id or not profile.flo_id
        if missing:
            steps.append(
                self.tr(
                    "• fill in the cooperative's RUC and FLO ID (File → Cooperative "
                    "settings): reports and workbooks carry them."
                )
            )
        self.start_text.setText("<br>".join(steps))
        writer = self.ctx.can(Permission.MEMBERS_WRITE)
        self.start_import.setVisible(writer)
        self.start_new.setVisible(writer)
        self.start_settings.setVisible(missing and self.ctx.can(Permission.SETTINGS_WRITE))
        self.start_panel.show()

    def open_settings(self) -> None:
        from coop_desk.ui.dialogs.settings import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def focus_list(self) -> None:
        """Into the list from the search box, on the selected member or the first one."""
        if self.model.rowCount() == 0:
            return
        if self.selected_member_id() is None:
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _search_from_box(self) -> None:
        """Enter in the search box: search now; once the rows are in, a single match opens,
        otherwise the list takes the keyboard (Enter again opens the selected member)."""
        self._search_timer.stop()
        self.reload(then=self._after_search_from_box)

    def _after_search_from_box(self) -> None:
        if self.model.rowCount() == 1:
            self.table.selectRow(0)
            self.open_selected()
        else:
            self.focus_list()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.reload()

    def _reload_communities(self) -> None:
        """The community filter's names, loaded in a pool thread beside the first rows."""
        db, actor = self.ctx.db, self.ctx.actor

        def names() -> list[str]:  # pool thread, its own Session
            with db.reading(actor) as s:
                return members.communities(s, actor)

        self.communities_loader.load(names, self._show_communities)

    def _show_communities(self, names: list[str]) -> None:
        current = self.community_filter.currentData()
        self.community_filter.blockSignals(True)
        self.community_filter.clear()
        self.community_filter.addItem(self.tr("All communities"), None)
        # All at once: the open list is fitted to its items once, not once an item.
        self.community_filter.addItems(names)
        for row, name in enumerate(names, start=1):
            self.community_filter.setItemData(row, name)
        index = self.community_filter.findData(current)
        self.community_filter.setCurrentIndex(max(index, 0))
        self.community_filter.blockSignals(False)

    # --- selection and actions ---------------------------------------------------------
    def selected_member_id(self) -> int | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        row = self.model.row_at(indexes[0].row())
        return row.id if row else None

    def select_member(self, member_id: int) -> bool:
        """Select the member if its row is loaded; else it is selected after the next load."""
        row = self.model.find_row(lambda r: r.id == member_id)
        if row < 0:
            self._pending_select = member_id
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def can_create(self) -> bool:
        return self.ctx.can(Permission.MEMBERS_WRITE)

    def new_record(self) -> None:
        if not self.ctx.can(Permission.MEMBERS_WRITE):
            return
        editor = self.open_editor(None)
        editor.exec()

    def open_selected(self) -> None:
        member_id = self.selected_member_id()
        if member_id is not None:
            self.open_editor(member_id).exec()

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_editor(row.id).exec()

    def open_editor(self, member_id: int | None) -> MemberEditor:
        """The editor for a member (``None``: a new one); the caller shows it. Tests drive it.
        Its module (plots, maps, certification: shapely, pyproj) is imported on first use,
        not with the register (issue 14: the first rows after the window)."""
        from coop_desk.ui.dialogs.member_editor import MemberEditor

        editor = MemberEditor(self.ctx, member_id, self)
        editor.saved.connect(self._after_save)
        return editor

    def _after_save(self, detail: MemberDetail) -> None:
        self._pending_select = detail.id
        self.reload()

    def apply_permissions(self) -> None:
        self.new_button.setVisible(self.ctx.can(Permission.MEMBERS_WRITE))
        self.import_button.setVisible(self.ctx.can(Permission.MEMBERS_WRITE))
        self.export_button.setVisible(self.ctx.can(Permission.EXPORT))

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_member_id() is not None)
