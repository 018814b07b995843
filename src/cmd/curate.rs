//! `kb alias add`, `kb merge`, `kb rename`: the analyst fixes the record
//! once, every query follows, and `kb reindex` replays the fix.

use crate::curate::{self, parse_type};
use crate::extract::EntityType;
use anyhow::Result;
use clap::{Args, Subcommand};
use rusqlite::TransactionBehavior;
use std::path::Path;

/// Add another name for an entity (used for recognition from the next ingest or reindex)
#[derive(Debug, Args)]
#[command(after_help = "ENTITY is a canonical name or an alias, ignoring case. A name several entities\n\
answer to is an error listing them; --type picks one.\n\
Examples:\n  kb alias add \"Kataib Hezbollah\" \"Kata'ib Hizballah\"\n  \
kb alias add --type base \"Ain al-Asad Air Base\" \"Al Asad\"\n  kb alias add Sudani \"the Iraqi premier\" --by jane")]
pub struct AliasArgs {
    #[command(subcommand)]
    pub action: AliasAction,
}

#[derive(Debug, Subcommand)]
pub enum AliasAction {
    /// Make ALIAS another name of ENTITY
    #[command(after_help = "Examples:\n  kb alias add \"Kataib Hezbollah\" KH\n  kb alias add --type person \"Mohammed Shia al-Sudani\" \"PM Sudani\"")]
    Add {
        /// A canonical name or alias of the entity
        entity: String,
        /// The new name
        alias: String,
        #[command(flatten)]
        opts: CurationOpts,
    },
}

#[derive(Debug, Args)]
pub struct CurationOpts {
    /// Only consider entities of this type (person, organization, base)
    #[arg(long = "type", short = 't', value_name = "TYPE", value_parser = parse_type)]
    pub etype: Option<EntityType>,
    /// Who makes the curation [default: $USER, else analyst]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// Make two entities one: KEEP takes DROP's aliases, mentions and event links
#[derive(Debug, Args)]
#[command(after_help = "DROP's name becomes an alias of KEEP and DROP is deleted. Both must be of one type.\n\
The merge is recorded in the curations table; `kb reindex` replays it.\n\
Examples:\n  kb merge \"Kataib Hezbollah\" \"Kata'ib Hizballah\"\n  kb merge --type base \"Ain al-Asad Air Base\" \"Al-Asad airbase\"")]
pub struct MergeArgs {
    /// The entity that stays (canonical name or alias)
    pub keep: String,
    /// The entity merged into it and deleted (canonical name or alias)
    pub drop: String,
    #[command(flatten)]
    pub opts: CurationOpts,
}

/// Give an entity a new canonical name (the old one stays as an alias)
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  kb rename \"Islamic Resistance in Iraq\" \"Islamic Resistance in Iraq (IRI)\"\n  \
kb rename --type person Sudani \"Mohammed Shia al-Sudani\"")]
pub struct RenameArgs {
    /// The entity (canonical name or alias)
    pub entity: String,
    /// Its new canonical name
    pub new_name: String,
    #[command(flatten)]
    pub opts: CurationOpts,
}

fn with_tx<T>(db: &Path, f: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
    let (mut conn, _) = crate::db::open_rw(db)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

pub fn run_alias(args: AliasArgs, db: &Path) -> Result<()> {
    let AliasAction::Add { entity, alias, opts } = args.action;
    let who = curate::who(opts.by.as_deref());
    let (target, added) = with_tx(db, |tx| {
        let target = curate::find_one(tx, &entity, opts.etype)?;
        let added = curate::add_alias(tx, &target, &alias, &who)?;
        Ok((target, added))
    })?;
    if added {
        println!("{:?} is now an alias of {target}", alias.trim());
    } else {
        println!("{:?} already was an analyst alias of {target}; nothing changed", alias.trim());
    }
    Ok(())
}

pub fn run_merge(args: MergeArgs, db: &Path) -> Result<()> {
    let who = curate::who(args.opts.by.as_deref());
    let (keep, drop, moved) = with_tx(db, |tx| {
        let keep = curate::find_one(tx, &args.keep, args.opts.etype)?;
        let drop = curate::find_one(tx, &args.drop, Some(args.opts.etype.unwrap_or(keep.etype)))?;
        let moved = curate::merge(tx, &keep, &drop, &who)?;
        Ok((keep, drop, moved))
    })?;
    println!(
        "merged {drop} into {keep}: {} aliases, {} mentions and {} event links moved; {:?} is now an alias",
        moved.aliases, moved.mentions, moved.event_links, drop.name
    );
    Ok(())
}

pub fn run_rename(args: RenameArgs, db: &Path) -> Result<()> {
    let who = curate::who(args.opts.by.as_deref());
    let target = with_tx(db, |tx| {
        let target = curate::find_one(tx, &args.entity, args.opts.etype)?;
        curate::rename(tx, &target, &args.new_name, &who)?;
        Ok(target)
    })?;
    println!("renamed {target} to {:?}; the old name stays as an alias", args.new_name.trim());
    Ok(())
}
