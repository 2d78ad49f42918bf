#!/usr/bin/env bash
# Differential test of the SQL backend: random well-typed projects over random data (the
# generator of tests/differential, written out by segc_diff_cases), each run by the JIT and by
# PostgreSQL 15 (`segc run --engine postgres` on the case's table, loaded by `segc sql --load`);
# the JSON summaries (counts, score sums, minima and maxima, class counts, statistics, overflow
# counts) must be equal but for engine, threads and data_hash. Cases with an event table are
# left out (event aggregates are not translated yet). Prints the seed of every mismatch with a
# rerun line.
#   postgres_random_test.sh SEGC SOURCE_DIR CASES_TOOL
# SEGC_SQL_DIFF_PROGRAMS (default 3600: about 2,000 programs without an event table) seeds from SEGC_SQL_DIFF_BASE_SEED (default 1);
# SEGC_SQL_DIFF_SEED=N runs only seed N. Exit 77 without the PostgreSQL binaries.
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
CASES_TOOL="$3"
source "$SOURCE_DIR/tests/cli/lib.sh"
source "$SOURCE_DIR/tests/sql/pg_server.sh"
make_tmp
pg_start

base="${SEGC_SQL_DIFF_SEED:-${SEGC_SQL_DIFF_BASE_SEED:-1}}"
count="${SEGC_SQL_DIFF_PROGRAMS:-3600}"
[[ -n "${SEGC_SQL_DIFF_SEED:-}" ]] && count=1
mkdir -p "$tmp/cases"
"$CASES_TOOL" "$tmp/cases" "$base" "$count"

# One load script for every case (one psql session), tables named after the seeds.
seeds=()
for dir in "$tmp"/cases/*/; do
  seed="$(basename "$dir")"
  if "$SEGC" sql "$dir" --dialect postgres --table "c$seed" --load "$dir/data.csv" \
      --as-of "$(cat "$dir/as_of")" >>"$tmp/load.sql" 2>"$tmp/err.txt"; then
    seeds+=("$seed")
  else
    fail "seed $seed: segc sql --load failed: $(head -3 "$tmp/err.txt")"
  fi
done
pg_sql -f "$tmp/load.sql" >/dev/null 2>"$tmp/load.err" || { cat "$tmp/load.err" >&2; exit 1; }

drop='del(.engine, .threads, .data_hash)'
compared=0 refused=0
overflowed=()
for seed in "${seeds[@]}"; do
  dir="$tmp/cases/$seed"
  as_of="$(cat "$dir/as_of")"
  run_segc "$tmp/jit.json" "$tmp/jit.err" run "$dir" --data "$dir/data.csv" --as-of "$as_of" \
    --format json --threads 1
  jit_code="$code"
  run_segc "$tmp/pg.json" "$tmp/pg.err" run "$dir" --engine postgres --dsn "$PG_DSN" \
    --table "c$seed" --as-of "$as_of" --format json
  if [[ "$code" == 1 ]] && grep -q "SQL backend cannot translate" "$tmp/pg.err"; then
    refused=$((refused + 1))
    continue
  fi
  # docs/sql.md, known differences: PostgreSQL raises where a sum of doubles overflows (a
  # mean, a standard deviation's squares, a cumshare's running sum); the runtime gives null.
  if [[ "$code" == 3 ]] && grep -q "value out of range: overflow" "$tmp/pg.err"; then
    overflowed+=("$seed")
    continue
  fi
  if [[ "$code" != "$jit_code" ]] ||
      ! diff -u <(jq "$drop" "$tmp/jit.json") <(jq "$drop" "$tmp/pg.json") >"$tmp/diff.txt"; then
    fail "seed $seed: PostgreSQL differs from the JIT (exit $code vs $jit_code; rerun:" \
      "SEGC_SQL_DIFF_SEED=$seed ctest -R sql/postgres_random)"
    head -30 "$tmp/diff.txt" "$tmp/pg.err" >&2
    continue
  fi
  compared=$((compared + 1))
done
echo "compared $compared programs; $refused refused (a construct not translated);" \
  "$(wc -l <"$tmp/cases/skipped.txt") with an event table left out;" \
  "${#overflowed[@]} where PostgreSQL raised on a float sum overflow (seeds: ${overflowed[*]-})"
finish
