#!/bin/bash
# test-screenshots.sh FACTURES FIXTURE OUTDIR — a screenshot of each main view of the real app
#
# Starts factures on a fresh database made by FIXTURE (profile, clients, issued invoices, a
# draft), once per view (--view=overdue|documents|clients), then on an empty database (the
# first-run welcome form, welcome.png), in French, with FACTURES_TODAY set
# so that three invoices are overdue; grabs the window with ImageMagick `import` into
# OUTDIR/<view>.png, and fails when a shot is blank (no contrast) or two views look the same.
# Needs DISPLAY and a session bus (xvfb-run -a dbus-run-session): skips (77) without them,
# fails instead under CI.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

FACTURES=$1
FIXTURE=$2
OUT=$3

if [ -z "${DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "test-screenshots: needs DISPLAY and a session bus (run under xvfb-run -a dbus-run-session)"
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi
for tool in import convert xwininfo; do
  command -v "$tool" >/dev/null || { echo "test-screenshots: $tool is missing"; exit 1; }
done

tmp=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p "$OUT"
"$FIXTURE" "$tmp/factures.db"

export FACTURES_TODAY=2026-04-15 FACTURES_NON_UNIQUE=1 LANGUAGE=fr
export GSK_RENDERER=${GSK_RENDERER:-cairo} GSETTINGS_BACKEND=${GSETTINGS_BACKEND:-memory}

window_id() {
  xwininfo -root -tree 2>/dev/null | awk '/"Factures"/ { print $1; exit }'
}

# "welcome": the first-run form, on an empty database.
for view in overdue documents clients welcome; do
  rm -f "$OUT/$view.png"
  if [ "$view" = welcome ]; then
    "$FACTURES" --database="$tmp/empty.db" >"$tmp/$view.log" 2>&1 &
  else
    "$FACTURES" --database="$tmp/factures.db" --view="$view" >"$tmp/$view.log" 2>&1 &
  fi
  pid=$!
  wid=
  for _ in $(seq 1 150); do
    wid=$(window_id)
    [ -n "$wid" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/$view.log"; echo "factures exited early"; exit 1; }
    sleep 0.1
  done
  if [ -z "$wid" ]; then cat "$tmp/$view.log"; echo "no Factures window for $view"; exit 1; fi
  sleep 2   # first frame, fonts, lazy rows
  import -window "$wid" "$OUT/$view.png"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  # A critical warning is a bug, whatever draws.
  if grep -E -- '-CRITICAL \*\*|-WARNING \*\*' "$tmp/$view.log"; then
    echo "$view: the app logged critical warnings"
    exit 1
  fi
  # Wait for the window to go, so the next run does not grab this one.
  for _ in $(seq 1 50); do [ -z "$(window_id)" ] && break; sleep 0.1; done

  read -r mean sd < <(convert "$OUT/$view.png" -format '%[fx:mean] %[fx:standard_deviation]\n' info:)
  echo "$view: $OUT/$view.png mean=$mean sd=$sd"
  if ! awk -v m="$mean" -v s="$sd" 'BEGIN { exit !(m > 0.05 && m < 0.99 && s > 0.03) }'; then
    echo "$view: the screenshot looks blank"
    exit 1
  fi
done

# The views must differ: a broken --view would give three shots of the same page.
for pair in "overdue documents" "documents clients" "overdue clients" "overdue welcome"; do
  set -- $pair
  diff=$(compare -metric AE "$OUT/$1.png" "$OUT/$2.png" null: 2>&1 || true)
  echo "$1 vs $2: $diff pixels differ"
  if ! awk -v d="$diff" 'BEGIN { exit !(d + 0 >= 1000) }'; then
    echo "$1 and $2 look the same"
    exit 1
  fi
done
echo "screenshots OK"
