-- 0013-vat.sql — the VAT treatment of each line (issue 13, src/core/factures-vat.h)
--
-- 1. profile: where the seller is established (territory: 0 metropolitan France, 1 Corsica,
--    2 Guadeloupe/Martinique/La Réunion, 3 Guyane/Mayotte), the default activity of new lines
--    (line_activity: 0 from activity and registry, 1 goods, 2 BIC services, 3 BNC services,
--    4 classified furnished tourist let), and the seller's exempt activities with their legal
--    basis (profile_exempt_activities.basis: 1 art. 261-4-4° a, 2 art. 261-4-4° b,
--    3 art. 261-4-1°). profile.vat_id stays the intra-community VAT number.
-- 2. clients: legal_id, the legal identifier of a business abroad without an EU VAT number
--    (CII BT-47). A client is a business for VAT purposes when its category is not 0.
-- 3. lines: the line's activity (as profile.line_activity, 0: the profile's), its VAT category
--    (EN 16931 BT-151 code; NULL on lines written before this migration: E in franchise, S with
--    a rate above 0), the exemption reason code (BT-121, VATEX) and text (BT-120, the mention
--    printed), and the reason the user gave for overriding the proposal. Issued lines keep NULL
--    and 0 here: their hashes (factures-chain-v2) are unchanged; document_canonical_text() adds
--    these fields to the canonical text of a line only when they are set.
-- 4. catalogue: items carry an activity; is_goods = 1 becomes goods (1), the others keep 0
--    (the profile's services activity).
-- 5. recurring_lines: the lines of recurring invoice templates carry the same treatment as
--    lines, so that every occurrence keeps it (its draft goes through the editor's checks).

ALTER TABLE profile ADD COLUMN territory INTEGER NOT NULL DEFAULT 0
  CHECK (territory BETWEEN 0 AND 3);
ALTER TABLE profile ADD COLUMN line_activity INTEGER NOT NULL DEFAULT 0
  CHECK (line_activity BETWEEN 0 AND 4);

CREATE TABLE profile_exempt_activities (
  position  INTEGER PRIMARY KEY,
  label     TEXT NOT NULL CHECK (label <> ''),
  basis     INTEGER NOT NULL CHECK (basis BETWEEN 1 AND 3)
);

ALTER TABLE clients ADD COLUMN legal_id TEXT;

ALTER TABLE lines ADD COLUMN activity INTEGER NOT NULL DEFAULT 0
  CHECK (activity BETWEEN 0 AND 4);
ALTER TABLE lines ADD COLUMN vat_category TEXT
  CHECK (vat_category IS NULL OR vat_category IN ('S', 'Z', 'E', 'AE', 'K', 'G', 'O'));
ALTER TABLE lines ADD COLUMN vatex TEXT;
ALTER TABLE lines ADD COLUMN exemption_reason TEXT;
ALTER TABLE lines ADD COLUMN override_reason TEXT;

ALTER TABLE catalogue_items ADD COLUMN activity INTEGER NOT NULL DEFAULT 0
  CHECK (activity BETWEEN 0 AND 4);
UPDATE catalogue_items SET activity = 1 WHERE is_goods = 1;

ALTER TABLE recurring_lines ADD COLUMN activity INTEGER NOT NULL DEFAULT 0
  CHECK (activity BETWEEN 0 AND 4);
ALTER TABLE recurring_lines ADD COLUMN vat_category TEXT
  CHECK (vat_category IS NULL OR vat_category IN ('S', 'Z', 'E', 'AE', 'K', 'G', 'O'));
ALTER TABLE recurring_lines ADD COLUMN vatex TEXT;
ALTER TABLE recurring_lines ADD COLUMN exemption_reason TEXT;
ALTER TABLE recurring_lines ADD COLUMN override_reason TEXT;
