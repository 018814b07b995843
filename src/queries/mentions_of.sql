-- name: mentions of
-- description: every mention of a person, organization or base found by its
--   name or any alias (ignoring ASCII case): the article, the words used, and
--   the sentence around them (an event report's sentence where one holds the
--   mention, else the text out to the nearest sentence ends within 200
--   characters)
-- param: name - a canonical name or alias, e.g. "Ain al-Asad"
WITH target(entity_type, entity_id) AS (
    SELECT 'person', id FROM people WHERE name = :name COLLATE NOCASE
    UNION SELECT 'organization', id FROM organizations WHERE name = :name COLLATE NOCASE
    UNION SELECT 'base', id FROM bases WHERE name = :name COLLATE NOCASE
    UNION SELECT entity_type, entity_id FROM aliases WHERE alias = :name COLLATE NOCASE
),
-- Articles in output order drive the join, so the first rows come at once.
hit AS (
    SELECT m.id, m.entity_type, m.entity_id, s.id AS source_id, m.surface, m.start, m."end",
           s.outlet, s.published_on, length(s.body) AS body_len,
           max(m.start - 200, 0) AS w0,
           substr(s.body, max(m.start - 200, 0) + 1, m.start - max(m.start - 200, 0)) AS pre,
           substr(s.body, m.start + 1, m."end" - m.start) AS mid,
           substr(s.body, m."end" + 1, 200) AS post
    FROM sources s
    CROSS JOIN target t
    CROSS JOIN mentions m ON m.entity_type = t.entity_type AND m.entity_id = t.entity_id AND m.source_id = s.id
),
-- A sentence end (". ", "? ", "! ", ".” ", a line break) has its space
-- marked with char(1); the marking keeps every length, so positions found
-- in the marked text hold in the original.
marked AS (
    SELECT hit.*,
           replace(replace(replace(replace(replace(pre, '. ', '.' || char(1)), '? ', '?' || char(1)),
               '! ', '!' || char(1)), '.” ', '.”' || char(1)), char(10), char(1)) AS pre_m,
           replace(replace(replace(replace(replace(post, '. ', '.' || char(1)), '? ', '?' || char(1)),
               '! ', '!' || char(1)), '.” ', '.”' || char(1)), char(10), char(1)) AS post_m
    FROM hit
),
-- rtrim with every other character of the text strips back to the last
-- mark: its length is where the sentence begins.
cut AS (
    SELECT marked.*,
           length(rtrim(pre_m, replace(pre_m, char(1), ''))) AS pre_at,
           instr(post_m, char(1)) AS post_at
    FROM marked
)
-- The report holding a mention is the one with the smallest id: min()
-- reads it off the index, where ORDER BY es.id LIMIT 1 sorted the
-- article's reports again for every mention.
SELECT CASE c.entity_type
           WHEN 'person' THEN (SELECT name FROM people WHERE id = c.entity_id)
           WHEN 'organization' THEN (SELECT name FROM organizations WHERE id = c.entity_id)
           ELSE (SELECT name FROM bases WHERE id = c.entity_id)
       END AS entity,
       c.entity_type AS type,
       c.source_id,
       c.outlet,
       c.published_on AS published,
       c.surface,
       replace(coalesce(
           (SELECT es.sentence FROM event_sources es WHERE es.id =
              (SELECT min(es.id) FROM event_sources es
                WHERE es.source_id = c.source_id AND es.sentence_start <= c.start AND es.sentence_end >= c."end")),
           CASE WHEN c.pre_at = 0 AND c.w0 > 0 THEN '...' ELSE '' END
             || substr(c.pre, c.pre_at + 1)
             || c.mid
             || CASE WHEN c.post_at > 0 THEN substr(c.post, 1, c.post_at - 1)
                     WHEN c."end" + 200 < c.body_len THEN c.post || '...'
                     ELSE c.post END
       ), char(10), ' ') AS context
FROM cut c
ORDER BY c.published_on IS NULL, c.published_on, c.source_id, c.start;
