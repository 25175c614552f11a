//! `hi status [--ics FILE [--force]] [--check]`: where the holder stands with each credential.

use anyhow::Result;

use crate::cli::StatusArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::lifecycle::{EndSetBy, State};
use crate::model::CeUnit;
use crate::output::{Cell, Column, Format, Output, Table, Tone};
use crate::show::{bar, usd};
use crate::status::{Requirement, Status, statuses};
use crate::write::write_or_print;

pub fn run(args: &StatusArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let path = &ctx.profile_path()?;
    let now = ctx.now()?;
    let today = now.date();
    let stored = ctx.profile()?;
    let all = statuses(&stored, catalog, today);
    if let Some(ics) = &args.ics {
        let events = crate::status::events(&all, catalog)?;
        let calendar = crate::ics::calendar(&events, now.timestamp(), &args.reminders.days());
        // `--ics -`: the calendar is the output.
        ctx.refuse_own(ics)?;
        if write_or_print(ics, calendar.as_bytes(), args.force, out)? {
            return Ok(Outcome::Done);
        }
    }
    if args.check {
        let within = |s: &Status| match args.within {
            Some(days) => crate::status::within(s, today, i64::from(days)),
            None => Vec::new(),
        };
        let lines: Vec<String> = all
            .iter()
            .flat_map(|s| {
                let due = s.attention.iter().cloned().chain(within(s));
                due.map(move |a| format!("{}: {a}", s.name))
            })
            .collect();
        if lines.is_empty() {
            return Ok(Outcome::Done);
        }
        out.lines(&lines, &lines, &[])?;
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

/// The columns of `hi status`.
pub const COLUMNS: &[Column] = &[
    Column::new("Credential"),
    Column::new("State and cycle").rank(2),
    Column::new("CE done of due").rank(3),
    // What needs the holder's attention is what they came for: the last to go.
    Column::new("Pace and attention").prose().rank(2),
];

/// The keys of a status's JSON, as `Status` serializes them.
pub const KEYS: &[&str] = &[
    "id",
    "name",
    "earned",
    "state",
    "state_since",
    "next_change",
    "late_fee_usd",
    "reinstatable_until",
    "what_to_do",
    "cycle",
    "cycle_start",
    "cycle_end",
    "cycle_end_set_by",
    "apply_by",
    "days_left",
    "ce_unit",
    "required_hours",
    "done_hours",
    "remaining_hours",
    "requirements",
    "hours_per_month_needed",
    "on_pace",
    "renewal_fee_usd",
    "renewed_with",
    "replaced_by",
    "renewals",
    "attention",
    "notes",
];

fn table(all: &[Status], bars: bool) -> Table {
    let mut table = Table::with_keys(COLUMNS, KEYS);
    for s in all {
        let mut credential = format!(
            "{}\nearned {}\nrenewal fee {}",
            s.name,
            s.earned,
            usd(s.renewal_fee_usd)
        );
        if let Some(late) = s.late_fee_usd.filter(|fee| *fee > 0) {
            credential += &format!("\n+ ${late} now");
        }
        let hours = s
            .requirements
            .iter()
            .map(|r| requirement_line(r, s.ce_unit, bars));
        let lines: Vec<String> = std::iter::once(s.pace_words())
            .chain(s.attention.iter().chain(&s.notes).cloned())
            .collect();
        let tone = match (s.state, s.on_pace, s.attention.is_empty()) {
            (_, Some(true), true) => Tone::Good,
            (State::Unknown, _, _) | (_, None, true) => Tone::Unsure,
            _ => Tone::Bad,
        };
        table.row(vec![
            credential.into(),
            state(s).into(),
            hours.collect::<Vec<_>>().join("\n").into(),
            Cell::new(lines.join("\n"), tone),
        ]);
    }
    // A narrow table shortens what needs attention: say where it is whole.
    if all.iter().any(|s| !s.attention.is_empty()) {
        table.legend = vec!["`hi status --check` prints what needs attention in full".into()];
    }
    table
}

/// One requirement as done of due: `total: 19 of 30 CEUs ██████▎`, `HIIM: 10 of 24`; a
/// category without a minimum says its rule instead (`giving back: 28, at most 25`).
fn requirement_line(r: &Requirement, unit: Option<CeUnit>, bars: bool) -> String {
    let name = match (r.name.as_str(), &r.category) {
        ("total", None) => "total".to_string(),
        ("ethics", None) => "ethics".to_string(),
        (name, Some(_)) => name.to_string(),
        _ => "from issuer".to_string(),
    };
    // The unit is said once, on the total.
    let unit = match (r.name.as_str(), r.category.is_none(), unit) {
        ("total", true, Some(unit)) => format!(" {}", unit.label()),
        _ => String::new(),
    };
    let done = r.done_hours;
    // Hours logged without a category may yet meet it: the line must not read as short.
    let unsure = match (r.required_hours, r.met) {
        (Some(_), None) => ", met unknown",
        _ => "",
    };
    match (r.required_hours, &r.limit) {
        (Some(req), _) if req.0 > 0 && bars => {
            let filled = bar(u64::from(done.0.min(req.0)), u64::from(req.0), 10);
            format!("{name}: {done} of {req}{unit}{unsure} {filled}")
        }
        (Some(req), _) => format!("{name}: {done} of {req}{unit}{unsure}"),
        (None, Some(limit)) => format!("{name}: {done}, {limit}"),
        (None, None) => format!("{name}: {done} of unknown{unit}"),
    }
}

/// The state, its next change, and the cycle's dates, one to a line.
fn state(s: &Status) -> String {
    let mut lines = vec![match s.state_since {
        Some(since) if !matches!(s.state, State::Active) => {
            format!("{} since {since}", s.state.label())
        }
        _ => s.state.label().to_string(),
    }];
    if let Some(change) = s.next_change {
        lines.push(format!("{} from {}", change.state.label(), change.on));
    }
    if s.replaced_by.is_none() {
        let set_by = match s.cycle_end_set_by {
            Some(EndSetBy::Holder) => " (your date)",
            _ => "",
        };
        lines.push(match (s.cycle_end, s.days_left) {
            (Some(end), Some(days)) if days >= 0 => format!("ends {end}{set_by}, {days} days left"),
            (Some(end), _) => format!("ended {end}{set_by}"),
            _ => "cycle end unknown".to_string(),
        });
        if let Some(by) = s.apply_by {
            lines.push(format!("apply by {by}"));
        }
    }
    lines.join("\n")
}
