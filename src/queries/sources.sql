-- name: sources
-- description: the ingested articles by publication date: id, path, outlet,
--   title, date, and how many mentions, entities, events and reports each gave
WITH counted AS (
    -- The articles come from the sources_listing index alone (no article row,
    -- with its body, is read). An article's reports are read once: grouped by
    -- event, their count and the number of groups come out packed in one
    -- integer (reports in the high 32 bits). LIMIT -1 keeps the order for the
    -- outer ORDER BY to reuse.
    SELECT s.published_on IS NULL AS undated, s.published_on, s.id, s.path, s.outlet, s.title,
           (SELECT count(*) FROM mentions m WHERE m.source_id = s.id) AS mentions,
           (SELECT count(*) FROM (SELECT DISTINCT m.entity_type, m.entity_id FROM mentions m
             WHERE m.source_id = s.id)) AS entities,
           (SELECT (coalesce(sum(n), 0) << 32) | count(*) FROM (SELECT count(*) AS n FROM event_sources es
             WHERE es.source_id = s.id GROUP BY es.event_id)) AS reported
    FROM sources s
    ORDER BY 1, 2, 3
    LIMIT -1
)
SELECT id, path, outlet, title, published_on, mentions, entities,
       reported & 4294967295 AS events, reported >> 32 AS reports
FROM counted
ORDER BY undated, published_on, id;
