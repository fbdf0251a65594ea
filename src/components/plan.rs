//! The plan of the latest result, kept: a checklist of 7 / 30 / 90-day actions.

use super::StateHandle;
use crate::state::{Action, Screen};
use groove_core::diagnosis::diagnose_result;
use groove_core::plan::{build_plan, Plan};
use groove_core::schema::Profile;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

/// The latest result's plan and how many of its actions are done.
pub fn latest_plan(state: &StateHandle) -> Option<(String, Plan, usize, usize)> {
    let profile: &Profile = state.doc.profile();
    let latest = profile.latest()?;
    let bank = &state.content.bank;
    let plan = build_plan(bank, &diagnose_result(bank, latest), &latest.responses);
    let ids: Vec<&str> = plan.week.iter().chain(&plan.month).chain(&plan.quarter).map(|a| a.id.as_str()).collect();
    let (done, total) = (ids.iter().filter(|id| profile.is_done(&latest.id, id)).count(), ids.len());
    Some((latest.id.clone(), plan, done, total))
}

#[function_component(PlanView)]
pub fn plan_view(props: &Props) -> Html {
    let state = &props.state;
    let Some((result_id, plan, done, total)) = latest_plan(state) else {
        return html! {
            <section class="card">
                <h1 tabindex="-1">{"Your plan"}</h1>
                <p>{"Your plan appears here once you finish the diagnostic."}</p>
                <button type="button" class="primary" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Welcome)) }>{"Go to the diagnostic"}</button>
            </section>
        };
    };
    let profile = state.doc.profile();
    let group = |title: &str, actions: &[groove_core::plan::PlanAction]| {
        html! {
            <fieldset class="checklist">
                <legend><h2>{title}</h2></legend>
                { for actions.iter().map(|a| {
                    let id = format!("do-{}", a.id);
                    let checked = profile.is_done(&result_id, &a.id);
                    let onchange = {
                        let s = state.clone();
                        let (result, action) = (result_id.clone(), a.id.clone());
                        move |e: Event| {
                            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                            s.dispatch(Action::ToggleDone { result: result.clone(), action: action.clone(), on });
                        }
                    };
                    html! {
                        <label key={a.id.clone()} for={id.clone()} class={classes!("choice", checked.then_some("checked"))}>
                            <input type="checkbox" id={id} {checked} {onchange} />
                            <span>{&a.text}</span>
                        </label>
                    }
                }) }
            </fieldset>
        }
    };
    html! {
        <section class="card plan-page" aria-labelledby="plan-page-title">
            <h1 id="plan-page-title" tabindex="-1">{"Your plan"}</h1>
            <p data-testid="plan-progress">{format!("{done} of {total} actions done")}</p>
            <progress max={total.to_string()} value={done.to_string()} aria-label="Plan progress"></progress>
            {group("Next 7 days", &plan.week)}
            {group("Next 30 days", &plan.month)}
            {group("Next 90 days", &plan.quarter)}
            <div class="actions">
                <button type="button" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Review)) }>{"Do today's review"}</button>
            </div>
        </section>
    }
}
