//! Helpers shared by the integration tests: run the real binary in a
//! temporary folder and read the database it wrote.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn kb() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kb"));
    c.env_remove("KB_DB").env("NO_COLOR", "1");
    c
}

fn finish(out: Output) -> Run {
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs kb with the arguments in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    finish(kb().current_dir(dir).args(args).stdin(Stdio::null()).output().expect("kb runs"))
}

/// Runs kb with the arguments in `dir`, feeding `input` on stdin.
pub fn run_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Run {
    use std::io::Write;
    let mut child = kb()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kb runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    finish(child.wait_with_output().unwrap())
}

/// The repository's bundled corpus.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

pub fn open(db: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(db).unwrap()
}

pub fn count(db: &Path, sql: &str) -> i64 {
    open(db).query_row(sql, [], |r| r.get(0)).unwrap()
}
