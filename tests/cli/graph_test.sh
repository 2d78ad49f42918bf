#!/usr/bin/env bash
# `segc graph`: golden dot, mermaid and json for a small project with every kind of node
# (tests/cli/graph/rules) and dot and mermaid for the retail example; rule errors exit 1;
# several projects are a usage error.
#   graph_test.sh SEGC SOURCE_DIR
#   SEGC_UPDATE_GOLDEN=1 rewrites the golden files.
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

goldens="$SOURCE_DIR/tests/cli/graph"

# golden NAME RULES FORMAT
golden() {
  local name="$1" rules="$2" format="$3"
  run_segc "$tmp/out" "$tmp/err" graph "$rules" --format "$format"
  expect_code 0 "graph $name --format $format" || cat "$tmp/err" >&2
  compare_golden "$goldens/$name" "graph $name"
}

golden rules.dot "$goldens/rules" dot
golden rules.mmd "$goldens/rules" mermaid
golden rules.json "$goldens/rules" json
golden retail.dot "$SOURCE_DIR/examples/retail/rules" dot
golden retail.mmd "$SOURCE_DIR/examples/retail/rules" mermaid

# dot is the default format
run_segc "$tmp/out" "$tmp/err" graph "$goldens/rules"
cmp -s "$tmp/out" "$goldens/rules.dot" || fail "graph without --format is not dot"

# The json graph is consistent: every edge joins two listed nodes.
if command -v python3 >/dev/null; then
  python3 - "$goldens/rules.json" <<'PY' || fail "rules.json: an edge names an unknown node"
import json, sys
g = json.load(open(sys.argv[1]))
ids = {n["id"] for n in g["nodes"]}
assert all(e["from"] in ids and e["to"] in ids for e in g["edges"]), g
PY
fi

# Rule errors: diagnostics as segc check, exit 1, nothing on stdout.
mkdir "$tmp/bad"
cp "$goldens/rules/schema.seg" "$tmp/bad/"
echo 'segment S where no_such_column > 1' >"$tmp/bad/rules.seg"
run_segc "$tmp/out" "$tmp/err" graph "$tmp/bad" --color never
expect_code 1 "graph with rule errors"
expect_contains "$tmp/err" "no_such_column" "graph with rule errors"
expect_contains "$tmp/err" "graph failed: 1 error in the rules" "graph with rule errors"
[[ -s "$tmp/out" ]] && fail "graph with rule errors: stdout not empty"

# Two projects: usage error.
run_segc "$tmp/out" "$tmp/err" graph "$goldens/rules" "$SOURCE_DIR/examples/retail/rules"
expect_code 2 "graph of two projects"
expect_contains "$tmp/err" "exactly one rule project" "graph of two projects"
run_segc "$tmp/out" "$tmp/err" graph "$goldens/rules" --format svg
expect_code 2 "graph --format svg"

finish
