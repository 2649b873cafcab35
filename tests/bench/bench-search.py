#!/usr/bin/env python3
"""bench-search.py — builds (or reuses) the fixture of make-fixture.py, then runs bench-search.

Usage: bench-search.py FACTURES MAKE_FIXTURE BENCH_SEARCH WORKDIR
(FACTURES_BENCH_DOCUMENTS: 2,000 by default, CI's smoke test; 100,000 on demand.)
"""
import os
import subprocess
import sys

factures, make_fixture, bench_search, workdir = sys.argv[1:5]
n_docs = int(os.environ.get('FACTURES_BENCH_DOCUMENTS', '2000'))
os.makedirs(workdir, exist_ok=True)
db = os.path.join(workdir, 'bench-%d.db' % n_docs)
# a fixture older than the program may have an older schema: built again
if not os.path.exists(db) or os.path.getmtime(db) < os.path.getmtime(factures):
    subprocess.run([sys.executable, make_fixture, factures, db, '--documents', str(n_docs)], check=True)
sys.exit(subprocess.run([bench_search, db]).returncode)
