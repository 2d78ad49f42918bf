"""Independent computation of examples/cdnow from the raw CDNOW log, in plain Python.

    cdnow_check.py CDNOW_master.txt SUMMARY.json MEMBERS.csv

Reads the whitespace-separated log itself (customer id, YYYYMMDD date, CDs, dollars), computes
what the example's rules compute (customers, transactions after same-day merging, total spend,
one-time vs repeat buyers, customers by number of repeat purchases, dormant, active and
lapsed customers, spend in 1998, value tiers, RFM quintiles and cells) and compares it with segc's
JSON summary and its --out file (one row per customer). Prints a comparison table; exit 1 on
any difference. Only the standard library: it shares no code or definition file with segc.
"""

import csv
import datetime
import json
import sys
from collections import Counter, defaultdict

AS_OF = datetime.date(1998, 7, 1)


def read_log(path):
    """customer id -> list of (date, dollars), in file order."""
    purchases = defaultdict(list)
    with open(path, encoding="ascii") as f:
        header = f.readline().split()
        assert header == ["customer_id", "date", "number_of_cds", "dollar_value"], header
        for line in f:
            fields = line.split()
            if not fields:
                continue
            day = datetime.datetime.strptime(fields[1], "%Y%m%d").date()
            purchases[int(fields[0])].append((day, float(fields[3])))
    return purchases


def percentile_cont(sorted_values, q):
    """PostgreSQL's percentile_cont over sorted numbers."""
    pos = q * (len(sorted_values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (pos - lo) * (sorted_values[hi] - sorted_values[lo])


def quintiles(values):
    """customer -> 1..5: one plus the number of the four cut points the value is above."""
    ordered = sorted(values.values())
    cuts = [percentile_cont(ordered, k / 5) for k in range(1, 5)]
    return {c: 1 + sum(v > cut for cut in cuts) for c, v in values.items()}


def rfm_label(r, fm):
    """The R x FM grid of the stdlib's rfm module, as documented in docs/stdlib.md."""
    if r == 5 and fm >= 4:
        return "Champions"
    if 3 <= r <= 4 and fm >= 4:
        return "Loyal"
    if r >= 4 and 2 <= fm <= 3:
        return "Potential Loyalists"
    if r == 5 and fm == 1:
        return "New Customers"
    if r == 4 and fm == 1:
        return "Promising"
    if r == 3 and fm == 3:
        return "Need Attention"
    if r == 3 and fm <= 2:
        return "About To Sleep"
    if r <= 2 and 3 <= fm <= 4:
        return "At Risk"
    if r <= 2 and fm == 5:
        return "Cannot Lose Them"
    if r == 1 and fm == 1:
        return "Lost"
    return "Hibernating"


def repeat_bin(transactions):
    repeats = transactions - 1
    if repeats <= 3:
        return str(repeats)
    return "4-9" if repeats <= 9 else "10+"


def compute(purchases):
    days = {c: {d for d, _ in p} for c, p in purchases.items()}
    spend = {c: sum(v for _, v in p) for c, p in purchases.items()}
    last = {c: max(d) for c, d in days.items()}
    freq = {c: len(d) for c, d in days.items()}
    six_months_ago = datetime.date(1998, 1, 1)  # as_of - 6mo
    window_start = AS_OF - datetime.timedelta(days=90)
    ordered_spend = sorted(spend.values())
    p90 = percentile_cont(ordered_spend, 0.9)
    p50 = percentile_cont(ordered_spend, 0.5)
    # Dates as day numbers for the quintiles (segc ranks dates by their day count).
    r = quintiles({c: d.toordinal() for c, d in last.items()})
    f = quintiles(freq)
    m = quintiles(spend)
    cells = {c: 100 * r[c] + 10 * f[c] + m[c] for c in purchases}
    labels = {c: rfm_label(r[c], int((f[c] + m[c]) / 2 + 0.5)) for c in purchases}
    tiers = {
        c: "Top 10%" if s > p90 else "Next 40%" if s > p50 else "Bottom half"
        for c, s in spend.items()
    }
    return {
        "rows": len(purchases),
        "transactions": sum(freq.values()),
        "spend": sum(spend.values()),
        "One_Time": sum(n == 1 for n in freq.values()),
        "Repeat": sum(n >= 2 for n in freq.values()),
        "Dormant": sum(d <= six_months_ago for d in last.values()),
        "Active_90d": sum(any(window_start <= d <= AS_OF for d in ds) for ds in days.values()),
        "Lapsed_Repeat": sum(
            freq[c] >= 2 and all(d < datetime.date(1998, 1, 1) for d in days[c]) for c in days
        ),
        "Big_1998": sum(
            sum(v for d, v in p if d >= datetime.date(1998, 1, 1)) > 200
            for p in purchases.values()
        ),
        "repeat_purchases": Counter(repeat_bin(n) for n in freq.values()),
        "value_tier": Counter(tiers.values()),
        "rfm.segment_label": Counter(labels.values()),
        "cells": cells,
    }


def main():
    log, summary_path, members_path = sys.argv[1:4]
    want = compute(read_log(log))
    with open(summary_path) as f:
        got = json.load(f)
    rows = []

    def compare(what, expected, actual, close=False):
        same = abs(expected - actual) < 0.005 if close else expected == actual
        rows.append((what, expected, actual, "ok" if same else "DIFFERENT"))

    compare("customers", want["rows"], got["rows"])
    compare("transactions (same-day merged)", want["transactions"],
            got["scores"]["transactions"]["sum"])
    compare("total spend", round(want["spend"], 2), got["scores"]["spend"]["sum"], close=True)
    for segment in ["One_Time", "Repeat", "Dormant", "Active_90d", "Lapsed_Repeat", "Big_1998"]:
        compare("segment " + segment, want[segment], got["segments"][segment]["count"])
    for cls in ["repeat_purchases", "value_tier", "rfm.segment_label"]:
        labels = got["classes"][cls]
        for label in sorted(set(labels) | set(want[cls])):
            compare(f"{cls} {label}", want[cls].get(label, 0), labels.get(label, 0))
    # Every customer's RFM cell.
    with open(members_path, newline="") as f:
        segc_cells = {int(row["customer_id"]): int(float(row["rfm.RFM"]))
                      for row in csv.DictReader(f)}
    wrong = [c for c, cell in want["cells"].items() if segc_cells.get(c) != cell]
    compare("customers with the same RFM cell", len(want["cells"]), len(want["cells"]) - len(wrong))
    compare("RFM cells in use", len(set(want["cells"].values())), len(set(segc_cells.values())))

    width = max(len(r[0]) for r in rows)
    print(f"{'check':<{width}}  {'python':>12}  {'segc':>12}")
    for what, expected, actual, verdict in rows:
        print(f"{what:<{width}}  {expected!s:>12}  {actual!s:>12}  {verdict}")
    for c in wrong[:10]:
        print(f"customer {c}: python cell {want['cells'][c]}, segc {segc_cells.get(c)}")
    return 1 if any(r[3] != "ok" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
