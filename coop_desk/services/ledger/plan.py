"""The Fairtrade Development Plan: projects and the General Assembly's budget approvals.

A year's budget exists only through GA approvals (DOMAIN.md "How the Premium is governed").
Each approval records the meeting (date, minutes/resolution number, members and women present,
votes) and the complete budget it approved. A revision is a new approval: its lines replace the
previous version for that year, and every earlier version stays as history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from coop_desk.domain import limits
from coop_desk.domain.money import MoneyError, to_decimal
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean
from coop_desk.errors import NotFound, ValidationError
from coop_desk.i18n import _
from coop_desk.models import Account, BudgetLine, PlanApproval, Posting, Project
from coop_desk.services import versions
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.ledger.accounts import next_code, project_account
from coop_desk.services.ledger.books import AccountRole, year_bounds, year_of
from coop_desk.services.ledger.journal import summable

# --- projects ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectInput:
    name: str
    objective: str = ""
    responsible: str = ""
    timeline: str = ""
    productivity_quality: bool = False
    active: bool = True


@dataclass(frozen=True)
class ProjectRow:
    id: int
    key: str | None
    name: str
    objective: str
    responsible: str
    timeline: str
    productivity_quality: bool  # counts toward the 25% productivity/quality share
    active: bool
    account_id: int  # its expense account
    record_version: int = 1  # of the stored row (``services.versions``)

    def to_input(self) -> ProjectInput:
        return ProjectInput(
            self.name,
            self.objective,
            self.responsible,
            self.timeline,
            self.productivity_quality,
            self.active,
        )


def _project_row(p: Project, account_id: int) -> ProjectRow:
    return ProjectRow(
        p.id,
        p.key,
        p.name,
        p.objective,
        p.responsible,
        p.timeline,
        p.productivity_quality,
        p.active,
        account_id,
        p.version,
    )


def list_projects(
    session: Session, actor: Actor, *, include_inactive: bool = False
) -> list[ProjectRow]:
    require(actor, Permission.READ)
    stmt = (
        select(Project, Account.id)
        .join(Account, Account.project_id == Project.id)
        .order_by(Project.id)
    )
    if not include_inactive:
        stmt = stmt.where(Project.active.is_(True))
    return [_project_row(p, account_id) for p, account_id in session.execute(stmt)]


def get_project(session: Session, actor: Actor, project_id: int) -> ProjectRow:
    require(actor, Permission.READ)
    row = session.execute(
        select(Project, Account.id)
        .join(Account, Account.project_id == Project.id)
        .where(Project.id == project_id)
    ).first()
    if row is None:
        raise NotFound(_("There is no project with id {project_id}.", project_id=project_id))
    return _project_row(row[0], row[1])


def _project_problems(
    session: Session, data: ProjectInput, project_id: int | None
) -> list[Problem]:
    problems = []
    name = clean(data.name)
    if not name:
        problems.append(Problem("name", _("the project needs a name")))
    else:
        stmt = select(Project.id).where(func.lower(Project.name) == name.lower())
        if project_id is not None:
            stmt = stmt.where(Project.id != project_id)
        if session.scalar(stmt):
            problems.append(
                Problem("name", _("a project named '{name}' already exists", name=name))
            )
    return problems


def create_project(session: Session, actor: Actor, data: ProjectInput) -> ProjectRow:
    """Add a project to the plan, with its expense account."""
    require(actor, Permission.LEDGER_WRITE)
    problems = _project_problems(session, data, None)
    if problems:
        raise ValidationError(problems)
    project = Project(
        name=clean(data.name),
        objective=data.objective.strip(),
        responsible=clean(data.responsible),
        timeline=clean(data.timeline),
        productivity_quality=data.productivity_quality,
        active=data.active,
    )
    session.add(project)
    session.flush()
    account = Account(
        code=next_code(session, AccountRole.PROJECT_EXPENSE),
        name=_("Project: {project_name}", project_name=project.name),
        kind="expense",
        role=str(AccountRole.PROJECT_EXPENSE),
        currency=None,
        project_id=project.id,
        active=True,
    )
    session.add(account)
    session.flush()
    return _project_row(project, account.id)


def update_project(
    session: Session,
    actor: Actor,
    project_id: int,
    data: ProjectInput,
    *,
    record_version: int | None = None,
) -> ProjectRow:
    """Save an edit of a project. ``record_version``: the version the user's form showed
    (``ProjectRow.record_version``); refused with ``StaleEdit`` when it changed since."""
    require(actor, Permission.LEDGER_WRITE)
    project = session.get(Project, project_id)
    if project is None:
        raise NotFound(_("There is no project with id {project_id}.", project_id=project_id))
    versions.check(session, project, record_version, _("The project {name}", name=project.name))
    problems = _project_problems(session, data, project_id)
    if problems:
        raise ValidationError(problems)
    project.name = clean(data.name)
    project.objective = data.objective.strip()
    project.responsible = clean(data.responsible)
    project.timeline = clean(data.timeline)
    project.productivity_quality = data.productivity_quality
    project.active = data.active
    account = session.scalars(select(Account).where(Account.project_id == project_id)).one()
    account.name = _("Project: {project_name}", project_name=project.name)
    session.flush()
    return _project_row(project, account.id)


# --- GA approvals and budgets -----------------------------------------------------------------


@dataclass(frozen=True)
class ApprovalInput:
    approval_date: date | None
    minutes_number: str
    members_present: int
    women_present: int
    votes_for: int
    votes_against: int = 0
    votes_abstaining: int = 0
    notes: str = ""


@dataclass(frozen=True)
class BudgetLineRow:
    project_id: int
    project_name: str
    productivity_quality: bool
    amount: Decimal  # USD
    note: str


@dataclass(frozen=True)
class ApprovalRow:
    id: int
    year: int
    version: int  # 1 = the plan, 2+ = revisions
    approval_date: date
    minutes_number: str
    members_present: int
    women_present: int
    votes_for: int
    votes_against: int
    votes_abstaining: int
    notes: str
    recorded_by: str
    lines: tuple[BudgetLineRow, ...]
    current: bool  # the version in force now
    record_version: int = 1  # of the stored approval row (``services.versions``)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))


def _approval_problems(data: ApprovalInput, year: int, bounds: tuple[date, date]) -> list[Problem]:
    problems = []
    if data.approval_date is None:
        problems.append(Problem("approval_date", _("the date of the General Assembly is required")))
    elif data.approval_date > bounds[1]:
        problems.append(
            Problem(
                "approval_date",
                _("an approval of the {year} plan must be dated in or before {year}", year=year),
            )
        )
    if not clean(data.minutes_number):
        problems.append(Problem("minutes_number", _("the minutes / resolution number is required")))
    counts = {
        "members_present": data.members_present,
        "women_present": data.women_present,
        "votes_for": data.votes_for,
        "votes_against": data.votes_against,
        "votes_abstaining": data.votes_abstaining,
    }
    for field, value in counts.items():
        if value < 0:
            problems.append(Problem(field, _("must not be negative")))
        elif beyond := limits.check_integer(value):
            problems.append(Problem(field, beyond))
    problems += limits.text_problems(
        "plan_approval",
        {"minutes_number": clean(data.minutes_number), "notes": (data.notes or "").strip()},
    )
    problems += limits.date_problems({"approval_date": data.approval_date})
    if data.members_present <= 0:
        problems.append(Problem("members_present", _("how many members were present?")))
    if data.women_present > data.members_present:
        problems.append(Problem("women_present", _("more women than members present")))
    votes = data.votes_for + data.votes_against + data.votes_abstaining
    if votes > data.members_present:
        problems.append(
            Problem(
                "votes_for",
                _(
                    "{votes} votes but {members_present} present",
                    votes=votes,
                    members_present=data.members_present,
                ),
            )
        )
    if data.votes_for <= data.votes_against:
        problems.append(Problem("votes_for", _("the plan was not approved by a majority")))
    return problems


class Unchecked:
    """``record_approval(revises=...)`` not given: no form to compare with (scripts, demo)."""


UNCHECKED = Unchecked()


def _check_in_force(session: Session, year: int, revises: int | None) -> None:
    in_force = session.scalar(
        select(PlanApproval.id)
        .where(PlanApproval.year == year)
        .order_by(PlanApproval.approval_date.desc(), PlanApproval.id.desc())
        .limit(1)
    )
    if in_force != revises:
        target = in_force if in_force is not None else revises
        what = _("The {year} plan", year=year)
        raise versions.stale(session, PlanApproval.__tablename__, target, what)


def record_approval(
    session: Session,
    actor: Actor,
    year: int,
    data: ApprovalInput,
    budget: Mapping[int, Decimal],
    *,
    notes_by_project: Mapping[int, str] | None = None,
    revises: int | None | Unchecked = UNCHECKED,
) -> ApprovalRow:
    """Record a GA approval of the ``year`` plan with the complete budget it approved
    (project id -> USD). For a revision pass every line (the GUI pre-fills the current
    version); lines left out have no budget in the new version.

    ``revises``: the id of the approval in force that the user's form was pre-filled from
    (None: the form saw no plan yet). When another approval has been recorded for the year
    since, the save is refused with ``StaleEdit`` (who recorded it and when): a revision
    replaces every line, so one based on an outdated version would undo the other one."""
    require(actor, Permission.LEDGER_WRITE)
    if not isinstance(revises, Unchecked):
        _check_in_force(session, year, revises)
    problems = _approval_problems(data, year, year_bounds(session, year))
    if not budget:
        problems.append(Problem("budget", _("the approved budget has no lines")))
    for project_id, raw in budget.items():
        project = session.get(Project, project_id)
        field = f"budget[{project_id}]"
        if project is None:
            problems.append(
                Problem(field, _("there is no project with id {project_id}", project_id=project_id))
            )
            continue
        try:
            amount = to_decimal(raw)
        except MoneyError as exc:
            problems.append(Problem(field, f"{project.name}: {exc}"))
            continue
        if amount < 0 or amount != amount.quantize(Decimal("0.01")):
            problems.append(
                Problem(
                    field,
                    _("{project_name}: give a positive amount in cents", project_name=project.name),
                )
            )
        elif beyond := limits.check_amount(amount):
            problems.append(Problem(field, f"{project.name}: {beyond}"))
    if data.approval_date is not None:
        latest = session.scalar(
            select(func.max(PlanApproval.approval_date)).where(PlanApproval.year == year)
        )
        if latest is not None and data.approval_date < latest:
            problems.append(
                Problem(
                    "approval_date",
                    _(
                        "a revision cannot be dated before the version in force ({latest})",
                        latest=latest,
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    assert data.approval_date is not None
    approval = PlanApproval(
        year=year,
        approval_date=data.approval_date,
        minutes_number=clean(data.minutes_number),
        members_present=data.members_present,
        women_present=data.women_present,
        votes_for=data.votes_for,
        votes_against=data.votes_against,
        votes_abstaining=data.votes_abstaining,
        notes=data.notes.strip(),
        recorded_by=actor.username,
    )
    session.add(approval)
    session.flush()
    notes = notes_by_project or {}
    for project_id, amount in budget.items():
        session.add(
            BudgetLine(
                approval_id=approval.id,
                project_id=project_id,
                amount=to_decimal(amount),
                note=clean(notes.get(project_id, "")),
            )
        )
    session.flush()
    return next(a for a in list_approvals(session, actor, year) if a.id == approval.id)


def correct_approval_details(
    session: Session,
    actor: Actor,
    approval_id: int,
    data: ApprovalInput,
    *,
    record_version: int | None = None,
) -> ApprovalRow:
    """Correct how a GA meeting was recorded (minutes number, attendance, votes, notes, date)
    without touching the budget it approved: a different budget needs a new approval.
    ``record_version``: the version the user's form showed (refused when it changed since)."""
    require(actor, Permission.LEDGER_WRITE)
    approval = session.get(PlanApproval, approval_id)
    if approval is None:
        raise NotFound(_("There is no approval with id {approval_id}.", approval_id=approval_id))
    versions.check(
        session,
        approval,
        record_version,
        _(
            "The General Assembly approval {minutes} of {day}",
            minutes=approval.minutes_number,
            day=approval.approval_date,
        ),
    )
    problems = _approval_problems(data, approval.year, year_bounds(session, approval.year))
    if problems:
        raise ValidationError(problems)
    assert data.approval_date is not None
    approval.approval_date = data.approval_date
    approval.minutes_number = clean(data.minutes_number)
    approval.members_present = data.members_present
    approval.women_present = data.women_present
    approval.votes_for = data.votes_for
    approval.votes_against = data.votes_against
    approval.votes_abstaining = data.votes_abstaining
    approval.notes = data.notes.strip()
    session.flush()
    return next(a for a in list_approvals(session, actor, approval.year) if a.id == approval_id)


def list_approvals(session: Session, actor: Actor, year: int) -> list[ApprovalRow]:
    """Every approval of the year's plan, oldest first; the last one is in force."""
    require(actor, Permission.READ)
    approvals = session.scalars(
        select(PlanApproval)
        .where(PlanApproval.year == year)
        .order_by(PlanApproval.approval_date, PlanApproval.id)
    ).all()
    lines: dict[int, list[BudgetLineRow]] = {a.id: [] for a in approvals}
    if approvals:
        for line, name, quality in session.execute(
            select(BudgetLine, Project.name, Project.productivity_quality)
            .join(Project, Project.id == BudgetLine.project_id)
            .where(BudgetLine.approval_id.in_(list(lines)))
            .order_by(BudgetLine.project_id)
        ):
            lines[line.approval_id].append(
                BudgetLineRow(line.project_id, name, quality, line.amount, line.note)
            )
    return [
        ApprovalRow(
            a.id,
            a.year,
            version,
            a.approval_date,
            a.minutes_number,
            a.members_present,
            a.women_present,
            a.votes_for,
            a.votes_against,
            a.votes_abstaining,
            a.notes,
            a.recorded_by,
            tuple(lines[a.id]),
            version == len(approvals),
            a.version,
        )
        for version, a in enumerate(approvals, start=1)
    ]


def current_approval(
    session: Session, actor: Actor, year: int, as_of: date | None = None
) -> ApprovalRow | None:
    """The version in force (on ``as_of``, when given: approvals after it do not count)."""
    versions = [
        a for a in list_approvals(session, actor, year) if as_of is None or a.approval_date <= as_of
    ]
    return versions[-1] if versions else None


def first_approvals() -> Select[tuple[int, int, date]]:
    """(year, project id, date) of the first approval that gave each project a budget line
    in each year: a query, which ``premium.budget`` joins to the payments."""
    return (
        select(
            PlanApproval.year,
            BudgetLine.project_id,
            func.min(PlanApproval.approval_date).label("first"),
        )
        .join(PlanApproval, PlanApproval.id == BudgetLine.approval_id)
        .group_by(PlanApproval.year, BudgetLine.project_id)
    )


def approved_budget(session: Session, year: int, as_of: date | None = None) -> dict[int, Decimal]:
    """project id -> budget of the version in force (no permission check: internal)."""
    stmt = select(PlanApproval.id).where(PlanApproval.year == year)
    if as_of is not None:
        stmt = stmt.where(PlanApproval.approval_date <= as_of)
    latest = session.scalars(
        stmt.order_by(PlanApproval.approval_date.desc(), PlanApproval.id.desc()).limit(1)
    ).first()
    if latest is None:
        return {}
    return {
        project_id: amount
        for project_id, amount in session.execute(
            select(BudgetLine.project_id, BudgetLine.amount).where(BudgetLine.approval_id == latest)
        )
    }


@dataclass(frozen=True)
class BudgetStatus:
    """Where a project stands against its approved budget on a day (for a payment form)."""

    project_id: int
    year: int
    approved: Decimal | None  # None: no GA-approved budget in force on that day
    approved_on: date | None  # date of the approval in force
    spent: Decimal  # USD value posted to the project in the year so far
    remaining: Decimal | None


def spent_in_year(session: Session, project_id: int, year: int) -> Decimal:
    """The USD value posted to the project's expense account in the fiscal year."""
    account = project_account(session, project_id)
    total = session.scalar(
        select(func.coalesce(func.sum(Posting.usd_value), 0)).where(
            Posting.account_id == account.id, Posting.fiscal_year == year, summable()
        )
    )
    return Decimal(total or 0)


def budget_status(session: Session, actor: Actor, project_id: int, day: date) -> BudgetStatus:
    require(actor, Permission.READ)
    year = year_of(session, day)
    approval = current_approval(session, actor, year, as_of=day)
    amount = None
    if approval is not None:
        amount = next(
            (line.amount for line in approval.lines if line.project_id == project_id), None
        )
    spent = spent_in_year(session, project_id, year)
    return BudgetStatus(
        project_id,
        year,
        amount,
        approval.approval_date if approval is not None and amount is not None else None,
        spent,
        amount - spent if amount is not None else None,
    )
