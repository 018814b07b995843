-- name: who said what
-- description: statements and announcements: the speaker (people, else
--   organizations, else whoever made the announcement), the reported words, the event's date, and the article;
--   in date order (the article's date where the event has none), undated last
-- The order key joins two tables (the event's date, else the article's), so
-- no index holds it; parts that each come out in key order are merged
-- instead, and the rows stream: dated statements, then dated
-- announcements, by their date; then undated ones by their article's date.
-- LIMIT -1 keeps each part's order for the merge and the outer query.
-- Those with neither date come after every other row; they are found only
-- from the undated articles' reports, all sorted at once, so they are
-- appended after the merge rather than merged: in the merge they kept the
-- first row waiting for that sort. Their words, kind and outlet are
-- completed once they are reached.
-- The dated statements and announcements each come out of their own
-- partial index, in date order (V17).
-- The speaker is one look at the event's speakers and actors; the first
-- non-empty group (people speaking, organizations speaking, people acting,
-- organizations acting) wins, names in entity order.
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
