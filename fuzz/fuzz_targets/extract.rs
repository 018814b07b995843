//! The whole extractor with the bundled dictionary, on arbitrary text and
//! on the same text normalized as an ingested body would be.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((published, text)) = invariants::date_and_text(data) else { return };
    if let Err(e) = invariants::extractor(text, published) {
        panic!("raw text: {e}");
    }
    let body = kb::article::normalize(text, None);
    if let Err(e) = invariants::extractor(&body, published) {
        panic!("normalized text: {e}");
    }
});
