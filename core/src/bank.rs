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

/// The bank format this code reads.
pub const BANK_FORMAT: u32 = 1;

/// The sales stages, in order, as every bank must name them.
pub const STAGE_IDS: [&str; 6] = ["identify", "connect", "discover", "advise", "close", "grow"];

/// Minimum scored items per cause.
pub const MIN_ITEMS_PER_CAUSE: usize = 7;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBank {
    pub format: u32,
    pub id: String,
    pub title: String,
    pub scale: Vec<String>,
    pub causes: Vec<CauseInfo>,
    pub items: Vec<Item>,
    pub stories: Vec<Story>,
    pub stages: Vec<Stage>,
    pub facts: Vec<Fact>,
    pub self_talk: SelfTalk,
    pub outward: Outward,
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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub cause: Cause,
    pub reverse: bool,
    pub text: String,
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

    pub fn scale_label(&self, value: u8) -> &str {
        // Validation guarantees five labels, and an Answer is 1..=5.
        self.0.scale.get(usize::from(value).saturating_sub(1)).map(String::as_str).unwrap_or("")
    }

    pub fn scale(&self) -> &[String] {
        &self.0.scale
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
        self.0.causes.iter().flat_map(|c| c.plan.all()).chain(self.0.outward.plan.all()).find(|a| a.id == id)
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
    if bank.scale.len() != 5 {
        problems.push(format!("the scale needs 5 labels, it has {}", bank.scale.len()));
    }
    for (i, label) in bank.scale.iter().enumerate() {
        empty(format!("scale label {}", i + 1), label, &mut problems);
    }

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
        if reversed * 3 < items.len() {
            problems.push(format!(
                "cause \"{cause}\" has {reversed} reverse-keyed items of {}, at least a third must be",
                items.len()
            ));
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
        check_horizons(&format!("cause \"{}\"", c.id), &c.plan, &mut problems, &mut unique, &mut empty);
    }
    empty("outward summary".into(), &bank.outward.summary, &mut problems);
    check_horizons("the outward plan", &bank.outward.plan, &mut problems, &mut unique, &mut empty);

    for item in &bank.items {
        unique(&item.id, "item", &mut problems);
        empty(format!("item \"{}\"", item.id), &item.text, &mut problems);
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
    for reserved in [crate::wizard::STORIES_STEP, crate::wizard::DEALS_STEP] {
        unique(reserved, "reserved step id", &mut problems);
    }
    empty("the self-talk item".into(), &bank.self_talk.text, &mut problems);
    empty("the self-talk note".into(), &bank.self_talk.note, &mut problems);
    problems
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
        items.retain(|i| i["cause"] != "feedback" || i["id"].as_str().unwrap().ends_with('1'));
        let problems = problems_of(&v);
        assert!(problems.iter().any(|p| p.contains("\"feedback\" has 1 scored items")), "{problems:?}");
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_a_bank_or_its_problems(text in proptest::prelude::any::<String>()) {
            let _ = Bank::parse(&text);
        }

        #[test]
        fn any_edit_of_an_item_is_validated_without_panic(i in 0usize..32, id in "[a-z-]{0,6}", text in ".{0,8}", cause in 0usize..5) {
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
