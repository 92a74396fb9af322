"""The ICS approval committee's decisions on members' inspection reports. A member counts as
approved once the latest decision on or before the date approves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from coop_desk.domain.certification import CommitteeDecision, InspectionResult
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import ValidationError
from coop_desk.i18n import _
from coop_desk.models import ApprovalDecision, Inspection
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.certification.standing import find_member


@dataclass(frozen=True)
class DecisionRow:
    id: int
    member_id: int
    decision_date: date
    decision: str
    inspection_id: int | None
    reference: str
    notes: str
    recorded_by: str


def record_decision(
    session: Session,
    actor: Actor,
    member_id: int,
    decision: CommitteeDecision | str,
    decision_date: date,
    *,
    inspection_id: int | None = None,
    reference: str = "",
    notes: str = "",
    today: date | None = None,
) -> DecisionRow:
    """The ICS approval committee's decision on a member's inspection report."""
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    find_member(session, member_id)
    problems: list[Problem] = []
    if decision not in set(CommitteeDecision):
        problems.append(Problem("decision", _("the decision is approved or rejected")))
    if decision_date > today:
        problems.append(Problem("decision_date", _("the decision is dated in the future")))
    if inspection_id is not None:
        inspection = session.get(Inspection, inspection_id)
        if inspection is None or inspection.member_id != member_id:
            problems.append(
                Problem("inspection_id", _("the report is not an inspection of this member"))
            )
        elif inspection.inspection_date > decision_date:
            problems.append(
                Problem("inspection_id", _("the inspection is later than the decision"))
            )
        elif (
            decision == CommitteeDecision.APPROVED
            and inspection.result == InspectionResult.NOT_APPROVED
        ):
            problems.append(
                Problem(
                    "decision", _("an inspection report that was not approved cannot be approved")
                )
            )
    if problems:
        raise ValidationError(problems)
    row = ApprovalDecision(
        member_id=member_id,
        decision=str(decision),
        decision_date=decision_date,
        inspection_id=inspection_id,
        reference=clean(reference),
        notes=notes.strip(),
        recorded_by=actor.username,
    )
    session.add(row)
    session.flush()
    return decision_row(row)


def decision_row(d: ApprovalDecision) -> DecisionRow:
    return DecisionRow(
        d.id,
        d.member_id,
        d.decision_date,
        d.decision,
        d.inspection_id,
        d.reference,
        d.notes,
        d.recorded_by,
    )
