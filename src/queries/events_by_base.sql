-- name: events by base
-- description: each base with events at it (its own base or a location or
--   target link): attacks, strikes, other events, deaths, the first and last
--   dated event, and reports
WITH at_base AS (
    SELECT e.base_id AS base_id, e.id AS event_id FROM events e WHERE e.base_id IS NOT NULL
    UNION
    SELECT ee.entity_id, ee.event_id FROM event_entities ee
     WHERE ee.entity_type = 'base' AND ee.role IN ('location', 'target')
)
SELECT b.name AS base,
       b.country,
       sum(e.kind = 'attack') AS attacks,
       sum(e.kind = 'strike') AS strikes,
       sum(e.kind NOT IN ('attack', 'strike')) AS other,
       sum(e.killed) AS killed,
       min(e.occurred_on) AS first_date,
       max(e.occurred_on) AS last_date,
       (SELECT count(*) FROM event_sources es JOIN at_base a2 ON a2.event_id = es.event_id
         WHERE a2.base_id = b.id) AS reports
FROM at_base a
JOIN bases b ON b.id = a.base_id
JOIN events e ON e.id = a.event_id
GROUP BY b.id
ORDER BY count(*) DESC, b.name;
