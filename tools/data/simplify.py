"""Douglas-Peucker simplification helpers (Python 3 stdlib only)."""


def _perp_dist2(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return (x - x1) ** 2 + (y - y1) ** 2
    t = ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    px, py = x1 + t * dx, y1 + t * dy
    return (x - px) ** 2 + (y - py) ** 2


def dp_line(pts, tol):
    """Simplify an open polyline, keeping both end points."""
    if len(pts) <= 2:
        return list(pts)
    tol2 = tol * tol
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            d = _perp_dist2(pts[k], pts[i], pts[j])
            if d > best:
                best, idx = d, k
        if best > tol2:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(pts, keep) if k]


def dp_ring(ring, tol):
    """Simplify a closed ring (first == last), splitting it at its farthest vertex."""
    pts = ring[:-1] if ring[0] == ring[-1] else list(ring)
    if len(pts) < 4:
        return None
    far = max(range(len(pts)), key=lambda k: (pts[k][0] - pts[0][0]) ** 2 + (pts[k][1] - pts[0][1]) ** 2)
    a = dp_line(pts[: far + 1], tol)
    b = dp_line(pts[far:] + [pts[0]], tol)
    out = a[:-1] + b
    if len(out) < 4:
        return None
    return out


def ring_area(ring):
    s = 0.0
    for i in range(len(ring) - 1):
        s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
    return s / 2.0


def orient(ring, ccw):
    """RFC 7946: exterior rings counter-clockwise, holes clockwise."""
    a = ring_area(ring)
    if (a > 0) != ccw:
        return list(reversed(ring))
    return ring


def rnd(ring, nd):
    out = []
    for x, y in ring:
        p = [round(x, nd), round(y, nd)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out
