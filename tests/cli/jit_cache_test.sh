#!/usr/bin/env bash
# The JIT object cache end to end (`--cache-dir`), `--timings`, `--opt-level` and `--dump-ir`:
# a second run with unchanged rules loads the object instead of running LLVM and gives the same
# summary, also at another --as-of or int --param (run inputs, not compiled in); changed rules miss; a corrupt cache file is a miss that gets rewritten; a cache that
# cannot be written is a warning, not a failure. Every optimization level gives the same result.
#   jit_cache_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

rules="$SOURCE_DIR/examples/retail/rules"
data="$SOURCE_DIR/examples/retail/data/customers.csv"
cache="$tmp/cache"
run_cached() {  # run_cached NAME ARGS...: a JSON run with the cache and --timings
  local name="$1"
  shift
  run_segc "$tmp/$name.json" "$tmp/$name.err" run "$rules" --data "$data" --format json \
    --cache-dir "$cache" --timings "$@"
  expect_code 0 "$name" || cat "$tmp/$name.err" >&2
}
cache_files() { find "$cache" -name '*.o' 2>/dev/null | wc -l; }

run_cached first --as-of 2026-11-01
expect_contains "$tmp/first.err" "cache miss" "first run"
[[ "$(cache_files)" == 1 ]] || fail "first run: expected 1 cache file, found $(cache_files)"

run_cached second --as-of 2026-11-01
expect_contains "$tmp/second.err" "cache hit (LLVM skipped)" "second run"
normalize_json "$tmp/first.json" >"$tmp/a"
normalize_json "$tmp/second.json" >"$tmp/b"
diff -u "$tmp/a" "$tmp/b" >&2 || fail "the cached run gives a different summary"

# as_of is an input of the run, not a constant of the kernels: another date reuses the object,
# and gives what a run without the cache gives at that date.
run_cached other_date --as-of 2026-06-30
expect_contains "$tmp/other_date.err" "cache hit (LLVM skipped)" "another --as-of"
[[ "$(cache_files)" == 1 ]] || fail "another --as-of: expected 1 cache file, found $(cache_files)"
"$SEGC" run "$rules" --data "$data" \
  --format json --as-of 2026-06-30 >"$tmp/uncached_other.json" 2>"$tmp/uncached_other.err" ||
  fail "uncached run at 2026-06-30 failed"
normalize_json "$tmp/other_date.json" >"$tmp/d1"
normalize_json "$tmp/uncached_other.json" >"$tmp/d2"
diff -u "$tmp/d2" "$tmp/d1" >&2 || fail "the cached run at another date differs from an uncached one"
cmp -s "$tmp/a" "$tmp/d1" && fail "runs at two dates gave the same summary: as_of was not applied"

# An int param is a run input too: another --param value reuses the object. (b2b_leads'
# mql_threshold; the retail params are durations, which are compiled in.)
leads="$SOURCE_DIR/examples/b2b_leads"
leads_cache="$tmp/leads_cache"
for threshold in 40 70; do
  run_segc "$tmp/mql$threshold.json" "$tmp/mql$threshold.err" run "$leads/rules" \
    --data "$leads/data/leads.csv" --format json --cache-dir "$leads_cache" --timings \
    --param "mql_threshold=$threshold"
  expect_code 0 "--param mql_threshold=$threshold" || cat "$tmp/mql$threshold.err" >&2
done
expect_contains "$tmp/mql40.err" "cache miss" "first --param value"
expect_contains "$tmp/mql70.err" "cache hit (LLVM skipped)" "another --param value"
run_segc "$tmp/mql70_plain.json" "$tmp/mql70_plain.err" run "$leads/rules" \
  --data "$leads/data/leads.csv" --format json --param mql_threshold=70
normalize_json "$tmp/mql70.json" >"$tmp/m1"
normalize_json "$tmp/mql70_plain.json" >"$tmp/m2"
diff -u "$tmp/m2" "$tmp/m1" >&2 || fail "the cached run with another --param differs from an uncached one"
normalize_json "$tmp/mql40.json" >"$tmp/m0"
cmp -s "$tmp/m0" "$tmp/m1" && fail "two --param values gave the same summary: the param was not applied"

# A truncated object is detected (digest), recompiled and rewritten.
for f in "$cache"/*.o; do head -c 100 "$f" >"$f.cut" && mv "$f.cut" "$f"; done
run_cached corrupt --as-of 2026-11-01
expect_contains "$tmp/corrupt.err" "cache miss" "corrupt cache file"
normalize_json "$tmp/corrupt.json" >"$tmp/c"
diff -u "$tmp/a" "$tmp/c" >&2 || fail "the run after a corrupt cache file differs"
run_cached repaired --as-of 2026-11-01
expect_contains "$tmp/repaired.err" "cache hit" "cache file rewritten after corruption"

# A cache directory that cannot be created: the run succeeds with a warning.
echo "not a directory" >"$tmp/file"
run_segc "$tmp/bad.json" "$tmp/bad.err" run "$rules" --data "$data" --format json \
  --as-of 2026-11-01 --cache-dir "$tmp/file/cache"
expect_code 0 "unwritable cache" || cat "$tmp/bad.err" >&2
expect_contains "$tmp/bad.err" "segc: warning: the JIT cache was not updated" "unwritable cache"

# Every optimization level computes the same thing.
for level in 0 1 2 3; do
  run_segc "$tmp/o$level.json" "$tmp/o$level.err" run "$rules" --data "$data" --format json \
    --as-of 2026-11-01 --opt-level "$level" --timings
  expect_code 0 "--opt-level $level" || cat "$tmp/o$level.err" >&2
  expect_contains "$tmp/o$level.err" "jit -O$level" "--opt-level $level"
  normalize_json "$tmp/o$level.json" >"$tmp/o$level"
  diff -u "$tmp/a" "$tmp/o$level" >&2 || fail "--opt-level $level gives a different summary"
done
# auto: the 2000-row example is far below the vectorization threshold.
expect_contains "$tmp/first.err" "jit -O1" "--opt-level auto on a small table"
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" --opt-level 4
expect_code 2 "--opt-level 4"

# --dump-ir: the planned program and, with the JIT, the optimized LLVM module.
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" --as-of 2026-11-01 \
  --dump-ir "$tmp/jit.ll" --cache-dir "$cache"
expect_code 0 "--dump-ir" || cat "$tmp/err" >&2
expect_contains "$tmp/jit.ll" "; segc IR (planned)" "--dump-ir"
expect_contains "$tmp/jit.ll" "stage 0 nodes" "--dump-ir"
expect_contains "$tmp/jit.ll" "; LLVM IR (optimized)" "--dump-ir"
expect_contains "$tmp/jit.ll" "define void @segc_stage_0(" "--dump-ir"
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" --as-of 2026-11-01 \
  --dump-ir "$tmp/interp.ll" --engine interp
expect_code 0 "--dump-ir --engine interp" || cat "$tmp/err" >&2
expect_contains "$tmp/interp.ll" "; segc IR (planned)" "--dump-ir --engine interp"
grep -q "LLVM IR" "$tmp/interp.ll" && fail "--dump-ir --engine interp: LLVM IR without the JIT"
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" --dump-ir "$tmp/no/such/dir.ll"
expect_code 2 "--dump-ir into a missing directory"
expect_contains "$tmp/err" "cannot write --dump-ir" "--dump-ir into a missing directory"
finish
