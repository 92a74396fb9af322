"""Property tests over the ledger services (hypothesis): whatever the operations, every posted
entry balances per currency and in USD value, balances equal the sum of their postings, and
reversing everything restores every balance exactly."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coop_desk.models import Posting
from coop_desk.services.access import SYSTEM
from coop_desk.services.ledger import (
    accounts,
    checks,
    contracts,
    journal,
    operations,
    plan,
    reports,
)

YEAR = 2024
amounts = st.integers(min_value=100, max_value=5_000_000).map(lambda n: Decimal(n) / 100)
rates = st.integers(min_value=300_000_000, max_value=420_000_000).map(lambda n: Decimal(n) / 10**8)
operation = st.one_of(
    st.tuples(st.just("pay_pen"), amounts, rates, st.integers(0, 6)),
    st.tuples(st.just("pay_usd"), amounts, st.just(Decimal(1)), st.integers(0, 6)),
    st.tuples(st.just("exchange"), amounts, rates, st.just(0)),
    st.tuples(st.just("receipt"), amounts, st.just(Decimal(1)), st.integers(0, 3)),
    st.tuples(st.just("receipt_pen"), amounts, rates, st.integers(0, 3)),
    st.tuples(st.just("opening"), amounts, rates, st.just(0)),
)
PROPS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _run(session, ops):
    actor = SYSTEM
    chart = {a.name: a.id for a in accounts.list_accounts(session, actor)}
    projects = [p.id for p in plan.list_projects(session, actor)]
    buyer = contracts.create_buyer(session, actor, name="B")
    contract = contracts.create_contract(
        session,
        actor,
        contracts.ContractInput(buyer.id, "C", date(YEAR, 1, 1), quantity=Decimal(10)),
    )
    day = date(YEAR, 1, 1)
    entries = []
    for kind, amount, rate, extra in ops:
        day += timedelta(days=1)
        if kind == "pay_pen":
            row = operations.record_project_payment(
                session,
                actor,
                project_id=projects[extra],
                account_id=chart["Bank PEN"],
                entry_date=day,
                amount=amount,
                rate=rate,
                payee="p",
                voucher="v",
                description="d",
                accept=operations.ALL_WARNINGS,
            )
        elif kind == "pay_usd":
            row = operations.record_project_payment(
                session,
                actor,
                project_id=projects[extra],
                account_id=chart["Bank USD"],
                entry_date=day,
                amount=amount,
                payee="p",
                voucher="v",
                description="d",
                accept=operations.ALL_WARNINGS,
            )
        elif kind == "exchange":
            row = operations.record_transfer(
                session,
                actor,
                from_account_id=chart["Bank USD"],
                to_account_id=chart["Bank PEN"],
                entry_date=day,
                amount=amount,
                to_amount=(amount * rate).quantize(Decimal("0.01")) or Decimal("0.01"),
            )
        elif kind in ("receipt", "receipt_pen"):
            bank = chart["Bank USD"] if kind == "receipt" else chart["Bank PEN"]
            row = operations.record_premium_receipt(
                session,
                actor,
                contract_id=contract.id,
                account_id=bank,
                entry_date=day,
                amount=amount,
                bank_charges=Decimal(extra),
                rate=None if kind == "receipt" else rate,
            )
        else:
            row = operations.record_opening_balance(
                session,
                actor,
                account_id=chart["Cash PEN"],
                entry_date=day,
                amount=amount,
                rate=rate,
            )
        entries.append(row)
    return entries


def _position(session):
    return {
        (b.account_id, b.currency): (b.closing, b.closing_usd)
        for b in reports.account_balances(session, SYSTEM, YEAR)
        if b.closing or b.closing_usd
    }


@PROPS
@given(st.lists(operation, min_size=1, max_size=8))
def test_entries_balance_and_balances_are_sums_of_postings(sqlite_db, ops):
    with sqlite_db.reading(SYSTEM) as s:  # rolled back at the end of each example
        entries = _run(s, ops)
        assert checks.check_balanced(s, date(2030, 1, 1)) == []
        assert checks.check_numbering(s, date(2030, 1, 1)) == []
        assert [e.number for e in entries] == [
            f"{YEAR}-{n:04d}" for n in range(1, len(entries) + 1)
        ]
        for entry in entries:
            detail = journal.get_entry(s, SYSTEM, entry.id)
            per_currency: dict[str, Decimal] = defaultdict(Decimal)
            for p in detail.postings:
                per_currency[p.currency] += p.amount
                assert isinstance(p.amount, Decimal) and isinstance(p.usd_value, Decimal)
            assert all(v == 0 for v in per_currency.values())
            assert sum(p.usd_value for p in detail.postings) == 0
        by_hand: dict[tuple[int, str], list[Decimal]] = defaultdict(
            lambda: [Decimal(0), Decimal(0)]
        )
        for p in s.query(Posting).all():
            by_hand[(p.account_id, p.currency)][0] += p.amount
            by_hand[(p.account_id, p.currency)][1] += p.usd_value
        assert _position(s) == {k: tuple(v) for k, v in by_hand.items() if v[0] or v[1]}
        s.rollback()


@PROPS
@given(st.lists(operation, min_size=1, max_size=6), st.data())
def test_a_reversal_restores_balances_exactly(sqlite_db, ops, data):
    with sqlite_db.reading(SYSTEM) as s:
        entries = _run(s, ops[:-1]) if len(ops) > 1 else []
        before = _position(s)
        if not entries:
            _run(s, [])  # buyer and contract only
        extra = _run_more(s, ops[-1:])
        chosen = data.draw(st.sampled_from(extra))
        journal.reverse_entry(s, SYSTEM, chosen.id, reason="test")
        assert _position(s) == before
        assert checks.check_reversals(s, date(2030, 1, 1)) == []
        s.rollback()


def _run_more(session, ops):
    """Operations after the first batch (the buyer and contract exist already)."""
    actor = SYSTEM
    chart = {a.name: a.id for a in accounts.list_accounts(session, actor)}
    projects = [p.id for p in plan.list_projects(session, actor)]
    contract_id = contracts.list_contracts(session, actor)[0].id
    day = date(YEAR, 12, 1)
    rows = []
    for kind, amount, rate, extra in ops:
        if kind in ("pay_pen", "pay_usd"):
            rows.append(
                operations.record_project_payment(
                    session,
                    actor,
                    project_id=projects[extra],
                    account_id=chart["Bank PEN" if kind == "pay_pen" else "Bank USD"],
                    entry_date=day,
                    amount=amount,
                    rate=rate if kind == "pay_pen" else None,
                    payee="p",
                    voucher="v",
                    description="d",
                    accept=operations.ALL_WARNINGS,
                )
            )
        elif kind in ("receipt", "receipt_pen"):
            rows.append(
                operations.record_premium_receipt(
                    session,
                    actor,
                    contract_id=contract_id,
                    account_id=chart["Bank USD" if kind == "receipt" else "Bank PEN"],
                    entry_date=day,
                    amount=amount,
                    bank_charges=Decimal(extra),
                    rate=None if kind == "receipt" else rate,
                )
            )
        else:
            rows.append(
                operations.record_opening_balance(
                    session,
                    actor,
                    account_id=chart["Cash PEN"],
                    entry_date=day,
                    amount=amount,
                    rate=rate,
                )
            )
    return rows
