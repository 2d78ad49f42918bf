#!/usr/bin/env bash
# Configures and builds segc: scripts/build.sh [release|debug|asan|tsan|fuzz] [ninja targets...]
#   release → build/        (-O2; what the demo and the full test suite use)
#   debug   → build-debug/  (-O0 -g)
#   asan    → build-asan/   (AddressSanitizer + UndefinedBehaviorSanitizer, -O1 -g)
#   tsan    → build-tsan/   (ThreadSanitizer, -O1 -g)
#   fuzz    → build-fuzz/   (clang++-14, libFuzzer targets under ASan+UBSan, -O1; builds only
#                            the fuzzers unless targets are given; docs/testing.md "Fuzzing")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-release}"
shift || true

case "$mode" in
  # -O2, not CMake's -O3: GCC 12 at -O3 reports false -Wrestrict errors on `"lit" + std::string`
  # (GCC bug 105329), which -Werror turns into build failures.
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG") ;;
  debug) dir=build-debug; flags=(-DCMAKE_BUILD_TYPE=Debug) ;;
  asan) dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug -DSEGC_SANITIZE=ON -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g") ;;
  tsan) dir=build-tsan; flags=(-DCMAKE_BUILD_TYPE=Debug -DSEGC_SANITIZE_THREAD=ON -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g") ;;
  # Line tables only: symbolized crash stacks at a fraction of -g's compile and link time.
  fuzz) dir=build-fuzz; flags=(-DCMAKE_BUILD_TYPE=Debug -DSEGC_FUZZ=ON -DSEGC_BUILD_TESTS=OFF
          -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
          -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" -DCMAKE_C_FLAGS_DEBUG="-O1")
        (($# > 0)) || set -- segc_fuzzers ;;
  *) echo "usage: scripts/build.sh [release|debug|asan|tsan|fuzz] [targets...]" >&2; exit 2 ;;
esac

cmake -S "$root" -B "$root/$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$root/$dir" "$@"
echo "build: $mode build in $dir/ is up to date"
