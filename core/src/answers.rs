//! What a person gives: agreement answers (1..=5 by type), timings, facts, stories, deals.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An answer on the five-point agreement scale. The type makes 0 or 6 unrepresentable.
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Responses {
    /// Scored items, by item id.
    pub answers: BTreeMap<String, Answer>,
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
}
