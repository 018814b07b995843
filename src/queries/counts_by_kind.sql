-- name: counts by kind
-- description: events of each kind: how many, how many have a date, how many
--   are aggregate claims, deaths, reports (sentences) and articles
SELECT c.kind,
       sum(c.events) AS events,
       sum(c.dated) AS dated,
       sum(c.claims) AS claims,
       CASE WHEN sum(c.killed_known) > 0 THEN sum(c.killed) END AS killed,
       sum(c.reports) AS reports,
       coalesce((SELECT k.articles FROM kind_counts k WHERE k.kind = c.kind), 0) AS articles
FROM event_counts c
GROUP BY c.kind
HAVING sum(c.events) > 0
ORDER BY events DESC, c.kind;
