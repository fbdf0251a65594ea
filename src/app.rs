//! The app shell: loads the bank and the stored document once, saves after every change,
//! listens for other tabs, and routes between the welcome, wizard and result screens.

use crate::browser;
use crate::components::data::DataView;
use crate::components::history::HistoryView;
use crate::components::nav::Nav;
use crate::components::plan::PlanView;
use crate::components::review::ReviewView;
use crate::components::shared::SharedView;
use crate::components::{result::ResultView, status::StatusBar, welcome::Welcome, wizard::WizardView};
use crate::state::{Action, Content, Persistence, Screen, State};
use crate::storage;
use groove_core::bank::Bank;
use groove_core::wizard::Wizard;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

#[function_component(App)]
pub fn app() -> Html {
    // The shipped bank is validated by the test suite; a failure still shows, never panics.
    let content = use_memo((), |_| {
        Bank::default_bank().map(|bank| Content { wizard: Rc::new(Wizard::new(&bank)), bank: Rc::new(bank) })
    });
    match &*content {
        Ok(content) => html! { <Groove content={content.clone()} /> },
        Err(e) => html! {
            <main class="shell"><div class="notice error" role="alert">
                <p>{"Groove's question bank could not be loaded: "}{e.to_string()}</p>
            </div></main>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct GrooveProps {
    content: Content,
}

#[function_component(Groove)]
fn groove(props: &GrooveProps) -> Html {
    let content = props.content.clone();
    let state = use_reducer(move || {
        let shared = browser::share_fragment().map(|text| groove_core::share::decode(&text));
        State::load(content, now(), shared)
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
            let listener = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
                if e.key().as_deref() == Some(storage::KEY) {
                    if let Some(doc) = storage::stored_document() {
                        dispatch.dispatch(Action::External(doc));
                    }
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
                }
            }
        });
    }

    let screen = match &state.screen {
        Screen::Welcome => html! { <Welcome state={state.clone()} /> },
        Screen::Wizard if state.doc.profile().progress.is_some() => {
            html! { <WizardView state={state.clone()} /> }
        }
        Screen::Wizard => html! { <Welcome state={state.clone()} /> },
        Screen::Result(id) => html! { <ResultView state={state.clone()} id={id.clone()} /> },
        Screen::History => html! { <HistoryView state={state.clone()} /> },
        Screen::Plan => html! { <PlanView state={state.clone()} /> },
        Screen::Review => html! { <ReviewView state={state.clone()} /> },
        Screen::Data => html! { <DataView state={state.clone()} /> },
        Screen::Shared(shared) => html! { <SharedView state={state.clone()} shared={shared.clone()} /> },
    };
    html! {
        <div class="shell">
            <header class="top">
                <button type="button" class="brand" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Home) }>
                    {"Groove"}
                </button>
                if !state.doc.profile().name.is_empty() {
                    <p class="who" data-testid="who">{"For: "}{&state.doc.profile().name}</p>
                }
                <StatusBar state={state.clone()} />
                <Nav state={state.clone()} />
            </header>
            if let Some(notice) = &state.notice {
                <div class="notice" role="alert"><p>{notice}</p></div>
            }
            <main id="main">{screen}</main>
            <footer class="foot"><p>{"Private by design: your answers stay in this browser. No account, no server, no tracking."}</p></footer>
        </div>
    }
}
