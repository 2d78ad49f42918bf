#!/usr/bin/env bash
# Out of memory (an address space limit with ulimit -v) while loading or evaluating is a clear
# error, exit 3 ("not enough memory to load ..."), never "internal error: std::bad_alloc ... a
# bug in segc" (exit 4) nor "does not match table". The limits step from below the file's size
# to above what the run needs, so every path is met whatever the binary's own footprint.
#   memory_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

printf 'table t key id {\n  id: int\n  s: string\n  x: int\n}\nsegment S where x > 1\n' >"$tmp/r.seg"
awk 'BEGIN { print "id,s,x"; for (i = 0; i < 400000; i++)
  printf "%d,abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz%d,%d\n", i, i, i % 7 }' \
  >"$tmp/d.csv"
clear_errors=0
for limit in 150000 200000 250000 300000 350000 400000 500000; do
  set +e
  (ulimit -v "$limit" && exec "$SEGC" run "$tmp/r.seg" --data "$tmp/d.csv" --engine interp \
    --threads 1) >"$tmp/s" 2>"$tmp/e"
  code=$?
  set -e
  if grep -q "bug in segc\|does not match table" "$tmp/e"; then
    fail "ulimit -v $limit: $(head -2 "$tmp/e")"
  fi
  case "$code" in
    0) ;;
    3) grep -q "segc: error: not enough memory to " "$tmp/e" && clear_errors=$((clear_errors + 1)) ||
      fail "ulimit -v $limit: exit 3 without the memory message: $(head -2 "$tmp/e")" ;;
    127) ;;  # too little even for the dynamic loader to map segc's libraries
    *) fail "ulimit -v $limit: exit $code: $(head -2 "$tmp/e")" ;;
  esac
done
((clear_errors > 0)) || fail "no limit gave the out-of-memory error"
finish
