//! Front matter and the whole text-file path (decoding, front matter,
//! normalization) on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = invariants::front_matter(text) {
            panic!("{e}");
        }
    }
    if let Err(e) = invariants::text_file(data) {
        panic!("{e}");
    }
});
