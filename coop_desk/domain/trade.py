"""Coffee from members to contracts: the rules of deliveries (acopio) and lots.

Model:
- a *delivery* is parchment coffee bought from a member: kg as weighed, moisture %, the yield
  factor (exportable green coffee from this parchment, in %: 80 means 100 kg of parchment
  give 80 kg of green coffee), the price paid per kg, certified or conventional;
- the *green equivalent* of a delivery is kg x yield factor / 100 (exact); the amount paid is
  kg x price, rounded once to the cent (:func:`amount_paid`);
- the ICS red flag: a member's deliveries in a harvest season (the calendar year: Peru
  harvests between March and October) above the member's yield estimate (kg of parchment,
  from the latest internal inspection that recorded one) plus the tolerance;
- a *lot* groups deliveries for a contract. A certified lot takes certified deliveries only
  (certified and conventional coffee never mix in it); a conventional lot takes any; a
  *micro-lot* takes only its producer's deliveries; a contract sold on Fairtrade or organic
  terms takes certified lots only;
- the Premium a contract earns is shared among the members whose coffee is in its lots, pro
  rata of their green equivalent, by largest remainder so the shares add up to the cent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from coop_desk.domain.money import allocate, round_money
from coop_desk.domain.problems import Problem
from coop_desk.i18n import _

MAX_MOISTURE_PCT = Decimal(100)
# Parchment dried for sale carries 10-13% water; beyond these the figure is a typing slip.
PLAUSIBLE_MOISTURE_PCT = (Decimal(5), Decimal(40))
PLAUSIBLE_YIELD_PCT = (Decimal(50), Decimal(95))
MAX_DELIVERY_KG = Decimal(100_000)


@dataclass(frozen=True)
class DeliveryInput:
    member_id: int | None
    delivery_date: date | None
    kg: Decimal | None
    moisture_pct: Decimal | None
    yield_factor_pct: Decimal | None
    price_per_kg: Decimal | None
    certified: bool = False
    collection_point: str = ""
    number: str = ""  # blank: the next number of the year is given
    currency: str = "PEN"
    notes: str = ""


def validate_delivery(data: DeliveryInput, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if data.member_id is None:
        problems.append(Problem("member_id", _("choose the member who delivered")))
    if data.delivery_date is None:
        problems.append(Problem("delivery_date", _("the date is required")))
    elif data.delivery_date > today:
        problems.append(Problem("delivery_date", _("the delivery is dated in the future")))
    problems += _decimal(data.kg, "kg", _("the weight (kg of parchment)"), 2, above_zero=True)
    if data.kg is not None and data.kg > MAX_DELIVERY_KG:
        problems.append(
            Problem("kg", _("more than {limit} kg in one delivery", limit=MAX_DELIVERY_KG))
        )
    problems += _decimal(data.moisture_pct, "moisture_pct", _("the moisture %"), 2)
    if data.moisture_pct is not None and not (
        PLAUSIBLE_MOISTURE_PCT[0] <= data.moisture_pct <= PLAUSIBLE_MOISTURE_PCT[1]
    ):
        problems.append(
            Problem(
                "moisture_pct",
                _(
                    "a moisture of {value}%: not plausible for parchment coffee ({low} to {high}%)",
                    value=data.moisture_pct,
                    low=PLAUSIBLE_MOISTURE_PCT[0],
                    high=PLAUSIBLE_MOISTURE_PCT[1],
                ),
            )
        )
    problems += _decimal(data.yield_factor_pct, "yield_factor_pct", _("the yield factor"), 2)
    if data.yield_factor_pct is not None and not (
        PLAUSIBLE_YIELD_PCT[0] <= data.yield_factor_pct <= PLAUSIBLE_YIELD_PCT[1]
    ):
        problems.append(
            Problem(
                "yield_factor_pct",
                _(
                    "a yield factor of {value}%: not plausible (exportable green coffee from "
                    "parchment: {low} to {high}%)",
                    value=data.yield_factor_pct,
                    low=PLAUSIBLE_YIELD_PCT[0],
                    high=PLAUSIBLE_YIELD_PCT[1],
                ),
            )
        )
    problems += _decimal(data.price_per_kg, "price_per_kg", _("the price per kg"), 4)
    if len(data.collection_point) > 120:
        problems.append(Problem("collection_point", _("at most {n} characters", n=120)))
    if len(data.number.strip()) > 30:
        problems.append(Problem("number", _("at most {n} characters", n=30)))
    return problems


def _decimal(
    value: Decimal | None, name: str, what: str, places: int, *, above_zero: bool = False
) -> list[Problem]:
    if value is None:
        return [Problem(name, _("{what} is required", what=what))]
    if value < 0 or (above_zero and value == 0):
        return [
            Problem(
                name,
                _("{what} must be more than zero", what=what)
                if above_zero
                else _("{what} cannot be negative", what=what),
            )
        ]
    if value != value.quantize(Decimal(1).scaleb(-places)):
        return [Problem(name, _("{what}: at most {places} decimals", what=what, places=places))]
    return []


def green_kg(kg: Decimal, yield_factor_pct: Decimal) -> Decimal:
    """Green coffee equivalent of parchment, exact (round where it is shown)."""
    return kg * yield_factor_pct / 100


def amount_paid(kg: Decimal, price_per_kg: Decimal) -> Decimal:
    """What the member was paid: kg x price, rounded once, half up, to the cent."""
    return round_money(kg * price_per_kg)


def harvest_season(day: date) -> tuple[date, date]:
    """The harvest season a delivery counts in: its calendar year."""
    return date(day.year, 1, 1), date(day.year, 12, 31)


def over_estimate(
    season_kg_before: Decimal, kg: Decimal, estimate_kg: Decimal | None, tolerance_pct: Decimal
) -> bool:
    """True when this delivery takes the member's season total above the yield estimate
    (plus the tolerance): the ICS red flag. No estimate, no flag (it shows as missing)."""
    if estimate_kg is None:
        return False
    limit = estimate_kg * (1 + tolerance_pct / 100)
    return season_kg_before + kg > limit


# --- lots ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LotRules:
    """What a lot is, for the checks on adding a delivery to it."""

    code: str
    certified: bool
    producer_member_id: int | None


@dataclass(frozen=True)
class DeliveryFacts:
    number: str
    member_id: int
    member_code: str
    certified: bool
    lot_code: str | None  # the lot it is already in


def delivery_fits_lot(delivery: DeliveryFacts, lot: LotRules) -> str:
    """Why ``delivery`` cannot go into ``lot`` ("" when it can)."""
    if delivery.lot_code is not None and delivery.lot_code != lot.code:
        return _(
            "delivery {number} is already in lot {lot}; take it out of that lot first",
            number=delivery.number,
            lot=delivery.lot_code,
        )
    if lot.certified and not delivery.certified:
        return _(
            "delivery {number} is conventional coffee and lot {lot} is certified: certified "
            "and conventional coffee never mix",
            number=delivery.number,
            lot=lot.code,
        )
    if lot.producer_member_id is not None and delivery.member_id != lot.producer_member_id:
        return _(
            "lot {lot} is a micro-lot of one producer; delivery {number} is from {member}",
            lot=lot.code,
            number=delivery.number,
            member=delivery.member_code,
        )
    return ""


def contract_needs_certified(scheme: str, organic: bool) -> bool:
    """A contract sold on Fairtrade or organic terms takes certified coffee only."""
    return scheme != "none" or organic


@dataclass(frozen=True)
class MemberShare:
    member_id: int
    green_kg: Decimal
    premium: Decimal


def premium_shares(
    premium_due: Decimal, green_by_member: Sequence[tuple[int, Decimal]]
) -> list[MemberShare]:
    """The contract's Premium shared pro rata of each member's green coffee in its lots; the
    shares add up exactly to ``premium_due`` (largest remainder)."""
    members = [(m, kg) for m, kg in green_by_member if kg > 0]
    if not members:
        return []
    if premium_due == 0:
        return [MemberShare(m, kg, Decimal("0.00")) for m, kg in members]
    parts = allocate(premium_due, [kg for _m, kg in members])
    return [MemberShare(m, kg, part) for (m, kg), part in zip(members, parts, strict=True)]
