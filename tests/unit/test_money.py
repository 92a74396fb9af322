"""Exact money: parsing what people type, rounding once, splits that add up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_desk.domain.money import MoneyError, allocate, parse_amount, round_money, to_decimal
from coop_desk.domain.units import KG_PER_BAG, kg_to_lb

cents = st.integers(min_value=-(10**12), max_value=10**12).map(lambda n: Decimal(n).scaleb(-2))
weights = st.lists(st.integers(min_value=0, max_value=10**6).map(Decimal), min_size=1, max_size=12)


@given(cents, weights.filter(lambda w: sum(w) > 0))
def test_allocate_adds_up_exactly(total, ws):
    parts = allocate(total, ws)
    assert sum(parts) == total
    assert all(p == round_money(p) for p in parts)


@given(cents.filter(lambda t: t >= 0), weights.filter(lambda w: sum(w) > 0))
def test_allocate_parts_are_within_a_cent_of_their_share(total, ws):
    parts = allocate(total, ws)
    share = [total * w / sum(ws) for w in ws]
    assert all(abs(p - s) < Decimal("0.01") for p, s in zip(parts, share, strict=True))


def test_allocate_example():
    assert allocate(Decimal("100.00"), [Decimal(1)] * 3) == [
        Decimal("33.34"),
        Decimal("33.33"),
        Decimal("33.33"),
    ]


def test_allocate_is_exact_where_decimal_division_is_not():
    """The split is computed with fractions: a share larger by 1 in 10**30 gets the cent (the
    old Decimal division, 28 digits, saw a tie and gave it to the first part)."""
    assert allocate(Decimal("0.01"), [Decimal(10**30), Decimal(10**30 + 1)]) == [
        Decimal("0.00"),
        Decimal("0.01"),
    ]


@given(
    st.lists(
        st.integers(min_value=1, max_value=10**9).map(lambda n: Decimal(n) / 100),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=1, max_value=10**9).map(lambda n: Decimal(n) / 10**6),
)
def test_the_ledger_splits_usd_values_with_the_same_routine(debits, rate):
    """One allocation routine: the USD values of the debit side of an entry in soles are the
    rounded USD total split by ``allocate`` over the amounts (same rate, same proportions)."""
    from coop_desk.domain.ledger import Leg, usd_values

    total = sum(debits, Decimal(0))
    legs = [Leg("PEN", d, rate) for d in debits] + [Leg("PEN", -total, rate)]
    values = usd_values(legs)
    usd_total = -values[-1]
    assert values[:-1] == allocate(usd_total, debits)


def test_float_is_refused():
    with pytest.raises(MoneyError):
        to_decimal(0.1)


@pytest.mark.parametrize(
    ("text", "point", "expected"),
    [
        ("1,250.50", ".", "1250.50"),
        ("1250.5", ".", "1250.5"),
        ("1.250,50", ",", "1250.50"),
        ("1250,5", ",", "1250.5"),
        ("1,250", ".", "1250"),
        ("1,25", ".", "1.25"),
        ("1.250", ",", "1250"),
        ("S/ 1 250.00", ".", "1250.00"),
        ("US$ 8,366.54", ".", "8366.54"),
        ("(25.00)", ".", "-25.00"),
        ("1,234,567.89", ".", "1234567.89"),
    ],
)
def test_parse_amount_as_people_type(text, point, expected):
    assert parse_amount(text, point) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1..2", "1,2,3.4.5"])
def test_parse_amount_refuses_nonsense(text):
    with pytest.raises(MoneyError):
        parse_amount(text)


def test_domain_units_example():
    kg = 275 * KG_PER_BAG
    assert kg == Decimal("18975")
    assert round_money(kg_to_lb(kg)) == Decimal("41832.71")
