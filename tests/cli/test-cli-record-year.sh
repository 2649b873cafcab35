#!/bin/bash
# test-cli-record-year.sh FACTURES_CLI FIXTURE — trial 6 finding 3: no document dated before
# 1 January 1999 (FACTURES_RECORD_YEAR_FIRST) enters by --import-json, nor a profile charging
# VAT from before then; refused naming the JSON path, the database unchanged.
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

# The fixture's profile, clients and its draft, with MEMBER of OBJECT set to VALUE.
make_file() {
  python3 - "$FIXTURE" "$1" "$2" "$3" "$4" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
draft = [x for x in d["documents"] if x["status"] == 0][0]
out = {"format": d["format"], "version": d["version"], "profile": d["profile"],
       "clients": d["clients"], "documents": [draft]}
target = draft if sys.argv[3] == "draft" else out["profile"]
if sys.argv[3] == "profile":
    target["vat_regime"] = 1
target[sys.argv[4]] = sys.argv[5]
json.dump(out, open(sys.argv[2], "w"))
PY
}

refused() {   # FILE PATH-IN-MESSAGE LABEL
  rc=0; out=$("$CLI" --database="$tmp/$3.db" --import-json="$1" 2>"$tmp/err") || rc=$?
  if [ "$rc" -ne 0 ] && [ -z "$out" ] && grep -qF "$2" "$tmp/err" && grep -q "1999" "$tmp/err" &&
     [ ! -s "$tmp/$3.db" -o "$(sqlite3 "$tmp/$3.db" 'select count(*) from documents' 2>/dev/null || echo 0)" = 0 ]; then
    ok "$3 refused: $(head -1 "$tmp/err")"
  else fail "$3: rc $rc, out “$out”, err “$(cat "$tmp/err")”"; fi
}

make_file "$tmp/old-draft.json" draft issue_date 1998-05-01
refused "$tmp/old-draft.json" "documents[0].issue_date" old-draft

make_file "$tmp/old-vat.json" profile vat_from 1998-01-01
refused "$tmp/old-vat.json" "profile.vat_from" old-vat

# Trial 6 finding 10: vat_from with vat_regime 0 (franchise) was dropped silently: refused.
make_file "$tmp/franchise.json" profile vat_from 2026-01-01
python3 - "$tmp/franchise.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["profile"]["vat_regime"] = 0; json.dump(d, open(sys.argv[1], "w"))
PY
rc=0; "$CLI" --database="$tmp/franchise.db" --import-json="$tmp/franchise.json" >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" -ne 0 ] && grep -qF "profile.vat_from" "$tmp/err"; then ok "vat_from in franchise refused: $(head -1 "$tmp/err")"
else fail "vat_from in franchise: rc $rc, “$(cat "$tmp/err")”"; fi

# 1 January 1999 itself is a record date.
make_file "$tmp/first.json" draft issue_date 1999-01-01
"$CLI" --database="$tmp/first.db" --import-json="$tmp/first.json" >/dev/null 2>"$tmp/err" &&
  ok "1999-01-01 accepted" || fail "1999-01-01: $(cat "$tmp/err")"

[ "$failures" -eq 0 ]
