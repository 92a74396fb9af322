"""A window refreshes when another PC (another connection) changed data, without losing the
user's place: on SQLite by polling the audit trail, on PostgreSQL by LISTEN/NOTIFY."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from coop_desk.db import Database
from coop_desk.domain.members import MemberInput
from coop_desk.services import cooperative, members
from coop_desk.services.access import SYSTEM, Actor, Role
from coop_desk.ui.changes import topics_of
from coop_desk.ui.place import top_row
from tests.ui.premium_helpers import premium_page, show_journal, wait_journal

JUAN = Actor(username="juan", role=Role.SECRETARY)


def new_member(code: str) -> MemberInput:
    return MemberInput(
        code=code, first_names="Nuevo", surnames="Socio", gender="M", join_date=date(2026, 1, 5)
    )


def test_tables_map_to_the_topics_pages_listen_to():
    assert topics_of(frozenset({"member", "plot"})) == ["audit", "members"]
    assert topics_of(frozenset({"posting", "journal_entry"})) == ["audit", "ledger"]
    assert topics_of(frozenset({"a_table_of_a_newer_module"})) == ["*"]
    assert topics_of(frozenset()) == []


def loaded(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.model.busy and not page.counts_loader.busy)


def top_id(page):  # type: ignore[no-untyped-def]
    """The id of the member at the top of the view."""
    row = page.model.row_at(top_row(page.table))
    return row.id if row is not None else None


def paged_register(qtbot, window):  # type: ignore[no-untyped-def]
    """The members page in pages of 50, every page loaded (the user scrolled to the end)."""
    page = window.show_page("members")
    page.model.page_size = 50
    page.reload()
    loaded(qtbot, page)
    while page.model.canFetchMore():
        page.model.fetchMore()
        loaded(qtbot, page)
    assert page.model.rowCount() == 188
    return page


def change_on_another_pc(qtbot, window, demo_ctx, member_id: int) -> None:  # type: ignore[no-untyped-def]
    other = Database.open(demo_ctx.db.target)
    try:
        with other.transaction(JUAN) as s:
            members.create_member(s, JUAN, new_member("CPGP-3784-999"))
            base = members.get_member(s, JUAN, member_id)
            members.update_member(
                s, JUAN, member_id, replace(base.to_input(), phone="955000111"), base=base
            )
    finally:
        other.close()
    with qtbot.waitSignal(window.watcher.changed) as seen:
        window.watcher.poll()
    assert {"member", "member_status_change"} <= seen.args[0]


def test_the_members_page_shows_another_pcs_changes_and_keeps_the_place(qtbot, window, demo_ctx):
    page = paged_register(qtbot, window)
    chosen = page.model.row_at(120)
    assert chosen is not None
    page.select_member(chosen.id)
    page.table.scrollTo(page.model.index(100, 0), page.table.ScrollHint.PositionAtTop)
    top_before = top_id(page)
    assert top_before == page.model.row_at(100).id
    change_on_another_pc(qtbot, window, demo_ctx, chosen.id)
    loaded(qtbot, page)
    # The list came again down to a page past the top row (beyond the first page of 50).
    assert page.model.rowCount() >= 150
    assert page.selected_member_id() == chosen.id
    assert next(r for r in page.model.rows() if r.id == chosen.id).phone == "955000111"
    assert top_id(page) == top_before


def test_a_refresh_does_not_scroll_back_to_the_selected_member(qtbot, window, demo_ctx):
    page = paged_register(qtbot, window)
    chosen = page.model.row_at(150)
    assert chosen is not None
    page.select_member(chosen.id)
    # The user scrolls up, away from the selected member, and reads there.
    page.table.scrollTo(page.model.index(60, 0), page.table.ScrollHint.PositionAtTop)
    top_before = top_id(page)
    change_on_another_pc(qtbot, window, demo_ctx, chosen.id)
    loaded(qtbot, page)
    assert top_id(page) == top_before
    assert page.selected_member_id() == chosen.id


def test_the_journal_keeps_the_place_when_the_ledger_changed(qtbot, window):
    page = premium_page(window)
    page.set_year(2025)
    tab = page.journal_tab
    tab.model.page_size = tab.lines_model.page_size = 5
    tab.table.setFixedHeight(90)  # room for a few rows: the view asks for no more by itself
    tab.reload()
    tab = show_journal(qtbot, page)
    while tab.model.canFetchMore():
        tab.model.fetchMore()
        wait_journal(qtbot, tab)
    assert tab.model.rowCount() > 12
    chosen = tab.model.row_at(12)
    tab.select_entry(chosen.id)
    tab.table.scrollTo(tab.model.index(10, 0), tab.table.ScrollHint.PositionAtTop)
    top_before = tab.model.row_at(top_row(tab.table))
    # What the change watcher announces when another PC posted.
    window.ctx.notify("ledger")
    wait_journal(qtbot, tab)
    assert tab.model.rowCount() >= 15  # down to a page past the top row, not the first 5
    assert tab.selected() == chosen
    assert tab.model.row_at(top_row(tab.table)) == top_before


def test_this_pcs_own_saves_are_not_announced_twice(qtbot, window, demo_ctx):
    demo_ctx.write(lambda s, a: members.create_member(s, a, new_member("CPGP-3784-998")))
    with qtbot.assertNotEmitted(window.watcher.changed):
        window.watcher.poll()


@pytest.mark.postgres
def test_postgresql_notifies_the_window_of_another_connections_commit(qtbot, qapp, pg_server):
    from coop_desk.ui.context import AppContext
    from coop_desk.ui.main_window import MainWindow

    url = pg_server.create_database()
    db = Database.open(url)
    with db.transaction(SYSTEM) as s:
        cooperative.save_profile(s, SYSTEM, cooperative.Profile(name="Cooperativa"))
    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("members")
    loaded(qtbot, page)
    assert page.model.rowCount() == 0
    other = Database.open(url)
    try:
        # A change rolled back on the other PC is never announced; a committed one is.
        with pytest.raises(RuntimeError), other.transaction(JUAN) as s:
            members.create_member(s, JUAN, new_member("CPGP-1"))
            raise RuntimeError("the user cancelled")
        with qtbot.waitSignal(window.watcher.changed, timeout=30_000) as seen:
            with other.transaction(JUAN) as s:
                members.create_member(s, JUAN, new_member("CPGP-2"))
        assert "member" in seen.args[0]
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        assert [r.code for r in page.model.rows()] == ["CPGP-2"]
        # This window's own save notifies the others, not itself.
        with qtbot.assertNotEmitted(window.watcher.changed, wait=1500):
            window.ctx.write(lambda s, a: members.create_member(s, a, new_member("CPGP-3")))
    finally:
        other.close()
        window.close()
        db.close()
