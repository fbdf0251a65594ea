//! The welcome screen: what Groove is, how long it takes, and that answers stay here.

use crate::browser::focus;
use crate::browser::now;
use crate::state::StateHandle;
use crate::state::{Action, Screen};
use groove_core::plan::latest_plan;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

#[function_component(Welcome)]
pub fn welcome(props: &Props) -> Html {
    let state = &props.state;
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        // In a host page, focusing on load would scroll the host to the widget: don't.
        let embedded = state.content.embed.embedded;
        use_effect_with((), move |_| {
            if !embedded {
                focus(&heading, false)
            }
        });
    }
    let in_progress = state.doc.profile().progress.is_some();
    let (_, review_streak) = state.doc.profile().review_streak(crate::browser::local_today());
    let latest = state.doc.profile().latest().map(|r| r.id.clone());
    let start = {
        let s = state.clone();
        move |_| s.dispatch(Action::Start { now: now() })
    };
    let resume = {
        let s = state.clone();
        move |_| s.dispatch(Action::Resume { now: now() })
    };
    html! {
        <section class="card welcome" aria-labelledby="welcome-title">
            <h1 id="welcome-title" tabindex="-1" ref={heading}>{"Find what's behind your sales slump"}</h1>
            <p class="lead">{"Every seller hits a slump. Groove asks you about forty short questions, takes about seven minutes, and tells you which of four causes is most likely holding you back, how sure it is, and what to do this week, this month and this quarter."}</p>
            <ul class="facts">
                <li>{"Four causes: skills, effort, routine, and the feedback you get."}</li>
                <li>{"Honest, not harsh: it asks what you do, not who you are."}</li>
                <li>{"Private: answers never leave this device. No account, no server."}</li>
            </ul>
            if let Some((_, _, done, total)) = latest_plan(&state.content.bank, state.doc.profile()) {
                <div class="home-status" data-testid="home-status">
                    <p>{format!("Your plan: {done} of {total} actions done.")}</p>
                    <progress max={total.to_string()} value={done.to_string()} aria-label="Plan progress"></progress>
                    <p>{ match review_streak { 0 => "No review streak yet: end today with a two-minute review.".to_string(), 1 => "Review streak: 1 day.".to_string(), n => format!("Review streak: {n} days.") } }</p>
                    <div class="actions">
                        <button type="button" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Plan)) }>{"Open my plan"}</button>
                        <button type="button" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Review)) }>{"Today's review"}</button>
                    </div>
                </div>
            }
            <div class="actions">
                if in_progress {
                    <button type="button" class="primary" onclick={resume}>{"Continue where you left off"}</button>
                } else {
                    <button type="button" class="primary" onclick={start}>{"Start the diagnostic"}</button>
                }
                if let Some(id) = latest {
                    <button type="button" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Result(id.clone()))) }>
                        {"See your latest result"}
                    </button>
                }
            </div>
        </section>
    }
}
