-- mentions of finds the report holding a mention from the article's
-- reports in sentence order, reading only those that begin at or before
-- the mention, instead of reading every report of the article in event
-- order (event_sources_source_event) for each mention: on 100,000
-- articles a mention's article has about 13 reports.
CREATE INDEX event_sources_source_span ON event_sources(source_id, sentence_start, sentence_end);
