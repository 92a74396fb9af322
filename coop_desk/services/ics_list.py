"""Exporting the ICS approved-farmer list (the use case): the permission check, the farmer
list as of a day, and its rows in words (labels, plots, sanctions), written by
``exchange.ics_list``. The GUI and ``coop-desk certs export-ics`` both call
:func:`export_ics_list`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from coop_desk import i18n
from coop_desk.domain.certification import (
    CONVERSION_LABELS,
    INSPECTION_RESULT_LABELS,
    SANCTION_LABELS,
    ConversionStatus,
    InspectionResult,
    SanctionKind,
)
from coop_desk.domain.members import STATUS_LABELS, MemberStatus
from coop_desk.exchange.ics_list import write_ics_list
from coop_desk.i18n import _, formats
from coop_desk.services import audit, cooperative
from coop_desk.services import certification as certs
from coop_desk.services.access import Actor, Permission, require

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class IcsListExport:
    path: Path
    members: int
    on: date


def describe_sanction(s: certs.SanctionRow) -> str:
    label = _(SANCTION_LABELS[SanctionKind(s.kind)])
    if s.kind == SanctionKind.SUSPENSION:
        start = s.starts_on or s.decided_on
        if s.ends_on:
            return _(
                "{label} {start} to {end}: {reason}",
                label=label,
                start=start,
                end=s.ends_on,
                reason=s.reason,
            )
        return _(
            "{label} from {start} (until lifted): {reason}",
            label=label,
            start=start,
            reason=s.reason,
        )
    return _("{label} {date}: {reason}", label=label, date=s.decided_on, reason=s.reason)


def farmer_values(row: certs.FarmerRow) -> list[Any]:
    """One member's row, in the order of ``exchange.ics_list.FARMER_COLUMNS``."""
    plots = "; ".join(
        _(
            "{plot} {area} ha ({status})",
            plot=p.name,
            area=formats.number(p.total_area_ha.normalize()),
            status=_(CONVERSION_LABELS[p.status]),
        )
        for p in row.plots
    )
    return [
        row.code,
        row.name,
        row.community,
        row.gender,
        row.join_date,
        _(STATUS_LABELS[MemberStatus(row.register_status)]),
        _("yes") if row.approved else _("no"),
        row.approval_date,
        plots,
        row.total_area_ha,
        row.area(ConversionStatus.ORGANIC),
        row.area(ConversionStatus.T1),
        row.area(ConversionStatus.T2),
        row.area(ConversionStatus.T3),
        row.area(ConversionStatus.CONVENTIONAL),
        row.certified_area_ha,
        row.yield_estimate_kg,
        row.last_inspection_date,
        _(INSPECTION_RESULT_LABELS[InspectionResult(row.last_inspection_result)])
        if row.last_inspection_result
        else "",
        row.last_prohibited_input,
        row.last_prohibited_input_date,
        "; ".join(describe_sanction(s) for s in row.sanctions),
    ]


def plot_values(row: certs.FarmerRow) -> list[list[Any]]:
    """The member's plots, in the order of ``exchange.ics_list.PLOT_COLUMNS``."""
    return [
        [
            row.code,
            row.name,
            p.name,
            p.total_area_ha,
            p.coffee_area_ha,
            p.conversion_start,
            _(CONVERSION_LABELS[p.status]),
            p.override_reason,
            p.organic_from,
            _("yes") if p.certified else _("no"),
        ]
        for p in row.plots
    ]


def export_ics_list(
    session: Session,
    actor: Actor,
    target: str | Path,
    *,
    on: date,
    progress: Progress | None = None,
    language: str | None = None,
) -> IcsListExport:
    """Write the ICS list as of ``on`` to ``target`` (an .xlsx file, written atomically), in
    ``language`` (default: the cooperative's)."""
    require(actor, Permission.EXPORT)
    with i18n.use_language(language or cooperative.cooperative_language(session)):
        return _export(session, actor, target, on, progress)


def _export(
    session: Session, actor: Actor, target: str | Path, on: date, progress: Progress | None
) -> IcsListExport:
    if progress:
        progress(0, 0, _("reading the ICS records"))
    rows = certs.farmer_list(session, actor, on)
    profile = cooperative.get_profile(session, actor)
    head = audit.current_anchor(session)
    path = write_ics_list(
        [farmer_values(r) for r in rows],
        [line for r in rows for line in plot_values(r)],
        target,
        on=on,
        cooperative=profile.name if profile else "",
        progress=progress,
        trail_head=(head.text, head.at) if head.at else None,
    )
    return IcsListExport(path, len(rows), on)
