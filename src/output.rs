//! Rendering result sets: a comfy-table on a terminal, or CSV, JSON and
//! Markdown for pipes and documents.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
    Markdown,
}

/// True when the error (anywhere in its chain) is a closed pipe, which is
/// not a failure: `kb query ... | head` must exit quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().map(|io| io.kind() == std::io::ErrorKind::BrokenPipe).unwrap_or(false)
    })
}
