//! `hi compare ID ID...`: certifications side by side, or roles side by side.

use anyhow::{Result, bail};

use crate::catalog::Catalog;
use crate::cli::CompareArgs;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Certification, Fees, Kind, Role};
use crate::output::{Cell, Output, SideBySide, Table};
use crate::show::{Standing, count, duration, names, usd};

pub fn run(args: &CompareArgs, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = &ctx.standing()?;
    let kind = kind_of_all(&args.ids, catalog)?;
    match kind {
        Kind::Certification => {
            let certs = catalog.distinct::<Certification>(&args.ids)?;
            out.table(&certifications(&certs, catalog, standing), &certs)?;
            Ok(Outcome::Done)
        }
        _ => {
            let roles = catalog.distinct::<Role>(&args.ids)?;
            out.table(&roles_table(&roles, catalog), &roles)?;
            Ok(Outcome::Done)
        }
    }
}

/// Certification or Role, the same for every id; anything else is an error that says why.
fn kind_of_all(ids: &[String], catalog: &Catalog) -> Result<Kind> {
    let comparable = [Kind::Certification, Kind::Role];
    let mut first: Option<(Kind, &str)> = None;
    for id in ids {
        let kinds = catalog.kinds_of(id);
        let Some(&kind) = kinds.iter().find(|k| comparable.contains(k)) else {
            match kinds.first() {
                Some(other) => {
                    return Err(crate::error::usage(format!(
                        "`{id}` is a {}: compare takes certifications or roles",
                        other.label()
                    )));
                }
                None => bail!(
                    "{}",
                    catalog.not_found(first.map_or(Kind::Certification, |(k, _)| k), id)
                ),
            }
        };
        match first {
            None => first = Some((kind, id)),
            Some((first_kind, first_id)) if first_kind != kind => {
                return Err(crate::error::usage(format!(
                    "cannot compare a {} (`{first_id}`) with a {} (`{id}`): compare \
                     certifications with certifications, or roles with roles",
                    first_kind.label(),
                    kind.label()
                )));
            }
            Some(_) => {}
        }
    }
    Ok(first.map_or(Kind::Certification, |(k, _)| k))
}

fn certifications(certs: &[&Certification], catalog: &Catalog, standing: &Standing) -> Table {
    let mut side = SideBySide::new("", certs, |c| c.name.clone());
    let mut row = |label: &str, cell: &dyn Fn(&Certification) -> Cell| side.row(label, cell);
    row("Name", &|c| c.full_name.as_str().into());
    row("Issuer", &|c| {
        catalog.name_of(Kind::Organization, &c.issuer).into()
    });
    row("Level", &|c| c.level.label().into());
    row("Eligibility routes", &|c| {
        if c.eligibility.is_empty() {
            Cell::unknown()
        } else {
            c.eligibility
                .iter()
                .map(|r| format!("• {}", r.label))
                .collect::<Vec<_>>()
                .join("\n")
                .into()
        }
    });
    row("Exam length", &|c| {
        duration(c.exam.as_ref().and_then(|e| e.duration_minutes))
    });
    row(
        "Questions",
        &|c| match c.exam.as_ref().and_then(|e| e.questions) {
            Some(questions) => questions.to_string().into(),
            None => Cell::unknown(),
        },
    );
    row("Exam as of", &|c| match &c.exam {
        Some(e) => standing.date(e.as_of, &e.source),
        None => Cell::unknown(),
    });
    let fee = |c: &Certification, amount: &dyn Fn(&Fees) -> Cell| match &c.fees {
        Some(f) => amount(f),
        None => Cell::unknown(),
    };
    row("Member fee", &|c| fee(c, &|f| usd(f.member_usd)));
    row("Non-member fee", &|c| fee(c, &|f| usd(f.non_member_usd)));
    row("Affiliate fee", &|c| fee(c, &|f| usd(f.affiliate_usd)));
    row("Membership saves", &|c| {
        fee(c, &|f| usd(f.member_saving_usd))
    });
    row("Fees as of", &|c| match &c.fees {
        Some(f) => standing.fees_date(f, &c.fee_history),
        None => Cell::unknown(),
    });
    row("Renewal cycle", &|c| count(c.renewal.cycle_years, "years"));
    row("CE hours per cycle", &|c| count(c.renewal.ce_hours, "h"));
    row("CE from issuer", &|c| {
        count(c.renewal.ce_from_issuer_hours, "h")
    });
    let mut table = side.table;
    standing.legend(&mut table);
    table
}

fn roles_table(roles: &[&Role], catalog: &Catalog) -> Table {
    let mut side = SideBySide::new("", roles, |r| r.name.clone());
    let mut row = |label: &str, cell: &dyn Fn(&Role) -> Cell| side.row(label, cell);
    let lines = |kind: Kind, ids: &[String]| names(catalog, kind, ids).replace(", ", "\n");
    row("Typical education", &|r| r.education.as_str().into());
    row("Responsibilities", &|r| {
        catalog
            .responsibilities()
            .iter()
            .filter(|x| x.roles.contains(&r.id))
            .map(|x| x.name.clone())
            .collect::<Vec<_>>()
            .join("\n")
            .into()
    });
    row("Skills", &|r| lines(Kind::Skill, &r.skills).into());
    row("Employer types", &|r| {
        lines(Kind::Employer, &r.employers).into()
    });
    row("Certifications", &|r| {
        lines(Kind::Certification, &r.certifications).into()
    });
    side.table
}
