//! A result opened from a share link: read-only, clearly marked, with an offer to take the
//! diagnostic oneself, and, on a device with several people, to keep it with one of them.
//! A damaged link says why, and never panics.

use crate::browser;
use crate::hooks::{leave_link, use_heading_focus};
use crate::state::Action;
use crate::state::StateHandle;
use crate::widgets::chart::ScoreChart;
use crate::widgets::guide::ManagerGuide;
use crate::widgets::link::{bad_link, person_choice};
use crate::widgets::verdict;
use groove_core::days::iso_date;
use groove_core::plan::PlanKind;
use groove_core::share::{ShareError, Shared};
use groove_core::Pattern;
use yew::prelude::*;

/// The sentences of this screen about keeping or refusing a link, in one place for translation.
mod say {
    pub fn taken(date: &str) -> String {
        format!("Taken on {date}. Only the scores of the self-check travel in the link: no answers, and none of the seller's numbers or outside views, which can tell a different story.")
    }
    pub const KEEP_TITLE: &str = "Keep it with a person's results";
    pub const KEEP_WHY: &str = "For a manager who keeps one profile per rep: the scores and the verdict join that person's history and the team view, marked as kept from a link.";
    pub const KEEP: &str = "Keep it there";
    pub const YOU: &str = "This device (no name)";
    pub const BAD_TITLE: &str = "This share link cannot be opened";
    pub fn bad(why: &str) -> String {
        format!("Groove could not read it: {why}. Ask for the link again, or take the diagnostic yourself.")
    }
    pub const YOURSELF: &str = "Take the diagnostic yourself";
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
    pub shared: Result<Shared, ShareError>,
}

#[function_component(SharedView)]
pub fn shared_view(props: &Props) -> Html {
    let state = &props.state;
    let heading = use_heading_focus((), state.content.embed.embedded);
    let keep_for = use_state(|| None::<String>);
    let bank = state.content.bank.clone();
    let leave = leave_link(state);
    match &props.shared {
        Err(why) => bad_link("share", say::BAD_TITLE, &say::bad(&why.to_string()), say::YOURSELF, heading, leave),
        Ok(shared) => {
            let v = &shared.verdict;
            // A link carries no answers, so it cannot tell "look outward" from "no habit stands
            // out": it says the latter, which claims less.
            let kind = if v.pattern == Pattern::Unclear { PlanKind::Unclear } else { PlanKind::NoCause };
            let (headline, sub) = verdict::headline(&bank, v, kind, &[]);
            let weak = v.weak.clone();
            // A manager with a profile per rep can keep a rep's link with that rep.
            let people: Vec<(String, String)> = state
                .doc
                .profiles
                .iter()
                .map(|p| (p.id.clone(), if p.name.is_empty() { say::YOU.to_string() } else { p.name.clone() }))
                .collect();
            let several = people.len() > 1;
            let choose = {
                let keep_for = keep_for.clone();
                Callback::from(move |id| keep_for.set(Some(id)))
            };
            let keep = (*keep_for).clone().map(|profile| {
                let (s, shared) = (state.clone(), shared.clone());
                move |_| {
                    browser::clear_fragment();
                    s.dispatch(Action::KeepShared {
                        profile: profile.clone(),
                        shared: shared.clone(),
                        now: browser::now(),
                    });
                }
            });
            html! {
                <section class="card shared" aria-labelledby="shared-title">
                    <p class="badge" data-testid="shared-badge">{"Shared result \u{00b7} read-only"}</p>
                    <h1 id="shared-title" tabindex="-1" ref={heading.clone()} data-testid="headline">{headline}</h1>
                    <p class="confidence" data-pattern={v.pattern.id()}>{sub}</p>
                    <p class="small">{verdict::confidence(v, &[])}</p>
                    if let Some(line) = verdict::borderline(&bank, v) { <p class="small">{line}</p> }
                    <p class="eyebrow">{say::taken(&iso_date(shared.day))}</p>
                    <ScoreChart bank={bank.clone()} scores={shared.scores.clone()} primary={v.primary} />
                    { for weak.iter().map(|&c| html! { <p class="summary" key={c.id()}><strong>{&bank.cause(c).name}{": "}</strong>{&bank.cause(c).summary}</p> }) }
                    if !weak.is_empty() {
                        <section aria-labelledby="shared-manager" class="manager">
                            <h2 id="shared-manager">{"For a manager supporting them"}</h2>
                            <ManagerGuide bank={bank.clone()} causes={weak.clone()} />
                        </section>
                    }
                    if several {
                        <section aria-labelledby="shared-keep" data-testid="shared-keep">
                            <h2 id="shared-keep">{say::KEEP_TITLE}</h2>
                            <p class="small">{say::KEEP_WHY}</p>
                            {person_choice("shared-for", say::KEEP_TITLE, true, &people, keep_for.as_deref(), &choose)}
                            if let Some(keep) = keep {
                                <div class="actions"><button type="button" onclick={keep}>{say::KEEP}</button></div>
                            }
                        </section>
                    }
                    <div class="actions">
                        <button type="button" class="primary" onclick={leave}>{say::YOURSELF}</button>
                    </div>
                </section>
            }
        }
    }
}
