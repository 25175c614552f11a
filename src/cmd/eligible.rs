//! `hi eligible [profile flags] [--cert ID] [--status S] [--explain]`: one line per
//! certification (its verdict and the first thing standing in the way), or every route of
//! each with how it stands.

use anyhow::Result;

use crate::cli::EligibleArgs;
use crate::context::Context;
use crate::eligibility::{RouteStatus, Status, Verdict, evaluate};
use crate::error::Outcome;
use crate::model::Certification;
use crate::output::{Cell, Column, Output, Table, Tone};

/// The columns of `hi eligible`: one line per certification.
pub const COLUMNS: &[Column] = &[
    Column::new("ID").key("id"),
    Column::new("Status").key("status"),
    Column::new("First reason")
        .key("first_reason")
        .prose()
        .rank(2),
];

/// The columns of `hi eligible --explain` (and `--cert`): one line per route.
pub const EXPLAINED: &[Column] = &[
    Column::new("ID").key("id"),
    Column::new("Status").key("status"),
    Column::new("Route").prose().rank(3),
    Column::new("Route status").rank(2),
    Column::new("Missing").key("missing").prose().rank(2),
];

/// The keys of a verdict's JSON, as `Verdict` serializes them.
pub const KEYS: &[&str] = &[
    "id",
    "name",
    "status",
    "route",
    "missing",
    "ask",
    "routes",
    "applications",
    "first_reason",
];

pub fn run(args: &EligibleArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let person = super::person(ctx, &args.profile)?;
    let today = ctx.today()?;
    let certs: Vec<&Certification> = match &args.cert {
        Some(id) => vec![catalog.get::<Certification>(id)?],
        None => catalog.certifications().iter().collect(),
    };
    let verdicts: Vec<Verdict> = certs
        .iter()
        .map(|c| evaluate(c, &person, catalog, today))
        .filter(|v| args.status.is_none_or(|s| v.status == s))
        .collect();
    let table = match args.explain || args.cert.is_some() {
        true => explained(&verdicts),
        false => compact(&verdicts),
    };
    out.table(&table, &verdicts)?;
    Ok(Outcome::Done)
}

fn tone(status: Status) -> Tone {
    match status {
        Status::Eligible => Tone::Good,
        Status::NotEligible => Tone::Bad,
        Status::Unknown => Tone::Unsure,
    }
}

/// One row per certification: its verdict and the first reason for it.
fn compact(verdicts: &[Verdict]) -> Table {
    let mut table = Table::with_keys(COLUMNS, KEYS);
    for v in verdicts {
        table.row(vec![
            v.id.clone().into(),
            Cell::new(v.status.label(), tone(v.status)),
            v.first_reason.clone().into(),
        ]);
    }
    table
}

/// One row per route of each certification, with how it stands and what it lacks.
fn explained(verdicts: &[Verdict]) -> Table {
    let mut table = Table::with_keys(EXPLAINED, KEYS);
    for v in verdicts {
        let status = Cell::new(v.status.label(), tone(v.status));
        if v.routes.is_empty() {
            table.row(vec![
                v.id.clone().into(),
                status,
                Cell::unknown(),
                Cell::default(),
                v.missing.join("\n").into(),
            ]);
            continue;
        }
        for (i, route) in v.routes.iter().enumerate() {
            let (id, status) = match i {
                0 => (v.id.clone().into(), status.clone()),
                _ => (Cell::default(), Cell::default()),
            };
            let route_tone = match route.status {
                RouteStatus::Eligible => Tone::Good,
                RouteStatus::Unknown => Tone::Unsure,
                _ => Tone::Bad,
            };
            let mut missing = route.missing.clone();
            if !route.ask.is_empty() {
                missing.push(format!("tell me {}", route.ask.join(", ")));
            }
            missing.extend(route.confirm.iter().cloned());
            table.row(vec![
                id,
                status,
                route.label.clone().into(),
                Cell::new(route.status.label(), route_tone),
                missing.join("\n").into(),
            ]);
        }
        if let Some(said) = &v.applications {
            table.row(vec![
                Cell::default(),
                Cell::default(),
                "applications".into(),
                Cell::new("not open", Tone::Bad),
                said.into(),
            ]);
        }
    }
    table
}
