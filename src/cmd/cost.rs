//! `hi cost ID... [--years N] [--member|--non-member] [--with-retake] [--together]`: a
//! per-year breakdown side by side and totals, or the cost of holding the credentials at once.

use anyhow::Result;

use crate::cli::CostArgs;
use crate::context::Context;
use crate::cost::{Cost, Together, cost, together};
use crate::error::Outcome;
use crate::model::{CeUnit, Certification};
use crate::output::{Cell, Format, Output, SideBySide, Table};
use crate::show::{bar, total_usd, usd};

pub fn run(args: &CostArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let certs = catalog.distinct::<Certification>(&args.ids)?;
    let terms = super::terms(ctx, &args.pricing, args.years)?;
    if args.together {
        let together = together(&certs, catalog, &terms);
        out.table(&together_table(&together), &together)?;
        return Ok(Outcome::Done);
    }
    let costs: Vec<Cost> = certs.iter().map(|c| cost(c, catalog, &terms)).collect();
    let bars = out.format == Format::Table;
    out.table(&table(&costs, args.years, bars), &costs)?;
    Ok(Outcome::Done)
}

fn together_table(t: &Together) -> Table {
    let mut table = Table::new(&["Year", "What", "USD", "CE due"]);
    for item in &t.items {
        table.row(vec![
            item.year.to_string().into(),
            item.what.as_str().into(),
            usd(item.usd),
            item.ce_hours
                .map_or(Cell::default(), |h| CeUnit::amount(item.ce_unit, h).into()),
        ]);
    }
    let total = total_usd(t.total_usd, t.lower_bound);
    table.row(vec![
        format!("Total, {} y", t.years).into(),
        Cell::default(),
        total,
        Cell::default(),
    ]);
    if !t.unknown.is_empty() {
        table.row(vec![
            "Unknown".into(),
            t.unknown.join("\n").into(),
            Cell::default(),
            Cell::default(),
        ]);
    }
    for note in &t.notes {
        table.row(vec![
            "Note".into(),
            note.as_str().into(),
            Cell::default(),
            Cell::default(),
        ]);
    }
    table
}

fn table(costs: &[Cost], years: u32, bars: bool) -> Table {
    let costs: Vec<&Cost> = costs.iter().collect();
    let mut side = SideBySide::new("Year", &costs, |c| c.name.clone());
    let spent = |cost: &Cost, year: u32| -> u32 {
        cost.items
            .iter()
            .filter(|i| i.year == year)
            .filter_map(|i| i.amount_usd)
            .sum()
    };
    let most = (1..=years)
        .flat_map(|year| costs.iter().map(move |c| spent(c, year)))
        .max()
        .unwrap_or(0);
    for year in 1..=years {
        if costs.iter().all(|c| c.items.iter().all(|i| i.year != year)) {
            continue;
        }
        side.row(&year.to_string(), |cost| {
            let mut lines: Vec<String> = cost
                .items
                .iter()
                .filter(|i| i.year == year)
                .map(|i| match i.ce_hours {
                    Some(hours) => format!(
                        "{} {} ({} due)",
                        usd(i.amount_usd),
                        i.what,
                        CeUnit::amount(cost.ce_unit, hours)
                    ),
                    None => format!("{} {}", usd(i.amount_usd), i.what),
                })
                .collect();
            if bars && spent(cost, year) > 0 {
                lines.push(bar(u64::from(spent(cost, year)), u64::from(most), 20));
            }
            lines.join("\n")
        });
    }
    side.row(&format!("Total, {years} y"), |c| {
        total_usd(c.total_usd, c.lower_bound)
    });
    side.row("Unknown", |c| {
        if c.unknown.is_empty() {
            "nothing".to_string()
        } else {
            c.unknown.join("\n")
        }
    });
    side.row("Membership pays off", |c| {
        c.membership_pays_off_year
            .map_or("unknown".to_string(), |year| format!("in year {year}"))
    });
    if costs.iter().any(|c| !c.notes.is_empty()) {
        side.row("Notes", |c| c.notes.join("\n"));
    }
    side.table
}
