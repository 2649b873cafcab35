#!/bin/bash
# test-cli-declared.sh FACTURES_CLI FIXTURE — trial 5 finding 3: a payment cancelled with a date in a
# period marked declared to URSSAF is refused in French (exit 1, the database unchanged), so the
# declared figure stays as declared; dated in a period not declared yet it is accepted and
# reduces that period (never below 0 to declare, the cash shown). Trial 5 finding 4: --record-payment
# stops on its warnings unless --yes.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

CLI=$1
FIXTURE=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
dbhash() { sqlite3 "$tmp/d.db" .dump | sha256sum; }

export FACTURES_TODAY=2026-12-06 LANGUAGE=fr
F() { "$CLI" --database="$tmp/d.db" "$@"; }
bnc() { F --urssaf --period="$1" | grep -P '^Autres prestations de services \(BNC\)\t' | cut -f2; }

F --import-json="$FIXTURE" >/dev/null 2>&1
F --record-payment=F2026-0002 --date=2026-10-05 --method=virement --amount=10 >/dev/null 2>"$tmp/err" \
  || fail "payment: $(cat "$tmp/err")"
id=$(sqlite3 "$tmp/d.db" "SELECT max (id) FROM payments")
F --urssaf --period=2026-10 --declared-on=2026-11-20 >/dev/null 2>"$tmp/err" || fail "declared: $(cat "$tmp/err")"
[ "$(bnc 2026-10)" = 10 ] || fail "October before: $(bnc 2026-10)"

before=$(dbhash)
rc=0; F --cancel-payment="$id" --reason="chèque impayé" --date=2026-10-06 >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" = 1 ] && grep -q "Date d’annulation" "$tmp/err" && grep -q "déjà déclarée à l’URSSAF (le 20/11/2026)" "$tmp/err" \
   && [ "$(dbhash)" = "$before" ] && [ "$(bnc 2026-10)" = 10 ]; then ok "refused: $(cat "$tmp/err")"
else fail "a cancellation into the declared October: status $rc, $(cat "$tmp/err"), October $(bnc 2026-10)"; fi

F --cancel-payment="$id" --reason="chèque impayé" --date=2026-12-01 >/dev/null 2>"$tmp/err" || fail "December: $(cat "$tmp/err")"
if [ "$(bnc 2026-10)" = 10 ] && F --urssaf --period=2026-12 | grep -qP '^Autres prestations de services \(BNC\)\t0\t\(-10,00\x{00a0}€\)$'; then
  ok "October stays 10 as declared, December takes the -10,00 €"
else fail "after: October $(bnc 2026-10), December $(F --urssaf --period=2026-12 | grep BNC)"; fi

# Trial 5 finding 4: a payment dated before its invoice stops unless --yes (as --issue); a year
# before 1999 (the euro) is refused outright.
issued=$(sqlite3 "$tmp/d.db" "SELECT issue_date FROM documents WHERE number = 'F2026-0002'")
before=$(dbhash)
rc=0; F --record-payment=F2026-0002 --date=2020-10-05 --method=virement --amount=1 >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" = 1 ] && grep -q "avertissement" "$tmp/err" && grep -q "Paiement non enregistré" "$tmp/err" && grep -q -- "--yes" "$tmp/err" \
   && [ "$(dbhash)" = "$before" ]; then ok "a payment dated before its invoice ($issued) stops: $(tr '\n' ' ' <"$tmp/err")"
else fail "payment before the invoice: status $rc, $(cat "$tmp/err")"; fi
rc=0; F --record-payment=F2026-0002 --date=1998-12-31 --method=virement --amount=1 --yes >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" = 1 ] && grep -q "Date de paiement.*avant le 1er janvier 1999" "$tmp/err" && [ "$(dbhash)" = "$before" ]; then ok "1998 refused: $(cat "$tmp/err")"
else fail "1998: status $rc, $(cat "$tmp/err")"; fi
F --record-payment=F2026-0002 --date=2026-02-01 --method=virement --amount=1 --yes >/dev/null 2>"$tmp/err" \
  && [ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM payments WHERE date = '2026-02-01'")" = 1 ] \
  && ok "with --yes it is recorded" || fail "with --yes: $(cat "$tmp/err")"

# sixth trial, finding 14: --verify names a deleted cancellation in correct French (« on a
# supprimé l’annulation 1 d’un paiement », never « l’annulation … a été supprimé »)
cp "$tmp/d.db" "$tmp/v.db"
# (the row deleted behind the app's back, its triggers put back as they were)
triggers=$(sqlite3 "$tmp/v.db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'payment_reversals'")
names=$(sqlite3 "$tmp/v.db" "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'payment_reversals'")
{ echo "PRAGMA foreign_keys = OFF;"; for t in $names; do echo "DROP TRIGGER $t;"; done
  echo "DELETE FROM payment_reversals;"; echo "$triggers"; } | sqlite3 "$tmp/v.db" 2>"$tmp/err"
rc=0; "$CLI" --database="$tmp/v.db" --verify >"$tmp/out" 2>&1 || rc=$?
if [ "$rc" != 0 ] && grep -qP "Historique\\x{00a0}: on a supprimé l’annulation [0-9]+ d’un paiement" "$tmp/out" \
   && ! grep -q "a été supprimé\b" "$tmp/out"; then ok "--verify in French: $(grep "l’annulation" "$tmp/out")"
else fail "--verify of a deleted cancellation: status $rc, $(cat "$tmp/out" "$tmp/err")"; fi

[ "$failures" = 0 ] || { echo "$failures failure(s)"; exit 1; }
