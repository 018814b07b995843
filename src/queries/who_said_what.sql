-- name: who said what
-- description: statements and announcements: the speaker (people, else
--   organizations, else whoever made the announcement), the reported words, the event's date, and the article;
--   in date order (the article's date where the event has none), undated last
SELECT coalesce(
           (SELECT group_concat(p.name, '; ') FROM event_entities ee JOIN people p ON p.id = ee.entity_id
             WHERE ee.event_id = e.id AND ee.entity_type = 'person' AND ee.role = 'speaker'),
           (SELECT group_concat(o.name, '; ') FROM event_entities ee JOIN organizations o ON o.id = ee.entity_id
             WHERE ee.event_id = e.id AND ee.entity_type = 'organization' AND ee.role = 'speaker'),
           (SELECT group_concat(p.name, '; ') FROM event_entities ee JOIN people p ON p.id = ee.entity_id
             WHERE ee.event_id = e.id AND ee.entity_type = 'person' AND ee.role = 'actor'),
           (SELECT group_concat(o.name, '; ') FROM event_entities ee JOIN organizations o ON o.id = ee.entity_id
             WHERE ee.event_id = e.id AND ee.entity_type = 'organization' AND ee.role = 'actor')
       ) AS speaker,
       es.sentence AS words,
       e.kind,
       e.occurred_on AS date,
       s.outlet,
       s.published_on AS published,
       s.id AS source_id,
       e.id AS event_id
FROM events e
JOIN event_sources es ON es.event_id = e.id
JOIN sources s ON s.id = es.source_id
WHERE e.kind IN ('statement', 'announcement')
ORDER BY coalesce(e.occurred_on, s.published_on) IS NULL, coalesce(e.occurred_on, s.published_on), e.id, es.id;
