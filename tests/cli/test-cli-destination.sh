#!/bin/bash
# test-cli-destination.sh FACTURES_CLI FIXTURE — trial 5 finding 1: no command writes a file over
# the open database (the same path, a symbolic link, a hard link, another spelling of the path)
# or its -wal/-shm/-journal; each is refused in French naming the option, exit 1, the database
# unchanged; a folder given as the file to write is refused with a message that says so.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

CLI=$(realpath "$1")
FIXTURE=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
dbhash() { sqlite3 "$tmp/v.db" .dump | sha256sum; }

export FACTURES_TODAY=2026-12-06 LANGUAGE=fr
"$CLI" --database="$tmp/v.db" --import-json="$FIXTURE" >/dev/null 2>"$tmp/err" || fail "--import-json: $(cat "$tmp/err")"
ln -s v.db "$tmp/link.db"
ln "$tmp/v.db" "$tmp/hard.db"
mkdir "$tmp/sub"
before=$(dbhash)
size=$(stat -c %s "$tmp/v.db")

# (each: the destination, then the command line that writes it)
while IFS='|' read -r option dest args; do
  rc=0
  # shellcheck disable=SC2086
  (cd "$tmp" && "$CLI" --database=v.db $args >"$tmp/out" 2>"$tmp/err") || rc=$?
  if [ "$rc" = 1 ] && grep -qP -- "^factures\x{00a0}: \Q$option\E\x{00a0}: «\x{00a0}\Q$dest\E\x{00a0}» est la base de données ouverte" "$tmp/err" \
     && [ "$(dbhash)" = "$before" ] && [ "$(stat -c %s "$tmp/v.db")" = "$size" ] \
     && [ "$(sqlite3 "$tmp/v.db" "SELECT count(*) FROM sqlite_master WHERE name = 'factures_witness'")" = 0 ]; then
    ok "$args refused: $(cat "$tmp/err")"
  else fail "$args: status $rc, $(cat "$tmp/err")"; fi
done <<'LIST'
--export-json|v.db|--export-json=v.db
--export-json|link.db|--export-json=link.db
--export-json|./sub/../v.db|--export-json=./sub/../v.db
--backup|v.db|--backup=v.db
--backup|hard.db|--backup=hard.db
--output|v.db|--receipts --year=2026 --output=v.db
--output|v.db-wal|--receipts --year=2026 --output=v.db-wal
--output|v.db-journal|--export-fec --year=2026 --output=v.db-journal
--output|v.db|--export-pdf=F2026-0001 --output=v.db
--output|link.db|--export-pdf=F2026-0001 --output=link.db
--output|hard.db|--export-facturx=F2026-0001 --output=hard.db
--output|v.db-shm|--des --month=2026-11 --output=v.db-shm
LIST
# The default database (no --database): XDG_DATA_HOME/factures/factures.db
export XDG_DATA_HOME="$tmp/xdg"
mkdir -p "$tmp/xdg/factures"
cp "$tmp/v.db" "$tmp/xdg/factures/factures.db"
rc=0; "$CLI" --export-json="$tmp/xdg/factures/factures.db" 2>"$tmp/err" || rc=$?
if [ "$rc" = 1 ] && grep -q "est la base de données ouverte" "$tmp/err" && cmp -s "$tmp/v.db" "$tmp/xdg/factures/factures.db"; then
  ok "the default database is refused too"; else fail "default database: $rc $(cat "$tmp/err")"; fi
unset XDG_DATA_HOME

# A folder: said in French, no g_rename() text
for args in "--export-pdf=F2026-0001 --output=$tmp/sub" "--export-json=$tmp/sub" "--backup=$tmp/sub" \
            "--receipts --year=2026 --output=$tmp/sub"; do
  rc=0
  # shellcheck disable=SC2086
  "$CLI" --database="$tmp/v.db" $args >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" = 1 ] && grep -q "est un dossier" "$tmp/err" && grep -q "donnez le nom du fichier à écrire" "$tmp/err" && ! grep -q g_rename "$tmp/err"; then
    ok "$args: $(cat "$tmp/err")"; else fail "$args: $rc $(cat "$tmp/err")"; fi
done

# Trial 6 finding 6: two outputs on one file (the second replaced the first), also by another path.
for args in "--export-json=$tmp/z.out --backup=$tmp/z.out" "--export-json=$tmp/z.out --backup=$tmp/./z.out"; do
  rc=0
  # shellcheck disable=SC2086
  "$CLI" --database="$tmp/v.db" $args >/dev/null 2>"$tmp/err" || rc=$?
  if [ "$rc" = 1 ] && grep -q -- "--export-json" "$tmp/err" && grep -q -- "--backup" "$tmp/err" && [ ! -e "$tmp/z.out" ]; then
    ok "$args: $(cat "$tmp/err")"; else fail "$args: $rc $(cat "$tmp/err")"; fi
done

# Another file is written as before.
"$CLI" --database="$tmp/v.db" --export-json="$tmp/other.json" 2>"$tmp/err" && [ -s "$tmp/other.json" ] \
  && ok "another file is written" || fail "export to another file: $(cat "$tmp/err")"
"$CLI" --database="$tmp/v.db" --export-pdf=F2026-0001 --output="$tmp/f.pdf" 2>"$tmp/err" && [ -s "$tmp/f.pdf" ] \
  && ok "a PDF is written" || fail "export-pdf: $(cat "$tmp/err")"

[ "$failures" = 0 ] || { echo "$failures failure(s)"; exit 1; }
