"""The main window: a navigation sidebar, the current section, menus and the status bar.

The launcher (``coop_desk.app``) shows the window before the database is open (issue 14): in
its *opening* state (``MainWindow()``) it has the section titles and "Opening the database…"
in place of a page (a section clicked meanwhile is the one shown once it is open), and it imports nothing of the database layer (SQLAlchemy, the
tables, the services), so it is on screen at once. Once the database is open and someone
signed in, ``attach(ctx)`` gives it the database: the menus, the user's sections, the change
watcher and the start page. ``MainWindow(ctx)`` does both at once. File > Open database later
replaces the database in place (``ui.open_database``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from coop_desk import __version__
from coop_desk.services.access import ROLE_LABELS, Permission
from coop_desk.ui.errors import show_error
from coop_desk.ui.labels import tr_label
from coop_desk.ui.language import LANGUAGES
from coop_desk.ui.pages import PageSpec, page_specs
from coop_desk.ui.pages.base import Page

if TYPE_CHECKING:
    # The database layer is imported once the window is on screen (``attach``).
    from coop_desk.ui.backup_actions import AutoBackup
    from coop_desk.ui.changes import ChangeWatcher
    from coop_desk.ui.context import AppContext


class MainWindow(QMainWindow):
    # The window's first frame is on screen (the launcher opens the database then).
    first_frame_painted = Signal()

    ctx: AppContext  # set by ``attach``: absent while the window is opening
    watcher: ChangeWatcher

    def __init__(self, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle("coop-desk")
        self.painted = False  # the first frame is on screen
        self._first_load: Page | None = None  # the start page, loaded after its first frame
        self._first_frame = False  # True while ``attach`` chooses the start page
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.stack = QStackedWidget()
        # Built when first shown (``page``): the window needs only their titles.
        self.specs: list[PageSpec] = page_specs()
        self._built: dict[str, Page] = {}
        for spec in self.specs:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            # Clickable at once: a section chosen while the database opens is the one shown
            # when it is open (``attach``), and the start page is then not even built.
            self.sidebar.addItem(item)
        # As wide as the longest section name (in the user's language), not more: every
        # pixel goes to the page on a 1024 px screen.
        metrics = self.sidebar.fontMetrics()
        widest = max((metrics.horizontalAdvance(s.title()) for s in self.specs), default=90)
        self.sidebar.setFixedWidth(max(120, widest + 36))
        # What the window shows until the database is open.
        self.opening_label = QLabel(self.tr("Opening the database…"))
        self.opening_label.setObjectName("opening_label")
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_label)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self.page_status = QLabel()
        self.statusBar().addWidget(self.page_status, 1)
        # Until the database is open, File > Quit only (the whole menus come with it).
        self._opening_menu = self.menuBar().addMenu(self.tr("&File"))
        self._opening_menu.addAction(self._quit_action())
        self.auto_backup: AutoBackup | None = None  # installed by the launcher (app.run)
        self._restore_geometry()
        if ctx is not None:
            self.attach(ctx)

    @property
    def is_open(self) -> bool:
        """Whether the window has its database (``attach``), or is still opening."""
        return hasattr(self, "ctx")

    def attach(self, ctx: AppContext) -> None:
        """Give the opening window its database, once someone signed in to it: the menus,
        the sections the user's role may see, the change watcher and the start page."""
        from coop_desk.ui.changes import ChangeWatcher

        if self.is_open:
            raise RuntimeError("the window has its database already")
        self.ctx = ctx
        self.menuBar().clear()
        self._opening_menu.deleteLater()
        self._build_menus()
        self.sidebar.currentRowChanged.connect(self._show_page)
        ctx.changed.connect(self._on_changed)
        ctx.actor_changed.connect(self._update_identity)
        # Changes saved on other PCs refresh the pages (LISTEN on PostgreSQL, polling SQLite).
        self.watcher = ChangeWatcher(ctx, self)
        self.watcher.start()
        self._update_identity()
        # The start page is built now, so the next frame shows it (with its "Loading…"
        # state); its data are asked for once that frame is painted (``paintEvent``): a load
        # running beside a paint competes with it for the interpreter (issue 14).
        self._first_frame = True
        chosen = self.sidebar.currentRow()  # a section chosen while the window was opening
        if chosen >= 0 and self._available(self.specs[chosen]):
            start: int | None = chosen
        else:
            start = self._start_row()
        if start is not None:
            if self.sidebar.currentRow() == start:
                self._show_page(start)
            else:
                self.sidebar.setCurrentRow(start)
        self._first_frame = False
        self.stack.removeWidget(self.opening_label)
        self.opening_label.deleteLater()
        if self.painted:
            self.update()  # the frame after which the start page loads

    # --- navigation ---------------------------------------------------------------------
    @property
    def pages(self) -> list[Page]:
        """The pages built so far, in sidebar order."""
        return [self._built[spec.key] for spec in self.specs if spec.key in self._built]

    def page(self, key: str) -> Page:
        """The page for ``key``, built (not shown) if it was not yet."""
        page = self._built.get(key)
        if page is not None:
            return page
        spec = next((spec for spec in self.specs if spec.key == key), None)
        if spec is None:
            raise KeyError(key)
        page = spec.load()(self.ctx)
        self._built[key] = page
        self.stack.addWidget(page)
        page.status_message.connect(self._on_page_status)
        page.navigate.connect(self.open_target)
        opener = getattr(page, "open_requested", None)
        if opener is not None:
            opener.connect(self.open_record)
        return page

    def show_page(self, key: str) -> Page:
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.sidebar.setCurrentRow(row)
                return self.page(key)
        raise KeyError(key)

    def open_target(self, key: str, target: str = "") -> Page | None:
        """Show the page ``key`` and, in it, ``target`` (a tab); None for an unknown page."""
        try:
            page = self.show_page(key)
        except KeyError:
            return None
        if target:
            page.show_target(target)
        return page

    def _start_row(self) -> int | None:
        """The home page (the first section the role may see), unless the user chose to
        start where they left off; None when the role may see no section."""
        rows = [row for row, spec in enumerate(self.specs) if self._available(spec)]
        if not rows:
            return None
        settings = QSettings()
        if not settings.value("main_window/start_on_home", True, type=bool):
            last = str(settings.value("main_window/last_page", "") or "")
            for row in rows:
                if self.specs[row].key == last:
                    return row
        return rows[0]

    def _available(self, spec: PageSpec) -> bool:
        page = self._built.get(spec.key)
        return page.is_available() if page is not None else spec.available(self.ctx)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        spec = self.specs[row]
        if not self._available(spec):
            return
        try:
            page = self.page(spec.key)
        except Exception as exc:  # noqa: BLE001 - shown in words, the window stays up
            show_error(self, exc)
            return
        self.stack.setCurrentWidget(page)
        self.page_status.clear()
        QSettings().setValue("main_window/last_page", page.key)
        self.new_action.setEnabled(page.can_create())
        if self._first_frame:
            self._first_load = page  # loaded after the first frame (``paintEvent``)
            return
        self._ensure_fresh(page)

    def _ensure_fresh(self, page: Page) -> None:
        try:
            page.ensure_fresh()
        except Exception as exc:  # noqa: BLE001 - shown in words, the window stays up
            show_error(self, exc)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, self, self.first_frame_painted.emit)
        if self._first_load is not None:
            # After this frame is on screen: the start page's data, unless another page
            # was shown meanwhile (the start page then loads when it is shown again).
            page, self._first_load = self._first_load, None
            QTimer.singleShot(0, self, lambda: self._load_first(page))

    def _load_first(self, page: Page) -> None:
        if self.current_page() is page:
            self._ensure_fresh(page)

    def open_record(self, kind: str, record_id: int) -> QDialog | None:
        """Open a member (its editor) or a journal entry, asked for from another section
        (the audit trail); the dialog is returned unshown-safe for tests."""
        from coop_desk.ui.pages.members import MembersPage
        from coop_desk.ui.pages.premium import PremiumPage

        dialog: QDialog | None = None
        try:
            if kind == "member":
                members_page = self.page("members")
                assert isinstance(members_page, MembersPage)
                dialog = members_page.open_editor(record_id)
            elif kind == "journal_entry":
                premium_page = self.page("premium")
                assert isinstance(premium_page, PremiumPage)
                dialog = premium_page.open_entry_dialog(record_id)
        except Exception as exc:  # noqa: BLE001 - shown in words (a record deleted since)
            show_error(self, exc)
            return None
        if dialog is not None:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
        return dialog

    def _on_page_status(self, text: str) -> None:
        if self.sender() is self.current_page():
            self.page_status.setText(text)

    # --- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open database…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(lambda: self.open_database())
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Recent &databases"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        file_menu.addSeparator()
        self.settings_action = QAction(self.tr("Cooperative &settings…"), self)
        self.settings_action.triggered.connect(self.edit_settings)
        file_menu.addAction(self.settings_action)
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.triggered.connect(lambda: self.open_backups().exec())
        file_menu.addAction(self.backups_action)
        self.backup_action = QAction(self.tr("Back up the database to a &file…"), self)
        self.backup_action.triggered.connect(self.backup)
        file_menu.addAction(self.backup_action)
        self.restore_action = QAction(self.tr("&Restore from a copy…"), self)
        self.restore_action.triggered.connect(lambda: self.restore())
        file_menu.addAction(self.restore_action)
        self.import_menu = file_menu.addMenu(self.tr("&Import"))
        language_menu = file_menu.addMenu(self.tr("&Language"))
        current = str(QSettings().value("language", "") or "")
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            language_menu.addAction(action)
        file_menu.addSeparator()
        self.password_action = QAction(self.tr("Change &password…"), self)
        self.password_action.triggered.connect(lambda: self.change_password())
        file_menu.addAction(self.password_action)
        self.switch_user_action = QAction(self.tr("S&witch user…"), self)
        self.switch_user_action.triggered.connect(lambda: self.switch_user())
        file_menu.addAction(self.switch_user_action)
        file_menu.addSeparator()
        file_menu.addAction(self._quit_action())

        self.export_menu = self.menuBar().addMenu(self.tr("&Export"))
        self.export_menu.menuAction().setVisible(False)  # shown once something adds an action

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        find = QAction(self.tr("&Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self._current("focus_search"))
        edit_menu.addAction(find)
        self.new_action = QAction(self.tr("&New record"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(lambda: self._current("new_record"))
        edit_menu.addAction(self.new_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.home_action = QAction(self.tr("&Home"), self)
        self.home_action.setShortcut(QKeySequence("Ctrl+Home"))
        self.home_action.triggered.connect(lambda: self.show_page("home"))
        view_menu.addAction(self.home_action)
        self.start_on_home_action = QAction(self.tr("&Start on the home page"), self)
        self.start_on_home_action.setCheckable(True)
        self.start_on_home_action.setChecked(
            bool(QSettings().value("main_window/start_on_home", True, type=bool))
        )
        self.start_on_home_action.toggled.connect(
            lambda on: QSettings().setValue("main_window/start_on_home", on)
        )
        view_menu.addAction(self.start_on_home_action)

        from coop_desk.ui import excel_actions
        from coop_desk.ui.printing import actions as print_actions

        print_actions.install_menus(self)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = QAction(self.tr("&Manual"), self)
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.help_action.triggered.connect(lambda: self.show_help())
        help_menu.addAction(self.help_action)
        about = QAction(self.tr("&About coop-desk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

        excel_actions.install_menus(self)

    def _quit_action(self) -> QAction:
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        return quit_action

    def add_export_action(self, action: QAction) -> None:
        self.export_menu.addAction(action)
        self.export_menu.menuAction().setVisible(True)

    def _current(self, method: str) -> None:
        page = self.current_page()
        if page is not None:
            getattr(page, method)()

    def edit_settings(self) -> None:
        from coop_desk.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.exec()

    def change_password(self) -> QDialog:
        from coop_desk.ui.dialogs.change_password import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def switch_user(self) -> QDialog:
        """Sign in as someone else; the pages then apply the new role's permissions."""
        from coop_desk.ui.dialogs.login import LoginDialog

        dialog = LoginDialog(self.ctx, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_backups(self) -> QDialog:
        from coop_desk.ui.backup_actions import open_backup_dialog

        return open_backup_dialog(self, self.ctx)

    def backup(self) -> None:
        from coop_desk.ui.backup_actions import back_up_to_file

        back_up_to_file(self, self.ctx)

    def restore(self) -> None:
        from coop_desk.ui.backup_actions import restore_from_copy

        restore_from_copy(self, self.ctx)

    def open_database(self, target: Path | str | None = None) -> bool:
        """Another database in this window: a file, or a server's URL without a password
        (asked for when ``target`` is None)."""
        from coop_desk.ui.open_database import open_database

        return open_database(self, target)

    def fill_recent_menu(self) -> None:
        from coop_desk.ui.open_database import fill_recent_menu

        fill_recent_menu(self.recent_menu, self)

    def show_help(self, topic: str | None = None) -> QDialog:
        """F1: the manual at the page of the current screen."""
        from coop_desk.ui.help import show_help

        page = self.current_page()
        return show_help(self, topic or (page.help_topic if page is not None else "index"))

    def set_language(self, code: str) -> None:
        QSettings().setValue("language", code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The language changes the next time coop-desk starts."),
        )

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About coop-desk"),
            self.tr(
                "coop-desk {0}\nMember register, certifications and Fairtrade Premium ledger "
                "for coffee cooperatives.\n\nDatabase: {1}"
            ).format(__version__, self.ctx.db.url),
        )

    # --- state --------------------------------------------------------------------------
    def _update_identity(self) -> None:
        from coop_desk.services import audit_words

        actor = self.ctx.actor
        self.user_label.setText(
            f"{audit_words.user_words(actor.username)} ({tr_label(ROLE_LABELS[actor.role])})"
        )
        self.settings_action.setEnabled(actor.can(Permission.SETTINGS_WRITE))
        # After File > Open database… the database may be another kind (a file, a server).
        self.backup_action.setEnabled(self.ctx.db.is_sqlite)
        self.restore_action.setEnabled(self.ctx.db.is_sqlite and actor.can(Permission.RESTORE))
        self.password_action.setEnabled(actor.user_id is not None)
        self._update_sections()
        self._update_title()

    def _update_sections(self) -> None:
        """Sections the role may not see leave the sidebar; New record follows the page."""
        for row, spec in enumerate(self.specs):
            self.sidebar.item(row).setHidden(not self._available(spec))
        current = self.current_page()
        if current is not None and not current.is_available():
            first = next(i for i, s in enumerate(self.specs) if self._available(s))
            self.sidebar.setCurrentRow(first)
        current = self.current_page()
        self.new_action.setEnabled(current is not None and current.can_create())

    def _update_title(self) -> None:
        from coop_desk.services import cooperative
        from coop_desk.ui.open_database import place

        try:
            profile = self.ctx.read(cooperative.get_profile)
        except Exception:  # noqa: BLE001 - the title is cosmetic; the database error shows elsewhere
            profile = None
        name = profile.short_name or profile.name if profile else ""
        # The file's name too: with several databases (File > Recent databases) the title says
        # which one the next entry goes into.
        self.setWindowTitle(
            " — ".join(part for part in (name, place(self.ctx), "coop-desk") if part)
        )

    def _on_changed(self, topic: str) -> None:
        if topic in ("settings", "*"):
            self._update_title()

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.is_open:
            self.watcher.stop()
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        if self.auto_backup is not None:
            self.auto_backup.on_exit(self)
        super().closeEvent(event)
