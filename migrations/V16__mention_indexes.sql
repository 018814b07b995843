-- Every mention (about 35 an article) is a key in both mention indexes;
-- both are narrowed to what their readers bind.
--
-- * mentions_entity_source led with entity_type, a text column with three
--   values: each insert compared the same few letters again at each step
--   down the tree before it reached the id that tells the rows apart. It
--   now leads with entity_id, so an integer is compared first. Every
--   statement that reads it (mentions of, the count triggers, curation,
--   export) binds the type and the id, and so still finds its rows in one
--   range.
-- * mentions_source_entity (source_id, entity_type, entity_id) becomes
--   mentions_source (source_id). An article's mentions are inserted
--   together at the end of the index, where every key compared before
--   shared the article and went on to the type's letters. What reads
--   mentions by article binds only the article (deleting or counting an
--   article's mentions) or also binds the entity, which
--   mentions_entity_source answers (the count triggers).
--
-- On 1,000 articles stored into a 20,000-article database the writer ran
-- 2.5% fewer instructions for the first and a further 2.7% for the second.
DROP INDEX mentions_entity_source;
CREATE INDEX mentions_entity_source ON mentions(entity_id, entity_type, source_id);
DROP INDEX mentions_source_entity;
CREATE INDEX mentions_source ON mentions(source_id);
