//! `hi report --html FILE [profile flags] [--role ROLE [--have ...]] [--years N] [--member]`:
//! one printable page for a person (see `html::report`), from their profile and the same
//! flags as `hi eligible` and `hi plan`, written as `--ics` files are: whole, through a
//! symlink, into a FIFO, or printed for `-`.

use anyhow::Result;
use serde::Serialize;

use crate::cli::ReportArgs;
use crate::context::Context;
use crate::eligibility::{assumed, evaluate};
use crate::error::Outcome;
use crate::html::report::{Report, render};
use crate::model::Role;
use crate::output::{Detail, Output};
use crate::plan::plan;
use crate::status::statuses;
use crate::write::write_or_print;

/// What `hi report --json` prints.
#[derive(Debug, Serialize)]
struct Written {
    file: String,
    bytes: usize,
}

pub fn run(args: &ReportArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = ctx.standing()?;
    let stored = ctx.profile()?;
    let person = super::person(ctx, &args.profile, out)?;
    let verdicts = catalog
        .certifications()
        .iter()
        .filter(|c| !person.credentials.contains(&c.id))
        .map(|c| evaluate(c, &person, catalog))
        .collect();
    let plan = match &args.role {
        Some(role) => {
            let plan = plan(&person, role, &args.have, args.years, args.member, catalog)?;
            let role = catalog.get::<Role>(&plan.role)?;
            Some((plan, role))
        }
        None => None,
    };
    let facts = args.profile.facts.facts().or(&stored.facts);
    let report = Report {
        person: &person,
        facts: &facts,
        assumed: assumed(&facts),
        memberships: &stored.memberships,
        verdicts,
        plan,
        statuses: statuses(&stored, catalog, standing.today()),
    };
    let html = render(&report, catalog, &standing);
    ctx.refuse_own(&args.html)?;
    if write_or_print(&args.html, html.as_bytes(), args.force, out)? {
        return Ok(Outcome::Done);
    }
    let written = Written {
        file: args.html.display().to_string(),
        bytes: html.len(),
    };
    let mut detail = Detail::new(format!("Report written to {}", written.file));
    detail.field("Bytes", written.bytes.to_string());
    out.detail(&detail, &written)?;
    Ok(Outcome::Done)
}
