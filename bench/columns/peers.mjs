// End to end from the 20-column file of bench/columns/ (2 of 20 columns read): `segc run` as one
// process (spawn to exit) against DuckDB and Polars loading the same 2 columns from the CSV file
// and counting `total_spent > 1000`, all timed (the peers' Node.js start-up is not).
//   node bench/columns/peers.mjs ENGINE FILE THREADS [SEGC]   (ENGINE: segc, duckdb, polars)
// Polars takes its threads from POLARS_MAX_THREADS, which the caller sets. Prints one JSON line:
// {engine, threads, best_ms, times_ms, count}, best of 3 runs after one untimed warm-up.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [engine, file, threadsArg, segc] = process.argv.slice(2);
const threads = Number(threadsArg || 1);
const rules = join(dirname(fileURLToPath(import.meta.url)), 'rules');

async function runner() {
  if (engine === 'segc') {
    return async () => {
      const run = spawnSync(segc, ['run', rules, '--data', file, '--as-of', '2026-11-01',
        '--threads', String(threads), '--format', 'json'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      return JSON.parse(run.stdout).segments.big_spenders.count;
    };
  }
  if (engine === 'duckdb') {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    await con.run(`SET threads = ${threads}`);
    return async () => {
      await con.run(`CREATE OR REPLACE TABLE t AS SELECT customer_id, total_spent
                     FROM read_csv('${file}', header = true)`);
      const rows = (await con.runAndReadAll(
        'SELECT count(*) FILTER (WHERE total_spent > 1000) FROM t')).getRows();
      return Number(rows[0][0]);
    };
  }
  const pl = (await import('nodejs-polars')).default;
  return async () => {
    const df = pl.readCSV(file, { hasHeader: true, columns: ['customer_id', 'total_spent'] });
    const out = await df.lazy().select(pl.col('total_spent').gt(1000).sum().alias('n')).collect();
    return Number(out.row(0)[0]);
  };
}

const run = await runner();
await run();  // warm-up: page cache, lazy initialisation
const times = [];
let count = 0;
for (let i = 0; i < 3; ++i) {
  const t0 = performance.now();
  count = await run();
  times.push(Math.round(performance.now() - t0));
}
console.log(JSON.stringify({ engine, threads, best_ms: Math.min(...times), times_ms: times, count }));
