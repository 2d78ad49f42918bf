#!/usr/bin/env bash
# The guarantees of `segc run` about files (docs/cli.md, "Guarantees"): an output that is an
# input (directly, through a symlink or a hard link) is refused before anything is written; no
# temporary file survives a failure, SIGINT or SIGTERM; new files honour the umask and replaced
# files keep their mode; write errors are exit 4, never 2.
#   guarantees_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

rules="$SOURCE_DIR/examples/retail/rules"
head -50 "$SOURCE_DIR/examples/retail/data/customers.csv" >"$tmp/d.csv"
cp "$tmp/d.csv" "$tmp/d.orig"
ln -s d.csv "$tmp/link.csv"
ln "$tmp/d.csv" "$tmp/hard.csv"
mkdir "$tmp/p"
cp "$rules"/*.seg "$tmp/p/"
cp "$tmp/p/value.seg" "$tmp/value.orig"

no_temp_files() {
  if find "$tmp" -name '*.tmp.*' | grep -q .; then fail "$1: temporary file left: $(ls -a "$tmp")"; fi
}

# --- an output that is an input is refused (exit 2) and nothing is written ---
refused() {  # refused WHAT ARGS...
  local what="$1"
  shift
  run_segc "$tmp/s" "$tmp/e" run "$tmp/p" --data "$tmp/d.csv" "$@"
  expect_code 2 "$what" || cat "$tmp/e" >&2
  expect_contains "$tmp/e" "the same file" "$what"
  cmp -s "$tmp/d.csv" "$tmp/d.orig" || fail "$what: the data file was changed"
  cmp -s "$tmp/p/value.seg" "$tmp/value.orig" || fail "$what: a rule file was changed"
  cp "$tmp/d.orig" "$tmp/d.csv"
}
refused "--out = --data" --out "$tmp/d.csv"
refused "--out = --data through a symlink" --out "$tmp/link.csv"
refused "--out = --data through a hard link" --out "$tmp/hard.csv"
refused "--rejects = --data" --rejects "$tmp/d.csv"
refused "--rejects = --data through a symlink" --rejects "$tmp/link.csv"
refused "--dump-ir = --data" --dump-ir "$tmp/d.csv"
refused "--dump-ir = --data through a hard link" --dump-ir "$tmp/hard.csv"
refused "--dump-ir = a rule file" --dump-ir "$tmp/p/value.seg"
refused "--out = --rejects" --out "$tmp/x.csv" --rejects "$tmp/x.csv"
refused "--out = --data NAME=FILE" --out "$tmp/link.csv" --data "customers=$tmp/d.csv"
[[ ! -e "$tmp/x.csv" ]] || fail "a refused run created its output"
run_segc "$tmp/s" "$tmp/e" run "$tmp/p" --data "$tmp/d.csv" --out ""
expect_code 2 "--out ''"

# --- modes: the umask for new files, the old mode for replaced ones ---
mode() { stat -c %a "$1"; }
(umask 077 && "$SEGC" run "$tmp/p" --data "$tmp/d.csv" --out "$tmp/m.csv" --rejects "$tmp/r.csv" \
  --dump-ir "$tmp/ir.txt" >/dev/null 2>&1) || fail "umask 077 run"
for f in m.csv r.csv ir.txt; do
  [[ "$(mode "$tmp/$f")" == 600 ]] || fail "umask 077: $f has mode $(mode "$tmp/$f")"
done
rm -f "$tmp/m.csv"
(umask 022 && "$SEGC" run "$tmp/p" --data "$tmp/d.csv" --out "$tmp/m.csv" >/dev/null 2>&1) ||
  fail "umask 022 run"
[[ "$(mode "$tmp/m.csv")" == 644 ]] || fail "umask 022: mode $(mode "$tmp/m.csv")"
chmod 640 "$tmp/m.csv"
(umask 000 && "$SEGC" run "$tmp/p" --data "$tmp/d.csv" --out "$tmp/m.csv" >/dev/null 2>&1) ||
  fail "replacing run"
[[ "$(mode "$tmp/m.csv")" == 640 ]] || fail "a replaced 640 file became $(mode "$tmp/m.csv")"
no_temp_files "good runs"

# --- signals: SIGINT and SIGTERM while the output is being written leave no temp file and the
# old output intact; with the unnamed temp file (O_TMPFILE) and with a named one ---
# A background job of a script starts with SIGINT ignored: env gives it the default back.
# An unnamed temp file (O_TMPFILE) also vanishes with SIGKILL.
for kind in unnamed named; do
  signals="INT TERM"
  [[ "$kind" == unnamed ]] && signals="INT TERM KILL"
  for signal in $signals; do
    echo "previous" >"$tmp/keep.csv"
    temp_mode=""
    [[ "$kind" == named ]] && temp_mode=named
    SEGC_TEST_TEMP_FILE="$temp_mode" SEGC_TEST_WRITE_PAUSE_MS=3000 \
      env --default-signal=INT,TERM "$SEGC" run "$tmp/p" --data "$tmp/d.csv" --out "$tmp/keep.csv" --engine interp \
      >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 100); do  # until the temp file exists (the named one is visible)
      if [[ "$kind" == unnamed ]] && ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "$tmp/#"; then break; fi
      if [[ "$kind" == named ]] && find "$tmp" -name 'keep.csv.tmp.*' | grep -q .; then break; fi
      sleep 0.05
    done
    kill "-$signal" "$pid"
    set +e
    wait "$pid" 2>/dev/null
    status=$?
    set -e
    [[ "$status" -gt 128 ]] || fail "$kind $signal: exit $status, expected death by signal"
    [[ "$(cat "$tmp/keep.csv")" == previous ]] || fail "$kind $signal: the old output was changed"
    no_temp_files "$kind SIG$signal"
  done
done

# --- write errors are exit 4 with a message, never 2, and leave nothing behind ---
# A missing directory is a usage error found before any work; a full disk (simulated with a
# file size limit: EFBIG once SIGXFSZ is ignored) is exit 4.
run_segc "$tmp/s" "$tmp/e" run "$tmp/p" --data "$tmp/d.csv" --rejects "$tmp/d.orig/r.csv"
expect_code 2 "--rejects under a file" || cat "$tmp/e" >&2
expect_contains "$tmp/e" "is not a writable directory" "--rejects under a file"
awk -F, -v OFS=, 'NR > 1 { $10 = "many" } { print }' "$tmp/d.csv" >"$tmp/bad.csv"
for option in --dump-ir --out --rejects; do
  data="$tmp/d.csv"
  [[ "$option" == --rejects ]] && data="$tmp/bad.csv"  # rejected records fill the file
  set +e
  (trap '' XFSZ && ulimit -f 1 && exec "$SEGC" run "$tmp/p" --data "$data" \
    "$option" "$tmp/big.csv") >"$tmp/s" 2>"$tmp/e"
  code=$?
  set -e
  expect_code 4 "$option on a full disk" || cat "$tmp/e" >&2
  expect_contains "$tmp/e" "File too large" "$option on a full disk"
  [[ ! -e "$tmp/big.csv" ]] || fail "$option on a full disk left a partial file"
done
no_temp_files "write errors"
finish
