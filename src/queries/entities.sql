-- name: entities
-- description: every person, organization and base mentioned somewhere, with
--   mentions, articles and the other names it goes by
WITH named(entity_type, entity_id, name) AS (
    SELECT 'person', id, name FROM people
    UNION ALL SELECT 'organization', id, name FROM organizations
    UNION ALL SELECT 'base', id, name FROM bases
)
SELECT n.entity_type AS type,
       n.name,
       c.mentions,
       c.articles,
       (SELECT group_concat(a.alias, '; ') FROM aliases a
         WHERE a.entity_type = n.entity_type AND a.entity_id = n.entity_id) AS aliases
FROM named n
JOIN entity_counts c ON c.entity_type = n.entity_type AND c.entity_id = n.entity_id
WHERE c.mentions > 0
ORDER BY c.mentions DESC, n.entity_type, n.name;
