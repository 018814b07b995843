-- name: organizations
-- description: organizations mentioned in some article, most mentioned
--   first: kind, mentions, articles, and events they take part in
SELECT o.name,
       o.kind,
       c.mentions,
       c.articles,
       c.events
FROM entity_counts c
JOIN organizations o ON o.id = c.entity_id
WHERE c.entity_type = 'organization' AND c.mentions > 0
ORDER BY c.mentions DESC, o.name;
