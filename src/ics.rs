//! Events as an iCalendar (RFC 5545) file: one all-day event each, with a reminder at each
//! lead time asked for. The events come from the rules (`renewal::events`, `status::events`);
//! this writes them, escaping every text for the format's own reader.

use jiff::civil::Date;

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Event {
    /// Stable across runs, so that a calendar re-imported updates its events.
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
}

/// The lead times of reminders when none are asked for: a quarter, a month and a week before.
pub(crate) const DEFAULT_REMINDERS: [u32; 3] = [90, 30, 7];

/// A calendar of `events`, stamped `now`, each with a reminder `days` before it for every
/// entry of `remind`.
pub(crate) fn calendar(events: &[Event], now: jiff::Timestamp, remind: &[u32]) -> String {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//hi//health informatics careers//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    for event in events {
        let next = event.date.tomorrow().unwrap_or(event.date);
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", escape(&event.uid)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", event.date.strftime("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next.strftime("%Y%m%d")),
            format!("SUMMARY:{}", escape(&event.summary)),
            format!("DESCRIPTION:{}", escape(&event.description)),
        ]);
        for days in remind {
            lines.extend([
                "BEGIN:VALARM".to_string(),
                "ACTION:DISPLAY".to_string(),
                format!("TRIGGER:-P{days}D"),
                format!("DESCRIPTION:{}", escape(&event.summary)),
                "END:VALARM".to_string(),
            ]);
        }
        lines.push("END:VEVENT".to_string());
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().concat()
}

/// A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, a line break as
/// `\n`, and nothing a reader could take for a line of its own or a terminal could act on:
/// control characters, escape sequences and invisible characters are dropped as they are for
/// the terminal.
fn escape(text: &str) -> String {
    crate::sanitize::clean(text)
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// A content line folded at 75 octets, never inside a character, ending in CRLF (3.1).
fn fold(line: &str) -> String {
    let mut folded = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(c);
        width += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets() {
        let line = "DESCRIPTION:".to_string() + &"é".repeat(60);
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{part}");
        }
        assert_eq!(folded.replace("\r\n ", ""), line + "\r\n");
    }

    #[test]
    fn text_is_escaped_and_cannot_forge_a_line() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        // A bare CR, an escape sequence, BEL, NEL and LINE SEPARATOR: none reaches the file raw.
        let hostile = "x\rEND:VEVENT\u{1b}]0;title\u{7}\u{85}y\u{2028}z";
        let escaped = escape(hostile);
        assert!(!escaped.chars().any(|c| c.is_control()), "{escaped:?}");
        assert_eq!(escaped, "xEND:VEVENT\\ny\\nz");
    }

    #[test]
    fn every_event_carries_a_reminder_per_lead_time() {
        let event = Event {
            uid: "rhia-1@hi".into(),
            date: jiff::civil::date(2027, 6, 15),
            summary: "RHIA renewal cycle 1 ends".into(),
            description: "30 CE hours are due".into(),
        };
        let ics = calendar(&[event], jiff::Timestamp::UNIX_EPOCH, &[90, 7]);
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 2);
        assert!(ics.contains("TRIGGER:-P90D\r\n") && ics.contains("TRIGGER:-P7D\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20270615\r\n"));
    }
}
