"""Several PCs writing at once, on SQLite and on the real PostgreSQL server: separate processes,
each with its own database connection, like separate PCs of one office."""

from __future__ import annotations

from datetime import date

from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import checks, fiscal, journal
from coop_desk.services.verify import verify
from tests.concurrency import (
    SPAWN,
    add_projects,
    close_year_when_started,
    pay_many,
    pay_until_refused,
    prepare_books,
    register_member,
    run_workers,
)
from tests.conftest import TODAY

PROCESSES = 4
PAYMENTS = 50


def test_four_processes_post_fifty_payments_each_all_numbered_without_gaps(db):
    url = db.target
    project_id, bank_id = prepare_books(url, date(2026, 1, 2))
    day = date(2026, 6, 1)
    outcomes = run_workers(pay_many, [(url, project_id, bank_id, PAYMENTS, day)] * PROCESSES)
    assert [o.crashed for o in outcomes] == [[]] * PROCESSES
    assert [o.refused for o in outcomes] == [[]] * PROCESSES
    posted = [number for o in outcomes for number in o.posted]
    assert len(posted) == PROCESSES * PAYMENTS
    assert len(set(posted)) == len(posted)
    with db.reading(SYSTEM) as s:
        numbers = [e.seq for e in journal.list_entries(s, SYSTEM, journal.JournalFilter(year=2026))]
        assert sorted(numbers) == list(range(1, PROCESSES * PAYMENTS + 2))  # + the opening
        assert verify(s, SYSTEM, TODAY).errors == []
    # Each process got its numbers in the order it posted them.
    for o in outcomes:
        seqs = [int(n.split("-")[1]) for n in o.posted]
        assert seqs == sorted(seqs)


def test_closing_a_year_while_payments_are_posted_into_it_keeps_opening_equal_closing(db):
    url = db.target
    project_id, bank_id = prepare_books(url, date(2025, 1, 2))
    started = SPAWN.Event()
    posters = [(url, project_id, bank_id, date(2025, 12, 30), started)] * 3
    outcomes = run_workers(
        _dispatch, [("pay", *args) for args in posters] + [("close", url, 2025, TODAY, started)]
    )
    assert [o.crashed for o in outcomes] == [[]] * 4
    assert outcomes[3].posted == ["closed 2025"]
    # Every poster went on until the close stopped it, and was told why in words.
    for o in outcomes[:3]:
        assert len(o.refused) == 1
        assert "the fiscal year 2025 is closed" in o.refused[0]
    assert sum(len(o.posted) for o in outcomes[:3]) >= 4  # the close came after these
    with db.reading(SYSTEM) as s:
        assert fiscal.carry_in_position(s, 2026) == fiscal.carry_position(s, 2025)
        assert [f for f in verify(s, SYSTEM, TODAY).errors] == []
        numbers = [e.seq for e in journal.list_entries(s, SYSTEM, journal.JournalFilter(year=2025))]
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
        assert len(numbers) == 1 + sum(len(o.posted) for o in outcomes[:3])


def _dispatch(queue, barrier, index, kind, *args):  # type: ignore[no-untyped-def]
    if kind == "pay":
        pay_until_refused(queue, barrier, index, *args)
    else:
        close_year_when_started(queue, barrier, index, *args)


def test_verify_names_a_year_that_opens_away_from_the_previous_closing(db):
    """A posting slipped into a closed year behind the program's back (raw SQL, the way the
    race used to do it): the carried balances no longer match and verify says so."""
    from datetime import date as d

    from sqlalchemy import insert, select

    from coop_desk.models import JournalEntry, Posting

    project_id, bank_id = prepare_books(db.target, d(2025, 1, 2))
    with db.transaction(SYSTEM) as s:
        fiscal.close_year(s, SYSTEM, 2025, today=TODAY)
    with db.reading(SYSTEM) as s:
        assert not [f for f in checks.check_carry(s, TODAY)]
    with db.engine.begin() as conn:
        entry = conn.execute(
            select(JournalEntry.__table__).where(JournalEntry.fiscal_year == 2025)
        ).first()
        assert entry is not None
        postings = conn.execute(select(Posting.__table__).where(Posting.entry_id == entry.id)).all()
        new_id = conn.execute(
            insert(JournalEntry.__table__).values(
                {**_without_id(entry), "number": 99, "description": "late"}
            )
        ).inserted_primary_key[0]
        for p in postings:
            conn.execute(insert(Posting.__table__).values({**_without_id(p), "entry_id": new_id}))
    with db.reading(SYSTEM) as s:
        found = checks.check_carry(s, TODAY)
    assert found and found[0].check == "ledger.carry"
    assert "2026 opens" in found[0].message and "2025 closed" in found[0].message


def _without_id(row):  # type: ignore[no-untyped-def]
    return {k: v for k, v in row._mapping.items() if k != "id"}


def test_a_report_reads_one_snapshot_while_another_pc_posts(db):
    """Everything a report reads in one ``reading()`` comes from the same moment: a payment
    another PC commits meanwhile shows in the next report, never in half of this one."""
    from decimal import Decimal

    from coop_desk.db import Database
    from coop_desk.services.ledger import operations, reports

    project_id, bank_id = prepare_books(db.target, date(2026, 1, 2))
    other = Database.open(db.target)
    try:
        with db.reading(SYSTEM) as s:
            before = reports.account_balances(s, SYSTEM, 2026)
            with other.transaction(SYSTEM) as w:
                operations.record_project_payment(
                    w,
                    SYSTEM,
                    project_id=project_id,
                    account_id=bank_id,
                    entry_date=date(2026, 3, 1),
                    amount=Decimal("7.00"),
                    payee="Vivero",
                    voucher="F-7",
                    description="Seedlings",
                    accept=operations.ALL_WARNINGS,
                )
            assert reports.account_balances(s, SYSTEM, 2026) == before
            assert len(journal.list_entries(s, SYSTEM, journal.JournalFilter(year=2026))) == 1
        with db.reading(SYSTEM) as s:
            assert reports.account_balances(s, SYSTEM, 2026) != before
            assert len(journal.list_entries(s, SYSTEM, journal.JournalFilter(year=2026))) == 2
    finally:
        other.close()


def test_other_sequences_from_four_processes_account_codes_and_member_codes(db):
    """Account codes are numbered like entries (each project brings the next one); a member
    code typed on two PCs at once is registered once, the other PC is told in words."""
    from coop_desk.services.ledger import accounts

    outcomes = run_workers(add_projects, [(db.target, 10)] * PROCESSES)
    assert [o.crashed for o in outcomes] == [[]] * PROCESSES
    assert [o.refused for o in outcomes] == [[]] * PROCESSES
    with db.reading(SYSTEM) as s:
        codes = [a.code for a in accounts.list_accounts(s, SYSTEM, include_inactive=True)]
    assert len(codes) == len(set(codes))
    expense = sorted(int(c) for c in codes if c.startswith("5"))
    assert expense == list(range(expense[0], expense[0] + len(expense)))  # no gap, no double

    outcomes = run_workers(register_member, [(db.target, "CPGP-3784-500")] * PROCESSES)
    assert [o.crashed for o in outcomes] == [[]] * PROCESSES
    assert sum(len(o.posted) for o in outcomes) == 1
    refusals = [r for o in outcomes for r in o.refused]
    assert len(refusals) == PROCESSES - 1
    assert all("the code CPGP-3784-500 is already used" in r for r in refusals)


def test_a_save_waiting_too_long_for_another_pcs_long_save_is_refused_in_words(db, monkeypatch):
    """One PC holds a long write (an import); another PC's save waits as long as the busy
    timeout, then gives up with a message, instead of hanging for ever."""
    import pytest

    from coop_desk import db as db_module
    from coop_desk.db import Database
    from coop_desk.domain.members import MemberInput
    from coop_desk.errors import DatabaseBusy
    from coop_desk.services import members

    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(db_module, "PG_LOCK_TIMEOUT_MS", 300)
    other = Database.open(db.target)
    try:
        with db.transaction(SYSTEM) as long_save:
            members.create_member(
                long_save, SYSTEM, MemberInput("CPGP-1", "Rosa", "Quispe", "F", date(2020, 1, 1))
            )
            with pytest.raises(DatabaseBusy) as refused, other.transaction(SYSTEM) as s:
                members.create_member(
                    s, SYSTEM, MemberInput("CPGP-2", "Ana", "Mamani", "F", date(2020, 1, 1))
                )
        # It can be done again: it says so, and the error's kind says so to the program.
        assert "is busy" in str(refused.value) and "try again" in str(refused.value)
    finally:
        other.close()
    with db.reading(SYSTEM) as s:
        assert [m.code for m in members.list_members(s, SYSTEM)] == ["CPGP-1"]
