//! The question kinds of the wizard, each as native form controls in a fieldset whose legend
//! is the question: scored items (on their own scale, with "doesn't apply"), the
//! self-talk item, slump facts, and the stories.

use super::StateHandle;
use crate::app::now;
use crate::state::Action;
use groove_core::answers::{Answer, Reply};
use groove_core::bank::ScaleKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AgreeProps {
    pub state: StateHandle,
    /// Radio group name and id prefix.
    pub name: AttrValue,
    pub text: AttrValue,
    pub scale: ScaleKind,
    pub value: Option<Reply>,
    pub heading: NodeRef,
    /// The scored item id (which also offers "doesn't apply"), or None for the self-talk item.
    pub item: Option<AttrValue>,
}

#[function_component(AgreeQuestion)]
pub fn agree_question(props: &AgreeProps) -> Html {
    let bank = &props.state.content.bank;
    let choice = |value: Reply, label: &str| {
        let v = match value {
            Reply::Answer(a) => a.value().to_string(),
            Reply::NotApplicable => "na".to_string(),
        };
        let id = format!("{}-{v}", props.name);
        let checked = props.value == Some(value);
        let onchange = {
            let state = props.state.clone();
            let item = props.item.clone();
            move |_: Event| match (&item, value) {
                (Some(item), _) => state.dispatch(Action::Answer { item: item.to_string(), value, now: now() }),
                (None, Reply::Answer(a)) => state.dispatch(Action::SelfTalk(a)),
                (None, Reply::NotApplicable) => {}
            }
        };
        let na = matches!(value, Reply::NotApplicable);
        html! {
            <label for={id.clone()} class={classes!("choice", checked.then_some("checked"), na.then_some("na"))}>
                <input type="radio" id={id} name={props.name.clone()} value={v} {checked} {onchange} />
                <span>{label}</span>
            </label>
        }
    };
    html! {
        <fieldset class="question agree">
            <legend><h2 tabindex="-1" ref={props.heading.clone()}>{&props.text}</h2></legend>
            <div class="scale">
            { for bank.scale(props.scale).iter().enumerate().filter_map(|(i, label)| {
                Answer::new(i as u8 + 1).map(|a| choice(Reply::Answer(a), label))
            }) }
            if props.item.is_some() { {choice(Reply::NotApplicable, bank.not_applicable())} }
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct FactProps {
    pub state: StateHandle,
    pub fact: AttrValue,
    pub heading: NodeRef,
}

#[function_component(FactQuestion)]
pub fn fact_question(props: &FactProps) -> Html {
    let state = &props.state;
    let Some(fact) = state.content.bank.fact(&props.fact) else {
        return html! {};
    };
    let chosen: &[String] = state.responses().and_then(|r| r.facts.get(&fact.id)).map(Vec::as_slice).unwrap_or(&[]);
    let kind = if fact.multiple { "checkbox" } else { "radio" };
    html! {
        <fieldset class="question fact">
            <legend><h2 tabindex="-1" ref={props.heading.clone()}>{&fact.text}</h2></legend>
            if fact.multiple { <p class="hint">{"Choose all that apply."}</p> }
            <div class="options">
            { for fact.options.iter().map(|o| {
                let id = format!("{}-{}", fact.id, o.id);
                let checked = chosen.contains(&o.id);
                let onchange = {
                    let state = state.clone();
                    let (fact_id, option, multiple) = (fact.id.clone(), o.id.clone(), fact.multiple);
                    move |e: Event| {
                        let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        state.dispatch(Action::Fact { fact: fact_id.clone(), option: option.clone(), multiple, on });
                    }
                };
                html! {
                    <label for={id.clone()} class={classes!("choice", checked.then_some("checked"))}>
                        <input type={kind} id={id} name={fact.id.clone()} value={o.id.clone()} {checked} {onchange} />
                        <span>{&o.text}</span>
                    </label>
                }
            }) }
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct StoriesProps {
    pub state: StateHandle,
    pub heading: NodeRef,
}

#[function_component(StoriesQuestion)]
pub fn stories_question(props: &StoriesProps) -> Html {
    let state = &props.state;
    let picked: &[String] = state.responses().map(|r| r.stories.as_slice()).unwrap_or(&[]);
    html! {
        <fieldset class="question stories">
            <legend><h2 tabindex="-1" ref={props.heading.clone()}>{"Which of these have you caught yourself saying lately?"}</h2></legend>
            <p class="hint">{"Choose any that sound familiar, or none. Everyone tells themselves some of these; your result answers each one you pick."}</p>
            <div class="options">
            { for state.content.bank.stories().iter().map(|story| {
                let id = format!("story-{}", story.id);
                let checked = picked.contains(&story.id);
                let onchange = {
                    let state = state.clone();
                    let sid = story.id.clone();
                    move |e: Event| {
                        let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        state.dispatch(Action::Story { id: sid.clone(), on });
                    }
                };
                html! {
                    <label for={id.clone()} class={classes!("choice", checked.then_some("checked"))}>
                        <input type="checkbox" id={id} name="stories" value={story.id.clone()} {checked} {onchange} />
                        <span>{"\u{201c}"}{&story.text}{"\u{201d}"}</span>
                    </label>
                }
            }) }
            </div>
        </fieldset>
    }
}
