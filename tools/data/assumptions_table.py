"""Print the planning-factor table of docs/assumptions.md from the capability catalogue."""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data/catalogue/capabilities.json")
cat = json.load(open(path, encoding="utf-8"))
print("| capability | factor | value | range | unit | source |")
print("|---|---|---:|---|---|---|")
for c in cat["capabilities"]:
    for k in ("personnel", "radius_km", "speed_kmh", "response_time_h", "lift_c17_loads"):
        f = c.get(k)
        if f:
            src = f["source"].replace("|", "/")
            print(f"| `{c['code']}` | {k} | {f['value']:g} | {f['min']:g}–{f['max']:g} | {f['unit']} | {src} |")
