-- 0007-receipts.sql — the livre des recettes (LEGAL.md §6) counts the imported sales once paid
--
-- Only adds columns and triggers. An imported sale (imported_invoices.direction = 'sale', the
-- user is the seller) is a receipt once paid: the day it was paid (paid_on, from 0006), how
-- (paid_method, the codes of payments.method: 0 virement, 1 chèque, 2 espèces, 3 carte,
-- 4 prélèvement, 5 autre), how much came in, in EUR cents (paid_amount; the store fills in
-- BT-115 when the file is in EUR and asks for it otherwise), and a reference (cheque number…).
--
-- A payment of an imported sale is recorded or cancelled as a whole, never edited in place:
-- like a row of the payments table, a payment recorded by mistake may be cancelled (every
-- paid_* column back to NULL) and recorded again. A purchase is never paid here: it is not
-- revenue. The other columns stay read-only (trigger of 0006).

ALTER TABLE imported_invoices ADD COLUMN paid_method INTEGER
  CHECK (paid_method IS NULL OR paid_method BETWEEN 0 AND 5);
ALTER TABLE imported_invoices ADD COLUMN paid_amount INTEGER
  CHECK (paid_amount IS NULL OR paid_amount > 0);
ALTER TABLE imported_invoices ADD COLUMN paid_reference TEXT;

-- A sale marked paid before this migration (paid_on alone): method "autre", amount its
-- BT-112 in cents when the file was in EUR (else it stays out of the register until recorded).
UPDATE imported_invoices SET paid_method = 5, paid_amount = grand_total_cents
 WHERE direction = 'sale' AND paid_on IS NOT NULL AND grand_total_cents > 0;

CREATE INDEX imported_invoices_paid ON imported_invoices (paid_on) WHERE paid_on IS NOT NULL;

-- paid_on, paid_method and paid_amount are all set or all NULL; only a sale is paid.
CREATE TRIGGER imported_invoices_payment_whole
BEFORE UPDATE OF paid_on, paid_method, paid_amount, paid_reference ON imported_invoices
WHEN NOT ((NEW.paid_on IS NULL AND NEW.paid_method IS NULL AND NEW.paid_amount IS NULL
           AND NEW.paid_reference IS NULL)
          OR (NEW.paid_on IS NOT NULL AND NEW.paid_method IS NOT NULL AND NEW.paid_amount IS NOT NULL
              AND OLD.direction = 'sale'))
BEGIN
  SELECT RAISE (ABORT, 'a payment of an imported sale is recorded as a whole (date, method, amount)');
END;

-- A recorded payment is cancelled, then recorded again: never changed in place.
CREATE TRIGGER imported_invoices_payment_not_edited
BEFORE UPDATE OF paid_on, paid_method, paid_amount, paid_reference ON imported_invoices
WHEN OLD.paid_on IS NOT NULL AND NEW.paid_on IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a recorded payment is cancelled, not changed');
END;
