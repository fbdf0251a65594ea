//! The plan: ordered actions for the weak causes (7 / 30 / 90 days), strengths, stories,
//! self-talk and the manager's part, all chosen from the bank by the diagnosis.

use crate::answers::Responses;
use crate::bank::{Action, Bank, Horizons, Story};
use crate::cause::Cause;
use crate::diagnosis::{Diagnosis, Pattern};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanAction {
    pub id: String,
    /// None for the outward plan.
    pub cause: Option<Cause>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The causes the plan works on, most urgent first. Empty when the slump points outward.
    pub focus: Vec<Cause>,
    pub outward: bool,
    pub week: Vec<PlanAction>,
    pub month: Vec<PlanAction>,
    pub quarter: Vec<PlanAction>,
    pub strengths: Vec<Cause>,
    pub stories: Vec<Story>,
    /// Said kindly to someone who is too hard on themselves.
    pub kind_note: Option<String>,
    /// Outside changes the person named (option texts), to take to the team.
    pub outside_changes: Vec<String>,
}

/// The most causes a plan works on at once: a person in a slump needs a short list.
pub const MAX_FOCUS: usize = 2;

pub fn build_plan(bank: &Bank, diagnosis: &Diagnosis, responses: &Responses) -> Plan {
    let focus: Vec<Cause> = diagnosis.weak().into_iter().take(MAX_FOCUS).collect();
    let outward = diagnosis.pattern == Pattern::None;
    let pick = |select: fn(&Horizons) -> &Vec<Action>| -> Vec<PlanAction> {
        if outward {
            return select(&bank.outward().plan).iter().map(|a| to_action(a, None)).collect();
        }
        // All of the first cause's actions, then the first of each other focus cause.
        focus
            .iter()
            .enumerate()
            .flat_map(|(rank, &cause)| {
                let actions = select(&bank.cause(cause).plan);
                let take = if rank == 0 { actions.len() } else { 1 };
                actions.iter().take(take).map(move |a| to_action(a, Some(cause)))
            })
            .collect()
    };
    let changed = responses.facts.get("changed").cloned().unwrap_or_default();
    let outside_changes = bank
        .fact("changed")
        .map(|f| {
            f.options.iter().filter(|o| o.id != "nothing" && changed.contains(&o.id)).map(|o| o.text.clone()).collect()
        })
        .unwrap_or_default();
    Plan {
        week: pick(|h| &h.week),
        month: pick(|h| &h.month),
        quarter: pick(|h| &h.quarter),
        focus,
        outward,
        strengths: diagnosis.strong(),
        stories: responses.stories.iter().filter_map(|id| bank.story(id)).cloned().collect(),
        kind_note: responses.self_talk.filter(|a| a.value() >= 4).map(|_| bank.self_talk().note.clone()),
        outside_changes,
    }
}

fn to_action(a: &Action, cause: Option<Cause>) -> PlanAction {
    PlanAction { id: a.id.clone(), cause, text: a.text.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::diagnosis::diagnose;

    fn responses(bank: &Bank, health: impl Fn(Cause) -> u8) -> Responses {
        let mut r = Responses::default();
        for item in bank.items() {
            let h = health(item.cause);
            r.answers.insert(item.id.clone(), Answer::new(if item.reverse { 6 - h } else { h }).unwrap());
        }
        r
    }

    #[test]
    fn plan_covers_the_primary_cause_first_in_every_horizon() {
        let bank = Bank::default_bank().unwrap();
        let r = responses(&bank, |c| if c == Cause::Feedback { 1 } else { 5 });
        let plan = build_plan(&bank, &diagnose(&bank, &r), &r);
        assert_eq!(plan.focus, vec![Cause::Feedback]);
        assert!(!plan.outward);
        for horizon in [&plan.week, &plan.month, &plan.quarter] {
            assert!(!horizon.is_empty());
            assert!(horizon.iter().all(|a| a.cause == Some(Cause::Feedback)));
        }
        assert_eq!(plan.strengths.len(), 3);
    }

    #[test]
    fn healthy_causes_point_outward_and_name_outside_changes() {
        let bank = Bank::default_bank().unwrap();
        let mut r = responses(&bank, |_| 4);
        r.facts.insert("changed".into(), vec!["nothing".into(), "territory".into()]);
        r.self_talk = Answer::new(5);
        let plan = build_plan(&bank, &diagnose(&bank, &r), &r);
        assert!(plan.outward && plan.focus.is_empty());
        assert!(plan.week.iter().all(|a| a.cause.is_none() && a.id.starts_with("outward")));
        assert!(plan.kind_note.is_some());
        let expected = usize::from(bank.fact("changed").unwrap().options.iter().any(|o| o.id == "territory"));
        assert_eq!(plan.outside_changes.len(), expected);
    }
}
