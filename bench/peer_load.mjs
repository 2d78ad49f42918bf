// Times one peer engine loading a CSV into memory. Run once per (engine, threads) in a fresh
// process, because Polars fixes its thread pool at start (POLARS_MAX_THREADS).
// usage: node peer_load.mjs duckdb|polars FILE.csv THREADS   → prints one JSON line
import { performance } from 'node:perf_hooks';

const [engine, file, threadsArg] = process.argv.slice(2);
const threads = Number(threadsArg || 1);

async function loadDuckdb() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const con = await db.connect();
  const t0 = performance.now();
  await con.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}', header = true)`);
  const ms = performance.now() - t0;
  const reader = await con.runAndReadAll('SELECT count(*)::BIGINT AS n FROM t');
  return { ms, rows: Number(reader.getRows()[0][0]) };
}

async function loadPolars() {
  const pl = (await import('nodejs-polars')).default;
  const t0 = performance.now();
  const df = pl.readCSV(file, { hasHeader: true, tryParseDates: true });
  const ms = performance.now() - t0;
  return { ms, rows: df.height };
}

const loaders = { duckdb: loadDuckdb, polars: loadPolars };
if (!loaders[engine] || !file) {
  console.error('usage: node peer_load.mjs duckdb|polars FILE.csv THREADS');
  process.exit(2);
}
const result = await loaders[engine]();
console.log(JSON.stringify({ engine, threads, ...result }));
