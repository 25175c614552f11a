//! `hi regulations [ID]`

use anyhow::Result;

use super::list_or_show;
use crate::cli::IdArg;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::Kind;
use crate::output::{Detail, Output, Table};
use crate::show::{linked, sources_section};

pub fn run(args: &IdArg, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let records = || catalog.regulations().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |regulations| {
            let mut table = Table::new(&["ID", "Name", "Full name", "Enacted", "Citation"]);
            for r in regulations {
                table.row(vec![
                    r.id.clone(),
                    r.name.clone(),
                    r.full_name.clone(),
                    r.enacted.to_string(),
                    r.citation.clone(),
                ]);
            }
            table
        },
        |r| {
            let mut detail = Detail::new(format!("{} — {} ({})", r.name, r.full_name, r.id));
            detail.field("Citation", &r.citation);
            detail.field("Enacted", r.enacted.to_string());
            detail.field("Description", &r.description);
            let skills: Vec<String> = catalog
                .skills()
                .iter()
                .filter(|s| s.regulations.contains(&r.id))
                .map(|s| s.id.clone())
                .collect();
            detail.section(
                "Skills that cover it",
                linked(catalog, Kind::Skill, &skills),
            );
            detail.section("Notes", r.notes.clone());
            sources_section(&mut detail, catalog, &r.sources);
            detail
        },
    )
}
