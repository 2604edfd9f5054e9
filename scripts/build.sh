#!/usr/bin/env bash
# Configures and builds Guarantor into build/<kind> (kind: release, debug, sanitize, fuzz).
# Usage: scripts/build.sh [KIND] [TARGET...]   (targets: only those, e.g. plan_slow_tests)
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
shift || true
targets=("$@")
case "$kind" in
  release)  flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  debug)    flags=(-DCMAKE_BUILD_TYPE=Debug) ;;
  # -O1 keeps sanitized tests quick; -g1 (line tables only) keeps stack traces readable with file
  # and line and compiles about a quarter faster than -g. Test and benchmark code is compiled at
  # -O0 (tests/CMakeLists.txt); benchmarks are built so they keep compiling, but run by hand only,
  # from a release build.
  sanitize) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DGUARANTOR_SANITIZE=ON) ;;
  fuzz)     flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DGUARANTOR_FUZZ=ON -DGUARANTOR_BUILD_TESTS=OFF
                   -DGUARANTOR_BUILD_BENCH=OFF -DCMAKE_CXX_COMPILER=clang++) ;;
  *) echo "usage: scripts/build.sh [release|debug|sanitize|fuzz]" >&2; exit 2 ;;
esac
# A compiler cache, where one is installed, makes rebuilds after small changes quick.
if command -v ccache >/dev/null 2>&1; then
  flags+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "build/$kind" "${flags[@]}" >/dev/null
if [ "${#targets[@]}" -gt 0 ]; then
  cmake --build "build/$kind" -j "$(nproc)" --target "${targets[@]}"
elif [ "$kind" = fuzz ]; then
  # Only the fuzz targets: the rest of the tree is built and tested by the gcc builds.
  cmake --build "build/$kind" -j "$(nproc)" --target fuzzers
else
  cmake --build "build/$kind" -j "$(nproc)"
fi
