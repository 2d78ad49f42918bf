#!/usr/bin/env bash
# The retail example on two PostgreSQL 15 clusters (tests/sql/pg_server.sh): in cluster 1, a
# customers table partitioned by customer_id whose first partition is local and whose second is
# a postgres_fdw foreign table over a table of cluster 2. `segc run --engine postgres` on the
# partitioned table must print the JIT's JSON summary (but for engine, threads and data_hash).
#   postgres_fdw_test.sh SEGC SOURCE_DIR
# Exit 77 when the PostgreSQL server binaries are absent (not with CI=true).
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$SOURCE_DIR/tests/cli/lib.sh"
source "$SOURCE_DIR/tests/sql/pg_server.sh"
make_tmp
export PGOPTIONS="-c client_min_messages=warning"
rules="$SOURCE_DIR/examples/retail/rules"
csv="$SOURCE_DIR/examples/retail/data/customers.csv"
split=101000  # customer ids 100001..102000: half local, half on cluster 2

pg_start  # cluster 2: holds the remote partition's rows
remote_port="$PG_PORT"
"$SEGC" sql "$rules" --dialect postgres --table customers_remote --load "$csv" >"$tmp/load2.sql"
pg_sql -f "$tmp/load2.sql" >/dev/null
pg_sql -c "DELETE FROM customers_remote WHERE customer_id < $split"

pg_start  # cluster 1: the partitioned table
"$SEGC" sql "$rules" --dialect postgres --table staging --load "$csv" >"$tmp/load1.sql"
pg_sql -f "$tmp/load1.sql" >/dev/null
pg_sql <<SQL
CREATE EXTENSION postgres_fdw;
CREATE SERVER cluster2 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '127.0.0.1', port '$remote_port', dbname 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER cluster2 OPTIONS (user 'segc');
CREATE TABLE customers (LIKE staging) PARTITION BY RANGE (customer_id);
CREATE TABLE customers_local PARTITION OF customers FOR VALUES FROM (MINVALUE) TO ($split);
CREATE FOREIGN TABLE customers_far PARTITION OF customers FOR VALUES FROM ($split) TO (MAXVALUE)
  SERVER cluster2 OPTIONS (table_name 'customers_remote');
INSERT INTO customers SELECT * FROM staging WHERE customer_id < $split ORDER BY customer_id;
DROP TABLE staging;
SQL

# The rows are where they should be: half in each cluster, all seen through the parent.
counts="$(pg_sql -At -c "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM
  customers_local), (SELECT count(*) FROM customers_far), (SELECT count(*) FROM ONLY
  customers_local WHERE customer_id >= $split)")"
[[ "$counts" == "2000|999|1001|0" ]] || fail "row counts total|local|foreign|misplaced: $counts"
remote="$(psql "postgresql://segc@127.0.0.1:$remote_port/postgres" -X -At -c \
  "SELECT count(*) FROM customers_remote")"
[[ "$remote" == 1001 ]] || fail "cluster 2 holds $remote rows, expected 1001"

run_segc "$tmp/jit.json" "$tmp/jit.err" run "$rules" --data "$csv" --format json
jit_code="$code"
run_segc "$tmp/pg.json" "$tmp/pg.err" run "$rules" --engine postgres --dsn "$PG_DSN" \
  --table customers --format json
if [[ "$code" != "$jit_code" || "$code" != 0 ]]; then
  fail "exit $code with postgres_fdw, $jit_code with the JIT"
  cat "$tmp/pg.err" >&2
fi
drop='del(.engine, .threads, .data_hash)'
if ! diff -u <(jq "$drop" "$tmp/jit.json") <(jq "$drop" "$tmp/pg.json") >&2; then
  fail "the summary through postgres_fdw differs from the JIT's"
fi
echo "retail through postgres_fdw: $(jq -c ".segments | map_values(.count)" "$tmp/pg.json")"
finish
