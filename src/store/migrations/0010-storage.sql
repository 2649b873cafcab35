-- 0010-storage.sql — storage shaped for scale (issue 12 item 1)
--
-- Run by migrate() (factures-store.c) in one transaction, with foreign keys off and
-- legacy_alter_table on, after factures_store_storage_move_originals() (factures-store-storage.c)
-- has created document_originals and copied every stored PDF into it, reporting its progress.
-- Nothing of the original file changes before the COMMIT (WAL).
--
-- 1. The stored originals leave documents: a list or a search never reads a blob again.
--    documents is rebuilt without its pdf column (the 12-step ALTER of sqlite.org/lang_altertable.html);
--    its indexes and triggers are recreated as they were, plus one that refuses to issue a
--    document without its original. The hash chain hashes the SHA-256 of the stored PDF, now
--    read from document_originals (factures-store-issue.c): every hash verifies as before.
-- 2. document_summary: what lists show and sort by and what changes after the issue (the
--    balance, the count of payments), one row per issued invoice, maintained by the triggers
--    below in the transaction that changes it; --verify compares it with a full recomputation
--    (document_summary_computed). Overdue and days late are derived at query time from the
--    balance and the due date, through a partial index on the open invoices.

CREATE TABLE documents_new (
  id             INTEGER PRIMARY KEY,
  kind           INTEGER NOT NULL CHECK (kind IN (0, 380, 381, 386)),
  status         INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1)),
  number         TEXT UNIQUE,
  issue_date     TEXT NOT NULL,
  delivery_date  TEXT,
  due_date       TEXT,
  terms_kind     INTEGER NOT NULL DEFAULT 0,
  terms_days     INTEGER NOT NULL DEFAULT 0,
  client_id      INTEGER REFERENCES clients (id),
  -- buyer name shown in lists: the client's current name for a draft, the snapshot's once issued
  client_name    TEXT,
  -- frozen seller (profile) and buyer (client) details, JSON text, set when issued
  seller         TEXT,
  buyer          TEXT,
  allowance      INTEGER NOT NULL DEFAULT 0,
  -- figures (BG-22): kept current for drafts (lists), frozen once issued
  net_total      INTEGER NOT NULL DEFAULT 0,
  vat_total      INTEGER NOT NULL DEFAULT 0,
  gross_total    INTEGER NOT NULL DEFAULT 0,
  amount_due     INTEGER NOT NULL DEFAULT 0,
  notes          TEXT,
  purchase_order TEXT,
  -- the SHA-256 of the issued PDF (the original itself is in document_originals), the hash chain
  pdf_sha256     TEXT,
  chain_seq      INTEGER UNIQUE,
  prev_hash      TEXT,
  hash           TEXT,
  client_key     TEXT NOT NULL DEFAULT '',
  search_key     TEXT NOT NULL DEFAULT '',
  chain_version  INTEGER CHECK (chain_version IS NULL OR chain_version IN (1, 2)),
  series_name    TEXT,
  series_counter INTEGER,
  series_date    TEXT,
  CHECK (status = 0 OR (number IS NOT NULL AND hash IS NOT NULL AND pdf_sha256 IS NOT NULL
                        AND chain_seq IS NOT NULL AND due_date IS NOT NULL))
);

INSERT INTO documents_new (id, kind, status, number, issue_date, delivery_date, due_date,
                           terms_kind, terms_days, client_id, client_name, seller, buyer, allowance,
                           net_total, vat_total, gross_total, amount_due, notes, purchase_order,
                           pdf_sha256, chain_seq, prev_hash, hash, client_key, search_key,
                           chain_version, series_name, series_counter, series_date)
SELECT id, kind, status, number, issue_date, delivery_date, due_date,
       terms_kind, terms_days, client_id, client_name, seller, buyer, allowance,
       net_total, vat_total, gross_total, amount_due, notes, purchase_order,
       pdf_sha256, chain_seq, prev_hash, hash, client_key, search_key,
       chain_version, series_name, series_counter, series_date
FROM documents;

DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;

CREATE INDEX documents_issue_date ON documents (issue_date);
CREATE INDEX documents_client_key ON documents (client_key);
CREATE INDEX documents_gross_total ON documents (gross_total);
CREATE INDEX documents_due_date ON documents (due_date);
CREATE INDEX documents_client_id ON documents (client_id, status, kind, amount_due);

CREATE TRIGGER documents_issued_no_delete BEFORE DELETE ON documents
  WHEN OLD.status = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER documents_issued_no_update BEFORE UPDATE ON documents
  WHEN OLD.status = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER documents_issued_chain_version BEFORE UPDATE OF status ON documents
  WHEN NEW.status = 1 AND NEW.chain_version IS NULL
BEGIN
  SELECT RAISE (ABORT, 'an issued document records its chain version');
END;

CREATE TRIGGER documents_issued_has_original BEFORE UPDATE OF status ON documents
  WHEN NEW.status = 1 AND NOT EXISTS (SELECT 1 FROM document_originals WHERE document_id = NEW.id)
BEGIN
  SELECT RAISE (ABORT, 'an issued document keeps its original');
END;

-- The originals are written once, when the document is issued (or restored by the import).
CREATE TRIGGER document_originals_no_update BEFORE UPDATE ON document_originals
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER document_originals_no_delete BEFORE DELETE ON document_originals
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

-- ---- the summary ----

-- The full recomputation (what the subqueries of the lists computed before): --verify compares
-- document_summary with it, and the triggers read one row of it.
CREATE VIEW document_summary_computed AS
SELECT d.id AS document_id, d.client_id, d.due_date,
       d.amount_due
       - (SELECT coalesce (sum (c.gross_total), 0) FROM document_links l
          JOIN documents c ON c.id = l.document_id
          WHERE l.role = 'invoice' AND l.target_id = d.id AND c.status = 1)
       - (SELECT coalesce (sum (pa.amount), 0) FROM live_payment_allocations pa
          WHERE pa.document_id = d.id) AS balance,
       (SELECT count (*) FROM live_payment_allocations pa WHERE pa.document_id = d.id) AS n_payments
FROM documents d
WHERE d.status = 1 AND d.kind IN (380, 386);

CREATE TABLE document_summary (
  document_id  INTEGER PRIMARY KEY,   -- documents.id (no foreign key: see document_originals)
  client_id    INTEGER,
  due_date     TEXT NOT NULL,
  balance      INTEGER NOT NULL,
  n_payments   INTEGER NOT NULL DEFAULT 0
);

INSERT INTO document_summary (document_id, client_id, due_date, balance, n_payments)
SELECT document_id, client_id, due_date, balance, n_payments FROM document_summary_computed;

-- The open invoices by due date: "overdue" is "balance > 0 AND due_date < today", at query time.
CREATE INDEX document_summary_open ON document_summary (due_date) WHERE balance > 0;
CREATE INDEX document_summary_client ON document_summary (client_id, balance);

-- Issued (or imported as issued): the invoice gets its row, and the invoices a credit note
-- refers to see their balance change.
CREATE TRIGGER document_summary_issue AFTER UPDATE OF status ON documents
  WHEN NEW.status = 1
BEGIN
  INSERT OR REPLACE INTO document_summary (document_id, client_id, due_date, balance, n_payments)
  SELECT document_id, client_id, due_date, balance, n_payments FROM document_summary_computed
  WHERE document_id = NEW.id;
  UPDATE document_summary
     SET balance = (SELECT balance FROM document_summary_computed c WHERE c.document_id = document_summary.document_id)
   WHERE document_id IN (SELECT target_id FROM document_links WHERE document_id = NEW.id AND role = 'invoice');
END;

CREATE TRIGGER document_summary_insert AFTER INSERT ON documents
  WHEN NEW.status = 1
BEGIN
  INSERT OR REPLACE INTO document_summary (document_id, client_id, due_date, balance, n_payments)
  SELECT document_id, client_id, due_date, balance, n_payments FROM document_summary_computed
  WHERE document_id = NEW.id;
  UPDATE document_summary
     SET balance = (SELECT balance FROM document_summary_computed c WHERE c.document_id = document_summary.document_id)
   WHERE document_id IN (SELECT target_id FROM document_links WHERE document_id = NEW.id AND role = 'invoice');
END;

CREATE TRIGGER document_summary_link AFTER INSERT ON document_links
BEGIN
  UPDATE document_summary
     SET balance = (SELECT balance FROM document_summary_computed c WHERE c.document_id = NEW.target_id)
   WHERE document_id = NEW.target_id;
END;

CREATE TRIGGER document_summary_unlink AFTER DELETE ON document_links
BEGIN
  UPDATE document_summary
     SET balance = (SELECT balance FROM document_summary_computed c WHERE c.document_id = OLD.target_id)
   WHERE document_id = OLD.target_id;
END;

CREATE TRIGGER document_summary_payment AFTER INSERT ON payment_allocations
BEGIN
  UPDATE document_summary
     SET (balance, n_payments) = (SELECT balance, n_payments FROM document_summary_computed c
                                  WHERE c.document_id = NEW.document_id)
   WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER document_summary_reversal AFTER INSERT ON payment_reversals
BEGIN
  UPDATE document_summary
     SET (balance, n_payments) = (SELECT balance, n_payments FROM document_summary_computed c
                                  WHERE c.document_id = document_summary.document_id)
   WHERE document_id IN (SELECT document_id FROM payment_allocations WHERE payment_id = NEW.payment_id);
END;
