//! Writing to the knowledge base: seeding the dictionary into a new
//! database, reading the dictionary back as the gazetteer, and storing one
//! article's extraction (entity upsert, mentions, events merged with the
//! reports of other articles).

use crate::article::Article;
use crate::extract::names::name_key;
use crate::extract::text::CharIndex;
use crate::extract::{DictEntry, Entity, EntityType, Event, EventKind, Extraction, Role};
use anyhow::{Context, Result};
use rusqlite::config::DbConfig;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashMap;

/// Loads the bundled dictionary into a new database (idempotent: entries
/// already there are left as they are).
pub fn seed_dictionary(conn: &Connection, entries: &[DictEntry]) -> Result<()> {
    for entry in entries {
        let e = &entry.entity;
        let id = match find_by_name(conn, e.etype, &e.name)? {
            Some(id) => id,
            None => insert_entity(conn, e, "dictionary")?,
        };
        for alias in &entry.aliases {
            if alias != &e.name {
                insert_alias(conn, e.etype, id, alias, "dictionary")?;
            }
        }
    }
    Ok(())
}

fn find_by_name(conn: &Connection, etype: EntityType, name: &str) -> Result<Option<i64>> {
    let sql = format!("SELECT id FROM {} WHERE name = ?1", etype.table());
    Ok(conn.prepare_cached(&sql)?.query_row([name], |r| r.get(0)).optional()?)
}

fn insert_entity(conn: &Connection, e: &Entity, origin: &str) -> Result<i64> {
    let key = name_key(&e.name);
    match e.etype {
        EntityType::Person => conn
            .prepare_cached("INSERT INTO people (name, role, affiliation, name_key, origin) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![e.name, e.role, e.affiliation, key, origin])?,
        EntityType::Organization => conn
            .prepare_cached("INSERT INTO organizations (name, kind, name_key, origin) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![e.name, valid_kind(e.kind.as_deref()), key, origin])?,
        EntityType::Base => conn
            .prepare_cached(
                "INSERT INTO bases (name, country, province, latitude, longitude, name_key, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![e.name, e.country, e.province, e.latitude, e.longitude, key, origin])?,
    };
    Ok(conn.last_insert_rowid())
}

fn valid_kind(kind: Option<&str>) -> &str {
    match kind {
        Some(k @ ("government" | "military" | "armed_group" | "media" | "coalition" | "international" | "party" | "state" | "other")) => k,
        _ => "other",
    }
}

fn insert_alias(conn: &Connection, etype: EntityType, id: i64, alias: &str, origin: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO aliases (entity_type, entity_id, alias, origin) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (entity_type, alias) DO NOTHING",
    )?
    .execute(params![etype.as_str(), id, alias, origin])?;
    Ok(())
}

/// The dictionary extraction should use: the database's own, seeded from
/// the bundled tables first when it holds none (a new database).
pub fn dictionary_for_extraction(conn: &mut Connection) -> Result<Vec<DictEntry>> {
    let entries = load_dictionary(conn)?;
    if !entries.is_empty() {
        return Ok(entries);
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    seed_dictionary(&tx, &crate::extract::dictionary::bundled())?;
    tx.commit()?;
    load_dictionary(conn)
}

/// The dictionary as the database holds it now: every entity that came from
/// the bundled dictionary or from an analyst, with the aliases of that
/// origin. Names kb itself discovered are resolved by the store instead, so
/// that what one article is read as never depends on which articles came
/// before it.
pub fn load_dictionary(conn: &Connection) -> Result<Vec<DictEntry>> {
    let mut out: Vec<DictEntry> = Vec::new();
    let curated_alias = "SELECT entity_id, alias FROM aliases WHERE entity_type = ?1 AND origin IN ('dictionary', 'analyst') ORDER BY id";
    for etype in [EntityType::Person, EntityType::Organization, EntityType::Base] {
        let sql = match etype {
            EntityType::Person => "SELECT id, name, role, affiliation, NULL, NULL, NULL, NULL, NULL, origin FROM people",
            EntityType::Organization => "SELECT id, name, NULL, NULL, kind, NULL, NULL, NULL, NULL, origin FROM organizations",
            EntityType::Base => "SELECT id, name, NULL, NULL, NULL, country, province, latitude, longitude, origin FROM bases",
        };
        let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
        let mut stmt = conn.prepare(curated_alias)?;
        let rows = stmt.query_map([etype.as_str()], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, alias) = row?;
            aliases.entry(id).or_default().push(alias);
        }
        let mut stmt = conn.prepare(&format!("{sql} ORDER BY id"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let origin: String = r.get(9)?;
            let curated = origin != "extracted";
            let entity_aliases = aliases.remove(&id).unwrap_or_default();
            if !curated && entity_aliases.is_empty() {
                continue;
            }
            let entity = Entity {
                etype,
                name: r.get(1)?,
                role: r.get(2)?,
                affiliation: r.get(3)?,
                kind: r.get(4)?,
                country: r.get(5)?,
                province: r.get(6)?,
                latitude: r.get(7)?,
                longitude: r.get(8)?,
                aliases: Vec::new(),
                known: true,
            };
            out.push(DictEntry { entity, aliases: entity_aliases });
        }
    }
    Ok(out)
}

/// True when an article with this normalized-content hash is stored.
pub fn has_source(conn: &Connection, sha256: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sources WHERE content_sha256 = ?1")?
        .query_row([sha256], |_| Ok(()))
        .optional()?
        .is_some())
}

/// What storing one article added.
#[derive(Debug, Default, Clone, Copy)]
pub struct Added {
    pub mentions: u64,
    pub events_new: u64,
    pub events_merged: u64,
}

/// What one write transaction has already resolved and stored, so that the
/// articles of a batch, which name the same people and bases again and
/// again, do not ask the database the same questions. Valid only inside
/// one transaction (the write lock keeps others out meanwhile) in which
/// nothing is deleted: start a new one with each transaction.
#[derive(Default)]
pub struct Batch {
    /// name -> (type, role, entity id), as `resolve_entity` answered. Keyed
    /// by the name alone so that a lookup borrows the article's name where
    /// a (type, name, role) key was copied for every entity of every article.
    entities: HashMap<String, Vec<Resolved>, WordHash>,
    /// aliases already inserted (or found present) in this transaction, per
    /// entity: looked up by the borrowed alias, where a (type, id, alias) key
    /// copied and hashed each of the ~150 aliases an article's entities carry.
    aliases: IdMap<(EntityType, i64), std::collections::HashSet<String, WordHash>>,
    /// Set by [`begin_batch`]: the batch's rows are counted and indexed
    /// when it finishes, not by the triggers.
    marks: Option<Marks>,
    /// What the batch adds to entity_counts (mentions, articles, events of
    /// its new events), kept as the writer stores the rows: reading them
    /// back to group them cost the writer more than storing them.
    entity_counts: IdMap<(EntityType, i64), [i64; 3]>,
    /// Links (event, entity, whatever the role) of the batch's new events
    /// counted so far.
    links: std::collections::HashSet<(i64, EntityType, i64), IdHash>,
    /// The batch's new events as they are now, for event_counts and
    /// kind_sources.
    new_events: IdMap<i64, NewEvent>,
    /// Events the batch has merged reports into (their state before is noted).
    noted: std::collections::HashSet<i64, IdHash>,
}

/// Hashes keys made of ids kb assigned (and entity types) in a few
/// instructions a key, where the default hasher, made to withstand keys
/// chosen to collide, took a good part of what the writer itself spent per
/// article.
#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

/// (type, role, entity id) of a name resolved in the batch.
type Resolved = (EntityType, Option<String>, i64);

type IdHash = std::hash::BuildHasherDefault<IdHasher>;
type IdMap<K, V> = HashMap<K, V, IdHash>;

/// For keys that are names: the words of kb's own dictionary and of one
/// batch's articles, not chosen to collide.
type WordHash = std::hash::BuildHasherDefault<crate::extract::names::lexicon::WordHasher>;

/// A new event of a batch as its reports so far left it.
struct NewEvent {
    kind: EventKind,
    occurred_on: Option<String>,
    killed: Option<i64>,
    reported_count: Option<i64>,
    /// the article of each report
    sources: Vec<i64>,
}

/// The largest ids when a batch began: rows above them are the batch's.
/// (Ids of INTEGER PRIMARY KEY rows are always above the largest present.)
#[derive(Debug, Clone, Copy)]
struct Marks {
    sources: i64,
    events: i64,
    reports: i64,
}

/// What [`finish_batch`] needs to know besides the batch's own rows: the
/// events it merged reports into, as they were before (their counts must
/// move, not only grow).
const BATCH_TABLES: &str = "
    CREATE TEMP TABLE IF NOT EXISTS kb_batch_events (
        id              INTEGER PRIMARY KEY,   -- an event a report of the batch was merged into
        kind            TEXT,                  -- as it was before the batch's first merge into it
        occurred_on     TEXT,
        killed          INTEGER,
        reported_count  INTEGER,
        changed_at      INTEGER                -- the largest report id when a merge changed its kind
    );
    CREATE TEMP TABLE IF NOT EXISTS kb_batch_kind_sources (
        kind       TEXT,
        source_id  INTEGER,
        reports    INTEGER,                    -- change of kind_sources.reports
        PRIMARY KEY (kind, source_id)
    ) WITHOUT ROWID;
    DELETE FROM kb_batch_events;
    DELETE FROM kb_batch_kind_sources;";

/// Starts a batch of [`write_article_in`] calls in `tx` that fires no
/// trigger: the summary tables and full-text indexes the triggers keep
/// are brought up to date for the whole batch by [`finish_batch`], which
/// must run before `tx` commits (but for source_counts, which
/// [`write_article_in`] writes per article). Every trigger fired per row ran a
/// program with its own frame, and made each insert open a statement
/// journal (and an FTS5 savepoint): most of the writer's time.
///
/// Triggers are switched off for this connection only (nothing in the
/// database changes: other connections, and this one once [`end_batches`]
/// has run, keep every table exact through them). Inside the batch rows
/// may only be added, and events of earlier batches changed by merging
/// reports into them, as [`write_article_in`] does. A batch that is not
/// finished must be rolled back, and [`end_batches`] called before the
/// connection writes anything but another batch.
pub fn begin_batch(tx: &Transaction) -> Result<Batch> {
    tx.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    // Plans that never depend on bound values: without this, SQLite
    // compiled the alias lookup and the merge notes again at every
    // execution, to see whether the new value allowed a better plan.
    tx.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    tx.execute_batch(BATCH_TABLES)?;
    let marks = tx
        .prepare_cached(
            "SELECT (SELECT coalesce(max(id), 0) FROM sources), (SELECT coalesce(max(id), 0) FROM events),
                    (SELECT coalesce(max(id), 0) FROM event_sources)",
        )?
        .query_row([], |r| Ok(Marks { sources: r.get(0)?, events: r.get(1)?, reports: r.get(2)? }))?;
    Ok(Batch { marks: Some(marks), ..Batch::default() })
}

/// The columns of event_counts a batch adds to, and how a row already
/// there takes the addition: shared by the fold of merges into earlier
/// events and the writer's own counts of the batch's new events.
macro_rules! event_counts_columns {
    () => {
        "(kind, month, events, dated, claims, killed, killed_known, unclaimed_killed, unclaimed_killed_known, reports)"
    };
}

macro_rules! event_counts_upsert {
    () => {
        "ON CONFLICT DO UPDATE SET events = events + excluded.events, dated = dated + excluded.dated,
             claims = claims + excluded.claims, killed = killed + excluded.killed,
             killed_known = killed_known + excluded.killed_known,
             unclaimed_killed = unclaimed_killed + excluded.unclaimed_killed,
             unclaimed_killed_known = unclaimed_killed_known + excluded.unclaimed_killed_known,
             reports = reports + excluded.reports"
    };
}

/// The month of an event as the summary tables and "attacks by month" key it.
macro_rules! month_of {
    ($date:literal) => {
        concat!(
            "CASE WHEN ", $date, " IS NULL THEN 'undated' WHEN length(", $date, ") < 7 THEN substr(", $date,
            ", 1, 4) || ' (month unknown)' ELSE substr(", $date, ", 1, 7) END"
        )
    };
}

/// The statements that count into the summary tables what the writer did
/// not keep itself (see [`fold_kept_counts`], which runs first): what the
/// batch did to events of earlier batches, each statement set-based over
/// the batch's rows (ids above the marks, ?1 to ?3) and the events it
/// merged into, so that its cost follows the batch, not the database. The
/// result is what the V5 triggers would have left, row for row: the same
/// counts, and the same rows created even where their counts went back to
/// zero (the kind an event had before a report changed it).
const FOLD: [&str; 2] = [
    // event_counts: the batch's reports of earlier events (every earlier
    // event a report was merged into is in kb_batch_events); earlier
    // events a merge changed, out as
    // they were and in as they are, with their earlier reports; and the
    // first kind of a batch's event a later report changed, which the
    // trigger counted it under before it moved.
    concat!(
        "WITH changed AS MATERIALIZED (
             SELECT t.id, t.kind AS old_kind, t.occurred_on AS old_occurred_on, t.killed AS old_killed,
                    t.reported_count AS old_reported_count, e.kind, e.occurred_on, e.killed, e.reported_count,
                    (SELECT count(*) FROM event_sources es WHERE es.event_id = t.id AND es.id <= ?3) AS reports
               FROM temp.kb_batch_events t CROSS JOIN events e ON e.id = t.id
              WHERE t.id <= ?2 AND (t.kind IS NOT e.kind OR t.occurred_on IS NOT e.occurred_on
                                    OR t.killed IS NOT e.killed OR t.reported_count IS NOT e.reported_count)),
         parts (kind, occurred_on, killed, reported_count, n, reports) AS (
             SELECT e.kind, e.occurred_on, e.killed, e.reported_count, 0,
                    (SELECT count(*) FROM event_sources es WHERE es.event_id = t.id AND es.id > ?3)
               FROM temp.kb_batch_events t CROSS JOIN events e ON e.id = t.id
              WHERE t.id <= ?2
             UNION ALL
             SELECT old_kind, old_occurred_on, old_killed, old_reported_count, -1, -reports FROM changed
             UNION ALL
             SELECT kind, occurred_on, killed, reported_count, 1, reports FROM changed
             UNION ALL
             SELECT kind, occurred_on, NULL, NULL, 0, 0 FROM temp.kb_batch_events WHERE id > ?2)
         INSERT INTO event_counts ", event_counts_columns!(), "
         SELECT kind, ", month_of!("occurred_on"), ", sum(n), sum(n * (occurred_on IS NOT NULL)), sum(n * (reported_count IS NOT NULL)),
                sum(n * coalesce(killed, 0)), sum(n * (killed IS NOT NULL)),
                sum(n * CASE WHEN reported_count IS NULL THEN coalesce(killed, 0) ELSE 0 END),
                sum(n * (reported_count IS NULL AND killed IS NOT NULL)), sum(reports)
           FROM parts GROUP BY 1, 2
         ", event_counts_upsert!()
    ),
    // kind_sources, as a change per row (to be added to what the writer
    // kept for the reports of the batch's new events, see
    // [`fold_kind_sources`]): the batch's reports of earlier events under
    // their kind now; the earlier reports of an earlier event whose kind a merge changed, out
    // of the old kind and into the new; and the batch's reports stored
    // before a later one changed their event's kind, which the triggers
    // counted under the old kind first.
    "WITH moved AS MATERIALIZED (
         SELECT t.kind AS old_kind, e.kind, es.source_id
           FROM temp.kb_batch_events t CROSS JOIN events e ON e.id = t.id CROSS JOIN event_sources es ON es.event_id = t.id
          WHERE t.id <= ?2 AND t.kind IS NOT e.kind AND es.id <= ?3)
     INSERT INTO temp.kb_batch_kind_sources (kind, source_id, reports)
     SELECT kind, source_id, sum(n) FROM (
         SELECT e.kind, es.source_id, 1 AS n
           FROM temp.kb_batch_events t CROSS JOIN events e ON e.id = t.id CROSS JOIN event_sources es ON es.event_id = t.id
          WHERE t.id <= ?2 AND es.id > ?3
         UNION ALL
         SELECT old_kind, source_id, -1 FROM moved
         UNION ALL
         SELECT kind, source_id, 1 FROM moved
         UNION ALL
         SELECT t.kind, es.source_id, 0
           FROM temp.kb_batch_events t CROSS JOIN event_sources es ON es.event_id = t.id
          WHERE t.changed_at IS NOT NULL AND es.id > ?3 AND es.id <= t.changed_at)
     GROUP BY 1, 2",
];

/// The full-text indexes of the batch's articles and reporting sentences,
/// one statement each, so that FTS5 writes one segment, not one a row.
const INDEX: [&str; 2] = [
    "INSERT INTO sources_fts (rowid, title, body) SELECT id, title, body FROM sources WHERE id > ?1 ORDER BY id",
    "INSERT INTO event_sources_fts (rowid, sentence) SELECT id, sentence FROM event_sources WHERE id > ?3 ORDER BY id",
];

/// Counts and indexes what the batch [`begin_batch`] started added; the
/// caller commits. The triggers stay off after it, so that a writer may
/// begin another batch at once: switching them makes SQLite compile every
/// cached statement again at its next use, once per batch. The caller must
/// call [`end_batches`] when no batch follows (after the last commit, or
/// after a rollback) and write nothing else on the connection until then.
pub fn finish_batch(tx: &Transaction, batch: &Batch) -> Result<()> {
    match batch.marks {
        Some(marks) => fold_kept_counts(tx, batch)
            .and_then(|()| run_with_marks(tx, &FOLD, marks))
            .and_then(|()| fold_kind_sources(tx, batch, marks))
            .and_then(|()| run_with_marks(tx, &INDEX, marks)),
        None => Ok(()),
    }
}

/// Writes the counts the writer kept while storing the batch: entity_counts
/// for the batch's mentions and the links of its new events, and
/// event_counts for its new events as they are now. One row per entity or
/// per kind and month, where counting the stored rows again took one per
/// article and entity, or event.
fn fold_kept_counts(tx: &Transaction, batch: &Batch) -> Result<()> {
    let mut entities: Vec<(&(EntityType, i64), &[i64; 3])> = batch.entity_counts.iter().collect();
    entities.sort_unstable_by_key(|(k, _)| **k);
    if !entities.is_empty() {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO entity_counts (entity_type, entity_id, mentions, articles, events) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles,
                                       events = events + excluded.events",
        )?;
        for ((etype, id), [mentions, articles, events]) in entities {
            stmt.execute(params![etype.as_str(), id, mentions, articles, events])?;
        }
    }
    // (kind, month) -> events, dated, claims, killed, killed_known,
    // unclaimed_killed, unclaimed_killed_known, reports
    let mut months: HashMap<(&str, String), [i64; 8]> = HashMap::new();
    for ev in batch.new_events.values() {
        let kind = ev.kind.as_str();
        let c = months.entry((kind, month_of(ev.occurred_on.as_deref()))).or_default();
        let killed = ev.killed.unwrap_or(0);
        let unclaimed = ev.reported_count.is_none();
        c[0] += 1;
        c[1] += i64::from(ev.occurred_on.is_some());
        c[2] += i64::from(!unclaimed);
        c[3] += killed;
        c[4] += i64::from(ev.killed.is_some());
        c[5] += if unclaimed { killed } else { 0 };
        c[6] += i64::from(unclaimed && ev.killed.is_some());
        c[7] += ev.sources.len() as i64;
    }
    let mut months: Vec<_> = months.into_iter().collect();
    months.sort_unstable();
    if !months.is_empty() {
        let mut stmt = tx.prepare_cached(
            concat!(
                "INSERT INTO event_counts ", event_counts_columns!(), " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ",
                event_counts_upsert!()
            ),
        )?;
        for ((kind, month), c) in months {
            stmt.execute(params![kind, month, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])?;
        }
    }
    Ok(())
}

/// kind_sources and kind_counts: the change of each (kind, article) row,
/// kept by the writer for the reports of the batch's new events and
/// counted by [`FOLD`] into the batch's table of changes for the rest,
/// applied as the triggers would have left it: an article counts for a
/// kind when its reports of that kind go from none to some, and no longer
/// when they go back to none. The rows of a change are created even when
/// it is zero.
fn fold_kind_sources(tx: &Transaction, batch: &Batch, marks: Marks) -> Result<()> {
    let mut change: HashMap<(String, i64), i64> = HashMap::new();
    for ev in batch.new_events.values() {
        for &source in &ev.sources {
            *change.entry((ev.kind.as_str().to_string(), source)).or_default() += 1;
        }
    }
    {
        let mut stmt = tx.prepare_cached("SELECT kind, source_id, reports FROM temp.kb_batch_kind_sources")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            *change.entry((r.get(0)?, r.get(1)?)).or_default() += r.get::<_, i64>(2)?;
        }
    }
    if change.is_empty() {
        return Ok(());
    }
    let mut change: Vec<((String, i64), i64)> = change.into_iter().collect();
    change.sort_unstable();
    // The rows as they were: those of the batch's articles (normally none)
    // in one range a kind, those of earlier articles one by one.
    let mut before: HashMap<(String, i64), i64> = HashMap::new();
    let mut kinds: Vec<&str> = change.iter().map(|((kind, _), _)| kind.as_str()).collect();
    kinds.dedup();
    {
        let mut stmt = tx.prepare_cached("SELECT source_id, reports FROM kind_sources WHERE kind = ?1 AND source_id > ?2")?;
        for kind in &kinds {
            let mut rows = stmt.query(params![kind, marks.sources])?;
            while let Some(r) = rows.next()? {
                before.insert((kind.to_string(), r.get(0)?), r.get(1)?);
            }
        }
        let mut stmt = tx.prepare_cached("SELECT reports FROM kind_sources WHERE kind = ?1 AND source_id = ?2")?;
        for ((kind, source), _) in change.iter().filter(|((_, source), _)| *source <= marks.sources) {
            if let Some(reports) = stmt.query_row(params![kind, source], |r| r.get(0)).optional()? {
                before.insert((kind.clone(), *source), reports);
            }
        }
    }
    let mut articles: Vec<(&str, i64)> = Vec::with_capacity(kinds.len());
    for (key, reports) in &change {
        let old = before.get(key).copied().unwrap_or(0);
        let moved = i64::from(old + reports > 0) - i64::from(old > 0);
        match articles.last_mut() {
            Some((kind, n)) if *kind == key.0 => *n += moved,
            _ => articles.push((key.0.as_str(), moved)),
        }
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO kind_counts (kind, articles) VALUES (?1, ?2) ON CONFLICT DO UPDATE SET articles = articles + excluded.articles",
    )?;
    for (kind, n) in articles {
        stmt.execute(params![kind, n])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO kind_sources (kind, source_id, reports) VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET reports = reports + excluded.reports",
    )?;
    for ((kind, source), reports) in &change {
        stmt.execute(params![kind, source, reports])?;
    }
    Ok(())
}

/// The month of an event as the summary tables key it: [`month_of!`] in Rust.
fn month_of(date: Option<&str>) -> String {
    match date {
        None => "undated".to_string(),
        Some(d) if d.chars().count() < 7 => format!("{} (month unknown)", d.chars().take(4).collect::<String>()),
        Some(d) => d.chars().take(7).collect(),
    }
}

/// Switches the triggers back on after the last batch [`finish_batch`]
/// finished, or after a batch that was rolled back instead (idempotent).
pub fn end_batches(conn: &Connection) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, false)?;
    Ok(())
}

/// Runs statements whose parameters ?1 to ?3 are the marks (sources,
/// events, reports), as many as each uses.
fn run_with_marks(tx: &Transaction, statements: &[&str], m: Marks) -> Result<()> {
    let marks = [m.sources, m.events, m.reports];
    for sql in statements {
        let mut stmt = tx.prepare_cached(sql)?;
        let wanted = stmt.parameter_count();
        for (i, v) in marks.iter().enumerate().take(wanted) {
            stmt.raw_bind_parameter(i + 1, v)?;
        }
        stmt.raw_execute()?;
    }
    Ok(())
}

/// Stores one article and its extraction inside the caller's transaction;
/// an article with the same text stored already is an error.
pub fn write_article(tx: &Transaction, article: &Article, ex: &Extraction, now: &str) -> Result<Added> {
    write_article_in(tx, &mut Batch::default(), article, ex, &CharIndex::new(&article.body), now)?
        .with_context(|| format!("{}: an article with the same text is already stored", article.path))
}

/// [`write_article`] for one of many articles stored in one transaction,
/// any of which may be stored already (the same text twice in the input,
/// or stored meanwhile by another process): stores nothing and returns
/// `None` when an article with its hash is there. The insert itself tells,
/// where looking the hash up first cost every new article a second walk
/// down the hash's index and a statement. `chars` is the body's
/// [`CharIndex`], which the caller may have built on another thread.
pub fn write_article_in(
    tx: &Transaction,
    batch: &mut Batch,
    article: &Article,
    ex: &Extraction,
    chars: &CharIndex,
    now: &str,
) -> Result<Option<Added>> {
    match insert_source_row(tx, article, now)? {
        Some(source_id) => write_extraction_in(tx, batch, source_id, &article.body, chars, ex).map(Some),
        None => Ok(None),
    }
}

/// Inserts the article's row; returns its id, or `None` (writing nothing)
/// when an article with the same hash is stored.
fn insert_source_row(tx: &Transaction, article: &Article, now: &str) -> Result<Option<i64>> {
    let meta = &article.meta;
    let extra = if meta.extra.is_empty() { None } else { Some(serde_json::to_string(&meta.extra)?) };
    let stored = tx
        .prepare_cached(
            "INSERT INTO sources (path, content_sha256, outlet, title, url, published_on, body, ingested_at, extra)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (content_sha256) DO NOTHING",
        )?
        .execute(params![
            article.path,
            article.sha256,
            meta.outlet,
            meta.title,
            meta.url,
            meta.published.map(|d| d.to_string()),
            article.body,
            now,
            extra
        ])
        .with_context(|| format!("{}: storing the article failed", article.path))?;
    Ok((stored == 1).then(|| tx.last_insert_rowid()))
}

/// Stores one article's extraction (entities, mentions, events) for a
/// source row already stored, whose body is `body`.
pub fn write_extraction(tx: &Transaction, source_id: i64, body: &str, ex: &Extraction) -> Result<Added> {
    write_extraction_in(tx, &mut Batch::default(), source_id, body, &CharIndex::new(body), ex)
}

fn write_extraction_in(
    tx: &Transaction,
    batch: &mut Batch,
    source_id: i64,
    body: &str,
    chars: &CharIndex,
    ex: &Extraction,
) -> Result<Added> {
    let mut added = Added::default();

    let mut ids: Vec<i64> = Vec::with_capacity(ex.entities.len());
    for e in &ex.entities {
        let known = batch.entities.get(e.name.as_str()).and_then(|v| {
            v.iter().find(|(t, role, _)| *t == e.etype && *role == e.role).map(|&(_, _, id)| id)
        });
        let id = match known {
            Some(id) => id,
            None => {
                let id = resolve_entity(tx, e)?;
                batch.entities.entry(e.name.clone()).or_default().push((e.etype, e.role.clone(), id));
                id
            }
        };
        ids.push(id);
    }
    for (e, &id) in ex.entities.iter().zip(&ids) {
        if e.aliases.iter().all(|alias| alias == &e.name) {
            continue;
        }
        let seen = batch.aliases.entry((e.etype, id)).or_default();
        for alias in &e.aliases {
            if alias != &e.name && !seen.contains(alias.as_str()) {
                seen.insert(alias.clone());
                insert_alias(tx, e.etype, id, alias, "extracted")?;
            }
        }
    }
    insert_mentions(tx, source_id, body, chars, ex, &ids)?;
    added.mentions = ex.mentions.len() as u64;
    let marks = batch.marks;
    let mut event_ids = Vec::with_capacity(ex.events.len());
    // The article's reports not stored yet: (event, index of the event)
    let mut reports: Vec<(i64, usize)> = Vec::with_capacity(ex.events.len());
    let mut link = tx.prepare_cached(
        "INSERT INTO event_entities (event_id, entity_type, entity_id, role) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
    )?;
    let mut new_event = tx.prepare_cached(INSERT_EVENT)?;
    for (e, ev) in ex.events.iter().enumerate() {
        let base_id = ev.base.map(|b| ids[b]);
        let participants: Vec<(EntityType, i64, Role)> =
            ev.participants.iter().map(|p| (ex.entities[p.entity].etype, ids[p.entity], p.role)).collect();
        let event_id = match find_same_event(tx, ev, base_id, &participants)? {
            Some(id) => {
                added.events_merged += 1;
                let merged = merge_report(tx, id, ev, base_id)?;
                if marks.is_some() {
                    if batch.noted.insert(id) {
                        note_before_merge(tx, id, &merged.before)?;
                    }
                    if merged.kind_changed {
                        // the note reads the largest report id
                        insert_reports(tx, source_id, body, chars, ex, &mut reports)?;
                        note_kind_change(tx, id)?;
                    }
                }
                if let Some(kept) = batch.new_events.get_mut(&id) {
                    kept.kind = merged.kind;
                    kept.killed = merged.killed;
                }
                id
            }
            None => {
                added.events_new += 1;
                let id = insert_event(tx, &mut new_event, ev, base_id)?;
                if marks.is_some() {
                    batch.new_events.insert(
                        id,
                        NewEvent {
                            kind: ev.kind,
                            occurred_on: ev.date.clone(),
                            killed: ev.killed,
                            reported_count: ev.reported_count,
                            sources: Vec::new(),
                        },
                    );
                }
                id
            }
        };
        // Outside a batch the triggers count each report as it is stored,
        // under its event's kind then.
        reports.push((event_id, e));
        if marks.is_none() {
            insert_reports(tx, source_id, body, chars, ex, &mut reports)?;
        }
        let kept = batch.new_events.get_mut(&event_id);
        let is_new = kept.is_some();
        if let Some(kept) = kept {
            kept.sources.push(source_id);
        }
        let links = participants
            .iter()
            .map(|&(etype, id, role)| (etype, id, role.as_str()))
            .chain(base_id.map(|b| (EntityType::Base, b, Role::Location.as_str())));
        for (etype, id, role) in links {
            let added = link.execute(params![event_id, etype.as_str(), id, role])? == 1;
            let first_link = if is_new {
                batch.links.insert((event_id, etype, id))
            } else {
                // An event stored before: counted as the trigger would, an
                // entity's first link to it in any role. (Snapshotting the
                // links of every earlier event merged into, to compare them
                // with its links at the end of the batch, read them all.)
                added
                    && marks.is_some()
                    && !tx
                        .prepare_cached(
                            "SELECT 1 FROM event_entities WHERE event_id = ?1 AND entity_type = ?2 AND entity_id = ?3 AND role <> ?4",
                        )?
                        .exists(params![event_id, etype.as_str(), id, role])?
            };
            if first_link {
                batch.entity_counts.entry((etype, id)).or_default()[2] += 1;
            }
        }
        event_ids.push(event_id);
    }
    insert_reports(tx, source_id, body, chars, ex, &mut reports)?;
    if marks.is_some() {
        count_source(tx, batch, source_id, ex, &ids, &mut event_ids)?;
    }
    Ok(added)
}

/// How many mentions one statement stores: an article's mentions go in
/// the largest of these chunks that fit, then the next, so that a few
/// cached statements serve every count. Each statement costs its own
/// cursors, reset and halt, more than a row does.
const MENTION_CHUNKS: [usize; 6] = [32, 16, 8, 4, 2, 1];

/// A multi-row INSERT, one statement a chunk size: `head` names the
/// columns, the first of which (?1) every row shares, then `width` more.
/// A statement of many rows that may abort halfway must first copy each
/// page it changes to a statement journal, to undo its rows: more than it
/// saves. OR FAIL keeps them instead, which changes nothing where a failed
/// write ends the whole transaction, as in every caller; the checks of
/// foreign keys, off in ingest, would still make it abortable.
struct RowsSql {
    head: &'static str,
    width: usize,
    chunks: &'static [usize],
    sql: std::sync::OnceLock<Vec<String>>,
}

impl RowsSql {
    const fn new(head: &'static str, width: usize, chunks: &'static [usize]) -> Self {
        RowsSql { head, width, chunks, sql: std::sync::OnceLock::new() }
    }

    /// The statement for `chunks[i]` rows.
    fn sql(&self, i: usize) -> &str {
        &self.sql.get_or_init(|| {
            self.chunks
                .iter()
                .map(|&n| {
                    let rows: Vec<String> = (0..n)
                        .map(|r| {
                            let first = 2 + self.width * r;
                            let params: Vec<String> = (first..first + self.width).map(|p| format!("?{p}")).collect();
                            format!("(?1, {})", params.join(", "))
                        })
                        .collect();
                    format!("{} VALUES {}", self.head, rows.join(", "))
                })
                .collect()
        })[i]
    }

    /// Stores `rows` in order, the largest chunk that fits first: `first`
    /// is the value of ?1, shared by every row, and `bind` binds one row's
    /// `width` values from the parameter index it is given.
    fn insert<T>(
        &self,
        tx: &Transaction,
        first: i64,
        rows: &[T],
        mut bind: impl FnMut(&mut rusqlite::CachedStatement<'_>, usize, &T) -> Result<()>,
    ) -> Result<()> {
        let mut rest = rows;
        while !rest.is_empty() {
            let i = self.chunks.iter().position(|&n| n <= rest.len()).unwrap_or(self.chunks.len() - 1);
            let (chunk, tail) = rest.split_at(self.chunks[i]);
            let mut stmt = tx.prepare_cached(self.sql(i))?;
            stmt.raw_bind_parameter(1, first)?;
            for (r, row) in chunk.iter().enumerate() {
                bind(&mut stmt, 2 + self.width * r, row)?;
            }
            stmt.raw_execute()?;
            rest = tail;
        }
        Ok(())
    }
}

static MENTIONS: RowsSql =
    RowsSql::new("INSERT OR FAIL INTO mentions (source_id, entity_type, entity_id, surface, start, \"end\")", 5, &MENTION_CHUNKS);

/// Stores the article's mentions in order (their ids are in the order of
/// the extraction: the rows of a VALUES list are inserted in turn).
fn insert_mentions(tx: &Transaction, source_id: i64, body: &str, chars: &CharIndex, ex: &Extraction, ids: &[i64]) -> Result<()> {
    MENTIONS.insert(tx, source_id, &ex.mentions, |stmt, p, m| {
        stmt.raw_bind_parameter(p, ex.entities[m.entity].etype.as_str())?;
        stmt.raw_bind_parameter(p + 1, ids[m.entity])?;
        stmt.raw_bind_parameter(p + 2, &body[m.start..m.end])?;
        stmt.raw_bind_parameter(p + 3, chars.char_offset(m.start) as i64)?;
        stmt.raw_bind_parameter(p + 4, chars.char_offset(m.end) as i64)?;
        Ok(())
    })
}

/// How many reports one statement stores (see [`MENTION_CHUNKS`]).
const REPORT_CHUNKS: [usize; 5] = [16, 8, 4, 2, 1];

static REPORTS: RowsSql = RowsSql::new(
    "INSERT OR FAIL INTO event_sources (source_id, event_id, sentence, date_text, sentence_start, sentence_end)",
    5,
    &REPORT_CHUNKS,
);

/// Stores the reports `pending` lists, in order, and empties it: an
/// article's reports wait for one another, so that a few statements store
/// them, until something reads them.
fn insert_reports(
    tx: &Transaction,
    source_id: i64,
    body: &str,
    chars: &CharIndex,
    ex: &Extraction,
    pending: &mut Vec<(i64, usize)>,
) -> Result<()> {
    REPORTS.insert(tx, source_id, pending, |stmt, p, &(event_id, e)| {
        let ev = &ex.events[e];
        let sentence = ex.sentences[ev.sentence];
        stmt.raw_bind_parameter(p, event_id)?;
        stmt.raw_bind_parameter(p + 1, &body[sentence.start..sentence.end])?;
        stmt.raw_bind_parameter(p + 2, &ev.date_text)?;
        stmt.raw_bind_parameter(p + 3, chars.char_offset(sentence.start) as i64)?;
        stmt.raw_bind_parameter(p + 4, chars.char_offset(sentence.end) as i64)?;
        Ok(())
    })?;
    pending.clear();
    Ok(())
}

/// The article's row of source_counts, as the triggers (off in a batch)
/// would have left it: the writer knows its mentions and reports, where a
/// statement at the end of the batch had to read them back from the
/// indexes and group them, which cost the writer ten times as much. An
/// article with neither gets no row, as from the triggers. Its mentions
/// are counted into the batch's entity_counts on the way.
fn count_source(tx: &Transaction, batch: &mut Batch, source_id: i64, ex: &Extraction, ids: &[i64], event_ids: &mut Vec<i64>) -> Result<()> {
    if ex.mentions.is_empty() && event_ids.is_empty() {
        return Ok(());
    }
    let mut entities: Vec<(EntityType, i64)> = ex.mentions.iter().map(|m| (ex.entities[m.entity].etype, ids[m.entity])).collect();
    entities.sort_unstable();
    let mut distinct = 0i64;
    for run in entities.chunk_by(|a, b| a == b) {
        let c = batch.entity_counts.entry(run[0]).or_default();
        c[0] += run.len() as i64;
        c[1] += 1;
        distinct += 1;
    }
    let reports = event_ids.len();
    event_ids.sort_unstable();
    event_ids.dedup();
    tx.prepare_cached(
        "INSERT INTO source_counts (source_id, mentions, entities, events, reports) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions, entities = entities + excluded.entities,
                                   events = events + excluded.events, reports = reports + excluded.reports",
    )?
    .execute(params![source_id, ex.mentions.len() as i64, distinct, event_ids.len() as i64, reports as i64])?;
    Ok(())
}

/// Finds the database entity an extracted entity stands for, creating it
/// when it is new. Known (dictionary) entities are found by canonical name;
/// discovered ones by name, then alias, then the spelling-folded key when
/// exactly one entity has it (two people who share a surname never meet:
/// the key is of the full name).
fn resolve_entity(tx: &Transaction, e: &Entity) -> Result<i64> {
    if let Some(id) = find_by_name(tx, e.etype, &e.name)? {
        fill_role(tx, e, id)?;
        return Ok(id);
    }
    let by_alias: Option<i64> = tx
        .prepare_cached("SELECT entity_id FROM aliases WHERE entity_type = ?1 AND alias = ?2 COLLATE NOCASE ORDER BY id LIMIT 1")?
        .query_row(params![e.etype.as_str(), e.name], |r| r.get(0))
        .optional()?;
    if let Some(id) = by_alias {
        return Ok(id);
    }
    let key = name_key(&e.name);
    if !key.is_empty() {
        let sql = format!("SELECT id FROM {} WHERE name_key = ?1 LIMIT 2", e.etype.table());
        let found: Vec<i64> = tx
            .prepare_cached(&sql)?
            .query_map([&key], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if found.len() == 1 {
            insert_alias(tx, e.etype, found[0], &e.name, "extracted")?;
            return Ok(found[0]);
        }
    }
    insert_entity(tx, e, "extracted")
}

/// A person first stored without a role gets the one a later article gives.
fn fill_role(tx: &Transaction, e: &Entity, id: i64) -> Result<()> {
    if e.etype == EntityType::Person {
        if let Some(role) = &e.role {
            tx.prepare_cached("UPDATE people SET role = ?1 WHERE id = ?2 AND role IS NULL")?.execute(params![role, id])?;
        }
    }
    Ok(())
}

const INSERT_EVENT: &str =
    "INSERT INTO events (kind, occurred_on, date_precision, base_id, place, killed, injured, reported_count, count_qualifier, count_period, summary)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

/// Stores a new event with `stmt`, [`INSERT_EVENT`] prepared.
fn insert_event(tx: &Transaction, stmt: &mut rusqlite::Statement, ev: &Event, base_id: Option<i64>) -> Result<i64> {
    stmt.execute(params![
        ev.kind.as_str(),
        ev.date,
        ev.date.as_ref().and(ev.precision.map(|p| p.as_str())),
        base_id,
        ev.place,
        ev.killed,
        ev.injured,
        ev.reported_count,
        ev.count_qualifier,
        ev.count_period,
        ev.summary
    ])?;
    Ok(tx.last_insert_rowid())
}

/// The kinds one real event may be reported as: an attack, the strike it
/// was, and the casualties it caused are one incident.
fn kind_group(kind: EventKind) -> &'static [&'static str] {
    match kind {
        EventKind::Attack | EventKind::Strike | EventKind::Casualty => &["attack", "strike", "casualty"],
        EventKind::Meeting => &["meeting"],
        EventKind::Announcement => &["announcement"],
        EventKind::Withdrawal => &["withdrawal"],
        EventKind::Statement => &["statement"],
        EventKind::Other => &[],
    }
}

/// The events stored for one day (?1) that a further report may be one
/// more report of, by the rules of [`find_same_event`], each with whether
/// its base or place already decides it (else it is of the report's kind,
/// and a shared participant decides): ?2 is the report's place, ?3 its
/// kind, ?4 its base, ?5 whether it has participants to share, and ?6 the
/// kind of the event looked for. Candidates the rules reject are left in
/// the statement, where each cost a row handed out and read; their number
/// grows with the corpus (about 9 a lookup at 20,000 articles, 17 at
/// 100,000).
macro_rules! same_day_sql {
    ($kinds:literal) => {
        concat!(
            "SELECT id, ?4 IS NOT NULL AND base_id IS NOT NULL OR ?2 IS NOT NULL AND place IS NOT NULL FROM events
              WHERE occurred_on = ?1 AND kind IN ", $kinds, " AND date_precision = 'day' AND reported_count IS NULL
                AND CASE WHEN ?4 IS NOT NULL AND base_id IS NOT NULL THEN base_id = ?4
                         WHEN ?2 IS NOT NULL AND place IS NOT NULL THEN place = ?2 COLLATE NOCASE
                         ELSE kind = ?3 AND ?5 END"
        )
    };
}

/// [`same_day_sql`] for a kind that is its own incident.
const SAME_DAY_OF_KIND: &str = same_day_sql!("(?6)");

/// [`same_day_sql`] for the three kinds of one incident (?6 to ?8).
const SAME_DAY_OF_GROUP: &str = same_day_sql!("(?6, ?7, ?8)");

/// One real event, many reports: an event of the same kind (or, for
/// violence, of the same incident: attack, strike, casualties) on the same
/// day at the same base or place, or of the same kind with an actor or
/// target in common and no conflicting base or place, is the one already
/// stored. Aggregate claims ("about 150 attacks") and events not dated to
/// the day are never merged.
fn find_same_event(
    tx: &Transaction,
    ev: &Event,
    base_id: Option<i64>,
    participants: &[(EntityType, i64, Role)],
) -> Result<Option<i64>> {
    let (Some(date), Some(precision)) = (&ev.date, ev.precision) else { return Ok(None) };
    let group = kind_group(ev.kind);
    if ev.reported_count.is_some() || precision.as_str() != "day" || group.is_empty() {
        return Ok(None);
    }
    // The candidates come from events_same_day alone (V13).
    let mut stmt = tx.prepare_cached(if group.len() == 1 { SAME_DAY_OF_KIND } else { SAME_DAY_OF_GROUP })?;
    for (i, kind) in group.iter().enumerate() {
        stmt.raw_bind_parameter(6 + i, kind)?;
    }
    stmt.raw_bind_parameter(1, date)?;
    stmt.raw_bind_parameter(2, &ev.place)?;
    stmt.raw_bind_parameter(3, ev.kind.as_str())?;
    stmt.raw_bind_parameter(4, base_id)?;
    stmt.raw_bind_parameter(5, participants.iter().any(|p| p.2 != Role::Location))?;
    // (id, decided by its base or place)
    let mut candidates: Vec<(i64, bool)> = Vec::new();
    let mut rows = stmt.raw_query();
    while let Some(r) = rows.next()? {
        candidates.push((r.get(0)?, r.get(1)?));
    }
    drop(rows);
    drop(stmt);
    candidates.sort_unstable_by_key(|c| c.0);
    for (id, decided) in candidates {
        if decided {
            return Ok(Some(id));
        }
        // An event has few entities besides its location (none for most):
        // reading them once costs less than a statement per participant.
        let mut stmt = tx.prepare_cached(
            "SELECT entity_type, entity_id FROM event_entities WHERE event_id = ?1 AND role <> 'location'",
        )?;
        let mut rows = stmt.query([id])?;
        while let Some(r) = rows.next()? {
            let (etype, eid) = (r.get_ref(0)?.as_str()?, r.get::<_, i64>(1)?);
            if participants.iter().any(|&(t, e, role)| role != Role::Location && e == eid && t.as_str() == etype) {
                return Ok(Some(id));
            }
        }
    }
    Ok(None)
}

/// Keeps, at a batch's first merge into an event, the event as it was
/// before (as [`merge_report`] found it), so that [`finish_batch`] can
/// move its counts.
fn note_before_merge(tx: &Transaction, id: i64, before: &Before) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO temp.kb_batch_events (id, kind, occurred_on, killed, reported_count) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO NOTHING",
    )?
    .execute(params![id, before.kind, before.occurred_on, before.killed, before.reported_count])?;
    Ok(())
}

/// Notes that a merge has just changed the kind of an event (the first
/// time in the batch: a kind changes once, from casualties to the attack
/// or strike): the batch's reports of it stored before were counted under
/// the old kind by the triggers, which left that row behind.
fn note_kind_change(tx: &Transaction, id: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE temp.kb_batch_events SET changed_at = (SELECT coalesce(max(id), 0) FROM event_sources)
          WHERE id = ?1 AND changed_at IS NULL",
    )?
    .execute([id])?;
    Ok(())
}

/// An event as a merge into it found it: what [`finish_batch`] counts it
/// out as.
struct Before {
    kind: String,
    occurred_on: Option<String>,
    killed: Option<i64>,
    reported_count: Option<i64>,
}

/// What [`merge_report`] found and left.
struct Merged {
    before: Before,
    kind: EventKind,
    killed: Option<i64>,
    kind_changed: bool,
}

/// A further report of a known event fills in what the first one lacked:
/// the base or place, the toll (the highest reported), and the kind when
/// the first report only told of casualties. Most further reports add
/// nothing, and then the row is only read: rewriting an unchanged row
/// still rewrote every index on the columns it sets, and deciding in an
/// UPDATE took a statement more to read the kind and toll back.
fn merge_report(tx: &Transaction, id: i64, ev: &Event, base_id: Option<i64>) -> Result<Merged> {
    type Row = (String, Option<String>, Option<i64>, Option<i64>, Option<i64>, Option<String>, Option<i64>);
    let (kind, occurred_on, killed, reported_count, base, place, injured): Row = tx
        .prepare_cached("SELECT kind, occurred_on, killed, reported_count, base_id, place, injured FROM events WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))?;
    let old_kind = EventKind::parse(&kind).with_context(|| format!("event {id} has a kind kb does not know: {kind}"))?;
    let higher = |stored: Option<i64>, reported: Option<i64>| match (stored, reported) {
        (Some(s), Some(r)) if r > s => Some(r),
        (None, Some(r)) => Some(r),
        _ => stored,
    };
    let new_base = base.or(base_id);
    let new_place = if place.is_none() { ev.place.as_deref() } else { place.as_deref() };
    let new_killed = higher(killed, ev.killed);
    let new_injured = higher(injured, ev.injured);
    let new_kind = match (old_kind, ev.kind) {
        (EventKind::Casualty, EventKind::Attack | EventKind::Strike) => ev.kind,
        _ => old_kind,
    };
    if new_base != base || new_place != place.as_deref() || new_killed != killed || new_injured != injured || new_kind != old_kind {
        tx.prepare_cached("UPDATE events SET base_id = ?2, place = ?3, killed = ?4, injured = ?5, kind = ?6 WHERE id = ?1")?
            .execute(params![id, new_base, new_place, new_killed, new_injured, new_kind.as_str()])?;
    }
    Ok(Merged {
        before: Before { kind, occurred_on, killed, reported_count },
        kind: new_kind,
        killed: new_killed,
        kind_changed: new_kind != old_kind,
    })
}

/// Counts for the ingest summary: people, organizations and bases that
/// some article mentions, then mentions and events.
pub fn counts(conn: &Connection) -> Result<[i64; 5]> {
    let one = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let mentioned = |t: &str| {
        one(&format!("SELECT count(*) FROM (SELECT DISTINCT entity_id FROM mentions WHERE entity_type = '{t}')"))
    };
    Ok([
        mentioned("person")?,
        mentioned("organization")?,
        mentioned("base")?,
        one("SELECT count(*) FROM mentions")?,
        one("SELECT count(*) FROM events")?,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Meta};
    use crate::extract::{Entity, Event, Extraction, Mention, Precision, Sentence};

    fn article(path: &str, body: &str) -> Article {
        Article {
            path: path.into(),
            meta: Meta::default(),
            body: body.into(),
            sha256: crate::article::sha256_hex(body),
            warning: None,
        }
    }

    fn event(kind: EventKind, date: &str, base: Option<usize>, place: Option<&str>, killed: Option<i64>) -> Event {
        Event {
            kind,
            date: Some(date.into()),
            precision: Some(Precision::Day),
            date_text: Some("on Sunday".into()),
            sentence: 0,
            base,
            place: place.map(str::to_string),
            killed,
            injured: None,
            reported_count: None,
            count_qualifier: None,
            count_period: None,
            participants: Vec::new(),
            summary: "test".into(),
        }
    }

    fn base_entity() -> Entity {
        Entity { etype: EntityType::Base, name: "Tower 22".into(), known: true, ..Default::default() }
    }

    fn store(conn: &mut Connection, path: &str, body: &str, events: Vec<Event>) {
        let ex = extraction(body, events);
        let tx = conn.transaction().unwrap();
        write_article(&tx, &article(path, body), &ex, "2026-01-01T00:00:00Z").unwrap();
        tx.commit().unwrap();
    }

    fn extraction(body: &str, events: Vec<Event>) -> Extraction {
        Extraction {
            sentences: vec![Sentence { start: 0, end: body.len() }],
            entities: vec![base_entity()],
            mentions: vec![Mention { entity: 0, start: body.find("Tower 22").unwrap(), end: body.find("Tower 22").unwrap() + 8 }],
            dates: Vec::new(),
            events,
        }
    }

    #[test]
    fn mentions_are_stored_in_their_order_in_chunks() {
        // 45 mentions of 11 bases: chunks of 32, 8, 4 and 1
        let names: Vec<String> = (0..11).map(|i| format!("Base {i}")).collect();
        let body = names.join(" ");
        let spans: Vec<(usize, usize)> = names
            .iter()
            .scan(0, |at, n| {
                let span = (*at, *at + n.len());
                *at += n.len() + 1;
                Some(span)
            })
            .collect();
        let order: Vec<usize> = (0..20).map(|i| i % 3).chain((0..25).map(|i| i * 7 % 11)).collect();
        let mentions: Vec<Mention> = order.iter().map(|&e| Mention { entity: e, start: spans[e].0, end: spans[e].1 }).collect();
        let ex = Extraction {
            sentences: vec![Sentence { start: 0, end: body.len() }],
            entities: names.iter().map(|n| Entity { etype: EntityType::Base, name: n.clone(), ..Default::default() }).collect(),
            mentions,
            dates: Vec::new(),
            events: Vec::new(),
        };
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, _) = crate::db::open_rw(&dir.path().join("kb.db")).unwrap();
        let tx = conn.transaction().unwrap();
        let mut batch = begin_batch(&tx).unwrap();
        let added = write_article_in(&tx, &mut batch, &article("a.txt", &body), &ex, &CharIndex::new(&body), "2026-01-01T00:00:00Z")
            .unwrap()
            .unwrap();
        finish_batch(&tx, &batch).unwrap();
        tx.commit().unwrap();
        end_batches(&conn).unwrap();
        assert_eq!(added.mentions, 45);
        let stored: Vec<(String, i64)> = conn
            .prepare("SELECT surface, start FROM mentions ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let expected: Vec<(String, i64)> = order.iter().map(|&e| (names[e].clone(), spans[e].0 as i64)).collect();
        assert_eq!(stored, expected);
        let counted: i64 = conn.query_row("SELECT sum(mentions) FROM entity_counts", [], |r| r.get(0)).unwrap();
        assert_eq!(counted, 45);
    }

    #[test]
    fn a_batch_rolled_back_leaves_nothing_and_the_triggers_count_again() {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, _) = crate::db::open_rw(&dir.path().join("kb.db")).unwrap();
        let body = "A drone attacked Tower 22 on Sunday.";
        {
            let tx = conn.transaction().unwrap();
            let mut batch = begin_batch(&tx).unwrap();
            let ex = extraction(body, vec![event(EventKind::Attack, "2024-01-28", Some(0), None, None)]);
            let a = article("a.txt", body);
            write_article_in(&tx, &mut batch, &a, &ex, &CharIndex::new(body), "2026-01-01T00:00:00Z").unwrap().unwrap();
            // dropped unfinished: rolled back
        }
        end_batches(&conn).unwrap();
        let one = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(one("SELECT count(*) FROM sources"), 0);
        assert_eq!(one("SELECT coalesce(sum(mentions), 0) FROM entity_counts"), 0);
        store(&mut conn, "b.txt", body, vec![event(EventKind::Attack, "2024-01-28", Some(0), None, None)]);
        let one = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(one("SELECT sum(mentions) FROM entity_counts"), 1);
        assert_eq!(one("SELECT sum(events) FROM event_counts"), 1);
        assert_eq!(one("SELECT sum(reports) FROM kind_sources"), 1);
        assert_eq!(one("SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'drone'"), 1);
    }

    #[test]
    fn the_same_text_again_stores_nothing_in_a_batch_and_is_an_error_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, _) = crate::db::open_rw(&dir.path().join("kb.db")).unwrap();
        let body = "A drone attacked Tower 22 on Sunday.";
        let ex = extraction(body, vec![event(EventKind::Attack, "2024-01-28", Some(0), None, None)]);
        let now = "2026-01-01T00:00:00Z";
        let tx = conn.transaction().unwrap();
        let mut batch = begin_batch(&tx).unwrap();
        let first = write_article_in(&tx, &mut batch, &article("a.txt", body), &ex, &CharIndex::new(body), now).unwrap();
        let again = write_article_in(&tx, &mut batch, &article("b.txt", body), &ex, &CharIndex::new(body), now).unwrap();
        finish_batch(&tx, &batch).unwrap();
        tx.commit().unwrap();
        end_batches(&conn).unwrap();
        assert_eq!(first.map(|a| (a.mentions, a.events_new)), Some((1, 1)));
        assert!(again.is_none());
        let one = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
        assert_eq!(
            one("SELECT (SELECT group_concat(path) FROM sources) || ' ' || (SELECT count(*) FROM mentions) || ' '
                        || (SELECT count(*) FROM event_sources) || ' ' || (SELECT sum(mentions) FROM entity_counts)"),
            "a.txt 1 1 1"
        );
        let tx = conn.transaction().unwrap();
        let err = write_article(&tx, &article("c.txt", body), &ex, now).unwrap_err();
        assert_eq!(err.to_string(), "c.txt: an article with the same text is already stored");
    }

    fn rows(conn: &Connection) -> Vec<(String, Option<i64>, i64)> {
        conn.prepare("SELECT kind, killed, (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id) FROM events e ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn reports_of_one_incident_at_one_base_on_one_day_are_one_event() {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, _) = crate::db::open_rw(&dir.path().join("kb.db")).unwrap();
        store(&mut conn, "a.txt", "Three soldiers died at Tower 22 on Sunday.", vec![event(EventKind::Casualty, "2024-01-28", Some(0), None, Some(3))]);
        store(&mut conn, "b.txt", "A drone attacked Tower 22 on Sunday.", vec![event(EventKind::Attack, "2024-01-28", Some(0), None, None)]);
        store(&mut conn, "c.txt", "The toll at Tower 22 rose to four on Sunday.", vec![event(EventKind::Casualty, "2024-01-28", Some(0), None, Some(4))]);
        // the same base on another day is another event
        store(&mut conn, "d.txt", "A drone attacked Tower 22 on Monday.", vec![event(EventKind::Attack, "2024-01-29", Some(0), None, None)]);
        assert_eq!(rows(&conn), vec![("attack".into(), Some(4), 3), ("attack".into(), None, 1)]);
    }

    #[test]
    fn a_report_that_adds_nothing_changes_no_row_and_gives_the_kind_and_toll_stored() {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, _) = crate::db::open_rw(&dir.path().join("kb.db")).unwrap();
        store(&mut conn, "a.txt", "A drone attack killed three at Tower 22 on Sunday.", vec![event(EventKind::Attack, "2024-01-28", Some(0), None, Some(3))]);
        let id: i64 = conn.query_row("SELECT id FROM events", [], |r| r.get(0)).unwrap();
        let tx = conn.transaction().unwrap();
        let lower = event(EventKind::Casualty, "2024-01-28", None, None, Some(2));
        let changed = tx.total_changes();
        let merged = merge_report(&tx, id, &lower, None).unwrap();
        assert_eq!((merged.kind, merged.killed, merged.kind_changed), (EventKind::Attack, Some(3), false));
        assert_eq!((merged.before.kind.as_str(), merged.before.killed), ("attack", Some(3)));
        assert_eq!(tx.total_changes() - changed, 0);
        let higher = event(EventKind::Casualty, "2024-01-28", None, Some("Tanf"), Some(5));
        let merged = merge_report(&tx, id, &higher, None).unwrap();
        assert_eq!((merged.kind, merged.killed, merged.kind_changed), (EventKind::Attack, Some(5), false));
        assert_eq!((merged.before.kind.as_str(), merged.before.killed), ("attack", Some(3)));
        assert_ne!(tx.total_changes(), changed);
        let row: (Option<String>, Option<i64>, Option<i64>) =
            tx.query_row("SELECT place, killed, base_id FROM events WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
        assert_eq!(row, (Some("Tanf".into()), Some(5), Some(1)));
    }

    #[test]
    fn a_report_of_the_attack_turns_a_casualty_event_into_one() {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, _) = crate::db::open_rw(&dir.path().join("kb.db")).unwrap();
        store(&mut conn, "a.txt", "Three soldiers died at Tower 22 on Sunday.", vec![event(EventKind::Casualty, "2024-01-28", None, None, Some(3))]);
        let id: i64 = conn.query_row("SELECT id FROM events", [], |r| r.get(0)).unwrap();
        let tx = conn.transaction().unwrap();
        let attack = event(EventKind::Attack, "2024-01-28", None, None, None);
        let merged = merge_report(&tx, id, &attack, Some(1)).unwrap();
        assert_eq!((merged.kind, merged.killed, merged.kind_changed), (EventKind::Attack, Some(3), true));
        assert_eq!(merged.before.kind, "casualty");
        let row: (String, Option<i64>) = tx.query_row("SELECT kind, base_id FROM events WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!(row, ("attack".into(), Some(1)));
        // a later casualty report leaves the kind
        let merged = merge_report(&tx, id, &event(EventKind::Casualty, "2024-01-28", None, None, Some(2)), None).unwrap();
        assert_eq!((merged.kind, merged.killed, merged.kind_changed), (EventKind::Attack, Some(3), false));
    }

    #[test]
    fn the_same_day_lookup_reads_its_partial_index_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (conn, _) = crate::db::open_rw(&dir.path().join("kb.db")).unwrap();
        for (sql, n) in [(SAME_DAY_OF_KIND, 6), (SAME_DAY_OF_GROUP, 8)] {
            let plan: Vec<String> = conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap()
                .query_map(rusqlite::params_from_iter(std::iter::repeat_n(rusqlite::types::Null, n)), |r| r.get(3))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(plan.len(), 1, "{plan:?}");
            assert!(plan[0].starts_with("SEARCH events USING COVERING INDEX events_same_day "), "{plan:?}");
        }
    }

    #[test]
    fn a_place_named_in_another_case_is_the_same_place() {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, _) = crate::db::open_rw(&dir.path().join("kb.db")).unwrap();
        store(&mut conn, "a.txt", "A strike hit Al-Qaim near Tower 22.", vec![event(EventKind::Strike, "2024-02-02", None, Some("Al-Qaim"), None)]);
        store(&mut conn, "b.txt", "A strike hit al-qaim near Tower 22.", vec![event(EventKind::Attack, "2024-02-02", None, Some("al-qaim"), Some(2))]);
        // another kind of the incident with no place meets neither
        store(&mut conn, "c.txt", "Two died near Tower 22.", vec![event(EventKind::Casualty, "2024-02-02", None, None, Some(2))]);
        assert_eq!(rows(&conn), vec![("strike".into(), Some(2), 2), ("casualty".into(), Some(2), 1)]);
    }

    #[test]
    fn different_places_and_aggregate_claims_never_merge() {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, _) = crate::db::open_rw(&dir.path().join("kb.db")).unwrap();
        store(&mut conn, "a.txt", "A strike hit al-Qaim near Tower 22.", vec![event(EventKind::Strike, "2024-02-02", None, Some("al-Qaim"), None)]);
        store(&mut conn, "b.txt", "A strike hit Akashat far from Tower 22.", vec![event(EventKind::Strike, "2024-02-02", None, Some("Akashat"), None)]);
        let mut claim = event(EventKind::Attack, "2024-02-02", Some(0), None, None);
        claim.reported_count = Some(150);
        store(&mut conn, "c.txt", "About 150 attacks hit bases such as Tower 22.", vec![claim.clone()]);
        store(&mut conn, "d.txt", "Some 150 attacks have hit bases like Tower 22.", vec![claim]);
        assert_eq!(
            rows(&conn),
            vec![("strike".into(), None, 1), ("strike".into(), None, 1), ("attack".into(), None, 1), ("attack".into(), None, 1)]
        );
    }
}
