//! Before a result: which causes have too few answers to be scored, and a button for each
//! of their unanswered questions, so the person can fill the gaps or see the result anyway.

use crate::browser::now;
use crate::hooks::use_heading_focus;
use crate::state::StateHandle;
use crate::state::{Action, Screen};
use groove_core::diagnosis::{answers_needed, diagnose, Unclear};
use groove_core::Cause;
use yew::prelude::*;

/// Every sentence of this screen, in one place for translation.
mod say {
    pub const TITLE: &str = "A few more answers, and Groove can tell";
    pub const DONE_TITLE: &str = "Enough answers now";
    pub const RULE: &str = "Groove scores a cause only when at least half of its questions, and never fewer than four, have an answer. \
        \u{201c}Doesn\u{2019}t apply to me\u{201d} counts as neither. Without a score for every cause, it cannot say which one holds you back, \
        or that none does.";
    pub const DONE: &str = "Every cause now has enough answers to be scored.";
    pub const PICK: &str = "Open a question to answer it; Next brings you back here.";
    pub const ANYWAY: &str = "See my result anyway";
    pub const ANYWAY_NOTE: &str = "The result will show what was measured and say plainly what was not.";
    pub const SEE: &str = "See my result";
    pub const BACK: &str = "Back to the questions";
    pub fn short(name: &str, answered: usize, total: usize, needed: usize) -> String {
        format!("{name}: {answered} of {total} answered, {needed} needed")
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

#[function_component(GapsView)]
pub fn gaps_view(props: &Props) -> Html {
    let state = &props.state;
    let heading = use_heading_focus((), state.content.embed.embedded);
    let bank = &state.content.bank;
    let Some(responses) = state.responses() else {
        return html! {};
    };
    let d = diagnose(bank, responses);
    let short: Vec<Cause> = Cause::ALL.into_iter().filter(|&c| d.causes.get(c).score.is_none()).collect();
    let enough = d.verdict.unclear != Some(Unclear::TooFew);
    let finish = |anyway: bool| {
        let s = state.clone();
        move |_| s.dispatch(Action::Finish { now: now(), anyway })
    };
    let back = {
        let s = state.clone();
        move |_| s.dispatch(Action::Go(Screen::Wizard))
    };
    html! {
        <section class="card gaps" aria-labelledby="gaps-title" data-testid="gaps">
            <h1 id="gaps-title" tabindex="-1" ref={heading}>{ if enough { say::DONE_TITLE } else { say::TITLE } }</h1>
            if enough {
                <p>{say::DONE}</p>
                <div class="actions">
                    <button type="button" class="primary" onclick={finish(true)}>{say::SEE}</button>
                </div>
            } else {
                <p>{say::RULE}</p>
                <p class="hint">{say::PICK}</p>
                { for short.iter().map(|&c| {
                    let r = d.causes.get(c);
                    let needed = answers_needed(r.total - r.not_applicable);
                    html! {
                        <section key={c.id()} class="gap" aria-labelledby={format!("gap-{}", c.id())}>
                            <h2 id={format!("gap-{}", c.id())}>{say::short(&bank.cause(c).name, r.answered, r.total, needed)}</h2>
                            <ul class="missing">
                            { for r.missing.iter().filter_map(|id| bank.item(id)).map(|item| {
                                let s = state.clone();
                                let step = item.id.clone();
                                html! {
                                    <li key={item.id.clone()}>
                                        <button type="button" class="link" data-item={item.id.clone()}
                                            onclick={move |_| s.dispatch(Action::GoTo { step: step.clone(), now: now() })}>{&item.text}</button>
                                    </li>
                                }
                            }) }
                            </ul>
                        </section>
                    }
                }) }
                <div class="actions">
                    <button type="button" onclick={back}>{say::BACK}</button>
                    <button type="button" onclick={finish(true)} data-testid="anyway">{say::ANYWAY}</button>
                </div>
                <p class="small">{say::ANYWAY_NOTE}</p>
            }
        </section>
    }
}
