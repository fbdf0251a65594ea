//! "Your data": people on this device, export, import (with a summary first), delete
//! everything, and how much storage Groove uses and whether it is persistent.

use crate::browser::now;
use crate::browser::{self, StorageReport};
use crate::hooks::use_heading_focus;
use crate::hooks::{use_backup, use_confirm, use_export};
use crate::state::StateHandle;
use crate::state::{Action, Persistence, Screen};
use crate::storage;
use crate::widgets::backup::BackupNudge;
use groove_core::schema::Document;
use groove_core::transfer::{self, size_text, ImportSummary, MAX_IMPORT_BYTES};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: StateHandle,
}

#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    Ready(Box<Document>, ImportSummary),
    Refused(String),
    Done(String),
}

#[function_component(DataView)]
pub fn data_view(props: &Props) -> Html {
    let state = &props.state;
    let export_file = use_export(state);
    let (backup_due, safari) = use_backup(state);
    let heading = use_heading_focus((), state.content.embed.embedded);
    let import = use_state(|| ImportState::Idle);
    let confirm_delete = use_confirm::<()>();
    let report = use_state(StorageReport::default);
    let used = use_state(|| 0usize);
    let message = use_state(|| None::<String>);
    let new_name = use_node_ref();
    {
        let (report, used) = (report.clone(), used.clone());
        use_effect_with(state.storage_writes, move |_| {
            // Reading every Groove key is I/O: once per write to storage, never on a re-render.
            used.set(storage::groove_bytes());
            spawn_local(async move { report.set(browser::storage_report().await) });
        });
    }

    let export = {
        let s = export_file.clone();
        let message = message.clone();
        move |_| match s.emit(()) {
            Ok(name) => message.set(Some(format!("Exported to {name}."))),
            Err(e) => message.set(Some(format!("The export could not be made: {e}."))),
        }
    };
    let onfile = {
        let s = state.clone();
        let import = import.clone();
        move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            if file.size() > MAX_IMPORT_BYTES as f64 {
                import.set(ImportState::Refused(format!(
                    "The file is {}; a Groove export is far smaller, so nothing was read.",
                    size_text(file.size() as u64)
                )));
                return;
            }
            let (s, import) = (s.clone(), import.clone());
            spawn_local(async move {
                let text = browser::read_file_text(&file).await;
                let Some(text) = text else {
                    import.set(ImportState::Refused("The file could not be read as text.".into()));
                    return;
                };
                match transfer::plan_import(&s.doc, &text) {
                    Ok((merged, summary)) => import.set(ImportState::Ready(Box::new(merged), summary)),
                    Err(e) => import.set(ImportState::Refused(format!("Nothing was imported: {e}."))),
                }
            });
        }
    };
    let persist = {
        let report = report.clone();
        move |_| {
            let report = report.clone();
            spawn_local(async move {
                let _ = browser::request_persistence().await;
                report.set(browser::storage_report().await);
            });
        }
    };
    let add_profile = {
        let s = state.clone();
        let new_name = new_name.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = new_name.cast::<web_sys::HtmlInputElement>() else { return };
            let name = input.value();
            if !name.trim().is_empty() {
                s.dispatch(Action::AddProfile { name: name.chars().take(80).collect(), now: now() });
                input.set_value("");
            }
        }
    };

    let profile_label = |name: &str| if name.is_empty() { "You (the default)".to_string() } else { name.to_string() };
    let used = *used;

    html! {
        <section class="card data" aria-labelledby="data-title">
            <h1 id="data-title" tabindex="-1" ref={heading.clone()}>{"Your data"}</h1>
            <BackupNudge due={backup_due} safari={safari} on_export={export_file.clone()} />
            <p>{"Everything Groove knows is in this browser, on this device. Nothing is sent anywhere."}</p>
            if let Some(m) = &*message { <p role="status">{m}</p> }

            <h2>{"People on this device"}</h2>
            <p class="hint">{"A manager going through Groove with each rep can keep a separate history, plan and reviews for each person."}</p>
            <label class="field" for="profile-pick">{"Whose data is shown"}</label>
            <select id="profile-pick" onchange={ let s = state.clone(); move |e: Event| s.dispatch(Action::SwitchProfile(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())) }>
                { for state.doc.profiles.iter().map(|p| html! { <option value={p.id.clone()} selected={p.id == state.doc.active}>{profile_label(&p.name)}</option> }) }
            </select>
            <form class="inline-form" onsubmit={add_profile}>
                <label class="field" for="profile-name">{"Add a person"}</label>
                <input id="profile-name" type="text" maxlength="80" autocomplete="off" ref={new_name} />
                <button type="submit">{"Add"}</button>
            </form>
            if state.doc.profiles.len() > 1 {
                <p><button type="button" data-testid="open-team" onclick={ let s = state.clone(); move |_| s.dispatch(Action::Go(Screen::Team)) }>{"See everyone at once"}</button></p>
            }

            <h2>{"Export and import"}</h2>
            <p>{"Export saves everything (results, answers in progress, plan progress, reviews, people) as one file. Import merges such a file back in; nothing here is replaced."}</p>
            <div class="actions">
                <button type="button" onclick={export}>{"Export everything"}</button>
                <span class="small" data-testid="last-export">{ match state.doc.exported_at {
                    Some(at) => format!(" Last export: {}.", crate::browser::date_text(at)),
                    None => " Not exported yet.".to_string(),
                } }</span>
                <label class="button" for="import-file">{"Import a file\u{2026}"}</label>
                <input id="import-file" class="visually-hidden-file" type="file" accept="application/json,.json" onchange={onfile} />
            </div>
            { match &*import {
                ImportState::Idle => html! {},
                ImportState::Refused(why) => html! { <p class="notice" role="alert" data-testid="import-message">{why}</p> },
                ImportState::Done(what) => html! { <p role="status" data-testid="import-message">{what}</p> },
                ImportState::Ready(doc, summary) => {
                    let apply = {
                        let s = state.clone();
                        let import = import.clone();
                        let doc = doc.clone();
                        move |_| {
                            s.dispatch(Action::Import((*doc).clone()));
                            import.set(ImportState::Done("Imported. Everything in the file is now here too.".into()));
                        }
                    };
                    html! {
                        <div class="notice" role="group" aria-label="Import summary" data-testid="import-summary">
                            if summary.is_empty() {
                                <p>{"Everything in this file is already here. Nothing to add."}</p>
                            } else {
                                <p>{"This file would add:"}</p>
                                <ul>
                                    if summary.profiles > 0 { <li>{format!("{} person(s)", summary.profiles)}</li> }
                                    if summary.results > 0 { <li>{format!("{} result(s)", summary.results)}</li> }
                                    if summary.reviews > 0 { <li>{format!("{} daily review(s)", summary.reviews)}</li> }
                                    if summary.checks > 0 { <li>{format!("{} checked plan action(s)", summary.checks)}</li> }
                                    if summary.in_progress > 0 { <li>{format!("{} assessment(s) in progress", summary.in_progress)}</li> }
                                    if summary.raters > 0 { <li>{format!("{} outside view(s)", summary.raters)}</li> }
                                </ul>
                                if summary.already_here > 0 { <p>{format!("{} item(s) are already here and stay as they are.", summary.already_here)}</p> }
                                <button type="button" class="primary" onclick={apply}>{"Add them"}</button>
                            }
                            <button type="button" onclick={ let i = import.clone(); move |_| i.set(ImportState::Idle) }>{"Cancel"}</button>
                        </div>
                    }
                }
            } }

            <h2>{"Storage"}</h2>
            <ul data-testid="storage-panel">
                <li>{format!("Groove uses {} of this browser's storage.", size_text(used as u64))}</li>
                if let Some(q) = report.quota { <li>{format!("The browser allows this site up to {}.", size_text(q as u64))}</li> }
                <li>{ match (&state.persistence, report.persistent) {
                    (Persistence::Memory(_), _) => "Storage is blocked here: nothing is kept after you close this page.".to_string(),
                    (_, Some(true)) => "Persistent: the browser will not clear Groove's data to free space.".to_string(),
                    (_, Some(false)) => "Not persistent: the browser may clear Groove's data if space runs low. Export now and then.".to_string(),
                    (_, None) => "This browser does not say whether storage is persistent.".to_string(),
                } }</li>
            </ul>
            if report.persistent == Some(false) {
                <button type="button" onclick={persist}>{"Ask the browser to keep it"}</button>
            }

            <h2>{"Delete everything"}</h2>
            if confirm_delete.asking(&()) {
                <div class="confirm" role="group" aria-label="Delete everything?">
                    <p>{"This removes every result, plan, review and person Groove kept in this browser. It cannot be undone. Export first if you may want it back."}</p>
                    <button type="button" class="danger" onclick={ let s = state.clone(); let m = message.clone(); confirm_delete.yes(move || {
                        match storage::delete_all() {
                            Ok(()) => { s.dispatch(Action::DeletedAll); m.set(Some("Everything Groove kept in this browser is deleted.".into())); }
                            Err(e) => m.set(Some(format!("Nothing was deleted: {e}."))),
                        }
                    }) }>{"Yes, delete everything"}</button>
                    <button type="button" onclick={confirm_delete.cancel()}>{"Keep it"}</button>
                </div>
            } else {
                <button type="button" class="danger-outline" onclick={confirm_delete.ask(())}>{"Delete everything\u{2026}"}</button>
            }
        </section>
    }
}
