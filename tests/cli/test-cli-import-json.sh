#!/bin/bash
# test-cli-import-json.sh FACTURES_CLI FIXTURE — --import-json says what it imported, in French,
# kind by kind (as the other import commands do); a refused file prints nothing on stdout.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

CLI=$1
FIXTURE=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

export FACTURES_TODAY=2026-12-31 LANGUAGE=fr

# A whole export: 2 clients, 4 issued documents and a draft, a payment, a recurring invoice.
out=$("$CLI" --database="$tmp/a.db" --import-json="$FIXTURE" 2>"$tmp/err") || fail "--import-json: $(cat "$tmp/err")"
expected="L’import de « $FIXTURE » est terminé : le profil de l’entreprise, 2 clients, 4 documents émis, 1 brouillon, 1 paiement, 1 facturation récurrente."
if [ "$out" = "$expected" ]; then ok "$out"
else fail "printed “$out”, expected “$expected”"; fi

# Clients only, added to a database that has data.
cat >"$tmp/clients.json" <<'JSON'
{ "format": "factures", "version": 1,
  "clients": [ { "id": 1, "name": "Atelier Martin", "address": null, "postal_code": "69001", "city": "Lyon",
                 "country_code": "FR", "siren": null, "siret": null, "vat_id": null, "email": null,
                 "phone": null, "category": 0, "has_terms": 0, "terms_kind": 0, "terms_days": 0,
                 "notes": null } ],
  "documents": [], "series": [] }
JSON
out=$("$CLI" --database="$tmp/a.db" --import-json="$tmp/clients.json" 2>"$tmp/err") || fail "clients: $(cat "$tmp/err")"
if [ "$out" = "L’import de « $tmp/clients.json » est terminé : 1 client." ]; then ok "$out"
else fail "clients only: printed “$out”"; fi

# Trial 5 finding 19: clients and drafts without "series" (json.page: they are ignored there).
cat >"$tmp/noseries.json" <<'JSON'
{ "format": "factures", "version": 1,
  "clients": [ { "id": 1, "name": "Atelier Durand", "address": null, "postal_code": "69001", "city": "Lyon",
                 "country_code": "FR", "siren": null, "siret": null, "vat_id": null, "email": null,
                 "phone": null, "category": 0, "has_terms": 0, "terms_kind": 0, "terms_days": 0,
                 "notes": null } ],
  "documents": [] }
JSON
out=$("$CLI" --database="$tmp/a.db" --import-json="$tmp/noseries.json" 2>"$tmp/err") || fail "without series: $(cat "$tmp/err")"
if [ "$out" = "L’import de « $tmp/noseries.json » est terminé : 1 client." ]; then ok "without series: $out"
else fail "without series: printed “$out”"; fi

# Trial 6 finding 12: a file holding only a profile, into a new database, says it imported it;
# into a database that has one (its own profile wins), says nothing was taken.
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); json.dump({"format": "factures", "version": 1, "profile": d["profile"], "clients": [], "documents": []}, open(sys.argv[2], "w"))' \
  "$FIXTURE" "$tmp/profile.json"
out=$("$CLI" --database="$tmp/p.db" --import-json="$tmp/profile.json" 2>"$tmp/err") || fail "profile only: $(cat "$tmp/err")"
if [ "$out" = "L’import de « $tmp/profile.json » est terminé : le profil de l’entreprise." ]; then ok "$out"
else fail "profile only: printed “$out”"; fi
out=$("$CLI" --database="$tmp/p.db" --import-json="$tmp/profile.json" 2>"$tmp/err") || fail "profile again: $(cat "$tmp/err")"
if [[ "$out" == *"ni client, ni document, ni paiement"* ]]; then ok "profile kept: $out"
else fail "profile into a database with one: printed “$out”"; fi

# Nothing to import but the format.
echo '{ "format": "factures", "version": 1, "clients": [], "documents": [], "series": [] }' >"$tmp/empty.json"
out=$("$CLI" --database="$tmp/a.db" --import-json="$tmp/empty.json" 2>"$tmp/err") || fail "empty: $(cat "$tmp/err")"
if [[ "$out" == *"ni client, ni document, ni paiement"* ]]; then ok "$out"
else fail "empty file: printed “$out”"; fi

# Refused: non-zero, a French message on stderr, nothing on stdout.
echo '{ "format": "factures", "version": 1, "clients": [ { "id": 1, "name": "" } ] }' >"$tmp/bad.json"
rc=0; out=$("$CLI" --database="$tmp/a.db" --import-json="$tmp/bad.json" 2>"$tmp/err") || rc=$?
if [ "$rc" -ne 0 ] && [ -z "$out" ] && grep -q "L’import de" "$tmp/err"; then ok "refused: $(head -1 "$tmp/err")"
else fail "bad file: status $rc, stdout “$out”, stderr $(cat "$tmp/err")"; fi

# sixth trial, finding 7: a débours line whose row says 0 % (no category) is issued by a seller
# who charges VAT: at issue a débours carries no VAT whatever its row says.
python3 - "$FIXTURE" "$tmp/debours.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["profile"].update(vat_regime=1, vat_from="2026-01-01", vat_id="FR44732829320", siren="732829320", siret=None)
draft = [x for x in d["documents"] if x["status"] == 0][0]
for line in draft["lines"]:
    line["vat_rate_bp"] = 2000
extra = dict(draft["lines"][0], position=len(draft["lines"]) + 1, description="Frais de greffe", vat_rate_bp=0, debours=1)
draft["lines"].append(extra)
json.dump(d, open(sys.argv[2], "w"))
print(draft["id"])
PY
draft=$(python3 -c 'import json,sys; print([x for x in json.load(open(sys.argv[1]))["documents"] if x["status"] == 0][0]["id"])' "$tmp/debours.json")
"$CLI" --database="$tmp/d.db" --import-json="$tmp/debours.json" >/dev/null 2>"$tmp/err" || fail "débours draft: $(cat "$tmp/err")"
rc=0; out=$("$CLI" --database="$tmp/d.db" --issue="$draft" --yes 2>"$tmp/err") || rc=$?
if [ "$rc" = 0 ] && grep -q "^F2026-" <<<"$out" && ! grep -q "n’est pas un taux\|base légale" "$tmp/err"; then
  ok "a débours at 0 % is issued: $out"
else fail "débours at 0 %: status $rc, $out $(cat "$tmp/err")"; fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
