//! One module per subcommand, each with the one shape `run(&args, &ctx, out)`, and the match
//! that calls it. What commands share lives in library modules (`show` for text, `output` for
//! tables, the rules in their own modules); here only the list-or-show shape of the record
//! commands and the person `eligible` and `plan` judge.

pub mod about;
pub mod ce;
pub mod certs;
pub mod compare;
pub mod completions;
pub mod cost;
pub mod data;
pub mod eligible;
pub mod employers;
pub mod gap;
pub mod help;
pub mod man;
pub mod occupations;
pub mod orgs;
pub mod paths;
pub mod plan;
pub mod profile;
pub mod regulations;
pub mod renew;
pub mod report;
pub mod responsibilities;
pub mod roles;
pub mod salaries;
pub mod search;
pub mod site;
pub mod skills;
pub mod sources;
pub mod status;

use anyhow::Result;

use crate::catalog::{Catalog, Stored};
use crate::cli::{Command, ProfileArgs, Query};
use crate::context::Context;
use crate::eligibility::{Person, assumed};
use crate::error::Outcome;
use crate::model::Certification;
use crate::output::{Detail, Output, Table};

/// Runs the command asked for; no command shows the help and the tour.
pub fn run(command: Option<Command>, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let Some(command) = command else {
        return help::run(ctx, out);
    };
    match command {
        Command::Query(query) => query_catalog(query, ctx, out),
        Command::Data(args) => data::run(&args, ctx, out),
        Command::Completions(args) => completions::run(&args, ctx, out),
        Command::Man(args) => man::run(&args, ctx, out),
    }
}

fn query_catalog(query: Query, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    match query {
        Query::Roles(args) => roles::run(&args, ctx, out),
        Query::Responsibilities(args) => responsibilities::run(&args, ctx, out),
        Query::Skills(args) => skills::run(&args, ctx, out),
        Query::Employers(args) => employers::run(&args, ctx, out),
        Query::Certs(args) => certs::run(&args, ctx, out),
        Query::Orgs(args) => orgs::run(&args, ctx, out),
        Query::Salaries(args) => salaries::run(&args, ctx, out),
        Query::Paths(args) => paths::run(&args, ctx, out),
        Query::Regulations(args) => regulations::run(&args, ctx, out),
        Query::Occupations(args) => occupations::run(&args, ctx, out),
        Query::Sources(args) => sources::run(&args, ctx, out),
        Query::Compare(args) => compare::run(&args, ctx, out),
        Query::Search(args) => search::run(&args, ctx, out),
        Query::Eligible(args) => eligible::run(&args, ctx, out),
        Query::Cost(args) => cost::run(&args, ctx, out),
        Query::Renew(args) => renew::run(&args, ctx, out),
        Query::Gap(args) => gap::run(&args, ctx, out),
        Query::Plan(args) => plan::run(&args, ctx, out),
        Query::Profile(args) => profile::run(&args, ctx, out),
        Query::Ce(args) => ce::run(&args, ctx, out),
        Query::Status(args) => status::run(&args, ctx, out),
        Query::About(args) => about::run(&args, ctx, out),
        Query::Site(args) => site::run(&args, ctx, out),
        Query::Report(args) => report::run(&args, ctx, out),
    }
}

/// The person the profile and the flags describe (each flag given wins over the profile's
/// fact; the credentials are the profile's and the flags', each id checked), after saying on
/// stderr what is assumed because neither gives it.
pub fn person(ctx: &Context, args: &ProfileArgs, out: &mut Output) -> Result<Person> {
    let catalog = ctx.catalog()?;
    let stored = ctx.profile()?;
    let facts = args.facts.facts().or(&stored.facts);
    facts.check().map_err(crate::error::usage)?;
    let mut credentials: Vec<String> = Vec::new();
    for id in stored
        .credentials
        .iter()
        .map(|h| &h.id)
        .chain(&args.credentials)
    {
        let id = &catalog.get::<Certification>(id)?.id;
        if !credentials.contains(id) {
            credentials.push(id.clone());
        }
    }
    if let Some(note) = assumed(&facts)
        && !out.data_only()
    {
        out.message(&note)?;
    }
    Ok(Person::new(&facts, credentials))
}

/// With an id, shows that record in full; without, lists `records` (filtered as asked).
/// Each is computed only when needed: showing one record decodes no other, and JSON builds
/// no table.
pub fn list_or_show<'a, T: Stored>(
    id: Option<&str>,
    records: impl FnOnce() -> Vec<&'a T>,
    catalog: &'a Catalog,
    out: &mut Output,
    table: impl Fn(&[&T]) -> Table,
    detail: impl Fn(&T) -> Detail,
) -> Result<Outcome> {
    match id {
        Some(id) => {
            let record = catalog.get::<T>(id)?;
            match out.data_only() {
                true => out.detail(&Detail::new(String::new()), record)?,
                false => out.detail(&detail(record), record)?,
            }
        }
        None => {
            let records = records();
            match out.data_only() {
                true => out.table(&Table::new(&[]), &records)?,
                false => out.table(&table(&records), &records)?,
            }
        }
    }
    Ok(Outcome::Done)
}
