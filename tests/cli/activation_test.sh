#!/usr/bin/env bash
# Audiences, splits and `segc export` end to end (docs/language.md, "Consent, audiences and
# splits"; docs/cli.md, "segc export"):
#   - split arms are stable: removing 10% of the other rows and adding 10% new ones leaves every
#     common key's arm unchanged (int and string keys, JIT and interpreter);
#   - an excel-fr export read back with ';' and the BOM equals the audience's members of
#     `segc run --out` (JSON lines) with the data's columns; only members are written;
#   - csv and jsonl dialects, --arm, unknown names, and atomicity (a failed export leaves an
#     existing file as it was and no temporary file).
#   activation_test.sh SEGC SOURCE_DIR
set -euo pipefail
SEGC="$1"
SOURCE_DIR="$2"
source "$(dirname "$0")/lib.sh"
make_tmp

mkdir -p "$tmp/rules"
cat >"$tmp/rules/schema.seg" <<'SEG'
table customers key customer_id {
  customer_id: int
  email: string
  first_name: string
  total_spent: float
  last_purchase: date
  consent_email: bool
}

consent email = consent_email
SEG
cat >"$tmp/rules/campaign.seg" <<'SEG'
segment Winback where total_spent > 100 and consent_email
audience Winback_Email from Winback channel email
split ab of Winback into A 45%, B 45%, control 10% salt "2026-q4"
SEG

# Generated customers: N rows, keys from START; every third without consent, some empty spend.
python3 - "$tmp" <<'PY'
import random, sys
tmp = sys.argv[1]
def write(path, keys):
    with open(path, "w", encoding="utf-8") as f:
        f.write("customer_id,email,first_name,total_spent,last_purchase,consent_email\n")
        for k in keys:
            r = random.Random(k)  # a row's values depend on its key only
            spend = "" if k % 17 == 0 else f"{r.randint(0, 400)}.{r.randint(0, 99):02d}"
            consent = "false" if k % 3 == 0 else "true"
            name = r.choice(["Zoé", "Élodie", "Jean; Paul", 'Ann "A"', "Luc"])
            if '"' in name or ";" in name or "," in name:
                name = '"' + name.replace('"', '""') + '"'
            f.write(f"{k},c{k}@example.fr,{name},{spend},2026-0{1 + k % 9}-1{k % 10},{consent}\n")
keys = list(range(1, 20001))
write(f"{tmp}/full.csv", keys)
r = random.Random(7)
kept = [k for k in keys if r.random() >= 0.10]            # 10% of the rows removed
added = list(range(100001, 102001))                        # 10% new rows
write(f"{tmp}/changed.csv", sorted(kept + added))
PY

arms_of() {  # arms_of OUT.csv: "key arm" lines of a --out file (arm column last)
  awk -F, 'NR > 1 { print $1, $NF }' "$1" | sort
}

for engine in jit interp; do
  run_segc "$tmp/s" "$tmp/e" run "$tmp/rules" --data "$tmp/full.csv" --as-of 2026-11-01 \
    --engine "$engine" --out "$tmp/full_out.csv"
  expect_code 0 "$engine run on full.csv" || cat "$tmp/e" >&2
  run_segc "$tmp/s" "$tmp/e" run "$tmp/rules" --data "$tmp/changed.csv" --as-of 2026-11-01 \
    --engine "$engine" --out "$tmp/changed_out.csv"
  expect_code 0 "$engine run on changed.csv" || cat "$tmp/e" >&2
  common="$(join <(arms_of "$tmp/full_out.csv") <(arms_of "$tmp/changed_out.csv") | wc -l)"
  moved="$(join <(arms_of "$tmp/full_out.csv") <(arms_of "$tmp/changed_out.csv") |
    awk '$2 != $3' | wc -l)"
  ((common > 15000)) || fail "$engine: only $common common keys"
  [[ "$moved" == 0 ]] || fail "$engine: $moved common keys changed arm when other rows changed"
  in_split="$(awk -F, 'NR > 1 && $NF != ""' "$tmp/full_out.csv" | wc -l)"
  ((in_split > 5000)) || fail "$engine: only $in_split rows in the split"
done

# String keys: the same table keyed by the e-mail address.
sed 's/^table customers key customer_id {/table customers key email {/' "$tmp/rules/schema.seg" \
  >"$tmp/schema_email.seg"
mkdir -p "$tmp/rules_email"
cp "$tmp/schema_email.seg" "$tmp/rules_email/schema.seg"
cp "$tmp/rules/campaign.seg" "$tmp/rules_email/"
for engine in jit interp; do
  for data in full changed; do
    run_segc "$tmp/s" "$tmp/e" run "$tmp/rules_email" --data "$tmp/$data.csv" --as-of 2026-11-01 \
      --engine "$engine" --out "$tmp/${data}_email.csv"
    expect_code 0 "$engine string-key run on $data.csv" || cat "$tmp/e" >&2
  done
  moved="$(join <(arms_of "$tmp/full_email.csv") <(arms_of "$tmp/changed_email.csv") |
    awk '$2 != $3' | wc -l)"
  [[ "$moved" == 0 ]] || fail "$engine: $moved string keys changed arm"
done
# The documented hash, computed here with Python's hashlib, gives the same arms.
python3 - "$tmp/full_email.csv" <<'PY' || fail "string-key arms differ from md5(salt:key)"
import csv, hashlib, sys
bad = 0
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["ab"] == "":
        continue
    b = int(hashlib.md5(("2026-q4:" + row["email"]).encode()).hexdigest()[:8], 16) % 10000
    want = "A" if b < 4500 else "B" if b < 9000 else "control"
    bad += want != row["ab"]
sys.exit(1 if bad else 0)
PY

# --- export, excel-fr, read back against the run's JSON members ---
run_segc "$tmp/s" "$tmp/e" run "$tmp/rules" --data "$tmp/full.csv" --as-of 2026-11-01 \
  --out "$tmp/members.jsonl"
expect_code 0 "run --out members.jsonl"
run_segc "$tmp/s" "$tmp/e" export "$tmp/rules" --data "$tmp/full.csv" --as-of 2026-11-01 \
  --audience Winback_Email --columns email,first_name,total_spent,last_purchase \
  --dialect excel-fr -o "$tmp/list.csv"
expect_code 0 "export excel-fr" || cat "$tmp/e" >&2
expect_contains "$tmp/s" "audience 'Winback_Email'" "export stdout"
python3 - "$tmp/list.csv" "$tmp/members.jsonl" "$tmp/full.csv" <<'PY' || fail "excel-fr export"
import csv, io, json, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark"
assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n"), "lines do not end with CRLF"
rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
header, body = rows[0], rows[1:]
assert header == ["customer_id", "email", "first_name", "total_spent", "last_purchase", "ab"], header
members = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
want = [m for m in members if m["Winback_Email"] == 1]
assert [int(r[0]) for r in body] == [m["customer_id"] for m in want], "keys differ from the members"
assert [r[5] for r in body] == [m["ab"] for m in want], "arms differ"
data = {int(r["customer_id"]): r for r in csv.DictReader(open(sys.argv[3], encoding="utf-8"))}
for r in body:
    d = data[int(r[0])]
    assert r[1] == d["email"] and r[2] == d["first_name"], (r, d)
    assert float(r[3].replace(",", ".")) == float(d["total_spent"]), (r[3], d["total_spent"])
    y, m, dd = d["last_purchase"].split("-")
    assert r[4] == f"{dd}/{m}/{y}", (r[4], d["last_purchase"])
assert any("," in r[3] for r in body), "no decimal comma"
assert len(body) > 1000 and len(body) < len(members)
PY

# csv and jsonl dialects, --arm.
run_segc "$tmp/s" "$tmp/e" export "$tmp/rules" --data "$tmp/full.csv" --as-of 2026-11-01 \
  --audience Winback_Email --columns email -o "$tmp/list_plain.csv"
expect_code 0 "export csv"
[[ "$(head -1 "$tmp/list_plain.csv")" == "customer_id,email,ab" ]] || fail "csv header"
run_segc "$tmp/s" "$tmp/e" export "$tmp/rules" --data "$tmp/full.csv" --as-of 2026-11-01 \
  --engine interp --segment Winback --arm control -o "$tmp/control.jsonl"
expect_code 0 "export jsonl --arm control"
python3 - "$tmp/control.jsonl" "$tmp/members.jsonl" <<'PY' || fail "jsonl --arm control"
import json, sys
got = [json.loads(l) for l in open(sys.argv[1])]
want = [m["customer_id"] for m in map(json.loads, open(sys.argv[2])) if m["ab"] == "control"]
assert [g["customer_id"] for g in got] == want and all(g["ab"] == "control" for g in got)
PY

# A split of the audience itself is exported with it (after the split of its segment).
mkdir -p "$tmp/rules_split_audience"
cp "$tmp/rules/schema.seg" "$tmp/rules/campaign.seg" "$tmp/rules_split_audience/"
echo 'split wave of Winback_Email into first 50%, second 50% salt "wave"' \
  >>"$tmp/rules_split_audience/campaign.seg"
run_segc "$tmp/s" "$tmp/e" export "$tmp/rules_split_audience" --data "$tmp/full.csv" \
  --as-of 2026-11-01 --audience Winback_Email -o "$tmp/waves.csv"
expect_code 0 "export with a split of the audience"
[[ "$(head -1 "$tmp/waves.csv")" == "customer_id,ab,wave" ]] ||
  fail "split of the audience: header $(head -1 "$tmp/waves.csv")"

# Unknown names: usage errors with a suggestion; an existing file is left as it was.
echo "keep me" >"$tmp/existing.csv"
run_segc "$tmp/s" "$tmp/e" export "$tmp/rules" --data "$tmp/full.csv" --audience Winback_Emial \
  -o "$tmp/existing.csv"
expect_code 2 "unknown audience"
expect_contains "$tmp/e" "did you mean 'Winback_Email'?" "unknown audience hint"
run_segc "$tmp/s" "$tmp/e" export "$tmp/rules" --data "$tmp/full.csv" --audience Winback_Email \
  --columns emial -o "$tmp/existing.csv"
expect_code 2 "unknown column"
expect_contains "$tmp/e" "did you mean 'email'?" "unknown column hint"
run_segc "$tmp/s" "$tmp/e" export "$tmp/rules" --data "$tmp/full.csv" --audience Winback_Email \
  --arm treatment -o "$tmp/existing.csv"
expect_code 2 "unknown arm"
expect_contains "$tmp/e" "split 'ab' has no arm 'treatment'" "unknown arm message"
# Bad data fails the run after the rules were checked: nothing written.
printf 'customer_id,email,first_name,total_spent,last_purchase,consent_email\n1,a,b,notanumber,2026-01-01,true\n' \
  >"$tmp/bad.csv"
run_segc "$tmp/s" "$tmp/e" export "$tmp/rules" --data "$tmp/bad.csv" --audience Winback_Email \
  -o "$tmp/existing.csv"
expect_code 3 "bad data"
[[ "$(cat "$tmp/existing.csv")" == "keep me" ]] || fail "a failed export changed the file"
if ls -a "$tmp" | grep -q '\.tmp\.'; then fail "temporary file left: $(ls -a "$tmp")"; fi
run_segc "$tmp/s" "$tmp/e" export --help
expect_code 0 "export --help"
expect_contains "$tmp/s" "--dialect" "export --help"
run_segc "$tmp/s" "$tmp/e" export "$tmp/rules" --data "$tmp/full.csv" --lang fr \
  --segment Winback -o "$tmp/fr.csv"
expect_code 0 "export --lang fr"
finish
