#!/usr/bin/env bash
# A JIT failure is an internal error (exit 4) with a message, at every failure point of the
# codegen test hook, never a silent fallback to the interpreter: nothing on stdout.
# The hook is the test-only environment variable SEGC_TEST_FORCE_JIT_FAILURE (docs/cli.md).
#   jit_failure_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

rules="$SOURCE_DIR/examples/retail/rules"
data="$SOURCE_DIR/examples/retail/data/customers.csv"

for point in 1 build optimize emit link; do
  SEGC_TEST_FORCE_JIT_FAILURE=$point run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data"
  expect_code 4 "forced failure '$point'" || cat "$tmp/err" >&2
  expect_contains "$tmp/err" "segc: internal error: jit" "forced failure '$point'"
  expect_contains "$tmp/err" "--engine interp" "forced failure '$point' hint"
  [[ -s "$tmp/out" ]] && fail "forced failure '$point': a summary was printed (fallback?)"
done

# The hook only concerns the JIT: the interpreter runs, and "0" disables the hook.
SEGC_TEST_FORCE_JIT_FAILURE=1 run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" \
  --engine interp
expect_code 0 "interpreter with the hook set" || cat "$tmp/err" >&2
SEGC_TEST_FORCE_JIT_FAILURE=0 run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data"
expect_code 0 "hook set to 0" || cat "$tmp/err" >&2
finish
