//! Self and outside, side by side (the result screen): each cause's score from the seller
//! and from the people who rated them, where the two part ways on the cause to start with,
//! blind spots and hidden strengths worded kindly, every statement side by side, and each
//! rater with a way to remove their view. Also the form that makes a request link.

use groove_core::bank::Bank;
use groove_core::outside::{Disagreement, Outside};
use groove_core::Cause;
use std::rc::Rc;
use yew::prelude::*;

/// Every sentence of these widgets, in one place for translation.
mod say {
    use crate::widgets::verdict::list;
    use groove_core::diagnosis::Flag;
    pub const TITLE: &str = "You and the view from outside";
    pub fn from(names: &[String], count: usize) -> String {
        let named: Vec<&str> = names.iter().filter(|n| !n.is_empty()).map(String::as_str).collect();
        match (named.len(), count) {
            (0, 1) => "One person who sees your work answered the same habits about you.".into(),
            (0, n) => format!("{n} people who see your work answered the same habits about you."),
            (k, n) if k == n => format!("{} answered the same habits about you.", named.join(", ")),
            (_, n) => format!("{} and {} more answered the same habits about you.", named.join(", "), n - named.len()),
        }
    }
    pub fn disagree(own: Option<&str>, outside: &[String], unjudged: &[String], gap_below: bool) -> String {
        let b = list(outside);
        let looks = if outside.len() > 1 { "look" } else { "looks" };
        let head = match (own, outside.is_empty()) {
            (Some(a), false) => format!("You point to {a} first; the view from outside points to {b}."),
            (Some(a), true) => format!("You point to {a}; from outside, it looks healthy."),
            (None, false) => format!("Your own answers show no weak habit; from outside, {b} {looks} weak."),
            (None, true) => String::new(),
        };
        let next = if gap_below {
            " Start with the largest gap below, and ask them what they saw."
        } else {
            " Ask them what they saw."
        };
        let partial = if unjudged.is_empty() {
            String::new()
        } else {
            format!(" They could not judge {}, so it is left out of their view.", list(unjudged))
        };
        format!("{head}{partial} Neither view is the whole truth: in a slump people often judge their own work askew, and someone else sees only part of it.{next}")
    }
    /// A rater whose answers fail the seller's own response-quality rules.
    pub fn set_aside(name: &str, why: Flag) -> String {
        let who = if name.is_empty() { "One view".to_string() } else { format!("{name}\u{2019}s view") };
        let reason = match why {
            Flag::StraightLining => "almost every answer was the same, so it cannot tell habits apart",
            Flag::AnswerStyle => "most statements got the same kind of answer whichever way they were worded",
            _ => "several pairs of opposite statements got the same answer",
        };
        format!("{who} is left out of the comparison: {reason}. Ask them to answer again with the same link and remove this view below, or ask someone else.")
    }
    pub const CAUSE: &str = "Cause";
    pub const YOU: &str = "You";
    pub const OUTSIDE: &str = "From outside";
    pub const TOO_FEW: &str = "too few judged";
    pub const BLIND: &str = "Seen as less healthy from outside";
    pub const BLIND_WHY: &str = "Others see these habits as weaker than you do. That does not make them right; it is the place to ask what they saw.";
    pub const HIDDEN: &str = "Strengths others see";
    pub const HIDDEN_WHY: &str =
        "Others see these habits as stronger than you do: you may be selling yourself short here.";
    pub const NO_ANSWERS: &str = "No statement was answered on both sides (or the answers behind this result are not on this device), so habits cannot be compared one by one: only the causes above.";
    pub const SAME: &str = "No habit is two or more steps apart: you see your work much as they do.";
    pub fn pair(text: &str, own: &str, others: &str) -> String {
        format!("\u{201c}{text}\u{201d} You: {own}. From outside: {others}.")
    }
    pub const KEPT: &str = "Views kept with this result:";
    pub const EVERY: &str = "Every statement, side by side";
    pub const STATEMENT: &str = "Statement (as you answered it)";
    pub const NONE: &str = "\u{2014}";
    pub fn remove(name: &str) -> String {
        if name.is_empty() {
            "Remove this view".into()
        } else {
            format!("Remove {name}'s view")
        }
    }
    pub const SOMEONE: &str = "Someone you asked";

    pub const ASK_TITLE: &str = "Ask someone who sees your work";
    pub const ASK_WHY: &str = "A manager, coach or peer answers the same habits about you, in about five minutes. Their view beside yours shows what you may not see at a low point.";
    pub const ASK_PRIVATE: &str = "The link carries the question set and the names you type here, never your answers. Their reply comes back as a link that you open here.";
    pub const ASK_ABOUT: &str = "Your first name (optional, so they know who asks)";
    pub const ASK_TO: &str = "Their name (optional, so you know whose view comes back)";
    pub const ASK_MAKE: &str = "Make a request link";
    pub const ASK_LINK: &str = "Request link";
    pub const ASK_WIDGET: &str = "Their reply opens in Groove itself, not in this page: keep this result in Groove first (below), so the reply finds it.";
}

/// A score for the table, or why there is none.
fn score(s: Option<u8>) -> String {
    s.map_or(say::TOO_FEW.to_string(), |s| s.to_string())
}

/// The scale label nearest a mean health, the item's key applied.
fn label_of(bank: &Bank, item: &str, health: f64) -> String {
    groove_core::outside::label(bank, item, health).unwrap_or_default().to_string()
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bank: Rc<Bank>,
    pub outside: Rc<Outside>,
    /// The seller's own scores per cause.
    pub own: groove_core::PerCause<Option<u8>>,
    pub disagreement: Option<Disagreement>,
    /// (rater id, name) of each rater kept.
    pub raters: Vec<(String, String)>,
    pub on_remove: Callback<String>,
}

#[function_component(OutsideView)]
pub fn outside_view(props: &Props) -> Html {
    let (bank, out) = (&props.bank, &props.outside);
    let names: Vec<String> = props.raters.iter().map(|(_, n)| n.clone()).collect();
    // Statements both sides answered: only these can show a gap, or its absence.
    let compared = out.items.iter().filter(|i| i.gap().is_some()).count();
    let cause_name = |c: Cause| bank.cause(c).name.clone();
    // The seller's own answer, as its label: from the health the comparison holds.
    let own_label = |id: &str| Some(label_of(bank, id, f64::from(out.item(id)?.own?)));
    let line = |id: &String| {
        let Some(item) = bank.item(id) else { return html! {} };
        let others = out.item(id).and_then(|v| v.others).map(|h| label_of(bank, id, h)).unwrap_or_default();
        html! {
            <li key={id.clone()}><strong>{&item.habit}</strong>
                <span class="pair">{say::pair(&item.text, &own_label(id).unwrap_or_default(), &others)}</span></li>
        }
    };
    html! {
        <section aria-labelledby="outside-title" data-testid="outside">
            <h2 id="outside-title">{say::TITLE}</h2>
            <p>{say::from(&names, out.raters)}</p>
            { for out.set_aside.iter().map(|&(at, why)| html! {
                <p class="notice" data-testid="set-aside">{say::set_aside(names.get(at).map_or("", String::as_str), why)}</p>
            }) }
            if let Some(d) = &props.disagreement {
                <p class="notice" data-testid="outside-disagrees">{say::disagree(
                    d.own.map(cause_name).as_deref(), &d.outside.iter().map(|&c| cause_name(c)).collect::<Vec<_>>(),
                    &d.unjudged.iter().map(|&c| cause_name(c)).collect::<Vec<_>>(), !out.blind_spots.is_empty())}</p>
            }
            // Every view set aside: nothing is compared, so nothing is shown as compared.
            if out.set_aside.len() < out.raters {
            <table class="side-by-side" data-testid="outside-scores">
                <thead><tr><th scope="col">{say::CAUSE}</th><th scope="col">{say::YOU}</th><th scope="col">{say::OUTSIDE}</th></tr></thead>
                <tbody>{ for Cause::ALL.iter().map(|&c| html! {
                    <tr key={c.id()}><th scope="row">{cause_name(c)}</th>
                        <td>{score(*props.own.get(c))}</td><td>{score(*out.scores.get(c))}</td></tr>
                }) }</tbody>
            </table>
            if !out.blind_spots.is_empty() {
                <h3>{say::BLIND}</h3>
                <p class="small">{say::BLIND_WHY}</p>
                <ul class="gaps" data-testid="blind-spots">{ for out.blind_spots.iter().map(line) }</ul>
            }
            if !out.hidden_strengths.is_empty() {
                <h3>{say::HIDDEN}</h3>
                <p class="small">{say::HIDDEN_WHY}</p>
                <ul class="gaps" data-testid="hidden-strengths">{ for out.hidden_strengths.iter().map(line) }</ul>
            }
            if compared == 0 {
                <p>{say::NO_ANSWERS}</p>
            } else if out.blind_spots.is_empty() && out.hidden_strengths.is_empty() {
                <p>{say::SAME}</p>
            }
            <details>
                <summary>{say::EVERY}</summary>
                <table class="side-by-side">
                    <thead><tr><th scope="col">{say::STATEMENT}</th><th scope="col">{say::YOU}</th><th scope="col">{say::OUTSIDE}</th></tr></thead>
                    <tbody>{ for out.items.iter().filter_map(|v| {
                        let item = bank.item(&v.item)?;
                        let others = v.others.map(|h| label_of(bank, &v.item, h));
                        Some(html! { <tr key={v.item.clone()}><th scope="row">{&item.text}</th>
                            <td>{own_label(&v.item).unwrap_or_else(|| say::NONE.into())}</td>
                            <td>{others.unwrap_or_else(|| say::NONE.into())}</td></tr> })
                    }) }</tbody>
                </table>
            </details>
            }
            <p class="small">{say::KEPT}</p>
            <ul class="raters">{ for props.raters.iter().map(|(id, name)| {
                let (on_remove, rid) = (props.on_remove.clone(), id.clone());
                html! { <li key={id.clone()}>
                    {if name.is_empty() { say::SOMEONE } else { name.as_str() }}{" "}
                    <button type="button" class="link" onclick={move |_| on_remove.emit(rid.clone())}>{say::remove(name)}</button>
                </li> }
            }) }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct AskProps {
    /// The request link once made.
    pub link: Option<String>,
    /// What happened to it (copied, or copy it by hand).
    pub message: Option<String>,
    /// Inside a blog's widget: the reply opens in Groove itself.
    pub embedded: bool,
    /// (the seller's first name, the rater's name), as typed.
    pub on_make: Callback<(String, String)>,
}

#[function_component(AskSomeone)]
pub fn ask_someone(props: &AskProps) -> Html {
    let about = use_state(String::new);
    let to = use_state(String::new);
    let input = |field: &yew::UseStateSetter<String>| {
        let field = field.clone();
        move |e: InputEvent| field.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
    };
    let onsubmit = {
        let (about, to, on_make) = (about.clone(), to.clone(), props.on_make.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            on_make.emit(((*about).clone(), (*to).clone()));
        }
    };
    html! {
        <section aria-labelledby="ask-title" data-testid="ask">
            <h2 id="ask-title">{say::ASK_TITLE}</h2>
            <p>{say::ASK_WHY}</p>
            <p class="small">{say::ASK_PRIVATE}</p>
            if props.embedded { <p class="small">{say::ASK_WIDGET}</p> }
            <form {onsubmit} class="ask">
                <label class="field" for="ask-about">{say::ASK_ABOUT}</label>
                <input id="ask-about" type="text" maxlength="40" autocomplete="given-name" value={(*about).clone()} oninput={input(&about.setter())} />
                <label class="field" for="ask-to">{say::ASK_TO}</label>
                <input id="ask-to" type="text" maxlength="40" autocomplete="off" value={(*to).clone()} oninput={input(&to.setter())} />
                <div class="actions"><button type="submit">{say::ASK_MAKE}</button></div>
            </form>
            if let Some(link) = &props.link {
                if let Some(m) = &props.message { <p role="status">{m}</p> }
                <label class="field" for="ask-link">{say::ASK_LINK}</label>
                <textarea id="ask-link" readonly=true rows="3" value={link.clone()} data-testid="ask-link" />
            }
        </section>
    }
}
