//! `hi about`: the data set's version, date and size, and how its figures stand.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::cli::IdlessArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::Kind;
use crate::output::{Detail, Output};
use crate::show::STALE_YEARS;

#[derive(Serialize)]
struct About<'a> {
    program_version: &'static str,
    data_version: &'a str,
    data_date: String,
    description: &'a str,
    counts: BTreeMap<&'static str, usize>,
    figures: Figures,
}

/// How the figures of the data stand against today.
#[derive(Serialize, Default)]
struct Figures {
    /// Every dated figure: a fee, an exam's format, a renewal rule's part, a pay figure.
    total: usize,
    /// Figures whose source states no date.
    undated: usize,
    /// Figures more than `STALE_YEARS` years old.
    stale: usize,
    /// Figures that only a third party (or the seed article) gives.
    third_party_only: usize,
}

pub fn run(_: &IdlessArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = &ctx.standing()?;
    let counts = Kind::ALL
        .iter()
        .map(|&kind| (kind.plural(), catalog.count(kind)))
        .collect();
    let mut figures = Figures::default();
    for citation in catalog.citations().iter().filter(|c| c.dated) {
        figures.total += 1;
        figures.undated += usize::from(citation.as_of.is_none());
        figures.stale += usize::from(standing.is_stale(citation.as_of));
        figures.third_party_only += usize::from(standing.third_party_only(citation.source));
    }
    let about = About {
        program_version: env!("CARGO_PKG_VERSION"),
        data_version: &catalog.about().version,
        data_date: catalog.about().date.to_string(),
        description: &catalog.about().description,
        counts,
        figures,
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
    let f = &about.figures;
    detail.section(
        "Figures",
        vec![
            format!("dated figures in all: {}", f.total),
            format!("undated (their source states no date): {}", f.undated),
            format!(
                "stale (more than {STALE_YEARS} years before {}): {}",
                standing.today(),
                f.stale
            ),
            format!("given only by a third party: {}", f.third_party_only),
        ],
    );
    out.detail(&detail, &about)?;
    Ok(Outcome::Done)
}
