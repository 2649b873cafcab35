-- A migration that fails halfway: nothing of it may stay.
CREATE TABLE test_half (x);
INSERT INTO no_such_table VALUES (1);
