# Sourced by the PostgreSQL tests: starts a throwaway PostgreSQL 15 cluster on loopback in a
# temporary directory and tears it down on exit. Exits 77 (CTest SKIP_RETURN_CODE) when the
# server binaries are absent. After `pg_start`, $PG_DSN is a libpq URI and `pg_sql` runs psql.
pg_bin="${SEGC_PG_BIN:-/usr/lib/postgresql/15/bin}"
pg_dir=""

pg_stop() {
  if [[ -n "$pg_dir" && -d "$pg_dir" ]]; then
    pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}

# Runs a server binary as an unprivileged user when we are root (PostgreSQL refuses root).
pg_run() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_start() {
  if [[ ! -x "$pg_bin/initdb" || ! -x "$pg_bin/pg_ctl" ]] || ! command -v psql >/dev/null; then
    echo "SKIP: PostgreSQL 15 server binaries not found in $pg_bin" >&2
    exit 77
  fi
  pg_dir="$(mktemp -d /tmp/segc-pg.XXXXXX)"
  trap pg_stop EXIT
  chmod 755 "$pg_dir"
  [[ "$(id -u)" == 0 ]] && chown nobody "$pg_dir"
  pg_run "$pg_bin/initdb" -D "$pg_dir/data" -U segc --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log" >&2; exit 1; }
  local port
  for _ in 1 2 3 4 5; do
    port="$(pg_free_port)"
    if pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -t 30 -l "$pg_dir/server.log" \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
      PG_DSN="postgresql://segc@127.0.0.1:$port/postgres"
      export PG_DSN
      return 0
    fi
  done
  cat "$pg_dir/server.log" >&2
  exit 1
}

pg_sql() { psql "$PG_DSN" -X -q -v ON_ERROR_STOP=1 "$@"; }
