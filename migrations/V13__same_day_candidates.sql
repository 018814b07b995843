-- A further report of an event is matched to the events already stored
-- on the same day (store.rs, find_same_event): every event of the kind
-- on that date at day precision that is not an aggregate claim. Through
-- events_kind_date each candidate cost a read of its row, and the
-- candidates per lookup grow with the corpus (about 9 at 20,000
-- articles, three kinds for an attack). This index holds only those
-- events (about a fifth of all) with every column the lookup reads, so
-- that it never touches the table.
CREATE INDEX events_same_day ON events(occurred_on, kind, base_id, place, date_precision, reported_count)
WHERE date_precision = 'day' AND reported_count IS NULL;
