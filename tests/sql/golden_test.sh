#!/usr/bin/env bash
# Golden tests of the emitted SQL text: for every project of tests/sql/projects and the retail
# example, `segc sql` (per-customer query and --summary) in each dialect must equal
# tests/sql/golden/NAME.DIALECT[.summary].sql byte for byte. SEGC_UPDATE_GOLDEN=1 rewrites the
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
