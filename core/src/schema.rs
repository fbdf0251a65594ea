//! The stored document: one versioned JSON value holding progress and finished results.
//!
//! In memory a result's answers are a map from item id to answer. Stored (schema 4), the
//! document names each item id once in `items`, and each result keeps its answers as one
//! character per item in that order: the digit `1`–`5`, `x` where the person said the item
//! does not apply to them, `0` where it was not answered: a year of daily results
//! stays small. `Document` itself has no serde shape: `Stored` is how it is written and
//! read, and older versions are migrated as JSON values.
//!
//! Decoding is total: any string gives a `Document` or a `DecodeError`, never a panic.
//! Older versions are migrated on read, one step per version; a newer version is refused,
//! so the app can open read-only instead of overwriting what it does not understand.

use crate::answers::{Answer, Responses};
use crate::bank::Bank;
use crate::cause::{Cause, PerCause};
use crate::diagnosis::{scores_only, verdict, Band, Diagnosis, Flag, Pattern, MIN_ANSWERS_PER_CAUSE};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 5;

/// One migration per past version: `MIGRATIONS[i]` turns version `i + 1` into `i + 2`.
/// A fixture of every version lives in `tests/fixtures/` and must load forever.
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5];

/// One step: the document of one version in, the next version's out.
type Migration = fn(Value) -> Result<Value, DecodeError>;

/// The bank id of a result kept from a share link: its scores travel, its answers do not.
pub const SHARED_BANK: &str = "shared";

/// The id of the profile every device starts with; it has no name and never gets in the way.
pub const DEFAULT_PROFILE: &str = "default";

/// Version 1 held one person's progress and results at the top level; version 2 keeps
/// them per profile, with plan checks and daily reviews.
fn v1_to_v2(mut value: Value) -> Result<Value, DecodeError> {
    let why = "the document is not an object".into();
    let object = value.as_object_mut().ok_or(DecodeError::Migration { from: 1, why })?;
    let progress = object.remove("progress").unwrap_or(Value::Null);
    let results = object.remove("results").unwrap_or_else(|| Value::Array(Vec::new()));
    object.insert("active".into(), Value::from(DEFAULT_PROFILE));
    object.insert(
        "profiles".into(),
        serde_json::json!([{ "id": DEFAULT_PROFILE, "name": "", "progress": progress, "results": results }]),
    );
    Ok(value)
}

/// Version 2 kept each result's answers as a map from item id inside `responses`; version 3
/// keeps a result's responses at its top level, its answers as digits against the
/// document's `items` (see the module comment). Done on the JSON value, so the wasm carries
/// no reader for the old shape; whatever this does not recognise, the typed read refuses.
fn v2_to_v3(mut value: Value) -> Result<Value, DecodeError> {
    let mut items: Vec<Value> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let profiles = value.get_mut("profiles").and_then(Value::as_array_mut).into_iter().flatten();
    let results = profiles.filter_map(|p| p.get_mut("results").and_then(Value::as_array_mut)).flatten();
    for result in results {
        let Some(r) = result.as_object_mut() else { continue };
        let Some(Value::Object(mut responses)) = r.remove("responses") else { continue };
        let mut answers = Vec::new();
        if let Some(Value::Object(map)) = responses.remove("answers") {
            for (id, answer) in map {
                let digit = answer.as_u64().and_then(|d| u8::try_from(d).ok()).and_then(Answer::new);
                let digit =
                    digit.ok_or_else(|| DecodeError::WrongShape(format!("the answer to {id} is not 1 to 5")))?;
                let next = index.len();
                let i = *index.entry(id).or_insert_with_key(|id| {
                    items.push(Value::from(id.as_str()));
                    next
                });
                answers.push((i, b'0' + digit.value()));
            }
        }
        r.insert("answers".into(), Value::from(digits(answers)));
        for (key, v) in responses {
            if ["timings", "facts", "stories", "deals", "self_talk"].contains(&key.as_str()) && !v.is_null() {
                r.insert(key, v);
            }
        }
    }
    if !items.is_empty() {
        value["items"] = Value::Array(items);
    }
    Ok(value)
}

/// Version 4 adds what version 3 cannot say: `x` among a result's answers ("doesn't apply
/// to me", bank format 2), the pattern `unclear` and the flag `answer_style`. Every version
/// 3 result was taken with a format 1 bank, which this build no longer reads: its stored
/// scores stand, and its primary cause and pattern are judged again from them by today's
/// rule (as `diagnose_result` does), so history and the result screen agree.
fn v3_to_v4(mut value: Value) -> Result<Value, DecodeError> {
    let profiles = value.get_mut("profiles").and_then(Value::as_array_mut).into_iter().flatten();
    let results = profiles.filter_map(|p| p.get_mut("results").and_then(Value::as_array_mut)).flatten();
    for r in results {
        let Some(r) = r.as_object_mut() else { continue };
        // Read by hand, not with `from_value`, so the wasm carries no second deserialiser.
        let score = |c: Cause| r.get("scores")?.get(c.id()).map(|v| v.as_u64().and_then(|s| u8::try_from(s).ok()));
        let (Some(training), Some(effort), Some(discipline), Some(feedback)) =
            (score(Cause::Training), score(Cause::Effort), score(Cause::Discipline), score(Cause::Feedback))
        else {
            // A result without readable scores is left for the typed read to refuse.
            continue;
        };
        let scores = PerCause { training, effort, discipline, feedback };
        let flag = |f: &Value| match f.as_str()? {
            "straight_lining" => Some(Flag::StraightLining),
            "contradiction" => Some(Flag::Contradiction),
            "too_fast" => Some(Flag::TooFast),
            _ => None,
        };
        let flags: Vec<Flag> =
            r.get("flags").and_then(Value::as_array).map(|f| f.iter().filter_map(flag).collect()).unwrap_or_default();
        let none = PerCause::from_fn(|_| 0);
        let v = crate::diagnosis::verdict(&crate::diagnosis::scores_only(&scores, &none), &flags);
        r.insert("primary".into(), v.primary.map_or(Value::Null, |c| Value::from(c.id())));
        r.insert("pattern".into(), Value::from(v.pattern.id()));
    }
    Ok(value)
}

/// Version 5 adds what version 4 cannot hold: the views of the people who rated the seller,
/// kept with the result they answered (`raters`). A version 4 result has none, so the step
/// only renumbers; a version 4 Groove refuses a version 5 document as newer instead of
/// dropping its raters.
fn v4_to_v5(value: Value) -> Result<Value, DecodeError> {
    Ok(value)
}

/// The stored character of "doesn't apply to me" (and, in a rater's answers, of "I can't
/// judge this").
const NOT_APPLICABLE: u8 = b'x';

/// Answers as stored: one character at each item's position (`1`–`5`, or `x` for "doesn't
/// apply"), `0` in the gaps.
fn digits(answers: impl IntoIterator<Item = (usize, u8)>) -> String {
    let mut d: Vec<u8> = Vec::new();
    for (i, c) in answers {
        if d.len() <= i {
            d.resize(i + 1, b'0');
        }
        d[i] = c;
    }
    d.into_iter().map(char::from).collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub schema: u32,
    /// Bumped on every save, so a tab can tell that another tab wrote after it.
    pub revision: u64,
    /// The id of the profile in use.
    pub active: String,
    pub profiles: Vec<Profile>,
    /// When everything was last exported to a file (ms since the epoch), for the backup nudge.
    pub exported_at: Option<u64>,
}

impl Default for Document {
    fn default() -> Self {
        Document::new()
    }
}

/// After how long an export is old enough to suggest another.
pub const BACKUP_EVERY_MS: u64 = 30 * 86_400_000;

/// Why Groove suggests an export now, if it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// Two or more results and no export yet.
    Never,
    /// The last export is older than [`BACKUP_EVERY_MS`]; its age in whole days.
    Old { days: u64 },
}

impl Document {
    /// The quiet backup nudge: from the second result on, when there was no export, or the
    /// last one is more than 30 days old. None when nothing needs saying.
    pub fn backup_due(&self, now: u64) -> Option<Backup> {
        let results: usize = self.profiles.iter().map(|p| p.results.len()).sum();
        if results < 2 {
            return None;
        }
        match self.exported_at {
            None => Some(Backup::Never),
            Some(at) if now.saturating_sub(at) > BACKUP_EVERY_MS => Some(Backup::Old { days: (now - at) / 86_400_000 }),
            Some(_) => None,
        }
    }

    pub fn new() -> Document {
        Document {
            schema: SCHEMA_VERSION,
            revision: 0,
            active: DEFAULT_PROFILE.into(),
            profiles: vec![Profile::new(DEFAULT_PROFILE, "")],
            exported_at: None,
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub id: String,
    /// Empty for the default profile.
    pub name: String,
    pub progress: Option<Progress>,
    pub results: Vec<StoredResult>,
    /// Plan actions checked off, by result id.
    pub done: BTreeMap<String, Vec<String>>,
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Milliseconds since the epoch.
    pub started_at: u64,
    /// The id of the step the person is on, so a reload resumes at the same question.
    pub step: String,
    pub responses: Responses,
}

/// A finished assessment: what was answered and the summary computed then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredResult {
    pub id: String,
    pub finished_at: u64,
    /// The id of the bank it was taken with.
    pub bank: String,
    pub responses: Responses,
    pub scores: PerCause<Option<u8>>,
    pub primary: Option<Cause>,
    pub pattern: Pattern,
    pub flags: Vec<Flag>,
    /// The outside view: people who rated the seller, each from their reply link.
    pub raters: Vec<Rater>,
}

/// Someone who rated the seller, as their reply link said: kept with the result the
/// request came from, until the seller removes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rater {
    /// The reply's check: the same reply opened twice is kept once.
    pub id: String,
    /// As the seller typed it in the request, or empty.
    pub name: String,
    /// When the seller kept it (ms since the epoch).
    pub received_at: u64,
    pub view: crate::rater::View,
}

impl StoredResult {
    /// An assessment finished now: diagnosed from everything answered, then kept without
    /// what only the diagnosis needed. Timings decide the "too fast" flag, which is kept;
    /// the timings themselves are not (they were half the bytes of a result).
    pub fn finish(id: String, finished_at: u64, bank: &crate::bank::Bank, responses: Responses) -> StoredResult {
        let d = crate::diagnosis::diagnose(bank, &responses);
        StoredResult::diagnosed(id, finished_at, bank, responses, d)
    }

    /// [`StoredResult::finish`] with the diagnosis of `responses` already made (by a caller
    /// that needed it first), so it is not made twice.
    pub fn diagnosed(
        id: String,
        finished_at: u64,
        bank: &crate::bank::Bank,
        mut responses: Responses,
        d: Diagnosis,
    ) -> StoredResult {
        responses.deals.retain(|d| !d.is_empty());
        responses.timings.clear();
        StoredResult {
            id,
            finished_at,
            bank: bank.raw().id.clone(),
            scores: d.scores(),
            primary: d.primary(),
            pattern: d.pattern(),
            flags: d.flags,
            responses,
            raters: Vec::new(),
        }
    }

    /// The raters' views, for `outside::compare`.
    pub fn views(&self) -> Vec<&crate::rater::View> {
        self.raters.iter().map(|r| &r.view).collect()
    }

    /// Whether it was taken with `bank` (so its answers can be read against that bank's items).
    pub fn taken_with(&self, bank: &crate::bank::Bank) -> bool {
        self.bank == bank.raw().id
    }
}

/// The diagnosis of a finished result, as every screen shows it. The flags are the ones
/// judged when it was finished (timings are not kept after that). A result taken with
/// another bank (a coach's, or Groove's first) shares no item ids with `bank`: its stored
/// scores stand, the verdict is judged from them (with the fewest answers a score needs,
/// since the counts are not kept), and the per-answer drivers stay empty.
pub fn diagnose_result(bank: &Bank, result: &StoredResult) -> Diagnosis {
    let mut d = crate::diagnosis::diagnose(bank, &result.responses);
    d.flags = result.flags.clone();
    if result.taken_with(bank) {
        // The same evidence `diagnose` used, the stalled stage included, with the stored flags.
        let stalled = crate::stall::funnel(bank, &result.responses.deals).most_lost_at;
        d.verdict = verdict(&crate::diagnosis::evidence_of(&d.causes, stalled.as_deref()), &d.flags);
    } else {
        for cause in Cause::ALL {
            let r = d.causes.get_mut(cause);
            r.score = *result.scores.get(cause);
            r.band = r.score.map(Band::of);
            r.answered = if r.score.is_some() { MIN_ANSWERS_PER_CAUSE } else { 0 };
            r.pulled_down.clear();
            r.held_up.clear();
            r.missing.clear();
        }
        d.verdict = verdict(&scores_only(&result.scores, &d.answered()), &d.flags);
    }
    d
}

/// How many items of each cause a stored result answered: counted from its answers when
/// it was taken with `bank`, else the fewest a score needs (the counts were not kept).
pub fn answered_counts(bank: &Bank, result: &StoredResult) -> PerCause<usize> {
    if result.taken_with(bank) {
        PerCause::from_fn(|c| bank.items_of(c).filter(|i| result.responses.answers.contains_key(&i.id)).count())
    } else {
        PerCause::from_fn(|c| usize::from(result.scores.get(c).is_some()) * MIN_ANSWERS_PER_CAUSE)
    }
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
    // The current version is read straight into its types, in one pass; only when that
    // fails is the text read as a `Value`, to tell why or to migrate an older version.
    let shape = |e: serde_json::Error| DecodeError::WrongShape(e.to_string());
    let stored: Stored = match serde_json::from_str::<Stored>(raw) {
        Ok(stored) if stored.schema == SCHEMA_VERSION => stored,
        current => {
            let mut value: Value = serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
            let found = value.get("schema").and_then(Value::as_u64).ok_or(DecodeError::NoVersion)?;
            if found > u64::from(SCHEMA_VERSION) {
                return Err(DecodeError::Newer { found, supported: SCHEMA_VERSION });
            }
            if found == 0 {
                return Err(DecodeError::NoVersion);
            }
            if found == u64::from(SCHEMA_VERSION) {
                return Err(current.err().map_or_else(|| DecodeError::WrongShape("unreadable".into()), shape));
            }
            let mut version = found as u32;
            while version < SCHEMA_VERSION {
                let step = MIGRATIONS
                    .get(version as usize - 1)
                    .ok_or_else(|| DecodeError::Migration { from: version, why: "no migration".into() })?;
                value = step(value)?;
                version += 1;
                value["schema"] = Value::from(version);
            }
            serde_json::from_str(&value.to_string()).map_err(shape)?
        }
    };
    let mut doc = stored.into_document().map_err(DecodeError::WrongShape)?;
    doc.normalise();
    Ok(doc)
}

pub fn encode(doc: &Document) -> String {
    // Serialising plain data structs to a String cannot fail; keep a valid fallback anyway.
    serde_json::to_string(&Stored::of(doc)).unwrap_or_else(|_| format!("{{\"schema\":{SCHEMA_VERSION}}}"))
}

/// The document as stored, for embedding in another JSON value (an export file). Through
/// text, like the migrations: `to_value` would compile a second serialiser into the wasm.
pub fn encode_value(doc: &Document) -> Value {
    serde_json::from_str(&encode(doc)).unwrap_or(Value::Null)
}

/// Schema 3 as stored. Borrowed when writing (a save copies nothing), owned when reading.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored<'a> {
    schema: u32,
    #[serde(default)]
    revision: u64,
    active: Cow<'a, str>,
    /// Every item id any result answered, once; results' answers are digits in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    items: Vec<Cow<'a, str>>,
    profiles: Vec<StoredProfile<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported_at: Option<u64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredProfile<'a> {
    id: Cow<'a, str>,
    #[serde(default)]
    name: Cow<'a, str>,
    #[serde(default)]
    progress: Option<Cow<'a, Progress>>,
    #[serde(default)]
    results: Vec<CompactResult<'a>>,
    #[serde(default, skip_serializing_if = "no_entries")]
    done: Cow<'a, BTreeMap<String, Vec<String>>>,
    #[serde(default, skip_serializing_if = "no_items")]
    reviews: Cow<'a, [Review]>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompactResult<'a> {
    id: Cow<'a, str>,
    finished_at: u64,
    bank: Cow<'a, str>,
    /// One digit per entry of `items`: the answer 1 to 5, or 0; trailing zeros are left off.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    answers: String,
    #[serde(default, skip_serializing_if = "no_entries")]
    timings: Cow<'a, BTreeMap<String, u32>>,
    #[serde(default, skip_serializing_if = "no_entries")]
    facts: Cow<'a, BTreeMap<String, Vec<String>>>,
    #[serde(default, skip_serializing_if = "no_items")]
    stories: Cow<'a, [String]>,
    #[serde(default, skip_serializing_if = "no_items")]
    deals: Cow<'a, [String]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    self_talk: Option<Answer>,
    #[serde(default, skip_serializing_if = "crate::numbers::Numbers::is_empty")]
    numbers: Cow<'a, crate::numbers::Numbers>,
    scores: PerCause<Option<u8>>,
    primary: Option<Cause>,
    pattern: Pattern,
    #[serde(default, skip_serializing_if = "no_items")]
    flags: Cow<'a, [Flag]>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    raters: Vec<CompactRater<'a>>,
}

/// A rater as stored: their answers as digits against the document's `items`, like a
/// result's, with `x` for "I can't judge this".
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompactRater<'a> {
    id: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    name: Cow<'a, str>,
    at: u64,
    #[serde(default)]
    answers: String,
}

fn no_entries<K, V>(m: &BTreeMap<K, V>) -> bool {
    m.is_empty()
}

fn no_items<T>(v: &[T]) -> bool {
    v.is_empty()
}

impl<'a> Stored<'a> {
    fn of(doc: &'a Document) -> Stored<'a> {
        let mut items: Vec<Cow<'a, str>> = Vec::new();
        let mut index: BTreeMap<&'a str, usize> = BTreeMap::new();
        for r in doc.profiles.iter().flat_map(|p| &p.results) {
            let raters = r.raters.iter().flat_map(|v| v.view.answers.keys().chain(&v.view.cant_judge));
            for id in r.responses.answers.keys().chain(&r.responses.not_applicable).chain(raters) {
                index.entry(id.as_str()).or_insert_with(|| {
                    items.push(Cow::Borrowed(id.as_str()));
                    items.len() - 1
                });
            }
        }
        let digits_of = |answers: &'a BTreeMap<String, Answer>, not_applicable: &'a BTreeSet<String>| {
            let answered = answers.iter().map(|(id, a)| (id, b'0' + a.value()));
            let not_applicable = not_applicable.iter().map(|id| (id, NOT_APPLICABLE));
            digits(answered.chain(not_applicable).filter_map(|(id, c)| index.get(id.as_str()).map(|&i| (i, c))))
        };
        let profiles = doc
            .profiles
            .iter()
            .map(|p| StoredProfile {
                id: Cow::Borrowed(&p.id),
                name: Cow::Borrowed(&p.name),
                progress: p.progress.as_ref().map(Cow::Borrowed),
                results: p
                    .results
                    .iter()
                    .map(|r| CompactResult {
                        id: Cow::Borrowed(&r.id),
                        finished_at: r.finished_at,
                        bank: Cow::Borrowed(&r.bank),
                        answers: digits_of(&r.responses.answers, &r.responses.not_applicable),
                        timings: Cow::Borrowed(&r.responses.timings),
                        facts: Cow::Borrowed(&r.responses.facts),
                        stories: Cow::Borrowed(&r.responses.stories),
                        deals: Cow::Borrowed(&r.responses.deals),
                        self_talk: r.responses.self_talk,
                        numbers: Cow::Borrowed(&r.responses.numbers),
                        scores: r.scores.clone(),
                        primary: r.primary,
                        pattern: r.pattern,
                        flags: Cow::Borrowed(&r.flags),
                        raters: r
                            .raters
                            .iter()
                            .map(|v| CompactRater {
                                id: Cow::Borrowed(&v.id),
                                name: Cow::Borrowed(&v.name),
                                at: v.received_at,
                                answers: digits_of(&v.view.answers, &v.view.cant_judge),
                            })
                            .collect(),
                    })
                    .collect(),
                done: Cow::Borrowed(&p.done),
                reviews: Cow::Borrowed(&p.reviews),
            })
            .collect();
        Stored {
            schema: SCHEMA_VERSION,
            revision: doc.revision,
            active: Cow::Borrowed(&doc.active),
            items,
            profiles,
            exported_at: doc.exported_at,
        }
    }

    fn into_document(self) -> Result<Document, String> {
        let items = self.items;
        type Answers = (BTreeMap<String, Answer>, BTreeSet<String>);
        let answers_of = |digits: &str| -> Result<Answers, String> {
            let (mut answers, mut not_applicable) = (BTreeMap::new(), BTreeSet::new());
            for (i, b) in digits.bytes().enumerate().filter(|&(_, b)| b != b'0') {
                let id = items.get(i).ok_or("a result has more answers than the document has items")?;
                if b == NOT_APPLICABLE {
                    not_applicable.insert(id.to_string());
                    continue;
                }
                let answer = b
                    .checked_sub(b'0')
                    .and_then(Answer::new)
                    .ok_or("a result's answers must be digits from 0 to 5, or x")?;
                answers.insert(id.to_string(), answer);
            }
            Ok((answers, not_applicable))
        };
        let mut profiles = Vec::with_capacity(self.profiles.len());
        for p in self.profiles {
            let mut results = Vec::with_capacity(p.results.len());
            for r in p.results {
                let (answers, not_applicable) = answers_of(&r.answers)?;
                let mut raters = Vec::with_capacity(r.raters.len());
                for v in r.raters {
                    let (answers, cant_judge) = answers_of(&v.answers)?;
                    raters.push(Rater {
                        id: v.id.into_owned(),
                        name: v.name.into_owned(),
                        received_at: v.at,
                        view: crate::rater::View { answers, cant_judge },
                    });
                }
                results.push(StoredResult {
                    raters,
                    responses: Responses {
                        answers,
                        not_applicable,
                        timings: r.timings.into_owned(),
                        facts: r.facts.into_owned(),
                        stories: r.stories.into_owned(),
                        deals: r.deals.into_owned(),
                        self_talk: r.self_talk,
                        numbers: r.numbers.into_owned(),
                    },
                    id: r.id.into_owned(),
                    finished_at: r.finished_at,
                    bank: r.bank.into_owned(),
                    scores: r.scores,
                    primary: r.primary,
                    pattern: r.pattern,
                    flags: r.flags.into_owned(),
                });
            }
            profiles.push(Profile {
                id: p.id.into_owned(),
                name: p.name.into_owned(),
                progress: p.progress.map(Cow::into_owned),
                results,
                done: p.done.into_owned(),
                reviews: p.reviews.into_owned(),
            });
        }
        Ok(Document {
            schema: SCHEMA_VERSION,
            revision: self.revision,
            active: self.active.into_owned(),
            profiles,
            exported_at: self.exported_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use proptest::prelude::*;

    const V1_FIXTURE: &str = include_str!("../../tests/fixtures/schema-v1.json");

    const V2_FIXTURE: &str = include_str!("../../tests/fixtures/schema-v2.json");

    const V3_FIXTURE: &str = include_str!("../../tests/fixtures/schema-v3.json");
    const V4_FIXTURE: &str = include_str!("../../tests/fixtures/schema-v4.json");
    const V5_FIXTURE: &str = include_str!("../../tests/fixtures/schema-v5.json");

    #[test]
    fn version_5_fixture_loads_forever_with_its_rater() {
        let doc = decode(V5_FIXTURE).unwrap();
        let r = &doc.profile().results[0];
        assert_eq!(r.raters.len(), 1);
        let rater = &r.raters[0];
        assert_eq!(
            (rater.id.as_str(), rater.name.as_str(), rater.received_at),
            ("0badc0de", "Dana", 1_764_200_000_000)
        );
        assert_eq!(rater.view.answers.get("training-identify").map(|a| a.value()), Some(3));
        assert_eq!(rater.view.answers.get("discipline-plan").map(|a| a.value()), Some(2));
        assert!(rater.view.cant_judge.contains("training-connect"));
        assert!(!rater.view.answers.contains_key("effort-prospecting"), "0 is no answer");
        assert_eq!(r.responses.answers.get("discipline-plan").map(|a| a.value()), Some(5));
        assert_eq!(decode(&encode(&doc)).unwrap(), doc);
    }

    #[test]
    fn a_version_4_document_reads_as_version_5_with_no_raters() {
        let doc = decode(V4_FIXTURE).unwrap();
        assert_eq!(doc.schema, 5);
        assert!(doc.profile().results.iter().all(|r| r.raters.is_empty()));
        assert!(encode(&doc).starts_with("{\"schema\":5,"));
    }

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
    fn the_backup_nudge_comes_after_the_second_result_and_every_thirty_days() {
        let b = crate::bank::Bank::default_bank().unwrap();
        let mut doc = Document::new();
        let day = 86_400_000;
        let result = |at: u64| StoredResult::finish(format!("r{at}"), at, &b, Responses::default());
        doc.profile_mut().results.push(result(day));
        assert_eq!(doc.backup_due(2 * day), None, "one result: nothing to say yet");
        doc.profile_mut().results.push(result(2 * day));
        assert_eq!(doc.backup_due(2 * day), Some(Backup::Never));
        doc.exported_at = Some(3 * day);
        assert_eq!(doc.backup_due(33 * day), None, "exactly thirty days: still fresh");
        assert_eq!(doc.backup_due(40 * day), Some(Backup::Old { days: 37 }));
        // The export time is kept by a save.
        assert_eq!(decode(&encode(&doc)).unwrap().exported_at, Some(3 * day));
    }

    #[test]
    fn version_4_fixture_loads_forever() {
        let doc = decode(V4_FIXTURE).unwrap();
        let r = &doc.profile().results[0];
        assert_eq!(r.bank, "groove-2");
        assert_eq!(r.pattern, Pattern::Unclear);
        assert_eq!(r.responses.answers.get("training-connect").map(|a| a.value()), Some(4));
        assert!(r.responses.not_applicable.contains("effort-prospecting"));
        let progress = doc.profile().progress.as_ref().unwrap();
        assert!(progress.responses.not_applicable.contains("effort-prospecting"));
        // Written back, it reads the same.
        assert_eq!(decode(&encode(&doc)).unwrap(), doc);
    }

    #[test]
    fn version_3_fixture_loads_forever() {
        let doc = decode(V3_FIXTURE).unwrap();
        assert_eq!(doc, decode(V2_FIXTURE).unwrap());
        let answers = &doc.profile().results[0].responses.answers;
        assert_eq!(answers.get("discipline-3").map(|a| a.value()), Some(5));
        assert_eq!(answers.len(), 3);
    }

    #[test]
    fn a_version_3_document_decodes_as_schema_4() {
        assert_eq!(SCHEMA_VERSION, 5);
        assert!(V3_FIXTURE.starts_with("{\"schema\":3,"));
        let doc = decode(V3_FIXTURE).unwrap();
        assert_eq!(doc.schema, SCHEMA_VERSION);
        // It keeps its stored scores and the (first) bank it came from.
        let r = &doc.profile().results[0];
        assert_eq!(r.bank, "groove-default");
        assert_eq!(
            r.scores,
            PerCause { training: Some(80), effort: Some(70), discipline: Some(20), feedback: Some(60) }
        );
        assert!(r.responses.not_applicable.is_empty());
        // Written back, it is a schema 4 document that reads the same.
        let again = encode(&doc);
        assert!(again.starts_with("{\"schema\":5,"), "{again}");
        assert_eq!(decode(&again).unwrap(), doc);
    }

    #[test]
    fn a_result_with_a_not_applicable_answer_round_trips() {
        use crate::answers::Reply;
        let bank = crate::bank::Bank::default_bank().unwrap();
        let mut responses = Responses::default();
        for (at, item) in bank.items().iter().enumerate() {
            responses.reply(&item.id, Reply::Answer(Answer::new(1 + (at % 5) as u8).unwrap()));
        }
        responses.reply("effort-best-months", Reply::NotApplicable);
        responses.reply("effort-best-months-now", Reply::NotApplicable);
        let result = StoredResult::finish("r1".into(), 1, &bank, responses);
        assert_eq!(result.responses.not_applicable.len(), 2);
        let mut doc = Document::new();
        doc.profile_mut().results.push(result);
        let text = encode(&doc);
        let stored: Value = serde_json::from_str(&text).unwrap();
        let items: Vec<&str> = stored["items"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        let answers = stored["profiles"][0]["results"][0]["answers"].as_str().unwrap();
        assert_eq!(answers.matches('x').count(), 2, "{answers}");
        for (id, c) in items.iter().zip(answers.chars()) {
            assert_eq!(c == 'x', id.starts_with("effort-best-months"), "{id}: {c}");
        }
        let back = decode(&text).unwrap();
        assert_eq!(back, doc);
        let r = &back.profile().results[0].responses;
        assert_eq!(r.reply_to("effort-best-months"), Some(Reply::NotApplicable));
        assert!(!r.answers.contains_key("effort-best-months"));
    }

    #[test]
    fn stored_answers_are_digits_against_one_list_of_items() {
        let bank = crate::bank::Bank::default_bank().unwrap();
        let full = |at: u64, health: u8| {
            let responses = Responses {
                answers: bank
                    .items()
                    .iter()
                    .map(|i| (i.id.clone(), Answer::new(1 + (health + at as u8) % 5).unwrap()))
                    .collect(),
                facts: [("duration", "m3to6"), ("below_target", "lt10"), ("changed", "territory")]
                    .iter()
                    .map(|(f, o)| (f.to_string(), vec![o.to_string()]))
                    .collect(),
                stories: vec!["leads".into(), "price".into(), "boss".into()],
                deals: vec!["discover".into(); 10],
                self_talk: Answer::new(4),
                ..Responses::default()
            };
            StoredResult::finish(format!("r{at}"), at, &bank, responses)
        };
        let mut doc = Document::new();
        doc.profile_mut().results.push(full(1_795_000_000_000, 2));
        let one = encode(&doc).len();
        doc.profile_mut().results.push(full(1_795_086_400_000, 3));
        let two = encode(&doc);
        // The item ids are written once, however many results there are.
        let first = &bank.items()[0].id;
        assert_eq!(two.matches(&format!("\"{first}\"")).count(), 1);
        let per_result = two.len() - one;
        assert!(per_result <= 600, "{per_result} bytes per result: {two}");
        assert_eq!(decode(&two).unwrap(), doc);
    }

    #[test]
    fn a_finished_result_keeps_the_too_fast_flag_but_not_the_timings() {
        let bank = crate::bank::Bank::default_bank().unwrap();
        let responses = Responses {
            answers: bank.items().iter().map(|i| (i.id.clone(), Answer::new(3).unwrap())).collect(),
            timings: bank.items().iter().map(|i| (i.id.clone(), 200)).collect(),
            deals: vec!["close".into(), String::new()],
            ..Responses::default()
        };
        let r = StoredResult::finish("r1".into(), 1, &bank, responses);
        assert!(r.flags.contains(&Flag::TooFast), "{:?}", r.flags);
        assert!(r.responses.timings.is_empty());
        assert_eq!(r.responses.deals, vec!["close".to_string()]);
        assert_eq!(r.bank, bank.raw().id);
        assert!(r.scores.iter().all(|(_, s)| s.is_some()));
    }

    #[test]
    fn stored_answers_that_are_not_digits_or_items_are_refused() {
        let doc = |answers: &str| {
            format!(
                r#"{{"schema":3,"active":"default","items":["a-1","a-2"],"profiles":[{{"id":"default","results":[{{"id":"r1","finished_at":1,"bank":"b","answers":"{answers}","scores":{{"training":1,"effort":1,"discipline":1,"feedback":1}},"primary":null,"pattern":"none"}}]}}]}}"#
            )
        };
        assert_eq!(decode(&doc("05")).unwrap().profile().results[0].responses.answers.len(), 1);
        // `x` is "doesn't apply" (schema 4 reads a version 3 document as it stands).
        let na = decode(&doc("x5")).unwrap();
        let responses = &na.profile().results[0].responses;
        assert_eq!(responses.reply_to("a-1"), Some(crate::answers::Reply::NotApplicable));
        assert_eq!(responses.answers.get("a-2").map(|a| a.value()), Some(5));
        assert!(matches!(decode(&doc("7")), Err(DecodeError::WrongShape(_))));
        assert!(matches!(decode(&doc("X")), Err(DecodeError::WrongShape(_))));
        assert!(matches!(decode(&doc("y")), Err(DecodeError::WrongShape(_))));
        assert!(matches!(decode(&doc("00x")), Err(DecodeError::WrongShape(_))));
        assert!(matches!(decode(&doc("001")), Err(DecodeError::WrongShape(_))));
        assert!(matches!(decode(&doc("\u{e9}1")), Err(DecodeError::WrongShape(_))));
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
        // 1..=5 an answer, 6 "doesn't apply".
        let answers = proptest::collection::btree_map("[a-z]{1,8}-[0-9]", 1u8..=6, 0..12);
        let earlier = proptest::collection::btree_map("[a-z]{1,8}-[0-9]", 1u8..=6, 0..12);
        let replies = |map: BTreeMap<String, u8>| {
            let mut r = Responses::default();
            for (k, v) in map {
                match Answer::new(v) {
                    Some(a) => r.reply(&k, crate::answers::Reply::Answer(a)),
                    None => r.reply(&k, crate::answers::Reply::NotApplicable),
                }
            }
            r
        };
        (answers, earlier, any::<u64>(), proptest::option::of("[a-z-]{1,12}"), 0u64..4_000_000_000_000).prop_map(
            move |(answers, earlier, revision, step, at)| {
                let responses =
                    Responses { stories: vec!["leads".into()], deals: vec!["close".into()], ..replies(answers) };
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
                    raters: Vec::new(),
                }];
                let mut view = crate::rater::View::default();
                for (n, id) in profile.results[0].responses.answers.keys().enumerate() {
                    match Answer::new((n % 6) as u8) {
                        Some(a) => view.answers.insert(id.clone(), a).map(|_| ()),
                        None => view.cant_judge.insert(format!("{id}-seen")).then_some(()),
                    };
                }
                profile.results[0].raters.push(Rater {
                    id: "0badc0de".into(),
                    name: "Ann".into(),
                    received_at: at,
                    view,
                });
                let mut before = profile.results[0].clone();
                before.id = "earlier".into();
                before.raters.clear();
                let earlier = replies(earlier);
                before.responses.answers = earlier.answers;
                before.responses.not_applicable = earlier.not_applicable;
                before.responses.timings = before.responses.answers.keys().map(|k| (k.clone(), 4200)).collect();
                profile.results.insert(0, before);
                Document {
                    schema: SCHEMA_VERSION,
                    revision,
                    active: DEFAULT_PROFILE.into(),
                    profiles: vec![profile],
                    exported_at: None,
                }
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
        fn any_stored_answers_or_items_decode_without_panic(
            answers in "\\PC{0,40}",
            items in proptest::collection::vec("\\PC{0,6}", 0..6),
            old in proptest::collection::btree_map("\\PC{0,6}", any::<i64>(), 0..6),
        ) {
            let result = serde_json::json!({ "id": "r1", "finished_at": 1, "bank": "b", "answers": answers,
                "scores": { "training": 1, "effort": null, "discipline": 100, "feedback": 0 }, "primary": null, "pattern": "none" });
            let v3 = serde_json::json!({ "schema": 3, "active": "default", "items": items, "profiles": [{ "id": "default", "results": [result] }] });
            if let Ok(doc) = decode(&v3.to_string()) {
                prop_assert_eq!(decode(&encode(&doc)).unwrap(), doc);
            }
            let mut v2 = serde_json::json!({ "schema": 2, "active": "default", "profiles": [{ "id": "default", "results": [{ "id": "r1", "finished_at": 1, "bank": "b",
                "scores": { "training": 1, "effort": null, "discipline": 100, "feedback": 0 }, "primary": null, "pattern": "none" }] }] });
            v2["profiles"][0]["results"][0]["responses"] = serde_json::json!({ "answers": old });
            let migrated = decode(&v2.to_string());
            prop_assert_eq!(migrated.is_ok(), old.values().all(|&a| (1..=5).contains(&a)));
            if let Ok(doc) = migrated {
                prop_assert_eq!(doc.profile().results[0].responses.answers.len(), old.len());
            }
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
