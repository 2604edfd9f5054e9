"""Derive data/theatre/oblasts.geojson from an OpenStreetMap admin-1 extract of Ukraine.

Input: a GeoJSON FeatureCollection of OSM boundary=administrative admin_level=4 features with
properties iso3166-2, name:en, name:uk (e.g. the shared-data copy of
sharp000000/ukraine-population-density ukraine.geojson, commit 0a5dbfd).
Method: topology-aware Douglas-Peucker. Each ring is cut where the set of features sharing
a vertex changes, so a border shared by two oblasts is one chain, simplified once and used
(reversed where needed) by both: neighbouring oblasts keep identical borders, no slivers.
Tolerance 0.01 degrees, coordinates rounded to 4 decimals, parts smaller than 0.02 degrees
across dropped. Python 3 stdlib only.
Usage: python3 tools/data/derive_oblasts.py INPUT.geojson data/theatre/oblasts.geojson
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from simplify import dp_line, dp_ring, orient, rnd  # noqa: E402

TOL = 0.01
# English names as in ISO 3166-2:UA where the OSM name:en tag differs
NAME_EN = {"UA-32": "Kyiv Oblast", "UA-51": "Odesa Oblast", "UA-23": "Zaporizhzhia Oblast"}
ND = 4
MIN_SPAN = 0.02


def polys_of(g):
    return g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]


def key(c):
    return (round(c[0], 7), round(c[1], 7))


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        fc = json.load(f)
    feats = fc["features"]
    owners = {}
    for i, ft in enumerate(feats):
        for poly in polys_of(ft["geometry"]):
            for ring in poly:
                for c in ring:
                    owners.setdefault(key(c), set()).add(i)
    cache = {}

    def simplify_chain(chain):
        a, b = key(chain[0]), key(chain[-1])
        fwd = (a, b) <= (b, a) if a != b else tuple(map(key, chain)) <= tuple(map(key, reversed(chain)))
        canon = [key(c) for c in (chain if fwd else list(reversed(chain)))]
        ck = tuple(canon)
        if ck not in cache:
            cache[ck] = dp_line(canon, TOL)
        s = cache[ck]
        return s if fwd else list(reversed(s))

    def simplify_ring(ring):
        pts = [key(c) for c in ring]
        if pts[0] == pts[-1]:
            pts = pts[:-1]
        n = len(pts)
        ks = [frozenset(owners[p]) for p in pts]
        cuts = [i for i in range(n) if ks[i] != ks[i - 1] or ks[i] != ks[(i + 1) % n] or len(ks[i]) > 2]
        if not cuts:
            return dp_ring(pts + [pts[0]], TOL)
        out = []
        for j, c0 in enumerate(cuts):
            c1 = cuts[(j + 1) % len(cuts)]
            chain = pts[c0:c1 + 1] if c1 > c0 else pts[c0:] + pts[:c1 + 1]
            s = simplify_chain(chain)
            out.extend(s[:-1])
        if len(out) < 3:
            return None
        return out + [out[0]]

    out_feats = []
    nverts = 0
    for ft in feats:
        p = ft["properties"]
        polys = []
        for poly in polys_of(ft["geometry"]):
            ext = poly[0]
            xs = [c[0] for c in ext]
            ys = [c[1] for c in ext]
            if max(xs) - min(xs) < MIN_SPAN and max(ys) - min(ys) < MIN_SPAN:
                continue
            rings = []
            for k, ring in enumerate(poly):
                s = simplify_ring(ring)
                if s is None or len(s) < 4:
                    continue
                rings.append(orient(rnd(s, ND), ccw=(k == 0)))
            if rings and len(rings[0]) >= 4:
                polys.append(rings)
                nverts += sum(len(r) for r in rings)
        out_feats.append({
            "type": "Feature",
            "properties": {"iso3166_2": p["iso3166-2"], "name_en": NAME_EN.get(p["iso3166-2"], p["name:en"]), "name_uk": p["name:uk"],
                           "osm_relation": p.get("@id", "")},
            "geometry": {"type": "MultiPolygon", "coordinates": polys},
        })
    out_feats.sort(key=lambda f: f["properties"]["iso3166_2"])
    res = {
        "type": "FeatureCollection",
        "name": "Ukraine oblasts (ISO 3166-2:UA), simplified",
        "attribution": "Oblast boundaries (c) OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)",
        "features": out_feats,
    }
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{len(out_feats)} features, {nverts} vertices, {os.path.getsize(dst)} bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
