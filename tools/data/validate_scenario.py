"""Cross-check the default scenario's data files (Python 3 stdlib only).

Checks: every file parses as JSON; planning factors have min <= value <= max; site ids are
unique across site files; every site lies in its stated country's outline (world-atlas
TopoJSON, with the Crimea reassignment applied); capability, nation and condition
references resolve; caveat and location values are known.
Usage: python3 tools/data/validate_scenario.py [data/default/scenario.json]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import topo  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
errors = []


def err(msg):
    errors.append(msg)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def resolve(base, rel):
    if rel.startswith("npm:"):
        return os.path.join(ROOT, "node_modules", rel[4:])
    return os.path.normpath(os.path.join(os.path.dirname(base), rel))


def factor(where, f):
    if not isinstance(f, dict):
        err(f"{where}: planning factor missing")
        return
    for k in ("value", "min", "max", "unit", "source"):
        if k not in f:
            err(f"{where}: factor lacks {k}")
            return
    if not (f["min"] <= f["value"] <= f["max"]):
        err(f"{where}: min <= value <= max violated ({f['min']}, {f['value']}, {f['max']})")
    if not f["source"]:
        err(f"{where}: empty source")


def main():
    manifest = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data/default/scenario.json")
    man = load(manifest)
    th = man["theatre"]
    cpath = resolve(manifest, th["countries"])
    ccfg = load(cpath)
    world = topo.countries(topo.load(resolve(cpath, ccfg["outlines"]["file"])), ccfg["outlines"]["object"])
    by_iso2 = {c["iso2"]: c for c in ccfg["countries"]}
    areas = {}
    for c in ccfg["countries"]:
        if c["iso_n3"] not in world:
            err(f"countries.json: iso_n3 {c['iso_n3']} ({c['iso2']}) not in outlines")
            continue
        areas[c["iso2"]] = list(world[c["iso_n3"]][1])
    for rule in ccfg.get("reassign_parts", []):
        b = rule["bbox"]
        keep, move = [], []
        for poly in areas[rule["from"]]:
            pb = topo.bbox(poly[0])
            inside = pb[0] >= b[0] and pb[1] >= b[1] and pb[2] <= b[2] and pb[3] <= b[3]
            (move if inside else keep).append(poly)
        if len(move) != 1:
            err(f"reassign_parts {rule['from']}->{rule['to']}: caught {len(move)} parts, expected 1")
        areas[rule["from"]] = keep
        areas[rule["to"]] = areas[rule["to"]] + move

    # sites
    ids = set()
    n_sites = 0
    kinds = {"energy", "airfield", "port", "border_crossing", "rail_junction", "candidate_hub"}
    statuses = {"operating", "damaged", "destroyed", "occupied", "closed"}
    sites = []
    for rel in th["sites"]:
        path = resolve(manifest, rel)
        name = os.path.basename(path)
        for s in load(path)["sites"]:
            n_sites += 1
            sites.append(s)
            sid = s.get("id")
            if sid in ids:
                err(f"{name}: duplicate id {sid}")
            ids.add(sid)
            for k in ("id", "name", "kind", "subkind", "position", "country", "status", "source"):
                if k not in s or s[k] in ("", None):
                    err(f"{name}: {sid}: missing {k}")
            if s.get("kind") not in kinds:
                err(f"{name}: {sid}: bad kind {s.get('kind')}")
            if s.get("status") not in statuses:
                err(f"{name}: {sid}: bad status {s.get('status')}")
            if s.get("country") not in by_iso2:
                err(f"{name}: {sid}: country {s.get('country')} not in countries.json")
                continue
            pos = tuple(s["position"])
            if not topo.in_polygons(pos, areas[s["country"]]):
                # ports and crossings may sit on the coast or border line: allow 2 km slack
                near = any(topo.in_polygons((pos[0] + dx, pos[1] + dy), areas[s["country"]])
                           for dx in (-0.02, 0, 0.02) for dy in (-0.02, 0, 0.02))
                if s["kind"] in ("port", "border_crossing") and near:
                    continue
                others = [c for c, a in areas.items() if topo.in_polygons(pos, a)]
                err(f"{name}: {sid}: {pos} not inside {s['country']} (inside {others or 'none'})")
            if "capacity" in s and (not isinstance(s["capacity"], (int, float)) or s["capacity"] < 0):
                err(f"{name}: {sid}: bad capacity")

    # catalogue
    cat = load(resolve(manifest, man["catalogue"]))
    codes = set()
    for c in cat["capabilities"]:
        if c["code"] in codes:
            err(f"capabilities.json: duplicate code {c['code']}")
        codes.add(c["code"])
        factor(f"{c['code']}.personnel", c.get("personnel"))
        if c["coverage"] == "radius":
            factor(f"{c['code']}.radius_km", c.get("radius_km"))
        elif c["coverage"] == "response_time":
            factor(f"{c['code']}.speed_kmh", c.get("speed_kmh"))
            factor(f"{c['code']}.response_time_h", c.get("response_time_h"))
        if "lift_c17_loads" in c:
            factor(f"{c['code']}.lift_c17_loads", c["lift_c17_loads"])

    # mandate
    mand = load(resolve(manifest, man["mandate"]))
    locations = {"ukraine", "neighbouring_nato", "black_sea", "outside_theatre"}
    phases = {p["phase"] for p in mand["phases"]}
    factor("posture.standoff_km", mand["posture"]["standoff_km"])
    factor("posture.rotation_factor", mand["posture"]["rotation_factor"])
    rids = set()
    for r in mand["requirements"]:
        if r["id"] in rids:
            err(f"mandate.json: duplicate requirement {r['id']}")
        rids.add(r["id"])
        if r["capability"] not in codes:
            err(f"mandate.json: {r['id']}: unknown capability {r['capability']}")
        if r["phase"] not in phases:
            err(f"mandate.json: {r['id']}: unknown phase {r['phase']}")
        if r["location"] not in locations:
            err(f"mandate.json: {r['id']}: unknown location {r['location']}")
        if not r.get("source"):
            err(f"mandate.json: {r['id']}: no source")

    # coalition
    coal = load(resolve(manifest, man["coalition"]))
    nations = {n["iso2"] for n in coal["nations"]}
    pids = set()
    for p in coal["pledges"]:
        if p["id"] in pids:
            err(f"coalition.json: duplicate pledge {p['id']}")
        pids.add(p["id"])
        if p["nation"] not in nations:
            err(f"coalition.json: {p['id']}: unknown nation {p['nation']}")
        if p["capability"] not in codes:
            err(f"coalition.json: {p['id']}: unknown capability {p['capability']}")
        if p.get("illustrative") is not True:
            err(f"coalition.json: {p['id']}: not marked illustrative")
        for cv in p["caveats"]:
            k, v = cv["kind"], cv["values"]
            if k == "where" and not set(v) <= locations:
                err(f"coalition.json: {p['id']}: bad where {v}")
            if k == "when" and (len(v) != 1 or v[0] not in phases):
                err(f"coalition.json: {p['id']}: bad when {v}")
            if k == "condition" and (len(v) != 1 or v[0] not in mand["conditions"]):
                err(f"coalition.json: {p['id']}: condition {v} not in mandate conditions")
            if k not in ("where", "when", "condition", "excluded_role"):
                err(f"coalition.json: {p['id']}: bad caveat kind {k}")
            if not cv.get("source"):
                err(f"coalition.json: {p['id']}: caveat without source")

    # occupied sites must lie in the occupied area of the scenario date, and vice versa
    occ = None
    for rel in th.get("areas", []):
        fc = load(resolve(manifest, rel))
        if fc["features"][0]["properties"].get("as_of") == man.get("as_of"):
            occ = fc["features"][0]["geometry"]["coordinates"]
    if occ is not None:
        for s in sites:
            if s.get("country") != "UA":
                continue
            inside = topo.in_polygons(tuple(s["position"]), occ)
            if s["status"] == "occupied" and not inside:
                err(f"{s['id']}: status occupied but outside the occupied area of {man['as_of']}")
            if inside and s["status"] not in ("occupied", "destroyed", "closed"):
                err(f"{s['id']}: inside the occupied area of {man['as_of']} but status {s['status']}")

    # areas and regions
    for rel in th.get("areas", []):
        fc = load(resolve(manifest, rel))
        if len(fc["features"]) != 1:
            err(f"{rel}: expected one feature")
        for k in ("id", "kind", "as_of", "source"):
            if k not in fc["features"][0]["properties"]:
                err(f"{rel}: property {k} missing")
    reg = load(resolve(manifest, th["regions"]))
    codes_r = [f["properties"]["iso3166_2"] for f in reg["features"]]
    if len(codes_r) != len(set(codes_r)):
        err("oblasts.geojson: duplicate iso3166_2")

    print(f"sites {n_sites}, capabilities {len(codes)}, requirements {len(rids)}, "
          f"nations {len(nations)}, pledges {len(pids)}, regions {len(codes_r)}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
