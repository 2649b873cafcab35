#!/usr/bin/env python3
"""bench-search.py — builds (or reuses) the fixture of make-fixture.py, then runs bench-search.

Usage: bench-search.py FACTURES MAKE_FIXTURE BENCH_SEARCH WORKDIR
(FACTURES_BENCH_DOCUMENTS: 2,000 by default, CI's smoke test; 100,000 on demand;
FACTURES_BENCH_FIXTURE_DIR: where the fixtures are kept, WORKDIR by default.)
"""
import os
import sqlite3
import subprocess
import sys


def latest_migration(make_fixture):
    """The schema version a fixture made now would have (the highest migration number)."""
    folder = os.path.join(os.path.dirname(os.path.abspath(make_fixture)), '..', '..', 'src', 'store', 'migrations')
    return max(int(name[:4]) for name in os.listdir(folder) if name[:4].isdigit() and name.endswith('.sql'))


def fixture_version(db):
    """PRAGMA user_version of an existing fixture (0 when unreadable)."""
    try:
        con = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
        try:
            return con.execute('PRAGMA user_version').fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


factures, make_fixture, bench_search, workdir = sys.argv[1:5]
n_docs = int(os.environ.get('FACTURES_BENCH_DOCUMENTS', '2000'))
# FACTURES_BENCH_FIXTURE_DIR: where the fixtures are kept (built there once, reused)
workdir = os.environ.get('FACTURES_BENCH_FIXTURE_DIR', workdir)
os.makedirs(workdir, exist_ok=True)
db = os.path.join(workdir, 'bench-%d.db' % n_docs)
# a fixture of an older schema (a migration added since it was built): built again
if not os.path.exists(db) or fixture_version(db) != latest_migration(make_fixture):
    subprocess.run([sys.executable, make_fixture, factures, db, '--documents', str(n_docs)], check=True)
sys.exit(subprocess.run([bench_search, db]).returncode)
