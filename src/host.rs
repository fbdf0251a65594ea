//! The one place for host-page messages, when Groove runs as a widget in a coach's page
//! (an iframe made by embed.js): the widget's options, its look, its height, its events.
//! Messages go only to the host origin embed.js named; events carry scores, never answers,
//! and the coach's `ref` when one was given (it is never stored).

use groove_core::embed::{EmbedOptions, Theme};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The widget's options from this page's query string (untrusted: validated by the core).
pub fn options() -> EmbedOptions {
    let pairs = crate::browser::query_pairs();
    EmbedOptions::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Theme, accent and layout, set through the DOM (never inline markup, so the CSP holds).
pub fn apply_look(o: &EmbedOptions) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    if o.theme != Theme::Auto {
        let _ = root.set_attribute("data-theme", o.theme.id());
    }
    let classes = root.class_list();
    if o.embedded {
        let _ = classes.add_1("embedded");
    }
    if o.compact {
        let _ = classes.add_1("compact");
    }
    if let (Some(accent), Some(el)) = (&o.accent, root.dyn_ref::<web_sys::HtmlElement>()) {
        let _ = el.style().set_property("--accent", accent);
        let _ = el.style().set_property("--strong", accent);
    }
}

fn post(o: &EmbedOptions, message: serde_json::Value) {
    let Some(origin) = &o.host_origin else { return };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    if let Ok(value) = js_sys::JSON::parse(&message.to_string()) {
        let _ = parent.post_message(&value, origin);
    }
}

/// Keeps the host's frame as tall as the content, so it never shows a scrollbar.
pub fn report_height(o: &EmbedOptions) {
    if !o.embedded || o.host_origin.is_none() {
        return;
    }
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let options = o.clone();
    let measured = body.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || {
        post(&options, serde_json::json!({ "type": "groove:height", "height": measured.offset_height() }));
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    on_resize.forget();
}

/// A DOM event for the host page, only when it asked for events (`events` attribute), with
/// the coach's `ref` added to its detail.
pub fn send_event(o: &EmbedOptions, name: &str, mut detail: serde_json::Value) {
    if !o.events {
        return;
    }
    if let (Some(reference), Some(fields)) = (&o.reference, detail.as_object_mut()) {
        fields.insert("ref".to_string(), serde_json::Value::String(reference.clone()));
    }
    post(o, serde_json::json!({ "type": format!("groove:{name}"), "detail": detail }));
}

/// In embed.js's modal dialog (`mode="popup"`), Escape pressed inside the frame never
/// reaches the host page's dialog, so the frame asks the host to close it. A key some
/// control already used (`preventDefault`) is left alone.
pub fn close_on_escape(o: &EmbedOptions) {
    if !o.popup || o.host_origin.is_none() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let options = o.clone();
    let on_key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        if e.key() == "Escape" && !e.default_prevented() {
            post(&options, serde_json::json!({ "type": "groove:close" }));
        }
    });
    let _ = document.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_key.forget();
}
