-- The "sources" listing streams at the rate of its index alone.
--
-- It walked sources_published_nulls_last and read each article's row for
-- its path, outlet and title: a random read of a wide row (the body comes
-- with it) per output row, about a fifth of the listing's time on 100,000
-- articles. sources_listing holds those columns in the listing's order;
-- it begins with the columns of sources_published_nulls_last, which every
-- other query walking articles in date order (mentions of) uses as well,
-- so that index goes.
CREATE INDEX sources_listing ON sources(published_on IS NULL, published_on, id, path, outlet, title);
DROP INDEX sources_published_nulls_last;

-- The view repeats src/queries/sources.sql, which counts an article's
-- reports and events in one pass.
DROP VIEW v_sources;
CREATE VIEW v_sources AS
WITH counted AS (
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
