-- 0008-integrity.sql — a verify that sees everything (issue 10, DESIGN.md §4)
--
-- 1. Chain format factures-chain-v2. Every issued document records the version of the canonical
--    text its hash was computed from (chain_version): 1 for the documents issued before this
--    migration (their hashes are kept as they are), 2 for the later ones, whose canonical text
--    also holds the client reference (client_id, client_name) and the state of the number series
--    at the issue (series_name, series_counter: the series' next counter after the issue,
--    series_date: its last issued date after the issue). See document_canonical_text() in
--    factures-store.c: a later column of an issued document bumps the version there.
--
-- 2. Append-only history. events, payments, payment_allocations and the new tables below refuse
--    UPDATE and DELETE. A payment is never erased: it is cancelled by a reversing entry (date,
--    reason) that the livre des recettes shows as a negative line on that date, and balances no
--    longer count it. The payment of an imported sale (paid_* columns of 0007, set by UPDATE)
--    becomes a row of imported_payments, cancelled the same way; the paid_* columns are copied
--    there, cleared, and never written or read again.
--
-- 3. The journal. Every row added to those tables is copied, as a canonical text, into the
--    journal (seq 1, 2, … in the order rows were added) by the triggers below. factures --verify
--    compares each row with its copy: a row edited, deleted or added behind the app's back is
--    named. Deleting the last rows together with their journal entries is seen by comparing
--    with a witness (the chain head written into every backup and export: --verify --against).

-- ---- 1. the chain version and the series state of issued documents ----

ALTER TABLE documents ADD COLUMN chain_version INTEGER CHECK (chain_version IS NULL OR chain_version IN (1, 2));
ALTER TABLE documents ADD COLUMN series_name TEXT;
ALTER TABLE documents ADD COLUMN series_counter INTEGER;
ALTER TABLE documents ADD COLUMN series_date TEXT;

-- Issued documents are immutable: the trigger is lifted for this one statement only.
DROP TRIGGER documents_issued_no_update;
UPDATE documents SET chain_version = 1 WHERE status = 1;
CREATE TRIGGER documents_issued_no_update BEFORE UPDATE ON documents
  WHEN OLD.status = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

-- An issued document without a chain version would escape the verify.
CREATE TRIGGER documents_issued_chain_version BEFORE UPDATE OF status ON documents
  WHEN NEW.status = 1 AND NEW.chain_version IS NULL
BEGIN
  SELECT RAISE (ABORT, 'an issued document records its chain version');
END;

-- ---- 2. reversals and the payments of imported sales ----

-- A payment cancelled: on @date, for @reason. At most one per payment.
CREATE TABLE payment_reversals (
  id          INTEGER PRIMARY KEY,
  payment_id  INTEGER NOT NULL UNIQUE REFERENCES payments (id),
  date        TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (reason <> '')
);

-- A payment of an imported sale (method: the codes of payments.method; amount in EUR cents).
CREATE TABLE imported_payments (
  id          INTEGER PRIMARY KEY,
  invoice_id  INTEGER NOT NULL REFERENCES imported_invoices (id),
  date        TEXT NOT NULL,
  method      INTEGER NOT NULL CHECK (method BETWEEN 0 AND 5),
  amount      INTEGER NOT NULL CHECK (amount > 0),
  reference   TEXT
);

CREATE INDEX imported_payments_invoice ON imported_payments (invoice_id);
CREATE INDEX imported_payments_date ON imported_payments (date);

CREATE TABLE imported_payment_reversals (
  id                   INTEGER PRIMARY KEY,
  imported_payment_id  INTEGER NOT NULL UNIQUE REFERENCES imported_payments (id),
  date                 TEXT NOT NULL,
  reason               TEXT NOT NULL CHECK (reason <> '')
);

INSERT INTO imported_payments (invoice_id, date, method, amount, reference)
  SELECT id, paid_on, paid_method, paid_amount, paid_reference FROM imported_invoices
  WHERE direction = 'sale' AND paid_on IS NOT NULL AND paid_method IS NOT NULL AND paid_amount IS NOT NULL
  ORDER BY id;
UPDATE imported_invoices SET paid_on = NULL, paid_method = NULL, paid_amount = NULL, paid_reference = NULL
  WHERE paid_on IS NOT NULL OR paid_method IS NOT NULL OR paid_amount IS NOT NULL OR paid_reference IS NOT NULL;

DROP TRIGGER imported_invoices_payment_whole;
DROP TRIGGER imported_invoices_payment_not_edited;
CREATE TRIGGER imported_invoices_payment_moved
BEFORE UPDATE OF paid_on, paid_method, paid_amount, paid_reference ON imported_invoices
BEGIN
  SELECT RAISE (ABORT, 'the payment of an imported sale is a row of imported_payments');
END;

-- The allocations that count: those of payments not cancelled, and applied client credit.
CREATE VIEW live_payment_allocations AS
SELECT a.id, a.payment_id, a.client_id, a.document_id, a.date, a.amount
FROM payment_allocations a
WHERE a.payment_id IS NULL
   OR NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = a.payment_id);

-- 0004's view, on the allocations that count.
DROP VIEW invoice_paid_dates;
CREATE VIEW invoice_paid_dates AS
SELECT document_id, min (date) AS paid_date
FROM (SELECT a.document_id, a.date,
             sum (a.amount) OVER (PARTITION BY a.document_id ORDER BY a.date, a.id) AS cumulative,
             d.amount_due - (SELECT coalesce (sum (c.gross_total), 0) FROM document_links l
                             JOIN documents c ON c.id = l.document_id
                             WHERE l.role = 'invoice' AND l.target_id = d.id AND c.status = 1) AS due
      FROM live_payment_allocations a
      JOIN documents d ON d.id = a.document_id
      WHERE d.status = 1 AND d.kind IN (380, 386))
WHERE cumulative >= due
GROUP BY document_id;

-- ---- 3. the journal ----

-- The canonical text of every row of the append-only tables: quote() of each column, in
-- order, separated by commas (quote() makes it unambiguous). A column added later to one of
-- these tables is added here too (and the view recreated).
CREATE VIEW journal_rows AS
SELECT 'events' AS tbl, id AS row_id,
       quote (id) || ',' || quote (document_id) || ',' || quote (kind) || ',' || quote (date) || ','
       || quote (data) AS canonical
FROM events
UNION ALL
SELECT 'payments', id,
       quote (id) || ',' || quote (client_id) || ',' || quote (date) || ',' || quote (amount) || ','
       || quote (method) || ',' || quote (reference) || ',' || quote (payer) || ','
       || quote (payer_non_resident) || ',' || quote (notes) || ',' || quote (credit)
FROM payments
UNION ALL
SELECT 'payment_allocations', id,
       quote (id) || ',' || quote (payment_id) || ',' || quote (client_id) || ',' || quote (document_id)
       || ',' || quote (date) || ',' || quote (amount)
FROM payment_allocations
UNION ALL
SELECT 'payment_reversals', id,
       quote (id) || ',' || quote (payment_id) || ',' || quote (date) || ',' || quote (reason)
FROM payment_reversals
UNION ALL
SELECT 'imported_payments', id,
       quote (id) || ',' || quote (invoice_id) || ',' || quote (date) || ',' || quote (method) || ','
       || quote (amount) || ',' || quote (reference)
FROM imported_payments
UNION ALL
SELECT 'imported_payment_reversals', id,
       quote (id) || ',' || quote (imported_payment_id) || ',' || quote (date) || ',' || quote (reason)
FROM imported_payment_reversals;

-- ref: what the row is about, for the messages of the verify (a document or invoice number).
CREATE TABLE journal (
  seq        INTEGER PRIMARY KEY,
  tbl        TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  canonical  TEXT NOT NULL,
  ref        TEXT,
  UNIQUE (tbl, row_id)
);

-- The rows already there, in table order then id order.
INSERT INTO journal (tbl, row_id, canonical, ref)
SELECT r.tbl, r.row_id, r.canonical,
       CASE r.tbl
         WHEN 'events' THEN (SELECT d.number FROM events e JOIN documents d ON d.id = e.document_id
                             WHERE e.id = r.row_id)
         WHEN 'payment_allocations' THEN (SELECT d.number FROM payment_allocations a
                                          JOIN documents d ON d.id = a.document_id WHERE a.id = r.row_id)
         WHEN 'imported_payments' THEN (SELECT i.number FROM imported_payments p
                                        JOIN imported_invoices i ON i.id = p.invoice_id WHERE p.id = r.row_id)
       END
FROM journal_rows r
ORDER BY CASE r.tbl WHEN 'events' THEN 1 WHEN 'payments' THEN 2 WHEN 'payment_allocations' THEN 3
                    WHEN 'payment_reversals' THEN 4 WHEN 'imported_payments' THEN 5 ELSE 6 END,
         r.row_id;

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
  SELECT RAISE (ABORT, 'the journal is append-only');
END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
  SELECT RAISE (ABORT, 'the journal is append-only');
END;

CREATE TRIGGER events_journal AFTER INSERT ON events
BEGIN
  INSERT INTO journal (tbl, row_id, canonical, ref)
    SELECT tbl, row_id, canonical, (SELECT number FROM documents WHERE id = NEW.document_id)
    FROM journal_rows WHERE tbl = 'events' AND row_id = NEW.id;
END;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;

CREATE TRIGGER payments_journal AFTER INSERT ON payments
BEGIN
  INSERT INTO journal (tbl, row_id, canonical)
    SELECT tbl, row_id, canonical FROM journal_rows WHERE tbl = 'payments' AND row_id = NEW.id;
END;
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;

CREATE TRIGGER payment_allocations_journal AFTER INSERT ON payment_allocations
BEGIN
  INSERT INTO journal (tbl, row_id, canonical, ref)
    SELECT tbl, row_id, canonical, (SELECT number FROM documents WHERE id = NEW.document_id)
    FROM journal_rows WHERE tbl = 'payment_allocations' AND row_id = NEW.id;
END;
CREATE TRIGGER payment_allocations_no_update BEFORE UPDATE ON payment_allocations
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER payment_allocations_no_delete BEFORE DELETE ON payment_allocations
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;

CREATE TRIGGER payment_reversals_journal AFTER INSERT ON payment_reversals
BEGIN
  INSERT INTO journal (tbl, row_id, canonical)
    SELECT tbl, row_id, canonical FROM journal_rows WHERE tbl = 'payment_reversals' AND row_id = NEW.id;
END;
CREATE TRIGGER payment_reversals_no_update BEFORE UPDATE ON payment_reversals
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER payment_reversals_no_delete BEFORE DELETE ON payment_reversals
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;

CREATE TRIGGER imported_payments_journal AFTER INSERT ON imported_payments
BEGIN
  INSERT INTO journal (tbl, row_id, canonical, ref)
    SELECT tbl, row_id, canonical, (SELECT number FROM imported_invoices WHERE id = NEW.invoice_id)
    FROM journal_rows WHERE tbl = 'imported_payments' AND row_id = NEW.id;
END;
CREATE TRIGGER imported_payments_no_update BEFORE UPDATE ON imported_payments
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER imported_payments_no_delete BEFORE DELETE ON imported_payments
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;

CREATE TRIGGER imported_payment_reversals_journal AFTER INSERT ON imported_payment_reversals
BEGIN
  INSERT INTO journal (tbl, row_id, canonical)
    SELECT tbl, row_id, canonical FROM journal_rows
    WHERE tbl = 'imported_payment_reversals' AND row_id = NEW.id;
END;
CREATE TRIGGER imported_payment_reversals_no_update BEFORE UPDATE ON imported_payment_reversals
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER imported_payment_reversals_no_delete BEFORE DELETE ON imported_payment_reversals
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
