#!/bin/bash
# test-cli-party-checks.sh FACTURES_CLI FIXTURE REFERENCE_DATA — fifth trial, findings 5 and 6 at
# the doors of the command line: a country that is no ISO 3166-1 code, a French postal code that
# is not 5 digits, a SIRET or VAT number of another SIREN and a German VAT number with a wrong
# check digit are refused, naming the field, with the database unchanged, through --import-json
# (clients and profile) and --import-facturx (seller and buyer of the file); valid ones pass.
# Sixth trial, finding 4: --import-facturx and --check-facturx refuse the seller's SIREN or SIRET with a
# wrong check digit and a French postal code that is not 5 digits, naming the BT field.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

CLI=$1
FIXTURE=$2
R=$3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
dbhash() { sqlite3 "$tmp/p.db" .dump | sha256sum; sqlite3 "$tmp/e.db" .dump | sha256sum; }

export FACTURES_TODAY=2026-12-06
F() { "$CLI" --database="$tmp/p.db" "$@"; }

F --import-json="$FIXTURE" >/dev/null 2>"$tmp/err" || fail "--import-json: $(cat "$tmp/err")"
# A database without a profile takes the file's (one that has one keeps its own).
echo '{ "format": "factures", "version": 1, "clients": [], "documents": [], "series": [] }' >"$tmp/empty.json"
"$CLI" --database="$tmp/e.db" --import-json="$tmp/empty.json" >/dev/null 2>"$tmp/err" || fail "empty: $(cat "$tmp/err")"

# One client (or the profile) of the fixture with one field changed: python3 writes the file.
variant() {   # variant OUT PART FIELD=VALUE...
  python3 - "$FIXTURE" "$@" <<'PY'
import json, sys
src, out, part = sys.argv[1:4]
d = json.load(open(src))
keep = {"format": d["format"], "version": d["version"], "documents": [], "series": []}
if part == "client":
    c = dict(d["clients"][0]); c["id"] = 99; c["name"] = "Client essai"
    keep["clients"] = [c]; target = c
else:
    keep["clients"] = []; keep["profile"] = dict(d["profile"]); target = keep["profile"]
for kv in sys.argv[4:]:
    k, v = kv.split("=", 1)
    target[k] = None if v == "null" else v
json.dump(keep, open(out, "w"), ensure_ascii=False)
PY
}

before=$(dbhash)
for case in "client country_code=XX|Country: “XX” is not an ISO 3166-1 country code" \
            "client country_code=FRA|Country: “FRA”" \
            "client postal_code=ABCDE|Postal code: “ABCDE” is not a French postal code" \
            "client postal_code=6900|Postal code: “6900”" \
            "client country_code=GP postal_code=69002|Postal code: “69002” is not a postal code of the country GP" \
            "client siren=456789122 vat_id=FR19812345676|VAT number and SIREN: the VAT number “FR19812345676” belongs to the SIREN 812345676" \
            "client siren=552081317 siret=45678912200011|SIRET and SIREN: the SIRET “45678912200011” does not start with the SIREN “552081317”" \
            "client country_code=DE postal_code=10115 siren=null vat_id=DE123456789|VAT number: “DE123456789” is not a valid" \
            "profile siren=812345676 siret=45678912200011|SIRET and SIREN" \
            "profile siren=812345676 vat_id=FR72456789122|VAT number and SIREN: the VAT number “FR72456789122” belongs to the SIREN 456789122" \
            "profile country_code=XX|Country: “XX”"; do
  spec=${case%%|*}; want=${case#*|}
  read -r part fields <<<"$spec"
  variant "$tmp/v.json" "$part" $fields
  db=$tmp/p.db; [ "$part" = profile ] && db=$tmp/e.db
  rc=0; "$CLI" --database="$db" --import-json="$tmp/v.json" >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" = 1 ] && grep -qF -- "$want" "$tmp/err" && [ "$(dbhash)" = "$before" ]; then ok "--import-json $spec refused: $(cat "$tmp/err")"
  else fail "--import-json $spec: status $rc, database changed or no “$want”: $(cat "$tmp/err")"; fi
done

# Valid ones: a German client with a right check digit, a client in Guadeloupe, a SIRET and
# VAT number of the SIREN.
for spec in "client country_code=DE postal_code=10115 siren=null vat_id=DE123456788" \
            "client country_code=GP postal_code=97110 city=Pointe-à-Pitre" \
            "client siren=732829320 siret=73282932000074 vat_id=FR44732829320"; do
  read -r part fields <<<"$spec"
  variant "$tmp/v.json" "$part" $fields
  F --import-json="$tmp/v.json" >/dev/null 2>"$tmp/err" && ok "--import-json $spec accepted" \
    || fail "--import-json $spec: $(cat "$tmp/err")"
done

# --import-facturx: the seller's country XX, the seller's SIRET of another SIREN.
xml=$R/02_facturx/akretion/fixtures/xml/factur-x-en16931.xml
[ -f "$xml" ] || { echo "SKIP: $xml missing"; exit 77; }
python3 - "$xml" "$tmp" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
seller = text.index("<ram:SellerTradeParty>")
country = text.index("<ram:CountryID>", seller)
bad_country = text[:country] + "<ram:CountryID>XX</ram:CountryID>" + text[text.index("</ram:CountryID>", country) + 16:]
open(sys.argv[2] + "/country.xml", "w", encoding="utf-8").write(bad_country)
open(sys.argv[2] + "/siret.xml", "w", encoding="utf-8").write(
    text.replace('schemeID="0009">12345678200077<', 'schemeID="0009">73282932000074<'))
# sixth trial, finding 4: the check digits and the French postal code, as the window checks them
for name, old, new in (("postcode", ">75018<", ">7518<"),
                       ("siren", 'schemeID="0002">123456782<', 'schemeID="0002">123456783<'),
                       ("siret-key", 'schemeID="0009">12345678200077<', 'schemeID="0009">12345678200078<')):
    assert text.count(old) >= 1, old
    seller = text.index("<ram:SellerTradeParty>")
    at = text.index(old, seller)
    open(sys.argv[2] + "/" + name + ".xml", "w", encoding="utf-8").write(text[:at] + new + text[at + len(old):])
PY
before=$(dbhash)
for case in "country.xml|Seller country (BT-40): “XX” is not an ISO 3166-1 country code" \
            "siret.xml|Seller identifiers (BT-29, BT-30, BT-31): SIRET and SIREN" \
            "postcode.xml|Seller post code (BT-38): “7518” is not a postal code of the country FR" \
            "siren.xml|Seller legal registration (BT-30): “123456783” is not a valid SIREN" \
            "siret-key.xml|Seller identifier (BT-29): “12345678200078” is not a valid SIRET"; do
  file=${case%%|*}; want=${case#*|}
  rc=0; F --import-facturx="$tmp/$file" >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" != 0 ] && grep -qF -- "$want" "$tmp/err" && [ "$(dbhash)" = "$before" ]; then ok "--import-facturx $file refused: $(cat "$tmp/err")"
  else fail "--import-facturx $file: status $rc, database changed or no “$want”: $(cat "$tmp/err")"; fi
  rc=0; F --check-facturx="$tmp/$file" >"$tmp/out" 2>&1 || rc=$?
  if [ "$rc" != 0 ] && grep -qF -- "$want" "$tmp/out"; then ok "--check-facturx $file tells it"
  else fail "--check-facturx $file: status $rc: $(cat "$tmp/out")"; fi
done
F --import-facturx="$xml" >/dev/null 2>"$tmp/err" && ok "the file as published is imported" \
  || fail "--import-facturx $xml: $(cat "$tmp/err")"
# the same invoice with a seller's SIREN altered cannot enter a second time (finding 4)
rc=0; F --import-facturx="$tmp/siren.xml" >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" != 0 ] && ok "the duplicate with an altered SIREN is refused" || fail "the duplicate with an altered SIREN was imported"

exit $((failures > 0))
