#!/usr/bin/env bash
# Events benchmark: segc (JIT) against DuckDB and Polars on the event workloads of bench/events/
# (a window count, a filtered sum, RFM from the raw log) over a generated customer table and
# purchase log in memory, at 1 and 2 threads, counts cross-checked between engines; the peers
# compute each workload as GROUP BY over the log + LEFT JOIN to the customers. Also the memory
# of the loaded log beside its raw column bytes. Writes the "Events" section of bench/RESULTS.md
# (between the events markers; the rest of the file is left as it is).
#   CUSTOMERS=10000000  EVENTS=100000000  customers and purchases generated (smaller sizes for a
#                       smoke test: the report then goes to bench/data/EVENTS_<EVENTS>.md)
#   RUNS=5              timed runs per engine, workload and thread count (after one warm-up)
#   THREADS="1 2"       thread counts
#   SEGC_BUILD=dir      a build directory with bench/gen_events and bench/segc_events_bench
#                       (default: configure and build build-bench/)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
CUSTOMERS="${CUSTOMERS:-10000000}"
EVENTS="${EVENTS:-100000000}"
RUNS="${RUNS:-5}"
THREADS="${THREADS:-1 2}"
AS_OF=2026-11-01
WORKLOADS=(e1_active e2_spend e3_rfm)

log() { echo "events_bench: $*" >&2; }
# shellcheck source=bench/bench_lib.sh
source "$BENCH/bench_lib.sh"

if [[ -n "${SEGC_BUILD:-}" ]]; then
  BUILD="$SEGC_BUILD"
else
  BUILD="$REPO/build-bench"
  log "building gen_events and segc_events_bench in $BUILD (Release)"
  cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSEGC_BUILD_TESTS=OFF \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" > /dev/null
  ninja -C "$BUILD" gen_events segc_events_bench >&2
fi
install_peers

DATA="$BENCH/data/events_${CUSTOMERS}_${EVENTS}"
if [[ ! -s "$DATA/purchases.csv" ]]; then
  mkdir -p "$DATA"
  log "generating $DATA ($CUSTOMERS customers, $EVENTS purchases)"
  "$BUILD/bench/gen_events" "$CUSTOMERS" "$EVENTS" "$DATA"
fi
if [[ "$CUSTOMERS" == 10000000 && "$EVENTS" == 100000000 ]]; then
  REPORT="$BENCH/RESULTS.md"
else
  REPORT="$BENCH/data/EVENTS_${EVENTS}.md"
fi
RUNS_FILE="$(mktemp)"
trap 'rm -f "$RUNS_FILE"' EXIT

list="$(IFS=,; echo "${WORKLOADS[*]}")"
rules=()
for w in "${WORKLOADS[@]}"; do rules+=("$BENCH/events/$w.seg"); done
for threads in $THREADS; do
  for engine in segc duckdb polars; do  # interleaved: machine load hits every engine alike
    log "$engine, $threads thread(s): load, then $list x (1 + $RUNS runs)"
    case "$engine" in
      segc)
        "$BUILD/bench/segc_events_bench" --customers "$DATA/customers.csv" \
          --events "purchases=$DATA/purchases.csv" --as-of "$AS_OF" --threads "$threads" \
          --runs "$RUNS" "$BENCH/events/schema.seg" "${rules[@]}" >> "$RUNS_FILE" ;;
      duckdb)
        node "$BENCH/peer_events.mjs" duckdb "$DATA/customers.csv" "$DATA/purchases.csv" "$list" \
          "$threads" "$RUNS" "$AS_OF" >> "$RUNS_FILE" ;;
      polars)
        POLARS_MAX_THREADS="$threads" node "$BENCH/peer_events.mjs" polars "$DATA/customers.csv" \
          "$DATA/purchases.csv" "$list" "$threads" "$RUNS" "$AS_OF" >> "$RUNS_FILE" ;;
    esac
  done
done

THREADS="$THREADS" RUNS="$RUNS" node - "$RUNS_FILE" "$REPORT" <<'JS'
const fs = require('fs');
const [runsFile, reportPath] = process.argv.slice(2);
const lines = fs.readFileSync(runsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const memory = lines.filter((l) => l.memory).map((l) => l.memory);
const results = lines.filter((l) => l.workload);
const threads = process.env.THREADS.trim().split(/\s+/).map(Number);
const workloads = [...new Set(results.map((r) => r.workload))];
const get = (w, e, t) => results.find((r) => r.workload === w && r.engine === e && r.threads === t);
const f0 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const f2 = (x) => x.toFixed(2);

const problems = [];
for (const w of workloads) {
  const ref = get(w, 'segc', threads[0]);
  for (const r of results.filter((x) => x.workload === w)) {
    for (const n of new Set([...Object.keys(ref.counts), ...Object.keys(r.counts)])) {
      if (ref.counts[n] !== r.counts[n]) {
        problems.push(`${w} ${n}: segc ${ref.counts[n]}, ${r.engine} (${r.threads} threads) ${r.counts[n]}`);
      }
    }
  }
}
if (problems.length) {
  console.error('events_bench: COUNTS DIFFER BETWEEN ENGINES:\n  ' + problems.join('\n  '));
  process.exit(1);
}

const s0 = get(workloads[0], 'segc', threads[0]);
let md = '<!-- events:begin (written by bench/events_bench.sh) -->\n';
md += '## Events: aggregates over a purchase log\n\n';
md += `${s0.rows.toLocaleString('en')} customers and ${s0.events.toLocaleString('en')} purchases ` +
  '(`bench/gen_events.cc`: random customer order, dates over two years, about one customer in ' +
  'eight without purchases), loaded once per engine (not timed). segc times the whole run ' +
  '(linking events to customers, the partition, every aggregate, statistics, the segments); the ' +
  'peers run `GROUP BY customer_id` over the log `LEFT JOIN`ed to the customers, with the same ' +
  `definitions (\`bench/peer_events.mjs\`). as_of ${s0.as_of}; best of ${process.env.RUNS} runs ` +
  'after a warm-up; counts identical in every engine at every thread count.\n\n';
md += '| workload | threads | segc ms | DuckDB ms | Polars ms | faster peer / segc |\n|---|---|---|---|---|---|\n';
for (const w of workloads) {
  for (const t of threads) {
    const s = get(w, 'segc', t), d = get(w, 'duckdb', t), p = get(w, 'polars', t);
    const peer = Math.min(d.best_ms, p.best_ms);
    md += `| ${w} | ${t} | ${f0(s.best_ms)} | ${f0(d.best_ms)} | ${f0(p.best_ms)} | ` +
      `**${f2(peer / s.best_ms)}x** |\n`;
  }
}
md += '\nSpeed-up from the second thread (1-thread time / 2-thread time):\n\n| workload | segc | DuckDB | Polars |\n|---|---|---|---|\n';
if (threads.includes(1) && threads.includes(2)) {
  for (const w of workloads) {
    const ratio = (e) => f2(get(w, e, 1).best_ms / get(w, e, 2).best_ms) + 'x';
    md += `| ${w} | ${ratio('segc')} | ${ratio('duckdb')} | ${ratio('polars')} |\n`;
  }
}
md += '\nWorkloads (`bench/events/`): `e1_active` — `count(purchases where date within 90d) >= 2`; ' +
  '`e2_spend` — `round(sum(purchases.amount where date >= 2026-05-01), 2) > 500`; `e3_rfm` — `import ' +
  'rfm(recency = last(purchases.date), frequency = count_distinct(purchases.date), monetary = ' +
  'round(sum(purchases.amount), 2))`, its eleven segments.\n\n';
md += 'All runs (ms):\n\n| workload | threads | segc | DuckDB | Polars |\n|---|---|---|---|---|\n';
for (const w of workloads) {
  for (const t of threads) {
    const runs = (e) => get(w, e, t).times_ms.map(f0).join(', ');
    md += `| ${w} | ${t} | ${runs('segc')} | ${runs('duckdb')} | ${runs('polars')} |\n`;
  }
}
if (memory.length) {
  const m = memory[0];
  const mb = (b) => (b / 1e6).toFixed(0) + ' MB';
  md += `\nMemory of the loaded log in segc: ${m.event_rows.toLocaleString('en')} rows, raw column ` +
    `bytes (values and validity bitmaps) ${mb(m.event_raw_bytes)}; the resident set grew by ` +
    `${mb(m.event_rss_growth_bytes)} while it loaded (${f2(m.event_rss_growth_bytes / m.event_raw_bytes)}x ` +
    `the raw bytes); peak resident set of the whole benchmark process ${mb(m.peak_rss_bytes)}.\n`;
}
md += `\nVersions: DuckDB ${get(workloads[0], 'duckdb', threads[0]).version}, Polars ` +
  `${get(workloads[0], 'polars', threads[0]).version}. Reproduce: \`bash bench/events_bench.sh\`.\n`;
md += '<!-- events:end -->\n';
process.stdout.write(md);

// Replace the events section of the report, or append it.
let text = fs.existsSync(reportPath) ? fs.readFileSync(reportPath, 'utf8') : '';
const begin = text.indexOf('<!-- events:begin');
const endMark = '<!-- events:end -->\n';
const end = text.indexOf(endMark);
if (begin >= 0 && end > begin) {
  text = text.slice(0, begin) + md + text.slice(end + endMark.length);
} else {
  text += (text.endsWith('\n\n') || text === '' ? '' : '\n') + md;
}
fs.writeFileSync(reportPath, text);
console.error(`events_bench: wrote ${reportPath}`);
JS
