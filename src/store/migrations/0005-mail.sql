-- 0005-mail.sql — e-mail: the sending account, the user's templates, the outbox (issue 5)
--
-- The SMTP password is never stored here: it lives in the keyring (libsecret schema
-- org.example.Factures.Smtp, attributes server and user), or in memory for one session.

-- The single sending account. security: 0 STARTTLS, 1 implicit TLS, 2 none (localhost only).
CREATE TABLE mail_account (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  sender_name     TEXT,
  sender_address  TEXT NOT NULL,
  reply_to        TEXT,
  server          TEXT NOT NULL,
  port            INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  security        INTEGER NOT NULL DEFAULT 0 CHECK (security IN (0, 1, 2)),
  user            TEXT,
  bcc_self        INTEGER NOT NULL DEFAULT 0,
  read_receipt    INTEGER NOT NULL DEFAULT 0,
  timeout_seconds INTEGER NOT NULL DEFAULT 30 CHECK (timeout_seconds BETWEEN 1 AND 600),
  preset          TEXT
);

-- Templates edited by the user; the shipped ones (data/templates/mail-*.txt) apply
-- to every key that has no row here. key: 'mail-invoice', 'mail-reminder-firm', …
CREATE TABLE mail_templates (
  key      TEXT PRIMARY KEY,
  subject  TEXT NOT NULL,
  body     TEXT NOT NULL
);

-- Every message, written before any network I/O. step/instalment: the dunning step
-- (key of factures-dunning.h, e.g. '+10:email') this message performs, or NULL.
-- The message column holds the
-- exact bytes sent (RFC 5322, CRLF), so a retry sends the same Message-ID.
CREATE TABLE outbox (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER REFERENCES documents (id),
  step          TEXT,
  instalment    INTEGER NOT NULL DEFAULT 0,
  created       TEXT NOT NULL,
  recipients    TEXT NOT NULL,
  subject       TEXT NOT NULL,
  message_id    TEXT NOT NULL,
  message       BLOB NOT NULL,
  state         TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  updated       TEXT,
  server_reply  TEXT,
  error         TEXT
);

CREATE INDEX outbox_document ON outbox (document_id);
CREATE INDEX outbox_state ON outbox (state);

-- A sent message is history: it never changes again.
CREATE TRIGGER outbox_sent_no_update BEFORE UPDATE ON outbox
  WHEN OLD.state = 'sent'
BEGIN
  SELECT RAISE (ABORT, 'a sent message is immutable');
END;
