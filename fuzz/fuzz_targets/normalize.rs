//! The normalizer: its output is NFC, has no `\r`, no empty line, no white
//! space at either end of a line, and normalizing again changes nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // A title before a U+0001 separator exercises the repeated-title rule.
    let (title, raw) = match text.split_once('\u{1}') {
        Some((t, r)) => (Some(t), r),
        None => (None, text),
    };
    if let Err(e) = invariants::normalizer(raw, title) {
        panic!("{e}");
    }
});
