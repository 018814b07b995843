//! The `kb` binary: parse the command line, run the command, map the outcome
//! to an exit status (0 success, 1 failure or rejected input, 2 usage error).

use clap::Parser;
use std::process::ExitCode;

// mimalloc, for Rust and (through its `override` feature, which defines
// malloc and free in the binary) for SQLite. Ingest makes millions of small
// short-lived allocations on four threads: words, names, rows, SQLite's
// records and cursors. With glibc's allocator they were about 7% of all
// CPU time. On 300 articles mimalloc took the extraction workers from
// 690.5M to 650.9M instructions and the writer from 554.3M to 534.4M. Its
// version 2 keeps peak memory lower than version 3 for the same speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` and `mi_option_arena_purge_mult` in mimalloc 2's
/// `mi_option_t` (include/mimalloc.h), which the -sys crate does not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const MI_OPTION_ARENA_PURGE_MULT: libmimalloc_sys::mi_option_t = 24;

fn main() -> ExitCode {
    // SQLite counts every allocation it makes for sqlite3_status(), under a
    // mutex; kb never asks for those counts. Off before the first
    // connection (SQLite takes its configuration only before it starts):
    // the ingest writer ran 0.8% fewer instructions.
    // SAFETY: no connection exists yet and no other thread runs.
    unsafe {
        rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0 as std::os::raw::c_int);
    }
    // mimalloc hands freed pages back to the system 10 ms after they empty
    // (100 ms for whole arenas). An ingest frees on the writer what the
    // extraction threads allocated, and takes much the same memory again
    // at every batch, so each return cost a zeroed page fault on the next
    // allocation: 25,000 faults for 10,000 articles, 340,000 for 100,000.
    // Held for 200 ms, arenas too, they are reused: about 500 and 40,000
    // faults. Held longer (1 s, 10 s for arenas) the faults fell to some
    // 3,000 at 100,000 articles, but peak memory grew 10.6% from 10,000 to
    // 100,000 articles; at 200 ms it grew 5-7% (172 to 182-184 MB).
    // SAFETY: sets plain option values; mimalloc reads them at each purge.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 200);
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_PURGE_MULT, 1);
    }
    // A panic is a bug: one line on stderr (ingest turns one inside a stage
    // into a rejection of that article), never a backtrace wall.
    std::panic::set_hook(Box::new(|info| {
        if std::thread::current().name() == Some(kb::cmd::ingest::EXTRACT_THREAD) {
            return;
        }
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        eprintln!("kb: internal error{place}: {}", msg.replace('\n', " "));
    }));
    let cli = kb::cli::Cli::parse();
    match kb::cmd::run(cli) {
        Ok(status) => status,
        Err(err) => {
            if kb::output::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("kb: {}", kb::one_line(&err));
            if err.downcast_ref::<kb::UsageError>().is_some() {
                return ExitCode::from(2);
            }
            ExitCode::from(1)
        }
    }
}
