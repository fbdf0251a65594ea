//! Groove, the Yew app. `main.rs` only calls [`start`]; the modules below hold the rest:
//! `app` routes, `state` reduces, `storage` is the only code that touches localStorage,
//! `components` render. All scoring and content logic lives in `groove-core`.

pub mod app;
pub mod browser;
pub mod components;
pub mod host;
pub mod service_worker;
pub mod state;
pub mod storage;

/// Mounts Groove on the document body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
