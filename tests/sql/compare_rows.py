"""Compares the JIT's --out CSV with the rows of the SQL per-customer query (CSV, booleans as
1/0 or t/f, nulls empty or \\N), by key and column name: every column of the JIT file must be equal (numbers as
doubles). Prints the first mismatches; exit 1 when there is any.
    compare_rows.py JIT.csv SQL.csv"""
import csv
import sys


def same(a, b):
    if b == "\\N":  # ClickHouse's CSV null
        b = ""
    if b in ("t", "f", "true", "false"):
        b = "1" if b in ("t", "true") else "0"
    if a == b:
        return True
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def main():
    jit = list(csv.DictReader(open(sys.argv[1], newline="")))
    sql = list(csv.DictReader(open(sys.argv[2], newline="")))
    if len(jit) != len(sql):
        print(f"{len(jit)} rows from the JIT, {len(sql)} from SQL")
        return 1
    if not jit:
        return 0
    key = next(iter(jit[0]))
    by_key = {row[key]: row for row in sql}
    bad = 0
    for row in jit:
        other = by_key.get(row[key])
        for column, value in row.items():
            got = None if other is None else other.get(column)
            if got is None or not same(value, got):
                bad += 1
                if bad <= 10:
                    print(f"key {row[key]}, column {column}: JIT {value!r}, SQL {got!r}")
    return 1 if bad else 0


sys.exit(main())
