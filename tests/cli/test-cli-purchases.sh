#!/bin/bash
# test-cli-purchases.sh FACTURES_CLI FIXTURE REFERENCE_DATA — issue 17 items 5 and 6 on the command
# line: the registre des achats from a Factur-X purchase imported (akretion's invoice_EN16931.pdf:
# F20260023 of LE FOURNISSEUR, 31/01/2026, 104,90 €) and from purchases typed by hand, a payment
# recorded, cancelled and recorded again, a typed purchase cancelled (never erased), bad input
# refused with the database unchanged, the CSV, the PDF registers (totals carried from page to
# page, checked with pdftotext against sums computed by hand), and the FEC with the purchase
# payments (18 columns, balanced, YYYYMMDD, 401/607).
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
db=(--database="$tmp/p.db")
F() { "$CLI" "${db[@]}" "$@"; }

F --import-json="$FIXTURE" >/dev/null 2>"$tmp/err" || fail "--import-json: $(cat "$tmp/err")"
sample=$R/02_facturx/akretion/fixtures/pdf/invoice_EN16931.pdf
[ -f "$sample" ] || { echo "SKIP: $sample missing"; exit 77; }
F --import-facturx="$sample" >/dev/null 2>"$tmp/err" || fail "import of the purchase: $(cat "$tmp/err")"

# ---- payments of the imported purchase: recorded, reversed, recorded again ----
F --purchase-paid=F20260023 --date=2026-02-10 --method=cheque >/dev/null 2>"$tmp/err" || fail "--purchase-paid: $(cat "$tmp/err")"
if F --purchases --year=2026 | grep -qP '^2026-01-31\tLE FOURNISSEUR\tF20260023\tFacture d’achat importée\t104,90\x{00a0}€\tchèque\t2026-02-10$'; then
  ok "the imported purchase is in the register with its payment"; else fail "register: $(F --purchases --year=2026)"; fi
before=$(dbhash)
rc=0; F --purchase-paid=F20260023 --date=2026-02-11 --method=virement >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" = 1 ] && grep -q "already recorded" "$tmp/err" && [ "$(dbhash)" = "$before" ]; then ok "a second payment is refused until the first is cancelled"
else fail "second payment: $rc $(cat "$tmp/err")"; fi
F --cancel-purchase-paid=F20260023 --reason="chèque rejeté" --date=2026-02-20 >/dev/null 2>"$tmp/err" || fail "--cancel-purchase-paid: $(cat "$tmp/err")"
if F --purchases --year=2026 | grep -qP '^2026-01-31\tLE FOURNISSEUR\tF20260023\t.*\t104,90\x{00a0}€\t\t$' \
   && [ "$(sqlite3 "$tmp/p.db" 'SELECT count(*) FROM purchase_payments')" = 1 ] \
   && [ "$(sqlite3 "$tmp/p.db" 'SELECT count(*) FROM purchase_payment_reversals')" = 1 ]; then
  ok "the payment is reversed, not erased: the purchase is unpaid again"; else fail "after the reversal: $(F --purchases --year=2026)"; fi
F --purchase-paid=F20260023 --date=2026-02-25 --method=virement --amount=104,90 >/dev/null 2>"$tmp/err" || fail "paid again: $(cat "$tmp/err")"

# ---- typed purchases ----
F --add-purchase --date=2026-03-05 --supplier="Papeterie Martin" --reference=T-12 --nature=Fournitures --amount=23,40 \
  --method=especes >/dev/null 2>"$tmp/err" || fail "--add-purchase: $(cat "$tmp/err")"
F --add-purchase --date=2026-03-06 --supplier="Erreur SARL" --amount=50 --method=carte >/dev/null 2>"$tmp/err" \
  || fail "--add-purchase: $(cat "$tmp/err")"
F --cancel-purchase=2 --reason="saisi deux fois" --date=2026-03-07 >/dev/null 2>"$tmp/err" || fail "--cancel-purchase: $(cat "$tmp/err")"

before=$(dbhash)
for bad in "--add-purchase --date=2026-03-05 --amount=10 --method=carte|Supplier" \
           "--add-purchase --date=2026-03-05 --supplier=X --method=carte|Amount" \
           "--add-purchase --date=2026-03-05 --supplier=X --amount=0 --method=carte|Amount" \
           "--add-purchase --date=2027-01-05 --supplier=X --amount=3 --method=carte|Date" \
           "--add-purchase --date=1900-03-05 --supplier=X --amount=3 --method=carte|Date: 05/03/1900 is before 1 January 1999" \
           "--add-purchase --supplier=X --amount=3 --method=carte|Date" \
           "--add-purchase --date=2026-03-05 --supplier=X --amount=3 --method=troc|Payment method" \
           "--purchase-paid=F20260023 --date=2026-03-01 --method=carte|already" \
           "--purchase-paid=NOPE --date=2026-03-01 --method=carte|NOPE" \
           "--cancel-purchase=2 --reason=encore|already" \
           "--cancel-purchase=1|the purchase is cancelled" \
           "--add-purchase --date=2026-03-05 --supplier=X --amount=12345678901234 --method=carte|at most 1 000 000 000,00" \
           "--add-purchase --date=2026-03-05 --supplier=X --amount=1.234,50 --method=carte|thousands separator" \
           "--purchases --year=2026 --output=$tmp/never.txt|csv" \
           "--purchases --year=2027|2027"; do
  args=${bad%|*}; field=${bad##*|}
  rc=0; F $args >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" = 1 ] && grep -q -- "$field" "$tmp/err" && [ "$(dbhash)" = "$before" ]; then ok "$args refused: $(cat "$tmp/err")"
  else fail "$args: status $rc, database changed or no message naming $field: $(cat "$tmp/err")"; fi
done
[ -e "$tmp/never.txt" ] && fail "--purchases wrote a .txt"

F --purchases --year=2026 >"$tmp/pur" 2>"$tmp/err" || fail "--purchases: $(cat "$tmp/err")"
if grep -qP '^2026-03-05\tPapeterie Martin\tT-12\tFournitures\t23,40\x{00a0}€\tespèces\t2026-03-05$' "$tmp/pur" \
   && grep -qP '^2026-03-06\tErreur SARL\t\tAchat\t50,00\x{00a0}€\tcarte\t$' "$tmp/pur" \
   && grep -qP '^2026-03-07\tErreur SARL\t\tAnnulation : Achat \(motif : saisi deux fois\)\t-50,00\x{00a0}€\tannulation\t$' "$tmp/pur" \
   && grep -qP '^Total of 2026 \(EUR\)\t128,30\x{00a0}€$' "$tmp/pur" && grep -qP '^of which cash\t23,40\x{00a0}€$' "$tmp/pur" \
   && [ "$(wc -l <"$tmp/pur")" = 6 ]; then
  ok "--purchases: imported and typed, in date order, the cancellation, 104,90 + 23,40 + 50 − 50 = 128,30 €, cash 23,40 €"
else fail "--purchases printed: $(cat "$tmp/pur")"; fi

F --purchases --year=2026 --output="$tmp/achats.csv" >/dev/null 2>"$tmp/err" || fail "CSV: $(cat "$tmp/err")"
if grep -q '"Date";"Fournisseur";"Référence";"Nature";"Montant";"Mode de règlement";"Espèces";"Payé le"' "$tmp/achats.csv" \
   && grep -q '^"05/03/2026";"Papeterie Martin";"T-12";"Fournitures";"23,40";"espèces";"oui";"05/03/2026"' "$tmp/achats.csv"; then
  ok "--purchases --output=FILE.csv"; else fail "CSV: $(cat "$tmp/achats.csv")"; fi

# ---- FEC: the purchase payments (and the reversal) with 401/607, numbered with the receipts ----
F --export-fec --year=2026 --output="$tmp/fec.txt" >/dev/null 2>"$tmp/err" || fail "--export-fec: $(cat "$tmp/err")"
if python3 - "$tmp/fec.txt" <<'PY'
import sys, collections
rows = open(sys.argv[1], encoding="utf-8", newline="").read().split("\r\n")
assert rows[-1] == ""
rows = [r.split("\t") for r in rows[:-1]]
assert len(rows[0]) == 18, rows[0]
sums = collections.defaultdict(lambda: [0, 0])
dates = {}
for r in rows[1:]:
    assert len(r) == 18, r
    assert len(r[3]) == 8 and r[3].isdigit(), r
    sums[r[2]][0] += int(r[11].replace(",", ""))
    sums[r[2]][1] += int(r[12].replace(",", ""))
    dates[int(r[2])] = r[3]
assert all(d == c for d, c in sums.values()), sums
nums = sorted(dates)
assert nums == list(range(1, len(nums) + 1))
assert [dates[n] for n in nums] == sorted(dates[n] for n in nums), "numbers not in date order"
def lines(account, journal):
    return [r for r in rows[1:] if r[4] == account and r[0] == journal]
# 4 payments (2 of the imported purchase, 2 typed) and 2 reversals: 6 AC entries
assert len(lines("607", "AC")) == 6 and len(lines("401", "AC")) == 6 and len(lines("401", "BQ")) == 6
assert sum(int(r[11].replace(",", "")) - int(r[12].replace(",", "")) for r in lines("607", "AC")) == 10490 + 2340
assert [r[4] for r in rows[1:] if r[8] == "T-12"] == ["607", "401", "401", "53"]
# trial finding T13: every PieceRef set; a purchase typed without a reference is ACH-<id>
assert all(r[8] for r in rows[1:]), [r for r in rows[1:] if not r[8]]
assert {r[8] for r in rows[1:] if "Erreur SARL" in r[10]} == {"ACH-2"}, rows
feb = [r for r in rows[1:] if r[3] == "20260220"]
assert {(r[4], r[11], r[12]) for r in feb} == {("607", "0,00", "104,90"), ("401", "104,90", "0,00"),
                                               ("401", "0,00", "104,90"), ("512", "104,90", "0,00")}, feb
PY
then ok "--export-fec: purchase payments 607/401 (AC) and 401/512 or 53 (BQ), the reversal the other way, balanced, in date order"
else fail "--export-fec: $(cat "$tmp/fec.txt")"; fi
F --urssaf-set=account-purchases=6061 --urssaf-set=account-suppliers=4011 >/dev/null 2>&1
F --export-fec --year=2026 --output="$tmp/fec2.txt" >/dev/null 2>&1
if grep -qP '^AC\tAchats\t\d+\t20260305\t6061\t' "$tmp/fec2.txt" && grep -qP '^BQ\tBanque\t\d+\t20260305\t4011\t' "$tmp/fec2.txt"; then
  ok "the purchases and suppliers accounts are configurable"; else fail "accounts: $(head -5 "$tmp/fec2.txt")"; fi

# ---- trial finding T21: a payment dated before its invoice (31/01/2026) is recorded with a warning ----
F --cancel-purchase-paid=F20260023 --reason="mauvaise date" --date=2026-03-01 >/dev/null 2>&1
rc=0; F --purchase-paid=F20260023 --date=2026-01-15 --method=carte --amount=104,90 >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" = 0 ] && grep -q "warning: the payment is dated 15/01/2026, before the invoice F20260023 (31/01/2026)" "$tmp/err"
then ok "a purchase paid before its invoice's date is told: $(cat "$tmp/err")"; else fail "paid before the invoice: $rc $(cat "$tmp/err")"; fi

# ---- a backup keeps the register (JSON export, restore into an empty database) ----
F --export-json="$tmp/backup.json" >/dev/null 2>"$tmp/err" || fail "--export-json: $(cat "$tmp/err")"
if "$CLI" --database="$tmp/restored.db" --import-json="$tmp/backup.json" >/dev/null 2>"$tmp/err" \
   && [ "$("$CLI" --database="$tmp/restored.db" --purchases --year=2026 2>/dev/null)" = "$(F --purchases --year=2026 2>/dev/null)" ]; then
  ok "the registre des achats survives a JSON backup and restore"
else fail "restore: $(cat "$tmp/err")"; fi
python3 - "$tmp/backup.json" "$tmp/bad.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["purchase_entries"][0]["date"] = "2027-01-01"
json.dump(d, open(sys.argv[2], "w"))
PY
rc=0; "$CLI" --database="$tmp/bad.db" --import-json="$tmp/bad.json" >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" = 1 ] && grep -q 'purchase_entries\[0\]: Date' "$tmp/err"; then ok "a restore checks a typed purchase as the doors do: $(cat "$tmp/err")"
else fail "future purchase in a backup: $rc $(cat "$tmp/err")"; fi

# ---- the PDF registers: 3 pages, totals carried forward ----
for i in $(seq 1 100); do
  m=$(( (i - 1) / 10 + 1 )); d=$(( (i - 1) % 10 + 1 ))
  method=virement; [ $((i % 5)) = 0 ] && method=especes
  "$CLI" --database="$tmp/reg.db" --add-purchase --date="$(printf '2026-%02d-%02d' $m $d)" --supplier="Fournisseur $i" \
    --reference="A-$i" --nature=Marchandises --amount=$i --method=$method >/dev/null 2>&1 || { fail "purchase $i"; break; }
done
"$CLI" --database="$tmp/reg.db" --purchases --year=2026 --output="$tmp/achats.pdf" >/dev/null 2>"$tmp/err" || fail "PDF: $(cat "$tmp/err")"
if [ "$(pdfinfo "$tmp/achats.pdf" | grep -oP '^Pages:\s+\K\d+')" = 3 ]; then ok "100 purchases: 3 pages"; else fail "pages: $(pdfinfo "$tmp/achats.pdf")"; fi
pdftotext -layout -f 1 -l 1 "$tmp/achats.pdf" "$tmp/p1.txt"
pdftotext -layout -f 2 -l 2 "$tmp/achats.pdf" "$tmp/p2.txt"
pdftotext -layout -f 3 -l 3 "$tmp/achats.pdf" "$tmp/p3.txt"
# Page 1 holds the purchases of 1 to 42 €: 1 + 2 + … + 42 = 42 × 43 / 2 = 903,00 €, of which cash
# 5 + 10 + … + 40 = 180,00 €. Page 2 starts with that « Report ».
n1=$(grep -c 'Fournisseur [0-9]' "$tmp/p1.txt")
# (the amount column: the first amount of each row; pdftotext writes plain spaces)
sum1=$(python3 -c '
import re, sys
total = 0
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.search(r"Fournisseur \d+\s+Marchandises\s+\S+\s+([\d ]+),(\d\d)", line)
    if m:
        total += int(m.group(1).replace(" ", "")) * 100 + int(m.group(2))
print("%d.%02d" % (total // 100, total % 100))' "$tmp/p1.txt")
if [ "$n1" = 42 ] && [ "$sum1" = 903.00 ] && grep -qP 'Total de la page\s+903,00\s?€\s+180,00\s?€' "$tmp/p1.txt" \
   && grep -qP 'À reporter\s+903,00\s?€\s+180,00\s?€' "$tmp/p1.txt" \
   && grep -qP '^\s+Report\s+903,00\s?€\s+180,00\s?€' "$tmp/p2.txt"; then
  ok "page 2 carries page 1's total: 903,00 € (cash 180,00 €)"
else fail "carried total: page 1 has $n1 rows summing $sum1; $(grep -E 'Report|reporter|Total' "$tmp/p1.txt" "$tmp/p2.txt")"; fi
# Σ 1..100 = 5 050,00 €, cash 5 + 10 + … + 100 = 1 050,00 €; seller, title and page numbers
if grep -qP 'Total de l’année\s+5\s?050,00\s?€\s+1\s?050,00\s?€' "$tmp/p3.txt" \
   && grep -q 'Page 3 / 3' "$tmp/p3.txt" && grep -q 'Page 2 / 3' "$tmp/p2.txt" \
   && grep -q 'Registre des achats 2026' "$tmp/p2.txt"; then
  ok "the last page has the year's total 5 050,00 € (cash 1 050,00 €) and the pages are numbered"
else fail "last page: $(cat "$tmp/p3.txt")"; fi

F --receipts --year=2026 --output="$tmp/recettes.pdf" >"$tmp/out" 2>"$tmp/err" || fail "--receipts PDF: $(cat "$tmp/err")"
if pdftotext -layout "$tmp/recettes.pdf" - | grep -q 'Livre des recettes 2026' \
   && pdftotext -layout "$tmp/recettes.pdf" - | grep -qP 'Total de l’année\s+50,00\s?€' \
   && pdftotext -layout "$tmp/recettes.pdf" - | grep -q 'Camille Martin EI'; then
  ok "--receipts --output=FILE.pdf: the livre des recettes with the seller and the year's total"
else fail "receipts PDF: $(pdftotext -layout "$tmp/recettes.pdf" -)"; fi

# ---- fifth trial, finding 7: a supplier's credit note (type 381) reduces the purchases ----
xml=$R/02_facturx/akretion/fixtures/xml/factur-x-en16931.xml
sed -e 's|<ram:ID>F20260023</ram:ID>|<ram:ID>AV20260007</ram:ID>|' \
    -e 's|<ram:TypeCode>380</ram:TypeCode>|<ram:TypeCode>381</ram:TypeCode>|' "$xml" >"$tmp/avoir.xml"
cdb=(--database="$tmp/credit.db")
C() { "$CLI" "${cdb[@]}" "$@"; }
C --import-json="$FIXTURE" >/dev/null 2>"$tmp/err" || fail "credit: --import-json: $(cat "$tmp/err")"
C --import-facturx="$sample" >/dev/null 2>"$tmp/err" || fail "credit: the invoice: $(cat "$tmp/err")"
if C --import-facturx="$tmp/avoir.xml" >"$tmp/out" 2>"$tmp/err" && grep -q "AV20260007" "$tmp/out"; then
  ok "the credit note is imported: $(cat "$tmp/out")"; else fail "credit note import: $(cat "$tmp/out" "$tmp/err")"; fi
C --purchase-paid=F20260023 --date=2026-02-10 --method=virement >/dev/null 2>"$tmp/err" || fail "credit: paid: $(cat "$tmp/err")"
C --purchase-paid=AV20260007 --date=2026-02-12 --method=virement >/dev/null 2>"$tmp/err" || fail "credit: refund: $(cat "$tmp/err")"
C --purchases --year=2026 >"$tmp/cpur" 2>"$tmp/err" || fail "credit: --purchases: $(cat "$tmp/err")"
if grep -qP '^2026-01-31\tLE FOURNISSEUR\tAV20260007\tAvoir d’achat importé\t-104,90\x{00a0}€\tvirement\t2026-02-12$' "$tmp/cpur" \
   && grep -qP '^Total of 2026 \(EUR\)\t0,00\x{00a0}€$' "$tmp/cpur"; then
  ok "the credit note is a negative line « Avoir d’achat importé »: 104,90 − 104,90 = 0,00 €"
else fail "credit note in the register: $(cat "$tmp/cpur")"; fi
C --export-fec --year=2026 --output="$tmp/cfec.txt" >/dev/null 2>"$tmp/err" || fail "credit: --export-fec: $(cat "$tmp/err")"
if python3 - "$tmp/cfec.txt" <<'PY'
import sys
rows = [r.split("\t") for r in open(sys.argv[1], encoding="utf-8", newline="").read().split("\r\n")[1:-1]]
purchases = [r for r in rows if r[4] == "607" and r[0] == "AC"]
assert sum(int(r[11].replace(",", "")) - int(r[12].replace(",", "")) for r in purchases) == 0, purchases
assert {(r[11], r[12]) for r in purchases if r[8] == "AV20260007"} == {("0,00", "104,90")}, purchases
PY
then ok "--export-fec: the refund of the credit note credits 607"
else fail "credit note in the FEC: $(cat "$tmp/cfec.txt")"; fi
# sixth trial, finding 13: the credit note is named as one in the FEC and when imported again
if grep -qP '\tAV20260007\t[0-9]*\tAvoir LE FOURNISSEUR\t' "$tmp/cfec.txt" && ! grep -qP '\tAV20260007\t[0-9]*\tAchat ' "$tmp/cfec.txt"; then
  ok "--export-fec: EcritureLib « Avoir LE FOURNISSEUR » for the credit note"
else fail "credit note's EcritureLib: $(grep AV20260007 "$tmp/cfec.txt")"; fi
rc=0; C --import-facturx="$tmp/avoir.xml" >"$tmp/out" 2>"$tmp/err" || rc=$?
if [ "$rc" != 0 ] && grep -q "Credit note AV20260007 from LE FOURNISSEUR was already imported" "$tmp/err"; then
  ok "the credit note imported again: $(cat "$tmp/err")"
else fail "credit note imported again: status $rc, $(cat "$tmp/err")"; fi

exit $((failures > 0))
