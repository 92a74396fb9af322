"""The members page and the member editor, driven through their widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from coop_desk.services import members
from coop_desk.services.access import SYSTEM
from coop_desk.services.members import MemberFilter
from coop_desk.ui.pages.members import MembersTableModel


def loaded(qtbot, page) -> None:
    """Wait until the page's rows and counts have come back from the pool thread."""
    qtbot.waitUntil(lambda: not page.model.busy and not page.counts_loader.busy)


def members_page(window, qtbot=None):
    page = window.show_page("members")
    if qtbot is not None:
        loaded(qtbot, page)
    return page


def visible_names(page) -> list[str]:
    return [r.surnames for r in page.model.rows()]


def test_model_passes_qt_model_tester(qtmodeltester, demo_ctx):
    model = MembersTableModel()
    rows = demo_ctx.read(lambda s, a: members.list_members(s, a))
    model.set_rows(rows[:30])
    qtmodeltester.check(model)


def test_lists_the_demo_register_with_counts(window, qtbot):
    page = members_page(window, qtbot)
    assert page.model.rowCount() == 188
    assert "188 members" in window.page_status.text()
    assert "women" in window.page_status.text()


def test_search_ignores_accents_and_case(window, qtbot):
    page = members_page(window, qtbot)
    qtbot.keyClicks(page.search, "nunez")
    qtbot.waitUntil(lambda: page.model.rowCount() < 188)
    loaded(qtbot, page)
    names = visible_names(page)
    assert names and all("Núñez" in n for n in names)
    assert any(r.first_names == "Rosa Elvira" for r in page.model.rows())


def test_ctrl_f_focuses_search(window, qtbot):
    page = members_page(window, qtbot)
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()


def test_filters_by_gender_and_status(window, qtbot):
    page = members_page(window, qtbot)
    page.gender_filter.setCurrentIndex(page.gender_filter.findData("F"))
    loaded(qtbot, page)
    assert page.model.rowCount() > 0
    assert {r.gender for r in page.model.rows()} == {"F"}
    page.status_filter.setCurrentIndex(page.status_filter.findData("withdrawn"))
    loaded(qtbot, page)
    assert {r.status for r in page.model.rows()} <= {"withdrawn"}


def test_sorting_by_code_is_natural(window, qtbot):
    page = members_page(window, qtbot)
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    loaded(qtbot, page)
    assert page.model.row_at(0).code == "CPGP-3784-188"
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    loaded(qtbot, page)
    codes = [r.code for r in page.model.rows()[:10]]
    assert codes[:3] == ["CPGP-3784-1", "CPGP-3784-2", "CPGP-3784-3"]


def test_edit_is_saved(window, qtbot, demo_ctx):
    page = members_page(window, qtbot)
    member_id = page.model.row_at(0).id
    editor = page.open_editor(member_id)
    qtbot.addWidget(editor)
    editor.phone.clear()
    qtbot.keyClicks(editor.phone, "987 654 321")
    with qtbot.waitSignal(editor.saved):
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert editor.result() == QDialog.DialogCode.Accepted
    detail = demo_ctx.read(lambda s, a: members.get_member(s, a, member_id))
    assert detail.phone == "987 654 321"


def test_invalid_dni_shows_its_message_and_saves_nothing(window, qtbot, demo_ctx):
    page = members_page(window, qtbot)
    member_id = page.model.row_at(0).id
    before = demo_ctx.read(lambda s, a: members.get_member(s, a, member_id))
    editor = page.open_editor(member_id)
    qtbot.addWidget(editor)
    editor.dni.setText("1234")
    editor.phone.setText("999 111 222")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    label = editor.problems.labels["dni"]
    assert not label.isHidden()
    assert "8 digits" in label.text()
    assert editor.result() != QDialog.DialogCode.Accepted
    after = demo_ctx.read(lambda s, a: members.get_member(s, a, member_id))
    assert after == before


def test_new_member_with_a_plot(qtbot, ctx):
    from coop_desk.ui.pages.members import MembersPage

    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    loaded(qtbot, page)
    editor = page.open_editor(None)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.code, "coop-77")
    qtbot.keyClicks(editor.first_names, "Flor")
    editor.surnames.setText("Huamán Mego")  # QTest.keyClicks only types ASCII
    editor.gender.setCurrentIndex(editor.gender.findData("F"))
    editor.join_date.set_date_value(date(2020, 2, 1))
    editor.dni.setText("01883416")
    editor.add_plot()
    model = editor.plots_model
    model.setData(model.index(0, 1), "2,5" if editor.locale().decimalPoint() == "," else "2.5")
    model.setData(model.index(0, 2), "1.5" if editor.locale().decimalPoint() == "." else "1,5")
    assert editor.save()
    rows = ctx.read(lambda s, a: members.list_members(s, a, MemberFilter(text="huaman")))
    assert [r.code for r in rows] == ["COOP-77"]
    assert str(rows[0].coffee_area_ha.normalize()) == "1.5"
    loaded(qtbot, page)
    assert page.model.rowCount() == 1
    assert page.selected_member_id() == rows[0].id


def test_plot_with_unreadable_area_is_reported(qtbot, ctx):
    from coop_desk.ui.dialogs.member_editor import MemberEditor

    editor = MemberEditor(ctx, None)
    qtbot.addWidget(editor)
    editor.code.setText("X-1")
    editor.first_names.setText("Ana")
    editor.surnames.setText("Díaz")
    editor.gender.setCurrentIndex(editor.gender.findData("F"))
    editor.add_plot()
    editor.plots_model.setData(editor.plots_model.index(0, 1), "dos")
    assert not editor.save()
    assert "not a number" in editor.plot_problems.text()
    assert ctx.read(lambda s, a: members.list_members(s, a)) == []


def test_status_change_through_the_dialog(window, qtbot, demo_ctx):
    page = members_page(window, qtbot)
    member_id = page.model.row_at(0).id
    editor = page.open_editor(member_id)
    qtbot.addWidget(editor)
    dialog = editor.status_dialog()
    qtbot.addWidget(dialog)
    dialog.new_status.setCurrentIndex(dialog.new_status.findData("withdrawn"))
    dialog.save()  # no reason yet
    assert "reason" in dialog.problems.labels["reason"].text()
    qtbot.keyClicks(dialog.reason, "sold the farm")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    editor.set_pending_status(dialog.pending)
    with qtbot.waitSignal(editor.saved):
        editor.save_button().click()
    detail = demo_ctx.read(lambda s, a: members.get_member(s, a, member_id))
    assert detail.status == "withdrawn"
    assert detail.history[-1].reason == "sold the farm"


def test_a_status_change_waits_for_save_and_cancel_drops_it(window, qtbot, demo_ctx):
    page = members_page(window, qtbot)
    member_id = page.model.row_at(0).id
    before = demo_ctx.read(lambda s, a: members.get_member(s, a, member_id))
    editor = page.open_editor(member_id)
    qtbot.addWidget(editor)
    dialog = editor.status_dialog()
    qtbot.addWidget(dialog)
    dialog.new_status.setCurrentIndex(dialog.new_status.findData("suspended"))
    qtbot.keyClicks(dialog.reason, "unpaid dues")
    assert dialog.save()
    editor.set_pending_status(dialog.pending)
    assert "when you save" in editor.status_label.text()
    # Nothing is written until the member is saved...
    assert demo_ctx.read(lambda s, a: members.get_member(s, a, member_id)) == before
    # ...and Cancel, confirmed, drops the change.
    asked = []
    editor.confirm_discard = lambda: asked.append(True) or True
    editor.reject()
    assert asked and editor.result() == QDialog.DialogCode.Rejected
    assert demo_ctx.read(lambda s, a: members.get_member(s, a, member_id)) == before


def test_an_inline_problem_goes_when_its_field_is_fixed(window, qtbot, demo_ctx):
    page = members_page(window, qtbot)
    editor = page.open_editor(page.model.row_at(0).id)
    qtbot.addWidget(editor)
    editor.dni.setText("1234")
    editor.save_button().click()
    label = editor.problems.labels["dni"]
    assert not label.isHidden()
    qtbot.keyClicks(editor.dni, "5678")
    assert label.isHidden()


def test_read_only_role_cannot_add_or_save(qtbot, demo_ctx):
    from coop_desk.services.access import Actor, Role
    from coop_desk.ui.pages.members import MembersPage

    demo_ctx.set_actor(Actor("auditor", Role.AUDITOR))
    page = MembersPage(demo_ctx)
    qtbot.addWidget(page)
    page.refresh()
    loaded(qtbot, page)
    assert page.new_button.isHidden()
    editor = page.open_editor(page.model.row_at(0).id)
    qtbot.addWidget(editor)
    assert editor.code.isReadOnly()
    assert editor.buttons.button(QDialogButtonBox.StandardButton.Save).isHidden()
    demo_ctx.set_actor(SYSTEM)


def test_import_and_export_buttons_follow_the_role(qtbot, demo_ctx, monkeypatch):
    from coop_desk.services.access import Actor, Role
    from coop_desk.ui import excel_actions
    from coop_desk.ui.pages.members import MembersPage

    calls = []
    monkeypatch.setattr(excel_actions, "export_members", lambda parent, ctx: calls.append("export"))
    monkeypatch.setattr(excel_actions, "import_members", lambda parent, ctx: calls.append("import"))
    page = MembersPage(demo_ctx)
    qtbot.addWidget(page)
    page.export_button.click()
    page.import_button.click()
    assert calls == ["export", "import"]
    demo_ctx.set_actor(Actor("auditor", Role.AUDITOR))
    assert page.import_button.isHidden() and not page.export_button.isHidden()
    demo_ctx.set_actor(SYSTEM)


def test_history_shows_an_edit_with_before_and_after(window, qtbot, demo_ctx):
    page = members_page(window, qtbot)
    member_id = page.model.row_at(0).id
    editor = page.open_editor(member_id)
    qtbot.addWidget(editor)
    old_phone = editor.phone.text()
    editor.phone.setText("900 000 001")
    assert editor.save()
    editor = page.open_editor(member_id)
    qtbot.addWidget(editor)
    assert editor.history_button.isEnabled()
    history = editor.history_dialog()
    qtbot.addWidget(history)
    updates = [r for r in history.records.rows if r.action == "update" and r.table_name == "member"]
    assert [(u.before["phone"], u.after["phone"]) for u in updates] == [(old_phone, "900 000 001")]


def test_new_member_has_no_history_yet(qtbot, ctx):
    from coop_desk.ui.dialogs.member_editor import MemberEditor

    editor = MemberEditor(ctx, None)
    qtbot.addWidget(editor)
    assert not editor.history_button.isEnabled()


def test_a_header_click_keeps_the_selected_member_and_enter_opens_it(window, qtbot, monkeypatch):
    page = members_page(window, qtbot)
    page.table.selectRow(5)
    chosen = page.selected_member_id()
    header = page.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(1) + 5, header.height() // 2),
    )
    assert header.sortIndicatorSection() == 1  # now by surname
    loaded(qtbot, page)
    assert page.model.row_at(5).id != chosen  # the rows moved ...
    assert page.selected_member_id() == chosen  # ... and the selection with its member
    assert page.model.row_at(page.table.currentIndex().row()).id == chosen
    opened: list[int | None] = []

    class Editor:
        def exec(self) -> int:
            return 0

    monkeypatch.setattr(page, "open_editor", lambda member_id: opened.append(member_id) or Editor())
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [chosen]


def paged_page(qtbot, demo_ctx, page_size: int = 25):
    from coop_desk.ui.pages.members import MembersPage

    page = MembersPage(demo_ctx)
    qtbot.addWidget(page)
    page.model.page_size = page_size
    page.resize(900, 400)
    page.show()
    page.refresh()
    loaded(qtbot, page)
    return page


def test_the_paged_model_passes_qt_model_tester_while_fetching(qtmodeltester, qtbot, demo_ctx):
    page = paged_page(qtbot, demo_ctx)
    qtmodeltester.check(page.model)
    page.model.fetchMore()
    loaded(qtbot, page)
    assert page.model.rowCount() == 50
    qtmodeltester.check(page.model)


def test_scrolling_to_the_end_fetches_the_rest_in_order(qtbot, demo_ctx):
    page = paged_page(qtbot, demo_ctx)
    assert page.model.rowCount() == 25  # one page of the 188
    assert page.model.canFetchMore()
    while page.model.rowCount() < 188:
        count = page.model.rowCount()
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda count=count: page.model.rowCount() > count)
        loaded(qtbot, page)
    assert not page.model.canFetchMore()
    whole = demo_ctx.read(lambda s, a: members.list_members(s, a))
    assert page.model.rows() == whole


def test_sorting_keeps_a_member_selected_beyond_the_first_page(qtbot, demo_ctx, monkeypatch):
    page = paged_page(qtbot, demo_ctx)
    page.table.selectRow(3)
    chosen = page.selected_member_id()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # now near the end: page 8
    loaded(qtbot, page)
    assert page.model.rowCount() > 150
    assert page.selected_member_id() == chosen
    row = page.table.currentIndex().row()
    assert page.model.row_at(row).id == chosen
    assert [r.id for r in page.model.rows()] == [
        r.id for r in demo_ctx.read(lambda s, a: members.list_members(s, a, descending=True))
    ][: page.model.rowCount()]
    opened: list[int | None] = []

    class Editor:
        def exec(self) -> int:
            return 0

    monkeypatch.setattr(page, "open_editor", lambda member_id: opened.append(member_id) or Editor())
    page.open_selected()
    assert opened == [chosen]


def test_editing_after_sort_and_scroll_changes_the_row_clicked(qtbot, demo_ctx):
    page = paged_page(qtbot, demo_ctx)
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by surname, Z first
    loaded(qtbot, page)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 25)
    loaded(qtbot, page)
    target = page.model.row_at(30)
    rect = page.table.visualRect(page.model.index(30, 1))
    page.table.scrollTo(page.model.index(30, 1))
    rect = page.table.visualRect(page.model.index(30, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_member_id() == target.id
    editor = page.open_editor(page.selected_member_id())
    qtbot.addWidget(editor)
    assert editor.code.text() == target.code
    editor.phone.setText("955 000 030")
    assert editor.save()
    after = demo_ctx.read(lambda s, a: members.get_member(s, a, target.id))
    assert after.phone == "955 000 030"
    loaded(qtbot, page)
    assert page.selected_member_id() == target.id


def test_the_newest_search_wins(qtbot, demo_ctx):
    page = paged_page(qtbot, demo_ctx, page_size=200)
    page.search.setText("nunez")
    page._search_now()
    page.search.setText("rosa elvira")
    page._search_now()  # supersedes the first while it is on its way
    loaded(qtbot, page)
    rows = page.model.rows()
    assert rows and all("Rosa Elvira" in r.first_names for r in rows)


def test_an_unlikely_member_is_saved_once_the_warning_is_accepted(qtbot, ctx):
    from coop_desk.ui.dialogs.member_editor import MemberEditor

    editor = MemberEditor(ctx, None)
    qtbot.addWidget(editor)
    editor.code.setText("J-1")
    editor.first_names.setText("Ana")
    editor.surnames.setText("Vera")
    editor.gender.setCurrentIndex(editor.gender.findData("F"))
    editor.birth_date.set_date_value(date(1994, 3, 12))
    editor.join_date.set_date_value(date(2006, 2, 1))
    asked = []
    editor.confirm_warnings = lambda warnings: asked.append(warnings) or False
    assert not editor.save()
    assert "before the age of 14" in asked[0][0].message
    assert ctx.read(lambda s, a: members.list_members(s, a)) == []
    editor.confirm_warnings = lambda warnings: True
    assert editor.save()
    assert [r.code for r in ctx.read(lambda s, a: members.list_members(s, a))] == ["J-1"]


def test_a_new_member_is_offered_the_next_free_code(window, qtbot, demo_ctx):
    page = members_page(window, qtbot)
    editor = page.open_editor(None)
    qtbot.addWidget(editor)
    assert editor.code.text() == "CPGP-3784-189"
    assert editor.code.selectedText() == "CPGP-3784-189"  # typing replaces it
    assert not editor.is_modified()  # the suggestion alone is no change to discard


def test_down_from_the_search_goes_into_the_list_and_enter_opens(window, qtbot, monkeypatch):
    page = members_page(window, qtbot)
    opened = []
    monkeypatch.setattr(page, "open_editor", lambda member_id: _Opened(opened, member_id))
    page.search.setFocus()
    qtbot.keyClicks(page.search, "CPGP-3784-1")
    qtbot.waitUntil(lambda: page.model.rowCount() < 188)
    loaded(qtbot, page)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() or page.table.focusWidget() is page.table
    assert page.selected_member_id() == page.model.row_at(0).id
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    second = page.selected_member_id()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [second]
    # Enter in the search box on a single match opens that member.
    page.focus_search()
    page.search.clear()
    qtbot.keyClicks(page.search, "CPGP-3784-188")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    loaded(qtbot, page)
    assert opened[-1] == page.model.row_at(0).id


class _Opened:
    """Stands in for the member editor: records which member Enter opened."""

    def __init__(self, opened, member_id):  # type: ignore[no-untyped-def]
        opened.append(member_id)

    def exec(self) -> int:
        return 0


def test_an_empty_register_says_what_to_do_first(qtbot, ctx):
    from coop_desk.ui.pages.members import MembersPage

    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    loaded(qtbot, page)
    assert not page.start_panel.isHidden()
    text = page.start_panel.findChild(type(page.start_text)).text()
    assert "import the roster" in text and "RUC and FLO ID" in text
    assert not page.start_import.isHidden() and not page.start_settings.isHidden()
    with ctx.db.transaction(ctx.actor) as s:
        members.create_member(
            s, ctx.actor, members.MemberInput("A-1", "Ana", "Vera", "F", date(2020, 1, 1))
        )
    page.refresh()
    loaded(qtbot, page)
    assert page.start_panel.isHidden()
