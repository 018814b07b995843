-- CHECK constraints written as OR chains instead of IN lists.
--
-- SQLite evaluates a CHECK of the form `x IN ('a', 'b', 'c')` (three values
-- or more) by building a temporary b-tree of the list at every execution of
-- the INSERT: storing one article paid for about ninety of them, a quarter
-- of the writer's time. `x = 'a' OR x = 'b' OR x = 'c'` accepts exactly the
-- same values and costs a few comparisons. The rows on disk do not depend
-- on the text of a CHECK constraint, so the table definitions are edited in
-- place (SQLite's documented procedure for constraint changes) instead of
-- copying every table.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'entity_type IN (''person'', ''organization'', ''base'')', 'entity_type = ''person'' OR entity_type = ''organization'' OR entity_type = ''base''')
WHERE type = 'table' AND name IN ('people', 'organizations', 'bases', 'aliases', 'mentions', 'events', 'event_entities', 'curations');
UPDATE sqlite_schema SET sql = replace(sql, 'origin IN (''dictionary'', ''extracted'', ''analyst'')', 'origin = ''dictionary'' OR origin = ''extracted'' OR origin = ''analyst''')
WHERE type = 'table' AND name IN ('people', 'organizations', 'bases', 'aliases', 'mentions', 'events', 'event_entities', 'curations');
UPDATE sqlite_schema SET sql = replace(sql, 'kind IN (''government'', ''military'', ''armed_group'', ''media'', ''coalition'', ''international'', ''party'', ''state'', ''other'')', 'kind = ''government'' OR kind = ''military'' OR kind = ''armed_group'' OR kind = ''media'' OR kind = ''coalition'' OR kind = ''international'' OR kind = ''party'' OR kind = ''state'' OR kind = ''other''')
WHERE type = 'table' AND name IN ('people', 'organizations', 'bases', 'aliases', 'mentions', 'events', 'event_entities', 'curations');
UPDATE sqlite_schema SET sql = replace(sql, 'kind IN (''attack'', ''strike'', ''meeting'', ''statement'', ''announcement'', ''casualty'', ''withdrawal'', ''other'')', 'kind = ''attack'' OR kind = ''strike'' OR kind = ''meeting'' OR kind = ''statement'' OR kind = ''announcement'' OR kind = ''casualty'' OR kind = ''withdrawal'' OR kind = ''other''')
WHERE type = 'table' AND name IN ('people', 'organizations', 'bases', 'aliases', 'mentions', 'events', 'event_entities', 'curations');
UPDATE sqlite_schema SET sql = replace(sql, 'role IN (''actor'', ''target'', ''speaker'', ''participant'', ''location'')', 'role = ''actor'' OR role = ''target'' OR role = ''speaker'' OR role = ''participant'' OR role = ''location''')
WHERE type = 'table' AND name IN ('people', 'organizations', 'bases', 'aliases', 'mentions', 'events', 'event_entities', 'curations');
UPDATE sqlite_schema SET sql = replace(sql, 'date_precision IN (''day'', ''week'', ''month'', ''year'')', 'date_precision = ''day'' OR date_precision = ''week'' OR date_precision = ''month'' OR date_precision = ''year''')
WHERE type = 'table' AND name IN ('people', 'organizations', 'bases', 'aliases', 'mentions', 'events', 'event_entities', 'curations');
UPDATE sqlite_schema SET sql = replace(sql, 'action IN (''alias'', ''merge'', ''rename'')', 'action = ''alias'' OR action = ''merge'' OR action = ''rename''')
WHERE type = 'table' AND name IN ('people', 'organizations', 'bases', 'aliases', 'mentions', 'events', 'event_entities', 'curations');
PRAGMA writable_schema = OFF;
-- Any schema change moves the schema cookie, so that other connections
-- re-read the definitions instead of keeping the ones they parsed before.
CREATE TABLE kb_schema_bump (x);
DROP TABLE kb_schema_bump;
