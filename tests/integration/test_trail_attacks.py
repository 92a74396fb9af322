"""Issue 11, "The trail proves only that it agrees with itself": each attack as it was made,
with sqlite3, the public SHA-256 algorithm (``tests/forger.py``, which imports nothing of
coop-desk) and the command line. ``verify`` exited 0 after each; now it exits 1 naming the
table and the row, given an anchor taken before the attack where the attack needs one (the
head printed by ``audit head``, stored in a workbook, or logged by a backup).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from coop_desk.cli import main
from coop_desk.services import users
from tests import forger

PAY = ("ledger", "pay", "Education", "10", "--account", "1010", "--voucher", "V-9")


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(users, "SCRYPT_N", 2**10)
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")
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


def verify(capsys, path, *extra):
    return run(capsys, "--db", path, "verify", *extra)


def head(capsys, path) -> str:
    code, out = run(capsys, "--db", path, "audit", "head")
    assert code == 0, out
    match = re.search(r"newest (\d+): ([0-9a-f]{64})", out)
    assert match is not None, out
    return f"{match[1]}:{match[2]}"


def pay(capsys, path, payee="Honest Supplier", *, user="tesorero"):
    argv = ["--db", path] + (["--user", user] if user else [])
    return run(capsys, *argv, *PAY, "--payee", payee, "--description", "school supplies")


def last_entry(conn) -> int:
    return int(conn.execute("SELECT max(id) FROM journal_entry").fetchone()[0])


def cut_last_entry(path) -> int:
    """Delete the newest entry, its postings and the audit records from the one that wrote
    it to the end (the entry's records must be the newest)."""
    with forger.opened(path) as conn:
        entry = last_entry(conn)
        first = conn.execute(
            "SELECT min(id) FROM audit_record WHERE table_name = 'journal_entry' AND record_id = ?",
            (str(entry),),
        ).fetchone()[0]
        with forger.triggers_lifted(conn):
            conn.execute("DELETE FROM posting WHERE entry_id = ?", (entry,))
            conn.execute("DELETE FROM journal_entry WHERE id = ?", (entry,))
            conn.execute("DELETE FROM audit_record WHERE id >= ?", (first,))
    return entry


def rewrite_payee_and_rechain(path, entry: int, payee: str) -> int:
    """Change an entry's payee and its insert record, then recompute every hash after it."""
    with forger.opened(path) as conn:
        with forger.triggers_lifted(conn):
            conn.execute("UPDATE journal_entry SET payee = ? WHERE id = ?", (payee, entry))
        record = conn.execute(
            "SELECT id, after FROM audit_record WHERE table_name = 'journal_entry' "
            "AND record_id = ?",
            (str(entry),),
        ).fetchone()
        after = dict(json.loads(record["after"]), payee=payee)
        conn.execute(
            "UPDATE audit_record SET after = ? WHERE id = ?",
            (forger.canonical(after), record["id"]),
        )
        forger.rechain(conn, record["id"])
    return int(record["id"])


def forged_entry_records(conn, at: str) -> list[dict]:
    """A payment of 8,208.20 PEN to a friend, as rows and as the insert records coop-desk
    would have written for them (copied from a real payment and edited)."""
    model = conn.execute("SELECT id FROM journal_entry WHERE kind = 'payment' LIMIT 1").fetchone()
    entry_after = forger.last_after(conn, "journal_entry", model["id"])
    entry_id = last_entry(conn) + 1
    year = entry_after["fiscal_year"]
    number = conn.execute(
        "SELECT max(number) + 1 FROM journal_entry WHERE fiscal_year = ?", (year,)
    ).fetchone()[0]
    entry_after.update(id=entry_id, number=number, payee="Consultora Amiga", voucher="F-1")
    columns = ", ".join(entry_after)
    marks = ", ".join(f":{c}" for c in entry_after)
    row = dict(entry_after, created_at=entry_after["created_at"].replace("T", " ")[:26])
    conn.execute(f"INSERT INTO journal_entry ({columns}) VALUES ({marks})", row)
    records = [
        {
            "action": "insert",
            "table_name": "journal_entry",
            "record_id": str(entry_id),
            "before": None,
            "after": forger.canonical(entry_after),
            "at": at,
        }
    ]
    posting_id = int(conn.execute("SELECT max(id) FROM posting").fetchone()[0])
    models = conn.execute(
        "SELECT id FROM posting WHERE entry_id = ? ORDER BY line", (model["id"],)
    ).fetchall()
    for offset, p in enumerate(models, start=1):
        after = forger.last_after(conn, "posting", p["id"])
        sign = 1 if after["amount"][0] != "-" else -1
        after.update(id=posting_id + offset, entry_id=entry_id, amount=f"{sign * 8208.20:.2f}")
        stored = dict(after, amount=sign * 820820, rate=int(after["rate"].replace(".", "")))
        stored["usd_value"] = int(after["usd_value"].replace(".", ""))
        conn.execute(
            f"INSERT INTO posting ({', '.join(stored)}) VALUES "
            f"({', '.join(':' + c for c in stored)})",
            stored,
        )
        records.append(
            {
                "action": "insert",
                "table_name": "posting",
                "record_id": str(posting_id + offset),
                "before": None,
                "after": forger.canonical(after),
                "at": at,
            }
        )
    return records


# --- the last records cut together with the entries they recorded --------------------------------


def test_a_trail_cut_with_its_entries_is_named_by_a_noted_head(demo_path, capsys):
    assert pay(capsys, demo_path)[0] == 0  # the newest records: this payment's
    noted = head(capsys, demo_path)
    cut_last_entry(demo_path)
    code, out = verify(capsys, demo_path, "--anchor", noted)
    assert code == 1, out
    record = noted.split(":")[0]
    assert f"[audit_record {record}]" in out and "the trail was cut" in out


def test_a_backup_logs_the_head_that_verify_then_checks_by_default(demo_path, capsys):
    assert pay(capsys, demo_path)[0] == 0  # the newest records: this payment's
    code, out = run(capsys, "--db", demo_path, "backup")
    assert code == 0, out
    assert f"Audit trail head: {head(capsys, demo_path)}" in out
    cut_last_entry(demo_path)
    code, out = verify(capsys, demo_path)  # no --anchor: the backups' anchor log
    assert code == 1, out
    assert "the trail was cut" in out and "from the backups' anchor log" in out
    code, out = verify(capsys, demo_path, "--no-anchor-log")
    assert code == 0, out  # what the trail alone cannot show


# --- a posted payment edited, with forged "update" records appended --------------------------------


def test_a_posted_payment_edited_with_forged_update_records_is_named(demo_path, capsys):
    with forger.opened(demo_path) as conn:
        entry = conn.execute("SELECT id FROM journal_entry WHERE kind = 'payment'").fetchone()[0]
        postings = [
            r[0] for r in conn.execute("SELECT id FROM posting WHERE entry_id = ?", (entry,))
        ]
        records = []
        with forger.triggers_lifted(conn):
            for posting in postings:
                before = forger.last_after(conn, "posting", posting)
                sign = -1 if before["amount"].startswith("-") else 1
                after = dict(before, amount=f"{sign * 8208.20:.2f}")
                conn.execute("UPDATE posting SET amount = ? WHERE id = ?", (sign * 820820, posting))
                records.append(
                    {
                        "action": "update",
                        "table_name": "posting",
                        "record_id": str(posting),
                        "before": forger.canonical(before),
                        "after": forger.canonical(after),
                    }
                )
        forger.append(conn, records)
    code, out = verify(capsys, demo_path)
    assert code == 1, out
    assert f"[posting {postings[0]}]" in out and "changed after it was posted" in out


def test_a_posted_payment_edited_in_its_own_record_is_named_by_a_backup(
    demo_path, capsys, tmp_path
):
    """The same edit, made instead by rewriting the posting's insert record and recomputing
    the chain: a backup copy given as anchor names the record and its row."""
    copy = tmp_path / "copy.sqlite"
    assert run(capsys, "--db", demo_path, "backup", str(copy))[0] == 0
    with forger.opened(demo_path) as conn:
        posting = conn.execute(
            "SELECT p.id FROM posting p JOIN journal_entry e ON e.id = p.entry_id "
            "WHERE e.kind = 'payment' AND p.amount > 0"
        ).fetchone()[0]
        with forger.triggers_lifted(conn):
            conn.execute("UPDATE posting SET amount = 820820 WHERE id = ?", (posting,))
        record = conn.execute(
            "SELECT id, after FROM audit_record WHERE table_name = 'posting' AND record_id = ?",
            (str(posting),),
        ).fetchone()
        after = dict(json.loads(record["after"]), amount="8208.20")
        conn.execute(
            "UPDATE audit_record SET after = ? WHERE id = ?",
            (forger.canonical(after), record["id"]),
        )
        forger.rechain(conn, record["id"])
    code, out = verify(capsys, demo_path, "--no-anchor-log", "--anchor", str(copy))
    assert code == 1, out
    assert f"[posting {posting}]" in out and f"audit record {record['id']} (insert" in out


# --- a forged entry with forged insert records ---------------------------------------------------


def test_a_forged_entry_spliced_into_the_trail_is_named_by_a_noted_head(demo_path, capsys):
    noted = head(capsys, demo_path)
    with forger.opened(demo_path) as conn:
        middle = int(noted.split(":")[0]) // 2
        at = conn.execute("SELECT at FROM audit_record WHERE id = ?", (middle,)).fetchone()[0]
        forger.splice(conn, middle, forged_entry_records(conn, at))
    code, out = verify(capsys, demo_path, "--anchor", noted)
    assert code == 1, out
    assert "the trail was rewritten at or before" in out


def test_a_forged_entry_appended_with_an_earlier_date_is_named_by_a_workbook(
    demo_path, capsys, tmp_path
):
    """Appended at the end, after every anchor, but dated months earlier to look as old as
    the books around it: any workbook written before (here the ledger workbook) holds the head
    and the time it was read."""
    book = tmp_path / "ledger.xlsx"
    code, out = run(capsys, "--db", demo_path, "ledger", "export", str(book))
    assert code == 0 and "Audit trail head:" in out, out
    with forger.opened(demo_path) as conn:
        records = forged_entry_records(conn, "2025-03-10 15:00:00.000000")
        forger.append(conn, records)
    code, out = verify(capsys, demo_path, "--no-anchor-log")
    # The chain agrees with itself: only the books' carry (issue 12) sees that the postings
    # of a closed year changed.
    errors = [line for line in out.splitlines() if line.lstrip().startswith("ERROR")]
    assert code == 1 and errors and all("ledger.carry" in e for e in errors), out
    code, out = verify(capsys, demo_path, "--anchor", str(book))
    assert code == 1, out
    forged = records[0]["record_id"]
    assert f"[journal_entry {forged}]" in out and "with an earlier date" in out


# --- an entry rewritten and the whole chain recomputed -------------------------------------------


def test_a_rewritten_entry_with_a_recomputed_chain_is_named(demo_path, capsys, tmp_path):
    noted = head(capsys, demo_path)
    pack = tmp_path / "pack.xlsx"
    assert run(capsys, "--db", demo_path, "audit-pack", str(pack), "--year", "2026")[0] == 0
    journal = tmp_path / "journal.beancount"
    assert run(capsys, "--db", demo_path, "ledger", "export-beancount", str(journal))[0] == 0
    copy = tmp_path / "copy.sqlite"
    assert run(capsys, "--db", demo_path, "backup", str(copy))[0] == 0
    with sqlite3.connect(demo_path) as conn:
        entry = conn.execute("SELECT max(id) FROM journal_entry WHERE kind = 'payment'").fetchone()
    record = rewrite_payee_and_rechain(demo_path, entry[0], "Consultora Fantasma")
    code, out = verify(capsys, demo_path, "--no-anchor-log")
    assert code == 0, out  # `audit head` changes only its hash
    for anchor in (noted, str(pack), str(journal)):
        code, out = verify(capsys, demo_path, "--no-anchor-log", "--anchor", anchor)
        assert code == 1, out
        assert "the trail was rewritten at or before record" in out
    code, out = verify(capsys, demo_path, "--no-anchor-log", "--anchor", str(copy))
    assert code == 1, out
    assert f"audit record {record} (insert of journal_entry {entry[0]}" in out
    assert f"[journal_entry {entry[0]}]" in out


# --- rows deleted outside, then the id reused ---------------------------------------------------


def test_an_id_reused_after_rows_were_deleted_outside_is_named(demo_path, capsys):
    with forger.opened(demo_path) as conn:
        entry = last_entry(conn)
        with forger.triggers_lifted(conn):
            conn.execute("DELETE FROM posting WHERE entry_id = ?", (entry,))
            conn.execute("DELETE FROM journal_entry WHERE id = ?", (entry,))
    code, out = pay(capsys, demo_path)
    assert code == 0, out
    with sqlite3.connect(demo_path) as conn:
        assert last_entry(conn) == entry  # the program gave the id again
    code, out = verify(capsys, demo_path)
    assert code == 1, out
    assert f"[journal_entry {entry}]" in out and "inserted again" in out


def test_a_member_id_reused_after_a_delete_outside_is_named(demo_path, capsys):
    with forger.opened(demo_path) as conn:
        member = conn.execute("SELECT max(id) FROM member").fetchone()[0]
        conn.execute("PRAGMA foreign_keys = OFF")
        for table in ("plot", "member_status_change", "member_scheme"):
            conn.execute(f"DELETE FROM {table} WHERE member_id = ?", (member,))
        conn.execute("DELETE FROM member WHERE id = ?", (member,))
    roster = Path(demo_path).with_name("roster.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Código", "Apellidos", "Nombres", "DNI", "Sexo", "Fecha de ingreso", "Caserío"])
    ws.append(["NEW-1", "Quispe", "Rosa", "41234567", "F", "2024-01-15", "Alto Perú"])
    wb.save(roster)
    code, out = run(
        capsys, "--db", demo_path, "--user", "secretario", "members", "import", str(roster)
    )
    assert code == 0, out
    with sqlite3.connect(demo_path) as conn:  # the program gave the id again
        assert conn.execute("SELECT id FROM member WHERE code = 'NEW-1'").fetchone()[0] == member
    code, out = verify(capsys, demo_path)
    assert code == 1, out
    assert f"[member {member}]" in out and "inserted again" in out, out


# --- tables dropped; a missing table or column at opening -----------------------------------------


@pytest.mark.parametrize("table", ["member_status_change", "fiscal_year_event"])
def test_a_dropped_table_is_named_and_init_refuses_the_database(demo_path, capsys, table):
    with forger.opened(demo_path) as conn:
        conn.execute(f"DROP TABLE {table}")
    code, out = verify(capsys, demo_path)
    assert code == 1, out
    assert f"[table {table}]" in out and "is missing" in out
    code, out = run(capsys, "--db", demo_path, "init")
    assert code == 2, out
    assert "Database ready" not in out and f"table {table}" in out
    code, out = pay(capsys, demo_path)
    assert code == 2 and "saves nothing to it" in out, out


def test_a_dropped_column_is_named(demo_path, capsys):
    with forger.opened(demo_path) as conn:
        conn.execute("ALTER TABLE member DROP COLUMN phone")
    code, out = run(capsys, "--db", demo_path, "init")
    assert code == 2 and "Database ready" not in out, out
    code, out = verify(capsys, demo_path)
    assert code == 1, out
    assert "[column member.phone]" in out


# --- a trigger planted that rewrites every new payment's payee ----------------------------------


def test_a_planted_trigger_is_named_and_writes_are_refused(demo_path, capsys):
    with forger.opened(demo_path) as conn:
        # The protecting trigger replaced by a weaker one of the same name (it lets the payee
        # change), then the one that rewrites what the treasurer types.
        statement = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'tr_journal_entry_no_update'"
        ).fetchone()[0]
        conn.execute("DROP TRIGGER tr_journal_entry_no_update")
        conn.execute(
            statement.replace("ON journal_entry", "ON journal_entry WHEN OLD.payee = NEW.payee")
        )
        conn.execute(
            "CREATE TRIGGER tr_payee AFTER INSERT ON journal_entry WHEN NEW.kind = 'payment' "
            "BEGIN UPDATE journal_entry SET payee = 'Consultora Amiga' WHERE id = NEW.id; END"
        )
        entries = last_entry(conn)
    code, out = pay(capsys, demo_path)
    assert code == 2 and "tr_payee" in out, out
    with sqlite3.connect(demo_path) as conn:
        assert last_entry(conn) == entries  # nothing was posted through the planted trigger
    code, out = verify(capsys, demo_path)
    assert code == 1, out
    assert "[trigger tr_payee]" in out and "not one coop-desk made" in out
    assert "[trigger tr_journal_entry_no_update]" in out and "not the one coop-desk made" in out


# --- every user deleted ---------------------------------------------------------------------------


def test_deleting_every_user_gives_no_system_rights(demo_path, capsys, monkeypatch):
    with forger.opened(demo_path) as conn:
        conn.execute("DELETE FROM app_user")
    code, out = pay(capsys, demo_path, user=None)
    assert code == 2 and "local (auditor) may not" in out, out
    monkeypatch.setenv("COOP_DESK_PASSWORD", "a new password")
    code, out = run(capsys, "--db", demo_path, "init", "--admin", "intruder")
    assert code == 2 and "may not manage users" in out, out
    code, out = verify(capsys, demo_path)
    assert code == 1, out
    assert "[app_user]" in out and "records 4 user accounts" in out


# --- a stored value millions of characters long ------------------------------------------------


def test_findings_shorten_a_huge_value(demo_path, capsys):
    with forger.opened(demo_path) as conn:
        conn.execute("UPDATE member SET notes = ? WHERE id = 1", ("x" * 5_000_000,))
    code, out = verify(capsys, demo_path)
    assert code == 1
    lines = [line for line in out.splitlines() if "[member 1]" in line]
    assert lines and all(len(line) < 1_000 for line in lines), [len(x) for x in lines]
    assert "5,000,000 characters" in out


# --- backups, workbooks and year closes carry the head -----------------------------------------


def test_exports_and_a_year_close_carry_the_head(demo_path, capsys, tmp_path):
    noted = head(capsys, demo_path)
    files = {
        "members.xlsx": ("members", "export"),
        "ledger.xlsx": ("ledger", "export", "--year", "2026"),
        "report.xlsx": ("ledger", "report", "--year", "2025"),
        "ics.xlsx": ("certs", "export-ics"),
        "pack.xlsx": ("audit-pack", "--year", "2025"),
        "journal.beancount": ("ledger", "export-beancount", "--year", "2026"),
    }
    for name, command in files.items():
        target = str(tmp_path / name)
        argv = (*command[:-2], target, *command[-2:]) if "--year" in command else (*command, target)
        code, out = run(capsys, "--db", demo_path, *argv)
        assert code == 0, out
        assert f"Audit trail head: {noted}" in out, (name, out)
        code, out = verify(capsys, demo_path, "--anchor", target)
        assert code == 0, out
    shutil.copy(tmp_path / "pack.xlsx", tmp_path / "again.xlsx")
    code, out = run(capsys, "--db", demo_path, "--user", "tesorero", "ledger", "close-year", "2025")
    assert code == 0, out
    closed = re.search(r"Audit trail head at the close: (\d+:[0-9a-f]{64})", out)
    assert closed is not None, out
    assert int(closed[1].split(":")[0]) > int(noted.split(":")[0])
    assert verify(capsys, demo_path, "--anchor", closed[1])[0] == 0
