//! `hi status [--ics FILE [--force]] [--check]`: where the holder stands with each credential.

use anyhow::Result;

use crate::cli::StatusArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::output::{Cell, Format, Output, Table, Tone};
use crate::profile;
use crate::show::{bar, usd};
use crate::status::{Status, statuses};
use crate::write::write_or_print;

pub fn run(args: &StatusArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let path = &ctx.profile_path()?;
    let now = ctx.now()?;
    let today = now.date();
    let stored = profile::load(path)?;
    profile::held_in(&stored, path, catalog)?;
    let all = statuses(&stored, catalog, today);
    if let Some(ics) = &args.ics {
        let calendars = crate::status::deadlines(&all, catalog)?;
        let calendar = crate::ics::calendar(
            calendars.iter().map(|(c, d)| (*c, d.as_slice())),
            now.timestamp(),
        );
        // `--ics -`: the calendar is the output.
        if write_or_print(ics, calendar.as_bytes(), args.force, out)? {
            return Ok(Outcome::Done);
        }
    }
    if args.check {
        let lines: Vec<String> = all
            .iter()
            .flat_map(|s| s.attention.iter().map(move |a| format!("{}: {a}", s.name)))
            .collect();
        if lines.is_empty() {
            return Ok(Outcome::Done);
        }
        out.lines(&lines, &lines)?;
        return Ok(Outcome::NeedsAttention);
    }
    if all.is_empty() && !out.data_only() {
        out.message(&format!(
            "no credential in {}: add one with `hi profile add CERT --earned YYYY-MM-DD`",
            path.display()
        ))?;
    }
    // Bars are for people at a terminal, as in `hi cost` and `hi salaries`.
    let bars = out.format == Format::Table;
    out.table(&table(&all, bars), &all)?;
    Ok(Outcome::Done)
}

fn table(all: &[Status], bars: bool) -> Table {
    let mut table = Table::new(&[
        "Credential",
        "Cycle",
        "CE hours done of due",
        "Pace and attention",
    ]);
    for s in all {
        let credential = format!(
            "{}\nearned {}\nrenewal fee {}",
            s.name,
            s.earned,
            usd(s.renewal_fee_usd)
        );
        let cycle = match (s.cycle_end, s.days_left) {
            (Some(end), Some(days)) => {
                let apply = s
                    .apply_by
                    .map_or("not in the data".to_string(), |d| d.to_string());
                format!("ends {end}\n{days} days left\napply by: {apply}")
            }
            _ => "unknown".to_string(),
        };
        let hours = s.requirements.iter().map(|r| {
            let name = match r.name {
                "total" => "total",
                "ethics" => "ethics",
                _ => "from issuer",
            };
            match r.required_hours {
                Some(req) if req.0 > 0 && bars => {
                    let filled = bar(u64::from(r.done_hours.0.min(req.0)), u64::from(req.0), 10);
                    format!("{name}: {} of {req} {filled}", r.done_hours)
                }
                Some(req) => format!("{name}: {} of {req}", r.done_hours),
                _ => format!("{name}: {} of unknown", r.done_hours),
            }
        });
        let pace = match (s.on_pace, s.hours_per_month_needed) {
            (Some(true), Some(h)) => format!("on pace ({h} h a month)"),
            (Some(false), Some(h)) => format!("behind: {h} h a month needed"),
            _ => "unknown".to_string(),
        };
        let lines: Vec<String> = std::iter::once(pace)
            .chain(s.attention.iter().chain(&s.notes).cloned())
            .collect();
        let tone = match (s.on_pace, s.attention.is_empty()) {
            (None, _) => Tone::Unsure,
            (Some(true), true) => Tone::Good,
            _ => Tone::Bad,
        };
        table.row(vec![
            credential.into(),
            cycle.into(),
            hours.collect::<Vec<_>>().join("\n").into(),
            Cell::new(lines.join("\n"), tone),
        ]);
    }
    table
}
