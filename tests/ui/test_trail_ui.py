"""The desktop program and the trail's proofs (issue 11): a database changed outside coop-desk
is announced when it opens, and *Check integrity…* checks the heads the backups logged."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from coop_desk import app
from coop_desk.db import Database, backup_sqlite
from coop_desk.services import cooperative
from coop_desk.services.access import SYSTEM
from coop_desk.ui.pages.audit import AuditPage
from tests import forger


def test_a_damaged_database_is_announced_when_it_opens(qtbot, sqlite_db, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, body: shown.append((title, body)))
    app.warn_if_damaged(sqlite_db)
    assert shown == []  # nothing to say about a sound database
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("DROP TABLE member_status_change"))
    url = sqlite_db.engine.url.render_as_string(hide_password=False)
    sqlite_db.close()
    damaged = Database.open(url)
    try:
        app.warn_if_damaged(damaged)
    finally:
        damaged.close()
    ((title, body),) = shown
    assert title == "The database was changed outside coop-desk"
    assert "table member_status_change" in body and "saves nothing" in body


def test_check_integrity_names_a_trail_cut_after_a_backup(qtbot, ctx):
    with ctx.db.transaction(SYSTEM) as s:
        cooperative.set_setting(s, SYSTEM, "ledger.over_budget", "block")
    backup_sqlite(ctx.db.engine)  # its head goes to the anchor log of the backups folder
    with forger.opened(ctx.db.engine.url.database) as conn:
        last = forger.last_record(conn)
        conn.execute("DELETE FROM audit_record WHERE id = ?", (last["id"],))
        conn.execute("DELETE FROM setting WHERE key = 'ledger.over_budget'")
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    dialog = page.run_verify()
    assert dialog is not None
    assert not dialog.verify_result.integrity_ok
    assert any(
        f.check == "audit.anchor" and f.record == f"audit_record {last['id']}"
        for f in dialog.verify_result.errors
    )
    dialog.close()
