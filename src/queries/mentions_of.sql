-- name: mentions of
-- description: every mention of a person, organization or base found by its
--   name or any alias (ignoring ASCII case): the article, the words used, and
--   the sentence around them (an event report's sentence where one holds the
--   mention, else the text out to the nearest sentence ends within 200
--   characters)
-- param: name - a canonical name or alias, e.g. "Ain al-Asad"
WITH target(entity_type, entity_id, entity) AS (
    -- The entities named, each with its canonical name, looked up once here
    -- rather than for every mention.
    SELECT 'person', id, name FROM people WHERE name = :name COLLATE NOCASE
    UNION SELECT 'organization', id, name FROM organizations WHERE name = :name COLLATE NOCASE
    UNION SELECT 'base', id, name FROM bases WHERE name = :name COLLATE NOCASE
    UNION SELECT a.entity_type, a.entity_id,
                 CASE a.entity_type
                     WHEN 'person' THEN (SELECT name FROM people WHERE id = a.entity_id)
                     WHEN 'organization' THEN (SELECT name FROM organizations WHERE id = a.entity_id)
                     ELSE (SELECT name FROM bases WHERE id = a.entity_id)
                 END
          FROM aliases a WHERE a.alias = :name COLLATE NOCASE
)
-- Articles in output order drive the join, so the first rows come at once.
-- The report holding a mention is the one with the smallest id: min()
-- reads it off an index, where ORDER BY es.id LIMIT 1 sorted the article's
-- reports again for every mention. The article's body is read only for a
-- mention no report holds.
SELECT t.entity,
       m.entity_type AS type,
       s.id AS source_id,
       s.outlet,
       s.published_on AS published,
       m.surface,
       coalesce(
           -- GLOB finds a line break without copying the sentence, as
           -- replace() would for every row.
           CASE WHEN es.sentence GLOB '*' || char(10) || '*' THEN replace(es.sentence, char(10), ' ') ELSE es.sentence END,
           -- The body is read and cut once: the window from 200 characters
           -- before the mention to 201 after it (the 201st says whether the
           -- text goes on). MATERIALIZED keeps SQLite from copying each
           -- expression into every place its column is used.
           replace((WITH w AS MATERIALIZED (
                SELECT max(m.start - 200, 0) AS w0,
                       substr(s.body, max(m.start - 200, 0) + 1, m."end" + 201 - max(m.start - 200, 0)) AS win
            ),
            parts AS (
                SELECT w0,
                       substr(win, 1, m.start - w0) AS pre,
                       substr(win, m.start - w0 + 1, m."end" - m.start) AS mid,
                       substr(win, m."end" - w0 + 1, 200) AS post,
                       length(win) > m."end" - w0 + 200 AS more
                FROM w
            ),
            -- A sentence end (". ", "? ", "! ", ".” ", a line break) has its
            -- space marked with char(1); the marking keeps every length, so
            -- the text after the last mark is the same in the marked text
            -- and the original.
            marked AS MATERIALIZED (
                SELECT parts.*,
                       replace(replace(replace(replace(replace(pre, '. ', '.' || char(1)), '? ', '?' || char(1)),
                           '! ', '!' || char(1)), '.” ', '.”' || char(1)), char(10), char(1)) AS pre_m,
                       replace(replace(replace(replace(replace(post, '. ', '.' || char(1)), '? ', '?' || char(1)),
                           '! ', '!' || char(1)), '.” ', '.”' || char(1)), char(10), char(1)) AS post_m
                FROM parts
            )
            -- The text after the last mark before the mention is the last
            -- element of a JSON array split at the marks: json_quote writes
            -- each mark as \u0001; its escaped backslashes (\\) are set aside
            -- as char(1), which json_quote never leaves bare, so a \u0001
            -- left over is a mark and not text that reads so.
            SELECT CASE WHEN instr(pre_m, char(1)) = 0 AND w0 > 0 THEN '...' ELSE '' END
                     || (('[' || replace(replace(replace(json_quote(pre_m), '\\', char(1)), '\u0001', '","'), char(1), '\\')
                          || ']') ->> '$[#-1]')
                     || mid
                     || CASE WHEN instr(post_m, char(1)) > 0 THEN substr(post, 1, instr(post_m, char(1)) - 1)
                             WHEN more THEN post || '...'
                             ELSE post END
            FROM marked), char(10), ' ')
       ) AS context
FROM sources s
CROSS JOIN target t
CROSS JOIN mentions m ON m.entity_type = t.entity_type AND m.entity_id = t.entity_id AND m.source_id = s.id
LEFT JOIN event_sources es ON es.id =
    (SELECT min(e.id) FROM event_sources e
      WHERE e.source_id = s.id AND e.sentence_start <= m.start AND e.sentence_end >= m."end")
ORDER BY s.published_on IS NULL, s.published_on, s.id, m.start;
