//! The two-minute end-of-day review, its streak, and a calendar of reviewed days.

use crate::browser::local_today;
use crate::browser::now;
use crate::hooks::use_heading_focus;
use crate::state::Action;
use crate::state::StateHandle;
use groove_core::days::{civil_from_days, iso_date};
use groove_core::schema::Review;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

const FOLLOWED: [(&str, &str); 3] = [("yes", "Yes"), ("partly", "Partly"), ("no", "Not today")];

#[function_component(ReviewView)]
pub fn review_view(props: &Props) -> Html {
    let state = &props.state;
    let heading = use_heading_focus((), state.content.embed.embedded);
    let today = local_today();
    let today_iso = iso_date(today);
    let profile = state.doc.profile();
    let existing = profile.reviews.iter().find(|r| r.day == today_iso).cloned();
    let followed = use_state(|| existing.as_ref().map(|r| r.followed.clone()).unwrap_or_default());
    let worked = use_node_ref();
    let change = use_node_ref();
    let note = use_node_ref();
    let saved = use_state(|| false);
    let (days, current) = profile.review_streak(today);

    let onsubmit = {
        let s = state.clone();
        let (worked, change, note, followed, saved) =
            (worked.clone(), change.clone(), note.clone(), followed.clone(), saved.clone());
        let day = today_iso.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            let text = |r: &NodeRef| r.cast::<web_sys::HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            s.dispatch(Action::SaveReview(Review {
                day: day.clone(),
                followed: (*followed).clone(),
                worked: text(&worked),
                change: text(&change),
                note: text(&note),
                saved_at: now(),
            }));
            saved.set(true);
        }
    };
    // Five weeks back, Monday first, ending with this week.
    let weekday = (today + 3).rem_euclid(7); // 1970-01-01 was a Thursday; 0 = Monday
    let first = today - weekday - 28;

    html! {
        <section class="card review" aria-labelledby="review-title">
            <h1 id="review-title" tabindex="-1" ref={heading.clone()}>{"End-of-day review"}</h1>
            <p>{"Two minutes, once a day: look back honestly, keep one lesson, and set up tomorrow."}</p>
            <p class="streak" data-testid="streak">{
                match current { 0 => "No streak yet: today is a good day to start.".to_string(), 1 => "1-day streak".to_string(), n => format!("{n}-day streak") }
            }</p>
            <form {onsubmit}>
                <fieldset class="question">
                    <legend><h2>{"Did I do what I planned today?"}</h2></legend>
                    <div class="options inline">
                    { for FOLLOWED.iter().map(|&(value, label)| {
                        let id = format!("followed-{value}");
                        let checked = *followed == value;
                        let onchange = { let f = followed.clone(); move |_: Event| f.set(value.to_string()) };
                        html! { <label for={id.clone()} class={classes!("choice", checked.then_some("checked"))}><input type="radio" name="followed" id={id} {checked} {onchange} /><span>{label}</span></label> }
                    }) }
                    </div>
                </fieldset>
                <label class="field" for="review-worked">{"What worked with buyers today?"}</label>
                <textarea id="review-worked" ref={worked} rows="2" value={existing.as_ref().map(|r| r.worked.clone()).unwrap_or_default()} />
                <label class="field" for="review-change">{"What will I change tomorrow?"}</label>
                <textarea id="review-change" ref={change} rows="2" value={existing.as_ref().map(|r| r.change.clone()).unwrap_or_default()} />
                <label class="field" for="review-note">{"Anything else (a note to myself)"}</label>
                <textarea id="review-note" ref={note} rows="2" value={existing.as_ref().map(|r| r.note.clone()).unwrap_or_default()} />
                <div class="nav">
                    <button type="submit" class="primary">{ if existing.is_some() { "Update today's review" } else { "Save today's review" } }</button>
                </div>
                if *saved { <p role="status" class="ok-text">{"Saved. See you tomorrow."}</p> }
            </form>

            <h2>{"Reviewed days"}</h2>
            <div class="calendar-head" aria-hidden="true">{ for ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].iter().map(|d| html! { <span>{*d}</span> }) }</div>
            <div class="calendar" role="list" aria-label="The last five weeks">
            { for (0..35).map(|i| {
                let day = first + i;
                let (_, _, dd) = civil_from_days(day);
                let done = days.contains(&day);
                let future = day > today;
                let label = format!("{}: {}", iso_date(day), if future { "ahead" } else if done { "reviewed" } else { "not reviewed" });
                html! { <span role="listitem" key={day.to_string()} class={classes!("day", done.then_some("done"), future.then_some("future"), (day == today).then_some("today"))} aria-label={label} title={iso_date(day)}>{dd.to_string()}</span> }
            }) }
            </div>
            if !profile.reviews.is_empty() {
                <h2>{"Recent reviews"}</h2>
                <ul class="reviews">
                { for profile.reviews.iter().rev().take(7).map(|r| html! {
                    <li key={r.day.clone()}><strong>{&r.day}</strong>
                        if let Some((_, label)) = FOLLOWED.iter().find(|(v, _)| *v == r.followed) { <p>{"Did what I planned: "}{label.to_ascii_lowercase()}</p> }
                        if !r.worked.is_empty() { <p>{"Worked: "}{&r.worked}</p> }
                        if !r.change.is_empty() { <p>{"Change: "}{&r.change}</p> }
                        if !r.note.is_empty() { <p>{"Note: "}{&r.note}</p> }
                    </li>
                }) }
                </ul>
            }
        </section>
    }
}
