// Times the query workloads of bench/workloads/ on one peer engine over a table already in
// memory. Run once per (engine, threads) in a fresh process, because Polars fixes its thread
// pool at start (POLARS_MAX_THREADS).
//
// usage: node peer_query.mjs duckdb|polars FILE.csv WORKLOADS THREADS RUNS [AS_OF]
//        node peer_query.mjs duckdb - WORKLOADS 1 1 [AS_OF] --print-sql   (the SQL, no run)
//   WORKLOADS  w1, w4 or a comma-separated list (w1,w4): the table is loaded once for all
//   AS_OF      the evaluation date, default 2026-11-01 (segc gets the same --as-of)
// Prints one JSON line per workload: {workload, engine, threads, best_ms, runs, cpu_ms, rows,
// counts, times_ms, load_ms, as_of, version}; cpu_ms is the process CPU time (all threads) of
// the best run. Only the query is timed (not the load); each query runs once untimed (warm-up),
// then RUNS times; best_ms is the fastest run.
//
// The queries are the rules of bench/workloads/w1.seg and w4.seg written by hand in SQL and in
// Polars expressions, with segc's semantics (docs/semantics.md):
// - a segment counts the rows where its condition is TRUE: `count(*) FILTER (WHERE c)` in SQL,
//   `c.sum()` in Polars (a null condition counts in neither);
// - a segment used in another rule is never null: coalesce(c, false) / c.fillNull(false);
// - `d < 90d` is d > as_of - 90 days; `d > 6mo` is d < as_of - 6 calendar months;
//   `d within 30d` is as_of - 30 <= d <= as_of; `d between 90d and 180d` is
//   as_of - 180 <= d <= as_of - 90;
// - pNN is percentile_cont(NN/100) over the whole table (nulls skipped), computed in the same
//   timed query: a CTE in SQL, quantile(q, "linear") in Polars.
// Column types are what each engine's CSV reader infers (BIGINT/Int64, DOUBLE, DATE, BOOLEAN,
// VARCHAR/String), except that Polars gets the four category columns as Categorical, its
// dictionary encoding (like segc's), which makes `eq`/`isIn` on them several times faster
// (PEER_CATEGORICAL=0 keeps String). DuckDB ENUM columns measured no faster than VARCHAR on
// W4, so DuckDB keeps VARCHAR.
import { performance } from 'node:perf_hooks';

const printSql = process.argv.includes('--print-sql');
const [engine, file, workloadsArg, threadsArg, runsArg, asOfArg] = process.argv
  .slice(2)
  .filter((a) => a !== '--print-sql');
const threads = Number(threadsArg || 1);
const runs = Number(runsArg || 5);
const asOf = asOfArg || '2026-11-01';
const workloads = (workloadsArg || '').split(',').filter(Boolean);
// PEER_CATEGORICAL=0 keeps Polars' category columns as String (see benchPolars).
const categorical = process.env.PEER_CATEGORICAL !== '0';
const CATEGORY_COLUMNS = ['country', 'sector', 'channel', 'lifecycle_stage'];

// ---- calendar helpers (Polars gets date literals computed here; DuckDB computes its own) ----

const DAY_MS = 86400000;
function parseDate(text) {
  const [y, m, d] = text.split('-').map(Number);
  return { y, m, d };
}
function daysFromCivil({ y, m, d }) {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}
/** as_of minus n calendar months, the day clamped to the target month's length. */
function minusMonths(text, n) {
  const { y, m, d } = parseDate(text);
  const index = y * 12 + (m - 1) - n;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return daysFromCivil({ y: ty, m: tm, d: Math.min(d, last) });
}
const asOfDays = daysFromCivil(parseDate(asOf));

// ---- SQL (DuckDB) ----

const sqlDaysAgo = (n) => `(DATE '${asOf}' - INTERVAL ${n} DAY)::DATE`;
const sqlMonthsAgo = (n) => `(DATE '${asOf}' - INTERVAL ${n} MONTH)::DATE`;

function sqlW1() {
  return `WITH p AS (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY cltv) AS p90 FROM t)
SELECT count(*) FILTER (WHERE cltv > p90 AND last_purchase > ${sqlDaysAgo(90)}) AS "VIP"
FROM t, p`;
}

function sqlW4() {
  const vip = `cltv > p90 AND last_purchase > ${sqlDaysAgo(90)}`;
  const vipRef = `coalesce(${vip}, false)`;
  const europe = `country IN ('FR', 'DE', 'IT', 'ES', 'BE', 'NL')`;
  const europeRef = `coalesce(${europe}, false)`;
  const segments = [
    ['VIP', vip],
    ['VIP_Email', `${vipRef} AND consent_email AND NOT unsubscribed`],
    ['VIP_SMS', `${vipRef} AND consent_sms AND NOT unsubscribed`],
    ['Upsell', `cltv > p50 AND NOT ${vipRef} AND consent_email`],
    ['Big_Spenders', `total_spent > 1000`],
    ['Frequent', `orders >= 5`],
    ['High_Basket', `total_spent / orders > 150`],
    ['Dormant', `last_purchase < ${sqlMonthsAgo(6)} AND lifecycle_stage = 'customer'`],
    ['New_Customers', `first_purchase BETWEEN ${sqlDaysAgo(30)} AND DATE '${asOf}'`],
    [
      'Churn_Risk',
      `last_purchase BETWEEN ${sqlDaysAgo(180)} AND ${sqlDaysAgo(90)} AND orders >= 2`,
    ],
    ['Europe_Core', europe],
    ['EU_Email', `${europeRef} AND consent_email AND NOT unsubscribed`],
    [
      'SMB_Tech',
      `employees BETWEEN 10 AND 250 AND sector IN ('software', 'telecom', 'media')`,
    ],
    ['Enterprise', `employees > 1000 AND sector NOT IN ('public', 'education')`],
    ['Web_Young', `channel IN ('web', 'app') AND age < 30`],
    ['Store_Seniors', `channel = 'store' AND age >= 65`],
    [
      'Hot_Leads',
      `lifecycle_stage IN ('lead', 'prospect') AND visits_30d >= 5 AND NOT unsubscribed`,
    ],
    ['B2B', `employees IS NOT NULL`],
    ['Consumers', `employees IS NULL`],
    ['Engaged', `email_opens_30d >= 5 OR visits_30d >= 10`],
  ];
  const counts = segments.map(([name, cond]) => `  count(*) FILTER (WHERE ${cond}) AS "${name}"`);
  return `WITH p AS (
  SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY cltv) AS p90,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY cltv) AS p50
  FROM t)
SELECT
${counts.join(',\n')}
FROM t, p`;
}

const SQL = { w1: sqlW1, w4: sqlW4 };

// ---- Polars ----

function polarsW1(pl, dateLit) {
  const vip = pl
    .col('cltv')
    .gt(pl.col('cltv').quantile(0.9, 'linear'))
    .and(pl.col('last_purchase').gt(dateLit(asOfDays - 90)));
  return [vip.sum().alias('VIP')];
}

function polarsW4(pl, dateLit) {
  const col = (name) => pl.col(name);
  const vip = col('cltv')
    .gt(col('cltv').quantile(0.9, 'linear'))
    .and(col('last_purchase').gt(dateLit(asOfDays - 90)));
  const vipRef = vip.fillNull(false);
  const europe = col('country').isIn(['FR', 'DE', 'IT', 'ES', 'BE', 'NL']);
  const europeRef = europe.fillNull(false);
  const notUnsub = col('unsubscribed').not();
  const segments = [
    ['VIP', vip],
    ['VIP_Email', vipRef.and(col('consent_email')).and(notUnsub)],
    ['VIP_SMS', vipRef.and(col('consent_sms')).and(notUnsub)],
    [
      'Upsell',
      col('cltv')
        .gt(col('cltv').quantile(0.5, 'linear'))
        .and(vipRef.not())
        .and(col('consent_email')),
    ],
    ['Big_Spenders', col('total_spent').gt(1000)],
    ['Frequent', col('orders').gtEq(5)],
    ['High_Basket', col('total_spent').div(col('orders')).gt(150)],
    [
      'Dormant',
      col('last_purchase')
        .lt(dateLit(minusMonths(asOf, 6)))
        .and(col('lifecycle_stage').eq(pl.lit('customer'))),
    ],
    [
      'New_Customers',
      col('first_purchase')
        .gtEq(dateLit(asOfDays - 30))
        .and(col('first_purchase').ltEq(dateLit(asOfDays))),
    ],
    [
      'Churn_Risk',
      col('last_purchase')
        .gtEq(dateLit(asOfDays - 180))
        .and(col('last_purchase').ltEq(dateLit(asOfDays - 90)))
        .and(col('orders').gtEq(2)),
    ],
    ['Europe_Core', europe],
    ['EU_Email', europeRef.and(col('consent_email')).and(notUnsub)],
    [
      'SMB_Tech',
      col('employees')
        .gtEq(10)
        .and(col('employees').ltEq(250))
        .and(col('sector').isIn(['software', 'telecom', 'media'])),
    ],
    [
      'Enterprise',
      col('employees').gt(1000).and(col('sector').isIn(['public', 'education']).not()),
    ],
    ['Web_Young', col('channel').isIn(['web', 'app']).and(col('age').lt(30))],
    ['Store_Seniors', col('channel').eq(pl.lit('store')).and(col('age').gtEq(65))],
    [
      'Hot_Leads',
      col('lifecycle_stage')
        .isIn(['lead', 'prospect'])
        .and(col('visits_30d').gtEq(5))
        .and(notUnsub),
    ],
    ['B2B', col('employees').isNotNull()],
    ['Consumers', col('employees').isNull()],
    ['Engaged', col('email_opens_30d').gtEq(5).or(col('visits_30d').gtEq(10))],
  ];
  return segments.map(([name, cond]) => cond.sum().alias(name));
}

const POLARS = { w1: polarsW1, w4: polarsW4 };

// ---- engines ----

async function timeRuns(query) {
  const warm = await query();  // warm-up, untimed
  const times = [];
  const cpu = [];  // user + system ms of the whole process (every engine thread)
  let counts = warm;
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
  const t0 = performance.now();  // the load uses every core; it is not part of the figures
  await con.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}', header = true)`);
  const loadMs = performance.now() - t0;
  await con.run(`SET threads = ${threads}`);
  const rows = Number((await con.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
  const version = (await con.runAndReadAll('SELECT version()')).getRows()[0][0];
  const out = [];
  for (const w of workloads) {
    const sql = SQL[w]();
    const query = async () => {
      const reader = await con.runAndReadAll(sql);
      const names = reader.columnNames();
      const row = reader.getRows()[0];
      return Object.fromEntries(names.map((n, i) => [n, Number(row[i])]));
    };
    out.push({ workload: w, rows, loadMs, version, ...(await timeRuns(query)) });
  }
  return out;
}

async function benchPolars() {
  const pl = (await import('nodejs-polars')).default;
  const t0 = performance.now();
  let df = pl.readCSV(file, { hasHeader: true, tryParseDates: true });
  if (categorical) {
    // The category columns as Categorical (Polars' dictionary encoding, as segc stores them):
    // equality and `isIn` on them are several times faster than on String.
    df = df.withColumns(...CATEGORY_COLUMNS.map((c) => pl.col(c).cast(pl.Categorical)));
  }
  const loadMs = performance.now() - t0;
  // A Date literal: the day number cast to Date (physically the same int32 as the column).
  const dateLit = (days) => pl.lit(days).cast(pl.Int32).cast(pl.Date);
  const out = [];
  for (const w of workloads) {
    const exprs = POLARS[w](pl, dateLit);
    const query = async () => {
      const result = await df.lazy().select(exprs).collect();
      const row = result.row(0);
      return Object.fromEntries(result.columns.map((n, i) => [n, Number(row[i])]));
    };
    const version = `${pl.version ?? ''}${categorical ? '' : ' (String categories)'}`;
    out.push({ workload: w, rows: df.height, loadMs, version, ...(await timeRuns(query)) });
  }
  return out;
}

const engines = { duckdb: benchDuckdb, polars: benchPolars };
if (printSql) {
  for (const w of workloads) console.log(`-- ${w}\n${SQL[w]()};\n`);
  process.exit(0);
}
if (!engines[engine] || !file || workloads.length === 0 || workloads.some((w) => !SQL[w])) {
  console.error('usage: node peer_query.mjs duckdb|polars FILE.csv w1|w4|w1,w4 THREADS RUNS [AS_OF]');
  process.exit(2);
}
for (const r of await engines[engine]()) {
  console.log(
    JSON.stringify({
      workload: r.workload,
      engine,
      threads,
      best_ms: Math.min(...r.times),
      runs,
      cpu_ms: r.cpu[r.times.indexOf(Math.min(...r.times))],
      rows: r.rows,
      counts: r.counts,
      times_ms: r.times.map((t) => Math.round(t * 100) / 100),
      load_ms: Math.round(r.loadMs),
      as_of: asOf,
      version: String(r.version),
    }),
  );
}
