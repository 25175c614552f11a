//! `hi occupations [ID]`: O*NET-SOC occupations the roles map to, with their pay and outlook.

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::IdArg;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Kind, Occupation, OccupationFigures};
use crate::output::{Cell, Detail, Output, Table};
use crate::show::{Standing, linked, outlook, sources_section, usd, with_note};
use crate::view::occupation_figures;

pub fn run(args: &IdArg, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = &ctx.standing()?;
    let records = || catalog.occupations().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |occupations| {
            let mut table = Table::new(&["Code", "Occupation", "Median pay", "As of", "Outlook"]);
            for o in occupations {
                let (figures, of) = occupation_figures(o, catalog);
                let mut cells = vec![o.id.clone().into(), o.name.clone().into()];
                match figures.figures_source.as_deref() {
                    Some(source) => {
                        let mut median = usd(figures.median_annual_usd);
                        if let Some(parent) = of {
                            median.text += &format!(" ({parent}'s)");
                        }
                        cells.push(median);
                        cells.push(standing.date(figures.median_as_of, source));
                    }
                    None => cells.extend([Cell::unknown(), Cell::unknown()]),
                }
                // The outlook may be an older edition's: it carries its own marks.
                cells.push(match figures.outlook_source.as_deref() {
                    Some(source) => standing.mark(
                        outlook(figures.outlook_percent, figures.outlook_period.as_deref()),
                        figures.outlook_as_of,
                        source,
                    ),
                    None => Cell::unknown(),
                });
                table.row(cells);
            }
            standing.legend(&mut table);
            table
        },
        |o| detail(o, catalog, standing),
    )
}

fn detail(o: &Occupation, catalog: &Catalog, standing: &Standing) -> Detail {
    let mut detail = Detail::new(format!("{} ({})", o.name, o.id));
    detail.field("Description", &o.description);
    let (figures, of) = occupation_figures(o, catalog);
    if let Some(parent) = of {
        detail.field(
            "Figures",
            format!(
                "none for this occupation: those of its parent {} ({parent}) follow",
                figures.name
            ),
        );
    }
    // Each figure is the newest observation of it, so each is cited on its own.
    let cited = |cell: Cell, as_of, source: &Option<String>| match source {
        Some(source) => Cell::from(format!("{} — {}", cell.text, standing.cited(as_of, source))),
        None => cell,
    };
    detail.field(
        "Median annual pay",
        cited(
            usd(figures.median_annual_usd),
            figures.median_as_of,
            &figures.figures_source,
        ),
    );
    detail.field(
        "Outlook",
        cited(
            outlook(figures.outlook_percent, figures.outlook_period.as_deref()),
            figures.outlook_as_of,
            &figures.outlook_source,
        ),
    );
    let mut history: Vec<_> = figures.figure_history.iter().collect();
    history.sort_by_key(|f| std::cmp::Reverse(f.as_of));
    let editions = history.into_iter().map(|f| edition(f, standing));
    detail.section("Figures, newest edition first", editions.collect());
    let roles: Vec<String> = catalog
        .roles()
        .iter()
        .filter(|r| r.occupations.contains(&o.id))
        .map(|r| r.id.clone())
        .collect();
    detail.section("Roles", linked(catalog, Kind::Role, &roles));
    detail.section("Notes", o.notes.clone());
    let sources = figures.figure_history.iter().map(|f| f.source.as_str());
    sources_section(
        &mut detail,
        catalog,
        sources.chain(o.sources.iter().map(String::as_str)),
    );
    detail
}

/// One edition of an occupation's figures on a line, with its source.
fn edition(f: &OccupationFigures, standing: &Standing) -> String {
    let mut parts = vec![format!("median {} a year", usd(f.median_annual_usd))];
    if let Some(jobs) = f.employment {
        let year = f
            .employment_year
            .map_or(String::new(), |y| format!(" in {y}"));
        parts.push(format!("{jobs} jobs{year}"));
    }
    parts.push(format!(
        "outlook {}",
        outlook(f.outlook_percent, f.outlook_period.as_deref())
    ));
    if let Some(change) = f.employment_change {
        parts.push(format!("{change:+} jobs"));
    }
    if let Some(openings) = f.openings_per_year {
        parts.push(format!("{openings} openings a year"));
    }
    if let Some(education) = &f.entry_education {
        parts.push(format!("entry: {education}"));
    }
    let line = format!(
        "{} — {}",
        parts.join("; "),
        standing.cited(f.as_of, &f.source)
    );
    with_note(line, &f.note)
}
