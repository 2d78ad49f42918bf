#!/usr/bin/env bash
# One conformance case (tests/conformance/CASE/) through one engine:
#   run_case.sh SEGC SOURCE_DIR CASE ENGINE        (ENGINE: jit, interp or strict)
# `strict` is the JIT with --strict-columns (every declared column parsed, not only the ones the
# rules read): it must give the same expected results.
# Runs `segc run CASE/rules(.seg) --data CASE/data.csv --format json --engine ENGINE
# --out TMP/members.csv ARGS...` and checks
#   - the exit status against CASE/expected_exit (default 0);
#   - that stderr contains every line of CASE/expected_stderr_contains (if present);
#   - the JSON summary, normalized (see below), against CASE/expected.json;
#   - the --out file byte for byte against CASE/expected_members.csv, or, when that file does
#     not exist, that no --out file was written.
# Event tables: each CASE/events/NAME.csv is given as `--data NAME=FILE`; CASE/data.csv, the
# customer table, may then be absent (the customers are the events' keys).
# ARGS are the lines of CASE/args (one argument per line). Unless ARGS contain --as-of or the
# rules declare `as_of`, `--as-of 2026-11-01` is added so that no result depends on today.
# The summary is compared without the members that depend on how segc was run (engine,
# threads, segc_version, rules_hash), without data_hash (a hash of the bytes, not a result) and
# without a top-level "statistics" member (timing/diagnostic information, if present).
# SEGC_UPDATE_EXPECTED=1 rewrites expected.json and expected_members.csv (review the diff:
# the expected values of a case are computed by hand, see the comment in its rules).
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
CASE="$3"
ENGINE="$4"
source "$SOURCE_DIR/tests/cli/lib.sh"
make_tmp

dir="$SOURCE_DIR/tests/conformance/$CASE"
if [[ -d "$dir/rules" ]]; then
  rules="$dir/rules"
  rule_files=("$dir"/rules/*.seg)
else
  rules="$dir/rules.seg"
  rule_files=("$rules")
fi

args=()
if [[ -f "$dir/args" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    args+=("$line")
  done <"$dir/args"
fi
has_as_of=0
for a in ${args[@]+"${args[@]}"}; do
  [[ "$a" == --as-of || "$a" == --as-of=* ]] && has_as_of=1
done
if ((has_as_of == 0)) && ! grep -qE '^[[:space:]]*as_of[[:space:]]' "${rule_files[@]}"; then
  args+=(--as-of 2026-11-01)
fi

want_exit=0
[[ -f "$dir/expected_exit" ]] && want_exit="$(tr -d '[:space:]' <"$dir/expected_exit")"

data_args=()
[[ -f "$dir/data.csv" ]] && data_args+=(--data "$dir/data.csv")
for events in "$dir"/events/*.csv; do
  [[ -f "$events" ]] && data_args+=(--data "$(basename "$events" .csv)=$events")
done

engine_args=(--engine "$ENGINE")
[[ "$ENGINE" == strict ]] && engine_args=(--engine jit --strict-columns)

run_segc "$tmp/out.json" "$tmp/err.txt" run "$rules" "${data_args[@]}" --format json \
  "${engine_args[@]}" --out "$tmp/members.csv" ${args[@]+"${args[@]}"}
if ! expect_code "$want_exit" "$CASE ($ENGINE)"; then
  echo "---- stderr:" >&2
  cat "$tmp/err.txt" >&2
fi

if [[ -f "$dir/expected_stderr_contains" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ -z "$line" ]] && continue
    expect_contains "$tmp/err.txt" "$line" "$CASE ($ENGINE) stderr"
  done <"$dir/expected_stderr_contains"
fi

# normalize_json, then drop data_hash and a top-level "statistics" member (one line, or from
# `  "statistics": {` to its closing `  }` line), and remove the comma left before the final `}`.
{ normalize_json "$tmp/out.json" || true; } | awk '
  skipping { if ($0 ~ /^  \},?$/) skipping = 0; next }
  /^  "statistics": \{.*\},?$/ { next }
  /^  "statistics": \{$/ { skipping = 1; next }
  /^  "data_hash": / { next }
  {
    if ($0 == "}" && n > 0) sub(/,$/, "", buf[n])
    buf[++n] = $0
  }
  END { for (i = 1; i <= n; i++) print buf[i] }
' >"$tmp/got.json"

if [[ "${SEGC_UPDATE_EXPECTED:-}" == 1 ]]; then
  cp "$tmp/got.json" "$dir/expected.json"
  if [[ -f "$tmp/members.csv" ]]; then
    cp "$tmp/members.csv" "$dir/expected_members.csv"
  else
    rm -f "$dir/expected_members.csv"
  fi
  echo "updated $dir/expected.json and expected_members.csv"
fi

if [[ ! -f "$dir/expected.json" ]]; then
  fail "$CASE: expected.json is missing"
elif ! diff -u "$dir/expected.json" "$tmp/got.json" >&2; then
  fail "$CASE ($ENGINE): summary differs from expected.json"
fi

if [[ -f "$dir/expected_members.csv" ]]; then
  if [[ ! -f "$tmp/members.csv" ]]; then
    fail "$CASE ($ENGINE): no --out file was written"
  elif ! cmp -s "$dir/expected_members.csv" "$tmp/members.csv"; then
    diff -u "$dir/expected_members.csv" "$tmp/members.csv" >&2 || true
    fail "$CASE ($ENGINE): --out file differs from expected_members.csv"
  fi
elif [[ -f "$tmp/members.csv" ]]; then
  fail "$CASE ($ENGINE): an --out file was written, expected none"
fi
finish
