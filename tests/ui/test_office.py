"""Everyday office use in the GUI (issue 15): the home dashboard, F1 help, PDFs in Spanish,
the backups, the restore, remembered layout and the error log."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCharts import QAbstractBarSeries
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from coop_desk import checked_copies
from coop_desk.db import sqlite_path
from coop_desk.services import backup, members
from coop_desk.services.access import Actor, Role
from coop_desk.ui import backup_actions, exported
from coop_desk.ui.printing import dialog as print_actions
from tests.conftest import TODAY
from tests.ui.test_translations import spanish  # noqa: F401 - the Spanish catalogue fixture

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestAssertRewriteWarning")


def _home(window, qtbot):  # type: ignore[no-untyped-def]
    page = window.page("home")
    page.today = lambda: TODAY
    page.now = lambda: datetime(2026, 11, 27, 12, tzinfo=UTC)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.refresh()
    return page


# --- the home dashboard ---------------------------------------------------------------------


def test_home_is_the_first_page_and_shows_the_demos_figures(window, qtbot):
    assert window.current_page() is window.page("home")
    page = _home(window, qtbot)
    assert page.members_card.text() == "181 active members"
    assert page.gender_card.text() == "28.2% women"
    assert page.ics_card.text() == "ICS coverage 95.1%"
    assert page.received_card.text() == "22,057.25 USD"
    assert page.remaining_card.text() == "25,218.66 USD"
    assert page.certificates_card.text() == "Certificates to renew: 2"
    # The charts: seven projects against their budget, three years of Premium.
    projects = page.projects_chart.series()[0]
    assert isinstance(projects, QAbstractBarSeries) and projects.barSets()[0].count() == 7
    years = page.years_chart.series()[0]
    assert [s.label() for s in years.barSets()] == ["Received", "Spent", "Remaining"]
    assert years.barSets()[0].count() == 3
    checks = {f.check for f in page.findings_model.rows()}
    assert {"premium.over_budget", "premium.overdue"} <= checks
    # No backup yet: the warning heads the page.
    assert page.backup_banner.isVisibleTo(page)


def test_a_new_cooperatives_home_does_not_claim_full_ics_coverage(ctx, qtbot):
    from coop_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = _home(window, qtbot)
    assert page.members_card.text() == "0 active members"
    # 0 of 0 inspected: said in words, not "100%".
    assert page.ics_card.text() == "ICS coverage: nobody in the group yet"
    assert "0 of 0" in page.ics_card.description()


def test_each_item_opens_the_page_behind_it(window, qtbot):
    page = _home(window, qtbot)
    page.ics_card.click()
    certs = window.current_page()
    assert certs is window.page("certs") and certs.tabs.currentIndex() == 1
    window.show_page("home")
    page.received_card.click()
    premium = window.current_page()
    assert premium is window.page("premium")
    assert premium.tabs.currentWidget() is premium.balances_tab
    window.show_page("home")
    row = page.findings_model.find_row(lambda f: f.check == "premium.overdue")
    page.open_finding(row)
    assert window.current_page().tabs.currentWidget() is premium.compliance_tab
    window.show_page("home")
    page.members_card.click()
    assert window.current_page() is window.page("members")


def test_a_new_load_draws_new_charts_and_deletes_the_old_ones_later(window, qtbot):
    """The charts a click or a paint may still be using are not freed inside a load's result
    (a crash in Qt's event processing): the old chart goes from the event loop."""
    from shiboken6 import isValid

    page = _home(window, qtbot)
    old_projects, old_years = page.projects_chart, page.years_chart
    old_series = old_projects.series()[0]
    page = _home(window, qtbot)
    assert page.projects_view.chart() is page.projects_chart is not old_projects
    assert page.years_view.chart() is page.years_chart is not old_years
    assert isValid(old_series)  # still there right after the result was drawn
    qtbot.waitUntil(lambda: not isValid(old_projects) and not isValid(old_years))
    assert page.projects_chart.series()[0].barSets()[0].count() == 7


def test_a_click_on_a_chart_opens_the_balances_after_the_click(window, qtbot):
    page = _home(window, qtbot)
    series = page.years_chart.series()[0]
    series.clicked.emit(0, series.barSets()[0])
    assert window.current_page() is page  # not from inside the series' own signal
    qtbot.waitUntil(lambda: window.current_page() is not page)
    premium = window.current_page()
    assert premium is window.page("premium")
    assert premium.tabs.currentWidget() is premium.balances_tab


def test_the_treasurers_home_is_about_the_premium(window, qtbot):
    window.ctx.set_actor(Actor("tesorero", Role.TREASURER, 2))
    page = _home(window, qtbot)
    assert not page.members_card.isVisibleTo(page) and not page.ics_card.isVisibleTo(page)
    assert page.received_card.isVisibleTo(page) and page.projects_view.isVisibleTo(page)
    assert {f.check.split(".")[0] for f in page.findings_model.rows()} == {"premium"}


def test_the_backup_warning_goes_once_a_good_backup_is_made(window, qtbot, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_folder(usb)
    page = _home(window, qtbot)
    assert page.backup_banner.isVisibleTo(page)
    checked_copies.backup_now(
        sqlite_path(window.ctx.db.engine), now=datetime(2026, 11, 26, tzinfo=UTC)
    )
    page = _home(window, qtbot)
    assert not page.backup_banner.isVisibleTo(page)
    assert "1 daily and 1 monthly" in page.backup_card.description()


# --- help ----------------------------------------------------------------------------------


def test_f1_opens_the_manual_at_the_current_screen(window, qtbot):
    window.show_page("premium")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog.isVisible() and dialog.topic == "ledger"
    assert "Premium" in dialog.browser.toPlainText()
    window.show_page("audit")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help_dialog is dialog and dialog.topic == "audit"
    assert "hash" in dialog.browser.toPlainText()
    window.show_page("members")
    assert window.show_help().topic == "register"
    dialog.close()


def test_the_manual_speaks_spanish(window, qtbot, spanish):  # noqa: F811
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("es_PE"))
    try:
        window.show_page("members")
        dialog = window.show_help()
        assert "padrón" in dialog.browser.toPlainText()
        dialog.close()
    finally:
        QLocale.setDefault(QLocale("en_US"))


def test_every_help_page_exists_in_both_languages():
    from coop_desk.ui.help import HELP_DIR

    english = sorted(p.name for p in (HELP_DIR / "en").glob("*.html"))
    assert english == sorted(p.name for p in (HELP_DIR / "es").glob("*.html"))
    assert {"register.html", "ledger.html", "audit.html", "index.html"} <= set(english)


# --- PDF -----------------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", text)  # the PDF's "fi" ligatures back to letters


def test_the_assembly_report_as_a_pdf_in_spanish(demo_ctx, qtbot, tmp_path, spanish):  # noqa: F811
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("es_PE"))
    try:
        dialog = print_actions.open_report(None, demo_ctx, print_actions.ASSEMBLY)
        qtbot.addWidget(dialog)
        dialog.today = lambda: TODAY
        dialog.year.setValue(2025)
        path = dialog.save_pdf(tmp_path / "asamblea.pdf")
    finally:
        QLocale.setDefault(QLocale("en_US"))
    assert path is not None and path.read_bytes().startswith(b"%PDF")
    text = _pdf_text(path)
    assert "Uso de la Prima Fairtrade en 2025" in text
    # The totals of 2025, in Peruvian number format: received, spent, carried over.
    assert "Prima recibida" in text and "22,057.25" in text
    assert "23,145.65" in text and "16,404.87" in text
    assert "Participación de las mujeres" in text and "34.3 %" in text
    assert "Received" not in text  # nothing left in English


def test_print_goes_through_the_printer_dialog(demo_ctx, qtbot, monkeypatch):
    printed = []
    monkeypatch.setattr(
        print_actions, "print_html", lambda _p, html, title: printed.append(html) or True
    )
    dialog = print_actions.open_report(None, demo_ctx, print_actions.BALANCES)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2026)
    assert dialog.print_report()
    assert "Women&#x27;s programme" in printed[0] and "21,610.00" in printed[0]


def test_member_card_and_journal_pdfs(demo_ctx, qtbot, tmp_path, exported_boxes):
    member_id = _member_id(demo_ctx, "CPGP-3784-7")
    card = print_actions.open_report(None, demo_ctx, print_actions.MEMBER, member_id=member_id)
    qtbot.addWidget(card)
    text = _pdf_text(card.save_pdf(tmp_path / "card.pdf"))
    assert "CPGP-3784-7" in text and "Plots" in text and "Certification status" in text
    journal = print_actions.open_report(None, demo_ctx, print_actions.JOURNAL)
    qtbot.addWidget(journal)
    journal.date_from.set_date_value(date(2025, 1, 1))
    journal.date_to.set_date_value(date(2025, 12, 31))
    text = _pdf_text(journal.save_pdf(tmp_path / "journal.pdf"))
    assert "2025-0001" in text and "Total" in text
    # After each export, the shared box with Open file / Open folder.
    assert [Path(p).name for _t, _x, p in exported_boxes] == ["card.pdf", "journal.pdf"]


def test_the_command_line_writes_the_pdf_in_spanish(demo_template, tmp_path):
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)
    out = tmp_path / "informe.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "coop_desk",
            "--db",
            str(db),
            "ledger",
            "report",
            "--year",
            "2025",
            "--pdf",
            str(out),
        ],
        capture_output=True,
        text=True,
        env={**_env(), "COOP_DESK_LANG": "es"},
    )
    assert done.returncode == 0, done.stderr
    text = _pdf_text(out)
    assert "Prima recibida" in text and "22,057.25" in text and "16,404.87" in text


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the command starts its own offscreen application
    env.pop("DISPLAY", None)
    return env


def test_open_file_and_open_folder(monkeypatch, tmp_path, qapp):
    opened = []
    monkeypatch.setattr(exported, "open_url", lambda path: opened.append(path) or True)
    target = tmp_path / "x.pdf"
    monkeypatch.setattr(exported, "ask", lambda *a: exported.OPEN_FOLDER)
    assert exported.show_exported(None, "t", "written", target) == exported.OPEN_FOLDER
    monkeypatch.setattr(exported, "ask", lambda *a: exported.OPEN_FILE)
    exported.show_exported(None, "t", "written", target)
    assert opened == [tmp_path, target]


def test_gender_report_dialog(demo_ctx, qtbot):
    from coop_desk.ui.printing.gender import GenderReportDialog

    dialog = GenderReportDialog(demo_ctx, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.year.setValue(2025)
    rows = dialog.model.rows()
    assert [(r.women, r.total) for r in rows] == [(51, 181), (79, 230), (52, 185), (52, 185)]
    assert "3,000.00" in dialog.programme.text()


# --- backups in the GUI --------------------------------------------------------------------


def test_automatic_backup_runs_once_a_day(demo_ctx, qtbot, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_folder(usb)
    auto = backup_actions.AutoBackup(demo_ctx)
    now = datetime(2026, 11, 27, 10, tzinfo=UTC)
    with qtbot.waitSignal(auto.done, timeout=60_000) as done:
        assert auto.run_if_due(now)
    assert done.args[0].good
    assert not auto.run_if_due(now)  # made today already
    state = backup.status(usb, "demo", now)
    assert len(state.daily) == 1 and state.last_good is not None


def test_restore_from_the_gui(window, qtbot, tmp_path, monkeypatch):
    ctx = window.ctx
    live = sqlite_path(ctx.db.engine)
    copy = checked_copies.backup_to(live, tmp_path / "copy.sqlite").path
    member_id = _member_id(ctx, "CPGP-3784-7")
    from coop_desk.services.members import MemberFilter

    ctx.write(lambda s, a: members.update_member(s, a, member_id, _renamed(s, a, member_id)))
    assert ctx.read(lambda s, a: members.list_members(s, a, MemberFilter(text="Cambiado")))
    asked = []
    monkeypatch.setattr(
        backup_actions, "confirm_restore", lambda _p, plan: asked.append(plan) or True
    )
    monkeypatch.setattr(backup_actions, "sign_in_again", lambda _p, c: True)
    monkeypatch.setattr(backup_actions.QMessageBox, "information", lambda *a: None)
    result = backup_actions.restore_from_copy(window, ctx, copy)
    assert result is not None and asked[0].copy.members == 188
    assert result.kept_aside is not None and result.kept_aside.exists()
    assert not ctx.read(lambda s, a: members.list_members(s, a, MemberFilter(text="Cambiado")))


def _member_id(ctx, code: str) -> int:  # type: ignore[no-untyped-def]
    rows = ctx.read(lambda s, a: members.list_members(s, a))
    return next(r.id for r in rows if r.code == code)


def _renamed(session, actor, member_id):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    detail = members.get_member(session, actor, member_id)
    return replace(detail.to_input(), surnames="Cambiado")


def test_only_an_administrator_may_restore(window, qtbot, monkeypatch, tmp_path):
    window.ctx.set_actor(Actor("tesorero", Role.TREASURER, 2))
    assert not window.restore_action.isEnabled()
    shown = []
    monkeypatch.setattr(backup_actions, "show_error", lambda _p, exc: shown.append(str(exc)))
    assert backup_actions.restore_from_copy(window, window.ctx, tmp_path / "x.sqlite") is None
    assert "may not restore" in shown[0]


# --- polish ----------------------------------------------------------------------------------


def test_last_page_is_remembered_when_asked(qtbot, demo_ctx):
    from coop_desk.ui.main_window import MainWindow

    first = MainWindow(demo_ctx)
    qtbot.addWidget(first)
    first.show_page("premium")
    first.start_on_home_action.setChecked(False)
    first.close()
    second = MainWindow(demo_ctx)
    qtbot.addWidget(second)
    assert second.current_page() is second.page("premium")
    QSettings().setValue("main_window/start_on_home", True)
    third = MainWindow(demo_ctx)
    qtbot.addWidget(third)
    assert third.current_page() is third.page("home")


def test_unexpected_errors_are_logged_with_copy_details(qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from coop_desk.ui import errors

    # import-linter, run in-process by test_layers, disables the loggers that exist then.
    monkeypatch.setattr(errors.log, "disabled", False)
    path = errors.install_error_log()

    def press_copy(self):  # type: ignore[no-untyped-def]
        copy = next(b for b in self.buttons() if b.text() == "Copy details")
        monkeypatch.setattr(self, "clickedButton", lambda: copy)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_copy)
    errors.show_error(None, RuntimeError("kaboom"))
    assert "RuntimeError: kaboom" in QApplication.clipboard().text()
    assert "RuntimeError: kaboom" in path.read_text(encoding="utf-8")


def test_column_widths_splitters_and_tabs_are_remembered(qtbot, demo_ctx):
    from coop_desk.ui.main_window import MainWindow

    first = MainWindow(demo_ctx)
    qtbot.addWidget(first)
    members_page = first.show_page("members")
    table = members_page.table
    qtbot.waitUntil(lambda: not members_page.model.busy)
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # a new load, in SQL (paged model)
    qtbot.waitUntil(lambda: not members_page.model.busy)
    table.setColumnWidth(1, 333)  # the header's state, kept, carries the sort indicator too
    premium = first.show_page("premium")
    premium.tabs.setCurrentWidget(premium.journal_tab)
    audit = first.show_page("audit")
    splitter = audit.view.parentWidget()
    splitter.setSizes([100, 300])
    splitter.splitterMoved.emit(100, 1)
    first.close()

    second = MainWindow(demo_ctx)
    qtbot.addWidget(second)
    second.resize(1024, 768)
    second.show()
    members_page = second.page("members")
    # The paged model sorts as the restored header shows, and loads only once shown.
    assert members_page.model.sort_column == 1
    assert members_page.model.sort_order == Qt.SortOrder.DescendingOrder
    assert not members_page.model.busy and members_page.model.rowCount() == 0
    second.show_page("members")
    qtbot.waitUntil(lambda: members_page.model.rowCount() > 0 and not members_page.model.busy)
    assert members_page.table.columnWidth(1) == 333
    model = members_page.model
    first_row, last_row = model.row_at(0), model.row_at(model.rowCount() - 1)
    assert first_row.surnames.casefold() > last_row.surnames.casefold()  # descending
    premium = second.show_page("premium")
    assert premium.tabs.currentWidget() is premium.journal_tab
    sizes = second.show_page("audit").view.parentWidget().sizes()
    assert sizes[0] < sizes[1]


def test_closing_the_window_backs_up(qtbot, demo_ctx, tmp_path, monkeypatch):
    from coop_desk.ui.main_window import MainWindow

    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_folder(usb)
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.auto_backup = backup_actions.AutoBackup(demo_ctx, window)
    window.close()
    state = backup.status(usb, "demo")
    assert state.last_good is not None and state.last_good.path.parent == usb / "demo" / "daily"
    # The USB disk is gone: closing says so only when no good backup is less than a week old.
    shown = []
    monkeypatch.setattr(backup_actions, "show_error", lambda _p, exc, *_a: shown.append(str(exc)))
    backup.set_folder(tmp_path / "unplugged")
    assert window.auto_backup.on_exit(None) is None
    assert shown and "USB disk" in shown[0]
    backup.set_folder(usb)  # a good backup of today is there: a failure stays quiet
    shown.clear()
    monkeypatch.setattr(
        checked_copies,
        "backup_now",
        lambda *a, **k: (_ for _ in ()).throw(backup.BackupError("disk full")),
    )
    assert window.auto_backup.on_exit(None) is None and shown == []


def test_closing_a_changed_form_asks_before_discarding(qtbot, demo_ctx, discard_questions):
    from coop_desk.ui.dialogs.premium.setup import BuyerDialog

    asked, answer = discard_questions
    untouched = BuyerDialog(demo_ctx)
    qtbot.addWidget(untouched)
    untouched.show()
    untouched.reject()
    assert asked == [] and not untouched.isVisible()

    dialog = BuyerDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Tostadores del Norte")
    answer["discard"] = False
    dialog.reject()  # Cancel: the user keeps editing
    assert asked and dialog.isVisible()
    answer["discard"] = True
    dialog.reject()
    assert not dialog.isVisible()


def test_the_member_editor_names_the_member_when_asking(qtbot, window, discard_questions):
    asked, _answer = discard_questions
    page = window.show_page("members")
    editor = page.open_editor(None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.surnames, "Quispe")
    editor.reject()
    assert asked == ["This member has changes that are not saved. Discard them?"]


# --- recent databases ------------------------------------------------------------------------


@pytest.fixture
def other_db(tmp_path):  # type: ignore[no-untyped-def]
    """A second, small coop-desk database (one cooperative, no member, no account)."""
    from coop_desk.db import Database
    from coop_desk.services import cooperative
    from coop_desk.services.access import SYSTEM

    path = tmp_path / "otra" / "segunda.sqlite"
    path.parent.mkdir()
    database = Database.open(path)
    with database.transaction(SYSTEM) as s:
        cooperative.save_profile(s, SYSTEM, cooperative.Profile(name="Cooperativa Segunda"))
    database.close()
    return path


def _member_count(ctx) -> int:  # type: ignore[no-untyped-def]
    return len(ctx.read(lambda s, a: members.list_members(s, a)))


def test_open_another_database_and_back_from_the_recent_menu(
    window, qtbot, other_db, tmp_path, monkeypatch
):
    from coop_desk.services import recent
    from coop_desk.services.access import SYSTEM
    from coop_desk.ui.open_database import remember_current

    ctx = window.ctx
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_folder(usb)
    window.auto_backup = backup_actions.AutoBackup(ctx, window)
    signed_in = []

    def sign_in(_parent, trial):  # type: ignore[no-untyped-def]
        from coop_desk.services import users

        if not trial.read(lambda s, _a: users.has_users(s)):  # as the real one does
            return True
        signed_in.append(sqlite_path(trial.db.engine).name)
        trial.set_actor(Actor("admin", Role.ADMINISTRATOR, 1))
        return True

    monkeypatch.setattr(backup_actions, "sign_in_again", sign_in)
    demo = sqlite_path(ctx.db.engine).resolve()
    remember_current(ctx)  # as the launcher does
    page = window.show_page("members")
    assert _member_count(ctx) == 188 and "demo.sqlite" in window.windowTitle()
    assert window.open_database(other_db)
    assert sqlite_path(ctx.db.engine).resolve() == other_db.resolve()
    assert _member_count(ctx) == 0
    assert "Cooperativa Segunda" in window.windowTitle()
    assert "segunda.sqlite" in window.windowTitle()
    assert recent.recent() == [other_db.resolve(), demo]
    assert signed_in == [] and ctx.actor is SYSTEM  # no accounts: the local system acts
    # The database left behind was backed up, as on exit.
    assert backup.status(usb, "demo").last_good is not None
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=30_000)

    window.fill_recent_menu()  # as File > Recent databases does when it opens
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(demo)]  # the open one is not offered
    entries[0].trigger()
    try:
        assert sqlite_path(ctx.db.engine).resolve() == demo
        assert signed_in == ["demo.sqlite"] and ctx.actor.username == "admin"
        assert _member_count(ctx) == 188
        qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=30_000)
    finally:
        ctx.db.close()


def test_a_file_not_found_is_shown_disabled_and_the_list_can_be_cleared(window, tmp_path):
    from coop_desk.services import recent
    from coop_desk.ui.open_database import remember_current

    gone = tmp_path / "usb" / "coop.sqlite"
    recent.remember(gone)
    remember_current(window.ctx)
    window.fill_recent_menu()
    [entry] = [a for a in window.recent_menu.actions() if a.data()]
    assert entry.data() == str(gone.resolve()) and not entry.isEnabled()
    assert "not found" in entry.text()
    clear = next(a for a in window.recent_menu.actions() if "Clear" in a.text())
    clear.trigger()
    assert recent.recent() == [sqlite_path(window.ctx.db.engine).resolve()]
    window.fill_recent_menu()
    assert not any(a.data() for a in window.recent_menu.actions())


def test_another_programs_database_is_refused_and_left_as_it_is(window, tmp_path, monkeypatch):
    import sqlite3

    from coop_desk.ui import open_database

    other = tmp_path / "contabilidad.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE asientos (id INTEGER)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    shown = []
    monkeypatch.setattr(open_database, "show_error", lambda _p, exc, _t: shown.append(str(exc)))
    monkeypatch.setattr(open_database, "choose_database", lambda _p, _c: other)
    demo = sqlite_path(window.ctx.db.engine)
    window.open_action.trigger()
    assert "not a coop-desk database" in shown[0]
    assert other.read_bytes() == before
    assert sqlite_path(window.ctx.db.engine) == demo and _member_count(window.ctx) == 188


def test_giving_up_the_sign_in_keeps_the_current_database_and_user(
    window, qtbot, tmp_path, monkeypatch
):
    from coop_desk.services import recent
    from coop_desk.ui import open_database

    with_accounts = tmp_path / "con-cuentas.sqlite"
    shutil.copy(sqlite_path(window.ctx.db.engine), with_accounts)  # the demo has accounts
    treasurer = Actor("tesorero", Role.TREASURER, 2)
    window.ctx.set_actor(treasurer)
    asked = []
    monkeypatch.setattr(
        backup_actions, "sign_in_again", lambda _p, c: asked.append(c.actor.username) or False
    )
    demo = sqlite_path(window.ctx.db.engine)
    assert not open_database.open_database(window, with_accounts)
    assert asked == ["local"]  # nobody is signed in to the other database before the login
    assert sqlite_path(window.ctx.db.engine) == demo and window.ctx.actor is treasurer
    assert _member_count(window.ctx) == 188
    assert with_accounts.resolve() not in recent.recent()
