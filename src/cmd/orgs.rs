//! `hi orgs [ID]`

use anyhow::Result;

use super::list_or_show;
use crate::catalog::Catalog;
use crate::cli::IdArg;
use crate::context::Context;
use crate::error::Outcome;
use crate::model::{Kind, Organization};
use crate::output::{Cell, Detail, Output, Table};
use crate::show::{Standing, sources_section, usd, with_note};

pub fn run(args: &IdArg, ctx: &Context, out: &mut Output) -> Result<Outcome> {
    let catalog = ctx.catalog()?;
    let standing = &ctx.standing()?;
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
            detail.field("Membership dues", dues(o, standing));
            detail.section("Certifications it issues", issued_by(catalog, &o.id));
            detail.section(
                "Holding several of its credentials",
                combined(o, catalog, standing),
            );
            detail.section("Notes", o.notes.clone());
            sources_section(&mut detail, catalog, &o.sources);
            detail
        },
    )
}

fn dues(o: &Organization, standing: &Standing) -> Cell {
    match &o.membership {
        Some(m) => {
            let line = format!(
                "{} a year — {}",
                usd(Some(m.annual_dues_usd)),
                standing.cited(m.as_of, &m.source)
            );
            with_note(line, &m.note).into()
        }
        None => Cell::unknown(),
    }
}

/// The issuer's rule for renewing several of its credentials at once, line by line.
fn combined(o: &Organization, catalog: &Catalog, standing: &Standing) -> Vec<String> {
    let Some(rule) = &o.combined_renewal else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let (source, as_of) = match &rule.fee_source {
        Some(source) => (source, rule.fee_as_of),
        None => (&rule.source, rule.as_of),
    };
    for (member, whose) in [(false, "a non-member's"), (true, "a member's")] {
        let fee = match rule.extra_fee(member) {
            Some(fee) => usd(Some(fee)).text,
            None if rule.extra_fee(!member).is_some() => "an amount no source gives".into(),
            None => continue,
        };
        lines.push(format!(
            "Each further credential adds {fee} to {whose} recertification fee for a cycle — {}",
            standing.cited(as_of, source)
        ));
    }
    let cited = standing.cited(rule.as_of, &rule.source);
    if let Some(hours) = rule.extra_credential_ce_hours {
        let cap = rule
            .max_ce_hours
            .map_or(String::new(), |max| format!(", up to {max} in all"));
        lines.push(format!(
            "CE hours: those of the most demanding credential, plus {hours} for each further \
             one{cap} — {cited}"
        ));
    }
    for r in &rule.replacements {
        let line = format!(
            "Earning {} replaces {} for recertification — {}",
            catalog.name_of(Kind::Certification, &r.credential),
            catalog.name_of(Kind::Certification, &r.replaces),
            standing.source(&r.source)
        );
        lines.push(with_note(line, &r.note));
    }
    if let Some(note) = &rule.note {
        lines.push(format!("Note: {note}"));
    }
    lines
}

fn issued_by(catalog: &Catalog, org: &str) -> Vec<String> {
    catalog
        .certifications()
        .iter()
        .filter(|c| c.issuer == org)
        .map(|c| c.name.clone())
        .collect()
}
