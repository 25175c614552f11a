//! `hi status [--ics FILE [--force]] [--check]`: where the holder stands with each credential.

use std::path::Path;

use anyhow::Result;

use crate::catalog::Catalog;
use crate::cli::StatusArgs;
use crate::model::Certification;
use crate::output::{Cell, Output, Table, Tone};
use crate::profile;
use crate::renewal::deadlines;
use crate::show::{bar, usd};
use crate::status::{Status, current_cycle, statuses};
use crate::write::write_or_print;

/// `--check` found something that needs attention: exit status 3.
#[derive(Debug)]
pub struct NeedsAttention;

impl std::fmt::Display for NeedsAttention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("something needs attention")
    }
}

impl std::error::Error for NeedsAttention {}

pub fn run(
    args: &StatusArgs,
    catalog: &Catalog,
    path: &Path,
    now: &jiff::ZonedDateTime,
    out: &mut Output,
) -> Result<()> {
    let today = now.date();
    let stored = profile::load(path)?;
    let all = statuses(&stored, catalog, today);
    if let Some(ics) = &args.ics {
        // Every held credential's deadlines, from its current cycle on.
        let mut calendars = Vec::new();
        for held in &stored.credentials {
            let cert = catalog.get::<Certification>(&held.id)?;
            if let Some((cycle, _, _)) = current_cycle(cert, held.earned, today) {
                let mut list = deadlines(cert, held.earned, cycle + 2)?;
                list.retain(|d| d.cycle >= cycle);
                calendars.push((cert, list));
            }
        }
        let calendar = crate::ics::calendar(
            calendars.iter().map(|(c, d)| (*c, d.as_slice())),
            now.timestamp(),
        );
        // `--ics -`: the calendar is the output.
        if write_or_print(ics, calendar.as_bytes(), args.force, out)? {
            return Ok(());
        }
    }
    if args.check {
        let lines: Vec<String> = all
            .iter()
            .flat_map(|s| s.attention.iter().map(move |a| format!("{}: {a}", s.name)))
            .collect();
        if lines.is_empty() {
            return Ok(());
        }
        out.lines(&lines, &lines)?;
        out.flush()?;
        return Err(NeedsAttention.into());
    }
    if all.is_empty() && !out.data_only() {
        out.message(&format!(
            "no credential in {}: add one with `hi profile add CERT --earned YYYY-MM-DD`",
            path.display()
        ))?;
    }
    out.table(&table(&all), &all)
}

fn table(all: &[Status]) -> Table {
    let mut table = Table::new(&[
        "Credential",
        "Cycle ends",
        "Days left",
        "Apply by",
        "Hours",
        "Pace",
        "Fee",
        "Attention",
    ]);
    for s in all {
        let hours = s.requirements.iter().map(|r| {
            let required = r.required_hours.map_or("?".to_string(), |h| h.to_string());
            let filled = match r.required_hours {
                Some(req) if req.0 > 0 => {
                    bar(u64::from(r.done_hours.0.min(req.0)), u64::from(req.0), 10)
                }
                _ => String::new(),
            };
            format!("{}: {} of {required} {filled}", r.name, r.done_hours)
        });
        let pace = match (s.on_pace, s.hours_per_month_needed) {
            (Some(true), Some(h)) => Cell::new(format!("on pace ({h} h/month)"), Tone::Good),
            (Some(false), Some(h)) => Cell::new(format!("behind: {h} h/month needed"), Tone::Bad),
            _ => Cell::unknown(),
        };
        let notes = s
            .attention
            .iter()
            .chain(&s.notes)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n");
        let attention = match s.attention.is_empty() {
            true => Cell::from(notes),
            false => Cell::new(notes, Tone::Bad),
        };
        table.row(vec![
            format!("{} (earned {})", s.name, s.earned).into(),
            s.cycle_end.map_or_else(Cell::unknown, |d| {
                format!("{d} (cycle {})", s.cycle.unwrap_or(0)).into()
            }),
            s.days_left
                .map_or_else(Cell::unknown, |d| d.to_string().into()),
            s.apply_by
                .map_or_else(|| Cell::from("not in the data"), |d| d.to_string().into()),
            hours.collect::<Vec<_>>().join("\n").into(),
            pace,
            usd(s.renewal_fee_usd),
            attention,
        ]);
    }
    table
}
