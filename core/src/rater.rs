//! Asking someone who sees your work: the request link a seller sends to a manager, coach
//! or peer, and the reply link the rater sends back. Both travel in a URL fragment, which
//! browsers never send to a server; neither carries any answer of the seller's.
//!
//! Request, `q1.<request>.<bank>.<items>.<bank address>.<about>.<to>.<check>`:
//! - `request`: the request's id, eight hex digits (see [`request_id`]), naming the result
//!   it belongs to without saying anything about it;
//! - `bank`: the bank's id; `items`: the fingerprint of its scored items (see
//!   [`items_print`]), so answers given by position are never read against other items;
//!   `bank address`: where a coach's bank lives, or empty;
//! - `about`: the seller's first name as they typed it, or empty; `to`: the rater's name as
//!   the seller typed it, or empty (the reply says whose view it is);
//! - text fields are base64url (UTF-8, no padding), so any name or address fits.
//!
//! Reply, `a1.<request>.<bank>.<items>.<to>.<answers>.<check>`: the request's id, bank,
//! fingerprint and rater name echoed, then one character per scored item in the bank's
//! order: `1`–`5` on the item's own scale, `x` for "I can't judge this". A reply must judge
//! at least one item.
//!
//! The check is FNV-1a of everything before the last dot, eight hex digits: any single
//! changed character is caught (each FNV-1a step is a bijection of the running hash), so
//! a damaged or edited link is refused, never half-read. Decoding is total.

use crate::answers::Answer;
use crate::bank::Bank;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The longest request or reply accepted: the longest bank address and two names kept,
/// each of four-byte characters, fit (600 × 4 × 4/3 + 2 × 40 × 4 × 4/3 is about 3,600).
pub const MAX_LINK_CHARS: usize = 4_000;
/// The longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// The longest bank address kept, in characters.
pub const MAX_ADDRESS_CHARS: usize = 600;

/// What a seller sends: enough for a rater to answer, nothing of the seller's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub id: String,
    pub bank: String,
    /// The fingerprint of the bank's scored items ([`items_print`]).
    pub items: String,
    /// Where a coach's bank lives, or empty for the bank built into Groove.
    pub bank_address: String,
    /// The seller's first name, as typed, or empty.
    pub about: String,
    /// The rater's name, as typed, or empty.
    pub to: String,
}

/// What a rater sends back: their view of each scored item, in the bank's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub request: String,
    pub bank: String,
    /// The fingerprint of the bank's scored items ([`items_print`]).
    pub items: String,
    /// The rater's name from the request, or empty.
    pub name: String,
    /// One entry per scored item of the bank, in order; None is "I can't judge this".
    pub answers: Vec<Option<Answer>>,
}

/// A rater's view, read against the bank: the answers by item id and the items they could
/// not judge. This is what a result keeps (see `schema::Rater`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub answers: BTreeMap<String, Answer>,
    pub cant_judge: BTreeSet<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong,
    UnknownVersion,
    Malformed(&'static str),
    Tampered,
    /// The reply answers another question bank than the one in use.
    OtherBank {
        link: String,
        here: String,
    },
    /// The same bank by id, but its scored items have changed since the link was made.
    ChangedBank(String),
    /// A reply that judges no item: there is nothing to compare.
    NothingJudged,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong => f.write_str("the link is far longer than any Groove request or reply"),
            LinkError::UnknownVersion => f.write_str("the link was made by a different version of Groove"),
            LinkError::Malformed(what) => write!(f, "the link is incomplete or damaged ({what})"),
            LinkError::Tampered => f.write_str("the link was changed after it was made"),
            LinkError::OtherBank { link, here } => {
                write!(f, "the link answers the question set \"{link}\", and this Groove uses \"{here}\"")
            }
            LinkError::ChangedBank(id) => write!(
                f,
                "the link was made with an earlier version of the question set \"{id}\", whose questions have changed since"
            ),
            LinkError::NothingJudged => f.write_str("the reply judges no statement, so there is nothing to compare"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The id of the request for a result: FNV-1a of its id, eight hex digits. Every request
/// made from one result carries the same id, so any reply finds its way back to it.
pub fn request_id(result_id: &str) -> String {
    format!("{:08x}", crate::share::fnv1a(result_id))
}

/// The fingerprint of a bank's scored items: FNV-1a of each item's id, key and scale in
/// order, eight hex digits. Two banks with the same id but other items (a coach's bank
/// edited, an old copy kept offline) give other fingerprints.
pub fn items_print(bank: &Bank) -> String {
    let items: Vec<String> = bank.items().iter().map(|i| format!("{}:{}:{:?}", i.id, i.reverse, i.scale)).collect();
    format!("{:08x}", crate::share::fnv1a(&items.join(",")))
}

/// Whether `bank` is the one a link with `id` and fingerprint `items` was made with.
fn same_bank(id: &str, items: &str, bank: &Bank) -> Result<(), LinkError> {
    if id != bank.raw().id {
        Err(LinkError::OtherBank { link: id.to_string(), here: bank.raw().id.clone() })
    } else if items != items_print(bank) {
        Err(LinkError::ChangedBank(id.to_string()))
    } else {
        Ok(())
    }
}

fn check(body: &str) -> String {
    format!("{:08x}", crate::share::fnv1a(body))
}

fn text_field(text: &str) -> String {
    crate::handoff::base64url(text.as_bytes())
}

fn read_text(field: &str, limit: usize, what: &'static str) -> Result<String, LinkError> {
    let bytes = crate::handoff::from_base64url(field).ok_or(LinkError::Malformed(what))?;
    let text = String::from_utf8(bytes).map_err(|_| LinkError::Malformed(what))?;
    if text.chars().count() > limit || text.chars().any(char::is_control) {
        return Err(LinkError::Malformed(what));
    }
    Ok(text)
}

/// A name as a link carries it: trimmed, without control characters, at most
/// [`MAX_NAME_CHARS`] characters.
pub fn clean_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).collect::<String>().trim().chars().take(MAX_NAME_CHARS).collect()
}

fn signed(body: String) -> String {
    let sum = check(&body);
    format!("{body}.{sum}")
}

/// Splits a link into its version's parts after checking the check. `parts` counts the
/// fields between the version and the check.
fn open<'a>(text: &'a str, version: &str, parts: usize) -> Result<Vec<&'a str>, LinkError> {
    if text.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong);
    }
    let text = text.trim();
    let fields: Vec<&str> = text.split('.').collect();
    if fields.first() != Some(&version) {
        return Err(LinkError::UnknownVersion);
    }
    if fields.len() != parts + 2 {
        return Err(LinkError::Malformed("wrong number of parts"));
    }
    let (body, sum) = text.rsplit_once('.').ok_or(LinkError::Malformed("no check"))?;
    if check(body) != sum {
        return Err(LinkError::Tampered);
    }
    Ok(fields[1..=parts].to_vec())
}

/// Eight lowercase hex digits: a request id or a fingerprint.
fn read_hex(field: &str, what: &'static str) -> Result<String, LinkError> {
    if field.len() == 8 && field.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
        Ok(field.to_string())
    } else {
        Err(LinkError::Malformed(what))
    }
}

/// A bank id as a link carries it: never empty.
fn read_bank(field: &str) -> Result<String, LinkError> {
    let bank = read_text(field, MAX_LINK_CHARS, "the question set")?;
    if bank.is_empty() {
        return Err(LinkError::Malformed("the question set"));
    }
    Ok(bank)
}

impl Request {
    /// A request for the result `result_id`, taken with `bank` (from `bank_address`, or
    /// empty for Groove's own), with the names as typed (cleaned, possibly empty).
    pub fn new(result_id: &str, bank: &Bank, bank_address: &str, about: &str, to: &str) -> Request {
        Request {
            id: request_id(result_id),
            bank: bank.raw().id.clone(),
            items: items_print(bank),
            bank_address: bank_address.chars().filter(|c| !c.is_control()).take(MAX_ADDRESS_CHARS).collect(),
            about: clean_name(about),
            to: clean_name(to),
        }
    }

    pub fn encode(&self) -> String {
        signed(format!(
            "q1.{}.{}.{}.{}.{}.{}",
            self.id,
            text_field(&self.bank),
            self.items,
            text_field(&self.bank_address),
            text_field(&self.about),
            text_field(&self.to)
        ))
    }

    pub fn decode(text: &str) -> Result<Request, LinkError> {
        let f = open(text, "q1", 6)?;
        Ok(Request {
            id: read_hex(f[0], "the request id")?,
            bank: read_bank(f[1])?,
            items: read_hex(f[2], "the question set's fingerprint")?,
            bank_address: read_text(f[3], MAX_ADDRESS_CHARS, "the question set's address")?,
            about: read_text(f[4], MAX_NAME_CHARS, "a name")?,
            to: read_text(f[5], MAX_NAME_CHARS, "a name")?,
        })
    }

    /// Whether `bank` is the one this request was made with (its id and its items), so a
    /// rater is refused before answering, never after.
    pub fn answered_with(&self, bank: &Bank) -> Result<(), LinkError> {
        same_bank(&self.bank, &self.items, bank)
    }

    /// Where to load the coach's bank this request was made with, when `bank` is not it:
    /// a request whose address was lost (copied without `?bank=`) still opens.
    pub fn bank_elsewhere(&self, bank: &Bank) -> Option<&str> {
        (self.answered_with(bank).is_err() && !self.bank_address.is_empty()).then_some(self.bank_address.as_str())
    }
}

impl Reply {
    /// A rater's reply to `request`: `view` read in the order of `bank`'s items.
    pub fn new(request: &Request, bank: &Bank, view: &View) -> Reply {
        Reply {
            request: request.id.clone(),
            bank: request.bank.clone(),
            items: request.items.clone(),
            name: request.to.clone(),
            answers: bank.items().iter().map(|i| view.answers.get(&i.id).copied()).collect(),
        }
    }

    pub fn encode(&self) -> String {
        let answers: String = self.answers.iter().map(|a| a.map_or('x', |a| char::from(b'0' + a.value()))).collect();
        let (bank, name) = (text_field(&self.bank), text_field(&self.name));
        signed(format!("a1.{}.{bank}.{}.{name}.{answers}", self.request, self.items))
    }

    pub fn decode(text: &str) -> Result<Reply, LinkError> {
        let f = open(text, "a1", 5)?;
        let answers = f[4]
            .bytes()
            .map(|b| match b {
                b'x' => Ok(None),
                b => b.checked_sub(b'0').and_then(Answer::new).map(Some).ok_or(LinkError::Malformed("an answer")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if answers.is_empty() {
            return Err(LinkError::Malformed("the answers"));
        }
        Ok(Reply {
            request: read_hex(f[0], "the request id")?,
            bank: read_bank(f[1])?,
            items: read_hex(f[2], "the question set's fingerprint")?,
            name: read_text(f[3], MAX_NAME_CHARS, "a name")?,
            answers,
        })
    }

    /// The rater's view read against `bank`: refused when the reply answers another bank,
    /// other items, another number of items, or judges none.
    pub fn view(&self, bank: &Bank) -> Result<View, LinkError> {
        same_bank(&self.bank, &self.items, bank)?;
        if self.answers.len() != bank.items().len() {
            return Err(LinkError::Malformed("the number of answers"));
        }
        if self.answers.iter().all(Option::is_none) {
            return Err(LinkError::NothingJudged);
        }
        let mut view = View::default();
        for (item, answer) in bank.items().iter().zip(&self.answers) {
            match answer {
                Some(a) => {
                    view.answers.insert(item.id.clone(), *a);
                }
                None => {
                    view.cant_judge.insert(item.id.clone());
                }
            }
        }
        Ok(view)
    }

    /// The reply's own id: its check, so the same reply opened twice is kept once.
    pub fn id(&self) -> String {
        self.encode().rsplit_once('.').map(|(_, sum)| sum.to_string()).unwrap_or_default()
    }
}

/// A rater going through a request, held in memory only: nothing of it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rating {
    pub request: Request,
    pub view: View,
    /// None on the opening page; `Some(i)` on the `i`-th scored item; `Some(len)` at the end.
    pub step: Option<usize>,
}

impl Rating {
    pub fn new(request: Request) -> Rating {
        Rating { request, view: View::default(), step: None }
    }

    /// Records the rater's answer to an item; None is "I can't judge this".
    pub fn answer(&mut self, item: &str, answer: Option<Answer>) {
        self.view.answers.remove(item);
        self.view.cant_judge.remove(item);
        match answer {
            Some(a) => {
                self.view.answers.insert(item.to_string(), a);
            }
            None => {
                self.view.cant_judge.insert(item.to_string());
            }
        }
    }

    /// Moves `by` steps (the opening page is before the first item), staying in range.
    pub fn go(&mut self, by: isize, items: usize) {
        let at = self.step.map_or(0, |i| i as isize + 1) + by;
        self.step = match at.clamp(0, items as isize + 1) {
            0 => None,
            n => Some(n as usize - 1),
        };
    }

    /// How many items have an answer or "I can't judge this".
    pub fn replied(&self) -> usize {
        self.view.answers.len() + self.view.cant_judge.len()
    }

    /// The reply link's text, once the rater judged at least one item.
    pub fn reply(&self, bank: &Bank) -> Option<String> {
        (!self.view.answers.is_empty()).then(|| Reply::new(&self.request, bank, &self.view).encode())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bank() -> Bank {
        Bank::default_bank().unwrap()
    }

    fn request() -> Request {
        Request::new("r-1764000000000", &bank(), "", " Sam ", "Dana Ó'Brien")
    }

    fn view(b: &Bank) -> View {
        let mut v = View::default();
        for (n, item) in b.items().iter().enumerate() {
            if n % 7 == 3 {
                v.cant_judge.insert(item.id.clone());
            } else {
                v.answers.insert(item.id.clone(), Answer::new((n % 5) as u8 + 1).unwrap());
            }
        }
        v
    }

    #[test]
    fn a_request_carries_the_bank_the_id_and_the_names_and_nothing_else() {
        let r = request();
        assert_eq!(r.about, "Sam");
        let link = r.encode();
        assert!(link.starts_with(&format!("q1.{}.", request_id("r-1764000000000"))), "{link}");
        assert!(link.len() < 130, "{} chars: {link}", link.len());
        assert_eq!(Request::decode(&link), Ok(r.clone()));
        // Exactly these fields, in this order, and nothing else: no answer of the seller's.
        let fields: Vec<&str> = link.split('.').collect();
        let text = |f: &str| String::from_utf8(crate::handoff::from_base64url(f).unwrap()).unwrap();
        assert_eq!(fields.len(), 8, "{link}");
        assert_eq!(fields[1], request_id("r-1764000000000"));
        assert_eq!((text(fields[2]), fields[3]), ("groove-2".to_string(), items_print(&bank()).as_str()));
        assert_eq!(
            (text(fields[4]), text(fields[5]), text(fields[6])),
            (String::new(), "Sam".into(), "Dana Ó'Brien".into())
        );
        assert!(!link.contains("Sam"), "names are not plain text");
        assert_eq!(r.answered_with(&bank()), Ok(()));
    }

    #[test]
    fn a_bank_whose_items_changed_refuses_requests_and_replies_made_with_the_old_one() {
        let b = bank();
        let r = request();
        let reply = Reply::decode(&Reply::new(&r, &b, &view(&b)).encode()).unwrap();
        // The same bank id, two items swapped: answers given by position would land on the wrong items.
        let mut raw: serde_json::Value = serde_json::from_str(crate::bank::DEFAULT_BANK_JSON).unwrap();
        raw["items"].as_array_mut().unwrap().swap(0, 1);
        let swapped = Bank::parse(&raw.to_string()).unwrap();
        assert_eq!(swapped.raw().id, b.raw().id);
        let changed = Err(LinkError::ChangedBank(b.raw().id.clone()));
        assert_eq!(r.answered_with(&swapped), changed);
        assert_eq!(reply.view(&swapped).map(|_| ()), changed);
        assert!(LinkError::ChangedBank("x".into()).to_string().contains("changed since"));
    }

    #[test]
    fn a_request_made_with_a_coachs_bank_says_where_that_bank_lives() {
        let b = bank();
        let mut raw: serde_json::Value = serde_json::from_str(crate::bank::DEFAULT_BANK_JSON).unwrap();
        raw["id"] = "coach".into();
        let coach = Bank::parse(&raw.to_string()).unwrap();
        let r = Request::decode(&Request::new("r1", &coach, "banks/coach.json", "", "").encode()).unwrap();
        assert_eq!(r.bank_elsewhere(&b), Some("banks/coach.json"));
        assert_eq!(r.bank_elsewhere(&coach), None, "already there");
        assert_eq!(request().bank_elsewhere(&coach), None, "Groove's own bank has no address");
    }

    #[test]
    fn a_reply_that_judges_nothing_is_refused() {
        let b = bank();
        let reply = Reply::new(&request(), &b, &View::default());
        assert!(reply.answers.iter().all(Option::is_none));
        assert_eq!(Reply::decode(&reply.encode()).unwrap().view(&b), Err(LinkError::NothingJudged));
        assert!(LinkError::NothingJudged.to_string().contains("nothing to compare"));
    }

    #[test]
    fn a_reply_round_trips_and_reads_back_as_the_same_view() {
        let b = bank();
        let reply = Reply::new(&request(), &b, &view(&b));
        assert_eq!(reply.name, "Dana Ó'Brien");
        let link = reply.encode();
        assert!(link.len() < 130, "{} chars: {link}", link.len());
        let back = Reply::decode(&link).unwrap();
        assert_eq!(back, reply);
        assert_eq!(back.view(&b), Ok(view(&b)));
        assert_eq!(back.id(), reply.id());
        assert_eq!(back.request, request_id("r-1764000000000"));
    }

    #[test]
    fn foreign_newer_short_and_other_bank_links_are_refused_with_a_reason() {
        let b = bank();
        let link = Reply::new(&request(), &b, &view(&b)).encode();
        assert_eq!(Reply::decode("a2.x.y.z.w.c"), Err(LinkError::UnknownVersion));
        assert_eq!(Reply::decode(&link.replacen("a1.", "q1.", 1)), Err(LinkError::UnknownVersion));
        assert_eq!(Request::decode(&link), Err(LinkError::UnknownVersion));
        assert_eq!(Reply::decode("a1.abc"), Err(LinkError::Malformed("wrong number of parts")));
        assert_eq!(Reply::decode(&"a1.".repeat(2_000)), Err(LinkError::TooLong));
        // A reply that answers fewer items than the bank has.
        let mut short = Reply::new(&request(), &b, &view(&b));
        short.answers.pop();
        assert_eq!(
            Reply::decode(&short.encode()).unwrap().view(&b),
            Err(LinkError::Malformed("the number of answers"))
        );
        // A reply to another question set.
        let mut other = short.clone();
        other.bank = "coach".into();
        let err = Reply::decode(&other.encode()).unwrap().view(&b).unwrap_err();
        assert!(err.to_string().contains("\"coach\""), "{err}");
        // Every message is a sentence a person can read.
        for e in [LinkError::TooLong, LinkError::UnknownVersion, LinkError::Tampered, LinkError::Malformed("x")] {
            assert!(e.to_string().starts_with("the link"));
        }
    }

    #[test]
    fn every_single_character_edit_is_refused() {
        let b = bank();
        let links = [request().encode(), Reply::new(&request(), &b, &view(&b)).encode()];
        for link in links {
            for (i, _) in link.char_indices() {
                for c in ['0', '5', 'x', 'a', 'A', '-', '_', '.', 'é'] {
                    let mut edited = link.clone();
                    edited.replace_range(i..i + 1, &c.to_string());
                    if edited != link {
                        assert!(
                            Request::decode(&edited).is_err() && Reply::decode(&edited).is_err(),
                            "{edited} was read"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_rating_walks_the_items_and_replies_only_with_a_judgement() {
        let b = bank();
        let mut r = Rating::new(request());
        assert_eq!(r.step, None);
        r.go(-1, 34);
        assert_eq!(r.step, None);
        r.go(1, 34);
        assert_eq!(r.step, Some(0));
        r.answer("training-close", None);
        assert_eq!(r.reply(&b), None, "nothing judged, nothing to send");
        r.answer("training-close", Answer::new(2));
        r.answer("training-close", Answer::new(4));
        assert_eq!(r.replied(), 1);
        let link = r.reply(&b).unwrap();
        let view = Reply::decode(&link).unwrap().view(&b).unwrap();
        assert_eq!(view.answers.get("training-close"), Answer::new(4).as_ref());
        assert_eq!(view.cant_judge.len(), 33, "what was not answered is sent as not judged");
        r.go(100, 34);
        assert_eq!(r.step, Some(34));
    }

    #[test]
    fn names_are_cleaned_and_capped() {
        assert_eq!(clean_name("  Ana\u{7}\n "), "Ana");
        assert_eq!(clean_name(&"é".repeat(100)).chars().count(), MAX_NAME_CHARS);
        let r = Request::new("r", &bank(), "", &"n".repeat(100), "");
        assert_eq!(Request::decode(&r.encode()).unwrap().about.len(), MAX_NAME_CHARS);
    }

    proptest! {
        #[test]
        fn any_string_is_a_link_or_a_reason(text in any::<String>()) {
            let _ = Request::decode(&text);
            let _ = Reply::decode(&text);
            let _ = Reply::decode(&format!("a1.{text}"));
            let _ = Request::decode(&format!("q1.{text}"));
        }

        #[test]
        fn any_request_round_trips(result in ".{0,20}", address in ".{0,700}", about in ".{0,60}", to in ".{0,60}") {
            // Up to and past every limit, in any characters (four-byte ones included): the
            // link made always opens.
            let r = Request::new(&result, &bank(), &address, &about, &to);
            prop_assert_eq!(Request::decode(&r.encode()), Ok(r));
        }

        #[test]
        fn any_reply_round_trips(answers in proptest::collection::vec(proptest::option::of(1u8..=5), 34), to in ".{0,50}") {
            prop_assume!(answers.iter().any(Option::is_some), "a reply judges something");
            let b = bank();
            let request = Request::new("r", &b, "", "", &to);
            let mut view = View::default();
            for (item, a) in b.items().iter().zip(&answers) {
                match a {
                    Some(a) => { view.answers.insert(item.id.clone(), Answer::new(*a).unwrap()); }
                    None => { view.cant_judge.insert(item.id.clone()); }
                }
            }
            let reply = Reply::new(&request, &b, &view);
            let back = Reply::decode(&reply.encode()).unwrap();
            prop_assert_eq!(back.view(&b), Ok(view));
        }
    }
}
