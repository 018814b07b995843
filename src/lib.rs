//! kb: news articles about the US-led coalition in Iraq and Syria, turned
//! into a SQLite knowledge base an analyst can query.

pub mod extract;
pub mod db;
