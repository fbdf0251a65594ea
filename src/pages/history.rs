//! History: every finished assessment, a trend per cause, compare any two, delete one.

use crate::hooks::{use_confirm, use_heading_focus};
use crate::state::StateHandle;
use crate::state::{Action, Screen};
use groove_core::bank::Bank;
use groove_core::diagnosis::{change, Change};
use groove_core::schema::answered_counts;
use groove_core::schema::StoredResult;
use groove_core::{Cause, PerCause};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

/// Results listed at a time, and points in the trend: a year of daily retakes stays fast.
const PAGE: usize = 20;
const TREND_POINTS: usize = 24;

/// The stored verdict in a few words (kept at the finish by the same core rule the result
/// screen uses; results of an earlier bank were re-judged when migrated).
fn primary_text(bank: &Bank, r: &StoredResult) -> String {
    crate::widgets::verdict::stored(bank, r.pattern, r.primary)
}

#[function_component(HistoryView)]
pub fn history_view(props: &Props) -> Html {
    let state = &props.state;
    let heading = use_heading_focus((), state.content.embed.embedded);
    let bank = &state.content.bank;
    let history = state.doc.profile().history();
    let confirm = use_confirm::<String>();
    let compare_a = use_state(|| None::<String>);
    let compare_b = use_state(|| None::<String>);
    let shown = use_state(|| PAGE);
    // The pickers list every result twice: built only when asked for, so a year of daily
    // results opens History without two thousand options.
    let picking = use_state(|| false);
    if history.is_empty() {
        return html! {
            <section class="card">
                <h1 tabindex="-1" ref={heading.clone()}>{"History"}</h1>
                <p>{"No finished assessments yet. Each one you finish is kept here, so you can see what changes."}</p>
                <button type="button" class="primary" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Welcome)) }>{"Go to the diagnostic"}</button>
            </section>
        };
    }
    // Oldest first for the trend (the latest TREND_POINTS); newest first for the list.
    let trend: Vec<TrendPoint> = history
        .iter()
        .take(TREND_POINTS)
        .rev()
        .map(|r| TrendPoint { id: r.id.clone(), at: r.finished_at, scores: r.scores.clone() })
        .collect();
    let a_id = (*compare_a).clone().unwrap_or_else(|| history.get(1).unwrap_or(&history[0]).id.clone());
    let b_id = (*compare_b).clone().unwrap_or_else(|| history[0].id.clone());
    let a = history.iter().find(|r| r.id == a_id).copied();
    let b = history.iter().find(|r| r.id == b_id).copied();
    let option_list = |selected: &str| -> Html {
        history
            .iter()
            .map(|r| html! { <option value={r.id.clone()} selected={r.id == selected}>{format!("{} \u{2014} {}", crate::browser::date_text(r.finished_at), primary_text(bank, r))}</option> })
            .collect()
    };
    let on_select = |handle: UseStateHandle<Option<String>>| {
        move |e: Event| handle.set(Some(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
    };

    html! {
        <section class="card history" aria-labelledby="history-title">
            <h1 id="history-title" tabindex="-1" ref={heading.clone()}>{"History"}</h1>
            <p>{format!("{} finished assessment{}.", history.len(), if history.len() == 1 { "" } else { "s" })}</p>
            if history.len() > TREND_POINTS { <p class="small">{format!("The trend shows your latest {TREND_POINTS} results.")}</p> }
            <TrendChart bank={bank.clone()} points={trend} />

            if history.len() >= 2 {
                <h2>{"Compare two"}</h2>
                // A disclosure button: it stays, so focus stays on it when the pickers appear.
                <p class="compare-dates">
                    {a.map(|r| crate::browser::date_text(r.finished_at)).unwrap_or_default()}{" \u{2192} "}{b.map(|r| crate::browser::date_text(r.finished_at)).unwrap_or_default()}{" "}
                    <button type="button" aria-expanded={if *picking { "true" } else { "false" }} onclick={ let p = picking.clone(); move |_| p.set(!*p) }>{"Choose which two"}</button>
                </p>
                if *picking {
                    <div class="compare-pick">
                        <label>{"Earlier "}<select data-testid="compare-a" onchange={on_select(compare_a.clone())}>{option_list(&a_id)}</select></label>
                        <label>{"Later "}<select data-testid="compare-b" onchange={on_select(compare_b.clone())}>{option_list(&b_id)}</select></label>
                    </div>
                }
                if let (Some(a), Some(b)) = (a, b) {
                    <ul class="compare" data-testid="compare">
                    { for Cause::ALL.iter().map(|&c| {
                        let name = &bank.cause(c).name;
                        let line = match (a.scores.get(c), b.scores.get(c)) {
                            (Some(x), Some(y)) => {
                                let d = i16::from(*y) - i16::from(*x);
                                let before = (*x, *answered_counts(bank, a).get(c));
                                let after = (*y, *answered_counts(bank, b).get(c));
                                // Inside the margin of error of the difference: "about the same".
                                let words = match change(before, after) {
                                    Change::Better => "better",
                                    Change::Same => "about the same",
                                    Change::Worse => "worse",
                                };
                                format!("{name}: {x} \u{2192} {y} ({}{d}, {words})", if d > 0 { "+" } else { "" })
                            }
                            _ => format!("{name}: not enough answers in one of the two"),
                        };
                        html! { <li key={c.id()}>{line}</li> }
                    }) }
                    </ul>
                }
            }

            <h2>{"All results"}</h2>
            <ul class="results-list">
            { for history.iter().take(*shown).map(|r| {
                let id = r.id.clone();
                let asking = confirm.asking(&r.id);
                let scores: Vec<String> = Cause::ALL.iter().map(|&c| format!("{} {}", bank.cause(c).name, r.scores.get(c).map_or("\u{2013}".to_string(), |s| s.to_string()))).collect();
                html! {
                    <li key={r.id.clone()} class="result-row">
                        <div>
                            <strong>{crate::browser::date_text(r.finished_at)}</strong>{" \u{00b7} "}{primary_text(bank, r)}
                            <p class="small">{scores.join(" \u{00b7} ")}</p>
                        </div>
                        <div class="row-actions">
                            <button type="button" onclick={ let s = state.clone(); let id = id.clone(); move |_| s.dispatch(Action::Go(Screen::Result(id.clone()))) }>{"Open"}</button>
                            if asking {
                                <button type="button" class="danger" onclick={ let s = state.clone(); let id = id.clone(); confirm.yes(move || s.dispatch(Action::DeleteResult(id.clone()))) }>{"Yes, delete it"}</button>
                                <button type="button" onclick={confirm.cancel()}>{"Keep it"}</button>
                            } else {
                                <button type="button" onclick={confirm.ask(id.clone())}>{"Delete"}</button>
                            }
                        </div>
                    </li>
                }
            }) }
            </ul>
            if history.len() > *shown {
                <button type="button" onclick={ let shown = shown.clone(); move |_| shown.set(*shown + PAGE) }>
                    {format!("Show {} more", PAGE.min(history.len() - *shown))}
                </button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TrendProps {
    pub bank: std::rc::Rc<Bank>,
    /// Oldest first.
    pub points: Vec<TrendPoint>,
}

/// What the trend shows of one result: not its answers, which it would only copy.
#[derive(Clone, PartialEq)]
pub struct TrendPoint {
    pub id: String,
    pub at: u64,
    pub scores: PerCause<Option<u8>>,
}

/// One line per cause, keyed by cause id, over the results in time order.
#[function_component(TrendChart)]
pub fn trend_chart(props: &TrendProps) -> Html {
    let (w, h, left, top, bottom) = (320usize, 180usize, 28usize, 10usize, 20usize);
    let n = props.points.len();
    let x = |i: usize| if n <= 1 { left + (w - left) / 2 } else { left + i * (w - left - 10) / (n - 1) };
    let y = |s: u8| top + (100 - usize::from(s)) * (h - top - bottom) / 100;
    html! {
        <figure class="trend">
            <svg viewBox={format!("0 0 {w} {h}")} aria-hidden="true" focusable="false" data-testid="trend-chart">
                { for [0u8, 50, 100].iter().map(|&g| html! {
                    <g key={g.to_string()}>
                        <line x1={left.to_string()} x2={w.to_string()} y1={y(g).to_string()} y2={y(g).to_string()} class="grid" />
                        <text x="0" y={(y(g) + 4).to_string()} class="value">{g.to_string()}</text>
                    </g>
                }) }
                { for Cause::ALL.iter().map(|&c| {
                    let points: Vec<(usize, usize)> = props.points.iter().enumerate()
                        .filter_map(|(i, r)| r.scores.get(c).map(|s| (x(i), y(s))))
                        .collect();
                    let line: Vec<String> = points.iter().map(|(px, py)| format!("{px},{py}")).collect();
                    html! {
                        <g key={c.id()} data-cause={c.id()} class={classes!("series", c.id())}>
                            <polyline points={line.join(" ")} />
                            { for points.iter().map(|(px, py)| html! { <circle cx={px.to_string()} cy={py.to_string()} r="3.5" /> }) }
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="legend">
                { for Cause::ALL.iter().map(|&c| html! { <span key={c.id()} class={classes!("key", c.id())}>{&props.bank.cause(c).name}</span> }) }
            </figcaption>
            <div class="sr-only"><table>
                <caption>{"Scores over time, 0 to 100"}</caption>
                <thead><tr><th scope="col">{"Date"}</th>{ for Cause::ALL.iter().map(|&c| html! { <th scope="col">{&props.bank.cause(c).name}</th> }) }</tr></thead>
                <tbody>{ for props.points.iter().map(|r| html! {
                    <tr key={r.id.clone()}><th scope="row">{crate::browser::date_text(r.at)}</th>
                    { for Cause::ALL.iter().map(|&c| html! { <td>{r.scores.get(c).map_or("\u{2013}".to_string(), |s| s.to_string())}</td> }) }</tr>
                }) }</tbody>
            </table></div>
        </figure>
    }
}
