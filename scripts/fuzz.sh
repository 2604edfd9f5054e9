#!/usr/bin/env bash
# Runs every libFuzzer target in a build directory for a few seconds each, starting from its
# seed corpus (tests/fuzz/corpus/<target>). A crash fails the run and leaves the input as
# crash-* in the working directory: add it to the corpus as a regression case.
# Usage: scripts/fuzz.sh BUILD_DIR SECONDS
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?build directory}
seconds=${2:-20}
status=0
for fuzzer in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  corpus=tests/fuzz/corpus/$name
  work=$(mktemp -d)
  [ -d "$corpus" ] && cp -r "$corpus"/. "$work"/
  echo "fuzz: $name for ${seconds}s"
  if ! "$fuzzer" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=0 "$work" \
      > "$work.log" 2>&1; then
    echo "fuzz: $name FAILED; last lines of its log:"
    tail -40 "$work.log"
    status=1
  fi
  rm -rf "$work" "$work.log"
done
exit $status
