#!/usr/bin/env bash
# The demo: install dependencies, build segc, and check the bundled example projects.
# (`segc run` over the example data joins here when the run subcommand lands.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh release segc
echo
echo "\$ segc check examples/"
build/cli/segc check examples/
