#!/usr/bin/env bash
# Every help text of segc and of each subcommand (found in `segc --help`, so a new subcommand is
# covered without editing this test) has a French translation; `segc help CODE --lang fr` prints
# the code's French page (docs/fr/errors/CODE.md) for every code of `segc help codes`, and the
# code list in French names no code with its English summary; usage errors are in French.
#   lang_complete_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

mapfile -t subcommands < <("$SEGC" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NF > 1 {print $1}')
((${#subcommands[@]} >= 10)) || fail "found only ${#subcommands[@]} subcommands in 'segc --help'"
mapfile -t nested < <("$SEGC" schema --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NF > 1 {print "schema " $1}')

untranslated=""
for command in "" "${subcommands[@]}" "${nested[@]}"; do
  # shellcheck disable=SC2086  # "schema infer" is two words
  SEGC_LANG_CHECK=1 "$SEGC" $command --help --lang fr >"$tmp/help" 2>&1 || true
  if grep -q '\[untranslated\]' "$tmp/help"; then
    untranslated+="$(printf '\n  segc %s --help: %s' "$command" "$(grep -o '\[untranslated\].*' "$tmp/help" | head -3)")"
  fi
done
[[ -z "$untranslated" ]] ||
  fail "help texts without a French entry (compiler/diag/catalog_fr_cli.inc):$untranslated"

# The headings and the usage line are French too.
"$SEGC" run --help --lang fr >"$tmp/run_help"
expect_contains "$tmp/run_help" "Utilisation: segc run" "French usage line"
expect_contains "$tmp/run_help" "Évalue les règles" "French description"

# Each code: its French page, whose title gives the summary of the French code list.
"$SEGC" help codes >"$tmp/codes_en"
"$SEGC" help codes --lang fr >"$tmp/codes_fr"
[[ "$(wc -l <"$tmp/codes_en")" == "$(wc -l <"$tmp/codes_fr")" ]] || fail "code lists differ in length"
missing=""
while read -r code _; do
  "$SEGC" help "$code" --lang fr >"$tmp/page"
  if grep -q "^(pas de page docs/fr/errors" "$tmp/page"; then missing+=" $code"; fi
  grep -q "^# $code :" "$tmp/page" || missing+=" $code(title)"
done <"$tmp/codes_en"
[[ -z "$missing" ]] || fail "codes without a French page docs/fr/errors/CODE.md:$missing"
paste -d'|' <(cut -c15- "$tmp/codes_en" | sed 's/^ *//') <(sed 's/^[^ ]*  [a-z]* *//' "$tmp/codes_fr") |
  awk -F'|' '$1 == $2 {print "  " $1}' >"$tmp/same"
[[ ! -s "$tmp/same" ]] || fail "French code list keeps English summaries:
$(cat "$tmp/same")"

# Usage errors, also before parsing (--lang is read from the raw arguments).
set +e
"$SEGC" chek --lang fr 2>"$tmp/usage"
code=$?
set -e
expect_code 2 "unknown subcommand"
expect_contains "$tmp/usage" "segc: erreur: sous-commande inconnue 'chek'" "usage error"
expect_contains "$tmp/usage" "aide: vouliez-vous dire 'segc check' ?" "usage hint"
finish
