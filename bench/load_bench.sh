#!/usr/bin/env bash
# Measures segc's CSV load against DuckDB read_csv and Polars readCSV on the generated
# customers table, in one run, at 1 and 2 threads; writes bench/LOAD_RESULTS.md.
#   ROWS=10000000   rows of the generated file (200000 for a quick smoke test)
#   RUNS=3          timed runs per engine and thread count (best is reported)
#   THREADS="1 2"   thread counts
#   SEGC_BUILD=dir  a build directory that already has bench/segc_load_bench and
#                   bench/gen_customers (default: configure and build build-bench/)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
ROWS="${ROWS:-10000000}"
RUNS="${RUNS:-3}"
THREADS="${THREADS:-1 2}"

log() { echo "load_bench: $*" >&2; }
# shellcheck source=bench/bench_lib.sh
source "$BENCH/bench_lib.sh"

build_tools() {
  if [[ -n "${SEGC_BUILD:-}" ]]; then
    BUILD="$SEGC_BUILD"
    return
  fi
  BUILD="$REPO/build-bench"
  log "building segc_load_bench and gen_customers in $BUILD (Release)"
  mkdir -p "$BUILD"
  # -O2 like build/ (GCC 12 at -O3 reports a false -Wrestrict; see scripts/build.sh).
  cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSEGC_BUILD_TESTS=OFF \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" > "$BUILD/configure.log" 2>&1 ||
    { cat "$BUILD/configure.log" >&2; exit 1; }
  ninja -C "$BUILD" segc_load_bench gen_customers >&2
}

# field JSON NAME: the numeric value of "NAME" in a one-line JSON object.
field() { sed -n "s/.*\"$2\":\([-0-9.e]*\).*/\1/p" <<< "$1"; }

run_engine() {  # engine threads -> one JSON line
  local engine="$1" threads="$2"
  case "$engine" in
    segc) "$BUILD/bench/segc_load_bench" "$DATA" --threads "$threads" ;;
    duckdb) node "$BENCH/peer_load.mjs" duckdb "$DATA" "$threads" ;;
    polars) POLARS_MAX_THREADS="$threads" node "$BENCH/peer_load.mjs" polars "$DATA" "$threads" ;;
  esac
}

declare -A BEST
measure() {
  for threads in $THREADS; do
    for ((run = 1; run <= RUNS; run++)); do
      for engine in segc duckdb polars; do  # interleaved: load changes hit all engines alike
        local out ms rows
        out="$(run_engine "$engine" "$threads")"
        ms="$(field "$out" ms)"
        rows="$(field "$out" rows)"
        [[ "$rows" == "$ROWS" ]] || { log "$engine loaded $rows rows, expected $ROWS"; exit 1; }
        log "$engine threads=$threads run=$run: $ms ms"
        local key="$engine/$threads"
        if [[ -z "${BEST[$key]:-}" ]] || awk -v a="$ms" -v b="${BEST[$key]}" 'BEGIN{exit !(a<b)}'; then
          BEST[$key]="$ms"
        fi
        if [[ "$engine" == segc ]]; then SEGC_JSON="$out"; fi
      done
    done
  done
}

measure_memory() {
  local out
  out="$( { /usr/bin/time -v "$BUILD/bench/segc_load_bench" "$DATA" --threads 2 >/dev/null; } 2>&1)"
  PEAK_KB="$(sed -n 's/.*Maximum resident set size (kbytes): *//p' <<< "$out")"
  RAW_BYTES="$(field "$SEGC_JSON" raw_column_bytes)"
}

report() {
  local bytes mb
  bytes="$(stat -c %s "$DATA")"
  mb="$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')"
  local rows_md=""
  for threads in $THREADS; do
    local s="${BEST[segc/$threads]}" d="${BEST[duckdb/$threads]}" p="${BEST[polars/$threads]}"
    rows_md+="$(awk -v t="$threads" -v s="$s" -v d="$d" -v p="$p" -v b="$bytes" 'BEGIN{
      printf "| %s | %.0f | %.1f | %.0f | %.1f | %.0f | %.1f | %.2fx | %.2fx |\n",
        t, s, b/1e3/s, d, b/1e3/d, p, b/1e3/p, d/s, p/s}')"$'\n'
  done
  local ratio
  ratio="$(awk -v k="$PEAK_KB" -v r="$RAW_BYTES" 'BEGIN{printf "%.2f", k*1024/r}')"
  local table
  table="| threads | segc ms | segc MB/s | DuckDB ms | DuckDB MB/s | Polars ms | Polars MB/s | segc vs DuckDB | segc vs Polars |
|---|---|---|---|---|---|---|---|---|
${rows_md}"
  echo
  echo "$table"
  echo "peak RSS of the segc load at 2 threads: $PEAK_KB KiB = ${ratio}x the raw column bytes ($RAW_BYTES B)"
  # A hand-written part below the marker survives reruns of the script (as in RESULTS.md).
  local marker='<!-- hand-written below: kept when the script rewrites this file -->'
  local kept=""
  if [[ -f "$BENCH/LOAD_RESULTS.md" ]] && grep -qF -- "$marker" "$BENCH/LOAD_RESULTS.md"; then
    kept="$(awk -v m="$marker" 'found { print } $0 == m { found = 1 }' "$BENCH/LOAD_RESULTS.md")"
  fi
  cat > "$BENCH/LOAD_RESULTS.md" <<MD
# CSV load benchmark results

Written by \`bench/load_bench.sh\` from one run on $(date -u +%Y-%m-%d) (UTC). Do not edit above
the marker at the end by hand: rerun the script.

- File: \`bench/data/$(basename "$DATA")\`, $ROWS rows, $mb MB (\`gen_customers\`, seed 42).
- Machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load
  average at the start of the run: $LOAD_AT_START (the machine is shared, so absolute times
  are noisy; the engines were interleaved run by run so that load changes hit all of them).
- Each figure is the best of $RUNS runs, each in a fresh process, same thread count for all
  engines. segc: \`segc_load_bench\` (\`rt::ReadCsv\` with the \`bench/customers.seg\` schema);
  DuckDB: \`CREATE TABLE t AS SELECT * FROM read_csv(...)\`; Polars: \`readCSV\` with
  \`tryParseDates\` (POLARS_MAX_THREADS). Ratios above 1 mean segc is faster.

$table
Peak memory (\`/usr/bin/time -v\`, maximum resident set size) of the segc load at 2 threads:
**$PEAK_KB KiB**, that is **${ratio}x** the raw bytes of the loaded columns ($RAW_BYTES bytes:
values, validity bitmaps and dictionaries).

$marker
$kept
MD
  log "wrote $BENCH/LOAD_RESULTS.md"
}

LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
build_tools
data_file
install_peers
measure
measure_memory
report
