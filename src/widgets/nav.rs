//! The app's navigation between its screens.

use crate::state::Screen;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The screen shown now.
    pub screen: Screen,
    pub on_go: Callback<Screen>,
}

#[function_component(Nav)]
pub fn nav(props: &Props) -> Html {
    let items = [
        (Screen::Welcome, "Home"),
        (Screen::History, "History"),
        (Screen::Plan, "Plan"),
        (Screen::Review, "Review"),
        (Screen::Data, "Data"),
    ];
    let current = match &props.screen {
        Screen::Wizard
        | Screen::Gaps
        | Screen::Result(_)
        | Screen::Shared(_)
        | Screen::Keep(_)
        | Screen::Rate(_)
        | Screen::Reply(_) => Screen::Welcome,
        Screen::Team => Screen::Data,
        other => other.clone(),
    };
    html! {
        <nav aria-label="Groove">
            <ul class="nav-list">
            { for items.into_iter().map(|(screen, label)| {
                let here = screen == current;
                let onclick = { let screen = screen.clone(); props.on_go.reform(move |_| screen.clone()) };
                html! { <li><button type="button" class={classes!("nav-link", here.then_some("here"))} aria-current={here.then_some("page")} {onclick}>{label}</button></li> }
            }) }
            </ul>
        </nav>
    }
}
