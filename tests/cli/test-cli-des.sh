#!/bin/bash
# test-cli-des.sh FACTURES_CLI FIXTURE — issue 13 item 6 on the command line: --des --month lists
# the reverse-charged services (AE) of a month per client VAT number in euros (a service completed
# in October and invoiced in November is October's), --output writes the CSV, an empty month says
# so, a malformed month or one that has not begun is refused with exit 1 and the database
# unchanged, and --calendar puts each DES on the 10th jour ouvrable of the next month.
# FIXTURE: drafts to a German and a Belgian business (tests/data/des-drafts.json).
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

export FACTURES_TODAY=2026-12-06
db=(--database="$tmp/d.db")

"$CLI" "${db[@]}" --import-json="$FIXTURE" >/dev/null 2>"$tmp/err" || fail "--import-json: $(cat "$tmp/err")"
for id in 1 2 3; do
  "$CLI" "${db[@]}" --issue=$id --yes >/dev/null 2>"$tmp/err" || fail "--issue=$id: $(cat "$tmp/err")"
done

if "$CLI" "${db[@]}" --des --month=2026-11 >"$tmp/out" 2>"$tmp/err"; then
  if [ "$(grep -cP '^\d\t' "$tmp/out")" -eq 2 ] \
     && grep -qP '^1\tBE0403170701\t250\tVoorbeeld, NV$' "$tmp/out" \
     && grep -qP '^2\tDE136308783\t1200\tBeispiel GmbH$' "$tmp/out"; then
    ok "--des --month=2026-11: two lines, in euros (1 200,49 € → 1200), October's service left out"
  else fail "--des printed: $(cat "$tmp/out")"; fi
else fail "--des: $(cat "$tmp/err")"; fi

if "$CLI" "${db[@]}" --des --month=2026-10 >"$tmp/out" 2>"$tmp/err" \
   && grep -qP '^1\tDE136308783\t450\tBeispiel GmbH$' "$tmp/out"; then
  ok "--des --month=2026-10: the service completed on 30 October, invoiced on 5 November"
else fail "--des --month=2026-10: $(cat "$tmp/out" "$tmp/err")"; fi

if "$CLI" "${db[@]}" --des --month=2026-09 >"$tmp/out" 2>"$tmp/err" && grep -q "no DES to file" "$tmp/out"; then
  ok "an empty month says so"
else fail "empty month: $(cat "$tmp/out" "$tmp/err")"; fi

if "$CLI" "${db[@]}" --des --month=2026-11 --output="$tmp/des.csv" >/dev/null 2>"$tmp/err"; then
  if python3 - "$tmp/des.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0] == ["mois", "numero_ligne", "numero_tva_client", "montant_euros", "client", "montant_centimes"], rows[0]
assert rows[1:] == [["2026-11", "1", "BE0403170701", "250", "Voorbeeld, NV", "25000"],
                    ["2026-11", "2", "DE136308783", "1200", "Beispiel GmbH", "120049"]], rows
PY
  then ok "--output writes the CSV"; else fail "--output: $(cat "$tmp/des.csv")"; fi
else fail "--des --output: $(cat "$tmp/err")"; fi

before=$(dbhash)
for bad in "--des --month=2027-01" "--des --month=2026-13" "--des --month=2026-1" "--des --month=novembre" \
           "--des" "--month=2026-11" "--des --month=2027-01 --output=$tmp/never.csv"; do
  rc=0; "$CLI" "${db[@]}" $bad >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" -eq 1 ] && [ -s "$tmp/err" ] && [ "$(dbhash)" = "$before" ]; then ok "$bad refused: $(cat "$tmp/err")"
  else fail "$bad: status $rc, database changed or no message"; fi
done
[ -e "$tmp/never.csv" ] && fail "a refused --des wrote a file"
rc=0; LANGUAGE=fr "$CLI" "${db[@]}" --des --month=2027-01 >/dev/null 2>"$tmp/err" || rc=$?
if grep -q "n’a pas commencé" "$tmp/err"; then ok "refused in French: $(cat "$tmp/err")"
else fail "not in French: $(cat "$tmp/err")"; fi

# trial 5 finding 21: « d’octobre », not « de octobre »; « de novembre »
LANGUAGE=fr "$CLI" "${db[@]}" --des --month=2026-10 >"$tmp/out" 2>/dev/null
LANGUAGE=fr "$CLI" "${db[@]}" --des --month=2026-11 >"$tmp/out11" 2>/dev/null
if grep -q "(DES) d’octobre 2026" "$tmp/out" && grep -q "(DES) de novembre 2026" "$tmp/out11"; then
  ok "French heading: $(head -1 "$tmp/out")"
else fail "French heading: $(head -1 "$tmp/out") / $(head -1 "$tmp/out11")"; fi

# trial 5 finding 21: one prefix, « factures : » in French (no-break space before the colon),
# from the command line's errors as from the date warning of the core
rc=0; LANGUAGE=fr FACTURES_TODAY=2026-13-40 "$CLI" "${db[@]}" --des --month=2027-01 >/dev/null 2>"$tmp/err" || rc=$?
nbsp=$(printf '\302\240')
if [ "$(grep -c "^factures${nbsp}: " "$tmp/err")" -eq 2 ] && ! grep -q "^factures: " "$tmp/err"; then
  ok "one French prefix: $(tr '\n' '|' <"$tmp/err")"
else fail "prefix: $(cat "$tmp/err")"; fi

# trial finding T16: the reason of a refusal is the right one; --output is a .csv
rc=0; "$CLI" "${db[@]}" --des --month=1999-11 >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 1 ] && grep -q "before 2000" "$tmp/err" && ! grep -q "is not a month" "$tmp/err"; then
  ok "1999-11: $(cat "$tmp/err")"; else fail "1999-11: $rc $(cat "$tmp/err")"; fi
for ext in txt pdf; do
  rc=0; "$CLI" "${db[@]}" --des --month=2026-11 --output="$tmp/des.$ext" >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" -eq 1 ] && grep -q "\.csv" "$tmp/err" && [ ! -e "$tmp/des.$ext" ] && [ "$(dbhash)" = "$before" ]; then
    ok "--output=des.$ext refused: $(cat "$tmp/err")"; else fail "--output=des.$ext: $rc $(cat "$tmp/err")"; fi
done

"$CLI" "${db[@]}" --calendar --from=2026-11-01 >"$tmp/cal" 2>"$tmp/err" || fail "--calendar: $(cat "$tmp/err")"
if grep -qP '^2026-11-13\tDéclaration européenne de services \(DES\) d’octobre 2026' "$tmp/cal" \
   && grep -qP '^2026-12-11\tDéclaration européenne de services \(DES\) de novembre 2026' "$tmp/cal" \
   && [ "$(grep -c 'DES' "$tmp/cal")" -eq 2 ]; then
  ok "--calendar: the DES of October and November on the 10th jour ouvrable (11 November a holiday)"
else fail "--calendar: $(grep DES "$tmp/cal")"; fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
