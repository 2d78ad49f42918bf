#!/usr/bin/env bash
# `segc fmt`: stdout mode, --check (exit 1 and a diff that `patch` applies), --write (atomic,
# permissions kept, formatted files untouched), files with syntax errors (reported as by
# `segc check`, left unchanged), usage errors, and the repository's own rule files in fmt's layout.
#   fmt_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

golden="$SOURCE_DIR/tests/format"
mkdir "$tmp/rules"
cp "$golden/segments.seg" "$tmp/rules/messy.seg"
cp "$golden/scores.expected" "$tmp/rules/tidy.seg"

# --- stdout mode: one file, printed, not touched ---
run_segc "$tmp/out" "$tmp/err" fmt "$tmp/rules/messy.seg"
expect_code 0 "stdout mode"
cmp -s "$tmp/out" "$golden/segments.expected" || fail "stdout mode: not the golden layout"
cmp -s "$tmp/rules/messy.seg" "$golden/segments.seg" || fail "stdout mode: the file changed"
[[ -s "$tmp/err" ]] && fail "stdout mode: stderr not empty"

# --- stdin: - ---
run_segc "$tmp/out" "$tmp/err" fmt - <"$golden/scores.seg"
expect_code 0 "stdin"
cmp -s "$tmp/out" "$golden/scores.expected" || fail "stdin: not the golden layout"
run_segc "$tmp/out" "$tmp/err" fmt --check - <"$golden/scores.seg"
expect_code 1 "stdin --check"
expect_contains "$tmp/out" "--- a/<stdin>" "stdin --check"
run_segc "$tmp/out" "$tmp/err" fmt --write - <"$golden/scores.seg"
expect_code 2 "stdin --write"

# --- CRLF line ends and a missing final newline give the same layout ---
sed 's/$/\r/' "$golden/comments.seg" | head -c -1 >"$tmp/crlf.seg"
run_segc "$tmp/out" "$tmp/err" fmt "$tmp/crlf.seg"
expect_code 0 "CRLF"
cmp -s "$tmp/out" "$golden/comments.expected" || fail "CRLF: not the golden layout"

# --- --check: exit 1, a unified diff that turns the file into its formatted text ---
run_segc "$tmp/out" "$tmp/err" fmt --check "$tmp/rules"
expect_code 1 "--check unformatted" || cat "$tmp/err" >&2
expect_contains "$tmp/out" "--- a/$tmp/rules/messy.seg" "--check header"
expect_contains "$tmp/out" "+++ b/$tmp/rules/messy.seg" "--check header"
expect_contains "$tmp/out" "@@ -1," "--check hunk"
expect_contains "$tmp/err" "fmt: 1 of 2 files not formatted" "--check summary"
grep -q "tidy.seg" "$tmp/out" && fail "--check: a formatted file appears in the diff"
cmp -s "$tmp/rules/messy.seg" "$golden/segments.seg" || fail "--check changed the file"
cp "$golden/segments.seg" "$tmp/patched.seg"
patch -s "$tmp/patched.seg" <"$tmp/out" || fail "--check: patch rejected the diff"
cmp -s "$tmp/patched.seg" "$golden/segments.expected" || fail "--check: the patched file is not formatted"

# --- --write: rewrites the unformatted file only, keeping its mode ---
chmod 640 "$tmp/rules/messy.seg"
chmod 604 "$tmp/rules/tidy.seg"
touch -d '2020-01-01 00:00:00' "$tmp/rules/tidy.seg"
tidy_before="$(stat -c '%i %Y' "$tmp/rules/tidy.seg")"
run_segc "$tmp/out" "$tmp/err" fmt --write "$tmp/rules"
expect_code 0 "--write" || cat "$tmp/err" >&2
cmp -s "$tmp/rules/messy.seg" "$golden/segments.expected" || fail "--write: file not formatted"
[[ "$(stat -c '%a' "$tmp/rules/messy.seg")" == 640 ]] || fail "--write: mode not kept"
[[ "$(stat -c '%i %Y' "$tmp/rules/tidy.seg")" == "$tidy_before" ]] ||
  fail "--write: an already formatted file was rewritten"
[[ "$(stat -c '%a' "$tmp/rules/tidy.seg")" == 604 ]] || fail "--write: mode of tidy.seg changed"
[[ "$(cat "$tmp/out")" == "formatted $tmp/rules/messy.seg" ]] || fail "--write: stdout $(cat "$tmp/out")"
[[ "$(ls "$tmp/rules")" == "$(printf 'messy.seg\ntidy.seg')" ]] || fail "--write: stray files"
run_segc "$tmp/out" "$tmp/err" fmt --check "$tmp/rules"
expect_code 0 "--check after --write"
[[ -s "$tmp/out" ]] && fail "--check after --write: stdout not empty"

# --- through a symbolic link, the target is rewritten and the link stays ---
mkdir "$tmp/linked"
cp "$golden/scores.seg" "$tmp/target.seg"
ln -s "$tmp/target.seg" "$tmp/linked/link.seg"
run_segc "$tmp/out" "$tmp/err" fmt --write "$tmp/linked/link.seg"
expect_code 0 "--write through a link"
[[ -L "$tmp/linked/link.seg" ]] || fail "--write replaced the symbolic link"
cmp -s "$tmp/target.seg" "$golden/scores.expected" || fail "--write: link target not formatted"

# --- syntax errors: reported as by segc check, file left unchanged, others formatted ---
mkdir "$tmp/broken"
cp "$SOURCE_DIR/tests/diag/syntax/missing_where.seg" "$tmp/broken/bad.seg"
cp "$golden/schema.seg" "$tmp/broken/good.seg"
run_segc "$tmp/out" "$tmp/err" fmt --write --color never "$tmp/broken"
expect_code 1 "syntax error"
cmp -s "$tmp/broken/bad.seg" "$SOURCE_DIR/tests/diag/syntax/missing_where.seg" ||
  fail "syntax error: the broken file changed"
cmp -s "$tmp/broken/good.seg" "$golden/schema.expected" || fail "syntax error: good file not formatted"
expect_contains "$tmp/err" "fmt: 1 file not formatted because of errors (left unchanged)" "syntax error"
set +e
"$SEGC" check --color never "$tmp/broken/bad.seg" 2>"$tmp/check_err" >/dev/null
set -e
grep -v '^check failed' "$tmp/check_err" >"$tmp/check_diags"
grep -v '^fmt: ' "$tmp/err" >"$tmp/fmt_diags"
cmp -s "$tmp/check_diags" "$tmp/fmt_diags" || {
  fail "syntax error: diagnostics differ from segc check"
  diff "$tmp/check_diags" "$tmp/fmt_diags" >&2 || true
}
expect_contains "$tmp/fmt_diags" "error[E0011]" "syntax error code"
run_segc "$tmp/out" "$tmp/err" fmt "$tmp/broken/bad.seg"
expect_code 1 "syntax error, stdout mode"
[[ -s "$tmp/out" ]] && fail "syntax error, stdout mode: stdout not empty"

# --- usage ---
run_segc "$tmp/out" "$tmp/err" fmt "$tmp/rules"
expect_code 2 "two files without --write"
expect_contains "$tmp/err" "segc: error: without --write or --check" "two files"
run_segc "$tmp/out" "$tmp/err" fmt --check --write "$tmp/rules"
expect_code 2 "--check with --write"
run_segc "$tmp/out" "$tmp/err" fmt "$tmp/nowhere.seg"
expect_code 2 "missing path"
run_segc "$tmp/out" "$tmp/err" fmt --help
expect_code 0 "--help"
expect_contains "$tmp/out" "--check" "--help"
expect_contains "$tmp/out" "--write" "--help"
expect_contains "$tmp/out" "docs/formatting.md" "--help"

# --- the repository's own rule files (examples, stdlib, benchmarks) are in fmt's layout ---
run_segc "$tmp/out" "$tmp/err" fmt --check "$SOURCE_DIR/examples" "$SOURCE_DIR/stdlib" \
  "$SOURCE_DIR/bench"
expect_code 0 "--check examples stdlib bench" || cat "$tmp/out" >&2

finish
