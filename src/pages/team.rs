//! A manager's view of the team: every person kept on this device in one sortable table
//! (latest result, verdict, trend per cause, plan progress, retake due, outside view).

use crate::browser;
use crate::hooks::use_heading_focus;
use crate::state::StateHandle;
use crate::state::{Action, Screen};
use crate::widgets::verdict;
use groove_core::diagnosis::Change;
use groove_core::team::{team, Rep};
use groove_core::Cause;
use yew::prelude::*;

/// Every sentence of this screen, in one place for translation.
mod say {
    pub const TITLE: &str = "Your team";
    pub const LEAD: &str = "Everyone kept on this device, from their latest result. Sort by any column; choose a person to open their results.";
    pub const PERSON: &str = "Person";
    pub const LATEST: &str = "Latest result";
    pub const VERDICT: &str = "Verdict";
    pub const TREND: &str = "Since the result before";
    pub const PLAN: &str = "Plan";
    pub const RETAKE: &str = "Retake";
    pub const OUTSIDE: &str = "Outside view";
    pub fn raters(n: usize) -> String {
        match n {
            0 => "None yet".into(),
            1 => "1 person".into(),
            n => format!("{n} people"),
        }
    }
    pub const YOU: &str = "This device (no name)";
    /// The answers' verdict, and causes their numbers or raters contradict.
    pub fn questioned(verdict: &str, causes: &str) -> String {
        format!("{verdict}; their numbers or raters question {causes}")
    }
    pub const NONE_YET: &str = "No result yet";
    /// In the trend column: one result so far; or no cause measured in both of the last two.
    pub const FIRST: &str = "First result";
    pub const NOT_COMPARABLE: &str = "No cause measured in both";
    pub const DUE: &str = "Due";
    pub const NOT_DUE: &str = "Not yet";
    pub const OPEN: &str = "Open";
    pub const BACK: &str = "Back to your data";
    pub fn plan(done: usize, total: usize) -> String {
        format!("{done} of {total} done")
    }
    pub fn change(word: &str) -> &'static str {
        match word {
            "better" => "better",
            "worse" => "worse",
            _ => "about the same",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Person,
    Latest,
    Verdict,
    Plan,
    Retake,
    Outside,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

fn verdict_text(state: &StateHandle, r: &Rep) -> String {
    let bank = &state.content.bank;
    match r.pattern {
        None => "\u{2013}".into(),
        Some(pattern) if r.contradicted.is_empty() => verdict::stored(bank, pattern, r.primary),
        Some(pattern) => {
            say::questioned(&verdict::stored(bank, pattern, r.primary), &verdict::names(bank, &r.contradicted))
        }
    }
}

#[function_component(TeamView)]
pub fn team_view(props: &Props) -> Html {
    let state = &props.state;
    let heading = use_heading_focus((), state.content.embed.embedded);
    let sort = use_state(|| (Column::Latest, false));
    let mut rows = team(&state.doc, &state.content.bank, browser::now());
    let (column, ascending) = *sort;
    let name_of = |r: &Rep| if r.name.is_empty() { say::YOU.to_string() } else { r.name.clone() };
    rows.sort_by(|a, b| {
        let order = match column {
            Column::Person => name_of(a).to_ascii_lowercase().cmp(&name_of(b).to_ascii_lowercase()),
            Column::Latest => a.latest.cmp(&b.latest),
            Column::Verdict => verdict_text(state, a).cmp(&verdict_text(state, b)),
            Column::Plan => (a.plan_done * 1000 / a.plan_total.max(1)).cmp(&(b.plan_done * 1000 / b.plan_total.max(1))),
            Column::Retake => a.retake_due.cmp(&b.retake_due),
            Column::Outside => a.raters.cmp(&b.raters),
        };
        if ascending {
            order
        } else {
            order.reverse()
        }
    });
    let header = |c: Column, label: &'static str| {
        let here = column == c;
        let aria = match (here, ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        };
        let onclick = {
            let sort = sort.clone();
            move |_| sort.set((c, if sort.0 == c { !sort.1 } else { true }))
        };
        html! { <th scope="col" role="columnheader" aria-sort={aria}><button type="button" class="sort" {onclick}>{label}</button></th> }
    };
    // A cell's column name, shown inside the cell only where the rows stack (phones); screen
    // readers already have the column header.
    let label = |text: &'static str| html! { <span class="cell-label" aria-hidden="true">{text}</span> };
    let trend = |r: &Rep| -> Html {
        if Cause::ALL.iter().all(|&c| r.trend.get(c).is_none()) {
            let why = match r.results {
                0 => "\u{2013}",
                1 => say::FIRST,
                _ => say::NOT_COMPARABLE,
            };
            return html! { <li>{why}</li> };
        }
        Cause::ALL
            .iter()
            .filter_map(|&c| {
                r.trend.get(c).map(|t| {
                    let word = match t {
                        Change::Better => "better",
                        Change::Worse => "worse",
                        Change::Same => "same",
                    };
                    html! { <li class={classes!("trend", word)}>{format!("{}: {}", state.content.bank.cause(c).name, say::change(word))}</li> }
                })
            })
            .collect()
    };
    html! {
        <section class="card team" aria-labelledby="team-title">
            <h1 id="team-title" tabindex="-1" ref={heading}>{say::TITLE}</h1>
            <p>{say::LEAD}</p>
            <div class="table-wrap">
            // The explicit roles keep the table a table for screen readers where a phone's
            // stacked layout (CSS `display: block`) would otherwise drop its semantics.
            <table role="table" data-testid="team">
                <thead role="rowgroup"><tr role="row">
                    {header(Column::Person, say::PERSON)}
                    {header(Column::Latest, say::LATEST)}
                    {header(Column::Verdict, say::VERDICT)}
                    <th scope="col" role="columnheader" class="unsorted">{say::TREND}</th>
                    {header(Column::Plan, say::PLAN)}
                    {header(Column::Retake, say::RETAKE)}
                    {header(Column::Outside, say::OUTSIDE)}
                    <th scope="col" role="columnheader" class="unsorted"><span class="visually-hidden">{say::OPEN}</span></th>
                </tr></thead>
                <tbody role="rowgroup">
                { for rows.iter().map(|r| {
                    let open = {
                        let (s, id) = (state.clone(), r.profile.clone());
                        move |_| {
                            s.dispatch(Action::SwitchProfile(id.clone()));
                            s.dispatch(Action::Go(Screen::History));
                        }
                    };
                    html! {
                        <tr role="row" key={r.profile.clone()}>
                            <th scope="row" role="rowheader">{name_of(r)}</th>
                            <td role="cell">{label(say::LATEST)}{r.latest.map(browser::date_text).unwrap_or_else(|| say::NONE_YET.to_string())}</td>
                            <td role="cell">{label(say::VERDICT)}{verdict_text(state, r)}</td>
                            <td role="cell">{label(say::TREND)}<ul class="trends">{trend(r)}</ul></td>
                            <td role="cell">{label(say::PLAN)}{if r.plan_total > 0 { say::plan(r.plan_done, r.plan_total) } else { "\u{2013}".to_string() }}</td>
                            <td role="cell">{label(say::RETAKE)}{match (r.latest, r.retake_due) { (None, _) => "\u{2013}", (_, true) => say::DUE, _ => say::NOT_DUE }}</td>
                            <td role="cell">{label(say::OUTSIDE)}<span data-testid="team-outside">{say::raters(r.raters)}</span></td>
                            <td role="cell"><button type="button" onclick={open} aria-label={format!("{} {}", say::OPEN, name_of(r))}>{say::OPEN}</button></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            <button type="button" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Data)) }>{say::BACK}</button>
        </section>
    }
}
