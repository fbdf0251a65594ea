//! The one place for browser effects other than storage: downloads, the clipboard, the
//! address (query and fragment), fetching a coach's bank, the local calendar day, and the
//! storage manager (usage, persistence).
//! Every function returns a value; nothing here panics on a missing API.

use groove_core::days::{days_from_civil, Day};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download, made entirely in the browser.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "could not make the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "could not make a link to the file")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| "no link")?.dyn_into().map_err(|_| "no link")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies text to the clipboard where the browser allows it; returns whether it did.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else { return false };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")) else { return false };
    let Some(write) = write.dyn_ref::<js_sys::Function>() else { return false };
    match write.call1(&clipboard, &JsValue::from_str(text)) {
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(p) => JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// The page's address without its fragment: the base of share links and calendar links.
pub fn page_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The text after `#share=`, if the page was opened from a share link.
pub fn share_fragment() -> Option<String> {
    fragment_after("#share=")
}

/// The links that open a screen of their own, by the fragment's name: `share`, `keep`,
/// `ask` (a rating request) and `reply` (a rater's answer). The name and the text after `=`.
pub fn link_fragment() -> Option<(&'static str, String)> {
    ["share", "keep", "ask", "reply"].into_iter().find_map(|name| Some((name, fragment_after(&format!("#{name}="))?)))
}

/// Calls `on_change` when the fragment changes in place (a link pasted into a tab that
/// already shows Groove); stops listening when the returned value is dropped.
pub fn on_fragment_change(on_change: impl Fn() + 'static) -> Listener {
    listen("hashchange", move |_| on_change())
}

/// Calls `on_event` for each `event` on the window until the returned value is dropped.
pub fn listen(event: &'static str, on_event: impl Fn(web_sys::Event) + 'static) -> Listener {
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(on_event);
    let window = web_sys::window();
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    Listener { window, event, listener }
}

/// A window event listener of [`listen`]; removed when dropped.
pub struct Listener {
    window: Option<web_sys::Window>,
    event: &'static str,
    listener: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(w) = &self.window {
            let _ = w.remove_event_listener_with_callback(self.event, self.listener.as_ref().unchecked_ref());
        }
    }
}

fn fragment_after(prefix: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let raw = hash.strip_prefix(prefix)?;
    Some(js_sys::decode_uri_component(raw).ok().and_then(|s| s.as_string()).unwrap_or_else(|| raw.to_string()))
}

/// The app's own address, without the widget's query string or any fragment: where the
/// hand-off opens Groove at top level.
pub fn app_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// A link to Groove at top level with `fragment` (after `#`), keeping a coach's `?bank=`,
/// so whoever opens it answers or reads the same questions.
pub fn app_link(fragment: &str) -> String {
    let query =
        bank_param().map(|v| format!("?bank={}", String::from(js_sys::encode_uri_component(&v)))).unwrap_or_default();
    format!("{}{query}#{fragment}", app_url())
}

/// Opens Groove again with the coach's bank at `address` and `fragment` (after `#`).
pub fn open_with_bank(address: &str, fragment: &str) {
    let url = format!("{}?bank={}#{fragment}", app_url(), String::from(js_sys::encode_uri_component(address)));
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&url);
    }
}

/// The coach's bank named by `?bank=PATH`, if any.
pub fn bank_param() -> Option<String> {
    query_pairs().into_iter().find(|(k, v)| k == "bank" && !v.trim().is_empty()).map(|(_, v)| v)
}

/// Whether the page was opened at `#review` (the daily reminder's link).
pub fn review_fragment() -> bool {
    web_sys::window().and_then(|w| w.location().hash().ok()).is_some_and(|h| h == REVIEW_FRAGMENT)
}

/// The fragment of the review screen's address.
pub const REVIEW_FRAGMENT: &str = "#review";

/// Removes the fragment without reloading or adding a history entry.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&page_url()));
        }
    }
}

/// The page's query string as decoded (key, value) pairs, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let decode = |s: &str| {
        js_sys::decode_uri_component(&s.replace('+', " ")).ok().and_then(|v| v.as_string()).unwrap_or_default()
    };
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// A same-origin file as text (a coach's bank), or why it could not be had.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response =
        JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| "it could not be fetched".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(|_| "no text".to_string())?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or_else(|| "it is not text".to_string())
}

/// Resolves in a later task (a zero-delay timer). Start-up awaits it between its steps, so
/// it is a few short tasks rather than one long one that would hold up a slow phone.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !queued {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Removes the first screen index.html paints before the wasm arrives (`#placeholder`).
pub fn remove_placeholder() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("placeholder")) {
        el.remove();
    }
}

/// Today in the person's own time zone.
pub fn local_today() -> Day {
    let d = js_sys::Date::new_0();
    days_from_civil(i64::from(d.get_full_year()), d.get_month() + 1, d.get_date())
}

/// What the browser says about storage: bytes used by this origin, its quota, persistence.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct StorageReport {
    pub usage: Option<f64>,
    pub quota: Option<f64>,
    pub persistent: Option<bool>,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    // `navigator.storage` is missing in insecure contexts; check before calling.
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).unwrap_or(false);
    has.then(|| navigator.storage())
}

async fn promised(promise: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

pub async fn storage_report() -> StorageReport {
    let Some(manager) = storage_manager() else { return StorageReport::default() };
    let estimate = promised(manager.estimate()).await;
    let field = |name: &str| {
        estimate.as_ref().and_then(|e| js_sys::Reflect::get(e, &JsValue::from_str(name)).ok()).and_then(|v| v.as_f64())
    };
    let persistent = promised(manager.persisted()).await.and_then(|v| v.as_bool());
    StorageReport { usage: field("usage"), quota: field("quota"), persistent }
}

/// Safari in a tab (not added to the Home Screen): it deletes a site's script-written
/// storage after seven days of browsing without a visit. Read from the user agent (Safari
/// names itself "Safari" and no other engine's token) and the installed display mode.
pub fn safari_in_a_tab() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let agent = window.navigator().user_agent().unwrap_or_default();
    let safari = agent.contains("Safari/")
        && ["Chrome/", "Chromium/", "CriOS/", "FxiOS/", "EdgiOS/", "Edg/", "Android"]
            .iter()
            .all(|t| !agent.contains(t));
    let navigator = JsValue::from(window.navigator());
    let home_screen = js_sys::Reflect::get(&navigator, &JsValue::from_str("standalone")).ok().and_then(|v| v.as_bool());
    safari && home_screen != Some(true)
}

/// Asks the browser to keep Groove's storage when space runs low; returns whether it will.
pub async fn request_persistence() -> Option<bool> {
    let manager = storage_manager()?;
    promised(manager.persist()).await.and_then(|v| v.as_bool())
}

/// Milliseconds since the epoch: the one clock of the app.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Opens the browser's print dialog (the result prints as its own page; save as PDF there).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A moment (ms since the epoch) as a local date for people: "27 Nov 2026".
pub fn date_text(ms: u64) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let month = MONTHS.get(d.get_month() as usize).copied().unwrap_or("");
    format!("{} {} {}", d.get_date(), month, d.get_full_year())
}

/// Moves focus to an element (a heading with tabindex -1) so keyboard and screen-reader
/// users start there, without scrolling a host page (the widget's frame) to it.
pub fn focus(node: &yew::NodeRef, embedded: bool) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(embedded);
        let _ = el.focus_with_options(&options);
    }
}

/// The text of a file the person picked, or None when it cannot be read as text.
pub async fn read_file_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string())
}
