-- 0016-urssaf.sql — the micro-entrepreneur's year (issue 17, src/core/factures-urssaf.h)
--
-- 1. urssaf_settings: one row, the user's URSSAF situation: quarterly (0 monthly, URSSAF's
--    default; 1 quarterly), bnc_cipav (1: BNC affiliated to the CIPAV, else SSI), chamber (0 none,
--    1 CCI, 2 CMA), versement_liberatoire (1: opted), acre_until (last day of ACRE, 'YYYY-MM-DD'
--    or NULL), creation (first day of activity or NULL: prorates the thresholds of its year),
--    the alerts on ceilings and thresholds in percent, the département (income-tax deadline),
--    and the account numbers of the FEC export (plan comptable général defaults).
-- 2. urssaf_declarations: the periods marked "déclarée" ('2026-11', '2026-Q4') with the day.
-- 3. lines.debours: 1 when the line is a débours (paid in the client's name and for the client,
--    billed at the exact amount, LEGAL-2.md §3): excluded from every URSSAF figure. Old lines
--    and issued lines keep 0.

CREATE TABLE urssaf_settings (
  id                     INTEGER PRIMARY KEY CHECK (id = 1),
  quarterly              INTEGER NOT NULL DEFAULT 0 CHECK (quarterly IN (0, 1)),
  bnc_cipav              INTEGER NOT NULL DEFAULT 0 CHECK (bnc_cipav IN (0, 1)),
  chamber                INTEGER NOT NULL DEFAULT 0 CHECK (chamber BETWEEN 0 AND 2),
  versement_liberatoire  INTEGER NOT NULL DEFAULT 0 CHECK (versement_liberatoire IN (0, 1)),
  acre_until             TEXT,
  creation               TEXT,
  alert_low              INTEGER NOT NULL DEFAULT 80 CHECK (alert_low BETWEEN 1 AND 100),
  alert_high             INTEGER NOT NULL DEFAULT 95 CHECK (alert_high BETWEEN 1 AND 100),
  department             TEXT,
  account_bank           TEXT NOT NULL DEFAULT '512' CHECK (account_bank <> ''),
  account_cash           TEXT NOT NULL DEFAULT '53' CHECK (account_cash <> ''),
  account_goods          TEXT NOT NULL DEFAULT '707' CHECK (account_goods <> ''),
  account_services       TEXT NOT NULL DEFAULT '706' CHECK (account_services <> ''),
  account_vat            TEXT NOT NULL DEFAULT '44571' CHECK (account_vat <> ''),
  account_debours        TEXT NOT NULL DEFAULT '467' CHECK (account_debours <> '')
);

CREATE TABLE urssaf_declarations (
  period       TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9Q][0-9]'),
  declared_on  TEXT NOT NULL,
  recorded     TEXT NOT NULL
);

ALTER TABLE lines ADD COLUMN debours INTEGER NOT NULL DEFAULT 0 CHECK (debours IN (0, 1));
