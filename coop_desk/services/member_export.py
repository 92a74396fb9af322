"""The member register as an Excel workbook: a Members sheet (one row per member, every field)
and a Plots sheet (one row per plot), streamed so 100,000 members never sit in memory.

The headers are the ones the roster importer recognises, so an exported register imports back
into an empty database as the same register (``member_import``).

Hook for other modules: a provider in ``MEMBER_COLUMN_PROVIDERS`` adds columns to the Members
sheet. A provider is ``fn(session, actor) -> ExtraColumns``: column definitions and a lookup
from member id to values. The certification status (ICS approval, last internal inspection,
area by organic status) comes this way from ``services.certification``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coop_desk import i18n
from coop_desk.domain.members import STATUS_LABELS, MemberStatus
from coop_desk.exchange.xlsx import (
    TITLE_FONT,
    Column,
    SheetWriter,
    discard_workbook,
    new_workbook,
    save_workbook,
)
from coop_desk.i18n import N_, _, formats
from coop_desk.models import Member, MemberStatusChange, Plot
from coop_desk.services import audit, cooperative
from coop_desk.services import members as member_service
from coop_desk.services.access import Actor, Permission, require

ProgressFn = Callable[[int, int, str], None]

MEMBER_COLUMNS = (
    Column(N_("Code"), 16),
    Column(N_("Surnames"), 24),
    Column(N_("First names"), 24),
    Column(N_("DNI"), 11),
    Column(N_("Gender"), 8),
    Column(N_("Birth date"), kind="date"),
    Column(N_("Join date"), kind="date"),
    Column(N_("Member status"), 16),
    Column(N_("Status date"), kind="date"),
    Column(N_("Status reason"), 28),
    Column(N_("Community"), 20),
    Column(N_("Phone"), 14),
    Column(N_("Plots"), 7, kind="int"),
    Column(N_("Total area (ha)"), kind="quantity"),
    Column(N_("Coffee area (ha)"), kind="quantity"),
    Column(N_("Notes"), 40),
)

PLOT_COLUMNS = (
    Column(N_("Member code"), 16),
    Column(N_("Plot"), 22),
    Column(N_("Total area (ha)"), kind="quantity"),
    Column(N_("Coffee area (ha)"), kind="quantity"),
    Column(N_("Altitude (m)"), 12, kind="int"),
    Column(N_("Varieties"), 28),
    Column(N_("Latitude"), kind="coordinate"),
    Column(N_("Longitude"), kind="coordinate"),
)

MEMBERS_SHEET = N_("Members")
PLOTS_SHEET = N_("Plots")
ABOUT_SHEET = N_("About")

BATCH = 100  # rows between progress reports (and fetched per batch)


@dataclass(frozen=True)
class ExtraColumns:
    """Columns another module adds to the Members sheet, with values per member id."""

    columns: tuple[Column, ...]
    values: Callable[[int], Sequence[Any]]


def certification_columns(session: Session, actor: Actor) -> ExtraColumns:
    """ICS status per member, from the certifications module (DOMAIN.md "Organic group
    certification"): approved, last internal inspection, hectares by organic status."""
    from coop_desk.domain.certification import (
        INSPECTION_RESULT_LABELS,
        ConversionStatus,
        InspectionResult,
    )
    from coop_desk.services import certification

    farmers = {f.member_id: f for f in certification.farmer_list(session, actor)}
    conversion = (ConversionStatus.T1, ConversionStatus.T2, ConversionStatus.T3)

    def values(member_id: int) -> Sequence[Any]:
        f = farmers.get(member_id)
        if f is None:
            return ("", None, None, "", None, None, None)
        return (
            _("yes")
            if f.approved and not f.suspended
            else _("suspended")
            if f.suspended
            else _("no"),
            f.approval_date,
            f.last_inspection_date,
            _(INSPECTION_RESULT_LABELS[InspectionResult(f.last_inspection_result)])
            if f.last_inspection_result
            else "",
            f.area(ConversionStatus.ORGANIC),
            sum((f.area(s) for s in conversion), Decimal(0)),
            f.area(ConversionStatus.CONVENTIONAL),
        )

    return ExtraColumns(
        (
            Column(N_("ICS approved"), 11),
            Column(N_("ICS approval date"), kind="date"),
            Column(N_("Last internal inspection"), kind="date"),
            Column(N_("Inspection result"), 16),
            Column(N_("Organic area (ha)"), kind="quantity"),
            Column(N_("Area in conversion (ha)"), kind="quantity"),
            Column(N_("Conventional area (ha)"), kind="quantity"),
        ),
        values,
    )


MEMBER_COLUMN_PROVIDERS: list[Callable[[Session, Actor], ExtraColumns]] = [certification_columns]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    members: int
    plots: int
    sheets: tuple[str, ...] = field(default_factory=tuple)


def export_members(
    session: Session,
    actor: Actor,
    path: str | Path,
    *,
    progress: ProgressFn | None = None,
    now: datetime | None = None,
    language: str | None = None,
) -> ExportResult:
    """Write the register to ``path`` (xlsx). ``progress(done, total, text)`` is called as rows
    are written; an exception raised by it (Cancel) stops the export and leaves no file.

    Written in ``language`` (default: the cooperative's): sheet names, headers, labels and
    date formats. Its headers are ones the roster importer reads in either language."""
    require(actor, Permission.EXPORT)
    with i18n.use_language(language or cooperative.cooperative_language(session)):
        return _export_members(session, actor, path, progress, now)


def default_file_name(session: Session, today: date) -> str:
    """The name the register's workbook is offered under, in the cooperative's language
    (``socios-2026-11-27.xlsx``)."""
    with i18n.use_language(cooperative.cooperative_language(session)):
        return _("members-{date}.xlsx", date=today.isoformat())


def _export_members(
    session: Session,
    actor: Actor,
    path: str | Path,
    progress: ProgressFn | None,
    now: datetime | None,
) -> ExportResult:
    report = progress or (lambda _d, _t, _s: None)
    profile = cooperative.get_profile(session, actor)
    coop_name = profile.name if profile else ""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    member_total = session.scalar(select(func.count()).select_from(Member)) or 0
    plot_total = session.scalar(select(func.count()).select_from(Plot)) or 0
    total = member_total + plot_total
    extras = [provider(session, actor) for provider in MEMBER_COLUMN_PROVIDERS]
    columns = list(MEMBER_COLUMNS)
    for extra in extras:
        columns.extend(extra.columns)
    columns = [replace(c, header=_(c.header)) for c in columns]
    sheets = (_(MEMBERS_SHEET), _(PLOTS_SHEET), _(ABOUT_SHEET))

    wb = new_workbook()
    try:
        title = (
            _("{cooperative} — member register", cooperative=coop_name)
            if coop_name
            else _("Member register")
        )
        members_sheet = SheetWriter(wb, sheets[0], columns, print_title=title)
        done = 0
        report(0, total, _("Writing members…"))
        for row in _member_rows(session):
            values: list[Any] = [
                row.code,
                row.surnames,
                row.first_names,
                row.dni,
                row.gender,
                row.birth_date,
                row.join_date,
                _(STATUS_LABELS[MemberStatus(row.status)]),
                row.status_date,
                row.reason or "",
                row.community,
                row.phone,
                int(row.plot_count or 0),
                row.total_area_ha,
                row.coffee_area_ha,
                row.notes,
            ]
            for extra in extras:
                values.extend(extra.values(row.id))
            members_sheet.append(values)
            done += 1
            if done % BATCH == 0:
                report(done, total, _("Writing members…"))
        members_sheet.close()

        plots_sheet = SheetWriter(
            wb,
            sheets[1],
            [replace(c, header=_(c.header)) for c in PLOT_COLUMNS],
            print_title=_("{title} — plots", title=title),
        )
        for plot in _plot_rows(session):
            plots_sheet.append(
                [
                    plot.code,
                    plot.name,
                    plot.total_area_ha,
                    plot.coffee_area_ha,
                    plot.altitude_m,
                    plot.varieties,
                    plot.latitude,
                    plot.longitude,
                ]
            )
            done += 1
            if done % BATCH == 0:
                report(done, total, _("Writing plots…"))
        plots_sheet.close()

        about = SheetWriter(
            wb, sheets[2], [Column("", 24), Column("", 60)], header=False, landscape=False
        )
        about.append_raw([title], font=TITLE_FONT)
        about.append([_("Cooperative"), coop_name])
        about.append([_("Generated"), formats.datetime_text(stamp)])
        about.append([_("Generated by"), actor.username])
        about.append([_("Members"), member_total])
        about.append([_("Plots"), plot_total])
        about.close()
        report(total, total, _("Saving…"))
        audit.stamp_workbook(session, wb)
        target = save_workbook(wb, path)
    except BaseException:
        discard_workbook(wb)
        raise
    return ExportResult(target, member_total, plot_total, sheets)


def _member_rows(session: Session) -> Any:
    last_change = (
        select(MemberStatusChange.member_id, func.max(MemberStatusChange.id).label("last_id"))
        .group_by(MemberStatusChange.member_id)
        .subquery()
    )
    areas = member_service.area_sums().subquery()
    stmt = (
        select(
            *member_service.MEMBER_COLUMNS,
            Member.notes,
            MemberStatusChange.reason,
            areas.c.plot_count,
            func.coalesce(areas.c.total_area_ha, 0).label("total_area_ha"),
            func.coalesce(areas.c.coffee_area_ha, 0).label("coffee_area_ha"),
        )
        .outerjoin(last_change, last_change.c.member_id == Member.id)
        .outerjoin(MemberStatusChange, MemberStatusChange.id == last_change.c.last_id)
        .outerjoin(areas, areas.c.member_id == Member.id)
        .order_by(Member.code_sort, Member.id)
        .execution_options(yield_per=BATCH)
    )
    return session.execute(stmt)


def _plot_rows(session: Session) -> Any:
    stmt = (
        select(
            Member.code,
            Plot.name,
            Plot.total_area_ha,
            Plot.coffee_area_ha,
            Plot.altitude_m,
            Plot.varieties,
            Plot.latitude,
            Plot.longitude,
        )
        .join(Member, Member.id == Plot.member_id)
        .order_by(Member.code_sort, Member.id, Plot.id)
        .execution_options(yield_per=BATCH)
    )
    return session.execute(stmt)
