//! `hi responsibilities [ID]`

use anyhow::Result;

use super::list_or_show;
use crate::cli::IdArg;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Kind, Responsibility};
use crate::output::{Column, Detail, Output, Table};
use crate::show::{linked, names, sources_section};

/// The columns of `hi responsibilities`.
pub const COLUMNS: &[Column] = &[
    Column::new("ID").key("id"),
    Column::new("Responsibility").key("name").rank(2),
    Column::new("Roles").key("roles").prose().rank(3),
];

pub fn run(args: &IdArg, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let records = || catalog.responsibilities().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |items| {
            let mut table = Table::of_records::<Responsibility>(COLUMNS);
            for r in items {
                table.row(vec![
                    r.id.clone(),
                    r.name.clone(),
                    names(catalog, Kind::Role, &r.roles),
                ]);
            }
            table
        },
        |r| {
            let mut detail = Detail::new(format!("{} ({})", r.name, r.id));
            detail.field("Description", &r.description);
            detail.section("Roles that carry it", linked(catalog, Kind::Role, &r.roles));
            sources_section(&mut detail, catalog, &r.sources);
            detail
        },
    )
}
