#!/usr/bin/env bash
# `segc report` in a real browser: the report of examples/retail and of tests/report/campaign
# (consent, audience, split, expect sizes) opened from file:// in headless Chromium by
# check_report.mjs (npm puppeteer-core in tests/report/node_modules, a test tool only: installed
# there by `npm install` when missing, without its own browser), every data-segc element compared
# with `segc run --format json --overlaps --histograms`, no request but the file itself, and a
# full-page screenshot saved in OUT_DIR (printed). Also the French page and `-o -`.
#   report_test.sh SEGC SOURCE_DIR OUT_DIR
# Exit 77 (skipped) without node, npm or chromium; chromium missing under CI=true is a failure
# (scripts/setup.sh installs it).
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$(cd "$2" && pwd)"
OUT_DIR="$3"
source "$SOURCE_DIR/tests/cli/lib.sh"
make_tmp
mkdir -p "$OUT_DIR"

skip() {
  echo "SKIP: $*"
  exit 77
}
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$chromium" ]]; then
  [[ "${CI:-}" == "true" ]] && { echo "FAIL: chromium is not installed (scripts/setup.sh)" >&2; exit 1; }
  skip "chromium is not installed"
fi
command -v node >/dev/null || skip "node is not installed"
modules="$SOURCE_DIR/tests/report"
if [[ ! -d "$modules/node_modules/puppeteer-core" ]]; then
  command -v npm >/dev/null || skip "npm is not installed"
  (cd "$modules" && PUPPETEER_SKIP_DOWNLOAD=1 timeout 300 npm install --no-audit --no-fund \
    >"$tmp/npm.log" 2>&1) || skip "npm install failed: $(tail -2 "$tmp/npm.log")"
fi

# check NAME LANG RULES DATA: the report and the summary of the same run, compared in Chromium.
check() {
  local name="$1" lang="$2" rules="$3" data="$4"
  local html="$OUT_DIR/$name.html" png="$OUT_DIR/$name.png"
  rm -f "$html" "$png"
  run_segc "$tmp/$name.out" "$tmp/$name.err" report "$rules" --data "$data" -o "$html" \
    --lang "$lang" --threads 2
  expect_code 0 "$name: segc report" || { cat "$tmp/$name.err" >&2; return; }
  run_segc "$tmp/$name.json" "$tmp/$name.jerr" run "$rules" --data "$data" --format json \
    --overlaps --histograms --threads 2
  expect_code 0 "$name: segc run" || return
  if grep -Eiq '(src|href)[[:space:]]*=[[:space:]]*"[^"]*(http|//)|url\(|@import' "$html"; then
    fail "$name: an external reference in the HTML"
  fi
  if ! node "$SOURCE_DIR/tests/report/check_report.mjs" "$modules" "$chromium" "$html" \
      "$tmp/$name.json" "$png" "$lang" >"$tmp/$name.node" 2>&1; then
    fail "$name: the page differs from the summary"
  fi
  cat "$tmp/$name.node"
  local size=0
  [[ -f "$png" ]] && size="$(stat -c %s "$png")"
  ((size > 20000)) || fail "$name: screenshot '$png' missing or tiny ($size bytes)"
  echo "screenshot: $png ($size bytes)"
}

check retail en "$SOURCE_DIR/examples/retail/rules" "$SOURCE_DIR/examples/retail/data/customers.csv"
check campaign en "$SOURCE_DIR/tests/report/campaign/rules.seg" \
  "$SOURCE_DIR/tests/report/campaign/customers.csv"
check campaign.fr fr "$SOURCE_DIR/tests/report/campaign/rules.seg" \
  "$SOURCE_DIR/tests/report/campaign/customers.csv"

# The campaign's label with <script> is text, escaped, never markup.
expect_contains "$OUT_DIR/campaign.html" "Quiet &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;valuable&quot; clients, été" "escaped label"
grep -q "<script" "$OUT_DIR/campaign.html" && fail "campaign: a <script> element in the HTML"
# The failing `expect size` (Big_Spenders) is styled as a failure, Winback's as a pass.
expect_contains "$OUT_DIR/campaign.html" 'class="fail"' "failed expect size"
expect_contains "$OUT_DIR/campaign.html" 'class="pass"' "passed expect size"

# `-o -` writes the same page to stdout; nothing else there.
run_segc "$tmp/stdout.html" "$tmp/stdout.err" report "$SOURCE_DIR/tests/report/campaign/rules.seg" \
  --data "$SOURCE_DIR/tests/report/campaign/customers.csv" -o - --threads 2
expect_code 0 "-o -"
cmp -s "$tmp/stdout.html" "$OUT_DIR/campaign.html" || fail "-o - differs from -o FILE"

# Exit codes as `segc run`: --strict-sizes fails the run (1) and the report still shows it.
run_segc "$tmp/strict.out" "$tmp/strict.err" report "$SOURCE_DIR/tests/report/campaign/rules.seg" \
  --data "$SOURCE_DIR/tests/report/campaign/customers.csv" -o "$tmp/strict.html" --strict-sizes
expect_code 1 "--strict-sizes"
[[ -s "$tmp/strict.html" ]] || fail "--strict-sizes: no report written"
# A missing data file is bad data (3), and no file is left behind.
run_segc "$tmp/bad.out" "$tmp/bad.err" report "$SOURCE_DIR/tests/report/campaign/rules.seg" \
  --data "$tmp/missing.csv" -o "$tmp/bad.html"
[[ "$code" != 0 ]] || fail "missing data: exit 0"
[[ ! -e "$tmp/bad.html" ]] || fail "missing data: a report was written"
# The report cannot overwrite an input.
cp "$SOURCE_DIR/tests/report/campaign/customers.csv" "$tmp/in.csv"
run_segc "$tmp/same.out" "$tmp/same.err" report "$SOURCE_DIR/tests/report/campaign/rules.seg" \
  --data "$tmp/in.csv" -o "$tmp/in.csv"
expect_code 2 "-o the data file"
cmp -s "$tmp/in.csv" "$SOURCE_DIR/tests/report/campaign/customers.csv" || fail "the input was overwritten"
finish
