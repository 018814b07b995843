-- name: organizations
-- description: organizations mentioned in some article, most mentioned
--   first: kind, mentions, articles, and events they take part in
SELECT o.name,
       o.kind,
       count(*) AS mentions,
       count(DISTINCT m.source_id) AS articles,
       (SELECT count(DISTINCT ee.event_id) FROM event_entities ee
         WHERE ee.entity_type = 'organization' AND ee.entity_id = o.id) AS events
FROM organizations o
JOIN mentions m ON m.entity_type = 'organization' AND m.entity_id = o.id
GROUP BY o.id
ORDER BY mentions DESC, o.name;
