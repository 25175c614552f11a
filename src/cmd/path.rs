//! `hi path FROM TO [profile flags] [--years N] [--member|--non-member] [--sourced]`: every shortest way up
//! the career ladders from one role to another, each move with what it asks, the credentials
//! it names (their cost over the years and, for a person described, whether they may sit
//! them) and the sources that state it. The search itself is `ladder::shortest`.
//!
//! Where the data has no way, the result is empty (`moves` null, `ways` empty), stderr says
//! so, and the exit status is 0: an empty answer is an answer, as a search with no hits is.

use std::collections::HashMap;

use anyhow::Result;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::cli::PathArgs;
use crate::context::Context;
use crate::cost::{Cost, Terms, cost};
use crate::eligibility::{Person, Verdict, evaluate, unmet};
use crate::error::Outcome;
use crate::ladder;
use crate::model::{CareerLevel, Certification, Requires, Role};
use crate::output::{Detail, Output};
use crate::show::{Standing, requirements, sources_section, total_usd, verdict};

/// The most ways listed; how many there are in all is always given.
const MOST_WAYS: usize = 20;

#[derive(Debug, Serialize)]
struct Found {
    from: String,
    to: String,
    /// Whether the moves of the project's judgment were left out.
    sourced_only: bool,
    years: u32,
    /// Member prices everywhere (true), nowhere (false), or as the profile's memberships say
    /// (null).
    member: Option<bool>,
    /// Whether a profile or profile flags described the person.
    profile_given: bool,
    /// The moves each shortest way takes; null when the data has no way.
    moves: Option<usize>,
    /// How many shortest ways the data has; `ways` lists at most [`MOST_WAYS`].
    total: u64,
    ways: Vec<Way>,
}

#[derive(Debug, Serialize)]
struct Way {
    steps: Vec<Step>,
}

#[derive(Debug, Serialize)]
struct Step {
    from: String,
    to: String,
    /// The name and level of the role moved to.
    name: String,
    level: CareerLevel,
    requires: Requires,
    /// What the person lacks of `requires`; null when no profile was given.
    unmet: Option<Vec<String>>,
    credentials: Vec<Credential>,
    sources: Vec<String>,
    judgment: bool,
    note: Option<String>,
}

/// A credential a move names: what holding it costs, and whether the person may sit it.
#[derive(Debug, Serialize)]
struct Credential {
    id: String,
    name: String,
    /// Null when no profile was given.
    held: Option<bool>,
    eligibility: Option<Verdict>,
    cost: Cost,
}

pub fn run(args: &PathArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let from = catalog.get::<Role>(&args.from)?;
    let to = catalog.get::<Role>(&args.to)?;
    let person = super::described_person(ctx, &args.profile)?;
    let terms = super::terms(ctx, &args.pricing, args.years)?;
    let roles = catalog.roles();
    let (index, next) = moves(roles, args.sourced);
    let shortest = ladder::shortest(
        &next,
        index[from.id.as_str()],
        index[to.id.as_str()],
        MOST_WAYS,
    );
    let ways = shortest
        .paths
        .iter()
        .map(|path| way(path, roles, &terms, person.as_ref(), catalog))
        .collect::<Result<Vec<Way>>>()?;
    let found = Found {
        from: from.id.clone(),
        to: to.id.clone(),
        sourced_only: args.sourced,
        years: args.years,
        member: terms.member,
        profile_given: person.is_some(),
        moves: shortest.moves,
        total: shortest.ways,
        ways,
    };
    if found.moves.is_none() {
        out.message(&no_way(from, to, args.sourced))?;
    }
    let standing = ctx.standing()?;
    match out.data_only() {
        true => out.detail(&Detail::new(String::new()), &found)?,
        false => out.detail(&detail(&found, from, to, catalog, &standing), &found)?,
    }
    Ok(Outcome::Done)
}

/// Each role's position by id, and the moves out of each (leaving out those of the project's
/// judgment when `sourced`), in the order the data lists them.
fn moves(roles: &[Role], sourced: bool) -> (HashMap<&str, usize>, Vec<Vec<usize>>) {
    let index: HashMap<&str, usize> = roles
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let next = roles
        .iter()
        .map(|role| {
            role.leads_to
                .iter()
                .filter(|m| !(sourced && m.judgment))
                .filter_map(|m| index.get(m.role.as_str()).copied())
                .collect()
        })
        .collect();
    (index, next)
}

/// One way, the roles at `path`'s positions, as its moves.
fn way(
    path: &[usize],
    roles: &[Role],
    terms: &Terms,
    person: Option<&Person>,
    catalog: &Catalog,
) -> Result<Way> {
    let mut steps = Vec::new();
    for pair in path.windows(2) {
        let (from, to) = (&roles[pair[0]], &roles[pair[1]]);
        // A role lists a move to another role once (`load` checks it).
        let Some(step) = from.leads_to.iter().find(|m| m.role == to.id) else {
            continue;
        };
        let mut credentials = Vec::new();
        for id in &step.requires.credentials {
            let cert = catalog.get::<Certification>(id)?;
            credentials.push(Credential {
                id: cert.id.clone(),
                name: cert.name.clone(),
                held: person.map(|p| p.credentials.contains(&cert.id)),
                eligibility: person.map(|p| evaluate(cert, p, catalog, terms.today)),
                cost: cost(cert, catalog, terms),
            });
        }
        steps.push(Step {
            from: from.id.clone(),
            to: to.id.clone(),
            name: to.name.clone(),
            level: to.level,
            requires: step.requires.clone(),
            unmet: person.map(|p| unmet(&step.requires, p, catalog)),
            credentials,
            sources: step.sources.clone(),
            judgment: step.judgment,
            note: step.note.clone(),
        });
    }
    Ok(Way { steps })
}

/// What to say when the data has no way: that it is the data's silence, and what to try.
fn no_way(from: &Role, to: &Role, sourced: bool) -> String {
    let hint = match (from.leads_to.is_empty(), sourced) {
        (true, _) => format!("no move from `{}` is in the data", from.id),
        (false, true) => "moves of the project's judgment were left out (--sourced)".to_string(),
        (false, false) => format!("`hi roles {}` shows where it leads", from.id),
    };
    format!(
        "no known way from `{}` to `{}` in the data: {hint}",
        from.id, to.id
    )
}

fn detail(found: &Found, from: &Role, to: &Role, catalog: &Catalog, standing: &Standing) -> Detail {
    let mut detail = Detail::new(format!(
        "From {} ({}) to {} ({})",
        from.name, from.id, to.name, to.id
    ));
    let moves = match found.moves {
        Some(moves) => moves.to_string(),
        None => "no known way in the data".to_string(),
    };
    detail.field("Moves", moves);
    if found.total > 0 {
        let shown = match found.total > found.ways.len() as u64 {
            true => format!(", the first {} shown", found.ways.len()),
            false => String::new(),
        };
        detail.field("Shortest ways", format!("{}{shown}", found.total));
    }
    detail.field(
        "Moves walked",
        match found.sourced_only {
            true => "only those a source states",
            false => "those a source states, and those of the project's judgment",
        },
    );
    let prices = match found.member {
        Some(true) => "member",
        Some(false) => "non-member",
        None => "your memberships' (non-member where your profile names none)",
    };
    detail.field(
        "Credentials costed over",
        format!("{} years, at {prices} prices", found.years),
    );
    if !found.profile_given {
        detail.field(
            "Your profile",
            "not given: give its facts as flags (see --help) or with `hi profile set` to see \
             what you lack",
        );
    }
    let mut cited: Vec<&str> = Vec::new();
    for (w, way) in found.ways.iter().enumerate() {
        for (s, step) in way.steps.iter().enumerate() {
            let heading = format!(
                "Way {} of {}, move {} of {}: {} → {}",
                w + 1,
                found.total,
                s + 1,
                way.steps.len(),
                step.from,
                step.to
            );
            detail.section(&heading, step_lines(step, catalog, standing));
            cited.extend(step.sources.iter().map(String::as_str));
        }
    }
    sources_section(&mut detail, catalog, cited);
    detail
}

/// A move as lines: the role reached, what the move asks, what the person lacks, each
/// credential named, who states the move, and its note.
fn step_lines(step: &Step, catalog: &Catalog, standing: &Standing) -> Vec<String> {
    let mut lines = vec![format!("{}, {}", step.name, step.level.label())];
    lines.push(format!("Asks: {}", requirements(catalog, &step.requires)));
    if let Some(unmet) = &step.unmet {
        // What `hi` checked and found missing, apart from what only the person can confirm.
        let lacking: Vec<&str> = unmet
            .iter()
            .map(String::as_str)
            .filter(|u| !u.starts_with("to confirm: "))
            .collect();
        lines.push(match lacking.is_empty() {
            true => "You: nothing that hi can check is missing".to_string(),
            false => format!("You lack: {}", lacking.join("; ")),
        });
    }
    for credential in &step.credentials {
        let total = total_usd(credential.cost.total_usd, credential.cost.lower_bound).text;
        let mut line = format!(
            "{} ({}): {total} over {} years",
            credential.name, credential.id, credential.cost.years
        );
        match (&credential.held, &credential.eligibility) {
            (Some(true), _) => line += "; you hold it",
            (_, Some(v)) => line += &format!("; you: {}", verdict(v)),
            _ => {}
        }
        lines.push(line);
    }
    lines.push(format!(
        "Stated by: {}",
        standing.vouched(&step.sources, step.judgment)
    ));
    if let Some(note) = &step.note {
        lines.push(format!("Note: {note}"));
    }
    lines
}
