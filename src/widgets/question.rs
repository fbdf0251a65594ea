//! The question kinds of the wizard, each as native form controls in a fieldset whose legend
//! is the question: scored items (on their own scale, with "doesn't apply"), the
//! self-talk item, slump facts, and the stories. They take data and report choices
//! through callbacks; the wizard page turns those into actions.

use groove_core::answers::{Answer, Reply};
use groove_core::bank::{Bank, ScaleKind};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AgreeProps {
    pub bank: Rc<Bank>,
    /// Radio group name and id prefix.
    pub name: AttrValue,
    pub text: AttrValue,
    pub scale: ScaleKind,
    pub value: Option<Reply>,
    pub heading: NodeRef,
    /// Whether "doesn't apply" is offered (every scored item; not the self-talk item).
    pub not_applicable: bool,
    /// The label of that answer when it is not "doesn't apply" (a rater's "I can't judge this").
    #[prop_or_default]
    pub na_label: Option<AttrValue>,
    pub on_reply: Callback<Reply>,
}

#[function_component(AgreeQuestion)]
pub fn agree_question(props: &AgreeProps) -> Html {
    let choice = |value: Reply, label: &str| {
        let v = match value {
            Reply::Answer(a) => a.value().to_string(),
            Reply::NotApplicable => "na".to_string(),
        };
        let id = format!("{}-{v}", props.name);
        let checked = props.value == Some(value);
        let onchange = props.on_reply.reform(move |_: Event| value);
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
            { for props.bank.scale(props.scale).iter().enumerate().filter_map(|(i, label)| {
                Answer::new(i as u8 + 1).map(|a| choice(Reply::Answer(a), label))
            }) }
            if props.not_applicable {
                {choice(Reply::NotApplicable, props.na_label.as_deref().unwrap_or(props.bank.not_applicable()))}
            }
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct FactProps {
    pub bank: Rc<Bank>,
    pub fact: AttrValue,
    /// The option ids chosen so far.
    pub chosen: Vec<String>,
    pub heading: NodeRef,
    /// An option turned on or off.
    pub on_choose: Callback<(String, bool)>,
}

#[function_component(FactQuestion)]
pub fn fact_question(props: &FactProps) -> Html {
    let Some(fact) = props.bank.fact(&props.fact) else {
        return html! {};
    };
    let kind = if fact.multiple { "checkbox" } else { "radio" };
    html! {
        <fieldset class="question fact">
            <legend><h2 tabindex="-1" ref={props.heading.clone()}>{&fact.text}</h2></legend>
            if fact.multiple { <p class="hint">{"Choose all that apply."}</p> }
            <div class="options">
            { for fact.options.iter().map(|o| {
                let id = format!("{}-{}", fact.id, o.id);
                let checked = props.chosen.contains(&o.id);
                let option = o.id.clone();
                let onchange = props.on_choose.reform(move |e: Event| {
                    (option.clone(), e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())
                });
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
    pub bank: Rc<Bank>,
    /// The story ids picked so far.
    pub picked: Vec<String>,
    pub heading: NodeRef,
    /// A story turned on or off.
    pub on_toggle: Callback<(String, bool)>,
}

#[function_component(StoriesQuestion)]
pub fn stories_question(props: &StoriesProps) -> Html {
    html! {
        <fieldset class="question stories">
            <legend><h2 tabindex="-1" ref={props.heading.clone()}>{"Which of these have you caught yourself saying lately?"}</h2></legend>
            <p class="hint">{"Choose any that sound familiar, or none. Everyone tells themselves some of these; your result answers each one you pick."}</p>
            <div class="options">
            { for props.bank.stories().iter().map(|story| {
                let id = format!("story-{}", story.id);
                let checked = props.picked.contains(&story.id);
                let sid = story.id.clone();
                let onchange = props.on_toggle.reform(move |e: Event| {
                    (sid.clone(), e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())
                });
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
