#!/usr/bin/env bash
# `segc run --out`: the membership file's shape (CSV and JSON lines) and its atomicity — a failed
# run (bad data, rule errors, JIT failure, strict sizes, an unwritable target) leaves an existing
# file untouched and no temporary file behind.
#   out_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

rules="$SOURCE_DIR/examples/retail/rules"
data="$SOURCE_DIR/examples/retail/data/customers.csv"
rows=$(($(wc -l <"$data") - 1))

no_temp_files() {
  if ls -a "$tmp" | grep -q '\.tmp\.'; then fail "$1: temporary file left: $(ls -a "$tmp")"; fi
}

# --- shape ---
run_segc "$tmp/s" "$tmp/e" run "$rules" --data "$data" --out "$tmp/m.csv"
expect_code 0 "csv run" || cat "$tmp/e" >&2
header="$(head -1 "$tmp/m.csv")"
[[ "$header" == customer_id,* ]] || fail "csv header starts with '${header:0:40}'"
for column in VIP Dormant Winback_Email value_index value_tier rfm.Champions rfm.segment_label abc.class abc_margin.A; do
  [[ ",$header," == *",$column,"* ]] || fail "csv header lacks '$column'"
done
[[ "$(($(wc -l <"$tmp/m.csv") - 1))" == "$rows" ]] || fail "csv has not one line per row"
# Every segment column holds 0 or 1, and its sum equals the count in the summary.
run_segc "$tmp/j" "$tmp/e" run "$rules" --data "$data" --format json
vip_column=$(head -1 "$tmp/m.csv" | tr ',' '\n' | grep -n '^VIP$' | cut -d: -f1)
vip_sum=$(awk -F, -v c="$vip_column" 'NR > 1 { s += $c } END { print s }' "$tmp/m.csv")
vip_count=$(grep -m1 -A1 '"VIP": {' "$tmp/j" | sed -n 's/.*"count": \([0-9]*\).*/\1/p')
[[ -n "$vip_count" && "$vip_sum" == "$vip_count" ]] || fail "VIP column sum $vip_sum != $vip_count"
no_temp_files "csv run"

run_segc "$tmp/s" "$tmp/e" run "$rules" --data "$data" --out "$tmp/m.jsonl"
expect_code 0 "jsonl run"
[[ "$(wc -l <"$tmp/m.jsonl")" == "$rows" ]] || fail "jsonl has not one line per row"
first="$(head -1 "$tmp/m.jsonl")"
[[ "$first" == '{"customer_id":100001,'* ]] || fail "jsonl line starts with '${first:0:40}'"
[[ "$first" == *'"VIP":'[01]* ]] || fail "jsonl line lacks VIP as 0/1: ${first:0:80}"

# --- atomicity: an existing file survives every failed run unchanged ---
echo "previous content" >"$tmp/keep.csv"
cp "$tmp/keep.csv" "$tmp/keep.orig"
printf 'customer_id,email\n1,x\n' >"$tmp/bad.csv"  # lacks most columns
run_segc "$tmp/s" "$tmp/e" run "$rules" --data "$tmp/bad.csv" --out "$tmp/keep.csv"
expect_code 3 "missing columns"
cmp -s "$tmp/keep.csv" "$tmp/keep.orig" || fail "bad data replaced the --out file"

mkdir -p "$tmp/broken"
printf 'table t key id {\n  id: int\n}\nsegment S where id > "x"\n' >"$tmp/broken/r.seg"
run_segc "$tmp/s" "$tmp/e" run "$tmp/broken" --data "$data" --out "$tmp/keep.csv"
expect_code 1 "rule error"
cmp -s "$tmp/keep.csv" "$tmp/keep.orig" || fail "rule errors replaced the --out file"

SEGC_TEST_FORCE_JIT_FAILURE=1 run_segc "$tmp/s" "$tmp/e" run "$rules" --data "$data" \
  --out "$tmp/keep.csv"
expect_code 4 "forced jit failure"
cmp -s "$tmp/keep.csv" "$tmp/keep.orig" || fail "a JIT failure replaced the --out file"

run_segc "$tmp/s" "$tmp/e" run "$rules" --data "$data" --out "$tmp/keep.csv" --strict-sizes \
  --param vip_window=1d
expect_code 1 "strict sizes"
cmp -s "$tmp/keep.csv" "$tmp/keep.orig" || fail "--strict-sizes failure replaced the --out file"
no_temp_files "failed runs"

# A directory where the file should go: the rename fails, nothing is left behind.
mkdir "$tmp/dir.csv"
run_segc "$tmp/s" "$tmp/e" run "$rules" --data "$data" --out "$tmp/dir.csv"
[[ "$code" != 0 ]] || fail "--out onto a directory succeeded"
expect_contains "$tmp/e" "cannot write" "--out onto a directory"
[[ -z "$(ls -A "$tmp/dir.csv")" ]] || fail "the directory was modified"
no_temp_files "--out onto a directory"

# Finally a good run replaces the file.
run_segc "$tmp/s" "$tmp/e" run "$rules" --data "$data" --out "$tmp/keep.csv"
expect_code 0 "replacing run"
[[ "$(head -c 12 "$tmp/keep.csv")" == "customer_id," ]] || fail "the --out file was not replaced"
no_temp_files "replacing run"
finish
