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

/// `mi_option_purge_delay` in mimalloc 2's `mi_option_t` (include/mimalloc.h),
/// which the -sys crate does not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // SQLite counts every allocation it makes for sqlite3_status(), under a
    // mutex; kb never asks for those counts. Off before the first
    // connection (SQLite takes its configuration only before it starts):
    // the ingest writer ran 0.8% fewer instructions.
    // SAFETY: no connection exists yet and no other thread runs.
    unsafe {
        rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0 as std::os::raw::c_int);
    }
    // mimalloc hands freed pages back to the system 10 ms after they empty.
    // An ingest frees on the writer what the extraction threads allocated,
    // so pages empty and refill all the time: each return cost a fresh
    // zeroed page fault on the next allocation (about 48,000 faults, a
    // tenth of the writer's CPU in the kernel, for 20,000 articles). Held
    // for a second instead, they are reused; the process ends before the
    // difference in memory (about 15 MB more at peak) could matter.
    // SAFETY: sets a plain option value; mimalloc reads it at each purge.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000);
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
