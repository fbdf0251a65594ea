//! A manager's view of the team: one row per person kept on this device, from their latest
//! result (date, pattern, primary cause), how each cause moved since the one before, plan
//! progress, whether a retake is due, and how many people gave an outside view of it.

use crate::bank::Bank;
use crate::cause::{Cause, PerCause};
use crate::diagnosis::{change, Change, Pattern};
use crate::schema::{answered_counts, Document};

/// A retake is due this long after the latest result.
pub const RETAKE_AFTER_MS: u64 = 30 * 86_400_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rep {
    pub profile: String,
    /// Empty for the device's own, unnamed profile.
    pub name: String,
    pub results: usize,
    /// The latest result's finish time, pattern and primary cause, if any.
    pub latest: Option<u64>,
    pub pattern: Option<Pattern>,
    pub primary: Option<Cause>,
    /// Each cause since the result before the latest, judged against its noise.
    pub trend: PerCause<Option<Change>>,
    /// Causes the latest result's answers call healthy that its numbers or raters do not
    /// (`plan::contradictions`).
    pub contradicted: Vec<Cause>,
    /// Plan actions done of those in the latest plan.
    pub plan_done: usize,
    pub plan_total: usize,
    pub retake_due: bool,
    /// How many raters' views are kept with the latest result.
    pub raters: usize,
}

/// The rows, in profile order (the page sorts them).
pub fn team(doc: &Document, bank: &Bank, now: u64) -> Vec<Rep> {
    doc.profiles
        .iter()
        .map(|p| {
            let history = p.history();
            let latest = history.first().copied();
            let before = history.get(1).copied();
            let trend = PerCause::from_fn(|c| {
                let (a, b) = (before?, latest?);
                let (na, nb) = (answered_counts(bank, a), answered_counts(bank, b));
                Some(change(((*a.scores.get(c))?, *na.get(c)), ((*b.scores.get(c))?, *nb.get(c))))
            });
            let latest_plan = crate::plan::latest_plan(bank, p);
            let (plan_done, plan_total) = latest_plan.as_ref().map_or((0, 0), |(_, _, done, total)| (*done, *total));
            let contradicted = latest_plan
                .map(|(_, plan, _, _)| plan.contradicted.iter().map(|c| c.cause).collect())
                .unwrap_or_default();
            Rep {
                profile: p.id.clone(),
                name: p.name.clone(),
                results: history.len(),
                latest: latest.map(|r| r.finished_at),
                pattern: latest.map(|r| r.pattern),
                primary: latest.and_then(|r| r.primary),
                trend,
                contradicted,
                plan_done,
                plan_total,
                retake_due: latest.is_some_and(|r| now.saturating_sub(r.finished_at) >= RETAKE_AFTER_MS),
                raters: latest.map_or(0, |r| r.raters.len()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, Reply, Responses};

    fn responses(bank: &Bank, weak: Cause, h: u8) -> Responses {
        let mut r = Responses::default();
        for i in bank.items() {
            let health = if i.cause == weak { h } else { 5 };
            let raw = if i.reverse { 6 - health } else { health };
            r.reply(&i.id, Reply::Answer(Answer::new(raw).unwrap()));
        }
        r
    }

    #[test]
    fn one_row_per_person_with_latest_trend_progress_and_retake() {
        let bank = Bank::default_bank().unwrap();
        let day = 86_400_000;
        let mut doc = Document::new();
        let sam = doc.add_profile("Sam", 1);
        let p = doc.profile_mut();
        p.start(day, "duration");
        p.progress.as_mut().unwrap().responses = responses(&bank, Cause::Effort, 1);
        p.finish(&bank, day);
        p.start(2 * day, "duration");
        p.progress.as_mut().unwrap().responses = responses(&bank, Cause::Effort, 3);
        let latest = p.finish(&bank, 2 * day).unwrap();
        let (_, plan, _, _) = crate::plan::latest_plan(&bank, p).unwrap();
        p.set_done(&latest, &plan.week[0].id, true);

        let rows = team(&doc, &bank, 40 * day);
        assert_eq!(rows.len(), 2);
        let me = &rows[0];
        assert_eq!((me.results, me.latest, me.retake_due), (0, None, false));
        let row = rows.iter().find(|r| r.profile == sam).unwrap();
        assert_eq!((row.name.as_str(), row.results, row.latest), ("Sam", 2, Some(2 * day)));
        assert_eq!(row.primary, Some(Cause::Effort));
        assert_eq!(row.trend.effort, Some(Change::Better), "0 → 50 on eight items is beyond the noise");
        assert_eq!(row.trend.training, Some(Change::Same));
        assert_eq!(row.plan_done, 1);
        assert!(row.plan_total > 1);
        assert!(row.retake_due, "38 days after the latest result");
        assert!(!team(&doc, &bank, 3 * day).iter().any(|r| r.retake_due));
        assert_eq!(row.raters, 0);
        assert_eq!(row.contradicted, vec![]);
        // A rater who sees training, healthy in Sam's answers, at its weakest.
        let view = crate::rater::View { answers: responses(&bank, Cause::Training, 1).answers, ..Default::default() };
        let rater = crate::schema::Rater { id: "r".into(), name: String::new(), received_at: 0, view };
        assert!(doc.keep_rater(&sam, &latest, rater));
        let rows = team(&doc, &bank, 3 * day);
        let row = rows.iter().find(|r| r.profile == sam).unwrap();
        assert_eq!(row.raters, 1, "an outside view exists");
        assert_eq!(row.contradicted, vec![Cause::Training], "and the row says what it questions");
    }
}
