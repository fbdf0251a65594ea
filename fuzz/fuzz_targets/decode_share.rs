//! Any string as a share fragment: a result or an error, never a panic; a result
//! re-encodes to a link that decodes to the same result.
#![no_main]
use groove_core::share::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(shared) = decode(text) {
            assert_eq!(decode(&encode(&shared)), Ok(shared));
        }
    }
});
