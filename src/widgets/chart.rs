//! Cause scores as an SVG bar chart keyed by cause id, with a table for screen readers.

use groove_core::bank::Bank;
use groove_core::diagnosis::Band;
use groove_core::{Cause, PerCause};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bank: Rc<Bank>,
    pub scores: PerCause<Option<u8>>,
    #[prop_or_default]
    pub primary: Option<Cause>,
}

#[function_component(ScoreChart)]
pub fn score_chart(props: &Props) -> Html {
    // Label above each bar, so the chart reads at phone width without shrinking its text.
    let row = 54;
    let bar_x = 0;
    let width = 270;
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 320 {}", row * 4)} aria-hidden="true" focusable="false" data-testid="score-chart">
            { for props.scores.iter().enumerate().map(|(i, (cause, score))| {
                let y = i * row;
                let name = &props.bank.cause(cause).name;
                let band = score.map(Band::of);
                let class = classes!("bar", band.map(|b| b.label().to_ascii_lowercase()), (props.primary == Some(cause)).then_some("primary"));
                html! {
                    <g key={cause.id()} data-cause={cause.id()}>
                        <text x="0" y={(y + 16).to_string()} class="axis">{name}</text>
                        <rect x={bar_x.to_string()} y={(y + 24).to_string()} width={width.to_string()} height="20" rx="4" class="track" />
                        if let Some(s) = score {
                            <rect x={bar_x.to_string()} y={(y + 24).to_string()} width={(usize::from(*s) * width / 100).max(2).to_string()} height="20" rx="4" class={class} />
                            <text x={(bar_x + width + 8).to_string()} y={(y + 39).to_string()} class="value">{s.to_string()}</text>
                        } else {
                            <text x={(bar_x + 8).to_string()} y={(y + 39).to_string()} class="value muted">{"not enough answers"}</text>
                        }
                    </g>
                }
            }) }
            </svg>
            <div class="sr-only"><table>
                <caption>{"Health per cause, 0 to 100 (higher is healthier)"}</caption>
                <thead><tr><th scope="col">{"Cause"}</th><th scope="col">{"Score"}</th><th scope="col">{"Band"}</th></tr></thead>
                <tbody>
                { for props.scores.iter().map(|(cause, score)| html! {
                    <tr key={cause.id()}>
                        <th scope="row">{&props.bank.cause(cause).name}</th>
                        <td>{score.map(|s| s.to_string()).unwrap_or_else(|| "not enough answers".into())}</td>
                        <td>{score.map(|s| Band::of(s).label()).unwrap_or("")}</td>
                    </tr>
                }) }
                </tbody>
            </table></div>
        </figure>
    }
}
