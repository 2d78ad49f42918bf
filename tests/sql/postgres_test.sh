#!/usr/bin/env bash
# `segc run --engine postgres` against the JIT on a real PostgreSQL 15 (tests/sql/pg_server.sh):
# every example with a data file, the projects of tests/sql/projects, then every conformance case (tests/conformance) except those
# tests/sql/postgres_skip.txt lists with a reason. Each table is loaded by `segc sql --load`;
# the JSON summaries must be equal but for engine, threads and data_hash.
#   postgres_test.sh SEGC SOURCE_DIR
# Exit 77 (skipped) when the PostgreSQL server binaries are absent.
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$SOURCE_DIR/tests/cli/lib.sh"
source "$SOURCE_DIR/tests/sql/pg_server.sh"
source "$SOURCE_DIR/tests/sql/conformance_case.sh"
make_tmp
pg_start

# compare NAME RULES CSV ARGS...: loads CSV as table NAME, runs both engines, compares.
compare() {
  local name="$1" rules="$2" csv="$3"
  shift 3
  if ! "$SEGC" sql "$rules" --dialect postgres --table "$name" --load "$csv" \
      >"$tmp/load.sql" 2>"$tmp/err.txt" || ! pg_sql -f "$tmp/load.sql" >/dev/null 2>>"$tmp/err.txt"; then
    fail "$name: loading $csv"
    cat "$tmp/err.txt" >&2
    return
  fi
  run_segc "$tmp/jit.json" "$tmp/jit.err" run "$rules" --data "$csv" --format json "$@"
  local jit_code="$code"
  run_segc "$tmp/pg.json" "$tmp/pg.err" run "$rules" --engine postgres --dsn "$PG_DSN" \
    --table "$name" --format json "$@"
  if [[ "$code" != "$jit_code" ]]; then
    fail "$name: exit $code with postgres, $jit_code with the JIT"
    cat "$tmp/pg.err" >&2
    return
  fi
  local drop='del(.engine, .threads, .data_hash)'
  if ! diff -u <(jq "$drop" "$tmp/jit.json") <(jq "$drop" "$tmp/pg.json") >&2; then
    fail "$name: the postgres summary differs from the JIT's"
  fi
  compared=$((compared + 1))
}

compared=0
for dir in "$SOURCE_DIR"/examples/*/; do
  # An example whose data `segc sql --load` cannot load yet is listed with its reason.
  grep -q "^example_$(basename "$dir") " "$SOURCE_DIR/tests/sql/postgres_skip.txt" && continue
  csv="$(ls "$dir"data/*.csv 2>/dev/null | head -1 || true)"
  [[ -n "$csv" && -d "$dir/rules" ]] && compare "example_$(basename "$dir")" "$dir/rules" "$csv"
done

# --overlaps without measures: the member rows give the same overlap matrices as the JIT.
compare overlaps_support_tiers "$SOURCE_DIR/examples/support_tiers/rules" \
  "$SOURCE_DIR/examples/support_tiers/data/accounts.csv" --overlaps

# Projects written for the SQL backend: quoting and escaping, and one of each construct.
for dir in "$SOURCE_DIR"/tests/sql/projects/*/; do
  compare "project_$(basename "$dir")" "$dir/rules.seg" "$dir/data.csv"
done

skip_file="$SOURCE_DIR/tests/sql/postgres_skip.txt"
for dir in "$SOURCE_DIR"/tests/conformance/[0-9]*/; do
  case="$(basename "$dir")"
  grep -q "^$case " "$skip_file" && continue
  [[ -f "$dir/data.csv" ]] || { fail "$case: no data.csv and not in $skip_file"; continue; }
  conformance_case "$dir"
  compare "case_$case" "$rules" "$dir/data.csv" ${args[@]+"${args[@]}"}
done
echo "compared $compared projects"
finish
