//! A result handed over from the widget (`#keep=`): what it will add to this device's
//! Groove, merged by id only when the person agrees; a damaged link changes nothing.

use crate::browser;
use crate::hooks::{leave_link, use_heading_focus};
use crate::state::StateHandle;
use crate::state::{Action, Screen};
use crate::widgets::link::bad_link;
use groove_core::schema::Document;
use groove_core::transfer::ImportSummary;
use std::rc::Rc;
use yew::prelude::*;

/// Every sentence of this screen, in one place for translation.
mod say {
    pub const TITLE: &str = "Keep this result in your own Groove";
    pub const WHY: &str = "You took the diagnostic inside a blog post, where the browser keeps it apart from Groove itself. Adding it here keeps it with the rest of your history, on this device only.";
    pub const ADD: &str = "Add to my Groove";
    pub const NOT_NOW: &str = "Not now";
    pub const ALREADY: &str = "Everything in this link is already here.";
    pub const OPEN: &str = "Open my result";
    pub const BAD_TITLE: &str = "This link cannot be added";
    pub const HOME: &str = "Go to Groove";
    pub fn bad(why: &str) -> String {
        format!("Groove could not use it: {why}. Nothing was changed.")
    }
    pub fn adds(results: usize, checks: usize, reviews: usize, raters: usize, here: usize) -> String {
        let mut parts = vec![format!("{results} result{}", if results == 1 { "" } else { "s" })];
        if raters > 0 {
            parts.push(format!("{raters} outside view{}", if raters == 1 { "" } else { "s" }));
        }
        if checks > 0 {
            parts.push(format!("{checks} plan check{}", if checks == 1 { "" } else { "s" }));
        }
        if reviews > 0 {
            parts.push(format!("{reviews} daily review{}", if reviews == 1 { "" } else { "s" }));
        }
        let here = if here > 0 { format!(" ({here} already here stay as they are)") } else { String::new() };
        format!("It will add {}{here}.", parts.join(", "))
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
    pub keep: Result<Rc<(Document, ImportSummary)>, String>,
}

#[function_component(KeepView)]
pub fn keep_view(props: &Props) -> Html {
    let state = &props.state;
    let heading = use_heading_focus((), state.content.embed.embedded);
    let leave = leave_link(state);
    let planned = match &props.keep {
        Err(why) => return bad_link("keep", say::BAD_TITLE, &say::bad(why), say::HOME, heading, leave),
        Ok(planned) => planned.clone(),
    };
    let summary = &planned.1;
    // The newest result the link carries: where the person lands after adding it.
    let newest = planned.0.profile().latest().map(|r| r.id.clone());
    let add = {
        let (s, planned, newest) = (state.clone(), planned.clone(), newest.clone());
        move |_| {
            browser::clear_fragment();
            s.dispatch(Action::Import(planned.0.clone()));
            s.dispatch(Action::Go(newest.clone().map_or(Screen::History, Screen::Result)));
        }
    };
    html! {
        <section class="card" aria-labelledby="keep-title" data-testid="keep">
            <h1 id="keep-title" tabindex="-1" ref={heading}>{say::TITLE}</h1>
            <p>{say::WHY}</p>
            if summary.is_empty() {
                <p data-testid="keep-summary">{say::ALREADY}</p>
                <div class="actions">
                    <button type="button" class="primary" onclick={add}>{say::OPEN}</button>
                </div>
            } else {
                <p data-testid="keep-summary">{say::adds(summary.results, summary.checks, summary.reviews, summary.raters, summary.already_here)}</p>
                <div class="actions">
                    <button type="button" class="primary" onclick={add}>{say::ADD}</button>
                    <button type="button" onclick={leave}>{say::NOT_NOW}</button>
                </div>
            }
        </section>
    }
}
