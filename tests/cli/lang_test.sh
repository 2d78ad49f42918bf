#!/usr/bin/env bash
# The language of messages: --lang fr, or the environment (LANG, LC_ALL, LC_MESSAGES, LANGUAGE)
# on a machine with only the C locale installed (nothing here calls setlocale); codes, places
# and machine keys stay the same in every language.
#   lang_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

mkdir "$tmp/rules"
cp "$SOURCE_DIR/examples/boutique_fr/rules/schema.seg" "$tmp/rules/"
echo 'segment Joignables where optin_email == vrai et nb_commandes > 0' >"$tmp/rules/regles.seg"

# check_in ENV... : runs `segc check` with the given environment (and no inherited locale).
check_in() {
  set +e
  env -u LANG -u LC_ALL -u LC_MESSAGES -u LANGUAGE "$@" "$SEGC" check --color never \
    "$tmp/rules" >"$tmp/out" 2>"$tmp/err"
  code=$?
  set -e
}

french='regles.seg:1:46: erreur[E0010]: '"'"'et'"'"' inattendu après '"'"'vrai'"'"
english='regles.seg:1:46: error[E0010]: unexpected '"'"'et'"'"' after '"'"'vrai'"'"

check_in LANG=fr_FR.UTF-8
expect_code 1 "LANG=fr_FR.UTF-8"
expect_contains "$tmp/err" "$french" "LANG=fr_FR.UTF-8"
expect_contains "$tmp/err" "= aide: écrivez 'and' pour joindre des conditions" "LANG=fr_FR.UTF-8"
expect_contains "$tmp/err" "échec de la vérification : 1 erreur, 0 avertissement" "LANG=fr_FR.UTF-8"

check_in LANG=en_US.UTF-8 LC_MESSAGES=fr_FR.UTF-8
expect_contains "$tmp/err" "$french" "LC_MESSAGES wins over LANG"
check_in LANG=fr_FR.UTF-8 LC_ALL=C
expect_contains "$tmp/err" "$english" "LC_ALL=C wins over LANG"
check_in LANGUAGE=fr:en LANG=en_GB.UTF-8
expect_contains "$tmp/err" "$french" "LANGUAGE=fr:en"
check_in LANGUAGE=fr LANG=C
expect_contains "$tmp/err" "$english" "LANGUAGE is ignored in the C locale"
check_in
expect_contains "$tmp/err" "$english" "no locale at all"

# --lang wins over the environment, on every subcommand.
set +e
LANG=fr_FR.UTF-8 "$SEGC" check --lang en --color never "$tmp/rules" 2>"$tmp/err" >/dev/null
set -e
expect_contains "$tmp/err" "$english" "--lang en over LANG=fr"
run_segc "$tmp/out" "$tmp/err" run "$tmp/rules" --lang fr --data /nonexistent.csv --color never
expect_code 1 "segc run --lang fr with a rule error"
expect_contains "$tmp/err" "$french" "segc run --lang fr"
expect_contains "$tmp/err" "run a échoué : 1 erreur dans les règles" "segc run --lang fr"

# Machine formats: same code and place, the message in French.
run_segc "$tmp/out" "$tmp/err" check "$tmp/rules" --lang fr --format json
expect_code 1 "--format json --lang fr"
[[ "$(jq -r '.diagnostics[0].code' "$tmp/out")" == E0010 ]] || fail "json code"
[[ "$(jq -r '.diagnostics[0].severity' "$tmp/out")" == error ]] || fail "json severity stays a key"
[[ "$(jq -r '.diagnostics[0].message' "$tmp/out")" == "'et' inattendu après 'vrai'" ]] ||
  fail "json message in French: $(jq -r '.diagnostics[0].message' "$tmp/out")"

run_segc "$tmp/out" "$tmp/err" check "$tmp/rules" --lang de
expect_code 2 "--lang de"
finish
