#!/usr/bin/env bash
# The README's first example: its schema and rules, checked, print exactly the diagnostic the
# README shows; with the typo fixed, the project checks without errors or warnings and every
# segment has members on a varied table (Lapsed_VIP once required VIP, whose
# `last_purchase < 90d` excludes `> 1y`: it could never match).
#   readme_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

# The first two code blocks after "declares the table:" are schema.seg and vip.seg; the block
# after "needs no data:" holds the command and its output up to the next "$ " line.
mkdir "$tmp/rules"
awk -v dir="$tmp" '
  /declares the table:/ { want = 2; next }
  /needs no data:/ { output = 1; next }
  /^```/ {
    if (inside) { inside = 0; if (output == 2) exit; next }
    if (want > 0) { file = (want == 2) ? dir "/rules/schema.seg" : dir "/rules/vip.seg"; want--; inside = 1; next }
    if (output == 1) { file = dir "/expected"; output = 2; inside = 1; next }
  }
  inside && output == 2 && /^\$ / { if (seen++) exit; next }
  inside { print > file }
' "$SOURCE_DIR/README.md"
[[ -s "$tmp/rules/vip.seg" && -s "$tmp/expected" ]] || fail "README: example blocks not found"

(cd "$tmp" && "$SEGC" check rules/ --color never >out 2>&1) && code=0 || code=$?
expect_code 1 "README example check"
compare_golden "$tmp/expected" "README example output"

sed -i 's/consent_emial/consent_email/' "$tmp/rules/vip.seg"
run_segc "$tmp/out" "$tmp/err" check "$tmp/rules" --werror
expect_code 0 "README example with the typo fixed" || cat "$tmp/out" "$tmp/err" >&2

# Every segment of the example matches someone in a table where value and recency vary
# independently (the old Lapsed_VIP matched no row of any table).
python3 - "$tmp/customers.csv" <<'PY'
import datetime, sys
as_of = datetime.date(2026, 11, 1)
with open(sys.argv[1], "w") as out:
    out.write("customer_id,cltv,last_purchase,consent_email\n")
    for i in range(400):
        day = as_of - datetime.timedelta(days=(i * 37) % 800)
        out.write(f"{i},{(i * 53) % 1000},{day.isoformat()},{'true' if i % 3 else 'false'}\n")
PY
run_segc "$tmp/out" "$tmp/err" run "$tmp/rules" --data "$tmp/customers.csv" --as-of 2026-11-01 \
  --format json
expect_code 0 "README example run" || cat "$tmp/err" >&2
python3 - "$tmp/out" <<'PY' || fail "README example: a segment matches no row"
import json, sys
segments = json.load(open(sys.argv[1]))["segments"]
empty = [name for name, s in segments.items() if s["count"] == 0]
print("counts:", {name: s["count"] for name, s in segments.items()})
sys.exit(1 if empty or len(segments) != 3 else 0)
PY

finish
