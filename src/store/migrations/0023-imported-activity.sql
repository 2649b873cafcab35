-- 0023-imported-activity.sql — the activity of an imported sale (issue 17 item 1, urssaf-ui)
--
-- An imported sale has no lines in the store: its receipts count in the profile's main activity
-- (0, FACTURES_LINE_ACTIVITY_DEFAULT) unless the user says which activity it was (1 goods,
-- 2 BIC services, 3 BNC services, 4 classified furnished tourist lets, FacturesLineActivity),
-- through factures_store_set_imported_activity(). The imported file itself stays as imported
-- (imported_invoices_read_only does not cover this column).

ALTER TABLE imported_invoices ADD COLUMN activity INTEGER NOT NULL DEFAULT 0 CHECK (activity BETWEEN 0 AND 4);
