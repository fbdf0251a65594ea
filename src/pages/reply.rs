//! A rater's reply opened by the seller (`#reply=`): whose view it is, which result it
//! answers, and how much they judged; kept with that result only on consent. A reply to a
//! result this device does not hold can be kept with a person's latest result instead (a
//! manager keeping one profile per rep); a damaged link changes nothing.

use crate::browser;
use crate::hooks::use_heading_focus;
use crate::state::{Action, Incoming, Screen, StateHandle};
use std::rc::Rc;
use yew::prelude::*;

/// Every sentence of this screen, in one place for translation.
mod say {
    pub fn title(name: &str) -> String {
        if name.is_empty() {
            "A view of your work from someone you asked".into()
        } else {
            format!("{name}'s view of your work")
        }
    }
    pub fn answers(date: &str, person: &str) -> String {
        if person.is_empty() {
            format!("It answers the request you made from your result of {date}.")
        } else {
            format!("It answers the request made from {person}'s result of {date}.")
        }
    }
    pub fn judged(judged: usize, of: usize) -> String {
        format!("They judged {judged} of {of} statements; the rest they could not judge.")
    }
    pub const WHY: &str = "Kept with that result, it shows beside your own answers: where you see the same, and where they see something you do not. It stays on this device; you can remove it at any time.";
    pub const KEEP: &str = "Keep it with that result";
    pub const NOT_NOW: &str = "Not now";
    pub const ALREADY: &str = "This view is already kept with that result.";
    pub const OPEN: &str = "Open the result";
    pub const ELSEWHERE: &str = "This reply answers a request made from a result that is not in this browser's Groove. If you took Groove inside a blog post, keep that result in Groove first, then open this link again.";
    pub const CHOOSE: &str = "Or keep it with the latest result of:";
    pub const YOU: &str = "You";
    pub const KEEP_WITH: &str = "Keep it there";
    pub const BAD_TITLE: &str = "This reply cannot be opened";
    pub fn bad(why: &str) -> String {
        format!("Groove could not read it: {why}. Nothing was changed. Ask for the link again, copied whole.")
    }
    pub const HOME: &str = "Go to Groove";
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
    pub incoming: Result<Rc<Incoming>, String>,
}

#[function_component(ReplyView)]
pub fn reply_view(props: &Props) -> Html {
    let state = &props.state;
    let heading = use_heading_focus((), state.content.embed.embedded);
    let chosen = use_state(|| None::<String>);
    let leave = {
        let s = state.clone();
        move |_| {
            browser::clear_fragment();
            s.dispatch(Action::Go(Screen::Welcome));
        }
    };
    let incoming = match &props.incoming {
        Err(why) => {
            return html! {
                <section class="card" aria-labelledby="reply-title" data-testid="reply">
                    <h1 id="reply-title" tabindex="-1" ref={heading}>{say::BAD_TITLE}</h1>
                    <p data-testid="reply-error">{say::bad(why)}</p>
                    <button type="button" class="primary" onclick={leave}>{say::HOME}</button>
                </section>
            }
        }
        Ok(i) => i.clone(),
    };
    let bank = &state.content.bank;
    let rater = &incoming.rater;
    let keep = |profile: String, result: String| {
        let (s, rater) = (state.clone(), rater.clone());
        move |_| {
            browser::clear_fragment();
            s.dispatch(Action::KeepRater { profile: profile.clone(), result: result.clone(), rater: rater.clone() });
        }
    };
    let judged = say::judged(rater.view.answers.len(), bank.items().len());
    let body = match &incoming.target {
        Some((profile, result)) => {
            let owner = state.doc.profiles.iter().find(|p| &p.id == profile);
            let found = owner.and_then(|p| p.results.iter().find(|r| &r.id == result));
            let date = found.map(|r| browser::date_text(r.finished_at)).unwrap_or_default();
            let person = owner.map(|p| p.name.as_str()).unwrap_or_default();
            let already = found.is_some_and(|r| r.raters.iter().any(|k| k.id == rater.id));
            html! {
                <>
                    <p data-testid="reply-target">{say::answers(&date, person)}</p>
                    <p>{judged}</p>
                    if already {
                        <p data-testid="reply-summary">{say::ALREADY}</p>
                        <button type="button" class="primary" onclick={keep(profile.clone(), result.clone())}>{say::OPEN}</button>
                    } else {
                        <p class="small">{say::WHY}</p>
                        <div class="actions">
                            <button type="button" class="primary" onclick={keep(profile.clone(), result.clone())}>{say::KEEP}</button>
                            <button type="button" onclick={leave}>{say::NOT_NOW}</button>
                        </div>
                    }
                </>
            }
        }
        None => {
            let people: Vec<(String, String, String)> = state
                .doc
                .profiles
                .iter()
                .filter_map(|p| {
                    let latest = p.latest()?;
                    let name = if p.name.is_empty() { say::YOU.to_string() } else { p.name.clone() };
                    Some((
                        p.id.clone(),
                        latest.id.clone(),
                        format!("{name} ({})", browser::date_text(latest.finished_at)),
                    ))
                })
                .collect();
            let pick = people.iter().find(|p| Some(&p.0) == chosen.as_ref()).cloned();
            html! {
                <>
                    <p data-testid="reply-target">{say::ELSEWHERE}</p>
                    <p>{judged}</p>
                    if !people.is_empty() {
                        <fieldset class="question">
                            <legend>{say::CHOOSE}</legend>
                            <div class="options">
                            { for people.iter().map(|(id, _, label)| {
                                let (chosen, pid) = (chosen.clone(), id.clone());
                                let checked = chosen.as_deref() == Some(id.as_str());
                                html! {
                                    <label class={classes!("choice", checked.then_some("checked"))} for={format!("keep-for-{id}")}>
                                        <input type="radio" name="keep-for" id={format!("keep-for-{id}")} {checked}
                                            onchange={move |_| chosen.set(Some(pid.clone()))} />
                                        <span>{label}</span>
                                    </label>
                                }
                            }) }
                            </div>
                        </fieldset>
                    }
                    <div class="actions">
                        if let Some((profile, result, _)) = pick {
                            <button type="button" class="primary" onclick={keep(profile, result)}>{say::KEEP_WITH}</button>
                        }
                        <button type="button" onclick={leave}>{say::NOT_NOW}</button>
                    </div>
                </>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="reply-title" data-testid="reply">
            <h1 id="reply-title" tabindex="-1" ref={heading}>{say::title(&rater.name)}</h1>
            {body}
        </section>
    }
}
