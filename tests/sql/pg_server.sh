# Sourced by the PostgreSQL tests: starts throwaway PostgreSQL 15 clusters on loopback, each in
# its own temporary directory, and tears them all down on exit (also on failure), removing the
# test's $tmp too. Exits 77 (CTest SKIP_RETURN_CODE) when the server binaries are absent, unless
# CI=true (scripts/setup.sh installs them there: their absence is a failure). After `pg_start`,
# $PG_DSN is a libpq URI and $PG_PORT the port of the cluster just started, and `pg_sql` runs
# psql on it; call pg_start again for a second cluster.
pg_bin="${SEGC_PG_BIN:-/usr/lib/postgresql/15/bin}"
pg_dirs=()

pg_stop() {
  local dir
  for dir in ${pg_dirs[@]+"${pg_dirs[@]}"}; do
    pg_run "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  done
  pg_dirs=()
  [[ -n "${tmp:-}" && -d "$tmp" ]] && rm -rf "$tmp"
  return 0
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
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_start() {
  if [[ ! -x "$pg_bin/initdb" || ! -x "$pg_bin/pg_ctl" ]] || ! command -v psql >/dev/null; then
    if [[ "${CI:-}" == true ]]; then
      echo "FAIL: PostgreSQL 15 server binaries not found in $pg_bin (scripts/setup.sh)" >&2
      exit 1
    fi
    echo "SKIP: PostgreSQL 15 server binaries not found in $pg_bin" >&2
    exit 77
  fi
  local dir
  dir="$(mktemp -d /tmp/segc-pg.XXXXXX)"
  pg_dirs+=("$dir")
  trap pg_stop EXIT
  chmod 755 "$dir"
  [[ "$(id -u)" == 0 ]] && chown nobody "$dir"
  pg_run "$pg_bin/initdb" -D "$dir/data" -U segc --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  local port
  for _ in 1 2 3 4 5; do
    port="$(pg_free_port)"
    if pg_run "$pg_bin/pg_ctl" -D "$dir/data" -w -t 30 -l "$dir/server.log" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
      PG_DSN="postgresql://segc@127.0.0.1:$port/postgres"
      PG_PORT="$port"
      export PG_DSN
      return 0
    fi
  done
  cat "$dir/server.log" >&2
  exit 1
}

pg_sql() { psql "$PG_DSN" -X -q -v ON_ERROR_STOP=1 "$@"; }
