"""Real-shaped geometry files for tests: a KML as Google Earth Pro saves it, a GPX track as a
phone GPS app records it (jitter, pauses, not closed), GeoJSON from a desktop GIS (with a
self-crossing plot), UTM coordinates as a surveyor's GPS shows them.

Plots are laid out in metres around real coffee areas (Villa Rica, Pasco, in UTM 18S; San
Ignacio, Cajamarca, in 17S) and converted with pyproj, so their areas are known.
"""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal

from pyproj import Transformer

VILLA_RICA = (-75.2640, -10.7440)  # lon, lat
LA_CONVENCION = (-72.6950, -12.8650)  # Cusco, UTM 18S as well


def offsets_to_lonlat(
    center: tuple[float, float], offsets: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """Positions ``offsets`` metres (east, north) from ``center``."""
    aeqd = Transformer.from_crs(
        f"+proj=aeqd +lat_0={center[1]} +lon_0={center[0]} +datum=WGS84 +units=m",
        "EPSG:4326",
        always_xy=True,
    )
    return [aeqd.transform(x, y) for x, y in offsets]


def rectangle(
    center: tuple[float, float], width_m: float, height_m: float, dx: float = 0, dy: float = 0
) -> list[tuple[float, float]]:
    """A closed clockwise rectangle (as Google Earth often winds them) of width x height m."""
    w, h = width_m / 2, height_m / 2
    ring = [(dx - w, dy - h), (dx - w, dy + h), (dx + w, dy + h), (dx + w, dy - h)]
    ring.append(ring[0])
    return offsets_to_lonlat(center, ring)


def kml_coordinates(ring: list[tuple[float, float]]) -> str:
    return " ".join(f"{lon:.14f},{lat:.14f},0" for lon, lat in ring)


def google_earth_kml() -> str:
    """Google Earth Pro 7.3's "Save Place As" output for a folder of three placemarks: a
    5.0 ha polygon, a point and a 1.2 ha polygon with a hole-free outline, with styles,
    LookAt and tessellate elements it always writes, and 14-decimal coordinates."""
    first = rectangle(VILLA_RICA, 250, 200)  # 5.0 ha
    third = rectangle(VILLA_RICA, 120, 100, dx=600, dy=300)  # 1.2 ha
    point = offsets_to_lonlat(VILLA_RICA, [(-800, 150)])[0]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2" xmlns:kml="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">
<Document>
	<name>Parcelas Villa Rica.kml</name>
	<StyleMap id="m_ylw-pushpin">
		<Pair>
			<key>normal</key>
			<styleUrl>#s_ylw-pushpin</styleUrl>
		</Pair>
		<Pair>
			<key>highlight</key>
			<styleUrl>#s_ylw-pushpin_hl</styleUrl>
		</Pair>
	</StyleMap>
	<Style id="s_ylw-pushpin">
		<IconStyle>
			<scale>1.1</scale>
			<Icon>
				<href>http://maps.google.com/mapfiles/kml/pushpin/ylw-pushpin.png</href>
			</Icon>
			<hotSpot x="20" y="2" xunits="pixels" yunits="pixels"/>
		</IconStyle>
		<PolyStyle>
			<fill>0</fill>
		</PolyStyle>
	</Style>
	<Folder>
		<name>Socios</name>
		<open>1</open>
		<Placemark>
			<name>VR-101 Lote 1</name>
			<styleUrl>#m_ylw-pushpin</styleUrl>
			<Polygon>
				<tessellate>1</tessellate>
				<outerBoundaryIs>
					<LinearRing>
						<coordinates>
							{kml_coordinates(first)}
						</coordinates>
					</LinearRing>
				</outerBoundaryIs>
			</Polygon>
		</Placemark>
		<Placemark>
			<name>VR-102</name>
			<LookAt>
				<longitude>{point[0]:.14f}</longitude>
				<latitude>{point[1]:.14f}</latitude>
				<altitude>0</altitude>
				<heading>0</heading>
				<tilt>0</tilt>
				<range>1000</range>
				<gx:altitudeMode>relativeToSeaFloor</gx:altitudeMode>
			</LookAt>
			<styleUrl>#m_ylw-pushpin</styleUrl>
			<Point>
				<gx:drawOrder>1</gx:drawOrder>
				<coordinates>{point[0]:.14f},{point[1]:.14f},0</coordinates>
			</Point>
		</Placemark>
		<Placemark>
			<name>La Esperanza</name>
			<description>Socio VR-103, parcela nueva</description>
			<ExtendedData>
				<Data name="cod_socio"><value>VR-103</value></Data>
			</ExtendedData>
			<styleUrl>#m_ylw-pushpin</styleUrl>
			<Polygon>
				<tessellate>1</tessellate>
				<outerBoundaryIs>
					<LinearRing>
						<coordinates>
							{kml_coordinates(third)}
						</coordinates>
					</LinearRing>
				</outerBoundaryIs>
			</Polygon>
		</Placemark>
	</Folder>
</Document>
</kml>
"""


def kmz(kml_text: str) -> bytes:
    """Google Earth's KMZ: a zip holding doc.kml (and often a files/ folder of icons)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", kml_text)
        archive.writestr("files/ylw-pushpin.png", b"\x89PNG\r\n\x1a\n")
    return buffer.getvalue()


def phone_gpx_track() -> str:
    """A GPX 1.1 track as OsmAnd / Geo Tracker record it: a farmer walks the edge of a plot of
    about 160 x 140 m (2.24 ha) counterclockwise, stops twice (repeated positions), the
    receiver jitters a metre or two, and the walk ends 6 m short of where it started."""
    corners = [(0, 0), (160, 0), (160, 140), (0, 140)]
    walk: list[tuple[float, float]] = []
    for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True):
        for step in range(8):
            t = step / 8
            jitter = ((step * 7) % 5 - 2) * 0.6  # deterministic +-1.2 m
            walk.append((x0 + (x1 - x0) * t + jitter, y0 + (y1 - y0) * t - jitter))
    walk.append((0, 6))  # the end, 6 m short of the start
    positions = offsets_to_lonlat(LA_CONVENCION, walk)
    points = []
    for index, (lon, lat) in enumerate(positions):
        repeat = 3 if index in (5, 17) else 1  # standing still
        for _ in range(repeat):
            second = len(points) * 5
            points.append(
                f'      <trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{1450 + index * 0.3:.1f}</ele>'
                f"<time>2025-07-11T14:{second // 60:02d}:{second % 60:02d}Z</time>"
                "<hdop>3.2</hdop></trkpt>"
            )
    body = "\n".join(points)
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<gpx version="1.1" creator="OsmAnd~ 4.6.7" xmlns="http://www.topografix.com/GPX/1/1" xmlns:osmand="https://osmand.net" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">
  <metadata>
    <name>2025-07-11_09-14_Fri</name>
    <time>2025-07-11T14:14:03Z</time>
  </metadata>
  <wpt lat="{positions[0][1]:.7f}" lon="{positions[0][0]:.7f}">
    <ele>1450.0</ele>
    <name>Casa</name>
  </wpt>
  <trk>
    <name>LC-207 Parcela Alta</name>
    <trkseg>
{body}
    </trkseg>
  </trk>
</gpx>
"""


def gis_geojson_with_self_crossing() -> str:
    """A QGIS export (with the old ``crs`` member and a numeric ``fid``): plot VR-201 is fine,
    VR-202's corners were typed out of order (a bow tie), VR-203 has no geometry."""
    good = rectangle(VILLA_RICA, 200, 150, dx=2000)  # 3.0 ha
    a, b, c, d, _ = rectangle(VILLA_RICA, 200, 150, dx=2500)
    bow_tie = [a, c, b, d, a]  # corners 2 and 3 swapped: the outline crosses itself
    collection = {
        "type": "FeatureCollection",
        "name": "parcelas",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "fid": 1,
                    "cod_socio": "VR-201",
                    "parcela": "El Mirador",
                    "area_ha": 3.0,
                },
                "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in good]]},
            },
            {
                "type": "Feature",
                "properties": {"fid": 2, "cod_socio": "VR-202", "parcela": "Bajo", "area_ha": 3.0},
                "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in bow_tie]]},
            },
            {
                "type": "Feature",
                "properties": {"fid": 3, "cod_socio": "VR-203", "parcela": "Nueva"},
                "geometry": None,
            },
        ],
    }
    return json.dumps(collection)


def utm_geojson() -> str:
    """A surveyor's GeoJSON in UTM 18S metres (EPSG:32718), as ArcGIS/QGIS write it."""
    to_utm = Transformer.from_crs(4326, 32718, always_xy=True)
    ring = [to_utm.transform(lon, lat) for lon, lat in rectangle(VILLA_RICA, 100, 100)]
    return json.dumps(
        {
            "type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32718"}},
            "features": [
                {
                    "type": "Feature",
                    "properties": {"codigo": "VR-301"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[round(x, 2), round(y, 2)] for x, y in ring]],
                    },
                }
            ],
        }
    )


def utm_of(lon: float, lat: float, zone: int = 18) -> tuple[Decimal, Decimal]:
    """UTM easting and northing (metres, 2 decimals) as a GPS in UTM mode shows them."""
    x, y = Transformer.from_crs(4326, 32700 + zone, always_xy=True).transform(lon, lat)
    return Decimal(f"{x:.2f}"), Decimal(f"{y:.2f}")
