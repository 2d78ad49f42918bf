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
printf 'customer_id,amount\n1,5\n2,5\n1,7\n' >"$tmp/log.csv"
run_segc "$tmp/out" "$tmp/err" schema infer "$tmp/log.csv"
expect_code 3 "no unique column"
expect_contains "$tmp/err" "no column of '$tmp/log.csv' can be the key: 'customer_id' is not unique: '1' repeats (lines 2 and 4)" \
  "no unique column: message"
[[ -s "$tmp/out" ]] && fail "a schema was printed without a unique key"
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
