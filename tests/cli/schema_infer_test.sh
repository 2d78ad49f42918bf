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
finish
