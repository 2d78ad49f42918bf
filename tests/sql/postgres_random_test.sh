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
# compare_seed SEED: one line "SEED STATUS" on stdout (ok, refused, overflow, differs);
# for a difference, the diff and PostgreSQL's error go to stderr.
compare_seed() {
  local seed="$1" dir="$tmp/cases/$1" work="$tmp/work/$1" as_of jit_code
  mkdir -p "$work"
  as_of="$(cat "$dir/as_of")"
  run_segc "$work/jit.json" "$work/jit.err" run "$dir" --data "$dir/data.csv" --as-of "$as_of" \
    --format json --threads 1
  jit_code="$code"
  run_segc "$work/pg.json" "$work/pg.err" run "$dir" --engine postgres --dsn "$PG_DSN" \
    --table "c$seed" --as-of "$as_of" --format json
  if [[ "$code" == 1 ]] && grep -q "SQL backend cannot translate" "$work/pg.err"; then
    echo "$seed refused"
  # docs/sql.md, known differences: PostgreSQL raises where a sum of doubles overflows (a
  # mean, a standard deviation's squares, a cumshare's running sum); the runtime gives null.
  elif [[ "$code" == 3 ]] && grep -q "value out of range: overflow" "$work/pg.err"; then
    echo "$seed overflow"
  elif [[ "$code" == "$jit_code" ]] &&
      diff -u <(jq "$drop" "$work/jit.json") <(jq "$drop" "$work/pg.json") >"$work/diff.txt"; then
    echo "$seed ok"
  else
    echo "$seed differs (exit $code vs $jit_code)"
    head -30 "$work/diff.txt" "$work/pg.err" >&2 2>/dev/null || true
  fi
  rm -rf "$work"
}

# The seeds in as many interleaved shards as there are cores (each program is two short
# processes, so the shards scale with the cores CTest leaves free).
shards="$(nproc 2>/dev/null || echo 2)"
for ((shard = 0; shard < shards; shard++)); do
  for ((i = shard; i < ${#seeds[@]}; i += shards)); do compare_seed "${seeds[$i]}"; done \
    >"$tmp/results$shard.txt" 2>"$tmp/diffs$shard.txt" &
done
wait
cat "$tmp"/results*.txt >"$tmp/results.txt"
cat "$tmp"/diffs*.txt >&2

list() { awk -v s="$1" '$2 == s { printf "%s ", $1 }' "$tmp/results.txt"; }
while read -r seed _ rest; do
  fail "seed $seed: PostgreSQL differs from the JIT $rest; rerun:" \
    "SEGC_SQL_DIFF_SEED=$seed ctest -R sql/postgres_random"
done < <(grep " differs " "$tmp/results.txt")
(( $(wc -l <"$tmp/results.txt") == ${#seeds[@]} )) ||
  fail "$(wc -l <"$tmp/results.txt") results for ${#seeds[@]} programs"
echo "compared $(grep -c " ok$" "$tmp/results.txt") programs;" \
  "$(grep -c " refused$" "$tmp/results.txt") refused (a construct not translated);" \
  "$(wc -l <"$tmp/cases/skipped.txt") with an event table left out;" \
  "$(grep -c " overflow$" "$tmp/results.txt") where PostgreSQL raised on a float sum overflow" \
  "(seeds: $(list overflow));"
finish
