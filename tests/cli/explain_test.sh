#!/usr/bin/env bash
# `segc explain`: golden explanations of a VIP member (100018) and a non-member (100001) of the
# retail example, text and JSON; the funnel's counts equal separate `segc run`s of the prefixes
# of the segment's condition; usage errors.
#   explain_test.sh SEGC SOURCE_DIR
#   SEGC_UPDATE_GOLDEN=1 rewrites the golden files.
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

goldens="$SOURCE_DIR/tests/cli/explain"
rules="$SOURCE_DIR/examples/retail/rules"
data="$SOURCE_DIR/examples/retail/data/customers.csv"

# golden NAME ARGS...: segc explain ARGS, stdout compared with the golden file NAME.
golden() {
  local name="$1"
  shift
  run_segc "$tmp/out" "$tmp/err" explain "$rules" --data "$data" "$@"
  expect_code 0 "explain $name" || cat "$tmp/err" >&2
  compare_golden "$goldens/$name" "explain $name"
}

golden vip_member.txt --key 100018 --segment VIP
golden vip_member.json --key 100018 --segment VIP --format json
golden vip_non_member.txt --key 100001 --segment VIP
golden vip_non_member.json --key 100001 --segment VIP --format json
golden value_tier.txt --key 100001 --segment value_tier
golden funnel_winback.txt --segment Winback_Email --funnel

# The member is a member, the non-member is not, as segc run --out says.
run_segc "$tmp/out" "$tmp/err" run "$rules" --data "$data" --out "$tmp/members.csv"
vip_of() { awk -F, -v key="$1" 'NR==1{for(i=1;i<=NF;i++) if($i=="VIP") c=i} $1==key {print $c}' "$tmp/members.csv"; }
[[ "$(vip_of 100018)" == 1 && "$(vip_of 100001)" == 0 ]] || fail "the golden rows changed membership"
grep -q '^segment VIP = true$' "$goldens/vip_member.txt" || fail "vip_member.txt: not a member"
grep -q '^segment VIP = false$' "$goldens/vip_non_member.txt" || fail "vip_non_member.txt: a member"

# The whole explanation (every declaration) checks and names each of them.
run_segc "$tmp/out" "$tmp/err" explain "$rules" --data "$data" --key 100001 --engine jit
expect_code 0 "explain every declaration"
for name in VIP Dormant Winback_Email value_index value_tier; do
  grep -qE "^(segment|score|classify) $name = " "$tmp/out" || fail "explain: no line for $name"
done

# Funnel counts = runs of the prefixes of the condition, each as its own segment.
# funnel_check SEGMENT: the conditions are read from the funnel's JSON output.
funnel_check() {
  local segment="$1"
  run_segc "$tmp/funnel.json" "$tmp/err" explain "$rules" --data "$data" --segment "$segment" \
    --funnel --format json
  expect_code 0 "funnel $segment" || return
  python3 - "$tmp/funnel.json" "$rules" "$tmp/prefix" "$segment" <<'PY'
import json, os, shutil, sys
funnel, rules, out, segment = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3], sys.argv[4]
shutil.copytree(rules, out)
conds = [s["condition"] for s in funnel["steps"]]
with open(os.path.join(out, "prefixes.seg"), "w") as f:
    for k in range(len(conds)):
        f.write("segment Prefix_%d where %s\n" % (k, " and ".join("(%s)" % c for c in conds[:k + 1])))
with open(out + ".expected", "w") as f:
    for k, s in enumerate(funnel["steps"]):
        f.write("Prefix_%d %d\n" % (k, s["rows"]))
    f.write("%s %d\n" % (segment, funnel["count"]))
PY
  run_segc "$tmp/run.json" "$tmp/err" run "$tmp/prefix" --data "$data" --format json
  expect_code 0 "run of the prefixes of $segment" || { cat "$tmp/err" >&2; return; }
  python3 - "$tmp/run.json" "$tmp/prefix.expected" <<'PY' || fail "funnel $segment != segc run"
import json, sys
segments = json.load(open(sys.argv[1]))["segments"]
for line in open(sys.argv[2]):
    name, count = line.split()
    assert segments[name]["count"] == int(count), (name, segments[name], count)
PY
  rm -rf "$tmp/prefix" "$tmp/prefix.expected"
}
funnel_check VIP
funnel_check Winback_Email
funnel_check Second_Order_Nudge

# Usage errors: no --key, --funnel with --key, an unknown segment, a key not in the data.
run_segc "$tmp/out" "$tmp/err" explain "$rules" --data "$data"
expect_code 2 "explain without --key"
run_segc "$tmp/out" "$tmp/err" explain "$rules" --data "$data" --segment VIP --funnel --key 1
expect_code 2 "--funnel with --key"
run_segc "$tmp/out" "$tmp/err" explain "$rules" --data "$data" --key 100001 --segment VIPS
expect_code 2 "an unknown segment"
expect_contains "$tmp/err" "did you mean 'VIP'?" "an unknown segment"
run_segc "$tmp/out" "$tmp/err" explain "$rules" --data "$data" --key 42
expect_code 2 "a key not in the data"
expect_contains "$tmp/err" "no row with customer_id 42" "a key not in the data"
run_segc "$tmp/out" "$tmp/err" help explain
expect_contains "$tmp/out" "--funnel" "segc help explain"

finish
