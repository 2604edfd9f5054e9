"""Derive data/theatre/occupied_area_<date>.geojson from a DeepStateMap daily snapshot.

Input: one deepstatemap_data_YYYYMMDD.geojson of github.com/cyterat/deepstate-map-data
(GPL-3.0; geometry from DeepStateMap, deepstatemap.live, whose own terms are not stated):
a FeatureCollection with one MultiPolygon of the occupied territory of Ukraine.
Method: Douglas-Peucker on every ring (tolerance 0.02 degrees), coordinates rounded to 3
decimals, parts and holes smaller than 0.05 degrees across dropped, RFC 7946 winding.
Python 3 stdlib only.
Usage: python3 tools/data/derive_occupied_area.py INPUT.geojson YYYY-MM-DD OUTPUT.geojson
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from simplify import dp_ring, orient, rnd  # noqa: E402

TOL = 0.02
ND = 3
MIN_SPAN = 0.05
SOURCE = ("DeepStateMap (deepstatemap.live) occupied-territory polygon as fetched on {date} by "
          "github.com/cyterat/deepstate-map-data (GPL-3.0), file data/deepstatemap_data_{ymd}.geojson; "
          "simplified (Douglas-Peucker 0.02 deg) by tools/data/derive_occupied_area.py. DeepStateMap's "
          "own terms of use are not stated in that repository: check them before redistribution.")


def span(ring):
    xs = [c[0] for c in ring]
    ys = [c[1] for c in ring]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def main(src, date, dst):
    with open(src, encoding="utf-8") as f:
        fc = json.load(f)
    polys = []
    for ft in fc["features"]:
        g = ft["geometry"]
        for poly in (g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]):
            if span(poly[0]) < MIN_SPAN:
                continue
            rings = []
            for k, ring in enumerate(poly):
                if k > 0 and span(ring) < MIN_SPAN:
                    continue
                s = dp_ring([tuple(c[:2]) for c in ring], TOL)
                if s is None:
                    continue
                r = rnd(s + [s[0]], ND)
                if len(r) >= 4:
                    rings.append(orient(r, ccw=(k == 0)))
            if rings and len(rings[0]) >= 4:
                polys.append(rings)
    out = {
        "type": "FeatureCollection",
        "name": f"Occupied area of Ukraine as of {date}",
        "features": [{
            "type": "Feature",
            "properties": {"id": f"occupied_area.{date}", "kind": "occupied_area", "as_of": date,
                           "source": SOURCE.format(date=date, ymd=date.replace("-", ""))},
            "geometry": {"type": "MultiPolygon", "coordinates": polys},
        }],
    }
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
    n = sum(len(r) for p in polys for r in p)
    print(f"{dst}: {len(polys)} parts, {n} vertices, {os.path.getsize(dst)} bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
