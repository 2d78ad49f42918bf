#!/usr/bin/env bash
# Measures and overlaps in the text summary (docs/cli.md, "Measures" and "Overlaps"): the
# printing rule of each measure column, the sum's share column, the overlap and Jaccard matrices,
# and that --overlaps gives the same summary for every thread count and both engines.
#   measures_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

case_dir="$SOURCE_DIR/tests/conformance/092_measures_mean_printing"
run_segc "$tmp/out" "$tmp/err" run "$case_dir/rules.seg" --data "$case_dir/data.csv" \
  --as-of 2026-11-01 --threads 1
expect_code 0 "text run with measures" || cat "$tmp/err" >&2
# mean(qty): 4/3 and 2 both with two decimals; sum(price) is not whole: two decimals throughout.
sed -n '/^measures /,/^$/p' "$tmp/out" >"$tmp/table"
cat >"$tmp/want" <<'TABLE'
measures    rows   share  avg_qty  all_price  % all_price
(all rows)     3  100.0%     1.33       0.60       100.0%
Two            1   33.3%     2.00       0.30        50.0%
TABLE
diff -u "$tmp/want" "$tmp/table" >&2 || fail "measures table differs"

case_dir="$SOURCE_DIR/tests/conformance/088_measures_empty_segment"
run_segc "$tmp/out" "$tmp/err" run "$case_dir/rules.seg" --data "$case_dir/data.csv" \
  --as-of 2026-11-01
expect_code 0 "empty segment run"
# Whole sums print as integers; a mean of nothing and a min of nothing as "-".
grep -qE '^Nobody +0 +0\.0% +0 +0\.0% +- +- +0$' "$tmp/out" ||
  fail "no 'Nobody' measures line: $(grep Nobody "$tmp/out")"

case_dir="$SOURCE_DIR/tests/conformance/094_measures_overlaps"
run_segc "$tmp/out" "$tmp/err" run "$case_dir/rules.seg" --data "$case_dir/data.csv" \
  --as-of 2026-11-01 --overlaps
expect_code 0 "--overlaps run"
sed -n '/^overlap /,$p' "$tmp/out" | sed -n '1,/^statistic/p' | grep -v '^statistic' >"$tmp/matrix"
cat >"$tmp/want" <<'TABLE'
overlap (rows in both)    #1    #2    #3    #4
 1 Low                     3     1     0     0
 2 Even                    1     3     2     0
 3 High                    0     2     3     0
 4 None                    0     0     0     0

jaccard                   #1    #2    #3    #4
 1 Low                  1.00  0.20  0.00  0.00
 2 Even                 0.20  1.00  0.50  0.00
 3 High                 0.00  0.50  1.00  0.00
 4 None                 0.00  0.00  0.00     -
TABLE
diff -u "$tmp/want" "$tmp/matrix" >&2 || fail "overlap matrices differ"

# Without --overlaps, no overlap section in text or JSON.
run_segc "$tmp/out" "$tmp/err" run "$case_dir/rules.seg" --data "$case_dir/data.csv" \
  --as-of 2026-11-01 --format json
grep -q '"overlaps"' "$tmp/out" && fail "overlaps in the JSON without --overlaps"

# The retail example with --overlaps: one summary for every thread count and both engines.
rules="$SOURCE_DIR/examples/retail/rules"
data="$SOURCE_DIR/examples/retail/data/customers.csv"
for engine in jit interp; do
  for threads in 1 2 7; do
    run_segc "$tmp/$engine.$threads.json" "$tmp/err" run "$rules" --data "$data" --format json \
      --overlaps --engine "$engine" --threads "$threads"
    expect_code 0 "retail --overlaps $engine $threads"
    grep -v '"engine"\|"threads"' "$tmp/$engine.$threads.json" >"$tmp/$engine.$threads"
    cmp -s "$tmp/jit.1" "$tmp/$engine.$threads" ||
      fail "retail --overlaps: $engine with $threads threads differs from jit with 1"
  done
done
grep -q '"overlaps"' "$tmp/jit.1.json" || fail "no overlaps in the retail JSON"
finish
