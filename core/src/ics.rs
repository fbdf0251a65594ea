//! A calendar file (RFC 5545) for "remind me to retake in 30 days", made on the device.

use crate::days::{civil_from_days, Day};

/// Days until the suggested retake.
pub const RETAKE_AFTER_DAYS: i64 = 30;

/// A VCALENDAR with one all-day VEVENT `RETAKE_AFTER_DAYS` after `now_ms` (UTC), with CRLF
/// line endings and lines folded at 75 octets.
pub fn retake_reminder(now_ms: u64, today: Day, app_url: &str) -> String {
    let stamp = utc_stamp(now_ms);
    let (y, m, d) = civil_from_days(today + RETAKE_AFTER_DAYS);
    let (y2, m2, d2) = civil_from_days(today + RETAKE_AFTER_DAYS + 1);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Groove//Slump diagnostic//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:retake-{now_ms}@groove.invalid"),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{y:04}{m:02}{d:02}"),
        format!("DTEND;VALUE=DATE:{y2:04}{m2:02}{d2:02}"),
        format!("SUMMARY:{}", escape("Retake the Groove slump diagnostic")),
        format!(
            "DESCRIPTION:{}",
            escape(&format!(
                "Thirty days on: take the diagnostic again and compare with last time, to see what your plan changed. {app_url}"
            ))
        ),
        format!("URL:{}", escape(app_url)),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("\r\n") + "\r\n"
}

fn utc_stamp(ms: u64) -> String {
    let secs = (ms / 1000) as i64;
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!("{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z", t / 3600, t / 60 % 60, t % 60)
}

/// TEXT escaping (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line so no line exceeds 75 octets, never splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::days::days_from_civil;
    use proptest::prelude::*;

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn has_the_required_properties_and_crlf_endings() {
        let today = days_from_civil(2026, 11, 24);
        let ics = retake_reminder(1_795_000_000_000, today, "https://example.com/groove/");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        let text = unfold(&ics);
        for prop in ["BEGIN:VEVENT", "UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:20261224", "SUMMARY:", "END:VEVENT"] {
            assert!(text.contains(prop), "{prop}");
        }
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
        assert!(text.contains("DTSTAMP:20261118T"), "{text}");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert!(text.contains("https://example.com/groove/"));
    }

    proptest! {
        #[test]
        fn folding_keeps_lines_short_and_text_intact(s in "\\PC{0,300}") {
            let folded = fold(&s);
            for line in folded.split("\r\n") { prop_assert!(line.len() <= 75); }
            prop_assert_eq!(unfold(&folded), s);
        }
    }
}
