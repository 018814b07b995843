-- Per-article counts for the "sources" listing.
--
-- The listing showed, for each article, its mentions, distinct entities,
-- distinct events and reports, counted from the rows of mentions and
-- event_sources every time: four index seeks and some forty index entries
-- read per article, most of the listing's time. source_counts keeps those
-- four numbers per article. As with the V5 summaries, triggers on mentions
-- and event_sources keep it equal to the counts whoever writes (kb forget,
-- merge, reindex, a SQLite browser), kb ingest, whose triggers are off
-- during a batch, writes each article's row itself, and this migration
-- fills it from the rows already stored.
--
-- Counts follow the rows they count, not the article row: a row may hold
-- zeros once its article and everything it counted are gone, and an
-- article with neither mentions nor reports may have none (the listing
-- reads it as zeros).
CREATE TABLE source_counts (
    source_id  INTEGER PRIMARY KEY,
    mentions   INTEGER NOT NULL DEFAULT 0,
    entities   INTEGER NOT NULL DEFAULT 0,
    events     INTEGER NOT NULL DEFAULT 0,
    reports    INTEGER NOT NULL DEFAULT 0
);

-- mentions -> mentions and entities. An entity counts once per article:
-- when no other mention of it in that article exists.
CREATE TRIGGER source_counts_mention_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO source_counts (source_id, mentions, entities)
    VALUES (new.source_id, 1,
            NOT EXISTS (SELECT 1 FROM mentions WHERE source_id = new.source_id AND entity_type = new.entity_type
                                                AND entity_id = new.entity_id AND id <> new.id))
    ON CONFLICT DO UPDATE SET mentions = mentions + 1, entities = entities + excluded.entities;
END;
CREATE TRIGGER source_counts_mention_delete AFTER DELETE ON mentions BEGIN
    UPDATE source_counts
       SET mentions = mentions - 1,
           entities = entities - NOT EXISTS (SELECT 1 FROM mentions WHERE source_id = old.source_id AND entity_type = old.entity_type
                                                                      AND entity_id = old.entity_id AND id <> old.id)
     WHERE source_id = old.source_id;
END;
CREATE TRIGGER source_counts_mention_update AFTER UPDATE OF entity_type, entity_id, source_id ON mentions BEGIN
    UPDATE source_counts
       SET mentions = mentions - 1,
           entities = entities - NOT EXISTS (SELECT 1 FROM mentions WHERE source_id = old.source_id AND entity_type = old.entity_type
                                                                      AND entity_id = old.entity_id AND id <> old.id)
     WHERE source_id = old.source_id;
    INSERT INTO source_counts (source_id, mentions, entities)
    VALUES (new.source_id, 1,
            NOT EXISTS (SELECT 1 FROM mentions WHERE source_id = new.source_id AND entity_type = new.entity_type
                                                AND entity_id = new.entity_id AND id <> new.id))
    ON CONFLICT DO UPDATE SET mentions = mentions + 1, entities = entities + excluded.entities;
END;

-- event_sources -> reports and events. An event counts once per article:
-- when no other report of it in that article exists.
CREATE TRIGGER source_counts_report_insert AFTER INSERT ON event_sources BEGIN
    INSERT INTO source_counts (source_id, reports, events)
    VALUES (new.source_id, 1,
            NOT EXISTS (SELECT 1 FROM event_sources WHERE source_id = new.source_id AND event_id = new.event_id AND id <> new.id))
    ON CONFLICT DO UPDATE SET reports = reports + 1, events = events + excluded.events;
END;
CREATE TRIGGER source_counts_report_delete AFTER DELETE ON event_sources BEGIN
    UPDATE source_counts
       SET reports = reports - 1,
           events = events - NOT EXISTS (SELECT 1 FROM event_sources WHERE source_id = old.source_id AND event_id = old.event_id
                                                                  AND id <> old.id)
     WHERE source_id = old.source_id;
END;
CREATE TRIGGER source_counts_report_update AFTER UPDATE OF event_id, source_id ON event_sources BEGIN
    UPDATE source_counts
       SET reports = reports - 1,
           events = events - NOT EXISTS (SELECT 1 FROM event_sources WHERE source_id = old.source_id AND event_id = old.event_id
                                                                  AND id <> old.id)
     WHERE source_id = old.source_id;
    INSERT INTO source_counts (source_id, reports, events)
    VALUES (new.source_id, 1,
            NOT EXISTS (SELECT 1 FROM event_sources WHERE source_id = new.source_id AND event_id = new.event_id AND id <> new.id))
    ON CONFLICT DO UPDATE SET reports = reports + 1, events = events + excluded.events;
END;

-- The counts of the rows already stored, one row per article and entity
-- (or event) in the order of an index, then per article.
INSERT INTO source_counts (source_id, mentions, entities, events, reports)
SELECT source_id, sum(mentions), sum(entities), sum(events), sum(reports) FROM (
    SELECT source_id, sum(n) AS mentions, count(*) AS entities, 0 AS events, 0 AS reports
      FROM (SELECT source_id, count(*) AS n FROM mentions GROUP BY source_id, entity_type, entity_id)
     GROUP BY source_id
    UNION ALL
    SELECT source_id, 0, 0, count(*), sum(n)
      FROM (SELECT source_id, count(*) AS n FROM event_sources GROUP BY source_id, event_id)
     GROUP BY source_id)
GROUP BY source_id;

INSERT INTO kb_columns (table_name, column_name, meaning) VALUES
('source_counts', 'source_id', 'the article'),
('source_counts', 'mentions', 'its rows in mentions (kept by triggers)'),
('source_counts', 'entities', 'distinct entities among those mentions'),
('source_counts', 'events', 'distinct events among its reports'),
('source_counts', 'reports', 'its rows in event_sources');

-- sources: the query file's SQL without the comment lines.
DROP VIEW v_sources;
CREATE VIEW v_sources AS
SELECT s.id,
       s.path,
       s.outlet,
       s.title,
       s.published_on,
       coalesce(c.mentions, 0) AS mentions,
       coalesce(c.entities, 0) AS entities,
       coalesce(c.events, 0) AS events,
       coalesce(c.reports, 0) AS reports
FROM sources s
LEFT JOIN source_counts c ON c.source_id = s.id
ORDER BY s.published_on IS NULL, s.published_on, s.id;
