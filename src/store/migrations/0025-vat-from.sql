-- 0025-vat-from.sql — the day VAT is charged from (leftovers3)
--
-- The Year view's « Appliquer la TVA à partir d'une date… » switches the profile to
-- VAT-registered and says from which day (the day the franchise threshold was crossed, art. 293 B
-- CGI). A document issued before that day keeps the franchise (factures_vat_resolve_lines()).
-- ISO date (YYYY-MM-DD), NULL when not known or in franchise.

ALTER TABLE profile ADD COLUMN vat_from TEXT CHECK (vat_from IS NULL OR date(vat_from) IS vat_from);
