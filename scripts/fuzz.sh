#!/usr/bin/env bash
# Runs every libFuzzer target in a build directory for a few seconds each, starting from its
# seed corpus (tests/fuzz/corpus/<target>). A crash fails the run and leaves the input as
# crash-* in the working directory: add it to the corpus as a regression case. Finding no fuzz
# target at all is a failure too (a build that silently produced none must not pass).
# Prints "fuzz: N passed, N failed" last.
# Usage: scripts/fuzz.sh BUILD_DIR SECONDS
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?build directory}
seconds=${2:-20}
status=0
ran=0
failed=0
for fuzzer in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  corpus=tests/fuzz/corpus/$name
  work=$(mktemp -d)
  [ -d "$corpus" ] && cp -r "$corpus"/. "$work"/
  echo "fuzz: $name for ${seconds}s"
  ran=$((ran + 1))
  if ! "$fuzzer" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=0 "$work" \
      > "$work.log" 2>&1; then
    echo "fuzz: $name FAILED; last lines of its log:"
    tail -40 "$work.log"
    status=1
    failed=$((failed + 1))
  fi
  rm -rf "$work" "$work.log"
done
if [ "$ran" -eq 0 ]; then
  echo "fuzz: no fuzz target found in $build/tests/fuzz; expected fuzz_* executables (scripts/build.sh fuzz)" >&2
  exit 1
fi
echo "fuzz: $((ran - failed)) passed, $failed failed"
exit $status
