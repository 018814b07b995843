-- events_kind_date (kind, occurred_on) held every event, and its only
-- reader is "who said what", which walks the dated statements and the
-- dated announcements in date order: about a fifth of all events. Each
-- new event paid an insert into it, comparing the kind's letters at each
-- step down the tree. Two partial indexes hold just those two walks; the
-- condition of each is written as the query writes it (`kind = '...'`,
-- not an IN list, which SQLite would neither match to the query nor
-- evaluate without a temporary table at every insert). Each holds the id
-- after the date, so that its rows come out in the query's order (date,
-- then event) with no sort of each day's events, and the kind, so that it
-- covers the query.
--
-- On 1,000 articles stored into a 20,000-article database the writer ran
-- about 3% fewer instructions.
DROP INDEX events_kind_date;
CREATE INDEX events_statements_dated ON events(occurred_on, id, kind)
WHERE kind = 'statement' AND occurred_on IS NOT NULL;
CREATE INDEX events_announcements_dated ON events(occurred_on, id, kind)
WHERE kind = 'announcement' AND occurred_on IS NOT NULL;

-- "who said what" names the two indexes (the planner, left to itself,
-- read the dated events of every kind and their rows); its view is
-- replaced to match its query file.
DROP VIEW v_who_said_what;
CREATE VIEW v_who_said_what AS
WITH said(day, event_id, report_id, kind, date, words, outlet, published, source_id) AS (
    SELECT * FROM (
        SELECT e.occurred_on, e.id, es.id, e.kind, e.occurred_on, es.sentence, s.outlet, s.published_on, s.id
        FROM events e INDEXED BY events_statements_dated
        CROSS JOIN event_sources es INDEXED BY event_sources_event ON es.event_id = e.id
        CROSS JOIN sources s ON s.id = es.source_id
        WHERE e.kind = 'statement' AND e.occurred_on IS NOT NULL
        UNION ALL
        SELECT e.occurred_on, e.id, es.id, e.kind, e.occurred_on, es.sentence, s.outlet, s.published_on, s.id
        FROM events e INDEXED BY events_announcements_dated
        CROSS JOIN event_sources es INDEXED BY event_sources_event ON es.event_id = e.id
        CROSS JOIN sources s ON s.id = es.source_id
        WHERE e.kind = 'announcement' AND e.occurred_on IS NOT NULL
        UNION ALL
        SELECT s.published_on, e.id, es.id, e.kind, e.occurred_on, es.sentence, s.outlet, s.published_on, s.id
        FROM sources s
        CROSS JOIN event_sources es ON es.source_id = s.id
        CROSS JOIN events e INDEXED BY events_said_undated ON e.id = es.event_id
        WHERE e.kind IN ('statement', 'announcement') AND e.occurred_on IS NULL AND s.published_on IS NOT NULL
        ORDER BY 1, 2, 3
        LIMIT -1
    )
    UNION ALL
    SELECT * FROM (
        SELECT NULL, e.id, es.id, NULL, NULL, NULL, NULL, NULL, s.id
        FROM sources s
        CROSS JOIN event_sources es ON es.source_id = s.id
        CROSS JOIN events e INDEXED BY events_said_undated ON e.id = es.event_id
        WHERE e.kind IN ('statement', 'announcement') AND e.occurred_on IS NULL AND s.published_on IS NULL
        ORDER BY 2, 3
        LIMIT -1
    )
)
SELECT (SELECT coalesce(
                   group_concat(CASE WHEN ee.role = 'speaker' AND ee.entity_type = 'person'
                                     THEN (SELECT p.name FROM people p WHERE p.id = ee.entity_id) END, '; '),
                   group_concat(CASE WHEN ee.role = 'speaker' AND ee.entity_type = 'organization'
                                     THEN (SELECT o.name FROM organizations o WHERE o.id = ee.entity_id) END, '; '),
                   group_concat(CASE WHEN ee.role = 'actor' AND ee.entity_type = 'person'
                                     THEN (SELECT p.name FROM people p WHERE p.id = ee.entity_id) END, '; '),
                   group_concat(CASE WHEN ee.role = 'actor' AND ee.entity_type = 'organization'
                                     THEN (SELECT o.name FROM organizations o WHERE o.id = ee.entity_id) END, '; '))
          FROM event_entities ee
         WHERE ee.event_id = w.event_id AND ee.role IN ('speaker', 'actor')) AS speaker,
       coalesce(w.words, (SELECT es.sentence FROM event_sources es WHERE es.id = w.report_id)) AS words,
       coalesce(w.kind, (SELECT e.kind FROM events e WHERE e.id = w.event_id)) AS kind,
       w.date,
       coalesce(w.outlet, (SELECT s.outlet FROM sources s WHERE s.id = w.source_id)) AS outlet,
       w.published,
       w.source_id,
       w.event_id
FROM said w;
