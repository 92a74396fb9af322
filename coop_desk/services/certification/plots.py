"""Plots and their organic conversion: the conversion start gives T1, T2, T3 and organic
(``domain.certification.conversion_status``); a documented override replaces the computed
status. A plot counts as certified when organic and its member approved and not suspended.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coop_desk.domain.certification import (
    ConversionStatus,
    GroupRules,
    conversion_status,
    counts_as_certified,
    organic_from,
    validate_override,
)
from coop_desk.domain.text import clean
from coop_desk.errors import NotFound, ValidationError
from coop_desk.i18n import _
from coop_desk.models import Plot, PlotOrganic
from coop_desk.services import versions
from coop_desk.services.access import Actor, Permission, require
from coop_desk.services.certification.rules import group_rules
from coop_desk.services.certification.standing import Standing, status_facts


@dataclass(frozen=True, slots=True)
class PlotStatusRow:
    plot_id: int
    member_id: int
    name: str
    total_area_ha: Decimal
    coffee_area_ha: Decimal
    conversion_start: date | None
    computed: ConversionStatus
    override: ConversionStatus | None
    override_reason: str
    status: ConversionStatus  # the override when there is one, else the computed status
    organic_from: date | None  # when the computed status reaches organic
    certified: bool  # organic, member approved and not suspended
    record_version: int = 0  # of the stored organic status; 0: none recorded yet


def set_plot_organic(
    session: Session,
    actor: Actor,
    plot_id: int,
    conversion_start: date | None,
    override: ConversionStatus | None = None,
    reason: str = "",
    *,
    today: date | None = None,
    record_version: int | None = None,
) -> PlotStatusRow:
    """Record a plot's conversion start and, when the computed status does not apply, an
    override with its reason (e.g. a plot shortened by the certifier, or taken back to
    conventional after a prohibited input). ``record_version``: the version the user's form
    showed (``PlotStatusRow.record_version``); refused with ``StaleEdit`` when it changed."""
    require(actor, Permission.CERTS_WRITE)
    today = today or date.today()
    plot = session.get(Plot, plot_id)
    if plot is None:
        raise NotFound(_("There is no plot with id {plot_id}.", plot_id=plot_id))
    stored = session.get(PlotOrganic, plot_id)
    what = _("The organic status of plot {plot}", plot=plot.name)
    versions.check_row(session, stored, PlotOrganic.__tablename__, plot_id, record_version, what)
    record_plot_organic(
        session, actor, plot_id, conversion_start, override, reason, today=today, stored=stored
    )
    session.flush()
    rules = group_rules(session)
    facts = status_facts(session, [plot.member_id], today)
    rows = plot_rows(session, [plot.member_id], today, rules, facts)[plot.member_id]
    return next(r for r in rows if r.plot_id == plot_id)


def record_plot_organic(
    session: Session,
    actor: Actor,
    plot_id: int,
    conversion_start: date | None,
    override: ConversionStatus | None = None,
    reason: str = "",
    *,
    today: date,
    stored: PlotOrganic | None,
) -> PlotOrganic:
    """Validate and write (not flushed) a plot's conversion start and override, over its
    ``stored`` row or as a new one. ``set_plot_organic`` reads the plot first and returns its
    status row; the roster import writes through this alone (no query, no status computed)."""
    values = plot_organic_columns(actor, conversion_start, override, reason, today=today)
    row = stored or PlotOrganic(plot_id=plot_id)
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    return row


def plot_organic_columns(
    actor: Actor,
    conversion_start: date | None,
    override: ConversionStatus | None = None,
    reason: str = "",
    *,
    today: date,
) -> dict[str, object]:
    """Validate a plot's conversion start and override and return the columns they set: what
    ``record_plot_organic`` writes on its row, and what the roster import inserts in bulk for
    the plots it registers."""
    require(actor, Permission.CERTS_WRITE)
    problems = validate_override(override, reason, conversion_start, today)
    if problems:
        raise ValidationError(problems)
    return {
        "conversion_start": conversion_start,
        "status_override": override.value if override is not None else None,
        "override_reason": clean(reason) if override is not None else "",
        "updated_by": actor.username,
    }


def plot_rows(
    session: Session,
    member_ids: list[int] | None,
    on: date,
    rules: GroupRules,
    facts: dict[int, Standing],
) -> dict[int, list[PlotStatusRow]]:
    stmt = (
        select(
            Plot.id,
            Plot.member_id,
            Plot.name,
            Plot.total_area_ha,
            Plot.coffee_area_ha,
            PlotOrganic.conversion_start,
            PlotOrganic.status_override,
            PlotOrganic.override_reason,
            PlotOrganic.version,
        )
        .outerjoin(PlotOrganic, PlotOrganic.plot_id == Plot.id)
        .order_by(Plot.member_id, Plot.id)
    )
    if member_ids is not None:
        stmt = stmt.where(Plot.member_id.in_(member_ids))
    result: dict[int, list[PlotStatusRow]] = defaultdict(list)
    # A federation's 166,000 plots share a few thousand dates, names and areas: one object
    # each, and the rows streamed, not all held at once.
    same: Callable[[Any, Any], Any] = {}.setdefault
    # Areas too, one table per column: a column's Decimals all have its scale, so equal
    # values are the same digits.
    total_area: Callable[[Any, Any], Any] = {}.setdefault
    coffee_area: Callable[[Any, Any], Any] = {}.setdefault
    organic_on: dict[date, date] = {}
    for row in session.execute(stmt.execution_options(yield_per=2000)):
        start = same(row.conversion_start, row.conversion_start)
        computed = conversion_status(start, on, rules.conversion_months)
        override = ConversionStatus(row.status_override) if row.status_override else None
        status = override or computed
        fact = facts.get(row.member_id) or Standing()
        if start is not None and start not in organic_on:
            organic_on[start] = organic_from(start, rules.conversion_months)
        result[row.member_id].append(
            PlotStatusRow(
                plot_id=row.id,
                member_id=row.member_id,
                name=same(row.name, row.name),
                total_area_ha=total_area(row.total_area_ha, row.total_area_ha),
                coffee_area_ha=coffee_area(row.coffee_area_ha, row.coffee_area_ha),
                conversion_start=start,
                computed=computed,
                override=override,
                override_reason=row.override_reason or "",
                status=status,
                organic_from=organic_on[start] if start is not None else None,
                certified=counts_as_certified(
                    status, approved=fact.approved, suspended=fact.suspended
                ),
                record_version=row.version or 0,
            )
        )
    return result
