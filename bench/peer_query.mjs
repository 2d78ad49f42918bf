// Times the query workloads of bench/workloads/ on one peer engine over a table already in
// memory. Run once per (engine, threads) in a fresh process, because Polars fixes its thread
// pool at start (POLARS_MAX_THREADS).
//
// usage: node peer_query.mjs duckdb|polars FILE.csv WORKLOADS THREADS RUNS [AS_OF] [--e2e]
//        node peer_query.mjs duckdb - WORKLOADS 1 1 [AS_OF] --print-sql   (the SQL, no run)
//   WORKLOADS  a comma-separated list (w1,w2,w3,w4,w5): the table is loaded once for all
//   --e2e      time the load from the CSV file with each query (the workload's columns only);
//              engine `segc` (e2e only, SEGC=path/to/segc) times whole `segc run` processes
//   AS_OF      the evaluation date, default 2026-11-01 (segc gets the same --as-of)
// Prints one JSON line per workload: {workload, engine, threads, best_ms, runs, cpu_ms, rows,
// counts, times_ms, load_ms, as_of, version}; cpu_ms is the process CPU time (all threads) of
// the best run. Only the query is timed (not the load); each query runs once untimed (warm-up),
// then RUNS times; best_ms is the fastest run.
//
// The queries are the rules of bench/workloads/w*.seg written by hand in SQL and in
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
const e2e = process.argv.includes('--e2e');
const [engine, file, workloadsArg, threadsArg, runsArg, asOfArg] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'));
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

// RFM over buyers (w2.seg, stdlib rfm.seg): ntile(5, x) among Buyers is
// 1 + (x > c1) + ... + (x > c4) on buyers, null elsewhere, with c_k = percentile_cont(k/5) over
// the buyers' non-null values (dates as day numbers); FM = round((F + M) / 2), half away from
// zero, which for these positive integers is (F + M + 1) // 2.
const RFM_SEGMENTS = [
  ['Champions', 'Champions', 'R = 5 AND FM >= 4', (R, FM) => R.eq(5).and(FM.gtEq(4))],
  ['Loyal', 'Loyal', 'R BETWEEN 3 AND 4 AND FM >= 4', (R, FM) => R.gtEq(3).and(R.ltEq(4)).and(FM.gtEq(4))],
  ['Potential_Loyalists', 'Potential Loyalists', 'R >= 4 AND FM BETWEEN 2 AND 3',
    (R, FM) => R.gtEq(4).and(FM.gtEq(2)).and(FM.ltEq(3))],
  ['New_Customers', 'New Customers', 'R = 5 AND FM = 1', (R, FM) => R.eq(5).and(FM.eq(1))],
  ['Promising', 'Promising', 'R = 4 AND FM = 1', (R, FM) => R.eq(4).and(FM.eq(1))],
  ['Need_Attention', 'Need Attention', 'R = 3 AND FM = 3', (R, FM) => R.eq(3).and(FM.eq(3))],
  ['About_To_Sleep', 'About To Sleep', 'R = 3 AND FM <= 2', (R, FM) => R.eq(3).and(FM.ltEq(2))],
  ['At_Risk', 'At Risk', 'R <= 2 AND FM BETWEEN 3 AND 4', (R, FM) => R.ltEq(2).and(FM.gtEq(3)).and(FM.ltEq(4))],
  ['Cannot_Lose_Them', 'Cannot Lose Them', 'R <= 2 AND FM = 5', (R, FM) => R.ltEq(2).and(FM.eq(5))],
  ['Hibernating', 'Hibernating', 'R <= 2 AND FM <= 2 AND NOT (R = 1 AND FM = 1)',
    (R, FM) => R.ltEq(2).and(FM.ltEq(2)).and(R.eq(1).and(FM.eq(1)).not())],
  ['Lost', 'Lost', 'R = 1 AND FM = 1', (R, FM) => R.eq(1).and(FM.eq(1))],
];
const BUYER_STAGES = ['customer', 'churned'];

function sqlW2() {
  const tile = (x, c) => `CASE WHEN buyer THEN 1 + (${x} > ${c}[1])::INT + (${x} > ${c}[2])::INT + ` +
    `(${x} > ${c}[3])::INT + (${x} > ${c}[4])::INT END`;
  const q = '[0.2, 0.4, 0.6, 0.8]';
  const labels = RFM_SEGMENTS.map(([, label, cond]) => `WHEN ${cond} THEN '${label}'`).join(' ');
  const counts = [
    `count(*) FILTER (WHERE buyer) AS "Buyers"`,
    ...RFM_SEGMENTS.map(([name, , cond]) => `count(*) FILTER (WHERE ${cond}) AS "rfm.${name}"`),
    ...['R', 'F', 'M', 'RFM'].flatMap((s) => [`count(${s}) AS "rfm.${s} (count)"`, `sum(${s}) AS "rfm.${s} (sum)"`]),
    ...RFM_SEGMENTS.map(([, label]) => `count(*) FILTER (WHERE label = '${label}') AS "rfm.segment_label=${label}"`),
  ];
  return `WITH b AS (
  SELECT lifecycle_stage IN ('customer', 'churned') AS buyer,
         (last_purchase - DATE '1970-01-01')::DOUBLE AS rec, orders::DOUBLE AS freq, total_spent AS mon
  FROM t),
c AS (
  SELECT quantile_cont(rec, ${q}) AS cr, quantile_cont(freq, ${q}) AS cf, quantile_cont(mon, ${q}) AS cm
  FROM b WHERE buyer),
s AS (
  SELECT buyer, ${tile('rec', 'cr')} AS R, ${tile('freq', 'cf')} AS F, ${tile('mon', 'cm')} AS M FROM b, c),
f AS (SELECT *, 100 * R + 10 * F + M AS RFM, (F + M + 1) // 2 AS FM FROM s),
l AS (SELECT *, CASE ${labels} END AS label FROM f)
SELECT
  ${counts.join(',\n  ')}
FROM l`;
}

// The points score of w3.seg: each rule adds its points when its condition is TRUE (CASE
// treats null as not TRUE), then the sum is clamped to 0..100.
// `last_purchase > 1y` is last_purchase < as_of - 12 calendar months.
const W3_RULES = [
  [20, () => 'email_opens_30d >= 5', (c) => c('email_opens_30d').gtEq(5)],
  [15, () => 'visits_30d >= 10', (c) => c('visits_30d').gtEq(10)],
  [10, () => 'orders >= 3', (c) => c('orders').gtEq(3)],
  [10, () => 'total_spent > 500', (c) => c('total_spent').gt(500)],
  [10, () => `lifecycle_stage IN ('lead', 'prospect')`, (c) => c('lifecycle_stage').isIn(['lead', 'prospect'])],
  [5, () => 'consent_email', (c) => c('consent_email')],
  [5, () => `channel = 'app'`, (c, pl) => c('channel').eq(pl.lit('app'))],
  [-10, () => 'unsubscribed', (c) => c('unsubscribed')],
  [-20, () => `last_purchase < ${sqlMonthsAgo(12)}`,
    (c, pl, dateLit) => c('last_purchase').lt(dateLit(minusMonths(asOf, 12)))],
];

function sqlW3() {
  const points = W3_RULES.map(([n, cond]) => `CASE WHEN ${cond()} THEN ${n} ELSE 0 END`).join(' + ');
  return `WITH s AS (SELECT least(greatest(${points}, 0), 100) AS engagement FROM t)
SELECT count(*) FILTER (WHERE engagement >= 40) AS "Hot",
  count(*) FILTER (WHERE engagement BETWEEN 20 AND 39) AS "Warm",
  count(*) FILTER (WHERE engagement < 20) AS "Cold",
  count(engagement) AS "engagement (count)", sum(engagement) AS "engagement (sum)"
FROM s`;
}

// ABC (w5.seg, stdlib abc.seg): share = cumshare(total_spent) = sum(x' >= x) / sum(x) over
// the non-null values (ties share one value: a RANGE window on descending x); A: share <= 60%,
// B: <= 90%, C: the other non-null shares.
function sqlW5() {
  return `WITH s AS (
  SELECT CASE WHEN total_spent IS NOT NULL THEN
           sum(total_spent) OVER (ORDER BY total_spent DESC NULLS LAST
                                  RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
           / sum(total_spent) OVER () END AS share
  FROM t),
c AS (SELECT CASE WHEN share <= 0.6 THEN 'A' WHEN share <= 0.9 THEN 'B'
                  WHEN share IS NOT NULL THEN 'C' END AS class FROM s)
SELECT count(*) FILTER (WHERE class = 'A') AS "abc.A", count(*) FILTER (WHERE class = 'B') AS "abc.B",
  count(*) FILTER (WHERE class = 'C') AS "abc.C", count(*) FILTER (WHERE class = 'A') AS "abc.class=A",
  count(*) FILTER (WHERE class = 'B') AS "abc.class=B", count(*) FILTER (WHERE class = 'C') AS "abc.class=C"
FROM c`;
}

const SQL = { w1: sqlW1, w2: sqlW2, w3: sqlW3, w4: sqlW4, w5: sqlW5 };
// The columns each workload reads: what the end-to-end runs load from the CSV file (segc reads
// only the columns its rules use, too).
const COLUMNS = {
  w1: ['cltv', 'last_purchase'],
  w2: ['lifecycle_stage', 'last_purchase', 'orders', 'total_spent'],
  w3: ['email_opens_30d', 'visits_30d', 'orders', 'total_spent', 'lifecycle_stage', 'consent_email',
    'channel', 'unsubscribed', 'last_purchase'],
  w4: ['cltv', 'total_spent', 'orders', 'first_purchase', 'last_purchase', 'age', 'country', 'sector',
    'channel', 'consent_email', 'consent_sms', 'lifecycle_stage', 'employees', 'email_opens_30d',
    'visits_30d', 'unsubscribed'],
  w5: ['total_spent'],
};

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

function polarsW2(pl) {
  const col = (name) => pl.col(name);
  const buyer = col('lifecycle_stage').isIn(BUYER_STAGES);
  // ntile(5, x) among Buyers: the cut points are the buyers' percentiles.
  const tile = (x) => {
    const inPopulation = x.filter(buyer);
    let t = pl.lit(1);
    for (const q of [0.2, 0.4, 0.6, 0.8]) {
      t = t.add(x.gt(inPopulation.quantile(q, 'linear')).cast(pl.Int32));
    }
    return pl.when(buyer).then(t).otherwise(pl.lit(null));
  };
  const R = col('R'), F = col('F'), M = col('M'), FM = col('FM');
  let label = pl;
  for (const [, name, , cond] of RFM_SEGMENTS) label = label.when(cond(R, FM)).then(pl.lit(name));
  label = label.otherwise(pl.lit(null)).alias('label');
  const counts = [
    buyer.sum().alias('Buyers'),
    ...RFM_SEGMENTS.map(([name, , , cond]) => cond(R, FM).sum().alias(`rfm.${name}`)),
    ...['R', 'F', 'M', 'RFM'].flatMap((n) => [
      col(n).count().alias(`rfm.${n} (count)`), col(n).sum().alias(`rfm.${n} (sum)`)]),
    ...RFM_SEGMENTS.map(([, name]) => col('label').eq(pl.lit(name)).sum().alias(`rfm.segment_label=${name}`)),
  ];
  return (lf) => lf
    .withColumns(
      tile(col('last_purchase').cast(pl.Int32).cast(pl.Float64)).alias('R'),
      tile(col('orders').cast(pl.Float64)).alias('F'),
      tile(col('total_spent')).alias('M'))
    .withColumns(R.mul(100).add(F.mul(10)).add(M).alias('RFM'), F.add(M).add(1).div(2).floor().alias('FM'))
    .withColumns(label)
    .select(...counts);
}

function polarsW3(pl, dateLit) {
  const c = (name) => pl.col(name);
  const points = W3_RULES.map(([n, , cond]) =>
    pl.when(cond(c, pl, dateLit)).then(pl.lit(n)).otherwise(pl.lit(0)));
  const e = c('engagement');
  return (lf) => lf
    .select(points.reduce((a, b) => a.add(b)).clip(0, 100).alias('engagement'))
    .select(
      e.gtEq(40).sum().alias('Hot'),
      e.gtEq(20).and(e.ltEq(39)).sum().alias('Warm'),
      e.lt(20).sum().alias('Cold'),
      e.count().alias('engagement (count)'),
      e.sum().alias('engagement (sum)'));
}

function polarsW5(pl) {
  const x = pl.col('total_spent'), share = pl.col('share');
  const a = share.ltEq(0.6), b = share.gt(0.6).and(share.ltEq(0.9)), c = share.gt(0.9);
  return (lf) => lf
    .select(x)
    .filter(x.isNotNull())
    .sort('total_spent', true)
    // Ties share one value: the cumulative sum at the end of their run (RANGE semantics).
    .withColumns(x.cumSum().alias('cum'))
    .select(pl.col('cum').max().over('total_spent').div(x.sum()).alias('share'))
    .select(a.sum().alias('abc.A'), b.sum().alias('abc.B'), c.sum().alias('abc.C'),
      a.sum().alias('abc.class=A'), b.sum().alias('abc.class=B'), c.sum().alias('abc.class=C'));
}

// Each returns the plan from the table's LazyFrame to the one-row frame of counts.
const POLARS = {
  w1: (pl, dateLit) => (lf) => lf.select(...polarsW1(pl, dateLit)),
  w2: polarsW2,
  w3: polarsW3,
  w4: (pl, dateLit) => (lf) => lf.select(...polarsW4(pl, dateLit)),
  w5: polarsW5,
};

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

// In memory (the default): the table is loaded once, untimed, and each run times the query.
// End to end (--e2e): each run loads the workload's columns from the CSV file and then queries
// them, both timed, as a user starting from the file would (segc's counterpart is one timed
// `segc run` process, which reads only the columns its rules use).
async function benchDuckdb() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const readCsv = (columns) =>
    `CREATE OR REPLACE TABLE t AS SELECT ${columns} FROM read_csv('${file}', header = true)`;
  const t0 = performance.now();  // the load uses every core; it is not part of the figures
  await con.run(readCsv(e2e ? 'customer_id' : '*'));
  const loadMs = performance.now() - t0;
  await con.run(`SET threads = ${threads}`);
  const rows = Number((await con.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
  const version = (await con.runAndReadAll('SELECT version()')).getRows()[0][0];
  const out = [];
  for (const w of workloads) {
    const sql = SQL[w]();
    const query = async () => {
      if (e2e) await con.run(readCsv(COLUMNS[w].join(', ')));
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
  // The category columns as Categorical (Polars' dictionary encoding, as segc stores them):
  // equality and `isIn` on them are several times faster than on String.
  const readCsv = (columns) => {
    let df = pl.readCSV(file, { hasHeader: true, tryParseDates: true, ...(columns ? { columns } : {}) });
    const cast = CATEGORY_COLUMNS.filter((c) => categorical && df.columns.includes(c));
    if (cast.length) df = df.withColumns(...cast.map((c) => pl.col(c).cast(pl.Categorical)));
    return df;
  };
  const t0 = performance.now();
  let df = readCsv(e2e ? ['customer_id'] : undefined);
  const loadMs = performance.now() - t0;
  const rows = df.height;
  // A Date literal: the day number cast to Date (physically the same int32 as the column).
  const dateLit = (days) => pl.lit(days).cast(pl.Int32).cast(pl.Date);
  const out = [];
  for (const w of workloads) {
    const plan = POLARS[w](pl, dateLit);
    const query = async () => {
      if (e2e) df = readCsv(COLUMNS[w]);
      const result = await plan(df.lazy()).collect();
      const row = result.row(0);
      return Object.fromEntries(result.columns.map((n, i) => [n, Number(row[i])]));
    };
    const version = `${pl.version ?? ''}${categorical ? '' : ' (String categories)'}`;
    out.push({ workload: w, rows, loadMs, version, ...(await timeRuns(query)) });
  }
  return out;
}

// segc end to end (--e2e only): one `segc run RULES --format json` process per run, timed from
// spawn to exit (start-up, check, JIT, the CSV load of the used columns, the run and the
// summary), with its JSON summary turned into the same counts as the other engines'.
async function benchSegcCli() {
  const { spawnSync } = await import('node:child_process');
  const segc = process.env.SEGC;
  const out = [];
  for (const w of workloads) {
    const rules = new URL(`./workloads/${w}.seg`, import.meta.url).pathname;
    const query = async () => {
      const run = spawnSync(segc, ['run', rules, '--data', file, '--as-of', asOf, '--threads',
        String(threads), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (run.status !== 0) throw new Error(`segc run ${w}: exit ${run.status}: ${run.stderr}`);
      const summary = JSON.parse(run.stdout);
      const counts = {};
      for (const [name, seg] of Object.entries(summary.segments)) counts[name] = seg.count;
      for (const [name, sc] of Object.entries(summary.scores)) {
        counts[`${name} (count)`] = sc.count;
        counts[`${name} (sum)`] = sc.sum;
      }
      for (const [name, labels] of Object.entries(summary.classes)) {
        for (const [label, n] of Object.entries(labels)) if (label !== 'null') counts[`${name}=${label}`] = n;
      }
      counts.rows = summary.rows;
      return counts;
    };
    const r = await timeRuns(query);
    const rows = r.counts.rows;
    delete r.counts.rows;
    out.push({ workload: w, rows, loadMs: 0, version: 'segc run', ...r });
  }
  return out;
}

const engines = { duckdb: benchDuckdb, polars: benchPolars, segc: benchSegcCli };
if (printSql) {
  for (const w of workloads) console.log(`-- ${w}\n${SQL[w]()};\n`);
  process.exit(0);
}
if (!engines[engine] || (engine === 'segc' && (!e2e || !process.env.SEGC)) || !file || workloads.length === 0 || workloads.some((w) => !SQL[w])) {
  console.error('usage: node peer_query.mjs duckdb|polars FILE.csv w1,w2,... THREADS RUNS [AS_OF] [--e2e]');
  process.exit(2);
}
for (const r of await engines[engine]()) {
  console.log(
    JSON.stringify({
      workload: r.workload,
      engine,
      mode: e2e ? 'e2e' : 'memory',
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
