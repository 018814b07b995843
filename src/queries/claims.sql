-- name: claims
-- description: aggregate claims ("about 150 attacks since October") side by
--   side, one row per report, largest first: kind, number, qualifier, period,
--   the article's outlet and date, and the sentence
SELECT e.kind,
       e.reported_count,
       e.count_qualifier AS qualifier,
       e.count_period AS period,
       e.occurred_on AS date,
       s.outlet,
       s.published_on AS published,
       es.sentence,
       e.id AS event_id
FROM events e
LEFT JOIN event_sources es ON es.event_id = e.id
LEFT JOIN sources s ON s.id = es.source_id
WHERE e.reported_count IS NOT NULL
ORDER BY e.reported_count DESC, s.published_on IS NULL, s.published_on, e.id, es.id;
