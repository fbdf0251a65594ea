//! The one place that touches localStorage.
//!
//! Every call returns a value: a missing or throwing `localStorage` (third-party iframes,
//! some private modes), a full quota and unreadable data are all reported, never panics.
//! The caller decides whether writing is allowed; this module never writes the main key
//! on its own, and it keeps unreadable data aside before anything else may replace it.

use groove_core::schema::{self, DecodeError, Document};
use wasm_bindgen::{JsCast, JsValue};

/// The key of the stored document on the standalone site.
pub const KEY: &str = "groove";

thread_local! {
    /// The key in use: `KEY`, or `groove@<namespace>` for a widget given a namespace.
    static ACTIVE_KEY: std::cell::RefCell<String> = std::cell::RefCell::new(KEY.to_string());
}

/// Chooses the key once at start (before the first load); two widgets on one site with
/// different namespaces keep separate documents.
pub fn use_key(key: &str) {
    ACTIVE_KEY.with(|k| *k.borrow_mut() = key.to_string());
}

pub fn key() -> String {
    ACTIVE_KEY.with(|k| k.borrow().clone())
}

/// What a load found.
pub enum Loaded {
    /// Nothing stored yet: start fresh, writing allowed.
    Empty,
    Found(Document),
    /// The stored value could not be read; it was copied, unchanged, to `backup_key`.
    KeptAside {
        backup_key: String,
        why: DecodeError,
    },
    /// The stored value could not be read, and could not be kept aside either.
    Unreadable {
        why: String,
    },
    /// Written by a newer Groove, or not upgradable: to be left untouched.
    Newer(DecodeError),
    /// localStorage is missing or throws.
    Unavailable(String),
}

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("there is no browser window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no local storage here".into()),
        Err(e) => Err(describe(&e)),
    }
}

/// Words for a thrown JS value, without pulling in Debug formatting.
fn describe(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        let name: String = err.name().into();
        let message: String = err.message().into();
        if name == "QuotaExceededError" {
            return "storage is full".into();
        }
        if name == "SecurityError" {
            return "the browser blocks storage here".into();
        }
        return format!("{name}: {message}");
    }
    e.as_string().unwrap_or_else(|| "the browser refused".into())
}

pub fn load(now: u64) -> Loaded {
    let storage = match local_storage() {
        Ok(s) => s,
        Err(why) => return Loaded::Unavailable(why),
    };
    let key = key();
    let raw = match storage.get_item(&key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Empty,
        Err(e) => return Loaded::Unavailable(describe(&e)),
    };
    match schema::decode(&raw) {
        Ok(doc) => Loaded::Found(doc),
        // Newer data, or older data whose upgrade failed: leave it exactly as it is.
        Err(why @ (DecodeError::Newer { .. } | DecodeError::Migration { .. })) => Loaded::Newer(why),
        Err(why) => {
            let backup_key = format!("{key}:unreadable:{now}");
            match storage.set_item(&backup_key, &raw) {
                // Only once the copy is known to be there may the main key be reused.
                Ok(()) if storage.get_item(&backup_key).ok().flatten().as_deref() == Some(raw.as_str()) => {
                    Loaded::KeptAside { backup_key, why }
                }
                Ok(()) => Loaded::Unreadable { why: why.to_string() },
                Err(e) => Loaded::Unreadable { why: format!("{why}; keeping a copy failed: {}", describe(&e)) },
            }
        }
    }
}

/// Writes the whole document as one value, so a page closed mid-save leaves either the old
/// or the new document, both loadable.
pub fn save(doc: &Document) -> Result<(), String> {
    let storage = local_storage()?;
    storage.set_item(&key(), &schema::encode(doc)).map_err(|e| describe(&e))
}

/// The current revision stored by any tab, to notice another tab's writes.
pub fn stored_document() -> Option<Document> {
    let raw = local_storage().ok()?.get_item(&key()).ok()??;
    schema::decode(&raw).ok()
}

fn groove_keys(storage: &web_sys::Storage) -> Vec<String> {
    let n = storage.length().unwrap_or(0);
    let key = key();
    let prefix = format!("{key}:");
    (0..n).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| *k == key || k.starts_with(&prefix)).collect()
}

/// Unreadable values kept aside at load, as (key, raw text), for the export.
pub fn kept_aside() -> Vec<(String, String)> {
    let Ok(storage) = local_storage() else { return Vec::new() };
    groove_keys(&storage)
        .into_iter()
        .filter(|k| k.contains(":unreadable:"))
        .filter_map(|k| storage.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect()
}

/// Bytes Groove's own keys take (localStorage keeps UTF-16: two bytes a unit).
pub fn groove_bytes() -> usize {
    let Ok(storage) = local_storage() else { return 0 };
    groove_keys(&storage)
        .iter()
        .map(|k| k.encode_utf16().count() + storage.get_item(k).ok().flatten().map_or(0, |v| v.encode_utf16().count()))
        .sum::<usize>()
        * 2
}

/// Removes every key Groove wrote in this browser, kept-aside values included.
pub fn delete_all() -> Result<(), String> {
    let storage = local_storage()?;
    for key in groove_keys(&storage) {
        storage.remove_item(&key).map_err(|e| describe(&e))?;
    }
    Ok(())
}

/// Listens for another tab's save of Groove's document; the listener stops when the
/// returned value is dropped.
pub fn on_other_tab(on_document: impl Fn(Document) + 'static) -> crate::browser::Listener {
    crate::browser::listen("storage", move |e| {
        let ours = e.dyn_ref::<web_sys::StorageEvent>().is_some_and(|e| e.key() == Some(key()));
        if let Some(doc) = ours.then(stored_document).flatten() {
            on_document(doc);
        }
    })
}
