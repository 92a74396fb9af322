"""From plot to shipment: deliveries (acopio), lots, the buyer's due-diligence reference on a
contract, the traceability report and the buyer's EUDR file.

Rules (:mod:`coop_desk.domain.trade`, :mod:`coop_desk.domain.eudr`), applied here for every
front end:
- a delivery marked certified must come from a member whose coffee is certified on that date
  (ICS-approved, not suspended, with a certified organic plot or in the Fairtrade scope);
- a delivery that takes the member's season above their yield estimate is flagged (the ICS
  red flag), never refused: the flag is for the internal inspector to follow up;
- deliveries in a lot are not edited or deleted (take them out of the lot first); a lot whose
  contract's shipment is posted no longer changes: it is what was shipped;
- certified and conventional coffee never mix in a certified lot; a micro-lot takes only its
  producer's coffee; a contract on Fairtrade or organic terms takes certified lots only;
- the buyer's file lists exactly the plots of the members whose deliveries are in the
  contract's lots, and is refused, with each failing plot's reasons, while any of them fails
  the EUDR rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coop_desk.domain.eudr import EVIDENCE_LABELS, MAX_FILE_BYTES, EvidenceKind, feature_properties
from coop_desk.domain.geometry import Boundary, Position
from coop_desk.domain.members import GENDER_LABELS, full_name
from coop_desk.domain.premium import SCHEME_LABELS, Scheme
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.domain.trade import (
    DeliveryFacts,
    DeliveryInput,
    LotRules,
    MemberShare,
    amount_paid,
    contract_needs_certified,
    delivery_fits_lot,
    green_kg,
    harvest_season,
    over_estimate,
    premium_shares,
    validate_delivery,
)
from coop_desk.errors import Conflict, NotFound, ValidationError
from coop_desk.exchange.geofiles import OutFeature, feature_collection_text, write_text_atomically
from coop_desk.i18n import N_, _, formats, ngettext, use_language
from coop_desk.models import Buyer, Contract, Delivery, Inspection, Lot, Member, Setting
from coop_desk.services import audit, certification
from coop_desk.services.access import SYSTEM, Actor, Permission, require
from coop_desk.services.cooperative import cooperative_language
from coop_desk.services.ledger.contracts import get_contract, live_shipment_entries
from coop_desk.services.plot_geo import PlotGeoRow, plot_checks
from coop_desk.services.verify import Finding, Severity, register

YIELD_TOLERANCE_SETTING = "trade.yield_tolerance_pct"
GEOMETRY_KINDS = {"polygon": N_("boundary"), "point": N_("point"), "none": N_("none")}

if TYPE_CHECKING:  # the workbook writers (openpyxl) load when a workbook is written
    from coop_desk.exchange import trade_files


# --- settings ----------------------------------------------------------------------------------


def shipped_contracts(session: Session) -> set[int]:
    """Contracts whose coffee has left: the shipment is posted in the ledger (Fairtrade,
    Fair Trade USA) or, for a conventional sale, the shipment date has come."""
    dated = session.scalars(
        select(Contract.id).where(
            Contract.shipment_date.is_not(None), Contract.shipment_date <= date.today()
        )
    )
    return set(live_shipment_entries(session)) | set(dated)


def yield_tolerance(session: Session) -> Decimal:
    """How far above the yield estimate a member's season may go before the red flag (%)."""
    raw = session.scalar(select(Setting.value).where(Setting.key == YIELD_TOLERANCE_SETTING))
    try:
        return Decimal(raw) if raw else Decimal(0)
    except ArithmeticError:
        return Decimal(0)


def save_yield_tolerance(session: Session, actor: Actor, value: Decimal) -> Decimal:
    require(actor, Permission.SETTINGS_WRITE)
    if not Decimal(0) <= value <= Decimal(100):
        raise ValidationError(
            [Problem("yield_tolerance_pct", _("the tolerance must be 0 to 100 %"))]
        )
    row = session.get(Setting, YIELD_TOLERANCE_SETTING) or Setting(key=YIELD_TOLERANCE_SETTING)
    row.value = format(value, "f")
    session.add(row)
    session.flush()
    return value


# --- deliveries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeliveryRow:
    id: int
    number: str
    member_id: int
    member_code: str
    member_name: str
    member_gender: str
    delivery_date: date
    collection_point: str
    kg: Decimal
    moisture_pct: Decimal
    yield_factor_pct: Decimal
    green_kg: Decimal  # exact; shown rounded
    price_per_kg: Decimal
    currency: str
    amount: Decimal
    certified: bool
    lot_id: int | None
    lot_code: str
    notes: str
    recorded_by: str
    season_kg: Decimal = Decimal(0)  # the member's season total up to and including this one
    yield_estimate_kg: Decimal | None = None
    over_estimate: bool = False  # the ICS red flag

    def to_input(self) -> DeliveryInput:
        return DeliveryInput(
            member_id=self.member_id,
            delivery_date=self.delivery_date,
            kg=self.kg,
            moisture_pct=self.moisture_pct,
            yield_factor_pct=self.yield_factor_pct,
            price_per_kg=self.price_per_kg,
            certified=self.certified,
            collection_point=self.collection_point,
            number=self.number,
            currency=self.currency,
            notes=self.notes,
        )


@dataclass(frozen=True)
class DeliveryFilter:
    text: str = ""  # number, member code or name, collection point
    member_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    lot_id: int | None = None
    unassigned: bool = False  # only deliveries in no lot
    certified: bool | None = None
    flagged: bool = False  # only deliveries above the yield estimate


def _delivery_select():  # type: ignore[no-untyped-def]
    return (
        select(
            Delivery,
            Member.code,
            Member.first_names,
            Member.surnames,
            Member.gender,
            Lot.code.label("lot_code"),
        )
        .join(Member, Member.id == Delivery.member_id)
        .outerjoin(Lot, Lot.id == Delivery.lot_id)
    )


def _row(
    d: Delivery, code: str, first: str, last: str, gender: str, lot: str | None
) -> DeliveryRow:
    return DeliveryRow(
        id=d.id,
        number=d.number,
        member_id=d.member_id,
        member_code=code,
        member_name=full_name(first, last),
        member_gender=gender,
        delivery_date=d.delivery_date,
        collection_point=d.collection_point,
        kg=d.kg,
        moisture_pct=d.moisture_pct,
        yield_factor_pct=d.yield_factor_pct,
        green_kg=green_kg(d.kg, d.yield_factor_pct),
        price_per_kg=d.price_per_kg,
        currency=d.currency,
        amount=amount_paid(d.kg, d.price_per_kg),
        certified=d.certified,
        lot_id=d.lot_id,
        lot_code=lot or "",
        notes=d.notes,
        recorded_by=d.recorded_by,
    )


def yield_estimates(session: Session, member_ids: Iterable[int], on: date) -> dict[int, Decimal]:
    """Each member's yield estimate (kg of parchment a season): the latest internal inspection
    on or before ``on`` that recorded one."""
    ids = list(set(member_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(Inspection.member_id, Inspection.yield_estimate_kg)
        .where(
            Inspection.member_id.in_(ids),
            Inspection.inspection_date <= on,
            Inspection.yield_estimate_kg.is_not(None),
        )
        .order_by(Inspection.member_id, Inspection.inspection_date, Inspection.id)
    )
    return {mid: kg for mid, kg in rows}  # ordered: the latest one wins


def _flag(session: Session, rows: list[DeliveryRow]) -> list[DeliveryRow]:
    """Season totals and the red flag, from all the members' deliveries of the seasons shown
    (a filtered list still counts what it does not show)."""
    if not rows:
        return rows
    tolerance = yield_tolerance(session)
    members = {r.member_id for r in rows}
    seasons = {harvest_season(r.delivery_date) for r in rows}
    first = min(s for s, _e in seasons)
    last = max(e for _s, e in seasons)
    history = session.execute(
        select(Delivery.id, Delivery.member_id, Delivery.delivery_date, Delivery.kg)
        .where(
            Delivery.member_id.in_(list(members)),
            Delivery.delivery_date >= first,
            Delivery.delivery_date <= last,
        )
        .order_by(Delivery.member_id, Delivery.delivery_date, Delivery.id)
    ).all()
    estimates: dict[tuple[date, date], dict[int, Decimal]] = {}
    totals: dict[int, tuple[Decimal, bool, Decimal | None]] = {}
    running: dict[tuple[int, date], Decimal] = defaultdict(Decimal)
    for did, mid, day, kg in history:
        season = harvest_season(day)
        key = (mid, season[0])
        if season not in estimates:
            estimates[season] = yield_estimates(session, members, season[1])
        estimate = estimates[season].get(mid)
        before = running[key]
        running[key] = before + kg
        totals[did] = (running[key], over_estimate(before, kg, estimate, tolerance), estimate)
    result = []
    for r in rows:
        total, flagged, estimate = totals.get(r.id, (r.kg, False, None))
        result.append(
            replace(r, season_kg=total, over_estimate=flagged, yield_estimate_kg=estimate)
        )
    return result


def list_deliveries(
    session: Session, actor: Actor, flt: DeliveryFilter | None = None
) -> list[DeliveryRow]:
    require(actor, Permission.READ)
    flt = flt or DeliveryFilter()
    stmt = _delivery_select()
    if flt.member_id is not None:
        stmt = stmt.where(Delivery.member_id == flt.member_id)
    if flt.date_from:
        stmt = stmt.where(Delivery.delivery_date >= flt.date_from)
    if flt.date_to:
        stmt = stmt.where(Delivery.delivery_date <= flt.date_to)
    if flt.lot_id is not None:
        stmt = stmt.where(Delivery.lot_id == flt.lot_id)
    if flt.unassigned:
        stmt = stmt.where(Delivery.lot_id.is_(None))
    if flt.certified is not None:
        stmt = stmt.where(Delivery.certified.is_(flt.certified))
    for word in clean(flt.text).lower().split():
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            func.lower(Delivery.number).like(pattern, escape="\\")
            | Member.search_key.like(pattern, escape="\\")
            | func.lower(Delivery.collection_point).like(pattern, escape="\\")
        )
    stmt = stmt.order_by(Delivery.delivery_date.desc(), Delivery.id.desc())
    rows = _flag(session, [_row(*r) for r in session.execute(stmt)])
    if flt.flagged:
        rows = [r for r in rows if r.over_estimate]
    return rows


def get_delivery(session: Session, actor: Actor, delivery_id: int) -> DeliveryRow:
    require(actor, Permission.READ)
    found = session.execute(_delivery_select().where(Delivery.id == delivery_id)).first()
    if found is None:
        raise NotFound(_("There is no delivery with id {id}.", id=delivery_id))
    return _flag(session, [_row(*found)])[0]


def collection_points(session: Session, actor: Actor) -> list[str]:
    require(actor, Permission.READ)
    return list(
        session.scalars(
            select(Delivery.collection_point)
            .where(Delivery.collection_point != "")
            .distinct()
            .order_by(Delivery.collection_point)
        )
    )


def certified_on(session: Session, actor: Actor, member_id: int, on: date) -> bool:
    """Whether the member's coffee counts as certified on ``on``: ICS-approved, not suspended,
    with a certified organic plot or in the scope of a Fairtrade scheme since that date."""
    require(actor, Permission.READ)
    return member_id in certification.certified_coffee(session, [member_id], on)


def _next_number(session: Session, day: date) -> str:
    prefix = f"{day.year}-"
    numbers = session.scalars(select(Delivery.number).where(Delivery.number.like(prefix + "%")))
    highest = 0
    for number in numbers:
        tail = number[len(prefix) :]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{highest + 1:05d}"


def _check_delivery(
    session: Session, actor: Actor, data: DeliveryInput, delivery_id: int | None, today: date
) -> list[Problem]:
    problems = validate_delivery(data, today)
    member = session.get(Member, data.member_id) if data.member_id is not None else None
    if data.member_id is not None and member is None:
        problems.append(Problem("member_id", _("there is no such member")))
    if member is not None and data.delivery_date is not None:
        if data.delivery_date < member.join_date:
            problems.append(
                Problem(
                    "delivery_date",
                    _("{member} joined on {day}", member=member.code, day=member.join_date),
                )
            )
        if data.certified and not certified_on(session, actor, member.id, data.delivery_date):
            problems.append(
                Problem(
                    "certified",
                    _(
                        "{member}'s coffee is not certified on {day} (not approved by the ICS "
                        "committee, suspended, or no certified plot and no Fairtrade scope): "
                        "record the delivery as conventional",
                        member=member.code,
                        day=data.delivery_date,
                    ),
                )
            )
    number = clean(data.number)
    if number:
        clash = select(Delivery.id).where(Delivery.number == number)
        if delivery_id is not None:
            clash = clash.where(Delivery.id != delivery_id)
        if session.scalar(clash) is not None:
            problems.append(
                Problem("number", _("there is already a delivery {number}", number=number))
            )
    return problems


def create_delivery(
    session: Session, actor: Actor, data: DeliveryInput, *, today: date | None = None
) -> DeliveryRow:
    require(actor, Permission.TRADE_WRITE)
    problems = _check_delivery(session, actor, data, None, today or date.today())
    if problems:
        raise ValidationError(problems)
    assert data.delivery_date is not None and data.member_id is not None
    assert data.kg is not None and data.moisture_pct is not None
    assert data.yield_factor_pct is not None and data.price_per_kg is not None
    delivery = Delivery(
        number=clean(data.number) or _next_number(session, data.delivery_date),
        member_id=data.member_id,
        delivery_date=data.delivery_date,
        collection_point=clean(data.collection_point),
        kg=data.kg,
        moisture_pct=data.moisture_pct,
        yield_factor_pct=data.yield_factor_pct,
        price_per_kg=data.price_per_kg,
        currency=(data.currency or "PEN").upper()[:3],
        certified=data.certified,
        notes=data.notes.strip(),
        recorded_by=actor.username,
    )
    session.add(delivery)
    session.flush()
    return get_delivery(session, actor, delivery.id)


def _locking(lock: bool) -> dict[str, Any]:
    """Arguments of ``Session.get`` that lock the row and read it afresh (SQLite, which has
    no row locks, serialises writers on its own)."""
    return {"with_for_update": True, "populate_existing": True} if lock else {}


def _load_delivery(session: Session, delivery_id: int, *, lock: bool = False) -> Delivery:
    """``lock``: the row is held (SELECT ... FOR UPDATE on PostgreSQL) until the transaction
    ends, and read as last committed, so a change on another PC waits for this one and then
    sees it (a delivery edited to conventional while another PC puts it in a certified lot)."""
    delivery = session.get(Delivery, delivery_id, **_locking(lock))
    if delivery is None:
        raise NotFound(_("There is no delivery with id {id}.", id=delivery_id))
    return delivery


def _lot_code(session: Session, lot_id: int) -> str:
    return session.scalar(select(Lot.code).where(Lot.id == lot_id)) or str(lot_id)


def update_delivery(
    session: Session,
    actor: Actor,
    delivery_id: int,
    data: DeliveryInput,
    *,
    today: date | None = None,
) -> DeliveryRow:
    """Correct a delivery that is in no lot yet."""
    require(actor, Permission.TRADE_WRITE)
    delivery = _load_delivery(session, delivery_id, lock=True)
    if delivery.lot_id is not None:
        raise Conflict(
            _(
                "Delivery {number} is in lot {lot}: take it out of the lot before correcting it.",
                number=delivery.number,
                lot=_lot_code(session, delivery.lot_id),
            )
        )
    problems = _check_delivery(session, actor, data, delivery_id, today or date.today())
    if problems:
        raise ValidationError(problems)
    assert data.delivery_date is not None and data.member_id is not None
    assert data.kg is not None and data.moisture_pct is not None
    assert data.yield_factor_pct is not None and data.price_per_kg is not None
    delivery.number = clean(data.number) or delivery.number
    delivery.member_id = data.member_id
    delivery.delivery_date = data.delivery_date
    delivery.collection_point = clean(data.collection_point)
    delivery.kg = data.kg
    delivery.moisture_pct = data.moisture_pct
    delivery.yield_factor_pct = data.yield_factor_pct
    delivery.price_per_kg = data.price_per_kg
    delivery.currency = (data.currency or "PEN").upper()[:3]
    delivery.certified = data.certified
    delivery.notes = data.notes.strip()
    session.flush()
    return get_delivery(session, actor, delivery_id)


def delete_delivery(session: Session, actor: Actor, delivery_id: int) -> None:
    """Remove a delivery recorded by mistake (not once it is in a lot)."""
    require(actor, Permission.TRADE_WRITE)
    delivery = _load_delivery(session, delivery_id, lock=True)
    if delivery.lot_id is not None:
        raise Conflict(
            _(
                "Delivery {number} is in lot {lot}: take it out of the lot first.",
                number=delivery.number,
                lot=_lot_code(session, delivery.lot_id),
            )
        )
    session.delete(delivery)
    session.flush()


# --- lots ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LotInput:
    code: str
    certified: bool = True
    contract_id: int | None = None
    producer_member_id: int | None = None  # a micro-lot under this producer's name
    created_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class LotRow:
    id: int
    code: str
    certified: bool
    contract_id: int | None
    contract_number: str
    buyer_name: str
    producer_member_id: int | None
    producer_code: str
    producer_name: str
    created_on: date
    notes: str
    deliveries: int
    members: int
    kg: Decimal  # parchment
    green_kg: Decimal  # exact
    shipped: bool  # its contract's shipment is posted: the lot no longer changes

    @property
    def is_micro_lot(self) -> bool:
        return self.producer_member_id is not None

    def to_input(self) -> LotInput:
        return LotInput(
            self.code,
            self.certified,
            self.contract_id,
            self.producer_member_id,
            self.created_on,
            self.notes,
        )


def list_lots(session: Session, actor: Actor, *, contract_id: int | None = None) -> list[LotRow]:
    require(actor, Permission.READ)
    stmt = select(Lot).order_by(Lot.created_on.desc(), Lot.code)
    if contract_id is not None:
        stmt = stmt.where(Lot.contract_id == contract_id)
    lots = list(session.scalars(stmt))
    return _lot_rows(session, lots)


def get_lot(session: Session, actor: Actor, lot_id: int) -> LotRow:
    require(actor, Permission.READ)
    return _lot_rows(session, [_load_lot(session, lot_id)])[0]


@dataclass
class _LotSums:
    deliveries: int = 0
    kg: Decimal = Decimal(0)
    green_kg: Decimal = Decimal(0)
    members: set[int] = field(default_factory=set)

    def add(self, member_id: int, kg: Decimal, factor: Decimal) -> None:
        self.deliveries += 1
        self.kg += kg
        self.green_kg += green_kg(kg, factor)
        self.members.add(member_id)


def _lot_rows(session: Session, lots: Sequence[Lot]) -> list[LotRow]:
    if not lots:
        return []
    ids = [lot.id for lot in lots]
    sums: dict[int, _LotSums] = defaultdict(_LotSums)
    for lot_id, member_id, kg, factor in session.execute(
        select(Delivery.lot_id, Delivery.member_id, Delivery.kg, Delivery.yield_factor_pct).where(
            Delivery.lot_id.in_(ids)
        )
    ):
        sums[lot_id].add(member_id, kg, factor)
    contracts = {
        cid: (number, buyer)
        for cid, number, buyer in session.execute(
            select(Contract.id, Contract.number, Buyer.name)
            .join(Buyer, Buyer.id == Contract.buyer_id)
            .where(Contract.id.in_([lot.contract_id for lot in lots if lot.contract_id]))
        )
    }
    producers = {
        mid: (code, full_name(first, last))
        for mid, code, first, last in session.execute(
            select(Member.id, Member.code, Member.first_names, Member.surnames).where(
                Member.id.in_([lot.producer_member_id for lot in lots if lot.producer_member_id])
            )
        )
    }
    shipped = shipped_contracts(session)
    rows = []
    for lot in lots:
        total = sums.get(lot.id) or _LotSums()
        number, buyer = contracts.get(lot.contract_id or 0, ("", ""))
        code, name = producers.get(lot.producer_member_id or 0, ("", ""))
        rows.append(
            LotRow(
                id=lot.id,
                code=lot.code,
                certified=lot.certified,
                contract_id=lot.contract_id,
                contract_number=number,
                buyer_name=buyer,
                producer_member_id=lot.producer_member_id,
                producer_code=code,
                producer_name=name,
                created_on=lot.created_on,
                notes=lot.notes,
                deliveries=total.deliveries,
                members=len(total.members),
                kg=total.kg,
                green_kg=total.green_kg,
                shipped=lot.contract_id is not None and lot.contract_id in shipped,
            )
        )
    return rows


def _load_lot(session: Session, lot_id: int, *, lock: bool = False) -> Lot:
    """``lock``: as for deliveries; every change to a lot or its deliveries locks the lot
    first, then the deliveries, always in that order (no deadlock)."""
    lot = session.get(Lot, lot_id, **_locking(lock))
    if lot is None:
        raise NotFound(_("There is no lot with id {id}.", id=lot_id))
    return lot


def _refuse_if_shipped(session: Session, lot: Lot) -> None:
    if lot.contract_id is not None and lot.contract_id in shipped_contracts(session):
        number = session.scalar(select(Contract.number).where(Contract.id == lot.contract_id))
        raise Conflict(
            _(
                "Lot {lot} was shipped on contract {contract}: it stays as shipped. (If the "
                "shipment was recorded by mistake, reverse its entry or clear its date first.)",
                lot=lot.code,
                contract=number,
            )
        )


def _lot_problems(
    session: Session, data: LotInput, lot_id: int | None
) -> tuple[list[Problem], str]:
    problems: list[Problem] = []
    code = clean(data.code).upper()
    if not code:
        problems.append(Problem("code", _("the lot code is required")))
    elif len(code) > 40:
        problems.append(Problem("code", _("at most {n} characters", n=40)))
    else:
        clash = select(Lot.id).where(func.upper(Lot.code) == code)
        if lot_id is not None:
            clash = clash.where(Lot.id != lot_id)
        if session.scalar(clash) is not None:
            problems.append(Problem("code", _("there is already a lot {code}", code=code)))
    if data.created_on is None:
        problems.append(Problem("created_on", _("the date is required")))
    if data.producer_member_id is not None and session.get(Member, data.producer_member_id) is None:
        problems.append(Problem("producer_member_id", _("there is no such member")))
    if data.contract_id is not None:
        contract = session.get(Contract, data.contract_id)
        if contract is None:
            problems.append(Problem("contract_id", _("there is no such contract")))
        elif not data.certified and contract_needs_certified(contract.scheme, contract.organic):
            terms = _(SCHEME_LABELS[Scheme(contract.scheme)])
            if contract.organic:
                terms = (
                    _("{terms}, organic", terms=terms)
                    if contract.scheme != Scheme.NONE
                    else _("organic")
                )
            problems.append(
                Problem(
                    "contract_id",
                    _(
                        "contract {contract} is sold on certified terms ({terms}): only a "
                        "certified lot can go to it",
                        contract=contract.number,
                        terms=terms,
                    ),
                )
            )
        elif contract.id in shipped_contracts(session):
            problems.append(
                Problem(
                    "contract_id",
                    _("contract {contract} is already shipped", contract=contract.number),
                )
            )
    if lot_id is not None:
        members = set(
            session.scalars(select(Delivery.member_id).where(Delivery.lot_id == lot_id).distinct())
        )
        if data.certified:
            conventional = session.scalars(
                select(Delivery.number).where(
                    Delivery.lot_id == lot_id, Delivery.certified.is_(False)
                )
            ).all()
            if conventional:
                problems.append(
                    Problem(
                        "certified",
                        _(
                            "the lot holds conventional deliveries ({numbers}): a certified lot "
                            "cannot",
                            numbers=", ".join(conventional[:5]),
                        ),
                    )
                )
        if data.producer_member_id is not None and members - {data.producer_member_id}:
            problems.append(
                Problem(
                    "producer_member_id",
                    _("the lot holds other members' deliveries: a micro-lot is one producer's"),
                )
            )
    return problems, code


def create_lot(session: Session, actor: Actor, data: LotInput) -> LotRow:
    require(actor, Permission.TRADE_WRITE)
    problems, code = _lot_problems(session, data, None)
    if problems:
        raise ValidationError(problems)
    assert data.created_on is not None
    lot = Lot(
        code=code,
        certified=data.certified,
        contract_id=data.contract_id,
        producer_member_id=data.producer_member_id,
        created_on=data.created_on,
        notes=data.notes.strip(),
        recorded_by=actor.username,
    )
    session.add(lot)
    session.flush()
    return get_lot(session, actor, lot.id)


def update_lot(session: Session, actor: Actor, lot_id: int, data: LotInput) -> LotRow:
    require(actor, Permission.TRADE_WRITE)
    lot = _load_lot(session, lot_id, lock=True)
    _refuse_if_shipped(session, lot)
    problems, code = _lot_problems(session, data, lot_id)
    if problems:
        raise ValidationError(problems)
    assert data.created_on is not None
    lot.code = code
    lot.certified = data.certified
    lot.contract_id = data.contract_id
    lot.producer_member_id = data.producer_member_id
    lot.created_on = data.created_on
    lot.notes = data.notes.strip()
    session.flush()
    return get_lot(session, actor, lot_id)


def delete_lot(session: Session, actor: Actor, lot_id: int) -> None:
    require(actor, Permission.TRADE_WRITE)
    lot = _load_lot(session, lot_id, lock=True)
    count = session.scalar(select(func.count()).where(Delivery.lot_id == lot_id)) or 0
    if count:
        raise Conflict(
            ngettext(
                "Lot {lot} holds {n} delivery: take it out first.",
                "Lot {lot} holds {n} deliveries: take them out first.",
                count,
                lot=lot.code,
            )
        )
    session.delete(lot)
    session.flush()


def add_to_lot(session: Session, actor: Actor, lot_id: int, delivery_ids: Sequence[int]) -> LotRow:
    """Put deliveries into a lot; every one that cannot go is named with the reason and
    nothing is changed."""
    require(actor, Permission.TRADE_WRITE)
    lot = _load_lot(session, lot_id, lock=True)
    _refuse_if_shipped(session, lot)
    rules = LotRules(lot.code, lot.certified, lot.producer_member_id)
    problems: list[Problem] = []
    deliveries: list[Delivery] = []
    for delivery_id in delivery_ids:
        delivery = _load_delivery(session, delivery_id, lock=True)
        code = session.scalar(select(Member.code).where(Member.id == delivery.member_id)) or ""
        facts = DeliveryFacts(
            delivery.number,
            delivery.member_id,
            code,
            delivery.certified,
            _lot_code(session, delivery.lot_id) if delivery.lot_id is not None else None,
        )
        reason = delivery_fits_lot(facts, rules)
        if reason:
            problems.append(Problem("deliveries", reason))
        deliveries.append(delivery)
    if problems:
        raise ValidationError(problems)
    for delivery in deliveries:
        delivery.lot_id = lot.id
    session.flush()
    return get_lot(session, actor, lot_id)


def remove_from_lot(
    session: Session, actor: Actor, lot_id: int, delivery_ids: Sequence[int]
) -> LotRow:
    require(actor, Permission.TRADE_WRITE)
    lot = _load_lot(session, lot_id, lock=True)
    _refuse_if_shipped(session, lot)
    for delivery_id in delivery_ids:
        delivery = _load_delivery(session, delivery_id, lock=True)
        if delivery.lot_id != lot_id:
            raise Conflict(
                _("Delivery {number} is not in lot {lot}.", number=delivery.number, lot=lot.code)
            )
        delivery.lot_id = None
    session.flush()
    return get_lot(session, actor, lot_id)


def next_lot_code(session: Session, actor: Actor, day: date) -> str:
    """A suggestion: L-<year>-<next number>."""
    require(actor, Permission.READ)
    prefix = f"L-{day.year}-"
    highest = 0
    for code in session.scalars(select(Lot.code).where(Lot.code.like(prefix + "%"))):
        tail = code[len(prefix) :]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{highest + 1:03d}"


# --- the contract's due-diligence reference ------------------------------------------------------


def set_due_diligence_reference(
    session: Session, actor: Actor, contract_id: int, reference: str
) -> str:
    """Record the reference number of the buyer's due-diligence statement (EU information
    system) on the contract; blank removes it."""
    require(actor, Permission.TRADE_WRITE)
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise NotFound(_("There is no contract with id {id}.", id=contract_id))
    text = clean(reference)
    if len(text) > 80:
        raise ValidationError(
            [Problem("due_diligence_reference", _("at most {n} characters", n=80))]
        )
    contract.due_diligence_reference = text
    session.flush()
    return text


@dataclass(frozen=True)
class ContractTradeRow:
    """A contract as the traceability pages list it."""

    id: int
    number: str
    buyer_name: str
    signing_date: date
    scheme_label: str
    organic: bool
    kg: Decimal  # green coffee sold
    lots: int
    lot_green_kg: Decimal
    members: int
    due_diligence_reference: str
    shipped: bool


def list_trade_contracts(session: Session, actor: Actor) -> list[ContractTradeRow]:
    require(actor, Permission.READ)
    sums: dict[int, _LotSums] = defaultdict(_LotSums)
    for contract_id, member_id, kg, factor in session.execute(
        select(Lot.contract_id, Delivery.member_id, Delivery.kg, Delivery.yield_factor_pct)
        .join(Delivery, Delivery.lot_id == Lot.id)
        .where(Lot.contract_id.is_not(None))
    ):
        sums[contract_id].add(member_id, kg, factor)
    lot_counts = {
        contract_id: count
        for contract_id, count in session.execute(
            select(Lot.contract_id, func.count())
            .where(Lot.contract_id.is_not(None))
            .group_by(Lot.contract_id)
        )
    }
    shipped = shipped_contracts(session)
    rows = []
    for contract, buyer in session.execute(
        select(Contract, Buyer.name)
        .join(Buyer, Buyer.id == Contract.buyer_id)
        .order_by(Contract.signing_date.desc(), Contract.number)
    ):
        total = sums.get(contract.id) or _LotSums()
        rows.append(
            ContractTradeRow(
                id=contract.id,
                number=contract.number,
                buyer_name=buyer,
                signing_date=contract.signing_date,
                scheme_label=SCHEME_LABELS[Scheme(contract.scheme)],
                organic=contract.organic,
                kg=contract.kg,
                lots=int(lot_counts.get(contract.id, 0)),
                lot_green_kg=total.green_kg,
                members=len(total.members),
                due_diligence_reference=contract.due_diligence_reference,
                shipped=contract.id in shipped,
            )
        )
    return rows


# --- traceability ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TraceMember:
    member_id: int
    code: str
    name: str
    dni: str | None
    gender: str
    community: str
    deliveries: int
    kg: Decimal  # parchment
    green_kg: Decimal
    premium: Decimal  # USD, pro rata of green kg
    plots: tuple[PlotGeoRow, ...]


@dataclass(frozen=True)
class TraceLot:
    lot: LotRow
    deliveries: tuple[DeliveryRow, ...]


@dataclass(frozen=True)
class Traceability:
    """contract -> lots -> deliveries -> members -> plots, with kg and Premium per member."""

    contract_id: int
    contract_number: str
    buyer_name: str
    signing_date: date
    scheme_label: str
    organic: bool
    contract_kg: Decimal  # green coffee sold
    premium_due: Decimal  # USD, from the price table
    due_diligence_reference: str
    lots: tuple[TraceLot, ...]
    members: tuple[TraceMember, ...]
    on: date = field(default_factory=date.today)

    @property
    def kg(self) -> Decimal:
        return sum((m.kg for m in self.members), Decimal(0))

    @property
    def green_kg(self) -> Decimal:
        return sum((m.green_kg for m in self.members), Decimal(0))

    @property
    def plots(self) -> tuple[PlotGeoRow, ...]:
        return tuple(p for m in self.members for p in m.plots)


def traceability(
    session: Session, actor: Actor, contract_id: int, *, on: date | None = None
) -> Traceability:
    require(actor, Permission.READ)
    contract = get_contract(session, actor, contract_id)
    lot_rows = list_lots(session, actor, contract_id=contract_id)
    lots = []
    by_member: dict[int, list[DeliveryRow]] = defaultdict(list)
    for lot in sorted(lot_rows, key=lambda r: r.code):
        deliveries = sorted(
            list_deliveries(session, actor, DeliveryFilter(lot_id=lot.id)),
            key=lambda d: (d.delivery_date, d.number),
        )
        lots.append(TraceLot(lot, tuple(deliveries)))
        for d in deliveries:
            by_member[d.member_id].append(d)
    plots: dict[int, list[PlotGeoRow]] = defaultdict(list)
    for plot in plot_checks(session, actor, member_ids=list(by_member)):
        plots[plot.member_id].append(plot)
    people = {
        m.id: m for m in session.scalars(select(Member).where(Member.id.in_(list(by_member))))
    }
    order = sorted(by_member, key=lambda mid: people[mid].code_sort)
    shares: dict[int, MemberShare] = {
        s.member_id: s
        for s in premium_shares(
            contract.premium_due,
            [(mid, sum((d.green_kg for d in by_member[mid]), Decimal(0))) for mid in order],
        )
    }
    members = []
    for mid in order:
        person = people[mid]
        rows = by_member[mid]
        share = shares.get(mid)
        members.append(
            TraceMember(
                member_id=mid,
                code=person.code,
                name=full_name(person.first_names, person.surnames),
                dni=person.dni,
                gender=person.gender,
                community=person.community,
                deliveries=len(rows),
                kg=sum((d.kg for d in rows), Decimal(0)),
                green_kg=sum((d.green_kg for d in rows), Decimal(0)),
                premium=share.premium if share else Decimal("0.00"),
                plots=tuple(plots.get(mid, [])),
            )
        )
    due_diligence = session.scalar(
        select(Contract.due_diligence_reference).where(Contract.id == contract_id)
    )
    return Traceability(
        contract_id=contract.id,
        contract_number=contract.number,
        buyer_name=contract.buyer_name,
        signing_date=contract.signing_date,
        scheme_label=contract.scheme_label,
        organic=contract.organic,
        contract_kg=contract.kg,
        premium_due=contract.premium_due,
        due_diligence_reference=due_diligence or "",
        lots=tuple(lots),
        members=tuple(members),
        on=on or date.today(),
    )


def export_traceability(session: Session, actor: Actor, contract_id: int, path: str | Path) -> Path:
    """The traceability report as a workbook, for the General Assembly and the auditors, in
    the cooperative's language."""
    require(actor, Permission.EXPORT)
    report = traceability(session, actor, contract_id)
    head = audit.current_anchor(session)
    with use_language(cooperative_language(session)):
        return _write_traceability(
            report, path, trail_head=(head.text, head.at) if head.at else None
        )


def _write_traceability(
    report: Traceability, path: str | Path, *, trail_head: tuple[str, datetime] | None
) -> Path:
    green_total = report.green_kg
    summary: list[tuple[str, object]] = [
        (_("Contract"), report.contract_number),
        (_("Buyer"), report.buyer_name),
        (_("Signed"), report.signing_date),
        (_("Terms"), _(report.scheme_label) + (_(", organic") if report.organic else "")),
        (_("Green coffee sold (kg)"), report.contract_kg),
        (_("Premium due (USD)"), report.premium_due),
        (_("Due-diligence reference"), report.due_diligence_reference or "-"),
        (_("Lots"), len(report.lots)),
        (_("Deliveries"), sum(len(lot.deliveries) for lot in report.lots)),
        (_("Members"), len(report.members)),
        (_("Parchment in the lots (kg)"), report.kg),
        (_("Green equivalent in the lots (kg)"), round_quantity(green_total)),
        (_("Plots"), len(report.plots)),
        (_("Plots failing the EUDR rules"), sum(1 for p in report.plots if not p.passes)),
        (_("Premium per member"), _("pro rata of green equivalent, largest remainder")),
        (_("Report date"), report.on),
    ]
    lots = [
        (
            t.lot.code,
            _("yes") if t.lot.certified else _("no"),
            t.lot.producer_name,
            t.lot.created_on,
            t.lot.deliveries,
            t.lot.members,
            t.lot.kg,
            round_quantity(t.lot.green_kg),
        )
        for t in report.lots
    ]
    deliveries = [
        (
            t.lot.code,
            d.number,
            d.delivery_date,
            d.member_code,
            d.member_name,
            d.collection_point,
            d.kg,
            d.moisture_pct,
            d.yield_factor_pct,
            round_quantity(d.green_kg),
            d.price_per_kg,
            d.currency,
            d.amount,
            _("yes") if d.certified else _("no"),
            _("above the yield estimate") if d.over_estimate else "",
        )
        for t in report.lots
        for d in t.deliveries
    ]
    members = [
        (
            m.code,
            m.name,
            m.dni or "",
            _(GENDER_LABELS.get(m.gender, m.gender)),
            m.community,
            m.deliveries,
            m.kg,
            round_quantity(m.green_kg),
            (m.green_kg / green_total).quantize(Decimal("0.0001")) if green_total else Decimal(0),
            m.premium,
            len(m.plots),
        )
        for m in report.members
    ]
    plots = [
        (
            p.member_code,
            p.member_name,
            p.plot_name,
            p.total_area_ha,
            _(GEOMETRY_KINDS[p.geometry_kind]),
            p.coffee_planted_on,
            _(EVIDENCE_LABELS[EvidenceKind(p.evidence_kind)]) if p.evidence_kind else "",
            _("passes") if p.passes else _("fails"),
            "; ".join(i.message for i in p.issues),
        )
        for p in report.plots
    ]
    from coop_desk.exchange import trade_files

    return trade_files.write_traceability(
        path,
        summary,
        lots,
        deliveries,
        members,
        plots,
        title=_(
            "Traceability of contract {contract} ({buyer})",
            contract=report.contract_number,
            buyer=report.buyer_name,
        ),
        trail_head=trail_head,
    )


def round_quantity(value: Decimal) -> Decimal:
    """Kilograms shown to 2 decimals (computed exactly before)."""
    return value.quantize(Decimal("0.01"))


# --- the buyer's EUDR file ----------------------------------------------------------------------


class ExportRefused(ValidationError):
    """The buyer's file cannot be written: the plots that fail, each with its reasons."""

    def __init__(self, plots: Sequence[PlotGeoRow]) -> None:
        self.plots = tuple(plots)
        super().__init__(
            [
                Problem(p.label, "; ".join(i.message for i in p.errors), column=str(p.plot_id))
                for p in plots
            ]
        )


@dataclass(frozen=True)
class EudrExport:
    contract_id: int
    contract_number: str
    plots: tuple[PlotGeoRow, ...]
    geojson: str  # the FeatureCollection text, "" while any plot fails
    size_bytes: int

    @property
    def failing(self) -> tuple[PlotGeoRow, ...]:
        return tuple(p for p in self.plots if not p.passes)


def production_place(plot: PlotGeoRow) -> str:
    """What the EU file calls the production place: the plot, its member and community."""
    place = f"{plot.plot_name} ({plot.member_code})"
    return f"{place}, {plot.community}" if plot.community else place


def eudr_export(session: Session, actor: Actor, contract_id: int) -> EudrExport:
    """The plots behind the contract's lots, checked; the GeoJSON text only when all pass."""
    require(actor, Permission.EXPORT)
    report = traceability(session, actor, contract_id)
    if not report.members:
        raise Conflict(
            _(
                "Contract {contract} has no lots with deliveries yet: there is no plot to "
                "declare. Group the deliveries in lots for this contract first.",
                contract=report.contract_number,
            )
        )
    plots = report.plots
    failing = [p for p in plots if not p.passes]
    if failing:
        return EudrExport(contract_id, report.contract_number, plots, "", 0)
    features = []
    for member in report.members:
        for plot in member.plots:
            geometry: Position | Boundary
            if plot.boundary is not None:
                geometry = plot.boundary
                area = None
            else:
                assert plot.point is not None  # a plot without either fails the checks
                geometry = plot.point
                area = plot.total_area_ha.normalize()
            features.append(
                OutFeature(geometry, feature_properties(member.name, production_place(plot), area))
            )
    text = feature_collection_text(features)
    return EudrExport(contract_id, report.contract_number, plots, text, len(text.encode("utf-8")))


@dataclass(frozen=True)
class EudrFiles:
    geojson: Path
    listing: Path  # the plot list beside it (.xlsx)
    export: EudrExport


def write_eudr_export(
    session: Session, actor: Actor, contract_id: int, path: str | Path
) -> EudrFiles:
    """Write the buyer's GeoJSON (``path``) and the plot list beside it (same name, .xlsx).
    Refused, with every failing plot and its reasons, while any plot fails the rules."""
    export = eudr_export(session, actor, contract_id)
    if export.failing:
        raise ExportRefused(export.failing)
    if export.size_bytes > MAX_FILE_BYTES:
        raise Conflict(
            _(
                "The file would be {size} MB; the EU information system accepts {limit} MB. "
                "Split the contract's lots over several statements.",
                size=formats.amount(Decimal(export.size_bytes) / 2**20, 1),
                limit=MAX_FILE_BYTES // 2**20,
            )
        )
    target = Path(path)
    if target.suffix.lower() not in (".geojson", ".json"):
        target = target.with_suffix(".geojson")
    if not target.parent.is_dir():
        raise Conflict(_("The folder {folder} does not exist.", folder=target.parent))
    geojson = write_text_atomically(target, export.geojson)
    head = audit.current_anchor(session)
    with use_language(cooperative_language(session)):
        from coop_desk.exchange import trade_files

        listing = trade_files.write_plot_list(
            target.with_suffix(".xlsx"),
            export.contract_number,
            _plot_list_rows(export.plots),
            trail_head=(head.text, head.at) if head.at else None,
        )
    return EudrFiles(geojson, listing, export)


def _plot_list_rows(plots: Sequence[PlotGeoRow]) -> list[trade_files.PlotListRow]:
    from coop_desk.exchange import trade_files

    return [
        trade_files.PlotListRow(
            member_code=p.member_code,
            member_name=p.member_name,
            dni=p.member_dni or "",
            community=p.community,
            plot_name=p.plot_name,
            production_place=production_place(p),
            area_ha=p.total_area_ha,
            measured_area_ha=p.boundary_area_ha,
            geometry_type=_("Polygon") if p.boundary is not None else _("Point"),
            coffee_planted_on=p.coffee_planted_on,
            farmland_since=p.farmland_since,
            evidence=_(EVIDENCE_LABELS[EvidenceKind(p.evidence_kind)]) if p.evidence_kind else "",
            evidence_reference=p.evidence_reference,
            evidence_document=p.evidence_document_name,
            evidence_sha256=p.evidence_document_sha256 or "",
        )
        for p in plots
    ]


# --- verify: what an auditor or a buyer would find ----------------------------------------------


@register("trade")
def _compliance(session: Session, today: date) -> list[Finding]:
    """Warnings: plots behind a contract not yet shipped that fail the EU deforestation rules
    (its buyer's file would be refused), and members whose deliveries of the season went
    above their yield estimate (the ICS red flag)."""
    findings: list[Finding] = []
    shipped = shipped_contracts(session)
    numbers = dict(
        session.execute(
            select(Contract.id, Contract.number).where(
                Contract.id.in_(select(Lot.contract_id).where(Lot.contract_id.is_not(None)))
            )
        )
        .tuples()
        .all()
    )
    for contract_id, number in sorted(numbers.items(), key=lambda item: item[1]):
        if contract_id in shipped:
            continue
        report = traceability(session, SYSTEM, contract_id, on=today)
        for plot in report.plots:
            if not plot.passes:
                findings.append(
                    Finding(
                        Severity.WARNING,
                        "eudr.plot",
                        _(
                            "{plot} (contract {contract}): {reasons}",
                            plot=plot.label,
                            contract=number,
                            reasons="; ".join(i.message for i in plot.errors),
                        ),
                        f"plot {plot.plot_id}",
                    )
                )
    season = harvest_season(today)
    flagged: dict[str, DeliveryRow] = {}
    for row in list_deliveries(
        session, SYSTEM, DeliveryFilter(date_from=season[0], date_to=today, flagged=True)
    ):
        best = flagged.get(row.member_code)
        if best is None or row.season_kg > best.season_kg:
            flagged[row.member_code] = row
    for code, row in sorted(flagged.items()):
        findings.append(
            Finding(
                Severity.WARNING,
                "ics.yield_estimate",
                _(
                    "{member} delivered {kg} kg of parchment in {year}, above the yield "
                    "estimate of {estimate} kg",
                    member=code,
                    kg=formats.amount(row.season_kg),
                    year=season[0].year,
                    estimate=formats.amount(row.yield_estimate_kg or Decimal(0)),
                ),
                f"member {code}",
            )
        )
    return findings
