//! Every change a person makes to the stored document, as plain functions with tests: the
//! app's reducer only calls these, so what a click does to the data is tested natively.

use crate::answers::{Answer, Reply, Responses};
use crate::bank::Bank;
use crate::schema::{Document, Profile, Progress, Rater, Review, StoredResult, SHARED_BANK};
use crate::share::Shared;
use crate::stall::MAX_DEALS;

/// What finishing an assessment did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finish {
    /// Kept as the result with this id.
    Done(String),
    /// Not finished: a cause has too few answers (see `finish_unless_gaps`).
    Gaps,
    /// Nothing was in progress.
    Nothing,
}

impl Profile {
    /// Starts a new assessment at `first_step`, replacing any in progress.
    pub fn start(&mut self, now: u64, first_step: &str) {
        self.progress =
            Some(Progress { started_at: now, step: first_step.to_string(), responses: Responses::default() });
    }

    /// Finishes the assessment in progress as a result with id `r<now>`; its id, or None
    /// when nothing was in progress.
    pub fn finish(&mut self, bank: &Bank, now: u64) -> Option<String> {
        match self.finish_unless_gaps(bank, now, true) {
            Finish::Done(id) => Some(id),
            Finish::Gaps | Finish::Nothing => None,
        }
    }

    /// Finishes the assessment in progress, unless (and `anyway` is false) a cause has too
    /// few answers to be scored: then it stays in progress and the person sees the gaps
    /// first. The answers are diagnosed once, for both.
    pub fn finish_unless_gaps(&mut self, bank: &Bank, now: u64, anyway: bool) -> Finish {
        let Some(progress) = &self.progress else { return Finish::Nothing };
        let d = crate::diagnosis::diagnose(bank, &progress.responses);
        if !anyway && d.verdict.unclear == Some(crate::diagnosis::Unclear::TooFew) {
            return Finish::Gaps;
        }
        let Some(progress) = self.progress.take() else { return Finish::Nothing };
        let id = format!("r{now}");
        self.results.push(StoredResult::diagnosed(id.clone(), now, bank, progress.responses, d));
        Finish::Done(id)
    }

    /// Checks or unchecks a plan action of a result.
    pub fn set_done(&mut self, result: &str, action: &str, on: bool) {
        let list = self.done.entry(result.to_string()).or_default();
        list.retain(|a| a != action);
        if on {
            list.push(action.to_string());
        }
    }

    /// Keeps a daily review: one per day (a second one that day replaces the first), in date order.
    pub fn save_review(&mut self, review: Review) {
        self.reviews.retain(|r| r.day != review.day);
        self.reviews.push(review);
        self.reviews.sort_by(|a, b| a.day.cmp(&b.day));
    }

    /// Deletes a result and its plan checks.
    pub fn delete_result(&mut self, id: &str) {
        self.results.retain(|r| r.id != id);
        self.done.remove(id);
    }
}

impl Progress {
    /// A reply to a scored item; the first reply's time is kept (it tells whether the
    /// question was read).
    pub fn answer(&mut self, item: &str, reply: Reply, elapsed_ms: u32) {
        self.responses.timings.entry(item.to_string()).or_insert(elapsed_ms);
        self.responses.reply(item, reply);
    }

    pub fn self_talk(&mut self, answer: Answer) {
        self.responses.self_talk = Some(answer);
    }

    /// Chooses or clears an option of a slump fact; a single-choice fact keeps one.
    pub fn fact(&mut self, fact: &str, option: &str, multiple: bool, on: bool) {
        let chosen = self.responses.facts.entry(fact.to_string()).or_default();
        if !multiple {
            chosen.clear();
        }
        chosen.retain(|o| o != option);
        if on {
            chosen.push(option.to_string());
        }
    }

    /// The numbers step, as it stands after the person's last edit.
    pub fn numbers(&mut self, numbers: crate::numbers::Numbers) {
        self.responses.numbers = numbers;
    }

    pub fn story(&mut self, id: &str, on: bool) {
        self.responses.stories.retain(|x| x != id);
        if on {
            self.responses.stories.push(id.to_string());
        }
    }

    /// Sets (or clears) the furthest stage of deal `index` (0-based, below [`MAX_DEALS`]);
    /// trailing empty deals are dropped. False when the index is out of range.
    pub fn deal(&mut self, index: usize, stage: Option<String>) -> bool {
        if index >= MAX_DEALS {
            return false;
        }
        let deals = &mut self.responses.deals;
        if deals.len() <= index {
            deals.resize(index + 1, String::new());
        }
        deals[index] = stage.unwrap_or_default();
        while deals.last().is_some_and(|d| d.is_empty()) {
            deals.pop();
        }
        true
    }
}

impl Document {
    /// Uses another profile; false when there is none with that id.
    pub fn switch_profile(&mut self, id: &str) -> bool {
        if !self.profiles.iter().any(|p| p.id == id) {
            return false;
        }
        self.active = id.to_string();
        true
    }

    /// The result a reply answers, as (profile id, result id): the one whose request id
    /// (`rater::request_id`) the reply carries, on any profile.
    pub fn requested_by(&self, request: &str) -> Option<(String, String)> {
        self.profiles.iter().find_map(|p| {
            let r = p.results.iter().find(|r| crate::rater::request_id(&r.id) == request)?;
            Some((p.id.clone(), r.id.clone()))
        })
    }

    /// Keeps a rater's view with a result; false when there is no such result or this
    /// reply (by its id) is already kept there.
    pub fn keep_rater(&mut self, profile: &str, result: &str, rater: Rater) -> bool {
        let found = self.profiles.iter_mut().filter(|p| p.id == profile).flat_map(|p| &mut p.results);
        let Some(r) = found.into_iter().find(|r| r.id == result) else { return false };
        if r.raters.iter().any(|k| k.id == rater.id) {
            return false;
        }
        r.raters.push(rater);
        true
    }

    /// Removes a rater's view from a result.
    pub fn remove_rater(&mut self, profile: &str, result: &str, rater: &str) {
        let found = self.profiles.iter_mut().filter(|p| p.id == profile).flat_map(|p| &mut p.results);
        for r in found.filter(|r| r.id == result) {
            r.raters.retain(|k| k.id != rater);
        }
    }

    /// Keeps a result opened from a share link with a person's results (a manager keeping a
    /// rep's result): its scores, verdict and flags, no answers, taken on the link's day
    /// (at noon UTC, and never later than `now`, so a link dated ahead cannot stand as the
    /// latest result for ever). Its id, or None when there is no such profile. The same
    /// link kept twice is one result.
    pub fn keep_shared(&mut self, profile: &str, shared: &Shared, now: u64) -> Option<String> {
        let id = format!("s{:08x}", crate::share::fnv1a(&crate::share::encode(shared)));
        let p = self.profiles.iter_mut().find(|p| p.id == profile)?;
        if !p.results.iter().any(|r| r.id == id) {
            p.results.push(StoredResult {
                id: id.clone(),
                finished_at: (u64::try_from(shared.day).unwrap_or(0) * 86_400_000 + 12 * 3_600_000).min(now),
                bank: SHARED_BANK.into(),
                responses: Responses::default(),
                scores: shared.scores.clone(),
                primary: shared.verdict.primary,
                pattern: shared.verdict.pattern,
                flags: shared.flags.clone(),
                raters: Vec::new(),
            });
        }
        Some(id)
    }

    /// Adds a named profile (`p<now>`) and uses it; its id.
    pub fn add_profile(&mut self, name: &str, now: u64) -> String {
        let id = format!("p{now}");
        self.profiles.push(Profile::new(&id, name.trim()));
        self.active = id.clone();
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> Bank {
        Bank::default_bank().unwrap()
    }

    fn review(day: &str, worked: &str) -> Review {
        Review {
            day: day.into(),
            followed: "yes".into(),
            worked: worked.into(),
            change: String::new(),
            note: String::new(),
            saved_at: 1,
        }
    }

    #[test]
    fn finishing_with_too_few_answers_shows_the_gaps_first_unless_asked_anyway() {
        let b = bank();
        let mut p = Profile::new("p", "");
        assert_eq!(p.finish_unless_gaps(&b, 1, false), Finish::Nothing);
        p.start(1, "x");
        assert_eq!(p.finish_unless_gaps(&b, 2, false), Finish::Gaps);
        assert!(p.progress.is_some() && p.results.is_empty(), "still in progress");
        assert_eq!(p.finish_unless_gaps(&b, 3, true), Finish::Done("r3".into()));
        assert!(p.progress.is_none());
        assert_eq!(p.results[0], StoredResult::finish("r3".into(), 3, &b, Responses::default()));
    }

    #[test]
    fn a_shared_result_is_kept_once_with_a_person_and_reads_the_same_verdict() {
        let b = bank();
        let mut doc = Document::new();
        let sam = doc.add_profile("Sam", 5);
        let scores = crate::PerCause { training: Some(80), effort: Some(30), discipline: Some(70), feedback: Some(75) };
        let answered = crate::PerCause::from_fn(|_| 8);
        let v = crate::diagnosis::verdict(&crate::diagnosis::scores_only(&scores, &answered), &[]);
        let shared = Shared { scores, answered, flags: Vec::new(), verdict: v.clone(), day: 20_780 };
        let link = crate::share::encode(&shared);
        let shared = crate::share::decode(&link).unwrap();
        let now = 20_800 * 86_400_000;
        assert_eq!(doc.keep_shared("nobody", &shared, now), None);
        let id = doc.keep_shared(&sam, &shared, now).unwrap();
        assert_eq!(doc.keep_shared(&sam, &shared, now), Some(id.clone()), "the same link twice is one result");
        let p = doc.profiles.iter().find(|p| p.id == sam).unwrap();
        assert_eq!(p.results.len(), 1);
        let r = &p.results[0];
        assert_eq!((r.primary, r.pattern), (v.primary, v.pattern));
        assert_eq!(crate::days::iso_date((r.finished_at / 86_400_000) as i64), crate::days::iso_date(20_780));
        assert_eq!(crate::schema::diagnose_result(&b, r).verdict.weak, v.weak);
        // It survives a save.
        assert_eq!(crate::schema::decode(&crate::schema::encode(&doc)).unwrap(), doc);
        // A link dated ahead is kept as of now.
        let ahead = Shared { day: 30_000, ..shared };
        let id = doc.keep_shared(&sam, &ahead, now).unwrap();
        let kept = doc.profiles.iter().flat_map(|p| &p.results).find(|r| r.id == id).unwrap();
        assert_eq!(kept.finished_at, now);
    }

    #[test]
    fn a_reply_finds_its_result_is_kept_once_and_can_be_removed() {
        let b = bank();
        let mut doc = Document::new();
        let other = doc.add_profile("Rep", 5);
        doc.profile_mut().start(6, "x");
        let result = doc.profile_mut().finish(&b, 7).unwrap();
        doc.switch_profile(crate::schema::DEFAULT_PROFILE);
        let request = crate::rater::request_id(&result);
        assert_eq!(doc.requested_by(&request), Some((other.clone(), result.clone())));
        assert_eq!(doc.requested_by("00000000"), None);
        let rater = Rater { id: "c0ffee00".into(), name: "Dana".into(), received_at: 9, view: Default::default() };
        assert!(doc.keep_rater(&other, &result, rater.clone()));
        assert!(!doc.keep_rater(&other, &result, rater.clone()), "the same reply is kept once");
        assert!(!doc.keep_rater(&other, "nope", rater.clone()));
        let second = Rater { id: "c0ffee01".into(), ..rater };
        assert!(doc.keep_rater(&other, &result, second));
        doc.remove_rater(&other, &result, "c0ffee00");
        let kept: Vec<&str> =
            doc.profiles.iter().flat_map(|p| &p.results).flat_map(|r| &r.raters).map(|r| r.id.as_str()).collect();
        assert_eq!(kept, vec!["c0ffee01"]);
    }

    #[test]
    fn an_assessment_starts_answers_and_finishes_as_a_result() {
        let b = bank();
        let mut doc = Document::new();
        let p = doc.profile_mut();
        p.start(10, "duration");
        let progress = p.progress.as_mut().unwrap();
        progress.answer("training-close", Reply::Answer(Answer::new(2).unwrap()), 4_000);
        progress.answer("training-close", Reply::NotApplicable, 50);
        assert!(progress.responses.not_applicable.contains("training-close"));
        assert!(!progress.responses.answers.contains_key("training-close"));
        assert_eq!(progress.responses.timings["training-close"], 4_000, "the first reply's time is kept");
        progress.fact("duration", "lt1m", false, true);
        progress.fact("duration", "gt6m", false, true);
        progress.fact("changed", "team", true, true);
        progress.fact("changed", "quota", true, true);
        progress.fact("changed", "team", true, false);
        assert_eq!(progress.responses.facts["duration"], vec!["gt6m"]);
        assert_eq!(progress.responses.facts["changed"], vec!["quota"]);
        progress.story("leads", true);
        progress.story("leads", true);
        assert_eq!(progress.responses.stories, vec!["leads"]);
        assert!(progress.deal(2, Some("close".into())));
        assert_eq!(progress.responses.deals, vec!["", "", "close"]);
        assert!(progress.deal(2, None));
        assert!(progress.responses.deals.is_empty(), "trailing empty deals are dropped");
        assert!(!progress.deal(MAX_DEALS, Some("grow".into())));
        progress.self_talk(Answer::new(5).unwrap());

        let id = p.finish(&b, 99).unwrap();
        assert_eq!(id, "r99");
        assert!(p.progress.is_none());
        assert_eq!(p.results[0].responses.self_talk, Answer::new(5));
        assert!(p.results[0].responses.timings.is_empty(), "timings are not kept after the finish");
        assert_eq!(p.finish(&b, 100), None, "nothing in progress");
    }

    #[test]
    fn checks_reviews_and_deletions() {
        let mut p = Profile::new("a", "");
        p.set_done("r1", "x", true);
        p.set_done("r1", "x", true);
        p.set_done("r1", "y", true);
        p.set_done("r1", "x", false);
        assert_eq!(p.done["r1"], vec!["y"]);
        p.save_review(review("2026-11-27", "first"));
        p.save_review(review("2026-11-20", "earlier"));
        p.save_review(review("2026-11-27", "second"));
        assert_eq!(p.reviews.iter().map(|r| r.worked.as_str()).collect::<Vec<_>>(), ["earlier", "second"]);
        let b = bank();
        p.start(1, "duration");
        let id = p.finish(&b, 5).unwrap();
        p.set_done(&id, "z", true);
        p.delete_result(&id);
        assert!(p.results.is_empty() && !p.done.contains_key(&id));
    }

    #[test]
    fn profiles_are_added_and_switched_by_id() {
        let mut doc = Document::new();
        let id = doc.add_profile("  Sam  ", 7);
        assert_eq!((id.as_str(), doc.active.as_str(), doc.profile().name.as_str()), ("p7", "p7", "Sam"));
        assert!(doc.switch_profile("default"));
        assert!(!doc.switch_profile("nobody"));
        assert_eq!(doc.active, "default");
    }
}
