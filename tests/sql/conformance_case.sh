# Sourced by the SQL tests that run conformance cases (tests/conformance/NNN_name/).
# conformance_case DIR [DROPPED_OPTION]: sets $rules (rules.seg or the rules/ folder) and the
# array $args (the case's `args` file, one option per line, without DROPPED_OPTION; --as-of
# 2026-11-01 added when neither the args nor the rules give a date).
conformance_case() {
  local dir="$1" dropped="${2:-}" line
  rules="$dir/rules.seg"
  [[ -d "$dir/rules" ]] && rules="$dir/rules"
  args=()
  if [[ -f "$dir/args" ]]; then
    while IFS= read -r line || [[ -n "$line" ]]; do
      [[ -n "$dropped" && "$line" == "$dropped" ]] || args+=("$line")
    done <"$dir/args"
  fi
  if [[ " ${args[*]-} " != *" --as-of "* ]] && ! grep -rqE '^[[:space:]]*as_of[[:space:]]' "$rules"; then
    args+=(--as-of 2026-11-01)
  fi
}
