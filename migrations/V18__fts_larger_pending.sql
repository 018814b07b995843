-- FTS5 keeps the terms of the rows inserted since its last flush in memory
-- and writes them out as a new segment whenever they pass its hash size
-- (1 MB by default), not only at commit. An ingest batch indexes a couple
-- of thousand articles in one statement, several megabytes of text, so
-- each batch left several small segments in sources_fts, all of which the
-- automatic merges then read and wrote again. With 16 MB a batch of the
-- default size flushes once, at its commit. The memory is held only while
-- a transaction has rows still to index, and is at most this much per
-- index.
--
-- In a file of 16 KiB pages (kb makes new files so), leaves of 16,000
-- bytes instead of 4,050 fill a page with one row of the index's data
-- table where four were written, each with its own key in the table and
-- the term index. A file of smaller pages keeps the default, which fits
-- its pages: a larger leaf would spill into overflow pages.
--
-- On 20,000 generated articles, two runs each, the writer spent 1.3-1.4 s
-- instead of 2.1 s indexing the articles, and 1.2 s instead of 1.5-1.6 s
-- indexing the sentences. Searches give the same rows. Like automerge
-- (V12), the settings live in each index's config table, so every writer
-- of the file follows them.
INSERT INTO sources_fts (sources_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO event_sources_fts (event_sources_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO sources_fts (sources_fts, rank)
SELECT 'pgsz', 16000 FROM pragma_page_size WHERE page_size >= 16384;
INSERT INTO event_sources_fts (event_sources_fts, rank)
SELECT 'pgsz', 16000 FROM pragma_page_size WHERE page_size >= 16384;
