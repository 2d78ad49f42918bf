#!/usr/bin/env bash
# `segc run` over one file of tests/data/bad_csv (the runtime's CSV error goldens, read-only here):
# exit 3, the data errors on stderr exactly as NAME.expected lists them (FILE:LINE[:COL]: data
# error: ...), nothing on stdout, and no --out file left behind. A file that loads (NAME.expected
# says "ok: N rows") must run with exit 0 and report N rows. The run has --strict-columns, so
# every declared column is checked, not only those the rules read; without it, an error in a
# column no rule reads (nul_byte.csv: 'name') is not one, and the run succeeds.
#   bad_csv_test.sh SEGC SOURCE_DIR NAME
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
NAME="$3"
source "$(dirname "$0")/lib.sh"
make_tmp

rules="$SOURCE_DIR/tests/cli/bad_csv_rules"
expected="$SOURCE_DIR/tests/data/bad_csv/$NAME.expected"
# Run from the data folder so that error lines name the file as the goldens do.
cd "$SOURCE_DIR/tests/data/bad_csv"
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$NAME.csv" --format json --threads 2 \
  --out "$tmp/members.csv" --strict-columns

if [[ "$NAME" == nul_byte ]]; then
  strict_code=$code
  run_segc "$tmp/lax_out" "$tmp/lax_err" run "$rules" --data "$NAME.csv" --format json
  expect_code 0 "$NAME.csv without --strict-columns (the bad field is in a column no rule reads)"
  code=$strict_code
fi

if grep -q '^ok: ' "$expected"; then
  expect_code 0 "$NAME.csv loads"
  rows="$(sed -n 's/^ok: \([0-9]*\) rows$/\1/p' "$expected")"
  expect_contains "$tmp/out" "\"rows\": $rows," "$NAME.csv row count"
  [[ -f "$tmp/members.csv" ]] || fail "$NAME.csv: no --out file after a successful run"
  finish
  exit 0
fi

expect_code 3 "$NAME.csv" || true
[[ -s "$tmp/out" ]] && fail "$NAME.csv: stdout is not empty: $(head -3 "$tmp/out")"
[[ -e "$tmp/members.csv" ]] && fail "$NAME.csv: --out file written despite bad data"
ls "$tmp" | grep -q '\.tmp' && fail "$NAME.csv: temporary file left behind: $(ls "$tmp")"
# Every data error line, in order, then the one-line verdict.
grep -v '^run failed: ' "$tmp/err" >"$tmp/errors" || true
if ! diff -u "$expected" "$tmp/errors" >&2; then
  fail "$NAME.csv: data errors on stderr differ from $NAME.expected"
fi
expect_contains "$tmp/err" "run failed: the data in '$NAME.csv' does not match table 'customers'" \
  "$NAME.csv verdict"
# Errors about a field carry line and column: NAME.csv:LINE:COL: data error: ...
if grep -q "^$NAME.csv:[0-9]*:[0-9]*: data error" "$expected"; then
  grep -q "^$NAME.csv:[0-9]*:[0-9]*: data error" "$tmp/err" || fail "$NAME.csv: no line:column"
fi

# The same errors in French (NAME.fr.expected: same lines and columns), every message translated
# (SEGC_LANG_CHECK marks a message the catalogue lacks). SEGC_UPDATE_EXPECTED=1 rewrites the file.
fr_expected="$SOURCE_DIR/tests/data/bad_csv/$NAME.fr.expected"
SEGC_LANG_CHECK=1 run_segc "$tmp/fr_out" "$tmp/fr_err" run "$rules" --data "$NAME.csv" \
  --threads 2 --strict-columns --lang fr
expect_code 3 "$NAME.csv in French" || true
if grep -q '\[untranslated\]' "$tmp/fr_err"; then
  fail "$NAME.csv: messages without a French translation (compiler/diag/catalog_fr_cli.inc):
$(grep '\[untranslated\]' "$tmp/fr_err")"
fi
if [[ "${SEGC_UPDATE_EXPECTED:-}" == 1 ]]; then
  cp "$tmp/fr_err" "$fr_expected"
elif ! diff -u "$fr_expected" "$tmp/fr_err" >&2; then
  fail "$NAME.csv: French data errors differ from $NAME.fr.expected"
fi
grep -oE '^[^:]+:[0-9]+(:[0-9]+)?: ' "$tmp/errors" >"$tmp/en_places" || true
grep -oE '^[^:]+:[0-9]+(:[0-9]+)?: ' "$tmp/fr_err" >"$tmp/fr_places" || true
diff -u "$tmp/en_places" "$tmp/fr_places" >&2 || fail "$NAME.csv: French errors at other places"
finish
