#!/bin/bash
# test-cli-doors.sh FACTURES FIXTURE — the small doors of the command line (issue 10, findings
# 6 and 8, item 7), under LANGUAGE=fr:
#   --version; --verify and every read-only command on a mistyped path: an error, no file made;
#   a database one schema behind: read-only commands neither migrate nor copy it, and say which
#   version is needed; a new database leaves no .bak-v1; an invalid FACTURES_TODAY is said once,
#   in French; terms of -30 days are refused as -30, never 4294967266; a folder or a read-only
#   file as --database: a French message, never SQLite's English;
#   --issue (warnings stop it without --yes, prints the number), --delete-draft,
#   --record-payment (overpayment refused without --keep-credit), each refusal leaving the
#   database byte-identical (sqlite3 .dump | sha256sum);
#   another process holding the lock: the command waits, says so once in French, and succeeds.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

FACTURES=$1
FIXTURE=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

export LANGUAGE=fr LC_ALL=C.UTF-8
export FACTURES_TODAY=2026-04-15
db=$tmp/factures.db
"$FIXTURE" "$db" || { echo "fixture failed"; exit 1; }
dump() { sqlite3 "$1" .dump | sha256sum; }
english() { grep -qiE "database is locked|unable to open|readonly database|attempt to write|is a directory|no such" "$1"; }

# --version
out=$("$FACTURES" --version)
if [[ "$out" =~ ^factures\ [0-9]+\.[0-9]+ ]]; then ok "--version: $out"; else fail "--version: $out"; fi

# --verify on a mistyped path: an error, no database made, no "passed"
if "$FACTURES" --database="$tmp/typo.db" --verify >"$tmp/out" 2>"$tmp/err"; then fail "--verify on a missing file succeeded"
elif [ -e "$tmp/typo.db" ]; then fail "--verify created $tmp/typo.db"
elif grep -q "réussie" "$tmp/out" "$tmp/err"; then fail "--verify on a missing file said it passed"
elif grep -q "n’existe pas" "$tmp/err"; then ok "--verify on a missing file: $(cat "$tmp/err")"
else fail "--verify on a missing file: $(cat "$tmp/err")"; fi

# Every read-only command on a missing file, and those that only act on what the database
# holds (sending, the plateforme agréée): an error, nothing created.
for args in "--list-overdue" "--export-json=$tmp/x.json" "--backup=$tmp/x.db" "--receipts" \
            "--dunning-plan=F2026-0001" "--penalties=F2026-0001" "--export-pdf=F2026-0001 --output=$tmp/x.pdf" \
            "--export-facturx=F2026-0001 --output=$tmp/x.pdf" \
            "--pa-test" "--pa-sync" "--pa-send=F2026-0001" "--test-smtp" "--send=F2026-0001"; do
  # shellcheck disable=SC2086
  if "$FACTURES" --database="$tmp/missing/typo.db" $args >/dev/null 2>"$tmp/err"; then fail "$args on a missing file succeeded"
  elif [ -e "$tmp/missing" ]; then fail "$args created a database"; rm -rf "$tmp/missing"
  else ok "$args on a missing file refused"; fi
done

# A database one schema behind: read-only commands do not migrate or copy it.
old=$tmp/old.db
"$FACTURES" --database="$db" --backup="$old" 2>"$tmp/err" || fail "backup: $(cat "$tmp/err")"
version=$(sqlite3 "$old" "PRAGMA user_version")
sqlite3 "$old" "PRAGMA user_version = $((version - 1))"
before=$(dump "$old")
if "$FACTURES" --database="$old" --verify >"$tmp/out" 2>"$tmp/err"; then fail "--verify on schema $((version - 1)) passed without saying"
elif [ "$(sqlite3 "$old" 'PRAGMA user_version')" != $((version - 1)) ] || [ "$(dump "$old")" != "$before" ]; then fail "--verify migrated the database"
elif ls "$tmp" | grep -q "old.db.bak"; then fail "--verify made a backup copy"
elif grep -q "version $version" "$tmp/err"; then ok "older schema: $(cat "$tmp/err")"
else fail "older schema message: $(cat "$tmp/err")"; fi
"$FACTURES" --database="$old" --list-overdue >/dev/null 2>&1
if [ "$(sqlite3 "$old" 'PRAGMA user_version')" = $((version - 1)) ]; then ok "--list-overdue does not migrate"; else fail "--list-overdue migrated"; fi

# A brand-new database leaves no backup copy.
cat >"$tmp/profile.json" <<'JSON'
{ "format": "factures", "version": 1, "clients": [], "documents": [], "series": [],
  "profile": { "name": "Camille Martin EI", "address": "12 rue des Lilas", "postal_code": "69003",
    "city": "Lyon", "country_code": "FR", "siren": "732829320", "siret": null, "vat_id": null,
    "email": "camille@example.org", "phone": null, "registry": 0, "registry_city": null,
    "activity": 0, "vat_regime": 0, "iban": null, "bic": null, "terms_kind": 1, "terms_days": 30,
    "eom_method": 0, "penalty_rate_bp": 0, "insurance": null, "logo": null } }
JSON
mkdir "$tmp/new"
if "$FACTURES" --database="$tmp/new/factures.db" --import-json="$tmp/profile.json" 2>"$tmp/err"; then
  if ls "$tmp/new" | grep -q bak; then fail "a new database left $(ls "$tmp/new" | grep bak)"; else ok "a new database leaves no backup copy"; fi
else fail "import into a new database: $(cat "$tmp/err")"; fi

# An invalid FACTURES_TODAY: one warning, in French.
FACTURES_TODAY=2026-13-45 "$FACTURES" --database="$db" --list-overdue >/dev/null 2>"$tmp/err"
n=$(grep -c FACTURES_TODAY "$tmp/err")
if [ "$n" = 1 ] && grep -q "n’est pas une date" "$tmp/err" && ! grep -q WARNING "$tmp/err"; then ok "FACTURES_TODAY invalid: said once, in French"
else fail "FACTURES_TODAY invalid: $n lines: $(head -3 "$tmp/err")"; fi

# Terms of -30 days (a JSON client): refused as -30, nothing written.
sed 's/"clients": \[\]/"clients": [ { "id": 1, "name": "ACME SAS", "address": null, "postal_code": null, "city": null, "country_code": "FR", "siren": "552081317", "siret": null, "vat_id": null, "email": null, "phone": null, "category": 1, "has_terms": 1, "terms_kind": 1, "terms_days": -30, "notes": null } ]/' \
  "$tmp/profile.json" >"$tmp/minus30.json"
before=$(dump "$db")
if "$FACTURES" --database="$db" --import-json="$tmp/minus30.json" 2>"$tmp/err"; then fail "terms of -30 days accepted"
elif grep -q 4294967266 "$tmp/err" || ! grep -q -- "-30 jours" "$tmp/err"; then fail "terms of -30 days: $(cat "$tmp/err")"
elif [ "$(dump "$db")" != "$before" ]; then fail "terms of -30 days: the database changed"
else ok "terms of -30 days refused: $(cat "$tmp/err")"; fi

# A folder as --database: French, not SQLite's English; nothing created inside.
mkdir "$tmp/folder"
for args in "--verify" "--import-json=$tmp/profile.json"; do
  if "$FACTURES" --database="$tmp/folder" $args >/dev/null 2>"$tmp/err"; then fail "a folder as database, $args: succeeded"
  elif english "$tmp/err" || ! grep -q "est un dossier" "$tmp/err"; then fail "a folder as database, $args: $(cat "$tmp/err")"
  elif [ -n "$(ls "$tmp/folder")" ]; then fail "a folder as database, $args: wrote in it"
  else ok "a folder as database, $args: French message"; fi
done

# A read-only file: a writing command gets a French message; reading still works. (root writes
# to read-only files: then the commands run as nobody when setpriv is there.)
ro=$tmp/ro/factures.db
mkdir "$tmp/ro" && cp "$db" "$ro" && chmod 444 "$ro"
as_user=()
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    chmod 755 "$tmp"; chmod 777 "$tmp/ro"
  else as_user=(skip); fi
fi
if [ "${as_user[*]}" = skip ]; then echo "skip: read-only file (root without setpriv)"
else
  before=$(dump "$ro")
  if "${as_user[@]}" "$FACTURES" --database="$ro" --run-recurring >/dev/null 2>"$tmp/err"; then fail "a read-only file: a writing command succeeded"
  elif english "$tmp/err" || ! grep -q "lecture seule" "$tmp/err"; then fail "a read-only file: $(cat "$tmp/err")"
  else ok "a read-only file: French message"; fi
  if "${as_user[@]}" "$FACTURES" --database="$ro" --verify >/dev/null 2>"$tmp/err"; then ok "a read-only file verifies"
  else fail "a read-only file does not verify: $(cat "$tmp/err")"; fi
  [ "$(dump "$ro")" = "$before" ] || fail "a read-only file changed"
fi

# --issue: the fixture's draft (id 6) has a warning (the client's VAT number).
draft=$(sqlite3 "$db" "SELECT id FROM documents WHERE status = 0 LIMIT 1")
before=$(dump "$db")
if "$FACTURES" --database="$db" --issue="$draft" >"$tmp/out" 2>"$tmp/err"; then fail "--issue with a warning issued without --yes"
elif [ "$(dump "$db")" != "$before" ]; then fail "--issue refused but the database changed"
elif grep -q "avertissement" "$tmp/err" && grep -q -- "--yes" "$tmp/err"; then ok "--issue stops on a warning"
else fail "--issue warning: $(cat "$tmp/err")"; fi
for bad in abc 0 -3 99999 1; do
  if "$FACTURES" --database="$db" --issue="$bad" >/dev/null 2>"$tmp/err"; then fail "--issue=$bad succeeded"
  elif [ "$(dump "$db")" != "$before" ] || english "$tmp/err"; then fail "--issue=$bad: $(cat "$tmp/err")"
  else ok "--issue=$bad refused: $(cat "$tmp/err")"; fi
done
cp "$db" "$tmp/keep.db"
if number=$("$FACTURES" --database="$db" --issue="$draft" --yes 2>"$tmp/err") && [ "$number" = F2026-0006 ] &&
   [ "$(sqlite3 "$db" "SELECT number FROM documents WHERE id = $draft AND status = 1")" = F2026-0006 ] &&
   "$FACTURES" --database="$db" --verify >/dev/null 2>&1; then ok "--issue --yes prints $number"
else fail "--issue --yes: '$number' $(cat "$tmp/err")"; fi

# --delete-draft: a draft goes; an issued document never.
before=$(dump "$db")
if "$FACTURES" --database="$db" --delete-draft="$draft" 2>"$tmp/err"; then fail "--delete-draft deleted an issued document"
elif [ "$(dump "$db")" != "$before" ]; then fail "--delete-draft of an issued document changed the database"
else ok "--delete-draft of an issued document refused: $(cat "$tmp/err")"; fi
if "$FACTURES" --database="$tmp/keep.db" --delete-draft="$draft" >"$tmp/out" 2>"$tmp/err" &&
   [ "$(sqlite3 "$tmp/keep.db" "SELECT count(*) FROM documents WHERE id = $draft")" = 0 ]; then ok "--delete-draft: $(cat "$tmp/out")"
else fail "--delete-draft: $(cat "$tmp/err")"; fi

# --record-payment: F2026-0001 owes 1 590,00 €.
before=$(dump "$db")
for args in "--amount=2000 --date=2026-04-10 --method=virement" "--date=2026-04-10" "--method=virement" \
            "--amount=10 --date=2026-02-30 --method=virement" "--amount=10 --date=2026-04-10 --method=bitcoin" \
            "--amount=-5 --date=2026-04-10 --method=virement" "--amount=abc --date=2026-04-10 --method=virement"; do
  # shellcheck disable=SC2086
  if "$FACTURES" --database="$db" --record-payment=F2026-0001 $args >/dev/null 2>"$tmp/err"; then fail "--record-payment $args accepted"
  elif [ "$(dump "$db")" != "$before" ] || english "$tmp/err"; then fail "--record-payment $args: $(cat "$tmp/err")"
  else ok "--record-payment $args refused: $(cat "$tmp/err")"; fi
done
grep -q -- "--keep-credit" <("$FACTURES" --database="$db" --record-payment=F2026-0001 --amount=2000 --date=2026-04-10 --method=virement 2>&1) \
  && ok "an overpayment names --keep-credit" || fail "an overpayment does not name --keep-credit"
if "$FACTURES" --database="$db" --record-payment=NOPE --date=2026-04-10 --method=virement 2>"$tmp/err"; then fail "--record-payment of an unknown number"
else ok "--record-payment of an unknown number refused"; fi
# On a credit note: refused, and the credit note called "Avoir", not "Facture" (a copy of the
# fixture with a credit note put in by hand: --verify is not asked of it).
cp "$db" "$tmp/credit.db"
sqlite3 "$tmp/credit.db" "INSERT INTO documents (id, kind, status, number, issue_date, due_date, client_id, client_name,
    seller, buyer, net_total, vat_total, gross_total, amount_due, pdf_sha256, chain_seq, prev_hash, hash, chain_version)
  SELECT 100, 381, 1, 'A2026-0001', issue_date, due_date, client_id, client_name, seller, buyer, net_total, vat_total,
    gross_total, amount_due, pdf_sha256, 100, prev_hash, hash, chain_version FROM documents WHERE number = 'F2026-0005'"
before_credit=$(dump "$tmp/credit.db")
if "$FACTURES" --database="$tmp/credit.db" --record-payment=A2026-0001 --amount=10 --date=2026-04-10 --method=virement 2>"$tmp/err"; then
  fail "--record-payment on a credit note accepted"
elif [ "$(dump "$tmp/credit.db")" != "$before_credit" ]; then fail "--record-payment on a credit note changed the database"
elif grep -qE "^factures( | )?: Avoir A2026-0001" "$tmp/err" && ! grep -q "Facture A2026" "$tmp/err"; then
  ok "--record-payment on a credit note refused: $(cat "$tmp/err")"
else fail "--record-payment on a credit note: $(cat "$tmp/err")"; fi
if "$FACTURES" --database="$db" --record-payment=F2026-0001 --amount=2000 --date=2026-04-10 --method=virement --keep-credit >"$tmp/out" 2>"$tmp/err" &&
   grep -q "410,00" "$tmp/out" &&
   "$FACTURES" --database="$db" --receipts --year=2026 | grep -q "F2026-0001"; then ok "--record-payment --keep-credit: $(tr '\n' ' ' <"$tmp/out")"
else fail "--record-payment --keep-credit: $(cat "$tmp/err")"; fi
if "$FACTURES" --database="$db" --record-payment=F2026-0002 --date=2026-04-11 --method=cheque --reference=1234567 >"$tmp/out" 2>"$tmp/err" &&
   [ -z "$("$FACTURES" --database="$db" --list-overdue | grep F2026-0002)" ]; then ok "--record-payment of the balance: $(cat "$tmp/out")"
else fail "--record-payment of the balance: $(cat "$tmp/err")"; fi
"$FACTURES" --database="$db" --verify >/dev/null 2>"$tmp/err" || fail "--verify after the payments: $(cat "$tmp/err")"

# Another process holds the write lock for 2 s: the command waits, says so once, succeeds.
lockdb=$tmp/lock.db
cp "$tmp/keep.db" "$lockdb"
( echo "BEGIN IMMEDIATE;"; echo "SELECT 'held';"; sleep 2; echo "ROLLBACK;" ) | sqlite3 "$lockdb" >"$tmp/held" &
holder=$!
for _ in $(seq 100); do grep -q held "$tmp/held" && break; sleep 0.05; done
if "$FACTURES" --database="$lockdb" --record-payment=F2026-0003 --amount=1 --date=2026-04-10 --method=virement >/dev/null 2>"$tmp/err"; then
  n=$(grep -c "Un autre processus utilise la base" "$tmp/err")
  if [ "$n" = 1 ] && ! english "$tmp/err"; then ok "a held lock: waited, said once in French"
  else fail "a held lock: said $n times: $(cat "$tmp/err")"; fi
else fail "a held lock: the command failed: $(cat "$tmp/err")"; fi
wait "$holder"

echo "$failures failure(s)"
[ "$failures" = 0 ]
