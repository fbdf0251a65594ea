//! The plan: this seller's own actions for the next 7 / 30 / 90 days, chosen from the bank
//! by the verdict and the evidence behind it, plus strengths, stories, self-talk and the
//! slump's urgency.
//!
//! How actions are chosen, for each weak cause (every one of them, the primary first):
//! each of the cause's actions is rated by the answers it answers to (an answer of health 1
//! counts 4, health 2 counts 3, health 3 counts 1; healthy answers count nothing) plus 5
//! when it works on the stage where most of the last deals stopped. An action on a stage
//! whose own answer was healthy, and that is not the stalled stage, is left out: nobody
//! needs drills for a step they do well. The best-rated actions are taken (the primary
//! cause gets three a horizon, two when three or more causes are weak; every other weak
//! cause gets one), ties in bank order. A long, deep slump puts the bank's `severe`
//! actions first. With the seller's numbers, the actions marked `"numbers": "lead"` start
//! with the daily number their target needs (`numbers::work_out`), and those marked
//! `"skip"` (counting a week now against a best week) are left out.
//!
//! A cause the answers call healthy that the numbers or the raters contradict
//! ([`contradictions`]) joins the focus after the weak causes, with one action a horizon
//! (three when no cause is weak), rated by the raters' view of its items and by the answers
//! the numbers show to claim too much; when nothing rates, the action the daily number
//! leads, else its first. It is never a strength.

use crate::answers::Responses;
use crate::bank::{Action, Bank, Horizons, Story};
use crate::cause::Cause;
use crate::diagnosis::{Diagnosis, Pattern};
use crate::stall::Funnel;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanAction {
    pub id: String,
    /// None for actions that belong to no cause (outward, no cause, severe).
    pub cause: Option<Cause>,
    pub text: String,
    /// The person's own data this action rests on, said first ("Your last 8 deals stop…").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
}

/// Which kind of plan the verdict calls for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// Work on the weak causes.
    Causes,
    /// Every cause healthy and an outside change named: look outward.
    Outward,
    /// Every cause healthy, no outside change named: ask someone who sees the work.
    NoCause,
    /// The answers cannot carry a verdict: an outside view first.
    Unclear,
}

/// How long and deep the slump is, from the two slump facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    /// Not said.
    Unknown,
    /// The shortest duration and the upper half of the depth scale not reached.
    Mild,
    Moderate,
    /// Both in the upper half of their scales, one of them at the far end (six months
    /// or more, or more than 50 % below target, in the shipped bank).
    Severe,
}

/// What can check the seller's own answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// The seller's own numbers (the numbers step).
    Numbers,
    /// The people who rated the seller.
    Outside,
}

/// A cause the seller's own answers measure as healthy that a firmer source does not (see
/// [`contradictions`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contradiction {
    pub cause: Cause,
    pub by: Vec<Check>,
}

/// Causes the seller's answers score healthy (at or above the weak line) that are not:
/// - by the numbers, when an answer about the cause claims more than the numbers show
///   (`numbers::Disagreement::claims_more`);
/// - from outside, when the raters score the cause weak and more than one standard error
///   of the difference below the seller's own score (`diagnosis::separation`).
///
/// A cause the seller did not score, or already scores weak, is never contradicted: the
/// first says nothing, the second already agrees. Ordered by evidence: contradicted by
/// both first, then by the lower score from outside.
pub fn contradictions(
    d: &Diagnosis,
    worked: &crate::numbers::Worked,
    outside: Option<&crate::outside::Outside>,
) -> Vec<Contradiction> {
    use crate::diagnosis::{separation, WEAK_BELOW};
    let mut found: Vec<Contradiction> = Cause::ALL
        .into_iter()
        .filter_map(|cause| {
            let own = d.causes.get(cause);
            let own_score = own.score.filter(|&s| s >= WEAK_BELOW)?;
            let mut by = Vec::new();
            if worked.disagreements.iter().any(|x| x.cause == cause && x.claims_more()) {
                by.push(Check::Numbers);
            }
            let seen = outside.and_then(|o| Some(((*o.scores.get(cause))?, *o.judged.get(cause))));
            if seen.is_some_and(|(s, n)| s < WEAK_BELOW && separation((own_score, own.answered), (s, n)) > 1.0) {
                by.push(Check::Outside);
            }
            (!by.is_empty()).then_some(Contradiction { cause, by })
        })
        .collect();
    // By evidence: contradicted by both first, then the lower score from outside.
    let seen = |c: Cause| outside.and_then(|o| *o.scores.get(c)).unwrap_or(u8::MAX);
    found.sort_by_key(|c| (std::cmp::Reverse(c.by.len()), seen(c.cause)));
    found
}

/// Whether `cause` is one of the `contradicted`.
fn among(contradicted: &[Contradiction], cause: Cause) -> bool {
    contradicted.iter().any(|c| c.cause == cause)
}

// Not `Eq`: `worked` holds the arithmetic's exact (floating-point) steps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub kind: PlanKind,
    /// Every weak cause, most urgent first, then every contradicted one. Empty when no
    /// cause is weak or contradicted, or the verdict is unclear.
    pub focus: Vec<Cause>,
    /// Causes the seller's answers call healthy that the numbers or the raters do not.
    /// They are never strengths, and they join the focus after the weak causes.
    pub contradicted: Vec<Contradiction>,
    pub urgency: Urgency,
    pub week: Vec<PlanAction>,
    pub month: Vec<PlanAction>,
    pub quarter: Vec<PlanAction>,
    pub strengths: Vec<Cause>,
    /// "What you do best: …", from the healthiest answers, even when no cause is Strong.
    pub best: Option<String>,
    /// Where the last deals stop, in a sentence, when at least three deals were given.
    pub stall: Option<String>,
    pub stories: Vec<Story>,
    /// Said kindly to someone who is too hard on themselves.
    pub kind_note: Option<String>,
    /// Outside changes the person named (option texts), to take to the team.
    pub outside_changes: Vec<String>,
    /// When someone rated the seller: the largest blind spot, to talk about first (see
    /// [`talk_first`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub talk_first: Option<String>,
    /// The same, said to a manager (the manager part's).
    #[serde(skip)]
    pub talk_first_manager: Option<String>,
    /// What the seller's numbers say (`numbers::work_out`), worked out once for the plan and
    /// kept for the screens and `cargo xtask score` that show it.
    #[serde(skip)]
    pub worked: crate::numbers::Worked,
}

impl Plan {
    pub fn actions(&self) -> impl Iterator<Item = &PlanAction> {
        self.week.iter().chain(&self.month).chain(&self.quarter)
    }
}

/// Fewest deals before the stage where they stop is worth a sentence.
pub const MIN_DEALS_FOR_STALL: usize = 3;

/// The urgency of the slump from the `duration` and `below_target` facts (by the position
/// of the chosen option, so a coach's bank with other options is read the same way).
pub fn urgency(bank: &Bank, responses: &Responses) -> Urgency {
    let rank = |fact: &str| -> Option<(usize, usize)> {
        let f = bank.fact(fact)?;
        let chosen = responses.facts.get(fact)?.first()?;
        Some((f.options.iter().position(|o| &o.id == chosen)?, f.options.len()))
    };
    match (rank("duration"), rank("below_target")) {
        (Some((d, dn)), Some((b, bn))) => {
            let upper = |i: usize, n: usize| i * 2 >= n;
            if upper(d, dn) && upper(b, bn) && (d + 1 == dn || b + 1 == bn) {
                Urgency::Severe
            } else if d == 0 && !upper(b, bn) {
                Urgency::Mild
            } else {
                Urgency::Moderate
            }
        }
        _ => Urgency::Unknown,
    }
}

/// The plan for a diagnosis, its answers and, when people rated the seller, their view
/// (`outside::compare`), which with the seller's numbers can contradict a healthy cause.
pub fn build_plan(
    bank: &Bank,
    diagnosis: &Diagnosis,
    responses: &Responses,
    outside: Option<&crate::outside::Outside>,
) -> Plan {
    let verdict = &diagnosis.verdict;
    // The seller's numbers, worked out once: the daily number the target needs, and where
    // they and the raters contradict a cause the answers call healthy.
    let worked = crate::numbers::work_out(&responses.numbers, responses);
    let contradicted =
        if verdict.pattern == Pattern::Unclear { Vec::new() } else { contradictions(diagnosis, &worked, outside) };
    let funnel = crate::stall::funnel(bank, &responses.deals);
    let stall = stall_sentence(bank, &funnel);
    let stalled = funnel.most_lost_at.as_deref().filter(|_| stall.is_some());
    let changed = responses.facts.get("changed").cloned().unwrap_or_default();
    let outside_changes: Vec<String> = bank
        .fact("changed")
        .map(|f| {
            f.options.iter().filter(|o| o.id != "nothing" && changed.contains(&o.id)).map(|o| o.text.clone()).collect()
        })
        .unwrap_or_default();
    let kind = match verdict.pattern {
        Pattern::Unclear => PlanKind::Unclear,
        // Healthy by the answers, not by the numbers or the raters: work on what they show.
        Pattern::None if !contradicted.is_empty() => PlanKind::Causes,
        Pattern::None if !outside_changes.is_empty() => PlanKind::Outward,
        Pattern::None => PlanKind::NoCause,
        _ => PlanKind::Causes,
    };
    let urgency = urgency(bank, responses);
    // Health of each answered item, for rating actions. For a contradicted cause the
    // answers are healthy, so what contradicts them rates its actions instead: the raters'
    // mean health per item, and 2 for an answer the numbers show to claim too much.
    let mut health: BTreeMap<&str, u8> = bank
        .items()
        .iter()
        .filter_map(|i| responses.answers.get(&i.id).map(|a| (i.id.as_str(), a.health(i.reverse))))
        .collect();
    for item in bank.items().iter().filter(|i| among(&contradicted, i.cause)) {
        if let Some(seen) = outside.and_then(|o| o.item(&item.id)).and_then(|v| v.others) {
            health.insert(item.id.as_str(), seen.round().clamp(1.0, 5.0) as u8);
        }
        if worked.disagreements.iter().any(|d| d.item == item.id && d.claims_more()) {
            health.insert(item.id.as_str(), 2);
        }
    }
    let focus: Vec<Cause> = verdict.weak.iter().copied().chain(contradicted.iter().map(|c| c.cause)).collect();
    // The daily number the target needs leads the actions that set one; an action asking to
    // count a week now and a best week is left out once counted.
    let daily = worked.weekly_needed.zip(worked.daily_needed).map(|(weekly, daily)| {
        bank.texts().daily.replace("{weekly}", &weekly.to_string()).replace("{daily}", &daily.to_string())
    });
    let counted = responses.numbers.now.is_some() && responses.numbers.best.is_some();
    let pick = |select: fn(&Horizons) -> &Vec<Action>| -> Vec<PlanAction> {
        let fixed = |plan: &Horizons| select(plan).iter().map(|a| to_action(a, None, None)).collect();
        let mut chosen: Vec<PlanAction> = match kind {
            PlanKind::Outward => return fixed(&bank.outward().plan),
            PlanKind::NoCause | PlanKind::Unclear => return fixed(&bank.no_cause().plan),
            PlanKind::Causes => Vec::new(),
        };
        for (rank, &cause) in focus.iter().enumerate() {
            let take = match (rank, verdict.tied) {
                // The number of weak causes sets the share, not the contradicted ones.
                (0, _) | (1, true) if verdict.weak.len() <= 2 => 3,
                (0, _) | (1, true) => 2,
                _ => 1,
            };
            let actions = select(&bank.cause(cause).plan);
            let usable = || actions.iter().filter(|a| !(counted && a.numbers.as_deref() == Some("skip")));
            let mut rated: Vec<(usize, i32, &Action)> = usable()
                .enumerate()
                .filter_map(|(at, a)| rate(bank, a, &health, stalled).map(|r| (at, r, a)))
                .collect();
            if rated.is_empty() {
                // The cause is weak (or contradicted: its answers are healthy), so something
                // applies: its first action, or the first the daily number leads when there is one.
                let led = usable().find(|a| daily.is_some() && a.numbers.as_deref() == Some("lead"));
                rated = led.or_else(|| usable().next()).map(|a| (0, 0, a)).into_iter().collect();
            }
            rated.sort_by_key(|&(at, r, _)| (std::cmp::Reverse(r), at));
            for (_, _, a) in rated.into_iter().take(take) {
                let at_stall = (a.stage.is_some() && a.stage.as_deref() == stalled).then(|| stall.clone()).flatten();
                let numbers = (a.numbers.as_deref() == Some("lead")).then(|| daily.clone()).flatten();
                let mut action = to_action(a, Some(cause), at_stall.clone().or(numbers.clone()));
                // After the daily number, the action's own words for someone who has one.
                if let (None, Some(_), Some(text)) = (at_stall, numbers, &a.with_numbers) {
                    action.text = text.clone();
                }
                chosen.push(action);
            }
        }
        chosen
    };
    let mut week = pick(|h| &h.week);
    if urgency == Urgency::Severe && kind != PlanKind::Outward {
        let severe: Vec<PlanAction> = bank.severe().iter().map(|a| to_action(a, None, None)).collect();
        week.splice(0..0, severe);
    }
    Plan {
        week,
        month: pick(|h| &h.month),
        quarter: pick(|h| &h.quarter),
        kind,
        focus,
        urgency,
        strengths: diagnosis
            .causes
            .iter()
            .filter(|(c, r)| r.band == Some(crate::Band::Strong) && !among(&contradicted, *c))
            .map(|(c, _)| c)
            .collect(),
        // Said only of answers that carry a verdict, and never of a contradicted cause: when
        // in doubt, say less.
        best: best_habit(diagnosis, &contradicted, outside.map_or(&[][..], |o| &o.blind_spots))
            .filter(|_| kind != PlanKind::Unclear)
            .map(|habit| bank.texts().best.replace("{habit}", habit)),
        stall,
        stories: responses.stories.iter().filter_map(|id| bank.story(id)).cloned().collect(),
        kind_note: responses.self_talk.filter(|a| a.value() >= 4).map(|_| bank.self_talk().note.clone()),
        outside_changes,
        contradicted,
        talk_first: None,
        talk_first_manager: None,
        worked,
    }
}

/// How well an action fits this person, or None when it should be left out (see the module
/// comment).
fn rate(bank: &Bank, action: &Action, health: &BTreeMap<&str, u8>, stalled: Option<&str>) -> Option<i32> {
    let at_stall = action.stage.is_some() && action.stage.as_deref() == stalled;
    if let Some(stage) = &action.stage {
        let stage_item_healthy = bank
            .items()
            .iter()
            .filter(|i| i.stage.as_deref() == Some(stage.as_str()))
            .any(|i| health.get(i.id.as_str()).is_some_and(|&h| h >= 4));
        if stage_item_healthy && !at_stall {
            return None;
        }
    }
    let from_answers: i32 = action
        .items
        .iter()
        .map(|id| match health.get(id.as_str()) {
            Some(1) => 4,
            Some(2) => 3,
            Some(3) => 1,
            _ => 0,
        })
        .sum();
    let rating = from_answers + if at_stall { 5 } else { 0 };
    (rating > 0).then_some(rating)
}

/// The sentence on where the last deals stop, when there are enough of them.
fn stall_sentence(bank: &Bank, funnel: &Funnel) -> Option<String> {
    if funnel.deals < MIN_DEALS_FOR_STALL {
        return None;
    }
    let stage = funnel.stages.iter().find(|s| Some(&s.stage) == funnel.most_lost_at.as_ref())?;
    Some(
        bank.texts()
            .stall
            .replace("{deals}", &funnel.deals.to_string())
            .replace("{stage}", &stage.name)
            .replace("{stopped}", &stage.stopped.to_string()),
    )
}

/// The habit of the healthiest answer (health 5 before 4; then the cause with the higher
/// score; then bank order), if any answer was healthy at all; never of a contradicted
/// cause, nor a habit the raters see two steps less healthy (a blind spot).
fn best_habit<'d>(diagnosis: &'d Diagnosis, contradicted: &[Contradiction], blind_spots: &[String]) -> Option<&'d str> {
    diagnosis
        .causes
        .iter()
        .filter(|(c, _)| !among(contradicted, *c))
        .flat_map(|(_, r)| r.held_up.iter().map(move |d| (d, r.score.unwrap_or(0))))
        .filter(|(d, _)| !blind_spots.contains(&d.item_id))
        .enumerate()
        .max_by_key(|&(at, (d, score))| (d.health, score, std::cmp::Reverse(at)))
        .map(|(_, (d, _))| d.habit.as_str())
}

/// What to talk about first when people rated the seller: the largest blind spot (the
/// habit the raters see as least healthy against the seller's own view), as the bank's
/// `texts.talk_first` (said to the seller) with both answers as scale labels. None
/// without a blind spot.
pub fn talk_first(bank: &Bank, outside: &crate::outside::Outside) -> Option<String> {
    blind_spot_sentence(bank, outside, &bank.texts().talk_first)
}

/// The largest blind spot in `sentence`, a bank text with `{habit}`, `{text}`, `{own}`
/// and `{others}`.
fn blind_spot_sentence(bank: &Bank, outside: &crate::outside::Outside, sentence: &str) -> Option<String> {
    let first = outside.blind_spots.first()?;
    let (item, seen) = (bank.item(first)?, outside.item(first)?);
    let label = |health: f64| crate::outside::label(bank, first, health);
    Some(
        sentence
            .replace("{habit}", &item.habit)
            .replace("{text}", &item.text)
            .replace("{own}", label(f64::from(seen.own?))?)
            .replace("{others}", label(seen.others?)?),
    )
}

/// The plan of a finished result from its diagnosis (`schema::diagnose_result`), its own
/// data and, when people rated the seller, its outside view (`outside::of_result`): what to
/// talk about first. The caller passes both, having shown them too.
pub fn result_plan(
    bank: &Bank,
    result: &crate::schema::StoredResult,
    d: &Diagnosis,
    outside: Option<&crate::outside::Outside>,
) -> Plan {
    let mut plan = build_plan(bank, d, &result.responses, outside);
    if let Some(o) = outside {
        plan.talk_first = talk_first(bank, o);
        plan.talk_first_manager = blind_spot_sentence(bank, o, &bank.texts().talk_first_manager);
    }
    plan
}

/// The plan of a profile's latest result, kept: (result id, plan, actions done, actions).
pub fn latest_plan(bank: &Bank, profile: &crate::schema::Profile) -> Option<(String, Plan, usize, usize)> {
    let latest = profile.latest()?;
    let d = crate::schema::diagnose_result(bank, latest);
    let plan = result_plan(bank, latest, &d, crate::outside::of_result(bank, latest).as_ref());
    let ids: Vec<&str> = plan.actions().map(|a| a.id.as_str()).collect();
    let (done, total) = (ids.iter().filter(|id| profile.is_done(&latest.id, id)).count(), ids.len());
    Some((latest.id.clone(), plan, done, total))
}

/// What a manager sees: for every weak cause, how to support this rep and a short
/// conversation guide; the kind of plan says what to say when no cause is weak.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Manager {
    pub kind: PlanKind,
    pub causes: Vec<ManagerCause>,
    /// The rep's strongest habit, to build on in the conversation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best: Option<String>,
    /// The largest blind spot, when people rated the rep: the conversation starts there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub talk_first: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ManagerCause {
    pub cause: Cause,
    pub support: String,
    pub ask: Vec<String>,
    pub avoid: Vec<String>,
}

pub fn manager_part(bank: &Bank, plan: &Plan) -> Manager {
    Manager {
        kind: plan.kind,
        causes: plan
            .focus
            .iter()
            .map(|&cause| {
                let info = bank.cause(cause);
                ManagerCause {
                    cause,
                    support: info.manager.clone(),
                    ask: info.guide.ask.clone(),
                    avoid: info.guide.avoid.clone(),
                }
            })
            .collect(),
        best: plan.best.clone(),
        talk_first: plan.talk_first_manager.clone(),
    }
}

fn to_action(a: &Action, cause: Option<Cause>, lead: Option<String>) -> PlanAction {
    PlanAction { id: a.id.clone(), cause, text: a.text.clone(), lead }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::cause::PerCause;
    use crate::diagnosis::tests::{
        broad, closing_weak, discovery_weak, healthy, persona, two_per_cause, two_weak_far_apart, uniform, with_health,
        works_alone_but_busy, yes_sayer,
    };
    use crate::diagnosis::{diagnose, Diagnosis};

    fn bank() -> Bank {
        Bank::default_bank().unwrap()
    }

    fn plan_of(bank: &Bank, r: &Responses) -> (Diagnosis, Plan) {
        let d = diagnose(bank, r);
        let plan = build_plan(bank, &d, r, None);
        (d, plan)
    }

    #[test]
    fn the_largest_blind_spot_is_what_to_talk_about_first_for_seller_and_manager() {
        use crate::schema::{Rater, StoredResult};
        let b = bank();
        // Healthy answers on both keys: a rater who copies them is not straight-lining.
        let own = with_health(&b, &PerCause::from_fn(|_| 4));
        let mut result = StoredResult::finish("r1".into(), 1, &b, own.clone());
        let plan_of = |r: &StoredResult| {
            let outside = crate::outside::of_result(&b, r);
            result_plan(&b, r, &crate::schema::diagnose_result(&b, r), outside.as_ref())
        };
        assert_eq!(plan_of(&result).talk_first, None, "no rater, nothing to compare");
        let mut view = crate::rater::View { answers: own.answers.clone(), ..Default::default() };
        let item = b.item("effort-prospecting").unwrap();
        assert!(!item.reverse);
        view.answers.insert(item.id.clone(), Answer::new(1).unwrap());
        view.answers.insert("discipline-plan".into(), Answer::new(2).unwrap());
        result.raters.push(Rater { id: "x".into(), name: "Dana".into(), received_at: 2, view });
        let plan = plan_of(&result);
        let line = plan.talk_first.clone().unwrap();
        assert!(line.contains(&item.habit), "{line}");
        let own_label = b.scale_label(item.scale, own.answers[&item.id].value());
        assert!(line.contains(own_label) && line.contains(b.scale_label(item.scale, 1)), "{line}");
        // The habit to talk about first is never the one called "what you do best".
        let best = plan.best.clone().unwrap_or_default();
        assert!(!best.is_empty() && !best.contains(&item.habit), "{best}");
        let manager = manager_part(&b, &plan).talk_first.unwrap();
        assert!(manager.contains(&item.habit) && manager.contains("they answered"), "{manager}");
        assert!(!manager.contains("you answered"), "{manager}");
    }

    fn ids(actions: &[PlanAction]) -> Vec<&str> {
        actions.iter().map(|a| a.id.as_str()).collect()
    }

    fn with_facts(mut r: Responses, facts: &[(&str, &str)]) -> Responses {
        for (fact, option) in facts {
            r.facts.insert(fact.to_string(), vec![option.to_string()]);
        }
        r
    }

    fn deals(r: &mut Responses, stages: &[&str]) {
        r.deals = stages.iter().map(|s| s.to_string()).collect();
    }

    #[test]
    fn the_sellers_numbers_set_the_daily_number_and_replace_the_count() {
        use crate::numbers::{Numbers, Week};
        let bank = bank();
        let mut r = with_health(&bank, &PerCause { training: 5, effort: 2, discipline: 5, feedback: 5 });
        let (_, without) = plan_of(&bank, &r);
        assert!(ids(&without.week).contains(&"effort-w-compare"), "{:?}", ids(&without.week));
        assert!(without.actions().all(|a| a.lead.is_none()));
        // 40 000 ÷ 5 000 = 8 deals a month → 1.85 a week → ÷ 0.4 won/proposals → ÷ 0.5
        // proposals/meetings → ÷ 0.2 meetings/conversations = 46.2: 47 a week, 10 a day.
        r.numbers = Numbers {
            now: Some(Week { conversations: 30, meetings: 6, proposals: 3, won: 1 }),
            best: Some(Week { conversations: 50, meetings: 10, proposals: 5, won: 2 }),
            deal_size: Some(5_000),
            target: Some(40_000),
        };
        let (_, with) = plan_of(&bank, &r);
        let all: Vec<&PlanAction> = with.actions().collect();
        assert!(all.iter().all(|a| a.id != "effort-w-compare"), "the count the numbers step took is not asked again");
        let led: Vec<&&PlanAction> = all.iter().filter(|a| a.lead.is_some()).collect();
        assert!(!led.is_empty(), "{:?}", ids(&with.week));
        for a in led {
            let lead = a.lead.as_deref().unwrap_or_default();
            assert!(lead.contains("47 conversations a week") && lead.contains("about 10 a day"), "{lead}");
            // The action then says what to do with that number, never to set one.
            let own = bank.cause(Cause::Effort).plan.all().find(|x| x.id == a.id).unwrap();
            assert_eq!(Some(&a.text), own.with_numbers.as_ref(), "{}", a.id);
            assert!(!a.text.to_lowercase().contains("set a daily"), "{}", a.text);
        }
    }

    #[test]
    fn numbers_that_contradict_a_healthy_cause_take_it_out_of_the_strengths_and_into_the_plan() {
        use crate::numbers::{Numbers, Week};
        let bank = bank();
        // Every cause healthy by the answers ("as high as in my best months" agreed), and an
        // outside change named; the numbers say this week is at half the best week.
        let mut r = with_health(&bank, &PerCause::from_fn(|_| 5));
        r.facts.insert("changed".into(), vec!["territory".into()]);
        let (d, before) = plan_of(&bank, &r);
        assert_eq!((d.verdict.pattern, before.kind), (Pattern::None, PlanKind::Outward));
        assert!(before.strengths.contains(&Cause::Effort) && before.contradicted.is_empty());
        r.numbers = Numbers {
            now: Some(Week { conversations: 20, meetings: 5, proposals: 2, won: 1 }),
            best: Some(Week { conversations: 40, meetings: 10, proposals: 4, won: 2 }),
            ..Default::default()
        };
        let (d, plan) = plan_of(&bank, &r);
        assert_eq!(d.verdict.pattern, Pattern::None, "the answers' own verdict is unchanged");
        assert_eq!(plan.contradicted, vec![Contradiction { cause: Cause::Effort, by: vec![Check::Numbers] }]);
        assert_eq!(
            (plan.kind, plan.focus.as_slice()),
            (PlanKind::Causes, &[Cause::Effort][..]),
            "not \"look outward\""
        );
        assert!(!plan.strengths.contains(&Cause::Effort), "{:?}", plan.strengths);
        assert!(plan.week.iter().any(|a| a.cause == Some(Cause::Effort)));
        assert_eq!(manager_part(&bank, &plan).kind, PlanKind::Causes);
        // With a weak cause of its own, the contradicted one comes after it.
        let mut weak = with_health(&bank, &PerCause { training: 5, effort: 5, discipline: 1, feedback: 5 });
        weak.numbers = r.numbers.clone();
        let (_, plan) = plan_of(&bank, &weak);
        assert_eq!(plan.focus, vec![Cause::Discipline, Cause::Effort]);
        assert_eq!(plan.strengths, vec![Cause::Training, Cause::Feedback]);
        // Numbers that agree contradict nothing.
        weak.numbers.now = weak.numbers.best;
        assert!(plan_of(&bank, &weak).1.contradicted.is_empty());
    }

    #[test]
    fn raters_contradict_a_healthy_cause_only_beyond_noise() {
        use crate::rater::View;
        let bank = bank();
        let own = with_health(&bank, &PerCause::from_fn(|_| 4));
        let d = diagnose(&bank, &own);
        let seen_as = |effort: u8| {
            let mut view = View::default();
            for item in bank.items() {
                let h = if item.cause == Cause::Effort { effort } else { 4 };
                view.answers.insert(item.id.clone(), Answer::new(if item.reverse { 6 - h } else { h }).unwrap());
            }
            view
        };
        let plan_with = |view: &View| {
            let outside = crate::outside::compare(&bank, &own, &[view]);
            build_plan(&bank, &d, &own, outside.as_ref())
        };
        // 75 by the seller, 0 from outside over 8 items: far beyond noise.
        let far = plan_with(&seen_as(1));
        assert_eq!(far.contradicted, vec![Contradiction { cause: Cause::Effort, by: vec![Check::Outside] }]);
        assert_eq!(far.focus, vec![Cause::Effort]);
        assert!(!far.strengths.contains(&Cause::Effort));
        // Its actions are rated by what the raters saw, so it gets a primary cause's share,
        // not one fallback action.
        let effort_week = far.week.iter().filter(|a| a.cause == Some(Cause::Effort)).count();
        assert!(effort_week >= 2, "{:?}", ids(&far.week));
        // 50 from outside (weak, but 25 points from 75 with a standard error of the
        // difference of 12.5): two errors apart, still beyond noise.
        assert_eq!(plan_with(&seen_as(3)).contradicted.len(), 1);
        // Healthy from outside too: nothing contradicted, no cause in focus.
        let agree = plan_with(&seen_as(4));
        assert!(agree.contradicted.is_empty() && agree.focus.is_empty());
        assert_eq!(agree.kind, PlanKind::NoCause);
    }

    #[test]
    fn plan_covers_the_primary_cause_first_in_every_horizon() {
        let bank = bank();
        let r = with_health(&bank, &PerCause { training: 5, effort: 5, discipline: 5, feedback: 1 });
        let (_, plan) = plan_of(&bank, &r);
        assert_eq!(plan.kind, PlanKind::Causes);
        assert_eq!(plan.focus, vec![Cause::Feedback]);
        for horizon in [&plan.week, &plan.month, &plan.quarter] {
            assert!(!horizon.is_empty());
            assert!(horizon.iter().all(|a| a.cause == Some(Cause::Feedback)));
        }
        assert_eq!(plan.strengths.len(), 3);
    }

    #[test]
    fn none_with_an_outside_change_points_outward_and_names_it() {
        let bank = bank();
        let mut r = with_health(&bank, &PerCause::from_fn(|_| 4));
        r.facts.insert("changed".into(), vec!["nothing".into(), "territory".into()]);
        r.self_talk = Answer::new(5);
        let (d, plan) = plan_of(&bank, &r);
        assert_eq!(d.pattern(), Pattern::None);
        assert_eq!(plan.kind, PlanKind::Outward);
        assert!(plan.focus.is_empty());
        assert!(plan.week.iter().all(|a| a.cause.is_none() && a.id.starts_with("outward")));
        assert!(plan.kind_note.is_some());
        let territory = &bank.fact("changed").unwrap().options.iter().find(|o| o.id == "territory").unwrap().text;
        assert_eq!(plan.outside_changes, vec![territory.clone()]);
        assert_eq!(manager_part(&bank, &plan).kind, PlanKind::Outward);
    }

    #[test]
    fn none_without_an_outside_change_asks_for_an_outside_view_never_outward() {
        let bank = bank();
        for changed in [None, Some("nothing")] {
            let mut r = with_health(&bank, &PerCause::from_fn(|_| 4));
            if let Some(c) = changed {
                r.facts.insert("changed".into(), vec![c.into()]);
            }
            let (d, plan) = plan_of(&bank, &r);
            assert_eq!(d.pattern(), Pattern::None);
            assert_eq!(plan.kind, PlanKind::NoCause, "{changed:?}");
            assert!(plan.outside_changes.is_empty());
            assert!(plan.actions().all(|a| !a.id.starts_with("outward") && a.cause.is_none()), "{changed:?}");
            let manager = manager_part(&bank, &plan);
            assert_eq!((manager.kind, manager.causes.len()), (PlanKind::NoCause, 0));
        }
    }

    #[test]
    fn sparse_answers_give_an_unclear_plan_never_outward() {
        let bank = bank();
        for r in [Responses::default(), two_per_cause(&bank)] {
            // Even with an outside change named: nothing was measured, so nothing is cleared.
            let r = with_facts(r, &[("changed", "territory")]);
            let (_, plan) = plan_of(&bank, &r);
            assert_eq!(plan.kind, PlanKind::Unclear);
            assert!(plan.focus.is_empty());
            assert!(plan.actions().all(|a| !a.id.starts_with("outward")));
            let manager = manager_part(&bank, &plan);
            assert_ne!(manager.kind, PlanKind::Outward);
            assert_eq!((manager.kind, manager.causes.len()), (PlanKind::Unclear, 0));
        }
    }

    #[test]
    fn straight_lined_and_yes_said_answers_give_an_unclear_plan() {
        let bank = bank();
        for r in [uniform(&bank, 3), yes_sayer(&bank)] {
            let (_, plan) = plan_of(&bank, &r);
            assert_eq!(plan.kind, PlanKind::Unclear);
            assert!(plan.focus.is_empty() && plan.actions().all(|a| a.cause.is_none()));
        }
    }

    #[test]
    fn two_weak_causes_far_apart_are_both_in_the_plan_and_the_manager_part() {
        let bank = bank();
        let (d, plan) = plan_of(&bank, &two_weak_far_apart(&bank));
        assert_eq!(d.pattern(), Pattern::Mixed);
        assert_eq!(plan.focus, vec![Cause::Training, Cause::Effort]);
        for horizon in [&plan.week, &plan.month, &plan.quarter] {
            assert_eq!(horizon[0].cause, Some(Cause::Training));
            assert!(horizon.iter().any(|a| a.cause == Some(Cause::Effort)), "{:?}", ids(horizon));
        }
        let manager = manager_part(&bank, &plan);
        assert_eq!(manager.kind, PlanKind::Causes);
        assert_eq!(manager.causes.iter().map(|c| c.cause).collect::<Vec<_>>(), vec![Cause::Training, Cause::Effort]);
        assert!(manager.causes.iter().all(|c| !c.support.is_empty() && !c.ask.is_empty() && !c.avoid.is_empty()));
    }

    #[test]
    fn works_alone_but_busy_gets_feedback_actions_not_effort() {
        let bank = bank();
        let (_, plan) = plan_of(&bank, &works_alone_but_busy(&bank));
        assert_eq!(plan.focus, vec![Cause::Feedback]);
        assert!(plan.actions().all(|a| a.cause == Some(Cause::Feedback)));
        let week = ids(&plan.week);
        assert!(week.contains(&"feedback-w-colleague") && week.contains(&"feedback-w-ask"), "{week:?}");
    }

    #[test]
    fn weak_at_closing_and_weak_at_discovery_get_different_plans() {
        let bank = bank();
        let mut closer = closing_weak(&bank);
        deals(
            &mut closer,
            &["close", "close", "close", "close", "close", "advise", "discover", "grow", "grow", "close"],
        );
        let mut discoverer = discovery_weak(&bank);
        deals(
            &mut discoverer,
            &[
                "discover", "discover", "discover", "discover", "discover", "connect", "advise", "grow", "close",
                "discover",
            ],
        );
        let (dc, close_plan) = plan_of(&bank, &closer);
        let (dd, discover_plan) = plan_of(&bank, &discoverer);
        assert!(dc.flags.is_empty() && dd.flags.is_empty());
        assert_eq!((dc.primary(), dd.primary()), (Some(Cause::Training), Some(Cause::Training)));

        assert_eq!(close_plan.week[0].id, "training-w-close");
        let lead = close_plan.week[0].lead.as_deref().expect("a lead naming where deals stop");
        assert!(lead.contains("Close") && lead.contains("6 of them"), "{lead}");
        assert_eq!(close_plan.month[0].id, "training-m-close");
        // Discovery was answered healthy and deals do not stop there: no discovery drills.
        assert!(close_plan.actions().all(|a| !a.id.contains("discover")), "{:?}", ids(&close_plan.week));

        assert_eq!(discover_plan.week[0].id, "training-w-discover");
        let lead = discover_plan.week[0].lead.as_deref().expect("a lead naming where deals stop");
        assert!(lead.contains("Discover"), "{lead}");
        assert!(discover_plan.actions().all(|a| !a.id.ends_with("-close")), "{:?}", ids(&discover_plan.week));

        assert_ne!(ids(&close_plan.week), ids(&discover_plan.week));
    }

    #[test]
    fn a_long_deep_slump_starts_with_the_severe_actions_and_a_short_dip_does_not() {
        let bank = bank();
        let severe: Vec<&str> = bank.severe().iter().map(|a| a.id.as_str()).collect();
        let deep = with_facts(closing_weak(&bank), &[("duration", "gt6m"), ("below_target", "gt50")]);
        let short = with_facts(closing_weak(&bank), &[("duration", "lt1m"), ("below_target", "lt10")]);
        assert_eq!(urgency(&bank, &deep), Urgency::Severe);
        assert_eq!(urgency(&bank, &short), Urgency::Mild);
        assert_eq!(urgency(&bank, &closing_weak(&bank)), Urgency::Unknown);
        let (_, deep_plan) = plan_of(&bank, &deep);
        let (_, short_plan) = plan_of(&bank, &short);
        assert_eq!(deep_plan.urgency, Urgency::Severe);
        assert_eq!(ids(&deep_plan.week[..severe.len()]), severe);
        assert!(deep_plan.week[..severe.len()].iter().all(|a| a.cause.is_none()));
        assert_eq!(short_plan.urgency, Urgency::Mild);
        assert!(short_plan.actions().all(|a| !severe.contains(&a.id.as_str())));
        // Same answers: after the severe actions, the same work.
        assert_eq!(ids(&deep_plan.week[severe.len()..]), ids(&short_plan.week));
        assert_eq!(short_plan.week[0].id, "training-w-close");
    }

    #[test]
    fn urgency_in_between_is_moderate() {
        let bank = bank();
        let r = with_facts(Responses::default(), &[("duration", "m3to6"), ("below_target", "p10to25")]);
        assert_eq!(urgency(&bank, &r), Urgency::Moderate);
        let r = with_facts(Responses::default(), &[("duration", "lt1m"), ("below_target", "gt50")]);
        assert_eq!(urgency(&bank, &r), Urgency::Moderate);
        let r = with_facts(Responses::default(), &[("duration", "gt6m")]);
        assert_eq!(urgency(&bank, &r), Urgency::Unknown);
    }

    #[test]
    fn every_weak_cause_of_a_broad_pattern_is_in_every_horizon() {
        let bank = bank();
        let (d, plan) = plan_of(&bank, &broad(&bank));
        assert!(d.flags.is_empty(), "{:?}", d.flags);
        assert_eq!(d.pattern(), Pattern::Broad);
        assert_eq!(plan.focus.len(), 3);
        for &cause in &plan.focus {
            for horizon in [&plan.week, &plan.month, &plan.quarter] {
                assert!(horizon.iter().any(|a| a.cause == Some(cause)), "{cause}: {:?}", ids(horizon));
            }
        }
        assert!(plan.actions().all(|a| a.cause != Some(Cause::Feedback)));
        assert_eq!(manager_part(&bank, &plan).causes.len(), 3);
    }

    #[test]
    fn best_names_a_habit_even_when_no_cause_is_strong() {
        let bank = bank();
        let r = persona(&bank, &PerCause::from_fn(|_| vec![3, 4, 2, 4]), &[("discipline-review", Some(5))]);
        let (d, plan) = plan_of(&bank, &r);
        assert!(d.flags.is_empty(), "{:?}", d.flags);
        assert!(d.causes.iter().all(|(_, c)| c.band != Some(crate::Band::Strong)));
        assert!(plan.strengths.is_empty());
        let habit = &bank.item("discipline-review").unwrap().habit;
        assert_eq!(plan.best.as_deref(), Some(bank.texts().best.replace("{habit}", habit).as_str()));
        assert_eq!(manager_part(&bank, &plan).best, plan.best);
        // Nothing answered healthy: nothing to name.
        let (_, plan) = plan_of(&bank, &with_health(&bank, &PerCause::from_fn(|_| 2)));
        assert_eq!(plan.best, None);
    }

    #[test]
    fn a_stall_needs_three_deals_to_be_said() {
        let bank = bank();
        let p = PerCause { training: vec![2], effort: healthy(), discipline: healthy(), feedback: healthy() };
        let mut r = persona(&bank, &p, &[]);
        deals(&mut r, &["close", "close"]);
        let (_, plan) = plan_of(&bank, &r);
        assert_eq!(plan.stall, None);
        assert!(plan.actions().all(|a| a.lead.is_none()));
        deals(&mut r, &["close", "close", "connect"]);
        let (_, plan) = plan_of(&bank, &r);
        assert!(plan.stall.as_deref().is_some_and(|s| s.contains("Close")));
        assert_eq!(plan.week[0].id, "training-w-close");
    }
}
