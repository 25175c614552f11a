//! One module per subcommand. What they share (list-or-show, linked names, money and dates as
//! text, the sources section) lives here, written once.

pub mod about;
pub mod certs;
pub mod compare;
pub mod cost;
pub mod data;
pub mod eligible;
pub mod employers;
pub mod gap;
pub mod occupations;
pub mod orgs;
pub mod paths;
pub mod plan;
pub mod regulations;
pub mod renew;
pub mod responsibilities;
pub mod roles;
pub mod salaries;
pub mod search;
pub mod skills;
pub mod sources;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::catalog::Catalog;
use crate::catalog::Record;
use crate::model::{Date, Kind};
use crate::output::{Detail, Output, Table};

/// With an id, shows that record in full; without, lists `records` (filtered as asked).
/// Each is computed only when needed: showing one record decodes no other, and JSON builds
/// no table.
pub fn list_or_show<'a, T: Record>(
    id: Option<&str>,
    records: impl FnOnce() -> Vec<&'a T>,
    catalog: &'a Catalog,
    out: &mut Output,
    table: impl Fn(&[&T]) -> Table,
    detail: impl Fn(&T) -> Detail,
) -> Result<()> {
    match id {
        Some(id) => {
            let record = catalog.get::<T>(id)?;
            match out.data_only() {
                true => out.detail(&Detail::new(String::new()), record),
                false => out.detail(&detail(record), record),
            }
        }
        None => {
            let records = records();
            match out.data_only() {
                true => out.table(&Table::new(&[]), &records),
                false => out.table(&table(&records), &records),
            }
        }
    }
}

/// The directory `path` lies in: `.` for a bare file name.
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` whole or not at all, through a temporary file beside it that is
/// then moved into place. An existing file is replaced only when `replace`; otherwise the move
/// fails if the name was taken meanwhile.
pub fn write_whole(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let context = || format!("cannot write {}", path.display());
    let mut temp = tempfile::NamedTempFile::new_in(parent_dir(path)).with_context(context)?;
    temp.write_all(bytes).with_context(context)?;
    let placed = if replace {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    placed.map_err(|e| e.error).with_context(context)?;
    Ok(())
}

/// Linked records as "Name (id)", one line each.
pub fn linked(catalog: &Catalog, kind: Kind, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| format!("{} ({id})", catalog.name_of(kind, id)))
        .collect()
}

/// Linked records as a comma-separated list of names, for a table cell.
pub fn names(catalog: &Catalog, kind: Kind, ids: &[String]) -> String {
    ids.iter()
        .map(|id| catalog.name_of(kind, id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The closing section of every detail view: each source with its publisher, kind and date.
pub fn sources_section(detail: &mut Detail, catalog: &Catalog, ids: &[&String]) {
    let mut seen: Vec<&String> = Vec::new();
    for id in ids {
        if !seen.contains(id) {
            seen.push(id);
        }
    }
    let lines = seen
        .iter()
        .map(|id| match catalog.sources().iter().find(|s| &&s.id == id) {
            Some(s) => format!(
                "[{}] {} — {} ({}, retrieved {}) {}",
                s.id,
                s.title,
                s.publisher,
                s.kind.label(),
                s.retrieved,
                s.url
            ),
            None => id.to_string(),
        })
        .collect();
    detail.section("Sources", lines);
}

/// Whole US dollars as `$1,234`, or "unknown".
pub fn usd(amount: Option<u32>) -> String {
    match amount {
        Some(amount) => format!("${}", thousands(u64::from(amount))),
        None => "unknown".to_string(),
    }
}

/// US cents as `$23.98` (or `$67,534` when there are no cents).
pub fn cents(amount: u64) -> String {
    let (dollars, cents) = (amount / 100, amount % 100);
    if cents == 0 {
        format!("${}", thousands(dollars))
    } else {
        format!("${}.{cents:02}", thousands(dollars))
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A number with its unit, or "unknown".
pub fn count(value: Option<u32>, unit: &str) -> String {
    value.map_or_else(|| "unknown".to_string(), |v| format!("{v} {unit}"))
}

/// Minutes as "2 h", "3.5 h" or "90 min", or "unknown".
pub fn duration(minutes: Option<u32>) -> String {
    match minutes {
        None => "unknown".to_string(),
        Some(m) if m % 60 == 0 => format!("{} h", m / 60),
        Some(m) if m % 30 == 0 => format!("{}.5 h", m / 60),
        Some(m) => format!("{m} min"),
    }
}

/// A horizontal bar `width` cells long at `max`, drawn in eighths of a cell, for the eye.
pub fn bar(value: u64, max: u64, width: u64) -> String {
    if max == 0 {
        return String::new();
    }
    let eighths = (value.min(max) * width * 8).div_ceil(max);
    let mut bar = "█".repeat((eighths / 8) as usize);
    if !eighths.is_multiple_of(8) {
        bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][(eighths % 8) as usize]);
    }
    bar
}

/// Figures older than this many years are toned as stale in tables.
pub const STALE_YEARS: u32 = 3;

/// Whether all of `date` lies more than `years` years before today. A figure "as of 2023" is
/// only surely older than a cutoff once the last day of 2023 is.
pub fn is_older_than(date: Date, years: u32) -> bool {
    let month = date.month.unwrap_or(12) as i8;
    let first =
        jiff::civil::Date::new(date.year as i16, month, 1).unwrap_or(jiff::civil::Date::MAX);
    let last = match date.day {
        Some(day) => first.with().day(day as i8).build().unwrap_or(first),
        None => first.last_of_month(),
    };
    let today = jiff::ZonedDateTime::now().date();
    last < today.saturating_sub(jiff::Span::new().years(years))
}

pub fn as_of(date: Date) -> String {
    format!("as of {date}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_and_exact() {
        assert_eq!(usd(Some(67534)), "$67,534");
        assert_eq!(usd(Some(229)), "$229");
        assert_eq!(usd(None), "unknown");
        assert_eq!(cents(2398), "$23.98");
        assert_eq!(cents(11_800_000), "$118,000");
        assert_eq!(cents(5), "$0.05");
    }

    #[test]
    fn bars_scale_to_the_largest() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(1, 16, 2), "▏");
        assert_eq!(bar(0, 10, 4), "");
        assert_eq!(bar(3, 0, 4), "");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Some(120)), "2 h");
        assert_eq!(duration(Some(210)), "3.5 h");
        assert_eq!(duration(Some(75)), "75 min");
        assert_eq!(duration(None), "unknown");
    }
}
