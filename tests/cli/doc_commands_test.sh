#!/usr/bin/env bash
# Runs the commands a Markdown page shows and compares what they print with the page: every
# ```console block holds commands (lines starting with "$ "), each followed by its expected output
# (stdout then stderr, up to the next "$ " line or the end of the block). The commands run with
# bash in a copy of the repository's examples/ (as `examples/...`), with `segc` the built binary
# and `--color never` implied by NO_COLOR. A block shown to readers without being run uses
# another fence (```sh, ```text).
#   doc_commands_test.sh SEGC SOURCE_DIR PAGE     (PAGE relative to SOURCE_DIR, e.g. docs/fr/cookbook.md)
# SEGC_UPDATE_DOCS=1 writes the outputs into the page instead (review the diff).
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
PAGE="$3"
source "$(dirname "$0")/lib.sh"
make_tmp

mkdir -p "$tmp/bin" "$tmp/work"
ln -s "$(cd "$(dirname "$SEGC")" && pwd)/$(basename "$SEGC")" "$tmp/bin/segc"
cp -r "$SOURCE_DIR/examples" "$tmp/work/examples"

# Split the page into numbered command files and expected outputs.
awk -v dir="$tmp" '
  /^```console[[:space:]]*$/ { inside = 1; next }
  inside && /^```[[:space:]]*$/ { inside = 0; next }
  inside && /^\$ / { n++; print substr($0, 3) > (dir "/cmd" n); printf "" > (dir "/want" n); next }
  inside && n > 0 { print > (dir "/want" n) }
' "$SOURCE_DIR/$PAGE"

count=0
for ((n = 1; ; n++)); do  # in page order (a glob would run cmd10 before cmd2)
  cmd="$tmp/cmd$n"
  [[ -e "$cmd" ]] || break
  count=$((count + 1))
  # The language comes from the page (--lang), never from the environment running the test.
  (cd "$tmp/work" && env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C PATH="$tmp/bin:$PATH" \
    NO_COLOR=1 bash "$cmd" >"$tmp/got$n" 2>&1) || true
  if [[ "${SEGC_UPDATE_DOCS:-}" != 1 ]] && ! diff -u "$tmp/want$n" "$tmp/got$n" >"$tmp/diff$n"; then
    fail "$PAGE: the output of '$(cat "$cmd")' differs from the page"
    cat "$tmp/diff$n" >&2
  fi
done
if [[ "${SEGC_UPDATE_DOCS:-}" == 1 ]]; then
  # Rebuild the page: every command keeps its line, its output becomes what it printed.
  awk -v dir="$tmp" '
    /^```console[[:space:]]*$/ { inside = 1; print; next }
    inside && /^```[[:space:]]*$/ { inside = 0; print; next }
    inside && /^\$ / {
      n++; print
      file = dir "/got" n
      while ((getline line < file) > 0) print line
      close(file); next
    }
    inside { next }
    { print }
  ' "$SOURCE_DIR/$PAGE" >"$tmp/page.md"
  cp "$tmp/page.md" "$SOURCE_DIR/$PAGE"
  echo "updated $PAGE"
  exit 0
fi
((count > 0)) || fail "$PAGE: no \`\`\`console block with a '\$ ' command"
echo "$PAGE: $count commands run"
finish
