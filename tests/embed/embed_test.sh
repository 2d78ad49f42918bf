#!/usr/bin/env bash
# The installed package end to end (docs/embedding.md): `cmake --install` into an empty
# temporary prefix; the C and C++ examples of examples/embed built against it with
# find_package(segc) (shared, then static), the C one also with pkg-config alone; the Python
# one (Debian's /usr/bin/python3 with numpy) through ctypes. All of them must print the counts
# `segc run` prints for the same data, at the rules' date and at another date.
#   embed_test.sh SEGC SOURCE_DIR BUILD_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
BUILD_DIR="$3"
source "$SOURCE_DIR/tests/cli/lib.sh"
make_tmp
prefix="$tmp/prefix"
examples="$SOURCE_DIR/examples/embed"
rules="$examples/rules"

cmake --install "$BUILD_DIR" --prefix "$prefix" >"$tmp/install.log"
libdir="$(dirname "$(find "$prefix" -name 'libsegc.so' | head -1)")"
for file in include/segc/segc.h include/segc/segc.hpp include/segc/arrow_abi.h; do
  [[ -f "$prefix/$file" ]] || fail "not installed: $file"
done
for file in libsegc.so libsegc.a cmake/segc/segcConfig.cmake pkgconfig/segc.pc; do
  [[ -e "$libdir/$file" ]] || fail "not installed: $libdir/$file"
done
[[ ! -e "$prefix/include/segc/check.h" ]] || fail "an internal header was installed: check.h"

# The shared library exports exactly the functions of segc.h, and the segc:: C++ API.
exported() { nm -D --defined-only "$libdir/libsegc.so" | awk '$2 ~ /^[A-Zu]$/ {print $3}'; }
grep -o 'segc_[a-z_]*(' "$prefix/include/segc/segc.h" | tr -d '(' | sort -u >"$tmp/declared"
exported | grep '^segc_' | sort >"$tmp/exported"
diff "$tmp/declared" "$tmp/exported" >&2 || fail "libsegc.so exports other C symbols than segc.h"
others="$(exported | grep -v '^segc_' | c++filt | grep -v -E '^((typeinfo|vtable) for )?segc::' ||
  true)"
[[ -z "$others" ]] || fail "libsegc.so exports symbols outside segc: $(echo "$others" | head -5)"

# Reference: `segc run` on the CSV of the examples' columns, as lines of the examples' format.
expected() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
summary, title = json.load(open(sys.argv[1])), sys.argv[2]
print(f"run {title}\nrows {summary['rows']}")
for name, s in summary["segments"].items():
    print(f"segment {name} {s['count']}")
for name, s in summary["scores"].items():
    print(f"score {name} {s['count']} {s['mean'] if s['count'] else 0:.6f}")
for name, counts in summary["classes"].items():
    for label, count in counts.items():
        print(f"class {name} {label} {count}")
PY
}

# check_output NAME COMMAND...: runs an example and compares its output with the reference.
check_output() {
  local name="$1"
  shift
  local code=0
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || code=$?
  if ((code != 0)); then
    fail "$name exited with $code: $(head -5 "$tmp/$name.err")"
    return
  fi
  diff -u "$tmp/expected.out" "$tmp/$name.out" >&2 || fail "$name: counts differ from segc run"
}

cmake -S "$examples" -B "$tmp/shared" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/cmake.log" ||
  { cat "$tmp/cmake.log" >&2; fail "configure (shared)"; }
cmake --build "$tmp/shared" >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log" >&2; fail "build (shared)"; }
"$tmp/shared/embed_cpp" "$rules" --csv "$tmp/customers.csv" >/dev/null ||
  fail "embed_cpp --csv"

"$SEGC" run "$rules" --data "$tmp/customers.csv" --format json >"$tmp/a.json"
"$SEGC" run "$rules" --data "$tmp/customers.csv" --format json --as-of 2026-12-01 \
  >"$tmp/b.json"
{ expected "$tmp/a.json" default; expected "$tmp/b.json" 2026-12-01; } >"$tmp/expected.out"

check_output shared_cpp "$tmp/shared/embed_cpp" "$rules"
check_output shared_c "$tmp/shared/embed_c" "$rules"

cmake -S "$examples" -B "$tmp/static" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DSEGC_USE_STATIC_LIBS=ON >"$tmp/cmake-static.log" ||
  { cat "$tmp/cmake-static.log" >&2; fail "configure (static)"; }
cmake --build "$tmp/static" >"$tmp/build-static.log" 2>&1 ||
  { cat "$tmp/build-static.log" >&2; fail "build (static)"; }
if ldd "$tmp/static/embed_c" | grep -q libsegc; then fail "embed_c (static) loads libsegc.so"; fi
check_output static_cpp "$tmp/static/embed_cpp" "$rules"
check_output static_c "$tmp/static/embed_c" "$rules"

export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046  # pkg-config's output is meant to be split
cc -std=c99 -Wall -Wextra -Werror "$examples/c/embed.c" -o "$tmp/embed_c_pkgconfig" \
  $(pkg-config --cflags --libs segc) -Wl,-rpath,"$(pkg-config --variable=libdir segc)" ||
  fail "pkg-config build of embed.c"
check_output pkgconfig_c "$tmp/embed_c_pkgconfig" "$rules"
# Static: the archive, then what `pkg-config --static` says it needs.
# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra -Werror "$examples/c/embed.c" -o "$tmp/embed_c_pkgconfig_static" \
  $(pkg-config --cflags segc) "$libdir/libsegc.a" \
  $(pkg-config --static --libs segc | sed -e 's/ -lsegc / /' -e 's/^-lsegc //') ||
  fail "pkg-config --static build of embed.c"
if ldd "$tmp/embed_c_pkgconfig_static" | grep -q libsegc; then
  fail "embed_c (pkg-config --static) loads libsegc.so"
fi
check_output pkgconfig_static_c "$tmp/embed_c_pkgconfig_static" "$rules"

check_output python /usr/bin/python3 "$examples/python/embed.py" "$rules" "$libdir/libsegc.so"

echo "counts of every example:"
cat "$tmp/expected.out"
finish
