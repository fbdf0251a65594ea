//! The four causes of a slump, and a value per cause keyed by cause id (never by position).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cause {
    Training,
    Effort,
    Discipline,
    Feedback,
}

impl Cause {
    pub const ALL: [Cause; 4] = [Cause::Training, Cause::Effort, Cause::Discipline, Cause::Feedback];

    /// The stable id used in the bank, in storage and in chart keys.
    pub fn id(self) -> &'static str {
        match self {
            Cause::Training => "training",
            Cause::Effort => "effort",
            Cause::Discipline => "discipline",
            Cause::Feedback => "feedback",
        }
    }

    pub fn from_id(id: &str) -> Option<Cause> {
        Cause::ALL.into_iter().find(|c| c.id() == id)
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One value for each cause, addressed by cause. Serialises as an object keyed by cause id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerCause<T> {
    pub training: T,
    pub effort: T,
    pub discipline: T,
    pub feedback: T,
}

impl<T> PerCause<T> {
    pub fn from_fn(mut f: impl FnMut(Cause) -> T) -> Self {
        PerCause {
            training: f(Cause::Training),
            effort: f(Cause::Effort),
            discipline: f(Cause::Discipline),
            feedback: f(Cause::Feedback),
        }
    }

    pub fn get(&self, cause: Cause) -> &T {
        match cause {
            Cause::Training => &self.training,
            Cause::Effort => &self.effort,
            Cause::Discipline => &self.discipline,
            Cause::Feedback => &self.feedback,
        }
    }

    pub fn get_mut(&mut self, cause: Cause) -> &mut T {
        match cause {
            Cause::Training => &mut self.training,
            Cause::Effort => &mut self.effort,
            Cause::Discipline => &mut self.discipline,
            Cause::Feedback => &mut self.feedback,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Cause, &T)> {
        Cause::ALL.into_iter().map(move |c| (c, self.get(c)))
    }
}
