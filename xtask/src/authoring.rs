//! `cargo xtask bank` and `cargo xtask score`: the core's validation and scoring, from outside.
//! Both are pure functions from text to text so they are tested without a process.

use groove_core::answers::{Answer, Responses};
use groove_core::bank::Bank;
use groove_core::{diagnose, Cause};
use serde_json::{json, Map, Value};

/// The validated bank as JSON, or every problem found.
pub fn bank_json(source: &str) -> Result<String, String> {
    let bank = Bank::parse(source).map_err(|e| e.to_string())?;
    let raw = serde_json::to_value(bank.raw()).map_err(|e| e.to_string())?;
    serde_json::to_string_pretty(&raw).map_err(|e| e.to_string())
}

/// Scores `{"answers": {"<item id>": 1..5}, "timings_ms": {...}?}` with the shipped bank.
pub fn score_json(bank: &Bank, input: &str) -> Result<String, String> {
    let value: Value = serde_json::from_str(input).map_err(|e| format!("the answers file is not valid JSON: {e}"))?;
    let object = value.as_object().ok_or("the answers file must be a JSON object with an \"answers\" object")?;
    for key in object.keys() {
        if key != "answers" && key != "timings_ms" {
            return Err(format!("unknown field \"{key}\": expected \"answers\" (and optionally \"timings_ms\")"));
        }
    }
    let answers = object
        .get("answers")
        .ok_or("missing \"answers\": expected {\"answers\": {\"<item id>\": 1..5}}")?
        .as_object()
        .ok_or("\"answers\" must be an object of item id to a whole number from 1 to 5")?;
    let mut responses = Responses::default();
    let mut problems = Vec::new();
    for (id, v) in answers {
        if bank.item(id).is_none() {
            problems.push(format!("\"{id}\" is not a scored item of the bank"));
            continue;
        }
        match v.as_u64().and_then(|n| u8::try_from(n).ok()).and_then(Answer::new) {
            Some(a) => {
                responses.answers.insert(id.clone(), a);
            }
            None => problems.push(format!("\"{id}\": {v} is not a whole number from 1 to 5")),
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
    if !problems.is_empty() {
        return Err(format!("the answers file has {} problem(s):\n- {}", problems.len(), problems.join("\n- ")));
    }
    let d = diagnose(bank, &responses);
    let mut scores = Map::new();
    let mut bands = Map::new();
    for cause in Cause::ALL {
        let r = d.causes.get(cause);
        scores.insert(cause.id().into(), json!(r.score));
        bands.insert(cause.id().into(), json!(r.band));
    }
    let out = json!({
        "scores": scores,
        "bands": bands,
        "primary": d.primary,
        "secondary": d.secondary,
        "pattern": d.pattern,
        "flags": d.flags,
    });
    serde_json::to_string_pretty(&out).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> Bank {
        Bank::default_bank().unwrap()
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
        let out: Value =
            serde_json::from_str(&score_json(&b, &json!({ "answers": answers }).to_string()).unwrap()).unwrap();
        assert_eq!(out["scores"]["effort"], 0);
        assert_eq!(out["scores"]["training"], 75);
        assert_eq!(out["scores"]["discipline"], Value::Null);
        assert_eq!(out["primary"], "effort");
        assert_eq!(out["pattern"], "single");
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
            ("{\"answers\": {\"training-1\": 6}}", "not a whole number from 1 to 5"),
            ("{\"answers\": {\"training-1\": \"3\"}}", "not a whole number from 1 to 5"),
            ("{\"answers\": {\"training-1\": 2.5}}", "not a whole number from 1 to 5"),
            ("{\"answers\": {}, \"extra\": 1}", "unknown field"),
        ] {
            let err = score_json(&b, input).unwrap_err();
            assert!(err.contains(needle), "{input}: {err}");
        }
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
        );
        let mut broken: Value = serde_json::from_str(groove_core::bank::DEFAULT_BANK_JSON).unwrap();
        broken["items"][3]["text"] = json!("");
        let err = bank_json(&broken.to_string()).unwrap_err();
        assert!(err.contains("empty text"), "{err}");
    }
}
