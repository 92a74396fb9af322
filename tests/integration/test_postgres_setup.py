"""The README's PostgreSQL set-up, run as written on the real test server: the owner creates and
upgrades the tables, the daily role works but cannot alter tables, the audit trail or posted
entries; a pg_dump backup restores into a database that verify accepts and that equals the
original."""

from __future__ import annotations

import re
import subprocess
import uuid
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from coop_desk.cli import main
from coop_desk.db import Database
from coop_desk.domain.members import MemberInput
from coop_desk.services import dbcopy, members, users
from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import accounts, operations, plan
from coop_desk.services.verify import verify

pytestmark = pytest.mark.postgres

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_sql() -> list[str]:
    """The ```sql blocks of the README's PostgreSQL section, in order."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Sharing one database between several PCs (PostgreSQL)")[1]
    section = section.split("\n## ")[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


def renamed(sql: str, names: dict[str, str]) -> str:
    for old, new in names.items():  # longest first: coopdesk_owner, coopdesk, coop
        sql = re.sub(rf"\b{old}\b", new, sql)
    return sql


def run_sql(url: str, sql: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)


@pytest.fixture
def office(pg_server, monkeypatch):  # type: ignore[no-untyped-def]
    if getattr(pg_server, "_external", None):
        pytest.skip("needs the test server started here (roles are created)")
    monkeypatch.setattr(users, "SCRYPT_N", 2**10)
    tag = uuid.uuid4().hex[:8]
    names = {"coopdesk_owner": f"own_{tag}", "coopdesk": f"db_{tag}", "coop": f"app_{tag}"}
    base = f"postgresql://postgres@127.0.0.1:{pg_server.port}"
    blocks = readme_sql()
    assert len(blocks) == 3, "the README gives: roles and database, privileges, the REVOKE"
    run_sql(f"{base}/postgres", renamed(blocks[0], names))
    run_sql(f"{base}/{names['coopdesk']}", renamed(blocks[1], names))
    host = f"127.0.0.1:{pg_server.port}/{names['coopdesk']}"
    return {
        "owner": f"postgresql://{names['coopdesk_owner']}@{host}",
        "app": f"postgresql://{names['coop']}@{host}",
        "revoke": renamed(blocks[2], names),
        "superuser": f"{base}/{names['coopdesk']}",
        "names": names,
        "port": pg_server.port,
    }


def test_the_daily_role_works_but_cannot_rewrite_history(office, monkeypatch, capsys):
    monkeypatch.setenv("COOP_DESK_PASSWORD", "a long password")
    assert main(["--db", office["owner"], "init", "--name", "Cooperativa", "--admin", "maria"]) == 0
    run_sql(office["superuser"], office["revoke"])
    capsys.readouterr()

    db = Database.open(office["app"])
    try:
        maria = users.sign_in(db, "maria", "a long password")
        with db.transaction(maria) as s:
            member = members.create_member(
                s,
                maria,
                MemberInput(
                    code="CPGP-1",
                    first_names="Rosa",
                    surnames="Quispe",
                    gender="F",
                    join_date=date(2026, 3, 1),
                ),
            )
            members.update_member(
                s, maria, member.id, replace(member.to_input(), phone="987654321")
            )
            project = plan.list_projects(s, maria)[0]
            bank = next(a for a in accounts.list_accounts(s, maria) if a.currency == "USD")
            operations.record_opening_balance(
                s, maria, account_id=bank.id, entry_date=date(2026, 1, 1), amount=Decimal("100.00")
            )
            operations.record_project_payment(
                s,
                maria,
                project_id=project.id,
                account_id=bank.id,
                entry_date=date(2026, 3, 2),
                amount=Decimal("10.00"),
                payee="Vivero",
                voucher="F-1",
                description="Seedlings",
                accept=operations.ALL_WARNINGS,
            )
        with db.reading(maria) as s:
            assert verify(s, maria, date(2026, 11, 27)).errors == []
    finally:
        db.close()

    app_url = office["app"]
    for statement in (
        "UPDATE audit_record SET username = 'nobody'",
        "DELETE FROM audit_record",
        "DELETE FROM posting",
        "UPDATE journal_entry SET description = 'changed'",
        "ALTER TABLE member ADD COLUMN salary integer",
        "CREATE TABLE mine (id integer)",
    ):
        with psycopg.connect(app_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)


def test_a_pg_dump_backup_restores_into_an_equal_database(office, tmp_path, monkeypatch):
    monkeypatch.setenv("COOP_DESK_PASSWORD", "a long password")
    assert main(["--db", office["owner"], "init", "--demo", "--admin", "maria"]) == 0
    run_sql(office["superuser"], office["revoke"])
    dump = tmp_path / "coopdesk.dump"
    owner = office["names"]["coopdesk_owner"]
    database = office["names"]["coopdesk"]
    port = str(office["port"])
    common = ["-h", "127.0.0.1", "-p", port]
    subprocess.run(
        ["pg_dump", "--format=custom", f"--file={dump}", *common, "-U", owner, database],
        check=True,
        capture_output=True,
    )
    restored = f"{database}_restored"
    subprocess.run(
        ["createdb", *common, "-U", "postgres", "-O", owner, restored],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["pg_restore", *common, "-U", owner, f"--dbname={restored}", str(dump)],
        check=True,
        capture_output=True,
    )
    restored_url = office["owner"].rsplit("/", 1)[0] + f"/{restored}"
    assert main(["--db", restored_url, "verify"]) == 0
    first, second = Database.open(office["app"]), Database.open(restored_url)
    try:
        with first.reading() as s1, second.reading() as s2:
            assert dbcopy.compare(s1, s2, SYSTEM) == []
    finally:
        first.close()
        second.close()
