#!/bin/bash
# test-cli.sh FACTURES FIXTURE EXPECTED_OVERDUE_TSV — the command-line options (no window)
#
# On the fixture database: --verify exits 0; --list-overdue with FACTURES_TODAY=2026-04-15
# prints EXPECTED_OVERDUE_TSV exactly; --backup writes a database that opens, verifies and
# lists the same; --export-pdf writes the stored original of an issued invoice and a draft
# rendered as a draft; --dunning-plan and --penalties print the plan and the computation;
# --export-json then --import-json into an empty database round-trips;
# a row altered behind the app's back makes --verify fail naming the document; errors exit
# non-zero with a French message under LANGUAGE=fr.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

FACTURES=$1
FIXTURE=$2
EXPECTED=$3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

export FACTURES_TODAY=2026-04-15
db=$tmp/factures.db
"$FIXTURE" "$db" || { echo "fixture failed"; exit 1; }

# --verify on a good database
if "$FACTURES" --database="$db" --verify >"$tmp/out" 2>"$tmp/err" && grep -q . "$tmp/out"; then ok "--verify (says so)"; else fail "--verify: $(cat "$tmp/err")"; fi

# --list-overdue
if "$FACTURES" --database="$db" --list-overdue >"$tmp/overdue.tsv" 2>"$tmp/err"; then
  if cmp -s "$tmp/overdue.tsv" "$EXPECTED"; then ok "--list-overdue"; else
    fail "--list-overdue differs:"; diff "$EXPECTED" "$tmp/overdue.tsv"; fi
else fail "--list-overdue: $(cat "$tmp/err")"; fi

# The date matters: on 2026-02-01 nothing is overdue yet.
out=$(FACTURES_TODAY=2026-02-01 "$FACTURES" --database="$db" --list-overdue)
if [ -z "$out" ]; then ok "--list-overdue before any due date"; else fail "overdue on 2026-02-01: $out"; fi

# --dunning-plan and --penalties (issue 4), FACTURES_TODAY=2026-04-15: F2026-0001 (company) is
# 65 days late with nothing done: D-3 missed, D+3 due since 12/02, D+10 a week after today.
plan=$("$FACTURES" --database="$db" --dunning-plan=F2026-0001 2>"$tmp/err")
if printf '%s\n' "$plan" | grep -qx $'0\t2026-02-06\t-3:email\tE-mail\tMissed' &&
   printf '%s\n' "$plan" | grep -qx $'0\t2026-02-12\t+3:email\tE-mail\tDue' &&
   printf '%s\n' "$plan" | grep -qx $'0\t2026-04-22\t+10:email\tE-mail\tPlanned' &&
   [ "$(printf '%s\n' "$plan" | grep -c $'\tDue$')" = 1 ]; then ok "--dunning-plan"
else fail "--dunning-plan: $plan $(cat "$tmp/err")"; fi
# 1 590,00 € × 12,15 % × 65 / 365 = 34,40 € and the 40 € indemnity; the town hall: ECB + 8 points.
# (amounts use U+202F and U+00A0: compared with plain spaces)
pen=$("$FACTURES" --database="$db" --penalties=F2026-0001 2>"$tmp/err" | sed 's/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g')
pen3=$("$FACTURES" --database="$db" --penalties=F2026-0003 2>>"$tmp/err" | sed 's/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g')
if printf '%s\n' "$pen" | grep -q "65 jours, 1er semestre 2026) : 1 590,00 € × 12,15 % × 65 / 365 = 34,40 €" &&
   printf '%s\n' "$pen" | grep -q "recouvrement.*40,00 €" && printf '%s\n' "$pen" | grep -q "^Total : 74,40 €" &&
   printf '%s\n' "$pen3" | grep -q "BCE + 8 points" && printf '%s\n' "$pen3" | grep -q "^Total : 48,35 €"; then
  ok "--penalties"
else fail "--penalties: $pen $pen3 $(cat "$tmp/err")"; fi

# --backup
if "$FACTURES" --database="$db" --backup="$tmp/backup.db" 2>"$tmp/err" && [ -s "$tmp/backup.db" ]; then
  if [ "$(sqlite3 "$tmp/backup.db" 'PRAGMA integrity_check')" = ok ] &&
     "$FACTURES" --database="$tmp/backup.db" --verify 2>"$tmp/err" &&
     "$FACTURES" --database="$tmp/backup.db" --list-overdue | cmp -s - "$EXPECTED"; then
    ok "--backup"
  else fail "--backup: the copy does not open, verify or list the same: $(cat "$tmp/err")"; fi
else fail "--backup: $(cat "$tmp/err")"; fi

# --export-pdf of an issued invoice: its stored original
if "$FACTURES" --database="$db" --export-pdf=F2026-0001 --output="$tmp/f1.pdf" 2>"$tmp/err"; then
  if [ "$(head -c 5 "$tmp/f1.pdf")" = "%PDF-" ] &&
     pdftotext "$tmp/f1.pdf" - | grep -q "F2026-0001" &&
     pdftotext "$tmp/f1.pdf" - | grep -q "Atelier Dupont SARL"; then
    ok "--export-pdf issued"
  else fail "--export-pdf issued: not the invoice's PDF"; fi
  # A copy of an issued document is its stored original: the same bytes every time.
  "$FACTURES" --database="$db" --export-pdf=F2026-0001 --output="$tmp/f1-again.pdf"
  if cmp -s "$tmp/f1.pdf" "$tmp/f1-again.pdf"; then ok "--export-pdf gives the stored original"; else
    fail "--export-pdf of an issued invoice changed between two exports"; fi
else fail "--export-pdf issued: $(cat "$tmp/err")"; fi

# --export-pdf of the draft (id 6: the sixth document of the fixture), rendered as a draft
if "$FACTURES" --database="$db" --export-pdf=6 --output="$tmp/draft.pdf" 2>"$tmp/err"; then
  if pdftotext "$tmp/draft.pdf" - | grep -q "Atelier de réparation"; then ok "--export-pdf draft"; else
    fail "--export-pdf draft: unexpected text"; fi
else fail "--export-pdf draft: $(cat "$tmp/err")"; fi

# --export-json, then --import-json into an empty database
if "$FACTURES" --database="$db" --export-json="$tmp/all.json" 2>"$tmp/err" &&
   python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$tmp/all.json"; then
  if "$FACTURES" --database="$tmp/imported.db" --import-json="$tmp/all.json" --verify 2>"$tmp/err" &&
     "$FACTURES" --database="$tmp/imported.db" --list-overdue | cmp -s - "$EXPECTED"; then
    ok "--export-json / --import-json"
  else fail "--import-json: $(cat "$tmp/err")"; fi
else fail "--export-json: $(cat "$tmp/err")"; fi

# Errors, in French
export LANGUAGE=fr
if "$FACTURES" --database="$db" --export-pdf=F2099-9999 --output="$tmp/x.pdf" 2>"$tmp/err"; then
  fail "--export-pdf of an unknown number succeeded"
elif grep -q "Aucun document ne porte le numéro" "$tmp/err"; then ok "unknown number, French message"
else fail "unknown number: message not in French: $(cat "$tmp/err")"; fi

if "$FACTURES" --database="$db" --export-pdf=F2026-0001 2>"$tmp/err"; then
  fail "--export-pdf without --output succeeded"
elif grep -q -- "--export-pdf demande --output" "$tmp/err"; then ok "missing --output, French message"
else fail "missing --output: $(cat "$tmp/err")"; fi

printf '{"format": "factures", "clients": [{"name": "\xff\xfe"}]}' >"$tmp/bad.json"
if "$FACTURES" --database="$tmp/fresh.db" --import-json="$tmp/bad.json" 2>"$tmp/err"; then
  fail "--import-json of invalid UTF-8 succeeded"
elif grep -q "L’import de «.*bad.json.*a échoué" "$tmp/err" &&
     [ ! -e "$tmp/fresh.db" ]; then ok "bad import refused, French message, no database left behind"
else fail "bad import: $(cat "$tmp/err")"; fi

echo "not a database" >"$tmp/garbage.db"
if "$FACTURES" --database="$tmp/garbage.db" --verify 2>"$tmp/err"; then
  fail "--verify on a file that is not a database succeeded"
elif grep -q "Impossible d’ouvrir la base de données" "$tmp/err"; then ok "not a database, French message"
else fail "not a database: $(cat "$tmp/err")"; fi

# A row altered behind the app's back: --verify fails and names the document.
cp "$db" "$tmp/broken.db"
sqlite3 "$tmp/broken.db" "$(sqlite3 "$tmp/broken.db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger'")
UPDATE documents SET gross_total = gross_total + 100, amount_due = amount_due + 100 WHERE number = 'F2026-0002';"
if "$FACTURES" --database="$tmp/broken.db" --verify 2>"$tmp/err"; then
  fail "--verify passed on an altered database"
elif grep -q "F2026-0002" "$tmp/err" && grep -q "La vérification a échoué" "$tmp/err"; then ok "--verify names F2026-0002"
else fail "--verify on an altered database: $(cat "$tmp/err")"; fi

if [ "$failures" -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all command-line checks passed"
