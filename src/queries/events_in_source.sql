-- name: events in source
-- description: what one article reported, sentence by sentence: each event
--   report with the event's kind, date, place, deaths, claim and the words
--   that gave its date
-- param: source - the article's id or its path (see the "sources" query)
SELECT es.sentence_start AS at,
       e.kind,
       e.occurred_on AS date,
       e.date_precision AS precision,
       es.date_text,
       coalesce(b.name, e.place) AS place,
       e.killed,
       e.reported_count,
       es.sentence,
       e.id AS event_id
FROM sources s
JOIN event_sources es ON es.source_id = s.id
JOIN events e ON e.id = es.event_id
LEFT JOIN bases b ON b.id = e.base_id
WHERE s.id = :source OR s.path = :source
ORDER BY es.sentence_start, es.id;
