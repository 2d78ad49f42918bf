#!/usr/bin/env bash
# End-to-end checks of the segc command line: exit codes, where output goes, help and version.
# usage: cli_smoke_test.sh PATH/TO/segc REPO_ROOT
set -uo pipefail
segc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# expect NAME EXIT_CODE STDOUT_PATTERN STDERR_PATTERN -- ARGS... (patterns are bash globs)
expect() {
  local name="$1" want_code="$2" want_out="$3" want_err="$4"
  shift 5
  (cd "$tmp" && "$segc" "$@") >"$tmp/out" 2>"$tmp/err"
  local code=$? out err
  out="$(cat "$tmp/out")"
  err="$(cat "$tmp/err")"
  if [[ "$code" == "$want_code" && "$out" == $want_out && "$err" == $want_err ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: exit $code (want $want_code)"
    echo "  stdout: ${out:0:400}"
    echo "  stderr: ${err:0:400}"
  fi
}

mkdir -p "$tmp/ok" "$tmp/bad"
printf 'table t key id {\n  id: int\n  x: float\n}\n' >"$tmp/ok/schema.seg"
printf 'segment Big where x > 1\nlet unused = 2\n' >"$tmp/ok/rules.seg"
cp "$tmp/ok/schema.seg" "$tmp/bad/schema.seg"
printf 'segment Big where y > 1\n' >"$tmp/bad/rules.seg"

expect version 0 "segc [0-9]*.[0-9]*.[0-9]* (LLVM [0-9]*.*)" "" -- --version
expect root-help 0 "*Usage: segc*check*help*" "" -- --help
expect no-subcommand 2 "" "*Usage: segc*" --
expect unknown-subcommand 2 "" "segc: error: unknown subcommand 'chek'*did you mean 'segc check'?*" -- chek ok
expect unknown-option 2 "" "segc: error: the following argument was not expected: --formt*segc help check*" -- check --formt json ok
expect bad-format 2 "" "segc: error: --format: xml not in*" -- check --format xml ok
expect missing-path 2 "" "segc: error: PATH is required*" -- check
expect help-check 0 "*Usage: segc check*--max-errors*--werror*" "" -- help check
expect check-help 0 "*Usage: segc check*" "" -- check --help
expect help-code 0 "# E0101*" "" -- help E0101
expect help-code-lower 0 "# E0901*" "" -- help e0901
expect help-unknown-code 2 "" "segc: error: unknown error code 'E9999'*segc help codes*" -- help E9999
expect help-unknown-topic 2 "" "segc: error: unknown help topic 'chek'*segc help check*" -- help chek
expect help-codes 0 "E0001*W0301*E0901*" "" -- help codes
expect check-ok-warning 0 "checked 1 project (2 files): 1 segment, 0 scores, 0 classifications; 0 errors, 1 warning" "*warning\[W0301\]*" -- check ok
expect check-werror 1 "" "*warning\[W0301\]*check failed: 0 errors, 1 warning (--werror) in 1 project (2 files)" -- check --werror ok
expect check-error 1 "" "bad/rules.seg:1:19: error\[E0101\]*check failed: 1 error, 0 warnings*" -- check bad
expect json-stdout 1 "{*\"version\": 1*\"code\": \"E0101\"*}" "" -- check --format json bad
expect sarif-stdout 1 "{*\"version\": \"2.1.0\"*\"ruleId\": \"E0101\"*}" "" -- check --format sarif bad
expect github-stderr 1 "" "::error file=bad/rules.seg,line=1,col=19,*title=E0101::*" -- check --format github bad
expect no-color-in-pipe 1 "" "bad/rules.seg*" -- check bad
expect color-always 1 "" $'*\e[1;31merror\[E0101\]*' -- check --color always bad
expect lib-must-exist 2 "" "segc: error: --lib: *nosuch*" -- check --lib nosuch ok
expect max-errors-cap 1 "" "*too many errors; stopping after 1*" -- check --max-errors 1 bad nosuch.seg
expect missing-file 1 "" "*error\[E0901\]: cannot read 'nosuch.seg': no such file or directory*" -- check nosuch.seg
expect examples 0 "checked *projects*0 errors*" "" -- check "$root/examples"

echo "cli smoke: $passed passed, $failed failed"
((failed == 0))
