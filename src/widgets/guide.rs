//! The manager's conversation guide for the weak causes: how to support, what to ask,
//! what to avoid. Shown on the result and in the shared view alike.

use groove_core::bank::Bank;
use groove_core::Cause;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bank: Rc<Bank>,
    /// The weak causes, most urgent first.
    pub causes: Vec<Cause>,
}

#[function_component(ManagerGuide)]
pub fn manager_guide(props: &Props) -> Html {
    let list = |lines: &[String]| html! { <ul>{ for lines.iter().map(|q| html! { <li>{q}</li> }) }</ul> };
    props
        .causes
        .iter()
        .map(|&c| {
            let info = props.bank.cause(c);
            html! {
                <div class="guide" key={c.id()}>
                    <h3>{&info.name}</h3>
                    <p>{&info.manager}</p>
                    <p class="why-label">{"Ask:"}</p>
                    {list(&info.guide.ask)}
                    <p class="why-label">{"Avoid:"}</p>
                    {list(&info.guide.avoid)}
                </div>
            }
        })
        .collect()
}
