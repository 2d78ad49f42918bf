#!/usr/bin/env bash
# .pre-commit-hooks.yaml and examples/ci/segc.yml: valid YAML of the expected shape (with
# Debian's python3-yaml; skipped, exit 77, without it), and each segc command they run works
# on a copy of the retail example laid out as the workflow expects (rules/, tests/, data/).
#   ci_files_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

python=/usr/bin/python3
if ! "$python" -c 'import yaml' 2>/dev/null; then
  echo "skipped: $python has no yaml module (apt-get install python3-yaml)"
  exit 77
fi

# The commands, one per line, with $RULES/$TESTS/$SAMPLE and the PR's base left as variables.
"$python" - "$SOURCE_DIR/.pre-commit-hooks.yaml" "$SOURCE_DIR/examples/ci/segc.yml" \
  >"$tmp/commands" <<'PY'
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
assert isinstance(hooks, list) and [h["id"] for h in hooks] == ["segc-fmt", "segc-check"], hooks
for h in hooks:
    assert {"id", "name", "entry", "language"} <= set(h) and h["language"] == "system", h
    assert h["entry"].startswith("segc "), h
print(hooks[0]["entry"] + " rules/value.seg")          # pre-commit passes the changed files
print(hooks[1]["entry"] + " " + " ".join(hooks[1]["args"]))
flow = yaml.safe_load(open(sys.argv[2]))
triggers = flow.get("on", flow.get(True))               # YAML 1.1 reads the key `on` as true
assert "pull_request" in triggers and "push" in triggers, triggers
steps = flow["jobs"]["rules"]["steps"]
assert steps[0]["uses"].startswith("actions/checkout@"), steps[0]
runs = [s["run"] for s in steps if "run" in s and s["run"].lstrip().startswith("segc ")]
assert len(runs) == 4, runs
for env, value in flow["env"].items():
    print("export %s=%s" % (env, value))
for run in runs:
    print(" ".join(run.split()))
PY
cat "$tmp/commands"

# The retail example as a rules repository, with history for --base-rev.
repo="$tmp/repo"
mkdir -p "$repo/data"
cp -r "$SOURCE_DIR/examples/retail/rules" "$SOURCE_DIR/examples/retail/tests" "$repo/"
sed -i 's|"../data/customers.csv"|"../data/sample.csv"|' "$repo/tests/sample.segtest"
cp "$SOURCE_DIR/examples/retail/data/customers.csv" "$repo/data/sample.csv"
git -C "$repo" init -q
git -C "$repo" -c user.name=ci -c user.email=ci@example.invalid commit -q --allow-empty -m root
git -C "$repo" branch -q -m main
git -C "$repo" add .
git -C "$repo" -c user.name=ci -c user.email=ci@example.invalid commit -q -m rules
mkdir "$tmp/bin"
ln -s "$SEGC" "$tmp/bin/segc"
export PATH="$tmp/bin:$PATH" GITHUB_STEP_SUMMARY="$tmp/summary.md"

git -C "$repo" update-ref refs/remotes/origin/main HEAD

while IFS= read -r command; do
  if [[ "$command" == export\ * ]]; then
    eval "$command"
    continue
  fi
  command="${command//\$\{\{ github.base_ref \}\}/main}"
  (cd "$repo" && eval "$command") >"$tmp/out" 2>&1 || {
    fail "'$command' failed"
    cat "$tmp/out" >&2
  }
done <"$tmp/commands"
expect_contains "$tmp/summary.md" "### segc diff" "the workflow's diff step"
[[ -s "$repo/segc-tests.xml" ]] || fail "the workflow's test step wrote no JUnit file"

finish
