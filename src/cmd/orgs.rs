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
use crate::view::further_fees;

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
            detail.section("When a cycle ends unrenewed", lapse(o, standing));
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

/// What follows the end of a cycle with no renewal, period by period, each with its source.
fn lapse(o: &Organization, standing: &Standing) -> Vec<String> {
    let Some(lapse) = &o.lapse else {
        return vec!["not in the data: confirm with the issuer".to_string()];
    };
    let cited = |source: &Option<String>, as_of| match source {
        Some(source) => standing.cited(as_of, source),
        None => standing.cited(lapse.as_of, &lapse.source),
    };
    let mut lines = Vec::new();
    if lapse.no_grace {
        lines.push(format!(
            "No grace period — {}",
            standing.cited(lapse.as_of, &lapse.source)
        ));
    }
    for period in &lapse.periods {
        let days = period
            .days
            .map_or("for a time no source gives".to_string(), |d| {
                format!("for {d} days")
            });
        let fee = match period.fee_usd.map(u32::from) {
            Some(0) => ", with no extra fee".to_string(),
            Some(fee) => format!(", renewing costs ${fee} more per credential"),
            None => ", at an extra cost no source gives".to_string(),
        };
        let mut line = format!(
            "Then {} {days}{fee} — {}",
            period.state.label(),
            cited(&period.source, period.as_of)
        );
        for other in &period.conflicts {
            line += &format!(
                "; another source gives {} days — {}",
                other.days,
                standing.cited(other.as_of, &other.source)
            );
        }
        lines.push(with_note(line, &period.note));
    }
    lines.push(format!(
        "Then {} — {}",
        lapse.then.label(),
        standing.cited(lapse.as_of, &lapse.source)
    ));
    if lapse.stop_using {
        lines.push("The holder must stop using the credential once it has lapsed".to_string());
    }
    if lapse.late_renewal_restarts {
        lines.push("A late renewal starts a new cycle when approved, not backdated".to_string());
    }
    if let Some(r) = &lapse.reinstatement {
        let within = r
            .within_years
            .map_or("within a time no source gives".to_string(), |y| {
                format!("within {y} years")
            });
        let fee = r
            .fee_usd
            .map_or("a fee no source gives".to_string(), |f| format!("${f}"));
        let line = format!(
            "Reinstatement {within}, for {fee} — {}",
            standing.cited(r.as_of, &r.source)
        );
        lines.push(with_note(line, &r.note));
    }
    if let Some(note) = &lapse.note {
        lines.push(format!("Note: {note}"));
    }
    lines
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
    for (whose, fee) in further_fees(rule) {
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
