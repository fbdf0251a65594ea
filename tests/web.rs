//! Components in a real browser (wasm-bindgen-test in headless Chromium): mount the app,
//! act on its native controls, and assert on the DOM and on localStorage.
#![cfg(target_arch = "wasm32")]

use groove::storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts a fresh app into its own element and lets Yew render.
async fn mount() -> web_sys::Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<groove::app::App>::with_root(host.clone()).render();
    // Start-up takes a few tasks (see app.rs): wait until the app's main region is there.
    for _ in 0..100 {
        settle().await;
        if host.query_selector("#main").ok().flatten().is_some() {
            break;
        }
    }
    host
}

async fn settle() {
    // Yew renders on the microtask queue; a zero timeout lets effects run too.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn click_button(host: &web_sys::Element, text: &str) {
    let buttons = host.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
        if b.text_content().unwrap_or_default().trim() == text {
            b.click();
            return;
        }
    }
    panic!("no button {text:?} in {}", host.inner_html());
}

fn stored() -> serde_json::Value {
    serde_json::from_str(&local_storage().get_item(storage::KEY).unwrap().unwrap()).unwrap()
}

#[wasm_bindgen_test]
async fn an_answer_is_saved_the_moment_it_is_given() {
    local_storage().clear().unwrap();
    let host = mount().await;
    assert!(host.text_content().unwrap().contains("Find what's behind your sales slump"));
    click_button(&host, "Start the diagnostic");
    settle().await;
    // The first step is a slump fact: a native radio group whose legend is the question.
    let legend = host.query_selector("fieldset legend").unwrap().unwrap();
    assert!(!legend.text_content().unwrap().is_empty());
    let radio: HtmlInputElement = host.query_selector("input[type=radio]").unwrap().unwrap().dyn_into().unwrap();
    radio.click();
    settle().await;
    let doc = stored();
    assert_eq!(doc["schema"], groove_core::schema::SCHEMA_VERSION);
    let facts = &doc["profiles"][0]["progress"]["responses"]["facts"];
    assert_eq!(facts.as_object().unwrap().len(), 1, "{doc}");
    // The status is rendered after the save effect ran: give it a few tasks.
    let status = || host.query_selector("[data-testid=save-status]").unwrap().unwrap().text_content().unwrap();
    for _ in 0..50 {
        if status().contains("Saved") {
            break;
        }
        settle().await;
    }
    assert!(status().contains("Saved"), "{}", status());
    host.remove();
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_kept_aside_and_never_overwritten() {
    local_storage().clear().unwrap();
    local_storage().set_item(storage::KEY, "{\"schema\":1,\"results\":[trunc").unwrap();
    let host = mount().await;
    assert!(host.text_content().unwrap().contains("could not be read"));
    let backup = (0..local_storage().length().unwrap())
        .filter_map(|i| local_storage().key(i).unwrap())
        .find(|k| k.starts_with("groove:unreadable:"))
        .expect("a backup key");
    assert_eq!(local_storage().get_item(&backup).unwrap().unwrap(), "{\"schema\":1,\"results\":[trunc");
    host.remove();
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_is_read_only() {
    local_storage().clear().unwrap();
    let newer = "{\"schema\":99,\"future\":true}";
    local_storage().set_item(storage::KEY, newer).unwrap();
    let host = mount().await;
    assert!(host.text_content().unwrap().contains("newer version"));
    click_button(&host, "Start the diagnostic");
    settle().await;
    let radio: HtmlInputElement = host.query_selector("input[type=radio]").unwrap().unwrap().dyn_into().unwrap();
    radio.click();
    settle().await;
    assert_eq!(local_storage().get_item(storage::KEY).unwrap().unwrap(), newer, "nothing written");
    assert!(host.text_content().unwrap().contains("Read-only"));
    host.remove();
}

#[wasm_bindgen_test]
async fn chart_bars_are_keyed_by_cause_id_not_position() {
    use groove::widgets::chart::{Props, ScoreChart};
    use groove_core::{Bank, Cause, PerCause};
    let bank = std::rc::Rc::new(Bank::default_bank().unwrap());
    let scores = PerCause { training: Some(81), effort: None, discipline: Some(12), feedback: Some(57) };
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<ScoreChart>::with_root_and_props(
        host.clone(),
        Props { bank: bank.clone(), scores: scores.clone(), primary: Some(Cause::Discipline) },
    )
    .render();
    settle().await;
    for cause in Cause::ALL {
        let group = host.query_selector(&format!("g[data-cause={}]", cause.id())).unwrap().expect("a group per cause");
        let text = group.text_content().unwrap();
        assert!(text.contains(&bank.cause(cause).name), "{text}");
        match scores.get(cause) {
            Some(s) => assert!(text.contains(&s.to_string()), "{cause}: {text}"),
            None => assert!(text.contains("not enough answers"), "{cause}: {text}"),
        }
    }
    let primary = host.query_selector("g[data-cause=discipline] rect.primary").unwrap();
    assert!(primary.is_some(), "the primary cause's bar is marked");
    assert!(host.query_selector("g[data-cause=training] rect.strong").unwrap().is_some());
    host.remove();
}

#[wasm_bindgen_test]
async fn the_funnel_names_the_stage_where_most_deals_stop() {
    use groove::widgets::deals::{FunnelProps, FunnelView};
    use groove_core::stall::funnel;
    use groove_core::Bank;
    let bank = Bank::default_bank().unwrap();
    let deals: Vec<String> = ["connect", "advise", "advise", "grow"].iter().map(|s| s.to_string()).collect();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<FunnelView>::with_root_and_props(host.clone(), FunnelProps { funnel: funnel(&bank, &deals) })
        .render();
    settle().await;
    let verdict = host.query_selector("[data-testid=stall-verdict]").unwrap().unwrap().text_content().unwrap();
    assert!(verdict.contains("Advise") && verdict.contains("2 of 4"), "{verdict}");
    assert_eq!(host.query_selector_all("svg g[data-stage]").unwrap().length(), 6);
    host.remove();
}

/// Every cause healthy by the answers, discipline weak in the second case; the numbers put
/// this week at half the best week while the answers say "as high as my best months".
fn answered_with_half_the_activity(weak_discipline: bool) -> groove_core::answers::Responses {
    use groove_core::answers::{Answer, Reply, Responses};
    use groove_core::numbers::{Numbers, Week};
    let bank = groove_core::bank::Bank::default_bank().unwrap();
    let mut r = Responses::default();
    for item in bank.items() {
        let health = if weak_discipline && item.cause == groove_core::Cause::Discipline { 1 } else { 5 };
        r.reply(&item.id, Reply::Answer(Answer::new(if item.reverse { 6 - health } else { health }).unwrap()));
    }
    r.numbers = Numbers {
        now: Some(Week { conversations: 20, meetings: 5, proposals: 2, won: 1 }),
        best: Some(Week { conversations: 40, meetings: 10, proposals: 4, won: 2 }),
        ..Default::default()
    };
    r
}

#[wasm_bindgen_test]
fn a_cause_the_numbers_contradict_is_named_in_the_headline_and_no_certainty_is_claimed() {
    use groove::widgets::verdict::{confidence, headline};
    let bank = groove_core::bank::Bank::default_bank().unwrap();
    for weak_discipline in [false, true] {
        let r = answered_with_half_the_activity(weak_discipline);
        let d = groove_core::diagnose(&bank, &r);
        let plan = groove_core::plan::build_plan(&bank, &d, &r, None);
        assert_eq!(plan.contradicted.len(), 1);
        let (title, sub) = headline(&bank, &d.verdict, plan.kind, &plan.contradicted);
        let sure = confidence(&d.verdict, &plan.contradicted);
        assert!(sub.contains("your numbers tell a different story about Effort & activity"), "{sub}");
        assert!(!sub.contains("clear") && !sub.contains("well beyond"), "{sub}");
        assert!(sure.contains("less than your answers alone") && !sure.contains("high"), "{sure}");
        if weak_discipline {
            assert!(title.contains("Discipline"), "{title}");
        } else {
            assert_eq!(title, "Healthy in your answers, not in your numbers");
        }
    }
}
