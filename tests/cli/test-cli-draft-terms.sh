#!/bin/bash
# test-cli-draft-terms.sh FACTURES_CLI FIXTURE — trial 6 finding 2: a JSON draft keeps its own
# payment terms and due date through --import-json, --export-json and --issue; a due date before
# the issue date is refused naming its JSON path, the database unchanged.
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

# The fixture's profile, clients and its draft (5, issued 2026-03-14) with 15 days' terms.
make_file() {
  python3 - "$FIXTURE" "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
draft = [x for x in d["documents"] if x["status"] == 0][0]
draft["due_date"] = sys.argv[3]
draft["terms_kind"] = 1
draft["terms_days"] = 15
out = {"format": d["format"], "version": d["version"], "profile": d["profile"],
       "clients": d["clients"], "documents": [draft]}
json.dump(out, open(sys.argv[2], "w"))
PY
}
due_of() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); x=[x for x in d["documents"] if x["id"]==5][0]; print(x["due_date"], x["terms_kind"], x["terms_days"])' "$1"
}

make_file "$tmp/draft.json" 2026-03-29
"$CLI" --database="$tmp/a.db" --import-json="$tmp/draft.json" >/dev/null 2>"$tmp/err" || fail "import: $(cat "$tmp/err")"
"$CLI" --database="$tmp/a.db" --export-json="$tmp/out.json" >/dev/null 2>"$tmp/err" || fail "export: $(cat "$tmp/err")"
got=$(due_of "$tmp/out.json")
if [ "$got" = "2026-03-29 1 15" ]; then ok "draft exported with its terms: $got"
else fail "draft exported with “$got”, expected “2026-03-29 1 15”"; fi

# Round trip: the exported file imports again with the same terms.
"$CLI" --database="$tmp/b.db" --import-json="$tmp/out.json" >/dev/null 2>"$tmp/err" || fail "re-import: $(cat "$tmp/err")"
"$CLI" --database="$tmp/b.db" --export-json="$tmp/out2.json" >/dev/null 2>"$tmp/err" || fail "re-export: $(cat "$tmp/err")"
got=$(due_of "$tmp/out2.json")
if [ "$got" = "2026-03-29 1 15" ]; then ok "round trip: $got"
else fail "round trip gave “$got”"; fi

# Issued: its due date is the file's, not the client's 30 days.
"$CLI" --database="$tmp/a.db" --issue=5 --yes >/dev/null 2>"$tmp/err" || fail "issue: $(cat "$tmp/err")"
"$CLI" --database="$tmp/a.db" --export-json="$tmp/issued.json" >/dev/null 2>"$tmp/err" || fail "export: $(cat "$tmp/err")"
got=$(due_of "$tmp/issued.json")
if [ "$got" = "2026-03-29 1 15" ]; then ok "issued with the file's terms: $got"
else fail "issued with “$got”, expected “2026-03-29 1 15”"; fi

# A due date before the issue date: refused naming the field, nothing written.
make_file "$tmp/before.json" 2026-03-01
"$CLI" --database="$tmp/c.db" --import-json="$tmp/draft.json" >/dev/null 2>"$tmp/err" || fail "import c: $(cat "$tmp/err")"
"$CLI" --database="$tmp/c.db" --export-json="$tmp/c1.json" >/dev/null 2>&1
rc=0; "$CLI" --database="$tmp/c.db" --import-json="$tmp/before.json" >/dev/null 2>"$tmp/err" || rc=$?
"$CLI" --database="$tmp/c.db" --export-json="$tmp/c2.json" >/dev/null 2>&1
if [ "$rc" -ne 0 ] && grep -q "documents\[0\].due_date" "$tmp/err" && cmp -s "$tmp/c1.json" "$tmp/c2.json"; then
  ok "due date before the issue date refused: $(head -1 "$tmp/err")"
else fail "due date before the issue date: rc $rc, “$(cat "$tmp/err")”"; fi

[ "$failures" -eq 0 ]
