#!/usr/bin/env python3
# test-cli-kill.py FACTURES --kill=N [--seed=S] | --concurrent=N — crash safety (issue 10 item 4)
#
# --kill=N: N runs; each takes a fresh copy of a database holding a profile, clients, drafts,
# issued invoices, an imported sale and a recurring template that issues automatically today,
# runs one writing command picked at random (--run-recurring, --issue, --import-json,
# --import-facturx, --record-payment, --imported-paid, --delete-draft) and SIGKILLs it after a
# random delay (from 0 to a little more than the command's own duration, so that some runs
# finish). Then, whatever happened:
#   - --verify passes and SQLite's integrity_check says ok;
#   - a command that printed success (exit 0) left its whole effect (acknowledged = kept);
#   - a killed command left all of its effect or none of it: no silent draft of an automatic
#     recurring invoice (an occurrence dated today whose draft is neither issued nor flagged
#     with a reason), no client of an import without its draft, no half payment.
# --only=NAME limits the runs to one command (e.g. run-recurring).
# --concurrent=N: two processes issue N drafts each with --issue at the same time: the 2N
# numbers are distinct and consecutive (F2026-0001 … ), every run printed its number, and
# --verify passes.
#
# --lock-timeout: a lock held for more than 30 s: the command waits 30 s, says so once, then
# stops with a French message, having written nothing.
# The normal suite runs --kill=20 and --concurrent=50; the benchmark (meson benchmark, a long
# run) --kill=400, --concurrent=500 and --lock-timeout.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

TODAY = '2026-04-15'
ENV = dict(os.environ, FACTURES_TODAY=TODAY, LANGUAGE='C', LC_ALL='C.UTF-8')

PROFILE = {
    "name": "Camille Martin EI", "address": "12 rue des Lilas", "postal_code": "69003",
    "city": "Lyon", "country_code": "FR", "siren": "732829320", "siret": None, "vat_id": None,
    "email": "camille@example.org", "phone": None, "registry": 0, "registry_city": None,
    "activity": 0, "vat_regime": 0, "iban": None, "bic": None, "terms_kind": 1, "terms_days": 30,
    "eom_method": 0, "penalty_rate_bp": 0, "insurance": None, "logo": None}


def client(cid, name, siren, vat_id=None):
    return {"id": cid, "name": name, "address": "3 avenue Foch", "postal_code": "75016",
            "city": "Paris", "country_code": "FR", "siren": siren, "siret": None,
            "vat_id": vat_id, "email": "compta@example.com", "phone": None, "category": 1,
            "has_terms": 0, "terms_kind": 0, "terms_days": 0, "notes": None}


def draft(did, cid, name, date=TODAY):
    return {"id": did, "kind": 380, "status": 0, "number": None, "issue_date": date,
            "delivery_date": None, "due_date": None, "terms_kind": 0, "terms_days": 0,
            "client_id": cid, "client_name": name, "seller": None, "buyer": None, "allowance": 0,
            "net_total": 24000, "vat_total": 0, "gross_total": 24000, "amount_due": 24000,
            "notes": None, "purchase_order": None, "pdf": None, "pdf_sha256": None,
            "chain_seq": None, "prev_hash": None, "hash": None,
            "lines": [{"position": 1, "description": "Atelier de réparation", "quantity": 20000,
                       "unit": "h", "unit_price": 120000000, "vat_rate_bp": 0, "allowance": 0,
                       "net": 24000}],
            "events": [], "links": []}


def database_json(profile, clients, drafts, series=None, recurring=None):
    return {"format": "factures", "version": 1, "profile": profile, "clients": clients,
            "documents": drafts, "series": series or [], "catalogue": [],
            "recurring": recurring or []}


class Harness:
    def __init__(self, factures, tmp):
        self.factures = factures
        self.tmp = tmp
        self.failures = 0

    def run(self, db, *args, check=True):
        p = subprocess.run([self.factures, '--database=' + db] + list(args), env=ENV,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if check and p.returncode != 0:
            raise RuntimeError('factures %s: %s' % (' '.join(args), p.stderr.strip()))
        return p

    def write_json(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, 'w') as f:
            json.dump(data, f, ensure_ascii=False)
        return path

    def fail(self, message):
        print('FAIL: ' + message)
        self.failures += 1


def query(db, sql, *params):
    with sqlite3.connect('file:%s?mode=ro' % db, uri=True) as c:
        return c.execute(sql, params).fetchall()


def scalar(db, sql, *params):
    return query(db, sql, *params)[0][0]


# ---- the database every kill run starts from ----

def make_base(h):
    t = h.tmp
    # Another business's invoice to us (a purchase), and one of our own sales numbered in
    # another tool (H2026-0001), both as Factur-X files made by Factures itself.
    supplier = dict(PROFILE, name="Paul Fournier EI", siren="443061841")
    other = os.path.join(t, 'supplier.db')
    h.run(other, '--import-json=' + h.write_json('supplier.json', database_json(
        supplier, [client(1, "Camille Martin EI", "732829320")], [draft(1, 1, "Camille Martin EI")])))
    h.run(other, '--issue=1', '--yes')
    h.run(other, '--export-facturx=F2026-0001', '--output=' + os.path.join(t, 'purchase.pdf'))
    own = os.path.join(t, 'own.db')
    h.run(own, '--import-json=' + h.write_json('own.json', database_json(
        PROFILE, [client(1, "ACME SAS", "552081317", "FR03552081317")], [draft(1, 1, "ACME SAS")],
        series=[{"name": "invoice", "pattern": "H{YYYY}-{NNNN}", "next_counter": 1,
                 "last_issued_date": None, "yearly_reset": 0}])))
    h.run(own, '--issue=1', '--yes')
    h.run(own, '--export-facturx=H2026-0001', '--output=' + os.path.join(t, 'own-sale.pdf'))

    base = os.path.join(t, 'base-work.db')
    drafts = [draft(i, 1, "ACME SAS") for i in range(1, 9)]
    recurring = [{"id": 1, "client_id": 1, "period": 1, "start_date": TODAY, "next_date": TODAY,
                  "end_date": None, "auto_issue": 1, "allowance": 0, "notes": None,
                  "lines": [{"position": 1, "description": "Maintenance mensuelle", "quantity": 10000,
                             "unit": "mois", "unit_price": 150000000, "vat_rate_bp": 0,
                             "allowance": 0}]}]
    h.run(base, '--import-json=' + h.write_json('base.json', database_json(
        PROFILE, [client(1, "ACME SAS", "552081317", "FR03552081317")], drafts,
        recurring=recurring)))
    h.run(base, '--issue=1', '--yes')    # F2026-0001
    h.run(base, '--issue=2', '--yes')    # F2026-0002
    h.run(base, '--import-facturx=' + os.path.join(t, 'own-sale.pdf'))
    h.write_json('add.json', database_json(
        PROFILE, [client(1, "Kill Test SARL", "383474814", "FR89383474814")],
        [draft(1, 1, "Kill Test SARL")]))
    # A clean single-file copy (no -wal) that each run copies.
    clean = os.path.join(t, 'base.db')
    h.run(base, '--backup=' + clean)
    return clean


def receipts_lines(h, db, number):
    out = h.run(db, '--receipts', '--year=2026').stdout
    return sum(1 for line in out.splitlines() if number in line.split('\t')[1:2])


def draft_ids(db):
    return [r[0] for r in query(db, "SELECT id FROM documents WHERE status = 0 ORDER BY id")]


# ---- one command: (arguments, a check after an acknowledged run, a check after any run) ----

def commands(h, db):
    t = h.tmp
    drafts = draft_ids(db)
    before = {
        'clients': scalar(db, "SELECT count(*) FROM clients"),
        'documents': scalar(db, "SELECT count(*) FROM documents"),
        'imported': scalar(db, "SELECT count(*) FROM imported_invoices"),
        'paid': receipts_lines(h, db, 'F2026-0001'),
        'imported_paid': receipts_lines(h, db, 'H2026-0001'),
    }
    issue_id = drafts[-1]
    delete_id = drafts[0]

    def acked_recurring(out):
        rows = query(db, "SELECT d.status FROM recurring_occurrences o JOIN documents d "
                         "ON d.id = o.document_id WHERE o.occurrence_date = ?", TODAY)
        return rows == [(1,)]

    def acked_issue(out):
        return query(db, "SELECT status, number FROM documents WHERE id = ?", issue_id) == \
            [(1, out.strip())]

    def all_or_nothing_import():
        c = scalar(db, "SELECT count(*) FROM clients WHERE name = 'Kill Test SARL'")
        d = scalar(db, "SELECT count(*) FROM documents") - before['documents']
        return (c, d) in ((0, 0), (1, 1))

    return {
        'run-recurring': (['--run-recurring'], acked_recurring, lambda: True),
        'issue': (['--issue=%d' % issue_id, '--yes'], acked_issue,
                  lambda: scalar(db, "SELECT status FROM documents WHERE id = ?", issue_id) in (0, 1)),
        'import-json': (['--import-json=' + os.path.join(t, 'add.json')],
                        lambda out: scalar(db, "SELECT count(*) FROM clients WHERE name = 'Kill Test SARL'") == 1,
                        all_or_nothing_import),
        'import-facturx': (['--import-facturx=' + os.path.join(t, 'purchase.pdf')],
                           lambda out: scalar(db, "SELECT count(*) FROM imported_invoices") == before['imported'] + 1,
                           lambda: scalar(db, "SELECT count(*) FROM imported_invoices") - before['imported'] in (0, 1)),
        # (dated before the invoice: a warning, which stops the command without --yes, trial 5 finding 4)
        'record-payment': (['--record-payment=F2026-0001', '--date=2026-04-10', '--method=virement',
                            '--amount=100', '--yes'],
                           lambda out: receipts_lines(h, db, 'F2026-0001') == before['paid'] + 1,
                           lambda: receipts_lines(h, db, 'F2026-0001') - before['paid'] in (0, 1)),
        'imported-paid': (['--imported-paid=H2026-0001', '--date=2026-04-10', '--method=cheque', '--reference=1234567'],
                          lambda out: receipts_lines(h, db, 'H2026-0001') == before['imported_paid'] + 1,
                          lambda: receipts_lines(h, db, 'H2026-0001') - before['imported_paid'] in (0, 1)),
        'delete-draft': (['--delete-draft=%d' % delete_id],
                         lambda out: scalar(db, "SELECT count(*) FROM documents WHERE id = ?", delete_id) == 0,
                         lambda: True),
    }


def silent_drafts(db):
    """Occurrences of today's automatic template left as a draft with no reason given."""
    return scalar(db, "SELECT count(*) FROM recurring_occurrences o JOIN recurring_templates t "
                      "ON t.id = o.template_id JOIN documents d ON d.id = o.document_id "
                      "WHERE t.auto_issue = 1 AND o.occurrence_date = ? AND d.status = 0 "
                      "AND o.issue_error IS NULL", TODAY)


def check_after(h, db, name, label):
    p = h.run(db, '--verify', check=False)
    if p.returncode != 0:
        h.fail('%s: --verify after the kill: %s' % (label, p.stderr.strip()))
    if scalar(db, "PRAGMA integrity_check") != 'ok':
        h.fail('%s: integrity_check' % label)
    if silent_drafts(db) != 0:
        h.fail('%s: a silent draft of an automatic recurring invoice was left' % label)


def kill_runs(h, runs, seed, only=None):
    rng = random.Random(seed)
    base = make_base(h)
    names = sorted(commands(h, base).keys())
    if only:
        names = [only]
    # How long each command takes here, to spread the kills over its life.
    durations = {}
    for name in names:
        db = os.path.join(h.tmp, 'time.db')
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        shutil.copy(base, db)
        args = commands(h, db)[name][0]
        start = time.monotonic()
        p = h.run(db, *args, check=False)
        durations[name] = time.monotonic() - start
        if p.returncode != 0:
            h.fail('%s does not succeed on the base database: %s' % (name, p.stderr.strip()))
    killed = finished = 0
    for i in range(runs):
        name = names[i % len(names)] if i < len(names) else rng.choice(names)
        label = 'run %d (%s, seed %d)' % (i, name, seed)
        db = os.path.join(h.tmp, 'run.db')
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        shutil.copy(base, db)
        args, acked_check, any_check = commands(h, db)[name]
        delay = rng.uniform(0, durations[name] * 1.2)
        proc = subprocess.Popen([h.factures, '--database=' + db] + args, env=ENV,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, err = proc.communicate(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        if proc.returncode == 0:
            finished += 1
            if not acked_check(out):
                h.fail('%s: printed success (%r) but its write is not in the database' % (label, out.strip()))
        elif proc.returncode == -9:
            killed += 1
        else:
            h.fail('%s: exit %d: %s' % (label, proc.returncode, err.strip()))
        if not any_check():
            h.fail('%s: half done' % label)
        check_after(h, db, name, label)
    print('ok: %d runs, %d killed, %d finished, seed %d' % (runs, killed, finished, seed))


def concurrent(h, n):
    db = os.path.join(h.tmp, 'concurrent.db')
    drafts = [draft(i, 1, "ACME SAS") for i in range(1, 2 * n + 1)]
    h.run(db, '--import-json=' + h.write_json('concurrent.json', database_json(
        PROFILE, [client(1, "ACME SAS", "552081317", "FR03552081317")], drafts)))
    ids = draft_ids(db)
    halves = [ids[0::2], ids[1::2]]
    numbers = [[], []]
    errors = []

    def worker(k):
        for did in halves[k]:
            p = h.run(db, '--issue=%d' % did, '--yes', check=False)
            if p.returncode != 0:
                errors.append('--issue=%d: %s' % (did, p.stderr.strip()))
            else:
                numbers[k].append(p.stdout.strip())

    threads = [threading.Thread(target=worker, args=(k,)) for k in (0, 1)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for e in errors[:5]:
        h.fail(e)
    got = sorted(numbers[0] + numbers[1])
    want = ['F2026-%04d' % i for i in range(1, 2 * n + 1)]
    if got != want:
        missing = sorted(set(want) - set(got))[:5]
        h.fail('numbers are not %s … %s: %d printed, %d distinct, missing %s' %
               (want[0], want[-1], len(got), len(set(got)), missing))
    stored = [r[0] for r in query(db, "SELECT number FROM documents WHERE status = 1 ORDER BY chain_seq")]
    if sorted(stored) != want:
        h.fail('stored numbers differ from %s … %s' % (want[0], want[-1]))
    p = h.run(db, '--verify', check=False)
    if p.returncode != 0:
        h.fail('--verify after the concurrent issues: ' + p.stderr.strip())
    print('ok: 2 × %d issued at once: %d distinct consecutive numbers' % (n, len(set(got))))


def lock_timeout(h):
    """Another process holds the write lock for longer than the command line waits (30 s):
    the command says once that it waits, then stops with a French message, nothing written."""
    db = os.path.join(h.tmp, 'locked.db')
    h.run(db, '--import-json=' + h.write_json('locked.json', database_json(
        PROFILE, [client(1, "ACME SAS", "552081317", "FR03552081317")], [draft(1, 1, "ACME SAS")])))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    start = time.monotonic()
    p = subprocess.run([h.factures, '--database=' + db, '--issue=1', '--yes'],
                       env=dict(ENV, LANGUAGE='fr'), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    waited = time.monotonic() - start
    holder.execute("ROLLBACK")
    holder.close()
    if p.returncode == 0:
        h.fail('--issue went through a held lock')
    if p.stderr.count('Un autre processus utilise') != 2 or 'locked' in p.stderr:
        h.fail('the wait and the refusal are not said in French, once each: %r' % p.stderr)
    if not 29 <= waited <= 40:
        h.fail('waited %.1f s instead of 30 s' % waited)
    if scalar(db, "SELECT status FROM documents WHERE id = 1") != 0:
        h.fail('the refused --issue wrote')
    print('ok: a lock held for longer than 30 s: refused after %.1f s, in French' % waited)


def main():
    factures = sys.argv[1]
    opts = dict(a[2:].split('=', 1) for a in sys.argv[2:] if a.startswith('--') and '=' in a)
    tmp = tempfile.mkdtemp(prefix='factures-kill-')
    h = Harness(factures, tmp)
    try:
        if 'kill' in opts:
            seed = int(opts.get('seed', os.environ.get('FACTURES_KILL_SEED', int(time.time()))))
            kill_runs(h, int(opts['kill']), seed, opts.get('only'))
        if '--lock-timeout' in sys.argv:
            lock_timeout(h)
        if 'concurrent' in opts:
            concurrent(h, int(opts['concurrent']))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if h.failures:
        print('%d failure(s)' % h.failures)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
