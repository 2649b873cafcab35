-- A later migration, only in the test resource: checks that pending migrations
-- run in order, after a backup copy of the database.
CREATE TABLE test_marker (note TEXT NOT NULL);
INSERT INTO test_marker (note) VALUES ('migrated to 2');
