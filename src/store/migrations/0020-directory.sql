-- 0020-directory.sql — the plateforme agréée, part 2 (issue 15 items 1 and 3): the
-- Directory Service and public buyers. PA.md §1.4 (AFNOR XP Z12-013 Directory Service) and §4.
--
-- 1. pa_account.directory_url: the PA's Directory Service base ("https://pa.example/directory-service"),
--    NULL: no lookup. pa_account.routes_b2g: 1 when the PA forwards invoices to public buyers
--    (Chorus Pro, processingRule B2G); 0: the user uploads the Factur-X on the Chorus Pro portal.
-- 2. pa_directory: the last lookup of a SIREN, with its date: status Enabled, Disabled, Upcoming
--    (directoryLineStatus) or Unknown (the directory answered 204: not registered); address: the
--    directory line's addressingIdentifier (the buyer's electronic address, BT-49, scheme 0225);
--    partial: the directory answered 206 (a reduced set); name and entity_type (Public or
--    PrivateVatRegistered) from /v1/siren/search when it answered.
-- 3. clients.service_code: an administration's service code (BT-10, buyer reference), which
--    Chorus Pro requires; NULL otherwise.

ALTER TABLE pa_account ADD COLUMN directory_url TEXT;
ALTER TABLE pa_account ADD COLUMN routes_b2g INTEGER NOT NULL DEFAULT 0 CHECK (routes_b2g IN (0, 1));

CREATE TABLE pa_directory (
  siren        TEXT PRIMARY KEY CHECK (length (siren) = 9),
  status       TEXT NOT NULL CHECK (status IN ('Enabled', 'Disabled', 'Upcoming', 'Unknown')),
  address      TEXT CHECK (address IS NULL OR length (address) BETWEEN 1 AND 125),
  siret        TEXT,
  platform     TEXT,
  name         TEXT,
  entity_type  TEXT,
  partial      INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1)),
  looked_up    TEXT NOT NULL  -- 'YYYY-MM-DDTHH:MM:SSZ'
);

ALTER TABLE clients ADD COLUMN service_code TEXT CHECK (service_code IS NULL OR length (service_code) BETWEEN 1 AND 100);
