//! `hi cost ID... --years N [--member]`: a per-year breakdown side by side, and totals.

use anyhow::Result;

use super::usd;
use crate::cli::CostArgs;
use crate::cost::{Cost, cost};
use crate::model::{Catalog, Certification};
use crate::output::{Output, Table};

pub fn run(args: &CostArgs, catalog: &Catalog, out: &mut Output) -> Result<()> {
    let costs = args
        .ids
        .iter()
        .map(|id| {
            catalog
                .get::<Certification>(id)
                .map(|c| cost(c, catalog, args.years, args.member))
        })
        .collect::<Result<Vec<_>>>()?;
    out.table(&table(&costs, args.years), &costs)
}

fn table(costs: &[Cost], years: u32) -> Table {
    let mut header = vec!["Year".to_string()];
    header.extend(costs.iter().map(|c| c.name.clone()));
    let mut table = Table {
        header,
        rows: Vec::new(),
    };
    for year in 1..=years {
        let mut row = vec![year.to_string()];
        let mut any = false;
        for cost in costs {
            let lines: Vec<String> = cost
                .items
                .iter()
                .filter(|i| i.year == year)
                .map(|i| {
                    let mut line = format!("{} {}", usd(i.amount_usd), i.what);
                    if let Some(hours) = i.ce_hours {
                        line += &format!(" ({hours} CE h due)");
                    }
                    line
                })
                .collect();
            any |= !lines.is_empty();
            row.push(lines.join("\n"));
        }
        if any {
            table.row(row);
        }
    }
    let mut total = vec![format!("Total, {years} y")];
    total.extend(costs.iter().map(|c| {
        if c.lower_bound {
            format!("at least {}", usd(Some(c.total_usd)))
        } else {
            usd(Some(c.total_usd))
        }
    }));
    table.row(total);
    let mut unknown = vec!["Unknown".to_string()];
    unknown.extend(costs.iter().map(|c| {
        if c.unknown.is_empty() {
            "nothing".to_string()
        } else {
            c.unknown.join("\n")
        }
    }));
    table.row(unknown);
    let mut pays = vec!["Membership pays off".to_string()];
    pays.extend(costs.iter().map(|c| match c.membership_pays_off_year {
        Some(year) => format!("in year {year}"),
        None => "unknown".to_string(),
    }));
    table.row(pays);
    if costs.iter().any(|c| !c.notes.is_empty()) {
        let mut notes = vec!["Notes".to_string()];
        notes.extend(costs.iter().map(|c| c.notes.join("\n")));
        table.row(notes);
    }
    table
}
