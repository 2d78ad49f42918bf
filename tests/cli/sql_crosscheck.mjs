// Independent cross-check of `segc run` on examples/retail: the same segments written by hand in
// DuckDB SQL (percentile_cont for pNN, date arithmetic for recency, RANGE windows for cumshare),
// compared with the counts segc reports; then every population statistic of the summary's
// "statistics" member (the RFM quintile cut points, the cltv percentiles, the median basket)
// recomputed with percentile_cont.
//   node sql_crosscheck.mjs BENCH_DIR customers.csv segc_summary.json
// Prints both sides in two tables; exits 1 when any segment or statistic differs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [benchDir, csvPath, summaryPath] = process.argv.slice(2);
const require = createRequire(join(benchDir, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const AS_OF = "DATE '2026-11-01'";
const epochDays = (column) => `date_diff('day', DATE '1970-01-01', ${column})`;
const pct = (q, x) => `percentile_cont(${q}) WITHIN GROUP (ORDER BY ${x})`;
// segc's ntile(5, x): 1 + the number of cut points percentile(x, k/5), k = 1..4, below x.
// Percentiles of dates are rounded down to a whole day (docs/language.md, Functions).
const cuts = (x, prefix, floor) =>
  [1, 2, 3, 4].map((k) => `${floor ? 'floor(' : ''}${pct(k / 5, x)}${floor ? ')' : ''} AS ${prefix}${k}`);
const ntile = (x, prefix) =>
  `1 + ${[1, 2, 3, 4].map((k) => `(${x} > s.${prefix}${k})::INT`).join(' + ')}`;
// cumshare(x) = sum of x' >= x over sum of x (non-null x; ties share one value).
const cumshare = (x) =>
  `CASE WHEN ${x} IS NULL THEN NULL ELSE sum(${x}) OVER (ORDER BY ${x} DESC NULLS LAST ` +
  `RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / s.${x}_sum END`;

const load = `
CREATE TABLE customers AS SELECT * FROM read_csv('${csvPath}', header = true, auto_detect = false,
  quote = '"', escape = '"', delim = ',', columns = {
  'customer_id': 'BIGINT', 'email': 'VARCHAR', 'first_name': 'VARCHAR', 'country': 'VARCHAR',
  'postcode': 'VARCHAR', 'birth_date': 'VARCHAR', 'signup_date': 'DATE',
  'first_purchase': 'DATE', 'last_purchase': 'DATE', 'orders': 'BIGINT',
  'total_spent': 'DOUBLE', 'gross_margin': 'DOUBLE', 'cltv': 'DOUBLE', 'returns': 'BIGINT',
  'loyalty_tier': 'VARCHAR', 'preferred_store': 'VARCHAR', 'Web Sessions 90d': 'BIGINT',
  'consent_email': 'BOOLEAN', 'consent_sms': 'BOOLEAN'})`;

const query = `
WITH base AS (
  SELECT *,
    ${epochDays('last_purchase')} AS lp_days,
    CASE WHEN orders = 0 THEN NULL ELSE total_spent / orders END AS avg_basket,
    CASE WHEN orders = 0 THEN NULL ELSE returns::DOUBLE / orders END AS return_rate,
    strptime(birth_date, '%d/%m/%Y')::DATE AS birth
  FROM customers),
s AS (
  SELECT ${pct(0.5, 'cltv')} AS cltv_p50, ${pct(0.75, 'cltv')} AS cltv_p75,
         ${pct(0.9, 'cltv')} AS cltv_p90, ${pct(0.99, 'cltv')} AS cltv_p99,
         ${pct(0.5, 'avg_basket')} AS basket_p50,
         ${cuts('lp_days', 'r', true).join(', ')},
         ${cuts('orders', 'f', false).join(', ')},
         ${cuts('total_spent', 'm', false).join(', ')},
         sum(total_spent) AS total_spent_sum, sum(gross_margin) AS gross_margin_sum
  FROM base),
r AS (
  SELECT b.*,
    ${ntile('lp_days', 'r')} AS R, ${ntile('orders', 'f')} AS F, ${ntile('total_spent', 'm')} AS M,
    ${cumshare('total_spent')} AS abc_share, ${cumshare('gross_margin')} AS margin_share,
    CASE WHEN cltv > s.cltv_p99 THEN 'platinum' WHEN cltv > s.cltv_p90 THEN 'gold'
         WHEN cltv > s.cltv_p50 THEN 'silver' ELSE 'bronze' END AS value_tier,
    coalesce(cltv > s.cltv_p90 AND last_purchase > ${AS_OF} - INTERVAL 90 DAY, false) AS vip,
    coalesce(orders >= 3 AND return_rate > 0.33, false) AS serial,
    (consent_email AND email IS NOT NULL) AS reachable,
    b.cltv BETWEEN s.cltv_p75 AND s.cltv_p90 AS rising_value,
    avg_basket > 2 * s.basket_p50 AS big_basket
  FROM base b, s),
g AS (
  SELECT *, floor((F + M) / 2.0 + 0.5) AS FM,
    coalesce(last_purchase <= ${AS_OF} - INTERVAL 6 MONTH AND NOT vip, false) AS dormant,
    coalesce(abc_share <= 0.6, false) AS abc_a, coalesce(margin_share <= 0.7, false) AS margin_a
  FROM r),
seg AS (
  SELECT *,
    coalesce(R <= 2 AND FM BETWEEN 3 AND 4, false) AS at_risk,
    coalesce(R <= 2 AND FM = 5, false) AS cannot_lose
  FROM g)
SELECT
  count(*) FILTER (WHERE vip) AS "VIP",
  count(*) FILTER (WHERE dormant) AS "Dormant",
  count(*) FILTER (WHERE big_basket AND orders >= 2) AS "Big_Basket",
  count(*) FILTER (WHERE serial) AS "Serial_Returners",
  count(*) FILTER (WHERE abc_a AND margin_a) AS "Profit_Core",
  count(*) FILTER (WHERE signup_date BETWEEN ${AS_OF} - INTERVAL 1 YEAR AND ${AS_OF}
                     AND rising_value AND NOT serial) AS "Rising_Stars",
  count(*) FILTER (WHERE (at_risk OR cannot_lose) AND reachable) AS "Winback_Email",
  count(*) FILTER (WHERE vip AND reachable AND value_tier IN ('gold', 'platinum'))
    AS "VIP_Preview_Email",
  count(*) FILTER (WHERE month(birth) = month(${AS_OF}) AND reachable) AS "Birthday_This_Month",
  count(*) FILTER (WHERE consent_sms AND starts_with(postcode, '69') AND country = 'FR'
                     AND last_purchase BETWEEN ${AS_OF} - INTERVAL 2 YEAR AND ${AS_OF})
    AS "Store_Event_SMS",
  count(*) FILTER (WHERE orders = 1
                     AND last_purchase BETWEEN ${AS_OF} - INTERVAL 56 DAY
                                           AND ${AS_OF} - INTERVAL 21 DAY
                     AND "Web Sessions 90d" >= 3 AND reachable) AS "Second_Order_Nudge",
  count(*) FILTER (WHERE loyalty_tier = 'silver' AND total_spent >= 1500 AND NOT serial
                     AND reachable) AS "Loyalty_Upgrade",
  count(*) FILTER (WHERE dormant AND F >= 3 AND reachable AND NOT serial)
    AS "Dormant_Reactivation",
  count(*) FILTER (WHERE R = 5 AND FM >= 4) AS "rfm.Champions",
  count(*) FILTER (WHERE R BETWEEN 3 AND 4 AND FM >= 4) AS "rfm.Loyal",
  count(*) FILTER (WHERE R >= 4 AND FM BETWEEN 2 AND 3) AS "rfm.Potential_Loyalists",
  count(*) FILTER (WHERE R = 5 AND FM = 1) AS "rfm.New_Customers",
  count(*) FILTER (WHERE R = 4 AND FM = 1) AS "rfm.Promising",
  count(*) FILTER (WHERE R = 3 AND FM = 3) AS "rfm.Need_Attention",
  count(*) FILTER (WHERE R = 3 AND FM <= 2) AS "rfm.About_To_Sleep",
  count(*) FILTER (WHERE at_risk) AS "rfm.At_Risk",
  count(*) FILTER (WHERE cannot_lose) AS "rfm.Cannot_Lose_Them",
  count(*) FILTER (WHERE R <= 2 AND FM <= 2 AND NOT (R = 1 AND FM = 1)) AS "rfm.Hibernating",
  count(*) FILTER (WHERE R = 1 AND FM = 1) AS "rfm.Lost",
  count(*) FILTER (WHERE abc_a) AS "abc.A",
  count(*) FILTER (WHERE NOT abc_a AND abc_share <= 0.9) AS "abc.B",
  count(*) FILTER (WHERE abc_share > 0.9) AS "abc.C",
  count(*) FILTER (WHERE margin_a) AS "abc_margin.A",
  count(*) FILTER (WHERE NOT margin_a AND margin_share <= 0.9) AS "abc_margin.B",
  count(*) FILTER (WHERE margin_share > 0.9) AS "abc_margin.C"
FROM seg`;

// The statistics, from their definitions in docs/semantics.md rather than from segc's output:
// percentile(x, q) is percentile_cont over the non-null values, and the cut points of
// ntile(n, x) are percentile(x, k/n) for k = 1..n-1. A percentile of a date column may fall
// between two days: DuckDB interpolates it to a TIMESTAMP (compared here in epoch seconds), segc
// prints it as "YYYY-MM-DD HH:MM:SS".
const quintiles = (x) => [1, 2, 3, 4].map((k) => pct(k / 5, x));
const expectedStats = [
  { name: 'ntile(5, last_purchase)', date: true, sql: quintiles('last_purchase') },
  { name: 'ntile(5, orders)', sql: quintiles('orders') },
  { name: 'ntile(5, total_spent)', sql: quintiles('total_spent') },
  { name: 'p90(cltv)', sql: [pct(0.9, 'cltv')] },
  { name: 'median(total_spent / orders)', sql: [pct(0.5, 'avg_basket')] },
  { name: 'p75(cltv)', sql: [pct(0.75, 'cltv')] },
  { name: 'p99(cltv)', sql: [pct(0.99, 'cltv')] },
  { name: 'median(cltv)', sql: [pct(0.5, 'cltv')] },
];
const statsColumns = expectedStats.flatMap((stat, i) =>
  stat.sql.map((sql, k) => `${stat.date ? `epoch(${sql})` : sql} AS s${i}_${k}`));
const statsQuery = `
WITH base AS (
  SELECT *, CASE WHEN orders = 0 THEN NULL ELSE total_spent / orders END AS avg_basket
  FROM customers)
SELECT ${statsColumns.join(',\n       ')}
FROM base`;

const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const con = await db.connect();
await con.run(load);
const reader = await con.runAndReadAll(query);
const names = reader.columnNames();
const row = reader.getRows()[0];
const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
const segc = summary.segments;

let mismatches = 0;
console.log(`${'segment'.padEnd(26)} ${'duckdb'.padStart(8)} ${'segc'.padStart(8)}`);
names.forEach((name, i) => {
  const sql = Number(row[i]);
  const got = segc[name] ? segc[name].count : undefined;
  const mark = sql === got ? '' : '   <-- differs';
  if (mark) mismatches++;
  console.log(`${name.padEnd(26)} ${String(sql).padStart(8)} ${String(got).padStart(8)}${mark}`);
});
const unchecked = Object.keys(segc).filter((name) => !names.includes(name));
if (unchecked.length) console.log(`not cross-checked: ${unchecked.join(', ')}`);
console.log(mismatches ? `${mismatches} segment(s) differ` : `all ${names.length} segments agree`);

// --- statistics ---
// segc's date texts in epoch seconds: "2026-05-12" or "2026-05-12 19:12:00" (UTC, whole seconds).
const dateSeconds = (text) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(String(text));
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
};
// Epoch seconds as segc writes dates: the time only when the value is not a whole day.
const dateText = (seconds) => {
  const iso = new Date(Math.round(seconds) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
};
// '=': equal (dates to the second segc prints); '~': within 1e-12 relative, rounding in the last
// bits (DuckDB's interpolation rounds differently from PostgreSQL's, whose formula segc uses);
// '': differs.
const agree = (stat, got, want) => {
  if (got === null || got === undefined || want === null) return got === want ? '=' : '';
  if (stat.date) return Math.abs(dateSeconds(got) - want) <= 0.5 ? '=' : '';
  if (got === want) return '=';
  return Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)) ? '~' : '';
};

const statsRow = (await con.runAndReadAll(statsQuery)).getRows()[0].map((v) =>
  v === null ? null : Number(v));
const segcStats = summary.statistics || {};
let statMismatches = 0;
let column = 0;
const width = Math.max(...expectedStats.map((stat) => stat.name.length)) + 5;
console.log('');
console.log(`${'statistic'.padEnd(width)} ${'segc'.padStart(21)} ${'DuckDB SQL'.padStart(21)}  =`);
for (const stat of expectedStats) {
  const got = stat.sql.length > 1 ? segcStats[stat.name] : [segcStats[stat.name]];
  stat.sql.forEach((_, k) => {
    const want = statsRow[column++];
    const mine = Array.isArray(got) ? got[k] : undefined;
    const verdict = agree(stat, mine, want);
    if (!verdict) statMismatches++;
    const label = stat.sql.length > 1 ? `${stat.name} cut ${k + 1}` : stat.name;
    const sql = want === null ? 'null' : stat.date ? dateText(want) : String(want);
    console.log(`${label.padEnd(width)} ${String(mine).padStart(21)} ${sql.padStart(21)}  ` +
      `${verdict || '<-- differs'}`);
  });
}
const statsUnchecked = Object.keys(segcStats).filter(
  (name) => !expectedStats.some((stat) => stat.name === name));
if (statsUnchecked.length) console.log(`not cross-checked: ${statsUnchecked.join(', ')}`);
console.log(statMismatches ? `${statMismatches} statistic value(s) differ`
  : `all ${column} statistic values agree`);
process.exit(mismatches || statMismatches ? 1 : 0);
