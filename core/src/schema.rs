//! The stored document: one versioned JSON value holding progress and finished results.
//!
//! Decoding is total: any string gives a `Document` or a `DecodeError`, never a panic.
//! Older versions are migrated on read, one step per version; a newer version is refused,
//! so the app can open read-only instead of overwriting what it does not understand.

use crate::answers::Responses;
use crate::cause::{Cause, PerCause};
use crate::diagnosis::{Flag, Pattern};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// One migration per past version: `MIGRATIONS[i]` turns version `i + 1` into `i + 2`.
/// A fixture of every version lives in `tests/fixtures/` and must load forever.
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// One step: the document of one version in, the next version's out.
type Migration = fn(Value) -> Result<Value, String>;

/// The id of the profile every device starts with; it has no name and never gets in the way.
pub const DEFAULT_PROFILE: &str = "default";

/// Version 1 held one person's progress and results at the top level; version 2 keeps
/// them per profile, with plan checks and daily reviews.
fn v1_to_v2(mut value: Value) -> Result<Value, String> {
    let object = value.as_object_mut().ok_or("the document is not an object")?;
    let progress = object.remove("progress").unwrap_or(Value::Null);
    let results = object.remove("results").unwrap_or_else(|| Value::Array(Vec::new()));
    object.insert("active".into(), Value::from(DEFAULT_PROFILE));
    object.insert(
        "profiles".into(),
        serde_json::json!([{ "id": DEFAULT_PROFILE, "name": "", "progress": progress, "results": results }]),
    );
    Ok(value)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub schema: u32,
    /// Bumped on every save, so a tab can tell that another tab wrote after it.
    #[serde(default)]
    pub revision: u64,
    /// The id of the profile in use.
    pub active: String,
    pub profiles: Vec<Profile>,
}

impl Default for Document {
    fn default() -> Self {
        Document::new()
    }
}

impl Document {
    pub fn new() -> Document {
        Document {
            schema: SCHEMA_VERSION,
            revision: 0,
            active: DEFAULT_PROFILE.into(),
            profiles: vec![Profile::new(DEFAULT_PROFILE, "")],
        }
    }

    /// The profile in use. A decoded document always has one (see `normalise`).
    pub fn profile(&self) -> &Profile {
        let found = self.profiles.iter().find(|p| p.id == self.active);
        found.or(self.profiles.first()).unwrap_or(&EMPTY_PROFILE)
    }

    pub fn profile_mut(&mut self) -> &mut Profile {
        self.normalise();
        let index = self.profiles.iter().position(|p| p.id == self.active).unwrap_or(0);
        &mut self.profiles[index]
    }

    /// Makes sure a profile exists and `active` names one of them.
    pub fn normalise(&mut self) {
        if self.profiles.is_empty() {
            self.profiles.push(Profile::new(DEFAULT_PROFILE, ""));
        }
        if !self.profiles.iter().any(|p| p.id == self.active) {
            self.active = self.profiles[0].id.clone();
        }
    }
}

static EMPTY_PROFILE: Profile = Profile {
    id: String::new(),
    name: String::new(),
    progress: None,
    results: Vec::new(),
    done: BTreeMap::new(),
    reviews: Vec::new(),
};

/// One person on this device: a manager may go through Groove with each rep.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    /// Empty for the default profile.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub progress: Option<Progress>,
    #[serde(default)]
    pub results: Vec<StoredResult>,
    /// Plan actions checked off, by result id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub done: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
}

impl Profile {
    pub fn new(id: &str, name: &str) -> Profile {
        Profile {
            id: id.into(),
            name: name.into(),
            progress: None,
            results: Vec::new(),
            done: BTreeMap::new(),
            reviews: Vec::new(),
        }
    }

    pub fn latest(&self) -> Option<&StoredResult> {
        self.results.iter().max_by_key(|r| r.finished_at)
    }

    /// Results, newest first.
    pub fn history(&self) -> Vec<&StoredResult> {
        let mut v: Vec<&StoredResult> = self.results.iter().collect();
        v.sort_by_key(|r| std::cmp::Reverse(r.finished_at));
        v
    }

    /// Days with a daily review, and the streak that ends `today` (or yesterday).
    pub fn review_streak(&self, today: crate::days::Day) -> (BTreeSet<crate::days::Day>, u32) {
        let days: BTreeSet<_> = self.reviews.iter().filter_map(|r| crate::days::parse_iso_date(&r.day)).collect();
        let streak = crate::days::streak(&days, today);
        (days, streak)
    }

    pub fn is_done(&self, result_id: &str, action_id: &str) -> bool {
        self.done.get(result_id).is_some_and(|d| d.iter().any(|a| a == action_id))
    }
}

/// The end-of-day review: two minutes, kept with its date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The local calendar day, "YYYY-MM-DD".
    pub day: String,
    /// Did I do what I planned: "yes", "partly" or "no".
    #[serde(default)]
    pub followed: String,
    #[serde(default)]
    pub worked: String,
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub note: String,
    pub saved_at: u64,
}

/// An assessment in progress.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Milliseconds since the epoch.
    pub started_at: u64,
    /// The id of the step the person is on, so a reload resumes at the same question.
    pub step: String,
    pub responses: Responses,
}

/// A finished assessment: what was answered and the summary computed then.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredResult {
    pub id: String,
    pub finished_at: u64,
    /// The id of the bank it was taken with.
    pub bank: String,
    pub responses: Responses,
    pub scores: PerCause<Option<u8>>,
    pub primary: Option<Cause>,
    pub pattern: Pattern,
    #[serde(default)]
    pub flags: Vec<Flag>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all (or truncated).
    NotJson(String),
    /// JSON without a schema version: not something Groove wrote.
    NoVersion,
    /// Written by a newer Groove: keep it, write nothing.
    Newer { found: u64, supported: u32 },
    /// A migration step failed.
    Migration { from: u32, why: String },
    /// The right version, the wrong shape.
    WrongShape(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(why) => write!(f, "the saved data is not readable JSON ({why})"),
            DecodeError::NoVersion => f.write_str("the saved data has no schema version"),
            DecodeError::Newer { found, supported } => write!(
                f,
                "the saved data comes from a newer version of Groove (schema {found}; this one reads up to {supported})"
            ),
            DecodeError::Migration { from, why } => {
                write!(f, "the saved data could not be upgraded from schema {from} ({why})")
            }
            DecodeError::WrongShape(why) => write!(f, "the saved data has an unexpected shape ({why})"),
        }
    }
}

impl std::error::Error for DecodeError {}

pub fn decode(raw: &str) -> Result<Document, DecodeError> {
    let mut value: Value = serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let found = value.get("schema").and_then(Value::as_u64).ok_or(DecodeError::NoVersion)?;
    if found > u64::from(SCHEMA_VERSION) {
        return Err(DecodeError::Newer { found, supported: SCHEMA_VERSION });
    }
    if found == 0 {
        return Err(DecodeError::NoVersion);
    }
    let mut version = found as u32;
    while version < SCHEMA_VERSION {
        let step = MIGRATIONS
            .get(version as usize - 1)
            .ok_or_else(|| DecodeError::Migration { from: version, why: "no migration".into() })?;
        value = step(value).map_err(|why| DecodeError::Migration { from: version, why })?;
        version += 1;
        value["schema"] = Value::from(version);
    }
    let mut doc: Document = serde_json::from_value(value).map_err(|e| DecodeError::WrongShape(e.to_string()))?;
    doc.normalise();
    Ok(doc)
}

pub fn encode(doc: &Document) -> String {
    // Serialising plain data structs to a String cannot fail; keep a valid fallback anyway.
    serde_json::to_string(doc).unwrap_or_else(|_| format!("{{\"schema\":{SCHEMA_VERSION}}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use proptest::prelude::*;

    const V1_FIXTURE: &str = include_str!("../../tests/fixtures/schema-v1.json");

    const V2_FIXTURE: &str = include_str!("../../tests/fixtures/schema-v2.json");

    #[test]
    fn version_1_fixture_loads_forever() {
        let doc = decode(V1_FIXTURE).unwrap();
        assert_eq!(doc.schema, SCHEMA_VERSION);
        assert_eq!(doc.revision, 7);
        let p = doc.profile();
        assert_eq!(p.id, DEFAULT_PROFILE);
        assert_eq!(p.results.len(), 1);
        assert_eq!(p.results[0].primary, Some(Cause::Discipline));
        assert_eq!(p.progress.as_ref().unwrap().step, "effort-3");
    }

    #[test]
    fn version_2_fixture_loads_forever() {
        let doc = decode(V2_FIXTURE).unwrap();
        assert_eq!(doc.profiles.len(), 2);
        assert_eq!(doc.profile().name, "Sam");
        assert!(doc.profile().is_done("r-1763900000000", "discipline-w1"));
        assert_eq!(doc.profile().reviews[0].day, "2026-11-23");
    }

    #[test]
    fn profiles_keep_their_own_history_plan_and_reviews() {
        let mut doc = Document::new();
        doc.profiles.push(Profile::new("sam", "Sam"));
        doc.active = "sam".into();
        doc.profile_mut().done.insert("r1".into(), vec!["training-w1".into()]);
        doc.profile_mut().reviews.push(Review {
            day: "2026-11-24".into(),
            followed: "yes".into(),
            worked: String::new(),
            change: String::new(),
            note: String::new(),
            saved_at: 1,
        });
        assert!(doc.profile().is_done("r1", "training-w1"));
        doc.active = DEFAULT_PROFILE.into();
        assert!(!doc.profile().is_done("r1", "training-w1"));
        assert!(doc.profile().reviews.is_empty());
        let round = decode(&encode(&doc)).unwrap();
        assert_eq!(round.profiles[1].reviews.len(), 1);
        assert_eq!(round.profile().id, DEFAULT_PROFILE);
    }

    #[test]
    fn a_document_without_profiles_gets_the_default_one() {
        let doc = decode("{\"schema\":2,\"active\":\"gone\",\"profiles\":[]}").unwrap();
        assert_eq!(doc.active, DEFAULT_PROFILE);
        assert_eq!(doc.profiles.len(), 1);
    }

    #[test]
    fn every_failure_is_a_value() {
        assert!(matches!(decode(""), Err(DecodeError::NotJson(_))));
        assert!(matches!(decode("{\"schema\":1,\"results\":["), Err(DecodeError::NotJson(_))));
        assert!(matches!(decode("{\"results\":[]}"), Err(DecodeError::NoVersion)));
        assert!(matches!(decode("{\"schema\":0}"), Err(DecodeError::NoVersion)));
        assert!(matches!(decode("{\"schema\":99}"), Err(DecodeError::Newer { found: 99, .. })));
        assert!(matches!(decode("{\"schema\":1,\"results\":{}}"), Err(DecodeError::WrongShape(_))));
        let bad_answer = r#"{"schema":1,"progress":{"started_at":0,"step":"x","responses":{"answers":{"a":9}}}}"#;
        assert!(matches!(decode("{\"schema\":2}"), Err(DecodeError::WrongShape(_))));
        assert!(matches!(decode(bad_answer), Err(DecodeError::WrongShape(_))));
    }

    fn any_document() -> impl Strategy<Value = Document> {
        let answers = proptest::collection::btree_map("[a-z]{1,8}-[0-9]", 1u8..=5, 0..12);
        (answers, any::<u64>(), proptest::option::of("[a-z-]{1,12}"), 0u64..4_000_000_000_000).prop_map(
            |(answers, revision, step, at)| {
                let responses = Responses {
                    answers: answers.into_iter().map(|(k, v)| (k, Answer::new(v).unwrap())).collect(),
                    stories: vec!["leads".into()],
                    deals: vec!["close".into()],
                    ..Responses::default()
                };
                let mut profile = Profile::new(DEFAULT_PROFILE, "");
                profile.progress = step.map(|step| Progress { started_at: at, step, responses: responses.clone() });
                profile.done.insert(format!("r{revision}"), vec!["training-w1".into()]);
                profile.reviews.push(Review {
                    day: "2026-11-24".into(),
                    followed: "partly".into(),
                    worked: "<b>asked</b> for the decision".into(),
                    change: String::new(),
                    note: "\u{1f600}".into(),
                    saved_at: at,
                });
                profile.results = vec![StoredResult {
                    id: format!("r{revision}"),
                    finished_at: at,
                    bank: "groove-default".into(),
                    responses,
                    scores: PerCause { training: Some(10), effort: None, discipline: Some(100), feedback: Some(55) },
                    primary: Some(Cause::Training),
                    pattern: Pattern::Single,
                    flags: vec![Flag::TooFast],
                }];
                Document { schema: SCHEMA_VERSION, revision, active: DEFAULT_PROFILE.into(), profiles: vec![profile] }
            },
        )
    }

    proptest! {
        #[test]
        fn encode_then_decode_round_trips(doc in any_document()) {
            prop_assert_eq!(decode(&encode(&doc)).unwrap(), doc);
        }

        #[test]
        fn any_string_decodes_without_panic(raw in any::<String>()) {
            let _ = decode(&raw);
        }

        #[test]
        fn any_truncation_of_a_valid_document_is_an_error_or_the_same(doc in any_document(), cut in any::<prop::sample::Index>()) {
            let full = encode(&doc);
            let at = cut.index(full.len());
            if full.is_char_boundary(at) {
                if let Ok(d) = decode(&full[..at]) { prop_assert_eq!(d, doc); }
            }
        }
    }
}
