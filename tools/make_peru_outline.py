"""Regenerate ``coop_desk/domain/data/peru.geojson``: Peru's outline for the "plot is in Peru"
check of the EU deforestation regulation rules (``coop_desk.domain.geometry.in_peru``).

Peru has one time zone and shares it with no other country, so the ``America/Lima`` zone of
the timezone-boundary-builder dataset (built from OpenStreetMap boundaries, ODbL) is Peru's
territory, its waters included. The outline is simplified to 0.002 degrees (about 220 m) and
written with 4 decimals; the check allows a margin wider than that simplification.

Run in a throwaway environment, not in coop-desk's own (the dataset is 32 MB):

    python -m venv /tmp/outline && /tmp/outline/bin/pip install timezonefinder shapely
    /tmp/outline/bin/python tools/make_peru_outline.py
"""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping
from timezonefinder import TimezoneFinder

SIMPLIFY_DEGREES = 0.002
TARGET = Path(__file__).resolve().parent.parent / "coop_desk" / "domain" / "data" / "peru.geojson"


def main() -> None:
    finder = TimezoneFinder()
    parts = finder.get_geometry(tz_name="America/Lima", coords_as_pairs=True)
    outline = MultiPolygon([Polygon(p[0], p[1:]) for p in parts])
    simple = outline.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    simple = shapely.set_precision(simple, 0.0001)
    assert simple.is_valid, shapely.is_valid_reason(simple)
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "name": "Peru",
                    "source": "timezone-boundary-builder America/Lima "
                    f"(data version {finder.data_version}), simplified to {SIMPLIFY_DEGREES} deg",
                    "attribution": "(c) OpenStreetMap contributors, ODbL 1.0",
                },
                "geometry": mapping(shapely.geometry.polygon.orient(simple, 1.0))
                if isinstance(simple, Polygon)
                else mapping(simple),
            }
        ],
    }
    TARGET.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET}: {shapely.get_num_coordinates(simple)} positions")


if __name__ == "__main__":
    main()
