//! `cargo xtask dist`: the release site in dist/.
//!
//! Trunk builds it (release, wasm-opt -Oz, hashed names, integrity attributes). Then this
//! moves Trunk's inline loader into a hashed file of its own and adds the page's
//! Content-Security-Policy, so the site runs with no inline script and no 'unsafe-eval'.
//! Last, `xtask/precompress.mjs` writes FILE.br and FILE.gz beside each file, for hosts that
//! serve precompressed files.

use crate::tools::{command, root, run};
use sha2::{Digest, Sha384};
use std::path::Path;

/// The standalone site's policy: only its own origin, and wasm compilation.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
base-uri 'self'; form-action 'self'";

pub fn build() -> Result<(), String> {
    build_into(&root().join("dist"), None)
}

/// The release site in `dist`, compiled in `cargo_target` (cargo's default when `None`), so
/// the benchmark can build beside `cargo xtask dist` without sharing either directory.
pub fn build_into(dist: &Path, cargo_target: Option<&Path>) -> Result<(), String> {
    let mut trunk = command("trunk");
    trunk.args(["build", "--release", "--dist"]).arg(dist);
    if let Some(target) = cargo_target {
        trunk.env("CARGO_TARGET_DIR", target);
    }
    run(&mut trunk)?;
    let index_path = dist.join("index.html");
    let html =
        std::fs::read_to_string(&index_path).map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    let (html, boot_name, boot) = externalise_loader(&minify_page(&html))?;
    std::fs::write(dist.join(&boot_name), boot).map_err(|e| e.to_string())?;
    std::fs::write(&index_path, html).map_err(|e| e.to_string())?;
    crate::pwa::write_service_worker(dist)?;
    precompress(dist)?;
    eprintln!("xtask: {} is ready (loader in {boot_name})", dist.display());
    Ok(())
}

/// Writes FILE.br and FILE.gz beside each file of `dist` and prints their sizes.
pub fn precompress(dist: &Path) -> Result<(), String> {
    run(command("node").arg(root().join("xtask/precompress.mjs")).arg(dist))
}

/// Trunk's loader hands `init` the wasm's path, so the module is compiled as it streams in,
/// and V8 decodes a streamed module on the main thread as the bytes arrive: one long task
/// on a fast connection. A module compiled from the whole bytes is decoded on a background
/// thread instead; in paired traces here that cut the start-up's main-thread blocking
/// (CPU slowed 4x) by about a quarter, 8 loads of 8. Fails if Trunk's loader changes shape.
pub fn compile_off_main_thread(script: &str) -> Result<String, String> {
    let key = "module_or_path: '";
    let at = script.find(key).ok_or("Trunk's loader does not pass module_or_path: '...'; review dist.rs")?;
    let start = at + key.len();
    let end = start + script[start..].find('\'').ok_or("unterminated wasm path in Trunk's loader")?;
    let path = &script[start..end];
    if path.contains(['\\', '`', '$']) || !path.ends_with(".wasm") {
        return Err(format!("unexpected wasm path in Trunk's loader: {path}"));
    }
    // A failed fetch surfaces as a CompileError (the bytes are not wasm): short, for the
    // size budget, and a failed fetch of a hashed file is a broken deploy either way.
    let compiled = format!("module_or_path: WebAssembly.compile(await (await fetch('{path}')).arrayBuffer())");
    Ok(format!("{}{}{}", &script[..at], compiled, &script[end + 1..]))
}

/// Returns the page with its inline module script replaced by `<script src>`, the script's
/// file name and its text (see `compile_off_main_thread`).
pub fn externalise_loader(html: &str) -> Result<(String, String, String), String> {
    let start = html.find("<script type=\"module\"").ok_or("Trunk's loader script was not found in index.html")?;
    let body_start = start + html[start..].find('>').ok_or("unterminated script tag")? + 1;
    let end = body_start + html[body_start..].find("</script>").ok_or("unterminated script")?;
    let script = compile_off_main_thread(html[body_start..end].trim())?;
    let digest = Sha384::digest(script.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let name = format!("boot-{hex}.js");
    let tag = format!(
        "<script type=\"module\" src=\"./{name}\" integrity=\"sha384-{}\" crossorigin=\"anonymous\"></script>",
        base64(&digest)
    );
    let mut page = format!("{}{}{}", &html[..start], tag, &html[end + "</script>".len()..]);
    if page.contains("<script type=\"module\">") || page.contains("<style") {
        return Err("index.html still has inline script or style after the build".into());
    }
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">");
    let head = page.find("<meta charset=\"utf-8\">").ok_or("index.html has no <meta charset>")?;
    page.insert_str(head + "<meta charset=\"utf-8\">".len(), &meta);
    Ok((page, name, script))
}

/// The page without its HTML comments or the indentation of its lines: notes and layout for
/// us, not bytes for every visitor. (index.html has no `<pre>` or `<textarea>`, where
/// leading spaces would matter; elsewhere a newline is whitespace enough.)
pub fn minify_page(html: &str) -> String {
    let uncommented = strip_comments(html);
    let mut out = String::with_capacity(uncommented.len());
    for line in uncommented.lines() {
        let line = line.trim_start();
        if !line.is_empty() {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn strip_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + "-->".len()..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (input, expected) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn comments_leave_the_page_and_nothing_else_does() {
        assert_eq!(strip_comments("<p>a</p><!-- note -->\n<!--x--><b>-->b</b>"), "<p>a</p>\n<b>-->b</b>");
        assert_eq!(strip_comments("<p>keep</p><!-- never closed"), "<p>keep</p>");
        assert_eq!(strip_comments("no comment"), "no comment");
        assert_eq!(minify_page("<p>\n    <b>a</b> <i>b</i>\n\n  <!-- x -->\n</p>"), "<p>\n<b>a</b> <i>b</i>\n</p>\n");
    }

    const TRUNK_LOADER: &str = "import init, * as bindings from './g-1.js';\nconst wasm = await init({ module_or_path: './g-1_bg.wasm' });\nwindow.wasmBindings = bindings;";

    #[test]
    fn the_loader_compiles_the_whole_module_instead_of_streaming_it() {
        let script = compile_off_main_thread(TRUNK_LOADER).unwrap();
        assert_eq!(
            script,
            "import init, * as bindings from './g-1.js';\nconst wasm = await init({ module_or_path: WebAssembly.compile(await (await fetch('./g-1_bg.wasm')).arrayBuffer()) });\nwindow.wasmBindings = bindings;"
        );
        assert!(compile_off_main_thread("init('./g.wasm')").is_err());
        assert!(compile_off_main_thread("init({ module_or_path: './x${y}.wasm' })").is_err());
    }

    #[test]
    fn the_inline_loader_moves_to_a_file_and_the_policy_is_added() {
        let html = format!("<html><head><meta charset=\"utf-8\"><script type=\"module\" nonce=\"x\">{TRUNK_LOADER}</script></head></html>");
        let (page, name, script) = externalise_loader(&html).unwrap();
        assert_eq!(script, compile_off_main_thread(TRUNK_LOADER).unwrap());
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        assert!(page.contains(&format!("src=\"./{name}\"")));
        assert!(page.contains("Content-Security-Policy"));
        assert!(!page.contains("module_or_path"));
    }
}
