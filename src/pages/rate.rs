//! Rating someone else's work from their request link (`#ask=`): an opening page, each
//! scored item in the third person with "I can't judge this", a progress bar, and a reply
//! link to send back. The rater's answers live in the screen's state only: nothing is stored.

use crate::browser;
use crate::hooks::{leave_link, use_heading_focus};
use crate::state::Action;
use crate::state::StateHandle;
use crate::widgets::link::bad_link;
use crate::widgets::question::AgreeQuestion;
use groove_core::answers::Reply;
use groove_core::rater::{request_id, Rating};
use std::rc::Rc;
use yew::prelude::*;

/// Every sentence of this screen, in one place for translation.
mod say {
    pub fn title(about: &str) -> String {
        if about.is_empty() {
            "Someone asked for your view of their work".into()
        } else {
            format!("{about} asked for your view of their work")
        }
    }
    pub fn intro(items: usize) -> String {
        format!("{items} short statements about how they sell. Answer from what you have seen of their work; where you have not seen enough, choose \u{201c}I can't judge this\u{201d}. It takes about five minutes.")
    }
    pub const PRIVATE: &str = "You will not see their own answers, and they will not see yours until you send them. Groove keeps nothing of what you answer here: at the end you get a link to send back, by email or chat.";
    pub const OWN: &str = "This is a request you made from a result in this browser. Send the link to someone who sees your work: their view is the point, and your own answers are already in the result.";
    pub const BEGIN: &str = "Begin";
    pub const LEAVE: &str = "Leave without answering";
    pub fn progress(at: usize, of: usize) -> String {
        format!("Statement {at} of {of}")
    }
    pub const ABOUT: &str = "About their work";
    pub const BACK: &str = "Back";
    pub const NEXT: &str = "Next";
    pub const SKIP: &str = "Skip";
    pub const FINISH: &str = "Make my reply";
    pub const DONE_TITLE: &str = "Your reply is ready";
    pub fn done(about: &str) -> String {
        let who = if about.is_empty() { "the person who asked you" } else { about };
        format!("Send this link back to {who}. It holds your answers and nothing else, in the part after #, which browsers never send to a server.")
    }
    pub const COPY: &str = "Copy the reply link";
    pub const COPIED: &str = "Copied. Paste it into an email or a chat message.";
    pub const NOT_COPIED: &str = "Copy the link from the box above.";
    pub const LINK: &str = "Reply link";
    pub const NONE_JUDGED: &str =
        "You have not judged any statement yet, so there is nothing to send. Go back and answer the ones you can.";
    pub fn counted(judged: usize, of: usize) -> String {
        if judged == of {
            format!("You judged all {of} statements.")
        } else {
            format!("You judged {judged} of {of} statements; the rest are sent as \u{201c}can't judge\u{201d}.")
        }
    }
    pub const BAD_TITLE: &str = "This request cannot be opened";
    pub fn bad(why: &str) -> String {
        format!("Groove could not read it: {why}. Ask for the link again, copied whole.")
    }
    pub const HOME: &str = "Go to Groove";
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
    pub rating: Result<Rc<Rating>, String>,
}

#[function_component(RateView)]
pub fn rate_view(props: &Props) -> Html {
    let state = &props.state;
    let copied = use_state(|| None::<bool>);
    let step = props.rating.as_ref().ok().and_then(|r| r.step);
    let heading = use_heading_focus(step, state.content.embed.embedded);
    let bank = state.content.bank.clone();
    let leave = leave_link(state);
    let rating = match &props.rating {
        Err(why) => return bad_link("rate", say::BAD_TITLE, &say::bad(why), say::HOME, heading, leave),
        Ok(r) => r.clone(),
    };
    let items = bank.items();
    let about = rating.request.about.clone();
    let go = |by: isize| {
        let s = state.clone();
        move |_| s.dispatch(Action::RateGo(by))
    };
    // The seller opening their own request: a result of this browser made it.
    // On a device that keeps several people (a manager's), answering a rep's request here is
    // what it is for, so only a one-person device is told.
    let own = state.doc.profiles.len() == 1
        && state.doc.profiles.iter().flat_map(|p| &p.results).any(|r| request_id(&r.id) == rating.request.id);
    let Some(at) = rating.step else {
        return html! {
            <section class="card" aria-labelledby="rate-title" data-testid="rate">
                <h1 id="rate-title" tabindex="-1" ref={heading}>{say::title(&about)}</h1>
                <p>{say::intro(items.len())}</p>
                <p class="small">{say::PRIVATE}</p>
                if own { <p class="notice" role="note" data-testid="own-request">{say::OWN}</p> }
                <div class="actions">
                    <button type="button" class="primary" onclick={go(1)}>{say::BEGIN}</button>
                    <button type="button" onclick={leave}>{say::LEAVE}</button>
                </div>
            </section>
        };
    };
    let Some(item) = items.get(at) else {
        let reply = rating.reply(&bank).map(|text| browser::app_link(&format!("reply={text}")));
        let copy = reply.clone().map(|link| {
            let copied = copied.clone();
            move |_| {
                let (link, copied) = (link.clone(), copied.clone());
                wasm_bindgen_futures::spawn_local(async move { copied.set(Some(browser::copy_text(&link).await)) });
            }
        });
        return html! {
            <section class="card" aria-labelledby="rate-title" data-testid="rate">
                <h1 id="rate-title" tabindex="-1" ref={heading}>{say::DONE_TITLE}</h1>
                if let (Some(link), Some(copy)) = (reply, copy) {
                    <p>{say::done(&about)}</p>
                    <p class="small">{say::counted(rating.view.answers.len(), items.len())}</p>
                    <label class="field" for="reply-link">{say::LINK}</label>
                    <textarea id="reply-link" readonly=true rows="4" value={link} data-testid="reply-link" />
                    <div class="actions">
                        <button type="button" class="primary" onclick={copy}>{say::COPY}</button>
                        <button type="button" onclick={go(-1)}>{say::BACK}</button>
                    </div>
                    if let Some(ok) = *copied { <p role="status">{ if ok { say::COPIED } else { say::NOT_COPIED } }</p> }
                } else {
                    <p>{say::NONE_JUDGED}</p>
                    <button type="button" class="primary" onclick={go(-1)}>{say::BACK}</button>
                }
            </section>
        };
    };
    let value = match (rating.view.answers.get(&item.id), rating.view.cant_judge.contains(&item.id)) {
        (Some(a), _) => Some(Reply::Answer(*a)),
        (None, true) => Some(Reply::NotApplicable),
        _ => None,
    };
    let on_reply = {
        let (s, id) = (state.clone(), item.id.clone());
        Callback::from(move |reply: Reply| {
            let answer = match reply {
                Reply::Answer(a) => Some(a),
                Reply::NotApplicable => None,
            };
            s.dispatch(Action::Rate { item: id.clone(), answer })
        })
    };
    let onsubmit = {
        let s = state.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            s.dispatch(Action::RateGo(1));
        }
    };
    // Enter on a choice goes on, as in the seller's own questions.
    let onkeydown = {
        let s = state.clone();
        move |e: KeyboardEvent| {
            let on_choice = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.type_() == "radio");
            if e.key() == "Enter" && on_choice {
                e.prevent_default();
                s.dispatch(Action::RateGo(1));
            }
        }
    };
    let last = at + 1 == items.len();
    html! {
        <section class="card wizard" aria-label={say::title(&about)} data-testid="rate">
            <div class="progress">
                <p class="section-name"><strong>{say::ABOUT}</strong>
                    <span class="count">{format!(" \u{00b7} {}", say::progress(at + 1, items.len()))}</span></p>
                <progress max={items.len().to_string()} value={(at + 1).to_string()}
                    aria-label={say::progress(at + 1, items.len())}></progress>
            </div>
            <form {onsubmit} {onkeydown} novalidate=true>
                <AgreeQuestion bank={bank.clone()} name={format!("rate-{}", item.id)} text={item.text_other.clone()}
                    scale={item.scale} {value} heading={heading.clone()} not_applicable=true
                    na_label={AttrValue::from(bank.cant_judge().to_string())} {on_reply} />
                <div class="nav">
                    <button type="button" onclick={go(-1)}>{say::BACK}</button>
                    <button type="submit" class="primary">{
                        if last { say::FINISH } else if value.is_some() { say::NEXT } else { say::SKIP }
                    }</button>
                </div>
            </form>
        </section>
    }
}
