-- name: people
-- description: people mentioned in some article, most mentioned first: role,
--   affiliation, mentions, articles, and events they take part in
SELECT p.name,
       p.role,
       p.affiliation,
       c.mentions,
       c.articles,
       c.events
FROM entity_counts c
JOIN people p ON p.id = c.entity_id
WHERE c.entity_type = 'person' AND c.mentions > 0
ORDER BY c.mentions DESC, p.name;
