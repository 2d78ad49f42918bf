#!/usr/bin/env bash
# Smoke run of one libFuzzer target (CTest label `fuzz`): smoke.sh FUZZER FUZZ_DIR NAME
# Runs every input of corpus/NAME and regress/NAME (past crashes) once, then fuzzes from them with
# NAME.dict for a bounded time (SEGC_FUZZ_SMOKE_SECONDS, default 15) or number of executions
# (SEGC_FUZZ_SMOKE_RUNS, default 20000), whichever ends first. The inputs it finds go to a scratch
# directory, never into the source tree; a crashing input is kept as fuzz-NAME-crash-* in the
# working directory (the build's tests/fuzz/).
set -euo pipefail
fuzzer="$1"
dir="$2"
name="$3"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
corpora=("$dir/corpus/$name")
if [[ -d "$dir/regress/$name" ]]; then corpora+=("$dir/regress/$name"); fi
extra=()
# clang 14's entropic scheduling spends two thirds of the check fuzzer's time updating feature
# frequencies (perf); without it the target runs twice as many inputs for the same coverage.
if [[ "$name" == check ]]; then extra+=(-entropic=0); fi
# -timeout: an input that takes 30 s on a few rows is a hang; -rss_limit_mb keeps a runaway
# allocation from taking the machine.
"$fuzzer" -dict="$dir/$name.dict" -max_len=4096 -timeout=30 -rss_limit_mb=2048 \
  -runs="${SEGC_FUZZ_SMOKE_RUNS:-20000}" -max_total_time="${SEGC_FUZZ_SMOKE_SECONDS:-15}" \
  -artifact_prefix="$PWD/fuzz-$name-" -print_final_stats=1 "${extra[@]}" "$scratch" "${corpora[@]}"
