"""The EUDR rules per plot: polygon above 4 ha, area tolerance, overlaps, planting date,
evidence. Each finding explains itself."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from coop_desk.domain.eudr import EudrRules, PlotFacts, check_plot, check_plots, find_overlaps
from coop_desk.domain.geometry import Boundary, position
from tests.geo_samples import VILLA_RICA, rectangle

RULES = EudrRules()


def boundary(ring: list[tuple[float, float]]) -> Boundary:
    return Boundary(((tuple(position(repr(x), repr(y)) for x, y in ring),),))


def facts(**kwargs) -> PlotFacts:  # type: ignore[no-untyped-def]
    base = dict(
        plot_id=1,
        total_area_ha=Decimal("5.0"),
        boundary=boundary(rectangle(VILLA_RICA, 250, 200)),
        coffee_planted_on=date(2012, 5, 1),
        evidence_kind="satellite",
        evidence_reference="GFW 2025-03-11",
    )
    base.update(kwargs)
    return PlotFacts(**base)  # type: ignore[arg-type]


def codes(issues) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.code for i in issues]


def test_a_compliant_plot():
    assert check_plot(facts(), RULES) == []


def test_over_4_ha_needs_a_polygon():
    point = position(repr(VILLA_RICA[0]), repr(VILLA_RICA[1]))
    issues = check_plot(facts(boundary=None, point=point, total_area_ha=Decimal("4.5")), RULES)
    assert codes(issues) == ["needs_polygon"]
    assert issues[0].message.startswith("the plot has 4.5 ha, more than 4 ha")
    assert check_plot(facts(boundary=None, point=point, total_area_ha=Decimal(4)), RULES) == []


def test_no_geolocation():
    assert codes(check_plot(facts(boundary=None), RULES)) == ["no_geolocation"]


def test_area_tolerance_is_the_users():
    issues = check_plot(facts(total_area_ha=Decimal("4.0")), RULES)  # measures 5.0 ha
    assert codes(issues) == ["area_mismatch"]
    assert "5 ha but the register says 4 ha (+25%, tolerance 10%)" in issues[0].message
    loose = EudrRules(area_tolerance_pct=Decimal(30))
    assert check_plot(facts(total_area_ha=Decimal("4.0")), loose) == []


def test_planted_after_the_cutoff_is_flagged_unless_farmland_before():
    late = check_plot(facts(coffee_planted_on=date(2022, 3, 1)), RULES)
    assert codes(late) == ["planted_after_cutoff"]
    assert "2022-03-01, after 2020-12-31" in late[0].message
    replanted = check_plot(
        facts(coffee_planted_on=date(2022, 3, 1), farmland_since=date(2005, 1, 1)), RULES
    )
    assert codes(replanted) == ["replanted_on_farmland"] and not replanted[0].is_error
    assert codes(check_plot(facts(coffee_planted_on=None), RULES)) == ["no_planting_date"]


def test_evidence_needs_a_kind_and_a_reference_or_document():
    assert codes(check_plot(facts(evidence_kind=""), RULES)) == ["no_evidence"]
    assert codes(check_plot(facts(evidence_reference=""), RULES)) == ["no_evidence"]
    assert check_plot(facts(evidence_reference="", has_evidence_document=True), RULES) == []


def test_overlapping_plots_name_each_other():
    a = facts(plot_id=1)
    b = facts(plot_id=2, boundary=boundary(rectangle(VILLA_RICA, 250, 200, dx=200)))  # 50 m
    c = facts(plot_id=3, boundary=boundary(rectangle(VILLA_RICA, 250, 200, dx=250)))  # touches a
    found = check_plots([a, b, c], RULES, {1: "VR-1 Alto", 2: "VR-2 Bajo", 3: "VR-3 Medio"})
    assert "overlap" in codes(found[1]) and "overlap" in codes(found[2])
    assert "VR-2 Bajo" in next(i for i in found[1] if i.code == "overlap").message
    overlap_area = find_overlaps({1: a.boundary, 2: b.boundary})[0].area_m2  # type: ignore[dict-item]
    assert abs(overlap_area - Decimal(50 * 200)) < 20  # 50 m x 200 m
    # c only shares an edge with a, and overlaps b
    assert [i.params["other"] for i in found[3] if i.code == "overlap"] == ["VR-2 Bajo"]
