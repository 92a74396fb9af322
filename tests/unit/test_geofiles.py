"""Reading plot geometry from real-shaped files, and the buyer's GeoJSON checked against
RFC 7946 (ring closure and orientation, longitude before latitude) and read back."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from shapely.geometry import LinearRing

from coop_desk.domain.geometry import Boundary, Position, check_boundary, geodesic_area_ha
from coop_desk.exchange.geofiles import (
    GeoFileError,
    OutFeature,
    feature_collection_text,
    guess_fields,
    read_geo_file,
    read_geojson,
)
from tests.geo_samples import (
    gis_geojson_with_self_crossing,
    google_earth_kml,
    kmz,
    phone_gpx_track,
    utm_geojson,
)

SAMPLE = Path("/work/shared/samples/parcelas_ejemplo.geojson")


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_google_earth_kml(tmp_path):
    geo = read_geo_file(write(tmp_path, "Parcelas Villa Rica.kml", google_earth_kml()))
    assert geo.kind == "KML"
    labels = [f.label for f in geo.features]
    assert labels == ["VR-101 Lote 1", "VR-102", "La Esperanza"]
    first, second, third = geo.features
    assert isinstance(first.geometry, Boundary)
    assert first.problems == ()
    assert check_boundary(first.geometry) == []
    assert geodesic_area_ha(first.geometry) == pytest.approx(Decimal(5), abs=Decimal("0.001"))
    # 14 decimals in the file, 8 kept
    lon = first.geometry.polygons[0][0][0].lon
    assert -lon.as_tuple().exponent <= 8  # type: ignore[operator]
    assert isinstance(second.geometry, Position)
    assert third.properties["cod_socio"] == "VR-103"
    assert third.properties["description"] == "Socio VR-103, parcela nueva"


def test_kmz_holds_the_same_placemarks(tmp_path):
    geo = read_geo_file(write(tmp_path, "parcelas.kmz", kmz(google_earth_kml())))
    assert geo.kind == "KMZ"
    assert [f.label for f in geo.features] == ["VR-101 Lote 1", "VR-102", "La Esperanza"]


def test_phone_gpx_track_becomes_a_closed_boundary(tmp_path):
    geo = read_geo_file(write(tmp_path, "2025-07-11_09-14_Fri.gpx", phone_gpx_track()))
    assert geo.kind == "GPX"
    waypoint, track = geo.features
    assert waypoint.label == "Casa" and isinstance(waypoint.geometry, Position)
    assert track.label == "LC-207 Parcela Alta"
    assert isinstance(track.geometry, Boundary)
    ring = track.geometry.polygons[0][0]
    assert ring[0] == ring[-1]
    assert len(set(ring)) == len(ring) - 1  # pauses (repeated positions) dropped
    assert [n.code for n in track.notes] == ["track_closed"]
    assert track.notes[0].params["metres"] == "5"  # (0, 6) to the jittered start (-1.2, 1.2)
    assert check_boundary(track.geometry) == []
    area = geodesic_area_ha(track.geometry)
    assert Decimal("2.1") < area < Decimal("2.35")  # 160 x 140 m walked with jitter


def test_gis_geojson_with_a_self_crossing_plot(tmp_path):
    geo = read_geo_file(write(tmp_path, "parcelas.geojson", gis_geojson_with_self_crossing()))
    good, bow_tie, empty = geo.features
    assert check_boundary(good.geometry) == []  # type: ignore[arg-type]
    assert [i.code for i in check_boundary(bow_tie.geometry)] == ["self_crossing"]  # type: ignore[arg-type]
    assert empty.geometry is None
    assert "no geometry" in empty.problems[0].message
    assert guess_fields(geo.features) == ("cod_socio", "parcela")


def test_utm_geojson_is_converted(tmp_path):
    geo = read_geo_file(write(tmp_path, "levantamiento.geojson", utm_geojson()))
    assert geo.crs == "UTM 18S"
    (feature,) = geo.features
    assert isinstance(feature.geometry, Boundary)
    corner = feature.geometry.polygons[0][0][0]
    assert Decimal(-76) < corner.lon < Decimal(-75) and Decimal(-11) < corner.lat < Decimal(-10)
    assert geodesic_area_ha(feature.geometry) == pytest.approx(Decimal(1), abs=Decimal("0.002"))


def test_metres_without_a_zone_ask_for_one(tmp_path):
    text = json.loads(utm_geojson())
    del text["crs"]
    path = write(tmp_path, "sin_crs.geojson", json.dumps(text))
    (feature,) = read_geo_file(path).features
    assert feature.geometry is None
    assert "UTM zone" in feature.problems[0].message
    (feature,) = read_geo_file(path, utm_zone=18).features
    assert isinstance(feature.geometry, Boundary)


def test_the_sample_from_a_desktop_gis():
    if not SAMPLE.exists():
        pytest.skip("the shared sample is not on this machine")
    geo = read_geo_file(SAMPLE)
    assert len(geo.features) == 12
    kinds = {f.geometry.kind for f in geo.features if isinstance(f.geometry, Boundary)}
    assert kinds == {"Polygon", "MultiPolygon"}
    assert any(len(f.geometry.polygons[0]) == 2 for f in geo.features)  # type: ignore[union-attr]
    assert guess_fields(geo.features) == ("cod_socio", "nombre_parcela")


def test_not_a_geometry_file(tmp_path):
    with pytest.raises(GeoFileError, match="not a GeoJSON, KML, KMZ or GPX"):
        read_geo_file(write(tmp_path, "padron.csv", "codigo;nombre\n1;Ana\n"))
    with pytest.raises(GeoFileError, match="not valid GeoJSON"):
        read_geo_file(write(tmp_path, "roto.geojson", '{"type": "FeatureCollection", '))


def test_xml_entities_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    hostile = f"""<?xml version="1.0"?>
<!DOCTYPE kml [<!ENTITY x SYSTEM "file://{secret}">]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&x;</name>
<Point><coordinates>-75.2,-10.7,0</coordinates></Point></Placemark></kml>"""
    geo = read_geo_file(write(tmp_path, "x.kml", hostile))
    assert "password" not in json.dumps([f.properties for f in geo.features])


# --- the buyer's file ----------------------------------------------------------------------


def rfc7946_problems(document: dict) -> list[str]:  # type: ignore[type-arg]
    """Independent checks of the RFC 7946 rules the EU system applies."""
    problems = []
    if "crs" in document:
        problems.append("a crs member (RFC 7946 removed it)")
    for index, feature in enumerate(document["features"]):
        geometry = feature["geometry"]
        polygons = []
        if geometry["type"] == "Polygon":
            polygons = [geometry["coordinates"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["coordinates"]
        else:
            lon, lat = geometry["coordinates"]
            if not (-82 < lon < -68 and -19 < lat < 0):
                problems.append(f"{index}: not longitude, latitude in Peru")
        for polygon in polygons:
            for ring_index, ring in enumerate(polygon):
                if ring[0] != ring[-1] or len(ring) < 4:
                    problems.append(f"{index}: ring not closed or too short")
                ccw = LinearRing(ring).is_ccw
                if ccw != (ring_index == 0):
                    problems.append(f"{index}: ring {ring_index} wound the wrong way")
                for lon, lat in ring:
                    if not (-82 < lon < -68 and -19 < lat < 0):
                        problems.append(f"{index}: not longitude, latitude in Peru")
    return problems


def test_feature_collection_follows_rfc7946_and_reads_back(tmp_path):
    kml = read_geo_file(write(tmp_path, "p.kml", google_earth_kml()))
    gpx = read_geo_file(write(tmp_path, "p.gpx", phone_gpx_track()))
    sources = [f for f in kml.features + gpx.features if f.geometry is not None]
    features = [
        OutFeature(
            f.geometry,  # type: ignore[arg-type]
            {
                "ProducerName": "Núñez Vega, Rosa",
                "ProducerCountry": "PE",
                "ProductionPlace": f.label,
                **({"Area": Decimal("1.25")} if isinstance(f.geometry, Position) else {}),
            },
        )
        for f in sources
    ]
    text = feature_collection_text(features)
    document = json.loads(text)
    assert document["type"] == "FeatureCollection"
    assert rfc7946_problems(document) == []
    # at least 6 decimals on every coordinate, numbers not strings
    assert '"Area":1.25' in text
    assert all(len(c.split(".")[1]) >= 6 for c in __import__("re").findall(r"-\d+\.\d+", text))
    assert document["features"][0]["properties"]["ProducerName"] == "Núñez Vega, Rosa"
    back = read_geojson(text.encode("utf-8"))
    assert [type(f.geometry) for f in back.features] == [type(f.geometry) for f in sources]
    for original, again in zip(sources, back.features, strict=True):
        if isinstance(original.geometry, Boundary):
            assert geodesic_area_ha(again.geometry) == geodesic_area_ha(original.geometry)  # type: ignore[arg-type]
        else:
            assert again.geometry == original.geometry
