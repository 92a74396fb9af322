"""Issue 11, "Sign-in", on the command line: ``backup`` signs in like every command, a password
an administrator reset is changed on the command line before anything else, and the audit pack
and the ICS list quote formula-like text as the other exports do (one rule, ``exchange.xlsx``).
"""

from __future__ import annotations

import openpyxl
import pytest

from coop_desk.cli import main
from coop_desk.services import users
from tests import forger


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(users, "SCRYPT_N", 2**10)
    monkeypatch.delenv("COOP_DESK_PASSWORD", raising=False)
    monkeypatch.delenv("COOP_DESK_NEW_PASSWORD", raising=False)


@pytest.fixture
def demo_path(demo_db):
    path = demo_db.engine.url.database
    demo_db.close()
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_backup_signs_in_with_user(demo_path, capsys, monkeypatch, tmp_path):
    """It ran with a wrong password and with a deactivated user."""
    monkeypatch.setenv("COOP_DESK_PASSWORD", "wrong password")
    code, out = run(capsys, "--db", demo_path, "--user", "auditor", "backup", str(tmp_path / "a"))
    assert code == 2 and "wrong password" in out, out
    assert not (tmp_path / "a").exists()
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    code, out = run(capsys, "--db", demo_path, "--user", "admin", "users", "deactivate", "auditor")
    assert code == 0, out
    code, out = run(capsys, "--db", demo_path, "--user", "auditor", "backup", str(tmp_path / "b"))
    assert code == 2 and "deactivated" in out, out
    assert not (tmp_path / "b").exists()
    code, out = run(capsys, "--db", demo_path, "--user", "tesorero", "backup", str(tmp_path / "c"))
    assert code == 0 and (tmp_path / "c").is_file(), out


def test_a_reset_password_is_changed_on_the_command_line(demo_path, capsys, monkeypatch):
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
    monkeypatch.setenv("COOP_DESK_NEW_PASSWORD", "temporary-123")
    code, out = run(
        capsys, "--db", demo_path, "--user", "admin", "users", "reset-password", "tesorero"
    )
    assert code == 0 and "users change-password" in out, out
    # The reset password signs in, but only to change it.
    monkeypatch.setenv("COOP_DESK_PASSWORD", "temporary-123")
    code, out = run(capsys, "--db", demo_path, "--user", "tesorero", "ledger", "balances")
    assert code == 2, out
    assert "coop-desk --user tesorero users change-password" in out
    monkeypatch.setenv("COOP_DESK_NEW_PASSWORD", "my own password")
    code, out = run(capsys, "--db", demo_path, "--user", "tesorero", "users", "change-password")
    assert code == 0 and "Password changed." in out, out
    monkeypatch.setenv("COOP_DESK_PASSWORD", "my own password")
    code, out = run(capsys, "--db", demo_path, "--user", "tesorero", "ledger", "balances")
    assert code == 0, out
    monkeypatch.setenv("COOP_DESK_PASSWORD", "temporary-123")
    code, out = run(capsys, "--db", demo_path, "--user", "tesorero", "ledger", "balances")
    assert code == 2 and "wrong password" in out, out


def test_the_audit_pack_and_the_ics_list_quote_formula_like_names(demo_path, capsys, tmp_path):
    evil = '=HYPERLINK("http://x","y")'
    with forger.opened(demo_path) as conn:  # names stored long ago, or behind the program
        code = conn.execute("SELECT code FROM member WHERE id = 1").fetchone()[0]
        conn.execute("UPDATE member SET surnames = ? WHERE id = 1", (evil,))
        with forger.triggers_lifted(conn):
            conn.execute(
                "UPDATE journal_entry SET payee = ? WHERE id = (SELECT max(id) FROM "
                "journal_entry WHERE kind = 'payment' AND fiscal_year = 2026)",
                (evil,),
            )
    code_, out = run(capsys, "--db", demo_path, "certs", "export-ics", str(tmp_path / "ics.xlsx"))
    assert code_ == 0, out
    ws = openpyxl.load_workbook(tmp_path / "ics.xlsx")["ICS farmers"]
    names = [row[1] for row in ws.iter_rows(min_row=2) if row[0].value == code]
    assert names and names[0].value.startswith(evil)
    assert names[0].data_type == "s" and names[0].quotePrefix
    pack = tmp_path / "pack.xlsx"
    code_, out = run(capsys, "--db", demo_path, "audit-pack", str(pack), "--year", "2026")
    assert code_ == 0, out
    payments = openpyxl.load_workbook(pack)["Payments"]
    payees = [row[3] for row in payments.iter_rows(min_row=2) if row[3].value == evil]
    assert payees and all(c.data_type == "s" and c.quotePrefix for c in payees)
