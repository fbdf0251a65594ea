//! The small indicator that says whether answers are being kept on this device.

use crate::state::{Persistence, SaveStatus};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub persistence: Persistence,
    pub save: SaveStatus,
}

#[function_component(StatusBar)]
pub fn status_bar(props: &Props) -> Html {
    let (class, text) = match (&props.persistence, &props.save) {
        (Persistence::Memory(_), _) => ("status warn", "Not kept: this browser blocks storage".to_string()),
        (Persistence::ReadOnly(_), _) => ("status warn", "Read-only: nothing is saved".to_string()),
        (Persistence::Saving, SaveStatus::Failed(why)) => {
            ("status error", format!("Not saved ({why}). Free space by deleting old results, or keep this tab open."))
        }
        (Persistence::Saving, SaveStatus::Saved) => ("status ok", "Saved on this device".to_string()),
        (Persistence::Saving, SaveStatus::Idle) => ("status ok", "Kept on this device only".to_string()),
    };
    html! { <p class={class} role="status" aria-live="polite" data-testid="save-status">{text}</p> }
}
