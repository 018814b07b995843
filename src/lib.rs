//! kb: news articles about the US-led coalition in Iraq and Syria, turned
//! into a SQLite knowledge base an analyst can query.

pub mod article;
pub mod cli;
pub mod cmd;
pub mod db;
pub mod extract;
pub mod output;
pub mod store;

/// An error chain as one line: `context: cause: cause`.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for e in err.chain() {
        let s = e.to_string().replace('\n', " ");
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ")
}
