"""Member register use cases: list and search, create, edit, change status. Members are never
deleted; they leave with a status (withdrawn, expelled, deceased) and their history stays."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from coop_desk.domain.members import (
    MemberInput,
    MemberStatus,
    ParseError,
    PlotInput,
    code_sort_key,
    full_name,
    next_member_code,
    parse_code,
    parse_dni,
    search_key,
    validate_member,
    validate_status_change,
)
from coop_desk.domain.problems import Problem
from coop_desk.domain.text import clean, fold
from coop_desk.errors import NotFound, ValidationError
from coop_desk.i18n import _
from coop_desk.models import Member, MemberStatusChange, Plot
from coop_desk.services import audit, versions
from coop_desk.services.access import Actor, Permission, require


@dataclass(frozen=True)
class MemberFields:
    """What the register holds about a member, in a list line and in the detail alike."""

    id: int
    code: str
    first_names: str
    surnames: str
    dni: str | None
    gender: str
    birth_date: date | None
    join_date: date
    status: str
    status_date: date
    community: str
    phone: str

    @property
    def full_name(self) -> str:
        return full_name(self.first_names, self.surnames)


# The columns of ``MemberFields``, for queries that read plain rows.
MEMBER_COLUMNS = (
    Member.id,
    Member.code,
    Member.first_names,
    Member.surnames,
    Member.dni,
    Member.gender,
    Member.birth_date,
    Member.join_date,
    Member.status,
    Member.status_date,
    Member.community,
    Member.phone,
)


@dataclass(frozen=True)
class MemberRow(MemberFields):
    """One line of the register, as lists show it."""

    plot_count: int
    total_area_ha: Decimal
    coffee_area_ha: Decimal


@dataclass(frozen=True)
class PlotRow:
    id: int
    name: str
    total_area_ha: Decimal
    coffee_area_ha: Decimal
    altitude_m: int | None
    varieties: str
    latitude: Decimal | None
    longitude: Decimal | None
    version: int = 1

    def to_input(self) -> PlotInput:
        return PlotInput(**{c.key: getattr(self, c.key) for c in PLOT_COLUMNS})


# The columns of ``PlotRow``.
PLOT_COLUMNS = (
    Plot.id,
    Plot.name,
    Plot.total_area_ha,
    Plot.coffee_area_ha,
    Plot.altitude_m,
    Plot.varieties,
    Plot.latitude,
    Plot.longitude,
)


@dataclass(frozen=True)
class StatusChangeRow:
    id: int
    old_status: str | None
    new_status: str
    effective_date: date
    reason: str
    recorded_by: str


@dataclass(frozen=True)
class MemberDetail(MemberFields):
    """A member with notes, plots and (``get_member``) the history of the status."""

    notes: str
    plots: tuple[PlotRow, ...]
    history: tuple[StatusChangeRow, ...] = ()
    version: int = 1  # of the member's own row (its plots carry their own)

    def to_input(self) -> MemberInput:
        return MemberInput(
            code=self.code,
            first_names=self.first_names,
            surnames=self.surnames,
            gender=self.gender,
            join_date=self.join_date,
            dni=self.dni,
            birth_date=self.birth_date,
            community=self.community,
            phone=self.phone,
            notes=self.notes,
            plots=tuple(p.to_input() for p in self.plots),
        )


@dataclass(frozen=True)
class MemberFilter:
    text: str = ""
    status: str | None = None
    gender: str | None = None
    community: str | None = None


@dataclass(frozen=True)
class RegisterCounts:
    members: int
    active: int
    women: int
    by_status: dict[str, int]

    @property
    def women_share(self) -> Decimal:
        """Share of women among all members in the register, as a fraction (0 to 1)."""
        return Decimal(self.women) / Decimal(self.members) if self.members else Decimal(0)


SORTABLE = {
    "code": Member.code_sort,
    "name": Member.surnames,
    "surnames": Member.surnames,
    "first_names": Member.first_names,
    "dni": Member.dni,
    "gender": Member.gender,
    "birth_date": Member.birth_date,
    "join_date": Member.join_date,
    "status": Member.status,
    "community": Member.community,
    "phone": Member.phone,
}


def area_sums() -> Select[tuple[int, int, Decimal, Decimal]]:
    """Per member: how many plots, their total and coffee areas (members with plots only)."""
    return select(
        Plot.member_id,
        func.count(Plot.id).label("plot_count"),
        func.coalesce(func.sum(Plot.total_area_ha), 0).label("total_area_ha"),
        func.coalesce(func.sum(Plot.coffee_area_ha), 0).label("coffee_area_ha"),
    ).group_by(Plot.member_id)


def _filter_clauses(flt: MemberFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    for word in fold(flt.text).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append(Member.search_key.like(f"%{escaped}%", escape="\\"))
    if flt.status:
        clauses.append(Member.status == flt.status)
    if flt.gender:
        clauses.append(Member.gender == flt.gender)
    if flt.community:
        clauses.append(Member.community == flt.community)
    return clauses


# Columns computed from the plots: sorting on them needs the sums of every member first.
AREA_SORTABLE = ("plot_count", "total_area_ha", "coffee_area_ha")


def _ordering(
    order_by: str, descending: bool, areas: Any | None = None
) -> list[ColumnElement[Any]]:
    """ORDER BY for a register sorted on ``order_by``; the code (natural order) breaks ties, so
    the order is total and pages never overlap or skip a member."""
    if order_by in AREA_SORTABLE and areas is not None:
        column: ColumnElement[Any] = func.coalesce(areas.c[order_by], 0)
    else:
        column = SORTABLE.get(order_by, Member.code_sort).expression
    ordering: list[ColumnElement[Any]] = [column.desc() if descending else column.asc()]
    if order_by == "name":
        ordering.append(Member.first_names.desc() if descending else Member.first_names.asc())
    ordering += [Member.code_sort.asc(), Member.id.asc()]
    return ordering


def list_members(
    session: Session,
    actor: Actor,
    flt: MemberFilter | None = None,
    *,
    order_by: str = "code",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[MemberRow]:
    """The register as plain rows, filtered and sorted in SQL.

    With ``limit``, one page of it (``offset`` rows skipped): the plot sums are then computed
    for that page's members only, so the first screenful of 100,000 members costs two small
    queries. Sorting on a plot column (``AREA_SORTABLE``) needs every member's sums: those pages
    join the sums of the whole register.
    """
    require(actor, Permission.READ)
    flt = flt or MemberFilter()
    clauses = _filter_clauses(flt)
    if limit is None or order_by in AREA_SORTABLE:
        areas = area_sums().subquery()
        stmt = (
            select(
                *MEMBER_COLUMNS,
                func.coalesce(areas.c.plot_count, 0).label("plot_count"),
                func.coalesce(areas.c.total_area_ha, 0).label("total_area_ha"),
                func.coalesce(areas.c.coffee_area_ha, 0).label("coffee_area_ha"),
            )
            .outerjoin(areas, areas.c.member_id == Member.id)
            .where(*clauses)
            .order_by(*_ordering(order_by, descending, areas))
        )
        if limit is not None:
            stmt = stmt.limit(limit).offset(offset)
        return [_member_row(row, row) for row in session.execute(stmt)]
    page = session.execute(
        select(*MEMBER_COLUMNS)
        .where(*clauses)
        .order_by(*_ordering(order_by, descending))
        .limit(limit)
        .offset(offset)
    ).all()
    sums: dict[int, Any] = {}
    if page:
        sums = {
            row.member_id: row
            for row in session.execute(
                area_sums().where(Plot.member_id.in_([row.id for row in page]))
            )
        }
    return [_member_row(row, sums.get(row.id)) for row in page]


def _member_row(row: Any, areas: Any | None) -> MemberRow:
    return MemberRow(
        id=row.id,
        code=row.code,
        first_names=row.first_names,
        surnames=row.surnames,
        dni=row.dni,
        gender=row.gender,
        birth_date=row.birth_date,
        join_date=row.join_date,
        status=row.status,
        status_date=row.status_date,
        community=row.community,
        phone=row.phone,
        plot_count=int(areas.plot_count) if areas is not None else 0,
        total_area_ha=Decimal(areas.total_area_ha) if areas is not None else Decimal(0),
        coffee_area_ha=Decimal(areas.coffee_area_ha) if areas is not None else Decimal(0),
    )


def member_position(
    session: Session,
    actor: Actor,
    member_id: int,
    flt: MemberFilter | None = None,
    *,
    order_by: str = "code",
    descending: bool = False,
) -> int | None:
    """Where ``member_id`` stands (0-based) in ``list_members`` with the same filter and order,
    or ``None`` when the filter leaves it out: a paged list loads that far to keep it selected."""
    require(actor, Permission.READ)
    areas = area_sums().subquery() if order_by in AREA_SORTABLE else None
    ranked = select(
        Member.id,
        func.row_number().over(order_by=_ordering(order_by, descending, areas)).label("pos"),
    ).where(*_filter_clauses(flt or MemberFilter()))
    if areas is not None:
        ranked = ranked.outerjoin(areas, areas.c.member_id == Member.id)
    sub = ranked.subquery()
    position = session.scalar(select(sub.c.pos).where(sub.c.id == member_id))
    return None if position is None else int(position) - 1


def register_counts(
    session: Session, actor: Actor, flt: MemberFilter | None = None
) -> RegisterCounts:
    require(actor, Permission.READ)
    clauses = _filter_clauses(flt or MemberFilter())
    rows = session.execute(
        select(Member.status, Member.gender, func.count())
        .where(*clauses)
        .group_by(Member.status, Member.gender)
    ).all()
    by_status: dict[str, int] = {}
    women = 0
    for status, gender, count in rows:
        by_status[status] = by_status.get(status, 0) + count
        if gender == "F":
            women += count
    total = sum(by_status.values())
    return RegisterCounts(total, by_status.get(MemberStatus.ACTIVE, 0), women, by_status)


def suggest_code(session: Session, actor: Actor) -> str:
    """The next free member code of the register's series ("" for an empty register): the
    member editor offers it for a new member; the roster import names it for a row without a
    code."""
    require(actor, Permission.READ)
    return next_member_code(session.scalars(select(Member.code))) or ""


def communities(session: Session, actor: Actor) -> list[str]:
    require(actor, Permission.READ)
    return list(
        session.scalars(
            select(Member.community)
            .where(Member.community != "")
            .distinct()
            .order_by(Member.community)
        )
    )


def get_member(session: Session, actor: Actor, member_id: int) -> MemberDetail:
    require(actor, Permission.READ)
    return _detail(_load(session, member_id))


def find_member_id(session: Session, actor: Actor, code: str) -> int | None:
    """The id of the member with ``code`` (as people type it: case and spaces do not matter)."""
    require(actor, Permission.READ)
    try:
        normal = parse_code(code)
    except ParseError:
        return None
    return session.scalar(select(Member.id).where(Member.code == normal))


def create_member(
    session: Session,
    actor: Actor,
    data: MemberInput,
    *,
    status: MemberStatus = MemberStatus.ACTIVE,
    today: date | None = None,
) -> MemberDetail:
    require(actor, Permission.MEMBERS_WRITE)
    data = normalised(data)
    problems = validate_member(data, today)
    problems += _uniqueness_problems(session, data, None)
    if problems:
        raise ValidationError(problems)
    member = build_member(data, actor, status)
    session.add(member)
    session.flush()
    return _detail(member)


def build_member(
    data: MemberInput, actor: Actor, status: MemberStatus = MemberStatus.ACTIVE
) -> Member:
    """A new member's rows (the member, its first status change, its plots) from ``data``
    already ``normalised`` and validated, for the caller to add to its session: how
    ``create_member`` and the roster import's bulk path register a member."""
    member = Member(**new_member_columns(data, status))
    # The relationship attaches it to ``member.status_changes``: added with the member.
    MemberStatusChange(member=member, **joined_columns(data, actor, status))
    for plot in data.plots:
        member.plots.append(Plot(**plot_columns(plot)))
    return member


def new_member_columns(
    data: MemberInput, status: MemberStatus = MemberStatus.ACTIVE
) -> dict[str, Any]:
    """A new member's columns from ``data`` (``normalised`` and validated): what
    ``build_member`` stores, and what the roster import inserts in bulk."""
    assert data.join_date is not None
    return {**_stored(data), "status": str(status), "status_date": data.join_date}


def joined_columns(
    data: MemberInput, actor: Actor, status: MemberStatus = MemberStatus.ACTIVE
) -> dict[str, Any]:
    """The columns of a new member's first status change (joining), its member aside."""
    return {
        "old_status": None,
        "new_status": str(status),
        "effective_date": data.join_date,
        "reason": _("joined the cooperative"),
        "recorded_by": actor.username,
    }


def update_member(
    session: Session,
    actor: Actor,
    member_id: int,
    data: MemberInput,
    *,
    today: date | None = None,
    base: MemberDetail | None = None,
) -> MemberDetail:
    """Save an edit of the member's details and plots; the status is changed only through
    :func:`change_status`, which keeps its history.

    ``base`` is the member as the user's form showed it (``get_member`` when the form
    opened). With it, only what the user changed is written, row by row (see
    ``services.versions``): the details when the user changed one of them, each plot the user
    changed or removed, each plot added; plots another user added or changed meanwhile are
    kept. A row the user changed that someone else changed (or deleted) meanwhile refuses the
    whole save with ``StaleEdit``. Without ``base`` (imports, scripts), ``data`` is the whole
    member: plots missing from it are removed."""
    require(actor, Permission.MEMBERS_WRITE)
    member = _load(session, member_id)
    data = normalised(data)
    if base is not None:
        data = _merged(session, member, data, base)
    problems = validate_member(data, today)
    problems += _uniqueness_problems(session, data, member_id)
    known = {p.id: p for p in member.plots}
    for index, plot in enumerate(data.plots, start=1):
        if plot.id is not None and plot.id not in known:
            problems.append(
                Problem(f"plots[{index}]", _("plot {n} belongs to another member", n=index))
            )
    if problems:
        raise ValidationError(problems)
    assert data.join_date is not None
    for key, value in _stored(data).items():
        setattr(member, key, value)
    kept: set[int] = set()
    for plot in data.plots:
        if plot.id is None:
            member.plots.append(Plot(**plot_columns(plot)))
            continue
        kept.add(plot.id)
        for key, value in plot_columns(plot).items():
            setattr(known[plot.id], key, value)
    for plot_id, existing in known.items():
        if plot_id not in kept:
            member.plots.remove(existing)
            session.delete(existing)
    session.flush()
    return _detail(member)


def change_status(
    session: Session,
    actor: Actor,
    member_id: int,
    new_status: MemberStatus,
    effective_date: date,
    reason: str,
    *,
    today: date | None = None,
    version: int | None = None,
) -> MemberDetail:
    """Change the member's status (kept in its history). ``version``: the member's version
    the user saw (refused with ``StaleEdit`` when it changed since)."""
    require(actor, Permission.MEMBERS_WRITE)
    member = _load(session, member_id)
    versions.check(
        session,
        member,
        version,
        _member_label(member),
    )
    current = MemberStatus(member.status)
    problems = validate_status_change(
        current, MemberStatus(new_status), effective_date, reason, member.status_date, today
    )
    if problems:
        raise ValidationError(problems)
    with audit.reason(session, clean(reason)):  # the reason goes on these audit records
        session.add(
            MemberStatusChange(
                member=member,
                old_status=member.status,
                new_status=str(new_status),
                effective_date=effective_date,
                reason=clean(reason),
                recorded_by=actor.username,
            )
        )
        member.status = str(new_status)
        member.status_date = effective_date
    return _detail(member)


_MEMBER_FIELDS = (
    "code",
    "first_names",
    "surnames",
    "gender",
    "join_date",
    "dni",
    "birth_date",
    "community",
    "phone",
    "notes",
)


def _plot_values(plot: PlotInput) -> tuple[object, ...]:
    return (
        plot.name,
        plot.total_area_ha,
        plot.coffee_area_ha,
        plot.altitude_m,
        plot.varieties,
        plot.latitude,
        plot.longitude,
    )


def _member_label(member: Member) -> str:
    return _(
        "Member {code} ({name})",
        code=member.code,
        name=full_name(member.first_names, member.surnames),
    )


def _merged(session: Session, member: Member, data: MemberInput, base: MemberDetail) -> MemberInput:
    """The whole member to save: the user's changes relative to ``base`` applied, row by row,
    on what is stored now. Raises ``StaleEdit`` for a row both changed."""
    was = normalised(base.to_input())
    now = normalised(_detail(member).to_input())
    label = _member_label(member)
    fields = {
        name: getattr(data, name)
        if getattr(data, name) != getattr(was, name)
        else getattr(now, name)
        for name in _MEMBER_FIELDS
    }
    if any(getattr(data, name) != getattr(was, name) for name in _MEMBER_FIELDS):
        versions.check(session, member, base.version, label)
    current = {p.id: p for p in member.plots}
    base_versions = {p.id: p.version for p in base.plots}
    was_plots = {p.id: p for p in was.plots}
    mine = {p.id: p for p in data.plots if p.id is not None}
    plots: list[PlotInput] = []
    for plot_id, stored in current.items():
        if plot_id not in was_plots:
            plots.append(next(p for p in now.plots if p.id == plot_id))  # added meanwhile
            continue
        edited = mine.get(plot_id)
        if edited is not None and _plot_values(edited) == _plot_values(was_plots[plot_id]):
            plots.append(next(p for p in now.plots if p.id == plot_id))  # untouched
            continue
        # Removed or changed by the user: only from the version the user saw.
        what = _("{member}: plot {plot}", member=label, plot=stored.name)
        versions.check(session, stored, base_versions[plot_id], what)
        if edited is not None:
            plots.append(edited)
    for plot_id, edited in mine.items():
        if plot_id in current:
            continue
        if plot_id in was_plots:  # deleted meanwhile by someone else
            if _plot_values(edited) != _plot_values(was_plots[plot_id]):
                raise versions.stale(
                    session,
                    Plot.__tablename__,
                    plot_id,
                    _("{member}: plot {plot}", member=label, plot=edited.name),
                )
            continue
        plots.append(edited)  # not this member's plot: refused by validation below
    plots.extend(p for p in data.plots if p.id is None)
    return MemberInput(**fields, plots=tuple(plots))


def _load(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(_("There is no member with id {id}.", id=member_id))
    return member


def normalised(data: MemberInput) -> MemberInput:
    """``data`` as it is stored: code and DNI parsed, names and texts cleaned."""
    code = data.code
    try:
        code = parse_code(data.code)
    except ParseError:
        pass  # reported by validate_member with the original text
    dni = data.dni
    try:
        dni = parse_dni(data.dni)
    except ParseError:
        pass  # reported by validate_member
    plots = tuple(
        PlotInput(
            id=p.id,
            name=clean(p.name),
            total_area_ha=p.total_area_ha,
            coffee_area_ha=p.coffee_area_ha,
            altitude_m=p.altitude_m,
            varieties=clean(p.varieties),
            latitude=p.latitude,
            longitude=p.longitude,
        )
        for p in data.plots
    )
    return MemberInput(
        code=code,
        first_names=clean(data.first_names),
        surnames=clean(data.surnames),
        gender=data.gender,
        join_date=data.join_date,
        dni=dni,
        birth_date=data.birth_date,
        community=clean(data.community),
        phone=clean(data.phone),
        notes=data.notes.strip(),
        plots=plots,
    )


def _uniqueness_problems(
    session: Session, data: MemberInput, member_id: int | None
) -> list[Problem]:
    problems: list[Problem] = []
    others = select(Member.code, Member.first_names, Member.surnames)
    if member_id is not None:
        others = others.where(Member.id != member_id)
    same_code = session.execute(others.where(Member.code == data.code)).first()
    if same_code:
        problems.append(
            Problem("code", _("the code {code} is already used by another member", code=data.code))
        )
    if data.dni:
        same_dni = session.execute(others.where(Member.dni == data.dni)).first()
        if same_dni:
            problems.append(
                Problem(
                    "dni",
                    _(
                        "the DNI {dni} is already registered for {code} ({name})",
                        dni=data.dni,
                        code=same_dni.code,
                        name=full_name(same_dni.first_names, same_dni.surnames),
                    ),
                )
            )
    return problems


def _stored(data: MemberInput) -> dict[str, Any]:
    """The member's columns as ``data`` (normalised and valid) sets them; the status is
    changed by ``change_status`` only."""
    return {
        "code": data.code,
        "code_sort": code_sort_key(data.code),
        "first_names": data.first_names,
        "surnames": data.surnames,
        "dni": data.dni,
        "gender": data.gender,
        "birth_date": data.birth_date,
        "join_date": data.join_date,
        "community": data.community,
        "phone": data.phone,
        "notes": data.notes,
        "search_key": search_key(
            data.code, data.first_names, data.surnames, data.dni, data.community
        ),
    }


def plot_columns(plot: PlotInput) -> dict[str, Any]:
    """A plot's columns as ``plot`` sets them (its id and member are not among them)."""
    return {c.key: getattr(plot, c.key) for c in PLOT_COLUMNS if c.key != "id"}


def load_register(session: Session) -> dict[int, MemberDetail]:
    """Every member with notes and plots (no status history), by id, in two queries: what an
    import compares a roster with."""
    found = {
        row.id: MemberDetail(**row._asdict(), plots=())
        for row in session.execute(select(*MEMBER_COLUMNS, Member.notes, Member.version))
    }
    plots: dict[int, list[PlotRow]] = {}
    rows = select(Plot.member_id, *PLOT_COLUMNS, Plot.version).order_by(Plot.id)
    for row in session.execute(rows):
        plots.setdefault(row.member_id, []).append(PlotRow(*row[1:]))
    return {
        member_id: replace(detail, plots=tuple(plots.get(member_id, ())))
        for member_id, detail in found.items()
    }


def _detail(member: Member) -> MemberDetail:
    return MemberDetail(
        id=member.id,
        code=member.code,
        first_names=member.first_names,
        surnames=member.surnames,
        dni=member.dni,
        gender=member.gender,
        birth_date=member.birth_date,
        join_date=member.join_date,
        status=member.status,
        status_date=member.status_date,
        community=member.community,
        phone=member.phone,
        notes=member.notes,
        plots=tuple(
            PlotRow(**{c.key: getattr(p, c.key) for c in PLOT_COLUMNS}, version=p.version)
            for p in member.plots
        ),
        history=tuple(
            StatusChangeRow(
                c.id, c.old_status, c.new_status, c.effective_date, c.reason, c.recorded_by
            )
            for c in member.status_changes
        ),
        version=member.version,
    )
