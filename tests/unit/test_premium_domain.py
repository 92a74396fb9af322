"""Premium rules and double-entry arithmetic (pure domain), with hypothesis properties."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coop_desk.domain.ledger import Leg, balance_problems, usd_values
from coop_desk.domain.money import MoneyError, allocate
from coop_desk.domain.premium import (
    Process,
    QuantityUnit,
    Scheme,
    contract_figures,
    contract_kg,
    default_rates,
    fiscal_year_of,
    pick_rate,
)
from coop_desk.models.base import Money


def test_domain_worked_example_275_bags():
    """DOMAIN.md: 275 bags = 18,975 kg = 41,832.71 lb; premium USD 8,366.54; 25% = 2,091.64."""
    kg = contract_kg(Decimal(275), QuantityUnit.BAGS)
    assert kg == Decimal(18975)
    terms = pick_rate(default_rates(), Scheme.FAIRTRADE, date(2024, 3, 1))
    fig = contract_figures(kg, terms, organic=False)
    assert fig.pounds == Decimal("41832.71")
    assert fig.premium_due == Decimal("8366.54")
    assert fig.quality_share == Decimal("2091.64")
    assert fig.organic_differential == Decimal("0.00")
    assert fig.minimum_price == Decimal("1.80")


def test_rate_table_switches_on_2023_08_01():
    rates = default_rates()
    before = pick_rate(rates, Scheme.FAIRTRADE, date(2023, 7, 31))
    after = pick_rate(rates, Scheme.FAIRTRADE, date(2023, 8, 1))
    assert before is not None and after is not None
    assert (before.minimum_washed, before.minimum_natural) == (Decimal("1.40"), Decimal("1.35"))
    assert (after.minimum_washed, after.minimum_natural) == (Decimal("1.80"), Decimal("1.75"))
    assert before.organic_differential == Decimal("0.30")
    assert after.organic_differential == Decimal("0.40")
    assert before.premium == after.premium == Decimal("0.20")
    assert pick_rate(rates, Scheme.NONE, date(2024, 1, 1)) is None
    fig = contract_figures(Decimal(18975), after, organic=True, process=Process.NATURAL)
    assert fig.organic_differential == Decimal("16733.09")  # 41,832.7142... x 0.40
    assert fig.minimum_price == Decimal("1.75")


def test_no_scheme_earns_no_premium():
    fig = contract_figures(Decimal(1000), None, organic=True)
    assert fig.premium_due == 0 and fig.quality_share == 0


def test_fiscal_year_with_a_later_start_month():
    assert fiscal_year_of(date(2025, 3, 31), 4) == 2024
    assert fiscal_year_of(date(2025, 4, 1), 4) == 2025


def test_money_column_refuses_float():
    column = Money()
    with pytest.raises(MoneyError):
        column.process_bind_param(0.1, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="decimals"):
        column.process_bind_param(Decimal("0.001"), None)  # type: ignore[arg-type]
    assert column.process_bind_param(Decimal("12.34"), None) == 1234  # type: ignore[arg-type]


def test_balance_problems_name_the_currency():
    legs = [Leg("USD", Decimal("10.00"), Decimal(1)), Leg("PEN", Decimal("-37.00"), Decimal("3.7"))]
    problems = balance_problems(legs)
    assert any("USD" in p for p in problems) and any("PEN" in p for p in problems)


cents = st.integers(min_value=1, max_value=10**9).map(lambda n: Decimal(n) / 100)
rates = st.integers(min_value=1, max_value=10**9).map(lambda n: Decimal(n) / 10**8)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(cents, min_size=1, max_size=5),
    st.lists(cents, min_size=1, max_size=5),
    rates,
    st.lists(cents, min_size=0, max_size=3),
)
def test_every_entry_balances_in_usd_to_the_cent(debits, credits_raw, rate, usd_debits):
    """Whatever the rate and the split, the USD values of a balanced entry add up to zero,
    USD legs keep their amount, and each value is within 1.5 cents of the exact one."""
    total = sum(debits, Decimal(0))
    credits = allocate(total, credits_raw)
    credits = [c for c in credits if c != 0]
    legs = [Leg("PEN", d, rate) for d in debits] + [Leg("PEN", -c, rate) for c in credits]
    usd_total = sum(usd_debits, Decimal(0))
    legs += [Leg("USD", d, Decimal(1)) for d in usd_debits]
    if usd_total:
        legs.append(Leg("USD", -usd_total, Decimal(1)))
    assert not [p for p in balance_problems(legs) if "balance" in p]
    values = usd_values(legs)
    assert sum(values, Decimal(0)) == 0
    for leg, value in zip(legs, values, strict=True):
        if leg.currency == "USD":
            assert value == leg.amount
        else:
            # Largest remainder: within a cent of the split of the rounded total, which is
            # itself within half a cent of the exact total.
            assert abs(value - leg.amount / leg.rate) < Decimal("0.015") + Decimal("1e-12")
            assert value == value.quantize(Decimal("0.01"))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=-(10**9), max_value=10**9).map(lambda n: Decimal(n) / 100),
    st.lists(st.integers(min_value=0, max_value=10**6).map(Decimal), min_size=1, max_size=12),
)
def test_percentage_splits_add_up_exactly(total, weights):
    if sum(weights) == 0:
        weights = [*weights[:-1], Decimal(1)]
    parts = allocate(total, weights)
    assert sum(parts, Decimal(0)) == total
    assert all(p == p.quantize(Decimal("0.01")) for p in parts)


def test_no_float_in_amounts():
    with pytest.raises(MoneyError):
        usd_values([Leg("PEN", 1.5, Decimal("3.7")), Leg("PEN", Decimal("-1.5"), Decimal("3.7"))])  # type: ignore[arg-type]
