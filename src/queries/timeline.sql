-- name: timeline
-- description: every dated event in date order: its date and precision,
--   kind, summary, base (or place), deaths, and how many articles report it
SELECT e.occurred_on AS date,
       e.date_precision AS precision,
       e.kind,
       e.summary,
       coalesce(b.name, e.place) AS place,
       e.killed,
       (SELECT count(DISTINCT es.source_id) FROM event_sources es WHERE es.event_id = e.id) AS sources,
       e.id AS event_id
FROM events e
LEFT JOIN bases b ON b.id = e.base_id
WHERE e.occurred_on IS NOT NULL
ORDER BY e.occurred_on, e.id;
