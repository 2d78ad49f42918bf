#!/usr/bin/env bash
# `segc run --engine postgres` against the JIT on a real PostgreSQL 15 (tests/sql/pg_server.sh):
# every example with data (examples/cdnow: the log in ../shared/data/cdnow when it is there), the
# projects of tests/sql/projects, then every conformance case (tests/conformance) except those
# tests/sql/postgres_skip.txt lists with a reason. Each table (event tables too) is loaded by
# `segc sql --load`; the JSON summaries must be equal but for engine, threads and data_hash, and
# the per-customer query's rows (psql --csv) equal the JIT's --out (compare_rows.py); a run that
# fails must fail with the JIT's exit code and error line.
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

# compare NAME RULES ARGS...: loads the files of the array $data ([EVENTS=]FILE, as `segc run
# --data` takes them, read with the options of the array $load_options, also given to the JIT)
# by `segc sql --load` as table NAME (event tables NAME_EVENTS), runs both
# engines with ARGS, compares exit codes, JSON summaries and, for a run that fails, the error
# line; with $expect_stderr set, both must print it.
compare() {
  local name="$1" rules="$2" spec tables=() loads=() runs=() j
  shift 2
  tables=(--table "$name")
  for spec in "${data[@]}"; do
    loads+=(--load "$spec")
    runs+=(--data "$spec")
    [[ "$spec" == *=* ]] && tables+=(--table "${spec%%=*}=${name}_${spec%%=*}")
  done
  if ! "$SEGC" sql "$rules" --dialect postgres "${tables[@]}" "${loads[@]}" \
      ${load_options[@]+"${load_options[@]}"} \
      >"$tmp/load.sql" 2>"$tmp/err.txt" || ! pg_sql -f "$tmp/load.sql" >/dev/null 2>>"$tmp/err.txt"; then
    fail "$name: loading ${data[*]}"
    cat "$tmp/err.txt" >&2
    return
  fi
  run_segc "$tmp/jit.json" "$tmp/jit.err" run "$rules" "${runs[@]}" \
    ${load_options[@]+"${load_options[@]}"} --format json \
    --out "$tmp/jit.csv" "$@"
  local jit_code="$code"
  run_segc "$tmp/pg.json" "$tmp/pg.err" run "$rules" --engine postgres --dsn "$PG_DSN" \
    "${tables[@]}" --format json "$@"
  if [[ "$code" != "$jit_code" ]]; then
    fail "$name: exit $code with postgres, $jit_code with the JIT"
    cat "$tmp/pg.err" >&2
    return
  fi
  if [[ "$code" != 0 ]] && ! diff -u <(grep '^segc: error' "$tmp/jit.err") \
      <(grep '^segc: error' "$tmp/pg.err") >&2; then
    fail "$name: the postgres error differs from the JIT's"
  fi
  if [[ -n "${expect_stderr:-}" ]] && ! grep -qF "$expect_stderr" "$tmp/pg.err"; then
    fail "$name: postgres did not print '$expect_stderr'"
    cat "$tmp/pg.err" >&2
  fi
  local drop='del(.engine, .threads, .data_hash)'
  if ! diff -u <(jq "$drop" "$tmp/jit.json") <(jq "$drop" "$tmp/pg.json") >&2; then
    fail "$name: the postgres summary differs from the JIT's"
  fi
  if [[ "$code" == 0 ]]; then  # the rows: `segc sql` takes the run's --as-of and --param only
    local inputs=() i
    for ((i = 1; i <= $#; i++)); do
      [[ "${!i}" == --as-of || "${!i}" == --param ]] && { j=$((i + 1)); inputs+=("${!i}" "${!j}"); }
    done
    if ! "$SEGC" sql "$rules" --dialect postgres "${tables[@]}" ${inputs[@]+"${inputs[@]}"} \
        >"$tmp/rows.sql" || ! pg_sql --csv -f "$tmp/rows.sql" >"$tmp/pg.csv"; then
      fail "$name: the per-customer query failed"
    elif ! /usr/bin/python3 "$SOURCE_DIR/tests/sql/compare_rows.py" "$tmp/jit.csv" "$tmp/pg.csv" >&2; then
      fail "$name: the postgres rows differ from the JIT's"
    fi
  fi
  compared=$((compared + 1))
}

compared=0 expect_stderr="" load_options=()
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
  compare "example_$example" "$dir/rules"
done

# --overlaps without measures: the member rows give the same overlap matrices as the JIT.
data=("$SOURCE_DIR/examples/support_tiers/data/accounts.csv")
compare overlaps_support_tiers "$SOURCE_DIR/examples/support_tiers/rules" --overlaps
# The French export as Excel writes it on Windows: Windows-1252 text (no byte-order mark).
tail -c +4 "$SOURCE_DIR/examples/boutique_fr/data/clients.csv" |
  iconv -f utf-8 -t windows-1252 >"$tmp/clients_1252.csv"
data=("$tmp/clients_1252.csv") load_options=(--encoding windows-1252)
compare example_boutique_fr_1252 "$SOURCE_DIR/examples/boutique_fr/rules"
load_options=()

# Projects written for the SQL backend: quoting and escaping, and one of each construct.
for dir in "$SOURCE_DIR"/tests/sql/projects/*/; do
  data=("$dir/data.csv")
  compare "project_$(basename "$dir")" "$dir/rules.seg"
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
  expect_stderr=""
  [[ -f "$dir/expected_stderr_contains" ]] && expect_stderr="$(cat "$dir/expected_stderr_contains")"
  conformance_case "$dir"
  compare "case_$case" "$rules" ${args[@]+"${args[@]}"}
done
echo "compared $compared projects"
finish
