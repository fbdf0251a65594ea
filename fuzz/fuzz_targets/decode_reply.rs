//! Any string as a rater's reply link: a reply or an error, never a panic; a reply
//! re-encodes to a link that decodes to the same reply, and reading it against the shipped
//! bank gives a view or a reason.
#![no_main]
use groove_core::rater::Reply;
use groove_core::Bank;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(reply) = Reply::decode(text) {
            assert_eq!(Reply::decode(&reply.encode()), Ok(reply.clone()));
            if let Ok(bank) = Bank::default_bank() {
                let _ = reply.view(&bank);
            }
        }
    }
});
