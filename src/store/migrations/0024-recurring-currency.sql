-- 0024-recurring-currency.sql — the currency of a recurring invoice template (leftovers2)
--
-- recurring_templates.currency: the ISO 4217 code of the invoices the template makes (BT-5), as
-- documents.currency (0017-currency.sql): NULL for euros, else an upper-case code other than EUR.
-- Each draft made from the template has that currency; its exchange rate is given on the draft
-- (a rate changes from one invoice to the next). Old templates are in euros.

ALTER TABLE recurring_templates ADD COLUMN currency TEXT
  CHECK (currency IS NULL OR (length (currency) = 3 AND currency = upper (currency) AND currency <> 'EUR'));
