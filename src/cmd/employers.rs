//! `hi employers [ID]`

use anyhow::Result;

use super::list_or_show;
use crate::cli::IdArg;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Employer, Kind};
use crate::output::{Column, Detail, Output, Table};
use crate::show::{linked, sources_section};

/// The columns of `hi employers`.
pub const COLUMNS: &[Column] = &[
    Column::new("ID").key("id"),
    Column::new("Employer type").key("name").rank(2),
    Column::new("What it does with health data")
        .key("data_use")
        .prose()
        .rank(3),
];

pub fn run(args: &IdArg, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let records = || catalog.employers().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |employers| {
            let mut table = Table::of_records::<Employer>(COLUMNS);
            for e in employers {
                table.row(vec![e.id.clone(), e.name.clone(), e.data_use.clone()]);
            }
            table
        },
        |e| {
            let mut detail = Detail::new(format!("{} ({})", e.name, e.id));
            detail.field("Description", &e.description);
            detail.field("Health data", &e.data_use);
            detail.section("Examples", e.examples.clone());
            let roles: Vec<String> = catalog
                .roles()
                .iter()
                .filter(|r| r.employers.contains(&e.id))
                .map(|r| r.id.clone())
                .collect();
            detail.section("Roles found here", linked(catalog, Kind::Role, &roles));
            sources_section(&mut detail, catalog, &e.sources);
            detail
        },
    )
}
