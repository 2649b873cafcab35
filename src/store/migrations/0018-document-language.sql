-- 0018-document-language.sql — the language of a client's documents (issue 13 item 5)
--
-- clients.document_language: 0 French (the default, every client before this migration),
-- 1 French and English: titles, column headers and mentions are printed in French followed by
-- their English translation (legal mentions in French first), and the e-mails use the French
-- then the English template. An issued document keeps the language of its buyer snapshot
-- (documents.buyer, key "document_language" written only when not 0, so the snapshots and
-- hashes of French documents keep their bytes).

ALTER TABLE clients ADD COLUMN document_language INTEGER NOT NULL DEFAULT 0
  CHECK (document_language IN (0, 1));
