//! `hi employers [ID]`

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
    let records = || catalog.employers().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |employers| {
            let mut table = Table::new(&["ID", "Employer type", "What it does with health data"]);
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
