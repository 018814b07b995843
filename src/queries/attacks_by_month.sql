-- name: attacks by month
-- description: attacks and strikes per month of their date: distinct events,
--   deaths, reports (sentences reporting them), and the largest aggregate
--   claim ("about 150 attacks") dated in that month, in its own column and
--   never added to the event counts. Events known only to the year form a
--   "YYYY (month unknown)" row; events and claims without a date form the
--   last row, "undated" (the "claims" query shows each claim).
-- Counts come from the event_counts summary; the largest claim from the
-- claims index (+kind keeps the planner on it).
WITH counted AS (
    SELECT c.month,
           sum(CASE WHEN c.kind = 'attack' THEN c.events - c.claims ELSE 0 END) AS attacks,
           sum(CASE WHEN c.kind = 'strike' THEN c.events - c.claims ELSE 0 END) AS strikes,
           CASE WHEN sum(c.unclaimed_killed_known) > 0 THEN sum(c.unclaimed_killed) END AS killed,
           sum(c.reports) AS reports
    FROM event_counts c
    WHERE c.kind IN ('attack', 'strike') AND c.events > 0
    GROUP BY c.month
),
claimed AS (
    SELECT CASE
               WHEN e.occurred_on IS NULL THEN 'undated'
               WHEN length(e.occurred_on) < 7 THEN substr(e.occurred_on, 1, 4) || ' (month unknown)'
               ELSE substr(e.occurred_on, 1, 7)
           END AS month,
           max(e.reported_count) AS largest
    FROM events e
    WHERE e.reported_count IS NOT NULL AND +e.kind IN ('attack', 'strike')
    GROUP BY 1
)
SELECT c.month,
       c.attacks,
       c.strikes,
       c.killed,
       c.reports,
       cl.largest AS largest_claim
FROM counted c
LEFT JOIN claimed cl ON cl.month = c.month
ORDER BY c.month = 'undated', c.month;
