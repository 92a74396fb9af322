"""The ICS views built from the records: the approved-farmer list of the group on a date, the
overview (inspection coverage, open actions, pending approvals, area by status, the
re-inspection sample), one member's certification, and the member pickers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.certification import (
    ConversionStatus,
    GroupRules,
    SchemeKind,
    coverage_percent,
    reinspection_sample,
)
from coop_desk.domain.members import full_name
from coop_desk.models import ApprovalDecision, CertScheme, Member, MemberScheme, Plot, Sanction
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.certification.certificates import CertificateRow, list_certificates
from coop_desk.services.certification.committee import DecisionRow, decision_row
from coop_desk.services.certification.inspections import (
    ActionRow,
    InspectionRow,
    last_inspections,
    list_inspections,
    open_actions,
)
from coop_desk.services.certification.plots import PlotStatusRow, plot_rows
from coop_desk.services.certification.rules import group_rules
from coop_desk.services.certification.sanctions import SanctionRow, list_sanctions, sanction_rows
from coop_desk.services.certification.scope import SchemeStatusRow
from coop_desk.services.certification.standing import GROUP_STATUSES, find_member, status_facts


@dataclass(frozen=True)
class MemberCertification:
    """Everything the member editor's certification tab shows, as of ``on``."""

    member_id: int
    code: str
    name: str
    register_status: str
    join_date: date
    on: date
    approved: bool
    approval_date: date | None
    suspended: bool
    excluded: bool
    schemes: tuple[SchemeStatusRow, ...]
    plots: tuple[PlotStatusRow, ...]
    inspections: tuple[InspectionRow, ...]  # newest first
    sanctions: tuple[SanctionRow, ...]  # newest first
    decisions: tuple[DecisionRow, ...]  # newest first
    certificates: tuple[CertificateRow, ...]

    @property
    def inspected_this_year(self) -> bool:
        return any(i.inspection_date.year == self.on.year for i in self.inspections)


@dataclass(frozen=True, slots=True)
class FarmerRow:
    """One member of the group as the ICS approved-farmer list shows it."""

    member_id: int
    code: str
    name: str
    community: str
    gender: str
    join_date: date
    register_status: str
    approved: bool
    approval_date: date | None
    suspended: bool
    plots: tuple[PlotStatusRow, ...]
    yield_estimate_kg: Decimal | None
    last_inspection_date: date | None
    last_inspection_result: str | None
    last_prohibited_input: str
    last_prohibited_input_date: date | None
    sanctions: tuple[SanctionRow, ...]

    @property
    def total_area_ha(self) -> Decimal:
        return sum((p.total_area_ha for p in self.plots), Decimal(0))

    def area(self, status: ConversionStatus) -> Decimal:
        return sum((p.total_area_ha for p in self.plots if p.status == status), Decimal(0))

    @property
    def certified_area_ha(self) -> Decimal:
        return sum((p.total_area_ha for p in self.plots if p.certified), Decimal(0))

    def inspected_in(self, year: int) -> bool:
        return self.last_inspection_date is not None and self.last_inspection_date.year == year


@dataclass(frozen=True)
class IcsOverview:
    on: date
    group_members: int
    inspected: int
    coverage_percent: Decimal
    not_inspected: tuple[FarmerRow, ...]
    open_actions: tuple[ActionRow, ...]  # not completed, earliest due first
    pending_approval: tuple[FarmerRow, ...]
    reinspection_sample: int
    area_by_status: dict[ConversionStatus, Decimal] = field(default_factory=dict)

    @property
    def overdue_actions(self) -> tuple[ActionRow, ...]:
        return tuple(a for a in self.open_actions if a.overdue(self.on))


def member_certification(
    session: Session, actor: Actor, member_id: int, on: date | None = None
) -> MemberCertification:
    require(actor, Permission.READ)
    on = on or date.today()
    member = find_member(session, member_id)
    rules = group_rules(session)
    facts = status_facts(session, [member_id], on)
    plots = plot_rows(session, [member_id], on, rules, facts)[member_id]
    fact = facts[member_id]
    schemes = list(session.scalars(select(CertScheme).order_by(CertScheme.id)))
    scope = {
        r.scheme_id: r
        for r in session.scalars(select(MemberScheme).where(MemberScheme.member_id == member_id))
    }
    certificates = list_certificates(session, actor, member_id=member_id)
    latest_cert: dict[int, CertificateRow] = {}
    for cert in certificates:  # newest expiry first
        latest_cert.setdefault(cert.scheme_id, cert)
    scheme_rows = tuple(
        SchemeStatusRow(
            scheme_id=s.id,
            scheme_name=s.name,
            scheme_kind=s.kind,
            member_certificates=s.member_certificates,
            in_scope=scope[s.id].in_scope if s.id in scope else None,
            since=scope[s.id].since if s.id in scope else None,
            notes=scope[s.id].notes if s.id in scope else "",
            certificate=latest_cert.get(s.id),
            record_version=scope[s.id].version if s.id in scope else 0,
        )
        for s in schemes
    )
    decisions = session.scalars(
        select(ApprovalDecision)
        .where(ApprovalDecision.member_id == member_id)
        .order_by(ApprovalDecision.decision_date.desc(), ApprovalDecision.id.desc())
    )
    return MemberCertification(
        member_id=member.id,
        code=member.code,
        name=full_name(member.first_names, member.surnames),
        register_status=member.status,
        join_date=member.join_date,
        on=on,
        approved=fact.approved,
        approval_date=fact.approval_date,
        suspended=fact.suspended,
        excluded=fact.excluded,
        schemes=scheme_rows,
        plots=tuple(plots),
        inspections=tuple(list_inspections(session, actor, member_id=member_id)),
        sanctions=tuple(list_sanctions(session, actor, member_id=member_id)),
        decisions=tuple(decision_row(d) for d in decisions),
        certificates=tuple(certificates),
    )


@dataclass(frozen=True)
class MemberChoice:
    id: int
    code: str
    name: str
    plots: tuple[tuple[int, str], ...]


def group_member_choices(session: Session, actor: Actor) -> list[MemberChoice]:
    """Members of the group (active or suspended) with their plots, for pickers."""
    require(actor, Permission.READ)
    members = session.execute(
        select(Member.id, Member.code, Member.first_names, Member.surnames)
        .where(Member.status.in_(GROUP_STATUSES))
        .order_by(Member.code_sort)
    ).all()
    plots: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for pid, mid, name in session.execute(
        select(Plot.id, Plot.member_id, Plot.name).order_by(Plot.id)
    ):
        plots[mid].append((pid, name))
    return [
        MemberChoice(m.id, m.code, full_name(m.first_names, m.surnames), tuple(plots[m.id]))
        for m in members
    ]


def farmer_list(session: Session, actor: Actor, on: date | None = None) -> list[FarmerRow]:
    """The ICS list: every member of the group with plots by status, yield estimate, last
    inspection and sanctions, in code order."""
    require(actor, Permission.READ)
    return _farmers(session, on or date.today(), group_rules(session))


def ics_overview(session: Session, actor: Actor, on: date | None = None) -> IcsOverview:
    require(actor, Permission.READ)
    on = on or date.today()
    rules = group_rules(session)
    return overview_from(session, on, rules, _farmers(session, on, rules))


def farmers_on(session: Session, on: date, rules: GroupRules) -> list[FarmerRow]:
    """The group on ``on`` (internal: for checks and alerts that already hold the rights)."""
    return _farmers(session, on, rules)


def overview_from(
    session: Session, on: date, rules: GroupRules, farmers: list[FarmerRow]
) -> IcsOverview:
    """The ICS overview from an already loaded farmer list."""
    inspected = [f for f in farmers if f.inspected_in(on.year)]
    areas: dict[ConversionStatus, Decimal] = {s: Decimal(0) for s in ConversionStatus}
    for f in farmers:
        for p in f.plots:
            areas[p.status] += p.total_area_ha
    return IcsOverview(
        on=on,
        group_members=len(farmers),
        inspected=len(inspected),
        coverage_percent=coverage_percent(len(inspected), len(farmers)),
        not_inspected=tuple(f for f in farmers if not f.inspected_in(on.year)),
        open_actions=tuple(open_actions(session)),
        pending_approval=tuple(f for f in farmers if not f.approved),
        reinspection_sample=reinspection_sample(len(farmers), rules),
        area_by_status=areas,
    )


def _farmers(session: Session, on: date, rules: GroupRules) -> list[FarmerRow]:
    members = session.execute(
        select(
            Member.id,
            Member.code,
            Member.first_names,
            Member.surnames,
            Member.community,
            Member.gender,
            Member.join_date,
            Member.status,
        )
        .where(Member.status.in_(GROUP_STATUSES), Member.join_date <= on)
        .order_by(Member.code_sort)
    ).all()
    facts = status_facts(session, None, on)
    members = [m for m in members if not facts[m.id].excluded]
    plots = plot_rows(session, None, on, rules, facts)
    last = last_inspections(session, on)
    sanctions: dict[int, list[SanctionRow]] = defaultdict(list)
    for s in sanction_rows(
        session,
        list(
            session.scalars(
                select(Sanction)
                .where(Sanction.decided_on <= on)
                .order_by(Sanction.decided_on.desc(), Sanction.id.desc())
            )
        ),
    ):
        sanctions[s.member_id].append(s)
    rows = []
    same: Callable[[Any, Any], Any] = {}.setdefault  # one object per repeated date or word
    for m in members:
        insp = last.get(m.id)
        rows.append(
            FarmerRow(
                member_id=m.id,
                code=m.code,
                name=full_name(m.first_names, m.surnames),
                community=same(m.community, m.community),
                gender=same(m.gender, m.gender),
                join_date=same(m.join_date, m.join_date),
                register_status=same(m.status, m.status),
                approved=facts[m.id].approved,
                approval_date=facts[m.id].approval_date,
                suspended=facts[m.id].suspended,
                plots=tuple(plots.get(m.id, [])),
                yield_estimate_kg=insp.yield_estimate_kg if insp else None,
                last_inspection_date=insp.inspection_date if insp else None,
                last_inspection_result=insp.result if insp else None,
                last_prohibited_input=insp.last_prohibited_input if insp else "",
                last_prohibited_input_date=insp.last_prohibited_input_date if insp else None,
                sanctions=tuple(sanctions.get(m.id, [])),
            )
        )
    return rows


def certified_coffee(session: Session, member_ids: Iterable[int], on: date) -> set[int]:
    """The members whose coffee counts as certified on ``on`` (deliveries and lots): approved
    by the ICS committee, neither suspended nor excluded, and with a plot counted as certified
    organic or in the scope of a Fairtrade scheme since that date. One query per kind of fact,
    whatever the number of members."""
    ids = list(set(member_ids))
    if not ids:
        return set()
    facts = status_facts(session, ids, on)
    eligible = [m for m in ids if facts[m].approved and not facts[m].suspended]
    if not eligible:
        return set()
    plots = plot_rows(session, eligible, on, group_rules(session), facts)
    organic = {m for m in eligible if any(p.certified for p in plots.get(m, []))}
    fairtrade = set(
        session.scalars(
            select(MemberScheme.member_id)
            .join(CertScheme, CertScheme.id == MemberScheme.scheme_id)
            .where(
                MemberScheme.member_id.in_(eligible),
                CertScheme.kind == SchemeKind.FAIRTRADE.value,
                MemberScheme.in_scope.is_(True),
                MemberScheme.since <= on,
            )
        )
    )
    return organic | fairtrade
