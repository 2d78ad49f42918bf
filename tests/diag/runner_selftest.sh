#!/usr/bin/env bash
# Self-test of run_golden.sh: on a scratch case folder it must pass good cases and catch a changed
# golden file, a wrong exit code, a missing golden, an unmarked diagnostic and a mark without one.
# usage: runner_selftest.sh PATH/TO/segc
set -uo pipefail
segc="$1"
runner="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/run_golden.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0

run() { bash "$runner" --segc "$segc" --dir "$tmp" "$@" 2>&1; }
expect_pass() {
  local out
  if ! out="$(run "$1")"; then echo "FAIL: expected '$1' to pass:"; echo "$out"; failures=$((failures + 1)); fi
}
expect_fail() {
  local out
  if out="$(run "$1")"; then
    echo "FAIL: expected '$1' to fail ($2)"; failures=$((failures + 1))
  elif [[ "$out" != *"$2"* ]]; then
    echo "FAIL: '$1' failed without saying '$2':"; echo "$out"; failures=$((failures + 1))
  fi
}

mkdir -p "$tmp/t/empty"
echo "not a rule file" >"$tmp/t/empty/README.txt"
printf 'segment A where x @  # error[E0001]\n' >"$tmp/t/marked.seg"
printf 'segment A where x @\n' >"$tmp/t/unmarked.seg"
printf 'segment A where x @  # error[E0001]\n# error[E0102]\n' >"$tmp/t/phantom.seg"
SEGC_UPDATE_GOLDEN=1 run >/dev/null

expect_pass t/empty
expect_pass t/marked
expect_fail t/unmarked "reported but not marked: t/unmarked.seg:1:error[E0001]"
expect_fail t/phantom "marked but not reported: t/phantom.seg:2:error[E0102]"
cp "$tmp/t/empty.stderr" "$tmp/saved"
echo "extra line" >>"$tmp/t/empty.stderr"
expect_fail t/empty "t/empty.stderr differs"
cp "$tmp/saved" "$tmp/t/empty.stderr"
echo 0 >"$tmp/t/empty.exit"
expect_fail t/empty "exit code 1, expected 0"
rm "$tmp/t/empty.exit" "$tmp/t/marked.stderr"
expect_fail t/marked "missing t/marked.stderr"
expect_fail t/nonexistent "no case 't/nonexistent'"

if ((failures == 0)); then
  echo "runner self-test: 8 passed, 0 failed"
else
  echo "runner self-test: $((8 - failures)) passed, $failures failed"
fi
((failures == 0))
