-- Each report (event_sources row) paid an insert into four indexes, two
-- by event and two by article, where one of each serves every query:
--
-- * event_sources_event gains the report's id and its article: read by
--   event it still comes out in report order (as "who said what" needs
--   it, through INDEXED BY), and it answers the counts of an event's
--   articles without the rows, as event_sources_event_source did.
-- * event_sources_source_span gains the event: it still gives an
--   article's reports by sentence span ("mentions of", "events in
--   source"), and now also their events without the rows, as
--   event_sources_source_event did.
DROP INDEX event_sources_event;
DROP INDEX event_sources_event_source;
CREATE INDEX event_sources_event ON event_sources(event_id, id, source_id);
DROP INDEX event_sources_source_span;
DROP INDEX event_sources_source_event;
CREATE INDEX event_sources_source_span ON event_sources(source_id, sentence_start, sentence_end, event_id);
