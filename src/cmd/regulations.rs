//! `hi regulations [ID]`

use anyhow::Result;

use super::list_or_show;
use crate::cli::IdArg;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Kind, Regulation};
use crate::output::{Column, Detail, Output, Table};
use crate::show::{linked, sources_section};

/// The columns of `hi regulations`.
pub const COLUMNS: &[Column] = &[
    Column::new("ID").key("id"),
    Column::new("Name").key("name").rank(2),
    Column::new("Full name").key("full_name").prose().rank(4),
    Column::new("Enacted").key("enacted").rank(2),
    Column::new("Citation").key("citation").rank(3),
];

pub fn run(args: &IdArg, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let records = || catalog.regulations().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |regulations| {
            let mut table = Table::of_records::<Regulation>(COLUMNS);
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
