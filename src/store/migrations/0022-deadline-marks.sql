-- 0022-deadline-marks.sql — the tax calendar's deadlines marked done (issue 17 item 4)
--
-- 1. deadline_marks: append-only (as payments and dunning events): each « Marquer comme fait »
--    and each « Annuler » of it is a new row; a deadline is done when the last row of its key
--    says so. The key is the deadline's kind ('urssaf', 'vat', 'cfe', …:
--    factures_deadline_kind_key()) and its period, the ISO date it falls due on (one deadline
--    of a kind per day). recorded: the day the row was written.
-- 2. deadline_notified: the days the deadline notification went out (once a day, not at every
--    start).
-- 3. payments_credit: the payments that left client credit (issue 12: the dashboard's credit
--    figure, recounted after each payment, read them alone instead of every payment).

CREATE TABLE deadline_marks (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind <> ''),
  period    TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  done      INTEGER NOT NULL CHECK (done IN (0, 1)),
  recorded  TEXT NOT NULL
);

CREATE INDEX deadline_marks_key ON deadline_marks (kind, period, id);

CREATE TRIGGER deadline_marks_no_update BEFORE UPDATE ON deadline_marks
BEGIN
  SELECT RAISE (ABORT, 'deadline_marks is append-only');
END;

CREATE TRIGGER deadline_marks_no_delete BEFORE DELETE ON deadline_marks
BEGIN
  SELECT RAISE (ABORT, 'deadline_marks is append-only');
END;

CREATE TABLE deadline_notified (
  day  TEXT PRIMARY KEY
);

CREATE INDEX payments_credit ON payments (id) WHERE credit > 0;
