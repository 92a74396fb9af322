"""Sanctions of the ICS catalogue (warning, suspension, exclusion). A suspension or exclusion in
force takes the member's plots out of the certified area; an exclusion takes the member out of
the group. A sanction never changes the member register's status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.certification import (
    SanctionInput,
    SanctionKind,
    sanction_active,
    validate_sanction,
)
from coop_desk.domain.problems import Problem
from coop_desk.errors import ValidationError
from coop_desk.i18n import _
from coop_desk.models import Inspection, Member, Sanction
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.certification.standing import member_names


@dataclass(frozen=True)
class SanctionRow:
    id: int
    member_id: int
    member_code: str
    member_name: str
    kind: str
    decided_on: date
    starts_on: date | None
    ends_on: date | None
    reason: str
    inspection_id: int | None
    recorded_by: str

    def active(self, on: date) -> bool:
        return sanction_active(self.kind, self.starts_on, self.ends_on, self.decided_on, on)


def record_sanction(
    session: Session, actor: Actor, data: SanctionInput, *, today: date | None = None
) -> SanctionRow:
    """A sanction of the ICS catalogue. It does not change the member's register status (that
    is the member register's decision); a suspension or exclusion takes the member's plots out
    of the certified area while it is in force."""
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    problems = validate_sanction(data, today)
    if data.member_id is not None and session.get(Member, data.member_id) is None:
        problems.append(
            Problem(
                "member_id", _("there is no member with id {member_id}", member_id=data.member_id)
            )
        )
    if data.inspection_id is not None:
        inspection = session.get(Inspection, data.inspection_id)
        if inspection is None or inspection.member_id != data.member_id:
            problems.append(Problem("inspection_id", _("the inspection is not of this member")))
    if problems:
        raise ValidationError(problems)
    assert data.member_id is not None and data.decided_on is not None
    starts = data.starts_on
    if data.kind == SanctionKind.EXCLUSION and starts is None:
        starts = data.decided_on
    row = Sanction(
        member_id=data.member_id,
        kind=data.kind,
        decided_on=data.decided_on,
        starts_on=starts if data.kind != SanctionKind.WARNING else None,
        ends_on=data.ends_on,
        reason=data.reason.strip(),
        inspection_id=data.inspection_id,
        recorded_by=actor.username,
    )
    session.add(row)
    session.flush()
    return sanction_rows(session, [row])[0]


def list_sanctions(
    session: Session, actor: Actor, *, member_id: int | None = None
) -> list[SanctionRow]:
    require(actor, Permission.READ)
    stmt = select(Sanction).order_by(Sanction.decided_on.desc(), Sanction.id.desc())
    if member_id is not None:
        stmt = stmt.where(Sanction.member_id == member_id)
    return sanction_rows(session, list(session.scalars(stmt)))


def sanction_rows(session: Session, sanctions: list[Sanction]) -> list[SanctionRow]:
    names = member_names(session, {s.member_id for s in sanctions})
    return [
        SanctionRow(
            id=s.id,
            member_id=s.member_id,
            member_code=names.get(s.member_id, ("", ""))[0],
            member_name=names.get(s.member_id, ("", ""))[1],
            kind=s.kind,
            decided_on=s.decided_on,
            starts_on=s.starts_on,
            ends_on=s.ends_on,
            reason=s.reason,
            inspection_id=s.inspection_id,
            recorded_by=s.recorded_by,
        )
        for s in sanctions
    ]
