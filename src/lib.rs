//! Groove, the Yew app. `main.rs` only calls [`start`]; the modules below hold the rest:
//! `app` routes, `state` reduces, `storage` is the only code that touches localStorage,
//! `pages` (one per screen) and `widgets` render, `hooks` hold what screens share. All
//! scoring and content logic lives in `groove-core`.

pub mod app;
pub mod browser;
pub mod hooks;
pub mod host;
pub mod pages;
pub mod service_worker;
pub mod state;
pub mod storage;
pub mod widgets;

/// Mounts Groove on the document body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
