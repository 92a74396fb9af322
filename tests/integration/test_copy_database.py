"""`coop-desk copy-database`: the demo cooperative from SQLite to a real PostgreSQL server and
back, everything included (the audit trail too): verify passes on each copy, every balance and
every row is equal, and the copy goes on working (new ids follow the copied ones)."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest

from coop_desk.cli import main
from coop_desk.db import Database
from coop_desk.domain.members import MemberInput
from coop_desk.services import audit, dbcopy, members
from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import accounts, fiscal, operations, plan, reports
from coop_desk.services.verify import verify
from tests.conftest import TODAY

pytestmark = pytest.mark.postgres


def run(capsys, *argv: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def snapshot_of(target: str) -> dict[str, object]:
    """What a user would compare by hand: balances per year, the trail's head, the register."""
    db = Database.open(target)
    try:
        with db.reading(SYSTEM) as s:
            years = [y.year for y in fiscal.list_fiscal_years(s, SYSTEM, TODAY)]
            return {
                "balances": {y: reports.account_balances(s, SYSTEM, y) for y in years},
                "funds": [reports.fund_report(s, SYSTEM, y) for y in years],
                "head": audit.chain_head(s, SYSTEM),
                "members": members.list_members(s, SYSTEM),
                "errors": [f.describe() for f in verify(s, SYSTEM, TODAY).errors],
            }
    finally:
        db.close()


def test_sqlite_to_postgresql_and_back(demo_db, pg_server, tmp_path, capsys):
    source = str(demo_db.engine.url.database)
    demo_db.close()
    server = pg_server.create_database()
    back = str(tmp_path / "back.sqlite")

    code, out = run(capsys, "copy-database", source, server)
    assert code == 0, out
    assert "integrity OK" in out and "DIFFERENT" not in out
    code, out = run(capsys, "copy-database", server, back)
    assert code == 0, out

    original = snapshot_of(source)
    assert original["errors"] == []
    assert snapshot_of(server) == original
    assert snapshot_of(back) == original
    # Row for row, every table (an independent reading, not the command's own check).
    for a, b in ((source, server), (source, back)):
        first, second = Database.open(a), Database.open(b)
        try:
            with first.reading(SYSTEM) as s1, second.reading(SYSTEM) as s2:
                assert dbcopy.compare(s1, s2, SYSTEM) == []
                for table in dbcopy.tables():
                    assert dbcopy.table_digest(s1, table) == dbcopy.table_digest(s2, table)
        finally:
            first.close()
            second.close()
    assert main(["--db", server, "verify"]) == 0
    assert main(["--db", back, "verify"]) == 0


def test_the_copy_goes_on_working_with_new_ids_after_the_copied_ones(demo_db, pg_server, capsys):
    source = str(demo_db.engine.url.database)
    demo_db.close()
    server = pg_server.create_database()
    assert run(capsys, "copy-database", source, server)[0] == 0
    db = Database.open(server)
    try:
        with db.transaction(SYSTEM) as s:
            before = max(m.id for m in members.list_members(s, SYSTEM))
            new = members.create_member(
                s,
                SYSTEM,
                MemberInput(
                    code="CPGP-3784-999",
                    first_names="Rosa",
                    surnames="Quispe Mamani",
                    gender="F",
                    join_date=date(2026, 3, 1),
                ),
            )
            project = plan.list_projects(s, SYSTEM)[0]
            bank = next(a for a in accounts.list_accounts(s, SYSTEM) if a.currency == "USD")
            payment = operations.record_project_payment(
                s,
                SYSTEM,
                project_id=project.id,
                account_id=bank.id,
                entry_date=TODAY,
                amount=Decimal("12.50"),
                payee="Vivero San Juan",
                voucher="F001-999",
                description="Seedlings after the move to the server",
                accept=operations.ALL_WARNINGS,
            )
        assert new.id == before + 1
        assert payment.number.startswith(f"{TODAY.year}-")
        with db.reading(SYSTEM) as s:
            assert verify(s, SYSTEM, TODAY).errors == []
    finally:
        db.close()


def test_a_target_with_data_is_refused_and_left_alone(demo_template, tmp_path, capsys):
    target = tmp_path / "busy.sqlite"
    assert main(["--db", str(target), "init", "--name", "Otra cooperativa"]) == 0
    capsys.readouterr()
    with sqlite3.connect(target) as conn:
        before = conn.execute("SELECT COUNT(*) FROM audit_record").fetchone()
    code, out = run(capsys, "copy-database", demo_template, str(target))
    assert code == 2
    assert "is not empty" in out and "nothing was changed" in out
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT COUNT(*) FROM audit_record").fetchone() == before
        assert conn.execute("SELECT name FROM cooperative").fetchone() == ("Otra cooperativa",)


def test_a_database_only_created_by_init_is_blank_enough(demo_template, pg_server, capsys):
    server = pg_server.create_database()
    assert main(["--db", server, "init"]) == 0  # tables and seeded rows, nothing of its own
    code, out = run(capsys, "copy-database", demo_template, server)
    assert code == 0, out
    db = Database.open(server)
    try:
        with db.reading(SYSTEM) as s:
            assert len(members.list_members(s, SYSTEM)) == 188
    finally:
        db.close()


def test_a_database_of_other_tables_is_refused(pg_server, demo_template, capsys):
    import psycopg

    server = pg_server.create_database()
    with psycopg.connect(server.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    code, out = run(capsys, "copy-database", demo_template, server)
    assert code == 2 and "not a coop-desk database" in out


def test_copying_a_database_onto_itself_is_refused(demo_template, tmp_path, capsys):
    code, out = run(capsys, "copy-database", demo_template, demo_template)
    assert code == 2
    assert "same database" in out
