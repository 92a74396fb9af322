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
from typing import Any, cast

from sqlalchemy import BigInteger, select, type_coerce
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
from coop_desk.models.base import ScaledDecimal
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
    # The areas are read as their stored integers and turned into Decimals by their column
    # type once per distinct value, the computed status once per distinct start date: a
    # federation's 166,000 plots share a few thousand of each (the same values, not recomputed).
    total_type = cast(ScaledDecimal, Plot.__table__.c.total_area_ha.type)
    coffee_type = cast(ScaledDecimal, Plot.__table__.c.coffee_area_ha.type)
    stmt = (
        select(
            Plot.id,
            Plot.member_id,
            Plot.name,
            type_coerce(Plot.total_area_ha, BigInteger),
            type_coerce(Plot.coffee_area_ha, BigInteger),
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
    dialect = session.get_bind().dialect
    result: dict[int, list[PlotStatusRow]] = defaultdict(list)
    # One object per repeated date or name, and the rows streamed, not all held at once.
    same: Callable[[Any, Any], Any] = {}.setdefault
    total_area: dict[Any, Decimal] = {}  # NOT NULL columns: a Decimal for every value
    coffee_area: dict[Any, Decimal] = {}
    computed_on: dict[date | None, ConversionStatus] = {}
    organic_on: dict[date | None, date | None] = {None: None}
    months = rules.conversion_months
    no_standing = Standing()
    for (
        plot_id,
        member_id,
        name,
        total_raw,
        coffee_raw,
        start,
        status_override,
        override_reason,
        version,
    ) in session.execute(stmt.execution_options(yield_per=2000)):
        start = same(start, start)
        computed = computed_on.get(start)
        if computed is None:
            computed = computed_on[start] = conversion_status(start, on, months)
        if start not in organic_on:
            organic_on[start] = organic_from(start, months)
        total = total_area.get(total_raw)
        if total is None:
            total = total_area[total_raw] = cast(
                Decimal, total_type.process_result_value(total_raw, dialect)
            )
        coffee = coffee_area.get(coffee_raw)
        if coffee is None:
            coffee = coffee_area[coffee_raw] = cast(
                Decimal, coffee_type.process_result_value(coffee_raw, dialect)
            )
        override = ConversionStatus(status_override) if status_override else None
        status = override or computed
        fact = facts.get(member_id) or no_standing
        result[member_id].append(
            PlotStatusRow(
                plot_id=plot_id,
                member_id=member_id,
                name=same(name, name),
                total_area_ha=total,
                coffee_area_ha=coffee,
                conversion_start=start,
                computed=computed,
                override=override,
                override_reason=override_reason or "",
                status=status,
                organic_from=organic_on[start],
                certified=counts_as_certified(
                    status, approved=fact.approved, suspended=fact.suspended
                ),
                record_version=version or 0,
            )
        )
    return result
