#!/usr/bin/env bash
# The whole test suite (what CI runs): install dependencies, release build + every CTest label,
# ASan/UBSan build + the unit and golden-diagnostic tests, a ThreadSanitizer build of the embedding
# API's concurrency test, the fuzz targets' smoke runs, and the clang-format check.
# Every step runs even if an earlier one failed; the exit status says whether all passed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="$(nproc 2>/dev/null || echo 2)"
failed=()

step() {
  local name="$1"
  shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    echo "=== $name: ok ($((SECONDS - start))s)"
  else
    echo "=== $name: FAILED ($((SECONDS - start))s)"
    failed+=("$name")
  fi
}

format_check() {
  local files
  if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
    mapfile -t files < <(git -C "$root" ls-files --cached --others --exclude-standard \
      'compiler/*.h' 'compiler/*.cc' 'runtime/*.h' 'runtime/*.cc' 'cli/*.h' 'cli/*.cc' \
      'stdlib/*.h' 'stdlib/*.cc' 'tests/*.h' 'tests/*.cc' 'bench/*.h' 'bench/*.cc' 'examples/*.h' 'examples/*.cc')
  else
    mapfile -t files < <(find compiler runtime cli stdlib tests bench examples \( -name '*.h' -o -name '*.cc' \) 2>/dev/null)
  fi
  echo "clang-format: ${#files[@]} files"
  clang-format --dry-run -Werror "${files[@]}"
}

step "setup" bash scripts/setup.sh
step "release build" bash scripts/build.sh release
step "release tests (all labels)" ctest --test-dir build --output-on-failure --no-tests=error -j "$jobs"
step "asan+ubsan build" bash scripts/build.sh asan segc segc_unit_suite
step "asan+ubsan tests (unit, diag)" ctest --test-dir build-asan --output-on-failure --no-tests=error -j "$jobs" -L 'unit|diag'
# One compiled program run from 8 threads at once (tests/unit/api), under ThreadSanitizer.
step "tsan build (api)" bash scripts/build.sh tsan segc segc_api_tests
step "tsan tests (api)" env TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/unit/api/segc_api_tests
# libFuzzer targets (clang, ASan+UBSan): the seeds, past crashes and a bounded run of each.
step "fuzz build" bash scripts/build.sh fuzz
step "fuzz smoke tests" ctest --test-dir build-fuzz --output-on-failure --no-tests=error -L fuzz
step "clang-format" format_check

echo
if ((${#failed[@]} == 0)); then
  echo "test.sh: all steps passed in ${SECONDS}s"
  exit 0
fi
echo "test.sh: failed steps: ${failed[*]} (${SECONDS}s)"
exit 1
