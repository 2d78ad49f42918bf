#!/usr/bin/env bash
# examples/cdnow on the real CDNOW purchase log (../shared/data/cdnow/CDNOW_master.txt, read in
# place, never copied): the summary and every customer's RFM cell from `segc run` (JIT and
# interpreter) against an independent computation in plain Python (cdnow_check.py) — customers,
# transactions after same-day merging, total spend, one-time vs repeat buyers, customers by
# number of repeat purchases, dormant/active customers, value tiers, RFM segments and cells.
# Skips (CTest's code 77) when the data set is not next to the repository.
#   cdnow_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$(cd "$2" && pwd)"
source "$(dirname "$0")/lib.sh"
make_tmp

log="$SOURCE_DIR/../shared/data/cdnow/CDNOW_master.txt"
if [[ ! -r "$log" ]]; then
  echo "SKIP: $log is not there"
  exit 77
fi
python=/usr/bin/python3
[[ -x "$python" ]] || python=python3

for engine in jit interp; do
  run_segc "$tmp/$engine.json" "$tmp/$engine.err" run "$SOURCE_DIR/examples/cdnow/rules" \
    --data "purchases=$log" --engine "$engine" --format json --out "$tmp/$engine.csv"
  expect_code 0 "segc run --engine $engine" || { cat "$tmp/$engine.err" >&2; finish; }
  echo "== segc --engine $engine vs Python"
  "$python" "$SOURCE_DIR/tests/cli/cdnow_check.py" "$log" "$tmp/$engine.json" "$tmp/$engine.csv" ||
    fail "--engine $engine differs from the Python computation"
done
finish
