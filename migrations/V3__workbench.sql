-- The analyst's workbench: a record of curations (so that a reindex replays
-- them), full-text search over article bodies, and the meaning of every
-- column for `kb schema` and any SQLite browser.

-- One row per analyst curation (kb alias add, kb merge, kb rename).
CREATE TABLE curations (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,     -- UTC, YYYY-MM-DDTHH:MM:SSZ
    who          TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('alias', 'merge', 'rename')),
    entity_type  TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'base')),
    details      TEXT NOT NULL      -- JSON object: names (and ids at the time) involved
);

-- Full-text index of titles and bodies. External content: the text lives
-- once, in sources; triggers keep the index in step with every insert,
-- update and delete, whoever makes them.
CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, body,
    content = 'sources', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, body ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO sources_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');

-- The reporting sentences of events, indexed the same way, so that a search
-- can answer with events rather than articles.
CREATE VIRTUAL TABLE event_sources_fts USING fts5(
    sentence,
    content = 'event_sources', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER event_sources_fts_insert AFTER INSERT ON event_sources BEGIN
    INSERT INTO event_sources_fts (rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TRIGGER event_sources_fts_delete AFTER DELETE ON event_sources BEGIN
    INSERT INTO event_sources_fts (event_sources_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
CREATE TRIGGER event_sources_fts_update AFTER UPDATE OF sentence ON event_sources BEGIN
    INSERT INTO event_sources_fts (event_sources_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
    INSERT INTO event_sources_fts (rowid, sentence) VALUES (new.id, new.sentence);
END;
INSERT INTO event_sources_fts (event_sources_fts) VALUES ('rebuild');

-- What each column means, for `kb schema` and for people browsing the file.
CREATE TABLE kb_columns (
    table_name   TEXT NOT NULL,
    column_name  TEXT NOT NULL,
    meaning      TEXT NOT NULL,
    PRIMARY KEY (table_name, column_name)
) WITHOUT ROWID;

INSERT INTO kb_columns (table_name, column_name, meaning) VALUES
('sources', 'id', 'article id'),
('sources', 'path', 'file path as given to ingest; FILE.jsonl:N for line N of a JSON Lines file; - for standard input'),
('sources', 'content_sha256', 'SHA-256 of the normalized body: the same article is stored once'),
('sources', 'outlet', 'publishing outlet'),
('sources', 'title', 'headline'),
('sources', 'url', 'address of the article'),
('sources', 'published_on', 'publication date, YYYY-MM-DD, NULL when unknown'),
('sources', 'body', 'normalized article text; every offset points into it'),
('sources', 'ingested_at', 'when kb stored the article (UTC)'),
('sources', 'extra', 'JSON object of any other front-matter keys'),
('people', 'id', 'person id'),
('people', 'name', 'canonical name (unique)'),
('people', 'role', 'position, e.g. Iraqi Prime Minister'),
('people', 'affiliation', 'organization or country the person belongs to'),
('people', 'name_key', 'spelling-folded key on which variants of the name meet'),
('people', 'origin', 'dictionary, extracted (found by kb in text) or analyst'),
('organizations', 'id', 'organization id'),
('organizations', 'name', 'canonical name (unique)'),
('organizations', 'kind', 'government, military, armed_group, media, coalition, international, party, state or other'),
('organizations', 'name_key', 'spelling-folded key on which variants of the name meet'),
('organizations', 'origin', 'dictionary, extracted (found by kb in text) or analyst'),
('bases', 'id', 'base id'),
('bases', 'name', 'canonical name (unique)'),
('bases', 'country', 'country the base is in'),
('bases', 'province', 'province or governorate'),
('bases', 'latitude', 'WGS84 latitude, where known'),
('bases', 'longitude', 'WGS84 longitude, where known'),
('bases', 'name_key', 'spelling-folded key on which variants of the name meet'),
('bases', 'origin', 'dictionary, extracted (found by kb in text) or analyst'),
('aliases', 'id', 'alias id'),
('aliases', 'entity_type', 'person, organization or base: the table entity_id points into'),
('aliases', 'entity_id', 'the entity this is another name of'),
('aliases', 'alias', 'the other name (unique per entity type)'),
('aliases', 'origin', 'dictionary, extracted or analyst; dictionary and analyst aliases are used for recognition'),
('mentions', 'id', 'mention id'),
('mentions', 'source_id', 'the article'),
('mentions', 'entity_type', 'person, organization or base'),
('mentions', 'entity_id', 'the entity named'),
('mentions', 'surface', 'the exact text naming it'),
('mentions', 'start', '0-based offset in sources.body, in characters'),
('mentions', 'end', 'end offset (exclusive), in characters'),
('events', 'id', 'event id: one real-world event, however many articles report it'),
('events', 'kind', 'attack, strike, meeting, statement, announcement, casualty, withdrawal or other'),
('events', 'occurred_on', 'date at its precision (2024-01-23, 2024-01, 2024; a week as its Monday), NULL when unknown'),
('events', 'date_precision', 'day, week, month, year, or NULL'),
('events', 'base_id', 'the base where it happened'),
('events', 'place', 'place named when no known base'),
('events', 'killed', 'people killed'),
('events', 'injured', 'people injured'),
('events', 'reported_count', 'an aggregate claim (about 150 attacks): the number'),
('events', 'count_qualifier', 'about, more than, at least ... qualifying reported_count'),
('events', 'count_period', 'the words giving the period of an aggregate claim'),
('events', 'summary', 'one-line description'),
('event_sources', 'id', 'report id'),
('event_sources', 'event_id', 'the event'),
('event_sources', 'source_id', 'the article reporting it'),
('event_sources', 'sentence', 'the reporting sentence, an exact substring of the body'),
('event_sources', 'date_text', 'the words that gave the date'),
('event_sources', 'sentence_start', 'character offset of the sentence in sources.body'),
('event_sources', 'sentence_end', 'end character offset (exclusive) of the sentence'),
('event_entities', 'event_id', 'the event'),
('event_entities', 'entity_type', 'person, organization or base'),
('event_entities', 'entity_id', 'the entity taking part'),
('event_entities', 'role', 'actor, target, speaker, participant or location'),
('curations', 'id', 'curation id, in the order they were made and are replayed'),
('curations', 'at', 'when (UTC)'),
('curations', 'who', 'who made it (--by, else $USER)'),
('curations', 'action', 'alias, merge or rename'),
('curations', 'entity_type', 'person, organization or base'),
('curations', 'details', 'JSON: the names (and ids at the time) involved'),
('sources_fts', 'title', 'full-text index of sources.title (kb search)'),
('sources_fts', 'body', 'full-text index of sources.body (kb search)'),
('event_sources_fts', 'sentence', 'full-text index of event_sources.sentence (kb search --events)'),
('kb_columns', 'table_name', 'a table'),
('kb_columns', 'column_name', 'one of its columns'),
('kb_columns', 'meaning', 'what the column holds');
