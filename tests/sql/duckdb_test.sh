#!/usr/bin/env bash
# The emitted DuckDB SQL against the JIT, row by row: every example with a data file, the
# projects of tests/sql/projects and the conformance cases not in postgres_skip.txt, each table
# loaded by `segc sql --dialect duckdb --load`, the per-customer query run on an in-memory DuckDB
# (npm @duckdb/node-api in bench/node_modules, a test tool only: installed there by `npm install`
# when missing) and compared with `segc run --out` column by column.
#   duckdb_test.sh SEGC SOURCE_DIR
# Exit 77 (skipped) without node or when the package cannot be installed.
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$(cd "$2" && pwd)"
source "$SOURCE_DIR/tests/cli/lib.sh"
source "$SOURCE_DIR/tests/sql/conformance_case.sh"
make_tmp

skip() {
  echo "SKIP: $*"
  exit 77
}
bench="$SOURCE_DIR/bench"
command -v node >/dev/null || skip "node is not installed"
if [[ ! -d "$bench/node_modules/@duckdb/node-api" ]]; then
  command -v npm >/dev/null || skip "npm is not installed"
  (cd "$bench" && timeout 300 npm install --no-audit --no-fund >"$tmp/npm.log" 2>&1) ||
    skip "npm install failed: $(tail -2 "$tmp/npm.log")"
fi

# compare NAME RULES CSV ARGS...
compare() {
  local name="$1" rules="$2" csv="$3"
  shift 3
  run_segc "$tmp/jit.json" "$tmp/jit.err" run "$rules" --data "$csv" --out "$tmp/jit.csv" "$@"
  [[ "$code" == 0 ]] || return 0  # a case that fails on purpose has no rows to compare
  if ! "$SEGC" sql "$rules" --dialect duckdb --table t --load "$csv" >"$tmp/load.sql" ||
      ! "$SEGC" sql "$rules" --dialect duckdb --table t "$@" >"$tmp/rows.sql"; then
    fail "$name: segc sql failed"
    return
  fi
  if ! node "$SOURCE_DIR/tests/sql/duckdb_run.mjs" "$bench" "$tmp/load.sql" "$tmp/rows.sql" \
      >"$tmp/duck.csv" 2>"$tmp/duck.err"; then
    fail "$name: DuckDB failed"
    head -5 "$tmp/duck.err" >&2
    return
  fi
  python3 "$SOURCE_DIR/tests/sql/compare_rows.py" "$tmp/jit.csv" "$tmp/duck.csv" >&2 ||
    fail "$name: DuckDB rows differ from the JIT's"
  compared=$((compared + 1))
}

compared=0
for dir in "$SOURCE_DIR"/examples/*/; do
  # An example whose data `segc sql --load` cannot load yet is listed with its reason.
  grep -q "^example_$(basename "$dir") " "$SOURCE_DIR/tests/sql/postgres_skip.txt" && continue
  csv="$(ls "$dir"data/*.csv 2>/dev/null | head -1 || true)"
  [[ -n "$csv" && -d "$dir/rules" ]] && compare "example $(basename "$dir")" "$dir/rules" "$csv"
done
for dir in "$SOURCE_DIR"/tests/sql/projects/*/; do
  compare "project $(basename "$dir")" "$dir/rules.seg" "$dir/data.csv"
done
skip_file="$SOURCE_DIR/tests/sql/postgres_skip.txt"
for dir in "$SOURCE_DIR"/tests/conformance/[0-9]*/; do
  case="$(basename "$dir")"
  grep -q "^$case " "$skip_file" && continue
  conformance_case "$dir" --strict-sizes
  compare "case $case" "$rules" "$dir/data.csv" ${args[@]+"${args[@]}"}
done
echo "compared $compared projects"
finish
