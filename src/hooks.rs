//! Behaviours screens share, as hooks: the heading that takes focus on arrival, asking
//! before a destructive action, the export of everything, the backup nudge's facts; and
//! leaving a screen a link opened.

use crate::browser;
use crate::state::{Action, StateHandle};
use crate::storage;
use groove_core::schema::Backup;
use groove_core::transfer;
use yew::prelude::*;

/// A ref for the screen's heading (with `tabindex="-1"`), focused when the screen arrives
/// and again whenever `key` changes (a new question, another result), so keyboard and
/// screen-reader users start there. In the widget (`embedded`) focusing never scrolls the
/// host page.
#[hook]
pub fn use_heading_focus<K: PartialEq + 'static>(key: K, embedded: bool) -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(key, move |_| browser::focus(&heading, embedded));
    }
    heading
}

/// Leaves a screen that a link opened (share, keep, ask, reply): the fragment goes, so a
/// reload does not open it again, and the person lands at home.
pub fn leave_link(state: &StateHandle) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| {
        browser::clear_fragment();
        state.dispatch(Action::Go(crate::state::Screen::Welcome));
    })
}

/// Exports everything (the document and any data kept aside) as a file and notes when:
/// the file's name, or why it could not be made.
#[hook]
pub fn use_export(state: &StateHandle) -> Callback<(), Result<String, String>> {
    let state = state.clone();
    Callback::from(move |()| {
        let at = browser::now();
        let file = transfer::export(&state.doc, at, &storage::kept_aside());
        let name = format!("groove-export-{}.json", groove_core::days::iso_date(browser::local_today()));
        browser::download(&name, "application/json", &file)?;
        state.dispatch(Action::Exported { now: at });
        Ok(name)
    })
}

/// What the backup nudge needs: whether an export is due, and whether this is Safari in a
/// tab (asked of the browser once per screen).
#[hook]
pub fn use_backup(state: &StateHandle) -> (Option<Backup>, bool) {
    let safari = use_memo((), |_| browser::safari_in_a_tab());
    (state.doc.backup_due(browser::now()), *safari)
}

/// Asking before a destructive action: which thing (`K`, e.g. a result id, or `()`) is
/// waiting for a yes, and the callbacks of its three buttons.
#[derive(Clone, PartialEq)]
pub struct Confirm<K: Clone + PartialEq + 'static>(UseStateHandle<Option<K>>);

impl<K: Clone + PartialEq + 'static> Confirm<K> {
    /// Whether `key` is waiting for a yes.
    pub fn asking(&self, key: &K) -> bool {
        self.0.as_ref() == Some(key)
    }

    /// The first button: ask about `key`.
    pub fn ask(&self, key: K) -> Callback<MouseEvent> {
        let state = self.0.clone();
        Callback::from(move |_| state.set(Some(key.clone())))
    }

    /// "Keep it": nothing happens.
    pub fn cancel(&self) -> Callback<MouseEvent> {
        let state = self.0.clone();
        Callback::from(move |_| state.set(None))
    }

    /// "Yes": stop asking, then do it.
    pub fn yes(&self, action: impl Fn() + 'static) -> Callback<MouseEvent> {
        let state = self.0.clone();
        Callback::from(move |_| {
            state.set(None);
            action();
        })
    }
}

#[hook]
pub fn use_confirm<K: Clone + PartialEq + 'static>() -> Confirm<K> {
    Confirm(use_state(|| None))
}
