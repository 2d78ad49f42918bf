#!/usr/bin/env bash
# Usage errors of `segc run` and `segc schema infer`: exit 2, "segc: error:" plus a hint on
# stderr, nothing on stdout.
#   usage_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

rules="$SOURCE_DIR/examples/retail/rules"
data="$SOURCE_DIR/examples/retail/data/customers.csv"

# usage_case WHAT EXPECTED_STDERR_TEXT ARGS...
usage_case() {
  local what="$1" text="$2"
  shift 2
  run_segc "$tmp/out" "$tmp/err" "$@"
  expect_code 2 "$what" || cat "$tmp/err" >&2
  expect_contains "$tmp/err" "segc: error: " "$what"
  expect_contains "$tmp/err" "$text" "$what"
  [[ -s "$tmp/out" ]] && fail "$what: stdout not empty"
  return 0
}

usage_case "unknown param" "did you mean 'vip_window'?" \
  run "$rules" --data "$data" --param vip_windw=60d
usage_case "unknown module param" "unknown param 'rfm.nope'" \
  run "$rules" --data "$data" --param rfm.nope=1
usage_case "param without =" "write --param NAME=VALUE" run "$rules" --data "$data" --param vip_window
usage_case "param twice" "given twice" \
  run "$rules" --data "$data" --param vip_window=60d --param vip_window=30d
usage_case "param of the wrong type" "vip_window" run "$rules" --data "$data" --param vip_window=12.5
usage_case "param not a duration" "expected a duration" run "$rules" --data "$data" \
  --param vip_window=abc
usage_case "bad --as-of" "YYYY-MM-DD" run "$rules" --data "$data" --as-of 2026-02-30
usage_case "bad --as-of shape" "invalid --as-of '1/11/2026'" run "$rules" --data "$data" \
  --as-of 1/11/2026
usage_case "missing --data" "--data" run "$rules"
usage_case "missing rules" "RULES" run --data "$data"
usage_case "bad --engine" "--engine" run "$rules" --data "$data" --engine llvm
usage_case "bad --format" "--format" run "$rules" --data "$data" --format sarif
usage_case "negative --threads" "--threads" run "$rules" --data "$data" --threads -1
usage_case "unknown option" "--as_of" run "$rules" --data "$data" --as_of 2026-01-01
usage_case "--out extension" "FILE.csv or FILE.jsonl" run "$rules" --data "$data" --out "$tmp/x.txt"
usage_case "--out directory missing" "not a writable directory" \
  run "$rules" --data "$data" --out "$tmp/nope/x.csv"
usage_case "two projects" "exactly one rule project" \
  run "$rules" "$SOURCE_DIR/examples/b2b_leads/rules" --data "$data"
usage_case "schema without infer" "'segc schema' needs a subcommand: infer" schema
usage_case "schema infer without file" "DATA" schema infer
usage_case "schema infer bad key" "did you mean 'customer_id'?" schema infer "$data" --key custmer_id
usage_case "schema infer bad sample" "--sample" schema infer "$data" --sample 0
usage_case "misspelt subcommand" "did you mean 'segc run'?" rum "$rules"

# A value the param accepts is not a usage error.
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" --param vip_window=60d \
  --param abc_margin.a_share=80% --format json
expect_code 0 "good params" || cat "$tmp/err" >&2
finish
