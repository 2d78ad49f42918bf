// Runs SQL files on an in-memory DuckDB (npm @duckdb/node-api, a test tool only) and prints the
// rows of the last statement as CSV (booleans as 1/0, nulls as empty fields).
//   node duckdb_run.mjs BENCH_DIR FILE.sql...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [benchDir, ...files] = process.argv.slice(2);
const require = createRequire(join(benchDir, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const field = (v) => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  const text = String(v);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
let reader;
for (const file of files) {
  // Statements are separated by ";\n" at the end of a line in segc's output.
  const statements = readFileSync(file, 'utf8').split(/;\n/).filter((s) => s.trim() !== '');
  for (const statement of statements) reader = await db.runAndReadAll(statement);
}
console.log(reader.columnNames().map(field).join(','));
for (const row of reader.getRowsJS()) console.log(row.map(field).join(','));
