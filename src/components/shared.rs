//! A result opened from a share link: read-only, clearly marked, with an offer to take the
//! diagnostic oneself. A damaged link says why, and never panics.

use super::chart::ScoreChart;
use super::StateHandle;
use crate::browser;
use crate::state::{Action, Screen};
use groove_core::days::iso_date;
use groove_core::share::{ShareError, Shared};
use groove_core::Pattern;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
    pub shared: Result<Shared, ShareError>,
}

#[function_component(SharedView)]
pub fn shared_view(props: &Props) -> Html {
    let state = &props.state;
    let bank = state.content.bank.clone();
    let leave = {
        let s = state.clone();
        move |_| {
            browser::clear_fragment();
            s.dispatch(Action::Go(Screen::Welcome));
        }
    };
    match &props.shared {
        Err(why) => html! {
            <section class="card" aria-labelledby="shared-title">
                <h1 id="shared-title" tabindex="-1">{"This share link cannot be opened"}</h1>
                <p data-testid="share-error">{"Groove could not read it: "}{why.to_string()}{". Ask for the link again, or take the diagnostic yourself."}</p>
                <button type="button" class="primary" onclick={leave}>{"Take the diagnostic yourself"}</button>
            </section>
        },
        Ok(shared) => {
            let headline = match (shared.pattern, shared.primary) {
                (Pattern::None, _) | (_, None) => "No internal cause stood out".to_string(),
                (_, Some(p)) => format!("Main cause: {}", bank.cause(p).name),
            };
            html! {
                <section class="card shared" aria-labelledby="shared-title">
                    <p class="badge" data-testid="shared-badge">{"Shared result \u{00b7} read-only"}</p>
                    <h1 id="shared-title" tabindex="-1" data-testid="headline">{headline}</h1>
                    <p class="eyebrow">{format!("Taken on {}. Only the scores travel in the link; no answers.", iso_date(shared.day))}</p>
                    <ScoreChart bank={bank.clone()} scores={shared.scores.clone()} primary={shared.primary} />
                    if let Some(p) = shared.primary { <p class="summary">{&bank.cause(p).summary}</p> }
                    <div class="actions">
                        <button type="button" class="primary" onclick={leave}>{"Take the diagnostic yourself"}</button>
                    </div>
                </section>
            }
        }
    }
}
