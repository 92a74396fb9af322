"""Plot boundaries and points from the files surveyors and phones make, and the GeoJSON file
the EU information system accepts. No Qt, no database.

Read (:func:`read_geo_file`), each into :class:`GeoFeature` values in file order:

- **GeoJSON** (``.geojson``, ``.json``): a FeatureCollection, a Feature or a bare geometry, as
  desktop GIS programs write it; a ``crs`` member naming WGS84 or UTM 17S/18S/19S (EPSG
  32717-32719) is honoured, coordinates in metres without one need the zone from the user;
- **KML / KMZ** (Google Earth): every Placemark with its name, description and extended data;
  Polygon, Point, MultiGeometry, a LineString or gx:Track drawn around the plot;
- **GPX** (phone GPS apps): each track (its segments joined) or route walked around a plot is a
  boundary; waypoints are points.

A walked line (GPX track or route, KML path) is closed by joining its last position to its
first, and the feature says so with the gap in metres; a polygon ring from GeoJSON or KML is
taken as written (an unclosed ring is reported by the geometry checks, not repaired). A
feature whose geometry cannot be read carries ``problems`` and no geometry; the file as a whole
is refused only when it is not one of these formats.

XML is parsed without entities or network access, and a KMZ's content is size-limited, so a
hostile file cannot read local files or exhaust memory.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree

from coop_desk.domain.geometry import (
    Boundary,
    GeoIssue,
    GeometryError,
    Position,
    Severity,
    distance_m,
    geometry_from_geojson,
    geometry_json,
    issue,
    parse_utm_zone,
    position,
    rfc7946_oriented,
    to_coordinate,
    utm_to_position,
)
from coop_desk.domain.text import fold_key
from coop_desk.errors import CoopDeskError
from coop_desk.i18n import N_, _

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_KMZ_CONTENT_BYTES = 200 * 1024 * 1024


class GeoFileError(CoopDeskError):
    """A file that is not GeoJSON, KML, KMZ or GPX, or cannot be read at all."""


@dataclass(frozen=True)
class GeoFeature:
    number: int  # 1-based, in file order
    label: str  # how a person finds it in the file: a placemark's name, "feature 3"
    properties: dict[str, str]
    geometry: Position | Boundary | None
    problems: tuple[GeoIssue, ...] = ()  # why the geometry cannot be used (then it is None)
    notes: tuple[GeoIssue, ...] = ()  # what was done to it (a walked track closed)


@dataclass(frozen=True)
class GeoFile:
    kind: str  # "GeoJSON", "KML", "KMZ", "GPX"
    features: tuple[GeoFeature, ...]
    crs: str = "WGS84"  # or "UTM 18S" when the file was in UTM


def read_geo_file(path: str | Path, *, utm_zone: int | None = None) -> GeoFile:
    """Read a GeoJSON, KML, KMZ or GPX file. ``utm_zone`` (17, 18 or 19, south) says how to
    read GeoJSON coordinates given in metres without a ``crs`` member."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise GeoFileError(
                _("{name} is larger than {mb} MB", name=path.name, mb=MAX_FILE_BYTES // 2**20)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise GeoFileError(
            _("{name} cannot be read: {reason}", name=path.name, reason=exc.strerror or exc)
        ) from exc
    suffix = path.suffix.lower()
    if suffix == ".kmz" or data[:4] == b"PK\x03\x04":
        return _with_kind(read_kml(_kmz_content(data, path.name), path.name), "KMZ")
    head = data[:2048].lstrip().lower()
    if suffix == ".gpx" or (head.startswith(b"<") and b"<gpx" in head):
        return read_gpx(data, path.name)
    if suffix == ".kml" or (head.startswith(b"<") and b"<kml" in head):
        return read_kml(data, path.name)
    if suffix in (".geojson", ".json") or head.startswith((b"{", b"\xef\xbb\xbf{")):
        return read_geojson(data, path.name, utm_zone=utm_zone)
    raise GeoFileError(
        _(
            "{name} is not a GeoJSON, KML, KMZ or GPX file (those are what GIS programs, "
            "Google Earth and phone GPS apps save)",
            name=path.name,
        )
    )


def _with_kind(geo: GeoFile, kind: str) -> GeoFile:
    return GeoFile(kind, geo.features, geo.crs)


# --- GeoJSON ---------------------------------------------------------------------------------

_UTM_CRS = re.compile(r"(?:EPSG)?\D*327(1[789])\b", re.IGNORECASE)
_WGS84_CRS = re.compile(r"CRS84|EPSG\D*4326\b|WGS\s*84$", re.IGNORECASE)


def read_geojson(data: bytes, name: str = "", *, utm_zone: int | None = None) -> GeoFile:
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text, parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GeoFileError(
            _("{name} is not valid GeoJSON: {reason}", name=name or _("the file"), reason=exc)
        ) from exc
    if not isinstance(document, dict):
        raise GeoFileError(
            _("{name} is not GeoJSON (no object at the top)", name=name or _("the file"))
        )
    zone = _crs_zone(document, name)
    crs = "WGS84" if zone is None else f"UTM {zone}S"
    if zone is None and utm_zone is not None:
        zone, crs = utm_zone, f"UTM {utm_zone}S"
    kind = document.get("type")
    if kind == "FeatureCollection":
        raw_features = document.get("features")
        if not isinstance(raw_features, list):
            raise GeoFileError(
                _("{name}: the FeatureCollection has no features", name=name or _("the file"))
            )
    elif kind == "Feature":
        raw_features = [document]
    elif isinstance(kind, str) and "coordinates" in document:
        raw_features = [{"type": "Feature", "properties": {}, "geometry": document}]
    else:
        raise GeoFileError(
            _("{name} is not GeoJSON (type {kind})", name=name or _("the file"), kind=repr(kind))
        )
    features = [_geojson_feature(i, f, zone) for i, f in enumerate(raw_features, start=1)]
    return GeoFile("GeoJSON", tuple(features), crs)


def _crs_zone(document: dict[str, Any], name: str) -> int | None:
    """The UTM zone named by a (pre-RFC 7946) ``crs`` member; None for WGS84 or no crs."""
    crs = document.get("crs")
    if not isinstance(crs, dict):
        return None
    props = crs.get("properties")
    text = str(props.get("name", "")) if isinstance(props, dict) else ""
    if not text or _WGS84_CRS.search(text):
        return None
    match = _UTM_CRS.search(text)
    if match:
        return int(match.group(1))
    raise GeoFileError(
        _(
            "{name} uses the coordinate system {crs}; save it in WGS84 (EPSG:4326) or UTM "
            "17S/18S/19S (EPSG:32717-32719)",
            name=name or _("the file"),
            crs=text,
        )
    )


def _geojson_feature(number: int, raw: Any, zone: int | None) -> GeoFeature:
    if not isinstance(raw, dict):
        return GeoFeature(number, f"#{number}", {}, None, (_unreadable(_("not a Feature object")),))
    props = raw.get("properties") if isinstance(raw.get("properties"), dict) else {}
    properties = {str(k): _text(v) for k, v in (props or {}).items() if v is not None}
    if raw.get("id") is not None and "id" not in properties:
        properties["id"] = _text(raw["id"])
    label = _label(properties, number)
    try:
        if raw.get("geometry") is None:
            raise GeometryError(_("the feature has no geometry"))
        geometry = geometry_from_geojson(_to_wgs84(raw["geometry"], zone))
    except GeometryError as exc:
        return GeoFeature(number, label, properties, None, (_unreadable(str(exc)),))
    return GeoFeature(number, label, properties, geometry)


def _to_wgs84(geometry: Any, zone: int | None) -> Any:
    """UTM metres to degrees when a zone applies; metres without a zone are refused."""
    if not isinstance(geometry, dict):
        return geometry
    coordinates = geometry.get("coordinates")
    first = _first_number_pair(coordinates)
    if first is None:
        return geometry
    in_metres = abs(first[0]) > 180 or abs(first[1]) > 90
    if not in_metres:
        if zone is not None:
            raise GeometryError(_("the coordinates are in degrees but the file is declared UTM"))
        return geometry
    if zone is None:
        raise GeometryError(
            _(
                "the coordinates ({x}, {y}) look like UTM metres: choose the UTM zone (17S, 18S "
                "or 19S) to read them",
                x=first[0],
                y=first[1],
            )
        )
    return {**geometry, "coordinates": _map_pairs(coordinates, zone)}


def _first_number_pair(value: Any) -> tuple[Decimal, Decimal] | None:
    while isinstance(value, list) and value and isinstance(value[0], list):
        value = value[0]
    if isinstance(value, list) and len(value) >= 2:
        try:
            return to_coordinate(value[0]), to_coordinate(value[1])
        except GeometryError:
            return None
    return None


def _map_pairs(value: Any, zone: int) -> Any:
    if isinstance(value, list) and value and not isinstance(value[0], list):
        pos = utm_to_position(to_coordinate(value[0]), to_coordinate(value[1]), zone)
        return [pos.lon, pos.lat]
    if isinstance(value, list):
        return [_map_pairs(v, zone) for v in value]
    return value


# --- KML / KMZ --------------------------------------------------------------------------------


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False
    )


def _parse_xml(data: bytes, name: str, kind: str) -> Any:
    try:
        return etree.fromstring(data, parser=_xml_parser())
    except etree.XMLSyntaxError as exc:
        raise GeoFileError(
            _(
                "{name} is not a readable {kind} file: {reason}",
                name=name or _("the file"),
                kind=kind,
                reason=exc,
            )
        ) from exc


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: Any, name: str) -> list[Any]:
    return [c for c in element if _local(c.tag) == name]


def _descendants(element: Any, name: str) -> Iterator[Any]:
    for node in element.iter():
        if _local(node.tag) == name:
            yield node


def _child_text(element: Any, name: str) -> str:
    for child in _children(element, name):
        return " ".join((child.text or "").split())
    return ""


def _kmz_content(data: bytes, name: str) -> bytes:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = [i for i in archive.infolist() if i.filename.lower().endswith(".kml")]
            if not entries:
                raise GeoFileError(_("{name} is a zip file without a KML inside", name=name))
            entries.sort(key=lambda i: (i.filename.lower() != "doc.kml", "/" in i.filename))
            entry = entries[0]
            if entry.file_size > MAX_KMZ_CONTENT_BYTES:
                raise GeoFileError(_("{name}: the KML inside is too large", name=name))
            with archive.open(entry) as handle:
                content = handle.read(MAX_KMZ_CONTENT_BYTES + 1)
            if len(content) > MAX_KMZ_CONTENT_BYTES:
                raise GeoFileError(_("{name}: the KML inside is too large", name=name))
            return content
    except zipfile.BadZipFile as exc:
        raise GeoFileError(_("{name} is not a readable KMZ file", name=name)) from exc


def read_kml(data: bytes, name: str = "") -> GeoFile:
    root = _parse_xml(data, name, "KML")
    if _local(root.tag) != "kml" and not list(_descendants(root, "Placemark")):
        raise GeoFileError(_("{name} is not a KML file", name=name or _("the file")))
    features = [
        _kml_feature(number, placemark)
        for number, placemark in enumerate(_descendants(root, "Placemark"), start=1)
    ]
    return GeoFile("KML", tuple(features))


def _kml_properties(placemark: Any) -> dict[str, str]:
    properties: dict[str, str] = {}
    for key in ("name", "description"):
        value = _child_text(placemark, key)
        if value:
            properties[key] = value
    for extended in _children(placemark, "ExtendedData"):
        for data in _descendants(extended, "Data"):
            key = data.get("name") or ""
            value = _child_text(data, "value")
            if key and value:
                properties[key] = value
        for simple in _descendants(extended, "SimpleData"):
            key = simple.get("name") or ""
            value = " ".join((simple.text or "").split())
            if key and value:
                properties[key] = value
    return properties


def _kml_feature(number: int, placemark: Any) -> GeoFeature:
    properties = _kml_properties(placemark)
    label = properties.get("name") or _("Placemark {n}", n=number)
    polygons: list[tuple[tuple[Position, ...], ...]] = []
    points: list[Position] = []
    lines: list[tuple[Position, ...]] = []
    try:
        for node in placemark.iter():
            kind = _local(node.tag)
            if kind == "Polygon":
                outer = [
                    _kml_coordinates(c)
                    for b in _children(node, "outerBoundaryIs")
                    for c in _descendants(b, "coordinates")
                ]
                if not outer:
                    raise GeometryError(_("the polygon has no outer boundary"))
                inner = [
                    _kml_coordinates(c)
                    for b in _children(node, "innerBoundaryIs")
                    for c in _descendants(b, "coordinates")
                ]
                polygons.append((outer[0], *inner))
            elif kind == "Point":
                for c in _children(node, "coordinates"):
                    coords = _kml_coordinates(c)
                    if len(coords) != 1:
                        raise GeometryError(_("a point has one position"))
                    points.append(coords[0])
            elif kind in ("LineString", "LinearRing") and _local(node.getparent().tag) not in (
                "outerBoundaryIs",
                "innerBoundaryIs",
            ):
                for c in _children(node, "coordinates"):
                    lines.append(_kml_coordinates(c))
            elif kind == "Track":  # gx:Track, a GPS track imported into Google Earth
                track: list[Position] = []
                for c in _children(node, "coord"):
                    parts = (c.text or "").split()
                    if len(parts) < 2:
                        raise GeometryError(
                            _("{value} is not a position", value=repr((c.text or "").strip()))
                        )
                    track.append(position(parts[0], parts[1]))
                lines.append(tuple(track))
    except GeometryError as exc:
        return GeoFeature(number, label, properties, None, (_unreadable(str(exc)),))
    if polygons:
        return GeoFeature(number, label, properties, Boundary(tuple(polygons)))
    if lines:
        if len(lines) > 1:
            return GeoFeature(
                number,
                label,
                properties,
                None,
                (
                    _unreadable(
                        _("the placemark holds several lines; draw the plot as one polygon")
                    ),
                ),
            )
        return _walked(number, label, properties, lines[0])
    if len(points) == 1:
        return GeoFeature(number, label, properties, points[0])
    if len(points) > 1:
        return GeoFeature(
            number,
            label,
            properties,
            None,
            (_unreadable(_("the placemark holds several points; give one point per plot")),),
        )
    return GeoFeature(
        number, label, properties, None, (_unreadable(_("the placemark has no geometry")),)
    )


def _kml_coordinates(element: Any) -> tuple[Position, ...]:
    """KML writes "lon,lat[,alt]" tuples separated by white space (some writers add a space
    after the commas)."""
    text = re.sub(r"\s*,\s*", ",", (element.text or "").strip())
    positions = []
    for chunk in text.split():
        parts = chunk.split(",")
        if len(parts) < 2:
            raise GeometryError(
                _("{value} is not a position (longitude,latitude)", value=repr(chunk))
            )
        positions.append(position(parts[0], parts[1]))
    return tuple(positions)


# --- GPX ----------------------------------------------------------------------------------


def read_gpx(data: bytes, name: str = "") -> GeoFile:
    root = _parse_xml(data, name, "GPX")
    if _local(root.tag) != "gpx":
        raise GeoFileError(_("{name} is not a GPX file", name=name or _("the file")))
    features: list[GeoFeature] = []
    number = 0
    for element in root:
        kind = _local(element.tag)
        if kind not in ("trk", "rte", "wpt"):
            continue
        number += 1
        properties = {
            key: value
            for key in ("name", "desc", "cmt", "type")
            if (value := _child_text(element, key))
        }
        default = {"trk": N_("Track {n}"), "rte": N_("Route {n}"), "wpt": N_("Waypoint {n}")}
        label = properties.get("name") or _(default[kind], n=number)
        try:
            if kind == "wpt":
                features.append(GeoFeature(number, label, properties, _gpx_position(element)))
                continue
            point_tag = "trkpt" if kind == "trk" else "rtept"
            positions = tuple(_gpx_position(p) for p in _descendants(element, point_tag))
        except GeometryError as exc:
            features.append(GeoFeature(number, label, properties, None, (_unreadable(str(exc)),)))
            continue
        features.append(_walked(number, label, properties, positions))
    return GeoFile("GPX", tuple(features))


def _gpx_position(element: Any) -> Position:
    lat, lon = element.get("lat"), element.get("lon")
    if lat is None or lon is None:
        raise GeometryError(_("a GPX point without lat and lon"))
    return position(lon, lat)


# --- walked lines ---------------------------------------------------------------------------


def _walked(
    number: int, label: str, properties: dict[str, str], positions: Sequence[Position]
) -> GeoFeature:
    """A line walked or drawn around the plot, as a closed boundary (with a note saying so).
    Repeated positions in a row (a phone standing still) are dropped."""
    ring: list[Position] = []
    for pos in positions:
        if not ring or ring[-1] != pos:
            ring.append(pos)
    closed_already = len(ring) > 1 and ring[0] == ring[-1]
    corners = len(set(ring))
    if corners < 3:
        return GeoFeature(
            number,
            label,
            properties,
            None,
            (
                issue(
                    "track_too_short",
                    N_(
                        "the line has {count} different positions; walking around a plot takes at "
                        "least 3"
                    ),
                    count=corners,
                ),
            ),
        )
    notes: tuple[GeoIssue, ...] = ()
    if not closed_already:
        gap = distance_m(ring[-1], ring[0])
        ring.append(ring[0])
        notes = (
            issue(
                "track_closed",
                N_("the line was closed by joining its end to its start ({metres} m apart)"),
                Severity.WARNING,
                metres=f"{gap:.0f}",
            ),
        )
    return GeoFeature(number, label, properties, Boundary(((tuple(ring),),)), (), notes)


def _unreadable(reason: str) -> GeoIssue:
    return issue("unreadable_geometry", N_("the geometry cannot be read: {reason}"), reason=reason)


def _text(value: Any) -> str:
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return " ".join(str(value).split())


def _label(properties: dict[str, str], number: int) -> str:
    for key, value in properties.items():
        if fold_key(key) in ("name", "nombre", "label", "etiqueta") and value:
            return value
    return f"#{number}"


# --- which property names the member and the plot -------------------------------------------

MEMBER_KEYS = (
    "membercode",
    "member",
    "codigosocio",
    "codsocio",
    "socio",
    "codigoproductor",
    "codproductor",
    "productor",
    "codigo",
    "cod",
    "code",
)
PLOT_KEYS = (
    "plotcode",
    "codigoparcela",
    "codparcela",
    "plot",
    "plotname",
    "parcela",
    "nombreparcela",
    "lote",
    "nombrelote",
    "predio",
    "finca",
    "chacra",
)


def guess_fields(features: Sequence[GeoFeature]) -> tuple[str | None, str | None]:
    """The property that most likely holds the member code, and the one naming the plot, by
    their names in Spanish or English (``cod_socio``, ``Código``, ``parcela``, ``Lote``...).
    KML and GPX names (``name``) are matched by the service when no property fits."""
    names: list[str] = []
    for feature in features:
        for key in feature.properties:
            if key not in names:
                names.append(key)

    def pick(candidates: Sequence[str]) -> str | None:
        for wanted in candidates:
            for name in names:
                if fold_key(name) == wanted:
                    return name
        return None

    return pick(MEMBER_KEYS), pick(PLOT_KEYS)


# --- the buyer's file (EU information system) ---------------------------------------------------


def _json_value(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


@dataclass(frozen=True)
class OutFeature:
    geometry: Position | Boundary
    properties: dict[str, object] = field(default_factory=dict)


def feature_collection_text(features: Sequence[OutFeature]) -> str:
    """An RFC 7946 FeatureCollection: longitude before latitude, WGS84 without a ``crs``
    member, rings closed and wound by the right-hand rule (exterior counterclockwise),
    coordinates with at least 6 decimals, numbers written exactly (never through float)."""
    parts = []
    for feature in features:
        geometry = feature.geometry
        if isinstance(geometry, Boundary):
            geometry = rfc7946_oriented(geometry)
        props = ",".join(
            f"{json.dumps(k, ensure_ascii=False)}:{_json_value(v)}"
            for k, v in feature.properties.items()
        )
        parts.append(
            '{"type":"Feature","properties":{'
            + props
            + '},"geometry":'
            + geometry_json(geometry, min_places=6)
            + "}"
        )
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(parts) + "\n]}\n"


def write_text_atomically(path: str | Path, text: str) -> Path:
    """Write to a temporary file beside ``path`` and rename it into place."""
    import os
    import tempfile

    target = Path(path)
    handle, temp = tempfile.mkstemp(prefix=".~", suffix=target.suffix, dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


__all__ = [
    "GeoFeature",
    "GeoFile",
    "GeoFileError",
    "OutFeature",
    "feature_collection_text",
    "guess_fields",
    "parse_utm_zone",
    "read_geo_file",
    "read_geojson",
    "read_gpx",
    "read_kml",
    "write_text_atomically",
]
