"""The ledger's integrity checks catch changes made behind the program's back (direct SQL)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from sqlalchemy import text

from coop_desk.services.ledger import checks, journal, operations
from coop_desk.services.verify import verify
from tests.tamper import drop_posted_entry_triggers
from tests.unit.test_ledger_services import set_up

LATER = date(2030, 1, 1)


def _books(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
        ship = operations.record_shipment(s, actor, books.contract_id)
        pay = operations.record_project_payment(
            s,
            actor,
            project_id=books.projects["education_fund"],
            account_id=books.bank_pen,
            entry_date=date(2024, 6, 1),
            amount=D("370.00"),
            rate=D("3.70"),
            payee="Librería",
            voucher="B-1",
            description="Books",
            accept=operations.ALL_WARNINGS,
        )
        rev = journal.reverse_entry(s, actor, pay.id, reason="duplicate")
    return ship, pay, rev


def _errors(db, actor):
    with db.reading(actor) as s:
        return [f for f in verify(s, actor, LATER).findings if f.severity == "error"]


def test_clean_books_have_no_integrity_errors(sqlite_db, actor):
    _books(sqlite_db, actor)
    assert _errors(sqlite_db, actor) == []


def test_an_edited_amount_is_named(sqlite_db, actor):
    ship, _pay, _rev = _books(sqlite_db, actor)
    with sqlite_db.engine.begin() as conn:
        drop_posted_entry_triggers(conn)
        conn.execute(
            text("UPDATE posting SET amount = amount + 100 WHERE entry_id = :e AND line = 1"),
            {"e": ship.id},
        )
    messages = [f.message for f in _errors(sqlite_db, actor)]
    assert any(f"Entry {ship.number} does not balance in USD (off by 1.00)" in m for m in messages)
    assert any("a USD posting has a different USD value" in m for m in messages)


def test_a_deleted_entry_leaves_a_gap(sqlite_db, actor):
    ship, _pay, _rev = _books(sqlite_db, actor)
    with sqlite_db.engine.begin() as conn:
        drop_posted_entry_triggers(conn)
        conn.execute(text("DELETE FROM posting WHERE entry_id = :e"), {"e": ship.id})
        conn.execute(text("DELETE FROM journal_entry WHERE id = :e"), {"e": ship.id})
    found = {f.check: f.message for f in _errors(sqlite_db, actor)}
    assert "missing 2024-0001" in found["ledger.numbering"]


def test_a_tampered_reversal_and_a_moved_date_are_named(sqlite_db, actor):
    _ship, pay, rev = _books(sqlite_db, actor)
    with sqlite_db.engine.begin() as conn:
        drop_posted_entry_triggers(conn)
        conn.execute(
            text("UPDATE posting SET usd_value = usd_value - 1 WHERE entry_id = :e AND line = 1"),
            {"e": rev.id},
        )
        conn.execute(
            text("UPDATE posting SET usd_value = usd_value + 1 WHERE entry_id = :e AND line = 2"),
            {"e": rev.id},
        )
        conn.execute(
            text("UPDATE journal_entry SET entry_date = '2025-01-05' WHERE id = :e"),
            {"e": pay.id},
        )
    messages = [f"{f.check}: {f.message}" for f in _errors(sqlite_db, actor)]
    assert (
        f"ledger.reversal: Reversal {rev.number} does not mirror {pay.number} exactly" in messages
    )
    assert (
        f"ledger.numbering: Entry {pay.number} is dated 2025-01-05, outside fiscal year 2024"
        in messages
    )
    assert any("has another date or year than its entry" in m for m in messages)


def test_the_recompute_check_compares_sql_sums_with_the_postings(sqlite_db, actor, monkeypatch):
    _books(sqlite_db, actor)
    with sqlite_db.reading(actor) as s:
        assert checks.check_recompute(s, LATER) == []
        real_execute = s.execute

        def skewed(statement, *args, **kwargs):  # a database whose SUM is wrong
            result = real_execute(statement, *args, **kwargs)
            if "sum(amount)" in str(statement):
                rows = [(a, y, c, amount + 1, usd) for a, y, c, amount, usd in result]
                return rows
            return result

        monkeypatch.setattr(s, "execute", skewed)
        assert checks.check_recompute(s, LATER)
