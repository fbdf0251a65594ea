//! A result opened from a share link: read-only, clearly marked, with an offer to take the
//! diagnostic oneself. A damaged link says why, and never panics.

use crate::browser;
use crate::hooks::use_heading_focus;
use crate::state::StateHandle;
use crate::state::{Action, Screen};
use crate::widgets::chart::ScoreChart;
use crate::widgets::guide::ManagerGuide;
use crate::widgets::verdict;
use groove_core::days::iso_date;
use groove_core::plan::PlanKind;
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
    let heading = use_heading_focus((), state.content.embed.embedded);
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
                <h1 id="shared-title" tabindex="-1" ref={heading.clone()}>{"This share link cannot be opened"}</h1>
                <p data-testid="share-error">{"Groove could not read it: "}{why.to_string()}{". Ask for the link again, or take the diagnostic yourself."}</p>
                <button type="button" class="primary" onclick={leave}>{"Take the diagnostic yourself"}</button>
            </section>
        },
        Ok(shared) => {
            let v = &shared.verdict;
            // A link carries no answers, so it cannot tell "look outward" from "no habit stands
            // out": it says the latter, which claims less.
            let kind = if v.pattern == Pattern::Unclear { PlanKind::Unclear } else { PlanKind::NoCause };
            let (headline, sub) = verdict::headline(&bank, v, kind);
            let weak = v.weak.clone();
            html! {
                <section class="card shared" aria-labelledby="shared-title">
                    <p class="badge" data-testid="shared-badge">{"Shared result \u{00b7} read-only"}</p>
                    <h1 id="shared-title" tabindex="-1" ref={heading.clone()} data-testid="headline">{headline}</h1>
                    <p class="confidence" data-pattern={v.pattern.id()}>{sub}</p>
                    <p class="small">{verdict::confidence(v)}</p>
                    if let Some(line) = verdict::borderline(&bank, v) { <p class="small">{line}</p> }
                    <p class="eyebrow">{format!("Taken on {}. Only the scores travel in the link; no answers.", iso_date(shared.day))}</p>
                    <ScoreChart bank={bank.clone()} scores={shared.scores.clone()} primary={v.primary} />
                    { for weak.iter().map(|&c| html! { <p class="summary" key={c.id()}><strong>{&bank.cause(c).name}{": "}</strong>{&bank.cause(c).summary}</p> }) }
                    if !weak.is_empty() {
                        <section aria-labelledby="shared-manager" class="manager">
                            <h2 id="shared-manager">{"For a manager supporting them"}</h2>
                            <ManagerGuide bank={bank.clone()} causes={weak.clone()} />
                        </section>
                    }
                    <div class="actions">
                        <button type="button" class="primary" onclick={leave}>{"Take the diagnostic yourself"}</button>
                    </div>
                </section>
            }
        }
    }
}
