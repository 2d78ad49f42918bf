#!/usr/bin/env bash
# The conformance suite must keep at least MIN cases, and every case directory must be
# complete (rules.seg or rules/, data.csv or events/*.csv, expected.json; expected_members.csv unless the case
# expects a failing exit status).
#   count_cases.sh CONFORMANCE_DIR MIN
set -euo pipefail
dir="$1"
min="$2"
count=0
bad=0
for case in "$dir"/[0-9]*/; do
  [[ -d "$case" ]] || continue
  name="$(basename "$case")"
  count=$((count + 1))
  if [[ ! -f "$case/rules.seg" && ! -d "$case/rules" ]]; then
    echo "FAIL: $name has neither rules.seg nor rules/" >&2
    bad=$((bad + 1))
  fi
  if [[ ! -f "$case/data.csv" ]] && ! compgen -G "$case/events/*.csv" >/dev/null; then
    echo "FAIL: $name has no data.csv and no events/*.csv" >&2
    bad=$((bad + 1))
  fi
  for f in expected.json; do
    if [[ ! -f "$case/$f" ]]; then
      echo "FAIL: $name has no $f" >&2
      bad=$((bad + 1))
    fi
  done
  want_exit=0
  [[ -f "$case/expected_exit" ]] && want_exit="$(tr -d '[:space:]' <"$case/expected_exit")"
  if [[ "$want_exit" == 0 && ! -f "$case/expected_members.csv" ]]; then
    echo "FAIL: $name has no expected_members.csv" >&2
    bad=$((bad + 1))
  fi
done
if ((count < min)); then
  echo "FAIL: $count conformance cases, expected at least $min" >&2
  bad=$((bad + 1))
fi
if ((bad > 0)); then
  exit 1
fi
echo "ok: $count conformance cases"
