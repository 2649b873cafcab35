#!/usr/bin/env python3
"""make-fixture.py — the benchmark database of issue 12 (tests/bench/)

Usage: make-fixture.py FACTURES DB [--documents N] [--overdue N] [--today YYYY-MM-DD]

The schema is made by Factures itself (FACTURES --import-json of a profile), then the rows are
written with SQL in the proportions of the issue: N documents over N/10 clients, 90 % issued
invoices (the rest drafts), a stored original of real size (48 KB of incompressible bytes, the
size of a one-page invoice with its embedded fonts and Factur-X XML) for each issued one,
payments settling every issued invoice except the open ones, of which --overdue are past due
(341 per 100,000 by default, as measured in the issue; 5,000 for the window's worst case).
The summary table of migration 0010 is filled by its triggers as the rows go in; the next
dunning steps it keeps (migration 0012) are computed by a last writable open (--run-recurring,
nothing to run). The hash chain is not computed: the benchmarks read, they never --verify.

2,000 documents (CI's smoke test) take a few seconds and ~100 MB; 100,000 take ~5 GB and
several minutes: build them on demand (meson test --benchmark with
FACTURES_BENCH_DOCUMENTS=100000), never in CI.
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

PDF_SIZE = 48 * 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('factures')
    parser.add_argument('db')
    parser.add_argument('--documents', type=int, default=2000)
    parser.add_argument('--overdue', type=int, default=None)
    parser.add_argument('--today', default='2026-12-06')
    args = parser.parse_args()
    n_docs = args.documents
    n_clients = max(10, n_docs // 10)
    n_overdue = args.overdue if args.overdue is not None else max(1, n_docs * 341 // 100000)

    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(args.db + suffix):
            os.unlink(args.db + suffix)
    profile = {'format': 'factures', 'version': 1, 'profile': {
        'name': 'Camille Martin EI', 'address': '12 rue des Lilas', 'postal_code': '69003',
        'city': 'Lyon', 'country_code': 'FR', 'siren': '732829320', 'email': 'camille@example.org',
        'registry': 0, 'activity': 0, 'vat_regime': 0, 'terms_kind': 1, 'terms_days': 30,
        'eom_method': 0, 'penalty_rate_bp': 0},
        'clients': [], 'documents': [], 'series': [], 'catalogue': [], 'recurring': []}
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump(profile, f)
    try:
        subprocess.run([args.factures, '--database=' + args.db, '--import-json=' + f.name],
                       check=True, env=dict(os.environ, FACTURES_TODAY=args.today))
    finally:
        os.unlink(f.name)

    db = sqlite3.connect(args.db)
    db.create_function('factures_fold', 1, lambda s: (s or '').lower(), deterministic=True)
    db.execute('PRAGMA synchronous = OFF')
    with db:
        db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO clients (id, name, city, email, category, name_key, city_key, search_key) "
            "SELECT i, 'Client ' || printf ('%05d', (i * 7919) % 100000), 'Ville ' || (i % 97), "
            "'compta' || i || '@example.com', i % 4, "
            "'client ' || printf ('%05d', (i * 7919) % 100000), 'ville ' || (i % 97), "
            "'client ' || printf ('%05d', (i * 7919) % 100000) FROM n", (n_clients,))
        # documents: every tenth a draft; issue dates over ten years, due 30 days later
        db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO documents (id, kind, status, number, issue_date, due_date, client_id, client_name, "
            "  seller, buyer, net_total, gross_total, amount_due, pdf_sha256, chain_seq, hash, "
            "  chain_version, client_key, search_key) "
            "SELECT i, 380, 0, NULL, date (?2, '-3650 days', '+' || (i * 3650 / ?1) || ' days'), "
            "  date (?2, '-3620 days', '+' || (i * 3650 / ?1) || ' days'), "
            "  1 + i % ?3, c.name, '{}', '{}', 10000 + (i * 104729) % 500000, "
            "  10000 + (i * 104729) % 500000, 10000 + (i * 104729) % 500000, NULL, NULL, NULL, NULL, "
            "  c.name_key, c.name_key "
            "FROM n JOIN clients c ON c.id = 1 + i % ?3", (n_docs, args.today, n_clients))
        db.execute("INSERT INTO lines (document_id, position, description, quantity, unit, unit_price, net) "
                   "SELECT id, 1, 'Intervention et déplacement, chantier ' || id, 1000, 'h', gross_total, "
                   "gross_total FROM documents")
        issued = [r[0] for r in db.execute("SELECT id FROM documents WHERE id % 10 <> 0 ORDER BY id")]
        # the stored originals (48 KB each), then the issue (one UPDATE per document, as the app)
        db.executemany("INSERT INTO document_originals (document_id, pdf) VALUES (?, randomblob (?))",
                       [(i, PDF_SIZE) for i in issued])
        db.executemany("UPDATE documents SET status = 1, number = printf ('F%04d-%06d', "
                       "substr (issue_date, 1, 4), ?1), pdf_sha256 = 'x', chain_seq = ?2, hash = 'h' || ?1, "
                       "chain_version = 2, search_key = factures_fold ('F' || ?1 || ' ' || client_name) "
                       "WHERE id = ?1", [(i, seq + 1) for seq, i in enumerate(issued)])
        # open invoices: the last n_overdue issued before today minus 30 days stay unpaid, and the
        # ones not yet due; every other issued invoice is paid in full by one transfer
        past_due = [i for (i,) in db.execute("SELECT id FROM documents WHERE status = 1 AND due_date < ? "
                                             "ORDER BY due_date DESC", (args.today,))]
        unpaid = set(past_due[:n_overdue])
        unpaid.update(i for (i,) in db.execute("SELECT id FROM documents WHERE status = 1 AND due_date >= ?",
                                               (args.today,)))
        paid = [i for i in issued if i not in unpaid]
        db.executemany("INSERT INTO payments (id, client_id, date, amount, method) "
                       "SELECT id, client_id, due_date, amount_due, 1 FROM documents WHERE id = ?",
                       [(i,) for i in paid])
        db.executemany("INSERT INTO payment_allocations (payment_id, client_id, document_id, date, amount) "
                       "SELECT id, client_id, id, due_date, amount_due FROM documents WHERE id = ?",
                       [(i,) for i in paid])
    db.execute('ANALYZE')
    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    db.close()
    # the next dunning steps (migration 0012) that the triggers marked stale are computed by
    # the store's first writable open, as after a migration: a command that opens for writing
    subprocess.run([args.factures, '--database=' + args.db, '--run-recurring'], check=True,
                   stdout=subprocess.DEVNULL, env=dict(os.environ, FACTURES_TODAY=args.today))
    # the full-text index written row by row by the triggers (300,000 writes in one transaction)
    # holds half again as many blocks as the one migration 0012 builds in one pass for an
    # existing database: merged into one, as that one is
    db = sqlite3.connect(args.db)
    db.execute("INSERT INTO document_search (document_search) VALUES ('optimize')")
    db.commit()
    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    db.close()
    print('%s: %d documents, %d clients, %d overdue' % (args.db, n_docs, n_clients, n_overdue),
          file=sys.stderr)


if __name__ == '__main__':
    main()
