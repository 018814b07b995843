//! The JSON Lines reader (line splitting under a size limit) and the
//! parsing of one line, on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // The first byte picks a small size limit so that the oversized-line
    // path is reached by short inputs.
    if let Some((&limit, rest)) = data.split_first() {
        if let Err(e) = invariants::jsonl_reader(rest, 1 + limit as u64 % 64) {
            panic!("{e}");
        }
        if let Err(e) = invariants::jsonl_reader(rest, 1 << 20) {
            panic!("{e}");
        }
    }
    if let Err(e) = invariants::json_line(data) {
        panic!("{e}");
    }
});
