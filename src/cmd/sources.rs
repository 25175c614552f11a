//! `hi sources [ID] [--older-than N]`: where every figure comes from, and how old it is.

use std::collections::HashMap;

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Citation;
use crate::cli::SourcesArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::output::{Detail, Output, Table};
use crate::show::is_older_than;

pub fn run(args: &SourcesArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = &ctx.standing()?;
    let citations = catalog.citations();
    if let Some(years) = args.older_than {
        // An undated figure cannot be shown to be old; `hi about` counts them.
        let stale: Vec<&Citation> = citations
            .iter()
            .filter(|c| {
                c.as_of
                    .is_some_and(|d| is_older_than(d, years, standing.today()))
            })
            .collect();
        let mut table = Table::new(&["Kind", "ID", "Figure", "As of", "Source"]);
        for c in &stale {
            table.row(vec![
                c.kind.label().to_string(),
                c.id.to_string(),
                c.what.to_string(),
                c.as_of.map(|d| d.to_string()).unwrap_or_default(),
                c.source.to_string(),
            ]);
        }
        out.table(&table, &stale)?;
        return Ok(Outcome::Done);
    }
    let records = || catalog.sources().iter().collect();
    list_or_show(
        args.id.as_deref(),
        records,
        catalog,
        out,
        |sources| {
            // Counted in one pass: a count per source by scanning every citation would take
            // time that grows with the square of the data.
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for c in &citations {
                *counts.entry(c.source).or_default() += 1;
            }
            let mut table = Table::new(&["ID", "Title", "Publisher", "Kind", "Retrieved", "Cited"]);
            for s in sources {
                let cited = counts.get(s.id.as_str()).copied().unwrap_or(0);
                table.row(vec![
                    s.id.clone(),
                    s.title.clone(),
                    s.publisher.clone(),
                    s.kind.label().to_string(),
                    s.retrieved.to_string(),
                    cited.to_string(),
                ]);
            }
            table
        },
        |s| {
            let mut detail = Detail::new(format!("{} ({})", s.title, s.id));
            detail.field("Publisher", &s.publisher);
            detail.field("Kind", s.kind.label());
            detail.field("URL", &s.url);
            detail.field("Retrieved", s.retrieved.to_string());
            if let Some(published) = s.published {
                detail.field("Published", published.to_string());
            }
            let cited_by = citations
                .iter()
                .filter(|c| c.source == s.id)
                .map(|c| match c.as_of {
                    Some(d) => format!("{} {}: {} (as of {d})", c.kind.label(), c.id, c.what),
                    None => format!("{} {}: {}", c.kind.label(), c.id, c.what),
                })
                .collect();
            detail.section("Cited by", cited_by);
            detail.section("Notes", s.notes.clone());
            detail
        },
    )
}
