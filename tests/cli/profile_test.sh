#!/usr/bin/env bash
# `segc profile`: golden text and JSON reports.
#   profile_test.sh SEGC SOURCE_DIR examples   every bundled example's data, typed by its rules
#                                             and inferred; French headings; a file with
#                                             invalid values, malformed records and duplicate
#                                             keys; errors (missing file, bad --key, no header)
#   profile_test.sh SEGC SOURCE_DIR cdnow      the CDNOW files in ../shared/data/cdnow (read in
#                                             place, never copied), with figures recomputed by
#                                             awk, sort and uniq; skipped (exit 77) when absent
# SEGC_UPDATE_EXPECTED=1 (or SEGC_UPDATE_GOLDEN=1) rewrites the golden files in tests/cli/profile.
set -euo pipefail
SEGC="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
SOURCE_DIR="$(cd "$2" && pwd)"
part="${3:-examples}"
source "$(dirname "$0")/lib.sh"
make_tmp
[[ "${SEGC_UPDATE_EXPECTED:-0}" == 1 ]] && export SEGC_UPDATE_GOLDEN=1
goldens="$SOURCE_DIR/tests/cli/profile"
cd "$SOURCE_DIR"  # relative paths in the reports, so the goldens hold no checkout path

# golden NAME ARGS...: `segc profile ARGS` exits 0 and prints NAME.
golden() {
  local name="$1"
  shift
  run_segc "$tmp/out" "$tmp/err" profile "$@"
  expect_code 0 "profile $name" || cat "$tmp/err" >&2
  [[ -s "$tmp/err" ]] && fail "profile $name: stderr not empty: $(head -3 "$tmp/err")"
  compare_golden "$goldens/$name" "profile $name"
}

examples() {
  local example data
  for example in retail b2b_leads lifecycle_consent support_tiers boutique_fr; do
    data="$(ls examples/$example/data/*.csv)"
    golden "$example.txt" "$data" --schema "examples/$example/rules"
    golden "$example.json" "$data" --schema "examples/$example/rules" --format json
    golden "${example}_inferred.txt" "$data"
  done
  golden boutique_fr.fr.txt examples/boutique_fr/data/clients.csv \
    --schema examples/boutique_fr/rules --lang fr
  # Every French heading is in the catalogue.
  for example in retail boutique_fr; do
    data="$(ls examples/$example/data/*.csv)"
    SEGC_LANG_CHECK=1 run_segc "$tmp/out" "$tmp/err" profile "$data" --lang fr
    grep -q untranslated "$tmp/out" && fail "profile --lang fr: $(grep untranslated "$tmp/out")"
  done
  SEGC_LANG_CHECK=1 run_segc "$tmp/out" "$tmp/err" profile tests/cli/profile/audit.csv \
    --schema tests/cli/profile/rules --lang fr
  grep -q untranslated "$tmp/out" && fail "profile --lang fr: $(grep untranslated "$tmp/out")"

  # Invalid values, a malformed record, duplicate and empty keys, a missing declared column,
  # an undeclared column (inferred), null tokens.
  golden audit.txt tests/cli/profile/audit.csv --schema tests/cli/profile/rules --null NA
  golden audit.json tests/cli/profile/audit.csv --schema tests/cli/profile/rules --null NA \
    --format json --top 2

  # The same file read by `segc run` fails on the values the profile calls invalid.
  run_segc "$tmp/out" "$tmp/err" run tests/cli/profile/rules --data tests/cli/profile/audit.csv
  expect_code 3 "run on audit.csv"

  run_segc "$tmp/out" "$tmp/err" profile no/such.csv
  expect_code 3 "profile of a missing file"
  expect_contains "$tmp/err" "cannot open no/such.csv: No such file or directory" "missing file"
  expect_contains "$tmp/err" "profile failed: cannot read 'no/such.csv'" "missing file"

  run_segc "$tmp/out" "$tmp/err" profile examples/retail/data/customers.csv --key custmer_id
  expect_code 2 "profile --key custmer_id"
  expect_contains "$tmp/err" "did you mean 'customer_id'?" "profile --key custmer_id"

  run_segc "$tmp/out" "$tmp/err" profile examples/retail/data/customers.csv --top -1
  expect_code 2 "profile --top -1"

  printf 'a,b,a\n1,2,3\n' >"$tmp/twice.csv"
  run_segc "$tmp/out" "$tmp/err" profile "$tmp/twice.csv"
  expect_code 3 "profile of a header naming a column twice"
  expect_contains "$tmp/err" "column 'a' appears twice in the header" "header naming a column twice"
  : >"$tmp/empty.csv"
  run_segc "$tmp/out" "$tmp/err" profile "$tmp/empty.csv"
  expect_code 3 "profile of an empty file"

  run_segc "$tmp/out" "$tmp/err" profile examples/retail/data/customers.csv --top 0
  expect_code 0 "profile --top 0"
  grep -q "top values" "$tmp/out" && fail "profile --top 0 prints top values"

  run_segc "$tmp/out" "$tmp/err" profile --help
  expect_code 0 "profile --help"
  expect_contains "$tmp/out" "segc profile" "profile --help"
  expect_contains "$tmp/out" "--decimal-comma" "profile --help"
  expect_contains "$tmp/out" "--lang" "profile --help"

  # Rule errors in --schema: diagnostics and exit 1, nothing on stdout.
  mkdir "$tmp/bad"
  echo 'table t key id { id: in }' >"$tmp/bad/schema.seg"
  run_segc "$tmp/out" "$tmp/err" profile examples/retail/data/customers.csv --schema "$tmp/bad"
  expect_code 1 "profile --schema with errors"
  [[ -s "$tmp/out" ]] && fail "profile --schema with errors: stdout not empty"

  # A gzip file reads as the plain one.
  gzip -c examples/retail/data/customers.csv >"$tmp/customers.csv.gz"
  run_segc "$tmp/out" "$tmp/err" profile "$tmp/customers.csv.gz" --format json
  run_segc "$tmp/plain" "$tmp/err" profile examples/retail/data/customers.csv --format json
  diff <(grep -v '"file"\|"table"' "$tmp/out") <(grep -v '"file"\|"table"' "$tmp/plain") >&2 ||
    fail "profile of the gzip file differs from the plain file"
}

# Bounded memory: a file ten times larger (54 MB) does not raise the peak RSS by more than a
# few pages; only the distinct values (here a few thousand) are kept. Needs GNU time.
memory() {
  [[ -x /usr/bin/time ]] || { echo "no /usr/bin/time: memory check skipped"; return; }
  local rows size
  for rows in 200000 2000000; do
    awk -v n="$rows" 'BEGIN { print "id,grp,amount,day,tag"; for (i = 0; i < n; i++)
      printf "%d,%d,%.2f,2026-01-%02d,t%d\n", i % 1000, i % 7, (i % 500) * 1.25, 1 + i % 28, i % 13 }' \
      >"$tmp/m.csv"
    /usr/bin/time -f "%M" -o "$tmp/rss.$rows" "$SEGC" profile "$tmp/m.csv" >"$tmp/out" ||
      fail "profile of $rows rows failed"
    expect_contains "$tmp/out" "$rows records" "profile of $rows rows"
  done
  local small big
  small="$(tail -1 "$tmp/rss.200000")" big="$(tail -1 "$tmp/rss.2000000")"
  echo "peak RSS: $small KB for 200000 rows, $big KB for 2000000 rows"
  ((big < small + 16384)) || fail "peak RSS grows with the file: $small KB -> $big KB"
  rm -f "$tmp/m.csv"
}

# json_field FILE PYTHON_EXPR: a value of the JSON report (f = the first file's object).
json_field() {
  python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["files"][0]; print(eval(sys.argv[2]))' \
    "$1" "$2"
}

# check_same WHAT EXPECTED ACTUAL
check_same() {
  [[ "$2" == "$3" ]] || fail "$1: segc says '$3', recomputed '$2'"
}

cdnow() {
  local dir=../shared/data/cdnow
  if [[ ! -r "$dir/CDNOW_master.txt" ]]; then
    echo "SKIP: $SOURCE_DIR/$dir/CDNOW_master.txt is not there"
    exit 77
  fi
  local master="$dir/CDNOW_master.txt"
  golden cdnow_master.txt "$master" --key customer_id
  golden cdnow_master.json "$master" --key customer_id --format json
  golden cdnow_purchases.txt "purchases=$master" --schema examples/cdnow/rules
  golden cdnow_purchases.json "purchases=$master" --schema examples/cdnow/rules --format json
  golden cdnow_elog.txt "$dir/cdnowElog.csv" --key masterid
  golden cdnow_elog.json "$dir/cdnowElog.csv" --key masterid --format json
  golden cdnow_summary.txt "$dir/cdnow_customers_summary.csv"
  golden cdnow_summary.json "$dir/cdnow_customers_summary.csv" --format json
  golden cdnow_summary_tx.txt "$dir/cdnow_customers_summary_with_transactions.csv"
  # CDNOW_sample.txt has no header line: exit 3 with the hint.
  run_segc "$tmp/out" "$tmp/err" profile "$dir/CDNOW_sample.txt"
  expect_code 3 "profile CDNOW_sample.txt"
  expect_contains "$tmp/err" "looks like data, not a header" "profile CDNOW_sample.txt"

  # The figures again, by an independent method: awk, sort and uniq over the raw file.
  command -v python3 >/dev/null || { echo "SKIP: no python3 to read the JSON"; finish; }
  local json="$goldens/cdnow_master.json"
  check_same records "$(awk 'NR > 1 && NF > 0' "$master" | wc -l)" "$(json_field "$json" 'f["records"]')"
  check_same "distinct customers" "$(awk 'NR > 1 { print $1 + 0 }' "$master" | sort -u | wc -l)" \
    "$(json_field "$json" 'f["key"]["distinct"]')"
  check_same "customers with several purchases" \
    "$(awk 'NR > 1 { print $1 + 0 }' "$master" | sort | uniq -d | wc -l)" \
    "$(json_field "$json" 'f["key"]["duplicated_keys"]')"
  check_same "distinct dates" "$(awk 'NR > 1 { print $2 }' "$master" | sort -u | wc -l)" \
    "$(json_field "$json" 'f["columns"][1]["distinct"]')"
  check_same "first and last date" \
    "$(awk 'NR > 1 { print $2 }' "$master" | sort | sed -n '1p;$p' | sed -E 's/(....)(..)(..)/\1-\2-\3/' | paste -sd' ')" \
    "$(json_field "$json" 'f["columns"][1]["min"] + " " + f["columns"][1]["max"]')"
  check_same "top number_of_cds" \
    "$(awk 'NR > 1 { print $3 }' "$master" | sort -n | uniq -c | sort -k1,1nr -k2,2n | head -5 |
      awk '{ printf "%s:%s ", $2, $1 }')" \
    "$(json_field "$json" '"".join("%s:%s " % (t["value"], t["count"]) for t in f["columns"][2]["top"])')"
  check_same "dollar_value min and max" \
    "$(awk 'NR > 1 { print $4 }' "$master" | sort -g | sed -n '1p;$p' | awk '{ printf "%g ", $1 }')" \
    "$(json_field "$json" '"%g %g " % (f["columns"][3]["min"], f["columns"][3]["max"])')"
  # (The file ends its lines with CRLF: `$4 + 0` makes the last field a number for awk.)
  check_same "top dollar_value" \
    "$(awk 'NR > 1 { print $4 + 0 }' "$master" | sort -g | uniq -c | sort -k1,1nr -k2,2g | head -5 |
      awk '{ printf "%s:%s ", $2, $1 }')" \
    "$(json_field "$json" '"".join("%g:%s " % (t["value"], t["count"]) for t in f["columns"][3]["top"])')"
  check_same "distinct dollar_value" "$(awk 'NR > 1 { print $4 + 0 }' "$master" | sort -u | wc -l)" \
    "$(json_field "$json" 'f["columns"][3]["distinct"]')"
  check_same "top dates" \
    "$(awk 'NR > 1 { print $2 }' "$master" | sort | uniq -c | sort -k1,1nr -k2,2 | head -5 |
      awk '{ printf "%s-%s-%s:%s ", substr($2, 1, 4), substr($2, 5, 2), substr($2, 7, 2), $1 }')" \
    "$(json_field "$json" '"".join("%s:%s " % (t["value"], t["count"]) for t in f["columns"][1]["top"])')"
  local elog="$goldens/cdnow_elog.json"
  check_same "elog sales distinct" "$(awk -F, 'NR > 1 { print $5 + 0 }' "$dir/cdnowElog.csv" | sort -u | wc -l)" \
    "$(json_field "$elog" 'f["columns"][4]["distinct"]')"
}

case "$part" in
  examples)
    examples
    memory
    ;;
  cdnow) cdnow ;;
  *) echo "usage: profile_test.sh SEGC SOURCE_DIR examples|cdnow" >&2; exit 2 ;;
esac
finish
