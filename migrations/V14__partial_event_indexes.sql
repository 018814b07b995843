-- Every new event pays an insert into each index on events, and most
-- events have no base (a base is named in a small minority of reports)
-- and many have no date (statements and claims that give none). The
-- queries that read these two indexes only ever look for a base or a
-- date that is there: `base_id = ?`, `base_id IS NOT NULL`, a join on the
-- base, `occurred_on IS NOT NULL`, a comparison of dates. Each index now
-- holds only the events such a query can find, so an event without a
-- base or a date no longer pays for it.
DROP INDEX events_base;
CREATE INDEX events_base ON events(base_id) WHERE base_id IS NOT NULL;
DROP INDEX events_date;
CREATE INDEX events_date ON events(occurred_on) WHERE occurred_on IS NOT NULL;
