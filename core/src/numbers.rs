//! The seller's own numbers, and the arithmetic that checks their answers: activity
//! against their best, conversion from stage to stage, and the weekly activity their
//! target needs (target ÷ deal size ÷ win rate ÷ stage conversions), every step shown.

use crate::answers::Responses;
use crate::cause::Cause;
use serde::{Deserialize, Serialize};

/// One week of selling, as the seller counts it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Week {
    /// Real conversations with buyers (calls answered, meetings, replies that led somewhere).
    pub conversations: u32,
    /// First meetings held.
    pub meetings: u32,
    /// Proposals sent.
    pub proposals: u32,
    /// Deals won.
    pub won: u32,
}

/// Everything the optional numbers step collects; each part may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Numbers {
    /// A typical week now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub now: Option<Week>,
    /// A week in the seller's best month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best: Option<Week>,
    /// Average deal size, in the seller's currency (whole units).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deal_size: Option<u32>,
    /// Target for a month, in the same currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<u32>,
}

impl Numbers {
    pub fn is_empty(&self) -> bool {
        *self == Numbers::default()
    }
}

/// The largest count a week may hold, and the largest money amount: anything above is a typo.
pub const MAX_WEEKLY: u32 = 10_000;
pub const MAX_MONEY: u32 = 1_000_000_000;

/// Reads a number a person typed: a whole number from 0 to `max` (spaces and thousands
/// separators "," "." "'" allowed between digits), or why not. Empty text is `Ok(None)`.
///
/// Separators only count between digit groups: the first group has one to three digits and
/// every later one exactly three, all with the same separator ("12 000", "12,000", "1.500",
/// "1'234'567"). The reasons are short and plain, so the app shows them as they are.
pub fn parse_count(text: &str, max: u32) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = text.strip_prefix('-') {
        if digits_value(rest.trim_start()).is_ok() {
            return Err("cannot be below zero".into());
        }
    }
    match digits_value(text) {
        Ok(n) if n > u64::from(max) => Err(format!("is above {max}, which looks like a typo")),
        Ok(n) => Ok(Some(n as u32)),
        Err(reason) => Err(reason.into()),
    }
}

/// Whether a character may separate thousands.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | ',' | '.' | '\'' | '_' | '\u{a0}' | '\u{202f}')
}

/// The value of digits in thousands groups, saturating far above any `max` (`u32` at most).
fn digits_value(text: &str) -> Result<u64, &'static str> {
    const WHOLE: &str = "must be a whole number, 0 or more";
    let mut groups: Vec<&str> = Vec::new();
    let mut separator = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            continue;
        }
        if !is_separator(c) {
            return Err(WHOLE);
        }
        if separator.is_some_and(|s| s != c) {
            return Err(WHOLE);
        }
        separator = Some(c);
        groups.push(&text[start..i]);
        start = i + c.len_utf8();
    }
    groups.push(&text[start..]);
    if groups.iter().any(|g| g.is_empty()) {
        return Err(WHOLE);
    }
    if groups.len() > 1 {
        let last = groups[groups.len() - 1];
        if groups.len() == 2 && matches!(separator, Some('.' | ',')) && last.len() != 3 {
            return Err("must be a whole number, without decimals");
        }
        if groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(WHOLE);
        }
    }
    let mut value: u64 = 0;
    for b in groups.iter().flat_map(|g| g.bytes()) {
        value = value.saturating_mul(10).saturating_add(u64::from(b - b'0')).min(u64::from(u32::MAX) + 1);
    }
    Ok(value)
}

/// One step of the arithmetic toward the weekly activity the target needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// What this step works out, as an id the app words: `deals_per_month`,
    /// `deals_per_week`, `proposals_per_week`, `meetings_per_week`, `conversations_per_week`.
    pub what: &'static str,
    /// The value before the step, the divisor, and the result (exact; the app rounds to show it).
    pub from: f64,
    pub divide_by: f64,
    pub result: f64,
}

/// A place where the numbers and the answers disagree.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Disagreement {
    pub cause: Cause,
    /// The item whose answer the numbers contradict.
    pub item: String,
    /// `higher`: the answer claims more than the numbers show; `lower`: the reverse.
    pub answers_say: &'static str,
    /// Activity now as a percentage of the best week (or of what the target needs).
    pub numbers_pct: u32,
}

impl Disagreement {
    /// The answer claims more than the numbers show (`answers_say == "higher"`).
    pub fn claims_more(&self) -> bool {
        self.answers_say == "higher"
    }

    /// The answer is about what the target needs, so `numbers_pct` is of that need.
    pub fn about_target(&self) -> bool {
        self.item == TARGET
    }
}

/// Which of the two weeks a figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Which {
    Now,
    Best,
}

/// What the numbers say.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Worked {
    /// Conversations now as a percentage of the best week.
    pub activity_vs_best_pct: Option<u32>,
    /// Conversion now (or in the best week when now has none), in percent:
    /// meetings/conversations, proposals/meetings, won/proposals.
    pub conversion_pct: Option<[u32; 3]>,
    /// The week `conversion_pct` comes from.
    pub conversion_from: Option<Which>,
    /// The week whose rates the `steps` use.
    pub rates_from: Option<Which>,
    /// Conversations now as a percentage of `weekly_needed`.
    pub now_vs_needed_pct: Option<u32>,
    /// The arithmetic from the target down to conversations a week, every step.
    pub steps: Vec<Step>,
    /// Conversations a week the target needs (the last step, rounded up), and a day (÷ 5, rounded up).
    pub weekly_needed: Option<u32>,
    pub daily_needed: Option<u32>,
    pub disagreements: Vec<Disagreement>,
}

/// Items whose answers the numbers can check.
const BEST_MONTHS_NOW: &str = "effort-best-months-now";
const BEST_MONTHS: &str = "effort-best-months";
const TARGET: &str = "effort-target";

/// Below this share of the best week (or of what the target needs), "as high as" is a claim
/// the numbers contradict.
const LOW_PCT: u32 = 80;
/// At or above this share of the best week, "fewer than in my best months" is contradicted.
const HIGH_PCT: u32 = 95;

/// Weeks in a month on average: 52 weeks ÷ 12 months.
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// Works out what the numbers say, and where they disagree with the answers.
///
/// - `activity_vs_best_pct` = round(now.conversations × 100 ÷ best.conversations), when both
///   weeks are given and the best week had conversations.
/// - `conversion_pct` = round(100 × meetings ÷ conversations), round(100 × proposals ÷
///   meetings), round(100 × won ÷ proposals), each capped at 100, from `now` when its
///   conversations, meetings and proposals are all above 0, else from `best` by the same rule.
/// - `steps`, when deal size and target are above 0: the rates come from the best week when it
///   has conversations, meetings, proposals and won all above 0 (what worked), else from now
///   by the same rule, else there are no steps. Each rate is capped at 1 (more won than
///   proposals in one week means deals from earlier weeks, not a rate above 100 %).
///   1. deals a month = target ÷ deal size
///   2. deals a week = deals a month ÷ (52 ÷ 12)
///   3. proposals a week = deals a week ÷ (won ÷ proposals)
///   4. meetings a week = proposals a week ÷ (proposals ÷ meetings)
///   5. conversations a week = meetings a week ÷ (meetings ÷ conversations)
///
///   `weekly_needed` = ⌈conversations a week⌉, `daily_needed` = ⌈weekly_needed ÷ 5⌉,
///   `now_vs_needed_pct` = round(now.conversations × 100 ÷ weekly_needed). `rates_from` and
///   `conversion_from` say which week the rates and the conversions came from.
/// - `disagreements` (answers 1..=5, never "doesn't apply"):
///   - `effort-best-months-now` (plain) 4–5 while activity is under 80 % of the best week:
///     the answer says `higher`; 1–2 while it is 95 % or more: `lower`.
///   - `effort-best-months` (reverse: "fewer than in my best months") 1–2 under 80 %:
///     `higher`; 4–5 at 95 % or more: `lower`.
///   - `effort-target` (plain), with pct = round(now.conversations × 100 ÷ weekly_needed):
///     4–5 under 80 %: `higher`; 1–2 at 100 % or more: `lower`.
pub fn work_out(numbers: &Numbers, responses: &Responses) -> Worked {
    let activity_vs_best_pct = match (numbers.now, numbers.best) {
        (Some(now), Some(best)) if best.conversations > 0 => Some(pct(now.conversations, best.conversations)),
        _ => None,
    };
    let funnel = [(numbers.now, Which::Now), (numbers.best, Which::Best)]
        .into_iter()
        .find_map(|(w, which)| w.filter(has_funnel).map(|w| (w, which)));
    let conversion_from = funnel.map(|(_, which)| which);
    let conversion_pct = funnel.map(|(w, _)| {
        [
            pct(w.meetings, w.conversations).min(100),
            pct(w.proposals, w.meetings).min(100),
            pct(w.won, w.proposals).min(100),
        ]
    });
    let (steps, rates_from) = steps(numbers);
    let weekly_needed = steps.last().map(|s| round_up(s.result));
    let now_vs_needed_pct = match (numbers.now, weekly_needed) {
        (Some(now), Some(needed)) if needed > 0 => Some(pct(now.conversations, needed)),
        _ => None,
    };
    let daily_needed = weekly_needed.map(|w| u64::from(w).div_ceil(5) as u32);

    let mut disagreements = Vec::new();
    let answer = |item: &str| responses.answers.get(item).map(|a| a.value());
    let mut check = |item: &str, numbers_pct: u32, says_higher: bool, says_lower: bool| {
        let answers_say = if says_higher {
            "higher"
        } else if says_lower {
            "lower"
        } else {
            return;
        };
        disagreements.push(Disagreement { cause: Cause::Effort, item: item.to_string(), answers_say, numbers_pct });
    };
    if let Some(p) = activity_vs_best_pct {
        if let Some(a) = answer(BEST_MONTHS_NOW) {
            check(BEST_MONTHS_NOW, p, a >= 4 && p < LOW_PCT, a <= 2 && p >= HIGH_PCT);
        }
        if let Some(a) = answer(BEST_MONTHS) {
            check(BEST_MONTHS, p, a <= 2 && p < LOW_PCT, a >= 4 && p >= HIGH_PCT);
        }
    }
    if let (Some(p), Some(a)) = (now_vs_needed_pct, answer(TARGET)) {
        check(TARGET, p, a >= 4 && p < LOW_PCT, a <= 2 && p >= 100);
    }
    Worked {
        activity_vs_best_pct,
        conversion_pct,
        conversion_from,
        rates_from,
        now_vs_needed_pct,
        steps,
        weekly_needed,
        daily_needed,
        disagreements,
    }
}

/// Whether a week has every stage before won above 0, so its conversions can be divided.
fn has_funnel(w: &Week) -> bool {
    w.conversations > 0 && w.meetings > 0 && w.proposals > 0
}

/// round(part × 100 ÷ whole), half up, saturating at `u32::MAX`; `whole` must be above 0.
fn pct(part: u32, whole: u32) -> u32 {
    let whole = u64::from(whole);
    u32::try_from((u64::from(part) * 100 + whole / 2) / whole).unwrap_or(u32::MAX)
}

/// A result rounded up to a whole count, forgiving float noise (12.000000000000002 is 12)
/// by a relative margin, so any need above 0 is still at least 1.
pub fn round_up(x: f64) -> u32 {
    // `as` saturates: a need beyond u32 reads as u32::MAX, never wraps.
    (x * (1.0 - 1e-12)).ceil().max(0.0) as u32
}

/// The arithmetic from the target down to conversations a week (see [`work_out`]).
fn steps(numbers: &Numbers) -> (Vec<Step>, Option<Which>) {
    let (Some(deal_size), Some(target)) = (numbers.deal_size, numbers.target) else {
        return (Vec::new(), None);
    };
    if deal_size == 0 || target == 0 {
        return (Vec::new(), None);
    }
    let Some((w, which)) = [(numbers.best, Which::Best), (numbers.now, Which::Now)]
        .into_iter()
        .find_map(|(w, which)| w.filter(|w| has_funnel(w) && w.won > 0).map(|w| (w, which)))
    else {
        return (Vec::new(), None);
    };
    let rate = |next: u32, previous: u32| (f64::from(next) / f64::from(previous)).min(1.0);
    let divisors = [
        ("deals_per_month", f64::from(deal_size)),
        ("deals_per_week", WEEKS_PER_MONTH),
        ("proposals_per_week", rate(w.won, w.proposals)),
        ("meetings_per_week", rate(w.proposals, w.meetings)),
        ("conversations_per_week", rate(w.meetings, w.conversations)),
    ];
    let mut from = f64::from(target);
    let steps = divisors
        .into_iter()
        .map(|(what, divide_by)| {
            let result = from / divide_by;
            let step = Step { what, from, divide_by, result };
            from = result;
            step
        })
        .collect();
    (steps, Some(which))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, Reply};
    use proptest::prelude::*;

    fn week(conversations: u32, meetings: u32, proposals: u32, won: u32) -> Week {
        Week { conversations, meetings, proposals, won }
    }

    fn answered(replies: &[(&str, u8)]) -> Responses {
        let mut r = Responses::default();
        for &(item, value) in replies {
            r.reply(item, Reply::Answer(Answer::new(value).unwrap()));
        }
        r
    }

    #[test]
    fn parse_count_reads_what_people_type() {
        for (text, want) in [
            ("", None),
            ("   ", None),
            ("0", Some(0)),
            (" 42 ", Some(42)),
            ("12 000", Some(12_000)),
            ("12,000", Some(12_000)),
            ("1.500", Some(1_500)),
            ("1'234'567", Some(1_234_567)),
            ("1_000", Some(1_000)),
            ("10\u{a0}000", Some(10_000)),
            ("007", Some(7)),
            ("1000000000", Some(1_000_000_000)),
        ] {
            assert_eq!(parse_count(text, MAX_MONEY), Ok(want), "{text:?}");
        }
    }

    #[test]
    fn parse_count_says_why_not() {
        for (text, max, reason) in [
            ("-3", MAX_WEEKLY, "cannot be below zero"),
            ("- 3", MAX_WEEKLY, "cannot be below zero"),
            ("-1,000", MAX_WEEKLY, "cannot be below zero"),
            ("2.5", MAX_WEEKLY, "must be a whole number, without decimals"),
            ("1,50", MAX_WEEKLY, "must be a whole number, without decimals"),
            ("abc", MAX_WEEKLY, "must be a whole number, 0 or more"),
            ("12k", MAX_WEEKLY, "must be a whole number, 0 or more"),
            ("+3", MAX_WEEKLY, "must be a whole number, 0 or more"),
            ("-", MAX_WEEKLY, "must be a whole number, 0 or more"),
            ("1,,000", MAX_WEEKLY, "must be a whole number, 0 or more"),
            ("1,000.000", MAX_MONEY, "must be a whole number, 0 or more"),
            (",100", MAX_WEEKLY, "must be a whole number, 0 or more"),
            ("100,", MAX_WEEKLY, "must be a whole number, 0 or more"),
            ("1 2", MAX_WEEKLY, "must be a whole number, 0 or more"),
            ("1234,567", MAX_MONEY, "must be a whole number, 0 or more"),
            ("10001", MAX_WEEKLY, "is above 10000, which looks like a typo"),
            ("12 000", MAX_WEEKLY, "is above 10000, which looks like a typo"),
            ("99999999999999999999999999", MAX_MONEY, "is above 1000000000, which looks like a typo"),
        ] {
            assert_eq!(parse_count(text, max), Err(reason.to_string()), "{text:?}");
        }
    }

    #[test]
    fn worked_example_with_the_best_weeks_rates() {
        // Now 30 conversations, 6 meetings, 3 proposals, 1 won; best 50, 10, 5, 2.
        // Deal size 5 000, target 40 000 a month.
        let numbers = Numbers {
            now: Some(week(30, 6, 3, 1)),
            best: Some(week(50, 10, 5, 2)),
            deal_size: Some(5_000),
            target: Some(40_000),
        };
        let w = work_out(&numbers, &Responses::default());
        // Activity: 30 × 100 ÷ 50 = 60 %.
        assert_eq!(w.activity_vs_best_pct, Some(60));
        // Conversion from now: 6/30 = 20 %, 3/6 = 50 %, 1/3 = 33.3 → 33 %.
        assert_eq!(w.conversion_pct, Some([20, 50, 33]));
        // Rates from the best week (it won): 2/5 = 0.4, 5/10 = 0.5, 10/50 = 0.2.
        // 40 000 ÷ 5 000 = 8 deals a month; 8 ÷ (52/12) = 1.846 a week; ÷ 0.4 = 4.615 proposals;
        // ÷ 0.5 = 9.231 meetings; ÷ 0.2 = 46.15 conversations → 47 a week, ⌈47 ÷ 5⌉ = 10 a day.
        let got: Vec<(&str, f64, f64, f64)> = w.steps.iter().map(|s| (s.what, s.from, s.divide_by, s.result)).collect();
        let want = [
            ("deals_per_month", 40_000.0, 5_000.0, 8.0),
            ("deals_per_week", 8.0, 52.0 / 12.0, 1.846_153_8),
            ("proposals_per_week", 1.846_153_8, 0.4, 4.615_384_6),
            ("meetings_per_week", 4.615_384_6, 0.5, 9.230_769_2),
            ("conversations_per_week", 9.230_769_2, 0.2, 46.153_846),
        ];
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.0, w.0);
            for (a, b) in [(g.1, w.1), (g.2, w.2), (g.3, w.3)] {
                assert!((a - b).abs() < 1e-6, "{g:?} against {w:?}");
            }
        }
        assert_eq!((w.weekly_needed, w.daily_needed), (Some(47), Some(10)));
        // Which week each figure came from, and this week against the need: 30 × 100 ÷ 47 = 64 %.
        assert_eq!(
            (w.conversion_from, w.rates_from, w.now_vs_needed_pct),
            (Some(Which::Now), Some(Which::Best), Some(64))
        );
        assert!(w.disagreements.is_empty(), "no answers, nothing to disagree with");
        // A best week that never won: the rates come from now, and so does the conversion.
        let numbers = Numbers { best: Some(week(50, 10, 5, 0)), ..numbers };
        let w = work_out(&numbers, &Responses::default());
        assert_eq!((w.conversion_from, w.rates_from), (Some(Which::Now), Some(Which::Now)));
        // No week now with a funnel: the conversion is the best week's.
        let numbers = Numbers { now: Some(week(30, 0, 0, 0)), best: Some(week(50, 10, 5, 2)), ..numbers };
        let w = work_out(&numbers, &Responses::default());
        assert_eq!((w.conversion_from, w.rates_from), (Some(Which::Best), Some(Which::Best)));
    }

    #[test]
    fn worked_examples_table() {
        struct Case {
            why: &'static str,
            numbers: Numbers,
            activity: Option<u32>,
            conversion: Option<[u32; 3]>,
            weekly: Option<u32>,
            daily: Option<u32>,
        }
        let n = |now: Option<Week>, best: Option<Week>, deal_size: Option<u32>, target: Option<u32>| Numbers {
            now,
            best,
            deal_size,
            target,
        };
        let cases = [
            Case {
                // 52 000 ÷ 1 000 = 52 a month; ÷ (52/12) = 12 a week (float gives 12.000…02, still 12);
                // best rates 5/10 = 0.5, 10/20 = 0.5, 20/80 = 0.25: 24 proposals, 48 meetings,
                // 192 conversations; ⌈192 ÷ 5⌉ = 39 a day. Activity 40 × 100 ÷ 80 = 50 %.
                why: "exact arithmetic",
                numbers: n(Some(week(40, 10, 5, 2)), Some(week(80, 20, 10, 5)), Some(1_000), Some(52_000)),
                activity: Some(50),
                conversion: Some([25, 50, 40]),
                weekly: Some(192),
                daily: Some(39),
            },
            Case {
                // The best week won nothing, so now's rates: 5/5 = 1, 5/10 = 0.5, 10/40 = 0.25.
                // 13 000 ÷ 1 000 = 13; ÷ (52/12) = 3 deals; 3 proposals; 6 meetings; 24 conversations;
                // ⌈24 ÷ 5⌉ = 5. Activity 40 × 100 ÷ 50 = 80 %.
                why: "best week without wins",
                numbers: n(Some(week(40, 10, 5, 5)), Some(week(50, 10, 5, 0)), Some(1_000), Some(13_000)),
                activity: Some(80),
                conversion: Some([25, 50, 100]),
                weekly: Some(24),
                daily: Some(5),
            },
            Case {
                // More won than proposals (4 of 2): the rate is capped at 1 and the percentage at 100.
                // 13 000 ÷ 1 000 ÷ (52/12) = 3 deals; ÷ 1 = 3 proposals; ÷ (2/5) = 7.5 meetings;
                // ÷ (5/10) = 15 conversations; ⌈15 ÷ 5⌉ = 3.
                why: "won above proposals",
                numbers: n(Some(week(10, 5, 2, 4)), None, Some(1_000), Some(13_000)),
                activity: None,
                conversion: Some([50, 40, 100]),
                weekly: Some(15),
                daily: Some(3),
            },
            Case {
                // Now has no meetings, so conversion comes from the best week: 10/50, 5/10, 2/5.
                // Activity 20 × 100 ÷ 50 = 40 %. No deal size: no steps.
                why: "conversion from the best week",
                numbers: n(Some(week(20, 0, 0, 0)), Some(week(50, 10, 5, 2)), None, Some(10_000)),
                activity: Some(40),
                conversion: Some([20, 50, 40]),
                weekly: None,
                daily: None,
            },
            Case {
                // 1 × 100 ÷ 3 = 33.3 → 33; 2 × 100 ÷ 3 = 66.7 → 67 (nearest, not truncated).
                why: "rounding to nearest",
                numbers: n(Some(week(2, 0, 0, 0)), Some(week(3, 0, 0, 0)), Some(1), Some(1)),
                activity: Some(67),
                conversion: None,
                weekly: None,
                daily: None,
            },
            Case {
                why: "a best week without conversations",
                numbers: n(Some(week(10, 0, 0, 0)), Some(week(0, 0, 0, 0)), None, None),
                activity: None,
                conversion: None,
                weekly: None,
                daily: None,
            },
            Case {
                // A funnel, but nothing ever won: no win rate, so no steps.
                why: "no wins anywhere",
                numbers: n(Some(week(10, 5, 2, 0)), Some(week(10, 5, 2, 0)), Some(1_000), Some(10_000)),
                activity: Some(100),
                conversion: Some([50, 40, 0]),
                weekly: None,
                daily: None,
            },
            Case {
                why: "zero target",
                numbers: n(Some(week(10, 5, 2, 1)), None, Some(1_000), Some(0)),
                activity: None,
                conversion: Some([50, 40, 50]),
                weekly: None,
                daily: None,
            },
            Case {
                // 1 ÷ 1 000 ÷ (52/12) = 0.00023 deals a week … still at least one conversation.
                why: "a tiny target still needs one conversation",
                numbers: n(Some(week(10, 5, 2, 1)), None, Some(1_000), Some(1)),
                activity: None,
                conversion: Some([50, 40, 50]),
                weekly: Some(1),
                daily: Some(1),
            },
            Case {
                why: "nothing given",
                numbers: Numbers::default(),
                activity: None,
                conversion: None,
                weekly: None,
                daily: None,
            },
        ];
        for c in cases {
            let w = work_out(&c.numbers, &Responses::default());
            assert_eq!(w.activity_vs_best_pct, c.activity, "{}", c.why);
            assert_eq!(w.conversion_pct, c.conversion, "{}", c.why);
            assert_eq!((w.weekly_needed, w.daily_needed), (c.weekly, c.daily), "{}", c.why);
            assert_eq!(w.steps.len(), if c.weekly.is_some() { 5 } else { 0 }, "{}", c.why);
        }
    }

    #[test]
    fn disagreements_table() {
        // Best week 50 conversations: now 30 → 60 %, 40 → 80 %, 47 → 94 %, 48 → 96 %.
        // Target: deal 5 000, target 40 000 with the best week (50, 10, 5, 2): 47 a week (see above).
        let numbers = |now: u32| Numbers {
            now: Some(week(now, 6, 3, 1)),
            best: Some(week(50, 10, 5, 2)),
            deal_size: Some(5_000),
            target: Some(40_000),
        };
        let d = |item: &str, answers_say: &'static str, numbers_pct: u32| Disagreement {
            cause: Cause::Effort,
            item: item.into(),
            answers_say,
            numbers_pct,
        };
        type Case = (&'static str, u32, Vec<(&'static str, u8)>, Vec<Disagreement>);
        let cases: Vec<Case> = vec![
            // "As high as my best months" (5), "not fewer" (1), "adds up to my target" (5), at 60 %:
            // all three claim more; against the target 30 × 100 ÷ 47 = 63.8 → 64 %.
            (
                "busy by words",
                30,
                vec![(BEST_MONTHS_NOW, 5), (BEST_MONTHS, 1), (TARGET, 5)],
                vec![d(BEST_MONTHS_NOW, "higher", 60), d(BEST_MONTHS, "higher", 60), d(TARGET, "higher", 64)],
            ),
            (
                "4 and 2 count too",
                30,
                vec![(BEST_MONTHS_NOW, 4), (BEST_MONTHS, 2)],
                vec![d(BEST_MONTHS_NOW, "higher", 60), d(BEST_MONTHS, "higher", 60)],
            ),
            // 80 % is not below 80: no disagreement; 40 × 100 ÷ 47 = 85 % is not below 80 either.
            ("at the line", 40, vec![(BEST_MONTHS_NOW, 5), (BEST_MONTHS, 1), (TARGET, 5)], vec![]),
            // Honest about a drop: agree with the numbers.
            ("honest drop", 30, vec![(BEST_MONTHS_NOW, 1), (BEST_MONTHS, 5), (TARGET, 1)], vec![]),
            // Undersells: 96 % of the best week, yet "lower than my best months".
            (
                "undersells",
                48,
                vec![(BEST_MONTHS_NOW, 2), (BEST_MONTHS, 4)],
                vec![d(BEST_MONTHS_NOW, "lower", 96), d(BEST_MONTHS, "lower", 96)],
            ),
            ("94 % is not 95", 47, vec![(BEST_MONTHS_NOW, 1), (BEST_MONTHS, 5)], vec![]),
            // 100 conversations against 47 needed: 213 %, yet "does not add up to my target".
            ("target undersold", 100, vec![(TARGET, 1)], vec![d(TARGET, "lower", 213)]),
            ("neutral answers", 30, vec![(BEST_MONTHS_NOW, 3), (BEST_MONTHS, 3), (TARGET, 3)], vec![]),
            ("other items", 30, vec![("effort-pipeline", 5)], vec![]),
        ];
        for (why, now, replies, want) in cases {
            assert_eq!(work_out(&numbers(now), &answered(&replies)).disagreements, want, "{why}");
        }
        // "Doesn't apply" gives nothing.
        let mut r = answered(&[(BEST_MONTHS, 1)]);
        r.reply(BEST_MONTHS_NOW, Reply::NotApplicable);
        r.reply(TARGET, Reply::NotApplicable);
        r.reply(BEST_MONTHS, Reply::NotApplicable);
        assert!(work_out(&numbers(30), &r).disagreements.is_empty());
        // Without the best week, nothing to compare the best-months items with; the target still checks.
        let mut no_best = numbers(30);
        no_best.best = None;
        let w = work_out(&no_best, &answered(&[(BEST_MONTHS_NOW, 5), (TARGET, 5)]));
        // Now's rates: 1/3, 3/6, 6/30: 8 ÷ (52/12) = 1.846 → 5.538 proposals → 11.08 meetings
        // → 55.38 conversations → 56 a week; 30 × 100 ÷ 56 = 53.6 → 54 %.
        assert_eq!(w.weekly_needed, Some(56));
        assert_eq!(w.disagreements, vec![d(TARGET, "higher", 54)]);
    }

    #[test]
    fn the_bank_holds_the_items_checked() {
        let bank = crate::bank::Bank::default_bank().unwrap();
        for (id, reverse) in [(BEST_MONTHS_NOW, false), (BEST_MONTHS, true), (TARGET, false)] {
            let item = bank.item(id).unwrap_or_else(|| panic!("{id}"));
            assert_eq!((item.cause, item.reverse), (Cause::Effort, reverse), "{id}");
        }
    }

    fn any_week() -> impl Strategy<Value = Week> {
        (0..=MAX_WEEKLY, 0..=MAX_WEEKLY, 0..=MAX_WEEKLY, 0..=MAX_WEEKLY)
            .prop_map(|(c, m, p, w)| week(c, m, p, w))
            .boxed()
            .prop_union((0u32..4, 0u32..4, 0u32..4, 0u32..4).prop_map(|(c, m, p, w)| week(c, m, p, w)).boxed())
    }

    fn any_numbers() -> impl Strategy<Value = Numbers> {
        (
            proptest::option::of(any_week()),
            proptest::option::of(any_week()),
            proptest::option::of(prop_oneof![0..=MAX_MONEY, 0u32..3]),
            proptest::option::of(prop_oneof![0..=MAX_MONEY, 0u32..3]),
        )
            .prop_map(|(now, best, deal_size, target)| Numbers { now, best, deal_size, target })
    }

    proptest! {
        #[test]
        fn parse_count_never_panics(text in ".*", max in any::<u32>()) {
            if let Ok(Some(n)) = parse_count(&text, max) {
                prop_assert!(n <= max);
            }
        }

        #[test]
        fn parse_count_reads_back_separated_numbers(n in any::<u32>(), sep in prop_oneof![
            Just(""), Just(" "), Just(","), Just("."), Just("'"), Just("_")
        ]) {
            let digits = n.to_string();
            let mut text = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    text.push_str(sep);
                }
                text.push(c);
            }
            prop_assert_eq!(parse_count(&format!(" {text} "), u32::MAX), Ok(Some(n)));
            let negative = format!("-{}", text);
            prop_assert!(parse_count(&negative, u32::MAX).unwrap_err().contains("below zero"));
        }

        #[test]
        fn work_out_is_finite(numbers in any_numbers(), a in 1u8..=5, b in 1u8..=5, c in 1u8..=5) {
            let r = answered(&[(BEST_MONTHS_NOW, a), (BEST_MONTHS, b), (TARGET, c)]);
            let w = work_out(&numbers, &r);
            for s in &w.steps {
                for x in [s.from, s.divide_by, s.result] {
                    prop_assert!(x.is_finite() && x > 0.0, "{:?}", s);
                }
            }
            prop_assert_eq!(w.weekly_needed.is_some(), !w.steps.is_empty());
            if let Some(weekly) = w.weekly_needed {
                prop_assert!(weekly >= 1);
                prop_assert!(w.daily_needed.unwrap() * 5 >= weekly);
            }
            if let Some(p) = w.conversion_pct {
                prop_assert!(p.iter().all(|&x| x <= 100));
            }
        }

        #[test]
        fn weekly_needed_grows_with_target(numbers in any_numbers(), t1 in 0..=MAX_MONEY, t2 in 0..=MAX_MONEY) {
            let (lo, hi) = (t1.min(t2), t1.max(t2));
            let at = |target| work_out(&Numbers { target: Some(target), ..numbers.clone() }, &Responses::default()).weekly_needed;
            match (at(lo), at(hi)) {
                (Some(a), Some(b)) => prop_assert!(a <= b, "{} → {}, {} → {}", lo, a, hi, b),
                (None, _) => {}
                (Some(_), None) => prop_assert!(false, "a higher target lost its steps"),
            }
        }
    }
}
