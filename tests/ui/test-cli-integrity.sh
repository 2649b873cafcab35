#!/bin/bash
# test-cli-integrity.sh FACTURES FIXTURE — issue 10, finding 4, on the command line
#
# Each tamper case is made with sqlite3, the triggers dropped, on a copy of the fixture:
# client change, events, imported payment, payment deleted (--verify names what changed);
# trailing deletion (the last invoice gone with its history and the counter set back: --verify
# cannot see it, --verify --against=FILE a backup, a JSON export or a receipts CSV can).
# --list-payments and --cancel-payment=ID --reason=TEXT: a payment is cancelled by a reversal,
# never erased; bad input is refused in French with the database unchanged.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

FACTURES=$1
FIXTURE=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

export FACTURES_TODAY=2026-06-15
base=$tmp/base.db
"$FIXTURE" "$base" >/dev/null || { echo "fixture failed"; exit 1; }
# one payment of F2026-0002 (24000 cents), as the app records it
sqlite3 "$base" "INSERT INTO payments (id, client_id, date, amount, method, reference)
                 SELECT 1, client_id, '2026-03-01', 24000, 0, 'VIR 42' FROM documents WHERE number = 'F2026-0002';
                 INSERT INTO payment_allocations (payment_id, client_id, document_id, date, amount)
                 SELECT 1, client_id, id, '2026-03-01', 24000 FROM documents WHERE number = 'F2026-0002';" \
  || { echo "payment not stored"; exit 1; }
# an imported sale (kept as history) and its payment
sqlite3 "$base" "INSERT INTO imported_invoices (direction, number, type_code, currency, seller_name, seller_siren,
                   buyer_name, grand_total, due_payable, grand_total_cents, figures_ok, original, original_is_pdf, xml,
                   imported_at)
                 VALUES ('sale', 'H2025-0099', 380, 'EUR', 'Marie Martin EI', '732829320', 'Atelier Dupont SARL',
                   '100.00', '100.00', 10000, 1, x'3C782F3E', 0, x'3C782F3E', '2026-01-05');" \
  || { echo "imported sale not stored"; exit 1; }
"$FACTURES" --database="$base" --imported-paid=H2025-0099 --date=2026-02-10 --method=virement >/dev/null \
  || { echo "imported payment not recorded"; exit 1; }

fresh() { rm -f "$tmp/db.db" "$tmp/db.db-wal" "$tmp/db.db-shm"; cp "$base" "$tmp/db.db"; db=$tmp/db.db; }
F() { "$FACTURES" --database="$db" "$@"; }
dump() { sqlite3 "$db" .dump | sha256sum; }

fresh
out=$(F --verify 2>&1) && ok "--verify passes on the fixture" || fail "--verify: $out"

# ---- --list-payments and --cancel-payment ----
out=$(F --list-payments=F2026-0002 2>&1)
[ "$out" = $'1\t2026-03-01\t24000\tvirement\tVIR 42\t\t\tEUR\t24000' ] && ok "--list-payments" || fail "--list-payments: $out"
before=$(dump)
expect_refused() {
  local what=$1 pattern=$2; shift 2
  local out
  out=$(LANGUAGE=fr F "$@" 2>&1)
  if [ $? != 0 ] && grep -qi -- "$pattern" <<<"$out" && [ "$(dump)" = "$before" ]; then
    ok "refused: $what"; else fail "$what: $out"; fi
}
expect_refused "no reason" "--reason" --cancel-payment=1
expect_refused "empty reason" "motif" --cancel-payment=1 --reason="  "
expect_refused "not an id" "--list-payments" --cancel-payment=abc --reason=x
expect_refused "unknown payment" "99" --cancel-payment=99 --reason=x
expect_refused "before the payment" "01/03/2026" --cancel-payment=1 --reason=x --date=2026-02-01
expect_refused "after today" "date" --cancel-payment=1 --reason=x --date=2026-07-01
expect_refused "--reason alone" "--cancel-payment" --reason=x
expect_refused "--against without --verify" "--verify" --against="$base"
out=$(F --cancel-payment=1 --reason="chèque impayé" --date=2026-03-20 2>&1)
if [ $? = 0 ] && [ "$(F --list-payments=F2026-0002)" = $'1\t2026-03-01\t24000\tvirement\tVIR 42\t2026-03-20\tchèque impayé\tEUR\t24000' ]; then
  ok "payment cancelled, still listed with its reversal"; else fail "cancel: $out"; fi
entries=$(F --receipts --year=2026 | sed '/^$/,$d')
grep -q $'^2026-03-01\tF2026-0002\t.*\t240,00\xc2\xa0€' <<<"$entries" &&
  grep -q $'^2026-03-20\tF2026-0002\t.*\t-240,00\xc2\xa0€\tvirement\t.*chèque impayé' <<<"$entries" \
  && ok "the receipts register shows the payment and its negative reversal" || fail "register: $entries"
F --list-overdue | grep -q $'^F2026-0002\t.*\t24000\t' && ok "the invoice is due again" || fail "balance: $(F --list-overdue)"
before=$(dump)
expect_refused "cancelled twice" "déjà annulé" --cancel-payment=1 --reason=x
sqlite3 "$db" "DELETE FROM payments WHERE id = 1" 2>/dev/null && fail "a payment was deleted" || ok "payments are append-only"
sqlite3 "$db" "UPDATE payment_reversals SET reason = 'x'" 2>/dev/null && fail "a reversal was changed" || ok "reversals are append-only"
sqlite3 "$db" "UPDATE events SET date = '2026-01-01'" 2>/dev/null && fail "an event was changed" || ok "events are append-only"
out=$(F --verify 2>&1) && ok "--verify passes after the cancellation" || fail "--verify after cancel: $out"

# ---- tamper cases: --verify ----
expect_verify_fails() {
  local what=$1 pattern=$2 sql=$3 out
  fresh
  sqlite3 "$db" "$sql" || { fail "$what: sqlite3"; return; }
  out=$(F --verify 2>&1)
  if [ $? != 0 ] && grep -q -- "$pattern" <<<"$out"; then ok "tamper: $what"; else fail "tamper: $what: $out"; fi
}
expect_verify_fails "client change" "F2026-0003" \
  "DROP TRIGGER documents_issued_no_update;
   UPDATE documents SET client_id = (SELECT id FROM clients WHERE name LIKE 'Atelier%'),
     client_name = 'Atelier Dupont SARL' WHERE number = 'F2026-0003';"
expect_verify_fails "events (edited)" "F2026-0001" \
  "DROP TRIGGER events_no_update; UPDATE events SET date = '2026-01-01'
   WHERE document_id = (SELECT id FROM documents WHERE number = 'F2026-0001');"
expect_verify_fails "events (deleted)" "F2026-0004" \
  "DROP TRIGGER events_no_delete; DELETE FROM events
   WHERE document_id = (SELECT id FROM documents WHERE number = 'F2026-0004');"
expect_verify_fails "imported payment" "H2025-0099" \
  "DROP TRIGGER imported_payments_no_delete; DELETE FROM imported_payments;"
expect_verify_fails "payment deleted" "1" \
  "DROP TRIGGER payments_no_delete; DROP TRIGGER payment_allocations_no_delete;
   DELETE FROM payment_allocations WHERE payment_id = 1; DELETE FROM payments WHERE id = 1;"
expect_verify_fails "payment edited" "1" \
  "DROP TRIGGER payments_no_update; UPDATE payments SET amount = 2400 WHERE id = 1;"

# ---- tamper case: trailing deletion, --verify --against ----
fresh
F --backup="$tmp/copie.db" >/dev/null && F --export-json="$tmp/export.json" >/dev/null &&
  F --receipts --year=2026 --output="$tmp/recettes.csv" >/dev/null || fail "witnesses not written"
tail -1 "$tmp/recettes.csv" | grep -q "Tête de chaîne" && ok "the CSV ends with the chain head" || fail "CSV head: $(tail -1 "$tmp/recettes.csv")"
grep -q '"chain_head"' "$tmp/export.json" && ok "the JSON export holds the chain head" || fail "JSON head"
[ "$(sqlite3 "$tmp/copie.db" "SELECT chain_seq FROM factures_witness")" = 5 ] && ok "the backup holds the chain head" || fail "backup head"
for witness in copie.db export.json recettes.csv; do
  out=$(F --verify --against="$tmp/$witness" 2>&1) && ok "--against $witness before" || fail "--against $witness: $out"
done
# the whole of April: F2026-0004 and F2026-0005, their lines and history; the counter set back
sqlite3 "$db" "PRAGMA foreign_keys = OFF;
  DROP TRIGGER documents_issued_no_delete; DROP TRIGGER lines_issued_no_delete; DROP TRIGGER events_no_delete;
  DROP TRIGGER journal_no_delete; DROP TRIGGER number_series_counter_never_back;
  DELETE FROM journal WHERE tbl = 'events' AND row_id IN (SELECT e.id FROM events e JOIN documents d
    ON d.id = e.document_id WHERE d.number IN ('F2026-0004', 'F2026-0005'));
  DELETE FROM events WHERE document_id IN (SELECT id FROM documents WHERE number IN ('F2026-0004', 'F2026-0005'));
  DELETE FROM lines WHERE document_id IN (SELECT id FROM documents WHERE number IN ('F2026-0004', 'F2026-0005'));
  DELETE FROM documents WHERE number IN ('F2026-0004', 'F2026-0005');
  UPDATE number_series SET next_counter = 4, last_issued_date = '2026-02-20' WHERE name = 'invoice';" \
  || fail "trailing deletion: sqlite3"
out=$(F --verify 2>&1) && ok "--verify alone cannot see a trailing deletion (the witness is for that)" \
  || echo "note: --verify saw it: $out"
for witness in copie.db export.json; do
  out=$(LANGUAGE=fr F --verify --against="$tmp/$witness" 2>&1)
  if [ $? != 0 ] && grep -q "F2026-0004" <<<"$out" && grep -q "F2026-0005" <<<"$out" && ! grep -q "F2026-0003" <<<"$out"; then
    ok "tamper: trailing deletion (--verify --against $witness)"; else fail "trailing deletion against $witness: $out"; fi
done
out=$(F --verify --against="$tmp/recettes.csv" 2>&1)
[ $? != 0 ] && grep -q "5" <<<"$out" && ok "tamper: trailing deletion (--verify --against the receipts CSV)" \
  || fail "trailing deletion against the CSV: $out"
out=$(F --verify --against="$tmp/none.db" 2>&1)
[ $? != 0 ] && grep -q "none.db" <<<"$out" && ok "--against a missing file" || fail "--against missing: $out"
echo bonjour > "$tmp/bonjour.txt"
out=$(F --verify --against="$tmp/bonjour.txt" 2>&1)
[ $? != 0 ] && grep -q "bonjour.txt" <<<"$out" && ok "--against a file that is no witness" || fail "--against bonjour: $out"

echo "$failures failure(s)"
[ $failures = 0 ]
