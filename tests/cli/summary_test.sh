#!/usr/bin/env bash
# The text summary of `segc run`, `expect size` warnings and errors, --as-of precedence, and
# that nothing but the summary reaches stdout (no progress output when stderr is not a terminal).
#   summary_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

rules="$SOURCE_DIR/examples/retail/rules"
data="$SOURCE_DIR/examples/retail/data/customers.csv"
rows=$(($(wc -l <"$data") - 1))

run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" --threads 1
expect_code 0 "text run" || cat "$tmp/err" >&2
expect_contains "$tmp/out" "as_of 2026-11-01: $rows rows, engine jit, 1 thread" "header line"
for heading in "segment " "score " "class "; do
  expect_contains "$tmp/out" "$heading" "table heading '$heading'"
done
grep -qE '^VIP +[0-9]+ +[0-9.]+%$' "$tmp/out" || fail "no 'VIP count share' line"
grep -qE '^value_index +[0-9]+ ' "$tmp/out" || fail "no score line"
grep -qE '^  platinum +[0-9]+ ' "$tmp/out" || fail "no class label line"
grep -qE '^  \(null\) +[0-9]+ ' "$tmp/out" || fail "no class null line"
grep -qE '^p90\(cltv\) +[0-9]+\.[0-9]{2}$' "$tmp/out" || fail "no statistic line"
grep -qE '^ntile\(5, orders\) +[0-9.]+(, [0-9.]+){3}$' "$tmp/out" || fail "no ntile cut points line"
[[ -s "$tmp/err" ]] && fail "stderr not empty on a clean run: $(head -3 "$tmp/err")"
grep -q $'\r' "$tmp/err" "$tmp/out" && fail "progress output without a terminal"

# --as-of: the flag beats the rules' as_of, and changes the result.
run_segc "$tmp/dec" "$tmp/err" run "$rules" --data "$data" --as-of 2026-12-01 --format json
expect_code 0 "--as-of run"
expect_contains "$tmp/dec" '"as_of": "2026-12-01"' "--as-of in json"
run_segc "$tmp/nov" "$tmp/err" run "$rules" --data "$data" --format json
expect_contains "$tmp/nov" '"as_of": "2026-11-01"' "as_of from the rules"
cmp -s "$tmp/dec" "$tmp/nov" && fail "--as-of 2026-12-01 gave the same summary"

# expect size: a warning with the clause's location, still exit 0; an error with --strict-sizes.
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" --param vip_window=1d
expect_code 0 "size warning run"
grep -qE "value.seg:[0-9]+:[0-9]+: warning: segment 'VIP' has [0-9]+ rows? \([0-9.]+%\), expected between 1% and 15%" \
  "$tmp/err" || fail "no VIP size warning: $(cat "$tmp/err")"
# On one row, 1% to 15% leaves no whole row count: said so, never "1 to 0 rows".
head -2 "$data" >"$tmp/one.csv"
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$tmp/one.csv"
expect_code 0 "one row"
grep -q "expected between 1% and 15% (no row count fits on 1 row)" "$tmp/err" ||
  fail "one row: $(grep VIP "$tmp/err")"
if grep -qE "\(-?[0-9]+ to -?[0-9]+ rows\)" "$tmp/err" && grep -E "\(([0-9]+) to ([0-9]+) rows\)" "$tmp/err" |
  sed -E 's/.*\(([0-9]+) to ([0-9]+) rows\).*/\1 \2/' | awk '$1 > $2 { bad = 1 } END { exit !bad }'; then
  fail "one row: an empty row range is printed as 'A to B rows' with A > B"
fi
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" --param vip_window=1d --strict-sizes
expect_code 1 "--strict-sizes"
expect_contains "$tmp/err" "error: segment 'VIP'" "strict size error"
expect_contains "$tmp/err" "run failed: segments outside their expected size" "strict verdict"

# JSON: exactly one object with the documented members.
run_segc "$tmp/j" "$tmp/err" run "$rules" --data "$data" --format json --threads 3
for member in '"rows": '"$rows" '"segments": {' '"scores": {' '"classes": {' '"statistics": {' \
  '"p90(cltv)": ' '"ntile(5, last_purchase)": [' '"overflows": 0' \
  '"engine": "jit"' '"threads": 3' '"segc_version": ' '"rules_hash": "' '"data_hash": "' \
  '"null": '; do
  expect_contains "$tmp/j" "$member" "json member $member"
done
[[ "$(head -c1 "$tmp/j")" == "{" && "$(tail -1 "$tmp/j")" == "}" ]] || fail "json is not one object"
[[ "$(grep -c '^{' "$tmp/j")" == 1 ]] || fail "more than one json object"
finish
