//! The analyst's corrections to the record (aliases, merges, renames), kept
//! in the `curations` table so that re-extraction replays them, and the
//! deletions that `kb forget` and `kb reindex` share: an article's
//! extraction, and whatever only it supported.

use crate::extract::names::name_key;
use crate::extract::EntityType;
use anyhow::{bail, Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

/// An entity of the knowledge base as a curation names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub etype: EntityType,
    pub id: i64,
    pub name: String,
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} \"{}\"", self.etype.as_str(), self.id, self.name)
    }
}

const ALL_TYPES: [EntityType; 3] = [EntityType::Person, EntityType::Organization, EntityType::Base];

fn types(only: Option<EntityType>) -> Vec<EntityType> {
    only.map(|t| vec![t]).unwrap_or_else(|| ALL_TYPES.to_vec())
}

/// Every entity whose canonical name or alias is `name` (ignoring case).
pub fn candidates(conn: &Connection, name: &str, only: Option<EntityType>) -> Result<Vec<Found>> {
    let mut out: Vec<Found> = Vec::new();
    for etype in types(only) {
        let sql = format!(
            "SELECT id, name FROM {t} WHERE name = ?1 COLLATE NOCASE
             UNION SELECT t.id, t.name FROM aliases a JOIN {t} t ON t.id = a.entity_id
              WHERE a.entity_type = ?2 AND a.alias = ?1 COLLATE NOCASE
             ORDER BY 1",
            t = etype.table()
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params![name, etype.as_str()], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, n) = row?;
            if !out.iter().any(|f| f.etype == etype && f.id == id) {
                out.push(Found { etype, id, name: n });
            }
        }
    }
    // A name typed with its exact case picks that entity over ones that
    // only match it ignoring case.
    let exact: Vec<Found> = out.iter().filter(|f| f.name == name).cloned().collect();
    if exact.len() == 1 && out.len() > 1 && exact_alias_free(conn, name, &out)? {
        return Ok(exact);
    }
    Ok(out)
}

fn exact_alias_free(conn: &Connection, name: &str, found: &[Found]) -> Result<bool> {
    for f in found {
        if f.name == name {
            continue;
        }
        let n: i64 = conn.query_row(
            "SELECT count(*) FROM aliases WHERE entity_type = ?1 AND entity_id = ?2 AND alias = ?3",
            params![f.etype.as_str(), f.id, name],
            |r| r.get(0),
        )?;
        if n > 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The one entity `name` designates, or an error listing the candidates.
pub fn find_one(conn: &Connection, name: &str, only: Option<EntityType>) -> Result<Found> {
    let found = candidates(conn, name, only)?;
    match found.len() {
        0 => {
            let what = only.map(|t| t.as_str()).unwrap_or("entity");
            bail!("no {what} is named {name:?} (by canonical name or alias)")
        }
        1 => Ok(found.into_iter().next().expect("one")),
        _ => bail!(
            "{name:?} is ambiguous: {}; pick one with --type, or name it by its canonical name",
            found.iter().map(|f| f.to_string()).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Who made a curation: `--by`, else $USER, else "analyst".
pub fn who(by: Option<&str>) -> String {
    by.map(str::to_string)
        .filter(|s| !s.trim().is_empty())
        .or_else(|| std::env::var("USER").ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "analyst".into())
}

pub fn now_utc() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn record(conn: &Connection, who: &str, action: &str, etype: EntityType, details: serde_json::Value) -> Result<()> {
    conn.execute(
        "INSERT INTO curations (at, who, action, entity_type, details) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![now_utc(), who, action, etype.as_str(), details.to_string()],
    )?;
    Ok(())
}

fn entity_named(conn: &Connection, etype: EntityType, name: &str) -> Result<Option<i64>> {
    let sql = format!("SELECT id FROM {} WHERE name = ?1", etype.table());
    Ok(conn.query_row(&sql, [name], |r| r.get(0)).optional()?)
}

fn alias_owner(conn: &Connection, etype: EntityType, alias: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT entity_id, origin FROM aliases WHERE entity_type = ?1 AND alias = ?2",
            params![etype.as_str(), alias],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

fn name_of(conn: &Connection, etype: EntityType, id: i64) -> Result<String> {
    let sql = format!("SELECT name FROM {} WHERE id = ?1", etype.table());
    conn.query_row(&sql, [id], |r| r.get(0)).with_context(|| format!("{} {id} is gone", etype.as_str()))
}

/// Makes `alias` an analyst alias of the entity (no record kept).
fn put_alias(conn: &Connection, etype: EntityType, id: i64, alias: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO aliases (entity_type, entity_id, alias, origin) VALUES (?1, ?2, ?3, 'analyst')
         ON CONFLICT (entity_type, alias) DO UPDATE SET entity_id = excluded.entity_id, origin = 'analyst'",
        params![etype.as_str(), id, alias],
    )?;
    Ok(())
}

/// `kb alias add`: `alias` becomes another name of `target`. False when
/// it already was an analyst alias of it (nothing recorded).
pub fn add_alias(conn: &Connection, target: &Found, alias: &str, who: &str) -> Result<bool> {
    let alias = alias.trim();
    if alias.is_empty() {
        bail!("an alias cannot be empty");
    }
    if alias == target.name {
        bail!("{alias:?} is the canonical name of {target}");
    }
    check_alias_free(conn, target, alias)?;
    if alias_owner(conn, target.etype, alias)?.is_some_and(|(id, origin)| id == target.id && origin == "analyst") {
        return Ok(false);
    }
    put_alias(conn, target.etype, target.id, alias)?;
    record(conn, who, "alias", target.etype, json!({"entity": target.name, "entity_id": target.id, "alias": alias}))?;
    Ok(true)
}

/// An alias (or new name) must not already name another entity of the type.
fn check_alias_free(conn: &Connection, target: &Found, alias: &str) -> Result<()> {
    if let Some(other) = entity_named(conn, target.etype, alias)? {
        if other != target.id {
            bail!(
                "{alias:?} is the name of {} {other}; to make them one entity use `kb merge \"{}\" \"{alias}\"`",
                target.etype.as_str(),
                target.name
            );
        }
    }
    if let Some((other, _)) = alias_owner(conn, target.etype, alias)? {
        if other != target.id {
            let owner = name_of(conn, target.etype, other)?;
            bail!("{alias:?} is already an alias of {} {other} \"{owner}\"", target.etype.as_str());
        }
    }
    Ok(())
}

/// What a merge moved.
#[derive(Debug, Default)]
pub struct Moved {
    pub aliases: usize,
    pub mentions: usize,
    pub event_links: usize,
}

/// Moves everything of `drop` to `keep` and deletes `drop`; its name
/// becomes an analyst alias of `keep`. No record kept (see `merge`).
fn merge_ids(conn: &Connection, etype: EntityType, keep: i64, drop: i64) -> Result<Moved> {
    let t = etype.as_str();
    let table = etype.table();
    let drop_name = name_of(conn, etype, drop)?;
    let keep_name = name_of(conn, etype, keep)?;
    let mut moved = Moved::default();
    conn.execute("DELETE FROM aliases WHERE entity_type = ?1 AND entity_id = ?2 AND alias = ?3", params![t, drop, keep_name])?;
    // An alias the analyst chose to keep with the merged entity is curated:
    // recognition uses it from now on.
    moved.aliases = conn.execute(
        "UPDATE aliases SET entity_id = ?2, origin = CASE origin WHEN 'extracted' THEN 'analyst' ELSE origin END
          WHERE entity_type = ?1 AND entity_id = ?3",
        params![t, keep, drop],
    )?;
    moved.mentions = conn.execute("UPDATE mentions SET entity_id = ?2 WHERE entity_type = ?1 AND entity_id = ?3", params![t, keep, drop])?;
    moved.event_links = conn.execute(
        "INSERT OR IGNORE INTO event_entities (event_id, entity_type, entity_id, role)
         SELECT event_id, entity_type, ?2, role FROM event_entities WHERE entity_type = ?1 AND entity_id = ?3",
        params![t, keep, drop],
    )?;
    conn.execute("DELETE FROM event_entities WHERE entity_type = ?1 AND entity_id = ?2", params![t, drop])?;
    match etype {
        EntityType::Base => {
            moved.event_links += conn.execute("UPDATE events SET base_id = ?1 WHERE base_id = ?2", params![keep, drop])?;
            conn.execute(
                "UPDATE bases SET country = coalesce(country, (SELECT country FROM bases WHERE id = ?2)),
                                  province = coalesce(province, (SELECT province FROM bases WHERE id = ?2)),
                                  latitude = coalesce(latitude, (SELECT latitude FROM bases WHERE id = ?2)),
                                  longitude = coalesce(longitude, (SELECT longitude FROM bases WHERE id = ?2))
                  WHERE id = ?1",
                params![keep, drop],
            )?;
        }
        EntityType::Person => {
            conn.execute(
                "UPDATE people SET role = coalesce(role, (SELECT role FROM people WHERE id = ?2)),
                                   affiliation = coalesce(affiliation, (SELECT affiliation FROM people WHERE id = ?2))
                  WHERE id = ?1",
                params![keep, drop],
            )?;
        }
        EntityType::Organization => {}
    }
    conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [drop])?;
    put_alias(conn, etype, keep, &drop_name)?;
    Ok(moved)
}

/// `kb merge KEEP DROP`.
pub fn merge(conn: &Connection, keep: &Found, drop: &Found, who: &str) -> Result<Moved> {
    if keep.etype != drop.etype {
        bail!("cannot merge {keep} with {drop}: they are of different types");
    }
    if keep.id == drop.id {
        bail!("{keep} and {drop:?} are already one entity", drop = drop.name);
    }
    let moved = merge_ids(conn, keep.etype, keep.id, drop.id)?;
    record(
        conn,
        who,
        "merge",
        keep.etype,
        json!({"keep": keep.name, "keep_id": keep.id, "drop": drop.name, "drop_id": drop.id}),
    )?;
    Ok(moved)
}

/// `kb rename ENTITY NEW_NAME`: the old name stays as an alias.
pub fn rename(conn: &Connection, target: &Found, new_name: &str, who: &str) -> Result<()> {
    let new_name = new_name.trim();
    if new_name.is_empty() {
        bail!("a name cannot be empty");
    }
    if new_name == target.name {
        bail!("{target} already has that name");
    }
    check_alias_free(conn, target, new_name)?;
    rename_id(conn, target.etype, target.id, &target.name, new_name)?;
    record(conn, who, "rename", target.etype, json!({"from": target.name, "to": new_name, "entity_id": target.id}))
}

fn rename_id(conn: &Connection, etype: EntityType, id: i64, old: &str, new_name: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM aliases WHERE entity_type = ?1 AND entity_id = ?2 AND alias = ?3",
        params![etype.as_str(), id, new_name],
    )?;
    conn.execute(
        &format!("UPDATE {} SET name = ?1, name_key = ?2 WHERE id = ?3", etype.table()),
        params![new_name, name_key(new_name), id],
    )?;
    put_alias(conn, etype, id, old)
}

/// Re-applies every recorded curation, in order, to what extraction wrote
/// since: an entity the text named again under a merged-away or renamed-away
/// name is folded back, and analyst aliases are put back. Returns how many
/// curations changed something.
pub fn replay(conn: &Connection) -> Result<usize> {
    let rows: Vec<(String, String, String)> = conn
        .prepare("SELECT action, entity_type, details FROM curations ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut changed = 0;
    for (action, etype, details) in rows {
        let Some(etype) = EntityType::parse(&etype) else { continue };
        let d: serde_json::Value = serde_json::from_str(&details).unwrap_or_default();
        let s = |k: &str| d.get(k).and_then(|v| v.as_str()).map(str::to_string);
        match action.as_str() {
            "merge" => {
                let (Some(keep), Some(drop)) = (s("keep"), s("drop")) else { continue };
                let Some(keep_id) = current_id(conn, etype, &keep)? else { continue };
                if let Some(drop_id) = entity_named(conn, etype, &drop)? {
                    if drop_id != keep_id {
                        merge_ids(conn, etype, keep_id, drop_id)?;
                        changed += 1;
                    }
                }
            }
            "rename" => {
                let (Some(from), Some(to)) = (s("from"), s("to")) else { continue };
                let from_id = entity_named(conn, etype, &from)?;
                let to_id = current_id(conn, etype, &to)?;
                match (from_id, to_id) {
                    (Some(f), Some(t)) if f != t => {
                        merge_ids(conn, etype, t, f)?;
                        changed += 1;
                    }
                    (Some(f), None) => {
                        rename_id(conn, etype, f, &from, &to)?;
                        changed += 1;
                    }
                    _ => {}
                }
            }
            "alias" => {
                let (Some(entity), Some(alias)) = (s("entity"), s("alias")) else { continue };
                let Some(id) = current_id(conn, etype, &entity)? else { continue };
                match alias_owner(conn, etype, &alias)? {
                    Some((owner, origin)) if owner == id && origin == "analyst" => {}
                    _ if entity_named(conn, etype, &alias)?.is_some_and(|o| o != id) => {}
                    _ => {
                        put_alias(conn, etype, id, &alias)?;
                        changed += 1;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(changed)
}

/// The entity a recorded name stands for now: its canonical name, else the
/// entity that has it as an alias (it may have been renamed or merged since).
fn current_id(conn: &Connection, etype: EntityType, name: &str) -> Result<Option<i64>> {
    if let Some(id) = entity_named(conn, etype, name)? {
        return Ok(Some(id));
    }
    Ok(alias_owner(conn, etype, name)?.map(|(id, _)| id))
}

/// What deleting an article's extraction removed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Removed {
    pub mentions: usize,
    pub reports: usize,
    pub events: usize,
    pub entities: usize,
}

/// Deletes one article's mentions and event reports, then the events no
/// other article reports. Entities are left to `prune_entities`.
pub fn delete_extraction(conn: &Connection, source_id: i64) -> Result<Removed> {
    let mut removed = Removed::default();
    let events: Vec<i64> = conn
        .prepare_cached("SELECT DISTINCT event_id FROM event_sources WHERE source_id = ?1")?
        .query_map([source_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    removed.mentions = conn.prepare_cached("DELETE FROM mentions WHERE source_id = ?1")?.execute([source_id])?;
    removed.reports = conn.prepare_cached("DELETE FROM event_sources WHERE source_id = ?1")?.execute([source_id])?;
    let mut del = conn.prepare_cached("DELETE FROM events WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM event_sources WHERE event_id = ?1)")?;
    for id in events {
        removed.events += del.execute([id])?;
    }
    Ok(removed)
}

/// Deletes the entities kb itself found that nothing supports any more:
/// origin 'extracted', no mention, no curated (dictionary or analyst) alias.
pub fn prune_entities(conn: &Connection) -> Result<usize> {
    let mut n = 0;
    for etype in ALL_TYPES {
        let t = etype.as_str();
        let orphan = format!(
            "SELECT id FROM {table} x WHERE origin = 'extracted'
               AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_type = '{t}' AND m.entity_id = x.id)
               AND NOT EXISTS (SELECT 1 FROM aliases a WHERE a.entity_type = '{t}' AND a.entity_id = x.id AND a.origin <> 'extracted')",
            table = etype.table()
        );
        conn.execute(&format!("DELETE FROM event_entities WHERE entity_type = '{t}' AND entity_id IN ({orphan})"), [])?;
        conn.execute(&format!("DELETE FROM aliases WHERE entity_type = '{t}' AND entity_id IN ({orphan})"), [])?;
        n += conn.execute(&format!("DELETE FROM {} WHERE id IN ({orphan})", etype.table()), [])?;
    }
    Ok(n)
}

/// The source `key` names: a `sources.id`, else a `sources.path` as stored.
pub fn find_source(conn: &Connection, key: &str) -> Result<(i64, String)> {
    if let Ok(id) = key.trim().parse::<i64>() {
        if let Some(path) = conn.query_row("SELECT path FROM sources WHERE id = ?1", [id], |r| r.get(0)).optional()? {
            return Ok((id, path));
        }
    }
    let found: Vec<i64> = conn
        .prepare("SELECT id FROM sources WHERE path = ?1 ORDER BY id")?
        .query_map([key], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match found.as_slice() {
        [] => bail!("no source has id or path {key:?} (`kb sources` lists them)"),
        [id] => Ok((*id, key.to_string())),
        many => bail!(
            "{} sources have path {key:?} (ids {}); name one by its id",
            many.len(),
            many.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// `kb forget`: one article and whatever only it supported.
pub fn forget(conn: &Connection, source_id: i64) -> Result<Removed> {
    let mut removed = delete_extraction(conn, source_id)?;
    conn.execute("DELETE FROM sources WHERE id = ?1", [source_id])?;
    removed.entities = prune_entities(conn)?;
    Ok(removed)
}

/// The `--type` flag of curation commands.
pub fn parse_type(s: &str) -> std::result::Result<EntityType, String> {
    match s.to_ascii_lowercase().as_str() {
        "person" | "people" => Ok(EntityType::Person),
        "organization" | "organisation" | "org" | "organizations" => Ok(EntityType::Organization),
        "base" | "bases" => Ok(EntityType::Base),
        _ => Err(format!("{s:?} is not an entity type (person, organization, base)")),
    }
}
