#!/usr/bin/env bash
# The main job on the default scenario: installs what is missing, builds, validates the
# scenario, computes the force-generation picture and writes the offline pages to out/.
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
if "$bin" --help | grep -q "^  plan"; then
  "$bin" plan data/default/scenario.json --out "$out"
fi
echo
echo "Open $(realpath "$out")/theatre.html in a browser (works offline)."
