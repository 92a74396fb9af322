"""Workbooks of the coffee's path from plot to shipment, written through the one xlsx path
(:mod:`coop_desk.exchange.xlsx`). No database: the use cases in ``services.trade`` pass rows.

- the **plot list** that goes beside the buyer's GeoJSON: one row per plot, in the file's
  order (member, DNI, plot, area, geometry type, planting date, evidence);
- the **traceability report**: contract -> lots -> deliveries -> members -> plots, with the kg
  and the Premium per member, for the General Assembly and the auditors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from coop_desk.exchange.xlsx import (
    TITLE_FONT,
    Column,
    SheetWriter,
    discard_workbook,
    new_workbook,
    save_workbook,
    set_trail_head,
    translated,
)
from coop_desk.i18n import N_, _


@dataclass(frozen=True)
class PlotListRow:
    member_code: str
    member_name: str
    dni: str
    community: str
    plot_name: str
    production_place: str  # as in the GeoJSON's ProductionPlace, to find the feature
    area_ha: Decimal
    measured_area_ha: Decimal | None
    geometry_type: str  # Polygon / Point
    coffee_planted_on: date | None
    farmland_since: date | None
    evidence: str
    evidence_reference: str
    evidence_document: str
    evidence_sha256: str


PLOT_COLUMNS = (
    Column(N_("Member code"), 14),
    Column(N_("Member"), 28),
    Column(N_("DNI"), 10),
    Column(N_("Community"), 18),
    Column(N_("Plot"), 18),
    Column(N_("ProductionPlace (GeoJSON)"), 30),
    Column(N_("Area (ha)"), kind="quantity"),
    Column(N_("Measured area (ha)"), kind="quantity"),
    Column(N_("Geometry"), 10),
    Column(N_("Coffee planted"), kind="date"),
    Column(N_("Farmland since"), kind="date"),
    Column(N_("Evidence"), 26),
    Column(N_("Evidence reference"), 24),
    Column(N_("Evidence document"), 24),
    Column(N_("Document SHA-256"), 20),
)


def write_plot_list(
    path: str | Path,
    contract_number: str,
    rows: Sequence[PlotListRow],
    *,
    trail_head: tuple[str, datetime] | None = None,
) -> Path:
    """The plot list beside the buyer's GeoJSON. ``trail_head`` (the audit trail's head and
    when it was read) goes into the workbook's properties (``xlsx.set_trail_head``)."""
    wb = new_workbook()
    try:
        sheet = SheetWriter(
            wb,
            _("Plots"),
            translated(PLOT_COLUMNS),
            print_title=_("Plots of contract {number} (EUDR)", number=contract_number),
            preamble=[
                [
                    _(
                        "Plots of contract {number}: EU deforestation regulation",
                        number=contract_number,
                    )
                ]
            ],
        )
        for row in rows:
            sheet.append(astuple(row))
        sheet.close()
        if trail_head is not None:
            set_trail_head(wb, *trail_head)
    except BaseException:
        discard_workbook(wb)
        raise
    return save_workbook(wb, path)


LOT_COLUMNS = (
    Column(N_("Lot"), 14),
    Column(N_("Certified"), 10),
    Column(N_("Micro-lot producer"), 28),
    Column(N_("Created"), kind="date"),
    Column(N_("Deliveries"), kind="int"),
    Column(N_("Members"), kind="int"),
    Column(N_("Parchment (kg)"), kind="quantity"),
    Column(N_("Green equivalent (kg)"), kind="quantity"),
)
DELIVERY_COLUMNS = (
    Column(N_("Lot"), 14),
    Column(N_("Delivery"), 14),
    Column(N_("Date"), kind="date"),
    Column(N_("Member code"), 14),
    Column(N_("Member"), 28),
    Column(N_("Collection point"), 18),
    Column(N_("Parchment (kg)"), kind="quantity"),
    Column(N_("Moisture %"), kind="decimal"),
    Column(N_("Yield factor %"), kind="decimal"),
    Column(N_("Green equivalent (kg)"), kind="quantity"),
    Column(N_("Price per kg"), kind="rate"),
    Column(N_("Currency"), 9),
    Column(N_("Amount paid"), kind="decimal"),
    Column(N_("Certified"), 10),
    Column(N_("Above yield estimate"), 12),
)
MEMBER_COLUMNS = (
    Column(N_("Member code"), 14),
    Column(N_("Member"), 28),
    Column(N_("DNI"), 10),
    Column(N_("Gender"), 8),
    Column(N_("Community"), 18),
    Column(N_("Deliveries"), kind="int"),
    Column(N_("Parchment (kg)"), kind="quantity"),
    Column(N_("Green equivalent (kg)"), kind="quantity"),
    Column(N_("Share of the contract"), kind="percent"),
    Column(N_("Premium (USD)"), kind="money", currency="USD"),
    Column(N_("Plots"), kind="int"),
)
TRACE_PLOT_COLUMNS = (
    Column(N_("Member code"), 14),
    Column(N_("Member"), 28),
    Column(N_("Plot"), 18),
    Column(N_("Area (ha)"), kind="quantity"),
    Column(N_("Geometry"), 10),
    Column(N_("Coffee planted"), kind="date"),
    Column(N_("Evidence"), 26),
    Column(N_("EUDR"), 8),
    Column(N_("Findings"), 60),
)


def write_traceability(
    path: str | Path,
    summary: Sequence[tuple[str, Any]],
    lots: Iterable[Sequence[Any]],
    deliveries: Iterable[Sequence[Any]],
    members: Iterable[Sequence[Any]],
    plots: Iterable[Sequence[Any]],
    *,
    title: str,
    trail_head: tuple[str, datetime] | None = None,
) -> Path:
    """The report's sheets: Summary, Lots, Deliveries, Members (with the Premium), Plots, in
    the language in effect (the caller's ``use_language``). Rows are given in the order of the
    ``*_COLUMNS`` above; the summary's labels come translated. ``trail_head`` (the audit
    trail's head and when it was read) goes into the workbook's properties."""
    wb = new_workbook()
    try:
        head = SheetWriter(
            wb,
            _("Summary"),
            (Column("", 34), Column("", 40)),
            header=False,
            print_title=title,
            landscape=False,
        )
        head.append_raw([title], font=TITLE_FONT)
        head.blank()
        for label, value in summary:
            head.append_raw([label, value])
        head.close()
        for name, columns, rows in (
            (N_("Lots"), LOT_COLUMNS, lots),
            (N_("Deliveries"), DELIVERY_COLUMNS, deliveries),
            (N_("Members"), MEMBER_COLUMNS, members),
            (N_("Plots"), TRACE_PLOT_COLUMNS, plots),
        ):
            sheet = SheetWriter(wb, _(name), translated(columns), print_title=f"{title}: {_(name)}")
            for row in rows:
                sheet.append(row)
            sheet.close()
        if trail_head is not None:
            set_trail_head(wb, *trail_head)
    except BaseException:
        discard_workbook(wb)
        raise
    return save_workbook(wb, path)


__all__ = [
    "DELIVERY_COLUMNS",
    "LOT_COLUMNS",
    "MEMBER_COLUMNS",
    "PLOT_COLUMNS",
    "PlotListRow",
    "TRACE_PLOT_COLUMNS",
    "write_plot_list",
    "write_traceability",
]
