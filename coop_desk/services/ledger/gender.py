"""The gender report (DOMAIN.md "Women's programme", Fairtrade's gender strategy): the share of
women among the members, in the General Assembly, among those inspected, and the Premium spent
on the women's programme. Shown in the GUI, printed in the General Assembly report and written
into its workbook.

Every figure comes from the service that owns its rule: the register's counts
(``members.register_counts``), the GA approvals' attendance (``plan.list_approvals``), the ICS
group and who was inspected in the calendar year (``certification.farmer_list`` with
``FarmerRow.inspected_in``, as the ICS coverage counts it), the project's spending against its
budget (``reports.project_balances``). The women's programme is the plan's project with the key
``womens_programme`` (created with every database).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.orm import Session

from coop_desk.domain.members import MemberStatus
from coop_desk.services import certification, members
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger import plan, reports
from coop_desk.services.ledger.books import year_bounds

WOMENS_PROGRAMME = "womens_programme"
ZERO = Decimal("0.00")


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """``part`` as a percentage of ``whole``, one decimal (None when ``whole`` is zero)."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class Share:
    """How many of a group are women."""

    women: int
    total: int

    @property
    def percent(self) -> Decimal | None:
        return percent(self.women, self.total)


@dataclass(frozen=True)
class AssemblyAttendance:
    """One General Assembly meeting that approved (or revised) the year's plan."""

    approval_date: date
    minutes_number: str
    members_present: int
    women_present: int


@dataclass(frozen=True)
class GenderReport:
    year: int  # fiscal year (assembly, premium); inspections count in the calendar year
    on: date  # the day the register and the ICS group are taken
    members: Share  # active members of the register
    all_members: Share  # every member in the register, whatever the status
    assembly: Share  # summed over the year's GA meetings (members present, women present)
    meetings: tuple[AssemblyAttendance, ...]
    group: Share  # members of the organic group (ICS) on ``on``
    inspected: Share  # group members inspected internally in the calendar year
    programme_name: str  # "" when the plan has no women's programme
    programme_budget: Decimal | None  # USD, the GA-approved budget in force
    programme_spent: Decimal  # USD value spent in the fiscal year
    premium_spent: Decimal  # all project spending in the fiscal year (USD value)

    @property
    def programme_share(self) -> Decimal | None:
        """The women's programme's part of the Premium spent in the year (percent)."""
        return percent(self.programme_spent, self.premium_spent)


def gender_report(
    session: Session, actor: Actor, year: int, *, today: date | None = None
) -> GenderReport:
    require(actor, Permission.READ)
    today = today or date.today()
    _start, end = year_bounds(session, year)
    on = min(today, end)
    active = members.register_counts(
        session, actor, members.MemberFilter(status=MemberStatus.ACTIVE)
    )
    everyone = members.register_counts(session, actor)
    approvals = plan.list_approvals(session, actor, year)
    meetings = tuple(
        AssemblyAttendance(a.approval_date, a.minutes_number, a.members_present, a.women_present)
        for a in approvals
    )
    group = certification.farmer_list(session, actor, on)
    inspected = [f for f in group if f.inspected_in(on.year)]
    projects = reports.project_balances(session, actor, year, include_idle=True)
    programme = next(
        (
            p
            for p in plan.list_projects(session, actor, include_inactive=True)
            if p.key == WOMENS_PROGRAMME
        ),
        None,
    )
    line = next((p for p in projects if programme and p.project_id == programme.id), None)
    return GenderReport(
        year=year,
        on=on,
        members=Share(active.women, active.members),
        all_members=Share(everyone.women, everyone.members),
        assembly=Share(
            sum(m.women_present for m in meetings), sum(m.members_present for m in meetings)
        ),
        meetings=meetings,
        group=Share(sum(1 for f in group if f.gender == "F"), len(group)),
        inspected=Share(sum(1 for f in inspected if f.gender == "F"), len(inspected)),
        programme_name=programme.name if programme else "",
        programme_budget=line.approved if line else None,
        programme_spent=line.spent if line else ZERO,
        premium_spent=sum((p.spent for p in projects), ZERO),
    )
