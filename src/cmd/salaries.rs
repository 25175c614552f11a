//! `hi salaries [ID]`: every salary figure, each with its source, date and period.

use anyhow::Result;

use super::list_or_show;
use crate::cli::IdArg;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Kind, Period, Salary};
use crate::output::{Cell, Column, Detail, Format, Output, Table};
use crate::show::{Standing, bar, cents, sources_section};

/// The columns of `hi salaries`.
pub const COLUMNS: &[Column] = &[
    Column::new("ID").key("id"),
    Column::new("Subject").key("subject").prose().rank(5),
    Column::new("Statistic").key("statistic").rank(4),
    Column::new("Amount").key("amount_cents"),
    Column::new("Per").key("period").rank(3),
    Column::new("As of").key("as_of").rank(2).provenance(""),
    Column::new("Source").key("source").rank(3),
    Column::new("Annual, to scale").rank(6),
];

/// The salaries listed; with `bars`, each annual figure drawn to the scale of the largest of
/// `all` (hourly figures are not comparable with them).
fn table(salaries: &[&Salary], all: &[Salary], standing: &Standing, bars: bool) -> Table {
    let most = all
        .iter()
        .filter(|s| s.period == Period::Year)
        .map(|s| u64::from(s.amount_cents.get()))
        .max()
        .unwrap_or(0);
    // The bars are for people at a terminal: the last column, only there.
    let columns = match bars {
        true => COLUMNS,
        false => &COLUMNS[..COLUMNS.len() - 1],
    };
    let mut table = Table::of_records::<Salary>(columns);
    for s in salaries {
        let mut row = vec![
            s.id.clone().into(),
            s.subject.clone().into(),
            s.statistic.clone().into(),
            cents(s.amount_cents.get().into()).into(),
            s.period.keyword().into(),
            standing.date(s.as_of, &s.source),
            s.source.clone().into(),
        ];
        if bars {
            row.push(match s.period {
                Period::Year => bar(s.amount_cents.get().into(), most, 16).into(),
                Period::Hour => Cell::default(),
            });
        }
        table.row(row);
    }
    standing.legend(&mut table);
    table
}

pub fn run(args: &IdArg, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = &ctx.standing()?;
    let records = || catalog.salaries().iter().collect();
    let bars = out.format == Format::Table;
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |salaries| table(salaries, catalog.salaries(), standing, bars),
        |s| {
            let mut detail = Detail::new(format!("{} ({})", s.name, s.id));
            detail.field("Subject", &s.subject);
            detail.field(
                "Figure",
                format!(
                    "{} {} per {}",
                    s.statistic,
                    cents(s.amount_cents.get().into()),
                    s.period.keyword()
                ),
            );
            detail.field("Source", standing.cited(s.as_of, &s.source));
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
            sources_section(&mut detail, catalog, [&s.source]);
            detail
        },
    )
}
