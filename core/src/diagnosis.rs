//! Scoring and diagnosis: health per cause, the primary cause, the pattern, why, and flags.

use crate::answers::{Answer, Responses};
use crate::bank::{Bank, Item};
use crate::cause::{Cause, PerCause};
use serde::{Deserialize, Serialize};

/// Fewest answered items a cause needs before it gets a score.
pub const MIN_ANSWERS_PER_CAUSE: usize = 3;
/// Below this health a cause is weak (a gap or critical).
pub const WEAK_BELOW: u8 = 55;
/// Two weak causes within this many points are "close".
pub const CLOSE_WITHIN: u8 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Strong,
    Fine,
    Gap,
    Critical,
}

impl Band {
    pub fn of(score: u8) -> Band {
        match score {
            75.. => Band::Strong,
            WEAK_BELOW..=74 => Band::Fine,
            35..=54 => Band::Gap,
            _ => Band::Critical,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::Strong => "Strong",
            Band::Fine => "Fine",
            Band::Gap => "Gap",
            Band::Critical => "Critical",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pattern {
    /// One clear cause.
    Single,
    /// Two weak causes close together.
    Mixed,
    /// Three or more weak causes.
    Broad,
    /// No weak cause: look outward.
    None,
}

impl Pattern {
    pub fn id(self) -> &'static str {
        match self {
            Pattern::Single => "single",
            Pattern::Mixed => "mixed",
            Pattern::Broad => "broad",
            Pattern::None => "none",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The same answer nearly everywhere.
    StraightLining,
    /// Agreeing (or disagreeing) with opposite statements of one cause.
    Contradiction,
    /// Answered faster than the questions can be read.
    TooFast,
}

impl Flag {
    pub fn explain(self) -> &'static str {
        match self {
            Flag::StraightLining => "Almost every answer was the same, so the scores may not tell your causes apart.",
            Flag::Contradiction => {
                "Some answers agree with two opposite statements, so at least one of them may not reflect you."
            }
            Flag::TooFast => {
                "Many questions were answered faster than they can be read, so some answers may be guesses."
            }
        }
    }
}

/// One answer that moved a cause's score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Driver {
    pub item_id: String,
    pub text: String,
    pub answer: u8,
    /// 1..=5, with 5 the healthiest.
    pub health: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CauseResult {
    pub cause: Cause,
    /// 0..=100, or None when too few items were answered.
    pub score: Option<u8>,
    pub band: Option<Band>,
    pub answered: usize,
    pub total: usize,
    /// Answers that pulled the score down, worst first.
    pub pulled_down: Vec<Driver>,
    /// Answers that held it up, best first.
    pub held_up: Vec<Driver>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    pub causes: PerCause<CauseResult>,
    pub primary: Option<Cause>,
    pub secondary: Option<Cause>,
    pub pattern: Pattern,
    pub flags: Vec<Flag>,
}

impl Diagnosis {
    pub fn scores(&self) -> PerCause<Option<u8>> {
        PerCause::from_fn(|c| self.causes.get(c).score)
    }

    /// Causes with a score below [`WEAK_BELOW`], weakest first.
    pub fn weak(&self) -> Vec<Cause> {
        ranked(&self.scores()).into_iter().filter(|(_, s)| *s < WEAK_BELOW).map(|(c, _)| c).collect()
    }

    pub fn strong(&self) -> Vec<Cause> {
        self.causes.iter().filter(|(_, r)| r.band == Some(Band::Strong)).map(|(c, _)| c).collect()
    }

    pub fn is_reliable(&self) -> bool {
        self.flags.is_empty()
    }
}

/// Scored causes, lowest first; ties keep cause order so the result is deterministic.
fn ranked(scores: &PerCause<Option<u8>>) -> Vec<(Cause, u8)> {
    let mut v: Vec<(Cause, u8)> = scores.iter().filter_map(|(c, s)| s.map(|s| (c, s))).collect();
    v.sort_by_key(|&(c, s)| (s, c));
    v
}

/// Health 0..=100 from the answered items of one cause, or None below the minimum.
pub fn health_score(items: &[(&Item, Answer)]) -> Option<u8> {
    if items.len() < MIN_ANSWERS_PER_CAUSE {
        return None;
    }
    let sum: u32 = items.iter().map(|(item, a)| u32::from(a.health(item.reverse) - 1)).sum();
    let max = 4 * items.len() as u32;
    // Round half up, in integers, so the same answers always give the same score.
    Some(((sum * 200 + max) / (2 * max)) as u8)
}

pub fn diagnose(bank: &Bank, responses: &Responses) -> Diagnosis {
    let causes = PerCause::from_fn(|cause| cause_result(bank, responses, cause));
    let (primary, secondary, pattern) = primary_and_pattern(&PerCause::from_fn(|c| causes.get(c).score));
    Diagnosis { causes, primary, secondary, pattern, flags: flags(bank, responses) }
}

/// The diagnosis of a finished result, as every screen shows it. The flags are the ones
/// judged when it was finished (timings are not kept after that). A result taken with
/// another bank (a coach's) shares no item ids with `bank`: its stored scores stand, the
/// pattern is judged from them, and the per-answer drivers stay empty.
pub fn diagnose_result(bank: &Bank, result: &crate::schema::StoredResult) -> Diagnosis {
    let mut d = diagnose(bank, &result.responses);
    d.flags = result.flags.clone();
    if !result.taken_with(bank) {
        for cause in Cause::ALL {
            let r = d.causes.get_mut(cause);
            r.score = *result.scores.get(cause);
            r.band = r.score.map(Band::of);
        }
        (d.primary, d.secondary, d.pattern) = primary_and_pattern(&result.scores);
    }
    d
}

/// The primary cause, a close secondary, and the pattern, from the scores alone (so a
/// shared result, which carries only scores, is judged by the same rule).
pub fn primary_and_pattern(scores: &PerCause<Option<u8>>) -> (Option<Cause>, Option<Cause>, Pattern) {
    let weak: Vec<(Cause, u8)> = ranked(scores).into_iter().filter(|&(_, s)| s < WEAK_BELOW).collect();
    let primary = weak.first().map(|&(c, _)| c);
    let secondary = match (weak.first(), weak.get(1)) {
        (Some(&(_, first)), Some(&(c, second))) if second - first <= CLOSE_WITHIN => Some(c),
        _ => None,
    };
    let pattern = match weak.len() {
        0 => Pattern::None,
        1 | 2 if secondary.is_none() => Pattern::Single,
        2 => Pattern::Mixed,
        _ => Pattern::Broad,
    };
    (primary, secondary, pattern)
}

fn cause_result(bank: &Bank, responses: &Responses, cause: Cause) -> CauseResult {
    let all: Vec<&Item> = bank.items_of(cause).collect();
    let answered: Vec<(&Item, Answer)> =
        all.iter().filter_map(|item| responses.answers.get(&item.id).map(|a| (*item, *a))).collect();
    let score = health_score(&answered);
    let driver = |(item, a): &(&Item, Answer)| Driver {
        item_id: item.id.clone(),
        text: item.text.clone(),
        answer: a.value(),
        health: a.health(item.reverse),
    };
    let mut pulled_down: Vec<Driver> = answered.iter().filter(|(i, a)| a.health(i.reverse) <= 2).map(driver).collect();
    pulled_down.sort_by_key(|d| d.health);
    let mut held_up: Vec<Driver> = answered.iter().filter(|(i, a)| a.health(i.reverse) >= 4).map(driver).collect();
    held_up.sort_by_key(|d| std::cmp::Reverse(d.health));
    CauseResult {
        cause,
        score,
        band: score.map(Band::of),
        answered: answered.len(),
        total: all.len(),
        pulled_down,
        held_up,
    }
}

/// Reading floor for one question: about 150 ms a word, never under a second.
pub fn reading_floor_ms(text: &str) -> u32 {
    (text.split_whitespace().count() as u32 * 150).max(1000)
}

fn flags(bank: &Bank, responses: &Responses) -> Vec<Flag> {
    let mut flags = Vec::new();
    let values: Vec<u8> = bank.items().iter().filter_map(|i| responses.answers.get(&i.id)).map(|a| a.value()).collect();
    if values.len() >= 8 {
        let most = (1..=5).map(|v| values.iter().filter(|&&x| x == v).count()).max().unwrap_or(0);
        if most * 10 >= values.len() * 9 {
            flags.push(Flag::StraightLining);
        }
    }
    // Opposite-keyed items of one cause: agreeing (or disagreeing) with both sides is a contradiction.
    let contradicts = Cause::ALL.into_iter().any(|cause| {
        let side = |reverse: bool| -> Vec<u8> {
            bank.items_of(cause)
                .filter(|i| i.reverse == reverse)
                .filter_map(|i| responses.answers.get(&i.id).map(|a| a.value()))
                .collect()
        };
        let (plain, reversed) = (side(false), side(true));
        if plain.len() < 2 || reversed.len() < 2 {
            return false;
        }
        let mean = |v: &[u8]| v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len() as f64;
        let (p, r) = (mean(&plain), mean(&reversed));
        (p >= 4.0 && r >= 4.0) || (p <= 2.0 && r <= 2.0)
    });
    if contradicts {
        flags.push(Flag::Contradiction);
    }
    let timed: Vec<bool> = bank
        .items()
        .iter()
        .filter(|i| responses.answers.contains_key(&i.id))
        .filter_map(|i| responses.timings.get(&i.id).map(|&ms| ms < reading_floor_ms(&i.text)))
        .collect();
    if timed.len() >= 8 && timed.iter().filter(|&&fast| fast).count() * 3 > timed.len() {
        flags.push(Flag::TooFast);
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn bank() -> Bank {
        Bank::default_bank().unwrap()
    }

    /// Answers where every item of `cause` has health `health` (the key applied per item).
    fn with_health(bank: &Bank, healths: &PerCause<u8>) -> Responses {
        let mut r = Responses::default();
        for item in bank.items() {
            let h = *healths.get(item.cause);
            let raw = if item.reverse { 6 - h } else { h };
            r.answers.insert(item.id.clone(), Answer::new(raw).unwrap());
        }
        r
    }

    #[test]
    fn all_healthy_is_none_pattern() {
        let b = bank();
        let d = diagnose(&b, &with_health(&b, &PerCause::from_fn(|_| 5)));
        assert_eq!(d.pattern, Pattern::None);
        assert_eq!(d.primary, None);
        assert!(d.causes.iter().all(|(_, r)| r.score == Some(100) && r.band == Some(Band::Strong)));
    }

    #[test]
    fn one_weak_cause_is_single() {
        let b = bank();
        let h = PerCause { training: 4, effort: 4, discipline: 1, feedback: 5 };
        let d = diagnose(&b, &with_health(&b, &h));
        assert_eq!(d.primary, Some(Cause::Discipline));
        assert_eq!(d.secondary, None);
        assert_eq!(d.pattern, Pattern::Single);
        assert_eq!(d.causes.discipline.score, Some(0));
        assert!(d.causes.discipline.pulled_down.len() >= 7);
        assert_eq!(d.causes.effort.score, Some(75));
    }

    #[test]
    fn two_close_weak_causes_are_mixed_and_three_are_broad() {
        let b = bank();
        let d = diagnose(&b, &with_health(&b, &PerCause { training: 2, effort: 2, discipline: 4, feedback: 5 }));
        assert_eq!((d.primary, d.secondary, d.pattern), (Some(Cause::Training), Some(Cause::Effort), Pattern::Mixed));
        let d = diagnose(&b, &with_health(&b, &PerCause { training: 2, effort: 2, discipline: 2, feedback: 5 }));
        assert_eq!(d.pattern, Pattern::Broad);
        let d = diagnose(&b, &with_health(&b, &PerCause { training: 1, effort: 3, discipline: 4, feedback: 5 }));
        // 0 and 50 are both weak but far apart: one clear cause.
        assert_eq!((d.primary, d.secondary, d.pattern), (Some(Cause::Training), None, Pattern::Single));
    }

    #[test]
    fn too_few_answers_is_not_a_low_score() {
        let b = bank();
        let mut r = Responses::default();
        for item in b.items_of(Cause::Effort).take(MIN_ANSWERS_PER_CAUSE - 1) {
            r.answers.insert(item.id.clone(), Answer::new(1).unwrap());
        }
        let d = diagnose(&b, &r);
        assert_eq!(d.causes.effort.score, None);
        assert_eq!(d.causes.effort.answered, MIN_ANSWERS_PER_CAUSE - 1);
        assert_eq!(d.primary, None);
    }

    #[test]
    fn straight_lining_is_flagged_and_varied_answers_are_not() {
        let b = bank();
        let mut r = Responses::default();
        for item in b.items() {
            r.answers.insert(item.id.clone(), Answer::new(4).unwrap());
        }
        let d = diagnose(&b, &r);
        assert!(d.flags.contains(&Flag::StraightLining));
        assert!(d.flags.contains(&Flag::Contradiction), "agreeing with opposites everywhere");
        let honest = with_health(&b, &PerCause { training: 2, effort: 4, discipline: 3, feedback: 5 });
        assert!(diagnose(&b, &honest).flags.is_empty());
    }

    #[test]
    fn answering_faster_than_reading_is_flagged() {
        let b = bank();
        let mut r = with_health(&b, &PerCause { training: 2, effort: 4, discipline: 3, feedback: 5 });
        r.timings = b.items().iter().map(|i| (i.id.clone(), 200)).collect::<BTreeMap<_, _>>();
        assert!(diagnose(&b, &r).flags.contains(&Flag::TooFast));
        r.timings = b.items().iter().map(|i| (i.id.clone(), 6000)).collect();
        assert!(!diagnose(&b, &r).flags.contains(&Flag::TooFast));
    }

    #[test]
    fn a_stored_result_keeps_its_flags_and_another_banks_scores() {
        use crate::schema::StoredResult;
        let b = bank();
        let responses = with_health(&b, &PerCause { training: 2, effort: 4, discipline: 3, feedback: 5 });
        let mut result = StoredResult {
            id: "r1".into(),
            finished_at: 0,
            bank: b.raw().id.clone(),
            responses,
            scores: PerCause { training: Some(90), effort: Some(20), discipline: Some(90), feedback: Some(90) },
            primary: Some(Cause::Effort),
            pattern: Pattern::Single,
            flags: vec![Flag::TooFast],
        };
        let same = diagnose_result(&b, &result);
        assert_eq!(same.primary, Some(Cause::Training), "same bank: recomputed from the answers");
        assert_eq!(same.flags, vec![Flag::TooFast], "flags as judged at the finish");
        result.bank = "a-coach".into();
        let other = diagnose_result(&b, &result);
        assert_eq!((other.primary, other.pattern), (Some(Cause::Effort), Pattern::Single));
        assert_eq!(other.causes.effort.band, Some(Band::Critical));
    }

    fn any_responses() -> impl Strategy<Value = Responses> {
        let ids: Vec<String> = bank().items().iter().map(|i| i.id.clone()).collect();
        proptest::collection::vec(proptest::option::of(1u8..=5), ids.len()).prop_map(move |values| {
            let mut r = Responses::default();
            for (id, v) in ids.iter().zip(values) {
                if let Some(v) = v {
                    r.answers.insert(id.clone(), Answer::new(v).unwrap());
                }
            }
            r
        })
    }

    proptest! {
        #[test]
        fn scores_stay_in_range_for_any_subset(r in any_responses()) {
            let d = diagnose(&bank(), &r);
            for (_, c) in d.causes.iter() {
                if let Some(s) = c.score { prop_assert!(s <= 100); }
                prop_assert_eq!(c.score.is_some(), c.answered >= MIN_ANSWERS_PER_CAUSE);
            }
            if let Some(p) = d.primary {
                prop_assert!(d.causes.get(p).score.unwrap() < WEAK_BELOW);
            }
            prop_assert_eq!(d.primary.is_none(), d.pattern == Pattern::None);
        }

        #[test]
        fn moving_an_answer_toward_health_never_lowers_the_score(r in any_responses(), pick in any::<prop::sample::Index>()) {
            let b = bank();
            let answered: Vec<&Item> = b.items().iter().filter(|i| r.answers.contains_key(&i.id)).collect();
            prop_assume!(!answered.is_empty());
            let item = answered[pick.index(answered.len())];
            let before = r.answers[&item.id].value();
            // One step healthier: down for a reverse-keyed item, up for a plain one.
            let after = if item.reverse { before.saturating_sub(1).max(1) } else { (before + 1).min(5) };
            prop_assume!(after != before);
            let mut better = r.clone();
            better.answers.insert(item.id.clone(), Answer::new(after).unwrap());
            let old = diagnose(&b, &r).causes.get(item.cause).score;
            let new = diagnose(&b, &better).causes.get(item.cause).score;
            if let (Some(old), Some(new)) = (old, new) {
                prop_assert!(new > old, "{} {}: {} -> {}", item.id, item.reverse, old, new);
            }
        }

        #[test]
        fn a_clearly_lowest_cause_is_primary(low in 0usize..4, lows in proptest::collection::vec(1u8..=2, 8), highs in proptest::collection::vec(4u8..=5, 32)) {
            let b = bank();
            let weak = Cause::ALL[low];
            let mut r = Responses::default();
            let (mut l, mut h) = (lows.iter().cycle(), highs.iter().cycle());
            for item in b.items() {
                let health = if item.cause == weak { *l.next().unwrap() } else { *h.next().unwrap() };
                let raw = if item.reverse { 6 - health } else { health };
                r.answers.insert(item.id.clone(), Answer::new(raw).unwrap());
            }
            let d = diagnose(&b, &r);
            prop_assert_eq!(d.primary, Some(weak));
            prop_assert_eq!(d.pattern, Pattern::Single);
        }
    }
}
