-- mentions_entity_source led with entity_type, a text column with three
-- values: every insert into it (about 35 an article) compared the same
-- few letters again at each step down the tree before it reached the id
-- that tells the rows apart. Leading with entity_id compares an integer
-- first, and every statement that reads the index names both the type
-- and the id, so each still finds its rows in one range. On 1,000
-- articles stored into a 20,000-article database the writer ran 2.5%
-- fewer instructions.
DROP INDEX mentions_entity_source;
CREATE INDEX mentions_entity_source ON mentions(entity_id, entity_type, source_id);
