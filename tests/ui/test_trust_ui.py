"""GUI of users and the audit trail: login through the dialog, first run with the first
administrator, role boundaries on pages, the Audit page and the History dialog."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from coop_desk.services import users
from coop_desk.services.access import SYSTEM, Actor, Permission, Role
from coop_desk.ui.audit_models import PAGE_SIZE, AuditTableModel, ChangesModel
from coop_desk.ui.context import AppContext
from coop_desk.ui.dialogs.change_password import ChangePasswordDialog
from coop_desk.ui.dialogs.history import HistoryDialog
from coop_desk.ui.dialogs.login import LoginDialog
from coop_desk.ui.pages.audit import AuditPage
from coop_desk.ui.pages.users import UsersModel, UsersPage

T0 = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(users, "SCRYPT_N", 2**10)


@pytest.fixture
def ctx(demo_db):
    return AppContext(demo_db)


def login(qtbot, ctx, name, password, clock=lambda: T0):
    dialog = LoginDialog(ctx, clock=clock)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, name)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    return dialog


def test_login_wrong_password_is_refused(qtbot, ctx):
    dialog = login(qtbot, ctx, "admin", "wrong")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.actor is None
    assert ctx.actor == SYSTEM  # nobody signed in
    assert "wrong password" in dialog.problem.text() and not dialog.problem.isHidden()
    assert dialog.password.text() == ""


def test_login_right_password_is_admitted(qtbot, ctx):
    with qtbot.waitSignal(ctx.actor_changed):
        dialog = login(qtbot, ctx, "tesorero", "demo")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.actor.username == "tesorero" and ctx.actor.role == Role.TREASURER
    assert not ctx.can(Permission.MEMBERS_WRITE)


def test_enter_signs_in_on_the_login_and_the_switch_user_dialogs(qtbot, ctx):
    """Enter in the password field signs in (it used to press Cancel and quit the program)."""
    dialog = LoginDialog(ctx, clock=lambda: T0)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sign_in_button.isDefault()
    qtbot.keyClicks(dialog.username, "tesorero")
    qtbot.keyClicks(dialog.password, "demo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.actor.username == "tesorero"

    from coop_desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    switch = window.switch_user()
    switch.clock = lambda: T0
    qtbot.keyClicks(switch.username, "auditor")
    qtbot.keyClicks(switch.password, "demo")
    qtbot.keyClick(switch.password, Qt.Key.Key_Return)
    assert ctx.actor.username == "auditor"


def test_login_waits_after_repeated_failures_without_sleeping(qtbot, ctx):
    dialog = login(qtbot, ctx, "admin", "bad1")
    assert dialog.sign_in_button.isEnabled()  # the first failure costs nothing
    qtbot.keyClicks(dialog.password, "bad2")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert not dialog.sign_in_button.isEnabled()
    assert dialog.wait_timer.isActive() and dialog.wait_timer.interval() == 2000
    assert "Wait 2 seconds" in dialog.problem.text()
    dialog.wait_timer.stop()
    dialog.wait_timer.timeout.emit()  # the 2 s are up (not waited for in the test)
    assert dialog.sign_in_button.isEnabled()
    # The injected clock is past the delay: the right password now works.
    later = datetime(2026, 11, 27, 15, 1, tzinfo=UTC)
    dialog.clock = lambda: later
    qtbot.keyClicks(dialog.password, "demo")
    assert dialog.try_sign_in()
    assert ctx.actor.username == "admin"


def test_sign_in_at_start_and_forced_password_change(qtbot, ctx, monkeypatch):
    from coop_desk import app

    with ctx.db.transaction(SYSTEM) as s:
        users.reset_password(s, SYSTEM, "secretario", "temporary-pw")
    shown = []

    def fake_login_exec(dialog):
        dialog.username.setText("secretario")
        dialog.password.setText("temporary-pw")
        return QDialog.DialogCode.Accepted if dialog.try_sign_in() else QDialog.DialogCode.Rejected

    def fake_change_exec(dialog):
        shown.append(dialog)
        dialog.old.setText("temporary-pw")
        dialog.new.setText("my own password")
        dialog.repeat.setText("my own password")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_login_exec)
    monkeypatch.setattr(ChangePasswordDialog, "exec", fake_change_exec)
    assert app.sign_in_if_needed(ctx)
    assert ctx.actor.username == "secretario" and shown
    assert users.sign_in(ctx.db, "secretario", "my own password").role == Role.SECRETARY
    assert app.sign_in_if_needed(ctx)  # already signed in: nothing asked
    assert len(shown) == 1


def test_sign_in_at_start_can_be_cancelled(qtbot, ctx, monkeypatch):
    from coop_desk import app

    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not app.sign_in_if_needed(ctx)


def test_no_login_on_a_database_without_accounts(qtbot, sqlite_db, monkeypatch):
    from coop_desk import app

    monkeypatch.setattr(LoginDialog, "exec", lambda self: pytest.fail("no login expected"))
    assert app.sign_in_if_needed(AppContext(sqlite_db))


def test_first_run_creates_the_cooperative_and_its_administrator(qtbot, sqlite_db):
    from coop_desk.ui.dialogs.first_run import FirstRunDialog

    ctx = AppContext(sqlite_db)
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.needs_admin and not dialog.admin_box.isHidden()
    dialog.name.setText("Cooperativa La Palma")
    dialog.admin_name.setText("rosa")
    dialog.admin_password.setText("long password")
    dialog.admin_repeat.setText("long passwrod")
    dialog.save()
    assert "differ" in dialog.problems.labels["repeat"].text()
    dialog.admin_repeat.setText("long password")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.actor.username == "rosa" and ctx.actor.role == Role.ADMINISTRATOR
    with sqlite_db.reading(ctx.actor) as s:
        assert [u.username for u in users.list_users(s, ctx.actor)] == ["rosa"]


def test_first_run_refuses_a_short_password(qtbot, sqlite_db):
    from coop_desk.ui.dialogs.first_run import FirstRunDialog

    ctx = AppContext(sqlite_db)
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("Coop")
    dialog.admin_name.setText("rosa")
    dialog.admin_password.setText("short")
    dialog.admin_repeat.setText("short")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "at least" in dialog.problems.labels["password"].text()
    with sqlite_db.reading(SYSTEM) as s:  # nothing half-written: no profile, no account
        assert not users.has_users(s)


def sign(ctx, name):
    ctx.set_actor(users.sign_in(ctx.db, name, "demo"))


@pytest.mark.parametrize("name", ["tesorero", "secretario", "auditor"])
def test_only_administrators_see_the_users_section(qtbot, ctx, name):
    """Accounts and everyone's last sign-in: administrators only (not the treasurer)."""
    from coop_desk.ui.main_window import MainWindow

    sign(ctx, name)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    row = next(i for i, spec in enumerate(window.specs) if spec.key == "users")
    assert window.sidebar.item(row).isHidden()
    page = window.page("users")
    page.refresh()
    assert page.model.rows() == []
    sign(ctx, "admin")
    assert not window.sidebar.item(row).isHidden()
    window.show_page("users")
    assert window.current_page() is page and len(page.model.rows()) == 4
    sign(ctx, name)  # back to a role without it: the window leaves the section
    assert window.sidebar.item(row).isHidden() and window.current_page() is not page


@pytest.mark.parametrize(
    ("name", "pages_with_new"),
    [
        ("auditor", set()),
        ("tesorero", set()),
        ("secretario", {"members", "certs"}),
        ("admin", {"members", "certs", "users"}),
    ],
)
def test_new_record_is_offered_only_where_the_role_may_create(qtbot, ctx, name, pages_with_new):
    from coop_desk.ui.main_window import MainWindow

    sign(ctx, name)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    offered = set()
    for spec in window.specs:
        if window.page(spec.key).is_available():
            window.show_page(spec.key)
            if window.new_action.isEnabled():
                offered.add(spec.key)
    assert offered == pages_with_new


def test_an_auditor_sees_the_member_editor_read_only(qtbot, ctx):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QDialogButtonBox

    from coop_desk.services import members
    from coop_desk.ui.dialogs.member_editor import MemberEditor

    sign(ctx, "auditor")
    member_id = ctx.read(members.list_members)[0].id
    editor = MemberEditor(ctx, member_id)
    qtbot.addWidget(editor)
    editor.show()
    for field in (editor.code, editor.first_names, editor.dni, editor.phone):
        assert field.isReadOnly()
        palette = field.palette()
        assert palette.color(QPalette.ColorRole.Base) == palette.color(QPalette.ColorRole.Window)
    assert editor.notes.isReadOnly()
    assert not editor.gender.isEnabled() and not editor.join_date.isEnabled()
    assert editor.change_status_button.isHidden() and editor.add_plot_button.isHidden()
    assert editor.save_button().isHidden()
    close = editor.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert close.text() == "Close"
    before = editor.phone.text()
    qtbot.keyClicks(editor.phone, "123")
    assert editor.phone.text() == before


def test_users_page_for_the_administrator(qtbot, ctx, qtmodeltester):
    sign(ctx, "admin")
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtmodeltester.check(page.model)
    assert not any(b.isHidden() for b in page.admin_buttons)
    dialog = page.open_add_dialog()
    dialog.username.setText("maria")
    dialog.full_name.setText("María Núñez")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SECRETARY.value))
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    assert not dialog.save()
    assert any("at least" in m for m in dialog.problems.visible_messages())
    dialog.password.setText("maria's password")
    dialog.repeat.setText("maria's password")
    assert dialog.save()
    page.refresh()
    page.select_user("maria")
    reset = page.open_reset_dialog()
    reset.password.setText("temporary password")
    reset.repeat.setText("temporary password")
    assert reset.save()
    page.select_user("maria")
    role = page.open_role_dialog()
    role.role.setCurrentIndex(role.role.findData(Role.TREASURER.value))
    assert role.save()
    page.refresh()
    assert [r.role for r in page.model.rows() if r.username == "maria"] == [Role.TREASURER]
    page.select_user("maria")
    assert page.set_selected_active(False)
    page.refresh()
    assert [r.active for r in page.model.rows() if r.username == "maria"] == [False]
    with pytest.raises(users.AuthenticationFailed, match="deactivated"):
        users.sign_in(ctx.db, "maria", "temporary password")


def test_users_page_follows_a_change_of_user(qtbot, ctx):
    sign(ctx, "admin")
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    assert not page.add_button.isHidden()
    sign(ctx, "auditor")  # actor_changed -> apply_permissions
    assert page.add_button.isHidden()


def test_change_password_dialog(qtbot, ctx):
    sign(ctx, "auditor")
    dialog = ChangePasswordDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.old.setText("nope")
    dialog.new.setText("new password 1")
    dialog.repeat.setText("new password 2")
    assert not dialog.save()
    assert "differ" in " ".join(dialog.problems.visible_messages())
    dialog.repeat.setText("new password 1")
    assert not dialog.save()
    assert "not right" in " ".join(dialog.problems.visible_messages())
    dialog.old.setText("demo")
    assert dialog.save()
    assert users.sign_in(ctx.db, "auditor", "new password 1").username == "auditor"


def test_audit_page_pages_and_filters(qtbot, ctx, qtmodeltester):
    sign(ctx, "auditor")
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    model = page.model
    assert model.total > PAGE_SIZE and len(model.rows) == PAGE_SIZE
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert len(model.rows) == model.total
    qtmodeltester.check(model)
    page.set_filter(table_name="member", record_id="5")
    assert {r.table_name for r in model.rows} == {"member"}
    assert {r.record_id for r in model.rows} == {"5"}
    page.view.selectRow(0)
    assert page.changes.rowCount() > 0
    qtmodeltester.check(page.changes)
    page.set_filter(username="system")
    assert page.user.currentData() == "system"
    assert {r.username for r in model.rows} == {"system"}
    page.set_filter(record_id="no-such-record")
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_audit_page_sees_new_changes_and_opens_history(qtbot, ctx):
    sign(ctx, "admin")
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.ensure_fresh()
    before = page.model.total
    with ctx.db.transaction(ctx.actor) as s:
        users.create_user(s, ctx.actor, "nuevo", Role.AUDITOR, "long password")
    ctx.notify("users")
    assert page.model.total == before + 1
    page.set_filter(username="admin", table_name="app_user")
    page.view.selectRow(0)
    dialog = page.open_history()  # a child of the page, deleted when closed
    assert dialog.table_name == "app_user"
    assert dialog.records.rowCount() >= 1
    dialog.close()


def test_history_dialog_on_a_member(qtbot, ctx, qtmodeltester):
    dialog = HistoryDialog(ctx, "member", 188)
    qtbot.addWidget(dialog)
    rows = [r for r in dialog.records.rows if r.table_name == "member"]
    assert [r.action for r in rows] == ["insert", "update"]  # joined, then suspended
    assert "member_status_change" in {r.table_name for r in dialog.records.rows}
    qtmodeltester.check(dialog.records)
    dialog.list.selectRow(dialog.records.rows.index(rows[-1]))
    fields = [c[0] for c in dialog.changes.changes]
    assert "Status" in fields
    assert dialog.windowTitle() == "History of Member CPGP-3784-188 (Pérez Mondragón, Orlando)"


def test_the_audit_trail_speaks_in_words_and_opens_the_entry(qtbot, ctx):
    """No table or column names, no internal ids: "Journal entry 2026-0029", "Account: 1030
    Cash PEN"; the entry opens from its audit record."""
    from coop_desk.ui.dialogs.premium.entry import EntryDialog
    from coop_desk.ui.main_window import MainWindow

    sign(ctx, "auditor")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_page("audit")
    page.set_filter(table_name="posting")
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(6)]
    assert "Table" not in headers and "Record" in headers
    page.view.selectRow(0)
    record = page.model.index(0, 3).data()
    assert record.startswith("Posting 2026-") and "Cash PEN" in record
    fields = {c[0]: c for c in page.changes.changes}
    assert fields["Account"][2] == "1030 Cash PEN"
    assert fields["Entry"][2].startswith("2026-")
    assert not {"id", "search_key", "account_id", "entry_id", "fiscal_year"} & set(fields)
    assert page.table.currentText() == "Posting"  # the filter names kinds of record too
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.open_requested) as asked:
        page.open_button.click()
    kind, entry_id = asked.args
    assert kind == "journal_entry"
    dialog = window.findChildren(EntryDialog)[-1]
    assert dialog.isVisible() and fields["Entry"][2] in dialog.windowTitle()
    dialog.close()

    page.set_filter(table_name="plot")
    page.view.selectRow(0)
    assert page.model.words_at(0).target[0] == "member"
    editor = window.open_record(*page.model.words_at(0).target)
    assert editor is not None and editor.code.text() in page.model.index(0, 3).data()
    editor.close()


def test_verify_from_the_audit_page(qtbot, ctx):
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    dialog = page.run_verify()  # a child of the page, deleted when closed
    assert dialog.verify_result.integrity_ok
    assert "Integrity holds" in dialog.headline.text()
    dialog.close()


def test_changes_model_and_users_model_pass_the_model_tester(qtmodeltester, ctx):
    from coop_desk.services import audit, audit_words

    rows = ctx.read(lambda s, a: audit_words.describe(s, a, audit.list_records(s, a, limit=5)))
    model = AuditTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    changes = ChangesModel()
    changes.set_record(rows[0])
    qtmodeltester.check(changes)
    users_model = UsersModel()
    users_model.set_rows(ctx.read(users.list_users))
    qtmodeltester.check(users_model)


def test_main_window_applies_the_role(qtbot, ctx, monkeypatch):
    from coop_desk.ui import main_window

    only = [spec for spec in main_window.page_specs() if spec.key in ("audit", "users")]
    monkeypatch.setattr(main_window, "page_specs", lambda: only)
    sign(ctx, "auditor")
    window = main_window.MainWindow(ctx)
    qtbot.addWidget(window)
    assert not window.settings_action.isEnabled()
    assert window.password_action.isEnabled()
    assert "auditor" in window.user_label.text()
    users_page = window.page("users")
    assert users_page.add_button.isHidden()
    ctx.set_actor(Actor("admin", Role.ADMINISTRATOR, user_id=1))
    assert window.settings_action.isEnabled()
    assert not users_page.add_button.isHidden()
    dialog = window.switch_user()  # a child of the window, deleted when closed
    assert isinstance(dialog, LoginDialog)
    dialog.close()


def test_audit_page_writes_the_audit_pack_and_the_beancount_file(qtbot, sqlite_db, tmp_path):
    import openpyxl

    from coop_desk.exchange.audit_pack import SHEETS
    from coop_desk.exchange.beancount_file import beancount_balances
    from coop_desk.services.ledger import operations
    from tests.unit.test_ledger_services import set_up

    with sqlite_db.transaction(SYSTEM) as s:
        books = set_up(s, SYSTEM)
        operations.record_shipment(s, SYSTEM, books.contract_id)
    ctx = AppContext(sqlite_db, Actor("auditor", Role.AUDITOR, user_id=9))
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    assert not any(b.isHidden() for b in page.export_buttons())  # auditors export
    page.year.setValue(2024)
    with qtbot.waitSignal(page.status_message):
        result = page.export_audit_pack(tmp_path / "pack.xlsx")
    assert result is not None and result.entries == 1
    assert openpyxl.load_workbook(tmp_path / "pack.xlsx").sheetnames == list(SHEETS)
    bean = page.export_beancount(tmp_path / "2024.beancount")
    assert bean is not None and bean.entries == 1
    balances, errors = beancount_balances(tmp_path / "2024.beancount")
    assert errors == [] and sum(balances.values()) == 0


@pytest.mark.parametrize(
    ("name", "members_write", "certs_write"),
    [
        ("admin", True, True),
        ("secretario", True, True),
        ("tesorero", False, False),
        ("auditor", False, False),
    ],
)
def test_pages_follow_the_role(qtbot, ctx, name, members_write, certs_write):
    """The GUI side of the role boundaries, page by page (the services refuse anyway)."""
    from coop_desk.ui.pages.certifications import CertificationsPage
    from coop_desk.ui.pages.members import MembersPage

    sign(ctx, name)
    members_page = MembersPage(ctx)
    certs_page = CertificationsPage(ctx)
    users_page = UsersPage(ctx)
    for page in (members_page, certs_page, users_page):
        qtbot.addWidget(page)
    assert members_page.new_button.isVisibleTo(members_page) == members_write
    assert certs_page.new_certificate_button.isEnabled() == certs_write
    assert users_page.add_button.isVisibleTo(users_page) == (name == "admin")


def test_journal_entry_history(qtbot, window, demo_ctx):
    from coop_desk.services.ledger import journal as ledger_journal
    from tests.ui.premium_helpers import premium_page

    page = premium_page(window)
    entry = demo_ctx.read(lambda s, a: ledger_journal.list_entries(s, a, limit=1))[0]
    detail = page.open_entry_dialog(entry.id)
    qtbot.addWidget(detail)
    with qtbot.waitSignal(detail.history_requested) as signal:
        qtbot.mouseClick(detail.history_button, Qt.MouseButton.LeftButton)
    assert signal.args == [entry.id]
    history = page.open_history(entry.id)
    assert history.table_name == "journal_entry"
    rows = history.records.rows
    assert [(r.table_name, r.action) for r in rows][0] == ("journal_entry", "insert")
    assert {r.table_name for r in rows[1:]} == {"posting"}  # its postings belong to it
    history.close()
