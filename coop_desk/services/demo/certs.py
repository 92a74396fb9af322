"""Demo certification records: the cooperative's certificates (Fairtrade FLO ID 3784, organic
EU and USDA NOP, the EU one expiring within 90 days), the ICS committee's approvals, organic
conversion of the plots (several in conversion, a few leaving it soon), a year of internal
inspections with a few members not yet inspected, corrective actions (one overdue) and the
suspension of the member who used a prohibited herbicide."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.certification import (
    CertificateInput,
    CommitteeDecision,
    CorrectiveActionInput,
    InspectionInput,
    InspectionResult,
    SanctionInput,
    SanctionKind,
    add_months,
)
from coop_desk.domain.members import MemberStatus
from coop_desk.i18n import N_, _
from coop_desk.models import Member, Plot
from coop_desk.services import certification as certs
from coop_desk.services.access import Actor

SEED = 848
INSPECTORS = ["Wilder Tocto Julca", "Marleni Cubas Díaz", "Julio Idrogo Mego"]
NOT_INSPECTED_YET = 9  # members left for the rest of the year
FINDINGS = [
    (N_("Coffee pulp dumped by the stream"), N_("Compost the pulp in a covered pit")),
    (
        N_("No buffer strip towards the neighbour's conventional field"),
        N_("Plant a 5 m living barrier"),
    ),
    (N_("Field records of the harvest incomplete"), N_("Bring the harvest notebook up to date")),
    (
        N_("Bags of conventional fertiliser stored in the house"),
        N_("Remove them; sign a declaration"),
    ),
]


def load(session: Session, actor: Actor, today: date) -> None:
    rng = random.Random(SEED)
    _certificates(session, actor, today)
    members = session.execute(
        select(Member.id, Member.code, Member.join_date, Member.status).order_by(Member.code_sort)
    ).all()
    group = [m for m in members if m.status in (MemberStatus.ACTIVE, MemberStatus.SUSPENDED)]
    suspended = [m for m in group if m.status == MemberStatus.SUSPENDED]
    fairtrade = certs.scheme_id(session, "fairtrade")
    newest = sorted(group, key=lambda m: (m.join_date, m.id))[-2:]
    pending = newest[-1]  # joined last: inspected, waiting for the committee

    plots: dict[int, list[int]] = {}
    for pid, mid in session.execute(select(Plot.id, Plot.member_id).order_by(Plot.id)):
        plots.setdefault(mid, []).append(pid)

    # Organic conversion: most plots organic for years, several in conversion.
    in_conversion = [
        (today - timedelta(days=80), 4),  # T1
        (add_months(today, -14), 3),  # T2
        (add_months(today, -30), 3),  # T3
        (add_months(today, -35) - timedelta(days=10), 2),  # organic within the next 90 days
    ]
    conversion_queue = [start for start, count in in_conversion for _ in range(count)]
    for number, m in enumerate(members):
        for pid in plots.get(m.id, []):
            roll = rng.random()
            if number % 17 == 5 and conversion_queue:
                start: date | None = conversion_queue.pop(0)
            elif roll < 0.05:
                start = None  # conventional (e.g. a plot bought recently, not yet converting)
            else:
                start = max(m.join_date, date(2008, 1, 1)) - timedelta(days=rng.randint(0, 400))
            certs.set_plot_organic(session, actor, pid, start, today=today)

    # Committee approvals and Fairtrade scope.
    for m in group:
        if m.id != pending.id:
            certs.record_decision(
                session,
                actor,
                m.id,
                CommitteeDecision.APPROVED,
                min(today, m.join_date + timedelta(days=30)),
                reference=f"Acta CAI {m.join_date.year}-{m.id:03d}",
                today=today,
            )
        certs.set_member_scheme(
            session, actor, m.id, fairtrade, True, max(m.join_date, date(2010, 6, 1)), today=today
        )

    # Café Femenino: coffee grown by the women members, sold as its own lots.
    femenino = certs.scheme_id(session, "cafe-femenino")
    women = session.execute(
        select(Member.id, Member.join_date)
        .where(Member.gender == "F", Member.status == MemberStatus.ACTIVE)
        .order_by(Member.code_sort)
    ).all()
    for w in women[:12]:
        certs.set_member_scheme(
            session, actor, w.id, femenino, True, max(w.join_date, date(2019, 3, 8)), today=today
        )

    # Rainforest Alliance certifies each farm: two members in its scope, one certificate
    # expiring soon, the other not yet issued.
    rainforest = certs.scheme_id(session, "rainforest-alliance")
    for index, m in enumerate(group[2:4]):
        certs.set_member_scheme(
            session, actor, m.id, rainforest, True, today - timedelta(days=400), today=today
        )
        if index == 0:
            certs.save_certificate(
                session,
                actor,
                CertificateInput(
                    scheme_id=rainforest,
                    certifier="Rainforest Alliance",
                    number=f"RA-PE-{m.code}",
                    issue_date=today - timedelta(days=325),
                    expiry_date=today + timedelta(days=40),
                    scope=_("Farm certificate"),
                    member_id=m.id,
                ),
            )

    # Internal inspections: last year for everybody, this year for all but a few.
    year_start = date(today.year, 1, 1)
    span = max((today - year_start).days, 1)
    skipped = {
        m.id for m in rng.sample([m for m in group if m not in suspended], NOT_INSPECTED_YET)
    }
    for m in group:
        own = plots.get(m.id, [])
        previous = date(today.year - 1, rng.randint(2, 11), rng.randint(1, 28))
        if previous >= m.join_date - timedelta(days=300):
            _inspect(session, actor, today, m.id, previous, own, rng, InspectionResult.APPROVED)
        if m.id in skipped:
            continue
        when = year_start + timedelta(days=rng.randint(0, span - 1))
        if m in suspended:
            _suspend(session, actor, today, m.id, own)
            continue
        if m.id == pending.id:
            when = max(m.join_date, today - timedelta(days=12))
        conditional = rng.random() < 0.12
        _inspect(
            session,
            actor,
            today,
            m.id,
            when,
            own,
            rng,
            InspectionResult.CONDITIONAL if conditional else InspectionResult.APPROVED,
        )

    # A follow-up visit whose corrective action was not done in time: overdue in the schedule,
    # with the warning the catalogue of sanctions gives for it.
    late = next(m for m in group if m not in suspended and m.id not in skipped | {pending.id})
    _inspect(
        session,
        actor,
        today,
        late.id,
        today - timedelta(days=80),
        plots.get(late.id, []),
        rng,
        InspectionResult.CONDITIONAL,
        due=today - timedelta(days=20),
        done=False,
    )
    certs.record_sanction(
        session,
        actor,
        SanctionInput(
            member_id=late.id,
            kind=SanctionKind.WARNING,
            decided_on=today - timedelta(days=10),
            reason=_("Corrective action not completed by its due date"),
        ),
        today=today,
    )


def _certificates(session: Session, actor: Actor, today: date) -> None:
    fairtrade = certs.scheme_id(session, "fairtrade")
    eu = certs.scheme_id(session, "organic-eu")
    nop = certs.scheme_id(session, "organic-nop")
    certs.add_scheme(session, actor, certs.SchemeInput(name="Café Femenino", kind="other"))
    certs.add_scheme(
        session, actor, certs.SchemeInput(name="Rainforest Alliance", member_certificates=True)
    )
    issued = today - timedelta(days=420)
    records = [
        CertificateInput(
            scheme_id=fairtrade,
            certifier="FLOCERT",
            number="3784",
            issue_date=issued,
            expiry_date=add_months(issued, 36),
            scope=_("Green coffee (Arabica, washed); small-scale producer organisation"),
        ),
        CertificateInput(
            scheme_id=eu,
            certifier="Control Union Peru",
            number="CU-PE-845920",
            issue_date=today - timedelta(days=670),
            expiry_date=today - timedelta(days=305),
            scope=_("Green coffee; ICS group of smallholders (previous year)"),
        ),
        CertificateInput(
            scheme_id=eu,
            certifier="Control Union Peru",
            number="CU-PE-845921",
            issue_date=today - timedelta(days=305),
            expiry_date=today + timedelta(days=60),  # due for renewal: shows in the alerts
            scope=_("Green coffee; ICS group of smallholders"),
        ),
        CertificateInput(
            scheme_id=nop,
            certifier="Control Union Peru",
            number="CU-NOP-845921",
            issue_date=today - timedelta(days=200),
            expiry_date=today + timedelta(days=530),
            scope=_("Green coffee for export to the United States"),
        ),
    ]
    for data in records:
        certs.save_certificate(session, actor, data)


def _inspect(
    session: Session,
    actor: Actor,
    today: date,
    member_id: int,
    when: date,
    plot_ids: list[int],
    rng: random.Random,
    result: InspectionResult,
    *,
    due: date | None = None,
    done: bool = True,
) -> None:
    findings = ""
    actions: tuple[CorrectiveActionInput, ...] = ()
    if result == InspectionResult.CONDITIONAL:
        finding, action = rng.choice(FINDINGS)
        findings = _(finding)
        due = due or when + timedelta(days=60)
        completed = None
        if done and due <= today:
            completed = min(today, due - timedelta(days=rng.randint(0, 20)))
            completed = max(completed, when)
        actions = (CorrectiveActionInput(_(action), due, completed),)
    certs.record_inspection(
        session,
        actor,
        InspectionInput(
            member_id=member_id,
            inspection_date=when,
            inspector=rng.choice(INSPECTORS),
            result=result,
            findings=findings,
            plot_ids=tuple(plot_ids),
            yield_estimate_kg=Decimal(rng.randint(8, 45) * 50),
            corrective_actions=actions,
        ),
        today=today,
    )


def _suspend(
    session: Session, actor: Actor, today: date, member_id: int, plot_ids: list[int]
) -> None:
    """The member demo/members.py suspended 40 days ago for a prohibited herbicide."""
    when = today - timedelta(days=45)
    inspection = certs.record_inspection(
        session,
        actor,
        InspectionInput(
            member_id=member_id,
            inspection_date=when,
            inspector=INSPECTORS[0],
            result=InspectionResult.NOT_APPROVED,
            findings=_(
                "Empty containers of glyphosate found on the plot; the member confirms "
                "spraying the weeds between the coffee rows."
            ),
            plot_ids=tuple(plot_ids),
            yield_estimate_kg=Decimal(900),
            last_prohibited_input="Glyphosate (herbicide)",
            last_prohibited_input_date=when - timedelta(days=20),
        ),
        today=today,
    )
    for pid in plot_ids:  # conversion starts again after the prohibited input
        certs.set_plot_organic(session, actor, pid, today - timedelta(days=40), today=today)
    certs.record_sanction(
        session,
        actor,
        SanctionInput(
            member_id=member_id,
            kind=SanctionKind.SUSPENSION,
            decided_on=today - timedelta(days=40),
            reason=_(
                "Used a prohibited herbicide (glyphosate); organic status suspended, the "
                "plots restart conversion"
            ),
            starts_on=today - timedelta(days=40),
            ends_on=today + timedelta(days=325),
            inspection_id=inspection.id,
        ),
        today=today,
    )
