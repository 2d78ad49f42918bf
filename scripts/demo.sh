#!/usr/bin/env bash
# The demo: install dependencies, build segc, check the bundled example projects, and run the
# retail rules over the bundled retail data (the main job: segments, scores and classes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh release segc
echo
echo "\$ segc check examples/"
build/cli/segc check examples/
echo
echo "\$ segc run examples/retail/rules --data examples/retail/data/customers.csv --as-of 2026-11-01"
build/cli/segc run examples/retail/rules --data examples/retail/data/customers.csv --as-of 2026-11-01
