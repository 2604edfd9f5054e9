#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, runs the unit, scenario and browser tests,
# the same tests under AddressSanitizer + UndefinedBehaviorSanitizer, then each fuzz target
# briefly. Usage: scripts/test.sh [--quick]  (--quick: release build tests only)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
(cd build/release && ctest --output-on-failure -j "$(nproc)")
if [ "${1:-}" = "--quick" ]; then exit 0; fi

echo "== sanitizer build (address, undefined) =="
scripts/build.sh sanitize
(cd build/sanitize && ctest --output-on-failure -j "$(nproc)" -L fast)

if [ -f tests/fuzz/CMakeLists.txt ]; then
  echo "== fuzz targets (libFuzzer, brief) =="
  scripts/build.sh fuzz
  scripts/fuzz.sh build/fuzz "${GUARANTOR_FUZZ_SECONDS:-20}"
fi
