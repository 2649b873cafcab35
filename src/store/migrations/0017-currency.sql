-- 0017-currency.sql — documents in other currencies (issue 13 item 4, src/core/factures-currency.h)
--
-- 1. documents.currency: the ISO 4217 code of the invoice currency (BT-5), NULL for euros (every
--    document written before this migration); never 'EUR'. documents.exchange_rate: millionths of
--    a euro for one unit of that currency (1 GBP = 1,1612 EUR: 1161200), NULL when not given;
--    required at issue when VAT is due (BT-111, BR-FR-CO-12). Both are frozen at issue (the
--    documents_issued_no_update trigger) and hashed in the chain when set (factures-store-issue.c:
--    documents issued before keep their canonical text and hash).
-- 2. payments.eur_amount: the amount the bank credited in euro cents, for a payment of a
--    document in another currency (payments.amount, its allocations and the credit stay in the
--    document's currency: they make its balance). NULL for a payment in euros (amount is then in
--    euros). The livre des recettes and every URSSAF figure read coalesce (eur_amount, amount).
-- 3. The journal (0008-integrity.sql): a payment's canonical text gains ",eur_amount" when it is
--    set, so that the text of every payment recorded before is unchanged (--verify stays green)
--    and an EUR amount edited behind the app's back is named. Later migrations that rebuild the
--    journal_rows view must keep this CASE.

ALTER TABLE documents ADD COLUMN currency TEXT
  CHECK (currency IS NULL OR (length (currency) = 3 AND currency = upper (currency) AND currency <> 'EUR'));
ALTER TABLE documents ADD COLUMN exchange_rate INTEGER CHECK (exchange_rate IS NULL OR exchange_rate > 0);

ALTER TABLE payments ADD COLUMN eur_amount INTEGER CHECK (eur_amount IS NULL OR eur_amount > 0);

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
       || CASE WHEN eur_amount IS NULL THEN '' ELSE ',eur=' || quote (eur_amount) END
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

-- The receivables' sums in euros leave out the few documents in another currency (a partial
-- index: documents in euros, nearly all of them, are not in it).
CREATE INDEX documents_currency ON documents (currency) WHERE currency IS NOT NULL;
