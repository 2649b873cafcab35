#!/bin/bash
# test-cli-urssaf.sh FACTURES_CLI FIXTURE — issue 17 on the command line: --urssaf --period (the
# boxes rounded to the euro, the estimate, --declared-on once), a period in the future and bad
# settings refused with exit 1 and the database unchanged, --export-fec (header, 18
# tab-separated columns, balanced entries, YYYYMMDD), --calendar --from, --thresholds.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

CLI=$1
FIXTURE=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
dbhash() { sqlite3 "$tmp/u.db" .dump | sha256sum; }

export FACTURES_TODAY=2026-12-06
db=(--database="$tmp/u.db")

"$CLI" "${db[@]}" --import-json="$FIXTURE" >/dev/null 2>"$tmp/err" || fail "--import-json: $(cat "$tmp/err")"

# The fixture has one payment of 50,00 € on 1 March 2026 for a services invoice (franchise).
if "$CLI" "${db[@]}" --urssaf --period=2026-03 >"$tmp/out" 2>"$tmp/err"; then
  if grep -qP '^Autres prestations de services \(BNC\)\t50\t' "$tmp/out" \
     && grep -qP '^Cotisations sociales – Autres prestations de services \(BNC\)\t25,6\x{00a0}%\t12,80\x{00a0}€' "$tmp/out"; then
    ok "--urssaf --period=2026-03: 50 € in the BNC box, 12,80 € of cotisations"
  else fail "--urssaf printed: $(cat "$tmp/out")"; fi
else fail "--urssaf: $(cat "$tmp/err")"; fi

before=$(dbhash)
for bad in "--urssaf --period=2027-01" "--urssaf --period=2026-13" "--urssaf --period=2024-03" \
           "--urssaf-set=alerts=99,80" "--urssaf-set=account-vat=445.71" "--urssaf-set=colour=blue" \
           "--urssaf-set=department=999" "--urssaf-set=department=20" "--urssaf-set=creation=2027-01-01" \
           "--export-fec --year=2027 --output=$tmp/never.txt" "--purchases --year=2027" "--urssaf --period=2026-11 --declared-on=2026-11-15" \
           "--urssaf --period=2024-03 --declared-on=2024-04-02" \
           "--urssaf --period=0000-01" "--urssaf --period=0-Q1" "--calendar --from=0001-01-01" \
           "--calendar --from=9999-12-31" "--receipts --year=2027"; do
  rc=0; "$CLI" "${db[@]}" $bad >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" -eq 1 ] && [ -s "$tmp/err" ] && [ "$(dbhash)" = "$before" ]; then ok "$bad refused: $(cat "$tmp/err")"
  else fail "$bad: status $rc, database changed or no message"; fi
done
[ -e "$tmp/never.txt" ] && fail "--export-fec of a future year wrote a file"

"$CLI" "${db[@]}" --urssaf --period=2026-03 --declared-on=2026-04-02 >"$tmp/out" 2>"$tmp/err" \
  || fail "--declared-on: $(cat "$tmp/err")"
if grep -q "02/04/2026" "$tmp/out"; then ok "--declared-on marks the period"; else fail "--declared-on: $(cat "$tmp/out")"; fi
rc=0; "$CLI" "${db[@]}" --urssaf --period=2026-03 --declared-on=2026-04-03 >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 1 ] && ok "a period is declared once" || fail "declared twice"
# A payment dated in that declared period is said to change a declared figure: it stops the
# command (trial 5 finding 4), nothing written; with --yes it is recorded.
before=$(sqlite3 "$tmp/u.db" .dump | sha256sum)
rc=0; "$CLI" "${db[@]}" --record-payment=F2026-0002 --date=2026-03-20 --method=virement --amount=10,00 \
     >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" = 1 ] && grep -q "already declared to URSSAF (on 02/04/2026)" "$tmp/err" && grep -q -- "--yes" "$tmp/err" \
   && [ "$(sqlite3 "$tmp/u.db" .dump | sha256sum)" = "$before" ]; then ok "without --yes the warning stops the payment"
else fail "a payment in a declared period without --yes: status $rc, $(cat "$tmp/err")"; fi
if "$CLI" "${db[@]}" --record-payment=F2026-0002 --date=2026-03-20 --method=virement --amount=10,00 --yes \
     >/dev/null 2>"$tmp/err"; then
  if grep -q "already declared to URSSAF (on 02/04/2026)" "$tmp/err"; then ok "a payment in a declared period is warned about"
  else fail "a payment in a declared period, no warning: $(cat "$tmp/err")"; fi
else fail "--record-payment in a declared period: $(cat "$tmp/err")"; fi

"$CLI" "${db[@]}" --urssaf-set=account-bank=5121 >/dev/null 2>"$tmp/err" || fail "--urssaf-set: $(cat "$tmp/err")"
if "$CLI" "${db[@]}" --export-fec --year=2026 --output="$tmp/fec.txt" >/dev/null 2>"$tmp/err"; then
  if python3 - "$tmp/fec.txt" <<'PY'
import sys, collections
rows = open(sys.argv[1], encoding="utf-8", newline="").read().split("\r\n")
assert rows[-1] == ""
rows = [r.split("\t") for r in rows[:-1]]
assert rows[0][:3] == ["JournalCode", "JournalLib", "EcritureNum"] and len(rows[0]) == 18, rows[0]
sums = collections.defaultdict(lambda: [0, 0])
for r in rows[1:]:
    assert len(r) == 18, r
    assert len(r[3]) == 8 and r[3].isdigit() and r[3].startswith("2026"), r
    sums[r[2]][0] += int(r[11].replace(",", ""))
    sums[r[2]][1] += int(r[12].replace(",", ""))
assert sums and all(d == c for d, c in sums.values()), sums
assert sorted(int(k) for k in sums) == list(range(1, len(sums) + 1))
assert any(r[4] == "5121" for r in rows[1:])
PY
  then ok "--export-fec: 18 columns, balanced, YYYYMMDD, the bank account set"; else fail "--export-fec: $(cat "$tmp/fec.txt")"; fi
else fail "--export-fec: $(cat "$tmp/err")"; fi

"$CLI" "${db[@]}" --calendar --from=2026-01-01 >"$tmp/cal" 2>"$tmp/err" || fail "--calendar: $(cat "$tmp/err")"
if [ "$(grep -c 'Déclaration URSSAF' "$tmp/cal")" -eq 12 ] && grep -qP '^2026-11-02\tDéclaration URSSAF de septembre 2026' "$tmp/cal" \
   && grep -q 'CFE' "$tmp/cal"; then ok "--calendar: 12 monthly declarations, moved past week-ends and holidays, the CFE"
else fail "--calendar printed: $(cat "$tmp/cal")"; fi
"$CLI" "${db[@]}" --urssaf-set=quarterly=1 >/dev/null 2>&1
if [ "$("$CLI" "${db[@]}" --calendar --from=2026-01-01 | grep -c 'Déclaration URSSAF')" -eq 4 ]; then ok "--calendar: 4 quarterly declarations"
else fail "--calendar quarterly"; fi

"$CLI" "${db[@]}" --thresholds >"$tmp/thr" 2>"$tmp/err" || fail "--thresholds: $(cat "$tmp/err")"
# (amounts with U+202F between thousands)
if grep -qP '37\x{202f}500,00' "$tmp/thr" && grep -qP '41\x{202f}250,00' "$tmp/thr" \
   && grep -qP '83\x{202f}600,00.*\(à confirmer\)' "$tmp/thr"; then
  ok "--thresholds: the franchise thresholds and the ceiling with its caveat"
else fail "--thresholds printed: $(cat "$tmp/thr")"; fi

# The registre des achats (the fixture has no imported purchase): the total lines only.
if "$CLI" "${db[@]}" --purchases --year=2026 >"$tmp/pur" 2>"$tmp/err" && [ "$(wc -l <"$tmp/pur")" -eq 2 ] \
   && grep -qP '^Total of 2026 \(EUR\)\t0,00' "$tmp/pur"; then ok "--purchases: an empty register and its total"
else fail "--purchases: $(cat "$tmp/pur" "$tmp/err")"; fi

# A seller who charges VAT: the register's monthly totals are not the figure to declare (they
# include VAT; --urssaf removes it), and the register says so (trial finding 3).
python3 - "$FIXTURE" "$tmp/vat.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["profile"]["vat_regime"] = 1
d["profile"]["vat_id"] = d["profile"].get("vat_id") or "FR44732829320"
json.dump(d, open(sys.argv[2], "w"))
PY
"$CLI" --database="$tmp/vat.db" --import-json="$tmp/vat.json" >/dev/null 2>&1 || fail "--import-json of a VAT-registered profile"
out=$("$CLI" --database="$tmp/vat.db" --receipts 2>&1)
if grep -q "to declare to URSSAF" <<<"$out"; then fail "--receipts of a VAT-registered seller calls its totals the figure to declare"
elif grep -q "VAT included" <<<"$out"; then ok "--receipts of a VAT-registered seller: totals VAT included, --urssaf named"
else fail "--receipts printed: $out"; fi

echo "$failures failed"
[ "$failures" -eq 0 ]
