-- name: counts by kind
-- description: events of each kind: how many, how many have a date, how many
--   are aggregate claims, deaths, reports (sentences) and articles
SELECT e.kind,
       count(*) AS events,
       sum(e.occurred_on IS NOT NULL) AS dated,
       sum(e.reported_count IS NOT NULL) AS claims,
       sum(e.killed) AS killed,
       (SELECT count(*) FROM event_sources es JOIN events x ON x.id = es.event_id
         WHERE x.kind = e.kind) AS reports,
       (SELECT count(DISTINCT es.source_id) FROM event_sources es JOIN events x ON x.id = es.event_id
         WHERE x.kind = e.kind) AS articles
FROM events e
GROUP BY e.kind
ORDER BY events DESC, e.kind;
