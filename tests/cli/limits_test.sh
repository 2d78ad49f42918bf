#!/usr/bin/env bash
# Every documented limit (docs/language.md "Limits"), reached by an accepted program that then
# runs: `segc check` accepts it, and `segc run` gives the right counts through the JIT (at the
# automatic level, and at the vectorizing level 2 where that stays affordable) and the
# interpreter. Before, a 100,000-term `or` of float compares passed check and crashed run
# (a stack overflow in LLVM), and 10,000 terms took 200 s at level 2.
#   limits_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

cat >"$tmp/schema.seg" <<'EOF'
table t key id {
  id: int
  f: float
  n: int
  s: string
}
EOF
# 200 rows: f = (7i mod 100) + 0.25, n = i mod 50, s = "v" (i mod 30); row 0 has no f.
awk 'BEGIN { print "id,f,n,s"; print "0,,0,v0"
             for (i = 1; i < 200; i++) printf "%d,%.2f,%d,v%d\n", i, (7 * i) % 100 + 0.25, i % 50, i % 30 }' \
  >"$tmp/data.csv"
# Expected counts, computed from the data.
f_above_half=$(awk -F, 'NR > 2 && $2 > 0.5' "$tmp/data.csv" | wc -l)
n_in_evens=$(awk -F, 'NR > 1 && $3 % 2 == 0' "$tmp/data.csv" | wc -l)
s_in_v1_v2=$(awk -F, 'NR > 1 && ($4 == "v1" || $4 == "v2")' "$tmp/data.csv" | wc -l)

# check_and_run NAME EXPECTED_LINE [RUN ARGS...]: checks and runs $tmp/NAME.seg with the schema;
# the text summary must contain EXPECTED_LINE's segment and count for every engine.
check_and_run() {
  local name="$1" segment="$2" count="$3"
  shift 3
  mkdir -p "$tmp/$name"
  cp "$tmp/schema.seg" "$tmp/$name.seg" "$tmp/$name/"
  run_segc "$tmp/out" "$tmp/err" check "$tmp/$name"
  expect_code 0 "$name: check" || head -5 "$tmp/err" >&2
  for engine in "jit" "jit --opt-level 2" "interp"; do
    [[ "$engine" == *"opt-level 2"* && "${SKIP_LEVEL2:-}" == "$name" ]] && continue
    # shellcheck disable=SC2086
    run_segc "$tmp/out" "$tmp/err" run "$tmp/$name" --data "$tmp/data.csv" --engine $engine "$@"
    expect_code 0 "$name: run --engine $engine" || head -5 "$tmp/err" >&2
    if ! grep -qE "^$segment +$count " "$tmp/out"; then
      fail "$name ($engine): expected $segment $count"
      grep -E "^$segment " "$tmp/out" >&2 || head -5 "$tmp/out" >&2
    fi
  done
}

# Nesting: 64 levels of parentheses, 64 prefix `not`s (docs: 64 levels).
parens=$(printf '(%.0s' $(seq 64))
closes=$(printf ')%.0s' $(seq 64))
echo "segment Deep where ${parens}f > 0.5${closes}" >"$tmp/parens.seg"
check_and_run parens Deep "$f_above_half"
nots=$(printf 'not %.0s' $(seq 64))
echo "segment Nots where ${nots}f > 0.5" >"$tmp/nots.seg"
check_and_run nots Nots "$f_above_half"

# Left-deep arithmetic: the longest sum that check accepts (each term adds a level).
longest=0
for terms in $(seq 70 -1 40); do
  sum=$(printf 'n + %.0s' $(seq $((terms - 1))))
  echo "segment Sum where ${sum}n >= 0" >"$tmp/sum.seg"
  mkdir -p "$tmp/sum"
  cp "$tmp/schema.seg" "$tmp/sum.seg" "$tmp/sum/"
  if "$SEGC" check "$tmp/sum" >/dev/null 2>&1; then
    longest=$terms
    break
  fi
done
((longest >= 60)) || fail "the longest accepted sum has $longest terms (docs: about 60)"
check_and_run sum Sum 200

# `and`/`or` chains are unlimited: 100,000 compares with distinct float constants (not an `in`
# list), at the automatic level; level 2 is slow on such chains (docs/codegen.md), so it runs
# on 20,000 terms.
awk 'BEGIN { printf "segment Any where f > 0.5"; for (i = 1; i < 100000; i++) printf " or f > %d.5", i; print "" }' \
  >"$tmp/or_chain.seg"
SKIP_LEVEL2=or_chain check_and_run or_chain Any "$f_above_half"
awk 'BEGIN { printf "segment Any where f > 0.5"; for (i = 1; i < 20000; i++) printf " or f > %d.5", i; print "" }' \
  >"$tmp/or_chain_o2.seg"
check_and_run or_chain_o2 Any "$f_above_half"
awk 'BEGIN { printf "segment All where f > 0.5"; for (i = 1; i < 100000; i++) printf " and f > -%d.5", i; print "" }' \
  >"$tmp/and_chain.seg"
SKIP_LEVEL2=and_chain check_and_run and_chain All "$f_above_half"

# `in` lists: 100,000 items of int and string (tables, not chains).
awk 'BEGIN { printf "segment Even where n in (0"; for (i = 2; i < 200000; i += 2) printf ", %d", i; print ")" }' \
  >"$tmp/in_int.seg"
check_and_run in_int Even "$n_in_evens"
awk 'BEGIN { printf "segment Some where s in (\"v1\", \"v2\""; for (i = 0; i < 100000; i++) printf ", \"w%d\"", i; print ")" }' \
  >"$tmp/in_string.seg"
check_and_run in_string Some "$s_in_v1_v2"

# 10,000 segments, each built on the previous one.
awk 'BEGIN { print "segment S0 where f > 0.5"
             for (i = 1; i < 10000; i++) printf "segment S%d where S%d and n >= 0\n", i, i - 1 }' \
  >"$tmp/chain.seg"
SKIP_LEVEL2=chain check_and_run chain S9999 "$f_above_half"

# File size: a rule file just under 8 MiB (8,388,608 bytes) is read.
{
  echo "segment Big where f > 0.5"
  awk 'BEGIN { line = sprintf("# %0126d", 0); for (i = 0; i < 65000; i++) print line }'
} >"$tmp/big.seg"
size=$(wc -c <"$tmp/big.seg")
((size < 8388608 && size > 8300000)) || fail "big.seg is $size bytes"
check_and_run big Big "$f_above_half"

finish
