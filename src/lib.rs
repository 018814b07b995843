//! kb: news articles about the US-led coalition in Iraq and Syria, turned
//! into a SQLite knowledge base an analyst can query.

pub mod article;
pub mod canned;
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

/// A command line that parsed but asks for something impossible (a
/// combination of flags, say): reported like clap's own usage errors, exit 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}
