"""Plot geometry: points and boundaries in WGS84, and the checks a buyer's file must pass.

Model:
- a *position* is longitude and latitude in decimal degrees (WGS84, the order of GeoJSON,
  RFC 7946), kept as ``Decimal`` with the digits the surveyor gave (at most 8 decimals, about
  1 mm), so what was measured is what is stored and exported;
- a plot's *point* is one position; its *boundary* is one or more polygons, each an exterior
  ring and its holes, as read (closure and orientation are checked, not silently repaired);
- geometry work (crossings, overlaps) is done by shapely and geodesic work (area on the WGS84
  ellipsoid, UTM zones 17S/18S/19S that Peruvian surveys use) by pyproj, never by hand;
- checks return :class:`GeoIssue` values (a stable ``code``, ``params`` for the message in any
  language, an English ``message``) and never raise, so every problem of a plot shows at once.

Peru's outline (``data/peru.geojson``, from OpenStreetMap via timezone-boundary-builder,
simplified to about 220 m; see ``tools/make_peru_outline.py``) decides "in Peru"; positions
within :data:`PERU_MARGIN_M` outside it are accepted with a warning, because the simplified
line can pass a few hundred metres inside the real border.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import shapely
import shapely.ops
from shapely.geometry import LinearRing, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.prepared import PreparedGeometry, prep

from coop_desk.i18n import N_, _

if TYPE_CHECKING:
    from pyproj import Geod, Transformer

COORDINATE_PLACES = 8  # at most 8 decimals are kept (about 1 mm); more is noise
EXPORT_MIN_PLACES = 6  # the EU information system asks for at least 6 decimals
PERU_MARGIN_M = 1000


class GeometryError(ValueError):
    """Geometry that cannot be read at all (not numbers, wrong nesting); said in words."""


class Severity(StrEnum):
    ERROR = "error"  # the plot fails the rule: a buyer's file cannot include it
    WARNING = "warning"  # worth a look; the plot still passes


@dataclass(frozen=True)
class GeoIssue:
    """One finding about a plot's geometry or records.

    ``code`` is stable (tests, translations); ``params`` fill the message in any language;
    ``message`` is the English sentence the command line prints.
    """

    code: str
    message: str
    severity: Severity = Severity.ERROR
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR


def issue(
    code: str,
    message: str,
    severity: Severity = Severity.ERROR,
    english: dict[str, str] | None = None,
    **params: object,
) -> GeoIssue:
    """A finding whose English ``message`` is ``message.format(**params, **english)``.

    ``message`` is the English template, marked ``N_`` where it is written and translated here
    (:mod:`coop_desk.i18n`) in the language in effect. ``params`` hold only numbers, positions,
    names and codes (no words), so the finding can be worded again in another language;
    ``english`` holds phrases the message needs already in words (a hint, which ring).
    """
    texts = {k: v.isoformat() if isinstance(v, date) else str(v) for k, v in params.items()}
    return GeoIssue(code, _(message, **params, **(english or {})), severity, texts)


# --- positions and geometries ----------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    lon: Decimal
    lat: Decimal

    def floats(self) -> tuple[float, float]:
        return float(self.lon), float(self.lat)

    def describe(self) -> str:
        """Latitude first, as people read a GPS ("-10.743810, -75.263918")."""
        return f"{format_coordinate(self.lat)}, {format_coordinate(self.lon)}"


Ring = tuple[Position, ...]
PolygonRings = tuple[Ring, ...]  # exterior ring first, then the holes


@dataclass(frozen=True)
class Boundary:
    """A plot's outline: one polygon or several (a plot in two pieces), each with its holes."""

    polygons: tuple[PolygonRings, ...]

    @property
    def kind(self) -> str:
        return "Polygon" if len(self.polygons) == 1 else "MultiPolygon"

    def positions(self) -> Iterator[Position]:
        for polygon in self.polygons:
            for ring in polygon:
                yield from ring

    @property
    def position_count(self) -> int:
        return sum(len(ring) for polygon in self.polygons for ring in polygon)


def to_coordinate(value: object) -> Decimal:
    """A coordinate as an exact decimal with at most 8 decimals; text and ints are read
    exactly, floats through their shortest text ("-75.263918", never the binary expansion)."""
    if isinstance(value, bool):
        raise GeometryError(_("a yes/no value is not a coordinate"))
    try:
        if isinstance(value, Decimal):
            number = value
        elif isinstance(value, int):
            number = Decimal(value)
        elif isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, str):
            number = Decimal(value.strip())
        else:
            raise GeometryError(_("{value} is not a coordinate", value=repr(value)))
    except InvalidOperation as exc:
        raise GeometryError(_("{value} is not a coordinate", value=repr(value))) from exc
    if not number.is_finite():
        raise GeometryError(_("{value} is not a coordinate", value=repr(value)))
    if number.as_tuple().exponent < -COORDINATE_PLACES:  # type: ignore[operator]
        number = number.quantize(Decimal(1).scaleb(-COORDINATE_PLACES), rounding=ROUND_HALF_UP)
    return number.normalize() if number == number.to_integral_value() else number


def format_coordinate(value: Decimal, min_places: int = EXPORT_MIN_PLACES) -> str:
    """Fixed-point text with at least ``min_places`` decimals and the stored ones beyond."""
    exponent = value.as_tuple().exponent
    places = max(min_places, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return format(value, f".{places}f")


def position(lon: object, lat: object) -> Position:
    return Position(to_coordinate(lon), to_coordinate(lat))


# --- GeoJSON (RFC 7946) in and out -----------------------------------------------------------


def _position_from(raw: Any) -> Position:
    if not isinstance(raw, list | tuple) or len(raw) < 2:
        raise GeometryError(_("{value} is not a position [longitude, latitude]", value=_short(raw)))
    return position(raw[0], raw[1])  # a third value (altitude) is not kept


def _ring_from(raw: Any) -> Ring:
    if not isinstance(raw, list | tuple):
        raise GeometryError(_("{value} is not a ring of positions", value=_short(raw)))
    return tuple(_position_from(p) for p in raw)


def _polygon_from(raw: Any) -> PolygonRings:
    if not isinstance(raw, list | tuple) or not raw:
        raise GeometryError(_("{value} is not a polygon (a list of rings)", value=_short(raw)))
    return tuple(_ring_from(r) for r in raw)


def _short(raw: Any) -> str:
    text = json.dumps(raw, default=str) if not isinstance(raw, str) else repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def geometry_from_geojson(obj: Any) -> Position | Boundary:
    """A GeoJSON geometry object (a dict, as ``json.loads(..., parse_float=Decimal)`` gives)
    as a point or a boundary. Raises :class:`GeometryError` for anything else."""
    if not isinstance(obj, dict):
        raise GeometryError(_("the geometry is missing"))
    kind = obj.get("type")
    coordinates = obj.get("coordinates")
    if kind == "Point":
        return _position_from(coordinates)
    if kind == "Polygon":
        return Boundary((_polygon_from(coordinates),))
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list | tuple) or not coordinates:
            raise GeometryError(_("the MultiPolygon has no polygons"))
        return Boundary(tuple(_polygon_from(p) for p in coordinates))
    if kind == "GeometryCollection":
        raise GeometryError(_("a GeometryCollection is not a plot: give one Polygon or Point"))
    if kind in ("LineString", "MultiLineString"):
        raise GeometryError(
            _("a {kind} is a line, not an area: draw the plot as a polygon", kind=kind)
        )
    if kind == "MultiPoint":
        raise GeometryError(_("a MultiPoint is several places: give one point per plot"))
    raise GeometryError(_("{kind} is not a GeoJSON geometry type", kind=repr(kind)))


def boundary_from_json(text: str) -> Boundary:
    """A boundary as stored in the database (its GeoJSON geometry text)."""
    geometry = geometry_from_geojson(json.loads(text, parse_float=Decimal))
    if not isinstance(geometry, Boundary):
        raise GeometryError(_("the stored boundary is not a polygon"))
    return geometry


def _coords_json(value: Any, min_places: int) -> str:
    if isinstance(value, Position):
        return f"[{format_coordinate(value.lon, min_places)},{format_coordinate(value.lat, min_places)}]"
    return "[" + ",".join(_coords_json(v, min_places) for v in value) + "]"


def geometry_json(geometry: Position | Boundary, *, min_places: int = 0) -> str:
    """GeoJSON geometry text with exact decimals (the json module would go through float)."""
    if isinstance(geometry, Position):
        return '{"type":"Point","coordinates":' + _coords_json(geometry, min_places) + "}"
    if geometry.kind == "Polygon":
        coords = _coords_json(geometry.polygons[0], min_places)
    else:
        coords = _coords_json(geometry.polygons, min_places)
    return '{"type":"' + geometry.kind + '","coordinates":' + coords + "}"


def rfc7946_oriented(boundary: Boundary) -> Boundary:
    """The same boundary with every ring closed and wound as RFC 7946 asks: exterior rings
    counterclockwise, holes clockwise (the right-hand rule). Positions are not changed."""

    def closed(ring: Ring) -> Ring:
        return ring if ring and ring[0] == ring[-1] else ring + ring[:1]

    def wound(ring: Ring, ccw: bool) -> Ring:
        if len(ring) < 4:
            return ring
        is_ccw = LinearRing([p.floats() for p in ring]).is_ccw
        return ring if is_ccw == ccw else tuple(reversed(ring))

    return Boundary(
        tuple(
            tuple(wound(closed(r), index == 0) for index, r in enumerate(polygon))
            for polygon in boundary.polygons
        )
    )


def bounding_box(boundary: Boundary) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(west, south, east, north) in degrees, rounded outwards to 6 decimals, so the box
    always contains the boundary."""
    positions = list(boundary.positions())
    if not positions:
        raise GeometryError(_("the boundary has no positions"))
    places = Decimal("0.000001")
    return (
        min(p.lon for p in positions).quantize(places, ROUND_FLOOR),
        min(p.lat for p in positions).quantize(places, ROUND_FLOOR),
        max(p.lon for p in positions).quantize(places, ROUND_CEILING),
        max(p.lat for p in positions).quantize(places, ROUND_CEILING),
    )


# --- shapely and pyproj --------------------------------------------------------------------


@cache
def _geod() -> Geod:
    """The WGS84 ellipsoid's geodesics. pyproj is imported here, at the first area, distance
    or projection, not with this module: the roster reader imports it for its UTM columns,
    and most rosters have none (30 ms of every import and start)."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


def to_shapely(geometry: Position | Boundary) -> BaseGeometry:
    """Floats for geometry work (crossings, overlaps, drawing); stored values stay decimal."""
    if isinstance(geometry, Position):
        return Point(geometry.floats())
    polygons = []
    for rings in geometry.polygons:
        shells = [[p.floats() for p in ring] for ring in rings]
        polygons.append(Polygon(shells[0], shells[1:]) if shells[0] else Polygon())
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def geodesic_area_ha(boundary: Boundary | BaseGeometry) -> Decimal:
    """Area on the WGS84 ellipsoid, in hectares to 4 decimals (holes subtracted)."""
    shape = to_shapely(boundary) if isinstance(boundary, Boundary) else boundary
    area_m2, _perimeter = _geod().geometry_area_perimeter(shape)
    return Decimal(repr(abs(area_m2) / 10_000)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def geodesic_area_m2(shape: BaseGeometry) -> Decimal:
    area_m2, _perimeter = _geod().geometry_area_perimeter(shape)
    return Decimal(repr(abs(area_m2))).quantize(Decimal("0.01"), ROUND_HALF_UP)


def distance_m(a: Position, b: Position) -> Decimal:
    """Geodesic distance between two positions, in metres to the centimetre."""
    _az1, _az2, metres = _geod().inv(float(a.lon), float(a.lat), float(b.lon), float(b.lat))
    return Decimal(repr(metres)).quantize(Decimal("0.01"), ROUND_HALF_UP)


# --- UTM (the zones of Peruvian surveys) -------------------------------------------------------

UTM_ZONES = {17: 32717, 18: 32718, 19: 32719}  # WGS 84 / UTM zone N south -> EPSG code
# MGRS latitude bands over Peru (K: 24-16 S, L: 16-8 S, M: 8-0 S): a GPS shows "18 L".
_SOUTH_WORDS = {"", "s", "sur", "south", "k", "l", "m"}
_ZONE_TEXT = re.compile(r"^\s*(\d{1,2})\s*([a-z]*)\s*$", re.IGNORECASE)


def parse_utm_zone(value: object) -> int:
    """17, 18 or 19 from what surveyors write: ``18``, ``18S``, ``18 Sur``, ``18L``, ``UTM 17M``.

    Peru lies south of the equator, so only southern zones exist here; a northern band letter
    (N..X) or another zone number is refused with the reason.
    """
    if isinstance(value, bool) or value is None:
        raise GeometryError(_("the UTM zone is missing (17, 18 or 19)"))
    if isinstance(value, int | Decimal) or (isinstance(value, float) and value.is_integer()):
        text = str(int(value))
    else:
        text = str(value).strip()
    text = re.sub(r"^(utm|zona|zone)\s*", "", text, flags=re.IGNORECASE)
    text = text.replace("°", "").replace(".0", "")
    match = _ZONE_TEXT.match(text)
    if not match:
        raise GeometryError(
            _("{value} is not a UTM zone (17S, 18S or 19S)", value=repr(str(value).strip()))
        )
    number, letters = int(match.group(1)), match.group(2).lower()
    if letters not in _SOUTH_WORDS:
        raise GeometryError(
            _(
                "{value} is a northern-hemisphere UTM zone; Peru uses 17S, 18S and 19S",
                value=repr(str(value).strip()),
            )
        )
    if number not in UTM_ZONES:
        raise GeometryError(_("UTM zone {zone} is not used in Peru (17S, 18S or 19S)", zone=number))
    return number


@cache
def _utm_transformer(zone: int) -> Transformer:
    from pyproj import Transformer

    return Transformer.from_crs(UTM_ZONES[zone], 4326, always_xy=True)


def utm_to_position(easting: Decimal, northing: Decimal, zone: int) -> Position:
    """A WGS84 position from UTM metres (easting, northing) in zone ``zone`` south.

    Refuses values outside a UTM zone's range (easting 100,000-900,000 m, southern northing
    1,000,000-10,000,000 m), which usually means swapped columns or degrees in metre columns.
    """
    if zone not in UTM_ZONES:
        raise GeometryError(_("UTM zone {zone} is not used in Peru (17S, 18S or 19S)", zone=zone))
    if not Decimal(100_000) <= easting <= Decimal(900_000):
        if Decimal(1_000_000) <= easting:
            raise GeometryError(
                _(
                    "easting {easting} m is outside a UTM zone (easting and northing swapped?)",
                    easting=easting,
                )
            )
        raise GeometryError(_("easting {easting} m is outside a UTM zone", easting=easting))
    if not Decimal(1_000_000) <= northing <= Decimal(10_000_000):
        raise GeometryError(
            _("northing {northing} m is outside the southern hemisphere's range", northing=northing)
        )
    lon, lat = _utm_transformer(zone).transform(float(easting), float(northing))
    return position(round(lon, COORDINATE_PLACES), round(lat, COORDINATE_PLACES))


# --- Peru ------------------------------------------------------------------------------------


@cache
def _peru() -> tuple[BaseGeometry, PreparedGeometry]:
    text = resources.files("coop_desk.domain").joinpath("data/peru.geojson").read_text("utf-8")
    shape = shapely.geometry.shape(json.loads(text)["features"][0]["geometry"])
    return shape, prep(shape)


def outside_peru_m(pos: Position) -> Decimal:
    """0 inside Peru's outline, else the geodesic distance to it in whole metres."""
    shape, prepared = _peru()
    point = Point(pos.floats())
    if prepared.contains(point):
        return Decimal(0)
    if not in_range(pos):
        return Decimal(40_000_000)
    nearest = shapely.ops.nearest_points(shape.boundary, point)[0]
    return distance_m(Position(Decimal(repr(nearest.x)), Decimal(repr(nearest.y))), pos).quantize(
        Decimal(1)
    )


def in_range(pos: Position) -> bool:
    return Decimal(-180) <= pos.lon <= Decimal(180) and Decimal(-90) <= pos.lat <= Decimal(90)


# Likely slips that put a Peruvian position elsewhere, by code, with their English words.
HINTS = {
    "swapped": N_("latitude and longitude seem swapped"),
    "lon_sign": N_("the longitude should be negative (west)"),
    "lat_sign": N_("the latitude should be negative (south)"),
    "both_signs": N_("both signs seem wrong (Peru is south and west)"),
    "swapped_signs": N_("latitude and longitude seem swapped and without their minus signs"),
}


def _peru_hint(pos: Position) -> str:
    """The code of a slip that would put the position in Peru (:data:`HINTS`), or ""."""
    candidates = [
        (Position(pos.lat, pos.lon), "swapped"),
        (Position(-pos.lon, pos.lat), "lon_sign"),
        (Position(pos.lon, -pos.lat), "lat_sign"),
        (Position(-pos.lon, -pos.lat), "both_signs"),
        (Position(-pos.lat, -pos.lon), "swapped_signs"),
    ]
    for candidate, hint in candidates:
        if in_range(candidate) and outside_peru_m(candidate) == 0:
            return hint
    return ""


def _hint_english(hint: str) -> dict[str, str]:
    return {"hint_text": "; " + _(HINTS[hint]) if hint else ""}


def check_positions(positions: Iterable[Position]) -> list[GeoIssue]:
    """Coordinates in range and in Peru (with :data:`PERU_MARGIN_M` of tolerance)."""
    issues: list[GeoIssue] = []
    far: tuple[Position, Decimal] | None = None
    near: tuple[Position, Decimal] | None = None
    for pos in positions:
        if not in_range(pos):
            hint = _peru_hint(pos)
            issues.append(
                issue(
                    "out_of_range",
                    N_(
                        "{position} is not a coordinate (latitude -90 to 90, longitude -180 to 180)"
                        "{hint_text}"
                    ),
                    english=_hint_english(hint),
                    position=pos.describe(),
                    hint=hint,
                )
            )
            return issues
        outside = outside_peru_m(pos)
        if outside > PERU_MARGIN_M and (far is None or outside > far[1]):
            far = (pos, outside)
        elif 0 < outside <= PERU_MARGIN_M and near is None:
            near = (pos, outside)
    if far is not None:
        pos, outside = far
        hint = _peru_hint(pos)
        issues.append(
            issue(
                "outside_peru",
                N_("outside Peru: {position} is about {km} km from the border{hint_text}"),
                english=_hint_english(hint),
                position=pos.describe(),
                km=max(1, int(outside / 1000)),
                hint=hint,
            )
        )
    elif near is not None:
        issues.append(
            issue(
                "near_border",
                N_(
                    "on Peru's border ({position}, within {metres} m of it): make sure it is on "
                    "the Peruvian side"
                ),
                Severity.WARNING,
                position=near[0].describe(),
                metres=PERU_MARGIN_M,
            )
        )
    return issues


# --- boundary checks -------------------------------------------------------------------------

_CROSSING = re.compile(r"\[\s*(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)\s*\]")


def check_boundary(boundary: Boundary) -> list[GeoIssue]:
    """Every ring closed with at least 4 positions; no crossing; in range and in Peru."""
    issues: list[GeoIssue] = []
    for p_index, rings in enumerate(boundary.polygons, start=1):
        for r_index, ring in enumerate(rings):
            where = _ring_params(boundary, p_index, r_index)
            if len(ring) < 4:
                issues.append(
                    issue(
                        "too_few_positions",
                        N_(
                            "{ring} has {count} positions; a polygon needs at least 4 (3 corners "
                            "and the first one again to close it)"
                        ),
                        english={"ring": _ring_name(**where)},
                        count=len(ring),
                        part=where["part"],
                        hole=where["hole"],
                    )
                )
            elif ring[0] != ring[-1]:
                gap = distance_m(ring[0], ring[-1])
                issues.append(
                    issue(
                        "not_closed",
                        N_(
                            "{ring} is not closed: it ends at {end}, {metres} m from where it "
                            "starts ({start}); the last position must repeat the first"
                        ),
                        english={"ring": _ring_name(**where)},
                        part=where["part"],
                        hole=where["hole"],
                        start=ring[0].describe(),
                        end=ring[-1].describe(),
                        metres=f"{gap:.0f}",
                    )
                )
            elif len(set(ring[:-1])) < 3:
                issues.append(
                    issue(
                        "too_few_positions",
                        N_("{ring} has fewer than 3 different corners: it encloses no area"),
                        english={"ring": _ring_name(**where)},
                        part=where["part"],
                        hole=where["hole"],
                    )
                )
    issues += check_positions(boundary.positions())
    if any(i.code in ("too_few_positions", "out_of_range") for i in issues):
        return issues
    issues += _crossing_issues(boundary)
    return issues


def _ring_params(boundary: Boundary, polygon: int, ring: int) -> dict[str, str]:
    """Which ring, as numbers: ``part`` ("" for a one-piece boundary) and ``hole`` ("" for
    the outline itself)."""
    return {
        "part": str(polygon) if len(boundary.polygons) > 1 else "",
        "hole": str(ring) if ring else "",
    }


def _ring_name(part: str, hole: str) -> str:
    name = _("part {part} of the boundary", part=part) if part else _("the boundary")
    return _("hole {hole} of {ring}", hole=hole, ring=name) if hole else name


def _crossing_issues(boundary: Boundary) -> list[GeoIssue]:
    closed = rfc7946_oriented(boundary)  # validity is judged on closed rings
    shape = to_shapely(closed)
    reason = shapely.is_valid_reason(shape)
    if reason == "Valid Geometry":
        return []
    where = ""
    match = _CROSSING.search(reason)
    if match:
        lon, lat = float(match.group(1)), float(match.group(2))
        where = position(round(lon, 6), round(lat, 6)).describe()
    lowered = reason.lower()
    if "self-intersection" in lowered or "ring self-intersection" in lowered:
        return [
            issue(
                "self_crossing",
                N_(
                    "the boundary crosses itself near {position}: the corners are out of order "
                    "(walk the outline in one direction, without going back across it)"
                ),
                position=where or "?",
            )
        ]
    if "hole lies outside shell" in lowered or "nested" in lowered:
        return [issue("bad_hole", N_("a hole of the boundary lies outside it"))]
    return [
        issue(
            "invalid_boundary",
            N_("the boundary is not a valid polygon ({reason})"),
            reason=reason,
        )
    ]


# --- display ---------------------------------------------------------------------------------


def local_projector(center: Position) -> Transformer:
    """Lon/lat to metres on a plane centred on ``center`` (azimuthal equidistant): for maps of
    plots drawn to scale without tiles. Distances from the centre are exact; over a
    cooperative's area (tens of km) the map's scale errs by far less than a pixel."""
    from pyproj import Transformer

    return Transformer.from_crs(
        "EPSG:4326",
        f"+proj=aeqd +lat_0={float(center.lat)} +lon_0={float(center.lon)} +datum=WGS84 +units=m",
        always_xy=True,
    )


def nice_scale_length(max_metres: float) -> int:
    """The longest 1-2-5 x 10^n length in metres not above ``max_metres`` (a scale bar)."""
    if max_metres <= 1:
        return 1
    exponent = 10 ** int(math.floor(math.log10(max_metres)))
    for step in (5, 2, 1):
        if step * exponent <= max_metres:
            return step * exponent
    return exponent
