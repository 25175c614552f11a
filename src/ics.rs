//! Renewal deadlines as an iCalendar (RFC 5545) file: one all-day event per deadline and per
//! date to apply by, for `hi renew --ics` and `hi status --ics`.

use jiff::civil::Date;

use crate::model::Certification;
use crate::renewal::Deadline;

/// A calendar of the deadlines of each certification, stamped `now`.
pub fn calendar<'a>(
    deadlines: impl IntoIterator<Item = (&'a Certification, &'a [Deadline])>,
    now: jiff::Timestamp,
) -> String {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//hi//health informatics careers//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    let mut event = |date: Date, uid: String, summary: String, description: String| {
        let next = date.tomorrow().unwrap_or(date);
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{uid}"),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", date.strftime("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next.strftime("%Y%m%d")),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(&description)),
            "END:VEVENT".to_string(),
        ]);
    };
    for (cert, deadlines) in deadlines {
        for d in deadlines {
            let hours = d
                .ce_hours
                .map_or("an unknown number of".to_string(), |h| h.to_string());
            event(
                d.ends,
                format!("{}-cycle-{}-ends-{}@hi", cert.id, d.cycle, d.ends),
                format!("{} renewal cycle {} ends", cert.name, d.cycle),
                format!(
                    "{hours} CE hours are due for {} ({}) by this date.",
                    cert.name, cert.full_name
                ),
            );
            if let Some(apply_by) = d.apply_by {
                event(
                    apply_by,
                    format!("{}-cycle-{}-apply-by-{}@hi", cert.id, d.cycle, apply_by),
                    format!("Apply to renew {} (cycle {})", cert.name, d.cycle),
                    format!(
                        "The issuer asks for the renewal application by this date; the cycle ends {}.",
                        d.ends
                    ),
                );
            }
        }
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().concat()
}

/// Escapes TEXT values (RFC 5545, 3.3.11).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
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
    use super::{escape, fold};

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
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
