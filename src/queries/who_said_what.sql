-- name: who said what
-- description: statements and announcements: the speaker (people, else
--   organizations, else whoever made the announcement), the reported words, the event's date, and the article;
--   in date order (the article's date where the event has none), undated last
-- The order key joins two tables (the event's date, else the article's), so
-- no index holds it; parts that each come out in key order from an index
-- are merged instead, and the rows stream: dated statements, then dated
-- announcements, by their date; undated ones by their article's date; and
-- last those with neither (x'' sorts after any text).
-- LIMIT -1 keeps the merged order for the outer ORDER BY to reuse.
-- The order key joins two tables (the event's date, else the article's), so
-- no index holds it; parts that each come out in key order are merged
-- instead, and the rows stream: dated statements, then dated
-- announcements, by their date; undated ones by their article's date; and
-- last those with neither date (x'' sorts after any text), few, sorted by
-- their keys alone and completed once merged. LIMIT -1 keeps the merged
-- order for the outer ORDER BY to reuse.
WITH said(day, event_id, report_id, kind, date, words, outlet, published, source_id) AS (
    SELECT e.occurred_on, e.id, es.id, e.kind, e.occurred_on, es.sentence, s.outlet, s.published_on, s.id
    FROM events e
    CROSS JOIN event_sources es INDEXED BY event_sources_event ON es.event_id = e.id
    CROSS JOIN sources s ON s.id = es.source_id
    WHERE e.kind = 'statement' AND e.occurred_on IS NOT NULL
    UNION ALL
    SELECT e.occurred_on, e.id, es.id, e.kind, e.occurred_on, es.sentence, s.outlet, s.published_on, s.id
    FROM events e
    CROSS JOIN event_sources es INDEXED BY event_sources_event ON es.event_id = e.id
    CROSS JOIN sources s ON s.id = es.source_id
    WHERE e.kind = 'announcement' AND e.occurred_on IS NOT NULL
    UNION ALL
    SELECT s.published_on, e.id, es.id, e.kind, e.occurred_on, es.sentence, s.outlet, s.published_on, s.id
    FROM sources s
    CROSS JOIN event_sources es ON es.source_id = s.id
    CROSS JOIN events e INDEXED BY events_said_undated ON e.id = es.event_id
    WHERE e.kind IN ('statement', 'announcement') AND e.occurred_on IS NULL AND s.published_on IS NOT NULL
    UNION ALL
    SELECT x'', e.id, es.id, NULL, NULL, NULL, NULL, NULL, s.id
    FROM sources s
    CROSS JOIN event_sources es ON es.source_id = s.id
    CROSS JOIN events e INDEXED BY events_said_undated ON e.id = es.event_id
    WHERE e.kind IN ('statement', 'announcement') AND e.occurred_on IS NULL AND s.published_on IS NULL
    ORDER BY 1, 2, 3
    LIMIT -1
)
SELECT coalesce(
           (SELECT group_concat(p.name, '; ') FROM event_entities ee JOIN people p ON p.id = ee.entity_id
             WHERE ee.event_id = w.event_id AND ee.entity_type = 'person' AND ee.role = 'speaker'),
           (SELECT group_concat(o.name, '; ') FROM event_entities ee JOIN organizations o ON o.id = ee.entity_id
             WHERE ee.event_id = w.event_id AND ee.entity_type = 'organization' AND ee.role = 'speaker'),
           (SELECT group_concat(p.name, '; ') FROM event_entities ee JOIN people p ON p.id = ee.entity_id
             WHERE ee.event_id = w.event_id AND ee.entity_type = 'person' AND ee.role = 'actor'),
           (SELECT group_concat(o.name, '; ') FROM event_entities ee JOIN organizations o ON o.id = ee.entity_id
             WHERE ee.event_id = w.event_id AND ee.entity_type = 'organization' AND ee.role = 'actor')
       ) AS speaker,
       coalesce(w.words, (SELECT es.sentence FROM event_sources es WHERE es.id = w.report_id)) AS words,
       coalesce(w.kind, (SELECT e.kind FROM events e WHERE e.id = w.event_id)) AS kind,
       w.date,
       coalesce(w.outlet, (SELECT s.outlet FROM sources s WHERE s.id = w.source_id)) AS outlet,
       w.published,
       w.source_id,
       w.event_id
FROM said w
ORDER BY w.day, w.event_id, w.report_id;
