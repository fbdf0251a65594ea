//! The verdict in words: the headline, how sure, and what was not measured. Used by the
//! result, the shared view and history, so every screen says the same thing; every
//! sentence is here, in one place for translation.

use groove_core::bank::Bank;
use groove_core::diagnosis::{Confidence, Unclear, Verdict};
use groove_core::plan::{Check, Contradiction, PlanKind};
use groove_core::{Cause, Pattern};

fn name(bank: &Bank, c: Cause) -> String {
    bank.cause(c).name.clone()
}

/// "A", "A and B", "A, B and C": every list of names a sentence carries.
pub fn list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

/// The causes' names, as a [`list`].
pub fn names(bank: &Bank, causes: &[Cause]) -> String {
    list(&causes.iter().map(|&c| name(bank, c)).collect::<Vec<_>>())
}

/// Who says otherwise ("your numbers", "the people you asked", or both), and why that
/// comes first.
fn sources(contradicted: &[Contradiction]) -> (&'static str, &'static str) {
    let by = |check| contradicted.iter().any(|c| c.by.contains(&check));
    match (by(Check::Numbers), by(Check::Outside)) {
        (true, true) => (
            "your numbers and the people you asked",
            "What you did and what others see outweigh a self-check, so the plan starts there.",
        ),
        (true, false) => ("your numbers", "What you did outweighs how it feels, so the plan starts there."),
        _ => (
            "the people you asked",
            "Others often see what a self-check cannot, so the plan starts there: ask them what they saw.",
        ),
    }
}

/// The headline and the line under it. `kind` tells "look outward" from "no habit stands
/// out"; `contradicted` names the causes the numbers or the raters do not see as healthy.
pub fn headline(bank: &Bank, v: &Verdict, kind: PlanKind, contradicted: &[Contradiction]) -> (String, String) {
    let sure = |high: &str, moderate: &str, low: &str| -> String {
        match v.confidence {
            Confidence::High => high,
            Confidence::Moderate => moderate,
            Confidence::Low => low,
        }
        .to_string()
    };
    // Who contradicts the answers, why that comes first, and about which causes.
    let (who, why) = sources(contradicted);
    let questioned = names(bank, &contradicted.iter().map(|c| c.cause).collect::<Vec<_>>());
    let said = match (v.pattern, v.weak.as_slice()) {
        (Pattern::Single, [p, ..]) => (
            format!("What holds you back most: {}", name(bank, *p)),
            sure(
                "One clear cause stands out: the gap to the next one is well beyond the margin of error.",
                "One cause stands out, though not by a wide margin.",
                "This is the lowest score, but the margin of error, or answers given too fast, leave room for doubt.",
            ),
        ),
        (Pattern::Mixed, [p, s, ..]) if v.tied => (
            format!("Two causes, equally: {} and {}", name(bank, *p), name(bank, *s)),
            "They are too close to tell apart, so work on both.".into(),
        ),
        (Pattern::Mixed, [p, s, ..]) => (
            format!("Two causes hold you back: {}, then {}", name(bank, *p), name(bank, *s)),
            sure(
                "Both are weak; the first is clearly the weaker, so start there.",
                "Both are weak; start with the first, and keep the second in view.",
                "Both are weak; which one comes first is not certain, so work on both.",
            ),
        ),
        (Pattern::Broad, [p, ..]) => (
            format!("Several causes at once: {}", names(bank, &v.weak)),
            format!("A broad picture: several things slipped together. One step at a time, starting with {}.", name(bank, *p)),
        ),
        (Pattern::None, _) if !contradicted.is_empty() => (
            format!("Healthy in your answers, not in {who}"),
            format!("Every cause looks healthy in your own answers, but {who} tell a different story about {questioned}. {why}"),
        ),
        (Pattern::None, _) if kind == PlanKind::Outward => (
            "No habit of yours stands out".into(),
            "Every cause was measured and looks healthy, and you named changes around you: look outward too, at leads, territory and the market.".into(),
        ),
        (Pattern::None, _) => (
            "No habit of yours stands out".into(),
            "Every cause was measured and looks healthy in your own answers. Ask someone who sees your work for their view: what a self-check cannot see often shows from outside.".into(),
        ),
        _ => {
            let why = match v.unclear {
                Some(Unclear::StraightLining) => "Almost every answer was the same, so the scores cannot tell your causes apart.",
                Some(Unclear::AnswerStyle) => "Most statements got the same kind of answer whichever way they were worded, so the scores show a way of answering more than your habits.",
                Some(Unclear::Contradiction) => "Several pairs of opposite statements got the same answer, so the scores cannot be trusted to point at a cause.",
                _ => "Some causes have too few answers to be scored, so Groove cannot say which one holds you back, or that none does.",
            };
            let title = if v.unclear == Some(Unclear::TooFew) { "Not enough answers to tell" } else { "These answers cannot tell the causes apart" };
            (title.into(), why.into())
        }
    };
    // A weak cause of the answers' own, and one the numbers or the raters contradict: the
    // certainty of the answers alone is not claimed, and the other cause is named here.
    match v.pattern {
        Pattern::Single | Pattern::Mixed | Pattern::Broad if !contradicted.is_empty() => {
            let them = if contradicted.len() > 1 { "them" } else { "it" };
            let also = format!(
                "Your own answers start here, but {who} tell a different story about {questioned}, so the plan covers {them} too."
            );
            (said.0, also)
        }
        _ => said,
    }
}

/// How sure, in a few words. With no weak cause, the certainty is how far the lowest score
/// stands above the weak line (see `diagnosis::verdict`), and it is said so; when the
/// numbers or the raters contradict a cause, the answers alone are not the whole story.
pub fn confidence(v: &Verdict, contradicted: &[Contradiction]) -> String {
    if v.pattern != Pattern::Unclear && !contradicted.is_empty() {
        return format!(
            "How sure: less than your answers alone would say, because {} disagree with them.",
            sources(contradicted).0
        );
    }
    match (v.pattern, v.confidence) {
        (Pattern::Unclear, _) => "How sure: not enough to go on.",
        (Pattern::None, Confidence::High) => {
            "How sure: high. Even the lowest score is above the weak line by more than twice its margin of error."
        }
        (Pattern::None, Confidence::Moderate) => {
            "How sure: moderate. The lowest score is above the weak line by more than its margin of error, but not by twice."
        }
        (Pattern::None, Confidence::Low) => {
            "How sure: low. The lowest score is within its margin of error of the weak line, or the answers were too quick to rely on."
        }
        (_, Confidence::High) => "How sure: high. The scores are apart by more than twice their margin of error.",
        (_, Confidence::Moderate) => {
            "How sure: moderate. The scores are apart by more than their margin of error, but not by twice."
        }
        (_, Confidence::Low) => {
            "How sure: low. The difference is inside the margin of error, or the answers were too quick to rely on."
        }
    }.into()
}

/// The causes near the weak line, when any.
pub fn borderline(bank: &Bank, v: &Verdict) -> Option<String> {
    (!v.borderline.is_empty()).then(|| {
        format!("Near the line between healthy and weak, within the margin of error: {}.", names(bank, &v.borderline))
    })
}

/// The causes without a score.
pub fn not_measured(bank: &Bank, unscored: &[Cause]) -> Option<String> {
    (!unscored.is_empty())
        .then(|| format!("Not measured (too few answers): {}. Nothing is said about them.", names(bank, unscored)))
}

/// A stored result's verdict in a few words, for lists (history, its compare pickers, the
/// team view): the pattern and primary cause kept at the finish, judged by the same rule.
pub fn stored(bank: &Bank, pattern: Pattern, primary: Option<Cause>) -> String {
    match (pattern, primary) {
        (Pattern::Unclear, _) => "Unclear".into(),
        (Pattern::None, _) | (_, None) => "No habit stands out".into(),
        (Pattern::Single, Some(c)) => name(bank, c),
        (_, Some(c)) => format!("{} and more", name(bank, c)),
    }
}
