#!/usr/bin/env bash
# The stdlib's French variants and French knowledge:
#   - rfm_fr.libelle has, arm by arm, the counts of rfm.segment_label on the retail example, and
#     its nested segments are rfm's (one definition, two languages);
#   - lifecycle_fr.etape has the counts of lifecycle.stage on the lifecycle example's contacts;
#   - lead_scoring gives decision-maker points to French titles and takes them from French
#     consumer mail domains.
#   stdlib_fr_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

# run_json OUT PROJECT_DIR DATA: the JSON summary of a run (exit 0 expected).
run_json() {
  run_segc "$1" "$tmp/err" run "$2" --data "$3" --format json
  expect_code 0 "segc run $2" || cat "$tmp/err" >&2
}

# Same rules in both languages: counts in arm order must be equal.
project() {  # project DIR SCHEMA IMPORT
  mkdir -p "$1"
  cp "$2" "$1/schema.seg"
  printf 'as_of 2026-11-01\n%s\n' "$3" >"$1/rules.seg"
}
retail="$SOURCE_DIR/examples/retail"
project "$tmp/rfm_en" "$retail/rules/schema.seg" \
  'import rfm(recency = last_purchase, frequency = orders, monetary = total_spent)'
project "$tmp/rfm_fr" "$retail/rules/schema.seg" \
  'import rfm_fr(recency = last_purchase, frequency = orders, monetary = total_spent)'
run_json "$tmp/en.json" "$tmp/rfm_en" "$retail/data/customers.csv"
run_json "$tmp/fr.json" "$tmp/rfm_fr" "$retail/data/customers.csv"
en="$(jq -c '[.classes["rfm.segment_label"][]]' "$tmp/en.json")"
fr="$(jq -c '[.classes["rfm_fr.libelle"][]]' "$tmp/fr.json")"
[[ "$en" == "$fr" && "$en" != "[]" && "$en" != "null" ]] ||
  fail "rfm_fr.libelle counts $fr differ from rfm.segment_label's $en"
expect_contains "$tmp/fr.json" '"Clients fidèles": 455' "rfm_fr labels"
en="$(jq -c '[.segments | to_entries[] | select(.key | startswith("rfm.")) | .value.count]' "$tmp/en.json")"
fr="$(jq -c '[.segments | to_entries[] | select(.key | startswith("rfm_fr.rfm.")) | .value.count]' "$tmp/fr.json")"
[[ "$en" == "$fr" ]] || fail "rfm_fr.rfm segments $fr differ from rfm's $en"

lifecycle="$SOURCE_DIR/examples/lifecycle_consent"
bindings='first_purchase = first_order, last_purchase = last_order, orders = order_count'
project "$tmp/lc_en" "$lifecycle/rules/schema.seg" "import lifecycle($bindings)"
project "$tmp/lc_fr" "$lifecycle/rules/schema.seg" "import lifecycle_fr($bindings)"
run_json "$tmp/en.json" "$tmp/lc_en" "$lifecycle/data/contacts.csv"
run_json "$tmp/fr.json" "$tmp/lc_fr" "$lifecycle/data/contacts.csv"
en="$(jq -c '[.classes["lifecycle.stage"][]]' "$tmp/en.json")"
fr="$(jq -c '[.classes["lifecycle_fr.etape"][]]' "$tmp/fr.json")"
[[ "$en" == "$fr" && "$en" != "null" ]] ||
  fail "lifecycle_fr.etape counts $fr differ from lifecycle.stage's $en"

# lead_scoring: five leads that differ only by title and address; 0 engagement gives -10.
mkdir "$tmp/leads"
cat >"$tmp/leads/rules.seg" <<'EOF'
table leads key id {
  id: int
  title: string
  email: string
  sector: string
}
import lead_scoring(employees = 0 * id + 100, sector = sector, job_title = title, email = email,
                    email_opens_30d = 0 * id, visits_30d = 0 * id, demo_requested = id < 0,
                    unsubscribed = id < 0)
EOF
cat >"$tmp/leads.csv" <<'EOF'
id,title,email,sector
1,Directrice commerciale,a@entreprise.fr,x
2,Président-directeur général,b@entreprise.fr,x
3,Gérant,c@entreprise.fr,x
4,Assistant,d@entreprise.fr,x
5,Assistant,e@orange.fr,x
6,Assistant,f@laposte.net,x
7,Assistant,g@free.fr,x
EOF
run_segc "$tmp/leads.json" "$tmp/err" run "$tmp/leads" --data "$tmp/leads.csv" \
  --out "$tmp/leads.jsonl" --format json
expect_code 0 "lead_scoring with French titles" || cat "$tmp/err" >&2
# 15 (>= 50 employees) - 10 (no engagement) = 5; +15 for a decision maker; -15 (clamped to 0)
# for a personal address.
points="$(jq -c '.["lead_scoring.points"]' "$tmp/leads.jsonl" 2>/dev/null | tr '\n' ' ')"
[[ "$points" == "20 20 20 5 0 0 0 " ]] ||
  fail "lead_scoring points by title and address: got '$points', expected 20 20 20 5 0 0 0"
finish
