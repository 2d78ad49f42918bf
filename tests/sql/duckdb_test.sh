#!/usr/bin/env bash
# The emitted DuckDB SQL against the JIT, row by row: every example with data (examples/cdnow:
# the log in ../shared/data/cdnow when it is there), the
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

# compare NAME RULES ARGS...: the files of the array $data ([EVENTS=]FILE, as `segc run --data`
# takes them) loaded by `segc sql --dialect duckdb --load`, the per-customer query's rows
# against the JIT's --out.
compare() {
  local name="$1" rules="$2" spec loads=() runs=() inputs=() i j
  shift 2
  for spec in "${data[@]}"; do
    loads+=(--load "$spec")
    runs+=(--data "$spec")
  done
  for ((i = 1; i <= $#; i++)); do  # `segc sql` takes the run's --as-of and --param only
    [[ "${!i}" == --as-of || "${!i}" == --param ]] && { j=$((i + 1)); inputs+=("${!i}" "${!j}"); }
  done
  run_segc "$tmp/jit.json" "$tmp/jit.err" run "$rules" "${runs[@]}" --out "$tmp/jit.csv" "$@"
  [[ "$code" == 0 ]] || return 0  # a case that fails on purpose has no rows to compare
  if ! "$SEGC" sql "$rules" --dialect duckdb --table t "${loads[@]}" >"$tmp/load.sql" ||
      ! "$SEGC" sql "$rules" --dialect duckdb --table t ${inputs[@]+"${inputs[@]}"} \
        >"$tmp/rows.sql"; then
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
  [[ -d "$dir/rules" ]] || continue
  example="$(basename "$dir")"
  data=("$dir"data/*.csv)
  if [[ "$example" == cdnow ]]; then  # the purchase log is read in place (examples/cdnow/README.md)
    log="$SOURCE_DIR/../shared/data/cdnow/CDNOW_master.txt"
    [[ -r "$log" ]] || { echo "cdnow: $log is not there, not compared"; continue; }
    data=("purchases=$log")
  elif [[ ! -f "${data[0]}" ]]; then
    echo "$example: no data file, not compared"
    continue
  fi
  compare "example $example" "$dir/rules"
done
for dir in "$SOURCE_DIR"/tests/sql/projects/*/; do
  data=("$dir/data.csv")
  compare "project $(basename "$dir")" "$dir/rules.seg"
done
skip_file="$SOURCE_DIR/tests/sql/postgres_skip.txt"
for dir in "$SOURCE_DIR"/tests/conformance/[0-9]*/; do
  case="$(basename "$dir")"
  grep -q "^$case " "$skip_file" && continue
  data=()
  [[ -f "$dir/data.csv" ]] && data=("$dir/data.csv")
  for events in "$dir"/events/*.csv; do
    [[ -f "$events" ]] && data+=("$(basename "$events" .csv)=$events")
  done
  conformance_case "$dir" --strict-sizes
  compare "case $case" "$rules" ${args[@]+"${args[@]}"}
done
echo "compared $compared projects"
finish
