// Times the event workloads of bench/events/ on one peer engine over tables already in memory:
// a per-customer GROUP BY over the purchase log joined to the customers, then the segment's
// condition (the same definitions as the rules, with segc's semantics). Run once per (engine,
// threads) in a fresh process (Polars fixes its thread pool at start: POLARS_MAX_THREADS).
//
// usage: node peer_events.mjs duckdb|polars CUSTOMERS.csv PURCHASES.csv WORKLOADS THREADS RUNS [AS_OF]
//   WORKLOADS  a comma-separated list of e1_active, e2_spend, e3_rfm
// Prints one JSON line per workload: {workload, engine, threads, best_ms, runs, cpu_ms, rows,
// events, counts, times_ms, load_ms, as_of, version}. Only the query is timed (not the load);
// each query runs once untimed (warm-up), then RUNS times.
//
// Semantics carried over from segc (docs/language.md, "Behaviour from events"):
// - count and sum over a customer without (passing) events are 0, so every customer is kept (a
//   LEFT JOIN with coalesce); last() is null for them, and a null recency is in no RFM segment;
// - `date within 90d` is as_of - 90 <= date <= as_of;
// - ntile(5, x) = 1 + count(k in 1..4: x > percentile_cont(x, k/5)) over the non-null values
//   (ties share a tile; not SQL NTILE); dates are ranked as day numbers;
// - the rfm module's FM is round((F + M) / 2), half up; its segments are the R x FM grid;
// - e2's and e3's spend is rounded to cents (float sums depend on the order of the additions).
import { performance } from 'node:perf_hooks';

const [engine, customersFile, purchasesFile, workloadsArg, threadsArg, runsArg, asOfArg] =
  process.argv.slice(2);
const threads = Number(threadsArg || 1);
const runs = Number(runsArg || 5);
const asOf = asOfArg || '2026-11-01';
const workloads = (workloadsArg || '').split(',').filter(Boolean);

const DAY_MS = 86400000;
const asOfDays = Math.round(Date.parse(`${asOf}T00:00:00Z`) / DAY_MS);
const sinceE2 = '2026-05-01';
const sinceE2Days = Math.round(Date.parse(`${sinceE2}T00:00:00Z`) / DAY_MS);

// The rfm grid (stdlib/rfm.seg), as [segment, condition on R and FM].
const RFM = [
  ['rfm.Champions', (r, fm) => `${r} = 5 AND ${fm} >= 4`],
  ['rfm.Loyal', (r, fm) => `${r} BETWEEN 3 AND 4 AND ${fm} >= 4`],
  ['rfm.Potential_Loyalists', (r, fm) => `${r} >= 4 AND ${fm} BETWEEN 2 AND 3`],
  ['rfm.New_Customers', (r, fm) => `${r} = 5 AND ${fm} = 1`],
  ['rfm.Promising', (r, fm) => `${r} = 4 AND ${fm} = 1`],
  ['rfm.Need_Attention', (r, fm) => `${r} = 3 AND ${fm} = 3`],
  ['rfm.About_To_Sleep', (r, fm) => `${r} = 3 AND ${fm} <= 2`],
  ['rfm.At_Risk', (r, fm) => `${r} <= 2 AND ${fm} BETWEEN 3 AND 4`],
  ['rfm.Cannot_Lose_Them', (r, fm) => `${r} <= 2 AND ${fm} = 5`],
  ['rfm.Hibernating', (r, fm) => `${r} <= 2 AND ${fm} <= 2 AND NOT (${r} = 1 AND ${fm} = 1)`],
  ['rfm.Lost', (r, fm) => `${r} = 1 AND ${fm} = 1`],
];

// ---- SQL (DuckDB) ----

function sqlE1() {
  return `SELECT count(*) FILTER (WHERE coalesce(p.n, 0) >= 2) AS "Active_Repeat"
FROM customers c LEFT JOIN (
  SELECT customer_id, count(*) AS n FROM purchases
  WHERE date BETWEEN DATE '${asOf}' - 90 AND DATE '${asOf}' GROUP BY customer_id
) p USING (customer_id)`;
}

function sqlE2() {
  return `SELECT count(*) FILTER (WHERE round(coalesce(p.s, 0), 2) > 500) AS "Big_Spender"
FROM customers c LEFT JOIN (
  SELECT customer_id, sum(amount) AS s FROM purchases
  WHERE date >= DATE '${sinceE2}' GROUP BY customer_id
) p USING (customer_id)`;
}

function sqlE3() {
  const tile = (x, q) =>
    `CASE WHEN ${x} IS NULL THEN NULL ELSE 1 + (${x} > ${q}[1])::INT + (${x} > ${q}[2])::INT + ` +
    `(${x} > ${q}[3])::INT + (${x} > ${q}[4])::INT END`;
  const counts = RFM.map(([name, cond]) => `  count(*) FILTER (WHERE ${cond('r', 'fm')}) AS "${name}"`);
  return `WITH agg AS (
  SELECT c.customer_id,
         epoch(p.last_date) / 86400 AS recency,
         coalesce(p.days, 0) AS frequency,
         round(coalesce(p.spend, 0), 2) AS monetary
  FROM customers c LEFT JOIN (
    SELECT customer_id, max(date) AS last_date, count(DISTINCT date) AS days, sum(amount) AS spend
    FROM purchases GROUP BY customer_id
  ) p USING (customer_id)
), cuts AS (
  SELECT quantile_cont(recency, [0.2, 0.4, 0.6, 0.8]) AS qr,
         quantile_cont(frequency, [0.2, 0.4, 0.6, 0.8]) AS qf,
         quantile_cont(monetary, [0.2, 0.4, 0.6, 0.8]) AS qm
  FROM agg
), tiles AS (
  SELECT ${tile('recency', 'qr')} AS r, ${tile('frequency', 'qf')} AS f, ${tile('monetary', 'qm')} AS m
  FROM agg, cuts
), grid AS (
  SELECT r, floor((f + m) / 2.0 + 0.5) AS fm FROM tiles
)
SELECT
${counts.join(',\n')}
FROM grid`;
}

const SQL = { e1_active: sqlE1, e2_spend: sqlE2, e3_rfm: sqlE3 };

// ---- Polars ----

function polarsE1(pl, dateLit, customers, purchases) {
  const per = purchases
    .filter(pl.col('date').gtEq(dateLit(asOfDays - 90)).and(pl.col('date').ltEq(dateLit(asOfDays))))
    .groupBy('customer_id')
    .agg(pl.len().alias('n'));
  return customers
    .join(per, { on: 'customer_id', how: 'left' })
    .select(pl.col('n').fillNull(0).gtEq(2).sum().alias('Active_Repeat'));
}

function polarsE2(pl, dateLit, customers, purchases) {
  const per = purchases
    .filter(pl.col('date').gtEq(dateLit(sinceE2Days)))
    .groupBy('customer_id')
    .agg(pl.col('amount').sum().alias('s'));
  return customers
    .join(per, { on: 'customer_id', how: 'left' })
    .select(pl.col('s').fillNull(0).round(2).gt(500).sum().alias('Big_Spender'));
}

function polarsE3(pl, dateLit, customers, purchases) {
  const per = purchases
    .groupBy('customer_id')
    .agg(
      pl.col('date').max().alias('last_date'),
      pl.col('date').nUnique().alias('days'),
      pl.col('amount').sum().alias('spend'),
    );
  const agg = customers.join(per, { on: 'customer_id', how: 'left' }).select(
    pl.col('last_date').cast(pl.Int32).cast(pl.Float64).alias('recency'),
    pl.col('days').fillNull(0).cast(pl.Float64).alias('frequency'),
    pl.col('spend').fillNull(0).round(2).alias('monetary'),
  );
  const tile = (x) => {
    let t = pl.lit(1);
    for (const q of [0.2, 0.4, 0.6, 0.8]) {
      t = t.add(pl.col(x).gt(pl.col(x).quantile(q, 'linear')).cast(pl.Int32));
    }
    return pl.when(pl.col(x).isNull()).then(pl.lit(null)).otherwise(t);
  };
  const grid = agg
    .select(tile('recency').alias('r'), tile('frequency').alias('f'), tile('monetary').alias('m'))
    .select(
      pl.col('r'),
      pl.col('f').add(pl.col('m')).cast(pl.Float64).div(2).add(0.5).floor().alias('fm'),
    );
  const r = pl.col('r');
  const fm = pl.col('fm');
  const between = (e, lo, hi) => e.gtEq(lo).and(e.ltEq(hi));
  const conds = {
    'rfm.Champions': r.eq(5).and(fm.gtEq(4)),
    'rfm.Loyal': between(r, 3, 4).and(fm.gtEq(4)),
    'rfm.Potential_Loyalists': r.gtEq(4).and(between(fm, 2, 3)),
    'rfm.New_Customers': r.eq(5).and(fm.eq(1)),
    'rfm.Promising': r.eq(4).and(fm.eq(1)),
    'rfm.Need_Attention': r.eq(3).and(fm.eq(3)),
    'rfm.About_To_Sleep': r.eq(3).and(fm.ltEq(2)),
    'rfm.At_Risk': r.ltEq(2).and(between(fm, 3, 4)),
    'rfm.Cannot_Lose_Them': r.ltEq(2).and(fm.eq(5)),
    'rfm.Hibernating': r.ltEq(2).and(fm.ltEq(2)).and(r.eq(1).and(fm.eq(1)).not()),
    'rfm.Lost': r.eq(1).and(fm.eq(1)),
  };
  return grid.select(...RFM.map(([name]) => conds[name].sum().alias(name)));
}

const POLARS = { e1_active: polarsE1, e2_spend: polarsE2, e3_rfm: polarsE3 };

// ---- engines ----

async function timeRuns(query) {
  await query();  // warm-up, untimed
  const times = [];
  const cpu = [];
  let counts;
  for (let i = 0; i < runs; ++i) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    counts = await query();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e3);
  }
  return { counts, times, cpu };
}

async function benchDuckdb() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const t0 = performance.now();
  await con.run(`CREATE TABLE customers AS SELECT * FROM read_csv('${customersFile}', header = true)`);
  await con.run(`CREATE TABLE purchases AS SELECT * FROM read_csv('${purchasesFile}', header = true)`);
  const loadMs = performance.now() - t0;
  await con.run(`SET threads = ${threads}`);
  const count = async (t) => Number((await con.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows()[0][0]);
  const rows = await count('customers');
  const events = await count('purchases');
  const version = (await con.runAndReadAll('SELECT version()')).getRows()[0][0];
  const out = [];
  for (const w of workloads) {
    const sql = SQL[w]();
    const query = async () => {
      const reader = await con.runAndReadAll(sql);
      const row = reader.getRows()[0];
      return Object.fromEntries(reader.columnNames().map((n, i) => [n, Number(row[i])]));
    };
    out.push({ workload: w, rows, events, loadMs, version, ...(await timeRuns(query)) });
  }
  return out;
}

async function benchPolars() {
  const pl = (await import('nodejs-polars')).default;
  const t0 = performance.now();
  const customers = pl.readCSV(customersFile, { hasHeader: true, tryParseDates: true });
  const purchases = pl.readCSV(purchasesFile, { hasHeader: true, tryParseDates: true });
  const loadMs = performance.now() - t0;
  const dateLit = (days) => pl.lit(days).cast(pl.Int32).cast(pl.Date);
  const out = [];
  for (const w of workloads) {
    const query = async () => {
      const result = await POLARS[w](pl, dateLit, customers.lazy(), purchases.lazy()).collect();
      const row = result.row(0);
      return Object.fromEntries(result.columns.map((n, i) => [n, Number(row[i])]));
    };
    out.push({
      workload: w,
      rows: customers.height,
      events: purchases.height,
      loadMs,
      version: String(pl.version ?? ''),
      ...(await timeRuns(query)),
    });
  }
  return out;
}

const engines = { duckdb: benchDuckdb, polars: benchPolars };
if (!engines[engine] || !purchasesFile || workloads.length === 0 || workloads.some((w) => !SQL[w])) {
  console.error(
    'usage: node peer_events.mjs duckdb|polars CUSTOMERS.csv PURCHASES.csv e1_active,e2_spend,e3_rfm THREADS RUNS [AS_OF]',
  );
  process.exit(2);
}
for (const r of await engines[engine]()) {
  const best = Math.min(...r.times);
  console.log(
    JSON.stringify({
      workload: r.workload,
      engine,
      threads,
      best_ms: best,
      runs,
      cpu_ms: r.cpu[r.times.indexOf(best)],
      rows: r.rows,
      events: r.events,
      counts: r.counts,
      times_ms: r.times.map((t) => Math.round(t * 100) / 100),
      load_ms: Math.round(r.loadMs),
      as_of: asOf,
      version: r.version,
    }),
  );
}
