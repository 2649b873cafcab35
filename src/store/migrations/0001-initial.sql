-- 0001-initial.sql — the first schema of Factures (DESIGN.md §4, §6)
--
-- Money is INTEGER cents, quantities INTEGER 1e-4, unit prices INTEGER 1e-6 €,
-- rates INTEGER basis points, dates TEXT 'YYYY-MM-DD'. Status 0 = draft, 1 = issued.
-- Kinds are EN 16931 type codes: 0 quote, 380 invoice, 381 credit note, 386 deposit invoice.
-- Columns named *_key hold folded text (lower case, accents removed) for sorting and
-- searching; the application fills them with its factures_fold() SQL function.

CREATE TABLE profile (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  name            TEXT,
  address         TEXT,
  postal_code     TEXT,
  city            TEXT,
  country_code    TEXT,
  siren           TEXT,
  siret           TEXT,
  vat_id          TEXT,
  email           TEXT,
  phone           TEXT,
  registry        INTEGER NOT NULL DEFAULT 0,
  registry_city   TEXT,
  activity        INTEGER NOT NULL DEFAULT 0,
  vat_regime      INTEGER NOT NULL DEFAULT 0,
  iban            TEXT,
  bic             TEXT,
  terms_kind      INTEGER NOT NULL DEFAULT 0,
  terms_days      INTEGER NOT NULL DEFAULT 0,
  eom_method      INTEGER NOT NULL DEFAULT 0,
  penalty_rate_bp INTEGER NOT NULL DEFAULT 0,
  insurance       TEXT,
  logo            BLOB
);

CREATE TABLE clients (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (name <> ''),
  address       TEXT,
  postal_code   TEXT,
  city          TEXT,
  country_code  TEXT,
  siren         TEXT,
  siret         TEXT,
  vat_id        TEXT,
  email         TEXT,
  phone         TEXT,
  category      INTEGER NOT NULL DEFAULT 0,
  has_terms     INTEGER NOT NULL DEFAULT 0,
  terms_kind    INTEGER NOT NULL DEFAULT 0,
  terms_days    INTEGER NOT NULL DEFAULT 0,
  notes         TEXT,
  name_key      TEXT NOT NULL DEFAULT '',
  city_key      TEXT NOT NULL DEFAULT '',
  search_key    TEXT NOT NULL DEFAULT ''
);

CREATE INDEX clients_name_key ON clients (name_key);
CREATE INDEX clients_city_key ON clients (city_key);
CREATE INDEX clients_category ON clients (category, name_key);

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  kind           INTEGER NOT NULL CHECK (kind IN (0, 380, 381, 386)),
  status         INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1)),
  number         TEXT UNIQUE,
  issue_date     TEXT NOT NULL,
  delivery_date  TEXT,
  due_date       TEXT,
  terms_kind     INTEGER NOT NULL DEFAULT 0,
  terms_days     INTEGER NOT NULL DEFAULT 0,
  client_id      INTEGER REFERENCES clients (id),
  -- buyer name shown in lists: the client's current name for a draft, the snapshot's once issued
  client_name    TEXT,
  -- frozen seller (profile) and buyer (client) details, JSON text, set when issued
  seller         TEXT,
  buyer          TEXT,
  allowance      INTEGER NOT NULL DEFAULT 0,
  -- figures (BG-22): kept current for drafts (lists), frozen once issued
  net_total      INTEGER NOT NULL DEFAULT 0,
  vat_total      INTEGER NOT NULL DEFAULT 0,
  gross_total    INTEGER NOT NULL DEFAULT 0,
  amount_due     INTEGER NOT NULL DEFAULT 0,
  notes          TEXT,
  purchase_order TEXT,
  -- the issued PDF (the original), its SHA-256, and the hash chain
  pdf            BLOB,
  pdf_sha256     TEXT,
  chain_seq      INTEGER UNIQUE,
  prev_hash      TEXT,
  hash           TEXT,
  client_key     TEXT NOT NULL DEFAULT '',
  search_key     TEXT NOT NULL DEFAULT '',
  CHECK (status = 0 OR (number IS NOT NULL AND hash IS NOT NULL AND pdf IS NOT NULL
                        AND chain_seq IS NOT NULL AND due_date IS NOT NULL))
);

CREATE INDEX documents_issue_date ON documents (issue_date);
CREATE INDEX documents_client_key ON documents (client_key);
CREATE INDEX documents_gross_total ON documents (gross_total);
CREATE INDEX documents_due_date ON documents (due_date);
-- covering for the clients' outstanding amounts
CREATE INDEX documents_client_id ON documents (client_id, status, kind, amount_due);
CREATE INDEX documents_overdue ON documents (due_date)
  WHERE status = 1 AND kind IN (380, 386) AND amount_due > 0;

CREATE TABLE lines (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  description  TEXT NOT NULL,
  quantity     INTEGER NOT NULL,
  unit         TEXT,
  unit_price   INTEGER NOT NULL,
  vat_rate_bp  INTEGER NOT NULL DEFAULT 0,
  allowance    INTEGER NOT NULL DEFAULT 0,
  net          INTEGER NOT NULL DEFAULT 0,
  UNIQUE (document_id, position)
);

-- Invoices and deposit invoices share the 'invoice' series; quotes and credit notes
-- have their own. {YYYY} is the issue year, {NNNN} the counter on 4 digits at least.
CREATE TABLE number_series (
  name             TEXT PRIMARY KEY,
  pattern          TEXT NOT NULL,
  next_counter     INTEGER NOT NULL DEFAULT 1 CHECK (next_counter >= 1),
  last_issued_date TEXT
);

INSERT INTO number_series (name, pattern) VALUES
  ('invoice', 'F{YYYY}-{NNNN}'),
  ('quote', 'D{YYYY}-{NNNN}'),
  ('credit-note', 'A{YYYY}-{NNNN}');

-- Everything that happens to a document after it is issued.
CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  date         TEXT NOT NULL,
  data         TEXT
);

CREATE INDEX events_document ON events (document_id);

-- Issued documents are immutable (DESIGN.md §4). The issuing UPDATE itself has
-- OLD.status = 0 and passes.
CREATE TRIGGER documents_issued_no_update BEFORE UPDATE ON documents
  WHEN OLD.status = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER documents_issued_no_delete BEFORE DELETE ON documents
  WHEN OLD.status = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER lines_issued_no_insert BEFORE INSERT ON lines
  WHEN (SELECT status FROM documents WHERE id = NEW.document_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER lines_issued_no_update BEFORE UPDATE ON lines
  WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 1
    OR (SELECT status FROM documents WHERE id = NEW.document_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER lines_issued_no_delete BEFORE DELETE ON lines
  WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;
