#!/usr/bin/env bash
# `segc diff`: on the retail example, VIP by p80 instead of p90 against the original rules
# (golden markdown: the count change and the added members); the same change through
# --base-rev HEAD~1 in a temporary git repository; --base-data and --base-as-of, each checked
# against separate `segc run`s; usage errors.
#   diff_test.sh SEGC SOURCE_DIR
#   SEGC_UPDATE_GOLDEN=1 rewrites the golden files.
set -euo pipefail
SEGC="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"  # the test runs in $tmp
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

goldens="$SOURCE_DIR/tests/cli/diff"
data="$SOURCE_DIR/examples/retail/data/customers.csv"
cd "$tmp"

golden() {
  compare_golden "$goldens/$1" "$1"
}

# to_p80 DIR: VIP by the 80th percentile.
to_p80() {
  sed -i 's/where cltv > p90 and last_purchase < vip_window/where cltv > p80 and last_purchase < vip_window/' \
    "$1/value.seg"
  grep -q 'cltv > p80 and last_purchase' "$1/value.seg" || fail "the VIP rule was not changed"
}

# counts JSON: "NAME COUNT" per segment of a segc run --format json summary.
counts() { python3 -c 'import json,sys; [print(k, v["count"]) for k, v in json.load(open(sys.argv[1]))["segments"].items()]' "$1" | sort; }
# diff_counts JSON SIDE: the same from a segc diff --format json (SIDE before or after).
diff_counts() { python3 -c 'import json,sys; [print(s["name"], s[sys.argv[2]]) for s in json.load(open(sys.argv[1]))["segments"]]' "$1" "$2" | sort; }

# --base OLD_RULES
cp -r "$SOURCE_DIR/examples/retail/rules" base
cp -r base rules
to_p80 rules
run_segc "$tmp/out" "$tmp/err" diff rules --base base --data "$data" --format markdown
expect_code 0 "diff --base" || cat "$tmp/err" >&2
golden vip_p80.md
expect_contains "$tmp/out" "| VIP | 79 | 146 | +67 | 67 | 0 |" "diff --base: the VIP count change"
run_segc "$tmp/base.json" "$tmp/err" diff rules --base base --data "$data" --format json
# The added members are exactly the new VIPs: members after and not before, by segc run --out.
run_segc "$tmp/o" "$tmp/e" run base --data "$data" --out "$tmp/before.csv"
run_segc "$tmp/o" "$tmp/e" run rules --data "$data" --out "$tmp/after.csv"
python3 - "$tmp/base.json" "$tmp/before.csv" "$tmp/after.csv" <<'PY' || fail "diff --base: added members"
import csv, json, sys
vip = next(s for s in json.load(open(sys.argv[1]))["segments"] if s["name"] == "VIP")
def members(path):
    return [r["customer_id"] for r in csv.DictReader(open(path)) if r["VIP"] == "1"]
before, after = set(members(sys.argv[2])), members(sys.argv[3])
added = [k for k in after if k not in before]
assert vip["added"] == len(added) == 67 and vip["added_keys"] == added[:10], (vip, added[:10])
assert vip["removed"] == 0 and vip["before"] == 79 and vip["after"] == 146, vip
PY

# --base-rev HEAD~1 in a temporary repository: the same report as --base. Its temporary
# directory goes in $TMPDIR, which must be empty afterwards.
export TMPDIR="$tmp/t"
mkdir "$TMPDIR"
mkdir repo
cp -r "$SOURCE_DIR/examples/retail/rules" repo/rules
git_() { git -C repo -c user.name=segc -c user.email=segc@example.invalid "$@" >/dev/null; }
git_ init -q
git_ add rules
git_ commit -q -m "p90"
to_p80 repo/rules
git_ commit -q -am "p80"
run_segc "$tmp/out" "$tmp/err" diff repo/rules --base-rev HEAD~1 --data "$data" --format json
expect_code 0 "diff --base-rev HEAD~1" || cat "$tmp/err" >&2
python3 - "$tmp/out" "$tmp/base.json" <<'PY' || fail "--base-rev HEAD~1 differs from --base"
import json, sys
rev, base = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert rev["base"] == "rules at HEAD~1", rev["base"]
for key in ("rows", "segments", "scores", "classes"):
    assert rev[key] == base[key], key
PY
# From a subdirectory, and with a file of the project rather than its directory.
(cd repo/rules && "$SEGC" diff value.seg --base-rev HEAD~1 --data "$data" --format json) \
  >"$tmp/out" 2>"$tmp/err" || fail "diff value.seg --base-rev from inside the repository"
run_segc "$tmp/out" "$tmp/err" diff repo/rules --base-rev no-such-rev --data "$data"
expect_code 2 "an unknown revision"
expect_contains "$tmp/err" "cannot read the rules at revision 'no-such-rev'" "an unknown revision"
[[ -z "$(ls -A "$TMPDIR")" ]] || fail "--base-rev left a temporary directory behind"

# --base-data: the first 1,500 customers, then all 2,000; each side equals its own run.
head -1501 "$data" >old.csv
run_segc "$tmp/out" "$tmp/err" diff base --base-data old.csv --data "$data" --format json
expect_code 0 "diff --base-data" || cat "$tmp/err" >&2
run_segc "$tmp/old.json" "$tmp/err" run base --data old.csv --format json
run_segc "$tmp/new.json" "$tmp/err" run base --data "$data" --format json
[[ "$(diff_counts "$tmp/out" before)" == "$(counts "$tmp/old.json")" ]] ||
  fail "--base-data: before counts differ from segc run on the old data"
[[ "$(diff_counts "$tmp/out" after)" == "$(counts "$tmp/new.json")" ]] ||
  fail "--base-data: after counts differ from segc run on the new data"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["rows"]=={"before":1500,"after":2000}, d["rows"]' \
  "$tmp/out" || fail "--base-data: rows"

# --base-as-of: a month earlier.
run_segc "$tmp/out" "$tmp/err" diff base --base-as-of 2026-10-01 --data "$data" --format json
expect_code 0 "diff --base-as-of" || cat "$tmp/err" >&2
run_segc "$tmp/old.json" "$tmp/err" run base --data "$data" --as-of 2026-10-01 --format json
[[ "$(diff_counts "$tmp/out" before)" == "$(counts "$tmp/old.json")" ]] ||
  fail "--base-as-of: before counts differ from segc run --as-of 2026-10-01"
[[ "$(diff_counts "$tmp/out" after)" == "$(counts "$tmp/new.json")" ]] ||
  fail "--base-as-of: after counts differ from segc run"
run_segc "$tmp/out" "$tmp/err" diff base --base-as-of 2026-10-01 --data "$data"
expect_contains "$tmp/out" "base: as_of 2026-10-01; rows 2000 → 2000" "diff --base-as-of text"
expect_contains "$tmp/out" "segment Dormant: 1058 → 1111 (+53), 53 added, 0 removed" \
  "diff --base-as-of text"

# Usage: no base; --base with --base-rev.
run_segc "$tmp/out" "$tmp/err" diff base --data "$data"
expect_code 2 "diff without a base"
expect_contains "$tmp/err" "segc diff needs a base" "diff without a base"
run_segc "$tmp/out" "$tmp/err" diff rules --base base --base-rev HEAD --data "$data"
expect_code 2 "--base with --base-rev"
run_segc "$tmp/out" "$tmp/err" help diff
expect_contains "$tmp/out" "--base-rev" "segc help diff"

finish
