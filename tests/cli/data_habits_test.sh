#!/usr/bin/env bash
# Data as French (and other) exports come: errors that name the fix.
#   - a missing data file: "cannot open FILE: No such file or directory", exit 3 (before: "the
#     data does not match table ...");
#   - a header that differs from the declaration by case, accents, surrounding spaces or
#     separators: the missing-column error names the file's column;
#   - a decimal comma that appears after the first 1,000 records (detection samples those):
#     the error names --decimal-comma;
#   - schema infer keeps postcodes with a leading zero and phone numbers with '+' as strings
#     (before: int, so 01000 became 1000), while zero-padded ids stay ints;
#   - a Windows-1252 export of French Excel: schema infer reads it as such and says so, run
#     reads it with --encoding (before: raw bytes in the schema, "invalid UTF-8" at run).
#   data_habits_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

mkdir "$tmp/rules"
cat >"$tmp/rules/schema.seg" <<'EOF'
table clients key id {
  id: int
  first_name: string
  region: string
  total: float
}
EOF
echo 'segment Big where total > 100' >"$tmp/rules/rules.seg"

run_segc "$tmp/out" "$tmp/err" run "$tmp/rules" --data "$tmp/absent.csv"
expect_code 3 "missing data file"
expect_contains "$tmp/err" "segc: error: cannot open $tmp/absent.csv: No such file or directory" \
  "missing data file"
expect_contains "$tmp/err" "run failed: cannot read '$tmp/absent.csv'" "missing data file"
grep -q "does not match" "$tmp/err" && fail "a missing file is reported as a mismatch"

printf 'id,First Name ,R\xc3\xa9gion,total\n1,Ann,Nord,120\n' >"$tmp/header.csv"
run_segc "$tmp/out" "$tmp/err" run "$tmp/rules" --data "$tmp/header.csv"
expect_code 3 "header spelt differently"
expect_contains "$tmp/err" "missing column 'first_name' (string) declared in table 'clients' (the file has 'First Name ': rename the column in the file, or declare it as \`First Name \` in the schema)" \
  "header did-you-mean (case, space, separator)"
expect_contains "$tmp/err" "missing column 'region' (string) declared in table 'clients' (the file has 'Région'" \
  "header did-you-mean (accent)"

{
  echo "id;first_name;region;total"
  for i in $(seq 1 1200); do echo "$i;a;b;$i"; done
  echo "1201;a;b;1201,5"
} >"$tmp/late_comma.csv"
run_segc "$tmp/out" "$tmp/err" run "$tmp/rules" --data "$tmp/late_comma.csv"
expect_code 3 "decimal comma after the sample"
expect_contains "$tmp/err" "late_comma.csv:1202:4: data error: invalid float '1201,5' in column 'total': a decimal comma, but the file was read with decimal points (pass --decimal-comma)" \
  "decimal comma names --decimal-comma"
run_segc "$tmp/out" "$tmp/err" run "$tmp/rules" --data "$tmp/late_comma.csv" --decimal-comma
expect_code 0 "--decimal-comma reads it" || cat "$tmp/err" >&2

printf 'client_id;code_postal;tel;montant\n00001;01000;+33612345678;12,5\n00002;75001;+33123456789;3\n' \
  >"$tmp/codes.csv"
run_segc "$tmp/schema.seg" "$tmp/err" schema infer "$tmp/codes.csv"
expect_code 0 "schema infer of codes" || cat "$tmp/err" >&2
for line in "client_id: int" "code_postal: string" "tel: string" "montant: float"; do
  expect_contains "$tmp/schema.seg" "$line" "schema infer keeps codes as text"
done

# An export from French Excel on Windows: Windows-1252 (é = 0xE9, € = 0x80), CRLF, ';',
# decimal commas, Oui/Non, DD/MM/YYYY. schema infer sees that it is not UTF-8, reads it as
# Windows-1252 and says so; the schema it proposes loads the file with --encoding windows-1252.
printf 'client_id;Pr\xe9nom;Ville;Montant;Remise;Actif;Inscription\r\n1;Ana\xefs;Orl\xe9ans;1\xa0234,50 \x80;10%%;Oui;31/12/2025\r\n2;Zo\xe9;Lille;12 \x80;0%%;Non;01/02/2026\r\n3;\xc9lodie;S\xe8te;250,25 \x80;12,5%%;Oui;15/07/2024\r\n' \
  >"$tmp/excel.csv"
mkdir "$tmp/excel"
run_segc "$tmp/excel/schema.seg" "$tmp/err" schema infer "$tmp/excel.csv" --table clients
expect_code 0 "schema infer of a Windows-1252 export" || cat "$tmp/err" >&2
for line in "# the file is not UTF-8: read as windows-1252" '`Prénom`: string' "Ville: string" \
  'Montant: float("1 234,56 €")' 'Remise: float("12,5%")' "Actif: bool" \
  'Inscription: date("%d/%m/%Y")'; do
  expect_contains "$tmp/excel/schema.seg" "$line" "schema infer of a Windows-1252 export"
done
cat >"$tmp/excel/rules.seg" <<'EOF'
segment Active_Big where Actif and Montant > 100 and Inscription < 2026-01-01
segment From_Sete where Ville == "Sète"
score spent = Montant
score discount = Remise
EOF
run_segc "$tmp/out" "$tmp/err" run "$tmp/excel" --data "$tmp/excel.csv" --as-of 2026-03-01
expect_code 3 "a Windows-1252 export read as UTF-8"
expect_contains "$tmp/err" "pass --encoding windows-1252" "a Windows-1252 export read as UTF-8"
run_segc "$tmp/out" "$tmp/err" run "$tmp/excel" --data "$tmp/excel.csv" --as-of 2026-03-01 \
  --encoding windows-1252 --format json
expect_code 0 "--encoding windows-1252" || cat "$tmp/err" >&2
tr -d ' \n' <"$tmp/out" >"$tmp/flat"
expect_contains "$tmp/flat" '"Active_Big":{"count":2' "Oui/Non, decimal commas and dates read"
expect_contains "$tmp/flat" '"From_Sete":{"count":1' "accented values read as UTF-8"
expect_contains "$tmp/flat" '"sum":1496.75' "amounts with thousands spaces, decimal commas and €"
expect_contains "$tmp/flat" '"sum":0.225' "percentages are fractions"
# The same export saved as Excel's "CSV UTF-8": a byte-order mark, UTF-8 text. The mark says
# what the file is, even where --encoding says otherwise.
{
  printf '\xef\xbb\xbf'
  tail -c +1 "$tmp/excel.csv" | iconv -f WINDOWS-1252 -t UTF-8
} >"$tmp/excel_utf8.csv"
for encoding in utf-8 windows-1252; do
  run_segc "$tmp/out" "$tmp/err" run "$tmp/excel" --data "$tmp/excel_utf8.csv" \
    --as-of 2026-03-01 --encoding "$encoding" --format json
  expect_code 0 "UTF-8 export with a BOM, --encoding $encoding" || cat "$tmp/err" >&2
  tr -d ' \n' <"$tmp/out" >"$tmp/flat"
  expect_contains "$tmp/flat" '"From_Sete":{"count":1' "UTF-8 export with a BOM, --encoding $encoding"
done

# A column's own boolean texts: bool("O/N") reads O/N (any case) besides the usual ones, and
# names them when a value is neither.
mkdir "$tmp/tokens"
printf 'table contacts key id {\n  id: int\n  optin: bool("O/N")\n}\n' >"$tmp/tokens/schema.seg"
echo 'segment Opted_In where optin' >"$tmp/tokens/rules.seg"
printf 'id;optin\n1;O\n2;n\n3;Oui\n4;false\n5;\n' >"$tmp/tokens.csv"
run_segc "$tmp/out" "$tmp/err" run "$tmp/tokens" --data "$tmp/tokens.csv" --format json
expect_code 0 'bool("O/N")' || cat "$tmp/err" >&2
tr -d ' \n' <"$tmp/out" >"$tmp/flat"
expect_contains "$tmp/flat" '"Opted_In":{"count":2' 'bool("O/N") reads O and Oui as true'
printf 'id;optin\n1;peut-etre\n' >"$tmp/tokens_bad.csv"
run_segc "$tmp/out" "$tmp/err" run "$tmp/tokens" --data "$tmp/tokens_bad.csv"
expect_code 3 'bool("O/N") with another text'
expect_contains "$tmp/err" "invalid bool 'peut-etre' in column 'optin', expected O/N or true/false" \
  'bool("O/N") names its texts'

finish
