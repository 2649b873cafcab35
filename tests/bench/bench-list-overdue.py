#!/usr/bin/env python3
"""bench-list-overdue.py — `factures --list-overdue` against one sqlite3 query (issue 12 item 3)

Usage: bench-list-overdue.py FACTURES MAKE_FIXTURE BASELINE_SQL WORKDIR

Builds (or reuses) the fixture of make-fixture.py in WORKDIR with FACTURES_BENCH_DOCUMENTS
documents (2,000 by default: CI's smoke test; 100,000 on demand), then runs the whole process
`factures --list-overdue` and the baseline `sqlite3` query of BASELINE_SQL on the same database,
RUNS times each (FACTURES_BENCH_RUNS, 5; FACTURES_BENCH_FIXTURE_DIR: where the fixtures are kept), and prints the medians, their ratio (goal ≤ 1.5) and
the peak RSS of each. It checks that both print the same rows; it never fails on time.
"""
import os
import sqlite3
import resource
import statistics
import subprocess
import sys
import time

TODAY = '2026-12-06'


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(argv, env=None):
    """Wall time, CPU time (user + system of the child) and output of one run."""
    cpu = children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, check=True)
    return time.perf_counter() - start, proc.stdout.decode(), children_cpu() - cpu


def peak_rss_kib(argv, env=None):
    """Peak RSS of one run of argv (the child's ru_maxrss, KiB on Linux)."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvpe(argv[0], argv, env or os.environ)
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss


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


def main():
    factures, make_fixture, baseline_sql, workdir = sys.argv[1:5]
    n_docs = int(os.environ.get('FACTURES_BENCH_DOCUMENTS', '2000'))
    n_overdue = os.environ.get('FACTURES_BENCH_OVERDUE')
    runs = int(os.environ.get('FACTURES_BENCH_RUNS', '5'))
    # FACTURES_BENCH_FIXTURE_DIR: where the fixtures are kept (built there once, reused)
    workdir = os.environ.get('FACTURES_BENCH_FIXTURE_DIR', workdir)
    os.makedirs(workdir, exist_ok=True)
    db = os.path.join(workdir, 'bench-%d%s.db' % (n_docs, '-' + n_overdue if n_overdue else ''))
    # a fixture of an older schema (a migration added since it was built): built again
    if not os.path.exists(db) or fixture_version(db) != latest_migration(make_fixture):
        argv = [sys.executable, make_fixture, factures, db, '--documents', str(n_docs), '--today', TODAY]
        if n_overdue:
            argv += ['--overdue', n_overdue]
        subprocess.run(argv, check=True)

    env = dict(os.environ, FACTURES_TODAY=TODAY)
    app = [factures, '--database=' + db, '--list-overdue']
    base = ['sqlite3', '-separator', '\t', db, '.param set :today "\'%s\'"' % TODAY, '.read ' + baseline_sql]

    # warm the page cache, and check that both list the same invoices
    _, app_out, _ = run(app, env)
    _, base_out, _ = run(base)
    app_rows = [line.split('\t') for line in app_out.splitlines()]
    base_rows = [line.split('\t') for line in base_out.splitlines()]
    if app_rows != base_rows:
        print('MISMATCH: factures printed %d rows, sqlite3 %d' % (len(app_rows), len(base_rows)))
        return 1

    app_times, base_times, app_cpu, base_cpu = [], [], [], []
    for _ in range(runs):
        wall, _, cpu = run(app, env)
        app_times.append(wall)
        app_cpu.append(cpu)
        wall, _, cpu = run(base)
        base_times.append(wall)
        base_cpu.append(cpu)
    a, b = statistics.median(app_times), statistics.median(base_times)
    print('list-overdue: %d documents, %d overdue rows' % (n_docs, len(app_rows)))
    print('  factures-cli --list-overdue %8.1f ms  peak RSS %6.1f MiB' % (a * 1000, peak_rss_kib(app, env) / 1024))
    print('  sqlite3 baseline query   %8.1f ms  peak RSS %6.1f MiB' % (b * 1000, peak_rss_kib(base) / 1024))
    print('  ratio %.2f (goal <= 1.5)' % (a / b))
    ac, bc = statistics.median(app_cpu), statistics.median(base_cpu)
    print('  CPU time (user + system): factures %.1f ms, sqlite3 %.1f ms, ratio %.2f (the wall time includes '
          'waiting for a shared CPU)' % (ac * 1000, bc * 1000, ac / bc if bc else 0))
    return 0


if __name__ == '__main__':
    sys.exit(main())
