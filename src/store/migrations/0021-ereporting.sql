-- 0021-ereporting.sql — the e-reporting (Flux 10) to the plateforme agréée (issue 15 item 2,
-- PA.md §3, src/einvoicing/factures-ereporting.h)
--
-- 1. ereporting_settings: one row, how often the e-reporting goes: 0 every two months (the
--    franchise en base, DGFiP Tableau 13; the default when there is no row), 1 monthly, 2 every
--    ten days.
-- 2. ereporting_reports: each report made for a period and shown to the user before it went:
--    the period, TT-1 (report_key) and TT-4 (IN initial, RE correction: it replaces all data of
--    the period), when, the XML exactly as made and its SHA-256, the file it was written to
--    (NULL when none), and how many entries each block holds (10.1 invoices, 10.2 their
--    payments, 10.3 days of B2C sales, 10.4 days of B2C payments).
-- 3. ereporting_flows: each block handed to the PA through the Flow Service (flowSyntax FRR):
--    the block, its flowType and processingRule (PA.md §1.3), our trackingId, the SHA-256 of the
--    bytes, 'sent' with the PA's flowId and submittedAt, or 'failed' with the French reason.
--    Rows are added, never changed: a new attempt is a new row.

CREATE TABLE ereporting_settings (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  periodicity  INTEGER NOT NULL DEFAULT 0 CHECK (periodicity BETWEEN 0 AND 2)
);

CREATE TABLE ereporting_reports (
  id               INTEGER PRIMARY KEY,
  period_start     TEXT NOT NULL,
  period_end       TEXT NOT NULL CHECK (period_end >= period_start),
  periodicity      INTEGER NOT NULL CHECK (periodicity BETWEEN 0 AND 2),
  report_key       TEXT NOT NULL UNIQUE,
  type_code        TEXT NOT NULL CHECK (type_code IN ('IN', 'RE')),
  made             TEXT NOT NULL,
  xml              BLOB NOT NULL,
  sha256           TEXT NOT NULL CHECK (length (sha256) = 64),
  file             TEXT,
  n_invoices       INTEGER NOT NULL DEFAULT 0 CHECK (n_invoices >= 0),
  n_payments       INTEGER NOT NULL DEFAULT 0 CHECK (n_payments >= 0),
  n_days           INTEGER NOT NULL DEFAULT 0 CHECK (n_days >= 0),
  n_day_payments   INTEGER NOT NULL DEFAULT 0 CHECK (n_day_payments >= 0)
);

CREATE INDEX ereporting_reports_period ON ereporting_reports (period_start, id);

CREATE TABLE ereporting_flows (
  id               INTEGER PRIMARY KEY,
  report_id        INTEGER NOT NULL REFERENCES ereporting_reports (id),
  block            TEXT NOT NULL CHECK (block IN ('10.1', '10.2', '10.3', '10.4')),
  flow_type        TEXT NOT NULL,
  processing_rule  TEXT NOT NULL CHECK (processing_rule IN ('B2C', 'B2BInt')),
  tracking_id      TEXT NOT NULL CHECK (length (tracking_id) BETWEEN 1 AND 36),
  sha256           TEXT NOT NULL CHECK (length (sha256) = 64),
  state            TEXT NOT NULL CHECK (state IN ('sent', 'failed')),
  flow_id          TEXT,
  submitted_at     TEXT,
  error            TEXT,
  attempted        TEXT NOT NULL,
  CHECK (state = 'failed' OR flow_id IS NOT NULL)
);

CREATE INDEX ereporting_flows_report ON ereporting_flows (report_id, id);

-- Append-only, as the outbox's history: a report or a flow once recorded stays as it was
-- (the file it was written to may still be set once).
CREATE TRIGGER ereporting_reports_keep BEFORE UPDATE OF xml, sha256, report_key, type_code,
  period_start, period_end ON ereporting_reports
BEGIN
  SELECT RAISE (ABORT, 'immutable: an e-reporting report is kept as it was made');
END;

CREATE TRIGGER ereporting_reports_no_delete BEFORE DELETE ON ereporting_reports
BEGIN
  SELECT RAISE (ABORT, 'immutable: an e-reporting report is kept as it was made');
END;

CREATE TRIGGER ereporting_flows_keep BEFORE UPDATE ON ereporting_flows
BEGIN
  SELECT RAISE (ABORT, 'immutable: a flow handed to the PA is kept as it was');
END;

CREATE TRIGGER ereporting_flows_no_delete BEFORE DELETE ON ereporting_flows
BEGIN
  SELECT RAISE (ABORT, 'immutable: a flow handed to the PA is kept as it was');
END;
