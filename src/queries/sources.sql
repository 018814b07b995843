-- name: sources
-- description: the ingested articles by publication date: id, path, outlet,
--   title, date, and how many mentions, entities, events and reports each gave
SELECT s.id,
       s.path,
       s.outlet,
       s.title,
       s.published_on,
       coalesce(c.mentions, 0) AS mentions,
       coalesce(c.entities, 0) AS entities,
       coalesce(c.events, 0) AS events,
       coalesce(c.reports, 0) AS reports
FROM sources s
-- The counts come from the source_counts summary, one seek per article;
-- an article without a row there has none.
LEFT JOIN source_counts c ON c.source_id = s.id
ORDER BY s.published_on IS NULL, s.published_on, s.id;
