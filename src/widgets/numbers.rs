//! The optional numbers step: a typical week now and a week in the best month
//! (conversations, first meetings, proposals, deals won), the average deal size and the
//! month's target. Native number fields; anything that is not a sane whole number is
//! named beside its field and left out.

use groove_core::numbers::{parse_count, Numbers, Week, MAX_MONEY, MAX_WEEKLY};
use std::collections::BTreeMap;
use yew::prelude::*;

/// Every sentence of this step, in one place for translation.
mod say {
    pub const TITLE: &str = "Your numbers, if you have them";
    pub const WHY: &str = "Numbers before opinions: with them, Groove checks your answers against what you actually did and works out the weekly activity your target needs. Skip this step if you do not know them; leave any field blank.";
    pub const NOW: &str = "A typical week now";
    pub const BEST: &str = "A week in your best month";
    pub const MONEY: &str = "Deal size and target";
    pub const CONVERSATIONS: &str = "Conversations with buyers";
    pub const MEETINGS: &str = "First meetings";
    pub const PROPOSALS: &str = "Proposals sent";
    pub const WON: &str = "Deals won";
    pub const DEAL_SIZE: &str = "Average deal size";
    pub const TARGET: &str = "Target for a month";
    pub fn problem(label: &str, why: &str) -> String {
        format!("{label}: {why}. It is left out.")
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub numbers: Numbers,
    pub heading: NodeRef,
    pub on_change: Callback<Numbers>,
}

/// Which field: a week (now or best) and its count, or a money amount.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Field {
    Week { best: bool, count: usize },
    DealSize,
    Target,
}

const COUNTS: [&str; 4] = [say::CONVERSATIONS, say::MEETINGS, say::PROPOSALS, say::WON];

fn week_count(w: &Week, count: usize) -> u32 {
    [w.conversations, w.meetings, w.proposals, w.won][count]
}

fn set_week(w: &mut Week, count: usize, v: u32) {
    match count {
        0 => w.conversations = v,
        1 => w.meetings = v,
        2 => w.proposals = v,
        _ => w.won = v,
    }
}

/// The numbers with one field set (None clears it; a week with nothing left is dropped).
fn with(numbers: &Numbers, field: Field, value: Option<u32>) -> Numbers {
    let mut n = numbers.clone();
    match field {
        Field::Week { best, count } => {
            let slot = if best { &mut n.best } else { &mut n.now };
            let mut week = slot.unwrap_or_default();
            set_week(&mut week, count, value.unwrap_or(0));
            *slot = (week != Week::default()).then_some(week);
        }
        Field::DealSize => n.deal_size = value,
        Field::Target => n.target = value,
    }
    n
}

#[function_component(NumbersQuestion)]
pub fn numbers_question(props: &Props) -> Html {
    // A field's text that could not be used, and why, by field: shown in it and beside it
    // until it is fixed. The field itself is left out of the numbers meanwhile.
    let problems = use_state(BTreeMap::<Field, (String, String)>::new);
    let field = |field: Field, id: String, label: &'static str, value: Option<u32>, max: u32| {
        let error_id = format!("{id}-problem");
        let problem = problems.get(&field).cloned();
        let onchange = {
            let (numbers, on_change, problems) = (props.numbers.clone(), props.on_change.clone(), problems.clone());
            move |e: Event| {
                let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                let mut p = (*problems).clone();
                match parse_count(&text, max) {
                    Ok(v) => {
                        p.remove(&field);
                        on_change.emit(with(&numbers, field, v));
                    }
                    Err(why) => {
                        p.insert(field, (text, say::problem(label, &why)));
                        on_change.emit(with(&numbers, field, None));
                    }
                }
                problems.set(p);
            }
        };
        html! {
            <div class="number">
                <label for={id.clone()}>{label}</label>
                <input id={id.clone()} type="text" inputmode="numeric" autocomplete="off"
                    value={problem.as_ref().map(|(text, _)| text.clone()).or(value.map(|v| v.to_string())).unwrap_or_default()}
                    aria-invalid={problem.is_some().then_some("true")}
                    aria-describedby={problem.is_some().then(|| error_id.clone())} {onchange} />
                if let Some((_, why)) = problem { <p id={error_id} class="field-problem" role="alert">{why}</p> }
            </div>
        }
    };
    let week = |best: bool, title: &'static str| {
        let w = if best { props.numbers.best } else { props.numbers.now };
        let prefix = if best { "numbers-best" } else { "numbers-now" };
        html! {
            <fieldset class="number-group">
                <legend>{title}</legend>
                { for (0..4).map(|count| {
                    let value = w.map(|w| week_count(&w, count)).filter(|&v| v > 0 || w.is_some_and(|w| w != Week::default()));
                    field(Field::Week { best, count }, format!("{prefix}-{count}"), COUNTS[count], value, MAX_WEEKLY)
                }) }
            </fieldset>
        }
    };
    html! {
        <fieldset class="question numbers">
            <legend><h2 tabindex="-1" ref={props.heading.clone()}>{say::TITLE}</h2></legend>
            <p class="hint">{say::WHY}</p>
            <div class="number-groups">
                {week(false, say::NOW)}
                {week(true, say::BEST)}
                <fieldset class="number-group">
                    <legend>{say::MONEY}</legend>
                    {field(Field::DealSize, "numbers-deal-size".into(), say::DEAL_SIZE, props.numbers.deal_size, MAX_MONEY)}
                    {field(Field::Target, "numbers-target".into(), say::TARGET, props.numbers.target, MAX_MONEY)}
                </fieldset>
            </div>
        </fieldset>
    }
}
