# Sourced by the ClickHouse tests: starts two clickhouse-server processes (plain processes, not
# services) on loopback, each with its own config, ports and data directory in one temporary
# directory, and a 2-shard cluster "segc_cluster" over them in both configs; stops them and
# removes the directory on exit, also on failure. Exits 77 (CTest SKIP_RETURN_CODE) when the
# binaries are absent, unless CI=true (then the missing server is a failure: scripts/setup.sh
# installs it). After `ch_start`: `ch_sql N` runs clickhouse-client on server N (1 or 2), with
# the query on stdin or as arguments.
ch_server="${SEGC_CH_SERVER:-$(command -v clickhouse-server || true)}"
ch_client="${SEGC_CH_CLIENT:-$(command -v clickhouse-client || true)}"
ch_dir=""
ch_pids=()
CH_PORTS=()

ch_stop() {
  local pid
  for pid in "${ch_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${ch_pids[@]}"; do
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  ch_pids=()
  [[ -n "$ch_dir" && -d "$ch_dir" ]] && rm -rf "$ch_dir"
  [[ -n "${tmp:-}" && -d "$tmp" ]] && rm -rf "$tmp"
  return 0
}

ch_free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The server runs as an unprivileged user when we are root.
ch_as_user=()
[[ "$(id -u)" == 0 ]] && ch_as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)

ch_config() {  # ch_config N TCP HTTP INTERSERVER TCP1 TCP2
  local n="$1" dir="$ch_dir/s$1"
  mkdir -p "$dir/data" "$dir/tmp" "$dir/files" "$dir/log"
  cat >"$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
  </interval></default></quotas>
</yandex>
XML
  cat >"$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>$2</tcp_port>
  <http_port>$3</http_port>
  <interserver_http_port>$4</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/files/</user_files_path>
  <format_schema_path>$dir/files/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>104857600</mark_cache_size>
  <uncompressed_cache_size>104857600</uncompressed_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <segc_cluster>
      <shard><replica><host>127.0.0.1</host><port>$5</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$6</port></replica></shard>
    </segc_cluster>
  </remote_servers>
</yandex>
XML
}

ch_start() {
  if [[ -z "$ch_server" || -z "$ch_client" ]]; then
    if [[ "${CI:-}" == true ]]; then
      echo "FAIL: clickhouse-server or clickhouse-client missing (scripts/setup.sh installs them)" >&2
      exit 1
    fi
    echo "SKIP: clickhouse-server or clickhouse-client not found" >&2
    exit 77
  fi
  ch_dir="$(mktemp -d /tmp/segc-ch.XXXXXX)"
  # Also stops PostgreSQL clusters of tests/sql/pg_server.sh (and removes $tmp) when sourced.
  trap 'ch_stop; if declare -F pg_stop >/dev/null; then pg_stop; fi' EXIT
  chmod 755 "$ch_dir"
  local ports=() i
  for i in 1 2 3 4 5 6; do ports+=("$(ch_free_port)"); done
  CH_PORTS=("${ports[0]}" "${ports[1]}")
  ch_config 1 "${ports[0]}" "${ports[2]}" "${ports[3]}" "${ports[0]}" "${ports[1]}"
  ch_config 2 "${ports[1]}" "${ports[4]}" "${ports[5]}" "${ports[0]}" "${ports[1]}"
  [[ "$(id -u)" == 0 ]] && chown -R nobody "$ch_dir"
  for i in 1 2; do
    # setpriv execs (runuser would fork): $! is the server itself, which ch_stop signals.
    (cd "$ch_dir/s$i" && exec "${ch_as_user[@]}" "$ch_server" \
      --config-file="$ch_dir/s$i/config.xml" >"$ch_dir/s$i/log/stdout.log" 2>&1) &
    ch_pids+=("$!")
  done
  for i in 1 2; do
    local ok=""
    for _ in $(seq 300); do
      if "$ch_client" --host 127.0.0.1 --port "${CH_PORTS[$((i - 1))]}" -q "SELECT 1" >/dev/null 2>&1; then
        ok=1
        break
      fi
      kill -0 "${ch_pids[$((i - 1))]}" 2>/dev/null || break
      sleep 0.1
    done
    if [[ -z "$ok" ]]; then
      echo "FAIL: clickhouse-server $i did not start" >&2
      tail -20 "$ch_dir/s$i/log/stdout.log" "$ch_dir/s$i/log/error.log" >&2 2>/dev/null
      exit 1
    fi
  done
}

ch_sql() {
  local n="$1"
  shift
  "$ch_client" --host 127.0.0.1 --port "${CH_PORTS[$((n - 1))]}" "$@"
}
