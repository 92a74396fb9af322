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


def test_the_members_page_shows_another_pcs_changes_and_keeps_the_place(qtbot, window, demo_ctx):
    page = window.show_page("members")
    assert page.model.rowCount() == 188
    chosen = page.model.row_at(120)
    assert chosen is not None
    page.select_member(chosen.id)
    page.table.scrollTo(page.model.index(100, 0), page.table.ScrollHint.PositionAtTop)
    top_before = page.model.row_at(page.table.indexAt(page.table.rect().topLeft()).row())
    other = Database.open(demo_ctx.db.target)
    try:
        with other.transaction(JUAN) as s:
            members.create_member(s, JUAN, new_member("CPGP-3784-999"))
            base = members.get_member(s, JUAN, chosen.id)
            members.update_member(
                s, JUAN, chosen.id, replace(base.to_input(), phone="955000111"), base=base
            )
    finally:
        other.close()
    with qtbot.waitSignal(window.watcher.changed) as seen:
        window.watcher.poll()
    assert {"member", "member_status_change"} <= seen.args[0]
    assert page.model.rowCount() == 189
    assert page.selected_member_id() == chosen.id
    assert next(r for r in page.model.rows() if r.id == chosen.id).phone == "955000111"
    top_after = page.model.row_at(page.table.indexAt(page.table.rect().topLeft()).row())
    assert top_after == top_before or (top_after and top_before and top_after.id == top_before.id)


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
        assert [r.code for r in page.model.rows()] == ["CPGP-2"]
        # This window's own save notifies the others, not itself.
        with qtbot.assertNotEmitted(window.watcher.changed, wait=1500):
            window.ctx.write(lambda s, a: members.create_member(s, a, new_member("CPGP-3")))
    finally:
        other.close()
        window.close()
        db.close()
