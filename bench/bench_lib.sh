# Shared by the benchmark scripts (sourced, not run): the generated data file and the peer
# engines. Expects BENCH (this folder), ROWS, BUILD (with bench/gen_customers) and a `log`.

# data_file: sets DATA to bench/data/customers_<ROWS>.csv (customers_10m.csv for 10M rows),
# generating it with gen_customers (seed 42) when it is missing.
data_file() {
  local name="customers_${ROWS}.csv"
  [[ "$ROWS" == 10000000 ]] && name="customers_10m.csv"
  DATA="$BENCH/data/$name"
  if [[ ! -s "$DATA" ]]; then
    mkdir -p "$BENCH/data"
    log "generating $DATA ($ROWS rows)"
    "$BUILD/bench/gen_customers" --rows "$ROWS" --out "$DATA"
  fi
}

# install_peers: DuckDB and Polars from npm into bench/node_modules (benchmark tools only).
install_peers() {
  if [[ ! -d "$BENCH/node_modules/@duckdb/node-api" || ! -d "$BENCH/node_modules/nodejs-polars" ]]; then
    log "installing the peer engines (npm, bench/ only)"
    (cd "$BENCH" && npm install --no-audit --no-fund >&2)
  fi
}
