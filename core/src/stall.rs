//! Where deals stall: the furthest stage of the last deals, as a funnel.

use crate::bank::Bank;
use serde::Serialize;

/// How many recent deals the wizard asks about.
pub const MAX_DEALS: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageCount {
    pub stage: String,
    pub name: String,
    /// Deals that reached at least this stage.
    pub reached: usize,
    /// Deals whose furthest stage was this one (lost here, except the last stage: won).
    pub stopped: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Funnel {
    pub deals: usize,
    pub stages: Vec<StageCount>,
    /// The stage where most deals stopped, not counting won deals; the earlier one on a tie.
    pub most_lost_at: Option<String>,
}

/// Builds the funnel from stage ids; unknown ids and anything past ten deals are ignored.
pub fn funnel(bank: &Bank, deals: &[String]) -> Funnel {
    let furthest: Vec<usize> = deals.iter().take(MAX_DEALS).filter_map(|d| bank.stage_index(d)).collect();
    let last = bank.stages().len().saturating_sub(1);
    let stages: Vec<StageCount> = bank
        .stages()
        .iter()
        .enumerate()
        .map(|(i, s)| StageCount {
            stage: s.id.clone(),
            name: s.name.clone(),
            reached: furthest.iter().filter(|&&f| f >= i).count(),
            stopped: furthest.iter().filter(|&&f| f == i).count(),
        })
        .collect();
    let most_lost_at = stages[..last.min(stages.len())]
        .iter()
        .filter(|s| s.stopped > 0)
        .fold(None::<&StageCount>, |best, s| match best {
            Some(b) if b.stopped >= s.stopped => Some(b),
            _ => Some(s),
        })
        .map(|s| s.stage.clone());
    Funnel { deals: furthest.len(), stages, most_lost_at }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn counts_reach_and_names_the_stage_most_lost_at() {
        let bank = Bank::default_bank().unwrap();
        let f = funnel(&bank, &ids(&["discover", "discover", "close", "grow", "connect", "discover", "nonsense"]));
        assert_eq!(f.deals, 6);
        assert_eq!(f.stages[0].reached, 6);
        assert_eq!(f.stages[2].reached, 5);
        assert_eq!(f.stages[2].stopped, 3);
        assert_eq!(f.stages[5].reached, 1);
        assert_eq!(f.most_lost_at.as_deref(), Some("discover"));
    }

    #[test]
    fn won_deals_are_not_losses_and_ties_go_to_the_earlier_stage() {
        let bank = Bank::default_bank().unwrap();
        assert_eq!(funnel(&bank, &ids(&["grow", "grow"])).most_lost_at, None);
        assert_eq!(funnel(&bank, &ids(&["advise", "connect"])).most_lost_at.as_deref(), Some("connect"));
        assert_eq!(funnel(&bank, &[]).deals, 0);
    }
}
