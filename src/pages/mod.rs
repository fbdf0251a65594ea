//! The screens, one per file. Each takes the reducer handle and dispatches `Action`s; only
//! `app.rs` puts them together, and no page imports another.

pub mod data;
pub mod gaps;
pub mod history;
pub mod keep;
pub mod plan;
pub mod rate;
pub mod reply;
pub mod result;
pub mod review;
pub mod shared;
pub mod team;
pub mod welcome;
pub mod wizard;
