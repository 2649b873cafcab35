#!/bin/bash
# test-cli-binary.sh FACTURES FACTURES_CLI FIXTURE — the factures-cli binary (issue 11 item 1,
# issue 12 item 4): it prints its version, runs a real command (import a JSON export, then list
# the overdue invoices, the same lines as `factures`), offers exactly the options of `factures`,
# and links neither GTK 4 nor libadwaita (readelf -d NEEDED, and ldd when it resolves).
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

FACTURES=$1
CLI=$2
FIXTURE=$3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

export FACTURES_TODAY=2026-12-31

version=$("$CLI" --version 2>&1)
if [[ "$version" =~ ^factures\ [0-9]+\.[0-9]+ ]]; then ok "--version: $version"
else fail "--version printed: $version"; fi

if "$CLI" --database="$tmp/cli.db" --import-json="$FIXTURE" 2>"$tmp/err"; then ok "--import-json"
else fail "--import-json: $(cat "$tmp/err")"; fi
"$CLI" --database="$tmp/cli.db" --list-overdue >"$tmp/cli.tsv" 2>"$tmp/err" || fail "--list-overdue: $(cat "$tmp/err")"
"$FACTURES" --database="$tmp/cli.db" --list-overdue >"$tmp/app.tsv" 2>/dev/null
if [ ! -s "$tmp/cli.tsv" ]; then fail "--list-overdue printed nothing"
elif ! cmp -s "$tmp/cli.tsv" "$tmp/app.tsv"; then fail "factures and factures-cli differ: $(diff "$tmp/app.tsv" "$tmp/cli.tsv")"
else ok "--list-overdue: $(wc -l <"$tmp/cli.tsv") lines, as factures prints them"; fi

rc=0; "$CLI" >/dev/null 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 2 ] && [ -s "$tmp/err" ]; then ok "no option: status 2 and a message"
else fail "no option: status $rc"; fi

# trial 5 finding 21: its --help names factures-cli (not factures-cli-full, which it may run
# as) and does not say "no window opens" as if it had one.
"$CLI" --help >"$tmp/help" 2>&1
if grep -q "^  factures-cli \[" "$tmp/help" && ! grep -q "factures-cli-full" "$tmp/help" \
   && ! grep -q "no window opens" "$tmp/help"; then ok "--help: $(sed -n 2p "$tmp/help")"
else fail "--help: $(head -4 "$tmp/help")"; fi

# The same options (the help text differs only by the program name).
env -u DISPLAY -u WAYLAND_DISPLAY "$FACTURES" --help-all 2>&1 | grep -E '^ +--' | grep -v gapplication >"$tmp/app-opts"
"$CLI" --help-all 2>&1 | grep -E '^ +--' | grep -v gapplication >"$tmp/cli-opts"
if [ "$(wc -l <"$tmp/cli-opts")" -lt 10 ]; then fail "factures-cli --help-all lists $(wc -l <"$tmp/cli-opts") options"
elif ! cmp -s "$tmp/app-opts" "$tmp/cli-opts"; then fail "options differ: $(diff "$tmp/app-opts" "$tmp/cli-opts")"
else ok "the same $(wc -l <"$tmp/cli-opts") options as factures"; fi

needed=$(readelf -d "$CLI" | grep NEEDED)
if [ -z "$needed" ]; then fail "readelf -d shows no NEEDED entry"
elif grep -qE 'libgtk-4|libadwaita' <<<"$needed"; then fail "factures-cli links GTK: $needed"
else ok "NEEDED: $(sed -E 's/.*\[(.*)\]/\1/' <<<"$needed" | tr '\n' ' ')"; fi
if command -v ldd >/dev/null; then
  if ldd "$CLI" | grep -qE 'libgtk-4|libadwaita'; then fail "ldd: $(ldd "$CLI" | grep -E 'gtk|adwaita')"
  else ok "ldd: no libgtk-4, no libadwaita"; fi
fi
# Issue 12: the listing and the render run in a process that loads neither the mail nor the
# Factur-X libraries (their loading was most of the time of --list-overdue); every other command
# goes to factures-cli-full, unchanged.
heavy=$(ldd "$CLI" 2>/dev/null | grep -oE 'lib(qpdf|xml2|gmime-3\.0|curl-gnutls|secret-1|poppler-glib|icuuc)\.so[^ ]*' | tr '\n' ' ')
if [ -n "$heavy" ]; then fail "factures-cli loads $heavy"
else ok "ldd: no qpdf, libxml2, GMime, libcurl, libsecret, poppler, ICU"; fi
# (nor the PDF renderer's: --export-pdf runs in factures-cli-pdf)
if ldd "$CLI" 2>/dev/null | grep -qE 'libcairo|libpango'; then fail "factures-cli loads cairo or Pango"
else ok "ldd: no cairo, no Pango"; fi
draft=$("$CLI" --database="$tmp/cli.db" --export-json="$tmp/cli.json" 2>&1 && python3 -c "
import json, sys; print([d['id'] for d in json.load(open(sys.argv[1]))['documents'] if d['status'] == 0][0])" "$tmp/cli.json")
if "$CLI" --database="$tmp/cli.db" --export-pdf="$draft" --output="$tmp/draft.pdf" 2>"$tmp/err" &&
   [ "$(head -c 5 "$tmp/draft.pdf")" = "%PDF-" ]; then ok "--export-pdf of draft $draft"
else fail "--export-pdf of draft $draft: $(cat "$tmp/err")"; fi
rc=0; "$CLI" --database="$tmp/cli.db" --export-pdf=X9999 --output="$tmp/none.pdf" 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 1 ] && grep -q 'X9999' "$tmp/err" && [ ! -e "$tmp/none.pdf" ]; then ok "--export-pdf of no document: status 1, named"
else fail "--export-pdf of no document: status $rc, $(cat "$tmp/err")"; fi

# and the window binary does link them (the check can fail)
readelf -d "$FACTURES" | grep NEEDED | grep -q libgtk-4 || fail "readelf does not see libgtk-4 in factures either"

echo "$failures failed"
[ "$failures" -eq 0 ]
