//! `hi renew ID --earned YYYY-MM-DD [--cycles N] [--ics FILE [--force]]`: the end of each
//! renewal cycle, when to apply, and the CE hours due, optionally as an iCalendar file.

use std::path::Path;

use anyhow::{Context, Result, bail};
use jiff::civil::Date;
use serde::Serialize;

use super::write_whole;
use crate::catalog::Catalog;
use crate::cli::RenewArgs;
use crate::model::{Certification, CycleEnd};
use crate::output::{Output, Table};

#[derive(Debug, Serialize)]
pub struct Deadline {
    pub cycle: u32,
    pub ends: Date,
    pub apply_by: Option<Date>,
    pub ce_hours: Option<u32>,
}

#[derive(Debug, Serialize)]
struct Calendar<'a> {
    id: &'a str,
    earned: Date,
    deadlines: Vec<Deadline>,
}

pub fn run(args: &RenewArgs, catalog: &Catalog, out: &mut Output) -> Result<()> {
    let cert = catalog.get::<Certification>(&args.id)?;
    let earned: Date = args.earned.parse().with_context(|| {
        format!(
            "--earned `{}` is not a date of the form YYYY-MM-DD",
            args.earned
        )
    })?;
    let deadlines = deadlines(cert, earned, args.cycles)?;
    if let Some(path) = &args.ics {
        write_ics(path, args.force, &ics(cert, &deadlines))?;
    }
    let mut table = Table::new(&["Cycle", "Ends", "Apply by", "CE hours due"]);
    for d in &deadlines {
        table.row(vec![
            d.cycle.to_string(),
            d.ends.to_string(),
            d.apply_by
                .map_or("not set by the issuer".to_string(), |a| a.to_string()),
            d.ce_hours.map_or("unknown".to_string(), |h| h.to_string()),
        ]);
    }
    let calendar = Calendar {
        id: &cert.id,
        earned,
        deadlines,
    };
    out.table(&table, &calendar)
}

/// The end of each of the first `cycles` cycles. Each is counted from the pass date, not from
/// the previous end, so a 29 February start does not drift to the 28th for good.
pub fn deadlines(cert: &Certification, earned: Date, cycles: u32) -> Result<Vec<Deadline>> {
    let renewal = &cert.renewal;
    let (Some(years), Some(rule)) = (renewal.cycle_years, renewal.cycle_end) else {
        bail!(
            "the renewal calendar of {} is unknown: the data does not say {}",
            cert.name,
            if renewal.cycle_years.is_none() {
                "how long a cycle lasts"
            } else {
                "on which day a cycle ends"
            }
        );
    };
    (1..=cycles)
        .map(|cycle| {
            let span = jiff::Span::new().years(i64::from(years * cycle));
            let anniversary = earned
                .checked_add(span)
                .with_context(|| format!("cycle {cycle} ends beyond the calendar"))?;
            let ends = match rule {
                CycleEnd::Anniversary => anniversary,
                CycleEnd::EndOfMonth => anniversary.last_of_month(),
            };
            let apply_by = renewal
                .apply_by_days_before
                .map(|days| ends.checked_sub(jiff::Span::new().days(i64::from(days))))
                .transpose()?;
            Ok(Deadline {
                cycle,
                ends,
                apply_by,
                ce_hours: renewal.ce_hours,
            })
        })
        .collect()
}

/// An RFC 5545 calendar with one all-day event per deadline.
fn ics(cert: &Certification, deadlines: &[Deadline]) -> String {
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
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

/// Writes `text` to `path` whole or not at all: into a temporary file beside it, then moved
/// into place; an existing file is kept unless `force`.
fn write_ics(path: &Path, force: bool, text: &str) -> Result<()> {
    if path.exists() && !force {
        bail!("{} exists: add --force to overwrite it", path.display());
    }
    write_whole(path, text.as_bytes(), force)
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
