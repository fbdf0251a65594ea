//! "Where deals stall": the furthest stage of the last ten deals, and the funnel they make.

use groove_core::bank::Bank;
use groove_core::stall::{funnel, Funnel, MAX_DEALS};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bank: Rc<Bank>,
    /// The furthest stage of each deal so far (stage ids; empty for a blank).
    pub deals: Vec<String>,
    pub heading: NodeRef,
    /// A deal's stage chosen (its index) or cleared (None).
    pub on_deal: Callback<(usize, Option<String>)>,
}

#[function_component(DealsQuestion)]
pub fn deals_question(props: &Props) -> Html {
    let bank = &props.bank;
    let deals: &[String] = &props.deals;
    let summary = funnel(bank, deals);
    html! {
        <>
        <fieldset class="question deals">
            <legend><h2 tabindex="-1" ref={props.heading.clone()}>{"Think of your last ten deals. How far did each one get?"}</h2></legend>
            <p class="hint">{"Pick the furthest stage each deal reached. Fewer than ten is fine; leave the rest blank."}</p>
            <details class="stages">
                <summary>{"What the stages mean"}</summary>
                <dl>{ for bank.stages().iter().map(|s| html! { <><dt>{&s.name}</dt><dd>{&s.hint}</dd></> }) }</dl>
            </details>
            <div class="deal-grid">
            { for (0..MAX_DEALS).map(|i| {
                let id = format!("deal-{}", i + 1);
                let current = deals.get(i).cloned().unwrap_or_default();
                let onchange = {
                    let on_deal = props.on_deal.clone();
                    move |e: Event| {
                        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                        on_deal.emit((i, (!v.is_empty()).then_some(v)));
                    }
                };
                html! {
                    <div class="deal">
                        <label for={id.clone()}>{format!("Deal {}", i + 1)}</label>
                        <select id={id} {onchange}>
                            <option value="" selected={current.is_empty()}>{"\u{2014}"}</option>
                            { for bank.stages().iter().map(|s| html! {
                                <option value={s.id.clone()} selected={current == s.id}>{&s.name}</option>
                            }) }
                        </select>
                    </div>
                }
            }) }
            </div>
        </fieldset>
        <FunnelView funnel={summary} />
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct FunnelProps {
    pub funnel: Funnel,
}

/// The funnel as bars keyed by stage id, with the stage where most deals stop named in words.
#[function_component(FunnelView)]
pub fn funnel_view(props: &FunnelProps) -> Html {
    let f = &props.funnel;
    if f.deals == 0 {
        return html! { <p class="funnel-empty" aria-live="polite">{"Your funnel appears here as you fill in deals."}</p> };
    }
    let lost = f.most_lost_at.as_ref().and_then(|id| f.stages.iter().find(|s| &s.stage == id));
    let row_h = 26;
    html! {
        <div class="funnel" aria-live="polite">
            <h3>{format!("Your funnel ({} deals)", f.deals)}</h3>
            <svg class="funnel-chart" viewBox={format!("0 0 320 {}", row_h * f.stages.len())} aria-hidden="true" focusable="false">
            { for f.stages.iter().enumerate().map(|(i, s)| {
                let w = 8 + s.reached * 200 / f.deals.max(1);
                let y = i * row_h;
                let hot = lost.is_some_and(|l| l.stage == s.stage);
                html! {
                    <g key={s.stage.clone()} data-stage={s.stage.clone()}>
                        <text x="0" y={(y + 17).to_string()} class="axis">{&s.name}</text>
                        <rect x="80" y={(y + 4).to_string()} width={w.to_string()} height="18" rx="3" class={if hot { "bar hot" } else { "bar" }} />
                        <text x={(86 + w).to_string()} y={(y + 17).to_string()} class="value">{s.reached.to_string()}</text>
                    </g>
                }
            }) }
            </svg>
            <ul class="sr-only">
            { for f.stages.iter().map(|s| html! { <li>{format!("{}: {} reached, {} stopped here", s.name, s.reached, s.stopped)}</li> }) }
            </ul>
            <p class="stall-verdict" data-testid="stall-verdict">{
                match lost {
                    Some(s) => format!("Most of your deals stop at {}: {} of {}.", s.name, s.stopped, f.deals),
                    None => "None of these deals was lost: they all became clients.".to_string(),
                }
            }</p>
        </div>
    }
}
