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
from datetime import date
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
)


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
    Column("Member code", 14),
    Column("Member", 28),
    Column("DNI", 10),
    Column("Community", 18),
    Column("Plot", 18),
    Column("ProductionPlace (GeoJSON)", 30),
    Column("Area (ha)", kind="quantity"),
    Column("Measured area (ha)", kind="quantity"),
    Column("Geometry", 10),
    Column("Coffee planted", kind="date"),
    Column("Farmland since", kind="date"),
    Column("Evidence", 26),
    Column("Evidence reference", 24),
    Column("Evidence document", 24),
    Column("Document SHA-256", 20),
)


def write_plot_list(path: str | Path, contract_number: str, rows: Sequence[PlotListRow]) -> Path:
    wb = new_workbook()
    try:
        sheet = SheetWriter(
            wb,
            "Plots",
            PLOT_COLUMNS,
            print_title=f"Plots of contract {contract_number} (EUDR)",
            preamble=[[f"Plots of contract {contract_number}: EU deforestation regulation"]],
        )
        for row in rows:
            sheet.append(astuple(row))
        sheet.close()
    except BaseException:
        discard_workbook(wb)
        raise
    return save_workbook(wb, path)


LOT_COLUMNS = (
    Column("Lot", 14),
    Column("Certified", 10),
    Column("Micro-lot producer", 28),
    Column("Created", kind="date"),
    Column("Deliveries", kind="int"),
    Column("Members", kind="int"),
    Column("Parchment (kg)", kind="quantity"),
    Column("Green equivalent (kg)", kind="quantity"),
)
DELIVERY_COLUMNS = (
    Column("Lot", 14),
    Column("Delivery", 14),
    Column("Date", kind="date"),
    Column("Member code", 14),
    Column("Member", 28),
    Column("Collection point", 18),
    Column("Parchment (kg)", kind="quantity"),
    Column("Moisture %", kind="decimal"),
    Column("Yield factor %", kind="decimal"),
    Column("Green equivalent (kg)", kind="quantity"),
    Column("Price per kg", kind="rate"),
    Column("Currency", 9),
    Column("Amount paid", kind="decimal"),
    Column("Certified", 10),
    Column("Above yield estimate", 12),
)
MEMBER_COLUMNS = (
    Column("Member code", 14),
    Column("Member", 28),
    Column("DNI", 10),
    Column("Gender", 8),
    Column("Community", 18),
    Column("Deliveries", kind="int"),
    Column("Parchment (kg)", kind="quantity"),
    Column("Green equivalent (kg)", kind="quantity"),
    Column("Share of the contract", kind="percent"),
    Column("Premium (USD)", kind="money", currency="USD"),
    Column("Plots", kind="int"),
)
TRACE_PLOT_COLUMNS = (
    Column("Member code", 14),
    Column("Member", 28),
    Column("Plot", 18),
    Column("Area (ha)", kind="quantity"),
    Column("Geometry", 10),
    Column("Coffee planted", kind="date"),
    Column("Evidence", 26),
    Column("EUDR", 8),
    Column("Findings", 60),
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
) -> Path:
    """The report's sheets: Summary, Lots, Deliveries, Members (with the Premium), Plots. Rows
    are given in the order of the ``*_COLUMNS`` above."""
    wb = new_workbook()
    try:
        head = SheetWriter(
            wb,
            "Summary",
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
            ("Lots", LOT_COLUMNS, lots),
            ("Deliveries", DELIVERY_COLUMNS, deliveries),
            ("Members", MEMBER_COLUMNS, members),
            ("Plots", TRACE_PLOT_COLUMNS, plots),
        ):
            sheet = SheetWriter(wb, name, columns, print_title=f"{title}: {name}")
            for row in rows:
                sheet.append(row)
            sheet.close()
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
