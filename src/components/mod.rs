//! One component per file. Each takes the reducer handle and dispatches `Action`s.

pub mod chart;
pub mod deals;
pub mod question;
pub mod result;
pub mod status;
pub mod welcome;
pub mod wizard;

use crate::state::State;
use yew::UseReducerHandle;

pub type StateHandle = UseReducerHandle<State>;
