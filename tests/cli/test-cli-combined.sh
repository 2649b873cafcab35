#!/bin/bash
# test-cli-combined.sh FACTURES_CLI FIXTURE — trial 5 finding 15: two commands that do not run
# together are refused naming both (exit 1, nothing run, the database unchanged); those that do
# (--verify --list-overdue) run; --thresholds --year=YEAR reckons that year.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

CLI=$1
FIXTURE=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
dbhash() { sqlite3 "$tmp/c.db" .dump | sha256sum; }

export FACTURES_TODAY=2026-12-06 LANGUAGE=fr
F() { "$CLI" --database="$tmp/c.db" "$@"; }
F --import-json="$FIXTURE" >/dev/null 2>&1
before=$(dbhash)
while IFS='|' read -r a b args; do
  rc=0
  # shellcheck disable=SC2086
  F $args >"$tmp/out" 2>"$tmp/err" || rc=$?
  if [ "$rc" = 1 ] && grep -q -- "--$a et --$b ne s’exécutent pas ensemble" "$tmp/err" && [ ! -s "$tmp/out" ] \
     && [ "$(dbhash)" = "$before" ]; then ok "$args: $(cat "$tmp/err")"
  else fail "$args: status $rc, $(cat "$tmp/err") $(head -2 "$tmp/out")"; fi
done <<'LIST'
verify|receipts|--verify --receipts --year=2026
list-overdue|record-payment|--list-overdue --record-payment=F2026-0002 --date=2026-12-01 --method=virement
verify|list-payments|--verify --list-payments=F2026-0002
run-recurring|urssaf|--run-recurring --urssaf --period=2026-10
export-json|export-facturx|--export-json=x.json --export-facturx=F2026-0001 --output=y.xml
thresholds|receipts|--thresholds --receipts --year=2026
LIST
F --verify --list-overdue >"$tmp/out" 2>"$tmp/err" && grep -q "F2026-0002" "$tmp/out" && grep -q "Vérification réussie" "$tmp/out" \
  && ok "--verify --list-overdue run both" || fail "--verify --list-overdue: $(cat "$tmp/err")"

# --thresholds --year=2025: 2025's receipts up to its 31 December, not 2026's
if F --thresholds --year=2025 | head -1 | grep -q "de 2025 jusqu’au 31/12/2025"; then ok "--thresholds --year=2025"
else fail "--thresholds --year=2025: $(F --thresholds --year=2025 | head -1)"; fi
rc=0; F --thresholds --year=2027 >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" = 1 ] && grep -q -- "--year" "$tmp/err" && ok "a year not begun: $(cat "$tmp/err")" || fail "2027: $rc $(cat "$tmp/err")"

[ "$failures" = 0 ] || { echo "$failures failure(s)"; exit 1; }
