//! What a person gives: answers (1..=5 by type, or "doesn't apply"), timings, facts, stories, deals.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// An answer on an item's five-point scale (frequency or agreement). The type makes 0 or 6 unrepresentable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Answer(u8);

impl Answer {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn new(value: u8) -> Option<Answer> {
        (Self::MIN..=Self::MAX).contains(&value).then_some(Answer(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// Health on the same 1..=5 scale: the item's key decides which way is healthy.
    pub fn health(self, reverse: bool) -> u8 {
        if reverse {
            Self::MIN + Self::MAX - self.0
        } else {
            self.0
        }
    }
}

impl TryFrom<u8> for Answer {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Answer::new(value).ok_or_else(|| format!("an answer must be 1 to 5, not {value}"))
    }
}

impl From<Answer> for u8 {
    fn from(a: Answer) -> u8 {
        a.0
    }
}

/// Everything a person answered in one assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Responses {
    /// Scored items, by item id.
    pub answers: BTreeMap<String, Answer>,
    /// Scored items the person said do not apply to them: neither answered nor unhealthy.
    /// An item is never both here and in `answers` ([`Responses::reply`] keeps it so).
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub not_applicable: BTreeSet<String>,
    /// Milliseconds between a scored question appearing and its answer, by item id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub timings: BTreeMap<String, u32>,
    /// Slump facts: fact id to the chosen option ids.
    pub facts: BTreeMap<String, Vec<String>>,
    /// Ids of the stories the person recognised.
    pub stories: Vec<String>,
    /// The furthest stage each of the last deals reached (stage id), up to ten.
    pub deals: Vec<String>,
    /// The self-talk item, answered on the agreement scale.
    pub self_talk: Option<Answer>,
    /// The seller's own numbers (optional step).
    #[serde(skip_serializing_if = "crate::numbers::Numbers::is_empty")]
    pub numbers: crate::numbers::Numbers,
}

/// What a person did with one scored item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply {
    Answer(Answer),
    NotApplicable,
}

impl Responses {
    /// Records a reply to a scored item, replacing any earlier one.
    pub fn reply(&mut self, item: &str, reply: Reply) {
        match reply {
            Reply::Answer(a) => {
                self.not_applicable.remove(item);
                self.answers.insert(item.to_string(), a);
            }
            Reply::NotApplicable => {
                self.answers.remove(item);
                self.not_applicable.insert(item.to_string());
            }
        }
    }

    /// The reply given to a scored item, if any.
    pub fn reply_to(&self, item: &str) -> Option<Reply> {
        match self.answers.get(item) {
            Some(&a) => Some(Reply::Answer(a)),
            None => self.not_applicable.contains(item).then_some(Reply::NotApplicable),
        }
    }
}
