//! The app's navigation between its screens.

use super::StateHandle;
use crate::state::{Action, Screen};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

#[function_component(Nav)]
pub fn nav(props: &Props) -> Html {
    let state = &props.state;
    let items = [
        (Screen::Welcome, "Home"),
        (Screen::History, "History"),
        (Screen::Plan, "Plan"),
        (Screen::Review, "Review"),
        (Screen::Data, "Data"),
    ];
    let current = match &state.screen {
        Screen::Wizard | Screen::Gaps | Screen::Result(_) | Screen::Shared(_) | Screen::Keep(_) => Screen::Welcome,
        other => other.clone(),
    };
    html! {
        <nav aria-label="Groove">
            <ul class="nav-list">
            { for items.into_iter().map(|(screen, label)| {
                let here = screen == current;
                let onclick = { let s = state.clone(); let screen = screen.clone(); move |_| s.dispatch(Action::Go(screen.clone())) };
                html! { <li><button type="button" class={classes!("nav-link", here.then_some("here"))} aria-current={here.then_some("page")} {onclick}>{label}</button></li> }
            }) }
            </ul>
        </nav>
    }
}
