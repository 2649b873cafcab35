-- 0026-vat-return.sql — the VAT return a VAT-registered profile files (leftovers3)
--
-- 1 CA12 (régime simplifié, the default of a micro-entrepreneur leaving the franchise), 2 CA3
-- each month, 3 CA3 each quarter (réel normal; FacturesVatReturn, art. 287 CGI). Chosen in
-- Preferences › URSSAF; used only while the profile charges VAT (franchise: no return).

ALTER TABLE urssaf_settings ADD COLUMN vat_return INTEGER NOT NULL DEFAULT 1 CHECK (vat_return BETWEEN 1 AND 3);
