#!/bin/bash
# test-cli-receipts.sh FACTURES FIXTURE — the livre des recettes on the command line, no window.
#
# On the fixture database: two payments of the app's invoices (put in with sqlite3, as the
# payment dialog would store them), our own invoice F2026-0001 exported as Factur-X and imported
# back as history (same SIREN: a sale), and the same file with another seller (a purchase).
# --imported-paid refuses bad input in French and stores nothing, refuses a purchase, records a
# cash payment (amount: the file's amount due); --receipts --year prints the entries in cash-in
# order and the totals per month, quarter and year; --output writes a CSV (UTF-8, French header,
# decimal comma) whose total is the sum of what came in; --cancel-imported-paid takes it out.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

FACTURES=$1
FIXTURE=$2
export FACTURES_TODAY=2026-06-30

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
# the payment of an imported sale that counts: a row of imported_payments not cancelled (issue 10)
paid() { sqlite3 "$db" "SELECT coalesce(p.date,'') || '|' || coalesce(p.method,'') || '|' || coalesce(p.amount,'')
  FROM imported_invoices i LEFT JOIN imported_payments p ON p.invoice_id = i.id
  AND NOT EXISTS (SELECT 1 FROM imported_payment_reversals r WHERE r.imported_payment_id = p.id)
  WHERE i.number = '$1' ORDER BY p.id DESC LIMIT 1"; }

db=$tmp/factures.db
"$FIXTURE" "$db" >/dev/null || { echo "fixture failed"; exit 1; }
F() { "$FACTURES" --database="$db" "$@"; }

"$FACTURES" --help-all 2>&1 | grep -q -- "--receipts" && "$FACTURES" --help-all 2>&1 | grep -q -- "--imported-paid=NUMBER" \
  && ok "--help describes the options" || fail "--help"

# two payments of the app's invoices: F2026-0002 by cheque in February, F2026-0004 in cash in April
sqlite3 "$db" "INSERT INTO payments (id, client_id, date, amount, method, reference) VALUES (1, 2, '2026-02-15', 24000, 1, '0001234');
               INSERT INTO payment_allocations (payment_id, client_id, document_id, date, amount) VALUES (1, 2, 2, '2026-02-15', 24000);
               INSERT INTO payments (id, client_id, date, amount, method) VALUES (2, 4, '2026-04-03', 6000, 2);
               INSERT INTO payment_allocations (payment_id, client_id, document_id, date, amount) VALUES (2, 4, 4, '2026-04-03', 6000);" \
  || { echo "payments not stored"; exit 1; }

# our own invoice, exported then imported back: a sale
F --export-facturx=F2026-0001 --output="$tmp/f1.pdf" >/dev/null 2>&1 || { echo "export failed"; exit 1; }
# (under a number Factures never issued: an issued number is not imported a second time)
pdfdetach -save 1 -o "$tmp/f1.xml" "$tmp/f1.pdf" >/dev/null 2>&1
sed 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>H2025-0099</ram:ID>|' "$tmp/f1.xml" > "$tmp/sale.xml"
F --import-facturx="$tmp/sale.xml" >/dev/null 2>&1 || { echo "import failed"; exit 1; }
# the same invoice from another seller (SIREN and number changed): a purchase
# (its SIRET made valid again: the import checks the seller's check digits, sixth trial finding 4)
sed -e 's/732829320/404833048/g' -e 's/404833048[0-9]\{5\}/40483304800014/g' \
    -e 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>ACH-77</ram:ID>|' "$tmp/f1.xml" > "$tmp/purchase.xml"
F --import-facturx="$tmp/purchase.xml" >/dev/null 2>&1 || { echo "purchase import failed"; exit 1; }
[ "$(sqlite3 "$db" "SELECT direction FROM imported_invoices WHERE number = 'ACH-77'")" = purchase ] || fail "ACH-77 is not a purchase"

# bad input: refused with the field named, nothing stored
expect_refused() {
  local what=$1 pattern=$2; shift 2
  local out
  out=$(F "$@" 2>&1)
  if [ $? != 0 ] && grep -qi -- "$pattern" <<<"$out" && [ "$(paid H2025-0099)" = "||" ]; then
    ok "refused: $what"; else fail "$what: $out / $(paid H2025-0099)"; fi
}
expect_refused "no date" "--date" --imported-paid=H2025-0099 --method=especes
expect_refused "future date" "later than today" --imported-paid=H2025-0099 --date=2026-07-01 --method=especes
expect_refused "impossible date" "date" --imported-paid=H2025-0099 --date=2026-02-31 --method=especes
expect_refused "unknown method" "bitcoin" --imported-paid=H2025-0099 --date=2026-03-01 --method=bitcoin
expect_refused "no method" "--method" --imported-paid=H2025-0099 --date=2026-03-01
expect_refused "negative amount" "greater than zero" --imported-paid=H2025-0099 --date=2026-03-01 --method=especes --amount=-5
expect_refused "amount not a number" "amount" --imported-paid=H2025-0099 --date=2026-03-01 --method=especes --amount=12,3,4
expect_refused "more than the invoice asks" "more than" --imported-paid=H2025-0099 --date=2026-03-01 --method=especes --amount=2000
expect_refused "unknown number" "F2099" --imported-paid=F2099-0001 --date=2026-03-01 --method=especes
out=$(F --imported-paid=ACH-77 --date=2026-03-01 --method=virement 2>&1)
if [ $? != 0 ] && grep -q "purchase" <<<"$out" && [ "$(paid ACH-77)" = "||" ]; then ok "purchase refused"; else fail "purchase: $out"; fi

# a cash payment of the sale: its amount due
out=$(F --imported-paid=H2025-0099 --date=2026-03-05 --method=especes 2>&1)
if [ $? = 0 ] && [ "$(paid H2025-0099)" = "2026-03-05|2|159000" ]; then ok "sale paid"; else fail "sale paid: $out / $(paid H2025-0099)"; fi
out=$(F --imported-paid=H2025-0099 --date=2026-03-06 --method=virement 2>&1)
if [ $? != 0 ] && grep -q "05/03/2026" <<<"$out" && [ "$(paid H2025-0099)" = "2026-03-05|2|159000" ]; then
  ok "second payment refused, first kept"; else fail "second payment: $out"; fi

# the register: entries in cash-in order, then the totals
out=$(F --receipts --year=2026 2>&1)
entries=$(sed '/^$/,$d' <<<"$out")
if [ "$(cut -f1,2 <<<"$entries" | tr '\t\n' ' ;')" = "2026-02-15 F2026-0002;2026-03-05 H2025-0099;2026-04-03 F2026-0004;" ]; then
  ok "entries in cash-in order"; else fail "entries: $out"; fi
grep -q $'^2026-03-05\tH2025-0099\tAtelier Dupont SARL\tPrestation de services\t1\xe2\x80\xaf590,00\xc2\xa0€\tespèces' <<<"$entries" \
  && ok "imported sale entry" || fail "imported sale entry: $entries"
grep -q "ACH-77" <<<"$out" && fail "a purchase is in the register" || ok "no purchase"
grep -q "F2026-0003\|F2026-0005" <<<"$out" && fail "an unpaid invoice is in the register" || ok "no unpaid invoice"
grep -q $'^mars 2026\t1\xe2\x80\xaf590,00\xc2\xa0€\tcash 1\xe2\x80\xaf590,00\xc2\xa0€' <<<"$out" && ok "March total" || fail "March total: $out"
grep -q $'^mai 2026\t0,00\xc2\xa0€' <<<"$out" && ok "a month with nothing is declared at 0" || fail "May: $out"
grep -q $'^1er trimestre 2026\t1\xe2\x80\xaf830,00\xc2\xa0€' <<<"$out" && ok "first quarter" || fail "quarter: $out"
grep -q $'^2026\t1\xe2\x80\xaf890,00\xc2\xa0€\tcash 1\xe2\x80\xaf650,00\xc2\xa0€' <<<"$out" && ok "year total, cash apart" || fail "year: $out"
[ "$(F --receipts --year=2025 | sed '/^$/,$d' | wc -l)" = 0 ] && ok "another year is empty" || fail "2025 not empty"
F --receipts --year=12 >/dev/null 2>&1 && fail "--year=12 accepted" || ok "--year=12 refused"
# --year=0 is out of range, not "this year" (leaving --year out is): refused in French.
if F --receipts --year=0 >"$tmp/out" 2>"$tmp/err"; then fail "--year=0 accepted: $(head -1 "$tmp/out")"
elif grep -q -- "--year" "$tmp/err"; then ok "--year=0 refused: $(cat "$tmp/err")"
else fail "--year=0: $(cat "$tmp/err")"; fi
out=$(F --year=2026 2>&1); [ $? != 0 ] && grep -q -- "--receipts" <<<"$out" && ok "--year alone refused" || fail "--year alone: $out"
out=$(F --method=especes 2>&1); [ $? != 0 ] && grep -q -- "--imported-paid" <<<"$out" && ok "--method alone refused" || fail "--method alone: $out"

# CSV: UTF-8, French header, the sum of the amounts is what came in
if F --receipts --year=2026 --output="$tmp/recettes.csv" >/dev/null 2>"$tmp/err" && iconv -f UTF-8 -t UTF-8 "$tmp/recettes.csv" >/dev/null; then
  ok "CSV written"; else fail "CSV: $(cat "$tmp/err")"; fi
head -1 "$tmp/recettes.csv" | grep -q "Date d'encaissement\";\"Référence\";\"Client\";\"Nature\";\"Montant\"" \
  && ok "CSV header" || fail "CSV header: $(head -1 "$tmp/recettes.csv")"
sum=$(python3 -c "
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';')][1:]
assert rows[-1][0] == 'Tête de chaîne', rows[-1]   # the witness on the last line
rows = rows[:-1]
print(len(rows), sum(int(r[4].replace(',', '')) for r in rows), sum(r[6] == 'oui' for r in rows))" "$tmp/recettes.csv")
expected=$(sqlite3 "$db" "SELECT ((SELECT count(*) FROM payments) + (SELECT count(*) FROM imported_payments)) || ' ' ||
  ((SELECT sum(amount) FROM payments) + (SELECT sum(amount) FROM imported_payments)) || ' 2'")
[ -n "$sum" ] && [ "$sum" = "$expected" ] && ok "CSV rows and sum ($sum)" || fail "CSV rows/sum: $sum, expected $expected"

# cancelled (issue 10): a reason is required; the payment stays on its date and its reversal is a
# negative line on the day it was cancelled
out=$(F --cancel-imported-paid=H2025-0099 2>&1)
[ $? != 0 ] && grep -q -- "--reason" <<<"$out" && [ "$(paid H2025-0099)" = "2026-03-05|2|159000" ] \
  && ok "cancel without a reason refused" || fail "cancel without a reason: $out"
out=$(F --cancel-imported-paid=H2025-0099 --reason="encaissé deux fois" --date=2026-04-10 2>&1)
entries=$(F --receipts --year=2026 | sed '/^$/,$d')
if [ $? = 0 ] && [ "$(paid H2025-0099)" = "||" ] && grep -q $'^2026-03-05\tH2025-0099\t' <<<"$entries" &&
   grep -q $'^2026-04-10\tH2025-0099\t.*\t-1\xe2\x80\xaf590,00\xc2\xa0€\tespèces\t.*encaissé deux fois' <<<"$entries"; then
  ok "payment cancelled by a reversal"; else fail "cancel: $out / $entries"; fi
F --cancel-imported-paid=H2025-0099 --reason=x >/dev/null 2>&1 && fail "cancelled twice" || ok "nothing to cancel"
if sqlite3 "$db" "DELETE FROM imported_payments" 2>/dev/null || sqlite3 "$db" "UPDATE imported_payment_reversals SET reason = 'x'" 2>/dev/null; then
  fail "imported payments are not append-only"; else ok "imported payments are append-only"; fi
F --imported-paid=H2025-0099 --date=05/03/2026 --method=cheque --amount=1590 --reference=7654321 >/dev/null 2>&1 \
  && [ "$(paid H2025-0099)" = "2026-03-05|1|159000" ] && ok "recorded again (French date, amount)" || fail "record again: $(paid H2025-0099)"

# JSON round trip keeps the payment
if F --export-json="$tmp/all.json" && "$FACTURES" --database="$tmp/copy.db" --import-json="$tmp/all.json" &&
   [ "$("$FACTURES" --database="$tmp/copy.db" --receipts --year=2026)" = "$(F --receipts --year=2026)" ]; then
  ok "JSON round trip: same register"; else fail "JSON round trip"; fi

echo "$failures failure(s)"
[ $failures = 0 ]
