//! The share codec: a result in a URL fragment, short and checked.
//!
//! `g2.<training>-<effort>-<discipline>-<feedback>.<weak>.<flags>.<day>.<check>`, e.g.
//! `g2.75:8-28:7-53:8-69:8.ed.n.20781.k3`. Each score is `score:answered` (0..=100, or `x`
//! when too few answers); the order is fixed inside the codec only, everything outside uses
//! `PerCause`. `<weak>` lists the weak causes in the verdict's order (`t`, `e`, `d`, `f`;
//! `n` for none), with `=` after them when the first two are tied; `<flags>` are the
//! response-quality flags (`s` straight-lining, `c` contradiction, `f` too fast, `a` answer
//! style; `n` for none). The receiver recomputes the verdict from the scores, counts and
//! flags with the same core rule, and refuses a link whose weak causes disagree: the shared
//! view reads the same verdict as the result it came from. The check is a hash of the rest,
//! so a hand-edited link is refused. Links of the first version (`g1`, scores only) still
//! open, judged by today's rule.

use crate::cause::{Cause, PerCause};
use crate::days::Day;
use crate::diagnosis::{scores_only, separation, verdict, Flag, Verdict};
use std::fmt;

/// A result as shared: no answers, no stories, nothing personal beyond the scores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub scores: PerCause<Option<u8>>,
    /// Answers behind each score.
    pub answered: PerCause<usize>,
    pub flags: Vec<Flag>,
    pub verdict: Verdict,
    pub day: Day,
}

impl Shared {
    /// A result's share: its scores, counts, flags and verdict.
    pub fn of(d: &crate::diagnosis::Diagnosis, day: Day) -> Shared {
        Shared { scores: d.scores(), answered: d.answered(), flags: d.flags.clone(), verdict: d.verdict.clone(), day }
    }
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
const CAUSE_LETTERS: [(Cause, char); 4] =
    [(Cause::Training, 't'), (Cause::Effort, 'e'), (Cause::Discipline, 'd'), (Cause::Feedback, 'f')];
const FLAG_LETTERS: [(Flag, char); 4] =
    [(Flag::StraightLining, 's'), (Flag::Contradiction, 'c'), (Flag::TooFast, 'f'), (Flag::AnswerStyle, 'a')];

/// FNV-1a (32 bits) of a text: the check of Groove's links (here and `handoff`), enough to
/// catch edits and damage, not a signature.
pub(crate) fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The share link's check: FNV-1a as two base-36 characters.
fn check(body: &str) -> String {
    let n = fnv1a(body) % (36 * 36);
    let digit = |d: u32| char::from_digit(d, 36).unwrap_or('0');
    [digit(n / 36), digit(n % 36)].iter().collect()
}

fn letters<T: PartialEq + Copy>(table: &[(T, char)], of: &[T]) -> String {
    let s: String = of.iter().filter_map(|x| table.iter().find(|(t, _)| t == x).map(|&(_, c)| c)).collect();
    if s.is_empty() {
        "n".into()
    } else {
        s
    }
}

pub fn encode(shared: &Shared) -> String {
    let scores: Vec<String> = ORDER
        .iter()
        .map(|&c| {
            let score = shared.scores.get(c).map_or("x".to_string(), |s| s.to_string());
            format!("{score}:{}", shared.answered.get(c))
        })
        .collect();
    let tie = if shared.verdict.tied { "=" } else { "" };
    let body = format!(
        "g2.{}.{}{tie}.{}.{}",
        scores.join("-"),
        letters(&CAUSE_LETTERS, &shared.verdict.weak),
        letters(&FLAG_LETTERS, &shared.flags),
        shared.day
    );
    let sum = check(&body);
    format!("{body}.{sum}")
}

fn parse_letters<T: Copy + PartialEq>(
    table: &[(T, char)],
    text: &str,
    what: &'static str,
) -> Result<Vec<T>, ShareError> {
    if text == "n" {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for ch in text.chars() {
        let x = table.iter().find(|(_, c)| *c == ch).map(|&(t, _)| t).ok_or(ShareError::Malformed(what))?;
        if out.contains(&x) {
            return Err(ShareError::Malformed(what));
        }
        out.push(x);
    }
    Ok(out)
}

fn parse_day(day: &str) -> Result<Day, ShareError> {
    let day: Day = day.parse().map_err(|_| ShareError::Malformed("the date"))?;
    if !(0..=2_932_896).contains(&day) {
        return Err(ShareError::Malformed("the date"));
    }
    Ok(day)
}

pub fn decode(text: &str) -> Result<Shared, ShareError> {
    if text.len() > 200 {
        return Err(ShareError::TooLong);
    }
    let text = text.trim();
    let parts: Vec<&str> = text.split('.').collect();
    let version = *parts.first().unwrap_or(&"");
    if version != "g1" && version != "g2" {
        return Err(ShareError::UnknownVersion);
    }
    let [_, scores, weak, flags, day, _] = parts[..] else {
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
    let mut parsed = [(None, 0usize); 4];
    for (slot, v) in parsed.iter_mut().zip(&values) {
        let (score, n) = match (version, v.split_once(':')) {
            ("g2", Some((score, n))) => (score, n.parse::<usize>().ok().filter(|&n| n <= 100)),
            ("g1", None) => (*v, Some(0)),
            _ => return Err(ShareError::Malformed("a score")),
        };
        let n = n.ok_or(ShareError::Malformed("a count"))?;
        *slot = match score {
            "x" => (None, n),
            v => (Some(v.parse::<u8>().ok().filter(|s| *s <= 100).ok_or(ShareError::Malformed("a score"))?), n),
        };
    }
    let at = |c: Cause| parsed[ORDER.iter().position(|&o| o == c).unwrap_or(0)];
    let scores = PerCause::from_fn(|c| at(c).0);
    let day = parse_day(day)?;
    if version == "g1" {
        // The first links carried scores only; today's rule judges them, with the fewest
        // answers a score needs.
        let answered = PerCause::from_fn(|_| 0);
        let evidence = scores_only(&scores, &answered);
        let answered = PerCause::from_fn(|c| evidence.get(c).answered);
        return Ok(Shared { verdict: verdict(&evidence, &[]), scores, answered, flags: Vec::new(), day });
    }
    let answered = PerCause::from_fn(|c| at(c).1);
    let (weak, tied) = match weak.strip_suffix('=') {
        Some(w) => (w, true),
        None => (weak, false),
    };
    let weak = parse_letters(&CAUSE_LETTERS, weak, "the weak causes")?;
    let flags = parse_letters(&FLAG_LETTERS, flags, "the flags")?;
    let evidence = scores_only(&scores, &answered);
    let mut expected = verdict(&evidence, &flags);
    // The same weak causes; the first two may be in either order (and tied) only when they
    // are within noise of each other, where evidence the link does not carry decided.
    let same_set = weak.len() == expected.weak.len() && weak.iter().all(|c| expected.weak.contains(c));
    let reordered = weak.iter().skip(2).eq(expected.weak.iter().skip(2));
    let within_noise = |a: Cause, b: Cause| match (scores.get(a), scores.get(b)) {
        (Some(x), Some(y)) => separation((*x, *answered.get(a)), (*y, *answered.get(b))) < 1.0,
        _ => false,
    };
    let order_ok = weak == expected.weak || (weak.len() >= 2 && within_noise(weak[0], weak[1]));
    let tie_ok = !tied || (weak.len() >= 2 && within_noise(weak[0], weak[1]));
    if !(same_set && reordered && order_ok && tie_ok) {
        return Err(ShareError::Tampered);
    }
    if weak != expected.weak || tied != expected.tied {
        expected.primary = weak.first().copied();
        expected.weak = weak;
        expected.tied = tied;
        expected.confidence = crate::diagnosis::Confidence::Low;
    }
    Ok(Shared { scores, answered, flags, verdict: expected, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::Pattern;
    use proptest::prelude::*;

    fn shared(scores: PerCause<Option<u8>>, day: Day) -> Shared {
        let answered = PerCause::from_fn(|c| if scores.get(c).is_some() { 8 } else { 1 });
        let v = verdict(&scores_only(&scores, &answered), &[]);
        Shared { scores, answered, flags: Vec::new(), verdict: v, day }
    }

    #[test]
    fn a_link_is_short_and_readable() {
        let s =
            shared(PerCause { training: Some(75), effort: Some(28), discipline: Some(53), feedback: Some(69) }, 20_781);
        let text = encode(&s);
        assert!(text.starts_with("g2.75:8-28:8-53:8-69:8.ed.n.20781."), "{text}");
        assert!(text.len() < 60);
        assert_eq!(decode(&text), Ok(s));
        // A cause with too few answers: the verdict is unclear and names no weak cause.
        let s = shared(PerCause { training: Some(75), effort: Some(28), discipline: Some(53), feedback: None }, 20_781);
        let text = encode(&s);
        assert!(text.starts_with("g2.75:8-28:8-53:8-x:1.n.n.20781."), "{text}");
        let back = decode(&text).unwrap();
        assert_eq!(back.verdict.pattern, Pattern::Unclear);
        assert_eq!(back, s);
    }

    #[test]
    fn a_first_version_link_still_opens_under_todays_rule() {
        let body = "g1.75-28-53-69.e.s.20781";
        let text = format!("{body}.{}", check(body));
        let s = decode(&text).unwrap();
        assert_eq!(s.scores.effort, Some(28));
        // 53 is weak too: today's rule names both.
        assert_eq!(s.verdict.weak, vec![Cause::Effort, Cause::Discipline]);
        assert_eq!(s.verdict.pattern, Pattern::Mixed);
    }

    #[test]
    fn fuzz_crash_trailing_space_after_a_multibyte_check_is_an_error() {
        // Found by `cargo fuzz run decode_share`: slicing the untrimmed text panicked.
        let crash = std::str::from_utf8(b"g1.....{\xec\x83\x80    ").unwrap();
        assert!(decode(crash).is_err());
    }

    #[test]
    fn edits_are_caught() {
        let s =
            shared(PerCause { training: Some(75), effort: Some(28), discipline: Some(63), feedback: Some(69) }, 20_781);
        let text = encode(&s);
        assert_eq!(decode(&text.replace("75:8-28", "95:8-28")), Err(ShareError::Tampered));
        // A link whose weak causes disagree with its scores is refused even with a fresh check.
        let body = text.rsplit_once('.').unwrap().0.replace(".e.", ".d.");
        assert_eq!(decode(&format!("{body}.{}", check(&body))), Err(ShareError::Tampered));
        let body = text.rsplit_once('.').unwrap().0.replace(".e.", ".n.");
        assert_eq!(decode(&format!("{body}.{}", check(&body))), Err(ShareError::Tampered));
        assert!(matches!(decode("g2.1-2"), Err(ShareError::Malformed(_))));
        assert_eq!(decode("g9.whatever"), Err(ShareError::UnknownVersion));
        assert_eq!(decode(""), Err(ShareError::UnknownVersion));
        assert_eq!(decode(&"g2.".repeat(100)), Err(ShareError::TooLong));
    }

    #[test]
    fn a_tie_broken_by_evidence_travels_with_the_link() {
        let mut s =
            shared(PerCause { training: Some(40), effort: Some(42), discipline: Some(80), feedback: Some(80) }, 9);
        // The result put effort first (its deals stalled there): the link keeps that order.
        s.verdict.weak = vec![Cause::Effort, Cause::Training];
        s.verdict.primary = Some(Cause::Effort);
        s.verdict.confidence = crate::diagnosis::Confidence::Low;
        assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        // Far apart, the order is the scores' and cannot be swapped.
        s.scores.training = Some(5);
        let v = verdict(&scores_only(&s.scores, &s.answered), &[]);
        s.verdict = Verdict { weak: vec![Cause::Effort, Cause::Training], primary: Some(Cause::Effort), ..v };
        assert_eq!(decode(&encode(&s)), Err(ShareError::Tampered));
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
        fn an_edited_link_is_refused_or_reads_the_verdict_of_its_own_scores(scores in any_scores(), at in any::<prop::sample::Index>(), c in "[0-9a-z.x:=-]") {
            // Edits are rechecked with a fresh check, as a forger would: the verdict must
            // still follow from the scores, so no edit can make a link claim what its scores do not.
            let text = encode(&shared(scores, 20_000));
            let body = text.rsplit_once('.').unwrap().0;
            let i = at.index(body.len());
            let mut edited = body.to_string();
            edited.replace_range(i..i + 1, &c);
            let forged = format!("{edited}.{}", check(&edited));
            if let Ok(decoded) = decode(&forged) {
                let expected = verdict(&scores_only(&decoded.scores, &decoded.answered), &decoded.flags);
                let mut weak = decoded.verdict.weak.clone();
                let mut want = expected.weak.clone();
                weak.sort();
                want.sort();
                prop_assert_eq!(weak, want);
                prop_assert_eq!(decoded.verdict.pattern, expected.pattern);
            }
        }
    }
}
