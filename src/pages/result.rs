//! The result: the cause in plain words, how sure, why, the plan, strengths, stories,
//! where deals stall, and a part for a manager.

use crate::browser;
use crate::browser::now;
use crate::hooks::use_heading_focus;
use crate::hooks::{use_backup, use_export};
use crate::state::StateHandle;
use crate::state::{Action, Screen};
use crate::widgets::backup::BackupNudge;
use crate::widgets::chart::ScoreChart;
use crate::widgets::deals::FunnelView;
use crate::widgets::guide::ManagerGuide;
use crate::widgets::outside::{AskSomeone, OutsideView};
use crate::widgets::verdict;
use groove_core::bank::Bank;
use groove_core::diagnosis::{Band, Driver};
use groove_core::ics::retake_reminder;
use groove_core::numbers::{Step, Which};
use groove_core::plan::{manager_part, result_plan, PlanAction, PlanKind, Urgency};
use groove_core::rater::Request;
use groove_core::schema::diagnose_result;
use groove_core::share::{self, Shared};
use groove_core::stall::funnel;
use groove_core::Cause;
use std::rc::Rc;
use yew::prelude::*;

/// The sentences of this screen that are not the bank's, in one place for translation.
mod say {
    pub const SEVERE: &str = "A long, deep slump: the first steps bring someone in with you this week.";
    pub const MILD: &str = "A short dip: a few steady steps are enough.";
    pub const MANAGER_OUTWARD: &str = "This seller's habits look healthy in their own answers, and they named changes around them. Look together at what changed: lead sources, territory, pricing and the market, and agree on one fix to try.";
    pub const MANAGER_NO_CAUSE: &str = "No habit stands out in this seller's own answers. Your view of their work is what is missing: join a few calls, look at their last deals with them, and compare what you see with what they said.";
    pub const MANAGER_UNCLEAR: &str = "This seller's answers could not carry a verdict. Talk it through, ask them to retake it with care, and add your own view of their work.";
    pub const NUMBERS: &str = "Your numbers";
    pub fn activity(pct: u32) -> String {
        format!("Your conversations with buyers this week are {pct}\u{a0}% of a week in your best month.")
    }
    pub fn conversion(c: [u32; 3], from_best: bool) -> String {
        let week = if from_best { "In a week of your best month" } else { "This week" };
        format!(
            "{week}: from conversation to first meeting {}\u{a0}%, from meeting to proposal {}\u{a0}%, from proposal to a won deal {}\u{a0}%.",
            c[0], c[1], c[2]
        )
    }
    pub fn steps(best: bool) -> &'static str {
        if best {
            "What your target needs, step by step, at the rates of a week in your best month:"
        } else {
            "What your target needs, step by step, at this week's rates:"
        }
    }
    pub fn step(what: &str, from: &str, by: &str, result: &str) -> String {
        match what {
            "deals_per_month" => format!("target {from} \u{00f7} deal size {by} = {result} deals a month"),
            "deals_per_week" => format!("{from} deals a month \u{00f7} {by} weeks = {result} deals a week"),
            "proposals_per_week" => format!("{from} deals a week \u{00f7} a win rate of {by} = {result} proposals a week"),
            "meetings_per_week" => format!("{from} proposals \u{00f7} {by} of meetings becoming proposals = {result} first meetings a week"),
            _ => format!("{from} first meetings \u{00f7} {by} of conversations becoming meetings = {result} conversations a week"),
        }
    }
    pub fn needed(weekly: u32, daily: u32) -> String {
        format!("So about {weekly} conversations a week, {daily} a day, reach your target.")
    }
    pub fn now_vs_needed(now: u32, pct: u32) -> String {
        format!("This week you had {now} conversations: {pct}\u{a0}% of that.")
    }
    pub fn disagrees(item: &str, said: &str, pct: u32, of_target: bool, higher: bool) -> String {
        let of = if of_target { "what your target needs" } else { "a week in your best month" };
        if higher {
            format!("You said \u{201c}{item}\u{201d} ({said}), but your numbers put this week at {pct}\u{a0}% of {of}.")
        } else {
            format!("You said \u{201c}{item}\u{201d} ({said}), yet your numbers put this week at {pct}\u{a0}% of {of}: you may be doing better here than you feel.")
        }
    }
    pub const START_FROM: &str = "Numbers before opinions: start from them.";
    pub const AGREE: &str = "Your numbers and your answers about your activity agree.";
    pub const KEEP: &str = "Keep this in Groove";
    pub const KEEP_WHY: &str = "Opens Groove in a new tab with this result, its plan checks and your reviews, to keep with your own history on this device.";
    pub const ALWAYS: &str = "Every slump is its own: talk it through with this person before changing anything.";
    pub const CHECK_OUTWARD: &str = "Before you settle on causes outside you, check them: ask someone who sees your work (below), or add your numbers when you take Groove again.";
    pub const ASK_COPIED: &str = "Link copied. Send it by email or chat; it opens Groove in their browser.";
    pub const ASK_NOT_COPIED: &str =
        "Copy the link below and send it by email or chat; it opens Groove in their browser.";
    pub fn first_bank(id: &str) -> String {
        if id == groove_core::schema::SHARED_BANK {
            "This result was kept from a share link: its scores and verdict travelled, the answers behind them did not."
                .into()
        } else if id == "groove-default" {
            "This result was taken with Groove's first question bank. Its scores are as they were then; the answers behind them are not shown here.".into()
        } else {
            format!("This result was taken with another question bank (\u{201c}{id}\u{201d}). Its scores are as they were; the answers behind them are not shown here.")
        }
    }
    pub fn measured(answered: usize, not_applicable: usize) -> String {
        match not_applicable {
            0 => format!("from {answered} answers"),
            n => format!("from {answered} answers; {n} did not apply"),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
    pub id: AttrValue,
}

/// A number with one decimal, written without float formatting (which the wasm does not carry).
fn tenths(x: f64) -> String {
    let t = (x.max(0.0) * 10.0).round() as u64;
    if t % 10 == 0 {
        (t / 10).to_string()
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

fn name(bank: &Bank, c: Cause) -> String {
    bank.cause(c).name.clone()
}

#[function_component(ResultView)]
pub fn result_view(props: &Props) -> Html {
    let state = &props.state;
    let export_file = use_export(state);
    let (backup_due, safari) = use_backup(state);
    let share_msg = use_state(|| None::<String>);
    let ask = use_state(|| None::<(String, Option<String>)>);
    let heading = use_heading_focus(props.id.clone(), state.content.embed.embedded);
    let bank = state.content.bank.clone();
    let Some(result) = state.doc.profile().results.iter().find(|r| r.id == *props.id) else {
        return html! { <section class="card"><h1 tabindex="-1" ref={heading}>{"That result is not on this device"}</h1></section> };
    };
    let d = diagnose_result(&bank, result);
    let v = &d.verdict;
    let other_bank = !result.taken_with(&bank);
    // The outside view: what the people who rated this seller see, beside their own answers.
    let outside = groove_core::outside::of_result(&bank, result);
    let plan = result_plan(&bank, result, &d, outside.as_ref());
    let disagreement = outside.as_ref().and_then(|o| o.disagreement(v, &d.scores()));
    let manager = manager_part(&bank, &plan);
    let stall = funnel(&bank, &result.responses.deals);
    let (title, sub) = verdict::headline(&bank, v, plan.kind, &plan.contradicted);
    let unscored: Vec<Cause> = Cause::ALL.into_iter().filter(|&c| d.causes.get(c).score.is_none()).collect();
    let date = crate::browser::date_text(result.finished_at);
    let again = {
        let s = state.clone();
        move |_| s.dispatch(Action::Start { now: now() })
    };
    let link = format!(
        "{}#share={}",
        browser::page_url(),
        share::encode(&Shared::of(&d, (result.finished_at / 86_400_000) as i64))
    );
    let share_click = {
        let (link, shared_msg) = (link.clone(), share_msg.clone());
        move |_| {
            let (link, shared_msg) = (link.clone(), shared_msg.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = browser::copy_text(&link).await;
                shared_msg.set(Some(if copied {
                    "Link copied. It carries only the scores, in the part after #, which browsers never send to a server.".into()
                } else {
                    "Copy the link below. It carries only the scores, in the part after #, which browsers never send to a server.".into()
                }));
            });
        }
    };
    let remind = {
        let (message, id) = (share_msg.clone(), result.id.clone());
        move |_| {
            let ics = retake_reminder(now(), browser::local_today(), &browser::page_url(), &id);
            if let Err(e) = browser::download("groove-retake.ics", "text/calendar", &ics) {
                message.set(Some(format!("The calendar file could not be made: {e}.")));
            }
        }
    };
    let print = move |_| browser::print();
    let on_ask = {
        let (bank, id, ask) = (bank.clone(), result.id.clone(), ask.clone());
        Callback::from(move |(about, to): (String, String)| {
            let request = Request::new(&id, &bank, &browser::bank_param().unwrap_or_default(), &about, &to);
            let link = browser::app_link(&format!("ask={}", request.encode()));
            let ask = ask.clone();
            ask.set(Some((link.clone(), None)));
            wasm_bindgen_futures::spawn_local(async move {
                let copied = browser::copy_text(&link).await;
                let message = if copied { say::ASK_COPIED } else { say::ASK_NOT_COPIED };
                ask.set(Some((link, Some(message.to_string()))));
            });
        })
    };
    let ask_section = html! {
        <AskSomeone link={ask.as_ref().map(|a| a.0.clone())} message={ask.as_ref().and_then(|a| a.1.clone())}
            embedded={state.content.embed.embedded} on_make={on_ask} />
    };
    let outside_section = outside.map(|o| {
        let raters: Vec<(String, String)> = result.raters.iter().map(|r| (r.id.clone(), r.name.clone())).collect();
        let on_remove = {
            let (s, profile, id) = (state.clone(), state.doc.active.clone(), result.id.clone());
            Callback::from(move |rater| {
                s.dispatch(Action::RemoveRater { profile: profile.clone(), result: id.clone(), rater })
            })
        };
        html! {
            <OutsideView bank={bank.clone()} outside={Rc::new(o)} own={d.scores()}
                {disagreement} {raters} {on_remove} />
        }
    });

    let actions = |title: &str, list: &[PlanAction]| {
        html! {
            <div class="horizon">
                <h3>{title}</h3>
                <ul>{ for list.iter().map(|a| html! { <li key={a.id.clone()}>
                    if let Some(lead) = &a.lead { <strong class="lead-in">{lead}{" "}</strong> }
                    {&a.text}
                </li> }) }</ul>
            </div>
        }
    };

    // In the widget, storage belongs to the blog: offer to carry this result to Groove itself.
    let keep_link = state
        .content
        .embed
        .embedded
        .then(|| groove_core::handoff::encode(&state.doc, &result.id))
        .flatten()
        .map(|k| format!("{}#keep={k}", browser::app_url()));
    // The seller's numbers, when given: what they say and where they disagree with the answers.
    let numbers_section = (!result.responses.numbers.is_empty()).then(|| {
        let worked = &plan.worked;
        let step_line = |s: &Step| {
            let by = match s.what {
                "deals_per_month" => tenths(s.divide_by),
                "deals_per_week" => tenths(s.divide_by),
                _ => format!("{}\u{a0}%", (s.divide_by * 100.0).round() as u64),
            };
            say::step(s.what, &tenths(s.from), &by, &tenths(s.result))
        };
        html! {
            <section aria-labelledby="numbers-title" data-testid="numbers">
                <h2 id="numbers-title">{say::NUMBERS}</h2>
                { for worked.disagreements.iter().map(|d| {
                    let item = bank.item(&d.item);
                    let said = item
                        .and_then(|i| result.responses.answers.get(&i.id).map(|a| bank.scale_label(i.scale, a.value())))
                        .unwrap_or_default();
                    let text = item.map(|i| i.text.as_str()).unwrap_or_default();
                    html! { <p class="disagree" data-testid="disagree">{say::disagrees(text, said, d.numbers_pct, d.about_target(), d.claims_more())}</p> }
                }) }
                if worked.disagreements.iter().any(|d| d.claims_more()) { <p><strong>{say::START_FROM}</strong></p> }
                if worked.disagreements.is_empty() && worked.activity_vs_best_pct.is_some() { <p>{say::AGREE}</p> }
                if let Some(pct) = worked.activity_vs_best_pct { <p data-testid="activity-vs-best">{say::activity(pct)}</p> }
                if let Some(c) = worked.conversion_pct { <p>{say::conversion(c, worked.conversion_from == Some(Which::Best))}</p> }
                if !worked.steps.is_empty() {
                    <p class="why-label">{say::steps(worked.rates_from == Some(Which::Best))}</p>
                    <ol class="arithmetic">{ for worked.steps.iter().map(|s| html! { <li>{step_line(s)}</li> }) }</ol>
                }
                if let (Some(w), Some(d)) = (worked.weekly_needed, worked.daily_needed) { <p data-testid="needed"><strong>{say::needed(w, d)}</strong></p> }
                if let (Some(now), Some(pct)) = (result.responses.numbers.now, worked.now_vs_needed_pct) {
                    <p data-testid="now-vs-needed">{say::now_vs_needed(now.conversations, pct)}</p>
                }
            </section>
        }
    });
    let said = |x: &Driver| {
        html! {
            <li>{"\u{201c}"}{&x.text}{"\u{201d} \u{2014} you said "}<em class="said">{bank.scale_label(x.scale, x.answer)}</em></li>
        }
    };

    html! {
        <article class="card result" aria-labelledby="result-title">
            <p class="eyebrow">{format!("Your result \u{00b7} {date}")}</p>
            <h1 id="result-title" tabindex="-1" ref={heading} data-testid="headline">{title}</h1>
            <p class="confidence" data-testid="pattern" data-pattern={v.pattern.id()}>{sub}</p>
            <p class="small" data-testid="confidence">{verdict::confidence(v, &plan.contradicted)}</p>
            if let Some(line) = verdict::borderline(&bank, v) { <p class="small" data-testid="borderline">{line}</p> }
            if let Some(line) = verdict::not_measured(&bank, &unscored) { <p class="small" data-testid="not-measured">{line}</p> }
            if other_bank {
                <p class="notice" data-testid="other-bank">{say::first_bank(&result.bank)}</p>
            }
            if !d.flags.is_empty() {
                <div class="notice" role="note" data-testid="flags">
                    <p><strong>{"Read this result with care."}</strong></p>
                    <ul>{ for d.flags.iter().map(|f| html! { <li>{f.explain()}</li> }) }</ul>
                </div>
            }
            <ScoreChart bank={bank.clone()} scores={d.scores()} primary={v.primary} />
            { for v.weak.iter().map(|&c| html! { <p class="summary" key={c.id()}><strong>{name(&bank, c)}{": "}</strong>{&bank.cause(c).summary}</p> }) }
            if plan.kind == PlanKind::Outward { <p class="summary">{&bank.outward().summary}</p> }
            if plan.kind == PlanKind::Outward && result.raters.is_empty() && result.responses.numbers.is_empty() {
                <p data-testid="check-outward">{say::CHECK_OUTWARD}</p>
            }
            if plan.kind == PlanKind::NoCause { <p class="summary">{&bank.no_cause().summary}</p> }
            if !plan.outside_changes.is_empty() {
                <p>{"You said these changed outside your control: "}{plan.outside_changes.join("; ")}{". Take them, with a proposed fix, to your team and manager."}</p>
            }

            <section aria-labelledby="why-title">
                <h2 id="why-title">{"Why"}</h2>
                { for Cause::ALL.iter().map(|&c| {
                    let r = d.causes.get(c);
                    html! {
                        <details key={c.id()} open={v.weak.contains(&c)}>
                            <summary>{format!("{}: {}", name(&bank, c), match r.score {
                                Some(s) if other_bank => format!("{s} ({})", Band::of(s).label()),
                                Some(s) => format!("{s} ({}), {}", Band::of(s).label(), say::measured(r.answered, r.not_applicable)),
                                None => format!("not enough answers ({} of {})", r.answered, r.total),
                            })}</summary>
                            if !r.pulled_down.is_empty() {
                                <p class="why-label">{"Pulled it down:"}</p>
                                <ul>{ for r.pulled_down.iter().take(3).map(said) }</ul>
                            }
                            if !r.held_up.is_empty() {
                                <p class="why-label">{"Held it up:"}</p>
                                <ul>{ for r.held_up.iter().take(3).map(said) }</ul>
                            }
                        </details>
                    }
                }) }
            </section>

            if let Some(section) = outside_section { {section} }
            if !other_bank { {ask_section} }

            if let Some(section) = numbers_section { {section} }

            <section aria-labelledby="plan-title" class="plan">
                <h2 id="plan-title">{"Your plan"}</h2>
                { match plan.urgency {
                    Urgency::Severe => html! { <p class="urgency" data-testid="urgency">{say::SEVERE}</p> },
                    Urgency::Mild => html! { <p class="urgency" data-testid="urgency">{say::MILD}</p> },
                    _ => html! {},
                } }
                if let Some(first) = &plan.talk_first { <p class="urgency" data-testid="talk-first">{first}</p> }
                if let Some(note) = &plan.kind_note { <p class="kind">{note}</p> }
                <div class="horizons" data-testid="plan">
                    {actions("Next 7 days", &plan.week)}
                    {actions("Next 30 days", &plan.month)}
                    {actions("Next 90 days", &plan.quarter)}
                </div>
            </section>

            if plan.best.is_some() || !plan.strengths.is_empty() {
                <section aria-labelledby="strengths-title" data-testid="strengths">
                    <h2 id="strengths-title">{"Strengths to lean on"}</h2>
                    if let Some(best) = &plan.best { <p data-testid="best">{best}</p> }
                    <ul>{ for plan.strengths.iter().map(|&c| html! {
                        <li key={c.id()}><strong>{name(&bank, c)}{": "}</strong>{&bank.cause(c).strength}</li>
                    }) }</ul>
                </section>
            }

            if !plan.stories.is_empty() {
                <section aria-labelledby="stories-title">
                    <h2 id="stories-title">{"The stories, reframed"}</h2>
                    { for plan.stories.iter().map(|s| html! {
                        <div class="story" key={s.id.clone()}>
                            <p class="said">{"\u{201c}"}{&s.text}{"\u{201d}"}</p>
                            <p>{&s.reframe}</p>
                            <p><strong>{"First step: "}</strong>{&s.action}</p>
                        </div>
                    }) }
                </section>
            }

            if stall.deals > 0 {
                <section aria-labelledby="stall-title">
                    <h2 id="stall-title">{"Where your deals stall"}</h2>
                    if let Some(line) = &plan.stall { <p data-testid="stall-line">{line}</p> }
                    <FunnelView funnel={stall} />
                </section>
            }

            <section aria-labelledby="manager-title" class="manager" data-testid="manager">
                <h2 id="manager-title">{"For a manager supporting you"}</h2>
                { match manager.kind {
                    PlanKind::Outward => html! { <p>{say::MANAGER_OUTWARD}</p> },
                    PlanKind::NoCause => html! { <p>{say::MANAGER_NO_CAUSE}</p> },
                    PlanKind::Unclear => html! { <p>{say::MANAGER_UNCLEAR}</p> },
                    PlanKind::Causes => html! { <ManagerGuide bank={bank.clone()} causes={plan.focus.clone()} /> },
                } }
                if let Some(first) = &manager.talk_first { <p data-testid="manager-talk-first"><strong>{first}</strong></p> }
                if let Some(best) = &manager.best { <p>{"Build on it: "}{best}</p> }
                <p>{say::ALWAYS}</p>
            </section>

            if let Some(cta) = &state.content.embed.cta {
                <p class="cta-wrap"><a class="cta" href={cta.url.clone()} target="_blank" rel="noopener noreferrer" data-testid="cta">{&cta.text}</a></p>
            }
            <section aria-labelledby="next-title" class="after">
                <h2 id="next-title">{"Keep it going"}</h2>
                <BackupNudge due={backup_due} safari={safari} on_export={export_file.clone()} />
                if let Some(keep) = keep_link {
                    <p class="keep">
                        <a class="cta" href={keep} target="_blank" rel="noopener" data-testid="keep-link">{say::KEEP}</a>
                        {" "}<span class="small">{say::KEEP_WHY}</span>
                    </p>
                }
                <div class="actions">
                    <button type="button" class="primary" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Plan)) }>{"Track this plan"}</button>
                    <button type="button" onclick={remind}>{"Remind me to retake in 30 days"}</button>
                    <button type="button" onclick={share_click}>{"Share result"}</button>
                    <button type="button" onclick={print}>{"Print or save as PDF"}</button>
                    <button type="button" onclick={again}>{"Take the diagnostic again"}</button>
                </div>
                <p class="small" data-testid="persistence">{ match state.persistent {
                    Some(true) => "This browser has agreed to keep Groove's data: it will not clear it to free space.",
                    Some(false) => "This browser may clear Groove's data when space runs low; export it now and then (Data).",
                    None => "",
                } }</p>
                if let Some(m) = &*share_msg {
                    <p role="status">{m}</p>
                    <label class="field" for="share-link">{"Share link"}</label>
                    <input id="share-link" type="text" readonly=true value={link.clone()} data-testid="share-link" />
                }
            </section>
        </article>
    }
}
