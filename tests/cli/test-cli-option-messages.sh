#!/bin/bash
# test-cli-option-messages.sh FACTURES_CLI FIXTURE — trial 6 finding 9: the messages about
# options name every command an option goes with, an empty value is said empty, and --date with
# --penalties is refused rather than ignored. Each refused, non-zero, the database unchanged.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

CLI=$1
FIXTURE=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

export FACTURES_TODAY=2026-12-31 LANGUAGE=fr

"$CLI" --database="$tmp/a.db" --import-json="$FIXTURE" >/dev/null 2>"$tmp/err" || fail "import: $(cat "$tmp/err")"
before=$(sqlite3 "$tmp/a.db" .dump | sha256sum)

refused() {   # LABEL PATTERN... -- ARGS...
  local label=$1; shift
  local patterns=()
  while [ "$1" != "--" ]; do patterns+=("$1"); shift; done
  shift
  rc=0; "$CLI" --database="$tmp/a.db" "$@" >/dev/null 2>"$tmp/err" || rc=$?
  local good=1
  [ "$rc" -ne 0 ] || good=0
  for p in "${patterns[@]}"; do grep -qF -- "$p" "$tmp/err" || good=0; done
  [ "$(sqlite3 "$tmp/a.db" .dump | sha256sum)" = "$before" ] || good=0
  if [ "$good" = 1 ]; then ok "$label: $(head -1 "$tmp/err")"
  else fail "$label: rc $rc, “$(cat "$tmp/err")”"; fi
}

refused "--yes names --send" "--issue" "--record-payment" "--send" -- --cancel-payment=3 --yes
refused "--year names every command" "--receipts" "--thresholds" "--purchases" "--export-fec" -- --list-overdue --year=2026
refused "empty --export-json" "--export-json" "vide" -- --export-json=
if grep -q "dossier" "$tmp/err"; then fail "empty --export-json called a folder: $(cat "$tmp/err")"; fi
refused "--penalties --date" "--date" "FACTURES_TODAY" -- --penalties=F2026-0001 --date=2026-12-01

[ "$failures" -eq 0 ]
