//! The quiet backup nudge: after the second result, and when the last export is over 30
//! days old, say so with the export one click away; and in Safari (not on the Home
//! Screen), say plainly that Safari deletes Groove's data after seven days without a visit.

use groove_core::schema::Backup;
use yew::prelude::*;

/// Every sentence of this widget, in one place for translation.
mod say {
    pub const NEVER: &str = "You have more than one result here and have not exported them yet. Browsers can clear what a site keeps; an export file keeps your history safe.";
    pub fn old(days: u64) -> String {
        format!(
            "Your last export is {days} days old. An export file keeps your history safe if this browser clears it."
        )
    }
    pub const SAFARI: &str = "Safari deletes everything Groove keeps in this browser after seven days of browsing without a visit. To keep it, add Groove to your Home Screen (the Share button, then \u{201c}Add to Home Screen\u{201d}), or export your data now.";
    pub const EXPORT: &str = "Export my data";
    pub fn exported(name: &str) -> String {
        format!("Exported to {name}.")
    }
    pub fn failed(why: &str) -> String {
        format!("The export could not be made: {why}.")
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Why an export is due now, if it is.
    pub due: Option<Backup>,
    /// Safari in a tab, which deletes Groove's data after seven days without a visit.
    pub safari: bool,
    /// Exports everything: the file's name, or why it could not be made.
    pub on_export: Callback<(), Result<String, String>>,
}

#[function_component(BackupNudge)]
pub fn backup_nudge(props: &Props) -> Html {
    let message = use_state(|| None::<String>);
    let (due, safari) = (props.due, props.safari);
    if due.is_none() && !safari && message.is_none() {
        return html! {};
    }
    let export = {
        let (on_export, message) = (props.on_export.clone(), message.clone());
        move |_| {
            message.set(Some(match on_export.emit(()) {
                Ok(name) => say::exported(&name),
                Err(why) => say::failed(&why),
            }))
        }
    };
    html! {
        <div class="notice backup" role="note" data-testid="backup">
            if safari { <p data-testid="safari">{say::SAFARI}</p> }
            { match due {
                Some(Backup::Never) => html! { <p>{say::NEVER}</p> },
                Some(Backup::Old { days }) => html! { <p>{say::old(days)}</p> },
                None => html! {},
            } }
            if due.is_some() || safari {
                <button type="button" onclick={export}>{say::EXPORT}</button>
            }
            if let Some(m) = &*message { <p role="status">{m}</p> }
        </div>
    }
}
