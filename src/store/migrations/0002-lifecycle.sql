-- 0002-lifecycle.sql — quotes, deposit invoices, credit notes, number series (issue 3)
--
-- Only adds: a profile flag, a yearly-reset flag on the series, the quote
-- details and the links between documents. Quote statuses (sent, accepted,
-- refused) are events ('quote-accepted', 'quote-refused'); "expired" and
-- "invoiced" are derived, never stored.

-- Building trade (bâtiment): quotes carry "devis reçu avant l'exécution des travaux".
ALTER TABLE profile ADD COLUMN building_trade INTEGER NOT NULL DEFAULT 0;

-- 1: the counter restarts at 1 with the first number of each year.
ALTER TABLE number_series ADD COLUMN yearly_reset INTEGER NOT NULL DEFAULT 0;

-- A quote's validity date and conditions (one row per quote, drafts included).
CREATE TABLE quote_details (
  document_id  INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  valid_until  TEXT NOT NULL,
  conditions   TEXT
);

-- Links from a document to the documents it cites:
--   'quote'    a deposit invoice made from an accepted quote
--   'final'    the final invoice made from an accepted quote (one per quote)
--   'invoice'  the invoice a credit note corrects (BT-25, BT-26)
--   'deposit'  a deposit invoice deducted by a final invoice
-- A document's links are written while it is a draft and frozen when it is issued.
CREATE TABLE document_links (
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  role         TEXT NOT NULL CHECK (role IN ('quote', 'final', 'invoice', 'deposit')),
  target_id    INTEGER NOT NULL REFERENCES documents (id),
  position     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, role, target_id)
);

CREATE INDEX document_links_target ON document_links (target_id, role);

CREATE TRIGGER quote_details_issued_no_insert BEFORE INSERT ON quote_details
  WHEN (SELECT status FROM documents WHERE id = NEW.document_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER quote_details_issued_no_update BEFORE UPDATE ON quote_details
  WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 1
    OR (SELECT status FROM documents WHERE id = NEW.document_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER quote_details_issued_no_delete BEFORE DELETE ON quote_details
  WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER document_links_issued_no_insert BEFORE INSERT ON document_links
  WHEN (SELECT status FROM documents WHERE id = NEW.document_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER document_links_issued_no_update BEFORE UPDATE ON document_links
  WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 1
    OR (SELECT status FROM documents WHERE id = NEW.document_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

CREATE TRIGGER document_links_issued_no_delete BEFORE DELETE ON document_links
  WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'issued document is immutable');
END;

-- A quote is converted into one final invoice at most.
CREATE UNIQUE INDEX document_links_one_final ON document_links (target_id)
  WHERE role = 'final';
