-- The baseline of `factures-cli --list-overdue` (issue 12 item 3): the same rows, in the same
-- order, with the next dunning step kept in the summary (migration 0012), in one query run by
-- the sqlite3 shell on the same database. Run with
--   sqlite3 -separator '\t' DB ".param set :today \"'YYYY-MM-DD'\"" ".read list-overdue.sql"
SELECT d.number, d.client_name, d.due_date,
       CAST (julianday (:today) - julianday (d.due_date) AS INTEGER), s.balance,
       s.next_step_key, s.next_step_date, COALESCE (d.currency, 'EUR')
FROM document_summary s JOIN documents d ON d.id = s.document_id
WHERE s.balance > 0 AND s.due_date < :today
ORDER BY s.due_date, s.document_id;
