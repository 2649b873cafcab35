#!/bin/bash
# test-cli-bounds.sh FACTURES_CLI FIXTURE REFERENCE_DATA — fifth trial, findings 11 and 13 on the
# command line: a unit price, a discount or a line above 1 000 000 000 € (the core's bounds,
# FACTURES_UNIT_PRICE_MAX and FACTURES_AMOUNT_MAX) is refused naming the field at --import-json
# (a draft: the editor's checks) and at --import-facturx / --check-facturx (BT-146); a figure
# too large for its field, a date that does not exist and a value that is not UTF-8 are refused
# naming the field or the option, with the "factures: " prefix; the database unchanged every
# time.
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
dbhash() { sqlite3 "$tmp/p.db" .dump | sha256sum; }

export FACTURES_TODAY=2026-12-06
F() { "$CLI" --database="$tmp/p.db" "$@"; }

F --import-json="$FIXTURE" >/dev/null 2>"$tmp/err" || fail "--import-json: $(cat "$tmp/err")"

# The fixture's draft (id 5) or issued invoice (F2026-0001) with one line changed.
python3 - "$FIXTURE" "$tmp" <<'PY'
import json, sys
src, tmp = sys.argv[1:3]
d = json.load(open(src))
def only(doc_filter, change, name):
    docs = [dict(x) for x in d["documents"] if doc_filter(x)]
    for doc in docs:
        doc["lines"] = [dict(l) for l in doc["lines"]]
        change(doc["lines"][0])
        doc["id"] = 99
        doc["links"] = []
    keep = {"format": d["format"], "version": d["version"], "clients": [c for c in d["clients"] if c["id"] == 1],
            "series": [], "documents": docs}
    json.dump(keep, open(tmp + "/" + name, "w"), ensure_ascii=False)
def price(l):
    l["unit_price"] = 9000000000000 * 1000000     # 9 000 000 000 000 €
def discount(l):
    l["allowance"] = 100000000001                 # 1 000 000 000,01 €
def line(l):
    l["unit_price"] = 1000000000 * 1000000
    l["quantity"] = 20000                         # 2 × 1 000 000 000 €
only(lambda x: x["status"] == 0, price, "price.json")
only(lambda x: x["status"] == 0, discount, "discount.json")
only(lambda x: x["status"] == 0, line, "line.json")
PY

before=$(dbhash)
for case in "--import-json=$tmp/price.json|Line 1: Unit price: " \
            "--import-json=$tmp/discount.json|Line 1: Discount: " \
            "--import-json=$tmp/line.json|Line 1: Line amount: " \
            "--record-payment=F2026-0001 --date=2026-12-01 --method=virement --amount=99999999999999999999|factures: Amount: “99999999999999999999” is too large." \
            "--urssaf --period=2026-10 --declared-on=2026-13-01|factures: Declared on: “2026-13-01” is not a date that exists" \
            "--add-purchase --date=2026-03-05 --supplier=X --amount=3 --method=carte --reference=$(printf 'A\377B')|factures: --reference: the value is not UTF-8 text." \
            "--add-purchase --date=2026-03-05 --supplier $(printf 'A\377B') --amount=3 --method=carte|factures: --supplier: the value is not UTF-8 text."; do
  args=${case%|*}; want=${case##*|}
  rc=0; F $args >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" != 0 ] && grep -qF -- "$want" "$tmp/err" && [ "$(dbhash)" = "$before" ]; then ok "$(echo "$args" | cut -c1-60) refused: $(cat "$tmp/err")"
  else fail "$args: status $rc, database changed or no “$want”: $(cat "$tmp/err")"; fi
done

# --import-facturx and --check-facturx: a net price (BT-146) of 2 000 000 000 €.
xml=$R/02_facturx/akretion/fixtures/xml/factur-x-en16931.xml
if [ -f "$xml" ]; then
  python3 - "$xml" "$tmp/price.xml" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
i = t.index("<ram:NetPriceProductTradePrice>")
j = t.index("<ram:ChargeAmount>", i)
k = t.index("</ram:ChargeAmount>", j)
open(sys.argv[2], "w", encoding="utf-8").write(t[:j] + "<ram:ChargeAmount>2000000000.00" + t[k:])
PY
  for door in import-facturx check-facturx; do
    rc=0; F --$door="$tmp/price.xml" >"$tmp/out" 2>&1 || rc=$?
    if [ "$rc" != 0 ] && grep -qF "Line 1, net price (BT-146): 2000000000.00 is beyond what the app can hold" "$tmp/out" \
       && [ "$(dbhash)" = "$before" ]; then ok "--$door refuses a net price above the bound"
    else fail "--$door: status $rc: $(cat "$tmp/out")"; fi
  done
fi

# A file name may be any bytes: --output with a non-UTF-8 name is not refused for it.
F --purchases --year=2026 --output="$tmp/$(printf 'r\351sum\351').csv" >/dev/null 2>"$tmp/err" \
  && ok "--output accepts a non-UTF-8 file name" || fail "--output non-UTF-8: $(cat "$tmp/err")"

exit $((failures > 0))
