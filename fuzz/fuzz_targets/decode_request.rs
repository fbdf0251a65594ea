//! Any string as a rating request link: a request or an error, never a panic; a request
//! re-encodes to a link that decodes to the same request.
#![no_main]
use groove_core::rater::Request;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(request) = Request::decode(text) {
            assert_eq!(Request::decode(&request.encode()), Ok(request));
        }
    }
});
