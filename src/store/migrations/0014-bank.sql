-- 0014-bank.sql — bank statements and their matches to invoices (issue 16)
--
-- 1. bank_accounts: one row per account a statement was imported for (IBAN, or the bank's own
--    account id), EUR only (the import refuses the others, saying so), with the CSV column
--    mapping last used for it (text written by src/bank/factures-bank-import.c; NULL until a CSV
--    is imported). The mapping is a setting, not history: it may be replaced.
-- 2. bank_transactions: every movement imported, append-only, unique per account and stable id
--    (the bank's FITID / AcctSvcrRef / EndToEndId, or a hash of account, date, amount and label
--    with an occurrence number): importing a file again, or an overlapping period exported again,
--    adds nothing.
-- 3. credit_note_refunds: money paid back to a client for a credit note (an outgoing payment),
--    shown as a negative line of the livre des recettes on its date; cancelled, never erased, by
--    a row of credit_note_refund_reversals (a positive line on the day it was cancelled).
-- 4. bank_matches: what the user decided for a movement, append-only; the latest row counts:
--    1 = paid an invoice (payment_id, fee withheld by the bank in cents), 2 = refunded a credit
--    note (refund_id), 3 = "pas une facture" (no longer proposed), 4 = the previous decision
--    undone (its payment or refund cancelled by the reversing entry).
-- All four history tables are copied into the journal as the tables of 0008-integrity.sql are.

CREATE TABLE bank_accounts (
  id           INTEGER PRIMARY KEY,
  account      TEXT NOT NULL UNIQUE,
  currency     TEXT NOT NULL CHECK (currency = 'EUR'),
  csv_mapping  TEXT
);

CREATE TABLE bank_transactions (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES bank_accounts (id),
  stable_id     TEXT NOT NULL CHECK (stable_id <> ''),
  booking_date  TEXT NOT NULL,
  value_date    TEXT,
  amount        INTEGER NOT NULL,
  label         TEXT NOT NULL,
  counterparty  TEXT,
  reference     TEXT,
  kind          INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 6),
  UNIQUE (account_id, stable_id)
);

CREATE INDEX bank_transactions_date ON bank_transactions (booking_date, id);

CREATE TABLE credit_note_refunds (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id),
  date         TEXT NOT NULL,
  amount       INTEGER NOT NULL CHECK (amount > 0),
  method       INTEGER NOT NULL CHECK (method BETWEEN 0 AND 5),
  reference    TEXT
);

CREATE INDEX credit_note_refunds_document ON credit_note_refunds (document_id);

CREATE TABLE credit_note_refund_reversals (
  id         INTEGER PRIMARY KEY,
  refund_id  INTEGER NOT NULL UNIQUE REFERENCES credit_note_refunds (id),
  date       TEXT NOT NULL,
  reason     TEXT NOT NULL CHECK (reason <> '')
);

CREATE TABLE bank_matches (
  id              INTEGER PRIMARY KEY,
  transaction_id  INTEGER NOT NULL REFERENCES bank_transactions (id),
  action          INTEGER NOT NULL CHECK (action BETWEEN 1 AND 4),
  payment_id      INTEGER REFERENCES payments (id),
  refund_id       INTEGER REFERENCES credit_note_refunds (id),
  fee             INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
  date            TEXT NOT NULL,
  CHECK ((action = 1) = (payment_id IS NOT NULL)),
  CHECK ((action = 2) = (refund_id IS NOT NULL))
);

CREATE INDEX bank_matches_transaction ON bank_matches (transaction_id, id);

-- The decision that counts for each movement that has one (0 = none, or undone).
CREATE VIEW bank_transaction_state AS
SELECT m.transaction_id, CASE m.action WHEN 4 THEN 0 ELSE m.action END AS action,
       m.payment_id, m.refund_id, m.fee, m.id AS match_id
FROM bank_matches m
WHERE m.id = (SELECT max (m2.id) FROM bank_matches m2 WHERE m2.transaction_id = m.transaction_id);

-- ---- the journal (0008-integrity.sql): the view gains the four tables ----

DROP VIEW journal_rows;
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
FROM imported_payment_reversals
UNION ALL
SELECT 'bank_transactions', id,
       quote (id) || ',' || quote (account_id) || ',' || quote (stable_id) || ',' || quote (booking_date)
       || ',' || quote (value_date) || ',' || quote (amount) || ',' || quote (label) || ','
       || quote (counterparty) || ',' || quote (reference) || ',' || quote (kind)
FROM bank_transactions
UNION ALL
SELECT 'credit_note_refunds', id,
       quote (id) || ',' || quote (document_id) || ',' || quote (date) || ',' || quote (amount) || ','
       || quote (method) || ',' || quote (reference)
FROM credit_note_refunds
UNION ALL
SELECT 'credit_note_refund_reversals', id,
       quote (id) || ',' || quote (refund_id) || ',' || quote (date) || ',' || quote (reason)
FROM credit_note_refund_reversals
UNION ALL
SELECT 'bank_matches', id,
       quote (id) || ',' || quote (transaction_id) || ',' || quote (action) || ',' || quote (payment_id)
       || ',' || quote (refund_id) || ',' || quote (fee) || ',' || quote (date)
FROM bank_matches;

CREATE TRIGGER bank_transactions_journal AFTER INSERT ON bank_transactions
BEGIN
  INSERT INTO journal (tbl, row_id, canonical)
    SELECT tbl, row_id, canonical FROM journal_rows WHERE tbl = 'bank_transactions' AND row_id = NEW.id;
END;
CREATE TRIGGER bank_transactions_no_update BEFORE UPDATE ON bank_transactions
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER bank_transactions_no_delete BEFORE DELETE ON bank_transactions
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;

CREATE TRIGGER credit_note_refunds_journal AFTER INSERT ON credit_note_refunds
BEGIN
  INSERT INTO journal (tbl, row_id, canonical, ref)
    SELECT tbl, row_id, canonical, (SELECT number FROM documents WHERE id = NEW.document_id)
    FROM journal_rows WHERE tbl = 'credit_note_refunds' AND row_id = NEW.id;
END;
CREATE TRIGGER credit_note_refunds_no_update BEFORE UPDATE ON credit_note_refunds
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER credit_note_refunds_no_delete BEFORE DELETE ON credit_note_refunds
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;

CREATE TRIGGER credit_note_refund_reversals_journal AFTER INSERT ON credit_note_refund_reversals
BEGIN
  INSERT INTO journal (tbl, row_id, canonical)
    SELECT tbl, row_id, canonical FROM journal_rows
    WHERE tbl = 'credit_note_refund_reversals' AND row_id = NEW.id;
END;
CREATE TRIGGER credit_note_refund_reversals_no_update BEFORE UPDATE ON credit_note_refund_reversals
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER credit_note_refund_reversals_no_delete BEFORE DELETE ON credit_note_refund_reversals
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;

CREATE TRIGGER bank_matches_journal AFTER INSERT ON bank_matches
BEGIN
  INSERT INTO journal (tbl, row_id, canonical)
    SELECT tbl, row_id, canonical FROM journal_rows WHERE tbl = 'bank_matches' AND row_id = NEW.id;
END;
CREATE TRIGGER bank_matches_no_update BEFORE UPDATE ON bank_matches
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
CREATE TRIGGER bank_matches_no_delete BEFORE DELETE ON bank_matches
BEGIN
  SELECT RAISE (ABORT, 'history is append-only');
END;
