//! Pieces the pages share: they take data and callbacks (never the reducer handle) and
//! never import a page.

pub mod backup;
pub mod chart;
pub mod deals;
pub mod guide;
pub mod link;
pub mod nav;
pub mod numbers;
pub mod outside;
pub mod question;
pub mod status;
pub mod verdict;
