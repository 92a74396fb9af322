"""The EU deforestation regulation (Regulation (EU) 2023/1115, as amended in December 2025):
what each plot must show before a buyer can file a due-diligence statement for its coffee.

Per plot (:func:`check_plot`, explained, every finding at once):

1. *Geolocation*: a point or a boundary (WGS84). A plot whose recorded area is above
   :attr:`EudrRules.polygon_threshold_ha` (4 ha) needs a boundary; a boundary is closed, has
   at least 4 positions, does not cross itself; coordinates are in range and in Peru
   (:mod:`coop_desk.domain.geometry`); the boundary's geodesic area agrees with the recorded
   total area within :attr:`EudrRules.area_tolerance_pct`; boundaries of different plots do not
   overlap by more than :attr:`EudrRules.overlap_tolerance_m2` (:func:`find_overlaps`).
2. *Deforestation-free*: the date the plot was planted with coffee and, when the coffee is
   younger than the land's use as farmland, since when it is farmland. A plot whose coffee was
   planted after the cut-off date (31 December 2020) and that has no farmland date on or before
   it is flagged: a buyer cannot accept it without more proof. Evidence (its kind and a
   reference or an attached document) must be recorded.

The recorded area is the plot's total area: the regulation's "plot of land" is the piece of
land, not only the part under coffee. The figures are settings (:data:`EUDR_RULE_SETTINGS`),
since the regulation has been amended before and may be again.

The buyer's file: a GeoJSON FeatureCollection as the EU information system accepts it
(RFC 7946; properties ProducerName, ProducerCountry, ProductionPlace, and Area in hectares for
a point), at most :data:`MAX_FILE_BYTES`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from coop_desk.domain.geometry import (
    Boundary,
    GeoIssue,
    Position,
    Severity,
    check_boundary,
    check_positions,
    geodesic_area_ha,
    geodesic_area_m2,
    issue,
    to_shapely,
)
from coop_desk.i18n import N_, _

PRODUCER_COUNTRY = "PE"
MAX_FILE_BYTES = 25 * 1024 * 1024  # the EU information system's upload limit


@dataclass(frozen=True)
class EudrRules:
    polygon_threshold_ha: Decimal = Decimal(4)
    area_tolerance_pct: Decimal = Decimal(10)
    overlap_tolerance_m2: Decimal = Decimal(100)
    cutoff_date: date = date(2020, 12, 31)


EUDR_RULE_SETTINGS = {
    "polygon_threshold_ha": "eudr.polygon_threshold_ha",
    "area_tolerance_pct": "eudr.area_tolerance_pct",
    "overlap_tolerance_m2": "eudr.overlap_tolerance_m2",
    "cutoff_date": "eudr.cutoff_date",
}


def validate_rules(rules: EudrRules) -> list[tuple[str, str]]:
    """(field, message) for every value that cannot be a rule."""
    problems = []
    if rules.polygon_threshold_ha < 0:
        problems.append(
            (
                "polygon_threshold_ha",
                _("the area above which a polygon is needed cannot be negative"),
            )
        )
    if not Decimal(0) <= rules.area_tolerance_pct <= Decimal(100):
        problems.append(("area_tolerance_pct", _("the area tolerance must be 0 to 100 %")))
    if rules.overlap_tolerance_m2 < 0:
        problems.append(("overlap_tolerance_m2", _("the overlap tolerance cannot be negative")))
    return problems


class EvidenceKind(StrEnum):
    SATELLITE = "satellite"  # an analysis of satellite images (e.g. a Global Forest Watch report)
    LAND_TITLE = "land_title"  # title or certificate of possession naming the land's use
    DECLARATION = "declaration"  # sworn declaration countersigned by the community
    INSPECTION = "inspection"  # ICS inspection record that covers land use history
    OTHER = "other"


EVIDENCE_LABELS = {
    EvidenceKind.SATELLITE: N_("Satellite image analysis"),
    EvidenceKind.LAND_TITLE: N_("Land title or certificate of possession"),
    EvidenceKind.DECLARATION: N_("Sworn declaration"),
    EvidenceKind.INSPECTION: N_("ICS inspection record"),
    EvidenceKind.OTHER: N_("Other evidence"),
}


@dataclass(frozen=True)
class PlotFacts:
    """What the rules look at for one plot."""

    plot_id: int
    total_area_ha: Decimal
    point: Position | None = None
    boundary: Boundary | None = None
    coffee_planted_on: date | None = None
    farmland_since: date | None = None
    evidence_kind: str = ""
    evidence_reference: str = ""
    has_evidence_document: bool = False
    unreadable_boundary: str = ""  # why a stored boundary could not be read, if it could not

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence_kind) and (
            bool(self.evidence_reference.strip()) or self.has_evidence_document
        )


def check_plot(facts: PlotFacts, rules: EudrRules) -> list[GeoIssue]:
    """Every finding for one plot except overlaps with others (:func:`check_plots` adds them)."""
    return check_geolocation(facts, rules) + check_deforestation_free(facts, rules)


def check_geolocation(facts: PlotFacts, rules: EudrRules) -> list[GeoIssue]:
    issues: list[GeoIssue] = []
    area = facts.total_area_ha
    if facts.unreadable_boundary:
        issues.append(
            issue(
                "unreadable_boundary",
                N_("the stored boundary cannot be read ({reason}); import it again"),
                reason=facts.unreadable_boundary,
            )
        )
    elif facts.boundary is None and facts.point is None:
        return [
            issue(
                "no_geolocation",
                N_(
                    "no geolocation: record the plot's boundary (or, up to {limit} ha, a GPS point)"
                ),
                limit=_ha(rules.polygon_threshold_ha),
            )
        ]
    if facts.boundary is None:
        if area > rules.polygon_threshold_ha:
            issues.append(
                issue(
                    "needs_polygon",
                    N_(
                        "the plot has {area} ha, more than {limit} ha: the regulation asks for its "
                        "boundary (a polygon), a GPS point is not enough"
                    ),
                    area=_ha(area),
                    limit=_ha(rules.polygon_threshold_ha),
                )
            )
        if facts.point is not None:
            issues += check_positions([facts.point])
        return issues
    boundary_issues = check_boundary(facts.boundary)
    issues += boundary_issues
    if any(i.code in ("too_few_positions", "out_of_range") for i in boundary_issues):
        return issues
    measured = geodesic_area_ha(facts.boundary)
    issues += check_area(measured, area, rules)
    return issues


def check_area(measured: Decimal, recorded: Decimal, rules: EudrRules) -> list[GeoIssue]:
    """The boundary's area against the recorded total area, within the tolerance."""
    if recorded <= 0:
        return [
            issue(
                "no_recorded_area",
                N_("the register has no area for this plot; its boundary measures {measured} ha"),
                measured=_ha(measured),
            )
        ]
    difference = (measured - recorded) / recorded * 100
    if abs(difference) <= rules.area_tolerance_pct:
        return []
    return [
        issue(
            "area_mismatch",
            N_(
                "the boundary measures {measured} ha but the register says {recorded} ha "
                "({difference}%, tolerance {tolerance}%): correct the area or the boundary"
            ),
            measured=_ha(measured),
            recorded=_ha(recorded),
            difference=f"{difference.quantize(Decimal(1), ROUND_HALF_UP):+}",
            tolerance=_plain(rules.area_tolerance_pct),
        )
    ]


def check_deforestation_free(facts: PlotFacts, rules: EudrRules) -> list[GeoIssue]:
    issues: list[GeoIssue] = []
    cutoff = rules.cutoff_date
    planted, farmland = facts.coffee_planted_on, facts.farmland_since
    if planted is None and farmland is None:
        issues.append(
            issue(
                "no_planting_date",
                N_(
                    "when the coffee was planted is not recorded: the buyer must show the plot was "
                    "not forest cleared after {cutoff}"
                ),
                cutoff=cutoff,
            )
        )
    elif planted is not None and planted > rules.cutoff_date:
        if farmland is None or farmland > rules.cutoff_date:
            issues.append(
                issue(
                    "planted_after_cutoff",
                    N_(
                        "coffee planted on {planted}, after {cutoff}: a buyer cannot accept this "
                        "plot without proof that the land was already farmland by then"
                    ),
                    planted=planted,
                    cutoff=cutoff,
                )
            )
        else:
            issues.append(
                issue(
                    "replanted_on_farmland",
                    N_(
                        "coffee planted on {planted}, after {cutoff}, on land farmed since "
                        "{farmland}: keep the evidence of that earlier use ready for the buyer"
                    ),
                    Severity.WARNING,
                    planted=planted,
                    cutoff=cutoff,
                    farmland=farmland,
                )
            )
    elif planted is None and farmland is not None and farmland > rules.cutoff_date:
        issues.append(
            issue(
                "planted_after_cutoff",
                N_(
                    "farmland only since {planted}, after {cutoff}: a buyer cannot accept this "
                    "plot without more proof"
                ),
                planted=farmland,
                cutoff=cutoff,
            )
        )
    if not facts.has_evidence:
        issues.append(
            issue(
                "no_evidence",
                N_(
                    "no deforestation-free evidence recorded: give its kind and a reference or "
                    "attach the document"
                ),
            )
        )
    return issues


# --- overlaps between plots --------------------------------------------------------------------


@dataclass(frozen=True)
class Overlap:
    plot_id: int
    other_id: int
    area_m2: Decimal


def find_overlaps(
    boundaries: Mapping[int, Boundary], tolerance_m2: Decimal = Decimal(100)
) -> list[Overlap]:
    """Pairs of plots whose boundaries share more than ``tolerance_m2`` (geodesic area), each
    pair once (``plot_id < other_id``). Boundaries that are not valid polygons are left out:
    their own check already fails them. Neighbours that share an edge overlap by nothing."""
    ids: list[int] = []
    shapes: list[BaseGeometry] = []
    for plot_id, boundary in boundaries.items():
        shape = to_shapely(_closed(boundary))
        if shape.is_valid and not shape.is_empty:
            ids.append(plot_id)
            shapes.append(shape)
    if len(shapes) < 2:
        return []
    tree = STRtree(shapes)
    left, right = tree.query(shapes, predicate="intersects")
    found: list[Overlap] = []
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if ids[i] >= ids[j]:
            continue
        common = shapes[i].intersection(shapes[j])
        if common.is_empty or common.area == 0:
            continue
        area = geodesic_area_m2(common)
        if area > tolerance_m2:
            found.append(Overlap(ids[i], ids[j], area))
    return sorted(found, key=lambda o: (o.plot_id, o.other_id))


def _closed(boundary: Boundary) -> Boundary:
    return Boundary(
        tuple(
            tuple(r if r and r[0] == r[-1] else r + r[:1] for r in polygon)
            for polygon in boundary.polygons
        )
    )


def overlap_issue(area_m2: Decimal, other_label: str) -> GeoIssue:
    return issue(
        "overlap",
        N_("the boundary overlaps plot {other} by {area} m²: two plots cannot cover the same land"),
        other=other_label,
        area=_plain(area_m2.quantize(Decimal(1), ROUND_HALF_UP)),
    )


def check_plots(
    facts: Sequence[PlotFacts], rules: EudrRules, labels: Mapping[int, str]
) -> dict[int, list[GeoIssue]]:
    """:func:`check_plot` for each plot, plus the overlaps among them (``labels`` names the
    other plot in the message: member code and plot name)."""
    result = {f.plot_id: check_plot(f, rules) for f in facts}
    boundaries = {
        f.plot_id: f.boundary
        for f in facts
        if f.boundary is not None
        and not any(i.code in ("too_few_positions", "out_of_range") for i in result[f.plot_id])
    }
    for overlap in find_overlaps(boundaries, rules.overlap_tolerance_m2):
        result[overlap.plot_id].append(
            overlap_issue(overlap.area_m2, labels.get(overlap.other_id, str(overlap.other_id)))
        )
        result[overlap.other_id].append(
            overlap_issue(overlap.area_m2, labels.get(overlap.plot_id, str(overlap.plot_id)))
        )
    return result


def passes(issues: Sequence[GeoIssue]) -> bool:
    return not any(i.is_error for i in issues)


# --- the buyer's file -------------------------------------------------------------------------


def feature_properties(
    producer_name: str, production_place: str, area_ha: Decimal | None
) -> dict[str, object]:
    """The properties the EU information system reads. ``Area`` (hectares) only for a point:
    a polygon's area is its own."""
    properties: dict[str, object] = {
        "ProducerName": producer_name,
        "ProducerCountry": PRODUCER_COUNTRY,
        "ProductionPlace": production_place,
    }
    if area_ha is not None:
        properties["Area"] = area_ha
    return properties


def _ha(value: Decimal) -> str:
    return _plain(value.quantize(Decimal("0.01"), ROUND_HALF_UP))


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
