//! Any bytes as a stored document: a value or an error, never a panic; what decodes
//! re-encodes to something that decodes to the same document.
#![no_main]
use groove_core::schema::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(doc) = decode(text) {
            assert_eq!(decode(&encode(&doc)).ok(), Some(doc));
        }
    }
});
