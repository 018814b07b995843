-- The "sources" listing reads no article row.
--
-- It walked sources_published_nulls_last and read each article's row for
-- its path, outlet and title: a random read of a wide row (the body comes
-- with it) per output row, about a fifth of the listing's time on 100,000
-- articles. sources_listing holds those columns in the listing's order;
-- it begins with the columns of sources_published_nulls_last, which every
-- other query walking articles in date order (mentions of) uses as well,
-- so that index goes.
CREATE INDEX sources_listing ON sources(published_on IS NULL, published_on, id, path, outlet, title);
DROP INDEX sources_published_nulls_last;
