//! `hi salaries [ID]`: every salary figure, each with its source, date and period.

use anyhow::Result;

use super::{STALE_YEARS, bar, cents, is_older_than, list_or_show, sources_section};
use crate::catalog::Catalog;
use crate::cli::IdArg;
use crate::model::{Kind, Period, Salary};
use crate::output::{Detail, Format, Output, Table, Tone};

pub fn run(args: &IdArg, catalog: &Catalog, out: &mut Output) -> Result<()> {
    let records = || catalog.salaries().iter().collect();
    // Annual figures get a bar on one scale; hourly ones are not comparable with them.
    let bars = out.format == Format::Table;
    let most = catalog
        .salaries()
        .iter()
        .filter(|s| s.period == Period::Year)
        .map(|s| s.amount_cents)
        .max()
        .unwrap_or(0);
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |salaries| {
            let mut header = vec![
                "ID",
                "Subject",
                "Statistic",
                "Amount",
                "Per",
                "As of",
                "Source",
            ];
            if bars {
                header.push("Annual, to scale");
            }
            let mut table = Table::new(&header);
            for s in salaries {
                let mut row = vec![
                    s.id.clone(),
                    s.subject.clone(),
                    s.statistic.clone(),
                    cents(s.amount_cents),
                    period(s.period).to_string(),
                    s.as_of.to_string(),
                    s.source.clone(),
                ];
                if bars {
                    row.push(match s.period {
                        Period::Year => bar(s.amount_cents, most, 16),
                        Period::Hour => String::new(),
                    });
                }
                table.row(row);
                if is_older_than(s.as_of, STALE_YEARS) {
                    table.tone(5, Tone::Stale);
                }
            }
            table
        },
        |s| {
            let mut detail = Detail::new(format!("{} ({})", s.name, s.id));
            detail.field("Subject", &s.subject);
            detail.field(
                "Figure",
                format!(
                    "{} {} per {}",
                    s.statistic,
                    cents(s.amount_cents),
                    period(s.period)
                ),
            );
            detail.field("As of", s.as_of.to_string());
            if let Some(role) = &s.role {
                detail.field(
                    "Role",
                    format!("{} ({role})", catalog.name_of(Kind::Role, role)),
                );
            }
            if let Some(occupation) = &s.occupation {
                detail.field(
                    "Occupation",
                    format!(
                        "{} ({occupation})",
                        catalog.name_of(Kind::Occupation, occupation)
                    ),
                );
            }
            detail.section("Notes", s.notes.clone());
            sources_section(&mut detail, catalog, &[&s.source]);
            detail
        },
    )
}

fn period(period: Period) -> &'static str {
    match period {
        Period::Year => "year",
        Period::Hour => "hour",
    }
}

/// One line for a salary figure in another record's view.
pub fn summary(s: &Salary) -> String {
    format!(
        "{}: {} {} per {} — as of {} [{}]",
        s.subject,
        s.statistic,
        cents(s.amount_cents),
        period(s.period),
        s.as_of,
        s.source
    )
}
