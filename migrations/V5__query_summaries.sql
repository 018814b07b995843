-- Canned queries that answer at once on a large knowledge base (100,000
-- articles: millions of mentions and reports). Two means:
--
-- * Indexes the listings walk in their output order, or read without
--   touching the table rows: sources by date with the undated last; an
--   article's mentions by entity; an article's reports by event and
--   sentence span (they replace the narrower mentions_source and
--   event_sources_source); aggregate claims, largest first; undated
--   statements and announcements.
-- * Summary tables of counts the aggregating queries would otherwise
--   count from every mention and report row each time. Triggers on the
--   contract tables keep them equal to those counts whoever writes (kb
--   ingest, forget, merge, rename, reindex, or a SQLite browser); this
--   migration fills them from the rows already stored.
--
-- The canned queries using them (src/queries/*.sql) give the same rows in
-- the same order as before; their views are replaced to match.

CREATE INDEX sources_published_nulls_last ON sources(published_on IS NULL, published_on);

CREATE INDEX mentions_source_entity ON mentions(source_id, entity_type, entity_id);
DROP INDEX mentions_source;

CREATE INDEX event_sources_source_event ON event_sources(source_id, event_id, sentence_start, sentence_end);
DROP INDEX event_sources_source;

CREATE INDEX events_claims ON events(reported_count DESC, kind, occurred_on, count_qualifier, count_period)
WHERE reported_count IS NOT NULL;

-- who said what: whether a reported event is an undated statement, without
-- reading the event.
CREATE INDEX events_said_undated ON events(id) WHERE occurred_on IS NULL AND kind IN ('statement', 'announcement');

-- Per entity: rows in mentions, distinct articles among them, and distinct
-- events it takes part in (event_entities, any role). A row may hold
-- zeros once everything it counted is gone.
CREATE TABLE entity_counts (
    entity_type  TEXT NOT NULL,
    entity_id    INTEGER NOT NULL,
    mentions     INTEGER NOT NULL DEFAULT 0,
    articles     INTEGER NOT NULL DEFAULT 0,
    events       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_type, entity_id)
) WITHOUT ROWID;

-- Per event kind and month (the month as "attacks by month" shows it):
-- events, dated ones, aggregate claims, deaths (and how many events give
-- a toll, so that a sum over none stays NULL as in SQL), the same for
-- events that are not claims, and reports (event_sources rows).
CREATE TABLE event_counts (
    kind                    TEXT NOT NULL,
    month                   TEXT NOT NULL,
    events                  INTEGER NOT NULL DEFAULT 0,
    dated                   INTEGER NOT NULL DEFAULT 0,
    claims                  INTEGER NOT NULL DEFAULT 0,
    killed                  INTEGER NOT NULL DEFAULT 0,
    killed_known            INTEGER NOT NULL DEFAULT 0,
    unclaimed_killed        INTEGER NOT NULL DEFAULT 0,
    unclaimed_killed_known  INTEGER NOT NULL DEFAULT 0,
    reports                 INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, month)
) WITHOUT ROWID;

-- Reports of each event kind in each article, and per kind the number of
-- articles with at least one.
CREATE TABLE kind_sources (
    kind       TEXT NOT NULL,
    source_id  INTEGER NOT NULL,
    reports    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, source_id)
) WITHOUT ROWID;

CREATE TABLE kind_counts (
    kind      TEXT PRIMARY KEY,
    articles  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- mentions -> entity_counts. A mention's article counts once per entity:
-- when no other mention of the entity in that article exists.
CREATE TRIGGER entity_counts_mention_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO entity_counts (entity_type, entity_id, mentions, articles)
    VALUES (new.entity_type, new.entity_id, 1,
            NOT EXISTS (SELECT 1 FROM mentions WHERE entity_type = new.entity_type AND entity_id = new.entity_id
                                                AND source_id = new.source_id AND id <> new.id))
    ON CONFLICT DO UPDATE SET mentions = mentions + 1, articles = articles + excluded.articles;
END;
CREATE TRIGGER entity_counts_mention_delete AFTER DELETE ON mentions BEGIN
    UPDATE entity_counts
       SET mentions = mentions - 1,
           articles = articles - NOT EXISTS (SELECT 1 FROM mentions WHERE entity_type = old.entity_type AND entity_id = old.entity_id
                                                                      AND source_id = old.source_id AND id <> old.id)
     WHERE entity_type = old.entity_type AND entity_id = old.entity_id;
END;
CREATE TRIGGER entity_counts_mention_update AFTER UPDATE OF entity_type, entity_id, source_id ON mentions BEGIN
    UPDATE entity_counts
       SET mentions = mentions - 1,
           articles = articles - NOT EXISTS (SELECT 1 FROM mentions WHERE entity_type = old.entity_type AND entity_id = old.entity_id
                                                                      AND source_id = old.source_id AND id <> old.id)
     WHERE entity_type = old.entity_type AND entity_id = old.entity_id;
    INSERT INTO entity_counts (entity_type, entity_id, mentions, articles)
    VALUES (new.entity_type, new.entity_id, 1,
            NOT EXISTS (SELECT 1 FROM mentions WHERE entity_type = new.entity_type AND entity_id = new.entity_id
                                                AND source_id = new.source_id AND id <> new.id))
    ON CONFLICT DO UPDATE SET mentions = mentions + 1, articles = articles + excluded.articles;
END;

-- event_entities -> entity_counts.events: an event counts once per entity
-- whatever its roles in it.
CREATE TRIGGER entity_counts_event_insert AFTER INSERT ON event_entities BEGIN
    INSERT INTO entity_counts (entity_type, entity_id, events)
    SELECT new.entity_type, new.entity_id, 1
     WHERE NOT EXISTS (SELECT 1 FROM event_entities WHERE event_id = new.event_id AND entity_type = new.entity_type
                                                      AND entity_id = new.entity_id AND role <> new.role)
    ON CONFLICT DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER entity_counts_event_delete AFTER DELETE ON event_entities BEGIN
    UPDATE entity_counts SET events = events - 1
     WHERE entity_type = old.entity_type AND entity_id = old.entity_id
       AND NOT EXISTS (SELECT 1 FROM event_entities WHERE event_id = old.event_id AND entity_type = old.entity_type
                                                      AND entity_id = old.entity_id);
END;
-- The updated row itself (now new.*) must not count as another link of the
-- old event and entity, nor of the new ones.
CREATE TRIGGER entity_counts_event_update AFTER UPDATE ON event_entities BEGIN
    UPDATE entity_counts SET events = events - 1
     WHERE entity_type = old.entity_type AND entity_id = old.entity_id
       AND NOT EXISTS (SELECT 1 FROM event_entities
                        WHERE event_id = old.event_id AND entity_type = old.entity_type AND entity_id = old.entity_id
                          AND NOT (event_id = new.event_id AND entity_type = new.entity_type
                                   AND entity_id = new.entity_id AND role = new.role));
    INSERT INTO entity_counts (entity_type, entity_id, events)
    SELECT new.entity_type, new.entity_id, 1
     WHERE NOT EXISTS (SELECT 1 FROM event_entities WHERE event_id = new.event_id AND entity_type = new.entity_type
                                                      AND entity_id = new.entity_id AND role <> new.role)
    ON CONFLICT DO UPDATE SET events = events + 1;
END;

-- events -> event_counts. A new event has no reports yet (foreign keys are
-- on for every kb connection); its reports move with it when its kind or
-- date changes. Deleting runs before the row goes, while the reports a
-- cascade is about to delete still point to it: the event takes them out
-- of the counts, and their own delete triggers then find no event.
CREATE TRIGGER event_counts_event_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_counts (kind, month, events, dated, claims, killed, killed_known, unclaimed_killed, unclaimed_killed_known)
    VALUES (new.kind,
            CASE WHEN new.occurred_on IS NULL THEN 'undated'
                 WHEN length(new.occurred_on) < 7 THEN substr(new.occurred_on, 1, 4) || ' (month unknown)'
                 ELSE substr(new.occurred_on, 1, 7) END,
            1, new.occurred_on IS NOT NULL, new.reported_count IS NOT NULL,
            coalesce(new.killed, 0), new.killed IS NOT NULL,
            CASE WHEN new.reported_count IS NULL THEN coalesce(new.killed, 0) ELSE 0 END,
            new.reported_count IS NULL AND new.killed IS NOT NULL)
    ON CONFLICT DO UPDATE SET
        events = events + 1,
        dated = dated + excluded.dated,
        claims = claims + excluded.claims,
        killed = killed + excluded.killed,
        killed_known = killed_known + excluded.killed_known,
        unclaimed_killed = unclaimed_killed + excluded.unclaimed_killed,
        unclaimed_killed_known = unclaimed_killed_known + excluded.unclaimed_killed_known;
END;
CREATE TRIGGER event_counts_event_delete BEFORE DELETE ON events BEGIN
    UPDATE event_counts SET
        events = events - 1,
        dated = dated - (old.occurred_on IS NOT NULL),
        claims = claims - (old.reported_count IS NOT NULL),
        killed = killed - coalesce(old.killed, 0),
        killed_known = killed_known - (old.killed IS NOT NULL),
        unclaimed_killed = unclaimed_killed - CASE WHEN old.reported_count IS NULL THEN coalesce(old.killed, 0) ELSE 0 END,
        unclaimed_killed_known = unclaimed_killed_known - (old.reported_count IS NULL AND old.killed IS NOT NULL),
        reports = reports - (SELECT count(*) FROM event_sources WHERE event_id = old.id)
     WHERE kind = old.kind
       AND month = CASE WHEN old.occurred_on IS NULL THEN 'undated'
                        WHEN length(old.occurred_on) < 7 THEN substr(old.occurred_on, 1, 4) || ' (month unknown)'
                        ELSE substr(old.occurred_on, 1, 7) END;
    UPDATE kind_sources SET reports = reports - (SELECT count(*) FROM event_sources es
                                                  WHERE es.event_id = old.id AND es.source_id = kind_sources.source_id)
     WHERE kind = old.kind AND source_id IN (SELECT source_id FROM event_sources WHERE event_id = old.id);
END;
CREATE TRIGGER event_counts_event_update AFTER UPDATE OF kind, occurred_on, killed, reported_count ON events
WHEN old.kind IS NOT new.kind OR old.occurred_on IS NOT new.occurred_on
  OR old.killed IS NOT new.killed OR old.reported_count IS NOT new.reported_count
BEGIN
    UPDATE event_counts SET
        events = events - 1,
        dated = dated - (old.occurred_on IS NOT NULL),
        claims = claims - (old.reported_count IS NOT NULL),
        killed = killed - coalesce(old.killed, 0),
        killed_known = killed_known - (old.killed IS NOT NULL),
        unclaimed_killed = unclaimed_killed - CASE WHEN old.reported_count IS NULL THEN coalesce(old.killed, 0) ELSE 0 END,
        unclaimed_killed_known = unclaimed_killed_known - (old.reported_count IS NULL AND old.killed IS NOT NULL),
        reports = reports - (SELECT count(*) FROM event_sources WHERE event_id = old.id)
     WHERE kind = old.kind
       AND month = CASE WHEN old.occurred_on IS NULL THEN 'undated'
                        WHEN length(old.occurred_on) < 7 THEN substr(old.occurred_on, 1, 4) || ' (month unknown)'
                        ELSE substr(old.occurred_on, 1, 7) END;
    INSERT INTO event_counts (kind, month, events, dated, claims, killed, killed_known, unclaimed_killed, unclaimed_killed_known, reports)
    VALUES (new.kind,
            CASE WHEN new.occurred_on IS NULL THEN 'undated'
                 WHEN length(new.occurred_on) < 7 THEN substr(new.occurred_on, 1, 4) || ' (month unknown)'
                 ELSE substr(new.occurred_on, 1, 7) END,
            1, new.occurred_on IS NOT NULL, new.reported_count IS NOT NULL,
            coalesce(new.killed, 0), new.killed IS NOT NULL,
            CASE WHEN new.reported_count IS NULL THEN coalesce(new.killed, 0) ELSE 0 END,
            new.reported_count IS NULL AND new.killed IS NOT NULL,
            (SELECT count(*) FROM event_sources WHERE event_id = new.id))
    ON CONFLICT DO UPDATE SET
        events = events + 1,
        dated = dated + excluded.dated,
        claims = claims + excluded.claims,
        killed = killed + excluded.killed,
        killed_known = killed_known + excluded.killed_known,
        unclaimed_killed = unclaimed_killed + excluded.unclaimed_killed,
        unclaimed_killed_known = unclaimed_killed_known + excluded.unclaimed_killed_known,
        reports = reports + excluded.reports;
END;
CREATE TRIGGER kind_sources_event_kind_update AFTER UPDATE OF kind ON events
WHEN old.kind IS NOT new.kind
BEGIN
    UPDATE kind_sources SET reports = reports - (SELECT count(*) FROM event_sources es
                                                  WHERE es.event_id = new.id AND es.source_id = kind_sources.source_id)
     WHERE kind = old.kind AND source_id IN (SELECT source_id FROM event_sources WHERE event_id = new.id);
    INSERT INTO kind_sources (kind, source_id, reports)
    SELECT new.kind, source_id, count(*) FROM event_sources WHERE event_id = new.id GROUP BY source_id
    ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
END;

-- event_sources -> event_counts.reports and kind_sources, through the
-- event's kind and month.
CREATE TRIGGER event_counts_report_insert AFTER INSERT ON event_sources BEGIN
    UPDATE event_counts SET reports = reports + 1
     WHERE (kind, month) = (SELECT kind,
                                   CASE WHEN occurred_on IS NULL THEN 'undated'
                                        WHEN length(occurred_on) < 7 THEN substr(occurred_on, 1, 4) || ' (month unknown)'
                                        ELSE substr(occurred_on, 1, 7) END
                              FROM events WHERE id = new.event_id);
    INSERT INTO kind_sources (kind, source_id, reports)
    SELECT kind, new.source_id, 1 FROM events WHERE id = new.event_id
    ON CONFLICT DO UPDATE SET reports = reports + 1;
END;
CREATE TRIGGER event_counts_report_delete AFTER DELETE ON event_sources BEGIN
    UPDATE event_counts SET reports = reports - 1
     WHERE (kind, month) = (SELECT kind,
                                   CASE WHEN occurred_on IS NULL THEN 'undated'
                                        WHEN length(occurred_on) < 7 THEN substr(occurred_on, 1, 4) || ' (month unknown)'
                                        ELSE substr(occurred_on, 1, 7) END
                              FROM events WHERE id = old.event_id);
    UPDATE kind_sources SET reports = reports - 1
     WHERE (kind, source_id) = (SELECT kind, old.source_id FROM events WHERE id = old.event_id);
END;
CREATE TRIGGER event_counts_report_update AFTER UPDATE OF event_id, source_id ON event_sources BEGIN
    UPDATE event_counts SET reports = reports - 1
     WHERE (kind, month) = (SELECT kind,
                                   CASE WHEN occurred_on IS NULL THEN 'undated'
                                        WHEN length(occurred_on) < 7 THEN substr(occurred_on, 1, 4) || ' (month unknown)'
                                        ELSE substr(occurred_on, 1, 7) END
                              FROM events WHERE id = old.event_id);
    UPDATE kind_sources SET reports = reports - 1
     WHERE (kind, source_id) = (SELECT kind, old.source_id FROM events WHERE id = old.event_id);
    UPDATE event_counts SET reports = reports + 1
     WHERE (kind, month) = (SELECT kind,
                                   CASE WHEN occurred_on IS NULL THEN 'undated'
                                        WHEN length(occurred_on) < 7 THEN substr(occurred_on, 1, 4) || ' (month unknown)'
                                        ELSE substr(occurred_on, 1, 7) END
                              FROM events WHERE id = new.event_id);
    INSERT INTO kind_sources (kind, source_id, reports)
    SELECT kind, new.source_id, 1 FROM events WHERE id = new.event_id
    ON CONFLICT DO UPDATE SET reports = reports + 1;
END;

-- kind_sources -> kind_counts: an article counts for a kind while it has
-- a report of it.
CREATE TRIGGER kind_counts_insert AFTER INSERT ON kind_sources WHEN new.reports > 0 BEGIN
    INSERT INTO kind_counts (kind, articles) VALUES (new.kind, 1)
    ON CONFLICT DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER kind_counts_update AFTER UPDATE OF reports ON kind_sources
WHEN (old.reports > 0) <> (new.reports > 0)
BEGIN
    INSERT INTO kind_counts (kind, articles) VALUES (new.kind, CASE WHEN new.reports > 0 THEN 1 ELSE -1 END)
    ON CONFLICT DO UPDATE SET articles = articles + excluded.articles;
END;
CREATE TRIGGER kind_counts_delete AFTER DELETE ON kind_sources WHEN old.reports > 0 BEGIN
    UPDATE kind_counts SET articles = articles - 1 WHERE kind = old.kind;
END;

-- Counts of what is already stored.
INSERT INTO entity_counts (entity_type, entity_id, mentions, articles)
SELECT entity_type, entity_id, count(*), count(DISTINCT source_id) FROM mentions GROUP BY entity_type, entity_id;
INSERT INTO entity_counts (entity_type, entity_id, events)
SELECT entity_type, entity_id, count(DISTINCT event_id) FROM event_entities GROUP BY entity_type, entity_id
ON CONFLICT DO UPDATE SET events = excluded.events;
INSERT INTO event_counts (kind, month, events, dated, claims, killed, killed_known, unclaimed_killed, unclaimed_killed_known, reports)
SELECT kind, month, count(*), sum(occurred_on IS NOT NULL), sum(reported_count IS NOT NULL),
       coalesce(sum(killed), 0), count(killed),
       coalesce(sum(CASE WHEN reported_count IS NULL THEN killed END), 0), sum(reported_count IS NULL AND killed IS NOT NULL),
       sum(reports)
FROM (SELECT e.kind, e.occurred_on, e.reported_count, e.killed,
             CASE WHEN e.occurred_on IS NULL THEN 'undated'
                  WHEN length(e.occurred_on) < 7 THEN substr(e.occurred_on, 1, 4) || ' (month unknown)'
                  ELSE substr(e.occurred_on, 1, 7) END AS month,
             (SELECT count(*) FROM event_sources es WHERE es.event_id = e.id) AS reports
        FROM events e)
GROUP BY kind, month;
INSERT INTO kind_sources (kind, source_id, reports)
SELECT e.kind, es.source_id, count(*) FROM event_sources es JOIN events e ON e.id = es.event_id GROUP BY e.kind, es.source_id;

-- What the summary columns mean, for `kb schema` and SQLite browsers.
INSERT INTO kb_columns (table_name, column_name, meaning) VALUES
('entity_counts', 'entity_type', 'person, organization or base'),
('entity_counts', 'entity_id', 'the entity'),
('entity_counts', 'mentions', 'its rows in mentions (kept by triggers)'),
('entity_counts', 'articles', 'distinct articles among those mentions'),
('entity_counts', 'events', 'distinct events it takes part in (event_entities, any role)'),
('event_counts', 'kind', 'event kind'),
('event_counts', 'month', 'YYYY-MM of occurred_on; YYYY (month unknown); or undated'),
('event_counts', 'events', 'events of that kind and month (kept by triggers)'),
('event_counts', 'dated', 'those with a date'),
('event_counts', 'claims', 'those that are aggregate claims (reported_count set)'),
('event_counts', 'killed', 'sum of killed'),
('event_counts', 'killed_known', 'events giving killed'),
('event_counts', 'unclaimed_killed', 'sum of killed over events that are not claims'),
('event_counts', 'unclaimed_killed_known', 'events that are not claims and give killed'),
('event_counts', 'reports', 'their rows in event_sources'),
('kind_sources', 'kind', 'event kind'),
('kind_sources', 'source_id', 'the article'),
('kind_sources', 'reports', 'its reports of events of that kind (kept by triggers)'),
('kind_counts', 'kind', 'event kind'),
('kind_counts', 'articles', 'articles with at least one report of that kind');

-- The views of the rewritten canned queries, each its query file's SQL
-- without the comment lines.

-- attacks by month
DROP VIEW v_attacks_by_month;
CREATE VIEW v_attacks_by_month AS
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

-- counts by kind
DROP VIEW v_counts_by_kind;
CREATE VIEW v_counts_by_kind AS
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

-- who said what
DROP VIEW v_who_said_what;
CREATE VIEW v_who_said_what AS
WITH said(day, event_id, report_id, kind, date, words, outlet, published, source_id) AS (
    SELECT e.occurred_on, e.id, es.id, e.kind, e.occurred_on, es.sentence, s.outlet, s.published_on, s.id
    FROM events e
    CROSS JOIN event_sources es INDEXED BY event_sources_event ON es.event_id = e.id
    CROSS JOIN sources s ON s.id = es.source_id
    WHERE e.kind = 'statement' AND e.occurred_on IS NOT NULL
    UNION ALL
    SELECT e.occurred_on, e.id, es.id, e.kind, e.occurred_on, es.sentence, s.outlet, s.published_on, s.id
    FROM events e
    CROSS JOIN event_sources es INDEXED BY event_sources_event ON es.event_id = e.id
    CROSS JOIN sources s ON s.id = es.source_id
    WHERE e.kind = 'announcement' AND e.occurred_on IS NOT NULL
    UNION ALL
    SELECT s.published_on, e.id, es.id, e.kind, e.occurred_on, es.sentence, s.outlet, s.published_on, s.id
    FROM sources s
    CROSS JOIN event_sources es ON es.source_id = s.id
    CROSS JOIN events e INDEXED BY events_said_undated ON e.id = es.event_id
    WHERE e.kind IN ('statement', 'announcement') AND e.occurred_on IS NULL AND s.published_on IS NOT NULL
    UNION ALL
    SELECT x'', e.id, es.id, NULL, NULL, NULL, NULL, NULL, s.id
    FROM sources s
    CROSS JOIN event_sources es ON es.source_id = s.id
    CROSS JOIN events e INDEXED BY events_said_undated ON e.id = es.event_id
    WHERE e.kind IN ('statement', 'announcement') AND e.occurred_on IS NULL AND s.published_on IS NULL
    ORDER BY 1, 2, 3
    LIMIT -1
)
SELECT coalesce(
           (SELECT group_concat(p.name, '; ') FROM event_entities ee JOIN people p ON p.id = ee.entity_id
             WHERE ee.event_id = w.event_id AND ee.entity_type = 'person' AND ee.role = 'speaker'),
           (SELECT group_concat(o.name, '; ') FROM event_entities ee JOIN organizations o ON o.id = ee.entity_id
             WHERE ee.event_id = w.event_id AND ee.entity_type = 'organization' AND ee.role = 'speaker'),
           (SELECT group_concat(p.name, '; ') FROM event_entities ee JOIN people p ON p.id = ee.entity_id
             WHERE ee.event_id = w.event_id AND ee.entity_type = 'person' AND ee.role = 'actor'),
           (SELECT group_concat(o.name, '; ') FROM event_entities ee JOIN organizations o ON o.id = ee.entity_id
             WHERE ee.event_id = w.event_id AND ee.entity_type = 'organization' AND ee.role = 'actor')
       ) AS speaker,
       coalesce(w.words, (SELECT es.sentence FROM event_sources es WHERE es.id = w.report_id)) AS words,
       coalesce(w.kind, (SELECT e.kind FROM events e WHERE e.id = w.event_id)) AS kind,
       w.date,
       coalesce(w.outlet, (SELECT s.outlet FROM sources s WHERE s.id = w.source_id)) AS outlet,
       w.published,
       w.source_id,
       w.event_id
FROM said w
ORDER BY w.day, w.event_id, w.report_id;

-- people
DROP VIEW v_people;
CREATE VIEW v_people AS
SELECT p.name,
       p.role,
       p.affiliation,
       c.mentions,
       c.articles,
       c.events
FROM entity_counts c
JOIN people p ON p.id = c.entity_id
WHERE c.entity_type = 'person' AND c.mentions > 0
ORDER BY c.mentions DESC, p.name;

-- organizations
DROP VIEW v_organizations;
CREATE VIEW v_organizations AS
SELECT o.name,
       o.kind,
       c.mentions,
       c.articles,
       c.events
FROM entity_counts c
JOIN organizations o ON o.id = c.entity_id
WHERE c.entity_type = 'organization' AND c.mentions > 0
ORDER BY c.mentions DESC, o.name;

-- bases
DROP VIEW v_bases;
CREATE VIEW v_bases AS
SELECT b.name,
       b.country,
       b.province,
       c.mentions,
       c.articles,
       (SELECT count(*) FROM (SELECT e.id FROM events e WHERE e.base_id = b.id
                              UNION
                              SELECT ee.event_id FROM event_entities ee
                               WHERE ee.entity_type = 'base' AND ee.entity_id = b.id
                                 AND ee.role IN ('location', 'target'))) AS events
FROM entity_counts c
JOIN bases b ON b.id = c.entity_id
WHERE c.entity_type = 'base' AND c.mentions > 0
ORDER BY c.mentions DESC, b.name;

-- entities
DROP VIEW v_entities;
CREATE VIEW v_entities AS
WITH named(entity_type, entity_id, name) AS (
    SELECT 'person', id, name FROM people
    UNION ALL SELECT 'organization', id, name FROM organizations
    UNION ALL SELECT 'base', id, name FROM bases
)
SELECT n.entity_type AS type,
       n.name,
       c.mentions,
       c.articles,
       (SELECT group_concat(a.alias, '; ') FROM aliases a
         WHERE a.entity_type = n.entity_type AND a.entity_id = n.entity_id) AS aliases
FROM named n
JOIN entity_counts c ON c.entity_type = n.entity_type AND c.entity_id = n.entity_id
WHERE c.mentions > 0
ORDER BY c.mentions DESC, n.entity_type, n.name;
