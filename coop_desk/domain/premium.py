"""Fairtrade prices and the Premium (DOMAIN.md "Fairtrade prices and the Premium").

Pure rules, no database: the dated rate table (defaults from DOMAIN.md, stored and editable in
the database), picking a rate by a contract's signing date and scheme, and the contract figures:
pounds, premium due, organic differential and the 25% productivity/quality share.

Rounding: pounds, premium and differential are computed exactly (``Decimal``) and rounded once,
HALF_UP to the cent (pounds to 2 decimals for display), never from an already rounded figure.
The 25% share has one owner, :func:`quality_share_required` (and its spreadsheet twin
:func:`quality_share_formula`); every other module calls it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from coop_desk.domain import limits
from coop_desk.domain.money import round_money
from coop_desk.domain.units import KG_PER_BAG, bags_to_kg, kg_to_lb
from coop_desk.i18n import N_


class Scheme(StrEnum):
    """The certification scheme a contract is sold under; each has its own price table."""

    FAIRTRADE = "fairtrade"  # Fairtrade International (FLO)
    FAIR_TRADE_USA = "fair_trade_usa"
    NONE = "none"  # conventional sale: no Premium


SCHEME_LABELS = {
    Scheme.FAIRTRADE: N_("Fairtrade International"),
    Scheme.FAIR_TRADE_USA: N_("Fair Trade USA"),
    Scheme.NONE: N_("None (conventional)"),
}


class Process(StrEnum):
    WASHED = "washed"
    NATURAL = "natural"


class QuantityUnit(StrEnum):
    BAGS = "bags"  # 69 kg export bags (Peru)
    KG = "kg"


# DOMAIN.md: "at least 25% of the Premium (5 of the 20 cents per lb) goes to productivity
# and/or quality improvement".
QUALITY_SHARE = Decimal("0.25")

# DOMAIN.md: the price table changed for contracts signed on or after 2023-08-01.
SWITCH_DATE = date(2023, 8, 1)
# The first table applies to every earlier contract.
EARLIEST = date(2000, 1, 1)


@dataclass(frozen=True)
class PriceTerms:
    """One dated row of a scheme's price table, in USD per lb of green coffee."""

    scheme: Scheme
    valid_from: date  # applies to contracts signed on or after this date (until the next row)
    minimum_washed: Decimal
    minimum_natural: Decimal
    premium: Decimal
    organic_differential: Decimal
    note: str = ""

    def minimum_price(self, process: Process) -> Decimal:
        return self.minimum_washed if process == Process.WASHED else self.minimum_natural


# The notes of the seeded price rows, in words a treasurer reads (translated when a
# cooperative is created: ``services.cooperative``).
DEFAULT_RATE_NOTES = {
    Scheme.FAIRTRADE: N_("Fairtrade International's published figures (defaults)"),
    Scheme.FAIR_TRADE_USA: N_(
        "seeded with the Fairtrade International figures: check Fair Trade USA's price list"
    ),
}


def default_rates() -> list[PriceTerms]:
    """The defaults of DOMAIN.md's table. Fair Trade USA keeps its own rows, seeded with the same
    figures and marked so the cooperative checks them against Fair Trade USA's price list."""
    rows: list[PriceTerms] = []
    for scheme, note in (
        (Scheme.FAIRTRADE, DEFAULT_RATE_NOTES[Scheme.FAIRTRADE]),
        (Scheme.FAIR_TRADE_USA, DEFAULT_RATE_NOTES[Scheme.FAIR_TRADE_USA]),
    ):
        rows.append(
            PriceTerms(
                scheme,
                EARLIEST,
                Decimal("1.40"),
                Decimal("1.35"),
                Decimal("0.20"),
                Decimal("0.30"),
                note,
            )
        )
        rows.append(
            PriceTerms(
                scheme,
                SWITCH_DATE,
                Decimal("1.80"),
                Decimal("1.75"),
                Decimal("0.20"),
                Decimal("0.40"),
                note,
            )
        )
    return rows


def pick_rate(rates: Iterable[PriceTerms], scheme: Scheme, signing_date: date) -> PriceTerms | None:
    """The row of ``scheme`` in force for a contract signed on ``signing_date`` (the one with
    the latest ``valid_from`` not after it), or ``None`` (no scheme, or no row that early)."""
    if scheme == Scheme.NONE:
        return None
    best: PriceTerms | None = None
    for row in rates:
        if row.scheme != scheme or row.valid_from > signing_date:
            continue
        if best is None or row.valid_from > best.valid_from:
            best = row
    return best


def contract_kg(quantity: Decimal, unit: QuantityUnit, kg_per_bag: Decimal = KG_PER_BAG) -> Decimal:
    """Kilograms of green coffee in a contract given in bags or kg (exact)."""
    return bags_to_kg(quantity, kg_per_bag) if unit == QuantityUnit.BAGS else quantity


@dataclass(frozen=True)
class ContractFigures:
    """What a contract is worth in Premium terms; every money figure rounded once."""

    kg: Decimal
    pounds: Decimal  # rounded to 2 decimals for display; computations use the exact product
    premium_rate: Decimal
    premium_due: Decimal
    organic_rate: Decimal
    organic_differential: Decimal
    minimum_price: Decimal  # USD/lb; 0 when no scheme
    quality_share: Decimal  # the 25% of the Premium for productivity/quality


def contract_figures(
    kg: Decimal,
    terms: PriceTerms | None,
    *,
    organic: bool,
    process: Process = Process.WASHED,
    share: Decimal = QUALITY_SHARE,
) -> ContractFigures:
    """Premium due = lb x rate, computed exactly, rounded once HALF_UP to the cent.

    DOMAIN.md's example: 275 bags = 18,975 kg = 41,832.71 lb; at 0.20 the Premium is
    USD 8,366.54 and the 25% share USD 2,091.64.
    """
    exact_lb = kg_to_lb(kg)
    if terms is None:
        zero = Decimal("0.00")
        return ContractFigures(
            kg, round_money(exact_lb), Decimal(0), zero, Decimal(0), zero, zero, zero
        )
    premium_exact = exact_lb * terms.premium
    organic_rate = terms.organic_differential if organic else Decimal(0)
    return ContractFigures(
        kg=kg,
        pounds=round_money(exact_lb),
        premium_rate=terms.premium,
        premium_due=round_money(premium_exact),
        organic_rate=organic_rate,
        organic_differential=round_money(exact_lb * organic_rate),
        minimum_price=terms.minimum_price(process),
        quality_share=quality_share_required(premium_exact, share),
    )


def quality_share_required(premium: Decimal, share: Decimal = QUALITY_SHARE) -> Decimal:
    """The least part of ``premium`` that must go to productivity/quality: premium x share,
    rounded once, HALF_UP to the cent (USD 100.10 -> 25.03).

    The one owner of the rule and its rounding: a contract's share, the year's requirement in
    the reports, ``verify`` and the GUI all come from here; the workbooks use
    :func:`quality_share_formula`, which computes the same figure.
    """
    return round_money(premium * share)


def quality_share_formula(premium_cell: str, share: Decimal = QUALITY_SHARE) -> str:
    """:func:`quality_share_required` as a spreadsheet formula over ``premium_cell`` (without
    the leading "="). Excel's and LibreOffice's ROUND round half away from zero, as
    ROUND_HALF_UP does, and correct the binary representation of the product (100.10 x 0.25
    is 25.0249999... as a float; ROUND gives 25.03), so the workbook shows the app's figure."""
    return f"ROUND({premium_cell}*{share},2)"


@dataclass(frozen=True)
class QualityShare:
    """The 25% rule over one year: premium received, spent on productivity/quality projects,
    the amount required and the share spent (DOMAIN.md)."""

    received: Decimal
    spent: Decimal
    required: Decimal  # quality_share_required(received)
    percent: Decimal | None  # spent / received, in %, one decimal HALF_UP; None: nothing received
    share: Decimal = QUALITY_SHARE

    @property
    def met(self) -> bool:
        return self.spent >= self.required


def quality_share(
    received: Decimal, spent: Decimal, share: Decimal = QUALITY_SHARE
) -> QualityShare:
    """Judge a year's productivity/quality spending against the premium received."""
    percent = (
        (spent * 100 / received).quantize(Decimal("0.1"), ROUND_HALF_UP) if received > 0 else None
    )
    return QualityShare(received, spent, quality_share_required(received, share), percent, share)


def validate_terms(terms: PriceTerms) -> list[str]:
    """Plain-language problems with a rate row (empty when fine)."""
    problems = []
    for name in ("minimum_washed", "minimum_natural", "premium", "organic_differential"):
        value: Decimal = getattr(terms, name)
        if value < 0:
            problems.append(f"{name}: must not be negative")
        elif value > limits.MAX_RATE:
            problems.append(f"{name}: at most {limits.MAX_RATE:,} USD per lb")
        elif value != value.quantize(Decimal("0.00000001")):
            problems.append(f"{name}: at most 8 decimals")
    return problems


def fiscal_year_of(day: date, start_month: int = 1) -> int:
    """The fiscal year a date belongs to, named by the calendar year in which it starts."""
    return day.year if day.month >= start_month else day.year - 1


def fiscal_year_bounds(year: int, start_month: int = 1) -> tuple[date, date]:
    """First and last day of fiscal year ``year``.

    Never fails: a year the calendar cannot hold whole (an entry dated 0001 or 9999, stored
    before the limits of ``domain.limits`` existed) is cut to the first or last day there is,
    so that reports and ``verify`` can still name what it holds."""
    from datetime import timedelta

    def first_day(y: int) -> date:
        if y < date.min.year:
            return date.min
        if y > date.max.year:
            return date.max
        return date(y, start_month, 1)

    start = first_day(year)
    following = first_day(year + 1)
    if year + 1 > date.max.year:
        end = date.max
    else:
        end = max(start, following - timedelta(days=1)) if following > date.min else date.min
    return start, end
