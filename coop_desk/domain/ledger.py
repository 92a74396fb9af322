"""Double-entry rules without a database (DOMAIN.md "The Premium in double entry").

A posting is an amount in its own currency (debit positive, credit negative) with the entry's
recorded rate for that currency, expressed as *units of the currency per 1 unit of the reporting
currency* (USD): "3.75" for PEN means 1 USD = 3.75 PEN; USD itself has rate 1.

An entry balances when, for every currency, its amounts add up to zero AND its USD values add up
to zero. USD values are derived here: a USD posting is worth its amount; the others are valued
exactly (fractions), the total of their debit side is rounded once HALF_UP to the cent and split
over those debit postings by largest remainder, and the same total over the credit postings, so
the entry balances to the cent in USD whatever the rates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from coop_desk.domain.money import CENT, largest_remainder, to_decimal
from coop_desk.i18n import _, formats


@dataclass(frozen=True)
class Leg:
    """One side of an entry before USD values are fixed."""

    currency: str
    amount: Decimal  # debit > 0, credit < 0; cents
    rate: Decimal  # currency units per 1 USD; 1 for USD


def _to_cents(value: Fraction) -> int:
    """Round a fraction of USD half up (away from zero) to whole cents."""
    as_decimal = Decimal(value.numerator) / Decimal(value.denominator)
    return int((as_decimal / CENT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def usd_values(legs: Sequence[Leg], reporting: str = "USD") -> list[Decimal]:
    """USD value of every leg, so that the values of a balanced entry add up to exactly zero.

    Legs in USD are worth their amount. The other legs are valued exactly (amount / rate); the
    total of their debit side is rounded once, HALF_UP to the cent, and split over the debit
    legs by largest remainder, the same total over the credit legs. Requires one rate per
    currency in the entry (checked by :func:`balance_problems`).
    """
    result = [Decimal("0.00")] * len(legs)
    exact: dict[int, Fraction] = {}
    for i, leg in enumerate(legs):
        amount = to_decimal(leg.amount)
        if leg.currency == reporting:
            result[i] = amount.quantize(CENT)
        else:
            exact[i] = Fraction(amount) / Fraction(to_decimal(leg.rate))
    debit = [i for i, v in exact.items() if v > 0]
    credit = [i for i, v in exact.items() if v < 0]
    if not debit or not credit:
        for i, v in exact.items():
            result[i] = Decimal(_to_cents(v)) * CENT
        return result
    total = _to_cents(sum((exact[i] for i in debit), Fraction(0)))
    for side, sign in ((debit, 1), (credit, -1)):
        parts = largest_remainder(total, [abs(exact[i]) for i in side])
        for i, cents in zip(side, parts, strict=True):
            result[i] = Decimal(sign * cents) * CENT
    return result


def balance_problems(legs: Sequence[Leg], reporting: str = "USD") -> list[str]:
    """Why a set of legs cannot be one entry (empty when it can)."""
    problems: list[str] = []
    if len(legs) < 2:
        problems.append(_("an entry needs at least two postings"))
    sums: dict[str, Decimal] = defaultdict(Decimal)
    rates: dict[str, set[Decimal]] = defaultdict(set)
    for leg in legs:
        if leg.amount == 0:
            problems.append(_("a posting amount must not be zero"))
        if leg.amount != leg.amount.quantize(CENT):
            problems.append(
                _(
                    "{amount} {currency} has more than 2 decimals",
                    amount=leg.amount,
                    currency=leg.currency,
                )
            )
        if leg.currency == reporting:
            if leg.rate != 1:
                problems.append(
                    _(
                        "the rate of {currency} to itself is 1, not {rate}",
                        currency=reporting,
                        rate=formats.rate(leg.rate),
                    )
                )
        elif leg.rate <= 0:
            problems.append(_("the {currency} rate must be positive", currency=leg.currency))
        sums[leg.currency] += leg.amount
        rates[leg.currency].add(leg.rate)
    for currency, total in sorted(sums.items()):
        if total != 0:
            problems.append(
                _(
                    "the {currency} postings do not balance (off by {difference})",
                    currency=currency,
                    difference=total,
                )
            )
    for currency, found in sorted(rates.items()):
        if len(found) > 1:
            problems.append(
                _(
                    "one entry uses one {currency} rate, not {count}",
                    currency=currency,
                    count=len(found),
                )
            )
    return problems


def rate_from_legs(local_amount: Decimal, usd_amount: Decimal) -> Decimal:
    """The rate (local units per USD) implied by the two legs of an exchange, to 8 decimals."""
    return (abs(local_amount) / abs(usd_amount)).quantize(Decimal("0.00000001"), ROUND_HALF_UP)
