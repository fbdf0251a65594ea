//! Calendar files (RFC 5545) made on the device: the retake in 30 days, and a daily review.
//!
//! Both ring and neither marks the person busy: each event has a display `VALARM` and
//! `TRANSP:TRANSPARENT`.
//!
//! Why the retake is a short event at 09:00 rather than an all-day one: RFC 5545 lets an
//! all-day event (`DTSTART;VALUE=DATE`) carry an alarm "9 hours after the start"
//! (`TRIGGER;RELATED=START:PT9H`), but calendars do not agree on it. Outlook imports a
//! duration trigger as a reminder "that many minutes before" (its absolute value,
//! [MS-OXCICAL] `PidLidReminderDelta`), so `PT9H` would ring at 15:00 the day before;
//! Google ignores imported alarms and gives all-day events no notification by default,
//! while it does give timed events its default one. A timed event in floating local time
//! (no `Z`, no `TZID`: 09:00 wherever the person is that day) with `TRIGGER:PT0S` rings at
//! its start in Apple Calendar, Outlook and Thunderbird, and gets Google's default
//! notification for timed events.

use crate::days::{civil_from_days, Day};

/// Days until the suggested retake.
pub const RETAKE_AFTER_DAYS: i64 = 30;

/// The retake reminder's local start time and length.
pub const RETAKE_AT: TimeOfDay = TimeOfDay { hour: 9, minute: 0 };
pub const RETAKE_MINUTES: u32 = 15;

/// The daily review's length, and the time offered before the person picks one.
pub const REVIEW_MINUTES: u32 = 10;
pub const REVIEW_DEFAULT: TimeOfDay = TimeOfDay { hour: 17, minute: 30 };

/// A local wall-clock time, valid by construction (00:00 to 23:59).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeOfDay {
    hour: u32,
    minute: u32,
}

impl TimeOfDay {
    pub fn new(hour: u32, minute: u32) -> Option<TimeOfDay> {
        (hour < 24 && minute < 60).then_some(TimeOfDay { hour, minute })
    }

    /// Reads `HH:MM` or `HH:MM:SS` (what `<input type="time">` gives); seconds are dropped.
    pub fn parse(text: &str) -> Option<TimeOfDay> {
        let two = |p: &str| (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok())?;
        match text.trim().split(':').collect::<Vec<_>>().as_slice() {
            [h, m] => TimeOfDay::new(two(h)?, two(m)?),
            [h, m, s] if two(s)? < 60 => TimeOfDay::new(two(h)?, two(m)?),
            _ => None,
        }
    }

    pub fn hour(self) -> u32 {
        self.hour
    }

    pub fn minute(self) -> u32 {
        self.minute
    }

    /// `HH:MM`, as a time input shows it.
    pub fn text(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// A floating local date-time (`YYYYMMDDTHHMMSS`, no zone), `minutes` after `at` on `day`.
fn local_stamp(day: Day, at: TimeOfDay, minutes: u32) -> String {
    let total = i64::from(at.hour * 60 + at.minute + minutes);
    let (y, m, d) = civil_from_days(day + total.div_euclid(1440));
    let t = total.rem_euclid(1440);
    format!("{y:04}{m:02}{d:02}T{:02}{:02}00", t / 60, t % 60)
}

/// A display alarm at the event's start.
fn alarm_at_start(description: &str) -> [String; 5] {
    [
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape(description)),
        "TRIGGER:PT0S".to_string(),
        "END:VALARM".to_string(),
    ]
}

/// One VEVENT in a VCALENDAR, with CRLF line endings and lines folded at 75 octets.
fn calendar(event: Vec<String>) -> String {
    let head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Groove//Slump diagnostic//EN", "CALSCALE:GREGORIAN"];
    let lines = head.iter().map(|s| s.to_string()).chain(event).chain(["END:VCALENDAR".to_string()]);
    lines.map(|l| fold(&l)).collect::<Vec<_>>().join("\r\n") + "\r\n"
}

/// What differs between Groove's reminders; everything else (timed, floating local time,
/// free not busy, ringing at its start, a link) they share, in [`reminder`].
struct Reminder<'a> {
    /// With `key`, the event's UID (`<kind>-<key>`): the same reminder downloaded again
    /// replaces the one in the calendar instead of adding a second.
    kind: &'a str,
    /// What the reminder is for: a result's id, a profile's id.
    key: &'a str,
    day: Day,
    at: TimeOfDay,
    minutes: u32,
    /// Repeats every day.
    daily: bool,
    summary: &'a str,
    description: &'a str,
    url: &'a str,
    alarm: &'a str,
}

/// A VCALENDAR with one timed event: `r.minutes` long from `r.at` local (floating) time on
/// `r.day`, `TRANSP:TRANSPARENT`, a display alarm at its start, and `r.url` both as the
/// event's URL and at the end of its description.
fn reminder(now_ms: u64, r: Reminder) -> String {
    let mut event = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}-{}@groove.invalid", r.kind, uid_part(r.key)),
        // A later download has a higher sequence (minutes since 1970, within an INTEGER's
        // range for thousands of years), so a calendar takes it as the newer version.
        format!("SEQUENCE:{}", now_ms / 60_000),
        format!("DTSTAMP:{}", utc_stamp(now_ms)),
        format!("DTSTART:{}", local_stamp(r.day, r.at, 0)),
        format!("DTEND:{}", local_stamp(r.day, r.at, r.minutes)),
    ];
    if r.daily {
        event.push("RRULE:FREQ=DAILY".to_string());
    }
    event.extend([
        format!("SUMMARY:{}", escape(r.summary)),
        format!("DESCRIPTION:{}", escape(&format!("{} {}", r.description, r.url))),
        format!("URL:{}", uri(r.url)),
        "TRANSP:TRANSPARENT".to_string(),
    ]);
    event.extend(alarm_at_start(r.alarm));
    event.push("END:VEVENT".to_string());
    calendar(event)
}

/// The characters of `key` a UID can carry safely, or `none` when it has none.
fn uid_part(key: &str) -> String {
    let kept: String = key.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(64).collect();
    if kept.is_empty() {
        "none".into()
    } else {
        kept
    }
}

/// A VCALENDAR with one event at 09:00 local time `RETAKE_AFTER_DAYS` after `today`,
/// ringing at its start and leaving the person free. One per result (`result_id`).
pub fn retake_reminder(now_ms: u64, today: Day, app_url: &str, result_id: &str) -> String {
    reminder(
        now_ms,
        Reminder {
            kind: "retake",
            key: result_id,
            day: today + RETAKE_AFTER_DAYS,
            at: RETAKE_AT,
            minutes: RETAKE_MINUTES,
            daily: false,
            summary: "Retake the Groove slump diagnostic",
            description:
                "Thirty days on: take the diagnostic again and compare with last time, to see what your plan changed.",
            url: app_url,
            alarm: "Time to retake the Groove slump diagnostic",
        },
    )
}

/// A VCALENDAR with one event every day from `today` at `at` local (floating) time,
/// `REVIEW_MINUTES` long, ringing at its start, leaving the person free, and linking to
/// the review screen (`review_url`). One per profile (`profile_id`): a new time replaces
/// the old one.
pub fn daily_review_reminder(now_ms: u64, today: Day, at: TimeOfDay, review_url: &str, profile_id: &str) -> String {
    reminder(
        now_ms,
        Reminder {
            kind: "review",
            key: profile_id,
            day: today,
            at,
            minutes: REVIEW_MINUTES,
            daily: true,
            summary: "Groove: today's two-minute review",
            description: "What worked today, what to change tomorrow, and whether you followed your plan.",
            url: review_url,
            alarm: "Time for today's Groove review",
        },
    )
}

fn utc_stamp(ms: u64) -> String {
    let secs = (ms / 1000) as i64;
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!("{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z", t / 3600, t / 60 % 60, t % 60)
}

/// A URI value (RFC 5545 3.3.13) is not TEXT: it is written as is, without backslash
/// escapes, but never with characters that could end the line.
fn uri(url: &str) -> String {
    url.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect()
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

    /// The lines of a file, unfolded, checked for CRLF endings and 75-octet lines on the way.
    fn lines(ics: &str) -> Vec<String> {
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains(['\n', '\r']), "bare LF or CR");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        unfold(ics).split("\r\n").filter(|l| !l.is_empty()).map(str::to_string).collect()
    }

    /// The lines between `BEGIN:<name>` and `END:<name>` (exactly one such block).
    fn block(lines: &[String], name: &str) -> Vec<String> {
        let begin = format!("BEGIN:{name}");
        assert_eq!(lines.iter().filter(|l| **l == begin).count(), 1, "{name}");
        let start = lines.iter().position(|l| *l == begin).unwrap_or_default();
        let end = lines.iter().position(|l| *l == format!("END:{name}")).unwrap_or_default();
        assert!(start < end, "{name}");
        lines[start + 1..end].to_vec()
    }

    fn has(lines: &[String], line: &str) -> bool {
        lines.iter().any(|l| l == line)
    }

    #[test]
    fn the_retake_rings_at_nine_on_the_day_and_leaves_the_person_free() {
        let today = days_from_civil(2026, 11, 24);
        let ics = retake_reminder(1_795_000_000_000, today, "https://example.com/groove/", "r-1794999000000");
        let all = lines(&ics);
        let event = block(&all, "VEVENT");
        for prop in [
            "UID:retake-r-1794999000000@groove.invalid",
            "SEQUENCE:29916666",
            "DTSTART:20261224T090000",
            "DTEND:20261224T091500",
            "TRANSP:TRANSPARENT",
            "URL:https://example.com/groove/",
        ] {
            assert!(has(&event, prop), "{prop} in {event:?}");
        }
        assert!(event.iter().any(|l| l.starts_with("DTSTAMP:20261118T") && l.ends_with('Z')), "{event:?}");
        assert!(event.iter().any(|l| l.starts_with("SUMMARY:Retake")));
        assert!(!event.iter().any(|l| l.starts_with("RRULE")), "once only");
        let alarm = block(&event, "VALARM");
        assert!(has(&alarm, "ACTION:DISPLAY") && has(&alarm, "TRIGGER:PT0S"), "{alarm:?}");
        assert!(alarm.iter().any(|l| l.starts_with("DESCRIPTION:") && l.len() > "DESCRIPTION:".len()));
    }

    #[test]
    fn the_retake_crosses_months_and_years() {
        let ics = retake_reminder(0, days_from_civil(2026, 12, 15), "https://a.example/", "r1");
        assert!(has(&lines(&ics), "DTSTART:20270114T090000"), "{ics}");
    }

    #[test]
    fn the_daily_review_repeats_at_the_picked_time_and_links_to_the_review() {
        let today = days_from_civil(2026, 11, 27);
        let at = TimeOfDay::new(7, 5).expect("a valid time");
        let url = "https://example.com/groove/index.html?bank=a,b;c#review";
        let ics = daily_review_reminder(1_795_000_000_000, today, at, url, "default");
        let event = block(&lines(&ics), "VEVENT");
        for prop in ["DTSTART:20261127T070500", "DTEND:20261127T071500", "RRULE:FREQ=DAILY", "TRANSP:TRANSPARENT"] {
            assert!(has(&event, prop), "{prop} in {event:?}");
        }
        // A URI is written as is; the same address in TEXT has its commas and semicolons escaped.
        assert!(has(&event, &format!("URL:{url}")), "{event:?}");
        assert!(
            event.iter().any(|l| l.starts_with("DESCRIPTION:") && l.ends_with("index.html?bank=a\\,b\\;c#review")),
            "{event:?}"
        );
        let alarm = block(&event, "VALARM");
        assert!(has(&alarm, "ACTION:DISPLAY") && has(&alarm, "TRIGGER:PT0S"), "{alarm:?}");
    }

    #[test]
    fn the_same_reminder_downloaded_again_replaces_the_first() {
        let today = days_from_civil(2026, 11, 27);
        let uid_and_sequence = |ics: &str| {
            let event = block(&lines(ics), "VEVENT");
            let get = |name: &str| event.iter().find_map(|l| l.strip_prefix(name)).map(str::to_string);
            (get("UID:"), get("SEQUENCE:").and_then(|n| n.parse::<i32>().ok()))
        };
        let at = |h| TimeOfDay::new(h, 0).expect("a valid time");
        let first =
            uid_and_sequence(&daily_review_reminder(1_795_000_000_000, today, at(7), "https://a.example/", "p-1"));
        let later =
            uid_and_sequence(&daily_review_reminder(1_795_000_600_000, today, at(18), "https://a.example/", "p-1"));
        assert_eq!(first.0.as_deref(), Some("review-p-1@groove.invalid"));
        assert_eq!(first.0, later.0, "same profile, same event");
        assert!(first.1.is_some() && later.1 > first.1, "{first:?} {later:?}");
        let other =
            uid_and_sequence(&daily_review_reminder(1_795_000_600_000, today, at(18), "https://a.example/", "p-2"));
        assert_ne!(other.0, first.0, "another profile, another event");
        let retake = |id| uid_and_sequence(&retake_reminder(1_795_000_000_000, today, "https://a.example/", id)).0;
        assert_ne!(retake("r-1"), retake("r-2"), "one retake per result");
        // Whatever an id holds, the UID line stays plain.
        assert_eq!(retake("a b;c\r\n\u{e9}").as_deref(), Some("retake-abc@groove.invalid"));
        assert_eq!(retake("").as_deref(), Some("retake-none@groove.invalid"));
    }

    #[test]
    fn a_late_review_ends_on_the_next_day() {
        let at = TimeOfDay::new(23, 55).expect("a valid time");
        let event = block(
            &lines(&daily_review_reminder(0, days_from_civil(2026, 12, 31), at, "https://a.example/", "p")),
            "VEVENT",
        );
        assert!(has(&event, "DTSTART:20261231T235500") && has(&event, "DTEND:20270101T000500"), "{event:?}");
    }

    #[test]
    fn times_are_read_from_what_a_time_input_gives() {
        assert_eq!(TimeOfDay::parse("17:30"), TimeOfDay::new(17, 30));
        assert_eq!(TimeOfDay::parse("00:00:59"), TimeOfDay::new(0, 0));
        assert_eq!(TimeOfDay::parse(" 23:59 "), TimeOfDay::new(23, 59));
        for bad in ["", "24:00", "12:60", "7:30", "12:3", "12:30:60", "12:30:00:00", "ab:cd", "+1:30", "12-30", "١٢:٣٠"]
        {
            assert_eq!(TimeOfDay::parse(bad), None, "{bad}");
        }
        assert_eq!(REVIEW_DEFAULT.text(), "17:30");
        assert_eq!(TimeOfDay::new(24, 0), None);
    }

    proptest! {
        #[test]
        fn folding_keeps_lines_short_and_text_intact(s in "\\PC{0,300}") {
            let folded = fold(&s);
            for line in folded.split("\r\n") { prop_assert!(line.len() <= 75); }
            prop_assert_eq!(unfold(&folded), s);
        }

        #[test]
        fn any_time_and_address_give_a_well_formed_daily_event(h in 0u32..24, m in 0u32..60, day in -100_000i64..100_000, url in "\\PC{0,200}", profile in "\\PC{0,80}") {
            let at = TimeOfDay::new(h, m).expect("in range");
            prop_assert_eq!(TimeOfDay::parse(&at.text()), Some(at));
            let ics = daily_review_reminder(0, day, at, &url, &profile);
            prop_assert!(ics.ends_with("END:VCALENDAR\r\n"));
            prop_assert!(!ics.replace("\r\n", "").contains(['\n', '\r']));
            for line in ics.split("\r\n") { prop_assert!(line.len() <= 75); }
            let start = unfold(&ics).split("\r\n").find(|l| l.starts_with("DTSTART:")).map(str::to_string).unwrap_or_default();
            prop_assert_eq!(&start[17..21], format!("{h:02}{m:02}"));
        }
    }
}
