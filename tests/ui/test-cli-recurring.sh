#!/bin/bash
# test-cli-recurring.sh FACTURES — --run-recurring with FACTURES_TODAY (issue 3 item 4)
#
# A database imported from JSON (profile, a client, a monthly template from 2026-01-31 that
# issues automatically, one catalogue item). With FACTURES_TODAY=2026-03-31 the run creates
# the 31 Jan and 28 Feb occurrences as drafts (missed, listed) and issues the 31 Mar one;
# a second run creates nothing; after the app was "closed" until 2026-06-15 the run creates
# April and May once, as drafts; the JSON export carries the template, its occurrences and
# the catalogue; --verify still passes.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

FACTURES=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

db=$tmp/factures.db
cat >"$tmp/in.json" <<'JSON'
{
  "format": "factures", "version": 1,
  "profile": { "name": "Camille Martin EI", "address": "12 rue des Lilas", "postal_code": "69003",
    "city": "Lyon", "country_code": "FR", "siren": "732829320", "siret": null, "vat_id": null,
    "email": "camille@example.org", "phone": null, "registry": 0, "registry_city": null,
    "activity": 0, "vat_regime": 0, "iban": null, "bic": null, "terms_kind": 1, "terms_days": 30,
    "eom_method": 0, "penalty_rate_bp": 0, "insurance": null, "logo": null },
  "clients": [ { "id": 1, "name": "ACME SAS", "address": "3 avenue Foch", "postal_code": "75016",
    "city": "Paris", "country_code": "FR", "siren": "552081317", "siret": null, "vat_id": null,
    "email": "compta@example.com", "phone": null, "category": 1, "has_terms": 0, "terms_kind": 0,
    "terms_days": 0, "notes": null } ],
  "documents": [],
  "series": [],
  "catalogue": [ { "id": 1, "name": "Maintenance", "description": null, "unit": "mois",
    "unit_price": 150000000, "vat_rate_bp": 0, "is_goods": 0 } ],
  "recurring": [ { "id": 1, "client_id": 1, "period": 1, "start_date": "2026-01-31",
    "next_date": "2026-01-31", "end_date": null, "auto_issue": 1, "allowance": 0, "notes": null,
    "lines": [ { "position": 1, "description": "Maintenance mensuelle", "quantity": 10000,
      "unit": "mois", "unit_price": 150000000, "vat_rate_bp": 0, "allowance": 0 } ] } ]
}
JSON

if "$FACTURES" --database="$db" --import-json="$tmp/in.json" 2>"$tmp/err"; then ok "import"; else fail "import: $(cat "$tmp/err")"; fi

run() {
  FACTURES_TODAY=$1 "$FACTURES" --database="$db" --run-recurring >"$tmp/out" 2>"$tmp/err"
}

if run 2026-03-31; then ok "run 1"; else fail "run 1: $(cat "$tmp/err")"; fi
grep -q "^3 created, 1 issued, 2 missed" "$tmp/out" && ok "run 1 counts" || fail "run 1 counts: $(cat "$tmp/out")"
grep -q "^2026-01-31	ACME SAS	" "$tmp/out" && grep -q "^2026-02-28	ACME SAS	" "$tmp/out" \
  && ok "missed occurrences listed" || fail "missed occurrences listed: $(cat "$tmp/out")"

# trial 6 finding 5: the invoice it issued has its line too, with its number (3 created, 3 lines)
grep -q "^2026-03-31	ACME SAS	[0-9]*	F2026-0001\$" "$tmp/out" && [ "$(wc -l <"$tmp/out")" = 5 ] \
  && ok "issued invoice listed with its number" || fail "issued invoice not listed: $(cat "$tmp/out")"

# trial 5 finding 16: a header line names the columns
[ "$(head -1 "$tmp/out")" = "$(printf 'Date\tClient\tDocument id\tNumber, or why it was not issued')" ] \
  && ok "run 1 header" || fail "run 1 header: $(head -1 "$tmp/out")"

if run 2026-03-31; then ok "run 2"; else fail "run 2: $(cat "$tmp/err")"; fi
grep -q "^0 created, 0 issued" "$tmp/out" && ok "run 2 creates nothing" || fail "run 2: $(cat "$tmp/out")"
# (trial 5 finding 16: the drafts of run 1 are not listed again)
[ "$(wc -l <"$tmp/out")" = 1 ] && ok "run 2 lists nothing" || fail "run 2 lists: $(cat "$tmp/out")"

if run 2026-06-15; then ok "run 3"; else fail "run 3: $(cat "$tmp/err")"; fi
grep -q "^2 created, 0 issued, 2 missed" "$tmp/out" && ok "run 3 counts" || fail "run 3 counts: $(cat "$tmp/out")"
[ "$(grep -c "ACME SAS" "$tmp/out")" = 2 ] && ! grep -q "^2026-0[123]-" "$tmp/out" \
  && ok "run 3 lists its two drafts only" || fail "run 3 lists: $(cat "$tmp/out")"
run 2026-06-15
grep -q "^0 created" "$tmp/out" && ok "run 4 creates nothing" || fail "run 4: $(cat "$tmp/out")"

"$FACTURES" --database="$db" --export-json="$tmp/out.json" 2>"$tmp/err" || fail "export: $(cat "$tmp/err")"
n=$(grep -c '"occurrence_date"' "$tmp/out.json")
[ "$n" = 5 ] && ok "5 occurrences exported" || fail "occurrences exported: $n"
grep -q '"next_date" : "2026-06-30"' "$tmp/out.json" && ok "next date" || fail "next date: $(grep next_date "$tmp/out.json")"
grep -q '"Maintenance"' "$tmp/out.json" && ok "catalogue exported" || fail "catalogue not exported"
n=$(grep -c '"number" : "F' "$tmp/out.json")
[ "$n" = 1 ] && ok "one issued invoice" || fail "issued invoices: $n"

if "$FACTURES" --database="$db" --verify 2>"$tmp/err"; then ok "--verify"; else fail "--verify: $(cat "$tmp/err")"; fi

[ "$failures" = 0 ] || { echo "$failures failure(s)"; exit 1; }
