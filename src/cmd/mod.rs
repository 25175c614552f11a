//! One module per subcommand, each with the one shape `run(&args, &ctx, out)`, and the match
//! that calls it. What commands share lives in library modules (`show` for text, `output` for
//! tables, the rules in their own modules); here only the list-or-show shape of the record
//! commands, the person `eligible` and `plan` judge, and the terms `cost` and `plan` price on.

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
pub mod path;
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
use crate::cli::{Command, HelpArgs, PricingArgs, ProfileArgs, Query};
use crate::context::Context;
use crate::cost::Terms;
use crate::eligibility::{Lapsed, Person};
use crate::error::Outcome;
use crate::model::Certification;
use crate::output::{Column, Detail, Output, Table, keys_of};

/// The columns and JSON keys a command declares for `--fields`, by its name (`certs`, `ce
/// list`): what its
/// `--help` lists and what completion offers. None for a command whose JSON is not a list of
/// records (a comparison, a plan): there `--fields` takes the keys of what it prints.
pub fn declared(command: &str) -> Option<(&'static [Column], &'static [&'static str])> {
    use crate::model::*;
    Some(match command {
        "roles" => (roles::COLUMNS, keys_of::<Role>()),
        "responsibilities" => (responsibilities::COLUMNS, keys_of::<Responsibility>()),
        "skills" => (skills::COLUMNS, keys_of::<Skill>()),
        "employers" => (employers::COLUMNS, keys_of::<Employer>()),
        "certs" => (certs::COLUMNS, keys_of::<Certification>()),
        "orgs" => (orgs::COLUMNS, keys_of::<Organization>()),
        "salaries" => (salaries::COLUMNS, keys_of::<Salary>()),
        "paths" => (paths::COLUMNS, keys_of::<EducationPath>()),
        "regulations" => (regulations::COLUMNS, keys_of::<Regulation>()),
        "occupations" => (occupations::COLUMNS, keys_of::<Occupation>()),
        "sources" => (sources::COLUMNS, keys_of::<Source>()),
        "search" => (search::COLUMNS, search::KEYS),
        "eligible" => (eligible::COLUMNS, eligible::KEYS),
        "status" => (status::COLUMNS, status::KEYS),
        "ce list" => (ce::COLUMNS, ce::KEYS),
        _ => return None,
    })
}

/// `examples`, then the names `--fields` takes for `command`: the long help of a command that
/// lists records.
pub fn help_with_fields(command: &str, examples: &str) -> String {
    match declared(command) {
        Some((columns, keys)) => format!(
            "{examples}\n\n{}",
            crate::output::fields_help(columns, keys)
        ),
        None => examples.to_string(),
    }
}

/// Runs the command asked for; no command shows the help and the tour.
pub fn run(command: Option<Command>, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let Some(command) = command else {
        return help::run(&HelpArgs::default(), ctx, out);
    };
    match command {
        Command::Query(query) => query_catalog(query, ctx, out),
        Command::Data(args) => data::run(&args, ctx, out),
        Command::Completions(args) => completions::run(&args, ctx, out),
        Command::Man(args) => man::run(&args, ctx, out),
        Command::Help(args) => help::run(&args, ctx, out),
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
        Query::Path(args) => path::run(&args, ctx, out),
        Query::Profile(args) => profile::run(&args, ctx, out),
        Query::Ce(args) => ce::run(&args, ctx, out),
        Query::Status(args) => status::run(&args, ctx, out),
        Query::About(args) => about::run(&args, ctx, out),
        Query::Site(args) => site::run(&args, ctx, out),
        Query::Report(args) => report::run(&args, ctx, out),
    }
}

/// The person the profile and the flags describe: each flag given wins over the profile's
/// fact, a fact neither gives stays unknown (the verdicts say which flag would settle it), and
/// the credentials are the profile's and the flags', each id checked.
pub fn person(ctx: &Context, args: &ProfileArgs) -> Result<Person> {
    person_of(&ctx.profile()?, ctx, args)
}

/// The person, as [`person`] makes them, only when the profile or the flags say anything of
/// them (a fact, or a credential held): with nothing known, nothing is judged of nobody.
pub fn described_person(ctx: &Context, args: &ProfileArgs) -> Result<Option<Person>> {
    let stored = ctx.profile()?;
    let described = !args.facts.facts()?.or(&stored.facts).is_empty()
        || !args.credentials.is_empty()
        || !stored.credentials.is_empty();
    match described {
        true => person_of(&stored, ctx, args).map(Some),
        false => Ok(None),
    }
}

fn person_of(
    stored: &crate::profile::Profile,
    ctx: &Context,
    args: &ProfileArgs,
) -> Result<Person> {
    let catalog = ctx.catalog()?;
    let facts = args.facts.facts()?.or(&stored.facts);
    facts.check().map_err(crate::error::usage)?;
    let today = ctx.today()?;
    let (mut credentials, mut lapsed) = (Vec::new(), Vec::new());
    // One a flag names counts as held; one the profile holds, as it stands today.
    let named = args.credentials.iter().map(|id| (id, None));
    for (id, held) in named.chain(stored.credentials.iter().map(|h| (&h.id, Some(h)))) {
        let cert = catalog.get::<Certification>(id)?;
        if credentials.contains(&cert.id) || lapsed.iter().any(|l: &Lapsed| l.id == cert.id) {
            continue;
        }
        let standing = held.map(|h| crate::lifecycle::in_force_standing(cert, h, catalog, today));
        match standing {
            Some(s) if s.state.out_of_force() => {
                let state = match s.since {
                    Some(since) => format!("{} since {since}", s.state.label()),
                    None => s.state.label().to_string(),
                };
                let lost = s.state.lost();
                let id = cert.id.clone();
                lapsed.push(Lapsed { id, state, lost });
            }
            _ => credentials.push(cert.id.clone()),
        }
    }
    Ok(Person {
        facts,
        credentials,
        lapsed,
    })
}

/// The terms `cost` and `plan` price on: today, the profile's memberships unless a flag
/// decides, and a retake when asked.
pub fn terms(ctx: &Context, pricing: &PricingArgs, years: u32) -> Result<Terms> {
    let memberships = match pricing.member() {
        Some(false) => Vec::new(),
        _ => ctx.profile()?.memberships,
    };
    Ok(Terms {
        years,
        today: ctx.today()?,
        member: pricing.member(),
        memberships,
        with_retake: pricing.with_retake,
    })
}

/// With an id, shows that record in full; without, lists `records` (filtered as asked).
/// Each is computed only when needed: showing one record decodes no other, and JSON builds
/// no table. With `--fields`, the record shown is a list of one, so that the names of the
/// list's columns work for it too.
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
            if out.fields_given() {
                out.table(&table(&[record]), record)?;
            } else if out.data_only() {
                out.json(record)?;
            } else {
                out.detail(&detail(record), record)?;
            }
        }
        None => {
            let records = records();
            match out.needs_table() {
                true => out.table(&table(&records), &records)?,
                false => out.json(&records)?,
            }
            if records.is_empty() {
                // Not empty unfiltered: then a filter left nothing.
                out.message(&match T::all(catalog).is_empty() {
                    true => format!("the data has no {}", T::KIND.plural()),
                    false => format!("no {} matches the filters given", T::KIND.label()),
                })?;
            }
        }
    }
    Ok(Outcome::Done)
}
