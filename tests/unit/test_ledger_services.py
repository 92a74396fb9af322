"""Premium ledger services on SQLite and PostgreSQL: contracts, plan, operations, journal
immutability, reversals, year close and reopen, reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal as D

import pytest

from coop_desk.errors import Conflict, PermissionDenied, ValidationError
from coop_desk.models import JournalEntry, Posting
from coop_desk.services import cooperative
from coop_desk.services.access import Actor, Role
from coop_desk.services.ledger import (
    accounts,
    checks,
    contracts,
    fiscal,
    journal,
    operations,
    plan,
    reports,
)

TREASURER = Actor("tesorera", Role.TREASURER)
AUDITOR = Actor("auditor", Role.AUDITOR)


@dataclass
class Books:
    buyer_id: int
    contract_id: int
    bank_usd: int
    bank_pen: int
    cash_pen: int
    projects: dict[str, int]


def set_up(session, actor, *, approve: bool = True) -> Books:
    buyer = contracts.create_buyer(session, actor, name="Cooperative Coffees", country="US")
    contract = contracts.create_contract(
        session,
        actor,
        contracts.ContractInput(
            buyer.id,
            "CC-2024-01",
            date(2024, 3, 1),
            quantity=D(275),
            shipment_date=date(2024, 5, 2),
        ),
    )
    by_name = {a.name: a.id for a in accounts.list_accounts(session, actor)}
    projects = {p.key or p.name: p.id for p in plan.list_projects(session, actor)}
    if approve:
        plan.record_approval(
            session,
            actor,
            2024,
            plan.ApprovalInput(date(2024, 3, 15), "Acta 03-2024", 120, 41, 101, 4, 15),
            {pid: D("1500.00") for pid in projects.values()},
        )
    return Books(
        buyer.id,
        contract.id,
        by_name["Bank USD"],
        by_name["Bank PEN"],
        by_name["Cash PEN"],
        projects,
    )


def test_contract_figures_come_from_the_rate_table(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
    with db.reading(actor) as s:
        row = contracts.get_contract(s, actor, books.contract_id)
        rates = contracts.list_rates(s, actor)
    assert (row.pounds, row.premium_due, row.quality_share) == (
        D("41832.71"),
        D("8366.54"),
        D("2091.64"),
    )
    assert len(rates) == 4  # DOMAIN.md defaults for both schemes
    # Editing the table changes the computed figures (nothing is stored on the contract).
    fi_2023 = next(r for r in rates if r.scheme == "fairtrade" and r.valid_from.year == 2023)
    with db.transaction(actor) as s:
        terms = fi_2023.terms()
        contracts.save_rate(
            s,
            actor,
            type(terms)(**{**terms.__dict__, "premium": D("0.25")}),
            fi_2023.id,
        )
    with db.reading(actor) as s:
        assert contracts.get_contract(s, actor, books.contract_id).premium_due == D("10458.18")


def test_receipt_payment_exchange_and_balances(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
        operations.record_shipment(s, actor, books.contract_id)
        operations.record_premium_receipt(
            s,
            actor,
            contract_id=books.contract_id,
            account_id=books.bank_usd,
            entry_date=date(2024, 6, 10),
            amount=D("5000.00"),
            bank_charges=D("25.00"),
        )
        operations.record_transfer(
            s,
            actor,
            from_account_id=books.bank_usd,
            to_account_id=books.bank_pen,
            entry_date=date(2024, 6, 11),
            amount=D("1000.00"),
            to_amount=D("3750.00"),
        )
        paid = operations.record_project_payment(
            s,
            actor,
            project_id=books.projects["quality_improvement"],
            account_id=books.bank_pen,
            entry_date=date(2024, 6, 12),
            amount=D("1875.00"),
            rate=D("3.75"),
            payee="Metalmecánica Jaén",
            voucher="F001-00231",
            description="Solar dryer",
        )
    assert paid.number == "2024-0004" and paid.total_usd == D("500.00")
    with db.reading(actor) as s:
        balances = {(b.name, b.currency): b for b in reports.account_balances(s, actor, 2024)}
        fund = reports.fund_report(s, actor, 2024)
        projects = {p.name: p for p in reports.project_balances(s, actor, 2024)}
        dues = reports.contract_dues(s, actor, today=date(2024, 7, 1))
    assert balances[("Bank USD", "USD")].closing == D("4000.00")
    assert balances[("Bank PEN", "PEN")].closing == D("1875.00")
    assert balances[("Bank PEN", "PEN")].closing_usd == D("500.00")
    receivable = next(b for (n, _c), b in balances.items() if n.startswith("Premium receivable"))
    assert receivable.closing == D("3341.54")
    assert fund.earned == D("8366.54") and fund.received == D("5025.00")
    assert fund.spent == D("525.00")  # 500 quality improvement + 25 bank charges
    assert fund.closing == D("7841.54")
    assert fund.cash == D("4500.00") and fund.receivable == D("3341.54")
    quality = projects["Quality improvement"]
    assert (quality.approved, quality.spent, quality.remaining) == (
        D("1500.00"),
        D("500.00"),
        D("1000.00"),
    )
    assert quality.percent_used == D("33.3") and quality.paid_local == D("1875.00")
    assert projects["Administration"].spent == D("25.00")
    assert dues[0].received == D("5025.00") and dues[0].outstanding == D("3341.54")


def test_posted_entries_cannot_be_edited_or_deleted(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
        entry = operations.record_shipment(s, actor, books.contract_id)
    # No service changes a posted entry, and the session guard refuses any code that tries.
    with pytest.raises(Conflict, match="cannot be changed"):
        with db.transaction(actor) as s:
            s.get(JournalEntry, entry.id).description = "tampered"  # type: ignore[union-attr]
            s.flush()
    with pytest.raises(Conflict, match="cannot be deleted"):
        with db.transaction(actor) as s:
            posting = s.query(Posting).filter_by(entry_id=entry.id).first()
            s.delete(posting)
            s.flush()
    with db.reading(actor) as s:
        detail = journal.get_entry(s, actor, entry.id)
    assert detail.entry.description.startswith("Premium due")
    assert len(detail.postings) == 2


def test_reversal_restores_balances_and_links_both_ways(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
        operations.record_opening_balance(
            s,
            actor,
            account_id=books.bank_pen,
            entry_date=date(2024, 1, 2),
            amount=D("9000.00"),
            rate=D("3.71"),
        )
        before = reports.account_balances(s, actor, 2024)
        paid = operations.record_project_payment(
            s,
            actor,
            project_id=books.projects["education_fund"],
            account_id=books.bank_pen,
            entry_date=date(2024, 4, 1),
            amount=D("333.33"),
            rate=D("3.7123"),
            payee="Librería",
            voucher="B-77",
            description="School supplies",
        )
        reversal = journal.reverse_entry(s, actor, paid.id, reason="wrong project")
        after = reports.account_balances(s, actor, 2024)
        rows = journal.list_entries(s, actor, journal.JournalFilter(year=2024))
    assert [(b.account_id, b.currency, b.closing, b.closing_usd) for b in before] == [
        (b.account_id, b.currency, b.closing, b.closing_usd)
        for b in after
        if b.closing or b.closing_usd
    ]
    original = next(r for r in rows if r.id == paid.id)
    assert original.reversed_by_number == reversal.number
    assert reversal.reverses_number == paid.number
    with pytest.raises(Conflict, match="already been reversed"):
        with db.transaction(actor) as s:
            journal.reverse_entry(s, actor, paid.id, reason="again")


def test_voucher_is_required_and_blocking_setting(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
    with pytest.raises(ValidationError) as err:
        with db.transaction(actor) as s:
            operations.record_project_payment(
                s,
                actor,
                project_id=books.projects["education_fund"],
                account_id=books.bank_usd,
                entry_date=date(2024, 4, 1),
                amount=D("10.00"),
                payee="",
                voucher=" ",
                description="x",
            )
    assert {p.field for p in err.value.problems} == {"payee", "voucher"}
    with db.transaction(actor) as s:
        cooperative.set_setting(s, actor, operations.OVER_BUDGET_SETTING, "block")
    with pytest.raises(ValidationError, match="over the approved budget"):
        with db.transaction(actor) as s:
            operations.record_project_payment(
                s,
                actor,
                project_id=books.projects["education_fund"],
                account_id=books.bank_usd,
                entry_date=date(2024, 4, 1),
                amount=D("1500.01"),
                payee="X",
                voucher="1",
                description="too much",
            )
    with pytest.raises(ValidationError, match="no budget approved"):
        with db.transaction(actor) as s:
            operations.record_project_payment(
                s,
                actor,
                project_id=books.projects["education_fund"],
                account_id=books.bank_usd,
                entry_date=date(2024, 3, 1),  # before the GA approval
                amount=D("1.00"),
                payee="X",
                voucher="1",
                description="early",
            )


def test_year_close_locks_carries_and_reopen_is_recorded(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
        operations.record_shipment(s, actor, books.contract_id)
        operations.record_premium_receipt(
            s,
            actor,
            contract_id=books.contract_id,
            account_id=books.bank_usd,
            entry_date=date(2024, 6, 10),
            amount=D("8366.54"),
        )
        operations.record_transfer(
            s,
            actor,
            from_account_id=books.bank_usd,
            to_account_id=books.bank_pen,
            entry_date=date(2024, 6, 11),
            amount=D("1000.00"),
            to_amount=D("3712.37"),
        )
        before = reports.fund_report(s, actor, 2024)
        operations.record_project_payment(
            s,
            actor,
            project_id=books.projects["crop_renovation"],
            account_id=books.bank_usd,
            entry_date=date(2025, 1, 15),
            amount=D("100.00"),
            payee="Vivero",
            voucher="R-1",
            description="seedlings",
            accept=operations.ALL_WARNINGS,
        )
        provisional = reports.fund_report(s, actor, 2025)
    assert provisional.provisional and provisional.opening == before.closing
    with db.transaction(TREASURER) as s:
        closed = fiscal.close_year(s, TREASURER, 2024, today=date(2025, 2, 1))
    assert closed.closed
    with db.reading(actor) as s:
        opened = reports.fund_report(s, actor, 2025)
        bal = {(b.name, b.currency): b for b in reports.account_balances(s, actor, 2025)}
        carry = journal.list_entries(s, actor, journal.JournalFilter(year=2025, kind="carry"))
    assert not opened.provisional and opened.opening == before.closing
    assert opened.closing == before.closing - D("100.00")
    assert bal[("Bank PEN", "PEN")].opening == D("3712.37")
    assert bal[("Bank USD", "USD")].closing == D("7266.54")
    assert carry[0].number == "2025-0002" and carry[0].entry_date == date(2025, 1, 1)
    # The closed year is locked.
    with pytest.raises(ValidationError, match="closed"):
        with db.transaction(actor) as s:
            operations.record_opening_balance(
                s, actor, account_id=books.bank_usd, entry_date=date(2024, 12, 31), amount=D("1")
            )
    # Reopening needs the permission and a reason, and is recorded.
    with pytest.raises(PermissionDenied):
        with db.transaction(TREASURER) as s:
            fiscal.reopen_year(s, TREASURER, 2024, reason="fix")
    with pytest.raises(ValidationError):
        with db.transaction(actor) as s:
            fiscal.reopen_year(s, actor, 2024, reason=" ")
    with db.transaction(actor) as s:
        reopened = fiscal.reopen_year(s, actor, 2024, reason="a missing bank charge")
    assert not reopened.closed
    assert [(e.action, e.reason) for e in reopened.events] == [
        ("close", ""),
        ("reopen", "a missing bank charge"),
    ]
    with db.reading(actor) as s:
        again = reports.fund_report(s, actor, 2025)
        findings = checks.compliance(s, actor, date(2025, 2, 1))
    assert again.provisional and again.opening == before.closing
    assert not [f for f in findings if f.severity == "error"]


def test_auditor_reads_but_cannot_write(db, actor):
    with db.transaction(actor) as s:
        set_up(s, actor)
    with db.reading(AUDITOR) as s:
        assert accounts.list_accounts(s, AUDITOR)
    with pytest.raises(PermissionDenied):
        with db.transaction(AUDITOR) as s:
            contracts.create_buyer(s, AUDITOR, name="X")


def test_budget_revision_keeps_history(db, actor):
    with db.transaction(actor) as s:
        books = set_up(s, actor)
        edu = books.projects["education_fund"]
        plan.record_approval(
            s,
            actor,
            2024,
            plan.ApprovalInput(date(2024, 9, 1), "Acta 09-2024", 90, 30, 80, 2, 8),
            {edu: D("2500.00")},
        )
    with db.reading(actor) as s:
        versions = plan.list_approvals(s, actor, 2024)
        rows = {p.name: p for p in reports.project_balances(s, actor, 2024)}
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].total == D("10500.00") and not versions[0].current
    assert versions[1].current and versions[1].lines[0].amount == D("2500.00")
    assert rows["Education fund"].approved == D("2500.00")
    assert "Crop renovation" not in rows  # no budget in the version in force, no spending


def test_new_projects_and_bank_accounts_get_their_accounts(db, actor):
    """The seeded chart leaves the id sequences usable (PostgreSQL) and codes unique."""
    with db.transaction(actor) as s:
        project = plan.create_project(
            s,
            actor,
            plan.ProjectInput(
                name="Drying house in El Palto",
                objective="A shared drying house",
                responsible="Comité de calidad",
                productivity_quality=True,
            ),
        )
        bank = accounts.create_money_account(s, actor, name="Caja Huancayo EUR", currency="eur")
    with db.reading(actor) as s:
        chart = {a.id: a for a in accounts.list_accounts(s, actor)}
        projects = plan.list_projects(s, actor)
    assert project.id == max(p.id for p in projects) and project.id > 7
    assert chart[project.account_id].role == "project_expense"
    assert chart[bank.id].currency == "EUR" and chart[bank.id].role == "bank"
    assert len({a.code for a in chart.values()}) == len(chart)
    with pytest.raises(ValidationError):
        with db.transaction(actor) as s:
            plan.create_project(s, actor, plan.ProjectInput(name="education FUND"))
