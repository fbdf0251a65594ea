//! The app's side of the service worker (registered by static/pwa.js): hearing that a new
//! version waits, and asking for it at a moment the person chose.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const READY: &str = "groove:update-ready";
const APPLY: &str = "groove:apply-update";

/// Whether pwa.js already announced a waiting version before the app started listening.
pub fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("__grooveUpdateReady")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Calls `on_ready` when a new version is waiting; the returned guard stops listening.
pub fn on_update_ready(on_ready: impl Fn() + 'static) -> impl FnOnce() {
    let listener = Closure::<dyn Fn()>::new(on_ready);
    let window = web_sys::window();
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback(READY, listener.as_ref().unchecked_ref());
    }
    move || {
        if let Some(w) = &window {
            let _ = w.remove_event_listener_with_callback(READY, listener.as_ref().unchecked_ref());
        }
    }
}

/// Asks the waiting version to take over; pwa.js reloads the page once it has.
pub fn apply_update() {
    if let (Some(w), Ok(event)) = (web_sys::window(), web_sys::Event::new(APPLY)) {
        let _ = w.dispatch_event(&event);
    }
}
