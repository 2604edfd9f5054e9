#!/usr/bin/env bash
# The main job on the default scenario: installs what is missing, builds, validates the
# scenario, computes the force-generation picture, plans the reassurance force, re-checks the
# plan independently, and writes the offline reports to out/ (or $GUARANTOR_OUT).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
out=${GUARANTOR_OUT:-out}
mkdir -p "$out"
bin=build/release/apps/cli/guarantor
"$bin" validate data/default/scenario.json
"$bin" forcegen data/default/scenario.json --out "$out"
"$bin" show data/default/scenario.json --out "$out/theatre.html"
"$bin" plan data/default/scenario.json --out "$out"
"$bin" check "$out/plan.json" data/default/scenario.json
echo
echo "Reports (offline, open in any browser):"
echo "  plan:      $(realpath "$out")/plan.html"
echo "  theatre:   $(realpath "$out")/theatre.html"
echo "Data: $out/plan.json, plan.geojson, plan.kml, force_generation.json, force_generation.csv"
