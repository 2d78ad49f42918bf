#!/usr/bin/env bash
# Wall time and peak RSS of `segc run` over a 20-column CSV file whose rules read 2 columns
# (bench/LOAD_RESULTS.md, "A CSV run that reads 2 of 20 columns"). The binaries are run
# interleaved, RUNS rounds, so that the shared machine's load hits all of them.
#   bench/columns/measure.sh LABEL=SEGC[@ARGS] ...
#   e.g. bench/columns/measure.sh before=/tmp/segc_old after=build/cli/segc \
#          strict=build/cli/segc@--strict-columns
#   ROWS=3000000   rows of the generated file, written once to $DATA (never committed)
#   DATA=/tmp/segc_columns_<ROWS>.csv   RUNS=3   THREADS=2
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROWS="${ROWS:-3000000}"
RUNS="${RUNS:-3}"
THREADS="${THREADS:-2}"
DATA="${DATA:-/tmp/segc_columns_${ROWS}.csv}"
[[ -f "$DATA" ]] || python3 "$here/gen20.py" "$ROWS" "$DATA"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "file: $DATA, $(($(wc -l <"$DATA") - 1)) rows, $(stat -c %s "$DATA") bytes"
echo "label round wall peak_rss_kib members load_average"
for round in $(seq 1 "$RUNS"); do
  for spec in "$@"; do
    label="${spec%%=*}"
    rest="${spec#*=}"
    segc="${rest%%@*}"
    extra=()
    [[ "$rest" == *@* ]] && read -r -a extra <<<"${rest#*@}"
    /usr/bin/time -v "$segc" run "$here/rules" --data "$DATA" --threads "$THREADS" \
      --as-of 2026-11-01 --format json ${extra[@]+"${extra[@]}"} >"$out/json" 2>"$out/time"
    wall="$(sed -n 's/.*Elapsed (wall clock).*: //p' "$out/time")"
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time")"
    members="$(grep -o '"count": [0-9]*' "$out/json" | head -1 | cut -d' ' -f2)"
    echo "$label $round $wall $rss $members $(cut -d' ' -f1 /proc/loadavg)"
  done
done
