"""Ledger operations in detail (SQLite): receipts in soles, receipts without a contract, the
scanned receipt kept by its SHA-256, journal filters, manual entries, settings, refusals."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal as D

import pytest

from coop_desk.errors import Conflict, ValidationError
from coop_desk.services import documents
from coop_desk.services.ledger import (
    accounts,
    checks,
    contracts,
    fiscal,
    journal,
    operations,
    plan,
    reports,
    settings,
)
from tests.unit.test_ledger_services import set_up


@pytest.fixture
def books(sqlite_db, actor):
    with sqlite_db.transaction(actor) as s:
        return set_up(s, actor)


def test_receipt_into_a_soles_account_goes_through_the_exchange_account(sqlite_db, actor, books):
    with sqlite_db.transaction(actor) as s:
        operations.record_shipment(s, actor, books.contract_id)
        row = operations.record_premium_receipt(
            s,
            actor,
            contract_id=books.contract_id,
            account_id=books.bank_pen,
            entry_date=date(2024, 6, 1),
            amount=D("3712.50"),
            bank_charges=D("37.50"),
            rate=D("3.75"),
        )
    with sqlite_db.reading(actor) as s:
        detail = journal.get_entry(s, actor, row.id)
        dues = reports.contract_dues(s, actor, today=date(2024, 6, 2))
    legs = {(p.account_name, p.currency): (p.amount, p.usd_value) for p in detail.postings}
    assert legs[("Bank PEN", "PEN")] == (D("3712.50"), D("990.00"))
    assert legs[("Project: Administration", "PEN")] == (D("37.50"), D("10.00"))
    assert legs[("Currency exchange", "PEN")] == (D("-3750.00"), D("-1000.00"))
    assert legs[("Currency exchange", "USD")] == (D("1000.00"), D("1000.00"))
    assert dues[0].received == D("1000.00")
    assert row.total_usd == D("1000.00")


def test_tiny_conversion_is_refused_in_words(sqlite_db, actor, books):
    with pytest.raises(ValidationError, match="less than a cent"):
        with sqlite_db.transaction(actor) as s:
            operations.record_premium_receipt(
                s,
                actor,
                contract_id=books.contract_id,
                account_id=books.bank_pen,
                entry_date=date(2024, 6, 1),
                amount=D("0.01"),
                rate=D("3.75"),
            )


def test_receipt_without_contract_credits_income(sqlite_db, actor, books):
    with sqlite_db.transaction(actor) as s:
        row = operations.record_premium_receipt(
            s,
            actor,
            contract_id=None,
            account_id=books.bank_usd,
            entry_date=date(2024, 2, 1),
            amount=D("1200.00"),
            description="Premium 2023 from the old cash book",
        )
        fund = reports.fund_report(s, actor, 2024)
    assert row.contract_id is None
    assert fund.earned == fund.received == D("1200.00")


def test_payment_keeps_the_scanned_receipt_by_its_hash(sqlite_db, actor, books, tmp_path):
    scan = tmp_path / "Factura F001-231.PDF"
    scan.write_bytes(b"%PDF-1.4 receipt of the solar dryers")
    with sqlite_db.transaction(actor) as s:
        row = operations.record_project_payment(
            s,
            actor,
            project_id=books.projects["quality_improvement"],
            account_id=books.bank_usd,
            entry_date=date(2024, 4, 2),
            amount=D("300.00"),
            payee="Metalmecánica",
            voucher="F001-231",
            description="Solar dryer",
            receipt_file=scan,
            accept=operations.ALL_WARNINGS,
        )
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert row.document_sha256 == digest and row.document_name == scan.name
    with sqlite_db.reading(actor) as s:
        assert documents.document_content(s, actor, digest) == scan.read_bytes()
        assert documents.check_document(s, actor, digest).intact
    with pytest.raises(ValidationError, match="does not exist"):
        with sqlite_db.transaction(actor) as s:
            operations.record_project_payment(
                s,
                actor,
                project_id=books.projects["quality_improvement"],
                account_id=books.bank_usd,
                entry_date=date(2024, 4, 2),
                amount=D("1.00"),
                payee="x",
                voucher="y",
                description="z",
                receipt_file=tmp_path / "missing.pdf",
            )


def test_journal_filters(sqlite_db, actor, books):
    with sqlite_db.transaction(actor) as s:
        operations.record_shipment(s, actor, books.contract_id)
        for key, day, text in (
            ("education_fund", date(2024, 4, 1), "Cuadernos"),
            ("crop_renovation", date(2024, 5, 1), "Plantones de café"),
        ):
            operations.record_project_payment(
                s,
                actor,
                project_id=books.projects[key],
                account_id=books.bank_usd,
                entry_date=day,
                amount=D("10.00"),
                payee="Proveedor",
                voucher=f"V-{day.month}",
                description=text,
                accept=operations.ALL_WARNINGS,
            )

    def numbers(**kw: object) -> list[str]:
        with sqlite_db.reading(actor) as s:
            return [
                r.description for r in journal.list_entries(s, actor, journal.JournalFilter(**kw))
            ]

    assert numbers(text="cafe") == ["Plantones de café"]  # accents and case ignored
    assert numbers(text="V-4") == ["Cuadernos"]  # voucher searchable
    assert numbers(project_id=books.projects["crop_renovation"]) == ["Plantones de café"]
    assert numbers(date_from=date(2024, 4, 15), kind="payment") == ["Plantones de café"]
    assert len(numbers(account_id=books.bank_usd)) == 2
    assert len(numbers(contract_id=books.contract_id)) == 1
    with sqlite_db.reading(actor) as s:
        lines = journal.list_journal_lines(s, actor, journal.JournalFilter(kind="payment"))
        assert len(journal.list_entries(s, actor, journal.JournalFilter(year=2024))) == 3
        paged = journal.list_entries(s, actor, journal.JournalFilter(year=2024), limit=2, offset=1)
    assert len(lines) == 4 and sum(line.amount for line in lines) == 0
    # Date order: 2024-0002 (1 Apr), 2024-0003 (1 May), 2024-0001 (shipped 2 May).
    assert [r.number for r in paged] == ["2024-0003", "2024-0001"]


def test_manual_entry_collects_every_problem(sqlite_db, actor, books):
    with pytest.raises(ValidationError) as err:
        with sqlite_db.transaction(actor) as s:
            journal.post_entry(
                s,
                actor,
                entry_date=date(2024, 3, 1),
                description="",
                postings=[
                    journal.PostingInput(books.bank_usd, D("10.00")),
                    journal.PostingInput(books.bank_pen, D("-37.00")),  # no rate, no balance
                ],
            )
    messages = " | ".join(p.describe() for p in err.value.problems)
    assert "description" in messages and "rate" in messages
    with pytest.raises(ValidationError, match="kept in PEN"):
        with sqlite_db.transaction(actor) as s:
            journal.post_entry(
                s,
                actor,
                entry_date=date(2024, 3, 1),
                description="wrong currency",
                postings=[
                    journal.PostingInput(books.bank_pen, D("10.00"), "USD"),
                    journal.PostingInput(books.bank_usd, D("-10.00")),
                ],
            )
    with sqlite_db.transaction(actor) as s:
        row = journal.post_entry(
            s,
            actor,
            entry_date=date(2024, 3, 1),
            description="Petty cash from the soles account",
            postings=[
                journal.PostingInput(books.cash_pen, D("100.00"), rate=D("3.7")),
                journal.PostingInput(books.bank_pen, D("-100.00"), rate=D("3.7")),
            ],
        )
    assert row.kind == "manual" and row.total_usd == D("27.03")


def test_shipment_rules_and_contract_lock(sqlite_db, actor, books):
    with sqlite_db.transaction(actor) as s:
        entry = operations.record_shipment(s, actor, books.contract_id)
    with pytest.raises(Conflict, match="already posted"):
        with sqlite_db.transaction(actor) as s:
            operations.record_shipment(s, actor, books.contract_id)
    with sqlite_db.reading(actor) as s:
        current = contracts.get_contract(s, actor, books.contract_id)
    assert current.shipment_entry_id == entry.id
    changed = contracts.ContractInput(**{**current.to_input().__dict__, "quantity": D(300)})
    with pytest.raises(Conflict, match="Reverse the shipment"):
        with sqlite_db.transaction(actor) as s:
            contracts.update_contract(s, actor, books.contract_id, changed)
    with sqlite_db.transaction(actor) as s:
        journal.reverse_entry(s, actor, entry.id, reason="quantity corrected")
        updated = contracts.update_contract(s, actor, books.contract_id, changed)
        again = operations.record_shipment(s, actor, books.contract_id)
    assert updated.premium_due == D("9127.14")
    assert again.number == "2024-0003"
    with pytest.raises(ValidationError) as err:
        with sqlite_db.transaction(actor) as s:
            contracts.create_contract(
                s,
                actor,
                contracts.ContractInput(
                    books.buyer_id, "CC-2024-01", None, quantity=D(0), quantity_unit="tons"
                ),
            )
    assert {p.field for p in err.value.problems} == {
        "number",
        "signing_date",
        "quantity",
        "quantity_unit",
    }


def test_reversal_of_an_entry_in_a_closed_year_needs_an_open_date(sqlite_db, actor, books):
    with sqlite_db.transaction(actor) as s:
        entry = operations.record_shipment(s, actor, books.contract_id)
        fiscal.close_year(s, actor, 2024, today=date(2025, 1, 10))
    with pytest.raises(ValidationError, match="closed"):
        with sqlite_db.transaction(actor) as s:
            journal.reverse_entry(s, actor, entry.id, reason="wrong buyer")
    with sqlite_db.transaction(actor) as s:
        reversal = journal.reverse_entry(
            s, actor, entry.id, reason="wrong buyer", entry_date=date(2025, 1, 10)
        )
        carry = fiscal.carry_entry_number(s, 2025)
    assert reversal.number == "2025-0002" and carry == "2025-0001"
    with pytest.raises(Conflict, match="reopening"):
        with sqlite_db.transaction(actor) as s:
            carry_id = journal.list_entries(s, actor, journal.JournalFilter(kind="carry"))[0].id
            journal.reverse_entry(s, actor, carry_id, reason="no")
    with pytest.raises(ValidationError, match="in order|ends on"):
        with sqlite_db.transaction(actor) as s:
            fiscal.close_year(s, actor, 2025, today=date(2025, 6, 1))


def test_settings_and_budget_status(sqlite_db, actor, books):
    with sqlite_db.transaction(actor) as s:
        saved = settings.save_ledger_settings(s, actor, settings.LedgerSettings("block", 30))
        status = plan.budget_status(s, actor, books.projects["education_fund"], date(2024, 5, 1))
        early = plan.budget_status(s, actor, books.projects["education_fund"], date(2024, 3, 1))
    assert saved == settings.LedgerSettings("block", 30)
    assert status.approved == D("1500.00") and status.remaining == D("1500.00")
    assert early.approved is None and early.remaining is None
    with pytest.raises(ValidationError) as err:
        with sqlite_db.transaction(actor) as s:
            settings.save_ledger_settings(s, actor, settings.LedgerSettings("ignore", -1))
    assert {p.field for p in err.value.problems} == {"over_budget", "overdue_days"}


def test_compliance_findings_name_the_problem(sqlite_db, actor, books):
    with sqlite_db.transaction(actor) as s:
        operations.record_shipment(s, actor, books.contract_id)
        operations.record_premium_receipt(
            s,
            actor,
            contract_id=books.contract_id,
            account_id=books.bank_usd,
            entry_date=date(2024, 6, 1),
            amount=D("4000.00"),
        )
        # Before the GA approval (2024-03-15) and beyond the budget, in warn mode.
        operations.record_project_payment(
            s,
            actor,
            project_id=books.projects["womens_programme"],
            account_id=books.bank_usd,
            entry_date=date(2024, 3, 1),
            amount=D("1600.00"),
            payee="Comité",
            voucher="R-1",
            description="Workshop",
            accept=operations.ALL_WARNINGS,
        )
        # A manual entry to a project without a voucher.
        journal.post_entry(
            s,
            actor,
            entry_date=date(2024, 7, 1),
            description="Adjustment",
            postings=[
                journal.PostingInput(
                    plan.get_project(s, actor, books.projects["education_fund"]).account_id,
                    D("5.00"),
                    "USD",
                ),
                journal.PostingInput(books.bank_usd, D("-5.00")),
            ],
        )
        findings = checks.compliance(s, actor, date(2025, 3, 1))
    found = {f.check: f.message for f in findings}
    assert "before the General Assembly approved" in found["premium.before_approval"]
    assert "over its approved budget" in found["premium.over_budget"]
    assert "no voucher" in found["premium.voucher_missing"]
    assert "25%" in found["premium.quality_share"]
    assert "still not received" in found["premium.overdue"]
    assert all(f.severity == "warning" for f in findings)


def test_opening_balance_of_a_receivable(sqlite_db, actor, books):
    with sqlite_db.transaction(actor) as s:
        receivable = contracts.list_buyers(s, actor)[0].account_id
        operations.record_opening_balance(
            s, actor, account_id=receivable, entry_date=date(2024, 1, 2), amount=D("800.00")
        )
        fund = reports.fund_report(s, actor, 2024)
    assert fund.opening_balances == D("800.00") and fund.receivable == D("800.00")
    with pytest.raises(ValidationError, match="bank or cash"):
        with sqlite_db.transaction(actor) as s:
            income = accounts.list_accounts(s, actor, roles=("premium_income",))[0].id
            operations.record_opening_balance(
                s, actor, account_id=income, entry_date=date(2024, 1, 2), amount=D("1")
            )


def test_contract_delete_and_approval_correction(sqlite_db, actor, books):
    with sqlite_db.transaction(actor) as s:
        spare = contracts.create_contract(
            s,
            actor,
            contracts.ContractInput(books.buyer_id, "TYPO", date(2024, 2, 1), quantity=D(5)),
        )
        contracts.delete_contract(s, actor, spare.id)
        operations.record_shipment(s, actor, books.contract_id)
        approval = plan.list_approvals(s, actor, 2024)[0]
    with pytest.raises(Conflict, match="stays in the books"):
        with sqlite_db.transaction(actor) as s:
            contracts.delete_contract(s, actor, books.contract_id)
    with sqlite_db.transaction(actor) as s:
        fixed = plan.correct_approval_details(
            s,
            actor,
            approval.id,
            plan.ApprovalInput(approval.approval_date, "Acta 03-2024-B", 120, 42, 101, 4, 15),
        )
        assert [c.number for c in contracts.list_contracts(s, actor)] == ["CC-2024-01"]
    assert fixed.minutes_number == "Acta 03-2024-B" and fixed.women_present == 42
    assert fixed.lines == approval.lines


def test_budget_names_each_payment_no_budget_had_approved_on_its_date(db, actor):
    """``premium.budget`` reads only the payments its query finds unapproved (in SQL, on
    both databases): before the approval, and in a year without a budget, named in date
    order; on the approval day and after it, nothing."""
    with db.transaction(actor) as s:
        books = set_up(s, actor)
        operations.record_premium_receipt(
            s,
            actor,
            contract_id=None,
            account_id=books.bank_usd,
            entry_date=date(2024, 1, 10),
            amount=D("9000.00"),
        )
        paid = {}
        for day, project in (
            (date(2024, 3, 1), "womens_programme"),  # before the approval of 2024-03-15
            (date(2024, 3, 15), "womens_programme"),  # the day of the approval
            (date(2024, 2, 1), "education_fund"),  # before it
            (date(2024, 7, 1), "education_fund"),  # after it
            (date(2025, 2, 1), "education_fund"),  # 2025 has no approved budget
        ):
            paid[day] = operations.record_project_payment(
                s,
                actor,
                project_id=books.projects[project],
                account_id=books.bank_usd,
                entry_date=day,
                amount=D("10.00"),
                payee="Comité",
                voucher=f"R-{day}",
                description="Workshop",
                accept=operations.ALL_WARNINGS,
            ).id
    with db.reading(actor) as s:
        found = checks.check_budget(s, date(2026, 3, 1))
    assert [(f.check, f.record) for f in found] == [
        ("premium.before_approval", f"journal_entry {paid[date(2024, 2, 1)]}"),
        ("premium.before_approval", f"journal_entry {paid[date(2024, 3, 1)]}"),
        ("premium.no_budget", f"journal_entry {paid[date(2025, 2, 1)]}"),
    ]
    assert "(2024-03-15)" in found[0].message and "in 2025" in found[2].message
