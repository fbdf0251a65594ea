//! The bank: every question, cause, story, stage and plan action, as validated data.
//!
//! A `Bank` can only be had from [`Bank::parse`], which validates it, so code that holds a
//! `Bank` may rely on the rules below (four causes, enough items, plans for every horizon).

use crate::cause::Cause;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The bank Groove ships with.
pub const DEFAULT_BANK_JSON: &str = include_str!("../bank/default.json");

/// The bank format this code reads. Format 1 (one agreement scale, no "doesn't apply",
/// untagged actions) was the first shipped bank; results taken with it keep their scores.
pub const BANK_FORMAT: u32 = 2;

/// Words that make an item's `text_other` speak as the rater instead of about the seller.
pub const FIRST_PERSON: [&str; 5] = ["i", "i'm", "me", "my", "mine"];

/// Words that say how often: a frequency item's stem must not carry them, because its
/// answer scale already does ("Never" … "Almost always").
pub const FREQUENCY_WORDS: [&str; 16] = [
    "never",
    "rarely",
    "seldom",
    "sometimes",
    "often",
    "usually",
    "always",
    "every time",
    "each time",
    "most days",
    "regularly",
    "frequently",
    "constantly",
    "occasionally",
    "typically",
    "generally",
];

/// The sales stages, in order, as every bank must name them.
pub const STAGE_IDS: [&str; 6] = ["identify", "connect", "discover", "advise", "close", "grow"];

/// Step ids of the two wizard steps that are not bank entries. Bank ids never take these
/// (validation reserves them), so a step id always names exactly one step.
pub const STORIES_STEP: &str = "stories";
pub const DEALS_STEP: &str = "deals";
pub const NUMBERS_STEP: &str = "numbers";

/// Minimum scored items per cause.
pub const MIN_ITEMS_PER_CAUSE: usize = 7;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBank {
    pub format: u32,
    pub id: String,
    pub title: String,
    pub scales: Scales,
    /// The label of the answer every scored item offers besides its scale: it counts
    /// neither as answered nor as unhealthy.
    pub not_applicable: String,
    /// The label of the answer a rater gives when they cannot judge an item of someone
    /// else's work: it counts as no answer.
    pub cant_judge: String,
    pub causes: Vec<CauseInfo>,
    pub items: Vec<Item>,
    pub stories: Vec<Story>,
    pub stages: Vec<Stage>,
    pub facts: Vec<Fact>,
    pub self_talk: SelfTalk,
    /// Every cause measured and healthy, and the person named an outside change.
    pub outward: Outward,
    /// Every cause measured and healthy, and no outside change named: ask someone who sees the work.
    pub no_cause: Outward,
    /// Actions put first in a long, deep slump.
    pub severe: Vec<Action>,
    pub texts: Texts,
}

/// The two answer scales, five labels each, from least to most.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scales {
    pub frequency: Vec<String>,
    pub agreement: Vec<String>,
}

/// Which scale an item is answered on: how often (behaviours) or how much one agrees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScaleKind {
    Frequency,
    Agreement,
}

/// Sentences the core fills with a person's own data (`{name}` placeholders).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    /// `{deals}`, `{stage}`, `{stopped}`: where the last deals stopped.
    pub stall: String,
    /// `{habit}`: the strongest habit.
    pub best: String,
    /// `{weekly}`, `{daily}`: the conversations the target needs, from the seller's numbers.
    pub daily: String,
    /// `{habit}`, `{text}`, `{own}`, `{others}`: the largest blind spot, its statement, the
    /// seller's answer and the raters' (scale labels), to talk about first.
    pub talk_first: String,
    /// The same, said to a manager about the seller.
    pub talk_first_manager: String,
}

/// What a manager asks, and what not to do, when supporting a rep weak on one cause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub ask: Vec<String>,
    pub avoid: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CauseInfo {
    pub id: Cause,
    pub name: String,
    pub section: String,
    pub summary: String,
    pub strength: String,
    pub manager: String,
    pub guide: Guide,
    pub plan: Horizons,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Horizons {
    pub week: Vec<Action>,
    pub month: Vec<Action>,
    pub quarter: Vec<Action>,
}

impl Horizons {
    pub fn all(&self) -> impl Iterator<Item = &Action> {
        self.week.iter().chain(&self.month).chain(&self.quarter)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub text: String,
    /// The items this action answers to: it is chosen when they pulled a score down.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// The sales stage it works on, if one: chosen first when deals stop there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// `"severe"`: only in a long, deep slump.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// With the seller's numbers: `"lead"` says the daily number the target needs first;
    /// `"skip"` leaves the action out (it asks for what the numbers step collected).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbers: Option<String>,
    /// With `"numbers": "lead"`: the text said after the daily number, instead of `text`,
    /// when the numbers give one (so "set a number" is not asked of someone who has it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_numbers: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub cause: Cause,
    /// True when answering higher on its scale is less healthy.
    pub reverse: bool,
    pub scale: ScaleKind,
    /// The sales stage a training item is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// The healthy behaviour, as a short phrase ("Asking clearly for a decision").
    pub habit: String,
    /// The one item of the same cause that states the opposite (at most one pair per cause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opposite: Option<String>,
    pub text: String,
    /// The same behaviour seen by someone else (a manager, coach or peer rating the
    /// seller): third person, on the same scale. Missing in a bank is a named problem.
    #[serde(default)]
    pub text_other: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub id: String,
    pub text: String,
    pub reframe: String,
    pub action: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub hint: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub text: String,
    pub multiple: bool,
    pub options: Vec<FactOption>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactOption {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfTalk {
    pub id: String,
    pub text: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outward {
    pub summary: String,
    pub plan: Horizons,
}

/// A bank that passed validation.
#[derive(Clone, Debug, PartialEq)]
pub struct Bank(RawBank);

/// Why a bank was refused: every problem found, each in words a coach can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BankError {
    Malformed(String),
    Invalid(Vec<String>),
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BankError::Malformed(why) => {
                write!(f, "the bank is not valid JSON of the bank format: {why}")
            }
            BankError::Invalid(problems) => {
                write!(f, "the bank has {} problem(s):", problems.len())?;
                for p in problems {
                    write!(f, "\n- {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BankError {}

impl Bank {
    /// Parses and validates a bank.
    pub fn parse(json: &str) -> Result<Bank, BankError> {
        let raw: RawBank = serde_json::from_str(json).map_err(|e| BankError::Malformed(e.to_string()))?;
        let problems = validate(&raw);
        if problems.is_empty() {
            Ok(Bank(raw))
        } else {
            Err(BankError::Invalid(problems))
        }
    }

    /// The shipped bank. Its validity is a test (`default_bank_is_valid`), so this cannot fail
    /// in a tested build; should it ever, the error says exactly why.
    pub fn default_bank() -> Result<Bank, BankError> {
        Bank::parse(DEFAULT_BANK_JSON)
    }

    pub fn raw(&self) -> &RawBank {
        &self.0
    }

    pub fn title(&self) -> &str {
        &self.0.title
    }

    pub fn scale_label(&self, kind: ScaleKind, value: u8) -> &str {
        // Validation guarantees five labels, and an Answer is 1..=5.
        self.scale(kind).get(usize::from(value).saturating_sub(1)).map(String::as_str).unwrap_or("")
    }

    pub fn scale(&self, kind: ScaleKind) -> &[String] {
        match kind {
            ScaleKind::Frequency => &self.0.scales.frequency,
            ScaleKind::Agreement => &self.0.scales.agreement,
        }
    }

    pub fn not_applicable(&self) -> &str {
        &self.0.not_applicable
    }

    pub fn cant_judge(&self) -> &str {
        &self.0.cant_judge
    }

    pub fn no_cause(&self) -> &Outward {
        &self.0.no_cause
    }

    pub fn severe(&self) -> &[Action] {
        &self.0.severe
    }

    pub fn texts(&self) -> &Texts {
        &self.0.texts
    }

    pub fn cause(&self, cause: Cause) -> &CauseInfo {
        // Validation guarantees each cause exactly once; fall back to the first to stay total.
        self.0.causes.iter().find(|c| c.id == cause).unwrap_or(&self.0.causes[0])
    }

    pub fn items(&self) -> &[Item] {
        &self.0.items
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.0.items.iter().find(|i| i.id == id)
    }

    pub fn items_of(&self, cause: Cause) -> impl Iterator<Item = &Item> {
        self.0.items.iter().filter(move |i| i.cause == cause)
    }

    pub fn stories(&self) -> &[Story] {
        &self.0.stories
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.0.stories.iter().find(|s| s.id == id)
    }

    pub fn stages(&self) -> &[Stage] {
        &self.0.stages
    }

    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.0.stages.iter().position(|s| s.id == id)
    }

    pub fn facts(&self) -> &[Fact] {
        &self.0.facts
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.0.facts.iter().find(|f| f.id == id)
    }

    pub fn self_talk(&self) -> &SelfTalk {
        &self.0.self_talk
    }

    pub fn outward(&self) -> &Outward {
        &self.0.outward
    }

    /// Every plan action in the bank, by id.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.0
            .causes
            .iter()
            .flat_map(|c| c.plan.all())
            .chain(self.0.outward.plan.all())
            .chain(self.0.no_cause.plan.all())
            .chain(&self.0.severe)
            .find(|a| a.id == id)
    }
}

fn validate(bank: &RawBank) -> Vec<String> {
    let mut problems = Vec::new();
    let mut empty = |what: String, text: &str, problems: &mut Vec<String>| {
        if text.trim().is_empty() {
            problems.push(format!("{what} has empty text"));
        }
    };

    if bank.format != BANK_FORMAT {
        problems.push(format!("format is {}, this version of Groove reads format {BANK_FORMAT}", bank.format));
    }
    empty("the title".into(), &bank.title, &mut problems);
    for (name, scale) in [("frequency", &bank.scales.frequency), ("agreement", &bank.scales.agreement)] {
        if scale.len() != 5 {
            problems.push(format!("the {name} scale needs 5 labels, it has {}", scale.len()));
        }
        for (i, label) in scale.iter().enumerate() {
            empty(format!("{name} scale label {}", i + 1), label, &mut problems);
        }
    }
    empty("not_applicable (the \"doesn't apply\" answer)".into(), &bank.not_applicable, &mut problems);
    empty("cant_judge (a rater's \"I can't judge this\")".into(), &bank.cant_judge, &mut problems);

    // Ids are unique across everything a result or a plan refers to.
    let mut seen = BTreeSet::new();
    let mut unique = |id: &str, what: &str, problems: &mut Vec<String>| {
        if id.trim().is_empty() {
            problems.push(format!("a {what} has an empty id"));
        } else if !seen.insert(id.to_string()) {
            problems.push(format!("the id \"{id}\" is used more than once ({what})"));
        }
    };

    for cause in Cause::ALL {
        let count = bank.causes.iter().filter(|c| c.id == cause).count();
        if count != 1 {
            problems.push(format!("cause \"{cause}\" must appear once in causes, it appears {count} times"));
        }
        let items: Vec<&Item> = bank.items.iter().filter(|i| i.cause == cause).collect();
        let reversed = items.iter().filter(|i| i.reverse).count();
        if items.len() < MIN_ITEMS_PER_CAUSE {
            problems.push(format!(
                "cause \"{cause}\" has {} scored items, it needs at least {MIN_ITEMS_PER_CAUSE}",
                items.len()
            ));
        }
        // Balanced keying: a yes-sayer or a no-sayer lands in the middle, not on a verdict.
        if (2 * reversed).abs_diff(items.len()) > 2 {
            problems.push(format!(
                "cause \"{cause}\" has {reversed} reverse-keyed items of {}: half must be, give or take one",
                items.len()
            ));
        }
        let pairs = items.iter().filter(|i| i.opposite.is_some()).count();
        if pairs > 1 {
            problems.push(format!("cause \"{cause}\" has {pairs} opposite pairs, at most one is allowed"));
        }
    }
    for item in &bank.items {
        if let Some(other) = &item.opposite {
            match bank.items.iter().find(|i| &i.id == other) {
                Some(o) if o.cause == item.cause && o.id != item.id && o.reverse != item.reverse => {}
                _ => problems.push(format!(
                    "item \"{}\" names \"{other}\" as its opposite: it must be another item of the same cause, keyed the other way",
                    item.id
                )),
            }
        }
        empty(format!("item \"{}\" habit", item.id), &item.habit, &mut problems);
        match (&item.stage, item.cause) {
            (Some(stage), Cause::Training) if !STAGE_IDS.contains(&stage.as_str()) => {
                problems.push(format!("item \"{}\" has the stage \"{stage}\", which is not a stage", item.id))
            }
            (Some(_), c) if c != Cause::Training => {
                problems.push(format!("item \"{}\" has a stage, but only training items are about a stage", item.id))
            }
            _ => {}
        }
        for (field, text) in [("text", &item.text), ("text_other", &item.text_other)] {
            let lower = text.to_ascii_lowercase();
            if let Some(word) = FREQUENCY_WORDS.iter().find(|w| has_word(&lower, w)) {
                problems.push(format!(
                    "item \"{}\" {field} says \"{word}\": the answer scale says how often, so the text must not",
                    item.id
                ));
            }
        }
        // A rater answers about someone else: the text is theirs, never the rater's own.
        let lower = item.text_other.to_ascii_lowercase();
        if let Some(word) = FIRST_PERSON.iter().find(|w| has_word(&lower, w)) {
            problems.push(format!(
                "item \"{}\" text_other says \"{word}\": it is read by someone rating the seller, so it speaks of \"they\"",
                item.id
            ));
        }
    }
    for stage in STAGE_IDS {
        if !bank.items.iter().any(|i| i.cause == Cause::Training && i.stage.as_deref() == Some(stage)) {
            problems.push(format!("no training item is about the stage \"{stage}\": each stage needs one"));
        }
    }
    for c in &bank.causes {
        for (what, text) in [
            ("name", &c.name),
            ("section", &c.section),
            ("summary", &c.summary),
            ("strength", &c.strength),
            ("manager", &c.manager),
        ] {
            empty(format!("cause \"{}\" {what}", c.id), text, &mut problems);
        }
        if c.guide.ask.is_empty() || c.guide.avoid.is_empty() {
            problems.push(format!("cause \"{}\" guide needs at least one \"ask\" and one \"avoid\"", c.id));
        }
        for text in c.guide.ask.iter().chain(&c.guide.avoid) {
            empty(format!("cause \"{}\" guide line", c.id), text, &mut problems);
        }
        check_horizons(&format!("cause \"{}\"", c.id), &c.plan, &mut problems, &mut unique, &mut empty);
        for a in c.plan.all() {
            if a.items.is_empty() {
                problems.push(format!("action \"{}\" names no items it answers to", a.id));
            }
        }
    }
    empty("outward summary".into(), &bank.outward.summary, &mut problems);
    check_horizons("the outward plan", &bank.outward.plan, &mut problems, &mut unique, &mut empty);
    empty("no_cause summary".into(), &bank.no_cause.summary, &mut problems);
    check_horizons("the no_cause plan", &bank.no_cause.plan, &mut problems, &mut unique, &mut empty);
    if bank.severe.is_empty() {
        problems.push("the bank has no \"severe\" actions for a long, deep slump".into());
    }
    for a in &bank.severe {
        unique(&a.id, "plan action", &mut problems);
        empty(format!("severe action \"{}\"", a.id), &a.text, &mut problems);
    }
    let all_actions = bank
        .causes
        .iter()
        .flat_map(|c| c.plan.all())
        .chain(bank.outward.plan.all())
        .chain(bank.no_cause.plan.all())
        .chain(&bank.severe);
    for a in all_actions {
        for id in &a.items {
            if !bank.items.iter().any(|i| &i.id == id) {
                problems.push(format!("action \"{}\" answers to \"{id}\", which is not an item", a.id));
            }
        }
        if let Some(stage) = &a.stage {
            if !STAGE_IDS.contains(&stage.as_str()) {
                problems.push(format!("action \"{}\" has the stage \"{stage}\", which is not a stage", a.id));
            }
        }
        if let Some(n) = &a.numbers {
            if n != "lead" && n != "skip" {
                problems.push(format!("action \"{}\" has \"numbers\": \"{n}\"; it is \"lead\" or \"skip\"", a.id));
            }
        }
        match (&a.with_numbers, a.numbers.as_deref()) {
            (Some(text), Some("lead")) if text.trim().is_empty() => {
                problems.push(format!("action \"{}\" has an empty \"with_numbers\"", a.id))
            }
            (Some(_), Some("lead")) | (None, _) => {}
            (Some(_), _) => problems.push(format!(
                "action \"{}\" has \"with_numbers\" without \"numbers\": \"lead\", so it would never be said",
                a.id
            )),
        }
        if let Some(when) = &a.when {
            if when != "severe" {
                problems.push(format!("action \"{}\" has \"when\": \"{when}\"; the only value is \"severe\"", a.id));
            }
        }
    }
    for (name, text, holes) in [
        ("texts.stall", &bank.texts.stall, &["{deals}", "{stage}", "{stopped}"][..]),
        ("texts.best", &bank.texts.best, &["{habit}"][..]),
        ("texts.daily", &bank.texts.daily, &["{weekly}", "{daily}"][..]),
        ("texts.talk_first", &bank.texts.talk_first, &["{habit}", "{text}", "{own}", "{others}"][..]),
        ("texts.talk_first_manager", &bank.texts.talk_first_manager, &["{habit}", "{text}", "{own}", "{others}"][..]),
    ] {
        for hole in holes {
            if !text.contains(hole) {
                problems.push(format!("{name} must contain {hole}"));
            }
        }
    }

    for item in &bank.items {
        unique(&item.id, "item", &mut problems);
        empty(format!("item \"{}\"", item.id), &item.text, &mut problems);
        empty(format!("item \"{}\" text_other", item.id), &item.text_other, &mut problems);
    }
    if bank.stories.is_empty() {
        problems.push("the bank has no stories".into());
    }
    for s in &bank.stories {
        unique(&s.id, "story", &mut problems);
        for (what, text) in [("text", &s.text), ("reframe", &s.reframe), ("action", &s.action)] {
            empty(format!("story \"{}\" {what}", s.id), text, &mut problems);
        }
    }
    let stage_ids: Vec<&str> = bank.stages.iter().map(|s| s.id.as_str()).collect();
    if stage_ids != STAGE_IDS {
        problems.push(format!("stages must be {} in that order", STAGE_IDS.join(", ")));
    }
    for s in &bank.stages {
        unique(&s.id, "stage", &mut problems);
        empty(format!("stage \"{}\" name", s.id), &s.name, &mut problems);
        empty(format!("stage \"{}\" hint", s.id), &s.hint, &mut problems);
    }
    for f in &bank.facts {
        unique(&f.id, "fact", &mut problems);
        empty(format!("fact \"{}\"", f.id), &f.text, &mut problems);
        if f.options.len() < 2 {
            problems.push(format!("fact \"{}\" needs at least 2 options", f.id));
        }
        let mut option_ids = BTreeSet::new();
        for o in &f.options {
            if !option_ids.insert(o.id.as_str()) || o.id.trim().is_empty() {
                problems.push(format!("fact \"{}\" option id \"{}\" is empty or repeated", f.id, o.id));
            }
            empty(format!("fact \"{}\" option \"{}\"", f.id, o.id), &o.text, &mut problems);
        }
    }
    for (id, multiple) in [("duration", false), ("below_target", false), ("changed", true)] {
        match bank.facts.iter().find(|f| f.id == id) {
            None => problems.push(format!("the fact \"{id}\" is missing")),
            Some(f) if f.multiple != multiple => {
                problems.push(format!("the fact \"{id}\" must have \"multiple\": {multiple}"))
            }
            Some(_) => {}
        }
    }
    unique(&bank.self_talk.id, "self-talk item", &mut problems);
    for reserved in [STORIES_STEP, DEALS_STEP, NUMBERS_STEP] {
        unique(reserved, "reserved step id", &mut problems);
    }
    empty("the self-talk item".into(), &bank.self_talk.text, &mut problems);
    empty("the self-talk note".into(), &bank.self_talk.note, &mut problems);
    problems
}

/// Whether `word` (one or more words) appears in `text` as whole words.
fn has_word(text: &str, word: &str) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(word)
        .any(|(at, _)| boundary(text[..at].chars().next_back()) && boundary(text[at + word.len()..].chars().next()))
}

fn check_horizons(
    owner: &str,
    plan: &Horizons,
    problems: &mut Vec<String>,
    unique: &mut impl FnMut(&str, &str, &mut Vec<String>),
    empty: &mut impl FnMut(String, &str, &mut Vec<String>),
) {
    for (horizon, actions) in [("week", &plan.week), ("month", &plan.month), ("quarter", &plan.quarter)] {
        if actions.is_empty() {
            problems.push(format!("{owner} has no plan actions for the {horizon}"));
        }
        for a in actions {
            unique(&a.id, "plan action", problems);
            empty(format!("{owner} action \"{}\"", a.id), &a.text, problems);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_bank_is_valid() {
        let bank = Bank::default_bank().unwrap_or_else(|e| panic!("{e}"));
        for cause in Cause::ALL {
            assert!(bank.items_of(cause).count() >= MIN_ITEMS_PER_CAUSE);
        }
        assert!(bank.stories().len() >= 6);
    }

    fn default_value() -> serde_json::Value {
        serde_json::from_str(DEFAULT_BANK_JSON).unwrap()
    }

    fn problems_of(value: &serde_json::Value) -> Vec<String> {
        match Bank::parse(&value.to_string()) {
            Err(BankError::Invalid(p)) => p,
            other => panic!("expected an invalid bank, got {other:?}"),
        }
    }

    #[test]
    fn a_text_for_someone_with_numbers_is_said_only_where_numbers_lead() {
        let mut v = default_value();
        let month = &mut v["causes"][1]["plan"]["month"];
        assert_eq!(month[0]["id"], "effort-m-number");
        month[0]["with_numbers"] = serde_json::json!("  ");
        month[1]["with_numbers"] = serde_json::json!("Never said.");
        let problems = problems_of(&v);
        assert!(problems.iter().any(|p| p.contains("effort-m-number") && p.contains("empty")), "{problems:?}");
        assert!(
            problems.iter().any(|p| p.contains("effort-m-prospecting") && p.contains("never be said")),
            "{problems:?}"
        );
    }

    #[test]
    fn duplicate_ids_are_named() {
        let mut v = default_value();
        let first = v["items"][0]["id"].clone();
        v["items"][1]["id"] = first.clone();
        let problems = problems_of(&v);
        assert!(problems.iter().any(|p| p.contains(first.as_str().unwrap()) && p.contains("more than once")));
    }

    #[test]
    fn too_few_reverse_items_are_named() {
        let mut v = default_value();
        for item in v["items"].as_array_mut().unwrap() {
            if item["cause"] == "effort" {
                item["reverse"] = false.into();
            }
        }
        let problems = problems_of(&v);
        assert!(problems.iter().any(|p| p.contains("\"effort\"") && p.contains("reverse-keyed")), "{problems:?}");
    }

    #[test]
    fn missing_horizon_and_empty_text_are_named() {
        let mut v = default_value();
        v["causes"][0]["plan"]["quarter"] = serde_json::json!([]);
        v["stories"][0]["reframe"] = "  ".into();
        let problems = problems_of(&v);
        assert!(problems.iter().any(|p| p.contains("quarter")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("reframe has empty text")), "{problems:?}");
    }

    #[test]
    fn too_few_items_are_named() {
        let mut v = default_value();
        let items = v["items"].as_array_mut().unwrap();
        let first = items.iter().position(|i| i["cause"] == "feedback").unwrap();
        let keep = items[first]["id"].clone();
        items.retain(|i| i["cause"] != "feedback" || i["id"] == keep);
        let problems = problems_of(&v);
        assert!(problems.iter().any(|p| p.contains("\"feedback\" has 1 scored items")), "{problems:?}");
    }

    /// One edit of the bank's JSON.
    type Edit = fn(&mut serde_json::Value);

    fn item_at(v: &mut serde_json::Value, id: &str) -> usize {
        v["items"].as_array().unwrap().iter().position(|i| i["id"] == id).unwrap()
    }

    #[test]
    fn format_2_rules_are_each_named() {
        let cases: [(&str, Edit, &str); 12] = [
            ("format", |v| v["format"] = 1.into(), "format is 1"),
            (
                "frequency word",
                |v| {
                    let i = item_at(v, "discipline-plan");
                    v["items"][i]["text"] = "I usually set the next day's priorities.".into();
                },
                "says \"usually\"",
            ),
            (
                "stage on another cause",
                |v| {
                    let i = item_at(v, "effort-target");
                    v["items"][i]["stage"] = "close".into();
                },
                "only training items are about a stage",
            ),
            (
                "unknown stage",
                |v| {
                    let i = item_at(v, "training-close");
                    v["items"][i]["stage"] = "negotiate".into();
                },
                "\"negotiate\", which is not a stage",
            ),
            (
                "stage without an item",
                |v| {
                    let i = item_at(v, "training-grow");
                    v["items"][i].as_object_mut().unwrap().remove("stage");
                },
                "no training item is about the stage \"grow\"",
            ),
            (
                "second pair",
                |v| {
                    let i = item_at(v, "feedback-reviewer");
                    v["items"][i]["opposite"] = "feedback-isolation".into();
                },
                "\"feedback\" has 2 opposite pairs",
            ),
            (
                "opposite keyed the same way",
                |v| {
                    let i = item_at(v, "training-close-drift");
                    v["items"][i]["opposite"] = "training-discover".into();
                },
                "keyed the other way",
            ),
            (
                "action answering to no item",
                |v| v["causes"][0]["plan"]["week"][0]["items"] = serde_json::json!(["training-1"]),
                "answers to \"training-1\", which is not an item",
            ),
            ("severe typo", |v| v["severe"][0]["when"] = "sever".into(), "the only value is \"severe\""),
            (
                "first person for a rater",
                |v| {
                    let i = item_at(v, "discipline-plan");
                    v["items"][i]["text_other"] = "I plan my next day.".into();
                },
                "text_other says \"i\"",
            ),
            (
                "no text for a rater",
                |v| {
                    let i = item_at(v, "effort-target");
                    v["items"][i].as_object_mut().unwrap().remove("text_other");
                },
                "\"effort-target\" text_other has empty text",
            ),
            (
                "frequency word for a rater",
                |v| {
                    let i = item_at(v, "discipline-plan");
                    v["items"][i]["text_other"] = "They always plan.".into();
                },
                "text_other says \"always\"",
            ),
        ];
        for (what, edit, needle) in cases {
            let mut v = default_value();
            edit(&mut v);
            let problems = problems_of(&v);
            assert!(problems.iter().any(|p| p.contains(needle)), "{what}: {problems:?}");
        }
        // An item without a scale is not a bank of this format at all.
        let mut v = default_value();
        v["items"][0].as_object_mut().unwrap().remove("scale");
        assert!(matches!(Bank::parse(&v.to_string()), Err(BankError::Malformed(_))));
    }

    #[test]
    fn keying_is_balanced_in_the_shipped_bank() {
        let bank = Bank::default_bank().unwrap();
        for cause in Cause::ALL {
            let items: Vec<&Item> = bank.items_of(cause).collect();
            let reversed = items.iter().filter(|i| i.reverse).count();
            assert!((2 * reversed).abs_diff(items.len()) <= 2, "{cause}: {reversed} of {}", items.len());
            assert!(items.iter().filter(|i| i.opposite.is_some()).count() <= 1, "{cause}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_a_bank_or_its_problems(text in proptest::prelude::any::<String>()) {
            let _ = Bank::parse(&text);
        }

        #[test]
        fn any_edit_of_an_item_is_validated_without_panic(i in 0usize..34, id in "[a-z-]{0,6}", text in ".{0,8}", cause in 0usize..5) {
            let mut v = default_value();
            v["items"][i]["id"] = id.into();
            v["items"][i]["text"] = text.into();
            v["items"][i]["cause"] = ["training", "effort", "discipline", "feedback", "luck"][cause].into();
            let _ = Bank::parse(&v.to_string());
        }
    }

    #[test]
    fn malformed_json_is_an_error_not_a_panic() {
        assert!(matches!(Bank::parse("{"), Err(BankError::Malformed(_))));
        assert!(matches!(Bank::parse("[]"), Err(BankError::Malformed(_))));
    }
}
