#!/usr/bin/env bash
# The committed example data equals what the generator (examples/gen) writes: the files are
# deterministic and nobody edited them by hand. Regenerate with
#   segc_gen_examples examples/      (from the repository root, with the built generator)
#   data_fresh_test.sh GENERATOR SOURCE_DIR
set -euo pipefail
GENERATOR="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

"$GENERATOR" "$tmp" >/dev/null
for file in retail/data/customers.csv b2b_leads/data/leads.csv \
  lifecycle_consent/data/contacts.csv support_tiers/data/accounts.csv \
  boutique_fr/data/clients.csv; do
  committed="$SOURCE_DIR/examples/$file"
  [[ -f "$committed" ]] || { fail "missing $committed"; continue; }
  cmp -s "$tmp/$file" "$committed" || fail "$file differs from the generator's output"
  size=$(wc -c <"$committed")
  ((size < 512 * 1024)) || fail "$file is $size bytes; keep example data small"
done
finish
