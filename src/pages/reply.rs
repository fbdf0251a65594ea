//! A rater's reply opened by the seller (`#reply=`): whose view it is, which result it
//! answers, and how much they judged; kept with that result only on consent. A reply to a
//! result this device does not hold can be kept with a person's latest result instead (a
//! manager keeping one profile per rep); a damaged link changes nothing.

use crate::browser;
use crate::hooks::{leave_link, use_heading_focus};
use crate::state::{Action, Incoming, StateHandle};
use crate::widgets::link::{bad_link, person_choice};
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
        if judged == of {
            format!("They judged all {of} statements.")
        } else {
            format!("They judged {judged} of {of} statements; the rest they could not judge.")
        }
    }
    pub const WHY: &str = "Kept with that result, it shows beside your own answers: where you see the same, and where they see something you do not. It stays on this device; you can remove it at any time.";
    pub const KEEP: &str = "Keep it with that result";
    pub const NOT_NOW: &str = "Not now";
    pub const ALREADY: &str = "This view is already kept with that result.";
    pub const OPEN: &str = "Open the result";
    pub const ELSEWHERE: &str = "This reply answers a request made from a result that is not in this browser's Groove. If you took Groove inside a blog post, keep that result in Groove first, then open this link again.";
    /// On a device with several people (a manager's): the request was likely made on a
    /// rep's own device, or from a result kept here from their share link.
    pub const ELSEWHERE_TEAM: &str = "This reply answers a request made from a result that is not in this browser: perhaps on the person's own device, or from a result kept here from their share link (a share link carries the scores, not the result's own id). Keep it with that person's latest result below.";
    pub const CHOOSE: &str = "You can keep it with the latest result of one person here instead:";
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
    let leave = leave_link(state);
    let incoming = match &props.incoming {
        Err(why) => return bad_link("reply", say::BAD_TITLE, &say::bad(why), say::HOME, heading, leave),
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
            let choices: Vec<(String, String)> =
                people.iter().map(|(id, _, label)| (id.clone(), label.clone())).collect();
            let on_choose = {
                let chosen = chosen.clone();
                Callback::from(move |id| chosen.set(Some(id)))
            };
            html! {
                <>
                    <p data-testid="reply-target">{if state.doc.profiles.len() > 1 { say::ELSEWHERE_TEAM } else { say::ELSEWHERE }}</p>
                    <p>{judged}</p>
                    if !people.is_empty() {
                        {person_choice("keep-for", say::CHOOSE, false, &choices, chosen.as_deref(), &on_choose)}
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
