"""Minimal TopoJSON decoder (Python 3 stdlib only) for world-atlas country outlines."""
import json


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _decode_arcs(topo):
    tr = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        pts = []
        x = y = 0
        for p in arc:
            if tr:
                x += p[0]
                y += p[1]
                pts.append((x * tr["scale"][0] + tr["translate"][0],
                            y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        out.append(pts)
    return out


def _ring(arcs, idxs):
    ring = []
    for i in idxs:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        if ring:
            a = a[1:]
        ring.extend(a)
    return ring


def countries(topo, obj="countries"):
    """Return {id: (name, [polygon, ...])}, polygon = [outer_ring, hole, ...]."""
    arcs = _decode_arcs(topo)
    res = {}
    for g in topo["objects"][obj]["geometries"]:
        polys = []
        if g["type"] == "Polygon":
            polys.append([_ring(arcs, r) for r in g["arcs"]])
        elif g["type"] == "MultiPolygon":
            for p in g["arcs"]:
                polys.append([_ring(arcs, r) for r in p])
        res[g.get("id")] = (g.get("properties", {}).get("name"), polys)
    return res


def bbox(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return (min(xs), min(ys), max(xs), max(ys))


def in_ring(pt, ring):
    x, y = pt
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def in_polygons(pt, polys):
    for poly in polys:
        if in_ring(pt, poly[0]) and not any(in_ring(pt, h) for h in poly[1:]):
            return True
    return False
