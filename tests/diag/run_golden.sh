#!/usr/bin/env bash
# Golden diagnostics runner: runs `segc check` on every case under tests/diag and compares the exact
# stderr, the exit code and the inline `# error[E0101]` marks, then the same in French
# (`--lang fr`, NAME.fr.stderr), where every message must have a translation. See
# tests/diag/README.md.
#
# usage: run_golden.sh --segc PATH/TO/segc [--dir CASES_DIR] [TOPIC/NAME...]
#   --dir defaults to the folder of this script; no TOPIC/NAME runs every case.
#   SEGC_UPDATE_GOLDEN=1 rewrites NAME.stderr, NAME.fr.stderr (and NAME.stdout, NAME.fr.stdout
#   where one exists) from the output.
#   A case with NAME.gen is checked on a scratch copy that the script grows first (README.md).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
segc=""
cases=()
while (($#)); do
  case "$1" in
    --segc) segc="$2"; shift 2 ;;
    --dir) here="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) cases+=("${1%/}"); shift ;;
  esac
done
if [[ -z "$segc" || ! -x "$segc" ]]; then
  echo "run_golden.sh: pass the segc binary with --segc (got '${segc}')" >&2
  exit 2
fi
segc="$(cd "$(dirname "$segc")" && pwd)/$(basename "$segc")"
update="${SEGC_UPDATE_GOLDEN:-0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here" || exit 2

# Every case, as TOPIC/NAME: TOPIC/NAME.seg files (not schema.seg) and TOPIC/NAME/ directories.
# Directories starting with '_' are helpers (e.g. a module folder used with --lib), not cases.
list_cases() {
  local path name
  for path in */*.seg */*/; do
    [[ -e "$path" ]] || continue
    path="${path%/}"
    name="$(basename "$path")"
    [[ "$name" == schema.seg || "$name" == _* ]] && continue
    echo "${path%.seg}"
  done | sort -u
}

# The .seg files that belong to a case; marks are read from these.
case_sources() {
  local c="$1"
  if [[ -d "$c" ]]; then
    find -L "$c" -name '*.seg' -type f -not -path '*/.*' | sort
  else
    echo "$c.seg"
    local schema
    schema="$(dirname "$c")/schema.seg"
    [[ -f "$schema" ]] && echo "$schema"
  fi
  return 0
}

# Inline marks: "PATH:LINE:severity[CODE]" for each `error[...]`/`warning[...]` after a '#'.
marks_of() {
  local file line_no line comment mark
  while IFS= read -r file; do
    line_no=0
    while IFS= read -r line || [[ -n "$line" ]]; do
      line_no=$((line_no + 1))
      [[ "$line" == *"#"* ]] || continue
      comment="${line#*#}"
      while [[ "$comment" =~ (error|warning)\[[EW][0-9]{4}\] ]]; do
        mark="${BASH_REMATCH[0]}"
        echo "$file:$line_no:$mark"
        comment="${comment#*"$mark"}"
      done
    done <"$file"
  done
}

# Diagnostics from rendered stderr headers, limited to the case's own files.
diagnostics_of() {
  local stderr_file="$1" sources_file="$2" line
  while IFS= read -r line; do
    if [[ "$line" =~ ^([^\ ][^:]*):([0-9]+):[0-9]+:\ (error|warning)\[([EW][0-9]{4})\]: ]]; then
      if grep -qxF -- "${BASH_REMATCH[1]}" "$sources_file"; then
        echo "${BASH_REMATCH[1]}:${BASH_REMATCH[2]}:${BASH_REMATCH[3]}[${BASH_REMATCH[4]}]"
      fi
    fi
  done <"$stderr_file"
}

# A case with NAME.gen has an input too large to commit: the cases are copied to a scratch folder
# and `bash NAME.gen TARGET` runs there to grow TARGET (the copy of NAME.seg or NAME/) to the real
# input. Prints the folder to run segc in (the scratch copy or this one).
prepare_case() {
  local c="$1" target="$2"
  if [[ ! -f "$c.gen" ]]; then
    echo "$here"
    return 0
  fi
  local root="$work/generated"
  rm -rf "$root" && mkdir -p "$root" && cp -R . "$root" || return 1
  local status=0
  (cd "$root" && bash "$here/$c.gen" "$target") >"$work/gen.log" 2>&1 || status=$?
  if ((status != 0)); then
    echo "$c.gen failed (exit code $status):" >&2
    sed 's/^/  /' "$work/gen.log" >&2
    return 1
  fi
  echo "$root"
}

# Runs one case; prints why it failed and returns 1, or returns 0.
run_case() {
  local c="$1" target args=() expected_exit=1 code root
  if [[ -f "$c.seg" ]]; then
    target="$c.seg"
  elif [[ -d "$c" ]]; then
    target="$c"
  else
    echo "no case '$c' (expected $c.seg or $c/)"
    return 1
  fi
  [[ -f "$c.args" ]] && read -r -a args <"$c.args"
  [[ -f "$c.exit" ]] && expected_exit="$(tr -d '[:space:]' <"$c.exit")"
  root="$(prepare_case "$c" "$target" 2>&1)" || { echo "$root"; return 1; }
  (cd "$root" && "$segc" check --color never "${args[@]}" "$target") >"$work/stdout" \
    2>"$work/stderr"
  code=$?
  local failed=0
  if [[ "$code" != "$expected_exit" ]]; then
    echo "exit code $code, expected $expected_exit"
    failed=1
  fi
  check_golden "$c.stderr" "$work/stderr" required || failed=1
  check_golden "$c.stdout" "$work/stdout" optional || failed=1
  check_marks "$c" || failed=1
  check_french "$c" "$root" "$target" "$code" "${args[@]}" || failed=1
  return "$failed"
}

# The same case in French (--lang fr): NAME.fr.stderr (and NAME.fr.stdout), the same exit code,
# the same diagnostics at the same places, and no message the catalogue cannot translate.
check_french() {
  local c="$1" root="$2" target="$3" english_code="$4" code failed=0
  shift 4
  (cd "$root" && SEGC_LANG_CHECK=1 "$segc" check --lang fr --color never "$@" "$target") \
    >"$work/fr.stdout" 2>"$work/fr.stderr"
  code=$?
  if [[ "$code" != "$english_code" ]]; then
    echo "--lang fr: exit code $code, English $english_code"
    failed=1
  fi
  if grep -q "\[untranslated\]" "$work/fr.stderr" "$work/fr.stdout"; then
    echo "--lang fr: messages without a French translation (compiler/diag/catalog_fr.inc):"
    grep -ho "\[untranslated\] .*" "$work/fr.stderr" "$work/fr.stdout" | sort -u | sed 's/^/  /'
    failed=1
  fi
  places() { grep -oE '^[^ ][^:]*:[0-9]+:[0-9]+: [a-z]+\[[EW][0-9]{4}\]' "$1" | sed -E 's/ [a-z]+\[/ [/'; }
  if ! diff <(places "$work/stderr") <(places "$work/fr.stderr") >/dev/null; then
    echo "--lang fr: diagnostics differ in code, line or column from the English ones"
    failed=1
  fi
  check_golden "$c.fr.stderr" "$work/fr.stderr" required || failed=1
  check_golden "$c.fr.stdout" "$work/fr.stdout" optional || failed=1
  return "$failed"
}

# Compares (or with SEGC_UPDATE_GOLDEN=1 rewrites) one golden file.
check_golden() {
  local golden="$1" actual="$2" need="$3"
  if [[ "$update" == 1 ]]; then
    if [[ "$need" == required || -f "$golden" ]]; then cp "$actual" "$golden"; fi
    return 0
  fi
  if [[ ! -f "$golden" ]]; then
    [[ "$need" == optional ]] && return 0
    echo "missing $golden (create it with SEGC_UPDATE_GOLDEN=1 and review it)"
    return 1
  fi
  if ! cmp -s "$golden" "$actual"; then
    echo "$golden differs (--- expected, +++ actual):"
    diff -u "$golden" "$actual" | sed -n '3,60p'
    return 1
  fi
  return 0
}

# Every mark needs a diagnostic with that code on that line, and every diagnostic needs a mark.
check_marks() {
  local c="$1"
  case_sources "$c" >"$work/sources"
  # NAME.marks holds marks for files that cannot carry a comment (an empty file), one per line
  # in the form PATH:LINE:error[CODE].
  { marks_of <"$work/sources"; [[ -f "$c.marks" ]] && grep -v '^[[:space:]]*$' "$c.marks"; } |
    sort -u >"$work/marks"
  diagnostics_of "$work/stderr" "$work/sources" | sort -u >"$work/diags"
  local missing unexpected
  missing="$(comm -23 "$work/marks" "$work/diags")"
  unexpected="$(comm -13 "$work/marks" "$work/diags")"
  [[ -z "$missing" && -z "$unexpected" ]] && return 0
  [[ -n "$missing" ]] && printf 'marked but not reported: %s\n' $missing
  [[ -n "$unexpected" ]] && printf 'reported but not marked: %s\n' $unexpected
  return 1
}

if ((${#cases[@]} == 0)); then
  mapfile -t cases < <(list_cases)
fi
passed=0
failed=0
for c in "${cases[@]}"; do
  if output="$(run_case "$c")"; then
    passed=$((passed + 1))
    echo "PASS $c"
  else
    failed=$((failed + 1))
    echo "FAIL $c"
    printf '%s\n' "$output" | sed 's/^/    /'
  fi
done
[[ "$update" == 1 ]] && echo "(golden files rewritten: review the diff)"
echo "$passed passed, $failed failed"
((failed == 0))
