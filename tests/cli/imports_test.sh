#!/usr/bin/env bash
# `import` names a module, never a path (docs/language.md, `import`): a backquoted name with a
# folder separator or a leading dot, or an absolute path, is E0106 and loads nothing; a symlink
# in a --lib folder that leads outside it is not followed; a plain module in --lib still works.
#   imports_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

mkdir -p "$tmp/lib" "$tmp/secret" "$tmp/p"
# The "evil" module: loading it at all would show as a parse error naming its file.
printf 'this is not a module @@@\n' >"$tmp/secret/evil.seg"
printf 'input v: int\nsegment High where v > 1\n' >"$tmp/lib/good.seg"
ln -s "$tmp/secret/evil.seg" "$tmp/lib/linked.seg"
table='table t key id {\n  id: int\n  x: int\n}\n'
printf 'id,x\n1,1\n2,5\n' >"$tmp/d.csv"

refused() {  # refused WHAT MODULE-TEXT
  printf "$table"'import %s(v = x)\n' "$2" >"$tmp/p/r.seg"
  run_segc "$tmp/s" "$tmp/e" check "$tmp/p" --lib "$tmp/lib"
  expect_code 1 "$1" || cat "$tmp/e" >&2
  expect_contains "$tmp/e" "error[E0106]" "$1"
  if grep -q "evil.seg\|@@@" "$tmp/e"; then fail "$1: the file outside --lib was read"; fi
}
refused "a relative path" '`../secret/evil`'
refused "an absolute path" "\`$tmp/secret/evil\`"
refused "a hidden name" '`.hidden`'
refused "a symlink out of --lib" 'linked'
expect_contains "$tmp/e" "unknown module 'linked'" "a symlink out of --lib"
refused "a path through the stdlib" '`../../etc/passwd`'
printf "$table"'import `../secret/evil`(v = x)\n' >"$tmp/p/r.seg"
run_segc "$tmp/s" "$tmp/e" check "$tmp/p" --lib "$tmp/lib"
expect_contains "$tmp/e" "a module name, not a path" "the label of a path"

printf "$table"'import good(v = x)\n' >"$tmp/p/r.seg"
run_segc "$tmp/s" "$tmp/e" run "$tmp/p" --lib "$tmp/lib" --data "$tmp/d.csv" --format json
expect_code 0 "a plain --lib module" || cat "$tmp/e" >&2
grep -A1 '"good.High"' "$tmp/s" | grep -q '"count": 1' || fail "a plain --lib module: count"
finish
