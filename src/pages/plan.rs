//! The plan of the latest result, kept: a checklist of 7 / 30 / 90-day actions, and a
//! daily review reminder for the person's calendar.

use crate::browser;
use crate::browser::now;
use crate::hooks::use_heading_focus;
use crate::state::StateHandle;
use crate::state::{Action, Screen};
use groove_core::ics::{daily_review_reminder, TimeOfDay, REVIEW_DEFAULT};
use groove_core::plan::latest_plan;
use yew::prelude::*;

/// Every sentence of this screen, in one place for translation.
mod say {
    pub const TITLE: &str = "Your plan";
    pub const EMPTY: &str = "Your plan appears here once you finish the diagnostic.";
    pub const GO: &str = "Go to the diagnostic";
    pub const WEEK: &str = "Next 7 days";
    pub const MONTH: &str = "Next 30 days";
    pub const QUARTER: &str = "Next 90 days";
    pub const PROGRESS: &str = "Plan progress";
    pub const REVIEW: &str = "Do today's review";
    pub fn done(done: usize, total: usize) -> String {
        format!("{done} of {total} actions done")
    }
    pub const REMIND_TITLE: &str = "A reminder to review";
    pub const REMIND_WHAT: &str = "The file adds a ten-minute event to your calendar at this time every day, with an alert and a link to today\u{2019}s review; it leaves you free, not busy. To change the time later, download it again: many calendars then replace the old event; if yours shows two, delete the older one.";
    pub const REMIND_TIME: &str = "Time of day";
    pub const REMIND: &str = "Remind me to review each day";
    pub const NO_TIME: &str = "Choose a time first, such as 17:30.";
    pub const FILE: &str = "groove-daily-review.ics";
    pub fn downloaded(time: &str) -> String {
        format!("Downloaded {FILE}: open it to add a daily {time} reminder to your calendar.")
    }
    pub fn failed(why: &str) -> String {
        format!("The calendar file could not be made: {why}.")
    }
}

/// "Remind me to review each day": a time input and a download of a recurring event.
#[derive(Properties, PartialEq)]
struct ReminderProps {
    /// The profile's id: downloading again replaces this profile's reminder.
    profile: AttrValue,
}

#[function_component(DailyReminder)]
fn daily_reminder(props: &ReminderProps) -> Html {
    let time = use_state(|| REVIEW_DEFAULT.text());
    let message = use_state(|| None::<Result<String, String>>);
    let oninput = {
        let time = time.clone();
        move |e: InputEvent| time.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
    };
    let onsubmit = {
        let (time, message, profile) = (time.clone(), message.clone(), props.profile.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let Some(at) = TimeOfDay::parse(&time) else {
                message.set(Some(Err(say::NO_TIME.to_string())));
                return;
            };
            let url = format!("{}{}", browser::page_url(), browser::REVIEW_FRAGMENT);
            let ics = daily_review_reminder(now(), browser::local_today(), at, &url, &profile);
            message.set(Some(match browser::download(say::FILE, "text/calendar", &ics) {
                Ok(()) => Ok(say::downloaded(&at.text())),
                Err(why) => Err(say::failed(&why)),
            }));
        }
    };
    let invalid = matches!(*message, Some(Err(_))) && TimeOfDay::parse(&time).is_none();
    html! {
        <section class="remind" aria-labelledby="remind-title">
            <h2 id="remind-title">{say::REMIND_TITLE}</h2>
            <p id="remind-what" class="small">{say::REMIND_WHAT}</p>
            <form class="inline-form" {onsubmit} novalidate=true>
                <label class="field" for="review-time">{say::REMIND_TIME}</label>
                <input id="review-time" type="time" required=true value={(*time).clone()} {oninput}
                    aria-describedby="remind-what" aria-invalid={invalid.then_some("true")} />
                <button type="submit">{say::REMIND}</button>
            </form>
            <p role="status" class="small" data-testid="remind-status">{ match &*message {
                Some(Ok(done)) => done.as_str(),
                _ => "",
            } }</p>
            if let Some(Err(why)) = &*message { <p role="alert" class="notice">{why}</p> }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

#[function_component(PlanView)]
pub fn plan_view(props: &Props) -> Html {
    let state = &props.state;
    let heading = use_heading_focus((), state.content.embed.embedded);
    let Some((result_id, plan, done, total)) = latest_plan(&state.content.bank, state.doc.profile()) else {
        return html! {
            <section class="card">
                <h1 tabindex="-1" ref={heading.clone()}>{say::TITLE}</h1>
                <p>{say::EMPTY}</p>
                <button type="button" class="primary" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Welcome)) }>{say::GO}</button>
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
                            <span>
                                if let Some(lead) = &a.lead { <strong>{lead}{" "}</strong> }
                                {&a.text}
                            </span>
                        </label>
                    }
                }) }
            </fieldset>
        }
    };
    html! {
        <section class="card plan-page" aria-labelledby="plan-page-title">
            <h1 id="plan-page-title" tabindex="-1" ref={heading.clone()}>{say::TITLE}</h1>
            <p data-testid="plan-progress">{say::done(done, total)}</p>
            <progress max={total.to_string()} value={done.to_string()} aria-label={say::PROGRESS}></progress>
            if let Some(first) = &plan.talk_first { <p class="urgency" data-testid="talk-first">{first}</p> }
            {group(say::WEEK, &plan.week)}
            {group(say::MONTH, &plan.month)}
            {group(say::QUARTER, &plan.quarter)}
            <div class="actions">
                <button type="button" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Review)) }>{say::REVIEW}</button>
            </div>
            // Unique to this person on this device, and stable across retakes: the profile
            // and its first result (an id with the time it was finished).
            <DailyReminder profile={format!("{}-{}", state.doc.active, state.doc.profile().results.iter().map(|r| r.finished_at).min().unwrap_or(0))} />
        </section>
    }
}
