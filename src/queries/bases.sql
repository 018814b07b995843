-- name: bases
-- description: bases mentioned in some article, most mentioned first:
--   country, province, mentions, articles, and events at the base
SELECT b.name,
       b.country,
       b.province,
       count(*) AS mentions,
       count(DISTINCT m.source_id) AS articles,
       (SELECT count(*) FROM (SELECT e.id FROM events e WHERE e.base_id = b.id
                              UNION
                              SELECT ee.event_id FROM event_entities ee
                               WHERE ee.entity_type = 'base' AND ee.entity_id = b.id
                                 AND ee.role IN ('location', 'target'))) AS events
FROM bases b
JOIN mentions m ON m.entity_type = 'base' AND m.entity_id = b.id
GROUP BY b.id
ORDER BY mentions DESC, b.name;
