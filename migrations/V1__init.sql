-- kb knowledge base, first schema. The table and column names of
-- design contract (sources, people, organizations, bases, aliases, mentions,
-- events, event_sources, event_entities) are public: change them only by a
-- new migration.

CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    path            TEXT NOT NULL,
    content_sha256  TEXT NOT NULL UNIQUE,
    outlet          TEXT,
    title           TEXT,
    url             TEXT,
    published_on    TEXT CHECK (published_on IS NULL OR published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    body            TEXT NOT NULL,
    ingested_at     TEXT NOT NULL,
    extra           TEXT            -- JSON object of any other front-matter keys
);
CREATE INDEX sources_path ON sources(path);
CREATE INDEX sources_published ON sources(published_on);

CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    role         TEXT,
    affiliation  TEXT,
    name_key     TEXT,              -- spelling-folded key that variants meet on
    origin       TEXT NOT NULL DEFAULT 'analyst' CHECK (origin IN ('dictionary', 'extracted', 'analyst'))
);
CREATE INDEX people_key ON people(name_key);

CREATE TABLE organizations (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('government', 'military', 'armed_group', 'media', 'coalition', 'international', 'party', 'state', 'other')),
    name_key  TEXT,
    origin    TEXT NOT NULL DEFAULT 'analyst' CHECK (origin IN ('dictionary', 'extracted', 'analyst'))
);
CREATE INDEX organizations_key ON organizations(name_key);

CREATE TABLE bases (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    country    TEXT,
    province   TEXT,
    latitude   REAL,
    longitude  REAL,
    name_key   TEXT,
    origin     TEXT NOT NULL DEFAULT 'analyst' CHECK (origin IN ('dictionary', 'extracted', 'analyst'))
);
CREATE INDEX bases_key ON bases(name_key);

CREATE TABLE aliases (
    id           INTEGER PRIMARY KEY,
    entity_type  TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'base')),
    entity_id    INTEGER NOT NULL,
    alias        TEXT NOT NULL,
    origin       TEXT NOT NULL DEFAULT 'analyst' CHECK (origin IN ('dictionary', 'extracted', 'analyst')),
    UNIQUE (entity_type, alias)
);
CREATE INDEX aliases_entity ON aliases(entity_type, entity_id);
CREATE INDEX aliases_nocase ON aliases(entity_type, alias COLLATE NOCASE);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    entity_type  TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'base')),
    entity_id    INTEGER NOT NULL,
    surface      TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    CHECK ("end" > start AND start >= 0)
);
CREATE INDEX mentions_source ON mentions(source_id);
CREATE INDEX mentions_entity ON mentions(entity_type, entity_id);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('attack', 'strike', 'meeting', 'statement', 'announcement', 'casualty', 'withdrawal', 'other')),
    occurred_on      TEXT,
    date_precision   TEXT CHECK (date_precision IS NULL OR date_precision IN ('day', 'week', 'month', 'year')),
    base_id          INTEGER REFERENCES bases(id) ON DELETE SET NULL,
    place            TEXT,
    killed           INTEGER CHECK (killed IS NULL OR killed >= 0),
    injured          INTEGER CHECK (injured IS NULL OR injured >= 0),
    reported_count   INTEGER CHECK (reported_count IS NULL OR reported_count >= 0),
    count_qualifier  TEXT,           -- about, more than, over, at least ...
    count_period     TEXT,           -- the words giving the period of an aggregate claim
    summary          TEXT NOT NULL
);
CREATE INDEX events_kind_date ON events(kind, occurred_on);
CREATE INDEX events_date ON events(occurred_on);
CREATE INDEX events_base ON events(base_id);

CREATE TABLE event_sources (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    sentence   TEXT NOT NULL,
    date_text  TEXT,
    sentence_start INTEGER,          -- character offsets of the sentence in sources.body
    sentence_end   INTEGER
);
CREATE INDEX event_sources_event ON event_sources(event_id);
CREATE INDEX event_sources_source ON event_sources(source_id);

CREATE TABLE event_entities (
    event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_type  TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'base')),
    entity_id    INTEGER NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('actor', 'target', 'speaker', 'participant', 'location')),
    PRIMARY KEY (event_id, entity_type, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX event_entities_entity ON event_entities(entity_type, entity_id);
