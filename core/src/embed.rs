//! Options of the embedded widget, from untrusted text (the host page's attributes, passed
//! in the frame's URL): every value is checked, and anything doubtful is dropped.

/// Colour schemes a host may ask for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A call to action shown on the result screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallToAction {
    pub text: String,
    /// Always http or https.
    pub url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Running inside a host page's frame.
    pub embedded: bool,
    /// Storage namespace: lowercase letters, digits and '-', at most 32.
    pub namespace: Option<String>,
    /// `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
    pub theme: Theme,
    pub cta: Option<CallToAction>,
    pub compact: bool,
    /// Send started / section / finished events to the host page.
    pub events: bool,
    /// The host page's origin, the only target of messages.
    pub host_origin: Option<String>,
    /// The coach's tag for this placement (`ref="..."`), echoed in every event and never
    /// stored: ASCII letters, digits, '-', '_' and '.', at most `MAX_REF` of them.
    pub reference: Option<String>,
    /// Shown in embed.js's modal dialog (`mode="popup"`): Escape in the frame asks the host
    /// page to close it.
    pub popup: bool,
}

/// The longest `ref` kept.
pub const MAX_REF: usize = 64;

/// The longest call-to-action text shown.
pub const MAX_CTA_TEXT: usize = 80;

impl EmbedOptions {
    /// Reads decoded query pairs. Unknown keys are ignored; invalid values are dropped.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> EmbedOptions {
        let mut o = EmbedOptions::default();
        let (mut cta_text, mut cta_url) = (None, None);
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "embed" => o.embedded = value == "1",
                "ns" => o.namespace = valid_namespace(value),
                "accent" => o.accent = valid_colour(value),
                "theme" => {
                    o.theme = match value {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    }
                }
                "cta_text" => {
                    cta_text = Some(value.chars().filter(|c| !c.is_control()).take(MAX_CTA_TEXT).collect::<String>())
                }
                "cta_url" => cta_url = valid_web_url(value),
                "compact" => o.compact = value == "1",
                "events" => o.events = value == "1",
                "host" => o.host_origin = valid_origin(value),
                "ref" => o.reference = valid_ref(value),
                "mode" => o.popup = value == "popup",
                _ => {}
            }
        }
        if let (Some(text), Some(url)) = (cta_text.filter(|t| !t.trim().is_empty()), cta_url) {
            o.cta = Some(CallToAction { text, url });
        }
        if !o.embedded {
            // Outside a frame these have no meaning; the standalone site keeps its defaults.
            o.events = false;
            o.host_origin = None;
            o.reference = None;
            o.popup = false;
        }
        o
    }

    /// The storage key for this widget's document.
    pub fn storage_key(&self) -> String {
        match &self.namespace {
            Some(ns) => format!("groove@{ns}"),
            None => "groove".to_string(),
        }
    }
}

fn valid_namespace(v: &str) -> Option<String> {
    let ok =
        !v.is_empty() && v.len() <= 32 && v.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then(|| v.to_string())
}

fn valid_ref(v: &str) -> Option<String> {
    let ok = !v.is_empty()
        && v.len() <= MAX_REF
        && v.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    ok.then(|| v.to_string())
}

fn valid_colour(v: &str) -> Option<String> {
    let hex = v.strip_prefix('#')?;
    let ok = matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| v.to_ascii_lowercase())
}

/// An absolute http(s) URL with a host, and no characters that could break out of an attribute.
pub fn valid_web_url(v: &str) -> Option<String> {
    let lower = v.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let clean = v.len() <= 2048
        && !v.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`'));
    (clean && !host.is_empty() && !host.starts_with('@')).then(|| v.to_string())
}

fn valid_origin(v: &str) -> Option<String> {
    let url = valid_web_url(v)?;
    let scheme_end = url.find("://")? + 3;
    // An origin is scheme://host[:port] with nothing after it.
    (!url[scheme_end..].contains(['/', '?', '#', '@'])).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn opts(pairs: &[(&str, &str)]) -> EmbedOptions {
        EmbedOptions::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn reads_every_attribute() {
        let o = opts(&[
            ("embed", "1"),
            ("ns", "blog-2"),
            ("accent", "#C0FFEE"),
            ("theme", "dark"),
            ("cta_text", "Book a call"),
            ("cta_url", "https://coach.example/book?x=1"),
            ("compact", "1"),
            ("events", "1"),
            ("host", "https://blog.example:8443"),
            ("ref", "post-42_spring.2026"),
            ("mode", "popup"),
        ]);
        assert!(o.embedded && o.compact && o.events && o.popup);
        assert_eq!(o.reference.as_deref(), Some("post-42_spring.2026"));
        assert_eq!(o.namespace.as_deref(), Some("blog-2"));
        assert_eq!(o.storage_key(), "groove@blog-2");
        assert_eq!(o.accent.as_deref(), Some("#c0ffee"));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(
            o.cta,
            Some(CallToAction { text: "Book a call".into(), url: "https://coach.example/book?x=1".into() })
        );
        assert_eq!(o.host_origin.as_deref(), Some("https://blog.example:8443"));
    }

    #[test]
    fn untrusted_values_are_dropped() {
        for url in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "https://",
            "https://a.example/\"onmouseover=x",
            "ftp://a.example",
            " java\nscript:x",
        ] {
            assert_eq!(valid_web_url(url), None, "{url}");
        }
        let o = opts(&[
            ("embed", "1"),
            ("ns", "../x"),
            ("accent", "red;background:url(x)"),
            ("cta_text", "Go"),
            ("cta_url", "javascript:alert(1)"),
            ("host", "https://a.example/path"),
        ]);
        assert_eq!((o.namespace, o.accent, o.cta, o.host_origin), (None, None, None, None));
        assert!(!opts(&[("events", "1")]).events, "events only inside a frame");
        assert_eq!(opts(&[("ref", "post-1")]).reference, None, "a ref only inside a frame");
        assert!(!opts(&[("embed", "1"), ("mode", "inline")]).popup);
        for bad in ["", "a b", "<script>", "post/1", "x\"y", "caf\u{e9}", "a\u{0}", "x".repeat(MAX_REF + 1).as_str()] {
            assert_eq!(opts(&[("embed", "1"), ("ref", bad)]).reference, None, "{bad:?}");
        }
        assert_eq!(opts(&[("embed", "1"), ("ref", &"x".repeat(MAX_REF))]).reference.map(|r| r.len()), Some(MAX_REF));
        assert_eq!(opts(&[]).storage_key(), "groove");
    }

    proptest! {
        #[test]
        fn any_attributes_give_safe_options(k in "[a-z_]{1,8}", v in any::<String>()) {
            let o = opts(&[("embed", "1"), (k.as_str(), v.as_str())]);
            if let Some(cta) = o.cta { prop_assert!(cta.url.starts_with("http")); }
            if let Some(a) = o.accent { prop_assert!(a.starts_with('#') && a.len() <= 7); }
            if let Some(ns) = o.namespace { prop_assert!(ns.len() <= 32 && !ns.contains('/')); }
            if let Some(r) = o.reference {
                prop_assert!(r.len() <= MAX_REF && r.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
            }
        }
    }
}
