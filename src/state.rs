//! App state, the actions that change it, and the reducer (`impl Reducible`).
//!
//! The reducer does no I/O: every change to the document is a function of the core
//! (`groove_core::changes`, tested natively) that it calls; the loaded document is handed
//! in by `app.rs`. Every change bumps `changes`, which the app's save effect watches.
//! Whether anything is written at all is decided once, at load, by `Persistence`.

use crate::storage::Loaded;
use groove_core::answers::{Answer, Reply};
use groove_core::bank::Bank;
use groove_core::changes::Finish;
use groove_core::rater::{Rating, Request};
use groove_core::schema::Review;
use groove_core::schema::{Document, Progress, Rater};
use groove_core::share::{ShareError, Shared};
use groove_core::transfer::ImportSummary;
use groove_core::wizard::Wizard;
use groove_core::Responses;
use std::rc::Rc;
use yew::prelude::*;

/// Said when a reply's result is gone by the time the person agrees to keep it.
const GONE: &str = "The result this reply belongs to is no longer on this device, so the reply was not kept.";

/// The reducer's handle, which pages take to read the state and dispatch actions.
pub type StateHandle = UseReducerHandle<State>;

/// The validated bank and the wizard derived from it, shared by reference.
#[derive(Clone)]
pub struct Content {
    pub bank: Rc<Bank>,
    pub wizard: Rc<Wizard>,
    /// The widget's options (all defaults on the standalone site).
    pub embed: Rc<groove_core::embed::EmbedOptions>,
}

/// Pointer equality: the same bank, wizard and options, never a deep comparison.
impl Eq for Content {}

impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bank, &other.bank)
            && Rc::ptr_eq(&self.wizard, &other.wizard)
            && Rc::ptr_eq(&self.embed, &other.embed)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Wizard,
    Result(String),
    /// Before a result: the causes with too few answers, and the way back to their questions.
    Gaps,
    History,
    /// Everyone kept on this device, for a manager.
    Team,
    Plan,
    Review,
    Data,
    /// A result opened from a share link: read-only, or why the link cannot be read.
    Shared(Result<Shared, ShareError>),
    /// A result handed over from the widget: the merged document and what it adds, or why
    /// the link cannot be used. Applied only on consent.
    Keep(Result<Rc<(Document, ImportSummary)>, String>),
    /// Someone rating a seller from a request link (`#ask=`): their answers live here, in
    /// memory only, and leave with the screen. Or why the link cannot be used.
    Rate(Result<Rc<Rating>, String>),
    /// A rater's reply link (`#reply=`) opened by the seller: whose view, which result it
    /// belongs to; kept only on consent. Or why the link cannot be used.
    Reply(Result<Rc<Incoming>, String>),
}

/// A reply link read against this device: the view it carries and where it belongs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub rater: Rater,
    /// The (profile id, result id) whose request it answers, if that result is here.
    pub target: Option<(String, String)>,
}

/// Whether changes can be kept, decided once at load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Loaded successfully: every change is saved.
    Saving,
    /// Stored data this build must not touch (newer version, unreadable and not kept aside).
    ReadOnly(String),
    /// No storage at all: the visit works in memory.
    Memory(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Saved,
    Failed(String),
}

#[derive(Clone, PartialEq, Eq)]
pub struct State {
    pub content: Content,
    /// Shared until an action changes it, so screen changes never copy a long history.
    pub doc: Rc<Document>,
    pub persistence: Persistence,
    /// Something the person must know about their data (kept aside, read-only...).
    pub notice: Option<String>,
    pub save: SaveStatus,
    pub screen: Screen,
    /// When the current question appeared (ms since epoch), to time answers.
    pub shown_at: u64,
    /// Bumped on every change to `doc`.
    pub changes: u64,
    /// Bumped whenever storage was written (a save, or everything deleted): figures read
    /// from storage are refreshed on it.
    pub storage_writes: u64,
    /// A new version of Groove is installed and waiting for the person to reload.
    pub update_ready: bool,
    /// Whether the browser agreed to keep storage persistent, once asked after a result.
    pub persistent: Option<bool>,
    /// The person came to the current question from the gaps screen: Next goes back there.
    pub from_gaps: bool,
}

pub enum Action {
    Start {
        now: u64,
    },
    Resume {
        now: u64,
    },
    Answer {
        item: String,
        value: Reply,
        now: u64,
    },
    SelfTalk(Answer),
    Fact {
        fact: String,
        option: String,
        multiple: bool,
        on: bool,
    },
    Story {
        id: String,
        on: bool,
    },
    Numbers(groove_core::numbers::Numbers),
    Deal {
        index: usize,
        stage: Option<String>,
    },
    Next {
        now: u64,
    },
    Back {
        now: u64,
    },
    /// Finish the assessment; unless `anyway`, a cause with too few answers shows the gaps first.
    Finish {
        now: u64,
        anyway: bool,
    },
    /// Open one question of the assessment in progress (from the gaps screen).
    GoTo {
        step: String,
        now: u64,
    },
    StartOver,
    Saved(Result<(), String>),
    Go(Screen),
    ToggleDone {
        result: String,
        action: String,
        on: bool,
    },
    SaveReview(Review),
    DeleteResult(String),
    SwitchProfile(String),
    AddProfile {
        name: String,
        now: u64,
    },
    /// A merged document from an import the person confirmed.
    Import(Document),
    /// Storage was cleared by the caller: start again from nothing, without writing.
    DeletedAll,
    UpdateReady,
    Persistent(Option<bool>),
    /// Everything was exported to a file just now.
    Exported {
        now: u64,
    },
    /// Another tab saved a newer document.
    External(Document),
    /// A link's fragment (`share`, `keep`, `ask` or `reply`, and its text) opened in place.
    OpenLink {
        name: &'static str,
        text: String,
        now: u64,
    },
    /// The rater answered an item (None: "I can't judge this").
    Rate {
        item: String,
        answer: Option<Answer>,
    },
    /// The rater moved back or on.
    RateGo(isize),
    /// Keep a rater's view with a result, on the seller's consent.
    KeepRater {
        profile: String,
        result: String,
        rater: Rater,
    },
    /// Keep a result opened from a share link with a person's results.
    KeepShared {
        profile: String,
        shared: Shared,
        now: u64,
    },
    RemoveRater {
        profile: String,
        result: String,
        rater: String,
    },
}

impl State {
    /// The state at start, from what storage loaded (an effect `app.rs` runs and hands in).
    pub fn load(content: Content, loaded: Loaded, now: u64, shared: Option<Result<Shared, ShareError>>) -> State {
        let (doc, persistence, notice) = match loaded {
            Loaded::Empty => (Document::new(), Persistence::Saving, None),
            Loaded::Found(doc) => (doc, Persistence::Saving, None),
            Loaded::KeptAside { backup_key, why } => (
                Document::new(),
                Persistence::Saving,
                Some(format!(
                    "Your saved Groove data could not be read ({why}). It has been kept, unchanged, under \
                     the key \u{201c}{backup_key}\u{201d} in this browser, and Groove has started afresh."
                )),
            ),
            Loaded::Unreadable { why } => (
                Document::new(),
                Persistence::ReadOnly(why.clone()),
                Some(format!(
                    "Your saved Groove data could not be read ({why}). To keep it safe, Groove will not \
                     save anything in this visit."
                )),
            ),
            Loaded::Newer(why) => (
                Document::new(),
                Persistence::ReadOnly(why.to_string()),
                Some(format!("{why}. This version opens read-only and will not change it.")),
                // (A failed upgrade reads the same way: nothing is written over it.)
            ),
            Loaded::Unavailable(why) => (
                Document::new(),
                Persistence::Memory(why.clone()),
                Some(format!(
                    "This browser does not let Groove keep anything here ({why}). You can still take the \
                     diagnostic; your answers last until you close this page."
                )),
            ),
        };
        let screen = if let Some(shared) = shared {
            Screen::Shared(shared)
        } else if doc.profile().progress.is_some() {
            Screen::Wizard
        } else if let Some(latest) = doc.profile().latest() {
            Screen::Result(latest.id.clone())
        } else {
            Screen::Welcome
        };
        State {
            content,
            doc: Rc::new(doc),
            persistence,
            notice,
            save: SaveStatus::Idle,
            screen,
            shown_at: now,
            changes: 0,
            storage_writes: 0,
            update_ready: false,
            persistent: None,
            from_gaps: false,
        }
    }

    /// What a widget's hand-off (`#keep=` text) would add to this device's document: its
    /// profile is merged into the profile in use, by id, never replacing anything.
    pub fn plan_keep(&self, text: &str) -> Result<Rc<(Document, ImportSummary)>, String> {
        let mut incoming = groove_core::handoff::decode(text).map_err(|e| e.to_string())?;
        for p in &mut incoming.profiles {
            p.id = self.doc.active.clone();
            p.name = self.doc.profile().name.clone();
        }
        Ok(Rc::new(groove_core::transfer::merge(&self.doc, incoming)))
    }

    /// Opens the screen of a link's fragment, by its name (see `browser::link_fragment`).
    pub fn open_link(&mut self, name: &str, text: &str, now: u64) {
        self.screen = match name {
            "share" => Screen::Shared(groove_core::share::decode(text)),
            "keep" => Screen::Keep(self.plan_keep(text)),
            "ask" => Screen::Rate(self.plan_rate(text)),
            "reply" => Screen::Reply(self.plan_reply(text, now)),
            _ => return,
        };
        self.from_gaps = false;
    }

    /// A request link (`#ask=` text) read against the bank in use.
    pub fn plan_rate(&self, text: &str) -> Result<Rc<Rating>, String> {
        let request = Request::decode(text).map_err(|e| e.to_string())?;
        request.answered_with(&self.content.bank).map_err(|e| e.to_string())?;
        Ok(Rc::new(Rating::new(request)))
    }

    /// A reply link (`#reply=` text) read against the bank in use and this device's results.
    pub fn plan_reply(&self, text: &str, now: u64) -> Result<Rc<Incoming>, String> {
        let reply = groove_core::rater::Reply::decode(text).map_err(|e| e.to_string())?;
        let view = reply.view(&self.content.bank).map_err(|e| e.to_string())?;
        let rater = Rater { id: reply.id(), name: reply.name.clone(), received_at: now, view };
        Ok(Rc::new(Incoming { rater, target: self.doc.requested_by(&reply.request) }))
    }

    pub fn responses(&self) -> Option<&Responses> {
        self.doc.profile().progress.as_ref().map(|p| &p.responses)
    }

    /// The index of the current step, if an assessment is in progress.
    pub fn step_index(&self) -> Option<usize> {
        let progress = self.doc.profile().progress.as_ref()?;
        Some(self.content.wizard.index_of(&progress.step).unwrap_or(0))
    }

    fn doc_mut(&mut self) -> &mut Document {
        Rc::make_mut(&mut self.doc)
    }

    fn changed(&mut self) {
        self.doc_mut().revision += 1;
        self.changes += 1;
    }

    fn progress_mut(&mut self) -> Option<&mut Progress> {
        self.doc_mut().profile_mut().progress.as_mut()
    }

    fn go(&mut self, delta: isize, now: u64) {
        let steps = &self.content.wizard.steps;
        let Some(index) = self.step_index() else {
            return;
        };
        let target = index.saturating_add_signed(delta).min(steps.len() - 1);
        let id = steps[target].id.clone();
        if let Some(p) = self.progress_mut() {
            p.step = id;
        }
        self.shown_at = now;
        self.changed();
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Start { now } => {
                let first = s.content.wizard.first().to_string();
                s.doc_mut().profile_mut().start(now, &first);
                s.screen = Screen::Wizard;
                s.shown_at = now;
                s.changed();
            }
            Action::Resume { now } => {
                s.screen = Screen::Wizard;
                s.shown_at = now;
            }
            Action::Answer { item, value, now } => {
                let elapsed = now.saturating_sub(s.shown_at).min(u64::from(u32::MAX)) as u32;
                let Some(p) = s.progress_mut() else {
                    return self;
                };
                p.answer(&item, value, elapsed);
                s.changed();
            }
            Action::SelfTalk(value) => {
                let Some(p) = s.progress_mut() else {
                    return self;
                };
                p.self_talk(value);
                s.changed();
            }
            Action::Fact { fact, option, multiple, on } => {
                let Some(p) = s.progress_mut() else {
                    return self;
                };
                p.fact(&fact, &option, multiple, on);
                s.changed();
            }
            Action::Numbers(numbers) => {
                let Some(p) = s.progress_mut() else {
                    return self;
                };
                p.numbers(numbers);
                s.changed();
            }
            Action::Story { id, on } => {
                let Some(p) = s.progress_mut() else {
                    return self;
                };
                p.story(&id, on);
                s.changed();
            }
            Action::Deal { index, stage } => {
                let Some(p) = s.progress_mut() else {
                    return self;
                };
                if !p.deal(index, stage) {
                    return self;
                }
                s.changed();
            }
            Action::Next { now } if s.from_gaps => {
                s.from_gaps = false;
                s.screen = Screen::Gaps;
                s.shown_at = now;
            }
            Action::Next { now } => s.go(1, now),
            Action::Back { now } => {
                s.from_gaps = false;
                s.go(-1, now)
            }
            Action::GoTo { step, now } => {
                if s.content.wizard.index_of(&step).is_none() {
                    return self;
                }
                let Some(p) = s.progress_mut() else {
                    return self;
                };
                p.step = step;
                s.screen = Screen::Wizard;
                s.from_gaps = true;
                s.shown_at = now;
                s.changed();
            }
            Action::Finish { now, anyway } => {
                if s.responses().is_none() {
                    return self;
                }
                let bank = s.content.bank.clone();
                s.from_gaps = false;
                match s.doc_mut().profile_mut().finish_unless_gaps(&bank, now, anyway) {
                    Finish::Done(id) => {
                        s.screen = Screen::Result(id);
                        s.changed();
                    }
                    // Still in progress: the document is as it was.
                    Finish::Gaps => s.screen = Screen::Gaps,
                    Finish::Nothing => return self,
                }
            }
            Action::StartOver => {
                s.doc_mut().profile_mut().progress = None;
                s.screen = Screen::Welcome;
                s.changed();
            }
            Action::Go(screen) => {
                s.from_gaps = false;
                s.screen = screen;
            }
            Action::UpdateReady => s.update_ready = true,
            Action::Persistent(answer) => s.persistent = answer,
            Action::Exported { now } => {
                s.doc_mut().exported_at = Some(now);
                s.changed();
            }
            Action::ToggleDone { result, action, on } => {
                s.doc_mut().profile_mut().set_done(&result, &action, on);
                s.changed();
            }
            Action::SaveReview(review) => {
                s.doc_mut().profile_mut().save_review(review);
                s.changed();
            }
            Action::DeleteResult(id) => {
                s.doc_mut().profile_mut().delete_result(&id);
                if s.screen == Screen::Result(id) {
                    s.screen = Screen::History;
                }
                s.changed();
            }
            Action::SwitchProfile(id) => {
                if s.doc_mut().switch_profile(&id) {
                    s.screen = Screen::Welcome;
                    s.changed();
                }
            }
            Action::AddProfile { name, now } => {
                s.doc_mut().add_profile(&name, now);
                s.screen = Screen::Welcome;
                s.changed();
            }
            Action::Import(doc) => {
                let revision = s.doc.revision;
                s.doc = Rc::new(Document { revision, ..doc });
                s.changed();
            }
            Action::DeletedAll => {
                s.doc = Rc::new(Document::new());
                if matches!(s.persistence, Persistence::ReadOnly(_)) {
                    // What this build could not read is gone at the person's request: writing is safe now.
                    s.persistence = Persistence::Saving;
                }
                s.screen = Screen::Welcome;
                s.save = SaveStatus::Idle;
                s.notice = None;
                s.storage_writes += 1;
            }
            Action::Saved(Ok(())) => {
                s.save = SaveStatus::Saved;
                s.storage_writes += 1;
            }
            Action::Saved(Err(why)) => s.save = SaveStatus::Failed(why),
            Action::OpenLink { name, text, now } => s.open_link(name, &text, now),
            Action::Rate { item, answer } => {
                let Screen::Rate(Ok(rating)) = &mut s.screen else { return self };
                Rc::make_mut(rating).answer(&item, answer);
            }
            Action::RateGo(by) => {
                let items = s.content.bank.items().len();
                let Screen::Rate(Ok(rating)) = &mut s.screen else { return self };
                Rc::make_mut(rating).go(by, items);
            }
            Action::KeepRater { profile, result, rater } => {
                let here =
                    s.doc.profiles.iter().filter(|p| p.id == profile).flat_map(|p| &p.results).any(|r| r.id == result);
                if !here {
                    // Deleted since the link was read (in another tab, say): say so, keep nothing.
                    s.notice = Some(GONE.into());
                    return Rc::new(s);
                }
                // The result opens in its own profile (a manager keeps one per rep).
                let kept = s.doc_mut().keep_rater(&profile, &result, rater);
                let switched = s.doc.active != profile && s.doc_mut().switch_profile(&profile);
                if kept || switched {
                    s.changed();
                }
                s.screen = Screen::Result(result);
            }
            Action::KeepShared { profile, shared, now } => {
                let Some(id) = s.doc_mut().keep_shared(&profile, &shared, now) else { return self };
                s.doc_mut().switch_profile(&profile);
                s.screen = Screen::Result(id);
                s.changed();
            }
            Action::RemoveRater { profile, result, rater } => {
                s.doc_mut().remove_rater(&profile, &result, &rater);
                s.changed();
            }
            Action::External(doc) => {
                if doc.revision <= s.doc.revision || s.persistence != Persistence::Saving {
                    return self;
                }
                // Another tab saved later: take its document as ours, without writing it back.
                s.doc = Rc::new(doc);
                if s.doc.profile().progress.is_none() && s.screen == Screen::Wizard {
                    s.screen = Screen::Welcome;
                }
            }
        }
        Rc::new(s)
    }
}
