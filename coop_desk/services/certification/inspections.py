"""Internal inspections (date, inspector, plots visited, result, findings, yield estimate, last
prohibited input) and the corrective actions they ask for, with due and completion dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coop_desk.domain.certification import InspectionInput, validate_inspection
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import NotFound, ValidationError
from coop_desk.i18n import _
from coop_desk.models import CorrectiveAction, Inspection, InspectionPlot, Member, Plot
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.certification.standing import member_names


@dataclass(frozen=True)
class ActionRow:
    id: int
    inspection_id: int
    member_id: int
    member_code: str
    member_name: str
    description: str
    due_date: date
    completed_on: date | None
    completion_note: str

    def overdue(self, on: date) -> bool:
        return self.completed_on is None and self.due_date < on


@dataclass(frozen=True)
class InspectionRow:
    id: int
    member_id: int
    member_code: str
    member_name: str
    inspection_date: date
    inspector: str
    result: str
    findings: str
    plot_ids: tuple[int, ...]
    plot_names: tuple[str, ...]
    yield_estimate_kg: Decimal | None
    last_prohibited_input: str
    last_prohibited_input_date: date | None
    actions: tuple[ActionRow, ...]
    recorded_by: str


def record_inspection(
    session: Session, actor: Actor, data: InspectionInput, *, today: date | None = None
) -> InspectionRow:
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    problems = validate_inspection(data, today)
    member = session.get(Member, data.member_id) if data.member_id is not None else None
    if data.member_id is not None and member is None:
        problems.append(
            Problem(
                "member_id", _("there is no member with id {member_id}", member_id=data.member_id)
            )
        )
    if member is not None:
        own = {p.id for p in member.plots}
        strangers = [p for p in data.plot_ids if p not in own]
        if strangers:
            problems.append(Problem("plot_ids", _("a plot visited does not belong to this member")))
        if data.inspection_date and data.inspection_date < member.join_date - timedelta(days=366):
            problems.append(
                Problem("inspection_date", _("the inspection is more than a year before joining"))
            )
    if problems:
        raise ValidationError(problems)
    assert data.member_id is not None and data.inspection_date is not None
    inspection = Inspection(
        member_id=data.member_id,
        inspection_date=data.inspection_date,
        inspector=clean(data.inspector),
        result=data.result,
        findings=data.findings.strip(),
        yield_estimate_kg=data.yield_estimate_kg,
        last_prohibited_input=clean(data.last_prohibited_input),
        last_prohibited_input_date=data.last_prohibited_input_date,
        recorded_by=actor.username,
    )
    inspection.plots = [InspectionPlot(plot_id=p) for p in dict.fromkeys(data.plot_ids)]
    inspection.actions = [
        CorrectiveAction(
            description=a.description.strip(),
            due_date=a.due_date,
            completed_on=a.completed_on,
            completion_note="",
        )
        for a in data.corrective_actions
    ]
    session.add(inspection)
    session.flush()
    return inspection_rows(session, [inspection])[0]


def list_inspections(
    session: Session,
    actor: Actor,
    *,
    member_id: int | None = None,
    year: int | None = None,
) -> list[InspectionRow]:
    require(actor, Permission.READ)
    stmt = select(Inspection).order_by(Inspection.inspection_date.desc(), Inspection.id.desc())
    if member_id is not None:
        stmt = stmt.where(Inspection.member_id == member_id)
    if year is not None:
        stmt = stmt.where(
            Inspection.inspection_date >= date(year, 1, 1),
            Inspection.inspection_date <= date(year, 12, 31),
        )
    return inspection_rows(session, list(session.scalars(stmt)))


def complete_action(
    session: Session,
    actor: Actor,
    action_id: int,
    completed_on: date,
    note: str = "",
    *,
    today: date | None = None,
) -> ActionRow:
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    action = session.get(CorrectiveAction, action_id)
    if action is None:
        raise NotFound(_("There is no corrective action with id {action_id}.", action_id=action_id))
    problems: list[Problem] = []
    if action.completed_on is not None:
        problems.append(
            Problem(
                "completed_on",
                _("already completed on {completed_on}", completed_on=action.completed_on),
            )
        )
    if completed_on > today:
        problems.append(Problem("completed_on", _("the completion date is in the future")))
    if completed_on < action.inspection.inspection_date:
        problems.append(Problem("completed_on", _("completed before the inspection that asked it")))
    if problems:
        raise ValidationError(problems)
    action.completed_on = completed_on
    action.completion_note = note.strip()
    session.flush()
    return action_rows(session, [action])[0]


def list_open_actions(session: Session, actor: Actor) -> list[ActionRow]:
    require(actor, Permission.READ)
    return open_actions(session)


def open_actions(session: Session) -> list[ActionRow]:
    actions = session.scalars(
        select(CorrectiveAction)
        .where(CorrectiveAction.completed_on.is_(None))
        .order_by(CorrectiveAction.due_date, CorrectiveAction.id)
    )
    return action_rows(session, list(actions))


@dataclass(frozen=True, slots=True)
class LastInspection:
    inspection_date: date
    result: str
    yield_estimate_kg: Decimal | None
    last_prohibited_input: str
    last_prohibited_input_date: date | None


def last_inspections(session: Session, on: date) -> dict[int, LastInspection]:
    """Each member's latest inspection up to ``on`` (one query: ordered, last one wins)."""
    latest = (
        select(Inspection.member_id, func.max(Inspection.inspection_date).label("latest"))
        .where(Inspection.inspection_date <= on)
        .group_by(Inspection.member_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Inspection.member_id,
            Inspection.inspection_date,
            Inspection.result,
            Inspection.yield_estimate_kg,
            Inspection.last_prohibited_input,
            Inspection.last_prohibited_input_date,
        )
        .join(
            latest,
            (latest.c.member_id == Inspection.member_id)
            & (latest.c.latest == Inspection.inspection_date),
        )
        .order_by(Inspection.member_id, Inspection.id)
        .execution_options(yield_per=2000)
    )
    same: Callable[[Any, Any], Any] = {}.setdefault  # one object per repeated date or word
    return {
        r.member_id: LastInspection(
            same(r.inspection_date, r.inspection_date),
            same(r.result, r.result),
            r.yield_estimate_kg,
            same(r.last_prohibited_input, r.last_prohibited_input),
            same(r.last_prohibited_input_date, r.last_prohibited_input_date),
        )
        for r in rows
    }


def action_rows(session: Session, actions: list[CorrectiveAction]) -> list[ActionRow]:
    owners = dict(
        session.execute(
            select(Inspection.id, Inspection.member_id).where(
                Inspection.id.in_({a.inspection_id for a in actions})
            )
        )
        .tuples()
        .all()
    )
    names = member_names(session, set(owners.values()))
    rows = []
    for a in actions:
        mid = owners[a.inspection_id]
        code, name = names.get(mid, ("", ""))
        rows.append(
            ActionRow(
                a.id,
                a.inspection_id,
                mid,
                code,
                name,
                a.description,
                a.due_date,
                a.completed_on,
                a.completion_note,
            )
        )
    return rows


def inspection_rows(session: Session, inspections: list[Inspection]) -> list[InspectionRow]:
    names = member_names(session, {i.member_id for i in inspections})
    plot_names = dict(
        session.execute(
            select(Plot.id, Plot.name).where(Plot.member_id.in_({i.member_id for i in inspections}))
        )
        .tuples()
        .all()
    )
    rows = []
    for i in inspections:
        code, name = names.get(i.member_id, ("", ""))
        plot_ids = tuple(p.plot_id for p in i.plots)
        rows.append(
            InspectionRow(
                id=i.id,
                member_id=i.member_id,
                member_code=code,
                member_name=name,
                inspection_date=i.inspection_date,
                inspector=i.inspector,
                result=i.result,
                findings=i.findings,
                plot_ids=plot_ids,
                plot_names=tuple(plot_names.get(p, "") for p in plot_ids),
                yield_estimate_kg=i.yield_estimate_kg,
                last_prohibited_input=i.last_prohibited_input,
                last_prohibited_input_date=i.last_prohibited_input_date,
                actions=tuple(action_rows(session, list(i.actions))) if i.actions else (),
                recorded_by=i.recorded_by,
            )
        )
    return rows
