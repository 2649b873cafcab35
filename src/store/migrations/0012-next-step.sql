-- 0012-next-step.sql — the next dunning step kept in the summary (issue 12 item 1)
--
-- Run by migrate() (factures-store.c) in one transaction. document_summary (migration 0010)
-- gets the next step of each open invoice's dunning plan, so that --list-overdue, the overdue
-- list and the to-do queue read it instead of planning every invoice on every pass:
--
--   next_step_key     the step ("+10:email"), NULL when no step is left (paid, disputed, done);
--   next_step_date    its date (ISO), the earliest over the runs; the date at which the plan
--                     proposes it once the due date has passed: a pre-due step not done by then
--                     is skipped (factures_store_catch_up() records it so), a promise to pay
--                     moves it to the day after the promised date;
--   next_step_runs    the number of runs (1, or the number of instalments): with more than one
--                     the readers plan the invoice in full (the runs' steps share their days);
--   next_step_missed  1 when a pre-due step (offset < 0) is neither done nor skipped: before the
--                     due date the plan proposes it first, after it catch-up skips it;
--   next_step_stale   1 from the change that moves the step (the triggers below) until
--                     factures_store_commit() recomputes it in C, in the same transaction
--                     (factures_store_next_steps_refresh(), factures-store-dunning.c).
--
-- --verify compares every open row with a full recomputation (factures_store_verify_next_steps()).
-- Every open row is stale here: the first writable open recomputes them (one transaction).

ALTER TABLE document_summary ADD COLUMN next_step_key TEXT;
ALTER TABLE document_summary ADD COLUMN next_step_date TEXT;
ALTER TABLE document_summary ADD COLUMN next_step_runs INTEGER NOT NULL DEFAULT 1;
ALTER TABLE document_summary ADD COLUMN next_step_missed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE document_summary ADD COLUMN next_step_stale INTEGER NOT NULL DEFAULT 0;

UPDATE document_summary SET next_step_stale = 1 WHERE balance > 0;

CREATE INDEX document_summary_stale ON document_summary (document_id) WHERE next_step_stale = 1;

-- A new row (an invoice issued or imported; 0010's triggers insert or replace it).
CREATE TRIGGER document_summary_next_new AFTER INSERT ON document_summary
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE document_id = NEW.document_id;
END;

-- Its balance moved (payment, reversal, credit note): the run may stop or resume.
CREATE TRIGGER document_summary_next_balance AFTER UPDATE OF balance ON document_summary
  WHEN OLD.balance IS NOT NEW.balance
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE document_id = NEW.document_id;
END;

-- What an instalment's run owes moves with each allocation.
CREATE TRIGGER payment_allocations_next_step AFTER INSERT ON payment_allocations
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER payment_reversals_next_step AFTER INSERT ON payment_reversals
BEGIN
  UPDATE document_summary SET next_step_stale = 1
   WHERE document_id IN (SELECT document_id FROM payment_allocations WHERE payment_id = NEW.payment_id);
END;

-- A step done or skipped.
CREATE TRIGGER dunning_events_next_step AFTER INSERT ON dunning_events
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER payment_promises_next_step AFTER INSERT ON payment_promises
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER disputes_next_step_open AFTER INSERT ON disputes
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER disputes_next_step_close AFTER UPDATE ON disputes
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE document_id = NEW.document_id;
END;

-- An instalment plan set or replaced: the runs change.
CREATE TRIGGER instalments_next_step_insert AFTER INSERT ON instalments
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE document_id = NEW.document_id;
END;

CREATE TRIGGER instalments_next_step_delete AFTER DELETE ON instalments
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE document_id = OLD.document_id;
END;

-- The ladder of a category changed (preferences): every open invoice is planned again.
CREATE TRIGGER dunning_steps_next_step_insert AFTER INSERT ON dunning_steps
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE balance > 0 AND next_step_stale = 0;
END;

CREATE TRIGGER dunning_steps_next_step_delete AFTER DELETE ON dunning_steps
BEGIN
  UPDATE document_summary SET next_step_stale = 1 WHERE balance > 0 AND next_step_stale = 0;
END;

-- ---- search per keystroke (issue 12: ≤ 16 ms at 100,000 documents) ----
--
-- Each word typed is a prefix ("12"*, factures_store_fts_query()): without a prefix index FTS5
-- merges the lists of every token that starts with it (all the numbers from 12 to 12999…:
-- 36 ms per key at 100,000 documents). Prefix indexes of 1, 2 and 3 characters answer those from
-- one list each; longer prefixes name few tokens. The table is built again as 0011 built it.
DROP TABLE document_search;

CREATE VIRTUAL TABLE document_search USING fts5 (
  keys, lines,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

INSERT INTO document_search (rowid, keys, lines)
SELECT d.id, d.search_key,
       coalesce ((SELECT group_concat (l.description, ' ') FROM lines l WHERE l.document_id = d.id), '')
FROM documents d;

-- The documents by number, ties (drafts, no number) by id: the list's sort read from one index
-- (the UNIQUE index of number left the ties to a sort of every row found).
CREATE INDEX documents_number_id ON documents (number, id);

-- ---- lists that read blobs (issue 12 item 1) ----
--
-- The outbox list (factures_store_outbox_list(): every column but the message) reads columns
-- stored after the message's bytes, so SQLite walked every message's overflow pages to reach
-- them: the list now reads this covering index and never the messages. (The other blobs are
-- not read by lists: the imported invoices' list reads only columns stored before the original
-- and its XML; the profile's logo comes after every column the document list reads; the stored
-- originals have their own table since 0010.)
CREATE INDEX outbox_list ON outbox (id, document_id, step, created, recipients, subject, message_id,
                                    state, attempts, updated, server_reply, error, instalment);
