#!/usr/bin/env bash
# The JIT cache is used only for the exact program it was written for (docs/codegen.md, "Threat
# model"): an entry copied under another program's name is a miss, never wrong counts; an entry
# that passes its checksum but does not load is evicted and recompiled, never fatal; the cache
# directory is created 0700 and one writable by other users is not used (a warning).
#   jit_cache_trust_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

mkdir "$tmp/a" "$tmp/b"
for p in a b; do
  threshold=10
  [[ "$p" == b ]] && threshold=20
  printf 'table t key id {\n  id: int\n  x: int\n}\nsegment Big where x > %s\n' "$threshold" \
    >"$tmp/$p/r.seg"
done
printf 'id,x\n1,5\n2,15\n3,25\n' >"$tmp/d.csv"
cache="$tmp/cache"
run() {  # run NAME PROJECT [ARGS...]: a JSON run with the cache
  local name="$1" project="$2"
  shift 2
  run_segc "$tmp/$name.json" "$tmp/$name.err" run "$tmp/$project" --data "$tmp/d.csv" \
    --format json --cache-dir "$cache" --timings "$@"
  expect_code 0 "$name" || cat "$tmp/$name.err" >&2
}
big() { grep -A1 '"Big"' "$tmp/$1.json" | sed -n 's/.*"count": \([0-9]*\).*/\1/p'; }

run a1 a
[[ "$(stat -c %a "$cache")" == 700 ]] || fail "the cache directory has mode $(stat -c %a "$cache")"
entry_a="$(ls "$cache"/*.o)"
run b1 b
entry_b="$(ls "$cache"/*.o | grep -v "$entry_a")"
[[ "$(big a1)" == 2 && "$(big b1)" == 1 ]] || fail "counts $(big a1) $(big b1), expected 2 1"

# Program a's entry under program b's name: recorded for another key, so a miss (and evicted).
cp "$entry_a" "$entry_b"
run b2 b
expect_contains "$tmp/b2.err" "cache miss" "a copied entry"
[[ "$(big b2)" == 1 ]] || fail "a copied entry gave count $(big b2) for program b, expected 1"
cmp -s "$entry_a" "$entry_b" && fail "the copied entry was not replaced"

# An entry whose checksum is right but whose object does not load: evicted, recompiled, exit 0.
# Layout: 8-byte magic, 32-byte SHA-256 of the rest, then length-prefixed fields (key record,
# objects); the object's ELF magic is broken and the checksum recomputed.
record_length=$(od -An -tu8 -j40 -N8 "$entry_b" | tr -d ' ')
object_at=$((40 + 8 + record_length + 8))
printf 'JUNK' | dd of="$entry_b" bs=1 seek="$object_at" conv=notrunc status=none
digest=$(tail -c +41 "$entry_b" | sha256sum | cut -c1-64 | sed 's/../\\x&/g')
printf "$digest" | dd of="$entry_b" bs=1 seek=8 conv=notrunc status=none
run b3 b
expect_contains "$tmp/b3.err" "did not load" "a bad object"
[[ "$(big b3)" == 1 ]] || fail "after a bad object: count $(big b3), expected 1"
run b4 b
expect_contains "$tmp/b4.err" "cache hit (LLVM skipped)" "the replaced entry"
if grep -q warning "$tmp/b4.err"; then fail "the replaced entry still warns"; fi

# A cache directory others can write: not used, with a warning.
chmod 777 "$cache"
rm -f "$cache"/*.o
run a2 a
expect_contains "$tmp/a2.err" "segc: warning: the JIT cache was not used" "a world-writable cache"
expect_contains "$tmp/a2.err" "writable by other users" "a world-writable cache"
[[ -z "$(ls "$cache")" ]] || fail "a world-writable cache was written"
[[ "$(big a2)" == 2 ]] || fail "a world-writable cache: count $(big a2)"
finish
