#!/bin/bash
# test-json-cli.sh FACTURES — `--import-json` of a bad file (issue 10, finding 3): exit status
# non-zero, a French message that names the JSON path of the first bad value, and the database
# unchanged (`sqlite3 DB .dump | sha256sum` identical before and after); a 100,000-deep file is
# refused without a crash; a file that is not JSON is said so in French with its line and column, and
# a failed import into a new --database path leaves no database file behind.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

FACTURES=$1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

export FACTURES_TODAY=2026-07-01 LANGUAGE=fr
db=$tmp/factures.db

cat >"$tmp/good.json" <<'JSON'
{"format": "factures", "version": 1, "profile": null,
 "clients": [{"id": 7, "name": "Client SARL", "category": 1}],
 "documents": [], "series": []}
JSON
if "$FACTURES" --database="$db" --import-json="$tmp/good.json" 2>"$tmp/err"; then ok "a good file imports"
else fail "good file: $(cat "$tmp/err")"; fi

# refused FILE NEEDLE: exit non-zero, NEEDLE and French in the message, dump unchanged.
refused() {
  local file=$1 needle=$2 before after rc=0
  before=$(sqlite3 "$db" .dump | sha256sum)
  "$FACTURES" --database="$db" --import-json="$file" >"$tmp/out" 2>"$tmp/err" || rc=$?
  after=$(sqlite3 "$db" .dump | sha256sum)
  if [ "$rc" -eq 0 ] || [ "$rc" -ge 128 ]; then fail "$needle: exit status $rc"; return; fi
  if ! grep -qF -- "$needle" "$tmp/err"; then fail "$needle not in: $(cat "$tmp/err")"; return; fi
  if ! grep -q "Fichier invalide" "$tmp/err"; then fail "not French: $(cat "$tmp/err")"; return; fi
  if [ "$before" != "$after" ]; then fail "$needle: the database changed"; return; fi
  ok "$needle ($(head -c 160 "$tmp/err"))"
}

cat >"$tmp/quantity.json" <<'JSON'
{"format": "factures", "version": 1, "profile": null,
 "clients": [{"id": 7, "name": "Client SARL", "category": 1}],
 "documents": [{"id": 3, "kind": 380, "status": 0, "issue_date": "2026-07-01", "client_id": 7,
   "lines": [{"description": "Huge", "quantity": 9223372036854775807, "unit_price": 0}],
   "events": []}],
 "series": []}
JSON
refused "$tmp/quantity.json" "documents[0].lines[0].quantity"

sed 's/"Client SARL"/"ACME\\u0000SAS"/' "$tmp/good.json" >"$tmp/nul.json"
refused "$tmp/nul.json" "clients[0].name"

{ printf '{"format": "factures", "version": 1, "clients": '
  head -c 100000 /dev/zero | tr '\0' '['
  head -c 100000 /dev/zero | tr '\0' ']'
  printf '}\n'; } >"$tmp/deep.json"
refused "$tmp/deep.json" "64"

# Not JSON (issue 10): said in French with the line and the column, json-glib's text only a detail.
printf '{"format": "factures",\n "version": 1 "clients": []}\n' >"$tmp/notjson.json"
refused "$tmp/notjson.json" "(ligne 2, colonne"

# A failed import into a new --database path leaves no database file behind (issue 10).
new_db=$tmp/new/factures.db
mkdir -p "$tmp/new"
rc=0
"$FACTURES" --database="$new_db" --import-json="$tmp/notjson.json" >"$tmp/out" 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 0 ] || [ "$rc" -ge 128 ]; then fail "new database: exit status $rc"
elif [ -n "$(ls -A "$tmp/new")" ]; then fail "new database: left behind: $(ls -A "$tmp/new")"
else ok "a failed import into a new database leaves nothing behind"; fi
"$FACTURES" --database="$new_db" --import-json="$tmp/quantity.json" >"$tmp/out" 2>"$tmp/err" || rc=$?
if [ -n "$(ls -A "$tmp/new")" ]; then fail "new database (refused value): left behind: $(ls -A "$tmp/new")"
else ok "a refused value into a new database leaves nothing behind"; fi
# ... and an existing database stays.
"$FACTURES" --database="$db" --import-json="$tmp/notjson.json" >"$tmp/out" 2>"$tmp/err" || true
if [ -f "$db" ]; then ok "an existing database stays"; else fail "the existing database was removed"; fi

echo
if [ "$failures" -eq 0 ]; then echo "all passed"; exit 0; fi
echo "$failures failed"; exit 1
