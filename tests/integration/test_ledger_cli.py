"""The ledger on the command line and the demo's ledger: balances, journal, summary, verify."""

from __future__ import annotations

from datetime import date

import pytest

from coop_desk.cli import main
from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import checks, fiscal, journal, reports
from coop_desk.services.verify import verify
from tests.conftest import TODAY


def test_demo_ledger_has_three_years_one_closed_and_a_reversal(demo_db):
    with demo_db.reading(SYSTEM) as s:
        years = {y.year: y for y in fiscal.list_fiscal_years(s, SYSTEM, TODAY)}
        reversals = journal.list_entries(s, SYSTEM, journal.JournalFilter(kind="reversal"))
        pen_payments = [
            r
            for r in journal.list_entries(s, SYSTEM, journal.JournalFilter(kind="payment"))
            if "PEN" in r.amounts
        ]
        usd_payments = [
            r
            for r in journal.list_entries(s, SYSTEM, journal.JournalFilter(kind="payment"))
            if "USD" in r.amounts
        ]
        summary = reports.ga_summary(s, SYSTEM, TODAY.year - 1)
    assert sorted(years) == [TODAY.year - 2, TODAY.year - 1, TODAY.year]
    assert [y for y, row in years.items() if row.closed] == [TODAY.year - 2]
    assert years[TODAY.year - 1].carry_in
    assert len(reversals) == 1 and reversals[0].reverses_number
    assert pen_payments and usd_payments
    assert summary.received > 0 and summary.quality_percent is not None
    assert summary.quality_percent >= 25


def test_demo_verify_names_the_deliberate_warnings_and_passes(demo_db, capsys):
    with demo_db.reading(SYSTEM) as s:
        result = verify(s, SYSTEM, TODAY)
    assert result.integrity_ok, [f.describe() for f in result.errors]
    found = {f.check for f in result.warnings}
    assert {"premium.over_budget", "premium.overdue"} <= found
    # And on the command line (today's date there is the real one: compliance may differ,
    # integrity may not).
    code = main(["--db", demo_db.url.replace("sqlite:///", ""), "verify"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Integrity: OK" in out and "premium.over_budget" in out


def test_demo_compliance_panel_service_filters_by_year(demo_db):
    with demo_db.reading(SYSTEM) as s:
        middle = checks.compliance(s, SYSTEM, TODAY, year=TODAY.year - 1)
        everything = checks.compliance(s, SYSTEM, TODAY)
    assert [f.check for f in middle] == ["premium.over_budget"]
    assert len(everything) == 2


def test_cli_balances_and_journal(demo_db, capsys):
    path = demo_db.url.replace("sqlite:///", "")
    year = str(TODAY.year - 1)
    assert main(["--db", path, "ledger", "balances", "--year", year]) == 0
    out = capsys.readouterr().out
    assert f"Fiscal year {year} (open)" in out
    assert "Bank PEN" in out and "Women's programme" in out and "120.0%" in out
    assert main(["--db", path, "ledger", "journal", "--year", year]) == 0
    out = capsys.readouterr().out
    assert f"{year}-0001" in out and "reversed by" in out and "reverses" in out
    assert main(["--db", path, "ledger", "journal", "--year", year, "--search", "seedlings"]) == 0
    out = capsys.readouterr().out
    assert "Coffee seedlings" in out and "Solar dryers" not in out
    assert main(["--db", path, "ledger", "journal", "--year", year, "--postings"]) == 0
    assert "@ 3." in capsys.readouterr().out


def test_cli_summary_contracts_and_years(demo_db, capsys):
    path = demo_db.url.replace("sqlite:///", "")
    assert (
        main(["--db", path, "ledger", "summary", "--year", str(TODAY.year - 2), "--rate", "3.75"])
        == 0
    )
    out = capsys.readouterr().out
    assert "3.75 PEN per USD" in out and "Carried over" in out
    assert main(["--db", path, "ledger", "contracts"]) == 0
    assert "OVERDUE" in capsys.readouterr().out
    assert main(["--db", path, "ledger", "years"]) == 0
    assert "closed" in capsys.readouterr().out


def test_cli_close_and_reopen(demo_db, capsys, monkeypatch):
    path = demo_db.url.replace("sqlite:///", "")
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")  # the demo's accounts (issue 4)
    as_admin = ["--db", path, "--user", "admin"]
    middle = str(TODAY.year - 1)
    if date.today() <= date(TODAY.year - 1, 12, 31):  # pragma: no cover - clock before TODAY
        return
    assert main(["--db", path, "ledger", "close-year", middle]) == 2  # without --user: read only
    assert "--user" in capsys.readouterr().err
    assert main([*as_admin, "ledger", "close-year", middle]) == 0
    assert "Balances carried by entry" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # --reason is required
        main([*as_admin, "ledger", "reopen-year", middle])
    capsys.readouterr()
    assert main([*as_admin, "ledger", "reopen-year", middle, "--reason", "late invoice"]) == 0
    assert main(["--db", path, "ledger", "years"]) == 0
    assert "late invoice" in capsys.readouterr().out


def test_cli_write_commands(demo_db, capsys, tmp_path, monkeypatch):
    path = demo_db.url.replace("sqlite:///", "")
    monkeypatch.setenv("COOP_DESK_PASSWORD", "demo")  # the demo's treasurer (issue 4)
    day = f"{TODAY.year - 1}-12-15"
    scan = tmp_path / "boleta.jpg"
    scan.write_bytes(b"scan")
    args = [
        "--db",
        path,
        "--user",
        "tesorero",
        "ledger",
        "pay",
        "education",
        "1,875.00",
        "--account",
        "1020",
    ]
    args += ["--payee", "Librería", "--voucher", "B003-77", "--description", "Uniforms"]
    assert main([*args, "--date", day, "--rate", "3.75", "--receipt", str(scan)]) == 0
    out = capsys.readouterr().out
    assert "Uniforms" in out and "1,875.00 PEN" in out
    number = out.split()[1]
    assert (
        main(
            [
                "--db",
                path,
                "--user",
                "tesorero",
                "ledger",
                "reverse",
                number,
                "--reason",
                "duplicate",
            ]
        )
        == 0
    )
    assert f"Reversal of {number}" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                path,
                "--user",
                "tesorero",
                "ledger",
                "receive",
                "-",
                "100",
                "--account",
                "1010",
                "--date",
                day,
            ]
        )
        == 0
    )
    assert "Premium received" in capsys.readouterr().out
    # Bad input is explained, exit 2, nothing written.
    assert (
        main([*args[:-6], "--payee", "X", "--voucher", " ", "--description", "d", "--date", day])
        == 2
    )
    assert "voucher" in capsys.readouterr().err
    assert main(["--db", path, "--user", "tesorero", "ledger", "ship", "NOPE"]) == 2


def test_ledger_checks_given_years_find_what_all_years_find_of_them(demo_db):
    """The Compliance sheet and panel run the ledger checks over their period's years only;
    what they then keep is what the checks over every year (``verify``) give for those years.
    Findings are planted in each year: a payment without a voucher, an entry that does not
    balance."""
    from sqlalchemy import select, text

    from coop_desk.models import JournalEntry, Posting
    from tests.tamper import drop_posted_entry_triggers

    years = [TODAY.year - 2, TODAY.year - 1, TODAY.year]
    with demo_db.engine.begin() as conn:
        drop_posted_entry_triggers(conn)
    with demo_db.transaction(SYSTEM) as s:
        for year in years:
            payment = s.scalar(
                select(JournalEntry.id)
                .where(JournalEntry.fiscal_year == year, JournalEntry.kind == "payment")
                .order_by(JournalEntry.id)
            )
            s.execute(text("UPDATE journal_entry SET voucher = '' WHERE id = :i"), {"i": payment})
            posting = s.scalar(
                select(Posting.id).where(Posting.entry_id == payment).order_by(Posting.id)
            )
            s.execute(text("UPDATE posting SET amount = amount + 1 WHERE id = :i"), {"i": posting})
    with demo_db.reading(SYSTEM) as s:
        planted = set()
        for check in checks.LEDGER_CHECKS:
            everything = check(s, TODAY)
            planted |= {f.check for f in everything}
            for year in years:
                entries = {
                    f"journal_entry {i}"
                    for i in s.scalars(
                        select(JournalEntry.id).where(JournalEntry.fiscal_year == year)
                    )
                }

                def concerns(f, year=year, entries=entries):
                    return f.record in entries or str(year) in f.message

                assert [f for f in check(s, TODAY, years={year}) if concerns(f)] == [
                    f for f in everything if concerns(f)
                ], (check.__name__, year)
        by_year = {year: checks.compliance(s, SYSTEM, TODAY, year=year) for year in years}
    assert {"ledger.unbalanced", "premium.voucher_missing"} <= planted
    for year in years:
        assert {"ledger.unbalanced", "premium.voucher_missing"} <= {f.check for f in by_year[year]}
