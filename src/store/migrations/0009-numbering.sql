-- 0009-numbering.sql — numbers that never repeat and never skip (issue 10)
--
-- Only adds a column, an index and a trigger. Numbers of a series follow each other without
-- gaps and never repeat (CGI, annexe II, art. 242 nonies A, 7°; BOI-TVA-DECLA-30-20-20).
--
-- counter_year: for a series that restarts each year, the year whose start was set by hand
-- (Preferences → Numbering) or by an imported own sale before any number of that year; NULL
-- otherwise: next_counter then belongs to the year of last_issued_date. Issuing sets it back
-- to NULL.

ALTER TABLE number_series ADD COLUMN counter_year INTEGER
  CHECK (counter_year IS NULL OR counter_year BETWEEN 1 AND 9999);

-- The uniqueness check of issuing looks up the numbers of the imported own sales.
CREATE INDEX imported_invoices_sale_number ON imported_invoices (number) WHERE direction = 'sale';

-- The counter never goes back once its period has begun: only the first number of a new year
-- (a yearly restart), a start set before any number of a new year, or a start changed before
-- the series' first number, may lower it.
CREATE TRIGGER number_series_counter_never_back
BEFORE UPDATE OF next_counter ON number_series
WHEN NEW.next_counter < OLD.next_counter
 AND OLD.last_issued_date IS NOT NULL
 AND (OLD.counter_year IS NULL
      OR OLD.counter_year <= CAST (substr (OLD.last_issued_date, 1, 4) AS INTEGER))
 AND NOT (NEW.yearly_reset
          AND coalesce (NEW.counter_year, CAST (substr (NEW.last_issued_date, 1, 4) AS INTEGER))
              > CAST (substr (OLD.last_issued_date, 1, 4) AS INTEGER))
BEGIN
  SELECT RAISE (ABORT, 'the counter of a number series never goes back');
END;
