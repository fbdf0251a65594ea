//! What the screens that links open share: the card for a link that cannot be used, and
//! the choice of a person on this device to keep something with. Plain functions, not
//! components: they hold no state, and a component costs code on every screen's first load.

use yew::prelude::*;

/// A link that cannot be used: why, and the way on. Nothing was changed. `id` names the
/// heading (`<id>-title`) and the message's test id (`<id>-error`).
pub fn bad_link(
    id: &str,
    title: &str,
    message: &str,
    button: &str,
    heading: NodeRef,
    on_leave: Callback<MouseEvent>,
) -> Html {
    let title_id = format!("{id}-title");
    html! {
        <section class="card" aria-labelledby={title_id.clone()} data-testid={id.to_string()}>
            <h1 id={title_id} tabindex="-1" ref={heading}>{title}</h1>
            <p data-testid={format!("{id}-error")}>{message}</p>
            <button type="button" class="primary" onclick={on_leave}>{button}</button>
        </section>
    }
}

/// One person of this device, chosen with radio buttons named `name`: `people` are (id,
/// label); the legend is for screen readers only when `legend_hidden`.
pub fn person_choice(
    name: &str,
    legend: &str,
    legend_hidden: bool,
    people: &[(String, String)],
    chosen: Option<&str>,
    on_choose: &Callback<String>,
) -> Html {
    html! {
        <fieldset class="question">
            <legend class={classes!(legend_hidden.then_some("visually-hidden"))}>{legend}</legend>
            <div class="options">
            { for people.iter().map(|(id, label)| {
                let input = format!("{name}-{id}");
                let checked = chosen == Some(id.as_str());
                let (on_choose, pid) = (on_choose.clone(), id.clone());
                html! {
                    <label key={id.clone()} class={classes!("choice", checked.then_some("checked"))} for={input.clone()}>
                        <input type="radio" name={name.to_string()} id={input} {checked}
                            onchange={move |_| on_choose.emit(pid.clone())} />
                        <span>{label}</span>
                    </label>
                }
            }) }
            </div>
        </fieldset>
    }
}
