-- name: bases
-- description: bases mentioned in some article, most mentioned first:
--   country, province, mentions, articles, and events at the base
SELECT b.name,
       b.country,
       b.province,
       c.mentions,
       c.articles,
       (SELECT count(*) FROM (SELECT e.id FROM events e WHERE e.base_id = b.id
                              UNION
                              SELECT ee.event_id FROM event_entities ee
                               WHERE ee.entity_type = 'base' AND ee.entity_id = b.id
                                 AND ee.role IN ('location', 'target'))) AS events
FROM entity_counts c
JOIN bases b ON b.id = c.entity_id
WHERE c.entity_type = 'base' AND c.mentions > 0
ORDER BY c.mentions DESC, b.name;
