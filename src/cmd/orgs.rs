//! `hi orgs [ID]`

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::IdArg;
use crate::output::{Detail, Output, Table};
use crate::show::sources_section;

pub fn run(args: &IdArg, catalog: &Catalog, out: &mut Output) -> Result<()> {
    let records = || catalog.organizations().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |orgs| {
            let mut table = Table::new(&["ID", "Name", "Full name", "Certifications"]);
            for o in orgs {
                table.row(vec![
                    o.id.clone(),
                    o.name.clone(),
                    o.full_name.clone(),
                    issued_by(catalog, &o.id).join(", "),
                ]);
            }
            table
        },
        |o| {
            let mut detail = Detail::new(format!("{} — {} ({})", o.name, o.full_name, o.id));
            detail.field("Description", &o.description);
            detail.field("Website", &o.url);
            detail.section("Certifications it issues", issued_by(catalog, &o.id));
            detail.section("Notes", o.notes.clone());
            sources_section(&mut detail, catalog, &o.sources);
            detail
        },
    )
}

fn issued_by(catalog: &Catalog, org: &str) -> Vec<String> {
    catalog
        .certifications()
        .iter()
        .filter(|c| c.issuer == org)
        .map(|c| c.name.clone())
        .collect()
}
