"""Demo plots, deliveries and lots for the EU deforestation regulation (issue 13).

Every plot gets a place in the cooperative's area (around its GPS point when the register has
one), a planting date and evidence; most get a boundary drawn to their recorded area, smaller
ones sometimes only a GPS point. So that every rule shows, on purpose:

- a plot over 4 ha with only a GPS point (a polygon is needed);
- a plot with no geolocation at all;
- a plot whose coffee was planted in 2022 (after the cut-off), and one replanted in 2023 on
  land farmed since 2004 (a warning only);
- a boundary overlapping a neighbour's plot;
- a boundary whose area disagrees with the register;
- a GPS point typed with latitude and longitude swapped (outside Peru);
- a plot without evidence.

Deliveries of this season (certified from certified members, conventional from the others,
two members above their yield estimate: the ICS red flag), and two contracts being prepared:
``KFH-<year>-10`` (two lots and a Café Femenino micro-lot; every plot passes, its buyer's
file can be written) and ``NRC-<year>-11`` (one lot holding the members whose plots fail:
its export is refused with the reasons). A conventional lot waits for a buyer.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

import shapely
from pyproj import Transformer
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.eudr import EvidenceKind
from coop_desk.domain.geometry import Boundary, Position, local_projector, position
from coop_desk.domain.members import MemberStatus
from coop_desk.domain.premium import Process, QuantityUnit, Scheme
from coop_desk.domain.trade import DeliveryInput
from coop_desk.models import Member, Plot
from coop_desk.services import certification, members, plot_geo, trade
from coop_desk.services.access import Actor
from coop_desk.services.ledger import contracts
from coop_desk.services.plot_geo import EvidenceInput

SEED = 1115  # Regulation (EU) 2023/1115
D = Decimal
# Community centres in the demo's coffee belt (the register's GPS points lie in this box).
REGION = ((-78.70, -7.25), (-77.60, -6.95))
COLLECTION_POINTS = ["Almacén central", "Centro de acopio La Palma", "Centro de acopio El Palto"]


def load(session: Session, actor: Actor, today: date) -> None:
    rng = random.Random(SEED)
    plots = session.execute(
        select(
            Plot.id,
            Plot.member_id,
            Plot.name,
            Plot.total_area_ha,
            Plot.latitude,
            Plot.longitude,
            Member.code,
            Member.community,
            Member.status,
        )
        .join(Member, Member.id == Plot.member_id)
        .order_by(Member.code_sort, Plot.id)
    ).all()
    centres = _community_centres(rng, sorted({p.community for p in plots}))
    # The members whose plots break a rule on purpose (see the module's docstring).
    active = [p for p in plots if p.status == MemberStatus.ACTIVE]
    certified = _certified_members(session, actor, {p.member_id for p in active}, today)
    candidates = [p for p in active if p.member_id in certified]
    by_member: dict[int, list[int]] = {}
    for p in plots:
        by_member.setdefault(p.member_id, []).append(p.id)
    singles = [p for p in candidates if len(by_member[p.member_id]) == 1]
    big = next(p for p in candidates if p.total_area_ha > 4)
    chosen = {big.member_id}

    def pick(pool: list[Any]) -> Any:
        for p in pool:
            if p.member_id not in chosen:
                chosen.add(p.member_id)
                return p
        raise RuntimeError("the demo register has too few members")  # pragma: no cover

    late = pick(singles[5:])
    bare = pick(singles[12:])
    overlapping = pick(singles[20:])
    mismatch = pick(singles[28:])
    swapped = pick(singles[36:])
    no_evidence = pick(singles[44:])
    replanted = pick(singles[52:])
    special = {
        big.id: "point_only",
        late.id: "late",
        bare.id: "bare",
        overlapping.id: "overlap",
        mismatch.id: "mismatch",
        swapped.id: "swapped",
        no_evidence.id: "no_evidence",
        replanted.id: "replanted",
    }

    drawn: list[BaseGeometry] = []
    homes: dict[int, Position] = {}
    target: tuple[Position, int] | None = None  # a neighbour the overlapping plot encroaches on
    for p in plots:
        role = special.get(p.id, "")
        if p.latitude is not None and p.longitude is not None:
            centre = Position(p.longitude, p.latitude)
        elif p.member_id in homes:  # a member's plots lie within walking distance
            centre = _near(rng, homes[p.member_id], 900)
        else:
            centre = _near(rng, centres[p.community])
        homes.setdefault(p.member_id, centre)
        area = p.total_area_ha
        point_only = role == "point_only" or (role == "" and area <= 4 and rng.random() < 0.22)
        if role in ("bare", "overlap"):
            pass  # no geolocation; the overlapping plot is drawn once its neighbour is
        elif role == "swapped":
            _swap_point(session, actor, today, p.member_id, p.id, centre)
        elif point_only:
            plot_geo.set_point(session, actor, p.id, centre)
        else:
            factor = D("1.18") if role == "mismatch" else D(1) + D(rng.randint(-40, 40)) / 1000
            shape = _draw(session, actor, rng, p.id, centre, area * factor, drawn)
            if target is None and role == "" and p.member_id in certified and area > 1:
                target = (position(f"{shape.centroid.x:.6f}", f"{shape.centroid.y:.6f}"), p.id)
                chosen.add(p.member_id)
        _evidence(session, actor, today, rng, p.id, role)
    assert target is not None
    centre, _neighbour = target
    moved = Position(centre.lon + D("0.0006"), centre.lat)  # about 65 m east of its centre
    _draw(session, actor, rng, overlapping.id, moved, overlapping.total_area_ha, [])

    _deliveries_and_lots(
        session, actor, today, rng, certified, {m: by_member[m] for m in certified}, chosen
    )


def _community_centres(rng: random.Random, names: list[str]) -> dict[str, Position]:
    (west, south), (east, north) = REGION
    return {
        name: position(
            f"{west + (east - west) * rng.random():.6f}",
            f"{south + (north - south) * rng.random():.6f}",
        )
        for name in names
    }


def _near(rng: random.Random, centre: Position, spread_m: float = 5000) -> Position:
    angle = rng.random() * 2 * math.pi
    distance = spread_m * math.sqrt(rng.random())
    lon = float(centre.lon) + distance * math.cos(angle) / (111_320 * math.cos(math.radians(-7)))
    lat = float(centre.lat) + distance * math.sin(angle) / 110_574
    return position(f"{lon:.6f}", f"{lat:.6f}")


@cache
def _projector() -> Transformer:
    """One plane for the whole demo area (about 120 x 35 km): the outlines' areas come out
    within 0.01% of what is asked, and one transformer is built instead of one per plot."""
    (west, south), (east, north) = REGION
    return local_projector(position(f"{(west + east) / 2:.4f}", f"{(south + north) / 2:.4f}"))


def _outline(
    rng: random.Random, centre: Position, area_ha: Decimal
) -> tuple[tuple[Position, ...], BaseGeometry]:
    """An irregular plot outline of about ``area_ha`` around ``centre`` (as a farmer walks
    it: 6 to 9 corners), counterclockwise and closed."""
    corners = rng.randint(6, 9)
    radii = [0.75 + 0.5 * rng.random() for _ in range(corners)]
    angles = sorted(2 * math.pi * (i + 0.3 * rng.random()) / corners for i in range(corners))
    unit = [(r * math.cos(a), r * math.sin(a)) for r, a in zip(radii, angles, strict=True)]
    scale = math.sqrt(float(area_ha) * 10_000 / Polygon(unit).area)
    plane = _projector()
    cx, cy = plane.transform(float(centre.lon), float(centre.lat))
    ring = []
    for x, y in unit:
        lon, lat = plane.transform(cx + x * scale, cy + y * scale, direction="INVERSE")
        ring.append(position(f"{lon:.7f}", f"{lat:.7f}"))
    ring.append(ring[0])
    return tuple(ring), Polygon([p.floats() for p in ring])


def _draw(
    session: Session,
    actor: Actor,
    rng: random.Random,
    plot_id: int,
    centre: Position,
    area: Decimal,
    drawn: list[BaseGeometry],
) -> BaseGeometry:
    """Store an outline of ``area`` around ``centre``, moved until it overlaps none of
    ``drawn`` (neighbours' plots touch; only the deliberate one overlaps)."""
    for _attempt in range(30):
        ring, shape = _outline(rng, centre, area)
        if not drawn or not shapely.intersects(drawn, shape).any():
            break
        centre = _near(rng, centre, 500)
    drawn.append(shape)
    plot_geo.set_boundary(
        session, actor, plot_id, Boundary(((ring,),)), "demo: walked with a GPS, 2025"
    )
    return shape


def _swap_point(
    session: Session, actor: Actor, today: date, member_id: int, plot_id: int, at: Position
) -> None:
    """The register's GPS point typed the wrong way round (latitude in the longitude field):
    the member editor accepts any coordinates in range; the EUDR check names the slip."""
    detail = members.get_member(session, actor, member_id)
    data = detail.to_input()
    plots = tuple(
        p
        if p.id != plot_id
        else type(p)(
            id=p.id,
            name=p.name,
            total_area_ha=p.total_area_ha,
            coffee_area_ha=p.coffee_area_ha,
            altitude_m=p.altitude_m,
            varieties=p.varieties,
            latitude=at.lon.quantize(D("0.000001")),
            longitude=at.lat.quantize(D("0.000001")),
        )
        for p in data.plots
    )
    members.update_member(
        session, actor, member_id, type(data)(**{**data.__dict__, "plots": plots}), today=today
    )


def _evidence(
    session: Session, actor: Actor, today: date, rng: random.Random, plot_id: int, role: str
) -> None:
    planted = date(rng.randint(1996, 2019), rng.randint(1, 12), 1)
    farmland = None
    if role == "late":
        planted = date(2022, 3, 1)
    elif role == "replanted":
        planted, farmland = date(2023, 2, 1), date(2004, 6, 1)
    roll = rng.random()
    if role == "no_evidence":
        kind, reference = "", ""
    elif roll < 0.7:
        kind, reference = EvidenceKind.SATELLITE.value, f"GFW 2020-2025 report {plot_id:05d}"
    elif roll < 0.9:
        kind, reference = EvidenceKind.DECLARATION.value, f"DJ-{plot_id:04d} (community record)"
    else:
        kind, reference = EvidenceKind.LAND_TITLE.value, f"Certificado de posesión {plot_id:04d}"
    plot_geo.set_evidence(
        session,
        actor,
        plot_id,
        EvidenceInput(planted, farmland, kind, reference),
        today=today,
    )


def _certified_members(session: Session, actor: Actor, ids: set[int], today: date) -> set[int]:
    """Members whose coffee is certified over the whole delivery period."""
    first, last = today - timedelta(days=200), today - timedelta(days=3)
    return certification.certified_coffee(session, ids, first) & certification.certified_coffee(
        session, ids, last
    )


def _deliveries_and_lots(
    session: Session,
    actor: Actor,
    today: date,
    rng: random.Random,
    certified: set[int],
    plots_of: dict[int, list[int]],
    failing: set[int],
) -> None:
    buyers = {b.name: b.id for b in contracts.list_buyers(session, actor)}
    kfh = next(i for n, i in buyers.items() if n.startswith("Kaffeehaus"))
    nrc = next(i for n, i in buyers.items() if n.startswith("Northern"))
    signed = today - timedelta(days=50)
    year = signed.year
    good_contract = contracts.create_contract(
        session,
        actor,
        contracts.ContractInput(
            kfh,
            f"KFH-{year}-10",
            signed,
            Scheme.FAIRTRADE,
            True,
            Process.WASHED,
            D(230),
            QuantityUnit.BAGS,
            None,
            "Being prepared: EU buyer, needs the EUDR file",
        ),
    )
    bad_contract = contracts.create_contract(
        session,
        actor,
        contracts.ContractInput(
            nrc,
            f"NRC-{year}-11",
            signed,
            Scheme.FAIRTRADE,
            True,
            Process.WASHED,
            D(65),
            QuantityUnit.BAGS,
            None,
            "Being prepared",
        ),
    )
    estimates = trade.yield_estimates(session, certified, today)
    first_day = today - timedelta(days=200)
    ordered = sorted(certified)
    clean_members = [m for m in ordered if m not in failing]
    deliveries: dict[int, list[int]] = {}

    joined = dict(session.execute(select(Member.id, Member.join_date)).tuples().all())

    def deliver(member_id: int, kg: Decimal, is_certified: bool, offset: int) -> int:
        day = min(today - timedelta(days=3), first_day + timedelta(days=offset))
        day = max(day, joined[member_id])  # a member who joined lately delivers since then
        row = trade.create_delivery(
            session,
            actor,
            DeliveryInput(
                member_id=member_id,
                delivery_date=day,
                kg=kg,
                moisture_pct=D(rng.randint(105, 130)) / 10,
                yield_factor_pct=D(rng.randint(760, 830)) / 10,
                price_per_kg=D(rng.randint(1650, 2050)) / 100,
                certified=is_certified,
                collection_point=rng.choice(COLLECTION_POINTS),
            ),
            today=today,
        )
        deliveries.setdefault(member_id, []).append(row.id)
        return row.id

    # Certified deliveries: three or so per member, about 40-80% of the estimate; two members
    # deliver beyond it (the red flag).
    red_flags = set(clean_members[30:32])
    for index, member_id in enumerate(clean_members[:60] + sorted(failing)):
        estimate = estimates.get(member_id, D(1000))
        share = D("1.15") if member_id in red_flags else D(rng.randint(40, 80)) / 100
        parts = 3 if member_id in red_flags else rng.randint(2, 3)
        each = (estimate * share / parts).quantize(D("0.5"), ROUND_HALF_UP)
        for part in range(parts):
            deliver(member_id, max(each, D(30)), True, (index * 3 + part * 45) % 190)
    # Conventional coffee from members whose coffee is not certified.
    conventional = [
        m
        for m, _status in session.execute(
            select(Member.id, Member.status).where(
                Member.status.in_([MemberStatus.ACTIVE, MemberStatus.SUSPENDED])
            )
        )
        if m not in certified
    ][:8]
    conventional_ids = [
        deliver(m, D(rng.randint(300, 900)), False, 20 + i * 17) for i, m in enumerate(conventional)
    ]

    def lot(
        code: str,
        contract_id: int | None,
        member_ids: list[int],
        producer: int | None = None,
        notes: str = "",
    ) -> None:
        row = trade.create_lot(
            session,
            actor,
            trade.LotInput(code, True, contract_id, producer, today - timedelta(days=10), notes),
        )
        ids = [d for m in member_ids for d in deliveries.get(m, [])]
        trade.add_to_lot(session, actor, row.id, ids)

    women = {m for m, gender in session.execute(select(Member.id, Member.gender)) if gender == "F"}
    femenino = next(m for m in clean_members[:60] if m in women and m not in red_flags)
    rest = [m for m in clean_members[:60] if m != femenino]
    lot(f"L-{year}-001", good_contract.id, rest[:14])
    lot(f"L-{year}-002", good_contract.id, rest[14:26])
    lot(
        f"CF-{year}-01",
        good_contract.id,
        [femenino],
        producer=femenino,
        notes="Café Femenino: sold under the producer's own name",
    )
    lot(f"L-{year}-003", bad_contract.id, sorted(failing))
    conventional_lot = trade.create_lot(
        session,
        actor,
        trade.LotInput(
            f"C-{year}-001",
            False,
            None,
            None,
            today - timedelta(days=8),
            "Conventional coffee awaiting a buyer",
        ),
    )
    # the newest conventional delivery waits outside any lot
    trade.add_to_lot(session, actor, conventional_lot.id, conventional_ids[:-1])
