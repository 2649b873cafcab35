#!/usr/bin/env python3
"""bench-window.py — the window at scale against a bare AdwApplicationWindow (issue 12 item 5)

Usage: bench-window.py FACTURES BARE_WINDOW BENCH_WINDOW_UI MAKE_FIXTURE WORKDIR

Builds (or reuses) the fixture of make-fixture.py in WORKDIR with FACTURES_BENCH_DOCUMENTS
documents (2,000 by default: CI's smoke test; 100,000 on demand) and FACTURES_BENCH_OVERDUE
overdue invoices (341 per 100,000 by default; 5,000 for the worst case), or uses
FACTURES_BENCH_DB when set. Then, under the display of the session (Xvfb in the tests):

- first frame: the time from exec to the first frame drawn (the first "after-paint" of the
  window's frame clock, which both programs print with FACTURES_BENCH_FIRST_FRAME=quit) of
  `factures --database=DB` and of bare-window.c, RUNS times each (FACTURES_BENCH_RUNS, 5)
  after a warm-up run, alternately; the medians, their ratio (goal: < 0.5 s and <= 2) and the
  peak RSS of each (goal: Factures <= bare window + 60 MiB);
- renderers: `factures` once with each of GSK_RENDERER=cairo, gl, ngl: it must draw its
  first frame and exit 0 (the issue saw an abort with GL);
- redraw: bench-window-ui --redraw on a copy of the fixture (it writes): the time from a store
  change to the next frame with the overdue view shown, against the same window redrawn
  without a change (goal: < 50 ms).

Prints the figures and ratios; fails only when a program fails, never on time.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

TODAY = '2026-12-06'


def first_frame(argv, env):
    """(seconds to the "first-frame" line, peak RSS in KiB, exit status, CPU seconds) of one run.

    The CPU time (user + system of the process, which quits at its first frame) does not count
    the waits for a CPU that a loaded machine adds to the wall-clock time."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    elapsed = None
    for line in proc.stdout:
        if line.strip() == b'first-frame':
            elapsed = time.perf_counter() - start
            break
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, proc.returncode, usage.ru_utime + usage.ru_stime


def fixture(factures, make_fixture, workdir):
    db = os.environ.get('FACTURES_BENCH_DB')
    if db:
        return db
    n_docs = int(os.environ.get('FACTURES_BENCH_DOCUMENTS', '2000'))
    n_overdue = os.environ.get('FACTURES_BENCH_OVERDUE')
    os.makedirs(workdir, exist_ok=True)
    db = os.path.join(workdir, 'bench-%d%s.db' % (n_docs, '-' + n_overdue if n_overdue else ''))
    if not os.path.exists(db) or os.path.getmtime(db) < os.path.getmtime(factures):
        argv = [sys.executable, make_fixture, factures, db, '--documents', str(n_docs), '--today', TODAY]
        if n_overdue:
            argv += ['--overdue', n_overdue]
        subprocess.run(argv, check=True)
    return db


def main():
    factures, bare, window_ui, make_fixture, workdir = sys.argv[1:6]
    runs = int(os.environ.get('FACTURES_BENCH_RUNS', '5'))
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('needs a display (xvfb-run)')
        return 77
    db = fixture(factures, make_fixture, workdir)
    env = dict(os.environ, FACTURES_TODAY=TODAY, FACTURES_BENCH_FIRST_FRAME='quit', FACTURES_NON_UNIQUE='1',
               FACTURES_NOTIFICATIONS='0')
    app = [factures, '--database=' + db]
    failed = False

    # warm the page cache (and let a first start do its one-time work), then alternate
    for argv in (app, [bare]):
        if first_frame(argv, env)[2] != 0:
            print('%s failed' % argv[0])
            return 1
    app_t, bare_t, app_rss, bare_rss, app_cpu, bare_cpu = [], [], [], [], [], []
    for _ in range(runs):
        for argv, times, rss, cpu in ((app, app_t, app_rss, app_cpu), ([bare], bare_t, bare_rss, bare_cpu)):
            elapsed, kib, code, cpu_s = first_frame(argv, env)
            if elapsed is None or code != 0:
                print('%s: no first frame (exit %d)' % (argv[0], code))
                return 1
            times.append(elapsed)
            rss.append(kib)
            cpu.append(cpu_s)
    a, b = statistics.median(app_t), statistics.median(bare_t)
    ca, cb = statistics.median(app_cpu), statistics.median(bare_cpu)
    ra, rb = max(app_rss) / 1024, max(bare_rss) / 1024
    renderer = os.environ.get('GSK_RENDERER', 'default')
    print('first frame: %s (renderer %s), %d runs' % (os.path.basename(db), renderer, runs))
    print('  factures            %8.1f ms (CPU %6.1f ms)  peak RSS %6.1f MiB' % (a * 1000, ca * 1000, ra))
    print('  bare window         %8.1f ms (CPU %6.1f ms)  peak RSS %6.1f MiB' % (b * 1000, cb * 1000, rb))
    print('  ratio %.2f, CPU ratio %.2f (goal < 0.5 s: %s, <= 2: %s); RSS +%.1f MiB (goal <= +60 MiB: %s)'
          % (a / b, ca / cb, 'yes' if a < 0.5 else 'NO', 'yes' if a / b <= 2 else 'NO', ra - rb,
             'yes' if ra - rb <= 60 else 'NO'))
    print('  load average during the run: %.1f (on %d CPUs)' % (os.getloadavg()[0], os.cpu_count()))

    # every renderer draws the first frame and exits cleanly
    results = []
    for name in ('cairo', 'gl', 'ngl'):
        elapsed, _, code, _ = first_frame(app, dict(env, GSK_RENDERER=name))
        ok = elapsed is not None and code == 0
        failed |= not ok
        results.append('%s %s' % (name, ('%.0f ms' % (elapsed * 1000)) if ok else 'FAILED (exit %d)' % code))
    print('  renderers: ' + ', '.join(results))

    # the redraw after a store change, on a copy (the program writes)
    copy = os.path.join(workdir, 'redraw-copy.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(copy + suffix):
            os.unlink(copy + suffix)
    subprocess.run(['sqlite3', db, '.backup ' + copy], check=True)
    try:
        proc = subprocess.run([window_ui, '--redraw', copy], env={k: v for k, v in env.items() if k != 'FACTURES_BENCH_FIRST_FRAME'},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        sys.stdout.write(proc.stdout.decode())
        if proc.returncode != 0:
            sys.stdout.write(proc.stderr.decode()[-2000:])
            failed = True
    finally:
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(copy + suffix):
                os.unlink(copy + suffix)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
