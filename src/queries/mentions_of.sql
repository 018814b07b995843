-- name: mentions of
-- description: every mention of a person, organization or base found by its
--   name or any alias (ignoring ASCII case): the article, the words used, and
--   the sentence around them (an event's sentence where one holds the mention,
--   else the text within 80 characters)
-- param: name - a canonical name or alias, e.g. "Ain al-Asad"
WITH target(entity_type, entity_id) AS (
    SELECT 'person', id FROM people WHERE name = :name COLLATE NOCASE
    UNION SELECT 'organization', id FROM organizations WHERE name = :name COLLATE NOCASE
    UNION SELECT 'base', id FROM bases WHERE name = :name COLLATE NOCASE
    UNION SELECT entity_type, entity_id FROM aliases WHERE alias = :name COLLATE NOCASE
)
SELECT CASE m.entity_type
           WHEN 'person' THEN (SELECT name FROM people WHERE id = m.entity_id)
           WHEN 'organization' THEN (SELECT name FROM organizations WHERE id = m.entity_id)
           ELSE (SELECT name FROM bases WHERE id = m.entity_id)
       END AS entity,
       m.entity_type AS type,
       s.id AS source_id,
       s.outlet,
       s.published_on AS published,
       m.surface,
       replace(coalesce(
           (SELECT es.sentence FROM event_sources es
             WHERE es.source_id = m.source_id AND es.sentence_start <= m.start AND es.sentence_end >= m."end"
             ORDER BY es.id LIMIT 1),
           CASE WHEN m.start > 80 THEN '...' ELSE '' END
             || substr(s.body, max(m.start - 80, 0) + 1, m."end" - max(m.start - 80, 0) + 80)
             || CASE WHEN m."end" + 80 < length(s.body) THEN '...' ELSE '' END
       ), char(10), ' ') AS context
FROM target t
JOIN mentions m ON m.entity_type = t.entity_type AND m.entity_id = t.entity_id
JOIN sources s ON s.id = m.source_id
ORDER BY s.published_on IS NULL, s.published_on, s.id, m.start;
