# Helpers shared by the end-to-end tests in tests/cli/ (sourced, not run).
# Every test script takes SEGC (the binary) and SOURCE_DIR (the repository root) as $1 and $2.

failures=0

# fail MESSAGE: records a failure and prints it; the script exits 1 at the end (finish).
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# finish: exit status of the test script.
finish() {
  if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "ok"
}

# run_segc OUT ERR ARGS...: runs segc with stdout/stderr into files, sets $code.
run_segc() {
  local out="$1" err="$2"
  shift 2
  set +e
  "$SEGC" "$@" >"$out" 2>"$err"
  code=$?
  set -e
}

# expect_code WANT WHAT: compares $code.
expect_code() {
  if [[ "$code" != "$1" ]]; then
    fail "$2: exit $code, expected $1"
    return 1
  fi
}

# expect_contains FILE TEXT WHAT
expect_contains() {
  if ! grep -qF -- "$2" "$1"; then
    fail "$3: '$1' does not contain '$2'"
    echo "---- $1:" >&2
    head -20 "$1" >&2
  fi
}

# normalize_json FILE: the run summary without the fields that depend on how segc was run
# (engine, threads, version, rules hash). The summary is pretty-printed by segc with one
# top-level member per line, so line filtering is exact.
normalize_json() {
  grep -v -E '^  "(engine|threads|segc_version|rules_hash)": ' "$1"
}

# A fresh temporary directory, removed on exit.
make_tmp() {
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
}

# compare_golden GOLDEN WHAT: compares $tmp/out with the file GOLDEN (a diff on failure);
# SEGC_UPDATE_GOLDEN=1 rewrites GOLDEN instead.
compare_golden() {
  if [[ "${SEGC_UPDATE_GOLDEN:-0}" == 1 ]]; then
    cp "$tmp/out" "$1"
  elif ! cmp -s "$tmp/out" "$1"; then
    fail "$2: output differs from the golden file"
    diff "$1" "$tmp/out" >&2 || true
  fi
}
