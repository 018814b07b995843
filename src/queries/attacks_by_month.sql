-- name: attacks by month
-- description: attacks and strikes per month of their date: distinct events,
--   deaths, reports (sentences reporting them), and the largest aggregate
--   claim ("about 150 attacks") dated in that month, in its own column and
--   never added to the event counts. Events known only to the year form a
--   "YYYY (month unknown)" row; events and claims without a date form the
--   last row, "undated" (the "claims" query shows each claim).
WITH ev AS (
    SELECT e.kind,
           e.killed,
           e.reported_count,
           CASE
               WHEN e.occurred_on IS NULL THEN 'undated'
               WHEN length(e.occurred_on) < 7 THEN substr(e.occurred_on, 1, 4) || ' (month unknown)'
               ELSE substr(e.occurred_on, 1, 7)
           END AS month,
           (SELECT count(*) FROM event_sources es WHERE es.event_id = e.id) AS reports
    FROM events e
    WHERE e.kind IN ('attack', 'strike')
)
SELECT month,
       sum(kind = 'attack' AND reported_count IS NULL) AS attacks,
       sum(kind = 'strike' AND reported_count IS NULL) AS strikes,
       sum(CASE WHEN reported_count IS NULL THEN killed END) AS killed,
       sum(reports) AS reports,
       max(reported_count) AS largest_claim
FROM ev
GROUP BY month
ORDER BY month = 'undated', month;
