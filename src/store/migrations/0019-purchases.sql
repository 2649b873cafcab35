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
