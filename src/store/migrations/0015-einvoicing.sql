-- 0015-einvoicing.sql — the plateforme agréée (issue 14): account, e-invoicing outbox,
-- flows received, the polling cursor. AFNOR XP Z12-013 Flow Service, see PA.md §1.3.
--
-- The client secret is never stored here: it lives in the keyring (libsecret schema
-- org.example.Factures.Pa, attributes token_url and client_id).

-- The single PA account. registration: the PA's 4-character registration number
-- (matricule, needed for e-reporting). report_payments: send "encaissée" (212) when a
-- payment is recorded (default on; PA.md §3 leaves it open for the franchise en base).
CREATE TABLE pa_account (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  name             TEXT NOT NULL,
  registration     TEXT NOT NULL CHECK (length (registration) = 4),
  base_url         TEXT NOT NULL,
  token_url        TEXT NOT NULL,
  client_id        TEXT NOT NULL,
  timeout_seconds  INTEGER NOT NULL DEFAULT 30 CHECK (timeout_seconds BETWEEN 1 AND 600),
  report_payments  INTEGER NOT NULL DEFAULT 1,
  since            TEXT NOT NULL,  -- 'YYYY-MM-DD' the account was first saved: documents issued
                                   -- from that day go to the PA by themselves (older ones by hand)
  cursor           TEXT            -- highest updatedAt seen by the polling
);

-- What goes to the PA: an issued document (kind 'document', its stored original) or a
-- lifecycle status (kind 'status', the CDAR bytes in payload). Written before any network
-- I/O. state: queued → sending (committed before the request; a row found 'sending' may
-- have reached the PA: search its tracking_id before depositing again) → sent; failed
-- (next_attempt: when to retry; NULL: only by hand, the user has to act first).
-- A status is about one of our issued documents (document_id, as the seller) or about a
-- supplier invoice kept in the purchases (imported_id, as the buyer: 204–208, 210, 211).
CREATE TABLE pa_outbox (
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER REFERENCES documents (id),
  imported_id      INTEGER REFERENCES imported_invoices (id),
  kind             TEXT NOT NULL CHECK (kind IN ('document', 'status')),
  status_code      INTEGER,
  tracking_id      TEXT NOT NULL UNIQUE CHECK (length (tracking_id) BETWEEN 1 AND 36),
  file_name        TEXT NOT NULL,
  flow_syntax      TEXT NOT NULL,
  flow_profile     TEXT,
  processing_rule  TEXT NOT NULL,
  sha256           TEXT NOT NULL,
  payload          BLOB,
  created          TEXT NOT NULL,
  state            TEXT NOT NULL DEFAULT 'queued'
                   CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt     TEXT,
  updated          TEXT,
  error            TEXT,
  flow_id          TEXT UNIQUE,
  submitted_at     TEXT,
  ack_status       TEXT CHECK (ack_status IN ('Pending', 'Ok', 'Error')),
  ack_details      TEXT,
  reason_code      TEXT,
  reason           TEXT,
  CHECK ((document_id IS NULL) <> (imported_id IS NULL)),
  CHECK (imported_id IS NULL OR kind = 'status')
);

CREATE INDEX pa_outbox_document ON pa_outbox (document_id);
CREATE INDEX pa_outbox_imported ON pa_outbox (imported_id);
CREATE INDEX pa_outbox_state ON pa_outbox (state);
-- One deposit of a document, one status message of each code per document (212 once) or
-- per supplier invoice.
CREATE UNIQUE INDEX pa_outbox_once ON pa_outbox (coalesce (document_id, 0), coalesce (imported_id, 0), kind,
                                                 coalesce (status_code, 0));

-- A deposited flow never changes, except its acknowledgement.
CREATE TRIGGER pa_outbox_sent_no_update BEFORE UPDATE OF document_id, kind, status_code,
  tracking_id, sha256, payload, flow_id, submitted_at ON pa_outbox
  WHEN OLD.state = 'sent'
BEGIN
  SELECT RAISE (ABORT, 'a deposited flow is immutable');
END;

-- Every flow fetched from the PA, kept as received (bytes included) before it is read, so
-- nothing is dropped: state 'read' (recorded, document_id set when it concerns one of
-- ours), 'unreadable' (error says why; shown to the user), 'ignored' (nothing to do).
CREATE TABLE pa_inbox (
  id              INTEGER PRIMARY KEY,
  flow_id         TEXT NOT NULL UNIQUE,
  flow_type       TEXT,
  flow_direction  TEXT,
  flow_syntax     TEXT,
  name            TEXT,
  updated_at      TEXT,
  received        TEXT NOT NULL,
  content         BLOB,
  state           TEXT NOT NULL DEFAULT 'new'
                  CHECK (state IN ('new', 'read', 'unreadable', 'ignored')),
  document_id     INTEGER REFERENCES documents (id),
  imported_id     INTEGER REFERENCES imported_invoices (id),  -- a supplier invoice taken into Achats
  status_code     INTEGER,
  error           TEXT
);

CREATE INDEX pa_inbox_state ON pa_inbox (state);
