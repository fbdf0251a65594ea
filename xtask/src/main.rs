//! Groove's tasks (the cargo-xtask pattern): `cargo xtask <task>`.
//!
//! serve  build and serve on http://127.0.0.1:8080, rebuilding on change
//! test   every test layer: native core, wasm components in Chromium, Playwright end to end
//! dist   the release site in dist/
//! bank   print the validated bank as JSON (`--file PATH` checks another bank)
//! score  score an answers file with the core: `cargo xtask score FILE`

mod authoring;
mod bench;
mod dist;
mod pwa;
mod tidy;
mod tools;

use std::process::ExitCode;
use tools::{command, run, run_counted, Tally};

const USAGE: &str =
    "usage: cargo xtask <serve | test | dist | bench [--runs N] [--lighthouse-runs N] [--port N] [--no-build] | bank [--file PATH] | score FILE | setup | --help>";

const HELP: &str = "cargo xtask: Groove's tasks. Each installs what it needs and skips what is there.

  serve             build and serve on http://127.0.0.1:8080, rebuilding on change
  test              every test layer (fmt, clippy, core and house rules, components in
                    Chromium, the release build, Playwright end to end); one closing line
  dist              the release site in dist/ (hashed, CSP, service worker, .br/.gz)
  bench [OPTIONS]   build and measure the release site (sizes, load, interaction, storage,
                    Lighthouse); writes target/bench.json; never fails on a timing
                    --runs N (10), --lighthouse-runs N (5), --port N (4390), --no-build
  bank [--file P]   print the validated shipped bank as JSON, or check a coach's bank
  score FILE        score an answers file (what the app collects) with the same core:
                    verdict, measures, plan and manager part as JSON
  setup             install the build tools and the test browser only
  --help            this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("dist") => tools::ensure_build_tools().and_then(|_| dist::build()),
        Some("bank") => bank(&args[1..]),
        Some("score") => score(&args[1..]),
        Some("setup") => tools::ensure_build_tools().and_then(|_| tools::ensure_browser()),
        Some("bench") => bench::bench(&args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{HELP}");
            Ok(())
        }
        _ => Err(format!("{USAGE}\n(cargo xtask --help says what each does)")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve() -> Result<(), String> {
    tools::ensure_build_tools()?;
    run(command("trunk").args(["serve"]))
}

fn test() -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    run(command("cargo").args(["fmt", "--all", "--check"]))?;
    run(command("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    run(command("cargo").args([
        "clippy",
        "-p",
        "groove",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    let mut tally = Tally::default();
    // Layer 1: the pure core and the authoring commands, natively, with proptest.
    run_counted(command("cargo").args(["test", "-p", "groove-core", "-p", "xtask"]), &mut tally)?;
    // Layer 2: components mounted in headless Chromium (wasm-bindgen-test, see webdriver.json).
    run_counted(command("cargo").args(["test", "-p", "groove", "--target", "wasm32-unknown-unknown"]), &mut tally)?;
    // Layer 3: the release build, end to end, with Playwright on Debian's Chromium.
    dist::build()?;
    let report = tools::root().join("test-results/e2e.json");
    let _ = std::fs::remove_file(&report);
    let e2e = run(command("npx").args(["playwright", "test"]));
    let stats: serde_json::Value =
        std::fs::read_to_string(&report).ok().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
    tally.passed += stats["stats"]["expected"].as_u64().unwrap_or(0);
    tally.failed += stats["stats"]["unexpected"].as_u64().unwrap_or(0) + stats["stats"]["flaky"].as_u64().unwrap_or(0);
    e2e?;
    // One closing line for every layer together.
    println!("groove: {} passed, {} failed", tally.passed, tally.failed);
    Ok(())
}

fn bank(args: &[String]) -> Result<(), String> {
    let source = match args {
        [] => groove_core::bank::DEFAULT_BANK_JSON.to_string(),
        [flag, path] if flag == "--file" => {
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?
        }
        _ => return Err("usage: cargo xtask bank [--file PATH]".into()),
    };
    println!("{}", authoring::bank_json(&source)?);
    Ok(())
}

fn score(args: &[String]) -> Result<(), String> {
    let [path] = args else {
        return Err("usage: cargo xtask score FILE".into());
    };
    let input = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let bank = groove_core::Bank::default_bank().map_err(|e| e.to_string())?;
    println!("{}", authoring::score_json(&bank, &input)?);
    Ok(())
}
