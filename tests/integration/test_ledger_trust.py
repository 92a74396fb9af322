"""Trust over the premium ledger: the Beancount round trip (bean-check accepts the file and
the beancount package computes coop-desk's balances), the audit pack read back cell by cell,
tampering with postings named by verify, and the ledger's role boundaries."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from coop_desk.cli import main
from coop_desk.db import Database
from coop_desk.errors import PermissionDenied
from coop_desk.exchange.audit_pack import SHEETS
from coop_desk.exchange.beancount_file import account_name, beancount_balances
from coop_desk.services import audit
from coop_desk.services.access import SYSTEM, Actor, Role
from coop_desk.services.audit_pack import build_audit_pack
from coop_desk.services.ledger import fiscal, journal, operations, reports
from coop_desk.services.ledger.beancount import export_beancount
from coop_desk.services.verify import verify
from tests.unit.test_ledger_services import set_up

ADMIN = Actor("admin", Role.ADMINISTRATOR, user_id=1)
TREASURER = Actor("tesorero", Role.TREASURER, user_id=2)
SECRETARY = Actor("secretario", Role.SECRETARY, user_id=3)
AUDITOR = Actor("auditor", Role.AUDITOR, user_id=4)


@pytest.fixture(scope="module")
def books_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("books") / "books.sqlite"
    database = Database.open(path)
    try:
        _post_books(database)
    finally:
        database.close()
    return path


@pytest.fixture
def books(books_template, tmp_path):
    """A private copy of the four-year books (built once per module)."""
    target = tmp_path / "books.sqlite"
    shutil.copy(books_template, target)
    database = Database.open(target)
    try:
        yield database
    finally:
        database.close()


def _post_books(sqlite_db):
    """Four fiscal years: 2024 closed, reopened for a correction and closed again (a carry, its
    reversal and a new carry in 2025); 2025 closed; 2026 open, so 2027 opens provisionally.
    PEN and USD, an exchange, a reversed payment, a payee that looks like a formula."""
    db = sqlite_db
    t = TREASURER
    with db.transaction(t) as s:
        b = set_up(s, t)
        operations.record_shipment(s, t, b.contract_id)
        operations.record_premium_receipt(
            s,
            t,
            contract_id=b.contract_id,
            account_id=b.bank_usd,
            entry_date=date(2024, 6, 10),
            amount=D("5000.00"),
            bank_charges=D("25.00"),
        )
        operations.record_transfer(
            s,
            t,
            from_account_id=b.bank_usd,
            to_account_id=b.bank_pen,
            entry_date=date(2024, 6, 11),
            amount=D("1000.00"),
            to_amount=D("3751.37"),
        )
        wrong = operations.record_project_payment(
            s,
            t,
            project_id=b.projects["quality_improvement"],
            account_id=b.bank_pen,
            entry_date=date(2024, 6, 12),
            amount=D("1875.33"),
            rate=D("3.7513"),
            payee='=HYPERLINK("http://evil")',
            voucher="F001-00231",
            description="Solar dryer",
            accept=operations.ALL_WARNINGS,
        )
        journal.reverse_entry(s, t, wrong.id, reason="typed the wrong amount")
        operations.record_project_payment(
            s,
            t,
            project_id=b.projects["quality_improvement"],
            account_id=b.bank_pen,
            entry_date=date(2024, 6, 13),
            amount=D("1857.33"),
            rate=D("3.7513"),
            payee="Metalmecánica Jaén",
            voucher="F001-00232",
            description="Solar dryer",
            accept=operations.ALL_WARNINGS,
        )
    with db.transaction(t) as s:
        fiscal.close_year(s, t, 2024, today=date(2025, 1, 20))
    with db.transaction(ADMIN) as s:
        fiscal.reopen_year(s, ADMIN, 2024, reason="a bank charge was missing")
    with db.transaction(t) as s:
        operations.record_project_payment(
            s,
            t,
            project_id=b.projects["quality_improvement"],
            account_id=b.bank_pen,
            entry_date=date(2024, 12, 30),
            amount=D("10.00"),
            rate=D("3.70"),
            payee="Banco de la Nación",
            voucher="ND-2024-12",
            description="Bank charge",
            accept=operations.ALL_WARNINGS,
        )
        fiscal.close_year(s, t, 2024, today=date(2025, 1, 25))
        operations.record_transfer(
            s,
            t,
            from_account_id=b.bank_usd,
            to_account_id=b.bank_pen,
            entry_date=date(2025, 2, 3),
            amount=D("500.00"),
            to_amount=D("1866.66"),
        )
        operations.record_project_payment(
            s,
            t,
            project_id=b.projects["quality_improvement"],
            account_id=b.bank_pen,
            entry_date=date(2025, 2, 12),
            amount=D("100.01"),
            rate=D("3.7"),
            payee="Vivero San Ignacio",
            voucher="B002-118",
            description="Seedlings",
            accept=operations.ALL_WARNINGS,
        )
    with db.transaction(t) as s:
        fiscal.close_year(s, t, 2025, today=date(2026, 1, 10))
        operations.record_project_payment(
            s,
            t,
            project_id=b.projects["quality_improvement"],
            account_id=b.bank_usd,
            entry_date=date(2026, 3, 1),
            amount=D("120.00"),
            payee="Agro Jaén",
            voucher="F9-1",
            description="Compost",
            accept=operations.ALL_WARNINGS,
        )
        operations.record_project_payment(
            s,
            t,
            project_id=b.projects["quality_improvement"],
            account_id=b.bank_pen,
            entry_date=date(2027, 3, 1),
            amount=D("37.50"),
            rate=D("3.75"),
            payee="Agro Jaén",
            voucher="F9-2",
            description="Lime",
            accept=operations.ALL_WARNINGS,
        )


def ours(session, year):
    return {
        (account_name(b.kind, b.code, b.name), b.currency): b.closing
        for b in reports.account_balances(session, SYSTEM, year)
        if b.closing
    }


def bean_check(path: Path) -> None:
    """The bean-check program itself (installed with the beancount test dependency)."""
    exe = shutil.which("bean-check", path=str(Path(sys.executable).parent))
    assert exe, "bean-check is installed with the test extras"
    done = subprocess.run([exe, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027])
def test_beancount_balances_equal_coop_desk_per_year(books, tmp_path, year):
    target = tmp_path / f"{year}.beancount"
    with books.reading(AUDITOR) as s:
        result = export_beancount(s, AUDITOR, target, year)
        expected = ours(s, year)
    assert result.entries > 0
    balances, errors = beancount_balances(target)
    assert errors == []
    assert balances == expected
    text = target.read_text()
    if year == 2027:
        assert '! "" "Provisional opening of 2027' in text
    if year == 2024:
        assert "@@ 1000.00 USD" in text  # the exchange legs carry their USD value
        assert "^entry-2024-0004 ^entry-2024-0005" in text  # an entry and its reversal


def test_beancount_continuous_ledger(books, tmp_path):
    target = tmp_path / "all.beancount"
    with books.reading(AUDITOR) as s:
        export_beancount(s, AUDITOR, target)
        last = reports.account_balances(s, SYSTEM, 2027)
        per_year = {y: reports.account_balances(s, SYSTEM, y) for y in (2024, 2025, 2026, 2027)}
    bean_check(target)
    balances, errors = beancount_balances(target)
    assert errors == []
    # Balance-sheet accounts end with the last year's closing balances ...
    for b in last:
        if b.kind == "asset":
            assert balances.get((account_name(b.kind, b.code, b.name), b.currency), 0) == b.closing
    # ... and the others hold the sum of every year's movements.
    moved: dict[tuple[str, str], D] = {}
    for rows in per_year.values():
        for b in rows:
            if b.kind != "asset":
                key = (account_name(b.kind, b.code, b.name), b.currency)
                moved[key] = moved.get(key, D(0)) + b.change
    for key, value in moved.items():
        assert balances.get(key, D(0)) == value, key
    assert "is not repeated" in target.read_text()  # carry entries are comments only


def test_beancount_round_trip_on_the_demo(demo_db, tmp_path):
    with demo_db.reading(AUDITOR) as s:
        years = [y.year for y in fiscal.list_fiscal_years(s, AUDITOR) if y.entries]
    if not years:
        pytest.skip("the demo database has no premium ledger yet")
    for year in years:
        target = tmp_path / f"demo-{year}.beancount"
        with demo_db.reading(AUDITOR) as s:
            export_beancount(s, AUDITOR, target, year)
            expected = ours(s, year)
        balances, errors = beancount_balances(target)
        assert errors == [] and balances == expected, year
    bean_check(target)


def test_export_beancount_command(books, tmp_path, capsys):
    path = books.engine.url.database
    target = tmp_path / "cli.beancount"
    assert main(["--db", path, "ledger", "export-beancount", str(target), "--year", "2025"]) == 0
    assert "bean-check" in capsys.readouterr().out
    bean_check(target)
    assert main(["--db", path, "ledger", "export-beancount", str(tmp_path / "x.txt")]) == 2


def test_audit_pack_read_back(books, tmp_path):
    target = tmp_path / "pack.xlsx"
    with books.reading(AUDITOR) as s:
        result = build_audit_pack(s, AUDITOR, target, 2024, today=date(2027, 6, 1))
        entries = journal.list_entries(s, AUDITOR, journal.JournalFilter(year=2024))
        trial = reports.account_balances(s, AUDITOR, 2024)
        head = audit.chain_head(s, AUDITOR)
    assert result.integrity_ok and result.entries == len(entries)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == list(SHEETS)
    about = {r[0].value: r[1].value for r in wb["About"].iter_rows(min_row=2)}
    assert about["Fiscal year"] == 2024
    assert about["Integrity"] == "OK"
    assert about["Its SHA-256 (note it: a later trail must still contain it)"] == head.last_hash

    rows = list(wb["Journal"].iter_rows(min_row=2, values_only=True))
    first = [r for r in rows if r[0] == entries[0].number]
    assert D(str(first[0][13])) == D("8366.54")  # the receivable's debit, exactly
    numbers = {r[0] for r in rows}
    assert numbers == {e.number for e in entries}

    tb = {(r[0], r[3]): r for r in wb["Trial balance"].iter_rows(min_row=2, values_only=True)}
    for b in trial:
        assert D(str(tb[(b.code, b.currency)][6])) == b.closing
    totals = [r for r in tb.values() if str(r[1]).startswith("Total")]
    assert totals and all(D(str(r[6])) == 0 for r in totals)  # each currency balances

    approvals = list(wb["GA approvals"].iter_rows(min_row=2, values_only=True))
    assert approvals and approvals[0][3] == "Acta 03-2024"

    payments = wb["Payments"]
    by_voucher = {r[5].value: r for r in payments.iter_rows(min_row=2)}
    assert set(by_voucher) == {"F001-00231", "F001-00232", "ND-2024-12"}
    evil = by_voucher["F001-00231"]
    assert evil[3].value == '=HYPERLINK("http://evil")'
    assert evil[3].data_type == "s"  # text, not a formula
    assert "reversed by 2024-0005" in evil[12].value
    assert "no receipt attached" in by_voucher["F001-00232"][12].value

    trail = list(wb["Audit trail"].iter_rows(min_row=2, values_only=True))
    tables = {r[5] for r in trail}
    assert {"journal_entry", "posting", "plan_approval"} <= tables
    what = {r[4].split(" 20")[0] for r in trail if r[5] == "journal_entry"}
    assert what == {"Journal entry"}  # the record in words beside its table and id
    assert [r[0] for r in trail] == sorted(r[0] for r in trail)

    verify_rows = list(wb["Verify"].iter_rows(min_row=2, values_only=True))
    assert "integrity OK" in verify_rows[-1][2]


def test_audit_pack_command(books, tmp_path, capsys):
    path = books.engine.url.database
    target = tmp_path / "pack.xlsx"
    assert main(["--db", path, "audit-pack", str(target), "--year", "2025"]) == 0
    assert "integrity OK" in capsys.readouterr().out
    assert openpyxl.load_workbook(target).sheetnames == list(SHEETS)


def test_a_posting_edited_or_deleted_with_sqlite3_is_refused_or_named(books, capsys):
    path = books.engine.url.database
    books.close()
    with sqlite3.connect(path) as conn:
        for statement in (
            "UPDATE posting SET amount = amount + 100 WHERE id = 3",
            "DELETE FROM posting WHERE id = 5",
            "UPDATE journal_entry SET description = 'x' WHERE id = 1",
            "DELETE FROM journal_entry WHERE id = 1",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="posted journal entries cannot"):
                conn.execute(statement)
    # Someone holding the file can drop the triggers first: verify names what they did.
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        assert len(names) == 4
        for name in names:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE posting SET amount = amount + 100 WHERE id = 3")
        conn.execute("DELETE FROM posting WHERE id = 5")
    assert main(["--db", path, "verify"]) == 1
    out = capsys.readouterr().out
    assert "[posting 3]" in out and "amount is" in out
    assert "posting 5 was deleted" in out
    for name in names:
        assert f"ERROR ledger.immutable: the database trigger {name} was dropped" in out


def test_posted_entries_are_covered_by_the_trail(books):
    with books.reading(AUDITOR) as s:
        entry = journal.list_entries(s, AUDITOR, journal.JournalFilter(year=2024))[0]
        history = audit.history(s, AUDITOR, "journal_entry", entry.id)
        assert [(r.action, r.username) for r in history] == [("insert", "tesorero")]
        assert verify(s, AUDITOR).integrity_ok


LEDGER_WRITES = {
    "opening": lambda s, a, b: operations.record_opening_balance(
        s, a, account_id=b.bank_usd, entry_date=date(2024, 1, 2), amount=D("1.00")
    ),
    "payment": lambda s, a, b: operations.record_project_payment(
        s,
        a,
        project_id=b.projects["education_fund"],
        account_id=b.bank_usd,
        entry_date=date(2024, 6, 1),
        amount=D("12.50"),
        payee="Librería",
        voucher=f"B-{a.username}",
        description="Books",
        accept=operations.ALL_WARNINGS,  # the bank holds 1.00: the roles are the point here
    ),
    "close": lambda s, a, b: fiscal.close_year(s, a, 2026, today=date(2027, 1, 5)),
}


@pytest.mark.parametrize("write", sorted(LEDGER_WRITES))
@pytest.mark.parametrize("actor", [SECRETARY, AUDITOR], ids=lambda a: a.username)
def test_ledger_writes_are_refused_to_other_roles(sqlite_db, actor, write):
    with sqlite_db.transaction(TREASURER) as s:
        b = set_up(s, TREASURER)
    with sqlite_db.transaction(actor) as s, pytest.raises(PermissionDenied, match="ledger"):
        LEDGER_WRITES[write](s, actor, b)


def test_ledger_writes_allowed_to_treasurer_and_administrator(sqlite_db):
    with sqlite_db.transaction(TREASURER) as s:
        b = set_up(s, TREASURER)
    for actor in (TREASURER, ADMIN):
        with sqlite_db.transaction(actor) as s:
            for write in ("opening", "payment"):
                LEDGER_WRITES[write](s, actor, b)
    with sqlite_db.reading(AUDITOR) as s:
        entries = journal.list_entries(s, AUDITOR)
        education = journal.list_entries(
            s, AUDITOR, journal.JournalFilter(project_id=b.projects["education_fund"])
        )
    posted = sorted((e.kind, e.created_by, e.voucher, e.total_usd) for e in entries)
    assert posted == [
        ("opening", "admin", "", D("1.00")),
        ("opening", "tesorero", "", D("1.00")),
        ("payment", "admin", "B-admin", D("12.50")),
        ("payment", "tesorero", "B-tesorero", D("12.50")),
    ]
    assert sorted(e.voucher for e in education) == ["B-admin", "B-tesorero"]


@pytest.mark.parametrize("actor", [TREASURER, SECRETARY, AUDITOR], ids=lambda a: a.username)
def test_only_administrators_reopen_a_year(books, actor):
    with books.transaction(actor) as s, pytest.raises(PermissionDenied, match="reopen"):
        fiscal.reopen_year(s, actor, 2025, reason="check")
    with books.transaction(ADMIN) as s:
        fiscal.reopen_year(s, ADMIN, 2025, reason="check")
