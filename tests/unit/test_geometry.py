"""Plot geometry rules: reading GeoJSON geometry exactly, closure, crossing, Peru, UTM, area."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from shapely.geometry import LinearRing, Point

from coop_desk.domain.geometry import (
    Boundary,
    GeometryError,
    Position,
    check_boundary,
    check_positions,
    format_coordinate,
    geodesic_area_ha,
    geometry_from_geojson,
    geometry_json,
    nice_scale_length,
    parse_utm_zone,
    position,
    rfc7946_oriented,
    to_coordinate,
    utm_to_position,
)
from tests.geo_samples import VILLA_RICA, rectangle, utm_of


def boundary(ring: list[tuple[float, float]]) -> Boundary:
    return Boundary(((tuple(position(repr(x), repr(y)) for x, y in ring),),))


def codes(issues) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.code for i in issues]


def test_coordinates_are_kept_as_the_digits_given():
    assert to_coordinate("-75.263918") == Decimal("-75.263918")
    assert to_coordinate(-75.263918) == Decimal("-75.263918")  # a float by its shortest text
    assert to_coordinate("-75.26391812345678") == Decimal("-75.26391812")  # 8 decimals kept
    assert format_coordinate(Decimal("-75.26")) == "-75.260000"
    assert format_coordinate(Decimal("-75.2639181")) == "-75.2639181"
    with pytest.raises(GeometryError):
        to_coordinate("west")


def test_geojson_geometry_round_trips_exactly():
    text = '{"type":"Polygon","coordinates":[[[-75.263918,-10.74381],[-75.264388,-10.742861],[-75.26551,-10.742515],[-75.263918,-10.74381]]]}'
    geometry = geometry_from_geojson(json.loads(text, parse_float=Decimal))
    assert isinstance(geometry, Boundary)
    assert geometry_json(geometry) == text
    assert geometry_from_geojson({"type": "Point", "coordinates": [-75.1, -10.2, 1650]}) == (
        Position(Decimal("-75.1"), Decimal("-10.2"))
    )
    with pytest.raises(GeometryError, match="line"):
        geometry_from_geojson({"type": "LineString", "coordinates": [[0, 0], [1, 1]]})


def test_geodesic_area_of_a_known_rectangle():
    assert geodesic_area_ha(boundary(rectangle(VILLA_RICA, 250, 200))) == pytest.approx(
        Decimal("5.0"), abs=Decimal("0.001")
    )


def test_a_good_boundary_has_no_issue():
    assert check_boundary(boundary(rectangle(VILLA_RICA, 250, 200))) == []


def test_unclosed_ring_is_explained_with_the_gap():
    ring = rectangle(VILLA_RICA, 100, 100)[:-1]
    issues = check_boundary(boundary(ring))
    assert codes(issues) == ["not_closed"]
    assert "100 m from where it starts" in issues[0].message


def test_too_few_positions():
    ring = rectangle(VILLA_RICA, 100, 100)
    issues = check_boundary(boundary([ring[0], ring[1], ring[0]]))
    assert codes(issues) == ["too_few_positions"]
    assert "3 positions" in issues[0].message


def test_self_crossing_is_found_and_located():
    a, b, c, d, _ = rectangle(VILLA_RICA, 200, 150)
    issues = check_boundary(boundary([a, c, b, d, a]))
    assert codes(issues) == ["self_crossing"]
    # the crossing is in the middle of the rectangle: its centre
    assert "-10.744" in issues[0].params["position"]


def test_outside_peru_with_the_likely_slip():
    lon, lat = VILLA_RICA
    swapped = check_positions([position(repr(lat), repr(lon))])
    assert codes(swapped) == ["outside_peru"]
    assert swapped[0].params["hint"] == "swapped"
    positive = check_positions([position(repr(-lon), repr(lat))])
    assert positive[0].params["hint"] == "lon_sign"
    ecuador = check_positions([position("-79.20", "-4.20")])  # Loja, Ecuador
    assert codes(ecuador) == ["outside_peru"] and ecuador[0].params["hint"] == ""
    assert check_positions([position(repr(lon), repr(lat))]) == []


def test_near_the_border_is_a_warning_far_outside_an_error():
    """The outline is simplified (about 220 m): a position a few hundred metres outside it may
    still be in Peru, so it is a warning; 5 km outside is an error."""
    from coop_desk.domain.geometry import _peru, outside_peru_m

    shape, _ = _peru()
    # Walk north from San Ignacio (Cajamarca) until just past the border with Ecuador.
    lon, lat = -78.99, -5.14
    assert outside_peru_m(position(repr(lon), repr(lat))) == 0
    while shape.contains(Point(lon, lat)):
        lat += 0.0005
    near = check_positions([position(repr(lon), repr(round(lat + 0.002, 6)))])
    assert codes(near) == ["near_border"] and not near[0].is_error
    far = check_positions([position(repr(lon), repr(round(lat + 0.05, 6)))])
    assert codes(far) == ["outside_peru"]


def test_out_of_range():
    issues = check_positions([position("-75.2", "-100.5")])
    assert codes(issues) == ["out_of_range"]


def test_rfc7946_orientation_closes_and_winds_rings():
    clockwise = rectangle(VILLA_RICA, 100, 100)
    assert not LinearRing(clockwise).is_ccw
    oriented = rfc7946_oriented(boundary(clockwise[:-1]))
    ring = oriented.polygons[0][0]
    assert ring[0] == ring[-1]
    assert LinearRing([p.floats() for p in ring]).is_ccw


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("18", 18),
        ("18S", 18),
        ("18 Sur", 18),
        ("18L", 18),
        ("UTM 17M", 17),
        ("Zona 19 K", 19),
        (19, 19),
    ],
)
def test_utm_zone_as_surveyors_write_it(text, zone):
    assert parse_utm_zone(text) == zone


@pytest.mark.parametrize("text", ["18N", "20S", "", "zona", "32Q"])
def test_utm_zones_peru_does_not_use_are_refused(text):
    with pytest.raises(GeometryError):
        parse_utm_zone(text)


def test_utm_to_wgs84_matches_the_gps():
    lon, lat = VILLA_RICA
    easting, northing = utm_of(lon, lat, 18)
    pos = utm_to_position(easting, northing, 18)
    assert abs(pos.lon - Decimal(repr(lon))) < Decimal("0.000001")
    assert abs(pos.lat - Decimal(repr(lat))) < Decimal("0.000001")
    with pytest.raises(GeometryError, match="swapped"):
        utm_to_position(northing, easting, 18)


def test_scale_bar_lengths():
    assert nice_scale_length(730) == 500
    assert nice_scale_length(199) == 100
    assert nice_scale_length(2500) == 2000
