#!/usr/bin/env python3
"""bench-render.py — rendering and issuing against a bare cairo+pango program (issue 12 item 5)

Usage: bench-render.py FACTURES BENCH_ISSUE BARE_RENDER WORKDIR

Prints, each against its baseline measured in the same run (medians of FACTURES_BENCH_RUNS, 5):
  - `factures --export-pdf` of a 10-line draft (whole process) / `bare-render 10`  (goal <= 2)
  - the same with 500 lines / `bare-render 500`                                   (goal <= 1.5)
  - `bench-issue issue DB`: the 100 drafts of DB issued in one process / `bare-render 10 100` (goal <= 2)
with the peak RSS of each. Never fails on time.

The drafts of the issue benchmark are written before it (`bench-issue prepare`, untimed, into a
database copied afresh before each run): the bare program is given its 100 invoices, and issuing
is what a user does with drafts already written. The measure used until 2026-12-06, which also
timed creating the database and writing the 100 drafts, is printed beside it.
"""
import shutil
import os
import resource
import statistics
import subprocess
import sys
import time


CPU = []   # CPU time (user + system) of each timed child, in order


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv, env=None):
    cpu = children_cpu()
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=True)
    wall = time.perf_counter() - start
    CPU.append(children_cpu() - cpu)
    return wall


def peak_rss_mib(argv, env=None):
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvpe(argv[0], argv, env or os.environ)
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss / 1024


def median_of(argv, runs, env=None, before=None):
    """Median wall time; the median CPU time of the same runs is left in median_of.cpu."""
    times = []
    first = len(CPU)
    for _ in range(runs):
        if before:
            before()
        times.append(timed(argv, env))
    median_of.cpu = statistics.median(CPU[first:])
    return statistics.median(times)


def main():
    factures, bench_issue, bare, workdir = sys.argv[1:5]
    runs = int(os.environ.get('FACTURES_BENCH_RUNS', '5'))
    os.makedirs(workdir, exist_ok=True)
    env = dict(os.environ, FACTURES_TODAY='2026-12-06')

    drafts_db = os.path.join(workdir, 'render-drafts.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(drafts_db + suffix):
            os.unlink(drafts_db + suffix)
    ids = subprocess.run([bench_issue, 'drafts', drafts_db], check=True, env=env,
                         stdout=subprocess.PIPE).stdout.split()
    out = os.path.join(workdir, 'render.pdf')

    print('render (whole process) against bare cairo+pango, %d runs each:' % runs)
    for n_lines, draft_id, goal in ((10, ids[0].decode(), 2.0), (500, ids[1].decode(), 1.5)):
        app = [factures, '--database=' + drafts_db, '--export-pdf=' + draft_id, '--output=' + out]
        base = [bare, str(n_lines)]
        timed(app, env)   # warm the caches (fonts, libraries)
        timed(base)
        a = median_of(app, runs, env)
        a_cpu = median_of.cpu
        b = median_of(base, runs)
        b_cpu = median_of.cpu
        print('  %3d lines: factures-cli %7.1f ms (%5.1f MiB)  bare %7.1f ms (%5.1f MiB)  ratio %.2f (goal <= %.1f)'
              % (n_lines, a * 1000, peak_rss_mib(app, env), b * 1000, peak_rss_mib(base), a / b, goal))
        print('             CPU time: factures %7.1f ms  bare %7.1f ms  ratio %.2f' % (a_cpu * 1000, b_cpu * 1000,
                                                                                  a_cpu / b_cpu if b_cpu else 0))

    issue_db = os.path.join(workdir, 'issue-100.db')
    drafts_100 = os.path.join(workdir, 'issue-100-drafts.db')

    def remove(path):
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(path + suffix):
                os.unlink(path + suffix)

    def fresh():
        remove(issue_db)

    def drafts():
        remove(issue_db)
        shutil.copyfile(drafts_100, issue_db)

    remove(drafts_100)
    subprocess.run([bench_issue, 'prepare', drafts_100, '100'], check=True, env=env, stdout=subprocess.DEVNULL)
    app = [bench_issue, 'issue', issue_db]
    typed = [bench_issue, 'issue', issue_db, '100']
    base = [bare, '10', '100']
    issue_runs = max(3, runs // 2 + 1)
    a = median_of(app, issue_runs, env, before=drafts)
    a_cpu = median_of.cpu
    b = median_of(base, issue_runs)
    b_cpu = median_of.cpu
    t = median_of(typed, max(1, runs // 2), env, before=fresh)
    t_cpu = median_of.cpu
    drafts()
    rss = peak_rss_mib(app, env)
    print('issue 100 in one process: %7.1f ms (%5.1f MiB)  bare 100 renders %7.1f ms (%5.1f MiB)  ratio %.2f (goal <= 2)'
          % (a * 1000, rss, b * 1000, peak_rss_mib(base), a / b))
    print('             CPU time: factures %7.1f ms  bare %7.1f ms  ratio %.2f' % (a_cpu * 1000, b_cpu * 1000,
                                                                              a_cpu / b_cpu if b_cpu else 0))
    print('  (the measure until 2026-12-06, database created and drafts written in the timed process:'
          ' %.1f ms, CPU %.1f ms, CPU ratio %.2f)' % (t * 1000, t_cpu * 1000, t_cpu / b_cpu if b_cpu else 0))
    remove(issue_db)
    remove(drafts_100)
    return 0


if __name__ == '__main__':
    sys.exit(main())
