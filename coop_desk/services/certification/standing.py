"""Who counts on a date: a member's standing in the certified group (approved by the ICS
committee, suspended, excluded), read from the register status, the committee's decisions and
the sanctions in force. The rules are the package's (see ``coop_desk.services.certification``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.certification import CommitteeDecision, SanctionKind, sanction_active
from coop_desk.domain.members import MemberStatus, full_name
from coop_desk.errors import NotFound
from coop_desk.i18n import _
from coop_desk.models import ApprovalDecision, Member, Sanction

# Register statuses of members who belong to the certified group.
GROUP_STATUSES = (MemberStatus.ACTIVE.value, MemberStatus.SUSPENDED.value)


@dataclass(slots=True)
class Standing:
    """A member's standing in the group on one date."""

    approved: bool = False
    approval_date: date | None = None
    suspended: bool = False
    excluded: bool = False


def status_facts(
    session: Session, member_ids: Iterable[int] | None, on: date
) -> dict[int, Standing]:
    """Approval, suspension and exclusion of members on ``on`` (all members when ``None``)."""
    ids = None if member_ids is None else list(member_ids)
    facts: dict[int, Standing] = defaultdict(Standing)
    members = select(Member.id, Member.status)
    if ids is not None:
        members = members.where(Member.id.in_(ids))
    for mid, status in session.execute(members.execution_options(yield_per=2000)):
        facts[mid].suspended = status == MemberStatus.SUSPENDED
    decisions = select(
        ApprovalDecision.member_id, ApprovalDecision.decision, ApprovalDecision.decision_date
    ).where(ApprovalDecision.decision_date <= on)
    if ids is not None:
        decisions = decisions.where(ApprovalDecision.member_id.in_(ids))
    latest: dict[int, tuple[date, int, str]] = {}
    approved_first: dict[int, date] = {}
    for index, (mid, decision, when) in enumerate(
        session.execute(decisions.order_by(ApprovalDecision.decision_date, ApprovalDecision.id))
    ):
        latest[mid] = (when, index, decision)
        if decision == CommitteeDecision.APPROVED:
            approved_first.setdefault(mid, when)
        else:
            approved_first.pop(mid, None)
    for mid, (_when, _i, decision) in latest.items():
        facts[mid].approved = decision == CommitteeDecision.APPROVED
        facts[mid].approval_date = approved_first.get(mid) if facts[mid].approved else None
    sanctions = select(
        Sanction.member_id, Sanction.kind, Sanction.starts_on, Sanction.ends_on, Sanction.decided_on
    ).where(Sanction.kind != SanctionKind.WARNING.value)
    if ids is not None:
        sanctions = sanctions.where(Sanction.member_id.in_(ids))
    for mid, kind, starts, ends, decided in session.execute(sanctions):
        if sanction_active(kind, starts, ends, decided, on):
            facts[mid].suspended = True
            if kind == SanctionKind.EXCLUSION:
                facts[mid].excluded = True
    return facts


def find_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(_("There is no member with id {member_id}.", member_id=member_id))
    return member


def member_names(session: Session, ids: set[int]) -> dict[int, tuple[str, str]]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {
        r.id: (r.code, full_name(r.first_names, r.surnames))
        for r in session.execute(
            select(Member.id, Member.code, Member.first_names, Member.surnames).where(
                Member.id.in_(ids)
            )
        )
    }
