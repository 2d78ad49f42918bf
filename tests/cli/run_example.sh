#!/usr/bin/env bash
# End-to-end runs of one example (examples/NAME): the JIT result must match the checked-in
# examples/NAME/expected.json (mode `expected`), the interpreter must give the same JSON as the
# JIT apart from "engine" (mode `engines`), and --threads 1, 2 and 7 must give identical
# summaries and identical --out files (mode `threads`), and a run with --strict-columns (every
# declared column parsed) must give the same summary and --out file as the default run, which
# parses only the columns the rules read (mode `columns`).
#   run_example.sh SEGC SOURCE_DIR NAME MODE
# SEGC_UPDATE_EXPECTED=1 rewrites expected.json (review the diff).
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
NAME="$3"
MODE="$4"
source "$(dirname "$0")/lib.sh"
make_tmp

example="$SOURCE_DIR/examples/$NAME"
data="$(ls "$example"/data/*.csv | head -1)"
args=("$example/rules" --data "$data" --format json)

case "$MODE" in
  expected)
    run_segc "$tmp/jit.json" "$tmp/jit.err" run "${args[@]}"
    expect_code 0 "segc run $NAME" || cat "$tmp/jit.err" >&2
    normalize_json "$tmp/jit.json" >"$tmp/got.json"
    if [[ "${SEGC_UPDATE_EXPECTED:-}" == 1 ]]; then
      cp "$tmp/got.json" "$example/expected.json"
      echo "updated $example/expected.json"
    fi
    if ! diff -u "$example/expected.json" "$tmp/got.json" >&2; then
      fail "$NAME: summary differs from expected.json (SEGC_UPDATE_EXPECTED=1 to accept)"
    fi
    ;;
  engines)
    run_segc "$tmp/jit.json" "$tmp/jit.err" run "${args[@]}" --engine jit --out "$tmp/jit.csv"
    expect_code 0 "jit run" || cat "$tmp/jit.err" >&2
    run_segc "$tmp/interp.json" "$tmp/interp.err" run "${args[@]}" --engine interp \
      --out "$tmp/interp.csv"
    expect_code 0 "interp run" || cat "$tmp/interp.err" >&2
    expect_contains "$tmp/jit.json" '"engine": "jit"' "jit summary"
    expect_contains "$tmp/interp.json" '"engine": "interp"' "interp summary"
    grep -v '"engine"' "$tmp/jit.json" >"$tmp/a"
    grep -v '"engine"' "$tmp/interp.json" >"$tmp/b"
    diff -u "$tmp/a" "$tmp/b" >&2 || fail "$NAME: jit and interp summaries differ"
    cmp -s "$tmp/jit.csv" "$tmp/interp.csv" || fail "$NAME: jit and interp --out files differ"
    ;;
  threads)
    for threads in 1 2 7; do
      run_segc "$tmp/t$threads.json" "$tmp/t$threads.err" run "${args[@]}" \
        --threads "$threads" --out "$tmp/t$threads.jsonl"
      expect_code 0 "--threads $threads" || cat "$tmp/t$threads.err" >&2
      expect_contains "$tmp/t$threads.json" "\"threads\": $threads" "--threads $threads"
      grep -v '"threads"' "$tmp/t$threads.json" >"$tmp/t$threads.cmp"
    done
    for threads in 2 7; do
      cmp -s "$tmp/t1.cmp" "$tmp/t$threads.cmp" || fail "$NAME: --threads $threads summary differs"
      cmp -s "$tmp/t1.jsonl" "$tmp/t$threads.jsonl" || fail "$NAME: --threads $threads --out differs"
    done
    ;;
  columns)
    for how in default strict; do
      extra=()
      [[ "$how" == strict ]] && extra=(--strict-columns)
      run_segc "$tmp/$how.json" "$tmp/$how.err" run "${args[@]}" --out "$tmp/$how.csv" \
        ${extra[@]+"${extra[@]}"}
      expect_code 0 "$how run" || cat "$tmp/$how.err" >&2
    done
    diff -u "$tmp/default.json" "$tmp/strict.json" >&2 ||
      fail "$NAME: the --strict-columns summary differs from the default one"
    cmp -s "$tmp/default.csv" "$tmp/strict.csv" ||
      fail "$NAME: the --strict-columns --out file differs from the default one"
    ;;
  *)
    echo "unknown mode $MODE" >&2
    exit 2
    ;;
esac
finish
