//! One component per file. Each takes the reducer handle and dispatches `Action`s.

pub mod backup;
pub mod chart;
pub mod data;
pub mod deals;
pub mod gaps;
pub mod guide;
pub mod history;
pub mod keep;
pub mod nav;
pub mod plan;
pub mod question;
pub mod result;
pub mod review;
pub mod shared;
pub mod status;
pub mod verdict;
pub mod welcome;
pub mod wizard;

use crate::state::State;
use yew::UseReducerHandle;

pub type StateHandle = UseReducerHandle<State>;
