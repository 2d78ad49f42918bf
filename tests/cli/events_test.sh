#!/usr/bin/env bash
# `segc run` with event tables: `--data NAME=FILE` per table, usage errors for a table given
# twice or an event table without data, the customers made from the event keys when no customer
# file is given, and the same summary from the JIT and the interpreter.
#   events_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

case_dir="$SOURCE_DIR/tests/conformance/078_events_counts_sums_windows"
events="$case_dir/events/purchases.csv"

run_segc "$tmp/out" "$tmp/err" run "$case_dir/rules.seg" --data "$case_dir/data.csv"
expect_code 2 "event table without data"
expect_contains "$tmp/err" "no data for events 'purchases'" "event table without data"
expect_contains "$tmp/err" "add --data purchases=FILE" "event table without data hint"

run_segc "$tmp/out" "$tmp/err" run "$case_dir/rules.seg" --data "purchases=$events" \
  --data "purchases=$events"
expect_code 2 "event table given twice"
expect_contains "$tmp/err" "--data gives table 'purchases' twice" "event table given twice"

# Only the log: the customers are its keys 1, 2, 4 (3 has no purchase, so it is not a customer).
for engine in jit interp; do
  run_segc "$tmp/$engine.json" "$tmp/err" run "$case_dir/rules.seg" --data "purchases=$events" \
    --engine "$engine" --format json
  expect_code 0 "log only ($engine)"
  expect_contains "$tmp/$engine.json" '"rows": 3,' "log only: customers are the log's keys"
done
grep -v '"engine"' "$tmp/jit.json" >"$tmp/jit.cmp"
grep -v '"engine"' "$tmp/interp.json" >"$tmp/interp.cmp"
cmp -s "$tmp/jit.cmp" "$tmp/interp.cmp" || fail "log only: the JIT and the interpreter differ"

# The text summary names each event table with its row count.
run_segc "$tmp/out" "$tmp/err" run "$case_dir/rules.seg" --data "$case_dir/data.csv" \
  --data "purchases=$events"
expect_code 0 "customers and events"
expect_contains "$tmp/out" "events purchases: 8 rows" "text summary"
finish
