#!/usr/bin/env bash
# Runs every libFuzzer target in a build directory for a few seconds each (as many at a time as
# there are cores, GUARANTOR_FUZZ_JOBS to change it), starting from its
# seed corpus (tests/fuzz/corpus/<target>). A crash fails the run and leaves the input as
# crash-* in the working directory: add it to the corpus as a regression case. Finding no fuzz
# target at all is a failure too (a build that silently produced none must not pass).
# Prints "fuzz: N passed, N failed" last.
# Usage: scripts/fuzz.sh BUILD_DIR SECONDS
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?build directory}
seconds=${2:-20}
jobs=${GUARANTOR_FUZZ_JOBS:-$(nproc)}
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# run_one FUZZER: fuzzes one target from a copy of its corpus; its log is kept only on failure.
run_one() {
  local fuzzer=$1 name work
  name=$(basename "$fuzzer")
  work=$(mktemp -d)
  [ -d "tests/fuzz/corpus/$name" ] && cp -r "tests/fuzz/corpus/$name"/. "$work"/
  if "$fuzzer" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=0 "$work" \
      > "$results/$name.log" 2>&1; then
    rm -f "$results/$name.log"
    touch "$results/$name.passed"
  fi
  rm -rf "$work"
}

# One target per core at a time: each is single-threaded, and the time limit is per target.
ran=0
for fuzzer in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  echo "fuzz: $(basename "$fuzzer") for ${seconds}s"
  ran=$((ran + 1))
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_one "$fuzzer" &
done
wait

status=0
failed=0
for fuzzer in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  [ -e "$results/$name.passed" ] && continue
  echo "fuzz: $name FAILED; last lines of its log:"
  tail -40 "$results/$name.log" 2>/dev/null || echo "(no log)"
  status=1
  failed=$((failed + 1))
done
if [ "$ran" -eq 0 ]; then
  echo "fuzz: no fuzz target found in $build/tests/fuzz; expected fuzz_* executables (scripts/build.sh fuzz)" >&2
  exit 1
fi
echo "fuzz: $((ran - failed)) passed, $failed failed"
exit $status
