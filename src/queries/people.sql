-- name: people
-- description: people mentioned in some article, most mentioned first: role,
--   affiliation, mentions, articles, and events they take part in
SELECT p.name,
       p.role,
       p.affiliation,
       count(*) AS mentions,
       count(DISTINCT m.source_id) AS articles,
       (SELECT count(DISTINCT ee.event_id) FROM event_entities ee
         WHERE ee.entity_type = 'person' AND ee.entity_id = p.id) AS events
FROM people p
JOIN mentions m ON m.entity_type = 'person' AND m.entity_id = p.id
GROUP BY p.id
ORDER BY mentions DESC, p.name;
