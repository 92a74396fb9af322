"""Demo member register: 188 smallholders of a cooperative in northern Peru (Cajamarca /
Amazonas coffee belt), about 30% women, codes CPGP-3784-1 ... CPGP-3784-188."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from coop_desk.domain.members import MemberInput, MemberStatus, PlotInput
from coop_desk.domain.money import allocate
from coop_desk.i18n import _
from coop_desk.services import cooperative, members
from coop_desk.services.access import Actor

SEED = 3784
MEMBER_COUNT = 188
CODE_PREFIX = "CPGP-3784-"

WOMEN = [
    "María",
    "Rosa",
    "Flor",
    "Carmen",
    "Juana",
    "Dolores",
    "Ermelinda",
    "Floremilda",
    "Elena",
    "Santos",
    "Luz",
    "Marleni",
    "Yolanda",
    "Nelly",
    "Zoila",
    "Segunda",
    "Isabel",
    "Dina",
    "Norma",
    "Gladys",
    "Teresa",
    "Rocío",
    "Marisol",
    "Deysi",
    "Olinda",
    "Lucila",
]
MEN = [
    "José",
    "Juan",
    "Segundo",
    "Wilmer",
    "Elmer",
    "Aurelio",
    "Ronal",
    "Santos",
    "Eusebio",
    "Manuel",
    "Pedro",
    "Víctor",
    "Nilo",
    "Alindor",
    "Hermógenes",
    "Leoncio",
    "César",
    "Jaime",
    "Edilberto",
    "Walter",
    "Teodoro",
    "Abel",
    "Orlando",
    "Franklin",
    "Noé",
    "Eladio",
]
SURNAMES = [
    "Huamán",
    "Carranza",
    "Delgado",
    "Sánchez",
    "Baca",
    "Ramírez",
    "Pérez",
    "Castañeda",
    "Saavedra",
    "Coronel",
    "Mego",
    "Alarcón",
    "Campos",
    "Herrera",
    "Fernández",
    "Núñez",
    "Vásquez",
    "Tapia",
    "Guevara",
    "Chávez",
    "Díaz",
    "Cubas",
    "Rojas",
    "Bustamante",
    "Llatas",
    "Tocto",
    "Julca",
    "Chuquilín",
    "Idrogo",
    "Bardales",
    "Mondragón",
    "Torres",
]
COMMUNITIES = [
    "La Palma",
    "Nuevo Progreso",
    "Santa Rosa",
    "El Palto",
    "El Triunfo",
    "Pan de Azúcar",
    "Miraflores",
    "San Martín de Porres",
    "Alto Perú",
    "La Unión",
]
VARIETIES = ["Typica", "Caturra", "Bourbon", "Catimor", "Geisha", "Pache", "Catuaí"]
OVERSIZED = frozenset({23, 131})
PLOT_NAMES = ["La Loma", "El Naranjo", "Bajo Chico", "Las Palmeras", "El Mirador", "La Quebrada"]


def load(session: Session, actor: Actor, today: date) -> None:
    cooperative.save_profile(
        session,
        actor,
        cooperative.Profile(
            name="Cooperativa de Productores de Café Gran Pajatén",
            short_name="CPGP",
            country="PE",
            tax_id="20487651234",
            flo_id="3784",
            reporting_currency="USD",
            local_currency="PEN",
            fiscal_year_start_month=1,
        ),
    )
    rng = random.Random(SEED)
    area_rng = random.Random(SEED + 1)
    used_dni: set[str] = set()
    for number in range(1, MEMBER_COUNT + 1):
        woman = rng.random() < 0.30
        first = rng.choice(WOMEN if woman else MEN)
        if rng.random() < 0.35:
            first = f"{first} {rng.choice(WOMEN if woman else MEN)}"
        surnames = f"{rng.choice(SURNAMES)} {rng.choice(SURNAMES)}"
        if number == 7:  # a known name so a search for "nunez" has an answer
            first, surnames, woman = "Rosa Elvira", "Núñez Vega", True
        birth = date(rng.randint(1950, 1998), rng.randint(1, 12), rng.randint(1, 28))
        join = date(
            rng.randint(max(birth.year + 18, 1998), today.year - 1),
            rng.randint(1, 12),
            rng.randint(1, 28),
        )
        dni = None
        if rng.random() > 0.03:  # a few members have no DNI on record yet
            while dni is None or dni in used_dni:
                dni = f"{rng.randint(1_000_000, 48_999_999):08d}"
            used_dni.add(dni)
        plots = []
        plot_count = rng.choice([1, 1, 1, 2, 2, 3])
        # Smallholders: 0.8 to 4.5 ha in all; two farms above the EU group limit of 5 ha
        # (DOMAIN.md) so the certification alerts have something to show.
        # Areas come from their own generator so that the rest of the demo (names, dates,
        # statuses) stays what other parts of the program and their tests know.
        farm = Decimal("6.5") if number in OVERSIZED else Decimal(area_rng.randint(8, 45)) / 10
        weights = [Decimal(area_rng.randint(1, 4)) for _ in range(plot_count)]
        plot_areas = [max(a, Decimal("0.1")) for a in allocate(farm, weights, places=1)]
        for index, total in enumerate(plot_areas):
            rng.randint(5, 40), rng.randint(3, 30)  # the draws areas once took, kept in sequence
            coffee = max(Decimal("0.1"), total * Decimal(area_rng.randint(5, 10)) / 10)
            coffee = min(total, coffee.quantize(Decimal("0.1")))
            lat = Decimal(f"-{rng.randint(6_900_000, 7_300_000)}") / 1_000_000
            lon = Decimal(f"-{rng.randint(77_500_000, 78_800_000)}") / 1_000_000
            plots.append(
                PlotInput(
                    name=PLOT_NAMES[(number + index) % len(PLOT_NAMES)],
                    total_area_ha=total,
                    coffee_area_ha=coffee,
                    altitude_m=rng.randint(1250, 2050),
                    varieties=", ".join(sorted(rng.sample(VARIETIES, rng.randint(1, 3)))),
                    latitude=lat if rng.random() < 0.6 else None,
                    longitude=lon if rng.random() < 0.6 else None,
                )
            )
        plots = [
            p if (p.latitude is None) == (p.longitude is None) else _without_gps(p) for p in plots
        ]
        detail = members.create_member(
            session,
            actor,
            MemberInput(
                code=f"{CODE_PREFIX}{number}",
                first_names=first,
                surnames=surnames,
                gender="F" if woman else "M",
                join_date=join,
                dni=dni,
                birth_date=birth,
                community=rng.choice(COMMUNITIES),
                phone=f"9{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.8 else "",
                plots=tuple(plots),
            ),
            today=today,
        )
        roll = rng.random()
        if roll < 0.03:
            left = min(today, join + timedelta(days=rng.randint(400, 3000)))
            members.change_status(
                session,
                actor,
                detail.id,
                MemberStatus.WITHDRAWN,
                left,
                _("moved to the coast"),
                today=today,
            )
        elif roll < 0.04:
            members.change_status(
                session,
                actor,
                detail.id,
                MemberStatus.SUSPENDED,
                today - timedelta(days=40),
                _("used a prohibited herbicide (ICS finding)"),
                today=today,
            )


def _without_gps(plot: PlotInput) -> PlotInput:
    return PlotInput(
        name=plot.name,
        total_area_ha=plot.total_area_ha,
        coffee_area_ha=plot.coffee_area_ha,
        altitude_m=plot.altitude_m,
        varieties=plot.varieties,
    )
