-- Full-text indexing deferred to the end of an ingest batch.
--
-- FTS5 writes its pending terms to disk at every statement savepoint, and
-- every insert that fires a trigger opens one: indexed row by row, each
-- reporting sentence became its own index segment, to be merged again
-- later. That was a fifth of all ingest time. A writer may now pause the
-- insert triggers for the length of its transaction by adding a row here
-- (the ids indexed so far) and index the new rows with one statement before
-- it commits. The row never outlives the transaction, so every other writer
-- (kb's other commands, a SQLite browser) still sees triggers that index
-- whatever it inserts.
CREATE TABLE kb_deferred_fts (
    table_name TEXT PRIMARY KEY,      -- sources or event_sources
    indexed_to INTEGER NOT NULL       -- the largest id already indexed when the pause began
);

DROP TRIGGER sources_fts_insert;
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources
WHEN NOT EXISTS (SELECT 1 FROM kb_deferred_fts WHERE table_name = 'sources')
BEGIN
    INSERT INTO sources_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

DROP TRIGGER event_sources_fts_insert;
CREATE TRIGGER event_sources_fts_insert AFTER INSERT ON event_sources
WHEN NOT EXISTS (SELECT 1 FROM kb_deferred_fts WHERE table_name = 'event_sources')
BEGIN
    INSERT INTO event_sources_fts (rowid, sentence) VALUES (new.id, new.sentence);
END;

INSERT INTO kb_columns (table_name, column_name, meaning) VALUES
('kb_deferred_fts', 'table_name', 'a table whose full-text indexing is paused inside the writing transaction (never seen committed)'),
('kb_deferred_fts', 'indexed_to', 'the largest id of that table already indexed when the pause began');
