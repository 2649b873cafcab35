#!/usr/bin/env python3
"""test-overdue-100k.py — the window on 100,000 documents with 5,000 overdue works through ten
reminders (issue 12, "Tests")

Usage: test-overdue-100k.py BENCH_WINDOW_UI WORKDIR

On demand, never in CI: runs only when FACTURES_BENCH_DOCUMENTS=100000 and the fixture exists
(FACTURES_BENCH_DB, else WORKDIR/bench-100000-5000.db as bench-window.py builds it with
FACTURES_BENCH_OVERDUE=5000); exits 77 (skipped) otherwise. Works on a copy (the reminders are
recorded), through bench-window-ui --reminders 10: each reminder's dialog confirmed, the step
recorded, the queue one shorter, a frame drawn; prints the time of each.
"""
import os
import subprocess
import sys


def main():
    window_ui, workdir = sys.argv[1:3]
    if os.environ.get('FACTURES_BENCH_DOCUMENTS') != '100000':
        print('on demand only: FACTURES_BENCH_DOCUMENTS=100000 (and the fixture with 5,000 overdue)')
        return 77
    db = os.environ.get('FACTURES_BENCH_DB') or os.path.join(workdir, 'bench-100000-5000.db')
    if not os.path.exists(db):
        print('no fixture at %s: build it with bench-window (FACTURES_BENCH_OVERDUE=5000)' % db)
        return 77
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('needs a display (xvfb-run)')
        return 77
    copy = os.path.join(workdir, 'reminders-copy.db')
    try:
        subprocess.run(['sqlite3', db, '.backup ' + copy], check=True)
        env = dict(os.environ, FACTURES_TODAY=os.environ.get('FACTURES_TODAY', '2026-12-06'))
        return subprocess.run([window_ui, '--reminders', '10', copy], env=env).returncode
    finally:
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(copy + suffix):
                os.unlink(copy + suffix)


if __name__ == '__main__':
    sys.exit(main())
