//! The house rules, as tests that fail when a rule breaks (after rust-analyzer's `tidy.rs`):
//! the core's dependencies, where browser APIs may appear, a first-line comment on every
//! source file, every source file named in ARCHITECTURE.md, no page importing a page, and
//! widgets that take data and callbacks rather than the app's state.

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Files below `dir` (recursively) whose name ends with one of `exts`.
    fn files(dir: &str, exts: &[&str]) -> Vec<PathBuf> {
        fn walk(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else { return };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, exts, out);
                } else if exts.iter().any(|e| path.to_string_lossy().ends_with(e)) {
                    out.push(path);
                }
            }
        }
        let mut out = Vec::new();
        walk(&root().join(dir), exts, &mut out);
        out.sort();
        out
    }

    /// Every source file of the project: Rust, and our own JavaScript.
    fn sources() -> Vec<PathBuf> {
        let mut all = Vec::new();
        for dir in ["core/src", "src", "xtask/src", "tests", "fuzz/fuzz_targets"] {
            all.extend(files(dir, &[".rs"]));
        }
        for dir in ["static", "tests/e2e", "xtask"] {
            all.extend(
                files(dir, &[".js", ".mjs"]).into_iter().filter(|p| !p.to_string_lossy().contains("node_modules")),
            );
        }
        all.sort();
        all.dedup();
        assert!(all.len() > 40, "found only {} source files: is the walk right?", all.len());
        all
    }

    fn name(path: &Path) -> String {
        path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }

    #[test]
    fn the_core_depends_only_on_serde_and_serde_json() {
        let manifest = read(&root().join("core/Cargo.toml"));
        let deps = manifest.split("[dependencies]").nth(1).expect("core has a [dependencies] table");
        let deps = deps.split("\n[").next().unwrap_or_default();
        let names: Vec<&str> = deps
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split(['=', ' ']).next())
            .collect();
        assert!(!names.is_empty());
        for n in &names {
            assert!(
                ["serde", "serde_json"].contains(n),
                "groove-core depends on {n}: only serde and serde_json may be"
            );
        }
    }

    #[test]
    fn browser_apis_appear_only_in_the_effect_modules() {
        // Components may name element types to read their own events; effects live here.
        let effects = ["browser.rs", "storage.rs", "host.rs", "service_worker.rs"];
        let banned = ["web_sys::window", "js_sys::", "gloo", "local_storage(", ".document()", "wasm_bindgen::closure"];
        let mut found = Vec::new();
        for path in files("src", &[".rs"]) {
            if effects.contains(&name(&path).as_str()) {
                continue;
            }
            for (n, line) in read(&path).lines().enumerate() {
                if let Some(b) = banned.iter().find(|b| line.contains(*b)) {
                    found.push(format!("{}:{}: {b}", path.display(), n + 1));
                }
            }
        }
        assert!(found.is_empty(), "browser APIs outside the effect modules:\n{}", found.join("\n"));
        // And the core knows nothing of the browser at all.
        for path in files("core/src", &[".rs"]) {
            let text = read(&path);
            for b in ["yew", "web_sys", "js_sys", "gloo", "wasm_bindgen"] {
                assert!(!text.contains(&format!("{b}::")), "{} uses {b}", path.display());
            }
        }
    }

    #[test]
    fn every_source_file_starts_with_a_one_line_comment() {
        let mut missing = Vec::new();
        for path in sources() {
            let first = read(&path).lines().next().unwrap_or_default().to_string();
            if !first.starts_with("//") || first.trim_start_matches(['/', '!']).trim().is_empty() {
                missing.push(path.display().to_string());
            }
        }
        assert!(
            missing.is_empty(),
            "these files do not start with a comment saying what they are:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn every_source_file_is_named_in_architecture_md() {
        let map = read(&root().join("ARCHITECTURE.md"));
        let missing: Vec<String> = sources().iter().map(|p| name(p)).filter(|n| !map.contains(n.as_str())).collect();
        assert!(missing.is_empty(), "ARCHITECTURE.md does not name:\n{}", missing.join("\n"));
    }

    #[test]
    fn no_page_imports_another_page_and_widgets_take_no_state() {
        // Pages are put together only by app.rs (the router).
        let mut found = Vec::new();
        for path in files("src/pages", &[".rs"]) {
            for (n, line) in read(&path).lines().enumerate() {
                if line.contains("crate::pages::") || (line.contains("super::") && !line.contains("super::*")) {
                    found.push(format!("{}:{}: a page imports a page", path.display(), n + 1));
                }
            }
        }
        // Widgets take data and callbacks: never the reducer handle, never a page.
        for path in files("src/widgets", &[".rs"]) {
            for (n, line) in read(&path).lines().enumerate() {
                for banned in ["StateHandle", "crate::pages", "dispatch("] {
                    if line.contains(banned) {
                        found.push(format!("{}:{}: a widget uses {banned}", path.display(), n + 1));
                    }
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
