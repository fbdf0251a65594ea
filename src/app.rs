//! The app shell: loads the bank and the stored document once, saves after every change,
//! listens for other tabs, and routes between the welcome, wizard and result screens.

use crate::browser;
use crate::host;
use crate::pages::data::DataView;
use crate::pages::gaps::GapsView;
use crate::pages::history::HistoryView;
use crate::pages::keep::KeepView;
use crate::pages::plan::PlanView;
use crate::pages::rate::RateView;
use crate::pages::reply::ReplyView;
use crate::pages::review::ReviewView;
use crate::pages::shared::SharedView;
use crate::pages::team::TeamView;
use crate::pages::{result::ResultView, welcome::Welcome, wizard::WizardView};
use crate::service_worker;
use crate::state::{Action, Content, Persistence, Screen, State};
use crate::storage;
use crate::widgets::{nav::Nav, status::StatusBar};
use groove_core::bank::Bank;
use groove_core::embed::EmbedOptions;
use groove_core::wizard::Wizard;
use std::rc::Rc;
use yew::prelude::*;

/// The shell's own sentences, in one place for translation.
mod say {
    pub const FOOT: &str = "Private by design: your answers stay in this browser. No account, no server, no tracking.";
    pub const FOOT_RATING: &str =
        "Private by design: nothing you answer here is kept in this browser; it leaves only in the reply link you send.";
}

/// The validated bank and its wizard.
fn content_of(bank: Bank, embed: &Rc<EmbedOptions>) -> Content {
    Content { wizard: Rc::new(Wizard::new(&bank)), bank: Rc::new(bank), embed: embed.clone() }
}

/// The bank to use: the shipped one, or a coach's own named by `?bank=PATH` (same origin,
/// as the CSP allows). A bank that fails validation is refused with its reasons, and the
/// shipped bank is used instead.
#[derive(Clone, PartialEq)]
enum BankSource {
    Loading,
    Ready(Content, Option<String>),
    Broken(String),
}

fn shipped(notice: Option<String>, embed: &Rc<EmbedOptions>) -> BankSource {
    match Bank::default_bank() {
        Ok(bank) => BankSource::Ready(content_of(bank, embed), notice),
        Err(e) => BankSource::Broken(e.to_string()),
    }
}

#[function_component(App)]
pub fn app() -> Html {
    // Widget options first: they choose the storage key before anything is loaded.
    let embed = use_memo((), |_| {
        let options = host::options();
        storage::use_key(&options.storage_key());
        host::apply_look(&options);
        host::report_height(&options);
        host::close_on_escape(&options);
        Rc::new(options)
    });
    let embed: Rc<EmbedOptions> = (*embed).clone();
    let requested = use_memo((), |_| browser::bank_param());
    // Start-up is three tasks: mount this shell; read the bank; render Groove. Each is short
    // enough not to block a slow phone, where one task doing all three would. index.html's
    // painted first screen goes in the task where the app's own appears (Yew renders on the
    // microtask queue, within it), so no frame shows both and nothing shifts.
    let source = use_state(|| BankSource::Loading);
    {
        let source = source.clone();
        let embed = embed.clone();
        use_effect_with(requested.clone(), move |requested| {
            let requested = (**requested).clone();
            if requested.is_some() {
                browser::remove_placeholder(); // "Loading your coach's questions" shows now
            }
            wasm_bindgen_futures::spawn_local(async move {
                let next = match requested {
                    None => {
                        browser::next_task().await;
                        shipped(None, &embed)
                    }
                    Some(path) => {
                        let refused = |why: String| {
                            Some(format!(
                                "Your coach's question bank ({path}) was refused, so Groove uses its own questions. {why}"
                            ))
                        };
                        match browser::fetch_text(&path).await {
                            Ok(text) => match Bank::parse(&text) {
                                Ok(bank) => BankSource::Ready(content_of(bank, &embed), None),
                                Err(e) => shipped(refused(e.to_string()), &embed),
                            },
                            Err(why) => shipped(refused(format!("It could not be loaded: {why}.")), &embed),
                        }
                    }
                };
                browser::next_task().await;
                source.set(next);
                browser::remove_placeholder();
            });
        });
    }
    match &*source {
        BankSource::Loading if requested.is_some() => {
            html! { <main class="shell"><p role="status">{"Loading your coach's questions\u{2026}"}</p></main> }
        }
        BankSource::Loading => html! {},
        BankSource::Ready(content, notice) => {
            html! { <Groove content={content.clone()} bank_notice={notice.clone()} /> }
        }
        BankSource::Broken(e) => html! {
            <main class="shell"><div class="notice error" role="alert">
                <p>{"Groove's question bank could not be loaded: "}{e}</p>
            </div></main>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct GrooveProps {
    content: Content,
    #[prop_or_default]
    bank_notice: Option<String>,
}

#[function_component(Groove)]
fn groove(props: &GrooveProps) -> Html {
    let content = props.content.clone();
    let bank_notice = props.bank_notice.clone();
    let state = use_reducer(move || {
        let shared = browser::share_fragment().map(|text| groove_core::share::decode(&text));
        let now = browser::now();
        let mut state = State::load(content, storage::load(now), now, shared);
        // The daily review reminder links to `#review`: open that screen, unless a share
        // link is being shown.
        if browser::review_fragment() && !matches!(state.screen, Screen::Shared(_)) {
            state.screen = Screen::Review;
            browser::clear_fragment();
        }
        // The widget's hand-off (`#keep=`), a rating request (`#ask=`) or a rater's reply
        // (`#reply=`): each opens its own screen, and changes nothing without consent.
        if let Some((name, text)) = browser::link_fragment().filter(|(name, _)| *name != "share") {
            // A request made with a coach's bank, opened without `?bank=`: open it with that bank.
            let request = (name == "ask" && browser::bank_param().is_none())
                .then(|| groove_core::rater::Request::decode(&text).ok())
                .flatten();
            if let Some(address) = request.as_ref().and_then(|r| r.bank_elsewhere(&state.content.bank)) {
                browser::open_with_bank(address, &format!("ask={text}"));
            }
            state.open_link(name, &text, now);
        }
        if let Some(notice) = bank_notice {
            state.notice = Some(match state.notice.take() {
                Some(other) => format!("{notice} {other}"),
                None => notice,
            });
        }
        state
    });

    // Save after every change, and only when the load allowed it.
    {
        let state = state.clone();
        use_effect_with(state.changes, move |&changes| {
            if changes > 0 && state.persistence == Persistence::Saving {
                let result = storage::save(&state.doc);
                state.dispatch(Action::Saved(result));
            }
        });
    }

    // Another tab saved: take its newer document so neither tab overwrites the other's answers.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = storage::on_other_tab(move |doc| dispatch.dispatch(Action::External(doc)));
            move || drop(listener)
        });
    }

    // Events for a host page that asked for them: started, section changed, finished.
    {
        let embed = state.content.embed.clone();
        let progress = state.doc.profile().progress.as_ref().map(|p| p.started_at);
        let section = state.step_index().map(|i| state.content.wizard.steps[i].section);
        let latest = state.doc.profile().latest().map(|r| (r.id.clone(), r.scores.clone(), r.primary, r.pattern));
        let wizard = state.content.wizard.clone();
        let seen = use_mut_ref(|| None::<(Option<u64>, Option<usize>, Option<String>)>);
        use_effect_with((progress, section, latest), move |(progress, section, latest)| {
            let now = (*progress, *section, latest.as_ref().map(|l| l.0.clone()));
            let before = seen.borrow_mut().replace(now.clone());
            if let Some((was_progress, was_section, was_latest)) = before {
                if progress.is_some() && was_progress != *progress {
                    host::send_event(&embed, "started", serde_json::json!({}));
                }
                if let Some(s) = section.filter(|s| Some(*s) != was_section) {
                    let title = wizard.sections.get(s).map(|x| x.title.as_str()).unwrap_or_default();
                    host::send_event(&embed, "section", serde_json::json!({ "section": s + 1, "title": title }));
                }
                if let Some((_, scores, primary, pattern)) =
                    latest.as_ref().filter(|l| Some(&l.0) != was_latest.as_ref())
                {
                    host::send_event(
                        &embed,
                        "finished",
                        serde_json::json!({ "scores": scores, "primary": primary, "pattern": pattern }),
                    );
                }
            }
        });
    }
    // A link pasted into a tab already showing Groove changes only the fragment: open it too.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = browser::on_fragment_change(move || {
                if let Some((name, text)) = browser::link_fragment() {
                    dispatch.dispatch(Action::OpenLink { name, text, now: browser::now() });
                }
            });
            move || drop(listener)
        });
    }
    // A new version waiting: offered, never applied by itself.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            if service_worker::update_waiting() {
                dispatch.dispatch(Action::UpdateReady);
            }
            service_worker::on_update_ready(move || dispatch.dispatch(Action::UpdateReady))
        });
    }
    let update_banner = match (state.update_ready, &state.screen) {
        (false, _) => html! {},
        // Never in the middle of an assessment: say so, and offer it afterwards.
        (true, Screen::Wizard) => html! {
            <div class="notice" role="status" data-testid="update">
                <p>{"A new version of Groove is ready. You can reload to get it when you finish this assessment."}</p>
            </div>
        },
        (true, _) => html! {
            <div class="notice" role="status" data-testid="update">
                <p>{"A new version of Groove is ready. "}
                <button type="button" onclick={|_| service_worker::apply_update()}>{"Reload to update"}</button></p>
            </div>
        },
    };
    let screen = match &state.screen {
        Screen::Welcome => html! { <Welcome state={state.clone()} /> },
        Screen::Wizard if state.doc.profile().progress.is_some() => {
            html! { <WizardView state={state.clone()} /> }
        }
        Screen::Wizard => html! { <Welcome state={state.clone()} /> },
        Screen::Result(id) => html! { <ResultView state={state.clone()} id={id.clone()} /> },
        Screen::Gaps if state.doc.profile().progress.is_some() => html! { <GapsView state={state.clone()} /> },
        Screen::Gaps => html! { <Welcome state={state.clone()} /> },
        Screen::History => html! { <HistoryView state={state.clone()} /> },
        Screen::Team => html! { <TeamView state={state.clone()} /> },
        Screen::Plan => html! { <PlanView state={state.clone()} /> },
        Screen::Review => html! { <ReviewView state={state.clone()} /> },
        Screen::Data => html! { <DataView state={state.clone()} /> },
        Screen::Shared(shared) => html! { <SharedView state={state.clone()} shared={shared.clone()} /> },
        Screen::Keep(keep) => html! { <KeepView state={state.clone()} keep={keep.clone()} /> },
        Screen::Rate(rating) => html! { <RateView state={state.clone()} rating={rating.clone()} /> },
        Screen::Reply(incoming) => html! { <ReplyView state={state.clone()} incoming={incoming.clone()} /> },
    };
    // Someone rating a seller is a visitor: no way out of the rating by a stray press (it
    // would lose their answers), and nothing said about storage, which they do not use.
    let rating = matches!(state.screen, Screen::Rate(_));
    html! {
        <div class="shell">
            <header class="top">
                if rating {
                    <p class="brand">{"Groove"}</p>
                } else {
                    <button type="button" class="brand" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Welcome)) }>
                        {"Groove"}
                    </button>
                    if !state.doc.profile().name.is_empty() {
                        <p class="who" data-testid="who">{"For: "}{&state.doc.profile().name}</p>
                    }
                    <StatusBar persistence={state.persistence.clone()} save={state.save.clone()} />
                    <Nav screen={state.screen.clone()} on_go={ let s = state.clone(); Callback::from(move |screen| {
                        // Leaving a screen a link opened: its fragment goes, so a reload stays here.
                        browser::clear_fragment();
                        s.dispatch(Action::Go(screen))
                    }) } />
                }
            </header>
            {update_banner}
            if let Some(notice) = &state.notice {
                <div class="notice" role="alert"><p>{notice}</p></div>
            }
            <main id="main">{screen}</main>
            <footer class="foot"><p>{if rating { say::FOOT_RATING } else { say::FOOT }}</p></footer>
        </div>
    }
}
