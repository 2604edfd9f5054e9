#!/usr/bin/env bash
# Style and static checks on the lines a change touches, so the check stays cheap and old code is
# not reformatted wholesale: clang-format (.clang-format) and clang-tidy (.clang-tidy: bugprone,
# performance, modernize subsets) on the C++ lines changed since BASE.
# Usage: scripts/lint.sh [BUILD_DIR]   (a configured build; default build/release)
# BASE is $GUARANTOR_LINT_BASE, default HEAD~1 (the last commit). Exit 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
base=${GUARANTOR_LINT_BASE:-HEAD~1}
status=0

if ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
  echo "lint: base $base is not a commit; nothing to compare against" >&2
  exit 1
fi
# Whole-tree rules that cost a grep: nlohmann's internals are not an API (they change between
# releases without notice).
if git grep -n 'nlohmann::detail' -- '*.cpp' '*.hpp'; then
  echo "lint: nlohmann::detail is nlohmann's internal namespace; use its public API"
  status=1
fi

changed=$(git diff --name-only --diff-filter=ACMR "$base" -- '*.cpp' '*.hpp')
if [ -z "$changed" ]; then
  echo "lint: no C++ lines changed since $base"
  exit $status
fi
echo "lint: $(echo "$changed" | wc -l) changed C++ files since $base"

# clang-format: the changed lines must already be formatted; prints the fix as a diff.
format_fix=$(git diff -U0 --no-color "$base" -- '*.cpp' '*.hpp' | clang-format-diff -p1 || true)
if [ -n "$format_fix" ]; then
  echo "lint: clang-format wants these changes (apply with: git diff -U0 $base | clang-format-diff -p1 -i):"
  echo "$format_fix"
  status=1
fi

# clang-tidy: only translation units in the compile database, only the changed lines. The build
# compiles test binaries and the CLI in unity batches, so its database names the batches, not the
# files in them; clang-tidy reads a database configured beside it (never built) with every source
# on its own and the build's type.
if [ ! -f "$build/CMakeCache.txt" ]; then
  echo "lint: $build is not configured; build first (scripts/build.sh release)" >&2
  exit 1
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
tidy_db="$build-lint"
if ! cmake -S . -B "$tidy_db" -DCMAKE_BUILD_TYPE="${build_type:-Release}" -DGUARANTOR_UNITY_LEAVES=OFF >/dev/null; then
  echo "lint: configuring $tidy_db for clang-tidy failed" >&2
  exit 1
fi
tidy_log=$(mktemp)
git diff -U0 --no-color "$base" -- '*.cpp' |
  clang-tidy-diff -p1 -path "$tidy_db" -iregex '.*\.cpp' -j "$(nproc)" -quiet \
    -extra-arg=-Wno-unknown-warning-option > "$tidy_log" 2>&1 || true
if grep -Eq ': (warning|error):' "$tidy_log"; then
  echo "lint: clang-tidy findings on changed lines:"
  grep -E -A3 ': (warning|error):' "$tidy_log"
  status=1
fi
rm -f "$tidy_log"
[ "$status" -eq 0 ] && echo "lint: clean"
exit $status
