//! Any bytes as a coach's bank: a validated bank or the list of its problems, never a panic.
#![no_main]
use groove_core::Bank;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Bank::parse(text);
    }
});
