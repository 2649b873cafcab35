-- 0011-search.sql — full-text search of documents (issue 12 item 1)
--
-- One row per document (rowid = documents.id): "keys", the folded number and client name
-- (documents.search_key, kept by the store: "Œuvres" is "oeuvres"), and "lines", the text of
-- its lines. Kept by the triggers below in the transaction of each write. The store searches it
-- with each word of the query quoted and given a "*" (factures-store-lists.c), so that a "-"
-- or a '"' in what is typed is never a syntax error.

CREATE VIRTUAL TABLE document_search USING fts5 (
  keys, lines,
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO document_search (rowid, keys, lines)
SELECT d.id, d.search_key,
       coalesce ((SELECT group_concat (l.description, ' ') FROM lines l WHERE l.document_id = d.id), '')
FROM documents d;

CREATE TRIGGER document_search_insert AFTER INSERT ON documents
BEGIN
  INSERT INTO document_search (rowid, keys, lines) VALUES (NEW.id, NEW.search_key, '');
END;

CREATE TRIGGER document_search_keys AFTER UPDATE OF search_key ON documents
BEGIN
  UPDATE document_search SET keys = NEW.search_key WHERE rowid = NEW.id;
END;

CREATE TRIGGER document_search_delete AFTER DELETE ON documents
BEGIN
  DELETE FROM document_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER document_search_line_insert AFTER INSERT ON lines
BEGIN
  UPDATE document_search
     SET lines = coalesce ((SELECT group_concat (description, ' ') FROM lines WHERE document_id = NEW.document_id), '')
   WHERE rowid = NEW.document_id;
END;

CREATE TRIGGER document_search_line_update AFTER UPDATE OF description, document_id ON lines
BEGIN
  UPDATE document_search
     SET lines = coalesce ((SELECT group_concat (description, ' ') FROM lines WHERE document_id = NEW.document_id), '')
   WHERE rowid = NEW.document_id;
  UPDATE document_search
     SET lines = coalesce ((SELECT group_concat (description, ' ') FROM lines WHERE document_id = OLD.document_id), '')
   WHERE rowid = OLD.document_id AND OLD.document_id <> NEW.document_id;
END;

CREATE TRIGGER document_search_line_delete AFTER DELETE ON lines
BEGIN
  UPDATE document_search
     SET lines = coalesce ((SELECT group_concat (description, ' ') FROM lines WHERE document_id = OLD.document_id), '')
   WHERE rowid = OLD.document_id;
END;
