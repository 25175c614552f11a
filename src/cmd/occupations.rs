//! `hi occupations [ID]`: O*NET-SOC occupations the roles map to, with BLS figures.

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::IdArg;
use crate::model::Kind;
use crate::output::{Cell, Detail, Output, Table};
use crate::show::{date, linked, sources_section, usd};

pub fn run(args: &IdArg, catalog: &Catalog, out: &mut Output) -> Result<()> {
    let records = || catalog.occupations().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |occupations| {
            let mut table = Table::new(&["Code", "Occupation", "Median pay", "As of", "Outlook"]);
            for o in occupations {
                table.row(vec![
                    o.id.clone().into(),
                    o.name.clone().into(),
                    usd(o.median_annual_usd),
                    date(o.median_as_of),
                    outlook(o.outlook_percent, o.outlook_period.as_deref()),
                ]);
            }
            table
        },
        |o| {
            let mut detail = Detail::new(format!("{} ({})", o.name, o.id));
            detail.field("Description", &o.description);
            detail.field("Median annual pay", usd(o.median_annual_usd));
            detail.field(
                "As of",
                o.median_as_of
                    .map_or("unknown".to_string(), |d| d.to_string()),
            );
            detail.field(
                "Outlook",
                outlook(o.outlook_percent, o.outlook_period.as_deref()),
            );
            let roles: Vec<String> = catalog
                .roles()
                .iter()
                .filter(|r| r.occupations.contains(&o.id))
                .map(|r| r.id.clone())
                .collect();
            detail.section("Roles", linked(catalog, Kind::Role, &roles));
            detail.section("Notes", o.notes.clone());
            let sources: Vec<&String> = o.figures_source.iter().chain(&o.sources).collect();
            sources_section(&mut detail, catalog, &sources);
            detail
        },
    )
}

fn outlook(percent: Option<i32>, period: Option<&str>) -> Cell {
    match (percent, period) {
        (Some(p), Some(period)) => format!("{p:+}% ({period})").into(),
        (Some(p), None) => format!("{p:+}%").into(),
        _ => Cell::unknown(),
    }
}
