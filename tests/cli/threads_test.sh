#!/usr/bin/env bash
# `segc run --threads`: the documented upper bound (256) and a system that refuses to start the
# threads (address space limited with ulimit -v): a clear error and exit 4 within seconds, never
# a hang and never "a bug in segc".
#   threads_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

rules="$SOURCE_DIR/examples/retail/rules"
head -4 "$SOURCE_DIR/examples/retail/data/customers.csv" >"$tmp/d.csv"

run_segc "$tmp/s" "$tmp/e" run "$rules" --data "$tmp/d.csv" --threads 257
expect_code 2 "--threads 257"
expect_contains "$tmp/e" "--threads" "--threads 257 names the option"

run_segc "$tmp/s" "$tmp/e" run "$rules" --data "$tmp/d.csv" --threads 256 --engine interp
expect_code 0 "--threads 256" || cat "$tmp/e" >&2

# 256 threads need 2 GB of stacks (8 MB each): with 550 MB of address space the system refuses.
for engine in interp jit; do
  set +e
  (ulimit -v 550000 && exec timeout 60 "$SEGC" run "$rules" --data "$tmp/d.csv" --threads 256 \
    --engine "$engine") >"$tmp/s" 2>"$tmp/e"
  code=$?
  set -e
  expect_code 4 "threads refused ($engine)" || cat "$tmp/e" >&2
  expect_contains "$tmp/e" "segc: error: cannot start 256 threads" "threads refused ($engine)"
  if grep -q "bug in segc" "$tmp/e"; then fail "threads refused ($engine) is called a bug"; fi
  [[ ! -s "$tmp/s" ]] || fail "threads refused ($engine) printed a summary"
done
finish
