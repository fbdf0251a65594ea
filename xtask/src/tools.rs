//! Installs what the build and the tests need, skipping what is already there:
//! the wasm32 target, wasm-bindgen-cli (the version pinned in Cargo.toml), Trunk, the npm
//! packages (wasm-opt from binaryen, Playwright, axe-core) and Debian's Chromium + driver.
//! Nothing comes from GitHub release pages; Trunk is told to stay offline in Trunk.toml.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// PATH with the project's npm binaries (wasm-opt, playwright) and cargo's bin first.
pub fn path_env() -> String {
    let mut parts = vec![root().join("node_modules/.bin").display().to_string()];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        parts.push(home.join("bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

pub fn command(program: &str) -> Command {
    let mut c = Command::new(program);
    c.env("PATH", path_env()).current_dir(root());
    c
}

/// Says which command runs next, so a failure in the log has its command above it.
fn announce(c: &Command) {
    let args: Vec<String> = c.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
    eprintln!("xtask: running {} {}", c.get_program().to_string_lossy(), args.join(" "));
}

pub fn run(c: &mut Command) -> Result<(), String> {
    announce(c);
    let status = c.status().map_err(|e| format!("could not start {:?}: {e}", c.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed with {status}", c.get_program()))
    }
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The exact wasm-bindgen version pinned (`=X`) in the app's Cargo.toml.
pub fn pinned_wasm_bindgen() -> Result<String, String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("wasm-bindgen = \"=").and_then(|r| r.strip_suffix('"')))
        .map(str::to_string)
        .ok_or_else(|| "Cargo.toml must pin wasm-bindgen as wasm-bindgen = \"=X.Y.Z\"".into())
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|s| s.trim() == "0")
}

fn apt(args: &[&str]) -> Result<(), String> {
    let mut c = if is_root() {
        command("apt-get")
    } else {
        let mut c = command("sudo");
        c.args(["-n", "apt-get"]);
        c
    };
    c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    run(&mut c)
}

/// Everything `build` needs: the wasm target, wasm-bindgen-cli, Trunk, wasm-opt.
pub fn ensure_build_tools() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        run(command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let want = pinned_wasm_bindgen()?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(want.as_str()) {
        // Not --locked: its lock file names a crate version the registry lacks.
        run(command("cargo").args(["install", "wasm-bindgen-cli", "--version", &want]))?;
    }
    let trunk = output("trunk", &["--version"]).unwrap_or_default();
    if trunk.split_whitespace().nth(1) != Some(TRUNK_VERSION) {
        run(command("cargo").args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]))?;
    }
    ensure_npm()?;
    // Trunk runs with `offline = true`, which makes cargo offline too: fetch first.
    run(command("cargo").args(["fetch"]))
}

/// npm packages from the committed lock file; re-run when the lock file changes.
pub fn ensure_npm() -> Result<(), String> {
    let root = root();
    let lock = root.join("package-lock.json");
    let stamp = root.join("node_modules/.package-lock.json");
    let fresh = match (
        std::fs::metadata(&lock).and_then(|m| m.modified()),
        std::fs::metadata(&stamp).and_then(|m| m.modified()),
    ) {
        (Ok(lock), Ok(stamp)) => stamp >= lock && root.join("node_modules/.bin/wasm-opt").exists(),
        _ => false,
    };
    if !fresh {
        run(command("npm").args(["ci", "--no-audit", "--no-fund"]).env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver, for wasm-bindgen-test and Playwright.
pub fn ensure_browser() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    apt(&["update"])?;
    let install = ["install", "-y", "chromium", "chromium-driver"];
    if apt(&install).is_err() {
        // A half-finished install is repaired, then tried once more.
        apt(&["install", "-f", "-y"])?;
        apt(&install)?;
    }
    Ok(())
}

/// Runs a test command, echoing its output, and adds up cargo's "N passed; M failed" lines.
pub fn run_counted(c: &mut Command, tally: &mut Tally) -> Result<(), String> {
    use std::io::{BufRead, BufReader};
    announce(c);
    let mut child = c
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {:?}: {e}", c.get_program()))?;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            tally.read_cargo_line(&line);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed with {status}", c.get_program()))
    }
}

/// Tests counted across every layer, for one closing line.
#[derive(Default, Debug, PartialEq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

impl Tally {
    pub fn read_cargo_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        let count = |word: &str| {
            rest.split(';')
                .find_map(|part| {
                    part.trim().trim_start_matches("ok. ").trim_start_matches("FAILED. ").strip_suffix(word)
                })
                .and_then(|n| n.trim().parse::<u64>().ok())
                .unwrap_or(0)
        };
        self.passed += count(" passed");
        self.failed += count(" failed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cargo_test_result_lines() {
        let mut t = Tally::default();
        t.read_cargo_line(
            "test result: ok. 25 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.53s",
        );
        t.read_cargo_line("test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 filtered out; finished in 0.20s");
        t.read_cargo_line("running 3 tests");
        assert_eq!(t, Tally { passed: 28, failed: 2 });
    }
}
