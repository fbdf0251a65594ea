//! The guided diagnostic: one question per page, a progress bar naming the section, Back and
//! Next, and a "start over" that asks first.

use crate::browser::now;
use crate::hooks::{use_confirm, use_heading_focus};
use crate::state::StateHandle;
use crate::state::{Action, Persistence};
use crate::widgets::deals::DealsQuestion;
use crate::widgets::numbers::NumbersQuestion;
use crate::widgets::question::{AgreeQuestion, FactQuestion, StoriesQuestion};
use groove_core::answers::Reply;
use groove_core::bank::ScaleKind;
use groove_core::wizard::StepKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

#[function_component(WizardView)]
pub fn wizard_view(props: &Props) -> Html {
    let state = &props.state;
    let confirming = use_confirm::<()>();
    let index = state.step_index().unwrap_or(0);
    // A new question: move focus to it, so the keyboard and screen readers follow.
    let heading = use_heading_focus(index, state.content.embed.embedded);
    let wizard = &state.content.wizard;
    let bank = &state.content.bank;
    let Some(step) = wizard.steps.get(index) else {
        return html! {};
    };
    let Some(responses) = state.responses() else {
        return html! {};
    };
    let section = &wizard.sections[step.section];
    let last = index + 1 == wizard.steps.len();

    let body = match &step.kind {
        StepKind::Item(id) => match bank.item(id) {
            Some(item) => {
                let (s, item_id) = (state.clone(), item.id.clone());
                let on_reply = Callback::from(move |value| {
                    s.dispatch(Action::Answer { item: item_id.clone(), value, now: now() })
                });
                html! {
                    <AgreeQuestion bank={bank.clone()} name={item.id.clone()} text={item.text.clone()} scale={item.scale}
                        value={responses.reply_to(id)} heading={heading.clone()} not_applicable=true {on_reply} />
                }
            }
            None => html! {},
        },
        StepKind::SelfTalk => {
            let s = state.clone();
            let on_reply = Callback::from(move |reply| {
                if let Reply::Answer(a) = reply {
                    s.dispatch(Action::SelfTalk(a))
                }
            });
            html! {
                <AgreeQuestion bank={bank.clone()} name={bank.self_talk().id.clone()} text={bank.self_talk().text.clone()}
                    scale={ScaleKind::Agreement} value={responses.self_talk.map(Reply::Answer)} heading={heading.clone()}
                    not_applicable=false {on_reply} />
            }
        }
        StepKind::Fact(id) => {
            let chosen = responses.facts.get(id).cloned().unwrap_or_default();
            let multiple = bank.fact(id).is_some_and(|f| f.multiple);
            let (s, fact) = (state.clone(), id.clone());
            let on_choose = Callback::from(move |(option, on): (String, bool)| {
                s.dispatch(Action::Fact { fact: fact.clone(), option, multiple, on })
            });
            html! { <FactQuestion bank={bank.clone()} fact={id.clone()} {chosen} heading={heading.clone()} {on_choose} /> }
        }
        StepKind::Stories => {
            let s = state.clone();
            let on_toggle = Callback::from(move |(id, on)| s.dispatch(Action::Story { id, on }));
            html! { <StoriesQuestion bank={bank.clone()} picked={responses.stories.clone()} heading={heading.clone()} {on_toggle} /> }
        }
        StepKind::Numbers => {
            let s = state.clone();
            let on_change = Callback::from(move |n| s.dispatch(Action::Numbers(n)));
            html! { <NumbersQuestion numbers={responses.numbers.clone()} heading={heading.clone()} {on_change} /> }
        }
        StepKind::Deals => {
            let s = state.clone();
            let on_deal = Callback::from(move |(index, stage)| s.dispatch(Action::Deal { index, stage }));
            html! { <DealsQuestion bank={bank.clone()} deals={responses.deals.clone()} heading={heading.clone()} {on_deal} /> }
        }
    };
    let answered = match &step.kind {
        StepKind::Item(id) => responses.reply_to(id).is_some(),
        StepKind::SelfTalk => responses.self_talk.is_some(),
        StepKind::Fact(id) => responses.facts.get(id).is_some_and(|v| !v.is_empty()),
        StepKind::Stories | StepKind::Deals => true,
        StepKind::Numbers => !responses.numbers.is_empty(),
    };

    // Going on: the next question, or the result after the last one. A finished result is
    // worth keeping: then (not at every start) ask the browser to keep Groove's storage.
    let advance = {
        let state = state.clone();
        move || {
            if !last {
                return state.dispatch(Action::Next { now: now() });
            }
            state.dispatch(Action::Finish { now: now(), anyway: false });
            if state.persistence == Persistence::Saving {
                let dispatch = state.dispatcher();
                wasm_bindgen_futures::spawn_local(async move {
                    dispatch.dispatch(Action::Persistent(crate::browser::request_persistence().await));
                });
            }
        }
    };
    let onsubmit = {
        let advance = advance.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            advance();
        }
    };
    // Enter on a radio or checkbox goes on, as it would in a text field.
    let onkeydown = {
        move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            let is_choice = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| matches!(i.type_().as_str(), "radio" | "checkbox"));
            if is_choice {
                e.prevent_default();
                advance();
            }
        }
    };
    let back = {
        let s = state.clone();
        move |_| s.dispatch(Action::Back { now: now() })
    };
    let scored_total = bank.items().len();
    let scored_answered = bank.items().iter().filter(|i| responses.reply_to(&i.id).is_some()).count();

    html! {
        <section class="card wizard" aria-label="Diagnostic">
            <div class="progress">
                <p class="section-name">
                    <span>{format!("Part {} of {}: ", step.section + 1, wizard.sections.len())}</span>
                    <strong>{&section.title}</strong>
                    if section.len > 1 { <span class="count">{format!(" \u{00b7} question {} of {}", step.number, section.len)}</span> }
                </p>
                <progress max={wizard.steps.len().to_string()} value={(index + 1).to_string()}
                    aria-label={format!("Step {} of {}", index + 1, wizard.steps.len())}></progress>
            </div>
            <form {onsubmit} {onkeydown} novalidate=true>
                {body}
                if last {
                    <p class="hint">{format!("You answered {scored_answered} of {scored_total} scored questions. Skipped questions, and those that do not apply to you, are left out of the scores.")}</p>
                }
                <div class="nav">
                    <button type="button" onclick={back} disabled={index == 0}>{"Back"}</button>
                    <button type="submit" class="primary">{
                        if state.from_gaps { "Back to the missing questions" } else if last { "See my result" } else if answered { "Next" } else { "Skip" }
                    }</button>
                </div>
            </form>
            <div class="start-over">
                if confirming.asking(&()) {
                    <div role="group" aria-label="Start over?" class="confirm">
                        <p>{"Clear every answer of this assessment and start again? Finished results are kept."}</p>
                        <button type="button" class="danger" onclick={ let s = state.clone(); confirming.yes(move || s.dispatch(Action::StartOver)) }>{"Yes, clear my answers"}</button>
                        <button type="button" onclick={confirming.cancel()}>{"Keep them"}</button>
                    </div>
                } else {
                    <button type="button" class="link" onclick={confirming.ask(())}>{"Start over"}</button>
                }
            </div>
        </section>
    }
}
