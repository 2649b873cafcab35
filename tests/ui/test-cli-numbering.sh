#!/bin/bash
# test-cli-numbering.sh FACTURES FIXTURE — numbers never repeat or skip, on the command line
# (issue 10, findings 1 and 2, "What to build" item 2), no window.
#
# On the fixture database (F2026-0001 … F2026-0005 issued): our own invoice exported as
# Factur-X, renumbered as a sale of another tool, imported as history with --import-facturx:
# below the last number Factures issued in the series (F2025-0002, a counter that never
# restarts) it is refused in French, exit non-zero, database byte-identical; after it
# (F2026-0009) it is kept and the numbering continues after it, which the import says.
# --verify passes, then reports a counter set to 100 (a gap) or back to 3 (a repeat) with
# sqlite3 and the trigger dropped, naming the series; with the trigger, sqlite3 cannot set the
# counter back.
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
dump() { sqlite3 "$db" .dump | sha256sum; }
counter() { sqlite3 "$db" "SELECT next_counter FROM number_series WHERE name = 'invoice'"; }

db=$tmp/factures.db
"$FIXTURE" "$db" >/dev/null || { echo "fixture failed"; exit 1; }
F() { LANGUAGE=fr "$FACTURES" --database="$db" "$@"; }

F --export-facturx=F2026-0001 --output="$tmp/f1.pdf" >/dev/null 2>&1 || { echo "export failed"; exit 1; }
pdfdetach -save 1 -o "$tmp/f1.xml" "$tmp/f1.pdf" >/dev/null 2>&1 || { echo "pdfdetach failed"; exit 1; }
[ "$(counter)" = 6 ] || fail "fixture counter: $(counter)"

# below the last number issued with Factures: refused, nothing stored
sed 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>F2025-0002</ram:ID>|' "$tmp/f1.xml" > "$tmp/below.xml"
before=$(dump)
out=$(F --import-facturx="$tmp/below.xml" 2>&1)
if [ $? != 0 ] && grep -q "Numéro" <<<"$out" && grep -q "F2026-0005" <<<"$out" && [ "$(dump)" = "$before" ]; then
  ok "own sale below the last number refused, database unchanged"; else fail "below: $out"; fi

# after it: kept, the numbering continues after it, and says so
sed 's|<ram:ID>F2026-0001</ram:ID>|<ram:ID>F2026-0009</ram:ID>|' "$tmp/f1.xml" > "$tmp/after.xml"
out=$(F --import-facturx="$tmp/after.xml" 2>&1)
if [ $? = 0 ] && grep -q "La numérotation continue après F2026-0009." <<<"$out" && [ "$(counter)" = 10 ]; then
  ok "own sale after the last number continues the numbering"; else fail "after: $out / $(counter)"; fi

out=$(F --verify 2>&1)
[ $? = 0 ] && ok "--verify passes" || fail "--verify: $out"

# the trigger of 0009 refuses a counter going back
if sqlite3 "$db" "UPDATE number_series SET next_counter = 3 WHERE name = 'invoice'" 2>/dev/null; then
  fail "counter set back with sqlite3"; else ok "sqlite3 cannot set the counter back"; fi

# triggers dropped: a gap, then a repeat, reported naming the series
trigger=$(sqlite3 "$db" "SELECT sql FROM sqlite_master WHERE name = 'number_series_counter_never_back'")
sqlite3 "$db" "DROP TRIGGER number_series_counter_never_back; UPDATE number_series SET next_counter = 100 WHERE name = 'invoice'"
out=$(F --verify 2>&1)
if [ $? != 0 ] && grep -q "F{YYYY}-{NNNN}" <<<"$out" && grep -q "factures et factures d’acompte" <<<"$out"; then
  ok "--verify reports a gap"; else fail "gap: $out"; fi
sqlite3 "$db" "UPDATE number_series SET next_counter = 3 WHERE name = 'invoice'"
out=$(F --verify 2>&1)
if [ $? != 0 ] && grep -q "F{YYYY}-{NNNN}" <<<"$out" && grep -q "se répéterait" <<<"$out"; then
  ok "--verify reports a repeat"; else fail "repeat: $out"; fi
sqlite3 "$db" "UPDATE number_series SET next_counter = 10 WHERE name = 'invoice'; $trigger"
out=$(F --verify 2>&1)
[ $? = 0 ] && ok "--verify passes again" || fail "--verify after repair: $out"

echo "$failures failure(s)"
[ $failures = 0 ]
