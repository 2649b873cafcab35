-- 0019-purchases.sql — the registre des achats (issue 17 item 5, LEGAL-2.md §4)
--
-- 1. purchase_entries: purchases typed by hand (date, supplier, reference, nature, amount in EUR
--    cents, payment method: the codes of payments.method), append-only. A mistake is cancelled
--    (its payment reversed, below), never edited nor erased.
-- 2. purchase_payments: the payment of a purchase, either of an imported supplier invoice
--    (imported_invoices.direction = 'purchase') or of a typed entry (its own payment, recorded
--    with it); append-only.
-- 3. purchase_payment_reversals: a payment cancelled on @date for @reason, at most once.
-- 4. urssaf_settings: the FEC accounts of purchases (607) and suppliers (401).
-- 5. The journal (0008-integrity.sql): the three tables above are history, copied into the
--    journal as payments and their reversals are, so that factures --verify names a row edited
--    or deleted behind the app's back (triggers dropped), and a witness (--verify --against) the
--    last rows deleted with their journal entries. Their canonical texts are in a view of their
--    own, purchase_journal_rows (journal_rows is left as earlier migrations made it;
--    factures-store-integrity.c checks each table against the view that holds it).

CREATE TABLE purchase_entries (
  id         INTEGER PRIMARY KEY,
  date       TEXT NOT NULL,
  supplier   TEXT NOT NULL CHECK (supplier <> ''),
  reference  TEXT,
  nature     TEXT NOT NULL CHECK (nature <> ''),
  amount     INTEGER NOT NULL CHECK (amount > 0),
  method     INTEGER NOT NULL CHECK (method BETWEEN 0 AND 5),
  recorded   TEXT NOT NULL
);

CREATE TABLE purchase_payments (
  id          INTEGER PRIMARY KEY,
  invoice_id  INTEGER REFERENCES imported_invoices (id),
  entry_id    INTEGER UNIQUE REFERENCES purchase_entries (id),
  date        TEXT NOT NULL,
  method      INTEGER NOT NULL CHECK (method BETWEEN 0 AND 5),
  amount      INTEGER NOT NULL CHECK (amount > 0),
  reference   TEXT,
  CHECK ((invoice_id IS NULL) <> (entry_id IS NULL))
);

CREATE INDEX purchase_payments_invoice ON purchase_payments (invoice_id);
CREATE INDEX purchase_payments_date ON purchase_payments (date);

CREATE TABLE purchase_payment_reversals (
  id                   INTEGER PRIMARY KEY,
  purchase_payment_id  INTEGER NOT NULL UNIQUE REFERENCES purchase_payments (id),
  date                 TEXT NOT NULL,
  reason               TEXT NOT NULL CHECK (reason <> '')
);

CREATE TRIGGER purchase_entries_read_only BEFORE UPDATE ON purchase_entries
BEGIN
  SELECT RAISE (ABORT, 'a purchase of the register is cancelled, never edited');
END;
CREATE TRIGGER purchase_entries_no_delete BEFORE DELETE ON purchase_entries
BEGIN
  SELECT RAISE (ABORT, 'a purchase of the register is cancelled, never erased');
END;
CREATE TRIGGER purchase_payments_read_only BEFORE UPDATE ON purchase_payments
BEGIN
  SELECT RAISE (ABORT, 'a purchase payment is reversed, never edited');
END;
CREATE TRIGGER purchase_payments_no_delete BEFORE DELETE ON purchase_payments
BEGIN
  SELECT RAISE (ABORT, 'a purchase payment is reversed, never erased');
END;
CREATE TRIGGER purchase_payment_reversals_read_only BEFORE UPDATE ON purchase_payment_reversals
BEGIN
  SELECT RAISE (ABORT, 'a reversal is kept as recorded');
END;
CREATE TRIGGER purchase_payment_reversals_no_delete BEFORE DELETE ON purchase_payment_reversals
BEGIN
  SELECT RAISE (ABORT, 'a reversal is kept as recorded');
END;

ALTER TABLE urssaf_settings ADD COLUMN account_purchases TEXT NOT NULL DEFAULT '607' CHECK (account_purchases <> '');
ALTER TABLE urssaf_settings ADD COLUMN account_suppliers TEXT NOT NULL DEFAULT '401' CHECK (account_suppliers <> '');

-- ---- 5. the journal ----

-- The canonical text of each row, as in journal_rows: quote() of each column, in order.
CREATE VIEW purchase_journal_rows AS
SELECT 'purchase_entries' AS tbl, id AS row_id,
       quote (id) || ',' || quote (date) || ',' || quote (supplier) || ',' || quote (reference) || ','
       || quote (nature) || ',' || quote (amount) || ',' || quote (method) || ',' || quote (recorded) AS canonical
FROM purchase_entries
UNION ALL
SELECT 'purchase_payments', id,
       quote (id) || ',' || quote (invoice_id) || ',' || quote (entry_id) || ',' || quote (date) || ','
       || quote (method) || ',' || quote (amount) || ',' || quote (reference)
FROM purchase_payments
UNION ALL
SELECT 'purchase_payment_reversals', id,
       quote (id) || ',' || quote (purchase_payment_id) || ',' || quote (date) || ',' || quote (reason)
FROM purchase_payment_reversals;

-- ref: the supplier's invoice number, or the supplier of a purchase typed without one.
CREATE TRIGGER purchase_entries_journal AFTER INSERT ON purchase_entries
BEGIN
  INSERT INTO journal (tbl, row_id, canonical, ref)
    SELECT tbl, row_id, canonical, coalesce (NEW.reference, NEW.supplier)
    FROM purchase_journal_rows WHERE tbl = 'purchase_entries' AND row_id = NEW.id;
END;
CREATE TRIGGER purchase_payments_journal AFTER INSERT ON purchase_payments
BEGIN
  INSERT INTO journal (tbl, row_id, canonical, ref)
    SELECT tbl, row_id, canonical,
           coalesce ((SELECT number FROM imported_invoices WHERE id = NEW.invoice_id),
                     (SELECT coalesce (reference, supplier) FROM purchase_entries WHERE id = NEW.entry_id))
    FROM purchase_journal_rows WHERE tbl = 'purchase_payments' AND row_id = NEW.id;
END;
CREATE TRIGGER purchase_payment_reversals_journal AFTER INSERT ON purchase_payment_reversals
BEGIN
  INSERT INTO journal (tbl, row_id, canonical, ref)
    SELECT tbl, row_id, canonical, (SELECT ref FROM journal WHERE tbl = 'purchase_payments'
                                    AND row_id = NEW.purchase_payment_id)
    FROM purchase_journal_rows WHERE tbl = 'purchase_payment_reversals' AND row_id = NEW.id;
END;
