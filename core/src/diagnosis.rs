//! Scoring and diagnosis: health per cause, how sure each score is, the verdict (primary
//! cause, every weak cause, pattern, confidence), why (drivers), and response quality.
//!
//! The rules, in one place:
//! - A cause is scored only when at least half of its items, and never fewer than
//!   [`MIN_ANSWERS_PER_CAUSE`], were answered. "Doesn't apply" counts as neither answered
//!   nor unhealthy.
//! - Each score carries a standard error from its item count (see [`standard_error`]);
//!   "clear" and "borderline" are judged against it, never against a fixed margin.
//! - Straight-lining, yes- or no-saying and self-contradiction make the verdict `unclear`;
//!   so does any cause left unscored. `none` needs all four causes scored and healthy.
//! - No tie is broken by list order: evidence decides (the stage where deals stop, how
//!   many answers pulled the score down), or both causes are named as tied.

use crate::answers::{Answer, Responses};
use crate::bank::{Bank, Item, ScaleKind};
use crate::cause::{Cause, PerCause};
use serde::{Deserialize, Serialize};

/// Fewest answered items a cause needs before it gets a score (and at least half of its items).
pub const MIN_ANSWERS_PER_CAUSE: usize = 4;
/// How many more answers that pulled a score down it takes to break a tie between two causes.
pub const MIN_LOW_LEAD: usize = 2;
/// Below this health a cause is weak (a gap or critical).
pub const WEAK_BELOW: u8 = 55;
/// The spread of one item's health around a person's true level on a cause, in score
/// points: one step of the five-point scale (100 / 4). Used for every standard error.
pub const ITEM_SD: f64 = 25.0;

/// Whether a cause with `answered` of `total` items answered gets a score.
pub fn enough_answers(answered: usize, total: usize) -> bool {
    answered >= MIN_ANSWERS_PER_CAUSE && answered * 2 >= total
}

/// How many answers a cause of `total` items needs before it is scored.
pub fn answers_needed(total: usize) -> usize {
    MIN_ANSWERS_PER_CAUSE.max(total.div_ceil(2))
}

/// The standard error of a cause score made from `n` answered items: SE = SD / sqrt(n),
/// the standard error of a mean (e.g. Nunnally & Bernstein, *Psychometric Theory*, 3rd ed.,
/// 1994, ch. 6; any statistics text), with SD = [`ITEM_SD`]. Eight items give 8.8 points,
/// four give 12.5. Two scores differ "beyond noise" when their gap exceeds
/// sqrt(SE_a^2 + SE_b^2), the standard error of a difference of independent means.
pub fn standard_error(n: usize) -> f64 {
    ITEM_SD / (n.max(1) as f64).sqrt()
}

/// How many standard errors apart two scores are (0 when either is missing).
pub fn separation(a: (u8, usize), b: (u8, usize)) -> f64 {
    let se = (standard_error(a.1).powi(2) + standard_error(b.1).powi(2)).sqrt();
    (f64::from(a.0) - f64::from(b.0)).abs() / se
}

/// A change between two scores, judged against their noise: inside one standard error of
/// the difference it is "about the same".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Better,
    Same,
    Worse,
}

pub fn change(before: (u8, usize), after: (u8, usize)) -> Change {
    if separation(before, after) < 1.0 {
        Change::Same
    } else if after.0 > before.0 {
        Change::Better
    } else {
        Change::Worse
    }
}

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
    /// One weak cause.
    Single,
    /// Two weak causes.
    Mixed,
    /// Three or more weak causes.
    Broad,
    /// Every cause measured, none weak.
    None,
    /// The answers cannot tell: too few, all alike, or contradicting.
    Unclear,
}

impl Pattern {
    pub fn id(self) -> &'static str {
        match self {
            Pattern::Single => "single",
            Pattern::Mixed => "mixed",
            Pattern::Broad => "broad",
            Pattern::None => "none",
            Pattern::Unclear => "unclear",
        }
    }
}

/// Why a verdict is `unclear`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unclear {
    /// At least one cause has too few answers to be scored.
    TooFew,
    StraightLining,
    AnswerStyle,
    Contradiction,
}

/// How sure the verdict is, from the separation of the scores in standard errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Under one standard error, or answers that cannot carry a verdict.
    Low,
    /// One to two standard errors.
    Moderate,
    /// Two standard errors or more.
    High,
}

impl Confidence {
    fn of(z: f64) -> Confidence {
        if z >= 2.0 {
            Confidence::High
        } else if z >= 1.0 {
            Confidence::Moderate
        } else {
            Confidence::Low
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The same answer nearly everywhere.
    StraightLining,
    /// Opposite statements answered the same way.
    Contradiction,
    /// Answered faster than the questions can be read.
    TooFast,
    /// Agreeing (or disagreeing) with nearly everything, whichever way it is keyed.
    AnswerStyle,
}

impl Flag {
    pub fn explain(self) -> &'static str {
        match self {
            Flag::StraightLining => "Almost every answer was the same, so the scores may not tell your causes apart.",
            Flag::Contradiction => {
                "Some pairs of opposite statements got the same answer, so at least one of each pair may not reflect you."
            }
            Flag::TooFast => {
                "Many questions were answered faster than they can be read, so some answers may be guesses."
            }
            Flag::AnswerStyle => {
                "Most statements got the same kind of answer whichever way they were worded, so the scores may show a way of answering more than your habits."
            }
        }
    }

    /// Whether this flag, on its own, means the answers cannot carry a verdict.
    pub fn voids_verdict(self) -> bool {
        !matches!(self, Flag::TooFast)
    }
}

/// One answer that moved a cause's score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Driver {
    pub item_id: String,
    pub text: String,
    pub habit: String,
    pub scale: ScaleKind,
    pub stage: Option<String>,
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
    /// Items marked "doesn't apply".
    pub not_applicable: usize,
    pub total: usize,
    /// Answers that pulled the score down, worst first.
    pub pulled_down: Vec<Driver>,
    /// Answers that held it up, best first.
    pub held_up: Vec<Driver>,
    /// Unanswered items (neither answered nor "doesn't apply"), in bank order.
    pub missing: Vec<String>,
}

impl CauseResult {
    /// The score with the item count behind it.
    pub fn measure(&self) -> Option<(u8, usize)> {
        self.score.map(|s| (s, self.answered))
    }

    pub fn standard_error(&self) -> f64 {
        standard_error(self.answered)
    }
}

/// The verdict: what the result claims, read by every screen, the share link, the export
/// and `cargo xtask score` alike.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub pattern: Pattern,
    /// The cause to start with; None for `none` and `unclear`.
    pub primary: Option<Cause>,
    /// Every weak cause, the primary first, then weakest first.
    pub weak: Vec<Cause>,
    /// The primary and the second weak cause are within noise of each other and no evidence
    /// separates them: both are named as equal.
    pub tied: bool,
    /// Scored causes within one standard error of the weak line.
    pub borderline: Vec<Cause>,
    pub confidence: Confidence,
    pub unclear: Option<Unclear>,
}

impl Verdict {
    /// The second weak cause, if any.
    pub fn secondary(&self) -> Option<Cause> {
        self.weak.get(1).copied()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    pub causes: PerCause<CauseResult>,
    pub verdict: Verdict,
    pub flags: Vec<Flag>,
}

impl Diagnosis {
    pub fn scores(&self) -> PerCause<Option<u8>> {
        PerCause::from_fn(|c| self.causes.get(c).score)
    }

    pub fn answered(&self) -> PerCause<usize> {
        PerCause::from_fn(|c| self.causes.get(c).answered)
    }

    pub fn pattern(&self) -> Pattern {
        self.verdict.pattern
    }

    pub fn primary(&self) -> Option<Cause> {
        self.verdict.primary
    }

    /// Every weak cause, the primary first.
    pub fn weak(&self) -> &[Cause] {
        &self.verdict.weak
    }

    pub fn is_reliable(&self) -> bool {
        self.flags.is_empty()
    }
}

/// What the verdict is judged from, per cause: the score and the answers behind it, and
/// how many answers pulled it down (evidence for breaking a tie).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Evidence {
    pub score: Option<u8>,
    pub answered: usize,
    /// Answers with health 1 or 2.
    pub low: usize,
    /// The training item for the stage where most deals stopped pulled the score down.
    pub stall: bool,
}

/// Health 0..=100 from the answered items of one cause, or None with too few answers.
pub fn health_score(items: &[(&Item, Answer)], total: usize) -> Option<u8> {
    if !enough_answers(items.len(), total) {
        return None;
    }
    let sum: u32 = items.iter().map(|(item, a)| u32::from(a.health(item.reverse) - 1)).sum();
    let max = 4 * items.len() as u32;
    // Round half up, in integers, so the same answers always give the same score.
    Some(((sum * 200 + max) / (2 * max)) as u8)
}

pub fn diagnose(bank: &Bank, responses: &Responses) -> Diagnosis {
    let stalled = crate::stall::funnel(bank, &responses.deals).most_lost_at;
    let causes = PerCause::from_fn(|cause| cause_result(bank, responses, cause));
    let flags = flags(bank, responses);
    let evidence = evidence_of(&causes, stalled.as_deref());
    Diagnosis { verdict: verdict(&evidence, &flags), causes, flags }
}

/// The evidence per cause from its result; `stalled` is the stage where most deals stopped.
pub(crate) fn evidence_of(causes: &PerCause<CauseResult>, stalled: Option<&str>) -> PerCause<Evidence> {
    PerCause::from_fn(|c| {
        let r = causes.get(c);
        Evidence {
            score: r.score,
            answered: r.answered,
            low: r.pulled_down.len(),
            stall: stalled.is_some() && r.pulled_down.iter().any(|d| d.stage.as_deref() == stalled),
        }
    })
}

/// Evidence from scores alone (a share link, another bank's result): no drivers.
pub fn scores_only(scores: &PerCause<Option<u8>>, answered: &PerCause<usize>) -> PerCause<Evidence> {
    PerCause::from_fn(|c| Evidence {
        score: *scores.get(c),
        answered: (*answered.get(c)).max(usize::from(scores.get(c).is_some()) * MIN_ANSWERS_PER_CAUSE),
        ..Evidence::default()
    })
}

/// The verdict from the evidence per cause and the response-quality flags.
pub fn verdict(evidence: &PerCause<Evidence>, flags: &[Flag]) -> Verdict {
    let measure = |c: Cause| evidence.get(c).score.map(|s| (s, evidence.get(c).answered));
    let borderline: Vec<Cause> = Cause::ALL
        .into_iter()
        .filter(|&c| measure(c).is_some_and(|(s, n)| (f64::from(s) - f64::from(WEAK_BELOW)).abs() < standard_error(n)))
        .collect();
    let void = flags.iter().copied().find(|f| f.voids_verdict());
    let unscored = Cause::ALL.into_iter().any(|c| measure(c).is_none());
    let unclear = match void {
        Some(Flag::StraightLining) => Some(Unclear::StraightLining),
        Some(Flag::AnswerStyle) => Some(Unclear::AnswerStyle),
        Some(_) => Some(Unclear::Contradiction),
        None if unscored => Some(Unclear::TooFew),
        None => None,
    };
    if unclear.is_some() {
        return Verdict {
            pattern: Pattern::Unclear,
            primary: None,
            weak: Vec::new(),
            tied: false,
            // Nothing is said about scores the verdict itself does not trust.
            borderline: Vec::new(),
            confidence: Confidence::Low,
            unclear,
        };
    }
    // Every cause is scored from here on.
    let mut scored: Vec<(Cause, u8, usize)> =
        Cause::ALL.into_iter().filter_map(|c| measure(c).map(|(s, n)| (c, s, n))).collect();
    // Lowest first. Equal scores are ordered by evidence below, never by list position.
    scored.sort_by_key(|&(_, s, _)| s);
    let mut weak: Vec<Cause> = scored.iter().filter(|&&(_, s, _)| s < WEAK_BELOW).map(|&(c, _, _)| c).collect();
    let mut tied = false;
    if weak.len() >= 2 {
        let (a, b) = (weak[0], weak[1]);
        let (ma, mb) = (measure(a).unwrap_or_default(), measure(b).unwrap_or_default());
        if separation(ma, mb) < 1.0 {
            // Within noise: the evidence decides, or both are named.
            match prefer(evidence.get(a), evidence.get(b)) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Greater => weak.swap(0, 1),
                std::cmp::Ordering::Equal => tied = true,
            }
        }
    }
    let pattern = match weak.len() {
        0 => Pattern::None,
        1 => Pattern::Single,
        2 => Pattern::Mixed,
        _ => Pattern::Broad,
    };
    let primary = weak.first().copied();
    let mut confidence = match primary {
        // How far the primary stands from the next-lowest cause.
        Some(p) => {
            let next = scored.iter().find(|(c, _, _)| *c != p);
            match (measure(p), next) {
                (Some(mp), Some(&(_, s, n))) if !tied => Confidence::of(separation(mp, (s, n))),
                _ => Confidence::Low,
            }
        }
        // How far the lowest cause stands above the weak line.
        None => scored
            .first()
            .map(|&(_, s, n)| Confidence::of((f64::from(s) - f64::from(WEAK_BELOW)) / standard_error(n)))
            .unwrap_or(Confidence::Low),
    };
    if flags.contains(&Flag::TooFast) {
        confidence = Confidence::Low;
    }
    Verdict { pattern, primary, weak, tied, borderline, confidence, unclear: None }
}

/// Which of two causes within noise of each other to start with, by evidence: the one the
/// stalled stage points to, then the larger share of answers that pulled it down, when it
/// rests on at least [`MIN_LOW_LEAD`] more such answers (one answer is not evidence).
fn prefer(a: &Evidence, b: &Evidence) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a.stall, b.stall) {
        (true, false) => return Less,
        (false, true) => return Greater,
        _ => {}
    }
    if a.low.abs_diff(b.low) < MIN_LOW_LEAD {
        return Equal;
    }
    // a.low / a.answered against b.low / b.answered, cross-multiplied to stay in integers.
    let (x, y) = (a.low * b.answered.max(1), b.low * a.answered.max(1));
    match x.cmp(&y) {
        std::cmp::Ordering::Greater => Less,
        std::cmp::Ordering::Less => Greater,
        Equal => Equal,
    }
}

fn cause_result(bank: &Bank, responses: &Responses, cause: Cause) -> CauseResult {
    let all: Vec<&Item> = bank.items_of(cause).collect();
    let answered: Vec<(&Item, Answer)> =
        all.iter().filter_map(|item| responses.answers.get(&item.id).map(|a| (*item, *a))).collect();
    let not_applicable = all.iter().filter(|i| responses.not_applicable.contains(&i.id)).count();
    let score = health_score(&answered, all.len() - not_applicable);
    let driver = |(item, a): &(&Item, Answer)| Driver {
        item_id: item.id.clone(),
        text: item.text.clone(),
        habit: item.habit.clone(),
        scale: item.scale,
        stage: item.stage.clone(),
        answer: a.value(),
        health: a.health(item.reverse),
    };
    let mut pulled_down: Vec<Driver> = answered.iter().filter(|(i, a)| a.health(i.reverse) <= 2).map(driver).collect();
    pulled_down.sort_by_key(|d| d.health);
    let mut held_up: Vec<Driver> = answered.iter().filter(|(i, a)| a.health(i.reverse) >= 4).map(driver).collect();
    held_up.sort_by_key(|d| std::cmp::Reverse(d.health));
    let missing = all
        .iter()
        .filter(|i| !responses.answers.contains_key(&i.id) && !responses.not_applicable.contains(&i.id))
        .map(|i| i.id.clone())
        .collect();
    CauseResult {
        cause,
        score,
        band: score.map(Band::of),
        answered: answered.len(),
        not_applicable,
        total: all.len(),
        pulled_down,
        held_up,
        missing,
    }
}

/// Reading floor for one question: about 150 ms a word, never under a second.
pub fn reading_floor_ms(text: &str) -> u32 {
    (text.split_whitespace().count() as u32 * 150).max(1000)
}

/// Response quality, judged on the raw answers (before keys are applied):
/// - straight-lining: one answer value on 90 % or more of at least 8 answers;
/// - answer style (acquiescence): the mean raw answer of the plain-keyed items and that of
///   the reverse-keyed items, averaged, is a full scale step or more from the midpoint.
///   With balanced keys an honest person lands near 3 whatever their health, because
///   healthy answers are high on one key and low on the other (the balanced-scale
///   acquiescence index, Baumgartner & Steenkamp 2001). Needs 4 answers on each key;
/// - contradiction: two or more of the bank's opposite pairs answered on the same side;
/// - too fast: a third or more of at least 8 timed answers under the reading floor.
pub fn flags(bank: &Bank, responses: &Responses) -> Vec<Flag> {
    let mut flags = Vec::new();
    let answered: Vec<(&Item, u8)> =
        bank.items().iter().filter_map(|i| responses.answers.get(&i.id).map(|a| (i, a.value()))).collect();
    if answered.len() >= 8 {
        let most = (1..=5).map(|v| answered.iter().filter(|&&(_, x)| x == v).count()).max().unwrap_or(0);
        if most * 10 >= answered.len() * 9 {
            flags.push(Flag::StraightLining);
        }
    }
    let key_mean = |reverse: bool| -> Option<(u32, u32)> {
        let v: Vec<u32> = answered.iter().filter(|(i, _)| i.reverse == reverse).map(|&(_, x)| u32::from(x)).collect();
        (v.len() >= 4).then(|| (v.iter().sum(), v.len() as u32))
    };
    if let (Some((ps, pn)), Some((rs, rn))) = (key_mean(false), key_mean(true)) {
        // The two key means, averaged, at least 4 or at most 2; in integers: with
        // sum = ps·rn + rs·pn, that is sum ≥ 8·pn·rn or sum ≤ 4·pn·rn.
        let sum = ps * rn + rs * pn;
        if sum >= 8 * pn * rn || sum <= 4 * pn * rn {
            flags.push(Flag::AnswerStyle);
        }
    }
    let side = |a: u8| (a >= 4) as i8 - (a <= 2) as i8;
    let contradicting = bank
        .items()
        .iter()
        .filter_map(|i| i.opposite.as_ref().map(|o| (i, o)))
        .filter(|(i, o)| match (responses.answers.get(&i.id), responses.answers.get(o.as_str())) {
            (Some(a), Some(b)) => side(a.value()) != 0 && side(a.value()) == side(b.value()),
            _ => false,
        })
        .count();
    if contradicting >= 2 {
        flags.push(Flag::Contradiction);
    }
    let timed: Vec<bool> = answered
        .iter()
        .filter_map(|(i, _)| responses.timings.get(&i.id).map(|&ms| ms < reading_floor_ms(&i.text)))
        .collect();
    if timed.len() >= 8 && timed.iter().filter(|&&fast| fast).count() * 3 > timed.len() {
        flags.push(Flag::TooFast);
    }
    flags
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::answers::Reply;
    use crate::schema::diagnose_result;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn bank() -> Bank {
        Bank::default_bank().unwrap()
    }

    /// Answers where every item of a cause has the health given for that cause (the key
    /// applied per item, so a healthy reverse-keyed item is answered low).
    pub(crate) fn with_health(bank: &Bank, healths: &PerCause<u8>) -> Responses {
        persona(bank, &PerCause::from_fn(|c| vec![*healths.get(c)]), &[])
    }

    /// A persona: per cause, the health of its items in bank order (the list repeats when
    /// shorter than the cause; 0 leaves the item unanswered), then per-item replies by id
    /// (`Some(health)`, or `None` for "doesn't apply").
    pub(crate) fn persona(bank: &Bank, healths: &PerCause<Vec<u8>>, replies: &[(&str, Option<u8>)]) -> Responses {
        let mut r = Responses::default();
        for cause in Cause::ALL {
            let list = healths.get(cause);
            for (at, item) in bank.items_of(cause).enumerate() {
                let h = list[at % list.len()];
                if h > 0 {
                    r.reply(&item.id, Reply::Answer(raw(item, h)));
                }
            }
        }
        for &(id, reply) in replies {
            let item = bank.item(id).unwrap_or_else(|| panic!("no item {id}"));
            match reply {
                Some(h) => r.reply(id, Reply::Answer(raw(item, h))),
                None => r.reply(id, Reply::NotApplicable),
            }
        }
        r
    }

    fn raw(item: &Item, health: u8) -> Answer {
        Answer::new(if item.reverse { 6 - health } else { health }).unwrap()
    }

    /// Healthy, varied answers for the causes a persona is not about.
    pub(crate) fn healthy() -> Vec<u8> {
        vec![4, 5]
    }

    /// Training weak at asking for the decision (close and close-drift at health 1), healthy
    /// at discovery; every other cause healthy.
    pub(crate) fn closing_weak(bank: &Bank) -> Responses {
        let training = vec![3, 3, 4, 3, 1, 1, 3, 2, 2];
        persona(bank, &PerCause { training, effort: healthy(), discipline: healthy(), feedback: healthy() }, &[])
    }

    /// Training weak at discovery and advising, healthy at closing; every other cause healthy.
    pub(crate) fn discovery_weak(bank: &Bank) -> Responses {
        let training = vec![3, 3, 1, 2, 4, 4, 3, 2, 2];
        persona(bank, &PerCause { training, effort: healthy(), discipline: healthy(), feedback: healthy() }, &[])
    }

    /// Training near 0, effort about 34, discipline and feedback healthy.
    pub(crate) fn two_weak_far_apart(bank: &Bank) -> Responses {
        let effort = vec![2, 2, 2, 2, 2, 3, 3, 3];
        persona(bank, &PerCause { training: vec![1], effort, discipline: healthy(), feedback: healthy() }, &[])
    }

    /// Activity on target and as high as the best months, but alone: no colleagues, no
    /// help asked, nobody reviewing the work.
    pub(crate) fn works_alone_but_busy(bank: &Bank) -> Responses {
        persona(
            bank,
            &PerCause { training: healthy(), effort: vec![5], discipline: healthy(), feedback: vec![4] },
            &[
                ("feedback-isolation", Some(1)),
                ("feedback-ask-help", Some(1)),
                ("feedback-reviewer", Some(1)),
                ("feedback-joint-calls", Some(1)),
                ("feedback-outside", Some(2)),
                ("feedback-debrief", Some(3)),
                ("feedback-numbers", Some(3)),
            ],
        )
    }

    /// Three weak causes, feedback healthy.
    pub(crate) fn broad(bank: &Bank) -> Responses {
        let p = PerCause { training: vec![1, 2], effort: vec![2, 3, 2], discipline: vec![2], feedback: healthy() };
        persona(bank, &p, &[])
    }

    /// Agrees with everything, whichever way it is keyed: raw 4s and 5s.
    pub(crate) fn yes_sayer(bank: &Bank) -> Responses {
        let mut r = Responses::default();
        for (at, item) in bank.items().iter().enumerate() {
            r.reply(&item.id, Reply::Answer(Answer::new(4 + (at % 2) as u8).unwrap()));
        }
        r
    }

    /// Every answer the raw value `v` ("Sometimes" is 3).
    pub(crate) fn uniform(bank: &Bank, v: u8) -> Responses {
        let mut r = Responses::default();
        for item in bank.items() {
            r.reply(&item.id, Reply::Answer(Answer::new(v).unwrap()));
        }
        r
    }

    /// Two answers per cause, healthy ones.
    pub(crate) fn two_per_cause(bank: &Bank) -> Responses {
        persona(bank, &PerCause::from_fn(|_| vec![5, 4, 0, 0, 0, 0, 0, 0, 0]), &[])
    }

    /// The diagnosis of answers that must carry no response-quality flag.
    fn clean(bank: &Bank, r: &Responses) -> Diagnosis {
        let d = diagnose(bank, r);
        assert!(d.flags.is_empty(), "the persona should give clean answers: {:?}", d.flags);
        d
    }

    fn score(d: &Diagnosis, c: Cause) -> u8 {
        d.causes.get(c).score.unwrap_or_else(|| panic!("{c} unscored"))
    }

    #[test]
    fn all_healthy_is_none_pattern() {
        let b = bank();
        let d = clean(&b, &with_health(&b, &PerCause::from_fn(|_| 5)));
        assert_eq!(d.pattern(), Pattern::None);
        assert_eq!(d.primary(), None);
        assert!(d.weak().is_empty());
        assert!(d.causes.iter().all(|(_, r)| r.score == Some(100) && r.band == Some(Band::Strong)));
    }

    #[test]
    fn healthy_answers_honour_keys_and_are_not_answer_style() {
        // Raw 5 on plain items and 1 on reverse ones: the key means average to 3.
        let b = bank();
        for h in 1..=5 {
            let d = diagnose(&b, &with_health(&b, &PerCause::from_fn(|_| h)));
            assert!(!d.flags.contains(&Flag::AnswerStyle), "health {h}: {:?}", d.flags);
        }
    }

    #[test]
    fn one_weak_cause_is_single() {
        let b = bank();
        let h = PerCause { training: 4, effort: 4, discipline: 1, feedback: 5 };
        let d = clean(&b, &with_health(&b, &h));
        assert_eq!(d.primary(), Some(Cause::Discipline));
        assert_eq!(d.verdict.secondary(), None);
        assert_eq!(d.pattern(), Pattern::Single);
        assert_eq!(d.causes.discipline.score, Some(0));
        assert_eq!(d.causes.discipline.pulled_down.len(), d.causes.discipline.total);
        assert_eq!(d.causes.effort.score, Some(75));
    }

    #[test]
    fn two_equal_weak_causes_are_mixed_and_tied_and_three_are_broad() {
        let b = bank();
        let d = clean(&b, &with_health(&b, &PerCause { training: 2, effort: 2, discipline: 4, feedback: 5 }));
        assert_eq!(d.pattern(), Pattern::Mixed);
        // Same score, same share of answers pulling down, no deals: nothing to choose by.
        assert!(d.verdict.tied);
        let mut weak = d.weak().to_vec();
        weak.sort();
        assert_eq!(weak, vec![Cause::Training, Cause::Effort]);
        assert_eq!(d.verdict.confidence, Confidence::Low);
        let d = clean(&b, &with_health(&b, &PerCause { training: 2, effort: 2, discipline: 2, feedback: 5 }));
        assert_eq!(d.pattern(), Pattern::Broad);
        assert_eq!(d.weak().len(), 3);
        let d = clean(&b, &with_health(&b, &PerCause { training: 1, effort: 3, discipline: 4, feedback: 5 }));
        // 0 and 50 are both weak: both are named, the far lower one first.
        assert_eq!(
            (d.primary(), d.verdict.secondary(), d.pattern()),
            (Some(Cause::Training), Some(Cause::Effort), Pattern::Mixed)
        );
        assert!(!d.verdict.tied);
    }

    #[test]
    fn too_few_answers_is_not_a_low_score() {
        let b = bank();
        let mut r = with_health(&b, &PerCause::from_fn(|_| 4));
        let effort: Vec<String> = b.items_of(Cause::Effort).map(|i| i.id.clone()).collect();
        for id in &effort[MIN_ANSWERS_PER_CAUSE - 1..] {
            r.answers.remove(id);
        }
        for id in &effort[..MIN_ANSWERS_PER_CAUSE - 1] {
            r.reply(id, Reply::Answer(raw(b.item(id).unwrap(), 1)));
        }
        let d = diagnose(&b, &r);
        assert_eq!(d.causes.effort.score, None);
        assert_eq!(d.causes.effort.band, None);
        assert_eq!(d.causes.effort.answered, MIN_ANSWERS_PER_CAUSE - 1);
        assert_eq!(d.causes.effort.missing, effort[MIN_ANSWERS_PER_CAUSE - 1..].to_vec());
        assert_eq!(d.primary(), None);
        assert_eq!((d.pattern(), d.verdict.unclear), (Pattern::Unclear, Some(Unclear::TooFew)));
    }

    #[test]
    fn enough_answers_needs_half_and_never_fewer_than_the_minimum() {
        assert!(!enough_answers(MIN_ANSWERS_PER_CAUSE - 1, MIN_ANSWERS_PER_CAUSE - 1));
        assert!(enough_answers(MIN_ANSWERS_PER_CAUSE, 8));
        assert!(!enough_answers(4, 9));
        assert!(enough_answers(5, 9));
        assert_eq!(answers_needed(9), 5);
        assert_eq!(answers_needed(8), 4);
        assert_eq!(answers_needed(2), MIN_ANSWERS_PER_CAUSE);
        for total in 0..20 {
            assert!(enough_answers(answers_needed(total), total));
            assert!(!enough_answers(answers_needed(total) - 1, total));
        }
    }

    #[test]
    fn straight_lining_is_flagged_and_varied_answers_are_not() {
        let b = bank();
        let d = diagnose(&b, &uniform(&b, 4));
        assert!(d.flags.contains(&Flag::StraightLining));
        assert!(d.flags.contains(&Flag::Contradiction), "agreeing with opposites everywhere");
        assert!(d.flags.contains(&Flag::AnswerStyle));
        let honest = with_health(&b, &PerCause { training: 2, effort: 4, discipline: 3, feedback: 5 });
        assert!(diagnose(&b, &honest).flags.is_empty());
    }

    #[test]
    fn answering_faster_than_reading_is_flagged_and_lowers_confidence_only() {
        let b = bank();
        let mut r = with_health(&b, &PerCause { training: 1, effort: 4, discipline: 5, feedback: 5 });
        r.timings = b.items().iter().map(|i| (i.id.clone(), 200)).collect::<BTreeMap<_, _>>();
        let d = diagnose(&b, &r);
        assert_eq!(d.flags, vec![Flag::TooFast]);
        assert_eq!((d.primary(), d.verdict.confidence), (Some(Cause::Training), Confidence::Low));
        r.timings = b.items().iter().map(|i| (i.id.clone(), 6000)).collect();
        let d = diagnose(&b, &r);
        assert!(!d.flags.contains(&Flag::TooFast));
        assert_eq!(d.verdict.confidence, Confidence::High);
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
            raters: Vec::new(),
        };
        let same = diagnose_result(&b, &result);
        assert_eq!(same.primary(), Some(Cause::Training), "same bank: recomputed from the answers");
        assert_eq!(same.flags, vec![Flag::TooFast], "flags as judged at the finish");
        result.bank = "groove-default".into();
        let other = diagnose_result(&b, &result);
        assert_eq!((other.primary(), other.pattern()), (Some(Cause::Effort), Pattern::Single));
        assert_eq!(other.causes.effort.band, Some(Band::Critical));
        assert!(other.causes.iter().all(|(_, r)| r.pulled_down.is_empty() && r.missing.is_empty()));
        // A first-bank result with a cause it never scored is unclear, not healthy.
        result.scores = PerCause { training: Some(90), effort: None, discipline: Some(90), feedback: Some(90) };
        result.flags.clear();
        let partial = diagnose_result(&b, &result);
        assert_eq!((partial.pattern(), partial.verdict.unclear), (Pattern::Unclear, Some(Unclear::TooFew)));
    }

    // Personas, one rule each.

    #[test]
    fn sparse_no_answers_is_unclear_too_few_never_none() {
        let b = bank();
        let d = diagnose(&b, &Responses::default());
        assert_eq!((d.pattern(), d.verdict.unclear), (Pattern::Unclear, Some(Unclear::TooFew)));
        assert_eq!(d.primary(), None);
        assert!(d.causes.iter().all(|(_, r)| r.score.is_none() && r.missing.len() == r.total));
    }

    #[test]
    fn sparse_two_answers_per_cause_is_unclear_too_few_never_none() {
        let b = bank();
        let d = diagnose(&b, &two_per_cause(&b));
        assert!(d.causes.iter().all(|(_, r)| r.answered == 2 && r.score.is_none()));
        assert_eq!((d.pattern(), d.verdict.unclear), (Pattern::Unclear, Some(Unclear::TooFew)));
        assert!(d.weak().is_empty());
    }

    #[test]
    fn uniform_sometimes_is_unclear_straight_lining_with_no_primary() {
        let b = bank();
        let d = diagnose(&b, &uniform(&b, 3));
        // Every cause scores 50, under the weak line, yet no cause is named.
        assert!(d.causes.iter().all(|(_, r)| r.score == Some(50)));
        assert_eq!((d.pattern(), d.verdict.unclear), (Pattern::Unclear, Some(Unclear::StraightLining)));
        assert_eq!(d.primary(), None);
        assert!(d.weak().is_empty());
    }

    #[test]
    fn yes_sayer_is_unclear_answer_style_never_a_cause_never_none() {
        let b = bank();
        let d = diagnose(&b, &yes_sayer(&b));
        assert!(d.flags.contains(&Flag::AnswerStyle), "{:?}", d.flags);
        assert!(!d.flags.contains(&Flag::StraightLining));
        assert_eq!((d.pattern(), d.verdict.unclear), (Pattern::Unclear, Some(Unclear::AnswerStyle)));
        assert_eq!(d.primary(), None);
        assert!(d.weak().is_empty());
        // The no-sayer, mirrored.
        let mut no = yes_sayer(&b);
        for a in no.answers.values_mut() {
            *a = Answer::new(6 - a.value()).unwrap();
        }
        assert_eq!(diagnose(&b, &no).verdict.unclear, Some(Unclear::AnswerStyle));
    }

    #[test]
    fn two_weak_causes_far_apart_are_mixed_and_both_named() {
        let b = bank();
        let d = clean(&b, &two_weak_far_apart(&b));
        assert_eq!((score(&d, Cause::Training), score(&d, Cause::Effort)), (0, 34));
        assert_eq!(d.pattern(), Pattern::Mixed);
        assert_eq!(d.weak(), &[Cause::Training, Cause::Effort]);
        assert_eq!(d.verdict.secondary(), Some(Cause::Effort));
        assert!(!d.verdict.tied);
    }

    #[test]
    fn works_alone_but_busy_is_weak_on_feedback_not_effort() {
        let b = bank();
        let d = clean(&b, &works_alone_but_busy(&b));
        assert_eq!(score(&d, Cause::Effort), 100);
        assert!(!d.weak().contains(&Cause::Effort));
        assert_eq!((d.primary(), d.pattern()), (Some(Cause::Feedback), Pattern::Single));
        let drivers: Vec<&str> = d.causes.feedback.pulled_down.iter().map(|x| x.item_id.as_str()).collect();
        assert!(drivers.contains(&"feedback-isolation") && drivers.contains(&"feedback-ask-help"), "{drivers:?}");
    }

    /// Marks `na` as "doesn't apply" on `base` and checks that every cause without such an
    /// item keeps exactly its result, and every cause with one is still scored from the rest.
    fn not_applicable_touches_only_its_cause(base: &Responses, na: &[&str]) -> Diagnosis {
        let b = bank();
        let before = diagnose(&b, base);
        let mut r = base.clone();
        for id in na {
            r.reply(id, Reply::NotApplicable);
        }
        let after = diagnose(&b, &r);
        for cause in Cause::ALL {
            let touched = na.iter().filter(|id| b.item(id).unwrap().cause == cause).count();
            let (x, y) = (before.causes.get(cause), after.causes.get(cause));
            if touched == 0 {
                assert_eq!(x, y, "{cause} changed");
                continue;
            }
            assert_eq!((y.answered, y.not_applicable), (x.answered - touched, touched));
            assert!(y.missing.iter().all(|m| !na.contains(&m.as_str())));
            let rest: Vec<(&Item, Answer)> =
                b.items_of(cause).filter_map(|i| r.answers.get(&i.id).map(|a| (i, *a))).collect();
            assert_eq!(y.score, health_score(&rest, y.total - touched));
            assert!(y.score.is_some(), "{cause} unscored");
        }
        after
    }

    #[test]
    fn new_seller_with_no_best_months_is_still_scored_on_effort() {
        let b = bank();
        let base = two_weak_far_apart(&b);
        let d = not_applicable_touches_only_its_cause(&base, &["effort-best-months", "effort-best-months-now"]);
        assert_eq!(d.causes.effort.answered, 6);
        assert!(d.weak().contains(&Cause::Effort));
        assert_eq!(d.pattern(), Pattern::Mixed);
    }

    #[test]
    fn inbound_seller_with_no_prospecting_is_still_scored() {
        let b = bank();
        let d = not_applicable_touches_only_its_cause(&closing_weak(&b), &["effort-prospecting", "training-connect"]);
        assert_eq!((d.causes.effort.not_applicable, d.causes.training.not_applicable), (1, 1));
        assert_eq!(d.primary(), Some(Cause::Training));
        // "Doesn't apply" is not unhealthy: a healthy effort score stays healthy.
        assert!(score(&d, Cause::Effort) >= WEAK_BELOW);
    }

    #[test]
    fn single_weak_cause_far_below_the_rest_is_high_confidence() {
        let b = bank();
        let p = PerCause { training: vec![1], effort: healthy(), discipline: healthy(), feedback: healthy() };
        let d = clean(&b, &persona(&b, &p, &[]));
        assert_eq!((d.pattern(), d.primary()), (Pattern::Single, Some(Cause::Training)));
        assert_eq!(d.verdict.confidence, Confidence::High);
        assert!(d.verdict.borderline.is_empty());
    }

    #[test]
    fn one_cause_just_under_the_line_is_borderline_not_high_confidence() {
        let b = bank();
        let p = PerCause {
            training: vec![2, 4, 2, 4, 2, 2, 4, 4, 3],
            effort: vec![3, 4, 3, 4, 3, 3, 3, 4],
            discipline: vec![3, 4, 3, 4, 3, 3, 3, 4],
            feedback: vec![3, 4, 3, 4, 3, 4, 3, 3, 3],
        };
        let d = clean(&b, &persona(&b, &p, &[]));
        let t = score(&d, Cause::Training);
        assert!(t < WEAK_BELOW && f64::from(WEAK_BELOW - t) < standard_error(9), "{t}");
        assert!(Cause::ALL[1..].iter().all(|&c| score(&d, c) >= WEAK_BELOW));
        assert_eq!((d.pattern(), d.primary()), (Pattern::Single, Some(Cause::Training)));
        assert_ne!(d.verdict.confidence, Confidence::High);
        assert!(d.verdict.borderline.contains(&Cause::Training), "{:?}", d.verdict.borderline);
    }

    /// Training at 50 with its close item at health 1, effort at 47 with one answer of
    /// health 2: within noise of each other.
    fn near_tie(bank: &Bank) -> Responses {
        let p = PerCause {
            training: vec![5, 3, 3, 3, 1, 3, 3, 3, 3],
            effort: vec![3, 3, 3, 3, 3, 3, 3, 2],
            discipline: healthy(),
            feedback: healthy(),
        };
        persona(bank, &p, &[])
    }

    #[test]
    fn a_tie_within_noise_is_broken_by_the_stalled_stage() {
        let b = bank();
        let r = near_tie(&b);
        let d = clean(&b, &r);
        assert_eq!((score(&d, Cause::Training), score(&d, Cause::Effort)), (50, 47));
        assert!(separation(d.causes.training.measure().unwrap(), d.causes.effort.measure().unwrap()) < 1.0);
        // No deals: one answer pulling down on each side is no evidence either way: tied.
        assert_eq!((d.weak(), d.verdict.tied), (&[Cause::Effort, Cause::Training][..], true));
        // Deals stop at Close, where the training answer pulled down: training first.
        let mut r = r;
        r.deals = ["close", "close", "close", "advise", "grow"].map(String::from).to_vec();
        let d = clean(&b, &r);
        assert_eq!((d.weak(), d.verdict.tied), (&[Cause::Training, Cause::Effort][..], false));
        // Deals stopping at a stage whose answer was healthy are no evidence.
        r.deals = ["identify"; 4].map(String::from).to_vec();
        let d = clean(&b, &r);
        assert_eq!((d.primary(), d.verdict.tied), (Some(Cause::Effort), true));
    }

    #[test]
    fn a_stored_result_keeps_the_tie_broken_by_its_deals() {
        // Every screen reads `diagnose_result`: it must reach the verdict `finish` stored.
        let b = bank();
        let mut r = near_tie(&b);
        r.deals = ["close", "close", "close", "advise", "grow"].map(String::from).to_vec();
        let result = crate::schema::StoredResult::finish("r1".into(), 1, &b, r);
        assert_eq!(result.primary, Some(Cause::Training));
        let d = diagnose_result(&b, &result);
        assert_eq!(d.primary(), result.primary);
        assert_eq!(d.weak(), &[Cause::Training, Cause::Effort]);
    }

    #[test]
    fn a_tie_with_no_evidence_names_both() {
        let b = bank();
        let p = PerCause { training: vec![3], effort: vec![3], discipline: healthy(), feedback: healthy() };
        let d = clean(&b, &persona(&b, &p, &[]));
        assert_eq!((score(&d, Cause::Training), score(&d, Cause::Effort)), (50, 50));
        assert!(d.verdict.tied);
        assert_eq!(d.pattern(), Pattern::Mixed);
        assert_eq!(d.verdict.confidence, Confidence::Low);
        let mut weak = d.weak().to_vec();
        weak.sort();
        assert_eq!(weak, vec![Cause::Training, Cause::Effort]);
    }

    #[test]
    fn change_inside_noise_is_same_and_beyond_it_is_not() {
        assert_eq!(change((50, 8), (55, 8)), Change::Same);
        assert_eq!(change((55, 8), (50, 8)), Change::Same);
        assert_eq!(change((50, 8), (90, 8)), Change::Better);
        assert_eq!(change((90, 8), (50, 8)), Change::Worse);
        // Fewer answers, more noise: the same 12 points are beyond noise only with more items.
        assert_eq!(change((50, 4), (62, 4)), Change::Same);
        assert_eq!(change((50, 9), (62, 9)), Change::Better);
    }

    #[test]
    fn standard_error_follows_the_item_count() {
        assert!((standard_error(4) - 12.5).abs() < 1e-9);
        assert!((standard_error(8) - 8.84).abs() < 0.01);
        assert!(standard_error(0).is_finite());
    }

    // Properties.

    /// Any replies: unanswered, 1..=5, or "doesn't apply" (6 here).
    fn any_responses() -> impl Strategy<Value = Responses> {
        let ids: Vec<String> = bank().items().iter().map(|i| i.id.clone()).collect();
        proptest::collection::vec(0u8..=6, ids.len()).prop_map(move |values| {
            let mut r = Responses::default();
            for (id, v) in ids.iter().zip(values) {
                match v {
                    0 => {}
                    6 => r.reply(id, Reply::NotApplicable),
                    v => r.reply(id, Reply::Answer(Answer::new(v).unwrap())),
                }
            }
            r
        })
    }

    /// Mostly answered, so that verdicts other than `unclear` come up often.
    fn mostly_answered() -> impl Strategy<Value = Responses> {
        let ids: Vec<String> = bank().items().iter().map(|i| i.id.clone()).collect();
        (proptest::collection::vec(1u8..=5, ids.len()), proptest::collection::vec(0u8..12, ids.len())).prop_map(
            move |(values, skip)| {
                let mut r = Responses::default();
                for ((id, v), s) in ids.iter().zip(values).zip(skip) {
                    match s {
                        0 => {}
                        1 => r.reply(id, Reply::NotApplicable),
                        _ => r.reply(id, Reply::Answer(Answer::new(v).unwrap())),
                    }
                }
                r
            },
        )
    }

    fn verdict_rules_hold(d: &Diagnosis) -> Result<(), TestCaseError> {
        let v = &d.verdict;
        let unscored = d.causes.iter().any(|(_, r)| r.score.is_none());
        if unscored {
            prop_assert_ne!(v.pattern, Pattern::None);
            prop_assert_eq!(v.pattern, Pattern::Unclear);
        }
        if v.pattern == Pattern::Unclear {
            prop_assert!(v.unclear.is_some());
            prop_assert!(v.primary.is_none() && v.weak.is_empty() && !v.tied);
            return Ok(());
        }
        prop_assert!(v.unclear.is_none());
        let mut weak = v.weak.clone();
        weak.sort();
        let below: Vec<Cause> =
            Cause::ALL.into_iter().filter(|&c| d.causes.get(c).score.unwrap() < WEAK_BELOW).collect();
        prop_assert_eq!(weak, below);
        prop_assert_eq!(v.primary, v.weak.first().copied());
        if let Some(p) = v.primary {
            prop_assert!(v.weak.contains(&p));
        }
        let expected = match v.weak.len() {
            0 => Pattern::None,
            1 => Pattern::Single,
            2 => Pattern::Mixed,
            _ => Pattern::Broad,
        };
        prop_assert_eq!(v.pattern, expected);
        Ok(())
    }

    fn default_value() -> serde_json::Value {
        serde_json::from_str(crate::bank::DEFAULT_BANK_JSON).unwrap()
    }

    proptest! {
        #[test]
        fn scores_stay_in_range_for_any_subset(r in any_responses()) {
            let d = diagnose(&bank(), &r);
            for (_, c) in d.causes.iter() {
                if let Some(s) = c.score { prop_assert!(s <= 100); }
                prop_assert_eq!(c.score.is_some(), enough_answers(c.answered, c.total - c.not_applicable));
                prop_assert_eq!(c.answered + c.not_applicable + c.missing.len(), c.total);
            }
            verdict_rules_hold(&d)?;
        }

        #[test]
        fn verdict_rules_hold_for_mostly_answered(r in mostly_answered(), deals in proptest::collection::vec(0usize..6, 0..10)) {
            let b = bank();
            let mut r = r;
            r.deals = deals.into_iter().map(|i| b.stages()[i].id.clone()).collect();
            verdict_rules_hold(&diagnose(&b, &r))?;
        }

        #[test]
        fn a_result_is_never_none_while_a_cause_is_unscored(r in mostly_answered(), cause in 0usize..4) {
            let b = bank();
            let mut r = r;
            for item in b.items_of(Cause::ALL[cause]) {
                r.answers.remove(&item.id);
                r.not_applicable.remove(&item.id);
            }
            let d = diagnose(&b, &r);
            prop_assert_eq!(d.causes.get(Cause::ALL[cause]).score, None);
            prop_assert_eq!(d.pattern(), Pattern::Unclear);
        }

        #[test]
        fn doesnt_apply_on_one_cause_never_changes_another(r in mostly_answered(), cause in 0usize..4, pick in proptest::collection::vec(any::<bool>(), 9)) {
            let b = bank();
            let cause = Cause::ALL[cause];
            let mut na = r.clone();
            for (item, &p) in b.items_of(cause).zip(&pick) {
                if p { na.reply(&item.id, Reply::NotApplicable); }
            }
            let (before, after) = (diagnose(&b, &r), diagnose(&b, &na));
            for other in Cause::ALL.into_iter().filter(|&c| c != cause) {
                prop_assert_eq!(before.causes.get(other), after.causes.get(other));
            }
        }

        #[test]
        fn reordering_the_banks_items_never_changes_the_verdict(
            r in mostly_answered(),
            order in Just((0..34usize).collect::<Vec<_>>()).prop_shuffle(),
            deals in proptest::collection::vec(0usize..6, 0..10),
        ) {
            let b = bank();
            let mut v = default_value();
            let items = v["items"].as_array().unwrap().clone();
            prop_assume!(items.len() == order.len());
            v["items"] = order.iter().map(|&i| items[i].clone()).collect();
            let shuffled = Bank::parse(&v.to_string()).unwrap();
            let mut r = r;
            r.deals = deals.into_iter().map(|i| b.stages()[i].id.clone()).collect();
            let (x, y) = (diagnose(&b, &r), diagnose(&shuffled, &r));
            prop_assert_eq!(&x.verdict, &y.verdict);
            prop_assert_eq!(x.scores(), y.scores());
            prop_assert_eq!(x.flags, y.flags);
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
        fn a_clearly_lowest_cause_is_primary(low in 0usize..4, lows in proptest::collection::vec(1u8..=2, 9), highs in proptest::collection::vec(4u8..=5, 34)) {
            let b = bank();
            let weak = Cause::ALL[low];
            let mut r = Responses::default();
            let (mut l, mut h) = (lows.iter().cycle(), highs.iter().cycle());
            for item in b.items() {
                let health = if item.cause == weak { *l.next().unwrap() } else { *h.next().unwrap() };
                r.answers.insert(item.id.clone(), raw(item, health));
            }
            let d = diagnose(&b, &r);
            prop_assert_eq!(d.primary(), Some(weak));
            prop_assert_eq!(d.pattern(), Pattern::Single);
            prop_assert_eq!(d.verdict.confidence, Confidence::High);
        }
    }
}
