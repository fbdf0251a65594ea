//! Self and outside, side by side: what the seller says of their habits against what the
//! people who rated them (`schema::Rater`) see.
//!
//! The rules, in one place:
//! - Per item, the outside view is the mean health (1..=5, the item's key applied) of the
//!   raters who judged it; "I can't judge this" counts as no answer.
//! - Per cause, the outside score is scored by the seller's own rule
//!   (`diagnosis::enough_answers`: half the items, never fewer than four, judged), from the
//!   items' means, with the same standard error; its verdict is `diagnosis::verdict`.
//! - A blind spot is an item the raters see two or more steps less healthy than the seller
//!   does; a hidden strength is the reverse. The largest gap comes first; between equal
//!   gaps, the habit of the cause the raters score lowest (highest, for hidden strengths),
//!   then the bank's order. An item the seller did not answer (or said does not apply) is
//!   neither.
//! - A rater whose answers fail the seller's own response-quality rules
//!   (`diagnosis::flags`: straight-lining, an answer style, contradicting pairs) is set
//!   aside: counted, named, and left out of everything above.
//! - The two views disagree on where to start when the seller's primary cause looks
//!   healthy from outside, or when the raters' view starts clearly (beyond noise) at a
//!   cause the seller measured healthy (see `Outside::disagreement`). When the raters could
//!   not judge a cause, the causes they did judge are still compared, and the rest named.

use crate::answers::Responses;
use crate::bank::Bank;
use crate::cause::{Cause, PerCause};
use crate::diagnosis::{enough_answers, separation, verdict, Evidence, Flag, Verdict, WEAK_BELOW};
use crate::rater::View;

/// How many steps of the five-point scale apart the two views must be for an item to be a
/// blind spot or a hidden strength.
pub const GAP_STEPS: f64 = 2.0;

/// One item seen from both sides.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    pub item: String,
    pub cause: Cause,
    /// The seller's own health for it (1..=5), if answered.
    pub own: Option<u8>,
    /// The raters' mean health for it (1.0..=5.0), if any judged it.
    pub others: Option<f64>,
    /// How many raters judged it.
    pub judged_by: usize,
}

impl ItemView {
    /// Own minus others, in scale steps, when both exist: positive when the seller sees
    /// the habit as healthier than the raters do.
    pub fn gap(&self) -> Option<f64> {
        Some(f64::from(self.own?) - self.others?)
    }
}

/// The outside view of one result.
#[derive(Clone, Debug, PartialEq)]
pub struct Outside {
    /// Every rater kept, whether or not their view is used.
    pub raters: usize,
    /// Raters whose answers would void the seller's own verdict (straight-lining, an
    /// answer style, contradicting pairs), by their place in the list given to
    /// [`compare`], with the reason: their view is left out of everything below.
    pub set_aside: Vec<(usize, Flag)>,
    /// The raters' score per cause (0..=100), by the seller's own scoring rule.
    pub scores: PerCause<Option<u8>>,
    /// Items judged by at least one rater, per cause.
    pub judged: PerCause<usize>,
    pub items: Vec<ItemView>,
    /// Item ids, the largest gap first.
    pub blind_spots: Vec<String>,
    pub hidden_strengths: Vec<String>,
    pub verdict: Verdict,
}

/// Where the seller's verdict and the raters' part ways on where to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// The seller's primary cause, if any.
    pub own: Option<Cause>,
    /// Where the raters' view starts: its primary cause and any weak cause within noise of
    /// it (empty when it finds no cause weak).
    pub outside: Vec<Cause>,
    /// Causes the raters could not judge (too few statements), when they judged others.
    pub unjudged: Vec<Cause>,
}

fn score_of(healths: &[f64]) -> u8 {
    let mean = healths.iter().sum::<f64>() / healths.len() as f64;
    ((mean - 1.0) * 25.0).round().clamp(0.0, 100.0) as u8
}

/// The outside view of a result answered as `own`, from its raters' views. None when no
/// rater is kept.
pub fn compare(bank: &Bank, own: &Responses, all: &[&View]) -> Option<Outside> {
    if all.is_empty() {
        return None;
    }
    // The seller's own rules of response quality, applied to each rater's answers.
    let set_aside: Vec<(usize, Flag)> = all
        .iter()
        .enumerate()
        .filter_map(|(at, view)| {
            let answers = Responses { answers: view.answers.clone(), ..Responses::default() };
            crate::diagnosis::flags(bank, &answers).into_iter().find(|f| f.voids_verdict()).map(|f| (at, f))
        })
        .collect();
    let raters: Vec<&View> =
        all.iter().enumerate().filter(|(at, _)| !set_aside.iter().any(|(x, _)| x == at)).map(|(_, v)| *v).collect();
    let items: Vec<ItemView> = bank
        .items()
        .iter()
        .map(|item| {
            let seen: Vec<f64> = raters
                .iter()
                .filter_map(|r| r.answers.get(&item.id))
                .map(|a| f64::from(a.health(item.reverse)))
                .collect();
            ItemView {
                item: item.id.clone(),
                cause: item.cause,
                own: own.answers.get(&item.id).map(|a| a.health(item.reverse)),
                others: (!seen.is_empty()).then(|| seen.iter().sum::<f64>() / seen.len() as f64),
                judged_by: seen.len(),
            }
        })
        .collect();
    let of_cause = |c: Cause| items.iter().filter(move |i| i.cause == c);
    let judged = PerCause::from_fn(|c| of_cause(c).filter(|i| i.others.is_some()).count());
    let scores = PerCause::from_fn(|c| {
        let healths: Vec<f64> = of_cause(c).filter_map(|i| i.others).collect();
        enough_answers(healths.len(), of_cause(c).count()).then(|| score_of(&healths))
    });
    let evidence = PerCause::from_fn(|c| Evidence {
        score: *scores.get(c),
        answered: *judged.get(c),
        low: of_cause(c).filter(|i| i.others.is_some_and(|h| h <= 2.0)).count(),
        stall: false,
    });
    // The largest gap first; between equal gaps, the habit of the cause the raters score
    // lowest (for blind spots; highest for hidden strengths), so the bank's order decides
    // only between habits of one cause.
    let ranked = |sign: f64| {
        let cause_rank = |c: Cause| scores.get(c).map_or(i32::MAX, |s| i32::from(s) * sign as i32);
        let mut found: Vec<(f64, i32, usize, &ItemView)> = items
            .iter()
            .enumerate()
            .filter_map(|(at, i)| i.gap().map(|g| (g * sign, cause_rank(i.cause), at, i)))
            .filter(|(g, _, _, _)| *g >= GAP_STEPS)
            .collect();
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        found.into_iter().map(|(_, _, _, i)| i.item.clone()).collect::<Vec<_>>()
    };
    Some(Outside {
        raters: all.len(),
        set_aside,
        blind_spots: ranked(1.0),
        hidden_strengths: ranked(-1.0),
        verdict: verdict(&evidence, &[]),
        scores,
        judged,
        items,
    })
}

/// The label of the answer nearest a health (1.0..=5.0, a rater's mean or the seller's
/// own) on `item`'s scale, its key applied: how a side of the comparison is said.
pub fn label<'b>(bank: &'b Bank, item: &str, health: f64) -> Option<&'b str> {
    let item = bank.item(item)?;
    let raw = crate::Answer::new(health.round().clamp(1.0, 5.0) as u8)?.health(item.reverse);
    Some(bank.scale_label(item.scale, raw))
}

/// The outside view of a stored result: compared item by item only when its answers were
/// given to `bank`'s items; a result taken with another bank, or kept from a share link,
/// compares causes only. None when no rater is kept.
pub fn of_result(bank: &Bank, result: &crate::schema::StoredResult) -> Option<Outside> {
    let none = Responses::default();
    let own = if result.taken_with(bank) { &result.responses } else { &none };
    compare(bank, own, &result.views())
}

impl Outside {
    pub fn item(&self, id: &str) -> Option<&ItemView> {
        self.items.iter().find(|i| i.item == id)
    }

    /// Where the raters' view and the seller's part ways on the cause to start with: the
    /// seller's primary cause is measured from outside and healthy there, or the raters'
    /// view starts clearly (beyond noise of the seller's primary, in its own scores) at a
    /// cause the seller measured healthy. None when they agree, when the seller's answers
    /// carry no verdict, or when the raters measured too little to say; causes the raters
    /// could not judge are left out and named, the rest said. The outside side names every
    /// weak cause within noise of the one the raters' view starts with, so a tie there is
    /// never passed off as one cause.
    pub fn disagreement(&self, own: &Verdict, own_scores: &PerCause<Option<u8>>) -> Option<Disagreement> {
        // The seller's own answers carry no verdict: nothing to part ways with.
        if own.pattern == crate::Pattern::Unclear {
            return None;
        }
        let healthy = |scores: &PerCause<Option<u8>>, c: Cause| scores.get(c).is_some_and(|s| s >= WEAK_BELOW);
        let measure = |c: Cause| Some(((*self.scores.get(c))?, *self.judged.get(c)));
        let near = |a: Cause, b: Cause| match (measure(a), measure(b)) {
            (Some(x), Some(y)) => separation(x, y) < 1.0,
            _ => false,
        };
        // The raters' own verdict, or, when they could not judge every cause (their verdict
        // is then "too few"), the causes they did score weak, lowest first: what they saw
        // is still said, and the causes they could not judge stay out of it.
        let partial = self.verdict.unclear == Some(crate::diagnosis::Unclear::TooFew);
        let unjudged: Vec<Cause> = if partial {
            Cause::ALL.into_iter().filter(|&c| self.scores.get(c).is_none()).collect()
        } else {
            Vec::new()
        };
        let weak: Vec<Cause> = if partial {
            let mut scored: Vec<(u8, Cause)> = Cause::ALL
                .into_iter()
                .filter_map(|c| self.scores.get(c).filter(|&s| s < WEAK_BELOW).map(|s| (s, c)))
                .collect();
            scored.sort();
            scored.into_iter().map(|(_, c)| c).collect()
        } else {
            self.verdict.weak.clone()
        };
        let first = weak.first().copied();
        let pointed: Vec<Cause> = match first {
            Some(q) => weak.iter().copied().filter(|&c| c == q || near(c, q)).collect(),
            None => Vec::new(),
        };
        let mine = own.primary;
        let mine_healthy_outside = mine.is_some_and(|p| healthy(&self.scores, p));
        let clearly_elsewhere = first
            .is_some_and(|q| Some(q) != mine && healthy(own_scores, q) && mine.is_none_or(|p| !pointed.contains(&p)));
        (mine_healthy_outside || clearly_elsewhere).then_some(Disagreement { own: mine, outside: pointed, unjudged })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, Reply};
    use crate::diagnosis::{diagnose, Pattern};

    fn bank() -> Bank {
        Bank::default_bank().unwrap()
    }

    /// Answers every item at `health` (1..=5), the key applied.
    fn at_health(b: &Bank, health: impl Fn(&crate::bank::Item) -> u8) -> Responses {
        let mut r = Responses::default();
        for item in b.items() {
            let h = health(item);
            let raw = if item.reverse { 6 - h } else { h };
            r.reply(&item.id, Reply::Answer(Answer::new(raw).unwrap()));
        }
        r
    }

    fn as_view(r: &Responses) -> View {
        View { answers: r.answers.clone(), cant_judge: Default::default() }
    }

    #[test]
    fn no_rater_no_outside_view() {
        let b = bank();
        assert_eq!(compare(&b, &Responses::default(), &[]), None);
    }

    #[test]
    fn blind_spots_and_hidden_strengths_need_two_steps_and_come_largest_first() {
        let b = bank();
        let own = at_health(&b, |_| 4);
        let rater = at_health(&b, |i| match i.id.as_str() {
            "effort-prospecting" => 1,   // 3 steps less healthy: a blind spot
            "discipline-follow-up" => 2, // 2 steps: a blind spot
            "feedback-debrief" => 3,     // 1 step: nothing
            _ => 4,
        });
        let mut other = at_health(&b, |_| 4);
        other.answers.remove("feedback-debrief");
        let out = compare(&b, &own, &[&as_view(&rater)]).unwrap();
        assert_eq!(out.blind_spots, vec!["effort-prospecting", "discipline-follow-up"]);
        assert!(out.hidden_strengths.is_empty());
        // Seen from the other side, the same gaps are hidden strengths.
        let out = compare(&b, &rater, &[&as_view(&own)]).unwrap();
        assert_eq!(out.hidden_strengths, vec!["effort-prospecting", "discipline-follow-up"]);
        // Two raters are averaged: one who sees it as the seller does halves the gap.
        let out = compare(&b, &own, &[&as_view(&rater), &as_view(&other)]).unwrap();
        assert!(out.blind_spots.is_empty(), "{:?}", out.blind_spots);
        assert_eq!(out.item("effort-prospecting").unwrap().others, Some(2.5));
        assert_eq!(out.item("feedback-debrief").unwrap().judged_by, 1);
    }

    #[test]
    fn an_item_the_seller_left_or_said_does_not_apply_is_never_a_gap() {
        let b = bank();
        let mut own = at_health(&b, |_| 5);
        own.reply("effort-prospecting", Reply::NotApplicable);
        own.answers.remove("discipline-plan");
        let rater = at_health(&b, |_| 1);
        let out = compare(&b, &own, &[&as_view(&rater)]).unwrap();
        assert!(!out.blind_spots.iter().any(|i| i == "effort-prospecting" || i == "discipline-plan"));
        assert_eq!(out.blind_spots.len(), b.items().len() - 2);
    }

    #[test]
    fn outside_scores_follow_the_sellers_rule_and_cant_judge_is_no_answer() {
        let b = bank();
        let own = at_health(&b, |_| 3);
        let mut rater = as_view(&at_health(&b, |i| if i.cause == Cause::Effort { 1 } else { 5 }));
        let out = compare(&b, &own, &[&rater]).unwrap();
        assert_eq!(out.scores.effort, Some(0));
        assert_eq!(out.scores.training, Some(100));
        assert_eq!(out.verdict.primary, Some(Cause::Effort));
        // Judging too few feedback items leaves that cause unscored, and the outside verdict unclear.
        for item in b.items_of(Cause::Feedback).skip(2) {
            rater.answers.remove(&item.id);
            rater.cant_judge.insert(item.id.clone());
        }
        let out = compare(&b, &own, &[&rater]).unwrap();
        assert_eq!((out.scores.feedback, out.judged.feedback), (None, 2));
        assert_eq!(out.verdict.pattern, Pattern::Unclear);
    }

    #[test]
    fn the_views_disagree_when_they_start_in_different_places() {
        let b = bank();
        // The seller finds discipline weak; the rater sees effort weak and discipline fine.
        let own = at_health(&b, |i| if i.cause == Cause::Discipline { 2 } else { 4 });
        let rater = at_health(&b, |i| if i.cause == Cause::Effort { 2 } else { 4 });
        let d = diagnose(&b, &own);
        assert_eq!(d.primary(), Some(Cause::Discipline));
        let out = compare(&b, &own, &[&as_view(&rater)]).unwrap();
        assert_eq!(
            out.disagreement(&d.verdict, &d.scores()),
            Some(Disagreement { own: Some(Cause::Discipline), outside: vec![Cause::Effort], unjudged: vec![] })
        );
        // The same view: no disagreement.
        let out = compare(&b, &own, &[&as_view(&own)]).unwrap();
        assert_eq!(out.disagreement(&d.verdict, &d.scores()), None);
        // The seller sees nothing weak; the rater does, in a cause the seller scored healthy.
        let fine = at_health(&b, |_| 4);
        let d = diagnose(&b, &fine);
        assert_eq!(d.primary(), None);
        let out = compare(&b, &fine, &[&as_view(&rater)]).unwrap();
        assert_eq!(
            out.disagreement(&d.verdict, &d.scores()),
            Some(Disagreement { own: None, outside: vec![Cause::Effort], unjudged: vec![] })
        );
        // The rater sees nothing weak where the seller does.
        let out = compare(&b, &own, &[&as_view(&fine)]).unwrap();
        assert_eq!(
            out.disagreement(&diagnose(&b, &own).verdict, &diagnose(&b, &own).scores()),
            Some(Disagreement { own: Some(Cause::Discipline), outside: vec![], unjudged: vec![] })
        );
    }

    #[test]
    fn a_raters_answers_that_would_void_the_sellers_verdict_are_set_aside() {
        let b = bank();
        let own = at_health(&b, |_| 4);
        // "Agree" or "often" on all 34, whichever way each is worded.
        let mut same = View::default();
        for item in b.items() {
            same.answers.insert(item.id.clone(), Answer::new(4).unwrap());
        }
        let out = compare(&b, &own, &[&same]).unwrap();
        assert_eq!((out.raters, out.set_aside.as_slice()), (1, &[(0, Flag::StraightLining)][..]));
        assert!(Cause::ALL.iter().all(|&c| out.scores.get(c).is_none()), "{:?}", out.scores);
        assert!(out.blind_spots.is_empty() && out.hidden_strengths.is_empty());
        assert_eq!(out.disagreement(&diagnose(&b, &own).verdict, &diagnose(&b, &own).scores()), None);
        // Beside a rater whose answers hold, only theirs count.
        let good = as_view(&at_health(&b, |i| if i.cause == Cause::Effort { 1 } else { 4 }));
        let out = compare(&b, &own, &[&same, &good]).unwrap();
        assert_eq!((out.raters, out.set_aside.len()), (2, 1));
        assert_eq!(*out.scores.get(Cause::Effort), Some(0));
        assert!(out.items.iter().all(|i| i.judged_by <= 1));
    }

    #[test]
    fn between_equal_gaps_the_habit_of_the_cause_seen_weakest_comes_first() {
        let b = bank();
        let own = at_health(&b, |_| 5);
        // Every habit two steps lower from outside, but discipline's a third step lower
        // on half its items: it is the weakest cause from outside.
        let pos = |i: &crate::bank::Item| b.items_of(i.cause).position(|x| x.id == i.id).unwrap_or(0);
        let seen = as_view(&at_health(&b, |i| if i.cause == Cause::Discipline && pos(i) % 2 == 1 { 2 } else { 3 }));
        let out = compare(&b, &own, &[&seen]).unwrap();
        assert_eq!(out.set_aside, vec![]);
        let first = b.item(&out.blind_spots[0]).unwrap();
        assert_eq!(first.cause, Cause::Discipline);
        // The three-step gaps first, then the two-step ones of discipline before the rest.
        let causes: Vec<Cause> = out.blind_spots.iter().map(|id| b.item(id).unwrap().cause).collect();
        let discipline = causes.iter().filter(|&&c| c == Cause::Discipline).count();
        assert!(causes[..discipline].iter().all(|&c| c == Cause::Discipline), "{causes:?}");
    }

    #[test]
    fn what_raters_saw_is_said_even_when_they_could_not_judge_every_cause() {
        let b = bank();
        // The seller finds discipline weak; the rater sees effort weak, discipline healthy,
        // and could not judge most of feedback.
        let own = at_health(&b, |i| if i.cause == Cause::Discipline { 2 } else { 4 });
        let d = diagnose(&b, &own);
        let mut rater = as_view(&at_health(&b, |i| if i.cause == Cause::Effort { 1 } else { 4 }));
        for item in b.items_of(Cause::Feedback).skip(2) {
            rater.answers.remove(&item.id);
        }
        let out = compare(&b, &own, &[&rater]).unwrap();
        assert_eq!(*out.scores.get(Cause::Feedback), None);
        assert_eq!(out.verdict.unclear, Some(crate::diagnosis::Unclear::TooFew));
        assert_eq!(
            out.disagreement(&d.verdict, &d.scores()),
            Some(Disagreement {
                own: Some(Cause::Discipline),
                outside: vec![Cause::Effort],
                unjudged: vec![Cause::Feedback]
            })
        );
    }

    #[test]
    fn a_tie_from_outside_is_not_passed_off_as_one_cause() {
        let b = bank();
        // The seller finds effort weak; the rater sees every cause equally weak.
        let own = at_health(&b, |i| if i.cause == Cause::Effort { 2 } else { 5 });
        let d = diagnose(&b, &own);
        // Varied answers (2 and 4 in turn within each cause), so the view is not set aside,
        // about 50 everywhere: effort is among the weak from outside too.
        let pos = |i: &crate::bank::Item| b.items_of(i.cause).position(|x| x.id == i.id).unwrap_or(0);
        // Opposite pairs "sometimes" (3), on neither side, so they never contradict.
        let paired = |i: &crate::bank::Item| {
            i.opposite.is_some() || b.items().iter().any(|x| x.opposite.as_deref() == Some(i.id.as_str()))
        };
        let all_weak = at_health(&b, |i| {
            if paired(i) {
                3
            } else if pos(i) % 2 == 0 {
                2
            } else {
                4
            }
        });
        let mut rater = as_view(&all_weak);
        let out = compare(&b, &own, &[&rater]).unwrap();
        assert_eq!(out.set_aside, vec![]);
        assert!(out.verdict.tied, "{:?} {:?}", out.scores, out.verdict);
        assert_eq!(out.disagreement(&d.verdict, &d.scores()), None, "effort is weak in both views");
        // Effort seen healthy from outside, the rest tied: both sides are said, every tied cause named.
        for item in b.items_of(Cause::Effort) {
            let h = 5;
            rater.answers.insert(item.id.clone(), Answer::new(if item.reverse { 6 - h } else { h }).unwrap());
        }
        let out = compare(&b, &own, &[&rater]).unwrap();
        let dis = out.disagreement(&d.verdict, &d.scores()).unwrap();
        assert_eq!(dis.own, Some(Cause::Effort));
        assert_eq!(dis.outside.len(), 3, "{dis:?}");
    }
}
