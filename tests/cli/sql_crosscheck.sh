#!/usr/bin/env bash
# Independent cross-check (CTest label `crosscheck`): the retail example's segment counts and
# population statistics (RFM quintile cut points, cltv percentiles) from `segc run --format json`
# (JIT and interpreter) against hand-written DuckDB SQL (sql_crosscheck.mjs), through the npm
# package @duckdb/node-api in bench/node_modules. Both comparison tables are printed.
# Installs it with `npm install` in bench/ when missing (node_modules and package-lock.json are
# never committed); skips (exit 0 with a SKIP line, or CTest's skip code 77) when node or the
# npm registry is unavailable.
#   sql_crosscheck.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$(cd "$2" && pwd)"  # absolute: node resolves bench/ from it
source "$(dirname "$0")/lib.sh"
make_tmp

skip() {
  echo "SKIP: $*"
  exit 77
}

bench="$SOURCE_DIR/bench"
command -v node >/dev/null || skip "node is not installed"
if [[ ! -d "$bench/node_modules/@duckdb/node-api" ]]; then
  command -v npm >/dev/null || skip "npm is not installed"
  echo "installing @duckdb/node-api in bench/ (npm install)"
  (cd "$bench" && timeout 300 npm install --no-audit --no-fund >"$tmp/npm.log" 2>&1) ||
    skip "npm install failed (registry unreachable?): $(tail -2 "$tmp/npm.log")"
fi

rules="$SOURCE_DIR/examples/retail/rules"
data="$SOURCE_DIR/examples/retail/data/customers.csv"
for engine in jit interp; do
  run_segc "$tmp/$engine.json" "$tmp/$engine.err" run "$rules" --data "$data" --format json \
    --engine "$engine" --as-of 2026-11-01
  expect_code 0 "segc run --engine $engine" || { cat "$tmp/$engine.err" >&2; finish; }
  echo "== segc --engine $engine vs DuckDB SQL"
  node "$SOURCE_DIR/tests/cli/sql_crosscheck.mjs" "$bench" "$data" "$tmp/$engine.json" ||
    fail "segment counts or statistics of --engine $engine differ from the SQL"
done
finish
