"""The main window, the first-run choice and the settings dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from coop_desk.services import cooperative, members


def test_sidebar_lists_the_sections_and_title_names_the_cooperative(window):
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert "Members" in titles
    assert "CPGP" in window.windowTitle()


def test_first_run_starts_a_new_cooperative(qtbot, qapp, sqlite_db):
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.dialogs.first_run import FirstRunDialog, needs_first_run

    ctx = AppContext(sqlite_db)
    assert needs_first_run(ctx)
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.save()  # no name yet
    assert "name is required" in dialog.problems.labels["name"].text()
    qtbot.keyClicks(dialog.name, "Cooperativa Agraria Valle Alto")
    # The first administrator's account is asked for too (issue 4).
    qtbot.keyClicks(dialog.admin_name, "rosa")
    qtbot.keyClicks(dialog.admin_password, "a long password")
    qtbot.keyClicks(dialog.admin_repeat, "a long password")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.actor.username == "rosa"
    assert not needs_first_run(ctx)
    assert ctx.read(cooperative.get_profile).name == "Cooperativa Agraria Valle Alto"


def test_first_run_opens_the_demo(qtbot, qapp, sqlite_db):
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.dialogs.first_run import FirstRunDialog

    ctx = AppContext(sqlite_db)
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.demo_choice.setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    counts = ctx.read(members.register_counts)
    assert counts.members == 188


def test_settings_dialog_validates_and_saves(qtbot, ctx):
    from coop_desk.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.tax_id.setText("123")
    dialog.save()
    assert "11 digits" in dialog.problems.labels["tax_id"].text()
    dialog.tax_id.setText("20487651234")
    dialog.flo_id.setText("3784")
    dialog.fiscal_month.setCurrentIndex(3)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    profile = ctx.read(cooperative.get_profile)
    assert (profile.tax_id, profile.flo_id, profile.fiscal_year_start_month) == (
        "20487651234",
        "3784",
        4,
    )


def test_unexpected_error_is_shown_in_words(qtbot, monkeypatch, qapp):
    from PySide6.QtWidgets import QMessageBox

    from coop_desk.ui import errors

    shown = {}

    def fake_exec(self):  # type: ignore[no-untyped-def]
        shown["text"] = self.text()
        shown["details"] = self.detailedText()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    errors.show_error(None, RuntimeError("boom"))
    assert "did not expect" in shown["text"]
    assert "RuntimeError: boom" in shown["details"]


def test_app_run_refuses_a_newer_database_with_a_dialog(qtbot, qapp, tmp_path, monkeypatch):
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from coop_desk import app
    from coop_desk.db import Database

    path = tmp_path / "future.sqlite"
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: seen.append(self.text()) or 0)
    assert app.run(str(path)) == 1
    assert seen and "newer version" in seen[0]


def test_pages_are_built_when_first_shown(window, qtbot):
    assert [page.key for page in window.pages] == ["home"]  # the first section only
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    window.sidebar.setCurrentRow(titles.index("Premium"))
    assert window.current_page() is window.page("premium")
    assert [page.key for page in window.pages] == ["home", "premium"]
    for key in ("members", "certs", "plots", "trade", "audit", "users"):
        window.page(key)
    # The sidebar's titles, given before any page existed, are the pages' own.
    assert titles == [page.title() for page in window.pages]


def test_the_window_comes_up_without_the_heavy_modules(demo_db, tmp_path):
    """Start cost (issue 14): no Alembic (the schema is current), no openpyxl (no workbook is
    read or written), no demo data modules, no certification or audit page; no shapely,
    pyproj or numpy (plots' geometry: the audit trail's words, the member editor), no report
    dialog (the Reports menu)."""
    import os
    import subprocess
    import sys

    script = """
import sys
from coop_desk.app import make_application
from coop_desk.db import Database
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.first_run import needs_first_run
from coop_desk.ui.main_window import MainWindow
app = make_application()
ctx = AppContext(Database.open(sys.argv[1]))
assert not needs_first_run(ctx)
window = MainWindow(ctx)
window.show()
app.processEvents()
heavy = ["openpyxl", "alembic", "coop_desk.services.demo", "coop_desk.ui.pages.certifications",
         "coop_desk.ui.pages.audit", "coop_desk.ui.pages.premium", "shapely", "pyproj", "numpy",
         "coop_desk.domain.eudr", "coop_desk.domain.geometry", "coop_desk.ui.printing.dialog",
         "coop_desk.ui.dialogs.member_editor"]
print(",".join(name for name in heavy if name in sys.modules))
"""
    path = str(demo_db.engine.url.database)
    demo_db.close()
    done = subprocess.run(
        [sys.executable, "-c", script, path],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=tmp_path,
        check=True,
    )
    assert done.stdout.strip() == ""


def test_the_members_page_opens_without_the_member_editor_module(demo_db, tmp_path):
    """The register's first rows (issue 14): the editor (plots, maps: shapely, pyproj) is
    imported when a member is first opened, not with the page."""
    import os
    import subprocess
    import sys

    script = """
import sys
from coop_desk.app import make_application
from coop_desk.db import Database
from coop_desk.ui.context import AppContext
from coop_desk.ui.pages.members import MembersPage
app = make_application()
page = MembersPage(AppContext(Database.open(sys.argv[1])))
heavy = ["coop_desk.ui.dialogs.member_editor", "shapely", "pyproj"]
print(",".join(name for name in heavy if name in sys.modules))
"""
    path = str(demo_db.engine.url.database)
    demo_db.close()
    done = subprocess.run(
        [sys.executable, "-c", script, path],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=tmp_path,
        check=True,
    )
    assert done.stdout.strip() == ""


def test_the_start_page_loads_once_the_window_is_painted(qtbot, demo_ctx):
    """The first frame shows the start page in its loading state; its data are asked for
    after that frame (issue 14), and come without the user doing anything."""
    from coop_desk.ui.main_window import MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    home = window.page("home")
    loads: list[bool] = []
    home.loaded.connect(lambda: loads.append(True))
    qtbot.wait(50)  # not shown, so never painted: nothing asked for yet
    assert loads == [] and home.figures is None
    assert home.loading_label.isVisibleTo(home)
    with qtbot.waitSignal(home.loaded, timeout=30_000):
        window.show()
    assert home.figures is not None and not home.loading_label.isVisibleTo(home)


def test_a_page_chosen_before_the_first_frame_loads_when_shown(qtbot, demo_ctx):
    """Another section picked before the window was painted loads at once; the start page
    then loads when it is shown again."""
    from coop_desk.ui.main_window import MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    home = window.page("home")
    members_page = window.show_page("members")
    assert members_page.model.busy or members_page.model.rowCount() > 0
    window.show()
    qtbot.waitUntil(lambda: members_page.model.rowCount() > 0, timeout=30_000)
    assert home.figures is None
    with qtbot.waitSignal(home.loaded, timeout=30_000):
        window.show_page("home")


def test_sorting_keeps_the_selection_on_every_grid(window, qtbot):
    """Every sortable grid (members, the Premium tabs, the certification tables): after a
    header click, in either order, the selected row is still the same record."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from coop_desk.ui.models.paged import PagedTableModel
    from coop_desk.ui.models.table import ROW_ROLE
    from tests.ui.premium_helpers import premium_page, wait_journal

    members_page = window.show_page("members")
    qtbot.waitUntil(lambda: not members_page.model.busy)
    premium = premium_page(window)
    for i in range(premium.tabs.count()):
        premium.tabs.setCurrentIndex(i)
        if premium.tabs.currentWidget() is premium.journal_tab:
            wait_journal(qtbot, premium.journal_tab)
    certs = window.page("certs")
    with qtbot.waitSignal(certs.loaded, timeout=20_000):
        window.show_page("certs")
    views = [
        v
        for v in window.findChildren(QTableView)
        if v.isSortingEnabled() and v.model().rowCount() > 2
    ]
    names = {v.objectName() or type(v.model()).__name__ for v in views}
    assert len(views) >= 8, names
    for view in views:
        model = view.model()
        middle = model.rowCount() // 2
        view.selectRow(middle)
        chosen = model.index(middle, 0).data(ROW_ROLE)
        for column in range(model.columnCount()):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                view.sortByColumn(column, order)
                paged = isinstance(model, PagedTableModel)
                if paged:
                    # Sorted in SQL: the rows come again from a pool thread, as new objects.
                    qtbot.waitUntil(lambda model=model: not model.busy)
                selected = view.selectionModel().selectedRows()
                assert len(selected) == 1, (view.objectName(), column)
                row, current = selected[0].data(ROW_ROLE), view.currentIndex().data(ROW_ROLE)
                if paged:
                    assert row == chosen == current, (view.objectName(), column)
                else:
                    assert row is chosen is current, (view.objectName(), column)


def test_a_cut_name_reads_whole_in_its_tooltip(window, qtbot):
    from PySide6.QtCore import Qt

    from tests.ui.premium_helpers import premium_page

    page = premium_page(window)
    page.tabs.setCurrentWidget(page.contracts_tab)
    model = page.contracts_tab.model
    buyer = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Buyer"
    )
    index = model.index(0, buyer)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data() != ""
