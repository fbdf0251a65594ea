//! `cargo xtask bank` and `cargo xtask score`: the core's validation and scoring, from outside.
//! Both are pure functions from text to text so they are tested without a process.

use groove_core::answers::{Answer, Reply, Responses};
use groove_core::bank::{Bank, STAGE_IDS};
use groove_core::diagnosis::Verdict;
use groove_core::numbers::{round_up, Numbers, Week, MAX_MONEY, MAX_WEEKLY};
use groove_core::outside::compare;
use groove_core::plan::{build_plan, manager_part, talk_first, PlanAction};
use groove_core::rater::View;
use groove_core::stall::MAX_DEALS;
use groove_core::{diagnose, Cause};
use serde_json::{json, Map, Value};

/// The validated bank as JSON, or every problem found.
pub fn bank_json(source: &str) -> Result<String, String> {
    let bank = Bank::parse(source).map_err(|e| e.to_string())?;
    let raw = serde_json::to_value(bank.raw()).map_err(|e| e.to_string())?;
    serde_json::to_string_pretty(&raw).map_err(|e| e.to_string())
}

/// The fields `cargo xtask score` reads; everything but `answers` is optional.
const INPUT_FIELDS: [&str; 8] =
    ["answers", "timings_ms", "facts", "stories", "deals", "self_talk", "numbers", "outside"];
/// The fields of one rater in `"outside"`; `name` is optional and not used.
const RATER_FIELDS: [&str; 2] = ["answers", "name"];

/// What `cargo xtask score` read: the seller's responses (their numbers in them), whether
/// numbers were given at all, and the raters' views when given.
struct Input {
    responses: Responses,
    numbers_given: bool,
    outside: Option<Vec<View>>,
}

/// A verdict's fields, as the seller's appear at the top of the output.
fn verdict_json(v: &Verdict) -> Map<String, Value> {
    [
        ("primary", json!(v.primary)),
        ("secondary", json!(v.secondary())),
        ("weak", json!(v.weak)),
        ("tied", json!(v.tied)),
        ("borderline", json!(v.borderline)),
        ("pattern", json!(v.pattern)),
        ("unclear", json!(v.unclear)),
        ("confidence", json!(v.confidence)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// Scores what the app collects (see the README) with the shipped bank and the same core:
/// the verdict, the measures behind it, the plan and the manager's part, and, when raters
/// are given, the view from outside.
pub fn score_json(bank: &Bank, input: &str) -> Result<String, String> {
    let Input { responses, numbers_given, outside } = read_input(bank, input)?;
    let d = diagnose(bank, &responses);
    // `read_input` refuses an empty list of raters, so with "outside" there is a view.
    let views: Option<Vec<&View>> = outside.as_ref().map(|views| views.iter().collect());
    let seen = views.as_ref().and_then(|views| compare(bank, &responses, views));
    let plan = build_plan(bank, &d, &responses, seen.as_ref());
    let manager = manager_part(bank, &plan);
    let mut scores = Map::new();
    let mut bands = Map::new();
    let mut measured = Map::new();
    for cause in Cause::ALL {
        let r = d.causes.get(cause);
        scores.insert(cause.id().into(), json!(r.score));
        bands.insert(cause.id().into(), json!(r.band));
        measured.insert(
            cause.id().into(),
            json!({ "answered": r.answered, "not_applicable": r.not_applicable, "total": r.total }),
        );
    }
    let actions = |list: &[PlanAction]| -> Value {
        list.iter()
            .map(|a| match &a.lead {
                Some(lead) => json!({ "id": a.id, "text": a.text, "lead": lead }),
                None => json!({ "id": a.id, "text": a.text }),
            })
            .collect()
    };
    let mut out = json!({
        "scores": scores,
        "bands": bands,
        "flags": d.flags,
        "measured": measured,
        "plan": {
            "kind": plan.kind,
            "focus": plan.focus,
            "contradicted": plan.contradicted,
            "urgency": plan.urgency,
            "stall": plan.stall,
            "best": plan.best,
            "week": actions(&plan.week),
            "month": actions(&plan.month),
            "quarter": actions(&plan.quarter),
        },
        "manager": manager,
    });
    if let Value::Object(map) = &mut out {
        map.extend(verdict_json(&d.verdict));
    }
    if numbers_given {
        // The plan worked out the numbers in `responses` already.
        let worked = &plan.worked;
        let mut disagrees_with: Vec<Cause> = Vec::new();
        for d in &worked.disagreements {
            if !disagrees_with.contains(&d.cause) {
                disagrees_with.push(d.cause);
            }
        }
        // What the target needs each week at every stage, by the input's own keys: each step's
        // result rounded up (conversations is the app's weekly number).
        let weekly_needed = worked.weekly_needed.map(|conversations| {
            let stage = |what: &str| worked.steps.iter().find(|s| s.what == what).map(|s| round_up(s.result));
            json!({
                "won": stage("deals_per_week"),
                "proposals": stage("proposals_per_week"),
                "meetings": stage("meetings_per_week"),
                "conversations": conversations,
            })
        });
        out["numbers"] = json!({
            "activity_vs_best_pct": worked.activity_vs_best_pct,
            "conversion_pct": worked.conversion_pct,
            "conversion_from": worked.conversion_from,
            "steps": worked.steps,
            "rates_from": worked.rates_from,
            "now_vs_needed_pct": worked.now_vs_needed_pct,
            "weekly_needed": weekly_needed,
            "daily_needed": worked.daily_needed,
            "disagrees_with": disagrees_with,
            "disagreements": worked.disagreements,
        });
    }
    if let Some(o) = seen {
        let disagrees = o.disagreement(&d.verdict, &d.scores());
        out["outside"] = json!({
            "raters": o.raters,
            "set_aside": o.set_aside.iter().map(|(at, why)| json!({ "rater": at, "why": why })).collect::<Vec<_>>(),
            "scores": o.scores,
            "judged": o.judged,
            "blind_spots": o.blind_spots,
            "hidden_strengths": o.hidden_strengths,
            "verdict": verdict_json(&o.verdict),
            "disagrees": disagrees.map(|x| json!({ "own": x.own, "outside": x.outside, "unjudged": x.unjudged })),
            "talk_first": talk_first(bank, &o),
        });
    }
    serde_json::to_string_pretty(&out).map_err(|e| e.to_string())
}

/// The input file as `Responses`, the numbers and the raters when given, or every problem in it.
fn read_input(bank: &Bank, input: &str) -> Result<Input, String> {
    let value: Value = serde_json::from_str(input).map_err(|e| format!("the answers file is not valid JSON: {e}"))?;
    let object = value.as_object().ok_or("the answers file must be a JSON object with an \"answers\" object")?;
    for key in object.keys() {
        if !INPUT_FIELDS.contains(&key.as_str()) {
            return Err(format!("unknown field \"{key}\": expected {}", INPUT_FIELDS.join(", ")));
        }
    }
    let answers = object
        .get("answers")
        .ok_or("missing \"answers\": expected {\"answers\": {\"<item id>\": 1..5 or \"na\"}}")?
        .as_object()
        .ok_or("\"answers\" must be an object of item id to a whole number from 1 to 5, or \"na\"")?;
    let mut responses = Responses::default();
    let mut problems = Vec::new();
    for (id, v) in answers {
        if bank.item(id).is_none() {
            problems.push(format!("\"{id}\" is not a scored item of the bank"));
            continue;
        }
        match (v.as_str(), v.as_u64().and_then(|n| u8::try_from(n).ok()).and_then(Answer::new)) {
            (Some("na"), _) => responses.reply(id, Reply::NotApplicable),
            (_, Some(a)) => responses.reply(id, Reply::Answer(a)),
            _ => problems.push(format!("\"{id}\": {v} is not a whole number from 1 to 5, or \"na\"")),
        }
    }
    if let Some(timings) = object.get("timings_ms") {
        let timings = timings.as_object().ok_or("\"timings_ms\" must be an object of item id to milliseconds")?;
        for (id, v) in timings {
            match (bank.item(id), v.as_u64().and_then(|n| u32::try_from(n).ok())) {
                (Some(_), Some(ms)) => {
                    responses.timings.insert(id.clone(), ms);
                }
                (None, _) => problems.push(format!("timings_ms: \"{id}\" is not a scored item of the bank")),
                (_, None) => problems.push(format!("timings_ms: \"{id}\": {v} is not a whole number of milliseconds")),
            }
        }
    }
    if let Some(facts) = object.get("facts") {
        let facts = facts.as_object().ok_or("\"facts\" must be an object of fact id to a list of option ids")?;
        for (id, v) in facts {
            let Some(fact) = bank.fact(id) else {
                problems.push(format!("facts: \"{id}\" is not a fact of the bank"));
                continue;
            };
            let Some(options) = v.as_array().and_then(|a| a.iter().map(Value::as_str).collect::<Option<Vec<&str>>>())
            else {
                problems.push(format!("facts: \"{id}\" must be a list of option ids"));
                continue;
            };
            if !fact.multiple && options.len() > 1 {
                problems.push(format!("facts: \"{id}\" takes one option, not {}", options.len()));
            }
            for o in &options {
                if !fact.options.iter().any(|x| x.id == *o) {
                    problems.push(format!("facts: \"{o}\" is not an option of \"{id}\""));
                }
            }
            responses.facts.insert(id.clone(), options.iter().map(|o| o.to_string()).collect());
        }
    }
    let strings = |field: &str, problems: &mut Vec<String>| -> Vec<String> {
        match object
            .get(field)
            .map(|v| v.as_array().map(|a| a.iter().map(Value::as_str).collect::<Option<Vec<&str>>>()))
        {
            None => Vec::new(),
            Some(Some(Some(v))) => v.into_iter().map(String::from).collect(),
            Some(_) => {
                problems.push(format!("\"{field}\" must be a list of ids"));
                Vec::new()
            }
        }
    };
    for id in strings("stories", &mut problems) {
        if bank.story(&id).is_none() {
            problems.push(format!("stories: \"{id}\" is not a story of the bank"));
        }
        responses.stories.push(id);
    }
    let deals = strings("deals", &mut problems);
    if deals.len() > MAX_DEALS {
        problems.push(format!("deals: at most {MAX_DEALS}, not {}", deals.len()));
    }
    for id in &deals {
        if bank.stage_index(id).is_none() {
            problems.push(format!("deals: \"{id}\" is not a stage ({})", STAGE_IDS.join(", ")));
        }
    }
    responses.deals = deals;
    if let Some(v) = object.get("self_talk") {
        match v.as_u64().and_then(|n| u8::try_from(n).ok()).and_then(Answer::new) {
            Some(a) => responses.self_talk = Some(a),
            None => problems.push(format!("self_talk: {v} is not a whole number from 1 to 5")),
        }
    }
    let numbers_given = object.get("numbers").is_some();
    if let Some(v) = object.get("numbers") {
        responses.numbers = read_numbers(v, &mut problems);
    }
    let outside = object.get("outside").map(|v| read_outside(bank, v, &mut problems));
    if !problems.is_empty() {
        return Err(format!("the answers file has {} problem(s):\n- {}", problems.len(), problems.join("\n- ")));
    }
    Ok(Input { responses, numbers_given, outside })
}

/// `"outside"`: a list of raters, each `{"answers": {"<item id>": 1..5 or "na"}}` with an
/// optional `"name"`; "na" is "I can't judge this". Each problem names the rater by its
/// place in the list (`outside[0]` is the first).
fn read_outside(bank: &Bank, value: &Value, problems: &mut Vec<String>) -> Vec<View> {
    let shape = "[{\"answers\": {\"<item id>\": 1..5 or \"na\"}}, ...]";
    let Some(raters) = value.as_array() else {
        problems.push(format!("\"outside\" must be a list of raters: {shape}"));
        return Vec::new();
    };
    if raters.is_empty() {
        problems.push(format!("\"outside\" is an empty list: leave it out, or give at least one rater: {shape}"));
    }
    let mut views = Vec::new();
    for (at, rater) in raters.iter().enumerate() {
        let Some(rater) = rater.as_object() else {
            problems
                .push(format!("outside[{at}] must be an object: {{\"answers\": {{\"<item id>\": 1..5 or \"na\"}}}}"));
            continue;
        };
        for key in rater.keys() {
            if !RATER_FIELDS.contains(&key.as_str()) {
                problems.push(format!("outside[{at}]: unknown field \"{key}\": expected {}", RATER_FIELDS.join(", ")));
            }
        }
        if let Some(name) = rater.get("name").filter(|n| !n.is_string()) {
            problems.push(format!("outside[{at}]: \"name\" must be text, not {name}"));
        }
        let answers = match rater.get("answers").map(Value::as_object) {
            Some(Some(answers)) => answers,
            None => {
                problems.push(format!("outside[{at}] has no \"answers\": expected {{\"<item id>\": 1..5 or \"na\"}}"));
                continue;
            }
            Some(None) => {
                problems.push(format!(
                    "outside[{at}]: \"answers\" must be an object of item id to a whole number from 1 to 5, or \"na\""
                ));
                continue;
            }
        };
        let mut view = View::default();
        let before = problems.len();
        for (id, v) in answers {
            if bank.item(id).is_none() {
                problems.push(format!("outside[{at}]: \"{id}\" is not a scored item of the bank"));
                continue;
            }
            match (v.as_str(), v.as_u64().and_then(|n| u8::try_from(n).ok()).and_then(Answer::new)) {
                (Some("na"), _) => {
                    view.cant_judge.insert(id.clone());
                }
                (_, Some(a)) => {
                    view.answers.insert(id.clone(), a);
                }
                _ => {
                    problems.push(format!("outside[{at}]: \"{id}\": {v} is not a whole number from 1 to 5, or \"na\""))
                }
            }
        }
        if view.answers.is_empty() && problems.len() == before {
            problems.push(format!("outside[{at}] judged no item: give at least one answer from 1 to 5"));
        }
        views.push(view);
    }
    views
}

/// The keys of `"numbers"` and of each of its weeks.
const NUMBERS_FIELDS: [&str; 4] = ["now", "best", "deal_size", "target"];
const WEEK_FIELDS: [&str; 4] = ["conversations", "meetings", "proposals", "won"];

/// `"numbers"`: every key optional (a week's missing counts are 0), each problem named.
fn read_numbers(value: &Value, problems: &mut Vec<String>) -> Numbers {
    let mut numbers = Numbers::default();
    let Some(object) = value.as_object() else {
        problems.push(format!("\"numbers\" must be an object with any of {}", NUMBERS_FIELDS.join(", ")));
        return numbers;
    };
    for (key, v) in object {
        match key.as_str() {
            "now" | "best" => {
                let week = read_week(key, v, problems);
                if key == "now" {
                    numbers.now = week;
                } else {
                    numbers.best = week;
                }
            }
            "deal_size" => numbers.deal_size = whole(&format!("numbers.{key}"), v, MAX_MONEY, problems),
            "target" => numbers.target = whole(&format!("numbers.{key}"), v, MAX_MONEY, problems),
            _ => problems.push(format!("numbers: unknown field \"{key}\": expected {}", NUMBERS_FIELDS.join(", "))),
        }
    }
    numbers
}

fn read_week(name: &str, value: &Value, problems: &mut Vec<String>) -> Option<Week> {
    let Some(object) = value.as_object() else {
        problems.push(format!("numbers.{name} must be an object with any of {}", WEEK_FIELDS.join(", ")));
        return None;
    };
    let mut week = Week::default();
    for (key, v) in object {
        let field = match key.as_str() {
            "conversations" => &mut week.conversations,
            "meetings" => &mut week.meetings,
            "proposals" => &mut week.proposals,
            "won" => &mut week.won,
            _ => {
                problems.push(format!("numbers.{name}: unknown field \"{key}\": expected {}", WEEK_FIELDS.join(", ")));
                continue;
            }
        };
        if let Some(n) = whole(&format!("numbers.{name}.{key}"), v, MAX_WEEKLY, problems) {
            *field = n;
        }
    }
    Some(week)
}

/// A whole number from 0 to `max`, or a problem naming `path`.
fn whole(path: &str, v: &Value, max: u32, problems: &mut Vec<String>) -> Option<u32> {
    let problem = match v.as_u64() {
        Some(n) if n <= u64::from(max) => return Some(n as u32),
        Some(_) => format!("is above {max}, which looks like a typo"),
        None if v.as_f64().is_some_and(|x| x < 0.0) => "cannot be below zero".into(),
        None if v.as_f64().is_some_and(|x| x > f64::from(max)) => format!("is above {max}, which looks like a typo"),
        None if v.is_number() => "must be a whole number, without decimals".into(),
        None => "must be a whole number, 0 or more".into(),
    };
    problems.push(format!("{path}: {v} {problem}"));
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn bank() -> Bank {
        Bank::default_bank().unwrap()
    }

    fn score(input: &Value) -> Value {
        serde_json::from_str(&score_json(&bank(), &input.to_string()).unwrap_or_else(|e| panic!("{e}"))).unwrap()
    }

    #[test]
    fn scores_a_subset_with_the_core() {
        let b = bank();
        let mut answers = Map::new();
        for item in b.items_of(Cause::Effort) {
            answers.insert(item.id.clone(), json!(if item.reverse { 5 } else { 1 }));
        }
        for item in b.items_of(Cause::Training) {
            answers.insert(item.id.clone(), json!(if item.reverse { 2 } else { 4 }));
        }
        let out = score(&json!({ "answers": answers }));
        assert_eq!(out["scores"]["effort"], 0);
        assert_eq!(out["scores"]["training"], 75);
        assert_eq!(out["scores"]["discipline"], Value::Null);
        assert_eq!(out["measured"]["discipline"]["answered"], 0);
        assert_eq!(out["measured"]["effort"]["answered"], b.items_of(Cause::Effort).count());
        // Two causes never measured: the verdict says so instead of naming a cause.
        assert_eq!(
            (&out["pattern"], &out["unclear"], &out["primary"]),
            (&json!("unclear"), &json!("too_few"), &Value::Null)
        );
        assert_eq!(out["plan"]["kind"], "unclear");
        // With the other two answered healthy, effort is the one cause.
        for item in b.items_of(Cause::Discipline).chain(b.items_of(Cause::Feedback)) {
            answers.insert(item.id.clone(), json!(if item.reverse { 2 } else { 4 }));
        }
        let out = score(&json!({ "answers": answers }));
        assert_eq!((&out["primary"], &out["pattern"]), (&json!("effort"), &json!("single")));
        assert_eq!(out["plan"]["week"][0]["id"].as_str().map(|id| id.starts_with("effort-")), Some(true));
        assert_eq!(out["manager"]["causes"][0]["cause"], "effort");
    }

    #[test]
    fn bad_input_is_a_clear_error() {
        let b = bank();
        for (input, needle) in [
            ("{", "not valid JSON"),
            ("[]", "must be a JSON object"),
            ("{}", "missing \"answers\""),
            ("{\"answers\": []}", "must be an object"),
            ("{\"answers\": {\"nope\": 3}}", "\"nope\" is not a scored item"),
            ("{\"answers\": {\"training-1\": 3}}", "\"training-1\" is not a scored item"),
            ("{\"answers\": {\"training-close\": 6}}", "not a whole number from 1 to 5"),
            ("{\"answers\": {\"training-close\": 0}}", "not a whole number from 1 to 5"),
            ("{\"answers\": {\"training-close\": \"3\"}}", "not a whole number from 1 to 5"),
            ("{\"answers\": {\"training-close\": 2.5}}", "not a whole number from 1 to 5"),
            ("{\"answers\": {}, \"extra\": 1}", "unknown field \"extra\""),
        ] {
            let err = score_json(&b, input).unwrap_err();
            assert!(err.contains(needle), "{input}: {err}");
        }
    }

    #[test]
    fn score_refuses_what_the_app_cannot_collect() {
        let b = bank();
        let eleven: Vec<&str> = vec!["close"; MAX_DEALS + 1];
        for (input, needle) in [
            (json!({ "answers": {}, "answer": {} }), "unknown field \"answer\""),
            (json!({ "answers": {}, "timings": {} }), "unknown field \"timings\""),
            (
                json!({ "answers": { "effort-best-months": "NA" } }),
                "\"effort-best-months\": \"NA\" is not a whole number from 1 to 5, or \"na\"",
            ),
            (json!({ "answers": { "effort-best-months": "n/a" } }), "or \"na\""),
            (json!({ "answers": { "effort-best-months": " na" } }), "or \"na\""),
            (
                json!({ "answers": {}, "facts": { "duration": ["forever"] } }),
                "\"forever\" is not an option of \"duration\"",
            ),
            (
                json!({ "answers": {}, "facts": { "changed": ["nothing", "weather"] } }),
                "\"weather\" is not an option of \"changed\"",
            ),
            (json!({ "answers": {}, "facts": { "mood": ["low"] } }), "\"mood\" is not a fact"),
            (
                json!({ "answers": {}, "facts": { "duration": ["lt1m", "gt6m"] } }),
                "\"duration\" takes one option, not 2",
            ),
            (json!({ "answers": {}, "facts": { "duration": "lt1m" } }), "\"duration\" must be a list of option ids"),
            (json!({ "answers": {}, "deals": eleven }), &format!("deals: at most {MAX_DEALS}, not {}", MAX_DEALS + 1)),
            (json!({ "answers": {}, "deals": ["close", "negotiate"] }), "deals: \"negotiate\" is not a stage"),
            (json!({ "answers": {}, "deals": "close" }), "\"deals\" must be a list of ids"),
            (json!({ "answers": {}, "stories": ["unlucky"] }), "stories: \"unlucky\" is not a story"),
            (json!({ "answers": {}, "self_talk": 6 }), "self_talk: 6 is not a whole number from 1 to 5"),
            (json!({ "answers": {}, "self_talk": 0 }), "self_talk: 0 is not a whole number from 1 to 5"),
            (json!({ "answers": {}, "timings_ms": { "training-close": -5 } }), "not a whole number of milliseconds"),
        ] {
            let result = std::panic::catch_unwind(|| score_json(&b, &input.to_string()));
            let err = result.unwrap_or_else(|_| panic!("panicked on {input}")).unwrap_err();
            assert!(err.contains(needle), "{input}: {err}");
            assert!(err.starts_with("the answers file") || err.starts_with("unknown field"), "{input}: {err}");
        }
        // Every problem is named at once.
        let many = json!({ "answers": { "effort-best-months": "NA" }, "deals": ["negotiate"], "self_talk": 6 });
        let err = score_json(&b, &many.to_string()).unwrap_err();
        assert!(err.contains("3 problem(s)"), "{err}");
        // "na" itself, and the largest input the app collects, are accepted.
        let ok = json!({ "answers": { "effort-best-months": "na" }, "deals": vec!["grow"; MAX_DEALS], "self_talk": 5,
            "facts": { "changed": ["territory", "quota"] } });
        let out = score(&ok);
        assert_eq!(out["measured"]["effort"]["not_applicable"], 1);
    }

    /// What each persona in `xtask/personas/` claims, checked against `cargo xtask score`.
    struct Expect {
        file: &'static str,
        pattern: &'static str,
        primary: Option<&'static str>,
        weak: &'static [&'static str],
        unclear: Option<&'static str>,
        kind: &'static str,
        urgency: &'static str,
        first_week: &'static str,
    }

    const PERSONAS: [Expect; 9] = [
        Expect {
            file: "all-healthy-no-change.json",
            pattern: "none",
            primary: None,
            weak: &[],
            unclear: None,
            kind: "no_cause",
            urgency: "mild",
            first_week: "no-cause-w-ask",
        },
        Expect {
            file: "busy-by-words-not-by-numbers.json",
            pattern: "single",
            primary: Some("feedback"),
            weak: &["feedback"],
            unclear: None,
            kind: "causes",
            urgency: "moderate",
            first_week: "feedback-w-ask",
        },
        Expect {
            file: "closing-weak-deep-slump.json",
            pattern: "single",
            primary: Some("training"),
            weak: &["training"],
            unclear: None,
            kind: "causes",
            urgency: "severe",
            first_week: "severe-manager",
        },
        Expect {
            file: "discovery-weak-short-dip.json",
            pattern: "single",
            primary: Some("training"),
            weak: &["training"],
            unclear: None,
            kind: "causes",
            urgency: "mild",
            first_week: "training-w-discover",
        },
        Expect {
            file: "inbound.json",
            pattern: "single",
            primary: Some("discipline"),
            weak: &["discipline"],
            unclear: None,
            kind: "causes",
            urgency: "moderate",
            first_week: "discipline-w-follow-up",
        },
        Expect {
            file: "new-seller.json",
            pattern: "single",
            primary: Some("training"),
            weak: &["training"],
            unclear: None,
            kind: "causes",
            urgency: "moderate",
            first_week: "training-w-connect",
        },
        Expect {
            file: "sparse.json",
            pattern: "unclear",
            primary: None,
            weak: &[],
            unclear: Some("too_few"),
            kind: "unclear",
            urgency: "unknown",
            first_week: "no-cause-w-ask",
        },
        Expect {
            file: "works-alone-but-busy.json",
            pattern: "single",
            primary: Some("feedback"),
            weak: &["feedback"],
            unclear: None,
            kind: "causes",
            urgency: "moderate",
            first_week: "feedback-w-ask",
        },
        Expect {
            file: "yes-sayer.json",
            pattern: "unclear",
            primary: None,
            weak: &[],
            unclear: Some("answer_style"),
            kind: "unclear",
            urgency: "moderate",
            first_week: "no-cause-w-ask",
        },
    ];

    fn personas_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("personas")
    }

    fn persona(file: &str) -> Value {
        let text = std::fs::read_to_string(personas_dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        serde_json::from_str(&score_json(&bank(), &text).unwrap_or_else(|e| panic!("{file}: {e}"))).unwrap()
    }

    #[test]
    fn every_persona_gets_the_verdict_it_claims() {
        let mut files: Vec<String> = std::fs::read_dir(personas_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".json"))
            .collect();
        files.sort();
        let claimed: Vec<&str> = PERSONAS.iter().map(|e| e.file).collect();
        assert_eq!(files, claimed, "every persona file has an expectation here, and every expectation a file");
        for e in &PERSONAS {
            let out = persona(e.file);
            let f = e.file;
            assert_eq!(out["pattern"], e.pattern, "{f}");
            assert_eq!(out["primary"], json!(e.primary), "{f}");
            assert_eq!(out["weak"], json!(e.weak), "{f}");
            assert_eq!(out["unclear"], json!(e.unclear), "{f}");
            assert_eq!(out["plan"]["kind"], e.kind, "{f}");
            assert_eq!(out["manager"]["kind"], e.kind, "{f}");
            assert_eq!(out["plan"]["urgency"], e.urgency, "{f}");
            assert_eq!(out["plan"]["week"][0]["id"], e.first_week, "{f}");
            let manager: Vec<&Value> =
                out["manager"]["causes"].as_array().unwrap().iter().map(|c| &c["cause"]).collect();
            // Every weak cause first, then any the numbers or the raters contradict.
            let focus = out["plan"]["focus"].as_array().unwrap();
            assert_eq!(json!(focus[..e.weak.len()]), json!(e.weak), "{f}: the weak causes lead the focus");
            assert_eq!(json!(manager), json!(focus), "{f}: the manager part names every cause in focus");
            for cause in e.weak {
                let in_week = out["plan"]["week"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["id"].as_str().unwrap().starts_with(cause));
                assert!(in_week, "{f}: {cause} has no action this week");
            }
            if e.pattern != "unclear" {
                assert_eq!(out["flags"], json!([]), "{f}");
            }
        }
    }

    #[test]
    fn personas_show_what_their_names_say() {
        // Deals stopping at Close, weak at asking: closing work first, after the severe actions.
        let closing = persona("closing-weak-deep-slump.json");
        let week = closing["plan"]["week"].as_array().unwrap();
        let ids: Vec<&str> = week.iter().map(|a| a["id"].as_str().unwrap()).collect();
        assert_eq!(ids[..4], ["severe-manager", "severe-checkpoint", "severe-floor", "training-w-close"]);
        assert!(week[3]["lead"].as_str().unwrap().contains("Close"), "{:?}", week[3]);
        assert!(!ids.contains(&"training-w-discover"));
        // Deals stopping at Discover, weak at discovery: discovery work first, nothing severe.
        let discovery = persona("discovery-weak-short-dip.json");
        let week = discovery["plan"]["week"].as_array().unwrap();
        assert!(week[0]["lead"].as_str().unwrap().contains("Discover"), "{:?}", week[0]);
        assert!(week.iter().all(|a| !a["id"].as_str().unwrap().starts_with("severe") && a["id"] != "training-w-close"));
        // Busy but alone: effort measured healthy, feedback weak.
        let alone = persona("works-alone-but-busy.json");
        assert!(alone["scores"]["effort"].as_u64().unwrap() >= 75);
        let week: Vec<&str> =
            alone["plan"]["week"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
        assert!(week.contains(&"feedback-w-colleague"), "{week:?}");
        // "Doesn't apply" is counted apart and the cause is still scored.
        let new = persona("new-seller.json");
        assert_eq!(new["measured"]["effort"], json!({ "answered": 6, "not_applicable": 2, "total": 8 }));
        assert!(new["scores"]["effort"].as_u64().unwrap() >= 55);
        let inbound = persona("inbound.json");
        assert_eq!(inbound["measured"]["effort"]["not_applicable"], 1);
        assert_eq!(inbound["measured"]["training"]["not_applicable"], 1);
        assert!(inbound["scores"]["effort"].is_u64() && inbound["scores"]["training"].is_u64());
        // Sparse: never "look outward", even with an outside change named.
        let sparse = persona("sparse.json");
        assert!(sparse["scores"].as_object().unwrap().values().all(Value::is_null));
        assert!(sparse["plan"]["week"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| !a["id"].as_str().unwrap().starts_with("outward")));
        // Busy by words, not by numbers: effort answered healthy, the numbers say 60 % of the best
        // week and 30 of the 47 conversations a week the target needs (40 000 ÷ 5 000 = 8 deals a
        // month, ÷ 52/12 = 1.85 a week, ÷ 0.4 won per proposal, ÷ 0.5, ÷ 0.2 = 46.2 → 47; 10 a day).
        let busy = persona("busy-by-words-not-by-numbers.json");
        assert!(busy["scores"]["effort"].as_u64().unwrap() >= 75);
        let numbers = &busy["numbers"];
        assert_eq!(numbers["activity_vs_best_pct"], 60);
        // So effort, healthy by the answers, is contradicted: in the focus after feedback,
        // and in the manager part, never a strength.
        assert_eq!(busy["plan"]["contradicted"], json!([{ "cause": "effort", "by": ["numbers"] }]));
        assert_eq!(busy["plan"]["focus"], json!(["feedback", "effort"]));
        assert_eq!(numbers["disagrees_with"], json!(["effort"]));
        assert_eq!(numbers["conversion_pct"], json!([20, 50, 33]));
        // 1.85 won, 4.62 proposals, 9.23 meetings, 46.2 conversations a week, each rounded up.
        assert_eq!(
            (&numbers["weekly_needed"], &numbers["daily_needed"]),
            (&json!({ "won": 2, "proposals": 5, "meetings": 10, "conversations": 47 }), &json!(10))
        );
        let steps: Vec<&str> =
            numbers["steps"].as_array().unwrap().iter().map(|s| s["what"].as_str().unwrap()).collect();
        assert_eq!(
            steps,
            ["deals_per_month", "deals_per_week", "proposals_per_week", "meetings_per_week", "conversations_per_week"]
        );
        let items: Vec<(&str, &str, u64)> = numbers["disagreements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (d["item"].as_str().unwrap(), d["answers_say"].as_str().unwrap(), d["numbers_pct"].as_u64().unwrap())
            })
            .collect();
        assert_eq!(
            items,
            [
                ("effort-best-months-now", "higher", 60),
                ("effort-best-months", "higher", 60),
                ("effort-target", "higher", 64)
            ]
        );
        // Without numbers, no "numbers" in the output.
        assert!(alone.get("numbers").is_none());
        // The yes-sayer's style is named.
        let yes = persona("yes-sayer.json");
        assert!(yes["flags"].as_array().unwrap().contains(&json!("answer_style")));
    }

    #[test]
    fn numbers_are_optional_and_partial() {
        // Only a now week: no best, no money: nothing to compare, no steps, nothing disagrees.
        let out = score(
            &json!({ "answers": { "effort-best-months-now": 5 }, "numbers": { "now": { "conversations": 20 } } }),
        );
        let n = &out["numbers"];
        assert_eq!(
            (&n["activity_vs_best_pct"], &n["conversion_pct"], &n["weekly_needed"], &n["daily_needed"]),
            (&Value::Null, &Value::Null, &Value::Null, &Value::Null)
        );
        assert_eq!((&n["steps"], &n["disagrees_with"]), (&json!([]), &json!([])));
        // The largest values accepted; best 10 000, now 0: 0 %.
        let out = score(&json!({ "answers": {}, "numbers": {
            "now": { "conversations": 0 },
            "best": { "conversations": MAX_WEEKLY, "meetings": MAX_WEEKLY, "proposals": MAX_WEEKLY, "won": MAX_WEEKLY },
            "deal_size": MAX_MONEY, "target": MAX_MONEY } }));
        assert_eq!(out["numbers"]["activity_vs_best_pct"], 0);
        // 1e9 ÷ 1e9 = 1 deal a month, ÷ 52/12 = 0.23 a week, every rate 1: 1 conversation a week.
        assert_eq!(
            (&out["numbers"]["weekly_needed"], &out["numbers"]["daily_needed"]),
            (&json!({ "won": 1, "proposals": 1, "meetings": 1, "conversations": 1 }), &json!(1))
        );
    }

    #[test]
    fn bad_numbers_are_refused_by_name() {
        let b = bank();
        for (numbers, needle) in [
            (json!([]), "\"numbers\" must be an object"),
            (json!({ "per_month": 3 }), "numbers: unknown field \"per_month\""),
            (json!({ "now": 30 }), "numbers.now must be an object"),
            (json!({ "best": { "calls": 3 } }), "numbers.best: unknown field \"calls\""),
            (json!({ "now": { "conversations": -3 } }), "numbers.now.conversations: -3 cannot be below zero"),
            (
                json!({ "now": { "meetings": 2.5 } }),
                "numbers.now.meetings: 2.5 must be a whole number, without decimals",
            ),
            (json!({ "now": { "won": "2" } }), "numbers.now.won: \"2\" must be a whole number, 0 or more"),
            (json!({ "best": { "proposals": null } }), "numbers.best.proposals: null must be a whole number"),
            (
                json!({ "best": { "conversations": MAX_WEEKLY + 1 } }),
                "numbers.best.conversations: 10001 is above 10000, which looks like a typo",
            ),
            (json!({ "deal_size": -1 }), "numbers.deal_size: -1 cannot be below zero"),
            (
                json!({ "target": u64::from(MAX_MONEY) + 1 }),
                "numbers.target: 1000000001 is above 1000000000, which looks like a typo",
            ),
            (json!({ "target": 1e20 }), "numbers.target: 1e+20 is above 1000000000, which looks like a typo"),
            (json!({ "target": 3.0 }), "numbers.target: 3.0 must be a whole number, without decimals"),
            (json!({ "target": u64::MAX }), "is above 1000000000"),
            (json!({ "target": i64::MIN }), "cannot be below zero"),
        ] {
            let input = json!({ "answers": {}, "numbers": numbers });
            let result = std::panic::catch_unwind(|| score_json(&b, &input.to_string()));
            let err = result.unwrap_or_else(|_| panic!("panicked on {input}")).unwrap_err();
            assert!(err.starts_with("the answers file has"), "{input}: {err}");
            assert!(err.contains(needle), "{input}: {err}");
        }
        // Every bad number is named at once.
        let input =
            json!({ "answers": {}, "numbers": { "now": { "conversations": -1, "won": 0.5 }, "target": "lots" } });
        let err = score_json(&b, &input.to_string()).unwrap_err();
        assert!(err.contains("3 problem(s)"), "{err}");
    }

    /// Every item of the bank answered at `health` (1..=5), the key applied, as `"answers"`.
    fn at_health(b: &Bank, health: impl Fn(&groove_core::bank::Item) -> u8) -> Map<String, Value> {
        b.items()
            .iter()
            .map(|item| {
                let h = health(item);
                (item.id.clone(), json!(if item.reverse { 6 - h } else { h }))
            })
            .collect()
    }

    #[test]
    fn outside_shows_blind_spots_and_what_to_talk_about_first() {
        let b = bank();
        let own = at_health(&b, |_| 4);
        let rater = at_health(&b, |i| if i.id == "effort-prospecting" { 1 } else { 4 });
        // Without raters, no "outside" in the output.
        assert!(score(&json!({ "answers": own })).get("outside").is_none());
        let out = score(&json!({ "answers": own, "outside": [{ "name": "Kim", "answers": rater }] }));
        let o = &out["outside"];
        assert_eq!(o["raters"], 1);
        assert_eq!(o["blind_spots"], json!(["effort-prospecting"]));
        assert_eq!(o["hidden_strengths"], json!([]));
        assert_eq!(o["scores"]["training"], 75);
        assert_eq!(o["judged"]["effort"], b.items_of(Cause::Effort).count());
        let habit = &b.item("effort-prospecting").unwrap().habit;
        let talk = o["talk_first"].as_str().unwrap_or_else(|| panic!("no talk_first: {o}"));
        assert!(talk.contains(habit.as_str()), "{talk}");
        // The outside verdict has the shape of the seller's.
        let keys: Vec<&String> = o["verdict"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["borderline", "confidence", "pattern", "primary", "secondary", "tied", "unclear", "weak"]);
        assert!(keys.iter().all(|k| out.get(k.as_str()).is_some()), "{keys:?}");
        // The same view as the seller's: nothing to talk about first, nothing to disagree on.
        let same = score(&json!({ "answers": own, "outside": [{ "answers": own }] }));
        assert_eq!((&same["outside"]["talk_first"], &same["outside"]["disagrees"]), (&Value::Null, &Value::Null));
        assert_eq!(same["outside"]["blind_spots"], json!([]));
        // The seller finds discipline weak, the rater effort: they disagree on where to start.
        let own = at_health(&b, |i| if i.cause == Cause::Discipline { 2 } else { 4 });
        let rater = at_health(&b, |i| if i.cause == Cause::Effort { 2 } else { 4 });
        let out = score(&json!({ "answers": own, "outside": [{ "answers": rater }] }));
        assert_eq!(out["primary"], "discipline");
        assert_eq!(out["outside"]["verdict"]["primary"], "effort");
        assert_eq!(out["outside"]["disagrees"], json!({ "own": "discipline", "outside": ["effort"], "unjudged": [] }));
        // Effort, healthy in the seller's answers and weak from outside beyond noise, is
        // contradicted: in the plan after discipline.
        assert_eq!(out["plan"]["focus"], json!(["discipline", "effort"]));
        assert_eq!(out["plan"]["contradicted"], json!([{ "cause": "effort", "by": ["outside"] }]));
    }

    #[test]
    fn outside_na_is_not_judged() {
        let b = bank();
        let own = at_health(&b, |_| 3);
        let mut rater = at_health(&b, |_| 4);
        for item in b.items_of(Cause::Feedback).skip(2) {
            rater.insert(item.id.clone(), json!("na"));
        }
        let out = score(&json!({ "answers": own, "outside": [{ "answers": rater }] }));
        let o = &out["outside"];
        assert_eq!((&o["scores"]["feedback"], &o["judged"]["feedback"]), (&Value::Null, &json!(2)));
        assert_eq!((&o["scores"]["effort"], &o["verdict"]["pattern"]), (&json!(75), &json!("unclear")));
        // A second rater who judges feedback fills it in: items judged by anyone count.
        let other = at_health(&b, |_| 2);
        let out = score(&json!({ "answers": own, "outside": [{ "answers": rater }, { "answers": other }] }));
        let o = &out["outside"];
        assert_eq!((&o["judged"]["feedback"], &o["raters"]), (&json!(b.items_of(Cause::Feedback).count()), &json!(2)));
        assert!(o["scores"]["feedback"].is_u64(), "{o}");
    }

    #[test]
    fn bad_outside_is_refused_by_rater_and_item() {
        let b = bank();
        for (outside, needle) in [
            (json!({ "answers": {} }), "\"outside\" must be a list of raters"),
            (json!([]), "\"outside\" is an empty list"),
            (json!([3]), "outside[0] must be an object"),
            (json!([{}]), "outside[0] has no \"answers\""),
            (json!([{ "name": "Kim" }]), "outside[0] has no \"answers\""),
            (json!([{ "answers": [] }]), "outside[0]: \"answers\" must be an object"),
            (json!([{ "answers": { "nope": 3 } }]), "outside[0]: \"nope\" is not a scored item of the bank"),
            (
                json!([{ "answers": { "effort-prospecting": 4 } }, { "answers": { "effort-prospecting": 6 } }]),
                "outside[1]: \"effort-prospecting\": 6 is not a whole number from 1 to 5, or \"na\"",
            ),
            (json!([{ "answers": { "effort-prospecting": 0 } }]), "outside[0]: \"effort-prospecting\": 0 is not"),
            (json!([{ "answers": { "effort-prospecting": "3" } }]), "outside[0]: \"effort-prospecting\": \"3\" is not"),
            (json!([{ "answers": { "effort-prospecting": 2.5 } }]), "outside[0]: \"effort-prospecting\": 2.5 is not"),
            (
                json!([{ "answers": { "effort-prospecting": "NA" } }]),
                "outside[0]: \"effort-prospecting\": \"NA\" is not",
            ),
            (json!([{ "answers": {} }]), "outside[0] judged no item"),
            (json!([{ "answers": { "effort-prospecting": "na" } }]), "outside[0] judged no item"),
            (json!([{ "answers": { "effort-prospecting": 3 }, "rating": 2 }]), "outside[0]: unknown field \"rating\""),
            (json!([{ "answers": { "effort-prospecting": 3 }, "name": 7 }]), "outside[0]: \"name\" must be text"),
        ] {
            let input = json!({ "answers": {}, "outside": outside });
            let result = std::panic::catch_unwind(|| score_json(&b, &input.to_string()));
            let err = result.unwrap_or_else(|_| panic!("panicked on {input}")).unwrap_err();
            assert!(err.starts_with("the answers file has"), "{input}: {err}");
            assert!(err.contains(needle), "{input}: {err}");
        }
        // Every bad rater is named at once, with the seller's own problems.
        let input = json!({ "answers": { "nope": 1 }, "outside": [{ "answers": { "nope": 1 } }, { "answers": {} }] });
        let err = score_json(&b, &input.to_string()).unwrap_err();
        assert!(err.contains("3 problem(s)"), "{err}");
    }

    #[test]
    fn bank_json_lists_items_and_names_problems() {
        let out: Value = serde_json::from_str(&bank_json(groove_core::bank::DEFAULT_BANK_JSON).unwrap()).unwrap();
        let item = &out["items"][0];
        assert!(
            item["id"].is_string()
                && item["cause"].is_string()
                && item["reverse"].is_boolean()
                && item["text"].is_string()
                && item["scale"].is_string()
        );
        let training = out["items"].as_array().unwrap().iter().filter(|i| i["cause"] == "training");
        let stages: Vec<&str> = training.filter_map(|i| i["stage"].as_str()).collect();
        assert!(STAGE_IDS.iter().all(|s| stages.contains(s)), "{stages:?}");
        let mut broken: Value = serde_json::from_str(groove_core::bank::DEFAULT_BANK_JSON).unwrap();
        broken["items"][3]["text"] = json!("");
        let err = bank_json(&broken.to_string()).unwrap_err();
        assert!(err.contains("empty text"), "{err}");
    }
}
