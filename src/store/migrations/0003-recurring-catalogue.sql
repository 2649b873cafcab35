-- 0003-recurring-catalogue.sql — issue 3 items 4, 8, 9, 10: recurring invoice
-- templates and their occurrences, the catalogue of products and services,
-- escompte terms, client payment history. Only adds; runs on 0001's data.
-- Money is INTEGER cents, quantities 1e-4, unit prices 1e-6 €, rates basis points.

-- Catalogue (item 8). is_goods: 1 goods (livraison de biens), 0 service.
CREATE TABLE catalogue_items (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (name <> ''),
  description  TEXT,
  unit         TEXT,
  unit_price   INTEGER NOT NULL DEFAULT 0,
  vat_rate_bp  INTEGER NOT NULL DEFAULT 0 CHECK (vat_rate_bp >= 0),
  is_goods     INTEGER NOT NULL DEFAULT 0 CHECK (is_goods IN (0, 1)),
  name_key     TEXT NOT NULL DEFAULT '',
  search_key   TEXT NOT NULL DEFAULT ''
);

CREATE INDEX catalogue_items_name_key ON catalogue_items (name_key);

-- Recurring templates (item 4). period is in months: 1, 3 or 12.
CREATE TABLE recurring_templates (
  id           INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL REFERENCES clients (id),
  period       INTEGER NOT NULL CHECK (period IN (1, 3, 12)),
  start_date   TEXT NOT NULL,
  next_date    TEXT NOT NULL,
  end_date     TEXT,
  auto_issue   INTEGER NOT NULL DEFAULT 0 CHECK (auto_issue IN (0, 1)),
  allowance    INTEGER NOT NULL DEFAULT 0 CHECK (allowance >= 0),
  notes        TEXT
);

CREATE INDEX recurring_templates_client ON recurring_templates (client_id);

CREATE TABLE recurring_lines (
  id           INTEGER PRIMARY KEY,
  template_id  INTEGER NOT NULL REFERENCES recurring_templates (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  description  TEXT NOT NULL,
  quantity     INTEGER NOT NULL,
  unit         TEXT,
  unit_price   INTEGER NOT NULL,
  vat_rate_bp  INTEGER NOT NULL DEFAULT 0,
  allowance    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (template_id, position)
);

-- One row per (template, occurrence date), created in the same transaction as
-- its document: the primary key makes a second creation impossible, even after
-- the draft was deleted (document_id then becomes NULL).
-- missed = 1: created after its date (the app was closed), left as a draft and
-- listed for the user until seen = 1. issue_error: why an automatic issue failed.
CREATE TABLE recurring_occurrences (
  template_id      INTEGER NOT NULL REFERENCES recurring_templates (id) ON DELETE CASCADE,
  occurrence_date  TEXT NOT NULL,
  document_id      INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  created_on       TEXT NOT NULL,
  missed           INTEGER NOT NULL DEFAULT 0 CHECK (missed IN (0, 1)),
  seen             INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1)),
  issue_error      TEXT,
  PRIMARY KEY (template_id, occurrence_date)
);

CREATE INDEX recurring_occurrences_document ON recurring_occurrences (document_id);

-- Escompte terms (item 9), part of the seller profile: a discount of
-- escompte_rate_bp for payment within escompte_days days. 0: "Pas d'escompte
-- pour paiement anticipé".
ALTER TABLE profile ADD COLUMN escompte_rate_bp INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profile ADD COLUMN escompte_days INTEGER NOT NULL DEFAULT 0;

-- Payment dates (item 10) arrive with issue 4's payments table; the client page
-- reads them from there when it exists.
