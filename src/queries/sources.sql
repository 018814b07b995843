-- name: sources
-- description: the ingested articles by publication date: id, path, outlet,
--   title, date, and how many mentions, entities, events and reports each gave
SELECT s.id,
       s.path,
       s.outlet,
       s.title,
       s.published_on,
       (SELECT count(*) FROM mentions m WHERE m.source_id = s.id) AS mentions,
       (SELECT count(*) FROM (SELECT DISTINCT m.entity_type, m.entity_id FROM mentions m
         WHERE m.source_id = s.id)) AS entities,
       (SELECT count(DISTINCT es.event_id) FROM event_sources es WHERE es.source_id = s.id) AS events,
       (SELECT count(*) FROM event_sources es WHERE es.source_id = s.id) AS reports
FROM sources s
ORDER BY s.published_on IS NULL, s.published_on, s.id;
