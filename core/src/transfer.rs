//! "Your data": export everything as one versioned file, and import it back by merging,
//! validated in full before anything is written.

use crate::days::parse_iso_date;
use crate::schema::{self, DecodeError, Document, Profile};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt;

pub const EXPORT_KIND: &str = "groove-export";
/// Larger files are refused before they are parsed.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Everything Groove keeps, plus any unreadable values kept aside (key, raw text).
pub fn export(doc: &Document, exported_at: u64, kept_aside: &[(String, String)]) -> String {
    let document = schema::encode_value(doc);
    let unreadable: Vec<Value> = kept_aside.iter().map(|(k, v)| json!({ "key": k, "value": v })).collect();
    let file = json!({
        "kind": EXPORT_KIND,
        "schema": doc.schema,
        "exported_at": exported_at,
        "document": document,
        "unreadable": unreadable,
    });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A size for people: "12.0 KB", "1.5 MB" or "10.0 GB", to one decimal, rounded. Integer
/// arithmetic only: formatting a float would add float printing to the wasm for this.
pub fn size_text(bytes: u64) -> String {
    let (unit, name) = match bytes {
        1_000_000_000.. => (1 << 30, "GB"),
        1_000_000.. => (1 << 20, "MB"),
        _ => (1 << 10, "KB"),
    };
    let tenths = (bytes.saturating_mul(10) + unit / 2) / unit;
    format!("{}.{} {name}", tenths / 10, tenths % 10)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    NotJson(String),
    NotAnExport,
    Document(DecodeError),
    Invalid(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge(n) => write!(
                f,
                "the file is {}; a Groove export is far smaller (at most {} is read)",
                size_text(*n as u64),
                size_text(MAX_IMPORT_BYTES as u64)
            ),
            ImportError::NotJson(why) => write!(f, "the file is not JSON ({why})"),
            ImportError::NotAnExport => f.write_str("the file is JSON but not a Groove export"),
            ImportError::Document(DecodeError::Newer { found, supported }) => write!(
                f,
                "the file comes from a newer version of Groove (schema {found}; this one reads up to {supported}). Update Groove, then import it"
            ),
            ImportError::Document(e) => write!(f, "the file's data cannot be read: {e}"),
            ImportError::Invalid(why) => write!(f, "the file's data is not valid: {why}"),
        }
    }
}

/// What an import would add, shown before it is applied.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub profiles: usize,
    pub results: usize,
    pub reviews: usize,
    pub checks: usize,
    pub in_progress: usize,
    /// Raters' views, on new results or added to results already here.
    pub raters: usize,
    /// Entries already on this device, left as they are.
    pub already_here: usize,
}

impl ImportSummary {
    pub fn is_empty(&self) -> bool {
        self.profiles + self.results + self.reviews + self.checks + self.in_progress + self.raters == 0
    }
}

/// Validates an export file and merges it into `current`, returning the merged document and
/// what it adds. Nothing is written here: the caller shows the summary and applies it.
pub fn plan_import(current: &Document, file: &str) -> Result<(Document, ImportSummary), ImportError> {
    if file.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(file.len()));
    }
    let value: Value = serde_json::from_str(file).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("kind").and_then(Value::as_str) != Some(EXPORT_KIND) {
        return Err(ImportError::NotAnExport);
    }
    let inner = value.get("document").ok_or(ImportError::NotAnExport)?;
    let incoming = schema::decode(&inner.to_string()).map_err(ImportError::Document)?;
    validate(&incoming)?;
    Ok(merge(current, incoming))
}

/// Merges a validated document into `current` by id, never replacing what is there: the
/// merged document and what it adds. Used by import and by the widget's hand-off.
pub fn merge(current: &Document, incoming: Document) -> (Document, ImportSummary) {
    let mut merged = current.clone();
    let mut summary = ImportSummary::default();
    for profile in incoming.profiles {
        match merged.profiles.iter_mut().find(|p| p.id == profile.id) {
            None => {
                summary.profiles += 1;
                summary.results += profile.results.len();
                summary.raters += profile.results.iter().map(|r| r.raters.len()).sum::<usize>();
                summary.reviews += profile.reviews.len();
                summary.checks += profile.done.values().map(Vec::len).sum::<usize>();
                summary.in_progress += usize::from(profile.progress.is_some());
                merged.profiles.push(profile);
            }
            Some(mine) => merge_profile(mine, profile, &mut summary),
        }
    }
    (merged, summary)
}

fn merge_profile(mine: &mut Profile, theirs: Profile, summary: &mut ImportSummary) {
    for result in theirs.results {
        match mine.results.iter_mut().find(|r| r.id == result.id) {
            // The result is here: its answers stay as they are, but a rater's view kept on
            // the other device is added, so no outside view is lost in a merge.
            Some(here) => {
                summary.already_here += 1;
                for rater in result.raters {
                    if !here.raters.iter().any(|k| k.id == rater.id) {
                        summary.raters += 1;
                        here.raters.push(rater);
                    }
                }
            }
            None => {
                summary.results += 1;
                summary.raters += result.raters.len();
                mine.results.push(result);
            }
        }
    }
    for review in theirs.reviews {
        if mine.reviews.iter().any(|r| r.day == review.day) {
            summary.already_here += 1;
        } else {
            summary.reviews += 1;
            mine.reviews.push(review);
        }
    }
    mine.reviews.sort_by(|a, b| a.day.cmp(&b.day));
    for (result, actions) in theirs.done {
        let list = mine.done.entry(result).or_default();
        for a in actions {
            if !list.contains(&a) {
                summary.checks += 1;
                list.push(a);
            }
        }
    }
    if mine.progress.is_none() && theirs.progress.is_some() {
        summary.in_progress += 1;
        mine.progress = theirs.progress;
    } else if theirs.progress.is_some() {
        summary.already_here += 1;
    }
}

/// Rules the types cannot hold: unique ids, scores in range, real dates.
pub fn validate(doc: &Document) -> Result<(), ImportError> {
    let invalid = |s: String| Err(ImportError::Invalid(s));
    let mut profile_ids = BTreeSet::new();
    for p in &doc.profiles {
        if p.id.trim().is_empty() || !profile_ids.insert(p.id.as_str()) {
            return invalid(format!("the profile id \"{}\" is empty or repeated", p.id));
        }
        if p.name.chars().count() > 80 {
            return invalid("a profile name is longer than 80 characters".into());
        }
        let mut result_ids = BTreeSet::new();
        for r in &p.results {
            if r.id.trim().is_empty() || !result_ids.insert(r.id.as_str()) {
                return invalid(format!("the result id \"{}\" is empty or repeated", r.id));
            }
            if r.scores.iter().any(|(_, s)| s.is_some_and(|s| s > 100)) {
                return invalid(format!("result \"{}\" has a score above 100", r.id));
            }
        }
        let mut days = BTreeSet::new();
        for review in &p.reviews {
            if parse_iso_date(&review.day).is_none() || !days.insert(review.day.as_str()) {
                return invalid(format!("the review day \"{}\" is not a date or is repeated", review.day));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{decode, Review};

    fn sample() -> Document {
        decode(include_str!("../../tests/fixtures/schema-v2.json")).unwrap()
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size_text(0), "0.0 KB");
        assert_eq!(size_text(1024), "1.0 KB");
        assert_eq!(size_text(1_945_600), "1.9 MB");
        assert_eq!(size_text(1_048_575), "1.0 MB");
        assert_eq!(size_text(999_999), "976.6 KB");
        assert_eq!(size_text(MAX_IMPORT_BYTES as u64), "5.0 MB");
        assert_eq!(size_text(10_738_163_712), "10.0 GB");
        assert!(ImportError::TooLarge(6 * 1_048_576).to_string().starts_with("the file is 6.0 MB;"));
    }

    #[test]
    fn a_raters_view_kept_on_another_device_joins_the_result_already_here() {
        use crate::schema::Rater;
        let mine = sample();
        let mut theirs = mine.clone();
        let rater = |id: &str| Rater { id: id.into(), name: "Dana".into(), received_at: 1, view: Default::default() };
        let result = &mut theirs.profiles.iter_mut().find(|p| !p.results.is_empty()).unwrap().results[0];
        result.raters = vec![rater("a"), rater("b")];
        let (merged, summary) = merge(&mine, theirs.clone());
        assert_eq!(summary.raters, 2);
        assert!(!summary.is_empty());
        let kept = |doc: &Document| doc.profiles.iter().flat_map(|p| &p.results).map(|r| r.raters.len()).sum::<usize>();
        assert_eq!(kept(&merged), 2);
        // Merged again, nothing is added twice.
        let (again, summary) = merge(&merged, theirs);
        assert_eq!((summary.raters, kept(&again)), (0, 2));
        assert!(summary.is_empty());
    }

    #[test]
    fn export_then_import_into_an_empty_device_restores_everything() {
        let doc = sample();
        let file = export(&doc, 1, &[]);
        let (merged, summary) = plan_import(&Document::new(), &file).unwrap();
        assert_eq!(summary.profiles, 1, "sam is new; default exists on both");
        assert_eq!(summary.results, 1);
        assert_eq!(summary.reviews, 1);
        assert_eq!(summary.checks, 2);
        let sam = merged.profiles.iter().find(|p| p.id == "sam").unwrap();
        assert_eq!(sam, doc.profiles.iter().find(|p| p.id == "sam").unwrap());
    }

    #[test]
    fn importing_the_same_file_twice_adds_nothing() {
        let doc = sample();
        let file = export(&doc, 1, &[]);
        let (merged, summary) = plan_import(&doc, &file).unwrap();
        assert!(summary.is_empty(), "{summary:?}");
        assert_eq!(merged, doc);
    }

    #[test]
    fn merging_keeps_both_sides() {
        let mut mine = sample();
        let sam = mine.profiles.iter_mut().find(|p| p.id == "sam").unwrap();
        sam.results[0].id = "r-mine".into();
        sam.reviews[0].day = "2026-11-22".into();
        let (merged, summary) = plan_import(&mine, &export(&sample(), 1, &[])).unwrap();
        let sam = merged.profiles.iter().find(|p| p.id == "sam").unwrap();
        assert_eq!(sam.results.len(), 2);
        assert_eq!(sam.reviews.iter().map(|r| r.day.as_str()).collect::<Vec<_>>(), ["2026-11-22", "2026-11-23"]);
        assert_eq!((summary.results, summary.reviews), (1, 1));
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let doc = Document::new();
        let cases: Vec<(String, &str)> = vec![
            ("x".repeat(MAX_IMPORT_BYTES + 1), "MB"),
            ("<html>".into(), "not JSON"),
            ("{\"kind\":\"something-else\"}".into(), "not a Groove export"),
            (json!({"kind": EXPORT_KIND, "document": {"schema": 99}}).to_string(), "newer version"),
            (
                json!({"kind": EXPORT_KIND, "document": {"schema": 2, "active": 5, "profiles": []}}).to_string(),
                "cannot be read",
            ),
        ];
        for (file, needle) in cases {
            let err = plan_import(&doc, &file).unwrap_err().to_string();
            assert!(err.contains(needle), "{needle}: {err}");
        }
        let mut dup = sample();
        let copy = dup.profiles[1].results[0].clone();
        dup.profiles[1].results.push(copy);
        let err = plan_import(&doc, &export(&dup, 1, &[])).unwrap_err().to_string();
        assert!(err.contains("repeated"), "{err}");
        let mut bad_day = sample();
        let review = Review { day: "2026-02-30".into(), ..bad_day.profiles[1].reviews[0].clone() };
        bad_day.profiles[1].reviews.push(review);
        assert!(plan_import(&doc, &export(&bad_day, 1, &[])).is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_a_plan_or_an_error(text in proptest::prelude::any::<String>()) {
            let _ = plan_import(&Document::new(), &text);
        }

        #[test]
        fn any_json_value_in_the_document_slot_is_a_plan_or_an_error(n in 0u32..4, s in "[a-z<>\"]{0,12}") {
            let doc = json!({"schema": n, "active": s, "profiles": [{"id": s, "name": s, "reviews": [{"day": s, "saved_at": n}]}]});
            let _ = plan_import(&Document::new(), &json!({"kind": EXPORT_KIND, "document": doc}).to_string());
        }
    }

    #[test]
    fn kept_aside_values_travel_in_the_export() {
        let file = export(&Document::new(), 1, &[("groove:unreadable:5".into(), "{broken".into())]);
        let v: Value = serde_json::from_str(&file).unwrap();
        assert_eq!(v["unreadable"][0]["value"], "{broken");
    }
}
