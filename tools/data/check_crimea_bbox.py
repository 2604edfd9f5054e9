"""Check which polygon parts of Natural Earth's Russia the Crimea reassign bbox catches."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import topo  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
topo_data = topo.load(os.path.join(ROOT, "node_modules/world-atlas/countries-10m.json"))
cs = topo.countries(topo_data)
with open(os.path.join(ROOT, "data/theatre/countries.json"), encoding="utf-8") as f:
    cfg = json.load(f)
iso = {c["iso2"]: c["iso_n3"] for c in cfg["countries"]}
ok = True
for rule in cfg["reassign_parts"]:
    b = rule["bbox"]
    name, polys = cs[iso[rule["from"]]]
    caught = []
    for k, poly in enumerate(polys):
        pb = topo.bbox(poly[0])
        if pb[0] >= b[0] and pb[1] >= b[1] and pb[2] <= b[2] and pb[3] <= b[3]:
            caught.append((k, pb, len(poly[0])))
    # parts near the bbox that are not caught (e.g. Taman peninsula)
    near = [(k, topo.bbox(p[0])) for k, p in enumerate(polys)
            if topo.bbox(p[0])[0] < b[2] + 2 and topo.bbox(p[0])[2] > b[0] - 2
            and topo.bbox(p[0])[1] < b[3] + 2 and topo.bbox(p[0])[3] > b[1] - 2]
    print(rule["from"], "->", rule["to"], "bbox", b)
    for c in caught:
        print("  caught part", c)
    for k, pb in near:
        if k not in [c[0] for c in caught]:
            print("  nearby part not caught", k, [round(v, 3) for v in pb])
    if len(caught) != 1:
        ok = False
    for pt, label in [((34.10, 44.95), "Simferopol"), ((33.52, 44.60), "Sevastopol"),
                      ((36.47, 45.36), "Kerch")]:
        if not any(topo.in_polygons(pt, [polys[c[0]]]) for c in caught):
            print("  NOT caught:", label)
            ok = False
print("OK" if ok else "FAIL")
sys.exit(0 if ok else 1)
