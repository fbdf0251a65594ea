//! The order of the guided diagnostic: sections and steps, derived from the bank.

use crate::bank::Bank;
use crate::cause::Cause;

/// The two steps that are not bank entries; their ids live with the bank, which reserves them.
pub use crate::bank::{DEALS_STEP, NUMBERS_STEP, STORIES_STEP};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// A slump fact, by fact id.
    Fact(String),
    /// A scored agreement item, by item id.
    Item(String),
    SelfTalk,
    Stories,
    Deals,
    /// The seller's own numbers: optional, skippable.
    Numbers,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    /// Index into [`Wizard::sections`].
    pub section: usize,
    /// 1-based position within its section.
    pub number: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub len: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wizard {
    pub steps: Vec<Step>,
    pub sections: Vec<Section>,
}

impl Wizard {
    pub fn new(bank: &Bank) -> Wizard {
        let mut groups: Vec<(String, Vec<(String, StepKind)>)> = Vec::new();
        groups.push((
            "Your slump".into(),
            bank.facts().iter().map(|f| (f.id.clone(), StepKind::Fact(f.id.clone()))).collect(),
        ));
        for cause in Cause::ALL {
            groups.push((
                bank.cause(cause).section.clone(),
                bank.items_of(cause).map(|i| (i.id.clone(), StepKind::Item(i.id.clone()))).collect(),
            ));
        }
        groups.push((
            "What you tell yourself".into(),
            vec![(bank.self_talk().id.clone(), StepKind::SelfTalk), (STORIES_STEP.into(), StepKind::Stories)],
        ));
        groups.push(("Where deals stall".into(), vec![(DEALS_STEP.into(), StepKind::Deals)]));
        groups.push(("Your numbers (optional)".into(), vec![(NUMBERS_STEP.into(), StepKind::Numbers)]));

        let mut steps = Vec::new();
        let mut sections = Vec::new();
        for (section, (title, entries)) in groups.into_iter().enumerate() {
            sections.push(Section { title, len: entries.len() });
            for (n, (id, kind)) in entries.into_iter().enumerate() {
                steps.push(Step { id, kind, section, number: n + 1 });
            }
        }
        Wizard { steps, sections }
    }

    pub fn index_of(&self, step_id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == step_id)
    }

    pub fn first(&self) -> &str {
        // A valid bank always yields steps (facts, items, stories, deals).
        self.steps.first().map(|s| s.id.as_str()).unwrap_or(DEALS_STEP)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_item_is_a_step_and_step_ids_are_unique() {
        let bank = Bank::default_bank().unwrap();
        let w = Wizard::new(&bank);
        let ids: BTreeSet<&str> = w.steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), w.steps.len());
        for item in bank.items() {
            assert!(ids.contains(item.id.as_str()));
        }
        assert_eq!(w.sections.iter().map(|s| s.len).sum::<usize>(), w.steps.len());
        assert_eq!(w.steps.last().unwrap().kind, StepKind::Numbers);
        assert_eq!(w.index_of(w.first()), Some(0));
    }
}
