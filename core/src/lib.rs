//! Groove's pure core: the bank, answers, scoring, diagnosis, plan and the stored schema.
//!
//! This crate knows nothing about the browser: no yew, web-sys or gloo. Everything the app
//! shows is computed here, so the same code serves the app, `cargo xtask score` and the tests.

pub mod answers;
pub mod bank;
pub mod cause;
pub mod changes;
pub mod days;
pub mod diagnosis;
pub mod embed;
pub mod handoff;
pub mod ics;
pub mod numbers;
pub mod outside;
pub mod plan;
pub mod rater;
pub mod schema;
pub mod share;
pub mod stall;
pub mod team;
pub mod transfer;
pub mod wizard;

pub use answers::{Answer, Responses};
pub use bank::{Bank, BankError};
pub use cause::{Cause, PerCause};
pub use diagnosis::{diagnose, Band, Diagnosis, Flag, Pattern};
