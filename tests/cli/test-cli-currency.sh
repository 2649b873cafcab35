#!/bin/bash
# test-cli-currency.sh FACTURES_CLI FIXTURE — issue 13 item 4 on the command line: a draft in GBP
# through --import-json, issued (no VAT due: no rate asked); bad currencies and rates refused with
# exit 1, a French-named field and the database unchanged; --list-overdue with the currency;
# --penalties in GBP with the 40 € indemnity apart; --record-payment refused without
# --eur-amount, recorded with it; the livre des recettes (--receipts) in euros; --verify green.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

CLI=$1
FIXTURE=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
dbhash() { sqlite3 "$tmp/c.db" .dump | sha256sum; }

export FACTURES_TODAY=2026-12-06
db=(--database="$tmp/c.db")

"$CLI" "${db[@]}" --import-json="$FIXTURE" >/dev/null 2>"$tmp/err" || fail "--import-json: $(cat "$tmp/err")"

# A file of one client in London and one draft of 1 000,00 in CURRENCY (and RATE) for it.
draft() {
  cat >"$tmp/draft.json" <<JSON
{ "format": "factures", "version": 1, "series": [],
  "clients": [ { "id": 9, "name": "Example Ltd", "address": "1 Long Acre", "postal_code": "WC2E 9LA",
                 "city": "London", "country_code": "GB", "siren": null, "siret": null, "vat_id": null,
                 "email": null, "phone": null, "category": 1, "has_terms": 0, "terms_kind": 0,
                 "terms_days": 0, "notes": null, "legal_id": "01234567" } ],
  "documents": [ { "id": 50, "kind": 380, "status": 0, "issue_date": "2026-12-01", "client_id": 9,
                   "currency": $1, "exchange_rate": $2, "events": [], "links": [],
                   "lines": [ { "position": 1, "description": "Translation", "quantity": 10000,
                                "unit_price": 1000000000, "vat_rate_bp": 0 } ] } ] }
JSON
}

before=$(dbhash)
# (trial finding T7: a rate of 0 is refused naming exchange_rate, not stored as none; nor 1e8 € per unit)
for bad in '"ZZZ" null' '"JPY" null' '"GBP" -5' 'null 1000000' '"GBP" 0' '"GBP" 99999999999999'; do
  draft $bad
  rc=0; "$CLI" "${db[@]}" --import-json="$tmp/draft.json" >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" -eq 1 ] && grep -Eq "currency|exchange_rate" "$tmp/err" && [ "$(dbhash)" = "$before" ]; then
    ok "draft $bad refused: $(cat "$tmp/err")"
  else fail "draft $bad: status $rc, database changed or no field named: $(cat "$tmp/err")"; fi
done

draft '"GBP"' null
"$CLI" "${db[@]}" --import-json="$tmp/draft.json" >/dev/null 2>"$tmp/err" || fail "GBP draft: $(cat "$tmp/err")"
id=$(sqlite3 "$tmp/c.db" "SELECT id FROM documents WHERE status = 0 AND currency = 'GBP'")
number=$("$CLI" "${db[@]}" --issue="$id" --yes 2>"$tmp/err") || fail "--issue: $(cat "$tmp/err")"
[ "$(sqlite3 "$tmp/c.db" "SELECT currency FROM documents WHERE number = '$number'")" = "GBP" ] \
  && ok "$number issued in GBP without a rate (no VAT due)" || fail "$number not in GBP"

# --list-overdue gives the balance's currency (last column), in the fast path and in the full
# command line (an option twice sends the fast binary there)
for args in "--list-overdue" "--list-overdue --list-overdue"; do
  line=$(FACTURES_TODAY=2027-06-01 "$CLI" "${db[@]}" $args 2>"$tmp/err" | grep "^$number	")
  if printf '%s\n' "$line" | grep -q "	100000	.*	GBP\$"; then ok "$args: $line"
  else fail "$args has no GBP: '$line' $(cat "$tmp/err")"; fi
done

# --penalties: the interest in GBP, the 40 € indemnity in euros (D441-5), never one sum of both
FACTURES_TODAY=2027-06-01 "$CLI" "${db[@]}" --penalties="$number" >"$tmp/out" 2>"$tmp/err" || fail "--penalties: $(cat "$tmp/err")"
if grep -q "^Total : [0-9 ,.]*.GBP + 40,00.€$" "$tmp/out" && grep -q "1.000,00.GBP × " "$tmp/out"; then ok "--penalties in GBP"
else fail "--penalties: $(cat "$tmp/out")"; fi

before=$(dbhash)
rc=0; "$CLI" "${db[@]}" --record-payment="$number" --date=2026-12-04 --method=virement --amount=1000,00 \
  >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 1 ] && grep -q "GBP" "$tmp/err" && [ "$(dbhash)" = "$before" ]; then ok "payment without --eur-amount refused"
else fail "payment without --eur-amount: $rc $(cat "$tmp/err")"; fi
for bad in "--eur-amount=0" "--eur-amount=-3" "--eur-amount=abc"; do
  rc=0; "$CLI" "${db[@]}" --record-payment="$number" --date=2026-12-04 --method=virement --amount=1000,00 $bad \
    >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" -eq 1 ] && [ "$(dbhash)" = "$before" ]; then ok "$bad refused: $(cat "$tmp/err")"; else fail "$bad: $rc"; fi
done
if "$CLI" "${db[@]}" --record-payment="$number" --date=2026-12-04 --method=virement --amount=1000,00 \
     --eur-amount=1150,00 >"$tmp/out" 2>"$tmp/err"; then
  grep -q "1.000,00.GBP" "$tmp/out" && ok "payment recorded in GBP" || fail "payment printed: $(cat "$tmp/out")"
else fail "payment with --eur-amount: $(cat "$tmp/err")"; fi

if "$CLI" "${db[@]}" --receipts --year=2026 >"$tmp/out" 2>"$tmp/err"; then
  if grep "$number" "$tmp/out" | grep -q "1.150,00"; then ok "the livre des recettes has 1 150,00 €"
  else fail "--receipts: $(cat "$tmp/out")"; fi
else fail "--receipts: $(cat "$tmp/err")"; fi
"$CLI" "${db[@]}" --verify >/dev/null 2>"$tmp/err" && ok "--verify" || fail "--verify: $(cat "$tmp/err")"

# trial finding T6: --list-payments ends with the currency and the euros credited
out=$("$CLI" "${db[@]}" --list-payments="$number" 2>&1)
[ "$(cut -f3,8,9 <<<"$out")" = $'100000\tGBP\t115000' ] && ok "--list-payments: GBP, 1 150,00 € credited" \
  || fail "--list-payments: $out"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
