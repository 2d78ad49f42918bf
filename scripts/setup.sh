#!/usr/bin/env bash
# Installs every Debian package segc needs to build and test. Idempotent: when everything is
# installed it only asks dpkg and returns; otherwise it runs apt-get update once, then installs
# the missing packages (as root, or through sudo).
set -euo pipefail

packages=(
  cmake ninja-build g++            # build
  antlr4 libantlr4-runtime-dev     # parser generator (4.7.2) and its C++ runtime (4.9)
  llvm-19-dev                      # JIT (ORC LLJIT)
  libfmt-dev nlohmann-json3-dev    # formatting; JSON and SARIF output
  libcli11-dev                     # command-line parsing
  libgtest-dev libgmock-dev        # unit tests
  libbenchmark-dev                 # benchmarks
  zlib1g-dev libre2-dev            # compressed inputs; matches() regexes
  libxxhash-dev                    # data_hash: XXH3 of the data file's blocks (header-only use)
  libutf8proc-dev                  # Unicode lower()/upper()/length()
  clang-format                     # format check in scripts/test.sh
  clang-14 libclang-rt-14-dev      # libFuzzer and the sanitizers (scripts/build.sh fuzz)
  pkg-config python3-numpy         # embedding examples: the C one via segc.pc, the Python one
  libpq-dev postgresql-15          # segc run --engine postgres (libpq); the SQL tests' server
  clickhouse-server clickhouse-client  # tests/sql/clickhouse_test.sh (ClickHouse 18.16)
  chromium                         # tests/report: segc report rendered in a real headless browser
)

missing=()
for package in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

as_root=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
