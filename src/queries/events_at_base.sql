-- name: events at base
-- description: every event at a base found by its name or any alias
--   (ignoring ASCII case), by date with the undated last
-- param: base - the base's canonical name or any alias, e.g. "Ain al-Asad"
WITH target(id) AS (
    SELECT id FROM bases WHERE name = :base COLLATE NOCASE
    UNION SELECT entity_id FROM aliases WHERE entity_type = 'base' AND alias = :base COLLATE NOCASE
),
at_base(base_id, event_id) AS (
    SELECT e.base_id, e.id FROM events e JOIN target t ON t.id = e.base_id
    UNION
    SELECT ee.entity_id, ee.event_id FROM event_entities ee JOIN target t ON t.id = ee.entity_id
     WHERE ee.entity_type = 'base' AND ee.role IN ('location', 'target')
)
SELECT b.name AS base,
       e.occurred_on AS date,
       e.date_precision AS precision,
       e.kind,
       e.summary,
       e.killed,
       e.reported_count,
       (SELECT count(DISTINCT es.source_id) FROM event_sources es WHERE es.event_id = e.id) AS sources,
       e.id AS event_id
FROM at_base a
JOIN bases b ON b.id = a.base_id
JOIN events e ON e.id = a.event_id
ORDER BY e.occurred_on IS NULL, e.occurred_on, e.id;
