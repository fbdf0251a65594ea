//! Groove's entry point. Routing lives in `app`; nothing else belongs here.

fn main() {
    groove::start();
}
