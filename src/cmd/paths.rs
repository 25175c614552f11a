//! `hi paths [ID]`

use anyhow::Result;

use super::list_or_show;
use crate::cli::IdArg;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::Kind;
use crate::output::{Detail, Output, Table};
use crate::show::{linked, source_label, sources_section};

pub fn run(args: &IdArg, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let records = || catalog.paths().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |paths| {
            let mut table = Table::new(&["ID", "Path", "Suits", "Steps"]);
            for p in paths {
                table.row(vec![
                    p.id.clone(),
                    p.name.clone(),
                    p.suits.clone(),
                    p.steps.join(" → "),
                ]);
            }
            table
        },
        |p| {
            let mut detail = Detail::new(format!("{} ({})", p.name, p.id));
            detail.field("Description", &p.description);
            detail.field("Suits", &p.suits);
            let steps = p
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {s}", i + 1))
                .collect();
            // The steps are the sources' account, not the project's: say whose.
            let whose: Vec<String> = p.sources.iter().map(|s| source_label(catalog, s)).collect();
            let verb = if whose.len() == 1 {
                "describes"
            } else {
                "describe"
            };
            let heading = format!("Steps, as {} {verb} them", whose.join(", "));
            detail.section(&heading, steps);
            detail.section("Leads to roles", linked(catalog, Kind::Role, &p.roles));
            detail.section(
                "Certifications along the way (the project's judgment)",
                linked(catalog, Kind::Certification, &p.certifications),
            );
            sources_section(&mut detail, catalog, &p.sources);
            detail
        },
    )
}
