#!/usr/bin/env bash
# `segc schema infer`: the declaration inferred from each example's data type-checks, names the
# right key, and agrees with the example's hand-written schema on the column types it can know;
# unreadable or malformed data exits 3 with the data error.
#   schema_infer_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

data="$SOURCE_DIR/examples/retail/data/customers.csv"
run_segc "$tmp/schema.seg" "$tmp/err" schema infer "$data"
expect_code 0 "infer retail" || cat "$tmp/err" >&2
expect_contains "$tmp/schema.seg" "table customers key customer_id {" "retail table line"
for line in "customer_id: int" "total_spent: float" "last_purchase: date" \
  'birth_date: date("%d/%m/%Y")' "consent_email: bool" "email: string" \
  '`Web Sessions 90d`: int' 'loyalty_tier: enum('; do
  expect_contains "$tmp/schema.seg" "$line" "retail column"
done
# The output is a valid schema.seg: a project of it plus one rule checks cleanly.
mkdir "$tmp/p"
cp "$tmp/schema.seg" "$tmp/p/schema.seg"
echo 'segment Big where total_spent > 1000' >"$tmp/p/rules.seg"
run_segc "$tmp/out" "$tmp/err" check "$tmp/p"
expect_code 0 "inferred schema checks" || cat "$tmp/err" >&2

run_segc "$tmp/b2b.seg" "$tmp/err" schema infer "$SOURCE_DIR/examples/b2b_leads/data/leads.csv" \
  --table leads --key lead_id --sample 500
expect_code 0 "infer b2b"
expect_contains "$tmp/b2b.seg" "table leads key lead_id {" "--table and --key"
expect_contains "$tmp/b2b.seg" "(first 500 records)" "--sample"
expect_contains "$tmp/b2b.seg" "demo_requested: bool" "TRUE/FALSE as bool"

run_segc "$tmp/out" "$tmp/err" schema infer "$tmp/missing.csv"
expect_code 3 "missing file"
expect_contains "$tmp/err" "missing.csv" "missing file message"
run_segc "$tmp/out" "$tmp/err" schema infer "$SOURCE_DIR/tests/data/bad_csv/empty.csv"
expect_code 3 "empty file"
expect_contains "$tmp/err" "empty file" "empty file message"
[[ -s "$tmp/out" ]] && fail "schema infer printed a schema for an empty file"

# A key is never a column that repeats: the first unique id-like column, else an error (exit 3).
printf 'customer_id,order_id,amount\n1,10,5\n2,11,5\n1,12,7\n' >"$tmp/orders.csv"
run_segc "$tmp/out" "$tmp/err" schema infer "$tmp/orders.csv"
expect_code 0 "orders: a unique id column"
expect_contains "$tmp/out" "table orders key order_id {" "the unique id column is the key"
run_segc "$tmp/out" "$tmp/err" schema infer "$tmp/orders.csv" --key customer_id
expect_code 3 "--key that repeats"
expect_contains "$tmp/err" "--key 'customer_id' cannot be the key of '$tmp/orders.csv': '1' repeats (lines 2 and 4)" \
  "--key that repeats: message"
[[ -s "$tmp/out" ]] && fail "a schema was printed with a repeating --key"
# A log (the id-like column repeats, never empty) is proposed as events of a customer table of
# its keys; a repeating id with an empty value, or no id-like column, has no key (exit 3).
printf 'customer_id,amount\n1,5\n2,5\n1,7\n' >"$tmp/log.csv"
run_segc "$tmp/out" "$tmp/err" schema infer "$tmp/log.csv"
expect_code 0 "a log of events" || cat "$tmp/err" >&2
expect_contains "$tmp/out" "# several rows per 'customer_id' ('1' repeats (lines 2 and 4))" "log comment"
expect_contains "$tmp/out" "table customers key customer_id {" "log: customer table"
expect_contains "$tmp/out" "events log of customers by customer_id {" "log: events"
mkdir "$tmp/l"
cp "$tmp/out" "$tmp/l/schema.seg"
echo 'segment Many where count(log) >= 2' >"$tmp/l/rules.seg"
run_segc "$tmp/out" "$tmp/err" run "$tmp/l" --data "log=$tmp/log.csv" --format json
expect_code 0 "run the inferred log schema" || cat "$tmp/err" >&2
tr -d ' \n' <"$tmp/out" >"$tmp/flat"
expect_contains "$tmp/flat" '"rows":2,' "log: customers are the distinct keys"
expect_contains "$tmp/flat" '"Many":{"count":1}' "log: aggregate over the events"
printf 'customer_id,amount\n1,5\n,5\n1,7\n' >"$tmp/gaps.csv"
run_segc "$tmp/out" "$tmp/err" schema infer "$tmp/gaps.csv"
expect_code 3 "no unique column"
expect_contains "$tmp/err" "no column of '$tmp/gaps.csv' can be the key: 'customer_id' is not unique: empty on line 3" \
  "no unique column: message"
[[ -s "$tmp/out" ]] && fail "a schema was printed without a unique key"

# The real CDNOW purchase log (read in place, never copied): whitespace-separated, several rows
# per customer, YYYYMMDD dates.
cdnow=/work/shared/data/cdnow/CDNOW_master.txt
if [[ -r "$cdnow" ]]; then
  run_segc "$tmp/cdnow.seg" "$tmp/err" schema infer "$cdnow" --sample 2000
  expect_code 0 "infer CDNOW_master" || cat "$tmp/err" >&2
  for line in "# fields separated by runs of spaces" "table customers key customer_id {" \
    "events CDNOW_master of customers by customer_id {" "customer_id: int" \
    'date: date("%Y%m%d")' "number_of_cds: int" "dollar_value: float"; do
    expect_contains "$tmp/cdnow.seg" "$line" "CDNOW"
  done
else
  echo "skipped: $cdnow is absent"
fi
# Whitespace-separated text (aligned columns, CRLF, a quoted field with blanks): detected by
# schema infer and by segc run; --delimiter forces a separator.
printf ' id  name   spend\r\n 1  ann  1.5\r\n\r\n 2  "bo b"  2\r\n 3  cy  x\r\n' >"$tmp/aligned.txt"
run_segc "$tmp/aligned.seg" "$tmp/err" schema infer "$tmp/aligned.txt" --sample 2
expect_code 0 "infer whitespace-separated" || cat "$tmp/err" >&2
expect_contains "$tmp/aligned.seg" "# fields separated by runs of spaces" "whitespace comment"
expect_contains "$tmp/aligned.seg" "table aligned key id {" "whitespace table line"
expect_contains "$tmp/aligned.seg" "spend: float" "whitespace float column"
mkdir "$tmp/w"
cp "$tmp/aligned.seg" "$tmp/w/schema.seg"
echo 'segment Big where spend > 1.8' >"$tmp/w/rules.seg"
run_segc "$tmp/out" "$tmp/err" run "$tmp/w" --data "$tmp/aligned.txt"
expect_code 3 "run on whitespace data with a bad float"
expect_contains "$tmp/err" "aligned.txt:5:3: data error: invalid float 'x' in column 'spend'" \
  "whitespace data error keeps the file's line and field"
sed -i 's/ x\r$/ 4\r/' "$tmp/aligned.txt"
run_segc "$tmp/out" "$tmp/err" run "$tmp/w" --data "$tmp/aligned.txt" --format json
expect_code 0 "run on whitespace data" || cat "$tmp/err" >&2
expect_contains "$tmp/out" '"rows": 3' "whitespace rows"
# A whitespace-separated file of several MiB: its data_hash is of the file's bytes, not of the
# tab-separated text the parsers read (before: heap corruption, 'double free or corruption').
awk 'BEGIN { print "id   spend"; for (i = 1; i <= 800000; i++) printf "%d   %d.5\n", i, i % 7 }' \
  >"$tmp/big.txt"
mkdir "$tmp/wbig"
printf 'table big key id {\n  id: int\n  spend: float\n}\nsegment Big where spend > 3\n' \
  >"$tmp/wbig/rules.seg"
for threads in 1 2; do
  run_segc "$tmp/big$threads.json" "$tmp/err" run "$tmp/wbig" --data "$tmp/big.txt" \
    --format json --threads "$threads"
  expect_code 0 "run on a large whitespace file, $threads threads" || cat "$tmp/err" >&2
  expect_contains "$tmp/big$threads.json" '"rows": 800000' "large whitespace file rows"
done
grep '"data_hash"' "$tmp/big1.json" >"$tmp/hash1"
grep -qF -f "$tmp/hash1" "$tmp/big2.json" || fail "large whitespace file: data_hash differs"
run_segc "$tmp/out" "$tmp/err" run "$tmp/w" --data "$tmp/aligned.txt" --delimiter ,
expect_code 3 "--delimiter , on whitespace data"
expect_contains "$tmp/err" "missing column 'id'" "--delimiter is applied"
run_segc "$tmp/out" "$tmp/err" schema infer "$tmp/aligned.txt" --delimiter colon
expect_code 2 "--delimiter with an unknown value"
printf ' 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n' >"$tmp/noheader.txt"
run_segc "$tmp/out" "$tmp/err" schema infer "$tmp/noheader.txt"
expect_code 3 "a file without a header row"
expect_contains "$tmp/err" "the first line looks like data, not a header" "no header: message"
# Timestamps are read as dates (the time of day dropped); YYYYMMDD is proposed as date("%Y%m%d").
mkdir "$tmp/ts"
printf 'table t key id {\n  id: int\n  seen: date("%%d/%%m/%%Y %%H:%%M")\n  day: date("%%Y%%m%%d")\n}\n' \
  >"$tmp/ts/schema.seg"
echo 'segment Late where seen > 2026-03-01 and day == 2026-03-02' >"$tmp/ts/rules.seg"
printf 'id,seen,day\n1,02/03/2026 23:59,20260302\n2,01/03/2026 00:00,20260302\n' >"$tmp/ts.csv"
run_segc "$tmp/out" "$tmp/err" run "$tmp/ts" --data "$tmp/ts.csv" --format json
expect_code 0 "run with timestamp dates" || cat "$tmp/err" >&2
tr -d ' \n' <"$tmp/out" >"$tmp/flat"
expect_contains "$tmp/flat" '"Late":{"count":1}' "timestamp compared as its date"
run_segc "$tmp/out" "$tmp/err" schema infer "$tmp/ts.csv"
expect_code 0 "infer YYYYMMDD"
expect_contains "$tmp/out" 'day: date("%Y%m%d")' "YYYYMMDD proposed as a date"
# Odd names: a header with a backquote, a line break or nothing, and a file name with a line
# break. The declaration still parses: unwritable columns are left out with a comment, the
# table name is sanitized, and the file name in the comment is quoted (no injected line).
odd="$tmp/od"$'\n'"d.csv"
printf '"a`b","line\nbreak","",`ok`,id\n1,2,3,4,5\n6,7,8,9,10\n' >"$odd"
run_segc "$tmp/out" "$tmp/err" schema infer "$odd"
expect_code 0 "odd names" || cat "$tmp/err" >&2
mkdir -p "$tmp/oddp"
cp "$tmp/out" "$tmp/oddp/schema.seg"
printf 'segment S where id > 1\n' >"$tmp/oddp/r.seg"
run_segc "$tmp/s" "$tmp/e" check "$tmp/oddp"
expect_code 0 "the inferred schema of odd names parses" || { cat "$tmp/out" "$tmp/e" >&2; }
expect_contains "$tmp/out" '# column 2 left out: its name "line\nbreak"' "odd names"
[[ "$(grep -vc '^ *#\|^table\|^}\|^  [^ ]*: ' "$tmp/out")" == 0 ]] ||
  fail "odd names: an unexpected line: $(cat "$tmp/out")"
run_segc "$tmp/out" "$tmp/err" schema infer "$odd" --key 'a`b'
expect_code 2 "--key with a backquote"
finish
