-- Both full-text indexes take a new segment for every batch an ingest
-- commits, and FTS5 by default merges segments four at a time, so each
-- posting was rewritten again every time four segments of a size met.
-- On a 20,000-article ingest those merges were about 5% of all the CPU
-- the ingest used, nearly all of it on the one writer thread. Merging
-- sixteen at a time rewrites each posting about half as often, for a few
-- more segments to read per search term. The setting is kept in each
-- index's own config table, so every writer of the file, kb or not,
-- follows it.
INSERT INTO sources_fts (sources_fts, rank) VALUES ('automerge', 16);
INSERT INTO event_sources_fts (event_sources_fts, rank) VALUES ('automerge', 16);
