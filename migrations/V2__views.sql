-- Views of the canned queries that take no parameters (src/queries/*.sql),
-- so that a SQLite browser shows the same answers as `kb query NAME`.
-- Each view's body is its query file's SQL without the comment lines; a
-- test keeps the two in step.

-- attacks by month
CREATE VIEW v_attacks_by_month AS
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

-- timeline
CREATE VIEW v_timeline AS
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

-- counts by kind
CREATE VIEW v_counts_by_kind AS
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

-- events by base
CREATE VIEW v_events_by_base AS
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

-- claims
CREATE VIEW v_claims AS
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

-- who said what
CREATE VIEW v_who_said_what AS
SELECT coalesce(
           (SELECT group_concat(p.name, '; ') FROM event_entities ee JOIN people p ON p.id = ee.entity_id
             WHERE ee.event_id = e.id AND ee.entity_type = 'person' AND ee.role = 'speaker'),
           (SELECT group_concat(o.name, '; ') FROM event_entities ee JOIN organizations o ON o.id = ee.entity_id
             WHERE ee.event_id = e.id AND ee.entity_type = 'organization' AND ee.role = 'speaker'),
           (SELECT group_concat(p.name, '; ') FROM event_entities ee JOIN people p ON p.id = ee.entity_id
             WHERE ee.event_id = e.id AND ee.entity_type = 'person' AND ee.role = 'actor'),
           (SELECT group_concat(o.name, '; ') FROM event_entities ee JOIN organizations o ON o.id = ee.entity_id
             WHERE ee.event_id = e.id AND ee.entity_type = 'organization' AND ee.role = 'actor')
       ) AS speaker,
       es.sentence AS words,
       e.kind,
       e.occurred_on AS date,
       s.outlet,
       s.published_on AS published,
       s.id AS source_id,
       e.id AS event_id
FROM events e
JOIN event_sources es ON es.event_id = e.id
JOIN sources s ON s.id = es.source_id
WHERE e.kind IN ('statement', 'announcement')
ORDER BY coalesce(e.occurred_on, s.published_on) IS NULL, coalesce(e.occurred_on, s.published_on), e.id, es.id;

-- people
CREATE VIEW v_people AS
SELECT p.name,
       p.role,
       p.affiliation,
       count(*) AS mentions,
       count(DISTINCT m.source_id) AS articles,
       (SELECT count(DISTINCT ee.event_id) FROM event_entities ee
         WHERE ee.entity_type = 'person' AND ee.entity_id = p.id) AS events
FROM people p
JOIN mentions m ON m.entity_type = 'person' AND m.entity_id = p.id
GROUP BY p.id
ORDER BY mentions DESC, p.name;

-- organizations
CREATE VIEW v_organizations AS
SELECT o.name,
       o.kind,
       count(*) AS mentions,
       count(DISTINCT m.source_id) AS articles,
       (SELECT count(DISTINCT ee.event_id) FROM event_entities ee
         WHERE ee.entity_type = 'organization' AND ee.entity_id = o.id) AS events
FROM organizations o
JOIN mentions m ON m.entity_type = 'organization' AND m.entity_id = o.id
GROUP BY o.id
ORDER BY mentions DESC, o.name;

-- bases
CREATE VIEW v_bases AS
SELECT b.name,
       b.country,
       b.province,
       count(*) AS mentions,
       count(DISTINCT m.source_id) AS articles,
       (SELECT count(*) FROM events e WHERE e.base_id = b.id
             OR EXISTS (SELECT 1 FROM event_entities ee WHERE ee.event_id = e.id
                         AND ee.entity_type = 'base' AND ee.entity_id = b.id
                         AND ee.role IN ('location', 'target'))) AS events
FROM bases b
JOIN mentions m ON m.entity_type = 'base' AND m.entity_id = b.id
GROUP BY b.id
ORDER BY mentions DESC, b.name;

-- entities
CREATE VIEW v_entities AS
WITH named(entity_type, entity_id, name) AS (
    SELECT 'person', id, name FROM people
    UNION ALL SELECT 'organization', id, name FROM organizations
    UNION ALL SELECT 'base', id, name FROM bases
)
SELECT n.entity_type AS type,
       n.name,
       count(*) AS mentions,
       count(DISTINCT m.source_id) AS articles,
       (SELECT group_concat(a.alias, '; ') FROM aliases a
         WHERE a.entity_type = n.entity_type AND a.entity_id = n.entity_id) AS aliases
FROM named n
JOIN mentions m ON m.entity_type = n.entity_type AND m.entity_id = n.entity_id
GROUP BY n.entity_type, n.entity_id
ORDER BY mentions DESC, n.entity_type, n.name;

-- sources
CREATE VIEW v_sources AS
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
