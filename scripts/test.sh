#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer, runs every test (unit, CLI, scenario, browser, slow solver cases)
# under them, then runs each fuzz target briefly (libFuzzer, clang).
# Usage: scripts/test.sh [--quick]   (--quick: release build, tests labelled fast only)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

if [ "${1:-}" = "--quick" ]; then
  scripts/build.sh release
  (cd build/release && ctest --output-on-failure -j "$(nproc)" -L fast)
  exit 0
fi

echo "== build with address + undefined-behaviour sanitizers =="
scripts/build.sh sanitize
# Leaks inside the COIN-OR solver libraries (CBC, CLP) are theirs, not ours: suppressed by name.
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
(cd build/sanitize && ctest --output-on-failure -j "$(nproc)" --timeout 900)

echo "== fuzz targets (libFuzzer, ${GUARANTOR_FUZZ_SECONDS:-15} s each) =="
scripts/build.sh fuzz
scripts/fuzz.sh build/fuzz "${GUARANTOR_FUZZ_SECONDS:-15}"
