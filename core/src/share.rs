//! The share codec: a result in a URL fragment, short and checked.
//!
//! `g1.<training>-<effort>-<discipline>-<feedback>.<primary>.<pattern>.<day>.<check>`, e.g.
//! `g1.75-28-53-69.e.s.20781.k3`. Scores are 0..=100 or `x` (not enough answers), keyed by
//! position in this documented order only inside the codec; everything outside uses
//! `PerCause`. The check is a hash of the rest, so a hand-edited link is refused, and the
//! primary cause and pattern must agree with the scores.

use crate::cause::{Cause, PerCause};
use crate::days::Day;
use crate::diagnosis::{primary_and_pattern, Pattern};
use std::fmt;

/// A result as shared: no answers, no stories, nothing personal beyond the scores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub scores: PerCause<Option<u8>>,
    pub primary: Option<Cause>,
    pub pattern: Pattern,
    pub day: Day,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    TooLong,
    UnknownVersion,
    Malformed(&'static str),
    Tampered,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong => f.write_str("this link is far longer than any Groove share link"),
            ShareError::UnknownVersion => f.write_str("this link was made by a different version of Groove"),
            ShareError::Malformed(what) => write!(f, "this link is incomplete or damaged ({what})"),
            ShareError::Tampered => {
                f.write_str("this link was changed after it was made, so its scores cannot be trusted")
            }
        }
    }
}

const ORDER: [Cause; 4] = [Cause::Training, Cause::Effort, Cause::Discipline, Cause::Feedback];

fn cause_letter(c: Option<Cause>) -> char {
    match c {
        Some(Cause::Training) => 't',
        Some(Cause::Effort) => 'e',
        Some(Cause::Discipline) => 'd',
        Some(Cause::Feedback) => 'f',
        None => 'n',
    }
}

fn pattern_letter(p: Pattern) -> char {
    match p {
        Pattern::Single => 's',
        Pattern::Mixed => 'm',
        Pattern::Broad => 'b',
        Pattern::None => 'n',
    }
}

/// FNV-1a, two base-36 characters: enough to catch edits, not a signature.
fn check(body: &str) -> String {
    let h = body.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    let n = h % (36 * 36);
    let digit = |d: u32| char::from_digit(d, 36).unwrap_or('0');
    [digit(n / 36), digit(n % 36)].iter().collect()
}

pub fn encode(shared: &Shared) -> String {
    let scores: Vec<String> =
        ORDER.iter().map(|&c| shared.scores.get(c).map_or("x".to_string(), |s| s.to_string())).collect();
    let body = format!(
        "g1.{}.{}.{}.{}",
        scores.join("-"),
        cause_letter(shared.primary),
        pattern_letter(shared.pattern),
        shared.day
    );
    let sum = check(&body);
    format!("{body}.{sum}")
}

pub fn decode(text: &str) -> Result<Shared, ShareError> {
    if text.len() > 200 {
        return Err(ShareError::TooLong);
    }
    let text = text.trim();
    let parts: Vec<&str> = text.split('.').collect();
    if parts.first() != Some(&"g1") {
        return Err(ShareError::UnknownVersion);
    }
    let [_, scores, primary, pattern, day, _] = parts[..] else {
        return Err(ShareError::Malformed("wrong number of parts"));
    };
    // The check covers everything before the last dot.
    let (body, sum) = text.rsplit_once('.').ok_or(ShareError::Malformed("no check"))?;
    if check(body) != sum {
        return Err(ShareError::Tampered);
    }
    let values: Vec<&str> = scores.split('-').collect();
    if values.len() != 4 {
        return Err(ShareError::Malformed("four scores expected"));
    }
    let mut parsed = [None; 4];
    for (slot, v) in parsed.iter_mut().zip(&values) {
        *slot = match *v {
            "x" => None,
            v => Some(v.parse::<u8>().ok().filter(|s| *s <= 100).ok_or(ShareError::Malformed("a score"))?),
        };
    }
    let scores = PerCause::from_fn(|c| parsed[ORDER.iter().position(|&o| o == c).unwrap_or(0)]);
    let primary = match primary {
        "t" => Some(Cause::Training),
        "e" => Some(Cause::Effort),
        "d" => Some(Cause::Discipline),
        "f" => Some(Cause::Feedback),
        "n" => None,
        _ => return Err(ShareError::Malformed("the primary cause")),
    };
    let pattern = match pattern {
        "s" => Pattern::Single,
        "m" => Pattern::Mixed,
        "b" => Pattern::Broad,
        "n" => Pattern::None,
        _ => return Err(ShareError::Malformed("the pattern")),
    };
    let day: Day = day.parse().map_err(|_| ShareError::Malformed("the date"))?;
    if !(0..=2_932_896).contains(&day) {
        return Err(ShareError::Malformed("the date"));
    }
    // The scores decide the primary cause and pattern; a link that disagrees was edited.
    let (expected_primary, _, expected_pattern) = primary_and_pattern(&scores);
    if (expected_primary, expected_pattern) != (primary, pattern) {
        return Err(ShareError::Tampered);
    }
    Ok(Shared { scores, primary, pattern, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shared(scores: PerCause<Option<u8>>, day: Day) -> Shared {
        let (primary, _, pattern) = primary_and_pattern(&scores);
        Shared { scores, primary, pattern, day }
    }

    #[test]
    fn a_link_is_short_and_readable() {
        let s = shared(PerCause { training: Some(75), effort: Some(28), discipline: Some(53), feedback: None }, 20_781);
        let text = encode(&s);
        assert!(text.starts_with("g1.75-28-53-x.e.s.20781."), "{text}");
        assert!(text.len() < 40);
        assert_eq!(decode(&text), Ok(s));
    }

    #[test]
    fn fuzz_crash_trailing_space_after_a_multibyte_check_is_an_error() {
        // Found by `cargo fuzz run decode_share`: slicing the untrimmed text panicked.
        let crash = std::str::from_utf8(b"g1.....{\xec\x83\x80    ").unwrap();
        assert!(decode(crash).is_err());
    }

    #[test]
    fn edits_are_caught() {
        let text = encode(&shared(
            PerCause { training: Some(75), effort: Some(28), discipline: Some(53), feedback: Some(69) },
            20_781,
        ));
        assert_eq!(decode(&text.replace("75-28", "95-28")), Err(ShareError::Tampered));
        assert_eq!(decode(&text.replace(".e.", ".d.")), Err(ShareError::Tampered));
        assert!(matches!(decode("g1.1-2"), Err(ShareError::Malformed(_))));
        assert_eq!(decode("g9.whatever"), Err(ShareError::UnknownVersion));
        assert_eq!(decode(""), Err(ShareError::UnknownVersion));
        assert_eq!(decode(&"g1.".repeat(100)), Err(ShareError::TooLong));
    }

    fn any_scores() -> impl Strategy<Value = PerCause<Option<u8>>> {
        proptest::array::uniform4(proptest::option::of(0u8..=100)).prop_map(|a| PerCause {
            training: a[0],
            effort: a[1],
            discipline: a[2],
            feedback: a[3],
        })
    }

    proptest! {
        #[test]
        fn round_trips(scores in any_scores(), day in 0i64..2_900_000) {
            let s = shared(scores, day);
            let text = encode(&s);
            prop_assert!(text.len() < 200);
            prop_assert_eq!(decode(&text), Ok(s));
        }

        #[test]
        fn any_string_is_a_result_or_an_error(text in any::<String>()) {
            let _ = decode(&text);
        }

        #[test]
        fn any_single_character_edit_is_refused_or_harmless(scores in any_scores(), at in any::<prop::sample::Index>(), c in "[0-9a-z.x-]") {
            let text = encode(&shared(scores, 20_000));
            let i = at.index(text.len());
            let mut edited = text.clone();
            edited.replace_range(i..i + 1, &c);
            if edited != text {
                if let Ok(decoded) = decode(&edited) {
                    // A rare hash collision must still be a coherent result.
                    prop_assert_eq!(primary_and_pattern(&decoded.scores).2, decoded.pattern);
                }
            }
        }
    }
}
