#!/usr/bin/env bash
# Runs every test, each suite in the build it needs:
#   release   the slow published-optimum solver cases (label `slow`): optimised, no sanitizer, so
#             branch-and-bound times are real ones, never a sanitizer's 10x
#   headers   every public header compiles on its own (target check-headers)
#   lint      clang-format and clang-tidy on the lines changed since $GUARANTOR_LINT_BASE (HEAD~1)
#   sanitize  everything else (unit, CLI, scenario, browser) under AddressSanitizer and
#             UndefinedBehaviorSanitizer; the store and server suites run on SQLite and on a
#             throwaway PostgreSQL cluster (scripts/pg_test_cluster.sh) started for the run
#   fuzz      each libFuzzer target for a few seconds (clang)
# Prints one summary line per suite, the name of every skipped test, and last a line
# "N passed, N failed, N skipped". Exit status 1 when anything failed.
# Usage: scripts/test.sh [--quick]   (--quick: release build, tests labelled fast only)
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1

if [ "${1:-}" = "--quick" ]; then
  set -e
  scripts/build.sh release
  (cd build/release && ctest --output-on-failure -j "$(nproc)" -L fast)
  exit 0
fi

logs=build/test-logs
mkdir -p "$logs"
summaries=()
skipped_names=()
total_passed=0
total_failed=0
total_skipped=0
started_all=$SECONDS

# record SUITE PASSED FAILED SKIPPED SECONDS [NOTE]
record() {
  local note=${6:+ ($6)}
  summaries+=("$(printf 'suite %-9s %4d passed, %d failed, %d skipped in %ds%s' "$1" "$2" "$3" "$4" "$5" "$note")")
  total_passed=$((total_passed + $2))
  total_failed=$((total_failed + $3))
  total_skipped=$((total_skipped + $4))
}

# run_ctest SUITE BUILD_DIR CTEST_ARGS...: runs ctest, counts passed/failed/skipped from its report.
run_ctest() {
  local suite=$1 dir=$2
  shift 2
  local log=$logs/$suite.log started=$SECONDS
  (cd "$dir" && ctest --output-on-failure -j "$(nproc)" "$@") 2>&1 | tee "$log"
  local total failed skipped
  total=$(sed -nE 's/.* tests? failed out of ([0-9]+).*/\1/p' "$log" | tail -1)
  failed=$(sed -nE 's/.* ([0-9]+) tests? failed out of .*/\1/p' "$log" | tail -1)
  if [ -z "$total" ]; then
    # No report at all (no test matched, ctest crashed): a suite that ran nothing has failed.
    record "$suite" 0 1 0 $((SECONDS - started)) "no tests ran"
    return
  fi
  # ctest lists skipped tests after "The following tests did not run:" as "<n> - <name> (Skipped)".
  mapfile -t names < <(sed -nE 's/^[[:space:]]*[0-9]+ - (.*) \((Skipped|Disabled)\)$/\1/p' "$log")
  skipped=${#names[@]}
  for name in "${names[@]}"; do skipped_names+=("$suite: $name"); done
  record "$suite" $((total - failed - skipped)) "$failed" "$skipped" $((SECONDS - started))
}

# run_step SUITE COMMAND...: a suite that is one pass/fail step (a build, a check).
run_step() {
  local suite=$1 started=$SECONDS
  shift
  if "$@" 2>&1 | tee "$logs/$suite.log"; then
    record "$suite" 1 0 0 $((SECONDS - started))
  else
    record "$suite" 0 1 0 $((SECONDS - started)) "see $logs/$suite.log"
  fi
}

echo "== release build: slow solver tests =="
# Only what the release suite runs: the slow test binary, the header check; the lint reads the
# compile database that configuring writes. The rest of the tree is built by the sanitize job.
if scripts/build.sh release plan_slow_tests; then
  run_ctest release build/release -L slow --timeout 1800
  echo "== every public header on its own =="
  run_step headers cmake --build build/release --target check-headers -j "$(nproc)"
  echo "== clang-format / clang-tidy on changed lines =="
  run_step lint scripts/lint.sh build/release
else
  record release 0 1 0 0 "build failed"
fi

echo "== throwaway PostgreSQL cluster for the store and server suites =="
# Its URL is what the PostgreSQL cases test against; GUARANTOR_REQUIRE_POSTGRESQL makes them
# fail, not skip, should the cluster not have started. Stopped on every exit, failures included.
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/guarantor-pg-XXXXXX")
trap 'scripts/pg_test_cluster.sh stop "$pg_dir"' EXIT
export GUARANTOR_REQUIRE_POSTGRESQL=1
if GUARANTOR_TEST_POSTGRESQL_URL=$(scripts/pg_test_cluster.sh start "$pg_dir"); then
  export GUARANTOR_TEST_POSTGRESQL_URL
  echo "PostgreSQL test cluster: $GUARANTOR_TEST_POSTGRESQL_URL"
else
  echo "PostgreSQL test cluster did not start: the PostgreSQL cases will fail"
fi

echo "== build with address + undefined-behaviour sanitizers: every other test =="
if scripts/build.sh sanitize; then
  # Leaks inside the COIN-OR solver libraries (CBC, CLP) are theirs, not ours: suppressed by name.
  export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  run_ctest sanitize build/sanitize -LE slow --timeout 900
else
  record sanitize 0 1 0 0 "build failed"
fi

echo "== fuzz targets (libFuzzer, ${GUARANTOR_FUZZ_SECONDS:-10} s each) =="
fuzz_started=$SECONDS
if scripts/build.sh fuzz; then
  scripts/fuzz.sh build/fuzz "${GUARANTOR_FUZZ_SECONDS:-10}" 2>&1 | tee "$logs/fuzz.log"
  fuzz_line=$(sed -nE 's/^fuzz: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$logs/fuzz.log" | tail -1)
  if [ -n "$fuzz_line" ]; then
    read -r fuzz_passed fuzz_failed <<< "$fuzz_line"
    record fuzz "$fuzz_passed" "$fuzz_failed" 0 $((SECONDS - fuzz_started))
  else
    record fuzz 0 1 0 $((SECONDS - fuzz_started)) "no fuzz target ran"
  fi
else
  record fuzz 0 1 0 $((SECONDS - fuzz_started)) "build failed"
fi

echo
echo "== summary ($(( (SECONDS - started_all) / 60 )) min) =="
for line in "${summaries[@]}"; do echo "$line"; done
if [ "${#skipped_names[@]}" -gt 0 ]; then
  echo "SKIPPED (not run; each names why in its log):"
  for name in "${skipped_names[@]}"; do echo "  SKIPPED $name"; done
fi
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
[ "$total_failed" -eq 0 ]
