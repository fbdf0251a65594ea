//! Groove's entry point: mounts the app. Routing lives in `app`; everything else elsewhere.

mod app;
mod components;
mod state;
mod storage;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
