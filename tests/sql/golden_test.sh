#!/usr/bin/env bash
# Golden tests of the emitted SQL text: for every project of tests/sql/projects and the retail
# example, `segc sql` (per-customer query and --summary) in each dialect must equal
# tests/sql/golden/NAME.DIALECT[.summary].sql byte for byte, and the event aggregates of two
# conformance cases (events_NNN.DIALECT.sql). SEGC_UPDATE_GOLDEN=1 rewrites the
# files (review the diff). Also checks that a construct the backend refuses names its location.
#   golden_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$SOURCE_DIR/tests/cli/lib.sh"
make_tmp
golden="$SOURCE_DIR/tests/sql/golden"

check() {  # check FILE_NAME ARGS...
  local name="$1"
  shift
  run_segc "$tmp/out.sql" "$tmp/err.txt" sql "$@"
  expect_code 0 "$name" || { cat "$tmp/err.txt" >&2; return; }
  if [[ "${SEGC_UPDATE_GOLDEN:-}" == 1 ]]; then
    cp "$tmp/out.sql" "$golden/$name"
  elif ! diff -u "$golden/$name" "$tmp/out.sql" >&2; then
    fail "$name: emitted SQL differs from the golden file"
  fi
}

projects=("$SOURCE_DIR"/tests/sql/projects/*/)
for dir in "${projects[@]}" "$SOURCE_DIR/examples/retail/"; do
  name="$(basename "$dir")"
  rules="$dir/rules.seg"
  [[ -d "$dir/rules" ]] && rules="$dir/rules"
  for dialect in postgres duckdb clickhouse spark; do
    check "$name.$dialect.sql" "$rules" --dialect "$dialect" --table "$name"
    check "$name.$dialect.summary.sql" "$rules" --dialect "$dialect" --table "$name" --summary
  done
done

# Event aggregates (conformance cases 078 and 079: counts, sums and windows; min, max, avg,
# first and last) in the dialects that translate them; ClickHouse refuses them, naming the
# aggregate and its location.
for case in 078_events_counts_sums_windows 079_events_extremes_first_last; do
  for dialect in postgres duckdb spark; do
    check "events_${case%%_*}.$dialect.sql" "$SOURCE_DIR/tests/conformance/$case/rules.seg" \
      --dialect "$dialect" --table customers
  done
done
run_segc "$tmp/out.sql" "$tmp/err.txt" sql \
  "$SOURCE_DIR/tests/conformance/078_events_counts_sums_windows/rules.seg" --dialect clickhouse
expect_code 1 "clickhouse events"
expect_contains "$tmp/err.txt" "rules.seg:28:11: error: the clickhouse SQL backend cannot translate the event aggregate 'count' over 'purchases' (no ordered or filtered aggregates in this dialect) yet" "clickhouse events"
[[ -s "$tmp/out.sql" ]] && fail "clickhouse events: SQL was printed"

# A pattern outside the translated RE2 subset (\w) is refused, with its location.
cat >"$tmp/rules.seg" <<'RULES'
table t key id {
  id: int
  s: string
}
segment Word where matches(s, "\\w+")
RULES
run_segc "$tmp/out.sql" "$tmp/err.txt" sql "$tmp/rules.seg" --dialect postgres
expect_code 1 "refused matches"
expect_contains "$tmp/err.txt" "rules.seg:5:20: error: the postgres SQL backend cannot translate this 'matches' pattern" "refused matches"
[[ -s "$tmp/out.sql" ]] && fail "refused matches: SQL was printed"
finish
