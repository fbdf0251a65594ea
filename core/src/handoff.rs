//! The hand-off from the widget to one's own Groove: one result, its plan checks and the
//! daily reviews, carried in a URL fragment to the app opened at top level (a widget's
//! storage belongs to the blog that embeds it; the app's own is separate).
//!
//! `k1.<payload>.<check>`: the payload is a stored document (schema 4, compact, versioned
//! by its own `schema` field) in base64url; the check is FNV-1a of the payload, eight hex
//! digits, so a damaged or edited link is refused. Decoding is total: any text gives a
//! document to merge (by id, never replacing, see `transfer::merge`) or a reason.

use crate::schema::{self, DecodeError, Document, Profile, DEFAULT_PROFILE};
use std::fmt;

/// The longest fragment accepted: far above one result with a year of reviews.
pub const MAX_HANDOFF_CHARS: usize = 60_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoffError {
    TooLong,
    UnknownVersion,
    Malformed,
    Tampered,
    Document(DecodeError),
    Invalid(String),
}

impl fmt::Display for HandoffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandoffError::TooLong => f.write_str("the link is far longer than any Groove hand-off"),
            HandoffError::UnknownVersion => f.write_str("the link was made by a different version of Groove"),
            HandoffError::Malformed => f.write_str("the link is incomplete or damaged"),
            HandoffError::Tampered => f.write_str("the link was changed after it was made"),
            HandoffError::Document(DecodeError::Newer { found, supported }) => write!(
                f,
                "the link comes from a newer Groove (schema {found}; this one reads up to {supported}). Update Groove, then open it again"
            ),
            HandoffError::Document(e) => write!(f, "its data cannot be read: {e}"),
            HandoffError::Invalid(why) => write!(f, "its data is not valid: {why}"),
        }
    }
}

fn check(payload: &str) -> String {
    format!("{:08x}", crate::share::fnv1a(payload))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub(crate) fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

pub(crate) fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// The hand-off of one result of the active profile: the result, its plan checks and the
/// profile's daily reviews. None when there is no such result.
pub fn encode(doc: &Document, result_id: &str) -> Option<String> {
    let profile = doc.profile();
    let result = profile.results.iter().find(|r| r.id == result_id)?.clone();
    let mut carried = Profile::new(DEFAULT_PROFILE, "");
    carried.results.push(result);
    if let Some(done) = profile.done.get(result_id) {
        carried.done.insert(result_id.to_string(), done.clone());
    }
    carried.reviews = profile.reviews.clone();
    let mut one = Document::new();
    one.profiles = vec![carried];
    let payload = base64url(schema::encode(&one).as_bytes());
    let sum = check(&payload);
    Some(format!("k1.{payload}.{sum}"))
}

/// The document a hand-off carries, checked and validated, or why not.
pub fn decode(text: &str) -> Result<Document, HandoffError> {
    if text.len() > MAX_HANDOFF_CHARS {
        return Err(HandoffError::TooLong);
    }
    let mut parts = text.trim().split('.');
    let (Some(version), Some(payload), Some(sum), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(if text.trim().starts_with("k1.") {
            HandoffError::Malformed
        } else {
            HandoffError::UnknownVersion
        });
    };
    if version != "k1" {
        return Err(HandoffError::UnknownVersion);
    }
    if check(payload) != sum {
        return Err(HandoffError::Tampered);
    }
    let bytes = from_base64url(payload).ok_or(HandoffError::Malformed)?;
    let json = String::from_utf8(bytes).map_err(|_| HandoffError::Malformed)?;
    let doc = schema::decode(&json).map_err(HandoffError::Document)?;
    crate::transfer::validate(&doc).map_err(|e| HandoffError::Invalid(e.to_string()))?;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;
    use crate::schema::{Review, StoredResult};
    use proptest::prelude::*;

    fn with_result() -> Document {
        let bank = Bank::default_bank().unwrap();
        let mut doc = Document::new();
        let mut r = crate::Responses::default();
        for item in bank.items() {
            r.reply(
                &item.id,
                crate::answers::Reply::Answer(crate::Answer::new(if item.reverse { 2 } else { 4 }).unwrap()),
            );
        }
        r.reply(&bank.items()[3].id, crate::answers::Reply::NotApplicable);
        r.deals = vec!["close".into(), "advise".into()];
        let p = doc.profile_mut();
        p.results.push(StoredResult::finish("r1".into(), 1_764_000_000_000, &bank, r));
        p.results.push(StoredResult::finish("r2".into(), 1_764_100_000_000, &bank, crate::Responses::default()));
        p.done.insert("r1".into(), vec!["training-w-close".into()]);
        p.done.insert("r2".into(), vec!["x".into()]);
        p.reviews.push(Review {
            day: "2026-11-20".into(),
            followed: "yes".into(),
            worked: "a <b>bold</b> ask".into(),
            change: String::new(),
            note: String::new(),
            saved_at: 1,
        });
        doc
    }

    #[test]
    fn one_result_its_checks_and_the_reviews_travel_and_nothing_else() {
        let doc = with_result();
        let link = encode(&doc, "r1").unwrap();
        assert!(link.starts_with("k1.") && link.len() < 4_000, "{} chars", link.len());
        let back = decode(&link).unwrap();
        let p = back.profile();
        assert_eq!(p.results, vec![doc.profile().results[0].clone()]);
        assert_eq!(p.done.get("r1"), Some(&vec!["training-w-close".to_string()]));
        assert!(!p.done.contains_key("r2"));
        assert_eq!(p.reviews, doc.profile().reviews);
        assert_eq!(encode(&doc, "nope"), None);
    }

    #[test]
    fn damaged_edited_foreign_oversized_and_newer_links_are_refused() {
        let link = encode(&with_result(), "r1").unwrap();
        let (body, _) = link.rsplit_once('.').unwrap();
        assert_eq!(decode(&format!("{body}.00000000")), Err(HandoffError::Tampered));
        assert_eq!(decode(&link.replacen("k1.", "k1.A", 1)), Err(HandoffError::Tampered));
        assert_eq!(decode("k2.abc.123"), Err(HandoffError::UnknownVersion));
        assert_eq!(decode("g2.1-2"), Err(HandoffError::UnknownVersion));
        assert_eq!(decode("k1.abc"), Err(HandoffError::Malformed));
        assert_eq!(decode(&"k".repeat(MAX_HANDOFF_CHARS + 1)), Err(HandoffError::TooLong));
        let newer = base64url(br#"{"schema":99,"profiles":[]}"#);
        let err = decode(&format!("k1.{newer}.{}", check(&newer))).unwrap_err();
        assert!(matches!(err, HandoffError::Document(DecodeError::Newer { .. })), "{err:?}");
        assert!(err.to_string().contains("newer Groove"));
        let junk = base64url(b"not json");
        assert!(matches!(decode(&format!("k1.{junk}.{}", check(&junk))), Err(HandoffError::Document(_))));
    }

    proptest! {
        #[test]
        fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(from_base64url(&base64url(&bytes)), Some(bytes));
        }

        #[test]
        fn any_string_is_a_document_or_a_reason(text in any::<String>()) {
            let _ = decode(&text);
            let _ = decode(&format!("k1.{text}"));
        }

        #[test]
        fn a_single_character_edit_of_the_payload_is_refused(at in any::<prop::sample::Index>(), c in "[A-Za-z0-9_-]") {
            let link = encode(&with_result(), "r1").unwrap();
            let i = 3 + at.index(link.len() - 3 - 9);
            let mut edited = link.clone();
            edited.replace_range(i..i + 1, &c);
            if edited != link {
                prop_assert!(decode(&edited).is_err());
            }
        }
    }
}
