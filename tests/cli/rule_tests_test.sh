#!/usr/bin/env bash
# `segc test`: a deliberately broken rule fails with a readable message (golden), a malformed
# test file is reported with its line and column (golden), --junit writes standard JUnit XML,
# --threshold fails under the coverage asked for, and usage errors exit 2.
#   rule_tests_test.sh SEGC SOURCE_DIR
#   SEGC_UPDATE_GOLDEN=1 rewrites the golden files.
set -euo pipefail
SEGC="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"  # the test runs in $tmp
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

goldens="$SOURCE_DIR/tests/cli/rule_tests"

# golden NAME: compares $tmp/out with the golden file NAME.
golden() {
  compare_golden "$goldens/$1" "$1"
}

# A copy of the retail project and its value tests, run from $tmp so the paths are short.
cp -r "$SOURCE_DIR/examples/retail/rules" "$tmp/rules"
mkdir "$tmp/tests"
cp "$SOURCE_DIR/examples/retail/tests/value.segtest" "$tmp/tests/"
cd "$tmp"

run_segc "$tmp/out" "$tmp/err" test tests
expect_code 0 "the retail value tests on an unchanged copy" || cat "$tmp/out" >&2
expect_contains "$tmp/out" "6 passed, 0 failed" "unchanged copy"

# The broken rule: VIP by the median instead of the 90th percentile.
sed -i 's/where cltv > p90 and last_purchase < vip_window/where cltv > p50 and last_purchase < vip_window/' \
  rules/value.seg
grep -q 'cltv > p50 and last_purchase' rules/value.seg || fail "the rule was not broken"
run_segc "$tmp/out" "$tmp/err" test tests --junit "$tmp/results.xml"
expect_code 1 "a broken VIP rule"
golden broken_vip.out
[[ "$(tail -1 "$tmp/out")" == "4 passed, 2 failed" ]] || fail "the last line is not the count"

# The JUnit XML: testsuites > testsuite > testcase (> failure), counts that add up.
python3 - "$tmp/results.xml" <<'PY' || fail "--junit: not the standard JUnit structure"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suites = list(root)
assert [s.tag for s in suites] == ["testsuite"], suites
suite = suites[0]
assert suite.get("name") == "tests/value.segtest", suite.attrib
cases = suite.findall("testcase")
assert len(cases) == int(suite.get("tests")) == int(root.get("tests")) == 6
failed = [c for c in cases if c.find("failure") is not None]
assert len(failed) == int(suite.get("failures")) == int(root.get("failures")) == 2
for c in cases:
    assert c.get("classname") == "tests/value.segtest" and c.get("name") and float(c.get("time")) >= 0
for c in failed:
    f = c.find("failure")
    assert f.get("message") and "expect" in f.get("message") and f.text, f.attrib
    assert all(child.tag == "failure" for child in c)
assert float(root.get("time")) >= 0 and suite.get("errors") == "0"
PY

# --junit into a missing directory: exit 4, nothing written, the results still printed.
run_segc "$tmp/out" "$tmp/err" test tests --junit "$tmp/no/such/dir/r.xml"
expect_code 4 "--junit into a missing directory"
expect_contains "$tmp/err" "cannot write --junit" "--junit into a missing directory"
[[ -e "$tmp/no" ]] && fail "--junit left something behind"

# A malformed test file: every mistake with its line and column, exit 1.
cp "$goldens/malformed.segtest" tests/
run_segc "$tmp/out" "$tmp/err" test tests/malformed.segtest
expect_code 1 "a malformed test file"
golden malformed.out

# A fixture value of the wrong type: placed at its line and column in the test file.
cat >tests/bad_fixture.segtest <<'T'
rules ../rules
fixture
  customer_id  cltv     orders
  1            12.5     two
test "t"
  expect count VIP == 0
T
run_segc "$tmp/out" "$tmp/err" test tests/bad_fixture.segtest
expect_code 1 "a bad fixture value"
expect_contains "$tmp/out" "tests/bad_fixture.segtest:4:25: data error:" "a bad fixture value"

# Coverage under --threshold fails; the default engine and the JIT agree.
rm tests/malformed.segtest tests/bad_fixture.segtest
cp "$SOURCE_DIR/examples/retail/rules/value.seg" rules/value.seg
run_segc "$tmp/out" "$tmp/err" test tests --threshold 90
expect_code 1 "coverage under --threshold"
expect_contains "$tmp/out" "coverage of rules: 9 of 16 conditions both true and false (56.2%)" \
  "coverage figures"
expect_contains "$tmp/out" "never true   segment Winback_Email" "coverage lists what is missing"
expect_contains "$tmp/out" "coverage 56.2% is below --threshold 90" "coverage under --threshold"
run_segc "$tmp/out" "$tmp/err" test tests --threshold 50 --engine jit
expect_code 0 "coverage above --threshold, JIT"

# Usage: no test files, a path that does not exist; help.
run_segc "$tmp/out" "$tmp/err" test rules
expect_code 2 "a directory without tests"
expect_contains "$tmp/err" "no .segtest files under 'rules'" "a directory without tests"
run_segc "$tmp/out" "$tmp/err" test nothing_here
expect_code 2 "a missing path"
run_segc "$tmp/out" "$tmp/err" help test
expect_code 0 "segc help test"
expect_contains "$tmp/out" "--junit" "segc help test"
run_segc "$tmp/out" "$tmp/err" test --help
expect_contains "$tmp/out" "--coverage" "segc test --help"

finish
