-- 0004-payments-dunning.sql — payments, instalments, dunning, late penalties (issue 4, DESIGN.md §5)
--
-- Only adds tables. Money INTEGER cents, rates INTEGER basis points, dates TEXT 'YYYY-MM-DD'.

-- A payment received from a client. credit: the part kept as client credit (overpayment).
CREATE TABLE payments (
  id                  INTEGER PRIMARY KEY,
  client_id           INTEGER REFERENCES clients (id),
  date                TEXT NOT NULL,
  amount              INTEGER NOT NULL CHECK (amount > 0),
  method              INTEGER NOT NULL CHECK (method BETWEEN 0 AND 5),
  reference           TEXT,
  payer               TEXT,
  payer_non_resident  INTEGER NOT NULL DEFAULT 0,
  notes               TEXT,
  credit              INTEGER NOT NULL DEFAULT 0 CHECK (credit >= 0 AND credit <= amount)
);

CREATE INDEX payments_client ON payments (client_id, date);

-- The part of a payment (payment_id set) or of a client's credit (payment_id NULL)
-- that pays one invoice.
CREATE TABLE payment_allocations (
  id           INTEGER PRIMARY KEY,
  payment_id   INTEGER REFERENCES payments (id) ON DELETE CASCADE,
  client_id    INTEGER REFERENCES clients (id),
  document_id  INTEGER NOT NULL REFERENCES documents (id),
  date         TEXT NOT NULL,
  amount       INTEGER NOT NULL CHECK (amount > 0)
);

CREATE INDEX payment_allocations_document ON payment_allocations (document_id, date);
CREATE INDEX payment_allocations_payment ON payment_allocations (payment_id);

-- Instalment plan (échéancier) of an invoice.
CREATE TABLE instalments (
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  number       INTEGER NOT NULL CHECK (number >= 1),
  due_date     TEXT NOT NULL,
  amount       INTEGER NOT NULL CHECK (amount > 0),
  PRIMARY KEY (document_id, number)
);

-- Each step of each run is done or skipped at most once (DESIGN.md §5).
-- instalment 0: the whole invoice. step_key: "+10:email" (offset and channel).
CREATE TABLE dunning_events (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  instalment   INTEGER NOT NULL DEFAULT 0 CHECK (instalment >= 0),
  step_key     TEXT NOT NULL,
  channel      TEXT NOT NULL,
  template_id  TEXT,
  state        TEXT NOT NULL CHECK (state IN ('done', 'skipped')),
  date         TEXT NOT NULL,
  recorded     TEXT NOT NULL,
  note         TEXT,
  UNIQUE (document_id, instalment, step_key)
);

CREATE INDEX dunning_events_date ON dunning_events (document_id, date);

CREATE TABLE payment_promises (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  date         TEXT NOT NULL,
  recorded     TEXT NOT NULL,
  note         TEXT
);

CREATE INDEX payment_promises_document ON payment_promises (document_id, id);

CREATE TABLE disputes (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  opened       TEXT NOT NULL,
  closed       TEXT,
  note         TEXT
);

CREATE INDEX disputes_document ON disputes (document_id, id);

CREATE TABLE penalty_waivers (
  document_id  INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  note         TEXT
);

-- Rates per half-year (LEGAL.md §3); NULL: not known. Editable in Preferences.
CREATE TABLE penalty_rates (
  year                 INTEGER NOT NULL,
  half                 INTEGER NOT NULL CHECK (half IN (1, 2)),
  ecb_bp               INTEGER CHECK (ecb_bp IS NULL OR ecb_bp >= 0),
  legal_individual_bp  INTEGER CHECK (legal_individual_bp IS NULL OR legal_individual_bp >= 0),
  legal_other_bp       INTEGER CHECK (legal_other_bp IS NULL OR legal_other_bp >= 0),
  source               TEXT,
  PRIMARY KEY (year, half)
);

-- Same values as factures_rate_table_new_default() (src/core/factures-penalties.c).
INSERT INTO penalty_rates VALUES
  (2025, 1, NULL, 721, 371, 'Taux légal : ksca.fr'),
  (2025, 2, 215, 665, 276, 'Taux légal : enligne.biz ; BCE 2,15 % depuis le 11/06/2025'),
  (2026, 1, 215, 667, 262, 'Taux légal : arrêté du 15/12/2025 (JORF 26/12/2025) ; BCE 2,15 % (communiqué BCE du 19/03/2026)');

-- Saved ladders; a category without rows uses its default ladder (factures-dunning.c).
CREATE TABLE dunning_steps (
  category     INTEGER NOT NULL CHECK (category BETWEEN 0 AND 3),
  position     INTEGER NOT NULL,
  offset_days  INTEGER NOT NULL,
  channel      TEXT NOT NULL,
  template_id  TEXT NOT NULL,
  PRIMARY KEY (category, position),
  UNIQUE (category, offset_days, channel)
);

-- The day each issued invoice or deposit invoice was paid in full: the date of the
-- allocation with which the payments reached its amount due less its credit notes.
-- (Read by the client page's average payment delay, factures-store-recurring.c.)
CREATE VIEW invoice_paid_dates AS
SELECT document_id, min (date) AS paid_date
FROM (SELECT a.document_id, a.date,
             sum (a.amount) OVER (PARTITION BY a.document_id ORDER BY a.date, a.id) AS cumulative,
             d.amount_due - (SELECT coalesce (sum (c.gross_total), 0) FROM document_links l
                             JOIN documents c ON c.id = l.document_id
                             WHERE l.role = 'invoice' AND l.target_id = d.id AND c.status = 1) AS due
      FROM payment_allocations a
      JOIN documents d ON d.id = a.document_id
      WHERE d.status = 1 AND d.kind IN (380, 386))
WHERE cumulative >= due
GROUP BY document_id;
