-- 0006-facturx.sql — invoices imported from other tools' Factur-X / CII files (issue 6)
--
-- Only adds a table. A history import keeps the original file and its figures verbatim,
-- read-only, under the original number: figures are the decimal TEXT the file wrote.
-- direction 'sale': the seller is the user (same SIREN), the row belongs to a client's
-- history and, once paid (paid_on), to revenue; 'purchase': a received invoice, never revenue.

CREATE TABLE imported_invoices (
  id                 INTEGER PRIMARY KEY,
  direction          TEXT NOT NULL CHECK (direction IN ('sale', 'purchase')),
  number             TEXT NOT NULL CHECK (number <> ''),
  type_code          INTEGER NOT NULL,
  profile            TEXT,                 -- fx:ConformanceLevel ("EN 16931"), NULL: not Factur-X
  issue_date         TEXT,                 -- 'YYYY-MM-DD'
  due_date           TEXT,
  currency           TEXT,
  seller_name        TEXT,
  seller_siren       TEXT,
  buyer_name         TEXT,
  buyer_siren        TEXT,
  client_id          INTEGER REFERENCES clients (id),   -- sale: the buyer in the clients table
  tax_basis_total    TEXT,                 -- BT-109, as written
  tax_total          TEXT,                 -- BT-110
  grand_total        TEXT,                 -- BT-112
  due_payable        TEXT,                 -- BT-115
  grand_total_cents  INTEGER,              -- BT-112 in cents when the currency is EUR, else NULL
  figures_ok         INTEGER NOT NULL CHECK (figures_ok IN (0, 1)),
  figure_problems    TEXT,                 -- what does not add up, one sentence per line
  original           BLOB NOT NULL,        -- the file as imported, byte for byte
  original_name      TEXT,
  original_is_pdf    INTEGER NOT NULL CHECK (original_is_pdf IN (0, 1)),
  xml                BLOB NOT NULL,        -- the CII XML (the original itself, or embedded in it)
  paid_on            TEXT,                 -- 'YYYY-MM-DD' once paid; the only column that may change
  imported_at        TEXT NOT NULL
);

CREATE UNIQUE INDEX imported_invoices_key ON imported_invoices (direction, coalesce (seller_siren, seller_name), number);
CREATE INDEX imported_invoices_client ON imported_invoices (client_id);

CREATE TRIGGER imported_invoices_read_only
BEFORE UPDATE OF id, direction, number, type_code, profile, issue_date, due_date, currency,
                 seller_name, seller_siren, buyer_name, buyer_siren, client_id, tax_basis_total,
                 tax_total, grand_total, due_payable, grand_total_cents, figures_ok, figure_problems,
                 original, original_name, original_is_pdf, xml, imported_at
ON imported_invoices
BEGIN
  SELECT RAISE (ABORT, 'an imported invoice is kept as it was imported');
END;

CREATE TRIGGER imported_invoices_no_delete
BEFORE DELETE ON imported_invoices
BEGIN
  SELECT RAISE (ABORT, 'an imported invoice is kept as it was imported');
END;
