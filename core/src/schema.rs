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
use std::fmt;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One migration per past version: `MIGRATIONS[i]` turns version `i + 1` into `i + 2`.
/// Version 1 is the first, so there is nothing to migrate yet; a fixture of every version
/// lives in `tests/fixtures/` and must load forever.
const MIGRATIONS: &[Migration] = &[];

/// One step: the document of one version in, the next version's out.
type Migration = fn(Value) -> Result<Value, String>;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub schema: u32,
    /// Bumped on every save, so a tab can tell that another tab wrote after it.
    #[serde(default)]
    pub revision: u64,
    #[serde(default)]
    pub progress: Option<Progress>,
    #[serde(default)]
    pub results: Vec<StoredResult>,
}

impl Document {
    pub fn new() -> Document {
        Document {
            schema: SCHEMA_VERSION,
            ..Document::default()
        }
    }

    pub fn latest(&self) -> Option<&StoredResult> {
        self.results.iter().max_by_key(|r| r.finished_at)
    }
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
    let mut value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let found = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(DecodeError::NoVersion)?;
    if found > u64::from(SCHEMA_VERSION) {
        return Err(DecodeError::Newer {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == 0 {
        return Err(DecodeError::NoVersion);
    }
    let mut version = found as u32;
    while version < SCHEMA_VERSION {
        let step = MIGRATIONS
            .get(version as usize - 1)
            .ok_or_else(|| DecodeError::Migration {
                from: version,
                why: "no migration".into(),
            })?;
        value = step(value).map_err(|why| DecodeError::Migration { from: version, why })?;
        version += 1;
        value["schema"] = Value::from(version);
    }
    serde_json::from_value(value).map_err(|e| DecodeError::WrongShape(e.to_string()))
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

    #[test]
    fn version_1_fixture_loads_forever() {
        let doc = decode(V1_FIXTURE).unwrap();
        assert_eq!(doc.results.len(), 1);
        assert_eq!(doc.results[0].primary, Some(Cause::Discipline));
        assert_eq!(doc.progress.as_ref().unwrap().step, "effort-3");
    }

    #[test]
    fn every_failure_is_a_value() {
        assert!(matches!(decode(""), Err(DecodeError::NotJson(_))));
        assert!(matches!(
            decode("{\"schema\":1,\"results\":["),
            Err(DecodeError::NotJson(_))
        ));
        assert!(matches!(
            decode("{\"results\":[]}"),
            Err(DecodeError::NoVersion)
        ));
        assert!(matches!(
            decode("{\"schema\":0}"),
            Err(DecodeError::NoVersion)
        ));
        assert!(matches!(
            decode("{\"schema\":99}"),
            Err(DecodeError::Newer { found: 99, .. })
        ));
        assert!(matches!(
            decode("{\"schema\":1,\"results\":{}}"),
            Err(DecodeError::WrongShape(_))
        ));
        let bad_answer = r#"{"schema":1,"progress":{"started_at":0,"step":"x","responses":{"answers":{"a":9}}}}"#;
        assert!(matches!(
            decode(bad_answer),
            Err(DecodeError::WrongShape(_))
        ));
    }

    fn any_document() -> impl Strategy<Value = Document> {
        let answers = proptest::collection::btree_map("[a-z]{1,8}-[0-9]", 1u8..=5, 0..12);
        (
            answers,
            any::<u64>(),
            proptest::option::of("[a-z-]{1,12}"),
            0u64..4_000_000_000_000,
        )
            .prop_map(|(answers, revision, step, at)| {
                let responses = Responses {
                    answers: answers
                        .into_iter()
                        .map(|(k, v)| (k, Answer::new(v).unwrap()))
                        .collect(),
                    stories: vec!["leads".into()],
                    deals: vec!["close".into()],
                    ..Responses::default()
                };
                Document {
                    schema: SCHEMA_VERSION,
                    revision,
                    progress: step.map(|step| Progress {
                        started_at: at,
                        step,
                        responses: responses.clone(),
                    }),
                    results: vec![StoredResult {
                        id: format!("r{revision}"),
                        finished_at: at,
                        bank: "groove-default".into(),
                        responses,
                        scores: PerCause {
                            training: Some(10),
                            effort: None,
                            discipline: Some(100),
                            feedback: Some(55),
                        },
                        primary: Some(Cause::Training),
                        pattern: Pattern::Single,
                        flags: vec![Flag::TooFast],
                    }],
                }
            })
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
