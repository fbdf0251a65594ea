//! Any string as a request or a reply link: a link or an error, never a panic; a link
//! re-encodes to text that decodes to the same link.
#![no_main]
use groove_core::rater::{Reply, Request};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(request) = Request::decode(text) {
            assert_eq!(Request::decode(&request.encode()), Ok(request));
        }
        if let Ok(reply) = Reply::decode(text) {
            assert_eq!(Reply::decode(&reply.encode()), Ok(reply));
        }
    }
});
