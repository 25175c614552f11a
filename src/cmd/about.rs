//! `hi about`: the data set's version, date and size.

use anyhow::Result;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::output::{Detail, Output};

#[derive(Serialize)]
struct About<'a> {
    program_version: &'static str,
    data_version: &'a str,
    data_date: String,
    description: &'a str,
    counts: std::collections::BTreeMap<&'static str, usize>,
}

pub fn run(catalog: &Catalog, out: &mut Output) -> Result<()> {
    let counts = std::collections::BTreeMap::from([
        ("roles", catalog.roles().len()),
        ("responsibilities", catalog.responsibilities().len()),
        ("skills", catalog.skills().len()),
        ("employers", catalog.employers().len()),
        ("certifications", catalog.certifications().len()),
        ("organizations", catalog.organizations().len()),
        ("salaries", catalog.salaries().len()),
        ("paths", catalog.paths().len()),
        ("regulations", catalog.regulations().len()),
        ("occupations", catalog.occupations().len()),
        ("sources", catalog.sources().len()),
    ]);
    let about = About {
        program_version: env!("CARGO_PKG_VERSION"),
        data_version: &catalog.about().version,
        data_date: catalog.about().date.to_string(),
        description: &catalog.about().description,
        counts,
    };
    let mut detail = Detail::new("hi — health informatics careers and certifications".to_string());
    detail.field("Program version", about.program_version);
    detail.field("Data version", about.data_version);
    detail.field("Data date", about.data_date.clone());
    detail.field("Data", about.description);
    detail.section(
        "Records",
        about
            .counts
            .iter()
            .map(|(kind, n)| format!("{kind}: {n}"))
            .collect(),
    );
    out.detail(&detail, &about)
}
